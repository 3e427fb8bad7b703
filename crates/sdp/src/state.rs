//! The state of the pass over the lines: the place of each line in the order of RFC 8866 §9,
//! the required lines, the section each line belongs to, and what the checked lines keep.

use crate::address::ConnectionData;
use crate::attribute::{self, Attribute, Seen, Typed};
use crate::attribute_run::AttributeRun;
use crate::error::{ParseError, ParseErrorKind};
use crate::fields::{check_bandwidth, check_repeat, check_text, check_time, check_zone};
use crate::limits::{Limits, MEDIA_CAPACITY};
use crate::media::{MediaDescription, SectionAttributes};
use crate::parse::Field;
use crate::rules::{LETTER_RULES, UNORDERED};
use crate::scan::{Place, RawLine};
use crate::session::{Origin, SessionDescription};
use arrayvec::ArrayVec;

/// The `m=` line that opened the current section, for errors about the section as a whole.
#[derive(Clone, Copy)]
struct OpenMedia {
    number: usize,
    offset: usize,
    /// Where its value starts: the section's text runs from there.
    value_start: usize,
    has_connection: bool,
}

pub(crate) struct State<'a, 'l, 'm> {
    text: &'a str,
    limits: &'l Limits,
    /// Copied from `limits`: read for every `a=` line.
    max_attributes: usize,
    rank: u8,
    last_kind: u8,
    singles: u32,
    attributes: usize,
    seen: Seen,
    version: bool,
    origin: Option<Origin<'a>>,
    session_name: Option<&'a str>,
    has_time: bool,
    connection: Option<ConnectionData<'a>>,
    session_end: Option<usize>,
    session_typed: SectionAttributes<'a>,
    media: &'m mut ArrayVec<MediaDescription<'a>, MEDIA_CAPACITY>,
    open: Option<OpenMedia>,
}

impl<'a, 'l, 'm> State<'a, 'l, 'm> {
    pub(crate) fn new(
        text: &'a str,
        limits: &'l Limits,
        media: &'m mut ArrayVec<MediaDescription<'a>, MEDIA_CAPACITY>,
    ) -> Self {
        State {
            text,
            limits,
            max_attributes: limits.max_attributes,
            rank: 0,
            last_kind: 0,
            singles: 0,
            attributes: 0,
            seen: Seen::default(),
            version: false,
            origin: None,
            session_name: None,
            has_time: false,
            connection: None,
            session_end: None,
            session_typed: SectionAttributes::default(),
            media,
            open: None,
        }
    }

    /// A line from the general scanner: its place is checked before its value.
    pub(crate) fn line(&mut self, raw: &RawLine<'a>) -> Result<(), ParseError> {
        let line = &raw.place;
        self.check_version(line)?;
        if line.kind == b'm' {
            self.open_media(line)?;
            let invalid = |what| line.error(ParseErrorKind::InvalidField { field: 'm', what });
            let media = MediaDescription::parse_line(raw.value).map_err(invalid)?;
            return self.push_media(line, media);
        }
        if !self.admit(line)? {
            return Ok(());
        }
        let field = self.field(raw).map_err(|kind| match kind {
            ParseErrorKind::PathUri(e) => {
                let at = line
                    .offset
                    .saturating_add("a=path:".len())
                    .saturating_add(e.offset);
                ParseError {
                    kind,
                    line: line.number,
                    offset: at,
                }
            }
            kind => line.error(kind),
        })?;
        self.apply(line, field)
    }

    /// A line whose value the one-pass reader has already checked: only its place is left
    /// to check, with the same errors as for [`line`](Self::line).
    #[inline(always)]
    pub(crate) fn read(&mut self, line: &Place, field: Field<'a>) -> Result<(), ParseError> {
        self.check_version(line)?;
        if let Field::Media(media) = field {
            self.open_media(line)?;
            return self.push_media(line, media);
        }
        if !self.admit(line)? {
            return Ok(());
        }
        self.apply(line, field)
    }

    #[inline(always)]
    fn check_version(&self, line: &Place) -> Result<(), ParseError> {
        if !self.version && line.kind != b'v' {
            return Err(line.error(ParseErrorKind::Missing { field: 'v' }));
        }
        Ok(())
    }

    /// Checks the place of a line other than `m=`; `false` for a letter RFC 8866 does not
    /// define, which is kept unchecked.
    #[inline(always)]
    fn admit(&mut self, line: &Place) -> Result<bool, ParseError> {
        let rule = LETTER_RULES[usize::from(line.kind)];
        let (rank, once) = if self.open.is_some() {
            (rule.media_rank, rule.once_in_media)
        } else {
            (rule.session_rank, rule.once_in_session)
        };
        if rank == UNORDERED {
            if rule.session_rank == UNORDERED {
                return Ok(false);
            }
            return Err(line.error(ParseErrorKind::OutOfOrder {
                field: char::from(line.kind),
            }));
        }
        self.order(line, rank, once)?;
        if line.kind == b'a' {
            self.attributes = self.attributes.saturating_add(1);
            if self.attributes > self.max_attributes {
                return Err(line.error(ParseErrorKind::TooManyAttributes {
                    limit: self.limits.max_attributes,
                }));
            }
        }
        Ok(true)
    }

    #[inline(always)]
    fn order(&mut self, line: &Place, rank: u8, once: bool) -> Result<(), ParseError> {
        let field = char::from(line.kind);
        let repeat_without_time = line.kind == b'r' && !matches!(self.last_kind, b't' | b'r');
        if rank < self.rank || repeat_without_time {
            return Err(line.error(ParseErrorKind::OutOfOrder { field }));
        }
        if once {
            let bit = once_bit(line.kind);
            if self.singles & bit != 0 {
                return Err(line.error(ParseErrorKind::Repeated { field }));
            }
            self.singles |= bit;
        }
        self.rank = rank;
        self.last_kind = line.kind;
        Ok(())
    }

    /// The opening `v=0`, `o=`, `s=`, optional `c=` and `t=` lines, read in this order at the
    /// start of the input. From the fresh state of that place none of their place checks
    /// can fail, and the state is left as reading them one at a time leaves it.
    #[inline(always)]
    pub(crate) fn prologue(
        &mut self,
        origin: Origin<'a>,
        session_name: &'a str,
        connection: Option<ConnectionData<'a>>,
    ) {
        self.version = true;
        self.origin = Some(origin);
        self.session_name = Some(session_name);
        self.has_time = true;
        self.rank = LETTER_RULES[usize::from(b't')].session_rank;
        self.last_kind = b't';
        self.singles = once_bit(b'v') | once_bit(b'o') | once_bit(b's');
        if connection.is_some() {
            self.singles |= once_bit(b'c');
            self.connection = connection;
        }
    }

    /// What the session lines read so far have left, for comparing two ways of reading them.
    #[cfg(test)]
    pub(crate) fn session_state(&self) -> impl PartialEq + core::fmt::Debug + 'a {
        (
            (self.version, self.origin, self.session_name, self.has_time),
            (self.connection, self.session_end, self.session_typed),
            (self.rank, self.last_kind, self.singles, self.attributes),
            self.open.is_some(),
        )
    }

    /// The general parse of a value other than `m=`.
    fn field(&self, line: &RawLine<'a>) -> Result<Field<'a>, ParseErrorKind> {
        let field = char::from(line.place.kind);
        let invalid = |what| ParseErrorKind::InvalidField { field, what };
        let value = line.value;
        Ok(match line.place.kind {
            b'v' if value == "0" => Field::Version,
            b'v' => return Err(ParseErrorKind::UnsupportedVersion),
            b'o' => Field::Origin(Origin::parse(value).map_err(invalid)?),
            b'c' => Field::Connection(ConnectionData::parse(value).map_err(invalid)?),
            b'b' => check_bandwidth(value)
                .map(|()| Field::Checked)
                .map_err(invalid)?,
            b't' => check_time(value).map(|()| Field::Time).map_err(invalid)?,
            b'r' => check_repeat(value)
                .map(|()| Field::Checked)
                .map_err(invalid)?,
            b'z' => check_zone(value)
                .map(|()| Field::Checked)
                .map_err(invalid)?,
            b'a' => Field::Attribute(attribute::check(&Attribute::split(value), self.limits)?),
            _ => check_text(value)
                .map(|()| Field::Text(value))
                .map_err(invalid)?,
        })
    }

    /// The open media section's attribute bookkeeping, lent to a run of `a=` lines read in
    /// one loop; `None` outside a media section.
    #[inline(always)]
    pub(crate) fn attribute_run(&mut self) -> Option<AttributeRun<'_, 'a>> {
        let open = self.open?;
        let media = self.media.last_mut()?;
        if !self.version {
            return None;
        }
        Some(AttributeRun {
            count: self.attributes,
            max: self.max_attributes,
            value_start: open.value_start,
            seen: &mut self.seen,
            media,
            rank: &mut self.rank,
            last_kind: &mut self.last_kind,
            attributes: &mut self.attributes,
        })
    }

    /// Keeps what a checked line says.
    #[inline(always)]
    fn apply(&mut self, line: &Place, field: Field<'a>) -> Result<(), ParseError> {
        match field {
            Field::Version => self.version = true,
            Field::Origin(origin) => self.origin = Some(origin),
            Field::Text(value) if line.kind == b's' => self.session_name = Some(value),
            Field::Connection(connection) => match self.open.as_mut() {
                Some(open) => open.has_connection = true,
                None => self.connection = Some(connection),
            },
            Field::Time => self.has_time = true,
            Field::Attribute(Some(typed)) => {
                self.seen
                    .insert(typed.known())
                    .map_err(|kind| line.error(kind))?;
                match (self.open, self.media.last_mut()) {
                    (Some(open), Some(media)) => {
                        media.store(typed, line.offset.saturating_sub(open.value_start));
                    }
                    _ => store(&mut self.session_typed, typed),
                }
            }
            Field::Text(_) | Field::Attribute(None) | Field::Checked | Field::Media(_) => {}
        }
        Ok(())
    }

    /// Closes the section before an `m=` line and checks there is room for another.
    #[inline(always)]
    fn open_media(&mut self, line: &Place) -> Result<(), ParseError> {
        self.close_section(line.offset)?;
        self.check_required(line.number, line.offset)?;
        let limit = self.limits.media_sections();
        if self.media.len() >= limit {
            return Err(line.error(ParseErrorKind::TooManyMedia { limit }));
        }
        Ok(())
    }

    #[inline(always)]
    fn push_media(&mut self, line: &Place, media: MediaDescription<'a>) -> Result<(), ParseError> {
        let limit = self.limits.media_sections();
        self.media
            .try_push(media)
            .map_err(|_| line.error(ParseErrorKind::TooManyMedia { limit }))?;
        self.open = Some(OpenMedia {
            number: line.number,
            offset: line.offset,
            value_start: line.offset.saturating_add(2),
            has_connection: false,
        });
        self.rank = 0;
        self.last_kind = b'm';
        self.singles = 0;
        self.attributes = 0;
        self.seen = Seen::default();
        Ok(())
    }

    /// Ends the session section or the open media section at `end`.
    fn close_section(&mut self, end: usize) -> Result<(), ParseError> {
        let Some(open) = self.open else {
            self.session_end = Some(end);
            return Ok(());
        };
        if let (Some(media), Some(text)) =
            (self.media.last_mut(), self.text.get(open.value_start..end))
        {
            media.set_text(text);
        }
        if !open.has_connection && self.connection.is_none() {
            let kind = ParseErrorKind::MissingConnection;
            return Err(ParseError {
                kind,
                line: open.number,
                offset: open.offset,
            });
        }
        Ok(())
    }

    fn check_required(&self, line: usize, offset: usize) -> Result<(), ParseError> {
        // The first missing line in the order of RFC 8866 §5 is the one reported.
        let field = if !self.version {
            'v'
        } else if self.origin.is_none() {
            'o'
        } else if self.session_name.is_none() {
            's'
        } else if !self.has_time {
            't'
        } else {
            return Ok(());
        };
        Err(ParseError {
            kind: ParseErrorKind::Missing { field },
            line,
            offset,
        })
    }

    /// Checks the end of the input and builds the result, moving the media sections into it.
    #[inline(always)]
    pub(crate) fn finish(&mut self) -> Result<SessionDescription<'a>, ParseError> {
        let end = self.text.len();
        self.close_section(end)?;
        self.check_required(0, end)?;
        let (Some(origin), Some(session_name)) = (self.origin, self.session_name) else {
            return Err(ParseError {
                kind: ParseErrorKind::Missing { field: 'o' },
                line: 0,
                offset: end,
            });
        };
        let session_end = self.session_end.unwrap_or(end);
        Ok(SessionDescription {
            text: self.text,
            session_text: self.text.get(..session_end).unwrap_or_default(),
            origin,
            session_name,
            connection: self.connection,
            typed: self.session_typed,
            media: core::mem::take(self.media),
        })
    }
}

/// The bit of `singles` that marks a line type seen, for the types that may not repeat.
#[inline(always)]
fn once_bit(kind: u8) -> u32 {
    1u32 << (kind & 31)
}

#[inline(always)]
fn store<'a>(section: &mut SectionAttributes<'a>, typed: Typed<'a>) {
    match typed {
        Typed::Path(raw) => section.path = Some(raw),
        Typed::AcceptTypes(list) => section.accept_types = Some(list),
        Typed::AcceptWrappedTypes(list) => section.accept_wrapped_types = Some(list),
        Typed::MaxSize(n) => section.max_size = Some(n),
        Typed::Setup(s) => section.setup = Some(s),
        Typed::ConnectionMode(c) => section.connection_mode = Some(c),
        Typed::Direction(d) => section.direction = Some(d),
    }
}
