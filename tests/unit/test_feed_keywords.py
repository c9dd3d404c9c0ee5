"""feed.story_keywords sorts the title's distinct words longest first, then by the word (two
stable sorts, no key call per word): the same words as a sort by (-len(w), w). feed.strip_ranks
asks rank() only of titles that start with a digit, and returns at once without a rank: the
same items as before."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F
from newsdump.records import FeedItem


def keywords_by_key(other: list[str]) -> list[str]:
    words = sorted(set(other), key=lambda w: (-len(w), w))
    need = min(len(words), math.ceil(F.SAME_STORY_SHARE * F.SAME_STORY_MIN_WORDS))
    return words[: len(words) - need + 1]


@given(st.lists(st.text(alphabet="abAé東\ud800", max_size=4), max_size=14))
@settings(max_examples=2000, deadline=None)
def test_story_keywords_as_sorted_by_length_then_word(other: list[str]) -> None:
    assert F.story_keywords(other) == keywords_by_key(other)


def strip_ranks_reference(
    found: list[tuple[int, int, FeedItem]],
) -> list[tuple[int, int, FeedItem]]:
    """feed.strip_ranks as it was: rank() of every title, the loop over every item."""
    ranks = [F.rank(item.title) for _, _, item in found]
    out = list(found)
    start = 0
    while start < len(found):
        stop = start + 1
        first = ranks[start]
        if first is not None and first[0] <= F.RANK_MAX:
            while (
                stop < len(found)
                and (nxt := ranks[stop]) is not None
                and nxt[0] == first[0] + stop - start
                and found[stop][0] - found[stop - 1][1] <= F.LIST_REACH + 1
            ):
                stop += 1
        if stop - start >= F.RANK_MIN_ITEMS:
            for k in range(start, stop):
                a, b, item = found[k]
                title = ranks[k][1]  # type: ignore[index]
                out[k] = (a, b, replace(item, title=title, key=F.story_key(title)))
        start = stop
    return out


TITLES = [
    "1 Vaud: le pont", "2. Un nouveau pont ici", "3 Hockey: Lausanne gagne", "4) Fin",
    "10 things to know", "Council votes", "٣ Arabic digit first here", "", "2019 was a year",
]  # fmt: skip


@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(TITLES) | st.text(max_size=12))))
@settings(max_examples=2000, deadline=None)
def test_strip_ranks_as_before(steps: list[tuple[int, str]]) -> None:
    found, at = [], 0
    for gap, title in steps:
        at += gap
        found.append((at, at, FeedItem(title=title, key=F.story_key(title))))
        at += 1
    assert F.strip_ranks(found) == strip_ranks_reference(found)
