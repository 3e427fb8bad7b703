use super::*;
use crate::SessionDescription;

fn path() -> [MsrpUri<'static>; 1] {
    [MsrpUri::parse("msrp://192.0.2.10:7394/jshA7weztas;tcp").unwrap()]
}

const TYPES: [MediaRange<'static>; 2] = [
    MediaRange::Exact("message", "cpim"),
    MediaRange::AnySubtype("text"),
];

fn written(d: &MsrpDescription<'_>) -> String {
    let mut buf = [0u8; 1024];
    let len = d.write_to(&mut buf).unwrap();
    String::from_utf8(buf[..len].to_vec()).unwrap()
}

#[test]
fn writes_the_large_message_offer() {
    let path = path();
    let mut offer =
        MsrpDescription::offer(Address::ip([192, 0, 2, 10].into()), 7394, &path, &TYPES);
    offer.session_id = 2890844526;
    offer.max_size = Some(1_048_576);
    offer.accept_wrapped_types = &[MediaRange::Any];
    assert_eq!(
        written(&offer),
        "v=0\r\no=- 2890844526 0 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n\
         m=message 7394 TCP/MSRP *\r\na=sendonly\r\na=path:msrp://192.0.2.10:7394/jshA7weztas;tcp\r\n\
         a=accept-types:message/cpim text/*\r\na=accept-wrapped-types:*\r\na=max-size:1048576\r\n\
         a=setup:actpass\r\n"
    );
}

#[test]
fn writes_ipv6_tls_and_extra_attributes() {
    let path = [MsrpUri::parse("msrps://[2001:db8::1]:2855/abc;tcp").unwrap()];
    let extra = [Attribute {
        name: "file-selector",
        value: Some("name:\"a.txt\" type:text/plain"),
    }];
    let mut d = MsrpDescription::offer(
        Address::ip("2001:db8::1".parse().unwrap()),
        2855,
        &path,
        &TYPES,
    );
    d.transport = MsrpTransport::Tls;
    d.setup = None;
    d.connection_mode = Some(ConnectionMode::New);
    d.attributes = &extra;
    let text = written(&d);
    assert!(text.contains("o=- 0 0 IN IP6 2001:db8::1\r\n"), "{text}");
    assert!(text.contains("m=message 2855 TCP/TLS/MSRP *\r\n"));
    assert!(
        text.ends_with("a=connection:new\r\na=file-selector:name:\"a.txt\" type:text/plain\r\n")
    );
    assert!(!text.contains("a=setup"));
    let parsed = SessionDescription::parse(text.as_bytes()).unwrap();
    assert_eq!(parsed.media()[0].attribute("file-selector"), Some(extra[0]));
}

#[test]
fn refuses_values_that_would_break_the_grammar() {
    let path = path();
    let base = MsrpDescription::offer(Address::ip([192, 0, 2, 10].into()), 7394, &path, &TYPES);
    let bad_attrs = [
        [Attribute {
            name: "x",
            value: Some("a\r\nm=audio 1 RTP/AVP 0"),
        }],
        [Attribute {
            name: "bad name",
            value: None,
        }],
        [Attribute {
            name: "x",
            value: Some("nul\0"),
        }],
        [Attribute {
            name: "sendrecv",
            value: None,
        }],
    ];
    let name_address = Address {
        net_type: "IN",
        addr_type: AddressType::Ip4,
        host: Host::Name("bad host"),
    };
    let mixed = Address {
        net_type: "IN",
        addr_type: AddressType::Ip6,
        host: Host::Ip4([1, 2, 3, 4].into()),
    };
    let mut cases = vec![
        MsrpDescription {
            session_name: "a\nb",
            ..base
        },
        MsrpDescription {
            session_name: "",
            ..base
        },
        MsrpDescription {
            username: "a b",
            ..base
        },
        MsrpDescription { path: &[], ..base },
        MsrpDescription {
            accept_types: &[],
            ..base
        },
        MsrpDescription {
            accept_types: &[MediaRange::Exact("text", "pl ain")],
            ..base
        },
        MsrpDescription {
            accept_wrapped_types: &[MediaRange::AnySubtype("*")],
            ..base
        },
        MsrpDescription {
            address: name_address,
            ..base
        },
        MsrpDescription {
            address: mixed,
            ..base
        },
    ];
    for attrs in &bad_attrs {
        cases.push(MsrpDescription {
            attributes: attrs,
            ..base
        });
    }
    for case in cases {
        let mut buf = [0u8; 1024];
        assert!(
            matches!(
                case.write_to(&mut buf),
                Err(BuildError::InvalidValue { .. })
            ),
            "{case:?}"
        );
        assert!(case.encoded_len().is_err());
    }
}

#[test]
fn too_small_buffer_reports_the_needed_length() {
    let path = path();
    let offer = MsrpDescription::offer(Address::ip([192, 0, 2, 10].into()), 7394, &path, &TYPES);
    let needed = offer.encoded_len().unwrap();
    let mut buf = vec![0u8; needed - 1];
    assert_eq!(
        offer.write_to(&mut buf),
        Err(BuildError::BufferTooSmall { needed })
    );
    let mut exact = vec![0u8; needed];
    assert_eq!(offer.write_to(&mut exact), Ok(needed));
}

#[test]
fn vec_output_is_reused_and_matches_the_slice_output() {
    let path = path();
    let offer = MsrpDescription::offer(Address::ip([192, 0, 2, 10].into()), 7394, &path, &TYPES);
    let mut out = b"old contents".to_vec();
    offer.write_vec(&mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), written(&offer));
}

#[test]
fn version_increments_until_overflow() {
    let path = path();
    let mut offer =
        MsrpDescription::offer(Address::ip([192, 0, 2, 10].into()), 7394, &path, &TYPES);
    offer.next_version().unwrap();
    assert!(written(&offer).contains("o=- 0 1 IN IP4"));
    offer.session_version = u64::MAX;
    assert_eq!(offer.next_version(), Err(BuildError::VersionOverflow));
    assert_eq!(offer.session_version, u64::MAX);
}
