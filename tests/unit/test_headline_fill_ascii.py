"""block_fill's ASCII blocks (newsdump/_headline.c: lower-cased and split into words without
the other kinds' tests): the body table of long ASCII blocks (long words, words
across 16-character boundaries, every ASCII character, NUL) counts a set's words as the frozenset
tokens(" ".join(texts[i] for i in sample)) does, and the blocks of other kinds beside them too."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=120)
RUNS = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from("aZ_9@[`{/:"), min_size=1, max_size=40),
        st.sampled_from([" ", "\x00", "\t", "-", "  ", "\x7f"]),
    ),
    max_size=30,
).map("".join)
OTHER = st.text(
    alphabet=st.one_of(st.sampled_from("aB é\u00df\u212a\ud800\x00_"), st.characters()),
    max_size=60,
)
TEXTS = st.lists(st.one_of(ASCII, RUNS, OTHER), min_size=1, max_size=8)


def reference(texts: list[str], sample: list[int]) -> frozenset[str]:
    return frozenset(H.tokens(" ".join(texts[i] for i in sample)))


def check(texts: list[str], sample: list[int], extra: list[str]) -> None:
    table = H._headline.body_table(texts, sample)
    if table is None:
        return
    want = reference(texts, sample)
    everything = H.tokens(" ".join(texts))
    words = set(want) | set(everything) | set(extra)
    assert H._headline.body_common(table, words) == len(words & want)
    for w in want:
        assert H._headline.body_common(table, {w}) == 1
        assert H._headline.body_common(table, {w[:-1], w + "a"}) == len({w[:-1], w + "a"} & want)


@settings(max_examples=600, deadline=None)
@given(TEXTS, st.data())
def test_ascii_fill_counts_as_the_frozenset(texts: list[str], data: st.DataObject) -> None:
    sample = data.draw(st.lists(st.integers(0, len(texts) - 1), max_size=6))
    extra = data.draw(st.lists(st.one_of(ASCII, RUNS), max_size=6))
    check(texts, sample, extra)


def test_ascii_fill_examples() -> None:
    long_word = "Abcdefghijklmnopqrstuvwxyz0123456789_ABC"
    texts = [
        "The Mayor opened the NEW bridge on Tuesday, 19 May; THE mayor said",
        long_word + " x" * 20 + " " + long_word.lower(),
        "a" * 15 + " " + "b" * 16 + "\x00" + "c" * 17 + "@" + "D" * 33,
        "0123456789abcdef" * 4,
        "",
        " " * 40,
        "Zürich mayor opens the bridge, ÉTÉ 2024 and more words than sixteen",
    ]
    for sample in ([0], [1], [2], [3], [4, 5], [0, 1, 2, 3, 4, 5, 6], [6, 0]):
        check(texts, sample, ["mayor", "the", long_word.lower(), "a" * 15, "b" * 16, "d" * 33])
    table = H._headline.body_table(texts, [2, 3])
    assert table is not None
    assert H._headline.body_common(table, {"a" * 15, "b" * 16, "c" * 17, "d" * 33}) == 4
    assert H._headline.body_common(table, {"0123456789abcdef" * 4, "a" * 16, "D" * 33}) == 1


def test_ascii_fill_huge_block() -> None:
    text = "\n".join(f"Word{k % 997} line" for k in range(50_000))
    table = H._headline.body_table([text], [0])
    assert table is not None
    want = reference([text], [0])
    assert len(want) == 998
    assert H._headline.body_common(table, set(want) | {"word997", "lines"}) == 998
