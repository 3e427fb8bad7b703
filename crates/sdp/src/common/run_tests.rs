//! Runs of `a=` lines read in one loop against the general scanner and field parsers.

use crate::limits::Limits;
use crate::parse::{parse, parse_general};
use proptest::prelude::*;

const HEAD: &str = "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.7\r\ns=-\r\n\
c=IN IP4 198.51.100.7\r\nt=0 0\r\n";

/// Lines of a media section: mostly `a=` lines the run reads (known attributes, some
/// repeated across draws, unknown ones), with `a=` lines it leaves to the general
/// parser (bad values, bad names, a stray CR) and lines of other types.
fn section_line() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a=sendonly",
        "a=recvonly",
        "a=accept-types:message/cpim text/plain",
        "a=accept-wrapped-types:*",
        "a=max-size:104857600",
        "a=path:msrp://198.51.100.7:7394/9di4eae923s;tcp",
        "a=setup:active",
        "a=setup:actpass",
        "a=connection:new",
        "a=x-unknown:anything at all",
        "a=file-selector",
        "a=max-size:12x",
        "a=path:http://x",
        "a=bad name",
        "a=",
        "a=setup:a\rb",
        "i=info",
        "b=AS:64",
        "c=IN IP4 198.51.100.8",
        "m=message 7395 TCP/MSRP *",
    ])
}

fn limits() -> impl Strategy<Value = Limits> {
    (8usize..70, 4usize..24, 0usize..10).prop_map(|(line_len, lines, attributes)| Limits {
        max_line_len: line_len,
        max_lines: lines,
        max_attributes: attributes,
        ..Limits::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// For media sections made mostly of `a=` lines, under any line count, line length
    /// and attribute limits, the parse that reads runs of `a=` lines in one loop returns
    /// exactly what the general scanner and field parsers return: the same description,
    /// or the same error kind, line and offset.
    #[test]
    fn attribute_runs_agree_with_the_general_parse(
        lines in prop::collection::vec(section_line(), 0..12),
        lf in any::<bool>(),
        limits in limits(),
    ) {
        let end = if lf { "\n" } else { "\r\n" };
        let mut text = format!("{HEAD}m=message 7394 TCP/MSRP *{end}");
        for line in lines {
            text.push_str(line);
            text.push_str(end);
        }
        let fast = parse(text.as_bytes(), &limits);
        let general = parse_general(text.as_bytes(), &limits);
        prop_assert_eq!(&fast, &general, "input {:?}", text);
    }
}

#[test]
fn attribute_limits_are_reported_at_the_line_past_them() {
    let text =
        format!("{HEAD}m=message 7394 TCP/MSRP *\r\na=sendonly\r\na=setup:active\r\na=x:y\r\n");
    let limits = Limits {
        max_attributes: 2,
        ..Limits::default()
    };
    let err = parse(text.as_bytes(), &limits).unwrap_err();
    assert_eq!(err, parse_general(text.as_bytes(), &limits).unwrap_err());
    assert_eq!((err.line, err.offset), (9, text.len() - "a=x:y\r\n".len()));
    let repeated =
        format!("{HEAD}m=message 7394 TCP/MSRP *\r\na=setup:active\r\na=setup:active\r\n");
    let err = parse(repeated.as_bytes(), &Limits::default()).unwrap_err();
    assert_eq!(
        err,
        parse_general(repeated.as_bytes(), &Limits::default()).unwrap_err()
    );
    assert_eq!(err.line, 8);
}
