//! URIs of SIP messages.

pub(crate) mod host;

pub use host::Host;
