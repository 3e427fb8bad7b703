//! Feeds arbitrary text to every typed header parser and the URI parsers of sip-msg: never a
//! panic; whatever parses is written with `Display` and must parse again to equal fields.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_msg::header::{
    split_list, AcceptContact, Allow, CSeq, CallId, Challenge, Contact, ContentLength, ContentType,
    Credentials, MaxForwards, MinSe, NameAddr, OptionTags, Params, Privacy, Reason, RetryAfter,
    SessionExpires, UserAgent, Via,
};
use sip_msg::uri::{unescape, Host, SipUri, TelUri, Uri};

macro_rules! round_trip {
    ($ty:ty, $text:expr) => {
        if let Ok(value) = <$ty>::parse($text) {
            let shown = value.to_string();
            match <$ty>::parse(&shown) {
                Ok(again) => assert_eq!(
                    again,
                    value,
                    "{} {:?} -> {:?}",
                    stringify!($ty),
                    $text,
                    shown
                ),
                Err(e) => panic!(
                    "{} {:?} displayed as {:?}: {e}",
                    stringify!($ty),
                    $text,
                    shown
                ),
            }
        }
    };
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trip!(Uri, text);
    round_trip!(SipUri, text);
    round_trip!(TelUri, text);
    round_trip!(Host, text);
    round_trip!(Via, text);
    round_trip!(NameAddr, text);
    round_trip!(Contact, text);
    round_trip!(CSeq, text);
    round_trip!(CallId, text);
    round_trip!(MaxForwards, text);
    round_trip!(ContentLength, text);
    round_trip!(ContentType, text);
    round_trip!(SessionExpires, text);
    round_trip!(MinSe, text);
    round_trip!(AcceptContact, text);
    round_trip!(Privacy, text);
    round_trip!(OptionTags, text);
    round_trip!(Allow, text);
    round_trip!(UserAgent, text);
    round_trip!(Challenge, text);
    round_trip!(Credentials, text);
    round_trip!(RetryAfter, text);
    round_trip!(Reason, text);
    round_trip!(Params, text);
    if let Ok(uri) = Uri::parse(text) {
        assert!(
            uri.equivalent(&uri),
            "a URI is equivalent to itself: {text:?}"
        );
    }
    if let Ok(uri) = SipUri::parse(text) {
        assert!(
            uri.equivalent(&uri),
            "a URI is equivalent to itself: {text:?}"
        );
        for part in [uri.user, uri.password].into_iter().flatten() {
            assert!(unescape(part).count() <= part.len());
        }
    }
    for (at, item) in split_list(text) {
        assert_eq!(
            text.get(at..at + item.len()),
            Some(item),
            "offset of {item:?} in {text:?}"
        );
    }
});
