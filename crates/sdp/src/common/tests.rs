//! The one-pass reader against the general scanner and field parsers, on whole descriptions.

use crate::limits::Limits;
use crate::parse::{parse, parse_general};
use proptest::prelude::*;

const OFFER: &str = include_str!("../../../../examples/msrp-offer.sdp");
const RELAY_IPV6: &str = include_str!("../../../../examples/msrp-relay-ipv6.sdp");
const INVITE_BODY: &str = "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.7\r\ns=-\r\n\
c=IN IP4 198.51.100.7\r\nt=0 0\r\nm=message 7394 TCP/MSRP *\r\na=sendonly\r\n\
a=accept-types:message/cpim text/plain application/octet-stream\r\na=max-size:104857600\r\n\
a=path:msrp://198.51.100.7:7394/9di4eae923s;tcp\r\na=setup:active\r\n";

fn agree(input: &[u8], limits: &Limits) -> Result<(), TestCaseError> {
    let fast = parse(input, limits);
    let general = parse_general(input, limits);
    prop_assert_eq!(
        &fast,
        &general,
        "input {:?}",
        String::from_utf8_lossy(input)
    );
    Ok(())
}

#[test]
fn common_descriptions_take_the_one_pass_path_and_agree() {
    for text in [OFFER, RELAY_IPV6, INVITE_BODY] {
        let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
        for variant in [text.to_string(), crlf, text.replace("\r\n", "\n")] {
            let fast = parse(variant.as_bytes(), &Limits::default());
            assert!(fast.is_ok(), "{variant}");
            assert_eq!(fast, parse_general(variant.as_bytes(), &Limits::default()));
        }
    }
}

const NUMBERS: (&[&str], &[&str]) = (
    &["0", "7", "2890844526", "18446744073709551615"],
    &["", "18446744073709551616", "1a", "-1", "007"],
);
const IP4: (&[&str], &[&str]) = (
    &["198.51.100.7", "0.0.0.0", "255.255.255.255", "10.0.0.1"],
    &[
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.4a",
        "1.2.3.4/127",
        "1.2.3.4/127/3",
        "1..3.4",
        "host.example",
        "1.2.3.0004",
        "1.2.3.4 ",
        "::1",
    ],
);
const TOKENS: (&[&str], &[&str]) = (&["IN", "alice", "x-y.z~!"], &["", "a b", "é", "a/b"]);
const ADDR_TYPES: (&[&str], &[&str]) = (&["IP4"], &["IP6", "ip4", "X-Y", "IP4 "]);
const ENTRIES: (&[&str], &[&str]) = (
    &[
        "message/cpim",
        "text/plain",
        "*",
        "text/*",
        "application/octet-stream",
    ],
    &["*/plain", "text", "/x", "text/pl/x", "a;b/c", "", "text/"],
);
const SEPARATORS: (&[&str], &[&str]) = (&[" "], &["  ", "", "\t"]);
const URIS: (&[&str], &[&str]) = (
    &[
        "msrp://198.51.100.7:7394/9di4eae923s;tcp",
        "msrps://h.example/s;tcp",
        "msrp://[::1]:1/s;tcp",
    ],
    &["http://x", "msrp://h:99999/s;tcp", "", "msrp://h/s"],
);
const ENDS: (&[&str], &[&str]) = (&[""], &[" ", "x", "\x00", "/", ":", "\r"]);
const MEDIA: (&[&str], &[&str]) = (&["message", "audio"], &["me ssage", "", "a/b"]);
const PORTS: (&[&str], &[&str]) = (
    &["7394", "0", "65535", "007394"],
    &["65536", "1/2", "x", "", "99999999999999999999"],
);
const PROTOS: (&[&str], &[&str]) = (
    &["TCP/MSRP", "TCP/TLS/MSRP", "RTP/AVP"],
    &["TCP//MSRP", "/TCP", "TCP/", ""],
);
const FORMATS: (&[&str], &[&str]) = (&["*", "0 8", "97"], &["0  8", "* ", "", "a:b"]);
const FLAGS: (&[&str], &[&str]) = (
    &["sendonly", "recvonly", "sendrecv", "inactive", "x-flag"],
    &[
        "sendonly:x",
        "bad name",
        "",
        ":x",
        "path",
        "setup",
        "max-size",
    ],
);
const SETUP: (&[&str], &[&str]) = (
    &["setup", "connection"],
    &["setup ", "Setup", "setups", "connections", "max-size"],
);
const ROLES: (&[&str], &[&str]) = (
    &[
        "active", "passive", "actpass", "holdconn", "ACTPASS", "new", "existing",
    ],
    &["old", "active1", ""],
);

/// One of the good values three times out of four, else one of the bad ones.
fn pick(
    (good, bad): (&'static [&'static str], &'static [&'static str]),
) -> BoxedStrategy<&'static str> {
    prop_oneof![3 => prop::sample::select(good), 1 => prop::sample::select(bad)].boxed()
}

/// Every value, good and bad.
fn all(
    (good, bad): (&'static [&'static str], &'static [&'static str]),
) -> impl Iterator<Item = &'static str> + Clone {
    good.iter().chain(bad).copied()
}

/// One line, mostly valid and of the common shapes, often broken in one of the ways the
/// grammar cares about: other address types, multicast suffixes, port counts, doubled or
/// trailing separators, leading zeros, overflowing numbers, case, stray bytes, missing
/// values.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        pick((&["v=0"], &["v=1", "v=00", "v=0 "])).prop_map(String::from),
        (
            pick(TOKENS),
            pick(NUMBERS),
            pick(NUMBERS),
            pick(TOKENS),
            pick(ADDR_TYPES),
            pick(IP4),
            pick(ENDS)
        )
            .prop_map(|(u, a, b, n, t, h, e)| format!("o={u} {a} {b} {n} {t} {h}{e}")),
        pick((
            &["s=-", "s=Large message", "s=é"],
            &["s=", "s=a\x00b", "s=a\rb"]
        ))
        .prop_map(String::from),
        (pick(TOKENS), pick(ADDR_TYPES), pick(IP4), pick(ENDS))
            .prop_map(|(n, t, h, e)| format!("c={n} {t} {h}{e}")),
        (pick(NUMBERS), pick(SEPARATORS), pick(NUMBERS), pick(ENDS))
            .prop_map(|(a, s, b, e)| format!("t={a}{s}{b}{e}")),
        (
            pick(MEDIA),
            pick(SEPARATORS),
            pick(PORTS),
            pick(PROTOS),
            pick(FORMATS)
        )
            .prop_map(|(m, s, p, t, f)| format!("m={m}{s}{p} {t} {f}")),
        (pick(FLAGS), pick(ENDS)).prop_map(|(a, e)| format!("a={a}{e}")),
        (
            pick((&["x-attr", "file-selector", "rtpmap"], &["bad name", ""])),
            "[ -~]{0,8}"
        )
            .prop_map(|(a, v)| format!("a={a}:{v}")),
        (
            pick((
                &["accept-types", "accept-wrapped-types"],
                &["accept-types "]
            )),
            pick(ENTRIES),
            pick(SEPARATORS),
            pick(ENTRIES),
            pick(ENDS)
        )
            .prop_map(|(a, x, s, y, e)| format!("a={a}:{x}{s}{y}{e}")),
        (pick(URIS), pick(SEPARATORS), pick(URIS), pick(ENDS))
            .prop_map(|(a, s, b, e)| format!("a=path:{a}{s}{b}{e}")),
        (pick(NUMBERS), pick(ENDS)).prop_map(|(n, e)| format!("a=max-size:{n}{e}")),
        (pick(SETUP), pick(ROLES), pick(ENDS)).prop_map(|(a, v, e)| format!("a={a}:{v}{e}")),
        "(i|u|e|p|k|b|r|z|x|Q)=[ -~]{0,8}",
        pick((
            &[
                "b=AS:64",
                "r=7d 1h 0 25h",
                "z=2882844526 -1h 2898848070 0",
                "k=prompt"
            ],
            &["", " ", "=x"]
        ))
        .prop_map(String::from),
    ]
}

/// The offer of the INVITE with `line` among the session lines and in the media section,
/// each with CRLF and LF line ends.
fn with_line(line: &str) -> [String; 4] {
    let media = format!("{INVITE_BODY}{line}\r\n");
    let session = INVITE_BODY.replacen("t=0 0\r\n", &format!("{line}\r\nt=0 0\r\n"), 1);
    let lf = |s: &str| s.replace("\r\n", "\n");
    [lf(&media), media, lf(&session), session]
}

/// Lines made of every combination of the values of each field the one-pass reader types.
fn every_common_line() -> Vec<String> {
    let mut lines = Vec::new();
    for (m, s, p, t, f) in product5(
        all(MEDIA),
        all(SEPARATORS),
        all(PORTS),
        all(PROTOS),
        all(FORMATS),
    ) {
        lines.push(format!("m={m}{s}{p} {t} {f}"));
    }
    for (n, t, h, e, _) in product5(all(TOKENS), all(ADDR_TYPES), all(IP4), all(ENDS), [""]) {
        lines.push(format!("c={n} {t} {h}{e}"));
        lines.push(format!("o=alice 1 2 {n} {t} {h}{e}"));
    }
    for (u, a, b, e, _) in product5(all(TOKENS), all(NUMBERS), all(NUMBERS), all(ENDS), [""]) {
        lines.push(format!("o={u} {a} {b} IN IP4 10.0.0.1{e}"));
        lines.push(format!("t={a} {b}{e}"));
        lines.push(format!("a=max-size:{a}{e}"));
    }
    for (x, s, y, e, _) in product5(all(ENTRIES), all(SEPARATORS), all(ENTRIES), all(ENDS), [""]) {
        lines.push(format!("a=accept-types:{x}{s}{y}{e}"));
        lines.push(format!("a=accept-wrapped-types:{x}{s}{y}{e}"));
    }
    for (a, s, b, e, _) in product5(all(URIS), all(SEPARATORS), all(URIS), all(ENDS), [""]) {
        lines.push(format!("a=path:{a}{s}{b}{e}"));
    }
    for (a, v, e, _, _) in product5(all(SETUP), all(ROLES), all(ENDS), [""], [""]) {
        lines.push(format!("a={a}:{v}{e}"));
    }
    for (a, e, _, _, _) in product5(all(FLAGS), all(ENDS), [""], [""], [""]) {
        lines.push(format!("a={a}{e}"));
    }
    lines
}

/// Each line of every combination, among the session lines and in the media section, with
/// CRLF and with LF line ends: both parses agree.
#[test]
fn every_combination_of_common_values_agrees() {
    for line in every_common_line() {
        for text in with_line(&line) {
            let fast = parse(text.as_bytes(), &Limits::default());
            assert_eq!(
                fast,
                parse_general(text.as_bytes(), &Limits::default()),
                "{text:?}"
            );
        }
    }
}

/// The five-way product of value lists, in order.
fn product5<'s>(
    a: impl IntoIterator<Item = &'s str>,
    b: impl IntoIterator<Item = &'s str> + Clone,
    c: impl IntoIterator<Item = &'s str> + Clone,
    d: impl IntoIterator<Item = &'s str> + Clone,
    e: impl IntoIterator<Item = &'s str> + Clone,
) -> Vec<(&'s str, &'s str, &'s str, &'s str, &'s str)> {
    let mut out = Vec::new();
    for a in a {
        for b in b.clone() {
            for c in c.clone() {
                for d in d.clone() {
                    for e in e.clone() {
                        out.push((a, b, c, d, e));
                    }
                }
            }
        }
    }
    out
}

/// Descriptions in the usual order with a few generated lines among the session lines
/// (before, between or after the opening `v=`, `o=`, `s=`, `c=` and `t=`) or in a media
/// section (so that each generated line decides the outcome more often than not),
/// and every line end: CRLF, LF, a lone CR, or none at the end.
fn description() -> impl Strategy<Value = String> {
    let head = prop::collection::vec(line(), 0..3);
    let media = prop::collection::vec(line(), 0..4);
    let ends = prop::collection::vec(
        prop_oneof![8 => Just("\r\n"), 4 => Just("\n"), 1 => Just("\r"), 1 => Just("")],
        24,
    );
    (head, 0usize..6, media, ends, any::<bool>()).prop_map(|(head, at, media, ends, twice)| {
        let mut lines = vec![
            "v=0".to_string(),
            "o=alice 2890844526 2890844526 IN IP4 198.51.100.7".into(),
            "s=-".into(),
            "c=IN IP4 198.51.100.7".into(),
            "t=0 0".into(),
        ];
        lines.splice(at..at, head);
        lines.push("m=message 7394 TCP/MSRP *".into());
        lines.extend(media.iter().cloned());
        lines.push("a=setup:active".into());
        if twice {
            lines.push("m=message 7395 TCP/MSRP *".into());
            lines.extend(media);
        }
        let mut text = String::new();
        for (line, end) in lines.iter().zip(ends.iter().cycle()) {
            text.push_str(line);
            text.push_str(if text.len() < 20 { "\r\n" } else { end });
        }
        text
    })
}

fn limits() -> impl Strategy<Value = Limits> {
    (1usize..80, 1usize..30, 0usize..4, 0usize..4, 0usize..4).prop_map(
        |(line_len, lines, attributes, paths, types)| Limits {
            max_line_len: line_len,
            max_lines: lines,
            max_attributes: attributes,
            max_path_uris: paths,
            max_accept_types: types,
            ..Limits::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// For any generated description, the parse with the one-pass reader returns exactly
    /// what the general scanner and field parsers return: the same description when valid,
    /// the same error kind, line and offset when not.
    #[test]
    fn generated_descriptions_agree(text in description()) {
        agree(text.as_bytes(), &Limits::default())?;
    }

    /// The same holds under tight limits, which the one-pass reader must leave to the
    /// general scanner and state to report.
    #[test]
    fn generated_descriptions_agree_under_limits(text in description(), limits in limits()) {
        agree(text.as_bytes(), &limits)?;
    }

    /// The same holds for a valid offer with up to three bytes replaced, inserted or
    /// removed anywhere.
    #[test]
    fn mutated_offers_agree(
        which in 0usize..3,
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..4),
    ) {
        let mut bytes = [INVITE_BODY, OFFER, RELAY_IPV6][which].as_bytes().to_vec();
        for (at, byte, how) in edits {
            let at = at % (bytes.len() + 1);
            match how {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ if at < bytes.len() => { bytes.remove(at); }
                _ => {}
            }
        }
        agree(&bytes, &Limits::default())?;
    }
}
