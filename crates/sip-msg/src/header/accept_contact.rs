//! Accept-Contact (RFC 3841 section 9): `ac-value *( COMMA ac-value )` with
//! `ac-value = "*" *( SEMI ac-params )`; the compact form `a` is resolved by the message layer.

use super::params::{Param, ParamValue, Params};
use crate::grammar::Scanner;
use crate::ValueError;
use core::fmt;

/// One ac-value: `*` with feature parameters (RFC 3840) and the `require`/`explicit` flags.
///
/// ```
/// use sip_msg::header::AcceptContact;
/// let ac = AcceptContact::parse("*;+g.oma.sip-im.large-message;require;explicit").unwrap();
/// assert!(ac.require() && ac.explicit());
/// assert_eq!(ac.feature_tags().next().map(|p| p.name), Some("+g.oma.sip-im.large-message"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptContact<'a> {
    /// All parameters in order, flags included.
    pub params: Params<'a>,
}

impl<'a> AcceptContact<'a> {
    /// Parses one ac-value.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        s.expect(b'*', "*")?;
        let params = Params::scan_with(&mut s, check_param)?;
        s.finish("SEMI or end of ac-value")?;
        Ok(AcceptContact { params })
    }

    /// The feature parameters (names starting with `+`).
    pub fn feature_tags(&self) -> impl Iterator<Item = Param<'a>> {
        self.params.iter().filter(|p| p.name.starts_with('+'))
    }

    /// Whether `;require` is present.
    pub fn require(&self) -> bool {
        self.params.contains("require")
    }

    /// Whether `;explicit` is present.
    pub fn explicit(&self) -> bool {
        self.params.contains("explicit")
    }
}

/// RFC 3840 feature values are always quoted, and `require`/`explicit` carry no value.
fn check_param(p: Param<'_>, at: usize) -> Result<(), ValueError> {
    let value_at = at + p.name.len();
    let flag = p.name.eq_ignore_ascii_case("require") || p.name.eq_ignore_ascii_case("explicit");
    match p.value {
        Some(ParamValue::Token(_)) if p.name.starts_with('+') => {
            Err(ValueError::new(value_at, "quoted feature value"))
        }
        Some(_) if flag => Err(ValueError::new(value_at, "flag without value")),
        _ => Ok(()),
    }
}

impl fmt::Display for AcceptContact<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "*{}", self.params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::split_list;

    /// HDR-AC-1: a list of `*` values with flag and quoted feature parameters, `require` and
    /// `explicit`, read element by element after splitting the comma list.
    #[test]
    fn accept_contact_list() {
        let value = "*;+g.oma.sip-im.large-message, *;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg\";require;explicit ,*";
        let values: Vec<_> = split_list(value)
            .map(|(at, v)| AcceptContact::parse(v).map_err(|e| e.shifted(at)))
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(values.len(), 3);
        let tag = values[0].feature_tags().next().unwrap();
        assert_eq!((tag.name, tag.value), ("+g.oma.sip-im.large-message", None));
        assert!(!values[0].require() && !values[0].explicit());
        let icsi = values[1].feature_tags().next().unwrap();
        assert_eq!(
            icsi.value.map(|v| v.as_str()),
            Some("urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg")
        );
        assert!(values[1].require() && values[1].explicit());
        assert!(values[2].params.is_empty());
        for v in &values {
            assert_eq!(AcceptContact::parse(&v.to_string()).as_ref(), Ok(v));
        }
        assert_eq!(values[1].to_string(), "*;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg\";require;explicit");
    }

    #[test]
    fn folding_and_case() {
        let ac = AcceptContact::parse(" *\r\n ;\t+G.Tag ; REQUIRE ").unwrap();
        assert!(ac.require());
        assert_eq!(ac.to_string(), "*;+G.Tag;REQUIRE");
    }

    #[test]
    fn every_error_path_has_its_offset() {
        let err = |t| AcceptContact::parse(t).unwrap_err();
        assert_eq!(err("sip:a@b"), ValueError::new(0, "*"));
        assert_eq!(
            err("*;+g.x=tok"),
            ValueError::new(6, "quoted feature value")
        );
        assert_eq!(err("*;require=1"), ValueError::new(9, "flag without value"));
        assert_eq!(err("*;"), ValueError::new(2, "parameter name"));
        assert_eq!(err("*;+g.x=\"a"), ValueError::new(9, "closing DQUOTE"));
        assert_eq!(err("* x"), ValueError::new(2, "SEMI or end of ac-value"));
    }
}
