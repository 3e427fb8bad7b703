//! The parsed session description: session-level fields and the media sections.

use crate::address::{Address, ConnectionData};
use crate::attribute::direction::Direction;
use crate::attribute::setup::{ConnectionMode, Setup};
use crate::attribute::Attribute;
use crate::error::ParseError;
use crate::limits::{Limits, MEDIA_CAPACITY};
use crate::line::{Attributes, Lines};
use crate::media::{MediaDescription, SectionAttributes};
use crate::syntax::{is_non_ws, parse_u64, split_fields};
use arrayvec::ArrayVec;

/// The `o=` line: who created the session, its id and version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    /// `<username>` (`-` when there is none).
    pub username: &'a str,
    /// `<sess-id>`, digits kept as written (they may exceed 64 bits).
    pub session_id: &'a str,
    /// `<sess-version>`, incremented each time the session is modified.
    pub session_version: u64,
    /// Network type, address type and address of the creator.
    pub address: Address<'a>,
}

impl<'a> Origin<'a> {
    pub(crate) fn parse(value: &'a str) -> Result<Self, &'static str> {
        let [user, id, version, net, kind, addr] =
            split_fields::<6>(value).ok_or("expected six space-separated fields")?;
        if !is_non_ws(user) {
            return Err("invalid username");
        }
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err("session id is not a number");
        }
        let session_version = parse_u64(version).ok_or("session version is not a 64-bit number")?;
        let address = Address::parse(net, kind, addr)?;
        Ok(Origin {
            username: user,
            session_id: id,
            session_version,
            address,
        })
    }
}

/// A session description parsed from bytes it borrows. Parsing checks the whole grammar
/// (line order, required lines, every field, and the MSRP attributes) so accessors cannot
/// fail; it allocates nothing.
///
/// ```
/// let sdp = sdp::SessionDescription::parse(b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n\
///     c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=message 7394 TCP/MSRP *\r\na=sendonly\r\n\
///     a=path:msrp://192.0.2.1:7394/abc;tcp\r\na=accept-types:message/cpim\r\n")?;
/// let (_, stream) = sdp.message_stream().unwrap();
/// assert_eq!(sdp.direction_of(stream), sdp::Direction::SendOnly);
/// assert_eq!(stream.path().unwrap().first().port(), Some(7394));
/// # Ok::<(), sdp::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDescription<'a> {
    pub(crate) text: &'a str,
    pub(crate) session_text: &'a str,
    pub(crate) origin: Origin<'a>,
    pub(crate) session_name: &'a str,
    pub(crate) connection: Option<ConnectionData<'a>>,
    pub(crate) typed: SectionAttributes<'a>,
    pub(crate) media: ArrayVec<MediaDescription<'a>, MEDIA_CAPACITY>,
}

impl<'a> SessionDescription<'a> {
    /// Parses with the default [`Limits`].
    pub fn parse(input: &'a [u8]) -> Result<Self, ParseError> {
        Self::parse_with(input, &Limits::DEFAULT)
    }

    /// Parses with the given limits.
    pub fn parse_with(input: &'a [u8], limits: &Limits) -> Result<Self, ParseError> {
        crate::parse::parse(input, limits)
    }

    /// The whole description as parsed.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Every line, session and media, in order.
    pub fn lines(&self) -> Lines<'a> {
        Lines::new(self.text)
    }

    /// The session-level lines (everything before the first `m=`), in order.
    pub fn session_lines(&self) -> Lines<'a> {
        Lines::new(self.session_text)
    }

    /// The `o=` line.
    pub fn origin(&self) -> &Origin<'a> {
        &self.origin
    }

    /// The `s=` line.
    pub fn session_name(&self) -> &'a str {
        self.session_name
    }

    /// The session-level `c=` line.
    pub fn connection(&self) -> Option<&ConnectionData<'a>> {
        self.connection.as_ref()
    }

    /// The session-level `a=` lines, in order.
    pub fn attributes(&self) -> Attributes<'a> {
        Attributes::new(self.session_text)
    }

    /// The first session-level attribute with this name.
    pub fn attribute(&self, name: &str) -> Option<Attribute<'a>> {
        self.attributes().find(|a| a.name == name)
    }

    /// The session-level direction attribute, if any.
    pub fn direction(&self) -> Option<Direction> {
        self.typed.direction
    }

    /// The session-level `a=setup`, if any.
    pub fn setup(&self) -> Option<Setup> {
        self.typed.setup
    }

    /// The session-level `a=connection`, if any.
    pub fn connection_mode(&self) -> Option<ConnectionMode> {
        self.typed.connection_mode
    }

    /// The media sections, in order.
    pub fn media(&self) -> &[MediaDescription<'a>] {
        &self.media
    }

    /// The first MSRP message stream and its index among the media sections.
    pub fn message_stream(&self) -> Option<(usize, &MediaDescription<'a>)> {
        self.media.iter().enumerate().find(|(_, m)| m.is_msrp())
    }

    /// A media section's direction: its own attribute, else the session-level one, else
    /// `sendrecv` (RFC 8866 §6.7).
    pub fn direction_of(&self, media: &MediaDescription<'_>) -> Direction {
        media
            .direction()
            .or(self.typed.direction)
            .unwrap_or_default()
    }

    /// A media section's `a=setup`: its own, else the session-level one.
    pub fn setup_of(&self, media: &MediaDescription<'_>) -> Option<Setup> {
        media.setup().or(self.typed.setup)
    }

    /// A media section's connection address: its first `c=`, else the session-level one.
    pub fn connection_of(&self, media: &MediaDescription<'a>) -> Option<ConnectionData<'a>> {
        media.connections().next().or(self.connection)
    }
}
