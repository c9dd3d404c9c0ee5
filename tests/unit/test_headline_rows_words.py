"""The compiled rows count a candidate's words on C tables (newsdump/_headline.c, cand_shared)
where the block and the body's, lede's and page title's words allow it, else on the sets of
str: both give the Python rows' word shares (body_share, page_share, page_recall, lede_share and
the ranks of them), bit for bit, on blocks of every kind: ASCII, Latin-1, wide and astral
letters, 'İ' and 'Σ' (lowered by context), CJK characters (whose pairs are words), NUL, lone
surrogates, repeated words, blocks around the 500 characters the stack holds, titles with CJK
pairs, and pages whose body or lede has no table."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

SHARES = [
    H.FEATURES.index(name) for name in ("body_share", "page_share", "page_recall", "lede_share")
]

WORDS = [
    "bridge", "Bridge", "BRIDGE", "council", "votes", "río", "Straße", "STRASSE", "\u212aelvin",
    "kelvin", "ſhip", "ship", "İstanbul", "istanbul", "ΣΟΦΙΑ", "σοφια", "中文", "地铁三号线",
    "a_b", "x\x00y", "ab\ud800c", "𝔘nicode", "ǅemal", "ǆemal", "12", "٣٤", "Ⅻ", "-", "", "é",
]  # fmt: skip


def block(words: list[str], seps: list[str]) -> str:
    return "".join(w + s for w, s in zip(words, seps, strict=False))


word_lists = st.lists(st.sampled_from(WORDS), max_size=14)
text = st.one_of(
    st.builds(lambda ws: " ".join(ws), word_lists),
    st.builds(lambda ws: ", ".join(ws) + ".", word_lists),
    st.text(alphabet="aAbB İΣσ中é\x00\ud800𝔘_9 .,-", max_size=30),
    # around the 500 characters a candidate's words are counted on the stack
    st.builds(lambda n, w: ("x" * (n - len(w) - 1) + " " + w)[:n], st.integers(495, 505),
              st.sampled_from(WORDS)),
)  # fmt: skip


def rows_alike(ctx: H.Context, cands: list[int]) -> None:
    plain = H._features(ctx, cands, H._Blocks(ctx.texts))
    compiled = H._compiled_features(ctx, cands, H._Blocks(ctx.texts))
    a = np.asarray(plain, dtype=np.float64).reshape(len(cands), len(H.FEATURES))
    assert compiled.tobytes() == a.tobytes()
    assert compiled[:, SHARES].tobytes() == a[:, SHARES].tobytes()


@settings(max_examples=500, deadline=None)
@given(
    st.lists(text, min_size=1, max_size=16),
    st.data(),
)
def test_word_shares_on_tables_are_the_python_shares(texts: list[str], data: st.DataObject) -> None:
    size = len(texts)
    first = data.draw(st.integers(0, size))
    body = list(range(first, size))
    ctx = H.context(texts, [(True, True)] * size, body)
    cands = data.draw(st.lists(st.integers(0, size - 1), max_size=10))
    rows_alike(ctx, cands)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Council votes on the bridge", "The council votes. The bridge is old."),  # all tables
        ("中文 bridge", "The council votes on the bridge."),  # CJK pairs in the title
        ("Council votes on the bridge", "地铁三号线 council bridge"),  # no body table (CJK)
        ("Council votes on the bridge", "İstanbul council bridge"),  # no body table ('İ')
        ("", "the bridge"),  # an empty title
    ],
)
@pytest.mark.parametrize(
    "cand",
    [
        "Council votes on the bridge",
        "council COUNCIL Council votes votes",
        "Straße \u212aelvin ſhip río",
        "İstanbul council bridge",  # by the sets ('İ')
        "ΣΟΦΙΑ council bridge",  # by the sets ('Σ')
        "中文 council bridge",  # by the sets (CJK pairs)
        "x\x00y ab\ud800c 𝔘nicode bridge",
        "bridge " * 71 + "council",  # over 500 characters: by the sets
        ("b" * 493 + " bridge")[:500],  # 500: on the stack
        "",
        "...",
    ],
)
def test_word_shares_of_chosen_blocks(title: str, body: str, cand: str) -> None:
    for lede in (body, "中文 bridge council", "Σ bridge", ""):  # lede tables and sets
        texts = [title + " - Harbour Times", cand, "By Ann Lee", lede, body, body]
        ctx = H.context(texts, [(True, True)] * len(texts), [3, 4, 5], [2])
        rows_alike(ctx, [1, 0, 3, 4, 1])
        rows_alike(ctx, [5, 1])
