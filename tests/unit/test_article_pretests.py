"""The cheap tests in front of the byline patterns change nothing: the same names as the
pattern alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import NAME_THEN_CUE, name_then_cue


def name_then_cue_unfiltered(text: str) -> list[str]:
    """name_then_cue without its test for a word for published: the pattern alone."""
    m = NAME_THEN_CUE.match(text)
    if m is None:
        return []
    when = m["when"]
    dated = article.maybe_dated(when) and article.find_dates(when)
    if article.CLOCK_TIME.search(when) is None and not dated:
        return []
    return article.parse_names(m["rest"])


WORDS = [
    "Ann", "Lee", "LAURE", "Favre", "Piotr", "Zawadzki", "Published", "PUBLIÉ", "publié",
    "Publicado", "opublikowano:", "Pubblicato", "POSTED", "posted", "Veröffentlicht",
    "VERÖFFENTLICHT", "poſted", "PUBLİÉ", "publıshed", "Kelvin\u212a", "aujourd'hui", "à", "10h15",
    "27-11-2026,", "08:15", "Nov 27, 2026", "|", "-", "3 books", "the", "Ünal",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)


@settings(max_examples=2000, deadline=None)
@given(TEXTS)
def test_name_then_cue_is_unfiltered(text: str) -> None:
    assert name_then_cue(text) == name_then_cue_unfiltered(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_name_then_cue_is_unfiltered_on_any_text(text: str) -> None:
    assert name_then_cue(text) == name_then_cue_unfiltered(text)


def test_name_then_cue_still_finds_names() -> None:
    assert name_then_cue("Laure Favre Publié aujourd'hui à 10h15") == ["Laure Favre"]
    assert name_then_cue("Ann Lee | POSTED Nov 27, 2026") == ["Ann Lee"]
    assert name_then_cue("Ann Lee published 3 books") == []
    assert name_then_cue("Ann Lee wrote this at 10:15") == []
