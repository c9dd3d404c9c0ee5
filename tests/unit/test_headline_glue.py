"""What rank_headline's Python glue does with fewer calls and objects gives what it gave: the
body's words made as a frozenset in C (_headline.frozen_tokens), the page <title> of a line of
one part, and the candidates of a page without a byline."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab AB_1.-|–:»\u0130\u03a3\u03c3ß中文新闻한국\n\t"), st.characters()
    ),
    max_size=60,
)


@pytest.mark.skipif(H._headline is None, reason="_headline.c was not built")
@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_frozen_tokens_are_the_tokens(text: str) -> None:
    assert H._headline is not None
    made = H._headline.frozen_tokens(text)
    assert type(made) is frozenset or (made is None and ("\u0130" in text or "\u03a3" in text))
    if made is not None:
        assert made == frozenset(H.tokens(text))


def reference_page_title(first_line: str, body_words: frozenset[str]) -> str | None:
    parts = H.title_parts(first_line.strip())
    if not parts or not parts[0]:
        return None
    best = max(parts, key=lambda p: (len(H.tokens(p) & body_words), len(p.split())))
    wide = len(H.WIDE.findall(best))
    return best.strip() if len(best.split()) >= 3 or wide >= H.PAGE_TITLE_MIN_WIDE else None


@settings(max_examples=1500, deadline=None)
@given(TEXT, st.frozensets(st.sampled_from(["a", "ab", "b", "中文", "1"])))
def test_page_title_is_the_reference(line: str, body: frozenset[str]) -> None:
    assert H.page_title(line, body) == reference_page_title(line, body)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["Mayor opens the new bridge", "Share", "By Ann Lee", "x"]),
             min_size=1, max_size=45),
    st.data(),
)  # fmt: skip
def test_candidates_with_and_without_a_byline(texts: list[str], data: st.DataObject) -> None:
    first = data.draw(st.integers(0, len(texts)))
    body = list(range(first, len(texts)))
    byline = data.draw(st.lists(st.integers(0, len(texts) - 1), max_size=2, unique=True))
    ctx = H.context(texts, [(False, False)] * len(texts), body, byline)
    anchor = min([ctx.first, *ctx.byline])
    skip = set(ctx.byline)
    inside = [i for i in ctx.body_start if i >= ctx.first and i not in skip]
    above = [i for i in range(ctx.first - 1, max(-1, anchor - 1 - H.WINDOW), -1) if i not in skip]
    blocks = H._Blocks(texts)
    expected = [
        i
        for i in [*inside, *above]
        if H.MIN_WORDS <= blocks.words(i) <= H.MAX_WORDS
        and len(texts[i]) <= H.MAX_CHARS
        and not blocks.not_headline(i)
        and H.PHOTO_CREDIT_TAIL.search(texts[i]) is None
    ]
    assert H.candidates(ctx) == expected


WORDS = [
    "Bridge", "bridge", "BRIDGE", "the", "Fähre", "FÄHRE", "straße", "\u212aelvin", "kelvin",
    "ſhip", "ship", "İstanbul", "ΣΟΦΙΑ", "σοφια", "中文", "新闻", "a_b", "x1", "٣", "\x00",
]  # fmt: skip
SEPARATORS = [" ", ", ", ". ", " - ", "\n", "_"]


@st.composite
def lede_pages(draw: st.DrawFn) -> tuple[H.Context, list[int]]:
    """Headline-like lines over a body whose first blocks share some of their words, in every
    case the lede's words are looked up in: ASCII, other scripts, 'İ' and 'Σ' (lowered by
    context), CJK (whose pairs are words too), repeated and differently cased words."""

    def text() -> str:
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
        seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
        return "".join(w + s for w, s in zip(words, seps, strict=True)).strip()

    texts = [text() for _ in range(draw(st.integers(1, 14)))]
    first = draw(st.integers(0, len(texts)))
    ctx = H.context(texts, [(True, True)] * len(texts), list(range(first, len(texts))))
    return ctx, draw(st.lists(st.integers(0, len(texts) - 1), max_size=10))


@pytest.mark.skipif(H._headline is None, reason="_headline.c was not built")
@settings(max_examples=800, deadline=None)
@given(lede_pages())
def test_the_lede_share_looked_up_in_a_table_is_the_python_one(
    page: tuple[H.Context, list[int]],
) -> None:
    ctx, cands = page
    plain = H._features(ctx, cands, H._Blocks(ctx.texts))
    compiled = H._compiled_features(ctx, cands, H._Blocks(ctx.texts)).tolist()
    lede = H.FEATURES.index("lede_share")
    assert [row[lede] for row in compiled] == [row[lede] for row in plain]
    assert compiled == plain


ANCHORED = st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?!ѡЖЯ中\u0461\u0861"))


@pytest.mark.skipif(H._headline is None, reason="_headline.c was not built")
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(lambda a, b, w: f"{w} {a}{b} {w}", ANCHORED, ANCHORED, st.sampled_from(WORDS)),
        min_size=1,
        max_size=40,
    ),
    st.integers(0, 6),
)
def test_many_anchors_are_counted_as_in_the_whole_text(texts: list[str], repeat: int) -> None:
    """More candidates than the sixteen marked buckets a vector compare takes, and fewer, in
    one- and two-byte texts of every length (the last few characters of each copied)."""
    texts = texts + texts[:repeat] + [" ".join(texts[:repeat])]
    ctx = H.context(texts, [(True, True)] * len(texts), [len(texts) - 1])
    cands = list(range(len(texts)))
    plain = H._features(ctx, cands, H._Blocks(texts))
    assert H._compiled_features(ctx, cands, H._Blocks(texts)).tolist() == plain
