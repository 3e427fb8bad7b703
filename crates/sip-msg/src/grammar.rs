//! The character classes and small productions of RFC 3261 section 25, shared by every typed
//! header parser and the URI parser.
//!
//! Header values are borrowed straight from the message, so they may still contain folded lines
//! (CRLF followed by SP or HTAB). Every whitespace rule here treats such a fold as whitespace,
//! which spares the message layer from unfolding into a new buffer.

mod quoted;
mod scanner;

pub use quoted::{write_quoted, Comment, QuotedString, Unquoted};
pub use scanner::Scanner;

const TOKEN: u16 = 1;
const WORD: u16 = 1 << 1;
const SEPARATOR: u16 = 1 << 2;
const UNRESERVED: u16 = 1 << 3;
const RESERVED: u16 = 1 << 4;
const PARAM_UNRESERVED: u16 = 1 << 5;
const HNV_UNRESERVED: u16 = 1 << 6;
const USER_UNRESERVED: u16 = 1 << 7;
const PASSWORD_EXTRA: u16 = 1 << 8;
const HEX: u16 = 1 << 9;
const CTEXT: u16 = 1 << 10;
const QDTEXT: u16 = 1 << 11;
const HOST_NAME: u16 = 1 << 12;

const fn member(set: &[u8], b: u8) -> bool {
    let mut i = 0;
    while i < set.len() {
        if set[i] == b {
            return true;
        }
        i += 1;
    }
    false
}

const fn classes_of(b: u8) -> u16 {
    let alnum = b.is_ascii_alphanumeric();
    let mut f = 0;
    if alnum || member(b"-.!%*_+`'~", b) {
        f |= TOKEN | WORD;
    }
    if member(b"()<>:\\\"/[]?{}", b) {
        f |= WORD;
    }
    if member(b"()<>@,;:\\\"/[]?={} \t", b) {
        f |= SEPARATOR;
    }
    if alnum || member(b"-_.!~*'()", b) {
        f |= UNRESERVED;
    }
    if member(b";/?:@&=+$,", b) {
        f |= RESERVED;
    }
    if member(b"[]/:&+$", b) {
        f |= PARAM_UNRESERVED;
    }
    if member(b"[]/?:+$", b) {
        f |= HNV_UNRESERVED;
    }
    if member(b"&=+$,;?/", b) {
        f |= USER_UNRESERVED;
    }
    if member(b"&=+$,", b) {
        f |= PASSWORD_EXTRA;
    }
    if b.is_ascii_hexdigit() {
        f |= HEX;
    }
    if alnum || b == b'-' || b == b'.' {
        f |= HOST_NAME;
    }
    // ctext and qdtext exclude whitespace here: LWS is handled by the scanners, which also
    // accept folded lines.
    if (b >= 0x21 && b <= 0x27) || (b >= 0x2A && b <= 0x5B) || (b >= 0x5D && b <= 0x7E) || b >= 0x80
    {
        f |= CTEXT;
    }
    if b == 0x21 || (b >= 0x23 && b <= 0x5B) || (b >= 0x5D && b <= 0x7E) || b >= 0x80 {
        f |= QDTEXT;
    }
    f
}

const fn build_table() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = classes_of(i as u8);
        i += 1;
    }
    table
}

/// One lookup per byte instead of a chain of comparisons: these predicates run on every byte of
/// every header value.
static CLASSES: [u16; 256] = build_table();

#[inline]
fn is(b: u8, class: u16) -> bool {
    CLASSES[usize::from(b)] & class != 0
}

/// `token` characters (RFC 3261 25.1): alphanumerics and `-.!%*_+` `` ` `` `'~`.
#[inline]
pub fn is_token(b: u8) -> bool {
    is(b, TOKEN)
}

/// `word` characters: the token set plus `()<>:\"/[]?{}` (used by Call-ID).
#[inline]
pub fn is_word(b: u8) -> bool {
    is(b, WORD)
}

/// `separators`: `()<>@,;:\"/[]?={}`, SP and HTAB.
#[inline]
pub fn is_separator(b: u8) -> bool {
    is(b, SEPARATOR)
}

/// URI `unreserved`: alphanumerics and the marks `-_.!~*'()`.
#[inline]
pub fn is_unreserved(b: u8) -> bool {
    is(b, UNRESERVED)
}

/// URI `reserved`: `;/?:@&=+$,`. Escaped forms of these are not equivalent to the plain byte.
#[inline]
pub fn is_reserved(b: u8) -> bool {
    is(b, RESERVED)
}

/// `param-unreserved` of SIP URI parameters: `[]/:&+$`.
#[inline]
pub fn is_param_unreserved(b: u8) -> bool {
    is(b, PARAM_UNRESERVED)
}

/// `hnv-unreserved` of SIP URI headers: `[]/?:+$`.
#[inline]
pub fn is_hnv_unreserved(b: u8) -> bool {
    is(b, HNV_UNRESERVED)
}

/// `user-unreserved` of the SIP URI user part: `&=+$,;?/`.
#[inline]
pub fn is_user_unreserved(b: u8) -> bool {
    is(b, USER_UNRESERVED)
}

/// Bytes a SIP URI user part may hold unescaped: `unreserved` or `user-unreserved`, with
/// one table lookup.
#[inline]
pub(crate) fn is_user_char(b: u8) -> bool {
    is(b, UNRESERVED | USER_UNRESERVED)
}

/// Bytes a SIP URI password may hold besides `unreserved` and escapes: `&=+$,`.
#[inline]
pub fn is_password_extra(b: u8) -> bool {
    is(b, PASSWORD_EXTRA)
}

/// `HEXDIG` (either case).
#[inline]
pub fn is_hex(b: u8) -> bool {
    is(b, HEX)
}

/// `ctext` of comments, without the LWS alternative.
#[inline]
pub fn is_ctext(b: u8) -> bool {
    is(b, CTEXT)
}

/// The bytes of a host name or an IPv4 address: letters, digits, `-` and `.`.
#[inline]
pub fn is_host_name(b: u8) -> bool {
    is(b, HOST_NAME)
}

/// `qdtext` of quoted strings, without the LWS alternative.
#[inline]
pub fn is_qdtext(b: u8) -> bool {
    is(b, QDTEXT)
}

/// Whether `text` equals `lower`, a word of lowercase letters, ignoring case. Setting bit 5
/// turns exactly the letters into lowercase letters, so one OR per byte is the whole
/// comparison; parameter and header names are matched this way on every parse.
#[inline]
pub(crate) fn eq_letters_ignore_case(text: &[u8], lower: &[u8]) -> bool {
    text.len() == lower.len() && text.iter().zip(lower).all(|(&a, &b)| a | 0x20 == b)
}

/// SP or HTAB.
#[inline]
pub fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Offset of the first byte at or after `at` that is not linear whitespace, where a line break
/// (CRLF, or a bare LF) counts as whitespace only when SP or HTAB follows it (a fold).
pub fn skip_sws(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut pos = at;
    loop {
        match bytes.get(pos) {
            Some(b' ' | b'\t') => pos += 1,
            Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') && fold_follows(bytes, pos + 2) => {
                pos += 3
            }
            Some(b'\n') if fold_follows(bytes, pos + 1) => pos += 2,
            _ => return pos,
        }
    }
}

fn fold_follows(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), Some(b' ' | b'\t'))
}

/// `text[from..to]` when both ends are character boundaries and in order. Sliced from one
/// end and then the other: each step checks one boundary inline, where a range slice calls
/// out to check both, a call the direct paths would pay for every value they read.
#[inline(always)]
pub(crate) fn sub(text: &str, from: usize, to: usize) -> Option<&str> {
    text.get(from..)?.get(..to.checked_sub(from)?)
}

/// Offset just past the end of a run of bytes matching `class`, starting at `at`.
pub fn span(text: &str, at: usize, class: impl Fn(u8) -> bool) -> usize {
    // An iterator over the rest compiles to a loop without a bounds check per byte.
    let rest = text.as_bytes().get(at..).unwrap_or(&[]);
    at + rest.iter().position(|&b| !class(b)).unwrap_or(rest.len())
}

/// `text` without leading and trailing linear whitespace (folds included).
pub fn trim_lws(text: &str) -> (usize, &str) {
    let start = skip_sws(text, 0);
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > start && matches!(bytes.get(end - 1), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        end -= 1;
    }
    (start, text.get(start..end).unwrap_or(""))
}

/// Parses a non-empty run of ASCII digits as a `u32`, `None` on overflow or a non-digit.
pub fn parse_u32(digits: &str) -> Option<u32> {
    parse_digits(digits.as_bytes())
}

/// [`parse_u32`] over bytes.
pub(crate) fn parse_digits(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &b| {
        let digit = u32::from(b.wrapping_sub(b'0'));
        if digit > 9 {
            return None;
        }
        acc.checked_mul(10)?.checked_add(digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ValueError;

    /// Every pair of ends in a text with multi-byte characters: the same slice, or the same
    /// refusal, as a range slice.
    #[test]
    fn sub_slices_as_a_range_does() {
        let text = "aé€b😀c";
        for from in 0..=text.len() + 1 {
            for to in 0..=text.len() + 1 {
                assert_eq!(sub(text, from, to), text.get(from..to), "{from}..{to}");
            }
        }
    }

    /// The exact token set of RFC 3261 25.1, checked byte by byte over all 256 values.
    #[test]
    fn token_set_is_exact() {
        for b in 0..=255u8 {
            let expected = b.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&b);
            assert_eq!(is_token(b), expected, "byte {b:#x}");
        }
    }

    #[test]
    fn word_set_is_exact() {
        for b in 0..=255u8 {
            let expected = b.is_ascii_alphanumeric() || b"-.!%*_+`'~()<>:\\\"/[]?{}".contains(&b);
            assert_eq!(is_word(b), expected, "byte {b:#x}");
        }
    }

    #[test]
    fn separator_set_is_exact() {
        for b in 0..=255u8 {
            let expected = b"()<>@,;:\\\"/[]?={} \t".contains(&b);
            assert_eq!(is_separator(b), expected, "byte {b:#x}");
            if expected {
                assert!(!is_token(b), "separator {b:#x} is no token byte");
            }
        }
    }

    /// For words of lowercase letters, the one-OR comparison answers as
    /// `eq_ignore_ascii_case` with every byte value in every position, and for every length.
    #[test]
    fn letters_compare_as_eq_ignore_ascii_case() {
        for word in ["tag", "branch", "rport", "received", "q", "expires"] {
            let mut text = word.as_bytes().to_vec();
            for at in 0..text.len() {
                let original = text[at];
                for b in 0..=255u8 {
                    text[at] = b;
                    let expected = text.eq_ignore_ascii_case(word.as_bytes());
                    assert_eq!(eq_letters_ignore_case(&text, word.as_bytes()), expected);
                }
                text[at] = original;
            }
            assert!(!eq_letters_ignore_case(&text[1..], word.as_bytes()));
            assert!(!eq_letters_ignore_case(
                &[text.as_slice(), b"s"].concat(),
                word.as_bytes()
            ));
        }
    }

    #[test]
    fn uri_classes() {
        assert!(is_unreserved(b'~') && is_unreserved(b'(') && !is_unreserved(b'%'));
        assert!(is_reserved(b';') && is_reserved(b'$') && !is_reserved(b'-'));
        assert!(is_param_unreserved(b'[') && !is_param_unreserved(b'?'));
        assert!(is_hnv_unreserved(b'?') && !is_hnv_unreserved(b'&'));
        assert!(is_user_unreserved(b';') && !is_user_unreserved(b':'));
        assert!(is_hex(b'f') && is_hex(b'F') && !is_hex(b'g'));
    }

    #[test]
    fn sws_accepts_folds_but_not_bare_line_ends() {
        assert_eq!(skip_sws(" \t x", 0), 3);
        assert_eq!(skip_sws("a\r\n  b", 1), 5);
        assert_eq!(skip_sws("a\n\tb", 1), 3);
        assert_eq!(skip_sws("a\r\nb", 1), 1);
        assert_eq!(skip_sws("a \r\n", 1), 2);
        assert_eq!(skip_sws("", 0), 0);
        assert_eq!(skip_sws("x", 9), 9);
    }

    #[test]
    fn trims_lws_on_both_sides() {
        assert_eq!(trim_lws(" \r\n a b \t"), (4, "a b"));
        assert_eq!(trim_lws("   "), (3, ""));
    }

    #[test]
    fn numbers_check_overflow() {
        assert_eq!(parse_u32("4294967295"), Some(u32::MAX));
        assert_eq!(parse_u32("4294967296"), None);
        assert_eq!(parse_u32("12a"), None);
        assert_eq!(parse_u32(""), None);
        let mut s = Scanner::new("99999999999");
        assert_eq!(s.number("digits"), Err(ValueError::new(0, "digits")));
    }
}
