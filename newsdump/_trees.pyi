from typing import Any

import numpy.typing as npt

def leaves(
    x: npt.NDArray[Any],
    width: int,
    feature: npt.NDArray[Any],
    threshold: npt.NDArray[Any],
    value: npt.NDArray[Any],
    inner: int,
    depth: int,
    out: npt.NDArray[Any],
) -> None: ...
