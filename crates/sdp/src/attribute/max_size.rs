//! `a=max-size` (RFC 4975 §8.6): the largest message, in octets, the describing side accepts.

use crate::syntax::parse_u64;

/// Parses `max-size-value = 1*DIGIT`.
pub(crate) fn parse(value: &str) -> Option<u64> {
    parse_u64(value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_digits_only() {
        assert_eq!(super::parse("1048576"), Some(1_048_576));
        assert_eq!(super::parse("0"), Some(0));
        assert_eq!(super::parse("-1"), None);
        assert_eq!(super::parse("1 "), None);
        assert_eq!(super::parse("99999999999999999999"), None);
    }
}
