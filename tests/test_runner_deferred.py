"""A run with workers leaves its small regular files to them to read (`FileRef`): the results
are the ones the main process would have produced by reading the files itself."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import newsdump.runner as runner
from newsdump.cli import app
from newsdump.document import Document
from newsdump.pipeline import DocResult
from newsdump.records import ErrorRecord
from newsdump.runner import (
    FileRef,
    InputDone,
    Job,
    expand_paths,
    iter_inputs,
    iter_inputs_tracked,
    run,
    run_items,
)
from newsdump.settings import Settings
from newsdump.sources.jsonl import JsonLine, JsonSpans, read_jsonl
from newsdump.state import file_hash

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PAGE = (
    "Ferry timetable changes from Monday\n\n"
    "The island ferry will leave the harbour twenty minutes earlier from Monday, the operator "
    "said on Friday, after a month of delays on the morning crossing to the mainland.\n"
)


def jsonl(*texts: str) -> bytes:
    return b"".join(orjson.dumps({"text": text}) + b"\n" for text in texts)


def outcome(results: list[DocResult]) -> list[tuple[str, str | None, bytes | None]]:
    return [(r.source, r.error and r.error.error, r.lines) for r in results]


def kill_workers_on_kill(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document whose text holds "KILL" ends its worker, as a crash in C code would."""
    process_document = runner.process_document

    def fatal(doc: Document, *args: Any) -> DocResult:
        if "KILL" in doc.text:
            os._exit(3)
        return process_document(doc, *args)

    monkeypatch.setattr(runner, "process_document", fatal)  # forked workers inherit it


def test_small_regular_files_are_deferred_and_the_rest_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "DEFER_FILE_BYTES", 1000)
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.jsonl").write_bytes(jsonl(PAGE, PAGE + "x" * 1000))  # over the limit
    (tmp_path / "c.txt").write_bytes(b"")  # empty: nothing a worker could add
    (tmp_path / "d.txt").write_text(f"{PAGE}\f\n{PAGE}x{'y' * 1000}")  # over the limit
    items = list(iter_inputs(expand_paths([str(tmp_path)]), Settings(), defer=True))
    assert items[0] == FileRef(str(tmp_path / "a.txt"), len(PAGE.encode()))
    b = tmp_path / "b.jsonl"
    first = len(jsonl(PAGE))
    assert items[1] == JsonSpans(
        str(b), str(b), "text", (b.stat().st_dev, b.stat().st_ino), 1, (0, first),
        (first, b.stat().st_size - first),
    )  # fmt: skip
    # (a large JSONL file's lines are read and parsed by the workers, other pages read here)
    assert [type(item) for item in items[2:]] == [ErrorRecord, Document, Document]
    assert [item.source for item in items[2:]] == [  # type: ignore[union-attr]
        f"{tmp_path}/c.txt",
        f"{tmp_path}/d.txt#1",
        f"{tmp_path}/d.txt#2",
    ]
    without = list(iter_inputs(expand_paths([str(tmp_path)]), Settings()))
    assert [type(item) for item in without] == [Document] * 3 + [ErrorRecord] + [Document] * 2


def test_deferred_files_give_what_files_read_here_give(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.jsonl").write_bytes(jsonl(PAGE, "", PAGE.replace("Monday", "Tuesday")))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe" + "caf\u00e9 ".encode("utf-16-le") * 40)
    (tmp_path / "e.html").write_text(f"<html><body><h1>Ferry</h1><p>{PAGE}</p></body></html>")
    (tmp_path / "f.txt").write_bytes(b"   \n\n")
    job = Job(Settings(), "split", lines=True)
    here = list(run(iter_inputs(expand_paths([str(tmp_path)]), Settings()), job, 1))
    refs = list(iter_inputs(expand_paths([str(tmp_path)]), Settings(), defer=True))
    assert sum(isinstance(item, FileRef) for item in refs) == 6
    deferred = list(run(refs, job, 2))
    assert outcome(deferred) == outcome(here)
    assert [(r.source, r.error and r.error.error) for r in deferred] == [
        (f"{tmp_path}/a.txt", None),
        (f"{tmp_path}/b.jsonl#1", None),
        (f"{tmp_path}/b.jsonl#2", "empty"),
        (f"{tmp_path}/b.jsonl#3", None),
        (f"{tmp_path}/c.txt.gz", None),
        (f"{tmp_path}/d.txt", None),
        (f"{tmp_path}/e.html", None),
        (f"{tmp_path}/f.txt", "empty"),
    ]
    assert outcome(list(run(refs, job, 1))) == outcome(here)  # (-j 1 reads a FileRef too)


def test_a_deferred_file_that_vanished_is_an_error_record(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PAGE)
    refs = list(iter_inputs(expand_paths([str(tmp_path)]), Settings(), defer=True))
    (tmp_path / "a.txt").unlink()
    results = list(run(refs, Job(Settings(), "extract"), 2))
    assert [(r.source, r.error and r.error.error) for r in results] == [
        (f"{tmp_path}/a.txt", "unreadable"),
        (f"{tmp_path}/b.txt", None),
    ]


def test_a_deferred_file_whose_document_kills_its_worker_loses_only_that_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kill_workers_on_kill(monkeypatch)
    (tmp_path / "a.jsonl").write_bytes(jsonl(PAGE, PAGE + "KILL\n", PAGE))
    (tmp_path / "b.txt").write_text(PAGE)
    refs = list(iter_inputs(expand_paths([str(tmp_path)]), Settings(), defer=True))
    assert [type(item) for item in refs] == [FileRef, FileRef]
    results = list(run(refs, Job(Settings(), "extract"), 2))
    assert [(r.source, r.error and r.error.error) for r in results] == [
        (f"{tmp_path}/a.jsonl#1", None),
        (f"{tmp_path}/a.jsonl#2", "worker_died"),
        (f"{tmp_path}/a.jsonl#3", None),
        (f"{tmp_path}/b.txt", None),
    ]


def test_the_examples_give_the_same_lines_with_two_workers_as_with_one() -> None:
    """The examples hold text, HTML, JSONL and a gzipped WET file: every one is deferred."""
    outputs = []
    for jobs in ("1", "2"):
        args = ["extract", "-j", jobs, "--no-progress", str(EXAMPLES)]
        result = CliRunner().invoke(app, args, prog_name="newsdump")
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout_bytes)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == len(list(expand_paths([str(EXAMPLES)]))) + 2


# --- JSONL documents parsed by the workers (`JsonLine`) ------------------------------------

LINES = st.lists(
    st.one_of(
        st.builds(lambda t: orjson.dumps({"text": t, "id": 7}), st.text(max_size=40)),
        st.sampled_from(
            [b"", b"  ", b"[1, 2]", b'{"text": 3}', b'{"txt": "a"}', b"{not json", b"\xff\xfe"]
        ),
        st.binary(max_size=30),
        st.builds(lambda t: b'\xef\xbb\xbf{"text": "%s"}' % t.encode(), st.sampled_from("ab")),
    ),
    max_size=8,
)


@given(lines=LINES)
@settings(max_examples=300, deadline=None)
def test_a_lazy_jsonl_read_parses_to_what_a_plain_read_gives(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n"
    plain = list(read_jsonl(io.BytesIO(data), "s", "text", 64))
    lazy = list(read_jsonl(io.BytesIO(data), "s", "text", 64, lazy=True))
    assert all(isinstance(item, JsonLine | ErrorRecord) for item in lazy)
    assert [item.parse() if isinstance(item, JsonLine) else item for item in lazy] == plain


def test_a_large_jsonl_file_and_stdin_are_parsed_by_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "DEFER_FILE_BYTES", 100)
    pages = [PAGE.replace("Monday", f"Monday {i}") for i in range(40)]  # more than a chunk
    (tmp_path / "a.jsonl").write_bytes(jsonl(*pages[:20], "", *pages[20:]) + b"[1]\n")
    items = list(iter_inputs([str(tmp_path / "a.jsonl")], Settings(), defer=True))
    spans = [item for item in items if isinstance(item, JsonSpans)]
    assert [(span.first, len(span.offsets)) for span in spans] == [(1, 32), (33, 10)]
    assert len(spans) == len(items)  # (CHUNK_DOCUMENTS lines at most: a chunk's worth)
    assert sum(len(span.read()) for span in spans) == 42
    job = Job(Settings(), "extract", lines=True)
    here = list(run(iter_inputs([str(tmp_path / "a.jsonl")], Settings()), job, 1))
    assert outcome(list(run(items, job, 2))) == outcome(here)
    assert [r.error.error for r in here if r.error] == ["empty", "not_json"]
    with monkeypatch.context() as patch:
        patch.setattr(
            "sys.stdin", io.TextIOWrapper(io.BytesIO((tmp_path / "a.jsonl").read_bytes()))
        )
        from_stdin = list(iter_inputs(["-"], Settings(), defer=True))
    assert [type(item) for item in from_stdin] == [JsonLine] * 42  # (a pipe: its lines sent)
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(
            app,
            ["extract", "-j", jobs, "--no-progress", "-"],
            input=(tmp_path / "a.jsonl").read_bytes(),
            prog_name="newsdump",
        )
        assert result.exit_code == 1  # (the empty and the not-JSON lines)
        outputs.append((result.stdout_bytes, result.stderr_bytes))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][0].splitlines()) == 40


@pytest.mark.parametrize("compress", [False, True])
def test_a_json_line_that_kills_its_worker_is_worker_died(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: bool
) -> None:
    kill_workers_on_kill(monkeypatch)
    monkeypatch.setattr(runner, "DEFER_FILE_BYTES", 100)
    data = jsonl(PAGE, PAGE + "KILL\n", PAGE) + b"{oops\n"
    (tmp_path / "a.jsonl").write_bytes(gzip.compress(data) if compress else data)
    items = list(iter_inputs([str(tmp_path / "a.jsonl")], Settings(), defer=True))
    # a regular file's lines are sent as where they are; a compressed file's, as their bytes
    assert [type(item) for item in items] == ([JsonLine] * 4 if compress else [JsonSpans])
    results = list(run(items, Job(Settings(), "extract"), 2))
    assert [(r.source, r.error and r.error.error) for r in results] == [
        (f"{tmp_path}/a.jsonl#1", None),
        (f"{tmp_path}/a.jsonl#2", "worker_died"),
        (f"{tmp_path}/a.jsonl#3", None),
        (f"{tmp_path}/a.jsonl#4", "not_json"),
    ]


def test_a_state_run_with_workers_writes_what_one_without_writes(tmp_path: Path) -> None:
    pages = [PAGE.replace("Monday", f"Monday {i}") for i in range(40)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(jsonl(*pages))
    (tmp_path / "in" / "b.txt").write_text(PAGE)
    outputs = []
    for jobs in ("1", "2"):
        out, state = tmp_path / f"out{jobs}.jsonl", tmp_path / f"state{jobs}.db"
        args = ["extract", "-j", jobs, "--no-progress", "--state", str(state), "-o", str(out)]
        result = CliRunner().invoke(app, [*args, str(tmp_path / "in")], prog_name="newsdump")
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 41


# --- a --state run's small files, read and hashed by the workers (tracked `FileRef`) ---------


def tracked_items(tmp_path: Path) -> list[Any]:
    from newsdump.state import State

    with State.open(str(tmp_path / "run.state"), mode="extract") as state:
        return list(
            iter_inputs_tracked(expand_paths([str(tmp_path / "in")]), Settings(), state, defer=True)
        )


def test_a_state_run_leaves_its_small_files_to_the_workers_with_their_hashes(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    a, b = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.txt"
    a.write_text(PAGE)
    b.write_text(PAGE.replace("Monday", "Tuesday"))
    items = tracked_items(tmp_path)
    assert items == [
        FileRef(str(a), a.stat().st_size, True),
        FileRef(str(b), b.stat().st_size, True),
    ]
    results = list(run_items(items, Job(Settings(), "extract", lines=True), 2))
    assert [type(r) for r in results] == [DocResult, InputDone, DocResult, InputDone]
    assert results[1] == InputDone(
        str(a), a.stat().st_size, a.stat().st_mtime_ns, file_hash(str(a))
    )
    assert results[3] == InputDone(
        str(b), b.stat().st_size, b.stat().st_mtime_ns, file_hash(str(b))
    )
    here = list(
        run_items(items, Job(Settings(), "extract", lines=True), 1)
    )  # (-j 1 reads them too)
    assert here == results


def test_a_tracked_file_whose_page_kills_its_worker_is_still_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kill_workers_on_kill(monkeypatch)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(jsonl(PAGE, PAGE + "KILL\n", PAGE))
    (tmp_path / "in" / "b.txt").write_text(PAGE)
    (tmp_path / "in" / "c.txt").write_text(PAGE.replace("Monday", "Sunday"))
    items = tracked_items(tmp_path)
    (tmp_path / "in" / "c.txt").unlink()  # gone before a worker reads it: not recorded
    results = list(run_items(items, Job(Settings(), "extract"), 2))
    assert [
        (r.path, r.sha256 is not None)
        if isinstance(r, InputDone)
        else (r.source, r.error and r.error.error)
        for r in results
    ] == [
        (f"{tmp_path}/in/a.jsonl#1", None),
        (f"{tmp_path}/in/a.jsonl#2", "worker_died"),
        (f"{tmp_path}/in/a.jsonl#3", None),
        (f"{tmp_path}/in/a.jsonl", True),
        (f"{tmp_path}/in/b.txt", None),
        (f"{tmp_path}/in/b.txt", True),
        (f"{tmp_path}/in/c.txt", "unreadable"),
        (f"{tmp_path}/in/c.txt", False),
    ]
