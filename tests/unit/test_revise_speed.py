"""The compiled paths of `newsdump.revise` added for speed (session 11) against the Python
ones: the word count's vectors (SSE2: 16 UCS1 or 8 UCS2 characters at a time, their sums taken
every 255 or 32767 rounds), and the rules' shortcuts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R

compiled = pytest.mark.skipif(R._revise is None, reason="newsdump/_revise.c was not built")
SPACED = ["a", "é", "Ж", "東", "😀", " ", "  ", "\t", "\n", "\x1c", "\x1f", "\x85", "\xa0"]
SPACED += [
    "\u1680",
    "\u2000",
    "\u200a",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
    "\x00",
]


@compiled
@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(SPACED), max_size=120).map("".join), st.integers(0, 40))
def test_the_compiled_word_count_is_str_split_s(text: str, repeat: int) -> None:
    text = text * repeat  # (long enough for several vectors, short enough for a tail)
    out = listed((text, True, 0.5, False), ("x" + text, False, 0.5, False))
    assert R._facts(out)[2] == [len(text.split()), len(("x" + text).split())]


@compiled
@pytest.mark.parametrize("unit", ["a b", "ab\xa0", "東 ", "Ж\u3000\u3000"])
def test_the_compiled_word_count_of_a_long_text_sums_its_lanes_often_enough(unit: str) -> None:
    for text in (unit * 150_000, "x" * 300_000 + " y", unit * 10 + "z" * 5000 + " " + unit):
        out = listed((text, True, 0.5, False))
        assert R._facts(out)[2] == [len(text.split())]


STORY_END_PIECES = ["subſcribers", "SUBSCRİBERS", "abonnés", "\u212aommentare", "komentáře (3)"]
STORY_END_PIECES += ["Комментарии", "комментарии 5", "评论 18", "評論", "留言", "댓글", "コメント"]
STORY_END_PIECES += ["Reacties", "© AFP", "(C) 2026", "Copyright", "转载请注明出处", "轉載"]
STORY_END_PIECES += ["版权所有"]
STORY_END_PIECES += ["版權所有", "무단 전재", "無断転載", "tylko dla prenumeratorów", "ı", "İ", "ſ"]
STORY_END_PIECES += ["“", "’", "é", "Ж", " ", "para assinantes", "riservato agli abbonati", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(STORY_END_PIECES) | st.text(max_size=3), max_size=5).map("".join))
def test_the_story_end_fact_holds_wherever_story_end_matches(text: str) -> None:
    stripped = text.strip()
    words = len(stripped.split())
    facts = R._text_facts(stripped, words, True)
    if R.STORY_END.fullmatch(stripped) and words <= R.STORY_END_MAX_WORDS:
        assert facts & R.FACT_STORY_END
    if R._revise is not None:
        out = listed((text, True, 0.5, False))
        assert R._facts(out)[6] == R._facts_plain(out)[6] == [facts]


def test_only_four_characters_match_an_ascii_letter_ignoring_case_but_lower_onto_none() -> None:
    import re
    import sys

    found = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        pattern = re.compile(letter, re.IGNORECASE)
        for code in range(128, sys.maxunicode + 1):
            if pattern.fullmatch(chr(code)) or chr(code).lower() == letter:
                found.add(chr(code))
    assert found == {"\u0130", "\u0131", "\u017f", "\u212a"}
    assert set(R.STORY_END_CHARS) >= found


CREDIT_PIECES = [". ", "! ", "? ", "… ", "Foto: Lena Roth", "fot. Jan", "© Photo AP", "Bild:", "x"]
CREDIT_PIECES += ["İmage: Getty", "ımage: a", "photo credit: AP", "Crowds at the quay", ".", " "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_PIECES) | st.text(max_size=3), max_size=8).map("".join))
def test_a_bare_credit_starts_after_the_first_sentence_mark_before_a_credit_s_letter(
    text: str,
) -> None:
    plain = R.BARE_CREDIT.search(text)
    bare = R.CREDIT_AFTER_SENTENCE.search(text)
    if bare is None:
        assert plain is None
    else:
        fast = R.BARE_CREDIT.search(text, bare.start() + 2)
        assert (fast and fast.span()) == (plain and plain.span())
