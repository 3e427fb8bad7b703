//! `cpm-lm inspect --kind sip`: one SIP message (a datagram: Content-Length, when present,
//! bounds the body) described as JSON.

use super::InspectError;
use crate::json::Json;
use sip_msg::header::Refresher;
use sip_msg::{Error, Item, Message, StartLine};
use std::borrow::Cow;

pub fn inspect(input: &[u8]) -> Result<Json<'_>, InspectError> {
    let msg = sip_msg::parse(input).map_err(InspectError::from_display)?;
    describe(&msg).map_err(InspectError::from_display)
}

fn describe<'a>(msg: &Message<'a>) -> Result<Json<'a>, Error> {
    let (kind, method, uri, status, reason) = match msg.start_line() {
        StartLine::Request { method, uri } => (
            "request",
            Json::str(method.as_str()),
            Json::str(uri),
            Json::Null,
            Json::Null,
        ),
        StartLine::Response { status, reason } => (
            "response",
            Json::Null,
            Json::Null,
            Json::Number(u64::from(status.as_u16())),
            Json::str(reason),
        ),
    };
    let vias = msg.vias().collect::<Result<Vec<_>, _>>()?;
    let top_branch = vias.first().and_then(|v| v.branch());
    let cseq = msg.cseq()?;
    Ok(Json::Object(vec![
        ("type", Json::str(kind)),
        ("method", method),
        ("uri", uri),
        ("status", status),
        ("reason", reason),
        (
            "call_id",
            Json::opt(msg.call_id()?, |c| Json::str(c.as_str())),
        ),
        (
            "cseq",
            Json::opt(cseq, |c| {
                Json::Array(vec![
                    Json::Number(u64::from(c.number)),
                    Json::str(c.method.as_str()),
                ])
            }),
        ),
        ("via_count", Json::Number(vias.len() as u64)),
        ("top_branch", Json::opt(top_branch, Json::str)),
        (
            "from_tag",
            Json::opt(msg.from()?.and_then(|a| a.tag), Json::str),
        ),
        (
            "to_tag",
            Json::opt(msg.to()?.and_then(|a| a.tag), Json::str),
        ),
        ("session_expires", session_expires(msg)?),
        (
            "min_se",
            Json::opt(msg.min_se()?, |m| Json::Number(u64::from(m.delta))),
        ),
        ("supported", tags(msg.supported())?),
        ("require", tags(msg.require())?),
        (
            "header_names",
            Json::str_array(msg.headers().map(|h| h.full_name())),
        ),
        ("headers", headers(msg)),
        ("body_len", Json::Number(msg.body().len() as u64)),
    ]))
}

fn session_expires<'a>(msg: &Message<'a>) -> Result<Json<'a>, Error> {
    Ok(Json::opt(msg.session_expires()?, |se| {
        let refresher = se.refresher.map(|r| match r {
            Refresher::Uac => "uac",
            Refresher::Uas => "uas",
        });
        Json::Array(vec![
            Json::Number(u64::from(se.delta)),
            Json::opt(refresher, Json::str),
        ])
    }))
}

fn tags<'a>(items: impl Iterator<Item = Item<&'a str>>) -> Result<Json<'a>, Error> {
    Ok(Json::str_array(items.collect::<Result<Vec<_>, _>>()?))
}

/// `[name, value]` pairs with folded values read as one line.
fn headers<'a>(msg: &Message<'a>) -> Json<'a> {
    Json::Array(
        msg.headers()
            .map(|h| {
                let value = if h.is_folded() {
                    Json::String(Cow::Owned(h.unfolded().to_string()))
                } else {
                    Json::str(h.value())
                };
                Json::Array(vec![Json::str(h.full_name()), value])
            })
            .collect(),
    )
}
