//! The incremental frame parser: bytes of a TCP stream in, in any split; events out.

use crate::end_line::{Carry, Found, Scanner, MAX_END_LINE};
use crate::error::{Error, ErrorKind};
use crate::frame::{Flag, FrameHead};
use crate::head::parse_head;
use crate::head_scan::{HeadEnd, HeadScan};
use crate::limits::{Limits, HEAD_CAPACITY};
use crate::path_cache::PathCache;
use crate::transaction_id::MAX_LEN;
use arrayvec::ArrayVec;

type HeadBuf = ArrayVec<u8, { HEAD_CAPACITY + MAX_END_LINE + 1 }>;

/// What the parser found. A frame is one `Head`, zero or more `Body` slices (in order, never
/// empty), and one `End`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// The start line and headers.
    Head(FrameHead<'a>),
    /// The next piece of the body, as it arrived.
    Body(&'a [u8]),
    /// The end-line.
    End(FrameEnd),
}

/// The end of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameEnd {
    /// The end-line's flag.
    pub flag: Flag,
    /// Bytes of body the frame carried.
    pub body_len: u64,
}

/// The result of one [`Parser::feed`] call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feed<'a> {
    /// How many bytes of the input were used; pass the rest to the next call.
    pub consumed: usize,
    /// The event, or `None` when all of the input was used and more bytes are needed.
    pub event: Option<Event<'a>>,
}

/// An incremental MSRP frame parser for one connection.
///
/// Heads are parsed in place when a feed holds the whole head, otherwise gathered in a
/// fixed buffer of at most [`Limits::max_head_bytes`]; bodies are handed out as slices of the
/// input, never buffered. The body ends only at the end-line carrying this frame's transaction
/// id: the end-line is authoritative, so a chunk interrupted before the end its Byte-Range
/// announced (RFC 4975 §7.1) is accepted, and a body running past that end is an error. The
/// Byte-Range end also bounds how far a feed is searched for the end-line.
///
/// ```
/// use msrp_codec::{Event, Parser};
/// let stream = b"MSRP a786hjs2 SEND\r\nTo-Path: msrp://b.example/b;tcp\r\n\
///     From-Path: msrp://a.example/a;tcp\r\nMessage-ID: 87652\r\nByte-Range: 1-5/5\r\n\
///     Content-Type: text/plain\r\n\r\nhello\r\n-------a786hjs2$\r\n";
/// let mut parser = Parser::default();
/// let mut body = Vec::new();
/// for piece in stream.chunks(7) {
///     let mut rest = &piece[..];
///     loop {
///         let feed = parser.feed(rest)?;
///         rest = &rest[feed.consumed..];
///         match feed.event {
///             Some(Event::Head(head)) => assert_eq!(head.message_id, Some("87652")),
///             Some(Event::Body(bytes)) => body.extend_from_slice(bytes),
///             Some(Event::End(end)) => assert_eq!(end.body_len, 5),
///             None => break,
///         }
///     }
/// }
/// assert_eq!(body, b"hello");
/// # Ok::<(), msrp_codec::Error>(())
/// ```
pub struct Parser {
    core: Core,
    head_buf: HeadBuf,
    carry: Carry,
}

struct Core {
    limits: Limits,
    state: State,
    offset: u64,
    frame_start: u64,
    scan: HeadScan,
    paths: PathCache,
    scanner: Scanner,
    tid: ArrayVec<u8, MAX_LEN>,
    allowed: u64,
    announced: Option<u64>,
    body_start: u64,
    body_len: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Head,
    Body,
    PendingEnd(Flag),
    Failed,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new(Limits::default())
    }
}

impl Parser {
    /// A parser at the start of a stream.
    pub fn new(limits: Limits) -> Self {
        Parser {
            core: Core {
                limits,
                state: State::Head,
                offset: 0,
                frame_start: 0,
                scan: HeadScan::default(),
                paths: PathCache::default(),
                scanner: Scanner::new(),
                tid: ArrayVec::new(),
                allowed: 0,
                announced: None,
                body_start: 0,
                body_len: 0,
            },
            head_buf: HeadBuf::new(),
            carry: Carry::new(),
        }
    }

    /// Parses as much of `input` as makes the next event. Call again with the unused rest
    /// (and with an empty slice after an event, if nothing else is at hand) until the event is
    /// `None`; then all of `input` was used and more bytes are needed.
    pub fn feed<'a>(&'a mut self, input: &'a [u8]) -> Result<Feed<'a>, Error> {
        let Parser {
            core,
            head_buf,
            carry,
        } = self;
        if core.state != State::Head {
            head_buf.clear();
        } else if input.is_empty() {
            // The empty feed after each frame: nothing to scan and nothing to reset yet.
            return Ok(Feed {
                consumed: 0,
                event: None,
            });
        }
        let result = match core.state {
            State::Failed => Err(Error::at(ErrorKind::Failed, core.offset)),
            State::PendingEnd(flag) => Ok(core.end(flag, 0)),
            State::Head => core.feed_head(head_buf, input),
            State::Body => core.feed_body(carry, input),
        };
        match &result {
            Ok(feed) => core.offset = core.offset.saturating_add(feed.consumed as u64),
            Err(_) => core.state = State::Failed,
        }
        result
    }

    /// Checks that the stream may end here: at a frame boundary.
    pub fn finish(&self) -> Result<(), Error> {
        let idle =
            self.core.state == State::Head && self.head_buf.is_empty() && self.core.scan.is_fresh();
        if idle {
            return Ok(());
        }
        Err(Error::at(ErrorKind::Truncated, self.core.offset))
    }

    /// Bytes consumed since the start of the stream.
    pub fn offset(&self) -> u64 {
        self.core.offset
    }
}

impl Core {
    fn end<'a>(&mut self, flag: Flag, consumed: usize) -> Feed<'a> {
        self.state = State::Head;
        let body_len = self.body_len;
        Feed {
            consumed,
            event: Some(Event::End(FrameEnd { flag, body_len })),
        }
    }

    fn feed_head<'a>(&mut self, buf: &'a mut HeadBuf, input: &'a [u8]) -> Result<Feed<'a>, Error> {
        if buf.is_empty() {
            buf.clear();
            self.scan = HeadScan::default();
            self.frame_start = self.offset;
            if let Some(end) = self.scan.scan(input, self.frame_start, &self.limits)? {
                return self.head_found(input, end);
            }
            buf.try_extend_from_slice(input)
                .map_err(|_| Error::at(ErrorKind::HeadTooLarge, self.offset))?;
            return Ok(Feed {
                consumed: input.len(),
                event: None,
            });
        }
        let mut consumed = 0;
        let room = self.limits.head_bytes() + MAX_END_LINE + 1;
        while consumed < input.len() {
            let rest = input.get(consumed..).unwrap_or_default();
            let line = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
            // One byte past the limit is enough for the scan to report it at the same offset
            // as when the head arrives in one piece.
            let take = line.min(room.saturating_sub(buf.len()).max(1));
            let piece = rest.get(..take).unwrap_or_default();
            buf.try_extend_from_slice(piece)
                .map_err(|_| Error::at(ErrorKind::HeadTooLarge, self.offset))?;
            consumed += take;
            if let Some(end) = self.scan.scan(buf, self.frame_start, &self.limits)? {
                let buf: &'a HeadBuf = buf;
                let mut feed = self.head_found(buf, end)?;
                feed.consumed = consumed;
                return Ok(feed);
            }
        }
        Ok(Feed {
            consumed,
            event: None,
        })
    }

    fn head_found<'a>(&mut self, bytes: &'a [u8], end: HeadEnd) -> Result<Feed<'a>, Error> {
        let head_bytes = bytes.get(..end.head_len).unwrap_or_default();
        let ends = self.scan.line_ends();
        let head = parse_head(
            head_bytes,
            self.frame_start,
            end.has_body,
            ends,
            &mut self.paths,
        )?;
        self.tid.clear();
        // One copy rather than a push per byte; `parse_head` already refused a longer id.
        self.tid
            .try_extend_from_slice(head.tid.as_str().as_bytes())
            .map_err(|_| {
                let what = ErrorKind::Syntax("transaction id of 4 to 32 ident characters");
                Error::at(what, self.frame_start.saturating_add(5))
            })?;
        self.body_len = 0;
        self.scan = HeadScan::default();
        if end.has_body {
            self.start_body(&head, end.consumed)?;
        } else {
            let line = bytes.get(end.head_len..end.consumed).unwrap_or_default();
            let flag = self.bodiless_end_line(line, end.head_len)?;
            self.state = State::PendingEnd(flag);
        }
        Ok(Feed {
            consumed: end.consumed,
            event: Some(Event::Head(head)),
        })
    }

    fn bodiless_end_line(&self, line: &[u8], at: usize) -> Result<Flag, Error> {
        let tid = self.tid.as_slice();
        let flag = line.get(7 + tid.len()).and_then(|&c| Flag::from_byte(c));
        match flag {
            Some(flag)
                if line.get(7..7 + tid.len()) == Some(tid) && line.len() == tid.len() + 10 =>
            {
                Ok(flag)
            }
            _ => {
                let what = ErrorKind::Syntax("end-line with this frame's transaction id");
                Err(Error::at(what, self.frame_start.saturating_add(at as u64)))
            }
        }
    }

    fn start_body(&mut self, head: &FrameHead<'_>, consumed: usize) -> Result<(), Error> {
        let max = self.limits.max_body_bytes;
        self.announced = head.byte_range.and_then(|r| r.len());
        if self.announced.is_some_and(|n| n > max) {
            return Err(
                Error::at(ErrorKind::BodyTooLarge, self.frame_start).in_header("Byte-Range")
            );
        }
        self.allowed = self.announced.unwrap_or(max);
        self.body_start = self.frame_start.saturating_add(consumed as u64);
        self.state = State::Body;
        Ok(())
    }

    fn feed_body<'a>(&mut self, carry: &'a mut Carry, input: &'a [u8]) -> Result<Feed<'a>, Error> {
        let remaining = self.allowed.saturating_sub(self.body_len);
        let window = usize::try_from(remaining)
            .unwrap_or(usize::MAX)
            .saturating_add(MAX_END_LINE);
        match self.scanner.scan(carry, &self.tid, input, window) {
            Found::Body(n) => {
                let n = self.count_body(n)?;
                Ok(Feed {
                    consumed: n,
                    event: input.get(..n).map(Event::Body),
                })
            }
            Found::CarriedBody { len, consumed } => {
                let len = self.count_body(len)?;
                self.scanner.keep_drain_within(len);
                let carry: &'a Carry = carry;
                Ok(Feed {
                    consumed,
                    event: carry.get(..len).map(Event::Body),
                })
            }
            Found::End { flag, consumed } => Ok(self.end(flag, consumed)),
            Found::NeedMore { consumed } if consumed < input.len() => {
                let rest = input.get(consumed..).unwrap_or_default();
                let mut feed = self.feed_body(carry, rest)?;
                feed.consumed += consumed;
                Ok(feed)
            }
            Found::NeedMore { consumed } => Ok(Feed {
                consumed,
                event: None,
            }),
        }
    }

    /// Counts `n` body bytes about to be handed out, cut to what the Byte-Range (or the
    /// limit) allows so every split of a stream yields the same bytes before the error.
    fn count_body(&mut self, n: usize) -> Result<usize, Error> {
        let room = self.allowed.saturating_sub(self.body_len);
        let n = usize::try_from(room).map_or(n, |room| n.min(room));
        if n == 0 {
            let kind = match self.announced {
                Some(_) => ErrorKind::BodyExceedsByteRange,
                None => ErrorKind::BodyTooLarge,
            };
            return Err(Error::at(
                kind,
                self.body_start.saturating_add(self.allowed),
            ));
        }
        self.body_len = self.body_len.saturating_add(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &[u8] =
        b"MSRP abcd SEND\r\nTo-Path: msrp://b/s;tcp\r\nFrom-Path: msrp://a/s;tcp\r\n";

    fn frame(extra: &str, body: &[u8]) -> Vec<u8> {
        let mut v = HEAD.to_vec();
        v.extend_from_slice(extra.as_bytes());
        v.extend_from_slice(b"Content-Type: a/b\r\n\r\n");
        v.extend_from_slice(body);
        v.extend_from_slice(b"\r\n-------abcd$\r\n");
        v
    }

    fn run(parser: &mut Parser, mut input: &[u8]) -> Result<u64, Error> {
        let mut body = 0;
        loop {
            let feed = parser.feed(input)?;
            input = input.get(feed.consumed..).unwrap_or_default();
            match feed.event {
                None => return Ok(body),
                Some(Event::Body(b)) => body += b.len() as u64,
                Some(_) => {}
            }
        }
    }

    #[test]
    fn failed_parser_stays_failed() {
        let mut p = Parser::default();
        assert!(run(&mut p, b"HTTP/1.1 200 OK\r\n").is_err());
        let e = run(&mut p, &frame("", b"x")).expect_err("still failed");
        assert_eq!(e.kind, ErrorKind::Failed);
    }

    #[test]
    fn head_limit_is_enforced_before_buffering_more() {
        let limits = Limits {
            max_head_bytes: 100,
            ..Limits::default()
        };
        let mut p = Parser::new(limits);
        let long = frame(&format!("X-Long: {}\r\n", "v".repeat(200)), b"");
        let e = run(&mut p, &long).expect_err("too large");
        assert_eq!((e.kind, e.offset), (ErrorKind::HeadTooLarge, 100));
        let mut p = Parser::new(limits);
        let e = long
            .chunks(1)
            .try_for_each(|b| run(&mut p, b).map(drop))
            .expect_err("too large");
        assert_eq!(e.kind, ErrorKind::HeadTooLarge);
    }

    #[test]
    fn body_limit_applies_without_byte_range_end() {
        let limits = Limits {
            max_body_bytes: 8,
            ..Limits::default()
        };
        let mut p = Parser::new(limits);
        assert_eq!(run(&mut p, &frame("", b"12345678")), Ok(8));
        let e = run(&mut p, &frame("", b"123456789")).expect_err("too long");
        assert_eq!(e.kind, ErrorKind::BodyTooLarge);
        let mut p = Parser::new(limits);
        let e = run(&mut p, &frame("Byte-Range: 1-9/9\r\n", b"")).expect_err("announced");
        assert_eq!(e.kind, ErrorKind::BodyTooLarge);
    }

    #[test]
    fn empty_feeds_before_and_between_frames_change_nothing() {
        let none = Ok(Feed {
            consumed: 0,
            event: None,
        });
        let mut p = Parser::default();
        let f = frame("", b"body");
        assert_eq!(p.feed(b""), none);
        assert_eq!(run(&mut p, &f[..5]), Ok(0));
        assert_eq!(p.feed(b""), none);
        assert_eq!(run(&mut p, &f[5..]), Ok(4));
        assert_eq!(p.feed(b""), none);
        assert_eq!(run(&mut p, &f), Ok(4));
        assert_eq!(p.finish(), Ok(()));
        assert_eq!(p.offset(), 2 * f.len() as u64);
    }

    #[test]
    fn finish_reports_a_frame_cut_short() {
        let mut p = Parser::default();
        let f = frame("", b"body");
        assert_eq!(run(&mut p, &f[..f.len() - 3]), Ok(4));
        assert_eq!(
            p.finish().map_err(|e| (e.kind, e.offset)),
            Err((ErrorKind::Truncated, f.len() as u64 - 3))
        );
        assert_eq!(run(&mut p, &f[f.len() - 3..]), Ok(0));
        assert_eq!(p.finish(), Ok(()));
        assert_eq!(p.offset(), f.len() as u64);
    }
}
