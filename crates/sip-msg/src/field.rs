//! One header line of a parsed message, as a borrowed view.

use crate::name::HeaderName;
use core::fmt;

/// A header as it appears in a message: its recognized name, the name as written, and the
/// value as written (without the LWS around it, folds still inside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header<'a> {
    name: HeaderName,
    raw_name: &'a str,
    value: &'a str,
    offset: usize,
    folded: bool,
}

impl<'a> Header<'a> {
    pub(crate) const fn new(
        name: HeaderName,
        raw_name: &'a str,
        value: &'a str,
        offset: usize,
        folded: bool,
    ) -> Self {
        Header {
            name,
            raw_name,
            value,
            offset,
            folded,
        }
    }

    /// The recognized name; [`HeaderName::Other`] for unknown headers.
    pub fn name(&self) -> HeaderName {
        self.name
    }

    /// The full name: canonical for known headers (compact forms expanded), as written for
    /// unknown ones.
    pub fn full_name(&self) -> &'a str {
        match self.name {
            HeaderName::Other => self.raw_name,
            known => known.as_str(),
        }
    }

    /// The name exactly as written in the message.
    pub fn raw_name(&self) -> &'a str {
        self.raw_name
    }

    /// The value as written: folded lines keep their CRLF and leading whitespace, which every
    /// typed parser of [`crate::header`] reads as LWS.
    pub fn value(&self) -> &'a str {
        self.value
    }

    /// Byte offset of the value in the message.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Whether the value spans several lines.
    pub fn is_folded(&self) -> bool {
        self.folded
    }

    /// The value with each fold (CRLF and the whitespace around it) read as one SP, as
    /// RFC 3261 7.3.1 allows. Displays without allocating; iterate it for the pieces.
    ///
    /// ```
    /// let msg = b"OPTIONS sip:b@h SIP/2.0\r\nSubject: lunch \r\n  at noon\r\n\r\n";
    /// let msg = sip_msg::Parser::new().with_mode(sip_msg::Mode::Lenient).parse_datagram(msg)?;
    /// let subject = msg.headers().next().unwrap();
    /// assert_eq!(subject.unfolded().to_string(), "lunch at noon");
    /// # Ok::<(), sip_msg::Error>(())
    /// ```
    pub fn unfolded(&self) -> Unfolded<'a> {
        Unfolded {
            rest: Some(self.value),
        }
    }
}

/// A header value read with its folds replaced by single spaces; yields the text between
/// folds. Returned by [`Header::unfolded`].
#[derive(Debug, Clone)]
pub struct Unfolded<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for Unfolded<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        let Some(cr) = rest.find("\r\n") else {
            self.rest = None;
            return Some(rest);
        };
        let piece = rest.get(..cr).unwrap_or("").trim_end_matches([' ', '\t']);
        let after = rest
            .get(cr + 2..)
            .unwrap_or("")
            .trim_start_matches([' ', '\t']);
        self.rest = Some(after);
        Some(piece)
    }
}

impl fmt::Display for Unfolded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, piece) in self.clone().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(piece)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolding_replaces_each_fold_by_one_space() {
        let h = Header::new(HeaderName::Subject, "s", "a \r\n\t b\r\n c", 0, true);
        assert_eq!(h.unfolded().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(h.unfolded().to_string(), "a b c");
        assert_eq!(h.full_name(), "Subject");
    }

    #[test]
    fn unknown_headers_keep_their_written_name() {
        let h = Header::new(HeaderName::Other, "X-Thing", "v", 9, false);
        assert_eq!(
            (h.full_name(), h.raw_name(), h.offset()),
            ("X-Thing", "X-Thing", 9)
        );
        assert_eq!(h.unfolded().to_string(), "v");
    }
}
