//! `cpm-lm inspect --kind sdp` run as a program: the JSON it prints and its errors.

mod common;

fn json_of(input: &[u8]) -> String {
    common::json_of("sdp", input)
}

fn inspect(input: &[u8]) -> std::process::Output {
    common::inspect(&["--kind", "sdp", "-"], input)
}

const OFFER: &[u8] = include_bytes!("../../../examples/msrp-offer.sdp");

#[test]
fn prints_media() {
    let json = json_of(OFFER);
    assert!(
        json.contains(r#""media":[["message",7394,"TCP/MSRP"]]"#),
        "{json}"
    );
}

#[test]
fn prints_message_stream_fields() {
    let json = json_of(OFFER);
    assert!(
        json.contains(r#""path":["msrp://192.0.2.10:7394/jshA7weztas;tcp"]"#),
        "{json}"
    );
    assert!(json.contains(r#""direction":"sendonly""#), "{json}");
    assert!(
        json.contains(
            r#""accept_types":["message/cpim","text/plain","application/im-iscomposing+xml"]"#
        ),
        "{json}"
    );
    assert!(json.contains(r#""setup":"actpass""#), "{json}");
    assert!(json.contains(r#""max_size":1048576"#), "{json}");
}

#[test]
fn applies_session_level_direction_and_keeps_relays() {
    let json = json_of(include_bytes!("../../../examples/msrp-relay-ipv6.sdp"));
    assert!(json.contains(r#""direction":"sendonly""#), "{json}");
    assert!(json.contains(r#""path":["msrps://relay.example.net:2855/r1;tcp","msrps://[2001:db8::1]:2855/abc;tcp"]"#), "{json}");
    assert!(
        json.contains(r#""media":[["message",2855,"TCP/TLS/MSRP"],["audio",49170,"RTP/AVP"]]"#),
        "{json}"
    );
    assert!(json.contains(r#""max_size":null"#), "{json}");
}

#[test]
fn without_message_stream_fields_are_empty() {
    let sdp =
        b"v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 9 RTP/AVP 0\n";
    let json = json_of(sdp);
    assert!(json.contains(r#""path":[],"direction":null,"accept_types":null,"accept_wrapped_types":null,"setup":null,"max_size":null"#), "{json}");
}

#[test]
fn invalid_input_reports_line_and_byte() {
    let mut bad = OFFER.to_vec();
    bad.extend_from_slice(b"garbage");
    let out = inspect(&bad);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: SDP: "), "{err}");
    assert!(
        err.contains(&format!("line 13, byte {}", OFFER.len())),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn hostile_bytes_fail_cleanly() {
    for input in [&b""[..], b"\xff\xfe", b"v=0\r\n\0", &[b'a'; 70_000]] {
        let out = inspect(input);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("error: ") && !err.contains("panicked"),
            "{err}"
        );
    }
}
