//! MSRP URIs (RFC 4975 §6 and §9) and the space-separated URI lists of `a=path`, To-Path and
//! From-Path.
//!
//! ```text
//! MSRP-URI    = msrp-scheme "://" authority ["/" session-id] ";" transport *( ";" URI-parameter)
//! msrp-scheme = "msrp" / "msrps"
//! session-id  = 1*( unreserved / "+" / "=" / "/" )
//! transport   = "tcp" / 1*ALPHANUM
//! URI-parameter = token ["=" token]
//! ```
//!
//! The authority follows RFC 3986, except that a `;` never belongs to the host or port: it always
//! starts the transport, which is how every deployed MSRP peer reads it.

mod path;
mod scan;
mod syntax;
#[cfg(test)]
mod tests;

pub use path::{split_path, PathUris};
pub(crate) use syntax::is_token_char;
use syntax::{
    check_params, check_reg_name, check_session_id, check_userinfo, find_from, parse_hostport,
    parse_scheme, parse_userinfo, slice, PctDecoded,
};

use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The port RFC 4975 §15.4 registers for MSRP; `msrps` uses the same number.
pub const DEFAULT_PORT: u16 = 2855;

/// `msrp` (plain TCP) or `msrps` (TLS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `msrp://`
    Msrp,
    /// `msrps://`, carried over TLS.
    Msrps,
}

impl Scheme {
    /// The scheme as written in canonical (lower) case.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Msrp => "msrp",
            Scheme::Msrps => "msrps",
        }
    }
}

/// What is wrong with an MSRP URI, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UriError {
    /// What was expected or found.
    pub kind: UriErrorKind,
    /// Byte offset in the parsed text (for a URI list: in the whole list).
    pub offset: usize,
}

/// The kinds of [`UriError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UriErrorKind {
    /// The scheme is neither `msrp` nor `msrps`, or `://` does not follow it.
    Scheme,
    /// A character not allowed in the userinfo.
    Userinfo,
    /// The host is empty or holds a character a host cannot hold.
    Host,
    /// A `[...]` IPv6 reference that is not an IPv6 address.
    Ipv6,
    /// The port is not a decimal number below 65536.
    Port,
    /// The session-id is empty or holds a character outside `unreserved / "+" / "=" / "/"`.
    SessionId,
    /// No `;transport` part: RFC 4975 makes it mandatory.
    MissingTransport,
    /// The transport is empty or not alphanumeric.
    Transport,
    /// A URI parameter that is not `token ["=" token]`.
    Parameter,
    /// An empty URI (for example two spaces in a URI list).
    Empty,
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            UriErrorKind::Scheme => "expected scheme msrp:// or msrps://",
            UriErrorKind::Userinfo => "invalid character in userinfo",
            UriErrorKind::Host => "invalid or empty host",
            UriErrorKind::Ipv6 => "invalid IPv6 reference",
            UriErrorKind::Port => "invalid port",
            UriErrorKind::SessionId => "invalid or empty session-id",
            UriErrorKind::MissingTransport => "missing ;transport",
            UriErrorKind::Transport => "invalid transport",
            UriErrorKind::Parameter => "invalid URI parameter",
            UriErrorKind::Empty => "empty URI",
        };
        write!(f, "MSRP URI: {} at byte {}", what, self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UriError {}

fn err(kind: UriErrorKind, offset: usize) -> UriError {
    UriError { kind, offset }
}

/// An MSRP URI borrowed from the text it was parsed from, or built from parts.
///
/// [`host`](Self::host) returns an IPv6 reference *without* its brackets (`::1` for
/// `msrp://[::1]:2855/s;tcp`); [`is_ipv6`](Self::is_ipv6) tells whether it was bracketed and
/// `Display` writes the brackets back.
///
/// ```
/// use msrp_codec::uri::{MsrpUri, Scheme};
/// let uri = MsrpUri::parse("msrps://bob@[2001:db8::1]:9000/aBc+=;tcp;x=1").unwrap();
/// assert_eq!(uri.scheme(), Scheme::Msrps);
/// assert_eq!(uri.userinfo(), Some("bob"));
/// assert_eq!(uri.host(), "2001:db8::1");
/// assert_eq!(uri.port(), Some(9000));
/// assert_eq!(uri.session_id(), Some("aBc+="));
/// assert_eq!(uri.transport(), "tcp");
/// assert_eq!(uri.params().next().map(|p| (p.name, p.value)), Some(("x", Some("1"))));
/// assert!(uri.matches(&MsrpUri::parse("MSRPS://[2001:DB8:0::1]:9000/aBc+=;TCP").unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MsrpUri<'a> {
    source: Option<&'a str>,
    scheme: Scheme,
    userinfo: Option<&'a str>,
    host: &'a str,
    ipv6: bool,
    port: Option<u16>,
    session_id: Option<&'a str>,
    transport: &'a str,
    params: &'a str,
}

/// One `name[=value]` URI parameter after the transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UriParam<'a> {
    /// The parameter name.
    pub name: &'a str,
    /// The value after `=`, if any.
    pub value: Option<&'a str>,
}

impl<'a> MsrpUri<'a> {
    /// Parses one MSRP URI; the whole of `s` must be the URI.
    pub fn parse(s: &'a str) -> Result<Self, UriError> {
        match scan::parse_plain(s) {
            Some(uri) => Ok(uri),
            None => Self::parse_general(s),
        }
    }

    /// Checks one MSRP URI without building it: `Ok` exactly when [`parse`](Self::parse)
    /// accepts `s`, and otherwise the same error. For callers that only need to know the text is
    /// a valid URI, such as an SDP parser checking `a=path` before anyone asks for its URIs.
    ///
    /// ```
    /// use msrp_codec::uri::{MsrpUri, UriErrorKind};
    /// assert!(MsrpUri::check("msrp://198.51.100.7:7394/9di4eae923s;tcp").is_ok());
    /// assert_eq!(MsrpUri::check("msrp://h/s").unwrap_err().kind, UriErrorKind::MissingTransport);
    /// ```
    pub fn check(s: &str) -> Result<(), UriError> {
        if scan::is_plain(s) {
            Ok(())
        } else {
            MsrpUri::parse_general(s).map(|_| ())
        }
    }

    /// The length of the URI that starts `b` when it has the common shape
    /// (`msrp[s]://host[:port][/session-id];transport`, a name or IPv4 host, no userinfo,
    /// escapes or parameters) and the byte after it is below `!` (a space, a control byte) or from
    /// 0x80, or there is none; `None` otherwise, also for many valid URIs. When it returns `Some(n)`,
    /// [`check`](Self::check) accepts the first `n` bytes. For lists such as `a=path`, whose
    /// items end at a space or a line end, so that an item's end need not be found first.
    ///
    /// ```
    /// use msrp_codec::uri::MsrpUri;
    /// assert_eq!(MsrpUri::plain_prefix_len(b"msrp://h:7394/s;tcp msrp://g/t;tcp"), Some(19));
    /// assert_eq!(MsrpUri::plain_prefix_len(b"msrp://h/s;tcp;lr"), None);
    /// ```
    #[inline]
    pub fn plain_prefix_len(b: &[u8]) -> Option<usize> {
        scan::plain_prefix_len(b)
    }

    /// Reads any URI part by part; [`parse`](Self::parse) sends here every URI the one-pass
    /// scan does not accept, so all errors come from here.
    fn parse_general(s: &'a str) -> Result<Self, UriError> {
        let b = s.as_bytes();
        let (scheme, mut pos) = parse_scheme(b)?;
        let (userinfo, after_userinfo) = parse_userinfo(s, pos)?;
        pos = after_userinfo;
        let (host, ipv6, port, after_authority) = parse_hostport(s, pos)?;
        pos = after_authority;
        let mut session_id = None;
        if b.get(pos) == Some(&b'/') {
            let end = find_from(b, pos + 1, b';').unwrap_or(b.len());
            session_id = Some(check_session_id(s, pos + 1, end)?);
            pos = end;
        }
        if b.get(pos) != Some(&b';') {
            return Err(err(UriErrorKind::MissingTransport, pos));
        }
        let t_end = find_from(b, pos + 1, b';').unwrap_or(b.len());
        let transport = slice(s, pos + 1, t_end);
        if transport.is_empty() || !transport.bytes().all(|c| c.is_ascii_alphanumeric()) {
            return Err(err(UriErrorKind::Transport, pos + 1));
        }
        let params = slice(s, t_end, b.len());
        check_params(params, t_end)?;
        Ok(MsrpUri {
            source: Some(s),
            scheme,
            userinfo,
            host,
            ipv6,
            port,
            session_id,
            transport,
            params,
        })
    }

    /// Builds a URI from parts, without port, session-id, userinfo or parameters (add them with
    /// the `with_*` methods). `host` is a name, an IPv4 address or an IPv6 address without
    /// brackets; error offsets are within the offending part.
    ///
    /// ```
    /// use msrp_codec::uri::{MsrpUri, Scheme};
    /// let uri = MsrpUri::new(Scheme::Msrp, "::1", "tcp")?
    ///     .with_port(7394)
    ///     .with_session_id("s3ss10n")?;
    /// assert_eq!(uri.to_string(), "msrp://[::1]:7394/s3ss10n;tcp");
    /// # Ok::<(), msrp_codec::uri::UriError>(())
    /// ```
    pub fn new(scheme: Scheme, host: &'a str, transport: &'a str) -> Result<Self, UriError> {
        let ipv6 = host.contains(':');
        if ipv6 {
            host.parse::<Ipv6Addr>()
                .map_err(|_| err(UriErrorKind::Ipv6, 0))?;
        } else {
            check_reg_name(host, 0, host.len())?;
        }
        if transport.is_empty() || !transport.bytes().all(|c| c.is_ascii_alphanumeric()) {
            return Err(err(UriErrorKind::Transport, 0));
        }
        Ok(MsrpUri {
            source: None,
            scheme,
            userinfo: None,
            host,
            ipv6,
            port: None,
            session_id: None,
            transport,
            params: "",
        })
    }

    /// Sets the port.
    pub fn with_port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self.source = None;
        self
    }

    /// Sets the session-id (checked against the grammar).
    pub fn with_session_id(mut self, session_id: &'a str) -> Result<Self, UriError> {
        self.session_id = Some(check_session_id(session_id, 0, session_id.len())?);
        self.source = None;
        Ok(self)
    }

    /// Sets the userinfo (checked against RFC 3986).
    pub fn with_userinfo(mut self, userinfo: &'a str) -> Result<Self, UriError> {
        check_userinfo(userinfo, 0)?;
        self.userinfo = Some(userinfo);
        self.source = None;
        Ok(self)
    }

    /// `msrp` or `msrps`.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The userinfo before `@`, if any (ignored by [`matches`](Self::matches)).
    pub fn userinfo(&self) -> Option<&'a str> {
        self.userinfo
    }

    /// The host as written; an IPv6 reference without its brackets.
    pub fn host(&self) -> &'a str {
        self.host
    }

    /// Whether the host is a bracketed IPv6 reference.
    pub fn is_ipv6(&self) -> bool {
        self.ipv6
    }

    /// The host as an IP address, when it is one.
    pub fn ip_addr(&self) -> Option<IpAddr> {
        if self.ipv6 {
            self.host.parse::<Ipv6Addr>().ok().map(IpAddr::V6)
        } else {
            self.host.parse::<Ipv4Addr>().ok().map(IpAddr::V4)
        }
    }

    /// The explicit port, if the URI has one.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The explicit port, or [`DEFAULT_PORT`] (2855) to connect to when there is none.
    pub fn port_or_default(&self) -> u16 {
        self.port.unwrap_or(DEFAULT_PORT)
    }

    /// The session-id after `/`, if any.
    pub fn session_id(&self) -> Option<&'a str> {
        self.session_id
    }

    /// The transport (mandatory), e.g. `tcp`.
    pub fn transport(&self) -> &'a str {
        self.transport
    }

    /// The parameters after the transport, in order.
    pub fn params(&self) -> impl Iterator<Item = UriParam<'a>> + 'a {
        self.params
            .split(';')
            .filter(|p| !p.is_empty())
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

    /// The text this URI was parsed from; `None` for a URI built or changed with
    /// [`new`](Self::new) and the `with_*` methods (use `Display` to write those).
    pub fn as_str(&self) -> Option<&'a str> {
        self.source
    }

    /// RFC 4975 §6.1 comparison: schemes equal (case-insensitive); hosts equal as IP addresses
    /// when both are IP literals, otherwise as case-insensitive strings after percent-decoding;
    /// ports equal, where an explicit port never equals an absent one (§6.1 says so, so no
    /// default port is applied); session-ids equal case-sensitively, absent only equals absent;
    /// transports equal case-insensitively. Userinfo and parameters are not compared.
    pub fn matches(&self, other: &MsrpUri<'_>) -> bool {
        self.scheme == other.scheme
            && self.port == other.port
            && self.session_id == other.session_id
            && self.transport.eq_ignore_ascii_case(other.transport)
            && self.host_matches(other)
    }

    fn host_matches(&self, other: &MsrpUri<'_>) -> bool {
        match (self.ip_addr(), other.ip_addr()) {
            (Some(a), Some(b)) => a == b,
            _ => {
                self.ipv6 == other.ipv6
                    && PctDecoded::new(self.host).eq(PctDecoded::new(other.host))
            }
        }
    }
}

impl fmt::Display for MsrpUri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(source) = self.source {
            return f.write_str(source);
        }
        write!(f, "{}://", self.scheme.as_str())?;
        if let Some(userinfo) = self.userinfo {
            write!(f, "{}@", userinfo)?;
        }
        if self.ipv6 {
            write!(f, "[{}]", self.host)?;
        } else {
            f.write_str(self.host)?;
        }
        if let Some(port) = self.port {
            write!(f, ":{}", port)?;
        }
        if let Some(sid) = self.session_id {
            write!(f, "/{}", sid)?;
        }
        write!(f, ";{}{}", self.transport, self.params)
    }
}
