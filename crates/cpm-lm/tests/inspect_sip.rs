//! `cpm-lm inspect --kind sip` run as a program: the JSON it prints and its errors.

mod common;

fn json_of(input: &[u8]) -> String {
    common::json_of("sip", input)
}

fn error_of(input: &[u8]) -> String {
    common::error_of("sip", input)
}

const INVITE: &[u8] = include_bytes!("../../../examples/cpm-invite.sip");
const OK: &[u8] = include_bytes!("../../../examples/cpm-200-ok.sip");
const MULTI: &[u8] = include_bytes!("../../../examples/cpm-invite-multi.sip");
const BYE: &[u8] = include_bytes!("../../../examples/cpm-bye.sip");

#[test]
fn describes_a_request() {
    let json = json_of(INVITE);
    for field in [
        r#"{"type":"request","method":"INVITE","uri":"sip:dave@ims.example.org","status":null,"reason":null,"#,
        r#""call_id":"7b9c2e1f40a84d3b@203.0.113.25","cseq":[1,"INVITE"],"via_count":1,"#,
        r#""top_branch":"z9hG4bK3f9a1c.77e2","from_tag":"a83fe01b","to_tag":null,"#,
        r#""session_expires":[1800,"uac"],"min_se":90,"supported":["timer"],"require":[],"#,
        r#""body_len":335}"#,
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
}

#[test]
fn describes_a_response() {
    let json = json_of(OK);
    for field in [
        r#""type":"response","method":null,"uri":null,"status":200,"reason":"OK","#,
        r#""to_tag":"5d1e0c77""#,
        r#""min_se":null"#,
        r#""require":["timer"]"#,
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
}

#[test]
fn expands_compact_forms_in_header_names() {
    let json = json_of(MULTI);
    assert!(
        json.contains(r#""header_names":["Via","Max-Forwards","Route","From","To","Call-ID","CSeq","Contact","Accept-Contact","User-Agent","Privacy","Supported","Require","Session-Expires","Content-Type","Content-Length"]"#),
        "{json}"
    );
    assert!(
        json.contains(r#""require":["recipient-list-invite"]"#),
        "{json}"
    );
}

#[test]
fn counts_comma_separated_vias_and_unfolds_values() {
    let text = String::from_utf8(BYE.to_vec()).unwrap().replace(
        "Via: SIP/2.0/TCP 203.0.113.25:5060;branch=z9hG4bK91d0e4.0b3c;rport",
        "Via: SIP/2.0/TCP p.example.org;branch=z9hG4bKtop,\r\n SIP/2.0/TCP 203.0.113.25;branch=z9hG4bK2\r\nv: SIP/2.0/UDP h;branch=z9hG4bK3",
    );
    let json = json_of(text.as_bytes());
    assert!(
        json.contains(r#""via_count":3,"top_branch":"z9hG4bKtop""#),
        "{json}"
    );
    assert!(
        json.contains(r#"["Via","SIP/2.0/TCP p.example.org;branch=z9hG4bKtop, SIP/2.0/TCP 203.0.113.25;branch=z9hG4bK2"]"#),
        "{json}"
    );
    assert!(json.contains(r#""session_expires":null"#), "{json}");
}

#[test]
fn invalid_input_is_an_error_with_an_offset() {
    let err = error_of(b"INVITE  sip:x@y SIP/2.0\r\n\r\n");
    assert!(
        err.starts_with("error: ") && err.contains("at byte 7"),
        "{err}"
    );
    let text = String::from_utf8(INVITE.to_vec())
        .unwrap()
        .replace("CSeq: 1 INVITE", "CSeq: 1 BYE");
    let err = error_of(text.as_bytes());
    assert!(err.contains("CSeq method") && err.contains("byte"), "{err}");
    let err = error_of(&INVITE[..INVITE.len() - 10]);
    assert!(
        err.contains("Content-Length") && err.contains("byte"),
        "{err}"
    );
    let text = String::from_utf8(OK.to_vec())
        .unwrap()
        .replace("1800;refresher=uac", "long");
    let err = error_of(text.as_bytes());
    assert!(
        err.contains("Session-Expires") && err.contains("byte"),
        "{err}"
    );
}

#[test]
fn reads_a_file_and_defaults_to_sip() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cpm-bye.sip");
    let out = common::inspect(&[path], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(
        json.contains(r#""method":"BYE""#) && json.contains(r#""body_len":0}"#),
        "{json}"
    );
}

#[test]
fn garbage_never_panics() {
    for input in [
        &b""[..],
        b"\r\n",
        b"\xff\xfe",
        b"SIP/2.0 200 OK\r\n",
        &[0u8; 64],
    ] {
        let err = error_of(input);
        assert!(err.starts_with("error: "), "{err}");
    }
}
