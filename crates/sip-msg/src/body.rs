//! The body of a message: the Content-Length lines of a scanned head, and the bytes they
//! select in a datagram.

use crate::error::Error;
use crate::grammar::parse_digits;
use crate::header::ContentLength;
use crate::limits::{Limit, Limits};
use crate::name::HeaderName;
use crate::scan::{Head, HeaderList, RawHeader};

/// The Content-Length of a scanned head: `None` when absent; every value must agree.
pub(crate) fn content_length(
    buf: &[u8],
    headers: &HeaderList,
    limits: &Limits,
) -> Result<Option<usize>, Error> {
    let mut found = None;
    for h in headers
        .iter()
        .filter(|h| h.name == HeaderName::ContentLength)
    {
        let len = header_length(buf, h, limits)?;
        if found.is_some_and(|earlier| earlier != len) {
            return Err(Error::ConflictingContentLength {
                offset: h.value_range().start,
            });
        }
        found = Some(len);
    }
    Ok(found)
}

/// The length one Content-Length line gives, within the body limit. Inlined into the
/// datagram parse, which reads the one line of most messages without the walk.
#[inline]
pub(crate) fn header_length(buf: &[u8], h: &RawHeader, limits: &Limits) -> Result<usize, Error> {
    let range = h.value_range();
    let offset = range.start;
    let value = buf.get(range).unwrap_or(&[]);
    // Digits alone (the usual value) are read without the UTF-8 check the grammar needs.
    let len = match parse_digits(value) {
        Some(n) => ContentLength(n),
        None => ContentLength::parse(core::str::from_utf8(value).unwrap_or("\u{0}"))
            .map_err(|e| Error::value(HeaderName::ContentLength, offset, e))?,
    }
    .bytes();
    if len > limits.max_body_len {
        return Err(Error::TooLarge {
            limit: Limit::BodyLength,
            offset,
        });
    }
    Ok(len)
}

/// The body of a datagram whose head is `head` and whose Content-Length is `length`: that
/// many bytes after the head (RFC 3261 18.3: extra bytes are ignored), or without one the
/// rest of the datagram, within the body limit.
pub(crate) fn datagram_body<'a>(
    buf: &'a [u8],
    head: Head,
    length: Option<usize>,
    limits: &Limits,
) -> Result<&'a [u8], Error> {
    let rest = buf.get(head.len..).unwrap_or(&[]);
    match length {
        Some(len) => rest.get(..len).ok_or(Error::BodyTooShort {
            offset: buf.len(),
            expected: len,
            actual: rest.len(),
        }),
        None if rest.len() > limits.max_body_len => Err(Error::TooLarge {
            limit: Limit::BodyLength,
            offset: head.len + limits.max_body_len,
        }),
        None => Ok(rest),
    }
}
