//! MSRP: chunk a 100 MiB message into SENDs and parse the resulting stream back, side by side
//! with a plain memcpy of the same bytes (the floor) and with the MSRP parser inside
//! `rust-rcs-core` 0.3.1; then one 2 KiB SEND per iteration. Prints allocations per chunk.
//!
//! `rust-rcs-core` only finds the end of a body whose Byte-Range end is `*` and whose total is
//! a number: with an exact end it looks for `-------<tid>` followed directly by CRLF, without
//! the flag, and reports "Missing closing boundary" (see benches/results/msrp.md). It is
//! therefore measured on the same message chunked with interruptible `start-*/total` SENDs.

use cpm_lm_benches::alloc_counter::{allocations, CountingAllocator};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use msrp_codec::chunker::{Chunker, ChunkerConfig};
use msrp_codec::transaction_id::{RandomSource, SplitMix64};
use msrp_codec::{Event, Parser};
use rust_rcs_core::msrp::msrp_parser::MsrpParser;
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const KIB: usize = 1024;
const MIB: usize = 1024 * KIB;
const MESSAGE_LEN: usize = 100 * MIB;
const CHUNK_SIZES: [usize; 3] = [2 * KIB, 64 * KIB, MIB];
/// Bytes handed to the parsers per call, as a socket read would.
const READ_SIZE: usize = 64 * KIB;

fn message() -> Vec<u8> {
    let mut rng = SplitMix64(2026);
    (0..MESSAGE_LEN / 8)
        .flat_map(|_| rng.next_u64().to_le_bytes())
        .collect()
}

fn config(chunk_size: usize, total: usize) -> ChunkerConfig<'static> {
    let mut cfg = ChunkerConfig::new(
        "msrp://bob.example.com:8888/9di4eae923wzd;tcp",
        "msrp://alicepc.example.com:7777/iau39soe2843z;tcp",
        "m4711x0815",
        "application/octet-stream",
    );
    cfg.chunk_size = chunk_size;
    cfg.total = Some(total as u64);
    cfg
}

/// Frames every chunk with a borrowed body; returns the head and end-line bytes written.
fn chunk_borrowed(message: &[u8], chunk_size: usize) -> usize {
    let mut chunker =
        Chunker::new(config(chunk_size, message.len()), SplitMix64(1)).expect("config");
    let mut rest = message;
    let mut framing = 0;
    while !chunker.is_finished() {
        let frame = chunker.next_chunk(rest, false).expect("chunk");
        rest = &rest[frame.body.len()..];
        framing += frame.head.len() + frame.end_line.len();
        black_box(frame.body);
    }
    framing
}

/// Frames every chunk into one contiguous buffer (body copied).
fn chunk_into(message: &[u8], chunk_size: usize, wire: &mut Vec<u8>) {
    wire.clear();
    let mut chunker =
        Chunker::new(config(chunk_size, message.len()), SplitMix64(1)).expect("config");
    let mut rest = message;
    while !chunker.is_finished() {
        let frame = chunker.next_chunk(rest, false).expect("chunk");
        rest = &rest[frame.body.len()..];
        frame.write_to(wire);
    }
}

/// The same bytes in interruptible `start-*/total` SENDs, the form rust-rcs-core reads, and
/// where each frame ends. The total announced is one octet more than the bytes sent, so every
/// chunk ends with `+`: rust-rcs-core rejects a chunk that reaches the announced total ("More
/// data than declared").
fn chunk_star(message: &[u8], chunk_size: usize) -> (Vec<u8>, Vec<usize>) {
    let cfg = config(chunk_size, message.len() + 1);
    let mut chunker = Chunker::new(cfg, SplitMix64(1)).expect("config");
    let mut wire = Vec::with_capacity(message.len() + message.len() / chunk_size * 256);
    let mut ends = Vec::new();
    let mut sent = 0;
    while sent < message.len() {
        wire.extend_from_slice(chunker.begin_chunk().expect("open"));
        let end = (sent + chunk_size).min(message.len());
        let n = chunker.accept_body(&message[sent..end]).expect("open");
        wire.extend_from_slice(&message[sent..sent + n]);
        sent += n;
        wire.extend_from_slice(chunker.end_chunk(false).expect("end"));
        ends.push(wire.len());
    }
    (wire, ends)
}

/// Parses `wire` in reads of `READ_SIZE`; returns the body bytes seen.
fn parse_ours(parser: &mut Parser, wire: &[u8]) -> u64 {
    let mut body = 0;
    for read in wire.chunks(READ_SIZE) {
        let mut rest = read;
        loop {
            let feed = parser.feed(rest).expect("valid stream");
            rest = &rest[feed.consumed..];
            match feed.event {
                Some(Event::Body(b)) => body += b.len() as u64,
                Some(_) => {}
                None => break,
            }
        }
    }
    body
}

/// Parses `wire` with rust-rcs-core, handing it one whole frame at a time (`ends` marks
/// where frames end): its `produce()` spins forever when the buffer holds an incomplete start
/// line or head, so it can only be called when a whole frame is buffered. `Err` holds its
/// message on the first failure.
fn parse_rcs(wire: &[u8], ends: &[usize]) -> Result<u64, String> {
    let mut parser = MsrpParser::new();
    let mut body = 0;
    let mut start = 0;
    for &end in ends {
        parser.feed(&wire[start..end]);
        start = end;
        match parser.produce() {
            Ok(Some(chunk)) => body += chunk.get_body().map_or(0, |b| b.len() as u64),
            Ok(None) => return Err("no chunk from a whole frame".to_owned()),
            Err(e) => return Err(e.to_owned()),
        }
    }
    Ok(body)
}

fn serialize(c: &mut Criterion) {
    let message = message();
    let mut group = c.benchmark_group("msrp_serialize_100MiB");
    group.throughput(Throughput::Bytes(MESSAGE_LEN as u64));
    let mut dst = vec![0u8; MESSAGE_LEN];
    group.bench_function("memcpy", |b| {
        b.iter(|| dst.copy_from_slice(black_box(&message)))
    });
    for size in CHUNK_SIZES {
        group.bench_with_input(BenchmarkId::new("borrowed", size), &size, |b, &size| {
            b.iter(|| chunk_borrowed(&message, size))
        });
    }
    let mut wire = Vec::with_capacity(MESSAGE_LEN + MESSAGE_LEN / 16);
    for size in CHUNK_SIZES {
        group.bench_with_input(BenchmarkId::new("into_vec", size), &size, |b, &size| {
            b.iter(|| chunk_into(&message, size, &mut wire))
        });
    }
    group.finish();
    for size in CHUNK_SIZES {
        let chunks = MESSAGE_LEN.div_ceil(size) as f64;
        let before = allocations();
        black_box(chunk_borrowed(&message, size));
        let per_chunk = (allocations() - before) as f64 / chunks;
        println!("msrp chunker, {size} B chunks: {per_chunk:.4} allocations per chunk");
    }
}

fn parse(c: &mut Criterion) {
    let message = message();
    let mut group = c.benchmark_group("msrp_parse_100MiB");
    group.throughput(Throughput::Bytes(MESSAGE_LEN as u64));
    let mut dst = vec![0u8; MESSAGE_LEN];
    group.bench_function("memcpy", |b| {
        b.iter(|| dst.copy_from_slice(black_box(&message)))
    });
    let mut parser = Parser::default();
    for size in CHUNK_SIZES {
        let mut wire = Vec::new();
        chunk_into(&message, size, &mut wire);
        group.bench_with_input(BenchmarkId::new("msrp-codec", size), &wire, |b, wire| {
            b.iter(|| parse_ours(&mut parser, wire))
        });
        let chunks = MESSAGE_LEN.div_ceil(size) as f64;
        let before = allocations();
        assert_eq!(parse_ours(&mut parser, &wire), MESSAGE_LEN as u64);
        let per_chunk = (allocations() - before) as f64 / chunks;
        println!("msrp-codec parse, {size} B chunks: {per_chunk:.4} allocations per chunk");
        let first_frame = frame_ends(&wire, 1);
        if let Err(e) = parse_rcs(&wire, &first_frame) {
            println!("rust-rcs-core, exact Byte-Range, {size} B chunks: fails: {e}");
        }
    }
    for size in [2 * KIB, 64 * KIB] {
        let (wire, ends) = chunk_star(&message, size);
        group.bench_with_input(
            BenchmarkId::new("msrp-codec-star", size),
            &wire,
            |b, wire| b.iter(|| parse_ours(&mut parser, wire)),
        );
        group.bench_with_input(
            BenchmarkId::new("rust-rcs-core-star", size),
            &wire,
            |b, wire| b.iter(|| parse_rcs(wire, &ends).expect("rcs parses star ranges")),
        );
    }
    group.finish();
}

/// Where the first `count` frames of `wire` end, found with our parser.
fn frame_ends(wire: &[u8], count: usize) -> Vec<usize> {
    let mut parser = Parser::default();
    let mut ends = Vec::new();
    let mut rest = wire;
    while ends.len() < count {
        let feed = parser.feed(rest).expect("valid stream");
        rest = &rest[feed.consumed..];
        match feed.event {
            Some(Event::End(_)) => ends.push(wire.len() - rest.len()),
            Some(_) => {}
            None => break,
        }
    }
    ends
}

fn single_send(c: &mut Criterion) {
    let body = &message()[..2 * KIB];
    let mut exact = Vec::new();
    chunk_into(body, 2 * KIB, &mut exact);
    let (star, star_end) = chunk_star(body, 2 * KIB);
    let exact_end = [exact.len()];
    let mut group = c.benchmark_group("msrp_send_2KiB");
    group.throughput(Throughput::Elements(1));
    let mut parser = Parser::default();
    group.bench_function("msrp-codec-exact", |b| {
        b.iter(|| parse_ours(&mut parser, black_box(&exact)))
    });
    group.bench_function("msrp-codec-star", |b| {
        b.iter(|| parse_ours(&mut parser, black_box(&star)))
    });
    group.bench_function("rust-rcs-core-star", |b| {
        b.iter(|| parse_rcs(black_box(&star), &star_end).expect("parses"))
    });
    group.finish();
    let runs = 10_000;
    let before = allocations();
    for _ in 0..runs {
        black_box(parse_ours(&mut parser, &exact));
    }
    let ours = (allocations() - before) as f64 / runs as f64;
    let before = allocations();
    for _ in 0..runs {
        black_box(parse_rcs(&star, &star_end).expect("parses"));
    }
    let rcs = (allocations() - before) as f64 / runs as f64;
    println!("2 KiB SEND: msrp-codec {ours:.2} allocations, rust-rcs-core {rcs:.2} allocations");
    println!(
        "rust-rcs-core on the exact-range 2 KiB SEND: {:?}",
        parse_rcs(&exact, &exact_end)
    );
}

criterion_group! {
    name = msrp;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = single_send, serialize, parse
}
criterion_main!(msrp);
