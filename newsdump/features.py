"""Block features, computed in bulk for a whole page with a few regex passes and numpy.

`block_features` gives the context-free description of every block (its length, punctuation,
stopwords, shapes) together with its neighbourhood (how much prose surrounds it, whether it
sits in the page's largest run of prose, what its neighbours look like). `score_features`
describes the first-stage scores around every block, for the second stage.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from newsdump.document import Block
from newsdump.lang import Language

try:  # the same features compiled (newsdump/_features.c), when the install could build it
    from newsdump import _features
except ImportError:  # pragma: no cover - depends on the install
    _features = None  # type: ignore[assignment]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

C4_MIN_WORDS = 3  # a C4-passing line has at least this many words and ends a sentence
RUN_MAX_GAP = 3  # prose lines at most this many lines apart belong to one run
HEADLINE_MIN_WORDS = 3  # a headline-like line (no sentence end) has this many words ...
HEADLINE_MAX_WORDS = 25  # ... at most
NEAR_LINES = 20  # distances (in blocks) are capped here
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
SCORE_OFFSETS = (-3, -2, -1, 1, 2, 3)
SCORE_WINDOWS = (2, 5, 10, 25)
SEGMENT_THRESHOLD = 0.5  # first-stage score at which a block adds to the main segment

TINY_MAX_WORDS = 2  # a "tiny" line (user name, date, menu item) has at most this many words
REPEATED_MIN = 3  # a short line shape seen this often on a page is a template (ratings, dates)
REPEATED_MAX_CHARS = 40
PREFIX_MIN_WORDS = 3  # a short line that starts a longer one (teaser headline + summary) ...
PREFIX_MAX_WORDS = 20  # ... has this many words
PREFIX_MAX_CANDIDATES = 8  # short lines remembered per first words (keeps the search linear)

DIGITS_RE = re.compile(r"\d+")
LINK_MARKS = ("://", "www.", ".com", ".htm", ".jpg", ".png", ".gif")

SENTENCE_END_CHARS = ".!?。！？…؟।"
CLOSER_CHARS = "\"'”’»)]"
SEPARATOR_CHARS = "|•·»›/\\>–—"
PUNCTUATION_CHARS = ".,;:!?()[]\"'“”‘’«»-–—/|•·…،、，。：；！？"
BULLET_CHARS = "•·-*|>»›©®™#+←→↑↓▶►"
COPYRIGHT_CHARS = "©®™"
COMMA_CHARS = ",，、،"
DENSE_RANGES = (
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
)
UPPER_RANGES = ((0x41, 0x5A), (0xC0, 0xD6), (0xD8, 0xDE), (0x391, 0x3A9), (0x400, 0x42F))
LOWER_RANGES = ((0x61, 0x7A), (0xDF, 0xF6), (0xF8, 0xFF), (0x3B1, 0x3C9), (0x430, 0x45F))
ALPHA_RANGES = (
    (0x100, 0x24F),
    (0x600, 0x6FF),
    (0x590, 0x5FF),
    (0x900, 0x97F),
    (0xAC00, 0xD7AF),
)  # letters without case that still count as letters
DIGIT_RANGES = ((0x30, 0x39),)

# bit flags of the character-class table
SENTENCE_END = 1 << 0
CLOSER = 1 << 1
SEPARATOR = 1 << 2
PUNCT = 1 << 3
BULLET = 1 << 4
COPYRIGHT = 1 << 5
UPPER = 1 << 6
LOWER = 1 << 7
DENSE = 1 << 8
ALPHA = 1 << 9
DIGIT = 1 << 10
COMMA = 1 << 11
SPACE = 1 << 12
WORD = 1 << 13  # what `\w` matches, approximately: letters, digits, marks, "_"
NOT_WORD_RANGES = (
    (0x80, 0xBF),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x2BFF),
    (0x3000, 0x303F),
    (0xE000, 0xF8FF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
)
TABLE_SIZE = 0x10000  # the Basic Multilingual Plane; other code points get no class


def _class_table() -> npt.NDArray[np.uint16]:
    """Bit flags of every BMP code point, so a page is classified with one gather."""
    table = np.zeros(TABLE_SIZE, dtype=np.uint16)
    for chars, flag in (
        (SENTENCE_END_CHARS, SENTENCE_END),
        (CLOSER_CHARS, CLOSER),
        (SEPARATOR_CHARS, SEPARATOR),
        (PUNCTUATION_CHARS, PUNCT),
        (BULLET_CHARS, BULLET),
        (COPYRIGHT_CHARS, COPYRIGHT),
        (COMMA_CHARS, COMMA),
        (" ", SPACE),
    ):
        for c in chars:
            table[ord(c)] |= flag
    table[0x80:] |= WORD
    for low, high in NOT_WORD_RANGES:
        table[low : high + 1] &= ~WORD & 0xFFFF
    for c in "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[ord(c)] |= WORD
    for c in PUNCTUATION_CHARS + SEPARATOR_CHARS + BULLET_CHARS + CLOSER_CHARS:
        table[ord(c)] &= ~WORD & 0xFFFF
    for ranges, flag in (
        (UPPER_RANGES, UPPER),
        (LOWER_RANGES, LOWER),
        (DENSE_RANGES, DENSE),
        (ALPHA_RANGES, ALPHA),
        (DIGIT_RANGES, DIGIT),
    ):
        for low, high in ranges:
            table[low : high + 1] |= flag
    return table


CLASS_TABLE = _class_table()


def _window_sum(values: FloatArray, radius: int) -> FloatArray:
    """Sum of values[i - radius : i + radius + 1] for every i."""
    n = len(values)
    cs = np.concatenate(([0.0], np.cumsum(values)))
    idx = np.arange(n)
    result: FloatArray = cs[np.minimum(idx + radius + 1, n)] - cs[np.maximum(idx - radius, 0)]
    return result


def _window_count(n: int, radius: int) -> FloatArray:
    idx = np.arange(n)
    return (np.minimum(idx + radius + 1, n) - np.maximum(idx - radius, 0)).astype(np.float64)


def _shift(values: FloatArray, offset: int, fill: float) -> FloatArray:
    """values[i + offset], `fill` outside the page."""
    n = len(values)
    out = np.full(n, fill)
    if offset > 0 and offset < n:
        out[:-offset] = values[offset:]
    elif offset < 0 and -offset < n:
        out[-offset:] = values[:offset]
    elif offset == 0:
        out[:] = values
    return out


def _distance_to(mask: BoolArray) -> tuple[FloatArray, FloatArray]:
    """Blocks to the nearest True above and below (capped at NEAR_LINES; 0 on a True)."""
    n = len(mask)
    idx = np.arange(n)
    above = np.maximum.accumulate(np.where(mask, idx, -10 * n))
    below = np.minimum.accumulate(np.where(mask, idx, 10 * n)[::-1])[::-1]
    return (
        np.minimum(idx - above, NEAR_LINES).astype(np.float64),
        np.minimum(below - idx, NEAR_LINES).astype(np.float64),
    )


def _streak(mask: BoolArray) -> FloatArray:
    """Length of the run of consecutive Trues each block is in (0 on a False)."""
    n = len(mask)
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    out = np.zeros(n)
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        out[start:end] = end - start
    return out


def _per_block(
    columns: npt.NDArray[Any], starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]
) -> FloatArray:
    """Column sums of `columns` (one row per character) over every block's characters."""
    size = len(columns)
    if size == 0:
        return np.zeros((len(starts), columns.shape[1]))
    sums = np.add.reduceat(columns, np.minimum(starts, size - 1), axis=0, dtype=np.int64)
    sums[lengths == 0] = 0
    return sums.astype(np.float64)


def _at(values: npt.NDArray[Any], offset: int, fill: object) -> npt.NDArray[Any]:
    """values[i + offset] for every position i, `fill` past either end."""
    out = np.full(values.shape, fill, dtype=values.dtype)
    n = len(values)
    if offset >= 0:
        out[: max(n - offset, 0)] = values[offset:]
    else:
        out[-offset:] = values[: n + offset]
    return out


def _occurs(low: npt.NDArray[np.uint32], needle: str) -> BoolArray:
    """Positions where `needle` starts in the (lower-cased) code points `low`."""
    hit = np.ones(low.shape, dtype=bool)
    for k, char in enumerate(needle):
        hit &= _at(low, k, 0) == ord(char)
    return hit


def _sparse_counts(
    codes: npt.NDArray[np.uint32],
    flags: npt.NDArray[np.uint16],
    word: BoolArray,
    digit: BoolArray,
    line_of: npt.NDArray[np.int64],
    n: int,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Per-block counts of link shapes, clock times, years and sentence ends: candidates are
    found sparsely (a few characters) and only their surroundings are checked."""
    size = len(codes)
    pad = 4
    word_p = np.concatenate((np.zeros(pad, bool), word, np.zeros(pad, bool)))
    digit_p = np.concatenate((np.zeros(pad, bool), digit, np.zeros(pad, bool)))

    def around(mask: BoolArray, at: npt.NDArray[np.intp], offset: int) -> BoolArray:
        result: BoolArray = mask[at + pad + offset]
        return result

    def per_block(at: npt.NDArray[np.intp]) -> FloatArray:
        return np.bincount(line_of[at], minlength=n).astype(np.float64)

    low = np.where((codes >= 0x41) & (codes <= 0x5A), codes + 0x20, codes)
    text = low.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    found: list[int] = []
    for mark in LINK_MARKS:
        at = text.find(mark)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1)
    at_signs = np.flatnonzero(codes == 0x40)
    link_at = np.concatenate(
        (np.array(found, dtype=np.intp), at_signs[around(word_p, at_signs, 1)])
    )
    colons = np.flatnonzero(codes == 0x3A)
    time_at = colons[  # 9:30, 12:05
        around(digit_p, colons, -1)
        & ~(around(digit_p, colons, -2) & around(word_p, colons, -3))
        & around(digit_p, colons, 1)
        & around(digit_p, colons, 2)
        & ~around(word_p, colons, 3)
    ]
    runs = np.flatnonzero(digit & ~np.concatenate(([False], word[:-1])))
    runs = runs[runs + 1 < size]
    century = (((codes[runs] == 0x31) & (codes[runs + 1] == 0x39))
               | ((codes[runs] == 0x32) & (codes[runs + 1] == 0x30)))  # fmt: skip
    year_at = runs[  # 1900 .. 2099
        century & around(digit_p, runs, 2) & around(digit_p, runs, 3) & ~around(word_p, runs, 4)
    ]
    stops = np.flatnonzero((flags & SENTENCE_END) != 0)
    closed = np.concatenate((word | ((flags & PUNCT) != 0), np.zeros(pad, bool)))
    closer = np.concatenate(((flags & CLOSER) != 0, np.zeros(pad, bool)))
    open_next = ~closed[stops + 1]  # space, line break or end after the mark
    open_after_closer = closer[stops + 1] & ~closed[stops + 2]
    sentence_at = stops[open_next | open_after_closer]
    return per_block(link_at), per_block(time_at), per_block(year_at), per_block(sentence_at)


def _prefix_pairs(texts: list[str]) -> tuple[FloatArray, FloatArray]:
    """Whether a block's text starts another, longer block, and whether it starts with one."""
    n = len(texts)
    prefix_of = np.zeros(n)
    starts_with = np.zeros(n)
    by_key: dict[str, list[int]] = {}
    keys: list[str] = []
    seen: set[str] = set()
    for i, text in enumerate(texts):
        parts = text.split(" ", PREFIX_MIN_WORDS)
        key = " ".join(parts[:PREFIX_MIN_WORDS]) if len(parts) >= PREFIX_MIN_WORDS else ""
        keys.append(key)
        if key and len(parts) <= PREFIX_MAX_WORDS and text.count(" ") < PREFIX_MAX_WORDS:
            candidates = by_key.setdefault(key, [])
            if len(candidates) < PREFIX_MAX_CANDIDATES and text not in seen:
                candidates.append(i)
            seen.add(text)
    for i, key in enumerate(keys):
        for j in by_key.get(key, ()) if key else ():
            if len(texts[i]) > len(texts[j]) and texts[i].startswith(texts[j] + " "):
                prefix_of[j] = 1.0
                starts_with[i] = 1.0
    if seen and prefix_of.any():  # every copy of a prefix line is one
        prefixes = {texts[j] for j in np.flatnonzero(prefix_of).tolist()}
        prefix_of = np.array([t in prefixes for t in texts], dtype=np.float64)
    return prefix_of, starts_with


def block_features(blocks: list[Block], lang: Language) -> tuple[FloatArray, tuple[str, ...]]:
    """Feature matrix (one row per block) and the feature names."""
    if _features is not None:
        return _block_features_compiled(blocks, lang), BLOCK_NAMES
    return _block_features_numpy(blocks, lang)


def block_features_words(
    blocks: list[Block], lang: Language
) -> tuple[FloatArray, tuple[str, ...], FloatArray]:
    """`block_features`, and every block's words as np.expm1 of its log_words (compiled: read
    from a table of np.expm1 of _LOG1P_TABLE where the column was read from that, no pass down
    the column)."""
    if _features is not None:
        words = np.empty(len(blocks))
        return _block_features_compiled(blocks, lang, words), BLOCK_NAMES, words
    matrix, names = _block_features_numpy(blocks, lang)
    return matrix, names, np.expm1(matrix[:, names.index("log_words")])


def _neighbour_names(prefixes: tuple[str, ...], offsets: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(
        f"{prefix}_{'p' if offset > 0 else 'm'}{abs(offset)}"
        for offset in offsets
        for prefix in prefixes
    )


NEIGHBOUR_COLUMNS = ("log_words", "terminal", "c4", "stop_share", "starts_upper", "links")
BLOCK_NAMES = (
    *"log_chars log_words word_length terminal ends_colon ends_comma starts_upper starts_lower"
    " starts_digit starts_bullet digit_share upper_share letter_share punct_share space_share"
    " separators commas stopwords stop_share stop_ratio capital_share sentences times years"
    " links copyright repetition shape_repetition prefix_of_other starts_with_other position"
    " chars_before blank_before blank_after harsh page_blocks page_words page_c4_words"
    " page_stop dense_page known_lang head_cover after_anchor c4 headline_like c4_words_10"
    " c4_words_3 c4_share_5 c4_share_2 words_3 links_5 c4_above c4_below run_words run_share"
    " in_best_run to_best_run cum_c4 streak card_head card_summary tiny_share_5"
    " repeated_short_10 after_tiny_10".split(),
    *_neighbour_names(NEIGHBOUR_COLUMNS, NEIGHBOUR_OFFSETS),
)
SCORE_NAMES = (
    "score",
    *(f"score_{'p' if o > 0 else 'm'}{abs(o)}" for o in SCORE_OFFSETS),
    *(f"score_{kind}_{radius}" for radius in SCORE_WINDOWS for kind in ("mean", "wmean")),
    *"score_rel_max score_page_max score_mass_before strong_above strong_below in_segment"
    " to_segment segment_words".split(),
)
# columns that hold one value for the whole page (the forests' walk ranks them once a page)
UNIFORM_NAMES = (
    "harsh",
    "page_blocks",
    "page_words",
    "page_c4_words",
    "page_stop",
    "dense_page",
    "known_lang",
    "score_page_max",
    "segment_words",
)
# columns the compiled pass leaves to numpy: log1p (numpy's own rounding) and the prefix pairs
_LOG_COLUMNS = np.array(
    [BLOCK_NAMES.index(name) for name in BLOCK_NAMES if name.startswith("log_")]
    + [BLOCK_NAMES.index(name) for name in ("c4_words_10", "c4_words_3", "words_3", "run_words")]
)
_LOG_COLUMN_TUPLE = tuple(int(j) for j in _LOG_COLUMNS)
# np.log1p of the small integers: the log columns hold counts, read from this table by the
# compiled pass (the same doubles as np.log1p of them: numpy's own function made it)
_LOG1P_TABLE = np.log1p(np.arange(4096, dtype=np.float64))
_EXPM1_TABLE = np.expm1(_LOG1P_TABLE)  # (np.expm1 of a log_words read from _LOG1P_TABLE)
_SHIFTED_LOG_WORDS = tuple(
    (offset, BLOCK_NAMES.index(name))
    for offset, name in zip(
        NEIGHBOUR_OFFSETS, _neighbour_names(("log_words",), NEIGHBOUR_OFFSETS), strict=True
    )
)
_COLUMN = {name: j for j, name in enumerate(BLOCK_NAMES)}
_PAGE_COLUMNS = slice(_COLUMN["page_blocks"], _COLUMN["page_blocks"] + 3)
assert BLOCK_NAMES[_PAGE_COLUMNS] == ("page_blocks", "page_words", "page_c4_words")
if _features is not None and (
    _features.widths() != (len(BLOCK_NAMES), len(SCORE_NAMES))
    or not hasattr(_features, "word_table")
    or not hasattr(_features, "log1p_columns")
    or not hasattr(_features, "page_matrix")
    or not hasattr(_features, "score_page")
):  # pragma: no cover
    _features = None  # type: ignore[assignment]  # a stale build of another version: unused


@lru_cache(maxsize=64)
def _word_table(words: frozenset[str]) -> Any:
    """`words` as the compiled pass looks them up (code points, no str per token); built once
    per set (a language's stopwords are one cached frozenset)."""
    return _features.word_table(words)


def _block_features_compiled(
    blocks: list[Block], lang: Language, words: FloatArray | None = None
) -> FloatArray:
    """`_block_features_numpy`'s matrix from one compiled pass (the same floats); with `words`,
    np.expm1 of the log_words column into it."""
    n = len(blocks)
    matrix = np.empty((n, len(BLOCK_NAMES)))
    # (the log columns as log1p_columns makes them, in the same pass: the tabled ones read from
    # _LOG1P_TABLE, the neighbour log_words outside the page -1; the others left to numpy)
    # (and the prefix pairs, and the page columns where n and the totals are in the table: no
    # pass down those columns of the matrix after it, a line of every row out of the caches)
    arguments = (
        blocks,
        CLASS_TABLE,
        _word_table(lang.stopwords),
        lang.dense,
        lang.code is not None,
        matrix,
        _LOG1P_TABLE,
        _LOG_COLUMN_TUPLE,
    )
    words_written = True
    if words is None:
        total_words, total_c4, left, page_written = _features.page_matrix(*arguments)
    else:
        total_words, total_c4, left, page_written, words_written = _features.page_matrix(
            *arguments, _EXPM1_TABLE, words
        )
    if left:  # columns of other values (half words of dense pages, long blocks): numpy's log1p
        columns = np.array(left)
        matrix[:, columns] = np.log1p(matrix[:, columns])
        for offset, column in _SHIFTED_LOG_WORDS:  # outside the page: -1, not log1p(0)
            if offset > 0:
                matrix[max(n - offset, 0) :, column] = -1.0
            else:
                matrix[: min(-offset, n), column] = -1.0
    if not page_written:  # (a page of 4096 blocks or words or more, or half words)
        page = np.log1p(np.array((n, total_words, total_c4), dtype=np.float64))
        matrix[:, _PAGE_COLUMNS] = page  # page_blocks, page_words, page_c4_words (adjacent)
    if not words_written and words is not None:  # (half words, or 4096 words or more)
        np.expm1(matrix[:, _COLUMN["log_words"]], out=words)
    return matrix


def _block_features_numpy(
    blocks: list[Block], lang: Language
) -> tuple[FloatArray, tuple[str, ...]]:
    """The reference (and the path without the compiled extension)."""
    n = len(blocks)
    texts = [b.text.replace("\n", " ") for b in blocks]
    joined = "\n".join(texts)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)
    ends = starts + lengths
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    flags = CLASS_TABLE[np.minimum(codes, TABLE_SIZE - 1)]
    flags[codes >= TABLE_SIZE] = 0
    line_of = np.cumsum(codes == 0x0A)

    bits = np.unpackbits(flags.view(np.uint8).reshape(-1, 2), axis=1, bitorder="little")
    class_counts = _per_block(bits, starts, lengths)

    def count(flag: int) -> FloatArray:
        column: FloatArray = class_counts[:, flag.bit_length() - 1]
        return column

    padded = np.concatenate((flags, [0])).astype(np.uint16)  # index len(codes): no class

    def flagged(positions: npt.NDArray[np.int64], flag: int) -> BoolArray:
        at = np.where(lengths > 0, positions, len(codes))
        result: BoolArray = (padded[at] & flag) != 0
        return result

    chars = lengths.astype(np.float64)
    safe = np.maximum(chars, 1.0)
    digits = count(DIGIT)
    upper = count(UPPER)
    lower = count(LOWER)
    dense = count(DENSE)
    letters = upper + lower + dense + count(ALPHA)
    punct = count(PUNCT)
    separators = count(SEPARATOR)
    commas = count(COMMA)
    spaces = count(SPACE)

    last_at = ends - 1
    terminal = flagged(last_at, SENTENCE_END) | (
        flagged(last_at, CLOSER)
        & flagged(np.where(lengths > 1, ends - 2, len(codes)), SENTENCE_END)
    )
    padded_codes = np.concatenate((codes, [0])).astype(np.uint32)
    last = padded_codes[np.where(lengths > 0, last_at, len(codes))]
    ends_colon = (last == 0x3A) | (last == 0xFF1A)
    ends_comma = (last == 0x2C) | (last == 0x3B) | (last == 0xFF0C)
    starts_upper = flagged(starts, UPPER)
    starts_lower = flagged(starts, LOWER)
    starts_digit = flagged(starts, DIGIT)
    starts_bullet = flagged(starts, BULLET)
    copyright_sign = count(COPYRIGHT) > 0

    word = (flags & WORD) != 0
    boundary = word != _at(word, -1, False)
    token_start = np.flatnonzero(word & boundary)
    token_line = line_of[token_start]
    n_tokens = np.bincount(token_line, minlength=n).astype(np.float64)
    # every non-word character becomes a space, so str.split() cuts the same tokens in C
    spaced = np.where(word, codes, np.uint32(0x20)).astype(np.uint32)
    tokens = spaced.tobytes().decode("utf-32-le", "surrogatepass").lower().split()
    if len(tokens) != len(token_start):  # an odd space character inside a word: cut by offsets
        token_ends = [*np.flatnonzero(~word & boundary).tolist(), len(codes)]
        spans = zip(token_start.tolist(), token_ends, strict=False)
        tokens = [joined[a:b].lower() for a, b in spans]
    if lang.dense:
        stop_chars = np.array([ord(c) for c in lang.stopwords], dtype=np.uint32)
        stop = np.bincount(line_of, weights=np.isin(codes, stop_chars), minlength=n).astype(
            np.float64
        )
    else:
        stop_flags = np.fromiter(
            map(lang.stopwords.__contains__, tokens), dtype=bool, count=len(tokens)
        )
        stop = np.bincount(token_line[stop_flags], minlength=n).astype(np.float64)
    words = n_tokens + dense / 2.0
    safe_words = np.maximum(words, 1.0)
    safe_tokens = np.maximum(n_tokens, 1.0)

    head_tokens = set(tokens[: int(n_tokens[0])]) if n else set()
    in_head = np.fromiter(map(head_tokens.__contains__, tokens), dtype=bool, count=len(tokens))
    head_hits = np.bincount(token_line[in_head], minlength=n).astype(np.float64)
    head_cover = np.minimum(head_hits / max(len(head_tokens), 1), 1.0)
    head_cover[0] = 0.0
    anchor = int(np.argmax(head_cover)) if n > 1 and head_cover.max() >= 0.6 else -1

    digit = (flags & DIGIT) != 0
    links, times, years, sentences = _sparse_counts(codes, flags, word, digit, line_of, n)
    capitals = np.bincount(line_of[((flags & UPPER) != 0) & boundary], minlength=n).astype(
        np.float64
    )
    repeats = Counter(texts)
    repetition = np.array([repeats[t] for t in texts], dtype=np.float64)
    shapes = [DIGITS_RE.sub("0", t) if len(t) <= REPEATED_MAX_CHARS else t for t in texts]
    shape_counts = Counter(shapes)
    shape_repetition = np.array([shape_counts[t] for t in shapes], dtype=np.float64)
    prefix_of, starts_with = _prefix_pairs(texts)

    blank_before = np.array([b.blank_before for b in blocks], dtype=np.float64)
    blank_after = np.array([b.blank_after for b in blocks], dtype=np.float64)
    harsh = float(not (blank_before.any() or blank_after.any()))

    idx = np.arange(n, dtype=np.float64)
    c4 = (words >= C4_MIN_WORDS) & terminal
    c4f = c4.astype(np.float64)
    c4_words = words * c4f
    total_words = float(words.sum())
    total_c4 = float(c4_words.sum())
    stop_share = stop / safe_words
    page_stop = float(stop[c4].sum() / max(words[c4].sum(), 1.0)) if c4.any() else 0.0
    headline_like = (
        ~terminal
        & ~ends_colon
        & (words >= HEADLINE_MIN_WORDS)
        & (words <= HEADLINE_MAX_WORDS)
        & (starts_upper | starts_digit)
    )

    # runs of prose: C4 lines at most RUN_MAX_GAP blocks apart
    run_words = np.zeros(n)
    run_share = np.zeros(n)
    in_best_run = np.zeros(n)
    to_best_run = np.full(n, float(NEAR_LINES))
    c4_idx = np.flatnonzero(c4)
    if len(c4_idx):
        new_run = np.concatenate(([True], np.diff(c4_idx) > RUN_MAX_GAP + 1))
        run_id = np.cumsum(new_run) - 1
        run_start = c4_idx[new_run]
        run_end = c4_idx[np.concatenate((new_run[1:], [True]))]
        totals = np.bincount(run_id, weights=c4_words[c4_idx])
        which = np.searchsorted(run_start, np.arange(n), "right") - 1
        inside = (which >= 0) & (np.arange(n) <= run_end[np.maximum(which, 0)])
        run_words = np.where(inside, totals[np.maximum(which, 0)], 0.0)
        run_share = run_words / max(float(totals.max()), 1.0)
        best = int(np.argmax(totals))
        in_best_run = (inside & (which == best)).astype(np.float64)
        gap = np.maximum(run_start[best] - idx, idx - run_end[best])
        to_best_run = np.clip(gap, 0, NEAR_LINES)
    c4_above, c4_below = _distance_to(c4)
    cum_c4 = (np.cumsum(c4_words) - c4_words) / max(total_c4, 1.0)
    streak = _streak(c4)
    next_c4 = _shift(c4f, 1, 0.0)
    card_head = headline_like & (next_c4 > 0) & (_shift(c4f, 2, 0.0) == 0)
    card_summary = c4 & (_shift(headline_like.astype(np.float64), -1, 0.0) > 0) & (next_c4 == 0)
    tiny = (words <= TINY_MAX_WORDS).astype(np.float64)
    repeated_short = ((shape_repetition >= REPEATED_MIN) & (chars <= REPEATED_MAX_CHARS)).astype(
        np.float64
    )
    after_tiny = c4f * _shift(tiny, -1, 0.0)

    log_words = np.log1p(words)
    columns: dict[str, FloatArray] = {
        "log_chars": np.log1p(chars),
        "log_words": log_words,
        "word_length": chars / safe_words,
        "terminal": terminal.astype(np.float64),
        "ends_colon": ends_colon.astype(np.float64),
        "ends_comma": ends_comma.astype(np.float64),
        "starts_upper": starts_upper.astype(np.float64),
        "starts_lower": starts_lower.astype(np.float64),
        "starts_digit": starts_digit.astype(np.float64),
        "starts_bullet": starts_bullet.astype(np.float64),
        "digit_share": digits / safe,
        "upper_share": upper / np.maximum(letters, 1.0),
        "letter_share": letters / safe,
        "punct_share": punct / safe,
        "space_share": spaces / safe,
        "separators": separators,
        "commas": commas,
        "stopwords": stop,
        "stop_share": stop_share,
        "stop_ratio": stop_share / max(page_stop, 0.01),
        "capital_share": capitals / safe_tokens,
        "sentences": sentences,
        "times": times,
        "years": years,
        "links": links,
        "copyright": copyright_sign.astype(np.float64),
        "repetition": np.minimum(repetition, 10.0),
        "shape_repetition": np.minimum(shape_repetition, 20.0),
        "prefix_of_other": prefix_of,
        "starts_with_other": starts_with,
        "position": idx / max(n - 1, 1),
        "chars_before": (np.cumsum(chars) - chars) / max(float(chars.sum()), 1.0),
        "blank_before": blank_before,
        "blank_after": blank_after,
        "harsh": np.full(n, harsh),
        "page_blocks": np.full(n, np.log1p(n)),
        "page_words": np.full(n, np.log1p(total_words)),
        "page_c4_words": np.full(n, np.log1p(total_c4)),
        "page_stop": np.full(n, page_stop),
        "dense_page": np.full(n, float(lang.dense)),
        "known_lang": np.full(n, float(lang.code is not None)),
        "head_cover": head_cover,
        "after_anchor": (idx - anchor) / max(n, 1) if anchor >= 0 else np.full(n, -2.0),
        "c4": c4f,
        "headline_like": headline_like.astype(np.float64),
        "c4_words_10": np.log1p(_window_sum(c4_words, 10)),
        "c4_words_3": np.log1p(_window_sum(c4_words, 3)),
        "c4_share_5": _window_sum(c4f, 5) / _window_count(n, 5),
        "c4_share_2": _window_sum(c4f, 2) / _window_count(n, 2),
        "words_3": np.log1p(_window_sum(words, 3)),
        "links_5": _window_sum(links, 5),
        "c4_above": c4_above,
        "c4_below": c4_below,
        "run_words": np.log1p(run_words),
        "run_share": run_share,
        "in_best_run": in_best_run,
        "to_best_run": to_best_run,
        "cum_c4": cum_c4,
        "streak": np.minimum(streak, NEAR_LINES),
        "card_head": card_head.astype(np.float64),
        "card_summary": card_summary.astype(np.float64),
        "tiny_share_5": _window_sum(tiny, 5) / _window_count(n, 5),
        "repeated_short_10": _window_sum(repeated_short, 10) / _window_count(n, 10),
        "after_tiny_10": _window_sum(after_tiny, 10) / np.maximum(_window_sum(c4f, 10), 1.0),
    }
    for offset in NEIGHBOUR_OFFSETS:
        tag = f"{'p' if offset > 0 else 'm'}{abs(offset)}"
        columns[f"log_words_{tag}"] = _shift(log_words, offset, -1.0)
        columns[f"terminal_{tag}"] = _shift(terminal.astype(np.float64), offset, -1.0)
        columns[f"c4_{tag}"] = _shift(c4f, offset, -1.0)
        columns[f"stop_share_{tag}"] = _shift(stop_share, offset, -1.0)
        columns[f"starts_upper_{tag}"] = _shift(starts_upper.astype(np.float64), offset, -1.0)
        columns[f"links_{tag}"] = _shift(links, offset, -1.0)
    names = tuple(columns)
    matrix = np.empty((n, len(names)))
    for j, name in enumerate(names):
        matrix[:, j] = columns[name]
    return matrix, names


def best_segment(gains: FloatArray) -> tuple[int, int]:
    """(first, last) of the contiguous run with the largest sum of gains (vectorised Kadane:
    the best run ending at j starts after the lowest prefix sum before j)."""
    if len(gains) == 0:
        return 0, -1
    prefix = np.concatenate(([0.0], np.cumsum(gains)))
    lowest = np.minimum.accumulate(prefix[:-1])
    last = int(np.argmax(prefix[1:] - lowest))
    first = int(np.argmin(prefix[: last + 1]))
    return first, last


def score_features(scores: FloatArray, words: FloatArray) -> tuple[FloatArray, tuple[str, ...]]:
    """Context of the first-stage scores around every block, for the second stage."""
    if _features is None:
        return _score_features_numpy(scores, words)
    scores = np.ascontiguousarray(scores, dtype=np.float64)
    words = np.ascontiguousarray(words, dtype=np.float64)
    matrix = np.empty((len(scores), len(SCORE_NAMES)))
    # (the mass and the segment's words summed as numpy sums them; segment_words read from
    # _LOG1P_TABLE where that sum is a small integer, else numpy's log1p here)
    first, last, written = _features.score_page(scores, words, matrix, _LOG1P_TABLE)
    if not written:
        matrix[:, -1] = np.log1p(float(words[first : last + 1].sum()))
    return matrix, SCORE_NAMES


def _score_features_numpy(
    scores: FloatArray, words: FloatArray
) -> tuple[FloatArray, tuple[str, ...]]:
    """The reference (and the path without the compiled extension)."""
    n = len(scores)
    columns: dict[str, FloatArray] = {"score": scores}
    for offset in SCORE_OFFSETS:
        tag = f"{'p' if offset > 0 else 'm'}{abs(offset)}"
        columns[f"score_{tag}"] = _shift(scores, offset, -1.0)
    weighted = scores * words
    for radius in SCORE_WINDOWS:
        columns[f"score_mean_{radius}"] = _window_sum(scores, radius) / _window_count(n, radius)
        columns[f"score_wmean_{radius}"] = _window_sum(weighted, radius) / np.maximum(
            _window_sum(words, radius), 1.0
        )
    top = float(scores.max()) if n else 0.0
    columns["score_rel_max"] = scores / max(top, 1e-6)
    columns["score_page_max"] = np.full(n, top)
    mass = float(weighted.sum())
    columns["score_mass_before"] = (np.cumsum(weighted) - weighted) / max(mass, 1e-6)
    strong = scores >= 0.5
    above, below = _distance_to(strong)
    columns["strong_above"] = above
    columns["strong_below"] = below
    first, last = best_segment((scores - SEGMENT_THRESHOLD) * (words + 1.0))
    idx = np.arange(n, dtype=np.float64)
    columns["in_segment"] = ((idx >= first) & (idx <= last)).astype(np.float64)
    columns["to_segment"] = np.clip(np.maximum(first - idx, idx - last), 0, NEAR_LINES)
    columns["segment_words"] = np.full(n, np.log1p(float(words[first : last + 1].sum())))
    names = tuple(columns)
    matrix = np.empty((n, len(names)))
    for j, name in enumerate(names):
        matrix[:, j] = columns[name]
    return matrix, names
