"""The compiled stamps (newsdump/_headline.c page_stamped) ask dates.is_time_line only of a text
of at most 30 characters once stripped: is_time_line refuses a longer one at once (its first
test), so the stamps are the Python ones, whatever spaces stand around a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H
from newsdump.dates import is_time_line

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

TIMES = ["5:56 PM", "2 hours ago", "Dec. 6", "12.30", "an hour ago", "Nov 19, 6:51 AM", "1 day ago"]
SPACES = st.text(alphabet=" \t\n\x0b\x0c\r\x1c\x85\xa0\u1680\u2000\u2028\u3000", max_size=40)
PIECE = st.one_of(st.sampled_from(TIMES), st.text(alphabet="aZ09:. é", max_size=30))
LINE = st.builds(lambda a, t, b: a + t + b, SPACES, PIECE, SPACES)


@settings(max_examples=1500, deadline=None)
@given(LINE)
def test_is_time_line_refuses_a_long_stripped_text(text: str) -> None:
    if len(text.strip()) > 30:
        assert not is_time_line(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=8))
def test_compiled_stamps_of_padded_times_are_the_python_ones(texts: list[str]) -> None:
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    cands = list(range(len(texts)))
    blocks = H._Blocks(texts)
    got = H._compiled_features(ctx, cands, blocks).tolist()
    assert got == H._features(ctx, cands, H._Blocks(texts))
    python = H._Blocks(texts)
    for j, stamped in enumerate(blocks._stamps):
        if stamped is not None:
            assert stamped == python.stamped(j), ascii(texts[j])


def test_stamps_at_the_length_limit() -> None:
    for pad in range(0, 30):
        for time in ("5:56 PM", "2 hours ago"):
            for text in (" " * pad + time + " " * pad, time + " x" * pad, "\u3000" * pad + time):
                blocks = H._Blocks([text, "Body text of the page"])
                ctx = H.context(blocks.texts, [(False, False)] * 2, [1])
                H._compiled_features(ctx, [0, 1], blocks)
                python = H._Blocks([text, "Body text of the page"])
                assert blocks._stamps[0] in (None, python.stamped(0)), ascii(text)
                assert blocks._stamps[1] in (None, python.stamped(1))
