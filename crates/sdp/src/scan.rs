//! Splitting the input into lines and rejecting what no SDP line may contain, before any
//! field is looked at.

use crate::error::{ParseError, ParseErrorKind};
use crate::limits::Limits;

/// A line of the input, without its line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawLine<'a> {
    pub(crate) place: Place,
    pub(crate) value: &'a str,
}

/// Where a line is and what type it has: all that errors about it and the checks of its
/// place in the description need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// 1-based.
    pub(crate) number: usize,
    /// Byte offset of the line's first byte.
    pub(crate) offset: usize,
    pub(crate) kind: u8,
}

impl Place {
    pub(crate) fn error(&self, kind: ParseErrorKind) -> ParseError {
        ParseError {
            kind,
            line: self.number,
            offset: self.offset,
        }
    }
}

/// Yields each line, checked to be `<letter>=<value>` with CRLF or LF ends, no stray CR, no
/// NUL, within the line length and count limits. Blank lines are allowed only at the end.
pub(crate) struct Scanner<'a, 'l> {
    text: &'a str,
    pos: usize,
    number: usize,
    limits: &'l Limits,
    /// The line limits, copied so that the check of each line reads them without going
    /// through `limits`.
    max_lines: usize,
    max_line_len: usize,
    /// Built at the first line the one-pass reader of the common lines leaves to this
    /// scanner: most descriptions never need it.
    line_ends: Option<LineEndFinder>,
}

impl<'a, 'l> Scanner<'a, 'l> {
    pub(crate) fn new(text: &'a str, limits: &'l Limits) -> Self {
        Scanner {
            text,
            pos: 0,
            number: 0,
            limits,
            max_lines: limits.max_lines,
            max_line_len: limits.max_line_len,
            line_ends: None,
        }
    }

    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Where the next line starts and the limits, for the one-pass reader of the common
    /// lines.
    pub(crate) fn position(&self) -> (usize, &'l Limits) {
        (self.pos, self.limits)
    }

    /// Takes the line of `len` bytes before `next` that the one-pass reader has checked, when it is within
    /// the line limits; `None` leaves it to [`next_line`](Self::next_line), which reports them.
    #[inline(always)]
    pub(crate) fn take(&mut self, kind: u8, len: usize, next: usize) -> Option<Place> {
        if self.number >= self.max_lines || len > self.max_line_len {
            return None;
        }
        // Below `max_lines`, so no overflow.
        let number = self.number + 1;
        let line = Place {
            number,
            offset: self.pos,
            kind,
        };
        self.number = number;
        self.pos = next;
        Some(line)
    }

    /// Where the next line starts, the lines read so far and the line limits (the same as
    /// [`take`](Self::take) checks), for a run of lines read in one loop.
    pub(crate) fn run(&self) -> (usize, usize, usize, usize) {
        (self.pos, self.number, self.max_lines, self.max_line_len)
    }

    /// Ends a run of lines: `number` lines read, the next starting at `pos`.
    pub(crate) fn end_run(&mut self, pos: usize, number: usize) {
        self.pos = pos;
        self.number = number;
    }

    /// Whether the whole input has been read, when [`next_line`](Self::next_line) can only
    /// return `Ok(None)`.
    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// The next line; `Ok(None)` at the end of the input.
    pub(crate) fn next_line(&mut self) -> Result<Option<RawLine<'a>>, ParseError> {
        let bytes = self.text.as_bytes();
        let rest = bytes.get(self.pos..).unwrap_or_default();
        if rest.is_empty() {
            return Ok(None);
        }
        let offset = self.pos;
        self.number = self.number.saturating_add(1);
        let (len, end_len) = self.line_end(offset, rest)?;
        let next = offset.saturating_add(len).saturating_add(end_len);
        self.pos = next;
        let line = rest.get(..len).unwrap_or_default();
        self.check(offset, line)?;
        if line.is_empty() {
            return self.blank_line(offset);
        }
        let error = |kind| ParseError {
            kind,
            line: self.number,
            offset,
        };
        let (&kind, value) = match line {
            [kind, b'=', ..] if kind.is_ascii_alphabetic() => {
                (kind, line.get(2..).unwrap_or_default())
            }
            _ => return Err(error(ParseErrorKind::Malformed)),
        };
        let value = self
            .text
            .get(offset.saturating_add(2)..offset.saturating_add(2).saturating_add(value.len()));
        let value = value.ok_or(error(ParseErrorKind::NotUtf8))?;
        let place = Place {
            number: self.number,
            offset,
            kind,
        };
        Ok(Some(RawLine { place, value }))
    }

    /// Length of the line at `offset` and of its line end (2 for CRLF, 1 for LF, 0 at the end
    /// of the input). A NUL or a CR outside CRLF is an error, reported at its own offset.
    fn line_end(&mut self, offset: usize, rest: &[u8]) -> Result<(usize, usize), ParseError> {
        let line_ends = self.line_ends.get_or_insert_with(LineEndFinder::new);
        let Some(at) = line_ends.find(rest) else {
            return Ok((rest.len(), 0));
        };
        let next = rest.get(at.saturating_add(1));
        match (rest.get(at), next) {
            (Some(b'\n'), _) => Ok((at, 1)),
            (Some(b'\r'), Some(b'\n')) => Ok((at, 2)),
            _ => {
                let kind = ParseErrorKind::ControlCharacter;
                Err(ParseError {
                    kind,
                    line: self.number,
                    offset: offset.saturating_add(at),
                })
            }
        }
    }

    fn check(&self, offset: usize, line: &[u8]) -> Result<(), ParseError> {
        let error = |kind, at| ParseError {
            kind,
            line: self.number,
            offset: at,
        };
        if self.number > self.limits.max_lines {
            let kind = ParseErrorKind::TooManyLines {
                limit: self.limits.max_lines,
            };
            return Err(error(kind, offset));
        }
        if line.len() > self.limits.max_line_len {
            let kind = ParseErrorKind::LineTooLong {
                limit: self.limits.max_line_len,
            };
            return Err(error(kind, offset));
        }
        Ok(())
    }

    /// A blank line ends the description when only line ends follow it.
    fn blank_line(&mut self, offset: usize) -> Result<Option<RawLine<'a>>, ParseError> {
        let rest = self.text.as_bytes().get(offset..).unwrap_or_default();
        let only_line_ends = rest.iter().enumerate().all(|(i, &b)| {
            b == b'\n' || (b == b'\r' && rest.get(i.saturating_add(1)) == Some(&b'\n'))
        });
        if only_line_ends {
            self.pos = self.text.len();
            return Ok(None);
        }
        Err(ParseError {
            kind: ParseErrorKind::EmptyLine,
            line: self.number,
            offset,
        })
    }
}

/// Finds the first LF, CR or NUL of a line. On x86-64 the SSE2 searcher is built once per
/// parse: the generic `memchr3` selects an implementation and builds its searcher on each call,
/// which costs more than the scan of a short SDP line.
struct LineEndFinder {
    #[cfg(target_arch = "x86_64")]
    sse2: Option<memchr::arch::x86_64::sse2::memchr::Three>,
}

impl LineEndFinder {
    fn new() -> Self {
        LineEndFinder {
            #[cfg(target_arch = "x86_64")]
            sse2: memchr::arch::x86_64::sse2::memchr::Three::new(b'\n', b'\r', 0),
        }
    }

    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(sse2) = &self.sse2 {
            return sse2.find(haystack);
        }
        memchr::memchr3(b'\n', b'\r', 0, haystack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Result<Vec<(usize, usize, char, &str)>, ParseError> {
        let limits = Limits::default();
        let mut scanner = Scanner::new(text, &limits);
        let mut out = Vec::new();
        while let Some(l) = scanner.next_line()? {
            out.push((
                l.place.number,
                l.place.offset,
                char::from(l.place.kind),
                l.value,
            ));
        }
        Ok(out)
    }

    #[test]
    fn accepts_crlf_lf_and_missing_final_end() {
        let expected = vec![(1, 0, 'v', "0"), (2, 5, 's', "x")];
        assert_eq!(lines("v=0\r\ns=x\r\n").unwrap(), expected);
        assert_eq!(lines("v=0\r\ns=x").unwrap(), expected);
        assert_eq!(
            lines("v=0\ns=x\n").unwrap(),
            vec![(1, 0, 'v', "0"), (2, 4, 's', "x")]
        );
    }

    #[test]
    fn blank_lines_only_at_the_end() {
        assert_eq!(lines("v=0\r\n\r\n\r\n").unwrap().len(), 1);
        assert_eq!(lines("v=0\n\n").unwrap().len(), 1);
        let err = lines("v=0\r\n\r\ns=x\r\n").unwrap_err();
        assert_eq!(
            (err.kind, err.line, err.offset),
            (ParseErrorKind::EmptyLine, 2, 5)
        );
        assert_eq!(
            lines("v=0\r\n\r\r\n").unwrap_err().kind,
            ParseErrorKind::ControlCharacter
        );
    }

    #[test]
    fn rejects_stray_cr_and_nul_at_their_offset() {
        let err = lines("v=0\r\ns=a\rb\r\n").unwrap_err();
        assert_eq!(
            (err.kind, err.line, err.offset),
            (ParseErrorKind::ControlCharacter, 2, 8)
        );
        assert_eq!(lines("v=0\ns=a\0\n").unwrap_err().offset, 7);
        assert_eq!(lines("v=0\ns=a\r").unwrap_err().offset, 7);
        let err = lines("v=0\nbad\ns=a\rb\n").unwrap_err();
        assert_eq!((err.kind, err.line), (ParseErrorKind::Malformed, 2));
    }

    #[test]
    fn rejects_lines_without_letter_and_equals() {
        for bad in ["v 0\n", "=0\n", "1=0\n", "v\n", " v=0\n", "garbage"] {
            assert_eq!(
                lines(bad).unwrap_err().kind,
                ParseErrorKind::Malformed,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn enforces_line_limits() {
        let limits = Limits {
            max_line_len: 4,
            max_lines: 2,
            ..Limits::default()
        };
        let mut s = Scanner::new("v=0\ns=abc\n", &limits);
        assert!(s.next_line().is_ok());
        assert_eq!(
            s.next_line().unwrap_err().kind,
            ParseErrorKind::LineTooLong { limit: 4 }
        );
        let mut s = Scanner::new("v=0\nv=0\nv=0\n", &limits);
        assert!(s.next_line().is_ok() && s.next_line().is_ok());
        assert_eq!(
            s.next_line().unwrap_err().kind,
            ParseErrorKind::TooManyLines { limit: 2 }
        );
    }
}
