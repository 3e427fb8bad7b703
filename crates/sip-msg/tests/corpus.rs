//! Valid and invalid messages covering the categories of the SIP torture tests (RFC 4475),
//! written for this crate. Every message is parsed whole as a datagram, fed to the stream
//! framer one byte at a time, and parsed with trailing bytes after it.

use sip_msg::{
    Error, Frame, Framed, HeaderName, Limit, Message, MessageSlot, Parser, StreamFramer,
};
use std::fs;
use std::path::PathBuf;

fn corpus(kind: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(kind);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sip"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "corpus {kind} is missing");
    files
}

/// What a message says, in a form two parses can be compared by.
fn summary(m: &Message<'_>) -> String {
    let mut s = format!("{:?}\n", m.start_line());
    for h in m.headers() {
        s += &format!("{}|{}|{}\n", h.full_name(), h.raw_name(), h.value());
    }
    s + &format!("body {:?}", m.body())
}

/// Feeds `bytes` to a new framer one more byte at a time; returns the first result that is
/// not `Incomplete` (or the last one), with the prefix length that produced it. Until then,
/// nothing may be consumed and a known `needed` must be exact.
fn frame_byte_by_byte(bytes: &[u8]) -> (usize, Result<Frame<'_>, Error>) {
    let mut framer = StreamFramer::new(Parser::new());
    for end in 0..bytes.len() {
        match framer.frame(&bytes[..end]) {
            Ok(Frame::Incomplete {
                consumed: 0,
                needed,
            }) => {
                if let Some(n) = needed {
                    assert!(
                        n > 0 && (end + n == bytes.len() || end + n > bytes.len()),
                        "{n} at {end}"
                    );
                }
            }
            other => return (end, other),
        }
    }
    (bytes.len(), framer.frame(bytes))
}

#[test]
fn valid_messages_parse_whole() {
    for (name, bytes) in corpus("valid") {
        let msg = Parser::new()
            .parse_datagram(&bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(msg.header_count() > 0, "{name}");
        assert_eq!(msg.head_len() + msg.body().len(), bytes.len(), "{name}");
    }
}

/// One slot filled by every corpus message in turn, valid and invalid alike: each parse
/// gives what the parse by value gives, so nothing of an earlier message is left in the slot.
#[test]
fn a_reused_slot_parses_as_the_parse_by_value() {
    let files = [corpus("valid"), corpus("invalid")].concat();
    let parser = Parser::new();
    let mut slot = MessageSlot::new();
    for (name, bytes) in &files {
        match (
            parser.parse_datagram_into(bytes, &mut slot),
            parser.parse_datagram(bytes),
        ) {
            (Ok(into), Ok(by_value)) => {
                assert_eq!(summary(into), summary(&by_value), "{name}");
                assert_eq!(into.cseq(), by_value.cseq(), "{name}");
                assert_eq!(into.call_id(), by_value.call_id(), "{name}");
            }
            (Err(into), Err(by_value)) => assert_eq!(into, by_value, "{name}"),
            (into, by_value) => panic!("{name}: into a slot {into:?}, by value {by_value:?}"),
        }
    }
}

/// The same through the stream framer: one slot framed into by every corpus message in
/// turn, each on a new connection, gives the frame the framer gives by value.
#[test]
fn a_reused_slot_frames_as_the_frame_by_value() {
    let files = [corpus("valid"), corpus("invalid")].concat();
    let mut slot = MessageSlot::new();
    for (name, bytes) in &files {
        let into = StreamFramer::new(Parser::new()).frame_into(bytes, &mut slot);
        let by_value = StreamFramer::new(Parser::new()).frame(bytes);
        match (into, by_value) {
            (
                Ok(Framed::Message { message, consumed }),
                Ok(Frame::Message {
                    message: by_value,
                    consumed: by_value_consumed,
                }),
            ) => {
                assert_eq!(summary(message), summary(&by_value), "{name}");
                assert_eq!(consumed, by_value_consumed, "{name}");
            }
            (
                Ok(Framed::Invalid { error, consumed }),
                Ok(Frame::Invalid {
                    error: e,
                    consumed: c,
                }),
            ) => {
                assert_eq!((error, consumed), (e, c), "{name}")
            }
            (
                Ok(Framed::Incomplete { consumed, needed }),
                Ok(Frame::Incomplete {
                    consumed: c,
                    needed: n,
                }),
            ) => assert_eq!((consumed, needed), (c, n), "{name}"),
            (Err(into), Err(by_value)) => assert_eq!(into, by_value, "{name}"),
            (into, by_value) => panic!("{name}: into a slot {into:?}, by value {by_value:?}"),
        }
    }
}

#[test]
fn valid_messages_have_valid_typed_headers() {
    for (name, bytes) in corpus("valid") {
        let msg = sip_msg::parse(&bytes).unwrap();
        let vias: Result<Vec<_>, _> = msg.vias().collect();
        assert!(
            !vias.unwrap_or_else(|e| panic!("{name}: {e}")).is_empty(),
            "{name}"
        );
        msg.from()
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .expect("From");
        msg.to()
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .expect("To");
        msg.cseq()
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .expect("CSeq");
        msg.call_id()
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .expect("Call-ID");
        for c in msg.contacts() {
            c.unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        msg.content_type().unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn valid_messages_frame_one_byte_at_a_time() {
    for (name, bytes) in corpus("valid") {
        let whole = sip_msg::parse(&bytes).unwrap();
        let (end, result) = frame_byte_by_byte(&bytes);
        match result {
            Ok(Frame::Message { message, consumed }) => {
                assert_eq!((end, consumed), (bytes.len(), bytes.len()), "{name}");
                assert_eq!(summary(&message), summary(&whole), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn valid_messages_ignore_trailing_bytes() {
    for (name, bytes) in corpus("valid") {
        let whole = sip_msg::parse(&bytes).unwrap();
        let mut longer = bytes.clone();
        longer.extend_from_slice(b"INVITE trailing garbage\r\n");
        let datagram = sip_msg::parse(&longer).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(summary(&datagram), summary(&whole), "{name}");
        match StreamFramer::new(Parser::new()).frame(&longer) {
            Ok(Frame::Message { message, consumed }) => {
                assert_eq!(consumed, bytes.len(), "{name}");
                assert_eq!(summary(&message), summary(&whole), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn truncated_datagrams_are_incomplete_errors_never_wrong_messages() {
    for (name, bytes) in corpus("valid") {
        let head = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        for end in 0..bytes.len() {
            match sip_msg::parse(&bytes[..end]) {
                Err(Error::Truncated { offset }) => {
                    assert!(end < head && offset == end, "{name} {end}")
                }
                Err(Error::BodyTooShort { actual, .. }) => {
                    assert!(end >= head && actual == end - head, "{name} {end}")
                }
                other => panic!("{name} cut at {end}: {other:?}"),
            }
        }
    }
}

#[test]
fn valid_messages_keep_every_header_in_order() {
    let bytes = fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/valid/unknown_headers_and_method.sip"),
    )
    .unwrap();
    let msg = sip_msg::parse(&bytes).unwrap();
    let names: Vec<_> = msg.headers().map(|h| (h.full_name(), h.value())).collect();
    assert_eq!(
        names,
        [
            ("Via", "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKnew"),
            ("X-First", "1"),
            ("Max-Forwards", "70"),
            ("X-Second", "two  words"),
            ("To", "<sip:user@example.com>"),
            ("From", "<sip:caller@example.net>;tag=un1"),
            ("X-First", "again"),
            ("Call-ID", "unknown-headers"),
            ("CSeq", "3 NEWMETHOD"),
            ("P-Weird-Header", "a;b=c,d"),
            ("Content-Length", "0"),
        ]
    );
    assert_eq!(msg.method().map(|m| m.as_str()), Some("NEWMETHOD"));
    assert_eq!(msg.get_by_name("x-first").count(), 2);
}

#[test]
fn compact_forms_mean_the_full_headers() {
    let bytes = fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/valid/compact_forms.sip"),
    )
    .unwrap();
    let msg = sip_msg::parse(&bytes).unwrap();
    let names: Vec<_> = msg.headers().map(|h| h.full_name()).collect();
    assert_eq!(
        names,
        [
            "Via",
            "Max-Forwards",
            "From",
            "To",
            "Call-ID",
            "CSeq",
            "Contact",
            "Supported",
            "Session-Expires",
            "Accept-Contact",
            "Allow-Events",
            "Event",
            "Refer-To",
            "Referred-By",
            "Reject-Contact",
            "Request-Disposition",
            "Subject",
            "Content-Encoding",
            "Content-Type",
            "Content-Length"
        ]
    );
    assert_eq!(msg.session_expires().unwrap().map(|s| s.delta), Some(1800));
    assert_eq!(msg.supported().next().unwrap().unwrap(), "timer");
    assert!(msg
        .content_type()
        .unwrap()
        .unwrap()
        .is("application", "sdp"));
}

#[test]
fn folded_values_read_as_one_line() {
    let bytes = fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/valid/whitespace_and_folding.sip"),
    )
    .unwrap();
    let msg = sip_msg::parse(&bytes).unwrap();
    let cseq = msg.cseq().unwrap().unwrap();
    assert_eq!((cseq.number, cseq.method.as_str()), (12, "INVITE"));
    assert_eq!(msg.max_forwards().unwrap().map(|m| m.0), Some(42));
    assert_eq!(msg.to().unwrap().unwrap().tag, Some("77ab-x"));
    assert_eq!(msg.vias().count(), 3);
    let story = msg.get_by_name("X-Long-Story").next().unwrap();
    assert_eq!(story.unfolded().to_string(), "first part second part");
}

/// How an invalid message fails: which error a validating datagram parse gives, or, for
/// values left to the typed accessors, which accessor fails.
fn expected_failure(name: &str, msg: Result<Message<'_>, Error>) {
    use Error::*;
    let check = |ok: bool, got: &dyn std::fmt::Debug| assert!(ok, "{name}: {got:?}");
    match name {
        "extraneous_separators" => {
            let msg = msg.unwrap();
            let via = msg.vias().find_map(Result::err);
            check(
                matches!(
                    via,
                    Some(Value {
                        header: HeaderName::Via,
                        ..
                    })
                ),
                &via,
            );
            let contact = msg.contacts().find_map(Result::err);
            check(
                matches!(
                    contact,
                    Some(Value {
                        header: HeaderName::Contact,
                        ..
                    })
                ),
                &contact,
            );
        }
        _ => {
            let e = msg.err();
            let ok = matches!(
                (name, e),
                (
                    "content_length_larger_than_message",
                    Some(BodyTooShort { expected: 9999, .. }),
                ) | (
                    "negative_content_length",
                    Some(Value {
                        header: HeaderName::ContentLength,
                        ..
                    }),
                ) | (
                    "overlarge_max_forwards",
                    Some(Value {
                        header: HeaderName::MaxForwards,
                        ..
                    }),
                ) | ("overlarge_cseq", Some(CSeqOutOfRange { .. }))
                    | (
                        "unterminated_quoted_string",
                        Some(Value {
                            header: HeaderName::To,
                            ..
                        }),
                    )
                    | ("lws_in_request_uri", Some(Syntax { offset: 28, .. }))
                    | (
                        "multiple_sp_in_request_line",
                        Some(Syntax { offset: 7, .. })
                    )
                    | ("unknown_sip_version", Some(Syntax { offset: 31, .. }))
                    | ("cseq_method_mismatch", Some(CSeqMethodMismatch { .. }))
                    | ("overlarge_response_code", Some(Syntax { offset: 11, .. }))
                    | ("status_code_out_of_range", Some(Syntax { offset: 8, .. }))
                    | (
                        "missing_mandatory_headers",
                        Some(MissingHeader {
                            header: HeaderName::CallId,
                        }),
                    )
                    | (
                        "conflicting_content_lengths",
                        Some(ConflictingContentLength { .. })
                    )
                    | (
                        "header_without_colon",
                        Some(Syntax {
                            expected: "':' after header name",
                            ..
                        }),
                    )
                    | (
                        "bare_lf_line_ending",
                        Some(Syntax {
                            expected: "CRLF",
                            ..
                        }),
                    )
                    | ("control_character_in_value", Some(Syntax { .. }))
            );
            check(ok, &e);
            let e = e.unwrap();
            assert!(!e.to_string().is_empty());
        }
    }
}

#[test]
fn invalid_messages_are_rejected_whole() {
    for (name, bytes) in corpus("invalid") {
        expected_failure(&name, sip_msg::parse(&bytes));
    }
}

#[test]
fn invalid_messages_are_rejected_with_trailing_bytes() {
    for (name, bytes) in corpus("invalid") {
        let mut longer = bytes.clone();
        longer.extend_from_slice(b"\r\nSIP/2.0 200 OK\r\n\r\n");
        expected_failure(&name, sip_msg::parse(&longer));
    }
}

#[test]
fn invalid_messages_fail_the_same_way_one_byte_at_a_time() {
    for (name, bytes) in corpus("invalid") {
        let whole = sip_msg::parse(&bytes).err();
        let (end, result) = frame_byte_by_byte(&bytes);
        match (whole, result) {
            (None, Ok(Frame::Message { consumed, .. })) => assert_eq!(consumed, bytes.len()),
            (Some(Error::BodyTooShort { expected, .. }), Ok(Frame::Incomplete { needed, .. })) => {
                let head = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
                assert_eq!(needed, Some(head + expected - bytes.len()), "{name}");
            }
            (Some(e), Ok(Frame::Invalid { error, consumed })) => {
                assert_eq!((error, consumed), (e, bytes.len()), "{name}")
            }
            (Some(e), Err(error)) => {
                assert_eq!(error, e, "{name}");
                assert!(end <= bytes.len());
            }
            (whole, other) => panic!("{name}: whole {whole:?}, stream {other:?}"),
        }
    }
}

#[test]
fn limits_end_hostile_input() {
    let bytes = fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/valid/multiple_vias.sip"),
    )
    .unwrap();
    let limits = |l| Parser::new().with_limits(l);
    let few = limits(sip_msg::Limits {
        max_headers: 3,
        ..Default::default()
    });
    assert!(matches!(
        few.parse_datagram(&bytes),
        Err(Error::TooLarge {
            limit: Limit::HeaderCount,
            ..
        })
    ));
    let short = limits(sip_msg::Limits {
        max_header_len: 40,
        ..Default::default()
    });
    assert!(matches!(
        short.parse_datagram(&bytes),
        Err(Error::TooLarge {
            limit: Limit::HeaderLength,
            ..
        })
    ));
    let line = limits(sip_msg::Limits {
        max_start_line_len: 10,
        ..Default::default()
    });
    assert!(matches!(
        line.parse_datagram(&bytes),
        Err(Error::TooLarge {
            limit: Limit::StartLineLength,
            ..
        })
    ));
    let binary = fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/valid/binary_body.sip"),
    )
    .unwrap();
    let small = limits(sip_msg::Limits {
        max_body_len: 255,
        ..Default::default()
    });
    assert!(matches!(
        small.parse_datagram(&binary),
        Err(Error::TooLarge {
            limit: Limit::BodyLength,
            ..
        })
    ));
    let endless = vec![b'a'; 100_000];
    assert!(matches!(
        StreamFramer::new(Parser::new()).frame(&endless),
        Err(Error::TooLarge {
            limit: Limit::StartLineLength,
            ..
        })
    ));
}
