"""Dates as pages print them, to ISO 8601 (newsdump.dates: pure, never reads the clock)."""

from __future__ import annotations

import pytest

from newsdump.dates import FoundDate, find_dates, first_date, is_time_line, resolve_time, url_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("by Ann Example November 18, 2025 6:40 PM 4 min read", "2025-11-18T18:40:00"),
        ("2023-09-13T08:32:00", "2023-09-13T08:32:00"),
        ("2023/09/13", "2023-09-13"),
        ("Posted 13 September 2023", "2023-09-13"),
        ("Sept. 13, 2023", "2023-09-13"),
        ("Dec 6 2023 5:56 PM", "2023-12-06T17:56:00"),
        ("January 1, 2024 12:15 AM", "2024-01-01T00:15:00"),
        ("January 12, 2025 at 6:14 pm", "2025-01-12T18:14:00"),
        ("14. März 2025, 09:30 Uhr", "2025-03-14T09:30:00"),
        ("3 mars 2024 à 14h05", "2024-03-03T14:05:00"),
        ("Posted on Maret 30, 2024 by Ann", "2024-03-30"),  # Indonesian
        ("17 Agustus 2024, 10:00", "2024-08-17T10:00:00"),
        ("1 Desember 2024", "2024-12-01"),
        ("13 de septiembre de 2023", "2023-09-13"),
        ("13.09.2023", "2023-09-13"),
        ("09/13/2023", "2023-09-13"),
        ("13/09/2023 8:32", "2023-09-13T08:32:00"),
        ("2023年9月13日 08:32", "2023-09-13T08:32:00"),
        ("Updated: 2024-02-29", "2024-02-29"),
        ("5 May 2024 - 23:59", "2024-05-05T23:59:00"),
    ],
)
def test_first_date(text: str, iso: str) -> None:
    assert first_date(text) == iso


@pytest.mark.parametrize(
    "text", ["no date here", "February 30, 2023", "2023-02-29", "1899-01-01", "2023", ""]
)
def test_no_date(text: str) -> None:
    assert first_date(text) is None
    assert find_dates(text) == []


def test_find_dates_gives_positions_in_order() -> None:
    text = "Published 2024-03-01, updated March 5, 2024 at 10:15 am."
    assert find_dates(text) == [
        FoundDate("2024-03-01", 10, 20),
        FoundDate("2024-03-05T10:15:00", 30, 56),
    ]


@pytest.mark.parametrize(
    ("printed", "page", "iso"),
    [
        ("5:56 PM", "2023-09-13T08:32:00", "2023-09-13T17:56:00"),
        ("5:56 PM", "2023-09-13", "2023-09-13T17:56:00"),
        ("12:05 AM", "2023-09-13", "2023-09-13T00:05:00"),
        ("12:05 PM", "2023-09-13", "2023-09-13T12:05:00"),
        ("17.30", "2023-09-13", "2023-09-13T17:30:00"),
        ("9:15 AM EST", "2023-09-13", "2023-09-13T09:15:00"),
        ("2 hours ago", "2023-09-13T08:32:00", "2023-09-13T06:32:00"),
        ("an hour ago", "2023-09-13T08:32:00", "2023-09-13T07:32:00"),
        ("3 days ago", "2023-09-13T08:32:00", "2023-09-10T08:32:00"),
        ("Sept. 12, 2023", "2023-09-13", "2023-09-12"),
        ("Sept. 12, 2023", None, "2023-09-12"),
        ("Sep 10", "2023-09-13", "2023-09-10"),
    ],
)
def test_resolve_time(printed: str, page: str | None, iso: str) -> None:
    assert resolve_time(printed, page) == iso


@pytest.mark.parametrize(
    ("printed", "page"),
    [
        ("5:56 PM", None),  # nothing to resolve against
        ("2 hours ago", "2023-09-13"),  # the page's date has no time of day
        ("2 months ago", "2023-09-13T08:32:00"),  # months are not a fixed length
        ("25:00", "2023-09-13"),
        ("Feb 30", "2023-09-13"),
        ("5:56 PM", "not a date"),
        ("Read more", "2023-09-13"),
    ],
)
def test_resolve_time_unresolvable(printed: str, page: str | None) -> None:
    assert resolve_time(printed, page) is None


def test_resolve_month_day_takes_the_latest_date_not_after_the_page() -> None:
    # a feed item printed "Dec. 6" on a page published Sept 13, 2023 was from Dec 6, 2022
    assert resolve_time("Dec. 6", "2023-09-13") == "2022-12-06"


@pytest.mark.parametrize(
    "text", ["5:56 PM", "5:56 PM EDT", "2 hours ago", "Dec. 6", "12.30", "September 13, 2023"]
)
def test_time_lines(text: str) -> None:
    assert is_time_line(text)


@pytest.mark.parametrize(
    "text",
    ["Read more", "1 min read", "2023", "10 things", "MORE NEWS", "5:56 PM " + "x" * 30],
)
def test_not_time_lines(text: str) -> None:
    assert not is_time_line(text)


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://x.example/2019/11/19/story", "2019-11-19"),
        ("https://x.example/2019-11-19-story", "2019-11-19"),
        ("https://x.example/news/2019/13/40/x", None),
        ("https://x.example/a", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, iso: str | None) -> None:
    assert url_date(url) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Veröffentlicht am 03.03.2026 um 14:05 Uhr", "2026-03-03T14:05:00"),
        ("Publié le 03/03/2026 à 14h05", "2026-03-03T14:05:00"),
        ("Le 3 mars 2026 à 14h05", "2026-03-03T14:05:00"),
        ("Opublikowano 03.03.2026 o 14:05", "2026-03-03T14:05:00"),
        ("03.03.2026 um halb drei", "2026-03-03"),
    ],
)
def test_a_numeric_date_keeps_its_time_after_a_word(text: str, iso: str) -> None:
    assert first_date(text) == iso


def test_french_times_with_an_h() -> None:
    assert is_time_line("16h32")
    assert resolve_time("16h32", "2026-03-03T14:05:00") == "2026-03-03T16:32:00"
    assert resolve_time("16h32", "2026-03-03") == "2026-03-03T16:32:00"
    assert not is_time_line("16h")
