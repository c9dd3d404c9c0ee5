"""_feed.c's glue tries RELATIVE_START.match only on texts that start with a decimal digit or
one of "hHvViIİı": the pattern matches nothing else (checked over every code point)."""

import sys

from newsdump.feed import RELATIVE_START

GATE = set("hHvViI\u0130\u0131")
TAILS = ("ace 1 x", "or 1 x", "l y a 1 x", "á 1 x", "a 1 x", " min ago", "1 x fa", " x temu")
TAILS += tuple(t.upper() for t in TAILS)


def test_relative_start_first_chars() -> None:
    starts = {
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if not 0xD800 <= ord(c) < 0xE000 and any(RELATIVE_START.match(c + t) for t in TAILS)
    }
    assert {c for c in starts if not c.isdecimal()} == GATE
    assert RELATIVE_START.match("2 hours ago on iOS Blog")
    assert RELATIVE_START.match("İl y a 3 jours")
    assert not RELATIVE_START.match(" 2 hours ago")


def test_relative_start_misses_elsewhere() -> None:
    # what can follow the first character: a sample of other first characters never matches
    for c in "aAbxyz-—•( \t\n\x00\ud800é字":
        assert not any(RELATIVE_START.match(c + t) for t in TAILS)
