"""`--cluster`: the same job on a real Dask cluster (a `dask scheduler` and `dask worker`
processes on 127.0.0.1, started here) writes exactly what the local run writes."""

from __future__ import annotations

import contextlib
import gzip
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

pytest.importorskip("dask.distributed")

from newsdump import distributed
from newsdump.cli import app
from newsdump.runner import Job
from newsdump.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
WARC = ROOT / "examples" / "crawl.warc.wet.gz"
TIMING = {"seconds", "documents_per_second", "mb_per_second"}
STARTUP_SECONDS = 60

WORDS = (
    "council harbour ferry strike budget school library river bridge market festival "
    "minister vote report plan city residents weather storm museum election workers union "
    "water station train road hospital nurses teachers court judge police mayor port"
).split()
NAMES = ["Ana Lima", "Tom Berg", "Mei Chen", "Jon Ruiz", "Ida Holm", "Sam Okafor"]


# --- inputs: text dumps, JSONL, gzip (JSONL and a multi-page text stream), a WARC/WET ------


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def page(rng: random.Random, n: int) -> str:
    headline = " ".join(rng.choice(WORDS) for _ in range(6)).title()
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(4)]
    feed = [" ".join(rng.choice(WORDS) for _ in range(7)).title() for _ in range(4)]
    return "\n".join(
        [
            "Home | News | Sport | Weather",
            headline,
            f"By {rng.choice(NAMES)}",
            f"March {n % 28 + 1}, 2024",
            "",
            "\n\n".join(paragraphs),
            "",
            "Most read",
            *feed,
            "Subscribe to our newsletter",
        ]
    )


def html_page(rng: random.Random, n: int) -> str:
    body = "".join(f"<p>{sentence(rng)} {sentence(rng)}</p>" for _ in range(4))
    return (
        f"<!doctype html><html><head><title>Story {n}</title></head><body>"
        f"<h1>Story {n}</h1><article>{body}</article></body></html>"
    )


def jsonl(rng: random.Random, prefix: str, n: int) -> bytes:
    lines = []
    for i in range(n):
        text = html_page(rng, i) if i % 25 == 7 else page(rng, i)
        lines.append(
            orjson.dumps({"id": f"{prefix}-{i}", "url": f"https://x.test/{i}", "text": text})
        )
        if i == 40:
            lines.append(b"")  # blank lines are not documents
            lines.append(b"{not json")  # an error record, in both runs
    return b"\n".join(lines) + b"\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 330 documents: 150 text files in two directories, 100 JSONL lines, a gzip JSONL
    of 60, a gzip text stream of 20 pages, and the WARC/WET example."""
    rng = random.Random(7)
    top = tmp_path_factory.mktemp("corpus")
    for i in range(150):
        (top / ("a" if i % 2 else "b")).mkdir(exist_ok=True)
        (top / ("a" if i % 2 else "b") / f"page-{i:03d}.txt").write_text(page(rng, i))
    (top / "pages.jsonl").write_bytes(jsonl(rng, "j", 100))
    (top / "more.jsonl.gz").write_bytes(gzip.compress(jsonl(rng, "g", 60)))
    stream = "\n\f\n".join(page(rng, i) for i in range(20))
    (top / "stream.txt.gz").write_bytes(gzip.compress(stream.encode()))
    if WARC.exists():
        shutil.copy(WARC, top / "crawl.warc.wet.gz")
    return top


# --- a real cluster: one scheduler, two workers, subprocesses of the test -------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.procs: list[subprocess.Popen[bytes]] = []
        port = self.address.rsplit(":", 1)[1]
        self._start("scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard")

    def _start(self, *args: str) -> subprocess.Popen[bytes]:
        log = open(self.directory / f"{args[0]}-{len(self.procs)}.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "dask", *args],
            cwd=self.directory,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed whole in teardown
        )
        log.close()
        self.procs.append(proc)
        return proc

    def add_worker(self) -> subprocess.Popen[bytes]:
        return self._start(
            "worker",
            self.address,
            "--nthreads",
            "1",
            "--no-nanny",
            "--no-dashboard",
            "--host",
            "127.0.0.1",
            "--memory-limit",
            "0",
            "--local-directory",
            str(self.directory),
        )

    def wait_for_workers(self, n: int) -> None:
        from dask.distributed import Client

        with Client(self.address, timeout=STARTUP_SECONDS) as client:
            client.wait_for_workers(n, timeout=STARTUP_SECONDS)

    def worker_addresses(self) -> set[str]:
        from dask.distributed import Client

        with Client(self.address, timeout=STARTUP_SECONDS) as client:
            return set(client.scheduler_info(n_workers=-1)["workers"])

    def workers(self) -> int:
        return len(self.worker_addresses())

    def kill(self, proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def close(self) -> None:
        for proc in reversed(self.procs):
            with contextlib.suppress(ProcessLookupError, subprocess.TimeoutExpired):
                self.kill(proc)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.directory.glob("*.log"))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        c.add_worker()
        c.add_worker()
        c.wait_for_workers(2)
        yield c
    except Exception:
        print(c.logs(), file=sys.stderr)
        raise
    finally:
        c.close()


# --- helpers --------------------------------------------------------------------------------


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def local_extract(corpus: Path, tmp: Path) -> tuple[list[bytes], list[bytes]]:
    """The local run's records and error lines, as references."""
    out, errors = tmp / "local.jsonl", tmp / "local-errors.jsonl"
    result = invoke("extract", str(corpus), "-j", "1", "-o", str(out), "--errors", str(errors))
    assert result.exit_code == 1  # the line that is not JSON
    return out.read_bytes().splitlines(), errors.read_bytes().splitlines()


def part_lines(out: Path) -> list[bytes]:
    lines: list[bytes] = []
    for part in sorted(out.glob("part-*.jsonl.gz")):
        lines.extend(gzip.decompress(part.read_bytes()).splitlines())
    return lines


def by_source(lines: list[bytes]) -> list[bytes]:
    return sorted(lines, key=lambda line: (orjson.loads(line)["source"], line))


def assert_same_output(
    lines: list[bytes], errors: list[Any], reference: tuple[list[bytes], list[bytes]]
) -> None:
    """The same records (every one exactly once, in input order) and the same error records."""
    local_lines, local_errors = reference
    assert len(local_lines) + len(local_errors) > 300  # a document is a record or an error
    assert Counter(lines) == Counter(local_lines)
    assert by_source(lines) == by_source(local_lines)
    assert lines == local_lines  # parts in order are the input order
    assert errors == [orjson.loads(line) for line in local_errors]


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[bytes], ...]:
    return local_extract(corpus, tmp_path_factory.mktemp("local"))


# --- tests ----------------------------------------------------------------------------------


def test_extract_on_cluster_writes_what_a_local_run_writes(
    corpus: Path, cluster: Cluster, reference: tuple[list[bytes], list[bytes]], tmp_path: Path
) -> None:
    out, errors = tmp_path / "out", tmp_path / "errors.jsonl"
    (tmp_path / "out").mkdir()
    (out / "part-00999.jsonl.gz").write_bytes(gzip.compress(b'{"stale": true}\n'))
    result = invoke(
        "extract",
        str(corpus),
        "--cluster",
        cluster.address,
        "-o",
        str(out),
        "--errors",
        str(errors),
    )
    assert result.exit_code == 1, result.output
    error_lines = [orjson.loads(line) for line in errors.read_bytes().splitlines()]
    assert_same_output(part_lines(out), error_lines, reference)
    names = sorted(p.name for p in out.iterdir())
    assert names[0] == "_SUCCESS"
    assert names[1:] == [f"part-{i:05d}.jsonl.gz" for i in range(len(names) - 1)]
    # `stats --records` reads the directory of parts as it reads one file
    local = tmp_path / "local.jsonl"
    local.write_bytes(b"".join(line + b"\n" for line in reference[0]))
    want = orjson.loads(invoke("stats", "--records", str(local), "--json").stdout)
    got = orjson.loads(invoke("stats", "--records", str(out), "--json").stdout)
    assert {k: v for k, v in got.items() if k not in TIMING} == {
        k: v for k, v in want.items() if k not in TIMING
    }


def test_large_jsonl_files_are_cut_by_record_count(
    corpus: Path, cluster: Cluster, reference: tuple[list[bytes], list[bytes]], tmp_path: Path
) -> None:
    from dask.distributed import Client

    files = list(distributed.list_inputs([str(corpus)]))
    with Client(cluster.address, timeout=STARTUP_SECONDS) as client:
        partitions = distributed.plan(client, files, Settings(), 8192)
    cut = {Path(p.source).name for part in partitions for p in part.pieces if p.first > 0}
    assert cut == {"pages.jsonl", "more.jsonl.gz"}  # not the text stream, nor the WARC
    out = tmp_path / "out"
    job = Job(Settings(), "extract")
    result = distributed.run_on_cluster(
        cluster.address, [str(corpus)], job, str(out), partition_bytes=8192
    )
    assert result.partitions == len(partitions)
    assert_same_output(part_lines(out), result.errors, reference)


def test_a_worker_lost_mid_run_loses_and_duplicates_nothing(
    corpus: Path, cluster: Cluster, reference: tuple[list[bytes], list[bytes]], tmp_path: Path
) -> None:
    from dask.distributed import default_client

    before = cluster.worker_addresses()
    victim = cluster.add_worker()
    cluster.wait_for_workers(3)
    (address,) = cluster.worker_addresses() - before
    lost: list[str] = []  # the tasks the victim was running when it was killed

    def on_part(part: distributed.PartResult) -> None:
        # the job's own client: which partitions does the victim hold right now?
        if not lost and (running := default_client().processing([address]).get(address)):
            cluster.kill(victim)
            lost.extend(running)

    out = tmp_path / "out"
    job = Job(Settings(), "extract")
    result = distributed.run_on_cluster(
        cluster.address, [str(corpus)], job, str(out), partition_bytes=8192, on_part=on_part
    )
    assert lost, "the victim never ran a partition"
    assert victim.returncode == -signal.SIGKILL
    assert cluster.workers() == 2
    assert_same_output(part_lines(out), result.errors, reference)
    assert result.records == len(reference[0])
    assert (out / "_SUCCESS").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporaries left


def test_stats_on_cluster_equals_stats_run_locally(corpus: Path, cluster: Cluster) -> None:
    local = invoke("stats", str(corpus), "--json", "-j", "1")
    remote = invoke("stats", str(corpus), "--json", "--cluster", cluster.address)
    assert local.exit_code == remote.exit_code == 1
    want, got = orjson.loads(local.stdout), orjson.loads(remote.stdout)
    assert want["documents"] > 300
    assert {k: v for k, v in got.items() if k not in TIMING} == {
        k: v for k, v in want.items() if k not in TIMING
    }


def test_stats_merge_in_partition_order(corpus: Path, cluster: Cluster) -> None:
    """Per-partition Stats add up to the local run's, however the partitions were cut."""
    job = Job(Settings(), "split")
    whole = distributed.run_on_cluster(cluster.address, [str(corpus)], job, None)
    cut = distributed.run_on_cluster(
        cluster.address, [str(corpus)], job, None, partition_bytes=8192
    )
    assert cut.partitions > whole.partitions
    assert cut.stats.to_dict() == whole.stats.to_dict()


# --- usage ----------------------------------------------------------------------------------


def test_cluster_needs_an_output_directory_and_files(corpus: Path) -> None:
    result = invoke("extract", str(corpus), "--cluster", "local:1")
    assert result.exit_code == 2
    assert "output directory" in result.output
    result = invoke("extract", "-", "--cluster", "local:1", "-o", "out")
    assert result.exit_code == 2
    assert "stdin" in result.output
    result = invoke("extract", str(corpus), "--cluster", "local:x", "-o", str(corpus / "o"))
    assert result.exit_code == 2
    assert not (corpus / "o").exists()
    result = invoke(
        "extract", str(corpus), "--cluster", "local:1", "-o", str(corpus / "pages.jsonl")
    )
    assert result.exit_code == 2
    assert "Invalid value for -o: with --cluster, name a directory" in result.output
    state = str(corpus / "state.db")
    result = invoke("extract", str(corpus), "--cluster", "local:1", "-o", "o", "--state", state)
    assert result.exit_code == 2
    assert "--state is for local runs" in result.output


def test_without_dask_cluster_says_what_to_install(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails
    result = invoke("extract", str(corpus), "--cluster", "local", "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert result.output.strip() == "newsdump: --cluster needs Dask: pip install newsdump[dask]"


def test_local_cluster(
    corpus: Path, reference: tuple[list[bytes], list[bytes]], tmp_path: Path
) -> None:
    """`--cluster local:N` starts its own workers on this machine."""
    started = time.monotonic()
    out, errors = tmp_path / "out", tmp_path / "errors.jsonl"
    result = invoke(
        "extract", str(corpus), "--cluster", "local:2", "-o", str(out), "--errors", str(errors)
    )
    assert result.exit_code == 1, result.output
    error_lines = [orjson.loads(line) for line in errors.read_bytes().splitlines()]
    assert_same_output(part_lines(out), error_lines, reference)
    assert time.monotonic() - started < STARTUP_SECONDS


# --- pieces of files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["pages.jsonl", "more.jsonl.gz", "stream.txt.gz", "crawl.warc.wet.gz"]
)
def test_a_piece_from_document_n_is_the_tail_of_the_whole_file(corpus: Path, name: str) -> None:
    if not (corpus / name).exists():
        pytest.skip(f"no {name}")
    path = str(corpus / name)
    whole = list(distributed.piece_items(distributed.Piece(path, name), Settings()))
    for first in (1, 7, len(whole) - 1):
        piece = distributed.Piece(path, name, first, 5)
        assert list(distributed.piece_items(piece, Settings())) == whole[first : first + 5]


def test_count_documents_counts_what_the_reader_reads(corpus: Path) -> None:
    for name in ("pages.jsonl", "more.jsonl.gz"):
        path = str(corpus / name)
        whole = list(distributed.piece_items(distributed.Piece(path, name), Settings()))
        assert distributed.count_documents(path, Settings()) == len(whole)
    assert distributed.count_documents(str(corpus / "stream.txt.gz"), Settings()) is None


def test_fsspec_urls_in_and_out(
    corpus: Path, cluster: Cluster, reference: tuple[list[bytes], list[bytes]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = invoke(
        "extract", f"file://{corpus}", "--cluster", cluster.address, "-o", f"file://{out}"
    )
    assert result.exit_code == 1
    lines = [orjson.loads(line) for line in part_lines(out)]
    want = [orjson.loads(line) for line in reference[0]]
    assert [r["source"] for r in lines] == [f"file://{r['source']}" for r in want]
    assert [r["text"] for r in lines] == [r["text"] for r in want]
    assert (out / "_SUCCESS").exists()
