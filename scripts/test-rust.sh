#!/usr/bin/env bash
# Rust: format, lints (host), all tests including the corpus quality gate.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets --all-features -- -D warnings
cargo test --features cli
