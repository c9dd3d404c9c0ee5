"""feed.resolve_clock_times: each item's clock time read once (clock_minutes), the same items as
the loop that asked clock_minutes twice (the reference below, as it was)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F
from newsdump.dates import clock_minutes
from newsdump.records import FeedItem


def reference(
    found: Sequence[tuple[int, int, FeedItem]], page_published: str | None
) -> list[FeedItem]:
    items = [item for _, _, item in found]
    try:
        base = datetime.fromisoformat(page_published) if page_published else None
    except ValueError:
        base = None
    if base is None or "T" not in (page_published or ""):
        return items
    now = base.hour * 60 + base.minute
    out: list[FeedItem] = []
    start = 0
    while start < len(items):
        stop = start
        while stop < len(items) and (
            items[stop].time and clock_minutes(items[stop].time) is not None
        ):
            stop += 1
        if stop == start:
            out.append(items[start])
            start += 1
            continue
        run = items[start:stop]
        mins = [m for m in (clock_minutes(item.time) for item in run) if m is not None]
        days = F.run_days(mins, now)
        for item, minutes, day in zip(run, mins, days, strict=True):
            when = None
            if day is not None:
                moment = base.replace(hour=minutes // 60, minute=minutes % 60, second=0)
                when = (moment - timedelta(days=day)).isoformat()
            out.append(replace(item, published=when))
        start = stop
    return out


TIMES = st.sampled_from(
    [None, "", "5:56 PM", "8:40 AM", "4:12 PM", "12:05 am", "25:10", "23:59", "0:01",
     "2 hours ago", "Dec. 6", " 9:15 AM ", "9.15", "noon"]
)  # fmt: skip
PUBLISHED = st.sampled_from(
    [None, "", "2024-05-03", "2024-05-03T09:15:00", "2024-05-03T23:00:00+02:00", "bad T"]
)


def test_exact_cases() -> None:
    a = FeedItem(title="A", time="8:40 AM", published="x")
    b = FeedItem(title="B", time="5:56 PM")
    c = FeedItem(title="C")
    found = [(0, 0, a), (1, 1, b), (2, 2, c)]
    got = F.resolve_clock_times(found, "2024-05-03T09:15:00")
    assert [i.published for i in got] == ["2024-05-03T08:40:00", None, None]
    assert got[2] is c
    assert F.resolve_clock_times([(0, 0, c)], "2024-05-03T09:15:00") == [c]
    assert F.resolve_clock_times(found, "2024-05-03") == [a, b, c]
    assert F.resolve_clock_times([], "2024-05-03T09:15:00") == []


@settings(max_examples=400, deadline=None)
@given(st.lists(TIMES, max_size=8), PUBLISHED)
def test_as_the_reference(times: list[str | None], published: str | None) -> None:
    found = [(k, k, FeedItem(title=f"t{k}", time=t)) for k, t in enumerate(times)]
    assert F.resolve_clock_times(found, published) == reference(found, published)
