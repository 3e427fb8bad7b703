//! Content-Type (RFC 3261 20.15): `m-type SLASH m-subtype *( SEMI m-parameter )`.

use super::params::{Param, ParamValue, Params};
use crate::grammar::Scanner;
use crate::ValueError;
use core::fmt;

/// A media type with its parameters.
///
/// ```
/// use sip_msg::header::ContentType;
/// let ct = ContentType::parse("multipart/mixed; boundary=\"b-1\"").unwrap();
/// assert!(ct.is("Multipart", "MIXED"));
/// assert_eq!(ct.boundary(), Some("b-1"));
/// assert_eq!(ct.to_string(), "multipart/mixed;boundary=\"b-1\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentType<'a> {
    /// The type, e.g. `application`.
    pub mtype: &'a str,
    /// The subtype, e.g. `sdp`.
    pub subtype: &'a str,
    /// The parameters, in order (each has a value).
    pub params: Params<'a>,
}

impl<'a> ContentType<'a> {
    /// A media type without parameters.
    pub fn new(mtype: &'a str, subtype: &'a str) -> Self {
        ContentType {
            mtype,
            subtype,
            params: Params::EMPTY,
        }
    }

    /// Parses a Content-Type value; surrounding whitespace is ignored.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let mtype = s.token("m-type")?;
        s.slash()?;
        let subtype = s.token("m-subtype")?;
        let params = Params::scan_with(&mut s, require_value)?;
        s.finish("SEMI or end of media-type")?;
        Ok(ContentType {
            mtype,
            subtype,
            params,
        })
    }

    /// Whether the type and subtype are these (case-insensitive).
    pub fn is(&self, mtype: &str, subtype: &str) -> bool {
        self.mtype.eq_ignore_ascii_case(mtype) && self.subtype.eq_ignore_ascii_case(subtype)
    }

    /// The `boundary` of a multipart body, without quotes.
    pub fn boundary(&self) -> Option<&'a str> {
        self.param("boundary")
    }

    /// The `charset` parameter, without quotes.
    pub fn charset(&self) -> Option<&'a str> {
        self.param("charset")
    }

    /// The value of a parameter, without quotes (escapes kept).
    pub fn param(&self, name: &str) -> Option<&'a str> {
        self.params.get(name)?.value.map(|v| v.as_str())
    }
}

/// `m-parameter = m-attribute EQUAL m-value`: unlike generic parameters, a value is required.
fn require_value(p: Param<'_>, at: usize) -> Result<(), ValueError> {
    match p.value {
        Some(ParamValue::Token(_) | ParamValue::Quoted(_)) => Ok(()),
        None => Err(ValueError::new(at + p.name.len(), "EQUAL")),
    }
}

impl fmt::Display for ContentType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}{}", self.mtype, self.subtype, self.params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_types_and_parameters() {
        let ct = ContentType::parse("application/sdp").unwrap();
        assert!(ct.is("application", "sdp") && ct.params.is_empty());
        let ct = ContentType::parse(" text/plain ;\r\n charset = UTF-8 ").unwrap();
        assert_eq!(ct.charset(), Some("UTF-8"));
        assert_eq!(ct.to_string(), "text/plain;charset=UTF-8");
        let ct = ContentType::parse("message/cpim;x=\"a\\\"b\"").unwrap();
        assert_eq!(ct.param("X"), Some("a\\\"b"));
        assert_eq!(ContentType::parse(&ct.to_string()), Ok(ct));
        assert_eq!(
            ContentType::new("application", "resource-lists+xml").to_string(),
            "application/resource-lists+xml"
        );
    }

    #[test]
    fn every_error_path_has_its_offset() {
        let err = |t| ContentType::parse(t).unwrap_err();
        assert_eq!(err(""), ValueError::new(0, "m-type"));
        assert_eq!(err("text"), ValueError::new(4, "SLASH"));
        assert_eq!(err("text/"), ValueError::new(5, "m-subtype"));
        assert_eq!(err("text/plain;charset"), ValueError::new(18, "EQUAL"));
        assert_eq!(err("text/plain;"), ValueError::new(11, "parameter name"));
        assert_eq!(
            err("text/plain x"),
            ValueError::new(11, "SEMI or end of media-type")
        );
        assert_eq!(
            err("text/plain, a/b"),
            ValueError::new(10, "SEMI or end of media-type")
        );
    }
}
