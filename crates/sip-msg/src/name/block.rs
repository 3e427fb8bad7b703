//! Header names recognized inside the words the line scanner has already loaded: one table
//! of every known name of up to sixteen bytes and every compact form, case-folded into two
//! little-endian words, reached with one multiplication.

use super::HeaderName;

impl HeaderName {
    /// [`HeaderName::recognize`] for a name of `len` bytes (at most 16) that starts the
    /// sixteen bytes `low`, `high` (little-endian words) of a header line.
    ///
    /// The name is case-folded inside the words the line scanner has already loaded and
    /// looked up in one table that holds every known name of up to sixteen bytes and every
    /// compact form: one multiplication, one load and two comparisons, without copying the
    /// name into windows. The result is that of [`HeaderName::recognize`]: both compare
    /// bytes with the ASCII case bit ignored (compact forms included, as only letters fold
    /// onto letters).
    pub(crate) fn recognize_block(low: u64, high: u64, len: usize) -> HeaderName {
        const CASE: u64 = 0x2020_2020_2020_2020;
        let Some(&(low_mask, high_mask)) = LENGTH_MASKS.get(len) else {
            return HeaderName::Other;
        };
        let (low, high) = ((low | CASE) & low_mask, (high | CASE) & high_mask);
        match NAME_WORDS.get(block_hash(low, high)) {
            Some(&(candidate, l, h)) if l == low && h == high => candidate,
            _ => HeaderName::Other,
        }
    }
}

/// For each name length up to sixteen, the bits of its bytes in the two words of a block.
/// Length 0 keeps nothing, and no name folds to two zero words.
static LENGTH_MASKS: [(u64, u64); 17] = {
    let mut masks = [(0u64, 0u64); 17];
    let mut len = 1;
    while len <= 16 {
        masks[len] = if len <= 8 {
            (u64::MAX >> (64 - 8 * len), 0)
        } else {
            (u64::MAX, u64::MAX >> (128 - 8 * len))
        };
        len += 1;
    }
    masks
};

/// Multiplier and rotation of [`block_hash`], chosen so that no two entries of
/// [`NAME_WORDS`] share a slot; building the table fails at compile time if one does.
const BLOCK_HASH_MULTIPLIER: u64 = 0x4be8_588f_6d9f_511b;
const BLOCK_HASH_ROTATION: u32 = 44;

/// A slot in 0..256 for a case-folded name of up to sixteen bytes, given as two zero-padded
/// little-endian words.
const fn block_hash(low: u64, high: u64) -> usize {
    let key = low ^ high.rotate_left(BLOCK_HASH_ROTATION);
    (key.wrapping_mul(BLOCK_HASH_MULTIPLIER) >> 56) as usize
}

/// Every known name of up to sixteen bytes and every compact form, by [`block_hash`] slot:
/// the name and its spelling case-folded (every byte ORed with 0x20) into two zero-padded
/// little-endian words. Empty slots hold [`HeaderName::Other`].
static NAME_WORDS: [(HeaderName, u64, u64); 256] = build_name_words();

const fn build_name_words() -> [(HeaderName, u64, u64); 256] {
    let mut table = [(HeaderName::Other, u64::MAX, u64::MAX); 256];
    let mut i = 0;
    while i < HeaderName::ALL.len() {
        let name = HeaderName::ALL[i];
        let canonical = name.as_str().as_bytes();
        if canonical.len() <= 16 {
            let (low, high) = (folded_word(canonical, 0), folded_word(canonical, 8));
            table = with_entry(table, name, low, high);
        }
        if let Some(compact) = name.compact() {
            table = with_entry(table, name, compact as u64 | 0x20, 0);
        }
        i += 1;
    }
    table
}

const fn with_entry(
    mut table: [(HeaderName, u64, u64); 256],
    name: HeaderName,
    low: u64,
    high: u64,
) -> [(HeaderName, u64, u64); 256] {
    let slot = block_hash(low, high);
    assert!(
        matches!(table[slot].0, HeaderName::Other),
        "header name block hash collision"
    );
    table[slot] = (name, low, high);
    table
}

/// The bytes of `name` from `at` (up to eight), each ORed with 0x20, as a zero-padded
/// little-endian word.
const fn folded_word(name: &[u8], at: usize) -> u64 {
    let mut word = 0u64;
    let mut i = 0;
    while i < 8 && at + i < name.len() {
        word |= ((name[at + i] | 0x20) as u64) << (8 * i);
        i += 1;
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `recognize_block` over `name` followed by `rest` (the rest of the line's first block).
    fn by_block(name: &[u8], rest: &[u8]) -> HeaderName {
        let mut block = [0u8; 16];
        for (i, b) in name.iter().chain(rest).take(16).enumerate() {
            block[i] = *b;
        }
        let (low, high) = block.split_at(8);
        let word = |w: &[u8]| u64::from_le_bytes(w.try_into().unwrap());
        HeaderName::recognize_block(word(low), word(high), name.len())
    }

    #[test]
    fn block_recognition_agrees_on_every_known_name_and_its_near_misses() {
        let mut names: Vec<Vec<u8>> = Vec::new();
        for &name in HeaderName::ALL {
            let canonical = name.as_str().as_bytes();
            names.push(canonical.to_vec());
            names.push(canonical.to_ascii_uppercase());
            names.extend(
                name.compact()
                    .map(|c| vec![c as u8, c.to_ascii_uppercase() as u8]),
            );
            for at in 0..canonical.len() {
                for b in [b'@', b'`', b'{', b'x', b' ', 0x80, canonical[at] ^ 0x20] {
                    let mut near = canonical.to_vec();
                    near[at] = b;
                    names.push(near);
                }
                names.push(canonical[..at].to_vec());
            }
        }
        for name in names.iter().filter(|n| n.len() <= 16) {
            for rest in [&b": value"[..], b"\xff\xff\xff\xff\xff\xff\xff\xff", b""] {
                assert_eq!(
                    by_block(name, rest),
                    HeaderName::recognize(name),
                    "{:?}",
                    String::from_utf8_lossy(name)
                );
            }
        }
    }

    proptest::proptest! {
        /// For any name of up to sixteen bytes without control bytes, followed by any bytes
        /// in its block, recognizing it from the block gives the same name as recognizing the
        /// name's own bytes.
        #[test]
        fn block_recognition_equals_recognition(
            name in proptest::collection::vec(0x20u8..=0xff, 0..=16),
            rest in proptest::collection::vec(proptest::num::u8::ANY, 16),
        ) {
            proptest::prop_assert_eq!(by_block(&name, &rest), HeaderName::recognize(&name));
        }
    }
}
