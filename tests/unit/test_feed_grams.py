"""_feed.c's Grams (the pairs of characters a line holds, searched before a part is): the
compiled headline pass against feed._headlines where the page's own headline shares words with
its lines (own_story: each key searched in a line) in every width of str, and title_verdict
against feed._is_title on lines with the call-to-action marks and credit words (searched in
the lower-cased line)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled line counts were not built (no C compiler)"
)

WORDS = [
    "council", "Council", "votes", "rebuild", "bridge", "brid", "ridge", "cil", "首页新闻",
    "新闻", "财经", "서울", "공원에", "ünïcode", "Ünïcode", "\U0001f600x", "x\U0001f600",
    "getty", "hutter", "©", "下载", "订阅", "photo", "credit", "(", ":", "aa", "a", "ab", "ba",
]  # fmt: skip
line = st.lists(st.sampled_from(WORDS) | st.text(max_size=3), min_size=1, max_size=8).map(" ".join)
STOP = frozenset({"to", "the", "of"})


@given(
    st.lists(line, min_size=1, max_size=8),
    st.lists(st.sampled_from([w.lower() for w in WORDS]) | st.text(max_size=4), max_size=3),
    st.booleans(),
)
@settings(max_examples=1500, deadline=None)
def test_own_story_keys_are_searched_as_python_does(
    texts: list[str], extra: list[str], whole: bool
) -> None:
    own = feed.WORD.findall(texts[0].lower())  # (the page's headline printed again, or near)
    own = own + extra if whole else own[1:] + extra
    free = [True] * len(texts)
    digits = [feed._has_digit(t) for t in texts]
    words = [feed._word_count(t) for t in texts]
    config = feed.Settings(feed_title_min_words=1, feed_title_max_words=30)
    keys = tuple(feed.story_keywords(own))
    try:
        expected = feed._headlines(texts, free, digits, words, config, STOP, True, own, keys)
    except IndexError:
        return  # (an empty headline: test_feed_hints tests that case)
    assert feed.headlines(texts, free, digits, words, config, STOP, True, own) == expected


@given(line)
@settings(max_examples=3000, deadline=None)
def test_verdicts_with_marks_and_credits_are_python_ones(text: str) -> None:
    config = feed.Settings(feed_title_min_words=1, feed_title_max_words=30)
    try:
        expected = feed._is_title(text, config)
    except IndexError:
        return
    assert feed.is_title(text, config) == expected
