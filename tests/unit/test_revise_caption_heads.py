"""FACT_CAPTION's heads (BARE_CREDIT_HEAD, SLASH_CREDIT_HEAD, CAPTION_HEAD): each holds wherever
the pattern it stands for can match, the compiled facts (newsdump/_revise.c) find them as the
Python ones do at every character where a letter or a mark of theirs stands, and a prose
paragraph's ". In", ". But", "It was" are no caption's."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R

compiled = pytest.mark.skipif(R._revise is None, reason="newsdump/_revise.c was not built")

PIECES = [". ", "! ", "… ", " ", "/", "Foto", "İl", "ıM", "PH", "zd", "Cr", "gR", "vI", "bi", "©"]
PIECES += ["Image ", "PHOTO ", "picture ", "Ö", "Þ", "×", "ß", "a", "A", "사진", "東", ":", "."]
PIECES += [")", "）", "In", "It was", "But", "Police"]
# every character that matches an ASCII letter ignoring case but lowers onto none alone (İ, ı,
# ſ, the Kelvin sign), the marks, Latin-1 and Latin Extended-A (_SLASH's [A-ZÀ-Þ] and around it),
# a few wide ones
CHARS = [chr(c) for c in range(0x250)] + list("\u2026\u212a\u1e9e\uff08\uff09。사진东")


def caption_fact(texts: list[str]) -> tuple[list[bool], list[bool]]:
    """FACT_CAPTION of each text as a body block's, compiled and in Python."""
    out = listed(*((text, True, 0.5, False) for text in texts))
    fast, plain = R._facts(out)[6], R._facts_plain(out)[6]
    return [bool(f & R.FACT_CAPTION) for f in fast], [bool(f & R.FACT_CAPTION) for f in plain]


def heads_of(pattern: re.Pattern[str]) -> list[str]:
    """The words of a pattern's first alternation, "(?:a|b|c)"."""
    return pattern.pattern.split("(?:", 1)[1].split(")", 1)[0].split("|")


def test_bare_credit_head_holds_where_bare_credit_can_start() -> None:
    """Every word BARE_CREDIT's credit starts with, with each of its first two letters in any
    form that matches it ignoring case, is one of BARE_CREDIT_HEAD's."""
    body = R.BARE_CREDIT.pattern.split("(?:", 2)[2]  # "© ?(?:photo|foto)?|(?:foto|...) ?[:.])..."
    words = ["©", *body.split("|(?:", 1)[1].split(")", 1)[0].split("|")]
    assert {"foto", "photo", "zdjęcie", "crédit photo", "illustration"} <= set(words)
    for word in words:
        for first in (c for c in CHARS if re.fullmatch(word[0], c, re.IGNORECASE)):
            for second in (c for c in CHARS if re.fullmatch(word[1:2] or "x", c, re.I)):
                assert R.BARE_CREDIT_HEAD.search(f"x. {first}{second}"[: 3 + len(word)]), word


def test_slash_credit_head_holds_where_a_slash_credit_can_start() -> None:
    for char in CHARS:
        line = f"Ship at the quay. {char}eystone/Ann Lee"
        if R.SLASH_CREDIT.search(line):
            assert R._slash_head(line)
        if R.LINE_SLASH_CREDIT.fullmatch(f"{char}eystone/Ann Lee"):
            assert "A" <= char <= "Z" or "À" <= char <= "Þ"


def test_caption_head_holds_where_caption_start_can_match() -> None:
    for word in heads_of(R.CAPTION_START):
        for at in range(len(word)):
            for char in CHARS:
                line = word[:at] + char + word[at + 1 :] + " caption Ann"
                if R.CAPTION_START.match(line):
                    assert R.CAPTION_HEAD.match(line), line


@compiled
def test_the_compiled_heads_read_every_character_as_python_does() -> None:
    lines: list[str] = []
    for mark in ".!?…":  # BARE_CREDIT_HEAD's and SLASH_CREDIT_HEAD's, each letter in every form
        for char in CHARS:
            lines += [f"Ann Lee{mark} {char}{second}: AP" for second in "oOhHiImMlLdDrRİıx"]
            lines += [f"Ann{mark} {first}{char}/AP" for first in "fFpPbBvViIİızZcCgG©"]
            lines += [f"Ann{mark}{char}{char}ab", f"Ann {char}/AP", f"{char}nn Lee/AP"]
    for word in ("image ", "photo ", "picture "):  # CAPTION_HEAD's, each letter in every form
        for at in range(len(word)):
            lines += [word[:at] + char + word[at + 1 :] + "caption" for char in CHARS]
            lines.append(word[:at])  # (too short)
    lines += ["İMAGE caption", "ımage x", "PHOTO ", "Picture\tx", "picture", "Image: AP"]
    lines += ["x. " + "x" * 60 + ". Foto: A", "a" * 41 + " b. Foto: AP", "Ann\u2026 İl: x"]
    fast, plain = caption_fact(lines)
    assert fast == plain
    assert fast[lines.index("İMAGE caption")] and not fast[lines.index("Picture\tx")]


@compiled
@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(PIECES) | st.text(max_size=3),
        max_size=12,
    ).map("".join)
)
def test_the_compiled_caption_fact_is_the_python_one(text: str) -> None:
    fast, plain = caption_fact([text, text.strip(), "x " * 30 + text])
    assert fast == plain


def test_a_paragraph_s_sentences_are_no_caption_s() -> None:
    for line in (
        "It rained on the quay. In the morning the pilots waited. But the fog stayed.",
        "Police said the ferry was late. The crews waited on the quay for an hour.",
        "In 2016, the council voted. It was the first vote on the harbour plan.",
    ):
        assert not R._text_facts(line, 15, True) & R.FACT_CAPTION
    for line in (
        "Crowds at the quay. Foto: Lena Roth",
        "Crowds at the quay. Keystone/Ann Lee",
        "Image caption The quay at dawn",
        "Keystone/Ann Lee",
        "Foto: Ann Lee",
    ):
        assert R._text_facts(line, 6, True) & R.FACT_CAPTION, line
