"""The CLI's fast paths against their plain versions: pages read in blocks against pages read
line by line, control characters counted in bytes against the pattern, `peek` without a
wrapper, JSON lines written by the worker, and the argument parser that spares Typer."""

from __future__ import annotations

import contextlib
import io
from dataclasses import replace
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.document import Document
from newsdump.errors import DecodeError, ReadError
from newsdump.pipeline import DocResult, document_id, process_document
from newsdump.records import to_json_line
from newsdump.runner import Job, process_items
from newsdump.settings import Settings
from newsdump.sources import decode as decode_module
from newsdump.sources.compress import peek
from newsdump.sources.text import Broken, _line_pages, iter_pages

# --- pages of a stream: in blocks, and line by line -------------------------------------------


class Failing(io.RawIOBase):
    """`data` in steps of `step` bytes, then an error (a truncated download), if `fail`."""

    def __init__(self, data: bytes, step: int, fail: bool) -> None:
        self.data, self.step, self.fail, self.at = data, step, fail, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.at >= len(self.data):
            if self.fail:
                raise EOFError("cut short")
            return 0
        n = min(len(buffer), self.step, len(self.data) - self.at)
        buffer[:n] = self.data[self.at : self.at + n]
        self.at += n
        return n


def pages(stream_pages: Any) -> list[Any]:
    out: list[Any] = []
    for page in stream_pages:
        if isinstance(page, Broken):
            out.append(("broken", str(page.error)))
        elif isinstance(page, ReadError):
            out.append((type(page).__name__, str(page)))
        else:
            out.append(page)
    return out


def both(data: bytes, max_bytes: int, step: int = 1 << 20, fail: bool = False) -> None:
    fast = pages(iter_pages(io.BufferedReader(Failing(data, step, fail), 16), max_bytes))
    plain = pages(_line_pages(io.BufferedReader(Failing(data, step, fail), 16), max_bytes))
    assert fast == plain


PIECES = st.sampled_from([b"a", b"word ", b"\n", b"\r\n", b"\x0c", b" \x0c \n", b"\t", b"\xc3\xa9"])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(PIECES, max_size=60).map(b"".join),
    st.integers(1, 80),
    st.integers(1, 40),
    st.booleans(),
)
def test_pages_in_blocks_are_the_pages_line_by_line(
    data: bytes, max_bytes: int, step: int, fail: bool
) -> None:
    both(data, max_bytes, step, fail)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"one page\n",
        b"one\n\x0c\ntwo\n",
        b"one\n\x0c\n",
        b"\x0c\n",
        b"no newline at the end",
        b"x" * 300 + b"\n\x0c\nshort\n",  # a page over max_bytes, then one under it
        b"a\x0cb\n",  # a form feed inside a line is not a separator
    ],
)
def test_pages_in_blocks_examples(data: bytes) -> None:
    for max_bytes in (1, 5, 100, 1000):
        for fail in (False, True):
            both(data, max_bytes, 7, fail)


def test_a_large_page_replayed_line_by_line_lets_its_head_go() -> None:
    data = b"line\n" * 50_000 + b"\x0c\nlast\n"
    fast = list(iter_pages(io.BufferedReader(io.BytesIO(data)), 1 << 20))
    assert fast == [b"line\n" * 50_000, b"last\n"]


# --- control characters counted in bytes --------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_control_count_in_bytes_is_the_pattern_count(text: str) -> None:
    data = text.encode("utf-8")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return  # read through their byte-order mark, not this path
    try:
        fast = decode_module.decode(data)
    except DecodeError:
        fast = None
    try:
        plain = decode_module._check(text) if data.count(b"\x00") <= 8 else None
    except DecodeError:
        plain = None
    assert fast == plain


def plain_decode(data: bytes) -> str | None:
    """`decode` with `_check` told every time that the text may hold NULs (the reference)."""
    original = decode_module._check

    def check(text: str, controls: int | None = None, nul: bool = True) -> str:
        return original(text, controls, True)

    decode_module._check = check  # type: ignore[assignment]
    try:
        return decode_module.decode(data)
    except DecodeError:
        return None
    finally:
        decode_module._check = original  # type: ignore[assignment]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\xe2\x80", b"\xc0\x80", b" "]),
            st.binary(max_size=8),
        ),
        max_size=12,
    ).map(b"".join)
)
def test_nul_dropped_only_when_there_is_a_zero_byte_is_the_plain_decode(data: bytes) -> None:
    try:
        fast: str | None = decode_module.decode(data)
    except DecodeError:
        fast = None
    assert fast == plain_decode(data)
    assert fast is None or "\x00" not in fast


def test_nul_characters_go_from_utf8_text_either_way() -> None:
    assert decode_module.decode("caf\u00e9 \x00au lait\x00".encode()) == "caf\u00e9 au lait"
    assert decode_module.decode(b"caf\xe9\x00 \xc3\xa9t\xc3\xa9 \xc3\xa0 \xc3\xa8") == (
        "caf\ufffd \u00e9t\u00e9 \u00e0 \u00e8"
    )


def test_control_characters_refuse_a_page_either_way() -> None:
    data = ("text " * 20 + "\x01" * 10).encode()
    with pytest.raises(DecodeError):
        decode_module.decode(data)
    with pytest.raises(DecodeError):
        decode_module._check(data.decode())


# --- peek ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 3, 4096, 20_000])
@pytest.mark.parametrize("buffered", [True, False])
def test_peek_gives_the_head_and_every_byte(size: int, buffered: bool) -> None:
    data = bytes(i % 251 for i in range(size))
    raw: Any = io.BytesIO(data)
    stream = io.BufferedReader(raw, 8192) if buffered else raw
    head, rest = peek(stream, 4096)
    assert head == data[:4096]
    assert rest.read() == data


# --- records written by the worker --------------------------------------------------------

PAGE = (
    "Home News\n\nTram line to the harbour opens in spring\n\n"
    "The new tram line links the station with the harbour in eleven minutes, the city said "
    "on Tuesday, and the first cars run in April.\n\n"
    "Tickets cost the same as on the buses, and the old harbour bus stops running.\n"
)


@pytest.mark.parametrize("mode", ["extract", "split"])
def test_written_results_hold_the_records_as_json_lines(mode: str) -> None:
    doc = Document("page.txt", PAGE)
    plain = process_document(doc, Settings(), mode)
    written = plain.written()
    assert written.lines == b"".join(to_json_line(r) for r in plain.records)
    assert written.count == len(plain.records) >= 1
    assert written.records == []
    assert (written.bytes, written.page_words) == (plain.bytes, plain.page_words)
    assert written.written() is written
    assert plain.records[0][("id" if mode == "extract" else "doc")] == document_id(doc)
    job = Job(Settings(), mode, lines=True)  # a run that writes the lines counts no bytes
    error = DocResult("bad.txt")  # ... nor the page's words (stats alone reads them)
    assert process_items([doc], job) == [replace(written, bytes=0, page_words=0)]
    with_id = Document("page.txt", PAGE, id="page-1")
    uncounted = process_document(with_id, Settings(), mode, count_bytes=False)
    counted = process_document(with_id, Settings(), mode)
    assert (uncounted.bytes, counted.bytes) == (0, len(PAGE.encode()))
    assert (uncounted.page_words, counted.page_words) == (0, 0 if mode == "extract" else 50)
    assert uncounted.records == counted.records
    assert process_items([doc], Job(Settings(), mode)) == [plain]
    assert error.lines is None


# --- the worker's hard limit: one watchdog thread a chunk -----------------------------------


def test_hard_limit_is_armed_once_a_chunk_and_again_when_time_runs_short(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsdump import runner

    calls: list[tuple[Any, ...]] = []
    clock = [100.0]
    monkeypatch.setattr(
        runner.faulthandler,
        "dump_traceback_later",
        lambda seconds, exit, file: calls.append(("arm", seconds)),
    )
    monkeypatch.setattr(
        runner.faulthandler, "cancel_dump_traceback_later", lambda: calls.append(("cancel",))
    )
    monkeypatch.setattr(runner.time, "monotonic", lambda: clock[0])
    limit = runner._HardLimit()
    with limit.chunk():
        for _ in range(3):  # quick documents: the first one's timer serves them all
            limit.arm(130.0)
            limit.done()
        assert calls == [("arm", 130.0)]
        clock[0] += 2.0  # within a quarter of the grace: still armed long enough
        limit.arm(130.0)
        assert calls == [("arm", 130.0)]
        clock[0] += 1.0  # 127 s left of 130: armed again, for the full 130 s
        limit.arm(130.0)
        assert calls == [("arm", 130.0), ("arm", 130.0)]
    assert calls[-1] == ("cancel",)  # an idle worker is never ended
    calls.clear()
    limit.arm(130.0)  # outside a chunk, each document disarms it
    limit.done()
    assert calls == [("arm", 130.0), ("cancel",)]


# --- JSONL: orjson's strings need no surrogate clean-up ---------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.booleans())
def test_jsonl_text_is_the_text_cleaned_as_before(text: str, ascii_only: bool) -> None:
    import json

    from newsdump.sources.jsonl import parse_line

    if ascii_only or any("\ud800" <= ch <= "\udfff" for ch in text):
        line = json.dumps({"text": text, "id": "p1"}).encode()  # \\ud800 escapes: stdlib path
    else:  # raw UTF-8, as most writers (orjson) write it; a NUL still comes as \\u0000
        line = orjson.dumps({"text": text, "id": "p1"})
    got = parse_line(line, "in#1", "text")
    expected = text.encode("utf-8", errors="replace").decode("utf-8").replace("\x00", "")
    if expected.strip():
        assert isinstance(got, Document) and got.text == expected
    else:
        assert not isinstance(got, Document) and got.error == "empty"


# --- the default number of workers --------------------------------------------------------------


def test_available_cores_is_the_affinity_not_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdump import runner

    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda pid: {3}, raising=False)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 64)
    assert runner.available_cores() == 1
    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda pid: {0, 1, 5}, raising=False)
    assert runner.available_cores() == 3
    monkeypatch.delattr(runner.os, "sched_getaffinity", raising=False)
    assert runner.available_cores() == 64
    monkeypatch.setattr(runner.os, "cpu_count", lambda: None)
    assert runner.available_cores() == 1


# --- the alarm: one handler for a run or a chunk, not two signal.signal calls a page --------


def test_a_run_installs_the_alarm_handler_once_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import signal

    from newsdump import runner

    calls: list[Any] = []
    real = signal.signal

    def counted(signum: int, handler: Any) -> Any:
        calls.append(signum)
        return real(signum, handler)

    before = signal.getsignal(signal.SIGALRM)
    monkeypatch.setattr(runner.signal, "signal", counted)
    job = Job(Settings(timeout=30.0), "extract", lines=True)
    text = "A short invented page number {}.\n\nIts one paragraph, a few words long.\n"
    docs = [Document(f"p{n}.txt", text.format(n)) for n in range(4)]
    results = list(runner.run_items(docs, job, 1))
    assert calls == [signal.SIGALRM, signal.SIGALRM]  # installed, restored
    assert signal.getsignal(signal.SIGALRM) is before
    expected = [process_document(d, job.settings, "extract").written() for d in docs]
    assert [(r.source, r.lines) for r in results] == [(r.source, r.lines) for r in expected]
    calls.clear()
    runner.process_with_limits(docs[0], job)  # alone: it installs the handler for itself
    assert calls == [signal.SIGALRM, signal.SIGALRM]
    assert signal.getsignal(signal.SIGALRM) is before


def test_a_slow_page_in_a_run_times_out_and_the_next_pages_do_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import signal
    import time

    from newsdump import runner

    def slow_first(doc: Document, settings: Settings, mode: str, *args: Any) -> Any:
        if doc.source == "slow.txt":
            time.sleep(5)
        return process_document(doc, settings, mode, *args)

    before = signal.getsignal(signal.SIGALRM)
    monkeypatch.setattr(runner, "process_document", slow_first)
    job = Job(Settings(timeout=0.2), "extract")
    text = "A short invented page.\n\nIts one paragraph, long enough to be a paragraph.\n"
    docs = [Document(name, text) for name in ("a.txt", "slow.txt", "b.txt")]
    started = time.monotonic()
    results = [r for r in runner.run_items(docs, job, 1) if isinstance(r, DocResult)]
    assert time.monotonic() - started < 3
    assert [(r.source, r.error and r.error.error) for r in results] == [
        ("a.txt", None),
        ("slow.txt", "timeout"),
        ("b.txt", None),
    ]
    assert signal.getsignal(signal.SIGALRM) is before


# --- the control bytes counted in C, and a page's UTF-8 kept from its file -------------------


BYTES = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from([b"a", b" ", b"\n", b"\t", b"\r", b"\x0c", b"\x0b", b"\x00",
                              b"\x1f", b"\x7f", b"\x80", b"\xc3\xa9", b"\xed\xa0\x80",
                              b"\xef\xbb\xbf", b"\xf0\x9f\x98\x80"]), max_size=80).map(b"".join),
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(BYTES)
def test_control_bytes_compiled_are_the_translate_count(data: bytes) -> None:
    expected = len(data) - len(data.translate(None, decode_module.CONTROL_BYTES))
    assert decode_module.control_bytes(data) == expected
    if decode_module._compiled_controls is not None:
        assert decode_module._compiled_controls(data) == expected
    assert sum(1 for b in data if bytes([b]) in decode_module.CONTROL_BYTES) == expected


def test_control_bytes_examples() -> None:
    assert decode_module.control_bytes(b"") == 0
    assert decode_module.control_bytes(b"a\tb\nc\x0cd\re") == 0
    assert decode_module.control_bytes(bytes(range(256))) == 29  # 32 - 4 (\t \n \f \r) + DEL
    assert decode_module.control_bytes(b"\x00\x0b\x7f\x1f\x80\xff" * 40) == 160
    # long runs: the compiled count adds each byte's hits in its lane for at most 255 steps of
    # 16 bytes before it sums the lanes (a lane of 255 hits, then more)
    for n in (255 * 16 - 1, 255 * 16, 255 * 16 + 1, 256 * 16, 100_003):
        assert decode_module.control_bytes(b"\x0b" * n) == n
        assert decode_module.control_bytes(b"\x01\n\x7fa" * n) == 2 * n
        assert decode_module.control_bytes(b"\t\n\x0c\r" * n) == 0


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=255 * 16 - 20, max_size=255 * 16 * 2 + 40))
def test_control_bytes_of_long_data_are_the_translate_count(data: bytes) -> None:
    expected = len(data) - len(data.translate(None, decode_module.CONTROL_BYTES))
    assert decode_module.control_bytes(data) == expected


def decoded(data: bytes) -> tuple[str, bytes | None] | None:
    try:
        return decode_module.decode_page(data)
    except DecodeError:
        return None


@settings(max_examples=500, deadline=None)
@given(BYTES)
def test_page_bytes_are_kept_only_when_they_are_the_texts_utf8(data: bytes) -> None:
    got = decoded(data)
    plain = None
    with pytest.raises(DecodeError) if got is None else contextlib.nullcontext():
        plain = decode_module.decode(data)
    assert (got[0] if got is not None else None) == plain
    if got is not None and got[1] is not None:
        assert got[1] is data
        assert got[0].encode("utf-8", "replace") == data


def test_page_bytes_examples() -> None:
    page = "caf\u00e9\n".encode()
    assert decode_module.decode_page(page) == ("caf\u00e9\n", page)
    assert decode_module.decode_page(b"\xef\xbb\xbfabc") == ("abc", None)  # a byte-order mark
    assert decode_module.decode_page(b"ab\x00c") == ("abc", None)  # a NUL dropped
    assert decode_module.decode_page(b"ab\xffc d e")[1] is None  # not UTF-8
    assert decode_module.decode_page(b"a\xed\xa0\x80b")[1] is None  # a surrogate is not UTF-8


def test_a_document_with_its_bytes_pickles_as_them_and_has_the_same_id() -> None:
    import pickle

    from newsdump.sources.text import read_text

    page = "Caf\u00e9 news\nA line \u2014 with a dash\n".encode()
    (doc,) = read_text(io.BytesIO(page), "p.txt", 1 << 20)
    assert isinstance(doc, Document) and doc.data == page
    plain = Document(doc.source, doc.text, doc.format)
    assert doc == plain and repr(doc) == repr(plain)
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.data == page and back.text == doc.text
    assert pickle.loads(pickle.dumps(plain)).data is None
    assert document_id(doc) == document_id(plain)
    for mode in ("extract", "split"):
        for count in (True, False):
            a = process_document(doc, Settings(), mode, count_bytes=count)
            b = process_document(plain, Settings(), mode, count_bytes=count)
            assert (a.records, a.bytes, a.page_words) == (b.records, b.bytes, b.page_words)
            assert a.bytes == (len(page) if count else 0)


# --- count_words, 8-16 characters a step, against the Python reference -----------------------

WORD_CHARS = st.sampled_from(
    [" ", "a", "9", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\xa0", "\xe9",
     "\xff", "\x00", "\u0100", "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029",
     "\u202f", "\u205f", "\u3000", "\u0e00", "\u0e7f", "\u0e80", "\u3040", "\u30ff", "\u4e00",
     "\uac00", "\ud7af", "\uf900", "\ufaff", "\ufb00", "\ud800", "\U0001f600", "\U00020000"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(WORD_CHARS, max_size=6).map("".join), max_size=30).map("".join))
def test_count_words_compiled_is_the_reference(text: str) -> None:
    from newsdump import records

    expected = records._count_words(text)
    assert records.count_words(text) == expected
    for name in ("_io_count_words", "_compiled_count"):
        fast = getattr(records, name)
        if fast is not None:
            assert fast(text) == expected
            assert fast(text * 7 + " x") == records._count_words(text * 7 + " x")


def test_count_words_compiled_examples() -> None:
    from newsdump.records import count_words

    assert count_words("") == 0
    assert count_words("a" * 40) == 1
    assert count_words("a b " * 20) == 40
    assert count_words("\xe9t\xe9 " * 9) == 9  # Latin-1, 16 characters a step
    assert count_words("caf\xe9\xa0au\x85lait " * 5 + "\u2014") == 16  # UCS2, 8 a step
    assert count_words("word " * 3 + "\u4e00\u4e00\u4e00" + " word" * 3) == 8  # 6 + (3 + 1) // 2
    assert count_words("\u3000".join(["a"] * 10)) == 10
    assert count_words("\U0001f600 x" * 4) == 5  # UCS4: "x\U0001f600" is one word
    assert count_words("one two\n\nthree\tfour") == 4
    assert count_words("Grüße\u00a0aus Köln") == 3
    assert count_words("“Quoted” words here") == 3
    assert count_words("北京欢迎你 and more") == 5
    assert count_words("😀 smile\u3000wide") == 3
