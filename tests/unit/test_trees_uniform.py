"""walk_ranks' `uniform` columns (newsdump/_trees.c): a listed column that holds one value (bit
for bit) in every row is ranked once a call, not tile by tile; the scores are the same bytes as
without the list, whether the listed columns are uniform or not (one row apart, -0.0 and 0.0,
NaN), listed twice, unused or out of range; and classify's page-wide columns are uniform."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_trees_masks import numpy_scores
from test_trees_ranks import needs_ranks, pooled_forest, pooled_rows

from newsdump import classify, model
from newsdump.features import BLOCK_NAMES, SCORE_NAMES, UNIFORM_NAMES
from newsdump.model import NO_COLUMNS, Forest, load_model

pytestmark = pytest.mark.skipif(model._trees is None, reason="the compiled walk was not built")


def walk(
    forest: Forest, x: np.ndarray, uniform: list[int] | None, split: int | None = None
) -> bytes:
    """walk_ranks' scores as bytes, with `uniform` (None: without the argument)."""
    assert forest.ranked is not None
    left, right = (x, NO_COLUMNS) if split is None else (x[:, :split], x[:, split:])
    left, right = np.ascontiguousarray(left), np.ascontiguousarray(right)
    out = np.empty(len(x))
    args = [left, left.shape[1], right, right.shape[1] if right.ndim == 2 else 0]
    args += [forest.ranked.forest, forest.baseline, out, False]
    if uniform is not None:
        args.append(np.array(uniform, dtype=np.int32))
    assert model._trees.walk_ranks(*args) is True
    return out.tobytes()


def test_packaged_model_page_columns() -> None:
    """The page-wide columns of the packaged model's rows, uniform or spoiled in one row."""
    rng = np.random.default_rng(5)
    m = load_model()
    uniform1, uniform2 = classify._uniform_columns(m)
    assert [m.features1[j] for j in uniform1] == [n for n in m.features1 if n in UNIFORM_NAMES]
    assert [m.features2[j] for j in uniform2] == [n for n in m.features2 if n in UNIFORM_NAMES]
    assert len(uniform2) > len(uniform1) > 0
    for forest, columns in ((m.stage1, uniform1), (m.stage2, uniform2)):
        needs_ranks(forest)
        for rows in (1, 8, 15, 16, 17, 31, 32, 33, 100, 183):
            x = pooled_rows(forest, rng, rows)
            x[:, columns] = x[0, columns]  # page-wide
            expected = numpy_scores(forest, x)
            assert walk(forest, x, None) == expected
            assert walk(forest, x, columns.tolist()) == expected
            assert walk(forest, x, columns.tolist(), split=len(BLOCK_NAMES)) == expected
            spoiled = x.copy()
            row = int(rng.integers(rows))
            spoiled[row, columns] = spoiled[row, columns] + 1.0
            assert walk(forest, spoiled, columns.tolist()) == numpy_scores(forest, spoiled)


def test_odd_values_and_lists() -> None:
    forest = load_model().stage1
    needs_ranks(forest)
    rng = np.random.default_rng(9)
    x = pooled_rows(forest, rng, 40)
    page = [BLOCK_NAMES.index(name) for name in UNIFORM_NAMES if name in BLOCK_NAMES]
    for value in (np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300):
        x[:, page] = value
        expected = numpy_scores(forest, x)
        for listed in ([], page, page + page, [-1, 2**31 - 1, 10_000], list(range(88))):
            assert walk(forest, x, listed) == expected
    x[:, page] = 0.0
    x[7, page] = -0.0  # not the same bits: ranked tile by tile (the same ranks)
    assert walk(forest, x, page) == numpy_scores(forest, x)
    out = np.empty(3)
    with pytest.raises(ValueError, match="sizes"):  # not whole int32
        model._trees.walk_ranks(
            np.zeros((3, 88)), 88, NO_COLUMNS, 0, forest.ranked.forest, 0.0, out, False, b"abc"
        )


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    rows=st.integers(1, 70),
    trees=st.sampled_from([8, 13, 24]),
    depth=st.integers(1, 4),
)
def test_random_forests(seed: int, rows: int, trees: int, depth: int) -> None:
    rng = np.random.default_rng(seed)
    pools = [1, 2, 4, 7, 9, 16, 33, 63, 64, 80]
    forest = pooled_forest(rng, trees, depth, pools)
    needs_ranks(forest)
    x = pooled_rows(forest, rng, rows)
    width = x.shape[1]
    columns = rng.permutation(width)[: rng.integers(width + 1)].tolist()
    for column in columns:
        if rng.random() < 0.8:
            x[:, column] = x[rng.integers(rows), column]
    expected = numpy_scores(forest, x)
    assert walk(forest, x, columns) == expected
    if width > 1:
        assert walk(forest, x, columns, split=width // 2) == expected


def test_page_rows_are_uniform() -> None:
    """The page-wide columns of block_features and score_features hold one value a page."""
    from newsdump.document import Block
    from newsdump.features import block_features_words, score_features
    from newsdump.lang import detect_language

    texts = ["Home", "The cat sat on the mat.", "It was the best of all the cats here.", "2024"]
    blocks = [Block(i, t, (i, i)) for i, t in enumerate(texts * 5)]
    x1, names, words = block_features_words(blocks, detect_language(" ".join(texts)))
    x2, names2 = score_features(np.linspace(0.0, 1.0, len(blocks)), words)
    joined = np.hstack((x1, x2))
    assert names + names2 == BLOCK_NAMES + SCORE_NAMES
    for name in UNIFORM_NAMES:
        column = joined[:, (names + names2).index(name)]
        assert (column == column[0]).all(), name
