"""split_date's cheap tests (feed.DATE_LEAD, feed.DATE_TAIL) against find_dates: a line with a
date at its start matches DATE_LEAD, one with a date at its end DATE_TAIL, and split_date with
its cheap tests gives what it gives on find_dates' own dates (the plain path, no cheap test)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed
from newsdump.dates import find_dates

PIECES = [
    "Council", "votes", "to", "rebuild", "the", "old", "bridge", "May", "mar", "März", "Sept.",
    "września", "KWIETNIA", "kwietnia", "ſeptember", "ıanuarie", "января", "ᲀ", "ноября",
    "27", "2026", "1999", "19", "20", "٢٠٢٦", "3", "11", "2026-11-27", "2026/11/27 08:15",
    "2026-11-27T08:32:05", "2026年11月27日", "2026 年 11 月 27 日 10:01", "27.11.2026",
    "27. 11. 2026", "27-11-2026, 08:15", "03.03.2026 um 14:05", "03/03/2026 à 14h05",
    "11/19/19 06:56 AM", "11/13/19 at 4:00 p. m.", "Nov 27, 2026", "27 November 2026",
    "13 de septiembre de 2023", "September 13, 2023 8:32 AM", "3:42 PM EST, Nov 27, 2026",
    "09:14 EST, 27 November 2026", "8.32", "8h32", "12:30:45", "a.m.", "PM", "p. m", "日",
    "–", "-", "|", "·", ",", ":", "：", "(", ")", ".", "/", "\u00a0", "\n", "\t", "\u3000",
]  # fmt: skip
SEPARATORS = [" ", " ", "", "  ", "\n", ", ", ": ", " - ", " | ", "/", "."]
lines = st.lists(
    st.tuples(st.sampled_from(PIECES) | st.text(max_size=3), st.sampled_from(SEPARATORS)),
    max_size=9,
).map(lambda parts: "".join(piece + sep for piece, sep in parts))


@given(lines | st.text(max_size=40))
@settings(max_examples=5000, deadline=None)
def test_a_date_at_the_start_or_end_passes_the_cheap_tests(text: str) -> None:
    dates = find_dates(text)
    end = text.rstrip()
    if dates and dates[0].start == 0:
        assert feed.DATE_LEAD.match(text), text
    if dates and dates[-1].end == len(end):
        assert feed.DATE_TAIL.search(end[-feed.DATE_TAIL_CHARS :]), text
        assert feed.DATE_TAIL.search(end), text


@given(lines | st.text(max_size=40))
@settings(max_examples=5000, deadline=None)
def test_split_date_is_the_plain_verdict(text: str) -> None:
    assert feed.split_date(text) == feed.split_date(text, find_dates(text))


def test_split_date_examples() -> None:
    title = "Council votes to rebuild the old bridge"
    for date in ("27.11.2026", "Nov 27, 2026", "2026-11-27", "27 November 2026"):
        assert feed.split_date(f"{date} {title}") == (date, title)
        assert feed.split_date(f"{title} {date}") == (date, title)
        assert feed.split_date(f"{title} {date}  \n") == (date, title)
    date = "27 November 2026 8:32 p. m."  # (with its time: a dateline in front)
    assert feed.split_date(f"{date} {title}") == (None, f"{date} {title}")
    assert feed.split_date(f"{title} {date}") == (date, title)
    assert feed.split_date(f"The 2026 {title}") == (None, f"The 2026 {title}")
    assert feed.split_date(f"{title} in 2026 again") == (None, f"{title} in 2026 again")
