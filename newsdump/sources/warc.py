"""WARC and WET archives (Common Crawl's layout): response records hold HTML, conversion
records hold text. URL, date and record id come from the WARC headers.

warcio (pure Python, the Webrecorder project's reader) parses the records; gzip has already
been undone, member by member, by `compress.decompressed`.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import BinaryIO

from newsdump.document import Document, Format
from newsdump.errors import DecodeError, ReadError
from newsdump.records import ErrorRecord
from newsdump.sources.decode import decode
from newsdump.sources.detect import text_looks_like_html

DOCUMENT_TYPES = frozenset({"response", "conversion", "resource"})
LYING_LENGTH = "WARC record not followed by a blank line: its Content-Length is wrong"


class _Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


_DISCARD = _Discard()


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | ErrorRecord]:
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    archive = ArchiveIterator(stream, arc2warc=True)
    records = iter(archive)
    warned = 0
    try:
        while True:
            with contextlib.redirect_stderr(_DISCARD):  # warcio prints its warnings there
                record = next(records, None)
            if archive.err_count > warned:  # the record before did not end where it said
                warned = archive.err_count
                where = f"{source}#{number}" if number else source
                yield ErrorRecord(where, "bad_warc", LYING_LENGTH)
            if record is None:
                return
            if record.rec_type not in DOCUMENT_TYPES:
                continue
            content_type = _content_type(record)
            if record.rec_type == "response" and not _is_http_html(content_type):
                continue
            number += 1
            where = f"{source}#{number}"
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield ErrorRecord(where, "too_large", f"record larger than {max_bytes} bytes")
                continue
            yield _document(record, data, where, content_type)
    except ReadError:
        raise
    except Exception as exc:  # warcio raises many kinds for broken archives
        yield ErrorRecord(
            f"{source}#{number + 1}", "bad_warc", f"WARC parse error: {_one_line(exc)}"
        )


def _document(record: object, data: bytes, where: str, content_type: str) -> Document | ErrorRecord:
    headers = record.rec_headers  # type: ignore[attr-defined]
    if not data.strip():
        return ErrorRecord(where, "empty", "WARC record has no content")
    try:
        text = decode(data)
    except DecodeError as exc:
        return ErrorRecord(where, exc.kind, str(exc))
    is_html = "html" in content_type or text_looks_like_html(text)
    record_id = headers.get_header("WARC-Record-ID")
    return Document(
        source=where,
        text=text,
        format=Format.HTML if is_html else Format.TEXT,
        id=record_id.strip("<>") if record_id else None,
        url=headers.get_header("WARC-Target-URI"),
        date=headers.get_header("WARC-Date"),
    )


def _content_type(record: object) -> str:
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return (value or "").lower()


def _is_http_html(content_type: str) -> bool:
    """A page: HTML or plain text (not text/css, text/javascript, text/csv, ...)."""
    return not content_type or "html" in content_type or content_type.startswith("text/plain")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:300]
