//! Privacy (RFC 3323 4.2, RFC 3325 9.3): `priv-value *( ";" priv-value )`.

use crate::grammar::Scanner;
use crate::ValueError;
use core::fmt;

/// One privacy value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivValue<'a> {
    /// `header`: hide headers that identify the user.
    Header,
    /// `session`: hide the session description.
    Session,
    /// `user`: user-level privacy.
    User,
    /// `none`: no privacy.
    None,
    /// `critical`: fail rather than go without privacy.
    Critical,
    /// `id` (RFC 3325): hide the asserted identity.
    Id,
    /// Any other token, kept as written.
    Other(&'a str),
}

impl<'a> PrivValue<'a> {
    /// Reads a token; the known values compare case-insensitively like every token.
    pub fn from_token(token: &'a str) -> Self {
        const KNOWN: [(&str, PrivValue<'static>); 6] = [
            ("header", PrivValue::Header),
            ("session", PrivValue::Session),
            ("user", PrivValue::User),
            ("none", PrivValue::None),
            ("critical", PrivValue::Critical),
            ("id", PrivValue::Id),
        ];
        KNOWN
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(token))
            .map_or(PrivValue::Other(token), |(_, v)| *v)
    }

    /// The value as written on the wire (canonical lower case for known values).
    pub fn as_str(&self) -> &'a str {
        match *self {
            PrivValue::Header => "header",
            PrivValue::Session => "session",
            PrivValue::User => "user",
            PrivValue::None => "none",
            PrivValue::Critical => "critical",
            PrivValue::Id => "id",
            PrivValue::Other(t) => t,
        }
    }
}

/// A Privacy header value.
///
/// ```
/// use sip_msg::header::{PrivValue, Privacy};
/// let p = Privacy::parse("id;critical").unwrap();
/// assert!(p.contains(PrivValue::Id) && p.contains(PrivValue::Critical));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Privacy<'a> {
    raw: &'a str,
}

impl<'a> Privacy<'a> {
    /// Parses a `;`-separated list of at least one token.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        s.token("priv-value")?;
        while s.try_separator(b';') {
            s.token("priv-value")?;
        }
        s.finish("; or end of Privacy")?;
        Ok(Privacy { raw: value })
    }

    /// The values in order.
    pub fn values(&self) -> impl Iterator<Item = PrivValue<'a>> {
        self.raw
            .split(';')
            .map(|v| PrivValue::from_token(crate::grammar::trim_lws(v).1))
    }

    /// Whether `value` is listed (unknown values compare case-insensitively).
    pub fn contains(&self, value: PrivValue<'_>) -> bool {
        self.values()
            .any(|v| v.as_str().eq_ignore_ascii_case(value.as_str()))
    }
}

impl PartialEq for Privacy<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.values().eq(other.values())
    }
}

impl Eq for Privacy<'_> {}

impl fmt::Display for Privacy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.values().enumerate() {
            if i > 0 {
                f.write_str(";")?;
            }
            f.write_str(v.as_str())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// HDR-PRIV-1: `Privacy: id` and longer lists read as privacy tokens, known and unknown.
    #[test]
    fn privacy_token_list() {
        let p = Privacy::parse("id").unwrap();
        assert_eq!(p.values().collect::<Vec<_>>(), [PrivValue::Id]);
        let p = Privacy::parse(" Header ;\r\n session;user;none;critical;ID;x-custom ").unwrap();
        assert_eq!(
            p.values().collect::<Vec<_>>(),
            [
                PrivValue::Header,
                PrivValue::Session,
                PrivValue::User,
                PrivValue::None,
                PrivValue::Critical,
                PrivValue::Id,
                PrivValue::Other("x-custom")
            ]
        );
        assert!(p.contains(PrivValue::Other("X-CUSTOM")));
        assert_eq!(
            p.to_string(),
            "header;session;user;none;critical;id;x-custom"
        );
        assert_eq!(Privacy::parse(&p.to_string()), Ok(p));
    }

    #[test]
    fn every_error_path_has_its_offset() {
        let err = |t| Privacy::parse(t).unwrap_err();
        assert_eq!(err(""), ValueError::new(0, "priv-value"));
        assert_eq!(err("id;"), ValueError::new(3, "priv-value"));
        assert_eq!(err("id, user"), ValueError::new(2, "; or end of Privacy"));
        assert_eq!(err("id user"), ValueError::new(3, "; or end of Privacy"));
    }
}
