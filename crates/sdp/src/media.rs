//! One media section: its `m=` line and the lines that follow it up to the next `m=`.

use crate::address::ConnectionData;
use crate::attribute::accept_types::MediaTypes;
use crate::attribute::direction::Direction;
use crate::attribute::path::Path;
use crate::attribute::setup::{ConnectionMode, Setup};
use crate::attribute::Attribute;
use crate::line::{Attributes, Lines};
use crate::syntax::{is_token, is_token_list, parse_u16, split_once_byte};
use core::fmt;

mod known;

pub(crate) use known::SectionAttributes;
use known::Span;

/// The transport of an MSRP message stream (RFC 4975 §8.1, the `m=` proto).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MsrpTransport {
    /// `TCP/MSRP`
    Tcp,
    /// `TCP/TLS/MSRP`
    Tls,
}

impl MsrpTransport {
    /// The proto as written on the `m=` line.
    pub fn as_str(self) -> &'static str {
        match self {
            MsrpTransport::Tcp => "TCP/MSRP",
            MsrpTransport::Tls => "TCP/TLS/MSRP",
        }
    }

    /// Recognises an `m=` proto (case-insensitively).
    pub fn from_proto(proto: &str) -> Option<Self> {
        if proto.eq_ignore_ascii_case("TCP/MSRP") {
            Some(MsrpTransport::Tcp)
        } else if proto.eq_ignore_ascii_case("TCP/TLS/MSRP") {
            Some(MsrpTransport::Tls)
        } else {
            None
        }
    }
}

/// A parsed media section. Known MSRP attributes were checked while parsing; every line,
/// known or not, stays available in order through [`lines`](Self::lines).
///
/// It keeps the section's text and where the known values are in it: the fields of the
/// `m=` line are read from the text on access, and the description stays small enough that
/// the eight of every parse result cost little to return.
#[derive(Clone, Copy)]
pub struct MediaDescription<'a> {
    /// From the `m=` value to the end of the section.
    text: &'a str,
    max_size: u64,
    port: u16,
    port_count: Option<u16>,
    path: Span,
    accept_types: Span,
    accept_wrapped_types: Span,
    has_max_size: bool,
    direction: Option<Direction>,
    setup: Option<Setup>,
    connection_mode: Option<ConnectionMode>,
    /// `proto` as an MSRP transport, and whether `media` is `message`, worked out once.
    transport: Option<MsrpTransport>,
    message: bool,
}

/// Two sections are equal when their fields are, as written (the port as a number).
impl PartialEq for MediaDescription<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.port, self.port_count, self.body(), self.typed())
            == (other.port, other.port_count, other.body(), other.typed())
            && self.fields_except_port() == other.fields_except_port()
    }
}

impl Eq for MediaDescription<'_> {}

impl fmt::Debug for MediaDescription<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [media, proto, formats] = self.fields_except_port();
        f.debug_struct("MediaDescription")
            .field("media", &media)
            .field("port", &self.port)
            .field("port_count", &self.port_count)
            .field("proto", &proto)
            .field("formats", &formats)
            .field("body", &self.body())
            .field("typed", &self.typed())
            .finish()
    }
}

impl<'a> MediaDescription<'a> {
    /// Parses the value of an `m=` line; the section's other lines are attached later.
    pub(crate) fn parse_line(value: &'a str) -> Result<Self, &'static str> {
        let (media, rest) = split_once_byte(value, b' ');
        let (port, rest) = split_once_byte(
            rest.ok_or("expected `<media> <port> <proto> <fmt> ...`")?,
            b' ',
        );
        let (proto, formats) = split_once_byte(rest.ok_or("missing proto")?, b' ');
        let formats = formats.ok_or("missing format")?;
        if !is_token(media) {
            return Err("media type is not a token");
        }
        let (port, count) = split_once_byte(port, b'/');
        let port = parse_u16(port).ok_or("port is not a number below 65536")?;
        let port_count = count
            .map(|c| parse_u16(c).ok_or("invalid port count"))
            .transpose()?;
        if !is_token_list(proto, b'/') {
            return Err("proto is not `token *(/ token)`");
        }
        if !is_token_list(formats, b' ') {
            return Err("format list is not space-separated tokens");
        }
        let kind = (
            media.eq_ignore_ascii_case("message"),
            MsrpTransport::from_proto(proto),
        );
        Ok(MediaDescription::new(value, port, port_count, kind))
    }

    /// The section of the checked `m=` line `line`, whose media (whether it is `message`)
    /// and proto (as an MSRP transport) the caller has recognised, before its other lines
    /// are attached.
    pub(crate) fn new(
        line: &'a str,
        port: u16,
        port_count: Option<u16>,
        (message, transport): (bool, Option<MsrpTransport>),
    ) -> Self {
        MediaDescription {
            text: line,
            max_size: 0,
            port,
            port_count,
            path: Span::ABSENT,
            accept_types: Span::ABSENT,
            accept_wrapped_types: Span::ABSENT,
            has_max_size: false,
            direction: None,
            setup: None,
            connection_mode: None,
            transport,
            message,
        }
    }

    /// `<media>`, `<proto>` and the formats of the checked `m=` line, which separates its
    /// four fields by single spaces (the formats are the rest of the line).
    fn fields_except_port(&self) -> [&'a str; 3] {
        let (media, rest) = split_once_byte(self.line(), b' ');
        let (_, rest) = split_once_byte(rest.unwrap_or_default(), b' ');
        let (proto, formats) = split_once_byte(rest.unwrap_or_default(), b' ');
        [media, proto, formats.unwrap_or_default()]
    }

    /// `<media>`, e.g. `message` or `audio`.
    pub fn media(&self) -> &'a str {
        self.fields_except_port()[0]
    }

    /// `<port>`. For MSRP it is informational only (the path decides); 0 rejects the stream.
    #[inline]
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The `/<number of ports>` suffix, if given.
    pub fn port_count(&self) -> Option<u16> {
        self.port_count
    }

    /// `<proto>`, e.g. `TCP/MSRP`.
    pub fn proto(&self) -> &'a str {
        self.fields_except_port()[1]
    }

    /// The formats, in order (`*` for MSRP).
    pub fn formats(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.fields_except_port()[2].split(' ')
    }

    /// Whether this is an MSRP message stream (`m=message` over `TCP/MSRP` or `TCP/TLS/MSRP`).
    #[inline]
    pub fn is_msrp(&self) -> bool {
        self.message && self.transport.is_some()
    }

    /// The MSRP transport named by the proto, if it is one.
    pub fn msrp_transport(&self) -> Option<MsrpTransport> {
        self.transport
    }

    /// The section's lines after `m=`, in order, unknown ones included.
    pub fn lines(&self) -> Lines<'a> {
        Lines::new(self.body())
    }

    /// The section's `a=` lines, in order.
    pub fn attributes(&self) -> Attributes<'a> {
        Attributes::new(self.body())
    }

    /// The first attribute with this name.
    pub fn attribute(&self, name: &str) -> Option<Attribute<'a>> {
        self.attributes().find(|a| a.name == name)
    }

    /// The section's own `c=` lines (a section may have several for multicast).
    pub fn connections(&self) -> impl Iterator<Item = ConnectionData<'a>> + 'a {
        self.lines()
            .filter(|l| l.kind == 'c')
            .filter_map(|l| ConnectionData::parse(l.value).ok())
    }

    /// The direction attribute of this section, if it has one. See
    /// [`SessionDescription::direction_of`](crate::SessionDescription::direction_of) for the
    /// direction after session-level defaults.
    #[inline]
    pub fn direction(&self) -> Option<Direction> {
        self.direction
    }

    /// `a=setup` of this section.
    pub fn setup(&self) -> Option<Setup> {
        self.setup
    }

    /// `a=connection` of this section.
    pub fn connection_mode(&self) -> Option<ConnectionMode> {
        self.connection_mode
    }

    /// `a=max-size`.
    #[inline]
    pub fn max_size(&self) -> Option<u64> {
        self.has_max_size.then_some(self.max_size)
    }

    /// `a=path`, its URIs typed (each is parsed again on this call).
    pub fn path(&self) -> Option<Path<'a>> {
        self.path_str()
            .and_then(|raw| Path::parse(raw, usize::MAX).ok())
    }

    /// `a=path` as written: space-separated URIs, first to own, each checked while parsing.
    /// Costs nothing, unlike [`path`](Self::path), which types the URIs.
    ///
    /// ```
    /// let sdp = sdp::SessionDescription::parse(b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n\
    ///     c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=message 7394 TCP/MSRP *\r\n\
    ///     a=path:msrp://192.0.2.1:7394/abc;tcp\r\n")?;
    /// let (_, stream) = sdp.message_stream().unwrap();
    /// assert_eq!(stream.path_str(), Some("msrp://192.0.2.1:7394/abc;tcp"));
    /// # Ok::<(), sdp::ParseError>(())
    /// ```
    #[inline]
    pub fn path_str(&self) -> Option<&'a str> {
        self.value(self.path, "path")
    }

    /// `a=accept-types`.
    #[inline]
    pub fn accept_types(&self) -> Option<MediaTypes<'a>> {
        let list = self.value(self.accept_types, "accept-types");
        list.map(MediaTypes::from_checked)
    }

    /// `a=accept-wrapped-types`.
    pub fn accept_wrapped_types(&self) -> Option<MediaTypes<'a>> {
        let list = self.value(self.accept_wrapped_types, "accept-wrapped-types");
        list.map(MediaTypes::from_checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_msrp_media_line() {
        let m = MediaDescription::parse_line("message 7394 TCP/MSRP *").unwrap();
        assert_eq!(
            (m.media(), m.port(), m.proto()),
            ("message", 7394, "TCP/MSRP")
        );
        assert_eq!(m.formats().collect::<Vec<_>>(), ["*"]);
        assert!(m.is_msrp());
        assert_eq!(m.msrp_transport(), Some(MsrpTransport::Tcp));
        let tls = MediaDescription::parse_line("message 0 TCP/TLS/MSRP *").unwrap();
        assert_eq!(tls.msrp_transport(), Some(MsrpTransport::Tls));
        assert_eq!(tls.port(), 0);
    }

    #[test]
    fn parses_other_media_with_port_count() {
        let m = MediaDescription::parse_line("audio 49170/2 RTP/AVP 0 8 97").unwrap();
        assert_eq!(m.port_count(), Some(2));
        assert_eq!(m.formats().collect::<Vec<_>>(), ["0", "8", "97"]);
        assert!(!m.is_msrp());
    }

    #[test]
    fn equal_when_the_fields_are_equal() {
        let m = |line| MediaDescription::parse_line(line).unwrap();
        assert_eq!(m("message 007394 TCP/MSRP *"), m("message 7394 TCP/MSRP *"));
        assert_ne!(
            m("message 7394 TCP/MSRP *"),
            m("message 7394 TCP/TLS/MSRP *")
        );
        assert_ne!(m("audio 1 RTP/AVP 0 8"), m("audio 1 RTP/AVP 0"));
        assert_ne!(m("audio 1/2 RTP/AVP 0"), m("audio 1 RTP/AVP 0"));
        let shown = format!("{:?}", m("audio 1 RTP/AVP 0 8"));
        assert!(shown.contains(r#"media: "audio""#) && shown.contains(r#"formats: "0 8""#));
    }

    #[test]
    fn rejects_broken_media_lines() {
        for bad in [
            "message",
            "message 7394",
            "message 7394 TCP/MSRP",
            "message 70000 TCP/MSRP *",
            "message x TCP/MSRP *",
            "message 1 TCP//MSRP *",
            "message 1 TCP/MSRP  *",
            "mes sage",
        ] {
            assert!(MediaDescription::parse_line(bad).is_err(), "{bad}");
        }
    }
}
