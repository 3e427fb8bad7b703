//! Header names: the known ones as an enum, matched case-insensitively and with compact forms
//! (RFC 3261 7.3.3 and the IANA SIP header registry) expanded, so that the rest of the crate
//! compares small integers instead of strings.

use core::fmt;

mod block;

macro_rules! header_names {
    ($($variant:ident => $canonical:literal $(, $compact:literal)?;)*) => {
        /// A header name the crate knows, or [`HeaderName::Other`].
        ///
        /// Known names compare equal whatever the case or compact form they were written in:
        /// `v`, `VIA` and `Via` are all [`HeaderName::Via`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum HeaderName {
            $(
                #[doc = concat!("`", $canonical, "`", $(" (compact form `", $compact, "`)",)? ".")]
                $variant,
            )*
            /// A name this crate has no entry for; the message keeps it as written.
            Other,
        }

        impl HeaderName {
            /// Every known name, for tests and tables.
            pub const ALL: &'static [HeaderName] = &[$(HeaderName::$variant,)*];

            /// The canonical spelling, e.g. `"Call-ID"`; `""` for [`HeaderName::Other`].
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(HeaderName::$variant => $canonical,)*
                    HeaderName::Other => "",
                }
            }

            /// The compact form, if the header has one.
            pub const fn compact(self) -> Option<char> {
                match self {
                    $($(HeaderName::$variant => Some($compact),)?)*
                    _ => None,
                }
            }
        }
    };
}

header_names! {
    Accept => "Accept";
    AcceptContact => "Accept-Contact", 'a';
    AcceptEncoding => "Accept-Encoding";
    AcceptLanguage => "Accept-Language";
    AlertInfo => "Alert-Info";
    Allow => "Allow";
    AllowEvents => "Allow-Events", 'u';
    AuthenticationInfo => "Authentication-Info";
    Authorization => "Authorization";
    CallId => "Call-ID", 'i';
    CallInfo => "Call-Info";
    Contact => "Contact", 'm';
    ContentDisposition => "Content-Disposition";
    ContentEncoding => "Content-Encoding", 'e';
    ContentLanguage => "Content-Language";
    ContentLength => "Content-Length", 'l';
    ContentType => "Content-Type", 'c';
    ContributionId => "Contribution-ID";
    ConversationId => "Conversation-ID";
    CSeq => "CSeq";
    Date => "Date";
    ErrorInfo => "Error-Info";
    Event => "Event", 'o';
    Expires => "Expires";
    From => "From", 'f';
    Identity => "Identity", 'y';
    IdentityInfo => "Identity-Info", 'n';
    InReplyTo => "In-Reply-To";
    MaxForwards => "Max-Forwards";
    MimeVersion => "MIME-Version";
    MinExpires => "Min-Expires";
    MinSe => "Min-SE";
    Organization => "Organization";
    PAssertedIdentity => "P-Asserted-Identity";
    PPreferredIdentity => "P-Preferred-Identity";
    PPreferredService => "P-Preferred-Service";
    Path => "Path";
    Priority => "Priority";
    Privacy => "Privacy";
    ProxyAuthenticate => "Proxy-Authenticate";
    ProxyAuthorization => "Proxy-Authorization";
    ProxyRequire => "Proxy-Require";
    RAck => "RAck";
    Reason => "Reason";
    RecordRoute => "Record-Route";
    ReferTo => "Refer-To", 'r';
    ReferredBy => "Referred-By", 'b';
    RejectContact => "Reject-Contact", 'j';
    Replaces => "Replaces";
    ReplyTo => "Reply-To";
    RequestDisposition => "Request-Disposition", 'd';
    Require => "Require";
    RetryAfter => "Retry-After";
    Route => "Route";
    RSeq => "RSeq";
    Server => "Server";
    ServiceRoute => "Service-Route";
    SessionExpires => "Session-Expires", 'x';
    Subject => "Subject", 's';
    SubscriptionState => "Subscription-State";
    Supported => "Supported", 'k';
    Timestamp => "Timestamp";
    To => "To", 't';
    Unsupported => "Unsupported";
    UserAgent => "User-Agent";
    Via => "Via", 'v';
    Warning => "Warning";
    WwwAuthenticate => "WWW-Authenticate";
}

impl HeaderName {
    /// Recognizes a header name as written in a message (any case, compact or full form).
    ///
    /// ```
    /// use sip_msg::HeaderName;
    /// assert_eq!(HeaderName::from_bytes(b"v"), HeaderName::Via);
    /// assert_eq!(HeaderName::from_bytes(b"call-id"), HeaderName::CallId);
    /// assert_eq!(HeaderName::from_bytes(b"X-Custom"), HeaderName::Other);
    /// ```
    pub fn from_bytes(name: &[u8]) -> HeaderName {
        match Self::recognize(name) {
            // The comparison ignores the ASCII case bit, which would also let a control byte
            // pass for a `-`; names in messages are tokens, and so must be the ones given here.
            known if name.iter().all(|&b| crate::grammar::is_token(b)) => known,
            _ => HeaderName::Other,
        }
    }

    /// [`HeaderName::from_bytes`] for a name from a header line, which holds no CR: the
    /// comparison ignores the ASCII case bit, and CR is the only byte that differs from a
    /// canonical name's `-` or letters by that bit alone without being the same character.
    pub(crate) fn recognize(name: &[u8]) -> HeaderName {
        match name {
            [] => HeaderName::Other,
            [c] => Self::from_compact(c.to_ascii_lowercase()),
            [_, _] | [_, _, _] => Self::short(name),
            _ => match NAME_TABLE.get(name_hash(name)) {
                Some(&(candidate, canonical)) if same_ignoring_case(canonical, name) => candidate,
                _ => HeaderName::Other,
            },
        }
    }

    /// The known names shorter than four bytes, which [`name_hash`] does not cover.
    fn short(name: &[u8]) -> HeaderName {
        let case_bits = 0x2020_2020u64 >> (8 * (4 - name.len().min(4)));
        let folded = window(name, 0, name.len()) | case_bits;
        if folded == u64::from(u16::from_le_bytes(*b"to")) {
            HeaderName::To
        } else if folded == u64::from(u32::from_le_bytes(*b"via\0")) {
            HeaderName::Via
        } else {
            HeaderName::Other
        }
    }

    fn from_compact(c: u8) -> HeaderName {
        use HeaderName::*;
        match c {
            b'a' => AcceptContact,
            b'b' => ReferredBy,
            b'c' => ContentType,
            b'd' => RequestDisposition,
            b'e' => ContentEncoding,
            b'f' => From,
            b'i' => CallId,
            b'j' => RejectContact,
            b'k' => Supported,
            b'l' => ContentLength,
            b'm' => Contact,
            b'n' => IdentityInfo,
            b'o' => Event,
            b'r' => ReferTo,
            b's' => Subject,
            b't' => To,
            b'u' => AllowEvents,
            b'v' => Via,
            b'x' => SessionExpires,
            b'y' => Identity,
            _ => Other,
        }
    }

    /// Whether the header's grammar is a comma-separated list (RFC 3261 7.3.1), so that several
    /// lines and one comma-joined line mean the same.
    pub const fn is_list(self) -> bool {
        use HeaderName::*;
        matches!(
            self,
            Accept
                | AcceptContact
                | AcceptEncoding
                | AcceptLanguage
                | AlertInfo
                | Allow
                | AllowEvents
                | CallInfo
                | Contact
                | ContentEncoding
                | ContentLanguage
                | ErrorInfo
                | InReplyTo
                | PAssertedIdentity
                | PPreferredIdentity
                | PPreferredService
                | Path
                | Privacy
                | ProxyRequire
                | Reason
                | RecordRoute
                | RejectContact
                | Require
                | Route
                | ServiceRoute
                | Supported
                | Unsupported
                | Via
                | Warning
        )
    }
}

/// Multiplier of [`name_hash`], chosen so that no two known names share a slot of
/// [`NAME_TABLE`]; building the table fails at compile time if a new name collides.
const NAME_HASH_MULTIPLIER: u64 = 0xaa0e_1237_3a32_f9af;

/// A slot in 0..256 for a name of four or more bytes, from its length, its first four and
/// its last two bytes (case-folded): two loads and one multiplication instead of a search,
/// so recognizing a name costs one table load and one comparison.
const fn name_hash(name: &[u8]) -> usize {
    let n = name.len();
    let first = word_at(name, 0, 4) | 0x2020_2020;
    let last = word_at(name, n.saturating_sub(2), 2) | 0x2020;
    let key = first | last << 32 | (n as u64 & 0xffff) << 48;
    (key.wrapping_mul(NAME_HASH_MULTIPLIER) >> 56) as usize
}

/// `width` bytes from `at`, little-endian; bytes past the end read as zero.
const fn word_at(name: &[u8], at: usize, width: usize) -> u64 {
    let mut word = 0u64;
    let mut i = 0;
    while i < width {
        if at + i < name.len() {
            word |= (name[at + i] as u64) << (8 * i);
        }
        i += 1;
    }
    word
}

/// Known names by [`name_hash`] slot; empty slots hold [`HeaderName::Other`].
static NAME_TABLE: [(HeaderName, &[u8]); 256] = build_name_table();

const fn build_name_table() -> [(HeaderName, &'static [u8]); 256] {
    let mut table: [(HeaderName, &'static [u8]); 256] = [(HeaderName::Other, b""); 256];
    let mut i = 0;
    while i < HeaderName::ALL.len() {
        let name = HeaderName::ALL[i];
        let canonical = name.as_str().as_bytes();
        if canonical.len() < 4 {
            i += 1;
            continue;
        }
        let slot = name_hash(canonical);
        assert!(
            matches!(table[slot].0, HeaderName::Other),
            "header name hash collision"
        );
        table[slot] = (name, canonical);
        i += 1;
    }
    table
}

/// Case-insensitive equality for a canonical name (letters and `-` only) and a token: bytes
/// may differ only in the ASCII case bit, which for a token byte facing a letter or `-` means
/// the same letter in the other case. Branch-free so that it costs a few instructions.
fn same_ignoring_case(canonical: &[u8], name: &[u8]) -> bool {
    let len = name.len();
    if canonical.len() != len {
        return false;
    }
    // Two or three overlapping windows cover every byte without a loop.
    let same = |at: usize, width: usize| {
        let (a, b) = (window(canonical, at, width), window(name, at, width));
        (a ^ b) & !0x2020_2020_2020_2020 == 0
    };
    match len {
        0..=1 => canonical == name,
        2..=3 => same(0, 2) && same(len - 2, 2),
        4..=7 => same(0, 4) && same(len - 4, 4),
        _ => same(0, 8) && same(len - 8, 8) && (len <= 16 || same(8, 8)),
    }
}

/// `width` (at most 8) bytes from `at`, little-endian, zero-extended.
fn window(bytes: &[u8], at: usize, width: usize) -> u64 {
    let mut word = [0u8; 8];
    if let (Some(dst), Some(src)) = (word.get_mut(..width), bytes.get(at..at + width)) {
        dst.copy_from_slice(src);
    }
    u64::from_le_bytes(word)
}

impl fmt::Display for HeaderName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canonical_name_is_recognized_in_any_case() {
        for &name in HeaderName::ALL {
            let canonical = name.as_str();
            assert_eq!(
                HeaderName::from_bytes(canonical.as_bytes()),
                name,
                "{canonical}"
            );
            let mut upper = [0u8; 32];
            let upper = &mut upper[..canonical.len()];
            upper.copy_from_slice(canonical.as_bytes());
            upper.make_ascii_uppercase();
            assert_eq!(HeaderName::from_bytes(upper), name, "{canonical} upper");
            upper.make_ascii_lowercase();
            assert_eq!(HeaderName::from_bytes(upper), name, "{canonical} lower");
        }
    }

    #[test]
    fn compact_forms_expand_to_full_names() {
        let table = [
            ("i", "Call-ID"),
            ("m", "Contact"),
            ("e", "Content-Encoding"),
            ("l", "Content-Length"),
            ("c", "Content-Type"),
            ("f", "From"),
            ("s", "Subject"),
            ("k", "Supported"),
            ("t", "To"),
            ("v", "Via"),
            ("x", "Session-Expires"),
            ("a", "Accept-Contact"),
            ("u", "Allow-Events"),
            ("o", "Event"),
            ("r", "Refer-To"),
            ("b", "Referred-By"),
            ("j", "Reject-Contact"),
            ("d", "Request-Disposition"),
            ("y", "Identity"),
            ("n", "Identity-Info"),
        ];
        for (compact, full) in table {
            let name = HeaderName::from_bytes(compact.as_bytes());
            assert_eq!(name.as_str(), full);
            assert_eq!(
                name.compact().map(|c| c.to_string()),
                Some(compact.to_string())
            );
            let upper = compact.to_ascii_uppercase();
            assert_eq!(HeaderName::from_bytes(upper.as_bytes()), name);
        }
    }

    #[test]
    fn near_misses_are_other() {
        for name in [
            "", "q", "Vias", "Via-", "Cseq1", "Contect", "Refer-Tx", "X-Via", "To:",
        ] {
            assert_eq!(
                HeaderName::from_bytes(name.as_bytes()),
                HeaderName::Other,
                "{name}"
            );
        }
    }

    #[test]
    fn colliding_shapes_are_told_apart() {
        assert_eq!(HeaderName::from_bytes(b"reply-to"), HeaderName::ReplyTo);
        assert_eq!(HeaderName::from_bytes(b"REFER-TO"), HeaderName::ReferTo);
        assert_eq!(
            HeaderName::from_bytes(b"Conversation-ID"),
            HeaderName::ConversationId
        );
        assert_eq!(
            HeaderName::from_bytes(b"contribution-id"),
            HeaderName::ContributionId
        );
    }
}
