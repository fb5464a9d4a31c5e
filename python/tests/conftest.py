"""Shared paths for the Python tests: the repository's fixtures and ../shared."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = Path(os.environ.get("NAQI_SHARED", REPO.parent / "shared"))


def fixture_dirs():
    """Every fixture folder holding an expected.json, in a stable order."""
    return sorted(p.parent for p in FIXTURES.glob("*/*/expected.json"))


@pytest.fixture(scope="session")
def shared_dir():
    """../shared; under CI its absence fails the test instead of skipping it."""
    if not (SHARED / "acceptance" / "seed-page.html").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing under CI: the test cannot run without it")
        pytest.skip(f"{SHARED} is missing")
    return SHARED


def need(module, why):
    """Imports an optional module, or skips the test module without it; a module named in
    NAQI_REQUIRE (space separated, set by scripts/test-python.sh) fails instead."""
    if module in os.environ.get("NAQI_REQUIRE", "").split():
        return __import__(module)
    return pytest.importorskip(module, reason=why)
