//! The property the `sip_uri` fuzz target checks, run in the unit tests on generated text and on
//! inputs that once broke it: no parser panics, and whatever parses displays to text that parses
//! to equal fields.

use super::*;
use crate::uri::{Host, SipUri, TelUri, Uri};
use proptest::prelude::*;

macro_rules! check {
    ($ty:ty, $text:expr) => {
        if let Ok(value) = <$ty>::parse($text) {
            let shown = value.to_string();
            let again = <$ty>::parse(&shown);
            assert_eq!(
                again,
                Ok(value),
                "{} {:?} displayed as {:?}",
                stringify!($ty),
                $text,
                shown
            );
        }
    };
}

fn check_all(text: &str) {
    check!(Uri, text);
    check!(SipUri, text);
    check!(TelUri, text);
    check!(Host, text);
    check!(Via, text);
    check!(NameAddr, text);
    check!(Contact, text);
    check!(CSeq, text);
    check!(CallId, text);
    check!(MaxForwards, text);
    check!(ContentLength, text);
    check!(ContentType, text);
    check!(SessionExpires, text);
    check!(MinSe, text);
    check!(AcceptContact, text);
    check!(Privacy, text);
    check!(OptionTags, text);
    check!(Allow, text);
    check!(UserAgent, text);
    check!(Challenge, text);
    check!(Credentials, text);
    check!(RetryAfter, text);
    check!(Reason, text);
    check!(Params, text);
    if let Ok(route) = NameAddr::parse_route(text) {
        assert_eq!(
            NameAddr::parse_route(&route.to_string()),
            Ok(route),
            "route {text:?}"
        );
    }
    for (at, item) in split_list(text) {
        assert_eq!(text.get(at..at + item.len()), Some(item));
    }
}

#[test]
fn seed_inputs_round_trip() {
    for text in [
        "sips:alice%40home:secret@[2001:db8::1]:5061;transport=tcp;lr?Subject=hi&x=",
        "SIP/2.0/UDP [::1]:5060;branch=z9hG4bK776;received=2001:db8::9;rport",
        "SIP/2.0/UDP h;received=[::1]",
        "\"Smith, \\\"Al\\\"\" <sip:a@b.com;lr>;tag=88sja8x;+g.oma.sip-im",
        "a\r\n b <sip:x@y.z>;p=\"q\r\n r\"",
        "*;+g.oma.sip-im.large-message;require;explicit",
        "1800;refresher=uac",
        "Digest realm=\"a\r\n b\", nonce=\"84a4cc6f\", qop=\"auth,auth-int\"",
        "CPM-client/OMA2.2 (large\r\n message)",
        "5 (x\r\n y);duration=3",
        ";a=::1",
    ] {
        check_all(text);
    }
}

proptest! {
    /// Text drawn from the bytes that matter to SIP grammar never makes a parser panic, and
    /// whatever parses displays to text that parses to equal fields.
    #[test]
    fn generated_text_round_trips(text in "[a-zA-Z0-9:@;=?&%.,<>\"\\\\()\\[\\]/*+ \t\r\n-]{0,40}") {
        check_all(&text);
    }

    /// The same over structured fragments, which reach deeper into each grammar.
    #[test]
    fn generated_fragments_round_trip(parts in proptest::collection::vec(prop_oneof![
        Just("sip:"), Just("tel:+1"), Just("SIP/2.0/UDP "), Just("<"), Just(">"), Just("\""),
        Just(";"), Just("="), Just(","), Just(" "), Just("\r\n "), Just("*"), Just("["), Just("]"),
        Just("::1"), Just("a"), Just("b.com"), Just("1"), Just("%41"), Just("Digest "), Just("("),
        Just(")"), Just("\\"), Just("+g.x"), Just("tag"), Just("q=0.5"), Just("/"), Just(":"),
    ], 0..14)) {
        check_all(&parts.concat());
    }
}
