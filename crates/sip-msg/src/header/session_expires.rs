//! Session-Expires and Min-SE of RFC 4028 section 4: `delta-seconds *( SEMI params )`, with
//! `refresher=uac|uas` on Session-Expires.

use super::params::{Param, ParamValue, Params};
use crate::grammar::Scanner;
use crate::ValueError;
use core::fmt;

/// The smallest session interval RFC 4028 (4, 5) lets any element ask for, in seconds.
pub const MIN_SESSION_INTERVAL: u32 = 90;

/// Which side refreshes the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresher {
    /// `refresher=uac`: the side that sent the request.
    Uac,
    /// `refresher=uas`: the side that answers it.
    Uas,
}

const KNOWN: &[&str] = &["refresher"];

/// A Session-Expires value.
///
/// The parser accepts any delta that fits 32 bits; the 90-second floor is a rule of the
/// session, checked with [`SessionExpires::meets_minimum`].
///
/// ```
/// use sip_msg::header::{Refresher, SessionExpires};
/// let se = SessionExpires::parse("1800;refresher=uac").unwrap();
/// assert_eq!((se.delta, se.refresher), (1800, Some(Refresher::Uac)));
/// assert!(se.meets_minimum(90));
/// assert_eq!(SessionExpires::new(90, Some(Refresher::Uas)).to_string(), "90;refresher=uas");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionExpires<'a> {
    /// The session interval in seconds.
    pub delta: u32,
    /// The `refresher` parameter.
    pub refresher: Option<Refresher>,
    /// The other parameters, in order.
    pub params: Params<'a>,
}

impl<'a> SessionExpires<'a> {
    /// An interval with an optional refresher and no other parameter.
    pub fn new(delta: u32, refresher: Option<Refresher>) -> Self {
        SessionExpires {
            delta,
            refresher,
            params: Params::EMPTY,
        }
    }

    /// Parses a Session-Expires (compact form `x`) value.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let delta = s.number("delta-seconds")?;
        let mut se = SessionExpires::new(delta, None);
        se.params = Params::scan_with(&mut s, |p, at| se.take_refresher(p, at))?.hiding(KNOWN);
        s.finish("SEMI or end of Session-Expires")?;
        Ok(se)
    }

    /// Whether the interval is at least `min` seconds (the peer's Min-SE, and never less than
    /// [`MIN_SESSION_INTERVAL`]); a request below it is answered with 422 (RFC 4028 8.1).
    pub fn meets_minimum(&self, min: u32) -> bool {
        self.delta >= min.max(MIN_SESSION_INTERVAL)
    }

    fn take_refresher(&mut self, p: Param<'a>, at: usize) -> Result<(), ValueError> {
        if !p.name.eq_ignore_ascii_case("refresher") || self.refresher.is_some() {
            return Ok(());
        }
        self.refresher = match p.value {
            Some(ParamValue::Token(t)) if t.eq_ignore_ascii_case("uac") => Some(Refresher::Uac),
            Some(ParamValue::Token(t)) if t.eq_ignore_ascii_case("uas") => Some(Refresher::Uas),
            _ => return Err(ValueError::new(at + p.name.len(), "uac or uas")),
        };
        Ok(())
    }
}

impl fmt::Display for SessionExpires<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.delta)?;
        match self.refresher {
            Some(Refresher::Uac) => f.write_str(";refresher=uac")?,
            Some(Refresher::Uas) => f.write_str(";refresher=uas")?,
            None => {}
        }
        self.params.fmt(f)
    }
}

/// A Min-SE value: the smallest session interval the sender accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinSe<'a> {
    /// The minimum interval in seconds.
    pub delta: u32,
    /// Extension parameters, in order.
    pub params: Params<'a>,
}

impl<'a> MinSe<'a> {
    /// A Min-SE without parameters.
    pub fn new(delta: u32) -> Self {
        MinSe {
            delta,
            params: Params::EMPTY,
        }
    }

    /// Parses a Min-SE value.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let delta = s.number("delta-seconds")?;
        let params = Params::scan(&mut s)?;
        s.finish("SEMI or end of Min-SE")?;
        Ok(MinSe { delta, params })
    }
}

impl fmt::Display for MinSe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.delta, self.params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_refresher_and_extensions() {
        let se = SessionExpires::parse(" 4000 ;\r\n REFRESHER = UAS ; x=1").unwrap();
        assert_eq!((se.delta, se.refresher), (4000, Some(Refresher::Uas)));
        assert_eq!(se.params.to_string(), ";x=1");
        assert_eq!(se.to_string(), "4000;refresher=uas;x=1");
        assert_eq!(SessionExpires::parse(&se.to_string()), Ok(se));
        let se = SessionExpires::parse("4294967295").unwrap();
        assert_eq!((se.delta, se.refresher), (u32::MAX, None));
    }

    /// The parser accepts short intervals; the 90-second floor and Min-SE are checked apart.
    #[test]
    fn minimum_is_a_session_rule() {
        let se = SessionExpires::parse("60").unwrap();
        assert!(!se.meets_minimum(0));
        assert!(SessionExpires::new(90, None).meets_minimum(0));
        assert!(!SessionExpires::new(1000, None).meets_minimum(1200));
    }

    #[test]
    fn every_error_path_has_its_offset() {
        let err = |t| SessionExpires::parse(t).unwrap_err();
        assert_eq!(err("4294967296"), ValueError::new(0, "delta-seconds"));
        assert_eq!(err(""), ValueError::new(0, "delta-seconds"));
        assert_eq!(err("-1"), ValueError::new(0, "delta-seconds"));
        assert_eq!(err("90;refresher=both"), ValueError::new(12, "uac or uas"));
        assert_eq!(err("90;refresher"), ValueError::new(12, "uac or uas"));
        assert_eq!(
            err("90;refresher=\"uac\""),
            ValueError::new(12, "uac or uas")
        );
        assert_eq!(
            err("90 x"),
            ValueError::new(3, "SEMI or end of Session-Expires")
        );
        assert_eq!(err("90;"), ValueError::new(3, "parameter name"));
    }

    #[test]
    fn min_se() {
        let m = MinSe::parse(" 1800 ").unwrap();
        assert_eq!((m.delta, m.to_string()), (1800, "1800".to_string()));
        assert_eq!(MinSe::parse("90;a=b").unwrap().to_string(), "90;a=b");
        assert_eq!(MinSe::new(120).to_string(), "120");
        assert_eq!(MinSe::parse("x"), Err(ValueError::new(0, "delta-seconds")));
        assert_eq!(
            MinSe::parse("90 90"),
            Err(ValueError::new(3, "SEMI or end of Min-SE"))
        );
    }
}
