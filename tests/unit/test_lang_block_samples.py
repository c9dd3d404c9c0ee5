"""block_sample_parts (sample_parts of the blocks' texts, read from the blocks) against
sample_parts of the list of texts, and classify.blocks_language against detect_lines_language
of the texts: blocks of long and short lines, line breaks inside a text (any of str.splitlines'),
pages without a long line (the start of the page then), objects other than Blocks with a text,
texts that are no str; and _detect_sample's best language, the first of the largest counts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import classify, lang
from newsdump.document import Block

_features = lang._features
needs_compiled = pytest.mark.skipif(
    _features is None or not hasattr(_features, "block_sample_parts"),
    reason="the compiled features were not built (no C compiler)",
)
MIN, MAX = lang.SAMPLE_MIN_LINE_CHARS, lang.SAMPLE_MAX_CHARS


@dataclass
class Other:
    text: object


def blocks_of(texts: list[str]) -> list[Block]:
    return [Block(i, text, (i, i)) for i, text in enumerate(texts)]


PIECES = st.sampled_from(
    [
        "The cat sat on the mat and it was the best of all the cats. ",
        "Der Hund und die Katze sind nicht hier, aber wir sind es. ",
        "Home",
        " ",
        "\n",
        "\u2028",
        "\r\n",
        "中文字的了是在和",
        "x" * 45,
        "é",
    ]
)


@needs_compiled
@settings(deadline=None, max_examples=200)
@given(texts=st.lists(st.lists(PIECES, max_size=8).map("".join), max_size=40))
def test_block_samples_on_random_pages(texts: list[str]) -> None:
    blocks = blocks_of(texts)
    for limit in (MAX, 100):
        expected = _features.sample_parts(texts, MIN, limit)
        assert _features.block_sample_parts(blocks, MIN, limit) == expected
        assert _features.block_sample_parts([Other(t) for t in texts], MIN, limit) == expected
    assert classify.blocks_language(blocks) == lang.detect_lines_language(texts)


@needs_compiled
def test_pages_without_a_long_line_and_the_empty_page() -> None:
    texts = ["Home", "News", "the of and to in"]
    assert _features.block_sample_parts(blocks_of(texts), MIN, MAX) == []
    assert classify.blocks_language(blocks_of(texts)) == lang.detect_lines_language(texts)
    assert classify.blocks_language([]) == lang.detect_lines_language([])


@needs_compiled
def test_texts_that_are_no_str_are_refused() -> None:
    with pytest.raises(TypeError):
        _features.block_sample_parts([Other(5)], MIN, MAX)
    with pytest.raises(AttributeError):
        _features.block_sample_parts([object()], MIN, MAX)


@pytest.mark.parametrize(
    "counts", [[0, 0, 0], [1, 3, 3], [3, 1, 3], [0, 0, 5], [7], [2, 9, 9, 1, 9]]
)
def test_best_language_is_the_first_of_the_largest_counts(counts: list[int]) -> None:
    assert counts.index(max(counts)) == max(range(len(counts)), key=counts.__getitem__)
