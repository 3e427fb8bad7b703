//! Transaction ids (RFC 4975 §9: `ident = ALPHANUM 3*31ident-char`).

use core::fmt;

/// Shortest transaction id.
pub const MIN_LEN: usize = 4;
/// Longest transaction id.
pub const MAX_LEN: usize = 32;

/// A transaction id borrowed from a frame: 4 to 32 `ident` characters, starting alphanumeric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransactionId<'a>(&'a str);

impl<'a> TransactionId<'a> {
    /// Checks `s` against the `ident` grammar; `Err` holds the offset of the first bad byte
    /// (or the length when the id is too short or too long).
    pub fn new(s: &'a str) -> Result<Self, usize> {
        check_ident(s.as_bytes())?;
        Ok(TransactionId(s))
    }

    /// The id as written.
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

impl fmt::Display for TransactionId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Whether `c` may appear after the first character of an `ident`.
pub fn is_ident_char(c: u8) -> bool {
    IDENT_CHARS[usize::from(c)]
}

/// `ident-char` by byte: every id and Message-ID of every frame goes through it.
static IDENT_CHARS: [bool; 256] = ident_chars();

const fn ident_chars() -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+' | b'%' | b'=');
        i += 1;
    }
    table
}

/// The transaction id at the start of `s` (a start line after `MSRP `) and the rest after the
/// SP that ends it. `Err(None)` when there is no SP; `Err(Some(i))` when the id breaks the
/// grammar at `i`, as [`TransactionId::new`] says. Inlined into the head parser, where the
/// call would cost as much as the id.
#[inline]
pub(crate) fn split_id(s: &str) -> Result<(TransactionId<'_>, &str), Option<usize>> {
    // One pass finds both where the id ends and whether all of it is ident characters.
    let end = s.bytes().position(|c| !is_ident_char(c));
    let split = end
        .filter(|&end| s.as_bytes().get(end) == Some(&b' '))
        .and_then(|end| Some((s.get(..end)?, s.get(end + 1..)?)));
    match split {
        Some((id, rest)) => {
            check_ident_shape(id.as_bytes())?;
            Ok((TransactionId(id), rest))
        }
        None => split_id_general(s),
    }
}

/// `split_id` as the grammar reads it: up to the first SP, then the id.
fn split_id_general(s: &str) -> Result<(TransactionId<'_>, &str), Option<usize>> {
    let (id, rest) = s.split_once(' ').ok_or(None)?;
    Ok((TransactionId::new(id).map_err(Some)?, rest))
}

/// Checks the `ident` grammar (also used by Message-ID); `Err` holds the offending offset.
pub fn check_ident(b: &[u8]) -> Result<(), usize> {
    if let Some(i) = b.iter().position(|&c| !is_ident_char(c)) {
        return Err(i);
    }
    check_ident_shape(b)
}

/// The rest of `check_ident` once every byte is an `ident-char`.
fn check_ident_shape(b: &[u8]) -> Result<(), usize> {
    if !b.first().is_some_and(u8::is_ascii_alphanumeric) {
        return Err(0);
    }
    if b.len() < MIN_LEN || b.len() > MAX_LEN {
        return Err(b.len().min(MAX_LEN));
    }
    Ok(())
}

/// Random numbers for transaction ids. The crate has no randomness of its own: the caller
/// supplies it (a closure `FnMut() -> u64` works), so runs can be replayed from a seed.
pub trait RandomSource {
    /// The next random 64-bit value.
    fn next_u64(&mut self) -> u64;
}

impl<F: FnMut() -> u64> RandomSource for F {
    fn next_u64(&mut self) -> u64 {
        self()
    }
}

/// A small seeded generator (SplitMix64) for tests and for callers without a better source.
/// Not cryptographic: transaction ids only need to be unpredictable enough not to collide.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl RandomSource for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Length of the transaction ids [`random_id`] makes.
pub const GENERATED_LEN: usize = 10;

/// Ten alphanumeric characters from one random value (62^10 < 2^64).
pub fn random_id(rng: &mut impl RandomSource) -> [u8; GENERATED_LEN] {
    const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut n = rng.next_u64();
    let mut id = [b'0'; GENERATED_LEN];
    for c in id.iter_mut() {
        *c = ALPHABET.get((n % 62) as usize).copied().unwrap_or(b'0');
        n /= 62;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_4_to_32_ident_chars() {
        assert!(TransactionId::new("a1b2").is_ok());
        assert!(TransactionId::new("dkei38sd").is_ok());
        assert!(TransactionId::new("A.-+%=b").is_ok());
        assert!(TransactionId::new(&"x".repeat(32)).is_ok());
    }

    #[test]
    fn rejects_bad_ids_with_offset() {
        assert_eq!(TransactionId::new("abc"), Err(3));
        assert_eq!(TransactionId::new(&"x".repeat(33)), Err(32));
        assert_eq!(TransactionId::new(".abc"), Err(0));
        assert_eq!(TransactionId::new("ab$cd"), Err(2));
        assert_eq!(TransactionId::new(""), Err(0));
    }

    #[test]
    fn random_ids_are_valid_and_follow_the_seed() {
        let mut a = SplitMix64(7);
        let mut b = SplitMix64(7);
        let first = random_id(&mut a);
        assert_eq!(first, random_id(&mut b));
        assert_ne!(first, random_id(&mut a));
        assert_eq!(check_ident(&first), Ok(()));
        let mut zero = || 0u64;
        assert_eq!(&random_id(&mut zero), b"0000000000");
    }

    /// Start lines after `MSRP `: ids of ident characters and a few others, of lengths around
    /// the limits, with or without the SP and what follows.
    fn after_msrp() -> impl Strategy<Value = String> {
        (
            "[a-zA-Z0-9.+%=\\-]{0,2}[a-z0-9$ _/\\-]?[a-zA-Z0-9]{0,34}",
            "( |  |\t)?",
            "[A-Z0-9 ]{0,5}",
        )
            .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// For any text, the one-pass `split_id` returns what splitting at the first SP and
        /// then checking the id returns: the same id and rest, or the same error and offset.
        #[test]
        fn split_id_agrees_with_the_grammar(s in after_msrp()) {
            prop_assert_eq!(split_id(&s), split_id_general(&s));
        }
    }
}
