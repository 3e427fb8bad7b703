//! Chunking a message and parsing the resulting stream back, in every split.

mod common;

use common::{parse_split, Owned};
use msrp_codec::chunker::{ChunkError, Chunker, ChunkerConfig};
use msrp_codec::transaction_id::SplitMix64;
use msrp_codec::{ByteRange, Event, Flag, Parser};
use proptest::prelude::*;

const TO: &str = "msrp://bob.example:8888/9di4eae923wzd;tcp";
const FROM: &str = "msrp://alice.example:7777/iau39soe2843z;tcp";

fn config(chunk_size: usize, total: Option<u64>) -> ChunkerConfig<'static> {
    let mut cfg = ChunkerConfig::new(TO, FROM, "msg4711x", "application/octet-stream");
    cfg.chunk_size = chunk_size;
    cfg.total = total;
    cfg
}

/// Chunks `message` whole-chunk by whole-chunk; `known` announces the total up front.
fn chunk_all(message: &[u8], chunk_size: usize, known: bool, seed: u64) -> Vec<u8> {
    let total = known.then_some(message.len() as u64);
    let mut chunker = Chunker::new(config(chunk_size, total), SplitMix64(seed)).expect("config");
    let mut wire = Vec::new();
    let mut rest = message;
    while !chunker.is_finished() {
        let frame = chunker.next_chunk(rest, false).expect("chunk");
        rest = &rest[frame.body.len()..];
        frame.write_to(&mut wire);
    }
    assert!(rest.is_empty());
    wire
}

/// Parses a stream of SENDs, placing each body by its Byte-Range; returns the message, the
/// ranges and the flags.
fn reassemble(wire: &[u8], sizes: &[usize]) -> (Vec<u8>, Vec<ByteRange>, Vec<Flag>) {
    let (events, end) = parse_split(wire, sizes);
    assert_eq!(end, Ok(()));
    let mut message = Vec::new();
    let mut ranges = Vec::new();
    let mut flags = Vec::new();
    for e in events {
        match e {
            Owned::Head(_, range) => ranges.push(range.expect("SENDs carry a Byte-Range")),
            Owned::Body(b) => {
                let start = ranges.last().map_or(1, |r| r.start) as usize - 1;
                assert_eq!(start, message.len(), "chunks arrive in order");
                message.extend_from_slice(&b);
            }
            Owned::End(flag, _) => flags.push(flag),
        }
    }
    (message, ranges, flags)
}

/// Byte-Ranges of one message tile it: each starts where the previous ended, the last ends at
/// the total.
fn assert_tiles(ranges: &[ByteRange], len: u64) {
    let mut next = 1;
    for r in ranges {
        assert_eq!(r.start, next, "{ranges:?}");
        next = r.end.expect("whole chunks have an end") + 1;
        assert!(r.total.is_none() || r.total == Some(len));
    }
    assert_eq!(next, len + 1);
    assert_eq!(ranges.last().and_then(|r| r.total), Some(len));
}

#[test]
fn chunks_carry_exact_ranges_and_flags() {
    let message: Vec<u8> = (0..5000u32).map(|i| i as u8).collect();
    let wire = chunk_all(&message, 2048, true, 1);
    let (got, ranges, flags) = reassemble(&wire, &[wire.len()]);
    assert_eq!(got, message);
    assert_eq!(
        ranges,
        [
            ByteRange::new(1, Some(2048), Some(5000)),
            ByteRange::new(2049, Some(4096), Some(5000)),
            ByteRange::new(4097, Some(5000), Some(5000)),
        ]
    );
    assert_eq!(flags, [Flag::Continues, Flag::Continues, Flag::Complete]);
}

#[test]
fn unknown_total_is_a_star_until_the_last_chunk() {
    let wire = chunk_all(b"abcdefghij", 4, false, 2);
    let (_, ranges, _) = reassemble(&wire, &[1]);
    assert_eq!(
        ranges,
        [
            ByteRange::new(1, Some(4), None),
            ByteRange::new(5, Some(8), None),
            ByteRange::new(9, Some(10), Some(10)),
        ]
    );
}

#[test]
fn empty_message_is_one_empty_chunk() {
    let wire = chunk_all(b"", 2048, true, 3);
    let (got, ranges, flags) = reassemble(&wire, &[3]);
    assert!(got.is_empty());
    assert_eq!(ranges, [ByteRange::new(1, Some(0), Some(0))]);
    assert_eq!(flags, [Flag::Complete]);
}

#[test]
fn transaction_id_is_redrawn_when_the_body_holds_its_end_line() {
    let mut probe = SplitMix64(9);
    let first = msrp_codec::transaction_id::random_id(&mut probe);
    let mut body = b"x\r\n-------".to_vec();
    body.extend_from_slice(&first);
    body.extend_from_slice(b"$\r\n");
    let mut chunker = Chunker::new(config(2048, None), SplitMix64(9)).expect("config");
    let frame = chunker.next_chunk(&body, false).expect("chunk");
    assert!(!frame.end_line.windows(first.len()).any(|w| w == first));
    let mut wire = Vec::new();
    frame.write_to(&mut wire);
    let (got, ..) = reassemble(&wire, &[1]);
    assert_eq!(got, body);
}

#[test]
fn collision_source_that_never_changes_is_an_error() {
    let mut body = b"-------".to_vec();
    body.extend_from_slice(b"0000000000");
    let mut chunker = Chunker::new(config(2048, None), || 0u64).expect("config");
    assert_eq!(
        chunker.next_chunk(&body, false).map(|_| ()),
        Err(ChunkError::TidCollision)
    );
}

#[test]
fn interruptible_chunk_ends_early_with_plus_and_continues() {
    let message = vec![b'm'; 6000];
    let mut chunker = Chunker::new(config(2048, Some(6000)), SplitMix64(5)).expect("config");
    let mut wire = chunker.begin_chunk().expect("open").to_vec();
    assert!(wire.windows(20).any(|w| w == b"Byte-Range: 1-*/6000"));
    let n = chunker.accept_body(&message[..3000]).expect("open");
    wire.extend_from_slice(&message[..n]);
    wire.extend_from_slice(chunker.end_chunk(false).expect("interrupt"));
    wire.extend_from_slice(chunker.begin_chunk().expect("open"));
    let m = chunker.accept_body(&message[n..]).expect("open");
    wire.extend_from_slice(&message[n..n + m]);
    wire.extend_from_slice(chunker.end_chunk(true).expect("last"));
    assert_eq!(n + m, 6000);
    let (got, _, flags) = reassemble(&wire, &[7]);
    assert_eq!(got, message);
    assert_eq!(flags, [Flag::Continues, Flag::Complete]);
}

#[test]
fn abort_ends_the_message_with_hash() {
    let mut chunker = Chunker::new(config(4, Some(10)), SplitMix64(6)).expect("config");
    let mut wire = Vec::new();
    chunker
        .next_chunk(b"abcdefghij", true)
        .expect("first")
        .write_to(&mut wire);
    chunker.abort().expect("abort").write_to(&mut wire);
    assert_eq!(
        chunker.next_chunk(b"efgh", true).map(|_| ()),
        Err(ChunkError::Finished)
    );
    let (got, ranges, flags) = reassemble(&wire, &[1]);
    assert_eq!(got, b"abcd");
    assert_eq!(ranges[1], ByteRange::new(5, Some(4), Some(10)));
    assert_eq!(flags, [Flag::Continues, Flag::Aborted]);
}

#[test]
fn open_chunk_aborts_with_just_an_end_line() {
    let mut chunker = Chunker::new(config(4, None), SplitMix64(6)).expect("config");
    let mut wire = chunker.begin_chunk().expect("open").to_vec();
    let n = chunker.accept_body(b"partial").expect("open");
    wire.extend_from_slice(&b"partial"[..n]);
    let frame = chunker.abort().expect("abort");
    assert!(frame.head.is_empty());
    frame.write_to(&mut wire);
    let (got, _, flags) = reassemble(&wire, &[2]);
    assert_eq!(got, b"partial");
    assert_eq!(flags, [Flag::Aborted]);
}

#[test]
fn chunks_stream_through_the_parser_without_copies() {
    let message = vec![7u8; 70_000];
    let wire = chunk_all(&message, 65_536, true, 8);
    let mut parser = Parser::default();
    let mut rest = &wire[..];
    let mut bodies = 0;
    loop {
        let feed = parser.feed(rest).expect("valid");
        rest = &rest[feed.consumed..];
        match feed.event {
            Some(Event::Body(b)) => bodies += b.len(),
            Some(_) => {}
            None => break,
        }
    }
    assert_eq!(bodies, 70_000);
}

proptest! {
    /// Any message, chunked with any chunk size (total known or not), then parsed from any
    /// split of the byte stream, reassembles to the same bytes; the Byte-Ranges tile the
    /// message and only the last chunk ends with `$`.
    #[test]
    fn any_message_survives_chunking_and_any_split(
        message in proptest::collection::vec(prop_oneof![Just(b'-'), Just(b'\r'), Just(b'\n'), any::<u8>()], 0..3000),
        chunk_size in 1usize..1200,
        known in any::<bool>(),
        seed in any::<u64>(),
        sizes in proptest::collection::vec(1usize..400, 1..8),
    ) {
        let wire = chunk_all(&message, chunk_size, known, seed);
        let (got, ranges, flags) = reassemble(&wire, &sizes);
        prop_assert_eq!(&got, &message);
        assert_tiles(&ranges, message.len() as u64);
        prop_assert_eq!(flags.last(), Some(&Flag::Complete));
        prop_assert!(flags.iter().rev().skip(1).all(|f| *f == Flag::Continues));
    }
}

#[test]
fn every_chunk_carries_the_message_id() {
    let wire = chunk_all(&[b'z'; 10_000], 1000, false, 11);
    let (events, end) = parse_split(&wire, &[4096]);
    assert_eq!(end, Ok(()));
    let heads: Vec<&String> = events
        .iter()
        .filter_map(|e| match e {
            Owned::Head(h, _) => Some(h),
            _ => None,
        })
        .collect();
    assert_eq!(heads.len(), 10);
    assert!(
        heads.iter().all(|h| h.contains("mid=Some(\"msg4711x\")")),
        "{heads:?}"
    );
}
