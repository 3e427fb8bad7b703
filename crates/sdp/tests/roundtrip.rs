//! Property tests of the builder and parser together.

use msrp_codec::MsrpUri;
use proptest::prelude::*;
use sdp::{
    Address, Attribute, ConnectionMode, Direction, MediaRange, MsrpDescription, MsrpTransport,
    SessionDescription, Setup,
};
use std::net::IpAddr;

/// Owned inputs of one description, so the borrowed builder can point into them.
#[derive(Debug, Clone)]
struct Inputs {
    username: String,
    session_id: u64,
    session_version: u64,
    session_name: String,
    ip: IpAddr,
    port: u16,
    tls: bool,
    path: Vec<String>,
    types: Vec<(String, Option<String>)>,
    wrapped: Vec<(String, Option<String>)>,
    max_size: Option<u64>,
    direction: Direction,
    setup: Option<Setup>,
    connection: Option<ConnectionMode>,
    extra: Vec<(String, Option<String>)>,
}

fn token() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9.+-]{0,10}"
}

fn range() -> impl Strategy<Value = (String, Option<String>)> {
    (token(), proptest::option::of(token()))
}

fn uri() -> impl Strategy<Value = String> {
    (
        "msrps?",
        "[a-z]{1,8}(\\.[a-z]{2,5}){0,2}",
        1u16..=65535,
        "[A-Za-z0-9]{1,12}",
    )
        .prop_map(|(scheme, host, port, id)| format!("{scheme}://{host}:{port}/{id};tcp"))
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::SendRecv),
        Just(Direction::SendOnly),
        Just(Direction::RecvOnly),
        Just(Direction::Inactive)
    ]
}

fn setup() -> impl Strategy<Value = Option<Setup>> {
    proptest::option::of(prop_oneof![
        Just(Setup::Active),
        Just(Setup::Passive),
        Just(Setup::ActPass),
        Just(Setup::HoldConn)
    ])
}

fn extra() -> impl Strategy<Value = (String, Option<String>)> {
    ("x-[a-z]{1,8}", proptest::option::of("[ -~]{0,20}"))
}

fn inputs() -> impl Strategy<Value = Inputs> {
    let head = (
        "[!-~]{1,12}",
        any::<u64>(),
        any::<u64>(),
        "[ -~]{1,20}",
        any::<IpAddr>(),
        any::<u16>(),
        any::<bool>(),
    );
    let media = (
        prop::collection::vec(uri(), 1..4),
        prop::collection::vec(range(), 1..5),
        prop::collection::vec(range(), 0..3),
        proptest::option::of(any::<u64>()),
        direction(),
        setup(),
        proptest::option::of(prop_oneof![
            Just(ConnectionMode::New),
            Just(ConnectionMode::Existing)
        ]),
        prop::collection::vec(extra(), 0..3),
    );
    (head, media).prop_map(|(h, m)| Inputs {
        username: h.0,
        session_id: h.1,
        session_version: h.2,
        session_name: h.3,
        ip: h.4,
        port: h.5,
        tls: h.6,
        path: m.0,
        types: m.1,
        wrapped: m.2,
        max_size: m.3,
        direction: m.4,
        setup: m.5,
        connection: m.6,
        extra: m.7,
    })
}

fn ranges(list: &[(String, Option<String>)]) -> Vec<MediaRange<'_>> {
    list.iter()
        .map(|(ty, sub)| match sub {
            Some(sub) => MediaRange::Exact(ty, sub),
            None => MediaRange::AnySubtype(ty),
        })
        .collect()
}

proptest! {
    /// Whatever valid values the builder is given, the description it writes parses, and
    /// parsing gives back every value: origin, name, address, port, transport, path URIs in
    /// order, both type lists, max-size, direction, setup, connection and extra attributes in
    /// order. The slice and the Vec outputs are the same bytes.
    #[test]
    fn build_then_parse_gives_the_same_fields(i in inputs()) {
        let path: Vec<MsrpUri<'_>> = i.path.iter().map(|u| MsrpUri::parse(u).unwrap()).collect();
        let types = ranges(&i.types);
        let wrapped = ranges(&i.wrapped);
        let extra: Vec<Attribute<'_>> = i.extra.iter().map(|(n, v)| Attribute { name: n, value: v.as_deref() }).collect();
        let mut d = MsrpDescription::offer(Address::ip(i.ip), i.port, &path, &types);
        d.username = &i.username;
        d.session_id = i.session_id;
        d.session_version = i.session_version;
        d.session_name = &i.session_name;
        d.transport = if i.tls { MsrpTransport::Tls } else { MsrpTransport::Tcp };
        d.accept_wrapped_types = &wrapped;
        d.max_size = i.max_size;
        d.direction = i.direction;
        d.setup = i.setup;
        d.connection_mode = i.connection;
        d.attributes = &extra;

        let mut buf = vec![0u8; d.encoded_len().unwrap()];
        let len = d.write_to(&mut buf).unwrap();
        let mut vec_out = Vec::new();
        d.write_vec(&mut vec_out).unwrap();
        prop_assert_eq!(&buf[..len], &vec_out[..]);

        let sdp = SessionDescription::parse(&buf).unwrap();
        prop_assert_eq!(sdp.origin().username, i.username.as_str());
        prop_assert_eq!(sdp.origin().session_id, i.session_id.to_string());
        prop_assert_eq!(sdp.origin().session_version, i.session_version);
        prop_assert_eq!(sdp.origin().address, Address::ip(i.ip));
        prop_assert_eq!(sdp.session_name(), i.session_name.as_str());
        prop_assert_eq!(sdp.connection().unwrap().address, Address::ip(i.ip));
        let (_, m) = sdp.message_stream().unwrap();
        prop_assert_eq!(m.port(), i.port);
        prop_assert_eq!(m.msrp_transport(), Some(d.transport));
        prop_assert_eq!(m.path().unwrap().uris().collect::<Vec<_>>(), path);
        prop_assert_eq!(m.accept_types().unwrap().iter().collect::<Vec<_>>(), types);
        let parsed_wrapped: Vec<_> = m.accept_wrapped_types().map(|t| t.iter().collect()).unwrap_or_default();
        prop_assert_eq!(parsed_wrapped, wrapped);
        prop_assert_eq!(m.max_size(), i.max_size);
        prop_assert_eq!(sdp.direction_of(m), i.direction);
        prop_assert_eq!(m.setup(), i.setup);
        prop_assert_eq!(m.connection_mode(), i.connection);
        let parsed_extra: Vec<_> = m.attributes().filter(|a| a.name.starts_with("x-")).collect();
        prop_assert_eq!(parsed_extra, extra);
    }

    /// Parsing never panics, whatever the bytes; when they parse, every accessor answers.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(sdp) = SessionDescription::parse(&bytes) {
            prop_assert!(sdp.lines().count() >= 4);
            for m in sdp.media() {
                let _ = (m.path(), m.accept_types(), sdp.direction_of(m), sdp.connection_of(m));
            }
        }
    }

    /// Mutating one byte of a valid offer either still parses or fails with an error whose
    /// offset lies within the input.
    #[test]
    fn mutated_offer_errors_point_inside_the_input(at in 0usize..307, byte in any::<u8>()) {
        let mut bytes = include_bytes!("../../../examples/msrp-offer.sdp").to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        let error = SessionDescription::parse(&bytes).err();
        if let Some(e) = error {
            prop_assert!(e.offset <= bytes.len(), "{e}");
        }
    }
}
