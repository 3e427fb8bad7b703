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
mod tests;
