//! SDP: parse the offer of a CPM large-message INVITE and read the fields an MSRP session
//! needs (port, first path URI, accept-types, max-size, direction), with `sdp` and with the
//! Rust peers that accept `m=message ... TCP/MSRP`, in one criterion run; then check an
//! answer and write an offer with `sdp` alone. Prints allocations per operation.
//!
//! `webrtc-sdp`, `ezk-sdp-types` and `sdp` (webrtc-rs) reject or drop the MSRP media line,
//! so they are not measured (see benches/results/sdp.md).

use cpm_lm_benches::alloc_counter::{allocations_per_call, CountingAllocator};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The same digest from every parser: m= port, lengths of the first path URI, of the
/// accept-types value, the max-size, and whether the stream is sendonly.
type Digest = (u16, usize, usize, u64, bool);

/// The SDP body of the INVITE fixture.
fn offer() -> Vec<u8> {
    let invite = include_bytes!("../fixtures/cpm-invite.sip");
    let body = memchr::memmem::find(invite, b"\r\n\r\n")
        .map(|at| at + 4)
        .unwrap_or(invite.len());
    invite[body..].to_vec()
}

/// Reads the first path URI as written, like the peers: `sdp` checked every URI of the
/// `a=path` while parsing; typing them again (`path()`) is not part of the digest.
fn ours(input: &[u8]) -> Option<Digest> {
    let sdp = sdp::SessionDescription::parse(input).ok()?;
    let (_, m) = sdp.message_stream()?;
    let path = m.path_str()?.split(' ').next()?.len();
    let types = m.accept_types()?.as_str().len();
    let sendonly = sdp.direction_of(m) == sdp::Direction::SendOnly;
    Some((m.port(), path, types, m.max_size()?, sendonly))
}

fn strict_sdp(input: &[u8]) -> Option<Digest> {
    use rust_strict_sdp::AsSDP;
    let sdp = input.as_sdp()?;
    let m = sdp.medias.iter().find(|m| m.media_type == b"message")?;
    let value = |name: &[u8]| m.attributes.iter().find_map(|a| a.strip_prefix(name));
    let path = value(b"path:")?.split(|&b| b == b' ').next()?.len();
    let types = value(b"accept-types:")?.len();
    let max_size = std::str::from_utf8(value(b"max-size:")?)
        .ok()?
        .parse()
        .ok()?;
    let sendonly = m
        .attributes
        .iter()
        .chain(&sdp.attributes)
        .any(|a| *a == b"sendonly");
    Some((m.port, path, types, max_size, sendonly))
}

fn rvoip(input: &bytes::Bytes) -> Option<Digest> {
    use rvoip_sip_core::sdp::parser::parse_sdp;
    use rvoip_sip_core::sdp::MediaDirection;
    use rvoip_sip_core::types::sdp::ParsedAttribute;
    let sdp = parse_sdp(input).ok()?;
    let m = sdp
        .media_descriptions
        .iter()
        .find(|m| m.media == "message")?;
    let value = |name: &str| {
        m.generic_attributes.iter().find_map(|a| match a {
            ParsedAttribute::Value(n, v) | ParsedAttribute::Other(n, Some(v)) if n == name => {
                Some(v.as_str())
            }
            _ => None,
        })
    };
    let path = value("path")?.split(' ').next()?.len();
    let types = value("accept-types")?.len();
    let max_size = value("max-size")?.parse().ok()?;
    let sendonly = matches!(
        m.direction.or(sdp.direction),
        Some(MediaDirection::SendOnly)
    );
    Some((m.port, path, types, max_size, sendonly))
}

fn answer() -> &'static [u8] {
    include_bytes!("../../examples/msrp-answer.sdp")
}

fn negotiate(offer: &[u8], answer: &[u8]) -> Option<u16> {
    let offer = sdp::SessionDescription::parse(offer).ok()?;
    let answer = sdp::SessionDescription::parse(answer).ok()?;
    let outcome = sdp::negotiate(&offer, &answer).ok()?;
    outcome.connect_to()?.port()
}

fn build(buf: &mut [u8]) -> Option<usize> {
    let path = [msrp_codec::MsrpUri::parse("msrp://198.51.100.7:7394/9di4eae923s;tcp").ok()?];
    let types = [
        sdp::MediaRange::Exact("message", "cpim"),
        sdp::MediaRange::Exact("text", "plain"),
        sdp::MediaRange::Exact("application", "octet-stream"),
    ];
    let address = sdp::Address::ip([198, 51, 100, 7].into());
    let mut offer = sdp::MsrpDescription::offer(address, 7394, &path, &types);
    offer.max_size = Some(104_857_600);
    offer.write_to(buf).ok()
}

fn report_allocations(offer: &[u8], offer_bytes: &bytes::Bytes) {
    let expected = ours(offer);
    assert!(expected.is_some(), "sdp parses the offer");
    assert_eq!(
        strict_sdp(offer),
        expected,
        "rust-strict-sdp reads the same fields"
    );
    assert_eq!(
        rvoip(offer_bytes),
        expected,
        "rvoip-sip-core reads the same fields"
    );
    let runs = 10_000;
    println!(
        "allocations per parse: sdp {}",
        allocations_per_call(runs, || ours(offer))
    );
    println!(
        "allocations per parse: rust-strict-sdp {}",
        allocations_per_call(runs, || strict_sdp(offer))
    );
    println!(
        "allocations per parse: rvoip-sip-core {}",
        allocations_per_call(runs, || rvoip(offer_bytes))
    );
    println!(
        "allocations per answer check: sdp {}",
        allocations_per_call(runs, || negotiate(offer, answer()))
    );
    let mut buf = [0u8; 512];
    println!(
        "allocations per offer write: sdp {}",
        allocations_per_call(runs, || build(&mut buf))
    );
}

fn bench(c: &mut Criterion) {
    let offer = offer();
    let offer_bytes = bytes::Bytes::copy_from_slice(&offer);
    report_allocations(&offer, &offer_bytes);

    let mut group = c.benchmark_group("sdp_parse_offer");
    group.bench_function("sdp", |b| b.iter(|| ours(black_box(&offer))));
    group.bench_function("rust-strict-sdp", |b| {
        b.iter(|| strict_sdp(black_box(&offer)))
    });
    group.bench_function("rvoip-sip-core", |b| {
        b.iter(|| rvoip(black_box(&offer_bytes)))
    });
    group.finish();

    c.bench_function("sdp_check_answer/sdp", |b| {
        b.iter(|| negotiate(black_box(&offer), black_box(answer())))
    });
    let mut buf = [0u8; 512];
    c.bench_function("sdp_write_offer/sdp", |b| {
        b.iter(|| build(black_box(&mut buf)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
