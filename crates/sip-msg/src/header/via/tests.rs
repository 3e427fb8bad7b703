use super::*;
use proptest::prelude::*;

#[test]
fn parses_branch() {
    let v = Via::parse("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds").unwrap();
    assert_eq!((v.protocol, v.version, v.transport), ("SIP", "2.0", "UDP"));
    assert_eq!(
        v.sent_by,
        SentBy {
            host: Host::Name("pc33.atlanta.com"),
            port: None
        }
    );
    assert_eq!(v.branch(), Some("z9hG4bK776asdhds"));
    assert!(v.branch.unwrap().has_magic_cookie());
    assert!(!Branch("1234").has_magic_cookie());
    assert!(v.params.is_empty());
}

#[test]
fn parses_odd_whitespace_folding_and_case() {
    let v = Via::parse(" SIP / 2.0 /\r\n TCP \r\n\t[2001:db8::9] : 5061 ; BRANCH = z9hG4bKx ;received=2001:db8::1;rport=1; Maddr=224.2.0.1;TTL=16;x=\"q\";flag ").unwrap();
    assert_eq!(v.transport, "TCP");
    assert_eq!(
        v.sent_by,
        SentBy {
            host: Host::Ipv6("2001:db8::9"),
            port: Some(5061)
        }
    );
    assert_eq!(v.branch(), Some("z9hG4bKx"));
    assert_eq!(v.received, Some(Host::Ipv6("2001:db8::1")));
    assert_eq!(
        (v.rport, v.maddr, v.ttl),
        (
            Some(Rport::Port(1)),
            Some(Host::Ipv4("224.2.0.1")),
            Some(16)
        )
    );
    assert_eq!(v.params.to_string(), ";x=\"q\";flag");
    assert_eq!(
        v.to_string(),
        "SIP/2.0/TCP [2001:db8::9]:5061;branch=z9hG4bKx;received=2001:db8::1;rport=1;maddr=224.2.0.1;ttl=16;x=\"q\";flag"
    );
    assert_eq!(Via::parse(&v.to_string()), Ok(v));
}

#[test]
fn rport_flag_and_received_forms() {
    let v = Via::parse("SIP/2.0/UDP 10.0.0.1:5060;rport;received=[::1];branch=z9hG4bK1").unwrap();
    assert_eq!(v.rport, Some(Rport::Requested));
    assert_eq!(v.received, Some(Host::Ipv6("::1")));
    assert_eq!(
        v.to_string(),
        "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1;received=::1;rport"
    );
}

#[test]
fn first_occurrence_of_a_known_parameter_wins() {
    let v = Via::parse("SIP/2.0/UDP h.com;branch=z9hG4bKa;branch=z9hG4bKb").unwrap();
    assert_eq!(v.branch(), Some("z9hG4bKa"));
    assert_eq!(v.to_string(), "SIP/2.0/UDP h.com;branch=z9hG4bKa");
}

#[test]
fn every_error_path_has_its_offset() {
    let err = |t| Via::parse(t).unwrap_err();
    assert_eq!(err(""), ValueError::new(0, "protocol-name"));
    assert_eq!(err("SIP"), ValueError::new(3, "SLASH"));
    assert_eq!(err("SIP/"), ValueError::new(4, "protocol-version"));
    assert_eq!(err("SIP/2.0"), ValueError::new(7, "SLASH"));
    assert_eq!(err("SIP/2.0/"), ValueError::new(8, "transport"));
    assert_eq!(err("SIP/2.0/UDP"), ValueError::new(11, "LWS"));
    assert_eq!(err("SIP/2.0/UDP "), ValueError::new(12, "host"));
    assert_eq!(err("SIP/2.0/UDP h.com:"), ValueError::new(18, "port"));
    assert_eq!(
        err("SIP/2.0/UDP h.com:70000"),
        ValueError::new(18, "port 0-65535")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com;"),
        ValueError::new(18, "parameter name")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com;branch"),
        ValueError::new(24, "branch value")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com;branch=\"x\""),
        ValueError::new(24, "unquoted value")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com;received=h.com"),
        ValueError::new(26, "IP address")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com;rport=99999"),
        ValueError::new(23, "port")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com;maddr=-"),
        ValueError::new(23, "host")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com;ttl=256"),
        ValueError::new(21, "ttl 0-255")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com x"),
        ValueError::new(18, "SEMI or end of via-parm")
    );
    assert_eq!(
        err("SIP/2.0/UDP h.com, SIP/2.0/UDP b.com"),
        ValueError::new(17, "SEMI or end of via-parm")
    );
}

fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]([a-z0-9-]{0,6}[a-z0-9])?(\\.[a-z][a-z0-9]{0,5}){0,3}",
        any::<[u8; 4]>().prop_map(|[a, b, c, d]| format!("{a}.{b}.{c}.{d}")),
        any::<[u16; 8]>().prop_map(|g| format!(
            "[{:x}:{:x}:{:x}:{:x}:{:x}:{:x}:{:x}:{:x}]",
            g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]
        )),
    ]
}

/// Owned inputs of a generated Via.
#[derive(Debug, Clone)]
struct Parts {
    transport: String,
    host: String,
    port: Option<u16>,
    branch: Option<String>,
    received: Option<[u8; 4]>,
    rport: Option<Option<u16>>,
    ttl: Option<u8>,
    maddr: Option<String>,
    params: String,
}

fn parts() -> impl Strategy<Value = Parts> {
    let params = proptest::collection::vec(
        (
            "x[a-z0-9.+-]{0,5}",
            proptest::option::of("[A-Za-z0-9.!%*_+`'~-]{1,6}"),
        ),
        0..3,
    )
    .prop_map(|ps| {
        ps.into_iter()
            .map(|(n, v)| v.map_or(format!(";{n}"), |v| format!(";{n}={v}")))
            .collect::<String>()
    });
    (
        "[A-Z]{2,5}",
        host(),
        proptest::option::of(any::<u16>()),
        proptest::option::of("z9hG4bK[A-Za-z0-9.!%*_+`'~-]{0,10}"),
        proptest::option::of(any::<[u8; 4]>()),
        proptest::option::of(proptest::option::of(any::<u16>())),
        proptest::option::of(any::<u8>()),
        proptest::option::of(host()),
        params,
    )
        .prop_map(
            |(transport, host, port, branch, received, rport, ttl, maddr, params)| Parts {
                transport,
                host,
                port,
                branch,
                received,
                rport,
                ttl,
                maddr,
                params,
            },
        )
}

proptest! {
    /// A Via built from valid fields, displayed and parsed again, has the same fields.
    #[test]
    fn via_display_parse_round_trip(p in parts()) {
        let received = p.received.map(|[a, b, c, d]| format!("{a}.{b}.{c}.{d}"));
        let mut via = Via::new(&p.transport, SentBy { host: Host::parse(&p.host).unwrap(), port: p.port }, "");
        via.branch = p.branch.as_deref().map(Branch);
        via.received = received.as_deref().map(Host::Ipv4);
        via.rport = p.rport.map(|r| r.map_or(Rport::Requested, Rport::Port));
        via.ttl = p.ttl;
        via.maddr = p.maddr.as_deref().map(|m| Host::parse(m).unwrap());
        via.params = Params::parse(&p.params).unwrap();
        let text = via.to_string();
        prop_assert_eq!(Via::parse(&text), Ok(via));
    }
}

/// Whenever the direct path accepts `text`, the full grammar gives the same via-parm (every
/// field, parameter text included); and `Via::parse` gives the grammar's result, value or
/// error, for every text.
fn assert_direct_path_agrees(text: &str) {
    let grammar = format!("{:?}", Via::parse_grammar(text));
    assert_eq!(format!("{:?}", Via::parse(text)), grammar, "{text}");
    if let Some(direct) = common::parse(text) {
        assert_eq!(
            format!("{:?}", Ok::<_, ValueError>(direct)),
            grammar,
            "{text}"
        );
    }
}

/// A via-parm in the shape elements send, or that shape with one byte inserted, removed or
/// replaced.
fn common_or_mutated() -> impl Strategy<Value = String> {
    let common = (
        "(UDP|TCP|TLS|WS|[A-Za-z]{1,4})",
        host(),
        proptest::option::of(0u32..70_000),
        proptest::collection::vec(
            prop_oneof![
                "branch=z9hG4bK[A-Za-z0-9.!%*_+`'~-]{0,12}",
                Just("rport".to_owned()),
                "rport=[0-9]{1,6}",
                "received=[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}",
                "(maddr|ttl|x)=[0-9a-z.]{0,4}",
                "[A-Za-z]{1,6}(=[A-Za-z0-9.-]{0,4})?",
            ],
            0..4,
        ),
    )
        .prop_map(|(transport, host, port, params)| {
            let port = port.map_or(String::new(), |p| format!(":{p}"));
            let params: String = params.iter().map(|p| format!(";{p}")).collect();
            format!("SIP/2.0/{transport} {host}{port}{params}")
        });
    crate::header::mutation::maybe_mutated(common)
}

proptest! {
    /// Whenever the direct path accepts a value, the full grammar gives the same via-parm
    /// (every field, parameter text included); otherwise `Via::parse` is the full grammar,
    /// so results and errors are those of the grammar for every value.
    #[test]
    fn direct_path_agrees_with_the_grammar(text in common_or_mutated()) {
        assert_direct_path_agrees(&text);
    }
}

#[test]
fn direct_path_takes_the_common_shapes() {
    for text in [
        "SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK74bf9.a1c2e3;rport",
        "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5060",
        "SIP/2.0/TLS h.example.com:5061",
    ] {
        let direct = common::parse(text).unwrap();
        assert_eq!(
            format!("{direct:?}"),
            format!("{:?}", Via::parse_grammar(text).unwrap())
        );
    }
    assert!(common::parse("SIP/2.0/UDP [::1];branch=z9hG4bK1").is_none());
    assert!(common::parse("SIP/2.0/UDP h.com ;branch=z9hG4bK1").is_none());
}

proptest! {
    /// `top_via` gives exactly the first element of `vias`, whatever the first Via value
    /// holds (the common shape, a mutation of it, or a list with a second element).
    #[test]
    fn top_via_is_the_first_list_element(text in common_or_mutated(), second in any::<bool>()) {
        let list = if second { format!("{text}, SIP/2.0/UDP h.com") } else { text };
        let message = format!("OPTIONS sip:a@h.com SIP/2.0\r\nVia: {list}\r\nVia: SIP/2.0/UDP b.com\r\n\r\n");
        let parsed = crate::Parser::new()
            .with_mode(crate::Mode::Lenient)
            .parse_datagram(message.as_bytes());
        if let Ok(msg) = parsed {
            let first = msg.vias().next().transpose();
            prop_assert_eq!(format!("{:?}", msg.top_via()), format!("{first:?}"));
        }
    }
}

/// A via-parm whose parameter names are the known ones in any case, near misses of them
/// (one letter changed, cut or extended) or `;branch=` without a value.
fn known_names_in_any_case() -> impl Strategy<Value = String> {
    let name = crate::header::mutation::name_in_any_case(vec![
        "branch", "received", "rport", "maddr", "ttl", "x",
    ]);
    let param = (
        name,
        prop::sample::select(vec!["", "=", "=z9hG4bK1", "=1.2.3.4", "=80", "=h.com"]),
    );
    proptest::collection::vec(param, 0..4).prop_map(|params| {
        let params: String = params.iter().map(|(n, v)| format!(";{n}{v}")).collect();
        format!("SIP/2.0/UDP 192.0.2.1:5060{params}")
    })
}

proptest! {
    /// Known parameter names are recognized in any case, and near misses are not, by the
    /// direct path exactly as by the grammar: where the direct path answers it gives the
    /// grammar's via-parm, and `Via::parse` always gives the grammar's result.
    #[test]
    fn known_names_match_as_in_the_grammar(text in known_names_in_any_case()) {
        assert_direct_path_agrees(&text);
    }
}

#[test]
fn the_branch_word_takes_any_case_and_needs_a_value() {
    let via = common::parse("SIP/2.0/UDP h.com;BRANCH=z9hG4bK1;Branch=z9hG4bK2").unwrap();
    assert_eq!(via.branch(), Some("z9hG4bK1"));
    assert!(via.params.iter().next().is_none());
    assert!(common::parse("SIP/2.0/UDP h.com;branch=;rport").is_none());
    assert!(Via::parse("SIP/2.0/UDP h.com;branch=;rport").is_err());
}

#[test]
fn the_rport_flag_after_the_branch_reads_as_in_the_grammar() {
    for text in [
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;RPORT",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport;received=192.0.2.1",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=5060",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport;rport=1",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rports",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=",
    ] {
        assert_direct_path_agrees(text);
    }
    let via = common::parse("SIP/2.0/UDP h.com;branch=z9hG4bK1;rport;rport=1").unwrap();
    assert_eq!(via.rport, Some(Rport::Requested));
}

#[test]
fn rport_and_received_of_responses_read_as_in_the_grammar() {
    for text in [
        "SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK1;rport=5060;received=198.51.100.7",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;RECEIVED=192.0.2.1;RPort=00001;x=y",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;received=192.0.2.1;received=192.0.2.2;rport",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=1;rport=2;rport",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=65535",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=65536",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=000001",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=5060a",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;received=192.0.2.1x",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;received=192.0.2.256",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;received=h.com",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;received=192.0.2.1;",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;received=",
        "SIP/2.0/UDP h.com;branch=z9hG4bK1;receivedx=192.0.2.1",
    ] {
        assert_direct_path_agrees(text);
    }
    let via = common::parse("SIP/2.0/UDP h.com;branch=z9hG4bK1;rport=1;received=192.0.2.1;rport")
        .unwrap();
    assert_eq!(via.rport, Some(Rport::Port(1)));
    assert_eq!(via.received, Some(Host::Ipv4("192.0.2.1")));
    assert!(via.params.iter().next().is_none());
}
