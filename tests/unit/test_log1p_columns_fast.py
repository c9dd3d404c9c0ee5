"""features' log1p of the block matrix's count columns by a table (_features.log1p_columns)
against np.log1p of the columns: integer columns read from the table, the others (halves,
-0.0, NaN, negative or big values) left for numpy, byte for byte."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features

_features = features._features

needs_compiled = pytest.mark.skipif(
    _features is None, reason="the compiled extension was not built (no C compiler)"
)

CELLS = st.integers(0, 5000).map(float) | st.sampled_from(
    [0.0, 1.0, 4095.0, 4096.0, 0.5, 2.5, -0.0, -1.0, float("nan"), float("inf"), 1e300]
)


def reference(
    matrix: np.ndarray, columns: tuple[int, ...], fills: tuple[tuple[int, int], ...] = ()
) -> np.ndarray:
    out = matrix.copy()
    index = np.array(columns, dtype=np.intp)
    with np.errstate(invalid="ignore", divide="ignore"):
        out[:, index] = np.log1p(out[:, index])
    n = len(out)
    for offset, column in fills:  # as features._block_features_compiled
        if offset > 0:
            out[max(n - offset, 0) :, column] = -1.0
        else:
            out[: min(-offset, n), column] = -1.0
    return out


@needs_compiled
@settings(deadline=None)
@given(
    st.integers(0, 30).flatmap(lambda rows: st.lists(CELLS, min_size=rows * 7, max_size=rows * 7)),
    st.lists(st.integers(0, 6), unique=True, max_size=7).map(tuple),
)
def test_log1p_columns_are_numpys(cells: list[float], columns: tuple[int, ...]) -> None:
    matrix = np.array(cells, dtype=np.float64).reshape(-1, 7)
    expected = reference(matrix, columns)
    with np.errstate(invalid="ignore", divide="ignore"):
        left = _features.log1p_columns(matrix, 7, columns, features._LOG1P_TABLE)
        if left:
            index = np.array(left)
            matrix[:, index] = np.log1p(matrix[:, index])
    assert matrix.tobytes() == expected.tobytes()
    assert set(left) <= set(columns)


@needs_compiled
@settings(deadline=None)
@given(
    st.integers(0, 6).flatmap(lambda rows: st.lists(CELLS, min_size=rows * 5, max_size=rows * 5)),
    st.lists(
        st.tuples(st.integers(-8, 8), st.integers(1, 3)), max_size=6, unique_by=lambda p: p[1]
    ),
)
def test_log1p_columns_fills_the_rows_outside(
    cells: list[float], fills: list[tuple[int, int]]
) -> None:
    matrix = np.array(cells, dtype=np.float64).reshape(-1, 5)
    expected = reference(matrix, (1, 2, 3), tuple(fills))
    with np.errstate(invalid="ignore", divide="ignore"):
        left = _features.log1p_columns(matrix, 5, (1, 2, 3), features._LOG1P_TABLE, tuple(fills))
        if left:
            index = np.array(left)
            matrix[:, index] = np.log1p(matrix[:, index])
            reference_fills = [(offset, column) for offset, column in fills if column in left]
            matrix = reference(matrix, (), tuple(reference_fills))
    assert matrix.tobytes() == expected.tobytes()
    with pytest.raises(ValueError):
        _features.log1p_columns(matrix, 5, (1, 2), features._LOG1P_TABLE, ((1, 4),))


@needs_compiled
def test_log1p_table_is_numpys_log1p_of_each_count() -> None:
    table = features._LOG1P_TABLE
    for k in range(len(table)):
        assert np.log1p(np.array([float(k)]))[0].tobytes() == table[k].tobytes()


@needs_compiled
def test_log1p_columns_checks_its_arguments() -> None:
    matrix = np.zeros((3, 4))
    with pytest.raises(IndexError):
        _features.log1p_columns(matrix, 4, (4,), features._LOG1P_TABLE)
    with pytest.raises(ValueError):
        _features.log1p_columns(matrix, 5, (0,), features._LOG1P_TABLE)
    with pytest.raises(ValueError):
        _features.log1p_columns(matrix, 4, (1, 2, 1), features._LOG1P_TABLE)
    with pytest.raises(ValueError):
        _features.log1p_columns(np.zeros((1, 70)), 70, tuple(range(65)), features._LOG1P_TABLE)
    assert _features.log1p_columns(matrix, 4, (0,), np.zeros(0)) == [0]
    assert _features.log1p_columns(matrix, 4, (0, 3), features._LOG1P_TABLE) == []
    assert _features.log1p_columns(np.zeros((0, 4)), 4, (1,), features._LOG1P_TABLE) == []
