#!/usr/bin/env bash
# The quick measuring loop: the release `naqi` over every corpus in ../shared/corpora (or those
# named), scored with ../shared/eval/score.py; per-type rows for corpora whose truth has a
# `type` (wcxb). Predictions go to eval/out/loop/<corpus>.jsonl.
#   bash eval/loop.sh [CORPUS...]      (NAQI=path/to/naqi overrides the binary)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/.."
SHARED="${NAQI_SHARED:-$ROOT/../shared}"
NAQI="${NAQI:-${CARGO_TARGET_DIR:-$ROOT/target}/release/naqi}"
OUT="$HERE/out/loop"
mkdir -p "$OUT"
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(arabic-real scrapinghub readability-test-pages wcxb-dev)
for c in "${corpora[@]}"; do
  dir="$SHARED/corpora/$c"
  idfrom=file
  [ "$c" = readability-test-pages ] && idfrom=dir
  src="$dir"
  [ -d "$dir/html" ] && src="$dir/html"
  [ -d "$dir/pages" ] && src="$dir/pages"
  if [ "$idfrom" = dir ]; then
    files=$(ls -d "$dir"/*/source.html)
  else
    files="$src"
  fi
  # shellcheck disable=SC2086
  "$NAQI" batch $files -o "$OUT/$c.jsonl" --jobs 2 --id-from "$idfrom" 2>/dev/null || true
  python3 "$SHARED/eval/score.py" "$OUT/$c.jsonl" "$dir/truth.jsonl" --json "$OUT/$c.score.json" >/dev/null
  python3 - "$OUT/$c.score.json" "$dir/truth.jsonl" "$OUT/$c.jsonl" "$c" <<'PY'
import json, sys
from collections import defaultdict
summary = json.load(open(sys.argv[1]))
types = {}
for line in open(sys.argv[2]):
    r = json.loads(line)
    types[r["id"]] = r.get("type")
errors = sum(1 for line in open(sys.argv[3]) if '"error"' in line and json.loads(line).get("error"))
rows = summary.get("per_page") or []
def macro(rs):
    pr = [r["precision"] for r in rs if r["tp"] + r["fp"] > 0]
    rc = [r["recall"] for r in rs if r["tp"] + r["fn"] > 0]
    p = sum(pr) / len(pr) if pr else 0.0
    q = sum(rc) / len(rc) if rc else 0.0
    return p, q, (2 * p * q / (p + q) if p + q else 0.0)
leaks = summary.get("leaks", {}).get("strings", 0)
p, q, f = macro(rows)
print(f"{sys.argv[4]:24s} F1 {f:.4f}  P {p:.4f}  R {q:.4f}  pages {len(rows)}  errors {errors}  leaks {leaks}")
by = defaultdict(list)
for r in rows:
    t = types.get(r.get("id"))
    if t:
        by[t].append(r)
for t in sorted(by):
    p, q, f = macro(by[t])
    print(f"    {t:14s} F1 {f:.4f}  P {p:.4f}  R {q:.4f}  ({len(by[t])})")
PY
done
