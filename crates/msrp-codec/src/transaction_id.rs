//! Transaction ids (RFC 4975 §9: `ident = ALPHANUM 3*31ident-char`).

use core::fmt;

/// Shortest transaction id.
pub const MIN_LEN: usize = 4;
/// Longest transaction id.
pub const MAX_LEN: usize = 32;

/// A transaction id borrowed from a frame: 4 to 32 `ident` characters, starting alphanumeric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransactionId<'a>(&'a str);

impl<'a> TransactionId<'a> {
    /// Checks `s` against the `ident` grammar; `Err` holds the offset of the first bad byte
    /// (or the length when the id is too short or too long).
    pub fn new(s: &'a str) -> Result<Self, usize> {
        check_ident(s.as_bytes())?;
        Ok(TransactionId(s))
    }

    /// The id as written.
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

impl fmt::Display for TransactionId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Whether `c` may appear after the first character of an `ident`.
pub fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+' | b'%' | b'=')
}

/// Checks the `ident` grammar (also used by Message-ID); `Err` holds the offending offset.
pub fn check_ident(b: &[u8]) -> Result<(), usize> {
    if let Some(i) = b.iter().position(|&c| !is_ident_char(c)) {
        return Err(i);
    }
    if !b.first().is_some_and(u8::is_ascii_alphanumeric) {
        return Err(0);
    }
    if b.len() < MIN_LEN || b.len() > MAX_LEN {
        return Err(b.len().min(MAX_LEN));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_4_to_32_ident_chars() {
        assert!(TransactionId::new("a1b2").is_ok());
        assert!(TransactionId::new("dkei38sd").is_ok());
        assert!(TransactionId::new("A.-+%=b").is_ok());
        assert!(TransactionId::new(&"x".repeat(32)).is_ok());
    }

    #[test]
    fn rejects_bad_ids_with_offset() {
        assert_eq!(TransactionId::new("abc"), Err(3));
        assert_eq!(TransactionId::new(&"x".repeat(33)), Err(32));
        assert_eq!(TransactionId::new(".abc"), Err(0));
        assert_eq!(TransactionId::new("ab$cd"), Err(2));
        assert_eq!(TransactionId::new(""), Err(0));
    }
}
