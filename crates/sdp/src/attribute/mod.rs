//! `a=` lines: the generic `name[:value]` form every attribute has, and the attributes an
//! MSRP session relies on, typed.

pub mod accept_types;
pub mod direction;
pub(crate) mod max_size;
pub mod path;
pub mod setup;

use crate::error::ParseErrorKind;
use crate::limits::Limits;
use crate::syntax::is_token;
use accept_types::MediaTypes;
use direction::Direction;
use setup::{ConnectionMode, Setup};

/// One `a=` line: `a=<name>` (a flag) or `a=<name>:<value>`. Unknown attributes are kept
/// exactly as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute<'a> {
    /// The attribute name (case-sensitive).
    pub name: &'a str,
    /// The value after the first `:`, if there is one.
    pub value: Option<&'a str>,
}

impl<'a> Attribute<'a> {
    /// Splits the value of an `a=` line; names are not checked here.
    pub(crate) fn split(line_value: &'a str) -> Self {
        let (name, value) = crate::syntax::split_once_byte(line_value, b':');
        Attribute { name, value }
    }
}

/// The attributes that may appear once per section and whose value is checked while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    Path,
    AcceptTypes,
    AcceptWrappedTypes,
    MaxSize,
    Setup,
    ConnectionMode,
    Direction,
}

impl Known {
    fn name(self) -> &'static str {
        match self {
            Known::Path => "path",
            Known::AcceptTypes => "accept-types",
            Known::AcceptWrappedTypes => "accept-wrapped-types",
            Known::MaxSize => "max-size",
            Known::Setup => "setup",
            Known::ConnectionMode => "connection",
            Known::Direction => "sendrecv/sendonly/recvonly/inactive",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Which known attributes a section has had so far, to reject repeats.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Seen(u8);

impl Seen {
    pub(crate) fn insert(&mut self, known: Known) -> Result<(), ParseErrorKind> {
        if self.0 & known.bit() != 0 {
            return Err(ParseErrorKind::RepeatedAttribute { name: known.name() });
        }
        self.0 |= known.bit();
        Ok(())
    }
}

/// A known attribute's parsed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Typed<'a> {
    Path(&'a str),
    AcceptTypes(MediaTypes<'a>),
    AcceptWrappedTypes(MediaTypes<'a>),
    MaxSize(u64),
    Setup(Setup),
    ConnectionMode(ConnectionMode),
    Direction(Direction),
}

impl Typed<'_> {
    pub(crate) fn known(&self) -> Known {
        match self {
            Typed::Path(_) => Known::Path,
            Typed::AcceptTypes(_) => Known::AcceptTypes,
            Typed::AcceptWrappedTypes(_) => Known::AcceptWrappedTypes,
            Typed::MaxSize(_) => Known::MaxSize,
            Typed::Setup(_) => Known::Setup,
            Typed::ConnectionMode(_) => Known::ConnectionMode,
            Typed::Direction(_) => Known::Direction,
        }
    }
}

/// Checks an `a=` line: the name is a token, and a known attribute's value follows its
/// grammar. Returns the known attribute's value, if it is one.
pub(crate) fn check<'a>(
    attr: &Attribute<'a>,
    limits: &Limits,
) -> Result<Option<Typed<'a>>, ParseErrorKind> {
    let known = match attr.name {
        "path" => Known::Path,
        "accept-types" => Known::AcceptTypes,
        "accept-wrapped-types" => Known::AcceptWrappedTypes,
        "max-size" => Known::MaxSize,
        "setup" => Known::Setup,
        "connection" => Known::ConnectionMode,
        "sendrecv" | "sendonly" | "recvonly" | "inactive" => return direction(attr),
        name if is_token(name) => return Ok(None),
        _ => {
            let what = "attribute name is not a token";
            return Err(ParseErrorKind::InvalidField { field: 'a', what });
        }
    };
    let value = attr.value.ok_or(invalid(known.name(), "value missing"))?;
    typed_value(known, value, limits).map(Some)
}

fn direction<'a>(attr: &Attribute<'a>) -> Result<Option<Typed<'a>>, ParseErrorKind> {
    match (Direction::from_attribute(attr.name), attr.value) {
        (Some(direction), None) => Ok(Some(Typed::Direction(direction))),
        _ => Err(invalid(Known::Direction.name(), "takes no value")),
    }
}

fn typed_value<'a>(
    known: Known,
    value: &'a str,
    limits: &Limits,
) -> Result<Typed<'a>, ParseErrorKind> {
    let bad = || invalid(known.name(), "value breaks the grammar");
    match known {
        Known::Path => path::Path::parse(value, limits.max_path_uris).map(|_| Typed::Path(value)),
        Known::AcceptTypes => media_types(known, value, limits).map(Typed::AcceptTypes),
        Known::AcceptWrappedTypes => {
            media_types(known, value, limits).map(Typed::AcceptWrappedTypes)
        }
        Known::MaxSize => max_size::parse(value).map(Typed::MaxSize).ok_or_else(bad),
        Known::Setup => Setup::parse(value).map(Typed::Setup).ok_or_else(bad),
        Known::ConnectionMode => ConnectionMode::parse(value)
            .map(Typed::ConnectionMode)
            .ok_or_else(bad),
        Known::Direction => Err(bad()),
    }
}

fn media_types<'a>(
    known: Known,
    value: &'a str,
    limits: &Limits,
) -> Result<MediaTypes<'a>, ParseErrorKind> {
    let (list, count) = MediaTypes::parse_counted(value).ok_or(invalid(
        known.name(),
        "expected `*`, `type/*` or `type/subtype` entries",
    ))?;
    if count > limits.max_accept_types {
        return Err(ParseErrorKind::TooManyAcceptTypes {
            limit: limits.max_accept_types,
        });
    }
    Ok(list)
}

fn invalid(name: &'static str, what: &'static str) -> ParseErrorKind {
    ParseErrorKind::InvalidAttribute { name, what }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_line(line: &str) -> Result<Option<Known>, ParseErrorKind> {
        check(&Attribute::split(line), &Limits::default()).map(|t| t.map(|t| t.known()))
    }

    #[test]
    fn splits_name_and_value_at_first_colon() {
        assert_eq!(
            Attribute::split("rtpmap:0 PCMU/8000"),
            Attribute {
                name: "rtpmap",
                value: Some("0 PCMU/8000")
            }
        );
        assert_eq!(Attribute::split("x:a:b").value, Some("a:b"));
        assert_eq!(
            Attribute::split("recvonly"),
            Attribute {
                name: "recvonly",
                value: None
            }
        );
    }

    #[test]
    fn recognises_known_attributes() {
        assert_eq!(check_line("sendonly"), Ok(Some(Known::Direction)));
        assert_eq!(check_line("setup:actpass"), Ok(Some(Known::Setup)));
        assert_eq!(check_line("max-size:100"), Ok(Some(Known::MaxSize)));
        assert_eq!(
            check_line("connection:new"),
            Ok(Some(Known::ConnectionMode))
        );
        assert_eq!(check_line("accept-types:*"), Ok(Some(Known::AcceptTypes)));
        assert_eq!(
            check_line("accept-wrapped-types:text/*"),
            Ok(Some(Known::AcceptWrappedTypes))
        );
        assert_eq!(
            check_line("path:msrp://h.example/s;tcp"),
            Ok(Some(Known::Path))
        );
        assert_eq!(
            check_line("file-selector:name:\"a b\" type:text/plain"),
            Ok(None)
        );
        assert_eq!(check_line("x-unknown"), Ok(None));
    }

    #[test]
    fn returns_typed_values() {
        let typed = |line| check(&Attribute::split(line), &Limits::default()).unwrap();
        assert_eq!(typed("max-size:2048"), Some(Typed::MaxSize(2048)));
        assert_eq!(typed("setup:passive"), Some(Typed::Setup(Setup::Passive)));
        assert_eq!(
            typed("inactive"),
            Some(Typed::Direction(Direction::Inactive))
        );
        assert_eq!(
            typed("path:msrp://h.example/s;tcp"),
            Some(Typed::Path("msrp://h.example/s;tcp"))
        );
    }

    #[test]
    fn rejects_broken_known_values() {
        for bad in [
            "sendonly:x",
            "setup:sideways",
            "max-size:big",
            "connection:old",
            "accept-types:",
            "path:",
            "setup",
            "bad name:1",
        ] {
            assert!(check_line(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_repeats_and_counts_directions_as_one() {
        let mut seen = Seen::default();
        assert!(seen.insert(Known::Direction).is_ok());
        assert!(seen.insert(Known::Path).is_ok());
        assert!(seen.insert(Known::Direction).is_err());
        assert!(seen.insert(Known::Path).is_err());
    }

    #[test]
    fn limits_list_lengths() {
        let limits = Limits {
            max_accept_types: 1,
            ..Limits::default()
        };
        let err = check(&Attribute::split("accept-types:a/b c/d"), &limits).map(|_| ());
        assert_eq!(err, Err(ParseErrorKind::TooManyAcceptTypes { limit: 1 }));
    }
}
