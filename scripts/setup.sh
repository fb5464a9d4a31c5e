#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there:
# the wasm32 Rust target, wasm-bindgen-cli at exactly the Cargo.lock version, wasm-pack,
# Debian chromium + chromium-driver, and the root npm devDependencies (npm's binaryen, whose
# wasm-opt must win over any Debian one). Cold: a few minutes. Warm: seconds.
# See ../shared/TOOLCHAIN.md for why each step is the way it is.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { echo "setup: $*"; }

# Rust target for the Wasm build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly. No --locked: its
# lockfile pins a crate version the registry does not have.
WBG=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ -z "$WBG" ]; then
  echo "setup: wasm-bindgen is missing from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WBG" ]; then
  say "installing wasm-bindgen-cli $WBG"
  cargo install wasm-bindgen-cli --version "$WBG" --force
fi

# wasm-pack runs the wasm-bindgen tests (it finds the wasm-bindgen above on PATH).
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  cargo install wasm-pack --locked
fi

# Debian's Chromium and its WebDriver for the browser tests. Never Debian's binaryen: its
# wasm-opt writes broken modules.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
    chromium chromium-driver
fi

# Root npm devDependencies (binaryen, playwright-core, typescript, web-ext), pinned by the
# lockfile. Reinstalled when the lockfile is newer than the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
   [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/tsc ]; then
  say "installing npm devDependencies"
  npm ci --no-audit --no-fund
fi

say "ok (wasm-bindgen $WBG, $(wasm-pack --version), $(wasm-opt --version), node $(node --version))"
