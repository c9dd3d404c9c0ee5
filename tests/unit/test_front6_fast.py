"""block_matrix with its log columns read from the table in the same pass (logs, columns), against
block_matrix then log1p_columns and against the numpy reference, bit for bit: pages whose log
columns are all small integers, and pages where some are not (half words of dense blocks at the
start or the end of the page, so that some neighbour columns hold them and others not; blocks of
4096 characters or more); and stopword_hits' lookups fetched ahead (tokens too long for any
list among the others, more tokens than its ring of hashes)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features, lang
from newsdump.document import Block
from newsdump.lang import Language, stopwords_for

_features = features._features
needs_compiled = pytest.mark.skipif(
    _features is None, reason="the compiled features were not built (no C compiler)"
)

WIDTH = len(features.BLOCK_NAMES)


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def fused_and_apart(blocks: list[Block], language: Language) -> tuple[np.ndarray, np.ndarray]:
    """The matrix of block_matrix with logs and columns, and the one of block_matrix then
    log1p_columns (with the neighbour fills), each with the columns left to numpy's log1p."""
    table = features._word_table(language.stopwords)
    known = language.code is not None
    fused = np.empty((len(blocks), WIDTH))
    *_, left = _features.block_matrix(
        blocks,
        features.CLASS_TABLE,
        table,
        language.dense,
        known,
        fused,
        features._LOG1P_TABLE,
        features._LOG_COLUMN_TUPLE,
    )
    apart = np.empty((len(blocks), WIDTH))
    _features.block_matrix(blocks, features.CLASS_TABLE, table, language.dense, known, apart)
    expected = _features.log1p_columns(
        apart,
        WIDTH,
        features._LOG_COLUMN_TUPLE,
        features._LOG1P_TABLE,
        features._SHIFTED_LOG_WORDS,
    )
    assert left == expected
    return fused, apart


def reference_check(blocks: list[Block], language: Language) -> None:
    fused, apart = fused_and_apart(blocks, language)
    assert same(fused, apart)
    compiled, _ = features.block_features(blocks, language)
    reference, _ = features._block_features_numpy(blocks, language)
    assert same(compiled, reference)


DENSE = Language("zh", True, stopwords_for("zh"))
ENGLISH = Language("en", False, stopwords_for("en"))


@needs_compiled
@pytest.mark.parametrize("at", [0, 1, 2, 3, 4, 5, 6, -1, -2, -3])
@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_a_half_word_at_one_place(at: int, count: int) -> None:
    """One block of an odd number of dense characters (half words) among blocks of whole
    words: log_words and those neighbour columns that hold it go to numpy, the others not."""
    texts = ["The cat sat on the mat.", "Home", "Read more of it here", "Share"] * 2
    texts = texts[:count]
    texts.insert(at if at >= 0 else len(texts) + 1 + at, "中文字")
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    for language in (DENSE, ENGLISH):
        reference_check(blocks, language)


@needs_compiled
@pytest.mark.parametrize("size", [4094, 4095, 4096, 5000])
def test_blocks_of_4096_characters_or_more(size: int) -> None:
    texts = ["Title of it", "x" * (size - 2) + ".", "the end of the page is here.", "a b"]
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    reference_check(blocks, ENGLISH)
    words = [Block(i, " ".join(["the"] * size), (i, i)) for i in range(3)]  # c4 words, windows
    reference_check(words, ENGLISH)


PIECES = st.sampled_from(
    ["the", "cat", "Sat.", " ", " ", ", ", "中", "文字", "©", "2024", "\n", "x" * 40, "é"]
)


@needs_compiled
@settings(deadline=None, max_examples=150)
@given(
    texts=st.lists(st.lists(PIECES, max_size=30).map("".join), min_size=1, max_size=30),
    dense=st.booleans(),
)
def test_fused_logs_on_random_pages(texts: list[str], dense: bool) -> None:
    blocks = [Block(i, text, (i, i), blank_before=i % 3 == 0) for i, text in enumerate(texts)]
    reference_check(blocks, DENSE if dense else ENGLISH)


@needs_compiled
def test_logs_of_other_columns_are_refused() -> None:
    blocks = [Block(0, "One line.", (0, 0))]
    table = features._word_table(ENGLISH.stopwords)
    out = np.empty((1, WIDTH))
    args = (blocks, features.CLASS_TABLE, table, False, True, out, features._LOG1P_TABLE)
    with pytest.raises(ValueError):
        _features.block_matrix(*args, (features._COLUMN["terminal"],))
    with pytest.raises(ValueError):
        _features.block_matrix(*args, (0, 0))
    with pytest.raises(TypeError):
        _features.block_matrix(*args)
    *_, left = _features.block_matrix(*args, ())  # no column asked: all raw
    assert left == []


def _hits_reference(text: str) -> tuple[list[int], int]:
    codes, index = lang._stopword_index()
    counts = [0] * len(codes)
    tokens = lang._tokens(text.lower())
    for token in tokens:
        for i in index.get(token, ()):
            counts[i] += 1
    return counts, len(tokens)


@needs_compiled
@settings(deadline=None, max_examples=200)
@given(
    st.lists(
        st.sampled_from(sorted(lang._stopword_index()[1])[:500])
        | st.text(alphabet=st.sampled_from("abcé中"), min_size=15, max_size=40),
        max_size=200,
    )
)
def test_stopword_hits_with_tokens_too_long_for_any_list(words: list[str]) -> None:
    text = " ".join(words)
    codes, _ = lang._stopword_index()
    found = _features.stopword_hits(text, lang._stopword_table(), len(codes), True)
    assert found == _hits_reference(text)
