//! Stream framing (RFC 3261 18.3): cutting messages out of a TCP or TLS byte stream.
//!
//! The framer is called with everything received and not yet consumed; it says how many bytes
//! the next message needs or how many it consumed. Content-Length is mandatory on streams,
//! CRLF keep-alives (RFC 5626 3.5.1) between messages are skipped, and after a framing error
//! the framer refuses every further call: the position of the next message is unknown, and
//! guessing it would let a peer smuggle messages, so the connection must be closed.

use crate::body::content_length;
use crate::error::Error;
use crate::message::{Message, Parser};
use crate::scan::{self, Stop};
use crate::slot::MessageSlot;

/// What [`StreamFramer::frame`] found at the front of the buffer: [`Framed`] with the message
/// by value.
pub type Frame<'a> = Framed<Message<'a>>;

/// What the framer found at the front of the buffer, the message as `M`: a [`Message`] by
/// value from [`StreamFramer::frame`] (see [`Frame`]), or borrowed from a [`MessageSlot`] the
/// caller keeps from [`StreamFramer::frame_into`].
// The message is held by value on purpose: boxing it would allocate on every frame.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Framed<M> {
    /// A whole, valid message. Drop `consumed` bytes (keep-alives before it included) from the
    /// front of the buffer before the next call.
    Message {
        /// The message, borrowing the buffer.
        message: M,
        /// Bytes this frame used up.
        consumed: usize,
    },
    /// A whole message whose boundaries are sure but whose content is invalid (e.g. a missing
    /// mandatory header). The stream stays usable: drop `consumed` bytes and go on; a server
    /// answers such a request with 400.
    Invalid {
        /// What is wrong; offsets count from the front of the buffer.
        error: Error,
        /// Bytes this frame used up.
        consumed: usize,
    },
    /// The next message has not fully arrived. `consumed` keep-alive bytes may already be
    /// dropped; `needed` is how many more bytes the message needs, once its headers (and so
    /// its Content-Length) are complete.
    Incomplete {
        /// Keep-alive bytes at the front that can be dropped.
        consumed: usize,
        /// Bytes still missing, when known.
        needed: Option<usize>,
    },
}

impl Framed<()> {
    /// This frame with `message` where a whole, valid message was found.
    fn holding<M>(self, message: M) -> Framed<M> {
        match self {
            Framed::Message { consumed, .. } => Framed::Message { message, consumed },
            Framed::Invalid { error, consumed } => Framed::Invalid { error, consumed },
            Framed::Incomplete { consumed, needed } => Framed::Incomplete { consumed, needed },
        }
    }
}

/// Frames SIP messages on one stream connection.
///
/// ```
/// use sip_msg::{Frame, Parser, StreamFramer};
/// let mut framer = StreamFramer::new(Parser::new());
/// let wire: &[u8] = b"\r\n\r\nSIP/2.0 200 OK\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\n\
///     From: <sip:a@h>;tag=1\r\nTo: <sip:b@h>;tag=2\r\nCall-ID: c\r\nCSeq: 2 BYE\r\n\
///     Content-Length: 2\r\n\r\nhi";
/// match framer.frame(&wire[..40])? {
///     Frame::Incomplete { consumed: 4, needed: None } => {}
///     other => panic!("{other:?}"),
/// }
/// match framer.frame(wire)? {
///     Frame::Message { message, consumed } => {
///         assert_eq!(message.body(), b"hi");
///         assert_eq!(consumed, wire.len());
///     }
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), sip_msg::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct StreamFramer {
    parser: Parser,
    usable: bool,
}

impl StreamFramer {
    /// A framer for a new connection.
    pub const fn new(parser: Parser) -> Self {
        StreamFramer {
            parser,
            usable: true,
        }
    }

    /// False once a framing error happened: the connection must be closed.
    pub fn is_usable(&self) -> bool {
        self.usable
    }

    /// Looks at the unconsumed bytes of the stream, `buf`, and frames the next message.
    ///
    /// An `Err` is a framing error (bad line structure, a limit crossed, no or bad
    /// Content-Length); from then on every call returns [`Error::StreamUnusable`].
    pub fn frame<'a>(&mut self, buf: &'a [u8]) -> Result<Frame<'a>, Error> {
        let mut message = Message::empty();
        let frame = self.frame_in(buf, &mut message)?;
        Ok(frame.holding(message))
    }

    /// [`StreamFramer::frame`] with the message filled in `slot`, a place the caller keeps,
    /// and borrowed from it: without the copy of the message that returning it by value costs
    /// (see [`MessageSlot`]).
    ///
    /// ```
    /// use sip_msg::{Framed, MessageSlot, Parser, StreamFramer};
    /// let mut framer = StreamFramer::new(Parser::new());
    /// let wire: &[u8] = b"SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\n\
    ///     From: <sip:a@h>;tag=1\r\nTo: <sip:b@h>;tag=2\r\nCall-ID: c\r\nCSeq: 2 BYE\r\n\
    ///     Content-Length: 2\r\n\r\nhi";
    /// let mut slot = MessageSlot::new();
    /// match framer.frame_into(wire, &mut slot)? {
    ///     Framed::Message { message, consumed } => {
    ///         assert_eq!(message.body(), b"hi");
    ///         assert_eq!(consumed, wire.len());
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), sip_msg::Error>(())
    /// ```
    pub fn frame_into<'a, 's>(
        &mut self,
        buf: &'a [u8],
        slot: &'s mut MessageSlot<'a>,
    ) -> Result<Framed<&'s Message<'a>>, Error> {
        let message = slot.cleared();
        let frame = self.frame_in(buf, message)?;
        Ok(frame.holding(&*message))
    }

    /// Frames the next message into `message`, an empty message, and keeps the stream
    /// unusable after a framing error.
    fn frame_in<'a>(
        &mut self,
        buf: &'a [u8],
        message: &mut Message<'a>,
    ) -> Result<Framed<()>, Error> {
        if !self.usable {
            return Err(Error::StreamUnusable);
        }
        let result = self.frame_at(buf, keep_alive_len(buf), message);
        self.usable = result.is_ok();
        result
    }

    fn frame_at<'a>(
        &self,
        buf: &'a [u8],
        skip: usize,
        message: &mut Message<'a>,
    ) -> Result<Framed<()>, Error> {
        let incomplete = Framed::Incomplete {
            consumed: skip,
            needed: None,
        };
        let bytes = buf.get(skip..).unwrap_or(&[]);
        if bytes == b"\r" {
            return Ok(incomplete);
        }
        let head = match scan::scan(bytes, self.parser.limits(), message.headers_mut()) {
            Ok(head) => head,
            Err(Stop::Incomplete) => return Ok(incomplete),
            Err(Stop::Invalid(e)) => return Err(e.shifted(skip)),
        };
        let body_len = content_length(bytes, message.headers_mut(), self.parser.limits())
            .map_err(|e| e.shifted(skip))?
            .ok_or(Error::MissingContentLength { offset: skip })?;
        let end = head.len.saturating_add(body_len);
        let Some(body) = bytes.get(head.len..end) else {
            let needed = end.saturating_sub(bytes.len());
            return Ok(Framed::Incomplete {
                consumed: skip,
                needed: Some(needed),
            });
        };
        message.set_body(body);
        let consumed = skip + end;
        Ok(match self.parser.complete(message, bytes, head) {
            Ok(()) => Framed::Message {
                message: (),
                consumed,
            },
            Err(e) => Framed::Invalid {
                error: e.shifted(skip),
                consumed,
            },
        })
    }
}

/// Length of the run of CRLFs at the front of `buf`.
fn keep_alive_len(buf: &[u8]) -> usize {
    buf.chunks_exact(2)
        .take_while(|pair| *pair == b"\r\n")
        .count()
        * 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    const MSG: &[u8] = b"BYE sip:b@h SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK2\r\n\
        Max-Forwards: 70\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:b@h>;tag=2\r\nCall-ID: c\r\n\
        CSeq: 2 BYE\r\nContent-Length: 3\r\n\r\nabc";

    fn framer() -> StreamFramer {
        StreamFramer::new(Parser::new())
    }

    #[test]
    fn needed_counts_the_missing_body_bytes() {
        let cut = MSG.len() - 2;
        match framer().frame(&MSG[..cut]) {
            Ok(Frame::Incomplete {
                consumed: 0,
                needed: Some(2),
            }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keep_alives_are_skipped_and_counted() {
        let mut wire = b"\r\n\r\n\r\n".to_vec();
        wire.extend_from_slice(MSG);
        wire.extend_from_slice(b"\r\n");
        let mut f = framer();
        let Ok(Frame::Message { consumed, .. }) = f.frame(&wire) else {
            panic!()
        };
        assert_eq!(consumed, 6 + MSG.len());
        match f.frame(&wire[consumed..]) {
            Ok(Frame::Incomplete {
                consumed: 2,
                needed: None,
            }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_content_length_breaks_the_stream() {
        let text = core::str::from_utf8(MSG)
            .unwrap()
            .replace("Content-Length: 3\r\n", "");
        let mut f = framer();
        assert_eq!(
            f.frame(text.as_bytes()).err(),
            Some(Error::MissingContentLength { offset: 0 })
        );
        assert!(!f.is_usable());
        assert_eq!(f.frame(MSG).err(), Some(Error::StreamUnusable));
    }

    #[test]
    fn an_invalid_but_framed_message_leaves_the_stream_usable() {
        let text = core::str::from_utf8(MSG)
            .unwrap()
            .replace("CSeq: 2 BYE", "CSeq: 2 ACK");
        let mut f = framer();
        match f.frame(text.as_bytes()) {
            Ok(Frame::Invalid {
                error: Error::CSeqMethodMismatch { .. },
                consumed,
            }) => {
                assert_eq!(consumed, text.len())
            }
            other => panic!("{other:?}"),
        }
        assert!(f.is_usable());
    }

    #[test]
    fn garbage_and_limits_are_framing_errors_with_buffer_offsets() {
        let mut f = framer();
        assert!(matches!(
            f.frame(b"\r\nINVITE\n"),
            Err(Error::Syntax { offset: 8, .. })
        ));
        let small = Limits {
            max_body_len: 2,
            ..Limits::DEFAULT
        };
        let mut f = StreamFramer::new(Parser::new().with_limits(small));
        assert!(matches!(f.frame(MSG), Err(Error::TooLarge { .. })));
    }
}
