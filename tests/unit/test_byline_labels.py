"""_byline_at's test of which label patterns may match a line (article._labels, compiled as
_byline.labels): a pattern it leaves out does not match the line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import (
    _L_KINDS,
    AUTHOR_LABEL,
    BY_ALONE,
    BYLINE,
    BYLINE_START,
    KIND_ALONE,
    KIND_BYLINE,
    LABEL_ALONE,
    LABELS,
    LBL_ALONE,
    LBL_AUTHOR,
    LBL_BY,
    LBL_KIND,
    _labels,
    byline_labels,
)

_byline = pytest.importorskip("newsdump._byline")

PATTERNS = (
    (KIND_BYLINE, LBL_KIND),
    (KIND_ALONE, LBL_KIND),
    (AUTHOR_LABEL, LBL_AUTHOR),
    (LABEL_ALONE, LBL_AUTHOR),
    (BYLINE, LBL_BY),
    (BY_ALONE, LBL_ALONE),
)


def needed(text: str) -> int:
    """The mask of the patterns that match `text`."""
    return sum({bit for pattern, bit in PATTERNS if pattern.match(text) is not None})


WORDS = sorted(
    {
        *_L_KINDS, "reportaż", "crónica", "análisis", "enquête", "éditorial", "opinión",
        "a", "an", "the", "ein", "eine", "un", "une", "una", "uno", "by", "von", "de", "par",
        "por", "di", "door", "av", "af", "przez", "written", "posted", "reported", "words",
        "analysis", "author", "authors", "autor", "autorin", "autorka", "autorzy", "auteur",
        "writer", "reporter", "text", "texte", "текст", "автор", "BY", "By", "Von", "AUTHOR",
        "Story", "ſtory", "bypass", "did", "december", "part", "Ann", "Lee", "texts", "reviews",
        "x", "2", "_", "é",
    }
)  # fmt: skip
SEPARATORS = ["", " ", "  ", "\t", "\n", ":", " :", ": ", "：", "-", ",", "\x1c", "\xa0"]
TEXTS = st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)), max_size=4).map(
    lambda parts: "".join(sep + word for sep, word in parts)
) | st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)).map("".join)


@settings(max_examples=5000, deadline=None)
@given(TEXTS, st.sampled_from(SEPARATORS))
def test_labels_keep_every_match(text: str, tail: str) -> None:
    text += tail
    got = byline_labels(text)
    assert needed(text) & ~got == 0
    if text.isascii():
        assert _byline.labels(text) == _labels(text) == got
    else:
        assert _byline.labels(text) is None
        assert got == (LABELS if BYLINE_START.match(text) else 0)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    got = byline_labels(text)
    assert needed(text) & ~got == 0
    if text.isascii():
        assert _byline.labels(text) == _labels(text)


def test_exact_masks() -> None:
    cases = {
        "By Ann Lee": LBL_BY | LBL_ALONE,
        "  by:": LBL_BY | LBL_ALONE,
        "Author: Ann Lee": LBL_AUTHOR,
        "Author : Ann": LBL_AUTHOR,
        "Authors Ann": 0,
        "A column by Ann Lee": LBL_KIND,
        "Column by: Ann": LBL_KIND | LBL_BY,
        "Story by Ann": LBL_KIND | LBL_BY,
        "Written by Ann": LBL_BY,
        "The review de Ann": LBL_KIND,
        "The review": 0,
        "Bypass road": 0,
        "Did you": 0,
        "av Ann": LBL_BY,
        "": 0,
        "   ": 0,
        "2 by 2": 0,
        "\x00by": 0,
    }
    for text, mask in cases.items():
        assert _byline.labels(text) == _labels(text) == mask, text
    assert _byline.labels("Автор: Ann") is None
    with pytest.raises(TypeError):
        _byline.labels(b"by")  # type: ignore[arg-type]
    assert _byline.labels("by " * 100_000) == LBL_BY | LBL_ALONE


def test_without_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Headline", "By Ann Lee", "Body text here."]
    found = article.byline_at(texts, 1)
    monkeypatch.setattr(article, "_byline", None)
    assert article.byline_labels("Ann Lee") == 0
    assert article.byline_labels("By Ann") == LABELS
    assert article.byline_at(texts, 1) == found == (["Ann Lee"], (1,))
