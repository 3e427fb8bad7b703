//! WWW-Authenticate / Proxy-Authenticate challenges and Authorization / Proxy-Authorization
//! credentials (RFC 3261 20.7, 20.27, 20.28, 20.44, 25; SHA-256 digests of RFC 8760):
//! `auth-scheme LWS auth-param *( COMMA auth-param )`.
//!
//! These headers are not comma lists of values: their commas separate parameters, so they are
//! parsed whole.

use super::params::ParamValue;
use crate::grammar::Scanner;
use crate::ValueError;
use core::fmt;

/// A digest algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm<'a> {
    /// `MD5` (the default when absent).
    Md5,
    /// `MD5-sess`.
    Md5Sess,
    /// `SHA-256` (RFC 8760).
    Sha256,
    /// `SHA-256-sess` (RFC 8760).
    Sha256Sess,
    /// Any other token.
    Other(&'a str),
}

impl<'a> Algorithm<'a> {
    /// Reads an algorithm token (case-insensitive).
    pub fn from_token(token: &'a str) -> Self {
        let is = |n: &str| token.eq_ignore_ascii_case(n);
        if is("MD5") {
            Algorithm::Md5
        } else if is("MD5-sess") {
            Algorithm::Md5Sess
        } else if is("SHA-256") {
            Algorithm::Sha256
        } else if is("SHA-256-sess") {
            Algorithm::Sha256Sess
        } else {
            Algorithm::Other(token)
        }
    }

    /// The token as written on the wire.
    pub fn as_str(&self) -> &'a str {
        match *self {
            Algorithm::Md5 => "MD5",
            Algorithm::Md5Sess => "MD5-sess",
            Algorithm::Sha256 => "SHA-256",
            Algorithm::Sha256Sess => "SHA-256-sess",
            Algorithm::Other(token) => token,
        }
    }

    /// Whether HA1 includes the nonce and cnonce (the `-sess` variants).
    pub fn is_session(&self) -> bool {
        matches!(self, Algorithm::Md5Sess | Algorithm::Sha256Sess)
    }
}

/// Parameters that RFC 3261 requires quoted; the others are tokens.
const QUOTED: &[&str] = &[
    "realm", "domain", "nonce", "opaque", "username", "uri", "response", "cnonce",
];
/// Parameters that must be tokens.
const TOKENS: &[&str] = &["stale", "algorithm", "nc"];

/// A validated `auth-param *( COMMA auth-param )` list.
#[derive(Debug, Clone, Copy)]
pub struct AuthParams<'a> {
    raw: &'a str,
}

impl<'a> AuthParams<'a> {
    /// Parses a whole parameter list such as `realm="a", nonce="b"`.
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(text);
        s.skip_sws();
        let params = Self::scan(&mut s)?;
        s.finish("COMMA or end of auth-params")?;
        Ok(params)
    }

    fn scan(s: &mut Scanner<'a>) -> Result<Self, ValueError> {
        let start = s.pos();
        loop {
            let at = s.pos();
            let (name, value) = scan_auth_param(s)?;
            check(name, value).map_err(|what| ValueError::new(at + name.len(), what))?;
            if !s.try_separator(b',') {
                return Ok(AuthParams {
                    raw: s.slice(start, s.pos()),
                });
            }
        }
    }

    /// The parameters in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, ParamValue<'a>)> {
        let mut s = Scanner::new(self.raw);
        let mut first = true;
        core::iter::from_fn(move || {
            if !first && !s.try_separator(b',') {
                return None;
            }
            first = false;
            scan_auth_param(&mut s).ok()
        })
    }

    /// The first parameter named `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<ParamValue<'a>> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    fn text(&self, name: &str) -> Option<&'a str> {
        self.get(name).map(|v| v.as_str())
    }
}

fn scan_auth_param<'a>(s: &mut Scanner<'a>) -> Result<(&'a str, ParamValue<'a>), ValueError> {
    let name = s.token("auth-param name")?;
    s.equal()?;
    let value = if s.peek() == Some(b'"') {
        ParamValue::Quoted(s.quoted_string()?)
    } else {
        ParamValue::Token(s.token("token or quoted-string")?)
    };
    Ok((name, value))
}

fn check(name: &str, value: ParamValue<'_>) -> Result<(), &'static str> {
    let listed = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
    match value {
        ParamValue::Token(_) if listed(QUOTED) => Err("quoted-string"),
        ParamValue::Quoted(_) if listed(TOKENS) => Err("token"),
        ParamValue::Token(t) if name.eq_ignore_ascii_case("nc") && !is_nonce_count(t) => {
            Err("8LHEX")
        }
        _ => Ok(()),
    }
}

fn is_nonce_count(text: &str) -> bool {
    text.len() == 8 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

impl PartialEq for AuthParams<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for AuthParams<'_> {}

impl fmt::Display for AuthParams<'_> {
    /// Writes `name=value` pairs separated by `, `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, value)) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name}={value}")?;
        }
        Ok(())
    }
}

fn scan_scheme<'a>(value: &'a str) -> Result<(&'a str, AuthParams<'a>), ValueError> {
    let mut s = Scanner::new(value);
    s.skip_sws();
    let scheme = s.token("auth-scheme")?;
    s.lws()?;
    let params = AuthParams::scan(&mut s)?;
    s.finish("COMMA or end of auth-params")?;
    Ok((scheme, params))
}

/// A challenge from WWW-Authenticate or Proxy-Authenticate.
///
/// ```
/// use sip_msg::header::{Algorithm, Challenge};
/// let c = Challenge::parse(r#"Digest realm="atlanta.com", nonce="84a4cc6f", qop="auth,auth-int", algorithm=SHA-256, stale=TRUE"#).unwrap();
/// assert_eq!((c.realm(), c.nonce()), (Some("atlanta.com"), Some("84a4cc6f")));
/// assert_eq!(c.algorithm(), Algorithm::Sha256);
/// assert!(c.offers_qop("auth") && c.stale());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Challenge<'a> {
    /// The scheme, `Digest` in SIP.
    pub scheme: &'a str,
    /// The parameters.
    pub params: AuthParams<'a>,
}

impl<'a> Challenge<'a> {
    /// Parses a whole challenge.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        scan_scheme(value).map(|(scheme, params)| Challenge { scheme, params })
    }

    /// Whether the scheme is `Digest` (case-insensitive).
    pub fn is_digest(&self) -> bool {
        self.scheme.eq_ignore_ascii_case("Digest")
    }

    /// The `realm`.
    pub fn realm(&self) -> Option<&'a str> {
        self.params.text("realm")
    }

    /// The `nonce`.
    pub fn nonce(&self) -> Option<&'a str> {
        self.params.text("nonce")
    }

    /// The `opaque` value to echo.
    pub fn opaque(&self) -> Option<&'a str> {
        self.params.text("opaque")
    }

    /// The `domain` URI list, as written.
    pub fn domain(&self) -> Option<&'a str> {
        self.params.text("domain")
    }

    /// Whether `stale=true`: the credentials were right, only the nonce expired.
    pub fn stale(&self) -> bool {
        self.params
            .text("stale")
            .is_some_and(|s| s.eq_ignore_ascii_case("true"))
    }

    /// The `algorithm`, MD5 when absent (RFC 3261 25).
    pub fn algorithm(&self) -> Algorithm<'a> {
        self.params
            .text("algorithm")
            .map_or(Algorithm::Md5, Algorithm::from_token)
    }

    /// The qop options offered, in order.
    pub fn qop_options(&self) -> impl Iterator<Item = &'a str> {
        let list = self.params.text("qop").unwrap_or("");
        list.split(',')
            .map(|q| crate::grammar::trim_lws(q).1)
            .filter(|q| !q.is_empty())
    }

    /// Whether `qop` offers `option` (e.g. `auth`), compared case-insensitively.
    pub fn offers_qop(&self, option: &str) -> bool {
        self.qop_options().any(|q| q.eq_ignore_ascii_case(option))
    }
}

impl fmt::Display for Challenge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.scheme, self.params)
    }
}

/// Credentials from Authorization or Proxy-Authorization.
///
/// ```
/// use sip_msg::header::Credentials;
/// let c = Credentials::parse(r#"Digest username="bob", realm="b.com", nonce="n", uri="sip:b.com", response="0a", qop=auth, nc=00000001, cnonce="c""#).unwrap();
/// assert_eq!((c.username(), c.nc()), (Some("bob"), Some(1)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credentials<'a> {
    /// The scheme, `Digest` in SIP.
    pub scheme: &'a str,
    /// The parameters.
    pub params: AuthParams<'a>,
}

impl<'a> Credentials<'a> {
    /// Parses whole credentials.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        scan_scheme(value).map(|(scheme, params)| Credentials { scheme, params })
    }

    /// The `username`.
    pub fn username(&self) -> Option<&'a str> {
        self.params.text("username")
    }

    /// The `realm`.
    pub fn realm(&self) -> Option<&'a str> {
        self.params.text("realm")
    }

    /// The `nonce`.
    pub fn nonce(&self) -> Option<&'a str> {
        self.params.text("nonce")
    }

    /// The digest `uri`.
    pub fn uri(&self) -> Option<&'a str> {
        self.params.text("uri")
    }

    /// The `response` digest (hex).
    pub fn response(&self) -> Option<&'a str> {
        self.params.text("response")
    }

    /// The `algorithm`, MD5 when absent.
    pub fn algorithm(&self) -> Algorithm<'a> {
        self.params
            .text("algorithm")
            .map_or(Algorithm::Md5, Algorithm::from_token)
    }

    /// The `cnonce`.
    pub fn cnonce(&self) -> Option<&'a str> {
        self.params.text("cnonce")
    }

    /// The `opaque` value echoed from the challenge.
    pub fn opaque(&self) -> Option<&'a str> {
        self.params.text("opaque")
    }

    /// The chosen `qop` (a token; a quoted form sent by some peers is accepted too).
    pub fn qop(&self) -> Option<&'a str> {
        self.params.text("qop")
    }

    /// The nonce count `nc`, eight hex digits.
    pub fn nc(&self) -> Option<u32> {
        u32::from_str_radix(self.params.text("nc")?, 16).ok()
    }
}

impl fmt::Display for Algorithm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Credentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.scheme, self.params)
    }
}

#[cfg(test)]
mod tests;
