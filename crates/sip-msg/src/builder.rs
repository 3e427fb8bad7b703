//! Writing requests and responses into a caller's buffer.
//!
//! The writer appends the start line and each header as it is given, then the
//! Content-Length it computes itself and the body. It refuses anything that would change the
//! message structure: CR, LF or other control bytes in a value, a header name that is not a
//! token, or a Content-Length given by hand.

use crate::error::Error;
use crate::grammar::is_token;
use crate::name::HeaderName;
use crate::start_line::{Method, StatusCode};
use core::fmt::{self, Write as _};

/// Where a [`MessageWriter`] puts bytes.
pub trait Sink {
    /// Appends `bytes`, or records that they did not fit.
    fn put(&mut self, bytes: &[u8]);
    /// The message length so far, including bytes that did not fit.
    fn len(&self) -> usize;
    /// Whether every byte so far fit.
    fn fits(&self) -> bool;
    /// Whether nothing was written yet.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A fixed buffer (`no_std`). Bytes past its end are counted, not written, so that
/// [`Error::BufferTooSmall`] can say how many bytes the message needs.
#[derive(Debug)]
pub struct SliceSink<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl<'b> SliceSink<'b> {
    /// Writes from the start of `buf`.
    pub fn new(buf: &'b mut [u8]) -> Self {
        SliceSink { buf, len: 0 }
    }
}

impl Sink for SliceSink<'_> {
    fn put(&mut self, bytes: &[u8]) {
        let end = self.len.saturating_add(bytes.len());
        if let Some(dst) = self.buf.get_mut(self.len..end) {
            dst.copy_from_slice(bytes);
        }
        self.len = end;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn fits(&self) -> bool {
        self.len <= self.buf.len()
    }
}

/// A vector grows as needed: it allocates only while its capacity grows, so a reused one
/// (cleared between messages) stops allocating.
#[cfg(feature = "alloc")]
impl Sink for alloc::vec::Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    fn len(&self) -> usize {
        alloc::vec::Vec::len(self)
    }

    fn fits(&self) -> bool {
        true
    }
}

/// A sink borrowed for one message.
impl<S: Sink + ?Sized> Sink for &mut S {
    fn put(&mut self, bytes: &[u8]) {
        (**self).put(bytes);
    }

    fn len(&self) -> usize {
        (**self).len()
    }

    fn fits(&self) -> bool {
        (**self).fits()
    }
}

/// Writes one SIP message.
///
/// ```
/// use sip_msg::{builder::MessageWriter, header::CSeq, HeaderName, Method};
/// let mut buf = [0u8; 512];
/// let mut w = MessageWriter::request(&mut buf[..], Method::Message, "sip:bob@example.net")?;
/// w.header(HeaderName::Via, "SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK776")?
///     .header(HeaderName::MaxForwards, 70)?
///     .header(HeaderName::From, "<sip:alice@example.com>;tag=1")?
///     .header(HeaderName::To, "<sip:bob@example.net>")?
///     .header(HeaderName::CallId, "a84b4c76e66710")?
///     .header(HeaderName::CSeq, CSeq { number: 1, method: Method::Message })?
///     .header(HeaderName::ContentType, "text/plain")?;
/// let len = w.finish(b"hello")?;
/// let msg = sip_msg::parse(&buf[..len])?;
/// assert_eq!(msg.body(), b"hello");
/// assert_eq!(msg.content_length()?.map(|l| l.bytes()), Some(5));
/// # Ok::<(), sip_msg::Error>(())
/// ```
#[derive(Debug)]
pub struct MessageWriter<S: Sink> {
    out: S,
}

impl<'b> MessageWriter<SliceSink<'b>> {
    /// Starts a request in a fixed buffer.
    pub fn request(
        buf: &'b mut [u8],
        method: Method<'_>,
        uri: impl fmt::Display,
    ) -> Result<Self, Error> {
        MessageWriter::request_into(SliceSink::new(buf), method, uri)
    }

    /// Starts a response in a fixed buffer.
    pub fn response(buf: &'b mut [u8], status: StatusCode, reason: &str) -> Result<Self, Error> {
        MessageWriter::response_into(SliceSink::new(buf), status, reason)
    }
}

#[cfg(feature = "alloc")]
impl<'v> MessageWriter<&'v mut alloc::vec::Vec<u8>> {
    /// Starts a request in `buf`, which is cleared first and reused.
    pub fn request_vec(
        buf: &'v mut alloc::vec::Vec<u8>,
        method: Method<'_>,
        uri: impl fmt::Display,
    ) -> Result<Self, Error> {
        buf.clear();
        MessageWriter::request_into(buf, method, uri)
    }

    /// Starts a response in `buf`, which is cleared first and reused.
    pub fn response_vec(
        buf: &'v mut alloc::vec::Vec<u8>,
        status: StatusCode,
        reason: &str,
    ) -> Result<Self, Error> {
        buf.clear();
        MessageWriter::response_into(buf, status, reason)
    }
}

impl<S: Sink> MessageWriter<S> {
    /// Starts a request in any sink.
    pub fn request_into(out: S, method: Method<'_>, uri: impl fmt::Display) -> Result<Self, Error> {
        let method = method.as_str();
        if method.is_empty() || !method.bytes().all(is_token) {
            return Err(Error::InvalidInput {
                expected: "a method token",
            });
        }
        let mut w = MessageWriter { out };
        w.out.put(method.as_bytes());
        w.out.put(b" ");
        let uri_start = w.out.len();
        w.write_filtered(uri, Filter::NoWhitespace)?;
        if w.out.len() == uri_start {
            return Err(Error::InvalidInput {
                expected: "a Request-URI",
            });
        }
        w.out.put(b" SIP/2.0\r\n");
        Ok(w)
    }

    /// Starts a response in any sink.
    pub fn response_into(out: S, status: StatusCode, reason: &str) -> Result<Self, Error> {
        let mut w = MessageWriter { out };
        w.out.put(b"SIP/2.0 ");
        w.display(status)?;
        w.out.put(b" ");
        w.display(reason)?;
        w.out.put(b"\r\n");
        Ok(w)
    }

    /// Appends a header with a known name (written in its canonical form). The value is any
    /// `Display`, typically a type of [`crate::header`].
    pub fn header(
        &mut self,
        name: HeaderName,
        value: impl fmt::Display,
    ) -> Result<&mut Self, Error> {
        match name {
            HeaderName::Other => Err(Error::InvalidInput {
                expected: "a known header name",
            }),
            HeaderName::ContentLength => Err(Error::InvalidInput {
                expected: "no Content-Length: the writer computes it",
            }),
            known => self.header_named(known.as_str(), value),
        }
    }

    /// Appends a header with any name, which must be a token (and not Content-Length).
    pub fn header_named(
        &mut self,
        name: &str,
        value: impl fmt::Display,
    ) -> Result<&mut Self, Error> {
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(Error::InvalidInput {
                expected: "a header name token",
            });
        }
        if HeaderName::from_bytes(name.as_bytes()) == HeaderName::ContentLength {
            return Err(Error::InvalidInput {
                expected: "no Content-Length: the writer computes it",
            });
        }
        self.out.put(name.as_bytes());
        self.out.put(b": ");
        self.display(value)?;
        self.out.put(b"\r\n");
        Ok(self)
    }

    /// Writes Content-Length, the empty line and `body`; returns the message length.
    pub fn finish(mut self, body: &[u8]) -> Result<usize, Error> {
        self.out.put(b"Content-Length: ");
        self.display(body.len())?;
        self.out.put(b"\r\n\r\n");
        self.out.put(body);
        if self.out.fits() {
            Ok(self.out.len())
        } else {
            Err(Error::BufferTooSmall {
                needed: self.out.len(),
            })
        }
    }

    /// Writes a value that may hold any text but control bytes (HTAB aside).
    fn display(&mut self, value: impl fmt::Display) -> Result<(), Error> {
        self.write_filtered(value, Filter::Text)
    }

    fn write_filtered(&mut self, value: impl fmt::Display, filter: Filter) -> Result<(), Error> {
        write_checked(&mut self.out, value, filter)
    }
}

/// Writes `value` to `out` unless the filter refuses one of its bytes.
pub(crate) fn write_checked<S: Sink>(
    out: &mut S,
    value: impl fmt::Display,
    filter: Filter,
) -> Result<(), Error> {
    let mut checked = Checked {
        out,
        filter,
        refused: false,
    };
    let result = write!(checked, "{value}");
    if checked.refused {
        return Err(Error::InvalidInput {
            expected: filter.expected(),
        });
    }
    result.map_err(|_| Error::InvalidInput {
        expected: "a value whose Display succeeds",
    })
}

/// What a written piece of text may contain.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Filter {
    /// Header values and reason phrases: no control byte but HTAB, so no CR or LF.
    Text,
    /// The Request-URI: not even SP or HTAB, which would split the Request-Line.
    NoWhitespace,
}

impl Filter {
    fn allows(self, b: u8) -> bool {
        match self {
            Filter::Text => (b >= 0x20 || b == b'\t') && b != 0x7f,
            Filter::NoWhitespace => b > 0x20 && b != 0x7f,
        }
    }

    fn expected(self) -> &'static str {
        match self {
            Filter::Text => "text without CR, LF or control bytes",
            Filter::NoWhitespace => "a Request-URI without whitespace or control bytes",
        }
    }
}

/// Passes text on to the sink unless the filter refuses one of its bytes.
struct Checked<'s, S: Sink> {
    out: &'s mut S,
    filter: Filter,
    refused: bool,
}

impl<S: Sink> fmt::Write for Checked<'_, S> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if !s.bytes().all(|b| self.filter.allows(b)) {
            self.refused = true;
            return Err(fmt::Error);
        }
        self.out.put(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::CSeq;

    fn minimal<S: Sink>(w: &mut MessageWriter<S>, method: Method<'_>) -> Result<(), Error> {
        w.header(HeaderName::Via, "SIP/2.0/UDP h;branch=z9hG4bK1")?
            .header(HeaderName::MaxForwards, 70)?
            .header(HeaderName::From, "<sip:a@h>;tag=1")?
            .header(HeaderName::To, "<sip:b@h>")?
            .header(HeaderName::CallId, "c@h")?
            .header(HeaderName::CSeq, CSeq { number: 1, method })?;
        Ok(())
    }

    #[test]
    fn computes_content_length_and_round_trips() {
        let mut buf = [0u8; 300];
        let mut w = MessageWriter::request(&mut buf[..], Method::Bye, "sip:b@h").unwrap();
        minimal(&mut w, Method::Bye).unwrap();
        let len = w.finish(b"xyz").unwrap();
        let msg = crate::parse(&buf[..len]).unwrap();
        assert_eq!(msg.method(), Some(Method::Bye));
        assert_eq!(
            msg.get(HeaderName::ContentLength).map(|h| h.value()),
            Some("3")
        );
        assert_eq!(msg.body(), b"xyz");
    }

    #[test]
    fn refuses_line_breaks_and_bad_names() {
        let mut buf = [0u8; 300];
        let mut w = MessageWriter::request(&mut buf[..], Method::Bye, "sip:b@h").unwrap();
        for value in ["a\r\nX-Injected: 1", "a\nb", "a\rb", "nul\0"] {
            assert!(matches!(
                w.header(HeaderName::Subject, value),
                Err(Error::InvalidInput { .. })
            ));
        }
        assert!(w.header_named("Bad Name", "v").is_err());
        assert!(w.header_named("X:Y", "v").is_err());
        assert!(w.header_named("", "v").is_err());
        assert!(w.header_named("l", "5").is_err());
        assert!(w.header(HeaderName::ContentLength, 5).is_err());
        assert!(w.header(HeaderName::Other, 5).is_err());
        assert!(w.header(HeaderName::Subject, "tab\tis fine").is_ok());
        assert!(MessageWriter::request(&mut buf[..], Method::Bye, "sip:b@h x").is_err());
        assert!(MessageWriter::request(&mut buf[..], Method::Extension("B Y"), "sip:b@h").is_err());
        assert!(MessageWriter::response(&mut buf[..], StatusCode::MIN, "a\r\n").is_err());
    }

    #[test]
    fn too_small_buffers_report_the_needed_length() {
        let mut big = [0u8; 300];
        let mut w = MessageWriter::request(&mut big[..], Method::Bye, "sip:b@h").unwrap();
        minimal(&mut w, Method::Bye).unwrap();
        let needed = w.finish(b"body").unwrap();
        let mut small = [0u8; 40];
        let mut w = MessageWriter::request(&mut small[..], Method::Bye, "sip:b@h").unwrap();
        minimal(&mut w, Method::Bye).unwrap();
        assert_eq!(w.finish(b"body"), Err(Error::BufferTooSmall { needed }));
    }

    #[test]
    fn writes_responses_into_a_reused_vec() {
        let mut buf = Vec::with_capacity(512);
        for status in [180, 200] {
            let status = StatusCode::new(status).unwrap();
            let mut w = MessageWriter::response_vec(&mut buf, status, "Fine").unwrap();
            minimal(&mut w, Method::Invite).unwrap();
            let len = w.finish(b"").unwrap();
            assert_eq!(len, buf.len());
            let msg = crate::parse(&buf).unwrap();
            assert_eq!(msg.status(), Some(status));
        }
    }
}
