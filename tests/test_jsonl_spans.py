"""A run with workers sends a regular JSONL file's documents as where their lines are
(`JsonSpans`), and the workers read them: the same documents, numbers and error records as
when the main process reads the lines and sends their bytes (`JsonLine`)."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsdump.cli import app
from newsdump.records import ErrorRecord
from newsdump.runner import DEFER_FILE_BYTES, iter_inputs
from newsdump.settings import Settings
from newsdump.sources.jsonl import CHANGED_MESSAGE, JsonLine, JsonSpans, document_lines, line_spans
from newsdump.sources.read import Lazy, iter_path_documents, iter_path_spans

PAGE = (
    "Bridge repairs close the east lane until June\n\n"
    "The council said on Tuesday that repairs to the river bridge would close its east lane "
    "for ten weeks, and that buses would keep their timetable through the works.\n"
)
PIECES = st.one_of(
    st.binary(max_size=12),
    st.sampled_from([b"", b" ", b"\t\r", b"\x0b\x0c", b"  x", b"\xa0", b"\x1c", b"{}"]),
)


def spans_of(data: bytes, max_bytes: int, block: int) -> list[bytes | None]:
    spans = line_spans(io.BytesIO(data), max_bytes, block)
    return [None if span is None else data[span[0] : span[0] + span[1]] for span in spans]


@given(
    parts=st.lists(PIECES, max_size=10),
    newline=st.booleans(),
    max_bytes=st.integers(0, 10),
    block=st.integers(1, 7),
)
@settings(max_examples=1000, deadline=None)
def test_line_spans_are_the_lines_document_lines_reads(
    parts: list[bytes], newline: bool, max_bytes: int, block: int
) -> None:
    data = b"\n".join(parts) + (b"\n" if newline else b"")
    lines = list(document_lines(io.BufferedReader(io.BytesIO(data), 8), max_bytes))
    assert spans_of(data, max_bytes, block) == lines


def test_line_spans_of_a_small_example() -> None:
    data = b'{"a"}\n\n  \n' + b"x" * 9 + b"\n" + b"y" * 8 + b"\n\t{}"
    assert list(line_spans(io.BytesIO(data), 8, 4)) == [(0, 6), None, (20, 9), (29, 3)]


def documents_read(
    data: bytes, batch_documents: int, batch_bytes: int, settings: Settings
) -> tuple[list[JsonLine | ErrorRecord], list[Lazy], list[JsonSpans]]:
    """What the spans of a file holding `data` read to, what a lazy read of it gives, and
    the spans."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.jsonl")
        with open(path, "wb") as f:
            f.write(data)
        spans = iter_path_spans(path, settings, "f", batch_documents, batch_bytes)
        assert spans is not None
        items = list(spans)
        read: list[JsonLine | ErrorRecord] = []
        for item in items:
            read += item.read() if isinstance(item, JsonSpans) else [item]
        lazy = list(iter_path_documents(path, settings, "f", 0, lazy=True))
    assert all(isinstance(item, JsonLine | ErrorRecord) for item in lazy)
    return read, lazy, [item for item in items if isinstance(item, JsonSpans)]


@given(
    lines=st.lists(
        st.one_of(
            st.builds(lambda t: orjson.dumps({"text": t}), st.text(max_size=30)),
            st.sampled_from([b"", b"  ", b"[1]", b"{oops", b'\xef\xbb\xbf{"text": "a"}']),
        ),
        min_size=1,
        max_size=12,
    ),
    newline=st.booleans(),
    batch_documents=st.integers(1, 5),
    batch_bytes=st.integers(1, 200),
)
@settings(max_examples=200, deadline=None)
def test_spans_read_to_what_a_lazy_read_gives(
    lines: list[bytes], newline: bool, batch_documents: int, batch_bytes: int
) -> None:
    data = b'{"text": "first"}\n' + b"\n".join(lines) + (b"\n" if newline else b"")
    settings = Settings(max_document_bytes=40)
    read, lazy, spans = documents_read(data, batch_documents, batch_bytes, settings)
    assert read == lazy
    for span in spans:
        assert 1 <= len(span.offsets) <= batch_documents
        assert sum(span.lengths[:-1]) < batch_bytes


def test_a_too_large_line_is_its_error_record_between_spans() -> None:
    data = b'{"text": "a"}\n{"text": "' + b"b" * 50 + b'"}\n\n{"text": "c"}\n'
    read, lazy, spans = documents_read(data, 32, 1 << 20, Settings(max_document_bytes=40))
    assert read == lazy
    assert [(span.first, span.offsets, span.lengths) for span in spans] == [
        (1, (0,), (14,)),
        (3, (78,), (14,)),
    ]
    assert read[1] == ErrorRecord("f#2", "too_large", "line longer than 40 bytes")
    assert read[2] == JsonLine(b'{"text": "c"}\n', "f#3", "text")


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (gzip.compress(b'{"text": "a"}\n'), "auto"),  # compressed: read as a stream
        (b"Just a page of text\n", "auto"),
        (b"   \n\n", "auto"),  # blank: the reader reports it as empty
        (b"", "jsonl"),
        (b'{"text": "a"}\n', "text"),  # not read as JSONL
    ],
)
def test_other_files_are_not_read_as_spans(tmp_path: Path, data: bytes, fmt: str) -> None:
    (tmp_path / "f").write_bytes(data)
    assert iter_path_spans(str(tmp_path / "f"), Settings(format=fmt), "f", 32, 1 << 20) is None
    assert iter_path_spans(str(tmp_path / "missing"), Settings(), "f", 32, 1 << 20) is None
    assert iter_path_spans(str(tmp_path), Settings(), "f", 32, 1 << 20) is None


def test_a_file_forced_to_jsonl_is_read_as_spans(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b'{"text": "a"}\nnot json\n')
    spans = iter_path_spans(str(tmp_path / "f"), Settings(format="jsonl"), "f", 32, 1 << 20)
    assert spans is not None
    assert [(s.first, s.offsets, s.lengths) for s in spans] == [(1, (0, 14), (14, 9))]  # type: ignore[union-attr]


def spans_of_file(path: Path) -> JsonSpans:
    spans = iter_path_spans(str(path), Settings(), "f", 32, 1 << 20)
    assert spans is not None
    (only,) = spans
    assert isinstance(only, JsonSpans)
    return only


def test_a_file_that_shrank_gives_read_errors_for_the_lines_it_lost(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"text": "a"}\n{"text": "b"}\n{"text": "c"}\n')
    spans = spans_of_file(path)
    os.truncate(path, 20)
    assert spans.read() == [
        JsonLine(b'{"text": "a"}\n', "f#1", "text"),
        ErrorRecord("f#2", "read_error", CHANGED_MESSAGE),
        ErrorRecord("f#3", "read_error", CHANGED_MESSAGE),
    ]


def test_a_file_replaced_or_removed_gives_error_records(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"text": "a"}\n{"text": "b"}\n')
    spans = spans_of_file(path)
    (tmp_path / "g.jsonl").write_bytes(path.read_bytes())
    os.replace(tmp_path / "g.jsonl", path)  # the same bytes, another file
    changed = ErrorRecord("f#1", "read_error", CHANGED_MESSAGE)
    assert spans.read() == [changed, ErrorRecord("f#2", "read_error", CHANGED_MESSAGE)]
    path.unlink()
    missing = "cannot open: No such file or directory"
    assert spans.read() == [
        ErrorRecord("f#1", "unreadable", missing),
        ErrorRecord("f#2", "unreadable", missing),
    ]


def big_jsonl(tmp_path: Path) -> Path:
    """Over the size under which a file is sent whole (`DEFER_FILE_BYTES`): blank lines, a
    line too large, one not JSON, one without text, a byte-order mark, no last newline."""
    pages = [orjson.dumps({"text": PAGE.replace("ten", str(i)), "id": i}) for i in range(700)]
    pages[3] = b'\xef\xbb\xbf{"text": "Home\\nNews"}'
    pages[100] = b"{not json"
    pages[200] = b'{"body": "x"}'
    pages[300] = orjson.dumps({"text": "big " * 300})
    pages[400] = b"   "
    path = tmp_path / "pages.jsonl"
    path.write_bytes(b"\n".join(pages[:500]) + b"\n\n" + b"\n".join(pages[500:]))
    assert path.stat().st_size > DEFER_FILE_BYTES
    items = list(iter_inputs([str(path)], Settings(), defer=True))
    assert {type(item) for item in items} == {JsonSpans}  # (read by the workers)
    return path


def test_the_cli_gives_the_same_output_with_two_workers_as_with_one(tmp_path: Path) -> None:
    path = big_jsonl(tmp_path)
    for mode in ("extract", "split"):
        outputs = []
        for jobs in ("1", "2"):
            args = [mode, "-j", jobs, "--no-progress", "--max-bytes", "1000", str(path)]
            result = CliRunner().invoke(app, args, prog_name="newsdump")
            assert result.exit_code == 1  # (the line too large, not JSON, without text)
            outputs.append((result.stdout_bytes, result.stderr_bytes))
        assert outputs[0] == outputs[1]
        assert len(outputs[0][0].splitlines()) == 696  # 700 pages: one blank, three errors
        errors = [(e["source"], e["error"]) for e in map(orjson.loads, outputs[0][1].splitlines())]
        assert errors == [
            (f"{path}#101", "not_json"),
            (f"{path}#201", "no_text"),
            (f"{path}#301", "too_large"),
        ]


def test_a_subprocess_with_two_workers_reads_the_file_as_one_does(tmp_path: Path) -> None:
    path = big_jsonl(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        cmd = [sys.executable, "-m", "newsdump", "extract", "-j", jobs, "--no-progress"]
        proc = subprocess.run([*cmd, str(path)], capture_output=True, timeout=300)
        assert proc.returncode == 1, proc.stderr  # (the lines not JSON and without text)
        outputs.append((proc.stdout, proc.stderr))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][0].splitlines()) == 697  # 700 lines: one blank, two errors
    assert len(outputs[0][1].splitlines()) == 2
