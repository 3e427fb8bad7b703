//! Parses arbitrary bytes as a SIP datagram, validating and lenient, then reads every typed
//! accessor: nothing may panic, the lenient parse must accept whatever the validating one
//! accepts, with the same headers, and the direct paths of `top_via`, `from` and `to` must
//! answer as the general accessors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_msg::header::NameAddr;
use sip_msg::{HeaderName, Message, Mode, Parser};

fn touch(msg: &Message<'_>) {
    let _ = (msg.start_line(), msg.body().len(), msg.head_len());
    for h in msg.headers() {
        let _ = (h.full_name(), h.unfolded().count(), h.offset());
    }
    let _ = (
        msg.call_id(),
        msg.cseq(),
        msg.max_forwards(),
        msg.content_length(),
    );
    let _ = (msg.content_type(), msg.from(), msg.to(), msg.top_via());
    // The direct paths of the typed accessors answer as the general ones.
    let debug = |value: &dyn core::fmt::Debug| format!("{value:?}");
    assert_eq!(
        debug(&msg.top_via()),
        debug(&msg.vias().next().transpose())
    );
    assert_eq!(
        debug(&msg.from()),
        debug(&msg.typed(HeaderName::From, NameAddr::parse))
    );
    assert_eq!(
        debug(&msg.to()),
        debug(&msg.typed(HeaderName::To, NameAddr::parse))
    );
    let _ = (
        msg.session_expires(),
        msg.min_se(),
        msg.privacy(),
        msg.user_agent(),
    );
    let _ = msg.vias().count() + msg.contacts().count() + msg.routes().count();
    let _ = msg.record_routes().count() + msg.supported().count() + msg.require().count();
    let _ = msg.allow().count() + msg.accept_contacts().count() + msg.reasons().count();
    let _ = (msg.server(), msg.retry_after());
    let _ = msg.www_authenticate().count() + msg.proxy_authenticate().count();
    let _ = msg.authorization().count() + msg.proxy_authorization().count();
    let _ = msg.list_items(HeaderName::Other).count();
    if let Ok(Some(ct)) = msg.content_type() {
        if let Some(boundary) = ct.boundary() {
            if let Ok(parts) = sip_msg::multipart::split(msg.body(), boundary) {
                for part in parts.flatten() {
                    let _ = part.headers().count();
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let strict = Parser::new().parse_datagram(data);
    let lenient = Parser::new().with_mode(Mode::Lenient).parse_datagram(data);
    if let Ok(msg) = &strict {
        touch(msg);
        let lenient = lenient
            .as_ref()
            .expect("lenient accepts what validation accepts");
        assert!(msg.headers().eq(lenient.headers()));
    }
    if let Ok(msg) = &lenient {
        touch(msg);
    }
    if let Err(e) = strict {
        let _ = e.to_string();
    }
});
