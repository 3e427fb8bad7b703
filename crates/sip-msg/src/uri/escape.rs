//! Percent-escapes in URIs (`escaped = "%" HEXDIG HEXDIG`): validation while scanning, a
//! decoding iterator, and the comparison rule of RFC 3261 19.1.4, under which an escaped byte
//! equals its plain form unless that byte is `reserved`.

use crate::grammar::{is_hex, is_reserved, Scanner};
use crate::ValueError;

/// Consumes a run of bytes that are in `class` or are a complete `%HH` escape.
pub(crate) fn scan_escaped<'a>(
    s: &mut Scanner<'a>,
    class: impl Fn(u8) -> bool,
) -> Result<&'a str, ValueError> {
    let start = s.pos();
    loop {
        s.take_while(&class);
        if s.peek() != Some(b'%') {
            return Ok(s.slice(start, s.pos()));
        }
        let rest = s.rest().as_bytes();
        let hex_at = |i: usize| rest.get(i).is_some_and(|&b| is_hex(b));
        if !(hex_at(1) && hex_at(2)) {
            return Err(s.error("escaped %HH"));
        }
        s.skip(3);
    }
}

/// The bytes of `text` with every `%HH` escape decoded.
///
/// ```
/// use sip_msg::uri::unescape;
/// assert!(unescape("%61lice%20b").eq(*b"alice b"));
/// ```
pub fn unescape(text: &str) -> Unescaped<'_> {
    Unescaped {
        bytes: text.as_bytes(),
        pos: 0,
    }
}

/// Iterator returned by [`unescape`]; a `%` not followed by two hex digits passes through.
#[derive(Debug, Clone)]
pub struct Unescaped<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for Unescaped<'_> {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        if b != b'%' {
            return Some(b);
        }
        let hi = self.bytes.get(self.pos).and_then(|&h| hex_value(h));
        let lo = self.bytes.get(self.pos + 1).and_then(|&l| hex_value(l));
        match (hi, lo) {
            (Some(hi), Some(lo)) => {
                self.pos += 2;
                Some(hi << 4 | lo)
            }
            _ => Some(b),
        }
    }
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Compares two escaped strings as RFC 3261 19.1.4 asks: `%HH` equals the plain byte unless
/// the byte is reserved (an escaped `;` is data, a plain one a delimiter); `ignore_case`
/// folds ASCII case of plain and decoded bytes alike.
pub(crate) fn escaped_eq(a: &str, b: &str, ignore_case: bool) -> bool {
    units(a, ignore_case).eq(units(b, ignore_case))
}

/// Comparison units: a byte, or (above 0xFF) an escaped reserved byte.
fn units(text: &str, ignore_case: bool) -> impl Iterator<Item = u16> + '_ {
    let mut bytes = text.as_bytes().iter();
    core::iter::from_fn(move || {
        let b = *bytes.next()?;
        let decoded = if b == b'%' {
            let mut ahead = bytes.clone();
            match (
                ahead.next().and_then(|&h| hex_value(h)),
                ahead.next().and_then(|&l| hex_value(l)),
            ) {
                (Some(hi), Some(lo)) => {
                    bytes = ahead;
                    let d = hi << 4 | lo;
                    if is_reserved(d) {
                        return Some(0x100 | u16::from(d));
                    }
                    d
                }
                _ => b,
            }
        } else {
            b
        };
        Some(u16::from(if ignore_case {
            decoded.to_ascii_lowercase()
        } else {
            decoded
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::is_unreserved;

    #[test]
    fn scans_escapes_and_reports_broken_ones() {
        let mut s = Scanner::new("a%41b%2f;");
        assert_eq!(scan_escaped(&mut s, is_unreserved), Ok("a%41b%2f"));
        assert_eq!(s.rest(), ";");
        for (text, at) in [("a%4", 1), ("%", 0), ("ab%zz", 2), ("%4g", 0)] {
            let mut s = Scanner::new(text);
            assert_eq!(
                scan_escaped(&mut s, is_unreserved),
                Err(ValueError::new(at, "escaped %HH"))
            );
        }
    }

    #[test]
    fn unescape_decodes_and_passes_broken_escapes() {
        assert!(unescape("%41%7e%7E").eq(*b"A~~"));
        assert!(unescape("50%").eq(*b"50%"));
        assert!(unescape("%zz%f").eq(*b"%zz%f"));
        assert!(unescape("%C3%A9").eq("é".bytes()));
    }

    #[test]
    fn comparison_keeps_escaped_reserved_bytes_distinct() {
        assert!(escaped_eq("%61lice", "alice", false));
        assert!(!escaped_eq("%61lice", "Alice", false));
        assert!(escaped_eq("%61lice", "ALICE", true));
        assert!(!escaped_eq("a%3Bb", "a;b", false));
        assert!(escaped_eq("a%3bb", "a%3Bb", false));
        assert!(!escaped_eq("ab", "abc", true));
    }
}
