"""The compiled pre-tests' table of the words' first two characters (newsdump/_headline.c
lex_open: a row for each first character that has a pair, a column for each second one, not
128 * 128 bytes) gives the answers a plain search gives, for lexicons of any words: seen through
_headline.credit with a CREDIT.search that always matches (so it answers "does the folded text
hold a word of the credit list"), the other lists filled with words of their own."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

_headline = pytest.importorskip("newsdump._headline")

CREDIT = 4  # the credit list's place among tests()' six lists
FOLDS_ALONE = "ab AB1/\x00\x7fé\u212a\u017f\u0131sk"  # (each folds to one character)


def _always(_text: str) -> bool:
    return True


def lexicon(lists: list[tuple[str, ...]]) -> Any:
    return _headline.tests(*lists, *[_always] * 10)


def folded(text: str) -> str:
    return "".join(c.upper().lower() for c in text)


def reference(text: str, words: tuple[str, ...]) -> bool:
    low = folded(text)
    return any(w in low for w in words)


WORD = st.text(st.sampled_from(FOLDS_ALONE), max_size=3)
LISTS = st.lists(st.lists(WORD, max_size=6).map(tuple), min_size=6, max_size=6)
TEXT = st.text(st.sampled_from(FOLDS_ALONE), max_size=30)


@settings(max_examples=300)
@given(LISTS, st.lists(TEXT, min_size=1, max_size=5))
def test_credit_words_found_as_a_search_finds_them(
    lists: list[tuple[str, ...]], texts: list[str]
) -> None:
    lex = lexicon(lists)
    for text in texts:
        assert _headline.credit(text, lex) is reference(text, lists[CREDIT])


def test_every_pair_of_ascii_characters() -> None:
    """128 rows and 128 columns: the largest table."""
    every = tuple(chr(c) + chr(d) for c in range(128) for d in range(128))
    diagonal = tuple(chr(c) * 2 for c in range(128))
    for words in (every, diagonal):
        lex = lexicon([(), (), (), (), words, ()])
        for text in ["", "a", "ab", "aa", "\x00\x00", "\x7f\x7f", "Zz", "xé", "K", "\u212ak"]:
            assert _headline.credit(text, lex) is reference(text, words), (text, len(words))


def test_words_of_other_lists_are_not_credit_words() -> None:
    lex = lexicon([("ab",), ("ab",), ("ab",), ("ab",), ("ba",), ("ab",)])
    assert _headline.credit("xxABxx", lex) is False
    assert _headline.credit("xxBAxx", lex) is True
    assert _headline.credit("xx\u212aBAxx", lex) is True
