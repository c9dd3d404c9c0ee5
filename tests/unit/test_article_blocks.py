"""article.page_blocks, compiled (newsdump/_headline.c), gives the lists of its Python
reference: the stripped texts (the same objects where there is nothing to strip), the body's
block indexes and the blank lines around each block."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.document import Block, Label, LabelledBlock

SPACES = [" ", "\t", "\n", "\u3000", "\u00a0", "\u2028", "\x1c", "\x85", ""]
TEXTS = st.one_of(
    st.text(max_size=30),
    st.tuples(st.sampled_from(SPACES), st.text(max_size=20), st.sampled_from(SPACES)).map("".join),
)
BLOCKS = st.lists(
    st.tuples(TEXTS, st.sampled_from(list(Label)), st.booleans(), st.booleans()), max_size=12
)


def labelled_of(blocks: list[tuple[str, Label, bool, bool]]) -> list[LabelledBlock]:
    return [
        LabelledBlock(Block(k, text, (k, k), before, after), label, 0.5, "model")
        for k, (text, label, before, after) in enumerate(blocks)
    ]


@settings(max_examples=1000, deadline=None)
@given(BLOCKS)
def test_compiled_page_blocks_are_the_python_ones(
    blocks: list[tuple[str, Label, bool, bool]],
) -> None:
    labelled = labelled_of(blocks)
    got = article.page_blocks(labelled)
    want = article._page_blocks(labelled)
    assert got == want
    assert [type(t) for t in got[0]] == [str] * len(blocks)


def test_page_blocks_of_a_small_page() -> None:
    labelled = labelled_of(
        [
            ("  Menu ", Label.BOILERPLATE, False, True),
            ("Council rebuilds the bridge", Label.ARTICLE, True, True),
            ("\u3000桥梁重建\u3000", Label.ARTICLE, True, False),
        ]
    )
    texts, body, blanks = article.page_blocks(labelled)
    assert texts == ["Menu", "Council rebuilds the bridge", "桥梁重建"]
    assert body == [1, 2]
    assert blanks == [(False, True), (True, True), (True, False)]
    assert texts[1] is labelled[1].block.text  # nothing to strip: the same str


def test_page_blocks_refuse_what_is_no_block() -> None:
    if article._headline is None:  # pragma: no cover - depends on the install
        pytest.skip("the compiled code is not built")
    with pytest.raises(AttributeError):
        article.page_blocks([object()])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        article.page_blocks(3)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(BLOCKS)
def test_page_blocks_without_the_compiled_code_are_the_same(
    blocks: list[tuple[str, Label, bool, bool]],
) -> None:
    labelled = labelled_of(blocks)
    compiled = article.page_blocks(labelled)
    saved = article._headline
    article._headline = None  # type: ignore[assignment]
    try:
        assert article.page_blocks(labelled) == compiled
    finally:
        article._headline = saved
