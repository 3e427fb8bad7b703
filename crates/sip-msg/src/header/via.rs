//! Via (RFC 3261 20.42): one `via-parm` (`SIP/2.0/UDP host:port;branch=...`). Split a header
//! with several via-parms with [`split_list`](super::split_list) first.

use super::params::{Param, ParamValue, Params};
use crate::grammar::{eq_letters_ignore_case, parse_u32, Scanner};
use crate::uri::host::scan_host;
use crate::uri::Host;
use crate::ValueError;
use core::fmt;

/// The branch of a Via: the transaction identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Branch<'a>(pub &'a str);

impl<'a> Branch<'a> {
    /// The prefix RFC 3261 8.1.1.7 puts on every branch it generates.
    pub const MAGIC_COOKIE: &'static str = "z9hG4bK";

    /// Whether the branch starts with `z9hG4bK`, i.e. was built by an RFC 3261 element and
    /// can be used as a transaction identifier on its own (17.2.3).
    pub fn has_magic_cookie(&self) -> bool {
        self.0.starts_with(Self::MAGIC_COOKIE)
    }

    /// The branch text.
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

/// `sent-by = host [ COLON port ]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentBy<'a> {
    /// The host the response goes back to.
    pub host: Host<'a>,
    /// The port, absent when not written (the transport's default then applies).
    pub port: Option<u16>,
}

/// The `rport` parameter of RFC 3581: asked for by the client, or filled in by the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rport {
    /// `;rport` without a value: the client asks for the source port.
    Requested,
    /// `;rport=5060`: the source port the server saw.
    Port(u16),
}

/// Names that have their own field and are hidden from [`Via::params`].
const KNOWN: &[&str] = &["branch", "received", "rport", "maddr", "ttl"];

/// One via-parm.
///
/// ```
/// use sip_msg::header::{Branch, SentBy, Via};
/// use sip_msg::uri::Host;
/// let via = Via::parse("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds ;rport").unwrap();
/// assert_eq!(via.transport, "UDP");
/// assert_eq!(via.sent_by.host, Host::Name("pc33.atlanta.com"));
/// assert!(via.branch.is_some_and(|b| b.has_magic_cookie()));
///
/// let sent_by = SentBy { host: Host::Ipv4("192.0.2.1"), port: Some(5060) };
/// let built = Via::new("TCP", sent_by, "z9hG4bK1");
/// assert_eq!(built.to_string(), "SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK1");
/// assert_eq!(Via::parse(&built.to_string()), Ok(built));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Via<'a> {
    /// `SIP` in practice.
    pub protocol: &'a str,
    /// `2.0` in practice.
    pub version: &'a str,
    /// `UDP`, `TCP`, `TLS`, `SCTP` or another token, as written.
    pub transport: &'a str,
    /// Where responses go.
    pub sent_by: SentBy<'a>,
    /// The `branch` parameter.
    pub branch: Option<Branch<'a>>,
    /// The `received` parameter (an IP address).
    pub received: Option<Host<'a>>,
    /// The `rport` parameter.
    pub rport: Option<Rport>,
    /// The `maddr` parameter.
    pub maddr: Option<Host<'a>>,
    /// The `ttl` parameter.
    pub ttl: Option<u8>,
    /// The other parameters, in order.
    pub params: Params<'a>,
}

impl<'a> Via<'a> {
    /// A `SIP/2.0/<transport>` via-parm with a branch and nothing else.
    pub fn new(transport: &'a str, sent_by: SentBy<'a>, branch: &'a str) -> Self {
        let fields = FieldParams {
            branch: Some(Branch(branch)),
            ..FieldParams::default()
        };
        fields.via("SIP", "2.0", transport, sent_by, Params::EMPTY)
    }

    /// Parses one via-parm; surrounding whitespace is ignored.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        match common::parse(value) {
            Some(via) => Ok(via),
            None => Self::parse_grammar(value),
        }
    }

    /// The first via-parm of a message whose first Via value is `value`: the value itself
    /// when it has the common shape (see `common`), else what `general` reads. Returns the
    /// accessor's own result type, so that the via-parm is built where the caller receives it.
    pub(crate) fn parse_top(
        value: &'a str,
        general: impl FnOnce() -> Result<Option<Self>, crate::Error>,
    ) -> Result<Option<Self>, crate::Error> {
        match common::parse(value) {
            Some(via) => Ok(Some(via)),
            None => general(),
        }
    }

    /// The full via-parm grammar: every shape, and the error of every invalid value.
    fn parse_grammar(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let protocol = s.token("protocol-name")?;
        s.slash()?;
        let version = s.token("protocol-version")?;
        s.slash()?;
        let transport = s.token("transport")?;
        s.lws()?;
        let host = scan_host(&mut s)?;
        let port = if s.try_separator(b':') {
            Some(port(&mut s)?)
        } else {
            None
        };
        let mut fields = FieldParams::default();
        let params = Params::scan_with(&mut s, |p, at| fields.take(p, at))?.hiding(KNOWN);
        s.finish("SEMI or end of via-parm")?;
        let sent_by = SentBy { host, port };
        Ok(fields.via(protocol, version, transport, sent_by, params))
    }

    /// The branch text, if any.
    pub fn branch(&self) -> Option<&'a str> {
        self.branch.map(|b| b.0)
    }
}

/// The parameters of [`KNOWN`], which a via-parm keeps in fields. The direct path reads them
/// before it builds the via-parm, so that it builds it once, where the caller receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct FieldParams<'a> {
    pub(crate) branch: Option<Branch<'a>>,
    pub(crate) received: Option<Host<'a>>,
    pub(crate) rport: Option<Rport>,
    pub(crate) maddr: Option<Host<'a>>,
    pub(crate) ttl: Option<u8>,
}

impl<'a> FieldParams<'a> {
    /// The via-parm with these fields. Inlined, so that each parse builds its via-parm in
    /// one place.
    #[inline(always)]
    pub(crate) fn via(
        self,
        protocol: &'a str,
        version: &'a str,
        transport: &'a str,
        sent_by: SentBy<'a>,
        params: Params<'a>,
    ) -> Via<'a> {
        Via {
            protocol,
            version,
            transport,
            sent_by,
            branch: self.branch,
            received: self.received,
            rport: self.rport,
            maddr: self.maddr,
            ttl: self.ttl,
            params,
        }
    }

    /// Moves a known parameter into its field (the first occurrence wins) after checking it;
    /// other parameters are left alone.
    pub(crate) fn take(&mut self, p: Param<'a>, at: usize) -> Result<(), ValueError> {
        let Some(known) = Known::of(p.name) else {
            return Ok(());
        };
        let value_at = at + p.name.len();
        let bad = |what| ValueError::new(value_at, what);
        let token = match p.value {
            Some(ParamValue::Token(t)) => Some(t),
            Some(ParamValue::Quoted(_)) => return Err(bad("unquoted value")),
            None => None,
        };
        match known {
            Known::Branch => {
                let t = token.ok_or(bad("branch value"))?;
                self.branch.get_or_insert(Branch(t));
            }
            Known::Received => {
                let h = token
                    .and_then(|t| Host::parse_address(t).ok())
                    .filter(|h| !matches!(h, Host::Name(_)));
                let h = h.ok_or(bad("IP address"))?;
                self.received.get_or_insert(h);
            }
            Known::Rport => {
                let r = match token {
                    None => Rport::Requested,
                    Some(t) => Rport::Port(
                        parse_u32(t)
                            .and_then(|n| u16::try_from(n).ok())
                            .ok_or(bad("port"))?,
                    ),
                };
                self.rport.get_or_insert(r);
            }
            Known::Maddr => {
                let h = token.and_then(|t| Host::parse(t).ok()).ok_or(bad("host"))?;
                self.maddr.get_or_insert(h);
            }
            Known::Ttl => {
                let ttl = token
                    .filter(|t| t.len() <= 3)
                    .and_then(parse_u32)
                    .and_then(|n| u8::try_from(n).ok());
                self.ttl.get_or_insert(ttl.ok_or(bad("ttl 0-255"))?);
            }
        }
        Ok(())
    }
}

/// The parameters of [`KNOWN`], each with its own field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    Branch,
    Received,
    Rport,
    Maddr,
    Ttl,
}

impl Known {
    /// Which known parameter `name` is, case-insensitively. The length picks the one
    /// candidate, so an unknown name costs one comparison at most: every Via has several
    /// parameters and this runs for each.
    fn of(name: &str) -> Option<Self> {
        let is = |lower: &[u8]| eq_letters_ignore_case(name.as_bytes(), lower);
        match name.len() {
            6 if is(b"branch") => Some(Known::Branch),
            8 if is(b"received") => Some(Known::Received),
            5 if is(b"rport") => Some(Known::Rport),
            5 if is(b"maddr") => Some(Known::Maddr),
            3 if is(b"ttl") => Some(Known::Ttl),
            _ => None,
        }
    }
}

fn port(s: &mut Scanner<'_>) -> Result<u16, ValueError> {
    let start = s.pos();
    let n = s.number("port")?;
    u16::try_from(n).map_err(|_| ValueError::new(start, "port 0-65535"))
}

impl fmt::Display for Via<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{} {}",
            self.protocol, self.version, self.transport, self.sent_by.host
        )?;
        if let Some(port) = self.sent_by.port {
            write!(f, ":{port}")?;
        }
        if let Some(branch) = self.branch {
            write!(f, ";branch={}", branch.0)?;
        }
        if let Some(received) = self.received {
            // RFC 3261 writes `received` IPv6 addresses without brackets.
            write!(f, ";received={}", received.as_str())?;
        }
        match self.rport {
            Some(Rport::Requested) => f.write_str(";rport")?,
            Some(Rport::Port(p)) => write!(f, ";rport={p}")?,
            None => {}
        }
        if let Some(maddr) = self.maddr {
            write!(f, ";maddr={maddr}")?;
        }
        if let Some(ttl) = self.ttl {
            write!(f, ";ttl={ttl}")?;
        }
        self.params.fmt(f)
    }
}

mod common;
#[cfg(test)]
mod tests;
