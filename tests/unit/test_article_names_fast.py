"""parse_names' cheap tests change nothing: name_parts splits as NAME_SPLIT does, and a word
that starts with none of CUE_HEADS is neither DATE_CUE's nor UPDATE_CUE's."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import CUE_HEADS, DATE_CUE, NAME_SPLIT, UPDATE_CUE, name_parts

WORDS = [
    "Ann", "Lee", "and", "And", "und", "et", "y", "i", "e", "oraz", "и", "И", "Tom", "Davies",
    ",", ", ", ";", "&", "|", " | ", "-", "i-", "-e-", "_y", "y_", "é", "ÿ", "İ", "ı", "\u212a",
    "\ud800", "\x00", "\t", "\n", "  ", "Ann,Lee", "oraz,", "(and)", "Jean-Luc", "O'Neil", "2019",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(WORDS), max_size=10).map("".join)
SPACED = st.lists(st.sampled_from(WORDS), max_size=10).map(" ".join)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(TEXTS, SPACED, st.text(max_size=60)))
def test_name_parts_split_as_the_pattern(head: str) -> None:
    assert name_parts(head) == NAME_SPLIT.split(head)


def test_name_parts_examples() -> None:
    assert name_parts("Ann Lee") == ["Ann Lee"]
    assert name_parts("Ann Lee and Tom Davies") == ["Ann Lee", "Tom Davies"]
    assert name_parts("Ann Lee, Tom Davies & Eva Nowak") == ["Ann Lee", "Tom Davies", "Eva Nowak"]
    assert name_parts("Ann Leeand Tom") == ["Ann Leeand Tom"]  # no whole joining word
    assert name_parts("Jan i Eva") == ["Jan", "Eva"]
    assert name_parts("") == [""]


def test_cue_heads_hold_every_first_character_of_the_cues() -> None:
    firsts = re.compile("[pvo]|[uamz수更]", re.IGNORECASE)
    missing = [c for c in range(0x110000) if firsts.match(chr(c)) and chr(c) not in CUE_HEADS]
    assert missing == []


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(max_size=20), st.sampled_from(["published", "posted", "updated", "mis"])))
def test_no_cue_without_a_cue_head(word: str) -> None:
    lower = word.lower()
    if lower[:1] not in CUE_HEADS:
        assert DATE_CUE.match(lower) is None and UPDATE_CUE.match(lower) is None


class _Everything(str):
    """A str that holds every character: the cue test passes for every word."""

    def __contains__(self, key: object) -> bool:
        return True


def plain_parse_names(rest: str, allow_single: bool = False) -> list[str]:
    """parse_names with NAME_SPLIT itself and both cue patterns asked of every word."""
    saved = (article.name_parts, article.CUE_HEADS)
    article.name_parts = NAME_SPLIT.split  # type: ignore[assignment]
    article.CUE_HEADS = _Everything()
    try:
        return article._parse_names(rest, allow_single)
    finally:
        article.name_parts, article.CUE_HEADS = saved  # type: ignore[assignment]


NAMES = st.lists(
    st.sampled_from([*WORDS, "Publié", "published", "Updated", "mis à jour", "Nov.", "Reuters"]),
    max_size=10,
).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(NAMES, st.text(max_size=60)), st.booleans())
def test_parse_names_as_without_the_tests(rest: str, allow_single: bool) -> None:
    assert article.parse_names(rest, allow_single) == plain_parse_names(rest, allow_single)
