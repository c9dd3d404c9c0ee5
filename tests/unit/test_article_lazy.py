"""printed_date finds each line's dates lazily and _byline_at looks for the date at a "name,
then meta" line's meta only once the names are there: both give what their plain versions (as
they were, below) give, on invented pages of dates, weekday stamps, names and bylines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.article import (
    AGENCIES,
    AGENCY_NAMES,
    BY_ALONE,
    BY_INSIDE,
    BYLINE_START,
    BYLINE_WINDOW,
    DATE_CUE,
    DATE_LINE_WORDS,
    DATE_WINDOW,
    HEAD_DATE_LINES,
    KIND_ALONE,
    KIND_BYLINE,
    KO_BYLINE,
    KO_NAME_SPLIT,
    LABEL_ALONE,
    MAX_META_CHARS,
    MAX_SHORT_BYLINE,
    NAME_THEN_META,
    UPDATE_CUE,
    URL_YEAR,
    WEEKDAY_TIME,
    _byline_at,
    cjk_byline,
    copyright_years,
    date_line,
    date_then_name,
    listed_date,
    more_names,
    mostly_date,
    name_then_cue,
    parse_names,
    printed_date,
    published_of,
    starts_with_date,
    weekday_date,
    with_time_parts,
)
from newsdump.dates import YEARLESS, FoundDate, find_dates, find_yearless
from newsdump.headline import AUTHOR_LABEL, BYLINE, has_credit, maybe_dated


def byline_at_plain(
    texts: Sequence[str], i: int, strict: bool = False
) -> tuple[list[str], tuple[int, ...]] | None:
    """article._byline_at as it was: the date at the meta looked for before the names."""
    text = texts[i]
    if len(text) > MAX_META_CHARS or has_credit(text):
        return None
    # each of the six label patterns needs what BYLINE_START matches: tried only where it does
    started = BYLINE_START.match(text) is not None
    m = KIND_BYLINE.match(text) if started else None
    if m is not None:  # "Une analyse de France 2", "Un reportage de notre envoyé": no person
        names = parse_names(m["rest"]) if m["rest"][:1].isupper() else []
        return (names, (i,)) if names else None
    m = (AUTHOR_LABEL.match(text) or BYLINE.match(text)) if started else None
    if m is not None:
        if strict and not m["rest"].lstrip()[:1].isupper():
            return None  # in the body: "Por sua causa, Carlos." is a sentence
        names = parse_names(m["rest"], allow_single=True)
        return (names, (i,)) if names else None
    if strict and len(text) > MAX_SHORT_BYLINE:
        return None
    by_alone = started and (BY_ALONE.match(text) is not None or LABEL_ALONE.match(text) is not None)
    if (by_alone or (started and KIND_ALONE.match(text))) and i + 1 < len(texts):
        names = parse_names(texts[i + 1], allow_single=by_alone)  # "By" + "Reuters"
        return more_names(texts, names, [i, i + 1]) if names else None
    if not text.isascii() and (cjk := cjk_byline(texts, i)) is not None:  # CJK labels only
        return cjk
    if not text.isascii() and (m := KO_BYLINE.match(text)) is not None:
        return KO_NAME_SPLIT.split(m["names"]), (i,)
    if len(text) <= MAX_SHORT_BYLINE and (names := name_then_cue(text)):
        return names, (i,)
    dated = maybe_dated(text)  # else no date: no "A - date", "date A" nor "… date by A" byline
    short = len(text) <= MAX_SHORT_BYLINE and (dated or "@" in text)
    m = NAME_THEN_META.match(text) if short else None
    if m is not None and (m["meta"] == "@" or starts_with_date(text[m.start("meta") :])):
        cue = DATE_CUE.search(m["rest"]) or UPDATE_CUE.search(m["rest"])  # "Publié le 3 mars"
        agency = m["rest"].strip().lower().removeprefix("the ")
        if agency in AGENCY_NAMES:  # "Associated Press Nov 19, 2019"
            above = texts[i - 1] if i > 0 else ""
            if 2 <= len(above.split()) <= 4 and (person := parse_names(above)):
                return person, (i - 1, i)  # "Ann Lee" above it: the agency is her employer
            return [m["rest"].strip().removeprefix("The ").removeprefix("the ")], (i,)
        names = [] if cue else parse_names(m["rest"], allow_single=m["rest"].lower() in AGENCIES)
        if names:
            return names, (i,)
    if dated and (found := date_then_name(text)) is not None:
        return found, (i,)
    # "Posted on January 12, 2025 by Mira Okafor": no name before the date, one after "by"
    m = BY_INSIDE.search(text) if dated else None
    if m is not None and find_dates(text):
        names = parse_names(m["rest"], allow_single=True)
        return (names, (i,)) if names else None
    return None


def printed_date_plain(
    texts: Sequence[str],
    byline: Sequence[int],
    title_at: int | None,
    first: int,
    url: str | None = None,
) -> tuple[str, bool] | None:
    """article.printed_date as it was: every line's dates found first."""
    order: list[int] = list(byline)
    for center in [*byline, *([title_at] if title_at is not None else [])]:
        for d in range(1, DATE_WINDOW + 1):
            order.extend((center + d, center - d))
    order.extend(range(first - 1, max(-1, first - 1 - BYLINE_WINDOW), -1))
    n = len(texts)
    lines = [i for i in dict.fromkeys(order) if 0 <= i < n and len(texts[i]) <= MAX_META_CHARS]
    printed: dict[int, list[FoundDate]] = {}
    for i in lines:
        text = texts[i]  # maybe_dated(text), inline: most lines hold no date
        printed[i] = find_dates(text) if "19" in text or "20" in text or "/" in text else []
    found = dict(printed)
    whole: list[FoundDate] | None = None  # the dates of the whole page, once
    for i in lines:  # "Monday 5:30PM" next to the byline: a date of the last week
        text = texts[i]
        if not found[i] and (":" in text or "." in text) and WEEKDAY_TIME.match(text):
            if whole is None:
                whole = find_dates("\n".join(texts))
            when = weekday_date(texts, text, whole)
            found[i] = [FoundDate(when, 0, len(text))] if when is not None else []
    dated = [i for i in lines if found[i]]
    date_lines = [  # a line that is mostly its date first: not a caption's "Tuesday, Nov. 19"
        i
        for i in dated
        if mostly_date(texts[i], found[i], DATE_LINE_WORDS) and not listed_date(texts, i)
    ]
    if date_lines:
        near = [i for i in date_lines if abs(i - date_lines[0]) <= HEAD_DATE_LINES]
        picked = [published_of(texts[i], found[i]) for i in near]
        # the nearest, unless it is an update date and a line next to it says when the story
        # was published ("수정 2026.11.27 14:02" under "입력 2026.11.27 10:30")
        return next((p for p in picked if not p[1]), picked[0])
    for i in dated:
        if not listed_date(texts, i):
            return published_of(texts[i], found[i])
    years = Counter(int(d.iso[:4]) for i in lines for d in printed[i])
    if not years and (m := URL_YEAR.search(url or "")) is not None:
        years[int(m[1])] += 1  # a byline printing no year: the year in the URL
    if (
        not years
        and not any(
            ":" in (text := with_time_parts(texts, i)) and YEARLESS.search(text) for i in lines
        )
        and date_line(texts, title_at, first) is None
    ):
        return None  # no line to date with the page's year, and none holds a date alone
    if not years:  # ... else the years printed anywhere on the page
        if whole is None:
            whole = find_dates("\n".join(texts))
        years = Counter(int(d.iso[:4]) for d in whole)
    if not years:  # ... else the copyright's (last) year: the year the page was served
        years = Counter(copyright_years(texts))
    if not years:
        return None
    year = years.most_common(1)[0][0]  # ... the page's usual year
    for i in lines:
        text = with_time_parts(texts, i)
        dates = find_yearless(text, year)
        if dates:
            return published_of(text, dates)
    return date_line(texts, title_at, first)


LINES = [
    "Ann Lee - Nov 19, 2019", "Associated Press Nov 19, 2019", "Ann Lee", "Tom Davies",
    "Nov 19, 2019", "November 20", "15:23", "2019", "Monday 5:30PM", "Tuesday 10:42",
    "Updated Nov 13, 2019", "Published Nov 12, 2019", "Updated 2019-11-13 Published 2019-11-12",
    "19/11/2019", "11/19/19", "By Ann Lee", "Ann Lee @annlee", "@annlee", "Publié le 3 mars 2019",
    "Ann Lee, Publié le 3 mars 2019", "The Associated Press 20 Nov 2019", "Reuters 2019-11-20",
    "Council votes to rebuild the old river bridge", "Mayor backs the plan", "© 2005-2019 Example",
    "Nov. 20, 2019, 9:28 AM UTC", "Posted on January 12, 2025 by Mira Okafor",
    "수정 2026.11.27 14:02", "입력 2026.11.27 10:30", "2 hours ago",
    "13/06/2014 Ann Lee All, Books", "Ann Lee Nov 19", "Thu 2019 Ann", "the river rose", "",
    "Sun 20:00", "Sat 19 Nov 2019 06:56 AM",
]  # fmt: skip
TEXTS = st.one_of(
    st.sampled_from(LINES),
    st.lists(st.sampled_from(LINES), min_size=2, max_size=3).map(" ".join),
    st.text(alphabet="AaNn 0129/:-.,@MondayNov", max_size=30),
)
PAGES = st.lists(TEXTS, min_size=1, max_size=14)


@settings(max_examples=3000, deadline=None)
@given(PAGES, st.data(), st.sampled_from([None, "https://example.org/2019/11/20/story"]))
def test_printed_date_is_plain(texts: list[str], data: st.DataObject, url: str | None) -> None:
    n = len(texts)
    first = data.draw(st.integers(0, n))
    byline = data.draw(st.lists(st.integers(0, n - 1), max_size=2, unique=True))
    title_at = data.draw(st.one_of(st.none(), st.integers(0, n - 1)))
    want = printed_date_plain(texts, byline, title_at, first, url)
    assert printed_date(texts, byline, title_at, first, url) == want


@settings(max_examples=3000, deadline=None)
@given(PAGES, st.data(), st.booleans())
def test_byline_at_is_plain(texts: list[str], data: st.DataObject, strict: bool) -> None:
    i = data.draw(st.integers(0, len(texts) - 1))
    assert _byline_at(texts, i, strict) == byline_at_plain(texts, i, strict)


def test_printed_date_cases() -> None:
    texts = ["Council votes to rebuild the bridge", "Ann Lee", "Nov 19, 2019", "The river rose."]
    assert printed_date(texts, (1,), 0, 3) == ("2019-11-19", False)
    texts = ["Council votes", "Updated Nov 13, 2019", "Published Nov 12, 2019", "Text."]
    assert printed_date(texts, (), 0, 3) == ("2019-11-12", False)
    assert printed_date(["Headline here", "Monday 5:30PM", "Sat 16 Nov 2019 06:56", "x"], (), 0, 3)


def test_byline_at_cases() -> None:
    texts = ["Ann Lee - Nov 19, 2019", "Nov 19, 2019", "Ann Lee", "Associated Press Nov 19, 2019"]
    assert _byline_at(texts, 0) == (["Ann Lee"], (0,))
    assert _byline_at(texts, 1) is None
    assert _byline_at(texts, 3) == (["Ann Lee"], (2, 3))
    assert _byline_at(["Ann Lee @annlee"], 0) == (["Ann Lee"], (0,))
    assert _byline_at(["Publié le 3 mars 2019"], 0) is None
