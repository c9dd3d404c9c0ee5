"""headline.led: a pattern behind a lookahead for its first character matches as the plain
pattern (CREDIT, article.DATE_CUE and UPDATE_CUE)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article as A
from newsdump import headline as H

# (the fast pattern, its source, the first characters of its alternatives)
LED = [
    (H.CREDIT, H.CREDIT_SOURCE, "(pifcg/sa"),
    (A.DATE_CUE, A.DATE_CUE_SOURCE, "pvo"),
    (A.UPDATE_CUE, A.UPDATE_CUE_SOURCE, "uamz수更"),
]
WORDS = [
    "(photo", "(Image", "photographs :", "FOTO:", "credit", "Credits:", "Getty Images", "/AFP",
    "/reuters", "/ap", "/APx", "Shutterstock", "Associated Press)", "published", "POSTED",
    "veröffentlicht", "Publié", "publicado", "opublikowano", "pubblicato", "updated",
    "AKTUALISIERT",
    "mis à jour", "actualizado", "zaktualizowano", "aktualizac", "수정", "更新", "ſhutterstock",
    "\u212aredit", "İmage", "x", "(", ":", " ", "\n", "é", "ß",
]  # fmt: skip
TEXTS = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=8).map("".join),
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
    st.text(max_size=60),
)


@settings(max_examples=2000, deadline=None)
@given(TEXTS)
def test_led_patterns_match_as_the_plain_ones(text: str) -> None:
    for fast, source, _ in LED:
        plain = re.compile(source, fast.flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert bool(fast.match(text)) == bool(plain.match(text))


@pytest.mark.parametrize(("fast", "source", "first"), LED)
def test_the_lookahead_takes_every_first_character(
    fast: re.Pattern[str], source: str, first: str
) -> None:
    """Over every code point: the lookahead's class takes a character just when one of the
    alternatives' first characters does, under the same flags."""
    cls = re.compile(fast.pattern[3 : fast.pattern.index("]") + 1], fast.flags)
    heads = re.compile("|".join(map(re.escape, first)), fast.flags)
    chars = "".join(map(chr, range(0x110000)))  # lone surrogates too
    assert [m.start() for m in cls.finditer(chars)] == [m.start() for m in heads.finditer(chars)]
