//! Header parameters: `*( SEMI generic-param )` with `generic-param = token [ EQUAL gen-value ]`
//! and `gen-value = token / host / quoted-string` (RFC 3261 section 25).
//!
//! Parameters are validated once when their header is parsed and kept as the borrowed text;
//! iteration re-reads that text, which costs less than storing them and needs no allocation.

use crate::grammar::{QuotedString, Scanner};
use crate::ValueError;
use core::fmt;

/// A parameter value: a token (also covers host names and IPv4 addresses), an IPv6 reference,
/// or a quoted string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamValue<'a> {
    /// A token or host, as written (an IPv6 reference keeps its brackets).
    Token(&'a str),
    /// A quoted string; the quotes matter for feature tags (RFC 3840) and auth parameters.
    Quoted(QuotedString<'a>),
}

impl<'a> ParamValue<'a> {
    /// The token, or the raw (still escaped) content of the quoted string.
    pub fn as_str(&self) -> &'a str {
        match *self {
            ParamValue::Token(t) => t,
            ParamValue::Quoted(q) => q.raw(),
        }
    }

    /// Whether the value was a quoted string.
    pub fn is_quoted(&self) -> bool {
        matches!(self, ParamValue::Quoted(_))
    }
}

impl fmt::Display for ParamValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Token(t) => f.write_str(t),
            ParamValue::Quoted(q) => q.fmt(f),
        }
    }
}

/// One `name[=value]` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param<'a> {
    /// The parameter name as written; compare it case-insensitively.
    pub name: &'a str,
    /// The value, absent for a flag such as `lr` or `+g.oma.sip-im`.
    pub value: Option<ParamValue<'a>>,
}

impl fmt::Display for Param<'_> {
    /// Writes `;name` or `;name=value`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, ";{}", self.name)?;
        match &self.value {
            Some(v) => write!(f, "={v}"),
            None => Ok(()),
        }
    }
}

/// A validated run of `;name[=value]` parameters, borrowed from the header value.
///
/// Typed headers move the parameters they understand (e.g. Via `branch`) into their own fields
/// and list those names as hidden here, so iteration yields only the remaining ones.
#[derive(Debug, Clone, Copy)]
pub struct Params<'a> {
    raw: &'a str,
    hidden: &'static [&'static str],
}

impl<'a> Params<'a> {
    /// No parameters.
    pub const EMPTY: Params<'static> = Params {
        raw: "",
        hidden: &[],
    };

    /// Parses a whole string of parameters such as `;tag=1;+g.oma.sip-im`, e.g. for a builder.
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(text);
        let params = Params::scan(&mut s)?;
        s.finish("SEMI")?;
        Ok(params)
    }

    /// Reads `*( SEMI generic-param )` at the scanner's position.
    pub fn scan(s: &mut Scanner<'a>) -> Result<Self, ValueError> {
        Params::scan_with(s, |_, _| Ok(()))
    }

    /// Like [`Params::scan`], handing each parameter and the offset of its name to `visit`,
    /// which lets a typed header pick and check its own parameters in the same pass.
    pub fn scan_with(
        s: &mut Scanner<'a>,
        mut visit: impl FnMut(Param<'a>, usize) -> Result<(), ValueError>,
    ) -> Result<Self, ValueError> {
        let start = s.pos();
        let mut end = start;
        while s.try_separator(b';') {
            let at = s.pos();
            visit(scan_param(s)?, at)?;
            end = s.pos();
        }
        Ok(Params {
            raw: s.slice(start, end),
            hidden: &[],
        })
    }

    /// Parameters already checked against the grammar by a caller's own scan.
    pub(crate) fn checked(raw: &'a str) -> Self {
        Params { raw, hidden: &[] }
    }

    /// The same parameters with `names` left out of iteration and lookup.
    pub fn hiding(self, names: &'static [&'static str]) -> Self {
        Params {
            raw: self.raw,
            hidden: names,
        }
    }

    /// Iterates the visible parameters in order.
    pub fn iter(&self) -> ParamIter<'a> {
        ParamIter {
            scanner: Scanner::new(self.raw),
            hidden: self.hidden,
        }
    }

    /// The first visible parameter named `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<Param<'a>> {
        self.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Whether a visible parameter named `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Whether there is no visible parameter.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl PartialEq for Params<'_> {
    /// Same visible parameters in the same order, names compared case-insensitively.
    fn eq(&self, other: &Self) -> bool {
        let same =
            |a: Param<'_>, b: Param<'_>| a.name.eq_ignore_ascii_case(b.name) && a.value == b.value;
        let mut left = self.iter();
        let mut right = other.iter();
        loop {
            match (left.next(), right.next()) {
                (None, None) => return true,
                (Some(a), Some(b)) if same(a, b) => {}
                _ => return false,
            }
        }
    }
}

impl Eq for Params<'_> {}

impl fmt::Display for Params<'_> {
    /// Writes each visible parameter as `;name[=value]`, without whitespace.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.iter().try_for_each(|p| p.fmt(f))
    }
}

/// Iterator over [`Params`].
#[derive(Debug, Clone)]
pub struct ParamIter<'a> {
    scanner: Scanner<'a>,
    hidden: &'static [&'static str],
}

impl<'a> Iterator for ParamIter<'a> {
    type Item = Param<'a>;
    fn next(&mut self) -> Option<Param<'a>> {
        loop {
            if !self.scanner.try_separator(b';') {
                return None;
            }
            let param = scan_param(&mut self.scanner).ok()?;
            if !self
                .hidden
                .iter()
                .any(|h| h.eq_ignore_ascii_case(param.name))
            {
                return Some(param);
            }
        }
    }
}

/// A token, or an IPv6 address without brackets: RFC 3261 gives the Via `received` parameter
/// that form, and the generic grammar would otherwise stop at its first colon.
fn scan_token_or_ipv6<'a>(s: &mut Scanner<'a>) -> Result<&'a str, ValueError> {
    // An address holds a colon, which no token does: a token not followed by one is the value.
    let mut probe = s.clone();
    let token = probe.take_while(crate::grammar::is_token);
    if !token.is_empty() && probe.peek() != Some(b':') {
        *s = probe;
        return Ok(token);
    }
    let start = s.pos();
    let mut probe = s.clone();
    let run = probe.take_while(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    if !run.contains(':') || probe.peek().is_some_and(crate::grammar::is_token) {
        return s.token("parameter value");
    }
    crate::uri::host::parse_ipv6(run).ok_or(ValueError::new(start, "IPv6address"))?;
    *s = probe;
    Ok(run)
}

/// `token [ EQUAL gen-value ]`.
fn scan_param<'a>(s: &mut Scanner<'a>) -> Result<Param<'a>, ValueError> {
    let name = s.token("parameter name")?;
    if !s.try_separator(b'=') {
        return Ok(Param { name, value: None });
    }
    let value = match s.peek() {
        Some(b'"') => ParamValue::Quoted(s.quoted_string()?),
        Some(b'[') => {
            let start = s.pos();
            crate::uri::host::scan_host(s)?;
            ParamValue::Token(s.slice(start, s.pos()))
        }
        _ => ParamValue::Token(scan_token_or_ipv6(s)?),
    };
    Ok(Param {
        name,
        value: Some(value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(raw: &str) -> ParamValue<'_> {
        ParamValue::Quoted(QuotedString::new(raw).unwrap())
    }

    #[test]
    fn iterates_flags_tokens_hosts_and_quoted_values() {
        let p = Params::parse(" ;lr; Tag = a1 ;maddr=[::1];+g.x=\"<a;b>\" ").unwrap();
        let all: Vec<_> = p.iter().collect();
        assert_eq!(all.len(), 4);
        assert_eq!(
            all[0],
            Param {
                name: "lr",
                value: None
            }
        );
        assert_eq!(
            all[1],
            Param {
                name: "Tag",
                value: Some(ParamValue::Token("a1"))
            }
        );
        assert_eq!(all[2].value, Some(ParamValue::Token("[::1]")));
        assert_eq!(all[3].value, Some(quoted("<a;b>")));
        assert!(all[3].value.unwrap().is_quoted());
        assert_eq!(
            p.get("TAG").and_then(|p| p.value).map(|v| v.as_str()),
            Some("a1")
        );
        assert!(p.contains("+G.X") && !p.contains("ttl"));
    }

    #[test]
    fn folded_whitespace_between_parameters() {
        let p = Params::parse(";a=1\r\n ;\r\n\tb").unwrap();
        assert_eq!(p.to_string(), ";a=1;b");
    }

    #[test]
    fn hidden_names_are_skipped() {
        let p = Params::parse(";branch=z9hG4bK1;x=2;BRANCH=3")
            .unwrap()
            .hiding(&["branch"]);
        assert_eq!(p.to_string(), ";x=2");
        assert!(p.get("branch").is_none());
        assert!(!p.is_empty());
    }

    #[test]
    fn errors_point_at_the_bad_byte() {
        assert_eq!(
            Params::parse(";").unwrap_err(),
            ValueError::new(1, "parameter name")
        );
        assert_eq!(
            Params::parse(";a=").unwrap_err(),
            ValueError::new(3, "parameter value")
        );
        assert_eq!(
            Params::parse(";a=\"x").unwrap_err(),
            ValueError::new(5, "closing DQUOTE")
        );
        assert_eq!(
            Params::parse(";a=[::1").unwrap_err(),
            ValueError::new(7, "]")
        );
        assert_eq!(
            Params::parse(";a b").unwrap_err(),
            ValueError::new(3, "SEMI")
        );
        assert_eq!(Params::parse("x").unwrap_err(), ValueError::new(0, "SEMI"));
    }

    #[test]
    fn visitor_sees_offsets_and_can_reject() {
        let mut s = Scanner::new("x;a=1;bad=2");
        s.eat(b'x');
        let mut seen = Vec::new();
        let err = Params::scan_with(&mut s, |p, at| {
            seen.push((p.name, at));
            if p.name == "bad" {
                Err(ValueError::new(at, "known parameter"))
            } else {
                Ok(())
            }
        });
        assert_eq!(err.unwrap_err(), ValueError::new(6, "known parameter"));
        assert_eq!(seen, [("a", 2), ("bad", 6)]);
    }

    #[test]
    fn equality_ignores_name_case_and_spacing() {
        assert_eq!(
            Params::parse(";A=1;b").unwrap(),
            Params::parse(" ; a = 1 ; b").unwrap()
        );
        assert_ne!(
            Params::parse(";a=1").unwrap(),
            Params::parse(";a=\"1\"").unwrap()
        );
        assert_eq!(Params::EMPTY, Params::parse("").unwrap());
    }

    #[test]
    fn bare_ipv6_values() {
        let p = Params::parse(";received=2001:db8::1;x=ab").unwrap();
        assert_eq!(
            p.get("received").and_then(|p| p.value),
            Some(ParamValue::Token("2001:db8::1"))
        );
        assert_eq!(
            Params::parse(";r=1::2::3").unwrap_err(),
            ValueError::new(3, "IPv6address")
        );
    }
}
