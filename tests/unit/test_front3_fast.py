"""The compiled front (newsdump/_features.c) of session 13 against the plain Python:
split_strip (text.splitlines() and the stripped lines in one pass, line breaks found 16 bytes
at a time), stopword_hits' lowered count (U+0130 and U+03A3 found in its own pass, stopwords
tallied in a table flushed when full), sample_parts' line-break scan, and block features of
blocks past the character pass' chunks of 63 characters, of every str kind."""

from __future__ import annotations

from collections import Counter
from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features, lang, segment
from newsdump.document import Block
from newsdump.lang import Language, stopwords_for

try:
    from newsdump import _features
except ImportError:  # pragma: no cover - depends on the install
    _features = None  # type: ignore[assignment]

needs_compiled = pytest.mark.skipif(
    _features is None, reason="the compiled extension was not built (no C compiler)"
)

# every line break of str.splitlines, their neighbours, white space, and characters of every
# str kind (Latin-1, BMP, astral, a lone surrogate, NUL)
SPLIT_CHARS = (
    "ab \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\x84\x86\xa0é\u2027\u2028\u2029\u202a\u3000中"
    "\U0001f600\ud800\x00"
)


def _split_strip_reference(text: str) -> tuple[list[str], list[str], list[int]]:
    raw = text.splitlines()
    stripped = [line.strip() for line in raw]
    return raw, stripped, [i for i, line in enumerate(stripped) if line]


@needs_compiled
@settings(deadline=None, max_examples=400)
@given(st.text(alphabet=st.sampled_from(SPLIT_CHARS), max_size=200))
def test_split_strip_is_splitlines_then_strip(text: str) -> None:
    assert _features.split_strip(text) == _split_strip_reference(text)


@needs_compiled
@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 100])
@pytest.mark.parametrize("wide", ["", "’", "\U0001f600"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\x85", "\x1e"])
def test_split_strip_at_every_offset(size: int, wide: str, newline: str) -> None:
    for at in range(size + 1):
        text = wide + "x" * at + newline + " y" * (size - at) + " "
        assert _features.split_strip(text) == _split_strip_reference(text)


def test_segment_lines_without_the_compiled_split() -> None:
    text = "  Read the\r\nfull report \u2028here.\x85\n\nHome \t"
    expected = [(b.text, b.lines) for b in segment.segment(text)]
    with patch.object(segment, "_features", None):
        assert [(b.text, b.lines) for b in segment.segment(text)] == expected
    assert expected[-1] == ("Home", (5, 5))


def _hits_reference(text: str) -> tuple[list[int], int]:
    codes, index = lang._stopword_index()
    counts = [0] * len(codes)
    tokens = lang._tokens(text.lower())
    for token, times in Counter(tokens).items():
        for i in index.get(token, ()):
            counts[i] += times
    return counts, len(tokens)


@needs_compiled
@settings(deadline=None, max_examples=300)
@given(
    st.lists(
        st.sampled_from(sorted(lang._stopword_index()[1])[:3000])
        | st.text(alphabet=st.sampled_from("aAİıΣσςI'ß.,Ω中\U0001f600"), max_size=6),
        max_size=700,
    ),
    st.sampled_from([" ", "’ ", " \n", "\U0001f600 "]),
    st.booleans(),
)
def test_stopword_hits_lowered(words: list[str], glue: str, upper: bool) -> None:
    """Up to 700 words from 3000 stopwords: more distinct ones than the table of found
    stopwords holds before it is flushed (256)."""
    text = glue.join(words)
    if upper:
        text = text.upper()
    codes, _ = lang._stopword_index()
    found = _features.stopword_hits(text, lang._stopword_table(), len(codes), True)
    assert found == _hits_reference(text)


@needs_compiled
def test_stopword_hits_of_many_distinct_stopwords() -> None:
    words = [word for word in sorted(lang._stopword_index()[1]) if word.isalpha()][:2000]
    for text in (" ".join(words * 3), " ".join(words * 3) + " İstanbul"):
        codes, _ = lang._stopword_index()
        found = _features.stopword_hits(text, lang._stopword_table(), len(codes), True)
        assert found == _hits_reference(text)
    assert found[1] == len(words) * 3 + 2  # "i̇stanbul": two tokens (U+0307 is no letter)


@needs_compiled
@settings(deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab \u2028\x85\n\r\x1c’\U0001f600"), max_size=90),
        max_size=12,
    )
)
def test_sample_parts_of_texts_with_line_breaks(texts: list[str]) -> None:
    with patch.object(lang, "_features", None):
        expected = lang.lines_sample(texts)
    assert lang.lines_sample(texts) == expected


BLOCK_CHARS = "aZ9 .,:;!?'\"@wW/-–|•©…«»()\u2019É\u00e9ß中日\u0e01\U0001f600\ud800\x00\n"


@needs_compiled
@settings(deadline=None, max_examples=150)
@given(
    st.lists(st.text(alphabet=st.sampled_from(BLOCK_CHARS), max_size=300), min_size=1, max_size=8),
    st.sampled_from(["en", None]),
)
def test_block_features_of_long_blocks_of_every_kind(texts: list[str], code: str | None) -> None:
    """Blocks of up to 300 characters (several of the character pass' chunks of 63), of every
    str kind, with the special characters of links, times, years and sentence ends."""
    blocks = [Block(i, t, (i, i), False, i % 2 == 0) for i, t in enumerate(texts)]
    language = Language(code, False, stopwords_for(code))
    matrix, names = features.block_features(blocks, language)
    with patch.object(features, "_features", None):
        expected, expected_names = features.block_features(blocks, language)
    assert names == expected_names
    assert matrix.tobytes() == expected.tobytes()


# the bounds of the scripts script_counts counts, and of U+1800..U+303F (none of them: its
# second loop is skipped when a sample's characters from U+0E00 are all in there)
SCRIPT_CHARS = (
    "a \n’–•€\u0dff\u0e00\u0e7f\u0e80\u0eff\u0f00\u0fff\u1000\u109f\u10a0\u177f\u1780\u17ff"
    "\u1800\u2019\u303f\u3040\u30ff\u3100\u33ff\u3400\u4dbf\u4dc0\u4e00\u9fff\ua000\uabff\uac00"
    "\ud7af\ud7b0\uf8ff\uf900\ufaff\ufb00\U0001f600\U00020000"
)


@needs_compiled
@settings(deadline=None, max_examples=400)
@given(st.text(alphabet=st.sampled_from(SCRIPT_CHARS), max_size=120), st.sampled_from(["", "ÿ"]))
def test_script_counts_of_script_bounds(sample: str, latin: str) -> None:
    sample += latin
    with patch.object(lang, "_features", None):  # the regexes
        expected = lang.script_counts(sample)
    assert lang.script_counts(sample) == expected


@needs_compiled
@settings(deadline=None, max_examples=300)
@given(
    st.lists(
        st.lists(st.sampled_from(["a", "b", "Ä", "’", "\U0001f600", ""]), max_size=24),
        min_size=1,
        max_size=10,
    )
)
def test_prefix_pairs_of_every_kind(word_lists: list[list[str]]) -> None:
    """Texts of up to 24 words (empty ones: two spaces in a row) from a few words of every str
    kind: keys of three words, texts past twenty spaces, prefixes of one another."""
    texts = [" ".join(words) for words in word_lists]
    texts += [texts[0] + " b", texts[-1] + " Ä a"]  # (prefixes for sure)
    width, prefix_column, starts_column = 3, 0, 2
    matrix = np.full((len(texts), width), 7.0)
    _features.prefix_pairs(texts, matrix, width, prefix_column, starts_column)
    prefix_of, starts_with = features._prefix_pairs(texts)
    assert matrix[:, prefix_column].tolist() == prefix_of.tolist()
    assert matrix[:, starts_column].tolist() == starts_with.tolist()
