//! What RFC 8866 §9 says of each line type letter: its place among the session-level
//! lines and among the lines of a media section, and whether it may repeat there.

/// What RFC 8866 §9 says of one type letter, looked up once per line.
#[derive(Clone, Copy)]
pub(crate) struct LetterRule {
    /// Position among session-level lines (`t` and `r` share one since they alternate), or
    /// [`UNORDERED`] for a letter RFC 8866 does not define: such lines are kept, not ordered.
    pub(crate) session_rank: u8,
    /// Position among the lines of a media section, after its `m=`; [`UNORDERED`] when the
    /// letter has no place there.
    pub(crate) media_rank: u8,
    pub(crate) once_in_session: bool,
    pub(crate) once_in_media: bool,
}

pub(crate) const UNORDERED: u8 = u8::MAX;

pub(crate) static LETTER_RULES: [LetterRule; 256] = {
    let mut table = [LetterRule {
        session_rank: UNORDERED,
        media_rank: UNORDERED,
        once_in_session: false,
        once_in_media: false,
    }; 256];
    let session = b"vosiuepcbt";
    let mut rank = 0;
    while rank < session.len() {
        table[session[rank] as usize].session_rank = rank as u8;
        rank += 1;
    }
    table[b'r' as usize].session_rank = 9;
    table[b'z' as usize].session_rank = 10;
    table[b'k' as usize].session_rank = 11;
    table[b'a' as usize].session_rank = 12;
    let media = b"icbka";
    let mut rank = 0;
    while rank < media.len() {
        table[media[rank] as usize].media_rank = rank as u8 + 1;
        rank += 1;
    }
    let once = b"vosiuczk";
    let mut i = 0;
    while i < once.len() {
        table[once[i] as usize].once_in_session = true;
        i += 1;
    }
    table[b'i' as usize].once_in_media = true;
    table[b'k' as usize].once_in_media = true;
    table
};
