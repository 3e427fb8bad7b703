//! Feeds arbitrary bytes to the MSRP frame parser, whole and split at points the fuzzer
//! chooses: it must never panic, and every split must give the events and the outcome of
//! the whole feed.
//!
//! Input layout: byte 0 = number of split points (mod 9), then two bytes per point, then the
//! stream.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msrp_codec::{Error, Event, Flag, Limits, Parser};

#[derive(Debug, PartialEq, Eq)]
enum Seen {
    Head(String),
    Body(Vec<u8>),
    End(Flag, u64),
}

fn run(limits: Limits, pieces: &[&[u8]]) -> (Vec<Seen>, Result<(), Error>) {
    let mut parser = Parser::new(limits);
    let mut seen = Vec::new();
    for piece in pieces {
        let mut rest = *piece;
        loop {
            let feed = match parser.feed(rest) {
                Ok(feed) => feed,
                Err(e) => return (seen, Err(e)),
            };
            assert!(feed.consumed <= rest.len());
            rest = &rest[feed.consumed..];
            match feed.event {
                None => {
                    assert!(rest.is_empty());
                    break;
                }
                Some(Event::Head(h)) => {
                    let headers: Vec<_> = h.headers().collect();
                    seen.push(Seen::Head(format!("{h:?} {headers:?}")));
                }
                Some(Event::Body(b)) => match seen.last_mut() {
                    Some(Seen::Body(v)) => v.extend_from_slice(b),
                    _ => seen.push(Seen::Body(b.to_vec())),
                },
                Some(Event::End(e)) => seen.push(Seen::End(e.flag, e.body_len)),
            }
        }
    }
    let end = parser.finish();
    (seen, end)
}

fuzz_target!(|data: &[u8]| {
    let Some((&count, rest)) = data.split_first() else { return };
    let count = usize::from(count % 9);
    let Some((points, stream)) = rest.split_at_checked(count * 2) else { return };
    let mut cuts: Vec<usize> = points
        .chunks(2)
        .map(|p| usize::from(u16::from_le_bytes([p[0], p[1]])) % (stream.len() + 1))
        .collect();
    cuts.sort_unstable();
    let mut pieces = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain([stream.len()]) {
        pieces.push(&stream[from..cut]);
        from = cut;
    }
    for limits in [Limits::default(), Limits { max_head_bytes: 200, max_headers: 5, max_body_bytes: 64 }] {
        let whole = run(limits, &[stream]);
        assert_eq!(run(limits, &pieces), whole);
    }
});
