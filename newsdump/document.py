"""The shared vocabulary: documents, blocks and labels.

A *document* is one page's text (a dump, or the text of an HTML page) with what its container
knew about it. Segmentation cuts it into *blocks* (one logical line each); classification gives
every block one *label*.
"""

from __future__ import annotations

from dataclasses import dataclass
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
