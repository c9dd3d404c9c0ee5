"""newsdump/_io.c: count_words, 16 characters a step in 1- and 2-byte strings (every 2-byte
lane classified in SSE2), against the Python reference `records._count_words`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import records

_io = pytest.importorskip("newsdump._io")

# every edge of the classes: spaces below U+0100 and above, the wide ranges' ends and their
# neighbours, surrogates, a 4-byte character
EDGES = [" ", "a", "9", "\t", "\n", "\x0b", "\x0c", "\r", "\x08", "\x0e", "\x1b", "\x1c", "\x1f",
         "\x20", "\x21", "\x84", "\x85", "\x86", "\x9f", "\xa0", "\xa1", "\xe9", "\xff", "\x00",
         "\u0100", "\u0400", "\u0dff", "\u0e00", "\u0e7f", "\u0e80", "\u167f", "\u1680",
         "\u1681", "\u1fff", "\u2000", "\u200a", "\u200b", "\u2019", "\u2027", "\u2028",
         "\u2029", "\u202a", "\u202e", "\u202f", "\u2030", "\u205e", "\u205f", "\u2060",
         "\u2fff", "\u3000", "\u3001", "\u303f", "\u3040", "\u30ff", "\u3100", "\u33ff",
         "\u3400", "\u4e00", "\u9fff", "\ua000", "\uabff", "\uac00", "\ud7af", "\ud7b0",
         "\ud800", "\udfff", "\ue000", "\uf8ff", "\uf900", "\ufaff", "\ufb00", "\uffff",
         "\U0001f600"]  # fmt: skip


RUNS = st.lists(st.sampled_from(EDGES), max_size=7).map("".join)


@settings(max_examples=2000, deadline=None)
@given(st.lists(RUNS, max_size=40).map("".join))
def test_count_words_is_the_reference(text: str) -> None:
    for candidate in (text, text * 5 + " x", "a" * 15 + text, "\u2019" * 9 + text):
        assert _io.count_words(candidate) == records._count_words(candidate), candidate


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_count_words_of_any_text_is_the_reference(text: str) -> None:
    assert _io.count_words(text) == records._count_words(text)


def test_count_words_at_every_alignment() -> None:
    """A space, a wide character and a word's at every position of a 16-character step, in
    Latin-1 and 2-byte strings, with and without a character from U+0100 in the step."""
    for special in (" ", "\xa0", "\u3000", "\u2028", "\u4e00", "\u0e00", "\u2019", "\u0416"):
        for filler in ("a", "\u0416", "\u2019"):
            for n in range(1, 50):
                for at in range(n):
                    text = filler * at + special + filler * (n - at - 1)
                    assert _io.count_words(text) == records._count_words(text), (text, at)


def test_count_words_examples() -> None:
    count = _io.count_words
    assert count("") == 0
    assert count("a" * 40) == 1
    assert count("\u0416" * 40) == 1
    assert count("a b " * 20) == 40
    assert count("\u2019a b " * 20) == 40
    assert count("“Quoted” words here, " * 4) == 12
    assert count("Привет, мир! " * 8) == 16
    assert count("北京欢迎你 and more " * 2) == 9  # 4 + (10 + 1) // 2
    assert count("\u4e00" * 33) == 17
    assert count("x\u2000y\u200az\u2028w\u2029v\u202fu\u205ft\u3000s\u1680r") == 9
    assert count("\u200bx\u200by") == 1  # a zero-width space is no space
    assert count("\ud800 \udfff") == 2  # lone surrogates are word characters
    assert count("😀 smile\u3000wide") == 3
    with pytest.raises(TypeError):
        _io.count_words(b"bytes")  # type: ignore[arg-type]


def test_records_uses_the_compiled_count() -> None:
    assert records._compiled_count is _io.count_words
