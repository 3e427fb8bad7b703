//! Where a header line's name ends, which of the headers RFC 4975 gives a meaning to it names,
//! and where its value is.

use crate::error::{Error, ErrorKind};

/// The headers RFC 4975 gives a meaning to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    ToPath,
    FromPath,
    MessageId,
    ByteRange,
    SuccessReport,
    FailureReport,
    Status,
    ContentType,
    Other,
}

/// Where the `:` after the name of `line` (found at stream offset `at`) is, and which header
/// the name is. Inlined into the head parser: the call costs more than the common case.
#[inline]
pub(crate) fn colon_and_kind(line: &str, at: u64) -> Result<(usize, Known), Error> {
    if let Some(found) = rfc_spelling(line.as_bytes()) {
        return Ok(found);
    }
    let colon = header_colon(line, at)?;
    Ok((colon, known(line.get(..colon).unwrap_or_default())))
}

/// The colon and the header when `line` starts with a known name spelled as in RFC 4975 and
/// its colon, as every frame a session sends does. Fixed-size compares take the place of the
/// name scan and the case-insensitive lookup, which cost more than the rest of the line.
#[inline]
fn rfc_spelling(line: &[u8]) -> Option<(usize, Known)> {
    fn name<const N: usize>(
        line: &[u8],
        spelling: &[u8; N],
        kind: Known,
    ) -> Option<(usize, Known)> {
        (line.first_chunk::<N>() == Some(spelling)).then_some((N - 1, kind))
    }
    match (line.first()?, line.get(1)) {
        (b'T', _) => name(line, b"To-Path:", Known::ToPath),
        (b'F', Some(b'r')) => name(line, b"From-Path:", Known::FromPath),
        (b'F', _) => name(line, b"Failure-Report:", Known::FailureReport),
        (b'M', _) => name(line, b"Message-ID:", Known::MessageId),
        (b'B', _) => name(line, b"Byte-Range:", Known::ByteRange),
        (b'C', _) => name(line, b"Content-Type:", Known::ContentType),
        (b'S', Some(b't')) => name(line, b"Status:", Known::Status),
        (b'S', _) => name(line, b"Success-Report:", Known::SuccessReport),
        _ => None,
    }
}

/// Where the `:` after a non-empty token name is. Names are short, so one loop over them beats
/// a separate search for the colon.
fn header_colon(line: &str, at: u64) -> Result<usize, Error> {
    let b = line.as_bytes();
    let end = b
        .iter()
        .position(|&c| !crate::uri::is_token_char(c))
        .unwrap_or(b.len());
    if end > 0 && b.get(end) == Some(&b':') {
        return Ok(end);
    }
    if memchr::memchr(b':', b).is_none() {
        return Err(Error::at(
            ErrorKind::Syntax("':' after the header name"),
            at,
        ));
    }
    Err(Error::at(ErrorKind::Syntax("a header name (token)"), at))
}

/// Names compare case-insensitively; the length picks the few candidates.
fn known(name: &str) -> Known {
    let candidates: &[(&str, Known)] = match name.len() {
        6 => &[("Status", Known::Status)],
        7 => &[("To-Path", Known::ToPath)],
        9 => &[("From-Path", Known::FromPath)],
        10 => &[
            ("Message-ID", Known::MessageId),
            ("Byte-Range", Known::ByteRange),
        ],
        12 => &[("Content-Type", Known::ContentType)],
        14 => &[
            ("Success-Report", Known::SuccessReport),
            ("Failure-Report", Known::FailureReport),
        ],
        _ => &[],
    };
    candidates
        .iter()
        .find(|(n, _)| *n == name || n.eq_ignore_ascii_case(name))
        .map_or(Known::Other, |&(_, k)| k)
}

/// `s` without leading and trailing SP/HTAB, and how many bytes were cut at the front.
#[inline]
pub(crate) fn trim_ws(s: &str) -> (usize, &str) {
    let b = s.as_bytes();
    let is_ws = |c: &u8| *c == b' ' || *c == b'\t';
    // The common `name: value` with one SP and nothing after the value, without the scans.
    if let (Some(b' '), Some(second), Some(last)) = (b.first(), b.get(1), b.last()) {
        if !is_ws(second) && !is_ws(last) {
            return (1, s.get(1..).unwrap_or_default());
        }
    }
    trim_ws_scan(s)
}

/// `trim_ws` for any value.
fn trim_ws_scan(s: &str) -> (usize, &str) {
    let b = s.as_bytes();
    let is_ws = |c: &u8| *c == b' ' || *c == b'\t';
    let start = b.iter().position(|c| !is_ws(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !is_ws(c)).map_or(start, |i| i + 1);
    (start, s.get(start..end).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The name scan and case-insensitive lookup that `colon_and_kind` must agree with.
    fn general(line: &str) -> Result<(usize, Known), Error> {
        let colon = header_colon(line, 7)?;
        Ok((colon, known(line.get(..colon).unwrap_or_default())))
    }

    #[test]
    fn every_rfc_spelling_is_found_without_the_scan() {
        let names = [
            "To-Path",
            "From-Path",
            "Message-ID",
            "Byte-Range",
            "Success-Report",
            "Failure-Report",
            "Status",
            "Content-Type",
        ];
        for name in names {
            let line = format!("{name}: v");
            let found = rfc_spelling(line.as_bytes());
            assert_eq!(found.map(Ok), Some(general(&line)), "{name}");
            assert_ne!(found.map(|(_, k)| k), Some(Known::Other), "{name}");
        }
        for line in [
            "to-path: v",
            "To-Path : v",
            "To-Paths: v",
            "X-Other: v",
            "T",
            "",
        ] {
            assert_eq!(rfc_spelling(line.as_bytes()), None, "{line}");
        }
    }

    /// Lines made of a known name (or a near miss of one) and what follows it.
    fn header_line() -> impl Strategy<Value = String> {
        (
            "(To-Path|From-Path|Message-ID|Byte-Range|Success-Report|Failure-Report|Status|\
             Content-Type|to-path|FROM-PATH|Statu|Fr|F|S|T|Sx|Frm-Path|X-Other)?",
            "[-a-zA-Z :\t\\[]{0,3}",
            "[ -~]{0,6}",
        )
            .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// For any line, `colon_and_kind` returns what the name scan and the case-insensitive
        /// lookup return: the same colon and header, or the same error kind and offset.
        #[test]
        fn agrees_with_the_name_scan(line in header_line()) {
            prop_assert_eq!(colon_and_kind(&line, 7), general(&line));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// For any value of SP, HTAB and other bytes, `trim_ws` cuts what the scans cut.
        #[test]
        fn trim_ws_agrees_with_the_scans(s in "[ \t]{0,3}[a \t]{0,4}[ \t]{0,3}") {
            prop_assert_eq!(trim_ws(&s), trim_ws_scan(&s));
        }
    }
}
