"""page_matrix (block_matrix with the prefix pairs and the page columns written with their rows)
against block_matrix then prefix_pairs then numpy's log1p of the page figures, and against the
numpy reference, bit for bit: pages of lines that start others (copies of them too), pages
whose block count or word totals are 4096 or more or not whole (half words of dense blocks),
the empty page; and its arguments refused as block_matrix refuses them."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features
from newsdump.document import Block
from newsdump.lang import Language, stopwords_for

_features = features._features
needs_compiled = pytest.mark.skipif(
    _features is None, reason="the compiled features were not built (no C compiler)"
)

WIDTH = len(features.BLOCK_NAMES)
DENSE = Language("zh", True, stopwords_for("zh"))
ENGLISH = Language("en", False, stopwords_for("en"))
UNKNOWN = Language(None, False, stopwords_for(None))


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def args(blocks: list[Block], language: Language, out: np.ndarray) -> tuple[object, ...]:
    return (
        blocks,
        features.CLASS_TABLE,
        features._word_table(language.stopwords),
        language.dense,
        language.code is not None,
        out,
        features._LOG1P_TABLE,
        features._LOG_COLUMN_TUPLE,
    )


def check(blocks: list[Block], language: Language) -> bool:
    """page_matrix's matrix is block_matrix's, then prefix_pairs', then the page columns of
    np.log1p; returns whether page_matrix wrote the page columns itself."""
    n = len(blocks)
    whole = np.full((n, WIDTH), np.nan)
    words, c4, left, written = _features.page_matrix(*args(blocks, language, whole))
    apart = np.full((n, WIDTH), np.nan)
    texts, words_apart, c4_apart, left_apart = _features.block_matrix(
        *args(blocks, language, apart)
    )
    assert (words, c4, left) == (words_apart, c4_apart, left_apart)
    _features.prefix_pairs(
        texts,
        apart,
        WIDTH,
        features._COLUMN["prefix_of_other"],
        features._COLUMN["starts_with_other"],
    )
    page = np.log1p(np.array((n, words, c4), dtype=np.float64))
    if written:
        apart[:, features._PAGE_COLUMNS] = page
    else:
        assert not whole[:, features._PAGE_COLUMNS].any()  # left 0 for Python
    assert same(whole, apart)
    if not n:  # (the numpy reference takes no empty page: classify scores none)
        return bool(written)
    compiled, _ = features.block_features(blocks, language)
    reference, _ = features._block_features_numpy(blocks, language)
    assert same(compiled, reference)
    return bool(written)


def page(texts: list[str]) -> list[Block]:
    return [Block(i, text, (i, i), blank_before=i % 4 == 1) for i, text in enumerate(texts)]


@needs_compiled
def test_lines_that_start_others_and_their_copies() -> None:
    texts = [
        "Breaking news from the city",
        "Breaking news from the city council tonight, as it met.",
        "Breaking news from the city",  # a copy of a prefix line is one
        "Weather for the weekend",
        "Weather for the weekend with sun and some rain later on.",
        "Home",
        "Breaking news from the city",
    ]
    for language in (ENGLISH, DENSE, UNKNOWN):
        assert check(page(texts), language)
    matrix, _ = features.block_features(page(texts), ENGLISH)
    prefix_of = matrix[:, features._COLUMN["prefix_of_other"]].tolist()
    starts = matrix[:, features._COLUMN["starts_with_other"]].tolist()
    assert prefix_of == [1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0]
    assert starts == [0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


@needs_compiled
def test_the_empty_page_and_one_block() -> None:
    assert check([], ENGLISH)
    assert check(page(["One line of text."]), ENGLISH)


@needs_compiled
@pytest.mark.parametrize("count", [4094, 4095, 4096, 4200])
def test_pages_of_4096_blocks_or_words(count: int) -> None:
    """n or the word totals at the table's end or past it: numpy's log1p then."""
    assert check(page(["word"] * count), ENGLISH) == (count < 4096)
    sentences = page([" ".join(["the"] * (count // 4)) + "."] * 4)  # c4 words
    assert check(sentences, ENGLISH) == (4 * (count // 4) < 4096)


@needs_compiled
def test_half_words_leave_the_page_columns_to_numpy() -> None:
    texts = ["The cat sat on the mat.", "中文字", "Read more of it here"]
    assert not check(page(texts), DENSE)  # 3 characters: a word and a half
    assert check(page(["中文", "The cat sat on the mat."]), DENSE)


@needs_compiled
def test_arguments_refused_as_block_matrix_refuses_them() -> None:
    blocks = page(["One line."])
    out = np.empty((1, WIDTH))
    whole = args(blocks, ENGLISH, out)
    with pytest.raises(TypeError):
        _features.page_matrix(*whole[:6])  # no logs
    with pytest.raises(TypeError):
        _features.page_matrix(*whole[:7])  # logs without columns
    with pytest.raises(ValueError):
        _features.page_matrix(*whole[:7], (features._COLUMN["terminal"],))
    with pytest.raises(ValueError):
        _features.page_matrix(*whole[:5], np.empty((2, WIDTH)), *whole[6:])
    with pytest.raises(TypeError):
        _features.page_matrix([Block(0, 5, (0, 0))], *whole[1:])  # type: ignore[arg-type]


PIECES = st.sampled_from(
    ["the", "cat", "Sat.", " ", " ", " news of", "Top news", ", ", "中", "文字", "2024", "\n", "é"]
)


@needs_compiled
@settings(deadline=None, max_examples=200)
@given(
    texts=st.lists(st.lists(PIECES, max_size=12).map("".join), min_size=1, max_size=30),
    copies=st.lists(st.integers(0, 29), max_size=8),
    language=st.sampled_from([ENGLISH, DENSE, UNKNOWN]),
)
def test_random_pages(texts: list[str], copies: list[int], language: Language) -> None:
    """Random pages, some blocks copied to the end and some extended (prefix lines)."""
    texts = texts + [texts[k % len(texts)] + (" more" if k % 2 else "") for k in copies]
    check(page(texts), language)


def words_check(blocks: list[Block], language: Language) -> bool:
    """block_features_words' words are np.expm1 of its log_words column, bit for bit (compiled
    and numpy); returns whether page_matrix wrote them itself."""
    matrix, names, words = features.block_features_words(blocks, language)
    expected = np.expm1(matrix[:, names.index("log_words")])
    assert same(words, expected)
    assert same(matrix, features.block_features(blocks, language)[0])
    out = np.full((len(blocks), WIDTH), np.nan)
    got = np.full(len(blocks), np.nan)
    *_, written = _features.page_matrix(*args(blocks, language, out), features._EXPM1_TABLE, got)
    if written:
        assert same(got, expected)
    else:
        assert np.isnan(got).all()  # left for numpy
    return bool(written)


@needs_compiled
def test_words_from_the_table_or_from_numpy() -> None:
    assert words_check(page(["The cat sat on the mat.", "Home", "a b c d"]), ENGLISH)
    assert not words_check(page(["The cat sat on the mat.", "中文字"]), DENSE)  # half words
    assert not words_check(page([" ".join(["the"] * 4100)]), ENGLISH)  # past the table
    assert words_check([], ENGLISH)


@needs_compiled
def test_words_arguments_refused() -> None:
    blocks = page(["One line."])
    whole = args(blocks, ENGLISH, np.empty((1, WIDTH)))
    with pytest.raises(TypeError):
        _features.page_matrix(*whole, features._EXPM1_TABLE)  # no words
    with pytest.raises(TypeError):  # block_matrix takes no words
        _features.block_matrix(*whole, features._EXPM1_TABLE, np.empty(1))
    with pytest.raises(ValueError):
        _features.page_matrix(*whole, features._EXPM1_TABLE, np.empty(2))
    with pytest.raises(ValueError):
        _features.page_matrix(*whole, features._EXPM1_TABLE[:10], np.empty(1))


@needs_compiled
@settings(deadline=None, max_examples=150)
@given(
    texts=st.lists(st.lists(PIECES, max_size=12).map("".join), min_size=1, max_size=30),
    language=st.sampled_from([ENGLISH, DENSE, UNKNOWN]),
)
def test_words_on_random_pages(texts: list[str], language: Language) -> None:
    words_check(page(texts), language)


def test_words_of_the_numpy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = page(["The cat sat on the mat.", "中文字", "Home"])
    compiled = features.block_features_words(blocks, DENSE)
    monkeypatch.setattr(features, "_features", None)
    reference = features.block_features_words(blocks, DENSE)
    assert compiled[1] == reference[1]
    assert same(compiled[0], reference[0]) and same(compiled[2], reference[2])
