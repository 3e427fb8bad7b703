//! SIP (RFC 3261) messages: parse, frame and build them without copying or allocating.
//!
//! `sip-msg` reads a request or response from a datagram or from a stream, checks it against the
//! grammar and the rules every user agent applies (mandatory headers, CSeq, Content-Length), and
//! gives typed, borrowed access to its headers. It also writes messages into a caller's buffer
//! and splits and builds `multipart/mixed` bodies. It is `no_std` (with optional `alloc`).
//!
//! It is NOT a transaction layer, a dialog layer or a transport: it never opens a socket, reads a
//! clock or keeps state across messages, beyond the stream framer that remembers whether its
//! stream is still usable.
//!
//! Entry points:
//! - [`parse`] / [`Parser::parse_datagram`]: one message from a datagram, validated by default
//!   ([`Mode::Lenient`] for proxies), within configurable [`Limits`];
//!   [`Parser::parse_datagram_into`] fills a [`MessageSlot`] the caller keeps instead of
//!   returning the message by value, which costs a copy.
//! - [`StreamFramer::frame`]: the next message from a TCP/TLS byte stream, or how many bytes it
//!   still needs; [`StreamFramer::frame_into`] fills a [`MessageSlot`] instead.
//! - [`Message`]: the borrowed view; typed accessors (`cseq`, `vias`, `from`, `session_expires`,
//!   ...) parse values on demand with the types of [`header`].
//! - [`MessageWriter`]: requests and responses into a `&mut [u8]` or a reused `Vec<u8>`.
//! - [`multipart`] and [`resource_list`]: `multipart/mixed` bodies and RFC 5366 recipient lists.
//!
//! ```
//! use sip_msg::{parse, HeaderName};
//!
//! let bytes = b"INVITE sip:bob@example.net SIP/2.0\r\n\
//!     v: SIP/2.0/TCP 198.51.100.7;branch=z9hG4bK74bf9\r\n\
//!     Max-Forwards: 70\r\n\
//!     f: <sip:alice@example.com>;tag=9fxced76sl\r\n\
//!     t: <sip:bob@example.net>\r\n\
//!     i: 3848276298220188511@198.51.100.7\r\n\
//!     CSeq: 1 INVITE\r\n\
//!     X-Unknown:  kept as is\r\n\
//!     l: 4\r\n\r\nbody";
//! let msg = parse(bytes)?;
//! assert_eq!(msg.request_uri(), Some("sip:bob@example.net"));
//! assert_eq!(msg.get(HeaderName::CallId).map(|h| h.value()), Some("3848276298220188511@198.51.100.7"));
//! let names: Vec<&str> = msg.headers().map(|h| h.full_name()).collect();
//! assert_eq!(names[..2], ["Via", "Max-Forwards"]);
//! assert_eq!(msg.body(), b"body");
//! # Ok::<(), sip_msg::Error>(())
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod builder;
pub mod error;
pub mod grammar;
pub mod header;
pub mod limits;
pub mod multipart;
pub mod resource_list;
pub mod uri;

mod accessors;
mod block;
mod body;
mod field;
mod framing;
mod message;
mod name;
mod scan;
mod slot;
mod start_line;
mod swar;
mod text;
mod validate;

pub use accessors::{Item, ListItems, TypedLines, TypedList};
pub use builder::MessageWriter;
pub use error::{Error, ValueError};
pub use field::{Header, Unfolded};
pub use framing::{Frame, Framed, StreamFramer};
pub use limits::{Limit, Limits};
pub use message::{parse, Message, Mode, NamedHeaders, Parser};
pub use name::HeaderName;
pub use slot::MessageSlot;
pub use start_line::{Method, StartLine, StatusCode};
