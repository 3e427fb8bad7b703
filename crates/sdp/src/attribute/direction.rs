//! Media direction attributes (RFC 8866 §6.7, RFC 3264 §6.1).

use core::fmt;

/// `a=sendrecv`, `a=sendonly`, `a=recvonly` or `a=inactive`. A media section's own attribute
/// overrides the session-level one; with neither, the direction is [`Direction::SendRecv`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Both ways (the default).
    #[default]
    SendRecv,
    /// The describing side only sends.
    SendOnly,
    /// The describing side only receives.
    RecvOnly,
    /// Neither side sends.
    Inactive,
}

impl Direction {
    /// The direction named by an attribute name, if it is one of the four.
    pub fn from_attribute(name: &str) -> Option<Direction> {
        match name {
            "sendrecv" => Some(Direction::SendRecv),
            "sendonly" => Some(Direction::SendOnly),
            "recvonly" => Some(Direction::RecvOnly),
            "inactive" => Some(Direction::Inactive),
            _ => None,
        }
    }

    /// The attribute name.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::SendRecv => "sendrecv",
            Direction::SendOnly => "sendonly",
            Direction::RecvOnly => "recvonly",
            Direction::Inactive => "inactive",
        }
    }

    /// Whether an answer may carry `answer` for a stream offered with `self` (RFC 3264 §6.1:
    /// the answerer may only narrow the offer, seen from its own side).
    pub fn accepts_answer(self, answer: Direction) -> bool {
        match self {
            Direction::SendRecv => true,
            Direction::SendOnly => matches!(answer, Direction::RecvOnly | Direction::Inactive),
            Direction::RecvOnly => matches!(answer, Direction::SendOnly | Direction::Inactive),
            Direction::Inactive => answer == Direction::Inactive,
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for d in [
            Direction::SendRecv,
            Direction::SendOnly,
            Direction::RecvOnly,
            Direction::Inactive,
        ] {
            assert_eq!(Direction::from_attribute(d.as_str()), Some(d));
        }
        assert_eq!(Direction::from_attribute("SENDONLY"), None);
        assert_eq!(Direction::default(), Direction::SendRecv);
    }

    #[test]
    fn sendonly_offer_takes_only_recvonly_or_inactive() {
        let offer = Direction::SendOnly;
        assert!(offer.accepts_answer(Direction::RecvOnly));
        assert!(offer.accepts_answer(Direction::Inactive));
        assert!(!offer.accepts_answer(Direction::SendRecv));
        assert!(!offer.accepts_answer(Direction::SendOnly));
        assert!(Direction::SendRecv.accepts_answer(Direction::SendOnly));
        assert!(!Direction::Inactive.accepts_answer(Direction::RecvOnly));
    }
}
