"""article.find_caption counts words no further than its limits ask (str.split's maxsplit): the
same answers as counting every word of a line, as it did before."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article
from newsdump.article import (
    CAPTION_LEDE_RATIO,
    CAPTION_MAX_WORDS,
    CAPTION_MIN_WORDS,
    PHOTOGRAPHER,
    PHOTOGRAPHER_WINDOW,
    SENTENCE_BREAK,
    caption_credit,
    find_caption,
    is_line_credit,
)


def every_word(
    texts: Sequence[str], title_at: int | None, first_body: int, body_start: Sequence[int] = ()
) -> int | None:
    """find_caption as it was, with full word counts."""
    lo = title_at + 1 if title_at is not None else max(0, first_body - 4)
    for i in [*range(lo, first_body), *body_start]:
        if caption_credit(texts[i]) and len(texts[i].split()) >= CAPTION_MIN_WORDS:
            return i
    if body_start:
        k = body_start[0]
        words = len(texts[k].split())
        credit_below = k + 1 < len(texts) and k + 1 not in body_start[1:2]
        if credit_below and words <= CAPTION_MAX_WORDS and is_line_credit(texts[k + 1]):
            return k
    above = range(max(lo, first_body - PHOTOGRAPHER_WINDOW), first_body)
    if len(body_start) > 1 and any(PHOTOGRAPHER.match(texts[i]) for i in above):
        text, after = texts[body_start[0]], texts[body_start[1]]
        words = len(text.split())
        short = CAPTION_MIN_WORDS <= words <= CAPTION_MAX_WORDS and not SENTENCE_BREAK.search(text)
        if short and len(after.split()) >= CAPTION_LEDE_RATIO * words:
            return body_start[0]
    return None


WORD = st.sampled_from(
    ["Ann", "Lee", "photo", "Photo:", "File photo", "Фото:", "(AP", "Photo/Reuters)", "the", "a",
     "Photographs", "by", "Getty", "Images", "credit:", "\u3000", "\t", "x" * 30, "end."]
)  # fmt: skip
LINE = st.lists(WORD, max_size=70).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(LINE, min_size=1, max_size=10),
    st.data(),
    st.sampled_from([2, 3, 7, 8, 9, 12, 25, 26, 30, 50]),
)
def test_same_caption_as_every_word_counted(
    texts: list[str], data: st.DataObject, words: int
) -> None:
    n = len(texts)
    first_body = data.draw(st.integers(0, n - 1))
    title_at = data.draw(st.one_of(st.none(), st.integers(0, max(0, first_body - 1))))
    if title_at is not None and title_at >= first_body:
        title_at = None
    body_start = data.draw(st.lists(st.integers(first_body, n - 1), max_size=2, unique=True))
    if body_start:  # a short caption-like line of `words` words over a lede
        texts[body_start[0]] = " ".join(["Ann"] * words)
        if first_body > 0 and data.draw(st.booleans()):
            texts[first_body - 1] = "Photographs by Ann Lee"
    assert find_caption(texts, title_at, first_body, body_start) == every_word(
        texts, title_at, first_body, body_start
    )


def test_a_lede_of_exactly_twice_the_words() -> None:
    caption = " ".join(["Ann"] * 10)
    for lede_words, expected in ((19, None), (20, 1), (21, 1)):
        texts = ["Photographs by Ann Lee", caption, " ".join(["word"] * lede_words)]
        assert article.find_caption(texts, None, 1, [1, 2]) == expected
        assert every_word(texts, None, 1, [1, 2]) == expected
