#!/usr/bin/env python3
"""Runs Trafilatura over the pages of a JSON Lines manifest ({"id", "path", "url"?} per line) and
prints one {"id", "text", "ms"} line per page ("error" instead of "text" on failure).

Usage: eval/.venv/bin/python trafilatura_run.py MANIFEST.jsonl

Settings: main text only (no comments), tables kept, everything else at Trafilatura's defaults.
The time covers trafilatura.extract() on the decoded page; the first page is run once untimed
before the timed runs (warm-up).
"""
import gzip
import json
import sys
import time

import trafilatura


def read_page(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", errors="replace")


def extract(html, url):
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True)


def main():
    out = sys.stdout
    with open(sys.argv[1], encoding="utf-8") as manifest:
        pages = [json.loads(line) for line in manifest if line.strip()]
    if pages:  # warm-up: the first page once, untimed (lazy imports and caches)
        try:
            extract(read_page(pages[0]["path"]), pages[0].get("url"))
        except Exception:  # noqa: BLE001  (it is timed and reported below)
            pass
    for page in pages:
        html = read_page(page["path"])
        start = time.perf_counter()
        try:
            text = extract(html, page.get("url"))
            error = None if text is not None else "no article"
        except Exception as exc:  # a peer's crash is that page's result, not ours
            text, error = None, f"{type(exc).__name__}: {exc}"
        ms = round((time.perf_counter() - start) * 1000, 3)
        rec = {"id": page["id"], "ms": ms}
        rec.update({"text": text} if error is None else {"error": error})
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
