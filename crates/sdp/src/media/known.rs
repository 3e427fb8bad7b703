//! Where a media section keeps its known attributes: the small values themselves, and the
//! list values as positions in the section's text, so that a section costs little to move.

use super::MediaDescription;
use crate::attribute::accept_types::MediaTypes;
use crate::attribute::direction::Direction;
use crate::attribute::setup::{ConnectionMode, Setup};
use crate::attribute::Typed;
use crate::syntax::text_end;

/// Where a known attribute's value is in a section's text, in 16 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Span {
    start: u16,
    len: u16,
}

impl Span {
    /// No value: a value never starts at 0, where the `m=` value is.
    pub(super) const ABSENT: Span = Span { start: 0, len: 0 };
    /// A value too far into a section, or too long, for 16 bits: found again by name.
    const UNRECORDED: Span = Span {
        start: 0,
        len: u16::MAX,
    };

    fn new(start: usize, len: usize) -> Span {
        match (u16::try_from(start), u16::try_from(len)) {
            (Ok(start), Ok(len)) if start > 0 => Span { start, len },
            _ => Span::UNRECORDED,
        }
    }
}

/// The known attributes of one section, kept while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct SectionAttributes<'a> {
    pub(crate) direction: Option<Direction>,
    pub(crate) setup: Option<Setup>,
    pub(crate) connection_mode: Option<ConnectionMode>,
    pub(crate) max_size: Option<u64>,
    pub(crate) path: Option<&'a str>,
    pub(crate) accept_types: Option<MediaTypes<'a>>,
    pub(crate) accept_wrapped_types: Option<MediaTypes<'a>>,
}

impl<'a> MediaDescription<'a> {
    /// Extends the section to `text`, which starts with its `m=` value and runs to the end
    /// of the section.
    pub(crate) fn set_text(&mut self, text: &'a str) {
        self.text = text;
    }

    /// Keeps a checked known attribute of this section, whose `a=` line starts `line` bytes
    /// into the section's text.
    #[inline(always)]
    pub(crate) fn store(&mut self, typed: Typed<'a>, line: usize) {
        // The value of a list attribute starts right after its fixed name.
        let span =
            |name: &str, value: &str| Span::new(line.saturating_add(name.len()), value.len());
        match typed {
            Typed::Path(value) => self.path = span("a=path:", value),
            Typed::AcceptTypes(list) => {
                self.accept_types = span("a=accept-types:", list.as_str());
            }
            Typed::AcceptWrappedTypes(list) => {
                self.accept_wrapped_types = span("a=accept-wrapped-types:", list.as_str());
            }
            Typed::MaxSize(n) => (self.max_size, self.has_max_size) = (n, true),
            Typed::Setup(s) => self.setup = Some(s),
            Typed::ConnectionMode(c) => self.connection_mode = Some(c),
            Typed::Direction(d) => self.direction = Some(d),
        }
    }

    /// The checked `m=` value.
    pub(super) fn line(&self) -> &'a str {
        let end = text_end(self.text.as_bytes(), 0);
        self.text.get(..end).unwrap_or_default()
    }

    /// The section's text after the `m=` value, from its line end.
    pub(super) fn body(&self) -> &'a str {
        let end = text_end(self.text.as_bytes(), 0);
        self.text.get(end..).unwrap_or_default()
    }

    /// A list attribute's value from where it was recorded, or by its name.
    #[inline]
    pub(super) fn value(&self, span: Span, name: &str) -> Option<&'a str> {
        match span {
            Span::ABSENT => None,
            Span::UNRECORDED => self.unrecorded(name),
            Span { start, len } => {
                let start = usize::from(start);
                self.text.get(start..start + usize::from(len))
            }
        }
    }

    #[cold]
    fn unrecorded(&self, name: &str) -> Option<&'a str> {
        self.attribute(name).and_then(|a| a.value)
    }

    /// The known attributes, as the general parser types them.
    pub(super) fn typed(&self) -> SectionAttributes<'a> {
        SectionAttributes {
            direction: self.direction,
            setup: self.setup,
            connection_mode: self.connection_mode,
            max_size: self.max_size(),
            path: self.path_str(),
            accept_types: self.accept_types(),
            accept_wrapped_types: self.accept_wrapped_types(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_beyond_sixteen_bits_are_found_by_name() {
        assert_eq!(Span::new(7, 3), Span { start: 7, len: 3 });
        assert_eq!(Span::new(0x1_0000, 3), Span::UNRECORDED);
        assert_eq!(Span::new(7, 0x1_0000), Span::UNRECORDED);
        let filler = "a=x-filler:0123456789abcdef0123456789abcdef\r\n".repeat(1700);
        let text = format!(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n\
             m=message 7394 TCP/MSRP *\r\na=accept-types:text/plain\r\n{filler}\
             a=path:msrp://h.example/s;tcp\r\na=accept-wrapped-types:*\r\na=max-size:9\r\n"
        );
        let limits = crate::Limits {
            max_size: 1 << 20,
            max_lines: 4096,
            max_attributes: 4096,
            ..crate::Limits::default()
        };
        let sdp = crate::SessionDescription::parse_with(text.as_bytes(), &limits).unwrap();
        let m = &sdp.media()[0];
        assert_eq!(m.accept_types().map(|t| t.as_str()), Some("text/plain"));
        assert_eq!(m.path_str(), Some("msrp://h.example/s;tcp"));
        assert_eq!(m.accept_wrapped_types().map(|t| t.as_str()), Some("*"));
        assert_eq!(m.max_size(), Some(9));
        assert_eq!(m.path, Span::UNRECORDED);
        let general = crate::parse::parse_general(text.as_bytes(), &limits).unwrap();
        assert_eq!(sdp, general);
    }
}
