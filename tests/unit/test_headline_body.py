"""The body words that headline.context finds once per page as a table of the compiled module
(newsdump/_headline.c body_table: no str made for them) count a set's words as the frozenset
tokens(" ".join(texts[i] for i in sample)) does; body_words (made when first asked for), the
page <title> and the compiled rows are what they were with the frozenset made at once."""

from __future__ import annotations

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
