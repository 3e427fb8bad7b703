//! Finding a body's end-line (`CRLF "-------" tid flag CRLF`, RFC 4975 §7.1) in a stream fed
//! in pieces.
//!
//! The search uses one `memmem::Finder` for the fixed `CRLF "-------"` mark, built once per
//! parser: without `alloc` a finder cannot own a per-transaction needle, and checking the
//! transaction id and flag at each hit costs nothing when bodies rarely contain the mark.
//! An end-line split across two feeds is kept in a carry of at most one end-line.

use crate::frame::Flag;
use crate::transaction_id::MAX_LEN;
use arrayvec::ArrayVec;
use memchr::memmem::Finder;

/// CRLF and the seven hyphens that open every end-line after a body.
pub(crate) const MARK: &[u8] = &MARK_BYTES;
const MARK_BYTES: [u8; 9] = *b"\r\n-------";
/// Longest end-line after a body: mark, transaction id, flag, CRLF.
pub(crate) const MAX_END_LINE: usize = MARK.len() + MAX_LEN + 3;

pub(crate) type Carry = ArrayVec<u8, MAX_END_LINE>;

/// How far `bytes` match an end-line for `tid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// A whole end-line; its length.
    Full(Flag, usize),
    /// All of `bytes` is the beginning of an end-line.
    Partial,
    /// Not an end-line.
    No,
}

pub(crate) fn classify(bytes: &[u8], tid: &[u8]) -> Match {
    let flag_at = MARK.len() + tid.len();
    let len = flag_at + 3;
    if let Some(whole) = bytes.get(..len) {
        return classify_whole(whole, tid, flag_at);
    }
    let seen = bytes.get(..len).unwrap_or(bytes);
    let (mark, rest) = seen.split_at(seen.len().min(MARK.len()));
    let (id, tail) = rest.split_at(rest.len().min(tid.len()));
    let tail_fits = match tail {
        [] => true,
        [flag, crlf @ ..] => Flag::from_byte(*flag).is_some() && b"\r\n".starts_with(crlf),
    };
    if !(MARK.starts_with(mark) && tid.starts_with(id) && tail_fits) {
        return Match::No;
    }
    match bytes.get(flag_at).and_then(|&c| Flag::from_byte(c)) {
        Some(flag) if bytes.len() >= len => Match::Full(flag, len),
        _ => Match::Partial,
    }
}

/// `classify` when all of an end-line's length is at hand, the case of every body that arrives
/// with its end-line: the fixed-size mark compares without a `memcmp` call.
fn classify_whole(whole: &[u8], tid: &[u8], flag_at: usize) -> Match {
    let fits = whole.first_chunk::<9>() == Some(&MARK_BYTES)
        && whole.get(MARK.len()..flag_at) == Some(tid)
        && whole.get(flag_at + 1..) == Some(b"\r\n".as_slice());
    match whole.get(flag_at).and_then(|&c| Flag::from_byte(c)) {
        Some(flag) if fits => Match::Full(flag, whole.len()),
        _ => Match::No,
    }
}

/// What the scanner found in the bytes it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// The first `n` bytes of the input are body.
    Body(usize),
    /// The first `len` bytes of the carry are body (a false start of an end-line), after
    /// `consumed` bytes of the input were moved into the carry.
    CarriedBody { len: usize, consumed: usize },
    /// The end-line is complete after consuming `consumed` bytes of the input.
    End { flag: Flag, consumed: usize },
    /// All `consumed` bytes went into the carry: the end-line may be starting.
    NeedMore { consumed: usize },
}

pub(crate) struct Scanner {
    finder: Finder<'static>,
    drain: usize,
}

impl Scanner {
    pub(crate) fn new() -> Self {
        Scanner {
            finder: Finder::new(MARK),
            drain: 0,
        }
    }

    /// Looks for the end-line in `carry` followed by `input`, reading at most `window` bytes
    /// of `input` as body candidates.
    pub(crate) fn scan(
        &mut self,
        carry: &mut Carry,
        tid: &[u8],
        input: &[u8],
        window: usize,
    ) -> Found {
        if self.drain > 0 {
            carry.drain(..self.drain.min(carry.len()));
            self.drain = 0;
        }
        if carry.is_empty() {
            self.scan_input(carry, tid, input, window)
        } else {
            self.extend_carry(carry, tid, input)
        }
    }

    /// Hands out at most `len` bytes of the carry as body: the rest stays for the next scan.
    pub(crate) fn keep_drain_within(&mut self, len: usize) {
        self.drain = self.drain.min(len);
    }

    fn scan_input(&self, carry: &mut Carry, tid: &[u8], input: &[u8], window: usize) -> Found {
        // The feed after a body that arrived whole starts with the end-line: the search below
        // would find it at 0 too, after a call into the searcher.
        if let Match::Full(flag, len) = classify(input, tid) {
            return Found::End {
                flag,
                consumed: len,
            };
        }
        let limit = window.min(input.len());
        let mut from = 0;
        while let Some(j) = input.get(from..limit).and_then(|w| self.finder.find(w)) {
            let i = from + j;
            match classify(input.get(i..).unwrap_or_default(), tid) {
                Match::No => from = i + 1,
                _ if i > 0 => return Found::Body(i),
                Match::Full(flag, len) => {
                    return Found::End {
                        flag,
                        consumed: len,
                    }
                }
                Match::Partial => return carry_all(carry, input),
            }
        }
        let cut = partial_mark_at(input, from.max(limit.saturating_sub(MARK.len() - 1)), limit);
        match cut {
            0 => carry_all(carry, input),
            n => Found::Body(n),
        }
    }

    fn extend_carry(&mut self, carry: &mut Carry, tid: &[u8], input: &[u8]) -> Found {
        let mut consumed = 0;
        loop {
            match classify(carry, tid) {
                Match::Full(flag, _) => {
                    carry.clear();
                    return Found::End { flag, consumed };
                }
                Match::No => {
                    let n = carry
                        .iter()
                        .skip(1)
                        .position(|&c| c == b'\r')
                        .map_or(carry.len(), |p| p + 1);
                    self.drain = n;
                    return Found::CarriedBody { len: n, consumed };
                }
                Match::Partial => match input.get(consumed) {
                    Some(&c) if carry.try_push(c).is_ok() => consumed += 1,
                    _ => return Found::NeedMore { consumed },
                },
            }
        }
    }
}

/// The first position in `input[from..limit]` where the rest of the window up to `limit` is a
/// strict beginning of the mark; `limit` when there is none.
fn partial_mark_at(input: &[u8], from: usize, limit: usize) -> usize {
    (from..limit)
        .find(|&k| {
            let tail = input.get(k..limit).unwrap_or_default();
            limit == input.len() && MARK.starts_with(tail)
        })
        .unwrap_or(limit)
}

fn carry_all(carry: &mut Carry, input: &[u8]) -> Found {
    let n = input.len().min(carry.remaining_capacity());
    carry.extend(input.iter().take(n).copied());
    Found::NeedMore { consumed: n }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_whole_partial_and_foreign_end_lines() {
        let tid = b"abcd";
        assert_eq!(
            classify(b"\r\n-------abcd$\r\nMSRP", tid),
            Match::Full(Flag::Complete, 16)
        );
        assert_eq!(
            classify(b"\r\n-------abcd#\r\n", tid),
            Match::Full(Flag::Aborted, 16)
        );
        assert_eq!(classify(b"\r\n---", tid), Match::Partial);
        assert_eq!(classify(b"\r\n-------abcd+\r", tid), Match::Partial);
        assert_eq!(classify(b"\r\n-------abce", tid), Match::No);
        assert_eq!(classify(b"\r\n-------abcdX\r\n", tid), Match::No);
        assert_eq!(classify(b"\r\n-------abcd$\n", tid), Match::No);
    }

    #[test]
    fn any_changed_byte_of_a_whole_end_line_is_foreign_and_any_prefix_partial() {
        let tid = b"abcd";
        let line = b"\r\n-------abcd+\r\n";
        assert_eq!(classify(line, tid), Match::Full(Flag::Continues, 16));
        for i in 0..line.len() {
            let mut changed = *line;
            changed[i] ^= 0x01;
            assert_eq!(classify(&changed, tid), Match::No, "byte {i}");
            assert_eq!(classify(&line[..i], tid), Match::Partial, "prefix {i}");
        }
    }

    #[test]
    fn end_line_split_across_feeds_goes_through_the_carry() {
        let mut scanner = Scanner::new();
        let mut carry = Carry::new();
        let tid = b"abcd";
        assert_eq!(
            scanner.scan(&mut carry, tid, b"body\r\n--", usize::MAX),
            Found::Body(4)
        );
        assert_eq!(
            scanner.scan(&mut carry, tid, b"\r\n--", usize::MAX),
            Found::NeedMore { consumed: 4 }
        );
        assert_eq!(
            scanner.scan(&mut carry, tid, b"-----ab", usize::MAX),
            Found::NeedMore { consumed: 7 }
        );
        let end = scanner.scan(&mut carry, tid, b"cd+\r\nMSRP", usize::MAX);
        assert_eq!(
            end,
            Found::End {
                flag: Flag::Continues,
                consumed: 5
            }
        );
        assert!(carry.is_empty());
    }

    #[test]
    fn false_start_in_the_carry_is_handed_back_as_body() {
        let mut scanner = Scanner::new();
        let mut carry = Carry::new();
        let tid = b"abcd";
        assert_eq!(
            scanner.scan(&mut carry, tid, b"\r\n---", usize::MAX),
            Found::NeedMore { consumed: 5 }
        );
        let found = scanner.scan(&mut carry, tid, b"x\r\n-------abcd$\r\n", usize::MAX);
        assert_eq!(
            found,
            Found::CarriedBody {
                len: 6,
                consumed: 1
            }
        );
        assert_eq!(carry.as_slice(), b"\r\n---x");
        let found = scanner.scan(&mut carry, tid, b"\r\n-------abcd$\r\n", usize::MAX);
        assert_eq!(
            found,
            Found::End {
                flag: Flag::Complete,
                consumed: 16
            }
        );
    }

    #[test]
    fn a_feed_that_starts_with_the_end_line_ends_the_body_there() {
        let mut scanner = Scanner::new();
        let mut carry = Carry::new();
        let tid = b"abcd";
        let found = scanner.scan(&mut carry, tid, b"\r\n-------abcd#\r\nMSRP", 100);
        assert_eq!(
            found,
            Found::End {
                flag: Flag::Aborted,
                consumed: 16
            }
        );
        let other_id = scanner.scan(&mut carry, tid, b"\r\n-------abce#\r\nx", 100);
        assert_eq!(other_id, Found::Body(17));
        assert!(carry.is_empty());
    }

    #[test]
    fn window_bounds_the_search() {
        let mut scanner = Scanner::new();
        let mut carry = Carry::new();
        let found = scanner.scan(&mut carry, b"abcd", b"0123456789\r\n-------abcd$\r\n", 4);
        assert_eq!(found, Found::Body(4));
    }
}
