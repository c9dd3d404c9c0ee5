"""What the tool writes: article, story and error records, each a dict with fixed key order."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson


@dataclass(frozen=True, slots=True)
class Article:
    """The main article of one page."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    lang: str | None = None
    text: str = ""
    caption: str | None = None

    @property
    def words(self) -> int:
        return count_words(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "lang": self.lang,
            "text": self.text,
            "words": self.words,
            "caption": self.caption,
        }


@dataclass(frozen=True, slots=True)
class FeedItem:
    """Another story shown on the page: feed entry, teaser, related card, most-read link."""

    title: str
    summary: str | None = None
    time: str | None = None  # as printed: "5:56 PM", "2 hours ago", "Dec. 6"
    published: str | None = None  # ISO 8601, only when the page lets us resolve it
    url: str | None = None
    key: str = ""  # fingerprint of the normalised title, equal across pages
    lines: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "summary": self.summary,
            "time": self.time,
            "published": self.published,
            "url": self.url,
            "key": self.key,
        }


@dataclass(frozen=True, slots=True)
class Story:
    """One entry of `split`: the article, a feed item, or (on request) a boilerplate block."""

    kind: str  # "article" | "feed" | "boilerplate"
    article: Article | None = None
    feed: FeedItem | None = None
    text: str | None = None  # boilerplate text
    lines: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the container knew about a page: id, source, url."""

    id: str
    source: str
    url: str | None = None

    def article_record(self, article: Article) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "url": self.url, **article.to_dict()}

    def story_record(self, index: int, story: Story) -> dict[str, Any]:
        """The story's head (doc, source, index, kind), then what it is: its article's record
        (without a second "source"), its feed item's, or its text (each built in one dict)."""
        doc, source, kind = self.id, self.source, story.kind
        if story.article is not None:
            return {
                "doc": doc,
                "source": source,
                "index": index,
                "kind": kind,
                "id": doc,
                "url": self.url,
                **story.article.to_dict(),
            }
        feed = story.feed
        if feed is not None:  # (FeedItem.to_dict's keys, in one dict)
            return {
                "doc": doc,
                "source": source,
                "index": index,
                "kind": kind,
                "title": feed.title,
                "summary": feed.summary,
                "time": feed.time,
                "published": feed.published,
                "url": feed.url,
                "key": feed.key,
            }
        return {"doc": doc, "source": source, "index": index, "kind": kind, "text": story.text}


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A document (or input) that could not be read or processed."""

    source: str
    error: str  # kind: "binary", "empty", "not_json", "truncated", "extract_failed", ...
    message: str  # one line, for people
    stage: str = "read"  # read | extract
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "error": self.error,
            "message": self.message,
            "stage": self.stage,
        }


WIDE_CHARS_PATTERN = "[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"


@cache
def _wide_chars() -> re.Pattern[str]:
    """WIDE_CHARS, compiled on first use: only the Python `count_words` reads it, and compiling
    its ranges costs ~2.5 ms, which every run paid at import."""
    return re.compile(WIDE_CHARS_PATTERN)


def __getattr__(name: str) -> Any:
    """`records.WIDE_CHARS`, the compiled pattern, as before (compiled when first asked for)."""
    if name == "WIDE_CHARS":
        return _wide_chars()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


try:  # count_words 16 characters a step below U+10000 (newsdump/_io.c), when built
    from newsdump._io import count_words as _io_count_words
except ImportError:  # pragma: no cover - depends on the install
    _io_count_words = None  # type: ignore[assignment]

_compiled_count: Callable[[str], int] | None = _io_count_words


def count_words(text: str) -> int:
    """Whitespace-separated words; a CJK, kana, hangul or Thai character counts as half a word."""
    if _compiled_count is not None:
        return _compiled_count(text)
    return _count_words(text)


def _count_words(text: str) -> int:
    """`count_words` in Python (the reference, and the path without the compiled extension)."""
    wide_chars = _wide_chars()
    wide = len(wide_chars.findall(text))
    if not wide:
        return len(text.split())
    return len(wide_chars.sub(" ", text).split()) + (wide + 1) // 2


def to_json_line(record: dict[str, Any]) -> bytes:
    """One JSONL line (with the newline), UTF-8, keys in insertion order."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def to_json_lines(records: list[dict[str, Any]]) -> bytes:
    """`to_json_line` of each record, joined (one call per record to orjson, none to Python)."""
    dumps, option = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    return b"".join([dumps(record, option=option) for record in records])


STORY_NAMES = (  # what the compiled story_lines reads (the order of _feed.c's S_*)
    "kind",
    "article",
    "feed",
    "text",
    "title",
    "authors",
    "published",
    "lang",
    "words",
    "caption",
    "summary",
    "time",
    "url",
    "key",
)


@cache
def _compiled_story_lines() -> Callable[..., bytes | None] | None:
    """newsdump._feed.story_lines, when built (looked up at the first `split` page: `extract`
    never loads it)."""
    try:
        from newsdump._feed import story_lines
    except ImportError:  # pragma: no cover - depends on the install
        return None
    return story_lines


def story_lines(info: PageInfo, stories: Sequence[Story]) -> bytes:
    """`to_json_lines` of `info.story_record(i, story)` of each story: compiled when it can be
    (one call from the stories to the lines, no dict per story: the bytes orjson writes), else
    the reference `_story_lines` (which also raises orjson's error where there is one)."""
    compiled = _compiled_story_lines()
    if compiled is not None:
        lines = compiled(STORY_NAMES, orjson.dumps, info.id, info.source, info.url, stories)
        if lines is not None:
            return lines
    return _story_lines(info, stories)


def _story_lines(info: PageInfo, stories: Sequence[Story]) -> bytes:
    """`story_lines` in Python: each record's dict, encoded by orjson (the reference)."""
    return to_json_lines([info.story_record(i, story) for i, story in enumerate(stories)])
