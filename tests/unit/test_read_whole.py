"""Reading a file whole (one read sized by its fstat) against reading it as a stream, the
HTML test that searches before it encodes, and the control count of long pages."""

from __future__ import annotations

import bz2
import gzip
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdump.errors import DecodeError
from newsdump.records import ErrorRecord
from newsdump.settings import Settings
from newsdump.sources import decode as decode_module
from newsdump.sources import read as read_module
from newsdump.sources.detect import looks_like_html, text_looks_like_html
from newsdump.sources.read import iter_documents, iter_path_documents


def streamed(path: Path, settings: Settings, first: int = 0) -> list[Any]:
    """The documents of `path` read as a stream (iter_path_documents before the whole read)."""
    with open(path, "rb", buffering=1 << 16) as handle:
        return list(iter_documents(handle, str(path), settings, first))


PIECES = st.sampled_from(
    [b"A line of text", b"word ", b"\n", b"\r\n", b"\x0c", b" \x0c \n", b"\t", b"\xc3\xa9",
     b"\x00", b"\x01", b"\xff", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"<html>", b"<p>", b"{",
     b'{"text": "a page"}\n', b"WARC/1.0\r\n", b"\xe4\xb8\xad", b"  "]
)  # fmt: skip
CONTENTS = st.one_of(
    st.binary(max_size=200),
    st.lists(PIECES, max_size=60).map(b"".join),
    st.lists(PIECES, max_size=30).map(lambda p: gzip.compress(b"".join(p))),
    st.lists(PIECES, max_size=30).map(lambda p: bz2.compress(b"".join(p))),
    st.lists(PIECES, max_size=30).map(lambda p: gzip.compress(b"".join(p))[:-5]),  # truncated
)
SETTINGS = st.builds(
    Settings,
    format=st.sampled_from(["auto", "auto", "text", "jsonl", "html"]),
    max_document_bytes=st.sampled_from([1 << 20, 1 << 20, 40, 7]),
)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(CONTENTS, SETTINGS, st.sampled_from([0, 0, 1]))
def test_a_file_read_whole_gives_what_its_stream_gives(
    tmp_path: Path, data: bytes, settings: Settings, first: int
) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    assert list(iter_path_documents(str(path), settings, first=first)) == streamed(
        path, settings, first
    )


@pytest.mark.parametrize("limit", [0, 3, 1 << 20])
def test_a_file_over_the_whole_read_size_is_streamed_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(read_module, "WHOLE_FILE_BYTES", limit)
    path = tmp_path / "pages.txt"
    path.write_bytes(b"First page\nof text\n\x0c\nSecond page\n" * 3)
    got = list(iter_path_documents(str(path), Settings()))
    assert got == streamed(path, Settings())
    assert [d.source for d in got] == [f"{path}#{n}" for n in range(1, 5)]


@pytest.mark.parametrize("change", [-5, -1, 1, 1000])
def test_a_file_whose_size_changed_since_its_fstat_is_read_as_a_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: int
) -> None:
    """The read returns other than the fstat's size (the file grew or shrank between them):
    the file is read again from its start, as a stream, and every byte of it counts."""
    path = tmp_path / "page.txt"
    path.write_bytes(b"A page that was being written.\nIts second line.\n")
    real_fstat = os.fstat

    class Stat:
        def __init__(self, st: os.stat_result) -> None:
            self.st_mode = st.st_mode
            self.st_size = max(1, st.st_size + change)

    monkeypatch.setattr(read_module.os, "fstat", lambda fd: Stat(real_fstat(fd)))
    got = list(iter_path_documents(str(path), Settings()))
    monkeypatch.undo()
    assert got == streamed(path, Settings())
    assert len(got) == 1 and got[0].text.endswith("Its second line.\n")


def test_a_directory_or_a_missing_file_is_unreadable_as_before(tmp_path: Path) -> None:
    for path, message in [
        (tmp_path, "cannot open: Is a directory"),
        (tmp_path / "missing.txt", "cannot open: No such file or directory"),
    ]:
        [record] = iter_path_documents(str(path), Settings(), source="x")
        assert record == ErrorRecord("x", "unreadable", message)


def test_a_read_that_fails_is_a_read_error_as_in_a_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"A page.\n")

    def failing(fd: int, n: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(read_module.os, "read", failing)
    [record] = iter_path_documents(str(path), Settings(), source="x")
    assert record == ErrorRecord("x", "read_error", "read failed: Input/output error")


def test_a_named_pipe_is_read_as_a_stream(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = b"First page.\n\x0c\nSecond page.\n"

    def write() -> None:
        with open(fifo, "wb") as out:
            out.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    got = list(iter_path_documents(str(fifo), Settings(), source="p"))
    writer.join()
    assert [(d.source, d.text) for d in got] == [
        ("p#1", "First page.\n"),
        ("p#2", "Second page.\n"),
    ]


def test_one_plain_page_is_one_document_without_a_number(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("Une page\n\nAvec un paragraphe accentué.\n".encode())
    [doc] = iter_path_documents(str(path), Settings(), source="s")
    assert doc.source == "s"
    assert doc.text == "Une page\n\nAvec un paragraphe accentué.\n"
    assert doc.data == path.read_bytes()


# --- the HTML test: a search for "<" first ---------------------------------------------------


TEXTS = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(["<", "<html>", "<!DOCTYPE html>", "<p>", " ", "\n", "\ufeff", "\x0b",
                         "\x1c", "\u3000", "a", "é", "\ud800", "<head ", "<body>", "x" * 600]),
        max_size=12,
    ).map("".join),
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_html_test_is_the_encoded_test(text: str) -> None:
    assert text_looks_like_html(text) == looks_like_html(text[:1024].encode("utf-8", "replace"))


def test_html_test_examples() -> None:
    assert text_looks_like_html("\ufeff  <!doctype html><html><body>")
    assert text_looks_like_html("<p>A paragraph</p>")
    assert not text_looks_like_html("A page that quotes <html> later")
    assert not text_looks_like_html("x" * 1024 + "<html>")
    assert not text_looks_like_html("")


# --- the control characters of a page longer than the sample --------------------------------


def plain_decode(data: bytes) -> str:
    """decode_page's text for valid UTF-8 over DETECT_SAMPLE bytes, counted by the pattern."""
    if data[: decode_module.DETECT_SAMPLE].count(b"\x00") > 8:
        raise DecodeError("binary data (NUL bytes), not a text page")
    text = data.decode("utf-8")
    return decode_module._check(text, nul=b"\x00" in data)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2000),  # control bytes in the sample
    st.integers(0, 3000),  # ... after it
    st.sampled_from(["a", "é", "中"]),
    st.sampled_from(["\x00", "\x01", "\x7f", "\x1f"]),
)
def test_long_page_control_count_is_the_samples(
    inside: int, after: int, letter: str, control: str
) -> None:
    sample = decode_module.DETECT_SAMPLE
    body = (control * inside + letter * sample)[:sample]
    data = (body + control * after + letter * 100).encode()
    try:
        expected: Any = plain_decode(data)
    except DecodeError as exc:
        expected = str(exc)
    try:
        got: Any = decode_module.decode_page(data)[0]
    except DecodeError as exc:
        got = str(exc)
    assert got == expected
