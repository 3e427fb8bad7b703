//! The address of From, To, Contact, Route, Record-Route and Reply-To (RFC 3261 20.10, 20.20,
//! 20.39, 25): `( name-addr / addr-spec ) *( SEMI param )`.
//!
//! Without angle brackets the URI ends at the first `;`, so every parameter after it belongs to
//! the header (`sip:a@b;tag=1` has a `tag`, not a URI parameter), and such a URI may not hold
//! `,`, `?` or `;` at all.

use super::params::{Param, ParamValue, Params};
use crate::grammar::{is_token, parse_u32, write_quoted, QuotedString, Scanner};
use crate::uri::Uri;
use crate::ValueError;
use core::fmt;

/// A display name: a run of tokens (`Alice Smith`) or a quoted string (`"Alice, Smith"`).
#[derive(Debug, Clone, Copy)]
pub enum DisplayName<'a> {
    /// Tokens separated by whitespace, as written.
    Tokens(&'a str),
    /// The content of a quoted string.
    Quoted(QuotedString<'a>),
}

impl<'a> DisplayName<'a> {
    /// The tokens of a token display name (empty for a quoted one).
    fn tokens(&self) -> impl Iterator<Item = &'a str> {
        let text = match self {
            DisplayName::Tokens(t) => *t,
            DisplayName::Quoted(_) => "",
        };
        text.split(|c: char| !is_token_char(c))
            .filter(|t| !t.is_empty())
    }

    /// Whether the display name reads `text` (tokens joined by one space, or the unescaped
    /// quoted content).
    pub fn eq_text(&self, text: &str) -> bool {
        match self {
            DisplayName::Quoted(q) => q.eq_text(text),
            DisplayName::Tokens(_) => self.tokens().eq(text.split(' ')),
        }
    }
}

fn is_token_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_token)
}

impl PartialEq for DisplayName<'_> {
    /// Token names compare token by token (whitespace and folds do not matter), quoted names
    /// by their unescaped content.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DisplayName::Tokens(_), DisplayName::Tokens(_)) => self.tokens().eq(other.tokens()),
            (DisplayName::Quoted(a), DisplayName::Quoted(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for DisplayName<'_> {}

impl fmt::Display for DisplayName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DisplayName::Quoted(q) => q.fmt(f),
            DisplayName::Tokens(_) => {
                for (i, token) in self.tokens().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    f.write_str(token)?;
                }
                Ok(())
            }
        }
    }
}

/// Header parameters with their own field, hidden from [`NameAddr::params`].
const KNOWN: &[&str] = &["tag"];

/// An address with its header parameters.
///
/// ```
/// use sip_msg::header::NameAddr;
/// let to = NameAddr::parse("\"Bob\" <sip:bob@biloxi.com;lr>;tag=a6c85cf").unwrap();
/// assert!(to.display_name.is_some_and(|d| d.eq_text("Bob")));
/// assert_eq!(to.tag, Some("a6c85cf"));
/// assert_eq!(to.uri.as_sip().map(|u| u.params.lr()), Some(true));
///
/// // Without brackets, `;tag` belongs to the header, not to the URI.
/// let from = NameAddr::parse("sip:alice@atlanta.com;tag=1928301774").unwrap();
/// assert_eq!(from.tag, Some("1928301774"));
/// assert_eq!(from.to_string(), "<sip:alice@atlanta.com>;tag=1928301774");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameAddr<'a> {
    /// The display name, if any.
    pub display_name: Option<DisplayName<'a>>,
    /// The address.
    pub uri: Uri<'a>,
    /// The `tag` parameter (From and To).
    pub tag: Option<&'a str>,
    /// The other header parameters (`expires`, `q`, feature tags, ...), in order.
    pub params: Params<'a>,
}

impl<'a> NameAddr<'a> {
    /// An address with no display name and no parameters.
    pub fn new(uri: Uri<'a>) -> Self {
        NameAddr {
            display_name: None,
            uri,
            tag: None,
            params: Params::EMPTY,
        }
    }

    /// Parses one address in either form; surrounding whitespace is ignored.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        Self::parse_form(value, false)
    }

    /// Parses one element of Route or Record-Route, whose grammar allows only the name-addr
    /// form (`<uri>`, RFC 3261 20.30, 20.34).
    pub fn parse_route(value: &'a str) -> Result<Self, ValueError> {
        Self::parse_form(value, true)
    }

    /// The value of a From or To header line at `offset` in a message, typed as the
    /// accessors return it; built where the caller receives it, which spares copying the
    /// address from one result type into another.
    pub(crate) fn parse_header(
        name: crate::HeaderName,
        value: &'a str,
        offset: usize,
    ) -> Result<Option<Self>, crate::Error> {
        match common::parse(value) {
            Some(addr) => Ok(Some(addr)),
            None => Self::parse_grammar(value, false)
                .map(Some)
                .map_err(|e| crate::Error::value(name, offset, e)),
        }
    }

    fn parse_form(value: &'a str, brackets_required: bool) -> Result<Self, ValueError> {
        match common::parse(value) {
            Some(addr) => Ok(addr),
            None => Self::parse_grammar(value, brackets_required),
        }
    }

    /// The full grammar: every shape, and the error of every invalid value.
    fn parse_grammar(value: &'a str, brackets_required: bool) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let display_name = scan_display_name(&mut s)?;
        let uri = if display_name.is_some() || s.peek() == Some(b'<') || brackets_required {
            scan_bracketed_uri(&mut s)?
        } else {
            scan_addr_spec(&mut s)?
        };
        let mut addr = NameAddr {
            display_name,
            uri,
            tag: None,
            params: Params::EMPTY,
        };
        addr.params = Params::scan_with(&mut s, |p, at| addr.check_param(p, at))?.hiding(KNOWN);
        s.finish("SEMI or end of address")?;
        Ok(addr)
    }

    /// The `expires` parameter (Contact), in seconds.
    pub fn expires(&self) -> Option<u32> {
        number(self.params.get("expires")?.value?)
    }

    /// The `q` parameter (Contact) in thousandths: `q=0.7` gives 700, `q=1` gives 1000.
    pub fn q(&self) -> Option<u16> {
        match self.params.get("q")?.value? {
            ParamValue::Token(t) => qvalue(t),
            ParamValue::Quoted(_) => None,
        }
    }

    /// The feature parameters of RFC 3840 (names starting with `+`, e.g. `+g.oma.sip-im`).
    pub fn feature_tags(&self) -> impl Iterator<Item = Param<'a>> {
        self.params.iter().filter(|p| p.name.starts_with('+'))
    }

    fn check_param(&mut self, p: Param<'a>, at: usize) -> Result<(), ValueError> {
        check_param(&mut self.tag, p, at)
    }
}

/// Checks a header parameter of an address and takes the first `tag` into `tag`. A function
/// of the tag alone, so that the direct path can build its address in one piece at the end.
fn check_param<'a>(tag: &mut Option<&'a str>, p: Param<'a>, at: usize) -> Result<(), ValueError> {
    let bad = |what| Err(ValueError::new(at + p.name.len(), what));
    let is = |n: &str| p.name.eq_ignore_ascii_case(n);
    match p.value {
        _ if is("tag") && tag.is_some() => {}
        Some(ParamValue::Token(t)) if is("tag") => *tag = Some(t),
        _ if is("tag") => return bad("tag token"),
        Some(v) if is("expires") && number(v).is_none() => return bad("delta-seconds"),
        Some(ParamValue::Token(t)) if is("q") && qvalue(t).is_none() => return bad("qvalue"),
        Some(ParamValue::Quoted(_)) if is("q") => return bad("qvalue"),
        None if is("expires") || is("q") => return bad("EQUAL"),
        _ => {}
    }
    Ok(())
}

fn number(value: ParamValue<'_>) -> Option<u32> {
    match value {
        ParamValue::Token(t) => parse_u32(t),
        ParamValue::Quoted(_) => None,
    }
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(core::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Reads a display name if one is there; leaves the scanner untouched otherwise.
fn scan_display_name<'a>(s: &mut Scanner<'a>) -> Result<Option<DisplayName<'a>>, ValueError> {
    if s.peek() == Some(b'"') {
        let quoted = s.quoted_string()?;
        s.skip_sws();
        return Ok(Some(DisplayName::Quoted(quoted)));
    }
    let start = s.pos();
    let mut probe = s.clone();
    let mut end = start;
    while probe.peek().is_some_and(is_token) {
        probe.take_while(is_token);
        end = probe.pos();
        probe.skip_sws();
    }
    // Tokens count as a display name only when `<` follows them; otherwise they are the start
    // of an addr-spec such as `sip:...`.
    if end == start || probe.peek() != Some(b'<') {
        return Ok(None);
    }
    *s = probe;
    Ok(Some(DisplayName::Tokens(s.slice(start, end))))
}

/// `LAQUOT addr-spec RAQUOT`.
fn scan_bracketed_uri<'a>(s: &mut Scanner<'a>) -> Result<Uri<'a>, ValueError> {
    s.expect(b'<', "LAQUOT")?;
    let start = s.pos();
    let len = memchr::memchr(b'>', s.rest().as_bytes()).ok_or(s.error("RAQUOT"))?;
    let uri = Uri::parse(s.slice(start, start + len)).map_err(|e| e.shifted(start))?;
    s.skip(len + 1);
    Ok(uri)
}

/// An addr-spec: the URI runs to the first `;` or whitespace and may not hold `,` or `?`.
fn scan_addr_spec<'a>(s: &mut Scanner<'a>) -> Result<Uri<'a>, ValueError> {
    let start = s.pos();
    let text = s.take_while(|b| !matches!(b, b';' | b' ' | b'\t' | b'\r' | b'\n'));
    if let Some(bad) = text.find([',', '?']) {
        return Err(ValueError::new(
            start + bad,
            "name-addr for a URI with , ? or ;",
        ));
    }
    Uri::parse(text).map_err(|e| e.shifted(start))
}

impl fmt::Display for NameAddr<'_> {
    /// Always writes the name-addr form (`<uri>`), which is valid for every URI.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.display_name {
            // A token name without tokens has nothing to write.
            let empty = matches!(name, DisplayName::Tokens(_)) && name.tokens().next().is_none();
            if !empty {
                write!(f, "{name} ")?;
            }
        }
        write!(f, "<{}>", self.uri)?;
        if let Some(tag) = self.tag {
            write!(f, ";tag={tag}")?;
        }
        self.params.fmt(f)
    }
}

/// Writes `text` as a quoted display name followed by a space, for builders holding a plain
/// string rather than a parsed [`DisplayName`].
pub fn write_display_name(f: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    write_quoted(f, text)?;
    f.write_char(' ')
}

mod common;
#[cfg(test)]
mod tests;
