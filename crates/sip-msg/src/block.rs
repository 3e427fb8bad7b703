//! Sixteen bytes at a time: where the first colon and the first control byte (HTAB included)
//! of a header line lie, for the head scanner's plain lines; where a byte first occurs in a
//! header value, for the quote check of a validating parse; where a run of letters, digits,
//! `-` and `.` ends, for the usual Call-IDs the validating parse checks and the host names of
//! the URIs and Via sent-bys the typed accessors read.
//!
//! On x86 with SSE2 (every x86_64 processor) each block takes a few vector compares and one
//! move of a bit per byte; elsewhere the same answers come from words of eight bytes (see
//! [`crate::swar`]), `memchr` or byte loops. Both give the same answers, which property
//! tests check.

#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
))]
mod sse2;
#[cfg(any(
    test,
    not(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2"
    ))
))]
mod words;

#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
))]
pub(crate) use sse2::{find, line_marks, name_run_end, run_control};
#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
)))]
pub(crate) use words::{find, line_marks, name_run_end, run_control};

/// [`find`] with `memchr`.
#[inline(always)]
fn find_bytes(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, bytes.get(from..)?).map(|at| from + at)
}

/// [`name_run_end`] one byte at a time.
#[inline(always)]
fn name_run_end_bytes(bytes: &[u8], at: usize) -> usize {
    crate::header::plain_params::span(bytes, at, crate::grammar::is_host_name)
}

/// The first marks of a block of sixteen bytes; 16 where the block has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineMarks {
    /// Offset of the first `:`.
    pub(crate) colon: usize,
    /// Offset of the first byte below 0x20 or equal to 0x7F.
    pub(crate) control: usize,
}

#[cfg(all(
    test,
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
))]
mod tests {
    use super::{sse2, words};
    use proptest::prelude::*;

    /// Bytes that matter to the marks, their neighbours, and UTF-8 bytes, which are no
    /// control bytes although their high bit is set.
    fn byte() -> impl Strategy<Value = u8> {
        prop_oneof![
            prop::sample::select(b":\r\n\t \x00\x1f\x20\x7e\x7f\x80\xc3\xff9a".to_vec()),
            any::<u8>(),
        ]
    }

    proptest! {
        /// Every block gives the same colon and control offsets in vectors and in words.
        #[test]
        fn vectors_and_words_mark_the_same_bytes(
            block in prop::array::uniform16(byte()),
        ) {
            let low = u64::from_le_bytes(block[..8].try_into().unwrap());
            let high = u64::from_le_bytes(block[8..].try_into().unwrap());
            prop_assert_eq!(sse2::line_marks(low, high), words::line_marks(low, high));
        }

        /// Texts longer and shorter than a block, searched from anywhere (past the end too):
        /// vectors and `memchr` find the same first quote.
        #[test]
        fn vectors_and_memchr_find_the_same_byte(
            text in prop::collection::vec(prop::sample::select(b"\"\"a\\\x00\xa2".to_vec()), 0..50),
            from in 0usize..52,
        ) {
            prop_assert_eq!(sse2::find(&text, from, b'"'), words::find(&text, from, b'"'));
        }

        /// Texts longer and shorter than a block, read from anywhere (past the end too):
        /// vectors and the byte loop end a run of name bytes at the same offset.
        #[test]
        fn vectors_and_bytes_end_name_runs_at_the_same_byte(
            text in prop::collection::vec(prop_oneof![
                4 => prop::sample::select(b"azAZ09-.".to_vec()),
                1 => any::<u8>(),
            ], 0..50),
            from in 0usize..52,
        ) {
            prop_assert_eq!(sse2::name_run_end(&text, from), words::name_run_end(&text, from));
        }

        /// Every run of thirty-two bytes gives the same first control byte in both.
        #[test]
        fn vectors_and_words_find_the_same_control_byte(
            run in prop::array::uniform32(byte()),
        ) {
            prop_assert_eq!(sse2::run_control(&run), words::run_control(&run));
        }
    }
}
