"""The compiled article.page_blocks (newsdump/_headline.c) fills its lists in place, made to the
page's size, and gives the (blank_before, blank_after) pairs of two bools as shared tuples: the
same lists as ever, where the blanks are not bools, and where an attribute's code makes the
sequence longer or shorter in the middle of the pass (one pass over the sequence as it is)."""

from __future__ import annotations

import pytest

from newsdump import article
from newsdump.document import Block, Label, LabelledBlock

pytestmark = pytest.mark.skipif(
    article._headline is None, reason="the compiled code was not built (no C compiler)"
)


class Loose:
    """A block whose blank lines are whatever was given (not bools)."""

    def __init__(self, index: int, text: str, before: object, after: object) -> None:
        self.index = index
        self.text = text
        self.blank_before = before
        self.blank_after = after


class Item:
    """A labelled block whose `block` runs `hook` when read."""

    def __init__(self, block: object, label: Label, hook: object = None) -> None:
        self._block = block
        self.label = label
        self.hook = hook

    @property
    def block(self) -> object:
        if callable(self.hook):
            self.hook()
        return self._block


def test_page_blocks_pairs_of_any_values() -> None:
    labelled = [
        LabelledBlock(Block(0, " A ", (0, 0), True, False), Label.ARTICLE, 0.5, "m"),
        Item(Loose(1, "B", 1, 0), Label.BOILERPLATE),
        Item(Loose(2, "C ", None, True), Label.ARTICLE),
        LabelledBlock(Block(3, "D", (3, 3), True, True), Label.ARTICLE, 0.5, "m"),
        LabelledBlock(Block(4, "E", (4, 4), False, False), Label.ARTICLE, 0.5, "m"),
        LabelledBlock(Block(5, "F", (5, 5), False, True), Label.ARTICLE, 0.5, "m"),
    ]
    texts, body, blanks = article.page_blocks(labelled)  # type: ignore[arg-type]
    assert texts == ["A", "B", "C", "D", "E", "F"]
    assert body == [0, 2, 3, 4, 5]
    assert blanks == [(True, False), (1, 0), (None, True), (True, True), (False, False),
                      (False, True)]  # fmt: skip
    assert [type(v) for pair in blanks for v in pair] == [
        bool, bool, int, int, type(None), bool, bool, bool, bool, bool, bool, bool
    ]  # fmt: skip
    again = article.page_blocks(labelled)  # type: ignore[arg-type]
    assert again == (texts, body, blanks)
    assert article.page_blocks([]) == ([], [], [])


def test_page_blocks_of_a_sequence_that_grows() -> None:
    labelled: list[object] = []

    def grow() -> None:
        if len(labelled) < 6:
            labelled.append(LabelledBlock(Block(9, " late ", (9, 9)), Label.ARTICLE, 0.5, "m"))

    labelled += [
        LabelledBlock(Block(0, "One", (0, 0), True, False), Label.ARTICLE, 0.5, "m"),
        Item(Loose(1, " Two", False, True), Label.ARTICLE, grow),
        Item(Loose(2, "Three", True, True), Label.BOILERPLATE, grow),
    ]
    texts, body, blanks = article.page_blocks(labelled)  # type: ignore[arg-type]
    assert len(labelled) == 5
    assert texts == ["One", "Two", "Three", "late", "late"]
    assert body == [0, 1, 9, 9]
    assert blanks == [(True, False), (False, True), (True, True), (False, False), (False, False)]


def test_page_blocks_of_a_sequence_that_shrinks() -> None:
    labelled: list[object] = []

    def shrink() -> None:
        del labelled[3:]

    labelled += [
        LabelledBlock(Block(0, "One", (0, 0), True, False), Label.ARTICLE, 0.5, "m"),
        Item(Loose(1, " Two", False, True), Label.ARTICLE, shrink),
        Item(Loose(2, "Three", True, True), Label.BOILERPLATE),
        Item(Loose(3, "Four", True, True), Label.ARTICLE),
        Item(Loose(4, "Five", True, True), Label.ARTICLE),
    ]
    texts, body, blanks = article.page_blocks(labelled)  # type: ignore[arg-type]
    assert texts == ["One", "Two", "Three"]
    assert body == [0, 1]
    assert blanks == [(True, False), (False, True), (True, True)]


def test_page_blocks_error_in_the_middle() -> None:
    class Broken:
        label = Label.ARTICLE

        @property
        def block(self) -> object:
            raise RuntimeError("no block")

    labelled = [
        LabelledBlock(Block(0, "One", (0, 0), True, False), Label.ARTICLE, 0.5, "m"),
        Broken(),
        LabelledBlock(Block(2, "Two", (2, 2)), Label.ARTICLE, 0.5, "m"),
    ]
    with pytest.raises(RuntimeError):
        article.page_blocks(labelled)  # type: ignore[arg-type]
