"""Where JSONL lines go: stdout, or a file that appears whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
from typing import BinaryIO, Protocol

# A temporary file is read by no one before `commit`: its lines are written in large pieces (a
# write call every ~45 extract records, not one a record as with the default 8 KiB buffer; small
# enough to stay in a core's L2 cache)
FILE_BUFFER = 1 << 18


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


class _FileSink:
    """Lines to an open binary file `raw`, through a compressor when `path` ends in .gz/.zst."""

    def __init__(self, path: str, raw: BinaryIO) -> None:
        self.path = path
        self._raw = raw
        self._out: BinaryIO = compressor(raw, path)
        self._done = False

    def write(self, line: bytes) -> None:
        self._out.write(line)

    def _end_stream(self) -> None:
        """The compressor's last bytes into `raw` (which stays open)."""
        if self._out is not self._raw:
            self._out.close()


class AtomicFileSink(_FileSink):
    """Lines to a temporary file beside `path`, renamed onto it by `commit`: readers never
    see half a file. A `.gz` or `.zst` suffix compresses."""

    def __init__(self, path: str) -> None:
        import tempfile

        directory = os.path.dirname(os.path.abspath(path))
        fd, self._tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory
        )
        super().__init__(path, os.fdopen(fd, "wb", buffering=FILE_BUFFER))

    def commit(self) -> None:
        if self._done:
            return
        self._end_stream()
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


class DeviceSink(_FileSink):
    """Lines written straight into something that is not a regular file: a device such as
    `/dev/null` or `/dev/stdout`, a named pipe. Renaming a temporary file onto it (as
    `AtomicFileSink` does) would replace the device or the pipe with a plain file."""

    def __init__(self, path: str) -> None:
        super().__init__(path, open(path, "wb"))  # noqa: SIM115 (closed by commit or abort)

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        self._end_stream()
        self._raw.close()

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        with contextlib.suppress(ValueError, OSError):
            self._raw.close()


def file_sink(path: str) -> AtomicFileSink | DeviceSink:
    """The sink for `--output PATH`: a regular file (or a new one) appears whole or not at all;
    anything else that exists (`/dev/null`, a named pipe) is written in place."""
    return DeviceSink(path) if _is_stream(path) else AtomicFileSink(path)


def _is_stream(path: str) -> bool:
    """Whether `path` exists and is neither a regular file nor a directory: a device such as
    `/dev/null`, a named pipe; written in place, never replaced nor cut."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def compressor(raw: BinaryIO, path: str) -> BinaryIO:
    """`raw` itself, or a compressing writer onto it (gzip, zstandard: imported when needed)."""
    if path.endswith(".gz"):
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6)  # type: ignore[return-value]
    if path.endswith(".zst"):
        import zstandard

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


class AppendSink:
    """Lines appended to `path`, for incremental runs (`--state`). The file is first cut back
    to `length` (what the state's last commit covered: a killed run's tail goes), then written
    in segments; `sync` ends a segment (a gzip member or zstd frame when compressed), flushes
    and fsyncs it, and returns the file's length, which the caller commits to the state.
    `mark` notes that what was written so far belongs to finished inputs; `sync_to_mark` (on
    an interruption) cuts what came after it. A target that exists and is not a regular file
    (`/dev/null`, a named pipe) is a stream (`seekable` False): written in place, with nothing
    to cut or fsync; what went into it stays there, and its `length` (bytes written by this
    run) is not for the state to record."""

    def __init__(self, path: str, length: int | None) -> None:
        self.path = path
        if not os.path.exists(path):
            length = 0  # moved away (rotated) or never written: start afresh
        # A target that is not a regular file (`/dev/null`, a named pipe) is a stream: written
        # in place, nothing to cut back, no length to record (`seekable` is False)
        self.seekable = not _is_stream(path)
        if not self.seekable:
            self._raw: BinaryIO = open(path, "wb")  # noqa: SIM115 (closed by close)
            length = 0
        else:
            self._raw = os.fdopen(_open_appended(path, length), "wb")
            length = self._raw.tell()
        self._compressed = path.endswith((".gz", ".zst"))
        self._out: BinaryIO | None = None
        self._length = length  # durable length: the end of the last segment
        self._mark = length  # a document-file boundary (uncompressed: a byte offset)
        self._dirty = False  # written since the last mark
        self._written = 0  # bytes of lines written (a stream's `length`)

    @property
    def length(self) -> int:
        return self._length

    def write(self, line: bytes) -> None:
        if self._out is None:
            self._out = compressor(self._raw, self.path)
        self._out.write(line)
        self._written += len(line)
        self._dirty = True

    def mark(self) -> None:
        """Everything written so far belongs to finished inputs."""
        if not self.seekable:
            if self._out is not None:
                self._out.flush()
        elif not self._compressed and self._out is not None:
            self._out.flush()
            self._mark = self._raw.tell()
        self._dirty = False

    @property
    def at_mark(self) -> bool:
        return not self._dirty

    def sync(self) -> int:
        """End the segment, flush and fsync; returns the durable length."""
        if self._out is not None and self._out is not self._raw:
            self._out.close()  # a complete gzip member / zstd frame
        self._out = None
        self._raw.flush()
        if not self.seekable:  # (no fsync: a pipe or a device has none)
            self._length = self._mark = self._written
            return self._length
        os.fsync(self._raw.fileno())
        self._length = self._mark = self._raw.tell()
        return self._length

    def sync_to_mark(self) -> int | None:
        """Cut what was written after the last mark and sync; returns the durable length, or
        None when that cannot be done (compressed output written past the mark)."""
        if not self._dirty or not self.seekable:  # (a stream's lines are gone: kept as written)
            return self.sync()
        if self._compressed:
            return None
        assert self._out is not None
        self._out.flush()
        os.ftruncate(self._raw.fileno(), self._mark)
        self._raw.seek(self._mark)
        self._dirty = False
        return self.sync()

    def commit(self) -> None:
        self.close()

    def abort(self) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; anything not synced is left for the next run to cut off."""
        if self._raw.closed:
            return
        # what came after the last sync is not committed: the next run cuts it
        with contextlib.suppress(OSError, ValueError):
            if self._out is not None and self._out is not self._raw:
                self._out.close()
        self._out = None
        with contextlib.suppress(OSError, ValueError):
            self._raw.close()


def _open_appended(path: str, length: int | None) -> int:
    """A regular output file opened (locked) for appending at `length` (None: at its end),
    its uncommitted tail cut off; the descriptor, positioned there."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock_output(fd, path)
        size = os.fstat(fd).st_size
        if length is None:
            length = size  # an output the state does not know yet: keep what it holds
        elif size < length:
            raise OutputShrunk(
                f"{path} holds {size} bytes but the state covers {length}: "
                "was it truncated or replaced? move it away (or use a new state)"
            )
        if size > length:
            os.ftruncate(fd, length)  # the uncommitted tail of a killed run
            os.fsync(fd)
        os.lseek(fd, length, os.SEEK_SET)
    except BaseException:
        os.close(fd)
        raise
    return fd


class OutputShrunk(Exception):
    """The output file is shorter than the state says it should be."""


class OutputLocked(Exception):
    """Another run writes to the same output file."""


def _lock_output(fd: int, path: str) -> None:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputLocked(f"{path} is being written by another newsdump run") from None
