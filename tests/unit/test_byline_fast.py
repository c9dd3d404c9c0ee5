"""The compiled byline parts (newsdump/_byline.c) against the Python reference: parse_names of
an ASCII text as _parse_names, and the hand-written automata of its patterns (BYLINE_STOP's
search, NAME_SPLIT's split, DATE_CUE's and UPDATE_CUE's match of a word) as the patterns, on
random text built from tricky pieces (names, joining words, separators, months, job titles,
words for published, years and dates, control characters str.split takes for spaces)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import (
    BYLINE_STOP,
    DATE_CUE,
    NAME_SPLIT,
    UPDATE_CUE,
    _parse_names,
    parse_names,
)

_byline = pytest.importorskip("newsdump._byline")

PIECES = [
    "Ann", "Lee", "ANN", "LEE", "Bo", "B.", "J.R.", "Jean-Luc", "O'Neil", "o'neil", "McDonald",
    "de", "van", "la", "del", "Dos", "ann", "lee", "X", "x", "and", "And", "und", "et", "y", "i",
    "e", "oraz", "or", ",", ", ", ";", "&", "|", " | ", "-", " - ", "/", "@", "@annlee", "(", ")",
    "[AP]", ":", "...", ".", "Nov.", "nov", "May", "Jan", "March", "Staff", "staff", "Writer",
    "Reporter", "the", "The", "For", "for", "With", "Reuters", "REUTERS", "AP", "AFP", "published",
    "Published", "posted", "Updated", "updated", "publicado", "pubblicato", "opublikowano",
    "aktualisiert", "actualizado", "zaktualizowano", "aktualizacja", "on", "On", "at", "in",
    "In", "mins", "min", "minsk", "read", "via", "View", "viewer", "2019", "1999", "20190",
    "19", "20", "2", "12", "13/06/2014", "Nov 19, 2019", "11/18/19", "10:42", "_", "9", "a1",
    " ", "  ", "\t", "\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x00", "\x7f", "~",
]  # fmt: skip
WORDS = st.lists(st.sampled_from(PIECES), max_size=14)
SPACED = WORDS.map(" ".join)
JOINED = WORDS.map("".join)
ASCII = st.text(st.characters(max_codepoint=127), max_size=60)
TEXTS = st.one_of(SPACED, JOINED, ASCII)


@settings(max_examples=4000, deadline=None)
@given(TEXTS, st.booleans())
def test_parse_names_as_the_reference(rest: str, allow_single: bool) -> None:
    assert _byline.parse_names(rest, allow_single, article._NAME_TABLES) == _parse_names(
        rest, allow_single
    )
    assert parse_names(rest, allow_single) == _parse_names(rest, allow_single)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30).filter(lambda t: not t.isascii()), st.booleans())
def test_parse_names_leaves_other_text_to_python(rest: str, allow_single: bool) -> None:
    assert _byline.parse_names(rest, allow_single, article._NAME_TABLES) is None
    assert parse_names(rest, allow_single) == _parse_names(rest, allow_single)


@settings(max_examples=4000, deadline=None)
@given(TEXTS)
def test_stop_as_the_pattern(text: str) -> None:
    m = BYLINE_STOP.search(" " + text)
    assert _byline.stop_at(text) == (m.start() if m is not None else None)


@settings(max_examples=4000, deadline=None)
@given(TEXTS)
def test_split_as_the_pattern(text: str) -> None:
    assert _byline.name_split(text) == NAME_SPLIT.split(text)


CUES = [
    "published", "posted", "publicado", "opublikowano", "pubblicato", "updated", "aktualisiert",
    "actualizado", "zaktualizowano", "aktualizac", "publié", "p", "pub",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.tuples(st.sampled_from(CUES), ASCII).map("".join), ASCII))
def test_cue_as_the_patterns(word: str) -> None:
    lower = word.lower()
    if lower.isascii():
        expected = DATE_CUE.match(lower) is not None or UPDATE_CUE.match(lower) is not None
        assert _byline.cue(lower) == expected


@pytest.mark.parametrize(
    ("rest", "allow_single", "names"),
    [
        ("By Ann Lee and Bo Chen", False, ["By Ann Lee", "Bo Chen"]),
        ("Ann Lee and Bo Chen", False, ["Ann Lee", "Bo Chen"]),
        ("ANN LEE, Reuters", False, ["Ann Lee"]),
        ("Ann Lee Nov. 19, 2019", False, ["Ann Lee"]),
        ("Ann Lee | 27.11.2026", False, ["Ann Lee"]),
        ("jan de la cruz", True, ["Jan de la"]),
        ("reuters", True, ["Reuters"]),
        ("Ann Lee, AP Auto Writer", False, ["Ann Lee"]),
        ("J.R. SMITH and A B C D E F", False, ["J.R. Smith"]),
        ("Ann Lee, Ann Lee, Bo Chen", False, ["Ann Lee", "Bo Chen"]),
        ("A B, C D", False, []),  # "a": not a name
        (
            "Bo Li, Cy Wu, Ed Fu, Gus Ho, Ian Jo, Kim Lu, Mo Ng",
            False,
            ["Bo Li", "Cy Wu", "Ed Fu", "Gus Ho", "Ian Jo", "Kim Lu"],
        ),
        ("", True, []),
        ("   ", False, []),
        ("Ann Lee posted 3 photos", False, ["Ann Lee"]),
        ("Ann Lee Publicado hoy", False, ["Ann Lee"]),
    ],
)
def test_parse_names_examples(rest: str, allow_single: bool, names: list[str]) -> None:
    assert _byline.parse_names(rest, allow_single, article._NAME_TABLES) == names
    assert _parse_names(rest, allow_single) == names


def test_parse_names_on_huge_text() -> None:
    rest = " ".join(["Ann"] * 50_000) + " " * 50_000 + "and" + "|" * 50_000
    assert _byline.parse_names(rest, True, article._NAME_TABLES) == _parse_names(rest, True)
    assert _byline.name_split(" " * 100_000 + "x") == [" " * 100_000 + "x"]
    assert _byline.stop_at("a" + " " * 100_000 + "b") is None


LINE_STARTS = [
    "By", "BY", "by", "By:", "Byline", "von", "Von", "POR", "par", "di", "door", "av", "af",
    "przez", "Written", "POSTED", "reported", "Words", "story", "analysis", "opinion", "Column",
    "essay", "review", "interview", "Ann", "Lee", "b", "y", "Étude", "Впервые", "新闻", "\t",
    " ", "\x1c", "\u3000", "\x00", "", "Wri", "Reviewer",
]  # fmt: skip
LINES = st.one_of(
    st.lists(st.sampled_from(LINE_STARTS), max_size=4).map("".join),
    st.lists(st.sampled_from(LINE_STARTS), max_size=30).map(" ".join),
    st.text(max_size=12),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(LINES, max_size=140), st.integers(-5, 200))
def test_far_lines_as_the_reference(texts: list[str], first: int) -> None:
    first = min(first, len(texts))
    start = first - 1 - article.BYLINE_WINDOW
    stop = max(-1, start - article.FAR_BYLINE_WINDOW)
    expected = article._far_lines(texts, start, stop)
    got = _byline.far_lines(texts, start, stop, article.MAX_SHORT_BYLINE, article.BYLINE_WORDS)
    assert got == expected
    assert article.far_byline(texts, first) == article.far_byline(tuple(texts), first)


BARE_PIECES = [
    "Ann", "Lee", "Tom", "Davies", "ANN", "LEE", "Reuters", "REUTERS", "reuters,", "AFP", "ap",
    "Admin", "Associated", "Press", "Staff", "Writer", ",", "/", "@annlee", "@", "Published",
    "posted", "Veröffentlicht", "opublikowano", "10:42", "Nov", "19,", "2019", "13/06/2014",
    "Monday", "6:30PM", "2 hours ago", "for", "Busy", "Weeks", "200", "山本", "健太", "\u3000",
    "\t", "\x1c", " ", "", "and", "van", "Menu",
]  # fmt: skip
BARE_LINES = st.one_of(
    st.lists(st.sampled_from(BARE_PIECES), max_size=11).map(" ".join),
    st.lists(st.sampled_from(BARE_PIECES), max_size=4).map("".join),
    st.text(max_size=10),
)


@settings(max_examples=2500, deadline=None)
@given(st.lists(BARE_LINES, min_size=1, max_size=30), st.data())
def test_bare_lines_as_the_reference(texts: list[str], data: st.DataObject) -> None:
    first = data.draw(st.integers(0, len(texts)))
    above = range(first - 1, max(-1, first - 1 - article.BARE_NAME_WINDOW), -1)
    inside = range(first, min(len(texts) - 1, first + article.BYLINE_INSIDE))
    order = [*above, *inside]
    expected = article._bare_lines(texts, order, first)
    assert _byline.bare_lines(texts, order, first, article.AGENCIES) == expected
    # and bare_name_near skips no line it could take (a tuple: without the compiled test)
    assert article.bare_name_near(texts, first) == article.bare_name_near(tuple(texts), first)


META_PIECES = [
    "Ann", "Lee", "O'Neil", "Jean-Luc", "J.", "x2", "A_b", "-", " - ", "|", ",", "/", "@", "@ann",
    "Nov", "nov.", "November", "Novx", "Mon", "Monday", "mondays", "TUES", "Tuesday", "tue",
    "wednes", "Wednesday", "thurs", "Thu", "fri", "Satur", "saturday", "sun", "Sunday", "day",
    "Jan", "Sept.", "May", "19", "2019", "3", "a", "The", "Associated", "Press", " ", "  ",
    "\t", "\x1c", ".", "'", "_", "Xmon", "mar9", "dec_", "sat.",
]  # fmt: skip
META_TEXTS = st.one_of(
    st.lists(st.sampled_from(META_PIECES), max_size=12).map(" ".join),
    st.lists(st.sampled_from(META_PIECES), max_size=12).map("".join),
    ASCII,
)


@settings(max_examples=6000, deadline=None)
@given(META_TEXTS)
def test_name_meta_as_the_pattern(text: str) -> None:
    m = article.NAME_THEN_META.match(text)
    got = _byline.name_meta(text)
    if m is None:
        assert got == ()
    else:
        assert got == (m.end("rest"), m.start("meta"))
        assert (m["meta"] == "@") == (text[m.start("meta")] == "@")
    assert article.name_meta(text) == (None if m is None else (m["rest"], m.start("meta")))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30).filter(lambda t: not t.isascii()))
def test_name_meta_leaves_other_text_to_the_pattern(text: str) -> None:
    assert _byline.name_meta(text) is None
    m = article.NAME_THEN_META.match(text)
    assert article.name_meta(text) == (None if m is None else (m["rest"], m.start("meta")))


START_PIECES = [
    *article._START_HEADS, *article._KIND_ARTICLES, "reportage", "reportaje", "commentary",
    "commento", "analyze", "analyse", "authors", "autorin", "reporter", "reported", "texte",
    "story", "stories", "essays", "Cronica", "crónica", "CRITICA", "éditorial", "Eine", "UNA",
    "ANALYSIS", "Opinion", "b", "y", "d", "e", "repor", "comm", "column", "colum", "przez",
    "prze", "x", " ", "  ", "\t", "\x1c", "\x0b", ":", "-", "1", "",
]  # fmt: skip
START_TEXTS = st.one_of(
    st.lists(st.sampled_from(START_PIECES), max_size=5).map(" ".join),
    st.lists(st.sampled_from(START_PIECES), max_size=4).map("".join),
    ASCII,
)


@settings(max_examples=5000, deadline=None)
@given(START_TEXTS)
def test_labels_keep_every_label_pattern_that_matches(text: str) -> None:
    """byline_labels leaves out a label pattern only where it does not match (and all of them
    where BYLINE_START does not: each needs it)."""
    labels = article.byline_labels(text)
    for pattern, bit in (
        (article.KIND_BYLINE, article.LBL_KIND),
        (article.KIND_ALONE, article.LBL_KIND),
        (article.AUTHOR_LABEL, article.LBL_AUTHOR),
        (article.LABEL_ALONE, article.LBL_AUTHOR),
        (article.BYLINE, article.LBL_BY),
        (article.BY_ALONE, article.LBL_ALONE),
    ):
        if pattern.match(text) is not None:
            assert labels & bit, (text, pattern.pattern[:40])
    if article.BYLINE_START.match(text) is None:
        assert labels == 0


INSIDE_PIECES = [
    "Posted", "on", "January", "12,", "2025", "by", "By", "BY", "von", "Par", "por", "bye", "xby",
    "Mira", "Okafor", "_x", "1", "é", " ", "  ", "\t", "\n", "\x1c", "-", "a", "b",
]  # fmt: skip
INSIDE_TEXTS = st.one_of(
    st.lists(st.sampled_from(INSIDE_PIECES), max_size=10).map(" ".join),
    st.lists(st.sampled_from(INSIDE_PIECES), max_size=10).map("".join),
    ASCII,
)


@settings(max_examples=5000, deadline=None)
@given(INSIDE_TEXTS)
def test_by_inside_as_the_pattern(text: str) -> None:
    m = article.BY_INSIDE.search(text)
    expected = None if m is None else m["rest"]
    got = _byline.by_inside(text)
    assert got == (() if expected is None else expected) if text.isascii() else got is None
    assert article.by_inside(text) == expected


BOX_PIECES = [
    "Author", "AUTHORS", "autor", "Autorin", "autorka", "Auteur", "writer", "Reporter", "text",
    "Texte", "Текст", "автор", "auth", "wri", ":", "：", " ", "\t", "\x1c", "Ann Lee", "By", "x",
]  # fmt: skip
BOX_TEXTS = st.one_of(
    st.lists(st.sampled_from(BOX_PIECES), max_size=5).map(" ".join),
    st.lists(st.sampled_from(BOX_PIECES), max_size=5).map("".join),
    ASCII,
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(BOX_TEXTS, max_size=12), st.data())
def test_author_box_skips_no_label(texts: list[str], data: st.DataObject) -> None:
    last = data.draw(st.integers(0, len(texts)))
    hi = min(len(texts), last + 1 + article.AUTHOR_BOX_WINDOW)
    kept = _byline.far_lines(texts, hi - 1, last, 10**9, article.AUTHOR_HEADS)[::-1]
    assert kept == sorted(kept)
    for i in range(last + 1, hi):
        if article.AUTHOR_LABEL.match(texts[i]) is not None:
            assert i in kept
    first = min(last, data.draw(st.integers(0, len(texts))))
    found = article.find_byline(texts, first, last, set())
    assert found == article.find_byline(tuple(texts), first, last, set())
