//! `host` of RFC 3261 section 25: a host name, an IPv4 address or a bracketed IPv6 reference.

use super::ipv4::is_ipv4;
pub(crate) use super::ipv4::{ipv4_end, parse_ipv4};
use crate::grammar::Scanner;
use crate::ValueError;
use core::fmt;

/// A host as written in a URI, a Via sent-by or a `maddr`/`received` parameter.
///
/// The text is kept as written; [`Host::equivalent`] applies the comparison rules (names
/// case-insensitive, IPv6 addresses by value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host<'a> {
    /// A domain name such as `example.com` (a trailing dot is kept).
    Name(&'a str),
    /// A dotted IPv4 address such as `192.0.2.1`.
    Ipv4(&'a str),
    /// An IPv6 address, without the brackets of its reference form.
    Ipv6(&'a str),
}

impl<'a> Host<'a> {
    /// Parses a whole host (`[...]` for IPv6).
    ///
    /// ```
    /// use sip_msg::uri::Host;
    /// assert_eq!(Host::parse("[2001:db8::1]"), Ok(Host::Ipv6("2001:db8::1")));
    /// assert_eq!(Host::parse("atlanta.com"), Ok(Host::Name("atlanta.com")));
    /// ```
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        let mut scanner = Scanner::new(text);
        let host = scan_host(&mut scanner)?;
        if scanner.at_end() {
            Ok(host)
        } else {
            Err(scanner.error("end of host"))
        }
    }

    /// Like [`Host::parse`], but also accepts an IPv6 address without brackets, the form
    /// RFC 3261 gives the Via `received` parameter.
    pub fn parse_address(text: &'a str) -> Result<Self, ValueError> {
        if text.contains(':') && !text.starts_with('[') {
            parse_ipv6(text).ok_or(ValueError::new(0, "IPv6address"))?;
            return Ok(Host::Ipv6(text));
        }
        Host::parse(text)
    }

    /// The host text without IPv6 brackets.
    pub fn as_str(&self) -> &'a str {
        match *self {
            Host::Name(s) | Host::Ipv4(s) | Host::Ipv6(s) => s,
        }
    }

    /// RFC 3261 19.1.4: names compare case-insensitively, IPv6 addresses by value; a name never
    /// equals an address.
    pub fn equivalent(&self, other: &Host<'_>) -> bool {
        match (self, other) {
            (Host::Name(a), Host::Name(b)) => a.eq_ignore_ascii_case(b),
            (Host::Ipv4(a), Host::Ipv4(b)) => parse_ipv4(a) == parse_ipv4(b),
            (Host::Ipv6(a), Host::Ipv6(b)) => parse_ipv6(a) == parse_ipv6(b),
            _ => false,
        }
    }
}

impl fmt::Display for Host<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Ipv6(s) => write!(f, "[{s}]"),
            Host::Name(s) | Host::Ipv4(s) => f.write_str(s),
        }
    }
}

/// Reads a host at the scanner's position.
pub(crate) fn scan_host<'a>(s: &mut Scanner<'a>) -> Result<Host<'a>, ValueError> {
    let start = s.pos();
    if s.eat(b'[') {
        let inner = s.take_while(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        if parse_ipv6(inner).is_none() {
            return Err(ValueError::new(start + 1, "IPv6address"));
        }
        s.expect(b']', "]")?;
        return Ok(Host::Ipv6(inner));
    }
    let text = s.take_while(is_name_char);
    if text.is_empty() {
        return Err(ValueError::new(start, "host"));
    }
    classify(text).map_err(|e| e.shifted(start))
}

/// Types a non-empty run of host name characters (letters, digits, `-`, `.`) as an IPv4
/// address or a host name; error offsets are relative to `text`.
pub(crate) fn classify(text: &str) -> Result<Host<'_>, ValueError> {
    if is_ipv4(text.as_bytes()) {
        return Ok(Host::Ipv4(text));
    }
    // A host of digits and dots only cannot be a name (its top label would start with a
    // digit), so it is read as an IPv4 address.
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(ValueError::new(0, "IPv4address"));
    }
    check_hostname(text)?;
    Ok(Host::Name(text))
}

/// Whether `b` can appear in a host name or IPv4 address.
#[inline]
pub(crate) fn is_name_char(b: u8) -> bool {
    crate::grammar::is_host_name(b)
}

/// `hostname = *( domainlabel "." ) toplabel [ "." ]`: labels are alphanumeric with inner
/// hyphens, and the last one starts with a letter.
fn check_hostname(text: &str) -> Result<(), ValueError> {
    let bytes = text.as_bytes();
    let body = bytes.strip_suffix(b".").unwrap_or(bytes);
    let mut start = 0;
    while start <= body.len() {
        let rest = body.get(start..).unwrap_or_default();
        // Labels are short: a plain search beats setting up a vectorised one.
        let end = rest
            .iter()
            .position(|&b| b == b'.')
            .map_or(body.len(), |e| start + e);
        let label = body.get(start..end).unwrap_or_default();
        match (label.first(), label.last()) {
            (Some(first), Some(last))
                if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() =>
            {
                if end == body.len() && !first.is_ascii_alphabetic() {
                    return Err(ValueError::new(start, "toplabel"));
                }
            }
            (Some(first), Some(_)) if first.is_ascii_alphanumeric() => {
                return Err(ValueError::new(end - 1, "alphanum"))
            }
            (Some(_), _) => return Err(ValueError::new(start, "alphanum")),
            _ => return Err(ValueError::new(start, "domainlabel")),
        }
        start = end + 1;
    }
    Ok(())
}

/// The eight 16-bit groups of an `IPv6address` (hex groups, one optional `::`, and an optional
/// trailing IPv4 address).
pub(crate) fn parse_ipv6(text: &str) -> Option<[u16; 8]> {
    let mut head = [0u16; 8];
    let mut tail = [0u16; 8];
    match text.find("::") {
        None => {
            let n = parse_groups(text, &mut head)?;
            (n == 8).then_some(head)
        }
        Some(at) => {
            let n_head = parse_groups(text.get(..at)?, &mut head)?;
            let n_tail = parse_groups(text.get(at + 2..)?, &mut tail)?;
            if n_head + n_tail > 7 || text.get(..at)?.contains('.') {
                return None;
            }
            let mut out = head;
            let tail_start = 8 - n_tail;
            out[tail_start..].copy_from_slice(&tail[..n_tail]);
            Some(out)
        }
    }
}

/// Parses `hex4 *( ":" hex4 ) [ ":" IPv4address ]` (or nothing) into `out`, returning how
/// many groups it filled.
fn parse_groups(text: &str, out: &mut [u16; 8]) -> Option<usize> {
    if text.is_empty() {
        return Some(0);
    }
    let mut n = 0usize;
    let mut pieces = text.split(':').peekable();
    while let Some(piece) = pieces.next() {
        if piece.contains('.') && pieces.peek().is_none() {
            let [a, b, c, d] = parse_ipv4(piece)?;
            *out.get_mut(n)? = u16::from_be_bytes([a, b]);
            *out.get_mut(n + 1)? = u16::from_be_bytes([c, d]);
            return Some(n + 2);
        }
        if piece.is_empty() || piece.len() > 4 {
            return None;
        }
        *out.get_mut(n)? = u16::from_str_radix(piece, 16).ok()?;
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_kind() {
        assert_eq!(
            Host::parse("a.example.com."),
            Ok(Host::Name("a.example.com."))
        );
        assert_eq!(Host::parse("x-1.b2"), Ok(Host::Name("x-1.b2")));
        assert_eq!(Host::parse("192.0.2.255"), Ok(Host::Ipv4("192.0.2.255")));
        assert_eq!(Host::parse("[::1]"), Ok(Host::Ipv6("::1")));
        assert_eq!(
            Host::parse("[::ffff:192.0.2.1]"),
            Ok(Host::Ipv6("::ffff:192.0.2.1"))
        );
        assert_eq!(
            Host::parse("[1:2:3:4:5:6:7:8]"),
            Ok(Host::Ipv6("1:2:3:4:5:6:7:8"))
        );
    }

    #[test]
    fn rejects_bad_hosts_with_offsets() {
        assert_eq!(Host::parse(""), Err(ValueError::new(0, "host")));
        assert_eq!(
            Host::parse("256.1.1.1"),
            Err(ValueError::new(0, "IPv4address"))
        );
        for numeric in ["1.2.3", "1.2.3.4.5", "1234.1.1.1", "1..2.3", "1.2.3.", "."] {
            assert_eq!(
                Host::parse(numeric),
                Err(ValueError::new(0, "IPv4address")),
                "{numeric}"
            );
        }
        assert_eq!(Host::parse("a.b-c.d1"), Ok(Host::Name("a.b-c.d1")));
        assert_eq!(Host::parse("a.b."), Ok(Host::Name("a.b.")));
        assert_eq!(Host::parse("a.b.."), Err(ValueError::new(4, "domainlabel")));
        assert_eq!(Host::parse("a.1com"), Err(ValueError::new(2, "toplabel")));
        assert_eq!(Host::parse("a..b"), Err(ValueError::new(2, "domainlabel")));
        assert_eq!(Host::parse("a-.b"), Err(ValueError::new(1, "alphanum")));
        assert_eq!(Host::parse("ok.-b"), Err(ValueError::new(3, "alphanum")));
        assert_eq!(
            Host::parse("[1::2::3]"),
            Err(ValueError::new(1, "IPv6address"))
        );
        assert_eq!(
            Host::parse("[1:2:3:4:5:6:7:8:9]"),
            Err(ValueError::new(1, "IPv6address"))
        );
        assert_eq!(Host::parse("[::1"), Err(ValueError::new(4, "]")));
        assert_eq!(Host::parse("a_b"), Err(ValueError::new(1, "end of host")));
    }

    #[test]
    fn ipv6_groups_expand() {
        assert_eq!(parse_ipv6("::"), Some([0; 8]));
        assert_eq!(parse_ipv6("1::"), Some([1, 0, 0, 0, 0, 0, 0, 0]));
        assert_eq!(parse_ipv6("::2:3"), Some([0, 0, 0, 0, 0, 0, 2, 3]));
        assert_eq!(parse_ipv6("::c000:201"), parse_ipv6("::192.0.2.1"));
        assert_eq!(parse_ipv6(":::"), None);
        assert_eq!(parse_ipv6("1.2.3.4::"), None);
        assert_eq!(parse_ipv6("12345::"), None);
        assert_eq!(parse_ipv6("1:2:3:4::5:6:7:8"), None);
    }

    #[test]
    fn equivalence_follows_rfc3261() {
        let h = |s| Host::parse(s).unwrap();
        assert!(h("Atlanta.COM").equivalent(&h("atlanta.com")));
        assert!(h("[::1]").equivalent(&h("[0:0::0:1]")));
        assert!(!h("[::1]").equivalent(&h("[::2]")));
        assert!(!h("a.com").equivalent(&h("192.0.2.1")));
        assert!(h("192.0.2.1").equivalent(&h("192.000.2.1")));
    }

    #[test]
    fn received_form_allows_bare_ipv6() {
        assert_eq!(
            Host::parse_address("2001:db8::9"),
            Ok(Host::Ipv6("2001:db8::9"))
        );
        assert_eq!(
            Host::parse_address("2001:db8:::9"),
            Err(ValueError::new(0, "IPv6address"))
        );
        assert_eq!(Host::parse_address("[::9]"), Ok(Host::Ipv6("::9")));
        assert_eq!(Host::Ipv6("::9").to_string(), "[::9]");
    }
}
