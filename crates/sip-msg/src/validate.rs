//! The checks of a validating parse ([`crate::Mode::Validating`]) beyond the line grammar:
//! the mandatory headers and the few values every user agent reads on every message.

use crate::error::Error;
use crate::field::Header;
use crate::grammar::{is_qdtext, parse_u32, Scanner};
use crate::header::{CSeq, CallId, MaxForwards};
use crate::message::{view, Message};
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

/// Runs every check; the first failure wins, in message order for value errors. Stores the
/// values typed on the way in the message, written in place rather than returned so that
/// they are not copied; returns the Content-Length lines seen.
pub(crate) fn check(message: &mut Message<'_>) -> Result<Lengths, Error> {
    let (method, head, headers, checked) = message.parts_for_checks();
    let mut lengths = Lengths::None;
    let mut seen = 0u8;
    // Only the few headers checked here are looked at beyond their name.
    for raw in headers {
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
        let h = view(head, raw);
        if bit != VIA && seen & bit != 0 {
            return Err(Error::DuplicateHeader {
                header: h.name(),
                offset: h.offset(),
            });
        }
        seen |= bit;
        check_value(&h, method, checked)?;
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
        None => Ok(lengths),
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
    check_quotes_from(h, display_name_end(h.value().as_bytes()))
}

/// The search for each quoted string's closing quote in the value, from `pos` on.
fn check_quotes_from(h: &Header<'_>, mut pos: usize) -> Result<(), Error> {
    let bytes = h.value().as_bytes();
    while let Some(start) = crate::block::find(bytes, pos, b'"') {
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

/// The offset after a leading quoted display name (`"Alice" <...`) that holds only qdtext
/// and SP, read directly: no quote or backslash lies inside it, so the search for its closing
/// quote would stop at the same byte. 0 for any other value, which that search then reads
/// from its start.
fn display_name_end(bytes: &[u8]) -> usize {
    if bytes.first() != Some(&b'"') {
        return 0;
    }
    let name = bytes.get(1..).unwrap_or(&[]);
    let close = 1 + name
        .iter()
        .position(|&b| !(is_qdtext(b) || b == b' '))
        .unwrap_or(name.len());
    match bytes.get(close) {
        Some(b'"') => close + 1,
        _ => 0,
    }
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
mod tests;
