//! Cutting a message into SEND chunks (RFC 4975 §5.1, §7.1): Byte-Range and flags per chunk,
//! transaction ids that cannot collide with the body, interruptible chunks and aborts, with
//! the body never copied and no allocation per chunk.

use crate::byte_range::ByteRange;
use crate::collision::{collides, CollisionGuard};
use crate::frame::Flag;
use crate::report::{FailureReport, SuccessReport};
use crate::transaction_id::{check_ident, random_id, RandomSource, GENERATED_LEN};
use crate::uri::split_path;
use crate::writer::Out;
use core::fmt;

/// Longest head (start line and headers) a chunker writes.
pub const MAX_HEAD: usize = 4096;
/// The chunk size RFC 4975 §7.1 allows a sender that cannot interrupt chunks.
pub const UNINTERRUPTIBLE_CHUNK: usize = 2048;
const END_LINE: usize = 2 + 7 + GENERATED_LEN + 3;
const ATTEMPTS: usize = 8;

/// What a chunker is asked to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkerConfig<'a> {
    /// To-Path value.
    pub to_path: &'a str,
    /// From-Path value.
    pub from_path: &'a str,
    /// Message-ID, the same on every chunk of the message.
    pub message_id: &'a str,
    /// Content-Type of the message.
    pub content_type: &'a str,
    /// Largest body per [`Chunker::next_chunk`] (default 2048).
    pub chunk_size: usize,
    /// Size of the whole message, when known in advance.
    pub total: Option<u64>,
    /// Success-Report to send, if any.
    pub success_report: Option<SuccessReport>,
    /// Failure-Report to send, if any (absent means `yes`).
    pub failure_report: Option<FailureReport>,
}

impl<'a> ChunkerConfig<'a> {
    /// A message of unknown size in chunks of 2048 octets.
    pub fn new(
        to_path: &'a str,
        from_path: &'a str,
        message_id: &'a str,
        content_type: &'a str,
    ) -> Self {
        ChunkerConfig {
            to_path,
            from_path,
            message_id,
            content_type,
            chunk_size: UNINTERRUPTIBLE_CHUNK,
            total: None,
            success_report: None,
            failure_report: None,
        }
    }
}

/// Why a chunk could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkError {
    /// A configuration value is invalid; the text says which.
    Config(&'static str),
    /// The paths make the head longer than [`MAX_HEAD`].
    HeadTooLarge,
    /// Every transaction id drawn occurred in the body (the random source is broken).
    TidCollision,
    /// The message was completed or aborted already.
    Finished,
    /// An interruptible chunk is open: end it first.
    ChunkOpen,
    /// No interruptible chunk is open.
    NoChunkOpen,
    /// The bytes given disagree with the total announced.
    LengthMismatch,
}

impl fmt::Display for ChunkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChunkError::Config(what) => write!(f, "invalid chunker configuration: {}", what),
            ChunkError::HeadTooLarge => f.write_str("SEND head longer than the chunker's buffer"),
            ChunkError::TidCollision => f.write_str("no transaction id free of the body found"),
            ChunkError::Finished => f.write_str("message already complete or aborted"),
            ChunkError::ChunkOpen => f.write_str("an interruptible chunk is still open"),
            ChunkError::NoChunkOpen => f.write_str("no interruptible chunk is open"),
            ChunkError::LengthMismatch => f.write_str("message length differs from its total"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ChunkError {}

/// One SEND on the wire as three pieces, for a vectored write: `head`, then `body` (borrowed
/// from the caller's message, never copied), then `end_line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkFrame<'s, 'b> {
    /// Start line and headers, ending with the blank line.
    pub head: &'s [u8],
    /// The chunk's body.
    pub body: &'b [u8],
    /// CRLF, `-------`, transaction id, flag, CRLF.
    pub end_line: &'s [u8],
    /// The Byte-Range written in the head.
    pub byte_range: ByteRange,
    /// The end-line's flag.
    pub flag: Flag,
}

impl ChunkFrame<'_, '_> {
    /// Bytes on the wire.
    pub fn len(&self) -> usize {
        self.head.len() + self.body.len() + self.end_line.len()
    }

    /// Never true: a frame always has a head.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The three pieces for `write_vectored`.
    #[cfg(feature = "std")]
    pub fn io_slices(&self) -> [std::io::IoSlice<'_>; 3] {
        [
            std::io::IoSlice::new(self.head),
            std::io::IoSlice::new(self.body),
            std::io::IoSlice::new(self.end_line),
        ]
    }

    /// Appends the frame to `out`.
    #[cfg(feature = "alloc")]
    pub fn write_to(&self, out: &mut alloc::vec::Vec<u8>) {
        out.extend_from_slice(self.head);
        out.extend_from_slice(self.body);
        out.extend_from_slice(self.end_line);
    }
}

/// Cuts one message into SEND frames.
///
/// ```
/// use msrp_codec::chunker::{Chunker, ChunkerConfig};
/// use msrp_codec::transaction_id::SplitMix64;
/// let message = b"Hello, this message travels in three chunks.";
/// let mut cfg = ChunkerConfig::new("msrp://b.example/s;tcp", "msrp://a.example/t;tcp", "m1x2y3z4", "text/plain");
/// cfg.chunk_size = 16;
/// cfg.total = Some(message.len() as u64);
/// let mut chunker = Chunker::new(cfg, SplitMix64(42))?;
/// let mut wire = Vec::new();
/// let mut rest = &message[..];
/// while !chunker.is_finished() {
///     let frame = chunker.next_chunk(rest, false)?;
///     rest = &rest[frame.body.len()..];
///     frame.write_to(&mut wire);
/// }
/// assert!(wire.windows(20).any(|w| w == b"Byte-Range: 33-44/44"));
/// # Ok::<(), msrp_codec::chunker::ChunkError>(())
/// ```
pub struct Chunker<'a, R> {
    cfg: ChunkerConfig<'a>,
    rng: R,
    guard: CollisionGuard,
    head: [u8; MAX_HEAD],
    head_len: usize,
    end_line: [u8; END_LINE],
    tid: [u8; GENERATED_LEN],
    sent: u64,
    open: Option<u64>,
    finished: bool,
}

impl<'a, R: RandomSource> Chunker<'a, R> {
    /// Checks the configuration (paths are MSRP URIs, Message-ID an ident, Content-Type
    /// `type/subtype`, chunk size at least 1).
    pub fn new(cfg: ChunkerConfig<'a>, rng: R) -> Result<Self, ChunkError> {
        validate(&cfg)?;
        Ok(Chunker {
            cfg,
            rng,
            guard: CollisionGuard::new(),
            head: [0; MAX_HEAD],
            head_len: 0,
            end_line: [0; END_LINE],
            tid: [b'0'; GENERATED_LEN],
            sent: 0,
            open: None,
            finished: false,
        })
    }

    /// Message bytes framed so far.
    pub fn bytes_sent(&self) -> u64 {
        self.sent
    }

    /// Whether the last chunk (`$`) or an abort (`#`) was made.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The next whole chunk: up to `chunk_size` bytes from the front of `data`, with the exact
    /// Byte-Range. `more` says whether message bytes follow `data`; the chunk is the last one
    /// (`$`) when it takes all of `data` and `more` is false. A message of known total ends
    /// when the total is reached. The body is checked so the end-line cannot occur in it.
    pub fn next_chunk<'s, 'b>(
        &'s mut self,
        data: &'b [u8],
        more: bool,
    ) -> Result<ChunkFrame<'s, 'b>, ChunkError> {
        self.check_can_start()?;
        let left = self.cfg.total.map(|t| t.saturating_sub(self.sent));
        let mut n = data.len().min(self.cfg.chunk_size);
        if let Some(left) = left {
            n = usize::try_from(left).map_or(n, |l| n.min(l));
        }
        let body = data.get(..n).unwrap_or_default();
        let last = match left {
            Some(left) => n as u64 == left,
            None => !more && n == data.len(),
        };
        if left.is_some() && !more && n == data.len() && !last {
            return Err(ChunkError::LengthMismatch);
        }
        self.pick_tid(body)?;
        let start = self.sent + 1;
        let end = self.sent + n as u64;
        let total = self.cfg.total.or(last.then_some(end));
        let range = ByteRange::new(start, Some(end), total);
        self.write_head(&range)?;
        let flag = if last {
            Flag::Complete
        } else {
            Flag::Continues
        };
        self.write_end_line(flag);
        self.sent = end;
        self.finished = last;
        Ok(self.frame(body, range, flag))
    }

    /// Opens an interruptible chunk: the head says `start-*/total`, so the chunk can end
    /// early. Send the bytes [`accept_body`](Self::accept_body) allows, then
    /// [`end_chunk`](Self::end_chunk). Needed for chunks over 2048 octets (RFC 4975 §7.1).
    pub fn begin_chunk(&mut self) -> Result<&[u8], ChunkError> {
        self.check_can_start()?;
        self.tid = random_id(&mut self.rng);
        let range = ByteRange::new(self.sent + 1, None, self.cfg.total);
        self.write_head(&range)?;
        self.open = Some(self.sent);
        self.guard.reset();
        Ok(self.head.get(..self.head_len).unwrap_or_default())
    }

    /// How many bytes from the front of `data` may go into the open chunk now, and records
    /// them as sent. Fewer than `data.len()` (maybe 0) when sending more would put this
    /// chunk's end-line into the body or pass the total: then end the chunk and begin another.
    pub fn accept_body(&mut self, data: &[u8]) -> Result<usize, ChunkError> {
        if self.open.is_none() {
            return Err(ChunkError::NoChunkOpen);
        }
        let mut n = self.guard.safe_prefix(data, &self.tid);
        if let Some(total) = self.cfg.total {
            let left = total.saturating_sub(self.sent);
            n = usize::try_from(left).map_or(n, |l| n.min(l));
        }
        self.guard
            .record(data.get(..n).unwrap_or_default(), self.tid.len());
        self.sent += n as u64;
        Ok(n)
    }

    /// Ends the open chunk: `$` when `last` (the message is complete), otherwise `+` (the chunk
    /// is interrupted and the message continues in the next chunk). Returns the end-line.
    pub fn end_chunk(&mut self, last: bool) -> Result<&[u8], ChunkError> {
        if self.open.is_none() {
            return Err(ChunkError::NoChunkOpen);
        }
        if last && self.cfg.total.is_some_and(|t| t != self.sent) {
            return Err(ChunkError::LengthMismatch);
        }
        self.open = None;
        self.finished = last;
        self.write_end_line(if last {
            Flag::Complete
        } else {
            Flag::Continues
        });
        Ok(&self.end_line)
    }

    /// Aborts the message (`#`, RFC 4975 §7.1): ends the open chunk with `#`, or makes an
    /// empty chunk ending with `#` when none is open. In the first case `head` is empty.
    pub fn abort(&mut self) -> Result<ChunkFrame<'_, 'static>, ChunkError> {
        if self.finished {
            return Err(ChunkError::Finished);
        }
        self.finished = true;
        let range = match self.open.take() {
            Some(start) => {
                self.head_len = 0;
                ByteRange::new(start + 1, None, self.cfg.total)
            }
            None => {
                self.tid = random_id(&mut self.rng);
                let range = ByteRange::new(self.sent + 1, Some(self.sent), self.cfg.total);
                self.write_head(&range)?;
                range
            }
        };
        self.write_end_line(Flag::Aborted);
        Ok(self.frame(&[], range, Flag::Aborted))
    }

    fn check_can_start(&self) -> Result<(), ChunkError> {
        if self.finished {
            return Err(ChunkError::Finished);
        }
        if self.open.is_some() {
            return Err(ChunkError::ChunkOpen);
        }
        Ok(())
    }

    fn pick_tid(&mut self, body: &[u8]) -> Result<(), ChunkError> {
        for _ in 0..ATTEMPTS {
            self.tid = random_id(&mut self.rng);
            if !collides(&self.guard, body, &self.tid) {
                return Ok(());
            }
        }
        Err(ChunkError::TidCollision)
    }

    fn write_head(&mut self, range: &ByteRange) -> Result<(), ChunkError> {
        let cfg = &self.cfg;
        let mut out = Out::new(&mut self.head);
        out.put(b"MSRP ");
        out.put(&self.tid);
        out.put(b" SEND\r\n");
        out.header("To-Path", cfg.to_path.as_bytes());
        out.header("From-Path", cfg.from_path.as_bytes());
        out.header("Message-ID", cfg.message_id.as_bytes());
        if let Some(v) = cfg.success_report {
            out.header("Success-Report", v.as_str().as_bytes());
        }
        if let Some(v) = cfg.failure_report {
            out.header("Failure-Report", v.as_str().as_bytes());
        }
        out.byte_range(range);
        out.header("Content-Type", cfg.content_type.as_bytes());
        out.put(b"\r\n");
        self.head_len = out.finish().map_err(|_| ChunkError::HeadTooLarge)?;
        Ok(())
    }

    fn write_end_line(&mut self, flag: Flag) {
        let mut out = Out::new(&mut self.end_line);
        out.put(b"\r\n-------");
        out.put(&self.tid);
        out.put(&[flag.as_byte(), b'\r', b'\n']);
    }

    fn frame<'b>(&self, body: &'b [u8], byte_range: ByteRange, flag: Flag) -> ChunkFrame<'_, 'b> {
        ChunkFrame {
            head: self.head.get(..self.head_len).unwrap_or_default(),
            body,
            end_line: &self.end_line,
            byte_range,
            flag,
        }
    }
}

fn validate(cfg: &ChunkerConfig<'_>) -> Result<(), ChunkError> {
    for (path, what) in [(cfg.to_path, "To-Path"), (cfg.from_path, "From-Path")] {
        if split_path(path).any(|u| u.is_err()) {
            return Err(ChunkError::Config(what));
        }
    }
    if check_ident(cfg.message_id.as_bytes()).is_err() {
        return Err(ChunkError::Config("Message-ID"));
    }
    let ct = cfg.content_type;
    if !ct.contains('/') || ct.bytes().any(|c| c < 0x20 || c == 0x7f) {
        return Err(ChunkError::Config("Content-Type"));
    }
    if cfg.chunk_size == 0 {
        return Err(ChunkError::Config("chunk size"));
    }
    Ok(())
}
