//! Feeds arbitrary bytes to the SIP stream framer in pieces cut where the input says: it must
//! never panic, every message it frames must equal the datagram parse of the bytes it
//! consumed, the messages must be the same however the stream is cut, and framing into a
//! slot must give what framing by value gives.
//!
//! Input layout: byte 0 = number of cut points (mod 9), then one byte per point (a piece
//! length), then the stream.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_msg::{Frame, Framed, Message, MessageSlot, Parser, StreamFramer};

/// What a run records of each message: its head and body.
type Seen = (String, Vec<u8>);

/// The frame by value with its message borrowed, as framing into a slot gives it.
fn by_ref<'m, 'a>(frame: &'m Frame<'a>) -> Framed<&'m Message<'a>> {
    match frame {
        Framed::Message { message, consumed } => Framed::Message {
            message,
            consumed: *consumed,
        },
        Framed::Invalid { error, consumed } => Framed::Invalid {
            error: *error,
            consumed: *consumed,
        },
        Framed::Incomplete { consumed, needed } => Framed::Incomplete {
            consumed: *consumed,
            needed: *needed,
        },
    }
}

/// Checks a framed message against the datagram parse of the bytes it consumed from
/// `pending`, and keeps what the runs compare.
fn record(frame: Framed<&Message<'_>>, pending: &[u8]) -> Framed<Seen> {
    match frame {
        Framed::Message { message, consumed } => {
            assert!(consumed <= pending.len() && consumed > 0);
            let skip = pending.chunks(2).take_while(|p| *p == b"\r\n").count() * 2;
            let whole = sip_msg::parse(&pending[skip..consumed]).expect("framed message parses");
            assert!(whole.headers().eq(message.headers()));
            assert_eq!(whole.body(), message.body());
            let seen = (message.head().to_owned(), message.body().to_vec());
            Framed::Message {
                message: seen,
                consumed,
            }
        }
        Framed::Invalid { error, consumed } => Framed::Invalid { error, consumed },
        Framed::Incomplete { consumed, needed } => Framed::Incomplete { consumed, needed },
    }
}

/// Frames the stream delivered in `pieces`, by value or into a slot; returns each message's
/// head and body, and whether the stream ended unusable.
fn run(pieces: &[&[u8]], into_slot: bool) -> (Vec<Seen>, bool) {
    let mut framer = StreamFramer::new(Parser::new());
    let mut pending: Vec<u8> = Vec::new();
    let mut seen = Vec::new();
    for piece in pieces {
        pending.extend_from_slice(piece);
        loop {
            let frame = if into_slot {
                let mut slot = MessageSlot::new();
                framer
                    .frame_into(&pending, &mut slot)
                    .map(|frame| record(frame, &pending))
            } else {
                framer
                    .frame(&pending)
                    .map(|frame| record(by_ref(&frame), &pending))
            };
            match frame {
                Ok(Framed::Message { message, consumed }) => {
                    seen.push(message);
                    pending.drain(..consumed);
                }
                Ok(Framed::Invalid { consumed, .. }) => {
                    assert!(consumed <= pending.len() && consumed > 0);
                    seen.push((String::from("invalid"), Vec::new()));
                    pending.drain(..consumed);
                }
                Ok(Framed::Incomplete { consumed, .. }) => {
                    pending.drain(..consumed);
                    break;
                }
                Err(_) => {
                    assert!(!framer.is_usable());
                    return (seen, true);
                }
            }
        }
    }
    (seen, false)
}

fuzz_target!(|data: &[u8]| {
    let Some((&count, rest)) = data.split_first() else {
        return;
    };
    let count = usize::from(count % 9).min(rest.len());
    let (cuts, stream) = rest.split_at(count);
    let mut pieces = Vec::new();
    let mut at = 0;
    for &cut in cuts {
        let end = (at + usize::from(cut)).min(stream.len());
        pieces.push(&stream[at..end]);
        at = end;
    }
    pieces.push(&stream[at..]);
    let whole = run(&[stream], false);
    let split = run(&pieces, false);
    assert_eq!(whole, split);
    assert_eq!(run(&pieces, true), split);
});
