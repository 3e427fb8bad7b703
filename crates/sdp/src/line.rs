//! Lines of an already checked description, iterated in order without allocation.

use crate::attribute::Attribute;

/// One `<type>=<value>` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The type letter (`v`, `o`, `m`, `a`, or a letter this crate does not know).
    pub kind: char,
    /// Everything after `=`, without the line end.
    pub value: &'a str,
}

/// The lines of a checked description or section, in order. Line ends (CRLF or LF) and the
/// blank lines a description may end with are skipped.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    rest: &'a str,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines { rest: text }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let (line, rest) = self.rest.split_once('\n').unwrap_or((self.rest, ""));
            self.rest = rest;
            let line = line.strip_suffix('\r').unwrap_or(line);
            let Some(&kind) = line.as_bytes().first() else {
                continue;
            };
            return Some(Line {
                kind: char::from(kind),
                value: line.get(2..).unwrap_or_default(),
            });
        }
    }
}

/// The `a=` lines of a section, in order.
#[derive(Debug, Clone)]
pub struct Attributes<'a> {
    lines: Lines<'a>,
}

impl<'a> Attributes<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Attributes {
            lines: Lines::new(text),
        }
    }
}

impl<'a> Iterator for Attributes<'a> {
    type Item = Attribute<'a>;

    fn next(&mut self) -> Option<Attribute<'a>> {
        self.lines
            .by_ref()
            .find(|l| l.kind == 'a')
            .map(|l| Attribute::split(l.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_crlf_and_lf_and_skips_blank_tail() {
        let lines: Vec<_> = Lines::new("v=0\r\ns=x\na=b:c\r\n\r\n").collect();
        assert_eq!(
            lines,
            [
                Line {
                    kind: 'v',
                    value: "0"
                },
                Line {
                    kind: 's',
                    value: "x"
                },
                Line {
                    kind: 'a',
                    value: "b:c"
                }
            ]
        );
    }

    #[test]
    fn attributes_skip_other_lines() {
        let attrs: Vec<_> = Attributes::new("i=x\na=one\nc=IN IP4 1.2.3.4\na=two:2\n").collect();
        assert_eq!(attrs.len(), 2);
        assert_eq!(
            attrs[1],
            Attribute {
                name: "two",
                value: Some("2")
            }
        );
    }
}
