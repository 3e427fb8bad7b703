use super::*;

#[test]
fn digest_challenge_md5_default_and_qop_list() {
    let c = Challenge::parse(
        "Digest\r\n realm=\"biloxi.com\" ,qop=\"auth, auth-int\",\r\n nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
    )
    .unwrap();
    assert!(c.is_digest());
    assert_eq!(c.realm(), Some("biloxi.com"));
    assert_eq!(c.opaque(), Some("5ccc069c403ebaf9f0171e9517f40e41"));
    assert_eq!(c.algorithm(), Algorithm::Md5);
    assert_eq!(c.qop_options().collect::<Vec<_>>(), ["auth", "auth-int"]);
    assert!(!c.stale() && c.domain().is_none());
    assert_eq!(
        c.to_string(),
        "Digest realm=\"biloxi.com\", qop=\"auth, auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""
    );
    assert_eq!(Challenge::parse(&c.to_string()), Ok(c));
}

#[test]
fn algorithms() {
    for (token, alg, sess) in [
        ("md5", Algorithm::Md5, false),
        ("MD5-sess", Algorithm::Md5Sess, true),
        ("sha-256", Algorithm::Sha256, false),
        ("SHA-256-sess", Algorithm::Sha256Sess, true),
        ("SHA-512-256", Algorithm::Other("SHA-512-256"), false),
    ] {
        assert_eq!(Algorithm::from_token(token), alg);
        assert_eq!(alg.is_session(), sess);
    }
    let c = Challenge::parse("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess, stale=true")
        .unwrap();
    assert_eq!(c.algorithm(), Algorithm::Md5Sess);
    assert!(c.stale());
}

#[test]
fn credentials_fields() {
    let c = Credentials::parse(
        "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"dcd98b\", uri=\"sip:bob@biloxi.com\", qop=auth, nc=0000000a, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc\", algorithm=SHA-256",
    )
    .unwrap();
    assert_eq!(c.username(), Some("bob"));
    assert_eq!(c.realm(), Some("biloxi.com"));
    assert_eq!(c.nonce(), Some("dcd98b"));
    assert_eq!(c.uri(), Some("sip:bob@biloxi.com"));
    assert_eq!(c.qop(), Some("auth"));
    assert_eq!(c.nc(), Some(10));
    assert_eq!(c.cnonce(), Some("0a4f113b"));
    assert_eq!(c.response(), Some("6629fae49393a05397450978507c4ef1"));
    assert_eq!(c.opaque(), Some("5ccc"));
    assert_eq!(c.algorithm(), Algorithm::Sha256);
    assert_eq!(Credentials::parse(&c.to_string()), Ok(c));
    let quoted_qop = Credentials::parse("Digest qop=\"auth\"").unwrap();
    assert_eq!(quoted_qop.qop(), Some("auth"));
}

#[test]
fn every_error_path_has_its_offset() {
    let err = |t| Challenge::parse(t).unwrap_err();
    assert_eq!(err(""), ValueError::new(0, "auth-scheme"));
    assert_eq!(err("Digest"), ValueError::new(6, "LWS"));
    assert_eq!(err("Digest "), ValueError::new(7, "auth-param name"));
    assert_eq!(err("Digest realm"), ValueError::new(12, "EQUAL"));
    assert_eq!(
        err("Digest realm="),
        ValueError::new(13, "token or quoted-string")
    );
    assert_eq!(err("Digest realm=x"), ValueError::new(12, "quoted-string"));
    assert_eq!(err("Digest stale=\"true\""), ValueError::new(12, "token"));
    assert_eq!(err("Digest nc=12"), ValueError::new(9, "8LHEX"));
    assert_eq!(
        err("Digest realm=\"x"),
        ValueError::new(15, "closing DQUOTE")
    );
    assert_eq!(
        err("Digest a=b c"),
        ValueError::new(11, "COMMA or end of auth-params")
    );
    assert_eq!(err("Digest a=b,"), ValueError::new(11, "auth-param name"));
    assert_eq!(
        Credentials::parse("Digest nc=0000000g"),
        Err(ValueError::new(9, "8LHEX"))
    );
}

#[test]
fn auth_params_alone() {
    let p = AuthParams::parse(" realm=\"a\", stale=false").unwrap();
    assert_eq!(p.get("STALE"), Some(ParamValue::Token("false")));
    assert_eq!(p.to_string(), "realm=\"a\", stale=false");
    assert_eq!(
        AuthParams::parse("realm=\"a\" x"),
        Err(ValueError::new(10, "COMMA or end of auth-params"))
    );
    assert_eq!(Algorithm::Sha256Sess.to_string(), "SHA-256-sess");
    assert_eq!(
        Algorithm::from_token(Algorithm::Md5Sess.as_str()),
        Algorithm::Md5Sess
    );
}
