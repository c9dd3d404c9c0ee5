"""The forest walk: the complete-tree layout ends on the leaves the padded trees say."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import model
from newsdump.model import CHUNK_ROWS, Forest, load_model


def padded_walk(forest: Forest, x: np.ndarray) -> np.ndarray:
    """The padded trees walked one row and one tree at a time (the reference)."""
    leaves = np.zeros((len(x), len(forest.roots)))
    for i, row in enumerate(x):
        for t, node in enumerate(forest.roots.tolist()):
            while forest.left[node] != node:
                go_right = row[forest.feature[node]] > forest.threshold[node]
                node = int(forest.right[node] if go_right else forest.left[node])
            leaves[i, t] = forest.value[node]
    result: np.ndarray = leaves.sum(axis=1) + forest.baseline
    return result


def random_forest(rng: np.random.Generator, trees: int, depth: int, width: int) -> Forest:
    """Trees of random shapes (leaves at any depth), padded to `2**(depth+1) - 1` nodes."""
    size = 2 ** (depth + 1) - 1
    feature = np.zeros(trees * size, dtype=np.int64)
    threshold = np.full(trees * size, np.inf)
    left = np.arange(trees * size, dtype=np.int64)
    right = left.copy()
    value = np.zeros(trees * size)
    deepest = 0
    for t in range(trees):
        base, free = t * size, 1
        stack = [(base, 0)]
        while stack:
            node, level = stack.pop()
            if level == depth or (level > 0 and rng.random() < 0.3):
                value[node] = rng.normal()
                deepest = max(deepest, level)
                continue
            feature[node] = rng.integers(width)
            threshold[node] = rng.choice([rng.normal(), 0.0, 1.0])
            left[node], right[node] = base + free, base + free + 1
            free += 2
            stack += [(int(left[node]), level + 1), (int(right[node]), level + 1)]
    return Forest(feature, threshold, left, right, value, np.arange(trees) * size, deepest, 0.25)


def test_complete_layout_walks_like_the_padded_trees() -> None:
    rng = np.random.default_rng(6)
    for depth in (1, 2, 5):
        forest = random_forest(rng, trees=12, depth=depth, width=4)
        x = rng.choice([-1.0, 0.0, 1.0, np.nan, np.inf, 0.5], size=(40, 4))
        assert forest.predict_raw(x).tolist() == padded_walk(forest, x).tolist()


def test_packaged_model_in_chunks() -> None:
    forest = load_model().stage1
    rng = np.random.default_rng(7)
    x = rng.normal(size=(CHUNK_ROWS + 5, int(forest.feature.max()) + 1))
    x[::7] = 0.0
    expected = padded_walk(forest, x)
    assert forest.predict_raw(x).tolist() == expected.tolist()
    assert forest.predict_raw(x[:0]).tolist() == []


def test_compiled_walk_gives_the_same_floats(monkeypatch: pytest.MonkeyPatch) -> None:
    if model._trees is None:
        pytest.skip("the compiled walk was not built (no C compiler at install)")
    rng = np.random.default_rng(8)
    forests = [load_model().stage1, load_model().stage2, random_forest(rng, 30, 4, 6)]
    forests += [random_forest(rng, trees, 5, 7) for trees in (13, 40)]  # depth 5: unrolled in C
    assert [f.depth for f in forests[-2:]] == [5, 5]
    # numpy sums up to 128 values in eight partial sums, and halves longer rows: the tree
    # counts around those steps, with leaf values of very different sizes
    for trees in (1, 7, 8, 9, 127, 128, 129, 136, 260, 300):
        forest = random_forest(rng, trees, 3, 5)
        scaled = forest.value * 10.0 ** rng.integers(-9, 9, forest.value.shape)
        forests.append(replace(forest, value=scaled))
    rows = [rng.normal(size=(300, int(f.feature.max()) + 1)) for f in forests]
    for x in rows:
        x[::5, ::2] = np.nan
    compiled = [f.predict_raw(x) for f, x in zip(forests, rows, strict=True)]
    for forest, x, scores in zip(forests, rows, compiled, strict=True):  # each row joined in C
        assert forest.predict_raw(x[:, :3], x[:, 3:]).tolist() == scores.tolist()
    monkeypatch.setattr(model, "_trees", None)
    for forest, x, scores in zip(forests, rows, compiled, strict=True):
        assert forest.predict_raw(x).tolist() == scores.tolist()
        assert forest.predict_raw(x[:, :3], x[:, 3:]).tolist() == scores.tolist()


def test_joined_columns_give_the_rows_of_hstack() -> None:
    forest = load_model().stage2
    rng = np.random.default_rng(9)
    width = int(forest.feature.max()) + 1
    for rows in (0, 3, CHUNK_ROWS, 2 * CHUNK_ROWS + 11):
        x = rng.normal(size=(rows, width))
        left, right = x[:, :-7], x[:, -7:]
        assert forest.predict(left, right).tolist() == forest.predict(x).tolist()
        assert forest.predict_raw(left, right).tolist() == forest.predict_raw(x).tolist()


def test_grouped_layout_puts_every_tree_under_level_three() -> None:
    rng = np.random.default_rng(10)
    forest = random_forest(rng, trees=11, depth=2, width=3)
    assert forest.depth == 2
    feature, threshold = forest.group_feature, forest.group_threshold
    assert feature.shape == threshold.shape == forest.group_value.shape == (2, 2 ** (2 + 3))
    for t in range(11):
        group, g = divmod(t, 8)
        # numbered from 1 and mirrored: root at 15 - g, its left child at 2 * (15 - g) + 1
        # and its right one at 2 * (15 - g) (level 4 of the group's tree)
        for k, at in ((0, 15 - g), (1, 31 - 2 * g), (2, 30 - 2 * g)):
            assert feature[group, at] == forest.heap_feature[t, k]
            plain = forest.heap_threshold[t, k]
            if np.isinf(plain):  # a leaf above the full depth: everything goes left
                assert np.isnan(threshold[group, at])
            else:  # x goes left below the next float above the threshold
                assert threshold[group, at] == np.nextafter(plain, np.inf) > plain
        leaves = forest.group_value[group, 31 - 4 * g - np.arange(4)]  # mirrored too
        assert leaves.tolist() == forest.heap_value[t].tolist()
    # the last group's missing trees: never walked, padded like leaves
    assert (feature[1, [15 - 3, 31 - 6]] == 0).all()
    assert np.isnan(threshold[1, [15 - 3, 31 - 6]]).all()
    assert not forest.group_value[1, : 32 - 12].any()


def test_left_bound_sends_every_float_where_the_threshold_does() -> None:
    special = [0.0, -0.0, 1.0, -1.0, 5e-324, -5e-324, 1.7976931348623157e308, np.inf, -np.inf]
    values = np.array([*special, np.nan, 0.1, 2.5, -7.25, 1e-300, np.nextafter(1.0, 2.0)])
    thresholds = np.array([*special, 0.1, 2.5, np.nan, np.nextafter(1.0, 0.0)])
    bound = model._left_below(thresholds)
    for x in values:
        assert (~(x >= bound)).tolist() == (~(x > thresholds)).tolist()  # left: not right


def test_compiled_walk_checks_its_arrays() -> None:
    if model._trees is None:
        pytest.skip("the compiled walk was not built (no C compiler at install)")
    forest = load_model().stage1
    width = int(forest.feature.max()) + 1
    x = np.zeros((4, width))
    out = np.empty(4)
    arrays = (forest.group_feature, forest.group_threshold, forest.group_value)
    trees, depth = len(forest.roots), forest.depth
    model._trees.walk(x, width, x[:0], 0, *arrays, trees, depth, forest.baseline, out)
    assert out.tolist() == forest.predict_raw(x).tolist()
    with pytest.raises(ValueError, match="feature index"):  # a column the rows do not have
        model._trees.walk(x[:, :-1].copy(), width - 1, x[:0], 0, *arrays, trees, depth, 0.0, out)
    for bad in ((trees + 8, depth), (trees, depth + 1), (0, depth), (trees, 0), (trees, 40)):
        with pytest.raises(ValueError, match="sizes"):
            model._trees.walk(x, width, x[:0], 0, *arrays, *bad, 0.0, out)
    with pytest.raises(ValueError, match="sizes"):
        model._trees.walk(x, width, x[:0], 0, *arrays, trees, depth, 0.0, out[:3])


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    trees=st.integers(1, 40),
    depth=st.integers(1, 6),
    rows=st.lists(
        st.lists(st.floats() | st.sampled_from([0.0, -0.0, 1.0, -1.0]), min_size=4, max_size=4),
        min_size=1,
        max_size=12,
    ),
)
def test_compiled_walk_is_the_numpy_walk_on_any_floats(
    seed: int, trees: int, depth: int, rows: list[list[float]]
) -> None:
    """Any floats (NaN, infinities, -0.0, the thresholds 0.0 and 1.0 themselves), any forest
    shape: the compiled walk's scores are the numpy walk's, bit for bit."""
    if model._trees is None:
        pytest.skip("the compiled walk was not built (no C compiler at install)")
    forest = random_forest(np.random.default_rng(seed), trees, depth, 4)
    x = np.array(rows)
    compiled = forest.predict_raw(x)
    joined = forest.predict_raw(x[:, :1], x[:, 1:])
    walk, model._trees = model._trees, None  # type: ignore[assignment]
    try:
        plain = forest.predict_raw(x)
    finally:
        model._trees = walk
    assert compiled.tobytes() == plain.tobytes() == joined.tobytes()


def test_wide_forests_keep_four_byte_feature_indices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to 256 columns the grouped features are single bytes; past that, int32: both walked
    to the numpy floats."""
    rng = np.random.default_rng(11)
    narrow, wide = random_forest(rng, 20, 5, 256), random_forest(rng, 20, 5, 300)
    assert narrow.group_feature.dtype == np.uint8
    assert wide.group_feature.dtype == np.int32 and int(wide.feature.max()) >= 256
    rows = {256: rng.normal(size=(50, 256)), 300: rng.normal(size=(50, 300))}
    for x in rows.values():
        x[::3, ::7] = np.nan
    compiled = [narrow.predict_raw(rows[256]), wide.predict_raw(rows[300])]
    monkeypatch.setattr(model, "_trees", None)
    assert compiled[0].tolist() == narrow.predict_raw(rows[256]).tolist()
    assert compiled[1].tolist() == wide.predict_raw(rows[300]).tolist()
