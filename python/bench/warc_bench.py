#!/usr/bin/env python3
"""Speed and quality of naqi against Trafilatura and Resiliparse on the same WARC input.

    python warc_bench.py speed PAGES_DIR [--rounds N] [--naqi-bin PATH]
    python warc_bench.py score PAGES_DIR TRUTH.jsonl --score-py ../shared/eval/score.py

`speed` writes one gzipped WARC (into a temporary folder, deleted afterwards) from every
.html / .html.gz page of PAGES_DIR, then reads it with each tool on one thread, and prints
pages per second (one core): naqi's Python binding (naqi.warc.extract_warc), the CLI
(`naqi warc --jobs 1`), Trafilatura and Resiliparse's html2text(main_content=True), the last
two fed by FastWARC with the same charset handling. The best of `--rounds` runs counts.
`score` writes each tool's text per page as JSON Lines and runs the shared scorer on it.

Needs: naqi[warc], trafilatura, resiliparse (pip). Pages are for measuring only: nothing is
written next to them.
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def pages_of(folder):
    out = []
    for path in sorted(Path(folder).rglob("*")):
        name = path.name.lower()
        if not (name.endswith(".html") or name.endswith(".html.gz") or name.endswith(".htm")):
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        stem = path.name.split(".")[0] if path.name != "source.html" else path.parent.name
        out.append((stem, data))
    return out


def write_warc(pages, path):
    with open(path, "wb") as f:
        for i, (stem, body) in enumerate(pages):
            block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
            head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{stem}>\r\n"
                    f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: https://bench.example/{i}\r\n"
                    f"Content-Type: application/http; msgtype=response\r\n"
                    f"Content-Length: {len(block)}\r\n\r\n").encode()
            f.write(gzip.compress(head + block + b"\r\n\r\n", 6))


def responses(path):
    """(record id, body bytes) of every response, read with FastWARC."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as f:
        for r in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            yield r.record_id, r.reader.read()


def run_naqi(path):
    from naqi.warc import extract_warc

    return {item.record_id: item.article.text for item in extract_warc(path)}


def run_trafilatura(path):
    import trafilatura
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    out = {}
    for rid, body in responses(path):
        text = trafilatura.extract(bytes_to_str(body, detect_encoding(body)), include_comments=False)
        out[rid] = text or ""
    return out


def run_resiliparse(path):
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    out = {}
    for rid, body in responses(path):
        tree = HTMLTree.parse(bytes_to_str(body, detect_encoding(body)))
        out[rid] = extract_plain_text(tree, main_content=True)
    return out


def run_cli(path, binary):
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
        subprocess.run([binary, "warc", str(path), "-o", out.name, "--jobs", "1"],
                       check=True, capture_output=True)
        return {json.loads(l)["warcRecordId"]: json.loads(l).get("text", "") for l in open(out.name)}


def timed(fn, rounds):
    best, result = None, None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def tools(naqi_bin):
    found = {"naqi (Python, extract_warc)": run_naqi}
    if naqi_bin:
        found["naqi (CLI, naqi warc --jobs 1)"] = lambda p: run_cli(p, naqi_bin)
    found["Trafilatura"] = run_trafilatura
    found["Resiliparse (main_content)"] = run_resiliparse
    return found


def speed(args):
    pages = pages_of(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        write_warc(pages, warc)
        print(f"{len(pages)} pages, WARC {warc.stat().st_size / 1e6:.1f} MB gzipped; best of {args.rounds}")
        for name, fn in tools(args.naqi_bin).items():
            fn(warc)  # warm-up: imports, caches
            seconds, result = timed(lambda: fn(warc), args.rounds)
            print(f"{name:34s} {len(pages) / seconds:8.1f} pages/s  ({len(result)} records out)")


def score(args):
    pages = pages_of(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "score.warc.gz"
        write_warc(pages, warc)
        for name, fn in tools(args.naqi_bin).items():
            result = fn(warc)
            pred = Path(tmp) / "pred.jsonl"
            with open(pred, "w", encoding="utf-8") as f:
                for stem, _ in pages:
                    f.write(json.dumps({"id": stem, "text": result.get(f"<urn:uuid:{stem}>", "")},
                                       ensure_ascii=False) + "\n")
            out = subprocess.run([sys.executable, args.score_py, str(pred), args.truth],
                                 check=True, capture_output=True, text=True)
            s = json.loads(out.stdout)
            keys = ("precision", "recall", "f1", "leaks", "leak_pages")
            print(name, json.dumps({k: s.get(k) for k in keys if k in s}))
            if args.verbose:
                print(json.dumps(s)[:800])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("speed")
    p.add_argument("pages")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--naqi-bin", default=os.environ.get("NAQI_BIN"))
    p = sub.add_parser("score")
    p.add_argument("pages")
    p.add_argument("truth")
    p.add_argument("--score-py", required=True)
    p.add_argument("--naqi-bin", default=os.environ.get("NAQI_BIN"))
    p.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    speed(args) if args.cmd == "speed" else score(args)


if __name__ == "__main__":
    main()
