//! `cpm-lm inspect --kind msrp` run as a program: the JSON it prints and its errors.

mod common;

fn json_of(input: &[u8]) -> String {
    common::json_of("msrp", input)
}

fn error_of(input: &[u8]) -> String {
    common::error_of("msrp", input)
}

const SEND: &[u8] = include_bytes!("../../../examples/msrp-send.msrp");
const REPORT: &[u8] = include_bytes!("../../../examples/msrp-report.msrp");
const RESPONSE: &[u8] = include_bytes!("../../../examples/msrp-response.msrp");
const RELAY: &[u8] = include_bytes!("../../../examples/msrp-send-relay-ipv6.msrp");
const CHUNK: &[u8] = include_bytes!("../../../examples/msrp-send-chunk.msrp");

#[test]
fn prints_send_fields() {
    let json = json_of(SEND);
    for field in [
        r#""type":"request""#,
        r#""tid":"a786hjs2""#,
        r#""method":"SEND""#,
        r#""status":null"#,
        r#""message_id":"87652491""#,
        r#""byte_range":[1,25,25]"#,
        r#""status_header":null"#,
        r#""success_report":null"#,
        r#""failure_report":null"#,
        r#""flag":"$""#,
        r#""body_len":25"#,
        r#""to_path":["msrp://bob.example.com:8888/9di4eae923wzd;tcp"]"#,
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
}

#[test]
fn prints_response_fields() {
    let json = json_of(RESPONSE);
    for field in [
        r#""type":"response""#,
        r#""method":null"#,
        r#""status":200"#,
        r#""byte_range":null"#,
        r#""body_len":0"#,
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
}

#[test]
fn prints_report_status_header() {
    let json = json_of(REPORT);
    assert!(json.contains(r#""method":"REPORT""#), "{json}");
    assert!(json.contains(r#""status_header":[0,200]"#), "{json}");
    assert!(json.contains(r#""byte_range":[1,106,106]"#), "{json}");
}

#[test]
fn prints_reports_and_multi_hop_paths() {
    let json = json_of(RELAY);
    assert!(json.contains(r#""success_report":"yes""#), "{json}");
    assert!(json.contains(r#""failure_report":"partial""#), "{json}");
    assert!(
        json.contains(
            r#""to_path":["msrps://relay.example:2855/r1;tcp","msrps://[2001:db8::2]:9000/b2;tcp"]"#
        ),
        "{json}"
    );
}

#[test]
fn prints_unknown_end_and_total_as_null() {
    let json = json_of(CHUNK);
    assert!(json.contains(r#""byte_range":[1,null,null]"#), "{json}");
    assert!(json.contains(r#""flag":"+""#), "{json}");
}

#[test]
fn counts_pipelined_frames() {
    let json = json_of(&[SEND, RESPONSE].concat());
    assert!(json.contains(r#""frames":2"#), "{json}");
    assert!(json.contains(r#""method":"SEND""#), "{json}");
}

fn replace(input: &[u8], from: &str, to: &str) -> Vec<u8> {
    String::from_utf8(input.to_vec())
        .expect("ASCII example")
        .replacen(from, to, 1)
        .into_bytes()
}

#[test]
fn body_without_content_type_is_an_error_with_offset() {
    let err = error_of(&replace(SEND, "Content-Type: text/plain\r\n", ""));
    assert_eq!(err, "error: body without Content-Type at byte 181\n");
}

#[test]
fn missing_paths_are_errors() {
    let no_to = replace(
        SEND,
        "To-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp\r\n",
        "",
    );
    assert_eq!(
        error_of(&no_to),
        "error: To-Path must be the first header at byte 20\n"
    );
    let no_from = replace(
        SEND,
        "From-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp\r\n",
        "",
    );
    assert_eq!(
        error_of(&no_from),
        "error: From-Path must be the second header at byte 76\n"
    );
}

#[test]
fn uri_without_transport_is_an_error() {
    let err = error_of(&replace(SEND, "9di4eae923wzd;tcp", "9di4eae923wzd"));
    assert_eq!(
        err,
        "error: invalid MSRP URI (missing transport) at byte 70 in header To-Path\n"
    );
}

#[test]
fn backwards_byte_range_is_an_error() {
    let err = error_of(&replace(SEND, "Byte-Range: 1-25/25", "Byte-Range: 20-5/25"));
    assert!(
        err.starts_with(
            "error: invalid Byte-Range: expected range-end not before range-start at byte 172 in header Byte-Range"
        ),
        "{err}"
    );
}

#[test]
fn missing_end_line_is_an_error() {
    let cut = &SEND[..SEND.len() - 18];
    assert_eq!(
        error_of(cut),
        format!(
            "error: stream ended inside a frame (no end-line) at byte {}\n",
            cut.len()
        )
    );
}

#[test]
fn garbage_and_empty_input_are_errors() {
    assert_eq!(
        error_of(b"GET / HTTP/1.1\r\n\r\n"),
        "error: expected 'MSRP ' at the start of a frame at byte 0\n"
    );
    assert_eq!(error_of(b""), "error: no MSRP frame at byte 0\n");
    let binary: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
    assert!(error_of(&binary).starts_with("error: "));
}
