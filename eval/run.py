#!/usr/bin/env python3
"""The side-by-side evaluation behind `make eval` (and, with --pages, `make eval-smoke`).

For every corpus folder (one holding truth.jsonl) it runs naqi and the peers on the same pages,
one page at a time, scores every system with the shared scorer (../shared/eval/score.py, the
only copy), times them, and writes a Markdown
report. Standard library only; the peers are run through the runners in eval/runners/.

  python3 eval/run.py --report docs/benchmarks.md            # the full evaluation
  python3 eval/run.py --pages 3 --systems naqi --min-f1 0.5  # a smoke run
"""
import argparse
import gzip
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

def load_scorer():
    """The shared scorer, ../shared/eval/score.py (SHARED overrides the folder): the only copy."""
    import importlib.util
    path = Path(os.environ.get("SHARED", str(ROOT.parent / "shared"))) / "eval" / "score.py"
    if not path.is_file():
        sys.exit(f"eval: the shared scorer {path} is missing")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


shared_score = load_scorer()


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(truth, preds):
    """Scores {id: text} against a list of truth records: (per-page rows, summary)."""
    summary = shared_score.score({pid: {"text": t} for pid, t in preds.items()},
                                 {str(t["id"]): t for t in truth})
    return summary.pop("per_page"), summary

SYSTEMS = ["naqi", "readability", "defuddle", "trafilatura", "resiliparse", "dom_smoothie"]
LABELS = {
    "naqi": "naqi",
    "readability": "Readability.js",
    "defuddle": "Defuddle",
    "trafilatura": "Trafilatura",
    "resiliparse": "Resiliparse",
    "dom_smoothie": "dom_smoothie",
}
DOM_SMOOTHIE_BIN = HERE / "runners/dom_smoothie/target/release/naqi-eval-dom-smoothie"
VENV_PYTHON = HERE / ".venv/bin/python"
# A peer that takes longer than this on one corpus is stopped and reported as failed: ten
# minutes, or two seconds a page on larger corpora (Readability.js on jsdom needs about one
# second a page on the WCXB pages).
RUN_TIMEOUT_S = 600
RUN_TIMEOUT_PER_PAGE_S = 2


def log(msg):
    print(f"eval: {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ corpora
def find_page(corpus, rec):
    """The page file of a truth record, by the record's own path or the usual layouts."""
    pid = rec["id"]
    names = [rec.get("source"), rec.get("file"), f"pages/{pid}.html", f"html/{pid}.html",
             f"{pid}/source.html", f"{pid}.html"]
    for name in filter(None, names):
        for candidate in (corpus / name, corpus / (name + ".gz")):
            if candidate.is_file():
                return candidate
    return None


def load_corpus(corpus, limit):
    truth = read_jsonl(corpus / "truth.jsonl")
    truth.sort(key=lambda t: t["id"])
    if limit:
        truth = truth[:limit]
    pages = []
    for rec in truth:
        path = find_page(corpus, rec)
        if path is None:
            log(f"{corpus.name}: no page file for {rec['id']} (scored as missing)")
            continue
        pages.append({"id": rec["id"], "path": str(path), "url": rec.get("url")})
    return truth, pages


# ------------------------------------------------------------------ running systems
def read_lines(path):
    return {str(r["id"]): r for r in read_jsonl(path)} if path.exists() else {}


def run_command(cmd, out_path, log_path, ok_codes=(0,), pages=0):
    """Runs one system, its stdout into out_path (None: discarded); returns (ok, seconds)."""
    start = time.perf_counter()
    timeout = max(RUN_TIMEOUT_S, RUN_TIMEOUT_PER_PAGE_S * pages)
    with open(log_path, "w") as err, \
            open(out_path if out_path else os.devnull, "w") as out:
        try:
            proc = subprocess.run(cmd, stdout=out, stderr=err, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            err.write(f"\n{exc}\n")
            return False, time.perf_counter() - start
    return proc.returncode in ok_codes, time.perf_counter() - start


def run_naqi(naqi, pages, out_path, log_path, repeat=1, parse_only=False):
    raw = out_path.with_suffix(".raw.jsonl")
    cmd = [naqi, "batch", "--jobs", "1", "-o", str(raw)]
    if repeat > 1:
        cmd += ["--repeat", str(repeat)]
    if parse_only:
        cmd.append("--parse-only")
    cmd += [p["path"] for p in pages]
    raw.unlink(missing_ok=True)
    # Exit code 1 means some pages failed: those are results, not a broken run.
    ok, secs = run_command(cmd, None, log_path, ok_codes=(0, 1))
    # Batch ids are file names; the corpus ids may be folder names: map back by path.
    id_of = {p["path"]: p["id"] for p in pages}
    with open(out_path, "w") as out:
        for rec in read_jsonl(raw) if raw.exists() else []:
            rec["id"] = id_of.get(rec.get("path"), rec["id"])
            if "error" in rec:
                rec["error"] = f"{rec['error']['code']}: {rec['error']['message']}"
            keep = {k: rec[k] for k in ("id", "ms", "text", "error") if k in rec}
            out.write(json.dumps(keep, ensure_ascii=False) + "\n")
    return ok, secs


# Heap for the JavaScript peers' node process, in MB.
JS_HEAP_MB = 12_288


def run_system(system, args, pages, workdir, repeat=1):
    """Runs one system over pages; returns (ok, seconds, {id: line})."""
    out_path = workdir / f"{system}.jsonl"
    log_path = workdir / f"{system}.log"
    manifest = workdir / "manifest.jsonl"
    with open(manifest, "w") as f:
        for p in pages:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    if system == "naqi":
        ok, secs = run_naqi(args.naqi, pages, out_path, log_path, repeat)
    elif system == "naqi_parse":
        ok, secs = run_naqi(args.naqi, pages, out_path, log_path, repeat, parse_only=True)
    elif system == "dom_smoothie":
        ok, secs = run_command([str(DOM_SMOOTHIE_BIN), str(manifest), "--repeat", str(repeat)],
                               out_path, log_path)
    elif system in ("readability", "defuddle"):
        # jsdom keeps memory from page to page: over the 932 wcxb-dev pages Readability.js
        # outgrew node's default 4 GB heap at page 666.
        ok, secs = run_command(["node", f"--max-old-space-size={JS_HEAP_MB}",
                                str(HERE / "runners/js_peers.mjs"), system, str(manifest)],
                               out_path, log_path, pages=len(pages))
    elif system in ("trafilatura", "resiliparse"):
        ok, secs = run_command([str(VENV_PYTHON), str(HERE / f"runners/{system}_run.py"),
                                str(manifest)], out_path, log_path, pages=len(pages))
    else:
        raise ValueError(system)
    lines = read_lines(out_path)
    if not ok:
        log(f"{system} failed on {workdir.name}; see {log_path}")
    return ok, secs, lines


# ------------------------------------------------------------------ numbers
def percentile(values, q):
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def timing(lines):
    ms = [r["ms"] for r in lines.values() if isinstance(r.get("ms"), (int, float))]
    return {"median_ms": statistics.median(ms) if ms else None,
            "p95_ms": percentile(ms, 0.95), "total_ms": sum(ms), "timed": len(ms)}


def evaluate(system, truth, lines, ran_ok):
    preds = {pid: (r.get("text") or "") for pid, r in lines.items()}
    pages, summary = score(truth, preds)
    summary.update(timing(lines))
    summary["errors"] = sum(1 for r in lines.values() if "error" in r)
    summary["ran"] = ran_ok
    # Corpora of several page types (WCXB): the same scores per type.
    types = sorted({t["type"] for t in truth if t.get("type")})
    if len(types) > 1:
        summary["per_type"] = {
            kind: {k: v for k, v in score([t for t in truth if t.get("type") == kind],
                                          preds)[1].items() if k in ("f1", "precision", "recall")}
            | {"pages": sum(1 for t in truth if t.get("type") == kind)}
            for kind in types}
    summary["per_page"] = {p["id"]: {"f1": p.get("f1"), "precision": p.get("precision"),
                                     "recall": p.get("recall"), "leaked": p.get("leaked", 0),
                                     "error": (lines.get(p["id"]) or {}).get("error"),
                                     "ms": (lines.get(p["id"]) or {}).get("ms")}
                           for p in pages}
    return summary


# ------------------------------------------------------------------ speed
def repeated_page(template, times):
    """The sample page with its body content repeated `times` times."""
    start = template.find(">", template.find("<body")) + 1
    end = template.rfind("</body>")
    if start <= 0 or end < start:
        raise ValueError("the growth template has no <body>")
    return template[:start] + template[start:end] * times + template[end:]


SPEED_SYSTEMS = ("naqi", "naqi_parse", "dom_smoothie")
# Rounds of the native speed runs. The systems take turns, round after round, and each page
# keeps its best time per system: a slow spell of the machine then cannot fall on one system
# only (a single pass per system moved naqi / parse-only by 0.3 between two runs).
SPEED_ROUNDS = 3


def alternated(args, pages, work):
    """Runs SPEED_SYSTEMS in turn SPEED_ROUNDS times; per system (ok, lines) with each page's
    best time over the rounds."""
    best = {}
    for round_ in range(SPEED_ROUNDS):
        for system in SPEED_SYSTEMS:
            log(f"speed: {system} on {len(pages)} pages, {args.repeat} runs each "
                f"(round {round_ + 1} of {SPEED_ROUNDS})")
            ok, _, lines = run_system(system, args, pages, work, repeat=args.repeat)
            seen_ok, seen = best.get(system, (True, {}))
            for pid, line in lines.items():
                ms, old = line.get("ms"), seen.get(pid)
                if old is None or (ms is not None and (old.get("ms") is None or ms < old["ms"])):
                    seen[pid] = line
            best[system] = (seen_ok and ok, seen)
    return best


def speed(args, corpora_pages, outdir):
    result = {}
    pages = corpora_pages.get("scrapinghub")
    if pages:
        work = outdir / "speed-scrapinghub"
        work.mkdir(parents=True, exist_ok=True)
        for system, (ok, lines) in alternated(args, pages, work).items():
            result[system] = dict(timing(lines), ran=ok)
    template = (ROOT / "samples/ar-news.html").read_text(encoding="utf-8")
    work = outdir / "speed-growth"
    work.mkdir(parents=True, exist_ok=True)
    growth_pages = []
    for times in (1, 10, 100):
        path = work / f"ar-news-x{times}.html"
        path.write_text(repeated_page(template, times), encoding="utf-8")
        growth_pages.append({"id": f"x{times}", "path": str(path), "bytes": path.stat().st_size})
    growth = {"pages": growth_pages}
    for system, (_, lines) in alternated(args, growth_pages, work).items():
        growth[system] = {pid: r.get("ms") for pid, r in lines.items()}
    result["growth"] = growth
    return result


def sizes():
    """The shipped module (dist/pkg) gzipped, and the packed npm tarball, when built."""
    dist = ROOT / "dist"
    found = {}
    wasm = dist / "pkg/wasm/naqi_bg.wasm"
    if wasm.is_file():
        data = wasm.read_bytes()
        found["wasm"] = [{"path": str(wasm.relative_to(ROOT)), "bytes": len(data),
                          "gzip_bytes": len(gzip.compress(data, 9, mtime=0))}]
    tarballs = sorted(dist.glob("*.tgz")) if dist.is_dir() else []
    if tarballs:
        found["npm"] = [{"path": str(t.relative_to(ROOT)), "bytes": t.stat().st_size} for t in tarballs]
    return found


# ------------------------------------------------------------------ environment
def command_output(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine():
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError, ValueError):
        memory = "?"
    return {
        "cpu": cpu or platform.processor() or "?",
        "cpus": os.cpu_count(),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "rustc": command_output(["rustc", "--version"]),
        "node": command_output(["node", "--version"]),
        "python": platform.python_version(),
        "commit": command_output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def versions(naqi):
    found = {"naqi": command_output([naqi, "--version"]).replace("naqi ", "")}
    try:
        lock = json.loads((HERE / "package-lock.json").read_text())
        for name, key in (("@mozilla/readability", "readability"), ("defuddle", "defuddle"),
                          ("jsdom", "jsdom"), ("linkedom", "linkedom")):
            found[key] = lock["packages"][f"node_modules/{name}"]["version"]
    except (OSError, KeyError, ValueError):
        pass
    for line in (HERE / "requirements.txt").read_text().splitlines():
        for peer in ("trafilatura", "resiliparse"):
            if line.lower().startswith(f"{peer}=="):
                found[peer] = line.split("==", 1)[1]
    lock = (HERE / "runners/dom_smoothie/Cargo.lock").read_text()
    m = re.search(r'name = "dom_smoothie"\nversion = "([^"]+)"', lock)
    if m:
        found["dom_smoothie"] = m.group(1)
    return found


# ------------------------------------------------------------------ main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default=os.environ.get("CORPORA", str(ROOT.parent / "shared/corpora")))
    ap.add_argument("--out", default=str(HERE / "out"), help="working folder for outputs")
    ap.add_argument("--naqi", default=str(ROOT / "target/release/naqi"))
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--pages", type=int, default=0, help="only the first N pages of each corpus")
    ap.add_argument("--repeat", type=int, default=5, help="runs per page for the native speed section")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--browser", help="browser speed results (JSON from eval/browser_speed.mjs)")
    ap.add_argument("--extension", help="extension activation results (JSON from eval/extension_speed.mjs)")
    ap.add_argument("--report", help="write the Markdown report here")
    ap.add_argument("--min-f1", type=float, help="fail when naqi's F1 on a corpus is below this")
    args = ap.parse_args(argv)

    corpora_dir = Path(args.corpora)
    corpora = sorted(p.parent for p in corpora_dir.glob("*/truth.jsonl"))
    if not corpora:
        log(f"no corpora (folders with truth.jsonl) under {corpora_dir}")
        return 2
    systems = [s for s in args.systems.split(",") if s]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        log(f"unknown systems: {', '.join(sorted(unknown))}")
        return 2
    if "naqi" in systems and not Path(args.naqi).is_file():
        log(f"naqi binary {args.naqi} not found (cargo build --release --features cli)")
        return 2
    outdir = Path(args.out)
    started = time.perf_counter()
    results = {"corpora": {}, "machine": machine(), "versions": versions(args.naqi)}
    corpora_pages = {}
    failures = []
    for corpus in corpora:
        truth, pages = load_corpus(corpus, args.pages)
        corpora_pages[corpus.name] = pages
        work = outdir / corpus.name
        work.mkdir(parents=True, exist_ok=True)
        results["corpora"][corpus.name] = {"pages": len(truth), "systems": {}}
        for system in systems:
            log(f"{corpus.name}: {system} on {len(pages)} pages")
            ok, secs, lines = run_system(system, args, pages, work)
            summary = evaluate(system, truth, lines, ok)
            summary["wall_s"] = secs
            results["corpora"][corpus.name]["systems"][system] = summary
            if not ok:
                failures.append(f"{system} did not run on {corpus.name}")
        naqi = results["corpora"][corpus.name]["systems"].get("naqi")
        if naqi and args.min_f1 is not None:
            missing = [p["id"] for p in pages if p["id"] not in read_lines(work / "naqi.jsonl")]
            if missing:
                failures.append(f"naqi wrote no line for {corpus.name}: {', '.join(missing)}")
            if naqi["errors"]:
                bad = [f"{pid} ({r['error']})" for pid, r in naqi["per_page"].items() if r["error"]]
                failures.append(f"naqi failed on {corpus.name}: {'; '.join(bad)}")
            if naqi.get("f1") is not None and naqi["f1"] < args.min_f1:
                failures.append(f"naqi F1 {naqi['f1']:.3f} on {corpus.name} is below {args.min_f1}")
    if not args.no_speed and "naqi" in systems:
        results["speed"] = speed(args, corpora_pages, outdir)
    results["sizes"] = sizes()
    if args.browser and Path(args.browser).exists():
        results["browser"] = json.loads(Path(args.browser).read_text())
    if args.extension and Path(args.extension).exists():
        results["extension"] = json.loads(Path(args.extension).read_text())
    results["elapsed_s"] = time.perf_counter() - started
    (outdir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print_summary(results)
    if args.report:
        import report  # noqa: PLC0415  (only the full run writes Markdown)
        results["history"] = append_history(results)
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(report.render(results), encoding="utf-8")
        log(f"wrote {args.report}")
    for failure in failures:
        log(f"FAIL: {failure}")
    return 1 if failures else 0


HISTORY = HERE / "history.jsonl"


def append_history(results):
    """Adds this run's headline numbers to eval/history.jsonl; returns all runs, oldest first."""
    corpora = results["corpora"]

    def pick(corpus, key):
        naqi = corpora.get(corpus, {}).get("systems", {}).get("naqi", {})
        value = naqi.get(key)
        return value.get("strings") if isinstance(value, dict) else value

    speed = results.get("speed", {})
    naqi, parse = speed.get("naqi", {}), speed.get("naqi_parse", {})
    row = {
        "date": results["machine"]["date"],
        "commit": results["machine"]["commit"],
        "arabic_f1": pick("arabic-real", "f1"),
        "arabic_leaks": pick("arabic-real", "leaks"),
        "scrapinghub_f1": pick("scrapinghub", "f1"),
        "readability_pages_f1": pick("readability-test-pages", "f1"),
        "median_ms": naqi.get("median_ms"),
        "parse_ratio": (naqi["total_ms"] / parse["total_ms"]
                        if naqi.get("total_ms") and parse.get("total_ms") else None),
        "browser_ratio": (results.get("browser") or {}).get("median_ratio"),
    }
    with open(HISTORY, "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")
    return read_jsonl(HISTORY)


def print_summary(results):
    for name, corpus in results["corpora"].items():
        for system, s in corpus["systems"].items():
            f1 = s.get("f1")
            snip = s.get("snippets")
            quality = f"F1 {f1:.3f}" if f1 is not None else (
                f"snippets F1 {snip['f1']:.3f}" if snip else "no score")
            leaks = s.get("leaks", {}).get("strings", "-")
            med = s.get("median_ms")
            med = f"{med:.1f} ms" if med is not None else "-"
            print(f"{name:24} {system:13} {quality:18} leaks {leaks!s:4} errors {s['errors']:3} "
                  f"median {med}")


if __name__ == "__main__":
    sys.exit(main())
