from collections.abc import Callable, Sequence
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
def scores_array(
    rows: npt.NDArray[Any],
    width: int,
    feature: npt.NDArray[Any],
    threshold: npt.NDArray[Any],
    value: npt.NDArray[Any],
    depth: int,
    baseline: float,
) -> list[float]: ...
def candidates(
    texts: Sequence[str],
    order: Sequence[int],
    blocks: Any,
    label_words: tuple[str, ...],
    consts: tuple[int, int, int],
    photo_tail: Callable[[str], object],
) -> list[int]: ...
def counts(text: str) -> tuple[int, int]: ...
def word_set(text: str) -> set[str]: ...
def shape_rest(text: str, n: int) -> float: ...
def rows(
    out: npt.NDArray[Any],
    texts: Sequence[str],
    whole: str,
    cands: Sequence[int],
    blanks: Sequence[tuple[bool, bool]],
    first: int,
    bylines: Sequence[int],
    body_words: frozenset[str],
    page: set[str],
    page_sep: float,
    no_blanks: float,
    blocks: Any,
    lede_after: Callable[[int], frozenset[str]],
    consts: tuple[int, int, int, int, int, int, int, int],
    ranked: Sequence[tuple[int, int]],
    words: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
) -> None: ...
def page_blocks(
    labelled: Sequence[Any], article: object
) -> tuple[list[str], list[int], list[tuple[bool, bool]]]: ...
def byline_lines(
    texts: Sequence[str],
    order: Sequence[int],
    consts: tuple[int, int],
    words: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]],
) -> list[int]: ...
def lower_word_set(text: str) -> set[str] | None: ...
