//! `tel:` URIs (RFC 3966): a global number (`+` and digits) or a local number with a
//! `phone-context`, plus parameters.

use super::escape::scan_escaped;
use crate::grammar::{is_param_unreserved, is_unreserved, Scanner};
use crate::ValueError;
use core::fmt;

/// A `tel:` URI such as `tel:+1-201-555-0123;ext=1234`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TelUri<'a> {
    /// The number as written, with its leading `+` when global and visual separators.
    pub number: &'a str,
    /// The parameters as written, starting with `;` (empty when none).
    pub params: &'a str,
}

impl<'a> TelUri<'a> {
    /// Parses a whole `tel:` URI (scheme case-insensitive).
    pub fn parse(text: &'a str) -> Result<Self, ValueError> {
        match text.get(..4) {
            Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => {}
            _ => return Err(ValueError::new(0, "tel:")),
        }
        let mut s = Scanner::at(text, 4);
        let global = s.eat(b'+');
        let digits =
            s.take_while(|b| is_visual(b) || b.is_ascii_hexdigit() || b == b'*' || b == b'#');
        let valid = if global {
            digits.bytes().any(|b| b.is_ascii_digit())
                && digits.bytes().all(|b| b.is_ascii_digit() || is_visual(b))
        } else {
            digits.bytes().any(|b| !is_visual(b))
        };
        if !valid {
            return Err(ValueError::new(
                4,
                if global {
                    "global-number-digits"
                } else {
                    "local-number-digits"
                },
            ));
        }
        let number = s.slice(4, s.pos());
        let params_start = s.pos();
        let mut has_context = false;
        while s.eat(b';') {
            let name = s.take_while(|b| b.is_ascii_alphanumeric() || b == b'-');
            if name.is_empty() {
                return Err(s.error("pname"));
            }
            has_context |= name.eq_ignore_ascii_case("phone-context");
            if s.eat(b'=')
                && scan_escaped(&mut s, |b| is_param_unreserved(b) || is_unreserved(b))?.is_empty()
            {
                return Err(s.error("pvalue"));
            }
        }
        if !s.at_end() {
            return Err(s.error("end of tel URI"));
        }
        if !global && !has_context {
            return Err(ValueError::new(s.pos(), "phone-context for a local number"));
        }
        Ok(TelUri {
            number,
            params: s.slice(params_start, s.pos()),
        })
    }

    /// Whether the number is global (`+` and an E.164 number).
    pub fn is_global(&self) -> bool {
        self.number.starts_with('+')
    }
}

fn is_visual(b: u8) -> bool {
    matches!(b, b'-' | b'.' | b'(' | b')')
}

impl fmt::Display for TelUri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tel:{}{}", self.number, self.params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_and_local_numbers() {
        let t = TelUri::parse("tel:+1-201-555-0123;ext=1234").unwrap();
        assert_eq!(
            (t.number, t.params, t.is_global()),
            ("+1-201-555-0123", ";ext=1234", true)
        );
        let t = TelUri::parse("TEL:7042;phone-context=example.com").unwrap();
        assert_eq!((t.number, t.is_global()), ("7042", false));
        assert_eq!(t.to_string(), "tel:7042;phone-context=example.com");
        let t = TelUri::parse("tel:*21#;phone-context=+33").unwrap();
        assert_eq!(t.number, "*21#");
    }

    #[test]
    fn errors_with_offsets() {
        let err = |t| TelUri::parse(t).unwrap_err();
        assert_eq!(err("sip:+1"), ValueError::new(0, "tel:"));
        assert_eq!(err("tel:+"), ValueError::new(4, "global-number-digits"));
        assert_eq!(err("tel:+1A"), ValueError::new(4, "global-number-digits"));
        assert_eq!(err("tel:--"), ValueError::new(4, "local-number-digits"));
        assert_eq!(
            err("tel:1234"),
            ValueError::new(8, "phone-context for a local number")
        );
        assert_eq!(err("tel:+1;"), ValueError::new(7, "pname"));
        assert_eq!(err("tel:+1;a="), ValueError::new(9, "pvalue"));
        assert_eq!(err("tel:+1 2"), ValueError::new(6, "end of tel URI"));
    }
}
