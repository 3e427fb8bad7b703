//! Parsing, framing, typed access and writing into a reused buffer allocate nothing: a
//! counting global allocator sees no allocation on this thread while they run.

use sip_msg::builder::MessageWriter;
use sip_msg::header::CSeq;
use sip_msg::{Frame, HeaderName, Method, Parser, StatusCode, StreamFramer};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds the GlobalAlloc
// contract; the counter is a const-initialized thread-local cell, which never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Allocations made on this thread while `f` runs.
fn allocations<R>(f: impl FnOnce() -> R) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    std::hint::black_box(f());
    ALLOCATIONS.with(Cell::get) - before
}

const INVITE: &[u8] = include_bytes!("../../../examples/cpm-invite.sip");
const OK: &[u8] = include_bytes!("../../../examples/cpm-200-ok.sip");

#[test]
fn the_counter_sees_allocations() {
    assert!(allocations(|| vec![1u8; 10]) >= 1);
}

#[test]
fn parsing_a_cpm_invite_and_its_200_ok_allocates_nothing() {
    assert!(INVITE.len() > 1000);
    for bytes in [INVITE, OK] {
        assert_eq!(
            allocations(|| sip_msg::parse(bytes).map(|m| m.header_count())),
            0
        );
        let mut slot = sip_msg::MessageSlot::new();
        assert_eq!(
            allocations(|| sip_msg::Parser::new()
                .parse_datagram_into(bytes, &mut slot)
                .map(|m| m.header_count())),
            0
        );
    }
}

#[test]
fn stream_framing_allocates_nothing() {
    let mut framer = StreamFramer::new(Parser::new());
    let n = allocations(|| match framer.frame(INVITE) {
        Ok(Frame::Message { consumed, .. }) => consumed,
        _ => 0,
    });
    assert_eq!(n, 0);
}

#[test]
fn typed_access_allocates_nothing() {
    let msg = sip_msg::parse(INVITE).unwrap();
    let n = allocations(|| {
        let vias = msg.vias().filter(Result::is_ok).count();
        let tag = msg.from().ok().flatten().and_then(|f| f.tag).map(str::len);
        let se = msg.session_expires().ok().flatten().map(|s| s.delta);
        let cseq = msg.cseq().ok().flatten().map(|c| c.number);
        let contacts = msg.contacts().count() + msg.supported().count();
        (vias, tag, se, cseq, contacts)
    });
    assert_eq!(n, 0);
}

#[test]
fn writing_into_a_reused_vec_allocates_nothing_once_it_has_capacity() {
    let msg = sip_msg::parse(INVITE).unwrap();
    let mut out = Vec::with_capacity(2048);
    let write = |out: &mut Vec<u8>| -> Result<usize, sip_msg::Error> {
        let status = StatusCode::new(200).unwrap();
        let mut w = MessageWriter::response_vec(out, status, "OK")?;
        for h in msg
            .headers()
            .filter(|h| !matches!(h.name(), HeaderName::ContentLength | HeaderName::CSeq))
        {
            w.header_named(h.full_name(), h.value())?;
        }
        w.header(
            HeaderName::CSeq,
            CSeq {
                number: 1,
                method: Method::Invite,
            },
        )?;
        w.finish(msg.body())
    };
    write(&mut out).unwrap();
    let n = allocations(|| write(&mut out));
    assert_eq!(n, 0);
    assert_eq!(
        sip_msg::parse(&out).map(|m| m.body().len()),
        Ok(msg.body().len())
    );
}
