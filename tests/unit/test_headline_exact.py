"""The headline ranker's fast paths give what the plain code gives, bit for bit: the pre-tests
before the slow patterns, the ASCII paths, the shared per-page caches, the joined tokens and the
level-by-level tree walk. The reference is the plain version of each (as the ranker was before
it was made cheaper), run on random pages of headlines, labels, dates, bylines, CJK text and
the letters that IGNORECASE pairs with ASCII ones."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
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


def ref_candidates(ctx: H.Context) -> list[int]:
    anchor = min([ctx.first, *ctx.byline])
    skip = set(ctx.byline)
    inside = [i for i in ctx.body_start if i >= ctx.first and i not in skip]
    above = [i for i in range(ctx.first - 1, max(-1, anchor - 1 - H.WINDOW), -1) if i not in skip]
    return [
        i
        for i in [*inside, *above]
        if H.MIN_WORDS <= ref_word_count(ctx.texts[i]) <= H.MAX_WORDS
        and len(ctx.texts[i]) <= H.MAX_CHARS
        and NOT_HEADLINE.search(ctx.texts[i]) is None
    ]


def ref_features(ctx: H.Context, cands: Sequence[int]) -> list[list[float]]:
    texts = ctx.texts
    size = len(texts)
    page = ref_tokens(H.page_title(texts[0], ctx.body_words) or "") if texts else set()
    page_sep = float(bool(texts) and H.TITLE_SEPARATORS.search(texts[0]) is not None)
    counts = Counter(texts)
    byline = ctx.byline[0] if ctx.byline else None
    bylines = set(ctx.byline)
    first = ctx.first
    whole = "\n".join(texts)
    no_blanks = float(not any(before or after for before, after in ctx.blanks))
    page_len = max(1, len(page))

    def shaped(j: int) -> float:
        return ref_headline_score(texts[j]) if 0 <= j < size else 0.0

    def stamped(j: int) -> bool:
        return ref_stamped(texts[j])

    def shaped_run(i: int, step: int) -> int:
        found, j = 0, i + step
        while 0 <= j < size and found < H.RUN:
            if shaped(j) > 0:
                found += 1
            elif not (stamped(j) or j in bylines):
                break
            j += step
        return found

    def dated_siblings(i: int) -> int:
        near = range(max(0, i - H.SIBLINGS), min(size - 1, i + H.SIBLINGS + 1))
        found = sum(1 for j in near if j not in (i, i - 1) and shaped(j) > 0 and stamped(j + 1))
        return min(found, H.MAX_SIBLINGS)

    def lede_after(i: int) -> set[str]:
        start = max(i + 1, first)
        return ref_tokens(" ".join(texts[j] for j in range(start, min(size, start + 2))))

    rows: list[list[float]] = []
    first_shaped = True
    for order, i in enumerate(cands):
        text = texts[i]
        words = text.split()
        n = max(1, ref_word_count(text))
        wide = WIDE.search(text) is not None
        toks = ref_tokens(text)
        n_toks = max(1, len(toks))
        shape = shaped(i)
        before, after = ctx.blanks[i] if i < len(ctx.blanks) else (False, False)
        stop = min(size, i + 1 + H.FOLLOW)
        page_hits = len(toks & page) if i > 0 else 0
        dek = H.dek_follows(texts, i, n)
        rows.append(
            [
                shape,
                math.log(n),
                math.log(1 + len(text)),
                float(text.endswith(".") and not text.endswith("...")),
                float(text.endswith((":", ";", ","))),
                float(text.endswith(("?", "!"))),
                float(":" in text[:-1]),
                sum(map(str.isupper, (w[:1] for w in words))) / max(1, len(words)),
                float(text.isupper()),
                len(H.DIGIT.findall(text)) / max(1, len(text)),
                float(wide),
                float(len(text) <= H.MAX_CHARS and ref_has_date(text)),
                float(NOT_HEADLINE.search(text) is not None),
                float(before),
                float(after),
                float(i >= first),
                math.log(1 + max(0, first - i)),
                float(byline is not None),
                float(byline is not None and i < byline),
                math.log(1 + abs(i - byline)) if byline is not None else 0.0,
                len(toks & ctx.body_words) / n_toks,
                page_hits / n_toks,
                page_hits / page_len,
                float(i == 0),
                float(i == 0 and page_sep > 0),
                page_sep,
                float(counts[text] > 1),
                float(i + 1 < size and texts[i + 1] == text),
                float(not bylines.isdisjoint(range(i + 1, stop))),
                float(any(stamped(j) for j in range(i + 1, stop))),
                math.log(1 + order),
                0.0,
                0.0,
                0.0,
                0.0,
                float(first_shaped and shape > 0),
                float(i > 0 and texts[i - 1] == text),
                float(whole.count(text) > counts[text]),
                float(dek),
                float(i > 0 and shaped(i - 1) > 0 and ref_word_count(texts[i - 1]) < n),
                float(sum(shaped(j) > 0 for j in (i - 2, i - 1, i + 1, i + 2))),
                float(byline is not None and (byline == i + 1 or (byline == i + 2 and dek))),
                len(toks & lede_after(i)) / n_toks,
                float(shaped(i - 1) > 0),
                float(shaped(i + 1) > 0),
                float(
                    i + 1 < size
                    and (stamped(i + 1) or (i + 1 in bylines and i + 2 < size and stamped(i + 2)))
                ),
                float(i > 0 and stamped(i - 1)),
                float(dated_siblings(i)),
                float(byline is not None and byline < i < first),
                float(shaped_run(i, -1)),
                float(shaped_run(i, 1)),
                no_blanks,
            ]
        )
        if shape > 0:
            first_shaped = False
    for column, key in H.RANKED:
        ranked = sorted(range(len(rows)), key=lambda r: -rows[r][key])
        for rank, r in enumerate(ranked):
            rows[r][column] = 1.0 / (1 + rank)
    return rows


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


@st.composite
def pages(draw: st.DrawFn) -> H.Context:
    texts = [t.strip() for t in draw(st.lists(line, min_size=1, max_size=45))]
    size = len(texts)
    if draw(st.booleans()):
        blanks = [(False, False)] * size
    else:
        blanks = draw(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=size,
                               max_size=size))  # fmt: skip
    start = draw(st.integers(0, size))
    body = list(range(start, min(size, start + draw(st.integers(0, 12)))))
    byline = draw(st.lists(st.integers(0, size - 1), max_size=2, unique=True).map(sorted))
    return H.context(texts, blanks, body, byline)


@settings(max_examples=800, deadline=None)
@given(pages())
def test_candidates_and_features_are_the_plain_ones_bit_for_bit(ctx: H.Context) -> None:
    cands = H.candidates(ctx)
    assert cands == ref_candidates(ctx)
    got = np.asarray(H.features(ctx, cands), dtype=np.float64)
    want = np.asarray(ref_features(ctx, cands), dtype=np.float64)
    assert got.tobytes() == want.tobytes()
    assert H.scraper_dump(ctx) == (not any(a or b for a, b in ctx.blanks))
    if cands:
        ranker = H.load_ranker()
        rows = H.features(ctx, cands)
        assert ranker.scores(rows) == ref_scores(ranker, rows)
        scores = ref_scores(ranker, want.tolist())
        best = max(range(len(cands)), key=lambda k: scores[k])
        assert H.rank_headline(ctx) == (cands[best], scores[best] >= ranker.threshold)


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
