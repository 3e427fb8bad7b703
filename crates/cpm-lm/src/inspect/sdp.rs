//! `cpm-lm inspect --kind sdp`.
//!
//! Fields: `media` (`[[media, port, proto], ...]`), then the first MSRP message stream's
//! `path` (URIs in order), `direction` (after session-level defaults), `accept_types`,
//! `accept_wrapped_types`, `setup`, `max_size`; with no message stream `path` is `[]` and the
//! others are `null`. `origin` and `session_name` describe the session.

use super::InspectError;
use crate::json::Json;
use sdp::{MediaDescription, MediaTypes, SessionDescription};

pub fn inspect(input: &[u8]) -> Result<Json<'_>, InspectError> {
    let sdp = SessionDescription::parse(input).map_err(InspectError::from_display)?;
    let media = sdp.media().iter().map(media_entry).collect();
    let stream = sdp.message_stream().map(|(_, m)| m);
    let path = stream
        .and_then(|m| m.path())
        .map(|p| Json::str_array(p.uri_strs()));
    let origin = sdp.origin();
    Ok(Json::Object(vec![
        (
            "origin",
            Json::Array(vec![
                Json::str(origin.username),
                Json::str(origin.session_id),
                Json::Number(origin.session_version),
            ]),
        ),
        ("session_name", Json::str(sdp.session_name())),
        ("media", Json::Array(media)),
        ("path", path.unwrap_or(Json::Array(Vec::new()))),
        (
            "direction",
            Json::opt(stream, |m| Json::str(sdp.direction_of(m).as_str())),
        ),
        (
            "accept_types",
            Json::opt(stream.and_then(|m| m.accept_types()), types),
        ),
        (
            "accept_wrapped_types",
            Json::opt(stream.and_then(|m| m.accept_wrapped_types()), types),
        ),
        (
            "setup",
            Json::opt(stream.and_then(|m| sdp.setup_of(m)), |s| {
                Json::str(s.as_str())
            }),
        ),
        (
            "max_size",
            Json::opt(stream.and_then(|m| m.max_size()), Json::Number),
        ),
    ]))
}

fn media_entry<'a>(m: &MediaDescription<'a>) -> Json<'a> {
    Json::Array(vec![
        Json::str(m.media()),
        Json::Number(u64::from(m.port())),
        Json::str(m.proto()),
    ])
}

fn types<'a>(list: MediaTypes<'a>) -> Json<'a> {
    Json::str_array(list.as_str().split(' ').filter(|e| !e.is_empty()))
}
