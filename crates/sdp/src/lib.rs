//! `sdp` reads and writes Session Description Protocol text (RFC 8866) for MSRP sessions
//! (RFC 4975 §8): it parses a description into a view that borrows the input, types the
//! attributes an MSRP message stream relies on (`path`, `accept-types`,
//! `accept-wrapped-types`, `max-size`, `setup`, `connection`, the direction attributes),
//! builds the offer of a large-message client, and checks an answer against it (RFC 3264,
//! RFC 6135) into what a session needs: where to send, who connects, which types may be sent.
//!
//! It is NOT a media engine or an ICE/WebRTC SDP library: it does not interpret RTP payload
//! formats, codecs, candidates or fingerprints (those lines are kept, in order, as written),
//! and it opens no connection. It is `no_std`, allocates nothing while parsing and never
//! panics on any input.
//!
//! ```
//! use sdp::{SessionDescription, Direction};
//!
//! let answer = b"v=0\r\n\
//! o=bob 2890844527 2890844527 IN IP4 198.51.100.7\r\n\
//! s=-\r\n\
//! c=IN IP4 198.51.100.7\r\n\
//! t=0 0\r\n\
//! m=message 2855 TCP/MSRP *\r\n\
//! a=recvonly\r\n\
//! a=accept-types:message/cpim text/plain\r\n\
//! a=path:msrp://198.51.100.7:2855/kjhd37s2s20w2a;tcp\r\n";
//!
//! let sdp = SessionDescription::parse(answer)?;
//! let (_, stream) = sdp.message_stream().expect("an MSRP stream");
//! assert_eq!(sdp.direction_of(stream), Direction::RecvOnly);
//! assert!(stream.accept_types().unwrap().allows("text/plain"));
//! assert_eq!(stream.path().unwrap().first().session_id(), Some("kjhd37s2s20w2a"));
//! # Ok::<(), sdp::ParseError>(())
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod address;
pub mod attribute;
mod attribute_run;
mod builder;
mod common;
mod error;
mod fields;
mod limits;
mod line;
mod media;
mod offer_answer;
mod parse;
mod rules;
mod scan;
mod session;
mod sink;
mod state;
mod syntax;
mod text;
mod word;

pub use address::{Address, AddressType, ConnectionData, Host};
pub use attribute::accept_types::{MediaRange, MediaTypes};
pub use attribute::direction::Direction;
pub use attribute::path::Path;
pub use attribute::setup::{ConnectionMode, Setup};
pub use attribute::Attribute;
pub use builder::MsrpDescription;
pub use error::{BuildError, ParseError, ParseErrorKind};
pub use limits::{Limits, MEDIA_CAPACITY};
pub use line::{Attributes, Line, Lines};
pub use media::{MediaDescription, MsrpTransport};
pub use offer_answer::{connection_role, negotiate, AnswerError, ConnectionRole, Negotiated};
pub use session::{Origin, SessionDescription};
