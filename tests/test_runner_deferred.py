"""A run with workers leaves its small regular files to them to read (`FileRef`): the results
are the ones the main process would have produced by reading the files itself."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

import newsdump.runner as runner
from newsdump.cli import app
from newsdump.document import Document
from newsdump.pipeline import DocResult
from newsdump.records import ErrorRecord
from newsdump.runner import FileRef, Job, expand_paths, iter_inputs, run
from newsdump.settings import Settings

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


def test_small_regular_files_are_deferred_and_the_rest_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "DEFER_FILE_BYTES", 1000)
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.jsonl").write_bytes(jsonl(PAGE, PAGE + "x" * 1000))  # over the limit
    (tmp_path / "c.txt").write_bytes(b"")  # empty: nothing a worker could add
    items = list(iter_inputs(expand_paths([str(tmp_path)]), Settings(), defer=True))
    assert items[0] == FileRef(str(tmp_path / "a.txt"), len(PAGE.encode()))
    assert [type(item) for item in items[1:]] == [Document, Document, ErrorRecord]
    assert [item.source for item in items[1:]] == [  # type: ignore[union-attr]
        f"{tmp_path}/b.jsonl#1",
        f"{tmp_path}/b.jsonl#2",
        f"{tmp_path}/c.txt",
    ]
    without = list(iter_inputs(expand_paths([str(tmp_path)]), Settings()))
    assert [type(item) for item in without] == [Document, Document, Document, ErrorRecord]


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
    process_document = runner.process_document

    def fatal(doc: Document, *args: Any) -> DocResult:
        if "KILL" in doc.text:
            os._exit(3)  # as a crash in C code would end the worker
        return process_document(doc, *args)

    monkeypatch.setattr(runner, "process_document", fatal)  # forked workers inherit it
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
