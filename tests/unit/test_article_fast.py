"""The cheap tests in front of article's patterns change nothing: each fast path gives what
its plain version gives, on invented lines built of the words those patterns look for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import CAPTION_CREDIT, CREDIT, _byline_at, byline_at, caption_credit
from newsdump.dates import find_dates

WORDS = [
    "By", "by:", "BY", "Von", "par", "Por", "di", "door", "av", "af", "przez", "de", "Written",
    "posted", "Reported", "words", "Story", "analysis", "Opinion", "commentary", "Column",
    "essay", "Review", "interview", "Une", "chronique", "Eine", "Reportage", "the", "an",
    "Author:", "autorin:", "Auteur :", "Writer:", "REPORTER:", "Text:", "Текст:", "автор:",
    "Ann", "Lee", "LAURE", "Favre", "Tom", "Davies", "Reuters", "Associated", "Press", "and",
    "et", "&", ",", "-", "|", "@annlee", "ann@example.org", "Nov", "19,", "2019", "Nov 19, 2019",
    "10:42", "27-11-2026,", "11/19/19", "06:56", "AM", "Monday", "Published", "publié",
    "Veröffentlicht", "poſted", "PUBLİÉ", "Kelvin\u212a", "记者", "刘晓燕", "文/", "本报记者",
    "김민준", "기자", "山本", "健太", "发布于", "photo:", "Getty Images", "Фото:", "file photo",
    "FILE PHOTO", "fıle photo", "Photograph", "the", "river", "bridge", "rebuilt", "council",
    " ", "\n", "\t", "\u3000",
]  # fmt: skip
LINES = st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join)
PAGES = st.lists(st.one_of(LINES, st.text(max_size=40)), min_size=1, max_size=5)


@settings(max_examples=3000, deadline=None)
@given(PAGES, st.data(), st.booleans())
def test_byline_at_is_unfiltered(texts: list[str], data: st.DataObject, strict: bool) -> None:
    i = data.draw(st.integers(0, len(texts) - 1))
    assert byline_at(texts, i, strict) == _byline_at(texts, i, strict)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=3), st.booleans())
def test_byline_at_is_unfiltered_on_any_text(texts: list[str], strict: bool) -> None:
    for i in range(len(texts)):
        assert byline_at(texts, i, strict) == _byline_at(texts, i, strict)


def caption_credit_plain(text: str) -> bool:
    return bool(CREDIT.search(text) or CAPTION_CREDIT.search(text))


@settings(max_examples=2000, deadline=None)
@given(st.one_of(LINES, st.text(max_size=80)))
def test_caption_credit_is_unfiltered(text: str) -> None:
    assert caption_credit(text) == caption_credit_plain(text)


def test_byline_at_still_finds_bylines() -> None:
    texts = ["By Ann Lee and Tom Davies", "Ann Lee - Nov 19, 2019", "Une chronique de Laure Favre"]
    assert byline_at(texts, 0) == (["Ann Lee", "Tom Davies"], (0,))
    assert byline_at(texts, 1) == (["Ann Lee"], (1,))
    assert byline_at(texts, 2) == (["Laure Favre"], (2,))
    assert byline_at(["Council votes to rebuild the bridge"], 0) is None
    assert byline_at(["记者 刘晓燕"], 0) == (["刘晓燕"], (0,))


def test_caption_credit_cases() -> None:
    assert caption_credit("The bridge at dawn. Photo: Ann Lee")
    assert caption_credit("Мост на рассвете. Фото : Анна Ли")
    assert caption_credit("The old bridge in 1990 (File Photo)")
    assert caption_credit("Vieux pont, été 1990 — file photo")
    assert not caption_credit("Vieux pont: été 1990")
    assert not caption_credit("The council voted on Monday to rebuild the bridge.")


def test_weekday_date_takes_the_page_dates() -> None:
    texts = ["Nov 19, 2019 8:03 AM", "Thursday 5:30PM", "The council met."]
    whole = find_dates("\n".join(texts))
    assert article.weekday_date(texts, texts[1]) == "2019-11-21T17:30:00"
    assert article.weekday_date(texts, texts[1], whole) == "2019-11-21T17:30:00"


def uncut_story_plain(texts: list[str], story: list[int]) -> list[int]:
    if len(story) > 1:
        first = texts[story[0]].strip()
        if article.CUT.search(first) is not None and len(first.split()) <= 40:
            return story[1:]
    return story


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=30)).map(lambda s: s + " ..."), min_size=2))
def test_uncut_story_is_plain(texts: list[str]) -> None:
    story = list(range(len(texts)))
    for tail in ("", "…", "...", " … ", "..\n", ".…\n\n"):
        texts[0] += tail
        assert article.uncut_story(texts, story) == uncut_story_plain(texts, story)


def test_byline_start_knows_every_first_word_of_the_headline_patterns() -> None:
    """BYLINE_START repeats the first words of headline.BYLINE and headline.AUTHOR_LABEL: a
    word added to either pattern must reach it too, or maybe_byline would drop those lines."""
    import re

    from newsdump.article import BYLINE_START
    from newsdump.headline import AUTHOR_LABEL, BYLINE

    firsts = []
    for pattern in (BYLINE.pattern, AUTHOR_LABEL.pattern):
        pattern = re.sub(r"\(\?:[a-z|]*\)\?", "", pattern)  # a word's optional ending
        for group in re.findall(r"\(\?:((?:[^\W\d_]+[^|()]*\|)+[^\W\d_]+[^|()]*)\)", pattern):
            firsts += [re.match(r"[^\W\d_]+", alt)[0] for alt in group.split("|")]  # type: ignore[index]
    assert len(firsts) == 30  # the two groups of BYLINE (12, 9) and the one of AUTHOR_LABEL (9)
    assert [w for w in firsts if BYLINE_START.match(f"{w} Ann Lee") is None] == []
