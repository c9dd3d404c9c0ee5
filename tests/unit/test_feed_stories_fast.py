"""_feed.stories (pipeline.analyse's feed stories) against the reference feed._feed_stories:
equal Story objects, field by field, that pickle and compare the same."""

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump import feed
from newsdump.records import FeedItem, Story

_feed = feed._feed
compiled = pytest.mark.skipif(_feed is None, reason="no compiled _feed")

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
maybe = st.one_of(st.none(), texts)
items = st.builds(
    FeedItem,
    title=texts,
    summary=maybe,
    time=maybe,
    published=maybe,
    url=maybe,
    key=texts,
    lines=st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
)


def test_story_fields() -> None:
    assert feed.STORY_FIELDS == ("kind", "article", "feed", "text", "lines")


@compiled
@given(st.lists(items, max_size=20))
def test_stories_as_reference(found: list[FeedItem]) -> None:
    assert feed.STORY_FIELDS is not None and _feed is not None
    fast = _feed.stories(Story, feed.STORY_FIELDS, "feed", found)
    slow = feed._feed_stories(found)
    assert fast == slow == feed.feed_stories(found)
    for a, b in zip(fast, slow, strict=True):
        assert type(a) is Story
        assert (a.kind, a.article, a.feed, a.text, a.lines) == (
            b.kind,
            b.article,
            b.feed,
            b.text,
            b.lines,
        )
        assert a.feed is b.feed and a.lines is b.lines
        assert pickle.loads(pickle.dumps(a)) == b
        assert hash(a) == hash(b)


def test_stories_exact() -> None:
    item = FeedItem("Title", lines=(3, 5))
    assert feed.feed_stories([item]) == [Story("feed", feed=item, lines=(3, 5))]
    assert feed.feed_stories([]) == []


@compiled
def test_stories_errors() -> None:
    assert feed.STORY_FIELDS is not None and _feed is not None
    with pytest.raises(TypeError):
        _feed.stories(Story, ("kind",), "feed", [])  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        _feed.stories(Story, feed.STORY_FIELDS, "feed", [object()])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        _feed.stories(Story, feed.STORY_FIELDS, "feed", 3)  # type: ignore[arg-type]
