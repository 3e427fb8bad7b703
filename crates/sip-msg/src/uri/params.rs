//! SIP URI parameters (`;name[=value]`) and headers (`?name=value&...`), RFC 3261 19.1.1.
//!
//! Both are validated once and kept as the escaped text of the URI; accessors re-read it.

use super::escape::scan_escaped;
use super::host::{scan_host, Host};
use crate::grammar::{self, is_hnv_unreserved, is_param_unreserved, is_unreserved, Scanner};
use crate::ValueError;
use core::fmt;

fn is_paramchar(b: u8) -> bool {
    is_param_unreserved(b) || is_unreserved(b)
}

fn is_hnvchar(b: u8) -> bool {
    is_hnv_unreserved(b) || is_unreserved(b)
}

/// One URI parameter, name and value still escaped as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UriParam<'a> {
    /// The name; names compare case-insensitively.
    pub name: &'a str,
    /// The value, absent for a flag such as `lr`.
    pub value: Option<&'a str>,
}

/// The `uri-parameters` of a SIP URI, e.g. `;transport=tcp;lr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UriParams<'a> {
    raw: &'a str,
}

impl<'a> UriParams<'a> {
    /// Parses a whole parameter string such as `;transport=tcp;lr` (for building URIs).
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(text);
        let params = Self::scan(&mut s)?;
        if s.at_end() {
            Ok(params)
        } else {
            Err(s.error(";"))
        }
    }

    pub(crate) fn scan(s: &mut Scanner<'a>) -> Result<Self, ValueError> {
        let start = s.pos();
        while s.eat(b';') {
            let name = scan_escaped(s, is_paramchar)?;
            if name.is_empty() {
                return Err(s.error("pname"));
            }
            let name_end = s.pos();
            let value = if s.eat(b'=') {
                Some(scan_escaped(s, is_paramchar)?)
            } else {
                None
            };
            let at = if value.is_some() {
                name_end + 1
            } else {
                name_end
            };
            check_param(name, value).map_err(|e| ValueError::new(at, e))?;
        }
        Ok(UriParams {
            raw: s.slice(start, s.pos()),
        })
    }

    /// The text as written, starting with `;` (empty when there are no parameters).
    pub fn as_str(&self) -> &'a str {
        self.raw
    }

    /// Iterates the parameters in order.
    pub fn iter(&self) -> impl Iterator<Item = UriParam<'a>> + 'a {
        self.raw
            .split(';')
            .skip(1)
            .map(|p| match p.split_once('=') {
                Some((name, value)) => UriParam {
                    name,
                    value: Some(value),
                },
                None => UriParam {
                    name: p,
                    value: None,
                },
            })
    }

    /// The first parameter named `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<UriParam<'a>> {
        self.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// The `transport` parameter (`udp`, `tcp`, `tls`, `sctp` or another token).
    pub fn transport(&self) -> Option<&'a str> {
        self.get("transport").and_then(|p| p.value)
    }

    /// Whether the `lr` flag (loose routing, RFC 3261 16.12) is present.
    pub fn lr(&self) -> bool {
        self.get("lr").is_some()
    }

    /// The `maddr` parameter.
    pub fn maddr(&self) -> Option<Host<'a>> {
        self.get("maddr").and_then(|p| Host::parse(p.value?).ok())
    }

    /// The `user` parameter (`phone`, `ip` or another token).
    pub fn user(&self) -> Option<&'a str> {
        self.get("user").and_then(|p| p.value)
    }

    /// The `ttl` parameter.
    pub fn ttl(&self) -> Option<u8> {
        self.get("ttl")
            .and_then(|p| u8::try_from(grammar::parse_u32(p.value?)?).ok())
    }

    /// The `method` parameter.
    pub fn method(&self) -> Option<&'a str> {
        self.get("method").and_then(|p| p.value)
    }
}

/// The parameters with a grammar narrower than `paramchar`; the others only need `paramchar`.
fn check_param(name: &str, value: Option<&str>) -> Result<(), &'static str> {
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    match value {
        Some("") => Err("pvalue"),
        Some(v)
            if is("ttl") && (v.len() > 3 || grammar::parse_u32(v).map_or(true, |n| n > 255)) =>
        {
            Err("ttl 0-255")
        }
        Some(v) if is("maddr") && full_host(v).is_none() => Err("maddr host"),
        Some(v)
            if (is("transport") || is("user") || is("method"))
                && !v.bytes().all(grammar::is_token) =>
        {
            Err("token")
        }
        None if is("ttl") || is("maddr") || is("transport") || is("user") || is("method") => {
            Err("=")
        }
        _ => Ok(()),
    }
}

fn full_host(text: &str) -> Option<Host<'_>> {
    let mut s = Scanner::new(text);
    let host = scan_host(&mut s).ok()?;
    s.at_end().then_some(host)
}

impl fmt::Display for UriParams<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// The `headers` of a SIP URI, after the `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UriHeaders<'a> {
    raw: &'a str,
}

impl<'a> UriHeaders<'a> {
    /// Parses `name=value *( & name=value )` (without the `?`), e.g. for building URIs.
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(text);
        let headers = Self::scan_list(&mut s)?;
        if s.at_end() {
            Ok(headers)
        } else {
            Err(s.error("&"))
        }
    }

    /// Reads an optional `"?" header *( "&" header )`.
    pub(crate) fn scan(s: &mut Scanner<'a>) -> Result<Self, ValueError> {
        if s.eat(b'?') {
            Self::scan_list(s)
        } else {
            Ok(UriHeaders::default())
        }
    }

    fn scan_list(s: &mut Scanner<'a>) -> Result<Self, ValueError> {
        let start = s.pos();
        loop {
            if scan_escaped(s, is_hnvchar)?.is_empty() {
                return Err(s.error("hname"));
            }
            s.expect(b'=', "=")?;
            scan_escaped(s, is_hnvchar)?;
            if !s.eat(b'&') {
                return Ok(UriHeaders {
                    raw: s.slice(start, s.pos()),
                });
            }
        }
    }

    /// The text after `?` as written (empty when there are no headers).
    pub fn as_str(&self) -> &'a str {
        self.raw
    }

    /// Whether there is no header.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Iterates `(name, value)` pairs, still escaped.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let raw = self.raw;
        raw.split('&')
            .filter(move |_| !raw.is_empty())
            .map(|h| h.split_once('=').unwrap_or((h, "")))
    }
}

impl fmt::Display for UriHeaders<'_> {
    /// Writes `?headers`, or nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.raw.is_empty() {
            Ok(())
        } else {
            write!(f, "?{}", self.raw)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_parameters() {
        let p = UriParams::parse(
            ";Transport=TCP;lr;maddr=[::1];user=phone;ttl=15;method=INVITE;x%41=%42",
        )
        .unwrap();
        assert_eq!(p.transport(), Some("TCP"));
        assert!(p.lr());
        assert_eq!(p.maddr(), Some(Host::Ipv6("::1")));
        assert_eq!(
            (p.user(), p.ttl(), p.method()),
            (Some("phone"), Some(15), Some("INVITE"))
        );
        assert_eq!(p.get("X%41").and_then(|p| p.value), Some("%42"));
        assert_eq!(p.iter().count(), 7);
        assert_eq!(p.to_string(), p.as_str());
        assert!(!UriParams::parse("").unwrap().lr());
    }

    #[test]
    fn parameter_errors() {
        let err = |t| UriParams::parse(t).unwrap_err();
        assert_eq!(err(";"), ValueError::new(1, "pname"));
        assert_eq!(err(";a="), ValueError::new(3, "pvalue"));
        assert_eq!(err(";ttl=256"), ValueError::new(5, "ttl 0-255"));
        assert_eq!(err(";ttl=0015"), ValueError::new(5, "ttl 0-255"));
        assert_eq!(err(";maddr=a..b"), ValueError::new(7, "maddr host"));
        assert_eq!(err(";transport=a:b"), ValueError::new(11, "token"));
        assert_eq!(err(";maddr"), ValueError::new(6, "="));
        assert_eq!(err(";a%g"), ValueError::new(2, "escaped %HH"));
        assert_eq!(err(";a b"), ValueError::new(2, ";"));
    }

    #[test]
    fn headers_list() {
        let h = UriHeaders::parse("Subject=next%20meeting&priority=urgent&x=").unwrap();
        let all: Vec<_> = h.iter().collect();
        assert_eq!(
            all,
            [
                ("Subject", "next%20meeting"),
                ("priority", "urgent"),
                ("x", "")
            ]
        );
        assert_eq!(h.to_string(), "?Subject=next%20meeting&priority=urgent&x=");
        assert_eq!(UriHeaders::default().iter().count(), 0);
        assert_eq!(UriHeaders::default().to_string(), "");
    }

    #[test]
    fn header_errors() {
        let err = |t| UriHeaders::parse(t).unwrap_err();
        assert_eq!(err(""), ValueError::new(0, "hname"));
        assert_eq!(err("a"), ValueError::new(1, "="));
        assert_eq!(err("a=b&"), ValueError::new(4, "hname"));
        assert_eq!(err("a=b c"), ValueError::new(3, "&"));
    }
}
