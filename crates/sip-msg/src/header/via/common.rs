//! The direct path for the via-parm almost every element writes:
//! `SIP/2.0/<transport> <host>[:<port>][;<name>[=<token>]]*` with no other whitespace.
//! It reads that shape in one pass and gives up (returns `None`) on anything else, so the
//! full grammar in [`Via::parse`] decides every unusual value and every error.

use super::{Branch, Rport, SentBy, Via, KNOWN};
use crate::grammar::{eq_letters_ignore_case, parse_digits};
use crate::header::params::Params;
use crate::header::plain_params::{self, span, token_end};
use crate::uri::host::{classify, ipv4_end, is_name_char};
use crate::uri::Host;

const PREFIX: &[u8] = b"SIP/2.0/";

/// The via-parm `value`, when it has the common shape and is valid.
///
/// Inlined, and the via-parm built in one piece at the end, so that it is written once,
/// where the caller's result lies: moving the 184-byte value costs a copy per move.
#[inline(always)]
pub(super) fn parse(value: &str) -> Option<Via<'_>> {
    let bytes = value.as_bytes();
    let transport_end = token_end(bytes, PREFIX.len());
    if transport_end == PREFIX.len() || bytes.get(transport_end) != Some(&b' ') {
        return None;
    }
    let host_start = transport_end + 1;
    if !bytes.starts_with(PREFIX) {
        return None;
    }
    // Most sent-bys are addresses: read as one, the host needs no separate span. An address
    // followed by more host name characters is a longer host, read as any other.
    let (host, host_end) = match ipv4_end(bytes, host_start) {
        Some(end) if !bytes.get(end).is_some_and(|&b| is_name_char(b)) => {
            (Host::Ipv4(value.get(host_start..end)?), end)
        }
        _ => {
            let end = span(bytes, host_start, is_name_char);
            if end == host_start {
                return None;
            }
            (classify(value.get(host_start..end)?).ok()?, end)
        }
    };
    let (port, params_start) = port(value, host_end)?;
    let sent_by = SentBy { host, port };
    let (protocol, version) = (value.get(..3)?, value.get(4..7)?);
    let transport = value.get(PREFIX.len()..transport_end)?;
    let (mut branch_param, mut rport, mut received) = (None, None, None);
    let mut rest_start = params_start;
    if let Some((text, end)) = branch(value, params_start) {
        branch_param = Some(Branch(text));
        rest_start = end;
        if let Some(end) = rport_flag(bytes, end) {
            rport = Some(Rport::Requested);
            rest_start = end;
        }
        if rest_start < value.len() {
            rest_start = nat_params(value, rest_start, &mut rport, &mut received);
        }
    }
    if rest_start < value.len() {
        let mut via = Via::bare(protocol, version, transport, sent_by);
        via.branch = branch_param;
        via.rport = rport;
        via.received = received;
        return other_params(via, value, params_start, rest_start);
    }
    Some(Via {
        branch: branch_param,
        rport,
        received,
        params: Params::checked(value.get(params_start..)?).hiding(KNOWN),
        ..Via::bare(protocol, version, transport, sent_by)
    })
}

/// The end of [`parse`] when parameters other than a leading branch and rport follow, read
/// by the parameter loop from `rest_start`.
#[inline(never)]
fn other_params<'a>(
    mut via: Via<'a>,
    value: &'a str,
    params_start: usize,
    rest_start: usize,
) -> Option<Via<'a>> {
    plain_params::scan(value, rest_start, |p, at| via.take_param(p, at))?;
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
    // The magic cookie of RFC 3261 branches is seven token bytes: the token scan starts
    // after it when it is there.
    let cookie = value.as_bytes().get(start..start + 7) == Some(b"z9hG4bK");
    let end = token_end(value.as_bytes(), if cookie { start + 7 } else { start });
    Some((value.get(start..end)?, end)).filter(|_| end > start)
}

/// The `rport` and `received` parameters from `at` on, in any order (RFC 3581: a client
/// asks with `;rport`, and the server that answers fills in `;received=<address>;rport=<port>`
/// in the Via of every response), and where the run of them ends. The first occurrence of
/// each is kept, as the parameter loop keeps it; anything else ends the run and is left to the
/// loop, which reads it and every later parameter.
fn nat_params<'a>(
    value: &'a str,
    mut at: usize,
    rport: &mut Option<Rport>,
    received: &mut Option<Host<'a>>,
) -> usize {
    let bytes = value.as_bytes();
    while at < bytes.len() {
        if let Some(end) = rport_flag(bytes, at) {
            rport.get_or_insert(Rport::Requested);
            at = end;
        } else if let Some((port, end)) = rport_port(bytes, at) {
            rport.get_or_insert(Rport::Port(port));
            at = end;
        } else if let Some((address, end)) = received_ipv4(value, at) {
            received.get_or_insert(Host::Ipv4(address));
            at = end;
        } else {
            break;
        }
    }
    at
}

/// `;rport=<port>` at `at`, with one to five digits up to 65535 ending the parameter, and
/// where it ends.
fn rport_port(bytes: &[u8], at: usize) -> Option<(u16, usize)> {
    let start = at.checked_add(7)?;
    match bytes.get(at..start)? {
        [b';', name @ .., b'='] if eq_letters_ignore_case(name, b"rport") => {}
        _ => return None,
    }
    let digits = bytes.get(start..)?;
    let len = digits
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    if !(1..=5).contains(&len) {
        return None;
    }
    let port = parse_digits(digits.get(..len)?).and_then(|n| u16::try_from(n).ok())?;
    let end = start + len;
    matches!(bytes.get(end), None | Some(b';')).then_some((port, end))
}

/// `;received=<IPv4 address>` at `at`, the address ending the parameter, and where it ends.
fn received_ipv4(value: &str, at: usize) -> Option<(&str, usize)> {
    let bytes = value.as_bytes();
    let start = at.checked_add(10)?;
    match bytes.get(at..start)? {
        [b';', name @ .., b'='] if eq_letters_ignore_case(name, b"received") => {}
        _ => return None,
    }
    let end = ipv4_end(bytes, start)?;
    if !matches!(bytes.get(end), None | Some(b';')) {
        return None;
    }
    Some((value.get(start..end)?, end))
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
