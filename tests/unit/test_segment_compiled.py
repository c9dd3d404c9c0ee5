"""The compiled segmentation (newsdump/_features.c) against the Python reference: the same
blocks on invented dumps and on random lines (glue characters, CJK, odd unicode, blank lines)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import segment as seg
from newsdump.document import Block
from newsdump.lang import top_stopwords

needs_compiled = pytest.mark.skipif(
    seg._features is None, reason="the compiled segmentation was not built (no C compiler)"
)

HARSH = (
    "Site title\nMenu\nThe mayor said\non Tuesday\nthat the new bridge\n, which cost millions,\n"
    "would open soon.\nAccording to the\nCity Herald\nreport, traffic will double.\n"
    "東京の\n新しい橋。\nContact\nabout us\n"
)


def reference(text: str) -> list[Block]:
    lines = [line.strip() for line in text.splitlines()]
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return []
    harsh = lines[filled[0] : filled[-1] + 1].count("") <= 0.01 * len(filled)
    stopwords = top_stopwords("en", seg.GLUE_STOPWORDS) if harsh else frozenset()
    return seg._blocks(lines, filled, harsh, stopwords)


def compiled(lines: list[str], harsh: bool, stopwords: frozenset[str]) -> list[Block]:
    filled = [i for i, line in enumerate(lines) if line]
    blocks: list[Block] = seg._features.segment_blocks(
        Block, lines, filled, harsh, stopwords, seg.GLUE_CHARS
    )
    return blocks


@needs_compiled
@pytest.mark.parametrize("text", [HARSH, HARSH.replace("\n", "\n\n"), "One line.", "a\n\n\nb\n"])
def test_compiled_segment_gives_the_references_blocks(text: str) -> None:
    blocks = seg.segment(text)
    assert blocks == reference(text)
    assert [hash(b) for b in blocks] == [hash(b) for b in reference(text)]
    assert all(type(b) is Block for b in blocks)


def test_the_python_path_without_the_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seg, "_features", None)
    assert [b.text for b in seg.segment(HARSH)] == [
        "Site title",
        "Menu",
        "The mayor said on Tuesday that the new bridge, which cost millions, would open soon.",
        "According to the City Herald report, traffic will double.",
        "東京の",
        "新しい橋。",
        "Contact",
        "about us",
    ]


@needs_compiled
def test_a_type_without_the_block_slots_is_refused() -> None:
    with pytest.raises(TypeError):
        seg._features.segment_blocks(tuple, ["a"], [0], False, frozenset(), seg.GLUE_CHARS)


PIECES = st.sampled_from(
    [
        *"aZé ß.!?,;:)]}»”’%、，。：；！？([{«“‘—–\"'…؟।_0",
        *("the", "of", "and", "Der", "und", "東京", "の"),
        *("\u00a0", "\u2009", "\u3000", "\u0301", "\u0e01", "\uff01", "\U0001f600", "İ", "Σ"),
    ]
)
LINE = st.one_of(
    st.lists(PIECES, max_size=30).map("".join),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    st.just(""),
)


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(raw=st.lists(LINE, max_size=40), harsh=st.booleans(), code=st.sampled_from(["en", "de"]))
def test_compiled_blocks_on_random_lines(raw: list[str], harsh: bool, code: str) -> None:
    lines = [line.strip() for line in raw]
    filled = [i for i, line in enumerate(lines) if line]
    stopwords = top_stopwords(code, seg.GLUE_STOPWORDS)
    assert compiled(lines, harsh, stopwords) == seg._blocks(lines, filled, harsh, stopwords)


SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u200b\u2028\u2029\u3000\ufeff"


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(SPACES + "ab語") | st.characters(), max_size=12)))
def test_compiled_strip_is_str_strip(texts: list[str]) -> None:
    """`strip_texts` (segment's lines): ``str.strip`` of every text and where
    the stripped ones are not empty."""
    lines, filled = seg._features.strip_texts(texts)
    assert lines == [text.strip() for text in texts]
    assert filled == [i for i, text in enumerate(texts) if text.strip()]
    with pytest.raises(TypeError):
        seg._features.strip_texts([b"bytes"])
    with pytest.raises(TypeError):
        seg._features.strip_texts(("a tuple",))
