//! The one-pass reading of the URI shape every session writes (`msrp[s]://host[:port]/id;tcp`,
//! with a name or IPv4 host and optional token parameters). Each byte is classified once with
//! the table of `syntax`; anything else (userinfo, `%` escapes, IPv6, an empty port, any
//! error) returns `None` so that the general parser reads it and reports the same error at the
//! same offset as always.

use super::syntax::{check_params, is_alphanumeric, is_host_char, is_session_id_char};
use super::{MsrpUri, Scheme};

/// Ports longer than this many digits are left to the general parser (which accepts leading
/// zeros) so the value here always fits in a `u32`.
const MAX_PORT_DIGITS: usize = 5;

/// The URI when `s` has the common shape and is valid; `None` when the general parser must
/// decide.
pub(super) fn parse_plain(s: &str) -> Option<MsrpUri<'_>> {
    let shape = shape(s)?;
    let session_id = match shape.session_id {
        Some((start, end)) => Some(s.get(start..end)?),
        None => None,
    };
    Some(MsrpUri {
        source: Some(s),
        scheme: shape.scheme,
        userinfo: None,
        host: s.get(shape.host.0..shape.host.1)?,
        ipv6: false,
        port: shape.port,
        session_id,
        transport: s.get(shape.transport.0..shape.transport.1)?,
        params: s.get(shape.transport.1..)?,
    })
}

/// Whether `s` has the common shape and is valid, read by the same scan as
/// [`parse_plain`] without slicing out its parts.
#[inline(always)]
pub(super) fn is_plain(s: &str) -> bool {
    shape(s).is_some()
}

/// Where the parts of a URI of the common shape are: `(start, end)` byte positions, each of
/// them just after an ASCII byte or at the end, so always a character boundary. The
/// parameters run from the end of the transport to the end of the text.
struct Shape {
    scheme: Scheme,
    host: (usize, usize),
    port: Option<u16>,
    session_id: Option<(usize, usize)>,
    transport: (usize, usize),
}

#[inline(always)]
fn shape(s: &str) -> Option<Shape> {
    let b = s.as_bytes();
    let shape = head(b)?;
    let t_end = shape.transport.1;
    if t_end < b.len() {
        let params = s.get(t_end..)?;
        if !params.starts_with(';') || check_params(params, t_end).is_err() {
            return None;
        }
    }
    Some(shape)
}

/// The length of the URI of the common shape without parameters that starts `b`, when the
/// byte after it is below `!` or from 0x80, or there is none. No byte of a URI's scheme,
/// host, port, session-id or transport is one of those, so every run of the
/// scan stops at or before that byte: the scan reads exactly what it would read on the URI
/// alone, which [`is_plain`] then accepts.
#[inline(always)]
pub(super) fn plain_prefix_len(b: &[u8]) -> Option<usize> {
    let t_end = head(b)?.transport.1;
    match b.get(t_end) {
        Some(c) if (b'!'..0x80).contains(c) => None,
        _ => Some(t_end),
    }
}

/// The parts of the common shape up to the end of the transport; what follows is not read.
#[inline(always)]
fn head(b: &[u8]) -> Option<Shape> {
    let (scheme, host_start) = scheme(b)?;
    let host_end = span(b, host_start, is_host_char);
    if host_end == host_start {
        return None;
    }
    let mut pos = host_end;
    let mut port = None;
    if b.get(pos) == Some(&b':') {
        let (value, end) = port_digits(b, pos + 1)?;
        port = Some(value);
        pos = end;
    }
    let mut session_id = None;
    if b.get(pos) == Some(&b'/') {
        let end = span(b, pos + 1, is_session_id_char);
        if end == pos + 1 {
            return None;
        }
        session_id = Some((pos + 1, end));
        pos = end;
    }
    if b.get(pos) != Some(&b';') {
        return None;
    }
    let t_end = span(b, pos + 1, is_alphanumeric);
    if t_end == pos + 1 {
        return None;
    }
    Some(Shape {
        scheme,
        host: (host_start, host_end),
        port,
        session_id,
        transport: (pos + 1, t_end),
    })
}

/// The scheme and where the authority starts. Lower case, as written by every peer, is
/// compared as one word; other cases go through the case-insensitive comparison.
#[inline(always)]
fn scheme(b: &[u8]) -> Option<(Scheme, usize)> {
    let head: [u8; 8] = b.get(..8)?.try_into().ok()?;
    let word = u64::from_le_bytes(head);
    let seven = word & 0x00ff_ffff_ffff_ffff;
    if seven == u64::from_le_bytes(*b"msrp://\0") {
        Some((Scheme::Msrp, 7))
    } else if word == u64::from_le_bytes(*b"msrps://") {
        Some((Scheme::Msrps, 8))
    } else if head[..7].eq_ignore_ascii_case(b"msrp://") {
        Some((Scheme::Msrp, 7))
    } else if head.eq_ignore_ascii_case(b"msrps://") {
        Some((Scheme::Msrps, 8))
    } else {
        None
    }
}

/// The end of the run of bytes from `start` that `class` accepts. Four bytes are classified
/// per branch, since host and session-id runs are mostly longer than that.
#[inline(always)]
fn span(b: &[u8], start: usize, class: fn(u8) -> bool) -> usize {
    let rest = b.get(start..).unwrap_or_default();
    let mut done = 0;
    for four in rest.chunks_exact(4) {
        if let [w, x, y, z] = *four {
            if !(class(w) & class(x) & class(y) & class(z)) {
                break;
            }
        }
        done += 4;
    }
    let tail = rest.get(done..).unwrap_or_default();
    tail.iter()
        .position(|&c| !class(c))
        .map_or(b.len(), |i| start + done + i)
}

/// A port of one to [`MAX_PORT_DIGITS`] digits below 65536, and where it ends.
fn port_digits(b: &[u8], start: usize) -> Option<(u16, usize)> {
    let mut value = 0u32;
    let mut end = start;
    while let Some(digit) = b
        .get(end)
        .and_then(|c| c.checked_sub(b'0'))
        .filter(|d| *d < 10)
    {
        if end - start == MAX_PORT_DIGITS {
            return None;
        }
        value = value * 10 + u32::from(digit);
        end += 1;
    }
    if end == start {
        return None;
    }
    Some((u16::try_from(value).ok()?, end))
}

#[cfg(test)]
mod tests {
    use super::super::{MsrpUri, UriError};
    use super::{parse_plain, plain_prefix_len};
    use proptest::prelude::*;

    #[test]
    fn common_shapes_take_the_one_pass_path() {
        for s in [
            "msrp://198.51.100.7:7394/9di4eae923s;tcp",
            "MSRPS://relay.example.com/a+b=/c;tls;lr;x=y",
            "msrp://h:65535;tcp",
        ] {
            assert_eq!(
                parse_plain(s).map(Ok),
                Some(MsrpUri::parse_general(s)),
                "{s}"
            );
        }
    }

    #[test]
    fn unusual_shapes_are_left_to_the_general_parser() {
        for s in [
            "msrp://u@h/s;tcp",
            "msrp://[::1]/s;tcp",
            "msrp://h%41/s;tcp",
            "msrp://h:/s;tcp",
            "msrp://h:000080/s;tcp",
            "msrp://h:65536/s;tcp",
            "msrp://h/s;tcp;",
            "msrp://h/s",
        ] {
            assert_eq!(parse_plain(s), None, "{s}");
        }
    }

    fn general(s: &str) -> Result<MsrpUri<'_>, UriError> {
        MsrpUri::parse_general(s)
    }

    /// URIs built from pieces that are mostly right but often wrong in the ways the grammar
    /// cares about: scheme case and separator, userinfo, escapes, IPv6, port length and value,
    /// session-id and transport characters, parameters.
    fn uri_text() -> impl Strategy<Value = String> {
        (
            "(msrp|msrps|MSRP|MsRpS|sip|msr)(://|:/|:)",
            "([a-z0-9%:]{0,4}@)?",
            "[a-z0-9.\\-!%;=\\[\\]:@A-F]{0,12}|[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|\\[[0-9a-f:]{0,8}\\]",
            "(:[0-9]{0,7}x?)?",
            "(/[a-zA-Z0-9+=/.~@%;-]{0,10})?",
            "(;[a-z0-9\\-]{0,4})?",
            "(;[a-z=@%!;]{0,4}){0,2}",
        )
            .prop_map(|(a, b, c, d, e, f, g)| format!("{a}{b}{c}{d}{e}{f}{g}"))
    }

    /// Edits `s` at `at` (clamped to its length): `how` 0 replaces the byte there with
    /// `byte`, 1 inserts `byte`, anything else removes the byte there.
    fn mutate(s: &mut String, at: usize, byte: char, how: u8) {
        let at = at.min(s.len());
        match how {
            0 if at < s.len() => s.replace_range(at..=at, byte.encode_utf8(&mut [0; 4])),
            1 => s.insert(at, byte),
            _ if at < s.len() => {
                s.remove(at);
            }
            _ => {}
        }
    }

    /// What [`plain_prefix_len`] must give: the item runs to the first byte below `!` or
    /// from 0x80, and its length counts when the one-pass parse accepts the item and finds no
    /// parameters in it.
    fn expected_prefix_len(b: &[u8]) -> Option<usize> {
        let end = b
            .iter()
            .position(|c| !(b'!'..0x80).contains(c))
            .unwrap_or(b.len());
        let item = core::str::from_utf8(b.get(..end)?).ok()?;
        parse_plain(item)
            .filter(|uri| uri.params.is_empty())
            .map(|_| end)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// For a generated URI followed by a separator (space, line end, control byte, DEL,
        /// a non-ASCII character, a visible byte or nothing) and more text, `plain_prefix_len`
        /// is the length of the item before the first byte below `!` or from 0x80 exactly when
        /// the one-pass parse accepts that item without parameters, and `None` otherwise; where
        /// it gives a length, `check` accepts that prefix.
        #[test]
        fn prefix_len_agrees_with_the_one_pass_parse(
            s in uri_text(),
            sep in "( |\r\n|\n|\t|\x00|\x7f|é|;|/|a|)",
            rest in "[ -~é]{0,12}",
        ) {
            let text = format!("{s}{sep}{rest}");
            let got = plain_prefix_len(text.as_bytes());
            prop_assert_eq!(got, expected_prefix_len(text.as_bytes()));
            if let Some(n) = got {
                prop_assert_eq!(MsrpUri::check(&text[..n]), Ok(()));
            }
        }

        /// The same holds for the bytes of a valid common URI and a following one with up to
        /// two bytes (any value, controls and bytes from 0x80 included) replaced, inserted or
        /// removed anywhere.
        #[test]
        fn prefix_len_agrees_on_mutated_lists(
            edits in proptest::collection::vec((0usize..56, any::<u8>(), 0u8..3), 1..3),
        ) {
            let mut b = b"msrp://198.51.100.7:7394/9di4eae923s;tcp msrp://h/x;tls\r\n".to_vec();
            for (at, byte, how) in edits {
                let at = at.min(b.len());
                match how {
                    0 if at < b.len() => b[at] = byte,
                    1 => b.insert(at, byte),
                    _ if at < b.len() => {
                        b.remove(at);
                    }
                    _ => {}
                }
            }
            let got = plain_prefix_len(&b);
            prop_assert_eq!(got, expected_prefix_len(&b));
            if let Some(n) = got {
                let uri = core::str::from_utf8(&b[..n]);
                prop_assert!(uri.is_ok_and(|uri| MsrpUri::check(uri).is_ok()));
            }
        }

        /// For any text, `parse` (one-pass path first) returns exactly what the general parser
        /// returns: the same fields when valid, the same error kind and offset when not.
        #[test]
        fn parse_agrees_with_the_general_parser(s in uri_text()) {
            prop_assert_eq!(MsrpUri::parse(&s), general(&s));
        }

        /// The same holds for a valid common URI with one byte replaced, inserted or removed
        /// anywhere.
        #[test]
        fn parse_agrees_on_mutated_uris(
            at in 0usize..48,
            byte in proptest::char::range(' ', '~'),
            how in 0u8..3,
        ) {
            let mut s = String::from("msrp://198.51.100.7:7394/9di4eae923s;tcp;lr=1");
            mutate(&mut s, at, byte, how);
            prop_assert_eq!(MsrpUri::parse(&s), general(&s));
        }

        /// `check` accepts exactly the texts `parse` accepts and, for the others, returns the
        /// same error kind and offset.
        #[test]
        fn check_agrees_with_parse(s in uri_text()) {
            prop_assert_eq!(MsrpUri::check(&s), MsrpUri::parse(&s).map(|_| ()));
        }

        /// The same holds for a valid common URI with up to two bytes replaced, inserted or
        /// removed anywhere.
        #[test]
        fn check_agrees_on_mutated_uris(
            edits in proptest::collection::vec((0usize..48, proptest::char::range(' ', '~'), 0u8..3), 1..3),
        ) {
            let mut s = String::from("msrps://relay.example.com:7394/9di4eae923s;tcp;lr=1");
            for (at, byte, how) in edits {
                mutate(&mut s, at, byte, how);
            }
            prop_assert_eq!(MsrpUri::check(&s), MsrpUri::parse(&s).map(|_| ()));
        }
    }
}
