"""Stats: counters that add with +, and the exact summary `stats --json` prints."""

from __future__ import annotations

from typing import Any

from newsdump.stats import Stats


def article(**fields: Any) -> dict[str, Any]:
    base = {"kind": "article", "text": "Body text.", "words": 2, "authors": [], "lang": "en"}
    return {**base, **fields}


def feed(title: str, key: str) -> dict[str, Any]:
    return {"kind": "feed", "title": title, "key": key}


def page_one() -> Stats:
    s = Stats()
    s.add_page(
        [
            article(authors=["Ines Calloway"], published="2025-11-18T18:40:00", words=300),
            feed("Library opens on Sundays", "k-lib"),
            feed("Quay crash appeal", "k-quay"),
        ],
        size=4000,
        page_words=600,
    )
    return s


def page_two() -> Stats:
    s = Stats()
    s.add_page(
        [
            article(authors=["Ines Calloway", "Tomas Reyes"], published="2025-11-20", words=250),
            feed("Library opens on Sundays!", "k-lib"),
            feed("Library opens on Sundays", "k-lib"),  # twice on one page: one page
        ],
        size=3000,
        page_words=500,
    )
    s.add_page([article(text="", words=0, lang="de", published="2024-01-02")], 100, 10)
    s.add_error("binary")
    s.add_error("not_json")
    s.add_error("binary")
    s.seconds = 2.0
    return s


def test_add_combines_every_counter() -> None:
    total = page_one() + page_two()
    assert total.to_dict() == {
        "documents": 6,
        "bytes": 7100,
        "articles": 2,
        "article_words": 550,
        "page_words": 1110,
        "feed_items": 4,
        "feed_items_distinct": 2,
        "recurring_headlines": [
            {"title": "Library opens on Sundays", "key": "k-lib", "pages": 2},
        ],
        "top_authors": [
            {"name": "Ines Calloway", "articles": 2},
            {"name": "Tomas Reyes", "articles": 1},
        ],
        "published_first": "2024-01-02",
        "published_last": "2025-11-20",
        "languages": {"en": 2, "de": 1},
        "errors": 3,
        "errors_by_kind": {"binary": 2, "not_json": 1},
        "seconds": 2.0,
        "documents_per_second": 3.0,
        "mb_per_second": 0.0,
    }


def test_add_leaves_both_operands_alone_and_is_symmetric_in_counts() -> None:
    a, b = page_one(), page_two()
    before = (a.to_dict(), b.to_dict())
    ab, ba = (a + b).to_dict(), (b + a).to_dict()
    assert (a.to_dict(), b.to_dict()) == before
    # the headline shown for a story is the first title seen, so only that may differ
    assert ab["recurring_headlines"][0]["title"] == "Library opens on Sundays"
    assert ba["recurring_headlines"][0]["title"] == "Library opens on Sundays!"
    for d in (ab, ba):
        d["recurring_headlines"][0].pop("title")
    assert ab == ba


def test_sum_with_an_empty_start() -> None:
    parts = [page_one(), page_two(), Stats()]
    assert sum(parts, start=Stats()).to_dict() == (page_one() + page_two()).to_dict()


def test_empty_stats() -> None:
    assert Stats().to_dict() == {
        "documents": 0,
        "bytes": 0,
        "articles": 0,
        "article_words": 0,
        "page_words": 0,
        "feed_items": 0,
        "feed_items_distinct": 0,
        "recurring_headlines": [],
        "top_authors": [],
        "published_first": None,
        "published_last": None,
        "languages": {},
        "errors": 0,
        "errors_by_kind": {},
        "seconds": 0.0,
        "documents_per_second": None,
        "mb_per_second": None,
    }


def test_extract_records_without_kind_count_as_articles() -> None:
    s = Stats()
    s.add_page([{"text": "Some words here", "words": 3, "authors": ["A"], "lang": "fr"}])
    d = s.to_dict()
    assert (d["documents"], d["articles"], d["article_words"], d["languages"]) == (
        1,
        1,
        3,
        {"fr": 1},
    )


def test_headlines_on_one_page_only_do_not_recur() -> None:
    d = page_one().to_dict()
    assert d["recurring_headlines"] == []
    assert d["feed_items_distinct"] == 2
