//! `msrp-codec` reads and writes the wire format of MSRP (RFC 4975): URIs, frames parsed
//! incrementally from a TCP byte stream, Byte-Range, chunking of messages into SENDs, REPORTs
//! and status codes. It is `no_std`, allocates nothing on the hot path and never blocks.
//!
//! It is NOT a session: it opens no sockets, keeps no timers, matches no transactions and does
//! not decide what to answer; a session state machine builds on it.
//!
//! ```
//! use msrp_codec::MsrpUri;
//! let uri = MsrpUri::parse("msrp://bob.example.com:8888/9di4eae923wzd;tcp")?;
//! assert_eq!(uri.host(), "bob.example.com");
//! # Ok::<(), msrp_codec::UriError>(())
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod byte_range;
pub mod chunker;
mod collision;
mod end_line;
pub mod error;
pub mod frame;
mod head;
mod head_scan;
pub mod limits;
pub mod parser;
pub mod report;
pub mod status;
pub mod transaction_id;
pub mod uri;
pub mod writer;

pub use byte_range::ByteRange;
pub use chunker::{ChunkError, ChunkFrame, Chunker, ChunkerConfig};
pub use error::{Error, ErrorKind};
pub use frame::{Flag, FrameHead, FrameKind, Header, Method};
pub use limits::Limits;
pub use parser::{Event, Feed, FrameEnd, Parser};
pub use report::{FailureReport, Report, ReportView, SuccessReport};
pub use status::{Status, StatusCode};
pub use transaction_id::TransactionId;
pub use uri::{MsrpUri, Scheme, UriError};
pub use writer::{write_end_line, BufferTooSmall, Request, Response};
