//! The frame corpus in `tests/frames/`: every file fed whole, one byte at a time, in several
//! other splits, and followed by trailing bytes.

mod common;

use common::{parse_bytewise, parse_split, parse_whole, Owned};
use msrp_codec::{Error, ErrorKind, Flag};
use std::path::Path;

fn read(dir: &str, name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/frames")
        .join(dir)
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn files(dir: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/frames")
        .join(dir);
    let mut names: Vec<String> = std::fs::read_dir(path)
        .expect("corpus dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every split of a stream must give the same events and the same outcome as feeding it whole.
fn same_in_every_split(name: &str, stream: &[u8]) -> (Vec<Owned>, Result<(), Error>) {
    let whole = parse_whole(stream);
    assert_eq!(parse_bytewise(stream), whole, "{name}: one byte at a time");
    for sizes in [&[2][..], &[3], &[7], &[13], &[64], &[5, 1, 30, 2]] {
        assert_eq!(
            parse_split(stream, sizes),
            whole,
            "{name}: pieces {sizes:?}"
        );
    }
    whole
}

/// (file, frames, body bytes of all frames, flags in order)
const VALID: &[(&str, usize, &[u8], &[Flag])] = &[
    ("binary_body.msrp", 1, b"\x00\r\n\r\r\n\xff-\r\n-\x00", &[Flag::Complete]),
    (
        "body_with_lookalike_end_lines.msrp",
        1,
        b"line\r\n-------othertid$\r\n-------tid0x1234X\r\n-------tid0x123$\r\n\r\n------tid0x1234$\r\nend",
        &[Flag::Complete],
    ),
    ("ipv6_multi_hop_paths.msrp", 1, b"hi", &[Flag::Complete]),
    ("pipelined_frames.msrp", 3, b"abcdef", &[Flag::Continues, Flag::Complete, Flag::Complete]),
    ("report_success.msrp", 1, b"", &[Flag::Complete]),
    ("response_200.msrp", 1, b"", &[Flag::Complete]),
    ("response_481_no_comment.msrp", 1, b"", &[Flag::Complete]),
    ("send_aborted.msrp", 1, b"and then", &[Flag::Aborted]),
    ("send_bodiless_binding.msrp", 1, b"", &[Flag::Complete]),
    ("send_chunk_continues.msrp", 1, b"first part of a long message", &[Flag::Continues]),
    ("send_empty_body.msrp", 1, b"", &[Flag::Complete]),
    ("send_interrupted_before_range_end.msrp", 1, b"0123456789", &[Flag::Continues]),
    ("send_single.msrp", 1, b"Hey Bob, are you there?\r\n", &[Flag::Complete]),
    ("unknown_method.msrp", 1, b"", &[Flag::Complete]),
];

#[test]
fn valid_frames_parse_in_every_split() {
    assert_eq!(
        files("valid").len(),
        VALID.len(),
        "every valid file has an expectation"
    );
    for &(name, frames, body, flags) in VALID {
        let stream = read("valid", name);
        let (events, end) = same_in_every_split(name, &stream);
        assert_eq!(end, Ok(()), "{name}");
        let heads = events
            .iter()
            .filter(|e| matches!(e, Owned::Head(..)))
            .count();
        assert_eq!(heads, frames, "{name}: frames");
        let bytes: Vec<u8> = events
            .iter()
            .filter_map(|e| match e {
                Owned::Body(b) => Some(b.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(bytes, body, "{name}: body");
        let got: Vec<Flag> = events
            .iter()
            .filter_map(|e| match e {
                Owned::End(f, _) => Some(*f),
                _ => None,
            })
            .collect();
        assert_eq!(got, flags, "{name}: flags");
    }
}

#[test]
fn valid_frames_with_trailing_bytes() {
    let next = read("valid", "response_200.msrp");
    for &(name, ..) in VALID {
        let stream = read("valid", name);
        let (alone, _) = parse_whole(&stream);
        let (next_events, _) = parse_whole(&next);
        let joined = [stream.as_slice(), next.as_slice()].concat();
        let (events, end) = same_in_every_split(name, &joined);
        assert_eq!(end, Ok(()));
        assert_eq!(
            events,
            [alone.clone(), next_events].concat(),
            "{name} + a frame"
        );
        let partial = [stream.as_slice(), b"MSRP abcd"].concat();
        let (events, end) = same_in_every_split(name, &partial);
        assert_eq!(events, alone, "{name} + a partial frame");
        assert_eq!(
            end.map_err(|e| (e.kind, e.offset)),
            Err((ErrorKind::Truncated, partial.len() as u64))
        );
    }
}

/// (file, error kind, stream offset, header)
const INVALID: &[(&str, ErrorKind, u64, Option<&str>)] = &[
    (
        "backwards_byte_range.msrp",
        ErrorKind::ByteRange("range-end not before range-start"),
        172,
        Some("Byte-Range"),
    ),
    (
        "bad_end_line_flag.msrp",
        ErrorKind::Syntax("end-line with this frame's transaction id"),
        138,
        None,
    ),
    (
        "bare_lf.msrp",
        ErrorKind::Syntax("CRLF, not a bare LF"),
        18,
        None,
    ),
    (
        "body_exceeds_byte_range.msrp",
        ErrorKind::BodyExceedsByteRange,
        211,
        None,
    ),
    (
        "body_without_content_type.msrp",
        ErrorKind::MissingContentType,
        179,
        None,
    ),
    ("end_line_never_comes.msrp", ErrorKind::Truncated, 223, None),
    (
        "end_line_of_other_transaction.msrp",
        ErrorKind::Truncated,
        232,
        None,
    ),
    (
        "garbage_before_frame.msrp",
        ErrorKind::Syntax("'MSRP ' at the start of a frame"),
        0,
        None,
    ),
    (
        "lower_case_method.msrp",
        ErrorKind::Syntax("upper-case method or status code"),
        14,
        None,
    ),
    (
        "missing_from_path.msrp",
        ErrorKind::MissingFromPath,
        76,
        None,
    ),
    ("missing_to_path.msrp", ErrorKind::MissingToPath, 20, None),
    (
        "response_with_body.msrp",
        ErrorKind::ResponseWithBody,
        166,
        None,
    ),
    (
        "second_frame_invalid.msrp",
        ErrorKind::MissingFromPath,
        240,
        None,
    ),
    (
        "short_transaction_id.msrp",
        ErrorKind::Syntax("transaction id of 4 to 32 ident characters"),
        8,
        None,
    ),
    (
        "status_bad_namespace.msrp",
        ErrorKind::Syntax("namespace SP status-code [SP comment]"),
        173,
        Some("Status"),
    ),
    (
        "too_many_headers.msrp",
        ErrorKind::TooManyHeaders,
        428,
        None,
    ),
    (
        "uri_without_transport.msrp",
        ErrorKind::Uri(msrp_codec::uri::UriErrorKind::MissingTransport),
        70,
        Some("To-Path"),
    ),
];

#[test]
fn invalid_frames_fail_with_what_and_where_in_every_split() {
    assert_eq!(
        files("invalid").len(),
        INVALID.len(),
        "every invalid file has an expectation"
    );
    for &(name, kind, offset, header) in INVALID {
        let stream = read("invalid", name);
        let (_, end) = same_in_every_split(name, &stream);
        let e = end.expect_err(name);
        assert_eq!(
            (e.kind, e.offset, e.header.as_deref()),
            (kind, offset, header),
            "{name}"
        );
    }
}
