#!/usr/bin/env bash
# The main job on the project's own sample page: build the CLI, extract the Arabic sample
# (an article with an inline "اقرأ أيضاً" line, a longer "إقرأ أيضاً:" teaser, related and
# most-read blocks), print the clean article and what was removed.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGE="${1:-samples/ar-news.html}"
command -v cargo >/dev/null || { echo "demo: cargo is required (https://rustup.rs)" >&2; exit 2; }
cargo build --release --features cli --quiet
NAQI=target/release/naqi
echo "== naqi extract $PAGE --format markdown"
echo
"$NAQI" extract "$PAGE" --format markdown
echo
echo "== what was removed (naqi extract $PAGE --format json)"
JSON=$(mktemp)
trap 'rm -f "$JSON"' EXIT
"$NAQI" extract "$PAGE" --format json > "$JSON"
python3 - "$JSON" <<'PY'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
rt = a["readingTime"]
print("title:  ", a["title"])
print("site:   ", a.get("siteName"), "  published:", a.get("published"))
print("lang:   ", a.get("lang"), "  dir:", a["dir"], "  words:", a["wordCount"],
      "  reading time: %d-%d min" % (rt["minMinutes"], rt["maxMinutes"]))
for r in a["removed"]:
    print("removed: %-12s %-14s %-22s %s" % (r["kind"], r["rule"], r.get("label") or "-", r["preview"][:70]))
PY
