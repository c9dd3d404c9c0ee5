"""Properties (hypothesis): arbitrary bytes never crash the readers or the CLI, records survive
orjson, word counts add up, and the library's extract never raises on any text."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from pathlib import Path

import orjson
import zstandard
from conftest import parse_jsonl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import newsdump
from newsdump.cli import app
from newsdump.document import Document
from newsdump.records import Article, ErrorRecord, FeedItem, PageInfo, Story, count_words
from newsdump.settings import Settings
from newsdump.sources import iter_documents
from newsdump.sources.compress import decompressed

FORMATS = ["auto", "text", "html", "jsonl", "warc"]
PREFIXES = [
    b"",
    b"\x1f\x8b",  # gzip magic
    b"BZh",  # bzip2
    b"\xfd7zXZ\x00",  # xz
    b"\x28\xb5\x2f\xfd",  # zstd
    b"WARC/1.0\r\n",
    b'{"text": ',
    b"<!doctype html>",
    b"\xef\xbb\xbf",
    b"\f\n",
]
WRAPPERS = {
    "plain": lambda b: b,
    "gzip": lambda b: gzip.compress(b, mtime=0),
    "bzip2": bz2.compress,
    "xz": lzma.compress,
    "zstd": lambda b: zstandard.ZstdCompressor().compress(b),
}

# bytes that look a little like inputs: a known start, then anything, maybe compressed
inputs = st.builds(
    lambda prefix, body, wrap: WRAPPERS[wrap](prefix + body),
    st.sampled_from(PREFIXES),
    st.binary(max_size=600),
    st.sampled_from(sorted(WRAPPERS)),
) | st.binary(max_size=600)

WORDS = [
    "Home", "News", "Sport", "by", "Ann", "Lee", "March", "3,", "2024", "5:56", "PM", "the",
    "council", "voted", "to", "close", "harbour", "Subscribe", "Read", "more", "Ø", "北京",
    "—", "“quoted”", "|", "©", "\t", "<p>", "</div>", "{", "}", "WARC/1.0", "\f",
]  # fmt: skip
pages = st.lists(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), max_size=40).map(
    "\n".join
)


def is_warc(data: bytes) -> bool:
    try:
        plain, _ = decompressed(io.BytesIO(data), 1 << 20)
        head = plain.read(64)
    except Exception:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"WARC/1.")


@settings(max_examples=150, deadline=None)
@given(data=inputs, fmt=st.sampled_from(FORMATS))
def test_readers_never_raise(data: bytes, fmt: str) -> None:
    items = list(iter_documents(io.BytesIO(data), "in", Settings(format=fmt)))
    if fmt != "warc" and not is_warc(data):
        # a WARC file may hold no document records at all (only warcinfo, say)
        assert items, "every input yields at least one document or error record"
    for item in items:
        assert isinstance(item, (Document, ErrorRecord))
        if isinstance(item, Document):
            assert "\x00" not in item.text
            item.text.encode("utf-8")  # no lone surrogates: it can be written as JSON
        else:
            assert item.error and item.message and "\n" not in item.message


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=inputs)
def test_any_file_gives_records_or_error_records_never_a_traceback(
    data: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    for mode in ("extract", "split"):
        result = CliRunner().invoke(app, [mode, "-j", "1", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.exit_code in (0, 1), result.stderr
        records = parse_jsonl(result.stdout)
        errors = parse_jsonl(result.stderr)
        assert "Traceback" not in result.stderr
        assert all(set(e) == {"source", "error", "message", "stage"} for e in errors)
        assert (result.exit_code == 1) == bool(errors)
        if mode == "extract":
            # exactly one record or one error per document
            sources = [r["source"] for r in records] + [e["source"] for e in errors]
            assert len(sources) == len(set(sources))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=3000) | pages)
def test_library_extract_and_split_never_raise(text: str) -> None:
    article = newsdump.extract(text)
    assert isinstance(article.text, str)
    assert article.words == count_words(article.text)
    stories = newsdump.split(text)
    assert [s.kind for s in stories].count("article") == 1


text_or_none = st.none() | st.text(max_size=200)


@settings(max_examples=200, deadline=None)
@given(
    article=st.builds(
        Article,
        title=text_or_none,
        authors=st.lists(st.text(max_size=40), max_size=4).map(tuple),
        published=text_or_none,
        lang=text_or_none,
        text=st.text(max_size=500),
        caption=text_or_none,
    ),
    feed=st.builds(
        FeedItem,
        title=st.text(max_size=100),
        summary=text_or_none,
        time=text_or_none,
        published=text_or_none,
        url=text_or_none,
        key=st.text(max_size=16),
    ),
    index=st.integers(min_value=0, max_value=10_000),
)
def test_records_round_trip_through_orjson(article: Article, feed: FeedItem, index: int) -> None:
    info = PageInfo("id", "source#1", None)
    for record in (
        info.article_record(article),
        info.story_record(index, Story("article", article=article)),
        info.story_record(index, Story("feed", feed=feed)),
    ):
        line = orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
        assert line.endswith(b"\n") and line.count(b"\n") == 1
        assert orjson.loads(line) == record


@given(st.text(max_size=300))
def test_count_words_is_zero_exactly_for_blank_text(text: str) -> None:
    assert (count_words(text) == 0) == (text.split() == [])


@given(st.text(alphabet=st.characters(max_codepoint=0x0DFF), max_size=300))
def test_count_words_of_text_without_wide_scripts_is_the_number_of_split_words(text: str) -> None:
    assert count_words(text) == len(text.split())


@given(st.text(max_size=200), st.text(max_size=200))
def test_count_words_adds_up_over_a_space(a: str, b: str) -> None:
    joined = count_words(a + " " + b)
    # a wide (CJK) character counts as half a word, rounded up once per text
    assert count_words(a) + count_words(b) - 1 <= joined <= count_words(a) + count_words(b)


page_texts = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=300)
    .map(lambda t: t.replace("\f", " ").replace("\x00", " ") + "\n")
    .filter(lambda t: t.strip() and "\ufeff" not in t),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(texts=page_texts)
def test_form_feed_stream_gives_back_every_page_in_order(texts: list[str]) -> None:
    data = "\f\n".join(texts).encode("utf-8")
    items = list(iter_documents(io.BytesIO(data), "s", Settings(format="text")))
    if len(texts) == 1:
        assert [i.source for i in items] == ["s"]
    else:
        assert [i.source for i in items] == [f"s#{n}" for n in range(1, len(texts) + 1)]
    for item, text in zip(items, texts, strict=True):
        if isinstance(item, Document):
            assert item.text == text
        else:  # only text that is not a page at all (control characters) may be refused
            assert item.error == "binary"
