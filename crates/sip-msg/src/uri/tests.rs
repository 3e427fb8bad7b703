use super::*;
use proptest::prelude::*;

#[test]
fn dispatches_on_scheme_case_insensitively() {
    assert!(matches!(Uri::parse("SIP:a@b.com"), Ok(Uri::Sip(u)) if !u.secure));
    assert!(matches!(Uri::parse("Sips:b.com"), Ok(Uri::Sip(u)) if u.secure));
    assert!(matches!(Uri::parse("TEL:+1"), Ok(Uri::Tel(_))));
    let u = Uri::parse("http://[::1]:80/a?b=c").unwrap();
    assert_eq!(
        u,
        Uri::Other(AbsoluteUri {
            scheme: "http",
            rest: "//[::1]:80/a?b=c"
        })
    );
    assert_eq!(u.to_string(), "http://[::1]:80/a?b=c");
    assert!(u.as_sip().is_none());
    assert_eq!(
        Uri::parse("sip:x.com").unwrap().as_sip().map(|s| s.host),
        Some(Host::Name("x.com"))
    );
}

#[test]
fn absolute_uri_errors() {
    assert_eq!(Uri::parse(""), Err(ValueError::new(0, "URI scheme")));
    assert_eq!(Uri::parse("1a:b"), Err(ValueError::new(0, "URI scheme")));
    assert_eq!(Uri::parse("urn"), Err(ValueError::new(3, ":")));
    assert_eq!(Uri::parse("urn:"), Err(ValueError::new(4, "URI character")));
    assert_eq!(
        Uri::parse("urn:a b"),
        Err(ValueError::new(5, "URI character"))
    );
    assert_eq!(
        Uri::parse("urn:a>"),
        Err(ValueError::new(5, "URI character"))
    );
    assert_eq!(
        Uri::parse("sip:a b"),
        Err(ValueError::new(5, "end of SIP URI"))
    );
    assert_eq!(Uri::parse("sip:a@"), Err(ValueError::new(6, "host")));
    assert_eq!(
        Uri::parse("tel:x"),
        Err(ValueError::new(4, "local-number-digits"))
    );
}

#[test]
fn escaped_user_decodes() {
    let u = SipUri::parse("sip:j%20doe%3b@x.com").unwrap();
    assert!(unescape(u.user.unwrap()).eq(*b"j doe;"));
}

/// Generated parts of a SIP URI, owned so that the URI can borrow them.
#[derive(Debug, Clone)]
struct Parts {
    secure: bool,
    user: Option<String>,
    password: Option<String>,
    host: String,
    port: Option<u16>,
    params: String,
    headers: String,
}

fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]([a-z0-9-]{0,4}[a-z0-9])?(\\.[a-z]([a-z0-9-]{0,4}[a-z0-9])?){0,3}\\.?"
            .prop_filter("toplabel starts with a letter", |h| {
                h.trim_end_matches('.')
                    .rsplit('.')
                    .next()
                    .is_some_and(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            }),
        any::<[u8; 4]>().prop_map(|[a, b, c, d]| format!("{a}.{b}.{c}.{d}")),
        any::<[u16; 8]>().prop_map(|g| {
            let groups: Vec<String> = g.iter().map(|x| format!("{x:x}")).collect();
            format!("[{}]", groups.join(":"))
        }),
        Just("[::1]".to_string()),
    ]
}

fn parts() -> impl Strategy<Value = Parts> {
    let user = proptest::option::of("([a-zA-Z0-9_.!~*'()&=+$,;?/-]|%[0-9A-F]{2}){1,12}");
    let password = proptest::option::of("([a-z0-9&=+$,]|%[0-9a-f]{2}){0,6}");
    let param = (
        "x[a-z0-9.]{0,5}",
        proptest::option::of("([a-zA-Z0-9:/&+$\\[\\]-]|%41){1,6}"),
    );
    let params = proptest::collection::vec(param, 0..4).prop_map(|ps| {
        ps.into_iter()
            .map(|(n, v)| match v {
                Some(v) => format!(";{n}={v}"),
                None => format!(";{n}"),
            })
            .collect::<String>()
    });
    let header = ("[a-zA-Z][a-zA-Z0-9?:]{0,5}", "([a-z0-9/?]|%40){0,6}");
    let headers = proptest::collection::vec(header, 0..3).prop_map(|hs| {
        hs.into_iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    });
    (
        any::<bool>(),
        user,
        password,
        host(),
        proptest::option::of(any::<u16>()),
        params,
        headers,
    )
        .prop_map(
            |(secure, user, password, host, port, params, headers)| Parts {
                secure,
                password: user.as_ref().and(password),
                user,
                host,
                port,
                params,
                headers,
            },
        )
}

proptest! {
    /// A SIP URI assembled from valid fields, displayed and parsed again, has the same fields.
    #[test]
    fn sip_uri_display_parse_round_trip(p in parts()) {
        let uri = SipUri {
            secure: p.secure,
            user: p.user.as_deref(),
            password: p.password.as_deref(),
            host: Host::parse(&p.host).unwrap(),
            port: p.port,
            params: UriParams::parse(&p.params).unwrap(),
            headers: if p.headers.is_empty() { UriHeaders::default() } else { UriHeaders::parse(&p.headers).unwrap() },
        };
        let text = uri.to_string();
        let parsed = SipUri::parse(&text);
        prop_assert_eq!(parsed, Ok(uri));
        prop_assert!(parsed.unwrap().equivalent(&uri));
    }

    /// No string makes the URI parser panic, and whatever parses displays back to a string
    /// that parses to the same URI.
    #[test]
    fn any_text_parses_or_fails_cleanly(text in "[a-zA-Z0-9:@;=?&%.\\[\\]+ -]{0,40}") {
        if let Ok(uri) = Uri::parse(&text) {
            let shown = uri.to_string();
            prop_assert_eq!(Uri::parse(&shown), Ok(uri));
        }
    }
}
