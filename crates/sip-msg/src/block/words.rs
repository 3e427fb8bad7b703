//! The answers without vectors, from words of eight bytes, `memchr` and byte loops: for
//! targets without SSE2, and as the oracle of the vector version's tests.

use super::LineMarks;
use crate::swar::{byte_mask, control_mask, word};

/// The offset of the first marked byte from the masks of two words; 16 when none is.
#[inline(always)]
fn first(low: u64, high: u64) -> usize {
    ((u128::from(high) << 64 | u128::from(low)).trailing_zeros() / 8) as usize
}

/// The marks of the block whose bytes are `low` then `high` (little-endian words).
#[inline(always)]
pub(crate) fn line_marks(low: u64, high: u64) -> LineMarks {
    LineMarks {
        colon: first(byte_mask(low, b':'), byte_mask(high, b':')),
        control: first(control_mask(low), control_mask(high)),
    }
}

/// Offset of the first control byte of `run`; 32 when none.
#[inline(always)]
pub(crate) fn run_control(run: &[u8; 32]) -> usize {
    let mask = |i: usize| control_mask(word(run.get(i..i + 8).unwrap_or(&[0; 8])));
    let (a, b, c, d) = (mask(0), mask(8), mask(16), mask(24));
    match (a | b, c | d) {
        (0, 0) => 32,
        (0, _) => 16 + first(c, d),
        _ => first(a, b),
    }
}

/// The offset of the first `needle` in `bytes` at or after `from`.
#[inline]
pub(crate) fn find(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    super::find_bytes(bytes, from, needle)
}

/// The end of the run of letters, digits, `-` and `.` in `bytes` from `at` (`at` itself when
/// none is there).
#[inline(always)]
pub(crate) fn name_run_end(bytes: &[u8], at: usize) -> usize {
    super::name_run_end_bytes(bytes, at)
}
