//! `cpm-lm inspect`: parse one SIP, SDP or MSRP message and describe it as JSON.
//!
//! The JSON field names are a public interface (scripts and tests depend on them); each
//! message kind keeps its mapping in its own module.

mod msrp;
mod sdp;
mod sip;

use crate::json::Json;
use std::fmt;

/// Which parser `inspect` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sip,
    Sdp,
    Msrp,
}

impl Kind {
    /// Parses the value of `--kind`.
    pub fn from_arg(arg: &str) -> Option<Kind> {
        match arg {
            "sip" => Some(Kind::Sip),
            "sdp" => Some(Kind::Sdp),
            "msrp" => Some(Kind::Msrp),
            _ => None,
        }
    }
}

/// Why a message could not be inspected: the parser's own description, which names what
/// was wrong and the byte offset where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectError(pub String);

impl fmt::Display for InspectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl InspectError {
    /// Wraps any parser error; every parser error in this workspace displays its offset.
    pub fn from_display(e: impl fmt::Display) -> Self {
        InspectError(e.to_string())
    }
}

/// Parses `input` as `kind` and returns the JSON description.
pub fn inspect(kind: Kind, input: &[u8]) -> Result<Json<'_>, InspectError> {
    match kind {
        Kind::Sip => sip::inspect(input),
        Kind::Sdp => sdp::inspect(input),
        Kind::Msrp => msrp::inspect(input),
    }
}
