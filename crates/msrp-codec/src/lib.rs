//! `msrp-codec` reads and writes the wire format of MSRP (RFC 4975): URIs and path lists,
//! frames parsed incrementally from a TCP byte stream (bodies handed out as they arrive, never
//! buffered), Byte-Range, the cutting of a message into SEND chunks with collision-free
//! transaction ids, responses, REPORTs and status codes. It is `no_std` (features `alloc` and
//! `std`), allocates nothing per frame or chunk, and every bound on input lives in [`Limits`].
//!
//! It is NOT a session: it opens no sockets, reads no clock, keeps no timers, matches no
//! responses to requests and decides nothing about what to answer. Randomness for
//! transaction ids comes from the caller. A session state machine builds on it.
//!
//! The main loop: cut a message into SENDs, then feed the bytes, in any split, to a parser.
//!
//! ```
//! use msrp_codec::chunker::{Chunker, ChunkerConfig};
//! use msrp_codec::transaction_id::SplitMix64;
//! use msrp_codec::{Event, Flag, Parser};
//!
//! let message = b"A large message, cut into SEND chunks of 8 octets.";
//! let mut cfg = ChunkerConfig::new(
//!     "msrp://bob.example.com:8888/9di4eae923wzd;tcp",
//!     "msrp://alice.example.com:7777/iau39soe2843z;tcp",
//!     "m2x9k4qp",
//!     "text/plain",
//! );
//! cfg.chunk_size = 8;
//! cfg.total = Some(message.len() as u64);
//! let mut chunker = Chunker::new(cfg, SplitMix64(7))?;
//! let mut wire = Vec::new();
//! let mut rest = &message[..];
//! while !chunker.is_finished() {
//!     let frame = chunker.next_chunk(rest, false)?; // head + borrowed body + end-line
//!     rest = &rest[frame.body.len()..];
//!     frame.write_to(&mut wire);
//! }
//!
//! let mut parser = Parser::default();
//! let mut received = Vec::new();
//! let mut last_flag = None;
//! for read in wire.chunks(5) {
//!     let mut input = read;
//!     loop {
//!         let feed = parser.feed(input)?;
//!         input = &input[feed.consumed..];
//!         match feed.event {
//!             Some(Event::Head(head)) => assert_eq!(head.message_id, Some("m2x9k4qp")),
//!             Some(Event::Body(bytes)) => received.extend_from_slice(bytes),
//!             Some(Event::End(end)) => last_flag = Some(end.flag),
//!             None => break, // all of `read` used: wait for more bytes
//!         }
//!     }
//! }
//! assert_eq!(received, message);
//! assert_eq!(last_flag, Some(Flag::Complete));
//! # Ok::<(), Box<dyn std::error::Error>>(())
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
mod head_controls;
mod head_scan;
mod header_name;
pub mod limits;
pub mod parser;
mod path_cache;
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
