"""The compiled gate of NOT_TITLE_START (`_feed.not_title_gate`) on a line that starts with a
digit: it passes only a relative time's last word after a space ("2 hours ago", "3 giorni fa",
"2 dni temu", "5 dagen geleden") or a kind of story after the first word, and never fails a
line the pattern matches."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdump import feed as F

pytestmark = pytest.mark.skipif(F._feed is None, reason="the compiled extension is not built")

ENDS = ("ago", "fa", "temu", "geleden")  # (_feed.c's relative_ends)
PIECES = (
    *ENDS,
    *(e.upper() for e in ENDS),
    *("2", "12", "٣", "\U0001d7d8", " ", "  ", "\t", "\xa0", "\u3000", "\n", "hours", "hour"),
    *("min", "mins.", "day", "giorni", "dni", "dagen", "x", "_", "é", "ago_", "agox", "reportage"),
    *("Review", "von", "by", "Ann", "Lee", "-", ".", "\u212a", "\u017f", "\u0130", "记者"),
)
SETTINGS = F.Settings()


def gate(text: str) -> bool:
    return bool(F._feed.not_title_gate(F.TITLE_RULES, text))


def test_the_ends_are_the_patterns() -> None:
    """The branches of RELATIVE_START that start with a digit end with these words."""
    pattern = F.RELATIVE_START.pattern
    assert r"\d+\s*(?:sec|min|hour|hr|day|week|month)s?\.?\s+ago\b" in pattern
    assert r"\d+\s+\w+\s+(?:fa|temu|geleden)\b" in pattern
    branches = pattern[len("^(?:") : -1].split("|(?:hace")
    assert len(branches) == 2  # (the first, then the rest: only these two start with \d)
    for group in (F.BYLINE_START, F.KIND_BYLINE, F.SOURCE_LINE, F.ATTRIBUTION):
        assert not group.match("2"), group.pattern
        assert not any(group.match(chr(c)) for c in range(0x30, 0x3A))


@pytest.mark.parametrize("end", ENDS)
def test_every_case_and_space_passes(end: str) -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    lines = []
    for at, char in enumerate(end):
        for code in range(0x3000):
            if re.fullmatch(re.escape(char), chr(code), re.IGNORECASE):
                word = end[:at] + chr(code) + end[at + 1 :]
                lines += [f"2 hours{s}{word}" for s in (" ", "\t")]
                lines += [f"3 giorni{s}{word}" for s in spaces]
    for line in lines:
        if F.NOT_TITLE_START.match(line):
            assert gate(line), ascii(line)


@given(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=2), min_size=1, max_size=8).map(
        lambda pieces: "2" + "".join(pieces)
    )
    | st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map(" ".join)
)
@settings(max_examples=4000, deadline=None)
@example("2 hours ago")
@example("10 mins. ago")
@example("3 giorni fa")
@example("2 dni temu")
@example("5 dagen geleden")
@example("2 reportage von Ann")
@example("2020 Fantasy football")
@example("2 fa")
def test_a_line_the_pattern_matches_passes(text: str) -> None:
    if F.NOT_TITLE_START.match(text):
        assert gate(text), ascii(text)
    assert F.is_title(text, SETTINGS) == F._is_title(text, SETTINGS)


def test_a_digit_alone_is_not_enough() -> None:
    for text in ("2020 Fantasy football rankings", "1 dead in crash", "16-Inch MacBook Pro"):
        assert not gate(text), text
    for text in ("2 hours ago", "3 giorni fa", "2 dni temu", "5 dagen geleden", "1 Review by Ann"):
        assert gate(text), text
        assert F.NOT_TITLE_START.match(text), text
