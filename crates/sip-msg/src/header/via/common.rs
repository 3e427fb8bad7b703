//! The direct path for the via-parm almost every element writes:
//! `SIP/2.0/<transport> <host>[:<port>][;<name>[=<token>]]*` with no other whitespace.
//! It reads that shape in one pass and gives up (returns `None`) on anything else, so the
//! full grammar in [`Via::parse`] decides every unusual value and every error.

use super::{Branch, Rport, SentBy, Via, KNOWN};
use crate::grammar::eq_letters_ignore_case;
use crate::header::params::Params;
use crate::header::plain_params::{self, span, token_end};
use crate::uri::host::{classify, is_name_char};

const PREFIX: &[u8] = b"SIP/2.0/";

/// The via-parm `value`, when it has the common shape and is valid.
pub(super) fn parse(value: &str) -> Option<Via<'_>> {
    let bytes = value.as_bytes();
    let transport_end = token_end(bytes, PREFIX.len());
    if transport_end == PREFIX.len() || bytes.get(transport_end) != Some(&b' ') {
        return None;
    }
    let host_start = transport_end + 1;
    let host_end = span(bytes, host_start, is_name_char);
    if host_end == host_start || !bytes.starts_with(PREFIX) {
        return None;
    }
    let host = classify(value.get(host_start..host_end)?).ok()?;
    let (port, params_start) = port(value, host_end)?;
    let mut via = Via::bare(
        value.get(..3)?,
        value.get(4..7)?,
        value.get(PREFIX.len()..transport_end)?,
        SentBy { host, port },
    );
    let mut rest_start = params_start;
    if let Some((branch, end)) = branch(value, params_start) {
        via.branch = Some(Branch(branch));
        rest_start = end;
        if let Some(end) = rport_flag(value.as_bytes(), end) {
            via.rport = Some(Rport::Requested);
            rest_start = end;
        }
    }
    if rest_start < value.len() {
        plain_params::scan(value, rest_start, |p, at| via.take_param(p, at))?;
    }
    via.params = Params::checked(value.get(params_start..)?).hiding(KNOWN);
    Some(via)
}

/// `;branch=<token>` at `at`, the parameter nearly every via-parm starts with, and where it
/// ends: its name is matched as one word instead of through the parameter loop. Setting bit
/// 5 of the six letters lowercases exactly the letters, so `;BRANCH=` matches too, as the
/// loop would.
fn branch(value: &str, at: usize) -> Option<(&str, usize)> {
    const CASE: u64 = 0x0020_2020_2020_2000;
    let name = value.as_bytes().get(at..at.checked_add(8)?)?;
    let name = u64::from_le_bytes(name.try_into().ok()?);
    if name | CASE != u64::from_le_bytes(*b";branch=") {
        return None;
    }
    let start = at + 8;
    let end = token_end(value.as_bytes(), start);
    Some((value.get(start..end)?, end)).filter(|_| end > start)
}

/// `;rport` without a value at `at` (RFC 3581: most clients ask for their source port right
/// after the branch), and where it ends; `None` for anything else, left to the loop.
fn rport_flag(bytes: &[u8], at: usize) -> Option<usize> {
    let end = at.checked_add(6)?;
    match bytes.get(at..end)? {
        [b';', name @ ..] if eq_letters_ignore_case(name, b"rport") => {}
        _ => return None,
    }
    matches!(bytes.get(end), None | Some(b';')).then_some(end)
}

/// `[ ":" port ]` at `at`, and where the parameters start.
fn port(value: &str, at: usize) -> Option<(Option<u16>, usize)> {
    if value.as_bytes().get(at) != Some(&b':') {
        return Some((None, at));
    }
    // Digits and value in one pass; past 65535 the port is refused whatever follows.
    let mut port = 0u32;
    let mut end = at + 1;
    while let Some(digit) = value.as_bytes().get(end).and_then(|b| b.checked_sub(b'0')) {
        if digit > 9 {
            break;
        }
        port = port * 10 + u32::from(digit);
        if port > u32::from(u16::MAX) {
            return None;
        }
        end += 1;
    }
    if end == at + 1 {
        return None;
    }
    Some((Some(u16::try_from(port).ok()?), end))
}
