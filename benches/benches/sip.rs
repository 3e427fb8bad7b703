//! SIP: parse and serialize a 1 KB CPM large-message INVITE (with its SDP body) and its
//! 200 OK, with sip-msg and, in the same run, the Rust peers and the httparse floor.
//!
//! "typed parse" means: parse the message and read the fields a client transaction and
//! dialog need (top Via branch, From and To tags, Call-ID, CSeq). sip-msg is measured twice:
//! returning the message by value (`sip_msg::parse`), and filling a slot the caller keeps
//! (`Parser::parse_datagram_into`). The allocations each parser makes per message are
//! printed before the timings.

use cpm_lm_benches::alloc_counter::{allocations_per_call, CountingAllocator};
use cpm_lm_benches::sip_peers::{self, Digest};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const INVITE: &[u8] = include_bytes!("../fixtures/cpm-invite.sip");
const OK_200: &[u8] = include_bytes!("../fixtures/cpm-200-ok.sip");

/// sip-msg: the validating parse (mandatory headers, CSeq, Content-Length) and the typed
/// fields, all borrowed from the input.
fn sip_msg_typed(message: &[u8]) -> Option<Digest> {
    let msg = sip_msg::parse(message).ok()?;
    typed_fields(&msg)
}

/// sip-msg as above, the message filled in a slot the caller keeps instead of returned by
/// value: the calling convention of the floor, whose header array is the caller's too.
fn sip_msg_typed_in_slot(message: &[u8]) -> Option<Digest> {
    let mut slot = sip_msg::MessageSlot::new();
    let msg = sip_msg::Parser::new()
        .parse_datagram_into(message, &mut slot)
        .ok()?;
    typed_fields(msg)
}

/// The fields a client transaction and dialog read from a parsed message.
fn typed_fields(msg: &sip_msg::Message<'_>) -> Option<Digest> {
    let branch = msg.top_via().ok()??.branch()?.len();
    let from_tag = msg.from().ok()??.tag?.len();
    let to_tag = msg.to().ok()??.tag.map_or(0, str::len);
    let call_id = msg.call_id().ok()??.as_str().len();
    let cseq = msg.cseq().ok()??.number;
    Some((cseq, branch, from_tag, to_tag, call_id))
}

type Parser = fn(&[u8]) -> Option<Digest>;

const TYPED_PARSERS: [(&str, Parser); 5] = [
    ("sip-msg", sip_msg_typed),
    ("sip-msg (into a slot)", sip_msg_typed_in_slot),
    ("rsip", sip_peers::rsip),
    ("ezk-sip-types", sip_peers::ezk),
    ("rust-rcs-core", sip_peers::rust_rcs_core),
];

fn report_allocations(what: &str, message: &[u8]) {
    let floor = allocations_per_call(1000, || sip_peers::httparse_floor(message));
    println!("allocations per {what} parse: httparse::parse_headers {floor}");
    for (name, parse) in TYPED_PARSERS {
        match parse(message) {
            Some(_) => {
                let n = allocations_per_call(1000, || parse(message));
                println!("allocations per {what} parse: {name} {n}");
            }
            None => println!("{name} fails to parse the {what}"),
        }
    }
}

fn parse_group(c: &mut Criterion, what: &str, message: &'static [u8]) {
    report_allocations(what, message);
    let mut group = c.benchmark_group(format!("sip_parse_{what}"));
    group.throughput(Throughput::Bytes(message.len() as u64));
    group.bench_function("httparse::parse_headers (floor)", |b| {
        b.iter(|| sip_peers::httparse_floor(black_box(message)))
    });
    group.bench_function("sip-msg (parse only)", |b| {
        b.iter(|| sip_msg::parse(black_box(message)).map(|m| m.header_count()))
    });
    for (name, parse) in TYPED_PARSERS {
        if parse(message).is_some() {
            group.bench_function(name, |b| b.iter(|| parse(black_box(message))));
        }
    }
    group.finish();
}

fn parse(c: &mut Criterion) {
    parse_group(c, "invite", INVITE);
    parse_group(c, "200_ok", OK_200);
}

/// Re-serializes a parsed message: every library writes the same start line, headers and
/// body; sip-msg into a `Vec` reused across iterations.
fn serialize(c: &mut Criterion) {
    let parsed = sip_msg::parse(INVITE).expect("fixture parses");
    let uri = parsed.request_uri().expect("a request");
    let method = parsed.method().expect("a request");
    let headers: Vec<(&str, &str)> = parsed
        .headers()
        .filter(|h| h.name() != sip_msg::HeaderName::ContentLength)
        .map(|h| (h.full_name(), h.value()))
        .collect();
    let body = parsed.body();
    let write = |out: &mut Vec<u8>| -> usize {
        let mut w = sip_msg::MessageWriter::request_vec(out, method, uri).expect("start line");
        for (name, value) in &headers {
            w.header_named(name, value).expect("header");
        }
        w.finish(body).expect("body")
    };

    let rsip_msg = rsip::SipMessage::try_from(INVITE).expect("rsip parses the INVITE");
    let mut rcs = rust_rcs_core::sip::sip_parser::SipParser::new();
    rcs.feed(INVITE);
    let rcs_msg = rcs
        .produce()
        .ok()
        .flatten()
        .expect("rust-rcs-core parses the INVITE");

    let mut out = Vec::with_capacity(2048);
    write(&mut out);
    println!(
        "allocations per INVITE serialization: sip-msg (reused Vec) {}",
        allocations_per_call(1000, || write(&mut out))
    );
    println!(
        "allocations per INVITE serialization: rsip {}",
        allocations_per_call(1000, || rsip_msg.to_string())
    );
    println!(
        "allocations per INVITE serialization: rust-rcs-core {}",
        allocations_per_call(1000, || {
            rust_rcs_core::sip::sip_message::build_message_data(&rcs_msg)
        })
    );

    let mut group = c.benchmark_group("sip_serialize_invite");
    group.throughput(Throughput::Bytes(INVITE.len() as u64));
    group.bench_function("sip-msg (reused Vec)", |b| {
        b.iter(|| write(black_box(&mut out)))
    });
    group.bench_function("rsip", |b| b.iter(|| black_box(&rsip_msg).to_string()));
    group.bench_function("rust-rcs-core", |b| {
        b.iter(|| rust_rcs_core::sip::sip_message::build_message_data(black_box(&rcs_msg)))
    });
    group.finish();
}

criterion_group!(benches, parse, serialize);
criterion_main!(benches);
