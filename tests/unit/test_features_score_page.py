"""score_page (score_matrix with the mass and segment_words of numpy's sums in the same call)
against score_matrix with numpy's mass and segment_words, and against the numpy reference, bit
for bit: pages of up to 700 blocks (numpy's pairwise sum in halves above 128), whole and half
words (segment_words from the table or left to numpy's log1p), segments of 4096 words or more,
the empty page."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features

_features = features._features
needs_compiled = pytest.mark.skipif(
    _features is None, reason="the compiled features were not built (no C compiler)"
)
WIDTH = len(features.SCORE_NAMES)


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def check(scores: np.ndarray, words: np.ndarray) -> bool:
    """Returns whether score_page wrote segment_words itself."""
    n = len(scores)
    page = np.full((n, WIDTH), np.nan)
    first, last, written = _features.score_page(scores, words, page, features._LOG1P_TABLE)
    apart = np.full((n, WIDTH), np.nan)
    mass = float((scores * words).sum())
    assert (first, last) == _features.score_matrix(scores, words, mass, apart)
    segment = np.log1p(float(words[first : last + 1].sum()))
    if written:
        apart[:, -1] = segment
    else:
        assert not page[:, -1].any()  # left 0 for Python
    assert same(page, apart)
    compiled, _ = features.score_features(scores, words)
    reference, _ = features._score_features_numpy(scores, words)
    assert same(compiled, reference)
    return bool(written)


@needs_compiled
def test_the_empty_page() -> None:
    assert check(np.zeros(0), np.zeros(0))


@needs_compiled
@pytest.mark.parametrize("n", [1, 7, 8, 9, 127, 128, 129, 256, 300, 700])
def test_pages_of_every_size(n: int) -> None:
    rng = np.random.default_rng(n)
    scores = rng.random(n)
    words = rng.integers(0, 40, n).astype(np.float64)
    check(scores, words)
    check(scores, words + 0.5)  # half words (an odd count of them in the segment or not)
    scores[: n // 2 + 1] = 0.9  # a long segment
    check(scores, words)
    half = words.copy()
    half[0] += 0.5
    assert not check(np.full(n, 0.9), half)  # the whole page, a half word: numpy's log1p


@needs_compiled
def test_segments_of_4096_words_or_more() -> None:
    scores = np.full(3, 0.9)
    assert check(scores, np.array([1000.0, 2000.0, 1095.0]))  # 4095: the table's last
    assert not check(scores, np.array([1000.0, 2000.0, 1096.0]))
    assert not check(scores, np.array([1e300, 1e300, 1e300]))  # inf: numpy's


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.floats(0.0, 1.0, allow_nan=False),
            st.one_of(st.integers(0, 300).map(float), st.floats(0.0, 5000.0, allow_nan=False)),
        ),
        max_size=400,
    )
)
def test_random_pages(rows: list[tuple[float, float]]) -> None:
    scores = np.array([s for s, _ in rows], dtype=np.float64)
    words = np.array([w for _, w in rows], dtype=np.float64)
    check(scores, words)
