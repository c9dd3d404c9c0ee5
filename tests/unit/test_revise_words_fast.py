"""The compiled word count of `newsdump.revise._facts` (newsdump/_revise.c) is
``len(text.split())`` on texts of every kind and length: the UCS2 count reads each run of 8
characters once and carries the spaces of its last into the next run's pairs, so the runs'
edges, the tails shorter than 8 and the sums taken every 32767 runs are tested here."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R

compiled = pytest.mark.skipif(R._revise is None, reason="newsdump/_revise.c was not built")

SPACES = [" ", "\t", "\n", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2000", "\u200a"]
SPACES += ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
NOT_SPACES = ["a", "’", "é", "\x84", "\x86", "\x9f", "\u200b", "\u2027", "\u202a", "\u3001"]
NOT_SPACES += ["\u1681", "\u167f", "\u2030", "\u205e", "\u2060", "\x08", "\x0e", "\x1b", "\x21"]
WIDENERS = ["", "’", "\u3000", "\u1680", "\U0001f600"]
pieces = st.sampled_from(SPACES + NOT_SPACES) | st.text(max_size=3)
texts = st.tuples(
    st.sampled_from(WIDENERS), st.lists(pieces, max_size=60).map("".join), st.integers(0, 40)
)


def counts(text: str) -> list[int]:
    out = listed((text, True, 0.5, False), (" " + text + "\u3000", False, 0.95, False))
    return R._facts(out)[2]


@compiled
@settings(max_examples=3000, deadline=None)
@given(texts)
def test_the_compiled_word_count_is_str_split_s(spec: tuple[str, str, int]) -> None:
    widener, text, at = spec
    text = text[:at] + widener + text[at:]  # (the widest character anywhere: the text's kind)
    assert counts(text) == [len(text.split())] * 2


@compiled
@pytest.mark.parametrize("widener", ["’", "\U0001f600", "é"])
@pytest.mark.parametrize("unit", ["ab ", "a\u3000", "’ ", "a\u2029b ", "x"])
def test_a_long_text_s_count_past_the_sums_every_32767_runs(widener: str, unit: str) -> None:
    if R._revise is None:
        pytest.skip("newsdump/_revise.c was not built")
    for extra in range(0, 17):  # (every offset of the runs of 8 against the text's end)
        text = widener + unit * (300_000 // len(unit)) + "y" * extra
        assert counts(text) == [len(text.split())] * 2
