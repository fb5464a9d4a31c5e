"""Renders eval/run.py's results as docs/benchmarks.md."""
import math

from run import LABELS

NOTES = {
    "arabic-real": "Real Arabic and Persian news pages with hand-checked body text; leaks are "
                   "boilerplate strings (read-also teasers, related and most-read blocks) found in "
                   "the output.",
    "scrapinghub": "The ScrapingHub article-extraction benchmark (English).",
    "readability-test-pages": "Mozilla's Readability test pages. The truth is Readability.js's own "
                              "expected output, so the scores lean towards Readability.js and its ports.",
    "trafilatura-rtl": "One Tunisian Arabic page scored by must / must-not snippets only (no full text).",
}


def _num(x, digits=3):
    return "–" if x is None else f"{x:.{digits}f}"


def _ms(x):
    return "–" if x is None else (f"{x:.1f}" if x >= 1 else f"{x:.2f}")


def _best(values, higher=True):
    known = [v for v in values.values() if v is not None]
    if not known:
        return None
    return max(known) if higher else min(known)


def _leaks(s):
    leaks = s.get("leaks")
    return "–" if not leaks else f"{leaks['strings']} / {leaks['checked']}"


def accuracy_section(name, corpus):
    systems = corpus["systems"]
    out = [f"### {name} ({corpus['pages']} pages)", "", NOTES.get(name, ""), ""]
    has_text = any(s.get("f1") is not None for s in systems.values())
    if has_text:
        best = _best({k: s.get("f1") for k, s in systems.items()})
        out += ["| System | F1 | Precision | Recall | Leaked strings | Errors | Median ms | p95 ms |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for key, s in systems.items():
            f1 = _num(s.get("f1"))
            if s.get("f1") is not None and s.get("f1") == best:
                f1 = f"**{f1}**"
            ran = "" if s["ran"] else " (did not run)"
            out.append(f"| {LABELS[key]}{ran} | {f1} | {_num(s.get('precision'))} | "
                       f"{_num(s.get('recall'))} | {_leaks(s)} | {s['errors']} | "
                       f"{_ms(s.get('median_ms'))} | {_ms(s.get('p95_ms'))} |")
        out += ["", verdict({k: s.get("f1") for k, s in systems.items()}, "F1")]
        out += per_type_table(systems)
        out += naqi_failures(systems.get("naqi"))
    else:
        out += ["| System | Must-have found | Must-not found | Snippet F1 | Errors | Median ms |",
                "|---|---:|---:|---:|---:|---:|"]
        for key, s in systems.items():
            sn = s.get("snippets") or {}
            out.append(f"| {LABELS[key]} | {sn.get('with_found', '–')} / {sn.get('with_total', '–')} | "
                       f"{sn.get('without_found', '–')} / {sn.get('without_total', '–')} | "
                       f"{_num(sn.get('f1'))} | {s['errors']} | {_ms(s.get('median_ms'))} |")
        out += ["", verdict({k: (s.get("snippets") or {}).get("f1") for k, s in systems.items()},
                            "snippet F1")]
    return out + [""]


def per_type_table(systems):
    """F1 per page type, one row per type, for corpora of several types (WCXB)."""
    kinds = sorted({k for s in systems.values() for k in (s.get("per_type") or {})})
    if not kinds:
        return []
    keys = list(systems)
    out = ["", "F1 per page type:", "",
           "| Type | Pages | " + " | ".join(LABELS[k] for k in keys) + " |",
           "|---|---:|" + "---:|" * len(keys)]
    for kind in kinds:
        row = {k: (systems[k].get("per_type") or {}).get(kind, {}).get("f1") for k in keys}
        best = _best(row)
        pages = next((systems[k]["per_type"][kind]["pages"] for k in keys
                      if kind in (systems[k].get("per_type") or {})), "–")
        cells = [f"**{_num(v)}**" if v is not None and v == best else _num(v) for v in row.values()]
        out.append(f"| {kind} | {pages} | " + " | ".join(cells) + " |")
    return out


def _short(pid):
    return pid[:12] + "…" if len(pid) > 16 else pid


def naqi_failures(naqi):
    """naqi's errors and weakest pages on a corpus, so they can be looked at."""
    if not naqi:
        return []
    rows = naqi["per_page"]
    out = []
    errors = sorted((pid, r["error"].split(":")[0]) for pid, r in rows.items() if r.get("error"))
    if errors:
        out.append("- naqi returned an error on: " + ", ".join(f"`{_short(p)}` ({c})" for p, c in errors) + ".")
    weakest = sorted(((r["f1"], pid) for pid, r in rows.items()
                      if r.get("f1") is not None and not r.get("error") and r["f1"] < 0.9))[:8]
    if weakest:
        out.append("- naqi's weakest pages (F1 < 0.9): "
                   + ", ".join(f"`{_short(p)}` {f1:.2f}" for f1, p in weakest) + ".")
    return [""] + out if out else []


def verdict(scores, what):
    """One honest sentence: who leads, and by how much naqi trails if it does."""
    known = {k: v for k, v in scores.items() if v is not None}
    if "naqi" not in known or len(known) < 2:
        return ""
    best_key = max(known, key=known.get)
    peers = {k: v for k, v in known.items() if k != "naqi"}
    best_peer = max(peers, key=peers.get)
    if known["naqi"] == peers[best_peer]:
        return f"naqi ties with {LABELS[best_peer]} for the best {what} here ({known['naqi']:.3f})."
    if known["naqi"] > peers[best_peer]:
        return (f"naqi has the best {what} here ({known['naqi']:.3f}; best peer "
                f"{LABELS[best_peer]} {peers[best_peer]:.3f}).")
    return (f"**{LABELS[best_key]} wins here**: {what} {known[best_key]:.3f} against naqi's "
            f"{known['naqi']:.3f}.")


def per_page_section(name, corpus):
    systems = corpus["systems"]
    ids = sorted({pid for s in systems.values() for pid in s["per_page"]})
    out = [f"### Per page: {name}", "",
           "F1 per page; `n leaked` counts boilerplate strings found in the output.", "",
           "| Page | " + " | ".join(LABELS[k] for k in systems) + " |",
           "|---|" + "---:|" * len(systems)]
    for pid in ids:
        cells = []
        for s in systems.values():
            row = s["per_page"].get(pid) or {}
            if row.get("error"):
                cell = "error " + row["error"].split(":")[0]
            else:
                cell = _num(row.get("f1"))
                if row.get("leaked"):
                    cell += f" ({row['leaked']} leaked)"
            cells.append(cell)
        out.append(f"| {pid} | " + " | ".join(cells) + " |")
    return out + [""]


def speed_section(speed):
    out = ["## Speed", ""]
    native = {k: speed[k] for k in ("naqi", "naqi_parse", "dom_smoothie") if k in speed}
    if native:
        n = native.get("naqi", {}).get("timed", 0)
        out += [f"Native, one thread, ScrapingHub pages ({n} pages); each page's time is the median of "
                "its repeated runs, best of three rounds in which the systems take turns.", "",
                "| System | Median ms/page | p95 ms/page | Total s |", "|---|---:|---:|---:|"]
        names = {"naqi": "naqi (extract)", "naqi_parse": "html5ever parse only (decode + parse)",
                 "dom_smoothie": "dom_smoothie"}
        for key, t in native.items():
            out.append(f"| {names[key]} | {_ms(t['median_ms'])} | {_ms(t['p95_ms'])} | "
                       f"{t['total_ms'] / 1000:.2f} |")
        out.append("")
        naqi, parse, ds = native.get("naqi"), native.get("naqi_parse"), native.get("dom_smoothie")
        if naqi and parse and parse["total_ms"]:
            ratio = naqi["total_ms"] / parse["total_ms"]
            target = "within" if ratio <= 1.5 else "**not within**"
            out.append(f"- naqi total / parse-only total: **{ratio:.2f}×** ({target} the 1.5× target).")
        if naqi and ds and ds["total_ms"] and naqi["total_ms"]:
            ratio = ds["total_ms"] / naqi["total_ms"]
            if ratio >= 1:
                out.append(f"- naqi is **{ratio:.2f}× faster** than dom_smoothie in total "
                           f"(medians {_ms(naqi['median_ms'])} vs {_ms(ds['median_ms'])} ms).")
            else:
                out.append(f"- **dom_smoothie is faster**: naqi takes {1 / ratio:.2f}× its total time "
                           f"(medians {_ms(naqi['median_ms'])} vs {_ms(ds['median_ms'])} ms).")
        out.append("")
    growth = speed.get("growth")
    if growth:
        out += ["Growth: `samples/ar-news.html` with its body repeated 1×, 10× and 100× "
                "(linear work means ×10 time per step).", "",
                "| Copies | Bytes | naqi ms | parse ms | dom_smoothie ms |", "|---:|---:|---:|---:|---:|"]
        for page in growth["pages"]:
            pid = page["id"]
            out.append(f"| {pid[1:]} | {page['bytes']:,} | {_ms(growth.get('naqi', {}).get(pid))} | "
                       f"{_ms(growth.get('naqi_parse', {}).get(pid))} | "
                       f"{_ms(growth.get('dom_smoothie', {}).get(pid))} |")
        naqi = growth.get("naqi", {})
        if naqi.get("x10") and naqi.get("x100"):
            # Time ~ size^k: k = 1 is linear, k = 2 quadratic. The 10x -> 100x step is used
            # because the 1x page is small enough for fixed costs to dominate.
            k = math.log10(naqi["x100"] / naqi["x10"])
            shape = "close to linear" if k < 1.3 else "**worse than linear**"
            out += ["", f"- naqi from 10× to 100× content: {naqi['x100'] / naqi['x10']:.1f}× the time, "
                    f"growth exponent **{k:.2f}** (1 = linear, 2 = quadratic): {shape}."]
        out.append("")
    return out


def browser_section(browser, extension):
    out = ["## In the browser", ""]
    if browser:
        ratio = browser.get("median_ratio")
        target = "" if ratio is None else (" — within the ≤ 0.5 target" if ratio <= 0.5
                                           else " — **not within** the ≤ 0.5 target")
        out += [browser.get("description", ""), "",
                f"- median over {browser.get('pages')} pages of naqi / Readability.js time: "
                f"**{_num(ratio, 2)}**{target}",
                f"- median ms/page: naqi `extractDocument` {_ms(browser.get('naqi_median_ms'))}, "
                f"Readability.js {_ms(browser.get('readability_median_ms'))}"
                + (f"; {browser['failed']} pages failed to load" if browser.get("failed") else ""),
                f"- the HTML path instead (`extract(outerHTML)`: the page serialized and parsed "
                f"again in Wasm): {_ms(browser.get('naqi_html_median_ms'))} ms/page, "
                f"{_num(browser.get('median_html_ratio'), 2)}× Readability.js; reading `outerHTML` "
                f"alone takes {_ms(browser.get('outer_html_median_ms'))} ms",
                f"- both paths give the same text on {browser.get('same_text_pages', '–')} of "
                f"{browser.get('pages')} pages",
                f"- first call on a fresh page (cold: Wasm compiled lazily, JavaScript not yet "
                f"optimized): naqi {_ms(browser.get('naqi_first_median_ms'))} ms, Readability.js "
                f"{_ms(browser.get('readability_first_median_ms'))} ms (medians)",
                ""]
    else:
        out += ["In-page comparison not measured in this run (needs `make package`).", ""]
    if extension:
        out += [extension.get("description", ""), "",
                f"- activation to view: median **{_ms(extension.get('median_ms'))} ms** over "
                f"{extension.get('pages')} pages (first, cold: {_ms(extension.get('first_ms'))} ms)"
                + (f"; {extension['failed']} pages failed" if extension.get("failed") else ""), ""]
    else:
        out += ["Extension activation not measured in this run (needs `make extension`).", ""]
    return out


def sizes_section(sizes):
    out = ["## Sizes", ""]
    if not sizes:
        return out + ["`dist/` was not built in this run (`make package`).", ""]
    for w in sizes.get("wasm", []):
        out.append(f"- `{w['path']}`: {w['bytes'] / 1024:.0f} KiB, **{w['gzip_bytes'] / 1024:.0f} KiB gzipped**")
    for t in sizes.get("npm", []):
        out.append(f"- npm package `{t['path']}`: **{t['bytes'] / 1024:.0f} KiB** packed")
    return out + [""]


def history_section(history):
    """Earlier runs' headline numbers, newest first, so before/after stays visible."""
    if not history:
        return []
    out = ["## History", "", "Headline numbers of the last runs of `make eval` (eval/history.jsonl), "
           "newest first.", "",
           "| Date | Commit | arabic-real F1 | leaks | ScrapingHub F1 | Readability pages F1 | "
           "median ms | naqi / parse | browser naqi / Readability.js |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in reversed(history[-12:]):
        out.append(f"| {row['date']} | `{row['commit']}` | {_num(row.get('arabic_f1'))} | "
                   f"{row.get('arabic_leaks', '–')} | {_num(row.get('scrapinghub_f1'))} | "
                   f"{_num(row.get('readability_pages_f1'))} | {_ms(row.get('median_ms'))} | "
                   f"{_num(row.get('parse_ratio'), 2)} | {_num(row.get('browser_ratio'), 2)} |")
    return out + [""]


METHOD = """## How it is measured

- Every system reads the same page files, one page at a time on one thread, in the same run.
  Timings are taken inside each runner around the extraction only (no process start, no file
  reading): naqi from bytes (charset decoding, parsing, extraction, sanitizing, text and Markdown);
  Readability.js from building the jsdom document to `parse()`; Defuddle from building the linkedom
  document to its result (on jsdom it takes seconds per page); Trafilatura `extract()`;
  Resiliparse `HTMLTree.parse()` + `extract_plain_text(main_content=True)`; dom_smoothie `Readability::new` + `parse()`. The JavaScript and Python runners extract the
  first page once, untimed, before the timed runs (warm-up); the native ones need none.
- Text scored: naqi's `text`; for Readability.js and Defuddle their content HTML turned into text
  with a line break around every block element; Trafilatura's text output (comments off, tables
  on); Resiliparse's plain text; dom_smoothie's formatted text. No system gets the page URL except Defuddle and Trafilatura,
  which take it as metadata input.
- Scores come from the shared scorer, `../shared/eval/score.py` (4-gram shingles, macro precision /
  recall, F1 of the two, Arabic normalization, ambiguous truth blocks ignored). A page a system fails on scores as an empty output.
- Reproduce: `make eval` (`CORPORA=dir` for another corpora folder). Raw outputs land in `eval/out/`.
"""


def render(results):
    m, v = results["machine"], results["versions"]
    out = ["# Benchmarks", "",
           f"Generated by `make eval` on {m['date']} at commit `{m['commit']}` in "
           f"{results['elapsed_s'] / 60:.1f} minutes of measuring. Do not edit by hand.", "",
           f"Machine: {m['cpu']}, {m['cpus']} CPUs, {m['memory']} RAM, {m['os']}; {m['rustc']}, "
           f"node {m['node']}, Python {m['python']}.", "",
           "Versions: " + ", ".join(
               f"{LABELS.get(k, k)} {val}" for k, val in v.items()), ""]
    out += headline(results)
    out += ["## Accuracy", ""]
    for name, corpus in results["corpora"].items():
        out += accuracy_section(name, corpus)
    if "arabic-real" in results["corpora"]:
        out += per_page_section("arabic-real", results["corpora"]["arabic-real"])
    if "speed" in results:
        out += speed_section(results["speed"])
    out += browser_section(results.get("browser"), results.get("extension"))
    out += sizes_section(results.get("sizes"))
    out += history_section(results.get("history"))
    out.append(METHOD)
    return "\n".join(out)


def headline(results):
    out = ["## Headline", ""]
    corpora = results["corpora"]
    for name in ("arabic-real", "scrapinghub"):
        if name not in corpora:
            continue
        systems = corpora[name]["systems"]
        cells = []
        for key, s in systems.items():
            leaks = s.get("leaks")
            cell = f"{LABELS[key]} {_num(s.get('f1'))}"
            if leaks:
                cell += f" ({leaks['strings']} leaks)"
            cells.append(cell)
        out.append(f"- **{name}** F1: " + "; ".join(cells) + ".")
    native = results.get("speed", {})
    if native.get("naqi") and native.get("naqi_parse") and native.get("dom_smoothie"):
        n, p, d = native["naqi"], native["naqi_parse"], native["dom_smoothie"]
        out.append(f"- **Speed** (ScrapingHub, native): naqi median {_ms(n['median_ms'])} ms/page, "
                   f"dom_smoothie {_ms(d['median_ms'])} ms/page; naqi / parse-only "
                   f"{n['total_ms'] / p['total_ms']:.2f}×.")
    browser = results.get("browser")
    if browser and browser.get("median_ratio"):
        out.append(f"- **In Chromium**: naqi Wasm takes {browser['median_ratio']:.2f}× Readability.js's "
                   f"time (median over {browser['pages']} pages).")
    extension = results.get("extension")
    if extension and extension.get("median_ms"):
        out.append(f"- **Extension**: {extension['median_ms']:.0f} ms from activation to the reading "
                   f"view (median over {extension['pages']} pages).")
    for w in (results.get("sizes") or {}).get("wasm", []):
        out.append(f"- **Size**: {w['gzip_bytes'] / 1024:.0f} KiB gzipped Wasm.")
    return out + [""]
