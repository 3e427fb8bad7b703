//! Reason (RFC 3326): `protocol *( SEMI reason-params )` with `cause` and `text`.

use super::params::{Param, ParamValue, Params};
use crate::grammar::{parse_u32, QuotedString, Scanner};
use crate::ValueError;
use core::fmt;

const KNOWN: &[&str] = &["cause", "text"];

/// Why a request (a CANCEL, a BYE) was sent.
///
/// ```
/// use sip_msg::header::Reason;
/// let r = Reason::parse("SIP ;cause=200 ;text=\"Call completed elsewhere\"").unwrap();
/// assert_eq!((r.protocol, r.cause), ("SIP", Some(200)));
/// assert!(r.text.is_some_and(|t| t.eq_text("Call completed elsewhere")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason<'a> {
    /// `SIP`, `Q.850` or another token.
    pub protocol: &'a str,
    /// The `cause` parameter.
    pub cause: Option<u32>,
    /// The `text` parameter.
    pub text: Option<QuotedString<'a>>,
    /// Extension parameters, in order.
    pub params: Params<'a>,
}

impl<'a> Reason<'a> {
    /// Parses one reason-value (split a list with [`split_list`](super::split_list) first).
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let protocol = s.token("protocol")?;
        let mut r = Reason {
            protocol,
            cause: None,
            text: None,
            params: Params::EMPTY,
        };
        r.params = Params::scan_with(&mut s, |p, at| r.take_param(p, at))?.hiding(KNOWN);
        s.finish("SEMI or end of reason-value")?;
        Ok(r)
    }

    fn take_param(&mut self, p: Param<'a>, at: usize) -> Result<(), ValueError> {
        let bad = |what| Err(ValueError::new(at + p.name.len(), what));
        let is = |n: &str| p.name.eq_ignore_ascii_case(n);
        match p.value {
            _ if is("cause") && self.cause.is_some() => {}
            Some(ParamValue::Token(t)) if is("cause") && parse_u32(t).is_some() => {
                self.cause = parse_u32(t)
            }
            _ if is("cause") => return bad("cause digits"),
            _ if is("text") && self.text.is_some() => {}
            Some(ParamValue::Quoted(q)) if is("text") => self.text = Some(q),
            _ if is("text") => return bad("quoted-string"),
            _ => {}
        }
        Ok(())
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.protocol)?;
        if let Some(cause) = self.cause {
            write!(f, ";cause={cause}")?;
        }
        if let Some(text) = self.text {
            write!(f, ";text={text}")?;
        }
        self.params.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_protocol_cause_text() {
        let r = Reason::parse("Q.850;cause=16;text=\"Terminated\";x=y").unwrap();
        assert_eq!((r.protocol, r.cause), ("Q.850", Some(16)));
        assert_eq!(r.to_string(), "Q.850;cause=16;text=\"Terminated\";x=y");
        assert_eq!(Reason::parse(&r.to_string()), Ok(r));
        assert_eq!(
            Reason::parse("SIP").map(|r| (r.cause, r.text)),
            Ok((None, None))
        );
    }

    #[test]
    fn every_error_path_has_its_offset() {
        let err = |t| Reason::parse(t).unwrap_err();
        assert_eq!(err(""), ValueError::new(0, "protocol"));
        assert_eq!(err("SIP;cause=x"), ValueError::new(9, "cause digits"));
        assert_eq!(err("SIP;text=plain"), ValueError::new(8, "quoted-string"));
        assert_eq!(err("SIP;text"), ValueError::new(8, "quoted-string"));
        assert_eq!(
            err("SIP x"),
            ValueError::new(4, "SEMI or end of reason-value")
        );
    }
}
