//! A place for a parsed message that the caller owns, for parses that must not copy it.

use crate::message::Message;

/// Storage for one parsed [`Message`], kept by the caller and filled in place by
/// [`Parser::parse_datagram_into`](crate::Parser::parse_datagram_into) and
/// [`StreamFramer::frame_into`](crate::StreamFramer::frame_into).
///
/// A message holds its header table inline (896 bytes with the default capacity), so one
/// returned by value, as [`crate::parse`] returns it, is copied on its way into the
/// caller's variable: the compiler cannot build it where that variable lies. A slot is that
/// variable, made before the parse, the way `httparse` takes the caller's header array. It
/// holds no message until a parse succeeds, and has nothing to read on its own.
///
/// ```
/// use sip_msg::{MessageSlot, Parser};
/// let datagram = b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\
///     From: <sip:a@h>;tag=1\r\nTo: <sip:b@h>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n\r\n";
/// let mut slot = MessageSlot::new();
/// let msg = Parser::new().parse_datagram_into(datagram, &mut slot)?;
/// assert_eq!(msg.to()?.and_then(|to| to.tag), Some("2"));
/// # Ok::<(), sip_msg::Error>(())
/// ```
#[derive(Clone)]
pub struct MessageSlot<'a> {
    message: Message<'a>,
}

impl<'a> MessageSlot<'a> {
    /// An empty slot.
    pub fn new() -> Self {
        MessageSlot {
            message: Message::empty(),
        }
    }

    /// The slot's message, emptied for a parse to fill.
    pub(crate) fn cleared(&mut self) -> &mut Message<'a> {
        self.message = Message::empty();
        &mut self.message
    }
}

impl Default for MessageSlot<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl core::fmt::Debug for MessageSlot<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("MessageSlot")
    }
}
