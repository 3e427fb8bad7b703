//! Finding where a frame's head ends, line by line, so bytes fed one at a time cost linear
//! time: a blank line (a body follows) or an end-line (no body).

use crate::error::{Error, ErrorKind};
use crate::limits::Limits;

/// How the head ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeadEnd {
    /// Length of the start line and header lines.
    pub head_len: usize,
    /// Bytes up to and including the terminating line.
    pub consumed: usize,
    /// Whether the terminating line was blank (a body follows) rather than an end-line.
    pub has_body: bool,
}

/// Line ends remembered for the head parser, so it need not search the lines again.
const REMEMBERED: usize = 40;

/// Progress through the lines of a head seen so far.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeadScan {
    line_start: usize,
    lines: usize,
    ends: arrayvec::ArrayVec<u32, REMEMBERED>,
    forgot: bool,
}

const START: &[u8] = b"MSRP ";

impl HeadScan {
    /// Looks at the complete lines of `bytes` not seen yet; `base` is the stream offset of
    /// `bytes[0]`.
    pub(crate) fn scan(
        &mut self,
        bytes: &[u8],
        base: u64,
        limits: &Limits,
    ) -> Result<Option<HeadEnd>, Error> {
        let at = |pos: usize| base.saturating_add(pos as u64);
        let prefix = bytes.len().min(START.len());
        if bytes.get(..prefix) != START.get(..prefix) {
            return Err(Error::at(
                ErrorKind::Syntax("'MSRP ' at the start of a frame"),
                base,
            ));
        }
        let too_large = Error::at(ErrorKind::HeadTooLarge, at(limits.head_bytes()));
        // Only a terminating line (blank or end-line) may reach past the head limit, and by
        // at most one end-line: a line ending further is too large, so the search stops there
        // and any split of the bytes fails the same way.
        let hard_end = limits.head_bytes() + crate::end_line::MAX_END_LINE;
        let window = bytes.get(..hard_end).unwrap_or(bytes);
        let max_lines = limits.max_headers.saturating_add(1);
        let lf = LfFinder::new();
        // Locals rather than fields in the loop: one store each when it ends.
        let (mut start, mut lines) = (self.line_start, self.lines);
        let found = loop {
            let Some(nl) = lf.find(window.get(start..).unwrap_or_default()) else {
                break None;
            };
            let end = start + nl + 1;
            if end - start < 2 || window.get(end - 2) != Some(&b'\r') {
                return Err(Error::at(
                    ErrorKind::Syntax("CRLF, not a bare LF"),
                    at(end - 1),
                ));
            }
            lines += 1;
            let line_start = start;
            start = end;
            let line = window.get(line_start..end).unwrap_or_default();
            if lines > 1 && (line.len() == 2 || line.starts_with(b"-------")) {
                break Some(HeadEnd {
                    head_len: line_start,
                    consumed: end,
                    has_body: line.len() == 2,
                });
            }
            let remembered = u32::try_from(end)
                .ok()
                .and_then(|e| self.ends.try_push(e).ok());
            self.forgot |= remembered.is_none();
            if lines > max_lines {
                return Err(Error::at(ErrorKind::TooManyHeaders, at(line_start)));
            }
            if end > limits.head_bytes() {
                return Err(too_large);
            }
        };
        self.line_start = start;
        self.lines = lines;
        if found.is_none() && bytes.len() > hard_end {
            return Err(too_large);
        }
        Ok(found)
    }

    /// Where each line of the head (start line and headers) ends, after its LF, when all of
    /// them were remembered.
    pub(crate) fn line_ends(&self) -> Option<&[u32]> {
        (!self.forgot).then_some(self.ends.as_slice())
    }

    /// Whether no byte of a head has been seen.
    pub(crate) fn is_fresh(&self) -> bool {
        self.line_start == 0 && self.lines == 0
    }
}

/// Finds LFs. On x86-64 the SSE2 searcher is built once per scan and called directly: the
/// generic `memchr` selects an implementation on each call, which costs more than a header line.
struct LfFinder {
    #[cfg(target_arch = "x86_64")]
    sse2: Option<memchr::arch::x86_64::sse2::memchr::One>,
}

impl LfFinder {
    fn new() -> Self {
        LfFinder {
            #[cfg(target_arch = "x86_64")]
            sse2: memchr::arch::x86_64::sse2::memchr::One::new(b'\n'),
        }
    }

    /// The first LF of `haystack`. A header line is short: the first search covers fewer bytes
    /// than the searcher's four-vector loop needs, so it takes its one-vector steps.
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(sse2) = &self.sse2 {
            const NEAR: usize = 63;
            let near = haystack.get(..NEAR).unwrap_or(haystack);
            if let Some(i) = sse2.find(near) {
                return Some(i);
            }
            let far = haystack.get(NEAR..)?;
            return sse2.find(far).map(|i| i + NEAR);
        }
        memchr::memchr(b'\n', haystack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_is_found_on_both_sides_of_the_first_search() {
        let lf = LfFinder::new();
        for at in [0, 1, 15, 16, 62, 63, 64, 65, 127, 200] {
            let mut hay = vec![b'a'; 300];
            hay[at] = b'\n';
            hay[at + 50] = b'\n';
            assert_eq!(lf.find(&hay), Some(at), "{at}");
            assert_eq!(lf.find(&hay[..at]), None, "{at}");
        }
        assert_eq!(lf.find(b""), None);
    }
}
