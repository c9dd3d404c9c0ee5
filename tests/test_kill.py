"""Killing newsdump: SIGKILL at random moments of a `--state` run, then a rerun, yields every
document exactly once; SIGINT/SIGTERM stop cleanly (130/143) and keep what was complete; a
worker process killed mid-run is replaced and the run goes on."""

from __future__ import annotations

import collections
import gzip
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
import zstandard
from conftest import ROOT

WORDS = (
    "harbour council ferry strike budget school river bridge vote mayor glacier bakery market "
    "storm rail union library tram pier orchard"
).split()


def make_dumps(directory: Path, files: int, seed: int = 7) -> set[str]:
    """Invented dumps: every third file a JSONL of five pages, the others one text page each.
    Returns the `source` of every document."""
    rnd = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    sources: set[str] = set()
    number = 0

    def page() -> str:
        nonlocal number
        number += 1
        title = " ".join(rnd.choice(WORDS).title() for _ in range(6)) + f" number {number}"
        paragraphs = [" ".join(rnd.choice(WORDS) for _ in range(45)) + "." for _ in range(4)]
        return f"{title}\n\nBy Reporter {number}\n\n" + "\n\n".join(paragraphs) + "\n"

    for f in range(files):
        if f % 3 == 0:
            path = directory / f"f{f:04d}.jsonl"
            lines = [json.dumps({"id": f"doc-{f}-{j}", "text": page()}) for j in range(5)]
            path.write_text("\n".join(lines) + "\n")
            sources.update(f"{path}#{j + 1}" for j in range(5))
        else:
            path = directory / f"f{f:04d}.txt"
            path.write_text(page())
            sources.add(str(path))
    return sources


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "newsdump", *map(str, args)]


def read_output(path: Path) -> bytes:
    data = path.read_bytes() if path.exists() else b""
    if path.suffix == ".gz":
        return gzip.decompress(data) if data else b""
    if path.suffix == ".zst":
        reader = zstandard.ZstdDecompressor().stream_reader(
            io.BytesIO(data), read_across_frames=True
        )
        return reader.read()
    return data


def sources_in(path: Path) -> collections.Counter[str]:
    data = read_output(path)
    assert not data or data.endswith(b"\n"), "a torn last line"
    return collections.Counter(orjson.loads(line)["source"] for line in data.splitlines())


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def workers_of(pid: int) -> list[int]:
    """Worker processes of a run (not multiprocessing's resource tracker)."""
    found = []
    for child in children(pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"resource_tracker" not in cmdline:
            found.append(child)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_sigkill_at_random_moments_then_rerun_yields_each_document_once(
    tmp_path: Path, suffix: str
) -> None:
    expected = make_dumps(tmp_path / "in", 90)  # 210 documents in 90 files
    out = tmp_path / f"out{suffix}"
    state = tmp_path / "run.state"
    rnd = random.Random(sum(map(ord, suffix)))
    args = command("extract", tmp_path / "in", "-o", out, "--state", state, "-j", "2")
    kills = 0
    for attempt in range(5):
        before = out.stat().st_size if out.exists() else -1
        process = subprocess.Popen(args, cwd=ROOT, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if out.exists() and out.stat().st_size not in (before, 0):
                break  # it is writing
            time.sleep(0.01)
        time.sleep(0 if attempt == 0 else rnd.uniform(0, 1.5))  # the first dies at once
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        if process.returncode == 0:
            break  # finished before the kill: nothing left to interrupt
    final = subprocess.run(args, cwd=ROOT, capture_output=True, timeout=300)
    assert final.returncode == 0, final.stderr.decode()
    counts = sources_in(out)
    print(f"{suffix}: {kills} kills, {sum(counts.values())} records of {len(expected)} documents")
    assert set(counts) == expected
    assert max(counts.values()) == 1, [s for s, n in counts.items() if n > 1][:5]
    assert kills >= 1
    again = subprocess.run(args, cwd=ROOT, capture_output=True, timeout=120)
    assert again.returncode == 0
    assert sum(sources_in(out).values()) == len(expected)  # nothing new: nothing appended


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_sigint_and_sigterm_stop_cleanly_and_keep_what_was_complete(
    tmp_path: Path, signum: int, code: int
) -> None:
    # enough files that the signal comes mid-run: 150 (350 documents) took two workers ~0.1 s,
    # and a signal after the run's end (while the interpreter exits) kills it as by default
    expected = make_dumps(tmp_path / "in", 1200)
    out = tmp_path / "out.jsonl"
    state = tmp_path / "run.state"
    args = command("extract", tmp_path / "in", "-o", out, "--state", state, "-j", "2")
    process = subprocess.Popen(args, cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)  # wait until some records are out
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the run finished before the signal arrived")
    assert process.returncode == code, stderr.decode()
    assert b"Traceback" not in stderr
    assert not workers_of(process.pid)
    kept = sources_in(out)  # whole lines only, each document once
    assert max(kept.values(), default=1) == 1
    final = subprocess.run(args, cwd=ROOT, capture_output=True, timeout=300)
    assert final.returncode == 0
    counts = sources_in(out)
    assert set(counts) == expected and max(counts.values()) == 1


@pytest.mark.slow
def test_a_worker_killed_mid_run_is_replaced_and_nothing_is_lost(tmp_path: Path) -> None:
    expected = make_dumps(tmp_path / "in", 150)
    out = tmp_path / "out.jsonl"
    args = command("extract", tmp_path / "in", "-o", out, "-j", "2")
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = []
    deadline = time.monotonic() + 30
    while not killed and time.monotonic() < deadline and process.poll() is None:
        pids = workers_of(process.pid)
        if len(pids) >= 1:
            time.sleep(0.5)  # let it get going
            for pid in workers_of(process.pid)[:1]:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        time.sleep(0.05)
    _, stderr = process.communicate(timeout=300)
    if not killed:
        pytest.skip("the run finished before a worker could be killed")
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr
    counts = sources_in(out)
    assert set(counts) == expected and max(counts.values()) == 1


HALF_A_RESULT = """
import gc, os, struct, sys, time
from multiprocessing.queues import SimpleQueue
from newsdump.runner import _Workers

def half_a_result():  # a worker killed while it writes its result: the header and 100 bytes
    (results,) = [o for o in gc.get_objects() if isinstance(o, SimpleQueue)]
    os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 100)
    time.sleep(600)

if __name__ == "__main__":
    workers = _Workers(1)
    workers.pool.submit(half_a_result)
    time.sleep(2)  # the pool's manager thread reads the header and waits for the rest
    started = time.monotonic()
    workers.close(kill=True)
    print(f"closed in {time.monotonic() - started:.1f} s")
"""


def test_closing_a_pool_whose_worker_was_killed_mid_result_does_not_hang(tmp_path: Path) -> None:
    """Ctrl-C or SIGTERM kills the workers: one killed while it wrote a result left the pool's
    manager thread waiting for the rest of it, and the run never ended."""
    script = tmp_path / "half.py"
    script.write_text(HALF_A_RESULT)
    proc = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("closed in 0.")
