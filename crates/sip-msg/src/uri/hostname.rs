//! The host name check of the direct URI paths: whether a run of host name characters
//! (letters, digits, `-`, `.`) is a host name by the rule of
//! [`classify`](super::host::classify), in one pass and without building anything. Most
//! From and To URIs hold one, so it runs on nearly every message read.

use crate::swar::{word, HIGH, ONES};

/// Whether `text`, a run of host name characters (only those: the word check relies on it),
/// is a host name: labels of letters, digits
/// and inner hyphens, the last one starting with a letter, one optional trailing dot. Such a
/// text holds a letter, so it is never read as an IPv4 address.
///
/// A label starts and ends with a letter or digit exactly when the body starts and ends with
/// one and no `.` touches another `.` or a `-`, so the labels need not be split.
pub(crate) fn is_plain_hostname(text: &[u8]) -> bool {
    let body = text.strip_suffix(b".").unwrap_or(text);
    let (Some(first), Some(last)) = (body.first(), body.last()) else {
        return false;
    };
    if matches!(first, b'.' | b'-') || matches!(last, b'.' | b'-') || has_bad_pair(body) {
        return false;
    }
    let top = body
        .iter()
        .rposition(|&b| b == b'.')
        .map_or(0, |dot| dot + 1);
    body.get(top).is_some_and(u8::is_ascii_alphabetic)
}

/// Whether a `.` is followed by `.` or `-`, or a `-` by `.`, anywhere in `body`.
///
/// Seven pairs per word: each word overlaps the next by one byte so that every pair lies
/// inside one, and the last word ends at the last byte. Names of eight to fifteen bytes,
/// the usual ones, are exactly two words.
fn has_bad_pair(body: &[u8]) -> bool {
    let len = body.len();
    match len {
        0..=7 => body
            .windows(2)
            .any(|pair| matches!(pair, [b'.', b'.' | b'-'] | [b'-', b'.'])),
        8..=15 => bad_pairs(word_at(body, 0)) | bad_pairs(word_at(body, len - 8)) != 0,
        _ => {
            let last = len - 8;
            let mut at = 0;
            let mut bad = 0;
            loop {
                bad |= bad_pairs(word_at(body, at));
                if at == last {
                    return bad != 0;
                }
                at = (at + 7).min(last);
            }
        }
    }
}

/// The eight bytes of `body` from `at` as a word (`at + 8` is within `body`).
#[inline(always)]
fn word_at(body: &[u8], at: usize) -> u64 {
    word(body.get(at..at + 8).unwrap_or(&[0; 8]))
}

/// The high bit of every byte of `x` that starts a bad pair with the byte after it.
#[inline(always)]
fn bad_pairs(x: u64) -> u64 {
    // Of the host name characters only `-` (0x2D) and `.` (0x2E) are below `0`, and their
    // lowest bit tells them apart.
    let separator = !((x | HIGH).wrapping_sub(0x30 * ONES)) & HIGH;
    let hyphen = separator & (x << 7);
    let dot = separator & !hyphen;
    // Shifting right by a byte lines each byte's mark up with the byte before it.
    (dot & (separator >> 8)) | (hyphen & (dot >> 8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::host::classify;
    use crate::uri::Host;
    use proptest::sample::select;

    /// The rule as the label grammar states it, label by label: the oracle below.
    fn by_labels(text: &[u8]) -> bool {
        let text = core::str::from_utf8(text).unwrap();
        classify(text) == Ok(Host::Name(text))
    }

    proptest::proptest! {
        /// For runs of host name characters of every length up to forty (one word, several
        /// overlapping words, and the short path), the check answers as the host grammar.
        #[test]
        fn agrees_with_the_host_grammar_at_every_length(
            text in proptest::collection::vec(select(b"aZ09-..".to_vec()), 1..40)
        ) {
            proptest::prop_assert_eq!(is_plain_hostname(&text), by_labels(&text));
        }

        /// A long valid name with one `.` or `-` put anywhere, which makes a bad pair at
        /// every offset of a word and across words, is judged as the grammar judges it.
        #[test]
        fn finds_a_bad_pair_at_every_offset(len in 8usize..30, at in 0usize..30, b in select(b".-".to_vec())) {
            let mut text: Vec<u8> = (0..len).map(|i| if i % 4 == 3 { b'.' } else { b'a' }).collect();
            let at = at % len;
            text[at] = b;
            proptest::prop_assert_eq!(is_plain_hostname(&text), by_labels(&text));
        }
    }

    #[test]
    fn usual_names_pass_and_broken_ones_do_not() {
        for name in [
            "example.com",
            "pcscf.example.com",
            "a-b.c-d.example.",
            "x1.y",
        ] {
            assert!(is_plain_hostname(name.as_bytes()), "{name}");
        }
        for name in [
            "example..com",
            "example.-com",
            "example-.com",
            "example.com-",
            ".example.com",
            "example.c0m.1",
            "",
            ".",
        ] {
            assert!(!is_plain_hostname(name.as_bytes()), "{name}");
        }
    }
}
