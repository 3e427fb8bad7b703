//! Parsing a complete head (start line and header lines, each ending in CRLF) into a
//! [`FrameHead`]. The incremental parser finds where the head ends; this checks what is in it.

use crate::byte_range::ByteRange;
use crate::error::{Error, ErrorKind};
use crate::frame::{FrameHead, FrameKind, Method};
use crate::head_controls::check_controls;
use crate::header_name::{self, trim_ws, Known};
use crate::path_cache::PathCache;
use crate::report::{FailureReport, SuccessReport};
use crate::status::{three_digits, Status, StatusCode};
use crate::transaction_id::{split_id, TransactionId};

/// Parses `bytes` (start line + headers) found at stream offset `base`.
pub(crate) fn parse_head<'a>(
    bytes: &'a [u8],
    base: u64,
    has_body: bool,
    line_ends: Option<&[u32]>,
    paths: &mut PathCache,
) -> Result<FrameHead<'a>, Error> {
    check_controls(bytes, base)?;
    let text = core::str::from_utf8(bytes).map_err(|e| {
        Error::at(
            ErrorKind::Syntax("UTF-8 text in the head"),
            off(base, e.valid_up_to()),
        )
    })?;
    let mut lines = Lines {
        text,
        pos: 0,
        ends: line_ends.map(<[u32]>::iter),
    };
    let (_, start_line) = lines.next().ok_or(Error::at(
        ErrorKind::Syntax("CRLF after the start line"),
        base,
    ))?;
    let header_block = text.get(start_line.len() + 2..).unwrap_or_default();
    let (tid, kind) = parse_start_line(start_line, base)?;
    let mut head = FrameHead {
        tid,
        kind,
        to_path: "",
        from_path: "",
        message_id: None,
        byte_range: None,
        success_report: None,
        failure_report: None,
        status: None,
        content_type: None,
        has_body,
        header_block,
    };
    let mut index = 0;
    for (pos, line) in lines {
        apply_header(&mut head, line, index, off(base, pos), paths)?;
        index += 1;
    }
    check_frame(&head, index, off(base, bytes.len()))?;
    Ok(head)
}

/// The CRLF-terminated lines of a head (the scan guarantees every LF follows a CR), each with
/// its offset and without its CRLF; taken from the line ends the scan remembered when it has
/// them.
struct Lines<'t, 'e> {
    text: &'t str,
    pos: usize,
    ends: Option<core::slice::Iter<'e, u32>>,
}

impl<'t> Iterator for Lines<'t, '_> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        let end = match self.ends.as_mut() {
            Some(ends) => usize::try_from(*ends.next()?).ok()?,
            None => {
                let rest = self.text.get(self.pos..)?;
                self.pos + memchr::memchr(b'\n', rest.as_bytes())? + 1
            }
        };
        let line = self.text.get(self.pos..end.checked_sub(2)?)?;
        let at = self.pos;
        self.pos = end;
        Some((at, line))
    }
}

fn off(base: u64, pos: usize) -> u64 {
    base.saturating_add(pos as u64)
}

fn parse_start_line(line: &str, base: u64) -> Result<(TransactionId<'_>, FrameKind<'_>), Error> {
    let rest = line.strip_prefix("MSRP ").ok_or(Error::at(
        ErrorKind::Syntax("'MSRP ' at the start of a frame"),
        base,
    ))?;
    let (tid, rest) = split_id(rest).map_err(|bad| match bad {
        Some(i) => Error::at(
            ErrorKind::Syntax("transaction id of 4 to 32 ident characters"),
            off(base, 5 + i),
        ),
        None => Error::at(
            ErrorKind::Syntax("SP after the transaction id"),
            off(base, line.len()),
        ),
    })?;
    let at = off(base, 6 + tid.as_str().len());
    let b = rest.as_bytes();
    if let Some(n) = three_digits(b, 0).filter(|_| b.len() == 3 || b.get(3) == Some(&b' ')) {
        let code = StatusCode::from_u16(n)
            .ok_or(Error::at(ErrorKind::Syntax("status code 100 to 999"), at))?;
        let comment = rest.get(4..);
        return Ok((tid, FrameKind::Response { code, comment }));
    }
    if rest.is_empty() || !rest.bytes().all(|c| c.is_ascii_uppercase()) {
        return Err(Error::at(
            ErrorKind::Syntax("upper-case method or status code"),
            at,
        ));
    }
    Ok((
        tid,
        FrameKind::Request {
            method: Method::from_name(rest),
        },
    ))
}

fn apply_header<'a>(
    head: &mut FrameHead<'a>,
    line: &'a str,
    index: usize,
    at: u64,
    paths: &mut PathCache,
) -> Result<(), Error> {
    let (colon, kind) = header_name::colon_and_kind(line, at)?;
    let name = line.get(..colon).unwrap_or_default();
    let raw_value = line.get(colon + 1..).unwrap_or_default();
    let (lead, value) = trim_ws(raw_value);
    let value_at = at + (colon + 1 + lead) as u64;
    match index {
        0 if kind != Known::ToPath => return Err(Error::at(ErrorKind::MissingToPath, at)),
        1 if kind != Known::FromPath => return Err(Error::at(ErrorKind::MissingFromPath, at)),
        _ => {}
    }
    typed_header(head, kind, value, index, value_at, paths).map_err(|e| e.in_header(name))
}

fn typed_header<'a>(
    head: &mut FrameHead<'a>,
    kind: Known,
    value: &'a str,
    index: usize,
    at: u64,
    paths: &mut PathCache,
) -> Result<(), Error> {
    match kind {
        Known::ToPath | Known::FromPath => {
            if index > 1 {
                return Err(Error::at(ErrorKind::DuplicateHeader, at));
            }
            paths.validate(index, value, at)?;
            if index == 0 {
                head.to_path = value;
            } else {
                head.from_path = value;
            }
        }
        Known::MessageId => {
            crate::transaction_id::check_ident(value.as_bytes()).map_err(|i| {
                let what = ErrorKind::Syntax("Message-ID of 4 to 32 ident characters");
                Error::at(what, at + i as u64)
            })?;
            set_once(&mut head.message_id, value, at)?;
        }
        Known::ByteRange => {
            let range = ByteRange::parse(value)
                .map_err(|e| Error::at(ErrorKind::ByteRange(e.expected), at + e.offset as u64))?;
            set_once(&mut head.byte_range, range, at)?;
        }
        Known::SuccessReport => {
            let v =
                SuccessReport::parse(value).ok_or(Error::at(ErrorKind::Syntax("yes or no"), at))?;
            set_once(&mut head.success_report, v, at)?;
        }
        Known::FailureReport => {
            let v = FailureReport::parse(value)
                .ok_or(Error::at(ErrorKind::Syntax("yes, no or partial"), at))?;
            set_once(&mut head.failure_report, v, at)?;
        }
        Known::Status => {
            let v = Status::parse(value).map_err(|i| {
                let what = ErrorKind::Syntax("namespace SP status-code [SP comment]");
                Error::at(what, at + i as u64)
            })?;
            set_once(&mut head.status, v, at)?;
        }
        Known::ContentType => {
            // A byte loop: `str::contains` calls the general `memchr` for a short value.
            if !value.bytes().any(|c| c == b'/') {
                return Err(Error::at(ErrorKind::Syntax("type/subtype"), at));
            }
            set_once(&mut head.content_type, value, at)?;
        }
        Known::Other => {}
    }
    Ok(())
}

fn set_once<T>(slot: &mut Option<T>, value: T, at: u64) -> Result<(), Error> {
    if slot.is_some() {
        return Err(Error::at(ErrorKind::DuplicateHeader, at));
    }
    *slot = Some(value);
    Ok(())
}

fn check_frame(head: &FrameHead<'_>, headers: usize, end: u64) -> Result<(), Error> {
    match headers {
        0 => return Err(Error::at(ErrorKind::MissingToPath, end)),
        1 => return Err(Error::at(ErrorKind::MissingFromPath, end)),
        _ => {}
    }
    if head.has_body {
        if matches!(head.kind, FrameKind::Response { .. }) {
            return Err(Error::at(ErrorKind::ResponseWithBody, end));
        }
        if head.content_type.is_none() {
            return Err(Error::at(ErrorKind::MissingContentType, end));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::Header;

    const TO: &str = "To-Path: msrp://b.example:8888/9di4ea;tcp\r\n";
    const FROM: &str = "From-Path: msrp://a.example:7777/iau39;tcp\r\n";

    fn head(start: &str, extra: &str, body: bool) -> Result<FrameHead<'static>, Error> {
        let text = format!("{start}\r\n{TO}{FROM}{extra}");
        parse_head(
            Box::leak(text.into_boxed_str()).as_bytes(),
            100,
            body,
            None,
            &mut PathCache::default(),
        )
    }

    #[test]
    fn parses_send_head_with_typed_headers() {
        let extra = "Message-ID: 87652\r\nByte-Range: 1-25/25\r\nSuccess-Report: yes\r\n\
                     Failure-Report: partial\r\nX-Other:  v \r\nContent-Type: text/plain\r\n";
        let h = head("MSRP a786hjs2 SEND", extra, true).expect("valid");
        assert_eq!(h.tid.as_str(), "a786hjs2");
        assert_eq!(h.method(), Some(Method::Send));
        assert_eq!(h.message_id, Some("87652"));
        assert_eq!(h.byte_range, Some(ByteRange::new(1, Some(25), Some(25))));
        assert_eq!(h.success_report, Some(SuccessReport::Yes));
        assert_eq!(h.failure_report, Some(FailureReport::Partial));
        assert_eq!(h.content_type, Some("text/plain"));
        assert_eq!(h.header("x-other"), Some("v"));
        let names: Vec<&str> = h.headers().map(|Header { name, .. }| name).collect();
        assert_eq!(names[..3], ["To-Path", "From-Path", "Message-ID"]);
        assert_eq!(h.to_path_uris().count(), 1);
    }

    #[test]
    fn parses_response_and_report_start_lines() {
        let r = head("MSRP a786hjs2 200 OK", "", false).expect("valid");
        assert_eq!(
            r.kind,
            FrameKind::Response {
                code: StatusCode::Ok,
                comment: Some("OK")
            }
        );
        let r = head("MSRP a786hjs2 481", "", false).expect("valid");
        assert_eq!(r.response_code(), Some(StatusCode::NoSuchSession));
        let rep = head("MSRP dkei38sd REPORT", "Status: 000 200 OK\r\n", false).expect("valid");
        assert_eq!(rep.status.map(|s| s.code), Some(StatusCode::Ok));
        let other = head("MSRP dkei38sd NICKNAME", "", false).expect("valid");
        assert_eq!(other.method(), Some(Method::Other("NICKNAME")));
    }

    #[test]
    fn rejects_bad_start_lines_at_their_offset() {
        let kind_at = |s: &str| head(s, "", false).map_err(|e| (e.kind, e.offset)).err();
        let syn = ErrorKind::Syntax;
        assert_eq!(
            kind_at("HTTP abcd SEND"),
            Some((syn("'MSRP ' at the start of a frame"), 100))
        );
        assert_eq!(kind_at("MSRP abc SEND").map(|k| k.1), Some(108));
        assert_eq!(kind_at("MSRP abcd send").map(|k| k.1), Some(110));
        assert_eq!(kind_at("MSRP abcd 099 x").map(|k| k.1), Some(110));
        assert_eq!(kind_at("MSRP abcd").map(|k| k.1), Some(109));
    }

    #[test]
    fn enforces_header_rules() {
        let text = "MSRP abcd SEND\r\nFrom-Path: msrp://a/b;tcp\r\n";
        assert_eq!(
            parse_head(text.as_bytes(), 0, false, None, &mut PathCache::default())
                .map_err(|e| e.kind),
            Err(ErrorKind::MissingToPath)
        );
        let text = "MSRP abcd SEND\r\nTo-Path: msrp://a/b;tcp\r\n";
        let e = parse_head(text.as_bytes(), 0, false, None, &mut PathCache::default())
            .expect_err("no From-Path");
        assert_eq!((e.kind, e.offset), (ErrorKind::MissingFromPath, 41));
        let e = head("MSRP abcd SEND", "Byte-Range: 1-2/3\r\n", true).expect_err("no type");
        assert_eq!(e.kind, ErrorKind::MissingContentType);
        let e = head("MSRP abcd 200 OK", "Content-Type: a/b\r\n", true).expect_err("body");
        assert_eq!(e.kind, ErrorKind::ResponseWithBody);
        let e = head("MSRP abcd SEND", "Byte-Range: 9-2/30\r\n", false).expect_err("backwards");
        assert_eq!(
            e.kind,
            ErrorKind::ByteRange("range-end not before range-start")
        );
        assert_eq!(e.header.as_deref(), Some("Byte-Range"));
        let e = head("MSRP abcd SEND", "Message-ID: ab\r\n", false).expect_err("short id");
        assert_eq!(e.header.as_deref(), Some("Message-ID"));
        let e = head(
            "MSRP abcd SEND",
            "Message-ID: abcd\r\nMessage-ID: abcd\r\n",
            false,
        );
        assert_eq!(
            e.map_err(|e| e.kind).err(),
            Some(ErrorKind::DuplicateHeader)
        );
        let e = head("MSRP abcd SEND", "Bad Name: x\r\n", false).expect_err("name");
        assert_eq!(e.kind, ErrorKind::Syntax("a header name (token)"));
    }

    #[test]
    fn control_characters_and_lone_cr_are_refused_where_they_are() {
        let e = head("MSRP abcd SEND", "X-A: b\x01c\r\n", false).expect_err("control");
        assert_eq!(
            (e.offset, e.header.as_deref()),
            (100 + 16 + 43 + 44 + 6, Some("X-A"))
        );
        let e = head("MSRP abcd SEND", "X-A: b\rc\r\n", false).expect_err("lone CR");
        assert_eq!(
            (e.offset, e.header.as_deref()),
            (100 + 16 + 43 + 44 + 6, Some("X-A"))
        );
        let e = head("MSRP ab\x7fcd SEND", "", false).expect_err("DEL in start line");
        assert_eq!((e.offset, e.header), (107, None));
    }

    #[test]
    fn uri_errors_point_into_the_path_value() {
        let text = "MSRP abcd SEND\r\nTo-Path: msrp://a/b\r\nFrom-Path: msrp://c/d;tcp\r\n";
        let e = parse_head(text.as_bytes(), 0, false, None, &mut PathCache::default())
            .expect_err("no transport");
        assert_eq!(
            e.kind,
            ErrorKind::Uri(crate::uri::UriErrorKind::MissingTransport)
        );
        assert_eq!(e.offset, 35);
        assert_eq!(e.header.as_deref(), Some("To-Path"));
    }
}
