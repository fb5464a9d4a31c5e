#!/usr/bin/env python3
"""Tests for eval/score.py: hand-made cases, and agreement with ../shared/eval/score.py to 1e-9
on the same predictions over every corpus truth file.

Run: python3 eval/test_score.py [-v]   (CORPORA=... to point at another corpora folder)
"""
import importlib.util
import os
import random
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (the project's scorer, next to this file)

ROOT = HERE.parent
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
CORPORA = Path(os.environ.get("CORPORA", SHARED / "corpora"))
TOLERANCE = 1e-9


def load_reference():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        raise unittest.SkipTest(f"reference scorer {path} is missing")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class HandCases(unittest.TestCase):
    def page(self, truth, pred):
        return score.score_page(dict({"id": "x"}, **truth), pred)

    def test_identical_text_scores_one(self):
        p = self.page({"text": "one two three four five six"}, "one two three four five six")
        self.assertEqual((p.precision, p.recall, p.f1), (1.0, 1.0, 1.0))

    def test_disjoint_text_scores_zero(self):
        p = self.page({"text": "one two three four five"}, "six seven eight nine ten")
        self.assertEqual((p.precision, p.recall, p.f1), (0.0, 0.0, 0.0))

    def test_half_the_text(self):
        # 7 true tokens -> 4 shingles; the prediction keeps the first 5 tokens -> 2 shingles.
        p = self.page({"text": "a b c d e f g"}, "a b c d e")
        self.assertAlmostEqual(p.precision, 1.0)
        self.assertAlmostEqual(p.recall, 0.5)

    def test_short_texts_are_one_shingle(self):
        self.assertEqual(self.page({"text": "a b"}, "a b").f1, 1.0)
        self.assertEqual(self.page({"text": "a b"}, "a c").f1, 0.0)

    def test_arabic_normalization(self):
        truth = {"text": "أعلنت الحكومة إطلاق مبادرة جديدة للمياه"}
        pred = "اَعلنت الحكــومة\u200c اطلاق مبادره جديدة للمياه"
        self.assertEqual(self.page(truth, pred).f1, 1.0)

    def test_ambiguous_blocks_count_neither_way(self):
        truth = {"text": "w1 w2 w3 w4 w5 w6", "ambiguous": ["photo credit agency name"]}
        self.assertEqual(self.page(truth, "w1 w2 w3 w4 w5 w6 photo credit agency name").f1, 1.0)
        self.assertEqual(self.page(truth, "w1 w2 w3 w4 w5 w6").f1, 1.0)

    def test_leaks_are_counted(self):
        truth = {"text": "body text here now", "negatives": ["اقرأ أيضا", "most read"],
                 "inline_teasers": ["teaser headline"]}
        p = self.page(truth, "body text here now اقرا ايضا teaser headline")
        self.assertEqual(len(p.leaked), 2)
        self.assertEqual(p.leak_checks, 3)

    def test_missing_prediction_is_empty(self):
        pages, summary = score.score([{"id": "a", "text": "w1 w2 w3 w4 w5"}], {})
        self.assertTrue(pages[0].missing)
        self.assertEqual(summary["recall"], 0.0)
        self.assertIsNone(summary["precision"])

    def test_snippets(self):
        truth = {"with": ["kept one", "kept two"], "without": ["gone"]}
        p = self.page(truth, "kept one and gone")
        self.assertEqual((p.with_found, p.without_found), (1, 1))


def perturb(rng, rec, others):
    """A plausible extractor output for one truth record, drawn at random."""
    text = rec.get("text") or ""
    lines = [l for l in text.split("\n") if l.strip()]
    choice = rng.randrange(9)
    if choice == 0:
        return text
    if choice == 1:
        return ""
    if choice == 2:  # paragraphs lost
        return "\n".join(l for l in lines if rng.random() < 0.6)
    if choice == 3:  # boilerplate added: the page's own negatives and another page's text
        extra = (rec.get("negatives") or []) + (rec.get("inline_teasers") or [])
        return "\n".join(lines + extra + [rng.choice(others)[:400]])
    if choice == 4:  # ambiguous blocks kept, marks and invisible characters sprinkled in
        noisy = text.replace("ا", "\u0627\u064e", 3).replace(" ", " \u200c", 5)
        return "\n".join(rec.get("ambiguous") or []) + "\n" + noisy
    if choice == 5:  # a few words only
        return " ".join(text.split()[: rng.randrange(1, 4)])
    if choice == 6:  # the wrong article
        return rng.choice(others)
    if choice == 7:  # shuffled paragraphs
        rng.shuffle(lines)
        return "\n".join(lines)
    return None  # no prediction at all


class AgreesWithReference(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.reference = load_reference()
        if not CORPORA.is_dir():
            raise unittest.SkipTest(f"corpora folder {CORPORA} is missing")
        cls.truth_files = sorted(CORPORA.glob("*/truth.jsonl"))

    def check(self, truth_path, predictions, label):
        truth = score.read_jsonl(truth_path)
        pages, mine = score.score(truth, predictions)
        ref_truth = self.reference.load_records(str(truth_path))
        ref_pred = {k: {"id": k, "text": v} for k, v in predictions.items()}
        ref = self.reference.score(ref_pred, ref_truth)
        where = f"{truth_path.parent.name} ({label})"
        for key in ("precision", "recall", "f1"):
            if ref.get(key) is None:
                self.assertIsNone(mine.get(key), where)
            else:
                self.assertLessEqual(abs(mine[key] - ref[key]), TOLERANCE, f"{where}: {key}")
        self.assertEqual(mine.get("leaks"), {k: v for k, v in (ref.get("leaks") or {}).items()
                                             if k != "pages_checked"} or None, where)
        if "snippets" in ref:
            for key in ("with_found", "with_total", "without_found", "without_total", "f1"):
                self.assertLessEqual(abs(mine["snippets"][key] - ref["snippets"][key]), TOLERANCE)
        ref_pages = {r["id"]: r for r in ref["per_page"]}
        for page in pages:
            r = ref_pages[page.id]
            self.assertEqual(len(page.leaked), r.get("leaked", 0), f"{where}: {page.id}")
            for key in ("precision", "recall", "f1", "tp", "fp", "fn"):
                if key in r:
                    self.assertLessEqual(abs(getattr(page, key) - r[key]), TOLERANCE,
                                         f"{where}: {page.id} {key}")

    def test_corpora_truths(self):
        self.assertTrue(self.truth_files, f"no */truth.jsonl under {CORPORA}")
        for truth_path in self.truth_files:
            truth = score.read_jsonl(truth_path)
            texts = [t.get("text") or " ".join(t.get("with") or []) for t in truth]
            for seed in range(3):
                rng = random.Random(seed)
                preds = {}
                for rec in truth:
                    pred = perturb(rng, rec, texts)
                    if pred is not None:
                        preds[rec["id"]] = pred
                self.check(truth_path, preds, f"seed {seed}")

    def test_real_output_when_given(self):
        # eval-smoke points PRED_DIR at naqi's own predictions: score those both ways too.
        pred_dir = os.environ.get("PRED_DIR")
        if not pred_dir:
            self.skipTest("PRED_DIR not set")
        found = 0
        for truth_path in self.truth_files:
            pred_path = Path(pred_dir) / truth_path.parent.name / "naqi.jsonl"
            if pred_path.exists():
                found += 1
                self.check(truth_path, score.read_predictions(pred_path), "naqi output")
        self.assertGreater(found, 0, f"no predictions in {pred_dir}")


if __name__ == "__main__":
    unittest.main()
