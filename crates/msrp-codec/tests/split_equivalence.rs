//! Any bytes, split anywhere, give the parser's whole-input answer.

mod common;

use common::parse_split_with;
use msrp_codec::Limits;
use proptest::prelude::*;
use std::path::Path;

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/frames");
    let mut frames = Vec::new();
    for dir in ["valid", "invalid"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("corpus") {
            frames.push(std::fs::read(entry.expect("entry").path()).expect("frame"));
        }
    }
    frames.sort();
    frames
}

/// A byte the MSRP grammar gives a meaning to, or any byte.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        Just(b'\r'),
        Just(b'\n'),
        Just(b'-'),
        Just(b'$'),
        Just(b'+'),
        Just(b'#'),
        Just(b':'),
        Just(b' '),
        any::<u8>()
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// For a corpus frame with random edits (or two frames joined), any split of the bytes
    /// gives the same events, the same error (kind, offset, header) or the same success as
    /// feeding them whole, also under tight limits.
    #[test]
    fn every_split_matches_whole_parsing(
        pick in any::<prop::sample::Index>(),
        second in any::<prop::sample::Index>(),
        join in any::<bool>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), interesting_byte(), 0u8..3), 0..6),
        sizes in prop::collection::vec(1usize..50, 1..6),
        tight in any::<bool>(),
    ) {
        let frames = corpus();
        let mut stream = pick.get(&frames).clone();
        if join {
            stream.extend_from_slice(second.get(&frames).as_slice());
        }
        for (at, byte, op) in edits {
            let i = at.index(stream.len() + 1);
            match op {
                0 if i < stream.len() => stream[i] = byte,
                1 => stream.insert(i, byte),
                _ if i < stream.len() => { stream.remove(i); }
                _ => {}
            }
        }
        let limits = if tight {
            Limits { max_head_bytes: 150, max_headers: 4, max_body_bytes: 20 }
        } else {
            Limits::default()
        };
        let whole = parse_split_with(limits, &stream, &[stream.len().max(1)]);
        prop_assert_eq!(parse_split_with(limits, &stream, &sizes), whole.clone());
        prop_assert_eq!(parse_split_with(limits, &stream, &[1]), whole);
    }
}
