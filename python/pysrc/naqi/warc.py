"""WARC input: ``extract_warc(path)`` yields the article of every HTML response in WARC
files, with the record's id, target URI and date.

Records are read with FastWARC (``pip install naqi[warc]``), in its lenient mode; the charset
of the HTTP ``Content-Type`` header is used first, then the page's own declaration (the same
order as ``naqi warc`` on the command line). Corrupt and truncated records are counted in a
:class:`WarcStats` and skipped, never raised.
"""

from __future__ import annotations

import os
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, Optional, Union

import naqi

PathLike = Union[str, "os.PathLike[str]"]

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcStats:
    """What a run saw: records read, HTML responses extracted, skipped by reason, failed by
    error code. Pass one to :func:`extract_warc` to have it filled in."""

    files: int = 0
    records: int = 0
    html_responses: int = 0
    extracted: int = 0
    skipped: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "files": self.files,
            "records": self.records,
            "html_responses": self.html_responses,
            "extracted": self.extracted,
            "skipped": dict(self.skipped),
            "failed": dict(self.failed),
        }


@dataclass(frozen=True)
class WarcArticle:
    """The article of one WARC response record."""

    record_id: str
    url: Optional[str]
    date: Optional[str]
    file: str
    article: naqi.Article

    def to_dict(self) -> Dict[str, Any]:
        """The record's fields, then the article's (``Article.to_dict``)."""
        d: Dict[str, Any] = {
            "warc_record_id": self.record_id,
            "url": self.url,
            "warc_date": self.date,
            "warc_file": self.file,
        }
        d.update(self.article.to_dict())
        return d


def _fastwarc():
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError as err:  # pragma: no cover - depends on the installation
        raise ImportError("naqi.warc needs FastWARC: pip install 'naqi[warc]'") from err
    return ArchiveIterator


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lower().lstrip()
    return head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head)


MAX_DECODED_BYTES = 64 * 1024 * 1024


def _dechunk(data: bytes) -> Optional[bytes]:
    """Undoes chunked transfer coding; None when a chunk size does not parse. A body cut
    inside a chunk keeps what arrived."""
    out = bytearray()
    pos = 0
    while True:
        end = data.find(b"\n", pos)
        if end < 0:
            return None
        try:
            size = int(data[pos:end].split(b";")[0].strip(), 16)
        except ValueError:
            return None
        pos = end + 1
        if size == 0:
            return bytes(out)
        out += data[pos : pos + size]
        if pos + size > len(data):
            return bytes(out)
        pos += size
        if data.startswith(b"\r\n", pos):
            pos += 2
        elif data.startswith(b"\n", pos):
            pos += 1


def _decode_payload(body: bytes, headers) -> Optional[bytes]:
    """The body without its transfer and content codings (chunked; gzip, deflate); None for
    a coding naqi does not undo or that fails to decode."""
    transfer = (headers.get("Transfer-Encoding") or "").lower()
    coding = (headers.get("Content-Encoding") or "").strip().lower()
    if "chunked" in transfer:
        body = _dechunk(body)
        if body is None:
            return None
    if coding in ("", "identity"):
        return body
    if coding not in ("gzip", "x-gzip", "deflate"):
        return None
    wbits = 16 + zlib.MAX_WBITS if coding != "deflate" else zlib.MAX_WBITS
    try:
        return zlib.decompressobj(wbits).decompress(body, MAX_DECODED_BYTES)
    except zlib.error:
        return None


def charset_of(content_type: Optional[str]) -> Optional[str]:
    """The ``charset`` parameter of a ``Content-Type`` value, unquoted and lowercased."""
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            value = value.strip().strip("\"'").strip().lower()
            return value or None
    return None


def _skip_reason(record) -> Optional[str]:
    """Why a response record is not extracted, or None to extract it."""
    if not record.is_http or record.http_headers is None:
        return "not-http"
    status = record.http_headers.status_code or 0
    if not 200 <= status < 300:
        return "http-status"
    return None


def extract_warc(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    stats: Optional[WarcStats] = None,
    **options: Any,
) -> Iterator[WarcArticle]:
    """Yields the article of every HTML response in one WARC file or several (plain or
    gzipped), in record order. Failed extractions are counted in ``stats.failed`` by
    ``NaqiError.code`` and not yielded. ``options`` are those of :func:`naqi.extract`."""
    archive_iterator = _fastwarc()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    stats = stats if stats is not None else WarcStats()
    for path in paths:
        stats.files += 1
        name = os.fspath(path)
        with open(name, "rb") as stream:
            # Payloads are read as stored, so that a cut record shows as shorter than its
            # Content-Length, and decoded here.
            records = archive_iterator(stream, parse_http=True, quirks_mode=True)
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    break
                except OSError:
                    # The stream cannot go on (a broken gzip member, a header past repair).
                    stats.records += 1
                    stats.skipped["corrupt-record"] += 1
                    break
                stats.records += 1
                item = _read_record(record, name, stats, options)
                if item is not None:
                    yield item


def _read_record(record, name: str, stats: WarcStats, options: Dict[str, Any]):
    if record.record_id is None or record.headers.get("WARC-Type") is None:
        stats.skipped["corrupt-record"] += 1
        return None
    if record.headers.get("WARC-Type") != "response":
        stats.skipped["not-response"] += 1
        return None
    reason = _skip_reason(record)
    if reason:
        stats.skipped[reason] += 1
        return None
    try:
        body = record.reader.read()
    except OSError:
        stats.skipped["truncated-record"] += 1
        return None
    if len(body) < record.content_length:
        stats.skipped["truncated-record"] += 1
        return None
    body = _decode_payload(body, record.http_headers)
    if body is None:
        stats.skipped["content-encoding"] += 1
        return None
    header = record.http_headers.get("Content-Type")
    content_type = (header or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES and (content_type or not _looks_like_html(body)):
        stats.skipped["not-html"] += 1
        return None
    uri = record.headers.get("WARC-Target-URI")
    stats.html_responses += 1
    try:
        article = _extract(body, uri, charset_of(header), options)
    except naqi.NaqiError as err:
        stats.failed[err.code or "UNKNOWN"] += 1
        return None
    stats.extracted += 1
    return WarcArticle(
        record_id=record.record_id,
        url=uri,
        date=record.headers.get("WARC-Date"),
        file=name,
        article=article,
    )


def _extract(body: bytes, uri: Optional[str], charset: Optional[str], options: Dict[str, Any]):
    if uri:
        try:
            return naqi.extract(body, url=uri, encoding=charset, **options)
        except naqi.InvalidOptionsError:
            # A target URI that is not an absolute URL only loses link resolution.
            pass
    return naqi.extract(body, encoding=charset, **options)
