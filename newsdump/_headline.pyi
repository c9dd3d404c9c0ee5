from collections.abc import Sequence
from typing import Any

import numpy.typing as npt

def scores(
    rows: Sequence[Sequence[float]],
    width: int,
    feature: npt.NDArray[Any],
    threshold: npt.NDArray[Any],
    value: npt.NDArray[Any],
    depth: int,
    baseline: float,
) -> list[float]: ...
