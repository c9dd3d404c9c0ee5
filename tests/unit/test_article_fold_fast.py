"""article.fold, headline.folded with its FOLD_EXCEPTIONS test unrolled: the same answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.article import fold
from newsdump.headline import FOLD_EXCEPTIONS, folded


def test_exceptions_are_folded_ones() -> None:
    assert FOLD_EXCEPTIONS == ("\u0130", "\u0131", "\u017f")  # (fold tests these three)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="aZ \u0130\u0131\u017f\u212aé日\ud800", max_size=8)))
def test_fold_is_folded(text: str) -> None:
    assert fold(text) == folded(text)


def test_examples() -> None:
    assert fold("Published BY") == "published by"
    assert fold("Publié") == "publié"
    assert fold("\u0130stanbul") is None
    assert fold("") == ""
