"""The gates in front of find_feed's calls into dates.py change nothing: where a gate says no,
the call finds nothing (split_date no date, is_time_line False, find_dates []), and the compiled
gates (_feed.date_gates) say what the Python ones (feed.may_split_date, may_time_line, MAYBE_DATE)
say, on random input built from the pieces dates are printed with."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdump import dates as D
from newsdump import feed as F

PIECES = (
    *("0", "1", "2", "3", "5", "9", "12", "19", "20", "2019", "2026", "31", "59", "٣", "１"),
    *(" ", "  ", "\t", "\n", "\u3000", "\xa0", ",", ".", ":", "/", "-", "–", "|", "(", ")"),
    *("年", "月", "日", "h", "H", "T", "am", "pm", "a.m.", "p. m", "AM", "P.M.", "m", "M"),
    *("ago", "AGO", "hours", "min", "an hour", "one day", "vor", "hace", "de", "at", "um"),
    *("Nov", "Nov.", "November", "Dec", "März", "août", "září", "мая", "ſept", "İ", "K"),
    *("Stadtwerke erhöhen die Preise", "Elections set for", "The", "ab", "_", "x"),
)
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.text(max_size=40),
    st.text(alphabet="0123456789 /.:-年月日amp", max_size=30),
)

DATE_END = re.compile(r"(?:\d|日|[ap]\.?\s?m\.?)\Z", re.IGNORECASE)


def test_month_letters_are_word_letters() -> None:
    """Every character IGNORECASE matches to a letter of a month's name is one of
    DATE_START's [^\\W\\d_] (a month's name runs to the "." or space after it)."""
    letters = sorted({c for name in D.MONTHS for c in name})
    month_char = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.IGNORECASE)
    word_letter = re.compile(r"[^\W\d_]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if month_char.fullmatch(char):
            assert word_letter.fullmatch(char), hex(code)


def test_date_patterns_start_and_end_as_the_gates_say() -> None:
    """The gates' reading of dates.DATE_SOURCES: each starts with a digit but the one with a
    month's name first, and ends with a year, a minute, "日" or "m" of am/pm, perhaps "."."""
    firsts = [first for first, _, _ in D.DATE_SOURCES]
    assert firsts.count(D._MONTH_FIRST) == 1
    assert all(first in (D._DIGIT, D._MONTH_FIRST) for first in firsts)
    assert len(D.DATE_PATTERNS) == len(D.DATE_SOURCES)


@pytest.mark.parametrize(
    "text",
    [
        "27.11.2026 Stadtwerke erhöhen die Preise",
        "Die Schuldenbremse ist kein Dogma 26. November 2026",
        "市政府公布明年民生实事项目 2026-11-15",
        "Nov. 18 2019 Something happened in the town",
        "Big fire destroys old warehouse in Springfield Nov 18, 2019 at 5:10 p. m.",
        "Big fire destroys old warehouse in Springfield 11/19/19 06:56 A.M.",
    ],
)
def test_dated_headlines_pass(text: str) -> None:
    assert F.split_date(text)[0] is not None
    assert F.may_split_date(text)
    if F._feed is not None:
        assert F._feed.date_gates(text) & 1


@settings(max_examples=3000, deadline=None)
@given(texts)
@example("5:56 PM")
@example("Dec. 6")
@example("2 hours ago")
@example("an hour ago")
@example("14h05")
@example("9.30")
@example("November 18, 2019")
@example("11/19/19 06:56 AM")
def test_gates_are_exact(text: str) -> None:
    assert F.may_date_end(text.rstrip()) == (DATE_END.search(text.rstrip()) is not None)
    found = D.find_dates(text)
    assert F.split_date(text) == F.split_date(text, found)  # (the cheap tests: the same)
    if not F.may_split_date(text):
        assert F.split_date(text) == (None, text)
    if not F.may_time_line(text):
        assert not D.is_time_line(text)
    anchor = D.MAYBE_DATE.search(text) is not None
    if not anchor:
        assert found == []
    if F._feed is not None:
        gates = F._feed.date_gates(text)
        assert gates == (F.may_split_date(text) | F.may_time_line(text) << 1 | anchor << 2), gates


NOT_TITLE_WORDS = (
    *("by", "von", "par", "por", "door", "author", "autor", "hace", "vor", "il y a", "há", "ha"),
    *("reportage", "kommentar", "analyse", "analysis", "interview", "essay", "kolumne"),
    *("column", "bericht", "report", "review", "rezension", "chronique", "tribune", "enquête"),
    *("reportaż", "felieton", "komentarz", "crónica", "columna", "análisis"),
)
NOT_TITLE_PIECES = (
    *NOT_TITLE_WORDS,
    *(w.upper() for w in NOT_TITLE_WORDS),
    *(w.capitalize() for w in NOT_TITLE_WORDS),
    *(" ", "  ", "\t", "\xa0", "Ann", "Lee", "Eine", "x_1", "2", "3 Tage", "Tage", "ago"),
    *("de", "d'", "von", "by", "\u212a", "\u017f", "\u0130", "\u0131", "记者", "—", ":", "-", "é"),
)


def variants(word: str) -> list[str]:
    """`word` with each character in turn every character IGNORECASE pairs it with."""
    out = []
    for at, char in enumerate(word):
        for code in range(sys.maxunicode + 1):
            if re.fullmatch(re.escape(char), chr(code), re.IGNORECASE):
                out.append(word[:at] + chr(code) + word[at + 1 :])
    return out


@pytest.mark.skipif(F._feed is None, reason="the compiled extension is not built")
def test_not_title_gate_takes_every_case() -> None:
    """Each word NOT_TITLE_START's branches start with, with any character in any case
    IGNORECASE pairs it with, passes the compiled gate where the pattern matches."""
    groups = re.findall(r"\(\?:([^()]*)\)", F.NOT_TITLE_START.pattern)
    words = {
        word
        for group in groups
        if group.startswith(("hace|", "by|", "reportage|"))
        for word in group.split("|")
    }
    assert words == set(NOT_TITLE_WORDS)  # (the words _feed.c's may_not_title knows)
    for word in NOT_TITLE_WORDS:
        for variant in variants(word):
            for line in (
                variant + " 2 Tage",
                variant + " von Ann Lee",
                "Eine " + variant + " von Ann",
            ):
                if F.NOT_TITLE_START.match(line):
                    assert F._feed.not_title_gate(F.TITLE_RULES, line), line


@pytest.mark.skipif(F._feed is None, reason="the compiled extension is not built")
@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(NOT_TITLE_PIECES), min_size=1, max_size=8).map("".join),
        st.text(min_size=1, max_size=20),
    )
)
@example("By Ann")
@example("ha 2 dias")
@example("Eine Reportage von Ann")
@example("— Ann")
@example("记者：")
def test_not_title_gate_is_exact(text: str) -> None:
    if F.NOT_TITLE_START.match(text):
        assert F._feed.not_title_gate(F.TITLE_RULES, text)


def test_literal_alternations() -> None:
    """CALL_TO_ACTION_MARK and CREDIT_WORD are their parts, each a plain string: searching
    for the pattern is looking for each part (what the compiled verdict does)."""
    for pattern, parts in (
        (F.CALL_TO_ACTION_MARK, F.CALL_TO_ACTION_MARKS),
        (F.CREDIT_WORD, F.CREDIT_WORDS),
    ):
        assert pattern.pattern == "|".join(map(re.escape, parts))
        assert pattern.flags == re.UNICODE
        assert parts in F.TITLE_RULES


@pytest.mark.skipif(F._feed is None, reason="the compiled extension is not built")
@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Photo", "(foto: Ann)", "source", "Image:", "©", "下载", "客户端", "é", "x", " ", ":"]
        )
        | st.text(max_size=3),
        max_size=8,
    ).map("".join)
)
def test_verdict_by_parts_or_by_patterns(text: str) -> None:
    """title_verdict with the parts in TITLE_RULES or with the patterns: the same verdict."""
    rules = list(F.TITLE_RULES)
    rules[rules.index(F.CALL_TO_ACTION_MARKS)] = F.CALL_TO_ACTION_MARK.search
    rules[rules.index(F.CREDIT_WORDS)] = F.CREDIT_WORD.search
    assert F._feed.title_verdict(tuple(rules), text, 1, 30) == F._feed.title_verdict(
        F.TITLE_RULES, text, 1, 30
    )
