"""Shared fixtures: a pinned time zone, temporary working files, the CLI in-process and as a
real subprocess, and the `--update-golden` option of tests/test_examples.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

# A runner may start the suite with SIGINT ignored (a background job of a non-interactive
# shell does); the processes the tests start would inherit that, and Ctrl-C could not stop
# them. A handled signal is reset to the default in a child, so handle it here.
signal.signal(signal.SIGINT, signal.default_int_handler)

# Determinism: nothing may depend on the machine's time zone (jc runs its tests the same way).
os.environ["TZ"] = "PST8PDT"
time.tzset()

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.jsonl from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    """A fresh directory for the test's files (pytest removes old ones)."""
    return tmp_path


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """write(name, data) -> path of a new file under the test's directory."""

    def _write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return _write


def parse_jsonl(data: bytes | str) -> list[dict[str, Any]]:
    """Every line must be one JSON object; blank lines are not allowed."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    lines = raw.splitlines()
    out = []
    for line in lines:
        obj = orjson.loads(line)
        assert isinstance(obj, dict), line
        out.append(obj)
    return out


def run_newsdump(
    *args: str | Path,
    input: bytes | None = None,
    cwd: Path | None = ROOT,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m newsdump ARGS` as a real process (no terminal: stdin is closed or given)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    return subprocess.run(
        [sys.executable, "-m", "newsdump", *map(str, args)],
        input=input if input is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
