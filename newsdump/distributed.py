"""The same job on a Dask cluster, for when one machine is not enough.

    newsdump extract crawl/ --cluster tcp://scheduler:8786 -o articles/
    newsdump stats crawl/ --cluster local:4 --json

This process (the driver) lists the inputs and cuts them into partitions: consecutive files
of up to 64 MB in all (less when that gives every worker thread a few partitions), a larger
JSONL file cut into runs of lines, a WARC or text file whole. Each partition is one Dask task
that runs the local run's pure core (`runner.process_items` over its documents) and writes to
`OUT/part-NNNNN.jsonl.gz` through a temporary name: a task that Dask runs again (its worker
was lost, or it raised) replaces its part, it never adds to it. Per-partition `Stats` come back
and add up, in partition order; `_SUCCESS` is written last, once every part is in place.

Dask is imported inside functions only: without it the rest of newsdump works unchanged.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from typing import Any, BinaryIO

from newsdump.document import Document
from newsdump.records import ErrorRecord, to_json_line
from newsdump.runner import (
    STDIN,
    Job,
    MissingPath,
    available_cores,
    chunks,
    expand_paths,
    process_items,
)
from newsdump.settings import Settings
from newsdump.sinks import AtomicFileSink, compressor
from newsdump.stats import Stats

PARTITION_BYTES = 64 * 1024 * 1024  # input per partition, at most (a part file's worth)
PARTITIONS_PER_THREAD = 4  # ... or less, so that every worker thread gets a few
MAX_PIECES = 10_000  # files (or runs of JSONL lines) in one partition, at most
PART_NAME = "part-{:05d}.jsonl.gz"
SUCCESS = "_SUCCESS"
TASK_RETRIES = 2  # a task that raised is run again this often (a lost worker's always is)
CONNECT_TIMEOUT = "30s"
INSTALL_HINT = "--cluster needs Dask: pip install newsdump[dask]"
LOCAL_CLUSTER_CONFIG = {  # less polling in `local[:N]` workers (no dashboard to show it)
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskMissing(Exception):
    """Dask is not installed."""


class ClusterUsage(Exception):
    """The job cannot run on a cluster as asked (stdin input, no output directory, ...)."""

    def __init__(self, message: str, option: str = "--cluster") -> None:
        super().__init__(message)
        self.option = option  # the option (or argument) to blame


class ClusterFailed(Exception):
    """The cluster could not be reached, or a partition failed for good."""


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str  # what workers open: an absolute local path or an fsspec URL
    source: str  # what records call it: the path as given, as in a local run
    size: int


@dataclass(frozen=True, slots=True)
class Piece:
    """A file, or a run of documents in a large JSONL file."""

    path: str
    source: str
    first: int = 0  # documents before this one (0-based) belong to earlier pieces
    count: int | None = None  # documents in this piece; None: to the end of the file


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's share of the inputs: consecutive pieces, about `partition_bytes` in all."""

    index: int
    pieces: tuple[Piece, ...]


@dataclass(slots=True)
class PartResult:
    """What a task sends back: counters, error records, and the part file it committed."""

    index: int
    stats: Stats
    errors: list[dict[str, Any]]
    records: int
    part: str | None


@dataclass(slots=True)
class ClusterResult:
    stats: Stats  # summed in partition order, as a local run would count
    errors: list[dict[str, Any]]  # in input order
    partitions: int
    records: int


def run_on_cluster(
    address: str,
    paths: list[str],
    job: Job,
    output: str | None,
    glob: str | None = None,
    partition_bytes: int = PARTITION_BYTES,
    on_part: Callable[[PartResult], None] | None = None,
) -> ClusterResult:
    """Run `job` over `paths` on the Dask cluster at `address` (`tcp://HOST:PORT`, or
    `local[:N]` for a LocalCluster of N worker processes here). With `output`, records go to
    part files in that directory (local or fsspec URL); without, only stats come back."""
    files = list(list_inputs(paths, glob))
    if output is not None:
        check_output(output)
    client, cluster = connect(address)
    try:
        if output is not None:
            prepare_output(output)
        partitions = plan(client, files, job.settings, partition_bytes)
        futures = client.map(
            run_partition, partitions, job=job, output=output, retries=TASK_RETRIES, pure=False
        )
        totals = Totals()
        try:
            for future in _as_completed(futures):
                result = _result(future)
                totals.add(result)
                if on_part is not None:
                    on_part(result)
        finally:
            client.cancel(futures)
    except KeyboardInterrupt:
        _quiet()  # Ctrl-C inside Dask's calls makes its event loop log tracebacks
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if totals.next != len(partitions):
        raise ClusterFailed(f"{len(partitions) - totals.next} partitions did not report back")
    if output is not None:
        commit_output(output)
    return ClusterResult(totals.stats, totals.errors, len(partitions), totals.records)


def _quiet() -> None:
    for name in ("tornado.application", "distributed", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


class Totals:
    """Partition results added up in partition order, as a local run counts them (the first
    title seen for a feed story is kept); holds only those that arrive ahead of their turn."""

    def __init__(self) -> None:
        self.stats = Stats()
        self.errors: list[dict[str, Any]] = []
        self.records = 0
        self.next = 0  # the partition whose result is added next
        self._ahead: dict[int, PartResult] = {}

    def add(self, result: PartResult) -> None:
        self._ahead[result.index] = result
        while self.next in self._ahead:
            done = self._ahead.pop(self.next)
            self.stats.merge(done.stats)
            self.errors.extend(done.errors)
            self.records += done.records
            self.next += 1


def _result(future: Any) -> PartResult:
    try:
        result: PartResult = future.result()
    except Exception as exc:  # KilledWorker, or a task that raised on every try
        raise ClusterFailed(f"a partition failed: {type(exc).__name__}: {exc}") from exc
    return result


def connect(address: str) -> tuple[Any, Any]:
    """A Dask client for `address`, and the LocalCluster it started (or None)."""
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissing(INSTALL_HINT) from None
    if address == "local" or address.startswith("local:"):
        workers = _local_workers(address)
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
        return Client(cluster), cluster  # type: ignore[no-untyped-call]
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterFailed(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    return client, None


def _local_workers(address: str) -> int:
    _, _, count = address.partition(":")
    if not count:
        return available_cores()
    if not count.isdigit() or int(count) < 1:
        raise ClusterUsage(f"expected local or local:N with N workers, not {address!r}")
    return int(count)


def _as_completed(futures: list[Any]) -> Iterator[Any]:
    from dask.distributed import as_completed

    yield from as_completed(futures)  # type: ignore[no-untyped-call]


# --- listing and partitioning (driver) -----------------------------------------------------


def is_url(path: str) -> bool:
    return "://" in path


def list_inputs(paths: list[str], glob: str | None = None) -> Iterator[InputFile]:
    """Every input file, in the order of a local run; local paths are made absolute."""
    for path in paths:
        if path == STDIN:
            message = "--cluster reads files, not stdin: name files or directories"
            raise ClusterUsage(message, "PATHS")
        if is_url(path):
            yield from _list_url(path, glob)
            continue
        if not os.path.lexists(path):
            raise MissingPath(path)
        for name in expand_paths([path], glob):
            try:
                size = os.path.getsize(name)
            except OSError:
                size = 0  # the worker reports it unreadable
            yield InputFile(os.path.abspath(name), _source_name(name), size)


def _source_name(path: str) -> str:
    """The path as records show it, valid UTF-8 whatever bytes the name holds (the same as
    a local run's `source`)."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def _list_url(url: str, glob: str | None) -> Iterator[InputFile]:
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(url)
    if not fs.exists(root):
        raise MissingPath(url)
    if not fs.isdir(root):
        yield InputFile(url, url, int(fs.size(root) or 0))
        return
    found: dict[str, Any] = fs.find(root, detail=True)
    entries: list[tuple[tuple[tuple[int, str], ...], str, int]] = []
    for name, info in found.items():
        parts = name[len(root.rstrip("/")) :].strip("/").split("/")
        if any(part.startswith(".") for part in parts):
            continue
        if glob is not None and not fnmatch(parts[-1], glob):
            continue
        # a local walk's order: a directory's files first, then its subdirectories
        key = (*((1, d) for d in parts[:-1]), (0, parts[-1]))
        entries.append((key, fs.unstrip_protocol(name), int(info.get("size") or 0)))
    for _, name, size in sorted(entries):
        yield InputFile(name, name, size)


def plan(
    client: Any, files: list[InputFile], settings: Settings, partition_bytes: int
) -> list[Partition]:
    """Consecutive files grouped into partitions of about `target` bytes, where `target` is
    `partition_bytes` or less, so that every worker thread gets a few partitions. A JSONL file
    larger than that is cut into runs of documents (counted on the cluster first)."""
    threads = sum(client.nthreads().values()) or 1
    total = sum(f.size for f in files)
    target = max(1, min(partition_bytes, total // (threads * PARTITIONS_PER_THREAD)))
    large = [f for f in files if f.size > target]
    counted = client.gather(
        client.map(count_documents, [f.path for f in large], settings=settings, pure=False)
    )
    counts = {f.path: n for f, n in zip(large, counted, strict=True)}
    partitions: list[Partition] = []
    group: list[Piece] = []
    size = 0
    for piece, piece_size in _pieces(files, counts, target):
        if group and (size + piece_size > target or len(group) >= MAX_PIECES):
            partitions.append(Partition(len(partitions), tuple(group)))
            group, size = [], 0
        group.append(piece)
        size += piece_size
    if group:
        partitions.append(Partition(len(partitions), tuple(group)))
    return partitions


def _pieces(
    files: list[InputFile], counts: dict[str, int | None], target: int
) -> Iterator[tuple[Piece, int]]:
    for f in files:
        total = counts.get(f.path)
        if not total:
            yield Piece(f.path, f.source), f.size
            continue
        step = math.ceil(total / math.ceil(f.size / target))
        for first in range(0, total, step):
            last = first + step >= total
            size = f.size * (min(first + step, total) - first) // total
            yield Piece(f.path, f.source, first, None if last else step), size


def count_documents(path: str, settings: Settings) -> int | None:
    """Documents in a JSONL file (lines counted, not parsed); None for any other kind of
    input or one that cannot be read to its end: it stays one partition. Runs on a worker."""
    from newsdump.sources.compress import decompressed, peek
    from newsdump.sources.detect import SNIFF_BYTES, InputKind, sniff_kind
    from newsdump.sources.jsonl import document_lines

    try:
        with _open(path) as raw:
            plain, _ = decompressed(raw, settings.max_decompressed_bytes)
            head, plain = peek(plain, SNIFF_BYTES)
            auto = settings.format == "auto"
            kind = sniff_kind(head) if auto else InputKind(settings.format)
            if kind is not InputKind.JSONL:
                return None
            return sum(1 for _ in document_lines(plain, settings.max_document_bytes))
    except Exception:  # unreadable, corrupt, truncated: the reader reports it
        return None


# --- one partition (worker) ----------------------------------------------------------------


def run_partition(part: Partition, job: Job, output: str | None) -> PartResult:
    """Process one partition as a local run would, and commit its part file. Runs on a worker."""
    stats = Stats()
    errors: list[dict[str, Any]] = []
    written = 0
    sink = PartSink(output, part.index) if output is not None else None
    try:
        for chunk in chunks(partition_items(part, job.settings)):
            for result in process_items(chunk, job):
                if result.error is not None:
                    errors.append(result.error.to_dict())
                    stats.add_error(result.error.error)
                else:
                    stats.add_page(result.records, result.bytes, result.page_words)
                if sink is not None:
                    for record in result.records:
                        sink.write(to_json_line(record))
                    written += len(result.records)
        if sink is not None:
            sink.commit()
    except BaseException:
        if sink is not None:
            sink.abort()
        raise
    return PartResult(part.index, stats, errors, written, sink.path if sink else None)


def partition_items(part: Partition, settings: Settings) -> Iterator[Document | ErrorRecord]:
    """The partition's documents, named as a local run names them."""
    for piece in part.pieces:
        yield from piece_items(piece, settings)


def piece_items(piece: Piece, settings: Settings) -> Iterator[Document | ErrorRecord]:
    from itertools import islice

    from newsdump.sources import iter_path_documents

    if is_url(piece.path):
        items = _url_documents(piece, settings)
    else:
        items = iter_path_documents(piece.path, settings, piece.source, piece.first)
    yield from items if piece.count is None else islice(items, piece.count)


def _url_documents(piece: Piece, settings: Settings) -> Iterator[Document | ErrorRecord]:
    from newsdump.sources import iter_documents

    try:
        raw = _open(piece.path)
    except OSError as exc:
        yield ErrorRecord(piece.source, "unreadable", f"cannot open: {exc.strerror or exc}")
        return
    with raw:
        yield from iter_documents(raw, piece.source, settings, piece.first)


def _open(path: str) -> BinaryIO:
    if not is_url(path):
        return open(path, "rb")
    import fsspec

    handle: BinaryIO = fsspec.open(path, "rb").open()
    return handle


# --- output directory ----------------------------------------------------------------------


class PartSink:
    """Lines to `OUT/part-NNNNN.jsonl.gz` through a temporary name, renamed on commit: a
    retried task replaces the part, and an aborted one leaves only its hidden temporary."""

    def __init__(self, output: str, index: int) -> None:
        self.path = _join(output, PART_NAME.format(index))
        self._local: AtomicFileSink | None = None
        if not is_url(output):
            self._local = AtomicFileSink(self.path)
            return
        import fsspec

        self._tmp = _join(output, f".{PART_NAME.format(index)}.{uuid.uuid4().hex}.tmp")
        self._fs, _ = fsspec.core.url_to_fs(output)
        self._raw: BinaryIO = self._fs.open(self._tmp, "wb")
        self._out = compressor(self._raw, self.path)

    def write(self, line: bytes) -> None:
        if self._local is not None:
            self._local.write(line)
        else:
            self._out.write(line)

    def commit(self) -> None:
        if self._local is not None:
            self._local.commit()
            return
        self._out.close()
        self._raw.close()
        self._fs.mv(self._tmp, self.path)

    def abort(self) -> None:
        if self._local is not None:
            self._local.abort()
            return
        try:
            self._raw.close()
        finally:
            if self._fs.exists(self._tmp):
                self._fs.rm(self._tmp)


def check_output(output: str) -> None:
    """A local output directory can be created (or exists); URLs are not checked."""
    if is_url(output):
        return
    if os.path.exists(output) and not os.path.isdir(output):
        raise ClusterUsage(f"with --cluster, name a directory: {output} is a file", "-o")
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):
        raise ClusterUsage(f"directory does not exist: {parent}", "-o")


def prepare_output(output: str) -> None:
    """Create the directory; a previous run's `_SUCCESS` goes first, then its parts (and the
    temporaries of an interrupted run)."""
    if not is_url(output):
        check_output(output)
        os.makedirs(output, exist_ok=True)
        _remove(output, [SUCCESS])
        _remove(output, [n for n in os.listdir(output) if _is_part(n) or _is_temporary(n)])
        return
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(output)
    fs.makedirs(root, exist_ok=True)
    if fs.exists(_join(root, SUCCESS)):
        fs.rm(_join(root, SUCCESS))
    for name in fs.ls(root, detail=False):
        base = name.rstrip("/").rsplit("/", 1)[-1]
        if _is_part(base) or _is_temporary(base):
            fs.rm(name)


def commit_output(output: str) -> None:
    """Every part is in place: drop the temporaries of lost attempts, write `_SUCCESS`."""
    if not is_url(output):
        _remove(output, [n for n in os.listdir(output) if _is_temporary(n)])
        with open(os.path.join(output, SUCCESS), "wb") as marker:
            marker.flush()
            os.fsync(marker.fileno())
        return
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(output)
    for name in fs.ls(root, detail=False):
        if _is_temporary(name.rstrip("/").rsplit("/", 1)[-1]):
            fs.rm(name)
    fs.touch(_join(root, SUCCESS))


def _is_part(name: str) -> bool:
    return name.startswith("part-") and name.endswith(".jsonl.gz")


def _is_temporary(name: str) -> bool:
    return name.startswith(".part-") and name.endswith(".tmp")


def _remove(directory: str, names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(directory, name))


def _join(directory: str, name: str) -> str:
    return f"{directory.rstrip('/')}/{name}" if is_url(directory) else os.path.join(directory, name)
