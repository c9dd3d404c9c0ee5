"""What a batch holds: counters that add with `+`, built from results or from written JSONL."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

TOP = 10


@dataclass(slots=True)
class Stats:
    documents: int = 0
    bytes: int = 0
    articles: int = 0  # documents with a non-empty article text
    article_words: int = 0
    page_words: int = 0
    feed_items: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    feed_pages: Counter[str] = field(default_factory=Counter)  # story key -> pages carrying it
    feed_titles: dict[str, str] = field(default_factory=dict)  # story key -> a title
    authors: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    first_published: str | None = None
    last_published: str | None = None
    seconds: float = 0.0

    def __add__(self, other: Stats) -> Stats:
        out = Stats()
        out.merge(self)
        out.merge(other)
        return out

    def merge(self, other: Stats) -> None:
        self.documents += other.documents
        self.bytes += other.bytes
        self.articles += other.articles
        self.article_words += other.article_words
        self.page_words += other.page_words
        self.feed_items += other.feed_items
        self.errors.update(other.errors)
        self.feed_pages.update(other.feed_pages)
        for key, title in other.feed_titles.items():
            self.feed_titles.setdefault(key, title)
        self.authors.update(other.authors)
        self.langs.update(other.langs)
        self._dates(other.first_published)
        self._dates(other.last_published)
        self.seconds += other.seconds

    def _dates(self, published: str | None) -> None:
        if not published:
            return
        if self.first_published is None or published < self.first_published:
            self.first_published = published
        if self.last_published is None or published > self.last_published:
            self.last_published = published

    def add_error(self, kind: str) -> None:
        self.documents += 1
        self.errors[kind] += 1

    def add_page(self, records: list[dict[str, Any]], size: int = 0, page_words: int = 0) -> None:
        """One processed document, from its `extract` or `split` records."""
        self.documents += 1
        self.bytes += size
        self.page_words += page_words
        keys: set[str] = set()
        for rec in records:
            kind = rec.get("kind", "article")
            if kind == "article":
                self._article(rec)
            elif kind == "feed":
                self.feed_items += 1
                key = str(rec.get("key") or "")
                if key:
                    keys.add(key)
                    self.feed_titles.setdefault(key, str(rec.get("title") or ""))
        self.feed_pages.update(keys)

    def _article(self, rec: dict[str, Any]) -> None:
        words = rec.get("words")
        if rec.get("text"):
            self.articles += 1
            self.article_words += int(words) if isinstance(words, int) else 0
        for name in rec.get("authors") or []:
            self.authors[str(name)] += 1
        if rec.get("lang"):
            self.langs[str(rec["lang"])] += 1
        published = rec.get("published")
        if isinstance(published, str) and published:
            self._dates(published[:10])

    def to_dict(self) -> dict[str, Any]:
        recurring = [
            {"title": self.feed_titles.get(k, ""), "key": k, "pages": n}
            for k, n in sorted(self.feed_pages.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
            if n > 1
        ]
        return {
            "documents": self.documents,
            "bytes": self.bytes,
            "articles": self.articles,
            "article_words": self.article_words,
            "page_words": self.page_words,
            "feed_items": self.feed_items,
            "feed_items_distinct": len(self.feed_pages),
            "recurring_headlines": recurring,
            "top_authors": [{"name": a, "articles": n} for a, n in _top(self.authors)],
            "published_first": self.first_published,
            "published_last": self.last_published,
            "languages": dict(_top(self.langs, 50)),
            "errors": sum(self.errors.values()),
            "errors_by_kind": dict(sorted(self.errors.items())),
            "seconds": round(self.seconds, 3),
            "documents_per_second": round(self.documents / self.seconds, 1)
            if self.seconds
            else None,
            "mb_per_second": round(self.bytes / 1e6 / self.seconds, 2) if self.seconds else None,
        }


def _top(counter: Counter[str], n: int = TOP) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
