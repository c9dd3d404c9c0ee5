"""dates.yearless and dates.find_yearless, newsdump/_dates.c's yearless and find_yearless where it
was built: the same answers as YEARLESS.search(text) is not None and as find_yearless_py (YEARLESS's
finditer, then _iso in the year given), and as YEARLESS's plain pattern, on month names in every
language and case IGNORECASE takes (re's extra cases too), days with and without suffixes and
commas, "at", clock times with and without am/pm, Unicode digits and spaces, every str kind and
any text; YEARLESS is still there, compiled when first asked for (not at import)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import dates
from newsdump.dates import FoundDate

_dates = pytest.importorskip("newsdump._dates")

PLAIN_YEARLESS = re.compile(
    r"(?<![\w])" + dates._MONTH + r"\s+" + dates._DAY + r",?\s+(?:at\s+)?"
    r"(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?",
    re.IGNORECASE,
)
FIELDS = ("iso", "start", "end")


def found(text: str) -> bool:
    """The answer of YEARLESS and of its plain pattern (the same)."""
    got = dates.YEARLESS.search(text) is not None
    assert got == (PLAIN_YEARLESS.search(text) is not None)
    return got


def reference(text: str, year: int) -> list[FoundDate]:
    """find_yearless by the plain pattern: YEARLESS's matches, each through _iso."""
    out = []
    for m in PLAIN_YEARLESS.finditer(text):
        iso = dates._iso({**m.groupdict(), "year": str(year)})
        if iso is not None:
            out.append(FoundDate(iso, m.start(), m.end()))
    return out


def check(text: str, year: int) -> list[FoundDate]:
    want = reference(text, year)
    assert dates.find_yearless_py(text, year) == want
    got = _dates.find_yearless(text, year, FoundDate, FIELDS)
    assert got == want
    assert [type(d) for d in got] == [FoundDate] * len(want)
    assert [(type(d.iso), type(d.start), type(d.end)) for d in got] == [(str, int, int)] * len(got)
    if ":" in text:  # (find_yearless returns [] at once without one)
        assert dates.find_yearless(text, year) == want
    assert _dates.yearless(text) is found(text)
    assert dates.yearless(text) is found(text)
    return got


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        ("Posted Nov 18, 8:19 PM", [("2019-11-18T20:19:00", 7, 22)]),
        ("Nov. 18 at 8:19", [("2019-11-18T08:19:00", 0, 15)]),
        ("nov 18,  AT\t12:05 a.m.", [("2019-11-18T00:05:00", 0, 22)]),
        ("Sept. 3rd, 8:05 pm", [("2019-09-03T20:05:00", 0, 18)]),
        ("\u017fept. 3 8:05 pm", []),  # (re's extra case of s: matched, no name of MONTHS)
        ("\u212aWIETNIA 2 1:00", [("2019-04-02T01:00:00", 0, 15)]),  # (Kelvin sign: "k")
        ("3 okt 10:15", []),
        ("xNov 18 8:19", []),  # ((?<![\w]))
        ("_Nov 18 8:19", []),
        ("Nov 31 8:19", []),  # (no such day: _iso's None)
        ("Nov 18 28:19", [("2019-11-18", 0, 12)]),  # (an hour past 23: the date alone)
        ("Nov 18 8:60", []),
        ("Nov 18 123:45", []),
        ("Nov 18 23:45:10", [("2019-11-18T23:45:00", 0, 12)]),
        ("Nov 18 ٨:1٩", [("2019-11-18T08:19:00", 0, 11)]),  # (\d: any decimal)
        ("Nov 18 8:١٩", []),  # ([0-5]: ASCII)
        ("Nov\u00a018,\u20038:19am", [("2019-11-18T08:19:00", 0, 14)]),
        ("Nov 18 8:19 p", [("2019-11-18T08:19:00", 0, 11)]),
        ("Nov 18 8:19 p m", [("2019-11-18T20:19:00", 0, 15)]),
        ("Nov 18 8:19 p.  m", [("2019-11-18T08:19:00", 0, 11)]),
        (
            "janvier 5 at 9:00 / févr 6 10:30",
            [
                ("2019-01-05T09:00:00", 0, 17),
                ("2019-02-06T10:30:00", 20, 32),
            ],
        ),
        ("января 3, 7:45 😀", [("2019-01-03T07:45:00", 0, 14)]),
        ("Nov 18 8:19\ud800", [("2019-11-18T08:19:00", 0, 11)]),
        ("Nov 18 8:19", [("2019-11-18T08:19:00", 0, 11)]),
        ("Mart 5 8:19", []),
        ("marts 5 8:19", [("2019-03-05T08:19:00", 0, 12)]),
        ("", []),
        (":", []),
    ],
)
def test_yearless_known(text: str, isos: list[tuple[str, int, int]]) -> None:
    assert check(text, 2019) == [FoundDate(*i) for i in isos]


@pytest.mark.parametrize(
    "year", [0, 1, -1, 1989, 1990, 2000, 2024, 2100, 2101, 10**6, -(10**30), 10**30]
)
def test_find_yearless_in_any_year(year: int) -> None:
    for text in ("Feb 29 8:19", "Feb 28, at 12:00 pm", "Dec 31 23:59", "Nov 18 28:19"):
        check(text, year)


def test_find_yearless_with_a_year_not_an_int_is_the_reference() -> None:
    assert dates.find_yearless("Nov 18 8:19", True) == dates.find_yearless_py("Nov 18 8:19", True)  # type: ignore[arg-type]
    assert dates.find_yearless("Nov 18 8:19", True) == []  # type: ignore[arg-type]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        _dates.yearless(b"Nov 18 8:19")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _dates.find_yearless("Nov 18 8:19", "2019", FoundDate, FIELDS)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _dates.find_yearless("Nov 18 8:19", 2019, FoundDate, ("iso", "start"))
    with pytest.raises(TypeError):
        _dates.find_yearless("Nov 18 8:19", 2019, FoundDate, ("iso", "start", 3))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _dates.find_yearless("Nov 18 8:19", 2019, FoundDate)  # type: ignore[call-arg]


MONTHS = ["Nov", "nov.", "NOVEMBER", "März", "mars", "Sept.", "\u017fept", "\u212awietnia", "Mai"]
MONTHS += ["listopada", "января", "ÚNORA", "říjen", "decembrie", "Ene", "mart", "Novembe", "xx"]
MONTHS += ["\u0130", "\u0131anuarie", "août", "Aout", "jan", "janv.", "ago"]
DAYS = ["1", "09", "13", "31", "32", "40", "0", "3rd", "1ST", "2nd.", "5.", "٥", "3٥", "12er", "29"]
DAYS += ["1ſt", "4TH", "7\n", ""]
SPACES = [" ", "  ", "", ".", ". ", "\u00a0", "\t", "\n", ", ", ",", " , "]
ATS = ["", "at ", "AT\t", "at", "aT  ", "a "]
CLOCKS = ["8:19", "08:19", "12:00", "23:59", "24:00", "29:10", "3:6", "1:60", "٨:١٩", "123:45"]
CLOCKS += ["8.19", "8:19:30", ""]
AMPMS = ["", " PM", "pm", "a.m.", " p. m.", "P.M", " a\u2003m", "am.", " x", " p.", "A.  M"]
SHAPED = st.builds(
    lambda head, m, s, d, comma, at, clock, ampm, tail: (
        head + m + s + d + comma + at + clock + ampm + tail
    ),
    st.sampled_from(["", "", "Posted ", "x", "_", "😀 ", "\u0100 ", "5", "Nov 3 "]),
    st.sampled_from(MONTHS),
    st.sampled_from(SPACES),
    st.sampled_from(DAYS),
    st.sampled_from(["", ",", " ", ", ", ",\u3000", " ,"]),
    st.sampled_from(ATS),
    st.sampled_from(CLOCKS),
    st.sampled_from(AMPMS),
    st.sampled_from(["", "", " | Dec 5 at 9:30 am", "x", "😀", "\u0100", ":", "5"]),
)
TEXTS = st.one_of(
    SHAPED,
    SHAPED,
    st.text(max_size=30),
    st.text(alphabet="NnOoVvSsEePpTtAaMm.,:ſ\u212a\u0130\u0131 0123456789\n٥", max_size=24),
)


@settings(max_examples=4000, deadline=None)
@given(TEXTS, st.sampled_from([2019, 2020, 0, 1989, 2100, 2101, -5]))
def test_yearless_is_yearless_search_and_find_yearless_its_reference(text: str, year: int) -> None:
    check(text, year)


def test_yearless_is_lazy_and_the_same() -> None:
    assert dates.YEARLESS is dates._yearless()
    m = dates.YEARLESS.search("Posted Nov 18, 8:19 PM")
    assert m is not None and m["mon"] == "Nov" and m["ampm"] == "P"


def test_importing_the_pipeline_compiles_no_month_tree() -> None:
    """No month pattern (YEARLESS, MONTH_DAY, the date patterns) compiled, nor _MONTH_FAST's
    tree built, at import: each cost every run milliseconds."""
    code = (
        "import newsdump.pipeline, newsdump.article, newsdump.headline, newsdump.dates as d\n"
        "print(d._yearless.cache_info().currsize, d._month_fast.cache_info().currsize,"
        " d._month_day.cache_info().currsize, d._date_patterns.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0", "0"]
