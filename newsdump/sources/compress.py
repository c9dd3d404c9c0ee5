"""Transparent decompression, recognised by magic bytes (never by file name), with a size cap."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from typing import Any, BinaryIO

import zstandard

from newsdump.errors import TooLarge

GZIP_MAGIC = b"\x1f\x8b"
BZIP2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
MAGIC_PEEK = 6


class PrefixedReader(io.RawIOBase):
    """A stream that yields `prefix` first, then the rest of `raw` (lets us peek at pipes)."""

    def __init__(self, prefix: bytes, raw: BinaryIO) -> None:
        self._prefix = prefix
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if self._prefix:
            n = min(len(view), len(self._prefix))
            view[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._raw.read(len(view))
        if not data:
            return 0
        view[: len(data)] = data
        return len(data)


class CappedReader(io.RawIOBase):
    """Raises `TooLarge` once more than `limit` bytes came out of `raw` (zip-bomb guard)."""

    def __init__(self, raw: BinaryIO, limit: int, what: str) -> None:
        self._raw = raw
        self._left = limit
        self._limit = limit
        self._what = what

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        data = self._raw.read(min(len(view), self._left + 1))
        if len(data) > self._left:
            raise TooLarge(f"{self._what} decompresses to more than {self._limit} bytes")
        self._left -= len(data)
        view[: len(data)] = data
        return len(data)


def peek(stream: BinaryIO, n: int) -> tuple[bytes, BinaryIO]:
    """Read up to `n` bytes and return them with a stream that still starts at them."""
    head = b""
    while len(head) < n:
        chunk = stream.read(n - len(head))
        if not chunk:
            break
        head += chunk
    return head, io.BufferedReader(PrefixedReader(head, stream), buffer_size=1 << 16)


def compression_of(head: bytes) -> str | None:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(BZIP2_MAGIC):
        return "bzip2"
    if head.startswith(XZ_MAGIC):
        return "xz"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def decompressed(stream: BinaryIO, limit: int) -> tuple[BinaryIO, str | None]:
    """Wrap `stream` so that it yields plain bytes; also says which compression it found."""
    head, stream = peek(stream, MAGIC_PEEK)
    kind = compression_of(head)
    inner: Any
    if kind is None:
        return stream, None
    if kind == "gzip":
        inner = gzip.GzipFile(fileobj=stream, mode="rb")  # reads every member (WARC per-record)
    elif kind == "bzip2":
        inner = bz2.BZ2File(stream, mode="rb")
    elif kind == "xz":
        inner = lzma.LZMAFile(stream, mode="rb")  # noqa: SIM115 - returned, closed by the caller
    else:
        inner = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
    capped = CappedReader(inner, limit, f"{kind} input")
    return io.BufferedReader(capped, buffer_size=1 << 16), kind
