//! Parses arbitrary bytes as a SIP datagram, validating and lenient, then reads every typed
//! accessor: nothing may panic, the lenient parse must accept whatever the validating one
//! accepts, with the same headers, the parse into a reused slot must give what the parse by
//! value gives, and the direct paths of `top_via`, `from` and `to` must answer as the general
//! accessors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_msg::header::NameAddr;
use sip_msg::{HeaderName, Message, MessageSlot, Mode, Parser};

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
    assert_eq!(debug(&msg.top_via()), debug(&msg.vias().next().transpose()));
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
    // The slot first holds another message, which the parse must replace entirely.
    let mut slot = MessageSlot::new();
    let earlier =
        b"SIP/2.0 100 Trying\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\nf: <sip:a@h>;tag=1\r\n\
        t: <sip:b@h>\r\ni: c\r\nCSeq: 1 INVITE\r\nX: y\r\n\r\n";
    let _ = Parser::new().parse_datagram_into(earlier, &mut slot);
    match (Parser::new().parse_datagram_into(data, &mut slot), &strict) {
        (Ok(into), Ok(by_value)) => {
            assert!(into.headers().eq(by_value.headers()));
            assert_eq!(
                (into.start_line(), into.body(), into.call_id(), into.cseq()),
                (
                    by_value.start_line(),
                    by_value.body(),
                    by_value.call_id(),
                    by_value.cseq()
                )
            );
        }
        (Err(into), Err(by_value)) => assert_eq!(&into, by_value),
        (into, by_value) => panic!("into a slot {into:?}, by value {by_value:?}"),
    }
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
