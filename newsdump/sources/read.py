"""Open any input (path or stream), undo compression, recognise its kind, yield documents."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from itertools import islice
from typing import BinaryIO, Literal, overload

from newsdump.document import Document
from newsdump.errors import ReadError
from newsdump.records import ErrorRecord
from newsdump.settings import Settings
from newsdump.sources.compress import compression_of, decompressed, peek
from newsdump.sources.detect import SNIFF_BYTES, InputKind, sniff_kind
from newsdump.sources.html import read_html
from newsdump.sources.jsonl import (
    JsonLine,
    JsonSpans,
    line_spans,
    line_too_large,
    read_jsonl,
)
from newsdump.sources.text import _document, read_text
from newsdump.sources.warc import read_warc

WHOLE_FILE_BYTES = 1 << 20  # a regular file up to this size is read in one go

Read = Document | ErrorRecord
Lazy = Document | ErrorRecord | JsonLine  # what a `lazy` read yields: JSONL lines unparsed


@overload
def iter_path_documents(
    path: str,
    settings: Settings,
    source: str | None = ...,
    first: int = ...,
    lazy: Literal[False] = ...,
) -> Iterator[Read]: ...
@overload
def iter_path_documents(
    path: str, settings: Settings, source: str | None, first: int, lazy: bool
) -> Iterator[Lazy]: ...
def iter_path_documents(
    path: str, settings: Settings, source: str | None = None, first: int = 0, lazy: bool = False
) -> Iterator[Lazy]:
    """Documents of one file (named `source` in records, default `path`), from the `first`
    on; an unreadable file yields one error record. With `lazy`, a JSONL file's documents
    come as `JsonLine`s, to be parsed where they are processed (a worker).

    A regular file of at most WHOLE_FILE_BYTES (most dumps: one page a file) is read whole,
    in one read sized by its fstat (`iter_bytes_documents`), instead of through a buffered
    stream (its peeks copy the buffer, its end takes a second read, its creation an lseek).
    A file whose size changed between the fstat and the read, and anything else (a large
    file, a pipe, a device), is read as a stream from its start, as before."""
    source = path if source is None else source
    try:
        fd = os.open(path, os.O_RDONLY)  # (O_CLOEXEC: os.open's descriptors are not inherited)
        try:
            st = os.fstat(fd)
        except OSError:
            os.close(fd)
            raise
    except OSError as exc:
        yield ErrorRecord(source, "unreadable", f"cannot open: {exc.strerror or exc}")
        return
    try:
        data = whole_file(fd, st) if first == 0 else None
    except OSError as exc:  # what reading it as a stream would have reported
        os.close(fd)
        yield _failure(exc, source, 0)
        return
    if data is not None:
        os.close(fd)
        yield from iter_bytes_documents(data, source, settings, lazy)
        return
    try:
        handle = open(fd, "rb", buffering=1 << 16)  # noqa: SIM115 - closed below
    except OSError as exc:  # a directory: as open(path) refuses it
        os.close(fd)
        yield ErrorRecord(source, "unreadable", f"cannot open: {exc.strerror or exc}")
        return
    with handle:
        yield from iter_documents(handle, source, settings, first, lazy)


@overload
def iter_documents(
    stream: BinaryIO,
    source: str,
    settings: Settings,
    first: int = ...,
    lazy: Literal[False] = ...,
) -> Iterator[Read]: ...
@overload
def iter_documents(
    stream: BinaryIO, source: str, settings: Settings, first: int, lazy: bool
) -> Iterator[Lazy]: ...
def iter_documents(
    stream: BinaryIO, source: str, settings: Settings, first: int = 0, lazy: bool = False
) -> Iterator[Lazy]:
    """Documents of one stream (a file or stdin), from the `first` on (0: all; a distributed
    run cuts large files this way). Errors become records; the stream goes on. With `lazy`,
    JSONL documents come as `JsonLine`s."""
    number = first
    try:
        plain, _ = decompressed(stream, settings.max_decompressed_bytes)
        head, plain = peek(plain, SNIFF_BYTES)
        if not head or head.isspace():  # `not head.strip()`, without a copy
            yield ErrorRecord(source, "empty", "empty input: no text")
            return
        kind = InputKind(settings.format) if settings.format != "auto" else sniff_kind(head)
        for item in _read(kind, plain, source, settings, first, lazy):
            number += 1
            yield item
    except Exception as exc:  # lzma/zstd/bz2 raise their own kinds on corrupt data
        yield _failure(exc, source, number)


def whole_file(fd: int, st: os.stat_result) -> bytes | None:
    """The bytes of a regular file of at most WHOLE_FILE_BYTES (`st`: its fstat), opened and
    not read yet, in one read; None for any other file, or one whose size changed since the
    fstat, with the descriptor back at the start (read it as a stream). Raises OSError."""
    if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= WHOLE_FILE_BYTES:
        return None
    data = os.read(fd, st.st_size + 1)  # (a byte more: a file that grew shows)
    if len(data) != st.st_size:
        os.lseek(fd, 0, os.SEEK_SET)
        return None
    return data


def iter_bytes_documents(
    data: bytes, source: str, settings: Settings, lazy: bool = False
) -> Iterator[Lazy]:
    """`iter_documents` of a stream that holds `data` (a file read whole): one plain text
    page (no compression, no form feed, within the size limit: most dumps) is that page's
    document at once, anything else goes through the stream's readers."""
    head = data[:SNIFF_BYTES]  # (what iter_documents peeks)
    if (
        compression_of(head) is None
        and head
        and not head.isspace()
        and (InputKind(settings.format) if settings.format != "auto" else sniff_kind(head))
        is InputKind.TEXT
        and b"\x0c" not in data
        and len(data) <= settings.max_document_bytes
    ):  # read_text's one page, its source unnumbered
        try:
            document = _document(data, source)
        except Exception as exc:
            yield _failure(exc, source, 0)
            return
        yield document
        return
    yield from iter_documents(io.BytesIO(data), source, settings, 0, lazy)


def iter_path_spans(
    path: str, settings: Settings, source: str, batch_documents: int, batch_bytes: int
) -> Iterator[JsonSpans | ErrorRecord] | None:
    """A regular, uncompressed JSONL file's documents as `JsonSpans` of at most
    `batch_documents` lines and about `batch_bytes`, and its error records (a line too
    large, a read that failed) in their place: what `iter_path_documents(lazy=True)` gives,
    but for where the lines are instead of their bytes. None for any other file (or one that
    cannot be opened): it is read as before."""
    try:
        raw = open(path, "rb", buffering=0)  # noqa: SIM115 - closed by the generator
        try:
            st = os.fstat(raw.fileno())
            head = os.pread(raw.fileno(), SNIFF_BYTES, 0)
        except OSError:
            raw.close()
            raise
    except OSError:
        return None
    kind = InputKind(settings.format) if settings.format != "auto" else sniff_kind(head)
    if (
        not stat.S_ISREG(st.st_mode)
        or compression_of(head) is not None
        or not head
        or head.isspace()
        or kind is not InputKind.JSONL
    ):
        raw.close()
        return None
    file_id = (st.st_dev, st.st_ino)

    def spans() -> Iterator[JsonSpans | ErrorRecord]:
        number, first = 0, 1
        offsets: list[int] = []
        lengths: list[int] = []
        size = 0

        def batch() -> JsonSpans:
            done = JsonSpans(
                path, source, settings.text_field, file_id, first, tuple(offsets), tuple(lengths)
            )
            offsets.clear()
            lengths.clear()
            return done

        with raw:
            try:
                for span in line_spans(raw, settings.max_document_bytes):
                    number += 1
                    if span is None:
                        if offsets:
                            yield batch()
                        yield line_too_large(source, number, settings.max_document_bytes)
                        continue
                    if not offsets:
                        first, size = number, 0
                    offsets.append(span[0])
                    lengths.append(span[1])
                    size += span[1]
                    if len(offsets) >= batch_documents or size >= batch_bytes:
                        yield batch()
            except OSError as exc:
                if offsets:
                    yield batch()
                yield _failure(exc, source, number)
                return
            if offsets:
                yield batch()

    return spans()


def _failure(exc: Exception, source: str, number: int) -> ErrorRecord:
    """The error record of a stream that broke before its document `number + 1`."""
    if isinstance(exc, ReadError):
        return ErrorRecord(_where(source, number), exc.kind, str(exc))
    if isinstance(exc, EOFError):
        return ErrorRecord(_where(source, number), "truncated", f"truncated input: {exc}")
    if isinstance(exc, OSError):
        message = exc.strerror or str(exc) or type(exc).__name__
        return ErrorRecord(_where(source, number), "read_error", f"read failed: {message}")
    # lzma/zstd/bz2 raise their own kinds on corrupt data
    return ErrorRecord(_where(source, number), "corrupt", f"{type(exc).__name__}: {exc}"[:300])


def _read(
    kind: InputKind,
    plain: BinaryIO,
    source: str,
    settings: Settings,
    first: int = 0,
    lazy: bool = False,
) -> Iterator[Lazy]:
    limit = settings.max_document_bytes
    if kind is InputKind.JSONL:
        return read_jsonl(plain, source, settings.text_field, limit, first, lazy)
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
