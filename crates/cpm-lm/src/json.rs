//! A minimal JSON value and its compact serialization, enough for `cpm-lm inspect`.
//!
//! The output of `inspect` is a public interface, so it is produced from one small,
//! well-tested writer instead of ad-hoc string formatting in each message kind.

use std::borrow::Cow;
use std::fmt;

/// A JSON value that borrows strings from the inspected message where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(u64),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Fields in the order they were added; keys are not deduplicated.
    Object(Vec<(&'static str, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// A string value borrowed from the input.
    pub fn str(s: &'a str) -> Self {
        Json::String(Cow::Borrowed(s))
    }

    /// `null` when absent, the mapped value otherwise.
    pub fn opt<T>(value: Option<T>, f: impl FnOnce(T) -> Json<'a>) -> Self {
        value.map_or(Json::Null, f)
    }

    /// An array of borrowed strings.
    pub fn str_array<I: IntoIterator<Item = &'a str>>(items: I) -> Self {
        Json::Array(items.into_iter().map(Json::str).collect())
    }
}

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(n) => write!(f, "{n}"),
            Json::String(s) => write_escaped(f, s),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Object(fields) => {
                f.write_str("{")?;
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_escaped(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_str("}")
            }
        }
    }
}

fn write_escaped(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 || c == '\u{7f}' => write!(f, "\\u{:04x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters_and_quotes() {
        let v = Json::str("a\"b\\c\r\n\u{1}");
        assert_eq!(v.to_string(), r#""a\"b\\c\r\n\u0001""#);
    }

    #[test]
    fn writes_nested_values_in_order() {
        let v = Json::Object(vec![
            ("type", Json::str("request")),
            (
                "cseq",
                Json::Array(vec![Json::Number(1), Json::str("INVITE")]),
            ),
            ("to_tag", Json::Null),
            ("ok", Json::Bool(true)),
        ]);
        assert_eq!(
            v.to_string(),
            r#"{"type":"request","cseq":[1,"INVITE"],"to_tag":null,"ok":true}"#
        );
    }
}
