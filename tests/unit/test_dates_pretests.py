"""find_dates' shortcuts (the per-window tests of what each pattern needs, the cache of short
texts, the lookahead for each pattern's first character) change nothing: the same dates as
every plain pattern run over every window."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsdump import dates
from newsdump.dates import DATE_PATTERNS, DATE_SOURCES, MAYBE_DATE, FoundDate, find_dates

# the patterns without the lookahead for their first character
PLAIN_PATTERNS = [re.compile(source, flags) for _, source, flags in DATE_SOURCES]


def unfiltered(text: str) -> list[FoundDate]:
    """find_dates as it was before its shortcuts: every pattern over every window."""
    windows: list[tuple[int, int]] = []
    for anchor in MAYBE_DATE.finditer(text):
        lo, hi = max(0, anchor.start() - dates.BEFORE_YEAR), anchor.end() + dates.AFTER_YEAR
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    found: list[FoundDate] = []
    for lo, hi in windows:
        taken: list[tuple[int, int]] = []
        for pattern in PLAIN_PATTERNS:
            for m in pattern.finditer(text, lo, hi):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                iso = dates._iso(m.groupdict())
                if iso is not None:
                    found.append(FoundDate(iso, m.start(), m.end()))
                    taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


# the words dates are printed with, and the separators between them, so that random texts
# often hold a date, or nearly one
WORDS = [
    "2026", "1999", "2019", "2100", "20", "19", "11", "27", "3", "09", "12", "31", "0", "13",
    "14:05", "8:32", "23:59:01", "10h15", "Nov", "nov.", "NOVEMBER", "March", "mars", "März",
    "Sept.", "May", "listopada", "января", "Ene", "de", "at", "um", "à", "Wednesday,", "PM",
    "a.m.", "EST", "Uhr", "Ann", "İ", "ß", "年", "月", "日", "2026年11月27日",
    "\u017fept.", "\u212awietnia", "KWIETNIA", "Ú\u0301nor", "únor", "ŘÍJNA", "٢٠٢٦", "١١",
    *["2026", "2019", "27", "11", "09", "Nov", "March", "14:05"] * 4,
]  # fmt: skip
SEPARATORS = [
    " ", " ", " ", " ", ", ", ", ", "-", "/", ".", ":", "T", "", "\n", " | ", ". ", " , ",
    "\u00a0", ",\u2003 ", "st ", "TH, ", "de ", " de ",
]  # fmt: skip
WORD_GAPS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=10)
FORMS = [
    "{d} {m} {y}", "{m} {d}, {y}", "{y}-{n}-{d}", "{d}.{n}.{y}", "{n}/{d}/{yy} {t}",
    "{t}, {m} {d}, {y}", "{d} de {m} de {y} à {t}", "{t} EST, {d} {m} {y}", "{y}年{n}月{d}日 {t}",
    "{d}/{n}/{y} {t}", "{d}-{n}-{y}, {t}", "{y}/{n}/{d}T{t}", "{d}. {n}. {y}", "{m}. {d} {y} {t}",
]  # fmt: skip
DATE_LIKE = st.builds(
    str.format_map,
    st.sampled_from(FORMS),
    st.fixed_dictionaries(
        {
            "d": st.sampled_from(["1", "09", "13", "27", "31", "32", "0", "3rd", "1ST", "2nd."]),
            "m": st.sampled_from(["Nov", "march", "MÄRZ", "Sept", "listopada", "января", "xx"]),
            "n": st.sampled_from(["1", "09", "11", "12", "13", "0"]),
            "y": st.sampled_from(["2026", "1999", "1989", "2101", "26"]),
            "yy": st.sampled_from(["26", "99", "2026"]),
            "t": st.sampled_from(["14:05", "8:32 PM", "23:59:01", "10h15", "25:61", "9.30"]),
        }
    ),
)
TEXTS = st.lists(
    st.one_of(DATE_LIKE, WORD_GAPS.map(lambda pairs: "".join(w + g for w, g in pairs))),
    max_size=4,
).map(" ".join)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_find_dates_is_unfiltered(text: str) -> None:
    assert find_dates(text) == unfiltered(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_find_dates_is_unfiltered_on_any_text(text: str) -> None:
    assert find_dates(text) == unfiltered(text)


@given(TEXTS)
def test_long_texts_are_not_cached_but_equal(text: str) -> None:
    long = text + " " * (dates.CACHED_CHARS + 1) + text
    assert find_dates(long) == unfiltered(long)


def test_cached_result_is_a_fresh_list() -> None:
    first = find_dates("Nov 27, 2026")
    first.clear()
    assert find_dates("Nov 27, 2026") == [FoundDate("2026-11-27", 0, 12)]


PATTERN_TEXTS = st.one_of(
    TEXTS, st.text(max_size=80), st.text(alphabet="0123456789 ./-:ſKk\u212aSsNnOoVv", max_size=40)
)


@settings(max_examples=1500, deadline=None)
@given(PATTERN_TEXTS, st.integers(0, 20), st.integers(0, 90))
def test_each_pattern_matches_as_its_plain_pattern(text: str, lo: int, hi: int) -> None:
    for fast, plain in zip(DATE_PATTERNS, PLAIN_PATTERNS, strict=True):
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, lo, hi)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text, lo, hi)
        ]


PLAIN_YEARLESS = re.compile(
    r"(?<![\w])" + dates._MONTH + r"\s+" + dates._DAY + r",?\s+(?:at\s+)?"
    r"(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?",
    re.IGNORECASE,
)
PLAIN_MONTH_DAY = re.compile(r"^" + dates._MONTH + r"\s+" + dates._DAY + r"$", re.IGNORECASE)
PLAIN_MAYBE_DATE = re.compile(r"(?:19|20)\d\d|\d/[0-3]?\d/\d\d")


@settings(max_examples=1500, deadline=None)
@given(PATTERN_TEXTS, st.integers(0, 20), st.integers(0, 90))
def test_the_other_month_and_anchor_patterns_match_as_their_plain_patterns(
    text: str, lo: int, hi: int
) -> None:
    for fast, plain in (
        (dates.YEARLESS, PLAIN_YEARLESS),
        (dates.MONTH_DAY, PLAIN_MONTH_DAY),
        (MAYBE_DATE, PLAIN_MAYBE_DATE),
    ):
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, lo, hi)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text, lo, hi)
        ]


@pytest.mark.parametrize(
    "text", ["Nov 19 11:30", "\u017fept. 3 8:05 pm", "\u212aWI 2 1:00", "3 okt 10:15"]
)
def test_yearless_and_month_day_on_folded_initials(text: str) -> None:
    spans = [(m.span(), m.groupdict()) for m in dates.YEARLESS.finditer(text)]
    assert spans == [(m.span(), m.groupdict()) for m in PLAIN_YEARLESS.finditer(text)]
    head = text.rsplit(" ", 1)[0]
    fast, plain = dates.MONTH_DAY.match(head), PLAIN_MONTH_DAY.match(head)
    assert (fast and fast.groupdict()) == (plain and plain.groupdict())


ALL_CHARS = "".join(map(chr, range(0x110000)))  # lone surrogates too


def test_each_month_initial_class_takes_just_what_ignorecase_takes() -> None:
    """_cased_trie's class for each initial takes a character just when IGNORECASE matches it to
    that initial; MONTH_INITIALS (their union, the lookahead of YEARLESS and of the month-first
    pattern) takes no other character of all code points."""
    union = re.compile(f"[{dates.MONTH_INITIALS}]")
    heads = re.compile("|".join(sorted({re.escape(m[0]) for m in dates.MONTHS})), re.IGNORECASE)
    assert [m.start() for m in union.finditer(ALL_CHARS)] == [
        m.start() for m in heads.finditer(ALL_CHARS)
    ]
    for head in sorted({m[0] for m in dates.MONTHS}):
        for c in dates.MONTH_INITIALS:
            folded = re.fullmatch(re.escape(head), c, re.IGNORECASE) is not None
            assert (c in dates._cases(head)) == folded, (head, c)


def test_the_day_end_and_space_tests_are_the_patterns_classes() -> None:
    """Over every code point: a day's last character (a digit, or the last of a suffix, under
    IGNORECASE) is what _find_dates' test takes; str.isspace and rstrip are re's \\s."""
    suffixes = ("st", "nd", "rd", "th", "er", "\\.")
    assert dates._DAY.endswith("(?:" + "|".join(suffixes) + ")?")
    assert {suffix[-1] for suffix in suffixes} == set("tdhr.")
    last = re.compile(r"[\d.]|[tdhr]", re.IGNORECASE)
    assert [m.start() for m in last.finditer(ALL_CHARS)] == [
        i for i, c in enumerate(ALL_CHARS) if c in dates.DAY_ENDS or c.isdecimal()
    ]
    assert [m.start() for m in re.finditer(r"\s", ALL_CHARS)] == [
        i for i, c in enumerate(ALL_CHARS) if c.isspace() and not c.rstrip()
    ]


def test_the_month_lookahead_takes_every_first_letter_of_a_month_name() -> None:
    """Over every code point: the lookahead's class takes a character just when one of the month
    names' first letters does, under the same IGNORECASE (long s, Kelvin sign, dotted I...)."""
    cls = re.compile(dates._MONTH_FIRST, re.IGNORECASE)
    heads = re.compile("|".join(sorted({re.escape(m[0]) for m in dates.MONTHS})), re.IGNORECASE)
    chars = "".join(map(chr, range(0x110000)))  # lone surrogates too
    assert [m.start() for m in cls.finditer(chars)] == [m.start() for m in heads.finditer(chars)]


# the gates of the patterns that print a month's name before a year after spaces: what stands
# before the spaces (a digit, a day's suffix, a month's last letter or dot, "de", a comma, other
# characters), and a colon near or far before the year (in the window its first anchor opened)
GATE_PARTS = [
    "2026", "2019", "19", "27", "3rd", "1ST", "Nov", "nov.", "März", "listopada", "de", "14:05",
    "8:32 PM", "EST", ",", " ,", ":", "(", ")", "'", "x", "\u212a", "\u017f", "٢", " " * 25,
    " " * 45, "\u00a0", "\n",
]  # fmt: skip
GATE_TEXTS = st.lists(
    st.tuples(st.sampled_from(GATE_PARTS), st.sampled_from([" ", "", ", ", " " * 30])),
    max_size=12,
).map(lambda pairs: "".join(p + g for p, g in pairs))


@settings(max_examples=3000, deadline=None)
@given(st.one_of(GATE_TEXTS, TEXTS.map(lambda t: t.replace(" ", " " * 8))))
def test_find_dates_is_unfiltered_where_the_year_gates_decide(text: str) -> None:
    found = unfiltered(text)
    # (not where a date spans more than BEFORE_YEAR characters: the test for a day-month-year
    # date looks for the day's digit in the year's own window only, which such a date may
    # overrun: "1" + " " * 20 + "Nov" + " " * 20 + "2026" is missed, as it was before)
    assume(all(d.end - d.start <= dates.BEFORE_YEAR for d in found))
    assert find_dates(text) == found


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(["", "2026 ", "Nov 3, 2019 ", "x" * 30]),
    st.integers(0, 60),
    st.sampled_from(["14:05", "8:32 PM EST", "23:59"]),
    st.integers(0, 50),
    st.sampled_from(["Nov 27, 2026", "NOV. 3RD 2019", "27 november 2026", "3 de marzo de 2019"]),
)
def test_a_time_first_date_as_far_as_its_window_reaches(
    before: str, gap: int, time: str, spaces: int, date: str
) -> None:
    """The time-first patterns' colon is looked for from the start of the year's window (where
    an earlier year may have opened it), not from the year's own reach."""
    text = before + " " * gap + time + " " * spaces + ", " + date
    found = unfiltered(text)
    assume(all(d.end - d.start <= dates.BEFORE_YEAR for d in found) or "de" not in date)
    assert find_dates(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "2026 14:05" + " " * 40 + ", Nov 27, 2026",  # the time in a window an earlier year opened
        "14:05" + " " * 40 + ", Nov 27, 2026",  # ... and out of reach of the year's own window
        "14:05 EST, 27 November 2026",
        "November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm",
        "3:42 PM EST, Nov 27, 2026",
        "13 de septiembre de 2023 à 14:05",
        "27 nov., 2026",
        "Nov , 2026 27 Nov, 2026",
    ],
)
def test_the_year_gates_on_examples(text: str) -> None:
    assert find_dates(text) == unfiltered(text)
