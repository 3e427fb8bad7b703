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
        // at most one end-line: checked first so any split of the bytes fails the same way.
        let hard_end = limits.head_bytes() + crate::end_line::MAX_END_LINE;
        while let Some(nl) = find_lf(bytes.get(self.line_start..).unwrap_or_default()) {
            let end = self.line_start + nl + 1;
            if end > hard_end {
                return Err(too_large);
            }
            let line = bytes.get(self.line_start..end).unwrap_or_default();
            if !line.ends_with(b"\r\n") {
                return Err(Error::at(
                    ErrorKind::Syntax("CRLF, not a bare LF"),
                    at(end - 1),
                ));
            }
            self.lines += 1;
            let start = self.line_start;
            self.line_start = end;
            if self.lines > 1 && (line == b"\r\n" || line.starts_with(b"-------")) {
                let has_body = line == b"\r\n";
                return Ok(Some(HeadEnd {
                    head_len: start,
                    consumed: end,
                    has_body,
                }));
            }
            let remembered = u32::try_from(end)
                .ok()
                .and_then(|e| self.ends.try_push(e).ok());
            self.forgot |= remembered.is_none();
            if self.lines > limits.max_headers.saturating_add(1) {
                return Err(Error::at(ErrorKind::TooManyHeaders, at(start)));
            }
            if end > limits.head_bytes() {
                return Err(too_large);
            }
        }
        if bytes.len() > hard_end {
            return Err(too_large);
        }
        Ok(None)
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

/// The first LF of `haystack`. On x86-64 the SSE2 searcher is called directly: the generic
/// `memchr` selects an implementation on each call, which costs more than a header line.
fn find_lf(haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(sse2) = memchr::arch::x86_64::sse2::memchr::One::new(b'\n') {
        return sse2.find(haystack);
    }
    memchr::memchr(b'\n', haystack)
}
