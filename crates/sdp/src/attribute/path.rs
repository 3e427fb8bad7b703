//! `a=path` (RFC 4975 §8.1): the MSRP URIs to reach the describing side. The last URI is that
//! side's own; the other side sends to the first one.

use crate::error::ParseErrorKind;
use msrp_codec::MsrpUri;

/// A checked `a=path` value. URIs are separated by one SP, as the grammar says.
///
/// ```
/// let path = sdp::Path::parse("msrp://relay.example:2855/r1;tcp msrp://bob.example:7394/b2;tcp", 16).unwrap();
/// assert_eq!(path.first().host(), "relay.example");
/// assert_eq!(path.own().session_id(), Some("b2"));
/// assert_eq!(path.len(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Path<'a> {
    raw: &'a str,
    first: MsrpUri<'a>,
    own: MsrpUri<'a>,
    len: usize,
}

impl<'a> Path<'a> {
    /// Parses a path list of at most `max_uris` URIs.
    pub fn parse(raw: &'a str, max_uris: usize) -> Result<Self, ParseErrorKind> {
        let mut first = None;
        let mut own = None;
        let mut len = 0usize;
        for (start, item) in split(raw) {
            let uri = MsrpUri::parse(item).map_err(|mut e| {
                e.offset = e.offset.saturating_add(start);
                ParseErrorKind::PathUri(e)
            })?;
            len = len.saturating_add(1);
            if len > max_uris {
                return Err(ParseErrorKind::TooManyPathUris { limit: max_uris });
            }
            first.get_or_insert(uri);
            own = Some(uri);
        }
        match (first, own) {
            (Some(first), Some(own)) => Ok(Path {
                raw,
                first,
                own,
                len,
            }),
            _ => Err(ParseErrorKind::InvalidAttribute {
                name: "path",
                what: "no URI",
            }),
        }
    }

    /// The list as written.
    pub fn as_str(&self) -> &'a str {
        self.raw
    }

    /// The first URI: where the other side sends its MSRP requests.
    pub fn first(&self) -> MsrpUri<'a> {
        self.first
    }

    /// The last URI: the describing endpoint's own URI.
    pub fn own(&self) -> MsrpUri<'a> {
        self.own
    }

    /// How many URIs the path has (at least one).
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: a parsed path has at least one URI.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The URIs in order, first to own.
    pub fn uris(&self) -> impl Iterator<Item = MsrpUri<'a>> + 'a {
        split(self.raw).filter_map(|(_, item)| MsrpUri::parse(item).ok())
    }

    /// The URIs as written, first to own.
    pub fn uri_strs(&self) -> impl Iterator<Item = &'a str> + 'a {
        split(self.raw).map(|(_, item)| item)
    }
}

/// The path list that starts at `at` and ends at the first control byte or the end of the
/// input, when [`Path::parse`] accepts those bytes with `max_uris`: where it ends. Items end
/// where a `non-ws-string` does (at a control byte, SP or DEL): when a byte other than SP,
/// CR or LF ends an item, or a non-ASCII byte is inside one, either the URI check fails or
/// the line end check after the item does, as for the item a scan for SP, CR and LF would
/// give.
#[inline(always)]
pub(crate) fn list_prefix(text: &str, mut at: usize, max_uris: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut len = 0usize;
    loop {
        // A URI of the common shape is checked and its end found in one scan; any other item
        // is found first and then checked.
        let end = match MsrpUri::plain_prefix_len(b.get(at..)?) {
            Some(len) => at + len,
            None => {
                let end = crate::syntax::non_ws_end(b, at);
                MsrpUri::check(text.get(at..end)?).ok()?;
                end
            }
        };
        len = len.saturating_add(1);
        if len > max_uris {
            return None;
        }
        match b.get(end) {
            Some(b' ') => at = end + 1,
            _ => return Some(end),
        }
    }
}

/// Items of the list with their byte offsets. An empty item (two spaces, or a leading or
/// trailing space) is yielded too so that the URI parser rejects it.
fn split(raw: &str) -> Items<'_> {
    Items {
        raw,
        start: Some(0),
    }
}

/// The iterator of [`split`]: a word-at-a-time byte search per item, cheaper than a string
/// pattern searcher or a vector search's setup on URIs of 30 to 60 bytes.
struct Items<'a> {
    raw: &'a str,
    start: Option<usize>,
}

impl<'a> Iterator for Items<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let start = self.start?;
        let rest = self.raw.get(start..)?;
        match crate::syntax::find_byte(rest.as_bytes(), b' ') {
            Some(at) => {
                self.start = Some(start.saturating_add(at).saturating_add(1));
                Some((start, rest.get(..at)?))
            }
            None => {
                self.start = None;
                Some((start, rest))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_uri_is_first_and_own() {
        let path = Path::parse("msrp://192.0.2.1:7394/abc;tcp", 16).unwrap();
        assert_eq!(path.first(), path.own());
        assert_eq!(path.len(), 1);
        assert_eq!(path.first().port(), Some(7394));
        assert_eq!(
            path.uri_strs().collect::<Vec<_>>(),
            ["msrp://192.0.2.1:7394/abc;tcp"]
        );
    }

    #[test]
    fn keeps_order_of_relays() {
        let path = Path::parse(
            "msrps://r1.example/a;tcp msrps://r2.example/b;tcp msrps://me.example/c;tcp",
            16,
        )
        .unwrap();
        let hosts: Vec<_> = path.uris().map(|u| u.host()).collect();
        assert_eq!(hosts, ["r1.example", "r2.example", "me.example"]);
        assert_eq!(path.own().host(), "me.example");
    }

    #[test]
    fn list_prefix_is_what_parse_accepts() {
        for raw in [
            "msrp://a.example/s;tcp",
            "msrp://a.example/s;tcp msrp://b.example/t;tcp",
            "msrp://a.example/s;tcp  msrp://b.example/t;tcp",
            "msrp://a.example/s;tcp ",
            "",
            " ",
            "http://x",
            "msrp://a.example/s;tcp msrp://b.example/t;tcp msrp://c.example/u;tcp",
        ] {
            for max in 0..4 {
                let line = format!("{raw}\r\n");
                let prefix = list_prefix(&line, 0, max);
                let parsed = Path::parse(raw, max).is_ok();
                assert_eq!(prefix, parsed.then_some(raw.len()), "{raw:?} {max}");
            }
        }
    }

    /// Path values near the common one: one to three URIs, with control bytes, non-ASCII
    /// characters, extra spaces and line ends put inside, before and after them.
    fn near_path_value() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let uri = prop_oneof![
            Just("msrp://198.51.100.7:7394/9di4eae923s;tcp"),
            Just("msrps://relay.example.com/a;tls"),
            Just("msrp://h/s;tcp"),
            Just("http://x"),
        ];
        let cut = prop_oneof![
            Just(""),
            Just(" "),
            Just("  "),
            Just("\t"),
            Just("\0"),
            Just("\r"),
            Just("\n"),
            Just("\x0b"),
            Just("\x1f"),
            Just("\x7f"),
            Just("é"),
            Just("\u{80}"),
        ];
        (
            prop::collection::vec((uri, cut.clone()), 1..4),
            cut,
            0usize..50,
        )
            .prop_map(|(items, first, at)| {
                let mut value: String = items.into_iter().map(|(u, c)| format!("{u}{c}")).collect();
                let at = (0..=at.min(value.len()))
                    .rev()
                    .find(|i| value.is_char_boundary(*i))
                    .unwrap_or(0);
                value.insert_str(at, first);
                value
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Whatever control bytes, non-ASCII characters, spaces and line ends a path value
        /// holds, the parse of an offer with it returns exactly what the general scanner and
        /// field parsers return: the one-pass reader ends items where a `non-ws-string` ends,
        /// which must not change where any error is reported.
        #[test]
        fn path_items_agree_with_the_general_parse(value in near_path_value(), lf in proptest::prelude::any::<bool>()) {
            let end = if lf { "\n" } else { "\r\n" };
            let text = format!(
                "v=0{end}o=a 1 1 IN IP4 192.0.2.1{end}s=-{end}c=IN IP4 192.0.2.1{end}t=0 0{end}\
                 m=message 7394 TCP/MSRP *{end}a=path:{value}{end}a=setup:active{end}"
            );
            let limits = crate::limits::Limits::default();
            proptest::prop_assert_eq!(
                crate::parse::parse(text.as_bytes(), &limits),
                crate::parse::parse_general(text.as_bytes(), &limits),
                "{:?}", text
            );
        }
    }

    #[test]
    fn rejects_bad_lists_with_offsets() {
        let err = Path::parse("msrp://a.example/s;tcp http://b", 16).unwrap_err();
        assert!(
            matches!(err, ParseErrorKind::PathUri(e) if e.offset >= 23),
            "{err:?}"
        );
        assert!(Path::parse("", 16).is_err());
        assert!(Path::parse("msrp://a.example/s;tcp  msrp://b.example/t;tcp", 16).is_err());
        assert!(Path::parse("msrp://a.example/s;tcp ", 16).is_err());
        let three = "msrp://a.example/s;tcp msrp://b.example/t;tcp msrp://c.example/u;tcp";
        assert_eq!(
            Path::parse(three, 2),
            Err(ParseErrorKind::TooManyPathUris { limit: 2 })
        );
    }
}
