//! Where the builder's bytes go: a caller's slice (counting what does not fit, so the error
//! can say how much is needed) or, with `alloc`, a reused `Vec<u8>`.

use core::fmt;

pub(crate) enum Sink<'b> {
    Slice {
        buf: &'b mut [u8],
        len: usize,
    },
    #[cfg(feature = "alloc")]
    Vec(&'b mut alloc::vec::Vec<u8>),
}

impl Sink<'_> {
    /// Bytes written (or, for a slice too small, that would have been written).
    pub(crate) fn len(&self) -> usize {
        match self {
            Sink::Slice { len, .. } => *len,
            #[cfg(feature = "alloc")]
            Sink::Vec(v) => v.len(),
        }
    }

    pub(crate) fn push(&mut self, s: &str) {
        match self {
            Sink::Slice { buf, len } => {
                let end = len.saturating_add(s.len());
                if let Some(dst) = buf.get_mut(*len..end) {
                    dst.copy_from_slice(s.as_bytes());
                }
                *len = end;
            }
            #[cfg(feature = "alloc")]
            Sink::Vec(v) => v.extend_from_slice(s.as_bytes()),
        }
    }

    /// Writes formatted values (numbers, addresses, URIs).
    pub(crate) fn fmt(&mut self, args: fmt::Arguments<'_>) {
        // `write_str` below never fails (overflow is counted, not reported through fmt), and
        // the Display impls written here (integers, IP addresses, URIs) only fail when the
        // sink does.
        let _ = fmt::Write::write_fmt(self, args);
    }
}

impl fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_counts_past_its_end() {
        let mut buf = [0u8; 4];
        let mut sink = Sink::Slice {
            buf: &mut buf,
            len: 0,
        };
        sink.push("ab");
        sink.fmt(format_args!("{}", 1234));
        assert_eq!(sink.len(), 6);
        assert_eq!(&buf[..2], b"ab");
    }
}
