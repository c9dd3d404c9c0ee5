"""Every threshold in one frozen, picklable place; each default is a named constant."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # a page larger than this is an error record, not a stall
MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024  # zip-bomb guard for one compressed input
DOCUMENT_TIMEOUT = 60.0  # seconds for one page; slower is an error record, not a stall (0: none)
DEFAULT_TEXT_FIELD = "text"
FEED_SUMMARY_MAX_WORDS = 120  # a longer paragraph after a headline is body text, not a summary
FEED_TITLE_MAX_WORDS = 30
FEED_TITLE_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of one run. Workers receive it; `stats` prints it."""

    model: str | None = None  # path to a classifier model; None: the packaged one
    headline_model: str | None = None  # path to a headline ranker; None: the packaged one
    text_field: str = DEFAULT_TEXT_FIELD
    format: str = "auto"  # auto | text | html | jsonl | warc
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES
    timeout: float = DOCUMENT_TIMEOUT  # seconds per document; 0 turns the limit off
    boilerplate: bool = False  # split: also emit boilerplate blocks
    feed_title_min_words: int = FEED_TITLE_MIN_WORDS
    feed_title_max_words: int = FEED_TITLE_MAX_WORDS
    feed_summary_max_words: int = FEED_SUMMARY_MAX_WORDS

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
