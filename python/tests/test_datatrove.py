"""naqi.datatrove.NaqiExtractor in a local datatrove pipeline: datatrove's WarcReader on WARC
files written from every fixture page, then NaqiExtractor, then datatrove's JsonlWriter. Each
document keeps its id and metadata; its text is naqi.extract's on the same page."""

import gzip
import json

import pytest

import naqi
import warcs
from conftest import FIXTURES, need

need("datatrove", "datatrove is not installed")


def response_with_payload_type(record_id, uri, body):
    # datatrove's reader reads the payload type from this WARC header.
    rec = warcs.response(record_id, uri, body, "text/html")
    return rec.replace(b"\r\nContent-Length:", b"\r\nWARC-Identified-Payload-Type: text/html\r\nContent-Length:", 1)


def test_pipeline_reader_naqi_writer(tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from naqi.datatrove import NaqiExtractor

    sources = sorted(FIXTURES.glob("*/*/source.html"))
    pages = {}
    records = []
    for i, source in enumerate(sources):
        uri = f"https://news.example/{i}"
        pages[f"<urn:uuid:d{i}>"] = (uri, source.read_text(encoding="utf-8"))
        records.append(response_with_payload_type(f"d{i}", uri, source.read_bytes()))
    warc_dir = tmp_path / "warcs"
    warc_dir.mkdir()
    (warc_dir / "pages.warc.gz").write_bytes(warcs.gzip_members(records))

    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(warc_dir), glob_pattern="*.warc.gz"),
            NaqiExtractor(timeout=10),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    docs = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text().splitlines()]
    expected = {}
    for record_id, (uri, html) in pages.items():
        try:
            expected[record_id] = naqi.extract(html).text
        except naqi.NaqiError:
            pass
    assert len(expected) >= 40
    assert sorted(d["id"] for d in docs) == sorted(expected)
    for d in docs:
        assert d["text"] == expected[d["id"]]
        assert d["metadata"]["url"] == pages[d["id"]][0]
        assert d["metadata"]["date"] == warcs.DATE


def test_extract_returns_empty_text_for_pages_without_article():
    from naqi.datatrove import NaqiExtractor

    extractor = NaqiExtractor()
    assert extractor.extract("<html><body></body></html>") == ""
    assert extractor.extract("") == ""
    page = (FIXTURES / "ar" / "label-box" / "source.html").read_text(encoding="utf-8")
    assert extractor.extract(page) == naqi.extract(page).text
    assert NaqiExtractor(remove_related=False).extract(page) == naqi.extract(page, remove_related=False).text
