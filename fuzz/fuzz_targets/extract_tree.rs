//! Fuzzes `naqi::extract_tree` with arbitrary bytes: it may not panic, overflow the stack or hang, and
//! what it returns must be safe to insert into a page (see `checks.rs`).
//!
//! `cargo +nightly fuzz run extract_tree fuzz/seeds/tree -- -dict=fuzz/tree.dict`

#![no_main]

#[path = "checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::extract_tree(data));
