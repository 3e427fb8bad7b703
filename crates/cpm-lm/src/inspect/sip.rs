//! `cpm-lm inspect --kind sip`.

use super::InspectError;
use crate::json::Json;

pub fn inspect(_input: &[u8]) -> Result<Json<'_>, InspectError> {
    Err(InspectError("--kind sip is not available in this build".to_owned()))
}
