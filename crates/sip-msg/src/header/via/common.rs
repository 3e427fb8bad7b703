//! The direct path for the via-parm almost every element writes:
//! `SIP/2.0/<transport> <host>[:<port>][;<name>[=<token>]]*` with no other whitespace.
//! It reads that shape in one pass and gives up (returns `None`) on anything else, so the
//! full grammar in [`Via::parse`] decides every unusual value and every error.

use super::{Params, SentBy, Via, KNOWN};
use crate::grammar::{is_token, parse_u32};
use crate::header::params::{Param, ParamValue};
use crate::uri::host::{classify, is_name_char};

const PREFIX: &[u8] = b"SIP/2.0/";

/// The via-parm `value`, when it has the common shape and is valid.
pub(super) fn parse(value: &str) -> Option<Via<'_>> {
    let bytes = value.as_bytes();
    let transport_end = PREFIX.len() + span(bytes.get(PREFIX.len()..)?, is_token);
    if transport_end == PREFIX.len() || bytes.get(transport_end) != Some(&b' ') {
        return None;
    }
    let host_start = transport_end + 1;
    let host_end = host_start + span(bytes.get(host_start..)?, is_name_char);
    if host_end == host_start || !bytes.starts_with(PREFIX) {
        return None;
    }
    let host = classify(value.get(host_start..host_end)?).ok()?;
    let (port, params_start) = port(value, host_end)?;
    let mut via = Via {
        protocol: value.get(..3)?,
        version: value.get(4..7)?,
        transport: value.get(PREFIX.len()..transport_end)?,
        sent_by: SentBy { host, port },
        branch: None,
        received: None,
        rport: None,
        maddr: None,
        ttl: None,
        params: Params::EMPTY,
    };
    let mut at = params_start;
    while at < bytes.len() {
        at = param(value, at, &mut via)?;
    }
    via.params = Params::checked(value.get(params_start..)?).hiding(KNOWN);
    Some(via)
}

/// `[ ":" port ]` at `at`, and where the parameters start.
fn port(value: &str, at: usize) -> Option<(Option<u16>, usize)> {
    if value.as_bytes().get(at) != Some(&b':') {
        return Some((None, at));
    }
    let len = span(value.as_bytes().get(at + 1..)?, |b| b.is_ascii_digit());
    let n = parse_u32(value.get(at + 1..at + 1 + len)?)?;
    Some((Some(u16::try_from(n).ok()?), at + 1 + len))
}

/// `";" token [ "=" token ]` at `at`, handed to the via's own parameter check; returns where
/// it ends, which must be the next `;` or the end of the value.
fn param<'a>(value: &'a str, at: usize, via: &mut Via<'a>) -> Option<usize> {
    let bytes = value.as_bytes();
    if bytes.get(at) != Some(&b';') {
        return None;
    }
    let name_start = at + 1;
    let name_end = name_start + span(bytes.get(name_start..)?, is_token);
    let name = value.get(name_start..name_end).filter(|n| !n.is_empty())?;
    let (value_token, end) = if bytes.get(name_end) == Some(&b'=') {
        let value_end = name_end + 1 + span(bytes.get(name_end + 1..)?, is_token);
        let token = value
            .get(name_end + 1..value_end)
            .filter(|t| !t.is_empty())?;
        (Some(ParamValue::Token(token)), value_end)
    } else {
        (None, name_end)
    };
    if !matches!(bytes.get(end), None | Some(b';')) {
        return None;
    }
    let p = Param {
        name,
        value: value_token,
    };
    via.take_param(p, name_start).ok()?;
    Some(end)
}

fn span(bytes: &[u8], class: impl Fn(u8) -> bool) -> usize {
    bytes.iter().position(|&b| !class(b)).unwrap_or(bytes.len())
}
