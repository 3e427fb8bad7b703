//! The bookkeeping of a run of `a=` lines in an open media section, lent by the state to
//! the one-pass reader for the whole run so that it stays in registers.

use crate::attribute::{Seen, Typed};
use crate::error::{ParseError, ParseErrorKind};
use crate::media::MediaDescription;
use crate::rules::LETTER_RULES;
use crate::scan::Place;

/// The bookkeeping of a run of `a=` lines in an open media section. Each line's place
/// reduces to the attribute count: `a=` is the last type of a section and may repeat, and
/// `v=` was read before the `m=` line.
pub(crate) struct AttributeRun<'s, 'a> {
    pub(crate) count: usize,
    pub(crate) max: usize,
    pub(crate) value_start: usize,
    pub(crate) seen: &'s mut Seen,
    pub(crate) media: &'s mut MediaDescription<'a>,
    pub(crate) rank: &'s mut u8,
    pub(crate) last_kind: &'s mut u8,
    pub(crate) attributes: &'s mut usize,
}

impl<'a> AttributeRun<'_, 'a> {
    /// The place check and keeping of the next `a=` line.
    #[inline(always)]
    pub(crate) fn add(&mut self, line: &Place, typed: Option<Typed<'a>>) -> Result<(), ParseError> {
        if self.count >= self.max {
            return Err(line.error(ParseErrorKind::TooManyAttributes { limit: self.max }));
        }
        // Below `max`, so no overflow.
        self.count += 1;
        let Some(typed) = typed else { return Ok(()) };
        self.seen
            .insert(typed.known())
            .map_err(|kind| line.error(kind))?;
        self.media
            .store(typed, line.offset.saturating_sub(self.value_start));
        Ok(())
    }

    /// Gives the section its place after the run: that of an `a=` line when there was one.
    #[inline(always)]
    pub(crate) fn finish(self) {
        if self.count > *self.attributes {
            *self.rank = LETTER_RULES[usize::from(b'a')].media_rank;
            *self.last_kind = b'a';
            *self.attributes = self.count;
        }
    }
}
