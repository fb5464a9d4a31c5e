#!/usr/bin/env bash
# Tests the npm package as users get it: installs dist/naqi-<version>.tgz (from `make package`)
# into an empty temporary project and runs tests/node/*.test.mjs there with node's test runner
# (Node entry, web entry, TypeScript consumer, headless Chromium). Then runs the wasm-bindgen
# tests (tests/wasm.rs) under Node, and prints the time per extraction of the acceptance page (not asserted).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

VERSION=$(node -p 'require("./dist/pkg/package.json").version' 2>/dev/null || true)
TARBALL="$ROOT/dist/naqi-$VERSION.tgz"
if [ -z "$VERSION" ] || [ ! -f "$TARBALL" ]; then
  echo "test-node: no package in dist/; run 'make package' first" >&2
  exit 1
fi

CONSUMER=$(mktemp -d "${TMPDIR:-/tmp}/naqi-consumer.XXXXXX")
trap 'rm -rf "$CONSUMER"' EXIT
printf '{ "name": "naqi-consumer", "private": true, "type": "module" }\n' >"$CONSUMER/package.json"
(cd "$CONSUMER" && npm install --no-audit --no-fund --silent "$TARBALL")
cp tests/node/*.mjs "$CONSUMER/"

echo "test-node: package tests in $CONSUMER"
export NAQI_REPO="$ROOT" NAQI_SHARED="${NAQI_SHARED:-$ROOT/../shared}"
(cd "$CONSUMER" && NAQI_TSC="$ROOT/node_modules/.bin/tsc" node --test --test-concurrency=1 ./*.test.mjs)

# What `wasm-pack test --node` does, limited to tests/wasm.rs (wasm-pack would build every test
# target for wasm32, and the others need features the bindings do not).
echo "test-node: wasm-bindgen tests (tests/wasm.rs in Node)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --no-default-features --features wasm,html --test wasm

echo "test-node: time per extraction of the acceptance page"
(cd "$CONSUMER" && node bench.mjs)
