//! Checks arbitrary bytes, as an SDP answer, against a fixed large-message offer; an accepted
//! answer must give a consistent outcome.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdp::{negotiate, ConnectionRole, SessionDescription};
use std::hint::black_box;

const OFFER: &[u8] = include_bytes!("../../examples/msrp-offer.sdp");

fuzz_target!(|data: &[u8]| {
    let Ok(offer) = SessionDescription::parse(OFFER) else { panic!("the fixed offer parses") };
    let Ok(answer) = SessionDescription::parse(data) else { return };
    let Ok(outcome) = negotiate(&offer, &answer) else { return };
    assert!(answer.media()[outcome.stream_index()].port() != 0);
    assert!(outcome.common_types().next().is_some());
    match outcome.role() {
        ConnectionRole::Connect => assert_eq!(outcome.connect_to(), Some(outcome.remote_path().first())),
        ConnectionRole::Listen => assert_eq!(outcome.listen_on(), Some(outcome.local_path().own())),
    }
    black_box((outcome.tls(), outcome.max_size(), outcome.answered_direction(), outcome.connection_mode()));
    black_box((outcome.peer_accepts("message/cpim"), outcome.peer_accept_wrapped_types(), outcome.transport()));
});
