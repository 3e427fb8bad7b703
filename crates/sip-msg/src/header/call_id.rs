//! Call-ID (RFC 3261 20.8): `callid = word [ "@" word ]`.

use crate::block::name_run_end;
use crate::grammar::{is_word, Scanner};
use crate::ValueError;
use core::fmt;

/// The Call-ID of a dialog. Call-IDs compare byte for byte (case-sensitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CallId<'a>(&'a str);

impl<'a> CallId<'a> {
    /// Parses a Call-ID value; surrounding whitespace is ignored.
    ///
    /// ```
    /// use sip_msg::header::CallId;
    /// let id = CallId::parse(" a84b4c76e66710@pc33.atlanta.com ").unwrap();
    /// assert_eq!(id.as_str(), "a84b4c76e66710@pc33.atlanta.com");
    /// ```
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        match Self::is_common(value) {
            true => Ok(CallId(value)),
            false => Self::parse_grammar(value),
        }
    }

    fn parse_grammar(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        let start = s.pos();
        s.take_some(is_word, "word")?;
        if s.eat(b'@') {
            s.take_some(is_word, "word")?;
        }
        let id = s.slice(start, s.pos());
        s.finish("end of Call-ID")?;
        Ok(CallId(id))
    }

    /// The Call-ID text.
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

impl CallId<'_> {
    /// Whether `value` is `word [ "@" word ]` with nothing around it, checked without the
    /// scanner: as runs of the usual letters, digits, `-` and `.` (sixteen bytes at a time
    /// where the target allows), else in one pass over the bytes (`@` is not a word
    /// character). The grammar handles the rest.
    fn is_common(value: &str) -> bool {
        let bytes = value.as_bytes();
        is_plain(bytes) || is_word_at_word(bytes)
    }
}

/// Whether `bytes` are one or two runs of letters, digits, `-` and `.` (all `word` bytes),
/// two joined by one `@`: the shape of nearly every Call-ID.
fn is_plain(bytes: &[u8]) -> bool {
    let end = name_run_end(bytes, 0);
    match bytes.get(end) {
        None => end > 0,
        Some(b'@') => {
            end > 0 && end + 1 < bytes.len() && name_run_end(bytes, end + 1) == bytes.len()
        }
        Some(_) => false,
    }
}

/// The byte-by-byte check of [`CallId::is_common`].
fn is_word_at_word(bytes: &[u8]) -> bool {
    match first_non_word(bytes) {
        None => !bytes.is_empty(),
        Some(at) => {
            let host = bytes.get(at + 1..).unwrap_or(&[]);
            at > 0
                && bytes.get(at) == Some(&b'@')
                && !host.is_empty()
                && first_non_word(host).is_none()
        }
    }
}

/// The offset of the first byte of `bytes` that is not a `word` character. Call-IDs are
/// long (often thirty bytes or more), so four bytes are classified per branch until a
/// group holds a non-word byte.
fn first_non_word(bytes: &[u8]) -> Option<usize> {
    let mut quads = bytes.chunks_exact(4);
    let mut done = 0;
    for quad in &mut quads {
        if let [a, b, c, d] = *quad {
            if !(is_word(a) & is_word(b) & is_word(c) & is_word(d)) {
                break;
            }
        }
        done += 4;
    }
    let rest = bytes.get(done..).unwrap_or(&[]);
    rest.iter().position(|&b| !is_word(b)).map(|at| done + at)
}

impl fmt::Display for CallId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;

    proptest::proptest! {
        /// Common shape or mutated, a value parses as the grammar parses it (the direct path
        /// answers only for `word [ "@" word ]` alone, which the grammar takes whole).
        #[test]
        fn parse_equals_the_grammar(value in crate::header::mutation::maybe_mutated(
            proptest::sample::select(vec!["3848276298220188511@198.51.100.7", "a", "a@", "@b",
                "a@b@c", "a b", " a@b ", "<x>:\"/[]?{}@y", ""])
                .prop_map(String::from),
        )) {
            proptest::prop_assert_eq!(CallId::parse(&value), CallId::parse_grammar(&value));
        }
    }

    proptest::proptest! {
        /// Values of letters, digits, `-`, `.`, `@` and a few other bytes, of every length
        /// around one and two blocks: the shortcut for the usual shape agrees with the byte
        /// check.
        #[test]
        fn the_shortcut_agrees_with_the_byte_check(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                4 => proptest::sample::select(vec!["a", "Z0", "-", ".", "@", "abcdefgh", "1234.567"]),
                1 => proptest::sample::select(vec!["_", "\"", " ", ";", "é"]),
            ], 0..12),
        ) {
            let value = pieces.concat();
            proptest::prop_assert_eq!(
                CallId::is_common(&value),
                is_word_at_word(value.as_bytes())
            );
        }
    }

    #[test]
    fn the_usual_call_id_takes_the_shortcut() {
        let usual = b"3848276298220188511@198.51.100.7";
        assert!(is_plain(usual));
        assert!(!is_plain(b"@3848276298220188511.example"));
        assert!(!is_plain(b"3848276298220188511.example@"));
        assert!(!is_plain(b"38482762@98220188511@example"));
        // The `@` lies where the last sixteen bytes overlap the first block.
        assert!(is_plain(b"abcd.efgh@ijklmnopqr"));
    }

    #[test]
    fn parses_word_at_word() {
        assert_eq!(
            CallId::parse("f81d4fae-7dec@foo.bar.com").unwrap().as_str(),
            "f81d4fae-7dec@foo.bar.com"
        );
        assert_eq!(
            CallId::parse("\r\n a<b>{c}[d]?/\\\"").unwrap().as_str(),
            "a<b>{c}[d]?/\\\""
        );
        assert_eq!(CallId::parse("x@(y):z").unwrap().to_string(), "x@(y):z");
    }

    #[test]
    fn rejects_non_words_with_offsets() {
        assert_eq!(CallId::parse(""), Err(ValueError::new(0, "word")));
        assert_eq!(CallId::parse("a@"), Err(ValueError::new(2, "word")));
        assert_eq!(
            CallId::parse("a@b@c"),
            Err(ValueError::new(3, "end of Call-ID"))
        );
        assert_eq!(
            CallId::parse("a b"),
            Err(ValueError::new(2, "end of Call-ID"))
        );
        assert_eq!(
            CallId::parse("a;b"),
            Err(ValueError::new(1, "end of Call-ID"))
        );
        assert_eq!(CallId::parse("é"), Err(ValueError::new(0, "word")));
    }

    #[test]
    fn comparison_is_case_sensitive() {
        assert_ne!(CallId::parse("ABC").unwrap(), CallId::parse("abc").unwrap());
    }
}
