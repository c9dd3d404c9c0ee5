"""Transparent decompression, recognised by magic bytes (never by file name), with a size cap."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

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
        # one read of `raw` per call: a failing stream then loses none of the data before it
        self._read = getattr(raw, "read1", raw.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if self._prefix:
            n = min(len(view), len(self._prefix))
            view[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._read(len(view))
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
        # read1: one step of the decompressor, so that a truncated or corrupt end raises only
        # on a call that has no data left to give (read() would drop what it had decompressed)
        data = self._raw.read1(min(len(view), self._left + 1))  # type: ignore[attr-defined]
        if len(data) > self._left:
            raise TooLarge(f"{self._what} decompresses to more than {self._limit} bytes")
        self._left -= len(data)
        view[: len(data)] = data
        return len(data)


class ZstdReader(io.RawIOBase):
    """zstd frames, one after another. Unlike zstandard's stream_reader, which ends quietly
    there, input that stops inside a frame raises EOFError (a truncated download)."""

    INPUT_CHUNK = 1024  # small: one chunk of a hostile input inflates to 32 MB at most

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw = raw
        self._dctx = zstandard.ZstdDecompressor()
        self._frame = self._dctx.decompressobj()
        self._in_frame = False  # some of the current frame's input has been fed
        self._out = b""  # decompressed, from `_at` on not yet returned
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        while self._at >= len(self._out):
            data = self._raw.read(self.INPUT_CHUNK)
            if not data:
                if self._in_frame:
                    raise EOFError("zstd input ended inside a frame")
                return 0
            self._out, self._at = self._feed(data), 0
        n = min(len(view), len(self._out) - self._at)
        view[:n] = self._out[self._at : self._at + n]
        self._at += n
        return n

    def _feed(self, data: bytes) -> bytes:
        out = []
        while data:
            self._in_frame = True
            out.append(self._frame.decompress(data))
            if not self._frame.eof:
                break
            data = self._frame.unused_data  # the next frame starts here
            self._frame = self._dctx.decompressobj()
            self._in_frame = False
        return b"".join(out)


def peek(stream: BinaryIO, n: int) -> tuple[bytes, BinaryIO]:
    """Read up to `n` bytes and return them with a stream that still starts at them."""
    if isinstance(stream, io.BufferedReader):  # its buffer holds them, unread: no wrapper
        ahead = stream.peek(n)
        if len(ahead) >= n:
            return ahead[:n], stream
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
    # each decompressor imported when its input comes: a plain run loads none of them
    if kind == "gzip":
        import gzip

        inner = gzip.GzipFile(fileobj=stream, mode="rb")  # reads every member (WARC per-record)
    elif kind == "bzip2":
        import bz2

        inner = bz2.BZ2File(stream, mode="rb")
    elif kind == "xz":
        import lzma

        inner = lzma.LZMAFile(stream, mode="rb")  # noqa: SIM115 - returned, closed by the caller
    else:
        inner = io.BufferedReader(ZstdReader(stream), buffer_size=1 << 16)
    capped = CappedReader(inner, limit, f"{kind} input")
    return io.BufferedReader(capped, buffer_size=1 << 16), kind
