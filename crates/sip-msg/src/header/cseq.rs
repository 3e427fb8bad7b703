//! CSeq (RFC 3261 20.16): `1*DIGIT LWS Method`, the number below 2^31 (8.1.1.5).

use crate::grammar::{is_token, parse_u32, Scanner};
use crate::start_line::Method;
use crate::ValueError;
use core::fmt;

/// The command sequence of a request: a number and the method it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CSeq<'a> {
    /// The sequence number, always below 2^31.
    pub number: u32,
    /// The method, which must equal the request's method.
    pub method: Method<'a>,
}

impl<'a> CSeq<'a> {
    /// The largest number RFC 3261 8.1.1.5 allows.
    pub const MAX_NUMBER: u32 = (1 << 31) - 1;

    /// Parses `number method`.
    ///
    /// ```
    /// use sip_msg::header::CSeq;
    /// let cseq = CSeq::parse("314159 INVITE").unwrap();
    /// assert_eq!((cseq.number, cseq.method.as_str()), (314159, "INVITE"));
    /// ```
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        match Self::parse_common(value) {
            Some(cseq) => Ok(cseq),
            None => Self::parse_grammar(value),
        }
    }

    fn parse_grammar(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let start = s.pos();
        let number = s.number("CSeq number")?;
        if number > Self::MAX_NUMBER {
            return Err(ValueError::new(start, "CSeq number below 2^31"));
        }
        s.lws()?;
        let at = s.pos();
        let method = Method::parse(s.take_while(is_token)).ok_or(ValueError::new(at, "Method"))?;
        s.finish("end of CSeq")?;
        Ok(CSeq { number, method })
    }
}

impl<'a> CSeq<'a> {
    /// The usual value, `digits SP method` with nothing else, without the scanner; `None`
    /// leaves every other value, and every error, to the grammar, whose result this equals.
    fn parse_common(value: &'a str) -> Option<Self> {
        let space = value.bytes().position(|b| b == b' ')?;
        let (digits, method) = (value.get(..space)?, value.get(space + 1..)?);
        let number = parse_u32(digits).filter(|&n| n <= Self::MAX_NUMBER)?;
        let method = Method::parse(method)?;
        Some(CSeq { number, method })
    }
}

impl fmt::Display for CSeq<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.number, self.method)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;

    proptest::proptest! {
        /// Wherever the direct path answers it gives the grammar's result, and every value
        /// (common shape or mutated) parses as the grammar parses it.
        #[test]
        fn parse_equals_the_grammar(value in crate::header::mutation::maybe_mutated(
            (
                proptest::sample::select(vec!["1", "2147483647", "2147483648", "99999999999", "", "0"]),
                proptest::sample::select(vec![" ", "  ", "\t", ""]),
                proptest::sample::select(vec!["INVITE", "ACK", "FOO", "in vite", ""]),
            ).prop_map(|(n, ws, m)| format!("{n}{ws}{m}")),
        )) {
            if let Some(common) = CSeq::parse_common(&value) {
                proptest::prop_assert_eq!(Ok(common), CSeq::parse_grammar(&value));
            }
            proptest::prop_assert_eq!(CSeq::parse(&value), CSeq::parse_grammar(&value));
        }
    }

    proptest::proptest! {
        /// A method is its known variant exactly when the text is that method's name, an
        /// extension holding the text exactly when the text is any other non-empty token,
        /// and nothing otherwise.
        #[test]
        fn methods_are_read_by_their_text(text in
            "(INVITE|ACK|BYE|CANCEL|OPTIONS|REGISTER|UPDATE|PRACK|INFO|MESSAGE|REFER|SUBSCRIBE|\
            NOTIFY|PUBLISH)?[A-Za-z ;@\r]{0,3}"
        ) {
            let is_token = !text.is_empty() && text.bytes().all(crate::grammar::is_token);
            match Method::parse(&text) {
                Some(Method::Extension(t)) => {
                    proptest::prop_assert!(is_token && t == text);
                    let known = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "UPDATE",
                        "PRACK", "INFO", "MESSAGE", "REFER", "SUBSCRIBE", "NOTIFY", "PUBLISH"];
                    proptest::prop_assert!(!known.contains(&t));
                }
                Some(known) => proptest::prop_assert_eq!(known.as_str(), text.as_str()),
                None => proptest::prop_assert!(!is_token),
            }
        }
    }

    #[test]
    fn parses_known_and_extension_methods() {
        let c = CSeq::parse("1 INVITE").unwrap();
        assert_eq!((c.number, c.method), (1, Method::Invite));
        let c = CSeq::parse(" 2147483647\r\n\tFOO ").unwrap();
        assert_eq!(
            (c.number, c.method),
            (CSeq::MAX_NUMBER, Method::Extension("FOO"))
        );
        assert_eq!(c.to_string(), "2147483647 FOO");
        assert_eq!(CSeq::parse(&c.to_string()), Ok(c));
    }

    #[test]
    fn rejects_with_offsets() {
        assert_eq!(
            CSeq::parse("2147483648 INVITE"),
            Err(ValueError::new(0, "CSeq number below 2^31"))
        );
        assert_eq!(
            CSeq::parse("99999999999 INVITE"),
            Err(ValueError::new(0, "CSeq number"))
        );
        assert_eq!(
            CSeq::parse("INVITE"),
            Err(ValueError::new(0, "CSeq number"))
        );
        assert_eq!(CSeq::parse("1INVITE"), Err(ValueError::new(1, "LWS")));
        assert_eq!(CSeq::parse("1 "), Err(ValueError::new(2, "Method")));
        assert_eq!(
            CSeq::parse("1 INV@ITE"),
            Err(ValueError::new(5, "end of CSeq"))
        );
        assert_eq!(
            CSeq::parse("1 INVITE x"),
            Err(ValueError::new(9, "end of CSeq"))
        );
    }
}
