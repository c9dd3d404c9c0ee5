"""feed.CALL_TO_ACTION_LITERALS: strings CALL_TO_ACTION_START matches wherever they stand (a
"\\b" after those that say so), which the compiled title verdict takes for a match without
calling the pattern; the verdict with them, without them (None) and feed._is_title agree."""

from __future__ import annotations

import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdump import feed as F

pytestmark = pytest.mark.skipif(F._feed is None, reason="the compiled extension is not built")

LITERALS_AT = F.TITLE_RULES.index(F.CALL_TO_ACTION_LITERALS)
NO_LITERALS = (*F.TITLE_RULES[:LITERALS_AT], None, *F.TITLE_RULES[LITERALS_AT + 1 :])
TAILS = ["", " ", ".", ",", "-", "x", "é", "_", "1", "\u212a", "新", "\n", "s", "\xa0"]


def test_each_literal_is_matched() -> None:
    assert len(F.TITLE_RULES) - 1 == LITERALS_AT
    assert list(F.CALL_TO_ACTION_LITERALS) == sorted(F.CALL_TO_ACTION_LITERALS)
    assert len(F.CALL_TO_ACTION_LITERALS) > 50
    for literal, bound in F.CALL_TO_ACTION_LITERALS:
        assert literal and (not bound or literal[-1].isalnum() or literal[-1] == "_")
        for tail in TAILS:
            word = len(tail) > 0 and (tail[0].isalnum() or tail[0] == "_")
            if not (bound and word):
                for head in ("", "a ", "é "):  # (where it stands in a longer line)
                    text = head + literal + tail
                    assert F.CALL_TO_ACTION_START.match(text, len(head)), (text, bound)


def test_the_literals_of_a_few_branches() -> None:
    literals = F.literal_words(
        [r"sign(?:ing)? (?:up|in)\b", r"e-?mail", r"follow (?:us|\w+ on)\b", r"suscr[ií]b", "x+"]
    )
    assert literals == (
        ("e-mail", False),
        ("email", False),
        ("follow us", True),
        ("sign in", True),
        ("sign up", True),
        ("signing in", True),
        ("signing up", True),
    )
    assert F.literal_words([r"go to\b", "go to"]) == (("go to", False),)
    assert F.literal_words([r"a (?:b\b", r"(?:a|b)+", "a-\\b"]) == ()


@pytest.mark.parametrize("literal", ["subscribe", "sign in", "login", "comments", "teilen"])
def test_every_character_after_a_literal(literal: str) -> None:
    """A literal with a character after it (a "\\b" or not; each of the first 0x3000, then
    every 7th): the verdict as the pattern's."""
    for code in [*range(0x3000), *range(0x3000, sys.maxunicode + 1, 7)]:
        text = f"Council {literal}{chr(code)} votes"
        got = F._feed.title_verdict(F.TITLE_RULES, text, 1, 30)
        assert got == F._feed.title_verdict(NO_LITERALS, text, 1, 30), hex(code)


CTA_PIECES = [literal for literal, _ in F.CALL_TO_ACTION_LITERALS[::3]] + [
    "Subscribe", "SIGN IN", "Log In", "comment", "Council", "votes", " ", "-", "_", "é", "İ",
]  # fmt: skip


@given(st.lists(st.sampled_from(CTA_PIECES) | st.text(max_size=3), max_size=8).map("".join))
@settings(max_examples=4000, deadline=None)
@example("Read more about the council")
@example("Council votes, sign in")
@example("Council votes, sign into it")
@example("The comments_ of the council")
@example("Council votes log in")
def test_the_verdict_is_the_one_without_literals(text: str) -> None:
    got = F._feed.title_verdict(F.TITLE_RULES, text, 1, 30)
    assert got == F._feed.title_verdict(NO_LITERALS, text, 1, 30)
    if text:
        assert got == F._is_title(text, F.Settings(feed_title_min_words=1))


def test_literals_of_another_kind_are_refused() -> None:
    for bad in ([("subscribe", False)], (("subscribe", 1),), (("subscribe",),), ((1, True),)):
        rules = (*F.TITLE_RULES[:LITERALS_AT], bad)
        with pytest.raises(TypeError):
            F._feed.title_verdict(rules, "Please subscribe to the council", 1, 30)
    # (out of order: some not found, the pattern called there, the same verdict)
    shuffled = (*F.TITLE_RULES[:LITERALS_AT], F.CALL_TO_ACTION_LITERALS[::-1])
    for text in ("Please subscribe to it", "Council votes to sign in", "Council votes today"):
        assert F._feed.title_verdict(shuffled, text, 1, 30) == F.is_title(text, F.Settings())
