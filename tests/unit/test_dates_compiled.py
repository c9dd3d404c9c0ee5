"""newsdump/_dates.c, dates._find_dates compiled: the same FoundDate list (spans, values, order)
as the Python reference dates.find_dates_py, on dates in many languages and formats, noise
around them, re's IGNORECASE extra cases, Unicode digits, every str kind and hostile texts."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import dates
from newsdump.dates import FoundDate, find_dates_py

_dates = pytest.importorskip("newsdump._dates")


def compiled(text: str) -> list[FoundDate]:
    return _dates.find_dates(text, FoundDate)


def test_month_names_are_dates_months() -> None:
    assert _dates.month_names() == dates.MONTHS


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("27 nov. 2026", [("2026-11-27", 0, 12)]),
        ("2026-11-27T14:05", [("2026-11-27T14:05:00", 0, 16)]),
        ("Nov. 27, 2026", [("2026-11-27", 0, 13)]),
        ("27.11.2026", [("2026-11-27", 0, 10)]),
        ("vor 3 Stunden", []),
        ("2026年11月27日", [("2026-11-27", 0, 11)]),
        ("2026年11月27日 14:05", [("2026-11-27T14:05:00", 0, 17)]),
        ("٢٧ نوفمبر 2026", []),
        ("27 November ٢٠٢٦", []),  # (a year's "19" or "20" is ASCII)
        ("27 November 20٢٦", [("2026-11-27", 0, 16)]),  # (its last two digits any \d)
        ("3:42 PM EST, Nov 27, 2026", [("2026-11-27T15:42:00", 0, 25)]),
        ("09:14 EST, Mon, 27 November 2026", [("2026-11-27T09:14:00", 0, 32)]),
        ("11/19/19 06:56 AM", [("2019-11-19T06:56:00", 0, 17)]),
        ("27/11/2026 à 14h05", [("2026-11-27T14:05:00", 0, 18)]),
        ("27. 11. 2026", [("2026-11-27", 0, 12)]),
        ("13 de septiembre de 2023 a las 8:30", [("2023-09-13T08:30:00", 0, 35)]),
        ("Auguſt 3, 2019", []),  # (re takes ſ for s; _iso finds no such month)
        ("\u212aWIETNIA 3, 2019", [("2019-04-03", 0, 16)]),  # (the Kelvin sign's lower case: k)
        ("3 \u212awietnia 2019", [("2019-04-03", 0, 15)]),
        ("  Posted\x00 2019-02-29 and 2020-02-29 12:00:61", [("2020-02-29T12:00:00", 25, 41)]),
        ("\ud800 27 nov 2026 \U0001f600", [("2026-11-27", 2, 13)]),
    ],
)
def test_examples(text: str, found: list[tuple[str, int, int]]) -> None:
    expected = [FoundDate(*f) for f in found]
    assert find_dates_py(text) == expected
    assert compiled(text) == expected


WORDS = [
    "2026", "1999", "2019", "1990", "1989", "2100", "2101", "20", "19", "11", "27", "3", "09",
    "12", "31", "0", "13", "1", "14:05", "8:32", "23:59:01", "10h15", "10H15", "9.30", "25:61",
    "Nov", "nov.", "NOVEMBER", "March", "mars", "März", "MÄRZ", "Sept.", "sept", "septembre",
    "May", "mai", "listopada", "января", "ЯНВАРЯ", "Ene", "Dez", "dezembro", "dic", "décembre",
    "DÉCEMBRE", "říjen", "ŘÍJNA", "październik", "PAŹDZIERNIKA", "ianuarie", "IANUARIE", "Ianuarie",
    "ıanuarie", "İanuarie", "ſept", "auguſt", "\u212awietnia", "KWIETNIA", "Ú\u0301nor", "únor",
    "ᲀересня", "вересня", "сентября", "ᲃентября", "листопада", "ЛИСТОПАДА", "aout", "août",
    "de", "DE", "at", "AT", "um", "à", "À", "às", "a las", "A LAS", "om", "o", "alle", "kl.",
    "kl", "в", "В", "г.,", "г.", "godz.", "godz", "-", "–", "—", "|", ",", "Wednesday,", "Mon",
    "tue.", "Sun,", "ſat", "frı", "PM", "pm", "p.m.", "a. m.", "A.M", "am", "EST", "CEST", "ABCDE",
    "Uhr", "Ann", "İ", "ß", "年", "月", "日", "2026年11月27日", "٢٠٢٦", "١١", "٢٧", "２０２６",
    "𝟐𝟎𝟐𝟔", "𝟏𝟏", "st", "ND", "rd", "th", "er", "T", "T08:32", "\x00", "\ud800", "\U0001f600",
    "_", "x", "/", ".", ":", "11/19/19", "2019/11/19", "27-11-2026", "27. 11. 2026",
    *["2026", "2019", "27", "11", "09", "Nov", "March", "14:05"] * 4,
]  # fmt: skip
SEPARATORS = [
    " ", " ", " ", " ", ", ", ", ", "-", "/", ".", ":", "T", "", "", "\n", " | ", ". ", " , ",
    "\u00a0", ",\u2003 ", "st ", "TH, ", "de ", " de ", "   \t  ", "\u3000", "\x1c", "h",
]  # fmt: skip
WORD_GAPS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=12)
FORMS = [
    "{d} {m} {y}", "{m} {d}, {y}", "{y}-{n}-{d}", "{d}.{n}.{y}", "{n}/{d}/{yy} {t}",
    "{t}, {m} {d}, {y}", "{d} de {m} de {y} à {t}", "{t} EST, {d} {m} {y}", "{y}年{n}月{d}日 {t}",
    "{d}/{n}/{y} {t}", "{d}-{n}-{y}, {t}", "{y}/{n}/{d}T{t}", "{d}. {n}. {y}", "{m}. {d} {y} {t}",
    "{t} {a}, {w}, {m} {d} {y}", "{t}{a}, {w} {d}{m} {y}", "{m} {d}, {y} {c} {t}{a}",
    "{d}.{n}.{y} {c} {t}", "{n}/{d}/{yy}, at {t}{a}", "{y} 年 {n} 月 {d} 日{t}",
]  # fmt: skip
DATE_LIKE = st.builds(
    str.format_map,
    st.sampled_from(FORMS),
    st.fixed_dictionaries(
        {
            "d": st.sampled_from(
                ["1", "09", "13", "27", "31", "32", "0", "3rd", "1ST", "2nd.", "29", "30", "1er"]
            ),
            "m": st.sampled_from(
                ["Nov", "march", "MÄRZ", "Sept", "listopada", "января", "xx", "Feb.", "dez"]
            ),
            "n": st.sampled_from(["1", "09", "11", "12", "13", "0", "2", "02", "19"]),
            "y": st.sampled_from(["2026", "1999", "1989", "2101", "26", "2024", "2100", "20٢٤"]),
            "yy": st.sampled_from(["26", "99", "2026", "00", "٢٦"]),
            "t": st.sampled_from(
                ["14:05", "8:32 PM", "23:59:01", "10h15", "25:61", "9.30", "12:00"]
            ),
            "a": st.sampled_from(["", " PM", "am", " a.m.", " p. m.", " EST", " PM EST", "PMX"]),
            "w": st.sampled_from(["Mon", "Tuesday.", "wed,", "Sunday", "xyz"]),
            "c": st.sampled_from(
                ["at", "um", "à", "às", "a las", "om", "o", "alle", "kl.", "г.,", "godz.", "-", "|"]
            ),
        }
    ),
)
TEXTS = st.lists(
    st.one_of(DATE_LIKE, WORD_GAPS.map(lambda pairs: "".join(w + g for w, g in pairs))),
    max_size=5,
).map(" ".join)


@settings(max_examples=4000, deadline=None)
@given(TEXTS)
def test_same_dates_as_the_reference(text: str) -> None:
    assert compiled(text) == find_dates_py(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=150))
def test_same_dates_on_any_text(text: str) -> None:
    assert compiled(text) == find_dates_py(text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS), st.text(alphabet="0123456789/.-: 年月日TtHh", max_size=8)
        ),
        max_size=30,
    ).map("".join)
)
def test_same_dates_on_dense_digits(text: str) -> None:
    assert compiled(text) == find_dates_py(text)


@given(TEXTS, st.sampled_from(["", "é", "\u0101", "\u4e00", "\U0001f600"]))
def test_every_kind_and_long_runs_of_spaces(text: str, wide: str) -> None:
    for long in (wide + text, text + " " * 300 + wide + text, wide + "\t" * 41 + text):
        assert compiled(long) == find_dates_py(long)


def test_huge_pages() -> None:
    for line in ("2019", "27 Nov 2019 14:05", "x", "11/19/19 06:56", "2019-11-19"):
        text = "\n".join([line] * 2000)
        assert compiled(text) == find_dates_py(text)
    text = "\n".join(["2019"] * 50_000)  # one window, its day-year test at each year: linear
    began = time.perf_counter()
    assert compiled(text) == []
    text = "\n".join(["27 Nov 2019 14:05"] * 50_000)
    assert len(compiled(text)) == 50_000
    assert time.perf_counter() - began < 5
    assert compiled("") == [] and compiled(" " * 100_000) == []
