//! Property tests: messages the writer builds parse back to the same fields, and a stream of
//! messages frames the same way however it is cut into reads.

use proptest::prelude::*;
use sip_msg::builder::MessageWriter;
use sip_msg::header::CSeq;
use sip_msg::{Frame, HeaderName, Message, Method, Parser, StreamFramer};

/// A request as the test describes it.
#[derive(Debug, Clone)]
struct Spec {
    method: Method<'static>,
    user: String,
    cseq: u32,
    extra: Vec<(String, String)>,
    body: Vec<u8>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let method = prop::sample::select(vec![
        Method::Invite,
        Method::Bye,
        Method::Update,
        Method::Message,
        Method::Extension("X-NEW"),
    ]);
    let header = ("X-[A-Za-z0-9]{1,12}", "[!-~]([ -~\t]{0,40}[!-~])?");
    (
        method,
        "[a-z0-9._-]{1,16}",
        0u32..(1 << 31),
        prop::collection::vec(header, 0..8),
        prop::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|(method, user, cseq, extra, body)| Spec {
            method,
            user,
            cseq,
            extra,
            body,
        })
}

fn build(spec: &Spec) -> Vec<u8> {
    let mut out = Vec::new();
    let uri = format!("sip:{}@example.net", spec.user);
    let mut w = MessageWriter::request_vec(&mut out, spec.method, &uri).unwrap();
    w.header(HeaderName::Via, "SIP/2.0/TCP 192.0.2.1;branch=z9hG4bKprop")
        .unwrap();
    w.header(HeaderName::MaxForwards, 70).unwrap();
    w.header(HeaderName::From, "<sip:a@example.com>;tag=p1")
        .unwrap();
    w.header(HeaderName::To, &uri).unwrap();
    w.header(HeaderName::CallId, "prop@192.0.2.1").unwrap();
    w.header(
        HeaderName::CSeq,
        CSeq {
            number: spec.cseq,
            method: spec.method,
        },
    )
    .unwrap();
    for (name, value) in &spec.extra {
        w.header_named(name, value).unwrap();
    }
    w.finish(&spec.body).unwrap();
    out
}

fn summary(m: &Message<'_>) -> String {
    let mut s = format!("{:?}\n", m.start_line());
    for h in m.headers() {
        s += &format!("{}: {}\n", h.full_name(), h.value());
    }
    s + &format!("{:?}", m.body())
}

proptest! {
    /// Whatever the writer accepts parses back with the same method, Request-URI, CSeq,
    /// extra headers in order (names and values as given) and body.
    #[test]
    fn built_requests_parse_to_the_same_fields(spec in spec()) {
        let bytes = build(&spec);
        let msg = sip_msg::parse(&bytes).unwrap();
        prop_assert_eq!(msg.method(), Some(spec.method));
        let uri = format!("sip:{}@example.net", spec.user);
        prop_assert_eq!(msg.request_uri(), Some(uri.as_str()));
        let cseq = msg.cseq().unwrap().unwrap();
        prop_assert_eq!((cseq.number, cseq.method), (spec.cseq, spec.method));
        let extra: Vec<_> = msg
            .headers()
            .filter(|h| h.name() == HeaderName::Other)
            .map(|h| (h.raw_name().to_owned(), h.value().to_owned()))
            .collect();
        prop_assert_eq!(extra, spec.extra.clone());
        prop_assert_eq!(msg.body(), &spec.body[..]);
    }

    /// Several messages with CRLF keep-alives between them, delivered in reads cut at
    /// arbitrary points, frame into exactly the messages that were sent, in order, each equal
    /// to its own datagram parse; nothing is left over and the stream stays usable.
    #[test]
    fn streams_frame_the_same_under_any_split(
        specs in prop::collection::vec(spec(), 1..4),
        keep_alives in prop::collection::vec(0usize..3, 4),
        cuts in prop::collection::vec(1usize..200, 0..20),
    ) {
        let messages: Vec<Vec<u8>> = specs.iter().map(build).collect();
        let mut wire = Vec::new();
        for (i, m) in messages.iter().enumerate() {
            wire.extend(std::iter::repeat(b"\r\n".as_slice()).take(keep_alives[i]).flatten());
            wire.extend_from_slice(m);
        }
        let mut framer = StreamFramer::new(Parser::new());
        let mut pending = Vec::new();
        let mut seen = Vec::new();
        let mut reads = cuts.iter().cycle();
        let mut at = 0;
        while at < wire.len() {
            let end = (at + reads.next().copied().unwrap_or(wire.len())).min(wire.len());
            pending.extend_from_slice(&wire[at..end]);
            at = end;
            loop {
                match framer.frame(&pending).unwrap() {
                    Frame::Message { message, consumed } => {
                        seen.push(summary(&message));
                        pending.drain(..consumed);
                    }
                    Frame::Incomplete { consumed, .. } => {
                        pending.drain(..consumed);
                        break;
                    }
                    Frame::Invalid { error, .. } => panic!("{error}"),
                }
            }
        }
        let expected: Vec<_> = messages.iter().map(|m| summary(&sip_msg::parse(m).unwrap())).collect();
        prop_assert_eq!(seen, expected);
        prop_assert!(pending.is_empty());
        prop_assert!(framer.is_usable());
    }

    /// Mutated messages never make the parser or the framer panic, and the two agree: a
    /// message the framer delivers is exactly the datagram parse of the bytes it consumed
    /// (after any keep-alive CRLFs).
    #[test]
    fn mutated_messages_never_panic_and_framing_agrees(
        spec in spec(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    ) {
        let mut bytes = build(&spec);
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = sip_msg::parse(&bytes);
        if let Ok(Frame::Message { message, consumed }) = StreamFramer::new(Parser::new()).frame(&bytes) {
            let skip = bytes.chunks(2).take_while(|p| *p == b"\r\n").count() * 2;
            let whole = sip_msg::parse(&bytes[skip..consumed]).unwrap();
            prop_assert_eq!(summary(&message), summary(&whole));
        }
    }
}
