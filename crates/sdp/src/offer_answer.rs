//! Checking an SDP answer against our offer for one MSRP message stream (RFC 3264 §6,
//! RFC 4975 §8, RFC 6135) and reading out what the session needs to go on.

use crate::attribute::accept_types::{MediaRange, MediaTypes};
use crate::attribute::direction::Direction;
use crate::attribute::path::Path;
use crate::attribute::setup::{ConnectionMode, Setup};
use crate::media::{MediaDescription, MsrpTransport};
use crate::session::SessionDescription;
use core::fmt;
use msrp_codec::MsrpUri;

/// Which rule an answer broke, or what is wrong with the offer it is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnswerError {
    /// The offer has no complete MSRP message stream (`m=message` with `TCP/MSRP` or
    /// `TCP/TLS/MSRP`, `a=path` and `a=accept-types`): a local error, not the peer's.
    InvalidOffer,
    /// The answer does not have one media section per offered one (RFC 3264 §6).
    MediaCountMismatch { offered: usize, answered: usize },
    /// The answer rejected the message stream with port 0 (RFC 3264 §6).
    StreamRejected,
    /// The answer's section at the message stream's index is not `m=message` with the
    /// offered transport.
    NotMatchingStream,
    /// The answer's direction does not fit the offer's (RFC 3264 §6.1).
    IncompatibleDirection {
        offered: Direction,
        answered: Direction,
    },
    /// The answer has no `a=accept-types` (RFC 4975 §8.6 requires it).
    MissingAcceptTypes,
    /// No media type is accepted by both sides.
    NoCommonAcceptType,
    /// The answer has no `a=path`, so there is nowhere to send.
    MissingPath,
    /// The answer's `a=setup` is not a valid answer to the offered one (RFC 4145 §4.1;
    /// absent means the answerer does not negotiate and the offerer connects, RFC 4975).
    SetupConflict {
        offered: Setup,
        answered: Option<Setup>,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SDP answer: ")?;
        match self {
            AnswerError::InvalidOffer => {
                f.write_str("the offer has no complete MSRP message stream")
            }
            AnswerError::MediaCountMismatch { offered, answered } => {
                write!(f, "{answered} media sections for {offered} offered")
            }
            AnswerError::StreamRejected => f.write_str("message stream rejected (port 0)"),
            AnswerError::NotMatchingStream => {
                f.write_str("not an m=message stream with the offered transport")
            }
            AnswerError::IncompatibleDirection { offered, answered } => {
                write!(
                    f,
                    "direction {answered} does not answer an offered {offered}"
                )
            }
            AnswerError::MissingAcceptTypes => f.write_str("no a=accept-types"),
            AnswerError::NoCommonAcceptType => f.write_str("no media type accepted by both sides"),
            AnswerError::MissingPath => f.write_str("no a=path"),
            AnswerError::SetupConflict {
                offered,
                answered: Some(answered),
            } => {
                write!(f, "a=setup:{answered} does not answer a=setup:{offered}")
            }
            AnswerError::SetupConflict {
                offered,
                answered: None,
            } => {
                write!(f, "no a=setup in answer to a=setup:{offered}")
            }
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for AnswerError {}

/// Who opens the MSRP connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionRole {
    /// We connect to the first URI of the answer's path.
    Connect,
    /// We listen on the address of our own path URI; the peer connects.
    Listen,
}

/// What an accepted answer means for the session: where to send, who connects, with or
/// without TLS, which media types may be sent and how large a message may be.
///
/// ```
/// let offer = sdp::SessionDescription::parse(include_bytes!("../../../examples/msrp-offer.sdp"))?;
/// let answer = sdp::SessionDescription::parse(include_bytes!("../../../examples/msrp-answer.sdp"))?;
/// let outcome = sdp::negotiate(&offer, &answer).expect("a valid answer");
/// assert_eq!(outcome.role(), sdp::ConnectionRole::Connect);
/// assert_eq!(outcome.connect_to().unwrap().port(), Some(12763));
/// assert!(outcome.peer_accepts("text/plain"));
/// # Ok::<(), sdp::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Negotiated<'a> {
    stream_index: usize,
    transport: MsrpTransport,
    local_path: Path<'a>,
    remote_path: Path<'a>,
    role: ConnectionRole,
    direction: Direction,
    offered_types: MediaTypes<'a>,
    answered_types: MediaTypes<'a>,
    answered_wrapped_types: Option<MediaTypes<'a>>,
    max_size: Option<u64>,
    connection_mode: Option<ConnectionMode>,
}

impl<'a> Negotiated<'a> {
    /// Index of the message stream among the media sections.
    pub fn stream_index(&self) -> usize {
        self.stream_index
    }

    /// `TCP/MSRP` or `TCP/TLS/MSRP`.
    pub fn transport(&self) -> MsrpTransport {
        self.transport
    }

    /// Whether the connection runs over TLS.
    pub fn tls(&self) -> bool {
        self.transport == MsrpTransport::Tls
    }

    /// Our path as offered.
    pub fn local_path(&self) -> Path<'a> {
        self.local_path
    }

    /// The peer's path; we send to its first URI.
    pub fn remote_path(&self) -> Path<'a> {
        self.remote_path
    }

    /// Who opens the connection.
    pub fn role(&self) -> ConnectionRole {
        self.role
    }

    /// The URI to connect to when we are the active side.
    pub fn connect_to(&self) -> Option<MsrpUri<'a>> {
        (self.role == ConnectionRole::Connect).then_some(self.remote_path.first())
    }

    /// The URI whose address we listen on when the peer connects.
    pub fn listen_on(&self) -> Option<MsrpUri<'a>> {
        (self.role == ConnectionRole::Listen).then_some(self.local_path.own())
    }

    /// The answer's direction (its own view: `recvonly` for our `sendonly`).
    pub fn answered_direction(&self) -> Direction {
        self.direction
    }

    /// The peer's `a=max-size`: the largest message it accepts, in octets.
    pub fn max_size(&self) -> Option<u64> {
        self.max_size
    }

    /// The answer's `a=connection`, if any.
    pub fn connection_mode(&self) -> Option<ConnectionMode> {
        self.connection_mode
    }

    /// The peer's `a=accept-types`.
    pub fn peer_accept_types(&self) -> MediaTypes<'a> {
        self.answered_types
    }

    /// The peer's `a=accept-wrapped-types`, if any.
    pub fn peer_accept_wrapped_types(&self) -> Option<MediaTypes<'a>> {
        self.answered_wrapped_types
    }

    /// Whether the peer accepts a message of this content type (parameters ignored).
    pub fn peer_accepts(&self, content_type: &str) -> bool {
        self.answered_types.allows(content_type)
    }

    /// The media ranges both sides accept: each offered entry intersected with each answered
    /// one, in offer order.
    pub fn common_types(&self) -> impl Iterator<Item = MediaRange<'a>> + 'a {
        common_types(self.offered_types, self.answered_types)
    }
}

fn common_types<'a>(
    offered: MediaTypes<'a>,
    answered: MediaTypes<'a>,
) -> impl Iterator<Item = MediaRange<'a>> + 'a {
    offered
        .iter()
        .flat_map(move |o| answered.iter().filter_map(move |a| o.intersect(&a)))
}

/// Checks `answer` against `offer` for the offer's first MSRP message stream and returns what
/// the session needs, or the first rule the answer broke.
pub fn negotiate<'a>(
    offer: &SessionDescription<'a>,
    answer: &SessionDescription<'a>,
) -> Result<Negotiated<'a>, AnswerError> {
    let (index, offered) = offer.message_stream().ok_or(AnswerError::InvalidOffer)?;
    let (local_path, offered_types) = match (offered.path(), offered.accept_types()) {
        (Some(path), Some(types)) => (path, types),
        _ => return Err(AnswerError::InvalidOffer),
    };
    let (offered_count, answered_count) = (offer.media().len(), answer.media().len());
    if offered_count != answered_count {
        return Err(AnswerError::MediaCountMismatch {
            offered: offered_count,
            answered: answered_count,
        });
    }
    let answered = answer.media().get(index).ok_or(AnswerError::InvalidOffer)?;
    if answered.port() == 0 {
        return Err(AnswerError::StreamRejected);
    }
    let transport = matching_transport(offered, answered)?;
    let direction = check_direction(offer.direction_of(offered), answer.direction_of(answered))?;
    let answered_types = answered
        .accept_types()
        .ok_or(AnswerError::MissingAcceptTypes)?;
    if common_types(offered_types, answered_types).next().is_none() {
        return Err(AnswerError::NoCommonAcceptType);
    }
    let remote_path = answered.path().ok_or(AnswerError::MissingPath)?;
    let role = connection_role(offer.setup_of(offered), answer.setup_of(answered))?;
    Ok(Negotiated {
        stream_index: index,
        transport,
        local_path,
        remote_path,
        role,
        direction,
        offered_types,
        answered_types,
        answered_wrapped_types: answered.accept_wrapped_types(),
        max_size: answered.max_size(),
        connection_mode: answered.connection_mode().or(answer.connection_mode()),
    })
}

fn matching_transport(
    offered: &MediaDescription<'_>,
    answered: &MediaDescription<'_>,
) -> Result<MsrpTransport, AnswerError> {
    match (offered.msrp_transport(), answered.msrp_transport()) {
        (Some(o), Some(a)) if o == a && answered.is_msrp() => Ok(a),
        _ => Err(AnswerError::NotMatchingStream),
    }
}

fn check_direction(offered: Direction, answered: Direction) -> Result<Direction, AnswerError> {
    if offered.accepts_answer(answered) {
        Ok(answered)
    } else {
        Err(AnswerError::IncompatibleDirection { offered, answered })
    }
}

/// RFC 4145 §4.1 as RFC 6135 applies it to MSRP. An offer without `a=setup` means `active`
/// (the RFC 4975 model); an answer without it comes from a peer that does not negotiate, so
/// the offerer connects, which only works when the offer allowed it.
pub fn connection_role(
    offered: Option<Setup>,
    answered: Option<Setup>,
) -> Result<ConnectionRole, AnswerError> {
    let offered = offered.unwrap_or(Setup::Active);
    let conflict = AnswerError::SetupConflict { offered, answered };
    match (offered, answered) {
        (Setup::Active | Setup::ActPass, None | Some(Setup::Passive)) => {
            Ok(ConnectionRole::Connect)
        }
        (Setup::Passive | Setup::ActPass, Some(Setup::Active)) => Ok(ConnectionRole::Listen),
        _ => Err(conflict),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setup_roles_follow_rfc_4145() {
        use ConnectionRole::{Connect, Listen};
        let role = |o, a| connection_role(o, a);
        assert_eq!(role(None, None), Ok(Connect));
        assert_eq!(role(Some(Setup::ActPass), None), Ok(Connect));
        assert_eq!(
            role(Some(Setup::ActPass), Some(Setup::Passive)),
            Ok(Connect)
        );
        assert_eq!(role(Some(Setup::ActPass), Some(Setup::Active)), Ok(Listen));
        assert_eq!(role(Some(Setup::Active), Some(Setup::Passive)), Ok(Connect));
        assert_eq!(role(Some(Setup::Passive), Some(Setup::Active)), Ok(Listen));
        assert_eq!(role(None, Some(Setup::Passive)), Ok(Connect));
    }

    #[test]
    fn setup_conflicts_are_errors() {
        let conflicts = [
            (Some(Setup::Active), Some(Setup::Active)),
            (Some(Setup::Passive), Some(Setup::Passive)),
            (Some(Setup::Passive), None),
            (Some(Setup::ActPass), Some(Setup::ActPass)),
            (Some(Setup::ActPass), Some(Setup::HoldConn)),
            (Some(Setup::HoldConn), Some(Setup::HoldConn)),
            (None, Some(Setup::Active)),
        ];
        for (offered, answered) in conflicts {
            let err = connection_role(offered, answered).unwrap_err();
            assert_eq!(
                err,
                AnswerError::SetupConflict {
                    offered: offered.unwrap_or(Setup::Active),
                    answered
                }
            );
        }
    }

    #[test]
    fn errors_name_the_rule() {
        let err = AnswerError::IncompatibleDirection {
            offered: Direction::SendOnly,
            answered: Direction::SendRecv,
        };
        assert_eq!(
            err.to_string(),
            "SDP answer: direction sendrecv does not answer an offered sendonly"
        );
        assert!(AnswerError::StreamRejected.to_string().contains("port 0"));
    }
}
