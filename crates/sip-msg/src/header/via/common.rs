//! The direct path for the via-parm almost every element writes:
//! `SIP/2.0/<transport> <host>[:<port>][;<name>[=<token>]]*` with no other whitespace.
//! It reads that shape in one pass and gives up (returns `None`) on anything else, so the
//! full grammar in [`Via::parse`] decides every unusual value and every error.

use super::{Branch, FieldParams, Rport, SentBy, Via, KNOWN};
use crate::grammar::{parse_digits, sub};
use crate::header::params::Params;
use crate::header::plain_params::{self, token_end};
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
            (Host::Ipv4(sub(value, host_start, end)?), end)
        }
        _ => {
            let end = crate::block::name_run_end(bytes, host_start);
            if end == host_start {
                return None;
            }
            (classify(sub(value, host_start, end)?).ok()?, end)
        }
    };
    let (port, params_start) = port(value, host_end)?;
    let sent_by = SentBy { host, port };
    let (protocol, version) = (value.get(..3)?, sub(value, 4, 7)?);
    let transport = sub(value, PREFIX.len(), transport_end)?;
    let mut fields = FieldParams::default();
    let mut rest_start = params_start;
    if let Some((text, end)) = branch(value, params_start) {
        fields.branch = Some(Branch(text));
        rest_start = end;
        if let Some(end) = rport_flag(bytes, end) {
            fields.rport = Some(Rport::Requested);
            rest_start = end;
        }
        if rest_start < value.len() {
            rest_start = nat_params(value, rest_start, &mut fields.rport, &mut fields.received);
        }
    }
    if rest_start < value.len() {
        fields = other_params(fields, value, rest_start)?;
    }
    let params = Params::checked(value.get(params_start..)?).hiding(KNOWN);
    Some(fields.via(protocol, version, transport, sent_by, params))
}

/// The fields of [`parse`] when parameters other than a leading branch and rport follow,
/// read by the parameter loop from `rest_start`. The via-parm itself is built by the caller
/// alone: one construction site is what lets it be written straight into the caller's
/// result instead of being copied there.
#[inline(never)]
fn other_params<'a>(
    mut fields: FieldParams<'a>,
    value: &'a str,
    rest_start: usize,
) -> Option<FieldParams<'a>> {
    plain_params::scan(value, rest_start, |p, at| fields.take(p, at))?;
    Some(fields)
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
    Some((sub(value, start, end)?, end)).filter(|_| end > start)
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
        let name = bytes.get(at..at.wrapping_add(8));
        let next = match name.and_then(|name| name.try_into().ok()) {
            Some(name) => nat_param_by_word(value, at, u64::from_le_bytes(name), rport, received),
            // Fewer than eight bytes hold no `rport=` or `received=` parameter, only the flag.
            None => rport_flag(bytes, at).inspect(|_| {
                rport.get_or_insert(Rport::Requested);
            }),
        };
        match next {
            Some(end) => at = end,
            None => break,
        }
    }
    at
}

/// One `rport` or `received` parameter at `at` (see [`nat_params`]), where eight bytes remain
/// from `at`, given as `name`, and where it ends: both names are told apart by that one word
/// (letters lowercased by bit 5, as in [`branch`]) instead of being compared byte by byte,
/// each in turn.
fn nat_param_by_word<'a>(
    value: &'a str,
    at: usize,
    name: u64,
    rport: &mut Option<Rport>,
    received: &mut Option<Host<'a>>,
) -> Option<usize> {
    const RPORT_BYTES: u64 = 0x0000_ffff_ffff_ffff;
    const RECEIVE: u64 = u64::from_le_bytes(*b";receive");
    const RECEIVE_CASE: u64 = 0x2020_2020_2020_2000;
    let bytes = value.as_bytes();
    if (name | RPORT_CASE) & RPORT_BYTES == RPORT {
        let end = at + 6;
        match bytes.get(end) {
            Some(b';') => {
                rport.get_or_insert(Rport::Requested);
                Some(end)
            }
            Some(b'=') => {
                let (port, end) = rport_value(bytes, end + 1)?;
                rport.get_or_insert(Rport::Port(port));
                Some(end)
            }
            _ => None,
        }
    } else if name | RECEIVE_CASE == RECEIVE {
        match bytes.get(at + 8..at + 10)? {
            [d, b'='] if d | 0x20 == b'd' => {}
            _ => return None,
        }
        let (address, end) = received_value(value, at + 10)?;
        received.get_or_insert(Host::Ipv4(address));
        Some(end)
    } else {
        None
    }
}

/// The port of an `rport` parameter whose value starts at `start`, and where it ends.
fn rport_value(bytes: &[u8], start: usize) -> Option<(u16, usize)> {
    // With eight bytes in hand, the word reading of the Via port answers: it refuses
    // exactly what the digits below refuse (none, more than five, above 65535).
    if let Some(digits) = bytes.get(start..start + 8) {
        let (port, end) = port_word(digits.try_into().ok()?, start)?;
        return matches!(bytes.get(end), None | Some(b';')).then_some((port?, end));
    }
    rport_digits(bytes, start)
}

/// [`rport_value`] digit by digit.
fn rport_digits(bytes: &[u8], start: usize) -> Option<(u16, usize)> {
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

/// The IPv4 address of a `received` parameter whose value starts at `start`, and where it
/// ends.
fn received_value(value: &str, start: usize) -> Option<(&str, usize)> {
    let bytes = value.as_bytes();
    let end = ipv4_end(bytes, start)?;
    if !matches!(bytes.get(end), None | Some(b';')) {
        return None;
    }
    Some((sub(value, start, end)?, end))
}

/// `;rport` as a word, and the bits that lowercase exactly its letters.
const RPORT: u64 = u64::from_le_bytes(*b";rport\0\0");
const RPORT_CASE: u64 = 0x0000_2020_2020_2000;

/// `;rport` without a value at `at` (RFC 3581: most clients ask for their source port right
/// after the branch), and where it ends; `None` for anything else, left to the loop.
fn rport_flag(bytes: &[u8], at: usize) -> Option<usize> {
    let end = at.checked_add(6)?;
    let [a, b, c, d, e, f]: [u8; 6] = bytes.get(at..end)?.try_into().ok()?;
    if u64::from_le_bytes([a, b, c, d, e, f, 0, 0]) | RPORT_CASE != RPORT {
        return None;
    }
    matches!(bytes.get(end), None | Some(b';')).then_some(end)
}

/// `[ ":" port ]` at `at`, and where the parameters start.
fn port(value: &str, at: usize) -> Option<(Option<u16>, usize)> {
    if value.as_bytes().get(at) != Some(&b':') {
        return Some((None, at));
    }
    let digits = value.as_bytes().get(at + 1..at + 9);
    if let Some(port) = digits.and_then(|digits| port_word(digits.try_into().ok()?, at + 1)) {
        return Some(port);
    }
    port_digits(value, at)
}

/// A port of one to five digits at the start of the eight bytes `digits` (found at `from`),
/// read as one word: the digits are moved to the top of the word, below them zeros read as
/// leading zeros, and three multiplications combine them. `None` leaves every other case
/// to [`port_digits`].
#[inline(always)]
fn port_word(digits: [u8; 8], from: usize) -> Option<(Option<u16>, usize)> {
    let word = u64::from_le_bytes(digits);
    let low = word.wrapping_sub(0x3030_3030_3030_3030);
    // A byte is a digit when subtracting `0` does not borrow and adding 6 stays below 16.
    let not_digit = (low | low.wrapping_add(0x0606_0606_0606_0606)) & 0xf0f0_f0f0_f0f0_f0f0;
    let len = not_digit.trailing_zeros() as usize / 8;
    if !(1..=5).contains(&len) {
        return None;
    }
    let mut x = (low << (8 * (8 - len))) & 0x0f0f_0f0f_0f0f_0f0f;
    x = (x * 10 + (x >> 8)) & 0x00ff_00ff_00ff_00ff;
    x = (x * 100 + (x >> 16)) & 0x0000_ffff_0000_ffff;
    x = (x * 10000 + (x >> 32)) & 0xffff_ffff;
    Some((Some(u16::try_from(x).ok()?), from + len))
}

/// [`port`] digit by digit, after its `:` at `at`.
fn port_digits(value: &str, at: usize) -> Option<(Option<u16>, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::eq_letters_ignore_case;
    use proptest::prelude::*;

    /// One `rport` or `received` parameter at `at` matched byte by byte, and where it ends.
    fn nat_param<'a>(
        value: &'a str,
        at: usize,
        rport: &mut Option<Rport>,
        received: &mut Option<Host<'a>>,
    ) -> Option<usize> {
        if let Some(end) = rport_flag(value.as_bytes(), at) {
            rport.get_or_insert(Rport::Requested);
            Some(end)
        } else if let Some((port, end)) = rport_port(value.as_bytes(), at) {
            rport.get_or_insert(Rport::Port(port));
            Some(end)
        } else if let Some((address, end)) = received_ipv4(value, at) {
            received.get_or_insert(Host::Ipv4(address));
            Some(end)
        } else {
            None
        }
    }

    /// `;rport=<port>` at `at`, with one to five digits up to 65535 ending the parameter, and
    /// where it ends.
    fn rport_port(bytes: &[u8], at: usize) -> Option<(u16, usize)> {
        let start = at.checked_add(7)?;
        match bytes.get(at..start)? {
            [b';', name @ .., b'='] if eq_letters_ignore_case(name, b"rport") => {}
            _ => return None,
        }
        rport_value(bytes, start)
    }

    /// `;received=<IPv4 address>` at `at`, the address ending the parameter, and where it ends.
    fn received_ipv4(value: &str, at: usize) -> Option<(&str, usize)> {
        let bytes = value.as_bytes();
        let start = at.checked_add(10)?;
        match bytes.get(at..start)? {
            [b';', name @ .., b'='] if eq_letters_ignore_case(name, b"received") => {}
            _ => return None,
        }
        received_value(value, start)
    }

    /// The parameters one by one through the byte-by-byte matches, as before the word path:
    /// the oracle of the test below.
    fn by_bytes(value: &str) -> (usize, Option<Rport>, Option<Host<'_>>) {
        let (mut at, mut rport, mut received) = (0, None, None);
        while at < value.len() {
            match nat_param(value, at, &mut rport, &mut received) {
                Some(end) => at = end,
                None => break,
            }
        }
        (at, rport, received)
    }

    proptest! {
        /// Runs of `rport` and `received` parameters, their near misses (case, other
        /// names sharing a prefix, bad or overlong values) and other parameters, cut
        /// anywhere: the word path stops where the byte matches stop and keeps what they
        /// keep.
        #[test]
        fn the_word_path_agrees_with_the_byte_matches(
            pieces in prop::collection::vec(prop::sample::select(vec![
                ";rport", ";RPort", ";rport=5060", ";rport=65536", ";rport=", ";rport=000001",
                ";rport=7x", ";rportx", ";rport;", ";received=198.51.100.7", ";ReceiveD=1.2.3.4",
                ";receivedx=1.2.3.4", ";received=1.2.3", ";received=1.2.3.4x", ";received=",
                ";receive=1.2.3.4", ";x=1", ";r", ";received:1.2.3.4", ";rpor=1",
            ]), 0..5),
            cut in 0usize..80,
        ) {
            let value = pieces.concat();
            let value = &value[..cut.min(value.len())];
            let (mut rport, mut received) = (None, None);
            let at = nat_params(value, 0, &mut rport, &mut received);
            prop_assert_eq!((at, rport, received), by_bytes(value));
        }

        /// Ports of every length (leading zeros, values around 65535, none) followed by
        /// anything or cut short: the word reading gives what the digit loops give, for
        /// the sent-by port and for the `rport` value.
        #[test]
        fn the_port_word_agrees_with_the_digit_loop(
            digits in "[0-9]{0,10}",
            after in prop::sample::select(vec!["", ";", ";branch=z9hG4bK1", "x", "/:", "\u{7f}", "é;"]),
            padding in 0usize..9,
        ) {
            let value = format!(":{digits}{after}{}", ";".repeat(padding));
            prop_assert_eq!(port(&value, 0), port_digits(&value, 0));
            let value = &value.as_bytes()[1..];
            prop_assert_eq!(rport_value(value, 0), rport_digits(value, 0));
        }
    }
}
