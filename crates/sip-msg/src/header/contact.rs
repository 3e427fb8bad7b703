//! Contact (RFC 3261 20.10): an address, or `*` in a REGISTER that removes all bindings.

use super::name_addr::NameAddr;
use crate::grammar::trim_lws;
use crate::ValueError;
use core::fmt;

/// One element of a Contact header.
///
/// ```
/// use sip_msg::header::Contact;
/// let c = Contact::parse("<sip:bob@192.0.2.4>;+g.oma.sip-im;expires=60").unwrap();
/// let Contact::Address(addr) = c else { panic!("an address") };
/// assert_eq!(addr.expires(), Some(60));
/// assert_eq!(addr.feature_tags().next().map(|p| p.name), Some("+g.oma.sip-im"));
/// assert_eq!(Contact::parse(" * "), Ok(Contact::Wildcard));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contact<'a> {
    /// `*`.
    Wildcard,
    /// A name-addr or addr-spec with its parameters.
    Address(NameAddr<'a>),
}

impl<'a> Contact<'a> {
    /// Parses one Contact element.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        if trim_lws(value).1 == "*" {
            Ok(Contact::Wildcard)
        } else {
            NameAddr::parse(value).map(Contact::Address)
        }
    }

    /// The address, unless this is `*`.
    pub fn address(&self) -> Option<&NameAddr<'a>> {
        match self {
            Contact::Wildcard => None,
            Contact::Address(addr) => Some(addr),
        }
    }
}

impl fmt::Display for Contact<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Contact::Wildcard => f.write_str("*"),
            Contact::Address(addr) => addr.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::ParamValue;

    /// HDR-CT-1: feature parameters of RFC 3840 are header parameters of the Contact, flags and
    /// quoted values alike, and survive a display round trip.
    #[test]
    fn contact_feature_params() {
        let value = "<sip:alice@198.51.100.7:5060;transport=tcp>;+g.oma.sip-im;\
                     +g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg\";expires=600;q=0.5";
        let c = Contact::parse(value).unwrap();
        let addr = c.address().unwrap();
        let tags: Vec<_> = addr.feature_tags().collect();
        assert_eq!(tags.len(), 2);
        assert_eq!((tags[0].name, tags[0].value), ("+g.oma.sip-im", None));
        assert_eq!(tags[1].name, "+g.3gpp.icsi-ref");
        let icsi = tags[1].value.unwrap();
        assert!(matches!(icsi, ParamValue::Quoted(_)));
        assert_eq!(
            icsi.as_str(),
            "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg"
        );
        assert_eq!((addr.expires(), addr.q()), (Some(600), Some(500)));
        assert_eq!(
            addr.uri.as_sip().and_then(|u| u.params.transport()),
            Some("tcp")
        );
        assert_eq!(Contact::parse(&c.to_string()), Ok(c));
    }

    #[test]
    fn wildcard_and_errors() {
        assert_eq!(Contact::Wildcard.to_string(), "*");
        assert!(Contact::Wildcard.address().is_none());
        assert_eq!(Contact::parse("**"), Err(ValueError::new(0, "URI scheme")));
        assert_eq!(
            Contact::parse("*;expires=0"),
            Err(ValueError::new(0, "URI scheme"))
        );
    }
}
