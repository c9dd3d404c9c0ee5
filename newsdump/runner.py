"""Many inputs → documents → records, in worker processes, in input order, memory bounded.

The main process reads and decompresses (cheap); chunks of documents go to `jobs` worker
processes, at most a few chunks in flight, and results come back in input order. A run with
workers leaves its small regular files (most dumps: one page a file) to them to read: the main
process sends their names (`FileRef`), so that reading and decoding run in parallel too. Of a
larger regular JSONL file it sends where the lines are (`JsonSpans`), and the workers read them.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import hashlib
import io
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, TypeVar

from newsdump.document import Document
from newsdump.pipeline import DocResult, process_document
from newsdump.records import ErrorRecord
from newsdump.settings import Settings
from newsdump.sources import iter_documents, iter_path_documents
from newsdump.sources.jsonl import JsonLine, JsonSpans
from newsdump.sources.read import iter_bytes_documents, iter_path_spans, whole_file

if TYPE_CHECKING:  # imported where used: a plain run needs neither a state nor a process pool
    from concurrent.futures import Future, ProcessPoolExecutor

    from newsdump.state import InputEntry, State

CHUNK_DOCUMENTS = 32  # documents sent to a worker at once
CHUNK_BYTES = 2 * 1024 * 1024  # ... or fewer, when they are large
IN_FLIGHT_PER_JOB = 3  # chunks queued per worker: enough to keep it busy, little memory
GC_YOUNG_THRESHOLD = 10_000  # container objects allocated (net) before a young collection
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs to know; picklable."""

    settings: Settings
    mode: str  # "extract" | "split"
    debug: bool = False
    lines: bool = False  # results carry their records as JSON lines (`DocResult.written`),
    # and no byte count (`DocResult.bytes` is 0: a page with an id need not be encoded)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, as `taskset` or a container's
    cpuset set it), not all the machine's: the default number of workers."""
    if hasattr(os, "sched_getaffinity"):
        with contextlib.suppress(OSError):
            return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


class MissingPath(Exception):
    """An input path does not exist."""


def expand_paths(paths: Iterable[str], glob: str | None = None) -> Iterator[str]:
    """Files in the order given; directories walked recursively in sorted order, hidden
    entries skipped; `-` is stdin. `glob` filters file names inside directories."""
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            yield from _walk(path, glob)
        else:
            yield path


def check_paths(paths: Iterable[str]) -> None:
    for path in paths:
        if path != STDIN and not os.path.lexists(path):
            raise MissingPath(path)


def _walk(top: str, glob: str | None) -> Iterator[str]:
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            st = os.stat(directory)
            if (st.st_dev, st.st_ino) in seen:
                continue  # a symlink loop
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            yield directory  # reported as unreadable by the reader
            continue
        subdirs: list[str] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(entry.path)
            elif (glob is None or fnmatch(entry.name, glob)) and not _is_special(entry):
                yield entry.path
        # files of a directory first, then its subdirectories, all in sorted order
        stack.extend(reversed(subdirs))


def _is_special(entry: os.DirEntry[str]) -> bool:
    """A FIFO, socket or device found in a directory: opening it could block forever, so the
    walk skips it (as `find -type f` would). A broken link is kept: the reader reports it."""
    try:
        if entry.is_file():  # a regular file (or a link to one): mostly without a stat call
            return False
        return not stat.S_ISREG(entry.stat().st_mode)
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class FileRef:
    """A regular file that a worker reads itself: its documents' results take its place. Only
    files of at most `DEFER_FILE_BYTES` are deferred: a larger one (a JSONL or WARC file of many
    pages) is read by the main process, which spreads its documents over the workers."""

    path: str
    size: int
    tracked: bool = False  # a --state run's: its `InputDone` comes after its documents


# A deferred file's documents are one item of a chunk: their results are held in the worker
# until all of them are done, so a deferred file is about as much work as a chunk at most. A
# 128 KiB JSONL file of ~2 KB pages is ~60 documents: the worker's peak RSS grows by ~1 MB (an
# 850 KB one, ~400 documents: by ~11 MB). Single pages (most dumps) are far smaller.
DEFER_FILE_BYTES = 128 * 1024


def iter_inputs(
    paths: Iterable[str], settings: Settings, defer: bool = False
) -> Iterator[Document | ErrorRecord | FileRef | JsonLine | JsonSpans]:
    """The documents of every input, in order; with `defer` (a run with workers), a small
    regular file as a `FileRef` that a worker reads (`read_file`), a larger regular JSONL
    file's documents as `JsonSpans` that a worker reads and parses, and the documents of
    other JSONL inputs (stdin, compressed) as `JsonLine`s that a worker parses."""
    for path in paths:
        if path == STDIN:
            yield from iter_documents(sys.stdin.buffer, STDIN, settings, 0, defer)
            continue
        if defer:
            try:
                st = os.stat(path)
            except OSError:
                pass  # the reader reports it
            else:
                if stat.S_ISREG(st.st_mode) and 0 < st.st_size <= DEFER_FILE_BYTES:
                    yield FileRef(path, st.st_size)
                    continue
                if stat.S_ISREG(st.st_mode):
                    spans = iter_path_spans(
                        path, settings, source_name(path), CHUNK_DOCUMENTS, CHUNK_BYTES
                    )
                    if spans is not None:
                        yield from spans
                        continue
        yield from iter_path_documents(path, settings, source_name(path), 0, defer)


def read_file(ref: FileRef, settings: Settings) -> Iterator[Document | ErrorRecord | InputDone]:
    """The documents of a deferred file: what `iter_inputs` would have read in its place (a
    tracked one's: what `iter_inputs_tracked` would have, its `InputDone` included)."""
    if ref.tracked:
        return read_tracked(ref.path, settings)  # type: ignore[return-value] # (not lazy)
    return iter_path_documents(ref.path, settings, source=source_name(ref.path))


def source_name(path: str) -> str:
    """A path as the `source` field shows it: valid UTF-8 whatever bytes the name holds."""
    return os.fsencode(path).decode("utf-8", errors="replace")


@dataclass(frozen=True, slots=True)
class InputDone:
    """Marks, in the stream of results, that every document of one input came before it.
    `sha256` is None for an input that is not to be recorded (stdin, unreadable)."""

    path: str
    size: int = 0
    mtime_ns: int = 0
    sha256: str | None = None
    refresh: InputEntry | None = None  # unchanged content, moved mtime: record this, skip

    def entry(self, documents: int, records: int, errors: int) -> InputEntry | None:
        from newsdump.state import InputEntry, now_iso

        if self.refresh is not None:
            return self.refresh
        if self.sha256 is None:
            return None
        return InputEntry(
            source_name(os.path.abspath(self.path)), self.size, self.mtime_ns, self.sha256,
            now_iso(), documents, records, errors,
        )  # fmt: skip


Item = Document | ErrorRecord | InputDone | FileRef | JsonLine | JsonSpans
REMEMBER_READ_FILES = 65536  # a file named twice within this many new inputs is read once
Result = DocResult | InputDone


def iter_inputs_tracked(
    paths: Iterable[str],
    settings: Settings,
    state: State,
    own: Iterable[str] = (),
    defer: bool = False,
) -> Iterator[Item]:
    """Documents of the inputs that `state` does not record as processed as they are now, each
    input followed by its `InputDone` (which carries the size, mtime and hash read before and
    while reading it). stdin, pipes and devices are read every time, never recorded. The run's
    `own` files (its output, the state and its journal) are never read as inputs, and a file
    named twice (or reached through a link) is read once. With `defer` (a run with workers),
    a small regular file comes as a tracked `FileRef`, which a worker reads and hashes, and
    JSONL documents come as `JsonLine`s, parsed by the workers."""
    from newsdump.state import InputEntry

    own_ids = set()
    for path in own:
        with contextlib.suppress(OSError):
            st = os.stat(path)
            own_ids.add((st.st_dev, st.st_ino))
    read: dict[tuple[int, int], None] = {}  # files read in this run, the latest few (bounded)
    for path in paths:
        if path == STDIN:
            yield from iter_documents(sys.stdin.buffer, STDIN, settings, 0, defer)
            yield InputDone(STDIN)
            continue
        try:
            st = os.stat(path)  # before opening: a rerun skips most files without opening them
        except OSError as exc:
            message = f"cannot open: {exc.strerror or exc}"
            yield ErrorRecord(source_name(path), "unreadable", message)
            yield InputDone(path)
            continue
        file_id = (st.st_dev, st.st_ino)
        if file_id in own_ids or file_id in read:
            continue  # the run's own file, or one this run has read already
        if stat.S_ISREG(st.st_mode):
            seen = state.unchanged(path, st)
            if seen is True:
                continue
            if isinstance(seen, InputEntry):
                yield InputDone(path, refresh=seen)
                continue
            read[file_id] = None
            if len(read) > REMEMBER_READ_FILES:
                del read[next(iter(read))]
            if defer and 0 < st.st_size <= DEFER_FILE_BYTES:
                yield FileRef(path, st.st_size, tracked=True)  # read and hashed by a worker
                continue
        yield from read_tracked(path, settings, defer)


def read_tracked(
    path: str, settings: Settings, lazy: bool = False
) -> Iterator[Document | ErrorRecord | JsonLine | InputDone]:
    """The documents of one input of a `--state` run, then its `InputDone`, which carries the
    size and mtime of what was read and the SHA-256 of its bytes (None for a pipe or an
    unreadable file: not recorded). With `lazy`, JSONL documents come as `JsonLine`s."""
    from newsdump.state import HashingReader

    source = source_name(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield ErrorRecord(source, "unreadable", f"cannot open: {exc.strerror or exc}")
        yield InputDone(path)
        return
    with handle:
        st = os.fstat(handle.fileno())  # what is read (it may have been replaced since)
        if not stat.S_ISREG(st.st_mode):  # a pipe: read it, it cannot be recorded
            yield from iter_documents(handle, source, settings, 0, lazy)
            yield InputDone(path)
            return
        try:  # a small file (most dumps) read whole, as iter_path_documents does
            data = whole_file(handle.fileno(), st)
        except OSError:
            data = None  # read as a stream below, which reports the error
        if data is not None:
            yield from iter_bytes_documents(data, source, settings, lazy)
            yield InputDone(path, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())
            return
        reader = HashingReader(handle)
        buffered = io.BufferedReader(reader, 1 << 16)
        yield from iter_documents(buffered, source, settings, 0, lazy)
        try:
            sha256: str | None = reader.finish()
        except OSError:
            sha256 = None
        yield InputDone(path, st.st_size, st.st_mtime_ns, sha256)


def process_items(items: list[Document | ErrorRecord], job: Job) -> list[DocResult]:
    """A chunk of documents (read errors pass through). Runs in a worker process."""
    with _Chunk(job):
        return [_process_item(item, job) for item in items]


def process_marked(items: list[Item], job: Job) -> list[Result]:
    """`process_items`, where `InputDone` markers pass through in place and a `FileRef` is read
    here, its documents' results in its place."""
    with _Chunk(job):
        results: list[Result] = []
        for item in items:
            if isinstance(item, InputDone):
                results.append(item)
            elif isinstance(item, FileRef):
                results += _file_results(item, job)
            elif isinstance(item, JsonSpans):
                results += [_process_item(line, job) for line in item.read()]
            else:
                results.append(_process_item(item, job))
        return results


def _file_results(ref: FileRef, job: Job) -> list[Result]:
    """A deferred file's documents' results (and a tracked one's `InputDone`), in order."""
    return [
        doc if isinstance(doc, InputDone) else _process_item(doc, job)
        for doc in read_file(ref, job.settings)
    ]


def _process_item(item: Document | ErrorRecord | JsonLine, job: Job) -> DocResult:
    if isinstance(item, JsonLine):
        item = item.parse()
    if isinstance(item, ErrorRecord):
        return DocResult(item.source, error=item)
    result = process_with_limits(item, job)  # (written, with `job.lines`, but a timeout's)
    if not _HEAP.settled:
        _HEAP.settle()
    return result.written() if job.lines and result.lines is None else result


class DocumentTimeout(BaseException):
    """The document took longer than the configured timeout.

    A BaseException, so that the pipeline's per-document `except Exception` lets it through."""


def process_with_limits(doc: Document, job: Job) -> DocResult:
    """`process_document` under `settings.timeout`: past it, an error record of kind "timeout".
    A SIGALRM timer interrupts Python code; in a worker process, a hard limit (twice the
    timeout, plus a grace) ends the process itself when C code does not give way, and the
    runner reports that document as `worker_died`."""
    counted, lines = not job.lines, job.lines  # a run that writes the lines counts no bytes
    if not _timed(job):
        return process_document(doc, job.settings, job.mode, job.debug, counted, lines)
    timeout = job.settings.timeout
    in_worker = _in_worker()
    installed = _ALARM.install()  # False inside a chunk (or a -j 1 run), which installed it
    try:
        if in_worker:
            _HARD_LIMIT.arm(timeout * 2 + HARD_TIMEOUT_GRACE)
        _ALARM.start(timeout)
        result = process_document(doc, job.settings, job.mode, job.debug, counted, lines)
        _ALARM.armed = False
        return result
    except DocumentTimeout:
        _ALARM.armed = False
        message = f"processing took longer than {timeout:g} s (--timeout)"
        error = ErrorRecord(doc.source, "timeout", message, stage="extract")
        return DocResult(doc.source, error=error, bytes=len(doc.text))
    finally:
        _ALARM.armed = False
        if installed:
            _ALARM.uninstall()  # (and its timer stopped)
        if in_worker:
            _HARD_LIMIT.done()


def _timed(job: Job) -> bool:
    """Documents run under a SIGALRM timer: a timeout is set, and this thread gets signals."""
    return (
        job.settings.timeout > 0
        and not job.debug
        and threading.current_thread() is threading.main_thread()
        and hasattr(signal, "setitimer")
    )


class _Alarm:
    """SIGALRM's handler for timed documents: it raises DocumentTimeout while one is processed
    (`armed`) past its deadline, and does nothing between documents. A chunk (or a -j 1 run)
    installs it once for its documents: signal.signal, with its enum conversions, cost ~14 µs
    a page, twice a page.

    The timer (ITIMER_REAL) is not set and stopped around every document (two setitimer
    calls a page): a document notes its deadline, and sets the timer only when none is set
    to fire by then. A timer set for an earlier document thus fires early, and the handler
    sets it again for the time this one has left (about once a timeout's time in a long run);
    one that fires between documents is stopped. A document still times out at its own
    deadline, as when each set its own timer. Uninstalling stops the timer."""

    def __init__(self) -> None:
        self.armed = False
        self.installed = False
        self.previous: Any = None  # the handler ours replaced, while ours is installed
        self.deadline = 0.0  # time.monotonic() past which the armed document times out
        self.fires: float | None = None  # when the timer set fires (None: it is not set)

    def start(self, timeout: float) -> None:
        """Time a document: it times out `timeout` seconds from now."""
        now = time.monotonic()
        self.deadline = now + timeout
        self.armed = True
        fires = self.fires
        if fires is None or fires > self.deadline:
            self._set(timeout, now)

    def _set(self, seconds: float, now: float) -> None:
        signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)  # fires again if swallowed once
        self.fires = now + seconds

    def stop(self) -> None:
        """Stop the timer (if it is set)."""
        if self.fires is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self.fires = None

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if not self.armed:  # between documents: nothing to time
            self.stop()
            return
        now = time.monotonic()
        left = self.deadline - now
        if left > 0:  # set for an earlier document: this one has time left
            self._set(max(left, 1e-6), now)
            return
        self.fires = now + 1.0  # (the timer's interval)
        raise DocumentTimeout()

    def install(self) -> bool:
        """Install the handler; False if it already was (its installer restores the old)."""
        if self.installed:
            return False
        self.previous = signal.signal(signal.SIGALRM, self.handle)
        self.installed = True
        return True

    def uninstall(self) -> None:
        self.stop()
        signal.signal(signal.SIGALRM, self.previous)
        self.previous, self.installed = None, False

    def forked(self) -> None:
        """In a child process: the parent's timer is not the child's (fork does not copy it)."""
        self.fires = None


_ALARM = _Alarm()  # one per process, as _HARD_LIMIT
if hasattr(os, "register_at_fork"):  # (POSIX)
    os.register_at_fork(after_in_child=_ALARM.forked)


class _Chunk:
    """`with _Chunk(job):` documents processed together: they share one arming of the hard
    limit (in a worker) and one installation of the alarm handler (when timed)."""

    __slots__ = ("alarm", "job")

    def __init__(self, job: Job) -> None:
        self.job = job
        self.alarm = False

    def __enter__(self) -> None:
        _HARD_LIMIT.__enter__()
        self.alarm = _timed(self.job) and _ALARM.install()

    def __exit__(self, *exc: object) -> None:
        _HARD_LIMIT.__exit__()
        if self.alarm:
            _ALARM.uninstall()


def _in_worker() -> bool:
    """This process is a multiprocessing child (a pool's worker, a Dask worker). A process
    that never imported multiprocessing is none: a child has it (forked or spawned by it)."""
    mp = sys.modules.get("multiprocessing")
    return mp is not None and mp.parent_process() is not None


HARD_TIMEOUT_GRACE = 10.0  # seconds past twice the timeout before a stuck worker ends itself


class _HardLimit:
    """A worker's watchdog: faulthandler's timer (a C thread, it fires even while C code holds
    the GIL) ends the process when a document runs past its hard limit. Arming it starts a
    thread (~50 µs); within a chunk, a document arms it again only when less than its limit,
    minus a quarter of the grace, is left, so a chunk of quick documents starts one thread,
    and a document gets at least its limit minus a quarter of the grace. The chunk's end (or
    a document's, outside a chunk) disarms it: an idle worker is never ended."""

    def __init__(self) -> None:
        self.deadline: float | None = None  # time.monotonic() at which the armed timer fires
        self.in_chunk = False

    def arm(self, seconds: float) -> None:
        now = time.monotonic()
        slack = min(HARD_TIMEOUT_GRACE, seconds) / 4
        if self.deadline is None or self.deadline - now < seconds - slack:
            faulthandler.dump_traceback_later(seconds, exit=True, file=_devnull())
            self.deadline = now + seconds

    def done(self) -> None:
        if not self.in_chunk:
            self.cancel()

    def cancel(self) -> None:
        if self.deadline is not None:
            faulthandler.cancel_dump_traceback_later()
            self.deadline = None

    def chunk(self) -> _HardLimit:
        """`with limit.chunk():` (a class, not a generator: -j 1 enters it once a page)."""
        return self

    def __enter__(self) -> None:
        self.in_chunk = True

    def __exit__(self, *exc: object) -> None:
        self.in_chunk = False
        self.cancel()


_HARD_LIMIT = _HardLimit()  # one per process: a forked worker has its own


class _Heap:
    """The cyclic garbage collector, set once a process has run its first document. By then
    the models, stopword tables and compiled patterns are loaded, and they live as long as the
    process: `gc.freeze()` takes them out of the collector's generations, so that its full
    collections no longer walk them. A page's objects hardly ever form cycles (they are freed
    by their reference counts), and a page allocates a few thousand containers: the young
    generation's threshold is raised so that collections run between pages rather than within
    each (both: ~2 % fewer cache misses and ~1 % fewer instructions a page, cachegrind)."""

    def __init__(self) -> None:
        self.settled = False

    def settle(self) -> None:
        self.settled = True
        gc.freeze()
        young, *older = gc.get_threshold()
        if 0 < young < GC_YOUNG_THRESHOLD:  # (0: collection disabled by the embedding program)
            gc.set_threshold(GC_YOUNG_THRESHOLD, *older)


_HEAP = _Heap()  # one per process, as _HARD_LIMIT
_DEVNULL: list[IO[str]] = []


def _devnull() -> IO[str]:
    if not _DEVNULL:
        _DEVNULL.append(open(os.devnull, "w"))  # noqa: SIM115 - kept for the process's life
    return _DEVNULL[0]


T = TypeVar("T")


def chunks(items: Iterable[T]) -> Iterator[list[T]]:
    """Items in lists of about CHUNK_DOCUMENTS documents or CHUNK_BYTES (a `JsonSpans`
    counts its documents and their bytes)."""
    chunk: list[T] = []
    size = documents = 0
    for item in items:
        chunk.append(item)
        documents += 1
        if isinstance(item, Document):
            size += len(item.text)
        elif isinstance(item, FileRef):
            size += item.size
        elif isinstance(item, JsonLine):
            size += len(item.line)
        elif isinstance(item, JsonSpans):
            size += sum(item.lengths)
            documents += len(item.offsets) - 1
        if documents >= CHUNK_DOCUMENTS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size, documents = [], 0, 0
    if chunk:
        yield chunk


def run(
    items: Iterable[Document | ErrorRecord | FileRef | JsonLine | JsonSpans], job: Job, jobs: int
) -> Iterator[DocResult]:
    """Results for every item, in input order."""
    for result in run_items(items, job, jobs):
        if isinstance(result, DocResult):
            yield result


def run_items(items: Iterable[Item], job: Job, jobs: int) -> Iterator[Result]:
    """Results for every item, in input order; `InputDone` markers pass through in place."""
    if jobs <= 1:
        with _Chunk(job):  # the run is one chunk: results still come one at a time
            for item in items:
                if isinstance(item, FileRef):
                    for doc in read_file(item, job.settings):
                        yield doc if isinstance(doc, InputDone) else _process_item(doc, job)
                elif isinstance(item, JsonSpans):
                    for line in item.read():
                        yield _process_item(line, job)
                else:
                    yield item if isinstance(item, InputDone) else _process_item(item, job)
        return
    yield from _run_parallel(chunks(items), job, jobs)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process (which ends them), and die with it (Linux: even
    when it is SIGKILLed). SIGTERM ends them (not the handler inherited from the main process):
    the pool ends the workers of a broken pool with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before prctl
            os._exit(1)


class _Workers:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.jobs, initializer=_worker_init)

    def submit(self, chunk: list[Item], job: Job) -> Future[list[Result]]:
        """The chunk's future. A pool that broke since the last call (a worker died while the
        results before were read) refuses new work: the chunk then gets a future that failed
        with BrokenProcessPool, so the caller runs it again like the others in flight."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.pool.submit(process_marked, chunk, job)
        except BrokenProcessPool as exc:
            failed: Future[list[Result]] = Future()
            failed.set_exception(exc)
            return failed

    def renew(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new()

    def close(self, kill: bool) -> None:
        if kill:  # interrupted: do not wait for the documents in progress
            processes: dict[int, Any] = getattr(self.pool, "_processes", None) or {}
            for process in list(processes.values()):
                with contextlib.suppress(OSError, AttributeError, ValueError):
                    process.kill()
            # A worker killed while it wrote a result leaves half a message in the results'
            # pipe, and the pool's manager thread would wait for the rest forever: this
            # process holds the pipe's write end too (CPython 3.11). Closed, the pipe ends
            # once the workers are gone, and the thread sees the pool as broken and stops.
            results = getattr(self.pool, "_result_queue", None)
            with contextlib.suppress(OSError, AttributeError):
                results._writer.close()  # type: ignore[union-attr]
        # wait for the pool's manager thread: left running, it races the interpreter's exit
        # hook and prints "Exception ignored ... Bad file descriptor" (CPython 3.11)
        self.pool.shutdown(wait=True, cancel_futures=True)


def _run_parallel(work: Iterator[list[Item]], job: Job, jobs: int) -> Iterator[Result]:
    from concurrent.futures.process import BrokenProcessPool

    workers = _Workers(jobs)
    pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    finished = False
    try:
        while True:
            while len(pending) < jobs * IN_FLIGHT_PER_JOB:
                chunk = next(work, None)
                if chunk is None:
                    break
                pending.append((chunk, workers.submit(chunk, job)))
            if not pending:
                finished = True
                return
            chunk, future = pending[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                # a worker died (killed, out of memory, stuck past the hard timeout): which
                # chunk killed it is unknown, so the chunks in flight run again one at a time
                suspects = list(pending)
                pending.clear()
                workers.renew()
                for suspect, old in suspects:
                    if old.done() and not old.cancelled() and old.exception() is None:
                        yield from old.result()
                    else:
                        yield from _isolated(suspect, job, workers)
                continue
            pending.popleft()
            yield from results
    finally:
        workers.close(kill=not finished)


def _isolated(chunk: list[Item], job: Job, workers: _Workers) -> Iterator[Result]:
    """Run a chunk alone; if it kills its worker again, run its documents one by one, and
    report the one that kills its worker as `worker_died`. (A deferred file, or `JsonSpans`,
    that kills its worker is read here, and its documents run one by one.)"""
    from concurrent.futures.process import BrokenProcessPool

    try:
        results = workers.submit(chunk, job).result()
    except BrokenProcessPool:
        workers.renew()
        if len(chunk) == 1 and isinstance(chunk[0], FileRef):
            for doc in read_file(chunk[0], job.settings):
                if isinstance(doc, InputDone):
                    yield doc
                else:
                    yield from _isolated([doc], job, workers)
        elif len(chunk) == 1 and isinstance(chunk[0], JsonSpans):
            for line in chunk[0].read():
                yield from _isolated([line], job, workers)
        elif len(chunk) == 1:
            yield from _worker_died(chunk)
        else:
            for item in chunk:
                yield from _isolated([item], job, workers)
        return
    yield from results


def _worker_died(chunk: Iterable[Item]) -> Iterator[Result]:
    for item in chunk:
        if isinstance(item, JsonSpans):
            yield from _worker_died(item.read())
            continue
        if isinstance(item, JsonLine):
            item = item.parse()
        if isinstance(item, InputDone):
            yield item
        elif isinstance(item, ErrorRecord):
            yield DocResult(item.source, error=item)
        else:  # (a deferred file's or JsonSpans' documents are isolated one by one before)
            source, size = (
                (source_name(item.path), item.size)
                if isinstance(item, FileRef)
                else (item.source, len(item.text))
            )
            message = "the worker process died while processing this document"
            error = ErrorRecord(source, "worker_died", message, stage="extract")
            yield DocResult(source, error=error, bytes=size)
