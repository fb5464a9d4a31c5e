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

# The browser speed and the size rows need the npm package; build it once if it is missing.
if [ ! -f dist/pkg/web.js ] && [ "${EVAL_PACKAGE:-1}" = 1 ]; then
  say "building the npm package (make package) for the browser and size rows"
  make --no-print-directory package || say "make package failed; no browser or size rows"
fi

# In-browser speed against Readability.js; without the package the report says so.
BROWSER_ARGS=()
mkdir -p eval/out
if node eval/browser_speed.mjs "$CORPORA" > eval/out/browser.json; then
  BROWSER_ARGS=(--browser eval/out/browser.json)
else
  say "no browser speed numbers in this run (see above)"
fi

python3 eval/run.py --corpora "$CORPORA" --naqi "$TARGET_DIR/release/naqi" --report docs/benchmarks.md "${BROWSER_ARGS[@]}"
