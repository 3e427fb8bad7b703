//! Inputs the `msrp_stream` fuzz target once failed on, replayed with its input layout:
//! byte 0 = number of split points (mod 9), two bytes per point, then the stream.

mod common;

use common::parse_split_with;
use msrp_codec::Limits;
use std::path::Path;

fn replay(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(name);
    let data = std::fs::read(path).expect("regression input");
    let count = usize::from(data[0] % 9);
    let (points, stream) = data[1..].split_at(count * 2);
    let mut cuts: Vec<usize> = points
        .chunks(2)
        .map(|p| usize::from(u16::from_le_bytes([p[0], p[1]])) % (stream.len() + 1))
        .collect();
    cuts.sort_unstable();
    let mut sizes = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain([stream.len()]) {
        sizes.push(cut - from);
        from = cut;
    }
    let tight = Limits {
        max_head_bytes: 200,
        max_headers: 5,
        max_body_bytes: 64,
    };
    for limits in [Limits::default(), tight] {
        let whole = parse_split_with(limits, stream, &[stream.len()]);
        let pieces = sizes
            .iter()
            .flat_map(|&s| if s == 0 { vec![] } else { vec![s] })
            .collect::<Vec<_>>();
        assert_eq!(parse_split_with(limits, stream, &pieces), whole, "{name}");
        assert_eq!(
            parse_split_with(limits, stream, &[1]),
            whole,
            "{name} bytewise"
        );
    }
}

/// A bare LF on a line that ends past the head limit: the limit is reported in every split.
#[test]
fn bare_lf_past_head_limit() {
    replay("bare_lf_past_head_limit");
}
