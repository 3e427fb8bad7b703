//! Success-Report and Failure-Report (RFC 4975 §7.1.2): what the sender of a SEND asked for,
//! and which responses and REPORTs follow from it.

use crate::status::StatusCode;

/// The Success-Report header: whether the sender wants a REPORT once the whole message arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuccessReport {
    /// `yes`: send a REPORT with 200 when the message is delivered.
    Yes,
    /// `no` (the default when absent).
    No,
}

/// The Failure-Report header: which failures the sender wants to hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureReport {
    /// `yes` (the default when absent): every SEND gets a transaction response, failures a
    /// REPORT.
    Yes,
    /// `no`: no transaction response, no failure REPORT.
    No,
    /// `partial`: only failures are answered (with a response or a REPORT); success is silent.
    Partial,
}

impl SuccessReport {
    /// Parses `yes` / `no` (case-insensitive).
    pub fn parse(value: &str) -> Option<Self> {
        if value.eq_ignore_ascii_case("yes") {
            Some(SuccessReport::Yes)
        } else if value.eq_ignore_ascii_case("no") {
            Some(SuccessReport::No)
        } else {
            None
        }
    }

    /// The value as written.
    pub fn as_str(self) -> &'static str {
        match self {
            SuccessReport::Yes => "yes",
            SuccessReport::No => "no",
        }
    }
}

impl FailureReport {
    /// Parses `yes` / `no` / `partial` (case-insensitive).
    pub fn parse(value: &str) -> Option<Self> {
        [
            FailureReport::Yes,
            FailureReport::No,
            FailureReport::Partial,
        ]
        .into_iter()
        .find(|v| value.eq_ignore_ascii_case(v.as_str()))
    }

    /// The value as written.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureReport::Yes => "yes",
            FailureReport::No => "no",
            FailureReport::Partial => "partial",
        }
    }

    /// Whether a receiver sends a transaction response with `code` to a SEND carrying this
    /// Failure-Report (RFC 4975 §7.1.2): `yes` gets every response, `partial` only failures
    /// (a 200 is not sent), `no` none at all.
    ///
    /// ```
    /// use msrp_codec::{FailureReport, StatusCode};
    /// assert!(FailureReport::Yes.expects_response(StatusCode::Ok));
    /// assert!(!FailureReport::Partial.expects_response(StatusCode::Ok));
    /// assert!(FailureReport::Partial.expects_response(StatusCode::StopSending));
    /// assert!(!FailureReport::No.expects_response(StatusCode::BadRequest));
    /// ```
    pub fn expects_response(self, code: StatusCode) -> bool {
        match self {
            FailureReport::Yes => true,
            FailureReport::Partial => !code.is_success(),
            FailureReport::No => false,
        }
    }

    /// Whether the sender waits for a transaction response (and times out without one):
    /// only with `yes`. With `partial` silence means success, with `no` nothing comes.
    pub fn awaits_response(self) -> bool {
        self == FailureReport::Yes
    }

    /// Whether a failure (after the transaction) is reported with a REPORT: with `yes` and
    /// `partial`, never with `no`.
    pub fn wants_failure_report(self) -> bool {
        self != FailureReport::No
    }
}

/// Whether a request of this method is ever answered: REPORT never is (RFC 4975 §7.1.2).
pub fn method_gets_response(method: &str) -> bool {
    method != "REPORT"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_report_values_case_insensitively() {
        assert_eq!(SuccessReport::parse("YES"), Some(SuccessReport::Yes));
        assert_eq!(SuccessReport::parse("partial"), None);
        assert_eq!(
            FailureReport::parse("Partial"),
            Some(FailureReport::Partial)
        );
        assert_eq!(FailureReport::parse("no"), Some(FailureReport::No));
        assert_eq!(FailureReport::parse("maybe"), None);
    }

    #[test]
    fn response_rules_follow_failure_report() {
        let codes = [
            StatusCode::Ok,
            StatusCode::BadRequest,
            StatusCode::NoSuchSession,
        ];
        let table: [(FailureReport, [bool; 3]); 3] = [
            (FailureReport::Yes, [true, true, true]),
            (FailureReport::Partial, [false, true, true]),
            (FailureReport::No, [false, false, false]),
        ];
        for (fr, expected) in table {
            for (code, want) in codes.iter().zip(expected) {
                assert_eq!(fr.expects_response(*code), want, "{fr:?} {code:?}");
            }
        }
        assert!(FailureReport::Yes.awaits_response());
        assert!(!FailureReport::Partial.awaits_response());
        assert!(FailureReport::Partial.wants_failure_report());
        assert!(!FailureReport::No.wants_failure_report());
    }

    #[test]
    fn report_requests_get_no_response() {
        assert!(!method_gets_response("REPORT"));
        assert!(method_gets_response("SEND"));
        assert!(method_gets_response("AUTH"));
    }
}
