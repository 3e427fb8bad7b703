//! Parses arbitrary bytes as SDP; whatever parses must answer every accessor without
//! panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdp::SessionDescription;
use std::hint::black_box;

fuzz_target!(|data: &[u8]| {
    let Ok(sdp) = SessionDescription::parse(data) else { return };
    black_box((sdp.origin(), sdp.session_name(), sdp.connection(), sdp.direction(), sdp.setup()));
    black_box((sdp.connection_mode(), sdp.message_stream(), sdp.as_str()));
    black_box(sdp.lines().count() + sdp.session_lines().count() + sdp.attributes().count());
    for m in sdp.media() {
        black_box((m.media(), m.port(), m.port_count(), m.proto(), m.is_msrp(), m.msrp_transport()));
        black_box((m.formats().count(), m.lines().count(), m.attributes().count(), m.connections().count()));
        black_box((sdp.direction_of(m), sdp.setup_of(m), sdp.connection_of(m), m.max_size(), m.connection_mode()));
        if let Some(path) = m.path() {
            black_box((path.first(), path.own(), path.len(), path.uris().count(), path.uri_strs().count()));
            assert_eq!(path.uris().count(), path.len());
        }
        for types in [m.accept_types(), m.accept_wrapped_types()].into_iter().flatten() {
            black_box((types.iter().count(), types.allows("text/plain"), types.is_empty()));
            assert!(!types.is_empty());
        }
    }
});
