"""segment(): one block per non-empty line; pieces of split sentences glued in harsh dumps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdump.document import Block
from newsdump.segment import (
    CONTINUES_RE,
    GLUE_MIN_WORDS,
    LAST_WORD_RE,
    OPENS_RE,
    SENTENCE_END_RE,
    _glues,
    segment,
)

INNER = "Home\nWorld\n\nThe council met on Monday.\n\nIt voted, and then adjourned.\n"
HARSH = (
    "Site title\n"
    "Menu\n"
    "The mayor said\n"
    "on Tuesday\n"
    "that the new bridge\n"
    ", which cost millions,\n"
    "would open soon.\n"
    "According to the\n"
    "City Herald\n"
    "report, traffic will double.\n"
    "Contact\n"
    "about us\n"
)


def test_empty_text_has_no_blocks() -> None:
    assert segment("") == []
    assert segment("\n  \n\t\n") == []


def test_inner_style_keeps_every_line_and_blank_flags() -> None:
    assert segment(INNER) == [
        Block(0, "Home", (0, 0), blank_before=False, blank_after=False),
        Block(1, "World", (1, 1), blank_before=False, blank_after=True),
        Block(2, "The council met on Monday.", (3, 3), blank_before=True, blank_after=True),
        Block(3, "It voted, and then adjourned.", (5, 5), blank_before=True, blank_after=False),
    ]


def test_inner_style_never_glues() -> None:
    text = "A sentence that runs on\n\nand goes on here.\n"
    assert [b.text for b in segment(text)] == ["A sentence that runs on", "and goes on here."]


def test_harsh_style_glues_split_sentences() -> None:
    blocks = segment(HARSH)
    assert [(b.text, b.lines) for b in blocks] == [
        ("Site title", (0, 0)),
        ("Menu", (1, 1)),
        (
            "The mayor said on Tuesday that the new bridge, which cost millions, would open soon.",
            (2, 6),
        ),
        ("According to the City Herald report, traffic will double.", (7, 9)),
        ("Contact", (10, 10)),
        ("about us", (11, 11)),
    ]
    assert not any(b.blank_before or b.blank_after for b in blocks)
    assert [b.index for b in blocks] == list(range(6))


def test_sentence_end_stops_gluing() -> None:
    assert [b.text for b in segment("It rained all day.\nthen it stopped and we left\n")] == [
        "It rained all day.",
        "then it stopped and we left",
    ]


def test_lines_are_stripped_and_numbered_from_zero() -> None:
    blocks = segment("  Title  \n\n\n  Body text here.  \n")
    assert [(b.text, b.lines) for b in blocks] == [("Title", (0, 0)), ("Body text here.", (3, 3))]


def test_dense_script_pieces_join_without_space() -> None:
    text = "新闻\n今天北京的天气\n很好，我们去了公园。\n"
    assert [b.text for b in segment(text)] == ["新闻", "今天北京的天气", "很好，我们去了公园。"]


def test_gluing_many_pieces_stays_linear() -> None:
    blocks = segment("a b c\n" * 20000)
    assert len(blocks) == 1
    assert blocks[0].lines == (0, 19999)
    assert blocks[0].text == " ".join(["a b c"] * 20000)


GLUE_ALPHABET = "aZé_1²½Ⅻ一 .,!?)\"'”’»]([{«“‘—–。！？…؟।、，：；%\u0301日ß"


@given(
    st.text(alphabet=GLUE_ALPHABET, min_size=1, max_size=12),
    st.text(alphabet=GLUE_ALPHABET, min_size=1, max_size=6),
    st.integers(0, 4),
)
def test_glues_as_the_regexes_say(current: str, nxt: str, words: int) -> None:
    """The string tests of `_glues` decide as the regexes they replace."""
    stopwords = frozenset({"a", "é", "ß", "ab"})
    if SENTENCE_END_RE.search(current):
        expected = False
    elif (
        CONTINUES_RE.match(nxt)
        or OPENS_RE.search(current)
        or (nxt[0].islower() and max(words, len(nxt.split())) >= GLUE_MIN_WORDS)
    ):
        expected = True
    else:
        last = LAST_WORD_RE.search(current)
        expected = (
            last is not None
            and words >= 2
            and last.group(1).lower() in stopwords
            and (nxt[0].isalnum() or nxt[0] in "\"'“‘«(")
        )
    assert _glues(current, words, nxt, stopwords) == expected
