//! `a=accept-types` and `a=accept-wrapped-types` (RFC 4975 §8.6): the media types a side
//! accepts, with `*` and `type/*` wildcards.

mod window;

use crate::syntax::token_end;
use core::fmt;

/// One entry of a media type list: `*`, `type/*` or `type/subtype`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaRange<'a> {
    /// `*`: any media type.
    Any,
    /// `type/*`: any subtype of this type.
    AnySubtype(&'a str),
    /// `type/subtype`.
    Exact(&'a str, &'a str),
}

impl<'a> MediaRange<'a> {
    /// Parses one list entry; `None` when it breaks the grammar.
    pub fn parse(entry: &'a str) -> Option<Self> {
        if entry == "*" {
            return Some(MediaRange::Any);
        }
        let (ty, subtype) = crate::syntax::split_once_byte(entry, b'/');
        let subtype = subtype?;
        // `*/subtype` is a token pair, but a wildcard type makes no sense without `*` alone.
        if !is_mime_token(ty) || ty == "*" {
            return None;
        }
        match subtype {
            "*" => Some(MediaRange::AnySubtype(ty)),
            s if is_mime_token(s) => Some(MediaRange::Exact(ty, s)),
            _ => None,
        }
    }

    /// Whether a message of type `ty/subtype` falls in this range (case-insensitive).
    pub fn matches(&self, ty: &str, subtype: &str) -> bool {
        match *self {
            MediaRange::Any => true,
            MediaRange::AnySubtype(t) => t.eq_ignore_ascii_case(ty),
            MediaRange::Exact(t, s) => {
                t.eq_ignore_ascii_case(ty) && s.eq_ignore_ascii_case(subtype)
            }
        }
    }

    /// The types both ranges accept, as one range; `None` when they share none.
    pub fn intersect(&self, other: &MediaRange<'a>) -> Option<MediaRange<'a>> {
        match (*self, *other) {
            (MediaRange::Any, r) | (r, MediaRange::Any) => Some(r),
            (MediaRange::AnySubtype(a), MediaRange::AnySubtype(b)) => {
                a.eq_ignore_ascii_case(b).then_some(*self)
            }
            (MediaRange::AnySubtype(t), exact @ MediaRange::Exact(..))
            | (exact @ MediaRange::Exact(..), MediaRange::AnySubtype(t)) => {
                exact.matches_type(t).then_some(exact)
            }
            (MediaRange::Exact(t, s), _) => other.matches(t, s).then_some(*self),
        }
    }

    fn matches_type(&self, ty: &str) -> bool {
        matches!(*self, MediaRange::Exact(t, _) if t.eq_ignore_ascii_case(ty))
    }
}

impl fmt::Display for MediaRange<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MediaRange::Any => f.write_str("*"),
            MediaRange::AnySubtype(t) => write!(f, "{t}/*"),
            MediaRange::Exact(t, s) => write!(f, "{t}/{s}"),
        }
    }
}

/// The media type list that starts at `at` and ends at the first byte that cannot continue
/// it (neither a token character, a space, nor the first `/` of an entry), checked in one
/// pass: its entry count and where it ends; `None` when those bytes are not a valid list.
/// Each entry is one or two token runs, so the bytes are classified by the run scan alone.
/// A list that ends within a window of the input is read there without length checks.
pub(crate) fn list_prefix(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    if let Some(window) = bytes
        .get(at..)
        .and_then(|rest| rest.first_chunk::<{ window::SPAN + 8 }>())
    {
        if let Some((count, end)) = window::list_in(window) {
            return Some((count, at + end));
        }
    }
    entries(bytes, at)
}

/// [`list_prefix`] on the whole input.
fn entries(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    // Each counted entry takes at least one byte of `bytes`, so the count cannot wrap.
    let mut count = 0usize;
    loop {
        let start = at;
        at = token_end(bytes, at);
        if bytes.get(at) == Some(&b'/') {
            // `type/subtype` or `type/*` (`*` is a token character); `*/subtype` is not one.
            let subtype = at + 1;
            at = token_end(bytes, subtype);
            if start + 1 >= subtype || at == subtype || bytes.get(start..subtype) == Some(b"*/") {
                return None;
            }
            count = count.wrapping_add(1);
        } else if at == start + 1 && bytes.get(start) == Some(&b'*') {
            count = count.wrapping_add(1);
        } else if at != start {
            return None;
        }
        // An empty entry (extra spaces) counts for nothing.
        if bytes.get(at) != Some(&b' ') {
            return (count > 0).then_some((count, at));
        }
        at += 1;
    }
}

/// RFC 2045 `token` (printable ASCII except SP and tspecials), which is exactly the
/// character set of the SDP `token`.
pub(crate) fn is_mime_token(s: &str) -> bool {
    crate::syntax::is_token(s)
}

/// A space-separated list of media ranges, checked when parsed and iterated without
/// allocation.
///
/// ```
/// let types = sdp::MediaTypes::parse("message/cpim text/*").unwrap();
/// assert!(types.allows("text/plain"));
/// assert!(!types.allows("image/png"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaTypes<'a> {
    raw: &'a str,
}

impl<'a> MediaTypes<'a> {
    /// Checks a list; `None` when empty or an entry breaks the grammar. Entries are separated
    /// by SP (extra spaces are tolerated).
    pub fn parse(raw: &'a str) -> Option<Self> {
        Self::parse_counted(raw).map(|(list, _)| list)
    }

    /// Checks a list in one pass and counts its entries.
    pub(crate) fn parse_counted(raw: &'a str) -> Option<(Self, usize)> {
        list_prefix(raw.as_bytes(), 0)
            .filter(|(_, end)| *end == raw.len())
            .map(|(count, _)| (MediaTypes { raw }, count))
    }

    /// A list already checked by [`list_prefix`].
    pub(crate) fn from_checked(raw: &'a str) -> Self {
        MediaTypes { raw }
    }

    /// The list as written.
    pub fn as_str(&self) -> &'a str {
        self.raw
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = MediaRange<'a>> + 'a {
        self.raw.split(' ').filter_map(MediaRange::parse)
    }

    /// How many entries the list has.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Always false: a parsed list has at least one entry.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// Whether a `type/subtype` content type (parameters after `;` ignored) is allowed.
    pub fn allows(&self, content_type: &str) -> bool {
        let essence = content_type.split(';').next().unwrap_or_default().trim();
        let Some((ty, subtype)) = essence.split_once('/') else {
            return false;
        };
        self.iter().any(|r| r.matches(ty, subtype))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time list scan that [`list_prefix`] replaced: the grammar the run scan
    /// must agree with.
    pub(super) fn reference_list_prefix(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        fn close(bytes: &[u8], start: usize, end: usize, slash: Option<usize>) -> Option<usize> {
            let valid = match slash {
                None if end == start => return Some(0),
                None => bytes.get(start..end) == Some(b"*"),
                Some(at) => at > start && at + 1 < end && bytes.get(start..at) != Some(b"*"),
            };
            valid.then_some(1)
        }
        let (mut count, mut start, mut slash, mut end) = (0usize, at, None, at);
        while let Some(&b) = bytes.get(end) {
            if crate::syntax::is_token_char(b) {
            } else if b == b' ' {
                count += close(bytes, start, end, slash)?;
                (start, slash) = (end + 1, None);
            } else if b == b'/' && slash.is_none() {
                slash = Some(end);
            } else {
                break;
            }
            end += 1;
        }
        count += close(bytes, start, end, slash)?;
        (count > 0).then_some((count, end))
    }

    proptest::proptest! {
        /// The run scan accepts exactly the lists the byte-at-a-time grammar accepts, with
        /// the same entry count and end, from any offset of generated text and of valid
        /// lists with one byte replaced, inserted or removed.
        #[test]
        fn list_scan_agrees_with_the_grammar(
            text in "([a-z*/ .+;\\r-]{0,6}){0,6}",
            list in "(\\*|[a-z.+-]{1,7}/(\\*|[a-z0-9.+-]{1,9}))( {1,2}(\\*|[a-z]{1,5}/[a-z*]{1,6})){0,4}",
            edit in 0usize..64,
            byte in proptest::prop_oneof![
                proptest::prelude::Just(b' '),
                proptest::prelude::Just(b'/'),
                proptest::prelude::Just(b'*'),
                proptest::prelude::Just(b'\r'),
                proptest::prelude::Just(b';'),
                proptest::prelude::any::<u8>(),
            ],
            at in 0usize..8,
        ) {
            let mut mutated = list.clone().into_bytes();
            let i = edit % (mutated.len() + 1);
            match edit % 3 {
                0 if i < mutated.len() => mutated[i] = byte,
                1 if i < mutated.len() => { mutated.remove(i); }
                _ => mutated.insert(i, byte),
            }
            for input in [text.as_bytes(), list.as_bytes(), &mutated[..]] {
                for tail in [&b""[..], b"\r\n", b"/x", b"\"x"] {
                    let bytes = [input, tail].concat();
                    proptest::prop_assert_eq!(
                        list_prefix(&bytes, at),
                        reference_list_prefix(&bytes, at),
                        "{:?} at {}", String::from_utf8_lossy(&bytes), at
                    );
                }
            }
        }
    }

    #[test]
    fn parses_entries_and_wildcards() {
        let list = MediaTypes::parse("message/cpim text/* *").unwrap();
        let entries: Vec<_> = list.iter().collect();
        assert_eq!(
            entries,
            [
                MediaRange::Exact("message", "cpim"),
                MediaRange::AnySubtype("text"),
                MediaRange::Any
            ]
        );
        assert_eq!(list.len(), 3);
    }

    #[test]
    fn rejects_broken_entries() {
        for bad in [
            "",
            " ",
            "text",
            "text/",
            "/plain",
            "*/plain",
            "text/pl;ain",
            "te xt/plain/",
        ] {
            assert!(MediaTypes::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn allows_by_wildcard_and_case() {
        let list = MediaTypes::parse("Text/Plain image/*").unwrap();
        assert!(list.allows("text/plain; charset=utf-8"));
        assert!(list.allows("IMAGE/png"));
        assert!(!list.allows("text/html"));
        assert!(!list.allows("garbage"));
        assert!(MediaTypes::parse("*")
            .unwrap()
            .allows("application/octet-stream"));
    }

    #[test]
    fn intersects_ranges() {
        let any = MediaRange::Any;
        let text = MediaRange::AnySubtype("text");
        let plain = MediaRange::Exact("text", "plain");
        let png = MediaRange::Exact("image", "png");
        assert_eq!(any.intersect(&plain), Some(plain));
        assert_eq!(text.intersect(&any), Some(text));
        assert_eq!(text.intersect(&plain), Some(plain));
        assert_eq!(plain.intersect(&text), Some(plain));
        assert_eq!(text.intersect(&png), None);
        assert_eq!(plain.intersect(&png), None);
        assert_eq!(text.intersect(&MediaRange::AnySubtype("TEXT")), Some(text));
        assert_eq!(
            plain.intersect(&MediaRange::Exact("TEXT", "PLAIN")),
            Some(plain)
        );
    }
}
