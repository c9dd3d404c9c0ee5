"""The compiled is_title (newsdump/_feed.c's title_verdict) against its Python reference
(feed._is_title, the same tests in the same order), and the compiled has_any against its own:
on random lines built from what each test looks for (bylines, kinds of story, times, dates,
calls to action, glyphs, links, counts, sentence breaks, credits, phones, clocks), every
character at a line's start, after its first space and at its end, and odd arguments."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed
from newsdump.settings import Settings

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled verdicts were not built (no C compiler)"
)

SETTINGS = Settings()
LO, HI = SETTINGS.feed_title_min_words, SETTINGS.feed_title_max_words

PIECES = [
    "Council", "votes", "to", "rebuild", "the", "old", "bridge", "By", "by", "Von", "par",
    "Por", "door", "Author", "Autor", "Eine", "Reportage", "von", "A", "column", "Ann", "Lee",
    "Hace", "há", "vor", "Il", "y", "a", "il y a", "来源：", "记者", "— Ann", "― Ann", "5:56 PM",
    "14:32", "2 hours ago", "an hour ago", "AGO", "Ago", "12.30", "Dec. 6", "Nov 18, 2019",
    "2019-11-18", "First published February 1, 2016: 1:28 AM ET", "subscribe", "Sign in",
    "read more", "©", "订阅", "›", "»", "...", "…", "[…]", "[...]", "www.example.com",
    "example.org", "https://x.io", "3 comments", "12 diggs", "It rained.", "Then it stopped!",
    "Why?", "Mr. Lee", "(Photo: AP)", "Photo: Ann Lee", "Getty Images", "SHUTTERſTOCK",
    "图/王", "摄影：王", "tel. +48 123 456 789", "Tel: (555) 123-4567", "电话：010",
    "1234567890", "东京", "新闻", "서울", "İ", "ı", "ſ", "K", "Σ", "١٢", "٣", "²", "Ⅻ", "\u00a0",
    "\u3000", "\n", "\t", " ", "  ", "|", " | ", " / ", "/", ":", ",", ";", ".", "!", "?", "(",
    "[", "{", "IT'S NOT EASY", "ÉTÉ", "ǅ",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "", "  ", "\n", ", ", ": ", ". ", " - ", " / "]
lines = st.builds(
    lambda parts, end: "".join(p + s for p, s in parts) + end,
    st.lists(
        st.tuples(st.sampled_from(PIECES) | st.text(max_size=4), st.sampled_from(SEPARATORS)),
        max_size=12,
    ),
    st.sampled_from(["", "", "\n", " ", ".", "…", "]", "ago", " AGO\n"]),
)


def verdict(text: str, lo: int = LO, hi: int = HI) -> bool:
    return feed._feed.title_verdict(feed.TITLE_RULES, text, lo, hi)


@given(lines | st.text(max_size=40))
@settings(max_examples=4000, deadline=None)
def test_title_verdict_is_the_python_one(text: str) -> None:
    assert verdict(text) == feed._is_title(text, SETTINGS), repr(text)
    assert feed.is_title(text, SETTINGS) == feed._is_title(text, SETTINGS)
    title = feed.clean_title(text)[1]
    assert verdict(title) == feed._is_title(title, SETTINGS), repr(title)


@given(lines, st.integers(0, 20), st.integers(0, 40))
@settings(max_examples=1000, deadline=None)
def test_title_verdict_takes_any_bounds(text: str, lo: int, hi: int) -> None:
    plain = Settings(feed_title_min_words=lo, feed_title_max_words=hi)
    if text or not lo <= 0 <= hi:
        assert verdict(text, lo, hi) == feed._is_title(text, plain), repr(text)


def test_title_verdict_of_every_character_is_the_python_one() -> None:
    """Each character at a line's start, as its second one, after its first space (where a
    kind of story starts: "A column by ..."), and at its end."""
    for code in range(0x110000):
        char = chr(code)
        for line in (
            f"{char}y Ann Lee and friends",
            f"B{char} Ann Lee and friends",
            f"A {char}olumn by Ann Lee",
            f"A c{char}lumn by Ann Lee",
            f"Council votes to rebuild it{char}",
        ):
            assert verdict(line) == feed._is_title(line, SETTINGS), (hex(code), line)


def test_title_verdict_on_an_empty_line_raises_as_python_does() -> None:
    loose = Settings(feed_title_min_words=0)
    with pytest.raises(IndexError):
        feed._is_title("", loose)
    with pytest.raises(IndexError):
        verdict("", 0, HI)
    assert not verdict("")  # (too few words first)


def test_title_verdict_is_safe_on_odd_arguments() -> None:
    with pytest.raises(TypeError):
        feed._feed.title_verdict(feed.TITLE_RULES, b"Council votes", LO, HI)
    with pytest.raises(TypeError):
        feed._feed.title_verdict(feed.TITLE_RULES[:-1], "Council votes", LO, HI)
    with pytest.raises(TypeError):
        feed._feed.title_verdict(feed.TITLE_RULES, "Council votes", LO)
    broken = list(feed.TITLE_RULES)
    broken[4] = lambda text: 1 / 0  # is_time_line
    with pytest.raises(ZeroDivisionError):
        feed._feed.title_verdict(tuple(broken), "5:56 PM Council votes again", LO, HI)
    assert verdict("\ud800 Council votes to rebuild the old bridge") == feed._is_title(
        "\ud800 Council votes to rebuild the old bridge", SETTINGS
    )


PARTS = ("fol", "sígu", "关注我们", "", "a b")


@given(st.text(alphabet="folsíguab 关注我们x", max_size=12), st.lists(st.sampled_from(PARTS)))
@settings(max_examples=1000, deadline=None)
def test_has_any_is_the_python_one(text: str, parts: list[str]) -> None:
    assert feed._feed.has_any(text, tuple(parts)) == feed._has_any(text, tuple(parts))


def test_has_any_is_safe_on_odd_arguments() -> None:
    with pytest.raises(TypeError):
        feed._feed.has_any("a", ["a"])
    with pytest.raises(TypeError):
        feed._feed.has_any("a", (1,))
    assert not feed._feed.has_any("", ("a",))
    assert feed._feed.has_any("", ("",))


FOLLOW_SIGN_PIECES = [
    "follow us", "Follow Us", "FOLLOW", "suivez-nous", "Suivez nous", "síguenos", "SÍGUENOS",
    "seguici", "siga-nos", "obserwuj nas", "polub nas", "folgen sie uns", "关注我们", "關注我們",
    "newsletter", "e-mail", "email", "E-Mail", "courriel", "inscrivez", "İnscri", "abonnieren",
    "subscribe", "sign up", "signup", "anmelden", "zapisz się", "ZAPISZ SIĘ", "suscríbete",
    "订阅", "訂閱", "구독", " ", "x", "İ", "K", "ſ",
]  # fmt: skip


@given(st.lists(st.sampled_from(FOLLOW_SIGN_PIECES) | st.text(max_size=3), max_size=8).map("".join))
@settings(max_examples=2000, deadline=None)
def test_the_parts_stand_in_every_match(text: str) -> None:
    """Where FOLLOW_US or SIGN_UP finds something (in lower case), one of its parts stands."""
    low = text.lower()
    if feed.FOLLOW_US.search(low):
        assert feed.has_any(low, feed.FOLLOW_US_PARTS)
    if feed.SIGN_UP.search(low):
        assert feed.has_any(low, feed.SIGN_UP_PARTS)
    assert feed.has_any(low, feed.FOLLOW_US_PARTS) == bool(feed.FOLLOW_US_HINT.search(low))


def test_a_year_needs_what_split_date_looks_for_first() -> None:
    for text in ("1999", "2026", "1/2/26", "٣/1/26", "x20٣٣", "3/12/2026"):
        assert feed.YEARISH.search(text)
        assert "19" in text or "20" in text or "/" in text


SHAPE_PIECES = ["12", "٣", "²", "Ⅻ", "İ", "K", "ſ", "东京", "서울", " ", "\u3000", "\n", "a", "-"]


@given(st.lists(st.sampled_from(SHAPE_PIECES) | st.text(max_size=3), max_size=10).map("".join))
@settings(max_examples=2000, deadline=None)
def test_a_shape_has_its_lines_words(text: str) -> None:
    """find_feed counts the shapes of the lines with as many words as a free line's only."""
    assert feed.word_count(feed.shape(text)) == feed.word_count(text)
    assert feed._word_count(feed._shape(text)) == feed._word_count(text)


def test_the_shape_of_every_character_has_its_words() -> None:
    for code in range(0x110000):
        line = f"a {chr(code)}1 b"
        assert feed.word_count(feed.shape(line)) == feed.word_count(line), hex(code)


@given(st.text(alphabet="abcdeilmnorstuw -_é\u00a0İK\n", max_size=30) | st.text(max_size=12))
@settings(max_examples=2000, deadline=None)
def test_call_to_action_words_by_pairs_are_the_patterns_verdict(text: str) -> None:
    firsts = bytes(chr(c) in feed.CALL_TO_ACTION_PREFIXES for c in range(128))
    by_firsts = feed._feed.word_start_match(
        firsts, feed.CALL_TO_ACTION_PREFIXES, feed.CALL_TO_ACTION_START.match, text
    )
    assert feed.call_to_action_words(text) == by_firsts == feed._call_to_action_words(text)


def test_prefix_pairs_hold_every_prefix() -> None:
    prefixes = {"a": ("a",), "b": ("bc", "bé"), "é": ("éa",)}
    pairs = feed.prefix_pairs(prefixes)
    assert all(pairs[ord("a") * 128 + c] for c in range(128))
    assert pairs[ord("b") * 128 + ord("c")] and not pairs[ord("b") * 128 + ord("d")]
    match = lambda text, at: re.compile("a|bc|bé|éa").match(text, at)  # noqa: E731
    for text in ("a", "x bc", "bé", "éa", "bd", "b", "xa", "-éa"):
        assert feed._feed.word_start_match(pairs, prefixes, match, text) == bool(
            re.search(r"(?:^|\W)(?:a|bc|bé|éa)", text)
        ), text
    with pytest.raises(ValueError):
        feed._feed.word_start_match(bytes(129), prefixes, match, "a")


def test_leading_bullets_are_leading_bullets_class() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert bool(feed.LEADING_BULLET.match(char + " x")) == (char in feed.LEADING_BULLETS)
