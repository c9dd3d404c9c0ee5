"""The rules' first tests of a page, compiled (`_revise.pretests`) as in Python
(`_pretests_plain`), exactly; the numpy masks the long pages' rules used before give the same
blocks; and the compiled word counts of `_revise.facts` at every length around the 16 (UCS1)
and 8 (UCS2) characters it reads at a time."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R

compiled = pytest.mark.skipif(
    getattr(R._revise, "pretests", None) is None, reason="newsdump/_revise.c was not built"
)

SCORES = [0.0, 0.1, 0.5, R.SURE, 0.85, R.CARD_SURE, 0.95, 1.0, float("nan"), float("inf")]
pages = st.lists(st.tuples(st.booleans(), st.sampled_from(SCORES), st.integers(0, 12)), max_size=40)


def _columns(
    page: list[tuple[bool, float, int]],
) -> tuple[list[bool], list[float], list[int]]:
    return [b for b, _, _ in page], [s for _, s, _ in page], [w for _, _, w in page]


@compiled
@settings(max_examples=2000, deadline=None)
@given(pages)
def test_the_compiled_pretests_are_the_python_ones(page: list[tuple[bool, float, int]]) -> None:
    body, score, words = _columns(page)
    fast = R._revise.pretests(body, score, words, R.PRETEST_LIMITS)
    assert fast == R._pretests_plain(body, score, words)


def _at(values: np.ndarray, k: int, fill: object) -> np.ndarray:  # type: ignore[type-arg]
    n = len(values)
    shifted = np.full_like(values, fill)
    if k >= 0:
        shifted[: max(n - k, 0)] = values[k:]
    else:
        shifted[-k:] = values[: max(n + k, 0)]
    return shifted


@settings(max_examples=1000, deadline=None)
@given(pages)
def test_the_pretests_are_the_masks_of_the_arrays(page: list[tuple[bool, float, int]]) -> None:
    body_list, score_list, words_list = _columns(page)
    body = np.array(body_list, dtype=bool)
    score = np.array(score_list, dtype=np.float64)
    words = np.array(words_list, dtype=np.int64)
    sure = body & (score >= R.SURE)
    cards = (
        body
        & _at(body, 1, False)
        & ~(score >= R.CARD_SURE)
        & ~(_at(score, 1, 0.0) >= R.CARD_SURE)
        & _at(sure, -1, False)
    )
    boxes = (
        body
        & ~(score >= R.CARD_SURE)
        & _at(sure, 2, False)
        & _at(body, 1, False)
        & (_at(score, 1, R.SURE) < R.SURE)
        & (_at(words, 1, R.BUTTON_MAX_WORDS + 1) <= R.BUTTON_MAX_WORDS)
        & _at(sure, -2, False)
    )
    shorts = body & (score < R.SURE) & (words <= R.SHORT_MAX_WORDS)
    masks = [np.flatnonzero(m).tolist() for m in (sure, cards, boxes, shorts)]
    assert list(R._pretests_plain(body_list, score_list, words_list)) == masks
    assert list(R._pretests(body_list, score_list, words_list)) == masks


@compiled
def test_the_compiled_pretests_leave_what_is_no_float_or_bool_to_python() -> None:
    limits = R.PRETEST_LIMITS
    assert R._revise.pretests([True], [1], [3], limits) is None  # an int score
    assert R._revise.pretests([1], [0.5], [3], limits) is None  # a body entry no bool
    assert R._revise.pretests([True], [0.5], [2**70], limits) is None  # no C size
    assert R._revise.pretests([True], [0.5], [], limits) is None  # lists of other lengths
    assert R._pretests([True, True], [1, 0.5], [3, 3]) == ([0], [], [], [1])  # (by Python)
    assert R._revise.pretests([], [], [], limits) == ([], [], [], [])


CHARS = [" ", "a", "\u00a0", "\x85", "\t", "\u3000", "\u2003", "é", "中", "\U0001f600", "\x1c"]


@compiled
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(CHARS), max_size=60).map("".join), st.sampled_from(["", "中"]))
def test_the_compiled_word_counts_are_split_s(text: str, wide: str) -> None:
    for each in (text, text + wide, wide + text):
        out = listed((each, True, 0.5, False), (each[1:], False, 0.5, False))
        assert R._facts(out)[2] == [len(each.split()), len(each[1:].split())]


@compiled
def test_the_compiled_word_counts_at_every_length() -> None:
    for wide in ("", "\u0100", "\U00010000"):  # UCS1, UCS2, UCS4
        for n in range(70):
            for step in (1, 2, 3, 5, 7):
                text = wide + "".join("a" if k % step else " " for k in range(n))
                for each in (text, "  " + text + " ", text.replace(" ", "\u00a0")):
                    out = listed((each, True, 0.5, False))
                    assert R._facts(out)[2] == [len(each.split())], (wide, n, step)
