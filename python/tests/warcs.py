"""Writes WARC files for the tests: records built byte by byte, so that corrupt and truncated
ones can be made too, and gzip members one per record as crawlers write them."""

import gzip

FIXTURE_CASES = ["ar/label-box", "ar/read-also-inline", "fa/related", "en/related"]
DATE = "2024-07-11T11:08:00Z"


def record(kind, record_id, uri, block):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Date: {DATE}\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def http(content_type, body, status="200 OK"):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def response(record_id, uri, html_bytes, content_type="text/html; charset=utf-8"):
    return record("response", record_id, uri, http(content_type, html_bytes))


def gzip_members(records):
    return b"".join(gzip.compress(r) for r in records)


def fixture_pages(fixtures_root):
    """(uri, html) for each page of FIXTURE_CASES."""
    pages = []
    for i, case in enumerate(FIXTURE_CASES):
        html = (fixtures_root / case / "source.html").read_text(encoding="utf-8")
        pages.append((f"https://news.example/{i}", html))
    return pages


def archive(pages, prefix="p"):
    """A warcinfo record, then a request and a response per page."""
    records = [record("warcinfo", f"{prefix}info", "", b"software: naqi tests\r\n")]
    for i, (uri, html) in enumerate(pages):
        records.append(record("request", f"{prefix}r{i}", uri, b"GET / HTTP/1.1\r\n\r\n"))
        records.append(response(f"{prefix}{i}", uri, html.encode("utf-8")))
    return records
