//! Test support: header values in a common shape, then mutated by one byte, so that property
//! tests of the direct paths reach both their accepting and their refusing branches.

use proptest::prelude::*;

/// `text`, or `text` with one byte inserted, removed or replaced by a byte that matters to
/// the header grammars (separators, whitespace, quotes, brackets, a letter, a digit).
pub(crate) fn maybe_mutated(text: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    let mutation = (
        any::<prop::sample::Index>(),
        0u8..3,
        prop::sample::select(b" ;:=,.[]\"/\\\t\r\n<>@0aZ-".to_vec()),
    );
    (text, proptest::option::of(mutation)).prop_map(|(text, mutation)| {
        let Some((at, kind, byte)) = mutation else {
            return text;
        };
        let mut bytes = text.into_bytes();
        let at = at.index(bytes.len() + 1);
        match kind {
            0 => bytes.insert(at, byte),
            1 if at < bytes.len() => drop(bytes.remove(at)),
            _ if at < bytes.len() => bytes[at] = byte,
            _ => bytes.push(byte),
        }
        String::from_utf8(bytes).expect("ASCII mutations keep UTF-8")
    })
}
