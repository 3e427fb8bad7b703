//! The one-pass reading of `a=` lines: the attribute names of an MSRP section are compared
//! as words, their values read by the same scan that finds the line end; any other name is
//! scanned and its value kept unchecked, as the general parser does.

use crate::attribute::accept_types::{list_prefix, MediaTypes};
use crate::attribute::direction::Direction;
use crate::attribute::setup::{ConnectionMode, Setup};
use crate::attribute::{path, Typed};
use crate::limits::Limits;
use crate::parse::Field;
use crate::syntax::{digits, is_token_char, literal, starts_with, text_end, token_end, word_at};

/// `a=<name>` or `a=<name>:<value>`: a known attribute typed, any other kept unchecked.
#[inline(always)]
pub(super) fn attribute<'a>(
    text: &'a str,
    start: usize,
    limits: &Limits,
) -> Option<(Field<'a>, usize)> {
    let b = text.as_bytes();
    let (name, name_end) = name(b, start)?;
    if b.get(name_end) != Some(&b':') {
        let typed = match name {
            Name::Direction(direction) => Some(Typed::Direction(direction)),
            Name::Other => None,
            _ => return None,
        };
        return Some((Field::Attribute(typed), name_end));
    }
    let at = name_end + 1;
    let (typed, end) = match name {
        Name::Path => {
            let end = path::list_prefix(text, at, limits.max_path_uris)?;
            (Typed::Path(text.get(at..end)?), end)
        }
        Name::AcceptTypes => {
            let (types, end) = media_types(text, at, limits)?;
            (Typed::AcceptTypes(types), end)
        }
        Name::AcceptWrappedTypes => {
            let (types, end) = media_types(text, at, limits)?;
            (Typed::AcceptWrappedTypes(types), end)
        }
        Name::MaxSize => {
            let (n, end) = digits(b, at)?;
            (Typed::MaxSize(n), end)
        }
        Name::Setup => {
            let (setup, end) = match word_at(b, at) {
                Some(w) if starts_with(w, ACTIVE) => (Setup::Active, at + 6),
                Some(w) if starts_with(w, PASSIVE) => (Setup::Passive, at + 7),
                Some(w) if starts_with(w, ACTPASS) => (Setup::ActPass, at + 7),
                _ => {
                    let (value, end) = letters(text, at)?;
                    (Setup::parse(value)?, end)
                }
            };
            // The role is the whole value only when no letter continues it.
            if b.get(end).is_some_and(u8::is_ascii_alphabetic) {
                return None;
            }
            (Typed::Setup(setup), end)
        }
        Name::Connection => {
            let (word, end) = letters(text, at)?;
            (Typed::ConnectionMode(ConnectionMode::parse(word)?), end)
        }
        Name::Direction(_) => return None,
        Name::Other => return Some((Field::Attribute(None), text_end(b, at))),
    };
    Some((Field::Attribute(Some(typed)), end))
}

/// What an attribute name says about the attribute.
#[derive(Clone, Copy)]
enum Name {
    Direction(Direction),
    Path,
    AcceptTypes,
    AcceptWrappedTypes,
    MaxSize,
    Setup,
    Connection,
    Other,
}

const PATH: (u64, u64) = literal(b"path:");
const ACTIVE: (u64, u64) = literal(b"active");
const PASSIVE: (u64, u64) = literal(b"passive");
const ACTPASS: (u64, u64) = literal(b"actpass");
const SETUP: (u64, u64) = literal(b"setup:");
const ACCEPT_T: (u64, u64) = literal(b"accept-t");

/// The attribute name that starts at `start` and where it ends; `None` when it is empty.
/// The names of an MSRP section are compared as words, without a scan.
#[inline(always)]
fn name(b: &[u8], start: usize) -> Option<(Name, usize)> {
    if let Some(w) = word_at(b, start) {
        if let Some(known) = known_name(w, b, start) {
            return Some(known);
        }
    }
    let end = token_end(b, start);
    let name = match b.get(start..end)? {
        b"" => return None,
        b"path" => Name::Path,
        b"accept-types" => Name::AcceptTypes,
        b"accept-wrapped-types" => Name::AcceptWrappedTypes,
        b"max-size" => Name::MaxSize,
        b"setup" => Name::Setup,
        b"connection" => Name::Connection,
        b"sendrecv" => Name::Direction(Direction::SendRecv),
        b"sendonly" => Name::Direction(Direction::SendOnly),
        b"recvonly" => Name::Direction(Direction::RecvOnly),
        b"inactive" => Name::Direction(Direction::Inactive),
        _ => Name::Other,
    };
    Some((name, end))
}

/// The names of an MSRP section recognised from the first eight bytes `w` of the name, with
/// a first test on its first letter; `None` leaves the name to the scan.
#[inline(always)]
fn known_name(w: u64, b: &[u8], start: usize) -> Option<(Name, usize)> {
    let end = start + 8;
    // A whole-word name is the name only when no token character continues it.
    let whole = |name| (!b.get(end).is_some_and(|c| is_token_char(*c))).then_some((name, end));
    match w as u8 {
        b's' if w == literal(b"sendonly").0 => whole(Name::Direction(Direction::SendOnly)),
        b's' if w == literal(b"sendrecv").0 => whole(Name::Direction(Direction::SendRecv)),
        b's' if starts_with(w, SETUP) => Some((Name::Setup, start + 5)),
        b'r' if w == literal(b"recvonly").0 => whole(Name::Direction(Direction::RecvOnly)),
        b'i' if w == literal(b"inactive").0 => whole(Name::Direction(Direction::Inactive)),
        b'm' if w == literal(b"max-size").0 => whole(Name::MaxSize),
        b'p' if starts_with(w, PATH) => Some((Name::Path, start + 4)),
        b'a' if w == ACCEPT_T.0 && b.get(end..end + 5) == Some(b"ypes:") => {
            Some((Name::AcceptTypes, end + 4))
        }
        _ => None,
    }
}

#[inline(always)]
fn media_types<'a>(text: &'a str, at: usize, limits: &Limits) -> Option<(MediaTypes<'a>, usize)> {
    let (count, end) = list_prefix(text.as_bytes(), at)?;
    if count > limits.max_accept_types {
        return None;
    }
    Some((MediaTypes::from_checked(text.get(at..end)?), end))
}

/// The run of ASCII letters from `at` and where it ends.
fn letters(text: &str, at: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    let mut end = at;
    while b.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    Some((text.get(at..end)?, end))
}
