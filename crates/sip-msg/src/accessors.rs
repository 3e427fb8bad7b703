//! Typed access to the headers of a parsed message.
//!
//! Values are parsed on each call, not during the message parse, so a message costs only what
//! its user reads. Errors name the header and the byte offset in the whole message.

use crate::error::Error;
use crate::header::{
    split_list, AcceptContact, CSeq, CallId, Challenge, Contact, ContentLength, ContentType,
    Credentials, MaxForwards, MinSe, NameAddr, Privacy, Reason, RetryAfter, Server, SessionExpires,
    SplitList, UserAgent, Via,
};
use crate::message::{Message, NamedHeaders};
use crate::name::HeaderName;
use crate::ValueError;

/// A typed element of a comma-list header, or why it does not parse.
pub type Item<T> = Result<T, Error>;

impl<'a> Message<'a> {
    /// Parses the first header called `name` with `parse`; `Ok(None)` when absent.
    ///
    /// ```
    /// use sip_msg::{header::SessionExpires, HeaderName};
    /// let msg = sip_msg::Parser::new().with_mode(sip_msg::Mode::Lenient)
    ///     .parse_datagram(b"UPDATE sip:b@h SIP/2.0\r\nx: 1800;refresher=uac\r\n\r\n")?;
    /// let se = msg.typed(HeaderName::SessionExpires, SessionExpires::parse)?;
    /// assert_eq!(se.map(|s| s.delta), Some(1800));
    /// # Ok::<(), sip_msg::Error>(())
    /// ```
    pub fn typed<T>(
        &self,
        name: HeaderName,
        parse: impl FnOnce(&'a str) -> Result<T, ValueError>,
    ) -> Result<Option<T>, Error> {
        self.get(name)
            .map(|h| parse(h.value()).map_err(|e| Error::value(name, h.offset(), e)))
            .transpose()
    }

    /// Every element of a comma-list header, across all its lines in order, with the element's
    /// offset in the message: `Via: a, b` then `Via: c` gives `a`, `b`, `c`.
    pub fn list_items(&self, name: HeaderName) -> ListItems<'_, 'a> {
        ListItems {
            headers: self.get_all(name),
            current: None,
        }
    }

    /// Every element of a comma-list header parsed with `parse`.
    pub fn typed_list<T>(
        &self,
        name: HeaderName,
        parse: fn(&'a str) -> Result<T, ValueError>,
    ) -> TypedList<'_, 'a, T> {
        TypedList {
            items: self.list_items(name),
            name,
            parse,
        }
    }

    /// Call-ID.
    pub fn call_id(&self) -> Result<Option<CallId<'a>>, Error> {
        match self.checked().call_id {
            Some(id) => Ok(Some(id)),
            None => self.typed(HeaderName::CallId, CallId::parse),
        }
    }

    /// CSeq.
    pub fn cseq(&self) -> Result<Option<CSeq<'a>>, Error> {
        match self.checked().cseq {
            Some(cseq) => Ok(Some(cseq)),
            None => self.typed(HeaderName::CSeq, CSeq::parse),
        }
    }

    /// Max-Forwards.
    pub fn max_forwards(&self) -> Result<Option<MaxForwards>, Error> {
        self.typed(HeaderName::MaxForwards, MaxForwards::parse)
    }

    /// Content-Length as written (the parse already checked that all values agree).
    pub fn content_length(&self) -> Result<Option<ContentLength>, Error> {
        self.typed(HeaderName::ContentLength, ContentLength::parse)
    }

    /// Content-Type.
    pub fn content_type(&self) -> Result<Option<ContentType<'a>>, Error> {
        self.typed(HeaderName::ContentType, ContentType::parse)
    }

    /// From.
    pub fn from(&self) -> Result<Option<NameAddr<'a>>, Error> {
        self.name_addr(HeaderName::From)
    }

    /// To.
    pub fn to(&self) -> Result<Option<NameAddr<'a>>, Error> {
        self.name_addr(HeaderName::To)
    }

    /// The first `name` header as an address, as [`Message::typed`] with [`NameAddr::parse`]
    /// would give it.
    fn name_addr(&self, name: HeaderName) -> Result<Option<NameAddr<'a>>, Error> {
        match self.get(name) {
            Some(h) => NameAddr::parse_header(name, h.value(), h.offset()),
            None => Ok(None),
        }
    }

    /// Every via-parm, top first, across lines and commas.
    pub fn vias(&self) -> TypedList<'_, 'a, Via<'a>> {
        self.typed_list(HeaderName::Via, Via::parse)
    }

    /// The topmost via-parm.
    pub fn top_via(&self) -> Result<Option<Via<'a>>, Error> {
        // A via-parm of the common shape holds no comma, quote, bracket or outer whitespace,
        // so when the first value has that shape it is the whole first list element.
        match self.get(HeaderName::Via) {
            Some(first) => Via::parse_top(first.value(), || self.vias().next().transpose()),
            None => Ok(None),
        }
    }

    /// Every Contact element.
    pub fn contacts(&self) -> TypedList<'_, 'a, Contact<'a>> {
        self.typed_list(HeaderName::Contact, Contact::parse)
    }

    /// Every Route element, in order.
    pub fn routes(&self) -> TypedList<'_, 'a, NameAddr<'a>> {
        self.typed_list(HeaderName::Route, NameAddr::parse)
    }

    /// Every Record-Route element, in order.
    pub fn record_routes(&self) -> TypedList<'_, 'a, NameAddr<'a>> {
        self.typed_list(HeaderName::RecordRoute, NameAddr::parse)
    }

    /// The option tags of every Supported line.
    pub fn supported(&self) -> TypedList<'_, 'a, &'a str> {
        self.typed_list(HeaderName::Supported, token)
    }

    /// The option tags of every Require line.
    pub fn require(&self) -> TypedList<'_, 'a, &'a str> {
        self.typed_list(HeaderName::Require, token)
    }

    /// The methods of every Allow line.
    pub fn allow(&self) -> TypedList<'_, 'a, &'a str> {
        self.typed_list(HeaderName::Allow, token)
    }

    /// Session-Expires (RFC 4028).
    pub fn session_expires(&self) -> Result<Option<SessionExpires<'a>>, Error> {
        self.typed(HeaderName::SessionExpires, SessionExpires::parse)
    }

    /// Min-SE (RFC 4028).
    pub fn min_se(&self) -> Result<Option<MinSe<'a>>, Error> {
        self.typed(HeaderName::MinSe, MinSe::parse)
    }

    /// Every Accept-Contact element (RFC 3841).
    pub fn accept_contacts(&self) -> TypedList<'_, 'a, AcceptContact<'a>> {
        self.typed_list(HeaderName::AcceptContact, AcceptContact::parse)
    }

    /// Privacy (RFC 3323, RFC 3325).
    pub fn privacy(&self) -> Result<Option<Privacy<'a>>, Error> {
        self.typed(HeaderName::Privacy, Privacy::parse)
    }

    /// User-Agent: products and comments.
    pub fn user_agent(&self) -> Result<Option<UserAgent<'a>>, Error> {
        self.typed(HeaderName::UserAgent, UserAgent::parse)
    }

    /// Server: products and comments.
    pub fn server(&self) -> Result<Option<Server<'a>>, Error> {
        self.typed(HeaderName::Server, Server::parse)
    }

    /// Every Reason value (RFC 3326).
    pub fn reasons(&self) -> TypedList<'_, 'a, Reason<'a>> {
        self.typed_list(HeaderName::Reason, Reason::parse)
    }

    /// Retry-After.
    pub fn retry_after(&self) -> Result<Option<RetryAfter<'a>>, Error> {
        self.typed(HeaderName::RetryAfter, RetryAfter::parse)
    }

    /// Every WWW-Authenticate challenge (one per line: commas separate auth-params).
    pub fn www_authenticate(&self) -> TypedLines<'_, 'a, Challenge<'a>> {
        self.typed_lines(HeaderName::WwwAuthenticate, Challenge::parse)
    }

    /// Every Proxy-Authenticate challenge.
    pub fn proxy_authenticate(&self) -> TypedLines<'_, 'a, Challenge<'a>> {
        self.typed_lines(HeaderName::ProxyAuthenticate, Challenge::parse)
    }

    /// Every Authorization credentials line.
    pub fn authorization(&self) -> TypedLines<'_, 'a, Credentials<'a>> {
        self.typed_lines(HeaderName::Authorization, Credentials::parse)
    }

    /// Every Proxy-Authorization credentials line.
    pub fn proxy_authorization(&self) -> TypedLines<'_, 'a, Credentials<'a>> {
        self.typed_lines(HeaderName::ProxyAuthorization, Credentials::parse)
    }

    /// Every line of a header whose value is not a comma list (or whose commas belong to its
    /// own grammar, like a challenge's auth-params), each parsed whole.
    pub fn typed_lines<T>(
        &self,
        name: HeaderName,
        parse: fn(&'a str) -> Result<T, ValueError>,
    ) -> TypedLines<'_, 'a, T> {
        TypedLines {
            headers: self.get_all(name),
            parse,
        }
    }
}

/// Every line of one header, each parsed whole. Returned by [`Message::typed_lines`].
#[derive(Debug, Clone)]
pub struct TypedLines<'m, 'a, T> {
    headers: NamedHeaders<'m, 'a>,
    parse: fn(&'a str) -> Result<T, ValueError>,
}

impl<'a, T> Iterator for TypedLines<'_, 'a, T> {
    type Item = Item<T>;

    fn next(&mut self) -> Option<Item<T>> {
        let h = self.headers.next()?;
        Some((self.parse)(h.value()).map_err(|e| Error::value(h.name(), h.offset(), e)))
    }
}

/// One token of a comma list (an option tag or a method).
fn token(item: &str) -> Result<&str, ValueError> {
    match item.bytes().position(|b| !crate::grammar::is_token(b)) {
        _ if item.is_empty() => Err(ValueError {
            offset: 0,
            expected: "token",
        }),
        Some(at) => Err(ValueError {
            offset: at,
            expected: "token",
        }),
        None => Ok(item),
    }
}

/// The elements of a comma-list header across its lines, each with its offset in the
/// message. Returned by [`Message::list_items`].
#[derive(Debug, Clone)]
pub struct ListItems<'m, 'a> {
    headers: NamedHeaders<'m, 'a>,
    current: Option<(usize, SplitList<'a>)>,
}

impl<'a> Iterator for ListItems<'_, 'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            if let Some((base, items)) = &mut self.current {
                if let Some((at, item)) = items.next() {
                    return Some((*base + at, item));
                }
            }
            let header = self.headers.next()?;
            self.current = Some((header.offset(), split_list(header.value())));
        }
    }
}

/// The elements of a comma-list header, each parsed. Returned by [`Message::typed_list`].
#[derive(Debug, Clone)]
pub struct TypedList<'m, 'a, T> {
    items: ListItems<'m, 'a>,
    name: HeaderName,
    parse: fn(&'a str) -> Result<T, ValueError>,
}

impl<'a, T> Iterator for TypedList<'_, 'a, T> {
    type Item = Item<T>;

    fn next(&mut self) -> Option<Item<T>> {
        let (at, item) = self.items.next()?;
        Some((self.parse)(item).map_err(|e| Error::value(self.name, at, e)))
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse, Error, HeaderName, Message};

    const INVITE: &str = "INVITE sip:b@h SIP/2.0\r\n\
        Via: SIP/2.0/UDP p1;branch=z9hG4bK1, SIP/2.0/UDP p2;branch=z9hG4bK2\r\n\
        v: SIP/2.0/TCP ua;branch=z9hG4bK3\r\n\
        Max-Forwards: 69\r\nf: \"A\" <sip:a@h>;tag=f1\r\nt: <sip:b@h>\r\ni: c@h\r\n\
        CSeq: 7 INVITE\r\nk: timer\r\nSupported: 100rel\r\nRequire: timer\r\n\
        Record-Route: <sip:p1;lr>, <sip:p2;lr>\r\nRoute: <sip:p3;lr>\r\n\
        m: <sip:a@ua>;+g.oma.sip-im\r\nx: 1800;refresher=uac\r\nMin-SE: 90\r\n\
        a: *;+g.oma.sip-im.large-message\r\nPrivacy: id\r\nUser-Agent: CPM-client/OMA2.2\r\n\
        Allow: INVITE, BYE\r\nc: application/sdp\r\nl: 0\r\n\r\n";

    fn invite() -> Message<'static> {
        parse(INVITE.as_bytes()).unwrap()
    }

    #[test]
    fn vias_span_lines_and_commas() {
        let msg = invite();
        let branches: Vec<_> = msg.vias().map(|v| v.unwrap().branch().unwrap()).collect();
        assert_eq!(branches, ["z9hG4bK1", "z9hG4bK2", "z9hG4bK3"]);
        assert_eq!(msg.top_via().unwrap().unwrap().branch(), Some("z9hG4bK1"));
    }

    #[test]
    fn comma_lists_and_repeated_lines_give_the_same_values() {
        let joined = INVITE.replace("k: timer\r\nSupported: 100rel", "k: timer, 100rel");
        let joined = joined.replace(
            "Record-Route: <sip:p1;lr>, <sip:p2;lr>",
            "Record-Route: <sip:p1;lr>\r\nRecord-Route: <sip:p2;lr>",
        );
        let (a, b) = (invite(), parse(joined.as_bytes()).unwrap());
        assert!(a.supported().eq(b.supported()));
        assert!(a.record_routes().eq(b.record_routes()));
        assert_eq!(a.supported().count(), 2);
        assert_eq!(b.record_routes().count(), 2);
    }

    #[test]
    fn single_value_headers_are_typed() {
        let msg = invite();
        assert_eq!(msg.cseq().unwrap().map(|c| c.number), Some(7));
        assert_eq!(msg.call_id().unwrap().map(|c| c.as_str()), Some("c@h"));
        assert_eq!(msg.max_forwards().unwrap().map(|m| m.0), Some(69));
        assert_eq!(msg.from().unwrap().and_then(|f| f.tag), Some("f1"));
        assert_eq!(msg.to().unwrap().and_then(|t| t.tag), None);
        assert_eq!(msg.session_expires().unwrap().map(|s| s.delta), Some(1800));
        assert_eq!(msg.min_se().unwrap().map(|m| m.delta), Some(90));
        assert!(msg
            .content_type()
            .unwrap()
            .unwrap()
            .is("application", "sdp"));
        assert_eq!(msg.content_length().unwrap().map(|l| l.bytes()), Some(0));
        assert_eq!(msg.privacy().unwrap().map(|p| p.values().count()), Some(1));
        assert!(msg.user_agent().unwrap().is_some());
        assert_eq!(msg.retry_after().unwrap(), None);
    }

    #[test]
    fn list_headers_are_typed_in_order() {
        let msg = invite();
        let tags: Result<Vec<_>, _> = msg.supported().collect();
        assert_eq!(tags.unwrap(), ["timer", "100rel"]);
        assert_eq!(
            msg.require().collect::<Result<Vec<_>, _>>().unwrap(),
            ["timer"]
        );
        assert_eq!(msg.allow().count(), 2);
        assert_eq!(msg.record_routes().count(), 2);
        assert_eq!(msg.routes().count(), 1);
        assert_eq!(msg.contacts().count(), 1);
        let ac = msg.accept_contacts().next().unwrap().unwrap();
        assert_eq!(
            ac.feature_tags().next().map(|p| p.name),
            Some("+g.oma.sip-im.large-message")
        );
    }

    #[test]
    fn challenges_keep_their_commas_and_reasons_split_on_them() {
        let text = INVITE.replacen(
            "Privacy: id\r\n",
            "WWW-Authenticate: Digest realm=\"a\", nonce=\"n1\"\r\nWWW-Authenticate: Digest realm=\"b\", nonce=\"n2\"\r\n\
             Reason: SIP;cause=200, Q.850;cause=16\r\nRetry-After: 120\r\n",
            1,
        );
        let msg = parse(text.as_bytes()).unwrap();
        let realms: Vec<_> = msg.www_authenticate().map(|c| c.unwrap().realm()).collect();
        assert_eq!(realms, [Some("a"), Some("b")]);
        let causes: Vec<_> = msg.reasons().map(|r| r.unwrap().cause).collect();
        assert_eq!(causes, [Some(200), Some(16)]);
        assert!(msg.retry_after().unwrap().is_some());
        assert_eq!(msg.authorization().count(), 0);
    }

    #[test]
    fn value_errors_carry_the_header_and_message_offset() {
        let text = INVITE.replace("x: 1800;", "x: soon;");
        let msg = parse(text.as_bytes()).unwrap();
        let err = msg.session_expires().unwrap_err();
        let at = text.find("soon").unwrap();
        assert_eq!(err.offset(), Some(at));
        assert!(matches!(
            err,
            Error::Value {
                header: HeaderName::SessionExpires,
                ..
            }
        ));
        let text = INVITE.replace("k: timer", "k: ti mer");
        let msg = parse(text.as_bytes()).unwrap();
        let err = msg.supported().next().unwrap().unwrap_err();
        assert_eq!(err.offset(), Some(text.find("ti mer").unwrap() + 2));
    }
}
