//! Grammar checks of the lines this crate validates but does not type: `b=`, `t=`, `r=`,
//! `z=` and the free-text lines.

use crate::syntax::{is_token, parse_u64, split_fields};

/// `i=`, `u=`, `e=`, `p=`, `k=`, `s=`: non-empty text (line ends and NUL were already ruled
/// out by the scanner).
pub(crate) fn check_text(value: &str) -> Result<(), &'static str> {
    if value.is_empty() {
        Err("empty value")
    } else {
        Ok(())
    }
}

/// `b=<bwtype>:<bandwidth>`.
pub(crate) fn check_bandwidth(value: &str) -> Result<(), &'static str> {
    match value.split_once(':') {
        Some((kind, amount)) if is_token(kind) && parse_u64(amount).is_some() => Ok(()),
        _ => Err("expected `<bwtype>:<bandwidth>`"),
    }
}

/// `t=<start-time> <stop-time>`.
pub(crate) fn check_time(value: &str) -> Result<(), &'static str> {
    match split_fields::<2>(value) {
        Some([start, stop]) if parse_u64(start).is_some() && parse_u64(stop).is_some() => Ok(()),
        _ => Err("expected `<start-time> <stop-time>` in decimal"),
    }
}

/// `r=<repeat interval> <active duration> <offsets from start-time>...`.
pub(crate) fn check_repeat(value: &str) -> Result<(), &'static str> {
    let fields_ok = value.split(' ').all(is_typed_time);
    if fields_ok && value.split(' ').count() >= 3 {
        Ok(())
    } else {
        Err("expected at least three typed times")
    }
}

/// `z=<adjustment time> <offset> ...` in pairs; offsets may be negative.
pub(crate) fn check_zone(value: &str) -> Result<(), &'static str> {
    let mut count = 0usize;
    for (i, field) in value.split(' ').enumerate() {
        count = i.saturating_add(1);
        let ok = if i % 2 == 0 {
            parse_u64(field).is_some()
        } else {
            is_typed_time(field.strip_prefix('-').unwrap_or(field))
        };
        if !ok {
            return Err("expected `<time> <offset>` pairs");
        }
    }
    if count % 2 == 0 {
        Ok(())
    } else {
        Err("expected `<time> <offset>` pairs")
    }
}

/// `typed-time = 1*DIGIT [fixed-len-time-unit]`, units `d`, `h`, `m`, `s`.
fn is_typed_time(s: &str) -> bool {
    let digits = s.strip_suffix(['d', 'h', 'm', 's']).unwrap_or(s);
    parse_u64(digits).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_time_lines() {
        assert!(check_time("0 0").is_ok());
        assert!(check_time("3034423619 3042462419").is_ok());
        assert!(check_time("0").is_err());
        assert!(check_time("0 0 0").is_err());
        assert!(check_time("a 0").is_err());
        assert!(check_repeat("604800 3600 0 90000").is_ok());
        assert!(check_repeat("7d 1h 0 25h").is_ok());
        assert!(check_repeat("7d 1h").is_err());
        assert!(check_repeat("7w 1h 0").is_err());
        assert!(check_zone("2882844526 -1h 2898848070 0").is_ok());
        assert!(check_zone("2882844526").is_err());
        assert!(check_zone("x 0").is_err());
    }

    #[test]
    fn checks_bandwidth_and_text() {
        assert!(check_bandwidth("AS:64").is_ok());
        assert!(check_bandwidth("X-YZ:0").is_ok());
        assert!(check_bandwidth("AS64").is_err());
        assert!(check_bandwidth("AS:").is_err());
        assert!(check_text("").is_err());
        assert!(check_text(" ").is_ok());
    }
}
