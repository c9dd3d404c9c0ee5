"""The compiled line counts (newsdump/_feed.c) against their Python references: the same texts,
free flags, digits and word counts as find_feed's own lines, the same `records.count_words`."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed, records
from newsdump.document import Block, Label, LabelledBlock
from newsdump.lang import WIDE
from newsdump.revise import NOT_STORIES

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled line counts were not built (no C compiler)"
)

PIECES = [
    "Council", "votes", "ferry", "5:56", "2019", "١٢", "٣", "²", "Ⅻ", "东京", "新闻", "ニュース",
    "서울", "ภาษาไทย", "豈", "—", "…", "«", "İ", "ſ", "K", "", "\u00a0", "\u2003", "\u3000",
    "\u200b", "\x1c", "\t", "\n", " ", "  ",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12).map("".join)


@given(texts)
@settings(max_examples=1500, deadline=None)
def test_word_counts_are_the_python_ones(text: str) -> None:
    assert feed.word_count(text) == feed._word_count(text)
    assert feed.has_digit(text) == feed._has_digit(text)
    assert feed.has_wide(text) == feed._has_wide(text)
    assert feed.shape(text) == feed._shape(text)
    assert records.count_words(text) == records._count_words(text)


def test_every_character_is_a_space_a_wide_character_a_digit_or_a_letter_as_in_python() -> None:
    """Between two letters, a character makes two words when the Python paths split there,
    and a digit when it is a decimal digit (re's \\d: test_feed_exact)."""
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        line = f"a{char}a"
        split = char.isspace()
        assert feed.word_count(line) == (2 if split or WIDE.match(char) else 1), hex(code)
        wide = bool(records.WIDE_CHARS.match(char))
        assert records.count_words(line) == (3 if wide else 2 if split else 1), hex(code)
        assert feed.has_digit(line) == char.isdecimal(), hex(code)
        assert feed.has_wide(line) == bool(WIDE.match(char)), hex(code)
        assert feed.shape(line) == feed._shape(line), hex(code)


REASONS = ["model", "caption", "dateline", "short_between_articles", "far_tail"]
blocks = st.lists(
    st.tuples(
        texts | st.sampled_from(["  Council votes \n", "\t٣ ferries", " ", "Read more"]),
        st.sampled_from(list(Label)),
        st.sampled_from(REASONS),
    ),
    max_size=12,
)


@given(blocks, st.sets(st.integers(0, 12)))
@settings(max_examples=500, deadline=None)
def test_lines_are_find_feeds_own_lines(page: list[tuple[str, Label, str]], used: set[int]) -> None:
    labelled = [
        LabelledBlock(Block(i, text, (i, i)), label, 0.5, reason)
        for i, (text, label, reason) in enumerate(page)
    ]
    texts, free, digits, words = feed._feed.lines(
        labelled, frozenset(used), NOT_STORIES, Label.ARTICLE
    )
    assert (texts, free) == feed.page_lines(labelled, frozenset(used))
    assert digits == [feed.DIGITS.search(text) is not None for text in texts]
    assert words == [feed._word_count(text) for text in texts]


LABEL_PIECES = ["Read", "more", "Related", "Czytaj", "także", "相关阅读：", "Top", "A", "In", "you"]
words_of = st.lists(st.sampled_from(PIECES + LABEL_PIECES) | st.text(max_size=3), max_size=14)


@given(words_of.map(" ".join) | texts, st.integers(0, 6), st.integers(0, 8))
@settings(max_examples=1500, deadline=None)
def test_edge_words_and_letters_are_the_python_ones(text: str, head: int, tail: int) -> None:
    labels = feed.LABEL_FIRST_WORDS
    assert feed.edge_words(text, labels, head, tail) == feed._edge_words(text, labels, head, tail)
    pairs = feed.LABEL_FIRST_PAIRS  # (the cheap test changes nothing)
    assert feed.edge_words(text, labels, head, tail, pairs) == feed._edge_words(
        text, labels, head, tail
    )
    words = frozenset(text.split()[:2]) | {"A", "Ab", "\u00e9t", "a\u00e9"}
    assert feed.edge_words(text, words, head, tail, feed.ascii_pairs(words)) == (
        feed._edge_words(text, words, head, tail)
    )
    assert feed.count_letters(text) == feed._letters(text)


def test_edge_words_looks_at_the_first_and_last_words_only() -> None:
    words = frozenset({"Read", "more"})
    assert feed._feed.edge_words("Read this now", words, 1, 0)
    assert not feed._feed.edge_words("x Read this now", words, 1, 0)
    assert feed._feed.edge_words("a b c d e more", words, 0, 1)
    assert not feed._feed.edge_words("a b c d more e", words, 0, 1)
    assert feed._feed.edge_words(" a\u3000more \n", words, 3, 0)
    assert not feed._feed.edge_words("", words, 3, 5)
    with pytest.raises(ValueError):
        feed._feed.edge_words("a", words, 1, 65)
    with pytest.raises(ValueError):
        feed._feed.edge_words("a", words, 1, 1, b"short")
    pairs = feed.ascii_pairs(words)
    assert feed._feed.edge_words("Read this now", words, 1, 0, pairs)
    assert not feed._feed.edge_words("Reed this now", words, 1, 0, pairs)
    assert not feed._feed.edge_words("", words, 3, 5, pairs)
    assert feed._feed.edge_words("x y \ud800", frozenset({"\ud800"}), 0, 1, pairs)


def test_every_character_is_a_letter_as_in_python() -> None:
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        assert feed._feed.letters(chr(code)) == chr(code).isalpha(), hex(code)
    assert feed._feed.letters("\ud800a\udfff") == 1  # lone surrogates: no letters


@given(words_of.map(" ".join) | texts)
@settings(max_examples=1500, deadline=None)
def test_word_text_and_lower_word_are_the_python_ones(text: str) -> None:
    assert feed.word_text(text) == feed._word_text(text)
    assert feed.word_text(text.lower()) == feed._word_text(text.lower())
    assert feed.lower_word(text) == feed._lower_word(text)


def test_every_character_is_a_word_character_and_lower_case_as_in_python() -> None:
    for code in range(0x110000):
        char = chr(code)
        line = f"-{char}a {char}"
        assert feed._feed.word_text(line) == feed._word_text(line), hex(code)
        assert feed._feed.lower_word(line) == feed._lower_word(line), hex(code)


TITLE_PIECES = [" / ", " | ", "/", "|", " ", ":", ",", ";", ".", "!", "?", "…", "]", "(", "[", "{"]
title_texts = st.lists(
    st.sampled_from(PIECES + LABEL_PIECES + TITLE_PIECES) | st.text(max_size=3), max_size=14
).map("".join)


@given(title_texts | texts)
@settings(max_examples=2000, deadline=None)
def test_title_facts_are_the_python_ones(text: str) -> None:
    assert feed.title_facts(text) == feed._title_facts(text)
    assert feed.title_facts(text + "\n") == feed._title_facts(text + "\n")


def test_title_facts_of_every_character_are_the_python_ones() -> None:
    for code in range(0x110000):
        char = chr(code)
        for line in (char, f"A{char}", f"{char}a b", f"a {char} / b / c"):
            assert feed._feed.title_facts(line) == feed._title_facts(line), hex(code)


def test_title_facts_count_slashes_as_str_count() -> None:
    for line in ("a / / b", "a / b / c", "a / | b", " / / / ", "a /  / b", "a | b"):
        assert feed._feed.title_facts(line) == feed._title_facts(line), line


CALL_PIECES = [
    "read more", "Read More", "subscribe", "e-mail", "email", "log in", "login", "sign up",
    "signing in", "follow us", "follow ann on", "the latest from", "in your inbox", "comments",
    "comment", "commentary", "suscríbete", "udostępnij", "使用条款", "隐私", "版权", "©", "_",
    "-", "'", "photos by", "images courtesy", "more from", "recent posts", "go to", "html",
    "\ud800", "\udfff", "İ", "ſ", "K", "ß", "\u00a0", "\n", " ", "x", "2",
]  # fmt: skip
call_texts = st.lists(st.sampled_from(CALL_PIECES) | st.text(max_size=3), max_size=10).map("".join)


@given(call_texts | texts | title_texts)
@settings(max_examples=3000, deadline=None)
def test_call_to_action_words_are_the_patterns_verdict(text: str) -> None:
    for low in (text, text.lower()):
        assert feed.call_to_action_words(low) == feed._call_to_action_words(low), repr(low)


def test_call_to_action_prefixes_start_every_match() -> None:
    """Each branch's match starts with one of its literal prefixes (the fast path looks nowhere
    else); every branch has a prefix of at least two characters."""
    for word in feed.CALL_TO_ACTION_WORDS:
        found = feed.literal_prefixes(word, feed.CALL_TO_ACTION_PREFIX_CHARS)
        assert found and min(map(len, found)) >= 2, word
    assert feed.literal_prefixes("e-?mail", 3) == {"e-m", "ema"}
    assert feed.literal_prefixes(r"sign(?:ing)? (?:up|in)\b", 6) == {"sign u", "sign i", "signin"}
    assert feed.literal_prefixes(r"follow (?:us|\w+ on)\b", 9) == {"follow us", "follow "}
    assert feed.literal_prefixes("suscr[ií]b", 7) == {"suscrib", "suscríb"}
    assert feed.literal_prefixes(r"log ?in\b", 9) == {"log in", "login"}
    assert feed.literal_prefixes("a+b", 3) == {""}  # (a repeat: not spelled out)
    assert feed.literal_prefixes("(?:a|b)c", 2) == {"ac", "bc"}


BRANCH_TEXT = st.text(alphabet="abc -_é\n", max_size=12)


@given(
    st.lists(
        st.lists(
            st.sampled_from(["a", "b", "c", " ", "a?", "(?:a|bc)", "(?:ab)?", "[bc]", r"\b", "-"]),
            min_size=1,
            max_size=5,
        ).map("".join),
        min_size=1,
        max_size=4,
    ),
    BRANCH_TEXT,
)
@settings(max_examples=1000, deadline=None)
def test_word_start_match_is_the_patterns_verdict(branches: list[str], text: str) -> None:
    """On random branches: the pattern at a word's start (the line's start or after a non-word
    character), tried only where a prefix stands, finds what the plain search finds."""
    start = re.compile("(?:" + "|".join(branches) + ")")
    after = re.compile(r"\W(?:" + "|".join(branches) + ")")
    prefixes = feed.prefixes_by_first(branches, 3)
    if "" in prefixes:
        return  # (a branch that matches nothing spelled out: the fast path is not used)
    firsts = bytes(chr(c) in prefixes for c in range(128))
    fast = feed._feed.word_start_match(firsts, prefixes, start.match, text)
    assert fast == bool(start.match(text) or after.search(text))


def test_word_start_match_is_safe_on_odd_arguments() -> None:
    match = feed.CALL_TO_ACTION_START.match
    firsts = bytes(128)
    assert not feed._feed.word_start_match(firsts, {}, match, "")
    assert not feed._feed.word_start_match(firsts, {"\ud800": ("\ud800x",)}, match, "\ud800")
    with pytest.raises(ValueError):
        feed._feed.word_start_match(b"", {}, match, "a")
    with pytest.raises(TypeError):
        feed._feed.word_start_match(bytes([1] * 128), {"a": "ab"}, match, "ab")
    with pytest.raises(TypeError):
        feed._feed.word_start_match(bytes([1] * 128), {"a": (1,)}, match, "ab")
    with pytest.raises(ZeroDivisionError):
        feed._feed.word_start_match(bytes([1] * 128), {"a": ("a",)}, lambda t, p: 1 / 0, "a")


MENU_PIECES = [" & ", "&", " &", "& ", ",", "·", "/", "|", "-", "_", "Food", "drink", "ſ", "ǅ"]


@given(
    st.lists(st.sampled_from(MENU_PIECES + PIECES) | st.text(max_size=3), max_size=12).map("".join)
)
@settings(max_examples=2000, deadline=None)
def test_menu_facts_are_the_python_ones(text: str) -> None:
    assert feed.menu_facts(text) == feed._menu_facts(text)


def test_menu_facts_of_every_character_are_the_python_ones() -> None:
    for code in range(0x110000):
        char = chr(code)
        for line in (char, f"A {char}b", f"{char} & B"):
            assert feed._feed.menu_facts(line) == feed._menu_facts(line), hex(code)
