//! URI comparison of RFC 3261 19.1.4.

use super::escape::escaped_eq;
use super::params::{UriParam, UriParams};
use super::sip::SipUri;

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
        assert!(!eq("sip:a@c.com;x=1;x", "sip:a@c.com;x"));
    }
}
