//! A global allocator wrapper that counts allocations, installed by each bench binary with
//! `#[global_allocator]`, so a benchmark can print allocations per parse beside its timings.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts every `alloc`/`realloc` that reaches the system allocator.
pub struct CountingAllocator;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is forwarded unchanged to `System`, which upholds the GlobalAlloc
// contract; the counter is a relaxed atomic with no effect on the memory handed out.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

/// Allocations counted so far in this process.
pub fn allocations() -> u64 {
    ALLOCATIONS.load(Ordering::Relaxed)
}

/// Runs `f` `iterations` times and returns the mean number of allocations per run.
pub fn allocations_per_call<R>(iterations: u64, mut f: impl FnMut() -> R) -> f64 {
    let before = allocations();
    for _ in 0..iterations {
        std::hint::black_box(f());
    }
    (allocations() - before) as f64 / iterations as f64
}
