#!/usr/bin/env python3
"""Runs Resiliparse's main-content extraction over the pages of a JSON Lines manifest and prints
one {"id", "text", "ms"} line per page (see py_peer.py).

Usage: eval/.venv/bin/python resiliparse_run.py MANIFEST.jsonl

Settings: `html2text` with `main_content=True` (its boilerplate removal), everything else at
Resiliparse's defaults.
"""
import sys

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from py_peer import run


def extract(html, url):
    text = extract_plain_text(HTMLTree.parse(html), main_content=True)
    return text or None


if __name__ == "__main__":
    sys.exit(run(extract, sys.argv[1]))
