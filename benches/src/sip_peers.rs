//! The same job done with each Rust peer: parse a SIP message and read the fields a client
//! transaction and dialog need (top Via branch, From/To tags, Call-ID, CSeq). Each function
//! returns a small digest so the optimiser cannot drop the work, and `None` when the peer
//! fails on the message.

/// The digest every parser must produce for the bench to count its run: CSeq number plus
/// the lengths of the branch, the From tag, the To tag (0 when absent) and the Call-ID.
pub type Digest = (u32, usize, usize, usize, usize);

/// `httparse::parse_headers` over the header block only: the floor, with no start line, no
/// typed values and no SIP rules.
pub fn httparse_floor(message: &[u8]) -> Option<usize> {
    let start = memchr::memmem::find(message, b"\r\n")? + 2;
    let mut headers = [httparse::EMPTY_HEADER; 32];
    match httparse::parse_headers(&message[start..], &mut headers) {
        Ok(httparse::Status::Complete((_, parsed))) => Some(parsed.len()),
        _ => None,
    }
}

/// rsip 0.4: parse into an owned `SipMessage`, then read typed headers.
pub fn rsip(message: &[u8]) -> Option<Digest> {
    use rsip::prelude::*;
    let parsed = rsip::SipMessage::try_from(message).ok()?;
    let via = parsed.via_header().ok()?.typed().ok()?;
    let from = parsed.from_header().ok()?.tag().ok()??;
    let to = parsed.to_header().ok()?.tag().ok()?;
    let call_id = parsed.call_id_header().ok()?.value().len();
    let cseq = parsed.cseq_header().ok()?.typed().ok()?;
    Some((
        cseq.seq,
        via.branch()?.to_string().len(),
        from.value().len(),
        to.map_or(0, |t| t.value().len()),
        call_id,
    ))
}

/// ezk-sip-types 0.6: split lines with its pull parser, parse the start line and each header
/// line, collect them into `Headers`, then decode the typed headers.
pub fn ezk(message: &[u8]) -> Option<Digest> {
    use ezk_sip_types::header::typed::{CSeq, CallID, FromTo, Via};
    use ezk_sip_types::msg::{Line, MessageLine, PullParser};
    use ezk_sip_types::parse::Parse;
    use ezk_sip_types::{Headers, Name};

    let src = bytes::Bytes::copy_from_slice(message);
    let mut lines = PullParser::new(&src, 0);
    let first = std::str::from_utf8(lines.next()?.ok()?).ok()?;
    let (_, _start_line) = MessageLine::parse(&src)(first).ok()?;
    let mut headers = Headers::new();
    for line in lines.by_ref() {
        let line = std::str::from_utf8(line.ok()?).ok()?;
        let (_, line) = Line::parse(&src, line).ok()?;
        headers.insert(line.name, line.value);
    }
    let via: Via = headers.get_named().ok()?;
    let from: FromTo = headers.get(Name::FROM).ok()?;
    let to: FromTo = headers.get(Name::TO).ok()?;
    let call_id: CallID = headers.get_named().ok()?;
    let cseq: CSeq = headers.get_named().ok()?;
    Some((
        cseq.cseq,
        via.params.get_val("branch")?.len(),
        from.tag?.len(),
        to.tag.map_or(0, |t| t.len()),
        call_id.0.len(),
    ))
}

/// rust-rcs-core 0.3: its stream parser produces an owned message; headers are then found
/// by name and read through its header-field views.
pub fn rust_rcs_core(message: &[u8]) -> Option<Digest> {
    use rust_rcs_core::internet::header::search;
    use rust_rcs_core::internet::header_field::AsHeaderField;
    use rust_rcs_core::sip::sip_headers::cseq::AsCSeq;
    use rust_rcs_core::sip::sip_headers::from_to::AsFromTo;
    use rust_rcs_core::sip::sip_headers::via::AsVia;
    use rust_rcs_core::sip::sip_parser::SipParser;

    let mut parser = SipParser::new();
    parser.feed(message);
    let parsed = parser.produce().ok()??;
    let headers = parsed.headers()?;
    let via = search(headers, b"Via", true)?.get_value().as_header_field();
    let branch = via.as_via()?.branch?.len();
    let from = search(headers, b"From", true)?
        .get_value()
        .as_header_field();
    let from_tag = from.as_from_to().tag?.len();
    let to = search(headers, b"To", true)?.get_value().as_header_field();
    let to_tag = to.as_from_to().tag.map_or(0, |t| t.len());
    let call_id = search(headers, b"Call-ID", true)?.get_value().len();
    let cseq = search(headers, b"CSeq", true)?
        .get_value()
        .as_header_field();
    let seq = cseq.as_cseq()?.seq;
    Some((seq, branch, from_tag, to_tag, call_id))
}
