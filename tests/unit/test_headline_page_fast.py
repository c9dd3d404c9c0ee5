"""The page-level shortcuts of the headline ranker change nothing: any_blank is
any(map(any, blanks)), title_parts and title_separated split and search as the patterns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline
from newsdump.headline import (
    PAGE_TITLE_SEPARATORS,
    TITLE_SEPARATORS,
    _plain_any_blank,
    title_parts,
    title_separated,
)

PIECES = [
    "Headline", "Site", " - ", " | ", " – ", " — ", " :: ", " » ", "-", "|", ":", "::", "»", "_",
    "地铁", "_青川", "在线_", "é_é", " ", "\t", "\n", "\ud800", "\x00", "a-b", "Ünal",
    "  -  ", " -", "- ", " ::: ", ":::", "\u3000", "\x1c", "\x85", "\xa0", "__", "é", "_", " :",
    ": ", "»»", " – — ", "\U0001f600", "\r\n",
]  # fmt: skip
LINES = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(LINES, st.text(max_size=60)))
def test_title_parts_and_separated_as_the_patterns(line: str) -> None:
    assert title_parts(line) == PAGE_TITLE_SEPARATORS.split(line)
    assert title_separated(line) == (TITLE_SEPARATORS.search(line) is not None)
    # the same matches, at the same places
    fast = [m.span() for m in headline._PAGE_TITLE_SEPARATOR.finditer(line)]
    assert fast == [m.span() for m in PAGE_TITLE_SEPARATORS.finditer(line)]
    fast = [m.span() for m in headline._TITLE_SEPARATOR.finditer(line)]
    assert fast == [m.span() for m in TITLE_SEPARATORS.finditer(line)]


def test_title_parts_examples() -> None:
    assert title_parts("Headline - Site") == ["Headline", "Site"]
    assert title_parts("地铁三号线试运行_青川在线") == ["地铁三号线试运行", "青川在线"]
    assert title_parts("Home News Sport") == ["Home News Sport"]
    assert title_separated("Headline | Site") and not title_separated("Headline-Site")
    assert title_parts("A  -  B :: C » D_E") == ["A", "B", "C", "D_E"]
    assert title_parts("é_é_ é__é") == ["é", "é_ é__é"]
    assert title_parts("A - - B") == ["A", "- B"]
    assert title_separated("A\u3000|\tB") and not title_separated("A -B")


ANY = st.one_of(st.booleans(), st.integers(-1, 1), st.none(), st.just(""), st.just("x"))
PAIRS = st.lists(
    st.one_of(st.tuples(ANY, ANY), st.lists(ANY, max_size=3), st.tuples(), st.tuples(ANY)),
    max_size=8,
)


@pytest.mark.skipif(headline._headline is None, reason="the C extension was not built")
@settings(max_examples=2000, deadline=None)
@given(PAIRS)
def test_any_blank_as_any_of_any(blanks: list[object]) -> None:
    compiled = headline._headline.any_blank
    assert compiled(blanks) == _plain_any_blank(blanks)  # type: ignore[arg-type]
    assert compiled(tuple(blanks)) == _plain_any_blank(tuple(blanks))  # type: ignore[arg-type]


@pytest.mark.skipif(headline._headline is None, reason="the C extension was not built")
def test_any_blank_raises_as_any_does() -> None:
    class Bad:
        def __bool__(self) -> bool:
            raise ValueError("no truth")

    with pytest.raises(ValueError):
        headline._headline.any_blank([(False, Bad())])
    with pytest.raises(TypeError):
        headline._headline.any_blank([(False, False), 3])
    assert headline._headline.any_blank([(True, Bad())]) is True  # stops at the first true
