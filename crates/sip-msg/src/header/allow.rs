//! Allow (RFC 3261 20.5): the methods a user agent supports, e.g. whether UPDATE can refresh a
//! session (RFC 4028 9).

use super::token_list::TokenList;
use crate::ValueError;
use core::fmt;

/// A comma list of methods.
///
/// ```
/// use sip_msg::header::Allow;
/// let allow = Allow::parse("INVITE, ACK, CANCEL, BYE, UPDATE").unwrap();
/// assert!(allow.allows("UPDATE") && !allow.allows("update"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allow<'a> {
    methods: TokenList<'a>,
}

impl<'a> Allow<'a> {
    /// Parses the list (it may be empty).
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        TokenList::parse(value).map(|methods| Allow { methods })
    }

    /// The methods in order.
    pub fn methods(&self) -> impl Iterator<Item = &'a str> {
        self.methods.iter()
    }

    /// Whether `method` is listed; methods are case-sensitive (RFC 3261 7.1).
    pub fn allows(&self, method: &str) -> bool {
        self.methods().any(|m| m == method)
    }
}

impl fmt::Display for Allow<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.methods.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_methods_case_sensitively() {
        let a = Allow::parse("INVITE,ACK ,\tBYE, FOO").unwrap();
        assert_eq!(
            a.methods().collect::<Vec<_>>(),
            ["INVITE", "ACK", "BYE", "FOO"]
        );
        assert!(a.allows("FOO") && !a.allows("UPDATE") && !a.allows("invite"));
        assert_eq!(a.to_string(), "INVITE, ACK, BYE, FOO");
        assert_eq!(Allow::parse(&a.to_string()), Ok(a));
        assert_eq!(Allow::parse("INVITE,"), Err(ValueError::new(7, "token")));
        assert_eq!(Allow::parse("IN VITE"), Err(ValueError::new(2, "COMMA")));
    }
}
