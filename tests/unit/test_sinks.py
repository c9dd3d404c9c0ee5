"""Sinks: stdout lines, and files that appear whole or not at all."""

from __future__ import annotations

import gzip
import io
import os
import stat
from pathlib import Path

import pytest
import zstandard

from newsdump.sinks import AtomicFileSink, DeviceSink, StreamSink, file_sink

LINES = [b'{"n":1}\n', b'{"n":2,"t":"Gr\xc3\xbc\xc3\x9fe"}\n', b'{"n":3}\n']


def test_no_file_until_commit(tmp: Path) -> None:
    target = tmp / "out.jsonl"
    sink = AtomicFileSink(str(target))
    for line in LINES:
        sink.write(line)
    assert not target.exists()
    [temp] = list(tmp.iterdir())  # written beside the target, hidden
    assert temp.name.startswith(".out.jsonl.")
    assert temp.name.endswith(".tmp")
    sink.commit()
    assert target.read_bytes() == b"".join(LINES)
    assert list(tmp.iterdir()) == [target]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_abort_leaves_nothing(tmp: Path) -> None:
    sink = AtomicFileSink(str(tmp / "out.jsonl"))
    sink.write(LINES[0])
    sink.abort()
    sink.abort()  # twice is harmless
    assert list(tmp.iterdir()) == []


def test_abort_keeps_an_existing_file(tmp: Path) -> None:
    target = tmp / "out.jsonl"
    target.write_bytes(b"old\n")
    sink = AtomicFileSink(str(target))
    sink.write(LINES[0])
    sink.abort()
    assert target.read_bytes() == b"old\n"
    assert list(tmp.iterdir()) == [target]


def test_commit_replaces_an_existing_file_and_twice_is_harmless(tmp: Path) -> None:
    target = tmp / "out.jsonl"
    target.write_bytes(b"old\n")
    sink = AtomicFileSink(str(target))
    sink.write(LINES[0])
    sink.commit()
    sink.commit()
    sink.abort()  # after a commit: keeps the file
    assert target.read_bytes() == LINES[0]


def test_empty_output_is_an_empty_file(tmp: Path) -> None:
    sink = AtomicFileSink(str(tmp / "out.jsonl"))
    sink.commit()
    assert (tmp / "out.jsonl").read_bytes() == b""


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_outputs_decompress_to_the_same_lines(tmp: Path, suffix: str) -> None:
    target = tmp / f"out.jsonl{suffix}"
    sink = AtomicFileSink(str(target))
    for line in LINES:
        sink.write(line)
    assert not target.exists()
    sink.commit()
    raw = target.read_bytes()
    if suffix == ".gz":
        assert raw[:2] == b"\x1f\x8b"
        plain = gzip.decompress(raw)
    else:
        assert raw[:4] == b"\x28\xb5\x2f\xfd"
        plain = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw)).read()
    assert plain == b"".join(LINES)
    assert os.listdir(tmp) == [target.name]


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_abort_leaves_nothing(tmp: Path, suffix: str) -> None:
    sink = AtomicFileSink(str(tmp / f"out.jsonl{suffix}"))
    sink.write(LINES[0])
    sink.abort()
    assert list(tmp.iterdir()) == []


class CountingStream(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


@pytest.mark.parametrize(("unbuffered", "flushes"), [(False, 1), (True, 4)])
def test_stream_sink(unbuffered: bool, flushes: int) -> None:
    stream = CountingStream()
    sink = StreamSink(stream, unbuffered)
    for line in LINES:
        sink.write(line)
    sink.commit()
    assert stream.getvalue() == b"".join(LINES)
    assert stream.flushes == flushes


def test_stream_sink_abort_ignores_a_closed_pipe() -> None:
    class Broken(io.BytesIO):
        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    StreamSink(Broken()).abort()  # no exception


def test_file_sink_writes_a_device_in_place_and_a_file_whole(tmp: Path) -> None:
    device = file_sink(os.devnull)  # renaming a temporary file onto /dev/null would replace it
    assert isinstance(device, DeviceSink)
    device.write(LINES[0])
    device.commit()
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert isinstance(file_sink(str(tmp / "new.jsonl")), AtomicFileSink)
    (tmp / "old.jsonl").write_bytes(b"old\n")
    assert isinstance(file_sink(str(tmp / "old.jsonl")), AtomicFileSink)


def test_device_sink_compresses_by_suffix(tmp: Path) -> None:
    fifo = tmp / "out.jsonl.gz"
    os.mkfifo(fifo)
    import threading

    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    sink = file_sink(str(fifo))
    assert isinstance(sink, DeviceSink)
    for line in LINES:
        sink.write(line)
    sink.commit()
    reader.join(timeout=30)
    assert gzip.decompress(got[0]) == b"".join(LINES)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
