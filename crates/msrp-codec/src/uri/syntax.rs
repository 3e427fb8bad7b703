//! The RFC 3986 / RFC 4975 grammar pieces of an MSRP URI: each check returns the offset of the
//! first byte that breaks the rule.

use super::{err, Scheme, UriError, UriErrorKind};
use core::net::Ipv6Addr;

/// Case-insensitive bytes of a reg-name with `%XX` escapes decoded.
pub(super) struct PctDecoded<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> PctDecoded<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        PctDecoded {
            bytes: s.as_bytes(),
            pos: 0,
        }
    }
}

impl Iterator for PctDecoded<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let c = *self.bytes.get(self.pos)?;
        if c == b'%' {
            let hi = self.bytes.get(self.pos + 1).and_then(|h| hex_val(*h));
            let lo = self.bytes.get(self.pos + 2).and_then(|l| hex_val(*l));
            if let (Some(hi), Some(lo)) = (hi, lo) {
                self.pos += 3;
                return Some((hi << 4 | lo).to_ascii_lowercase());
            }
        }
        self.pos += 1;
        Some(c.to_ascii_lowercase())
    }
}

fn hex_val(c: u8) -> Option<u8> {
    (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

pub(super) fn slice(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end).unwrap_or("")
}

pub(super) fn find_from(b: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, b.get(from..)?).map(|i| i + from)
}

pub(super) fn parse_scheme(b: &[u8]) -> Result<(Scheme, usize), UriError> {
    let colon = find_from(b, 0, b':').ok_or(err(UriErrorKind::Scheme, 0))?;
    let name = b.get(..colon).unwrap_or_default();
    let scheme = if name.eq_ignore_ascii_case(b"msrp") {
        Scheme::Msrp
    } else if name.eq_ignore_ascii_case(b"msrps") {
        Scheme::Msrps
    } else {
        return Err(err(UriErrorKind::Scheme, 0));
    };
    if b.get(colon..colon + 3) != Some(b"://") {
        return Err(err(UriErrorKind::Scheme, colon));
    }
    Ok((scheme, colon + 3))
}

pub(super) fn parse_userinfo(s: &str, pos: usize) -> Result<(Option<&str>, usize), UriError> {
    match find_from(s.as_bytes(), pos, b'@') {
        Some(at) => {
            let userinfo = slice(s, pos, at);
            check_userinfo(userinfo, pos)?;
            Ok((Some(userinfo), at + 1))
        }
        None => Ok((None, pos)),
    }
}

pub(super) fn check_userinfo(userinfo: &str, base: usize) -> Result<(), UriError> {
    check_chars(userinfo, base, UriErrorKind::Userinfo, |c| {
        is_unreserved(c) || is_sub_delim(c) || c == b':'
    })
}

/// Checks `s` byte by byte, accepting `%XX` escapes besides the bytes `ok` allows.
fn check_chars(
    s: &str,
    base: usize,
    kind: UriErrorKind,
    ok: impl Fn(u8) -> bool,
) -> Result<(), UriError> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let valid = b
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
            if !valid {
                return Err(err(kind, base + i));
            }
            i += 3;
        } else if ok(c) {
            i += 1;
        } else {
            return Err(err(kind, base + i));
        }
    }
    Ok(())
}

pub(super) type HostPort<'a> = (&'a str, bool, Option<u16>, usize);

pub(super) fn parse_hostport(s: &str, pos: usize) -> Result<HostPort<'_>, UriError> {
    let b = s.as_bytes();
    let (host, ipv6, mut end) = if b.get(pos) == Some(&b'[') {
        let close = find_from(b, pos, b']').ok_or(err(UriErrorKind::Ipv6, pos))?;
        let host = slice(s, pos + 1, close);
        host.parse::<Ipv6Addr>()
            .map_err(|_| err(UriErrorKind::Ipv6, pos))?;
        (host, true, close + 1)
    } else {
        let end = b
            .get(pos..)
            .unwrap_or_default()
            .iter()
            .position(|&c| matches!(c, b':' | b'/' | b';'))
            .map_or(b.len(), |i| i + pos);
        check_reg_name(s, pos, end)?;
        (slice(s, pos, end), false, end)
    };
    let mut port = None;
    if b.get(end) == Some(&b':') {
        let digits_end = b
            .get(end + 1..)
            .unwrap_or_default()
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(b.len(), |i| i + end + 1);
        let digits = slice(s, end + 1, digits_end);
        if !digits.is_empty() {
            port = Some(
                digits
                    .parse()
                    .map_err(|_| err(UriErrorKind::Port, end + 1))?,
            );
        }
        end = digits_end;
    }
    match b.get(end) {
        None | Some(b'/' | b';') => Ok((host, ipv6, port, end)),
        Some(_) => Err(err(UriErrorKind::Port, end)),
    }
}

pub(super) fn check_reg_name(s: &str, start: usize, end: usize) -> Result<(), UriError> {
    let host = slice(s, start, end);
    if host.is_empty() {
        return Err(err(UriErrorKind::Host, start));
    }
    check_chars(host, start, UriErrorKind::Host, |c| {
        is_unreserved(c) || (is_sub_delim(c) && c != b';')
    })
}

pub(super) fn check_session_id(s: &str, start: usize, end: usize) -> Result<&str, UriError> {
    let sid = slice(s, start, end);
    match sid.bytes().position(|c| !is_session_id_char(c)) {
        _ if sid.is_empty() => Err(err(UriErrorKind::SessionId, start)),
        Some(i) => Err(err(UriErrorKind::SessionId, start + i)),
        None => Ok(sid),
    }
}

pub(super) fn check_params(params: &str, base: usize) -> Result<(), UriError> {
    let mut offset = base;
    for p in params.split(';').skip(1) {
        offset += 1;
        let (name, value) = match p.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (p, None),
        };
        let bad_value = value.is_some_and(|v| !is_token(v));
        if !is_token(name) || bad_value {
            return Err(err(UriErrorKind::Parameter, offset));
        }
        offset += p.len();
    }
    Ok(())
}

/// RFC 3261 `token`, which RFC 4975 reuses for URI parameters and header values.
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_token_char)
}

const UNRESERVED: u8 = 1;
const SUB_DELIM: u8 = 2;
const TOKEN: u8 = 4;
/// A reg-name byte other than the `%` of an escape.
const HOST: u8 = 8;
/// `unreserved / "+" / "=" / "/"`.
const SESSION_ID: u8 = 16;
const ALPHANUM: u8 = 32;

/// Character classes by byte, so each check is one table load.
static CLASSES: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut class = 0;
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~') {
            class |= UNRESERVED;
        }
        if matches!(
            c,
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
        ) {
            class |= SUB_DELIM;
        }
        if c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.' | b'!' | b'%' | b'*' | b'_' | b'+' | b'`' | b'\'' | b'~'
            )
        {
            class |= TOKEN;
        }
        if class & UNRESERVED != 0 || (class & SUB_DELIM != 0 && c != b';') {
            class |= HOST;
        }
        if class & UNRESERVED != 0 || matches!(c, b'+' | b'=' | b'/') {
            class |= SESSION_ID;
        }
        if c.is_ascii_alphanumeric() {
            class |= ALPHANUM;
        }
        table[i] = class;
        i += 1;
    }
    table
}

fn has(c: u8, class: u8) -> bool {
    CLASSES[usize::from(c)] & class != 0
}

/// RFC 3261 `token` characters, which RFC 4975 reuses for header names and URI parameters.
pub(crate) fn is_token_char(c: u8) -> bool {
    has(c, TOKEN)
}

pub(super) fn is_host_char(c: u8) -> bool {
    has(c, HOST)
}

pub(super) fn is_session_id_char(c: u8) -> bool {
    has(c, SESSION_ID)
}

pub(super) fn is_alphanumeric(c: u8) -> bool {
    has(c, ALPHANUM)
}

fn is_unreserved(c: u8) -> bool {
    has(c, UNRESERVED)
}

fn is_sub_delim(c: u8) -> bool {
    has(c, SUB_DELIM)
}
