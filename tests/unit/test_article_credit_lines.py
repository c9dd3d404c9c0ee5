"""find_caption's cheap test of its lines (article._credit_lines, compiled as
_byline.credit_lines) keeps every line where CREDIT or CAPTION_CREDIT finds a credit and the
line has enough words: the same caption as testing every line."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import (
    _CAPTION_CREDIT_WORDS,
    _COLON_BEFORE,
    _PAREN_NEXT,
    CAPTION_CREDIT,
    CAPTION_MIN_WORDS,
    _credit_lines,
    _may_credit,
    caption_credit,
)
from newsdump.headline import CREDIT

_byline = pytest.importorskip("newsdump._byline")


def every_case(letter: str) -> set[str]:
    """Every code point IGNORECASE matches to `letter`, found over all of them."""
    pattern = re.compile(re.escape(letter), re.IGNORECASE)
    return {chr(c) for c in range(sys.maxunicode + 1) if pattern.fullmatch(chr(c))}


def test_classes_hold_every_case() -> None:
    assert every_case("p") | every_case("i") | every_case("f") == _PAREN_NEXT
    assert set().union(*map(every_case, "ohestо")) == _COLON_BEFORE
    assert "\u1c82" in _COLON_BEFORE and "\u017f" in _COLON_BEFORE and "\u0130" in _PAREN_NEXT
    for word in _CAPTION_CREDIT_WORDS:
        assert len(set().union(*map(every_case, word))) >= len(set(word))


def test_each_credit_alternative_kept() -> None:
    texts = [
        "A photo (photo: Ann Lee) of eight words in it here",
        "A fire on the hills behind the town last night (Pıcture Ann)",
        "A fire on the hills behind the town last night Photographs : Ann",
        "A fire on the hills behind the town last night CREDIT  credit :",
        "A fire on the hills behind the town last night GETTY İMAGES",
        "A fire on the hills behind the town last night ſhutterſtoc\u212a",
        "A fire on the hills behind the town last night Ann/AFP",
        "A fire on the hills behind the town last night Ann/Reuters",
        "A fire on the hills behind the town last night (Associated Press)",
        "A fire on the hills behind the town last night Фото : пресс-служба",
        "A fire on the hills behind the town last night ФОᲂ:",
        "A fire on the hills behind the town last night, FİLE PHOTO",
    ]
    assert all(caption_credit(t) or t.endswith("ФОᲂ:") for t in texts)
    cands = list(range(len(texts)))
    assert _byline.credit_lines(texts, cands, CAPTION_MIN_WORDS) == cands
    assert _credit_lines(texts, cands, CAPTION_MIN_WORDS) == cands


def test_lines_skipped() -> None:
    texts = [
        "A fire on the hills behind the town last night",  # no credit
        "A fire (on the hill) behind the town: last/night",  # "(" "o", ":" after n, "/" "n"
        "Photo: Ann Lee",  # a credit, but too few words
        "",
        "Getty images",
        "\u0000 (x) : / ) 中文 😀 \ud800",
    ]
    cands = [5, 4, 3, 2, 1, 0, -1]
    assert _byline.credit_lines(texts, cands, CAPTION_MIN_WORDS) == []
    assert _byline.credit_lines(texts, cands, 2) == [4, 2]
    assert _credit_lines(texts, cands, 2) == [4, 2]
    assert _byline.credit_lines(texts, [4, -2], 0) == [4, -2]
    with pytest.raises(IndexError):
        _byline.credit_lines(texts, [6], 1)
    with pytest.raises(TypeError):
        _byline.credit_lines(texts, ["1"], 1)
    with pytest.raises(TypeError):
        _byline.credit_lines([b"x"], [0], 1)


def test_huge_page() -> None:
    texts = ["word"] * 50_000 + ["x " * 50_000 + "(photo"]
    assert _byline.credit_lines(texts, list(range(len(texts))), 8) == [50_000]


PIECES = [
    "photo", "Photos", "PHOTOGRAPH", "image", "İmages", "foto", "picture", "pıcture", "credit",
    "credits", "getty", "getty images", "GETTY İMAGES", "shutterstock", "ſhutterſtock",
    "SHUTTERSTOC\u212a", "file photo", "FİLE PHOTO", "fıle", "associated press", "press",
    "фото", "ФОТО", "ФОᲂ", "/", "/afp", "/AP", "/reuters", "/Rеuters", "(", ")", ":", "：", " ",
    "  ", "\t", "\u00a0", "\u3000", "\n", "Ann", "Lee", "a", "b", "中文", "😀", "\u0000", "s", "o",
    "t", "h", "e", "Ⅰ", "\ud800",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_test_keeps_every_credit(text: str) -> None:
    """_may_credit holds wherever either pattern matches; the compiled test is the same."""
    if CREDIT.search(text) is not None or CAPTION_CREDIT.search(text) is not None:
        assert _may_credit(text)
    for need in (0, 1, 3, CAPTION_MIN_WORDS):
        assert _byline.credit_lines([text], [0], need) == _credit_lines([text], [0], need)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(TEXTS, st.text()), min_size=1, max_size=6), st.data())
def test_compiled_is_reference(texts: list[str], data: st.DataObject) -> None:
    cands = data.draw(st.lists(st.integers(-len(texts), len(texts) - 1), max_size=8))
    got = _byline.credit_lines(texts, cands, CAPTION_MIN_WORDS)
    assert got == _credit_lines(texts, cands, CAPTION_MIN_WORDS)
    for i in cands:
        if caption_credit(texts[i]) and len(texts[i].split()) >= CAPTION_MIN_WORDS:
            assert i in got


def test_find_caption_without_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "Headline",
        "A fire on the hills behind the town last night. Photo: Ann Lee/Reuters",
        "Body",
    ]
    assert article.find_caption(texts, 0, 2, [2]) == 1
    monkeypatch.setattr(article, "_byline", None)
    assert article.find_caption(texts, 0, 2, [2]) == 1
