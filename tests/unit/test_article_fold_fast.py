"""headline.folded, its FOLD_EXCEPTIONS test unrolled: the answer of the test by a generator; and
caption_credit's pre-tests (folded's "file photo", "фото"'s colon and "ф"): its patterns' answer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.article import (
    BYLINE_START,
    CAPTION_CREDIT,
    _byline_at,
    caption_credit,
    maybe_byline,
)
from newsdump.headline import CREDIT, FOLD_EXCEPTIONS, folded


def test_exceptions_are_folded_ones() -> None:
    assert FOLD_EXCEPTIONS == ("\u0130", "\u0131", "\u017f")  # (folded tests these three)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="aZ \u0130\u0131\u017f\u212aé日\ud800", max_size=8)))
def test_folded_is_the_generator_test(text: str) -> None:
    by_generator = (
        None if not text.isascii() and any(c in text for c in FOLD_EXCEPTIONS) else text.lower()
    )
    assert folded(text) == by_generator


def test_examples() -> None:
    assert folded("Published BY") == "published by"
    assert folded("Publié") == "publié"
    assert folded("\u0130stanbul") is None
    assert folded("") == ""


def test_phi_cases() -> None:
    """caption_credit tests "фото"'s "ф" in these two cases only: all re's IGNORECASE takes."""
    assert [c for c in map(chr, range(0x110000)) if re.match("(?i)ф", c)] == ["Ф", "ф"]


PARTS = ["фото", "ФОТО", "Фото", " : ", ":", "(", " ", "file photo", "FİLE PHOTO", "é", "’", "x"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=6).map("".join))
def test_caption_credit_is_its_patterns(text: str) -> None:
    want = CREDIT.search(text) is not None or CAPTION_CREDIT.search(text) is not None
    assert caption_credit(text) is want


LINE_PARTS = [
    "By ",
    "Por ",
    "Автор: ",
    "Текст ",
    "Ann Lee",
    "Анна Ли",
    "記者 ",
    "刘晓燕",
    " 2019",
    "é",
    "\n",
]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(LINE_PARTS), max_size=4).map("".join), min_size=1, max_size=3)
)
def test_byline_at_told_started(texts: list[str]) -> None:
    """_byline_at and maybe_byline told BYLINE_START's answer give what they find asking it."""
    for i, text in enumerate(texts):
        started = BYLINE_START.match(text) is not None
        assert maybe_byline(text, started) is maybe_byline(text)
        for strict in (False, True):
            assert _byline_at(texts, i, strict, started) == _byline_at(texts, i, strict)
