//! The character classes and small productions of RFC 3261 section 25, shared by every typed
//! header parser and the URI parser.
//!
//! Header values are borrowed straight from the message, so they may still contain folded lines
//! (CRLF followed by SP or HTAB). Every whitespace rule here treats such a fold as whitespace,
//! which spares the message layer from unfolding into a new buffer.

use crate::ValueError;
use core::fmt;

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

/// `qdtext` of quoted strings, without the LWS alternative.
#[inline]
pub fn is_qdtext(b: u8) -> bool {
    is(b, QDTEXT)
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

/// Offset just past the end of a run of bytes matching `class`, starting at `at`.
pub fn span(text: &str, at: usize, class: fn(u8) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut pos = at;
    while bytes.get(pos).is_some_and(|&b| class(b)) {
        pos += 1;
    }
    pos
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
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u32, |acc, b| {
        let digit = u32::from(b.wrapping_sub(b'0'));
        if digit > 9 {
            return None;
        }
        acc.checked_mul(10)?.checked_add(digit)
    })
}

/// The content of a `quoted-string`, between the quotes, exactly as it was written (quoted
/// pairs still escaped, folds not yet replaced).
///
/// Equality compares the unescaped text with folds read as their whitespace, and `Display`
/// writes the quoted form back without line breaks, so a value read from a folded header can be
/// written into a new message.
#[derive(Debug, Clone, Copy)]
pub struct QuotedString<'a> {
    raw: &'a str,
}

impl<'a> QuotedString<'a> {
    /// Checks that `raw` is valid quoted-string content (qdtext, LWS and quoted pairs).
    pub fn new(raw: &'a str) -> Result<Self, ValueError> {
        let end = scan_quoted_content(raw, 0)?;
        if end == raw.len() {
            Ok(QuotedString { raw })
        } else {
            Err(ValueError::new(end, "qdtext"))
        }
    }

    /// The escaped content as written between the quotes.
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// The content with quoted pairs resolved and line breaks of folds dropped.
    pub fn chars(&self) -> Unquoted<'a> {
        Unquoted {
            rest: self.raw.chars(),
        }
    }

    /// Whether the unescaped content equals `text`.
    pub fn eq_text(&self, text: &str) -> bool {
        self.chars().eq(text.chars())
    }
}

impl PartialEq for QuotedString<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.chars().eq(other.chars())
    }
}

impl Eq for QuotedString<'_> {}

impl fmt::Display for QuotedString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for piece in self.raw.split(['\r', '\n']) {
            f.write_str(piece)?;
        }
        f.write_str("\"")
    }
}

/// Iterator over the characters of a [`QuotedString`], unescaped.
#[derive(Debug, Clone)]
pub struct Unquoted<'a> {
    rest: core::str::Chars<'a>,
}

impl Iterator for Unquoted<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        loop {
            match self.rest.next()? {
                '\r' | '\n' => continue,
                '\\' => return self.rest.next(),
                c => return Some(c),
            }
        }
    }
}

/// The text inside a `comment` (`( ... )`), as written: nested parentheses and quoted pairs
/// kept, folds not yet replaced.
///
/// Like [`QuotedString`], equality reads folds as their whitespace and `Display` writes the
/// parenthesised form without line breaks.
#[derive(Debug, Clone, Copy)]
pub struct Comment<'a> {
    raw: &'a str,
}

impl<'a> Comment<'a> {
    /// The text between the outer parentheses, as written.
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    fn unfolded(&self) -> impl Iterator<Item = char> + 'a {
        self.raw.chars().filter(|c| !matches!(c, '\r' | '\n'))
    }
}

impl PartialEq for Comment<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.unfolded().eq(other.unfolded())
    }
}

impl Eq for Comment<'_> {}

impl fmt::Display for Comment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(")?;
        self.raw
            .split(['\r', '\n'])
            .try_for_each(|piece| f.write_str(piece))?;
        f.write_str(")")
    }
}

/// Writes `text` as a quoted-string, escaping `"` and `\`; control characters other than HTAB
/// cannot be carried by a quoted-string and are dropped.
pub fn write_quoted(f: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                f.write_char('\\')?;
                f.write_char(c)?;
            }
            '\t' => f.write_char(c)?,
            c if c.is_control() => {}
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// Scans quoted-string content from `at` up to (not including) the closing quote or the end.
fn scan_quoted_content(text: &str, at: usize) -> Result<usize, ValueError> {
    let bytes = text.as_bytes();
    let mut pos = at;
    loop {
        let after_ws = skip_sws(text, pos);
        if after_ws != pos {
            pos = after_ws;
            continue;
        }
        match bytes.get(pos) {
            None | Some(b'"') => return Ok(pos),
            Some(b'\\') => match bytes.get(pos + 1) {
                Some(&b) if b <= 0x7F && b != b'\r' && b != b'\n' => pos += 2,
                _ => return Err(ValueError::new(pos + 1, "quoted-pair")),
            },
            Some(&b) if is_qdtext(b) => pos += 1,
            Some(_) => return Err(ValueError::new(pos, "qdtext")),
        }
    }
}

/// A cursor over a header value that knows the RFC 3261 separators. Errors carry the offset in
/// the value the scanner was created on.
#[derive(Debug, Clone)]
pub struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`.
    pub const fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0 }
    }

    /// A scanner at byte `pos` of `text`.
    pub const fn at(text: &'a str, pos: usize) -> Self {
        Scanner { text, pos }
    }

    /// The current offset.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The next byte, if any.
    pub fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// The unread part of the value.
    pub fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    /// Whether every byte has been read.
    pub fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// The bytes between two offsets (empty when they are not a valid range).
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    /// An error at the current offset.
    pub fn error(&self, expected: &'static str) -> ValueError {
        ValueError::new(self.pos, expected)
    }

    /// Moves `n` bytes forward (at most to the end); for bytes the caller has already checked.
    pub fn skip(&mut self, n: usize) {
        self.pos = self.pos.saturating_add(n).min(self.text.len());
    }

    /// Consumes `b` if it is next.
    pub fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes `b`, or fails with `expected`.
    pub fn expect(&mut self, b: u8, expected: &'static str) -> Result<(), ValueError> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    /// Skips optional linear whitespace (`SWS`), folds included.
    pub fn skip_sws(&mut self) {
        self.pos = skip_sws(self.text, self.pos);
    }

    /// Skips required linear whitespace (`LWS`).
    pub fn lws(&mut self) -> Result<(), ValueError> {
        let start = self.pos;
        self.skip_sws();
        if self.pos == start {
            Err(self.error("LWS"))
        } else {
            Ok(())
        }
    }

    /// `SWS b SWS`, the shape of SEMI, COMMA, EQUAL, SLASH, COLON.
    pub fn separator(&mut self, b: u8, expected: &'static str) -> Result<(), ValueError> {
        let start = self.pos;
        self.skip_sws();
        if self.eat(b) {
            self.skip_sws();
            Ok(())
        } else {
            self.pos = start;
            Err(self.error(expected))
        }
    }

    /// Tries `SWS b SWS`; leaves the scanner untouched when `b` does not follow.
    pub fn try_separator(&mut self, b: u8) -> bool {
        self.separator(b, "").is_ok()
    }

    /// `HCOLON = *( SP / HTAB ) ":" SWS`.
    pub fn hcolon(&mut self) -> Result<(), ValueError> {
        self.pos = span(self.text, self.pos, is_wsp);
        self.expect(b':', "HCOLON")?;
        self.skip_sws();
        Ok(())
    }

    /// `SEMI = SWS ";" SWS`.
    pub fn semi(&mut self) -> Result<(), ValueError> {
        self.separator(b';', "SEMI")
    }

    /// `COMMA = SWS "," SWS`.
    pub fn comma(&mut self) -> Result<(), ValueError> {
        self.separator(b',', "COMMA")
    }

    /// `EQUAL = SWS "=" SWS`.
    pub fn equal(&mut self) -> Result<(), ValueError> {
        self.separator(b'=', "EQUAL")
    }

    /// `SLASH = SWS "/" SWS`.
    pub fn slash(&mut self) -> Result<(), ValueError> {
        self.separator(b'/', "SLASH")
    }

    /// Consumes a run of bytes in `class` (possibly empty).
    pub fn take_while(&mut self, class: fn(u8) -> bool) -> &'a str {
        let start = self.pos;
        self.pos = span(self.text, start, class);
        self.slice(start, self.pos)
    }

    /// Consumes a non-empty run of bytes in `class`, or fails with `expected`.
    pub fn take_some(
        &mut self,
        class: fn(u8) -> bool,
        expected: &'static str,
    ) -> Result<&'a str, ValueError> {
        let taken = self.take_while(class);
        if taken.is_empty() {
            Err(self.error(expected))
        } else {
            Ok(taken)
        }
    }

    /// A `token`.
    pub fn token(&mut self, expected: &'static str) -> Result<&'a str, ValueError> {
        self.take_some(is_token, expected)
    }

    /// A `quoted-string` (`SWS DQUOTE ... DQUOTE`), returning its content.
    pub fn quoted_string(&mut self) -> Result<QuotedString<'a>, ValueError> {
        self.skip_sws();
        self.expect(b'"', "quoted-string")?;
        let start = self.pos;
        let end = scan_quoted_content(self.text, start)?;
        self.pos = end;
        self.expect(b'"', "closing DQUOTE")?;
        Ok(QuotedString {
            raw: self.slice(start, end),
        })
    }

    /// A `comment` (`"(" ... ")"`, nested, with quoted pairs), returning the text inside the
    /// outer parentheses.
    pub fn comment(&mut self) -> Result<Comment<'a>, ValueError> {
        self.expect(b'(', "comment")?;
        let start = self.pos;
        let mut depth = 1u32;
        loop {
            self.skip_sws();
            match self.peek() {
                Some(b'(') => depth = depth.saturating_add(1),
                Some(b')') => {
                    depth -= 1;
                    if depth == 0 {
                        let raw = self.slice(start, self.pos);
                        self.pos += 1;
                        return Ok(Comment { raw });
                    }
                }
                Some(b'\\') => match self.text.as_bytes().get(self.pos + 1) {
                    Some(&b) if b <= 0x7F && b != b'\r' && b != b'\n' => self.pos += 1,
                    _ => return Err(ValueError::new(self.pos + 1, "quoted-pair")),
                },
                Some(b) if is_ctext(b) => {}
                Some(_) => return Err(self.error("ctext")),
                None => return Err(self.error("closing RPAREN")),
            }
            self.pos += 1;
        }
    }

    /// A non-empty run of digits as a `u32` (overflow is an error at the run's start).
    pub fn number(&mut self, expected: &'static str) -> Result<u32, ValueError> {
        let start = self.pos;
        let digits = self.take_some(|b| b.is_ascii_digit(), expected)?;
        parse_u32(digits).ok_or(ValueError::new(start, expected))
    }

    /// Skips trailing whitespace and requires the end of the value.
    pub fn finish(&mut self, expected: &'static str) -> Result<(), ValueError> {
        self.skip_sws();
        if self.at_end() {
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn quoted_string_with_quoted_pairs() {
        let mut s = Scanner::new(r#" "a \"b\" \\ c" rest"#);
        let q = s.quoted_string().unwrap();
        assert_eq!(q.raw(), r#"a \"b\" \\ c"#);
        assert!(q.eq_text(r#"a "b" \ c"#));
        assert_eq!(s.rest(), " rest");
    }

    #[test]
    fn quoted_string_folded_displays_without_line_break() {
        let mut s = Scanner::new("\"Alice\r\n Smith\"");
        let q = s.quoted_string().unwrap();
        assert!(s.at_end());
        assert_eq!(q.to_string(), "\"Alice Smith\"");
        assert_eq!(q, QuotedString::new("Alice Smith").unwrap());
    }

    #[test]
    fn quoted_string_errors() {
        let err = |t: &str| Scanner::new(t).quoted_string().unwrap_err();
        assert_eq!(err("abc"), ValueError::new(0, "quoted-string"));
        assert_eq!(err("\"abc"), ValueError::new(4, "closing DQUOTE"));
        assert_eq!(err("\"a\\\r\n \""), ValueError::new(3, "quoted-pair"));
        assert_eq!(err("\"a\u{1}\""), ValueError::new(2, "qdtext"));
        assert_eq!(err("\"a\r\nb\""), ValueError::new(2, "qdtext"));
        assert_eq!(err("\"\\é\""), ValueError::new(2, "quoted-pair"));
        assert_eq!(
            QuotedString::new("a\"b").unwrap_err(),
            ValueError::new(1, "qdtext")
        );
    }

    #[test]
    fn quoted_string_accepts_utf8() {
        let q = Scanner::new("\"Zoë 😀\"").quoted_string().unwrap();
        assert!(q.eq_text("Zoë 😀"));
    }

    #[test]
    fn write_quoted_escapes() {
        let mut out = String::new();
        write_quoted(&mut out, "a\"b\\c\r\nd").unwrap();
        assert_eq!(out, r#""a\"b\\cd""#);
        let q = Scanner::new(&out).quoted_string().unwrap();
        assert!(q.eq_text("a\"b\\cd"));
    }

    #[test]
    fn comments_nest_and_escape() {
        let mut s = Scanner::new(r"(a (b) \) c) x");
        assert_eq!(s.comment().unwrap().raw(), r"a (b) \) c");
        assert_eq!(s.rest(), " x");
        assert_eq!(
            Scanner::new("(a").comment().unwrap_err(),
            ValueError::new(2, "closing RPAREN")
        );
        assert_eq!(
            Scanner::new("(a\u{7}").comment().unwrap_err(),
            ValueError::new(2, "ctext")
        );
        assert_eq!(
            Scanner::new("x").comment().unwrap_err(),
            ValueError::new(0, "comment")
        );
    }

    #[test]
    fn folded_comment_displays_without_line_break() {
        let c = Scanner::new("(a\r\n b)").comment().unwrap();
        assert_eq!(c.to_string(), "(a b)");
        assert_eq!(c, Scanner::new("(a b)").comment().unwrap());
        assert_ne!(c, Scanner::new("(ab)").comment().unwrap());
    }

    #[test]
    fn separators_skip_folds_and_report_offsets() {
        let mut s = Scanner::new("a \r\n ; b");
        s.token("token").unwrap();
        s.semi().unwrap();
        assert_eq!(s.token("token").unwrap(), "b");
        let mut s = Scanner::new("a , b");
        s.token("token").unwrap();
        assert_eq!(s.semi(), Err(ValueError::new(1, "SEMI")));
        assert_eq!(s.pos(), 1);
        s.comma().unwrap();
        assert_eq!(s.pos(), 4);
        let mut s = Scanner::new("Via \t: x");
        s.token("name").unwrap();
        s.hcolon().unwrap();
        assert_eq!(s.rest(), "x");
        let mut s = Scanner::new("a x");
        s.token("t").unwrap();
        assert_eq!(s.equal(), Err(ValueError::new(1, "EQUAL")));
        assert_eq!(s.finish("end"), Err(ValueError::new(2, "end")));
    }

    #[test]
    fn lws_is_required_where_asked() {
        let mut s = Scanner::new("ab");
        s.eat(b'a');
        assert_eq!(s.lws(), Err(ValueError::new(1, "LWS")));
        let mut s = Scanner::new("a\r\n\tb");
        s.eat(b'a');
        s.lws().unwrap();
        assert_eq!(s.peek(), Some(b'b'));
    }
}
