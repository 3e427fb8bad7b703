//! Writing the session description of one MSRP message stream: the large-message client's
//! offer (RFC 4975 §8, OMA CPM 7.3.2.1 item 11) or, with other settings, an answer.

use crate::address::{Address, AddressType, Host};
use crate::attribute::accept_types::{is_mime_token, MediaRange};
use crate::attribute::direction::Direction;
use crate::attribute::setup::{ConnectionMode, Setup};
use crate::attribute::Attribute;
use crate::error::BuildError;
use crate::media::MsrpTransport;
use crate::sink::Sink;
use crate::syntax::{is_non_ws, is_token};
use msrp_codec::MsrpUri;

/// Attributes this builder writes from its typed fields; extra attributes may not repeat them.
const TYPED_NAMES: [&str; 10] = [
    "sendrecv",
    "sendonly",
    "recvonly",
    "inactive",
    "path",
    "accept-types",
    "accept-wrapped-types",
    "max-size",
    "setup",
    "connection",
];

/// A session description with one `m=message` stream. Every value is checked before a byte
/// is written, so the output always parses; lines end with CRLF.
///
/// ```
/// use sdp::{Address, MediaRange, MsrpDescription};
/// use msrp_codec::MsrpUri;
///
/// let path = [MsrpUri::parse("msrp://192.0.2.10:7394/jshA7weztas;tcp").unwrap()];
/// let types = [MediaRange::Exact("message", "cpim")];
/// let address = Address::ip([192, 0, 2, 10].into());
/// let mut offer = MsrpDescription::offer(address, 7394, &path, &types);
/// offer.session_id = 2890844526;
///
/// let mut buf = [0u8; 512];
/// let len = offer.write_to(&mut buf)?;
/// let parsed = sdp::SessionDescription::parse(&buf[..len]).unwrap();
/// assert_eq!(parsed.direction_of(&parsed.media()[0]), sdp::Direction::SendOnly);
///
/// offer.next_version()?; // a session refresh sends the same description, one version up
/// assert_eq!(offer.session_version, 1);
/// # Ok::<(), sdp::BuildError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MsrpDescription<'a> {
    /// `o=` username; `-` when there is none. No spaces.
    pub username: &'a str,
    /// `o=` session id.
    pub session_id: u64,
    /// `o=` session version, incremented by [`next_version`](Self::next_version).
    pub session_version: u64,
    /// `s=`; `-` by default.
    pub session_name: &'a str,
    /// Address of `o=` and of the session-level `c=`.
    pub address: Address<'a>,
    /// `m=` port (informational for MSRP; the path decides).
    pub port: u16,
    /// `TCP/MSRP` or `TCP/TLS/MSRP`.
    pub transport: MsrpTransport,
    /// `a=path`, first URI first; the last one is our own.
    pub path: &'a [MsrpUri<'a>],
    /// `a=accept-types`; must not be empty.
    pub accept_types: &'a [MediaRange<'a>],
    /// `a=accept-wrapped-types`; omitted when empty.
    pub accept_wrapped_types: &'a [MediaRange<'a>],
    /// `a=max-size`.
    pub max_size: Option<u64>,
    /// The direction attribute; always written.
    pub direction: Direction,
    /// `a=setup`; omitted when `None`.
    pub setup: Option<Setup>,
    /// `a=connection`; omitted when `None`.
    pub connection_mode: Option<ConnectionMode>,
    /// Further media-level attributes (e.g. `file-selector`), written after the typed ones.
    pub attributes: &'a [Attribute<'a>],
}

impl<'a> MsrpDescription<'a> {
    /// A large-message offer: `sendonly`, `a=setup:actpass` (RFC 6135 lets the answerer pick
    /// the role, which helps a client behind NAT; set `setup` to `Some(Setup::Active)` or
    /// `None` for peers that only know the RFC 4975 model), `TCP/MSRP`, session id and
    /// version 0.
    pub fn offer(
        address: Address<'a>,
        port: u16,
        path: &'a [MsrpUri<'a>],
        accept_types: &'a [MediaRange<'a>],
    ) -> Self {
        MsrpDescription {
            username: "-",
            session_id: 0,
            session_version: 0,
            session_name: "-",
            address,
            port,
            transport: MsrpTransport::Tcp,
            path,
            accept_types,
            accept_wrapped_types: &[],
            max_size: None,
            direction: Direction::SendOnly,
            setup: Some(Setup::ActPass),
            connection_mode: None,
            attributes: &[],
        }
    }

    /// Increments the `o=` session version, as a modified or refreshed session requires.
    pub fn next_version(&mut self) -> Result<(), BuildError> {
        self.session_version = self
            .session_version
            .checked_add(1)
            .ok_or(BuildError::VersionOverflow)?;
        Ok(())
    }

    /// The number of bytes [`write_to`](Self::write_to) writes.
    pub fn encoded_len(&self) -> Result<usize, BuildError> {
        self.check()?;
        let mut sink = Sink::Slice {
            buf: &mut [],
            len: 0,
        };
        self.write(&mut sink);
        Ok(sink.len())
    }

    /// Writes into `out` and returns the length written.
    pub fn write_to(&self, out: &mut [u8]) -> Result<usize, BuildError> {
        self.check()?;
        let capacity = out.len();
        let mut sink = Sink::Slice { buf: out, len: 0 };
        self.write(&mut sink);
        match sink.len() {
            needed if needed > capacity => Err(BuildError::BufferTooSmall { needed }),
            len => Ok(len),
        }
    }

    /// Replaces the contents of `out` (keeping its allocation) with the description.
    #[cfg(feature = "alloc")]
    pub fn write_vec(&self, out: &mut alloc::vec::Vec<u8>) -> Result<(), BuildError> {
        self.check()?;
        out.clear();
        self.write(&mut Sink::Vec(out));
        Ok(())
    }

    fn check(&self) -> Result<(), BuildError> {
        let invalid = |field| Err(BuildError::InvalidValue { field });
        if !is_non_ws(self.username) {
            return invalid("o= username");
        }
        if self.session_name.is_empty() || !is_line_safe(self.session_name) {
            return invalid("s=");
        }
        check_address(&self.address)?;
        if self.path.is_empty() || !self.path.iter().all(writes_one_token) {
            return invalid("a=path");
        }
        if self.accept_types.is_empty() || !self.accept_types.iter().all(valid_range) {
            return invalid("a=accept-types");
        }
        if !self.accept_wrapped_types.iter().all(valid_range) {
            return invalid("a=accept-wrapped-types");
        }
        self.attributes.iter().try_for_each(check_attribute)
    }

    fn write(&self, out: &mut Sink<'_>) {
        out.fmt(format_args!(
            "v=0\r\no={} {} {} ",
            self.username, self.session_id, self.session_version
        ));
        write_address(out, &self.address);
        out.fmt(format_args!("\r\ns={}\r\nc=", self.session_name));
        write_address(out, &self.address);
        out.fmt(format_args!(
            "\r\nt=0 0\r\nm=message {} {} *\r\n",
            self.port,
            self.transport.as_str()
        ));
        out.fmt(format_args!("a={}\r\na=path:", self.direction));
        write_list(out, self.path.iter());
        out.push("\r\na=accept-types:");
        write_list(out, self.accept_types.iter());
        out.push("\r\n");
        if !self.accept_wrapped_types.is_empty() {
            out.push("a=accept-wrapped-types:");
            write_list(out, self.accept_wrapped_types.iter());
            out.push("\r\n");
        }
        self.write_optional(out);
    }

    fn write_optional(&self, out: &mut Sink<'_>) {
        if let Some(size) = self.max_size {
            out.fmt(format_args!("a=max-size:{size}\r\n"));
        }
        if let Some(setup) = self.setup {
            out.fmt(format_args!("a=setup:{setup}\r\n"));
        }
        if let Some(mode) = self.connection_mode {
            out.fmt(format_args!("a=connection:{}\r\n", mode.as_str()));
        }
        for attr in self.attributes {
            match attr.value {
                Some(value) => out.fmt(format_args!("a={}:{}\r\n", attr.name, value)),
                None => out.fmt(format_args!("a={}\r\n", attr.name)),
            }
        }
    }
}

fn write_address(out: &mut Sink<'_>, address: &Address<'_>) {
    out.fmt(format_args!(
        "{} {} {}",
        address.net_type,
        address.addr_type.as_str(),
        address.host
    ));
}

fn write_list<T: core::fmt::Display>(out: &mut Sink<'_>, items: impl Iterator<Item = T>) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(" ");
        }
        out.fmt(format_args!("{item}"));
    }
}

/// Whether a URI's text is one non-empty run without SP, CR, LF or NUL, so that it stays one
/// item of the space-separated path list however it was built.
fn writes_one_token(uri: &MsrpUri<'_>) -> bool {
    struct Check {
        empty: bool,
        ok: bool,
    }
    impl core::fmt::Write for Check {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            self.empty &= s.is_empty();
            self.ok &= !s.bytes().any(|b| matches!(b, b' ' | b'\r' | b'\n' | 0));
            Ok(())
        }
    }
    let mut check = Check {
        empty: true,
        ok: true,
    };
    let written = core::fmt::write(&mut check, format_args!("{uri}")).is_ok();
    written && check.ok && !check.empty
}

/// A value that may sit on one line: no CR, LF or NUL (`byte-string` of RFC 8866).
fn is_line_safe(s: &str) -> bool {
    !s.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0))
}

fn valid_range(range: &MediaRange<'_>) -> bool {
    match *range {
        MediaRange::Any => true,
        MediaRange::AnySubtype(ty) => is_mime_token(ty) && ty != "*",
        MediaRange::Exact(ty, subtype) => is_mime_token(ty) && ty != "*" && is_mime_token(subtype),
    }
}

fn check_address(address: &Address<'_>) -> Result<(), BuildError> {
    let invalid = Err(BuildError::InvalidValue { field: "address" });
    if !is_token(address.net_type) {
        return invalid;
    }
    let host_ok = match (address.addr_type, address.host) {
        (AddressType::Ip4, Host::Ip4(_)) | (AddressType::Ip6, Host::Ip6(_)) => true,
        (AddressType::Ip4 | AddressType::Ip6, Host::Name(name)) => {
            Address::parse(address.net_type, address.addr_type.as_str(), name).is_ok()
        }
        (AddressType::Other(kind), Host::Name(name)) => is_token(kind) && is_non_ws(name),
        _ => false,
    };
    if host_ok {
        Ok(())
    } else {
        invalid
    }
}

fn check_attribute(attr: &Attribute<'_>) -> Result<(), BuildError> {
    let value_ok = attr.value.map_or(true, is_line_safe);
    if is_token(attr.name) && value_ok && !TYPED_NAMES.contains(&attr.name) {
        Ok(())
    } else {
        Err(BuildError::InvalidValue { field: "a=" })
    }
}

#[cfg(test)]
mod tests;
