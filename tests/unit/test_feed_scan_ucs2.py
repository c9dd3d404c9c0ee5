"""_feed.c's scan on 2-byte strings, 16 characters at a time where one of them is from U+0100
(scan16_ucs2: spaces, feed's wide characters and digits by bit masks): the word counts
(feed.word_count) and the digits (_feed.lines) against the Python references, for every
code point of the BMP at each offset of a chunk, and on random lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed
from newsdump.document import Block, Label, LabelledBlock
from newsdump.revise import NOT_STORIES

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled line counts were not built (no C compiler)"
)


def digits_of(texts: list[str]) -> list[bool]:
    """_feed.lines' digits of each text (as a block's text; lines strips it)."""
    labelled = [
        LabelledBlock(Block(k, text, (k, k)), Label.BOILERPLATE, 0.0, "model")
        for k, text in enumerate(texts)
    ]
    assert feed._feed is not None
    _, _, digits, words = feed._feed.lines(labelled, frozenset(), NOT_STORIES, Label.ARTICLE)
    assert words == [feed._word_count(t.strip()) for t in texts]
    return digits


def check(texts: list[str]) -> None:
    for text in texts:
        assert feed.word_count(text) == feed._word_count(text), repr(text)
    assert digits_of(texts) == [feed._has_digit(t.strip()) for t in texts]


BMP = [chr(c) for c in range(0x10000)]  # (lone surrogates too: UCS2 strings hold them)


@pytest.mark.parametrize("at", [0, 1, 7, 8, 9, 15])
def test_every_bmp_character_at_each_lane(at: int) -> None:
    # "ł" keeps each chunk from narrow16 (a character from U+0100); "a", " " and "東" around
    # the character make it start, end or split a word
    for left in ("a", " ", "東", "٣"):
        texts = []
        for char in BMP:
            line = (left * at + char).ljust(16, "ł") + "ł" * 16 + " x"
            texts.append(line)
        for start in range(0, len(texts), 4096):
            check(texts[start : start + 4096])


PIECES = [
    " ", "\t", "\x85", "\xa0", "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029",
    "\u202f", "\u205f", "\u3000", "\u303f", "\u3040", "\u30ff", "\u3100", "\u33ff", "\u3400",
    "\u9fff", "\ua000", "\uabff", "\uac00", "\ud7af", "\ud7b0", "\ud800", "\uffff", "0", "9",
    "٣", "\u065f", "\u0660", "\u0966", "\uff10", "²", "Ⅻ", "ł", "é", "a", "Z", "_", "-",
    "新闻", "가나", "Zażółć", "gęślą", "jaźń",
]  # fmt: skip
lines = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=48).map("".join)


@given(st.lists(lines, min_size=1, max_size=8))
@settings(max_examples=2000, deadline=None)
def test_random_lines_are_counted_as_in_python(texts: list[str]) -> None:
    check(texts)
