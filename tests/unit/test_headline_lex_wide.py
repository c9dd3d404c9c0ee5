"""The compiled pre-tests' scan of a text that is not ASCII (newsdump/_headline.c lex_hits: the
folds of its characters remembered on a long scan, the first two characters of the words
tested before the words themselves) finds what the patterns find: long lines that mix the
pre-tests' words (in any case) with letters that IGNORECASE folds to ASCII ones ('K' the Kelvin
sign, 'ſ', 'İ', 'ı') and other scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

pytestmark = pytest.mark.skipif(H._headline is None, reason="the C extension was not built")

WORDS = sorted({w for words in (*H._TEST_PARTS[:6], H._CREDIT_STARTS) for w in words})
ODD = ["\u212a", "\u017f", "\u0130", "\u0131", "ß", "é", "Ω", "中文", "Иван", "’", "\ud800", " "]


def _recase(word: str, flips: list[bool]) -> str:
    flags = flips + [False] * len(word)
    return "".join(c.upper() if f else c for c, f in zip(word, flags[: len(word)], strict=True))


word = st.builds(_recase, st.sampled_from(WORDS), st.lists(st.booleans(), max_size=20))
# a word with one of its letters replaced by a character that folds to it (or does not)
swapped = st.builds(
    lambda w, k, c: w[: k % max(1, len(w))] + c + w[k % max(1, len(w)) + 1 :],
    st.sampled_from(WORDS),
    st.integers(0, 20),
    st.sampled_from(ODD),
)
piece = st.one_of(word, swapped, st.sampled_from([*ODD, " Ann Lee ", ": ", "(", ")", "/"]))
LONG = st.lists(piece, min_size=4, max_size=16).map("".join).filter(lambda t: not t.isascii())


@settings(max_examples=2000, deadline=None)
@given(LONG)
def test_compiled_has_credit_on_long_wide_lines(text: str) -> None:
    want = H.CREDIT.search(text) is not None
    assert H._headline.credit(text, H._TESTS) is want
    assert H._has_credit(text, H.folded(text)) is want


@settings(max_examples=500, deadline=None)
@given(st.lists(LONG, min_size=2, max_size=6))
def test_compiled_blocks_on_long_wide_lines(texts: list[str]) -> None:
    size = len(texts)
    ctx = H.context(texts, [(False, True)] * size, [size - 1])
    blocks = H._Blocks(texts)
    compiled = H._candidates(ctx, blocks)
    every = list(range(size))
    rows = H._compiled_features(ctx, every, blocks)
    plain = H._Blocks(texts)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(H, "_headline", None)
        assert compiled == H.candidates(ctx)
    assert rows.tolist() == H._features(ctx, every, plain)
    for j in every:
        assert blocks._labels[j] in (None, plain.not_headline(j))
        assert blocks._shapes[j] in (None, plain.shape(j))
