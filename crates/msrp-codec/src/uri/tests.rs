use super::*;

fn parse(s: &str) -> MsrpUri<'_> {
    match MsrpUri::parse(s) {
        Ok(u) => u,
        Err(e) => panic!("{s}: {e}"),
    }
}

fn kind_at(s: &str) -> (UriErrorKind, usize) {
    match MsrpUri::parse(s) {
        Ok(u) => panic!("{s} parsed as {u:?}"),
        Err(e) => (e.kind, e.offset),
    }
}

#[test]
fn parses_rfc_example_uri() {
    let u = parse("msrp://atlanta.example.com:7654/jshA7weztas;tcp");
    assert_eq!(u.scheme(), Scheme::Msrp);
    assert_eq!(u.userinfo(), None);
    assert_eq!(u.host(), "atlanta.example.com");
    assert_eq!(u.port(), Some(7654));
    assert_eq!(u.session_id(), Some("jshA7weztas"));
    assert_eq!(u.transport(), "tcp");
    assert_eq!(u.params().count(), 0);
    assert_eq!(
        u.as_str(),
        Some("msrp://atlanta.example.com:7654/jshA7weztas;tcp")
    );
}

#[test]
fn parses_ipv6_reference_without_brackets_in_host() {
    let u = parse("msrps://[2001:db8::10]/a/b+c=;tls");
    assert_eq!(u.scheme(), Scheme::Msrps);
    assert_eq!(u.host(), "2001:db8::10");
    assert!(u.is_ipv6());
    assert_eq!(u.port(), None);
    assert_eq!(u.port_or_default(), 2855);
    assert_eq!(u.session_id(), Some("a/b+c="));
    assert_eq!(u.transport(), "tls");
}

#[test]
fn parses_userinfo_ipv4_and_params() {
    let u = parse("MSRP://alice%20x:pw@192.0.2.1:2855;tcp;foo=bar;lr");
    assert_eq!(u.scheme(), Scheme::Msrp);
    assert_eq!(u.userinfo(), Some("alice%20x:pw"));
    assert_eq!(u.ip_addr(), Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1))));
    assert_eq!(u.session_id(), None);
    let params: Vec<_> = u.params().map(|p| (p.name, p.value)).collect();
    assert_eq!(params, [("foo", Some("bar")), ("lr", None)]);
}

#[test]
fn missing_transport_is_an_error_with_offset() {
    assert_eq!(
        kind_at("msrp://h.example:1/s"),
        (UriErrorKind::MissingTransport, 20)
    );
    assert_eq!(
        kind_at("msrp://h.example"),
        (UriErrorKind::MissingTransport, 16)
    );
    assert_eq!(kind_at("msrp://h/s;"), (UriErrorKind::Transport, 11));
    assert_eq!(kind_at("msrp://h/s;t-p"), (UriErrorKind::Transport, 11));
}

#[test]
fn rejects_bad_parts_where_they_break() {
    assert_eq!(kind_at("sip://h;tcp"), (UriErrorKind::Scheme, 0));
    assert_eq!(kind_at("msrp:/h;tcp"), (UriErrorKind::Scheme, 4));
    assert_eq!(kind_at(""), (UriErrorKind::Scheme, 0));
    assert_eq!(kind_at("msrp://;tcp"), (UriErrorKind::Host, 7));
    assert_eq!(kind_at("msrp://h<st;tcp"), (UriErrorKind::Host, 8));
    assert_eq!(kind_at("msrp://[::g]/s;tcp"), (UriErrorKind::Ipv6, 7));
    assert_eq!(kind_at("msrp://[::1/s;tcp"), (UriErrorKind::Ipv6, 7));
    assert_eq!(kind_at("msrp://h:70000/s;tcp"), (UriErrorKind::Port, 9));
    assert_eq!(kind_at("msrp://h:12x/s;tcp"), (UriErrorKind::Port, 11));
    assert_eq!(kind_at("msrp://[::1]x/s;tcp"), (UriErrorKind::Port, 12));
    assert_eq!(kind_at("msrp://h/;tcp"), (UriErrorKind::SessionId, 9));
    assert_eq!(kind_at("msrp://h/a#b;tcp"), (UriErrorKind::SessionId, 10));
    assert_eq!(kind_at("msrp://u<x@h/s;tcp"), (UriErrorKind::Userinfo, 8));
    assert_eq!(
        kind_at("msrp://h/s;tcp;a=(b)"),
        (UriErrorKind::Parameter, 15)
    );
    assert_eq!(kind_at("msrp://h/s;tcp;;x"), (UriErrorKind::Parameter, 15));
    assert_eq!(kind_at("msrp://h%zz/s;tcp"), (UriErrorKind::Host, 8));
}

#[test]
fn comparison_follows_rfc4975_6_1() {
    let a = parse("msrp://Alice.Example:2855/s1;tcp");
    assert!(a.matches(&parse("MSRP://alice.example:2855/s1;TCP;x=y")));
    assert!(a.matches(&parse("msrp://user@%41lice.example:2855/s1;tcp")));
    assert!(
        !a.matches(&parse("msrp://alice.example:2855/S1;tcp")),
        "session-id case"
    );
    assert!(
        !a.matches(&parse("msrp://alice.example/s1;tcp")),
        "explicit vs absent port"
    );
    assert!(
        !a.matches(&parse("msrps://alice.example:2855/s1;tcp")),
        "scheme"
    );
    assert!(
        !a.matches(&parse("msrp://alice.example:2855;tcp")),
        "absent session-id"
    );
    assert!(
        !a.matches(&parse("msrp://alice.example:2855/s1;sctp")),
        "transport"
    );
    let v6 = parse("msrp://[2001:db8:0:0::1]:9/s;tcp");
    assert!(v6.matches(&parse("msrp://[2001:DB8::1]:9/s;tcp")));
    assert!(!v6.matches(&parse("msrp://[2001:db8::2]:9/s;tcp")));
}

#[test]
fn builds_and_displays_from_parts() {
    let u = MsrpUri::new(Scheme::Msrps, "bob.example", "tcp")
        .and_then(|u| u.with_session_id("abc"))
        .and_then(|u| u.with_userinfo("bob"))
        .map(|u| u.with_port(12));
    let u = u.expect("valid parts");
    assert_eq!(u.as_str(), None);
    assert_eq!(u.to_string(), "msrps://bob@bob.example:12/abc;tcp");
    assert!(u.matches(&parse("msrps://bob.example:12/abc;tcp")));
    assert_eq!(
        MsrpUri::new(Scheme::Msrp, "a b", "tcp").map_err(|e| e.kind),
        Err(UriErrorKind::Host)
    );
    assert_eq!(
        MsrpUri::new(Scheme::Msrp, "h", "").map_err(|e| e.kind),
        Err(UriErrorKind::Transport)
    );
    assert_eq!(
        MsrpUri::new(Scheme::Msrp, "::x", "tcp").map_err(|e| e.kind),
        Err(UriErrorKind::Ipv6)
    );
}

#[test]
fn display_of_parsed_uri_is_its_text() {
    let text = "msrp://[::1]:1/s;tcp;a=b";
    assert_eq!(parse(text).to_string(), text);
}

#[test]
fn splits_path_lists_with_offsets_in_the_list() {
    let list = "msrp://r.example/1;tcp msrp://b.example:9/2;tcp";
    let uris: Vec<_> = split_path(list)
        .collect::<Result<_, _>>()
        .expect("valid list");
    assert_eq!(uris.len(), 2);
    assert_eq!(uris[1].port(), Some(9));
    let errs: Vec<_> = split_path("msrp://a/1;tcp msrp://b/2")
        .filter_map(Result::err)
        .collect();
    assert_eq!(
        errs,
        [UriError {
            kind: UriErrorKind::MissingTransport,
            offset: 25
        }]
    );
    let empty: Vec<_> = split_path("").collect();
    assert_eq!(
        empty,
        [Err(UriError {
            kind: UriErrorKind::Empty,
            offset: 0
        })]
    );
    let double: Vec<_> = split_path("msrp://a/1;tcp  msrp://b/2;tcp").collect();
    assert_eq!(double.len(), 2);
    assert_eq!(
        double[1],
        Err(UriError {
            kind: UriErrorKind::Empty,
            offset: 15
        })
    );
    let trailing: Vec<_> = split_path("msrp://a/1;tcp ").collect();
    assert_eq!(
        trailing[1],
        Err(UriError {
            kind: UriErrorKind::Empty,
            offset: 15
        })
    );
}

#[test]
fn error_display_names_what_and_where() {
    let e = MsrpUri::parse("msrp://h/s").expect_err("no transport");
    assert_eq!(e.to_string(), "MSRP URI: missing ;transport at byte 10");
}
