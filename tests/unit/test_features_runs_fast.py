"""The compiled block features on runs of ASCII letters and spaces (read 32 characters at a time
where the processor has AVX2, see char_pass_avx2 in newsdump/_features.c) against the numpy
reference: the same floats, bit for bit, wherever a run starts or ends, whatever interrupts it
(digits, punctuation, NUL, Latin-1, wider characters) and whatever lay past a block's end in
the buffer of the block before; and lang's lowered stopword count, read the same way."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features, lang
from newsdump.document import Block
from newsdump.lang import Language, stopwords_for

needs_compiled = pytest.mark.skipif(
    features._features is None, reason="the compiled features were not built (no C compiler)"
)


def check(texts: list[str], code: str | None = "en") -> None:
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    lang = Language(code, code == "zh", stopwords_for(code))
    compiled, names = features.block_features(blocks, lang)
    reference, reference_names = features._block_features_numpy(blocks, lang)
    assert names == reference_names
    assert compiled.tobytes() == reference.tobytes()
    assert np.array_equal(compiled, reference)


WORDS = st.sampled_from(
    ["the", "The", "of", "and", "War", "was", "WWW", "www", "a", "I", "news", "Wow", "x" * 40]
)
BREAKS = st.sampled_from(
    [
        " ",
        " ",
        " ",
        "  ",
        ", ",
        ". ",
        "! ",
        ": ",
        "1",
        "2024",
        "12:30",
        "\x00",
        "é",
        "É",
        "ÿ",
        "\u2019",
        "\u00a0",
        "\u0100",
        "中",
        "\U0001f600",
        "_",
        "-",
        "@",
        "w.",
        ".com",
        "\n",
        "İ",
        "Σ",
        "AΣ ",
    ]
)
PROSE = st.lists(st.tuples(WORDS, BREAKS), max_size=40).map(
    lambda parts: "".join(word + glue for word, glue in parts)
)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(texts=st.lists(PROSE, min_size=1, max_size=12), code=st.sampled_from(["en", "de", None]))
def test_runs_of_words_between_other_characters(texts: list[str], code: str | None) -> None:
    check(texts, code)


@needs_compiled
@pytest.mark.parametrize("other", ["1", ".", "\x00", "é", "ÿ", "Ā", "中", "\U0001f600", "_", "@"])
def test_one_other_character_at_every_place(other: str) -> None:
    """Runs of 0 to 70 letters (lengths around 32 and 64), broken once at every place."""
    texts = []
    for length in (0, 1, 31, 32, 33, 63, 64, 65, 70):
        run = ("Ab wW " * 12)[:length]
        texts.append(run)
        texts.extend(run[:k] + other + run[k:] for k in range(length + 1))
    check(texts)


@needs_compiled
def test_nothing_past_a_block_is_read_as_its_own() -> None:
    """A long block of letters, then shorter ones: the buffer keeps the long one's codes past
    their ends."""
    check(["Word " * 200, "ab", "", "A", "a b", "Ww" * 20, "x" * 31, "The end" + "." * 40])
    check(["w" * 300, "W", "w", " "], None)


@needs_compiled
@pytest.mark.parametrize("size", [62, 63, 64, 65, 126, 127, 128, 1000])
def test_counts_past_63_with_runs_between(size: int) -> None:
    """The other characters are summed in 6-bit fields (flushed every 63); the letters by
    popcounts: long stretches of both, alternating."""
    check(
        [
            "a," * size,
            ("abc" * size + "," * size) * 2,
            " 1" * size,
            "Éa" * size + "中b" * size,
            "." * size + "W" * size + "|" * size,
        ]
    )


STOPWORD_PROSE = st.lists(
    st.tuples(
        st.sampled_from(["The", "and", "DER", "die", "le", "Les", "и", "не", "que", "x" * 30]),
        BREAKS,
    ),
    max_size=60,
).map(lambda parts: "".join(word + glue for word, glue in parts))


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(text=STOPWORD_PROSE)
def test_lowered_stopword_hits_on_runs_of_words(text: str) -> None:
    """lang's lowered stopword count (runs of ASCII read 32 characters at a time) against the
    count of the pure-Python path."""
    codes, index = lang._stopword_index()
    with patch.object(lang, "_features", None):
        expected = lang.stopword_hits(text, index, len(codes), lower=True)
    assert lang.stopword_hits(text, index, len(codes), lower=True) == expected


@needs_compiled
@pytest.mark.parametrize("other", ["1", "\x00", "é", "Ā", "İ", "Σ", "и", "\U0001f600"])
def test_lowered_stopword_hits_with_one_other_character_at_every_place(other: str) -> None:
    codes, index = lang._stopword_index()
    for length in (0, 1, 31, 32, 33, 63, 64, 65):
        run = ("The and " * 10)[:length]
        for k in range(length + 1):
            text = run[:k] + other + run[k:]
            with patch.object(lang, "_features", None):
                expected = lang.stopword_hits(text, index, len(codes), lower=True)
            assert lang.stopword_hits(text, index, len(codes), lower=True) == expected


@needs_compiled
@pytest.mark.parametrize("spaces", [2, 3, 18, 19, 20, 21, 30])
def test_prefix_lines_counted_to_their_twentieth_space(spaces: int) -> None:
    """prefix_pairs counts a text's spaces after its key 16 characters at a time: texts of
    around twenty words (a prefix line has fewer), words long and short, and the lines that
    start with them."""
    for word in ("a", "word", "x" * 17):
        line = " ".join([word] * (spaces + 1))
        check([line, line + " more", line[: len(line) // 2], line + "   ", "é " + line])
