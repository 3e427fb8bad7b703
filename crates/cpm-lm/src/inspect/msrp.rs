//! `cpm-lm inspect --kind msrp`: the first MSRP frame of the input as JSON.
//!
//! The input is parsed as a stream: every frame in it must be valid and complete (a missing
//! end-line is an error). The object describes the first frame; `frames` counts them all.

use super::InspectError;
use crate::json::Json;
use msrp_codec::{ByteRange, Event, FrameHead, FrameKind, Parser};
use std::borrow::Cow;

pub fn inspect(input: &[u8]) -> Result<Json<'_>, InspectError> {
    let mut parser = Parser::default();
    let mut rest = input;
    let mut first: Option<Vec<(&'static str, Json<'static>)>> = None;
    let mut frames = 0u64;
    loop {
        let feed = parser.feed(rest).map_err(InspectError::from_display)?;
        rest = rest.get(feed.consumed..).unwrap_or_default();
        match feed.event {
            Some(Event::Head(head)) => {
                frames += 1;
                if first.is_none() {
                    first = Some(describe_head(&head));
                }
            }
            Some(Event::End(end)) if frames == 1 => {
                if let Some(fields) = first.as_mut() {
                    fields.push(("flag", Json::str(end.flag.as_str())));
                    fields.push(("body_len", Json::Number(end.body_len)));
                }
            }
            Some(_) => {}
            None => break,
        }
    }
    parser.finish().map_err(InspectError::from_display)?;
    let mut fields = first.ok_or_else(|| InspectError("no MSRP frame at byte 0".to_owned()))?;
    fields.push(("frames", Json::Number(frames)));
    Ok(Json::Object(fields))
}

fn owned(s: &str) -> Json<'static> {
    Json::String(Cow::Owned(s.to_owned()))
}

fn describe_head(head: &FrameHead<'_>) -> Vec<(&'static str, Json<'static>)> {
    let (kind, method, status, comment) = match head.kind {
        FrameKind::Request { method } => ("request", owned(method.as_str()), Json::Null, None),
        FrameKind::Response { code, comment } => (
            "response",
            Json::Null,
            Json::Number(u64::from(code.as_u16())),
            comment,
        ),
    };
    let paths = |p: msrp_codec::uri::PathUris<'_>| {
        Json::Array(
            p.filter_map(Result::ok)
                .map(|u| owned(&u.to_string()))
                .collect(),
        )
    };
    vec![
        ("type", Json::str(kind)),
        ("tid", owned(head.tid.as_str())),
        ("method", method),
        ("status", status),
        ("comment", Json::opt(comment, owned)),
        ("to_path", paths(head.to_path_uris())),
        ("from_path", paths(head.from_path_uris())),
        ("message_id", Json::opt(head.message_id, owned)),
        ("byte_range", Json::opt(head.byte_range, byte_range)),
        (
            "status_header",
            Json::opt(head.status, |s| {
                Json::Array(vec![
                    Json::Number(u64::from(s.namespace)),
                    Json::Number(u64::from(s.code.as_u16())),
                ])
            }),
        ),
        (
            "success_report",
            Json::opt(head.success_report, |v| Json::str(v.as_str())),
        ),
        (
            "failure_report",
            Json::opt(head.failure_report, |v| Json::str(v.as_str())),
        ),
        ("content_type", Json::opt(head.content_type, owned)),
        ("has_body", Json::Bool(head.has_body)),
        (
            "headers",
            Json::Array(
                head.headers()
                    .map(|h| Json::Array(vec![owned(h.name), owned(h.value)]))
                    .collect(),
            ),
        ),
    ]
}

fn byte_range(r: ByteRange) -> Json<'static> {
    let num = |n: Option<u64>| Json::opt(n, Json::Number);
    Json::Array(vec![Json::Number(r.start), num(r.end), num(r.total)])
}
