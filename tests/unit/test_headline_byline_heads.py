"""_headline.byline_lines with any word tuples: the words grouped by their first character (the
compiled test compares a line only with the words of its character's group) give what comparing
with each word in turn gives (a reference in Python), for words of any case, empty, non-ASCII,
sharing their first letters, or one the prefix of another."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.article import _KIND_ARTICLES, _KIND_HEADS, _START_HEADS, CUE_PARTS

_headline = pytest.importorskip("newsdump._headline")

Words = tuple[str, ...]


def word_at(low: str, at: int, words: Words) -> bool:
    """One of `words` (as they are) at `at` of the lowered ASCII text."""
    return any(w and w.isascii() and low.startswith(w, at) for w in words)


def maybe(text: str, max_short: int, starts: Words, arts: Words, kinds: Words, cues: Words) -> bool:
    low = text.lower()
    if "/" in text or "@" in text or "19" in text or "20" in text:
        return True
    start = len(text) - len(text.lstrip())
    if word_at(low, start, starts):
        return True
    for a in arts:
        if not (a and a.isascii() and low.startswith(a, start)):
            continue
        at = start + len(a)
        if at >= len(text) or not text[at].isspace():
            continue
        while at < len(text) and text[at].isspace():
            at += 1
        if word_at(low, at, kinds):
            return True
    return len(text) <= max_short and any(word_at(low, k, cues) for k in range(len(text)))


def reference(
    texts: list[str], order: list[int], max_chars: int, max_short: int, lists: tuple[Words, ...]
) -> list[int]:
    return [
        i
        for i in order
        if len(texts[i]) <= max_chars
        and (not texts[i].isascii() or maybe(texts[i], max_short, *lists))
    ]


PIECES = ["a", "ab", "abc", "b", "ba", "by", "By", "an", "the", "The", "é", "aé", "", " ", "\t"]
WORD = st.one_of(
    st.sampled_from(PIECES),
    st.text(st.sampled_from("abAB yé\x00"), max_size=4),
    st.sampled_from([*_START_HEADS, *CUE_PARTS]),
)
WORDS = st.lists(WORD, max_size=8).map(tuple)
TEXT = st.one_of(
    st.lists(st.sampled_from([*PIECES, *_START_HEADS[:12], "x", "1", "9"]), max_size=6).map(
        " ".join
    ),
    st.text(st.sampled_from("abAB yé\x00\t:"), max_size=12),
    st.text(max_size=12),
)


@settings(max_examples=400)
@given(
    st.lists(TEXT, min_size=1, max_size=5),
    st.integers(0, 20),
    st.integers(0, 20),
    st.tuples(WORDS, WORDS, WORDS, WORDS),
)
def test_byline_lines_with_any_words_are_the_reference(
    texts: list[str], max_chars: int, max_short: int, lists: tuple[Words, Words, Words, Words]
) -> None:
    order = list(range(len(texts)))
    got = _headline.byline_lines(texts, order, (max_chars, max_short), lists)
    assert got == reference(texts, order, max_chars, max_short, lists)


def test_byline_lines_with_the_article_words_on_set_lines() -> None:
    lists = (_START_HEADS, _KIND_ARTICLES, _KIND_HEADS, CUE_PARTS)
    texts = [
        "  BY Ann",
        "The  Review",
        "an essay",
        "anessay",
        "uno story",
        "A river",
        "short by",
        "Ann Lee",
        "",
        "Wörds by",
    ]
    got = _headline.byline_lines(texts, range(len(texts)), (40, 12), lists)
    assert got == reference(texts, list(range(len(texts))), 40, 12, lists)
    assert got == [0, 1, 2, 4, 9]


def test_byline_lines_with_no_words() -> None:
    texts = ["by Ann", "x/y", "1999"]
    assert _headline.byline_lines(texts, [0, 1, 2], (40, 40), ((), (), (), ())) == [1, 2]
