//! The answers with SSE2 vector compares.

use super::LineMarks;
use safe_arch::{
    bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, min_u8_m128i,
    move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
};

/// All ones in the bytes of `v` from `lo` to `lo + span`: `byte - lo`, wrapping, is at most
/// `span` when the unsigned minimum with `span` leaves it unchanged.
#[inline(always)]
fn in_range(v: m128i, lo: u8, span: u8) -> m128i {
    let d = sub_i8_m128i(v, set_splat_i8_m128i(lo as i8));
    cmp_eq_mask_i8_m128i(min_u8_m128i(d, set_splat_i8_m128i(span as i8)), d)
}

/// All ones in the bytes below 0x20 or equal to 0x7F.
#[inline(always)]
fn controls(v: m128i) -> m128i {
    bitor_m128i(
        in_range(v, 0, 0x1f),
        cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(0x7f)),
    )
}

/// The offset of the first lane set in `v`; 16 when none is.
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

/// The offset of the first `needle` in `bytes` at or after `from`.
#[inline]
pub(crate) fn find(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    let needles = set_splat_i8_m128i(needle as i8);
    let hits = |block: &[u8; 16]| {
        let v = load_unaligned_m128i(block);
        move_mask_i8_m128i(cmp_eq_mask_i8_m128i(v, needles)) as u32
    };
    let mut pos = from;
    while let Some(block) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<16>) {
        let bits = hits(block);
        if bits != 0 {
            return Some(pos + bits.trailing_zeros() as usize);
        }
        pos += 16;
    }
    if pos >= bytes.len() {
        return None;
    }
    // Fewer than sixteen bytes are left: the text's last sixteen are read, the bits of the
    // bytes before `pos` shifted out.
    match bytes.last_chunk::<16>() {
        Some(last) => {
            let bits = hits(last) >> (pos - (bytes.len() - 16));
            (bits != 0).then(|| pos + bits.trailing_zeros() as usize)
        }
        None => super::find_bytes(bytes, pos, needle),
    }
}

/// All ones in the letters, digits, `-` and `.` of `v`.
#[inline(always)]
fn name_bytes(v: m128i) -> m128i {
    // Setting bit 5 lowercases exactly the letters.
    let letters = in_range(bitor_m128i(v, set_splat_i8_m128i(0x20)), b'a', 25);
    bitor_m128i(
        bitor_m128i(letters, in_range(v, b'0', 9)),
        in_range(v, b'-', 1),
    )
}

/// The end of the run of letters, digits, `-` and `.` in `bytes` from `at` (`at` itself when
/// none is there).
#[inline]
pub(crate) fn name_run_end(bytes: &[u8], at: usize) -> usize {
    let outside =
        |block: &[u8; 16]| !move_mask_i8_m128i(name_bytes(load_unaligned_m128i(block))) as u32;
    let mut pos = at;
    while let Some(block) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<16>) {
        // Bits 16 and up of `outside` are set: a full block gives 16.
        let run = outside(block).trailing_zeros() as usize;
        if run < 16 {
            return pos + run;
        }
        pos += 16;
    }
    if pos >= bytes.len() {
        return pos;
    }
    // Fewer than sixteen bytes are left: the text's last sixteen are read, the bits of the
    // bytes before `pos` shifted out; past the end the shifted-in bits end the run.
    match bytes.last_chunk::<16>() {
        Some(last) => {
            let skip = pos - (bytes.len() - 16);
            pos + ((outside(last) & 0xffff) >> skip | 1 << (16 - skip)).trailing_zeros() as usize
        }
        None => super::name_run_end_bytes(bytes, pos),
    }
}
