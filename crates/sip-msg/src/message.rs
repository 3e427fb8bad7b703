//! The borrowed message view and the datagram parse that produces it.

use crate::body;
use crate::error::Error;
use crate::field::Header;
use crate::limits::Limits;
use crate::name::HeaderName;
use crate::scan::{self, Head, HeaderList, RawHeader, Stop};
use crate::slot::MessageSlot;
use crate::start_line::{self, Method, StartLine, StatusCode};
use crate::text;
use crate::validate::{self, Checked, Lengths};
use core::fmt;

/// How much a parse checks beyond the line grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Reject what RFC 3261 says a UA must reject: missing mandatory headers (Via, From, To,
    /// Call-ID, CSeq; Max-Forwards on requests), a CSeq that disagrees with the method or is
    /// 2^31 or more, bad Max-Forwards, Call-ID or CSeq values, an unterminated quoted display
    /// name in From or To, repeated single-value headers. The default.
    ///
    /// Other values (Via, Contact, Session-Expires, ...) are checked by their typed accessors
    /// when read, so that a parse costs only one pass over the head.
    #[default]
    Validating,
    /// Only the line grammar, the limits and the Content-Length are checked, for proxies and
    /// tools that must look at broken messages. Typed accessors still check what they read.
    Lenient,
}

/// A configured parser: limits and mode. Cheap to copy; keep one per transport.
///
/// ```
/// use sip_msg::{Limits, Mode, Parser};
/// let parser = Parser::new().with_limits(Limits { max_headers: 32, ..Limits::DEFAULT });
/// let msg = parser.parse_datagram(b"SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\
///     From: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n\r\n")?;
/// assert_eq!(msg.status().map(|s| s.as_u16()), Some(100));
/// assert_eq!(parser.with_mode(Mode::Lenient).mode(), Mode::Lenient);
/// # Ok::<(), sip_msg::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parser {
    limits: Limits,
    mode: Mode,
}

impl Parser {
    /// Default limits, validating.
    pub const fn new() -> Self {
        Parser {
            limits: Limits::DEFAULT,
            mode: Mode::Validating,
        }
    }

    /// The same parser with other limits.
    pub const fn with_limits(self, limits: Limits) -> Self {
        Parser { limits, ..self }
    }

    /// The same parser in another mode.
    pub const fn with_mode(self, mode: Mode) -> Self {
        Parser { mode, ..self }
    }

    /// The limits in force.
    pub const fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The mode in force.
    pub const fn mode(&self) -> Mode {
        self.mode
    }

    /// Parses one whole message received as a datagram (UDP, or any transport that delivers
    /// message boundaries).
    ///
    /// The body is the Content-Length bytes after the headers (RFC 3261 18.3: extra bytes are
    /// ignored, missing ones are [`Error::BodyTooShort`]); without Content-Length it is the rest
    /// of the datagram.
    ///
    /// The message is returned by value, which costs one copy of it (896 bytes) on its way to
    /// the caller's variable; [`Parser::parse_datagram_into`] fills a slot the caller keeps
    /// instead.
    #[inline]
    pub fn parse_datagram<'a>(&self, buf: &'a [u8]) -> Result<Message<'a>, Error> {
        // Inlined, so that the message is filled in the caller's frame: built here and
        // returned, its 896 bytes would be copied out once more. The start line, already in
        // the message, is stored again from the fill's result. An `Option<Message>` (as from
        // `.ok()`) marks `None` with a start line value no start line has, and a stored value
        // the compiler has seen is one it knows is not that mark; without it, the caller's
        // `.ok()?` copied the message out and back to test for `None`.
        let mut message = Message::empty();
        message.start_line = self.fill_datagram(&mut message, buf)?;
        Ok(message)
    }

    /// [`Parser::parse_datagram`] into `slot`, a place the caller keeps, without the one copy
    /// of the message that returning it by value costs (see [`MessageSlot`]). Returns the
    /// message, borrowed from the slot.
    ///
    /// ```
    /// use sip_msg::{Error, MessageSlot, Parser};
    /// let parser = Parser::new();
    /// let mut slot = MessageSlot::new();
    /// let msg = parser.parse_datagram_into(b"BYE sip:b@h SIP/2.0\r\nMax-Forwards: 70\r\n\
    ///     v: SIP/2.0/UDP h;branch=z9hG4bK2\r\nf: <sip:a@h>;tag=1\r\nt: <sip:b@h>;tag=2\r\n\
    ///     i: c\r\nCSeq: 2 BYE\r\n\r\n", &mut slot)?;
    /// assert_eq!(msg.cseq()?.map(|c| c.number), Some(2));
    /// let mut slot = MessageSlot::new();
    /// let err = parser.parse_datagram_into(b"BYE sip:b@h SIP/2.0\r\n\r\n", &mut slot);
    /// assert!(matches!(err, Err(Error::MissingHeader { .. })));
    /// # Ok::<(), sip_msg::Error>(())
    /// ```
    #[inline]
    pub fn parse_datagram_into<'a, 's>(
        &self,
        buf: &'a [u8],
        slot: &'s mut MessageSlot<'a>,
    ) -> Result<&'s Message<'a>, Error> {
        let message = slot.cleared();
        message.start_line = self.fill_datagram(message, buf)?;
        Ok(message)
    }

    /// The parse of [`Parser::parse_datagram`] into `message`, an empty message. Returns the
    /// start line it read (see there).
    fn fill_datagram<'a>(
        &self,
        message: &mut Message<'a>,
        buf: &'a [u8],
    ) -> Result<StartLine<'a>, Error> {
        let head = self.scan(buf, message)?;
        if self.mode == Mode::Validating {
            // The checks pass by the Content-Length lines, so the body is read after them
            // without a walk of its own. On any failure the parse starts over in its usual
            // order (Content-Length, text, start line, checks), so that the error reported
            // is the one that order finds first.
            if let Ok(lengths) = self.complete_checked(message, buf, head) {
                let length = match lengths {
                    Lengths::None => None,
                    Lengths::One(raw) => Some(body::header_length(buf, &raw, &self.limits)?),
                    Lengths::Several => body::content_length(buf, &message.headers, &self.limits)?,
                };
                message.body = body::datagram_body(buf, head, length, &self.limits)?;
                return Ok(message.start_line);
            }
        }
        self.complete_in_order(message, buf, head)?;
        Ok(message.start_line)
    }

    /// The line structure of the datagram `buf`, its headers recorded in `message`.
    fn scan(&self, buf: &[u8], message: &mut Message<'_>) -> Result<Head, Error> {
        scan::scan(buf, &self.limits, &mut message.headers).map_err(|stop| match stop {
            Stop::Incomplete => Error::Truncated { offset: buf.len() },
            Stop::Invalid(e) => e,
        })
    }

    /// The parse of a scanned datagram, one step after the other: Content-Length, body,
    /// text, start line, checks.
    fn complete_in_order<'a>(
        &self,
        message: &mut Message<'a>,
        buf: &'a [u8],
        head: Head,
    ) -> Result<(), Error> {
        let length = body::content_length(buf, &message.headers, &self.limits)?;
        message.body = body::datagram_body(buf, head, length, &self.limits)?;
        self.complete(message, buf, head)
    }

    /// [`Parser::complete_in_order`] on a message it then returns, as the tests call it.
    #[cfg(test)]
    fn finish_in_order<'a>(
        &self,
        mut message: Message<'a>,
        buf: &'a [u8],
        head: Head,
    ) -> Result<Message<'a>, Error> {
        self.complete_in_order(&mut message, buf, head)?;
        Ok(message)
    }

    /// [`Parser::complete`] in validating mode, returning the Content-Length lines seen.
    fn complete_checked<'a>(
        &self,
        message: &mut Message<'a>,
        buf: &'a [u8],
        head: Head,
    ) -> Result<Lengths, Error> {
        self.start(message, buf, head)?;
        validate::check(message)
    }

    /// Fills in the start line of a message whose headers and body are in place, then
    /// validates it per the mode.
    pub(crate) fn complete<'a>(
        &self,
        message: &mut Message<'a>,
        buf: &'a [u8],
        head: Head,
    ) -> Result<(), Error> {
        self.start(message, buf, head)?;
        if self.mode == Mode::Validating {
            // The checks store into the message as they go; a message they already ran on
            // (the retry after a failed validating datagram parse) keeps nothing of that run.
            message.checked = Checked::default();
            validate::check(message)?;
        }
        Ok(())
    }

    /// Checks the head is text and parses the start line.
    fn start<'a>(&self, message: &mut Message<'a>, buf: &'a [u8], head: Head) -> Result<(), Error> {
        message.head =
            text::utf8_prefix(buf, head.len).map_err(|at| Error::syntax(at, "UTF-8 text"))?;
        let line = message.head.get(..head.start_line_len).unwrap_or("");
        message.start_line = start_line::parse(line)?;
        Ok(())
    }
}

/// Parses a datagram with the default limits, validating. See [`Parser::parse_datagram`].
///
/// ```
/// let msg = sip_msg::parse(b"SIP/2.0 180 Ringing\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\
///     f: <sip:a@h>;tag=1\r\nt: <sip:b@h>;tag=2\r\ni: c\r\nCSeq: 1 INVITE\r\nl: 0\r\n\r\n")?;
/// assert_eq!(msg.reason(), Some("Ringing"));
/// assert_eq!(msg.get(sip_msg::HeaderName::CallId).map(|h| h.value()), Some("c"));
/// # Ok::<(), sip_msg::Error>(())
/// ```
#[inline]
pub fn parse(buf: &[u8]) -> Result<Message<'_>, Error> {
    Parser::new().parse_datagram(buf)
}

/// A parsed SIP message: a view borrowing the input buffer.
///
/// Header values are kept as written (folds included) and typed on access, so a parse costs
/// one pass over the head. The header table has a fixed capacity
/// ([`crate::limits::HEADER_CAPACITY`]); nothing is allocated.
#[derive(Clone)]
pub struct Message<'a> {
    head: &'a str,
    start_line: StartLine<'a>,
    headers: HeaderList,
    body: &'a [u8],
    checked: Checked<'a>,
}

impl<'a> Message<'a> {
    /// A message with no headers, to be filled in place by a parse.
    pub(crate) fn empty() -> Self {
        Message {
            head: "",
            start_line: StartLine::Response {
                status: StatusCode::MIN,
                reason: "",
            },
            headers: HeaderList::new(),
            body: &[],
            checked: Checked {
                call_id: None,
                cseq: None,
            },
        }
    }

    /// The values the validating parse already typed (none in lenient mode).
    pub(crate) fn checked(&self) -> &Checked<'a> {
        &self.checked
    }

    pub(crate) fn headers_mut(&mut self) -> &mut HeaderList {
        &mut self.headers
    }

    pub(crate) fn set_body(&mut self, body: &'a [u8]) {
        self.body = body;
    }

    /// The parsed start line.
    pub fn start_line(&self) -> StartLine<'a> {
        self.start_line
    }

    /// Whether this is a request.
    pub fn is_request(&self) -> bool {
        matches!(self.start_line, StartLine::Request { .. })
    }

    /// The method of a request.
    pub fn method(&self) -> Option<Method<'a>> {
        match self.start_line {
            StartLine::Request { method, .. } => Some(method),
            StartLine::Response { .. } => None,
        }
    }

    /// The Request-URI of a request, as written.
    pub fn request_uri(&self) -> Option<&'a str> {
        match self.start_line {
            StartLine::Request { uri, .. } => Some(uri),
            StartLine::Response { .. } => None,
        }
    }

    /// The status code of a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self.start_line {
            StartLine::Response { status, .. } => Some(status),
            StartLine::Request { .. } => None,
        }
    }

    /// The reason phrase of a response.
    pub fn reason(&self) -> Option<&'a str> {
        match self.start_line {
            StartLine::Response { reason, .. } => Some(reason),
            StartLine::Request { .. } => None,
        }
    }

    /// Every header line in message order, unknown ones included.
    pub fn headers(&self) -> impl ExactSizeIterator<Item = Header<'a>> + '_ {
        self.headers.iter().map(|raw| self.view(raw))
    }

    /// How many header lines the message has (a folded header counts once).
    pub fn header_count(&self) -> usize {
        self.headers.len()
    }

    /// The first header line with this name.
    pub fn get(&self, name: HeaderName) -> Option<Header<'a>> {
        self.get_all(name).next()
    }

    /// Every header line with this name, in order.
    pub fn get_all(&self, name: HeaderName) -> NamedHeaders<'_, 'a> {
        NamedHeaders {
            message: self,
            raw: self.headers.iter(),
            name,
        }
    }

    /// Every header line whose name matches `name` case-insensitively, for headers without a
    /// [`HeaderName`] (known names, in any form, work too).
    pub fn get_by_name<'s>(&'s self, name: &'s str) -> impl Iterator<Item = Header<'a>> + 's {
        let known = HeaderName::from_bytes(name.as_bytes());
        self.headers().filter(move |h| match known {
            HeaderName::Other => h.name() == known && h.raw_name().eq_ignore_ascii_case(name),
            _ => h.name() == known,
        })
    }

    /// The body: exactly Content-Length bytes (or the rest of the datagram without one).
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// Length of the start line and headers, including the empty line ending them.
    pub fn head_len(&self) -> usize {
        self.head.len()
    }

    /// The start line and headers as received.
    pub fn head(&self) -> &'a str {
        self.head
    }

    pub(crate) fn view(&self, raw: &RawHeader) -> Header<'a> {
        view(self.head, raw)
    }

    /// What the checks read (the method, the head and the header table) beside what they
    /// write (the values they type), borrowed apart.
    pub(crate) fn parts_for_checks(
        &mut self,
    ) -> (Option<Method<'a>>, &'a str, &[RawHeader], &mut Checked<'a>) {
        (self.method(), self.head, &self.headers, &mut self.checked)
    }
}

/// The header `raw` of the head `head`.
pub(crate) fn view<'a>(head: &'a str, raw: &RawHeader) -> Header<'a> {
    let value = raw.value_range();
    let offset = value.start;
    Header::new(
        raw.name,
        head.get(raw.name_range()).unwrap_or(""),
        head.get(value).unwrap_or(""),
        offset,
        raw.folded,
    )
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("start_line", &self.start_line)
            .field("headers", &HeadersDebug(self))
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// The header lines with one name, in order. Returned by [`Message::get_all`].
#[derive(Debug, Clone)]
pub struct NamedHeaders<'m, 'a> {
    message: &'m Message<'a>,
    raw: core::slice::Iter<'m, RawHeader>,
    name: HeaderName,
}

impl<'a> Iterator for NamedHeaders<'_, 'a> {
    type Item = Header<'a>;

    fn next(&mut self) -> Option<Header<'a>> {
        let name = self.name;
        self.raw
            .find(|raw| raw.name == name)
            .map(|raw| self.message.view(raw))
    }
}

struct HeadersDebug<'m, 'a>(&'m Message<'a>);

impl fmt::Debug for HeadersDebug<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.headers().map(|h| (h.raw_name(), h.value())))
            .finish()
    }
}

#[cfg(test)]
mod tests;
