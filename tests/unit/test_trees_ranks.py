"""The walk by leaf masks on ranks (newsdump/_trees.c `walk_ranks`, AVX-512 BW): every row's score
is numpy's, walk_masks' and the walk in groups', bit for bit: row counts around its 32-row tiles
and 16-row halves, tree counts around groups of eight, features with 1 to 80 distinct thresholds
(each way of finding a rank: one compare, the searches in tables of 8 to 64, the compares past
63), joined columns, negated scores, NaN, infinities, -0.0 and the thresholds themselves; and
rank_forest refuses what walk_ranks could not read safely."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_model import random_forest
from test_trees_masks import numpy_scores, rows_for, walk_groups, walk_masks

from newsdump import model
from newsdump.model import NO_COLUMNS, RANK_NEVER, RANK_ROWS, Forest, _ranked, load_model

pytestmark = pytest.mark.skipif(model._trees is None, reason="the compiled walk was not built")


def walk_ranks(forest: Forest, x: np.ndarray, split: int | None = None, negate: bool = False):
    """`walk_ranks`' scores as bytes (None where the processor lacks AVX-512 BW)."""
    assert forest.ranked is not None
    left, right = (x, NO_COLUMNS) if split is None else (x[:, :split], x[:, split:])
    left, right = np.ascontiguousarray(left), np.ascontiguousarray(right)
    out = np.empty(len(x))
    done = model._trees.walk_ranks(
        left, left.shape[1], right, right.shape[1] if right.ndim == 2 else 0,
        forest.ranked.forest, forest.baseline, out, negate,
    )  # fmt: skip
    return out.tobytes() if done else None


def needs_ranks(forest: Forest) -> None:
    if not model._trees.ranks_supported():
        assert not model.RANK_WALK
        pytest.skip("no AVX-512 BW here: the walk on ranks is not used")
    assert forest.ranked is not None


def pooled_forest(rng: np.random.Generator, trees: int, depth: int, pools: list[int]) -> Forest:
    """`random_forest` whose feature f draws its thresholds from pools[f] values (so up to that
    many distinct ones), with -0.0, 0.0 and -inf among them."""
    forest = random_forest(rng, trees, depth, len(pools))
    values = [
        np.concatenate(([-0.0, 0.0, -np.inf], rng.normal(size=size) * 10.0))[
            rng.permutation(size + 3)[:size]
        ]
        for size in pools
    ]
    inner = forest.left != np.arange(len(forest.left))
    threshold = forest.threshold.copy()
    for node in np.flatnonzero(inner):
        pool = values[int(forest.feature[node])]
        threshold[node] = pool[rng.integers(len(pool))]
    return Forest(
        forest.feature, threshold, forest.left, forest.right, forest.value, forest.roots,
        forest.depth, forest.baseline,
    )  # fmt: skip


def pooled_rows(forest: Forest, rng: np.random.Generator, n: int) -> np.ndarray:
    """`rows_for`, and values next to the thresholds (one float either side), -0.0 and 0.0."""
    x = rows_for(forest, rng, n)
    inner = np.flatnonzero(forest.left != np.arange(len(forest.left)))
    if n and len(inner):
        for node in rng.choice(inner, size=2 * n):
            t = forest.threshold[node]
            x[rng.integers(n), forest.feature[node]] = np.nextafter(
                t, rng.choice([-np.inf, np.inf])
            )
        x[rng.integers(n, size=n), rng.integers(x.shape[1], size=n)] = rng.choice([-0.0, 0.0], n)
    return x


@pytest.mark.parametrize("rows", [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 183])
def test_packaged_model_every_row_count(rows: int) -> None:
    rng = np.random.default_rng(rows)
    for forest in (load_model().stage1, load_model().stage2):
        needs_ranks(forest)
        x = pooled_rows(forest, rng, rows)
        expected = numpy_scores(forest, x)
        assert walk_ranks(forest, x) == expected
        assert walk_ranks(forest, x, split=50) == expected
        assert walk_groups(forest, x) == expected
        negated = (-forest._predict_chunk(x)).tobytes()
        assert walk_ranks(forest, x, negate=True) == negated
        masks = walk_masks(forest, x, negate=True)
        assert masks is None or masks == negated


@pytest.mark.parametrize("trees", [8, 9, 17, 100, 128])
@pytest.mark.parametrize("depth", [1, 3, 4])
def test_every_way_of_ranking(trees: int, depth: int) -> None:
    rng = np.random.default_rng(trees * 10 + depth)
    pools = [1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 80]
    forest = pooled_forest(rng, trees, depth, pools)
    needs_ranks(forest)
    for rows in (1, 16, 17, 32, 45):
        x = pooled_rows(forest, rng, rows)
        assert walk_ranks(forest, x) == numpy_scores(forest, x)
        assert walk_ranks(forest, x, split=5) == numpy_scores(forest, x)


def test_ranked_layout() -> None:
    """In Python: a node's j is its threshold's index among its feature's (ascending, -0.0 and
    0.0 one), the tables are padded with +inf, and rank > j iff x > threshold."""
    rng = np.random.default_rng(3)
    forest = pooled_forest(rng, 40, 4, [1, 3, 5, 9, 20, 40, 70])
    ranked = _ranked(forest.mask_feature, forest.mask_threshold, forest.mask_keep)
    assert ranked is not None
    used, start, count, bounds, node = ranked
    node = node.reshape(*forest.mask_feature.shape, 4)
    assert node[..., 1].view(np.uint32).tolist() == forest.mask_keep.tolist()
    x = pooled_rows(forest, rng, 30)
    for u, f in enumerate(used.tolist()):
        mine = bounds[start[u] : start[u + 1]]
        assert (np.diff(mine[: count[u]]) > 0).all()
        assert np.isposinf(mine[count[u] :]).all()
        rank = (mine[None, : count[u]] < x[:, f, None]).sum(axis=1)
        at = node[..., 0] == u * RANK_ROWS
        real = at & (node[..., 2] != RANK_NEVER)
        for t, k in zip(*np.nonzero(real), strict=True):
            assert forest.mask_feature[t, k] == f
            j = node[t, k, 2]
            assert mine[j] == forest.mask_threshold[t, k]
            assert ((rank > j) == (x[:, f] > forest.mask_threshold[t, k])).all()
    padding = np.isnan(forest.mask_threshold)
    assert (node[padding, 2] == RANK_NEVER).all()


def test_rank_forest_checks_its_arrays() -> None:
    forest = load_model().stage1
    needs_ranks(forest)
    ranked = _ranked(forest.mask_feature, forest.mask_threshold, forest.mask_keep)
    assert ranked is not None
    used, start, count, bounds, node = ranked
    args = [used, start, count, bounds, node, forest.mask_leaves, 100, 14]
    capsule = model._trees.rank_forest(*args)
    x, out = np.zeros((3, 88)), np.empty(3)
    assert model._trees.walk_ranks(x, 88, NO_COLUMNS, 0, capsule, 0.0, out) is True
    for index, bad in (
        (0, used[:-1]),  # the features against start and count
        (4, node[:-1]),
        (5, forest.mask_leaves[:-1]),
        (6, 99),  # trees against the arrays
        (6, 7),  # too few trees for the partial sums
        (7, 13),  # nodes against the arrays
    ):
        wrong = list(args)
        wrong[index] = bad
        with pytest.raises(ValueError, match="sizes"):
            model._trees.rank_forest(*wrong)

    def refused(position: int, index: int, value: int) -> None:
        wrong = list(args)
        wrong[position] = args[position].copy()  # type: ignore[union-attr]
        wrong[position][index] = value  # type: ignore[index]
        with pytest.raises(ValueError, match="out of range"):
            model._trees.rank_forest(*wrong)

    wrong = list(args)
    wrong[3] = bounds[:-1]  # start's last against the thresholds
    with pytest.raises(ValueError, match="out of range"):
        model._trees.rank_forest(*wrong)
    for value in (-1, 2**31 - 1):
        refused(0, 5, value)  # a column
    big = int(np.flatnonzero(count >= 32)[0])
    refused(2, big, 80)  # more thresholds than the slots
    refused(2, big, -1)
    refused(1, big + 1, int(start[big]) + 1)  # fewer slots than the table's
    refused(1, 0, 1)
    for value in (-32, 7, len(used) * RANK_ROWS):  # a node's ranks
        refused(4, 4 * 57, value)
    for value in (-1, RANK_NEVER + 1):  # a node's j
        refused(4, 4 * 57 + 2, value)
    # walk_ranks: the widths, the forest's columns, the capsule
    narrow = int(used.max())  # a column short of the last the forest reads
    with pytest.raises(ValueError, match="out of range"):
        model._trees.walk_ranks(np.zeros((3, narrow)), narrow, NO_COLUMNS, 0, capsule, 0.0, out)
    joined = model._trees.walk_ranks(
        np.zeros((3, narrow)), narrow, np.zeros((3, 1)), 1, capsule, 0.0, out
    )
    assert joined is True
    with pytest.raises(ValueError, match="sizes"):
        model._trees.walk_ranks(x, 87, NO_COLUMNS, 0, capsule, 0.0, out)
    with pytest.raises(ValueError):
        model._trees.walk_ranks(x, 88, NO_COLUMNS, 0, object(), 0.0, out)
    # any keep masks (all bits cleared: lzcnt 32) read only the tree's own 16 leaves
    cleared = node.copy()
    cleared[1::4] = 0
    wrong = list(args)
    wrong[4] = cleared
    x[:] = 1e300  # every row passes every node right
    assert model._trees.walk_ranks(x, 88, NO_COLUMNS, 0, model._trees.rank_forest(*wrong), 0.0, out)
    assert np.isfinite(out).all()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(8, 40),
    st.integers(1, 4),
    st.integers(0, 40),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=30),
)
def test_walk_ranks_is_the_numpy_walk_on_any_floats(
    seed: int, trees: int, depth: int, rows: int, values: list[float]
) -> None:
    rng = np.random.default_rng(seed)
    forest = pooled_forest(rng, trees, depth, [1, 5, 12, 40, 70, 3])
    needs_ranks(forest)
    pool = np.concatenate((values, forest.threshold[np.isfinite(forest.threshold)]))
    x = pool[rng.integers(len(pool), size=(rows, 6))]
    assert walk_ranks(forest, x) == numpy_scores(forest, x)
    assert walk_ranks(forest, x, split=2) == numpy_scores(forest, x)


def test_the_ranked_forest_pickles() -> None:
    forest = load_model().stage2
    needs_ranks(forest)
    again = pickle.loads(pickle.dumps(forest))
    x = pooled_rows(forest, np.random.default_rng(2), 40)
    assert walk_ranks(again, x) == walk_ranks(forest, x) == numpy_scores(forest, x)


def test_predict_takes_any_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same floats by the walk on ranks, by masks and in groups."""
    rng = np.random.default_rng(11)
    for forest in (load_model().stage1, load_model().stage2):
        x = pooled_rows(forest, rng, 37)
        expected = forest.predict(x[:, :60], x[:, 60:]).tobytes()
        monkeypatch.setattr(model, "RANK_WALK", False)
        assert forest.predict(x[:, :60], x[:, 60:]).tobytes() == expected
        monkeypatch.setattr(model, "MASK_WALK", False)
        assert forest.predict(x[:, :60], x[:, 60:]).tobytes() == expected
        monkeypatch.undo()
        assert (model.MASK_WALK and model._trees.ranks_supported()) == model.RANK_WALK


def test_a_huge_page_of_rows() -> None:
    """50,000 rows (a page of one-word lines), joined columns: the walk in groups' floats."""
    forest = load_model().stage2
    needs_ranks(forest)
    rng = np.random.default_rng(50_000)
    x = rows_for(forest, rng, 50_000)
    assert walk_ranks(forest, x, split=88) == walk_groups(forest, x)
