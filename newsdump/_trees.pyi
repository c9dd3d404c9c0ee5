from typing import Any

import numpy.typing as npt

def walk(
    x: npt.NDArray[Any],
    width: int,
    right: npt.NDArray[Any],
    right_width: int,
    feature: npt.NDArray[Any],
    threshold: npt.NDArray[Any],
    value: npt.NDArray[Any],
    trees: int,
    depth: int,
    baseline: float,
    out: npt.NDArray[Any],
    negate: bool = False,
) -> None: ...
def walk_masks(
    x: npt.NDArray[Any],
    width: int,
    right: npt.NDArray[Any],
    right_width: int,
    feature: npt.NDArray[Any],
    threshold: npt.NDArray[Any],
    keep: npt.NDArray[Any],
    leaves: npt.NDArray[Any],
    trees: int,
    nodes: int,
    baseline: float,
    out: npt.NDArray[Any],
    negate: bool = False,
) -> bool: ...
def masks_supported() -> bool: ...
def inverse_1p(out: npt.NDArray[Any]) -> None: ...
def rank_forest(
    used: npt.NDArray[Any],
    start: npt.NDArray[Any],
    count: npt.NDArray[Any],
    bounds: npt.NDArray[Any],
    node: npt.NDArray[Any],
    leaves: npt.NDArray[Any],
    trees: int,
    nodes: int,
) -> object: ...
def walk_ranks(
    x: npt.NDArray[Any],
    width: int,
    right: npt.NDArray[Any],
    right_width: int,
    forest: object,
    baseline: float,
    out: npt.NDArray[Any],
    negate: bool = False,
    uniform: npt.NDArray[Any] = ...,
) -> bool: ...
def ranks_supported() -> bool: ...
