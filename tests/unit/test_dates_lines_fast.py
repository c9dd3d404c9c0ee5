"""newsdump/_dates.c's date_lines and mostly_date (article.date_lines_of and mostly_date
compiled): the same answers as the Python references article._date_lines_of and _mostly_date,
on pages of dates, weekday stamps, spaces of every kind, long lines, any str kind, and bylines,
headlines and body starts anywhere (off the page too, and huge); on letters, digits and
numerals of every kind between dates of any span (negative, overlapping, huge)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.article import (
    BYLINE_WINDOW,
    DATE_WINDOW,
    MAX_META_CHARS,
    WEEKDAY_FIRSTS,
    WEEKDAY_TIME,
    _date_lines_of,
    _mostly_date,
    copyright_years,
    date_lines_of,
    mostly_date,
    printed_date,
)
from newsdump.dates import FoundDate, find_dates

_dates = pytest.importorskip("newsdump._dates")


def compiled(
    texts: list[str], byline: tuple[int, ...], title_at: int | None, first: int
) -> tuple[list[int], list[int]]:
    return _dates.date_lines(
        texts, byline, title_at, first, DATE_WINDOW, BYLINE_WINDOW, MAX_META_CHARS, WEEKDAY_FIRSTS
    )


def test_weekday_firsts_are_weekday_times() -> None:
    """WEEKDAY_FIRSTS holds every character WEEKDAY_TIME may match first past its spaces."""
    for code in range(0x110000):
        c = chr(code)
        if WEEKDAY_TIME.match(f"{c}onday 5:30") or WEEKDAY_TIME.match(f"{c}ue 5:30"):
            assert c in WEEKDAY_FIRSTS
        if WEEKDAY_TIME.match(f"{c}ed 5:30") or WEEKDAY_TIME.match(f"{c}hu 5:30"):
            assert c in WEEKDAY_FIRSTS
        if WEEKDAY_TIME.match(f"{c}ri 5:30") or WEEKDAY_TIME.match(f"{c}at 5:30"):
            assert c in WEEKDAY_FIRSTS
    assert WEEKDAY_TIME.pattern.startswith(rf"^\s*(?=(?-i:[{WEEKDAY_FIRSTS}]))")
    assert re.compile(r"\s").match("\u2003") and "\u2003".isspace()


@pytest.mark.parametrize(
    ("texts", "byline", "title_at", "first", "want"),
    [
        (["Headline", "Ann Lee", "Nov 19, 2019", "Body."], (1,), 0, 3, ([1, 2, 0, 3], [2])),
        (["Headline", "Monday 5:30PM", "x" * 301, "Body"], (), 0, 3, ([1, 3, 0], [1])),
        (
            ["  \u2003Tue. 10:42", "\tMon", "Mo.", "Sun 20:00"],
            (),
            None,
            4,
            ([3, 2, 1, 0], [3, 2, 0]),
        ),
        (["a/b", "2 0", "1\x009", "x20"], (), 3, 2, ([2, 1, 0], [0])),
        (["\ud800 19", "\U0001f600 . s", " ", ""], (5, -3), 2, 9, ([3, 2, 1, 0], [0])),
        ([], (), None, 0, ([], [])),
        (["20"], (2**70, -(2**70)), -(2**70), 1, ([0], [0])),
        (["x"] * 3, (1, 1, True), 1, -5, ([1, 2, 0], [])),
    ],
)
def test_examples(
    texts: list[str],
    byline: tuple[int, ...],
    title_at: int | None,
    first: int,
    want: tuple[list[int], list[int]],
) -> None:
    assert _date_lines_of(texts, byline, title_at, first) == want
    assert compiled(texts, byline, title_at, first) == want


LINES = [
    "Nov 19, 2019", "Monday 5:30PM", "  Tue. 10:42", "\u2003Wed 9.30", "Sat 19 Nov 2019 06:56",
    "Ann Lee", "By Ann Lee", "11/19/19", "The river rose.", "Fri", "fri:", "ſat 10:00", "",
    "  ", "Мир: 2020", "日本 2019年", "\U0001f600 Thu 3:00", "x" * 300, "x" * 301, "2 0 1 9",
]  # fmt: skip
TEXTS = st.one_of(
    st.sampled_from(LINES),
    st.lists(st.sampled_from(LINES), min_size=2, max_size=3).map(" ".join),
    st.text(alphabet=" \t\u2003\u00a0MmTtWwFfSsſx0129/:.ä日\U0001f600", max_size=12),
    st.text(max_size=8),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(TEXTS, max_size=80), st.data())
def test_compiled_is_reference(texts: list[str], data: st.DataObject) -> None:
    n = len(texts)
    near = st.integers(-12, n + 12)
    byline = tuple(data.draw(st.lists(near, max_size=4)))
    title_at = data.draw(st.one_of(st.none(), near))
    first = data.draw(st.one_of(near, st.integers(-(2**62), 2**62)))
    want = _date_lines_of(texts, byline, title_at, first)
    assert compiled(texts, byline, title_at, first) == want
    assert date_lines_of(texts, byline, title_at, first) == want
    lines, maybe = want
    for i in lines:  # no date but on `maybe`'s lines
        if i not in maybe:
            assert not find_dates(texts[i]) and WEEKDAY_TIME.match(texts[i]) is None


def test_hostile() -> None:
    texts = ["word"] * 50_000
    assert compiled(texts, (), None, 50_000)[1] == []
    assert len(compiled(texts, (49_999,), 0, 50_000)[0]) == 1 + 4 + 4 + BYLINE_WINDOW - 5
    with pytest.raises(TypeError):
        _dates.date_lines(["a", 3], (1,), None, 0, 4, 40, 300, "m")
    with pytest.raises(TypeError):
        _dates.date_lines(["a"], ("0",), None, 0, 4, 40, 300, "m")
    with pytest.raises(TypeError):
        _dates.date_lines(("a",), (), None, 0, 4, 40, 300, "m")
    with pytest.raises(ValueError):
        _dates.date_lines(["a"], (), None, 0, -1, 40, 300, "m")
    assert printed_date(["x", "Sun 20:00", "Nov 19, 2019 10:00", "body"], (), 0, 3) == (
        "2019-11-24T20:00:00",
        False,
    )


def test_python_path(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Headline", "Ann Lee", "Monday 5:30PM", "Nov 19, 2019 10:00", "Body."]
    want = printed_date(texts, (1,), 0, 4)
    monkeypatch.setattr("newsdump.article._dates", None)
    assert date_lines_of(texts, (1,), 0, 4) == ([1, 2, 0, 3, 4], [2, 3])
    assert printed_date(texts, (1,), 0, 4) == want == ("2019-11-25T17:30:00", False)


SPAN = st.one_of(st.integers(-8, 40), st.integers(-(2**70), 2**70))
LETTERISH = "aZé_ 1١²½ß日\u0345\u00aa-.\U0001d7ce\U00010400\ud800\x00"


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(st.text(alphabet=LETTERISH, max_size=30), st.text(max_size=30)),
    st.lists(st.tuples(SPAN, SPAN), max_size=4),
    st.integers(-2, 6),
)
def test_mostly_date_compiled_is_reference(
    text: str, spans: list[tuple[int, int]], words: int
) -> None:
    dates = [FoundDate("2019-11-19", start, end) for start, end in spans]
    assert _dates.mostly_date(text, dates, words) is _mostly_date(text, dates, words)
    found = find_dates(text)
    assert _dates.mostly_date(text, found, words) is _mostly_date(text, found, words)


@pytest.mark.parametrize(
    ("text", "words", "want"),
    [
        ("Published Nov 19, 2019 by Ann", 3, True),
        ("Published Nov 19, 2019 by Ann", 2, False),
        ("a b c Nov 19, 2019", 0, True),  # (one letter is no word)
        ("ab_cd 12x Nov 19, 2019", 1, False),
        ("²½ Nov 19, 2019", 0, False),  # (numeric, not decimal: letters to LETTERS)
        ("١٢ Nov 19, 2019", 0, True),
        ("", 0, True),
    ],
)
def test_mostly_date_examples(text: str, words: int, want: bool) -> None:
    dates = find_dates(text)
    assert _mostly_date(text, dates, words) is want
    assert _dates.mostly_date(text, dates, words) is want
    assert mostly_date(text, dates, words) is want


def test_copyright_years() -> None:
    texts = ["© 2005-2019 Example", "Copyright 2019", "(c) 1999", "© Example", "x" * 301 + "© 2019"]
    assert copyright_years(texts) == [2019, 2019, 1999]
