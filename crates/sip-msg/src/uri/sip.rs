//! SIP and SIPS URIs (RFC 3261 19.1.1 and the `SIP-URI` rule of section 25).

use super::escape::scan_escaped;
use super::host::{scan_host, Host};
use super::hostname::is_plain_hostname;
use super::params::{UriHeaders, UriParams};
use crate::grammar::{
    is_password_extra, is_unreserved, is_user_char, is_user_unreserved, parse_u32, span, sub,
    Scanner,
};
use crate::ValueError;
use core::fmt;

/// A `sip:` or `sips:` URI, borrowed from the text it was parsed from.
///
/// User, password, parameters and headers keep their escapes as written; decode them with
/// [`unescape`](super::unescape) and compare whole URIs with [`SipUri::equivalent`].
///
/// ```
/// use sip_msg::uri::{Host, SipUri};
/// let uri = SipUri::parse("sips:alice%40home:secret@[2001:db8::1]:5061;transport=tcp?Subject=hi").unwrap();
/// assert!(uri.secure);
/// assert_eq!(uri.user, Some("alice%40home"));
/// assert_eq!(uri.password, Some("secret"));
/// assert_eq!(uri.host, Host::Ipv6("2001:db8::1"));
/// assert_eq!(uri.port, Some(5061));
/// assert_eq!(uri.params.transport(), Some("tcp"));
/// assert_eq!(uri.headers.iter().next(), Some(("Subject", "hi")));
/// assert_eq!(uri.to_string(), "sips:alice%40home:secret@[2001:db8::1]:5061;transport=tcp?Subject=hi");
///
/// let built = SipUri::new(Host::Name("example.com")).with_user("bob");
/// assert_eq!(built.to_string(), "sip:bob@example.com");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SipUri<'a> {
    /// `sips:` rather than `sip:`.
    pub secure: bool,
    /// The user part (or telephone-subscriber), escaped.
    pub user: Option<&'a str>,
    /// The password after `user:`, escaped (its use is discouraged by RFC 3261).
    pub password: Option<&'a str>,
    /// The host.
    pub host: Host<'a>,
    /// The port, absent when not written (absent is not the same as 5060 when comparing).
    pub port: Option<u16>,
    /// The `;name[=value]` parameters.
    pub params: UriParams<'a>,
    /// The `?name=value&...` headers.
    pub headers: UriHeaders<'a>,
}

impl<'a> SipUri<'a> {
    /// A `sip:` URI of `host` with nothing else.
    pub fn new(host: Host<'a>) -> Self {
        SipUri {
            secure: false,
            user: None,
            password: None,
            host,
            port: None,
            params: UriParams::default(),
            headers: UriHeaders::default(),
        }
    }

    /// The same URI with a user part (which must already be escaped).
    pub fn with_user(self, user: &'a str) -> Self {
        SipUri {
            user: Some(user),
            ..self
        }
    }

    /// Parses a whole `sip:` or `sips:` URI (scheme case-insensitive).
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        match Self::parse_common(text) {
            Some(uri) => Ok(uri),
            None => Self::parse_grammar(text),
        }
    }

    /// The shape of most URIs in From, To and Request-URIs, `sip:user@host[:port]` with an
    /// unescaped user, a host name and nothing after the port, read in one pass without the
    /// scanner. `None` leaves every other URI, and every error, to the grammar, whose result
    /// this equals where it answers.
    pub(crate) fn parse_common(text: &'a str) -> Option<Self> {
        match Self::parse_common_at(text, 0) {
            Some((uri, end)) if end == text.len() => Some(uri),
            _ => None,
        }
    }

    /// The shape of [`SipUri::parse_common`] starting at `start` in `text`, and the offset of
    /// the first byte after it. A name-addr reads its URI this way and finds its `>` there,
    /// without searching for it first (none of these bytes is a `>`).
    #[inline]
    pub(crate) fn parse_common_at(text: &'a str, start: usize) -> Option<(Self, usize)> {
        let bytes = text.as_bytes();
        if bytes.get(start..start.checked_add(4)?)? != b"sip:" {
            return None;
        }
        let user_start = start + 4;
        let at = span(text, user_start, is_user_char);
        if at == user_start || bytes.get(at) != Some(&b'@') {
            return None;
        }
        let host_end = crate::block::name_run_end(bytes, at + 1);
        let host = sub(text, at + 1, host_end)?;
        if !is_plain_hostname(host.as_bytes()) {
            return None;
        }
        let (port, end) = match bytes.get(host_end) {
            Some(b':') => {
                let digits_end = span(text, host_end + 1, |b| b.is_ascii_digit());
                let digits = sub(text, host_end + 1, digits_end)?;
                (Some(u16::try_from(parse_u32(digits)?).ok()?), digits_end)
            }
            _ => (None, host_end),
        };
        let uri = SipUri {
            port,
            ..SipUri::new(Host::Name(host)).with_user(sub(text, user_start, at)?)
        };
        Some((uri, end))
    }

    fn parse_grammar(text: &'a str) -> Result<Self, ValueError> {
        // The scheme is everything before the first colon, so it is `sip` or `sips` exactly
        // when the text starts with `sip:` or `sips:`.
        let starts = |prefix: &str| {
            text.get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        };
        let (secure, start) = match () {
            _ if starts("sip:") => (false, 4),
            _ if starts("sips:") => (true, 5),
            _ => return Err(ValueError::new(0, "sip: or sips:")),
        };
        let rest = text.get(start..).unwrap_or("");
        let uri = parse_after_scheme(rest, secure).map_err(|e| e.shifted(start))?;
        Ok(uri)
    }
}

/// Parses `[ userinfo ] hostport uri-parameters [ headers ]`.
fn parse_after_scheme(text: &str, secure: bool) -> Result<SipUri<'_>, ValueError> {
    let mut s = Scanner::new(text);
    // Neither host, port, parameters nor headers may hold an unescaped `@`, so the first one
    // ends the userinfo even though the user part may contain `;`, `?` and `/`.
    let (user, password) = match memchr::memchr(b'@', text.as_bytes()) {
        Some(at) => scan_userinfo(&mut s, at)?,
        None => (None, None),
    };
    let host = scan_host(&mut s)?;
    let port = if s.eat(b':') {
        Some(scan_port(&mut s)?)
    } else {
        None
    };
    let params = UriParams::scan(&mut s)?;
    let headers = UriHeaders::scan(&mut s)?;
    if !s.at_end() {
        return Err(s.error("end of SIP URI"));
    }
    Ok(SipUri {
        secure,
        user,
        password,
        host,
        port,
        params,
        headers,
    })
}

type UserInfo<'a> = (Option<&'a str>, Option<&'a str>);

fn scan_userinfo<'a>(s: &mut Scanner<'a>, at: usize) -> Result<UserInfo<'a>, ValueError> {
    let user = scan_escaped(s, |b| is_unreserved(b) || is_user_unreserved(b))?;
    if user.is_empty() {
        return Err(s.error("user"));
    }
    let password = if s.eat(b':') {
        Some(scan_escaped(s, |b| {
            is_unreserved(b) || is_password_extra(b)
        })?)
    } else {
        None
    };
    if s.pos() != at {
        return Err(s.error("@"));
    }
    s.skip(1);
    Ok((Some(user), password))
}

fn scan_port(s: &mut Scanner<'_>) -> Result<u16, ValueError> {
    let start = s.pos();
    let n = s.number("port")?;
    u16::try_from(n).map_err(|_| ValueError::new(start, "port 0-65535"))
}

impl fmt::Display for SipUri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.secure { "sips:" } else { "sip:" })?;
        if let Some(user) = self.user {
            f.write_str(user)?;
            if let Some(password) = self.password {
                write!(f, ":{password}")?;
            }
            f.write_str("@")?;
        }
        write!(f, "{}", self.host)?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        write!(f, "{}{}", self.params, self.headers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;
    use proptest::sample::select;

    #[test]
    fn rfc3261_examples_parse() {
        let u = SipUri::parse("sip:alice@atlanta.com").unwrap();
        assert_eq!(
            (u.user, u.host, u.port),
            (Some("alice"), Host::Name("atlanta.com"), None)
        );
        let u = SipUri::parse("sip:alice:secretword@atlanta.com;transport=tcp").unwrap();
        assert_eq!(u.password, Some("secretword"));
        assert_eq!(u.params.transport(), Some("tcp"));
        let u = SipUri::parse("sip:+1-212-555-1212:1234@gateway.com;user=phone").unwrap();
        assert_eq!(
            (u.user, u.password, u.params.user()),
            (Some("+1-212-555-1212"), Some("1234"), Some("phone"))
        );
        let u = SipUri::parse("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com").unwrap();
        assert_eq!((u.user, u.params.method()), (None, Some("REGISTER")));
        let u = SipUri::parse("sip:alice;day=tuesday@atlanta.com").unwrap();
        assert_eq!(u.user, Some("alice;day=tuesday"));
        let u = SipUri::parse("SIPS:192.0.2.4:0").unwrap();
        assert_eq!(
            (u.secure, u.host, u.port),
            (true, Host::Ipv4("192.0.2.4"), Some(0))
        );
        let u = SipUri::parse("sip:[::ffff:192.0.2.1]:5060;lr").unwrap();
        assert!(u.params.lr());
    }

    #[test]
    fn errors_carry_offsets_in_the_whole_uri() {
        let err = |t| SipUri::parse(t).unwrap_err();
        assert_eq!(err("tel:+1"), ValueError::new(0, "sip: or sips:"));
        assert_eq!(err("sip"), ValueError::new(0, "sip: or sips:"));
        assert_eq!(err("sip:"), ValueError::new(4, "host"));
        assert_eq!(err("sip:@a.com"), ValueError::new(4, "user"));
        assert_eq!(err("sip:a b@c.com"), ValueError::new(5, "@"));
        assert_eq!(err("sip:a@b@c.com"), ValueError::new(7, "end of SIP URI"));
        assert_eq!(err("sip:a.com:"), ValueError::new(10, "port"));
        assert_eq!(err("sip:a.com:65536"), ValueError::new(10, "port 0-65535"));
        assert_eq!(err("sip:a%zz@b.com"), ValueError::new(5, "escaped %HH"));
        assert_eq!(err("sip:a.com;ttl=300"), ValueError::new(14, "ttl 0-255"));
        assert_eq!(err("sip:a.com?x"), ValueError::new(11, "="));
        assert_eq!(err("sip:a.com>"), ValueError::new(9, "end of SIP URI"));
        assert_eq!(err("sip:[::1"), ValueError::new(8, "]"));
    }

    proptest::proptest! {
        /// Wherever the direct path answers it gives the grammar's result, and every URI
        /// (of the common shape, near it, or mutated by one byte) parses as the grammar
        /// parses it.
        #[test]
        fn parse_equals_the_grammar(text in crate::header::mutation::maybe_mutated(
            (
                select(vec!["sip:", "SIP:", "sips:", "sip", "tel:"]),
                select(vec!["alice", "", "+1-212", "a%41", "a;b=c?d/e", "a:pw", "a b"]),
                select(vec!["@", "", "@@"]),
                select(vec!["example.com", "example.com.", "a-b.c", "-a.com", "a-.com",
                    "a..com", "1.com", "com.1", "x", "192.0.2.1", "256.1.1.1", "[::1]", "a_b",
                    ""]),
                select(vec!["", ":5060", ":65536", ":", ":x", ";lr", "?a=b", ">"]),
            )
                .prop_map(|(scheme, user, at, host, tail)| format!("{scheme}{user}{at}{host}{tail}")),
        )) {
            if let Some(common) = SipUri::parse_common(&text) {
                proptest::prop_assert_eq!(Ok(common), SipUri::parse_grammar(&text));
            }
            proptest::prop_assert_eq!(SipUri::parse(&text), SipUri::parse_grammar(&text));
        }
    }

    proptest::proptest! {
        /// Any run of host name characters the one-pass check accepts is a host name for
        /// the host grammar, and any it refuses is not (an address, or an error).
        #[test]
        fn the_hostname_check_agrees_with_the_host_grammar(
            text in proptest::collection::vec(select(b"aZ09-.".to_vec()), 1..12)
        ) {
            let text = String::from_utf8(text).unwrap();
            let grammar = super::super::host::classify(&text);
            proptest::prop_assert_eq!(
                is_plain_hostname(text.as_bytes()),
                grammar == Ok(Host::Name(&text))
            );
        }
    }

    #[test]
    fn the_direct_path_reads_the_usual_shapes() {
        for text in [
            "sip:alice@example.com",
            "sip:bob@example.net:5060",
            "sip:+1-2@a1.b-c.d.",
        ] {
            assert!(SipUri::parse_common(text).is_some(), "{text}");
        }
        for text in [
            "sip:a@1.2.3.4",
            "sip:a@b.com;lr",
            "SIP:a@b.com",
            "sip:a@-b.com",
        ] {
            assert!(SipUri::parse_common(text).is_none(), "{text}");
        }
    }

    proptest::proptest! {
        /// Wherever the prefix reading answers, the text it read is a URI of the direct
        /// path with the same value, and holds no `>` (so a name-addr's first `>` is the
        /// byte after it).
        #[test]
        fn the_prefix_is_a_whole_direct_uri(
            lead in select(vec!["", "<", "\"A\" <"]),
            uri in "sip:[a-z0-9.%-]{0,5}@[a-z0-9.-]{0,8}(:[0-9]{0,6})?",
            tail in select(vec!["", ">", ">;tag=1", ";lr>", "?x>", " >", ":>", "@b>"]),
        ) {
            let text = format!("{lead}{uri}{tail}");
            if let Some((found, end)) = SipUri::parse_common_at(&text, lead.len()) {
                let read = &text[lead.len()..end];
                proptest::prop_assert!(!read.contains('>'));
                proptest::prop_assert_eq!(SipUri::parse_common(read), Some(found));
            }
        }
    }

    #[test]
    fn display_writes_back_the_same_text() {
        for text in [
            "sip:alice@atlanta.com",
            "sips:a:@b.com:1",
            "sip:%61lice:p%41ss@[::1]:5060;transport=tcp;lr?Subject=hi&x=",
            "sip:b.com;maddr=239.255.255.1;ttl=15",
        ] {
            let u = SipUri::parse(text).unwrap();
            assert_eq!(u.to_string(), text);
            assert_eq!(SipUri::parse(&u.to_string()), Ok(u));
        }
    }
}
