"""The compact word tables of newsdump/_features.c (32-bit slots with hash tags, records in one
pool) against plain Python dicts: words of every str width, tables big enough that the slots'
offset field grows (rehashes), duplicate and large values, empty and astral words; and
block_matrix's table of the first block's words on pages of many words."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features, lang
from newsdump.document import Block
from newsdump.lang import TOKEN_RE, Language, stopwords_for

_features = lang._features

needs_compiled = pytest.mark.skipif(
    _features is None, reason="the compiled extension was not built (no C compiler)"
)

# one character of each width: Latin-1, BMP, astral
WIDTHS = ["abcé", "abcé\u0436\u4e2d", "abcé\u0436\U0001f600"]


def expected_hits(
    text: str, index: dict[str, tuple[int, ...]], languages: int
) -> tuple[list[int], int]:
    counts = [0] * languages
    tokens = TOKEN_RE.findall(text)
    for token in tokens:
        for i in index.get(token, ()):
            counts[i] += 1
    return counts, len(tokens)


@needs_compiled
@settings(deadline=None)
@given(
    st.sampled_from(WIDTHS).flatmap(
        lambda alphabet: st.dictionaries(
            st.text(alphabet=alphabet, max_size=6),
            st.lists(st.integers(0, 300), max_size=4).map(tuple),
            max_size=60,
        )
    ),
    st.lists(st.text(alphabet="abcé\u0436\u4e2d\U0001f600", max_size=6), max_size=40),
)
def test_stopword_hits_of_tables_of_every_width(
    index: dict[str, tuple[int, ...]], extra: list[str]
) -> None:
    languages = 1 + max((i for values in index.values() for i in values), default=0)
    text = " ".join(list(index) + extra)
    table = _features.word_table(index)
    assert _features.stopword_hits(text, table, languages) == expected_hits(text, index, languages)


@needs_compiled
@pytest.mark.parametrize("size", [1, 100, 1000, 5000, 70000])
@pytest.mark.parametrize("alphabet", WIDTHS)
def test_stopword_hits_of_big_tables(size: int, alphabet: str) -> None:
    # past 4095 units of records the slots' offset field grows: every word is still found
    def word(k: int) -> str:
        out = ""
        while True:
            out += alphabet[k % len(alphabet)]
            k //= len(alphabet)
            if not k:
                return out

    index = {word(k): (k % 7, 6) if k % 5 == 0 else (k % 7,) for k in range(size)}
    text = " ".join(word(k) for k in range(0, size + 50, 3)) + " " + "x" * 300
    table = _features.word_table(index)
    assert _features.stopword_hits(text, table, 7) == expected_hits(text, index, 7)
    plain = _features.word_table(frozenset(index))
    assert _features.stopword_hits(text, plain, 0)[1] == len(TOKEN_RE.findall(text))


@needs_compiled
def test_word_table_values_of_every_size() -> None:
    index = {"a": (0, 0, 0), "b": (255,), "c": (256, 65535), "d": (65536,), "": (1,)}
    languages = 65537
    for word, values in index.items():
        table = _features.word_table({word: values})
        assert _features.stopword_hits("a b c d", table, languages) == expected_hits(
            "a b c d", {word: values}, languages
        )
    table = _features.word_table(index)
    assert _features.stopword_hits("a b c d a", table, languages) == expected_hits(
        "a b c d a", index, languages
    )
    with pytest.raises(IndexError):
        _features.stopword_hits("a", table, 65536)


@needs_compiled
@settings(deadline=None)
@given(
    st.integers(1, 3000),
    st.sampled_from(WIDTHS),
    st.sampled_from(["en", "ru", None]),
)
def test_block_features_of_pages_of_many_first_block_words(
    size: int, alphabet: str, code: str | None
) -> None:
    # the first block's words go into a table grown as they come
    words = [
        alphabet[k % len(alphabet)] * (1 + k // len(alphabet) % 9) + str(k) + "x"
        for k in range(size)
    ]
    first = " ".join(w.replace(str(k), "q" * (k % 5)) for k, w in enumerate(words))
    texts = [first, " ".join(words[::2]), "The the и " + first[: size * 3]]
    blocks = [
        Block(i, text, (i, i), blank_before=False, blank_after=False)
        for i, text in enumerate(texts)
    ]
    language = Language(code, False, stopwords_for(code))
    compiled, names = features.block_features(blocks, language)
    reference, reference_names = features._block_features_numpy(blocks, language)
    assert names == reference_names
    assert compiled.tobytes() == reference.tobytes()


def test_the_python_path_counts_the_same() -> None:
    codes, index = lang._stopword_index()
    text = "The cat sat on the mat and it was the best of all the cats. Der und die."
    expected = lang.stopword_hits(text, index, len(codes), lower=True)
    with patch.object(lang, "_features", None):
        assert lang.stopword_hits(text, index, len(codes), lower=True) == expected
