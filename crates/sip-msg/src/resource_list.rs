//! RFC 5366 recipient lists: the `application/resource-lists+xml` body (RFC 4826 format) that
//! a multi-recipient INVITE carries beside its SDP, with `Content-Disposition: recipient-list`.

use crate::builder::Sink;
use crate::error::Error;

/// The Content-Type of a resource list part.
pub const CONTENT_TYPE: &str = "application/resource-lists+xml";

/// The Content-Disposition of a resource list part in a request (RFC 5366 4).
pub const DISPOSITION: &str = "recipient-list";

/// The option tag a request with a recipient list must require (RFC 5366 4).
pub const OPTION_TAG: &str = "recipient-list-invite";

/// Writes a resource list with one `<entry uri="...">` per recipient in one `<list>`; each URI
/// is XML-escaped. Returns the bytes written.
///
/// ```
/// let mut xml = Vec::new();
/// sip_msg::resource_list::write(&mut xml, &["sip:bob@example.net", "sip:a&b@example.org"])?;
/// let xml = String::from_utf8(xml).unwrap();
/// assert!(xml.contains(r#"<entry uri="sip:bob@example.net"/>"#));
/// assert!(xml.contains(r#"<entry uri="sip:a&amp;b@example.org"/>"#));
/// # Ok::<(), sip_msg::Error>(())
/// ```
pub fn write<S: Sink>(out: &mut S, recipients: &[&str]) -> Result<usize, Error> {
    let start = out.len();
    out.put(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n");
    out.put(b"<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\">\r\n");
    out.put(b"  <list>\r\n");
    for uri in recipients {
        out.put(b"    <entry uri=\"");
        write_escaped(out, uri)?;
        out.put(b"\"/>\r\n");
    }
    out.put(b"  </list>\r\n</resource-lists>\r\n");
    Ok(out.len() - start)
}

/// Writes `text` as XML attribute content. Control characters other than HTAB, CR and LF are
/// not allowed in XML 1.0 at all, so they are refused rather than escaped.
fn write_escaped<S: Sink>(out: &mut S, text: &str) -> Result<(), Error> {
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let escaped: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&apos;",
            b'\t' => b"&#9;",
            b'\n' => b"&#10;",
            b'\r' => b"&#13;",
            0..=0x1f => {
                return Err(Error::InvalidInput {
                    expected: "a URI without control bytes",
                })
            }
            _ => continue,
        };
        out.put(text.as_bytes().get(plain..i).unwrap_or(&[]));
        out.put(escaped);
        plain = i + 1;
    }
    out.put(text.as_bytes().get(plain..).unwrap_or(&[]));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(recipients: &[&str]) -> Result<String, Error> {
        let mut out = Vec::new();
        let len = write(&mut out, recipients)?;
        assert_eq!(len, out.len());
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn one_entry_per_recipient_in_one_list() {
        let doc = xml(&["sip:a@example.com", "tel:+15551234"]).unwrap();
        assert_eq!(doc.matches("<list>").count(), 1);
        assert_eq!(doc.matches("<entry uri=").count(), 2);
        assert!(doc.contains("<entry uri=\"tel:+15551234\"/>"));
    }

    #[test]
    fn markup_characters_are_escaped() {
        let doc = xml(&["sip:x@h;p=\"<'&'>\""]).unwrap();
        assert!(
            doc.contains("uri=\"sip:x@h;p=&quot;&lt;&apos;&amp;&apos;&gt;&quot;\""),
            "{doc}"
        );
        assert!(xml(&["sip:x@h\u{1}"]).is_err());
    }
}
