//! The one-pass reading of the lines every MSRP offer and answer is made of: `v=0`, `o=` and
//! `c=` with an IPv4 address, `s=`, `t=`, `m=` without a port count, and `a=` lines. The
//! scan that checks a value also finds the line end, and each byte is classified once.
//! Anything else (other line types, IPv6 or FQDN addresses, multicast suffixes, any error)
//! returns `None`, so that the general scanner and field parsers read the line and report
//! the same error at the same offset as always.

use crate::address::{ipv4_prefix, Address, AddressType, ConnectionData, Host};
use crate::attribute::accept_types::{list_prefix, MediaTypes};
use crate::attribute::direction::Direction;
use crate::attribute::setup::{ConnectionMode, Setup};
use crate::attribute::{path, Typed};
use crate::error::ParseError;
use crate::limits::Limits;
use crate::media::{MediaDescription, MsrpTransport};
use crate::parse::Field;
use crate::scan::Scanner;
use crate::session::Origin;
use crate::state::State;
use crate::syntax::{
    digits, is_token_char, leading_digits, literal, starts_with, text_end, token_end, word_at,
};
use core::net::Ipv4Addr;

/// Reads lines while they are common lines and valid, and gives them to the state; stops at
/// the end of the input or at the first line to leave to the general scanner.
pub(crate) fn read_lines<'a>(
    scanner: &mut Scanner<'a, '_>,
    state: &mut State<'a, '_, '_>,
) -> Result<(), ParseError> {
    while let Some(read) = read_line(scanner, state) {
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
        b'a' => {
            let (field, end) = attribute(text, start, limits)?;
            commit(scanner, state, b'a', start, end, field)
        }
        b'v' if b.get(start) == Some(&b'0') => {
            commit(scanner, state, b'v', start, start + 1, Field::Version)
        }
        b'o' => {
            let (field, end) = origin(text, start)?;
            commit(scanner, state, b'o', start, end, field)
        }
        b's' => {
            let end = Some(text_end(b, start)).filter(|e| *e > start)?;
            let name = text.get(start..end)?;
            commit(scanner, state, b's', start, end, Field::Text(name))
        }
        b'c' => {
            let (field, end) = connection(text, start)?;
            commit(scanner, state, b'c', start, end, field)
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
    let line = scanner.take(kind, end.saturating_sub(start - 2), next)?;
    Some(state.read(&line, field, end))
}

#[inline(always)]
/// Where the next line starts when a line end (CRLF, LF, or the end of the input) is at `at`.
fn line_end(b: &[u8], at: usize) -> Option<usize> {
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

/// `<username> <sess-id> <sess-version> <nettype> IP4 <dotted quad>`.
fn origin(text: &str, start: usize) -> Option<(Field<'_>, usize)> {
    let b = text.as_bytes();
    let mut end = start;
    while b.get(end).is_some_and(|c| *c > b' ' && *c != 0x7f) {
        end += 1;
    }
    let (username, at) = spaced(text, start, end)?;
    let (session_id, at) = spaced(text, at, digits_end(b, at))?;
    let (session_version, end) = digits(b, at)?;
    let (_, at) = spaced(text, at, end)?;
    let (address, end) = ip4_address(text, at)?;
    let origin = Origin {
        username,
        session_id,
        session_version,
        address,
    };
    Some((Field::Origin(origin), end))
}

/// Where the run of digits from `at` ends, eight bytes at a time.
fn digits_end(b: &[u8], mut at: usize) -> usize {
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
fn connection(text: &str, start: usize) -> Option<(Field<'_>, usize)> {
    let (address, end) = ip4_address(text, start)?;
    let connection = ConnectionData {
        address,
        ttl: None,
        count: None,
    };
    Some((Field::Connection(connection), end))
}

const IN_IP4: (u64, u64) = literal(b"IN IP4 ");

/// `<nettype> IP4 <dotted quad>` and where the address ends.
#[inline(always)]
fn ip4_address(text: &str, start: usize) -> Option<(Address<'_>, usize)> {
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
    let (ip, end): (Ipv4Addr, usize) = ipv4_prefix(b, at)?;
    let address = Address {
        net_type,
        addr_type: AddressType::Ip4,
        host: Host::Ip4(ip),
    };
    Some((address, end))
}

/// `t=<start> <stop>`.
fn time(b: &[u8], start: usize) -> Option<usize> {
    let (_, end) = digits(b, start)?;
    if b.get(end) != Some(&b' ') {
        return None;
    }
    digits(b, end + 1).map(|(_, end)| end)
}

const MESSAGE: (u64, u64) = literal(b"message ");
const TCP_MSRP: (u64, u64) = literal(b"TCP/MSRP");

/// `m=<media> <port> <proto> <fmt> ...` without a port count.
fn media(text: &str, start: usize) -> Option<(Field<'_>, usize)> {
    let b = text.as_bytes();
    let (media, at) = match word_at(b, start) {
        Some(w) if w == MESSAGE.0 => ("message", start + 8),
        _ => spaced(text, start, token_end(b, start))?,
    };
    let (port, end) = digits(b, at)?;
    let port = u16::try_from(port).ok()?;
    let (_, at) = spaced(text, at, end)?;
    let (proto, at) = match word_at(b, at) {
        Some(w) if w == TCP_MSRP.0 && b.get(at + 8) == Some(&b' ') => ("TCP/MSRP", at + 9),
        _ => spaced(text, at, token_list_end(b, at, b'/')?)?,
    };
    let end = token_list_end(b, at, b' ')?;
    let formats = text.get(at..end)?;
    let kind = match (media, proto) {
        ("message", "TCP/MSRP") => (true, Some(MsrpTransport::Tcp)),
        _ => (
            media.eq_ignore_ascii_case("message"),
            MsrpTransport::from_proto(proto),
        ),
    };
    let media = MediaDescription::known(media, port, proto, formats, kind);
    Some((Field::Media(media), end))
}

/// The end of `token *(sep token)` from `at`: the first byte that cannot continue it.
/// `None` when it is empty or ends with `sep`.
fn token_list_end(b: &[u8], mut at: usize, sep: u8) -> Option<usize> {
    let mut after_sep = true;
    while let Some(&c) = b.get(at) {
        if is_token_char(c) {
            after_sep = false;
        } else if c == sep && !after_sep {
            after_sep = true;
        } else {
            break;
        }
        at += 1;
    }
    (!after_sep).then_some(at)
}

/// `a=<name>` or `a=<name>:<value>`: a known attribute typed, any other kept unchecked.
fn attribute<'a>(text: &'a str, start: usize, limits: &Limits) -> Option<(Field<'a>, usize)> {
    let b = text.as_bytes();
    let (name, name_end) = name(b, start)?;
    if b.get(name_end) != Some(&b':') {
        let typed = match name {
            Name::Direction(direction) => Some(Typed::Direction(direction)),
            Name::Other => None,
            _ => return None,
        };
        return Some((Field::Attribute(typed), name_end));
    }
    let at = name_end + 1;
    let (typed, end) = match name {
        Name::Path => {
            let end = path::list_prefix(text, at, limits.max_path_uris)?;
            (Typed::Path(text.get(at..end)?), end)
        }
        Name::AcceptTypes => {
            let (types, end) = media_types(text, at, limits)?;
            (Typed::AcceptTypes(types), end)
        }
        Name::AcceptWrappedTypes => {
            let (types, end) = media_types(text, at, limits)?;
            (Typed::AcceptWrappedTypes(types), end)
        }
        Name::MaxSize => {
            let (n, end) = digits(b, at)?;
            (Typed::MaxSize(n), end)
        }
        Name::Setup => {
            let (setup, end) = match word_at(b, at) {
                Some(w) if starts_with(w, ACTIVE) => (Setup::Active, at + 6),
                Some(w) if starts_with(w, PASSIVE) => (Setup::Passive, at + 7),
                Some(w) if starts_with(w, ACTPASS) => (Setup::ActPass, at + 7),
                _ => {
                    let (value, end) = letters(text, at)?;
                    (Setup::parse(value)?, end)
                }
            };
            // The role is the whole value only when no letter continues it.
            if b.get(end).is_some_and(u8::is_ascii_alphabetic) {
                return None;
            }
            (Typed::Setup(setup), end)
        }
        Name::Connection => {
            let (word, end) = letters(text, at)?;
            (Typed::ConnectionMode(ConnectionMode::parse(word)?), end)
        }
        Name::Direction(_) => return None,
        Name::Other => return Some((Field::Attribute(None), text_end(b, at))),
    };
    Some((Field::Attribute(Some(typed)), end))
}

/// What an attribute name says about the attribute.
#[derive(Clone, Copy)]
enum Name {
    Direction(Direction),
    Path,
    AcceptTypes,
    AcceptWrappedTypes,
    MaxSize,
    Setup,
    Connection,
    Other,
}

const PATH: (u64, u64) = literal(b"path:");
const ACTIVE: (u64, u64) = literal(b"active");
const PASSIVE: (u64, u64) = literal(b"passive");
const ACTPASS: (u64, u64) = literal(b"actpass");
const SETUP: (u64, u64) = literal(b"setup:");
const ACCEPT_T: (u64, u64) = literal(b"accept-t");

/// The attribute name that starts at `start` and where it ends; `None` when it is empty.
/// The names of an MSRP section are compared as words, without a scan.
fn name(b: &[u8], start: usize) -> Option<(Name, usize)> {
    if let Some(w) = word_at(b, start) {
        if let Some(known) = known_name(w, b, start) {
            return Some(known);
        }
    }
    let end = token_end(b, start);
    let name = match b.get(start..end)? {
        b"" => return None,
        b"path" => Name::Path,
        b"accept-types" => Name::AcceptTypes,
        b"accept-wrapped-types" => Name::AcceptWrappedTypes,
        b"max-size" => Name::MaxSize,
        b"setup" => Name::Setup,
        b"connection" => Name::Connection,
        b"sendrecv" => Name::Direction(Direction::SendRecv),
        b"sendonly" => Name::Direction(Direction::SendOnly),
        b"recvonly" => Name::Direction(Direction::RecvOnly),
        b"inactive" => Name::Direction(Direction::Inactive),
        _ => Name::Other,
    };
    Some((name, end))
}

/// The names of an MSRP section recognised from the first eight bytes `w` of the name, with
/// a first test on its first letter; `None` leaves the name to the scan.
#[inline(always)]
fn known_name(w: u64, b: &[u8], start: usize) -> Option<(Name, usize)> {
    let end = start + 8;
    // A whole-word name is the name only when no token character continues it.
    let whole = |name| (!b.get(end).is_some_and(|c| is_token_char(*c))).then_some((name, end));
    match w as u8 {
        b's' if w == literal(b"sendonly").0 => whole(Name::Direction(Direction::SendOnly)),
        b's' if w == literal(b"sendrecv").0 => whole(Name::Direction(Direction::SendRecv)),
        b's' if starts_with(w, SETUP) => Some((Name::Setup, start + 5)),
        b'r' if w == literal(b"recvonly").0 => whole(Name::Direction(Direction::RecvOnly)),
        b'i' if w == literal(b"inactive").0 => whole(Name::Direction(Direction::Inactive)),
        b'm' if w == literal(b"max-size").0 => whole(Name::MaxSize),
        b'p' if starts_with(w, PATH) => Some((Name::Path, start + 4)),
        b'a' if w == ACCEPT_T.0 && b.get(end..end + 5) == Some(b"ypes:") => {
            Some((Name::AcceptTypes, end + 4))
        }
        _ => None,
    }
}

#[inline(always)]
fn media_types<'a>(text: &'a str, at: usize, limits: &Limits) -> Option<(MediaTypes<'a>, usize)> {
    let (count, end) = list_prefix(text.as_bytes(), at)?;
    if count > limits.max_accept_types {
        return None;
    }
    Some((MediaTypes::from_checked(text.get(at..end)?), end))
}

/// The run of ASCII letters from `at` and where it ends.
fn letters(text: &str, at: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    let mut end = at;
    while b.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    Some((text.get(at..end)?, end))
}

#[cfg(test)]
mod tests;
