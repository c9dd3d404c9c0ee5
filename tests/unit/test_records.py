"""Records: fixed keys in a fixed order, orjson lines, word counts."""

from __future__ import annotations

import orjson
import pytest

from newsdump.records import (
    Article,
    ErrorRecord,
    FeedItem,
    PageInfo,
    Story,
    count_words,
    to_json_line,
)

ARTICLE = Article(
    title="Council votes to reopen the fish market",
    authors=("Ines Calloway", "Tomas Reyes"),
    published="2025-11-18T18:40:00",
    lang="en",
    text="First paragraph here.\n\nSecond one.",
    caption="The hall from the quay.",
)
FEED = FeedItem(
    title="Library to open on Sundays",
    summary="A one-year trial.",
    time="5:56 PM",
    published="2025-11-18T17:56:00",
    url=None,
    key="abc123",
    lines=(40, 42),
)
INFO = PageInfo(id="doc1", source="examples/a.txt", url="https://x.example/a")


def test_article_to_dict_has_fixed_keys_and_counts_words() -> None:
    assert ARTICLE.to_dict() == {
        "title": "Council votes to reopen the fish market",
        "authors": ["Ines Calloway", "Tomas Reyes"],
        "published": "2025-11-18T18:40:00",
        "lang": "en",
        "text": "First paragraph here.\n\nSecond one.",
        "words": 5,
        "caption": "The hall from the quay.",
    }
    assert list(ARTICLE.to_dict()) == [
        "title", "authors", "published", "lang", "text", "words", "caption",
    ]  # fmt: skip


def test_empty_article() -> None:
    assert Article().to_dict() == {
        "title": None,
        "authors": [],
        "published": None,
        "lang": None,
        "text": "",
        "words": 0,
        "caption": None,
    }


def test_article_record_puts_page_fields_first() -> None:
    record = INFO.article_record(ARTICLE)
    assert list(record)[:3] == ["id", "source", "url"]
    assert record["id"] == "doc1"
    assert record["url"] == "https://x.example/a"
    assert record["words"] == 5


def test_story_records() -> None:
    assert INFO.story_record(0, Story("article", article=ARTICLE)) == {
        "doc": "doc1",
        "source": "examples/a.txt",
        "index": 0,
        "kind": "article",
        **INFO.article_record(ARTICLE),
    }
    assert INFO.story_record(1, Story("feed", feed=FEED)) == {
        "doc": "doc1",
        "source": "examples/a.txt",
        "index": 1,
        "kind": "feed",
        "title": "Library to open on Sundays",
        "summary": "A one-year trial.",
        "time": "5:56 PM",
        "published": "2025-11-18T17:56:00",
        "url": None,
        "key": "abc123",
    }
    assert INFO.story_record(2, Story("boilerplate", text="Subscribe")) == {
        "doc": "doc1",
        "source": "examples/a.txt",
        "index": 2,
        "kind": "boilerplate",
        "text": "Subscribe",
    }


def test_error_record_to_dict() -> None:
    error = ErrorRecord("in.jsonl#3", "not_json", "line is not JSON: x", detail={"line": 3})
    assert error.to_dict() == {
        "source": "in.jsonl#3",
        "error": "not_json",
        "message": "line is not JSON: x",
        "stage": "read",
    }


def test_to_json_line_is_utf8_ordered_and_ends_with_a_newline() -> None:
    line = to_json_line({"b": 1, "a": "Grüße “quoted” 北京", "c": None})
    assert line == '{"b":1,"a":"Grüße “quoted” 北京","c":null}\n'.encode()


def test_records_round_trip_through_orjson() -> None:
    record = INFO.article_record(ARTICLE)
    assert orjson.loads(to_json_line(record)) == record


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\n ", 0),
        ("one", 1),
        ("one two\n\nthree\tfour", 4),
        ("北京", 1),  # a CJK character counts as half a word, rounded up
        ("北京欢迎你", 3),
        ("Tokyo 東京 2025", 3),
        ("สวัสดีครับ", 5),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words
