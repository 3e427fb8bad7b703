//! The single pass over the input: each line is read by the one-pass reader of the common
//! lines or, failing that, by the general scanner and field parsers, then placed by the
//! state (line order of RFC 8866 §9, required lines, sections).

use crate::address::ConnectionData;
use crate::attribute::Typed;
use crate::common;
use crate::error::{ParseError, ParseErrorKind};
use crate::limits::Limits;
use crate::media::MediaDescription;
use crate::scan::Scanner;
use crate::session::{Origin, SessionDescription};
use crate::state::State;
use arrayvec::ArrayVec;

pub(crate) fn parse<'a>(
    input: &'a [u8],
    limits: &Limits,
) -> Result<SessionDescription<'a>, ParseError> {
    parse_with::<true>(input, limits)
}

/// The parse, with (`COMMON`) or without the one-pass reader of the common lines.
#[inline]
fn parse_with<'a, const COMMON: bool>(
    input: &'a [u8],
    limits: &Limits,
) -> Result<SessionDescription<'a>, ParseError> {
    let text = text_of(input, limits)?;
    // The media array is the bulk of the result: it lives here, outside the state, and is
    // moved once, straight into the result that `finish` returns.
    let mut media = ArrayVec::new();
    let mut state = State::new(text, limits, &mut media);
    read_lines::<COMMON>(text, limits, &mut state)?;
    state.finish()
}

/// The input as text, within the size limit.
fn text_of<'a>(input: &'a [u8], limits: &Limits) -> Result<&'a str, ParseError> {
    if input.len() > limits.max_size {
        let kind = ParseErrorKind::TooLarge {
            limit: limits.max_size,
        };
        return Err(ParseError {
            kind,
            line: 0,
            offset: limits.max_size,
        });
    }
    crate::text::utf8(input).map_err(|offset| ParseError {
        kind: ParseErrorKind::NotUtf8,
        line: 0,
        offset,
    })
}

/// Feeds every line to the state. With `COMMON`, each line is first tried by the one-pass
/// reader of the common lines; what it leaves goes to the general scanner and field parsers.
fn read_lines<'a, const COMMON: bool>(
    text: &'a str,
    limits: &Limits,
    state: &mut State<'a, '_, '_>,
) -> Result<(), ParseError> {
    let mut scanner = Scanner::new(text, limits);
    loop {
        if COMMON {
            common::read_lines(&mut scanner, state)?;
            if scanner.at_end() {
                return Ok(());
            }
        }
        let Some(line) = scanner.next_line()? else {
            return Ok(());
        };
        state.line(&line)?;
    }
}

/// The same parse with the general scanner and field parsers only: what the one-pass reader
/// of the common lines must agree with.
#[cfg(test)]
pub(crate) fn parse_general<'a>(
    input: &'a [u8],
    limits: &Limits,
) -> Result<SessionDescription<'a>, ParseError> {
    parse_with::<false>(input, limits)
}

/// A line's value, checked and typed as far as the session needs.
pub(crate) enum Field<'a> {
    Version,
    Origin(Origin<'a>),
    /// A free-text line; for `s=` the value is the session name.
    Text(&'a str),
    Connection(ConnectionData<'a>),
    Time,
    Media(MediaDescription<'a>),
    Attribute(Option<Typed<'a>>),
    /// A line checked against its grammar that keeps nothing (`b=`, `r=`, `z=`).
    Checked,
}
