"""dates.month_day, newsdump/_dates.c's month_day where it was built: the same answer as
MONTH_DAY.match(text) is not None (and its plain pattern's), on month names in every language
and case IGNORECASE takes (re's extra cases too), days with and without suffixes, Unicode
digits and spaces, a last newline, every str kind and any text; MONTH_DAY is still there,
compiled when first asked for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import dates

_dates = pytest.importorskip("newsdump._dates")

PLAIN_MONTH_DAY = re.compile(r"^" + dates._MONTH + r"\s+" + dates._DAY + r"$", re.IGNORECASE)


def expected(text: str) -> bool:
    found = dates.MONTH_DAY.match(text) is not None
    assert found == (PLAIN_MONTH_DAY.match(text) is not None)
    return found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dec. 6", True),
        ("Dec 6", True),
        ("dec.6", False),  # (\s+ after the dot)
        ("December 20th", True),
        ("December 20th.", False),
        ("Nov 5.", True),
        ("NOV 31", True),  # (no calendar test: only the pattern's)
        ("Nov 39", True),
        ("Nov 40", False),
        ("Nov 401", False),
        ("Nov 5\n", True),  # ($ before a last newline)
        ("Nov 5\n\n", False),
        ("Nov 5 ", False),
        (" Nov 5", False),
        ("Nov\u00a0\u2003 5", True),
        ("Nov ٥", True),  # (\d: any decimal digit)
        ("Nov ٣٥", False),  # ([0-3]: ASCII)
        ("Nov 3٥", True),
        ("\u017fept. 3", True),  # (re's extra cases of s, k)
        ("\u212awietnia 12", True),
        ("\u0130", False),
        ("listopada 27", True),
        ("января 3", True),
        ("ſeptember 1ſt", True),
        ("Novembre 1er", True),
        ("marts 5", True),
        ("mart 5", False),
        ("May", False),
        ("", False),
        ("Nov 5 2019", False),
        ("Mon 5", False),
        ("Nov 5\ud800", False),
        ("\ud800 5", False),
        ("Nov\U0001f600 5", False),
    ],
)
def test_month_day_known(text: str, found: bool) -> None:
    assert expected(text) is found
    assert dates.month_day(text) is found
    assert _dates.month_day(text) is found


MONTHS = ["Nov", "nov.", "NOVEMBER", "März", "mars", "Sept.", "\u017fept", "\u212awietnia"]
MONTHS += ["listopada", "января", "ÚNORA", "říjen", "decembrie", "Ene", "mart", "Novembe", "xx"]
DAYS = ["1", "09", "13", "31", "32", "40", "0", "3rd", "1ST", "2nd.", "5.", "٥", "3٥", "12er"]
DAYS += ["1ſt", "4TH", "22nd 2019", "7\n", "7 \n", ""]
SPACES = [" ", "  ", "", ".", ". ", "\u00a0", "\t", "\n", ", "]
SHAPED = st.builds(
    lambda m, s, d, tail: m + s + d + tail,
    st.sampled_from(MONTHS),
    st.sampled_from(SPACES),
    st.sampled_from(DAYS),
    st.sampled_from(["", "", "\n", " ", "x", "😀", "\u0100"]),
)
TEXTS = st.one_of(
    SHAPED,
    st.text(max_size=20),
    st.text(alphabet="NnOoVvSsEePpTt.ſ\u212a\u0130\u0131 0123456789\n٥", max_size=16),
)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_month_day_is_month_day_match(text: str) -> None:
    assert _dates.month_day(text) is expected(text)


def test_month_day_rejects_a_non_str() -> None:
    with pytest.raises(TypeError):
        _dates.month_day(b"Nov 5")  # type: ignore[arg-type]


def test_month_day_pattern_is_lazy_and_the_same() -> None:
    assert dates.MONTH_DAY is dates._month_day()
    assert dates.MONTH_DAY.match("Dec. 6")["mon"] == "Dec"


@settings(max_examples=1000, deadline=None)
@given(st.one_of(SHAPED.map(lambda t: t + " 8:19 PM"), SHAPED.map(lambda t: t + ", 20h15"), TEXTS))
def test_find_yearless_skips_a_text_without_a_colon_as_yearless_does(text: str) -> None:
    """find_yearless returns [] at once where the text has no ":" (YEARLESS needs the time's)."""
    found = [(m.span(), m.groupdict()) for m in dates.YEARLESS.finditer(text)]
    if ":" not in text:
        assert found == []
    assert [(d.start, d.end) for d in dates.find_yearless(text, 2019)] == [
        span for span, groups in found if dates._iso({**groups, "year": "2019"}) is not None
    ]
