//! The one error type of the frame parser: what is wrong, at which byte of the stream, and in
//! which header.

use crate::uri::{UriError, UriErrorKind};
use arrayvec::ArrayString;
use core::fmt;

/// Longest header name kept in an [`Error`]; longer names are cut.
pub const HEADER_NAME_CAPACITY: usize = 32;

/// A frame the peer got wrong. After one, the parser stays failed: MSRP has no way to find the
/// next frame in a corrupted stream, so the connection should be closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Byte offset in the stream fed to the parser (from its first byte).
    pub offset: u64,
    /// The header the error is in, if any.
    pub header: Option<ArrayString<HEADER_NAME_CAPACITY>>,
}

/// The kinds of [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The bytes break the grammar; the text says what was expected.
    Syntax(&'static str),
    /// The head is longer than [`Limits::max_head_bytes`](crate::Limits::max_head_bytes).
    HeadTooLarge,
    /// More header lines than [`Limits::max_headers`](crate::Limits::max_headers).
    TooManyHeaders,
    /// The first header is not To-Path.
    MissingToPath,
    /// The second header is not From-Path.
    MissingFromPath,
    /// A header that may appear once appears twice.
    DuplicateHeader,
    /// A URI in To-Path or From-Path is invalid.
    Uri(UriErrorKind),
    /// The Byte-Range value is invalid; the text says what was expected.
    ByteRange(&'static str),
    /// A request has a body but no Content-Type.
    MissingContentType,
    /// A response has a body (RFC 4975 responses never do).
    ResponseWithBody,
    /// The body runs past the end its Byte-Range announced.
    BodyExceedsByteRange,
    /// The body is longer than [`Limits::max_body_bytes`](crate::Limits::max_body_bytes).
    BodyTooLarge,
    /// The stream ended inside a frame (for example before the end-line came).
    Truncated,
    /// Bytes were fed after an error.
    Failed,
}

impl Error {
    pub(crate) fn at(kind: ErrorKind, offset: u64) -> Self {
        Error {
            kind,
            offset,
            header: None,
        }
    }

    pub(crate) fn in_header(mut self, name: &str) -> Self {
        let mut cut = name.len().min(HEADER_NAME_CAPACITY);
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        self.header = ArrayString::from(name.get(..cut).unwrap_or_default()).ok();
        self
    }

    pub(crate) fn from_uri(e: UriError, value_offset: u64) -> Self {
        Error::at(
            ErrorKind::Uri(e.kind),
            value_offset.saturating_add(e.offset as u64),
        )
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax(what) => write!(f, "expected {}", what),
            ErrorKind::HeadTooLarge => f.write_str("head larger than the limit"),
            ErrorKind::TooManyHeaders => f.write_str("more headers than the limit"),
            ErrorKind::MissingToPath => f.write_str("To-Path must be the first header"),
            ErrorKind::MissingFromPath => f.write_str("From-Path must be the second header"),
            ErrorKind::DuplicateHeader => f.write_str("duplicate header"),
            ErrorKind::Uri(kind) => {
                let e = UriError {
                    kind: *kind,
                    offset: 0,
                };
                let text = uri_part(&e);
                write!(f, "invalid MSRP URI ({})", text)
            }
            ErrorKind::ByteRange(what) => write!(f, "invalid Byte-Range: expected {}", what),
            ErrorKind::MissingContentType => f.write_str("body without Content-Type"),
            ErrorKind::ResponseWithBody => f.write_str("response with a body"),
            ErrorKind::BodyExceedsByteRange => f.write_str("body longer than its Byte-Range"),
            ErrorKind::BodyTooLarge => f.write_str("body larger than the limit"),
            ErrorKind::Truncated => f.write_str("stream ended inside a frame (no end-line)"),
            ErrorKind::Failed => f.write_str("parser already failed"),
        }
    }
}

fn uri_part(e: &UriError) -> &'static str {
    match e.kind {
        UriErrorKind::Scheme => "scheme",
        UriErrorKind::Userinfo => "userinfo",
        UriErrorKind::Host => "host",
        UriErrorKind::Ipv6 => "IPv6 reference",
        UriErrorKind::Port => "port",
        UriErrorKind::SessionId => "session-id",
        UriErrorKind::MissingTransport => "missing transport",
        UriErrorKind::Transport => "transport",
        UriErrorKind::Parameter => "parameter",
        UriErrorKind::Empty => "empty",
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)?;
        match &self.header {
            Some(name) => write!(f, " in header {}", name),
            None => Ok(()),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_says_what_where_and_header() {
        let e = Error::at(ErrorKind::Uri(UriErrorKind::MissingTransport), 40).in_header("To-Path");
        assert_eq!(
            e.to_string(),
            "invalid MSRP URI (missing transport) at byte 40 in header To-Path"
        );
        let e = Error::at(ErrorKind::Truncated, 7);
        assert_eq!(
            e.to_string(),
            "stream ended inside a frame (no end-line) at byte 7"
        );
    }

    #[test]
    fn long_header_names_are_cut() {
        let e = Error::at(ErrorKind::DuplicateHeader, 0).in_header(&"X".repeat(50));
        assert_eq!(e.header.map(|h| h.len()), Some(HEADER_NAME_CAPACITY));
    }
}
