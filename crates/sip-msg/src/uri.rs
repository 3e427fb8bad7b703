//! URIs of SIP messages: SIP and SIPS URIs (RFC 3261 19.1), `tel:` URIs (RFC 3966), and any
//! other absolute URI kept as its scheme and the rest.
//!
//! Everything borrows from the parsed text and keeps escapes as written, so `Display` writes
//! back exactly what was read.

mod compare;
mod escape;
pub(crate) mod host;
mod hostname;
mod ipv4;
mod params;
mod sip;
mod tel;

pub use escape::{unescape, Unescaped};
pub use host::Host;
pub use params::{UriHeaders, UriParam, UriParams};
pub use sip::SipUri;
pub use tel::TelUri;

use crate::grammar::{is_reserved, is_unreserved};
use crate::ValueError;
use core::fmt;

/// Any URI that may appear in a Request-URI, a name-addr or a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uri<'a> {
    /// `sip:` or `sips:`.
    Sip(SipUri<'a>),
    /// `tel:`.
    Tel(TelUri<'a>),
    /// Any other scheme (`urn:`, `mailto:`, `http:`, ...).
    Other(AbsoluteUri<'a>),
}

impl<'a> Uri<'a> {
    /// Parses a whole URI, choosing the grammar by its scheme.
    ///
    /// ```
    /// use sip_msg::uri::Uri;
    /// assert!(matches!(Uri::parse("sip:bob@biloxi.com"), Ok(Uri::Sip(_))));
    /// assert!(matches!(Uri::parse("tel:+1-201-555-0123"), Ok(Uri::Tel(_))));
    /// assert!(matches!(Uri::parse("urn:service:sos"), Ok(Uri::Other(_))));
    /// ```
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        if let Some(uri) = SipUri::parse_common(text) {
            return Ok(Uri::Sip(uri));
        }
        let has_scheme = |scheme: &str| {
            text.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        };
        if has_scheme("sip:") || has_scheme("sips:") {
            SipUri::parse(text).map(Uri::Sip)
        } else if has_scheme("tel:") {
            TelUri::parse(text).map(Uri::Tel)
        } else {
            AbsoluteUri::parse(text).map(Uri::Other)
        }
    }

    /// The SIP or SIPS URI, if it is one.
    pub fn as_sip(&self) -> Option<&SipUri<'a>> {
        match self {
            Uri::Sip(uri) => Some(uri),
            _ => None,
        }
    }
}

impl fmt::Display for Uri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Uri::Sip(uri) => uri.fmt(f),
            Uri::Tel(uri) => uri.fmt(f),
            Uri::Other(uri) => uri.fmt(f),
        }
    }
}

/// An absolute URI of a scheme this crate does not interpret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbsoluteUri<'a> {
    /// The scheme, without the colon.
    pub scheme: &'a str,
    /// Everything after the colon.
    pub rest: &'a str,
}

impl<'a> AbsoluteUri<'a> {
    /// Parses `scheme ":" 1*uric`, where uric also admits the `[` `]` of IPv6 literals.
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        let bytes = text.as_bytes();
        if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
            return Err(ValueError::new(0, "URI scheme"));
        }
        let scheme_end = crate::grammar::span(text, 1, |b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')
        });
        if bytes.get(scheme_end) != Some(&b':') {
            return Err(ValueError::new(scheme_end, ":"));
        }
        let rest_start = scheme_end + 1;
        let end = crate::grammar::span(text, rest_start, |b| {
            is_reserved(b) || is_unreserved(b) || matches!(b, b'%' | b'[' | b']')
        });
        if end == rest_start || end != text.len() {
            return Err(ValueError::new(end, "URI character"));
        }
        Ok(AbsoluteUri {
            scheme: text.get(..scheme_end).unwrap_or(""),
            rest: text.get(rest_start..).unwrap_or(""),
        })
    }
}

impl fmt::Display for AbsoluteUri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.scheme, self.rest)
    }
}

#[cfg(test)]
mod tests;
