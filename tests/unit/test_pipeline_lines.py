"""process_document(..., lines=True): the result `written()` gives, encoded at once (a run that
writes JSON lines never builds the result with the dicts)."""

from __future__ import annotations

from typing import Any

import pytest

from newsdump import pipeline
from newsdump.document import Document, Format
from newsdump.pipeline import process_document
from newsdump.settings import Settings

PAGE = (
    "Home News\n\nTram line to the harbour opens in spring\n\n"
    "By Jane Doe\n\nMarch 3, 2024\n\n"
    "The new tram line links the station with the harbour in eleven minutes, the city said "
    "on Tuesday, and the first cars run in April. “It is fast,” a rider said.\n\n"
    "Tickets cost the same as on the buses, and the old harbour bus stops running.\n\n"
    "More news\n\nCity council votes on the new budget for schools\n\n"
    "Harbour festival returns with boats and music this summer\n"
)

DOCS = [
    Document("page.txt", PAGE),
    Document("page.txt", PAGE, data=PAGE.encode()),
    Document("with-id.txt", PAGE, id="page-1", url="https://example.com/a"),
    Document("short.txt", "x"),
    Document("html.html", "<html><body><p>" + PAGE + "</p></body></html>", format=Format.HTML),
]


@pytest.mark.parametrize("mode", ["extract", "split"])
@pytest.mark.parametrize("count_bytes", [True, False])
@pytest.mark.parametrize("index", range(len(DOCS)))
def test_lines_are_the_written_result(mode: str, count_bytes: bool, index: int) -> None:
    doc = DOCS[index]
    for settings in (Settings(), Settings(boilerplate=True)):
        plain = process_document(doc, settings, mode, False, count_bytes)
        lines = process_document(doc, settings, mode, False, count_bytes, lines=True)
        assert lines == plain.written()
        assert lines.lines is not None and lines.records == []
        assert lines.count == len(plain.records) >= 1


@pytest.mark.parametrize("mode", ["extract", "split"])
def test_a_failure_is_written_too(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("no page here\nsecond line")

    monkeypatch.setattr(pipeline, "analyse_any", broken)
    doc = Document("page.txt", PAGE)
    plain = process_document(doc, Settings(), mode)
    lines = process_document(doc, Settings(), mode, lines=True)
    assert plain.error is not None and plain.error.message == "ValueError: no page here"
    assert lines == plain.written()
    assert (lines.lines, lines.count, lines.bytes) == (b"", 0, len(PAGE.encode()))
    with pytest.raises(ValueError):
        process_document(doc, Settings(), mode, debug=True, lines=True)
