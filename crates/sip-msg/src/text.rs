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

/// The first `len` bytes of `bytes` as text, or the offset of the first byte among them that
/// does not belong to valid UTF-8, as [`utf8`] gives it for those bytes alone.
///
/// The vectorised check reads 64 bytes per step, and copies a shorter last piece into a block
/// of its own first, byte by byte. Where `bytes` go on past the text, the check runs on up to
/// the next multiple of 64 instead: when those bytes are valid UTF-8, so is the text, if it
/// ends on a character boundary (a message head ends with a line feed), which slicing checks.
/// When the bytes after the text are not UTF-8 (a binary body) or too few, or the text does
/// not end on a boundary, the text is checked alone.
pub(crate) fn utf8_prefix(bytes: &[u8], len: usize) -> Result<&str, usize> {
    let whole = len.div_ceil(64).saturating_mul(64);
    if let Some(longer) = bytes.get(..whole).filter(|_| whole > len) {
        if let Some(text) = simdutf8::basic::from_utf8(longer)
            .ok()
            .and_then(|longer| longer.get(..len))
        {
            return Ok(text);
        }
    }
    utf8(bytes.get(..len).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::{utf8, utf8_prefix};
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

        /// A prefix of text and stray bytes, cut anywhere, followed by text, binary bytes or
        /// nothing: the prefix reads as core reads it alone, whatever the bytes after it.
        #[test]
        fn a_prefix_reads_as_core_reads_it_alone(
            text in prop::collection::vec(
                prop_oneof![
                    prop::collection::vec(0x20u8..0x7f, 0..90),
                    Just("\u{e9}".as_bytes().to_vec()),
                    Just("\u{1f600}".as_bytes().to_vec()),
                    any::<u8>().prop_map(|b| vec![b]),
                ],
                0..6,
            ),
            after in prop_oneof![
                prop::collection::vec(0x20u8..0x7f, 0..140),
                prop::collection::vec(any::<u8>(), 0..140),
                Just("\u{1f600}".as_bytes().to_vec()),
                Just(vec![0x80]),
            ],
            line_feed in any::<bool>(),
        ) {
            let mut bytes = text.concat();
            if line_feed {
                bytes.push(b'\n');
            }
            let len = bytes.len();
            bytes.extend_from_slice(&after);
            let alone = &bytes[..len];
            let expected = core::str::from_utf8(alone).map_err(|e| e.valid_up_to());
            prop_assert_eq!(utf8_prefix(&bytes, len), expected);
        }
    }
}
