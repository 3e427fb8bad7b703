//! Max-Forwards (RFC 3261 20.22): `1*DIGIT`, 0 to 255.

use crate::grammar::{parse_u32, Scanner};
use crate::ValueError;
use core::fmt;

/// How many more hops a request may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MaxForwards(pub u8);

impl MaxForwards {
    /// The value RFC 3261 8.1.1.6 tells a UAC to start with.
    pub const DEFAULT: MaxForwards = MaxForwards(70);

    /// Parses the value; numbers above 255 are an error.
    ///
    /// ```
    /// use sip_msg::header::MaxForwards;
    /// assert_eq!(MaxForwards::parse("70"), Ok(MaxForwards(70)));
    /// ```
    pub fn parse(value: &str) -> Result<Self, ValueError> {
        // The usual value, digits alone, needs no scanner; one or two of them (70 in nearly
        // every request) are read without a loop.
        let hops = match *value.as_bytes() {
            [a] if a.is_ascii_digit() => Some(a - b'0'),
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                Some((a - b'0') * 10 + (b - b'0'))
            }
            _ => parse_u32(value).and_then(|n| u8::try_from(n).ok()),
        };
        match hops {
            Some(hops) => Ok(MaxForwards(hops)),
            None => Self::parse_grammar(value),
        }
    }

    fn parse_grammar(value: &str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let start = s.pos();
        let n = s.number("1*DIGIT")?;
        let hops = u8::try_from(n).map_err(|_| ValueError::new(start, "Max-Forwards 0-255"))?;
        s.finish("end of Max-Forwards")?;
        Ok(MaxForwards(hops))
    }
}

impl fmt::Display for MaxForwards {
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
            proptest::sample::select(vec!["0", "70", "255", "256", "4294967296", " 7", ""])
                .prop_map(String::from),
        )) {
            proptest::prop_assert_eq!(MaxForwards::parse(&value), MaxForwards::parse_grammar(&value));
        }
    }

    /// Every value of one or two bytes, the ones read without a loop, parses as the grammar
    /// parses it.
    #[test]
    fn short_values_parse_as_the_grammar() {
        for a in 0..=127u8 {
            let one = String::from(char::from(a));
            assert_eq!(MaxForwards::parse(&one), MaxForwards::parse_grammar(&one));
            for b in 0..=127u8 {
                let two = format!("{}{}", char::from(a), char::from(b));
                assert_eq!(MaxForwards::parse(&two), MaxForwards::parse_grammar(&two));
            }
        }
    }

    #[test]
    fn parses_range_and_leading_zeros() {
        assert_eq!(MaxForwards::parse("0"), Ok(MaxForwards(0)));
        assert_eq!(MaxForwards::parse(" 0255 "), Ok(MaxForwards(255)));
        assert_eq!(MaxForwards::DEFAULT.to_string(), "70");
    }

    #[test]
    fn rejects_with_offsets() {
        assert_eq!(
            MaxForwards::parse("256"),
            Err(ValueError::new(0, "Max-Forwards 0-255"))
        );
        assert_eq!(
            MaxForwards::parse(" 99999999999"),
            Err(ValueError::new(1, "1*DIGIT"))
        );
        assert_eq!(MaxForwards::parse(""), Err(ValueError::new(0, "1*DIGIT")));
        assert_eq!(MaxForwards::parse("-1"), Err(ValueError::new(0, "1*DIGIT")));
        assert_eq!(
            MaxForwards::parse("7 0"),
            Err(ValueError::new(2, "end of Max-Forwards"))
        );
    }
}
