//! Refusing control characters in a head: everything below 0x20 but HTAB and the CRLF that ends
//! each line, and DEL.

use crate::error::{Error, ErrorKind};

/// Refuses control characters other than HTAB, and CR other than before LF (the scan already
/// made every LF follow a CR); `base` is the stream offset of `bytes[0]`.
#[inline]
pub(crate) fn check_controls(bytes: &[u8], base: u64) -> Result<(), Error> {
    if !may_hold_controls(bytes) {
        return Ok(());
    }
    let Some(pos) = first_control(bytes) else {
        return Ok(());
    };
    let line_start =
        memchr::memrchr(b'\n', bytes.get(..pos).unwrap_or_default()).map_or(0, |i| i + 1);
    let line = bytes.get(line_start..pos).unwrap_or_default();
    let e = Error::at(
        ErrorKind::Syntax("no control characters in the head"),
        base.saturating_add(pos as u64),
    );
    let name = memchr::memchr(b':', line)
        .filter(|_| line_start > 0)
        .and_then(|colon| core::str::from_utf8(line.get(..colon)?).ok());
    Err(match name {
        Some(name) => e.in_header(name),
        None => e,
    })
}

/// The position of the first refused byte, byte by byte.
fn first_control(bytes: &[u8]) -> Option<usize> {
    let bad = |c: u8| (c < 0x20 && !matches!(c, b'\t' | b'\r' | b'\n')) || c == 0x7f;
    let lone_cr = |i: usize| bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) != Some(&b'\n');
    (0..bytes.len()).find(|&i| bytes.get(i).is_some_and(|&c| bad(c)) || lone_cr(i))
}

/// Whether `bytes` may hold a refused byte: never `false` when they do. Bytes below 0x20 or
/// from 0x7f up are counted against CRLF pairs: only when every such byte is the CR or LF of a
/// pair is the head certainly clean (HTAB and non-ASCII bytes go to the exact check). Counting
/// in `u8` lanes over blocks of at most 255 bytes (a common head fits in one, so the loop's
/// byte-by-byte tail runs once) keeps the loop vectorised; it costs about half of a reduction
/// that tests each byte for what is refused.
fn may_hold_controls(bytes: &[u8]) -> bool {
    const BLOCK: usize = 255;
    let unusual = |c: u8| u8::from((c.wrapping_add(1) as i8) < 0x21);
    let mut unusual_bytes = bytes.last().map_or(0, |&c| usize::from(unusual(c)));
    let mut crlf_pairs = 0usize;
    for (k, block) in bytes.chunks(BLOCK).enumerate() {
        let next = bytes.get(k * BLOCK + 1..).unwrap_or_default();
        let (mut u, mut p) = (0u8, 0u8);
        for (&c, &n) in block.iter().zip(next) {
            u = u.wrapping_add(unusual(c));
            p = p.wrapping_add(u8::from(c == b'\r') & u8::from(n == b'\n'));
        }
        unusual_bytes += usize::from(u);
        crlf_pairs += usize::from(p);
    }
    unusual_bytes != 2 * crlf_pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_heads_skip_the_exact_check_and_suspect_ones_do_not() {
        let clean = b"MSRP abcd SEND\r\nTo-Path: msrp://b/s;tcp\r\n";
        assert!(!may_hold_controls(clean));
        for odd in [
            &b"a\tb\r\n"[..],
            b"a\rb\r\n",
            b"a\x7f\r\n",
            b"\xc3\xa9\r\n",
            b"a\r",
            b"\x01",
        ] {
            assert!(may_hold_controls(odd), "{odd:?}");
        }
        assert_eq!(check_controls(b"X: a\tb\r\n\xc3\xa9\r\n", 0), Ok(()));
    }

    /// Bytes mostly from the ones the check cares about, in heads long enough to cross the
    /// 255-byte blocks.
    fn head_bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop_oneof![
            8 => Just(b'a'),
            2 => Just(b'\r'),
            2 => Just(b'\n'),
            1 => Just(b'\t'),
            1 => Just(b':'),
            1 => any::<u8>(),
        ];
        proptest::collection::vec(byte, 0..600)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The count never clears bytes holding a refused byte, so `check_controls` refuses
        /// exactly where the byte-by-byte search finds the first one.
        #[test]
        fn agrees_with_the_byte_by_byte_search(bytes in head_bytes()) {
            let first = first_control(&bytes);
            prop_assert!(first.is_none() || may_hold_controls(&bytes));
            prop_assert_eq!(check_controls(&bytes, 3).err().map(|e| e.offset), first.map(|p| p as u64 + 3));
        }

        /// The same for a clean head of CRLF lines with one byte replaced anywhere.
        #[test]
        fn agrees_on_one_replaced_byte(at in 0usize..300, byte in any::<u8>()) {
            let mut bytes = b"MSRP abcd SEND\r\nTo-Path: msrp://b/s;tcp\r\n".repeat(7);
            let at = at % bytes.len();
            bytes[at] = byte;
            let first = first_control(&bytes);
            prop_assert!(first.is_none() || may_hold_controls(&bytes));
            prop_assert_eq!(check_controls(&bytes, 0).err().map(|e| e.offset), first.map(|p| p as u64));
        }
    }
}
