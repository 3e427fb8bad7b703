//! Typed views of header values.
//!
//! Each type parses one header value (or one element of a comma list) borrowed from the
//! message, and writes its canonical form back with `Display`, so that a value built by hand,
//! displayed and parsed again gives the same fields. Use [`split_list`] first for headers whose
//! grammar is a comma-separated list.
//!
//! | Header (compact form) | Type | List? |
//! |---|---|---|
//! | Via (`v`) | [`Via`] | yes |
//! | From (`f`), To (`t`), Reply-To | [`NameAddr`] | no |
//! | Route, Record-Route | [`NameAddr::parse_route`] | yes |
//! | Contact (`m`) | [`Contact`] | yes |
//! | Call-ID (`i`) | [`CallId`] | no |
//! | CSeq | [`CSeq`] | no |
//! | Max-Forwards | [`MaxForwards`] | no |
//! | Content-Length (`l`) | [`ContentLength`] | no |
//! | Content-Type (`c`) | [`ContentType`] | no |
//! | Supported (`k`), Require, Proxy-Require, Unsupported | [`OptionTags`] | parsed whole |
//! | Allow | [`Allow`] | parsed whole |
//! | Session-Expires (`x`), Min-SE | [`SessionExpires`], [`MinSe`] | no |
//! | Accept-Contact (`a`) | [`AcceptContact`] | yes |
//! | Privacy | [`Privacy`] | no (`;`-separated) |
//! | User-Agent, Server | [`UserAgent`], [`Server`] | no |
//! | WWW-Authenticate, Proxy-Authenticate | [`Challenge`] | no (commas separate parameters) |
//! | Authorization, Proxy-Authorization | [`Credentials`], written with [`DigestCredentials`] | no |
//! | Retry-After | [`RetryAfter`] | no |
//! | Reason | [`Reason`] | yes |

mod accept_contact;
mod allow;
mod auth;
mod call_id;
mod contact;
mod content_length;
mod content_type;
mod cseq;
mod digest;
mod max_forwards;
#[cfg(test)]
pub(crate) mod mutation;
mod name_addr;
mod params;
pub(crate) mod plain_params;
mod privacy;
mod reason;
mod retry_after;
#[cfg(test)]
mod round_trip;
mod session_expires;
mod token_list;
mod user_agent;
mod via;

pub use accept_contact::AcceptContact;
pub use allow::Allow;
pub use auth::{Algorithm, AuthParams, Challenge, Credentials};
pub use call_id::CallId;
pub use contact::Contact;
pub use content_length::ContentLength;
pub use content_type::ContentType;
pub use cseq::CSeq;
pub use digest::DigestCredentials;
pub use max_forwards::MaxForwards;
pub use name_addr::{write_display_name, DisplayName, NameAddr};
pub use params::{Param, ParamIter, ParamValue, Params};
pub use privacy::{PrivValue, Privacy};
pub use reason::Reason;
pub use retry_after::RetryAfter;
pub use session_expires::{MinSe, Refresher, SessionExpires, MIN_SESSION_INTERVAL};
pub use token_list::{OptionTags, TokenList};
pub use user_agent::{Products, Server, ServerVal, UserAgent};
pub use via::{Branch, Rport, SentBy, Via};

use crate::grammar::trim_lws;

/// Splits a comma-separated header value into its elements, yielding each element trimmed of
/// linear whitespace together with its byte offset in `value`.
///
/// Commas inside quoted strings and inside `<...>` do not split (a display name or URI may hold
/// one). A blank value has no elements; otherwise every element is yielded, empty ones included,
/// so that the element parser reports them as errors at the right offset.
///
/// ```
/// use sip_msg::header::split_list;
/// let items: Vec<_> = split_list(r#""Doe, J" <sip:a@b;x=1,2>, <sip:c@d> "#).collect();
/// assert_eq!(items, [(0, r#""Doe, J" <sip:a@b;x=1,2>"#), (26, "<sip:c@d>")]);
/// ```
pub fn split_list(value: &str) -> SplitList<'_> {
    let blank = trim_lws(value).1.is_empty();
    SplitList {
        value,
        pos: if blank { None } else { Some(0) },
    }
}

/// Iterator returned by [`split_list`].
#[derive(Debug, Clone)]
pub struct SplitList<'a> {
    value: &'a str,
    pos: Option<usize>,
}

impl<'a> Iterator for SplitList<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let start = self.pos?;
        let end = element_end(self.value, start);
        self.pos = (end < self.value.len()).then_some(end + 1);
        let (lead, item) = trim_lws(self.value.get(start..end).unwrap_or(""));
        Some((start + lead, item))
    }
}

/// Offset of the comma ending the element starting at `from`, or the end of `value`.
fn element_end(value: &str, from: usize) -> usize {
    let bytes = value.as_bytes();
    // Outside quotes and angle brackets only `,`, `"` and `<` change the state, so a
    // vectorised search jumps to the first of them; most elements end there.
    let rest = bytes.get(from..).unwrap_or(&[]);
    let mut pos = match memchr::memchr3(b',', b'"', b'<', rest) {
        Some(at) if rest.get(at) == Some(&b',') => return from + at,
        Some(at) => from + at,
        None => return bytes.len(),
    };
    let mut in_quotes = false;
    let mut in_angles = false;
    while let Some(&b) = bytes.get(pos) {
        match b {
            b'\\' if in_quotes => pos += 1,
            b'"' if !in_angles => in_quotes = !in_quotes,
            b'<' if !in_quotes => in_angles = true,
            b'>' if !in_quotes => in_angles = false,
            b',' if !in_quotes && !in_angles => return pos,
            _ => {}
        }
        pos += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(value: &str) -> Vec<(usize, &str)> {
        split_list(value).collect()
    }

    #[test]
    fn splits_and_trims_with_offsets() {
        assert_eq!(items("a, b ,c"), [(0, "a"), (3, "b"), (6, "c")]);
        assert_eq!(items(" timer ,\r\n 100rel"), [(1, "timer"), (11, "100rel")]);
    }

    #[test]
    fn quotes_and_angles_protect_commas() {
        assert_eq!(
            items(r#""a,\"b," <sip:x>, c"#),
            [(0, r#""a,\"b," <sip:x>"#), (18, "c")]
        );
        assert_eq!(
            items("<sip:a;p=1,2>,<sip:b>"),
            [(0, "<sip:a;p=1,2>"), (14, "<sip:b>")]
        );
        assert_eq!(items(r#"x;q="<",y"#), [(0, r#"x;q="<""#), (8, "y")]);
    }

    #[test]
    fn blank_values_have_no_items_but_empty_items_are_kept() {
        assert!(items("").is_empty());
        assert!(items(" \t").is_empty());
        assert_eq!(items("a,,b,"), [(0, "a"), (2, ""), (3, "b"), (5, "")]);
        assert_eq!(items(","), [(0, ""), (1, "")]);
    }

    #[test]
    fn unterminated_quote_runs_to_the_end() {
        assert_eq!(items(r#"a, "b, c"#), [(0, "a"), (3, r#""b, c"#)]);
        assert_eq!(items("\"\\"), [(0, "\"\\")]);
    }
}
