//! Parses arbitrary text as an MSRP URI and as a URI list: never a panic; a parsed URI
//! written out parses again to an equal one, and matches itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msrp_codec::uri::{split_path, MsrpUri};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(uri) = MsrpUri::parse(text) {
        assert!(uri.matches(&uri));
        let again = uri.to_string();
        let reparsed = MsrpUri::parse(&again).expect("a written URI parses");
        assert!(reparsed.matches(&uri));
        assert_eq!(reparsed.params().count(), uri.params().count());
        let built = MsrpUri::new(uri.scheme(), uri.host(), uri.transport()).expect("parts of a valid URI");
        let built = match uri.port() {
            Some(p) => built.with_port(p),
            None => built,
        };
        let built = match uri.session_id() {
            Some(s) => built.with_session_id(s).expect("valid session-id"),
            None => built,
        };
        assert!(built.matches(&uri));
        let text = built.to_string();
        assert!(MsrpUri::parse(&text).is_ok_and(|u| u.matches(&uri)));
    }
    for item in split_path(text) {
        if let Err(e) = item {
            assert!(e.offset <= text.len());
        }
    }
});
