//! Success-Report and Failure-Report (RFC 4975 §7.1.2): what the sender of a SEND asked for,
//! and which responses and REPORTs follow from it.

use crate::byte_range::ByteRange;
use crate::frame::{Flag, FrameHead, Method};
use crate::status::{Status, StatusCode};
use crate::transaction_id::TransactionId;
use crate::uri::split_path;
use crate::writer::{BufferTooSmall, Request};
use core::fmt;

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

/// Whether a REPORT is sent for a message whose delivery ended with `code`: on success only
/// when Success-Report is `yes`; on failure unless Failure-Report is `no` (RFC 4975 §7.1.2).
pub fn report_wanted(
    success: Option<SuccessReport>,
    failure: Option<FailureReport>,
    code: StatusCode,
) -> bool {
    if code.is_success() {
        success == Some(SuccessReport::Yes)
    } else {
        failure.unwrap_or(FailureReport::Yes).wants_failure_report()
    }
}

/// What a received REPORT says: which message, which bytes, and the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportView<'a> {
    /// Message-ID of the reported message.
    pub message_id: &'a str,
    /// The bytes the report covers, when given.
    pub byte_range: Option<ByteRange>,
    /// The outcome.
    pub status: Status<'a>,
}

/// A REPORT lacks what RFC 4975 §7.1.2 requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportError {
    /// The frame is not a REPORT request.
    NotReport,
    /// No Message-ID header.
    MissingMessageId,
    /// No Status header.
    MissingStatus,
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReportError::NotReport => "not a REPORT request",
            ReportError::MissingMessageId => "REPORT without Message-ID",
            ReportError::MissingStatus => "REPORT without Status",
        })
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ReportError {}

impl<'a> ReportView<'a> {
    /// Reads a REPORT's head.
    pub fn from_head(head: &FrameHead<'a>) -> Result<Self, ReportError> {
        if head.method() != Some(Method::Report) {
            return Err(ReportError::NotReport);
        }
        Ok(ReportView {
            message_id: head.message_id.ok_or(ReportError::MissingMessageId)?,
            byte_range: head.byte_range,
            status: head.status.ok_or(ReportError::MissingStatus)?,
        })
    }
}

/// A REPORT to send about a received message; it has no body and gets no response.
///
/// ```
/// use msrp_codec::report::Report;
/// use msrp_codec::{ByteRange, Event, Parser, Status, StatusCode, TransactionId};
/// let send = b"MSRP a786hjs2 SEND\r\nTo-Path: msrp://b.example/b;tcp\r\n\
///     From-Path: msrp://a.example/a;tcp\r\nMessage-ID: 87652491\r\nSuccess-Report: yes\r\n\
///     -------a786hjs2$\r\n";
/// let mut parser = Parser::default();
/// let Some(Event::Head(head)) = parser.feed(send)?.event else { panic!() };
/// let tid = TransactionId::new("dkei38sd").unwrap();
/// let report = Report::for_message(&head, tid, ByteRange::new(1, Some(0), Some(0)), Status::new(StatusCode::Ok)).unwrap();
/// let mut buf = [0u8; 256];
/// let n = report.write(&mut buf).unwrap();
/// assert!(buf[..n].starts_with(b"MSRP dkei38sd REPORT\r\nTo-Path: msrp://a.example/a;tcp\r\n"));
/// # Ok::<(), msrp_codec::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report<'a> {
    /// A new transaction id.
    pub tid: TransactionId<'a>,
    /// To-Path: the reported message's From-Path.
    pub to_path: &'a str,
    /// From-Path: the reporter's own URI.
    pub from_path: &'a str,
    /// The reported message's Message-ID.
    pub message_id: &'a str,
    /// The bytes reported on.
    pub byte_range: ByteRange,
    /// The outcome (`000 200 OK` on success).
    pub status: Status<'a>,
}

impl<'a> Report<'a> {
    /// The REPORT about the message `send` belongs to: To-Path is its From-Path, From-Path
    /// the last URI of its To-Path; `None` when the SEND has no Message-ID.
    pub fn for_message(
        send: &FrameHead<'a>,
        tid: TransactionId<'a>,
        byte_range: ByteRange,
        status: Status<'a>,
    ) -> Option<Self> {
        let own = split_path(send.to_path)
            .filter_map(Result::ok)
            .last()
            .and_then(|u| u.as_str());
        Some(Report {
            tid,
            to_path: send.from_path,
            from_path: own.unwrap_or(send.to_path),
            message_id: send.message_id?,
            byte_range,
            status,
        })
    }

    /// Writes the whole REPORT frame.
    pub fn write(&self, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let mut req = Request::new(self.tid, Method::Report, self.to_path, self.from_path);
        req.message_id = Some(self.message_id);
        req.byte_range = Some(self.byte_range);
        req.status = Some(self.status);
        req.write_bodiless(Flag::Complete, buf)
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
    fn reports_follow_success_and_failure_report() {
        assert!(report_wanted(
            Some(SuccessReport::Yes),
            None,
            StatusCode::Ok
        ));
        assert!(!report_wanted(None, None, StatusCode::Ok));
        assert!(report_wanted(None, None, StatusCode::StopSending));
        assert!(report_wanted(
            None,
            Some(FailureReport::Partial),
            StatusCode::Timeout
        ));
        assert!(!report_wanted(
            None,
            Some(FailureReport::No),
            StatusCode::Timeout
        ));
    }

    #[test]
    fn built_report_parses_back_as_a_report() {
        use crate::parser::{Event, Parser};
        let tid = TransactionId::new("dkei38sd").expect("tid");
        let report = Report {
            tid,
            to_path: "msrp://a/1;tcp",
            from_path: "msrp://b/2;tcp",
            message_id: "12339sdqwer",
            byte_range: ByteRange::new(1, Some(106), Some(106)),
            status: Status::new(StatusCode::NoSuchSession),
        };
        let mut buf = [0u8; 256];
        let n = report.write(&mut buf).expect("fits");
        let mut parser = Parser::default();
        let head = match parser.feed(&buf[..n]).map(|f| f.event) {
            Ok(Some(Event::Head(h))) => h,
            other => panic!("{other:?}"),
        };
        let view = ReportView::from_head(&head).expect("a REPORT");
        assert_eq!(view.message_id, "12339sdqwer");
        assert_eq!(view.byte_range, Some(report.byte_range));
        assert_eq!(view.status.code, StatusCode::NoSuchSession);
        assert_eq!(view.status.comment, Some("Session Does Not Exist"));
        assert!(!method_gets_response(
            head.method().map_or("", |m| m.as_str())
        ));
    }

    #[test]
    fn report_view_requires_message_id_and_status() {
        use crate::parser::{Event, Parser};
        let frames: [(&[u8], ReportError); 3] = [
            (b"MSRP abcd SEND\r\nTo-Path: msrp://a/1;tcp\r\nFrom-Path: msrp://b/2;tcp\r\n-------abcd$\r\n", ReportError::NotReport),
            (b"MSRP abcd REPORT\r\nTo-Path: msrp://a/1;tcp\r\nFrom-Path: msrp://b/2;tcp\r\nStatus: 000 200\r\n-------abcd$\r\n", ReportError::MissingMessageId),
            (b"MSRP abcd REPORT\r\nTo-Path: msrp://a/1;tcp\r\nFrom-Path: msrp://b/2;tcp\r\nMessage-ID: abcd\r\n-------abcd$\r\n", ReportError::MissingStatus),
        ];
        for (frame, want) in frames {
            let mut parser = Parser::default();
            match parser.feed(frame).map(|f| f.event) {
                Ok(Some(Event::Head(h))) => assert_eq!(ReportView::from_head(&h), Err(want)),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn report_requests_get_no_response() {
        assert!(!method_gets_response("REPORT"));
        assert!(method_gets_response("SEND"));
        assert!(method_gets_response("AUTH"));
    }
}
