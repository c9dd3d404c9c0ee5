"""The compiled paths of `newsdump.revise` added for speed (session 11) against the Python
ones: the word count's vectors (SSE2: 16 UCS1 or 8 UCS2 characters at a time, their sums taken
every 255 or 32767 rounds), and the rules' shortcuts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R

compiled = pytest.mark.skipif(R._revise is None, reason="newsdump/_revise.c was not built")
SPACED = ["a", "é", "Ж", "東", "😀", " ", "  ", "\t", "\n", "\x1c", "\x1f", "\x85", "\xa0", "\u1680"]
SPACED += ["\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\x00"]


@compiled
@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(SPACED), max_size=120).map("".join), st.integers(0, 40))
def test_the_compiled_word_count_is_str_split_s(text: str, repeat: int) -> None:
    text = text * repeat  # (long enough for several vectors, short enough for a tail)
    out = listed((text, True, 0.5, False), ("x" + text, False, 0.5, False))
    assert R._facts(out)[2] == [len(text.split()), len(("x" + text).split())]


@compiled
@pytest.mark.parametrize("unit", ["a b", "ab\xa0", "東 ", "Ж\u3000\u3000"])
def test_the_compiled_word_count_of_a_long_text_sums_its_lanes_often_enough(unit: str) -> None:
    for text in (unit * 150_000, "x" * 300_000 + " y", unit * 10 + "z" * 5000 + " " + unit):
        out = listed((text, True, 0.5, False))
        assert R._facts(out)[2] == [len(text.split())]
