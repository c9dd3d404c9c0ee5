"""The compiled feature rows (newsdump/_headline.c, headline._compiled_features) are the Python
rows (headline._features), bit for bit, on invented pages: headlines, standfirsts, bylines,
dates, labels, CJK text, repeated and quoted lines, the letters that IGNORECASE pairs with ASCII
ones; and the scores of those rows from the array are the scores of the lists."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import dates
from newsdump import headline as H

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

LINES = [
    "Council votes to rebuild the old stone bridge",
    "The town council voted on Monday to rebuild the bridge, which has been closed since May.",
    "Engineers said the work would take eighteen months. Residents were relieved. It rained.",
    "FERRY FARES RISE AGAIN",
    "Why the harbour matters?",
    "Pilots warn of fog over the bay:",
    "Ferries stop; buses run, trains wait...",
    "Share this:",
    "Read more",
    "Updated 3 min ago",
    "Home > News > Asia > Harbours",
    "Photo: Getty Images",
    "The quay at dawn (AP Photo/Ann Lee)",
    "By Ann Lee",
    "Author: Tom Davies",
    "Ann Lee - Nov 19, 2019",
    "Nov 19, 2019",
    "19/11/2019 08:30",
    "2 hours ago",
    "Monday 5:30PM",
    "地铁三号线试运行_青川在线",
    "青川县地铁三号线今天开始试运行，市民可以免费乘坐。",
    "记者 刘晓燕 张伟",
    "İstanbul ferry strike ends",
    "ΣΟΦΙΑ harbour news today",
    "Le conseil vote la reconstruction du pont",
    "Die Fähre fährt wieder nach Kiel",
    "Rada miasta głosuje nad mostem",
    "12",
    "",
    "Harbour Times",
    "Council votes to rebuild the old stone bridge - Harbour Times",
    "Council votes to rebuild",
    "“Council votes” to rebuild the bridge",
    "a\nb c",
    "\u212aelvin ſhip ı line",
    "Top 10 stories 2020: 3 ferries",
]

line = st.one_of(
    st.sampled_from(LINES),
    st.builds(lambda a, b: a + " " + b, st.sampled_from(LINES), st.sampled_from(LINES)),
    st.text(alphabet='aAbB sS.:;,?!"”。…0129/>-|中文İ\u212a\n', max_size=24),
)


@st.composite
def pages(draw: st.DrawFn) -> tuple[H.Context, list[int]]:
    texts = draw(st.lists(line, min_size=1, max_size=45))
    size = len(texts)
    blanks = draw(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=size, max_size=size))
    if draw(st.booleans()):
        blanks = [(False, False)] * size  # a scraper's dump
    if draw(st.booleans()):
        blanks = blanks[: draw(st.integers(0, size))]  # fewer blank flags than blocks
    first = draw(st.integers(0, size))
    body = list(range(first, size))
    if body and draw(st.booleans()):
        body = body[:: draw(st.integers(1, 3))]
    byline: list[int] = []
    if first > 0 and draw(st.booleans()):
        at = draw(st.integers(0, first - 1))
        byline = list(range(at, min(first, at + draw(st.integers(1, 2)))))
    ctx = H.context(texts, blanks, body, byline)
    if draw(st.booleans()):  # the ranker's candidates
        cands = H.candidates(ctx)
    else:  # any blocks, in any order
        cands = draw(st.lists(st.integers(0, size - 1), max_size=12))
    return ctx, cands


def same_floats(a: list[list[float]], b: list[list[float]]) -> bool:
    return np.asarray(a, dtype=np.float64).tobytes() == np.asarray(b, dtype=np.float64).tobytes()


@settings(max_examples=600, deadline=None)
@given(pages())
def test_compiled_rows_are_the_python_rows(page: tuple[H.Context, list[int]]) -> None:
    ctx, cands = page
    plain = H._features(ctx, cands, H._Blocks(ctx.texts))
    compiled = H._compiled_features(ctx, cands, H._Blocks(ctx.texts))
    assert compiled.shape == (len(cands), len(H.FEATURES))
    assert compiled.tolist() == plain
    assert same_floats(compiled.tolist(), plain)
    warm = H._Blocks(ctx.texts)  # with caches filled before (by the Python rows)
    H._features(ctx, cands, warm)
    assert same_floats(H._compiled_features(ctx, cands, warm).tolist(), plain)


@settings(max_examples=300, deadline=None)
@given(pages())
def test_scores_of_the_array_are_the_scores_of_the_lists(page: tuple[H.Context, list[int]]) -> None:
    ctx, cands = page
    ranker = H.load_ranker()
    rows = H._compiled_features(ctx, cands, H._Blocks(ctx.texts))
    if len(cands):
        assert ranker.scores(rows) == ranker.scores(rows.tolist()) == ranker._scores(rows)


@settings(max_examples=300, deadline=None)
@given(pages())
def test_rank_headline_and_candidates_without_the_compiled_code_are_the_same(
    page: tuple[H.Context, list[int]],
) -> None:
    ctx, _ = page
    compiled = H.rank_headline(ctx)
    compiled_cands = H.candidates(ctx)
    with pytest.MonkeyPatch.context() as mp:  # every compiled path off, as without a compiler
        mp.setattr(H, "_headline", None)
        mp.setattr(H, "_counts", H._plain_counts)
        mp.setattr(H, "_words", H._word_set)
        mp.setattr(H, "_shape_rest", H._plain_shape_rest)
        plain = H.rank_headline(ctx)
        plain_cands = H.candidates(ctx)
        plain_rows = H.features(ctx, plain_cands)
    assert compiled == plain
    assert compiled_cands == plain_cands
    assert same_floats(H.features(ctx, H.candidates(ctx)), plain_rows)


def test_a_page_of_repeats_and_quotes() -> None:
    texts = [
        "Harbour Times",
        "Council votes to rebuild the old stone bridge - Harbour Times",
        "Council votes to rebuild the old stone bridge",
        "Council votes to rebuild the old stone bridge",
        "By Ann Lee",
        "Nov 19, 2019",
        "The town council voted on Monday to rebuild the bridge, which has been closed since May.",
    ]
    ctx = H.context(texts, [(False, True)] * len(texts), [6], [4])
    rows = H.features(ctx, [3, 2, 1])
    recurs, quoted = H.FEATURES.index("recurs"), H.FEATURES.index("quoted")
    assert [(r[recurs], r[quoted]) for r in rows] == [(1.0, 1.0), (1.0, 1.0), (0.0, 0.0)]
    assert rows == H._features(ctx, [3, 2, 1], H._Blocks(texts))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "a",
        "Two words",
        " lead and  trail ",
        "中文中文中文中文 abc",
        "\u3000x\x1cy\x85z",
        "ab\ud800 c",
    ],
)
def test_counts_are_split_and_wide_characters(text: str) -> None:
    wide = 0 if text.isascii() else len(H.WIDE.findall(text))
    assert H._headline.counts(text) == (len(text.split()), wide)


def test_the_c_log_is_math_log() -> None:
    """The rows' logarithms of counts are math.log's: checked through log_words and log_chars."""
    for n in (1, 2, 3, 7, 10, 99, 1000, 12345):
        text = " ".join(["w"] * n)
        ctx = H.context([text, "x"], [(False, False)] * 2, [1])
        row = H._compiled_features(ctx, [0], H._Blocks(ctx.texts))[0]
        assert row[H.FEATURES.index("log_words")] == math.log(n)
        assert row[H.FEATURES.index("log_chars")] == math.log(1 + len(text))


def test_rows_refuse_a_candidate_off_the_page() -> None:
    ctx = H.context(["a b c", "d e f"], [(False, False)] * 2, [1])
    with pytest.raises(IndexError):
        H._compiled_features(ctx, [5], H._Blocks(ctx.texts))


@pytest.mark.parametrize(
    "texts",
    [
        ["aa aa", "aa aa aa aa", "aa aa\naa aa", "x aa aa", "aa aa", "b b b"],  # overlapping
        ["ab ab", "ab ab", "ab ab", "zz ab abab ab", "ab ab’", "中文 ab ab"],  # mixed widths
        ["a\nb", "a", "b", "a\nb c", "q r", "s t"],  # a text holding the separator
    ],
)
def test_recurring_and_quoted_lines_are_counted_as_in_the_whole_text(texts: list[str]) -> None:
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    cands = list(range(len(texts)))
    assert same_floats(
        H._compiled_features(ctx, cands, H._Blocks(texts)).tolist(),
        H._features(ctx, cands, H._Blocks(texts)),
    )


any_text = st.one_of(line, st.text(max_size=40))


@settings(max_examples=1500, deadline=None)
@given(any_text, st.integers(0, 45))
def test_compiled_block_facts_are_the_python_ones(text: str, n: int) -> None:
    assert H._headline.counts(text) == H._plain_counts(text)
    assert H._headline.word_set(text) == H._word_set(text)
    assert H._headline.word_set(text.lower()) == H._word_set(text.lower())
    assert H._headline.shape_rest(text, n) == H._plain_shape_rest(text, n)


@settings(max_examples=600, deadline=None)
@given(pages())
def test_the_block_caches_filled_in_c_hold_the_python_values(
    page: tuple[H.Context, list[int]],
) -> None:
    """The labels, shapes, dates, stamps and tokens that the compiled candidates and rows decide
    without the patterns are the ones the Python caches compute."""
    ctx, cands = page
    blocks = H._Blocks(ctx.texts)
    H._candidates(ctx, blocks)
    H._compiled_features(ctx, cands, blocks)
    plain = H._Blocks(ctx.texts)
    for j in range(len(ctx.texts)):
        if blocks._labels[j] is not None:
            assert blocks._labels[j] == plain.not_headline(j)
        if j in blocks._tokens:
            assert blocks._tokens[j] == plain.tokens(j) == H.tokens(ctx.texts[j])
        if blocks._shapes[j] is not None:
            assert blocks._shapes[j] == plain.shape(j)
        if blocks._stamps[j] is not None:
            assert blocks._stamps[j] == plain.stamped(j)
        if blocks._dates[j] is not None:
            assert blocks._dates[j] == plain.dated(j)


byline_line = st.builds(
    lambda pre, word, rest: pre + word + rest,
    st.sampled_from(["", " ", "\t", "Written ", "POSTED  ", "story "]),
    st.sampled_from([*H._BYLINE_WORDS, "BY", "Von", "Przez", "Bye", "b", "Author", "Photo"]),
    st.sampled_from(["", " Ann Lee", ": Ann Lee", " : Tom", "line", " x"]),
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(byline_line, line))
def test_the_pre_tests_words_are_what_the_patterns_need(text: str) -> None:
    low = text.lower()
    if H.BYLINE.match(text) is not None:
        assert not text.isascii() or low.lstrip().startswith(H._BYLINE_WORDS)
    if H.CREDIT.search(text) is not None:
        assert not text.isascii() or any(w in low for w in H._CREDIT_WORDS)
    ctx = H.context([text, text, "x"], [(False, False)] * 3, [2])
    assert same_floats(
        H._compiled_features(ctx, [0, 1], H._Blocks(ctx.texts)).tolist(),
        H._features(ctx, [0, 1], H._Blocks(ctx.texts)),
    )


stamp_line = st.builds(
    lambda a, b, c: a + b + c,
    st.sampled_from(
        ["", "Updated ", "2 ", "vor 3 ", "Il y a 5 ", "HACE 2 ", "3 ", "Mon ", "ıl y a "]
    ),
    st.sampled_from(
        [
            "hours ago",
            "AGO",
            "Stunden",
            "minutes",
            "horas",
            "godzin temu",
            "5:30PM",
            "6.51",
            "分钟前",
            "h",
            "days",
            "",
            "ſec",
        ]
    ),
    st.sampled_from(["", " ago", ".", " today", " Temu"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(stamp_line, line))
def test_stamped_lines_are_found_without_the_pre_tests_too(text: str) -> None:
    """_Blocks.stamped (with may_stamp and the colon before YEARLESS) is the plain test."""
    timed = (
        H.TIME_STAMP.search(text) is not None
        or dates.YEARLESS.search(text) is not None
        or H.is_time_line(text)
    )
    plain = (len(text) <= H.MAX_CHARS and H.has_date(text)) or (
        len(text.split()) <= H.STAMP_MAX_WORDS and timed
    )
    assert H._Blocks([text]).stamped(0) == plain
    if H.TIME_STAMP.search(text) is not None:
        assert H.may_stamp(text)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=60))
def test_compiled_word_set_on_ascii_and_latin_text_is_the_regex_one(text: str) -> None:
    """word_set's ASCII table (every ASCII character, '_' and the Latin-1/Extended-A ones)."""
    assert H._headline.word_set(text) == H._word_set(text)
    assert H.tokens(text) == {t.lower() for t in H.TOKEN.findall(text)}


# characters whose bytes hold an "a" (0x61) or a zero off their start: a byte search for a text
# finds them inside wider characters, which the compiled count must skip
BYTE_TWINS = st.sampled_from(
    ["a", "aa", " ", "\n", "\u0161", "\u6161", "\u0100", "\U00016100", "’"]
)
TWIN_TEXTS = st.lists(BYTE_TWINS, min_size=1, max_size=4).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(TWIN_TEXTS, min_size=2, max_size=7))
def test_recurring_and_quoted_counts_skip_hits_inside_wider_characters(texts: list[str]) -> None:
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    cands = list(range(len(texts)))
    assert same_floats(
        H._compiled_features(ctx, cands, H._Blocks(texts)).tolist(),
        H._features(ctx, cands, H._Blocks(texts)),
    )
