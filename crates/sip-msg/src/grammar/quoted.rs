//! Quoted strings and comments: their content kept as written, compared and displayed as
//! their meaning (quoted pairs resolved, folds read as whitespace).

use super::{is_qdtext, skip_sws};
use crate::ValueError;
use core::fmt;

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

    /// Content the scanner has already checked.
    pub(crate) fn scanned(raw: &'a str) -> Self {
        QuotedString { raw }
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
    /// Content the scanner has already checked.
    pub(super) fn scanned(raw: &'a str) -> Self {
        Comment { raw }
    }

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
pub(super) fn scan_quoted_content(text: &str, at: usize) -> Result<usize, ValueError> {
    let bytes = text.as_bytes();
    let mut pos = at;
    loop {
        match bytes.get(pos) {
            None | Some(b'"') => return Ok(pos),
            Some(&b) if is_qdtext(b) || b == b' ' || b == b'\t' => pos += 1,
            Some(b'\\') => match bytes.get(pos + 1) {
                Some(&b) if b <= 0x7F && b != b'\r' && b != b'\n' => pos += 2,
                _ => return Err(ValueError::new(pos + 1, "quoted-pair")),
            },
            // Only a fold (a line break followed by whitespace) may appear inside the quotes.
            Some(b'\r' | b'\n') if skip_sws(text, pos) != pos => pos = skip_sws(text, pos),
            Some(_) => return Err(ValueError::new(pos, "qdtext")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Scanner;

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
    fn folded_comment_displays_without_line_break() {
        let c = Scanner::new("(a\r\n b)").comment().unwrap();
        assert_eq!(c.to_string(), "(a b)");
        assert_eq!(c, Scanner::new("(a b)").comment().unwrap());
        assert_ne!(c, Scanner::new("(ab)").comment().unwrap());
    }
}
