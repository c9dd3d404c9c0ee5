"""The compiled block facts that read a text by its kind (newsdump/_headline.c: maybe_date's
typed loops, which skip two places where the next character is no digit nor "/"; the ASCII
paths of shape_rest_of, is_upper and the rows' digits, capitals and colon) are the Python ones
on texts of every kind: ASCII, Latin-1, UCS-2 and UCS-4, digits that are not ASCII among them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H
from newsdump.dates import MAYBE_DATE

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

# one character that makes a text of each kind (none: ASCII), digits among them: Arabic-Indic
# three (UCS-2), fullwidth one (UCS-2), mathematical bold one (UCS-4)
KINDS = ("", "é", "\xb2", "Ж", "\u0663", "\uff11", "\U0001d7cf", "\U0001f600")
DATE_CHARS = "0123456789/ 1920a.:-"
SHAPE_CHARS = "aZbY09 ._:;,!?-'\"\t\nÉéß\u0130\u01c5Ж\u0663\U0001d7cf"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=DATE_CHARS, max_size=20), st.sampled_from(KINDS), st.integers(0, 20))
def test_may_date_is_maybe_date_in_every_kind(text: str, kind: str, at: int) -> None:
    for t in (text, text[:at] + kind + text[at:], kind + text, text + kind):
        assert H._headline.may_date(t) == (MAYBE_DATE.search(t) is not None), ascii(t)


def test_may_date_at_the_edges() -> None:
    cases = {
        "2019": True, "x2019": True, "201": False, "19/": False, "1/2/33": True, "1/12/33": True,
        "1/42/33": False, "12/3/4": False, "a1/2/3": False, "aa/1/2/33": True, "": False,
        "1": False, "/": False, "\u0661/\u0662/\u0663\u0664": True, "2\u0660\u0661\u0662": False,
        "20\u0661\u0662": True,
        "x\U0001d7cf/1/22": True, "é 1999": True, "é 1/1": False,
    }  # fmt: skip
    for text, want in cases.items():
        assert (MAYBE_DATE.search(text) is not None) == want, text
        assert H._headline.may_date(text) == want, text


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=SHAPE_CHARS, max_size=40), st.integers(0, 45), st.booleans())
def test_shape_rest_is_the_python_one_in_every_kind(text: str, n: int, plain: bool) -> None:
    if plain:  # mostly ASCII texts: the ASCII path
        text = text.encode("ascii", "ignore").decode()
    assert H._headline.shape_rest(text, n) == H._plain_shape_rest(text, n), ascii(text)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.text(alphabet="aZ09 :.,?Ab\u0663ÉéЖ\U0001d7cf", min_size=0, max_size=30),
        min_size=1,
        max_size=8,
    ),
    st.booleans(),
)
def test_rows_digits_capitals_and_colon_in_every_kind(texts: list[str], plain: bool) -> None:
    if plain:
        texts = [t.encode("ascii", "ignore").decode() for t in texts]
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    cands = list(range(len(texts)))
    got = H._compiled_features(ctx, cands, H._Blocks(texts)).tolist()
    want = H._features(ctx, cands, H._Blocks(texts))
    for g, w in zip(got, want, strict=True):
        assert all(a == b or (math.isnan(a) and math.isnan(b)) for a, b in zip(g, w, strict=True))


COUNT_CHARS = "ab 1\t\n\x1c\x85\xa0é\u3000\u2028Ж前の한\u4e00\U0001f600\U00020000"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=COUNT_CHARS, max_size=30), st.sampled_from(KINDS))
def test_counts_are_the_python_ones_in_every_kind(text: str, kind: str) -> None:
    for t in (text, text + kind, text.encode("latin-1", "ignore").decode("latin-1")):
        assert H._headline.counts(t) == H._plain_counts(t), ascii(t)


def test_counts_split_on_every_latin1_space() -> None:
    for code in range(256):
        text = f"a{chr(code)}b é"
        assert H._headline.counts(text) == H._plain_counts(text), hex(code)


STAMP_WORDS = st.sampled_from(
    ["ago", "AGO", "aGo", "ag", "go", "a go", "2", "12:30", "5.51", "hours", "Ago:", "x", "é", "Ж"]
)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.lists(STAMP_WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=8)
)
def test_stamps_and_anchors_of_the_compiled_rows_are_the_python_ones(texts: list[str]) -> None:
    """digit_or_ago's and anchor_of's byte paths: the stamps the compiled rows fill are the
    Python ones, and the rows (recurring, quoted lines: counted from the anchors) too."""
    texts = texts + texts[:2]  # (repeated lines)
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    cands = list(range(len(texts)))
    blocks = H._Blocks(texts)
    got = H._compiled_features(ctx, cands, blocks).tolist()
    python = H._Blocks(texts)
    assert got == H._features(ctx, cands, H._Blocks(texts))
    for j, stamped in enumerate(blocks._stamps):
        if stamped is not None:
            assert stamped == python.stamped(j), texts[j]
