"""find_feed's post-pass asks is_comment and is_furniture only where their cheap tests pass
(comment_suspects, furniture_suspects): the compiled tests against their Python reference,
and each a superset of where the full test says yes, on random input built from tricky pieces
(hostile text too: empty, non-ASCII, lone surrogates, indices outside the page)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import dates
from newsdump import feed as F

try:
    from newsdump import _feed
except ImportError:  # pragma: no cover - depends on the install
    _feed = None  # type: ignore[assignment]
from newsdump.document import Block, Label, LabelledBlock
from newsdump.records import FeedItem, PageInfo, Story, to_json_line, to_json_lines

compiled = pytest.mark.skipif(_feed is None, reason="the compiled extension is not built")

PIECES = [
    "Reply", "reply (3)", "Antworten", "Rating: 4", "Ann says:", "Ann Lee wrote:", "林小北说：",
    "Ann", "Ann Lee", "gość", "Radler_MR", "27.11.2026, 11:05", "vor 2 Stunden", "2 hours ago",
    "Hace 3 días", "il y a 5 minutes", "İl y a 5 min", "2026-11-27 10:05", "3小时前", "3시간 전",
    "Council votes to rebuild the bridge.", "Subscribe to our newsletter", "Follow us",
    "FOLLOW US", "Folgen Sie uns", "关注我们", "Issue No. 12/2026", "Publisher: Ann Lee",
    "Share on: X", "ſays:", "回复", "답글", "Zgłoś", "ſ", "İ", "ı", "K", "\ud800", "\udfff",
    "😀", "\U00020000", "", " ", "\n", ":", "：", "2019", "Newsletter", "E-Mail", "zapisz się",
    "Wow!", "Done.", "End。", "…", "٣", "x/y", "Nr. 49 /\u00a02026", "/ 19٣٣", "80/90",
]  # fmt: skip
lines = st.lists(
    st.sampled_from(PIECES) | st.text(alphabet="aAvVhHiIİırRsSſ0123 .:：/!\n", max_size=6),
    min_size=1,
    max_size=3,
).map(" ".join) | st.text(max_size=8)
REASONS = ["", "story_end", "caption", "byline", "link"]


@st.composite
def pages(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, int, FeedItem]], list[str]]:
    texts = draw(st.lists(lines, min_size=1, max_size=7))
    n = len(texts)
    found = []
    for _ in range(draw(st.integers(0, 4))):
        first = draw(st.integers(0, n - 1))
        last = draw(st.integers(first, n - 1))
        item = FeedItem(title=draw(lines), time=draw(st.none() | lines))
        found.append((first, last, item))
    reasons = draw(st.lists(st.sampled_from(REASONS), min_size=n, max_size=n))
    return texts, found, reasons


def labelled_of(texts: list[str], reasons: list[str]) -> list[LabelledBlock]:
    return [
        LabelledBlock(Block(i, text, (i, i)), Label.BOILERPLATE, 0.5, reasons[i])
        for i, text in enumerate(texts)
    ]


@given(pages())
@settings(max_examples=3000, deadline=None)
def test_suspects_hold_every_comment_and_furniture(
    page: tuple[list[str], list[tuple[int, int, FeedItem]], list[str]],
) -> None:
    texts, found, reasons = page
    labelled = labelled_of(texts, reasons)
    comments = F._comment_suspects(texts, found, F.COMMENT_AFTER_PAIRS)
    furniture = F._furniture_suspects(labelled, texts, found, F.FURNITURE_RULES)
    for (first, last, item), may_comment, may_furniture in zip(
        found, comments, furniture, strict=True
    ):
        if F.is_comment(texts, first, last):
            assert may_comment
        if F.is_furniture(labelled, texts, first, last, item):
            assert may_furniture


@compiled
@given(pages())
@settings(max_examples=3000, deadline=None)
def test_compiled_suspects_are_the_python_ones(
    page: tuple[list[str], list[tuple[int, int, FeedItem]], list[str]],
) -> None:
    texts, found, reasons = page
    labelled = labelled_of(texts, reasons)
    assert _feed.comment_suspects(texts, found, F.COMMENT_AFTER_PAIRS) == F._comment_suspects(
        texts, found, F.COMMENT_AFTER_PAIRS
    )
    assert _feed.furniture_suspects(
        labelled, texts, found, F.FURNITURE_RULES
    ) == F._furniture_suspects(labelled, texts, found, F.FURNITURE_RULES)


@compiled
def test_suspects_outside_the_page_are_looked_at() -> None:
    texts = ["Ann says:", "A headline of five words", "Reply"]
    item = FeedItem(title="A headline of five words")
    found = [(1, 1, item), (3, 3, item), (-1, 0, item), (9, 9, item), (0, -2, item)]
    assert _feed.comment_suspects(texts, found, F.COMMENT_AFTER_PAIRS) == [
        True, True, True, True, True,
    ]  # fmt: skip
    labelled = labelled_of(texts, ["", "", ""])
    assert _feed.furniture_suspects(labelled, texts, found[:2], F.FURNITURE_RULES) == [
        False,
        True,
    ]


def test_what_the_suspects_say() -> None:
    texts = ["Latest news", "Council votes to rebuild the bridge", "More stories here"]
    item = FeedItem(title="Council votes to rebuild the bridge")
    labelled = labelled_of(texts, ["", "", ""])
    found = [(1, 1, item)]
    for comments, furniture in (
        (F._comment_suspects, F._furniture_suspects),
        *([(_feed.comment_suspects, _feed.furniture_suspects)] if _feed is not None else []),
    ):
        assert comments(texts, found, F.COMMENT_AFTER_PAIRS) == [False]
        assert furniture(labelled, texts, found, F.FURNITURE_RULES) == [False]
        assert comments(["Ann says:", *texts[1:]], found, F.COMMENT_AFTER_PAIRS) == [True]
        assert comments([*texts[:2], "Reply"], found, F.COMMENT_AFTER_PAIRS) == [True]
        timed = [(1, 1, FeedItem(title="Nice post.", time="27.11.2026, 11:05"))]
        assert furniture(labelled, texts, timed, F.FURNITURE_RULES) == [True]
        ended = labelled_of(texts, ["", "story_end", ""])
        assert furniture(ended, texts, found, F.FURNITURE_RULES) == [True]
        signed = ["Sign up for our newsletter", *texts[1:]]
        assert furniture(labelled, signed, found, F.FURNITURE_RULES) == [False]  # (none below)
        boxed = [*signed[:2], "Subscribe to our newsletter"]
        assert furniture(labelled, boxed, found, F.FURNITURE_RULES) == [True]
        for title, look in (
            ("Ann vor 2 Stunden", True),
            ("Ann Lee il y a 5 minutes", True),
            ("Trump has 3 new plans for the day", False),  # (RELATIVE_TIME: 5 words at most)
            ("Apollo 11 First Moon Landing Receives", False),  # (3 words, or a date's anchor)
            ("Ann 27.11.2026, 11:05 and more words here", True),
            ("Ann 2 hours ago", True),
            ("Crazy $100 fares to/from Australia", False),  # (no year after "/": no issue)
            ("Aus der Ausgabe Nr. 49/ 2026", True),
        ):
            stamp = [(1, 1, FeedItem(title=title))]
            assert furniture(labelled, texts, stamp, F.FURNITURE_RULES) == [look], title
        followed = [(1, 1, FeedItem(title="Follow us on the web"))]
        assert furniture(labelled, texts, followed, F.FURNITURE_RULES) == [True]


def cases(char: str) -> set[str]:
    """Every character that IGNORECASE matches to `char`."""
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return set(pattern.findall(EVERY_CHARACTER))


EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
COMMENT_AFTER_WORDS = [
    "reply", "replies", "antworten", "antwort", "répondre", "odpowiedz", "responder", "responde",
    "rispondi", "reageer", "beantworten", "回复", "回覆", "返信", "답글", "report", "melden",
    "signaler", "zgłoś", "denunciar", "举报", "rating", "valoración", "valoracion", "bewertung",
    "ocena", "valutazione", "评分",
]  # fmt: skip
HEAD_COLON_WORDS = [
    "주소", "발행인", "편집인", "등록번호", "사업자", "地址", "主办", "备案", "address", "adresse",
    "adres", "anschrift", "herausgeber", "verlag", "publisher", "editor-in-chief",
    "chefredakteur", "chefredaktion", "wydawca", "redaktor naczelny",
    "directeur de la publication", "directrice de la publication", "siège social", "éditeur",
    "分享到", "分享", "分享至", "share", "partager", "teilen", "udostępnij", "compartir",
    "condividi", "공유하기", "공유",
]  # fmt: skip


@pytest.mark.parametrize(
    ("words", "pairs", "patterns"),
    [
        (COMMENT_AFTER_WORDS, F.COMMENT_AFTER_PAIRS, [F.COMMENT_AFTER]),
        (HEAD_COLON_WORDS, F.HEAD_COLON_PAIRS, [F.IMPRINT, F.SHARE_BAR]),
    ],
)
def test_the_pairs_hold_every_case_of_each_word(
    words: list[str], pairs: dict[str, str], patterns: list[re.Pattern[str]]
) -> None:
    """Each word a pattern starts with (each matches, with what may follow it), its first two
    characters in every case IGNORECASE matches (checked over every code point): `paired`
    says yes to each."""
    for word in words:
        assert any(p.match(word) or p.match(word + ": x") for p in patterns), word
        for first in cases(word[0]):
            assert first in pairs, (word, hex(ord(first)))
            for second in cases(word[1]):
                assert F.paired(first + second + word[2:], pairs), (word, hex(ord(second)))
    printed = {word for p in patterns for word in leading_words(p.pattern)}
    assert printed == {word.rstrip("到") if word == "分享到" else word for word in words}


def leading_words(source: str) -> list[str]:
    """The alternatives of each "^(?:...)" group of a pattern's source, without their
    optional parts ("share(?: this| on)?" -> "share", "分享到?" -> "分享")."""
    out = []
    at = source.find("^(?:")
    while at >= 0:
        depth, start, k = 0, at + 4, at + 1
        while k < len(source):
            char = source[k]
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
            elif char == "|" and depth == 1:
                out.append(source[start:k])
                start = k + 1
            k += 1
        out.append(source[start:k])
        at = source.find("^(?:", k)
    return [re.sub(r"\(\?:[^)]*\)\?|.\?$", "", word) for word in out]


# records: a feed story's record in one dict, the JSON lines in one join

texts_or_none = st.none() | st.text(max_size=12)


@given(st.text(max_size=12), texts_or_none, texts_or_none, texts_or_none, texts_or_none)
@settings(max_examples=500, deadline=None)
def test_a_feed_record_is_its_head_then_its_items_dict(
    title: str, summary: str | None, time: str | None, published: str | None, url: str | None
) -> None:
    item = FeedItem(title, summary, time, published, url, key="k" + title)
    info = PageInfo("doc", "src.jsonl", "https://example.org/")
    record = info.story_record(3, Story("feed", feed=item))
    plain = {"doc": "doc", "source": "src.jsonl", "index": 3, "kind": "feed", **item.to_dict()}
    assert list(record.items()) == list(plain.items())
    assert to_json_lines([record, plain]) == to_json_line(record) + to_json_line(plain)
    assert to_json_lines([]) == b""


# dates.is_time_line: each pattern tried only where its first character stands


def plain_is_time_line(text: str) -> bool:
    text = text.strip()
    if len(text) > 30:
        return False
    return bool(
        dates.TIME_OF_DAY.match(text)
        or dates.RELATIVE.match(text)
        or dates.MONTH_DAY.match(text)
        or (len(text) <= 24 and dates.first_date(text) is not None)
    )


TIME_PIECES = [
    "5:56 PM", "17.30", "9h05", "2 hours ago", "an hour ago", "An Hour Ago", "one day ago",
    "ONE WEEK AGO", "3 min. ago", "Dec. 6", "dec 6th", "Sept 13", "mai 3", "März 4", "Ṁay 3",
    "27.11.2026", "2026-11-27", "11/19/19 06:56 AM", "٣:٤٥", "௫ hours ago", "Ago", "ago",
    "İl", "ſept 3", "K", "\ud800", "😀", "", " ", "\n", "a", "o", "2019",
]  # fmt: skip
time_texts = st.lists(
    st.sampled_from(TIME_PIECES) | st.text(alphabet="aAoOnN0123:. hgmpMDSeſ\n", max_size=5),
    min_size=1,
    max_size=3,
).map(" ".join) | st.text(max_size=10)


@given(time_texts)
@settings(max_examples=5000, deadline=None)
def test_is_time_line_is_the_plain_one(text: str) -> None:
    assert dates.is_time_line(text) == plain_is_time_line(text)


def test_relative_first_is_every_case_of_its_letters() -> None:
    for char in EVERY_CHARACTER:
        if re.fullmatch("[ao]", char, re.IGNORECASE):
            assert char in dates.RELATIVE_FIRST, hex(ord(char))
    for text in ("an hour ago", "One day ago", "A minute ago"):
        assert dates.RELATIVE.match(text) and text[0] in dates.RELATIVE_FIRST


STAMP_PIECES = [
    "Ann", "Ann Lee", "Radler_MR", "gość", "林小北", "O'Neil", "vor", "il", "y", "a", "İl", "hace",
    "há", "HACE", "2", "12", "٣", "Stunden", "minutes", "ago", "temu", "fa", "小时", "前", "시간",
    "전", "27.11.2026,", "11:05", "2026-11-27", "10:05", "November", "18,", "2019", "at", "2:01",
    "pm", "Wednesday", "20", "9:22", "am", "1/12/19", "x", "new", "plans", "\u00a0", "\u3000", "\t",
]  # fmt: skip


@given(st.lists(st.sampled_from(STAMP_PIECES), min_size=1, max_size=9).map(" ".join))
@settings(max_examples=3000, deadline=None)
def test_may_stamp_holds_every_stamp(title: str) -> None:
    if F.is_stamp(title):
        assert F.may_stamp(title, F.STAMP_FIRST)
    if _feed is not None:
        item = [(0, 0, FeedItem(title=title))]
        labelled = labelled_of([title], [""])
        got = _feed.furniture_suspects(labelled, [title], item, F.FURNITURE_RULES)
        assert got == F._furniture_suspects(labelled, [title], item, F.FURNITURE_RULES)
