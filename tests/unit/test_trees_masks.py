"""The walk by leaf masks (newsdump/_trees.c `walk_masks`, AVX-512): every row's score is numpy's
and the walk in groups' (`walk`), bit for bit: row counts around its eight-row tiles, tree counts
around groups of eight, depths and leaf counts up to 16, joined columns, negated scores, NaN, the
thresholds themselves, infinities; and it refuses what it cannot read safely."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_model import random_forest

from newsdump import model
from newsdump.model import MASK_LEAVES, NO_COLUMNS, Forest, _masked, load_model

pytestmark = pytest.mark.skipif(model._trees is None, reason="the compiled walk was not built")


def walk_masks(forest: Forest, x: np.ndarray, split: int | None = None, negate: bool = False):
    """`walk_masks`' scores as bytes (None where the processor lacks AVX-512)."""
    left, right = (x, NO_COLUMNS) if split is None else (x[:, :split], x[:, split:])
    left, right = np.ascontiguousarray(left), np.ascontiguousarray(right)
    out = np.empty(len(x))
    done = model._trees.walk_masks(
        left, left.shape[1], right, right.shape[1] if right.ndim == 2 else 0,
        forest.mask_feature, forest.mask_threshold, forest.mask_keep, forest.mask_leaves,
        len(forest.roots), forest.mask_nodes, forest.baseline, out, negate,
    )  # fmt: skip
    return out.tobytes() if done else None


def walk_groups(forest: Forest, x: np.ndarray, negate: bool = False) -> bytes:
    """The walk in groups of eight trees (`walk`), as bytes."""
    out = np.empty(len(x))
    model._trees.walk(
        np.ascontiguousarray(x), x.shape[1], NO_COLUMNS, 0, forest.group_feature,
        forest.group_threshold, forest.group_value, len(forest.roots), forest.depth,
        forest.baseline, out, negate,
    )  # fmt: skip
    return out.tobytes()


def numpy_scores(forest: Forest, x: np.ndarray) -> bytes:
    return forest._predict_chunk(x).tobytes()


def needs_avx512(forest: Forest) -> None:
    x = np.zeros((1, int(forest.feature.max()) + 1))
    if not model._trees.masks_supported():
        assert walk_masks(forest, x) is None  # it declines, it does not guess
    if forest.mask_nodes < 0 or walk_masks(forest, x) is None:
        pytest.skip("no AVX-512 here (or no masked layout): walk_masks declines")


def rows_for(forest: Forest, rng: np.random.Generator, n: int) -> np.ndarray:
    """Rows with NaN, zeros, infinities and the forest's thresholds themselves (ties go left)."""
    width = int(forest.feature.max()) + 1
    x = rng.normal(size=(n, width)) * rng.choice([1e-3, 1.0, 1e3], size=(n, width))
    x[::3, ::4] = np.nan
    x[1::5, ::3] = 0.0
    x[2::7, 1::5] = np.inf
    x[3::7, 2::5] = -np.inf
    inner = np.flatnonzero(forest.left != np.arange(len(forest.left)))
    if n and len(inner):
        for node in rng.choice(inner, size=3 * n):
            x[rng.integers(n), forest.feature[node]] = forest.threshold[node]
    return x


@pytest.mark.parametrize("rows", [0, 1, 2, 7, 8, 9, 15, 16, 17, 40, 183])
def test_packaged_model_every_row_count(rows: int) -> None:
    rng = np.random.default_rng(rows)
    for forest in (load_model().stage1, load_model().stage2):
        needs_avx512(forest)
        assert forest.mask_nodes == 14  # the unrolled variant
        x = rows_for(forest, rng, rows)
        expected = numpy_scores(forest, x)
        assert walk_masks(forest, x) == expected
        assert walk_groups(forest, x) == expected
        assert walk_masks(forest, x, split=50) == expected
        negated = (-forest._predict_chunk(x)).tobytes()
        assert walk_masks(forest, x, negate=True) == negated
        assert walk_groups(forest, x, negate=True) == negated


@pytest.mark.parametrize("trees", [8, 9, 15, 16, 17, 63, 100, 127, 128])
@pytest.mark.parametrize("depth", [1, 2, 3, 4])
def test_tree_counts_and_depths(trees: int, depth: int) -> None:
    rng = np.random.default_rng(trees * 10 + depth)
    forest = random_forest(rng, trees, depth, 7)
    # leaf values of very different sizes: any change of summing order shows
    forest = replace(forest, value=forest.value * 10.0 ** rng.integers(-9, 9, forest.value.shape))
    needs_avx512(forest)
    for rows in (1, 8, 13, 30):
        x = rows_for(forest, rng, rows)
        assert walk_masks(forest, x) == numpy_scores(forest, x)
        assert walk_masks(forest, x, split=3) == numpy_scores(forest, x)


def test_where_the_masks_do_not_apply() -> None:
    rng = np.random.default_rng(5)
    for trees, depth in ((7, 3), (129, 2), (20, 5)):  # too few, too many, up to 32 leaves
        forest = random_forest(rng, trees, depth, 4)
        leaves = [np.isfinite(forest.heap_threshold[t]).sum() + 1 for t in range(trees)]
        if trees == 20:
            assert max(leaves) > MASK_LEAVES  # (the seed draws such a tree)
        assert forest.mask_nodes == -1
        x = rows_for(forest, rng, 20)
        assert forest._predict_compiled(x, None).tobytes() == numpy_scores(forest, x)


def test_masked_layout_exit_leaf_is_the_walks_leaf() -> None:
    """In Python: the highest bit of the AND of the keeps of the nodes a row passes right picks
    the leaf value numpy's walk ends on, tree by tree."""
    rng = np.random.default_rng(9)
    forest = random_forest(rng, 12, 4, 5)
    feature, threshold, keep, leaves = _masked(
        forest.heap_threshold, forest.heap_value, forest.heap_feature, forest.depth
    )
    x = rows_for(forest, rng, 25)
    inner = forest.heap_feature.shape[1]
    for row in x:
        for t in range(12):
            mask = 0xFFFFFFFF
            for f, bound, kept in zip(feature[t], threshold[t], keep[t], strict=True):
                if row[f] > bound:
                    mask &= int(kept)
            pos = 0
            while pos < inner:
                right = row[forest.heap_feature[t, pos]] > forest.heap_threshold[t, pos]
                pos = 2 * pos + 1 + int(right)
            assert leaves[t, 31 - mask.bit_length() + 1] == forest.heap_value[t, pos - inner]


def test_walk_masks_checks_its_arrays() -> None:
    forest = load_model().stage1
    needs_avx512(forest)
    x = np.zeros((3, 88))
    out = np.empty(3)
    args = [
        x, 88, NO_COLUMNS, 0, forest.mask_feature, forest.mask_threshold, forest.mask_keep,
        forest.mask_leaves, 100, 14, 0.0, out,
    ]  # fmt: skip
    assert model._trees.walk_masks(*args) is True
    for index, bad in (
        (1, 87),  # width against x
        (8, 99),  # trees against the arrays
        (8, 7),  # too few trees for the partial sums
        (9, 13),  # nodes against the arrays
        (7, forest.mask_leaves[:-1]),
        (11, np.empty(4)),
    ):
        wrong = list(args)
        wrong[index] = bad
        with pytest.raises(ValueError, match="sizes"):
            model._trees.walk_masks(*wrong)
    for column in (88, -1, 2**31 - 1, -(2**31)):
        feature = forest.mask_feature.copy()
        feature[57, 3] = column
        wrong = list(args)
        wrong[4] = feature
        with pytest.raises(ValueError, match="out of range"):
            model._trees.walk_masks(*wrong)
    # any keep masks (all bits cleared: lzcnt 32) read only the tree's own 16 leaves
    wrong = list(args)
    wrong[6] = np.zeros_like(forest.mask_keep)
    x[:] = 1e300  # every row passes every node right
    assert model._trees.walk_masks(*wrong) is True
    assert np.isfinite(out).all()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(8, 40),
    st.integers(1, 4),
    st.integers(0, 20),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=30),
)
def test_walk_masks_is_the_numpy_walk_on_any_floats(
    seed: int, trees: int, depth: int, rows: int, values: list[float]
) -> None:
    rng = np.random.default_rng(seed)
    forest = random_forest(rng, trees, depth, 6)
    needs_avx512(forest)
    x = np.array(values)[rng.integers(len(values), size=(rows, 6))]
    assert walk_masks(forest, x) == numpy_scores(forest, x)
    assert walk_masks(forest, x, split=2) == numpy_scores(forest, x)


def test_predict_takes_either_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same floats by the walk by masks (where the processor has AVX-512) and without it."""
    rng = np.random.default_rng(11)
    for forest in (load_model().stage1, load_model().stage2):
        x = rows_for(forest, rng, 37)
        with_masks = forest.predict(x[:, :60], x[:, 60:]).tobytes()
        monkeypatch.setattr(model, "MASK_WALK", False)
        assert forest.predict(x[:, :60], x[:, 60:]).tobytes() == with_masks
        monkeypatch.undo()
        assert model._trees.masks_supported() == model.MASK_WALK


def test_a_huge_page_of_rows() -> None:
    """50,000 rows (a page of one-word lines), joined columns: the walk in groups' floats."""
    forest = load_model().stage2
    needs_avx512(forest)
    rng = np.random.default_rng(50_000)
    x = rows_for(forest, rng, 50_000)
    assert walk_masks(forest, x, split=88) == walk_groups(forest, x)
