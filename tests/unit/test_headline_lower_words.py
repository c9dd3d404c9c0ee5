"""headline._lower_words, compiled (newsdump/_headline.c lower_word_set), is the word set of the
lower-cased text: on every code point (alone, and inside a word), and on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H


def plain(text: str) -> set[str]:
    return H._word_set(text.lower())


def test_every_code_point_lowers_as_str_lower_does() -> None:
    for code in range(0x110000):
        char = chr(code)
        if char in ("\u0130", "\u03a3"):
            assert H._lower_word_set(char) is None
            assert H._lower_word_set("ab" + char) is None
            continue
        for text in ("Ab" + char + "Cd", char + " x"):
            assert H._lower_word_set(text) == plain(text), hex(code)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=60))
def test_lower_words_are_the_words_of_the_lower_cased_text(text: str) -> None:
    got = H._lower_word_set(text)
    if "\u0130" in text or "\u03a3" in text:
        assert got is None
    else:
        assert got == plain(text)
    assert H._lower_words(text) == plain(text)
    assert H._plain_lower_words(text) == got


def test_tokens_of_a_few_lines() -> None:
    assert H.tokens("Ann LEE's bridge_2") == {"ann", "lee", "s", "bridge_2"}
    assert H.tokens("Zürich ÉTÉ") == {"zürich", "été"}
    assert H.tokens("İstanbul ΣΟΦΙΑ") == {"i̇stanbul", "σοφια"}
    assert H.tokens("桥梁重建") == {"桥梁重建", "桥梁", "梁重", "重建"}
