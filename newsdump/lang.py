"""Language identification (once per page, from a sample) and stopword sets.

Spaced scripts are identified by which language's stopwords cover most of a sample's tokens;
scripts written without spaces (Chinese, Japanese, Thai, Burmese, ...) by their code points. For
those "dense" scripts a word is counted as half a character and "stopwords" are frequent
function characters.

    >>> detect_language("The cat sat on the mat and it was the best of all the cats.").code
    'en'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsdump.model import load_stopwords

try:  # the stopword count compiled (newsdump/_features.c), when the install built it
    from newsdump import _features
except ImportError:  # pragma: no cover - depends on the install
    _features = None  # type: ignore[assignment]
if _features is not None and not hasattr(_features, "sample_parts"):  # pragma: no cover
    _features = None  # type: ignore[assignment]  # a stale build of an older version: unused

SAMPLE_MIN_LINE_CHARS = 40  # only lines at least this long go into the sample (prose, not menus)
SAMPLE_MAX_CHARS = 4000  # how much prose the sample holds
MIN_STOPWORD_SHARE = 0.15  # below this share of sample tokens, the language is unknown
DENSE_SCRIPT_SHARE = 0.3  # share of visible characters in a dense script that makes the page dense

TOKEN_RE = re.compile(r"[^\W\d_]+")
DENSE_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
KANA_RE = re.compile(r"[\u3040-\u30ff]")
# kana, CJK ideographs, hangul: scripts written without spaces between words
WIDE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
THAI_RE = re.compile(r"[\u0e00-\u0e7f]")
HANGUL_RE = re.compile(r"[\uac00-\ud7af]")  # Korean: written with spaces, so not dense
MYANMAR_RE = re.compile(r"[\u1000-\u109f]")
# Frequent function characters of Chinese and Japanese, counted as "stopwords" there.
DENSE_FUNCTION_CHARS = frozenset(
    "的了是在和有这我他们也就不都而及与着或之于为以其对将从"
    "のにはをたがでてとしもなるれかからまでこそ"
)


@dataclass(frozen=True, slots=True)
class Language:
    """A page's language: ISO code (None if unknown), whether its script is written without
    spaces, and the stopwords to count."""

    code: str | None
    dense: bool
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def _stopword_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """(language codes, word -> indices of the languages whose list holds it)."""
    lists = load_stopwords()
    codes = tuple(sorted(lists))
    index: dict[str, list[int]] = {}
    for i, code in enumerate(codes):
        for word in lists[code]:
            index.setdefault(word, []).append(i)
    return codes, {w: tuple(ix) for w, ix in index.items()}


@lru_cache(maxsize=1)
def _stopword_table() -> Any:
    """`_stopword_index`'s words as the compiled count looks them up (built once)."""
    return _features.word_table(_stopword_index()[1])


@lru_cache(maxsize=64)
def stopwords_for(code: str | None) -> frozenset[str]:
    """The stopword set of a language code; the union of all lists when unknown."""
    lists = load_stopwords()
    if code is None:
        return frozenset(w for words in lists.values() for w in words)
    return frozenset(lists.get(code, ()))


@lru_cache(maxsize=64)
def top_stopwords(code: str | None, count: int) -> frozenset[str]:
    """The `count` most frequent stopwords of a language (empty when unknown)."""
    if code is None:
        return frozenset()
    return frozenset(load_stopwords().get(code, ())[:count])


def page_sample(text: str) -> str:
    """The prose-looking part of a page (long lines), capped in size."""
    parts: list[str] = []
    size = 0
    lines = text.splitlines()  # the long ones picked first: a page of short lines is no loop
    for line in [line for line in lines if len(line) >= SAMPLE_MIN_LINE_CHARS]:
        parts.append(line)
        size += len(line)
        if size >= SAMPLE_MAX_CHARS:
            break
    return "\n".join(parts) if parts else text[:SAMPLE_MAX_CHARS]


def lines_sample(lines: Sequence[str], text: str | None = None) -> str:
    """``page_sample("\n".join(lines))`` without joining the page: only lines of at least
    SAMPLE_MIN_LINE_CHARS characters go into the sample, and a line that short holds no longer
    line, so only the long ones are split (a block's text is one line). With `text` (whose
    ``splitlines()`` the lines are), ``page_sample(text)``: the same long lines, and the
    start of `text` itself when there are none."""
    parts: list[str] = []
    if _features is not None and type(lines) is list:  # (compiled: one pass, no loop here)
        parts = _features.sample_parts(lines, SAMPLE_MIN_LINE_CHARS, SAMPLE_MAX_CHARS)
        if parts:
            return "\n".join(parts)
        return (text if text is not None else "\n".join(lines))[:SAMPLE_MAX_CHARS]
    size = 0
    for block in lines:
        if len(block) < SAMPLE_MIN_LINE_CHARS:
            continue
        for line in block.splitlines():
            if len(line) >= SAMPLE_MIN_LINE_CHARS:
                parts.append(line)
                size += len(line)
                if size >= SAMPLE_MAX_CHARS:
                    return "\n".join(parts)
    if parts:
        return "\n".join(parts)
    return (text if text is not None else "\n".join(lines))[:SAMPLE_MAX_CHARS]


def detect_language(text: str) -> Language:
    """Identify the language of a page from a sample of its prose."""
    return _detect_sample(page_sample(text))


def detect_lines_language(lines: Sequence[str], text: str | None = None) -> Language:
    """``detect_language("\n".join(lines))``, without joining the page (with `text`, whose
    ``splitlines()`` the lines are: ``detect_language(text)``)."""
    return _detect_sample(lines_sample(lines, text))


def detect_sample_language(sample: str) -> Language:
    """The language of a sample as `page_sample` or `lines_sample` makes it."""
    return _detect_sample(sample)


def _tokens(text: str) -> list[str]:
    """``TOKEN_RE.findall(text)``, faster: a whitespace-separated chunk of letters alone is one
    token (letters are never digits, "_" or white space); only the other chunks need the regex."""
    tokens: list[str] = []
    for chunk in text.split():
        if chunk.isalpha():
            tokens.append(chunk)
        else:
            tokens += TOKEN_RE.findall(chunk)
    return tokens


def stopword_hits(
    text: str, index: dict[str, tuple[int, ...]], languages: int, lower: bool = False
) -> tuple[list[int], int]:
    """How many of the tokens of `text` (with `lower`: of ``text.lower()``) every language's
    list holds (`index`: word -> indices of the languages whose list holds it), and how many
    tokens there are (compiled when the extension is built: one pass over the text, no token
    list, no lowered copy of it)."""
    if _features is not None:
        packaged = index is _stopword_index()[1]
        table = _stopword_table() if packaged else _features.word_table(index)
        return _features.stopword_hits(text, table, languages, lower)
    counts = [0] * languages
    tokens = _tokens(text.lower() if lower else text)
    for token, times in Counter(tokens).items():
        for i in index.get(token, ()):
            counts[i] += times
    return counts, len(tokens)


def script_counts(sample: str) -> tuple[int, int, int, int, int, int]:
    """Characters but spaces and line breaks, characters of a dense script, whether one is kana
    (1 or 0), Thai, Myanmar and Hangul characters (compiled when the extension is built: one
    pass)."""
    if _features is not None:
        return _features.script_counts(sample)
    return (
        len(sample) - sample.count(" ") - sample.count("\n"),
        len(DENSE_RE.findall(sample)),
        int(KANA_RE.search(sample) is not None),
        len(THAI_RE.findall(sample)),
        len(MYANMAR_RE.findall(sample)),
        len(HANGUL_RE.findall(sample)),
    )


def _detect_sample(sample: str) -> Language:
    # (not cached: a page's sample is seldom seen twice, 9 hits in 864 calls over 600 bench
    # pages, and the cache's key hashed every sample: ~4000 characters a page, for nothing)
    visible, dense, kana, thai, myanmar, hangul = script_counts(sample)
    if visible and dense / visible >= DENSE_SCRIPT_SHARE:
        if kana:
            code = "ja"
        elif thai * 2 > dense:
            code = "th"
        elif myanmar * 2 > dense:
            code = "my"
        else:
            code = "zh"
        return Language(code, True, DENSE_FUNCTION_CHARS)
    if visible and hangul / visible >= DENSE_SCRIPT_SHARE:
        return Language("ko", False, stopwords_for(None))
    codes, index = _stopword_index()
    counts, tokens = stopword_hits(sample, index, len(codes), lower=True)
    best = counts.index(max(counts)) if codes else 0  # the first of the largest counts
    if not tokens or not codes or counts[best] < MIN_STOPWORD_SHARE * tokens:
        return Language(None, False, stopwords_for(None))
    return Language(codes[best], False, stopwords_for(codes[best]))
