"""The compiled rows' whole.count of a candidate (newsdump/_headline.c: the index of the
candidates' anchor characters, built by the one-by-one scan or, where the CPU has AVX2, 32
characters at a time) is str.count in "\\n".join(texts), and the blocks it finds whole are
texts.count(text): overlapping and nested texts, every kind of str, blocks longer and shorter
than 32 characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

# the ASCII anchors and others: bytes above 127 (the second nibble table), characters whose low
# bits are those of an ASCII one ('ѡ' 0x461, 'ࡡ' 0x861), NUL, CJK, astral, a lone surrogate
CHARS = "ea QZzq.,\n\t\x00\x7f\x80\xa0\xe9\xffőѡࡡ中文\U0001f600\ud800"
PIECE = st.one_of(
    st.sampled_from(["aa", "aaa", "zz", "qz", "é", "ÿÿ", "\x80", "中文", "a\na", "Z" * 40]),
    st.text(alphabet=CHARS, max_size=8),
)
TEXT = st.lists(PIECE, max_size=9).map("".join)


def counts_both(texts: list[str], cands: list[int]) -> None:
    whole = "\n".join(texts)
    want = [whole.count(texts[c]) for c in cands]
    assert H._headline.whole_counts(texts, cands, True) == want
    assert H._headline.whole_counts(texts, cands, False) == want
    # the blocks equal to the text, as the index tells them (rows' `same`): -1 just where the
    # text is counted in the join (empty, or holding a "\n")
    equal = [texts.count(texts[c]) if texts[c] and "\n" not in texts[c] else -1 for c in cands]
    for plain in (True, False):
        assert H._headline.whole_counts(texts, cands, plain, True) == list(
            zip(want, equal, strict=True)
        )


@settings(max_examples=2500, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=12), st.data())
def test_whole_counts_as_str_count(texts: list[str], data: st.DataObject) -> None:
    cands = data.draw(st.lists(st.integers(0, len(texts) - 1), max_size=8))
    counts_both(texts, cands)


@settings(max_examples=800, deadline=None)
@given(TEXT.filter(bool), st.lists(TEXT, min_size=1, max_size=6))
def test_a_text_inside_other_blocks(text: str, others: list[str]) -> None:
    # each block holds the candidate between two others: long blocks, overlapping repeats
    texts = [text, *(f"{o}{text}{text}{o}{text[:-1]}" for o in others), text * 40]
    counts_both(texts, list(range(len(texts))))


def test_long_ascii_blocks_and_tails() -> None:
    for n in range(0, 70):
        block = ("abcdefgz" * 10)[:n]
        texts = [block, "z", "gz", "ÿz" * (n // 2), block + "\x80z", "qz"]
        counts_both(texts, list(range(len(texts))))
    texts = ["x" * 31 + "q", "q" * 33, "q", "qq", "\xffq" * 17, "\xff"]
    counts_both(texts, [2, 3, 5])
    assert H._headline.whole_counts(texts, [2, 3, 5], False) == [54, 17, 18]


def test_whole_counts_rejects_what_is_not_a_page() -> None:
    with pytest.raises(TypeError):
        H._headline.whole_counts(["a", 3], [0], False)
    with pytest.raises(IndexError):
        H._headline.whole_counts(["a"], [1], False)
    assert H._headline.whole_counts([], [], True) == []
