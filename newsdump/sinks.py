"""Where JSONL lines go: stdout, or a file that appears whole or not at all."""

from __future__ import annotations

import contextlib
import gzip
import os
import tempfile
from typing import BinaryIO, Protocol

import zstandard


class Sink(Protocol):
    def write(self, line: bytes) -> None: ...
    def commit(self) -> None: ...
    def abort(self) -> None: ...


class StreamSink:
    """Lines to an open binary stream (stdout); `unbuffered` flushes every line."""

    def __init__(self, stream: BinaryIO, unbuffered: bool = False) -> None:
        self._stream = stream
        self._unbuffered = unbuffered

    def write(self, line: bytes) -> None:
        self._stream.write(line)
        if self._unbuffered:
            self._stream.flush()

    def commit(self) -> None:
        self._stream.flush()

    def abort(self) -> None:
        with contextlib.suppress(ValueError, OSError):
            self._stream.flush()


class AtomicFileSink:
    """Lines to a temporary file beside `path`, renamed onto it by `commit`: readers never
    see half a file. A `.gz` or `.zst` suffix compresses."""

    def __init__(self, path: str) -> None:
        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        fd, self._tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory
        )
        self._raw = os.fdopen(fd, "wb")
        self._out: BinaryIO = compressor(self._raw, path)
        self._done = False

    def write(self, line: bytes) -> None:
        self._out.write(line)

    def commit(self) -> None:
        if self._done:
            return
        if self._out is not self._raw:
            self._out.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.chmod(self._tmp, 0o644)
        os.replace(self._tmp, self.path)
        _fsync_dir(os.path.dirname(os.path.abspath(self.path)))
        self._done = True

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        try:
            self._raw.close()
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)


def compressor(raw: BinaryIO, path: str) -> BinaryIO:
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6)  # type: ignore[return-value]
    if path.endswith(".zst"):
        return zstandard.ZstdCompressor(level=3).stream_writer(raw, closefd=False)
    return raw


def _fsync_dir(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
