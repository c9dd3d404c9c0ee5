"""A page's word count (for `stats`) is counted only where a run reads it."""

from __future__ import annotations

from newsdump.document import Document, Format
from newsdump.pipeline import DEFAULT_SETTINGS, analyse, process_document

PAGE = (
    "Harbour reopens after the storm\n\n"
    "By Ann Lee\n\n"
    "The harbour reopened on Monday after three days of storm, the port office said.\n\n"
    "Ferries to the islands will run on the winter timetable until Friday.\n"
)


def test_split_counts_the_page_words_when_asked() -> None:
    doc = Document(text=PAGE, source="p.txt", format=Format.TEXT)
    counted = process_document(doc, DEFAULT_SETTINGS, "split")
    unread = process_document(doc, DEFAULT_SETTINGS, "split", count_bytes=False)
    assert counted.page_words == 34
    assert unread.page_words == 0
    assert counted.records == unread.records


def test_the_page_keeps_its_text_for_split_only() -> None:
    assert analyse(PAGE).text == PAGE
    assert analyse(PAGE).text_words == 34
    assert analyse(PAGE, stories=False).text_words == 0


def test_an_html_page_counts_the_words_of_its_text() -> None:
    html = (
        "<html><head><title>Harbour reopens</title></head><body><article>"
        "<h1>Harbour reopens after the storm</h1><p>The harbour reopened on Monday.</p>"
        "</article></body></html>"
    )
    doc = Document(text=html, source="p.html", format=Format.HTML)
    assert process_document(doc, DEFAULT_SETTINGS, "split").page_words == 10
