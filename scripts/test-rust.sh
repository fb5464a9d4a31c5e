#!/usr/bin/env bash
# Rust: format, lints (host and wasm32), docs, all tests including the corpus quality gate.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets --all-features -- -D warnings
# The Wasm build's own code (the `wasm` feature, wasm32 only) gets the same lints.
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features wasm -- -D warnings
# Broken intra-doc links and undocumented public items fail too.
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --all-features --quiet
# The stable fuzz loop (tests/fuzz.rs) runs 12,000 mutated inputs per target here, about 20 s
# each in a debug build; NAQI_FUZZ_RUNS and NAQI_FUZZ_SEED change that.
NAQI_FUZZ_RUNS="${NAQI_FUZZ_RUNS:-12000}" cargo test --features cli
