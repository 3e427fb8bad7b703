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

/// One of `names` with each letter in either case, or a near miss of it: a letter appended,
/// the last one cut or the first one replaced by `@`. Direct paths that match parameter
/// names as words must recognise exactly what the grammar's case-insensitive comparison does.
pub(crate) fn name_in_any_case(names: Vec<&'static str>) -> impl Strategy<Value = String> {
    (prop::sample::select(names), any::<u8>(), 0u8..4).prop_map(|(name, flips, edit)| {
        let mut name: Vec<u8> = name
            .bytes()
            .enumerate()
            .map(|(i, b)| {
                if flips >> (i % 8) & 1 == 1 {
                    b.to_ascii_uppercase()
                } else {
                    b
                }
            })
            .collect();
        match edit {
            0 => name.push(b's'),
            1 => drop(name.pop()),
            2 => name[0] = b'@',
            _ => {}
        }
        String::from_utf8(name).expect("ASCII names stay UTF-8")
    })
}
