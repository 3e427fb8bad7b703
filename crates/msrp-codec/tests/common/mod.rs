//! Feeding a stream to the parser in any split and recording what comes out.
#![allow(dead_code)]

use msrp_codec::{Error, Event, Flag, Parser};

/// One event with owned data; consecutive body pieces are merged so that any split of the
/// same stream records the same list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owned {
    Head(String, Option<msrp_codec::ByteRange>),
    Body(Vec<u8>),
    End(Flag, u64),
}

/// A head summarised as text: start line facts and every header, in order.
pub fn describe(head: &msrp_codec::FrameHead<'_>) -> String {
    let mut s = format!("{} {:?} body={}", head.tid, head.kind, head.has_body);
    s += &format!(
        " mid={:?} br={:?} sr={:?} fr={:?} st={:?} ct={:?}",
        head.message_id,
        head.byte_range,
        head.success_report,
        head.failure_report,
        head.status,
        head.content_type
    );
    for h in head.headers() {
        s += &format!(" [{}={}]", h.name, h.value);
    }
    s
}

/// Feeds `stream` cut into pieces of the sizes `sizes` yields (the last size repeats).
pub fn parse_split(stream: &[u8], sizes: &[usize]) -> (Vec<Owned>, Result<(), Error>) {
    parse_split_with(msrp_codec::Limits::default(), stream, sizes)
}

/// [`parse_split`] with other limits.
pub fn parse_split_with(
    limits: msrp_codec::Limits,
    stream: &[u8],
    sizes: &[usize],
) -> (Vec<Owned>, Result<(), Error>) {
    let mut parser = Parser::new(limits);
    let mut out = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while pos < stream.len() {
        let size = sizes.get(i).or(sizes.last()).copied().unwrap_or(1).max(1);
        i += 1;
        let piece = &stream[pos..(pos + size).min(stream.len())];
        pos += piece.len();
        if let Err(e) = drain(&mut parser, piece, &mut out) {
            return (out, Err(e));
        }
    }
    let end = parser.finish();
    (out, end)
}

fn drain(parser: &mut Parser, mut rest: &[u8], out: &mut Vec<Owned>) -> Result<(), Error> {
    loop {
        let feed = parser.feed(rest)?;
        assert!(feed.consumed <= rest.len());
        rest = &rest[feed.consumed..];
        match feed.event {
            None => {
                assert!(rest.is_empty(), "None with unused input");
                return Ok(());
            }
            Some(Event::Head(h)) => out.push(Owned::Head(describe(&h), h.byte_range)),
            Some(Event::Body(b)) => {
                assert!(!b.is_empty(), "empty body event");
                match out.last_mut() {
                    Some(Owned::Body(v)) => v.extend_from_slice(b),
                    _ => out.push(Owned::Body(b.to_vec())),
                }
            }
            Some(Event::End(e)) => out.push(Owned::End(e.flag, e.body_len)),
        }
    }
}

pub fn parse_whole(stream: &[u8]) -> (Vec<Owned>, Result<(), Error>) {
    parse_split(stream, &[stream.len().max(1)])
}

pub fn parse_bytewise(stream: &[u8]) -> (Vec<Owned>, Result<(), Error>) {
    parse_split(stream, &[1])
}
