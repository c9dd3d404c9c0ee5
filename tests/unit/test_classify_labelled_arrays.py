"""classify.labelled_blocks of the arrays that decide and the second stage give (read as they are
by the compiled code) against labelled_blocks of their tolist(): the same LabelledBlocks, scores
that are floats (not numpy scalars) of the same doubles; arrays of other types or lengths
refused; the path without the compiled extension."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import classify
from newsdump.document import Block, LabelledBlock

needs_compiled = pytest.mark.skipif(
    classify._features is None, reason="the compiled features were not built (no C compiler)"
)
ROWS = st.lists(
    st.tuples(st.text(max_size=5), st.booleans(), st.floats(allow_nan=True), st.text(max_size=3)),
    max_size=40,
)


def same_blocks(a: list[LabelledBlock], b: list[LabelledBlock]) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert type(x) is LabelledBlock and type(x.score) is float
        assert x.block is y.block and x.label is y.label and x.reason is y.reason
        assert math.isnan(x.score) == math.isnan(y.score)
        assert np.float64(x.score).tobytes() == np.float64(y.score).tobytes()
    assert [repr(x) for x in a] == [repr(y) for y in b]


def columns(
    rows: list[tuple[str, bool, float, str]],
) -> tuple[list[Block], list[bool], list[float], list[str]]:
    blocks = [Block(i, text, (i, i)) for i, (text, _, _, _) in enumerate(rows)]
    return blocks, [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows]


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(rows=ROWS)
def test_arrays_as_their_lists(rows: list[tuple[str, bool, float, str]]) -> None:
    blocks, keep, scores, reasons = columns(rows)
    from_arrays = classify.labelled_blocks(
        blocks, np.array(keep, dtype=bool), np.array(scores, dtype=np.float64), reasons
    )
    same_blocks(from_arrays, classify.labelled_blocks(blocks, keep, scores, reasons))


@settings(max_examples=50, deadline=None)
@given(rows=ROWS)
def test_the_path_without_the_extension(
    rows: list[tuple[str, bool, float, str]], monkeypatch_module: pytest.MonkeyPatch
) -> None:
    blocks, keep, scores, reasons = columns(rows)
    expected = classify.labelled_blocks(blocks, keep, scores, reasons)
    with monkeypatch_module.context() as patch:
        patch.setattr(classify, "_features", None)
        got = classify.labelled_blocks(
            blocks, np.array(keep, dtype=bool), np.array(scores, dtype=np.float64), reasons
        )
    same_blocks(got, expected)


@pytest.fixture(scope="module")
def monkeypatch_module() -> pytest.MonkeyPatch:
    return pytest.MonkeyPatch()


@needs_compiled
def test_other_arrays_are_refused() -> None:
    blocks, keep, scores, reasons = columns([("a", True, 0.5, "x"), ("b", False, 0.1, "y")])
    good_keep, good_scores = np.array(keep), np.array(scores)
    f = classify._features.labelled_blocks
    args = (LabelledBlock, blocks)
    tail = (reasons, classify.Label.ARTICLE, classify.Label.BOILERPLATE)
    for bad_keep, bad_scores in (
        (np.array([1, 0]), good_scores),  # ints
        (good_keep, good_scores.astype(np.float32)),
        (good_keep[:1], good_scores),  # lengths
        (good_keep, np.array([0.5, 0.1, 0.2])),
    ):
        with pytest.raises(ValueError):
            f(*args, bad_keep, bad_scores, *tail)
    with pytest.raises(ValueError):
        f(*args, good_keep, np.array([0.5, 9.0, 0.1, 9.0])[::2], *tail)  # not contiguous
    with pytest.raises(TypeError):
        f(*args, None, good_scores, *tail)
