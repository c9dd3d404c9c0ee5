"""The compiled helpers' one-byte (UCS1) paths in newsdump/_feed.c against the Python references:
edge_words splits on str.isspace by a table below U+0100, link_hint looks only at ".", ":" and
"w"; every character below U+0100 in every place (the UCS1 path), and past it (the others).
And _feed.article_ends (split's article span) against feed._article_ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed
from newsdump.document import Block, Label, LabelledBlock

pytestmark = pytest.mark.skipif(feed._feed is None, reason="the compiled helpers were not built")

WORDS = feed.LABEL_FIRST_WORDS
PAIRS = feed.LABEL_FIRST_PAIRS


def test_edge_words_of_every_one_byte_character_is_the_python_one() -> None:
    for code in [*range(256), 0x100, 0x2003, 0x3000, 0x1F600]:
        char = chr(code)
        for text in (
            f"Read{char}more a b c d e f",
            f"a b c d e f{char}Read",
            f"x{char}Read{char}y",
            f"{char}In{char}",
            char,
            f"a{char}b{char}c{char}d{char}e{char}f{char}g{char}More",
        ):
            for head, tail in ((0, 0), (1, 0), (3, 5), (0, 2), (6, 8)):
                want = feed._edge_words(text, WORDS, head, tail)
                assert feed._feed.edge_words(text, WORDS, head, tail) == want, (hex(code), text)
                assert feed._feed.edge_words(text, WORDS, head, tail, PAIRS) == want, hex(code)


ONE_BYTE = st.text(st.characters(max_codepoint=0xFF), max_size=40)
PIECES = ["Read", "more", "In", "A", "\x85", "\xa0", "\x1c", " ", "é", "www.", ".com", "://"]


@given(st.lists(st.sampled_from(PIECES) | ONE_BYTE, max_size=12).map("".join))
@settings(max_examples=1500, deadline=None)
def test_one_byte_texts_are_the_python_ones(text: str) -> None:
    for head, tail in ((3, 5), (0, 1), (2, 0)):
        want = feed._edge_words(text, WORDS, head, tail)
        assert feed._feed.edge_words(text, WORDS, head, tail, PAIRS) == want
    link = feed.LINK_SHAPE_HINT.search(text) is not None
    assert bool(feed._feed.hints(text) & 2) == link  # (_feed.hints's LINK flag)


LABELS = st.lists(st.sampled_from(list(Label)), max_size=12)


@given(LABELS)
@settings(max_examples=500, deadline=None)
def test_article_ends_are_the_python_ones(labels: list[Label]) -> None:
    labelled = [
        LabelledBlock(Block(i, f"line {i}", (i, i)), label, 0.5, "model")
        for i, label in enumerate(labels)
    ]
    want = feed._article_ends(labelled, Label.ARTICLE)
    assert feed._feed.article_ends(labelled, Label.ARTICLE) == want
    assert feed._feed.article_ends(tuple(labelled), Label.ARTICLE) == want
    firsts = [i for i, label in enumerate(labels) if label is Label.ARTICLE]
    assert want == ((firsts[0], firsts[-1]) if firsts else None)


class Odd:
    """A block of another type: its label read by getattr."""

    def __init__(self, label: object) -> None:
        self.label = label


def test_article_ends_on_odd_blocks() -> None:
    block = LabelledBlock(Block(0, "x", (0, 0)), Label.ARTICLE, 0.5, "model")
    mixed = [Odd(Label.BOILERPLATE), block, Odd(Label.ARTICLE), Odd("article")]
    assert feed._feed.article_ends(mixed, Label.ARTICLE) == (1, 2)
    assert feed._feed.article_ends([], Label.ARTICLE) is None
    assert feed._feed.article_ends([Odd(1)], Label.ARTICLE) is None
    with pytest.raises(AttributeError):
        feed._feed.article_ends([object()], Label.ARTICLE)
    with pytest.raises(TypeError):
        feed._feed.article_ends(3, Label.ARTICLE)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        feed._feed.article_ends([])  # type: ignore[call-arg]


AD_PIECES = [
    "sponsored", "Sponsors", "PARTNER", "partners", "Paid", "promoted", "Promotion",
    "advertisement", "Advertorial", "Anzeige", "anzeigen", "Werbung", "gesponsert",
    "sponsorisé", "sponsorisee", "publicité", "publicite", "Publicidad", "patrocinados",
    "Reklama", "sponsorowane", "pubblicità", "pubblicita", "广告", "x", " ", "-", "_", "2",
]  # fmt: skip


@given(st.lists(st.sampled_from(AD_PIECES) | st.text(max_size=3), max_size=6).map("".join))
@settings(max_examples=3000, deadline=None)
def test_an_ad_label_in_ascii_text_has_one_of_its_parts(text: str) -> None:
    if text.isascii() and feed.AD_LABEL.search(text):
        assert feed.has_any(text.lower(), feed.AD_LABEL_PARTS)
        assert feed._has_any(text.lower(), feed.AD_LABEL_PARTS)


class Shouting(str):
    """A str whose lower() is its own: the compiled lower calls it (no ASCII shortcut)."""

    def lower(self) -> str:
        return self.upper()


def test_lower_of_ascii_is_str_lower() -> None:
    every = "".join(map(chr, range(128)))
    for text in ("", "A", every, every[::-1] * 3, "Read MORE at Example.COM"):
        assert feed._feed.lower(text) == text.lower()
        assert feed._feed.lower(text).isascii()
    assert feed._feed.lower(Shouting("Ab")) == "AB"


@given(st.text(st.characters(max_codepoint=0x7F), max_size=80) | ONE_BYTE)
@settings(max_examples=2000, deadline=None)
def test_story_keys_of_ascii_titles_are_the_python_ones(title: str) -> None:
    assert feed._feed.story_key(title) == feed._story_key(title)


def test_story_key_of_every_ascii_character_is_the_python_one() -> None:
    for code in range(128):
        for title in (chr(code), f"Ab{chr(code)}cD 12", f"{chr(code)}x" * 30):
            assert feed._feed.story_key(title) == feed._story_key(title), hex(code)


def test_link_hint_at_every_place_of_a_long_line() -> None:
    for mark in (".com", ".co.uk", "://", "www.", ".comx", ".", ":", "w", "é.de"):
        for at in range(40):
            for fill in ("a", " ", "\xa0"):
                text = fill * at + mark + fill * (39 - at)
                link = feed.LINK_SHAPE_HINT.search(text) is not None
                assert bool(feed._feed.hints(text) & 2) == link, (mark, at, fill)
