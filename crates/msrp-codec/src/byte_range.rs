//! The Byte-Range header (RFC 4975 §7.1.1, §9): `range-start "-" range-end "/" total`.

use core::fmt;

/// Which octets of the message a chunk carries; positions count from 1.
///
/// ```
/// use msrp_codec::ByteRange;
/// let r = ByteRange::parse("1-2048/*").unwrap();
/// assert_eq!((r.start, r.end, r.total), (1, Some(2048), None));
/// assert_eq!(r.to_string(), "1-2048/*");
/// assert_eq!(r.len(), Some(2048));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ByteRange {
    /// Position of the first octet of the chunk (1-based).
    pub start: u64,
    /// Position of the last octet, `None` for `*` (not known when the chunk was sent).
    pub end: Option<u64>,
    /// Size of the whole message, `None` for `*`.
    pub total: Option<u64>,
}

/// What is wrong with a Byte-Range value; the offset is within the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRangeError {
    /// Byte offset within the header value.
    pub offset: usize,
    /// What was expected.
    pub expected: &'static str,
}

impl ByteRange {
    /// A range of known end; `end = start - 1` describes an empty chunk.
    pub fn new(start: u64, end: Option<u64>, total: Option<u64>) -> Self {
        ByteRange { start, end, total }
    }

    /// Parses and checks a header value: start >= 1, end >= start - 1 (an empty chunk),
    /// end <= total, and start <= total + 1.
    pub fn parse(value: &str) -> Result<Self, ByteRangeError> {
        match Self::parse_plain(value.as_bytes()) {
            Some(range) => range.check().map(|()| range),
            None => Self::parse_general(value),
        }
    }

    /// The shape every chunk carries (numbers of at most 19 digits, which cannot overflow) read
    /// in one pass without building an error at each step; `None` for anything else, which the
    /// general reader then reports.
    fn parse_plain(b: &[u8]) -> Option<Self> {
        let (start, rest) = plain_number(b)?;
        let rest = rest.strip_prefix(b"-")?;
        let (end, rest) = plain_number_or_star(rest)?;
        let rest = rest.strip_prefix(b"/")?;
        let (total, rest) = plain_number_or_star(rest)?;
        rest.is_empty().then_some(ByteRange { start, end, total })
    }

    fn parse_general(value: &str) -> Result<Self, ByteRangeError> {
        let b = value.as_bytes();
        let (start, mut pos) = number(b, 0, "range-start digits")?;
        pos = expect(b, pos, b'-', "'-' after range-start")?;
        let (end, next) = number_or_star(b, pos, "range-end digits or '*'")?;
        pos = expect(b, next, b'/', "'/' after range-end")?;
        let (total, next) = number_or_star(b, pos, "total digits or '*'")?;
        if next != b.len() {
            return Err(fail(next, "end of Byte-Range"));
        }
        let range = ByteRange { start, end, total };
        range.check().map(|()| range)
    }

    fn check(&self) -> Result<(), ByteRangeError> {
        if self.start == 0 {
            return Err(fail(0, "range-start of at least 1"));
        }
        if let Some(end) = self.end {
            if end < self.start - 1 {
                return Err(fail(0, "range-end not before range-start"));
            }
            if self.total.is_some_and(|t| end > t) {
                return Err(fail(0, "range-end within total"));
            }
        }
        if self.total.is_some_and(|t| self.start - 1 > t) {
            return Err(fail(0, "range-start within total"));
        }
        Ok(())
    }

    /// Octets in the chunk when the end is known.
    pub fn len(&self) -> Option<u64> {
        self.end
            .map(|e| e.saturating_sub(self.start.saturating_sub(1)))
    }

    /// Whether the chunk is known to be empty.
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }
}

impl fmt::Display for ByteRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-", self.start)?;
        match self.end {
            Some(e) => write!(f, "{}/", e)?,
            None => f.write_str("*/")?,
        }
        match self.total {
            Some(t) => write!(f, "{}", t),
            None => f.write_str("*"),
        }
    }
}

impl fmt::Display for ByteRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected {} at byte {} of Byte-Range",
            self.expected, self.offset
        )
    }
}

fn fail(offset: usize, expected: &'static str) -> ByteRangeError {
    ByteRangeError { offset, expected }
}

fn expect(b: &[u8], pos: usize, c: u8, what: &'static str) -> Result<usize, ByteRangeError> {
    match b.get(pos) {
        Some(&x) if x == c => Ok(pos + 1),
        _ => Err(fail(pos, what)),
    }
}

fn number(b: &[u8], pos: usize, what: &'static str) -> Result<(u64, usize), ByteRangeError> {
    let mut value: u64 = 0;
    let mut i = pos;
    while let Some(d) = b.get(i).map(|c| c.wrapping_sub(b'0')).filter(|&d| d < 10) {
        // The error is built only when the number overflows, not for every digit.
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d)))
            .ok_or_else(|| fail(i, "a number below 2^64"))?;
        i += 1;
    }
    if i == pos {
        return Err(fail(pos, what));
    }
    Ok((value, i))
}

/// Leading digits of `b` and what follows them, when there are 1 to 19 of them. With eight
/// bytes at hand they are first read as one word: the positions in a large message have 7 to 9
/// digits.
fn plain_number(b: &[u8]) -> Option<(u64, &[u8])> {
    let (mut value, from) = match b.first_chunk::<8>() {
        Some(&word) => {
            let word = u64::from_le_bytes(word);
            match leading_digits(word) {
                0 => return None,
                n @ 1..=7 => return Some((digits_value(word, n), b.get(n..)?)),
                _ => (digits_value(word, 8), 8),
            }
        }
        None => (0, 0),
    };
    for (i, &c) in b.iter().enumerate().skip(from) {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return (i > 0).then(|| (value, b.get(i..).unwrap_or_default()));
        }
        if i == 19 {
            return None;
        }
        value = value * 10 + u64::from(d);
    }
    (!b.is_empty()).then_some((value, &[]))
}

const LOW_NIBBLES: u64 = 0x0f0f_0f0f_0f0f_0f0f;

/// How many bytes of `word`, from its first (lowest), are ASCII digits.
fn leading_digits(word: u64) -> usize {
    // A digit has high nibble 3, and its low nibble plus 6 stays below 16.
    let high = (word & !LOW_NIBBLES) ^ 0x3030_3030_3030_3030;
    let low = ((word & LOW_NIBBLES) + 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010;
    let off = high | low;
    let not_digit =
        (((off & 0x7f7f_7f7f_7f7f_7f7f) + 0x7f7f_7f7f_7f7f_7f7f) | off) & 0x8080_8080_8080_8080;
    (not_digit.trailing_zeros() / 8) as usize
}

/// The number the first `n` (1 to 8) bytes of `word` write, all digits: shifted to the top of
/// the word so the bytes below read as leading zeros, then pairs, quads and the two halves
/// combined.
fn digits_value(word: u64, n: usize) -> u64 {
    let shift = 8 * (8 - n.clamp(1, 8));
    let v = (word << shift) & LOW_NIBBLES;
    let v = (v.wrapping_mul(10 * 256 + 1) >> 8) & 0x00ff_00ff_00ff_00ff;
    let v = (v.wrapping_mul(100 * 65_536 + 1) >> 16) & 0x0000_ffff_0000_ffff;
    v.wrapping_mul(10_000 * (1 << 32) + 1) >> 32
}

fn plain_number_or_star(b: &[u8]) -> Option<(Option<u64>, &[u8])> {
    match b.strip_prefix(b"*") {
        Some(rest) => Some((None, rest)),
        None => plain_number(b).map(|(n, rest)| (Some(n), rest)),
    }
}

fn number_or_star(
    b: &[u8],
    pos: usize,
    what: &'static str,
) -> Result<(Option<u64>, usize), ByteRangeError> {
    if b.get(pos) == Some(&b'*') {
        return Ok((None, pos + 1));
    }
    number(b, pos, what).map(|(v, i)| (Some(v), i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_known_and_unknown_parts() {
        assert_eq!(
            ByteRange::parse("1-0/0"),
            Ok(ByteRange::new(1, Some(0), Some(0)))
        );
        assert_eq!(
            ByteRange::parse("2049-*/*"),
            Ok(ByteRange::new(2049, None, None))
        );
        assert_eq!(
            ByteRange::parse("5-9/10"),
            Ok(ByteRange::new(5, Some(9), Some(10)))
        );
        assert!(ByteRange::parse("1-0/0").is_ok_and(|r| r.is_empty()));
    }

    #[test]
    fn rejects_backwards_and_malformed_ranges() {
        let offset = |s| ByteRange::parse(s).map_err(|e| e.offset);
        assert_eq!(offset("10-5/20"), Err(0));
        assert_eq!(offset("0-5/20"), Err(0));
        assert_eq!(offset("1-25/20"), Err(0));
        assert_eq!(offset("30-*/20"), Err(0));
        assert_eq!(offset("1-2"), Err(3));
        assert_eq!(offset("a-2/3"), Err(0));
        assert_eq!(offset("1-2/3 "), Err(5));
        assert_eq!(offset("1-99999999999999999999/*"), Err(21));
    }

    #[test]
    fn largest_end_does_not_overflow() {
        let r = ByteRange::parse("1-18446744073709551615/*").expect("valid");
        assert_eq!(r.len(), Some(u64::MAX));
    }

    /// Values built from pieces that are mostly right but often wrong in the ways the grammar
    /// cares about: digits (up to 21 of them, around the overflow), `*`, the separators, and
    /// stray bytes.
    fn range_text() -> impl Strategy<Value = String> {
        let number = "[0-9]{0,12}|[0-9]{18,21}|\\*|1844674407370955161[0-9]|x|[/:]";
        (number, "-?|/", number, "/?|-", number, "( |x|0)?")
            .prop_map(|(a, b, c, d, e, f)| format!("{a}{b}{c}{d}{e}{f}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// For any text, `parse` (one-pass reader first) returns exactly what the general
        /// reader returns: the same range, or the same error and offset.
        #[test]
        fn parse_agrees_with_the_general_reader(s in range_text()) {
            prop_assert_eq!(ByteRange::parse(&s), ByteRange::parse_general(&s));
        }

        /// The same for a chunk's range with one byte replaced, inserted or removed.
        #[test]
        fn parse_agrees_on_mutated_ranges(at in 0usize..24, byte in 0u8..128, how in 0u8..3) {
            let mut b = b"2049-18446744073709551615/*".to_vec();
            let at = at.min(b.len());
            match how {
                0 if at < b.len() => b[at] = byte,
                1 => b.insert(at, byte),
                _ if at < b.len() => { b.remove(at); }
                _ => {}
            }
            let s = String::from_utf8(b).unwrap_or_default();
            prop_assert_eq!(ByteRange::parse(&s), ByteRange::parse_general(&s));
        }
    }

    #[test]
    fn word_reader_stops_at_the_first_other_byte() {
        for n in 0..=8 {
            for stop in [b'/', b':', b'-', b' ', 0xb0] {
                let mut word = *b"98765432";
                if let Some(c) = word.get_mut(n) {
                    *c = stop;
                }
                let w = u64::from_le_bytes(word);
                assert_eq!(leading_digits(w), n, "{n} {stop}");
                let expected = core::str::from_utf8(&word[..n])
                    .ok()
                    .and_then(|d| d.parse::<u64>().ok());
                if n > 0 {
                    assert_eq!(Some(digits_value(w, n)), expected, "{n}");
                }
            }
        }
    }

    #[test]
    fn displays_as_written() {
        for s in ["1-0/0", "1-*/*", "7-100/*", "3-4/5"] {
            assert_eq!(ByteRange::parse(s).map(|r| r.to_string()).as_deref(), Ok(s));
        }
    }
}
