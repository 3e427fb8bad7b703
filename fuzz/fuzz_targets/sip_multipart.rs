//! Splits an arbitrary body with a boundary taken from the input: it must never panic, every
//! part must lie inside the body, and a body written from the parts splits back to them.
//!
//! Input layout: byte 0 = boundary length (mod 71), then the boundary, then the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sip_msg::multipart::{self, Boundary, PartSpec};

fuzz_target!(|data: &[u8]| {
    let Some((&len, rest)) = data.split_first() else {
        return;
    };
    let len = usize::from(len % 71).min(rest.len());
    let (boundary, body) = rest.split_at(len);
    let Ok(boundary) = std::str::from_utf8(boundary) else {
        return;
    };
    let Ok(parts) = multipart::split(body, boundary) else {
        return;
    };
    let mut bodies = Vec::new();
    for part in parts {
        let Ok(part) = part else { return };
        let range = body.as_ptr_range();
        assert!(range.contains(&part.body().as_ptr()) || part.body().is_empty());
        let _ = part.headers().count();
        bodies.push(part.body());
    }
    let specs: Vec<_> = bodies
        .iter()
        .map(|b| PartSpec {
            headers: &[],
            body: b,
        })
        .collect();
    let chosen = Boundary::choose(u64::from(data.len() as u32), &specs);
    let mut out = Vec::new();
    multipart::write(&mut out, chosen.as_str(), &specs).expect("a chosen boundary fits");
    let again: Vec<_> = multipart::split(&out, chosen.as_str())
        .expect("written body splits")
        .map(|p| p.expect("written part parses").body())
        .collect();
    assert_eq!(again, bodies);
});
