"""find_feed's comment filter and drop_labelled_lists in one compiled call each
(_feed.drop_comments, _feed.drop_lists) keep exactly what their Python references keep, on
random pages built from tricky pieces (labels, ad boxes, enumerations, comments, hostile text,
entries outside the page)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F
from newsdump.records import FeedItem

_feed = pytest.importorskip("newsdump._feed")

PIECES = [
    "Reply", "reply (3)", "Antworten", "Rating: 4", "Ann says:", "Ann Lee wrote:", "林小北说：",
    "Related stories:", "What you will need:", "In the interview he also said this to us:",
    "Sponsored", "Paid Partner", "Partner offers", "Advertisement", "广告", "Anzeige",
    "Council votes to rebuild the bridge", "Ferry fares rise again", "5:56 PM", "Read more",
    "ſays:", "回复", "İ", "K", "\ud800", "😀", "", " ", "\n", ":", "：", "Zgłoś", "x",
    "one two three four five six seven eight nine",
]  # fmt: skip
lines = st.lists(st.sampled_from(PIECES), min_size=1, max_size=2).map(" ".join) | st.text(
    max_size=6
)


@st.composite
def pages(
    draw: st.DrawFn, outside: bool = False
) -> tuple[list[str], list[bool], list[tuple[int, int, FeedItem]]]:
    texts = draw(st.lists(lines, min_size=1, max_size=12))
    n = len(texts)
    free = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    found = []
    at = 0
    for _ in range(draw(st.integers(0, 5))):
        first = draw(st.integers(at, at + 3))
        last = draw(st.integers(first, first + 2))
        if outside:
            first, last = draw(st.integers(-2, n + 1)), draw(st.integers(-3, n + 1))
        elif last >= n:
            break
        item = FeedItem(
            title=draw(lines),
            time=draw(st.none() | st.just("5:56 PM")),
            summary=draw(st.none() | st.just("A summary.")),
        )
        found.append((first, last, item))
        at = last + 1
    return texts, free, found


@given(pages())
@settings(max_examples=3000, deadline=None)
def test_compiled_drops_are_the_python_ones(
    page: tuple[list[str], list[bool], list[tuple[int, int, FeedItem]]],
) -> None:
    texts, free, found = page
    words = [F.word_count(t) for t in texts]
    got = _feed.drop_comments(
        texts, found, F.COMMENT_AFTER_PAIRS, F.COMMENT_INTRO.match, F.COMMENT_AFTER.match
    )
    assert got == F._drop_comments(texts, found)
    got = _feed.drop_lists(F.LIST_RULES, found, texts, free, words)
    assert got == F.drop_labelled_lists(found, texts, free)


@given(pages(outside=True))
@settings(max_examples=500, deadline=None)
def test_entries_outside_the_page_go_to_the_reference(
    page: tuple[list[str], list[bool], list[tuple[int, int, FeedItem]]],
) -> None:
    texts, free, found = page
    words = [F.word_count(t) for t in texts]
    n = len(texts)
    got = _feed.drop_comments(
        texts, found, F.COMMENT_AFTER_PAIRS, F.COMMENT_INTRO.match, F.COMMENT_AFTER.match
    )
    if all(0 <= a <= n and b >= -1 for a, b, _ in found):
        assert got == F._drop_comments(texts, found)
    else:
        assert got is None
    got = _feed.drop_lists(F.LIST_RULES, found, texts, free, words)
    if all(0 <= a < n and -1 <= b < n for a, b, _ in found):
        assert got == F.drop_labelled_lists(found, texts, free)
    else:
        assert got is None


def test_what_the_drops_keep() -> None:
    item = FeedItem(title="Ferry fares rise again")
    timed = FeedItem(title="Ferry fares rise again", time="5:56 PM")
    texts = ["Sponsored", "Paid Partner", "Ferry fares rise again", "Ferry fares rise again"]
    words = [F.word_count(t) for t in texts]
    free = [True] * 4
    found = [(2, 2, item), (3, 3, item)]
    assert _feed.drop_lists(F.LIST_RULES, found, texts, free, words) == []  # an ad box
    assert _feed.drop_lists(F.LIST_RULES, found, texts, [False] * 4, words) == found
    needs = ["x", "What you will need:", *texts[2:]]
    assert _feed.drop_lists(F.LIST_RULES, found, needs, free, words) == []
    found_timed = [(2, 2, timed), (3, 3, item)]
    assert _feed.drop_lists(F.LIST_RULES, found_timed, needs, free, words) == found_timed
    comments = ["Ann says:", "Nice post.", "Great", "Next"]
    found = [(1, 1, item), (3, 3, item)]
    rules = (F.COMMENT_AFTER_PAIRS, F.COMMENT_INTRO.match, F.COMMENT_AFTER.match)
    assert _feed.drop_comments(comments, found, *rules) == [(3, 3, item)]
    assert F._drop_comments(comments, found) == [(3, 3, item)]
    replied = [*comments, "Reply"]  # ("Reply" under the item's next line)
    assert _feed.drop_comments(replied, found, *rules) == []
    assert _feed.drop_comments(replied, found, *rules[:2], lambda t: None) == [(3, 3, item)]
    lone = ["\ud800", *comments[1:]]
    assert _feed.drop_comments(lone, found, *rules) == found == F._drop_comments(lone, found)
    assert _feed.drop_comments([1, *comments[1:]], found, *rules) is None
