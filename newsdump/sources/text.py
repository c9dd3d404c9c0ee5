"""Plain-text dumps: one page per file; in a stream, pages separated by a form-feed line."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from newsdump.document import Document, Format
from newsdump.errors import EmptyInput, ReadError, TooLarge
from newsdump.records import ErrorRecord
from newsdump.sources.decode import decode_page
from newsdump.sources.detect import text_looks_like_html

LINE_LIMIT = 1 << 20  # read long lines in pieces of this size


def is_separator(line: bytes) -> bool:
    return line.strip(b" \t\r\n") == b"\x0c"


class Broken:
    """The stream failed (truncated or corrupt compressed data) after the pages before it."""

    def __init__(self, error: Exception) -> None:
        self.error = error


READ_BLOCK = 1 << 16


def iter_pages(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | ReadError | Broken]:
    """Raw pages of a form-feed-separated stream; a page over `max_bytes` becomes TooLarge; a
    failing stream ends with `Broken` (the page it was reading is dropped).

    Most streams hold one page and no form feed: they are read in blocks, and only a stream
    with a form feed (or over `max_bytes`) is read line by line (`_line_pages`), from its start
    again. Each block is one step of the stream (`read1`), so a failing stream has given every
    byte before its failure: what is read up to it holds no form feed, no page is lost."""
    read = getattr(stream, "read1", stream.read)
    blocks: list[bytes] = []
    size = 0
    while True:
        try:
            block = read(READ_BLOCK)
        except Exception as exc:
            yield Broken(exc)
            return
        if not block:
            yield blocks[0] if len(blocks) == 1 else b"".join(blocks)
            return
        blocks.append(block)
        size += len(block)
        if b"\x0c" in block or size > max_bytes:
            break
    resumed = io.BufferedReader(_Resumed(b"".join(blocks), stream), READ_BLOCK)
    del blocks
    yield from _line_pages(resumed, max_bytes)


class _Resumed(io.RawIOBase):
    """`head`, then the rest of `raw`: a stream read again from its start."""

    def __init__(self, head: bytes, raw: BinaryIO) -> None:
        self._head = memoryview(head)
        self._at = 0
        self._read = getattr(raw, "read1", raw.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if self._at < len(self._head):
            n = min(len(view), len(self._head) - self._at)
            view[:n] = self._head[self._at : self._at + n]
            self._at += n
            if self._at == len(self._head):
                self._head, self._at = memoryview(b""), 0  # replayed: let it go
            return n
        data = self._read(len(view))
        view[: len(data)] = data
        return len(data)


def _line_pages(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | ReadError | Broken]:
    """`iter_pages`, line by line (the reference: what every stream gives)."""
    parts: list[bytes] = []
    size = 0
    too_large = False
    while True:
        try:
            line = stream.readline(LINE_LIMIT)
        except Exception as exc:
            yield Broken(exc)
            return
        if not line or is_separator(line):
            if too_large:
                yield TooLarge(f"page larger than {max_bytes} bytes")
            else:
                yield b"".join(parts)
            parts, size, too_large = [], 0, False
            if not line:
                return
            continue
        size += len(line)
        if size > max_bytes:
            too_large = True
            parts = []
        elif not too_large:
            parts.append(line)


def read_text(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | ErrorRecord]:
    """Documents of a text dump (or of a stream of them). When the stream breaks, the pages
    read whole before it still come out, then the error is raised."""
    pages = iter_pages(stream, max_bytes)
    first = next(pages)
    if isinstance(first, Broken):
        raise first.error
    blanks: list[bytes] = []  # blank pages after the first: trailing form feeds, so far
    for page in pages:
        if isinstance(page, bytes) and (not page or page.isspace()):
            blanks.append(page)
            continue
        # a second page with text (or a break after a form feed): each page gets its number
        number = 1
        for done in (first, *blanks):
            yield _document(done, f"{source}#{number}")
            number += 1
        pending = page
        for page in pages:
            if isinstance(pending, Broken):  # pragma: no cover - Broken is always the last
                break
            yield _document(pending, f"{source}#{number}")
            number += 1
            pending = page
        if isinstance(pending, Broken):
            raise pending.error
        if isinstance(pending, ReadError) or (pending and not pending.isspace()):
            yield _document(pending, f"{source}#{number}")
        return
    # one page (a trailing form feed does not make a second one)
    yield _document(first, source)


def _document(page: bytes | ReadError, source: str) -> Document | ErrorRecord:
    if isinstance(page, ReadError):
        return ErrorRecord(source, page.kind, str(page))
    try:
        if not page or page.isspace():  # `not page.strip()`, without copying the page
            raise EmptyInput("empty input: no text")
        text, data = decode_page(page)
    except ReadError as exc:
        return ErrorRecord(source, exc.kind, str(exc))
    fmt = Format.HTML if text_looks_like_html(text) else Format.TEXT
    return Document(source=source, text=text, format=fmt, data=data)
