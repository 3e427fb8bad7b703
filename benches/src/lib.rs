//! Shared fixtures for the benchmarks: the messages measured and a heap-allocation counter,
//! so that every criterion run can also report allocations per operation.

pub mod alloc_counter;
pub mod sip_peers;
