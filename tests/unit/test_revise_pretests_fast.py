"""The rules' first tests of a page, compiled (`_revise.pretests`) as in Python
(`_pretests_plain`), exactly; the numpy masks the long pages' rules used before give the same
blocks; and the compiled word counts of `_revise.facts` at every length around the 16 (UCS1)
and 8 (UCS2) characters it reads at a time."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R

compiled = pytest.mark.skipif(
    getattr(R._revise, "pretests", None) is None, reason="newsdump/_revise.c was not built"
)

SCORES = [0.0, 0.1, 0.5, R.SURE, 0.85, R.CARD_SURE, 0.95, 1.0, float("nan"), float("inf")]
pages = st.lists(st.tuples(st.booleans(), st.sampled_from(SCORES), st.integers(0, 12)), max_size=40)


def _columns(
    page: list[tuple[bool, float, int]],
) -> tuple[list[bool], list[float], list[int]]:
    return [b for b, _, _ in page], [s for _, s, _ in page], [w for _, _, w in page]


@compiled
@settings(max_examples=2000, deadline=None)
@given(pages)
def test_the_compiled_pretests_are_the_python_ones(page: list[tuple[bool, float, int]]) -> None:
    body, score, words = _columns(page)
    fast = R._revise.pretests(body, score, words, R.PRETEST_LIMITS)
    assert fast == R._pretests_plain(body, score, words)


def _at(values: np.ndarray, k: int, fill: object) -> np.ndarray:  # type: ignore[type-arg]
    n = len(values)
    shifted = np.full_like(values, fill)
    if k >= 0:
        shifted[: max(n - k, 0)] = values[k:]
    else:
        shifted[-k:] = values[: max(n + k, 0)]
    return shifted


@settings(max_examples=1000, deadline=None)
@given(pages)
def test_the_pretests_are_the_masks_of_the_arrays(page: list[tuple[bool, float, int]]) -> None:
    body_list, score_list, words_list = _columns(page)
    body = np.array(body_list, dtype=bool)
    score = np.array(score_list, dtype=np.float64)
    words = np.array(words_list, dtype=np.int64)
    sure = body & (score >= R.SURE)
    cards = (
        body
        & _at(body, 1, False)
        & ~(score >= R.CARD_SURE)
        & ~(_at(score, 1, 0.0) >= R.CARD_SURE)
        & _at(sure, -1, False)
    )
    boxes = (
        body
        & ~(score >= R.CARD_SURE)
        & _at(sure, 2, False)
        & _at(body, 1, False)
        & (_at(score, 1, R.SURE) < R.SURE)
        & (_at(words, 1, R.BUTTON_MAX_WORDS + 1) <= R.BUTTON_MAX_WORDS)
        & _at(sure, -2, False)
    )
    shorts = body & (score < R.SURE) & (words <= R.SHORT_MAX_WORDS)
    masks = [np.flatnonzero(m).tolist() for m in (sure, cards, boxes, shorts)]
    assert list(R._pretests_plain(body_list, score_list, words_list)) == masks
    assert list(R._pretests(body_list, score_list, words_list)) == masks


@compiled
def test_the_compiled_pretests_leave_what_is_no_float_or_bool_to_python() -> None:
    limits = R.PRETEST_LIMITS
    assert R._revise.pretests([True], [1], [3], limits) is None  # an int score
    assert R._revise.pretests([1], [0.5], [3], limits) is None  # a body entry no bool
    assert R._revise.pretests([True], [0.5], [2**70], limits) is None  # no C size
    assert R._revise.pretests([True], [0.5], [], limits) is None  # lists of other lengths
    assert R._pretests([True, True], [1, 0.5], [3, 3]) == ([0], [], [], [1])  # (by Python)
    assert R._revise.pretests([], [], [], limits) == ([], [], [], [])


CHARS = [" ", "a", "\u00a0", "\x85", "\t", "\u3000", "\u2003", "é", "中", "\U0001f600", "\x1c"]


@compiled
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(CHARS), max_size=60).map("".join), st.sampled_from(["", "中"]))
def test_the_compiled_word_counts_are_split_s(text: str, wide: str) -> None:
    for each in (text, text + wide, wide + text):
        out = listed((each, True, 0.5, False), (each[1:], False, 0.5, False))
        assert R._facts(out)[2] == [len(each.split()), len(each[1:].split())]


@compiled
def test_the_compiled_word_counts_at_every_length() -> None:
    for wide in ("", "\u0100", "\U00010000"):  # UCS1, UCS2, UCS4
        for n in range(70):
            for step in (1, 2, 3, 5, 7):
                text = wide + "".join("a" if k % step else " " for k in range(n))
                for each in (text, "  " + text + " ", text.replace(" ", "\u00a0")):
                    out = listed((each, True, 0.5, False))
                    assert R._facts(out)[2] == [len(each.split())], (wide, n, step)


def test_a_line_credit_s_mark_stands_within_its_reach() -> None:
    """(what FACT_CAPTION's ":" or "." among a line's first CREDIT_MARK_REACH characters
    stands for: LINE_CREDIT's words, one whitespace, the mark; each letter matches one
    character, ignoring case)"""
    words = R.LINE_CREDIT.pattern.split("|(?:", 1)[1].split(r")\s?[:.]", 1)[0].split("|")
    assert "visualisierung" in words and "crédit photo" in words
    assert max(map(len, words)) + 1 < R.CREDIT_MARK_REACH
    for word in words:
        for text in (word, word.upper(), word.title(), word.replace("i", "İ").replace("s", "ſ")):
            for gap in ("", " ", "\u00a0"):
                for mark in ":.":
                    line = f"{text}{gap}{mark} Ann Lee"
                    if R.LINE_CREDIT.fullmatch(line):
                        assert R._text_facts(line, 3, True) & R.FACT_CAPTION, line
                        out = listed((line, True, 0.5, False))
                        assert R._facts(out)[6][0] & R.FACT_CAPTION, line


def test_a_caption_s_label_starts_with_one_of_its_first_letters() -> None:
    """(CAPTION_START_FIRST: every character CAPTION_START's first letters match)"""
    import sys

    firsts = {w[0] for w in R.CAPTION_START.pattern[3:].split(")", 1)[0].split("|")}
    matched = {
        chr(c)
        for c in range(sys.maxunicode + 1)
        if any(R.re.fullmatch(f"(?i){first}", chr(c)) for first in firsts)
    }
    assert matched == set(R.CAPTION_START_FIRST)
    for line in ("İmage caption Ann", "ımage copyright x", "PICTURE caption", "photo copyright"):
        assert R.CAPTION_START.match(line)
        assert R._text_facts(line, 3, True) & R.FACT_CAPTION
        assert R._facts(listed((line, True, 0.5, False)))[6][0] & R.FACT_CAPTION


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"©fFpPbBiIİızZcCvVgG .:/)）!?…",
                "Visualisierung",
                "Crédit photo",
                "photo credit",
                "Illustration",
                "ZDJĘCIE",
                "image",
                "İmage",
                "caption",
                "copyright",
                "Picture",
                "Fot",
                "Foto",
                "Grafik",
                " Ann Lee",
                "사진",
                "자료",
                "=",
                "\u00a0",
                "abcdefghijklmnop",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_the_caption_fact_holds_wherever_a_caption_can_be_found(text: str) -> None:
    stripped = text.strip()
    credit = R.CREDIT.search(stripped) if stripped.endswith((")", "）")) else None
    credit = credit or R.BARE_CREDIT.search(stripped) or R.SLASH_CREDIT.search(stripped)
    credit = credit or R.LINE_CREDIT.fullmatch(stripped) or R.LINE_SLASH_CREDIT.fullmatch(stripped)
    facts = R._text_facts(stripped, 3, True)
    if (credit and credit.end() == len(stripped)) or R.CAPTION_START.match(stripped):
        assert facts & R.FACT_CAPTION
    if R._revise is not None:
        assert R._facts(listed((text, True, 0.5, False)))[6][0] == facts


def test_every_label_glued_to_a_headline_has_the_glued_card_fact() -> None:
    """(FACT_GLUED_CARD: a label's first three characters, at any length)"""
    for label in sorted(R.RELATED_LABELS):
        for text in (label, label.upper(), label.title(), label.capitalize()):
            for line in (f"{text}: Ferry fares rise again", f"({text} Ferry fares rise)"):
                facts = R._text_facts(line, len(line.split()), True)
                assert facts & R.FACT_GLUED_CARD, line
                if R._revise is not None:
                    out = listed((line, True, 0.5, False))
                    assert R._facts(out)[6][0] == facts, line
    assert not R._text_facts("Researchers: the quay", 3, True) & R.FACT_GLUED_CARD


def test_every_glued_label_is_found_by_its_facts() -> None:
    """(`_glued_labels` and `_glued_cards` look only at FACT_GLUED_CARD lines: they drop what
    they drop looking at every line)"""
    from unittest.mock import patch

    from test_revise_facts import every_block

    para = "The council met on Tuesday to discuss the harbour and its many ferries."
    dropped = 0
    for label in sorted(R.RELATED_LABELS):
        for text in (label, label.upper(), label.title()):
            rows = [
                (para, True, 0.95, True),
                (f"{text}: Ferry fares rise again this winter", True, 0.95, True),
                (para, True, 0.95, True),
                ("Ferry fares rise again this winter", False, 0.1, True),
            ]
            out = listed(*rows)
            fast = [(lb.label, lb.reason) for lb in R.revise(out)]
            with patch.object(R, "_facts", every_block):
                assert fast == [(lb.label, lb.reason) for lb in R.revise(out)], text
            dropped += fast[1][1] in ("glued_label", "embedded_card")
    assert dropped > len(R.RELATED_LABELS)


@compiled
def test_the_compiled_clock_is_found_at_every_place() -> None:
    """(FACT_CLOCK of a UCS2 or UCS1 text, its colon at every place around the 8 characters
    the compiled pass skips at a time)"""
    for wide in ("中", "é", "\U00010000"):
        for n in range(0, 26):
            for m in range(0, 12):
                for clock in ("1:23", ":23", "1:2", "a:bc", "12:345", "１:２３", "1::23"):
                    text = wide * n + clock + wide * m
                    out = listed((text, False, 0.5, False))
                    found = bool(R._facts(out)[6][0] & R.FACT_CLOCK)
                    assert found == bool(R.CLOCK.search(text)), text


SCANNED = [*":|>/.!? aFpiIc©»\u00e9\u00a0", "x" * 7, ". F", "? p", "! ©", "Foto:", "a/b"]


@compiled
@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(SCANNED), max_size=40).map("".join), st.integers(0, 60))
def test_the_compiled_scan_of_a_latin_1_text_is_the_python_one(text: str, words: int) -> None:
    """(text_facts' scan of a UCS1 text, 16 characters at a time: every fact as in Python, at
    every length and word count -- a long paragraph is read to LABEL_MAX_CHARS only)"""
    stripped = text.strip()
    if not stripped:
        return
    padded = stripped + " w" * max(0, words - len(stripped.split()))  # (more words, same start)
    for each in (stripped, padded, "x" * 16 + stripped, stripped + "x" * 16):
        out = listed((each, True, 0.5, False))
        facts = R._facts(out)
        assert facts[6][0] == R._text_facts(facts[1][0], facts[2][0], True), each
