//! Character classes and number rules of the RFC 8866 grammar shared by every field.

pub(crate) use crate::word::{find_byte, first_below, literal, starts_with, word_at};
use crate::word::{not_lower_case, splat, zero_bytes};

/// `token-char` of RFC 8866 §9, as a table: one load per byte on the hot path.
static TOKEN_CHARS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(i as u8, b'!' | b'#'..=b'\'' | b'*' | b'+' | b'-' | b'.' | b'0'..=b'9' | b'A'..=b'Z' | b'^'..=b'~');
        i += 1;
    }
    table
};

/// `token-char` of RFC 8866 §9.
#[inline(always)]
pub(crate) fn is_token_char(b: u8) -> bool {
    TOKEN_CHARS[usize::from(b)]
}

/// `token = 1*token-char`.
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_token_char)
}

/// Where the run of token characters that starts at `at` ends. Most token bytes of SDP
/// (media types, attribute names) are lower-case letters: eight of them are passed per
/// word, and only the other bytes are looked up one by one.
#[inline(always)]
pub(crate) fn token_end(b: &[u8], mut at: usize) -> usize {
    while let Some(word) = word_at(b, at) {
        let other = not_lower_case(word);
        if other == 0 {
            at += 8;
            continue;
        }
        at += (other.trailing_zeros() / 8) as usize;
        if !b.get(at).is_some_and(|c| is_token_char(*c)) {
            return at;
        }
        at += 1;
    }
    while let Some(&c) = b.get(at) {
        if !is_token_char(c) {
            break;
        }
        at += 1;
    }
    at
}

/// Tokens separated by single `sep` bytes: `token *(sep token)`.
pub(crate) fn is_token_list(s: &str, sep: u8) -> bool {
    token_list_end(s.as_bytes(), 0, sep) == Some(s.len())
}

/// The end of `token *(sep token)` from `at`: the first byte that cannot continue it.
/// `None` when it is empty or ends with `sep`. `sep` is not a token character (`/` or SP),
/// so a token byte is the one test most bytes need.
pub(crate) fn token_list_end(b: &[u8], mut at: usize, sep: u8) -> Option<usize> {
    // Starting as if after a separator rejects a leading one like a doubled one.
    let mut after_sep = true;
    while let Some(&c) = b.get(at) {
        if is_token_char(c) {
            after_sep = false;
        } else if c == sep && !after_sep {
            after_sep = true;
        } else {
            break;
        }
        at += 1;
    }
    (!after_sep).then_some(at)
}

/// `non-ws-string = 1*(VCHAR / %x80-FF)`.
pub(crate) fn is_non_ws(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b > b' ' && b != 0x7f)
}

/// Where the run of `non-ws-string` bytes (neither a control byte, SP nor DEL) that starts
/// at `at` ends, eight bytes at a time.
pub(crate) fn non_ws_end(b: &[u8], mut at: usize) -> usize {
    while let Some(word) = word_at(b, at) {
        // Each test is exact up to its first hit, so the lowest bit of either is exact.
        let below = word.wrapping_sub(splat(b'!')) & !word & splat(0x80);
        let found = below | zero_bytes(word ^ splat(0x7f));
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while b.get(at).is_some_and(|c| *c > b' ' && *c != 0x7f) {
        at += 1;
    }
    at
}

/// `1*DIGIT` as a `u64`; `None` when empty, not decimal, or too large.
pub(crate) fn parse_u64(s: &str) -> Option<u64> {
    digits(s.as_bytes(), 0)
        .filter(|(_, end)| *end == s.len())
        .map(|(n, _)| n)
}

/// The run of digits that starts at `at`, as a `u64`, and where it ends; `None` when there
/// is no digit there or the number does not fit. Eight bytes are classified and converted
/// at a time while the input has them.
#[inline(always)]
pub(crate) fn digits(b: &[u8], at: usize) -> Option<(u64, usize)> {
    // Sixteen bytes, when the input has them, take one length check for both words.
    let (word, next) = match b.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
        Some(pair) => {
            let (low, high) = pair.split_at(8);
            let word = |w: &[u8]| w.try_into().map_or(0, u64::from_le_bytes);
            (word(low), Some(word(high)))
        }
        None => match word_at(b, at) {
            Some(word) => (word, word_at(b, at + 8)),
            None => return digits_from(b, at, at, 0),
        },
    };
    match leading_digits(word) {
        0 => None,
        8 => {
            let high = eight_digits_value(word);
            // Up to 15 digits cannot overflow; longer runs take the checked path.
            match next.map(|next| (next, leading_digits(next))) {
                Some((next, count @ 0..=7)) => {
                    // The few digits past the first eight are added one by one.
                    let mut n = high;
                    for digit in next.to_le_bytes().into_iter().take(count) {
                        n = n * 10 + u64::from(digit - b'0');
                    }
                    Some((n, at + 8 + count))
                }
                _ => digits_from(b, at + 8, at, high),
            }
        }
        count => Some((digits_value(word, count), at + count)),
    }
}

/// Continues the run of digits that started at `start` with `n` read so far, at `at`.
fn digits_from(b: &[u8], mut at: usize, start: usize, mut n: u64) -> Option<(u64, usize)> {
    while let Some(word) = word_at(b, at) {
        let count = leading_digits(word);
        if count == 0 {
            break;
        }
        let scale = *POWERS_OF_TEN.get(count)?;
        n = n
            .checked_mul(scale)?
            .checked_add(digits_value(word, count))?;
        at += count;
        if count < 8 {
            return Some((n, at));
        }
    }
    while let Some(digit) = b.get(at).map(|c| c.wrapping_sub(b'0')).filter(|d| *d <= 9) {
        n = n.checked_mul(10)?.checked_add(u64::from(digit))?;
        at += 1;
    }
    (at > start).then_some((n, at))
}

const POWERS_OF_TEN: [u64; 9] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
];

/// The end of a free-text value: the first CR, LF or NUL at or after `at`, or the end of `b`.
pub(crate) fn text_end(b: &[u8], mut at: usize) -> usize {
    loop {
        at = first_below(b, at, b'\r' + 1);
        match b.get(at) {
            Some(b'\r' | b'\n' | 0) | None => return at,
            Some(_) => at += 1,
        }
    }
}

/// How many of the word's bytes, from the first, are ASCII digits.
#[inline(always)]
pub(crate) fn leading_digits(word: u64) -> usize {
    // Any byte but a digit has its high bit set by `- '0'` or `+ 0x46`; borrows and carries
    // start only at such bytes and reach only bytes above, so the lowest flag is exact.
    let not_digit =
        (word.wrapping_sub(splat(b'0')) | word.wrapping_add(splat(0x80 - b'9' - 1))) & splat(0x80);
    (not_digit.trailing_zeros() / 8) as usize
}

/// The value of the first `count` (1 to 8) bytes of the word, all digits.
#[inline(always)]
fn digits_value(word: u64, count: usize) -> u64 {
    // Move the digits to the top and fill the bytes below with '0' (leading zeros).
    let shift = 8 * (8 - count as u32);
    let aligned = match word.checked_shl(shift) {
        Some(top) if shift > 0 => top | (splat(b'0') >> (64 - shift)),
        _ => word,
    };
    eight_digits_value(aligned)
}

/// The value of eight ASCII digits, the first in the lowest byte: pairs, then fours, then
/// the whole, each step one multiply over every lane.
#[inline(always)]
fn eight_digits_value(word: u64) -> u64 {
    let d = word.wrapping_sub(splat(b'0'));
    let pairs = d.wrapping_mul(10).wrapping_add(d >> 8);
    let low = (pairs & 0x0000_00ff_0000_00ff).wrapping_mul(100 + (1_000_000 << 32));
    let high = ((pairs >> 16) & 0x0000_00ff_0000_00ff).wrapping_mul(1 + (10_000 << 32));
    low.wrapping_add(high) >> 32
}

/// `1*DIGIT` that fits a `u16`.
pub(crate) fn parse_u16(s: &str) -> Option<u16> {
    parse_u64(s).and_then(|n| u16::try_from(n).ok())
}

/// Splits at the first `sep` (ASCII): the part before, and the rest after it (if `sep`
/// occurs). A byte loop: fields are short, so it beats a vectorised search's setup.
pub(crate) fn split_once_byte(s: &str, sep: u8) -> (&str, Option<&str>) {
    match s.bytes().position(|b| b == sep) {
        Some(at) => (
            s.get(..at).unwrap_or_default(),
            s.get(at.saturating_add(1)..),
        ),
        None => (s, None),
    }
}

/// Exactly `N` fields separated by single spaces, none empty; `None` otherwise.
pub(crate) fn split_fields<const N: usize>(s: &str) -> Option<[&str; N]> {
    let mut fields = [""; N];
    let (mut index, mut start) = (0usize, 0usize);
    for (at, &b) in s.as_bytes().iter().enumerate() {
        if b == b' ' {
            *fields.get_mut(index)? = s.get(start..at).filter(|f| !f.is_empty())?;
            index = index.saturating_add(1);
            start = at.saturating_add(1);
        }
    }
    if index.saturating_add(1) != N {
        return None;
    }
    *fields.get_mut(index)? = s.get(start..).filter(|f| !f.is_empty())?;
    Some(fields)
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

    proptest::proptest! {
        /// The digit reader gives the number the digits spell, or `None` exactly when it
        /// does not fit a `u64`, and stops at the first non-digit, whatever surrounds it.
        #[test]
        fn digits_read_like_the_standard_library(
            before in "[0-9a ]{0,9}",
            number in "[0-9]{0,24}",
            after in "[ -~]{0,12}",
        ) {
            let text = format!("{before}{number}{after}");
            let at = before.len();
            let run = text[at..].bytes().take_while(u8::is_ascii_digit).count();
            let expected = if run == 0 {
                None
            } else {
                text[at..at + run].parse::<u64>().ok().map(|n| (n, at + run))
            };
            proptest::prop_assert_eq!(digits(text.as_bytes(), at), expected);
        }
    }

    proptest::proptest! {
        /// The word-at-a-time searches find the same byte as a byte-by-byte search, at any
        /// offset in any text.
        #[test]
        fn word_searches_find_the_first_match(
            hay in proptest::collection::vec(proptest::prop_oneof![
                8 => proptest::prelude::any::<u8>(),
                1 => proptest::prelude::Just(b' '),
                1 => proptest::prelude::Just(b'\r'),
                1 => proptest::prelude::Just(b'\n'),
                1 => proptest::prelude::Just(0u8),
                1 => proptest::prelude::Just(b'\t'),
            ], 0..40),
            at in 0usize..45,
            limit in 0u8..=128,
        ) {
            proptest::prop_assert_eq!(find_byte(&hay, b' '), hay.iter().position(|&b| b == b' '));
            let first = |pred: &dyn Fn(u8) -> bool| {
                hay.get(at..)
                    .and_then(|rest| rest.iter().position(|&b| pred(b)))
                    .map_or(hay.len(), |i| at + i)
            };
            proptest::prop_assert_eq!(text_end(&hay, at), first(&|b| matches!(b, b'\r' | b'\n' | 0)));
            proptest::prop_assert_eq!(first_below(&hay, at, limit), first(&|b| b < limit));
        }
    }

    proptest::proptest! {
        /// The word-at-a-time `non-ws-string` run ends where a byte loop ends, on any bytes
        /// and from any offset.
        #[test]
        fn non_ws_runs_end_like_a_byte_loop(
            b in proptest::collection::vec(proptest::prop_oneof![
                4 => proptest::prelude::any::<u8>(),
                4 => proptest::prelude::Just(b'a'),
                1 => proptest::prelude::Just(b' '),
                1 => proptest::prelude::Just(0x7fu8),
                1 => proptest::prelude::Just(b'!'),
                1 => proptest::prelude::Just(0x80u8),
            ], 0..40),
            at in 0usize..42,
        ) {
            let stop = |c: u8| c <= b' ' || c == 0x7f;
            let expected = (at..b.len()).find(|&i| stop(b[i])).unwrap_or(b.len().max(at));
            proptest::prop_assert_eq!(non_ws_end(&b, at), expected);
        }
    }

    #[test]
    fn splits_exact_field_counts() {
        assert_eq!(split_fields::<3>("a b c"), Some(["a", "b", "c"]));
        assert_eq!(split_fields::<3>("a b"), None);
        assert_eq!(split_fields::<3>("a b c d"), None);
        assert_eq!(split_fields::<3>("a  b c"), None);
        assert_eq!(split_fields::<2>("a b "), None);
        assert_eq!(split_once_byte("a/b/c", b'/'), ("a", Some("b/c")));
        assert_eq!(split_once_byte("abc", b'/'), ("abc", None));
        assert_eq!(split_once_byte("é/x", b'/'), ("é", Some("x")));
    }

    proptest::proptest! {
        /// A token run ends at the first byte that is not a token character, wherever it
        /// starts in any text.
        #[test]
        fn token_runs_end_at_the_first_other_byte(
            text in "[a-z!*/ .:A-Z\\-]{0,30}",
            at in 0usize..32,
        ) {
            let b = text.as_bytes();
            let expected = (at..b.len()).find(|&i| !is_token_char(b[i])).unwrap_or(b.len().max(at));
            proptest::prop_assert_eq!(token_end(b, at), expected);
        }
    }

    proptest::proptest! {
        /// The word-at-a-time token run ends where a byte-by-byte run ends, on any bytes
        /// (high bytes and every ASCII class included) and from any offset.
        #[test]
        fn token_runs_end_like_a_byte_loop(
            b in proptest::collection::vec(proptest::prop_oneof![
                4 => proptest::prelude::any::<u8>(),
                4 => proptest::prelude::Just(b'a'),
                2 => proptest::prelude::Just(b'z'),
                1 => proptest::prelude::Just(b'`'),
                1 => proptest::prelude::Just(b'{'),
                1 => proptest::prelude::Just(b'-'),
                1 => proptest::prelude::Just(0xe1u8),
            ], 0..40),
            at in 0usize..42,
        ) {
            let expected = (at..b.len()).find(|&i| !is_token_char(b[i])).unwrap_or(b.len().max(at));
            proptest::prop_assert_eq!(token_end(&b, at), expected);
        }
    }

    #[test]
    fn tokens_follow_the_grammar() {
        assert!(is_token("TCP/MSRP".split('/').next().unwrap_or_default()));
        assert!(is_token("x-foo.bar~"));
        assert!(!is_token("a b"));
        assert!(!is_token("a/b"));
        assert!(!is_token(""));
        assert!(is_token_list("TCP/TLS/MSRP", b'/'));
        assert!(!is_token_list("TCP//MSRP", b'/'));
        assert!(!is_token_list("/TCP", b'/'));
        assert!(!is_token_list("TCP/", b'/'));
        assert!(!is_token_list("", b'/'));
        assert!(is_non_ws("héllo"));
        assert!(!is_non_ws("a\tb"));
    }
}
