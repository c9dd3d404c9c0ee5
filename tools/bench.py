"""`make bench`: newsdump's speed, scaling and memory, side by side with trafilatura and the floor.

    .venv/bin/python tools/bench.py [--shared ../shared] [--quick] [--runs 5] [--size-mb 100]

1. Builds (once) under build/bench/ a corpus of >= 100 MB by replicating the aeb-dev dumps
   (inner/ and lines/): as a directory of files and as one JSONL file (`text` field). Every copy
   of a dump ends with its own last line ("bench copy N"), so content hashes differ. (The last
   line, not the first: the first line of a "lines" dump is the page <title>.)
2. Times, round-robin in every run so that load on the machine hits all of them alike:
   newsdump extract / split / stats with -j 1 and -j 2 on the directory and on the JSONL;
   extract on a JSONL a fifth the size (peak memory must not grow with the input);
   trafilatura on a sample of the dumps wrapped as HTML paragraphs; and the floor, Python
   reading, decoding and splitting the same files into lines. Each runs as a subprocess; its
   peak RSS comes from os.wait4 (the largest process of its tree). Medians of --runs runs.
   The machine's speed swings from minute to minute, so the rows a goal compares run back to
   back: a round runs, for the directory then the JSONL, split -j 1, extract -j 1, extract -j 2,
   split -j 2, stats -j 1, stats -j 2 (each with its "· base" twin right after it), then the
   rest; every other round runs each such group in reverse order, so that neither side of a
   ratio always runs first. A goal that compares two rows (-j 2 / -j 1, split / extract, and
   the CPU -j 2 spends) takes the ratio of the two runs of each round and is decided on the
   median of those per-round ratios (printed with them, and with the ratio of the medians);
   so is the --baseline list.
3. Scaling: time per page against page size (1 KB ... 5 MB, pages cut from the concatenated
   dumps), and a page of 50,000 one-word lines.

The newsdump package is copied to build/bench/snapshot/ at the start and every newsdump process
runs that copy, so edits to the working tree during a long run do not mix versions. With
`--baseline DIR` every newsdump row is also timed with the package under DIR (e.g. `git archive
main newsdump | tar -x -C DIR`), in the same rounds, as "<row> · base": before and after side by
side, under the same load.
Results: printed, and written to build/bench/results.json and build/bench/results.md.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import html
import itertools
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STYLES = ("inner", "lines")
SCALING_KB = (1, 4, 16, 64, 256, 1024, 5120)
SCALING_BYTES = 2_000_000  # the pages of one size add up to about this much text
ONE_WORD_LINES = 50_000
TIMEOUT = 300  # seconds; a slower page is reported as "> 300 s"
# the newsdump rows of one input kind, in the order of even rounds (odd rounds: reversed)
GROUP = (  # extract -j 1 in the middle: next to both rows it is compared with
    ("split", "1"),
    ("extract", "1"),
    ("extract", "2"),
    ("split", "2"),
    ("stats", "1"),
    ("stats", "2"),
)

Row = dict[str, Any]


# ----------------------------------------------------------------------------- the corpus


def source_dumps(shared: Path) -> list[tuple[str, str]]:
    """(name, text) of every aeb-dev dump, both styles, in a fixed order."""
    dumps = []
    for style in STYLES:
        for path in sorted((shared / "corpus" / "aeb-dev" / style).glob("*.txt")):
            dumps.append((f"{style}-{path.stem[:16]}", path.read_text(encoding="utf-8")))
    if not dumps:
        sys.exit(f"bench: no dumps in {shared}/corpus/aeb-dev/{{inner,lines}}/")
    return dumps


def build_corpus(dumps: list[tuple[str, str]], size_mb: int, out: Path) -> dict[str, Any]:
    """The dumps copied until they weigh `size_mb` MB: a directory, a JSONL and a JSONL of the
    first fifth of the pages. Built once; later runs reuse it."""
    where = out / f"corpus-{size_mb}mb"
    meta_file = where / "corpus.json"
    if meta_file.exists():
        return dict(json.loads(meta_file.read_text()))
    shutil.rmtree(where, ignore_errors=True)
    lines: list[bytes] = []
    pages = size = copy = 0
    while size < size_mb * 1_000_000:
        folder = where / "dir" / f"copy-{copy:04d}"
        folder.mkdir(parents=True)
        for name, text in dumps:
            page = f"{text.rstrip()}\nbench copy {copy}\n"
            data = page.encode("utf-8")
            (folder / f"{name}.txt").write_bytes(data)
            record = {"id": f"{name}-{copy}", "text": page}
            lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            pages += 1
            size += len(data)
        copy += 1
    (where / "corpus.jsonl").write_bytes(b"".join(lines))
    (where / "fifth.jsonl").write_bytes(b"".join(lines[: len(lines) // 5]))
    meta = {
        "dir": str(where / "dir"),
        "jsonl": str(where / "corpus.jsonl"),
        "fifth": str(where / "fifth.jsonl"),
        "pages": pages,
        "bytes": size,
        "copies": copy,
    }
    meta_file.write_text(json.dumps(meta, indent=1))
    return meta


def corpus_files(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.txt"))


# ------------------------------------------------------ helper modes (run as subprocesses)


def floor(path: Path) -> None:
    """The floor: read, decode and split into lines every page (of a directory or a JSONL)."""
    started, cpu = time.perf_counter(), time.process_time()
    pages = lines = 0
    if path.is_dir():
        for file in corpus_files(path):
            lines += len(file.read_bytes().decode("utf-8").splitlines())
            pages += 1
    else:
        with open(path, "rb") as stream:
            for line in stream:
                lines += len(json.loads(line)["text"].splitlines())
                pages += 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": pages, "lines": lines}))


def as_html(text: str) -> str:
    """A text dump as the HTML trafilatura reads: one <p> per non-empty line."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line)
    return f"<html><body>{paragraphs}</body></html>"


def run_trafilatura(directory: Path, sample: int) -> None:
    """trafilatura on the first `sample` pages of the corpus (the import is not timed)."""
    import trafilatura

    texts = [file.read_text(encoding="utf-8") for file in corpus_files(directory)[:sample]]
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        trafilatura.extract(as_html(text))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    size = sum(len(text.encode("utf-8")) for text in texts)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": len(texts), "bytes": size}))


class Timeout(Exception):
    pass


def timed(function: Any, *args: Any) -> float:
    """CPU seconds taken by function(*args) (steadier than wall clock on a shared machine);
    inf past TIMEOUT seconds of wall clock."""

    def alarm(signum: int, frame: Any) -> None:
        raise Timeout()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(TIMEOUT)
    started = time.process_time()
    try:
        function(*args)
        return time.process_time() - started
    except Timeout:
        return float("inf")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def scaling(shared: Path) -> None:
    """Time per page against page size, and pages of 50,000 one-word lines (newsdump's
    `analyse`, in this process)."""
    from newsdump.pipeline import analyse

    dumps = source_dumps(shared)
    analyse(dumps[0][1])  # load the model and the stopwords
    rows = []
    for style in STYLES:
        texts = [text.rstrip() for name, text in dumps if name.startswith(style)]
        joiner = "\n\n" if style == "inner" else "\n"
        stream = joiner.join(texts * (1 + 6 * 1024 * 1024 // len(joiner.join(texts))))
        for kb in SCALING_KB:
            size = kb * 1024
            count = max(1, min(100, SCALING_BYTES // size))
            step = max(1, (len(stream) - size) // count)
            seconds, sizes = [], []
            for k in range(count):
                page = stream[k * step : k * step + size]
                page = page[page.find("\n") + 1 : page.rfind("\n") + 1]  # whole lines
                sizes.append(len(page.encode("utf-8")))
                seconds.append(timed(analyse, page))
            ms = statistics.median(seconds) * 1000
            kb_median = statistics.median(sizes) / 1024
            rows.append(
                {
                    "style": style,
                    "kb": kb,
                    "pages": count,
                    "ms_per_page": ms,
                    "ms_per_kb": ms / kb_median,
                }
            )
    words = re.findall(r"\w+", " ".join(text for _, text in dumps))[:ONE_WORD_LINES]
    one_word = []
    for kind, page_words in (
        ("words of the dumps, as they come", words),
        ("Capitalised words (a menu)", [w.capitalize() for w in words]),
    ):
        for joiner in ("\n", "\n\n"):
            page = joiner.join(page_words) + "\n"
            blank = "with" if joiner == "\n\n" else "without"
            one_word.append(
                {
                    "page": f"{kind}, {blank} blank lines",
                    "lines": len(page_words),
                    "seconds": timed(analyse, page),
                }
            )
    print(json.dumps({"scaling": rows, "one_word_lines": one_word}))


# ---------------------------------------------------------------------------- measuring


# A small process between this one and the measured command: Linux carries a parent's peak RSS
# over fork and exec into the child's, so the measured command must not be forked from here.
SPAWN = """
import json, os, sys, time
started = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), seconds, usage.ru_utime + usage.ru_stime,
               usage.ru_maxrss / 1024], out)
"""


def measure(cmd: list[str], env: dict[str, str], out: Path) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system, its workers included), peak RSS in MB (of the
    largest process of its tree, from os.wait4) and stdout of one command."""
    usage_file = out.with_suffix(".usage")
    with open(out, "wb") as stdout:
        spawn = [sys.executable, "-c", SPAWN, str(usage_file), *cmd]
        proc = subprocess.run(spawn, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    code, seconds, cpu, rss = json.loads(usage_file.read_text())
    if code != 0 or proc.returncode != 0:  # newsdump exits 1 when a page failed
        errors = proc.stderr[-800:].decode(errors="replace")
        sys.exit(f"bench: {' '.join(cmd)} exited {code}: {errors}")
    return seconds, cpu, rss, out.read_text(errors="replace")


def snapshot(out: Path, code: Path | None) -> dict[str, str]:
    """The environment that makes processes import a copy of the newsdump package (or the
    package under `code`), checked to work."""
    if code is None:
        code = out / "snapshot"
        shutil.rmtree(code, ignore_errors=True)
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / "newsdump", code / "newsdump", ignore=ignore)
    # byte-compiled, as an installed package is (pip compiles it): PYTHONDONTWRITEBYTECODE in
    # the environment would otherwise have every run compile the sources again (~0.1 s)
    compileall.compile_dir(str(code / "newsdump"), quiet=1)
    env = {**os.environ, "PYTHONPATH": str(code.resolve())}
    check = "from newsdump.pipeline import analyse; analyse('Home\\nThe cat sat on the mat.')"
    proc = subprocess.run(
        [sys.executable, "-c", check], env=env, cwd=code, capture_output=True, text=True
    )
    if proc.returncode != 0:
        sys.exit(f"bench: the newsdump under {code} does not work:\n{proc.stderr[-800:]}")
    return env


def configs(corpus: dict[str, Any], args: argparse.Namespace) -> list[Row]:
    """What is timed: name, command, and the pages and bytes it goes through (None: the
    command reports them); with --baseline, every newsdump row twice."""
    newsdump = str(Path(sys.executable).with_name("newsdump"))
    me = [sys.executable, str(Path(__file__).resolve())]
    out = str(args.out / "out.jsonl")
    rows: list[Row] = []

    def add(
        name: str,
        cmd: list[str],
        pages: int | None = None,
        size: int | None = None,
        group: str | None = None,
    ) -> None:
        mode = name.split()[0]
        row = {"name": name, "mode": mode, "cmd": cmd, "pages": pages, "bytes": size}
        rows.append({**row, "group": group or name})
        if args.baseline and mode in ("extract", "split", "stats"):
            rows.append({**rows[-1], "name": f"{name} · base", "base": True})

    # the rows a goal compares run back to back, one group per input kind (see round_order)
    for kind in ("dir", "jsonl"):
        for mode, jobs in GROUP:
            target = ["-o", out] if mode != "stats" else ["--json"]
            cmd = [newsdump, mode, corpus[kind], "-j", jobs, "--no-progress", *target]
            add(f"{mode} -j {jobs} {kind}", cmd, corpus["pages"], corpus["bytes"], kind)
    fifth = [newsdump, "extract", corpus["fifth"], "-j", "2", "--no-progress", "-o", out]
    add("extract -j 2 jsonl/5", fifth, corpus["pages"] // 5)
    add("trafilatura (sample)", [*me, "--trafilatura", corpus["dir"], "--sample", str(args.sample)])
    for kind in ("dir", "jsonl"):
        add(f"floor {kind}", [*me, "--floor", corpus[kind]], corpus["pages"], corpus["bytes"])
    return [row for row in rows if any(s in row["name"] for s in args.only or [""])]


def round_order(rows: list[Row], run: int) -> list[Row]:
    """The rows in the order of round `run` (from 0): group after group as configs() lists
    them, each group's rows (the "· base" twins included) in reverse order in odd rounds, so
    that neither side of a ratio always runs first."""
    order: list[Row] = []
    for _, group in itertools.groupby(rows, key=lambda row: row["group"]):
        members = list(group)
        order += reversed(members) if run % 2 else members
    return order


def throughput(
    corpus: dict[str, Any],
    args: argparse.Namespace,
    env: dict[str, str],
    base_env: dict[str, str] | None = None,
) -> list[Row]:
    rows = configs(corpus, args)
    with open(corpus["fifth"], "rb") as fifth:
        fifth_bytes = sum(len(json.loads(line)["text"].encode()) for line in fifth)
    for row in rows:
        row.update(seconds=[], cpu=[], rss_mb=[])
        if "jsonl/5" in row["name"]:
            row["bytes"] = fifth_bytes
    for run in range(args.runs):
        for row in round_order(rows, run):
            row_env = base_env if row.get("base") and base_env else env
            seconds, cpu, rss, stdout = measure(row["cmd"], row_env, args.out / "stdout.txt")
            if row["mode"] in ("trafilatura", "floor"):  # they time their own work
                report = json.loads(stdout.strip().splitlines()[-1])
                seconds, cpu = report["seconds"], report["cpu"]
                row["pages"] = report["pages"]
                row["bytes"] = report.get("bytes", row["bytes"])
            row["seconds"].append(seconds)
            row["cpu"].append(cpu)
            row["rss_mb"].append(rss)
            print(
                f"  run {run + 1}/{args.runs}  {row['name']:<24} {seconds:8.2f} s"
                f"  {row['bytes'] / 1e6 / seconds:7.2f} MB/s  CPU {cpu:7.2f} s  {rss:6.0f} MB",
                flush=True,
            )
    for row in rows:
        seconds = statistics.median(row["seconds"])
        row["mb_s"] = row["bytes"] / 1e6 / seconds
        row["pages_s"] = row["pages"] / seconds
        row["ms_page"] = 1000 * seconds / row["pages"]
        row["cpu_ms_page"] = 1000 * statistics.median(row["cpu"]) / row["pages"]
        row["cpu_mb_s"] = row["bytes"] / 1e6 / statistics.median(row["cpu"])
        row["rss"] = max(row["rss_mb"])
    return rows


# ------------------------------------------------------------------------------ reporting


def machine() -> dict[str, str]:
    model = ""
    if shutil.which("lscpu"):
        info = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in info.splitlines()
                if line.startswith("Model name")
            ),
            "",
        )
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{os.cpu_count()} cores (nproc), {model or platform.processor()}",
        "ram": f"{ram:.1f} GiB",
        "python": platform.python_version(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "commit": commit,
        "command": " ".join(["tools/bench.py", *sys.argv[1:]]),
    }


def ratio(a: float | None, b: float | None) -> str:
    if not a or not b:
        return "-"
    return f"{a / b:.2f}×" if a / b >= 0.1 else f"{a / b:.4f}×"


def paired(a: list[float], b: list[float]) -> list[float]:
    """a[i] / b[i] for every round i: the ratio of two runs taken back to back."""
    return [x / y for x, y in zip(a, b, strict=True)]


def comparisons(rows: list[Row]) -> dict[str, dict[str, Any]]:
    """The ratios the goals and the baseline list compare, each from the two rows' runs of the
    same round: per round ("rounds"), their median ("median", what a goal is decided on) and,
    for reference, the ratio of the two rows' medians ("of_medians")."""
    by = {row["name"]: row for row in rows}

    def rate(row: Row, key: str) -> list[float]:  # MB per second (wall or CPU) of each run
        return [row["bytes"] / 1e6 / x for x in row[key]]

    found: dict[str, dict[str, Any]] = {}

    def add(name: str, rounds: list[float], of_medians: float) -> None:
        median = statistics.median(rounds)
        found[name] = {"median": median, "rounds": rounds, "of_medians": of_medians}

    for kind in ("dir", "jsonl"):
        one, two = by.get(f"extract -j 1 {kind}"), by.get(f"extract -j 2 {kind}")
        split = by.get(f"split -j 1 {kind}")
        if one is not None and two is not None:
            speedup = paired(rate(two, "seconds"), rate(one, "seconds"))
            add(f"speed-up -j 2 / -j 1 extract {kind}", speedup, two["mb_s"] / one["mb_s"])
            cpu = paired(rate(one, "cpu"), rate(two, "cpu"))
            add(f"CPU -j 2 / -j 1 extract {kind}", cpu, one["cpu_mb_s"] / two["cpu_mb_s"])
        if one is not None and split is not None:
            slower = paired(rate(one, "seconds"), rate(split, "seconds"))
            add(f"time split / extract -j 1 {kind}", slower, one["mb_s"] / split["mb_s"])
    for old in rows:
        new = by.get(old["name"][: -len(" · base")]) if old.get("base") else None
        if new is not None:  # CPU ms/page of this code / of the baseline (same pages)
            rounds = paired(new["cpu"], old["cpu"])
            add(f"base {new['name']}", rounds, new["cpu_ms_page"] / old["cpu_ms_page"])
    return found


def paired_text(found: dict[str, Any], what: str = "") -> str:
    """E.g. "1.74×{what} (rounds: 1.71 1.80 1.74; ratio of medians 1.73×)"."""
    rounds = " ".join(f"{x:.2f}" for x in found["rounds"])
    of_medians = f"ratio of medians {found['of_medians']:.2f}×"
    return f"{found['median']:.2f}×{what} (rounds: {rounds}; {of_medians})"


def report(
    rows: list[Row], scale: dict[str, Any] | None, corpus: dict[str, Any], args: argparse.Namespace
) -> str:
    """The results as markdown (also fine to read in a terminal)."""
    by = {row["name"]: row for row in rows}
    traf = by.get("trafilatura (sample)", {}).get("mb_s")
    flo = by.get("floor dir", {}).get("mb_s")
    info = machine()
    out = [
        f"### {info['date']} · {info['commit']}",
        "",
        f"Machine: {info['cpu']}, {info['ram']} RAM, Python {info['python']}; load average "
        f"{info['load']} (1, 5, 15 min) at the end. "
        f"Command: `{info['command']}`.",
        f"Corpus: {corpus['pages']} pages, {corpus['bytes'] / 1e6:.1f} MB of dump text "
        f"({corpus['copies']} copies of the aeb-dev dumps); trafilatura on the first "
        f"{args.sample} pages. Medians of {args.runs} run(s), wall clock, one process tree each; "
        "the rows a goal compares run back to back, in reverse order every other round.",
        "",
        "| what | MB/s | pages/s | ms/page | CPU ms/page | × trafilatura | × floor "
        "| peak RSS MB | runs (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        runs = " ".join(f"{s:.1f}" for s in row["seconds"])
        out.append(
            f"| {row['name']} | {row['mb_s']:.2f} | {row['pages_s']:.0f} | {row['ms_page']:.2f} "
            f"| {row['cpu_ms_page']:.2f} "
            f"| {ratio(row['mb_s'], traf)} | {ratio(row['mb_s'], flo)} | {row['rss']:.0f} "
            f"| {runs} |"
        )
    paired_ratios = comparisons(rows)
    based = [
        (name[len("base ") :], c) for name, c in paired_ratios.items() if name.startswith("base ")
    ]
    if based:
        out += [
            "",
            "Against the baseline (CPU ms/page of this code / of the baseline; median of the "
            "ratios of each round's two runs):",
            "",
        ]
        out += [f"- {name}: {paired_text(c)}" for name, c in based]
    out += ["", "Goals (ratios: median of the ratios of each round's two runs):", ""]

    def goal(text: str, ok: bool) -> None:
        out.append(f"- {text}: {'**met**' if ok else '**not met**'}")

    for kind in ("dir", "jsonl"):
        one, two = by.get(f"extract -j 1 {kind}"), by.get(f"extract -j 2 {kind}")
        split = by.get(f"split -j 1 {kind}")
        if one is None:
            continue
        speed = f"{one['mb_s']:.2f} MB/s ({one['cpu_mb_s']:.2f} MB per CPU second)"
        goal(f"extract -j 1 {kind} ≥ 10 MB/s: {speed}", one["mb_s"] >= 10)
        if two is not None:
            speedup = paired_ratios[f"speed-up -j 2 / -j 1 extract {kind}"]
            cpu = paired_ratios[f"CPU -j 2 / -j 1 extract {kind}"]
            text = f"{paired_text(speedup)}; -j 2 spends {paired_text(cpu, ' the CPU of -j 1')}"
            goal(f"-j 2 ≥ 1.7× -j 1 ({kind}): {text}", speedup["median"] >= 1.7)
        if split is not None:
            slower = paired_ratios[f"time split / extract -j 1 {kind}"]
            goal(
                f"split within 1.5× of extract ({kind}, -j 1): "
                f"takes {paired_text(slower, ' as long')}",
                slower["median"] <= 1.5,
            )
    if "extract -j 2 jsonl/5" in by and "extract -j 2 jsonl" in by:
        small, large = by["extract -j 2 jsonl/5"]["rss"], by["extract -j 2 jsonl"]["rss"]
        goal(
            f"peak RSS flat in input size: {small:.0f} MB on a fifth, {large:.0f} MB on all",
            large <= 1.2 * small,
        )
    if scale:
        worst = max(row["seconds"] for row in scale["one_word_lines"])
        goal(
            f"a page of 50,000 one-word lines well under a second: worst {worst:.2f} s", worst < 0.5
        )
        out += [
            "",
            "Scaling (newsdump `analyse`, one process, CPU time; median per size):",
            "",
            "| page size | style | pages | CPU ms/page | CPU ms per KB |",
            "|---:|---|---:|---:|---:|",
        ]
        for row in scale["scaling"]:
            out.append(
                f"| {row['kb']} KB | {row['style']} | {row['pages']} "
                f"| {row['ms_per_page']:.1f} | {row['ms_per_kb']:.3f} |"
            )
        out += ["", "| page of one-word lines | lines | CPU seconds |", "|---|---:|---:|"]
        for row in scale["one_word_lines"]:
            out.append(f"| {row['page']} | {row['lines']} | {row['seconds']:.2f} |")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--quick", action="store_true", help="a ~20 MB corpus and one run")
    parser.add_argument("--size-mb", type=int, default=100, help="corpus size (default 100)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each measure (default 5)")
    parser.add_argument("--sample", type=int, default=200, help="pages given to trafilatura")
    parser.add_argument("--only", action="append", help="time only the rows named so (repeat)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling curve")
    parser.add_argument("--code", type=Path, help="run the newsdump package under this dir")
    parser.add_argument(
        "--baseline", type=Path, help="also time every newsdump row with the package under this dir"
    )
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trafilatura", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scaling", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        return floor(args.floor)
    if args.trafilatura:
        return run_trafilatura(args.trafilatura, args.sample)
    if args.scaling:
        return scaling(args.shared)
    if args.quick:
        args.size_mb, args.runs = 20, 1
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)

    env = snapshot(args.out, args.code)
    base_env = snapshot(args.out, args.baseline) if args.baseline else None
    print(f"bench: building the corpus ({args.size_mb} MB) under {args.out}", flush=True)
    corpus = build_corpus(source_dumps(args.shared), args.size_mb, args.out)
    print(f"bench: {corpus['pages']} pages, {corpus['bytes'] / 1e6:.1f} MB; timing", flush=True)
    rows = throughput(corpus, args, env, base_env)
    for row in rows:
        del row["cmd"]
    save(rows, None, corpus, args)  # kept should the scaling fail
    scale = None
    if not args.no_scaling:
        print("bench: scaling curve", flush=True)
        me = [sys.executable, str(Path(__file__).resolve()), "--scaling", "--shared"]
        *_, stdout = measure([*me, str(args.shared)], env, args.out / "stdout.txt")
        scale = json.loads(stdout.strip().splitlines()[-1])
    print("\n" + save(rows, scale, corpus, args))


def save(
    rows: list[Row], scale: dict[str, Any] | None, corpus: dict[str, Any], args: argparse.Namespace
) -> str:
    """Write results.json and results.md; return the markdown."""
    text = report(rows, scale, corpus, args)
    results = {"rows": rows, "scaling": scale, "corpus": corpus, "machine": machine()}
    results["paired"] = comparisons(rows)  # the ratios of the goals and of --baseline
    (args.out / "results.json").write_text(json.dumps(results, indent=1))
    (args.out / "results.md").write_text(text)
    return text


if __name__ == "__main__":
    main()
