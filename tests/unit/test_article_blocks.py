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


class Lookalike:
    """A labelled block of another type (attributes in a dict, no slots)."""

    def __init__(self, block: object, label: Label) -> None:
        self.block = block
        self.label = label


class Renamed(Block):
    """A Block whose text reads as another: the slot is no longer what getattr finds."""

    __slots__ = ()

    @property
    def text(self) -> str:
        return "renamed"


def renamed(index: int, text: str) -> Renamed:
    """A Renamed block, its slots filled by Block's own descriptors (its text is read-only)."""
    block = object.__new__(Renamed)
    for name, value in [("index", index), ("text", text), ("lines", (index, index))]:
        Block.__dict__[name].__set__(block, value)
    for name in ("blank_before", "blank_after"):
        Block.__dict__[name].__set__(block, False)
    return block


@pytest.mark.parametrize("first", [True, False])
def test_page_blocks_read_fields_as_getattr_does(first: bool) -> None:
    """The slots read straight only where the first object's exact type has them; blocks of
    other types (a subclass that overrides a field, a look-alike object) are asked by
    getattr, wherever they come."""
    plain = LabelledBlock(Block(0, " Council ", (0, 0), True, False), Label.ARTICLE, 0.5, "m")
    other = LabelledBlock(renamed(1, "Bridge"), Label.BOILERPLATE, 0.5, "m")
    alike = Lookalike(Block(2, "River ", (2, 2), False, True), Label.ARTICLE)
    labelled = [plain, other, alike] if first else [alike, other, plain]
    got = article.page_blocks(labelled)  # type: ignore[arg-type]
    assert got == article._page_blocks(labelled)  # type: ignore[arg-type]
    assert "renamed" in got[0]


def test_page_blocks_see_a_changed_type() -> None:
    """A type changed after its slots were found (between two pages, or by the code of a
    str subclass's strip() in the middle of one) is asked by getattr again."""

    class Text(str):
        def strip(self, chars: str | None = None) -> str:
            Kind.text = property(lambda self: "changed")  # type: ignore[assignment,misc]
            return str.strip(self)

    class Kind(Block):
        __slots__ = ()

    labelled = [
        LabelledBlock(Kind(k, text, (k, k)), Label.ARTICLE, 0.5, "m")
        for k, text in enumerate(["One", Text(" Two "), "Three"])
    ]
    assert article.page_blocks(labelled)[0] == ["One", "Two", "changed"]
    assert article.page_blocks(labelled) == article._page_blocks(labelled)
