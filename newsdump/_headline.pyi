from collections.abc import Callable, Sequence
from typing import Any, Literal, overload

import numpy.typing as npt

def forest(
    feature: npt.NDArray[Any], threshold: npt.NDArray[Any], value: npt.NDArray[Any], depth: int
) -> object: ...
def scores(
    rows: Sequence[Sequence[float]], width: int, forest: object, baseline: float
) -> list[float]: ...
def scores_array(
    rows: npt.NDArray[Any], width: int, forest: object, baseline: float
) -> list[float]: ...
def tests(
    label_words: tuple[str, ...],
    anywhere_words: tuple[str, ...],
    byline_words: tuple[str, ...],
    author_words: tuple[str, ...],
    credit_words: tuple[str, ...],
    stamp_words: tuple[str, ...],
    label_match: Callable[[str], object],
    anywhere_search: Callable[[str], object],
    trail_match: Callable[[str], object],
    byline_match: Callable[[str], object],
    author_match: Callable[[str], object],
    credit_search: Callable[[str], object],
    stamp_search: Callable[[str], object],
    yearless_search: Callable[[str], object],
    is_time_line: Callable[[str], object],
    find_dates: Callable[[str], object],
    credit_starts: tuple[str, ...] = ...,
    credit_match: Callable[[str, int], object] = ...,
) -> object: ...
def candidates(
    texts: Sequence[str],
    order: Sequence[int],
    blocks: Any,
    consts: tuple[int, int, int],
    photo_tail: Callable[[str], object],
    tests: object,
) -> list[int]: ...
def fold(text: str) -> str: ...
def may_date(text: str) -> bool: ...
def counts(text: str) -> tuple[int, int]: ...
def word_set(text: str) -> set[str]: ...
def shape_rest(text: str, n: int) -> float: ...
def rows(
    out: npt.NDArray[Any],
    texts: Sequence[str],
    cands: Sequence[int],
    blanks: Sequence[tuple[bool, bool]],
    first: int,
    bylines: Sequence[int],
    body_words: frozenset[str] | object,
    page: set[str],
    page_sep: float,
    no_blanks: float,
    blocks: Any,
    consts: tuple[int, int, int, int, int, int, int, int, int],
    ranked: Sequence[tuple[int, int]],
    tests: object,
) -> None: ...
def page_blocks(
    labelled: Sequence[Any], article: object
) -> tuple[list[str], list[int], list[tuple[bool, bool]]]: ...
@overload
def whole_counts(
    texts: Sequence[str], cands: Sequence[int], plain: bool, equal: Literal[False] = ...
) -> list[int]: ...
@overload
def whole_counts(
    texts: Sequence[str], cands: Sequence[int], plain: bool, equal: Literal[True]
) -> list[tuple[int, int]]: ...
def byline_lines(
    texts: Sequence[str],
    order: Sequence[int],
    consts: tuple[int, int],
    words: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]],
) -> list[int]: ...
def lower_word_set(text: str) -> set[str] | None: ...
def frozen_tokens(text: str) -> frozenset[str] | None: ...
def credit(text: str, tests: object) -> bool: ...
def any_blank(blanks: Sequence[tuple[bool, bool]]) -> bool: ...
def body_table(
    texts: Sequence[str], sample: Sequence[int], heads: Sequence[int] = ..., lede_blocks: int = ...
) -> object | None: ...
def body_common(table: object, words: set[str]) -> int: ...
