//! Eight bytes at a time: reading a word of the input and testing all its bytes at once,
//! for the scans of short SDP fields, where a vector search's setup costs more than the scan.

/// Where the first `needle` in `haystack` is, eight bytes at a time: cheaper than a vector
/// search's setup on the 20 to 60 bytes of an SDP value.
pub(crate) fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    let mut at = 0;
    while let Some(word) = word_at(haystack, at) {
        let found = zero_bytes(word ^ splat(needle));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = haystack.get(at..)?;
    rest.iter().position(|&b| b == needle).map(|i| at + i)
}

/// The first byte below `limit` (at most 128) at or after `at`, or the end of `b`.
pub(crate) fn first_below(b: &[u8], at: usize, limit: u8) -> usize {
    let mut at = at;
    while let Some(word) = word_at(b, at) {
        // A byte below `limit` borrows into its high bit; bytes of 0x80 and above are masked
        // out by `!word`. Only bytes after the first hit can be flagged wrongly.
        let found = word.wrapping_sub(splat(limit)) & !word & splat(0x80);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while b.get(at).is_some_and(|c| *c >= limit) {
        at += 1;
    }
    at.min(b.len())
}

/// The high bit of each zero byte of `word` set, and possibly of bytes after the first zero
/// byte (a borrow runs upwards): the lowest set bit is always exact.
#[inline(always)]
pub(crate) fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(splat(1)) & !word & splat(0x80)
}

/// Every byte of a word set to `b`.
pub(crate) const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The 8 bytes at `at` as a little-endian word (the first byte lowest), when the input has
/// them.
pub(crate) fn word_at(b: &[u8], at: usize) -> Option<u64> {
    let bytes = b.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

/// A literal of at most 8 bytes as [`word_at`] reads it, and the mask of its bytes: a word
/// starts with the literal when `word & mask == value`.
pub(crate) const fn literal(s: &[u8]) -> (u64, u64) {
    let (mut value, mut mask, mut i) = (0u64, 0u64, 0usize);
    while i < s.len() && i < 8 {
        value |= (s[i] as u64) << (8 * i);
        mask |= 0xff << (8 * i);
        i += 1;
    }
    (value, mask)
}

/// Whether `word` starts with the literal.
pub(crate) fn starts_with(word: u64, (value, mask): (u64, u64)) -> bool {
    word & mask == value
}

/// A high bit set for the first byte of `word` that is not an ASCII lower-case letter,
/// as the lowest set bit; bits above it may be set for lower-case letters too.
#[inline(always)]
pub(crate) fn not_lower_case(word: u64) -> u64 {
    // Any byte but a lower-case letter has its high bit set by `- 'a'` or `+ 5` (0x7b and
    // up); borrows and carries start only at such bytes and reach only bytes above.
    (word.wrapping_sub(splat(b'a')) | word.wrapping_add(splat(0x80 - b'z' - 1))) & splat(0x80)
}

#[cfg(test)]
mod tests {
    use super::not_lower_case;
    use proptest::prelude::*;

    proptest! {
        /// The lowest flag of a word is its first byte that is not a lower-case letter, and
        /// a word of lower-case letters has no flag, for any bytes (those next to `a` and
        /// `z`, and high bytes, among them).
        #[test]
        fn the_lowest_flag_is_the_first_other_byte(
            bytes in prop::array::uniform8(prop_oneof![
                4 => b'a'..=b'z',
                1 => Just(b'`'),
                1 => Just(b'{'),
                1 => Just(0xe0u8),
                1 => Just(0xe1u8),
                1 => Just(0xfbu8),
                2 => any::<u8>(),
            ]),
        ) {
            let flags = not_lower_case(u64::from_le_bytes(bytes));
            match bytes.iter().position(|b| !b.is_ascii_lowercase()) {
                Some(first) => prop_assert_eq!(flags.trailing_zeros() / 8, first as u32),
                None => prop_assert_eq!(flags, 0),
            }
        }
    }
}
