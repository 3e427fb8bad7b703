//! Every bound the codec puts on what a peer may send.

/// The largest head (start line and headers) any [`Limits`] can allow: the size of the head
/// buffer inside [`Parser`](crate::Parser).
pub const HEAD_CAPACITY: usize = 16 * 1024;

/// Bounds on untrusted input. The defaults suit a client that receives reports and responses
/// and a receiver of large messages; raise `max_body_bytes` to accept bigger chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Start line plus headers, in bytes (default 8 KiB; never more than [`HEAD_CAPACITY`]).
    pub max_head_bytes: usize,
    /// Number of header lines (default 32).
    pub max_headers: usize,
    /// Body of one frame, in bytes (default 64 MiB). The body is streamed, not buffered, so this
    /// bounds how long a peer may withhold the end-line; a Byte-Range announcing more is
    /// refused when the head arrives.
    pub max_body_bytes: u64,
}

impl Limits {
    /// The head limit actually applied: `max_head_bytes` capped at [`HEAD_CAPACITY`].
    pub fn head_bytes(&self) -> usize {
        self.max_head_bytes.min(HEAD_CAPACITY)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_head_bytes: 8 * 1024,
            max_headers: 32,
            max_body_bytes: 64 * 1024 * 1024,
        }
    }
}
