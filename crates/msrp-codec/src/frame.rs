//! The borrowed view of a frame's head: start line and headers, with the headers MSRP gives a
//! meaning to already typed.

use crate::byte_range::ByteRange;
use crate::report::{FailureReport, SuccessReport};
use crate::status::{Status, StatusCode};
use crate::transaction_id::TransactionId;
use crate::uri::{split_path, PathUris};
use core::fmt;

/// The flag character of an end-line (RFC 4975 §7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    /// `$`: the last chunk of the message.
    Complete,
    /// `+`: more chunks of the message follow.
    Continues,
    /// `#`: the message is aborted.
    Aborted,
}

impl Flag {
    /// The flag for its wire byte.
    pub fn from_byte(c: u8) -> Option<Self> {
        match c {
            b'$' => Some(Flag::Complete),
            b'+' => Some(Flag::Continues),
            b'#' => Some(Flag::Aborted),
            _ => None,
        }
    }

    /// The wire byte.
    pub fn as_byte(self) -> u8 {
        match self {
            Flag::Complete => b'$',
            Flag::Continues => b'+',
            Flag::Aborted => b'#',
        }
    }

    /// The wire character as a string.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Complete => "$",
            Flag::Continues => "+",
            Flag::Aborted => "#",
        }
    }
}

/// A request method; methods other than the three of RFC 4975 are kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method<'a> {
    /// `SEND`: carries a chunk of a message.
    Send,
    /// `REPORT`: reports delivery; never answered.
    Report,
    /// `AUTH` (RFC 4976, relays).
    Auth,
    /// Any other upper-case method.
    Other(&'a str),
}

impl<'a> Method<'a> {
    /// The method for its name (upper-case letters, checked by the parser).
    pub fn from_name(name: &'a str) -> Self {
        match name {
            "SEND" => Method::Send,
            "REPORT" => Method::Report,
            "AUTH" => Method::Auth,
            other => Method::Other(other),
        }
    }

    /// The name as written.
    pub fn as_str(&self) -> &'a str {
        match self {
            Method::Send => "SEND",
            Method::Report => "REPORT",
            Method::Auth => "AUTH",
            Method::Other(name) => name,
        }
    }
}

/// Whether a frame is a request or a response, with what its start line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind<'a> {
    /// `MSRP <tid> <METHOD>`.
    Request {
        /// The method.
        method: Method<'a>,
    },
    /// `MSRP <tid> <code> [comment]`.
    Response {
        /// The status code.
        code: StatusCode,
        /// The text after the code, if any.
        comment: Option<&'a str>,
    },
}

/// One header line as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header<'a> {
    /// The name before `:`.
    pub name: &'a str,
    /// The value, without the whitespace after `:` or at the end.
    pub value: &'a str,
}

/// The head of a frame, borrowing the bytes it was parsed from. Every header is kept in
/// order ([`headers`](Self::headers)); those with a meaning in RFC 4975 are also typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameHead<'a> {
    /// The transaction id of the start line (and of the end-line).
    pub tid: TransactionId<'a>,
    /// Request or response.
    pub kind: FrameKind<'a>,
    /// To-Path: one or more MSRP URIs (validated).
    pub to_path: &'a str,
    /// From-Path: one or more MSRP URIs (validated).
    pub from_path: &'a str,
    /// Message-ID.
    pub message_id: Option<&'a str>,
    /// Byte-Range.
    pub byte_range: Option<ByteRange>,
    /// Success-Report.
    pub success_report: Option<SuccessReport>,
    /// Failure-Report.
    pub failure_report: Option<FailureReport>,
    /// Status (REPORTs).
    pub status: Option<Status<'a>>,
    /// Content-Type.
    pub content_type: Option<&'a str>,
    /// Whether a body follows the head.
    pub has_body: bool,
    pub(crate) header_block: &'a str,
}

impl<'a> FrameHead<'a> {
    /// All header lines in order, To-Path and From-Path first.
    pub fn headers(&self) -> Headers<'a> {
        Headers {
            rest: self.header_block,
        }
    }

    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value)
    }

    /// The URIs of To-Path.
    pub fn to_path_uris(&self) -> PathUris<'a> {
        split_path(self.to_path)
    }

    /// The URIs of From-Path.
    pub fn from_path_uris(&self) -> PathUris<'a> {
        split_path(self.from_path)
    }

    /// The method, for a request.
    pub fn method(&self) -> Option<Method<'a>> {
        match self.kind {
            FrameKind::Request { method } => Some(method),
            FrameKind::Response { .. } => None,
        }
    }

    /// The status code, for a response.
    pub fn response_code(&self) -> Option<StatusCode> {
        match self.kind {
            FrameKind::Request { .. } => None,
            FrameKind::Response { code, .. } => Some(code),
        }
    }

    /// Failure-Report, with its default `yes` when absent.
    pub fn failure_report_or_default(&self) -> FailureReport {
        self.failure_report.unwrap_or(FailureReport::Yes)
    }
}

/// Iterator over the header lines of a [`FrameHead`].
#[derive(Debug, Clone)]
pub struct Headers<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Headers<'a> {
    type Item = Header<'a>;

    fn next(&mut self) -> Option<Header<'a>> {
        let nl = memchr::memchr(b'\n', self.rest.as_bytes())?;
        let line = self.rest.get(..nl.saturating_sub(1)).unwrap_or_default();
        self.rest = self.rest.get(nl + 1..).unwrap_or_default();
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        Some(Header {
            name,
            value: value.trim_matches([' ', '\t']),
        })
    }
}

impl fmt::Display for Method<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_methods_round_trip() {
        for c in [b'$', b'+', b'#'] {
            assert_eq!(Flag::from_byte(c).map(Flag::as_byte), Some(c));
        }
        assert_eq!(Flag::from_byte(b'!'), None);
        for m in ["SEND", "REPORT", "AUTH", "NICKNAME"] {
            assert_eq!(Method::from_name(m).as_str(), m);
        }
        assert_eq!(Method::from_name("NICKNAME"), Method::Other("NICKNAME"));
    }

    #[test]
    fn headers_iterate_in_order_with_trimmed_values() {
        let mut it = Headers {
            rest: "To-Path: a\r\nX-Y:\tb c \r\nEmpty:\r\n",
        };
        assert_eq!(
            it.next(),
            Some(Header {
                name: "To-Path",
                value: "a"
            })
        );
        assert_eq!(
            it.next(),
            Some(Header {
                name: "X-Y",
                value: "b c"
            })
        );
        assert_eq!(
            it.next(),
            Some(Header {
                name: "Empty",
                value: ""
            })
        );
        assert_eq!(it.next(), None);
    }
}
