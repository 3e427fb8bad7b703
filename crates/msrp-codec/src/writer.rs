//! Writing frames: heads, end-lines and whole bodiless frames, into a caller's byte slice
//! (no allocation; the length is known before anything is written).

use crate::byte_range::ByteRange;
use crate::frame::{Flag, FrameHead, Header, Method};
use crate::report::{FailureReport, SuccessReport};
use crate::status::{Status, StatusCode};
use crate::transaction_id::TransactionId;
use crate::uri::split_path;
use core::fmt;

/// The buffer passed to a writer is too small; `needed` bytes would fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BufferTooSmall {
    /// The size the whole output needs.
    pub needed: usize,
}

impl fmt::Display for BufferTooSmall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "output buffer too small: {} bytes needed", self.needed)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BufferTooSmall {}

/// A cursor over a caller's slice that counts what did not fit instead of failing midway.
pub(crate) struct Out<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl<'b> Out<'b> {
    pub(crate) fn new(buf: &'b mut [u8]) -> Self {
        Out { buf, len: 0 }
    }

    pub(crate) fn put(&mut self, bytes: &[u8]) {
        let end = self.len.saturating_add(bytes.len());
        if let Some(dst) = self.buf.get_mut(self.len..end) {
            dst.copy_from_slice(bytes);
        }
        self.len = end;
    }

    pub(crate) fn put_u64(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            if let Some(d) = digits.get_mut(i) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || i == 0 {
                break;
            }
        }
        self.put(digits.get(i..).unwrap_or_default());
    }

    pub(crate) fn header(&mut self, name: &str, value: &[u8]) {
        self.put(name.as_bytes());
        self.put(b": ");
        self.put(value);
        self.put(b"\r\n");
    }

    pub(crate) fn byte_range(&mut self, r: &ByteRange) {
        self.put(b"Byte-Range: ");
        self.put_u64(r.start);
        self.put(b"-");
        match r.end {
            Some(e) => self.put_u64(e),
            None => self.put(b"*"),
        }
        self.put(b"/");
        match r.total {
            Some(t) => self.put_u64(t),
            None => self.put(b"*"),
        }
        self.put(b"\r\n");
    }

    pub(crate) fn finish(self) -> Result<usize, BufferTooSmall> {
        if self.len <= self.buf.len() {
            Ok(self.len)
        } else {
            Err(BufferTooSmall { needed: self.len })
        }
    }
}

/// Writes `[CRLF] "-------" tid flag CRLF`: with the leading CRLF after a body, without it
/// when the frame has none.
pub fn write_end_line(
    tid: TransactionId<'_>,
    flag: Flag,
    after_body: bool,
    buf: &mut [u8],
) -> Result<usize, BufferTooSmall> {
    let mut out = Out::new(buf);
    if after_body {
        out.put(b"\r\n");
    }
    out.put(b"-------");
    out.put(tid.as_str().as_bytes());
    out.put(&[flag.as_byte(), b'\r', b'\n']);
    out.finish()
}

/// A request head to write. Headers are written in canonical case in the order RFC 4975
/// shows: To-Path, From-Path, Message-ID, Success-Report, Failure-Report, Byte-Range, Status,
/// the `extra` headers, and Content-Type last (then the blank line before the body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request<'a> {
    /// Transaction id.
    pub tid: TransactionId<'a>,
    /// Method.
    pub method: Method<'a>,
    /// To-Path value (space-separated URIs).
    pub to_path: &'a str,
    /// From-Path value.
    pub from_path: &'a str,
    /// Message-ID.
    pub message_id: Option<&'a str>,
    /// Success-Report.
    pub success_report: Option<SuccessReport>,
    /// Failure-Report.
    pub failure_report: Option<FailureReport>,
    /// Byte-Range.
    pub byte_range: Option<ByteRange>,
    /// Status (REPORT).
    pub status: Option<Status<'a>>,
    /// Other headers, written as given.
    pub extra: &'a [Header<'a>],
    /// Content-Type; `Some` means a body follows the head.
    pub content_type: Option<&'a str>,
}

impl<'a> Request<'a> {
    /// A request with only the mandatory parts.
    pub fn new(
        tid: TransactionId<'a>,
        method: Method<'a>,
        to_path: &'a str,
        from_path: &'a str,
    ) -> Self {
        Request {
            tid,
            method,
            to_path,
            from_path,
            message_id: None,
            success_report: None,
            failure_report: None,
            byte_range: None,
            status: None,
            extra: &[],
            content_type: None,
        }
    }

    /// Writes the start line and headers (and the blank line when a body follows); returns
    /// the length written. Follow with the body and [`write_end_line`].
    pub fn write_head(&self, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let mut out = Out::new(buf);
        out.put(b"MSRP ");
        out.put(self.tid.as_str().as_bytes());
        out.put(b" ");
        out.put(self.method.as_str().as_bytes());
        out.put(b"\r\n");
        out.header("To-Path", self.to_path.as_bytes());
        out.header("From-Path", self.from_path.as_bytes());
        if let Some(id) = self.message_id {
            out.header("Message-ID", id.as_bytes());
        }
        if let Some(v) = self.success_report {
            out.header("Success-Report", v.as_str().as_bytes());
        }
        if let Some(v) = self.failure_report {
            out.header("Failure-Report", v.as_str().as_bytes());
        }
        if let Some(r) = &self.byte_range {
            out.byte_range(r);
        }
        if let Some(s) = &self.status {
            write_status(&mut out, s);
        }
        for h in self.extra {
            out.header(h.name, h.value.as_bytes());
        }
        if let Some(ct) = self.content_type {
            out.header("Content-Type", ct.as_bytes());
            out.put(b"\r\n");
        }
        out.finish()
    }

    /// Writes a whole request without a body (head and end-line).
    pub fn write_bodiless(&self, flag: Flag, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let bodiless = Request {
            content_type: None,
            ..*self
        };
        let head = bodiless.write_head(buf);
        let head_len = head.unwrap_or_else(|e| e.needed);
        let rest = buf.get_mut(head_len..).unwrap_or_default();
        let end = write_end_line(self.tid, flag, false, rest).map_err(|e| BufferTooSmall {
            needed: head_len + e.needed,
        })?;
        head.map(|n| n + end)
    }
}

fn write_status(out: &mut Out<'_>, s: &Status<'_>) {
    out.put(b"Status: ");
    out.put(&three_digits(s.namespace));
    out.put(b" ");
    out.put(&three_digits(s.code.as_u16()));
    if let Some(c) = s.comment {
        out.put(b" ");
        out.put(c.as_bytes());
    }
    out.put(b"\r\n");
}

fn three_digits(n: u16) -> [u8; 3] {
    let digit = |d: u16| b'0' + (d % 10) as u8;
    [digit(n / 100), digit(n / 10), digit(n)]
}

/// A transaction response (RFC 4975 §7.2): start line, To-Path, From-Path, end-line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response<'a> {
    /// The request's transaction id.
    pub tid: TransactionId<'a>,
    /// Status code.
    pub code: StatusCode,
    /// Comment after the code (the code's reason phrase by default).
    pub comment: Option<&'a str>,
    /// To-Path: the request's From-Path.
    pub to_path: &'a str,
    /// From-Path: the responder's own URI.
    pub from_path: &'a str,
}

impl<'a> Response<'a> {
    /// The response to `request`: To-Path is the request's From-Path and From-Path the last
    /// URI of its To-Path (the responder itself, RFC 4975 §7.2).
    pub fn to_request(request: &FrameHead<'a>, code: StatusCode) -> Self {
        let own = split_path(request.to_path)
            .filter_map(Result::ok)
            .last()
            .and_then(|u| u.as_str());
        let reason = code.reason();
        Response {
            tid: request.tid,
            code,
            comment: (!reason.is_empty()).then_some(reason),
            to_path: request.from_path,
            from_path: own.unwrap_or(request.to_path),
        }
    }

    /// Writes the whole response.
    pub fn write(&self, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let mut out = Out::new(buf);
        out.put(b"MSRP ");
        out.put(self.tid.as_str().as_bytes());
        out.put(b" ");
        out.put_u64(u64::from(self.code.as_u16()));
        if let Some(c) = self.comment {
            out.put(b" ");
            out.put(c.as_bytes());
        }
        out.put(b"\r\n");
        out.header("To-Path", self.to_path.as_bytes());
        out.header("From-Path", self.from_path.as_bytes());
        out.put(b"-------");
        out.put(self.tid.as_str().as_bytes());
        out.put(b"$\r\n");
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{Event, Parser};

    fn tid(s: &str) -> TransactionId<'_> {
        TransactionId::new(s).expect("valid tid")
    }

    #[test]
    fn writes_a_send_head_the_parser_reads_back() {
        let mut req = Request::new(
            tid("a786hjs2"),
            Method::Send,
            "msrp://b/s;tcp",
            "msrp://a/s;tcp",
        );
        req.message_id = Some("87652491");
        req.byte_range = Some(ByteRange::new(1, Some(5), Some(5)));
        req.failure_report = Some(FailureReport::Partial);
        req.content_type = Some("text/plain");
        let extra = [Header {
            name: "X-Hint",
            value: "1",
        }];
        req.extra = &extra;
        let mut buf = [0u8; 512];
        let n = req.write_head(&mut buf).expect("fits");
        let mut frame = buf[..n].to_vec();
        frame.extend_from_slice(b"hello");
        let mut end = [0u8; 48];
        let e = write_end_line(req.tid, Flag::Complete, true, &mut end).expect("fits");
        frame.extend_from_slice(&end[..e]);
        let text = core::str::from_utf8(&frame).expect("ascii");
        assert!(text.starts_with(
            "MSRP a786hjs2 SEND\r\nTo-Path: msrp://b/s;tcp\r\nFrom-Path: msrp://a/s;tcp\r\n"
        ));
        assert!(text.ends_with("Content-Type: text/plain\r\n\r\nhello\r\n-------a786hjs2$\r\n"));
        let mut p = Parser::default();
        match p.feed(&frame).map(|f| f.event) {
            Ok(Some(Event::Head(h))) => {
                assert_eq!(h.byte_range, req.byte_range);
                assert_eq!(h.failure_report, Some(FailureReport::Partial));
                assert_eq!(h.header("X-Hint"), Some("1"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reports_the_size_needed_when_the_buffer_is_small() {
        let req = Request::new(
            tid("abcd"),
            Method::Send,
            "msrp://b/s;tcp",
            "msrp://a/s;tcp",
        );
        let mut big = [0u8; 256];
        let n = req.write_bodiless(Flag::Complete, &mut big).expect("fits");
        let mut small = [0u8; 10];
        assert_eq!(
            req.write_bodiless(Flag::Complete, &mut small),
            Err(BufferTooSmall { needed: n })
        );
        assert!(big[..n].ends_with(b"From-Path: msrp://a/s;tcp\r\n-------abcd$\r\n"));
    }

    #[test]
    fn response_swaps_the_paths() {
        let frame = b"MSRP abcd SEND\r\nTo-Path: msrp://r/1;tcp msrp://b/2;tcp\r\nFrom-Path: msrp://a/3;tcp\r\n-------abcd$\r\n";
        let mut p = Parser::default();
        let head = match p.feed(frame).map(|f| f.event) {
            Ok(Some(Event::Head(h))) => h,
            other => panic!("{other:?}"),
        };
        let resp = Response::to_request(&head, StatusCode::StopSending);
        let mut buf = [0u8; 256];
        let n = resp.write(&mut buf).expect("fits");
        let expected = "MSRP abcd 413 Stop Sending Message\r\nTo-Path: msrp://a/3;tcp\r\nFrom-Path: msrp://b/2;tcp\r\n-------abcd$\r\n";
        assert_eq!(core::str::from_utf8(&buf[..n]), Ok(expected));
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut buf = [0u8; 64];
        let mut out = Out::new(&mut buf);
        out.put_u64(0);
        out.put(b" ");
        out.put_u64(u64::MAX);
        let n = out.finish().expect("fits");
        assert_eq!(&buf[..n], b"0 18446744073709551615");
    }
}
