use super::*;
use proptest::prelude::*;

/// The datagram parse as it was before the checks passed the Content-Length lines on: every
/// step in its order. The oracle of the property test below.
fn parse_in_order(buf: &[u8]) -> Result<Message<'_>, Error> {
    let parser = Parser::new();
    let mut message = Message::empty();
    let head = parser.scan(buf, &mut message)?;
    parser.finish_in_order(message, buf, head)
}

/// What a parse gave, comparable: the error, or the message's lines, body and typed values.
fn outcome(result: Result<Message<'_>, Error>) -> Result<String, Error> {
    result.map(|m| format!("{m:?} {:?} {:?} {:?}", m.body(), m.call_id(), m.cseq()))
}

/// A request or response head of lines picked from valid and invalid ones, several of them
/// Content-Length lines that agree, disagree, overflow or are not numbers, then a body,
/// possibly with one byte changed.
fn datagram() -> impl Strategy<Value = String> {
    let start = prop::sample::select(vec![
        "INVITE sip:b@h SIP/2.0",
        "INVITE sip:b@h SIP/2.0",
        "SIP/2.0 200 OK",
        "BYE sip:b@h SIP/2.0",
        "INVITE  sip:b@h SIP/2.0",
        "SIP/2.0 200 OK",
        "SIP/2.0 2000 OK",
    ]);
    let mandatory = prop::sample::subsequence(
        vec![
            "Via: SIP/2.0/UDP h;branch=z9hG4bK1",
            "Max-Forwards: 70",
            "From: <sip:a@h>;tag=1",
            "To: <sip:b@h>",
            "Call-ID: c@h",
            "CSeq: 1 INVITE",
        ],
        5..=6,
    );
    let other = prop::sample::select(vec![
        "Max-Forwards: 300",
        "From: \"A <sip:a@h>",
        "Call-ID: a b",
        "CSeq: 1 BYE",
        "CSeq: 2147483648 INVITE",
        "Content-Length: 0",
        "Content-Length: 3",
        "l: 3",
        "Content-Length: 5",
        "Content-Length: x",
        "Content-Length: 99999999999",
        "Subject: hi",
    ]);
    let lines = (mandatory, prop::collection::vec(other, 0..4))
        .prop_map(|(mut lines, other)| {
            lines.extend(other);
            lines
        })
        .prop_shuffle();
    let text = (start, lines, 0usize..8).prop_map(|(start, lines, body)| {
        let mut text = format!("{start}\r\n");
        for line in lines {
            text.push_str(line);
            text.push_str("\r\n");
        }
        text.push_str("\r\n");
        text.push_str(&"x".repeat(body));
        text
    });
    crate::header::mutation::maybe_mutated(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Whatever the datagram, the validating parse gives what the steps in their order give:
    /// the same message, or the same error (Content-Length errors before text, start line
    /// and check errors, as before).
    #[test]
    fn the_validating_parse_equals_the_steps_in_order(text in datagram()) {
        let buf = text.as_bytes();
        prop_assert_eq!(outcome(parse(buf)), outcome(parse_in_order(buf)));
    }
}

#[test]
fn content_length_errors_come_before_the_checks() {
    let text = "INVITE sip:b@h SIP/2.0\r\nCSeq: 1 BYE\r\nContent-Length: 1\r\nl: 2\r\n\r\nxx";
    assert!(matches!(
        parse(text.as_bytes()),
        Err(Error::ConflictingContentLength { .. })
    ));
    let valid = "INVITE sip:b@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\
        Max-Forwards: 70\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: c@h\r\n\
        CSeq: 1 INVITE\r\nContent-Length: 2\r\nl: 2\r\n\r\nxyz";
    assert_eq!(parse(valid.as_bytes()).unwrap().body(), b"xy");
}
