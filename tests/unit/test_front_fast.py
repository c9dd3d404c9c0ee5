"""The compiled front of the pipeline (newsdump/_features.c) against the plain Python: the
counts of long samples (past the byte counters' runs of 255 characters), the stopword count
of texts lowered by the table of the code points below U+0800, and the dense pages' stopword
characters counted apart from the character pass."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features, lang
from newsdump.document import Block
from newsdump.lang import Language, stopwords_for

needs_compiled = pytest.mark.skipif(
    lang._features is None, reason="the compiled extension was not built (no C compiler)"
)

BLANKS = " \n\t\r\xa0\u3000"


@needs_compiled
@pytest.mark.parametrize("size", [0, 1, 254, 255, 256, 510, 511, 4000])
@pytest.mark.parametrize("extra", ["", "é", "’", "\U0001f600", "中"])
def test_script_counts_of_long_samples(size: int, extra: str) -> None:
    sample = ("a \n" * size)[:size] + extra
    with patch.object(lang, "_features", None):  # the regexes
        expected = lang.script_counts(sample)
    assert lang.script_counts(sample) == expected
    assert expected[0] == len(sample) - sample.count(" ") - sample.count("\n")


@needs_compiled
@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(BLANKS + "ab9"), min_size=200, max_size=1200))
def test_script_counts_of_random_long_samples(sample: str) -> None:
    with patch.object(lang, "_features", None):
        expected = lang.script_counts(sample)
    assert lang.script_counts(sample) == expected


# letters of the scripts below U+0800 in both cases (and the two lowered by their context)
SMALL_SCRIPTS = "AbÀàÉéßİıΣσςΑαЖжЁёԱաאبĲĳǅǄǆ\u0345ϴθ\u023eⱦ"


@needs_compiled
@settings(deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(SMALL_SCRIPTS + " ,.1"), max_size=12)
        | st.sampled_from(["the", "The", "ЖЕ", "и", "И", "και", "ΚΑΙ", "und"]),
        max_size=30,
    ),
    st.sampled_from([" ", "’ ", "\U0001f600 ", ", "]),
)
def test_stopword_hits_of_small_scripts_lowered(words: list[str], glue: str) -> None:
    text = glue.join(words)
    codes, index = lang._stopword_index()
    expected = lang.stopword_hits(text.lower(), index, len(codes))
    with patch.object(lang, "_features", None):
        assert lang.stopword_hits(text, index, len(codes), lower=True) == expected
    assert lang.stopword_hits(text, index, len(codes), lower=True) == expected


DENSE_MIX = "的了是在和有这我他们のにはを中文字。、 AbИи"


@needs_compiled
@settings(deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(DENSE_MIX), max_size=40),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(["zh", "ja", "ru", None]),
)
def test_block_features_of_dense_and_small_script_pages(texts: list[str], code: str | None) -> None:
    blocks = [Block(i, text, (i, i), blank_before=i % 2 == 0, blank_after=False)
              for i, text in enumerate(texts)]  # fmt: skip
    dense = code in ("zh", "ja")
    language = Language(code, dense, lang.DENSE_FUNCTION_CHARS if dense else stopwords_for(code))
    compiled, names = features.block_features(blocks, language)
    reference, reference_names = features._block_features_numpy(blocks, language)
    assert names == reference_names
    assert compiled.tobytes() == reference.tobytes()


@needs_compiled
@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "und", "и", "και"]).flatmap(
            lambda word: st.integers(1, 40).map(lambda times: word * times)
        ),
        max_size=12,
    ),
    st.sampled_from([" ", "’ ", "\U0001f600 "]),
)
def test_stopword_hits_of_tokens_longer_than_any_stopword(words: list[str], glue: str) -> None:
    text = glue.join(words)  # tokens past the longest stopword wrap around in the compiled count
    codes, index = lang._stopword_index()
    with patch.object(lang, "_features", None):
        expected = lang.stopword_hits(text, index, len(codes), lower=True)
    assert lang.stopword_hits(text, index, len(codes), lower=True) == expected
    assert lang.stopword_hits(text.upper(), index, len(codes), lower=True) == expected
