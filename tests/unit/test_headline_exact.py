"""The headline ranker's fast paths give what the plain code gives, bit for bit: the pre-tests
before the slow patterns, the ASCII paths, the shared per-page caches, the joined tokens and the
level-by-level tree walk. The reference is the plain version of each (as the ranker was before
it was made cheaper), run on random lines of headlines, labels, dates, bylines, CJK text and
the letters that IGNORECASE pairs with ASCII ones. (The whole feature rows were checked bit for
bit against the code before, on every dev page, when the fast paths were merged.)"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H
from newsdump.dates import MAYBE_DATE, YEARLESS, find_dates, is_time_line
from newsdump.lang import WIDE

# the plain patterns, as one alternation each
NOT_HEADLINE = re.compile(
    r"^(?:updated|published|posted|share|advertisement|sponsored|related|read more|"
    r"sign up|subscribe|follow|skip to|copy (?:this )?link|click to|you are here)\b"
    r"|^(?:back to|go back|return to|zurück|retour|volver|torna(?:re)? a|powrót|terug naar)\b"
    r"|\b(?:opens? in (?:a )?new (?:window|tab)|will open in a new (?:window|tab)|"
    r"all rights reserved)\b"
    r"|\bwww\.\w|https?://"
    r"|^[^>»›/\n]{1,40}(?:\s[>»›/]\s[^>»›/\n]{1,40}){1,}\s[>»›/]\s[^>»›/\n]+$"
    r"|^(?:(?:media|image|photo|video) )?caption\b"
    r"|^(?:topics?|tags?|filed under|categories|keywords|themen|schlagw(?:ö|oe)rter|mots-cl(?:é|e)s"
    r"|tagi|etiquetas|tematy)\s*:",
    re.IGNORECASE,
)

FRAGMENTS = [
    "Council votes to rebuild the old stone bridge",
    "The town council voted on Monday to rebuild the bridge, which has been closed since May.",
    "Engineers said the work would take eighteen months. Residents were relieved. It rained.",
    "FERRY FARES RISE AGAIN",
    "Why the harbour matters?",
    "Share",
    "Share this:",
    "Read more",
    "Updated 3 min ago",
    "Back to overview",
    "Zurück zur Übersicht",
    "Home > News > Asia > Harbours",
    "News / Local / Ferries",
    "Photo: Getty Images",
    "(Photo: AP)",
    "Image caption The quay",
    "Reuters/Ann Lee",
    "Tags: ferries, harbours",
    "Themen: Häfen",
    "Opens in new window",
    "All rights reserved",
    "More info: www.example.com",
    "https://example.com/x",
    "By Ann Lee",
    "Author: Tom Davies",
    "Ann Lee - Nov 19, 2019",
    "Nov 19, 2019",
    "19/11/2019 08:30",
    "2 hours ago",
    "vor 3 Stunden",
    "Monday 5:30PM",
    "Posted Nov 18, 8:19 PM",
    "5:56 PM",
    "地铁三号线试运行_青川在线",
    "记者 刘晓燕 张伟",
    "青川县地铁三号线今天开始试运行，市民可以免费乘坐。",
    "İstanbul ferry strike ends",
    "ıstanbul ſhare ſhutterſtock",
    "ſhare this story",
    "ΣΟΦΙΑ ΣΑΣ’Α harbour news",
    "\u212aelvin photo credit:",
    "Le conseil vote la reconstruction du pont",
    "Pilots warn of fog",
    "12",
    "Harbour Times",
    "Council votes to rebuild the old stone bridge - Harbour Times",
]
SEPARATORS = [" ", " - ", ": ", " | ", " > ", "\n", ", ", "’", " / "]

fragment = st.sampled_from(FRAGMENTS)
letters = st.text(alphabet="aAbBsSpPhHoOtT İıſΣσς\u212a:/>-|.0129 中文记者", max_size=30)
line = st.one_of(
    fragment,
    letters,
    st.builds(lambda a, sep, b: a + sep + b, fragment, st.sampled_from(SEPARATORS), fragment),
    st.builds(lambda a, b: a + " " + b, letters, fragment),
)


# ------------------------------------------------------------------ the plain reference


def ref_tokens(text: str) -> set[str]:
    words = {t.lower() for t in H.TOKEN.findall(text)}
    if WIDE.search(text) is not None:
        chars = WIDE.findall(text)
        words.update(a + b for a, b in itertools.pairwise(chars))
    return words


def ref_word_count(text: str) -> int:
    n = len(text.split())
    wide = len(WIDE.findall(text))
    return max(n, wide // 2) if wide >= 6 else n


def ref_has_date(text: str) -> bool:
    return MAYBE_DATE.search(text) is not None and bool(find_dates(text))


def ref_headline_score(text: str) -> float:
    if len(text) > H.MAX_CHARS:
        return 0.0
    n = ref_word_count(text)
    if not 3 <= n <= H.MAX_WORDS:
        return 0.0
    if H.BYLINE.match(text) or H.AUTHOR_LABEL.match(text) or H.CREDIT.search(text):
        return 0.0
    if NOT_HEADLINE.search(text) or (n < 12 and ref_has_date(text)):
        return 0.0
    letters = len(text) - len(H.NOT_LETTER.findall(text))
    if letters < 0.6 * len(text.replace(" ", "")):
        return 0.0
    score = 1.0
    if text.endswith((".", ":", ";", ",")) and not text.endswith("..."):
        score -= 0.5
    if text.count(". ") >= 2:
        score -= 0.6
    if text.isupper():
        score -= 0.3
    if 5 <= n <= 20:
        score += 0.3
    return max(score, 0.0)


def ref_stamped(text: str) -> bool:
    """A date, or a short line with a time (no pre-test)."""
    dated = len(text) <= H.MAX_CHARS and ref_has_date(text)
    timed = (
        H.TIME_STAMP.search(text) is not None
        or YEARLESS.search(text) is not None
        or is_time_line(text)
    )
    return dated or (len(text.split()) <= H.STAMP_MAX_WORDS and timed)


def ref_scores(ranker: H.Ranker, rows: Sequence[Sequence[float]]) -> list[float]:
    """The tree walk one level at a time over (candidate, tree) index arrays."""
    feature, threshold, value, depth = ranker.compiled
    x = np.asarray(rows, dtype=np.float64)
    if x.ndim != 2 or not len(ranker.trees):
        return [ranker.baseline] * len(rows)
    trees = np.arange(len(ranker.trees))[None, :]
    row = np.arange(len(x))[:, None]
    node = np.zeros((len(x), len(ranker.trees)), dtype=np.intp)
    for _ in range(depth):
        right = x[row, feature[trees, node]] > threshold[trees, node]
        node = 2 * node + 1 + right
    return [float(v) for v in value[trees, node].sum(axis=1) + ranker.baseline]


# ------------------------------------------------------------------ the tests


@settings(max_examples=3000, deadline=None)
@given(line)
def test_pre_tested_patterns_match_the_plain_ones(text: str) -> None:
    assert H.not_headline(text) == (NOT_HEADLINE.search(text) is not None)
    assert H.has_credit(text) == (H.CREDIT.search(text) is not None)
    assert H.has_date(text) == ref_has_date(text)
    assert H.maybe_dated(text) or not find_dates(text)
    assert ":" in text or YEARLESS.search(text) is None
    assert H.tokens(text) == ref_tokens(text)
    assert H.headline_score(text) == ref_headline_score(text)
    assert H.word_count(text) == ref_word_count(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(line, min_size=1, max_size=4))
def test_joined_tokens_are_the_tokens_of_the_joined_text(texts: list[str]) -> None:
    blocks = H._Blocks(texts)
    assert blocks.joined_tokens(range(len(texts))) == ref_tokens(" ".join(texts))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(-3, 3, allow_nan=False), min_size=len(H.FEATURES),
                 max_size=len(H.FEATURES)),
        max_size=40,
    )
)  # fmt: skip
def test_scores_walk_the_trees_like_the_plain_walk(rows: list[list[float]]) -> None:
    ranker = H.load_ranker()
    assert ranker.scores(rows) == ref_scores(ranker, rows)


def random_tree(rng: np.random.Generator, depth: int, width: int = len(H.FEATURES)) -> H.Tree:
    """A tree of at most `depth` levels (some leaves above it) over `width` features, its
    leaves far apart in magnitude, so that summing them in another order gives other floats."""
    nodes: list[list[float]] = []  # [feature, threshold, left, right, value]

    def node(level: int) -> int:
        k = len(nodes)
        scale = 10.0 ** int(rng.integers(-8, 8))
        nodes.append([int(rng.integers(width)), rng.normal(), -1, -1, rng.normal() * scale])
        if level < depth and rng.random() < 0.9:
            nodes[k][2] = node(level + 1)
            nodes[k][3] = node(level + 1)
        return k

    node(0)
    return H.Tree(
        tuple(int(n[0]) for n in nodes),
        tuple(float(n[1]) for n in nodes),
        tuple(int(n[2]) for n in nodes),
        tuple(int(n[3]) for n in nodes),
        tuple(float(n[4]) for n in nodes),
    )


def random_ranker(seed: int, n_trees: int, depth: int) -> H.Ranker:
    rng = np.random.default_rng(seed)
    trees = tuple(random_tree(rng, depth) for _ in range(n_trees))
    return H.Ranker(H.FEATURES, float(rng.normal()), trees, 0.0)


@pytest.mark.skipif(H._headline is None, reason="newsdump/_headline.c was not built")
@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from([1, 2, 7, 8, 9, 100, 128, 129, 257, 500, 503]),
    st.integers(0, 3),
    st.integers(1, 30),
)
def test_compiled_scores_are_the_numpy_floats(seed: int, n_trees: int, depth: int, n: int) -> None:
    """The C walk sums each row's leaves as numpy does (pairwise, in blocks of eight)."""
    ranker = random_ranker(seed, n_trees, depth)
    rng = np.random.default_rng(seed + 1)
    rows = rng.normal(size=(n, len(H.FEATURES))).tolist()
    compiled = ranker.scores(rows)
    assert compiled == ranker._scores(rows) == ref_scores(ranker, rows)
    assert ranker.scores(np.asarray(rows)) == compiled  # _headline.scores_array, tree by tree
    assert [math.copysign(1.0, v) for v in compiled] == [
        math.copysign(1.0, v) for v in ranker._scores(rows)
    ]


@pytest.mark.skipif(H._headline is None, reason="newsdump/_headline.c was not built")
def test_compiled_scores_take_numbers_and_refuse_ragged_rows() -> None:
    ranker = random_ranker(7, 20, 2)
    rows = [[float(j % 3) for j in range(len(H.FEATURES))] for _ in range(3)]
    as_ints = [[j % 3 for j in range(len(H.FEATURES))] for _ in range(3)]
    assert ranker.scores(as_ints) == ranker.scores(rows) == ranker._scores(rows)
    assert ranker.scores(np.asarray(rows)) == ranker.scores(rows)
    with pytest.raises(ValueError):
        ranker.scores([rows[0], rows[1][:-1]])
    with pytest.raises(ValueError):
        ranker.scores([row[:3] for row in rows])
    with pytest.raises(TypeError):
        ranker.scores([["x"] * len(H.FEATURES)])


@settings(max_examples=2000, deadline=None)
@given(st.one_of(line, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)))
def test_ascii_capitals_are_the_capital_initials_of_the_words(text: str) -> None:
    """The capital share of an ASCII candidate: capitals that start a word of text.split()."""
    if text.isascii():
        initials = [w[0] for w in text.split()]
        assert len(H.CAPITAL_START.findall(text)) == sum(map(str.isupper, initials))


@pytest.mark.skipif(H._headline is None, reason="newsdump/_headline.c was not built")
def test_compiled_scores_refuse_rows_changed_while_read() -> None:
    ranker = random_ranker(3, 10, 2)
    rows: list[list[object]] = [[0.5] * len(H.FEATURES) for _ in range(2)]

    class Shrinking:
        def __float__(self) -> float:
            rows.clear()
            return 1.0

    rows[0][0] = Shrinking()
    with pytest.raises(ValueError):
        ranker.scores(rows)  # type: ignore[arg-type]
