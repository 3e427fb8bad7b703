//! UTF-8 validation of the input, vectorised where the CPU allows it: it is the one pass
//! over every byte that the parse cannot fold into its own scans.

/// `bytes` as text, or the offset of the first byte that does not belong to valid UTF-8.
#[inline]
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    // The vectorised check only says whether the bytes are valid: core's check, which
    // knows the offset, runs only on input that fails it.
    simdutf8::basic::from_utf8(bytes)
        .or_else(|_| core::str::from_utf8(bytes).map_err(|e| e.valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::utf8;
    use proptest::prelude::*;

    #[test]
    fn reports_where_the_text_stops_being_utf8() {
        assert_eq!(utf8(b"v=0\r\n"), Ok("v=0\r\n"));
        assert_eq!(utf8("s=caf\u{e9}".as_bytes()), Ok("s=caf\u{e9}"));
        assert_eq!(utf8(b"s=caf\xe9\r\n"), Err(5));
        let mut long = [b'a'; 130];
        long[127] = 0xc3;
        assert_eq!(utf8(&long), Err(127));
    }

    proptest! {
        /// Agrees with core on ASCII runs of every length, with multi-byte characters and
        /// stray bytes anywhere, across the vector block boundaries.
        #[test]
        fn agrees_with_core(
            parts in prop::collection::vec(
                prop_oneof![
                    prop::collection::vec(0x20u8..0x7f, 0..70),
                    Just("\u{e9}".as_bytes().to_vec()),
                    Just("\u{20ac}".as_bytes().to_vec()),
                    Just("\u{1f600}".as_bytes().to_vec()),
                    any::<u8>().prop_map(|b| vec![b]),
                ],
                0..12,
            )
        ) {
            let bytes = parts.concat();
            let expected = core::str::from_utf8(&bytes).map_err(|e| e.valid_up_to());
            prop_assert_eq!(utf8(&bytes), expected);
        }
    }
}
