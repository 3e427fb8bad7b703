//! Word-at-a-time byte searches and checks for the head scanner and the direct paths: eight
//! bytes per step in safe code, where a byte loop would branch on every byte.

pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// Offset of the first control byte other than HTAB (CR normally, ending the line).
#[inline]
pub(crate) fn find_control(line: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let at = from + find_control_or_tab(line.get(from..)?)?;
        if line.get(at) != Some(&b'\t') {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Offset of the first byte below 0x20 or equal to 0x7F.
///
/// Eight bytes at a time: such a byte sets its high bit in `mask`; the lowest set bit is exact
/// (borrows only run upwards), so it locates the first one. Bytes of 0x80 and above (UTF-8)
/// never match.
///
/// Sixteen bytes per step, two words with one branch: header lines are mostly longer than
/// that, and the loop overhead is then paid half as often.
#[inline]
fn find_control_or_tab(line: &[u8]) -> Option<usize> {
    let mut pairs = line.chunks_exact(16);
    for (i, pair) in (&mut pairs).enumerate() {
        let (low, high) = pair.split_at(8);
        let (low, high) = (control_mask(word(low)), control_mask(word(high)));
        if low | high != 0 {
            let at = if low != 0 {
                low.trailing_zeros() / 8
            } else {
                8 + high.trailing_zeros() / 8
            };
            return Some(i * 16 + at as usize);
        }
    }
    let base = line.len() - pairs.remainder().len();
    let mut chunks = pairs.remainder().chunks_exact(8);
    if let Some(chunk) = chunks.next() {
        let mask = control_mask(word(chunk));
        if mask != 0 {
            return Some(base + (mask.trailing_zeros() / 8) as usize);
        }
    }
    let base = line.len() - chunks.remainder().len();
    let tail = chunks
        .remainder()
        .iter()
        .position(|&b| b < 0x20 || b == 0x7f);
    tail.map(|p| base + p)
}

/// The high bit of the first byte of `x` (in memory order) that is below 0x20 or 0x7F is set
/// (higher bytes may have false positives, which the lowest set bit never is); zero when no
/// byte is.
#[inline]
pub(crate) fn control_mask(x: u64) -> u64 {
    let del = x ^ (0x7f * ONES);
    (x.wrapping_sub(0x20 * ONES) | del.wrapping_sub(ONES)) & !x & HIGH
}

/// Offset of the first `needle` in `line`, or its length.
#[inline]
pub(crate) fn find_byte(line: &[u8], needle: u8) -> usize {
    let mut chunks = line.chunks_exact(8);
    for (i, chunk) in (&mut chunks).enumerate() {
        let mask = byte_mask(word(chunk), needle);
        if mask != 0 {
            return i * 8 + (mask.trailing_zeros() / 8) as usize;
        }
    }
    let base = line.len() - chunks.remainder().len();
    base + chunks
        .remainder()
        .iter()
        .position(|&b| b == needle)
        .unwrap_or(chunks.remainder().len())
}

/// The high bit of the first byte of `x` equal to `needle` is set (as in [`control_mask`],
/// only the lowest set bit is exact); zero when no byte is.
#[inline]
pub(crate) fn byte_mask(x: u64, needle: u8) -> u64 {
    let x = x ^ (u64::from(needle) * ONES);
    x.wrapping_sub(ONES) & !x & HIGH
}

/// Whether every byte of `bytes` is above SP and not DEL (visible ASCII, or any byte from
/// 0x80 up). Whole words where there are eight bytes left, the last word overlapping the one
/// before it, so that a short text needs no byte loop.
pub(crate) fn all_visible(bytes: &[u8]) -> bool {
    let invisible = |x: u64| {
        let del = x ^ (0x7f * ONES);
        (x.wrapping_sub(0x21 * ONES) | del.wrapping_sub(ONES)) & !x & HIGH
    };
    if bytes.len() < 8 {
        return bytes.iter().all(|&b| b > b' ' && b != 0x7f);
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut found = chunks
        .by_ref()
        .fold(0, |acc, chunk| acc | invisible(word(chunk)));
    if !chunks.remainder().is_empty() {
        found |= invisible(word(bytes.get(bytes.len() - 8..).unwrap_or(&[0; 8])));
    }
    found == 0
}

/// The eight bytes of `chunk` (exactly eight long) as one little-endian word.
#[inline]
pub(crate) fn word(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_found_at_every_position() {
        for len in 0..40 {
            for at in 0..len {
                for bad in [0u8, b'\r', 0x1f, 0x7f] {
                    let mut line = vec![b'a'; len];
                    line[at] = bad;
                    if at > 0 {
                        line[at - 1] = b'\t';
                    }
                    assert_eq!(find_control(&line), Some(at), "{len} {at} {bad}");
                }
            }
            let clean: Vec<u8> = (0..len)
                .map(|i| [b' ', b'\t', 0x80, 0xff, b'~'][i % 5])
                .collect();
            assert_eq!(find_control(&clean), None);
        }
    }

    /// Every byte value at every position of texts of every length up to forty: the word
    /// check (whole, overlapping last word, or short) answers as the byte rule.
    #[test]
    fn invisible_bytes_are_found_at_every_position() {
        for len in 0..40 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut text = vec![b'~'; len];
                    text[at] = b;
                    let expected = text.iter().all(|&b| b > b' ' && b != 0x7f);
                    assert_eq!(all_visible(&text), expected, "{len} {at} {b}");
                }
            }
            assert!(all_visible(&vec![0x80; len]));
        }
    }

    #[test]
    fn bytes_are_found_at_every_position() {
        for len in 0..20 {
            let mut line = vec![b'a'; len];
            assert_eq!(find_byte(&line, b':'), len);
            for at in (0..len).rev() {
                line[at] = b':';
                assert_eq!(find_byte(&line, b':'), at, "{len} {at}");
            }
        }
    }
}
