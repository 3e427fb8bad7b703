//! MSRP status codes (RFC 4975 §10) and the Status header of REPORTs (§7.1.2, §9).

use core::fmt;

/// The status codes RFC 4975 defines, and any other three-digit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusCode {
    /// 200: the transaction (or, in a REPORT, the delivery) succeeded.
    Ok,
    /// 400: the request was malformed.
    BadRequest,
    /// 403: the action is not allowed (for example a SEND on a receive-only session).
    Forbidden,
    /// 408: no transaction response came in time (only ever reported, never sent on the wire
    /// as a response).
    Timeout,
    /// 413: stop sending this message; the sender aborts it with a `#` chunk.
    StopSending,
    /// 415: the content type is not understood.
    UnsupportedMediaType,
    /// 423: a parameter is out of bounds.
    OutOfBounds,
    /// 481: the session does not exist.
    NoSuchSession,
    /// 501: the method is not understood.
    UnknownMethod,
    /// 506: the session is already bound to another connection.
    SessionAlreadyBound,
    /// Any other code from 100 to 999 (treated like its class `x00`).
    Other(u16),
}

impl StatusCode {
    /// The code for a number; `None` outside 100..=999.
    pub fn from_u16(code: u16) -> Option<Self> {
        Some(match code {
            200 => StatusCode::Ok,
            400 => StatusCode::BadRequest,
            403 => StatusCode::Forbidden,
            408 => StatusCode::Timeout,
            413 => StatusCode::StopSending,
            415 => StatusCode::UnsupportedMediaType,
            423 => StatusCode::OutOfBounds,
            481 => StatusCode::NoSuchSession,
            501 => StatusCode::UnknownMethod,
            506 => StatusCode::SessionAlreadyBound,
            100..=999 => StatusCode::Other(code),
            _ => return None,
        })
    }

    /// The number on the wire.
    pub fn as_u16(self) -> u16 {
        match self {
            StatusCode::Ok => 200,
            StatusCode::BadRequest => 400,
            StatusCode::Forbidden => 403,
            StatusCode::Timeout => 408,
            StatusCode::StopSending => 413,
            StatusCode::UnsupportedMediaType => 415,
            StatusCode::OutOfBounds => 423,
            StatusCode::NoSuchSession => 481,
            StatusCode::UnknownMethod => 501,
            StatusCode::SessionAlreadyBound => 506,
            StatusCode::Other(code) => code,
        }
    }

    /// A comment to send with the code.
    pub fn reason(self) -> &'static str {
        match self {
            StatusCode::Ok => "OK",
            StatusCode::BadRequest => "Bad Request",
            StatusCode::Forbidden => "Forbidden",
            StatusCode::Timeout => "Request Timeout",
            StatusCode::StopSending => "Stop Sending Message",
            StatusCode::UnsupportedMediaType => "Unsupported Media Type",
            StatusCode::OutOfBounds => "Parameter Out Of Bounds",
            StatusCode::NoSuchSession => "Session Does Not Exist",
            StatusCode::UnknownMethod => "Unknown Method",
            StatusCode::SessionAlreadyBound => "Session Already Bound",
            StatusCode::Other(_) => "",
        }
    }

    /// 2xx.
    pub fn is_success(self) -> bool {
        (200..300).contains(&self.as_u16())
    }
}

/// The Status header of a REPORT: `namespace SP status-code [SP comment]`; namespace `000`
/// is the only one RFC 4975 defines.
///
/// ```
/// use msrp_codec::{Status, StatusCode};
/// let s = Status::parse("000 413 Stop Sending Message").unwrap();
/// assert_eq!((s.namespace, s.code, s.comment), (0, StatusCode::StopSending, Some("Stop Sending Message")));
/// assert_eq!(Status::new(StatusCode::Ok).to_string(), "000 200 OK");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status<'a> {
    /// The three-digit namespace (0 for `000`).
    pub namespace: u16,
    /// The status code.
    pub code: StatusCode,
    /// The text after the code, if any.
    pub comment: Option<&'a str>,
}

impl<'a> Status<'a> {
    /// `000 <code> <reason>`.
    pub fn new(code: StatusCode) -> Self {
        let reason = code.reason();
        Status {
            namespace: 0,
            code,
            comment: (!reason.is_empty()).then_some(reason),
        }
    }

    /// Parses a Status value; `Err` holds the offset where it breaks.
    pub fn parse(value: &'a str) -> Result<Self, usize> {
        let b = value.as_bytes();
        let namespace = three_digits(b, 0).ok_or(0usize)?;
        if b.get(3) != Some(&b' ') {
            return Err(3);
        }
        let code = three_digits(b, 4)
            .and_then(StatusCode::from_u16)
            .ok_or(4usize)?;
        let comment = match b.get(7) {
            None => None,
            Some(b' ') => Some(value.get(8..).ok_or(8usize)?),
            Some(_) => return Err(7),
        };
        Ok(Status {
            namespace,
            code,
            comment,
        })
    }
}

impl fmt::Display for Status<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03} {:03}", self.namespace, self.code.as_u16())?;
        match self.comment {
            Some(c) => write!(f, " {}", c),
            None => Ok(()),
        }
    }
}

/// Reads three ASCII digits at `pos`.
pub(crate) fn three_digits(b: &[u8], pos: usize) -> Option<u16> {
    let d = b.get(pos..pos + 3)?;
    d.iter().try_fold(0u16, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rfc_code_round_trips() {
        for n in [200, 400, 403, 408, 413, 415, 423, 481, 501, 506, 299, 999] {
            let code = StatusCode::from_u16(n).expect("in range");
            assert_eq!(code.as_u16(), n);
        }
        assert_eq!(StatusCode::from_u16(481), Some(StatusCode::NoSuchSession));
        assert_eq!(StatusCode::from_u16(99), None);
        assert_eq!(StatusCode::from_u16(1000), None);
        assert!(StatusCode::Ok.is_success() && !StatusCode::StopSending.is_success());
    }

    #[test]
    fn parses_status_values() {
        assert_eq!(
            Status::parse("000 200"),
            Ok(Status {
                namespace: 0,
                code: StatusCode::Ok,
                comment: None
            })
        );
        assert_eq!(
            Status::parse("000 481 gone").map(|s| s.comment),
            Ok(Some("gone"))
        );
        assert_eq!(Status::parse("00 200"), Err(0));
        assert_eq!(Status::parse("000-200"), Err(3));
        assert_eq!(Status::parse("000 20x"), Err(4));
        assert_eq!(Status::parse("000 099"), Err(4));
        assert_eq!(Status::parse("000 200x"), Err(7));
    }

    #[test]
    fn displays_canonical_form() {
        assert_eq!(
            Status::new(StatusCode::StopSending).to_string(),
            "000 413 Stop Sending Message"
        );
        let s = Status {
            namespace: 0,
            code: StatusCode::Other(299),
            comment: None,
        };
        assert_eq!(s.to_string(), "000 299");
    }
}
