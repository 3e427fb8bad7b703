//! Space-separated URI lists: `a=path`, To-Path and From-Path.

use super::syntax::{find_from, slice};
use super::{err, MsrpUri, UriError, UriErrorKind};

/// The URIs of a space-separated list (`a=path`, To-Path, From-Path), parsed lazily without
/// allocation. Error offsets are within the whole list.
///
/// ```
/// use msrp_codec::uri::split_path;
/// let path = "msrp://relay.example:2855/r1;tcp msrp://bob.example/b2;tcp";
/// let hosts: Vec<_> = split_path(path).map(|u| u.unwrap().host()).collect();
/// assert_eq!(hosts, ["relay.example", "bob.example"]);
/// assert!(split_path("msrp://a/b;tcp  msrp://c/d;tcp").any(|u| u.is_err()));
/// ```
pub fn split_path(list: &str) -> PathUris<'_> {
    PathUris { list, pos: 0 }
}

/// Iterator returned by [`split_path`].
#[derive(Debug, Clone)]
pub struct PathUris<'a> {
    list: &'a str,
    pos: usize,
}

impl<'a> Iterator for PathUris<'a> {
    type Item = Result<MsrpUri<'a>, UriError>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.pos;
        if start > self.list.len() || (start == 0 && self.list.is_empty()) {
            self.pos = usize::MAX;
            return (start == 0).then_some(Err(err(UriErrorKind::Empty, 0)));
        }
        let end = find_from(self.list.as_bytes(), start, b' ').unwrap_or(self.list.len());
        self.pos = end.saturating_add(1);
        let item = slice(self.list, start, end);
        if item.is_empty() {
            self.pos = usize::MAX;
            return Some(Err(err(UriErrorKind::Empty, start)));
        }
        Some(MsrpUri::parse(item).map_err(|e| err(e.kind, e.offset.saturating_add(start))))
    }
}
