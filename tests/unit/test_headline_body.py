"""The body words that headline.context finds once per page as a table of the compiled module
(newsdump/_headline.c body_table: no str made for them) count a set's words as the frozenset
tokens(" ".join(texts[i] for i in sample)) does; body_words (made when first asked for), the
page <title> and the compiled rows are what they were with the frozenset made at once."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab AB_19.-|–:»\u0130\u03a3\u03c3\u00df\u00c9\u212a中文한\n\t\x00"),
        st.characters(),
    ),
    max_size=40,
)
PLAIN = st.text(
    alphabet=st.sampled_from("ab AB_19.-|:\u00e9\u00c9\u00df\u212a\u0142\u017f"), max_size=40
)
TEXTS = st.lists(st.one_of(TEXT, PLAIN), min_size=1, max_size=10)


def reference(texts: list[str], sample: list[int]) -> frozenset[str]:
    return frozenset(H.tokens(" ".join(texts[i] for i in sample)))


def allows_table(texts: list[str], sample: list[int]) -> bool:
    """No block of the sample holds 'İ', 'Σ' or a CJK character."""
    return not any(
        "\u0130" in texts[i] or "\u03a3" in texts[i] or H.WIDE.search(texts[i]) for i in sample
    )


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.data())
def test_body_table_counts_as_the_frozenset(texts: list[str], data: st.DataObject) -> None:
    sample = data.draw(st.lists(st.integers(0, len(texts) - 1), max_size=8))
    table = H._headline.body_table(texts, sample)
    want = reference(texts, sample)
    assert (table is not None) is allows_table(texts, sample)
    if table is None:
        return
    pool = sorted(want | H.tokens(" ".join(texts)))
    extra = data.draw(st.lists(st.one_of(TEXT, st.sampled_from(pool or [""])), max_size=12))
    words = set(data.draw(st.lists(st.sampled_from(pool), max_size=12)) if pool else []) | set(
        extra
    )
    assert H._headline.body_common(table, words) == len(words & want)
    assert H._headline.body_common(table, set()) == 0
    for w in want:
        assert H._headline.body_common(table, {w}) == 1
        assert H._headline.body_common(table, {w + "x"}) == int(w + "x" in want)


def test_body_table_examples() -> None:
    texts = ["Mayor Opens the new_bridge", "x", "THE mayor, opened 19 ÉTÉ; mayor"]
    table = H._headline.body_table(texts, [0, 2])
    assert table is not None
    assert H._headline.body_common(table, {"mayor", "the", "new_bridge", "été", "19", "x"}) == 5
    assert H._headline.body_common(table, {"Mayor", "opens opened", ""}) == 0
    assert H._headline.body_common(table, {"opened", "opens"}) == 2
    assert H._headline.body_table(texts, []) is not None
    assert H._headline.body_common(H._headline.body_table(texts, []), {"", "x"}) == 0
    assert H._headline.body_table(["İstanbul", "a"], [1, 0]) is None
    assert H._headline.body_table(["ΣΟΦΙΑ"], [0]) is None
    assert H._headline.body_table(["中文新闻"], [0]) is None
    assert H._headline.body_table(["中文新闻", "b"], [1]) is not None
    assert H._headline.body_table(["a", "b"], [-1]) is not None
    with pytest.raises(IndexError):
        H._headline.body_table(["a"], [1])
    with pytest.raises(TypeError):
        H._headline.body_table(["a", 3], [1])
    with pytest.raises(TypeError):
        H._headline.body_common(table, ["a"])
    with pytest.raises(ValueError):
        H._headline.body_common(object(), {"a"})


def test_body_table_many_words() -> None:
    """A table that grows past its first size (thousands of words, one repeated)."""
    words = [f"w{k}" for k in range(5000)]
    texts = [" ".join(words[:2500]), " ".join(words[2500:]) + " W0 w1"]
    table = H._headline.body_table(texts, [0, 1])
    assert table is not None
    assert H._headline.body_common(table, set(words) | {"w5000", "w"}) == 5000
    huge = ["x " * 50_000]
    assert H._headline.body_common(H._headline.body_table(huge, [0]), {"x", "x "}) == 1


@pytest.mark.parametrize("compiled", [True, False])
@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_context_body_words(compiled: bool, texts: list[str], data: st.DataObject) -> None:
    blanks = [(False, True)] * len(texts)
    first = data.draw(st.integers(0, len(texts)))
    body = list(range(first, len(texts)))
    sample = body[H.IN_BODY : H.IN_BODY + H.BODY_SAMPLE] or body
    want = reference(texts, sample)
    with pytest.MonkeyPatch.context() as mp:
        if not compiled:
            mp.setattr(H, "_headline", None)
        ctx = H.context(texts, blanks, body)
        assert ctx.title == H.page_title(texts[0], want)
        words = H.tokens(texts[0]) | {"x", "é"}
        assert ctx.body_shared(words) == len(words & want)
        assert ctx.body_words == want
        assert ctx.body_words is ctx.body_words  # made once
        assert ctx.body_shared(words) == len(words & want)
    assert (ctx.body is not None) is (compiled and allows_table(texts, sample))


def test_context_title_from_the_table() -> None:
    texts = ["Gazette | Mayor opens the new bridge", "x", "y", "z", "The mayor opened a bridge"]
    ctx = H.context(texts, [(False, False)] * 5, [1, 2, 3, 4])
    assert ctx.body is not None
    assert ctx.words is None  # no frozenset made
    assert ctx.title == "Mayor opens the new bridge"
    assert ctx.words is None
    assert ctx.body_words == frozenset({"z", "the", "mayor", "opened", "a", "bridge"})


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_body_table_with_the_ledes_counts_the_body_alone(
    texts: list[str], data: st.DataObject
) -> None:
    """The blocks of the ledes that the table also indexes (each with a bit of its own) change
    nothing in what it counts of the body."""
    size = len(texts)
    sample = data.draw(st.lists(st.integers(0, size - 1), max_size=8))
    heads = data.draw(st.lists(st.integers(-2, size + 1), max_size=3))
    lede_blocks = data.draw(st.integers(0, 3))
    alone = H._headline.body_table(texts, sample)
    both = H._headline.body_table(texts, sample, heads, lede_blocks)
    assert (both is None) is (alone is None)
    if both is None or alone is None:
        return
    words = H.tokens(" ".join(texts)) | set(data.draw(st.lists(TEXT, max_size=6)))
    assert H._headline.body_common(both, words) == H._headline.body_common(alone, words)
    for w in words:
        assert H._headline.body_common(both, {w}) == H._headline.body_common(alone, {w})


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_rows_count_the_ledes_in_the_body_table(texts: list[str], data: st.DataObject) -> None:
    """The compiled rows, whose ledes are read in the body table where it indexes their blocks
    (and in tables or sets of their own elsewhere), are the Python rows."""
    size = len(texts)
    first = data.draw(st.integers(0, size))
    body = list(range(first, size))[:: data.draw(st.integers(1, 2))]
    ctx = H.context(texts, [(False, True)] * size, body)
    cands = data.draw(st.permutations(range(size)))
    plain = H._features(ctx, cands, H._Blocks(texts))
    compiled = H._compiled_features(ctx, cands, H._Blocks(texts))
    assert compiled.tobytes() == np.asarray(plain, dtype=np.float64).tobytes()


def test_ledes_of_the_body_table_example() -> None:
    texts = [
        "Mayor opens the bridge today",
        "The mayor opened the bridge",  # the first body block: the lede of the headline
        "中文新闻",  # a block of no table: the ledes that hold it are sets
        "Crowds came to the river",  # the sample from here on
        "Traffic will flow from Monday",
        "The bridge cost two million",
    ]
    ctx = H.context(texts, [(False, True)] * 6, [1, 2, 3, 4, 5])
    assert ctx.body is not None
    cands = [0, 1, 2, 3, 4, 5]
    plain = H._features(ctx, cands, H._Blocks(texts))
    compiled = H._compiled_features(ctx, cands, H._Blocks(texts))
    assert compiled.tolist() == plain
    lede = H.FEATURES.index("lede_share")
    assert plain[0][lede] == 3 / 5  # mayor, the, bridge of "The mayor opened the bridge"
    assert plain[1][lede] == 1 / 4  # "the" (a lede of the sets: it holds the CJK block)
    assert plain[2][lede] == 0.0  # CJK pairs, looked up in the table's blocks 3 and 4
    assert plain[3][lede] == 1 / 5  # "the", of block 5
