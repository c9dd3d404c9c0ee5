"""The facts `newsdump.revise` reads of every block once per page (`_facts`): compiled
(newsdump/_revise.c) as in Python (`_facts_plain`), and the rules that look only at the blocks
with their fact drop what they drop looking at every block; each pre-test holds wherever the
pattern or test it stands for can match (exhaustive over code points where it stands for a
character class)."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed
from test_revise_exact import PAGE_LINES

from newsdump import revise as R
from newsdump.document import Block, Label, LabelledBlock

PIECES = [
    *PAGE_LINES,
    *".!?…。！？\"'”’»)] \n\t/:：|>→–—-,(）（【[©",
    *"aAbBcCfFiIİıpPsSſzZvVgGK",
    "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\ud800", "", "12:45", "١:٢٣", "5:5",
    "Comments (3)", "kommentare", "COPYRIGHT", "(C) 2026", "subscribers", "ABONNÉS", "tylko dla",
    "Para ", "abbonati", "Photo: AP", ". Foto: Lena Roth", "! İmage: x", "사진=연합뉴스",
    "Keystone/Ann Lee", "About Ann Lee", "über", "LESEN SIE AUCH", "Czytaj dalej »", "Weiterlesen",
    "read more ...", "Related Stories:  ", "相关新闻", "ΣΟΦΙΑ", "ǅ", "ǈ", "NEWS", "Ⅻ", "東京",
    "“", "—", "À propos de Ann Lee", "ÜBER Ann", "ſobre", "À LIRE AUSSI", "Läs också", "Читайте",
    "]", ")", "】", "）",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=10).map("".join)
rows = st.lists(
    st.tuples(
        texts,
        st.booleans(),
        st.sampled_from([0.1, 0.5, 0.85, 0.95, float("nan")]),
        st.booleans(),
    ),
    max_size=40,
)
line_rows = st.lists(
    st.tuples(
        st.sampled_from(PAGE_LINES) | texts,
        st.booleans(),
        st.sampled_from([0.1, 0.5, 0.85, 0.95]),
        st.booleans(),
    ),
    max_size=50,
)
compiled = pytest.mark.skipif(R._revise is None, reason="newsdump/_revise.c was not built")


@compiled
@settings(max_examples=1500, deadline=None)
@given(rows)
def test_the_compiled_facts_are_the_python_ones(spec: list[tuple[str, bool, float, bool]]) -> None:
    out = listed(*spec)
    fast, plain = R._facts(out), R._facts_plain(out)
    assert fast[:3] == plain[:3] and fast[4:] == plain[4:]
    assert all(a is b for a, b in zip(fast[3], plain[3], strict=True))  # the scores themselves


@dataclass(frozen=True)
class OtherBlock:  # a block of another type than LabelledBlock's (read by attribute)
    block: Block
    label: Label
    score: float
    reason: str = "model"


class Renamed(LabelledBlock):
    __slots__ = ()

    @property  # type: ignore[misc]
    def label(self) -> Label:  # a subclass whose label is no longer the slot's
        return Label.BOILERPLATE


def renamed(block: Block, score: float) -> LabelledBlock:
    lb = object.__new__(Renamed)
    for name, value in (("block", block), ("label", Label.ARTICLE), ("score", score)):
        LabelledBlock.__dict__[name].__set__(lb, value)  # (the slots, under the property)
    LabelledBlock.__dict__["reason"].__set__(lb, "model")
    return lb


@compiled
def test_the_compiled_word_count_splits_at_every_space_str_split_does() -> None:
    # every code point between two letters, in each of the three string kinds (a text's kind
    # is its widest character's): the count is len(text.split()) exactly where every
    # character that str.isspace holds, and only those, separates two words
    widest = {"\x00": 0xFF, "\u0100": 0xFFFF, "\U00010000": sys.maxunicode}
    for widener, last in widest.items():
        text = widener + "x".join(map(chr, range(last + 1))) + widener
        out = listed((text, True, 0.5, False), (" " + text + "\u3000", False, 0.5, False))
        assert R._facts(out)[2] == [len(text.split())] * 2 == R._facts_plain(out)[2]


@compiled
def test_the_compiled_facts_read_any_blocks_and_refuse_what_is_no_text() -> None:
    blocks = [
        LabelledBlock(Block(0, " Related \ud800", (0, 0)), Label.ARTICLE, 0.5, "model"),
        OtherBlock(Block(1, "Comments (2)", (1, 1)), Label.ARTICLE, 0.4),  # type: ignore[list-item]
        renamed(Block(2, "", (2, 2)), 0.3),
        LabelledBlock(Block(3, "x" * 100_000 + " 1:23", (3, 3)), Label.ARTICLE, 0.9, "model"),
    ]
    assert R._facts(blocks) == R._facts_plain(blocks)
    assert R._facts(blocks[::-1]) == R._facts_plain(blocks[::-1])  # (another type first)
    assert R._facts(blocks)[4] == [True, True, False, True]
    assert R._facts([]) == R._facts_plain([])
    bad = [LabelledBlock(Block(0, b"bytes", (0, 0)), Label.ARTICLE, 0.5, "model")]  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        R._facts(bad)
    with pytest.raises(AttributeError):
        R._facts([object()])  # type: ignore[list-item]
    assert R._revise is not None
    with pytest.raises(ValueError):
        R._revise.facts(blocks, Label.ARTICLE, (b"", b"", "a", "a"), (40, 16, 33, 19, 5))
    with pytest.raises(ValueError):
        R._revise.facts(blocks, Label.ARTICLE, (R.HEADS_TABLE, b"x", "a", "a"), (40, 16, 33, 19, 5))


class Shrinking:  # a block whose label, once read, empties the list the pass walks
    def __init__(self, block: Block, out: list[object]) -> None:
        self.block, self.score, self.reason, self.out = block, 0.5, "model", out

    @property
    def label(self) -> Label:
        self.out.clear()
        return Label.ARTICLE


@compiled
def test_the_compiled_facts_walk_a_copy_of_the_blocks() -> None:
    """An attribute read that shortens the list under the pass (Python code in a property)
    cannot make it read past the list's end: it walks the blocks it was given."""
    out: list[object] = []
    out += [Shrinking(Block(0, "One two", (0, 0)), out)]
    out += [LabelledBlock(Block(i, f"Block {i} of words", (i, i)), Label.ARTICLE, 0.9, "model")
            for i in range(1, 200)]  # fmt: skip
    texts = R._facts(out)[0]  # type: ignore[arg-type]
    assert out == []
    assert texts == ["One two"] + [f"Block {i} of words" for i in range(1, 200)]


# the facts that only let a rule skip blocks (a block without one cannot fire the rule); the
# others (FACT_ENDS, FACT_CLOCK, FACT_OUTSIDE, FACT_KICKER) are read as answers (FACT_KICKER
# is `_is_kicker` of a body block's text, stripped or not: see the line facts' test below)
PRETESTS = (
    R.FACT_RELATED | R.FACT_LABEL | R.FACT_READ_MORE | R.FACT_GLUE | R.FACT_GLUED_CARD
    | R.FACT_CAPTION | R.FACT_ABOUT | R.FACT_STORY_END
)  # fmt: skip


def every_block(out: Sequence[LabelledBlock]) -> R._Facts:
    """`_facts_plain` with every pre-test passed by every block: the rules look at them all."""
    text, strip, words, score, body, body_list, flags, _ = R._facts_plain(out)
    flags = [f | PRETESTS for f in flags]
    flagged = tuple([i for i, f in enumerate(flags) if f >> b & 1] for b in range(R.FACT_BITS))
    return text, strip, words, score, body, body_list, flags, flagged


@settings(max_examples=3000, deadline=None)
@given(line_rows)
def test_the_rules_drop_what_they_drop_looking_at_every_block(
    spec: list[tuple[str, bool, float, bool]],
) -> None:
    out = listed(*spec)
    fast = R.revise(out)
    with patch.object(R, "_facts", every_block):
        plain = R.revise(out)
    assert [(lb.label, lb.reason) for lb in fast] == [(lb.label, lb.reason) for lb in plain]


def test_the_facts_have_the_bits_the_compiled_pass_sets() -> None:
    bits = [R.FACT_RELATED, R.FACT_READ_MORE, R.FACT_GLUE, R.FACT_GLUED_CARD, R.FACT_CAPTION]
    bits += [R.FACT_CLOCK, R.FACT_ABOUT, R.FACT_ENDS, R.FACT_KICKER, R.FACT_STORY_END]
    bits += [R.FACT_LABEL, R.FACT_OUTSIDE]
    assert bits == [1 << k for k in range(R.FACT_BITS)]
    assert R.BLOCK_FACTS == R.FACT_RELATED | R.FACT_CLOCK | R.FACT_ENDS | R.FACT_LABEL | (
        R.FACT_OUTSIDE
    )


def test_trimmed_is_label_trims_class() -> None:
    every = [chr(c) for c in range(0x110000) if R.LABEL_TRIM.fullmatch(chr(c))]
    assert sorted(R.TRIMMED) == every


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=6).map("".join))
def test_a_label_is_no_longer_than_the_longest_once_trimmed(text: str) -> None:
    core = len(text.strip().rstrip(R.TRIMMED))
    if R._related_label(text):
        assert core <= R.RELATED_MAX_CHARS
    low = text.strip().lower()
    if R.LABEL_TRIM.sub("", low) in R.READ_MORE:
        assert core <= R.READ_MORE_MAX_CHARS


def test_every_ascii_label_has_three_characters_or_more() -> None:
    """(what FACT_LABEL's test of a line's first three characters relies on)"""
    assert min(len(label) for label in R.RELATED_LABELS if label.isascii()) >= 3
    assert R._text_facts("Related", 1, False) & R.FACT_LABEL
    assert not R._text_facts("Rex", 1, False) & R.FACT_LABEL


def test_str_lower_never_shortens_a_character() -> None:
    """(a line longer than every label is no label once lower-cased)"""
    assert all(len(chr(c).lower()) >= 1 for c in range(0x110000))


def test_bare_credit_starts_with_a_line_credit_s_first_letter() -> None:
    """CREDIT_AFTER_SENTENCE stands for BARE_CREDIT's start: its words start as LINE_CREDIT's,
    whose first letters (ignoring case) LINE_CREDIT_FIRST lists (an exhaustive test in
    test_revise_pretests)."""
    words = re.findall(r"\|([^|()?]+)", "|" + R.BARE_CREDIT.pattern.split("(?:", 2)[2])
    starts = {w.strip(" ")[0].lower() for w in words if w.strip(" ")}
    assert starts <= set("©fpbizcvg")
    assert R.BARE_CREDIT.pattern.startswith(r"(?<=[.!?…] )(?:© ?")


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_the_caption_fact_holds_wherever_a_credit_can_end_the_line(text: str) -> None:
    if R.BARE_CREDIT.search(text):
        assert R.CREDIT_AFTER_SENTENCE.search(text)
    stripped = text.strip()
    facts = R._text_facts(stripped, 0, True)
    credit = R.CREDIT.search(stripped) if stripped.endswith((")", "）")) else None
    credit = credit or R.BARE_CREDIT.search(stripped) or R.SLASH_CREDIT.search(stripped)
    credit = credit or R.LINE_CREDIT.fullmatch(stripped) or R.LINE_SLASH_CREDIT.fullmatch(stripped)
    if (credit and credit.end() == len(stripped)) or R.CAPTION_START.match(stripped):
        assert facts & R.FACT_CAPTION


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_the_line_facts_hold_wherever_their_tests_pass(text: str) -> None:
    stripped = text.strip()
    facts = R._text_facts(stripped, 0, True)
    if R._story_end_line(stripped):
        assert facts & R.FACT_STORY_END
    if R.ABOUT.fullmatch(stripped):
        assert facts & R.FACT_ABOUT
    if R._related_label(stripped):
        assert facts & R.FACT_LABEL
    if R.GLUED_LABEL.fullmatch(stripped) and R.GLUE_MARK.search(stripped, 0, 48):
        assert facts & R.FACT_GLUE or not facts & R.FACT_GLUED_CARD
        match = R.GLUED_LABEL.fullmatch(stripped)
        if match and R._related_label(match.group(1)):
            assert facts & R.FACT_GLUE
    assert bool(facts & R.FACT_ENDS) == R._ends_sentence(stripped)
    assert bool(facts & R.FACT_CLOCK) == bool(R.CLOCK.search(text))
    assert bool(facts & R.FACT_KICKER) == R._is_kicker(text) == R._is_kicker(stripped)
    if R._glued_card(R._unbracketed(stripped)):
        assert facts & R.FACT_GLUED_CARD


@settings(max_examples=1000, deadline=None)
@given(line_rows)
def test_a_long_page_s_hints_drop_what_the_facts_drop(
    spec: list[tuple[str, bool, float, bool]],
) -> None:
    # (the arrays of a long page find the same blocks as the loops of a short one)
    out = listed(*spec)
    small = R.revise(out)
    with patch.object(R, "HINTS_MIN_BLOCKS", 0):
        big = R.revise(out)
    assert [(lb.label, lb.reason) for lb in big] == [(lb.label, lb.reason) for lb in small]
