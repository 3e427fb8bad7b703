//! The common header line, read without the general line scanner: one physical line of
//! `name: value`, the name followed directly by its colon, no HTAB or other control byte
//! before the CRLF, and no fold after it. The first sixteen bytes of the line give the colon
//! and the name of most lines without a search.
//!
//! Such a line is recorded exactly as [`super::header_line`] would record it; anything else
//! (folds, tabs, errors, limits, the end of the buffer) is left to that scanner, which reads
//! it and reports what is wrong. The saving is the general scanner's per-line overhead
//! (windows, limits, fold loop, error plumbing), which costs more than the byte search on
//! short header lines.

use super::{offset32, HeaderList, RawHeader, MAX_HEADER_LEN};
use crate::block::{line_marks, run_control, LineMarks};
use crate::grammar::is_token;
use crate::name::HeaderName;
use crate::swar::{find_byte, word};

/// Records the plain header lines from `pos` on, while fewer than `max_headers` are recorded;
/// returns the offset of the first line left to the general scanner (the empty line ending
/// the head, for one).
#[inline]
pub(super) fn plain_lines(
    buf: &[u8],
    mut pos: usize,
    max_len: usize,
    max_headers: usize,
    headers: &mut HeaderList,
) -> usize {
    let max_len = max_len.min(MAX_HEADER_LEN);
    while headers.len() < max_headers && u32::try_from(pos).is_ok() {
        let Some((header, next)) = plain_line(buf, pos, max_len) else {
            break;
        };
        if headers.try_push(header).is_err() {
            break;
        }
        pos = next;
    }
    pos
}

/// The header at `start` and the offset of the next line, when the line is plain and at most
/// `max_len` bytes long.
#[inline(always)]
fn plain_line(buf: &[u8], start: usize, max_len: usize) -> Option<(RawHeader, usize)> {
    let (low, high) = block(buf, start)?;
    let LineMarks { colon, control } = line_marks(low, high);
    let len = line_len(buf, start, control, max_len)?;
    if colon >= len || colon == 0 || len > max_len {
        return None;
    }
    let end = start + len;
    let (crlf, next) = buf.get(end..end + 3)?.split_first_chunk::<2>()?;
    // The CRLF as one two-byte compare, then the next line's first byte (no fold).
    if *crlf != *b"\r\n" || matches!(next, [b' ' | b'\t']) {
        return None;
    }
    let (name, colon) = match colon {
        16 => long_name(buf.get(start..end)?)?,
        _ => (HeaderName::recognize_block(low, high, colon), colon),
    };
    // A recognized name is made of token bytes by construction (no control byte precedes the
    // line end); a trailing SP before the colon fails the token check and goes to the general
    // scanner, which allows it.
    if name == HeaderName::Other && !buf.get(start..start + colon)?.iter().all(|&b| is_token(b)) {
        return None;
    }
    let (value_start, value_end) = trim_spaces(buf, start + colon + 1, end);
    let header = RawHeader {
        start: offset32(start),
        name_len: within_line(colon),
        value_from: within_line(value_start - start),
        value_len: within_line(value_end - value_start),
        name,
        folded: false,
    };
    Some((header, end + 2))
}

/// The name of a line whose colon is not in its first sixteen bytes, and the colon's offset.
#[cold]
fn long_name(line: &[u8]) -> Option<(HeaderName, usize)> {
    let colon = find_byte(line, b':');
    Some((HeaderName::recognize(line.get(..colon)?), colon)).filter(|_| colon < line.len())
}

/// A length within a plain line, which [`plain_line`] has checked to be at most `max_len`,
/// itself at most [`MAX_HEADER_LEN`] (`u16::MAX`): the conversion is exact, and a plain cast
/// spares the saturation the general scanner pays on every field.
#[inline(always)]
fn within_line(len: usize) -> u16 {
    const _: () = assert!(MAX_HEADER_LEN <= u16::MAX as usize);
    len as u16
}

/// The sixteen bytes at `at` as two words, if the buffer holds them.
#[inline(always)]
fn block(buf: &[u8], at: usize) -> Option<(u64, u64)> {
    let bytes = buf.get(at..at.checked_add(16)?)?;
    let (low, high) = bytes.split_at(8);
    Some((word(low), word(high)))
}

/// The offset from `start` of the first control byte (HTAB included), given its offset in the
/// first block (16 when not there). `None` when the line runs past `max_len` or the buffer
/// ends before sixteen more bytes.
///
/// Past the first block, thirty-two bytes per step with one branch: the masks are cheap, the
/// loop's bounds checks and exit are not.
#[inline(always)]
fn line_len(buf: &[u8], start: usize, in_first: usize, max_len: usize) -> Option<usize> {
    if in_first < 16 {
        return Some(in_first);
    }
    let mut len = 16;
    while len <= max_len {
        let at = start + len;
        let Some(run) = buf.get(at..at.checked_add(32)?) else {
            let (low, high) = block(buf, at)?;
            match line_marks(low, high).control {
                16 => len += 16,
                found => return Some(len + found),
            }
            continue;
        };
        match run_control(run.try_into().ok()?) {
            32 => len += 32,
            found => return Some(len + found),
        }
    }
    None
}

/// The value between `from` and `to` without the SPs around it (a plain line has no other
/// LWS). `to` is the offset of the line's CR.
///
/// The usual value starts after exactly one SP and ends right before the CRLF: that costs a
/// few compares, and any other spacing goes to a loop. One SP is skipped without checking
/// `from < to`, because the byte at `to` is the CR.
#[inline(always)]
fn trim_spaces(buf: &[u8], from: usize, to: usize) -> (usize, usize) {
    let from = from + usize::from(buf.get(from) == Some(&b' '));
    if buf.get(from) == Some(&b' ') || (to > from && buf.get(to - 1) == Some(&b' ')) {
        return trim_more_spaces(buf, from, to);
    }
    (from, to)
}

/// [`trim_spaces`] for values with more spaces around them.
#[cold]
fn trim_more_spaces(buf: &[u8], mut from: usize, mut to: usize) -> (usize, usize) {
    while from < to && buf.get(from) == Some(&b' ') {
        from += 1;
    }
    while to > from && buf.get(to - 1) == Some(&b' ') {
        to -= 1;
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::super::{header_line, line_end, scan, Head, Stop};
    use super::*;
    use crate::limits::{Limit, Limits};
    use crate::Error;
    use proptest::prelude::*;

    /// The head scan as it was before plain lines: every header line through the general
    /// scanner. The oracle of the property test below.
    fn reference_scan(buf: &[u8], limits: &Limits, headers: &mut HeaderList) -> Result<Head, Stop> {
        let start_line_len = line_end(buf, 0, limits.max_start_line_len, Limit::StartLineLength)?;
        let mut pos = start_line_len + 2;
        loop {
            match buf.get(pos..pos + 2) {
                Some(b"\r\n") => break,
                Some([b'\r', _]) | Some([b'\n', _]) => {
                    return Err(Error::syntax(pos, "CRLF").into())
                }
                None if buf.get(pos).map_or(true, |&b| b == b'\r') => return Err(Stop::Incomplete),
                _ => {}
            }
            if headers.len() >= limits.header_count() {
                let offset = pos;
                let limit = Limit::HeaderCount;
                return Err(Error::TooLarge { limit, offset }.into());
            }
            headers.push(RawHeader::EMPTY);
            let slot = headers.last_mut().ok_or(Stop::Incomplete)?;
            pos = header_line(buf, pos, limits, slot).inspect_err(|_| {
                headers.pop();
            })?;
        }
        Ok(Head {
            start_line_len,
            len: pos + 2,
        })
    }

    fn both(buf: &[u8], limits: &Limits) -> [(Result<Head, Stop>, HeaderList); 2] {
        let (mut fast, mut reference) = (HeaderList::new(), HeaderList::new());
        [
            (scan(buf, limits, &mut fast), fast),
            (reference_scan(buf, limits, &mut reference), reference),
        ]
    }

    #[test]
    fn plain_lines_are_recorded_as_the_general_scanner_records_them() {
        let text =
            "INVITE sip:b@h SIP/2.0\r\nVia: SIP/2.0/UDP h\r\nX-Long-Unknown-Name-Here:  v  \r\n\
            P-Asserted-Identity: <sip:a@h>\r\nt:b\r\nSubject: \r\n\r\nbody: sixteen bytes";
        let mut headers = HeaderList::new();
        let end = plain_lines(text.as_bytes(), 24, 8192, 64, &mut headers);
        assert_eq!(end, text.find("\r\n\r\n").unwrap() + 2);
        assert_eq!(headers.len(), 5);
        let [fast, reference] = both(text.as_bytes(), &Limits::DEFAULT);
        assert_eq!(fast, reference);
        assert_eq!(headers[..], fast.1[..]);
    }

    /// Every spacing around short values, where the usual one SP and the loop meet: the
    /// records equal the general scanner's.
    #[test]
    fn spaces_around_values_are_trimmed_as_the_general_scanner_trims_them() {
        for before in ["", " ", "  ", "   "] {
            for value in ["", "a", "ab", "a b"] {
                for after in ["", " ", "  "] {
                    let text = format!(
                        "INVITE sip:b@h SIP/2.0\r\nTo:{before}{value}{after}\r\n\r\n0123456789abcdef"
                    );
                    let [fast, reference] = both(text.as_bytes(), &Limits::DEFAULT);
                    assert_eq!(fast, reference, "{text:?}");
                    let (head, headers) = fast;
                    assert!(head.is_ok(), "{text:?}");
                    let range = headers[0].value_range();
                    assert_eq!(&text[range], value.trim(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn other_lines_are_left_to_the_general_scanner() {
        for line in [
            "Via : x",
            "Via:\tx",
            "Via: x\r\n y",
            "Via: x\ry",
            "Via: x\u{7f}",
            "Vi a: x",
            ": x",
            "Via x",
            "Subject",
        ] {
            let text = format!("INVITE sip:b@h SIP/2.0\r\n{line}\r\nTo: b\r\n\r\n0123456789abcdef");
            let mut headers = HeaderList::new();
            assert_eq!(
                plain_lines(text.as_bytes(), 24, 8192, 64, &mut headers),
                24,
                "{line:?}"
            );
        }
    }

    /// A header line: a name (known, compact, unknown, long, odd), optional whitespace
    /// before the colon, and a value of words, spaces and tabs, sometimes folded.
    fn header_line_text() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec![
            "Via",
            "v",
            "To",
            "t",
            "From",
            "CALL-id",
            "Content-Length",
            "Content-Encoding",
            "P-Asserted-Identity",
            "X-A",
            "X-Long-Unknown-Header",
            "X-Sixteen-Bytes-",
            "Vi a",
            "",
            "x@y",
            "Subject ",
        ]);
        let piece = prop::sample::select(vec![
            "a",
            "sip:alice@example.com",
            " ",
            "  ",
            "\t",
            ";tag=1",
            "\r\n ",
            "\r\n\t",
            ",",
            "0123456789abcdefghijklmnopqrstuvwxyz",
            "\"q\"",
            "é",
        ]);
        let value = prop::collection::vec(piece, 0..6).prop_map(|p| p.concat());
        (name, prop::sample::select(vec!["", " ", "\t"]), value)
            .prop_map(|(name, ws, value)| format!("{name}{ws}:{value}"))
    }

    /// A head of generated header lines, then possibly one byte inserted, removed or
    /// replaced (by a control byte, CR, LF, HTAB, SP, colon, DEL or a non-ASCII byte), then
    /// possibly cut short, followed by a body.
    fn head() -> impl Strategy<Value = Vec<u8>> {
        let lines = prop::collection::vec(header_line_text(), 0..8);
        let mutation = (
            any::<prop::sample::Index>(),
            0u8..3,
            prop::sample::select(b"\0\x01\r\n\t :\x7f\x80\xffa".to_vec()),
        );
        let cut = prop::option::of(any::<prop::sample::Index>());
        (lines, prop::option::of(mutation), cut).prop_map(|(lines, mutation, cut)| {
            let mut bytes = b"OPTIONS sip:a@h SIP/2.0\r\n".to_vec();
            for line in lines {
                bytes.extend_from_slice(line.as_bytes());
                bytes.extend_from_slice(b"\r\n");
            }
            bytes.extend_from_slice(b"\r\nbody of the message, long enough for a block");
            if let Some((at, kind, byte)) = mutation {
                let at = at.index(bytes.len());
                match kind {
                    0 => bytes.insert(at, byte),
                    1 => drop(bytes.remove(at)),
                    _ => bytes[at] = byte,
                }
            }
            if let Some(cut) = cut {
                bytes.truncate(cut.index(bytes.len() + 1));
            }
            bytes
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever the head, and whatever the limits, the scan with plain lines gives
        /// exactly the result of the general scanner alone: the same head, the same header
        /// records, or the same stop (need more bytes, or the same error at the same offset).
        #[test]
        fn scan_equals_the_general_scanner(
            bytes in head(),
            max_header_len in prop::sample::select(vec![4usize, 12, 20, 40, 8192, 100_000]),
            max_headers in prop::sample::select(vec![0usize, 1, 3, 64, 1000]),
        ) {
            let limits = Limits { max_header_len, max_headers, ..Limits::DEFAULT };
            let [fast, reference] = both(&bytes, &limits);
            prop_assert_eq!(fast, reference);
        }
    }
}
