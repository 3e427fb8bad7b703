//! Answers checked against the large-message offer: accepted, and each rule an answer can
//! break. Every answer is tried with CRLF and with LF line ends.

use sdp::{
    negotiate, AnswerError, ConnectionRole, Direction, MediaRange, Negotiated, SessionDescription,
    Setup,
};

const OFFER: &str = include_str!("../../../examples/msrp-offer.sdp");
const ANSWER: &str = include_str!("../../../examples/msrp-answer.sdp");
const REJECTED: &str = include_str!("../../../examples/msrp-answer-rejected.sdp");

/// Checks `answer` (with both line ends) against `offer`; both variants must agree.
fn outcome<T: PartialEq + std::fmt::Debug>(
    offer: &str,
    answer: &str,
    read: impl Fn(Result<Negotiated<'_>, AnswerError>) -> T,
) -> T {
    let offer = SessionDescription::parse(offer.as_bytes()).expect("offer parses");
    let lf = answer.replace("\r\n", "\n");
    let crlf = lf.replace('\n', "\r\n");
    let results: Vec<T> = [crlf, lf]
        .iter()
        .map(|text| {
            let answer = SessionDescription::parse(text.as_bytes()).expect("answer parses");
            read(negotiate(&offer, &answer))
        })
        .collect();
    assert_eq!(results[0], results[1]);
    results.into_iter().next().expect("two results")
}

fn error(offer: &str, answer: &str) -> AnswerError {
    outcome(offer, answer, |r| r.expect_err("answer accepted"))
}

fn answer_with(from: &str, to: &str) -> String {
    assert!(ANSWER.contains(from), "{from}");
    ANSWER.replace(from, to)
}

#[test]
fn accepted_answer_gives_path_role_and_types() {
    outcome(OFFER, ANSWER, |r| {
        let n = r.expect("accepted");
        assert_eq!(n.stream_index(), 0);
        assert_eq!(n.role(), ConnectionRole::Connect);
        let to = n.connect_to().expect("we connect");
        assert_eq!(
            (to.host(), to.port(), to.session_id()),
            ("198.51.100.7", Some(12763), Some("kjhd37s2s20w2a"))
        );
        assert_eq!(n.listen_on(), None);
        assert_eq!(n.local_path().own().session_id(), Some("jshA7weztas"));
        assert!(!n.tls());
        assert_eq!(n.answered_direction(), Direction::RecvOnly);
        assert_eq!(n.max_size(), None);
        let common: Vec<_> = n.common_types().collect();
        assert_eq!(
            common,
            [
                MediaRange::Exact("message", "cpim"),
                MediaRange::Exact("text", "plain")
            ]
        );
        assert!(n.peer_accepts("message/cpim"));
        assert!(!n.peer_accepts("image/png"));
    });
}

#[test]
fn inactive_answer_is_compatible_with_sendonly() {
    let answer = answer_with("a=recvonly", "a=inactive");
    outcome(OFFER, &answer, |r| {
        assert_eq!(r.map(|n| n.answered_direction()), Ok(Direction::Inactive))
    });
}

#[test]
fn rejected_with_port_zero() {
    assert_eq!(
        error(OFFER, &answer_with("m=message 12763", "m=message 0")),
        AnswerError::StreamRejected
    );
    assert_eq!(error(OFFER, REJECTED), AnswerError::StreamRejected);
}

#[test]
fn incompatible_directions() {
    for answered in [Direction::SendRecv, Direction::SendOnly] {
        let answer = answer_with("a=recvonly", &format!("a={answered}"));
        let expected = AnswerError::IncompatibleDirection {
            offered: Direction::SendOnly,
            answered,
        };
        assert_eq!(error(OFFER, &answer), expected);
    }
    let no_direction = answer_with("a=recvonly\r\n", "");
    let expected = AnswerError::IncompatibleDirection {
        offered: Direction::SendOnly,
        answered: Direction::SendRecv,
    };
    assert_eq!(error(OFFER, &no_direction), expected);
}

#[test]
fn session_level_direction_of_answer_applies() {
    let answer = answer_with("a=recvonly\r\n", "").replace("t=0 0\r\n", "t=0 0\r\na=recvonly\r\n");
    outcome(OFFER, &answer, |r| {
        assert_eq!(r.map(|n| n.answered_direction()), Ok(Direction::RecvOnly))
    });
}

#[test]
fn no_common_accept_type() {
    let answer = answer_with(
        "a=accept-types:message/cpim text/plain",
        "a=accept-types:image/png video/*",
    );
    assert_eq!(error(OFFER, &answer), AnswerError::NoCommonAcceptType);
    let missing = answer_with("a=accept-types:message/cpim text/plain\r\n", "");
    assert_eq!(error(OFFER, &missing), AnswerError::MissingAcceptTypes);
}

#[test]
fn wildcards_intersect() {
    let answer = answer_with(
        "a=accept-types:message/cpim text/plain",
        "a=accept-types:text/* *",
    );
    outcome(OFFER, &answer, |r| {
        let n = r.expect("accepted");
        let common: Vec<_> = n.common_types().collect();
        assert!(common.contains(&MediaRange::Exact("text", "plain")));
        assert!(common.contains(&MediaRange::Exact("application", "im-iscomposing+xml")));
        assert!(n.peer_accepts("application/octet-stream"));
    });
}

#[test]
fn missing_path() {
    let answer = answer_with(
        "a=path:msrp://198.51.100.7:12763/kjhd37s2s20w2a;tcp\r\n",
        "",
    );
    assert_eq!(error(OFFER, &answer), AnswerError::MissingPath);
}

#[test]
fn setup_decides_who_connects() {
    let role = |offer: &str, answer: &str| outcome(offer, answer, |r| r.map(|n| n.role()));
    let listen = answer_with("a=setup:passive", "a=setup:active");
    assert_eq!(role(OFFER, &listen), Ok(ConnectionRole::Listen));
    let legacy = answer_with("a=setup:passive\r\n", "");
    assert_eq!(role(OFFER, &legacy), Ok(ConnectionRole::Connect));
    let passive_offer = OFFER.replace("a=setup:actpass", "a=setup:passive");
    assert_eq!(
        role(&passive_offer, &legacy),
        Err(AnswerError::SetupConflict {
            offered: Setup::Passive,
            answered: None
        })
    );
    let both_active = answer_with("a=setup:passive", "a=setup:active");
    let active_offer = OFFER.replace("a=setup:actpass", "a=setup:active");
    assert_eq!(
        role(&active_offer, &both_active),
        Err(AnswerError::SetupConflict {
            offered: Setup::Active,
            answered: Some(Setup::Active)
        })
    );
    outcome(OFFER, &listen, |r| {
        let n = r.expect("accepted");
        assert_eq!(n.connect_to(), None);
        assert_eq!(n.listen_on().map(|u| u.port()), Some(Some(7394)));
    });
}

#[test]
fn answer_stream_must_match_the_offer() {
    let tls = answer_with("TCP/MSRP", "TCP/TLS/MSRP");
    assert_eq!(error(OFFER, &tls), AnswerError::NotMatchingStream);
    let audio = answer_with("m=message 12763 TCP/MSRP *", "m=audio 12763 TCP/MSRP *");
    assert_eq!(error(OFFER, &audio), AnswerError::NotMatchingStream);
    let extra = format!("{ANSWER}m=audio 9 RTP/AVP 0\r\n");
    assert_eq!(
        error(OFFER, &extra),
        AnswerError::MediaCountMismatch {
            offered: 1,
            answered: 2
        }
    );
}

#[test]
fn tls_and_max_size_are_reported() {
    let offer = OFFER
        .replace("TCP/MSRP", "TCP/TLS/MSRP")
        .replace("msrp://", "msrps://");
    let answer = answer_with("TCP/MSRP", "TCP/TLS/MSRP")
        .replace("msrp://", "msrps://")
        .replace("a=setup:passive", "a=max-size:65536");
    outcome(&offer, &answer, |r| {
        let n = r.expect("accepted");
        assert!(n.tls());
        assert_eq!(n.max_size(), Some(65536));
    });
}

#[test]
fn offer_without_message_stream_is_a_local_error() {
    let offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\n";
    assert_eq!(error(offer, ANSWER), AnswerError::InvalidOffer);
}

#[test]
fn path_not_port_decides_where_to_connect() {
    let answer = answer_with("m=message 12763", "m=message 9");
    outcome(OFFER, &answer, |r| {
        let to = r.expect("accepted").connect_to().expect("we connect");
        assert_eq!(to.port(), Some(12763));
    });
}

#[test]
fn session_level_setup_of_answer_applies() {
    let answer =
        answer_with("a=setup:passive\r\n", "").replace("t=0 0\r\n", "t=0 0\r\na=setup:active\r\n");
    outcome(OFFER, &answer, |r| {
        assert_eq!(r.map(|n| n.role()), Ok(ConnectionRole::Listen))
    });
}
