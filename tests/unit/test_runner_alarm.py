"""The per-document timer: set once for many documents, yet each times out at its own deadline."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from typing import Any

import pytest

from newsdump import runner
from newsdump.document import Document
from newsdump.pipeline import DocResult, process_document
from newsdump.runner import Job
from newsdump.settings import Settings

TEXT = "A short invented page.\n\nIts one paragraph, long enough to be a paragraph.\n"


def sleepy(delays: dict[str, float]) -> Any:
    def process(doc: Document, settings: Settings, mode: str, *args: Any) -> Any:
        time.sleep(delays.get(doc.source, 0.0))
        return process_document(doc, settings, mode, *args)

    return process


def outcome(results: Iterator[Any]) -> list[tuple[str, str | None]]:
    return [(r.source, r.error and r.error.error) for r in results if isinstance(r, DocResult)]


def test_many_documents_set_the_timer_once_and_the_run_stops_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[float, ...]] = []
    real = signal.setitimer

    def counted(which: int, seconds: float, interval: float = 0.0) -> Any:
        calls.append((seconds, interval))
        return real(which, seconds, interval)

    monkeypatch.setattr(runner.signal, "setitimer", counted)
    before = signal.getsignal(signal.SIGALRM)
    job = Job(Settings(timeout=30.0), "extract", lines=True)
    docs = [Document(f"p{n}.txt", TEXT) for n in range(5)]
    assert outcome(runner.run_items(docs, job, 1)) == [(d.source, None) for d in docs]
    assert calls == [(30.0, 1.0), (0, 0.0)]  # set by the first document, stopped at the end
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
    calls.clear()
    runner.process_with_limits(docs[0], job)  # alone: set and stopped for it
    assert calls == [(30.0, 1.0), (0, 0.0)]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_each_document_gets_its_whole_timeout_though_the_timer_is_older(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The timer set for `a` fires while `b` and `c` run, each within its own 0.6 s: neither
    times out (the handler sets the timer again for the time left); `slow` does, at its own
    deadline, and `d` after it does not."""
    delays = {"b.txt": 0.4, "c.txt": 0.4, "slow.txt": 5.0}
    monkeypatch.setattr(runner, "process_document", sleepy(delays))
    job = Job(Settings(timeout=0.6), "extract")
    names = ["a.txt", "b.txt", "c.txt", "slow.txt", "d.txt"]
    started = time.monotonic()
    got = outcome(runner.run_items([Document(n, TEXT) for n in names], job, 1))
    took = time.monotonic() - started
    assert got == [(n, "timeout" if n == "slow.txt" else None) for n in names]
    assert 1.4 < took < 4.0  # b, c and slow's 0.6 s, not slow's 5 s
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_timer_that_fires_between_documents_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents that come slowly (a pipe): the timer fires between them, the handler stops
    it, and the next document sets it again; none times out."""
    job = Job(Settings(timeout=0.2), "extract")

    def slowly() -> Iterator[Document]:
        for name in ("a.txt", "b.txt", "c.txt"):
            yield Document(name, TEXT)
            time.sleep(0.35)

    got = outcome(runner.run_items(slowly(), job, 1))
    assert got == [("a.txt", None), ("b.txt", None), ("c.txt", None)]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_forked_child_sets_its_own_timer() -> None:
    """fork does not copy the timer: a child forgets the parent's."""
    alarm = runner._Alarm()
    alarm.fires = 123.0
    alarm.forked()
    assert alarm.fires is None
