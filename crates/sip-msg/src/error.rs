//! Errors of this crate. Every error says what was wrong and where (byte offset).

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
        ValueError { offset: self.offset + by, expected: self.expected }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ValueError {}
