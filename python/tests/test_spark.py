"""examples/spark/naqi_warc_job.py in Spark local mode, on WARC files written here from every
fixture page; each Parquet row is checked against `naqi extract` (the CLI) on the same page.

Needs pyspark and Java; scripts/test-python.sh installs pyspark unless NAQI_SPARK=0, and then
this module is skipped, loudly."""

import importlib.util
import json
import os
import subprocess
import sys
from collections import OrderedDict

import pytest

import warcs
from conftest import FIXTURES, REPO, need

pyspark = need("pyspark", "pyspark is not installed (NAQI_SPARK=0)")


def load_job():
    path = REPO / "examples" / "spark" / "naqi_warc_job.py"
    spec = importlib.util.spec_from_file_location("naqi_warc_job", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cli_article(binary, page_path, uri):
    out = subprocess.run([binary, "extract", str(page_path), "--url", uri, "--format", "json"],
                         capture_output=True, check=False)
    if out.returncode != 0:
        return None
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("naqi-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_the_job_writes_what_the_cli_extracts(tmp_path, spark):
    binary = os.environ.get("NAQI_BIN")
    assert binary, "NAQI_BIN (the naqi CLI) must be set"
    pages = OrderedDict()
    for i, source in enumerate(sorted(FIXTURES.glob("*/*/source.html"))):
        pages[f"<urn:uuid:page-{i}>"] = (f"https://news.example/{i}", source)
    ids = list(pages)
    files = []
    for half, chunk in enumerate((ids[: len(ids) // 2], ids[len(ids) // 2:])):
        records = [warcs.record("warcinfo", f"info{half}", "", b"software: naqi tests\r\n")]
        for record_id in chunk:
            uri, source = pages[record_id]
            records.append(warcs.response(record_id[len("<urn:uuid:"):-1], uri,
                                          source.read_bytes(), "text/html"))
        path = tmp_path / f"part-{half}.warc.gz"
        data = warcs.gzip_members(records)
        if half == 1:
            corrupt = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n"
                       b"HTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n")
            data = warcs.gzip_members(records[:2]) + warcs.gzip_members([corrupt]) + warcs.gzip_members(records[2:])
        path.write_bytes(data)
        files.append(path)
    listing = tmp_path / "warc.paths"
    listing.write_text("\n".join(str(f) for f in files) + "\n")

    job = load_job()
    output = str(tmp_path / "out.parquet")
    counts = job.run(spark, str(listing), output, partitions=2)
    rows = spark.read.parquet(output).collect()

    expected = {}
    for record_id, (uri, source) in pages.items():
        article = cli_article(binary, source, uri)
        if article is not None:
            expected[record_id] = (uri, article)
    assert len(expected) >= 40
    assert sorted(r.warc_record_id for r in rows) == sorted(expected)
    for row in rows:
        uri, article = expected[row.warc_record_id]
        assert row.url == uri and row.warc_date == warcs.DATE
        assert row.title == article["title"]
        assert row.text == article["text"]
        assert row.lang == article.get("lang")
        kinds = list(OrderedDict.fromkeys(r["kind"] for r in article["removed"]))
        assert list(row.removed_kinds) == kinds
    assert counts["files"] == 2
    assert counts["extracted"] == len(expected)
    assert counts["records"] == len(pages) + 2 + 1
    assert counts["skipped.corrupt-record"] == 1
    assert sum(v for k, v in counts.items() if k.startswith("failed.")) == len(pages) - len(expected)

