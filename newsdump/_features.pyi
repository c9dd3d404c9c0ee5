from collections.abc import Iterable
from typing import Any, NewType, overload

import numpy.typing as npt

from newsdump.document import Block, Label, LabelledBlock

WordTable = NewType("WordTable", object)  # a set of words as the compiled code looks them up

@overload
def block_matrix(
    blocks: list[Block],
    table: npt.NDArray[Any],
    stopwords: WordTable,
    dense: bool,
    known: bool,
    out: npt.NDArray[Any],
) -> tuple[list[str], float, float]: ...
@overload
def block_matrix(
    blocks: list[Block],
    table: npt.NDArray[Any],
    stopwords: WordTable,
    dense: bool,
    known: bool,
    out: npt.NDArray[Any],
    logs: npt.NDArray[Any],
    columns: tuple[int, ...],
) -> tuple[list[str], float, float, list[int]]: ...
@overload
def page_matrix(
    blocks: list[Block],
    table: npt.NDArray[Any],
    stopwords: WordTable,
    dense: bool,
    known: bool,
    out: npt.NDArray[Any],
    logs: npt.NDArray[Any],
    columns: tuple[int, ...],
) -> tuple[float, float, list[int], bool]: ...
@overload
def page_matrix(
    blocks: list[Block],
    table: npt.NDArray[Any],
    stopwords: WordTable,
    dense: bool,
    known: bool,
    out: npt.NDArray[Any],
    logs: npt.NDArray[Any],
    columns: tuple[int, ...],
    expm1s: npt.NDArray[Any],
    words: npt.NDArray[Any],
) -> tuple[float, float, list[int], bool, bool]: ...
def score_matrix(
    scores: npt.NDArray[Any], words: npt.NDArray[Any], mass: float, out: npt.NDArray[Any]
) -> tuple[int, int]: ...
def score_page(
    scores: npt.NDArray[Any], words: npt.NDArray[Any], out: npt.NDArray[Any], logs: npt.NDArray[Any]
) -> tuple[int, int, bool]: ...
def widths() -> tuple[int, int]: ...
def segment_blocks(
    block: type[Block],
    lines: list[str],
    filled: list[int],
    harsh: bool,
    stopwords: frozenset[str],
    glue_chars: tuple[str, str, str, str, str, str],
) -> list[Block]: ...
def prefix_pairs(
    texts: list[str], out: npt.NDArray[Any], width: int, prefix_column: int, starts_column: int
) -> None: ...
def log1p_columns(
    matrix: npt.NDArray[Any],
    width: int,
    columns: tuple[int, ...],
    logs: npt.NDArray[Any],
    fills: tuple[tuple[int, int], ...] = ...,
) -> list[int]: ...
def labelled_blocks(
    type: type[LabelledBlock],
    blocks: list[Block],
    keep: list[bool] | npt.NDArray[Any],
    scores: list[float] | npt.NDArray[Any],
    reasons: list[str],
    yes: Label,
    no: Label,
) -> list[LabelledBlock]: ...
def stopword_hits(
    text: str, table: WordTable, languages: int, lower: bool = ...
) -> tuple[list[int], int]: ...
def decide(
    scores: npt.NDArray[Any],
    words: npt.NDArray[Any],
    threshold: float,
    gap_penalty: float,
    min_score: float,
    min_words: float,
    reasons: tuple[str, str, str, str],
    keep: npt.NDArray[Any],
) -> list[str]: ...
def script_counts(sample: str) -> tuple[int, int, int, int, int, int]: ...
def sample_parts(texts: list[str], min_chars: int, max_chars: int) -> list[str]: ...
def consent_candidates(
    blocks: list[Block], reach: int, min_chars: int, max_chars: int
) -> list[int]: ...
def block_sample_parts(blocks: list[Block], min_chars: int, max_chars: int) -> list[str]: ...
def strip_texts(texts: list[str]) -> tuple[list[str], list[int]]: ...
@overload
def split_strip(text: str) -> tuple[list[str], list[str], list[int]]: ...
@overload
def split_strip(text: str, share: float) -> tuple[list[str] | None, list[str], list[int]]: ...
def word_table(words: Iterable[str] | dict[str, tuple[int, ...]]) -> WordTable: ...
