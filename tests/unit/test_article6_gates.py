"""The skips the compiled passes take before their tests (session 16): newsdump/_dates.c's
find_dates tries each date pattern only where its first character may stand (a decimal, or a
month's initial after no word character), finds MAYBE_DATE's anchors in a loop of the text's
own kind and date_lines' may_date tests a one-byte text by memchr and memmem;
newsdump/_byline.c's may_credit skips the characters below U+0100 none of its tests takes.
Each gives what the Python reference gives, over every character below U+0100 (and a sample
of the others) in the places the skips look at, in every string kind."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump.article import WEEKDAY_FIRSTS, _credit_lines, _date_lines_of
from newsdump.dates import _FOUND_FIELDS, FoundDate, find_dates_py

_dates = pytest.importorskip("newsdump._dates")
_byline = pytest.importorskip("newsdump._byline")

# every character below U+0100, every decimal digit, and every 401st code point above
CHARS = sorted(
    {chr(c) for c in range(0x100)}
    | {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdecimal()}
    | {chr(c) for c in range(0x100, sys.maxunicode + 1, 401)}
)
DATE_TEMPLATES = (
    "{c}", "{c}19", "x{c}20", "{c}/", "1{c}/19/19 10:30", "{c}ov 19, 2019", "{c}November 19, 2019",
    "a {c}ept. 3 2019 8:32 am", "{c}9 November 2019", "1{c} de mayo de 2019",
    "{c}3:42 PM, Nov 27, 2026",
    "2019-1{c}-13", "{c}2019-11-13T08:30", "2019年{c}月13日", "{c}1/19/19 06:56 AM",
    "{c}3.09.2023", "27{c}11{c}2026 {c} 08:15", "Nov {c}, 2019", "{c}{c}19 {c}",
)  # fmt: skip


def compiled(text: str) -> list[FoundDate]:
    return _dates.find_dates(text, FoundDate)


@pytest.mark.parametrize("template", DATE_TEMPLATES)
def test_find_dates_every_character_where_the_gates_look(template: str) -> None:
    for c in CHARS:
        text = template.format(c=c)
        for wide in ("", "\u0101", "\U0001f600"):  # one-byte, two-byte and four-byte strings
            assert compiled(text + wide) == find_dates_py(text + wide), (text, wide)


@given(
    st.text(alphabet="0123456789/年 ", max_size=30),
    st.sampled_from(["", "é", "\u4e00", "\U0001f600"]),
)
def test_find_dates_anchors_at_either_end(text: str, wide: str) -> None:
    for t in (text + wide, wide + text, text):
        assert compiled(t) == find_dates_py(t)


@pytest.mark.parametrize(
    "template", ["{c}", "{c}19", "x{c}20", "{c}x", "M{c}n 5:30", " {c}.", "{c}1{c}9{c}", "Mon{c}"]
)
def test_date_lines_every_character(template: str) -> None:
    texts = [template.format(c=c) + wide for c in CHARS for wide in ("", "\u0101", "\U0001f600")]
    for at in range(0, len(texts), 40):
        page = texts[at : at + 40]
        got = _dates.date_lines(page, [], None, len(page), 4, 40, 300, WEEKDAY_FIRSTS)
        assert got == _date_lines_of(page, [], None, len(page)), page


CREDIT_TEMPLATES = (
    "{c}", "a{c}b", "{c}etty images", "{c}hutterstock", "{c}ile photo", "photo{c}: Ann Lee",
    "{c}(photo)", "(associated pres{c})", "AP {c} afp", "x /{c}", "{c}: x", "a b c d e f g {c}",
    "Photo {c} Getty Images one two three four five",
)  # fmt: skip


@pytest.mark.parametrize("template", CREDIT_TEMPLATES)
def test_credit_lines_every_character(template: str) -> None:
    for wide in ("", "\u0101", "\U0001f600"):
        texts = [template.format(c=c) + wide + " w w w w w w w" for c in CHARS]
        order = list(range(len(texts)))
        assert _byline.credit_lines(texts, order, 8) == _credit_lines(texts, order, 8)


@given(
    st.one_of(st.sampled_from(DATE_TEMPLATES).map(lambda t: t.format(c="1")), st.text(max_size=40))
)
def test_found_dates_made_as_their_init_makes_them(text: str) -> None:
    """find_dates with FoundDate's fields sets them as the frozen dataclass's __init__ does."""
    made = _dates.find_dates(text, FoundDate, _FOUND_FIELDS)
    called = _dates.find_dates(text, FoundDate)
    assert made == called == find_dates_py(text)
    assert all(type(d) is FoundDate for d in made)
    assert [(d.iso, d.start, d.end, hash(d), repr(d)) for d in made] == [
        (d.iso, d.start, d.end, hash(d), repr(d)) for d in called
    ]


def test_find_dates_fields_checked() -> None:
    with pytest.raises(TypeError):
        _dates.find_dates("Nov 19, 2019", FoundDate, ("iso", "start"))
    with pytest.raises(TypeError):
        _dates.find_dates("Nov 19, 2019", FoundDate.__init__, _FOUND_FIELDS)
    with pytest.raises(TypeError):
        _dates.find_dates("Nov 19, 2019", FoundDate, ("iso", "start", 3))
    with pytest.raises(AttributeError):
        _dates.find_dates("Nov 19, 2019", FoundDate, ("iso", "start", "nope"))
    assert _dates.find_dates("no date", FoundDate, ("iso", "start", "nope")) == []
