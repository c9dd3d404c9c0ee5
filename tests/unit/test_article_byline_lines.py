"""article.byline_lines, compiled (newsdump/_headline.c): the lines find_byline tries are those
maybe_byline lets through, an ASCII line's decided in C by the words BYLINE_START needs (tested
against the pattern on invented lines, and on every ASCII character in place of each letter)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import BYLINE_START, MAX_META_CHARS, byline_lines, maybe_byline

WORDS = [
    "By", "by:", "BY", "Von", "par", "Por", "di", "door", "av", "af", "przez", "de", "Written",
    "posted", "Reported", "words", "Story", "analysis", "Opinion", "commentary", "Column",
    "essay", "Review", "interview", "Une", "chronique", "Eine", "Reportage", "the", "an", "a",
    "ein", "un", "una", "uno", "THE", "Kommentar", "kolumne", "columna", "cronica", "analyse",
    "Analyze", "analisis", "entretien", "entrevista", "kritik", "critique", "critica",
    "tribune", "enquete", "feature", "glosse", "editorial", "felieton", "komentarz",
    "recenzja", "Author:", "authors", "autorin:", "Auteur :", "Writer:", "REPORTER:", "Text:",
    "Ann", "Lee", "Tom", "Davies", "and", "publié", "Publication", "pubblicato", "POSTED",
    "reposted", "2019", "1/2", "@x", "Nov", "19", "20", "1", "9", "2", "0", "river", "bridge",
    "rebuilt", " ", "  ", "\t", "\n", "\x1c", "\x0b", "", "x" * 95, "y" * 290,
]  # fmt: skip
LINES = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
ASCII = st.text(st.characters(max_codepoint=127), max_size=60)


def plain(texts: list[str], order: list[int]) -> list[int]:
    return [i for i in order if len(texts[i]) <= MAX_META_CHARS and maybe_byline(texts[i])]


def lines_of(texts: list[str]) -> list[int]:
    """byline_lines over every block, less the non-ASCII ones maybe_byline refuses (as
    find_byline skips them)."""
    got = byline_lines(texts, range(len(texts)))
    return [i for i in got if texts[i].isascii() or maybe_byline(texts[i])]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(LINES, ASCII, st.text(max_size=40)), min_size=1, max_size=6))
def test_byline_lines_are_those_maybe_byline_passes(texts: list[str]) -> None:
    assert lines_of(texts) == plain(texts, list(range(len(texts))))


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=4), st.data())
def test_the_lines_keep_the_order_asked(texts: list[str], data: st.DataObject) -> None:
    order = data.draw(st.permutations(range(len(texts))))
    got = [i for i in byline_lines(texts, order) if texts[i].isascii() or maybe_byline(texts[i])]
    assert got == plain(texts, order)


def test_every_ascii_character_in_place_of_each_letter_of_the_start_words() -> None:
    heads = {w.lower() for w in WORDS if w.strip() and w.isalpha()}
    for word in sorted(heads):
        for at in range(len(word)):
            for code in range(128):
                for line in (
                    word[:at] + chr(code) + word[at + 1 :] + " Ann Lee",
                    "an " + word[:at] + chr(code) + word[at + 1 :] + " von Ann Lee",
                    chr(code) + " " + word + " x",
                ):
                    assert lines_of([line]) == plain([line], [0]), line


def test_the_start_words_are_the_pattern_s_on_ascii_lines() -> None:
    for line in ("  by Ann", "A  review of", "The\tcolumn", "Une chronique de", "anreview"):
        assert bool(BYLINE_START.match(line)) == (lines_of([line]) == [0]), line


def test_byline_lines_of_a_small_page() -> None:
    texts = ["Menu", "By Ann Lee", "Council rebuilds the bridge", "记者 刘晓燕", "Nov 19, 2019"]
    assert byline_lines(texts, [4, 3, 2, 1, 0]) == [4, 3, 1]
    assert byline_lines(["x" * (MAX_META_CHARS + 1) + " 2019"], [0]) == []


def test_byline_lines_refuse_a_block_off_the_page() -> None:
    if article._headline is None:  # pragma: no cover - depends on the install
        pytest.skip("the compiled code is not built")
    with pytest.raises(IndexError):
        byline_lines(["By Ann Lee"], [1])
    with pytest.raises(TypeError):
        byline_lines([3], [0])  # type: ignore[list-item]


LABELS = (
    article.KIND_BYLINE,
    article.KIND_ALONE,
    article.AUTHOR_LABEL,
    article.BYLINE,
    article.BY_ALONE,
    article.LABEL_ALONE,
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(LINES, st.text(max_size=40), st.lists(st.sampled_from(WORDS)).map("".join)))
def test_the_label_patterns_match_only_where_byline_start_does(text: str) -> None:
    """_byline_at tries them only where BYLINE_START matches."""
    if BYLINE_START.match(text) is None:
        assert all(p.match(text) is None for p in LABELS), text


def test_the_label_patterns_on_every_code_point_in_place_of_each_letter() -> None:
    """Every code point in place of a label's first letter; every ASCII character and the
    letters that IGNORECASE pairs with an ASCII one in place of each other letter."""
    folds = [chr(c) for c in range(128)] + ["\u0130", "\u0131", "\u017f", "\u212a"]
    for line in ("by: Ann Lee", "Author: Ann", "Une chronique de Ann", "Written by Ann", "Von"):
        for at in range(min(len(line), 6)):
            chars = map(chr, range(0x110000)) if at == 0 and line[0] == "b" else folds
            for char in chars:
                text = line[:at] + char + line[at + 1 :]
                if BYLINE_START.match(text) is None:
                    assert all(p.match(text) is None for p in LABELS), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), min_size=1, max_size=6))
def test_byline_lines_without_the_compiled_code_are_the_same(texts: list[str]) -> None:
    order = list(range(len(texts)))
    compiled = byline_lines(texts, order)
    saved = article._headline
    article._headline = None  # type: ignore[assignment]
    try:
        assert byline_lines(texts, order) == compiled
    finally:
        article._headline = saved
