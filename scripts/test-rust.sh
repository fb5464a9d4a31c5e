#!/usr/bin/env bash
# Rust: format, lints (host), all tests including the corpus quality gate.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets --all-features -- -D warnings
# The stable fuzz loop (tests/fuzz.rs) runs 12,000 mutated inputs per target here, about 20 s
# each in a debug build; NAQI_FUZZ_RUNS and NAQI_FUZZ_SEED change that.
NAQI_FUZZ_RUNS="${NAQI_FUZZ_RUNS:-12000}" cargo test --features cli
