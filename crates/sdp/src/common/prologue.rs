//! The lines almost every offer and answer opens with, `v=0`, `o=`, `s=`, an optional `c=`
//! and `t=`, read as one unit. Read in this order from the start of a description, none of
//! them can be out of place, so the state takes them at once instead of checking the place
//! of each.

use super::repeated_quad::LastQuad;
use super::{connection, line_end, origin, session_name_end, time};
use crate::scan::Scanner;
use crate::state::State;

/// Reads the opening lines when the input starts with them, valid and within the line
/// limits, and gives them to the state. Otherwise nothing is taken, and the lines are read
/// one at a time, which reports any error.
pub(super) fn read<'a>(
    scanner: &mut Scanner<'a, '_>,
    state: &mut State<'a, '_, '_>,
    last_quad: &mut LastQuad,
) -> Option<()> {
    let text = scanner.text();
    let b = text.as_bytes();
    let (pos, number, max_lines, max_line_len) = scanner.run();
    // At the start of the input the state is fresh, as `State::prologue` requires.
    if pos != 0 || b.get(..3) != Some(b"v=0") {
        return None;
    }
    let mut longest = 3;
    let mut at = line_end(b, 3)?;

    let start = value_start(b, at, b'o')?;
    let (origin, end) = origin(text, start, last_quad)?;
    longest = longest.max(end - at);
    at = line_end(b, end)?;

    let start = value_start(b, at, b's')?;
    let end = session_name_end(b, start)?;
    let session_name = text.get(start..end)?;
    longest = longest.max(end - at);
    at = line_end(b, end)?;

    let mut lines = 4;
    let connection = match value_start(b, at, b'c') {
        Some(start) => {
            let (connection, end) = connection(text, start, last_quad)?;
            longest = longest.max(end - at);
            at = line_end(b, end)?;
            lines = 5;
            Some(connection)
        }
        None => None,
    };

    let start = value_start(b, at, b't')?;
    let end = time(b, start)?;
    longest = longest.max(end - at);
    at = line_end(b, end)?;

    if number.checked_add(lines)? > max_lines || longest > max_line_len {
        return None;
    }
    scanner.end_run(at, number + lines);
    state.prologue(origin, session_name, connection);
    Some(())
}

/// Where the value of the line at `at` starts, when the line is of type `kind`.
#[inline(always)]
fn value_start(b: &[u8], at: usize, kind: u8) -> Option<usize> {
    match b.get(at..)? {
        [k, b'=', ..] if *k == kind => Some(at + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use arrayvec::ArrayVec;

    /// Reads `text` with the prologue, then line by line; the state and the scanner's place
    /// after the prologue, and whether it took the lines.
    fn both_ways(text: &str) -> bool {
        let limits = Limits::default();
        let (mut at_once, mut one_by_one) = (ArrayVec::new(), ArrayVec::new());
        let mut state = State::new(text, &limits, &mut at_once);
        let mut scanner = Scanner::new(text, &limits);
        let taken = read(&mut scanner, &mut state, &mut LastQuad::default()).is_some();
        let mut lines = State::new(text, &limits, &mut one_by_one);
        let mut general = Scanner::new(text, &limits);
        while general.run().0 < scanner.run().0 {
            let line = general.next_line().unwrap().unwrap();
            lines.line(&line).unwrap();
        }
        assert_eq!(state.session_state(), lines.session_state(), "{text:?}");
        assert_eq!(scanner.run(), general.run(), "{text:?}");
        taken
    }

    #[test]
    fn leaves_the_state_as_reading_line_by_line() {
        let with_c =
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nr=1 2 3\r\n";
        let without_c = "v=0\no=a 1 2 IN IP4 10.0.0.1\ns=Chat\nt=1 2\nm=message 9 TCP/MSRP *\n";
        let at_the_end = "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0";
        for text in [with_c, without_c, at_the_end] {
            assert!(both_ways(text), "{text:?}");
        }
    }

    #[test]
    fn takes_nothing_unless_every_opening_line_is_there_and_common() {
        for text in [
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\ni=x\r\nt=0 0\r\n",
            "v=0\r\no=- 1 2 IN IP6 ::1\r\ns=-\r\nt=0 0\r\n",
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 224.2.1.1/127\r\nt=0 0\r\n",
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\n",
            "v=1\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n",
        ] {
            assert!(!both_ways(text), "{text:?}");
        }
    }
}
