use crate::{parse, Error, HeaderName, Message};

const INVITE: &str = "INVITE sip:b@h SIP/2.0\r\n\
    Via: SIP/2.0/UDP p1;branch=z9hG4bK1, SIP/2.0/UDP p2;branch=z9hG4bK2\r\n\
    v: SIP/2.0/TCP ua;branch=z9hG4bK3\r\n\
    Max-Forwards: 69\r\nf: \"A\" <sip:a@h>;tag=f1\r\nt: <sip:b@h>\r\ni: c@h\r\n\
    CSeq: 7 INVITE\r\nk: timer\r\nSupported: 100rel\r\nRequire: timer\r\n\
    Record-Route: <sip:p1;lr>, <sip:p2;lr>\r\nRoute: <sip:p3;lr>\r\n\
    m: <sip:a@ua>;+g.oma.sip-im\r\nx: 1800;refresher=uac\r\nMin-SE: 90\r\n\
    a: *;+g.oma.sip-im.large-message\r\nPrivacy: id\r\nUser-Agent: CPM-client/OMA2.2\r\n\
    Allow: INVITE, BYE\r\nc: application/sdp\r\nl: 0\r\n\r\n";

fn invite() -> Message<'static> {
    parse(INVITE.as_bytes()).unwrap()
}

#[test]
fn vias_span_lines_and_commas() {
    let msg = invite();
    let branches: Vec<_> = msg.vias().map(|v| v.unwrap().branch().unwrap()).collect();
    assert_eq!(branches, ["z9hG4bK1", "z9hG4bK2", "z9hG4bK3"]);
    assert_eq!(msg.top_via().unwrap().unwrap().branch(), Some("z9hG4bK1"));
}

#[test]
fn comma_lists_and_repeated_lines_give_the_same_values() {
    let joined = INVITE.replace("k: timer\r\nSupported: 100rel", "k: timer, 100rel");
    let joined = joined.replace(
        "Record-Route: <sip:p1;lr>, <sip:p2;lr>",
        "Record-Route: <sip:p1;lr>\r\nRecord-Route: <sip:p2;lr>",
    );
    let (a, b) = (invite(), parse(joined.as_bytes()).unwrap());
    assert!(a.supported().eq(b.supported()));
    assert!(a.record_routes().eq(b.record_routes()));
    assert_eq!(a.supported().count(), 2);
    assert_eq!(b.record_routes().count(), 2);
}

#[test]
fn single_value_headers_are_typed() {
    let msg = invite();
    assert_eq!(msg.cseq().unwrap().map(|c| c.number), Some(7));
    assert_eq!(msg.call_id().unwrap().map(|c| c.as_str()), Some("c@h"));
    assert_eq!(msg.max_forwards().unwrap().map(|m| m.0), Some(69));
    assert_eq!(msg.from().unwrap().and_then(|f| f.tag), Some("f1"));
    assert_eq!(msg.to().unwrap().and_then(|t| t.tag), None);
    assert_eq!(msg.session_expires().unwrap().map(|s| s.delta), Some(1800));
    assert_eq!(msg.min_se().unwrap().map(|m| m.delta), Some(90));
    assert!(msg
        .content_type()
        .unwrap()
        .unwrap()
        .is("application", "sdp"));
    assert_eq!(msg.content_length().unwrap().map(|l| l.bytes()), Some(0));
    assert_eq!(msg.privacy().unwrap().map(|p| p.values().count()), Some(1));
    assert!(msg.user_agent().unwrap().is_some());
    assert_eq!(msg.retry_after().unwrap(), None);
}

#[test]
fn list_headers_are_typed_in_order() {
    let msg = invite();
    let tags: Result<Vec<_>, _> = msg.supported().collect();
    assert_eq!(tags.unwrap(), ["timer", "100rel"]);
    assert_eq!(
        msg.require().collect::<Result<Vec<_>, _>>().unwrap(),
        ["timer"]
    );
    assert_eq!(msg.allow().count(), 2);
    assert_eq!(msg.record_routes().count(), 2);
    assert_eq!(msg.routes().count(), 1);
    assert_eq!(msg.contacts().count(), 1);
    let ac = msg.accept_contacts().next().unwrap().unwrap();
    assert_eq!(
        ac.feature_tags().next().map(|p| p.name),
        Some("+g.oma.sip-im.large-message")
    );
}

#[test]
fn challenges_keep_their_commas_and_reasons_split_on_them() {
    let text = INVITE.replacen(
        "Privacy: id\r\n",
        "WWW-Authenticate: Digest realm=\"a\", nonce=\"n1\"\r\nWWW-Authenticate: Digest realm=\"b\", nonce=\"n2\"\r\n\
         Reason: SIP;cause=200, Q.850;cause=16\r\nRetry-After: 120\r\n",
        1,
    );
    let msg = parse(text.as_bytes()).unwrap();
    let realms: Vec<_> = msg.www_authenticate().map(|c| c.unwrap().realm()).collect();
    assert_eq!(realms, [Some("a"), Some("b")]);
    let causes: Vec<_> = msg.reasons().map(|r| r.unwrap().cause).collect();
    assert_eq!(causes, [Some(200), Some(16)]);
    assert!(msg.retry_after().unwrap().is_some());
    assert_eq!(msg.authorization().count(), 0);
}

#[test]
fn value_errors_carry_the_header_and_message_offset() {
    let text = INVITE.replace("x: 1800;", "x: soon;");
    let msg = parse(text.as_bytes()).unwrap();
    let err = msg.session_expires().unwrap_err();
    let at = text.find("soon").unwrap();
    assert_eq!(err.offset(), Some(at));
    assert!(matches!(
        err,
        Error::Value {
            header: HeaderName::SessionExpires,
            ..
        }
    ));
    let text = INVITE.replace("k: timer", "k: ti mer");
    let msg = parse(text.as_bytes()).unwrap();
    let err = msg.supported().next().unwrap().unwrap_err();
    assert_eq!(err.offset(), Some(text.find("ti mer").unwrap() + 2));
}
