"""pipeline.analyse's stories made in order in one compiled call (_feed.page_stories) are the
ones its sort gives (the reference: each story made, then sorted by (lines[0], kind !=
"article")), on random feeds; where the items are not in order, or their lines are odd, it
leaves the sort to the caller (None)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F
from newsdump.records import Article, FeedItem, Story

_feed = pytest.importorskip("newsdump._feed")

ARTICLE = Article(title="Council votes", text="One two.")


def reference(items: Sequence[FeedItem], span: tuple[int, int]) -> tuple[Story, ...]:
    found = [Story("article", article=ARTICLE, lines=span)]
    found.extend(Story("feed", feed=item, lines=item.lines) for item in items)
    found.sort(key=lambda s: (s.lines[0], s.kind != "article"))
    return tuple(found)


spans = st.tuples(st.integers(-3, 30), st.integers(-3, 30))
feeds = st.lists(spans, max_size=8).map(
    lambda lines: [FeedItem(title=f"Story {k}", lines=span) for k, span in enumerate(lines)]
)


@given(feeds, spans, st.booleans())
@settings(max_examples=2000, deadline=None)
def test_page_stories_are_the_sorted_ones(
    items: list[FeedItem], span: tuple[int, int], ordered: bool
) -> None:
    if ordered:
        items = sorted(items, key=lambda item: item.lines[0])
    got = F.page_stories(items, ARTICLE, span)
    if got is None:
        assert any(a.lines[0] > b.lines[0] for a, b in pairwise(items))
    else:
        assert got == reference(items, span)
        assert [type(s) for s in got] == [Story] * len(got)


def test_page_stories_exact() -> None:
    a, b, c = (FeedItem(title=t, lines=(k, k)) for t, k in (("A", 1), ("B", 5), ("C", 5)))
    got = F.page_stories([a, b, c], ARTICLE, (5, 9))
    assert got is not None
    assert [(s.kind, s.lines) for s in got] == [
        ("feed", (1, 1)),
        ("article", (5, 9)),
        ("feed", (5, 5)),
        ("feed", (5, 5)),
    ]
    assert got[1].article is ARTICLE and got[2].feed is b and got[3].feed is c
    assert F.page_stories([], ARTICLE, (0, 0)) == (Story("article", article=ARTICLE, lines=(0, 0)),)
    assert F.page_stories([b, a], ARTICLE, (5, 9)) is None  # (not in order)
    odd = FeedItem(title="D", lines=[1, 2])  # type: ignore[arg-type]
    assert F.page_stories([odd], ARTICLE, (5, 9)) is None
    assert F.page_stories([a], ARTICLE, (2**70, 0)) is None
