"""The compiled block tests of the headline ranker (newsdump/_headline.c: page_label, page_headed,
page_dated, page_stamped and their pre-tests) decide as _Blocks' Python methods do: each pre-test
is exact about what its pattern needs (checked on every code point where it stands for a
case-insensitive letter or a digit), and the rows, candidates and caches filled through them are
the Python ones on invented lines built from the patterns' own words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H
from newsdump.dates import MAYBE_DATE

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

WORD_LISTS = (*H._TEST_PARTS[:6], H._CREDIT_STARTS)
EVERY_CHAR = "".join(map(chr, range(0x110000)))


def test_every_character_that_a_pattern_takes_for_a_word_letter_folds_to_it() -> None:
    """An IGNORECASE literal of the patterns matches a character only where fold() gives that
    literal: a text whose folded form lacks a word cannot hold it for the pattern either."""
    folded = H._headline.fold(EVERY_CHAR)
    assert len(folded) == len(EVERY_CHAR)
    letters = {c for words in WORD_LISTS for word in words for c in word}
    assert {"a", "g", "o", "i", "s", "т", "ü", "前"} <= letters
    for letter in sorted(letters | {"k"}):  # (k: the Kelvin sign lowers to it)
        for m in re.finditer(re.escape(letter), EVERY_CHAR, re.IGNORECASE):
            assert folded[m.start()] == letter, (letter, hex(m.start()))


def test_fold_of_a_few_characters() -> None:
    assert H._headline.fold("AbC İı ſ \u212a Ö ТЕКСТ \u1c80 前") == "abc ii s k ö текст в 前"
    assert H._headline.fold("") == ""


def test_may_date_is_maybe_date_on_every_digit() -> None:
    digits = {m.start() for m in re.finditer(r"\d", EVERY_CHAR)}
    for code in range(0x110000):
        c = chr(code)
        for text in ("20" + c + "1", "1/" + c + "/11", "1/3" + c + "/11"):
            assert H._headline.may_date(text) == (MAYBE_DATE.search(text) is not None), hex(code)
        assert H._headline.may_date("19" + c + c) == (code in digits)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789/ 19 20\u0663\uff11a", max_size=16))
def test_may_date_is_maybe_date(text: str) -> None:
    assert H._headline.may_date(text) == (MAYBE_DATE.search(text) is not None)


def _recase(word: str, flips: list[bool]) -> str:
    """`word` with some letters upper-cased, and i and s sometimes as a letter that IGNORECASE
    pairs with them ('İ', 'ı', 'ſ'), k as the Kelvin sign."""
    out = []
    for c, flip in zip(word, flips + [False] * len(word), strict=False):
        if flip and c == "i":
            out.append("\u0130" if len(out) % 2 else "\u0131")
        elif flip and c == "s":
            out.append("\u017f")
        elif flip and c == "k":
            out.append("\u212a")
        else:
            out.append(c.upper() if flip else c)
    return "".join(out)


ALL_WORDS = sorted({w for words in WORD_LISTS for w in words})
word = st.builds(_recase, st.sampled_from(ALL_WORDS), st.lists(st.booleans(), max_size=20))
filler = st.sampled_from(
    [
        "",
        " ",
        ": ",
        "Ann Lee",
        " 5:30PM",
        " 12.45",
        "Mon \u0665:30",
        " to 9.0\u0663",
        " 2 ",
        " hours ",
        "Nov 19, 2019",
        " (AP Photo/Ann Lee)",
        " > News > Asia",
        " / ",
        "’",
        "中文",
        " Council votes to rebuild the old stone bridge",
        " a b c d e f g h i j k l m",
        "\n",
    ]
)
piece = st.one_of(word, filler)
test_line = st.lists(piece, min_size=1, max_size=6).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(test_line, min_size=1, max_size=14), st.data())
def test_compiled_tests_are_the_python_ones_on_lines_of_their_words(
    texts: list[str], data: st.DataObject
) -> None:
    size = len(texts)
    first = data.draw(st.integers(0, size))
    byline: list[int] = []
    if first > 0 and data.draw(st.booleans()):
        byline = [data.draw(st.integers(0, first - 1))]
    ctx = H.context(texts, [(False, True)] * size, list(range(first, size)), byline)
    blocks = H._Blocks(texts)
    cands = H._candidates(ctx, blocks)
    plain = H._Blocks(texts)
    assert cands == [
        i
        for i in [
            *[i for i in ctx.body_start if i >= ctx.first and i not in set(byline)],
            *[
                i
                for i in range(ctx.first - 1, max(-1, min([ctx.first, *byline]) - 1 - H.WINDOW), -1)
                if i not in set(byline)
            ],
        ]
        if H.MIN_WORDS <= plain.words(i) <= H.MAX_WORDS
        and len(texts[i]) <= H.MAX_CHARS
        and not plain.not_headline(i)
        and H.PHOTO_CREDIT_TAIL.search(texts[i]) is None
    ]
    every = list(range(size))
    rows = H._compiled_features(ctx, every, blocks)
    assert rows.tolist() == H._features(ctx, every, H._Blocks(texts))
    for j in every:
        assert blocks._labels[j] in (None, plain.not_headline(j))
        assert blocks._shapes[j] in (None, plain.shape(j))
        assert blocks._stamps[j] in (None, plain.stamped(j))
        assert blocks._dates[j] in (None, plain.dated(j))
        if j in blocks._tokens:
            assert blocks._tokens[j] == H.tokens(texts[j])


@pytest.mark.parametrize(
    "text",
    [
        "By Ann Lee",
        "BY ANN LEE",
        "  ı\u0130 bY Ann",
        "Author: Tom Davies",
        "ТЕКСТ: Иван Петров",
        "Photo: Getty Images",
        "Council votes (\u017fhutterstock)",
        "Updated 3 min ago",
        "Opens in a new window",
        "Home > News > Asia > Harbours",
        "2 hours AGO",
        "vor 3 Stunden",
        "Il y a 5 minutes",
        "Monday 5:30PM",
        "Nov 19, 6:51 AM",
        "19/11/2019 08:30",
        "5 分钟前",
        "Council votes to rebuild the old stone bridge",
        "Council votes to rebuild the old stone bridge in 2019",
    ],
)
def test_each_kind_of_line_is_told_as_in_python(text: str) -> None:
    texts = [text, "Council votes to rebuild the bridge", text, "x y"]
    ctx = H.context(texts, [(False, False)] * 4, [3])
    blocks = H._Blocks(texts)
    compiled = H._candidates(ctx, blocks)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(H, "_headline", None)
        assert compiled == H.candidates(ctx)
    rows = H._compiled_features(ctx, [0, 1, 2], blocks)
    assert rows.tolist() == H._features(ctx, [0, 1, 2], H._Blocks(texts))
    plain = H._Blocks(texts)
    assert blocks._stamps[1] in (None, plain.stamped(1))
    assert [blocks._shapes[j] for j in range(3)] == [plain.shape(j) for j in range(3)]


def test_the_tests_capsule_is_checked() -> None:
    ctx = H.context(["a b c", "d e f"], [(False, False)] * 2, [1])
    with pytest.raises((TypeError, ValueError)):
        H._headline.candidates(
            ctx.texts, [0], H._Blocks(ctx.texts), (2, 40, 300), H.PHOTO_CREDIT_TAIL.search, ()
        )
    with pytest.raises(TypeError):
        H._headline.tests((), (), (), (), (), (), *([None] * 10))
    with pytest.raises(TypeError):
        H._headline.tests((1,), (), (), (), (), (), *H._TEST_PARTS[6:])


SEARCHED = H._headline.tests(*H._TEST_PARTS) if H._headline is not None else None


credit_word = st.builds(
    _recase,
    st.sampled_from([*H._CREDIT_STARTS, "photograph", "photos", "credits", " : ", ")", "s"]),
    st.lists(st.booleans(), max_size=20),
)
credit_line = st.lists(st.one_of(credit_word, filler), min_size=1, max_size=6).map("".join)


@settings(max_examples=3000, deadline=None)
@given(credit_line)
def test_a_match_of_credit_starts_where_a_credit_start_is(text: str) -> None:
    """Wherever CREDIT matches, the folded text holds one of _CREDIT_STARTS (what each of its
    alternatives starts with): the compiled has_credit tries CREDIT.match only there."""
    folded = H._headline.fold(text)
    for at in range(len(text)):
        if H.CREDIT.match(text, at) is not None:
            assert folded.startswith(H._CREDIT_STARTS, at), (text, at)
    assert H._headline.credit(text, H._TESTS) is (H.CREDIT.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(test_line, st.text(max_size=60)))
def test_compiled_has_credit_is_the_pattern(text: str) -> None:
    """headline.has_credit in C (its pre-test, CREDIT's words in the text folded) is
    CREDIT.search, and the Python pre-test's answer too."""
    want = H.CREDIT.search(text) is not None
    assert H._headline.credit(text, H._TESTS) is want
    assert H._headline.credit(text, SEARCHED) is want  # CREDIT.search where the pre-test passes
    assert H.has_credit(text) is want
    assert H._has_credit(text, H.folded(text)) is want


def test_compiled_has_credit_of_a_few_lines() -> None:
    assert H.has_credit("The bridge at dawn (Photo: Ann Lee)")
    assert H.has_credit("The bridge at dawn. Ann Lee/AFP")
    assert H.has_credit("GETTY İMAGES")  # 'İ' is an i for IGNORECASE
    assert not H.has_credit("Council votes to rebuild the bridge")
    assert not H.has_credit("")
    with pytest.raises(TypeError):
        H._headline.credit(3, H._TESTS)  # type: ignore[arg-type]
    with pytest.raises((TypeError, ValueError)):
        H._headline.credit("x", ())
    with pytest.raises(TypeError):  # the starts without CREDIT.match
        H._headline.tests(*H._TEST_PARTS, H._CREDIT_STARTS)
    with pytest.raises(TypeError):
        H._headline.tests(*H._TEST_PARTS, H._CREDIT_STARTS, None)
