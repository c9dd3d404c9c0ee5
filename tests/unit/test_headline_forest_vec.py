"""The one-line trees (depth 2) of the compiled forest are walked four rows at a time without a
branch (newsdump/_headline.c walk_lines, a tile's rows transposed and padded to a multiple of
four): the numpy walk's floats for every count of rows around the groups of four and the tiles,
with NaN, infinities, signed zeros and values equal to the thresholds in the rows."""

from __future__ import annotations

import math

import numpy as np
import pytest
from test_headline_forest import random_ranker, same

from newsdump import headline as H

pytestmark = pytest.mark.skipif(H._headline is None, reason="_headline.c was not built")


@pytest.mark.parametrize("n", [*range(1, 14), 31, 32, 33, 63, 64, 65, 129])
@pytest.mark.parametrize("n_trees", [1, 9, 500])
def test_four_rows_at_a_time(n: int, n_trees: int) -> None:
    ranker = H.Ranker(*(lambda r: (r.features, r.baseline, r.trees, r.threshold))(
        random_ranker(n * 7 + n_trees, n_trees, 2, 53)
    ))  # fmt: skip
    rng = np.random.default_rng(n)
    x = rng.normal(size=(n, 53))
    thresholds = [t for tree in ranker.trees for t in tree.thresholds if math.isfinite(t)]
    pick = rng.random(size=x.shape)
    x[pick < 0.3] = rng.choice(thresholds or [0.0], size=int((pick < 0.3).sum()))
    for value, share in ((np.nan, 0.05), (np.inf, 0.03), (-np.inf, 0.03), (-0.0, 0.05)):
        x[rng.random(size=x.shape) < share] = value
    reference = ranker._scores(x)
    assert same(ranker.scores(x), reference)
    assert same(ranker.scores(x.tolist()), reference)
    assert same(ranker.scores(np.asfortranarray(x)), reference)


def test_the_shipped_ranker_on_few_rows() -> None:
    ranker = H.load_ranker()
    rng = np.random.default_rng(9)
    for n in range(1, 10):
        x = rng.normal(size=(n, len(H.FEATURES)))
        assert same(ranker.scores(x), ranker._scores(x))
