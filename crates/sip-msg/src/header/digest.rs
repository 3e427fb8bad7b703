//! Writing the Digest credentials a client sends in answer to a challenge (RFC 3261 22.4,
//! RFC 8760), from plain strings the caller computed.

use super::auth::Algorithm;
use crate::grammar::write_quoted;
use core::fmt;

/// The fields of `Authorization: Digest ...` (or Proxy-Authorization), written in canonical
/// form by `Display`: quoted values are escaped, `nc` is eight hex digits.
///
/// ```
/// use sip_msg::header::{Credentials, DigestCredentials};
/// let creds = DigestCredentials::new("bob", "biloxi.com", "dcd98b", "sip:bob@biloxi.com", "6629fae4");
/// let text = creds.to_string();
/// assert_eq!(text, r#"Digest username="bob", realm="biloxi.com", nonce="dcd98b", uri="sip:bob@biloxi.com", response="6629fae4""#);
/// assert_eq!(Credentials::parse(&text).unwrap().username(), Some("bob"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestCredentials<'a> {
    /// `username`.
    pub username: &'a str,
    /// `realm`, copied from the challenge.
    pub realm: &'a str,
    /// `nonce`, copied from the challenge.
    pub nonce: &'a str,
    /// `uri`: the Request-URI.
    pub uri: &'a str,
    /// `response`: the request digest in lower-case hex.
    pub response: &'a str,
    /// `algorithm`, written only when set.
    pub algorithm: Option<Algorithm<'a>>,
    /// `cnonce`, required with `qop`.
    pub cnonce: Option<&'a str>,
    /// `opaque`, echoed from the challenge.
    pub opaque: Option<&'a str>,
    /// `qop`: the chosen quality of protection, e.g. `auth`.
    pub qop: Option<&'a str>,
    /// `nc`: the nonce count, required with `qop`.
    pub nc: Option<u32>,
}

impl<'a> DigestCredentials<'a> {
    /// Credentials with the five fields every Digest answer carries.
    pub fn new(
        username: &'a str,
        realm: &'a str,
        nonce: &'a str,
        uri: &'a str,
        response: &'a str,
    ) -> Self {
        DigestCredentials {
            username,
            realm,
            nonce,
            uri,
            response,
            algorithm: None,
            cnonce: None,
            opaque: None,
            qop: None,
            nc: None,
        }
    }
}

impl fmt::Display for DigestCredentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = [
            ("username", Some(self.username)),
            ("realm", Some(self.realm)),
            ("nonce", Some(self.nonce)),
            ("uri", Some(self.uri)),
            ("response", Some(self.response)),
        ];
        f.write_str("Digest ")?;
        for (i, (name, value)) in quoted.iter().enumerate() {
            if let Some(value) = value {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{name}=")?;
                write_quoted(f, value)?;
            }
        }
        if let Some(algorithm) = self.algorithm {
            write!(f, ", algorithm={algorithm}")?;
        }
        for (name, value) in [("cnonce", self.cnonce), ("opaque", self.opaque)] {
            if let Some(value) = value {
                write!(f, ", {name}=")?;
                write_quoted(f, value)?;
            }
        }
        if let Some(qop) = self.qop {
            write!(f, ", qop={qop}")?;
        }
        if let Some(nc) = self.nc {
            write!(f, ", nc={nc:08x}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::Credentials;

    /// Written credentials parse back to the same fields, escapes included.
    #[test]
    fn written_credentials_parse_back() {
        let creds = DigestCredentials {
            algorithm: Some(Algorithm::Sha256Sess),
            cnonce: Some("0a4f113b"),
            opaque: Some("5ccc\"x"),
            qop: Some("auth"),
            nc: Some(0x1f),
            ..DigestCredentials::new(
                "bo\\b",
                "biloxi.com",
                "dcd98b",
                "sip:bob@biloxi.com",
                "6629",
            )
        };
        let text = creds.to_string();
        assert_eq!(
            text,
            r#"Digest username="bo\\b", realm="biloxi.com", nonce="dcd98b", uri="sip:bob@biloxi.com", response="6629", algorithm=SHA-256-sess, cnonce="0a4f113b", opaque="5ccc\"x", qop=auth, nc=0000001f"#
        );
        let parsed = Credentials::parse(&text).unwrap();
        assert_eq!(
            parsed.params.get("username").map(|v| v.to_string()),
            Some(r#""bo\\b""#.to_string())
        );
        assert_eq!(
            (parsed.realm(), parsed.nonce(), parsed.uri()),
            (
                Some("biloxi.com"),
                Some("dcd98b"),
                Some("sip:bob@biloxi.com")
            )
        );
        assert_eq!(
            (
                parsed.algorithm(),
                parsed.cnonce(),
                parsed.qop(),
                parsed.nc()
            ),
            (
                Algorithm::Sha256Sess,
                Some("0a4f113b"),
                Some("auth"),
                Some(31)
            )
        );
        assert_eq!(parsed.response(), Some("6629"));
    }
}
