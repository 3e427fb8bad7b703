//! Comma lists of tokens: the option tags of Supported, Require, Proxy-Require and Unsupported
//! (RFC 3261 20.37, 20.32, 20.29, 20.40).

use super::split_list;
use crate::grammar::is_token;
use crate::ValueError;
use core::fmt;

/// A validated comma list of tokens, e.g. `timer, 100rel`. An empty list is valid (Supported
/// may be empty); headers that need at least one element check [`TokenList::is_empty`].
#[derive(Debug, Clone, Copy)]
pub struct TokenList<'a> {
    raw: &'a str,
}

/// The option tags of Supported, Require, Proxy-Require and Unsupported.
///
/// ```
/// use sip_msg::header::OptionTags;
/// let tags = OptionTags::parse("timer, 100rel").unwrap();
/// assert!(tags.contains("timer") && !tags.contains("path"));
/// ```
pub type OptionTags<'a> = TokenList<'a>;

impl<'a> TokenList<'a> {
    /// Parses a comma list whose elements are single tokens.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        for (at, item) in split_list(value) {
            let bad = item.bytes().position(|b| !is_token(b));
            match (item.is_empty(), bad) {
                (true, _) => return Err(ValueError::new(at, "token")),
                (false, Some(i)) => return Err(ValueError::new(at + i, "COMMA")),
                (false, None) => {}
            }
        }
        Ok(TokenList { raw: value })
    }

    /// The elements in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> {
        split_list(self.raw).map(|(_, item)| item)
    }

    /// Whether `token` is listed; tokens compare case-insensitively (RFC 3261 7.3.1).
    pub fn contains(&self, token: &str) -> bool {
        self.iter().any(|t| t.eq_ignore_ascii_case(token))
    }

    /// Whether the list has no element.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl PartialEq for TokenList<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for TokenList<'_> {}

impl fmt::Display for TokenList<'_> {
    /// Writes the elements separated by `, `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, token) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(token)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_finds_tags() {
        let t = OptionTags::parse(" timer ,\r\n 100rel,recipient-list-invite").unwrap();
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            ["timer", "100rel", "recipient-list-invite"]
        );
        assert!(t.contains("TIMER"));
        assert_eq!(t.to_string(), "timer, 100rel, recipient-list-invite");
        assert_eq!(OptionTags::parse(&t.to_string()), Ok(t));
        assert!(OptionTags::parse("").unwrap().is_empty());
        assert!(!t.is_empty());
    }

    #[test]
    fn rejects_with_offsets() {
        assert_eq!(
            OptionTags::parse("timer,"),
            Err(ValueError::new(6, "token"))
        );
        assert_eq!(OptionTags::parse("a,,b"), Err(ValueError::new(2, "token")));
        assert_eq!(OptionTags::parse("a b"), Err(ValueError::new(1, "COMMA")));
        assert_eq!(
            OptionTags::parse("a, b;c"),
            Err(ValueError::new(4, "COMMA"))
        );
    }
}
