"""Every fixture of tests/fixtures through the Python binding, with the keys of
tests/fixtures.rs; and the acceptance page."""

import html as html_lib
import json

import pytest

import naqi
from conftest import FIXTURES, fixture_dirs


def squash(s):
    return " ".join(s.split())


def squash_markup(s):
    return squash(s).replace("> ", ">").replace(" <", "<")


def trim_label(s):
    return s.strip().rstrip(": \u00a0\t\n")


def load(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if (folder / "source.bin").exists():
        page = (folder / "source.bin").read_bytes()
    else:
        page = (folder / "source.html").read_text(encoding="utf-8")
    return page, expected


KNOWN_KEYS = {
    "title", "lang", "dir", "must_contain", "must_not_contain", "text_not_contains",
    "removed_labels", "removed_kinds", "removed_rules", "lead_image", "published", "site_name", "byline",
    "url", "content_html_contains", "content_html_not_contains", "error",
}


def test_there_are_fixtures():
    assert len(fixture_dirs()) >= 40, f"too few fixtures under {FIXTURES}"


@pytest.mark.parametrize("folder", fixture_dirs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(folder):
    page, expected = load(folder)
    assert set(expected) <= KNOWN_KEYS, f"unknown keys {set(expected) - KNOWN_KEYS}"
    if "error" in expected:
        with pytest.raises(naqi.NaqiError) as caught:
            naqi.extract(page, url=expected.get("url"))
        assert caught.value.code == expected["error"]
        return
    a = naqi.extract(page, url=expected.get("url"))
    assert isinstance(a, naqi.Article)
    if "title" in expected:
        assert a.title.strip() == expected["title"].strip()
    for key in ("lang", "dir", "lead_image", "published", "site_name", "byline"):
        if key in expected:
            assert getattr(a, key) == expected[key], key
    text = squash(a.text)
    html_text = squash(html_lib.unescape(a.content_html))
    markup = squash_markup(a.content_html)
    for s in expected.get("must_contain", []):
        assert squash(s) in text, f"text lacks {s!r}"
    for s in expected.get("must_not_contain", []):
        assert squash(s) not in text, f"text has {s!r}"
        assert squash(s) not in html_text, f"content_html has {s!r}"
    for s in expected.get("text_not_contains", []):
        assert squash(s) not in text, f"text has {s!r}"
    for s in expected.get("content_html_contains", []):
        assert squash_markup(s) in markup, f"content_html lacks {s!r}"
    for s in expected.get("content_html_not_contains", []):
        assert squash_markup(s) not in markup, f"content_html has {s!r}"
    labels = [trim_label(r.label) for r in a.removed if r.label]
    for want in expected.get("removed_labels", []):
        want = trim_label(want)
        assert any(want == got or want in got for got in labels), (want, labels)
    kinds = {r.kind for r in a.removed}
    for want in expected.get("removed_kinds", []):
        assert want in kinds, (want, kinds)
        assert want in a.removed_kinds
    rules = {r.rule for r in a.removed}
    for want in expected.get("removed_rules", []):
        assert want in rules, (want, rules)
    assert {r.stage for r in a.removed} <= {"clean", "related", "unlikely", "postprocess"}


def test_acceptance_page(shared_dir):
    page = (shared_dir / "acceptance" / "seed-page.html").read_bytes()
    expected = json.loads(
        (shared_dir / "acceptance" / "seed-page.expected.json").read_text(encoding="utf-8")
    )
    a = naqi.extract(page)
    for key in ("title", "site_name", "published", "lang", "dir", "lead_image"):
        assert getattr(a, key) == expected[key], key
    assert [squash(p) for p in a.text.split("\n\n")] == [squash(p) for p in expected["paragraphs"]]
    for s in expected["must_not_contain"]:
        assert s not in a.text and s not in a.content_html and s not in a.markdown, s
    labels = [trim_label(r.label) for r in a.removed if r.label]
    for want in expected["removed_block_labels"]:
        assert want in labels, (want, labels)
    # The same page as text gives the same article.
    assert naqi.extract(page.decode("utf-8")).to_dict() == a.to_dict()
