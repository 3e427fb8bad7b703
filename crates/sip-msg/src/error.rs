//! Errors of this crate. Every error says what was wrong and where (byte offset).

use crate::limits::Limit;
use crate::name::HeaderName;
use core::fmt;

/// A typed header value (or URI) that does not match its grammar.
///
/// `offset` counts bytes from the start of the value that was handed to the parser; the
/// message-level accessors add the value's own offset so that users see a position in the
/// whole message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueError {
    /// Byte offset of the first byte that does not fit.
    pub offset: usize,
    /// What the grammar expected there, e.g. `"SIP-Version"` or `"delta-seconds"`.
    pub expected: &'static str,
}

impl ValueError {
    pub(crate) const fn new(offset: usize, expected: &'static str) -> Self {
        ValueError { offset, expected }
    }

    /// The same error moved `by` bytes further, for a value that starts inside a larger one.
    pub const fn shifted(self, by: usize) -> Self {
        ValueError {
            offset: self.offset + by,
            expected: self.expected,
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ValueError {}

/// Why a message could not be parsed, framed or built.
///
/// Every variant says what was wrong and, for input, where: `offset` is a byte offset from
/// the start of the message (or of the stream buffer handed to the framer). A message that
/// merely has not fully arrived is never an error on a stream: the framer reports
/// [`crate::Frame::Incomplete`] instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes do not match the message grammar (start line, header line, framing).
    Syntax {
        /// Byte offset of the first byte that does not fit.
        offset: usize,
        /// What the grammar expected there.
        expected: &'static str,
    },
    /// A datagram ended before the empty line that ends the headers.
    Truncated {
        /// The datagram's length, where more bytes were needed.
        offset: usize,
    },
    /// A header value does not match its header's grammar.
    Value {
        /// The header whose value is wrong.
        header: HeaderName,
        /// Byte offset in the message of the first byte that does not fit.
        offset: usize,
        /// What the header's grammar expected there.
        expected: &'static str,
    },
    /// The input exceeds one of the configured [`crate::Limits`].
    TooLarge {
        /// Which limit.
        limit: Limit,
        /// Byte offset where the limit was crossed.
        offset: usize,
    },
    /// A header every message (or every request) must carry is absent (RFC 3261 8.1.1).
    MissingHeader {
        /// The absent header.
        header: HeaderName,
    },
    /// A header that may appear once appears again (RFC 3261 7.3.1 allows repetition only for
    /// comma-list headers).
    DuplicateHeader {
        /// The repeated header.
        header: HeaderName,
        /// Offset of the second occurrence's value.
        offset: usize,
    },
    /// Two Content-Length values disagree (RFC 3261 20.14 allows one body length).
    ConflictingContentLength {
        /// Offset of the value that disagrees with an earlier one.
        offset: usize,
    },
    /// The CSeq method differs from the request method (RFC 3261 8.1.1.5).
    CSeqMethodMismatch {
        /// Offset of the CSeq value.
        offset: usize,
    },
    /// The CSeq sequence number is 2^31 or more (RFC 3261 8.1.1.5).
    CSeqOutOfRange {
        /// Offset of the CSeq value.
        offset: usize,
    },
    /// A datagram's body is shorter than its Content-Length (RFC 3261 18.3).
    BodyTooShort {
        /// The datagram's length, where the body ends too early.
        offset: usize,
        /// The Content-Length.
        expected: usize,
        /// The bytes actually present after the headers.
        actual: usize,
    },
    /// A message on a stream transport lacks Content-Length, so its end cannot be found
    /// (RFC 3261 18.3).
    MissingContentLength {
        /// Offset of the message in the stream buffer.
        offset: usize,
    },
    /// An earlier framing error left the stream at an unknown position; the connection must
    /// be closed (RFC 3261 18.3).
    StreamUnusable,
    /// A builder was handed a header name or value that would break the message grammar,
    /// e.g. a CR or LF that would inject another header.
    InvalidInput {
        /// What was wrong with the input.
        expected: &'static str,
    },
    /// The caller's output buffer is too small for the message being built.
    BufferTooSmall {
        /// How many bytes the message needs at least.
        needed: usize,
    },
}

impl Error {
    pub(crate) const fn syntax(offset: usize, expected: &'static str) -> Self {
        Error::Syntax { offset, expected }
    }

    /// The converted error of a typed value that starts at `value_offset` in the message.
    pub(crate) const fn value(header: HeaderName, value_offset: usize, e: ValueError) -> Self {
        Error::Value {
            header,
            offset: value_offset.saturating_add(e.offset),
            expected: e.expected,
        }
    }

    /// The same error with its offset moved `by` bytes further, for a message that starts
    /// inside a larger buffer.
    pub(crate) fn shifted(mut self, by: usize) -> Self {
        match &mut self {
            Error::Syntax { offset, .. }
            | Error::Truncated { offset }
            | Error::Value { offset, .. }
            | Error::TooLarge { offset, .. }
            | Error::DuplicateHeader { offset, .. }
            | Error::ConflictingContentLength { offset }
            | Error::CSeqMethodMismatch { offset }
            | Error::CSeqOutOfRange { offset }
            | Error::BodyTooShort { offset, .. }
            | Error::MissingContentLength { offset } => *offset = offset.saturating_add(by),
            Error::MissingHeader { .. }
            | Error::StreamUnusable
            | Error::InvalidInput { .. }
            | Error::BufferTooSmall { .. } => {}
        }
        self
    }

    /// The byte offset the error points at, when it has one.
    pub const fn offset(&self) -> Option<usize> {
        match *self {
            Error::Syntax { offset, .. }
            | Error::Truncated { offset }
            | Error::Value { offset, .. }
            | Error::TooLarge { offset, .. }
            | Error::DuplicateHeader { offset, .. }
            | Error::ConflictingContentLength { offset }
            | Error::CSeqMethodMismatch { offset }
            | Error::CSeqOutOfRange { offset }
            | Error::BodyTooShort { offset, .. }
            | Error::MissingContentLength { offset } => Some(offset),
            Error::MissingHeader { .. }
            | Error::StreamUnusable
            | Error::InvalidInput { .. }
            | Error::BufferTooSmall { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::Syntax { offset, expected } => write!(f, "expected {expected} at byte {offset}"),
            Error::Truncated { offset } => {
                write!(
                    f,
                    "message ends at byte {offset} before the end of its headers"
                )
            }
            Error::Value {
                header,
                offset,
                expected,
            } => {
                write!(
                    f,
                    "invalid {header} header: expected {expected} at byte {offset}"
                )
            }
            Error::TooLarge { limit, offset } => {
                write!(f, "limit {} exceeded at byte {offset}", limit.as_str())
            }
            Error::MissingHeader { header } => write!(f, "missing mandatory {header} header"),
            Error::DuplicateHeader { header, offset } => {
                write!(f, "second {header} header at byte {offset}")
            }
            Error::ConflictingContentLength { offset } => {
                write!(f, "conflicting Content-Length values at byte {offset}")
            }
            Error::CSeqMethodMismatch { offset } => {
                write!(
                    f,
                    "CSeq method differs from the request method at byte {offset}"
                )
            }
            Error::CSeqOutOfRange { offset } => {
                write!(f, "CSeq number is 2^31 or more at byte {offset}")
            }
            Error::BodyTooShort {
                offset,
                expected,
                actual,
            } => write!(
                f,
                "body ends at byte {offset} after {actual} bytes; Content-Length is {expected}"
            ),
            Error::MissingContentLength { offset } => {
                write!(
                    f,
                    "message at byte {offset} on a stream has no Content-Length"
                )
            }
            Error::StreamUnusable => f.write_str("stream unusable after an earlier framing error"),
            Error::InvalidInput { expected } => write!(f, "invalid builder input: {expected}"),
            Error::BufferTooSmall { needed } => {
                write!(f, "output buffer too small: {needed} bytes needed")
            }
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_errors_become_message_offsets() {
        let e = Error::value(HeaderName::CSeq, 100, ValueError::new(3, "Method"));
        assert_eq!(e.offset(), Some(103));
        assert_eq!(
            e.to_string(),
            "invalid CSeq header: expected Method at byte 103"
        );
    }

    #[test]
    fn every_input_error_names_its_offset() {
        let e = Error::TooLarge {
            limit: Limit::HeaderCount,
            offset: 7,
        };
        assert_eq!(e.to_string(), "limit max_headers exceeded at byte 7");
        assert_eq!(Error::syntax(4, "SP").to_string(), "expected SP at byte 4");
    }
}
