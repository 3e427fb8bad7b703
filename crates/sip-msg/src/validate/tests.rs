use crate::{parse, Error, HeaderName};
use proptest::prelude::*;

/// The quote check searching from the start of the value, as before the display name was
/// read directly: the oracle of the test below.
fn check_quotes_by_search(h: &crate::field::Header<'_>) -> Result<(), Error> {
    super::check_quotes_from(h, 0)
}

proptest! {
    /// From and To values built of display names (quoted with spaces, tabs or escapes,
    /// empty, or unterminated), addresses and quoted parameters, some with a byte
    /// changed: the check reading a leading display name directly accepts and refuses
    /// what the search from the start accepts and refuses, with the same offset.
    #[test]
    fn the_direct_display_name_agrees_with_the_search(
        value in crate::header::mutation::maybe_mutated(
            (
                prop::sample::select(vec!["\"Alice\" ", "\"A B\" ", "\"A\tB\" ",
                    "\"A \\\" B\" ", "\"\" ", "\"A", "\"", "Alice ", ""]),
                prop::sample::select(vec!["<sip:a@b.com>", "<sip:\"@b>", ""]),
                prop::sample::select(vec!["", ";tag=1", ";x=\"y\"", ";x=\"y", ";x=\"\\\""]),
            )
                .prop_map(|(name, uri, params)| format!("{name}{uri}{params}")),
        ),
    ) {
        let h = crate::field::Header::new(HeaderName::From, "From", &value, 6, false);
        prop_assert_eq!(super::check_quotes(&h), check_quotes_by_search(&h));
    }
}

/// Display names of UTF-8 text, which the direct reading passes over as qdtext.
#[test]
fn utf8_display_names_agree_with_the_search() {
    for value in [
        "\"Zo\u{eb}\" <sip:a@b>",
        "\"\u{20ac}",
        "\"\u{e9}\" <sip:a@b>;x=\"",
    ] {
        let h = crate::field::Header::new(HeaderName::To, "To", value, 4, false);
        assert_eq!(
            super::check_quotes(&h),
            check_quotes_by_search(&h),
            "{value}"
        );
    }
}

const OK: &str = "INVITE sip:b@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\
    Max-Forwards: 70\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: c@h\r\n\
    CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

fn with(from: &str, to: &str) -> Result<(), Error> {
    parse(OK.replacen(from, to, 1).as_bytes()).map(drop)
}

#[test]
fn a_complete_request_passes() {
    assert_eq!(with("", ""), Ok(()));
}

#[test]
fn every_mandatory_header_is_required() {
    for (line, header) in [
        ("Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\n", HeaderName::Via),
        ("Max-Forwards: 70\r\n", HeaderName::MaxForwards),
        ("From: <sip:a@h>;tag=1\r\n", HeaderName::From),
        ("To: <sip:b@h>\r\n", HeaderName::To),
        ("Call-ID: c@h\r\n", HeaderName::CallId),
        ("CSeq: 1 INVITE\r\n", HeaderName::CSeq),
    ] {
        assert_eq!(
            with(line, ""),
            Err(Error::MissingHeader { header }),
            "{line}"
        );
    }
}

#[test]
fn cseq_number_and_method_are_checked() {
    assert_eq!(with("1 INVITE", "2147483647 INVITE"), Ok(()));
    assert!(matches!(
        with("1 INVITE", "2147483648 INVITE"),
        Err(Error::CSeqOutOfRange { .. })
    ));
    assert!(matches!(
        with("1 INVITE", "99999999999 INVITE"),
        Err(Error::CSeqOutOfRange { .. })
    ));
    assert!(matches!(
        with("1 INVITE", "1 ACK"),
        Err(Error::CSeqMethodMismatch { .. })
    ));
    assert!(matches!(
        with("1 INVITE", "1 invite"),
        Err(Error::CSeqMethodMismatch { .. })
    ));
    assert!(matches!(
        with("1 INVITE", "-1 INVITE"),
        Err(Error::Value { .. })
    ));
    assert!(matches!(
        with("1 INVITE", "1INVITE"),
        Err(Error::Value { .. })
    ));
}

#[test]
fn single_value_headers_may_not_repeat() {
    let twice = "Call-ID: c@h\r\nCall-ID: d@h\r\n";
    assert!(matches!(
        with("Call-ID: c@h\r\n", twice),
        Err(Error::DuplicateHeader {
            header: HeaderName::CallId,
            ..
        })
    ));
    assert_eq!(
        with(
            "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\n",
            "v: SIP/2.0/UDP h\r\nv: SIP/2.0/UDP i\r\n"
        ),
        Ok(())
    );
}

#[test]
fn unterminated_display_names_are_rejected() {
    assert_eq!(
        with("From: <sip:a@h>", "From: \"A \\\" B\" <sip:a@h>"),
        Ok(())
    );
    let err = with("To: <sip:b@h>", "To: \"Bob <sip:b@h>").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Value {
                header: HeaderName::To,
                ..
            }
        ),
        "{err}"
    );
    assert!(with("To: <sip:b@h>", "To: \"Bob\\\" <sip:b@h>").is_err());
}

#[test]
fn values_typed_by_validation_equal_the_accessors_own_parse() {
    let lenient = crate::Parser::new().with_mode(crate::Mode::Lenient);
    for (from, to) in [
        ("", ""),
        ("CSeq: 1 INVITE", "CSeq:  2147483647\r\n INVITE "),
        ("Call-ID: c@h", "i: a<b>{c}[d]?/\\\"@x"),
    ] {
        let text = OK.replacen(from, to, 1);
        let checked = parse(text.as_bytes()).unwrap();
        let plain = lenient.parse_datagram(text.as_bytes()).unwrap();
        assert_eq!(checked.cseq(), plain.cseq(), "{to}");
        assert_eq!(checked.call_id(), plain.call_id(), "{to}");
        assert!(checked.cseq().unwrap().is_some());
    }
}

#[test]
fn scalar_values_are_checked_with_message_offsets() {
    let err = with("Max-Forwards: 70", "Max-Forwards: 300").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Value {
                header: HeaderName::MaxForwards,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.offset(), Some(OK.find("70\r\n").unwrap()));
}
