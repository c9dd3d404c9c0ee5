"""The compiled walk in tiles of rows (newsdump/_trees.c): every row's score is numpy's, bit for
bit, whatever the row count around the tile's size, the tree count around groups of eight and
numpy's summing steps, the depth, the width of the feature indices and the joined columns."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_model import random_forest

from newsdump import model
from newsdump.model import Forest, load_model

TILE = 16  # _trees.c's rows a tile

pytestmark = pytest.mark.skipif(model._trees is None, reason="the compiled walk was not built")


def numpy_scores(forest: Forest, x: np.ndarray) -> bytes:
    """numpy's walk of the rows (the reference), as bytes."""
    return forest._predict_chunk(x).tobytes()


def compiled_scores(forest: Forest, x: np.ndarray, split: int | None = None) -> bytes:
    """The compiled walk's scores as bytes, the columns from `split` on passed as `right`."""
    assert model._trees is not None
    if split is None:
        return forest._predict_compiled(x, None).tobytes()
    return forest._predict_compiled(x[:, :split], x[:, split:]).tobytes()


def rows_for(forest: Forest, rng: np.random.Generator, n: int, width: int = 0) -> np.ndarray:
    x = rng.normal(size=(n, max(width, int(forest.feature.max()) + 1)))
    x[::3, ::4] = np.nan
    x[1::5, ::3] = 0.0
    return x


@pytest.mark.parametrize("rows", [0, 1, 2, TILE - 1, TILE, TILE + 1, 2 * TILE + 3, 5 * TILE])
def test_row_counts_around_the_tile(rows: int) -> None:
    rng = np.random.default_rng(rows)
    for forest in (load_model().stage1, load_model().stage2, random_forest(rng, 13, 5, 9)):
        x = rows_for(forest, rng, rows)
        assert compiled_scores(forest, x) == numpy_scores(forest, x)
        assert compiled_scores(forest, x, 5) == numpy_scores(forest, x)


@pytest.mark.parametrize("trees", [1, 3, 7, 8, 9, 15, 16, 17, 100, 127, 128, 129, 135, 200])
def test_tree_counts_around_groups_and_numpy_steps(trees: int) -> None:
    rng = np.random.default_rng(100 + trees)
    forest = random_forest(rng, trees, 3, 6)
    # leaf values of very different sizes: any change of summing order shows
    scaled = forest.value * 10.0 ** rng.integers(-9, 9, forest.value.shape)
    forest = replace(forest, value=scaled)
    for rows in (1, TILE + 3, 3 * TILE):
        x = rows_for(forest, rng, rows, 6)
        assert compiled_scores(forest, x) == numpy_scores(forest, x)
        assert compiled_scores(forest, x, 2) == numpy_scores(forest, x)


@pytest.mark.parametrize("depth", [1, 2, 4, 5, 6, 8])
def test_depths(depth: int) -> None:
    rng = np.random.default_rng(200 + depth)
    forest = random_forest(rng, 21, depth, 7)
    x = rows_for(forest, rng, 2 * TILE + 5, 7)
    assert compiled_scores(forest, x) == numpy_scores(forest, x)
    assert compiled_scores(forest, x, 6) == numpy_scores(forest, x)


def test_wide_feature_indices_in_tiles() -> None:
    rng = np.random.default_rng(300)
    for depth in (5, 3):
        forest = random_forest(rng, 19, depth, 400)
        assert forest.group_feature.dtype == np.int32
        x = rows_for(forest, rng, 2 * TILE + 1, 400)
        assert compiled_scores(forest, x) == numpy_scores(forest, x)
        assert compiled_scores(forest, x, 300) == numpy_scores(forest, x)


def test_huge_width_is_refused() -> None:
    """A width whose product with the rows wraps to the buffer's size is refused (it used to be
    walked, reading past the row)."""
    assert model._trees is not None
    forest = load_model().stage1
    arrays = (forest.group_feature, forest.group_threshold, forest.group_value)
    for width, rows in ((2**61 + 1, 1), (2**60 + 1, 2), (2**62, 0)):
        x, out = np.zeros(rows), np.empty(rows)
        with pytest.raises(ValueError, match="sizes"):
            model._trees.walk(
                x, width, np.zeros(0), 0, *arrays, len(forest.roots), forest.depth, 0.0, out
            )
        with pytest.raises(ValueError, match="sizes"):
            model._trees.walk(
                x, 1, np.zeros(0), width, *arrays, len(forest.roots), forest.depth, 0.0, out
            )


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    trees=st.integers(1, 140),
    depth=st.integers(1, 6),
    rows=st.integers(0, 3 * TILE + 2),
    split=st.integers(1, 5),
)
def test_any_tiling_is_the_numpy_walk(
    seed: int, trees: int, depth: int, rows: int, split: int
) -> None:
    rng = np.random.default_rng(seed)
    forest = random_forest(rng, trees, depth, 6)
    x = rng.choice([-1.0, 0.0, -0.0, 1.0, 0.5, np.nan, np.inf, -np.inf], size=(rows, 6))
    x += rng.normal(size=x.shape) * (rng.random(x.shape) < 0.5)
    expected = numpy_scores(forest, x)
    assert compiled_scores(forest, x) == expected
    assert compiled_scores(forest, x, split) == expected


def numpy_probabilities(raw: np.ndarray) -> bytes:
    """predict's logistic in numpy (the reference): ``1.0 / (1.0 + np.exp(-raw))``."""
    result = -raw
    with np.errstate(over="ignore"):
        np.exp(result, out=result)
    result += 1.0
    np.divide(1.0, result, out=result)
    return result.tobytes()


def test_predict_compiled_is_the_numpy_logistic() -> None:
    """The walk writes -raw and inverse_1p ends the logistic: numpy's floats, also for scores
    far out (exp overflows to inf: 0.0) and leaves of every size."""
    rng = np.random.default_rng(400)
    forests = [load_model().stage1, load_model().stage2]
    for trees in (5, 40, 130):
        forest = random_forest(rng, trees, 4, 6)
        scaled = forest.value * 10.0 ** rng.integers(-6, 4, forest.value.shape)
        forests.append(replace(forest, value=scaled))
    for forest in forests:
        for rows in (0, 1, TILE + 1):
            x = rows_for(forest, rng, rows, 6)
            expected = numpy_probabilities(forest._predict_chunk(x))
            with np.errstate(over="ignore"):
                assert forest.predict(x).tobytes() == expected
                assert forest.predict(x[:, :3], x[:, 3:]).tobytes() == expected


def test_inverse_1p() -> None:
    assert model._trees is not None
    special = [0.0, -0.0, 1.0, -1.0, -0.5, 3.0, 1e-300, 1e300, np.inf, -np.inf, np.nan, 5e-324]
    values = np.array([*special, *np.random.default_rng(401).normal(size=40) * 1e3])
    out = values.copy()
    model._trees.inverse_1p(out)
    with np.errstate(divide="ignore"):
        assert out.tobytes() == (1.0 / (1.0 + values)).tobytes()
    model._trees.inverse_1p(out[:0])
    with pytest.raises(ValueError, match="float64"):
        model._trees.inverse_1p(bytearray(12))
    with pytest.raises((TypeError, BufferError)):
        model._trees.inverse_1p(values.tobytes())  # read-only
