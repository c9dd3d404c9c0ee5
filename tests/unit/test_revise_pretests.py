"""The cheap tests that `newsdump.revise` runs before (or instead of) a regex give the regex's
answer, on any text: random text built from the characters and words the patterns look for,
in any case, with the characters that match a letter only when case is ignored ("İ", "ı",
"ſ", the Kelvin sign)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import revise as R

PIECES = [
    *".!?…。！？\"'”’»)] \n\t/:,-(）（©",
    *"aAbBcCfFiIİıpPsSſzZvVgGK",
    "19",
    "2026",
    "Comments",
    "kommentare (7)",
    "REACTIES",
    "Comentarios: 5",
    "commenti",
    "Komentarze (2)",
    "KOMENTÁŘE",
    "комментарии",
    "评论 18",
    "© Agence France-Presse",
    "(c) Ann Lee",
    "COPYRIGHT 2026",
    "Copyright photo",
    "本文为作者原创，转载请注明出处。",
    "저작권자 © 한강일보 무단전재 및 재배포 금지",
    "La suite est RÉSERVÉE aux abonnés.",
    "for subscribers only",
    "Available only to SUBSCRIBERS",
    "riservato agli abbonati",
    "Tylko dla prenumeratorów",
    "sólo para suscriptores",
    "alleen voor abonnees",
    "ſubscribers",
    "AbbonatI",
    "SUBSCRİBERS",
    "für Abonnenten",
    "tylKo dla",
    "Foto: Lena Roth",
    "fot. Jan Nowak",
    "Image: Getty",
    "Keystone/Salvatore Di Nolfi",
    "REUTERS/Ann Lee",
    "사진=연합뉴스",
    "한강일보 자료사진",
    "中文",
    "한국",
    "Ferry fares rise",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_the_pretests_answer_as_the_patterns(text: str) -> None:
    assert R._ends_sentence(text) == (R.SENTENCE_END.search(text) is not None)
    assert R._story_end_line(text) == (R.STORY_END.fullmatch(text) is not None)
    assert R._wide(text) == (R.WIDE.search(text) is not None)
    assert R._paywall(text) == (R.PAYWALL.search(text) is not None)
    assert R._has_year(text) == (R.YEAR.search(text) is not None)
    plain = R.LINE_CREDIT.fullmatch(text) or R.LINE_SLASH_CREDIT.fullmatch(text)
    fast = R._line_credit_match(text)
    assert (fast is None) == (plain is None)
    if fast is not None and plain is not None:
        assert (fast.re, fast.span()) == (plain.re, plain.span())
    if not R._after_sentence(text):
        assert R.BARE_CREDIT.search(text) is None
        assert R.SLASH_CREDIT.search(text) is None
    if not R.CREDIT_AFTER_SENTENCE.search(text):
        assert R.BARE_CREDIT.search(text) is None  # (SLASH_CREDIT's first letter is another)
    assert not R.SLASH_CREDIT.search("fot. Jan NowakKeystone/Salvatore Di Nolfi") or (
        R._after_sentence("fot. Jan NowakKeystone/Salvatore Di Nolfi")
    )


def test_the_story_end_pattern_is_its_head_or_its_tail() -> None:
    assert R.STORY_END.pattern == "(?:" + R._STORY_END_ALTERNATIVES + ")"
    for text in ("Comments (12)", "© Agence France-Presse", "La suite est réservée aux abonnés."):
        assert R._story_end_line(text)
    for text in ("Comments are closed for this story today", "The council met.", ""):
        assert not R._story_end_line(text)


def test_every_character_that_starts_a_line_credit_is_listed() -> None:
    """LINE_CREDIT_FIRST holds every character that the pattern's first letters match when
    case is ignored (a scan of all of Unicode)."""
    first = re.compile("[©fpbizcvg]", re.IGNORECASE)
    missing = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code < 0xE000
        and first.fullmatch(chr(code))
        and chr(code) not in R.LINE_CREDIT_FIRST
    ]
    assert missing == []
    assert all(first.fullmatch(char) for char in R.LINE_CREDIT_FIRST)


def reference_related_label(text: str) -> bool:
    """`_related_label` without its test of the line's first two characters."""
    low = text.strip().lower()
    return low in R.RELATED_LABELS or (
        low.startswith(R.RELATED_PREFIXES) and R.LABEL_TRIM.sub("", low) in R.RELATED_LABELS
    )


LABEL_PIECES = [*sorted(R.RELATED_LABELS)[::7], "READ MORE", "Lesen Sie auch:", "İ", "Σ", " ", ":"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LABEL_PIECES) | st.text(max_size=3), max_size=4).map("".join))
def test_the_related_label_test_answers_as_the_plain_one(text: str) -> None:
    assert R._related_label(text) == reference_related_label(text)


def test_every_label_has_two_characters_or_more() -> None:
    """(what the tests of a line's first two characters rely on)"""
    assert min(map(len, R.RELATED_LABELS | R.READ_MORE)) >= 2
    assert R._related_label("  Related Stories: ") and R._related_label("LESEN SIE AUCH")
    assert not R._related_label("Relatedness") and not R._related_label("x")
