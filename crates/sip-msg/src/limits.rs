//! The bounds a parse enforces, so that hostile input ends with an error instead of using
//! unbounded time or memory.

/// How many headers a parsed message can hold at most, whatever [`Limits::max_headers`] says.
///
/// Header storage is a fixed-capacity array inside [`crate::Message`], so parsing never
/// allocates; this is its size. It equals the default [`Limits::max_headers`]: the whole
/// array is copied each time a `Message` moves (out of the parser, into a `Result` or an
/// `Option`), so room beyond the default would cost every parse for the rare message that
/// needs it. A CPM INVITE has about 20 header lines.
pub const HEADER_CAPACITY: usize = 64;

/// Every limit the parser and the stream framer enforce, in one place.
///
/// The defaults suit a user agent or proxy on the public Internet: well above what real
/// messages use (a CPM INVITE has about 20 headers and lines under 300 bytes) and small enough
/// that a peer cannot make the reader buffer much.
///
/// ```
/// use sip_msg::Limits;
/// let tight = Limits { max_headers: 32, ..Limits::DEFAULT };
/// assert_eq!(tight.max_body_len, Limits::DEFAULT.max_body_len);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most header lines (a folded header counts once). Default 64, which is also
    /// [`HEADER_CAPACITY`], the most a message can hold: the limit can be lowered, and values
    /// above it act as [`HEADER_CAPACITY`].
    pub max_headers: usize,
    /// Longest header, in bytes from its name to the end of its last folded line, CRLF
    /// excluded. Default 8 KiB; values above 65535 act as 65535.
    pub max_header_len: usize,
    /// Longest start line (Request-Line or Status-Line), CRLF excluded. Default 8 KiB.
    pub max_start_line_len: usize,
    /// Largest body, i.e. largest Content-Length accepted (and largest datagram body).
    /// Default 1 MiB: SIP bodies are SDP, resource lists and the like; large content travels
    /// over MSRP.
    pub max_body_len: usize,
}

impl Limits {
    /// The documented defaults.
    pub const DEFAULT: Limits = Limits {
        max_headers: 64,
        max_header_len: 8 * 1024,
        max_start_line_len: 8 * 1024,
        max_body_len: 1024 * 1024,
    };

    /// The header count actually enforced: the configured limit capped by the storage.
    pub(crate) fn header_count(&self) -> usize {
        self.max_headers.min(HEADER_CAPACITY)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Which limit an input exceeded, named in [`crate::Error::TooLarge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`Limits::max_headers`].
    HeaderCount,
    /// [`Limits::max_header_len`].
    HeaderLength,
    /// [`Limits::max_start_line_len`].
    StartLineLength,
    /// [`Limits::max_body_len`].
    BodyLength,
}

impl Limit {
    /// The field name of the limit, as written in [`Limits`].
    pub const fn as_str(self) -> &'static str {
        match self {
            Limit::HeaderCount => "max_headers",
            Limit::HeaderLength => "max_header_len",
            Limit::StartLineLength => "max_start_line_len",
            Limit::BodyLength => "max_body_len",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_count_is_capped_by_storage() {
        let huge = Limits {
            max_headers: usize::MAX,
            ..Limits::DEFAULT
        };
        assert_eq!(huge.header_count(), HEADER_CAPACITY);
        assert_eq!(Limits::DEFAULT.header_count(), 64);
    }
}
