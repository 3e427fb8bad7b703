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
///
/// Inlined into the direct URI path, its one caller on the hot path: the call cost about a
/// tenth of the check.
#[inline]
pub(crate) fn is_plain_hostname(text: &[u8]) -> bool {
    let body = text.strip_suffix(b".").unwrap_or(text);
    let (Some(first), Some(last)) = (body.first(), body.last()) else {
        return false;
    };
    if matches!(first, b'.' | b'-') || matches!(last, b'.' | b'-') {
        return false;
    }
    let top = match body.len() {
        8..=15 => match two_words(body) {
            Some(top) => top,
            None => return false,
        },
        _ if has_bad_pair(body) => return false,
        _ => body
            .iter()
            .rposition(|&b| b == b'.')
            .map_or(0, |dot| dot + 1),
    };
    body.get(top).is_some_and(u8::is_ascii_alphabetic)
}

/// For a body of eight to fifteen bytes, the usual names: `None` if it has a bad pair, else
/// where its last label starts. The two words that find the pairs also mark the dots, so
/// the last dot comes from their masks instead of a search back through the bytes.
#[inline(always)]
fn two_words(body: &[u8]) -> Option<usize> {
    let high_at = body.len() - 8;
    let (low_bad, low_dots) = marks(word_at(body, 0));
    let (high_bad, high_dots) = marks(word_at(body, high_at));
    if low_bad | high_bad != 0 {
        return None;
    }
    // The words overlap and together cover the body, so the high word's last dot, if any,
    // is the body's; else the low word's is.
    let last_dot = |dots: u64| (63 - dots.leading_zeros() as usize) / 8;
    Some(match (high_dots, low_dots) {
        (0, 0) => 0,
        (0, dots) => last_dot(dots) + 1,
        (dots, _) => high_at + last_dot(dots) + 1,
    })
}

/// Whether a `.` is followed by `.` or `-`, or a `-` by `.`, anywhere in `body`.
///
/// Seven pairs per word: each word overlaps the next by one byte so that every pair lies
/// inside one, and the last word ends at the last byte. Names of eight to fifteen bytes,
/// the usual ones, go through [`two_words`] instead.
fn has_bad_pair(body: &[u8]) -> bool {
    let len = body.len();
    match len {
        0..=7 => body
            .windows(2)
            .any(|pair| matches!(pair, [b'.', b'.' | b'-'] | [b'-', b'.'])),
        _ => {
            let last = len - 8;
            let mut at = 0;
            let mut bad = 0;
            loop {
                bad |= marks(word_at(body, at)).0;
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

/// The high bit of every byte of `x` that starts a bad pair with the byte after it, and of
/// every `.`.
#[inline(always)]
fn marks(x: u64) -> (u64, u64) {
    // Of the host name characters only `-` (0x2D) and `.` (0x2E) are below `0`, and their
    // lowest bit tells them apart.
    let separator = !((x | HIGH).wrapping_sub(0x30 * ONES)) & HIGH;
    let hyphen = separator & (x << 7);
    let dot = separator & !hyphen;
    // Shifting right by a byte lines each byte's mark up with the byte before it.
    ((dot & (separator >> 8)) | (hyphen & (dot >> 8)), dot)
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

    proptest::proptest! {
        /// Names of eight to fifteen bytes, read as two words, with dots and hyphens dense
        /// enough to put the last dot in either word, in the overlap, or nowhere: the check
        /// answers as the host grammar.
        #[test]
        fn two_word_names_agree_with_the_host_grammar(
            text in proptest::collection::vec(select(b"aZ0-..".to_vec()), 8..=16)
        ) {
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
