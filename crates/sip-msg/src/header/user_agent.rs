//! User-Agent and Server (RFC 3261 20.41, 20.35): `server-val *( LWS server-val )` with
//! `server-val = product / comment` and `product = token [ SLASH product-version ]`.

use crate::grammar::{Comment, Scanner};
use crate::ValueError;
use core::fmt;

/// One element of a product list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerVal<'a> {
    /// `name[/version]`, e.g. `CPM-client/OMA2.2`.
    Product {
        /// The product name.
        name: &'a str,
        /// The version after `/`.
        version: Option<&'a str>,
    },
    /// A comment.
    Comment(Comment<'a>),
}

/// The value of User-Agent or Server.
///
/// ```
/// use sip_msg::header::{ServerVal, UserAgent};
/// let ua = UserAgent::parse("CPM-client/OMA2.2 (large message) Acme/1").unwrap();
/// let first = ua.iter().next();
/// assert_eq!(first, Some(ServerVal::Product { name: "CPM-client", version: Some("OMA2.2") }));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Products<'a> {
    raw: &'a str,
}

/// A User-Agent value.
pub type UserAgent<'a> = Products<'a>;
/// A Server value.
pub type Server<'a> = Products<'a>;

impl<'a> Products<'a> {
    /// Parses at least one product or comment.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        let mut s = Scanner::new(value);
        s.skip_sws();
        if s.at_end() {
            return Err(s.error("product"));
        }
        while !s.at_end() {
            scan_server_val(&mut s)?;
            let before = s.pos();
            s.skip_sws();
            if s.pos() == before && !s.at_end() && s.peek() != Some(b'(') {
                return Err(s.error("LWS"));
            }
        }
        Ok(Products { raw: value })
    }

    /// The products and comments in order.
    pub fn iter(&self) -> impl Iterator<Item = ServerVal<'a>> {
        let mut s = Scanner::new(self.raw);
        core::iter::from_fn(move || {
            s.skip_sws();
            scan_server_val(&mut s).ok()
        })
    }
}

fn scan_server_val<'a>(s: &mut Scanner<'a>) -> Result<ServerVal<'a>, ValueError> {
    if s.peek() == Some(b'(') {
        return s.comment().map(ServerVal::Comment);
    }
    let name = s.token("product")?;
    let version = if s.try_separator(b'/') {
        Some(s.token("product-version")?)
    } else {
        None
    };
    Ok(ServerVal::Product { name, version })
}

impl fmt::Display for ServerVal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerVal::Product {
                name,
                version: Some(v),
            } => write!(f, "{name}/{v}"),
            ServerVal::Product {
                name,
                version: None,
            } => f.write_str(name),
            ServerVal::Comment(comment) => comment.fmt(f),
        }
    }
}

impl PartialEq for Products<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl fmt::Display for Products<'_> {
    /// Writes the elements separated by one space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            v.fmt(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_and_comments() {
        let ua = UserAgent::parse(" Softphone / Beta1.5 (nested (x) \\) c)\r\n\tLib(os)").unwrap();
        let all: Vec<_> = ua.iter().collect();
        let comment = |v: ServerVal<'static>| match v {
            ServerVal::Comment(c) => Some(c.raw()),
            ServerVal::Product { .. } => None,
        };
        assert_eq!(all.len(), 4);
        assert_eq!(
            all[0],
            ServerVal::Product {
                name: "Softphone",
                version: Some("Beta1.5")
            }
        );
        assert_eq!(comment(all[1]), Some("nested (x) \\) c"));
        assert_eq!(
            all[2],
            ServerVal::Product {
                name: "Lib",
                version: None
            }
        );
        assert_eq!(comment(all[3]), Some("os"));
        assert_eq!(
            ua.to_string(),
            "Softphone/Beta1.5 (nested (x) \\) c) Lib (os)"
        );
        let again = ua.to_string();
        assert!(Server::parse(&again).unwrap() == ua);
    }

    #[test]
    fn every_error_path_has_its_offset() {
        let err = |t| Products::parse(t).unwrap_err();
        assert_eq!(err(""), ValueError::new(0, "product"));
        assert_eq!(err("a/"), ValueError::new(2, "product-version"));
        assert_eq!(err("a (b"), ValueError::new(4, "closing RPAREN"));
        assert_eq!(err("a, b"), ValueError::new(1, "LWS"));
        assert_eq!(err("(a)b"), ValueError::new(3, "LWS"));
        assert_eq!(err("a @"), ValueError::new(2, "product"));
    }
}
