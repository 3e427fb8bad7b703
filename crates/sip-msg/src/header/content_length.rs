//! Content-Length (RFC 3261 20.14): `1*DIGIT`, the body size in bytes.

use crate::grammar::{parse_u32, Scanner};
use crate::ValueError;
use core::fmt;

/// The size of the message body in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContentLength(pub u32);

impl ContentLength {
    /// Parses the value; a number that does not fit `u32` is an error, never a wrapped length.
    ///
    /// ```
    /// use sip_msg::header::ContentLength;
    /// assert_eq!(ContentLength::parse("349").map(|l| l.bytes()), Ok(349));
    /// ```
    pub fn parse(value: &str) -> Result<Self, ValueError> {
        // The usual value, digits alone, needs no scanner.
        match parse_u32(value) {
            Some(n) => Ok(ContentLength(n)),
            None => Self::parse_grammar(value),
        }
    }

    fn parse_grammar(value: &str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let n = s.number("1*DIGIT fitting 32 bits")?;
        s.finish("end of Content-Length")?;
        Ok(ContentLength(n))
    }

    /// The length as a `usize` (saturating on targets where `usize` is narrower than 32 bits).
    pub fn bytes(&self) -> usize {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

impl fmt::Display for ContentLength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;

    proptest::proptest! {
        /// Digits alone or not, mutated or not, a value parses as the grammar parses it.
        #[test]
        fn parse_equals_the_grammar(value in crate::header::mutation::maybe_mutated(
            proptest::sample::select(vec!["0", "284", "4294967295", "4294967296", " 7", "1 2", ""])
                .prop_map(String::from),
        )) {
            proptest::prop_assert_eq!(ContentLength::parse(&value), ContentLength::parse_grammar(&value));
        }
    }

    #[test]
    fn parses_lengths() {
        assert_eq!(ContentLength::parse("0"), Ok(ContentLength(0)));
        assert_eq!(
            ContentLength::parse(" 4294967295\r\n "),
            Ok(ContentLength(u32::MAX))
        );
        assert_eq!(ContentLength(12).to_string(), "12");
    }

    #[test]
    fn rejects_with_offsets() {
        let expected = "1*DIGIT fitting 32 bits";
        assert_eq!(
            ContentLength::parse("4294967296"),
            Err(ValueError::new(0, expected))
        );
        assert_eq!(ContentLength::parse(""), Err(ValueError::new(0, expected)));
        assert_eq!(
            ContentLength::parse("+1"),
            Err(ValueError::new(0, expected))
        );
        assert_eq!(
            ContentLength::parse("1 2"),
            Err(ValueError::new(2, "end of Content-Length"))
        );
        assert_eq!(
            ContentLength::parse("0x1"),
            Err(ValueError::new(1, "end of Content-Length"))
        );
    }
}
