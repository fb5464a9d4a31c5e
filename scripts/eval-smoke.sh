#!/usr/bin/env bash
# The smoke run of `make eval` inside `make test`: naqi on the first 3 pages of every corpus,
# scored by the shared scorer (../shared/eval/score.py); the eval helpers' tests.
# Fails when the corpora or the reference scorer are missing, when naqi errors or writes no line
# for a page, or when its F1 on a corpus sample falls below 0.5 (a broken run, not a quality bar:
# the quality floors live with the Rust tests).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
CORPORA="${CORPORA:-$SHARED/corpora}"
fail() { echo "eval-smoke: FAIL: $*" >&2; exit 1; }

[ -d "$CORPORA" ] || fail "corpora folder '$CORPORA' not found (CI always has ../shared)"
[ -f "$SHARED/eval/score.py" ] || fail "reference scorer $SHARED/eval/score.py not found"

# The debug binary: `cargo test --features cli` (test-rust) has already built it.
cargo build --features cli --quiet
TARGET_DIR=$(cargo metadata --no-deps --format-version 1 |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
OUT=eval/out/smoke
rm -rf "$OUT"
SHARED="$SHARED" python3 eval/run.py --corpora "$CORPORA" --out "$OUT" --naqi "$TARGET_DIR/debug/naqi" \
  --pages 3 --systems naqi --no-speed --min-f1 0.5
python3 eval/test_run.py
echo "eval-smoke: ok"
