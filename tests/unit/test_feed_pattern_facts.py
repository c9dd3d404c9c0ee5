"""The patterns title_verdict and headlines test on characters in newsdump/_feed.c
(`_feed.pattern_facts`): CLOCK, SENTENCE_BREAK (its count) and TRAILING_COUNT (a necessary
condition), against feed's patterns."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed
from newsdump.settings import Settings

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled line counts were not built (no C compiler)"
)


def facts(text: str) -> tuple[bool, bool, int]:
    got = feed._feed.pattern_facts(text)
    return bool(got & 1), bool(got & 2), got >> 2


def check(text: str) -> None:
    clock, may_count, breaks = facts(text)
    assert clock == (feed.CLOCK.search(text) is not None), text
    assert breaks == len(feed.SENTENCE_BREAK.findall(text)), text
    if feed.TRAILING_COUNT.search(text):
        assert may_count, text


PIECES = [
    "1", "2", "0", "3", "5", "6", "9", "٣", "²", "١٢", ":", "::", " ", "  ", "\n", "\t", "\u00a0",
    "\u2003", "_", "a", "Z", "é", "ÿ", "÷", "×", "À", "Þ", "ß", "ſ", "K", "İ", "ı", ".", "!", "?",
    "...", "abc", "word", "Word", "news. Today", "ago! Now", "été. Él", "comments", "Comment",
    "REPLIES", "shares", "ſhares", "commentſ", "12:30", "1:05", "23:59", "7:61", "x",
    "3 comments", " 12 replies\n", "\n\n",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=14).map("".join)


@given(texts)
@settings(max_examples=6000, deadline=None)
def test_pattern_facts_are_the_patterns(text: str) -> None:
    check(text)


def test_pattern_facts_of_every_character() -> None:
    for code in range(0x110000):
        char = chr(code)
        for text in (
            f"{char}1:23",
            f"12:3{char}",
            f"{char}2:34 x",
            f"1{char}:45",
            f"12:{char}5",
            f"{char}",
            f"abc{char} Def",
            f"ab{char}. Def",
            f"abc.{char}Def",
            f"abc. {char}",
            f"1{char}comments",
            f"1 comment{char}",
            f"1 {char}hares",
        ):
            check(text)


def test_pattern_facts_at_the_edges() -> None:
    for text in (
        "", ":", "1:2", "1:23", "01:23", "001:23", "3:45", "a1:23", "_1:23", "1:234", "1:23a",
        "1:23_", "29:59", "12:60", "x 9:59 y", "١:٢٣", "1:٢٣", "abc. D", "ab. D", "abc.D",
        "abc. d", "abcd. Efg. Hij! Klm", "abc.  \n À", "abc. Def. Ghi", "one.Two. Three. Four",
        "12 comments", "12 comments\n", "12 comments\n\n", "comments", " comments", "x\ncomment",
        "5 Shares", "5 replies.", "\u00e9comments",
    ):  # fmt: skip
        check(text)
    with pytest.raises(TypeError):
        feed._feed.pattern_facts(b"x")  # type: ignore[arg-type]


def test_ascii_pairs_keep_each_length_apart() -> None:
    words = frozenset(
        {"R", "Re", "Rea", "Read", "Reads", "Readin", "Reading", "Readings", "x\u00e9"}
    )
    pairs = feed.ascii_pairs(words)
    assert pairs[ord("R") * 128] == 1
    assert pairs[ord("R") * 128 + ord("e")] == 0b11111110
    for size in range(1, 12):
        for word in ("R" + "e" * (size - 1), "Re" + "x" * (size - 2), "x\u00e9" + "y" * size):
            word = word[:size] if size < 2 else word
            text = f"a {word} b"
            got = feed._feed.edge_words(text, words, 3, 0, pairs)
            assert got == feed._edge_words(text, words, 3, 0), word
    assert feed._feed.edge_words("Readings Readingss", words, 0, 2, pairs)
    assert not feed._feed.edge_words("Readingss Reeding", words, 0, 2, pairs)
    many = frozenset({"Readingsmore"})
    assert feed._feed.edge_words("Readingsmore", many, 1, 0, feed.ascii_pairs(many))
    assert not feed._feed.edge_words("Readingsmost", many, 1, 0, feed.ascii_pairs(many))


PAIR_PIECES = ["a", "b", "c", "i", "q", " ", "a?", "(?:a|bc)", "(?:ab)?", "[bi]", r"\b", "é", "-"]


@given(
    st.lists(
        st.lists(st.sampled_from(PAIR_PIECES), min_size=1, max_size=5).map("".join),
        min_size=1,
        max_size=4,
    ),
    st.text(alphabet="abciq -_é\n\x00", max_size=12),
)
@settings(max_examples=3000, deadline=None)
def test_word_start_match_by_pairs_and_thirds_is_the_patterns_verdict(
    branches: list[str], text: str
) -> None:
    """prefix_pairs' third characters (a, i and q share their bit) change nothing."""
    start = re.compile("(?:" + "|".join(branches) + ")")
    after = re.compile(r"\W(?:" + "|".join(branches) + ")")
    prefixes = feed.prefixes_by_first(branches, 4)
    if "" in prefixes:
        return  # (a branch that matches nothing spelled out: the fast path is not used)
    pairs = feed.prefix_pairs(prefixes)
    fast = feed._feed.word_start_match(pairs, prefixes, start.match, text)
    assert fast == bool(start.match(text) or after.search(text))


def test_prefix_pairs_keep_third_characters() -> None:
    prefixes = {"a": ("abc", "abé"), "b": ("bcd", "bce"), "c": ("cd",), "d": ("d",)}
    pairs = feed.prefix_pairs(prefixes)
    assert pairs[ord("a") * 128 + ord("b")] == 0xFF  # (a third from U+0080)
    assert pairs[ord("b") * 128 + ord("c")] == 1 << (ord("d") & 7) | 1 << (ord("e") & 7)
    assert pairs[ord("c") * 128 + ord("d")] == 0xFF  # (no third)
    assert all(pairs[ord("d") * 128 + c] == 0xFF for c in range(128))
    assert pairs[ord("b") * 128 + ord("d")] == 0
    match = lambda text, at: re.compile("abc|abé|bcd|bce|cd|d").match(text, at)  # noqa: E731
    for text in ("bc", "bcd", "bce", "bcf", "bcl", "x bcd", "abx", "abé", "cd", "c", "d", "bc\x00"):
        assert feed._feed.word_start_match(pairs, prefixes, match, text) == bool(
            re.search(r"(?:^|\W)(?:abc|abé|bcd|bce|cd|d)", text)
        ), text


SETTINGS = Settings()
BITS_AT = len(feed.TITLE_RULES) - 3  # (NOT_TITLE_BITS: before prefix_table's, the literals')
SLOW_RULES = (*feed.TITLE_RULES[:BITS_AT], None, *feed.TITLE_RULES[BITS_AT + 1 :])  # (no
# NOT_TITLE_BITS: the containers looked up)


def test_not_title_bits_are_the_containers() -> None:
    assert feed.TITLE_RULES[BITS_AT] is feed.NOT_TITLE_BITS
    chars = [chr(c) for c in range(128)] + ["ſ", "K", "İ", "ı", "来", "—", "é"]
    for a in chars:
        for b in chars:
            for text in (a + b, a, f"x {a}{b}", f"x {a}", f"{a}{b} {b}{a}x", f"{a} "):
                got = feed._feed.not_title_gate(feed.TITLE_RULES, text)
                assert got == feed._feed.not_title_gate(SLOW_RULES, text), text
                if feed.NOT_TITLE_START.match(text):
                    assert got, text


@given(st.text(alphabet="rReEkKoOhHaAbByYvV \u212a\u0131来—1x", max_size=8) | st.text(max_size=6))
@settings(max_examples=3000, deadline=None)
def test_not_title_gate_by_bits_is_the_gate_by_containers(text: str) -> None:
    if not text:
        return
    got = feed._feed.not_title_gate(feed.TITLE_RULES, text)
    assert got == feed._feed.not_title_gate(SLOW_RULES, text)
    assert got or not feed.NOT_TITLE_START.match(text)
    assert feed.is_title(text, SETTINGS) == feed._is_title(text, SETTINGS)


def test_start_bits_are_each_pairs_tests() -> None:
    alone, pairs, kinds = feed.NOT_TITLE_ALONE, feed.NOT_TITLE_PAIRS, feed.KIND_PAIRS
    expected = bytes(
        (1 if chr(a) in alone else 0)
        | (2 if chr(b) in pairs.get(chr(a), ()) else 0)
        | (4 if chr(b) in kinds.get(chr(a), ()) else 0)
        for a in range(128)
        for b in range(128)
    )
    assert expected == feed.NOT_TITLE_BITS
    bits = feed.start_bits(
        frozenset("x\u00e9"), {"a": frozenset("b\u00e9")}, {"\u00e9": frozenset("c")}
    )
    assert bits[ord("x") * 128 + 5] == 1 and bits[ord("a") * 128 + ord("b")] == 2
    assert sum(bits) == 128 + 2
