//! Keeping a chunk's end-line out of its body (RFC 4975 §7.1): the sender must choose a
//! transaction id such that `-------` followed by the id never occurs in the body.

use memchr::memmem::Finder;

const HYPHENS: &[u8] = b"-------";
/// Longest run of already-sent bytes that can start an occurrence: hyphens and an id.
const TAIL: usize = HYPHENS.len() + crate::transaction_id::MAX_LEN;

/// Finds `-------<tid>` in bodies, across the pieces of an interruptible chunk too.
pub(crate) struct CollisionGuard {
    finder: Finder<'static>,
    tail: [u8; TAIL],
    tail_len: usize,
}

impl CollisionGuard {
    pub(crate) fn new() -> Self {
        CollisionGuard {
            finder: Finder::new(HYPHENS),
            tail: [0; TAIL],
            tail_len: 0,
        }
    }

    pub(crate) fn reset(&mut self) {
        self.tail_len = 0;
    }

    /// Length of the front of `data` that can follow the bytes already sent without an
    /// occurrence of `-------<tid>` ending inside it.
    pub(crate) fn safe_prefix(&self, data: &[u8], tid: &[u8]) -> usize {
        let tail = self.tail.get(..self.tail_len).unwrap_or_default();
        let pattern_len = HYPHENS.len() + tid.len();
        let head = data.get(..data.len().min(pattern_len)).unwrap_or_default();
        let mut buf = [0u8; 2 * TAIL];
        let joint = join(&mut buf, tail, head);
        if let Some(i) = occurrences(&self.finder, joint, tid).next() {
            return i.saturating_sub(tail.len());
        }
        occurrences(&self.finder, data, tid)
            .next()
            .unwrap_or(data.len())
    }

    /// Remembers the end of the bytes just sent.
    pub(crate) fn record(&mut self, sent: &[u8], tid_len: usize) {
        let keep = (HYPHENS.len() + tid_len).saturating_sub(1).min(TAIL);
        let old = self.tail.get(..self.tail_len).unwrap_or_default();
        let new = sent
            .get(sent.len().saturating_sub(keep)..)
            .unwrap_or_default();
        let mut buf = [0u8; 2 * TAIL];
        let joint = join(&mut buf, old, new);
        let kept = joint
            .get(joint.len().saturating_sub(keep)..)
            .unwrap_or_default();
        self.tail_len = kept.len();
        if let Some(dst) = self.tail.get_mut(..kept.len()) {
            dst.copy_from_slice(kept);
        }
    }
}

/// `a` then as much of `b` as fits, in `buf`.
fn join<'j>(buf: &'j mut [u8; 2 * TAIL], a: &[u8], b: &[u8]) -> &'j [u8] {
    let a = a.get(..a.len().min(TAIL)).unwrap_or_default();
    let b = b.get(..b.len().min(TAIL)).unwrap_or_default();
    let len = a.len() + b.len();
    if let Some(dst) = buf.get_mut(..a.len()) {
        dst.copy_from_slice(a);
    }
    if let Some(dst) = buf.get_mut(a.len()..len) {
        dst.copy_from_slice(b);
    }
    buf.get(..len).unwrap_or_default()
}

/// Whether `-------<tid>` occurs in `body`.
pub(crate) fn collides(guard: &CollisionGuard, body: &[u8], tid: &[u8]) -> bool {
    occurrences(&guard.finder, body, tid).next().is_some()
}

fn occurrences<'h>(
    finder: &'h Finder<'static>,
    hay: &'h [u8],
    tid: &'h [u8],
) -> impl Iterator<Item = usize> + 'h {
    finder.find_iter(hay).filter(move |&i| {
        hay.get(i + HYPHENS.len()..)
            .is_some_and(|rest| rest.starts_with(tid))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_id_after_hyphens_only() {
        let g = CollisionGuard::new();
        assert!(collides(&g, b"x-------abcd$", b"abcd"));
        assert!(!collides(&g, b"x------abcd$", b"abcd"));
        assert!(!collides(&g, b"x-------abce", b"abcd"));
        assert!(!collides(&g, b"", b"abcd"));
    }

    #[test]
    fn safe_prefix_stops_before_an_occurrence_across_pieces() {
        let mut g = CollisionGuard::new();
        assert_eq!(g.safe_prefix(b"0123-------abcd", b"abcd"), 4);
        g.record(b"0123----", 4);
        assert_eq!(g.safe_prefix(b"---abcdXYZ", b"abcd"), 0);
        assert_eq!(g.safe_prefix(b"---abcXYZ", b"abcd"), 9);
        g.reset();
        assert_eq!(g.safe_prefix(b"---abcdXYZ", b"abcd"), 10);
    }
}
