"""The compiled forest (newsdump/_headline.c: forest, scores, scores_array): the trees packed
once per ranker, the rows walked in tiles and each leaf added to its running sum of numpy's
pairwise order, give the numpy walk's floats exactly, for any number of rows (several tiles),
of trees (several blocks of the pairwise sum, and forests whose running sums do not fit the
stack), of depths and of columns (the one-line trees of depth 2 only below 256 columns)."""

from __future__ import annotations

import copy
import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_headline_exact import random_tree

from newsdump import headline as H

needs_compiled = pytest.mark.skipif(H._headline is None, reason="_headline.c was not built")


def random_ranker(seed: int, n_trees: int, depth: int, width: int) -> H.Ranker:
    """Trees of at most `depth` levels over `width` columns, their leaves far apart in
    magnitude (another order of the sum gives other floats)."""
    rng = np.random.default_rng(seed)
    trees = tuple(random_tree(rng, depth, width) for _ in range(n_trees))
    names = tuple(f"f{j}" for j in range(width))
    return H.Ranker(names, float(rng.normal()), trees, 0.0)


def same(a: list[float], b: list[float]) -> bool:
    return a == b and [math.copysign(1.0, v) for v in a] == [math.copysign(1.0, v) for v in b]


@needs_compiled
@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([1, 7, 8, 9, 120, 128, 129, 136, 257, 500, 1000]),
    st.integers(0, 3),
    st.sampled_from([1, 45, 46, 47, 64, 65, 130, 200]),
    st.sampled_from([3, 52, 300]),
)
def test_the_forest_walk_is_the_numpy_walk(
    seed: int, n_trees: int, depth: int, n: int, width: int
) -> None:
    ranker = random_ranker(seed, n_trees, depth, width)
    rng = np.random.default_rng(seed + 1)
    x = rng.normal(size=(n, width))
    x[rng.random(size=x.shape) < 0.1] = np.nan  # a NaN goes left everywhere
    x[rng.random(size=x.shape) < 0.1] = 0.0
    reference = ranker._scores(x)
    assert same(ranker.scores(x), reference)  # scores_array
    assert same(ranker.scores(x.tolist()), reference)  # scores


@needs_compiled
def test_a_forest_too_big_for_the_stack_is_walked_a_row_at_a_time() -> None:
    ranker = random_ranker(3, 40_000, 0, 4)  # 2 500+ running sums: more than the stack holds
    x = np.random.default_rng(4).normal(size=(3, 4))
    assert same(ranker.scores(x), ranker._scores(x))


@needs_compiled
def test_the_compiled_walk_refuses_what_it_cannot_walk() -> None:
    ranker = random_ranker(5, 20, 2, 52)
    feature, threshold, value, depth = ranker.compiled
    assert H._headline is not None
    with pytest.raises(ValueError):  # a column past the rows
        H._headline.scores_array(np.zeros((2, 3)), 3, ranker.forest, 0.0)
    with pytest.raises(ValueError):
        H._headline.scores([[0.0] * 3], 3, ranker.forest, 0.0)
    with pytest.raises(ValueError):  # a buffer that is no whole number of rows
        H._headline.scores_array(np.zeros(7), 52, ranker.forest, 0.0)
    with pytest.raises(ValueError):  # no forest
        H._headline.scores_array(np.zeros((1, 52)), 52, H._TESTS, 0.0)
    with pytest.raises(ValueError):  # arrays that disagree
        H._headline.forest(feature, threshold[:-1], value, depth)
    with pytest.raises(ValueError):
        H._headline.forest(-feature - 1, threshold, value, depth)
    with pytest.raises(ValueError):
        H._headline.forest(feature, threshold, value, 31)
    assert H._headline.scores_array(np.zeros((0, 52)), 52, ranker.forest, 0.5) == []
    assert H._headline.scores([], 52, ranker.forest, 0.5) == []


def test_the_shipped_ranker_scores_as_numpy() -> None:
    ranker = H.load_ranker()
    x = np.random.default_rng(9).normal(size=(70, len(H.FEATURES)))
    assert same(ranker.scores(x), ranker._scores(x))


def test_a_ranker_is_pickled_and_copied_with_its_forest_made_again() -> None:
    ranker = H.load_ranker()
    for again in (pickle.loads(pickle.dumps(ranker)), copy.deepcopy(ranker), copy.copy(ranker)):
        assert again == ranker
        assert (again.forest is None) == (ranker.forest is None)
        x = np.random.default_rng(2).normal(size=(5, len(H.FEATURES)))
        assert same(again.scores(x), ranker.scores(x))
