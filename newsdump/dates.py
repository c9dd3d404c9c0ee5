"""Dates and times as pages print them, to ISO 8601. Pure; never reads the clock."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

try:  # _find_dates compiled (newsdump/_dates.c), when the install built it
    from newsdump import _dates
except ImportError:  # pragma: no cover (an install without a C compiler)
    _dates = None  # type: ignore[assignment]

MIN_YEAR = 1990
MAX_YEAR = 2100

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv janvier enero ene januar jän jänner gennaio gen janeiro "
        "stycznia styczeń januari januar leden ledna января січня",
        "february feb febr février févr fevrier febrero februar febbraio fevereiro fev lutego "
        "luty februari únor února февраля лютого",
        "march mar mars marzo märz maerz mär marzo março marca marzec maart maret březen března "
        "марта березня",
        "april apr avril abril aprile kwietnia kwiecień duben dubna апреля квітня",
        "may mai mayo maggio maio mag maja maj mei květen května мая травня",
        "june jun juin junio juni giugno giu junho czerwca czerwiec červen června июня червня",
        "july jul juillet juil julio juli luglio lug julho lipca lipiec červenec července "
        "июля липня",
        "august aug août aout agosto ago sierpnia sierpień augustus agustus srpen srpna августа "
        "серпня",
        "september sep sept septembre septiembre set settembre setembro września wrzesień září "
        "сентября вересня",
        "october oct octobre octubre oktober okt ottobre ott outubro out października "
        "październik říjen října октября жовтня",
        "november nov novembre noviembre novembro listopada listopad ноября листопада",
        "december dec décembre decembre diciembre dic dezember dez dicembre dezembro desember "
        "grudnia grudzień prosinec prosince декабря грудня",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
for _number, _names in enumerate(  # more: Czech, Slovak, Swedish, Danish, Romanian
    [
        "januára ianuarie",
        "februára februarie",
        "marts martie",
        "apríla aprilie",
        "mája",
        "júna iunie",
        "júla iulie",
        "augusti augusta",
        "septembra septembrie",
        "októbra octombrie",
        "listopadu novembra noiembrie",
        "decembra decembrie",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)


def _trie(words: list[str]) -> str:
    """An alternation of `words` as a prefix tree (longest match first): Python's re tries
    every branch of a flat alternation at every position, a tree fails on the first letter."""
    heads: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [re.escape(head) + _trie(rest) for head, rest in sorted(heads.items())]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?:(?:\s*(?:,|at|um|à|a las|om|alle|às|kl\.?|в|г\.,?|-|–|—|\|)?\s*)"
    r"(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?)?"
)

_TIME_FIRST_REST = (
    r":(?P<minute>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?"
    r"(?:\s+[A-Z]{2,4})?\s*,\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
)
_TIME_FIRST = r"(?<![\d:.])(?P<hour>[0-2]?\d)" + _TIME_FIRST_REST

_DIGIT = r"\d"
_MONTH_FIRST = "[" + "".join(sorted({re.escape(name[0]) for name in MONTHS})) + "]"


@cache
def _month() -> str:
    """_MONTH: a month's name (a prefix tree of MONTHS), then a dot or not; built on first use
    (only the date patterns of the Python reference, find_dates_py, read it)."""
    return r"(?P<mon>" + _trie(sorted(MONTHS)) + r")\.?"


@cache
def _date_sources() -> list[tuple[str, str, int]]:
    """DATE_SOURCES (first character, pattern, flags), built on first use: only the Python
    reference (find_dates_py) and the tests read them; newsdump/_dates.c does their work."""
    _MONTH = _month()
    return [
        # 3:42 PM EST, Nov 27, 2026 ; 09:14 EST, 27 November 2026 (the time first: before the
        # patterns that would take the date alone)
        (_DIGIT, _TIME_FIRST + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
        (_DIGIT, _TIME_FIRST + _DAY + r"\s*" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
        # 2023-09-13, 2023-09-13T08:32:00, 2023/09/13
        (
            _DIGIT,
            r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"
            r"(?:[T\s]+(?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?",
            0,
        ),
        # 2023年9月13日 08:32
        (
            _DIGIT,
            r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日"
            r"(?:\s*(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d))?",
            0,
        ),
        # September 13, 2023 8:32 AM ; Sept. 13 2023
        (
            _MONTH_FIRST,
            r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME,
            re.IGNORECASE,
        ),
        # 13 September 2023 ; 13. September 2023 ; 13 de septiembre de 2023
        (
            _DIGIT,
            r"(?<![\w])" + _DAY + r"\s*(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR + _TIME,
            re.IGNORECASE,
        ),
        # 11/19/19 06:56 AM ; 11/13/19 at 4:00 PM (two-digit years only with a time)
        (
            _DIGIT,
            r"(?<![\d/.])(?P<a>[01]?\d)(?P<sep>/)(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![\d/])"
            r"(?:,?\s*(?:at\s+)?(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?)",
            re.IGNORECASE,
        ),
        # 13.09.2023 ; 09/13/2023 ; 13/09/2023 8:32 ; 03.03.2026 um 14:05 Uhr ; 03/03/2026 à 14h05 ;
        # 27. 11. 2026 (Czech, Slovak) ; 27-11-2026, 08:15 ; 27.11.2026 - 11:24 Uhr
        (
            _DIGIT,
            r"(?<![\d.-])(?P<a>[0-3]?\d)(?P<sep>[./-]) ?(?P<b>[01]?\d)(?P=sep) ?"
            r"(?P<year>(?:19|20)\d\d)(?!\d)"
            r"(?:,?\s*(?:[-–—|]\s*)?(?:(?:at|um|à|a las|alle|om|o|godz\.?)\s*)?"
            r"(?P<hour>[0-2]?\d)(?::|h(?=[0-5]\d))(?P<minute>[0-5]\d))?",
            re.IGNORECASE,
        ),
    ]


def _led_number(name: str, not_after: str, first: str) -> str:
    """`(?<!{not_after})(?P<{name}>{first}?\\d)` with its digit first: `\\d`, the lookbehind
    one character further back, then the second digit when the first is in `first` (greedy,
    as `{first}?` is). A pattern that starts with a plain class lets re scan for it (the
    "charset prefix" of its compiler: about 3x faster than trying the lookbehind, or a
    lookahead, at every position); the same matches and groups. (The second digit an
    alternative or nothing, `(?:…|)`, not `(?:…)?`: re runs an optional group through its
    general repeat, twice as slow as a branch; greedy, the same order of tries.)"""
    return rf"(?P<{name}>\d(?<!{not_after}\d)(?:(?<={first})\d|))"


# the characters re's IGNORECASE folds to a letter besides its upper and lower case (long s,
# dotted and dotless i, Kelvin sign, old Cyrillic forms): those of the months' initials
_OTHER_CASES = "\u017f\u0130\u0131\u212a\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"


@cache
def _cases(letter: str) -> str:
    """Every character IGNORECASE matches to `letter` (tests/unit/test_dates_pretests.py checks
    each month's initial over every code point)."""
    found = {letter, letter.upper(), letter.lower()}
    found.update(c for c in _OTHER_CASES if re.fullmatch(re.escape(letter), c, re.IGNORECASE))
    return "".join(sorted(c for c in found if len(c) == 1))


def cases_of(letters: Iterable[str]) -> str:
    """Every character IGNORECASE matches to one of `letters`, sorted: the body of a
    case-sensitive class for what an IGNORECASE pattern's alternatives start with."""
    return "".join(sorted({c for letter in letters for c in _cases(letter)}))


def _cased_trie(words: list[str]) -> str:
    """_trie(words) with each first letter a case-sensitive class of its cases: re's branch
    skips an alternative that starts with a class at once (not one that starts with an
    IGNORECASE letter: it enters each of the ~40 in turn)."""
    heads = sorted({word[0] for word in words})
    return (
        "(?:"
        + "|".join(
            f"(?-i:[{_cases(head)}])" + _trie([word[1:] for word in words if word[0] == head])
            for head in heads
        )
        + ")"
    )


MONTH_INITIALS = cases_of(name[0] for name in MONTHS)


@cache
def _month_fast() -> str:
    """_MONTH_FAST: _MONTH, the same matches, in the patterns that try it at each word or number
    (the two that print a time first reach it only past a time and a comma: not worth its
    compiling); built on first use (only the Python references read it)."""
    return r"(?P<mon>" + _cased_trie(sorted(MONTHS)) + r")\.?"


@cache
def _month_led() -> str:
    """_MONTH_LED: (?<![\\w])_MONTH behind a lookahead for a month's initial, case-sensitive: re
    tries the lookbehind and the months only there."""
    return f"(?=(?-i:[{MONTH_INITIALS}]))(?<![\\w])" + _month_fast()


# ... and where a month's name follows a day: the lookahead alone, which fails at once where no
# month starts (re's branch of the months tests each initial's class in turn: ~40 tests)
_MONTH_NEXT = f"(?=(?-i:[{MONTH_INITIALS}]))"
# (?<![\w])_DAY: its suffix an alternative or nothing (see _led_number) behind a lookahead for
# the suffixes' first letters in every case IGNORECASE takes (most days have none)
_SUFFIX_FIRSTS = cases_of("sntre")
_DAY_LED = (
    _led_number("day", r"\w", "[0-3]") + rf"(?:(?=(?-i:[{_SUFFIX_FIRSTS}.]))(?:st|nd|rd|th|er|\.)|)"
)
_TIME_FIRST_LED = _led_number("hour", r"[\d:.]", "[0-2]") + _TIME_FIRST_REST


@cache
def _date_patterns() -> list[re.Pattern[str]]:
    """DATE_PATTERNS, compiled on first use: only the Python reference (find_dates_py) runs
    them; newsdump/_dates.c does their work when it is built, and compiling them cost every
    run ~40 ms at import.

    DATE_SOURCES each with its first character first (see _led_number): re scans for a digit
    or a month's initial instead of trying the pattern at every position of the window;
    tests/unit/test_dates_pretests.py compares them with the plain patterns."""
    _MONTH = _month()
    _MONTH_FAST = _month_fast()
    _MONTH_LED = _month_led()
    sources = _date_sources()
    return [
        re.compile(source, flags)
        for source, flags in (
            (_TIME_FIRST_LED + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
            (
                _TIME_FIRST_LED + _DAY + r"\s*" + _MONTH_NEXT + _MONTH + r",?\s+" + _YEAR,
                re.IGNORECASE,
            ),
            (
                r"(?P<year>\d(?<!\d\d)(?:(?<=1)9|(?<=2)0)\d\d)[-/.](?P<month>[01]?\d)[-/.]"
                r"(?P<day>[0-3]?\d)(?!\d)"
                r"(?:[T\s]+(?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?",
                0,
            ),
            (sources[3][1], sources[3][2]),  # starts with (?:19|20): a prefix already
            (_MONTH_LED + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
            (
                _DAY_LED
                + r"\s*(?:de\s+|)"  # ((?:de\s+)?, as a branch: see _led_number)
                + _MONTH_NEXT
                + _MONTH_FAST
                + r",?\s+(?:de\s+|)"
                + _YEAR
                + _TIME,
                re.IGNORECASE,
            ),
            (
                _led_number("a", r"[\d/.]", "[01]")
                + r"(?P<sep>/)(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![\d/])"
                r"(?:,?\s*(?:at\s+)?(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)"
                r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?)",
                re.IGNORECASE,
            ),
            (
                _led_number("a", r"[\d.-]", "[0-3]") + r"(?P<sep>[./-]) ?(?P<b>[01]?\d)(?P=sep) ?"
                r"(?P<year>(?:19|20)\d\d)(?!\d)"
                r"(?:,?\s*(?:[-–—|]\s*)?(?:(?:at|um|à|a las|alle|om|o|godz\.?)\s*)?"
                r"(?P<hour>[0-2]?\d)(?::|h(?=[0-5]\d))(?P<minute>[0-5]\d))?",
                re.IGNORECASE,
            ),
        )
    ]


_LAZY: dict[str, Callable[[], Any]] = {
    "_MONTH": _month,
    "_MONTH_FAST": _month_fast,
    "_MONTH_LED": _month_led,
    "DATE_SOURCES": _date_sources,
    "DATE_PATTERNS": _date_patterns,
}


def __getattr__(name: str) -> Any:
    """`dates.DATE_PATTERNS`, `dates.DATE_SOURCES`, `dates._MONTH` and `dates.MONTH_DAY` as
    before: built when first asked for."""
    make = _LAZY.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return make()


TIME_OF_DAY = re.compile(
    r"^(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?$",
    re.IGNORECASE,
)
RELATIVE = re.compile(
    r"^(?P<n>\d+|an?|one)\s*(?P<unit>sec|second|min|minute|hr|hour|h|day|d|week|wk|month)s?\.?\s+ago$",
    re.IGNORECASE,
)


@cache
def _month_day() -> re.Pattern[str]:
    """MONTH_DAY (^_MONTH, its first letter first: see _MONTH_LED), compiled on first use:
    month_day asks newsdump/_dates.c where it was built, and resolve_time the pattern only
    where that holds (its month tree cost each run ~10 ms at import)."""
    return re.compile(
        f"^(?=(?-i:[{MONTH_INITIALS}]))" + _month_fast() + r"\s+" + _DAY + r"$", re.IGNORECASE
    )


def month_day(text: str) -> bool:
    """MONTH_DAY.match(text) is not None ("Dec. 6", "November 20th"): newsdump/_dates.c's
    month_day where it was built (the same answer: test_dates_month_day.py)."""
    if _dates is not None:
        return _dates.month_day(text)
    return _month_day().match(text) is not None


_LAZY["MONTH_DAY"] = _month_day

UNIT_SECONDS = {
    "sec": 1, "second": 1, "min": 60, "minute": 60, "hr": 3600, "hour": 3600, "h": 3600,
    "day": 86400, "d": 86400, "week": 604800, "wk": 604800,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS
    start: int
    end: int


DIGIT = re.compile(r"\d")
# Every pattern needs a four-digit year or an m/d/yy date: text without either has no date.
# ((?:19|20)\d\d|\d/[0-3]?\d/\d\d with its digit first, for re's scan for it: see _led_number)
MAYBE_DATE = re.compile(r"\d(?:(?<=1)9\d\d|(?<=2)0\d\d|/[0-3]?\d/\d\d)")
BEFORE_YEAR = 40  # the longest "13 de septiembre de " or "Wednesday, November 13th, " part
AFTER_YEAR = 40  # the longest time part after the year


# What each of DATE_PATTERNS needs inside the window it matches in, a cheap exact test that it
# may match there: a separator of numeric dates, "年", a slash (a test for a month's name costs
# about what it saves: most windows around a year hold one)
_SEPARATOR, _NIAN, _SLASH, _DAY_YEAR, _DAY_MONTH_YEAR = 2, 4, 8, 16, 32
_TIME_DAY_YEAR, _TIME_DAY_MONTH_YEAR = _DAY_YEAR << 2, _DAY_MONTH_YEAR << 2
NEEDS = (
    _TIME_DAY_YEAR, _TIME_DAY_MONTH_YEAR, _SEPARATOR, _NIAN, _DAY_YEAR, _DAY_MONTH_YEAR, _SLASH,
    _SEPARATOR,
)  # fmt: skip
# ... and where a year follows spaces (each such year is an anchor of MAYBE_DATE, and the
# four patterns that print a month's name end with one): _DAY_YEAR, a day's end before the
# spaces ("19, 2019", "3rd 2019": the character before them, past one comma, a digit or the
# last of a day's suffix, under IGNORECASE), as _DAY + r",?\s+" + _YEAR needs it;
# _DAY_MONTH_YEAR, a letter or a dot there (a month's name's end, or "de") and a digit (the
# day) before it in the window, as _DAY ... _MONTH\.? ,?\s+(?:de\s+)? _YEAR needs it (a digit
# there ends no month: "November 19, 2019" needs no day-month-year pattern); _TIME_DAY_YEAR
# and _TIME_DAY_MONTH_YEAR, those with a colon before the year in the window (the two patterns
# that print the time first: its colon starts their match)
DAY_ENDS = "tdhrTDHR."
CACHED_DATES = 256  # distinct short texts remembered: a page asks about the same line often
CACHED_CHARS = 300  # ... up to this long (the lines of metadata; never a whole page)


def find_dates(text: str) -> list[FoundDate]:
    """Every date (with its time when printed next to it) in `text`, in order of position."""
    if "19" not in text and "20" not in text and "/" not in text:
        return []  # MAYBE_DATE needs one of them (and the cache keeps lines that may hold one)
    if len(text) <= CACHED_CHARS:
        return list(_cached_dates(text))
    return _find_dates(text)


@lru_cache(maxsize=CACHED_DATES)
def _cached_dates(text: str) -> tuple[FoundDate, ...]:
    return tuple(_find_dates(text))


# FoundDate's fields, in order: the compiled find_dates makes each date as the frozen
# dataclass's __init__ does (object.__new__, then object.__setattr__ of each field), without
# calling it
_FOUND_FIELDS = tuple(field.name for field in fields(FoundDate))


def _find_dates(text: str) -> list[FoundDate]:
    """Every date of `text` (find_dates without its cache): newsdump/_dates.c's one pass when
    it is built, else the reference, find_dates_py (the same list: test_dates_compiled.py)."""
    if _dates is not None:
        return _dates.find_dates(text, FoundDate, _FOUND_FIELDS)
    return find_dates_py(text)


def find_dates_py(text: str) -> list[FoundDate]:
    """_find_dates in Python: the patterns run over windows around MAYBE_DATE's anchors."""
    windows: list[tuple[int, int, int]] = []  # (lo, hi, its _DAY_YEAR... bits)
    for anchor in MAYBE_DATE.finditer(text):  # search only around them: the patterns are slow
        start, end = anchor.span()
        lo, hi = max(0, start - BEFORE_YEAR), end + AFTER_YEAR
        day_year = 0
        if end - start == 4 and start > lo and text[start - 1].isspace():  # a year after spaces
            before = text[lo : start - 1].rstrip()  # (the day too must be in the window)
            if before[-1:] == ",":
                before = before[:-1]
            last = before[-1:]
            if last.isdecimal():  # (no month's name, nor "de", ends with a digit)
                day_year = _DAY_YEAR
            elif last and last in DAY_ENDS:
                day_year = _DAY_YEAR | _DAY_MONTH_YEAR
            elif last.isalpha() and DIGIT.search(before) is not None:
                day_year = _DAY_MONTH_YEAR
            # (a colon from the window's start on: where its first anchor put it; later ones
            # only move its end)
            joined = windows[-1][0] if windows and lo <= windows[-1][1] else lo
            if day_year and text.find(":", joined, start) >= 0:
                day_year |= day_year << 2
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi, windows[-1][2] | day_year)
        else:
            windows.append((lo, hi, day_year))
    if not windows:
        return []
    found: list[FoundDate] = []
    for lo, hi, day_year in windows:  # disjoint: a match in one never overlaps one in another
        taken: list[tuple[int, int]] = []
        has = _window_has(text, lo, hi) | day_year
        for pattern, needs in zip(_date_patterns(), NEEDS, strict=True):  # earlier patterns win
            if needs & has != needs:
                continue
            for m in pattern.finditer(text, lo, hi):
                start, end = m.span()
                for s, e in taken:  # (a match overlapping an earlier pattern's is dropped)
                    if start < e and s < end:
                        break
                else:
                    iso = _iso(m.groupdict())
                    if iso is not None:
                        found.append(FoundDate(iso, start, end))
                        taken.append((start, end))
    return sorted(found, key=lambda d: d.start)


def _window_has(text: str, lo: int, hi: int) -> int:
    """The NEEDS bits text[lo:hi] holds."""
    has = 0
    if text.find("/", lo, hi) >= 0:
        has |= _SLASH | _SEPARATOR
    elif text.find("-", lo, hi) >= 0 or text.find(".", lo, hi) >= 0:
        has |= _SEPARATOR
    if text.find("年", lo, hi) >= 0:
        has |= _NIAN
    return has


@cache
def _yearless() -> re.Pattern[str]:
    """YEARLESS ((?<![\\w])_MONTH ..., its first letter first: see _month_led), compiled on first
    use: newsdump/_dates.c's yearless and find_yearless do its work where it was built, and its
    month tree cost every run ~5-20 ms at import (the same matches: test_dates_yearless.py)."""
    return re.compile(
        _month_led() + r"\s+" + _DAY + r",?\s+(?:at\s+)?"
        r"(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?",
        re.IGNORECASE,
    )


_LAZY["YEARLESS"] = _yearless


def yearless(text: str) -> bool:
    """YEARLESS.search(text) is not None ("Posted Nov 18, 8:19 PM"): newsdump/_dates.c's
    yearless where it was built."""
    if _dates is not None:
        return _dates.yearless(text)
    return _yearless().search(text) is not None


def find_yearless(text: str, year: int) -> list[FoundDate]:
    """Dates printed without a year but with a time ("Posted Nov 18, 8:19 PM"), in `year`."""
    if ":" not in text:
        return []  # (YEARLESS needs the time's colon: a cheap exact test before its scan)
    if _dates is not None and type(year) is int:
        return _dates.find_yearless(text, year, FoundDate, _FOUND_FIELDS)
    return find_yearless_py(text, year)


def find_yearless_py(text: str, year: int) -> list[FoundDate]:
    """find_yearless by YEARLESS itself: the reference (and the fallback)."""
    found = []
    for m in _yearless().finditer(text):
        iso = _iso({**m.groupdict(), "year": str(year)})
        if iso is not None:
            found.append(FoundDate(iso, m.start(), m.end()))
    return found


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0].iso if dates else None


def _iso(g: dict[str, str | None]) -> str | None:
    try:
        year = int(g.get("year") or 0) or 2000 + int(g.get("yy") or 0)
        if g.get("mon"):
            month = MONTHS[(g["mon"] or "").lower().rstrip(".")]
            day = int(g["day"] or 0)
        elif g.get("a"):
            a, b = int(g["a"] or 0), int(g["b"] or 0)
            day, month = (a, b) if g.get("sep") in (".", "-") or a > 12 else (b, a)
            if g.get("yy"):  # m/d/yy is American
                month, day = (a, b) if a <= 12 else (b, a)
            if month > 12 and day <= 12:
                day, month = month, day
        else:
            month, day = int(g["month"] or 0), int(g["day"] or 0)
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        when = date(year, month, day)
    except (KeyError, ValueError):
        return None
    if g.get("hour") is None or g.get("minute") is None:
        return when.isoformat()
    hour, minute = int(g["hour"] or 0), int(g["minute"] or 0)
    second = int(g.get("second") or 0)
    ampm = (g.get("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23:
        return when.isoformat()
    return datetime(year, month, day, hour, minute, second).isoformat()


def clock_minutes(printed: str | None) -> int | None:
    """Minutes after midnight of a bare time of day ("5:56 PM"), else None."""
    m = TIME_OF_DAY.match(printed.strip()) if printed else None
    return None if m is None else _minutes(m)


def _minutes(m: re.Match[str]) -> int | None:
    """clock_minutes of TIME_OF_DAY's match `m`."""
    hour, minute = int(m["hour"]), int(m["minute"])
    ampm = (m["ampm"] or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    return hour * 60 + minute if hour < 24 else None


def resolve_time(printed: str, page_published: str | None) -> str | None:
    """A feed item's printed time to ISO, against the page's date; None when it cannot be."""
    printed = printed.strip()
    absolute = first_date(printed)
    if absolute is not None:
        return absolute
    if page_published is None:
        return None
    try:
        base = datetime.fromisoformat(page_published)
    except ValueError:
        return None
    has_time = "T" in page_published
    m = TIME_OF_DAY.match(printed)
    if m:  # (clock_minutes(printed), of this match: `printed` is stripped)
        minutes = _minutes(m)
        if minutes is None:  # "25:10"
            return None
        return base.replace(hour=minutes // 60, minute=minutes % 60, second=0).isoformat()
    m = RELATIVE.match(printed)
    if m and has_time:
        count = 1 if m["n"].lower() in ("a", "an", "one") else int(m["n"])
        unit = m["unit"].lower()
        if unit == "month":
            return None
        return (base - timedelta(seconds=count * UNIT_SECONDS[unit])).isoformat()
    m = _month_day().match(printed) if month_day(printed) else None
    if m:
        try:
            when = date(base.year, MONTHS[m["mon"].lower()], int(m["day"]))
            if when > base.date():  # "Dec. 6" on a page of September: last December
                when = date(base.year - 1, when.month, when.day)
        except ValueError:
            return None
        return when.isoformat()
    return None


def is_time_line(text: str) -> bool:
    """A line that only prints a time: "5:56 PM", "2 hours ago", "Dec. 6", "12.30"."""
    text = text.strip()
    if len(text) > 30:
        return False
    if DIGIT.search(text) is None and text[-3:].lower() != "ago":
        return False  # every pattern needs a digit but RELATIVE's "an hour ago" (cheap test first)
    first = text[:1]  # (each pattern is tried only where its first character stands)
    number = first.isdecimal()  # (re's \d: TIME_OF_DAY's first, or RELATIVE's "2 hours ago")
    return bool(
        (number and TIME_OF_DAY.match(text))
        or ((number or first in RELATIVE_FIRST) and RELATIVE.match(text))
        or (first in MONTH_INITIALS and first != "" and month_day(text))
        or (len(text) <= 24 and first_date(text) is not None)
    )


RELATIVE_FIRST = "aAoO"  # RELATIVE's letters first ("an hour ago", "one day ago"), in every case


def url_date(url: str | None) -> str | None:
    """A date printed in a URL path: /2019/11/19/ or /2019-11-19/."""
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|\.|$)", url)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None
