"""The loop the Python peers share: read a JSON Lines manifest ({"id", "path", "url"?} per
line), run one extraction per page and print one {"id", "text", "ms"} line per page ("error"
instead of "text" on failure). The first page is run once untimed before the timed runs
(warm-up: lazy imports and caches)."""
import gzip
import json
import sys
import time


def read_page(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", errors="replace")


def run(extract, manifest_path):
    """Runs `extract(html, url)` (text or None) over the manifest's pages."""
    out = sys.stdout
    with open(manifest_path, encoding="utf-8") as manifest:
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
