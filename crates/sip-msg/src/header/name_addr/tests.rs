use super::*;
use crate::uri::{Host, SipUri};
use proptest::prelude::*;

fn sip<'a>(uri: &Uri<'a>) -> SipUri<'a> {
    *uri.as_sip().expect("a SIP URI")
}

/// SIP-MSG-9: without angle brackets, parameters after the URI belong to the header.
#[test]
fn addr_spec_params_belong_to_the_header() {
    let a = NameAddr::parse("sip:alice@atlanta.com;tag=88sja8x;lr").unwrap();
    assert_eq!(a.tag, Some("88sja8x"));
    assert!(a.params.contains("lr"));
    let uri = sip(&a.uri);
    assert!(uri.params.as_str().is_empty());
    assert!(a.display_name.is_none());
}

/// SIP-MSG-9: inside angle brackets, parameters before `>` belong to the URI.
#[test]
fn name_addr_params_split_at_the_bracket() {
    let a = NameAddr::parse("<sip:alice@atlanta.com;lr;tag=inuri>;tag=hdr;x=1").unwrap();
    assert_eq!(a.tag, Some("hdr"));
    let uri = sip(&a.uri);
    assert_eq!(uri.params.as_str(), ";lr;tag=inuri");
    assert_eq!(a.params.to_string(), ";x=1");
}

/// SIP-MSG-9: an addr-spec may not hold `,` or `?` (and `;` ends it).
#[test]
fn addr_spec_rejects_comma_and_question_mark() {
    assert_eq!(
        NameAddr::parse("sip:a@b.com?x=y"),
        Err(ValueError::new(11, "name-addr for a URI with , ? or ;"))
    );
    assert_eq!(
        NameAddr::parse("sip:a,b@c.com"),
        Err(ValueError::new(5, "name-addr for a URI with , ? or ;"))
    );
    let a = NameAddr::parse("<sip:a@b.com?x=y>").unwrap();
    assert_eq!(sip(&a.uri).headers.as_str(), "x=y");
}

#[test]
fn display_names_tokens_and_quoted() {
    let a = NameAddr::parse("  Alice \r\n Smith\t<sip:a@b.com> ").unwrap();
    assert!(a.display_name.unwrap().eq_text("Alice Smith"));
    assert_eq!(a.to_string(), "Alice Smith <sip:a@b.com>");
    let a = NameAddr::parse("\"Smith, \\\"Al\\\"\"<tel:+1-555>;tag=x").unwrap();
    assert!(a.display_name.unwrap().eq_text("Smith, \"Al\""));
    assert_eq!(a.to_string(), "\"Smith, \\\"Al\\\"\" <tel:+1-555>;tag=x");
    let a = NameAddr::parse("<urn:service:sos>").unwrap();
    assert!(matches!(a.uri, Uri::Other(_)));
    let a = NameAddr::parse("Bob<sip:b@c.com>").unwrap();
    assert!(a.display_name.unwrap().eq_text("Bob"));
    assert_ne!(
        DisplayName::Tokens("Bob"),
        DisplayName::Quoted(QuotedString::new("Bob").unwrap())
    );
}

#[test]
fn expires_q_and_case_insensitive_names() {
    let a = NameAddr::parse("<sip:a@b.com>;EXPIRES=3600;Q=1.000;TAG=t").unwrap();
    assert_eq!(
        (a.expires(), a.q(), a.tag),
        (Some(3600), Some(1000), Some("t"))
    );
    assert_eq!(NameAddr::parse("<sip:a@b.com>;q=0").unwrap().q(), Some(0));
    assert_eq!(
        NameAddr::parse("<sip:a@b.com>;q=0.07").unwrap().q(),
        Some(70)
    );
    assert_eq!(NameAddr::parse("<sip:a@b.com>").unwrap().q(), None);
}

#[test]
fn every_error_path_has_its_offset() {
    let err = |t| NameAddr::parse(t).unwrap_err();
    assert_eq!(err(""), ValueError::new(0, "URI scheme"));
    assert_eq!(err("\"Al"), ValueError::new(3, "closing DQUOTE"));
    assert_eq!(err("\"Al\" sip:a@b"), ValueError::new(5, "LAQUOT"));
    assert_eq!(err("<sip:a@b.com"), ValueError::new(1, "RAQUOT"));
    assert_eq!(err("<sip:a@>"), ValueError::new(7, "host"));
    assert_eq!(
        err("sip:a@b.com x"),
        ValueError::new(12, "SEMI or end of address")
    );
    assert_eq!(err("<sip:a@b.com>;tag"), ValueError::new(17, "tag token"));
    assert_eq!(
        err("<sip:a@b.com>;tag=\"q\""),
        ValueError::new(17, "tag token")
    );
    assert_eq!(
        err("<sip:a@b.com>;expires=x"),
        ValueError::new(21, "delta-seconds")
    );
    assert_eq!(err("<sip:a@b.com>;expires"), ValueError::new(21, "EQUAL"));
    assert_eq!(err("<sip:a@b.com>;q=1.5"), ValueError::new(15, "qvalue"));
    assert_eq!(err("<sip:a@b.com>;q=0.1234"), ValueError::new(15, "qvalue"));
    assert_eq!(err("<sip:a@b.com>;q=\"1\""), ValueError::new(15, "qvalue"));
    assert_eq!(err("<sip:a@b.com>;"), ValueError::new(14, "parameter name"));
}

#[test]
fn route_requires_angle_brackets() {
    let r = NameAddr::parse_route("<sip:p1.example.com;lr>").unwrap();
    assert!(sip(&r.uri).params.lr());
    assert_eq!(
        NameAddr::parse_route(" sip:p1.example.com;lr"),
        Err(ValueError::new(1, "LAQUOT"))
    );
    assert!(NameAddr::parse_route("proxy <sip:p1.example.com;lr>;x").is_ok());
}

#[test]
fn first_tag_wins() {
    let a = NameAddr::parse("<sip:a@b.com>;tag=1;tag=2").unwrap();
    assert_eq!(a.tag, Some("1"));
    assert_eq!(a.to_string(), "<sip:a@b.com>;tag=1");
}

#[test]
fn builder_shape() {
    let uri = SipUri::new(Host::Name("example.com")).with_user("bob");
    let mut a = NameAddr::new(Uri::Sip(uri));
    a.tag = Some("abc");
    a.params = Params::parse(";+g.oma.sip-im").unwrap();
    assert_eq!(a.to_string(), "<sip:bob@example.com>;tag=abc;+g.oma.sip-im");
    let mut out = String::new();
    write_display_name(&mut out, "Zoë \"Z\"").unwrap();
    out.push_str("<sip:z@x.org>");
    assert!(NameAddr::parse(&out)
        .unwrap()
        .display_name
        .unwrap()
        .eq_text("Zoë \"Z\""));
}

/// Owned inputs of a generated address.
#[derive(Debug, Clone)]
struct Parts {
    display: Option<(bool, String)>,
    uri: String,
    tag: Option<String>,
    params: String,
}

fn parts() -> impl Strategy<Value = Parts> {
    let display = proptest::option::of(prop_oneof![
        "[A-Za-z0-9.!%*_+`'~-]{1,6}( [A-Za-z0-9-]{1,6}){0,2}".prop_map(|t| (false, t)),
        "([ -!#-\\[\\]-~é]|\\\\\"|\\\\\\\\){0,10}".prop_map(|q| (true, q)),
    ]);
    let uri = prop_oneof![
        "sips?:[a-z0-9]{1,6}@[a-z]{1,6}\\.(com|org)(:[0-9]{1,4})?(;lr|;transport=tcp){0,2}(\\?x=[a-z]{0,3})?",
        "tel:\\+[0-9]{1,10}",
        "urn:[a-z]{1,5}:[a-z.]{1,8}",
    ];
    let params = proptest::collection::vec(
        (
            "[+a-z][a-z0-9.-]{0,5}",
            proptest::option::of(prop_oneof![
                "[A-Za-z0-9.!%*_+`'~-]{1,6}",
                "\"[a-z<>#;, ]{0,6}\"",
            ]),
        ),
        0..3,
    )
    .prop_filter("no known names", |ps| {
        ps.iter()
            .all(|(n, _)| !["tag", "expires", "q"].contains(&n.as_str()))
    })
    .prop_map(|ps| {
        ps.into_iter()
            .map(|(n, v)| v.map_or(format!(";{n}"), |v| format!(";{n}={v}")))
            .collect::<String>()
    });
    (
        display,
        uri,
        proptest::option::of("[A-Za-z0-9.!%*_+`'~-]{1,8}"),
        params,
    )
        .prop_map(|(display, uri, tag, params)| Parts {
            display,
            uri,
            tag,
            params,
        })
}

proptest! {
    /// An address built from valid fields, displayed and parsed again, has the same fields.
    #[test]
    fn name_addr_display_parse_round_trip(p in parts()) {
        let addr = NameAddr {
            display_name: p.display.as_ref().map(|(quoted, text)| if *quoted {
                DisplayName::Quoted(QuotedString::new(text).unwrap())
            } else {
                DisplayName::Tokens(text)
            }),
            uri: Uri::parse(&p.uri).unwrap(),
            tag: p.tag.as_deref(),
            params: Params::parse(&p.params).unwrap(),
        };
        let text = addr.to_string();
        prop_assert_eq!(NameAddr::parse(&text), Ok(addr));
    }
}

/// A name-addr in the shape From, To and Route carry, or that shape with one byte inserted,
/// removed or replaced.
fn common_or_mutated() -> impl Strategy<Value = String> {
    let common = (
        prop_oneof![
            Just(String::new()),
            "\"[A-Za-z0-9 .!#-]{0,8}\" ",
            "\"[a-z]{0,3}\\\\\"[a-z]{0,3}\" ",
            "[A-Za-z]{1,6} ",
        ],
        prop_oneof![
            "sips?:([a-z0-9.%-]{1,6}@)?[a-z][a-z0-9.-]{0,10}(:[0-9]{1,6})?(;[a-z]{1,5}(=[a-z0-9]{0,3})?){0,2}",
            "sip:[a-z]{1,4}@[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}",
            "tel:\\+[0-9]{1,8}",
        ],
        proptest::collection::vec(
            prop_oneof![
                "tag=[A-Za-z0-9.!%*_+`'~-]{0,10}",
                "expires=[0-9a]{0,4}",
                "q=[0-9.]{0,5}",
                "[A-Za-z+.]{1,6}(=[A-Za-z0-9.-]{0,4})?",
            ],
            0..3,
        ),
    )
        .prop_map(|(display, uri, params)| {
            let params: String = params.iter().map(|p| format!(";{p}")).collect();
            format!("{display}<{uri}>{params}")
        });
    crate::header::mutation::maybe_mutated(common)
}

proptest! {
    /// Whenever the direct path accepts a value, the full grammar gives the same name-addr
    /// (every field, parameter text included); otherwise `NameAddr::parse` is the full
    /// grammar, so results and errors are those of the grammar for every value, in both the
    /// name-addr and the Route forms.
    #[test]
    fn direct_path_agrees_with_the_grammar(text in common_or_mutated()) {
        for brackets_required in [false, true] {
            let grammar = NameAddr::parse_grammar(&text, brackets_required);
            if let Some(direct) = common::parse(&text) {
                prop_assert_eq!(format!("{direct:?}"), format!("{:?}", grammar.unwrap()));
            }
            let parsed = NameAddr::parse_form(&text, brackets_required);
            prop_assert_eq!(format!("{parsed:?}"), format!("{grammar:?}"));
        }
    }
}

#[test]
fn direct_path_takes_the_common_shapes() {
    for text in [
        "\"Alice\" <sip:alice@example.com>;tag=9fxced76sl",
        "<sip:bob@example.net>",
        "<sip:pcscf.example.com:5060;transport=tcp;lr>",
        "<tel:+15551234>;tag=a;x",
    ] {
        let direct = common::parse(text).unwrap();
        let grammar = NameAddr::parse_grammar(text, false).unwrap();
        assert_eq!(format!("{direct:?}"), format!("{grammar:?}"));
    }
    assert!(common::parse("Alice <sip:a@b.com>").is_none());
    assert!(common::parse("\"A\\\"\" <sip:a@b.com>").is_none());
    assert!(common::parse("<sip:a@b.com> ;tag=1").is_none());
}

/// A name-addr whose parameters are `tag`, `expires` or `q` in any case, near misses of
/// them (one letter changed, cut or extended), with or without a value.
fn known_names_in_any_case() -> impl Strategy<Value = String> {
    let name = crate::header::mutation::name_in_any_case(vec!["tag", "expires", "q", "x"]);
    let param = (
        name,
        prop::sample::select(vec!["", "=", "=1", "=a7", "=0.5", "=\"q\""]),
    );
    (
        prop::sample::select(vec!["", "\"A\" "]),
        proptest::collection::vec(param, 0..4),
    )
        .prop_map(|(display, params)| {
            let params: String = params.iter().map(|(n, v)| format!(";{n}{v}")).collect();
            format!("{display}<sip:a@example.com>{params}")
        })
}

proptest! {
    /// `tag` is recognized in any case, and near misses are not, by the direct path
    /// exactly as by the grammar: where the direct path answers it gives the grammar's
    /// address, and parsing always gives the grammar's result.
    #[test]
    fn known_names_match_as_in_the_grammar(text in known_names_in_any_case()) {
        let grammar = NameAddr::parse_grammar(&text, false);
        if let Some(direct) = common::parse(&text) {
            prop_assert_eq!(format!("{direct:?}"), format!("{:?}", grammar.unwrap()));
        }
        prop_assert_eq!(format!("{:?}", NameAddr::parse(&text)), format!("{grammar:?}"));
    }
}

#[test]
fn the_tag_word_takes_any_case_and_needs_a_token() {
    let addr = common::parse("<sip:a@b.com>;TAG=1;tag=2").unwrap();
    assert_eq!(addr.tag, Some("1"));
    assert!(addr.params.iter().next().is_none());
    assert!(common::parse("<sip:a@b.com>;tag=;x").is_none());
    assert!(NameAddr::parse("<sip:a@b.com>;tag=").is_err());
}

proptest! {
    /// `from` and `to` give exactly what the generic accessor gives with `NameAddr::parse`
    /// (the address, or the same error with the same header and offset), whatever the value.
    #[test]
    fn from_and_to_equal_the_generic_accessor(text in common_or_mutated()) {
        let message = format!("OPTIONS sip:a@h.com SIP/2.0\r\nFrom: {text}\r\nTo: {text}\r\n\r\n");
        let parsed = crate::Parser::new()
            .with_mode(crate::Mode::Lenient)
            .parse_datagram(message.as_bytes());
        if let Ok(msg) = parsed {
            let generic = |name| format!("{:?}", msg.typed(name, NameAddr::parse));
            prop_assert_eq!(format!("{:?}", msg.from()), generic(crate::HeaderName::From));
            prop_assert_eq!(format!("{:?}", msg.to()), generic(crate::HeaderName::To));
        }
    }
}
