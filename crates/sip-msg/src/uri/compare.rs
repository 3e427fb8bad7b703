//! URI comparison: RFC 3261 19.1.4 for SIP and SIPS URIs, RFC 3966 4 for `tel:` URIs.

use super::escape::escaped_eq;
use super::params::{UriParam, UriParams};
use super::sip::SipUri;
use super::tel::TelUri;
use super::Uri;

impl Uri<'_> {
    /// Whether two URIs are equivalent: [`SipUri::equivalent`] for SIP and SIPS,
    /// [`TelUri::equivalent`] for `tel:`, and for other schemes the same scheme
    /// (case-insensitive) and the same text after it. URIs of different schemes never are.
    pub fn equivalent(&self, other: &Uri<'_>) -> bool {
        match (self, other) {
            (Uri::Sip(a), Uri::Sip(b)) => a.equivalent(b),
            (Uri::Tel(a), Uri::Tel(b)) => a.equivalent(b),
            (Uri::Other(a), Uri::Other(b)) => {
                a.scheme.eq_ignore_ascii_case(b.scheme) && a.rest == b.rest
            }
            _ => false,
        }
    }
}

impl TelUri<'_> {
    /// RFC 3966 4: both global or both local, the same digits once visual separators are
    /// removed (hex digits case-insensitive), and the same set of parameters compared
    /// case-insensitively in any order.
    pub fn equivalent(&self, other: &TelUri<'_>) -> bool {
        self.is_global() == other.is_global()
            && digits(self.number).eq(digits(other.number))
            && tel_params_within(self.params, other.params)
            && tel_params_within(other.params, self.params)
    }
}

/// The digits of a telephone number without visual separators, lower-cased.
fn digits(number: &str) -> impl Iterator<Item = u8> + '_ {
    number
        .bytes()
        .filter(|b| !matches!(b, b'-' | b'.' | b'(' | b')'))
        .map(|b| b.to_ascii_lowercase())
}

/// Every `;name[=value]` of `a` appears in `b`.
fn tel_params_within(a: &str, b: &str) -> bool {
    a.split(';')
        .skip(1)
        .all(|p| b.split(';').skip(1).any(|q| escaped_eq(p, q, true)))
}

/// Parameters that make two URIs differ when only one of them carries it.
const SIGNIFICANT_PARAMS: [&str; 5] = ["user", "ttl", "method", "maddr", "transport"];

impl SipUri<'_> {
    /// Whether two URIs are equivalent by RFC 3261 19.1.4: same scheme; userinfo equal
    /// case-sensitively; host, port, parameters and headers equal case-insensitively; escapes
    /// equal to the plain byte unless reserved; `user`, `ttl`, `method`, `maddr` and `transport`
    /// must match when either side has them, other parameters only when both do; headers must
    /// be the same set.
    ///
    /// ```
    /// use sip_msg::uri::SipUri;
    /// let a = SipUri::parse("sip:%61lice@atlanta.com;transport=TCP").unwrap();
    /// let b = SipUri::parse("sip:alice@AtLanTa.CoM;Transport=tcp").unwrap();
    /// assert!(a.equivalent(&b));
    /// ```
    pub fn equivalent(&self, other: &SipUri<'_>) -> bool {
        self.secure == other.secure
            && opt_eq(self.user, other.user, false)
            && opt_eq(self.password, other.password, false)
            && self.host.equivalent(&other.host)
            && self.port == other.port
            && params_equivalent(&self.params, &other.params)
            && headers_within(self, other)
            && headers_within(other, self)
    }
}

fn opt_eq(a: Option<&str>, b: Option<&str>, ignore_case: bool) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => escaped_eq(a, b, ignore_case),
        _ => false,
    }
}

/// Parameters compare by name; when a name repeats, its first occurrence counts.
fn first<'a>(params: &UriParams<'a>, name: &str) -> Option<UriParam<'a>> {
    params.iter().find(|q| escaped_eq(name, q.name, true))
}

fn params_equivalent(a: &UriParams<'_>, b: &UriParams<'_>) -> bool {
    let one_way = |x: &UriParams<'_>, y: &UriParams<'_>| {
        x.iter()
            .all(|p| match (first(x, p.name), first(y, p.name)) {
                (Some(mine), Some(theirs)) => opt_eq(mine.value, theirs.value, true),
                _ => !SIGNIFICANT_PARAMS
                    .iter()
                    .any(|s| escaped_eq(p.name, s, true)),
            })
    };
    one_way(a, b) && one_way(b, a)
}

/// Every header of `a` appears in `b` with an equal value.
fn headers_within(a: &SipUri<'_>, b: &SipUri<'_>) -> bool {
    a.headers.iter().all(|(name, value)| {
        b.headers
            .iter()
            .any(|(n, v)| escaped_eq(name, n, true) && escaped_eq(value, v, true))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::Uri;

    fn eq(a: &str, b: &str) -> bool {
        let (a, b) = (SipUri::parse(a).unwrap(), SipUri::parse(b).unwrap());
        assert_eq!(
            a.equivalent(&b),
            b.equivalent(&a),
            "comparison is symmetric"
        );
        a.equivalent(&b)
    }

    /// The equivalent pairs listed in RFC 3261 19.1.4.
    #[test]
    fn rfc3261_equivalent_pairs() {
        assert!(eq(
            "sip:%61lice@atlanta.com;transport=TCP",
            "sip:alice@AtLanTa.CoM;Transport=tcp"
        ));
        assert!(eq(
            "sip:carol@chicago.com",
            "sip:carol@chicago.com;newparam=5"
        ));
        assert!(eq(
            "sip:carol@chicago.com;security=on",
            "sip:carol@chicago.com;newparam=5"
        ));
        assert!(eq(
            "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
            "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"
        ));
        assert!(eq(
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
            "sip:alice@atlanta.com?priority=urgent&subject=project%20x"
        ));
    }

    /// The non-equivalent pairs listed in RFC 3261 19.1.4.
    #[test]
    fn rfc3261_different_pairs() {
        assert!(!eq(
            "SIP:ALICE@AtLanTa.CoM;Transport=udp",
            "sip:alice@AtLanTa.CoM;Transport=UDP"
        ));
        assert!(!eq("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060"));
        assert!(!eq(
            "sip:bob@biloxi.com",
            "sip:bob@biloxi.com;transport=udp"
        ));
        assert!(!eq(
            "sip:bob@biloxi.com",
            "sip:bob@biloxi.com:6000;transport=tcp"
        ));
        assert!(!eq(
            "sip:carol@chicago.com",
            "sip:carol@chicago.com?Subject=next%20meeting"
        ));
        assert!(!eq("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4"));
        assert!(!eq(
            "sip:carol@chicago.com;security=on",
            "sip:carol@chicago.com;security=off"
        ));
    }

    #[test]
    fn scheme_password_and_escaped_reserved_bytes_matter() {
        assert!(!eq("sip:a@b.com", "sips:a@b.com"));
        assert!(!eq("sip:a:x@b.com", "sip:a@b.com"));
        assert!(!eq("sip:a%3bb@c.com", "sip:a;b@c.com"));
        assert!(eq("sip:a@[::1]", "sip:a@[0::1]"));
        assert!(!eq("sip:a@c.com;maddr=1.2.3.4", "sip:a@c.com"));
        assert!(eq("sip:a@c.com;lr", "sip:a@c.com"));
        assert!(eq("sip:a@c.com;x;x=1", "sip:a@c.com;x"));
    }

    #[test]
    fn tel_and_other_schemes() {
        let u = |t| Uri::parse(t).unwrap();
        assert!(u("tel:+1-201-555-0123").equivalent(&u("tel:+1(201)5550123")));
        assert!(u("tel:7042;phone-context=EXAMPLE.com;ext=1")
            .equivalent(&u("TEL:7042;ext=1;phone-context=example.com")));
        assert!(!u("tel:7042;phone-context=example.com")
            .equivalent(&u("tel:7042;phone-context=example.org")));
        assert!(!u("tel:+7042").equivalent(&u("tel:7042;phone-context=+1")));
        assert!(!u("tel:+1;ext=2").equivalent(&u("tel:+1")));
        assert!(u("URN:service:sos").equivalent(&u("urn:service:sos")));
        assert!(!u("urn:service:sos").equivalent(&u("urn:service:SOS")));
        assert!(!u("sip:a@b.com").equivalent(&u("urn:a@b.com")));
        assert!(u("sip:%61@b.com").equivalent(&u("sip:a@B.com")));
        assert!(!eq("sip:a@c.com;x=1;x", "sip:a@c.com;x"));
    }
}
