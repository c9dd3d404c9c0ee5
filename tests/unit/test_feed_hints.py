"""The patterns title_verdict tests on characters in newsdump/_feed.c (`_feed.hints`) against
feed's patterns, and the compiled headline pass (`_feed.headlines`) against `feed._headlines`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled line counts were not built (no C compiler)"
)

CONTACT, LINK, BREAK, GLYPH, GLYPHS = 1, 2, 4, 8, 16  # _feed.hints's flags


def python_hints(text: str) -> int:
    return (
        (CONTACT if feed.CONTACT_HINT.search(text) else 0)
        | (LINK if feed.LINK_SHAPE_HINT.search(text) else 0)
        | (BREAK if feed.SENTENCE_BREAK_HINT.search(text) else 0)
        | (GLYPH if feed.NAV_GLYPH.search(text) else 0)
        | (GLYPHS if feed.NAV_GLYPHS.search(text) else 0)
    )


HINT_PIECES = [
    "1", "٣", "²", " ", "(", ")", ".", "/", "-", "电话", "电", "话", ".com", ".co", ".info",
    ".uk", ".edu", "m", "_", "é", "://", "www.", "ww", "!", "?", "A", "Z", "À", "Þ", "ß", "×",
    "a", "\u00a0", "\u2003", "\n", "\t", "›", "‹", "»", "«", "→", "←", "▸", "▾", "…", "...",
    "[", "]", "[...]", "[ … ]", "x",
]  # fmt: skip
hint_texts = st.lists(st.sampled_from(HINT_PIECES) | st.text(max_size=3), max_size=12).map("".join)


@given(hint_texts)
@settings(max_examples=5000, deadline=None)
def test_hints_are_the_patterns_verdicts(text: str) -> None:
    assert feed._feed.hints(text) == python_hints(text)


def test_hints_of_every_character_are_the_patterns_verdicts() -> None:
    for code in range(0x110000):
        char = chr(code)
        for text in (
            f"1{char}345678",
            f"12 345{char}7",
            f"a.co{char}",
            f"Ends.{char}Next",
            f"Ends. {char}",
            f"x{char}",
            f"[.{char}.]",
            f"[{char}...]",
            f"[...{char}]",
            f"...{char}",
        ):
            assert feed._feed.hints(text) == python_hints(text), (hex(code), text)


def test_hints_at_the_edges() -> None:
    for text in (
        "", "1234567", "123456", "电话", "(555) 12", "a.com", "a.comx", "a.co.uk", "x://", "www.",
        "Hi.  A", "Hi.A", "Hi. a", "Hi!\tÀ", "...", "..", "…\n", "...\n\n", "[...]", "[ ... ]\n",
        "[....]", "[ …]", "a [...] b", "[\n…\n]", "]", "…]", "[…", "a»b",
    ):  # fmt: skip
        assert feed._feed.hints(text) == python_hints(text), text
    with pytest.raises(TypeError):
        feed._feed.hints(b"x")  # type: ignore[arg-type]


LINE_PIECES = [
    "Council", "votes", "to", "rebuild", "the", "old", "bridge", "Read", "more", "Related",
    "stories:", "Zobacz", "także", "5:56", "PM", "27.11.2026", "2019", "2 hours ago", "12",
    "comments", "•", "-", "By", "Ann", "Lee", "Food", "&", "Drink", "News", "Sport", "首页",
    "新闻", "财经", "서울", "공원에", "und", "der", "Subscribe", "newsletter", "example.com",
    "Rated", "3", "of", "5", "stars", ",", ".", ":", "|", "/", "?", "İ", "ſ", "K", "٣",
    "Ünïcode", "_x", "o'neil", "jean-luc",
]  # fmt: skip
line = st.lists(st.sampled_from(LINE_PIECES) | st.text(max_size=3), max_size=9).map(" ".join)
STOP = frozenset({"to", "the", "of", "und", "der", "and"})
OWN_EXTRA = ["news", "x", "ünïcode", "o", "neil", "jean", "luc", "_x"]  # (own: lower-case words)


def reference(
    texts: list[str], free: list[bool], own: list[str], lo: int, hi: int, case: bool
) -> tuple[feed.Heads, list[bool]]:
    digits = [feed._has_digit(t) for t in texts]
    words = [feed._word_count(t) for t in texts]
    config = feed.Settings(feed_title_min_words=lo, feed_title_max_words=hi)
    keys = tuple(feed.story_keywords(own))
    return feed._headlines(texts, free, digits, words, config, STOP, case, own, keys)


@given(
    st.lists(st.tuples(line, st.booleans()), max_size=14),
    st.lists(st.sampled_from([p.lower() for p in LINE_PIECES[:8]] + OWN_EXTRA), max_size=9),
    st.integers(0, 4),
    st.integers(0, 12),
    st.booleans(),
)
@settings(max_examples=1500, deadline=None)
def test_headlines_are_the_python_ones(
    page: list[tuple[str, bool]], own: list[str], lo: int, hi: int, case: bool
) -> None:
    texts = [t for t, _ in page] + [t for t, _ in page[:3]]  # (repeated lines too)
    free = [f for _, f in page] + [True] * min(3, len(page))
    config = feed.Settings(feed_title_min_words=lo, feed_title_max_words=hi)
    digits = [feed._has_digit(t) for t in texts]
    words = [feed._word_count(t) for t in texts]
    try:
        expected = reference(texts, free, own, lo, hi, case)
    except IndexError:  # an empty line taken for a headline with no words needed
        with pytest.raises(IndexError):
            feed.headlines(texts, free, digits, words, config, STOP, case, own)
        return
    got = feed.headlines(texts, free, digits, words, config, STOP, case, own)
    assert got == expected
    assert list(got[0]) == list(expected[0])  # (in the same order)


def test_headlines_of_a_page() -> None:
    texts = [
        "Council votes to rebuild the old bridge",  # a headline
        "Rated 3 of 5 stars by readers",  # a template: its shape thrice
        "Rated 4 of 5 stars by readers",
        "Rated 5 of 5 stars by readers",
        "Weather Traffic Sport Culture",  # a menu line (sentence case)
        "Read more Ferry service returns to the island",  # a label glued in front
        "27.11.2026 Stadtwerke erhöhen die Preise deutlich",  # a date in front
        "New mayor sworn in at City Hall",  # the page's own headline again
        "Council votes to rebuild the old bridge",  # the same line: the same verdict
        "Sign up for our newsletter today",  # a call to action
    ]
    free = [True] * len(texts)
    digits = [feed.has_digit(t) for t in texts]
    words = [feed.word_count(t) for t in texts]
    own = ["new", "mayor", "sworn", "in", "at", "city", "hall"]
    got = feed.headlines(texts, free, digits, words, feed.Settings(), STOP, True, own)
    assert got == reference(texts, free, own, 3, 30, True)
    heads, titles = got
    assert titles == [True, False, False, False, False, True, True, False, True, False]
    assert heads["Read more Ferry service returns to the island"] == (
        None,
        "Ferry service returns to the island",
    )
    assert heads["27.11.2026 Stadtwerke erhöhen die Preise deutlich"] == (
        "27.11.2026",
        "Stadtwerke erhöhen die Preise deutlich",
    )
    assert "Weather Traffic Sport Culture" not in heads


def test_own_headline_of_many_words_is_compared_in_python() -> None:
    """A line or a headline of more than 64 words: same_story itself decides."""
    many = [f"w{chr(97 + k // 26)}{chr(97 + k % 26)}" for k in range(70)]  # "waa", "wab"...
    texts = [" ".join(w).capitalize() for w in (many, many[:5], many[3:9])]
    free = [True] * 3
    digits = [False] * 3
    words = [feed.word_count(t) for t in texts]
    config = feed.Settings(feed_title_max_words=100)
    for own in (many, many[:5], many[:5] + many[:5], []):
        got = feed.headlines(texts, free, digits, words, config, STOP, False, own)
        assert got == reference(texts, free, own, 3, 100, False), own
    assert feed.headlines(texts, free, digits, words, config, STOP, False, many[:5])[1] == [
        False,  # the own headline's words, and many more ("Headline - Site")
        False,  # the own headline
        True,  # two of its words
    ]


def test_headlines_are_safe_on_odd_arguments() -> None:
    rules = feed.HEADLINE_RULES
    args = (["Council votes to rebuild it"], [True], [False], [5], 3, 30, STOP, False, [], ())
    assert feed._feed.headlines(rules, *args) == (
        {"Council votes to rebuild it": (None, "Council votes to rebuild it")},
        [True],
    )
    with pytest.raises(TypeError):
        feed._feed.headlines(rules[:-1], *args)
    with pytest.raises(TypeError):
        feed._feed.headlines(rules, *args[:-1])
    with pytest.raises(TypeError):
        feed._feed.headlines(rules, [b"Council votes"], *args[1:])
    with pytest.raises(ValueError):
        feed._feed.headlines(rules, args[0], [True, True], *args[2:])
    with pytest.raises(TypeError):
        feed._feed.headlines(rules, args[0], args[1], args[2], ["5"], *args[4:])
    timed = (["5:56 PM Council votes again"], [True], [True], [5], *args[4:])
    assert feed._feed.headlines(rules, *timed)[0] == {
        timed[0][0]: ("5:56 PM", "Council votes again")
    }
    dated = (["Council votes again on 27 May 2026"], [True], [True], [6], *args[4:])
    broken = list(rules)
    broken[rules.index(feed.split_date)] = lambda text, found=None: 1 / 0
    with pytest.raises(ZeroDivisionError):
        feed._feed.headlines(tuple(broken), *dated)
    broken[rules.index(feed.split_date)] = lambda text, found=None: "no parts"
    with pytest.raises(ValueError):
        feed._feed.headlines(tuple(broken), *dated)
    assert feed._feed.headlines(rules, [], [], [], [], *args[4:]) == ({}, [])
    lone = "\ud800 Council votes to rebuild it"
    assert feed._feed.headlines(rules, [lone], *args[1:]) == ({lone: (None, lone)}, [True])


def test_clean_title_of_every_character_is_the_python_one() -> None:
    """The tests clean_title makes on a line's last characters ("comments", "ago") and its
    first ones (a bullet, a time), around many characters."""
    config = feed.Settings(feed_title_min_words=0)
    chars = [chr(code) for code in range(0x2200)] + ["\u212a", "\uff21", "\u3000", "电"]
    for char in chars:
        texts = [
            f"Council votes 12 time{char}",
            f"Council votes 2 hours ag{char}",
            f"{char} 5:56 Council votes again",
            f"{char}Council votes on 27 May 2026",
            f"Council votes, 3 comment{char}\n",
        ]
        free = [True] * len(texts)
        digits = [feed._has_digit(t) for t in texts]
        words = [feed._word_count(t) for t in texts]
        got = feed.headlines(texts, free, digits, words, config, STOP, True, [])
        assert got == reference(texts, free, [], 0, 30, True), hex(ord(char))


LABEL_PIECES = [
    "Read", "more", "More", "READ", "MORE", "Related", "stories", "Stories:", "Zobacz", "także",
    "Czytaj", "Zapisz", "się", "Most", "read", "Najczęściej", "czytane", "相关阅读：", "相关",
    "관련기사", "Council", "votes", "ferry", "Nowy", "park", "»", ":", "-", "—", "…", "|", ">",
    "İn", "In", "case", "you", "missed", "it", "ſee", "See", "also", "\u00a0", "\n", "\t", "  ",
]  # fmt: skip
label_lines = st.lists(st.sampled_from(LABEL_PIECES) | st.text(max_size=3), max_size=12).map(
    " ".join
)


@given(label_lines | st.lists(st.sampled_from(LABEL_PIECES), max_size=12).map("".join))
@settings(max_examples=3000, deadline=None)
def test_strip_label_is_the_python_one(text: str) -> None:
    assert feed._feed.strip_label(feed.HEADLINE_RULES, text) == feed.strip_label(text)


def test_strip_label_of_every_character_is_the_python_one() -> None:
    for code in range(0x110000):
        char = chr(code)
        for text in (
            f"Read more{char} Council votes to rebuild it",
            f"Council votes to rebuild it Most read{char}",
            f"Related{char} Council votes to rebuild it",
            f"Council votes{char}to rebuild it Most read",
        ):
            got = feed._feed.strip_label(feed.HEADLINE_RULES, text)
            assert got == feed.strip_label(text), (hex(code), text)


def test_strip_label_takes_labels_off() -> None:
    for text, rest in (
        ("Read more: Council votes to rebuild the bridge", "Council votes to rebuild the bridge"),
        ("Zapisz się Zobacz także Nowy park w centrum", "Nowy park w centrum"),
        ("Nowy park w centrum od kwietnia Najczęściej czytane", "Nowy park w centrum od kwietnia"),
        ("相关阅读： 市政府公布 明年 民生 实事", "市政府公布 明年 民生 实事"),
        ("Related Council votes", "Related Council votes"),  # (too little left)
        ("Read more about the council", "Read more about the council"),  # (lower case after)
    ):
        assert feed._feed.strip_label(feed.HEADLINE_RULES, text) == rest == feed.strip_label(text)
    with pytest.raises(TypeError):
        feed._feed.strip_label(feed.HEADLINE_RULES[:-1], "Read more")
    with pytest.raises(TypeError):
        feed._feed.strip_label(feed.HEADLINE_RULES, b"Read more")


CTA_PIECES = ["Subscribe", "sign up", "Read more", "cookie", "e-mail", "Council", "votes", " "]


@given(st.lists(st.sampled_from(CTA_PIECES) | st.text(max_size=3), max_size=8).map("".join))
@settings(max_examples=1000, deadline=None)
def test_title_verdict_calls_to_action_with_or_without_the_partial(text: str) -> None:
    """title_verdict looks for a call to action by the pairs of TITLE_RULES, or (None there)
    by calling call_to_action_words: the same verdict."""
    at = feed.TITLE_RULES.index(feed.CALL_TO_ACTION_PAIRS)
    by_call = (*feed.TITLE_RULES[:at], None, *feed.TITLE_RULES[at + 1 :])
    assert feed._feed.title_verdict(by_call, text, 1, 30) == feed._feed.title_verdict(
        feed.TITLE_RULES, text, 1, 30
    )
