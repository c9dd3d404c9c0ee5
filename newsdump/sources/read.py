"""Open any input (path or stream), undo compression, recognise its kind, yield documents."""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice
from typing import BinaryIO

from newsdump.document import Document
from newsdump.errors import ReadError
from newsdump.records import ErrorRecord
from newsdump.settings import Settings
from newsdump.sources.compress import decompressed, peek
from newsdump.sources.detect import SNIFF_BYTES, InputKind, sniff_kind
from newsdump.sources.html import read_html
from newsdump.sources.jsonl import read_jsonl
from newsdump.sources.text import read_text
from newsdump.sources.warc import read_warc


def iter_path_documents(
    path: str, settings: Settings, source: str | None = None, first: int = 0
) -> Iterator[Document | ErrorRecord]:
    """Documents of one file (named `source` in records, default `path`), from the `first`
    on; an unreadable file yields one error record."""
    source = path if source is None else source
    try:
        handle = open(path, "rb", buffering=1 << 16)  # noqa: SIM115 - closed below
    except OSError as exc:
        yield ErrorRecord(source, "unreadable", f"cannot open: {exc.strerror or exc}")
        return
    with handle:
        yield from iter_documents(handle, source, settings, first)


def iter_documents(
    stream: BinaryIO, source: str, settings: Settings, first: int = 0
) -> Iterator[Document | ErrorRecord]:
    """Documents of one stream (a file or stdin), from the `first` on (0: all; a distributed
    run cuts large files this way). Errors become records; the stream goes on."""
    number = first
    try:
        plain, _ = decompressed(stream, settings.max_decompressed_bytes)
        head, plain = peek(plain, SNIFF_BYTES)
        if not head or head.isspace():  # `not head.strip()`, without a copy
            yield ErrorRecord(source, "empty", "empty input: no text")
            return
        kind = InputKind(settings.format) if settings.format != "auto" else sniff_kind(head)
        for item in _read(kind, plain, source, settings, first):
            number += 1
            yield item
    except ReadError as exc:
        yield ErrorRecord(_where(source, number), exc.kind, str(exc))
    except EOFError as exc:
        yield ErrorRecord(_where(source, number), "truncated", f"truncated input: {exc}")
    except OSError as exc:
        message = exc.strerror or str(exc) or type(exc).__name__
        yield ErrorRecord(_where(source, number), "read_error", f"read failed: {message}")
    except Exception as exc:  # lzma/zstd/bz2 raise their own kinds on corrupt data
        yield ErrorRecord(_where(source, number), "corrupt", f"{type(exc).__name__}: {exc}"[:300])


def _read(
    kind: InputKind, plain: BinaryIO, source: str, settings: Settings, first: int = 0
) -> Iterator[Document | ErrorRecord]:
    limit = settings.max_document_bytes
    if kind is InputKind.JSONL:
        return read_jsonl(plain, source, settings.text_field, limit, first)
    if kind is InputKind.WARC:
        items = read_warc(plain, source, limit)
    elif kind is InputKind.HTML:
        items = read_html(plain, source, limit)
    else:
        items = read_text(plain, source, limit)
    return islice(items, first, None) if first else items


def _where(source: str, number: int) -> str:
    """Name the document where a stream broke: the file itself, or its next document."""
    return source if number == 0 else f"{source}#{number + 1}"


def is_readable_file(path: str) -> bool:
    return os.path.isfile(path)
