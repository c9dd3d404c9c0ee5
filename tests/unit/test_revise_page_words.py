"""What `newsdump.revise._Page` answers from the word counts it read once (`prose`,
`headline_shaped`, `short_text`) is what the text's own tests answer (`_prose`,
`_headline_shaped`, `_short_text`, which count the words again through `_words`' cache, hashing
the whole text), at every index the rules ask, the last block's (-1) too."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed
from test_revise_exact import PAGE_LINES

from newsdump import revise as R

JAPANESE = "今日は東京で大きな会議が開かれ、多くの人が集まりました。会議は夜まで続きました。"

PIECES = [
    *PAGE_LINES,
    *".!?…。！？\"'”’»)] \n\t/:：|>→–—-,(）（【[",
    "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "", "5. ", "12) ", "東京は", "今日は晴れです。",
    "word ", "Word ", "a b c d e f g h i j k ", "x" * 70, "“", "”",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12).map("".join)
rows = st.lists(
    st.tuples(texts, st.booleans(), st.sampled_from([0.1, 0.85, 0.95]), st.booleans()),
    min_size=1,
    max_size=20,
)


@settings(max_examples=1500, deadline=None)
@given(rows)
def test_the_page_answers_as_the_text_tests(spec: list[tuple[str, bool, float, bool]]) -> None:
    page = R._Page(listed(*spec))
    for i in range(-1, page.n):
        text = page.text[i]
        assert page.prose(i) == R._prose(text), text
        assert page.headline_shaped(i) == R._headline_shaped(text), text
        assert page.short_text(i) == R._short_text(page.strip[i]), text


def test_the_page_answers_on_known_lines() -> None:
    page = R._Page(
        listed(
            ("The council voted to close the pier after a long debate on Monday.", True, 0.9, 0),
            ("Ferry fares rise again", True, 0.5, False),
            ("5. Beware the hairdryer", True, 0.5, False),
            (JAPANESE, True, 0.9, False),
            ("", False, 0.1, False),
            ("  Short line.  ", False, 0.1, False),
        )
    )
    assert [page.prose(i) for i in range(page.n)] == [True, False, False, True, False, False]
    shaped = [page.headline_shaped(i) for i in range(page.n)]
    assert shaped == [False, True, False, False, False, False]
    assert [page.short_text(i) for i in range(page.n)] == [True, True, True, False, False, True]
