"""Many inputs → documents → records, in worker processes, in input order, memory bounded.

The main process reads and decompresses (cheap); chunks of documents go to `jobs` worker
processes, at most a few chunks in flight, and results come back in input order.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from fnmatch import fnmatch

from newsdump.document import Document
from newsdump.pipeline import DocResult, process_document
from newsdump.records import ErrorRecord
from newsdump.settings import Settings
from newsdump.sources import iter_documents, iter_path_documents

CHUNK_DOCUMENTS = 32  # documents sent to a worker at once
CHUNK_BYTES = 2 * 1024 * 1024  # ... or fewer, when they are large
IN_FLIGHT_PER_JOB = 3  # chunks queued per worker: enough to keep it busy, little memory
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs to know; picklable."""

    settings: Settings
    mode: str  # "extract" | "split"
    debug: bool = False


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
            elif glob is None or fnmatch(entry.name, glob):
                yield entry.path
        # files of a directory first, then its subdirectories, all in sorted order
        stack.extend(reversed(subdirs))


def iter_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Document | ErrorRecord]:
    for path in paths:
        if path == STDIN:
            yield from iter_documents(sys.stdin.buffer, STDIN, settings)
        else:
            yield from iter_path_documents(path, settings)


def process_items(items: list[Document | ErrorRecord], job: Job) -> list[DocResult]:
    """A chunk of documents (read errors pass through). Runs in a worker process."""
    out: list[DocResult] = []
    for item in items:
        if isinstance(item, ErrorRecord):
            out.append(DocResult(item.source, error=item))
        else:
            out.append(process_document(item, job.settings, job.mode, job.debug))
    return out


def chunks(items: Iterable[Document | ErrorRecord]) -> Iterator[list[Document | ErrorRecord]]:
    chunk: list[Document | ErrorRecord] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run(items: Iterable[Document | ErrorRecord], job: Job, jobs: int) -> Iterator[DocResult]:
    """Results for every item, in input order."""
    if jobs <= 1:
        for item in items:
            yield from process_items([item], job)
        return
    yield from _run_parallel(chunks(items), job, jobs)


def _run_parallel(
    work: Iterator[list[Document | ErrorRecord]], job: Job, jobs: int
) -> Iterator[DocResult]:
    pool = ProcessPoolExecutor(max_workers=jobs)
    # (chunk, future, tries): a chunk whose worker died is tried once more in a new pool
    pending: deque[tuple[list[Document | ErrorRecord], Future[list[DocResult]], int]] = deque()
    try:
        while True:
            while len(pending) < jobs * IN_FLIGHT_PER_JOB:
                chunk = next(work, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(process_items, chunk, job), 1))
            if not pending:
                return
            chunk, future, tries = pending[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                # a worker died (killed, out of memory): start a new pool, resubmit what was
                # in flight; a chunk that breaks a pool twice is reported, the run goes on
                pool.shutdown(wait=True, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs)
                pending.popleft()
                if tries >= 2:
                    yield from _worker_died(chunk)
                else:
                    pending.appendleft((chunk, future, tries))
                retried = [(c, pool.submit(process_items, c, job), t + 1) for c, _, t in pending]
                pending = deque(retried)
                continue
            pending.popleft()
            yield from results
    finally:
        # wait for the pool's manager thread: left running, it races the interpreter's exit
        # hook and prints "Exception ignored ... Bad file descriptor" (CPython 3.11)
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_died(chunk: list[Document | ErrorRecord]) -> Iterator[DocResult]:
    for item in chunk:
        if isinstance(item, ErrorRecord):
            yield DocResult(item.source, error=item)
        else:
            message = "the worker process died while processing this document's chunk"
            error = ErrorRecord(item.source, "worker_died", message, stage="extract")
            yield DocResult(item.source, error=error)
