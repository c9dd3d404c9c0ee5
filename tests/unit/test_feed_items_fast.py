"""The speed-ups of find_feed's item loop and what `split` pays after it change nothing: each
fast version against its plain one (the code as it was, below, names prefixed with plain_), on
random input built from tricky pieces."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F
from newsdump.document import Block, Label, LabelledBlock
from newsdump.feed import (
    ALTERNATING_MIN_BLOCKS,
    COMMENT_AFTER,
    COMMENT_INTRO,
    HEAD_MAX_BLOCKS,
    NAME_WORD,
    RELATIVE_TIME,
)
from newsdump.records import Article, FeedItem, PageInfo, Story

# The plain versions: the code as it was before the speed-ups.


def plain_times_below(
    titles: Sequence[bool], whens: Sequence[bool], texts: Sequence[str] = ()
) -> frozenset[int]:
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(titles):
        if not (titles[k] or whens[k]):
            k += 1
            continue
        start = k
        while (
            k + 1 < len(titles) and (titles[k + 1] or whens[k + 1]) and (titles[k + 1] != titles[k])
        ):
            k += 1
        if k - start + 1 >= ALTERNATING_MIN_BLOCKS:
            runs.append((start, k))
        k += 1
    sides = [
        "below" if titles[a] and whens[b] else "above" if whens[a] and titles[b] else None
        for a, b in runs
    ]
    decided = {side for side in sides if side is not None}
    page_side = decided.pop() if len(decided) == 1 else "above"
    if len(decided) != 1 and texts:
        sides = [
            side or F.stray_last(titles, texts, a, b)
            for (a, b), side in zip(runs, sides, strict=True)
        ]
    return frozenset(
        t
        for (a, b), side in zip(runs, sides, strict=True)
        if (side or page_side) == "below"
        for t in range(a, b + 1)
        if whens[t]
    )


def plain_article_head(
    labelled: Sequence[LabelledBlock], used: frozenset[int], page_title: str | None
) -> tuple[int, int]:
    if not page_title:
        return -1, -1
    for at, lb in enumerate(labelled):
        if lb.block.index in used and lb.block.text.strip() == page_title.strip():
            body = next(
                (k for k in range(at + 1, len(labelled)) if labelled[k].label is Label.ARTICLE),
                None,
            )
            if body is not None and body - at <= HEAD_MAX_BLOCKS:
                return at, body
            break
    return -1, -1


def plain_is_comment(texts: Sequence[str], first: int, last: int) -> bool:
    before = texts[first - 1] if first > 0 else ""
    after = texts[last + 1 : last + 3]
    return bool(
        COMMENT_INTRO.match(before)
        or COMMENT_AFTER.match(before)
        or any(COMMENT_AFTER.match(text) for text in after)
    )


def plain_is_stamp(text: str) -> bool:
    if not F.has_digit(text):
        return False
    words = text.split()
    for k in (1, 2):
        if len(words) <= k or not all(NAME_WORD.fullmatch(w) for w in words[:k]):
            break
        if F.is_time_stamp(" ".join(words[k:])):
            return True
    return False


def plain_is_furniture(
    labelled: Sequence[LabelledBlock], texts: Sequence[str], first: int, last: int, item: FeedItem
) -> bool:
    title = item.title
    if plain_is_stamp(title):
        return True
    if item.time is not None and title.endswith(F.COMMENT_STOPS) and plain_is_stamp(item.time):
        return True
    if F.is_lines_comment(texts, first, item):
        return True
    if F.ISSUE.search(title) or F.IMPRINT.match(title) or F.SHARE_BAR.match(title):
        return True
    low = title.lower()
    if F.FOLLOW_US.search(low):
        return True
    if labelled[first].reason == "story_end" and (
        first == 0 or labelled[first - 1].reason not in ("story_end", "caption")
    ):
        return True
    above = (texts[first - 1] if first > 0 else "").lower()
    below = (texts[last + 1] if last + 1 < len(texts) else "").lower()
    return F.SIGN_UP.search(above) is not None and F.SIGN_UP.search(below) is not None


def plain_story_record(info: PageInfo, index: int, story: Story) -> dict[str, object]:
    head: dict[str, object] = {
        "doc": info.id,
        "source": info.source,
        "index": index,
        "kind": story.kind,
    }
    if story.article is not None:
        return {**head, **info.article_record(story.article)}
    if story.feed is not None:
        return {**head, **story.feed.to_dict()}
    return {**head, "text": story.text}


# times_below


@given(st.lists(st.tuples(st.booleans(), st.booleans()), max_size=16), st.booleans())
@settings(max_examples=2000, deadline=None)
def test_times_below_is_the_plain_one(marks: list[tuple[bool, bool]], with_texts: bool) -> None:
    titles = [t for t, _ in marks]
    whens = [w for _, w in marks]
    texts = [("word " * (1 + k % 5)).strip() for k in range(len(marks))] if with_texts else []
    assert F.times_below(titles, whens, texts) == plain_times_below(titles, whens, texts)


def test_times_below_of_an_alternating_list() -> None:
    titles = [False, True, False, True, False, False, True, False]
    whens = [False, False, True, False, True, False, False, True]
    assert F.times_below(titles, whens) == frozenset({2, 4})


# article_head

REASONS = ["model", "caption", "dateline", "story_end"]
HEAD_TEXTS = ["Council votes", " Council votes ", "Council votes\n", "Ferry fares rise", "", " "]


@given(
    st.lists(
        st.tuples(st.sampled_from(HEAD_TEXTS), st.sampled_from(list(Label))),
        max_size=14,
    ),
    st.sets(st.integers(0, 14)),
    st.sampled_from([None, "", "Council votes", " Council votes", "Ferry fares rise", "Other"]),
)
@settings(max_examples=2000, deadline=None)
def test_article_head_is_the_plain_one(
    page: list[tuple[str, Label]], used: set[int], title: str | None
) -> None:
    labelled = [
        LabelledBlock(Block(i, text, (i, i)), label, 0.5, "model")
        for i, (text, label) in enumerate(page)
    ]
    texts = [lb.block.text.strip() for lb in labelled]
    assert F.article_head(labelled, frozenset(used), title, texts) == plain_article_head(
        labelled, frozenset(used), title
    )


# is_comment, is_stamp, is_furniture

COMMENT_PIECES = [
    "Reply", "reply (3)", "Antworten", "Rating: 4", "Ann says:", "Ann Lee wrote:", "林小北说：",
    "Ann", "Ann Lee", "gość", "Radler_MR", "27.11.2026, 11:05", "vor 2 Stunden", "2 hours ago",
    "Hace 3 días", "il y a 5 minutes", "İl y a 5 min", "2026-11-27 10:05", "3小时前", "3시간 전",
    "Council votes to rebuild the bridge.", "Subscribe to our newsletter", "Follow us",
    "Issue No. 12/2026",
    "Publisher: Ann Lee", "Share on: X", "ſays:", "", " ", "\n", ":", "2019",
]  # fmt: skip
comment_lines = st.lists(
    st.sampled_from(COMMENT_PIECES) | st.text(alphabet="aAvVhHiIİı0123 .:-\n", max_size=6),
    min_size=1,
    max_size=3,
).map(" ".join)


@given(st.lists(comment_lines, min_size=1, max_size=6), st.data())
@settings(max_examples=2000, deadline=None)
def test_is_comment_is_the_plain_one(texts: list[str], data: st.DataObject) -> None:
    first = data.draw(st.integers(0, len(texts) - 1))
    last = data.draw(st.integers(first, len(texts) - 1))
    assert F.is_comment(texts, first, last) == plain_is_comment(texts, first, last)


@given(comment_lines)
@settings(max_examples=3000, deadline=None)
def test_is_stamp_is_the_plain_one(text: str) -> None:
    assert F.is_stamp(text) == plain_is_stamp(text)


def test_a_stamp_needs_a_name_then_a_time() -> None:
    assert F.is_stamp("Ann Lee 27.11.2026, 11:05")
    assert F.is_stamp("Radler_MR vor 2 Stunden")
    assert F.is_stamp("gość il y a 5 minutes")
    assert not F.is_stamp("Ann Lee wrote 27.11.2026, 11:05")
    assert not F.is_stamp("Council votes 2019")


def test_what_a_time_stamp_starts_with_is_every_case_of_it() -> None:
    """RELATIVE_TIME's branches that start with a letter start with "vor", "il y a", "hace" or
    "há": every character IGNORECASE pairs with their first letters is in STAMP_FIRST."""
    for code in range(0x110000):
        char = chr(code)
        if any(re.fullmatch(letter, char, re.IGNORECASE) for letter in "vih"):
            assert char in F.STAMP_FIRST, hex(code)
    for text in ("vor 2 Stunden", "Hace 3 días", "il y a 5 minutes", "Há 2 horas"):
        assert RELATIVE_TIME.fullmatch(text) and text[0] in F.STAMP_FIRST


@given(
    st.lists(comment_lines, min_size=1, max_size=6),
    comment_lines,
    st.none() | comment_lines,
    st.lists(st.sampled_from(REASONS), min_size=6, max_size=6),
    st.data(),
)
@settings(max_examples=2000, deadline=None)
def test_is_furniture_is_the_plain_one(
    texts: list[str], title: str, time: str | None, reasons: list[str], data: st.DataObject
) -> None:
    first = data.draw(st.integers(0, len(texts) - 1))
    last = data.draw(st.integers(first, len(texts) - 1))
    labelled = [
        LabelledBlock(Block(i, text, (i, i)), Label.BOILERPLATE, 0.5, reasons[i])
        for i, text in enumerate(texts)
    ]
    item = FeedItem(title=title, time=time)
    assert F.is_furniture(labelled, texts, first, last, item) == plain_is_furniture(
        labelled, texts, first, last, item
    )


# records

INFO = PageInfo(id="doc1", source="examples/a.txt", url="https://x.example/a")
STORIES = [
    Story("article", article=Article(title="Council votes", text="One two.")),
    Story("feed", feed=FeedItem(title="Ferry fares rise", time="5:56 PM", key="k")),
    Story("boilerplate", text="Subscribe", lines=(3, 4)),
    Story("article"),
]


@pytest.mark.parametrize("story", STORIES)
def test_story_records_are_the_plain_ones_in_the_same_order(story: Story) -> None:
    record = INFO.story_record(7, story)
    plain = plain_story_record(INFO, 7, story)
    assert list(record.items()) == list(plain.items())


# in_list


def plain_in_list(
    texts: Sequence[str], free: Sequence[bool], titles: Sequence[bool], j: int
) -> bool:
    if not F.listable(texts[j], F.LIST_TITLE_MIN_WORDS):
        return False
    for step in (-1, 1):
        k = j + step
        while 0 <= k < len(texts) and abs(k - j) <= F.LIST_REACH and free[k]:
            if titles[k] and F.listable(texts[k], F.LIST_TITLE_MIN_WORDS - 1):
                return True
            if not F.is_glue(texts[k]):
                break
            k += step
    return False


LIST_LINES = [
    "Council votes to rebuild the old bridge", "Ferry fares rise again across the bay.",
    "Pilots warn of fog", "By Ann Lee", "5:56 PM", "2 hours ago", "3 comments", "example.org",
    "IT'S NOT EASY EATING GREEN", "Posted 27 November 2026 at noon",
    "北京市政府公布明年民生实事项目",
    "Long line of prose that is not glue and goes on for a while here", "", "Read more",
]  # fmt: skip


@given(
    st.lists(
        st.tuples(st.sampled_from(LIST_LINES) | comment_lines, st.booleans(), st.booleans()),
        min_size=1,
        max_size=10,
    ),
    st.data(),
)
@settings(max_examples=2000, deadline=None)
def test_in_list_is_the_plain_one(page: list[tuple[str, bool, bool]], data: st.DataObject) -> None:
    texts = [t for t, _, _ in page]
    free = [f for _, f, _ in page]
    titles = [t for _, _, t in page]
    j = data.draw(st.integers(0, len(texts) - 1))
    counts = [F.word_count(text) for text in texts]
    plain = plain_in_list(texts, free, titles, j)
    assert F.in_list(texts, free, titles, j, counts) == plain
    assert F.in_list(texts, free, titles, j) == plain


# same_list, list_label


def plain_same_list(texts: Sequence[str], last: int, first: int) -> bool:
    between = texts[last + 1 : first]
    return first - last <= F.LIST_REACH + 1 and not any(t.endswith((":", "：")) for t in between)


def plain_list_label(texts: Sequence[str], free: Sequence[bool], first: int) -> str | None:
    ads: list[str] = []
    k = first - 1
    while k >= 0 and first - k <= F.LABEL_SCAN and free[k]:
        text = texts[k]
        if text.endswith((":", "：")):
            return text
        if F.word_count(text) > F.KICKER_MAX_WORDS:
            break
        if F.word_count(text) <= F.GLUE_MAX_WORDS and F.AD_LABEL.search(text):
            ads.append(text)
        elif k == first - 1:
            ads = [""]
        k -= 1
    return ads[0] if len(ads) >= F.AD_LABELS_MIN and ads[0] else None


LABEL_LINES = [
    "Sponsored", "Paid partner", "Partner offers", "Advertisement", "Anzeige", "广告",
    "Read more:", "What you will need:", "Related stories：", "Council votes to rebuild the bridge",
    "Pilots warn of fog", "A very long line of prose that is no label and goes on and on here",
    "", "Werbung von uns", "ſponsored",
]  # fmt: skip


@given(
    st.lists(
        st.tuples(st.sampled_from(LABEL_LINES) | comment_lines, st.booleans()),
        min_size=1,
        max_size=12,
    ),
    st.data(),
)
@settings(max_examples=2000, deadline=None)
def test_list_label_and_same_list_are_the_plain_ones(
    page: list[tuple[str, bool]], data: st.DataObject
) -> None:
    texts = [t for t, _ in page]
    free = [f for _, f in page]
    first = data.draw(st.integers(0, len(texts) - 1))
    assert F.list_label(texts, free, first) == plain_list_label(texts, free, first)
    last = data.draw(st.integers(0, first))
    assert F.same_list(texts, last, first) == plain_same_list(texts, last, first)


def test_an_ad_box_needs_two_ad_labels_right_above_it() -> None:
    texts = ["Paid partner", "Sponsored", "Council votes to rebuild the bridge"]
    assert F.list_label(texts, [True] * 3, 2) == "Sponsored"
    texts = ["Paid partner", "Sponsored", "Pilots warn of fog", "Council votes to rebuild"]
    assert F.list_label(texts, [True] * 4, 3) is None
    texts = ["Read more:", "Pilots warn of fog", "Council votes to rebuild"]
    assert F.list_label(texts, [True] * 3, 2) == "Read more:"
