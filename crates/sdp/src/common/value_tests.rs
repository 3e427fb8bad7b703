//! The readings of common values written as they are (`s=-`, `t=0 0`, the `*` format
//! list) and the word-at-a-time digit runs against the scans they skip.

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The time line ends where reading its two digit runs ends it, for any bytes after
    /// `t=`, `0 0` among them.
    #[test]
    fn time_lines_end_where_their_digit_runs_end(
        value in prop::collection::vec(
            prop_oneof![Just(b'0'), Just(b'1'), Just(b' '), Just(b'\r'), Just(b'\n'), any::<u8>()],
            0..8,
        ),
    ) {
        let digits = |at| crate::syntax::digits(&value, at).map(|(_, end)| end);
        let expected = digits(0)
            .filter(|end| value.get(*end) == Some(&b' '))
            .and_then(|end| digits(end + 1));
        prop_assert_eq!(super::time(&value, 0), expected);
    }

    /// The session name ends where the text scan ends it, for any bytes after `s=`,
    /// one-byte names among them.
    #[test]
    fn session_names_end_where_the_text_scan_ends_them(
        value in prop::collection::vec(
            prop_oneof![any::<u8>(), Just(b'-'), Just(b'\r'), Just(b'\n'), Just(0u8)],
            0..6,
        ),
    ) {
        let expected = Some(crate::syntax::text_end(&value, 0)).filter(|e| *e > 0);
        prop_assert_eq!(super::session_name_end(&value, 0), expected);
    }

    /// The format list ends where the token list scan ends it, for any bytes after the
    /// proto, `*` and a line end among them.
    #[test]
    fn format_lists_end_where_the_token_list_scan_ends_them(
        value in prop::collection::vec(
            prop_oneof![Just(b'*'), Just(b' '), Just(b'\r'), Just(b'\n'), Just(b'1'), any::<u8>()],
            0..6,
        ),
    ) {
        prop_assert_eq!(
            super::formats_end(&value, 0),
            crate::syntax::token_list_end(&value, 0, b' ')
        );
    }

    /// A session id's digit run ends at the first byte that is not a digit, from any
    /// offset, whatever the length of the run and what follows it.
    #[test]
    fn digit_runs_end_at_the_first_other_byte(
        before in "[0-9 ]{0,3}",
        run in "[0-9]{0,40}",
        after in prop::collection::vec(any::<u8>(), 0..20),
    ) {
        let mut bytes = format!("{before}{run}").into_bytes();
        bytes.extend_from_slice(&after);
        let at = before.len();
        let expected = at + bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        prop_assert_eq!(super::digits_end(&bytes, at), expected);
    }

    /// The digit count of a word is how many of its bytes, from the first, are ASCII
    /// digits, for any bytes (bytes just outside the digits and high bytes among them).
    #[test]
    fn words_count_their_leading_digits(
        bytes in prop::array::uniform8(prop_oneof![
            3 => b'0'..=b'9',
            1 => Just(b'/'),
            1 => Just(b':'),
            1 => Just(0xb9u8),
            1 => Just(0xbau8),
            1 => Just(0xffu8),
            2 => any::<u8>(),
        ]),
    ) {
        let expected = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        prop_assert_eq!(crate::syntax::leading_digits(u64::from_le_bytes(bytes)), expected);
    }
}
