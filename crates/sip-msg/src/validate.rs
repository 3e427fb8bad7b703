//! The checks of a validating parse ([`crate::Mode::Validating`]) beyond the line grammar:
//! the mandatory headers and the few values every user agent reads on every message.

use crate::error::Error;
use crate::field::Header;
use crate::grammar::{parse_u32, Scanner};
use crate::header::{CSeq, CallId, MaxForwards};
use crate::message::Message;
use crate::name::HeaderName;
use crate::scan::RawHeader;
use crate::start_line::Method;
use crate::ValueError;

/// Largest CSeq sequence number: RFC 3261 8.1.1.5 requires it to be below 2^31.
const MAX_CSEQ: u32 = (1 << 31) - 1;

const CALL_ID: u8 = 1;
const CSEQ: u8 = 1 << 1;
const FROM: u8 = 1 << 2;
const TO: u8 = 1 << 3;
const MAX_FORWARDS: u8 = 1 << 4;
const VIA: u8 = 1 << 5;
const CONTENT_LENGTH: u8 = 1 << 6;

/// The presence bit of a header checked here; the single-value ones may appear only once.
fn presence_bit(name: HeaderName) -> u8 {
    match name {
        HeaderName::CallId => CALL_ID,
        HeaderName::CSeq => CSEQ,
        HeaderName::From => FROM,
        HeaderName::To => TO,
        HeaderName::MaxForwards => MAX_FORWARDS,
        HeaderName::Via => VIA,
        HeaderName::ContentLength => CONTENT_LENGTH,
        _ => 0,
    }
}

/// The values a validating parse has already typed, kept so that the accessors of every
/// user agent's first reads (Call-ID, CSeq) do not parse them a second time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Checked<'a> {
    pub(crate) call_id: Option<CallId<'a>>,
    pub(crate) cseq: Option<CSeq<'a>>,
}

/// The Content-Length lines the checks passed by, for a datagram parse to read the body
/// without another walk through the headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lengths {
    None,
    One(RawHeader),
    Several,
}

/// Runs every check; the first failure wins, in message order for value errors. Returns the
/// values typed on the way, and the Content-Length lines seen.
pub(crate) fn check<'a>(message: &Message<'a>) -> Result<(Checked<'a>, Lengths), Error> {
    let method = message.method();
    let mut checked = Checked::default();
    let mut lengths = Lengths::None;
    let mut seen = 0u8;
    // Only the few headers checked here are looked at beyond their name.
    for raw in message.raw_headers() {
        let bit = presence_bit(raw.name);
        if bit == 0 {
            continue;
        }
        if bit == CONTENT_LENGTH {
            lengths = match lengths {
                Lengths::None => Lengths::One(*raw),
                _ => Lengths::Several,
            };
            continue;
        }
        let h = message.view(raw);
        if bit != VIA && seen & bit != 0 {
            return Err(Error::DuplicateHeader {
                header: h.name(),
                offset: h.offset(),
            });
        }
        seen |= bit;
        check_value(&h, method, &mut checked)?;
    }
    let mut required = [
        (HeaderName::CallId, CALL_ID),
        (HeaderName::CSeq, CSEQ),
        (HeaderName::From, FROM),
        (HeaderName::To, TO),
        (HeaderName::Via, VIA),
        (
            HeaderName::MaxForwards,
            if method.is_some() { MAX_FORWARDS } else { 0 },
        ),
    ]
    .into_iter();
    match required.find(|&(_, bit)| bit != 0 && seen & bit == 0) {
        Some((header, _)) => Err(Error::MissingHeader { header }),
        None => Ok((checked, lengths)),
    }
}

fn check_value<'a>(
    h: &Header<'a>,
    method: Option<Method<'_>>,
    checked: &mut Checked<'a>,
) -> Result<(), Error> {
    let typed = |r: Result<(), ValueError>| r.map_err(|e| Error::value(h.name(), h.offset(), e));
    match h.name() {
        HeaderName::CSeq => {
            // The typed parse accepts exactly the CSeq grammar checked here; when it fails or
            // the method differs, the detailed check says why. Both methods come from
            // `Method::parse`, which gives every known method its variant, so equal methods
            // are equal values and the comparison needs no string compare.
            match CSeq::parse(h.value()) {
                Ok(cseq) if method.map_or(true, |m| m == cseq.method) => {
                    checked.cseq = Some(cseq);
                    Ok(())
                }
                _ => check_cseq(h, method),
            }
        }
        HeaderName::CallId => {
            checked.call_id = Some(
                CallId::parse(h.value())
                    .map_err(|e| Error::value(HeaderName::CallId, h.offset(), e))?,
            );
            Ok(())
        }
        HeaderName::MaxForwards => typed(MaxForwards::parse(h.value()).map(drop)),
        HeaderName::From | HeaderName::To => check_quotes(h),
        _ => Ok(()),
    }
}

/// A quoted display name must end: an unterminated one would swallow the URI and tag, and
/// the full From/To grammar is left to the typed accessors, which cost more than the parse.
fn check_quotes(h: &Header<'_>) -> Result<(), Error> {
    let bytes = h.value().as_bytes();
    let mut pos = 0;
    while let Some(open) = memchr::memchr(b'"', bytes.get(pos..).unwrap_or(&[])) {
        let start = pos + open;
        pos = start + 1;
        loop {
            match memchr::memchr2(b'"', b'\\', bytes.get(pos..).unwrap_or(&[])) {
                Some(i) if bytes.get(pos + i) == Some(&b'\\') => pos += i + 2,
                Some(i) => {
                    pos += i + 1;
                    break;
                }
                None => {
                    let e = ValueError {
                        offset: start,
                        expected: "closing DQUOTE",
                    };
                    return Err(Error::value(h.name(), h.offset(), e));
                }
            }
        }
    }
    Ok(())
}

/// `CSeq = 1*DIGIT LWS Method`: the number below 2^31, the method that of the request
/// (for ACK and CANCEL too: their CSeq number is the INVITE's, their method their own).
fn check_cseq(h: &Header<'_>, method: Option<Method<'_>>) -> Result<(), Error> {
    let typed = |e: ValueError| Error::value(HeaderName::CSeq, h.offset(), e);
    let mut s = Scanner::new(h.value());
    let digits = s
        .take_some(|b| b.is_ascii_digit(), "CSeq number")
        .map_err(typed)?;
    if parse_u32(digits).map_or(true, |n| n > MAX_CSEQ) {
        return Err(Error::CSeqOutOfRange { offset: h.offset() });
    }
    s.lws().map_err(typed)?;
    let token = s.token("Method").map_err(typed)?;
    s.finish("end of CSeq").map_err(typed)?;
    match method {
        Some(m) if m.as_str() != token => Err(Error::CSeqMethodMismatch { offset: h.offset() }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse, Error, HeaderName};

    const OK: &str = "INVITE sip:b@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\
        Max-Forwards: 70\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: c@h\r\n\
        CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

    fn with(from: &str, to: &str) -> Result<(), Error> {
        parse(OK.replacen(from, to, 1).as_bytes()).map(drop)
    }

    #[test]
    fn a_complete_request_passes() {
        assert_eq!(with("", ""), Ok(()));
    }

    #[test]
    fn every_mandatory_header_is_required() {
        for (line, header) in [
            ("Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\n", HeaderName::Via),
            ("Max-Forwards: 70\r\n", HeaderName::MaxForwards),
            ("From: <sip:a@h>;tag=1\r\n", HeaderName::From),
            ("To: <sip:b@h>\r\n", HeaderName::To),
            ("Call-ID: c@h\r\n", HeaderName::CallId),
            ("CSeq: 1 INVITE\r\n", HeaderName::CSeq),
        ] {
            assert_eq!(
                with(line, ""),
                Err(Error::MissingHeader { header }),
                "{line}"
            );
        }
    }

    #[test]
    fn cseq_number_and_method_are_checked() {
        assert_eq!(with("1 INVITE", "2147483647 INVITE"), Ok(()));
        assert!(matches!(
            with("1 INVITE", "2147483648 INVITE"),
            Err(Error::CSeqOutOfRange { .. })
        ));
        assert!(matches!(
            with("1 INVITE", "99999999999 INVITE"),
            Err(Error::CSeqOutOfRange { .. })
        ));
        assert!(matches!(
            with("1 INVITE", "1 ACK"),
            Err(Error::CSeqMethodMismatch { .. })
        ));
        assert!(matches!(
            with("1 INVITE", "1 invite"),
            Err(Error::CSeqMethodMismatch { .. })
        ));
        assert!(matches!(
            with("1 INVITE", "-1 INVITE"),
            Err(Error::Value { .. })
        ));
        assert!(matches!(
            with("1 INVITE", "1INVITE"),
            Err(Error::Value { .. })
        ));
    }

    #[test]
    fn single_value_headers_may_not_repeat() {
        let twice = "Call-ID: c@h\r\nCall-ID: d@h\r\n";
        assert!(matches!(
            with("Call-ID: c@h\r\n", twice),
            Err(Error::DuplicateHeader {
                header: HeaderName::CallId,
                ..
            })
        ));
        assert_eq!(
            with(
                "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\n",
                "v: SIP/2.0/UDP h\r\nv: SIP/2.0/UDP i\r\n"
            ),
            Ok(())
        );
    }

    #[test]
    fn unterminated_display_names_are_rejected() {
        assert_eq!(
            with("From: <sip:a@h>", "From: \"A \\\" B\" <sip:a@h>"),
            Ok(())
        );
        let err = with("To: <sip:b@h>", "To: \"Bob <sip:b@h>").unwrap_err();
        assert!(
            matches!(
                err,
                Error::Value {
                    header: HeaderName::To,
                    ..
                }
            ),
            "{err}"
        );
        assert!(with("To: <sip:b@h>", "To: \"Bob\\\" <sip:b@h>").is_err());
    }

    #[test]
    fn values_typed_by_validation_equal_the_accessors_own_parse() {
        let lenient = crate::Parser::new().with_mode(crate::Mode::Lenient);
        for (from, to) in [
            ("", ""),
            ("CSeq: 1 INVITE", "CSeq:  2147483647\r\n INVITE "),
            ("Call-ID: c@h", "i: a<b>{c}[d]?/\\\"@x"),
        ] {
            let text = OK.replacen(from, to, 1);
            let checked = parse(text.as_bytes()).unwrap();
            let plain = lenient.parse_datagram(text.as_bytes()).unwrap();
            assert_eq!(checked.cseq(), plain.cseq(), "{to}");
            assert_eq!(checked.call_id(), plain.call_id(), "{to}");
            assert!(checked.cseq().unwrap().is_some());
        }
    }

    #[test]
    fn scalar_values_are_checked_with_message_offsets() {
        let err = with("Max-Forwards: 70", "Max-Forwards: 300").unwrap_err();
        assert!(
            matches!(
                err,
                Error::Value {
                    header: HeaderName::MaxForwards,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(err.offset(), Some(OK.find("70\r\n").unwrap()));
    }
}
