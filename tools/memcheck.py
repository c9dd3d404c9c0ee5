"""Memory stays flat however much input streams through: peak RSS of `newsdump extract` over
10x and 100x more input must stay within 10% of each other.

    python tools/memcheck.py                 # what `make bench` calls; exit 1 when not flat
    python tools/memcheck.py --unit 20 --jobs 2 --json build/memcheck.json

Shapes (invented pages, written to a temporary directory):
  files    a directory of one-page text files (unit x 10, unit x 100 files)
  jsonl    one JSONL file (unit x 10, unit x 100 lines)
  state    the `files` shape through `--state` (SQLite state, appended output)
  oneline  one file with no newline at all (2 MB x 10, x 100): each is a too_large error record

Peak RSS is measured two ways: the largest single process (getrusage of the waited-for children,
so the main process or one worker) and the whole process tree, sampled from /proc every 20 ms.
Both must be flat; the tree only counts when the 10x run lasts 5 s or more (a shorter one can end
before its workers have loaded the model, and the samples then say more about timing).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORDS = (
    "harbour council ferry strike budget school river bridge vote mayor glacier bakery market "
    "storm rail union library tram pier orchard tide lighthouse road crews forecast"
).split()
TOLERANCE = 0.10
MIN_SAMPLED_SECONDS = 5.0  # shorter runs are judged by the largest process only


def page(rnd: random.Random, number: int) -> str:
    title = " ".join(rnd.choice(WORDS).title() for _ in range(7)) + f" {number}"
    paragraphs = [" ".join(rnd.choice(WORDS) for _ in range(60)) + "." for _ in range(5)]
    return f"{title}\n\nBy Reporter {number}\n\n" + "\n\n".join(paragraphs) + "\n"


def make_input(shape: str, n: int, where: Path) -> Path:
    rnd = random.Random(n)
    if shape in ("files", "state"):
        directory = where / f"{shape}-{n}"
        directory.mkdir()
        for i in range(n):
            (directory / f"p{i:07d}.txt").write_text(page(rnd, i))
        return directory
    if shape == "jsonl":
        path = where / f"pages-{n}.jsonl"
        with path.open("w") as handle:
            for i in range(n):
                handle.write(json.dumps({"id": str(i), "text": page(rnd, i)}) + "\n")
        return path
    path = where / f"oneline-{n}.txt"
    chunk = b"word " * (2 * 1024 * 1024 // 5)  # 2 MB, no newline
    with path.open("wb") as handle:
        for _ in range(n):
            handle.write(chunk)
    return path


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as handle:
                stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(args: list[str], cwd: Path) -> dict[str, float]:
    """Run newsdump in a fresh child (so getrusage covers only it and its workers)."""
    code = (
        "import json, resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'rc': p.returncode, 'maxrss_kb': r.ru_maxrss}))\n"
    )
    command = [sys.executable, "-c", code, sys.executable, "-m", "newsdump", *args]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    done.set()
    sampler.join()
    result = json.loads(out)
    return {
        "rc": result["rc"],
        "seconds": round(time.monotonic() - started, 1),
        "max_process_mb": round(result["maxrss_kb"] / 1024, 1),
        "tree_peak_mb": round(peak / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unit", type=int, default=40, help="documents in 1x (default 40)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--shapes", default="files,jsonl,state,oneline")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    report: list[dict[str, Any]] = []
    flat = True
    with tempfile.TemporaryDirectory(prefix="newsdump-memcheck-") as tmp:
        where = Path(tmp)
        for shape in args.shapes.split(","):
            rows = {}
            for times in (10, 100):
                n = times if shape == "oneline" else args.unit * times
                path = make_input(shape, n, where)
                out = where / f"out-{shape}-{times}.jsonl"
                cmd = ["extract", str(path), "-j", str(args.jobs), "-o", str(out)]
                if shape == "state":
                    cmd += ["--state", str(where / f"state-{times}")]
                if shape == "oneline":
                    cmd += ["--max-bytes", str(5 * 1024 * 1024)]
                rows[times] = measure(cmd, ROOT)
                rows[times]["inputs"] = n
            ratio_process = rows[100]["max_process_mb"] / rows[10]["max_process_mb"]
            ratio_tree = rows[100]["tree_peak_mb"] / rows[10]["tree_peak_mb"]
            # the tree is sampled: a run of a second or two may end before its workers peak
            sampled = rows[10]["seconds"] >= MIN_SAMPLED_SECONDS
            ok = abs(ratio_process - 1) <= TOLERANCE and (
                abs(ratio_tree - 1) <= TOLERANCE or not sampled
            )
            flat = flat and ok
            entry = {
                "shape": shape,
                "x10": rows[10],
                "x100": rows[100],
                "ratio_max_process": round(ratio_process, 3),
                "ratio_tree": round(ratio_tree, 3),
                "flat": ok,
            }
            report.append(entry)
            sizes = " | ".join(
                f"x{t}: {r['inputs']:>6} in {r['seconds']:>6}s, process {r['max_process_mb']:>6} MB"
                f", tree {r['tree_peak_mb']:>6} MB"
                for t, r in rows.items()
            )
            verdict = "flat" if ok else "NOT FLAT"
            print(f"{shape:8} {sizes} | ratio {ratio_process:.3f} / {ratio_tree:.3f} {verdict}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    sys.exit(0 if flat else 1)


if __name__ == "__main__":
    main()
