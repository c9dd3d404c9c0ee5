"""JSON Lines: one page per line, its text under a field (default `text`); id and url carried."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import orjson

from newsdump.document import Document, Format
from newsdump.records import ErrorRecord
from newsdump.sources.detect import text_looks_like_html

SKIP_CHUNK = 1 << 20
SPAN_BLOCK = 1 << 20  # `line_spans` reads its file in blocks of this size
BLANK_BYTES = frozenset(b" \t\n\r\x0b\x0c")  # what bytes.isspace() counts as space

try:  # a flat JSONL object of strings read in one pass (newsdump/_io.c), when it was built
    from newsdump._io import jsonl_object as _flat_object
except ImportError:  # pragma: no cover - depends on the install
    _flat_object = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class JsonLine:
    """A JSONL document not parsed yet: `parse()` gives what `read_jsonl` would have given in
    its place. A run with workers sends these to them: parsing is most of reading JSONL."""

    line: bytes
    source: str
    text_field: str

    def parse(self) -> Document | ErrorRecord:
        return parse_line(self.line, self.source, self.text_field)


@dataclass(frozen=True, slots=True)
class JsonSpans:
    """Consecutive documents of a regular JSONL file, numbered from `first`, as where their
    lines are in it (`offsets`, `lengths`) rather than their bytes: a run with workers sends
    these, and a worker reads the lines itself (`read`), so that the file's bytes cross no
    pipe. The file is the one with `file_id` (device, inode): one replaced since, or one
    that no longer holds a line, gives that line's error record (`read_error`)."""

    path: str
    source: str
    text_field: str
    file_id: tuple[int, int]
    first: int
    offsets: tuple[int, ...]
    lengths: tuple[int, ...]

    def read(self) -> list[JsonLine | ErrorRecord]:
        """The documents' `JsonLine`s (unparsed): what `read_jsonl(lazy=True)` gave."""
        sources = [f"{self.source}#{n}" for n in range(self.first, self.first + len(self.offsets))]
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError as exc:
            message = f"cannot open: {exc.strerror or exc}"
            return [ErrorRecord(source, "unreadable", message) for source in sources]
        lines: list[JsonLine | ErrorRecord] = []
        try:
            st = os.fstat(fd)
            changed = (st.st_dev, st.st_ino) != self.file_id
            for source, offset, length in zip(sources, self.offsets, self.lengths, strict=True):
                line = b"" if changed else os.pread(fd, length, offset)
                if len(line) == length:
                    lines.append(JsonLine(line, source, self.text_field))
                else:
                    lines.append(ErrorRecord(source, "read_error", CHANGED_MESSAGE))
        except OSError as exc:
            message = f"read failed: {exc.strerror or exc}"
            lines += [ErrorRecord(s, "read_error", message) for s in sources[len(lines) :]]
        finally:
            os.close(fd)
        return lines


CHANGED_MESSAGE = "read failed: the file changed while it was read"


def line_spans(
    raw: BinaryIO, max_bytes: int, block: int = SPAN_BLOCK
) -> Iterator[tuple[int, int] | None]:
    """`document_lines` of an unbuffered stream read from its start, as where each line is in
    it (offset, length) instead of its bytes: the same lines, blank ones left out, None for
    one over `max_bytes`. It reads `raw` in blocks of `block` bytes and holds at most one
    block and one line (of at most `max_bytes`)."""
    buf = b""  # what has been read and not yet cut into lines, from offset `base`
    base = pos = 0  # `pos`: where the next line starts in `buf`
    eof = skipping = False  # skipping: the rest of a line over `max_bytes`
    while True:
        end = buf.find(b"\n", pos)
        if end < 0:
            if eof:
                if pos < len(buf) and not skipping:  # the last line, without a newline
                    yield from _span(buf, pos, len(buf), base, max_bytes)
                return
            if not skipping and len(buf) - pos > max_bytes:  # too long already
                yield None
                skipping = True
            keep = b"" if skipping else buf[pos:]
            base += len(buf) - len(keep)
            data = raw.read(block)
            eof = not data
            buf, pos = keep + data if keep else data, 0
            continue
        if skipping:
            skipping = False
        else:
            yield from _span(buf, pos, end + 1, base, max_bytes)
        pos = end + 1


def _span(
    buf: bytes, start: int, end: int, base: int, max_bytes: int
) -> Iterator[tuple[int, int] | None]:
    """The line `buf[start:end]`'s span; None if it is over `max_bytes` (not counting its
    newline); nothing if it is blank."""
    if end - start - (buf[end - 1] == 10) > max_bytes:
        yield None
    elif buf[start] not in BLANK_BYTES or not buf[start:end].isspace():
        yield (base + start, end - start)


def read_jsonl(
    stream: BinaryIO,
    source: str,
    text_field: str,
    max_bytes: int,
    first: int = 0,
    lazy: bool = False,
) -> Iterator[Document | ErrorRecord | JsonLine]:
    """Documents of a JSONL stream; the `first` ones are counted but not parsed (a partition
    of a large file starts after them, its documents keep their numbers in the whole file).
    With `lazy`, each line's `JsonLine`, to be parsed elsewhere."""
    for number, line in enumerate(document_lines(stream, max_bytes), start=1):
        if number <= first:
            continue
        if line is None:
            yield line_too_large(source, number, max_bytes)
        elif lazy:
            yield JsonLine(line, f"{source}#{number}", text_field)
        else:
            yield parse_line(line, f"{source}#{number}", text_field)


def line_too_large(source: str, number: int, max_bytes: int) -> ErrorRecord:
    """The error record in place of line `number`, longer than `max_bytes`."""
    return ErrorRecord(f"{source}#{number}", "too_large", f"line longer than {max_bytes} bytes")


def document_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines that are documents (blank lines are not); None for one over `max_bytes`."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_line(stream)
            yield None
        elif not line.isspace():  # (not empty here): `line.strip()`, without a copy
            yield line


def parse_line(line: bytes, source: str, text_field: str) -> Document | ErrorRecord:
    line = line.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark before the first line
    flat = _flat_object(line) if _flat_object is not None else None
    nul: bool | None = None  # a NUL escape may be in a string (None: look for one)
    try:
        if flat is not None:  # (a flat object of strings: orjson.loads's dict, read in C)
            obj, nul = flat
        else:
            obj = orjson.loads(line)
        valid = True  # orjson's strings are valid Unicode: no lone surrogate in them
    except orjson.JSONDecodeError as exc:
        try:  # invalid UTF-8 or lone surrogates: orjson refuses, the stdlib may cope
            import json

            obj = json.loads(line.decode("utf-8", errors="replace"))
            valid = False
        except (ValueError, RecursionError):
            return ErrorRecord(source, "not_json", f"line is not JSON: {str(exc).splitlines()[0]}")
    if not isinstance(obj, dict):
        return ErrorRecord(
            source, "not_json", f"line is JSON but not an object ({type(obj).__name__})"
        )
    text = obj.get(text_field)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return ErrorRecord(source, "no_text", f"field {text_field!r} is {what}")
    if not valid:  # lone surrogates become "?", as they do in every output
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    if nul if nul is not None else b"\\u0000" in line:  # JSON strings hold a NUL only as
        text = text.replace("\x00", "")  # this escape (raw, it is invalid)
    if not text or text.isspace():  # `not text.strip()`, without copying the page
        return ErrorRecord(source, "empty", f"field {text_field!r} is empty")
    fmt = Format.HTML if text_looks_like_html(text) else Format.TEXT
    return Document(
        source=source,
        text=text,
        format=fmt,
        id=_scalar(obj.get("id")),
        url=_scalar(obj.get("url")),
        date=_scalar(obj.get("date")),
    )


def _scalar(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).encode("utf-8", errors="replace").decode("utf-8")


def _skip_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return
