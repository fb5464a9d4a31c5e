//! Fuzzes `naqi::extract` with arbitrary bytes: it may not panic, overflow the stack or hang, and
//! what it returns must be safe to insert into a page (see `checks.rs`).
//!
//! `cargo +nightly fuzz run extract fuzz/seeds/html -- -dict=fuzz/extract.dict`

#![no_main]

#[path = "checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::extract(data));
