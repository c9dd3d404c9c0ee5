"""split_strip(text, share) (newsdump/_features.c): the stripped lines and the filled ones as
split_strip(text), and text.splitlines() only where the page is harsh (segment's test of its
blank lines against `share`), else None; segment's blocks as the plain Python's."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import segment

try:
    from newsdump import _features
except ImportError:  # pragma: no cover - depends on the install
    _features = None  # type: ignore[assignment]

pytestmark = pytest.mark.skipif(_features is None, reason="the compiled extension was not built")

CHARS = "ab \t\n\r\x0b\x0c\x1c\x85\xa0é\u2028\u3000中\U0001f600\ud800\x00."
SHARES = (0.0, 0.01, 0.2, 0.5, 1.0)


def reference(text: str, share: float) -> tuple[list[str] | None, list[str], list[int]]:
    raw = text.splitlines()
    stripped = [line.strip() for line in raw]
    filled = [i for i, line in enumerate(stripped) if line]
    harsh = bool(filled) and filled[-1] - filled[0] + 1 - len(filled) <= share * len(filled)
    return (raw if harsh else None), stripped, filled


def check(text: str) -> None:
    for share in SHARES:
        raw, stripped, filled = _features.split_strip(text, share)
        assert (raw, stripped, filled) == reference(text, share)
        if raw is not None:  # a line with nothing to strip is its stripped line itself
            for line, plain in zip(raw, stripped, strict=True):
                assert (line is plain) == (len(line) == len(plain))
    assert _features.split_strip(text) == (text.splitlines(), *reference(text, 0.0)[1:])


@settings(deadline=None, max_examples=400)
@given(st.text(alphabet=st.sampled_from(CHARS), max_size=200))
def test_split_strip_with_share(text: str) -> None:
    check(text)


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\n\n\n", " x ", "x", "x\n\ny", "x\ny\n\nz\nw", "  a\r\nb  \r\n\r\nc\u2028 d \x85"],
)
def test_small_pages(text: str) -> None:
    check(text)


def test_blank_share_at_the_bound() -> None:
    """One blank line among a hundred filled ones is harsh at 0.01, not below it."""
    text = "\n".join(["line"] * 50 + [""] + ["line"] * 50)
    assert _features.split_strip(text, 0.01)[0] == text.splitlines()
    assert _features.split_strip(text, 0.0099)[0] is None
    assert _features.split_strip(" only ", 0.0)[0] == [" only "]  # no blank line: harsh
    with pytest.raises(TypeError):
        _features.split_strip(text, "0.01")  # type: ignore[call-overload]


@settings(deadline=None, max_examples=150)
@given(
    st.lists(
        st.sampled_from(["", " ", "Read the", "full report", "here.", " Home ", "of the", "中文"]),
        max_size=30,
    ).map("\n".join)
)
def test_segment_as_plain_python(text: str) -> None:
    blocks = segment.segment(text)
    with patch.object(segment, "_features", None):
        assert segment.segment(text) == blocks


class Number(int):
    pass


@pytest.mark.parametrize("harsh", [False, True])
def test_blocks_line_numbers_past_the_small_ints(harsh: bool) -> None:
    """The blocks' (first, last) are filled's own numbers where they are exact ints (no two
    ints made a block), equal to the plain Python's, past the cached small ints too."""
    words = ["Read the", "full report", "here.", "Home", "of the", "news today"]
    lines = [words[i % len(words)] if i % 7 else "" for i in range(700)]
    filled = [i for i, line in enumerate(lines) if line]
    stopwords = frozenset({"the", "of"})
    expected = segment._blocks(lines, filled, harsh, stopwords)
    blocks = _features.segment_blocks(
        segment.Block, lines, filled, harsh, stopwords, segment.GLUE_CHARS
    )
    assert blocks == expected
    assert len({b.lines for b in blocks}) == len(blocks)
    by_value = {i: number for i, number in zip(filled, filled, strict=True)}
    for block in blocks:
        first, last = block.lines
        assert first is by_value[first] and last is by_value[last]
    odd = [Number(i) if i % 2 else i for i in filled]  # not exact ints: made anew
    blocks = _features.segment_blocks(
        segment.Block, lines, odd, harsh, stopwords, segment.GLUE_CHARS
    )
    assert blocks == expected
    assert all(type(n) is int for b in blocks for n in b.lines)
