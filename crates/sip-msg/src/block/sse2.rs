//! The marks with SSE2 vector compares.

use super::LineMarks;
use safe_arch::{
    bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, min_u8_m128i,
    move_mask_i8_m128i, set_splat_i8_m128i,
};

/// All ones in the bytes below 0x20 or equal to 0x7F: a byte is below 0x20 exactly when
/// the unsigned minimum with 0x1F leaves it unchanged.
#[inline(always)]
fn controls(v: m128i) -> m128i {
    let below_space = cmp_eq_mask_i8_m128i(min_u8_m128i(v, set_splat_i8_m128i(0x1f)), v);
    bitor_m128i(
        below_space,
        cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(0x7f)),
    )
}

/// One bit per byte of the lanes set in `v`, with bit 16 set so that an empty mask gives 16.
#[inline(always)]
fn first(v: m128i) -> usize {
    // The move mask has only its low sixteen bits set.
    let bits = move_mask_i8_m128i(v) as u32;
    (bits | 1 << 16).trailing_zeros() as usize
}

/// The marks of the block whose bytes are `low` then `high` (little-endian words).
#[inline(always)]
pub(crate) fn line_marks(low: u64, high: u64) -> LineMarks {
    let v = m128i::from([low, high]);
    LineMarks {
        colon: first(cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b':' as i8))),
        control: first(controls(v)),
    }
}

/// Offset of the first control byte of `run`; 32 when none.
#[inline(always)]
pub(crate) fn run_control(run: &[u8; 32]) -> usize {
    let (a, b) = run.split_at(16);
    let a = load_unaligned_m128i(a.try_into().unwrap_or(&[0; 16]));
    let b = load_unaligned_m128i(b.try_into().unwrap_or(&[0; 16]));
    let bits = move_mask_i8_m128i(controls(a)) as u32 & 0xffff
        | (move_mask_i8_m128i(controls(b)) as u32 & 0xffff) << 16;
    (u64::from(bits) | 1 << 32).trailing_zeros() as usize
}
