//! The one-pass reading of the lines every MSRP offer and answer is made of: `v=0`, `o=` and
//! `c=` with an IPv4 address, `s=`, `t=`, `m=` without a port count, and `a=` lines. The
//! scan that checks a value also finds the line end, and each byte is classified once.
//! Anything else (other line types, IPv6 or FQDN addresses, multicast suffixes, any error)
//! returns `None`, so that the general scanner and field parsers read the line and report
//! the same error at the same offset as always.

mod attribute;
mod prologue;
mod repeated_quad;

use crate::address::{Address, AddressType, ConnectionData, Host};
use crate::attribute_run::AttributeRun;
use crate::error::ParseError;
use crate::media::{MediaDescription, MsrpTransport};
use crate::parse::Field;
use crate::scan::Scanner;
use crate::session::Origin;
use crate::state::State;
use crate::syntax::{
    digits, leading_digits, literal, non_ws_end, starts_with, text_end, token_end, token_list_end,
    word_at,
};
use core::net::Ipv4Addr;
use repeated_quad::LastQuad;

/// Reads lines while they are common lines and valid, and gives them to the state; stops at
/// the end of the input or at the first line to leave to the general scanner.
pub(crate) fn read_lines<'a>(
    scanner: &mut Scanner<'a, '_>,
    state: &mut State<'a, '_, '_>,
) -> Result<(), ParseError> {
    let mut last_quad = LastQuad::default();
    prologue::read(scanner, state, &mut last_quad);
    while let Some(read) = read_line(scanner, state, &mut last_quad) {
        read?;
    }
    Ok(())
}

/// Reads the next line when it is one of the common lines and valid, and gives it to the
/// state; `None` leaves the line to the general scanner.
#[inline(always)]
fn read_line<'a>(
    scanner: &mut Scanner<'a, '_>,
    state: &mut State<'a, '_, '_>,
    last_quad: &mut LastQuad,
) -> Option<Result<(), ParseError>> {
    let text = scanner.text();
    let (at, limits) = scanner.position();
    let b = text.as_bytes();
    let start = at.checked_add(2)?;
    if b.get(at.saturating_add(1)) != Some(&b'=') {
        return final_line_end(scanner, b.get(at..)?);
    }
    // Each arm gives its own constant kind to `commit`, so that the state's checks of the
    // line's place are specialised for that kind.
    match *b.get(at)? {
        b'a' => match state.attribute_run() {
            Some(run) => media_attributes(scanner, run),
            None => {
                let (field, end) = attribute::attribute(text, start, limits)?;
                commit(scanner, state, b'a', start, end, field)
            }
        },
        b'v' if b.get(start) == Some(&b'0') => {
            commit(scanner, state, b'v', start, start + 1, Field::Version)
        }
        b'o' => {
            let (origin, end) = origin(text, start, last_quad)?;
            commit(scanner, state, b'o', start, end, Field::Origin(origin))
        }
        b's' => {
            let end = session_name_end(b, start)?;
            let name = text.get(start..end)?;
            commit(scanner, state, b's', start, end, Field::Text(name))
        }
        b'c' => {
            let (connection, end) = connection(text, start, last_quad)?;
            commit(
                scanner,
                state,
                b'c',
                start,
                end,
                Field::Connection(connection),
            )
        }
        b't' => {
            let end = time(b, start)?;
            commit(scanner, state, b't', start, end, Field::Time)
        }
        b'm' => {
            let (field, end) = media(text, start)?;
            commit(scanner, state, b'm', start, end, field)
        }
        _ => None,
    }
}

/// Reads the run of `a=` lines from here in an open media section, with the scanner's
/// place and the attribute count in locals. Each line's place in the section reduces to
/// the attribute count: `a=` is the last type of a section and may repeat, and `v=` was read.
/// `None` when the first line is left to the general scanner, as for any other line.
fn media_attributes<'a>(
    scanner: &mut Scanner<'a, '_>,
    mut run: AttributeRun<'_, 'a>,
) -> Option<Result<(), ParseError>> {
    let text = scanner.text();
    let (_, limits) = scanner.position();
    let b = text.as_bytes();
    let (mut pos, mut number, max_lines, max_line_len) = scanner.run();
    let first = run.count;
    let result = loop {
        if b.get(pos..pos.wrapping_add(2)) != Some(b"a=") {
            break Ok(());
        }
        let start = pos + 2;
        let Some((Field::Attribute(typed), end)) = attribute::attribute(text, start, limits) else {
            break Ok(());
        };
        let Some(next) = line_end(b, end) else {
            break Ok(());
        };
        // `end` is past `pos`; were it not, the wrapped length would leave the line to the
        // general scanner.
        if number >= max_lines || end.wrapping_sub(pos) > max_line_len {
            break Ok(());
        }
        // Below `max_lines`, so no overflow.
        let line_number = number + 1;
        let line = crate::scan::Place {
            number: line_number,
            offset: pos,
            kind: b'a',
        };
        number = line_number;
        pos = next;
        if let Err(e) = run.add(&line, typed) {
            break Err(e);
        }
    };
    scanner.end_run(pos, number);
    let read = run.count > first;
    run.finish();
    if !read && result.is_ok() {
        return None;
    }
    Some(result)
}

/// Where the non-empty session name from `start` ends. The one-byte name (`s=-`, which
/// most offers write) is read without the text scan.
#[inline(always)]
fn session_name_end(b: &[u8], start: usize) -> Option<usize> {
    if let Some([first, b'\r' | b'\n', ..]) = b.get(start..) {
        if !matches!(first, b'\r' | b'\n' | 0) {
            return Some(start + 1);
        }
    }
    Some(text_end(b, start)).filter(|e| *e > start)
}

/// Ends the description at a blank line made of its last line end, which counts as a line.
fn final_line_end(scanner: &mut Scanner<'_, '_>, rest: &[u8]) -> Option<Result<(), ParseError>> {
    if rest != b"\r\n" && rest != b"\n" {
        return None;
    }
    scanner.take(0, 0, scanner.text().len())?;
    Some(Ok(()))
}

/// Gives the line `start - 2..end` and its checked value to the state, when a line end
/// follows it and it is within the line limits.
#[inline(always)]
fn commit<'a>(
    scanner: &mut Scanner<'a, '_>,
    state: &mut State<'a, '_, '_>,
    kind: u8,
    start: usize,
    end: usize,
    field: Field<'a>,
) -> Option<Result<(), ParseError>> {
    let next = line_end(scanner.text().as_bytes(), end)?;
    // `end` is past `start`; were it not, the wrapped length would leave the line to the
    // general scanner.
    let line = scanner.take(kind, end.wrapping_sub(start - 2), next)?;
    Some(state.read(&line, field))
}

#[inline(always)]
/// Where the next line starts when a line end (CRLF, LF, or the end of the input) is at `at`.
fn line_end(b: &[u8], at: usize) -> Option<usize> {
    // CRLF, the line end of SIP bodies, is compared first, as one two-byte word.
    let pair = b.get(at..).and_then(<[u8]>::first_chunk::<2>);
    if pair.map(|p| u16::from_le_bytes(*p)) == Some(u16::from_le_bytes(*b"\r\n")) {
        return Some(at + 2);
    }
    match b.get(at) {
        None => Some(at),
        Some(b'\n') => Some(at + 1),
        Some(b'\r') if b.get(at + 1) == Some(&b'\n') => Some(at + 2),
        Some(_) => None,
    }
}

/// The text of the non-empty field `start..end` when a space follows it, and where the
/// next field starts.
fn spaced(text: &str, start: usize, end: usize) -> Option<(&str, usize)> {
    if end == start || text.as_bytes().get(end) != Some(&b' ') {
        return None;
    }
    Some((text.get(start..end)?, end + 1))
}

/// Where the next field starts when the field `start..end`, whose text is not kept, is
/// not empty and a space follows it.
#[inline(always)]
fn space_after(b: &[u8], start: usize, end: usize) -> Option<usize> {
    (end > start && b.get(end) == Some(&b' ')).then_some(end + 1)
}

/// `<username> <sess-id> <sess-version> <nettype> IP4 <dotted quad>`.
#[inline(always)]
fn origin<'a>(
    text: &'a str,
    start: usize,
    last_quad: &mut LastQuad,
) -> Option<(Origin<'a>, usize)> {
    let b = text.as_bytes();
    let (username, at) = spaced(text, start, non_ws_end(b, start))?;
    let (session_id, at) = spaced(text, at, digits_end(b, at))?;
    let (session_version, end) = digits(b, at)?;
    let at = space_after(b, at, end)?;
    let (address, end) = ip4_address(text, at, last_quad)?;
    let origin = Origin {
        username,
        session_id,
        session_version,
        address,
    };
    Some((origin, end))
}

/// Where the run of digits from `at` ends, eight bytes at a time.
fn digits_end(b: &[u8], mut at: usize) -> usize {
    // The first sixteen bytes, which hold most session ids, take one length check.
    if let Some(pair) = b.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
        let (low, high) = pair.split_at(8);
        for half in [low, high] {
            let count = leading_digits(half.try_into().map_or(0, u64::from_le_bytes));
            at += count;
            if count < 8 {
                return at;
            }
        }
    }
    while let Some(word) = word_at(b, at) {
        let count = leading_digits(word);
        at += count;
        if count < 8 {
            return at;
        }
    }
    while b.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    at
}

/// `c=<nettype> IP4 <dotted quad>`, without multicast suffixes.
#[inline(always)]
fn connection<'a>(
    text: &'a str,
    start: usize,
    last_quad: &mut LastQuad,
) -> Option<(ConnectionData<'a>, usize)> {
    let (address, end) = ip4_address(text, start, last_quad)?;
    let connection = ConnectionData {
        address,
        ttl: None,
        count: None,
    };
    Some((connection, end))
}

const IN_IP4: (u64, u64) = literal(b"IN IP4 ");

/// `<nettype> IP4 <dotted quad>` and where the address ends.
#[inline(always)]
fn ip4_address<'a>(
    text: &'a str,
    start: usize,
    last_quad: &mut LastQuad,
) -> Option<(Address<'a>, usize)> {
    let b = text.as_bytes();
    let (net_type, at) = match word_at(b, start) {
        Some(w) if starts_with(w, IN_IP4) => ("IN", start + 7),
        _ => {
            let (net_type, at) = spaced(text, start, token_end(b, start))?;
            if b.get(at..at.checked_add(4)?) != Some(b"IP4 ") {
                return None;
            }
            (net_type, at + 4)
        }
    };
    let (ip, end): (Ipv4Addr, usize) = last_quad.read(b, at)?;
    let address = Address {
        net_type,
        addr_type: AddressType::Ip4,
        host: Host::Ip4(ip),
    };
    Some((address, end))
}

/// `t=<start> <stop>`. `0 0`, the unbounded session of every MSRP offer, is matched as
/// it is written.
#[inline(always)]
fn time(b: &[u8], start: usize) -> Option<usize> {
    if let Some([b'0', b' ', b'0', next, ..]) = b.get(start..) {
        if !next.is_ascii_digit() {
            return Some(start + 3);
        }
    }
    let (_, end) = digits(b, start)?;
    if b.get(end) != Some(&b' ') {
        return None;
    }
    digits(b, end + 1).map(|(_, end)| end)
}

const MESSAGE: (u64, u64) = literal(b"message ");
const TCP_MSRP: (u64, u64) = literal(b"TCP/MSRP");

/// `m=<media> <port> <proto> <fmt> ...` without a port count.
#[inline(always)]
fn media(text: &str, start: usize) -> Option<(Field<'_>, usize)> {
    let b = text.as_bytes();
    // Whether the media is `message` and the proto an MSRP transport are worked out where
    // the words are matched, so the common words need no string comparison.
    let (message, at) = match word_at(b, start) {
        Some(w) if w == MESSAGE.0 => (true, start + 8),
        _ => {
            let (media, at) = spaced(text, start, token_end(b, start))?;
            (media.eq_ignore_ascii_case("message"), at)
        }
    };
    let (port, end) = digits(b, at)?;
    let port = u16::try_from(port).ok()?;
    let at = space_after(b, at, end)?;
    let (transport, at) = match word_at(b, at) {
        Some(w) if w == TCP_MSRP.0 && b.get(at + 8) == Some(&b' ') => {
            (Some(MsrpTransport::Tcp), at + 9)
        }
        _ => {
            let (proto, at) = spaced(text, at, token_list_end(b, at, b'/')?)?;
            (MsrpTransport::from_proto(proto), at)
        }
    };
    let end = formats_end(b, at)?;
    let kind = (message, transport);
    let media = MediaDescription::new(text.get(start..end)?, port, None, kind);
    Some((Field::Media(media), end))
}

/// Where the `m=` format list from `at` ends, as [`token_list_end`] reads it. `*`, the list
/// of every MSRP section (RFC 4975 §8.1), is matched as written.
#[inline(always)]
fn formats_end(b: &[u8], at: usize) -> Option<usize> {
    match b.get(at..) {
        Some([b'*', b'\r' | b'\n', ..]) => Some(at + 1),
        _ => token_list_end(b, at, b' '),
    }
}

#[cfg(test)]
mod run_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod value_tests;
