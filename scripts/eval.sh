#!/usr/bin/env bash
# make eval: naqi side by side with Readability.js, Defuddle, Trafilatura and dom_smoothie over
# every corpus in $CORPORA (default ../shared/corpora); writes docs/benchmarks.md.
# Installs the pinned peers itself and skips whatever is already installed. See DEVELOPING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPORA="${CORPORA:-../shared/corpora}"
say() { echo "eval: $*" >&2; }

if [ ! -d "$CORPORA" ]; then
  say "corpora folder '$CORPORA' not found (set CORPORA=...)"
  exit 2
fi

bash scripts/eval-peers.sh

say "building naqi (release)"
cargo build --release --features cli
TARGET_DIR=$(cargo metadata --no-deps --format-version 1 |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

# The browser rows need the npm package and the extension, the size rows the package; build
# them once if they are missing (EVAL_PACKAGE=0 skips this).
if [ ! -f dist/extension/manifest.json ] && [ "${EVAL_PACKAGE:-1}" = 1 ]; then
  say "building the npm package and the extension for the browser and size rows"
  make --no-print-directory extension || say "make extension failed; no browser or size rows"
fi

# In-browser speed against Readability.js; without the package the report says so.
BROWSER_ARGS=()
mkdir -p eval/out
if node eval/browser_speed.mjs "$CORPORA" > eval/out/browser.json; then
  BROWSER_ARGS=(--browser eval/out/browser.json)
else
  say "no in-page browser numbers in this run (see above)"
fi
if node eval/extension_speed.mjs "$CORPORA" > eval/out/extension.json; then
  BROWSER_ARGS+=(--extension eval/out/extension.json)
else
  say "no extension activation numbers in this run (see above)"
fi

python3 eval/run.py --corpora "$CORPORA" --naqi "$TARGET_DIR/release/naqi" --report docs/benchmarks.md "${BROWSER_ARGS[@]}"
