"""The SQLite record of what was processed, for incremental (cron) runs.

A state file remembers, for every input file a run finished: its path, size, mtime, content hash,
when, and how many records and errors it produced. It also remembers, for every output file, how
many bytes of it are covered by committed entries. A run appends records to the output, and
commits (in batches) only after the output is flushed and fsynced; a restarted run first cuts the
output back to the committed length. So a run killed at any moment and started again yields every
document exactly once.

    >>> with State.open("news.state", mode="extract") as state:  # doctest: +SKIP
    ...     state.unchanged("/dumps/a.txt", os.stat("/dumps/a.txt"))
    False

No CLI, no printing: the command line turns `StateError`s into one-line messages.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, BinaryIO

SCHEMA_VERSION = 1
LOCK_WAIT_SECONDS = 5.0  # a second run on the same state waits this long, then gives up
LOCK_POLL_SECONDS = 0.1
HASH_BLOCK = 1 << 20
COMMIT_EVERY_FILES = 500  # commit the state after this many finished inputs ...
COMMIT_EVERY_SECONDS = 2.0  # ... or this long after the last commit, whichever comes first

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (
    path BLOB PRIMARY KEY,        -- absolute path, as the file system's bytes
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    processed_at TEXT NOT NULL,   -- UTC, ISO 8601
    documents INTEGER NOT NULL,
    records INTEGER NOT NULL,
    errors INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS outputs (
    path BLOB PRIMARY KEY,        -- absolute path of an -o file
    length INTEGER NOT NULL,      -- bytes of it covered by committed inputs
    updated_at TEXT NOT NULL
);
"""


class StateError(Exception):
    """The state file cannot be used."""

    kind = "state_error"


class StateLocked(StateError):
    """Another run holds the state (or the output)."""

    kind = "state_locked"


@dataclass(frozen=True, slots=True)
class InputEntry:
    """One finished input file, as the state remembers it."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    processed_at: str
    documents: int = 0
    records: int = 0
    errors: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "sha256": self.sha256,
            "processed_at": self.processed_at,
            "documents": self.documents,
            "records": self.records,
            "errors": self.errors,
        }


def path_key(path: str) -> bytes:
    """The key of a path: absolute, as bytes (names need not be valid UTF-8)."""
    return os.fsencode(os.path.abspath(path))


def display(path: bytes | str) -> str:
    """A path as valid text (undecodable bytes become U+FFFD)."""
    raw = os.fsencode(path) if isinstance(path, str) else path
    return raw.decode("utf-8", errors="replace")


def file_hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def lock_file(fd: int, what: str, wait: float = LOCK_WAIT_SECONDS) -> None:
    """An exclusive flock on `fd`, waiting up to `wait` seconds; else `StateLocked`."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StateLocked(f"{what} is in use by another newsdump run") from None
            time.sleep(LOCK_POLL_SECONDS)


class State:
    """An open state file. `open(..., lock=True)` holds an exclusive lock until `close`."""

    def __init__(self, path: str, conn: sqlite3.Connection, lock_fd: int | None) -> None:
        self.path = path
        self._conn = conn
        self._lock_fd = lock_fd

    @classmethod
    def open(
        cls,
        path: str,
        mode: str | None = None,
        lock: bool = True,
        create: bool = True,
        wait: float = LOCK_WAIT_SECONDS,
    ) -> State:
        """Open (or create) a state; `mode` ("extract"/"split") must match the one it was made
        with. With `lock`, a second run on the same state waits `wait` seconds, then fails."""
        if not create and not os.path.exists(path):
            raise StateError(f"no such state file: {path}")
        lock_fd: int | None = None
        if lock:
            try:
                lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StateError(f"cannot open state {path}: {exc.strerror or exc}") from None
            try:
                lock_file(lock_fd, f"state {path}", wait)
            except BaseException:
                os.close(lock_fd)
                raise
        try:
            conn = sqlite3.connect(path, timeout=wait, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL is enough: a commit lost to a power cut rolls the state back to an older
            # commit, and the output is cut back to the length that commit recorded
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(SCHEMA)
            state = cls(path, conn, lock_fd)
            state._check_meta(mode)
        except sqlite3.DatabaseError as exc:
            if lock_fd is not None:
                os.close(lock_fd)
            raise StateError(f"{path} is not a newsdump state ({exc})") from None
        except BaseException:
            if lock_fd is not None:
                os.close(lock_fd)
            raise
        return state

    def _check_meta(self, mode: str | None) -> None:
        meta = self.meta()
        version = meta.get("schema")
        if version is not None and version != str(SCHEMA_VERSION):
            raise StateError(f"{self.path}: state schema {version}, expected {SCHEMA_VERSION}")
        made_by = meta.get("mode")
        if mode is not None and made_by is not None and made_by != mode:
            raise StateError(
                f"{self.path} was made by `{made_by}`; use another state file for `{mode}`"
            )
        if mode is not None and made_by is None:
            with self._transaction():
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )
                self._conn.execute("INSERT OR REPLACE INTO meta VALUES ('mode', ?)", (mode,))
                self._conn.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('created_at', ?)", (now_iso(),)
                )

    def meta(self) -> dict[str, str]:
        return {k: v for k, v in self._conn.execute("SELECT key, value FROM meta")}

    def close(self) -> None:
        self._conn.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = None

    def __enter__(self) -> State:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # what was processed

    def entry(self, path: str) -> InputEntry | None:
        row = self._conn.execute(
            "SELECT path, size, mtime_ns, sha256, processed_at, documents, records, errors "
            "FROM inputs WHERE path = ?",
            (path_key(path),),
        ).fetchone()
        return None if row is None else InputEntry(display(row[0]), *row[1:])

    def unchanged(self, path: str, st: os.stat_result) -> bool | InputEntry:
        """True when `path` was processed as it is now: same size and mtime, or (when only the
        mtime moved) the same content. Returns the refreshed entry to record in that case."""
        old = self.entry(path)
        if old is None or old.size != st.st_size:
            return False
        if old.mtime_ns == st.st_mtime_ns:
            return True
        try:
            same = file_hash(path) == old.sha256
        except OSError:
            return False
        if not same:
            return False
        return InputEntry(
            old.path, st.st_size, st.st_mtime_ns, old.sha256, old.processed_at,
            old.documents, old.records, old.errors,
        )  # fmt: skip

    def entries(self) -> Iterator[InputEntry]:
        cursor = self._conn.execute(
            "SELECT path, size, mtime_ns, sha256, processed_at, documents, records, errors "
            "FROM inputs ORDER BY path"
        )
        for row in cursor:
            yield InputEntry(display(row[0]), *row[1:])

    def output_length(self, output: str) -> int | None:
        row = self._conn.execute(
            "SELECT length FROM outputs WHERE path = ?", (path_key(output),)
        ).fetchone()
        return None if row is None else int(row[0])

    def outputs(self) -> list[tuple[str, int, str]]:
        rows = self._conn.execute("SELECT path, length, updated_at FROM outputs ORDER BY path")
        return [(display(p), int(n), str(t)) for p, n, t in rows]

    def commit(
        self, done: list[tuple[str, InputEntry]], output: str | None, length: int | None
    ) -> None:
        """Record finished inputs (and the output length that covers their records) in one
        transaction. Call only after the output is flushed and fsynced."""
        with self._transaction():
            self._conn.executemany(
                "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        path_key(path),
                        e.size,
                        e.mtime_ns,
                        e.sha256,
                        e.processed_at,
                        e.documents,
                        e.records,
                        e.errors,
                    )
                    for path, e in done
                ],
            )
            if output is not None and length is not None:
                self._conn.execute(
                    "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?)",
                    (path_key(output), length, now_iso()),
                )

    def forget(self, path: str) -> int:
        """Forget an input (or every input under a directory); returns how many."""
        key = path_key(path)
        prefix = key.rstrip(b"/") + b"/"
        with self._transaction():
            cursor = self._conn.execute(
                "DELETE FROM inputs WHERE path = ? OR substr(path, 1, ?) = ?",
                (key, len(prefix), prefix),
            )
        return int(cursor.rowcount)

    def summary(self) -> dict[str, Any]:
        row = self._conn.execute(
            "SELECT count(*), coalesce(sum(size), 0), coalesce(sum(documents), 0), "
            "coalesce(sum(records), 0), coalesce(sum(errors), 0), min(processed_at), "
            "max(processed_at) FROM inputs"
        ).fetchone()
        meta = self.meta()
        return {
            "state": self.path,
            "mode": meta.get("mode"),
            "created_at": meta.get("created_at"),
            "inputs": row[0],
            "bytes": row[1],
            "documents": row[2],
            "records": row[3],
            "errors": row[4],
            "first_processed": row[5],
            "last_processed": row[6],
            "outputs": [{"path": p, "length": n, "updated_at": t} for p, n, t in self.outputs()],
        }

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn, self.path)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on an exception); SQLite's errors (a full disk, a
    read-only file) become `StateError`."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self._path = path

    def __enter__(self) -> None:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StateError(f"cannot update the state {self._path}: {exc}") from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            try:
                self._conn.execute("COMMIT")
                return
            except sqlite3.Error as error:
                exc = error
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StateError(f"cannot update the state {self._path}: {exc}") from None


class HashingReader(io.RawIOBase):
    """Passes reads through from `raw` and hashes what went by; `finish` reads the rest."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        data = self._raw.read(len(view))
        n = len(data)
        view[:n] = data
        self._digest.update(data)
        return n

    def finish(self) -> str:
        """The hash of the whole stream (what was not read yet is read now)."""
        while block := self._raw.read(HASH_BLOCK):
            self._digest.update(block)
        return self._digest.hexdigest()
