//! Errors of parsing and of building session descriptions.

use core::fmt;
use msrp_codec::UriError;

/// Why a session description was rejected, and where: the 1-based line number and the byte
/// offset of the offending line (or of the offending byte, when that is more precise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong.
    pub kind: ParseErrorKind,
    /// 1-based line number; 0 when the error concerns the input as a whole.
    pub line: usize,
    /// Byte offset in the input.
    pub offset: usize,
}

/// The kinds of [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input is longer than [`Limits::max_size`](crate::Limits::max_size).
    TooLarge { limit: usize },
    /// The input is not UTF-8 (the offset is the first invalid byte).
    NotUtf8,
    /// A line is longer than [`Limits::max_line_len`](crate::Limits::max_line_len).
    LineTooLong { limit: usize },
    /// More lines than [`Limits::max_lines`](crate::Limits::max_lines).
    TooManyLines { limit: usize },
    /// More `m=` sections than [`Limits::max_media`](crate::Limits::max_media).
    TooManyMedia { limit: usize },
    /// More `a=` lines in one section than [`Limits::max_attributes`](crate::Limits::max_attributes).
    TooManyAttributes { limit: usize },
    /// A CR not followed by LF, or a NUL byte.
    ControlCharacter,
    /// An empty line before the end of the description.
    EmptyLine,
    /// A line that is not `<letter>=<value>`.
    Malformed,
    /// A required line (`v`, `o`, `s`, `t`) is absent.
    Missing { field: char },
    /// A line appears where the grammar's order does not allow it.
    OutOfOrder { field: char },
    /// A line that may appear once per section appears again.
    Repeated { field: char },
    /// `v=` is not `0`.
    UnsupportedVersion,
    /// A media section has no `c=` line and there is none at session level.
    MissingConnection,
    /// The value of a line breaks its field's grammar.
    InvalidField { field: char, what: &'static str },
    /// A known attribute whose value breaks its grammar.
    InvalidAttribute {
        name: &'static str,
        what: &'static str,
    },
    /// A known attribute that may appear once per section appears again (the four direction
    /// attributes count as one).
    RepeatedAttribute { name: &'static str },
    /// An `a=path` URI that is not a valid MSRP URI.
    PathUri(UriError),
    /// More URIs in one `a=path` than [`Limits::max_path_uris`](crate::Limits::max_path_uris).
    TooManyPathUris { limit: usize },
    /// More media types in one list than
    /// [`Limits::max_accept_types`](crate::Limits::max_accept_types).
    TooManyAcceptTypes { limit: usize },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SDP: ")?;
        match self.kind {
            ParseErrorKind::TooLarge { limit } => write!(f, "input larger than {limit} bytes")?,
            ParseErrorKind::NotUtf8 => write!(f, "input is not UTF-8")?,
            ParseErrorKind::LineTooLong { limit } => write!(f, "line longer than {limit} bytes")?,
            ParseErrorKind::TooManyLines { limit } => write!(f, "more than {limit} lines")?,
            ParseErrorKind::TooManyMedia { limit } => write!(f, "more than {limit} m= sections")?,
            ParseErrorKind::TooManyAttributes { limit } => {
                write!(f, "more than {limit} a= lines in one section")?
            }
            ParseErrorKind::ControlCharacter => write!(f, "CR without LF, or NUL byte")?,
            ParseErrorKind::EmptyLine => write!(f, "empty line")?,
            ParseErrorKind::Malformed => write!(f, "expected `<letter>=<value>`")?,
            ParseErrorKind::Missing { field } => write!(f, "required {field}= line missing")?,
            ParseErrorKind::OutOfOrder { field } => write!(f, "{field}= line out of order")?,
            ParseErrorKind::Repeated { field } => write!(f, "{field}= line repeated")?,
            ParseErrorKind::UnsupportedVersion => write!(f, "v= must be 0")?,
            ParseErrorKind::MissingConnection => {
                write!(f, "media section without c= and no session-level c=")?
            }
            ParseErrorKind::InvalidField { field, what } => write!(f, "{field}= line: {what}")?,
            ParseErrorKind::InvalidAttribute { name, what } => write!(f, "a={name}: {what}")?,
            ParseErrorKind::RepeatedAttribute { name } => write!(f, "a={name} repeated")?,
            ParseErrorKind::PathUri(e) => write!(f, "a=path: {e}")?,
            ParseErrorKind::TooManyPathUris { limit } => {
                write!(f, "a=path: more than {limit} URIs")?
            }
            ParseErrorKind::TooManyAcceptTypes { limit } => {
                write!(f, "more than {limit} media types in one list")?
            }
        }
        if self.line > 0 {
            write!(f, " (line {}, byte {})", self.line, self.offset)
        } else {
            write!(f, " (byte {})", self.offset)
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ParseError {}

/// Why a session description could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// The output slice is too small; `needed` bytes are required.
    BufferTooSmall { needed: usize },
    /// A value contains CR, LF or NUL, or breaks the grammar of the named field.
    InvalidValue { field: &'static str },
    /// The `o=` session version cannot be incremented further.
    VersionOverflow,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::BufferTooSmall { needed } => {
                write!(f, "SDP: output buffer too small, {needed} bytes needed")
            }
            BuildError::InvalidValue { field } => write!(f, "SDP: invalid value for {field}"),
            BuildError::VersionOverflow => write!(f, "SDP: o= session version overflow"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BuildError {}
