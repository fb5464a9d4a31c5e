#!/usr/bin/env python3
"""naqi's scorer for article-body extraction (standard library only).

It implements the metric documented in ../shared/eval/score.py, written afresh for this project;
eval/test_score.py checks that the two agree to 1e-9.

The metric, per page:
  1. Normalize both texts: NFC; drop invisible format characters (soft hyphen, ALM, ZWNJ, ZWJ,
     LRM, RLM, bidi embeddings, overrides and isolates, word joiner, BOM); zero-width space
     becomes a space; drop Arabic marks (the nonspacing marks of U+0610-U+061A, U+064B-U+065F,
     U+0670 and U+06D6-U+06ED) and tatweel; fold alef forms to bare alef, alef maqsura to yeh,
     teh marbuta to heh; collapse whitespace.
  2. Cut every "ambiguous" truth block out of the prediction, so it counts neither way.
  3. Tokens are runs of word characters (Python's \\w+). Shingles are the 4-token windows; a text
     of 1 to 3 tokens is one short shingle, an empty text has none.
  4. Compare the shingle multisets: tp shared, fp only predicted, fn only true; divide all three by
     their sum so that every page weighs the same.
  5. Precision tp/(tp+fp), recall tp/(tp+fn); both 1.0 when fp = fn = 0.
Over a corpus: precision is the mean over pages whose prediction has shingles, recall the mean
over pages whose truth has shingles, and F1 the harmonic mean of those two means.

Leaks: the truth's "negatives", "inline_teasers" and "must_not_contain" strings (boilerplate that
must not come out) are searched in the normalized prediction; every hit is a leaked string.
Snippets: truth "with" / "without" lists (pages without body text) are counted by substring search.
A truth page with no prediction counts as an empty prediction.

Usage:
  score.py PRED.jsonl TRUTH.jsonl               summary as JSON
  score.py PRED.jsonl TRUTH.jsonl --per-page    one tab-separated row per page, then the summary
"""
import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field

SHINGLE = 4

# ------------------------------------------------------------------ normalization
_INVISIBLE = (
    [0x00AD, 0x061C, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
_ARABIC_MARK_BLOCKS = [(0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED)]
_TATWEEL = 0x0640


def _build_table():
    table = {cp: None for cp in _INVISIBLE}
    table[0x200B] = " "  # zero-width space separates words
    for lo, hi in _ARABIC_MARK_BLOCKS:
        for cp in range(lo, hi + 1):
            if unicodedata.category(chr(cp)) == "Mn":
                table[cp] = None
    table[_TATWEEL] = None
    for alef in (0x0622, 0x0623, 0x0625, 0x0671):
        table[alef] = "\u0627"
    table[0x0649] = "\u064A"  # alef maqsura -> yeh
    table[0x0629] = "\u0647"  # teh marbuta -> heh
    return table


_TABLE = _build_table()
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalize(text):
    """The normalized form in which texts are tokenized and searched."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    return _SPACES.sub(" ", text).strip()


def shingles(text):
    """Multiset of 4-token shingles of a normalized text."""
    words = _WORD.findall(text)
    if not words:
        return Counter(), 0
    if len(words) < SHINGLE:
        return Counter([tuple(words)]), len(words)
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)), len(words)


# ------------------------------------------------------------------ per page
@dataclass
class Page:
    """The score of one truth page."""
    id: str
    missing: bool = False
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0
    precision: float = None
    recall: float = None
    f1: float = None
    true_tokens: int = 0
    pred_tokens: int = 0
    leaked: list = field(default_factory=list)
    leak_checks: int = 0
    with_found: int = 0
    with_total: int = 0
    without_found: int = 0
    without_total: int = 0
    has_text: bool = False


def _f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score_page(truth, prediction):
    """Score one prediction text (None when missing) against one truth record."""
    page = Page(id=truth["id"], missing=prediction is None)
    pred = normalize(prediction or "")
    for block in truth.get("ambiguous") or []:
        block = normalize(block)
        if block:
            pred = pred.replace(block, " ")
    forbidden = [normalize(s) for key in ("negatives", "inline_teasers", "must_not_contain")
                 for s in truth.get(key) or []]
    forbidden = [s for s in forbidden if s]
    page.leak_checks = len(forbidden)
    page.leaked = [s for s in forbidden if s in pred]
    wanted = [normalize(s) for s in truth.get("with") or []]
    unwanted = [normalize(s) for s in truth.get("without") or []]
    page.with_total, page.without_total = len(wanted), len(unwanted)
    page.with_found = sum(s in pred for s in wanted)
    page.without_found = sum(s in pred for s in unwanted)

    true_text = truth.get("text") if isinstance(truth.get("text"), str) else None
    if true_text is None:
        return page
    page.has_text = True
    true_sh, page.true_tokens = shingles(normalize(true_text))
    pred_sh, page.pred_tokens = shingles(pred)
    shared = sum((true_sh & pred_sh).values())
    extra = sum((pred_sh - true_sh).values())
    lost = sum((true_sh - pred_sh).values())
    total = shared + extra + lost
    if total:
        page.tp, page.fp, page.fn = shared / total, extra / total, lost / total
    if page.fp == 0 and page.fn == 0:
        page.precision = page.recall = 1.0
    else:
        page.precision = page.tp / (page.tp + page.fp) if page.tp + page.fp > 0 else 0.0
        page.recall = page.tp / (page.tp + page.fn) if page.tp + page.fn > 0 else 0.0
    page.f1 = _f1(page.precision, page.recall)
    return page


# ------------------------------------------------------------------ corpus
def _mean(values):
    return sum(values) / len(values) if values else None


def summarize(pages):
    """Macro scores, leak and snippet counts over scored pages."""
    scored = [p for p in pages if p.has_text]
    precision = _mean([p.precision for p in scored if p.tp + p.fp > 0])
    recall = _mean([p.recall for p in scored if p.tp + p.fn > 0])
    summary = {
        "pages": len(pages),
        "scored_pages": len(scored),
        "missing_predictions": sum(p.missing for p in pages),
    }
    if scored:
        summary.update(precision=precision, recall=recall, f1=_f1(precision or 0.0, recall or 0.0))
    checks = sum(p.leak_checks for p in pages)
    if checks:
        summary["leaks"] = {
            "strings": sum(len(p.leaked) for p in pages),
            "checked": checks,
            "pages": sum(1 for p in pages if p.leaked),
        }
    w_found, w_total = sum(p.with_found for p in pages), sum(p.with_total for p in pages)
    wo_found, wo_total = sum(p.without_found for p in pages), sum(p.without_total for p in pages)
    if w_total + wo_total:
        sp = w_found / (w_found + wo_found) if w_found + wo_found else 0.0
        sr = w_found / w_total if w_total else 0.0
        summary["snippets"] = {"with_found": w_found, "with_total": w_total,
                               "without_found": wo_found, "without_total": wo_total,
                               "precision": sp, "recall": sr, "f1": _f1(sp, sr)}
    return summary


def score(truth, predictions):
    """Score {id: text or None} predictions against a list of truth records, in id order."""
    pages = [score_page(t, predictions.get(t["id"])) for t in sorted(truth, key=lambda t: t["id"])]
    return pages, summarize(pages)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_predictions(path):
    """{id: text} from a JSONL file of {"id", "text"} lines; a line without text maps to ""."""
    preds = {}
    for rec in read_jsonl(path):
        text = rec.get("text")
        preds[str(rec["id"])] = text if isinstance(text, str) else ""
    return preds


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score extraction output (4-gram shingle P/R/F1, leaks).")
    ap.add_argument("pred", help="predictions, JSONL with id and text")
    ap.add_argument("truth", help="truth, JSONL with id and text (and optional leak/snippet lists)")
    ap.add_argument("--per-page", action="store_true", help="print one row per page first")
    args = ap.parse_args(argv)
    pages, summary = score(read_jsonl(args.truth), read_predictions(args.pred))
    if args.per_page:
        cols = ["id", "precision", "recall", "f1", "true_tokens", "pred_tokens", "leaked"]
        print("\t".join(cols))
        for p in pages:
            row = asdict(p)
            row["leaked"] = len(p.leaked)
            print("\t".join("" if row[c] is None else
                            f"{row[c]:.4f}" if isinstance(row[c], float) else str(row[c])
                            for c in cols))
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
