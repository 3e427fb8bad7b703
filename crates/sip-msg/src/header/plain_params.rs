//! The parameter list most headers carry: `*( ";" token [ "=" token ] )` with no whitespace,
//! read in one pass by the direct paths of the typed headers. Anything else (whitespace,
//! quoted or bracketed values, an empty name) is left to the full grammar in
//! [`Params::scan_with`].

use super::params::{Param, ParamValue, Params};
use crate::grammar::is_token;
use crate::ValueError;

/// The parameters from `start` to the end of `value`, each handed to `visit` with the offset
/// of its name (as [`Params::scan_with`] does); `None` when the text is not of the plain
/// shape or `visit` refuses a parameter.
pub(crate) fn scan<'a>(
    value: &'a str,
    start: usize,
    mut visit: impl FnMut(Param<'a>, usize) -> Result<(), ValueError>,
) -> Option<Params<'a>> {
    let bytes = value.as_bytes();
    let mut at = start;
    while at < bytes.len() {
        if bytes.get(at) != Some(&b';') {
            return None;
        }
        let name_start = at + 1;
        let name_end = token_end(bytes, name_start);
        let name = value.get(name_start..name_end).filter(|n| !n.is_empty())?;
        let mut param = Param { name, value: None };
        at = name_end;
        if bytes.get(name_end) == Some(&b'=') {
            at = token_end(bytes, name_end + 1);
            let token = value.get(name_end + 1..at).filter(|t| !t.is_empty())?;
            param.value = Some(ParamValue::Token(token));
        }
        visit(param, name_start).ok()?;
    }
    Some(Params::checked(value.get(start..)?))
}

/// Where the run of token bytes starting at `at` ends.
pub(crate) fn token_end(bytes: &[u8], at: usize) -> usize {
    span(bytes, at, is_token)
}

/// Where the run of bytes in `class` starting at `at` ends.
pub(crate) fn span(bytes: &[u8], at: usize, class: impl Fn(u8) -> bool) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest.iter().position(|&b| !class(b)).unwrap_or(rest.len())
}
