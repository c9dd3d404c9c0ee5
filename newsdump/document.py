"""The shared vocabulary: documents, blocks and labels.

A *document* is one page's text (a dump, or the text of an HTML page) with what its container
knew about it. Segmentation cuts it into *blocks* (one logical line each); classification gives
every block one *label*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Format(StrEnum):
    """How a document's text is to be read."""

    TEXT = "text"
    HTML = "html"


class Label(StrEnum):
    ARTICLE = "article"
    FEED_ITEM = "feed_item"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Document:
    """One page: its text and what the input container said about it."""

    source: str
    text: str
    format: Format = Format.TEXT
    id: str | None = None
    url: str | None = None
    date: str | None = None  # e.g. WARC-Date, ISO 8601
    # `text` as UTF-8 (`text.encode("utf-8", "replace")`), when the reader has it already: a
    # page read as bytes and decoded strictly as UTF-8 is those bytes. Its size and id are then
    # read from them (no second encoding); not compared, not shown.
    data: bytes | None = field(default=None, compare=False, repr=False)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled (a chunk sent to a worker) with its UTF-8 bytes instead of its text, when it
        has them: pickle would encode the text to UTF-8 again, and its reader decode it."""
        if self.data is None:
            return (Document, (self.source, self.text, self.format, self.id, self.url, self.date))
        return (_from_utf8, (self.source, self.data, self.format, self.id, self.url, self.date))


def _from_utf8(
    source: str, data: bytes, format: Format, id: str | None, url: str | None, date: str | None
) -> Document:
    """A pickled Document with its UTF-8 bytes (`Document.__reduce__`)."""
    return Document(source, data.decode("utf-8"), format, id, url, date, data)


@dataclass(frozen=True, slots=True)
class Block:
    """One logical line of the dump.

    `lines` is (first, last) 0-based line numbers in the dump; a block spans several lines when
    segmentation glued lines that a tag boundary had split. `blank_before`/`blank_after` say
    whether an empty line separates it from its neighbours (the inner-text style has them, the
    harsh scraper style never does).
    """

    index: int
    text: str
    lines: tuple[int, int]
    blank_before: bool = False
    blank_after: bool = False


@dataclass(frozen=True, slots=True)
class LabelledBlock:
    block: Block
    label: Label
    score: float  # the classifier's belief that the block belongs to the article body (0..1)
    reason: str  # why: "model", "short_between_articles", ...
