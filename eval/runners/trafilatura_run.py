#!/usr/bin/env python3
"""Runs Trafilatura over the pages of a JSON Lines manifest ({"id", "path", "url"?} per line) and
prints one {"id", "text", "ms"} line per page ("error" instead of "text" on failure).

Usage: eval/.venv/bin/python trafilatura_run.py MANIFEST.jsonl

Settings: main text only (no comments), tables kept, everything else at Trafilatura's defaults.
The time covers trafilatura.extract() on the decoded page; the first page is run once untimed
before the timed runs (warm-up).
"""
import sys

import trafilatura

from py_peer import run


def extract(html, url):
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True)


if __name__ == "__main__":
    sys.exit(run(extract, sys.argv[1]))
