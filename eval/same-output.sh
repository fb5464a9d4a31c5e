#!/usr/bin/env bash
# Proves a refactoring changed no output: the release `naqi` at a git ref and at the work tree
# both run over every corpus page, and the two JSON outputs are compared field by field
# (timings left out). Prints each page and field that differ; exits 1 when any does.
#   bash eval/same-output.sh [REF]        (default REF: HEAD)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED="${NAQI_SHARED:-$ROOT/../shared}"
REF="${1:-HEAD}"
OUT="$HERE/out/same-output"
BASE="$OUT/base-src"
rm -rf "$BASE"
mkdir -p "$OUT"
git -C "$ROOT" worktree prune
git -C "$ROOT" worktree add --detach "$BASE" "$REF" >/dev/null
trap 'git -C "$ROOT" worktree remove --force "$BASE"' EXIT
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd "$BASE" && CARGO_TARGET_DIR="$OUT/base-target" cargo build --release --features cli --quiet)
(cd "$ROOT" && cargo build --release --features cli --quiet)
status=0
for c in arabic-real scrapinghub readability-test-pages wcxb-dev; do
  dir="$SHARED/corpora/$c"
  [ -d "$dir" ] || { echo "same-output: $dir is missing" >&2; exit 2; }
  if [ "$c" = readability-test-pages ]; then
    files=("$dir"/*/source.html); idfrom=dir
  else
    src="$dir"; [ -d "$dir/html" ] && src="$dir/html"; [ -d "$dir/pages" ] && src="$dir/pages"
    files=("$src"); idfrom=file
  fi
  for side in base head; do
    bin="$TARGET/release/naqi"; [ $side = base ] && bin="$OUT/base-target/release/naqi"
    "$bin" batch "${files[@]}" -o "$OUT/$c.$side.jsonl" --jobs 2 --id-from "$idfrom" 2>/dev/null || true
  done
  python3 - "$OUT/$c.base.jsonl" "$OUT/$c.head.jsonl" "$c" <<'PY' || status=1
import json, sys
def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        for k in ("elapsed_ms", "ms", "time_ms"):
            r.pop(k, None)
        rows[r.get("id")] = r
    return rows
base, head = load(sys.argv[1]), load(sys.argv[2])
diffs = []
for page in sorted(set(base) | set(head), key=str):
    a, b = base.get(page, {}), head.get(page, {})
    for field in sorted(set(a) | set(b)):
        if a.get(field) != b.get(field):
            diffs.append(f"{sys.argv[3]} {page}: {field}")
print(f"{sys.argv[3]}: {len(base)} pages, {len(diffs)} differing fields")
for d in diffs[:40]:
    print("  " + d)
sys.exit(1 if diffs else 0)
PY
done
exit $status
