"""The compiled title verdict looks for "getty" and "hutter" (feed.may_credit's first test)
only in a line whose lower case holds "tt" (both hold it): the same verdict as feed._is_title."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdump import feed as F

pytestmark = pytest.mark.skipif(F._feed is None, reason="the compiled extension is not built")

PIECES = (
    *("Getty", "GETTY", "getty", "Images", "images", "Shutterstock", "SHUTTERSTOCK", "hutter"),
    *("Get", "ty", "t", "T", "tt", "Tt", "hut", "ter", "Photo:", "(Photo by", ")", ":", " "),
    *("Council", "votes", "to", "rebuild", "the", "bridge", "é", "ſ", "\u212a", "İ", "新闻"),
    *("\xa0", "\t", "2026", "Bild:", "Foto", "Credit", "Quelle"),
)
SETTINGS = F.Settings()


@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=2), min_size=1, max_size=10))
@settings(max_examples=4000, deadline=None)
@example(["Council votes to rebuild the bridge", " ", "(Getty Images)"])
@example(["Council votes to rebuild the bridge", " ", "Photo: Shutterstock"])
@example(["Council votes to rebuild the bridge", " ", "Getty"])
@example(["Council votes on the bridge", " ", "GETTY IMAGES"])
@example(["Getty", " ", "votes on the bridge"])
def test_the_verdict_is_the_python_one(pieces: list[str]) -> None:
    for text in (" ".join(pieces), "".join(pieces)):
        if text:
            assert F.is_title(text, SETTINGS) == F._is_title(text, SETTINGS), ascii(text)


def test_a_credit_is_still_found() -> None:
    for text in (
        "Council votes to rebuild the old bridge Getty Images",
        "Council votes to rebuild the old bridge (Shutterstock)",
        "Council votes to rebuild the old bridge GETTY IMAGES",
    ):
        assert F._is_title(text, SETTINGS) is False, text
        assert F.is_title(text, SETTINGS) is False, text
    assert F.is_title("Council votes to rebuild the old bridge", SETTINGS) is True
