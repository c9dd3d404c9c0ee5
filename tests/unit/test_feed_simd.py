"""_feed.c's 16-characters-at-a-time paths (scan's word counts and digits, title_facts,
menu_facts, the ASCII shape, the call-to-action words' starts) against the Python references,
on lines long enough to have such chunks: every character class at every offset around a
chunk's edges, in 1-, 2- and 4-byte strings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled line counts were not built (no C compiler)"
)

SPECIAL = [
    " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\xa0", "\x80", "\xff",
    "0", "9", "/", ":", "0", "|", ".", "!", "?", ",", ";", "(", "[", "A", "Z", "a", "z", "@",
    "`", "{", "_", "é", "É", "ß", "’", "…", "\u3000", "\u2028", "東", "가", "٣", "ǅ", "İ",
    "\ud800", "\U0001f600", "\U00020000", " | ", " / ", " & ", "&", "-", "·", "*", "\\",
]  # fmt: skip
WIDER = ["", "’", "\U0001f600"]  # (at the end: the string's kind, 1, 2 or 4 bytes a character)
BASES = ["Council votes on the new ferry plan", "abc def ghi jkl mno pqr stu vwx yz ", "x" * 40]


def same(text: str) -> None:
    assert feed.word_count(text) == feed._word_count(text), repr(text)
    assert feed.has_digit(text) == feed._has_digit(text), repr(text)
    assert feed.title_facts(text) == feed._title_facts(text), repr(text)
    assert feed.shape(text) == feed._shape(text), repr(text)
    assert feed.menu_facts(text) == feed._menu_facts(text), repr(text)


def test_each_character_at_each_offset() -> None:
    for base in BASES:
        for char in SPECIAL:
            for at in range(0, 36):
                for wider in WIDER:
                    same(base[:at] + char + base[at:] + wider)
                    same(char * (at + 1) + wider)


PIECES = [*SPECIAL, "Council", "votes", "ferry", "5:56", "2019", "Ⅻ", "²", "新闻", "  "]
lines = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map("".join)


@given(lines)
@settings(max_examples=3000, deadline=None)
def test_long_lines_are_counted_as_in_python(text: str) -> None:
    same(text)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
@settings(max_examples=2000, deadline=None)
def test_ascii_lines_are_counted_as_in_python(text: str) -> None:
    same(text)


CTA = ["subscribe", "sign up", "log in", "e-mail", "read more", "cookie", "©", "下载", "_sub"]


def call_to_action(low: str) -> None:
    assert feed.call_to_action_words(low) == feed._call_to_action_words(low), repr(low)


def test_calls_to_action_at_each_offset() -> None:
    for base in BASES:
        for words in CTA:
            for at in range(0, 36):
                for wider in WIDER:
                    for glue in ("", " ", "x", "_", "9", "é", "-"):
                        call_to_action(base[:at] + glue + words + base[at:] + wider)


@given(st.lists(st.sampled_from(PIECES + CTA + ["x", "_", "-"]), max_size=30).map("".join))
@settings(max_examples=3000, deadline=None)
def test_calls_to_action_in_long_lines(text: str) -> None:
    call_to_action(text)
    call_to_action(text.lower())


def test_lower_is_str_lower_for_every_character() -> None:
    """_feed.lower (what the compiled paths lower a line with) of every code point, alone,
    between ASCII letters, after a 2-byte one, and a capital sigma at a word's end or inside."""
    lower = feed._feed.lower
    for code in range(0x110000):
        char = chr(code)
        for text in (char, f"Ab{char}Cd", f"’{char}", f"’{char}’", f"ĀΣ{char}", f"{char}Σ x"):
            assert lower(text) == text.lower(), hex(code)


@given(lines)
@settings(max_examples=2000, deadline=None)
def test_lower_of_long_lines(text: str) -> None:
    assert feed._feed.lower(text) == text.lower()
    assert feed._feed.lower(text + "’") == (text + "’").lower()


DATE_PIECES = ["27.11.2026", "Nov 18, 2019", "18 NOV 2019", "2019", "1:07 AM", "/", "-", "|"]


@given(st.lists(st.sampled_from(DATE_PIECES + PIECES + ["news", "東京"]), max_size=8).map(" ".join))
@settings(max_examples=2000, deadline=None)
def test_a_line_of_few_words_has_no_headline_beside_its_date(text: str) -> None:
    """split_date's first test: what a date leaves of a line (a prefix or a suffix, stripped)
    has no more words than the line, so a line of fewer than DATED_TITLE_MIN_WORDS words
    is no dated headline, whichever date find_dates finds in it."""
    if feed.word_count(text) >= feed.DATED_TITLE_MIN_WORDS:
        return
    for date in feed.find_dates(text):
        for rest in (text[date.end :].lstrip(feed.DATE_SEPARATORS), text[: date.start]):
            assert feed.word_count(rest) < feed.DATED_TITLE_MIN_WORDS
            assert not feed.is_dated_title(rest.rstrip(feed.DATE_SEPARATORS + "("))
    assert feed.split_date(text) == (None, text)


def test_every_latin1_character_at_each_offset_of_short_and_tail_chunks() -> None:
    """scan's and title_facts' last chunk (an overlapping load, or a copy in a line shorter than
    16)."""
    for code in range(256):
        char = chr(code)
        for size in range(1, 35):
            for at in range(size):
                for base in ("x" * size, "a b " * size, "A. b: C|d/e!f?" * size):
                    text = base[:at] + char + base[at + 1 : size]
                    assert feed.word_count(text) == feed._word_count(text), repr(text)
                    assert feed.has_digit(text) == feed._has_digit(text), repr(text)
                    assert feed.title_facts(text) == feed._title_facts(text), repr(text)


def test_edge_words_and_strip_label_at_each_offset() -> None:
    """The words' edges around every character, in 1- and 2-byte strings."""
    chars = [chr(c) for c in range(256)] + ["\u2003", "\u3000", "\u2028", "’", "東", "\U0001f600"]
    bases = [
        "Read more Council votes on the new ferry plan for the island",
        "Council votes on the new ferry plan for the island Most popular",
        "Zobacz także Nowy park otwarty dla mieszkańców miasta już dziś",
    ]
    words, pairs = feed.LABEL_FIRST_WORDS, feed.LABEL_FIRST_PAIRS
    for base in bases:
        for char in chars:
            for at in range(0, 40):
                for wider in ("", "’"):
                    text = base[:at] + char + base[at:] + wider
                    assert feed._feed.edge_words(text, words, 3, 5, pairs) == feed._edge_words(
                        text, words, 3, 5
                    ), repr(text)
                    assert feed._feed.strip_label(feed.HEADLINE_RULES, text) == (
                        feed.strip_label(text)
                    ), repr(text)
