//! IPv4 addresses (RFC 3261 25.1 `IPv4address`): the octet parser, and the readings of the
//! direct paths, which only need to know where an address ends.

/// The four octets of `1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT`, each at most 255.
pub(crate) fn parse_ipv4(text: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut octets = 0usize;
    let mut value = 0u16;
    let mut digits = 0u8;
    for b in text.bytes().chain(core::iter::once(b'.')) {
        match b {
            b'0'..=b'9' if digits < 3 => {
                value = value * 10 + u16::from(b - b'0');
                digits += 1;
            }
            b'.' if digits > 0 => {
                *out.get_mut(octets)? = u8::try_from(value).ok()?;
                octets += 1;
                value = 0;
                digits = 0;
            }
            _ => return None,
        }
    }
    (octets == 4).then_some(out)
}

/// Whether `text` is an IPv4 address, exactly when [`parse_ipv4`] gives its octets: each
/// octet is read as one, two or three digits without a loop, which a Via sent-by (nearly
/// always an address) reaches on every message.
pub(crate) fn is_ipv4(text: &[u8]) -> bool {
    ipv4_end(text, 0) == Some(text.len())
}

/// Where the four dotted octets of an IPv4 address starting at `at` end, whatever follows
/// them. A direct path reads an address this way without first finding where its host ends.
pub(crate) fn ipv4_end(text: &[u8], at: usize) -> Option<usize> {
    // An address is at most fifteen bytes: they are read from a fixed block of sixteen, with
    // no bounds check per byte. Past the text the block holds zeros, which end an address as
    // the end of the text does.
    let rest = text.get(at..)?;
    let block: [u8; 16] = match rest.get(..16) {
        Some(block) => block.try_into().ok()?,
        None => tail_block(text, rest.len())?,
    };
    block_ipv4_end(&block).map(|end| at + end)
}

/// The last `len` bytes of `text` (fewer than sixteen, at least one) followed by zeros. An
/// address at the end of a longer text, as in the `received` parameter that ends many
/// response Vias, takes its last sixteen bytes shifted down instead of a copy into zeros.
fn tail_block(text: &[u8], len: usize) -> Option<[u8; 16]> {
    let skip = 16usize.checked_sub(len).filter(|&skip| skip < 16)?;
    match text.len().checked_sub(16) {
        Some(from) => {
            let last = u128::from_le_bytes(text.get(from..)?.try_into().ok()?);
            Some((last >> (8 * skip)).to_le_bytes())
        }
        None => {
            let mut block = [0; 16];
            block
                .get_mut(..len)?
                .copy_from_slice(text.get(text.len().checked_sub(len)?..)?);
            Some(block)
        }
    }
}

/// [`ipv4_end`] over a block of sixteen bytes: each octet is one, two or three digits, at
/// most 255. Offsets wrap within the block, and never need to.
#[inline(always)]
fn block_ipv4_end(block: &[u8; 16]) -> Option<usize> {
    let digit = |i: usize| u16::from(block[i & 15].wrapping_sub(b'0'));
    let octet_end = |i: usize| match (digit(i), digit(i + 1), digit(i + 2)) {
        (a, _, _) if a > 9 => None,
        (_, b, _) if b > 9 => Some(i + 1),
        (_, _, c) if c > 9 => Some(i + 2),
        (a, b, c) => (a * 100 + b * 10 + c <= 255).then_some(i + 3),
    };
    let mut end = octet_end(0)?;
    for _ in 0..3 {
        if block[end & 15] != b'.' {
            return None;
        }
        end = octet_end(end + 1)?;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The address check without octets answers as the octet parser, for texts of
        /// digits and dots (octets of every length, values around 255, missing or extra
        /// parts) and for every address with one byte changed.
        #[test]
        fn the_address_check_agrees_with_the_octet_parser(
            text in proptest::collection::vec(proptest::sample::select(b"0125699..".to_vec()), 0..20),
            address in proptest::prelude::any::<[u8; 4]>(),
            (at, byte) in (0usize..16, proptest::sample::select(b"0259.a".to_vec())),
        ) {
            let text = String::from_utf8(text).unwrap();
            proptest::prop_assert_eq!(is_ipv4(text.as_bytes()), parse_ipv4(&text).is_some());
            let [a, b, c, d] = address;
            let mut text = format!("{a}.{b}.{c}.{d}").into_bytes();
            proptest::prop_assert!(is_ipv4(&text));
            let at = at % text.len();
            text[at] = byte;
            let text = String::from_utf8(text).unwrap();
            proptest::prop_assert_eq!(is_ipv4(text.as_bytes()), parse_ipv4(&text).is_some());
        }
    }

    /// The octet-by-octet reading the block replaced, each byte fetched with its own
    /// bounds check: the oracle of the test below.
    fn reference_ipv4_end(text: &[u8], at: usize) -> Option<usize> {
        let digit = |i: usize| {
            text.get(i)
                .map(|b| u16::from(b.wrapping_sub(b'0')))
                .filter(|d| *d <= 9)
        };
        let octet_end = |i: usize| match (digit(i)?, digit(i + 1), digit(i + 2)) {
            (_, None, _) => Some(i + 1),
            (_, _, None) => Some(i + 2),
            (a, Some(b), Some(c)) => (a * 100 + b * 10 + c <= 255).then_some(i + 3),
        };
        let mut end = octet_end(at)?;
        for _ in 0..3 {
            (text.get(end) == Some(&b'.')).then_some(())?;
            end = octet_end(end + 1)?;
        }
        Some(end)
    }

    proptest::proptest! {
        /// Addresses (or near misses) at any offset, followed by anything or by nothing: the
        /// block reading ends where the byte-by-byte reading does, or fails where it fails.
        #[test]
        fn the_block_reading_agrees_with_the_byte_reading(
            text in proptest::collection::vec(proptest::sample::select(b"0125699...:;a\0".to_vec()), 0..28),
            at in 0usize..30,
        ) {
            proptest::prop_assert_eq!(ipv4_end(&text, at), reference_ipv4_end(&text, at));
        }

        /// Where the prefix reading finds an address, the text up to its end is an address
        /// for the octet parser, and the reading never runs past the text.
        #[test]
        fn the_address_prefix_is_an_address(
            text in proptest::collection::vec(proptest::sample::select(b"0125699..a-".to_vec()), 0..24),
        ) {
            let text = String::from_utf8(text).unwrap();
            if let Some(end) = ipv4_end(text.as_bytes(), 0) {
                proptest::prop_assert!(end <= text.len());
                proptest::prop_assert!(parse_ipv4(&text[..end]).is_some());
            }
        }
    }
}
