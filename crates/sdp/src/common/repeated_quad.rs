//! The connection address of most offers repeats the origin's (`o=... IN IP4 a.b.c.d` then
//! `c=IN IP4 a.b.c.d`): the reader keeps the last dotted quad it read, and a quad whose bytes
//! are the same, ended the same way, is taken without being read again.

use crate::address::ipv4_prefix;
use core::net::Ipv4Addr;

/// The last dotted quad read in a pass: where its text is and its value.
#[derive(Default)]
pub(super) struct LastQuad {
    at: usize,
    len: usize,
    ip: Option<Ipv4Addr>,
}

impl LastQuad {
    /// [`ipv4_prefix`] at `at`, which gives the same for the same bytes up to the byte that
    /// ends the quad when that byte is neither a digit nor a dot (a digit would continue
    /// the last octet, a dot would start a fifth part).
    #[inline(always)]
    pub(super) fn read(&mut self, b: &[u8], at: usize) -> Option<(Ipv4Addr, usize)> {
        if let Some(ip) = self.ip {
            let end = at.wrapping_add(self.len);
            let ends_alike = !matches!(b.get(end), Some(b'0'..=b'9' | b'.'));
            if ends_alike && same_bytes(b, self.at, at, self.len) {
                return Some((ip, end));
            }
        }
        let (ip, end) = ipv4_prefix(b, at)?;
        *self = LastQuad {
            at,
            len: end - at,
            ip: Some(ip),
        };
        Some((ip, end))
    }
}

/// Whether the `len` (below 16) bytes at `a` and at `b` are the same, compared as 16-byte
/// words when both positions have sixteen bytes; `false` otherwise.
#[inline(always)]
fn same_bytes(bytes: &[u8], a: usize, b: usize, len: usize) -> bool {
    let word = |at: usize| {
        bytes
            .get(at..)
            .and_then(|rest| rest.first_chunk::<16>())
            .map(|w| u128::from_le_bytes(*w))
    };
    let (Some(x), Some(y)) = (word(a), word(b)) else {
        return false;
    };
    let mask = 1u128
        .checked_shl(8 * len as u32)
        .map_or(u128::MAX, |bit| bit - 1);
    (x ^ y) & mask == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Dotted quads near each other: one address, and others that share its first bytes
    /// and differ in the last ones, are longer, or go on with a digit or a dot.
    fn quad_text() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "198.51.100.7",
            "198.51.100.7",
            "198.51.100.70",
            "198.51.100.75",
            "198.51.100.8",
            "198.51.100",
            "198.51.100.7.1",
            "198.51.100.07",
            "198.51.100.255",
            "198.51.100.256",
            "0.0.0.0",
            "1.2.3.4",
            "198.51.100.7x",
        ])
        .prop_map(String::from)
    }

    fn ending() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "\r\n",
            "\n",
            " ",
            ".",
            "5",
            "",
            "\r\nc=IN IP4 1.2.3.4\r\n",
        ])
    }

    proptest! {
        /// Reading two quads in a row with the last one kept gives, for the second, exactly
        /// what reading it afresh gives, whatever the two texts and what follows them.
        #[test]
        fn the_kept_quad_reads_like_a_fresh_one(
            first in quad_text(),
            first_end in ending(),
            second in quad_text(),
            second_end in ending(),
            padding in 0usize..3,
        ) {
            let text = format!(
                "{first}{first_end}{}{second}{second_end}",
                "x".repeat(padding)
            );
            let b = text.as_bytes();
            let at = first.len() + first_end.len() + padding;
            let mut last = LastQuad::default();
            prop_assert_eq!(last.read(b, 0), ipv4_prefix(b, 0));
            prop_assert_eq!(last.read(b, at), ipv4_prefix(b, at), "{:?}", text);
        }
    }

    proptest! {
        /// A description whose c= address is the o= one, or shares its first bytes, or
        /// goes on past it, parses exactly as the general scanner and field parsers read it.
        #[test]
        fn descriptions_with_near_addresses_agree_with_the_general_parse(
            origin in quad_text(),
            connection in quad_text(),
            ending in prop::sample::select(vec!["", ".", "5", " ", "/127"]),
        ) {
            let text = format!(
                "v=0\r\no=- 1 1 IN IP4 {origin}\r\ns=-\r\nc=IN IP4 {connection}{ending}\r\n\
                 t=0 0\r\nm=message 7394 TCP/MSRP *\r\nc=IN IP4 {origin}\r\n\
                 a=path:msrp://h/s;tcp\r\n"
            );
            let limits = crate::limits::Limits::default();
            prop_assert_eq!(
                crate::parse::parse(text.as_bytes(), &limits),
                crate::parse::parse_general(text.as_bytes(), &limits),
                "{:?}", text
            );
        }
    }

    #[test]
    fn a_repeated_quad_is_taken_from_the_last_one() {
        let text = b"198.51.100.7\r\nc=IN IP4 198.51.100.7\r\na=x\r\n";
        let mut last = LastQuad::default();
        let first = last.read(text, 0);
        assert!(same_bytes(text, 0, 23, 12));
        assert_eq!(last.read(text, 23), first.map(|(ip, _)| (ip, 35)));
    }
}
