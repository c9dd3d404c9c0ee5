"""The rank columns of the compiled rows (newsdump/_headline.c: a page's few candidates sorted
by insertion, more by qsort, both by the same key and then by place) are the Python rows' ranks,
with many ties, for every count of candidates around the switch between the two sorts."""

from __future__ import annotations

import numpy as np
import pytest

from newsdump import headline as H

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

LINES = [
    "Council votes to rebuild the old stone bridge",
    "Council votes to rebuild the old stone bridge",
    "The bridge",
    "Ferries stop today",
    "FERRY FARES RISE AGAIN",
    "Harbour news",
    "The town council voted on Monday to rebuild the bridge.",
]


@pytest.mark.parametrize("n", [1, 2, 3, 16, 40, 63, 64, 65, 66, 90])
def test_ranks_with_ties(n: int) -> None:
    rng = np.random.default_rng(n)
    texts = [LINES[int(k)] for k in rng.integers(0, len(LINES), size=n + 2)]
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    cands = list(range(n))
    compiled = H._compiled_features(ctx, cands, H._Blocks(texts))
    python = np.asarray(H._features(ctx, cands, H._Blocks(texts)), dtype=np.float64)
    assert compiled.tobytes() == python.tobytes()
    ranks = [column for column, _ in H.RANKED]
    assert sorted(compiled[:, ranks[0]].tolist(), reverse=True) == [1 / (1 + r) for r in range(n)]
