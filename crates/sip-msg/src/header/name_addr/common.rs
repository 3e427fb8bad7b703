//! The direct path for the name-addr almost every From, To and Route carries:
//! `["display name" ]<uri>[;<name>[=<token>]]*` with no other whitespace and no escapes in
//! the display name. It reads that shape in one pass and gives up (returns `None`) on
//! anything else, so the full grammar in [`NameAddr::parse`] decides every unusual value and
//! every error. The usual `sip:user@host[:port]` URI is read in the same pass, which also finds
//! its `>`; any other goes through [`Uri::parse`].

use super::{check_param, DisplayName, NameAddr, Params, KNOWN};
use crate::grammar::{is_qdtext, sub, QuotedString};
use crate::header::plain_params::{self, span, token_end};
use crate::uri::{SipUri, Uri};

/// The name-addr `value`, when it has the common shape and is valid.
#[inline(always)]
pub(super) fn parse(value: &str) -> Option<NameAddr<'_>> {
    let bytes = value.as_bytes();
    let (display_name, open) = match bytes.first() {
        Some(b'<') => (None, 0),
        Some(b'"') => {
            let close = span(bytes, 1, |b| is_qdtext(b) || b == b' ');
            if bytes.get(close..close + 3) != Some(b"\" <") {
                return None;
            }
            let quoted = QuotedString::scanned(sub(value, 1, close)?);
            (Some(DisplayName::Quoted(quoted)), close + 2)
        }
        _ => return None,
    };
    let uri_start = open + 1;
    let (uri, uri_end) = match SipUri::parse_common_at(value, uri_start) {
        Some((uri, end)) if bytes.get(end) == Some(&b'>') => (Uri::Sip(uri), end),
        _ => {
            let uri_end = uri_start + memchr::memchr(b'>', bytes.get(uri_start..)?)?;
            (Uri::parse(value.get(uri_start..uri_end)?).ok()?, uri_end)
        }
    };
    let params_start = uri_end + 1;
    let (mut tag, rest_start) = match tag(value, params_start) {
        Some((tag, end)) => (Some(tag), end),
        None => (None, params_start),
    };
    if rest_start < value.len() {
        plain_params::scan(value, rest_start, |p, at| check_param(&mut tag, p, at))?;
    }
    Some(NameAddr {
        display_name,
        uri,
        tag,
        params: Params::checked(value.get(params_start..)?).hiding(KNOWN),
    })
}

/// `;tag=<token>` at `at`, the parameter of nearly every From and of To in a dialog, and
/// where it ends: matched without the parameter loop, in any case as the loop matches it.
fn tag(value: &str, at: usize) -> Option<(&str, usize)> {
    // `;tag` as one word, bit 5 lowercasing exactly its three letters, then the `=`.
    let name: [u8; 5] = value
        .as_bytes()
        .get(at..at.checked_add(5)?)?
        .try_into()
        .ok()?;
    let [a, b, c, d, equals] = name;
    if u32::from_le_bytes([a, b, c, d]) | 0x2020_2000 != u32::from_le_bytes(*b";tag")
        || equals != b'='
    {
        return None;
    }
    let start = at + 5;
    let end = token_end(value.as_bytes(), start);
    Some((sub(value, start, end)?, end)).filter(|_| end > start)
}
