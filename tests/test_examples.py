"""Golden files: for every page in examples/, its `extract` and `split` output as committed in
tests/golden/<file>.<command>.jsonl. One parametrized test checks them all.

    .venv/bin/pytest tests/test_examples.py --update-golden    # rewrite them; review the diff

An example without golden files is an error (as in jc), not a silent pass. The examples' HTML,
JSONL and WET variants must be in step with their text dumps (tools/make_examples.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, GOLDEN, ROOT, parse_jsonl
from typer.testing import CliRunner

from newsdump.cli import app

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if not p.name.startswith("."))
MODES = ["extract", "split"]


def golden_path(name: str, mode: str) -> Path:
    return GOLDEN / f"{name}.{mode}.jsonl"


def run(name: str, mode: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)  # sources read "examples/<name>", the same on every machine
    result = CliRunner().invoke(app, [mode, "-j", "1", f"examples/{name}"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_there_are_examples_of_every_kind() -> None:
    suffixes = {Path(n).suffix for n in EXAMPLE_FILES}
    assert {".txt", ".html", ".jsonl", ".gz"} <= suffixes
    assert len([n for n in EXAMPLE_FILES if n.startswith("harbour-times--")]) >= 3


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_golden(name: str, mode: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    output = run(name, mode, monkeypatch)
    records = parse_jsonl(output)
    assert records, "no output"
    path = golden_path(name, mode)
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest --update-golden and review it"
    expected = parse_jsonl(path.read_bytes())
    assert len(records) == len(expected)
    for got, want in zip(records, expected, strict=True):
        assert got == want


def test_no_orphan_golden_files() -> None:
    wanted = {golden_path(n, m).name for n in EXAMPLE_FILES for m in MODES}
    assert sorted(p.name for p in GOLDEN.glob("*.jsonl") if p.name not in wanted) == []


def test_variants_are_in_step_with_the_text_dumps() -> None:
    proc = subprocess.run(
        [sys.executable, "tools/make_examples.py", "--check"], cwd=ROOT, capture_output=True
    )
    assert proc.returncode == 0, proc.stderr.decode()
