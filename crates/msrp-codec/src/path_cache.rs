//! Every frame of a session repeats the same To-Path and From-Path, so the parser remembers
//! the last values it validated and skips the URI grammar for a byte-equal value.

use crate::error::Error;
use crate::uri::split_path;
use arrayvec::ArrayVec;

/// Longest path value remembered; longer ones are validated every time.
const CAPACITY: usize = 256;

/// The last validated To-Path (slot 0) and From-Path (slot 1).
#[derive(Debug, Default)]
pub(crate) struct PathCache {
    paths: [ArrayVec<u8, CAPACITY>; 2],
}

impl PathCache {
    /// Checks every URI of `value` (found at stream offset `at`) unless it equals the value
    /// last validated in `slot`.
    pub(crate) fn validate(&mut self, slot: usize, value: &str, at: u64) -> Result<(), Error> {
        let Some(cached) = self.paths.get_mut(slot) else {
            return validate(value, at);
        };
        if !cached.is_empty() && cached.as_slice() == value.as_bytes() {
            return Ok(());
        }
        cached.clear();
        validate(value, at)?;
        if cached.try_extend_from_slice(value.as_bytes()).is_err() {
            cached.clear();
        }
        Ok(())
    }
}

fn validate(value: &str, at: u64) -> Result<(), Error> {
    for uri in split_path(value) {
        uri.map_err(|e| Error::from_uri(e, at))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::uri::UriErrorKind;

    #[test]
    fn a_remembered_path_is_not_validated_again_but_a_new_one_is() {
        let mut cache = PathCache::default();
        assert_eq!(cache.validate(0, "msrp://a/s;tcp", 0), Ok(()));
        assert_eq!(cache.validate(0, "msrp://a/s;tcp", 0), Ok(()));
        let e = cache
            .validate(0, "msrp://a/s", 10)
            .expect_err("no transport");
        assert_eq!(
            (e.kind, e.offset),
            (ErrorKind::Uri(UriErrorKind::MissingTransport), 20)
        );
        assert!(
            cache.validate(0, "", 0).is_err(),
            "an empty path is never remembered"
        );
        assert!(cache.validate(1, "msrp://a/s", 0).is_err());
    }
}
