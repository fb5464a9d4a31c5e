"""naqi.warc.extract_warc on WARC files written here from fixture pages: plain and gzipped,
a corrupt and a truncated record, non-HTML, non-2xx and non-response records, chunked and
gzip payloads, windows-1256 pages whose charset only the HTTP header names. Articles are
compared with naqi.extract on the same page, and with the CLI's `naqi warc` on the same file."""

import gzip
import json
import os
import subprocess

import pytest

import naqi
import warcs
from conftest import FIXTURES
from naqi.warc import WarcStats, extract_warc


@pytest.fixture(scope="module")
def pages():
    return warcs.fixture_pages(FIXTURES)


def expected(html, uri):
    return naqi.extract(html, url=uri).to_dict()


def run(path, **options):
    stats = WarcStats()
    items = list(extract_warc(path, stats=stats, **options))
    return items, stats


def test_html_responses_give_the_library_articles(tmp_path, pages):
    records = warcs.archive(pages)
    records.append(warcs.record("response", "img", "https://news.example/a.png",
                                warcs.http("image/png", b"\x89PNG\r\n")))
    records.append(warcs.record("response", "gone", "https://news.example/gone",
                                warcs.http("text/html", b"<p>gone</p>", status="404 Not Found")))
    records.append(warcs.record("metadata", "m", "https://news.example/0", b"fetchTimeMs: 3\r\n"))
    path = tmp_path / "a.warc"
    path.write_bytes(b"".join(records))
    items, stats = run(path)
    assert len(items) == len(pages)
    for i, (item, (uri, html)) in enumerate(zip(items, pages)):
        assert item.record_id == f"<urn:uuid:p{i}>"
        assert item.url == uri and item.date == warcs.DATE and item.file == str(path)
        assert item.article.to_dict() == expected(html, uri)
        d = item.to_dict()
        assert d["warc_record_id"] == item.record_id and d["title"] == item.article.title
    assert stats.records == len(records)
    assert stats.extracted == len(pages)
    assert stats.skipped == {"not-response": len(pages) + 2, "not-html": 1, "http-status": 1}


def test_corrupt_and_truncated_records_are_counted_and_skipped(tmp_path, pages):
    good = b"".join(warcs.archive(pages))
    corrupt = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n"
               b"HTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n")
    cut = warcs.response("cut", "https://news.example/cut", pages[0][1].encode())
    path = tmp_path / "broken.warc"
    path.write_bytes(good + corrupt + good + cut[: len(cut) // 2])
    items, stats = run(path)
    assert len(items) == 2 * len(pages)
    assert stats.skipped["corrupt-record"] == 1
    assert stats.skipped["truncated-record"] == 1
    for item, (uri, html) in zip(items[len(pages):], pages):
        assert item.article.to_dict() == expected(html, uri)


def test_gzip_members_and_a_broken_member(tmp_path, pages):
    records = warcs.archive(pages)
    good = tmp_path / "good.warc.gz"
    good.write_bytes(warcs.gzip_members(records))
    cut = warcs.gzip_members([warcs.response("cut", "https://news.example/x", pages[0][1].encode())])
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(warcs.gzip_members(records) + cut[: len(cut) // 2])
    stats = WarcStats()
    items = list(extract_warc([good, bad], stats=stats))
    assert len(items) == 2 * len(pages)
    assert stats.files == 2 and stats.skipped["truncated-record"] == 1
    for item, (uri, html) in zip(items, pages + pages):
        assert item.article.to_dict() == expected(html, uri)


def test_chunked_and_gzip_payloads(tmp_path, pages):
    uri, html = pages[0]
    body = html.encode()
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 700]), body[i:i + 700])
                      for i in range(0, len(body), 700)) + b"0\r\n\r\n"
    chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks
    zipped = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
              + gzip.compress(body))
    brotli = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n\x0b\x01"
    path = tmp_path / "codings.warc"
    path.write_bytes(warcs.record("response", "c", uri, chunked)
                     + warcs.record("response", "g", uri, zipped)
                     + warcs.record("response", "b", uri, brotli))
    items, stats = run(path)
    assert [i.record_id for i in items] == ["<urn:uuid:c>", "<urn:uuid:g>"]
    for item in items:
        assert item.article.to_dict() == expected(html, uri)
    assert stats.skipped == {"content-encoding": 1}


def test_the_http_charset_wins_over_the_page(tmp_path, pages):
    uri, html = pages[0]
    assert '<meta charset="utf-8">' in html
    header_only = html.replace('<meta charset="utf-8">', "").encode("cp1256")
    wrong_meta = html.encode("cp1256")  # says UTF-8, is windows-1256
    path = tmp_path / "1256.warc"
    path.write_bytes(warcs.response("a", uri, header_only, "text/html; charset=windows-1256")
                     + warcs.response("b", uri, wrong_meta, 'text/html;charset="Windows-1256"'))
    items, _ = run(path)
    want = expected(html, uri)
    assert len(items) == 2
    for item in items:
        assert item.article.title == want["title"]
        assert item.article.text == want["text"]
    # Without the header, the wrong declaration wins and the text is garbled.
    assert naqi.extract(wrong_meta, url=uri).text != want["text"]


def test_failures_are_counted_by_code(tmp_path):
    path = tmp_path / "empty.warc"
    path.write_bytes(warcs.response("e", "https://news.example/e", b"<html><body></body></html>"))
    items, stats = run(path)
    assert items == [] and stats.failed == {"NO_ARTICLE": 1} and stats.html_responses == 1


def test_the_cli_reads_the_same_articles(tmp_path, pages):
    binary = os.environ.get("NAQI_BIN")
    if not binary:
        if os.environ.get("CI"):
            pytest.fail("NAQI_BIN is not set under CI")
        pytest.skip("NAQI_BIN (the naqi CLI) is not set")
    records = warcs.archive(pages)
    uri, html = pages[0]
    records.append(warcs.response("w", uri, html.replace('<meta charset="utf-8">', "").encode("cp1256"),
                                  "text/html; charset=windows-1256"))
    path = tmp_path / "both.warc.gz"
    path.write_bytes(warcs.gzip_members(records))
    out = tmp_path / "out.jsonl"
    subprocess.run([binary, "warc", str(path), "-o", str(out)], check=True, capture_output=True)
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    items, _ = run(path)
    assert len(cli) == len(items) == len(pages) + 1
    for line, item in zip(cli, items):
        assert line["warcRecordId"] == item.record_id and line["url"] == item.url
        assert line["warcDate"] == item.date
        a = item.article
        assert (line["title"], line["text"], line["contentHtml"], line["lang"]) == (
            a.title, a.text, a.content_html, a.lang)
        assert [r["kind"] for r in line["removed"]] == [r.kind for r in a.removed]
