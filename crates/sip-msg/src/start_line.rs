//! The first line of a message: Request-Line or Status-Line (RFC 3261 7.1, 7.2).

use crate::error::Error;
use crate::grammar::is_token;
use core::fmt;

/// A request method. Methods are case-sensitive (RFC 3261 7.1); unknown ones are kept as
/// written in [`Method::Extension`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method<'a> {
    /// `INVITE`
    Invite,
    /// `ACK`
    Ack,
    /// `BYE`
    Bye,
    /// `CANCEL`
    Cancel,
    /// `OPTIONS`
    Options,
    /// `REGISTER`
    Register,
    /// `UPDATE` (RFC 3311)
    Update,
    /// `PRACK` (RFC 3262)
    Prack,
    /// `INFO` (RFC 6086)
    Info,
    /// `MESSAGE` (RFC 3428)
    Message,
    /// `REFER` (RFC 3515)
    Refer,
    /// `SUBSCRIBE` (RFC 6665)
    Subscribe,
    /// `NOTIFY` (RFC 6665)
    Notify,
    /// `PUBLISH` (RFC 3903)
    Publish,
    /// Any other token.
    Extension(&'a str),
}

impl<'a> Method<'a> {
    /// Reads a method token; `None` when `text` is empty or holds a non-token byte.
    ///
    /// ```
    /// use sip_msg::Method;
    /// assert_eq!(Method::parse("INVITE"), Some(Method::Invite));
    /// assert_eq!(Method::parse("invite"), Some(Method::Extension("invite")));
    /// assert_eq!(Method::parse("IN VITE"), None);
    /// ```
    pub fn parse(text: &'a str) -> Option<Method<'a>> {
        // The known methods are tokens, so only other text needs the byte check.
        Some(match text {
            "INVITE" => Method::Invite,
            "ACK" => Method::Ack,
            "BYE" => Method::Bye,
            "CANCEL" => Method::Cancel,
            "OPTIONS" => Method::Options,
            "REGISTER" => Method::Register,
            "UPDATE" => Method::Update,
            "PRACK" => Method::Prack,
            "INFO" => Method::Info,
            "MESSAGE" => Method::Message,
            "REFER" => Method::Refer,
            "SUBSCRIBE" => Method::Subscribe,
            "NOTIFY" => Method::Notify,
            "PUBLISH" => Method::Publish,
            other if !other.is_empty() && other.bytes().all(is_token) => Method::Extension(other),
            _ => return None,
        })
    }

    /// The method as written on the wire.
    pub const fn as_str(&self) -> &'a str {
        match *self {
            Method::Invite => "INVITE",
            Method::Ack => "ACK",
            Method::Bye => "BYE",
            Method::Cancel => "CANCEL",
            Method::Options => "OPTIONS",
            Method::Register => "REGISTER",
            Method::Update => "UPDATE",
            Method::Prack => "PRACK",
            Method::Info => "INFO",
            Method::Message => "MESSAGE",
            Method::Refer => "REFER",
            Method::Subscribe => "SUBSCRIBE",
            Method::Notify => "NOTIFY",
            Method::Publish => "PUBLISH",
            Method::Extension(text) => text,
        }
    }
}

impl fmt::Display for Method<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A response status code, always in 100..=699.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatusCode(u16);

impl StatusCode {
    /// The lowest code, 100.
    pub const MIN: StatusCode = StatusCode(100);

    /// `Some` for 100..=699, the codes RFC 3261 7.2 allows.
    pub const fn new(code: u16) -> Option<StatusCode> {
        if code >= 100 && code <= 699 {
            Some(StatusCode(code))
        } else {
            None
        }
    }

    /// The numeric code.
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// 1xx.
    pub const fn is_provisional(self) -> bool {
        self.0 < 200
    }

    /// 2xx.
    pub const fn is_success(self) -> bool {
        self.0 >= 200 && self.0 < 300
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The parsed first line of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartLine<'a> {
    /// `Method SP Request-URI SP SIP-Version`.
    Request {
        /// The method.
        method: Method<'a>,
        /// The Request-URI exactly as written (parse it with [`crate::uri`]).
        uri: &'a str,
    },
    /// `SIP-Version SP Status-Code SP Reason-Phrase`.
    Response {
        /// The status code.
        status: StatusCode,
        /// The reason phrase, possibly empty, possibly UTF-8.
        reason: &'a str,
    },
}

const VERSION: &[u8] = b"SIP/2.0";

/// Parses one start line, `line` being the text before its CRLF. Offsets in errors count from
/// the start of `line`, which is the start of the message.
pub(crate) fn parse(line: &str) -> Result<StartLine<'_>, Error> {
    // No method of the common request lines starts with the version's `S`.
    let common = match line.as_bytes().first() {
        Some(b'S') => common_status_line(line),
        _ => common_request_line(line),
    };
    match common {
        Some(start_line) => Ok(start_line),
        None => parse_any(line),
    }
}

/// The usual status line, `SIP/2.0 SP 3DIGIT SP Reason-Phrase` with the version in capitals,
/// read from its fixed first twelve bytes. `None` sends every other line, and every error,
/// to the general parse, whose result this equals where it answers.
fn common_status_line(line: &str) -> Option<StartLine<'_>> {
    let (start, reason) = line.as_bytes().split_first_chunk::<12>()?;
    let (version, code) = start.split_first_chunk::<8>()?;
    // One eight-byte compare, where a slice pattern compares byte by byte.
    if *version != *b"SIP/2.0 " {
        return None;
    }
    let [a, b, c, b' '] = *code else {
        return None;
    };
    let digit = |d: u8| d.is_ascii_digit().then(|| u16::from(d - b'0'));
    let status = StatusCode::new(digit(a)? * 100 + digit(b)? * 10 + digit(c)?)?;
    if !reason
        .iter()
        .all(|&b| (b >= b' ' || b == b'\t') && b != 0x7f)
    {
        return None;
    }
    Some(StartLine::Response {
        status,
        reason: line.get(12..)?,
    })
}

/// The usual request line, `Method SP Request-URI SP SIP/2.0` with one of the methods of a
/// session and the version in capitals, read without searching for its separators: the
/// method is the line's first bytes and the version its last eight. `None` sends every other
/// line, and every error, to the general parse, whose result this equals where it answers.
fn common_request_line(line: &str) -> Option<StartLine<'_>> {
    let bytes = line.as_bytes();
    // The method and its SP, compared as one word masked to their length: a slice pattern
    // would compare byte by byte.
    let word = u64::from_le_bytes(*bytes.first_chunk::<8>()?);
    let is = |method: &[u8]| {
        let mut padded = [0; 8];
        padded[..method.len()].copy_from_slice(method);
        word & (u64::MAX >> (64 - 8 * method.len())) == u64::from_le_bytes(padded)
    };
    let (method, uri_start) = match () {
        _ if is(b"INVITE ") => (Method::Invite, 7),
        _ if is(b"ACK ") => (Method::Ack, 4),
        _ if is(b"BYE ") => (Method::Bye, 4),
        _ if is(b"CANCEL ") => (Method::Cancel, 7),
        _ if is(b"UPDATE ") => (Method::Update, 7),
        _ if is(b"PRACK ") => (Method::Prack, 6),
        _ if is(b"MESSAGE ") => (Method::Message, 8),
        _ if is(b"OPTIONS ") => (Method::Options, 8),
        _ => return None,
    };
    let uri_end = bytes.len().checked_sub(8)?;
    if bytes.get(uri_end..)? != b" SIP/2.0" {
        return None;
    }
    let uri = line.get(uri_start..uri_end)?;
    if !is_plain_request_uri(uri.as_bytes()) {
        return None;
    }
    Some(StartLine::Request { method, uri })
}

/// Whether [`check_request_uri`] accepts `uri`, in one pass: a scheme (a letter, then
/// letters, digits, `+`, `-`, `.`) up to the first colon, then visible bytes only.
///
/// `sip:`, the scheme of nearly every request, is compared as one word before the loop.
fn is_plain_request_uri(uri: &[u8]) -> bool {
    if let Some((b"sip:", rest)) = uri.split_first_chunk::<4>() {
        return crate::swar::all_visible(rest);
    }
    if !uri.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut at = 1;
    loop {
        match uri.get(at) {
            Some(b':') => break,
            Some(&b) if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.') => at += 1,
            _ => return false,
        }
    }
    crate::swar::all_visible(uri.get(at + 1..).unwrap_or(&[]))
}

/// Any start line, by the grammar.
fn parse_any(line: &str) -> Result<StartLine<'_>, Error> {
    let bytes = line.as_bytes();
    if bytes.len() > VERSION.len()
        && bytes
            .get(..VERSION.len())
            .is_some_and(|v| v.eq_ignore_ascii_case(VERSION))
    {
        parse_status_line(line)
    } else {
        parse_request_line(line)
    }
}

fn parse_request_line(line: &str) -> Result<StartLine<'_>, Error> {
    let method_end = line
        .find(' ')
        .ok_or(Error::syntax(line.len(), "SP after Method"))?;
    let method = line.get(..method_end).and_then(Method::parse);
    let method = method.ok_or(Error::syntax(0, "Method token"))?;
    let version_start = line.rfind(' ').unwrap_or(method_end) + 1;
    let version = line.get(version_start..).unwrap_or("");
    if !version.as_bytes().eq_ignore_ascii_case(VERSION) {
        return Err(Error::syntax(version_start, "SIP/2.0"));
    }
    let uri_start = method_end + 1;
    let uri = line.get(uri_start..version_start - 1).unwrap_or("");
    check_request_uri(uri, uri_start)?;
    Ok(StartLine::Request { method, uri })
}

/// The Request-URI is one run of visible characters with a scheme: any SP, HTAB or control
/// byte inside it means extra separators or LWS, which RFC 3261 7.1 forbids.
fn check_request_uri(uri: &str, at: usize) -> Result<(), Error> {
    if uri.is_empty() {
        return Err(Error::syntax(at, "Request-URI"));
    }
    if let Some(bad) = uri.bytes().position(|b| b <= b' ' || b == 0x7f) {
        return Err(Error::syntax(at + bad, "Request-URI without whitespace"));
    }
    let scheme_len = uri.bytes().position(|b| b == b':').unwrap_or(0);
    let scheme = uri.as_bytes().get(..scheme_len).unwrap_or(&[]);
    let scheme_ok = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if scheme_ok {
        Ok(())
    } else {
        Err(Error::syntax(at, "Request-URI scheme"))
    }
}

fn parse_status_line(line: &str) -> Result<StartLine<'_>, Error> {
    let bytes = line.as_bytes();
    let at = VERSION.len();
    if bytes.get(at) != Some(&b' ') {
        return Err(Error::syntax(at, "SP after SIP/2.0"));
    }
    let digits = bytes.get(at + 1..at + 4).unwrap_or(&[]);
    let code = digits.iter().try_fold(0u16, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u16::from(b - b'0'))
    });
    let code = code.filter(|_| digits.len() == 3);
    let status = code
        .and_then(StatusCode::new)
        .ok_or(Error::syntax(at + 1, "Status-Code"))?;
    if bytes.get(at + 4) != Some(&b' ') {
        return Err(Error::syntax(at + 4, "SP after Status-Code"));
    }
    let reason = line.get(at + 5..).unwrap_or("");
    if let Some(bad) = reason
        .bytes()
        .position(|b| (b < b' ' && b != b'\t') || b == 0x7f)
    {
        return Err(Error::syntax(at + 5 + bad, "Reason-Phrase text"));
    }
    Ok(StartLine::Response { status, reason })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;

    fn request(line: &str) -> (Method<'_>, &str) {
        match parse(line) {
            Ok(StartLine::Request { method, uri }) => (method, uri),
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn parses_request_lines() {
        assert_eq!(
            request("INVITE sip:bob@example.net SIP/2.0"),
            (Method::Invite, "sip:bob@example.net")
        );
        assert_eq!(
            request("NEWMETHOD tel:+1234 sip/2.0"),
            (Method::Extension("NEWMETHOD"), "tel:+1234")
        );
    }

    #[test]
    fn parses_status_lines_with_utf8_and_empty_reasons() {
        let Ok(StartLine::Response { status, reason }) = parse("SIP/2.0 200 Ça va bien") else {
            panic!()
        };
        assert_eq!((status.as_u16(), reason), (200, "Ça va bien"));
        let line = "SIP/2.0 200 Ça va bien";
        assert_eq!(common_status_line(line).map(Ok), Some(parse_any(line)));
        let Ok(StartLine::Response { reason, .. }) = parse("SIP/2.0 486 ") else {
            panic!()
        };
        assert_eq!(reason, "");
    }

    #[test]
    fn rejects_malformed_request_lines_with_offsets() {
        let cases = [
            ("INVITE  sip:a@b SIP/2.0", 7),
            ("INVITE sip:a@b  SIP/2.0", 14),
            ("INVITE sip:a @b SIP/2.0", 12),
            ("INVITE sip:a@b SIP/7.0", 15),
            ("INVITE sip:a@b", 7),
            ("INV<TE sip:a@b SIP/2.0", 0),
            ("INVITE", 6),
            ("INVITE bob SIP/2.0", 7),
            ("INVITE sip:a@b\tSIP/2.0", 7),
        ];
        for (line, offset) in cases {
            let err = parse(line).expect_err(line);
            assert_eq!(err.offset(), Some(offset), "{line}: {err}");
        }
    }

    proptest::proptest! {
        /// Wherever the common request line path answers, its answer is the general parse's
        /// result, for request lines built from methods (known, lower-case, unknown), URIs
        /// and versions, each possibly mutated by one byte.
        #[test]
        fn the_common_request_line_equals_the_grammar(
            line in crate::header::mutation::maybe_mutated(
                (
                    proptest::sample::select(vec!["INVITE", "ACK", "BYE", "CANCEL", "UPDATE",
                        "PRACK", "MESSAGE", "OPTIONS", "invite", "INFO", "INVITEX", "", "SIP/2.0",
                        "MESSAGES", "ACKS"]),
                    proptest::sample::select(vec!["sip:bob@example.net", "tel:+1", "x", "",
                        "sip:a b", "1sip:a", "s+.-:x", "s_x:y", ":x", "a:", "sip:\u{7f}", "sip:",
                        "sips:b@h", "SIP:b@h"]),
                    proptest::sample::select(vec![" SIP/2.0", " sip/2.0", " SIP/2.1", "", " "]),
                )
                    .prop_map(|(m, u, v)| format!("{m} {u}{v}")),
            )
        ) {
            if let Some(common) = common_request_line(&line) {
                proptest::prop_assert_eq!(Ok(common), parse_any(&line));
            }
            proptest::prop_assert_eq!(parse(&line), parse_any(&line));
        }

        /// Wherever the common status line path answers, its answer is the general parse's
        /// result, for status lines built from versions, codes and reasons (empty, with tabs
        /// or control bytes), each possibly mutated by one byte (UTF-8 reasons have their own test).
        #[test]
        fn the_common_status_line_equals_the_grammar(
            line in crate::header::mutation::maybe_mutated(
                (
                    proptest::sample::select(vec!["SIP/2.0", "sip/2.0", "SIP/2.1", "SIP/2.0 "]),
                    proptest::sample::select(vec!["200", "100", "699", "700", "099", "20", "2000",
                        "2a0", ""]),
                    proptest::sample::select(vec![" OK", " ", "", " Ringing", " Sess\tion",
                        " a\u{7f}", " a\u{1}"]),
                )
                    .prop_map(|(v, c, r)| format!("{v} {c}{r}")),
            )
        ) {
            if let Some(common) = common_status_line(&line) {
                proptest::prop_assert_eq!(Ok(common), parse_any(&line));
            }
            proptest::prop_assert_eq!(parse(&line), parse_any(&line));
        }
    }

    #[test]
    fn the_common_request_line_covers_the_usual_methods() {
        for method in [
            "INVITE", "ACK", "BYE", "CANCEL", "UPDATE", "PRACK", "MESSAGE", "OPTIONS",
        ] {
            let line = format!("{method} sip:bob@example.net SIP/2.0");
            assert!(common_request_line(&line).is_some(), "{line}");
        }
        assert_eq!(
            common_request_line("INVITE sip:bob@example.net sip/2.0"),
            None
        );
    }

    #[test]
    fn rejects_malformed_status_lines() {
        for line in [
            "SIP/2.0 99 Low",
            "SIP/2.0 700 High",
            "SIP/2.0 4000 Long",
            "SIP/2.0  200 OK",
            "SIP/2.0 200",
            "SIP/2.0 2x0 OK",
            "SIP/2.0 200 O\u{1}K",
        ] {
            assert!(matches!(parse(line), Err(Error::Syntax { .. })), "{line}");
        }
    }
}
