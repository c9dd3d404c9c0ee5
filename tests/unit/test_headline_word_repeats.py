"""The compiled word sets skip the repeats of a long text's words (newsdump/_headline.c,
SeenTable): the same set as the plain one, in the same order, however the words repeat, and
when the table of seen words fills up."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

pytestmark = pytest.mark.skipif(H._headline is None, reason="the C extension was not built")

WORDS = [
    "the", "The", "THE", "tHe", "a", "A", "Ünal", "ünal", "ÜNAL", "der", "Der", "é", "É", "x_1",
    "X_1", "2019", "ǅ", "ǆ", "ß", "ẞ", "ﬁ", "Ω", "ω", "地铁", "地", "\ud800", "\udfff", "\x00",
    "ſ", "K", "\u212a", "ı", "i", "I",
]  # fmt: skip
SEPARATORS = [" ", "  ", ", ", "\n", "-", "'", "\t", "…"]


def plain(text: str) -> set[str]:
    return set(H.TOKEN.findall(text.lower()))


LONG = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=40, max_size=400
).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=400, deadline=None)
@given(LONG)
def test_long_texts_give_the_plain_set_in_its_order(text: str) -> None:
    got = H._headline.lower_word_set(text)
    if "\u0130" in text or "\u03a3" in text:
        assert got is None
        return
    want = plain(text)
    assert got == want
    assert list(got) == list(want)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=200, max_size=2000))
def test_any_long_text(text: str) -> None:
    got = H._headline.lower_word_set(text)
    if got is not None:
        assert got == plain(text)
        assert list(got) == list(plain(text))


@pytest.mark.parametrize("prefix", ["", "é "])
def test_many_distinct_words_fill_the_table(prefix: str) -> None:
    # short distinct words: more than the table holds (it stops looking for repeats), repeated
    words = [f"w{k}" for k in range(3000)]
    text = prefix + " ".join(words + words[::-1] + [w.upper() for w in words])
    got = H._headline.lower_word_set(text)
    assert got == plain(text)
    assert list(got) == list(plain(text))
    assert len(got) == 3000 + (1 if prefix else 0)


def test_repeats_of_an_ascii_and_a_wide_text() -> None:
    ascii_text = "The cat and THE dog; the Cat_1 and the dog. " * 20
    assert H._headline.lower_word_set(ascii_text) == {"the", "cat", "and", "dog", "cat_1"}
    wide = "Ünal und ÜNAL und der Hund, der Hund. " * 20
    assert H._headline.lower_word_set(wide) == {"ünal", "und", "der", "hund"}
