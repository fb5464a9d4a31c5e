#!/usr/bin/env python3
"""Tests for the helpers of eval/run.py and eval/report.py (no peers are run)."""
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import report  # noqa: E402
import run  # noqa: E402


class Helpers(unittest.TestCase):
    def test_percentile_is_nearest_rank(self):
        values = list(range(1, 101))
        self.assertEqual(run.percentile(values, 0.95), 95)
        self.assertEqual(run.percentile([3.0], 0.95), 3.0)
        self.assertIsNone(run.percentile([], 0.95))

    def test_repeated_page_repeats_the_body_only(self):
        page = "<html><head><title>t</title></head><body class='x'><p>a</p></body></html>"
        out = run.repeated_page(page, 3)
        self.assertEqual(out.count("<p>a</p>"), 3)
        self.assertEqual(out.count("<title>"), 1)
        self.assertTrue(out.endswith("</body></html>"))
        with self.assertRaises(ValueError):
            run.repeated_page("<p>no body</p>", 2)

    def test_find_page_layouts(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp)
            (corpus / "pages").mkdir()
            (corpus / "pages/a.html.gz").write_bytes(b"")
            (corpus / "b").mkdir()
            (corpus / "b/source.html").write_text("")
            self.assertEqual(run.find_page(corpus, {"id": "a", "file": "pages/a.html"}),
                             corpus / "pages/a.html.gz")
            self.assertEqual(run.find_page(corpus, {"id": "b"}), corpus / "b/source.html")
            self.assertIsNone(run.find_page(corpus, {"id": "c"}))

    def test_verdict_is_honest(self):
        self.assertIn("Trafilatura wins", report.verdict({"naqi": 0.9, "trafilatura": 0.95}, "F1"))
        self.assertIn("naqi has the best", report.verdict({"naqi": 0.97, "trafilatura": 0.95}, "F1"))
        self.assertIn("ties", report.verdict({"naqi": 1.0, "defuddle": 1.0}, "F1"))


if __name__ == "__main__":
    unittest.main()
