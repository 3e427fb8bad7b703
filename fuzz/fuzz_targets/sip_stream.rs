//! Feeds arbitrary bytes to the SIP stream framer in pieces cut where the input says: it must
//! never panic, every message it frames must equal the datagram parse of the bytes it
//! consumed, and the messages must be the same however the stream is cut.
//!
//! Input layout: byte 0 = number of cut points (mod 9), then one byte per point (a piece
//! length), then the stream.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_msg::{Frame, Parser, StreamFramer};

/// Frames the stream delivered in `pieces`; returns each message's head and body, and
/// whether the stream ended unusable.
fn run(pieces: &[&[u8]]) -> (Vec<(String, Vec<u8>)>, bool) {
    let mut framer = StreamFramer::new(Parser::new());
    let mut pending: Vec<u8> = Vec::new();
    let mut seen = Vec::new();
    for piece in pieces {
        pending.extend_from_slice(piece);
        loop {
            match framer.frame(&pending) {
                Ok(Frame::Message { message, consumed }) => {
                    assert!(consumed <= pending.len() && consumed > 0);
                    let skip = pending.chunks(2).take_while(|p| *p == b"\r\n").count() * 2;
                    let whole =
                        sip_msg::parse(&pending[skip..consumed]).expect("framed message parses");
                    assert!(whole.headers().eq(message.headers()));
                    assert_eq!(whole.body(), message.body());
                    seen.push((message.head().to_owned(), message.body().to_vec()));
                    pending.drain(..consumed);
                }
                Ok(Frame::Invalid { consumed, .. }) => {
                    assert!(consumed <= pending.len() && consumed > 0);
                    seen.push((String::from("invalid"), Vec::new()));
                    pending.drain(..consumed);
                }
                Ok(Frame::Incomplete { consumed, .. }) => {
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
    let whole = run(&[stream]);
    let split = run(&pieces);
    assert_eq!(whole, split);
});
