//! One pass over the start line and header block: finds every line end, splits each header
//! into name and value, recognizes the name, and enforces the line-level grammar and limits.
//! Nothing is copied; headers are recorded as offsets into the input.

use crate::error::Error;
use crate::grammar::is_token;
use crate::limits::{Limit, Limits, HEADER_CAPACITY};
use crate::name::HeaderName;
use crate::swar::{find_byte, find_control};
use arrayvec::ArrayVec;

mod plain;

/// One header line (with its folded continuations), as offsets into the message. Kept small
/// (12 bytes) because a message holds a fixed-capacity array of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawHeader {
    /// Offset of the name, which starts the line.
    pub(crate) start: u32,
    pub(crate) name_len: u16,
    /// Offset of the value from `start`.
    pub(crate) value_from: u16,
    pub(crate) value_len: u16,
    pub(crate) name: HeaderName,
    /// The value spans more than one line.
    pub(crate) folded: bool,
}

impl RawHeader {
    pub(crate) const EMPTY: RawHeader = RawHeader {
        start: 0,
        name_len: 0,
        value_from: 0,
        value_len: 0,
        name: HeaderName::Other,
        folded: false,
    };

    pub(crate) fn name_range(&self) -> core::ops::Range<usize> {
        let start = self.start as usize;
        start..start + usize::from(self.name_len)
    }

    pub(crate) fn value_range(&self) -> core::ops::Range<usize> {
        let start = self.start as usize + usize::from(self.value_from);
        start..start + usize::from(self.value_len)
    }
}

/// Header lengths are stored in 16 bits, so no header may exceed this whatever the limits say.
const MAX_HEADER_LEN: usize = u16::MAX as usize;

pub(crate) type HeaderList = ArrayVec<RawHeader, HEADER_CAPACITY>;

/// The line structure of a complete head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Head {
    /// Length of the start line, CRLF excluded.
    pub(crate) start_line_len: usize,
    /// Length of the head including the empty line that ends it.
    pub(crate) len: usize,
}

/// Why a scan stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The input ends before the head does; every byte seen so far fits the grammar.
    Incomplete,
    /// The input cannot be a SIP message head.
    Invalid(Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Invalid(e)
    }
}

/// Scans `buf` up to and including the empty line after the headers.
///
/// Offsets are stored as `u32`; heads longer than that are refused by the line limits long
/// before (a head is at most `max_start_line_len + max_headers * max_header_len` bytes).
/// The headers are pushed onto `headers`, which must be empty: the caller owns the storage
/// so that it is written once, in place.
pub(crate) fn scan(buf: &[u8], limits: &Limits, headers: &mut HeaderList) -> Result<Head, Stop> {
    let start_line_len = line_end(buf, 0, limits.max_start_line_len, Limit::StartLineLength)?;
    let max_headers = limits.header_count();
    let max_len = limits.max_header_len.min(MAX_HEADER_LEN);
    let mut pos = start_line_len + 2;
    loop {
        pos = plain::plain_lines(buf, pos, max_len, max_headers, headers);
        match buf.get(pos..pos + 2) {
            Some(b"\r\n") => break,
            Some([b'\r', _]) | Some([b'\n', _]) => return Err(Error::syntax(pos, "CRLF").into()),
            None if buf.get(pos).map_or(true, |&b| b == b'\r') => return Err(Stop::Incomplete),
            _ => {}
        }
        if headers.len() >= max_headers {
            return Err(Error::TooLarge {
                limit: Limit::HeaderCount,
                offset: pos,
            }
            .into());
        }
        if u32::try_from(pos).is_err() {
            return Err(Error::TooLarge {
                limit: Limit::HeaderCount,
                offset: pos,
            }
            .into());
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

/// Length from `from` to the CR of the next CRLF, checked against `max`. Any other control
/// byte (HTAB aside) before it is an error, which also catches bare CR and bare LF.
///
/// Inlined into the header loop with the usual outcome (a CRLF within the limit) first: the
/// call and the error plumbing cost more than the search on short header lines.
#[inline(always)]
fn line_end(buf: &[u8], from: usize, max: usize, limit: Limit) -> Result<usize, Stop> {
    let rest = buf.get(from..).unwrap_or(&[]);
    let window = rest.get(..max.saturating_add(2)).unwrap_or(rest);
    match find_control(window) {
        Some(len) if len <= max && window.get(len..len + 2) == Some(b"\r\n") => Ok(len),
        _ => line_end_error(window, from, max, limit),
    }
}

/// Why [`line_end`] found no CRLF within the limit in `window`.
#[cold]
fn line_end_error(window: &[u8], from: usize, max: usize, limit: Limit) -> Result<usize, Stop> {
    let too_long = Error::TooLarge {
        limit,
        offset: from.saturating_add(max),
    };
    let Some(len) = find_control(window) else {
        return Err(if window.len() > max.saturating_add(1) {
            too_long.into()
        } else {
            Stop::Incomplete
        });
    };
    match (window.get(len), window.get(len + 1)) {
        (Some(b'\r'), Some(b'\n')) if len <= max => Ok(len),
        (Some(b'\r'), _) if len > max => Err(too_long.into()),
        (Some(b'\r'), None) => Err(Stop::Incomplete),
        (Some(b'\r' | b'\n'), _) => Err(Error::syntax(from + len, "CRLF").into()),
        _ => Err(Error::syntax(from + len, "text without control characters").into()),
    }
}

/// Scans the header starting at `start`, with its folded continuation lines, into `header`;
/// returns the offset of the next line.
///
/// The caller passes the header's final slot: writing the fields in place avoids copying the
/// small struct through the stack, a copy that stalls on store forwarding and used to cost
/// more than the whole scan of the line.
pub(crate) fn header_line(
    buf: &[u8],
    start: usize,
    limits: &Limits,
    header: &mut RawHeader,
) -> Result<usize, Stop> {
    let max = limits.max_header_len.min(MAX_HEADER_LEN);
    let mut end = start + line_end(buf, start, max, Limit::HeaderLength)?;
    let line = buf.get(start..end).unwrap_or(&[]);
    let (name, name_len, colon) =
        split_name(line).map_err(|(at, what)| Error::syntax(start + at, what))?;
    let (name_end, colon) = (start + name_len, start + colon);
    let mut folded = false;
    loop {
        match buf.get(end + 2) {
            Some(b' ' | b'\t') => {}
            Some(_) => break,
            None => return Err(Stop::Incomplete),
        }
        folded = true;
        let used = end + 2 - start;
        let room = max.checked_sub(used).ok_or(Error::TooLarge {
            limit: Limit::HeaderLength,
            offset: start + max,
        })?;
        end = end + 2 + line_end(buf, end + 2, room, Limit::HeaderLength)?;
    }
    let (value_start, value_end) = trim_value(buf, colon + 1, end);
    header.start = offset32(start);
    header.name_len = length16(name_end - start);
    header.value_from = length16(value_start - start);
    header.value_len = length16(value_end - value_start);
    header.name = name;
    header.folded = folded;
    Ok(end + 2)
}

/// Finds `name [WSP] ":"` at the start of a header line and recognizes the name: returns it,
/// its length and the colon's offset, or the offset of the first byte that does not fit and
/// what was expected there.
///
/// The colon is located eight bytes at a time; a name recognized as a known one is made of
/// token bytes by construction, so only unknown names are checked byte by byte.
fn split_name(line: &[u8]) -> Result<(HeaderName, usize, usize), (usize, &'static str)> {
    let colon = find_byte(line, b':');
    let before = line.get(..colon).unwrap_or(line);
    let trailing_wsp = before
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let name = before.get(..before.len() - trailing_wsp).unwrap_or(&[]);
    let known = HeaderName::recognize(name);
    let valid =
        known != HeaderName::Other || (!name.is_empty() && name.iter().all(|&b| is_token(b)));
    if valid && colon < line.len() {
        return Ok((known, name.len(), colon));
    }
    let bad = span(line, 0, is_token);
    Err(match bad {
        0 => (0, "header name"),
        _ => (
            bad + span(line, bad, |b| b == b' ' || b == b'\t'),
            "':' after header name",
        ),
    })
}

/// The value without the LWS (folds included) around it.
fn trim_value(buf: &[u8], mut from: usize, mut to: usize) -> (usize, usize) {
    let lws = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    while from < to && buf.get(from).is_some_and(lws) {
        from += 1;
    }
    while to > from && buf.get(to - 1).is_some_and(lws) {
        to -= 1;
    }
    (from, to)
}

fn span(buf: &[u8], from: usize, class: impl Fn(u8) -> bool) -> usize {
    let rest = buf.get(from..).unwrap_or(&[]);
    rest.iter().position(|&b| !class(b)).unwrap_or(rest.len())
}

/// `scan` checks that every line start fits in 32 bits before the line is scanned.
fn offset32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Header lengths are capped at [`MAX_HEADER_LEN`] by the line limit.
fn length16(len: usize) -> u16 {
    u16::try_from(len).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_ok(text: &str) -> (Head, HeaderList) {
        let mut headers = HeaderList::new();
        let head = scan(text.as_bytes(), &Limits::DEFAULT, &mut headers).unwrap();
        (head, headers)
    }

    fn scan_err(text: &[u8], limits: &Limits) -> Stop {
        scan(text, limits, &mut HeaderList::new()).unwrap_err()
    }

    fn value<'a>(text: &'a str, h: &RawHeader) -> &'a str {
        &text[h.value_range()]
    }

    #[test]
    fn splits_names_and_values_with_whitespace_around_the_colon() {
        let text = "OPTIONS sip:a SIP/2.0\r\nVia  :  SIP/2.0/UDP h \r\nX-Odd:\r\n\r\nbody";
        let (head, headers) = scan_ok(text);
        assert_eq!(head.start_line_len, 21);
        assert_eq!(head.len, text.len() - 4);
        assert_eq!(headers[0].name, HeaderName::Via);
        assert_eq!(value(text, &headers[0]), "SIP/2.0/UDP h");
        assert_eq!(headers[1].name, HeaderName::Other);
        assert_eq!(value(text, &headers[1]), "");
    }

    #[test]
    fn folded_lines_continue_the_header() {
        let text = "OPTIONS sip:a SIP/2.0\r\nSubject:\r\n  first\r\n\tsecond \r\nTo: b\r\n\r\n";
        let (_, headers) = scan_ok(text);
        assert_eq!(headers.len(), 2);
        assert!(headers[0].folded);
        assert_eq!(value(text, &headers[0]), "first\r\n\tsecond");
        assert_eq!(value(text, &headers[1]), "b");
    }

    #[test]
    fn every_prefix_of_a_valid_head_is_incomplete() {
        let text = "OPTIONS sip:a SIP/2.0\r\nVia: x\r\n y\r\nTo: b\r\n\r\n";
        for end in 0..text.len() {
            let got = scan_err(&text.as_bytes()[..end], &Limits::DEFAULT);
            assert_eq!(got, Stop::Incomplete, "prefix {end}");
        }
    }

    #[test]
    fn bad_lines_are_invalid_with_offsets() {
        let cases = [
            ("OPTIONS sip:a SIP/2.0\nTo: b\r\n\r\n", 21),
            ("OPTIONS sip:a SIP/2.0\r\nTo b\r\n\r\n", 26),
            ("OPTIONS sip:a SIP/2.0\r\n: b\r\n\r\n", 23),
            ("OPTIONS sip:a SIP/2.0\r\n To: b\r\n\r\n", 23),
            ("OPTIONS sip:a SIP/2.0\r\nTo: b\rc\r\n\r\n", 28),
            ("OPTIONS sip:a SIP/2.0\r\nTo: b\r\n\n", 30),
        ];
        for (text, offset) in cases {
            match scan_err(text.as_bytes(), &Limits::DEFAULT) {
                Stop::Invalid(e) => assert_eq!(e.offset(), Some(offset), "{text:?}: {e}"),
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn limits_end_long_lines_and_many_headers_even_before_the_end() {
        let limits = Limits {
            max_header_len: 10,
            max_headers: 2,
            ..Limits::DEFAULT
        };
        let long = b"OPTIONS sip:a SIP/2.0\r\nSubject: 0123456789";
        assert!(matches!(
            scan_err(long, &limits),
            Stop::Invalid(Error::TooLarge {
                limit: Limit::HeaderLength,
                ..
            })
        ));
        let folded = b"OPTIONS sip:a SIP/2.0\r\nS: 01234\r\n 567\r\n\r\n";
        assert!(matches!(
            scan_err(folded, &limits),
            Stop::Invalid(Error::TooLarge {
                limit: Limit::HeaderLength,
                ..
            })
        ));
        let many = b"OPTIONS sip:a SIP/2.0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
        assert!(matches!(
            scan_err(many, &limits),
            Stop::Invalid(Error::TooLarge {
                limit: Limit::HeaderCount,
                offset: 35
            })
        ));
        let start = Limits {
            max_start_line_len: 5,
            ..Limits::DEFAULT
        };
        assert!(matches!(
            scan_err(b"OPTIONS sip", &start),
            Stop::Invalid(Error::TooLarge {
                limit: Limit::StartLineLength,
                ..
            })
        ));
    }
}
