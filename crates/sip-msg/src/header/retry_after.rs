//! Retry-After (RFC 3261 20.33): `delta-seconds [ comment ] *( SEMI retry-param )`.

use super::params::{Param, ParamValue, Params};
use crate::grammar::{parse_u32, Comment, Scanner};
use crate::ValueError;
use core::fmt;

const KNOWN: &[&str] = &["duration"];

/// When to retry, with an optional comment and how long the callee stays available.
///
/// ```
/// use sip_msg::header::RetryAfter;
/// let r = RetryAfter::parse("18000;duration=3600").unwrap();
/// assert_eq!((r.delta, r.duration), (18000, Some(3600)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter<'a> {
    /// Seconds to wait.
    pub delta: u32,
    /// The comment, e.g. `(I'm in a meeting)`.
    pub comment: Option<Comment<'a>>,
    /// The `duration` parameter in seconds.
    pub duration: Option<u32>,
    /// Other parameters, in order.
    pub params: Params<'a>,
}

impl<'a> RetryAfter<'a> {
    /// Parses a Retry-After value.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let delta = s.number("delta-seconds")?;
        let mut probe = s.clone();
        probe.skip_sws();
        let comment = if probe.peek() == Some(b'(') {
            s = probe;
            Some(s.comment()?)
        } else {
            None
        };
        let mut r = RetryAfter {
            delta,
            comment,
            duration: None,
            params: Params::EMPTY,
        };
        r.params = Params::scan_with(&mut s, |p, at| r.take_duration(p, at))?.hiding(KNOWN);
        s.finish("SEMI or end of Retry-After")?;
        Ok(r)
    }

    fn take_duration(&mut self, p: Param<'a>, at: usize) -> Result<(), ValueError> {
        if !p.name.eq_ignore_ascii_case("duration") || self.duration.is_some() {
            return Ok(());
        }
        match p.value {
            Some(ParamValue::Token(t)) if parse_u32(t).is_some() => {
                self.duration = parse_u32(t);
                Ok(())
            }
            _ => Err(ValueError::new(at + p.name.len(), "delta-seconds")),
        }
    }
}

impl fmt::Display for RetryAfter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.delta)?;
        if let Some(comment) = self.comment {
            write!(f, " {comment}")?;
        }
        if let Some(duration) = self.duration {
            write!(f, ";duration={duration}")?;
        }
        self.params.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comment_and_duration() {
        let r = RetryAfter::parse(" 120 (I'm in a meeting) ; Duration = 60;x").unwrap();
        assert_eq!((r.delta, r.duration), (120, Some(60)));
        assert_eq!(r.comment.map(|c| c.raw()), Some("I'm in a meeting"));
        assert_eq!(r.to_string(), "120 (I'm in a meeting);duration=60;x");
        assert_eq!(RetryAfter::parse(&r.to_string()), Ok(r));
        assert_eq!(RetryAfter::parse("5").map(|r| r.comment), Ok(None));
        let folded = RetryAfter::parse("5 (a\r\n b)").unwrap();
        assert_eq!(folded.to_string(), "5 (a b)");
        assert_eq!(RetryAfter::parse(&folded.to_string()), Ok(folded));
    }

    #[test]
    fn every_error_path_has_its_offset() {
        let err = |t| RetryAfter::parse(t).unwrap_err();
        assert_eq!(err("soon"), ValueError::new(0, "delta-seconds"));
        assert_eq!(err("5 (x"), ValueError::new(4, "closing RPAREN"));
        assert_eq!(err("5;duration=x"), ValueError::new(10, "delta-seconds"));
        assert_eq!(err("5;duration"), ValueError::new(10, "delta-seconds"));
        assert_eq!(err("5 6"), ValueError::new(2, "SEMI or end of Retry-After"));
    }
}
