//! A cursor over one header value.

use super::quoted::{scan_quoted_content, Comment, QuotedString};
use super::{is_ctext, is_token, is_wsp, parse_u32, skip_sws, span};
use crate::ValueError;

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
    #[inline]
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
    #[inline]
    pub fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes `b`, or fails with `expected`.
    #[inline]
    pub fn expect(&mut self, b: u8, expected: &'static str) -> Result<(), ValueError> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    /// Skips optional linear whitespace (`SWS`), folds included.
    #[inline]
    pub fn skip_sws(&mut self) {
        // Most separators have no whitespace around them: skip the call in that case.
        if matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos = skip_sws(self.text, self.pos);
        }
    }

    /// Skips required linear whitespace (`LWS`).
    #[inline]
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
    #[inline]
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
    #[inline]
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
    pub fn take_while(&mut self, class: impl Fn(u8) -> bool) -> &'a str {
        let start = self.pos;
        self.pos = span(self.text, start, class);
        self.slice(start, self.pos)
    }

    /// Consumes a non-empty run of bytes in `class`, or fails with `expected`.
    pub fn take_some(
        &mut self,
        class: impl Fn(u8) -> bool,
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
    #[inline]
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
        Ok(QuotedString::scanned(self.slice(start, end)))
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
                        return Ok(Comment::scanned(raw));
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
    #[inline]
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
