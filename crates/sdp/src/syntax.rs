//! Character classes and number rules of the RFC 8866 grammar shared by every field.

/// `token-char` of RFC 8866 §9.
pub(crate) fn is_token_char(b: u8) -> bool {
    matches!(b, b'!' | b'#'..=b'\'' | b'*' | b'+' | b'-' | b'.' | b'0'..=b'9' | b'A'..=b'Z' | b'^'..=b'~')
}

/// `token = 1*token-char`.
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_token_char)
}

/// `non-ws-string = 1*(VCHAR / %x80-FF)`.
pub(crate) fn is_non_ws(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b > b' ' && b != 0x7f)
}

/// `1*DIGIT` as a `u64`; `None` when empty, not decimal, or too large.
pub(crate) fn parse_u64(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |acc, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        acc.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// `1*DIGIT` that fits a `u16`.
pub(crate) fn parse_u16(s: &str) -> Option<u16> {
    parse_u64(s).and_then(|n| u16::try_from(n).ok())
}

/// Splits at the first `sep`: the part before, and the rest after it (if `sep` occurs).
pub(crate) fn split_once_byte(s: &str, sep: char) -> (&str, Option<&str>) {
    match s.split_once(sep) {
        Some((head, tail)) => (head, Some(tail)),
        None => (s, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_reject_overflow_and_non_digits() {
        assert_eq!(parse_u64("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_u64("18446744073709551616"), None);
        assert_eq!(parse_u64(""), None);
        assert_eq!(parse_u64("1a"), None);
        assert_eq!(parse_u64("+1"), None);
        assert_eq!(parse_u16("65535"), Some(65535));
        assert_eq!(parse_u16("65536"), None);
    }

    #[test]
    fn tokens_follow_the_grammar() {
        assert!(is_token("TCP/MSRP".split('/').next().unwrap_or_default()));
        assert!(is_token("x-foo.bar~"));
        assert!(!is_token("a b"));
        assert!(!is_token("a/b"));
        assert!(!is_token(""));
        assert!(is_non_ws("héllo"));
        assert!(!is_non_ws("a\tb"));
    }
}
