"""The page <title> and the "no blank line" test that headline.context finds once per page (the
ranker's features and article.find_title's fallback both read them) are what page_title and a
scan of the blanks give, in the compiled and the pure-Python paths."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

LINE = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab AB_1.-|–:»\u0130\u03a3\u03c3ß中文新闻한국\n\t"), st.characters()
    ),
    max_size=60,
)
WORDS = ["Mayor opens the new bridge", "bridge", "Share", "News | Site", "中文新闻中文新闻", "a b"]


@pytest.mark.parametrize("compiled", [True, False])
@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(LINE, st.sampled_from(WORDS)), min_size=1, max_size=12),
    st.data(),
)
def test_context_title_and_blanks(compiled: bool, texts: list[str], data: st.DataObject) -> None:
    blanks = data.draw(st.lists(st.tuples(st.booleans(), st.booleans()),
                                min_size=len(texts), max_size=len(texts)))  # fmt: skip
    first = data.draw(st.integers(0, len(texts)))
    body = list(range(first, len(texts)))
    with pytest.MonkeyPatch.context() as mp:
        if not compiled:
            mp.setattr(H, "_headline", None)
            mp.setattr(H, "_any_blank", H._plain_any_blank)
        ctx = H.context(texts, blanks, body)
        assert ctx.title == H.page_title(texts[0], ctx.body_words)
        assert ctx.no_blanks is (not any(a or b for a, b in blanks))
        assert H.scraper_dump(ctx) is ctx.no_blanks


def test_context_title_examples() -> None:
    blanks = [(False, False)] * 3
    ctx = H.context(["Mayor opens the new bridge | Gazette", "x", "The mayor opened"], blanks, [2])
    assert ctx.title == "Mayor opens the new bridge"
    assert ctx.no_blanks is True
    ctx = H.context(["Home", "x", "y"], [(False, True)] * 3, [2])
    assert ctx.title is None
    assert ctx.no_blanks is False
