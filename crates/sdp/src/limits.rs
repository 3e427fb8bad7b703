//! Bounds on what a parse accepts, so hostile input ends with an error instead of unbounded
//! work.

/// How many media sections a [`SessionDescription`](crate::SessionDescription) can index: the
/// capacity of its fixed array. [`Limits::max_media`] above this value acts as this value.
/// An MSRP session has one or two sections; a small array keeps the parsed description cheap
/// to return by value.
pub const MEDIA_CAPACITY: usize = 8;

/// Limits applied while parsing; exceeding one is a [`ParseError`](crate::ParseError).
///
/// The defaults fit every session description a SIP message carries in practice (a
/// large-message offer is about 300 bytes) with a wide margin.
///
/// ```
/// let strict = sdp::Limits { max_size: 1024, ..sdp::Limits::default() };
/// assert!(sdp::SessionDescription::parse_with(&[b'x'; 2048], &strict).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input in bytes. Default 65 536.
    pub max_size: usize,
    /// Longest line in bytes, without its line end. Default 4096.
    pub max_line_len: usize,
    /// Most lines in the whole description. Default 1024.
    pub max_lines: usize,
    /// Most `m=` sections; at most [`MEDIA_CAPACITY`]. Default 8.
    pub max_media: usize,
    /// Most `a=` lines in one section (session level or one media section). Default 256.
    pub max_attributes: usize,
    /// Most URIs in one `a=path`. Default 16.
    pub max_path_uris: usize,
    /// Most entries in one `a=accept-types` or `a=accept-wrapped-types`. Default 64.
    pub max_accept_types: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

impl Limits {
    /// The defaults, as a constant: a parse with them reads them from one place instead of
    /// building them on the stack first.
    pub(crate) const DEFAULT: Limits = Limits {
        max_size: 65_536,
        max_line_len: 4096,
        max_lines: 1024,
        max_media: MEDIA_CAPACITY,
        max_attributes: 256,
        max_path_uris: 16,
        max_accept_types: 64,
    };

    /// The media section limit actually applied: never more than the fixed capacity.
    pub(crate) fn media_sections(&self) -> usize {
        self.max_media.min(MEDIA_CAPACITY)
    }
}
