//! `multipart/mixed` bodies (RFC 2046 5.1): splitting one into its parts, and writing one with
//! a boundary that occurs in none of them.
//!
//! The multi-recipient CPM INVITE carries its SDP offer and an RFC 5366 resource list this way.

use crate::builder::{write_checked, Filter, Sink};
use crate::error::Error;
use crate::field::Header;
use crate::limits::Limits;
use crate::name::HeaderName;
use crate::scan::{header_line, RawHeader, Stop};
use memchr::memmem;

/// Longest boundary RFC 2046 allows.
pub const MAX_BOUNDARY_LEN: usize = 70;

/// One body part: its header block and its content, both borrowed from the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    headers: &'a str,
    /// Offset of the part in the multipart body.
    offset: usize,
    body: &'a [u8],
}

impl<'a> Part<'a> {
    /// The part's headers in order (e.g. Content-Type, Content-Disposition).
    pub fn headers(&self) -> PartHeaders<'a> {
        PartHeaders {
            block: self.headers,
            pos: 0,
            base: self.offset,
        }
    }

    /// The first header called `name`, as written.
    pub fn get(&self, name: HeaderName) -> Option<&'a str> {
        self.headers().find(|h| h.name() == name).map(|h| h.value())
    }

    /// The part's content, after its empty line.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }
}

/// The headers of a [`Part`].
#[derive(Debug, Clone)]
pub struct PartHeaders<'a> {
    block: &'a str,
    pos: usize,
    base: usize,
}

impl<'a> Iterator for PartHeaders<'a> {
    type Item = Header<'a>;

    fn next(&mut self) -> Option<Header<'a>> {
        let mut raw = RawHeader::EMPTY;
        self.pos = header_line(self.block.as_bytes(), self.pos, &Limits::DEFAULT, &mut raw).ok()?;
        let name = self.block.get(raw.name_range())?;
        let value_range = raw.value_range();
        let offset = self.base + value_range.start;
        let value = self.block.get(value_range)?;
        Some(Header::new(raw.name, name, value, offset, raw.folded))
    }
}

/// Splits a `multipart/*` body into its parts (preamble and epilogue are dropped).
///
/// ```
/// let body = b"--xyz\r\nContent-Type: text/plain\r\n\r\nhello\r\n--xyz\r\n\r\nbye\r\n--xyz--\r\n";
/// let parts = sip_msg::multipart::split(body, "xyz")?;
/// let parts: Vec<_> = parts.collect::<Result<_, _>>()?;
/// assert_eq!(parts[0].get(sip_msg::HeaderName::ContentType), Some("text/plain"));
/// assert_eq!((parts[0].body(), parts[1].body()), (&b"hello"[..], &b"bye"[..]));
/// # Ok::<(), sip_msg::Error>(())
/// ```
pub fn split<'a>(body: &'a [u8], boundary: &'a str) -> Result<Parts<'a>, Error> {
    check_boundary(boundary)?;
    let dash = memmem::find_iter(body, boundary.as_bytes())
        .filter_map(|at| at.checked_sub(2))
        .find(|&at| delimiter_at(body, at))
        .ok_or(Error::syntax(body.len(), "multipart delimiter line"))?;
    let first = after_delimiter(body, dash, boundary.len())?;
    Ok(Parts {
        body,
        boundary,
        next: first,
    })
}

/// The parts of a multipart body, each checked as it is reached. Returned by [`split`].
#[derive(Debug, Clone)]
pub struct Parts<'a> {
    body: &'a [u8],
    boundary: &'a str,
    /// Where the next part starts, or `None` after the close delimiter or an error.
    next: Option<usize>,
}

impl<'a> Iterator for Parts<'a> {
    type Item = Result<Part<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.next.take()?;
        let result = self.part_at(start);
        if let Ok((_, after)) = result {
            self.next = after;
        }
        Some(result.map(|(part, _)| part))
    }
}

impl<'a> Parts<'a> {
    /// The part starting at `start` and where the one after it starts.
    fn part_at(&self, start: usize) -> Result<(Part<'a>, Option<usize>), Error> {
        let rest = self.body.get(start..).unwrap_or(&[]);
        let end = memmem::find_iter(rest, self.boundary.as_bytes())
            .filter_map(|at| (start + at).checked_sub(4))
            .find(|&at| {
                self.body.get(at..at + 2) == Some(b"\r\n") && delimiter_at(self.body, at + 2)
            })
            .ok_or(Error::syntax(self.body.len(), "multipart close delimiter"))?;
        let content = self.body.get(start..end).unwrap_or(&[]);
        let after = after_delimiter(self.body, end + 2, self.boundary.len())?;
        Ok((part(content, start)?, after))
    }
}

/// Splits a part's content into its header block and body.
fn part(content: &[u8], offset: usize) -> Result<Part<'_>, Error> {
    let mut pos = 0;
    let mut scratch = RawHeader::EMPTY;
    while content.get(pos..pos + 2) != Some(b"\r\n") {
        match header_line(content, pos, &Limits::DEFAULT, &mut scratch) {
            Ok(next) => pos = next,
            Err(Stop::Invalid(e)) => return Err(e.shifted(offset)),
            Err(Stop::Incomplete) => {
                return Err(Error::syntax(
                    offset + content.len(),
                    "empty line after part headers",
                ))
            }
        }
    }
    // The block keeps its empty line so that the last header's end is known.
    let headers = core::str::from_utf8(content.get(..pos + 2).unwrap_or(&[]))
        .map_err(|e| Error::syntax(offset + e.valid_up_to(), "UTF-8 part headers"))?;
    Ok(Part {
        headers,
        offset,
        body: content.get(pos + 2..).unwrap_or(&[]),
    })
}

/// Whether a delimiter line starts at `at` (its `--`), i.e. at the body start or after CRLF.
fn delimiter_at(body: &[u8], at: usize) -> bool {
    let line_start = match at.checked_sub(2) {
        None => at == 0,
        Some(cr) => body.get(cr..at) == Some(b"\r\n"),
    };
    line_start && body.get(at..at + 2) == Some(b"--")
}

/// Past the delimiter whose `--` is at `at`: `Ok(None)` for the close delimiter, else the
/// start of the next part (after transport padding and CRLF).
fn after_delimiter(body: &[u8], at: usize, boundary_len: usize) -> Result<Option<usize>, Error> {
    let mut pos = at + 2 + boundary_len;
    if body.get(pos..pos + 2) == Some(b"--") {
        return Ok(None);
    }
    while matches!(body.get(pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    if body.get(pos..pos + 2) == Some(b"\r\n") {
        Ok(Some(pos + 2))
    } else {
        Err(Error::syntax(pos, "CRLF after multipart delimiter"))
    }
}

/// RFC 2046 `boundary := 0*69<bchars> bcharsnospace`.
fn check_boundary(boundary: &str) -> Result<(), Error> {
    let bytes = boundary.as_bytes();
    let bchar = |b: &u8| b.is_ascii_alphanumeric() || b"'()+_,-./:=? ".contains(b);
    let ok = !bytes.is_empty()
        && bytes.len() <= MAX_BOUNDARY_LEN
        && bytes.iter().all(bchar)
        && bytes.last() != Some(&b' ');
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidInput {
            expected: "a boundary of 1 to 70 RFC 2046 bchars",
        })
    }
}

/// One part to write: its headers (name, value) and its content.
#[derive(Debug, Clone, Copy)]
pub struct PartSpec<'p> {
    /// Header lines, e.g. `("Content-Type", "application/sdp")`.
    pub headers: &'p [(&'p str, &'p str)],
    /// The content.
    pub body: &'p [u8],
}

/// A boundary chosen so that it occurs in no part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boundary {
    text: [u8; 24],
}

impl Boundary {
    /// Derives a boundary from `seed` (the caller's randomness), changing it until it occurs
    /// in none of `parts`' headers or bodies.
    pub fn choose(seed: u64, parts: &[PartSpec<'_>]) -> Boundary {
        let mut state = seed;
        loop {
            let candidate = Boundary::from_seed(state);
            if !parts.iter().any(|p| candidate.occurs_in(p)) {
                return candidate;
            }
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
        }
    }

    fn from_seed(seed: u64) -> Boundary {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut text = *b"cpm-lm-boundary-00000000";
        for (i, b) in text.iter_mut().skip(16).enumerate() {
            *b = HEX[((seed >> (60 - 4 * i)) & 0xf) as usize];
        }
        Boundary { text }
    }

    fn occurs_in(&self, part: &PartSpec<'_>) -> bool {
        occurs_in(&memmem::Finder::new(&self.text), part)
    }

    /// The boundary text, for the Content-Type `boundary` parameter.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.text).unwrap_or("cpm-lm-boundary")
    }
}

fn occurs_in(finder: &memmem::Finder<'_>, part: &PartSpec<'_>) -> bool {
    let found = |text: &[u8]| finder.find(text).is_some();
    found(part.body)
        || part
            .headers
            .iter()
            .any(|(n, v)| found(n.as_bytes()) || found(v.as_bytes()))
}

/// Writes a multipart body with `boundary`; returns the bytes written (for the sink's
/// Content-Length). Refuses a boundary that occurs in a part and header text with CR or LF.
pub fn write<S: Sink>(out: &mut S, boundary: &str, parts: &[PartSpec<'_>]) -> Result<usize, Error> {
    check_boundary(boundary)?;
    let start = out.len();
    let finder = memmem::Finder::new(boundary.as_bytes());
    for (i, part) in parts.iter().enumerate() {
        if occurs_in(&finder, part) {
            return Err(Error::InvalidInput {
                expected: "a boundary that occurs in no part",
            });
        }
        out.put(if i == 0 { b"--" } else { b"\r\n--" });
        out.put(boundary.as_bytes());
        out.put(b"\r\n");
        for (name, value) in part.headers {
            if name.is_empty() || !name.bytes().all(crate::grammar::is_token) {
                return Err(Error::InvalidInput {
                    expected: "a part header name token",
                });
            }
            out.put(name.as_bytes());
            out.put(b": ");
            write_checked(out, value, Filter::Text)?;
            out.put(b"\r\n");
        }
        out.put(b"\r\n");
        out.put(part.body);
    }
    out.put(if parts.is_empty() { b"--" } else { b"\r\n--" });
    out.put(boundary.as_bytes());
    out.put(b"--\r\n");
    Ok(out.len() - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SDP: &[u8] = b"v=0\r\no=a 1 1 IN IP4 192.0.2.1\r\ns=-\r\n";
    const LIST: &[u8] = b"<?xml version=\"1.0\"?>\r\n<resource-lists/>";

    fn specs() -> [PartSpec<'static>; 2] {
        [
            PartSpec {
                headers: &[("Content-Type", "application/sdp")],
                body: SDP,
            },
            PartSpec {
                headers: &[
                    ("Content-Type", "application/resource-lists+xml"),
                    ("Content-Disposition", "recipient-list"),
                ],
                body: LIST,
            },
        ]
    }

    #[test]
    fn written_bodies_split_back_into_the_same_parts() {
        let parts = specs();
        let boundary = Boundary::choose(7, &parts);
        let mut out = Vec::new();
        let len = write(&mut out, boundary.as_str(), &parts).unwrap();
        assert_eq!(len, out.len());
        assert!(out.ends_with(b"--\r\n"));
        let split: Vec<_> = split(&out, boundary.as_str())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].body(), SDP);
        assert_eq!(split[1].body(), LIST);
        assert_eq!(
            split[1].get(HeaderName::ContentDisposition),
            Some("recipient-list")
        );
        let names: Vec<_> = split[1].headers().map(|h| h.full_name()).collect();
        assert_eq!(names, ["Content-Type", "Content-Disposition"]);
    }

    #[test]
    fn the_chosen_boundary_avoids_every_part() {
        let taken = Boundary::from_seed(1);
        let body = [b"x".as_slice(), taken.as_str().as_bytes()].concat();
        let parts = [PartSpec {
            headers: &[],
            body: &body,
        }];
        let chosen = Boundary::choose(1, &parts);
        assert_ne!(chosen, taken);
        let mut out = Vec::new();
        assert!(write(&mut out, taken.as_str(), &parts).is_err());
        assert!(write(&mut out, chosen.as_str(), &parts).is_ok());
    }

    #[test]
    fn preamble_padding_and_epilogue_are_skipped() {
        let body = b"preamble\r\n--b  \r\n\r\none\r\n--b\t\r\nX: y\r\n\r\ntwo--b\r\n--b--epilogue";
        let parts: Vec<_> = split(body, "b").unwrap().map(Result::unwrap).collect();
        assert_eq!(
            parts.iter().map(|p| p.body()).collect::<Vec<_>>(),
            [&b"one"[..], b"two--b"]
        );
    }

    #[test]
    fn malformed_bodies_are_errors_not_panics() {
        let cases: [&[u8]; 6] = [
            b"",
            b"--b",
            b"--b\r\n\r\nno close",
            b"--bx\r\n",
            b"--b\r\nno empty line\r\n--b--",
            b"x--b\r\n",
        ];
        for body in cases {
            let result: Result<Vec<_>, _> = split(body, "b").and_then(|p| p.collect());
            assert!(result.is_err(), "{:?}", core::str::from_utf8(body));
        }
        assert!(split(b"--b--", "").is_err());
        assert!(split(b"--b--", "trailing ").is_err());
    }
}
