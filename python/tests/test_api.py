"""The binding's own surface: input types, options, errors and codes, the typed result,
threads."""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

import naqi
from conftest import FIXTURES, fixture_dirs

PAGE = """<html lang="ar"><head><title>عنوان الخبر</title></head><body><article>
<h1>عنوان الخبر</h1>
<p>هذه فقرة أولى طويلة بما يكفي لتكون جزءاً من المقال، وفيها فواصل عربية، وجمل كاملة.</p>
<p>اقرأ أيضاً: <a href="/other">خبر آخر لا علاقة له بالمقال</a></p>
<p>وهذه فقرة ثانية من المقال نفسه، تكمل الخبر وتضيف تفاصيل أخرى مهمة للقارئ العربي.</p>
<img src="/photo.jpg" alt="صورة">
</article></body></html>"""


def test_str_and_bytes_give_the_same_article():
    a = naqi.extract(PAGE)
    b = naqi.extract(PAGE.encode("utf-8"))
    assert a.to_dict() == b.to_dict()
    assert a.title == "عنوان الخبر"
    assert a.dir == "rtl" and a.lang == "ar"
    assert "فقرة ثانية" in a.text and "خبر آخر" not in a.text
    assert a.removed and a.removed[0].kind == "read-also"
    assert isinstance(a.removed[0], naqi.Removal)
    assert a.word_count > 10
    assert 1 <= a.reading_time.min_minutes <= a.reading_time.max_minutes


def test_to_dict_is_json_ready_and_matches_attributes():
    a = naqi.extract(PAGE, url="https://example.com/news/1")
    d = json.loads(json.dumps(a.to_dict(), ensure_ascii=False))
    for key in ("title", "lang", "dir", "text", "content_html", "markdown", "word_count"):
        assert d[key] == getattr(a, key)
    assert d["removed"][0]["kind"] == a.removed[0].kind
    assert d["reading_time"]["max_minutes"] == a.reading_time.max_minutes


def test_removals_name_their_stage_and_rule():
    a = naqi.extract(PAGE)
    first = a.removed[0]
    assert (first.stage, first.kind, first.rule) == ("related", "read-also", "inline-line")
    assert first.to_dict()["rule"] == "inline-line"
    assert all(r.rule in naqi.REMOVAL_RULES for r in a.removed)
    assert "hidden-element" in naqi.REMOVAL_RULES and len(set(naqi.REMOVAL_RULES)) > 20


def test_url_resolves_links_and_images():
    a = naqi.extract(PAGE, "https://example.com/news/1")
    assert "https://example.com/photo.jpg" in a.content_html
    b = naqi.extract(PAGE, url="https://example.com/news/1", keep_images=False)
    assert "photo.jpg" not in b.content_html


def test_options_reach_the_extractor():
    kept = naqi.extract(PAGE, remove_related=False)
    assert "خبر آخر" in kept.text and not kept.removed
    page = PAGE.replace("اقرأ أيضاً:", "شاهد الملف:")
    assert "خبر آخر" in naqi.extract(page).text
    assert "خبر آخر" not in naqi.extract(page, extra_labels=["شاهد الملف"]).text


def test_windows_1256_bytes_are_decoded():
    folder = FIXTURES / "ar" / "windows-1256"
    data = (folder / "source.bin").read_bytes()
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert naqi.extract(data).title == expected["title"]


def test_encoding_names_the_charset_of_bytes():
    page = PAGE.replace("<head>", "<head><meta charset=utf-8>")
    data = page.encode("cp1256")
    # The page says UTF-8 but the bytes are windows-1256: only the outside charset reads it.
    assert naqi.extract(data, encoding="windows-1256").title == "عنوان الخبر"
    assert naqi.extract(data).title != "عنوان الخبر"
    # An unknown label falls back to the page's own declaration and sniffing.
    assert naqi.extract(PAGE.encode(), encoding="no-such-charset").title == "عنوان الخبر"


@pytest.mark.parametrize(
    "call, cls, code",
    [
        (lambda: naqi.extract(""), naqi.EmptyInputError, "EMPTY_INPUT"),
        (lambda: naqi.extract(b"  \n "), naqi.EmptyInputError, "EMPTY_INPUT"),
        (lambda: naqi.extract(PAGE, max_input_bytes=100), naqi.InputTooLargeError, "INPUT_TOO_LARGE"),
        (lambda: naqi.extract(b"\x00\x01\x02" * 100), naqi.NotHtmlError, "NOT_HTML"),
        (lambda: naqi.extract("<html><body></body></html>"), naqi.NoArticleError, "NO_ARTICLE"),
        (lambda: naqi.extract(PAGE, url="not a url"), naqi.InvalidOptionsError, "INVALID_OPTIONS"),
        (lambda: naqi.extract(PAGE, max_elements=0), naqi.InvalidOptionsError, "INVALID_OPTIONS"),
    ],
)
def test_errors_carry_the_rust_codes(call, cls, code):
    with pytest.raises(cls) as caught:
        call()
    assert isinstance(caught.value, naqi.NaqiError)
    assert caught.value.code == code
    assert cls.code == code
    assert str(caught.value)


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        naqi.extract(123)
    with pytest.raises(TypeError):
        naqi.extract(PAGE, no_such_option=True)
    with pytest.raises(TypeError):
        naqi.is_probably_readable(None)


def test_is_probably_readable():
    long_page = PAGE.replace("</article>", "<p>" + "كلمة عربية أخرى، " * 80 + "</p></article>")
    assert naqi.is_probably_readable(long_page)
    assert naqi.is_probably_readable(long_page.encode())
    assert not naqi.is_probably_readable("<html><body><nav><a href=/>x</a></nav></body></html>")
    assert not naqi.is_probably_readable(b"\x00\x01" * 50)


def test_results_are_immutable():
    a = naqi.extract(PAGE)
    with pytest.raises(AttributeError):
        a.title = "x"


def _pages():
    pages = []
    for folder in fixture_dirs():
        if (folder / "source.bin").exists():
            pages.append((folder / "source.bin").read_bytes())
        else:
            pages.append((folder / "source.html").read_text(encoding="utf-8"))
    return pages


def _run(page):
    try:
        return naqi.extract(page).to_dict()
    except naqi.NaqiError as err:
        return err.code


def test_threads_give_the_same_results_as_one_thread():
    pages = _pages() * 4
    alone = [_run(p) for p in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(_run, pages))
    assert threaded == alone
    assert sum(isinstance(r, dict) for r in alone) >= 40


def test_the_gil_is_released_while_extracting():
    # A Python thread counts while another extracts a large page many times; with the GIL
    # held through each extraction the counter could only move between calls.
    import threading
    import time

    paragraphs = "".join(f"<p>فقرة رقم {i} فيها نص عربي طويل، وجمل كاملة.</p>" for i in range(8000))
    big = PAGE.replace("</article>", paragraphs + "</article>")
    start = time.perf_counter()
    naqi.extract(big)
    one = time.perf_counter() - start
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    time.sleep(0.01)
    before = len(ticks)
    naqi.extract(big)
    during = len(ticks) - before
    stop.set()
    t.join()
    # Over one extraction of `one` seconds, a free thread ticks about one/1ms times.
    assert one > 0.02, f"the page is too small to tell ({one:.4f} s)"
    assert during >= max(3, int(one / 0.001 / 10)), (during, one)
