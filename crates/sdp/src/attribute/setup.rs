//! `a=setup` and `a=connection` (RFC 4145, used for MSRP by RFC 6135).

use core::fmt;

/// `a=setup`: which side opens the TCP connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setup {
    /// This side connects.
    Active,
    /// This side accepts.
    Passive,
    /// Either; the answer decides (offer only).
    ActPass,
    /// No connection for now.
    HoldConn,
}

impl Setup {
    /// Parses the attribute value (ABNF literals are case-insensitive).
    pub fn parse(value: &str) -> Option<Setup> {
        // The lower-case spelling every peer writes first; then any case.
        match value {
            "active" => return Some(Setup::Active),
            "passive" => return Some(Setup::Passive),
            "actpass" => return Some(Setup::ActPass),
            _ => {}
        }
        [
            Setup::Active,
            Setup::Passive,
            Setup::ActPass,
            Setup::HoldConn,
        ]
        .into_iter()
        .find(|s| s.as_str().eq_ignore_ascii_case(value))
    }

    /// The value as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Setup::Active => "active",
            Setup::Passive => "passive",
            Setup::ActPass => "actpass",
            Setup::HoldConn => "holdconn",
        }
    }
}

impl fmt::Display for Setup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `a=connection`: whether a new TCP connection is wanted or an existing one is reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConnectionMode {
    /// `new`
    New,
    /// `existing`
    Existing,
}

impl ConnectionMode {
    /// Parses the attribute value.
    pub fn parse(value: &str) -> Option<ConnectionMode> {
        if value.eq_ignore_ascii_case("new") {
            Some(ConnectionMode::New)
        } else if value.eq_ignore_ascii_case("existing") {
            Some(ConnectionMode::Existing)
        } else {
            None
        }
    }

    /// The value as written.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionMode::New => "new",
            ConnectionMode::Existing => "existing",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_role() {
        for s in [
            Setup::Active,
            Setup::Passive,
            Setup::ActPass,
            Setup::HoldConn,
        ] {
            assert_eq!(Setup::parse(s.as_str()), Some(s));
        }
        assert_eq!(Setup::parse("ACTPASS"), Some(Setup::ActPass));
        assert_eq!(Setup::parse("active "), None);
        assert_eq!(Setup::parse(""), None);
    }

    #[test]
    fn parses_connection_modes() {
        assert_eq!(ConnectionMode::parse("new"), Some(ConnectionMode::New));
        assert_eq!(
            ConnectionMode::parse("existing"),
            Some(ConnectionMode::Existing)
        );
        assert_eq!(ConnectionMode::parse("old"), None);
    }
}
