//! Whole descriptions through the parser: every case with CRLF and with lone LF line ends,
//! and with trailing bytes where a description could be cut or padded.

use sdp::{
    AddressType, ConnectionMode, Direction, Host, Line, MediaRange, MsrpTransport, ParseError,
    ParseErrorKind, SessionDescription, Setup,
};

const OFFER: &str = include_str!("../../../examples/msrp-offer.sdp");
const ANSWER: &str = include_str!("../../../examples/msrp-answer.sdp");
const RELAY_IPV6: &str = include_str!("../../../examples/msrp-relay-ipv6.sdp");

/// The description with CRLF line ends and with LF line ends.
fn endings(text: &str) -> [String; 2] {
    let lf = text.replace("\r\n", "\n");
    [lf.replace('\n', "\r\n"), lf]
}

/// Runs `check` on both line-end variants of a valid description.
fn each_ending(text: &str, check: impl Fn(&SessionDescription<'_>)) {
    for variant in endings(text) {
        let sdp = SessionDescription::parse(variant.as_bytes())
            .unwrap_or_else(|e| panic!("{e}\n{variant}"));
        check(&sdp);
    }
}

/// The error for both line-end variants; both must fail the same way on the same line.
fn error_of(text: &str) -> ParseError {
    let [crlf, lf] = endings(text);
    let a = SessionDescription::parse(crlf.as_bytes()).expect_err("CRLF variant parsed");
    let b = SessionDescription::parse(lf.as_bytes()).expect_err("LF variant parsed");
    assert_eq!((a.kind, a.line), (b.kind, b.line));
    a
}

const MINIMAL: &str = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

#[test]
fn parses_large_message_offer() {
    each_ending(OFFER, |sdp| {
        assert_eq!(sdp.origin().username, "alice");
        assert_eq!(sdp.origin().session_id, "2890844526");
        assert_eq!(sdp.origin().session_version, 2890844526);
        assert_eq!(sdp.session_name(), "-");
        assert_eq!(
            sdp.connection().unwrap().address.host,
            Host::Ip4([192, 0, 2, 10].into())
        );
        let (index, m) = sdp.message_stream().unwrap();
        assert_eq!(index, 0);
        assert_eq!(
            (m.media(), m.port(), m.proto()),
            ("message", 7394, "TCP/MSRP")
        );
        assert_eq!(m.msrp_transport(), Some(MsrpTransport::Tcp));
        assert_eq!(sdp.direction_of(m), Direction::SendOnly);
        assert_eq!(m.setup(), Some(Setup::ActPass));
        assert_eq!(m.max_size(), Some(1_048_576));
        let types: Vec<_> = m.accept_types().unwrap().iter().collect();
        assert_eq!(types[0], MediaRange::Exact("message", "cpim"));
        assert_eq!(types.len(), 3);
        assert_eq!(
            m.accept_wrapped_types().unwrap().iter().next(),
            Some(MediaRange::Any)
        );
        let path = m.path().unwrap();
        assert_eq!(path.len(), 1);
        assert_eq!(path.first().session_id(), Some("jshA7weztas"));
        assert_eq!(m.path_str(), Some(path.as_str()));
    });
}

#[test]
fn keeps_every_line_in_order() {
    each_ending(OFFER, |sdp| {
        let kinds: String = sdp.lines().map(|l| l.kind).collect();
        assert_eq!(kinds, "vosctmaaaaaa");
        assert_eq!(sdp.session_lines().count(), 5);
        let m = &sdp.media()[0];
        let names: Vec<_> = m.attributes().map(|a| a.name).collect();
        assert_eq!(
            names,
            [
                "sendonly",
                "accept-types",
                "accept-wrapped-types",
                "path",
                "setup",
                "max-size"
            ]
        );
    });
}

#[test]
fn parses_relays_ipv6_tls_and_several_media() {
    each_ending(RELAY_IPV6, |sdp| {
        assert_eq!(sdp.origin().address.addr_type, AddressType::Ip6);
        assert_eq!(
            sdp.origin().address.host,
            Host::Ip6("2001:db8::1".parse().unwrap())
        );
        assert_eq!(
            sdp.connection().unwrap().address.addr_type,
            AddressType::Ip6
        );
        assert_eq!(sdp.media().len(), 2);
        let (_, m) = sdp.message_stream().unwrap();
        assert_eq!(m.msrp_transport(), Some(MsrpTransport::Tls));
        assert_eq!(m.path().unwrap().len(), 2);
        assert_eq!(m.path().unwrap().first().host(), "relay.example.net");
        assert_eq!(m.path().unwrap().own().host(), "2001:db8::1");
        assert_eq!(m.connection_mode(), Some(ConnectionMode::New));
        assert_eq!(m.setup(), Some(Setup::Active));
        assert!(m.accept_wrapped_types().unwrap().allows("image/png"));
        let audio = &sdp.media()[1];
        assert_eq!(
            audio.connections().next().unwrap().address.host,
            Host::Ip4([192, 0, 2, 1].into())
        );
        assert_eq!(
            sdp.connection_of(m).unwrap().address.addr_type,
            AddressType::Ip6
        );
    });
}

#[test]
fn media_direction_overrides_session_default_sendrecv() {
    each_ending(RELAY_IPV6, |sdp| {
        assert_eq!(sdp.direction(), Some(Direction::SendOnly));
        assert_eq!(sdp.direction_of(&sdp.media()[0]), Direction::SendOnly);
        assert_eq!(sdp.direction_of(&sdp.media()[1]), Direction::RecvOnly);
    });
    let text = format!("{MINIMAL}m=message 1 TCP/MSRP *\na=path:msrp://h.example/s;tcp\n");
    each_ending(&text, |sdp| {
        assert_eq!(sdp.direction(), None);
        assert_eq!(sdp.direction_of(&sdp.media()[0]), Direction::SendRecv);
    });
}

#[test]
fn keeps_unknown_lines_and_attributes() {
    let text = format!("{MINIMAL}a=x-custom:1 2 3\ny=unknown line\nm=message 1 TCP/MSRP *\na=file-selector:name:\"a b.txt\" type:text/plain size:10\nQ=upper\na=x-flag\n");
    each_ending(&text, |sdp| {
        assert_eq!(sdp.attribute("x-custom").unwrap().value, Some("1 2 3"));
        assert!(sdp.session_lines().any(|l| l
            == Line {
                kind: 'y',
                value: "unknown line"
            }));
        let m = &sdp.media()[0];
        assert_eq!(
            m.attribute("file-selector").unwrap().value,
            Some("name:\"a b.txt\" type:text/plain size:10")
        );
        let kinds: String = m.lines().map(|l| l.kind).collect();
        assert_eq!(kinds, "aQa");
        assert_eq!(m.attribute("x-flag").unwrap().value, None);
    });
}

#[test]
fn accepts_full_session_grammar() {
    let text = "v=0\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\ns=Call\ni=info\nu=http://www.example.com/seminars/sdp.pdf\ne=j.doe@example.com (Jane Doe)\np=+1 617 555-6011\nc=IN IP4 233.252.0.1/127\nb=CT:128\nt=2873397496 2873404696\nr=7d 1h 0 25h\nt=0 0\nz=2882844526 -1h 2898848070 0\nk=clear:secret\na=recvonly\nm=audio 49170 RTP/AVP 0\ni=audio\nc=IN IP4 233.252.0.1/127\nc=IN IP4 233.252.0.2/127\nb=AS:64\nk=prompt\na=rtpmap:0 PCMU/8000\n";
    each_ending(text, |sdp| {
        assert_eq!(sdp.connection().unwrap().ttl, Some(127));
        assert_eq!(sdp.media()[0].connections().count(), 2);
        assert_eq!(sdp.lines().count(), 22);
    });
}

#[test]
fn required_lines_missing() {
    let cases = [
        ("", 'v'),
        ("o=- 1 1 IN IP4 192.0.2.1\n", 'v'),
        ("v=0\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n", 'o'),
        (
            "v=0\no=- 1 1 IN IP4 192.0.2.1\nc=IN IP4 192.0.2.1\nt=0 0\n",
            's',
        ),
        (
            "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\n",
            't',
        ),
        (
            "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nm=message 1 TCP/MSRP *\n",
            't',
        ),
    ];
    for (text, field) in cases {
        assert_eq!(
            error_of(text).kind,
            ParseErrorKind::Missing { field },
            "{text:?}"
        );
    }
}

#[test]
fn version_must_be_zero() {
    let err = error_of(&MINIMAL.replace("v=0", "v=1"));
    assert_eq!(
        (err.kind, err.line, err.offset),
        (ParseErrorKind::UnsupportedVersion, 1, 0)
    );
}

#[test]
fn lines_out_of_grammar_order() {
    let cases = [
        (
            "v=0\ns=-\no=- 1 1 IN IP4 192.0.2.1\nt=0 0\n",
            ParseErrorKind::OutOfOrder { field: 'o' },
            3,
        ),
        (
            "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nc=IN IP4 192.0.2.1\n",
            ParseErrorKind::OutOfOrder { field: 'c' },
            5,
        ),
        (
            "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nr=1 1 1\nt=0 0\n",
            ParseErrorKind::OutOfOrder { field: 'r' },
            4,
        ),
        (
            &format!("{MINIMAL}a=x\nb=AS:1\n"),
            ParseErrorKind::OutOfOrder { field: 'b' },
            7,
        ),
        (
            &format!("{MINIMAL}m=message 1 TCP/MSRP *\na=x\nc=IN IP4 192.0.2.1\n"),
            ParseErrorKind::OutOfOrder { field: 'c' },
            8,
        ),
        (
            &format!("{MINIMAL}m=message 1 TCP/MSRP *\nt=0 0\n"),
            ParseErrorKind::OutOfOrder { field: 't' },
            7,
        ),
        (
            &format!("{MINIMAL}s=again\n"),
            ParseErrorKind::OutOfOrder { field: 's' },
            6,
        ),
        ("v=0\nv=0\n", ParseErrorKind::Repeated { field: 'v' }, 2),
        (
            &format!("{MINIMAL}m=message 1 TCP/MSRP *\ni=a\ni=b\n"),
            ParseErrorKind::Repeated { field: 'i' },
            8,
        ),
    ];
    for (text, kind, line) in cases {
        let err = error_of(text);
        assert_eq!((err.kind, err.line), (kind, line), "{text:?}");
    }
}

#[test]
fn invalid_fields_name_line_and_offset() {
    let text = format!("{MINIMAL}m=message 99999 TCP/MSRP *\n");
    let [crlf, _] = endings(&text);
    let err = SessionDescription::parse(crlf.as_bytes()).unwrap_err();
    assert!(matches!(
        err.kind,
        ParseErrorKind::InvalidField { field: 'm', .. }
    ));
    assert_eq!((err.line, err.offset), (6, crlf.find("m=").unwrap()));
    assert!(err.to_string().contains("line 6"), "{err}");
    for bad in [
        "o=- x 1 IN IP4 192.0.2.1",
        "o=- 1 1 IN IP4",
        "o=- 1 1 IN IP4 300.1.1.1",
    ] {
        let err = error_of(&MINIMAL.replace("o=- 1 1 IN IP4 192.0.2.1", bad));
        assert!(
            matches!(err.kind, ParseErrorKind::InvalidField { field: 'o', .. }),
            "{bad}"
        );
    }
    for (prefix, bad) in [
        ("c=", "c=IN IP4 1.2.3"),
        ("c=", "c=IN IP6 ::g"),
        ("c=", "c="),
        ("t=", "t=0"),
        ("t=", "b=AS\nt=0 0"),
    ] {
        let text: Vec<String> = MINIMAL
            .lines()
            .map(|l| {
                if l.starts_with(prefix) {
                    bad.to_string()
                } else {
                    l.to_string()
                }
            })
            .collect();
        let err = error_of(&text.join("\n"));
        assert!(
            matches!(err.kind, ParseErrorKind::InvalidField { .. }),
            "{bad}: {err}"
        );
    }
}

#[test]
fn invalid_msrp_attributes() {
    let media = format!("{MINIMAL}m=message 1 TCP/MSRP *\n");
    let cases = [
        "a=path:http://example.com/",
        "a=accept-types:text",
        "a=max-size:-1",
        "a=setup:both",
        "a=connection:maybe",
        "a=sendonly:now",
    ];
    for bad in cases {
        let err = error_of(&format!("{media}{bad}\n"));
        assert_eq!(err.line, 7, "{bad}");
        assert!(
            matches!(
                err.kind,
                ParseErrorKind::InvalidAttribute { .. } | ParseErrorKind::PathUri(_)
            ),
            "{bad}: {err:?}"
        );
    }
    let err = error_of(&format!("{media}a=sendonly\na=recvonly\n"));
    assert!(matches!(err.kind, ParseErrorKind::RepeatedAttribute { .. }));
    let err = error_of(&format!("{media}a=max-size:1\na=max-size:2\n"));
    assert_eq!(
        err.kind,
        ParseErrorKind::RepeatedAttribute { name: "max-size" }
    );
}

#[test]
fn path_uri_error_points_into_the_uri() {
    let text = format!("{MINIMAL}m=message 1 TCP/MSRP *\r\na=path:msrp://ok.example/s;tcp msrp://bad host/;tcp\r\n").replace("\r\n", "\n").replace('\n', "\r\n");
    let err = SessionDescription::parse(text.as_bytes()).unwrap_err();
    let line_start = text.find("a=path").unwrap();
    assert!(matches!(err.kind, ParseErrorKind::PathUri(_)));
    assert!(
        err.offset > line_start + "a=path:msrp://ok.example/s;tcp".len(),
        "{err}"
    );
}

#[test]
fn media_without_any_connection_line() {
    let text = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=message 1 TCP/MSRP *\na=sendonly\nm=message 2 TCP/MSRP *\nc=IN IP4 192.0.2.1\n";
    let err = error_of(text);
    assert_eq!((err.kind, err.line), (ParseErrorKind::MissingConnection, 5));
    let ok =
        "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=message 1 TCP/MSRP *\nc=IN IP4 192.0.2.1\n";
    each_ending(ok, |sdp| assert!(sdp.connection().is_none()));
}

#[test]
fn trailing_bytes() {
    for garbage in ["garbage", "x", "=", " ", "\0"] {
        let text = format!("{OFFER}{garbage}");
        assert!(
            SessionDescription::parse(text.as_bytes()).is_err(),
            "{garbage:?}"
        );
    }
    for padding in ["\r\n", "\r\n\r\n", "\n"] {
        let text = format!("{OFFER}{padding}");
        let sdp = SessionDescription::parse(text.as_bytes()).unwrap();
        assert_eq!(sdp.media()[0].attributes().count(), 6);
    }
    let cut = OFFER.trim_end();
    let sdp = SessionDescription::parse(cut.as_bytes()).unwrap();
    assert_eq!(sdp.media()[0].max_size(), Some(1_048_576));
    let err = SessionDescription::parse(format!("{OFFER}\r\nv=0\r\n").as_bytes()).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::EmptyLine);
}

#[test]
fn rejects_non_utf8_at_its_offset() {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    bytes[14] = 0xff;
    let err = SessionDescription::parse(&bytes).unwrap_err();
    assert_eq!((err.kind, err.offset), (ParseErrorKind::NotUtf8, 14));
}

#[test]
fn limits_end_hostile_input() {
    let limits = sdp::Limits {
        max_media: 2,
        max_attributes: 3,
        max_size: 4096,
        ..sdp::Limits::default()
    };
    let mut text = MINIMAL.to_string();
    for port in 1..=3 {
        text.push_str(&format!("m=message {port} TCP/MSRP *\n"));
    }
    let err = SessionDescription::parse_with(text.as_bytes(), &limits).unwrap_err();
    assert_eq!(
        (err.kind, err.line),
        (ParseErrorKind::TooManyMedia { limit: 2 }, 8)
    );
    let text = format!("{MINIMAL}a=1\na=2\na=3\na=4\n");
    let err = SessionDescription::parse_with(text.as_bytes(), &limits).unwrap_err();
    assert_eq!(
        (err.kind, err.line),
        (ParseErrorKind::TooManyAttributes { limit: 3 }, 9)
    );
    let big = "a=x\n".repeat(2000);
    let err = SessionDescription::parse_with(big.as_bytes(), &limits).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::TooLarge { limit: 4096 });
    let many: String = format!(
        "{MINIMAL}{}",
        "m=message 1 TCP/MSRP *\n".repeat(sdp::MEDIA_CAPACITY + 1)
    );
    let huge = sdp::Limits {
        max_media: usize::MAX,
        ..sdp::Limits::default()
    };
    let err = SessionDescription::parse_with(many.as_bytes(), &huge).unwrap_err();
    assert_eq!(
        err.kind,
        ParseErrorKind::TooManyMedia {
            limit: sdp::MEDIA_CAPACITY
        }
    );
}

#[test]
fn answer_example_parses() {
    each_ending(ANSWER, |sdp| {
        let (_, m) = sdp.message_stream().unwrap();
        assert_eq!(sdp.direction_of(m), Direction::RecvOnly);
        assert_eq!(sdp.setup_of(m), Some(Setup::Passive));
        assert_eq!(m.path().unwrap().first().port(), Some(12763));
    });
}
