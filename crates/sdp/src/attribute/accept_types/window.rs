//! The media type list scan on a fixed window of the input: positions stay below
//! [`SPAN`], so every byte and word is read without a length check. A list that does not
//! end inside the window, or is not valid, is left to the scan of the whole input.

use crate::syntax::is_token_char;
use crate::word::not_lower_case;

/// How far into the window a list may run; the window holds a word more.
pub(super) const SPAN: usize = 64;

/// The window: the [`SPAN`] bytes a list may take, and the word after them.
pub(super) type Window = [u8; SPAN + 8];

/// The entry count and end (within the window) of a valid list that ends before [`SPAN`];
/// then these are what the scan of the whole input returns. `None` for any other list.
#[inline(always)]
pub(super) fn list_in(window: &Window) -> Option<(usize, usize)> {
    // Only read below `SPAN`, where the index is the position itself.
    let byte = |i: usize| window[i % SPAN];
    let mut at = 0;
    // Each counted entry takes at least one byte of the window, so the count cannot wrap.
    let mut count = 0usize;
    loop {
        let start = at;
        at = token_end_in(window, at)?;
        if byte(at) == b'/' {
            // `type/subtype` or `type/*` (`*` is a token character); `*/subtype` is not one.
            let subtype = at + 1;
            at = token_end_in(window, subtype)?;
            if start + 1 >= subtype
                || at == subtype
                || (subtype - start == 2 && byte(start) == b'*')
            {
                return None;
            }
            count += 1;
        } else if at == start + 1 && byte(start) == b'*' {
            count += 1;
        } else if at != start {
            return None;
        }
        // An empty entry (extra spaces) counts for nothing.
        if byte(at) != b' ' {
            return (count > 0).then_some((count, at));
        }
        at += 1;
    }
}

/// Where the token run from `at` ends, eight bytes at a time; `None` when it reaches
/// [`SPAN`].
#[inline(always)]
fn token_end_in(window: &Window, mut at: usize) -> Option<usize> {
    while at < SPAN {
        let i = at % SPAN;
        let word = u64::from_le_bytes([
            window[i],
            window[i + 1],
            window[i + 2],
            window[i + 3],
            window[i + 4],
            window[i + 5],
            window[i + 6],
            window[i + 7],
        ]);
        let other = not_lower_case(word);
        if other == 0 {
            at += 8;
            continue;
        }
        at += (other.trailing_zeros() / 8) as usize;
        if at >= SPAN {
            return None;
        }
        if !is_token_char(window[at % SPAN]) {
            return Some(at);
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{list_in, Window, SPAN};
    use crate::attribute::accept_types::tests::reference_list_prefix;
    use proptest::prelude::*;

    fn window_of(bytes: &[u8]) -> Option<Window> {
        bytes.first_chunk::<{ SPAN + 8 }>().copied()
    }

    #[test]
    fn reads_the_lists_msrp_endpoints_write() {
        let line = b"message/cpim text/plain application/octet-stream\r\na=max-size:104857600\r\n";
        let window = window_of(line).unwrap();
        assert_eq!(list_in(&window), Some((3, 48)));
        for list in [
            "*",
            "text/* *",
            "Message/CPIM  image/png ",
            "application/vnd.gsma.rcs-ft-http+xml",
            "a/b c/d e/f g/h i/j k/l m/n o/p q/r s/t u/v w/x y/z",
        ] {
            let bytes = format!("{list}\r\n{}", "a=x:y\r\n".repeat(10));
            let read = list_in(&window_of(bytes.as_bytes()).unwrap());
            assert_eq!(read, reference_list_prefix(bytes.as_bytes(), 0), "{list}");
            assert!(read.is_some(), "{list}");
        }
        for list in [
            "*/x",
            "text",
            "a//b",
            "alpha/beta gamma/delta epsilon/zeta eta/theta iota/kappa lambda/mu nu/xi",
        ] {
            let bytes = format!("{list}\r\n{}", "a=x:y\r\n".repeat(10));
            assert_eq!(
                list_in(&window_of(bytes.as_bytes()).unwrap()),
                None,
                "{list}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Whenever the window scan gives a count and an end, the byte-at-a-time grammar
        /// gives the same, on lists of common and uncommon entries of any length with up to
        /// two bytes replaced, inserted or removed, followed by any bytes.
        #[test]
        fn agrees_with_the_grammar(
            list in "(\\*|[a-zA-Z0-9.+*-]{0,9}/?[a-zA-Z0-9.+*\\-]{0,14})( {1,2}(\\*|[a-z*]{0,9}/?[a-z0-9.+*\\-]{0,14})){0,5}",
            edits in prop::collection::vec((0usize..90, prop_oneof![
                Just(b' '), Just(b'/'), Just(b'*'), Just(b'\r'), Just(b'"'), Just(b'{'),
                any::<u8>(),
            ], 0u8..3), 0..3),
            tail in prop::collection::vec(any::<u8>(), 72..80),
        ) {
            let mut bytes = list.into_bytes();
            for (i, byte, how) in edits {
                let i = i % (bytes.len() + 1);
                match how {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 if i < bytes.len() => { bytes.remove(i); }
                    _ => bytes.insert(i, byte),
                }
            }
            bytes.extend_from_slice(b"\r\n");
            bytes.extend_from_slice(&tail);
            let window = window_of(&bytes).unwrap_or([0; SPAN + 8]);
            if let Some(read) = list_in(&window) {
                prop_assert_eq!(Some(read), reference_list_prefix(&bytes, 0), "{:?}", String::from_utf8_lossy(&bytes));
            }
        }
    }
}
