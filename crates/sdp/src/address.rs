//! Network addresses of `c=` and `o=` lines (RFC 8866 §5.2 and §5.7), IPv4 and IPv6.

use crate::syntax::{is_non_ws, is_token, parse_u64, split_fields, split_once_byte};
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

/// The `<addrtype>` of `c=`/`o=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressType<'a> {
    /// `IP4`
    Ip4,
    /// `IP6`
    Ip6,
    /// Any other token, kept as written.
    Other(&'a str),
}

impl<'a> AddressType<'a> {
    fn parse(s: &'a str) -> Option<Self> {
        match s {
            "IP4" => Some(AddressType::Ip4),
            "IP6" => Some(AddressType::Ip6),
            other if is_token(other) => Some(AddressType::Other(other)),
            _ => None,
        }
    }

    /// The type as written on the line.
    pub fn as_str(&self) -> &'a str {
        match self {
            AddressType::Ip4 => "IP4",
            AddressType::Ip6 => "IP6",
            AddressType::Other(s) => s,
        }
    }
}

/// A host: an IP address, or a name (FQDN, or any address of an unknown address type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host<'a> {
    /// An IPv4 address.
    Ip4(Ipv4Addr),
    /// An IPv6 address.
    Ip6(Ipv6Addr),
    /// A domain name, or the address of an address type other than IP4/IP6.
    Name(&'a str),
}

impl fmt::Display for Host<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Ip4(a) => write!(f, "{a}"),
            Host::Ip6(a) => write!(f, "{a}"),
            Host::Name(n) => f.write_str(n),
        }
    }
}

/// A network address as `o=` and `c=` carry it: network type, address type and host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Address<'a> {
    /// `<nettype>`, `IN` in practice.
    pub net_type: &'a str,
    /// `<addrtype>`.
    pub addr_type: AddressType<'a>,
    /// The host, checked against the address type.
    pub host: Host<'a>,
}

impl<'a> Address<'a> {
    /// An `IN IP4` or `IN IP6` address.
    pub fn ip(ip: core::net::IpAddr) -> Address<'static> {
        match ip {
            core::net::IpAddr::V4(a) => Address {
                net_type: "IN",
                addr_type: AddressType::Ip4,
                host: Host::Ip4(a),
            },
            core::net::IpAddr::V6(a) => Address {
                net_type: "IN",
                addr_type: AddressType::Ip6,
                host: Host::Ip6(a),
            },
        }
    }

    /// Parses `<nettype> <addrtype> <address>` (the address without multicast suffixes).
    pub(crate) fn parse(
        net_type: &'a str,
        addr_type: &'a str,
        host: &'a str,
    ) -> Result<Self, &'static str> {
        if !is_token(net_type) {
            return Err("invalid network type");
        }
        let addr_type = AddressType::parse(addr_type).ok_or("invalid address type")?;
        let host = parse_host(addr_type, host).ok_or("invalid address for its address type")?;
        Ok(Address {
            net_type,
            addr_type,
            host,
        })
    }
}

fn parse_host<'a>(addr_type: AddressType<'a>, s: &'a str) -> Option<Host<'a>> {
    match addr_type {
        AddressType::Ip4 => parse_ipv4(s).map(Host::Ip4).or_else(|| domain_name(s)),
        AddressType::Ip6 => s.parse().map(Host::Ip6).ok().or_else(|| domain_name(s)),
        AddressType::Other(_) => is_non_ws(s).then_some(Host::Name(s)),
    }
}

/// Dotted-quad IPv4 (`IP4-address` of RFC 8866: no leading zeros beyond a single `0`): the
/// generic `FromStr` costs as much as the rest of an `o=` line.
fn parse_ipv4(s: &str) -> Option<Ipv4Addr> {
    ipv4_prefix(s.as_bytes(), 0)
        .filter(|(_, end)| *end == s.len())
        .map(|(ip, _)| ip)
}

/// The dotted quad that starts at `at` and ends at the first byte that is neither a digit
/// nor a dot, and where it ends; `None` when those bytes are not a valid dotted quad.
#[inline(always)]
pub(crate) fn ipv4_prefix(b: &[u8], at: usize) -> Option<(Ipv4Addr, usize)> {
    // A quad and the byte after it fit in 16 bytes: read from a copied window, whose
    // indices need no bounds checks, when the input has 16 bytes left.
    let read = match b.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
        Some(window) => dotted_quad_in(window),
        None => dotted_quad(|i| b.get(at.checked_add(i)?).copied()),
    };
    read.map(|(ip, len)| (ip, at + len))
}

/// [`dotted_quad`] on sixteen bytes: the four bytes an octet may span are read at once,
/// without a test of the end of the input between them.
#[inline(always)]
fn dotted_quad_in(window: &[u8; 16]) -> Option<(Ipv4Addr, usize)> {
    let digit = |i: usize| window[i & 15].wrapping_sub(b'0');
    let mut quad = [0u8; 4];
    let mut at = 0;
    for (k, slot) in quad.iter_mut().enumerate() {
        if k > 0 {
            if window[at & 15] != b'.' {
                return None;
            }
            at += 1;
        }
        // The fourth octet starts by byte 12, so its four bytes are in the window.
        let (value, len) = octet_of(digit(at), digit(at + 1), digit(at + 2), digit(at + 3))?;
        *slot = value;
        at += len;
    }
    let [a, b, c, d] = quad;
    (window[at & 15] != b'.').then_some((Ipv4Addr::new(a, b, c, d), at))
}

/// The octet that the digit values `a`, `b`, `c`, `d` (above 9 for a byte that is not a
/// digit) start with, and its length: as [`octet`] reads it.
#[inline(always)]
fn octet_of(a: u8, b: u8, c: u8, d: u8) -> Option<(u8, usize)> {
    if a > 9 {
        return None;
    }
    if b > 9 {
        return Some((a, 1));
    }
    if a == 0 {
        return None;
    }
    if c > 9 {
        return Some((a * 10 + b, 2));
    }
    if d <= 9 {
        return None;
    }
    let value = u16::from(a) * 100 + u16::from(b) * 10 + u16::from(c);
    Some((u8::try_from(value).ok()?, 3))
}

/// The dotted quad at the start of the bytes `byte(0)`, `byte(1)`, ... (`None` past the
/// end) and its length. It never reads past `byte(15)`: each of the four octets reads at
/// most four bytes from where the previous part ended.
#[inline(always)]
fn dotted_quad(byte: impl Fn(usize) -> Option<u8>) -> Option<(Ipv4Addr, usize)> {
    let digit = |i: usize| byte(i).map(|c| c.wrapping_sub(b'0')).filter(|d| *d <= 9);
    let dot = |i: usize| (byte(i) == Some(b'.')).then_some(i + 1);
    let (a, at) = octet(&digit, 0)?;
    let (b, at) = octet(&digit, dot(at)?)?;
    let (c, at) = octet(&digit, dot(at)?)?;
    let (d, at) = octet(&digit, dot(at)?)?;
    // A fifth part would make the bytes up to the next non-digit, non-dot byte invalid.
    (byte(at) != Some(b'.')).then_some((Ipv4Addr::new(a, b, c, d), at))
}

/// One decimal octet from `at` (`0`, or 1 to 3 digits without a leading zero, at most 255)
/// and where it ends. `None` also when a digit follows it: no longer run of digits is an
/// octet.
#[inline(always)]
fn octet(digit: &impl Fn(usize) -> Option<u8>, at: usize) -> Option<(u8, usize)> {
    let first = digit(at)?;
    let Some(second) = digit(at + 1) else {
        return Some((first, at + 1));
    };
    if first == 0 {
        return None;
    }
    let Some(third) = digit(at + 2) else {
        return Some((first * 10 + second, at + 2));
    };
    if digit(at + 3).is_some() {
        return None;
    }
    let value = u16::from(first) * 100 + u16::from(second) * 10 + u16::from(third);
    Some((u8::try_from(value).ok()?, at + 3))
}

/// An FQDN where an IP address may stand: letters, digits, `-` and `.`, with at least one
/// letter so that a mistyped address (`10.0.0.300`) is not taken for a name.
fn domain_name(s: &str) -> Option<Host<'_>> {
    let chars_ok = s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let has_letter = s.bytes().any(|b| b.is_ascii_alphabetic());
    (chars_ok && has_letter).then_some(Host::Name(s))
}

/// The value of a `c=` line: an address and, for multicast, the TTL (IPv4) and the number of
/// addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionData<'a> {
    /// Network type, address type and host.
    pub address: Address<'a>,
    /// IPv4 multicast TTL (`/ttl`).
    pub ttl: Option<u8>,
    /// Number of multicast addresses (`/count`).
    pub count: Option<u32>,
}

impl<'a> ConnectionData<'a> {
    /// Parses the value of a `c=` line.
    pub(crate) fn parse(value: &'a str) -> Result<Self, &'static str> {
        let [net, kind, addr] =
            split_fields::<3>(value).ok_or("expected `<nettype> <addrtype> <address>`")?;
        let (host, suffix) = match kind {
            "IP4" | "IP6" => split_once_byte(addr, b'/'),
            _ => (addr, None),
        };
        let address = Address::parse(net, kind, host)?;
        let (ttl, count) = parse_multicast_suffix(address.addr_type, suffix)?;
        Ok(ConnectionData {
            address,
            ttl,
            count,
        })
    }
}

fn parse_multicast_suffix(
    kind: AddressType<'_>,
    suffix: Option<&str>,
) -> Result<(Option<u8>, Option<u32>), &'static str> {
    let Some(suffix) = suffix else {
        return Ok((None, None));
    };
    let number = |s: &str| parse_u64(s).ok_or("invalid multicast suffix");
    let (first, second) = split_once_byte(suffix, b'/');
    match kind {
        AddressType::Ip4 => {
            let ttl = u8::try_from(number(first)?).map_err(|_| "TTL above 255")?;
            let count = second
                .map(|c| number(c).and_then(|n| u32::try_from(n).map_err(|_| "count too large")))
                .transpose()?;
            Ok((Some(ttl), count))
        }
        _ if second.is_none() => {
            let count = u32::try_from(number(first)?).map_err(|_| "count too large")?;
            Ok((None, Some(count)))
        }
        _ => Err("IP6 takes one /count suffix"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ipv4_and_ipv6() {
        let c = ConnectionData::parse("IN IP4 192.0.2.1").unwrap();
        assert_eq!(c.address.host, Host::Ip4(Ipv4Addr::new(192, 0, 2, 1)));
        assert_eq!(c.address.addr_type, AddressType::Ip4);
        let c = ConnectionData::parse("IN IP6 2001:db8::1").unwrap();
        assert_eq!(c.address.host, Host::Ip6("2001:db8::1".parse().unwrap()));
        assert_eq!(c.ttl, None);
    }

    #[test]
    fn parses_dotted_quads_only() {
        assert_eq!(parse_ipv4("0.0.0.0"), Some(Ipv4Addr::new(0, 0, 0, 0)));
        assert_eq!(
            parse_ipv4("255.255.255.255"),
            Some(Ipv4Addr::new(255, 255, 255, 255))
        );
        for bad in [
            "256.0.0.1",
            "1.2.3",
            "1.2.3.4.5",
            "01.2.3.4",
            "1..3.4",
            "",
            "1.2.3.4 ",
            "+1.2.3.4",
            "1.2.3.0004",
        ] {
            assert_eq!(parse_ipv4(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        /// A dotted quad is read exactly as the standard library reads it (which also
        /// refuses leading zeros), for any text of digits and dots, and the same when other
        /// bytes follow it (read through the 16-byte window or byte by byte).
        #[test]
        fn dotted_quads_read_as_the_standard_library_reads_them(
            s in "[0-9.]{0,17}",
            after in "[ x/\r]{0,18}",
        ) {
            let std = s.parse::<Ipv4Addr>().ok();
            proptest::prop_assert_eq!(parse_ipv4(&s), std);
            let text = format!("{s}{after}");
            let prefix = ipv4_prefix(text.as_bytes(), 0);
            proptest::prop_assert_eq!(prefix, std.map(|ip| (ip, s.len())));
        }
    }

    proptest::proptest! {
        /// The sixteen-byte reading of a dotted quad gives what the byte-by-byte reading
        /// gives, on windows of digits, dots and other bytes in any order.
        #[test]
        fn window_reads_quads_like_the_byte_reader(
            window in proptest::array::uniform16(proptest::prop_oneof![
                6 => b'0'..=b'9',
                3 => proptest::prelude::Just(b'.'),
                1 => proptest::prelude::any::<u8>(),
            ]),
        ) {
            let bytes = |i: usize| window.get(i).copied();
            proptest::prop_assert_eq!(dotted_quad_in(&window), dotted_quad(bytes));
        }
    }

    #[test]
    fn parses_multicast_suffixes() {
        let c = ConnectionData::parse("IN IP4 233.252.0.1/127/3").unwrap();
        assert_eq!((c.ttl, c.count), (Some(127), Some(3)));
        let c = ConnectionData::parse("IN IP6 ff00::db8:0:101/3").unwrap();
        assert_eq!((c.ttl, c.count), (None, Some(3)));
        assert!(ConnectionData::parse("IN IP4 233.252.0.1/256").is_err());
        assert!(ConnectionData::parse("IN IP6 ff00::1/3/4").is_err());
    }

    #[test]
    fn accepts_domain_names_and_unknown_types() {
        let c = ConnectionData::parse("IN IP4 host.example.com").unwrap();
        assert_eq!(c.address.host, Host::Name("host.example.com"));
        let c = ConnectionData::parse("IN X-FOO whatever:value").unwrap();
        assert_eq!(c.address.addr_type, AddressType::Other("X-FOO"));
    }

    #[test]
    fn rejects_bad_addresses() {
        assert!(ConnectionData::parse("IN IP4 10.0.0.300").is_err());
        assert!(ConnectionData::parse("IN IP6 2001:db8::zz").is_err());
        assert!(ConnectionData::parse("IN IP4").is_err());
        assert!(ConnectionData::parse("IN IP4 1.2.3.4 extra").is_err());
        assert!(ConnectionData::parse("IN  IP4 1.2.3.4").is_err());
        assert!(ConnectionData::parse("I N IP4 1.2.3.4").is_err());
    }
}
