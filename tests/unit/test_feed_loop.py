"""find_feed's compiled item loop (newsdump/_feed.c `items`) against its Python reference
(feed._items): the same items, in the same order, with the same FeedItems, on random pages of
feed-like lines (headlines, times printed every way, dates, summaries, bylines, menu words,
labels, links, wide scripts, empty lines, lone surrogates); the compiled story_key against
feed.story_key; and odd arguments raise, never crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F
from newsdump.document import Block, Label, LabelledBlock
from newsdump.lang import detect_language
from newsdump.records import FeedItem
from newsdump.revise import NOT_STORIES
from newsdump.settings import Settings

pytestmark = pytest.mark.skipif(
    F._feed is None, reason="the compiled item loop was not built (no C compiler)"
)

SETTINGS = Settings()

LINES = [
    "Council votes to expand the ferry service to the outer islands",
    "Council votes to expand the ferry service to the outer islands.",
    "Harbour Board Names New Chief After Long Search For A Leader",
    "Why the old mill by the river still draws crowds every summer",
    "Stadtwerke erhöhen die Preise für Fernwärme im kommenden Jahr",
    "Nowy park powstanie przy ulicy Długiej do końca roku",
    "市政府公布明年民生实事项目 涉及教育医疗养老",
    "도심 공원에 야간 조명 설치 주민들 환영",
    "The ferry will run twice a day from May, the council said on Tuesday, and fares stay low.",
    "A short dek under the headline that ends with a full stop and goes on for a while.",
    "Residents packed the hall. Most of them wanted to know when the boats would run again",
    "2 hours ago", "an hour ago", "5 min ago", "14:05", "5:56 PM", "Nov. 18, 2019",
    "November 18, 2019 at 2:01 pm", "27.11.2026", "2026-11-27", "Dec. 6", "vor 2 Stunden",
    "Published 11:11 PM EST Nov 19, 2019", "27.11.2026 Stadtwerke erhöhen die Preise heute",
    "Die Schuldenbremse ist kein Dogma mehr 26. November 2026", "12 comments",
    "By Ann Lee", "by Ann Lee and Bob Stone", "example.org Food", "3 diggs example.org Food",
    "Read more:", "Related stories:", "相关阅读：", "Czytaj także: Nowy park przy Długiej",
    "Read more Council votes to expand the ferry service to islands", "Most popular",
    "Home News Sport Weather Business Culture", "Subscribe to our newsletter",
    "Sponsored", "1", "2.", "Advertisement", "Photo: Ann Lee", "Reply", "Ann says:",
    "", " ", "\ud800", "a\udfff b", "İstanbul'da yeni köprü açıldı bu hafta", "K", "ſ",
    "14:05 Airline signs a deal for twenty new planes", "• Council votes on the ferry plan again",
    "東京", "ニュース速報 東京で大雨警報が発表されました", "٣ ferries", "Ⅻ", "…", "»",
]  # fmt: skip
PIECES = ["Council", "votes", "ferry", "ago", "AGO", "2019", "5:56", "by", ":", "。", ".", " "]
SUMMARIES = [
    "The ferry will run twice a day from May, the council said, and the fares will stay low.",
    "Officials said the new service would start in spring and run until the end of October",
    "Der Stadtrat hat am Dienstag beschlossen, die Fähre ab Mai zweimal täglich fahren zu lassen.",
    "Subscribe to our newsletter to get the best stories of the week in your inbox every Friday.",
    "Taxes rise. These maps show where the money goes and who pays the most for it this year!",
]
lines = st.one_of(
    st.sampled_from(LINES),
    st.sampled_from(LINES[:12] + SUMMARIES),  # (headlines and summaries more often)
    st.sampled_from(LINES[11:40]),  # (times, dates, bylines, labels)
    st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=8).map(" ".join),
)
REASONS = ["model", "caption", "dateline", "short_between_articles", "far_tail", "story_end"]
pages = st.lists(
    st.tuples(
        lines,
        st.sampled_from([Label.FEED_ITEM] * 4 + [Label.BOILERPLATE, Label.ARTICLE]),
        st.sampled_from(["model"] * 4 + REASONS),
    ),
    max_size=30,
)
published = st.sampled_from([None, "2026-11-27", "2026-11-27T09:15:00", "not a date"])


def labelled_page(page: list[tuple[str, Label, str]]) -> list[LabelledBlock]:
    return [
        LabelledBlock(Block(i, text, (2 * i, 2 * i + 1)), label, 0.5, reason)
        for i, (text, label, reason) in enumerate(page)
    ]


def both(
    labelled: list[LabelledBlock], used: frozenset[int], page_published: str | None
) -> tuple[list[tuple[int, int, FeedItem]], list[tuple[int, int, FeedItem]]]:
    """The compiled loop's items and the reference's, on find_feed's own lines and headlines."""
    texts, free, digits, words = F._feed.lines(labelled, used, NOT_STORIES, Label.ARTICLE)
    lang = detect_language("\n".join(lb.block.text for lb in labelled))
    sentence_case = lang.code in F.SENTENCE_CASE_LANGS
    stop = (
        F.top_stopwords(lang.code, F.MENU_STOPWORDS)
        if sentence_case
        else F.stopwords_for(lang.code)
    )
    heads, titles = F.headlines(texts, free, digits, words, SETTINGS, stop, sentence_case, [])
    args = (labelled, texts, free, digits, words, heads, titles, page_published)
    fast = F._feed.items(F.ITEM_RULES, *args, SETTINGS.feed_summary_max_words)
    plain = F._items(*args, SETTINGS)
    return fast, plain


@given(pages, st.sets(st.integers(0, 30)), published)
@settings(max_examples=1500, deadline=None)
def test_items_are_the_python_ones(
    page: list[tuple[str, Label, str]], used: set[int], page_published: str | None
) -> None:
    fast, plain = both(labelled_page(page), frozenset(used), page_published)
    assert fast == plain
    assert [repr(item) for _, _, item in fast] == [repr(item) for _, _, item in plain]


def test_items_of_a_feed_with_times_summaries_and_a_list() -> None:
    page = [("Latest news", Label.BOILERPLATE, "model")] + [
        (text, Label.FEED_ITEM, "model")
        for text in (
            "Council votes to expand the ferry service to the outer islands",
            "2 hours ago",
            "Harbour board names a new chief after a long search",
            "5 hours ago",
            "Why the old mill by the river still draws crowds every summer",
            "The mill was built in 1820 and still grinds flour for the bakeries in town.",
        )
    ]
    fast, plain = both(labelled_page(page), frozenset(), "2026-11-27T09:15:00")
    assert fast == plain
    # (headline, time, headline, time, headline: the run starts and ends with a headline, the
    # last no shorter than the others, so its times stand above their headlines; the first
    # headline has none and stands in the list)
    assert [(i, end, item.time, item.summary is not None) for i, end, item in fast] == [
        (1, 1, None, False),
        (2, 3, "2 hours ago", False),
        (4, 6, "5 hours ago", True),
    ]
    assert fast[1][2].published == "2026-11-27T07:15:00"
    assert fast[1][2].lines == (4, 7)
    assert fast[0][2].key == F._story_key(fast[0][2].title)


def test_find_feed_is_the_same_with_the_python_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    article = [
        "Council votes to expand the ferry service to the outer islands",
        "The council voted on Tuesday to run the ferry twice a day from May on.",
    ]
    feed = [
        "Related stories:",
        "Harbour board names a new chief after a long search",
        "Why the old mill by the river still draws crowds every summer",
        "14:05",
        "Stadtwerke erhöhen die Preise für Fernwärme im kommenden Jahr",
    ]
    page = labelled_page(
        [(text, Label.ARTICLE, "model") for text in article]
        + [(text, Label.FEED_ITEM, "model") for text in feed]
    )
    args = (page, frozenset({0}), "2026-11-27T09:15:00", SETTINGS, page[0].block.text)
    fast = F.find_feed(*args)
    monkeypatch.setattr(F, "_feed", None)
    assert F.find_feed(*args) == fast
    assert [item.title for item in fast] == [
        "Harbour board names a new chief after a long search",
        "Why the old mill by the river still draws crowds every summer",
        "Stadtwerke erhöhen die Preise für Fernwärme im kommenden Jahr",
    ]


def test_the_loop_sets_feed_items_as_their_init_does() -> None:
    assert F.ITEM_FIELDS is not None  # (the fast path is taken: FeedItem is as it expects)
    rules = list(F.ITEM_RULES)
    rules[F.ITEM_RULES.index(F.ITEM_FIELDS)] = None  # (FeedItem called)
    page = labelled_page([(t, Label.FEED_ITEM, "model") for t in LINES])
    texts, free, digits, words = F._feed.lines(page, frozenset(), NOT_STORIES, Label.ARTICLE)
    heads, titles = F.headlines(texts, free, digits, words, SETTINGS, frozenset(), False, [])
    args = (page, texts, free, digits, words, heads, titles, "2026-11-27", 60)
    made = F._feed.items(F.ITEM_RULES, *args)
    called = F._feed.items(tuple(rules), *args)
    assert made and made == called
    for (_, _, a), (_, _, b) in zip(made, called, strict=True):
        assert type(a) is FeedItem and hash(a) == hash(b) and a.url is None
        with pytest.raises(AttributeError):
            a.title = "changed"  # type: ignore[misc]


@given(lines | st.text())
@settings(max_examples=2000, deadline=None)
def test_story_key_is_the_python_one(title: str) -> None:
    assert F._feed.story_key(title) == F._story_key(title)


def test_story_key_of_long_and_wide_titles() -> None:
    for title in ["", "é" * 51, "東京 " * 40, "Ὀδυσσεύς ΣΑΣ", "\U0001d400bc_d", "a" * 10_000]:
        assert F._feed.story_key(title) == F._story_key(title)


def test_only_ascii_letters_lower_to_ago() -> None:
    """when()'s cheap test reads text[-3:].lower() == "ago" as the ASCII letters in either case."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if char.lower() in ("a", "g", "o"):
            assert char in "aAgGoO", hex(code)


def test_items_refuses_odd_arguments() -> None:
    page = labelled_page([("Council votes to expand the ferry service", Label.FEED_ITEM, "model")])
    texts, free, digits, words = F._feed.lines(page, frozenset(), NOT_STORIES, Label.ARTICLE)
    heads, titles = F.headlines(texts, free, digits, words, SETTINGS, frozenset(), False, [])
    good = (F.ITEM_RULES, page, texts, free, digits, words, heads, titles, None, 60)
    assert F._feed.items(*good) is not None
    with pytest.raises(TypeError):
        F._feed.items(*good[:-1])
    with pytest.raises(TypeError):
        F._feed.items(F.ITEM_RULES[:-1], *good[1:])
    with pytest.raises(ValueError):
        F._feed.items(*good[:3], [], *good[4:])
    with pytest.raises(TypeError):
        F._feed.items(*good[:2], [1], *good[3:])
    with pytest.raises(TypeError):
        F._feed.items(*good[:6], [], *good[7:])
    with pytest.raises(TypeError):
        F._feed.story_key(b"bytes")


class Shouting(LabelledBlock):
    """A LabelledBlock whose block reads otherwise (its own __getattribute__): lines reads no
    slot of it."""

    __slots__ = ()

    def __getattribute__(self, name: str) -> object:
        value = object.__getattribute__(self, name)
        if name == "block":
            assert isinstance(value, Block)
            return Block(value.index, value.text.upper(), value.lines)
        return value


class Plain:
    """A block and a labelled block without slots (attributes in a dict)."""

    def __init__(self, **attributes: object) -> None:
        self.__dict__.update(attributes)


def test_lines_reads_slots_only_of_the_types_it_knows() -> None:
    """Slots are read by their offsets for the first block's types only, and only where
    PyObject_GetAttr would read them so: the same lines as page_lines either way."""
    plain_block = Plain(index=2, text="\tFerry fares stay low ", lines=(2, 2))
    for first in (
        Shouting(Block(0, " latest news ", (0, 0)), Label.FEED_ITEM, 0.5, "model"),
        LabelledBlock(Block(0, " latest news ", (0, 0)), Label.FEED_ITEM, 0.5, "model"),
    ):
        labelled = [
            first,
            Shouting(Block(1, " Council votes on the ferry ", (1, 1)), Label.FEED_ITEM, 0.5, "x"),
            Plain(block=plain_block, label=Label.FEED_ITEM, score=0.5, reason="model"),
            Plain(block=Block(3, "Body text", (3, 3)), label=Label.ARTICLE, score=0.9, reason="x"),
            LabelledBlock(Block(4, "A caption", (4, 4)), Label.FEED_ITEM, 0.5, "caption"),
            LabelledBlock(Block(5, "Used", (5, 5)), Label.FEED_ITEM, 0.5, "model"),
        ]
        texts, free, _, _ = F._feed.lines(labelled, frozenset({5}), NOT_STORIES, Label.ARTICLE)
        latest = "LATEST NEWS" if isinstance(first, Shouting) else "latest news"
        shouted = "COUNCIL VOTES ON THE FERRY"
        assert texts == [latest, shouted, "Ferry fares stay low", "Body text", "A caption", "Used"]
        assert free == [True, True, True, False, False, False]
        assert (texts, free) == F.page_lines(labelled, frozenset({5}))  # type: ignore[arg-type]
    unset = object.__new__(LabelledBlock)  # (a slot never set: its AttributeError)
    with pytest.raises(AttributeError):
        F._feed.lines([labelled[-1], unset], frozenset(), NOT_STORIES, Label.ARTICLE)
