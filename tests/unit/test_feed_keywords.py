"""feed.story_keywords sorts the title's distinct words longest first, then by the word (two
stable sorts, no key call per word): the same words as a sort by (-len(w), w)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F


def keywords_by_key(other: list[str]) -> list[str]:
    words = sorted(set(other), key=lambda w: (-len(w), w))
    need = min(len(words), math.ceil(F.SAME_STORY_SHARE * F.SAME_STORY_MIN_WORDS))
    return words[: len(words) - need + 1]


@given(st.lists(st.text(alphabet="abAé東\ud800", max_size=4), max_size=14))
@settings(max_examples=2000, deadline=None)
def test_story_keywords_as_sorted_by_length_then_word(other: list[str]) -> None:
    assert F.story_keywords(other) == keywords_by_key(other)
