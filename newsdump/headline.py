"""The headline: a learned ranker over the blocks around the start of the article body. Pure.

Candidates are the blocks in a window above the body start (or above the byline) and the first
body blocks (the classifier sometimes takes the headline in), less navigation links,
breadcrumbs, captions, tag lists and lines holding a link (NOT_HEADLINE). Each gets a few
features: its shape (words, characters, final punctuation, capitals, digits, blank lines around
it), where it sits (distance to the body and to the byline), what it shares with the body and
with the page <title> (the first line of a scraper dump), whether its text recurs on the page,
whether a byline or a date (or a time without a year, "2 hours ago") is next to it, whether
headline-shaped blocks run above or below it (a standfirst sits under its headline) or stand
in a list with dates under them (other stories), and its rank among the candidates on some of
these. Five averaged sets of a hundred boosted depth-2 trees (trained by
tools/train_headline.py, shipped as models/headline.json, walked here in C, newsdump/_headline.c,
or with numpy where it was not built) score them. Where the C was built it also filters the
candidates and fills their rows (the same floats as the Python _features, which stays the
fallback and the reference), doing _Blocks' tests itself: a pattern (or dates.find_dates,
dates.is_time_line) is called only where an exact pre-test of what it needs passes (_TESTS).
The best one is the headline, unless the page's head says otherwise (revisit: a title under
the byline below a headline over it, a standfirst printed again as the lede, a shorter
standfirst or a shorter repeat under its headline); when the best score is below the model's
threshold it is only a guess, and article.find_title prefers the page <title> of a scraper
dump's first line to it.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from newsdump.dates import MAYBE_DATE, find_dates, is_time_line, yearless
from newsdump.lang import WIDE

try:  # the scores compiled (newsdump/_headline.c), when the install could build it
    from newsdump import _headline
except ImportError:  # pragma: no cover - depends on the install
    _headline = None  # type: ignore[assignment]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

HEADLINE_MODEL = Path(__file__).resolve().parent / "models" / "headline.json"
WINDOW = 30  # blocks above the byline (or the body) that may be the headline
IN_BODY = 2  # first body blocks that may be the headline after all
BODY_SAMPLE = 6  # body blocks (after the first IN_BODY) whose words a headline shares
MIN_WORDS = 2
MAX_WORDS = 40
MAX_CHARS = 300
FOLLOW = 3  # blocks after a candidate searched for the byline or a date
LEDE_BLOCKS = 2  # body blocks whose words a headline shares with the lede
DEK_MAX_WORDS = 70  # a standfirst under the headline is at most a short paragraph

TOKEN = re.compile(r"\w+")
DIGIT = re.compile(r"\d")
# the first letter of a word (what str.split() yields) that is an ASCII capital
CAPITAL_START = re.compile(r"(?<!\S)[A-Z]")
NOT_LETTER = re.compile(r"[\W\d_]")
ASCII_LETTERS = string.ascii_letters.encode()
ASCII_DIGITS = string.digits.encode()
# TITLE_SEPARATORS' source (the pattern is compiled when first asked for: see __getattr__)
_TITLE_SEPARATORS = r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+"
# ... and, for a page <title>'s site name, an underscore between two characters of a script
# without spaces ('地铁三号线试运行_青川在线')
PAGE_TITLE_SEPARATORS = re.compile(rf"{_TITLE_SEPARATORS}|(?<=[^\x00-\x7f])_(?=[^\x00-\x7f])")
PAGE_TITLE_MIN_WIDE = 6  # characters of a <title> part in a script without spaces
_BYLINE_KINDS = (
    "written", "posted", "reported", "words", "story", "analysis", "opinion", "commentary",
    "column", "essay", "review", "interview",
)  # fmt: skip
_BY_WORDS = ("by", "von", "par", "por", "di", "door", "av", "af", "przez")
BYLINE = re.compile(
    rf"^\s*(?:(?:{'|'.join(_BYLINE_KINDS)})\s+)?"
    rf"(?:{'|'.join(_BY_WORDS)})\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# the words that BYLINE.match needs at the start of a text (past its spaces)
_BYLINE_WORDS = _BYLINE_KINDS + _BY_WORDS
AUTHOR_LABEL = re.compile(
    r"^\s*(?:authors?|autor(?:in|ka|zy)?|auteur|writer|reporter|text|texte|текст|автор)"
    r"\s*[:：]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)


def led(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags) behind a lookahead for its first character (`first`: a class
    of every character one of its alternatives starts with, under the same flags): re tests
    that one class at each position before it tries the alternatives one by one (IGNORECASE
    literals have no fast path). The same matches; about twice as fast a search."""
    return re.compile(f"(?={first})(?:{pattern})", flags)


CREDIT_SOURCE = (
    r"\((?:photo|image|picture|foto)|(?:photo(?:graph)?|image|foto|picture|credit)s?\s*(?:credit)?\s*:|"
    r"getty images|/afp|/reuters|/ap\b|shutterstock|associated press\)"
)
CREDIT = led(r"[(pifcg/sa]", CREDIT_SOURCE, re.IGNORECASE)
# what each alternative of CREDIT_SOURCE starts with (lower-case): the compiled has_credit tries
# CREDIT.match only where the text holds one of them
_CREDIT_STARTS = (
    "(photo", "(image", "(picture", "(foto", "photo", "image", "foto", "picture", "credit",
    "getty images", "/afp", "/reuters", "/ap", "shutterstock", "associated press)",
)  # fmt: skip
# NOT_HEADLINE's alternatives by what a cheap test needs first: those anchored at the start, after
# one of their first words; the breadcrumb trail, after one of its separators; the rest (anywhere
# in the line), after one of their words
_LABEL_START = (
    r"^(?:updated|published|posted|share|advertisement|sponsored|related|read more|"
    r"sign up|subscribe|follow|skip to|copy (?:this )?link|click to|you are here)\b"
    # "Back to overview", "Zurück zur Übersicht", "Retour à la liste", "Powrót do listy"
    r"|^(?:back to|go back|return to|zurück|retour|volver|torna(?:re)? a|powrót|terug naar)\b"
    r"|^(?:(?:media|image|photo|video) )?caption\b"
    r"|^(?:topics?|tags?|filed under|categories|keywords|themen|schlagw(?:ö|oe)rter|mots-cl(?:é|e)s"
    r"|tagi|etiquetas|tematy)\s*:"  # a list of tags
)
_LABEL_WORDS = (  # lower-case: every _LABEL_START alternative starts with one of them
    "updated", "published", "posted", "share", "advertisement", "sponsored", "related",
    "read more", "sign up", "subscribe", "follow", "skip to", "copy ", "click to", "you are here",
    "back to", "go back", "return to", "zurück", "retour", "volver", "torna", "powrót",
    "terug naar", "media ", "image ", "photo ", "video ", "caption", "topic", "tag",
    "filed under", "categories", "keywords", "themen", "schlagw", "mots-cl", "etiquetas", "tematy",
)  # fmt: skip
# a breadcrumb trail: "News > Asia > …"
_TRAIL = r"^[^>»›/\n]{1,40}(?:\s[>»›/]\s[^>»›/\n]{1,40}){1,}\s[>»›/]\s[^>»›/\n]+$"
_ANYWHERE = (
    r"\b(?:opens? in (?:a )?new (?:window|tab)|will open in a new (?:window|tab)|"
    r"all rights reserved)\b"
    r"|\bwww\.\w|https?://"  # a link or a "More info: www.example.com" field
)
LABEL_START = re.compile(_LABEL_START, re.IGNORECASE)
TRAIL = re.compile(_TRAIL, re.IGNORECASE)
ANYWHERE = re.compile(_ANYWHERE, re.IGNORECASE)
# IGNORECASE pairs these with an ASCII letter that their lower() is not ('İ' and 'ı' with i,
# 'ſ' with s): a text without them, lower-cased, holds every word such a pattern matches in it
FOLD_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")

# a time printed without a year: "2 hours ago", "vor 3 Stunden", "Monday 5:30PM", "Nov 19, 6:51 AM"
TIME_STAMP = re.compile(
    r"\b\d+\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|h|days?|d|weeks?|months?)\.?\s+ago\b"
    r"|\b(?:an?|one)\s+(?:minute|hour|day|week|month)\s+ago\b"
    r"|\bvor\s+\d+\s+(?:sekunden|minuten|stunden|tagen|wochen)\b"
    r"|\bil y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?)\b"
    r"|\bhace\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?)\b"
    r"|\b\d+\s+(?:sekund|minut|godzin|dni|tygodni)\w*\s+temu\b"
    r"|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|日)前"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun|yester|to)(?:day)?\.?,?\s+"
    r"(?:at\s+)?[0-2]?\d[:.][0-5]\d",
    re.IGNORECASE,
)
STAMP_MAX_WORDS = 12  # a line that prints a time is short
# a photo caption's credit at its end: "(AP Photo/Ann Lee)", "(Photo: Ann Lee)", "(Foto: dpa)"
PHOTO_CREDIT_TAIL = re.compile(
    r"\((?:[^()]{0,30}\s)?(?:photo|foto|image|picture|bild)s?\s*[/:][^()]*\)\W*$", re.IGNORECASE
)

FEATURES = (
    "shape",  # the hand-written headline shape score
    "log_words",
    "log_chars",
    "end_period",
    "end_colon",  # : ; ,
    "end_question",  # ? !
    "has_colon",
    "cap_share",
    "all_caps",
    "digit_share",
    "wide",  # CJK text
    "has_date",
    "not_headline",  # "Share", "Read more", "Updated …"
    "blank_before",
    "blank_after",
    "in_body",
    "log_above_body",
    "has_byline",
    "above_byline",
    "log_to_byline",
    "body_share",
    "page_share",  # share of its words in the page <title>
    "page_recall",  # share of the page <title>'s words in it
    "first_line",  # it is the first line of the dump
    "page_line",  # ... and that line looks like a <title>
    "page_sep",  # the first line looks like a <title> ("Headline - Site")
    "recurs",  # the same text appears elsewhere on the page
    "repeat_next",  # ... right after it
    "byline_follows",
    "date_follows",
    "order",  # log(1 + candidates between it and the body)
    "rank_shape",
    "rank_body",
    "rank_page",
    "rank_words",
    "first_shaped",  # the nearest candidate to the body with a headline shape
    "repeat_prev",  # the same text right before it
    "quoted",  # its text sits inside a longer block ("Share this: Headline", a <title> line)
    "dek_follows",  # the next block reads like a standfirst: longer, a sentence
    "after_shorter",  # the block before it is a shorter headline-shaped line (it is the dek)
    "shaped_around",  # headline-shaped blocks among its two neighbours each side (a list)
    "next_to_byline",  # the byline is the next block, or the one after a standfirst
    "lede_share",  # share of its words in the body's first paragraphs (after it)
    "prev_shaped",  # the block right above it has a headline shape
    "next_shaped",  # ... the block right below it
    "date_next",  # the next block (past a byline) is dated
    "date_prev",  # the block right above it is dated
    "dated_siblings",  # other headline-shaped blocks near it with a date under them (a list)
    "below_byline",  # between the byline and the body
    "shaped_above",  # headline-shaped blocks right above it (past dates and the byline)
    "shaped_below",  # ... right below it
    "no_blanks",  # the dump has no blank line (a scraper's, with the page <title> first)
)
RANKED = tuple(  # (rank column, the feature ranked)
    (FEATURES.index(f"rank_{name}"), FEATURES.index(key))
    for name, key in (
        ("shape", "shape"),
        ("body", "body_share"),
        ("page", "page_share"),
        ("words", "log_words"),
    )
)
SENTENCE_ENDS = (".", "!", "?", "。", "…", '"', "”")  # a standfirst ends like a sentence
RUN = 4  # longest run counted by shaped_above and shaped_below
SIBLINGS = 8  # blocks each side searched for dated_siblings
HEAD_MARGIN = 3.0  # how far below the ranker's winner revisit() may take another candidate
DEK_SHARED = 2  # words a standfirst shares with its headline
ECHO = 3  # blocks above a short title searched for the headline it repeats
ECHO_SHARE = 0.6  # share of a short title's words that it repeats from that headline
SHAPE = FEATURES.index("shape")
NEXT_TO_BYLINE = FEATURES.index("next_to_byline")
DEK_FOLLOWS = FEATURES.index("dek_follows")
DATE_FOLLOWS = FEATURES.index("date_follows")
MAX_SIBLINGS = 4


@dataclass(frozen=True, slots=True)
class Tree:
    """A regression tree: node k tests features[k] <= thresholds[k] (left) or not (right);
    leaves have left[k] == -1 and hold values[k]."""

    features: tuple[int, ...]
    thresholds: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    values: tuple[float, ...]

    def value(self, row: Sequence[float]) -> float:
        k = 0
        while self.left[k] >= 0:
            k = self.left[k] if row[self.features[k]] <= self.thresholds[k] else self.right[k]
        return self.values[k]


@dataclass(frozen=True, slots=True)
class Ranker:
    """Boosted shallow trees; the score is in log-odds. `scores` walks every tree for every
    candidate, in C (newsdump/_headline.c) or else at once with numpy, the same floats: each
    tree is laid out as a complete binary tree (node k has children 2k+1 and 2k+2; a leaf above
    the full depth passes everything left)."""

    features: tuple[str, ...]
    baseline: float
    trees: tuple[Tree, ...]
    threshold: float  # lowest winning score for a headline
    compiled: tuple[IntArray, FloatArray, FloatArray, int] = field(
        init=False, repr=False, compare=False
    )

    levels: tuple[tuple[IntArray, FloatArray], ...] = field(init=False, repr=False, compare=False)
    # the trees packed once for the compiled walk (newsdump/_headline.c), where it was built
    forest: object = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        feature, threshold, value, depth = _complete(self.trees)
        object.__setattr__(self, "compiled", (feature, threshold, value, depth))
        packed = (
            _headline.forest(feature, threshold, value, depth) if _headline is not None else None
        )
        object.__setattr__(self, "forest", packed)
        levels = []
        for level in range(depth):  # the features and thresholds of a level's nodes, tree by tree
            lo, hi = 2**level - 1, 2 ** (level + 1) - 1
            levels.append((feature[:, lo:hi].ravel(), threshold[:, lo:hi].ravel()))
        object.__setattr__(self, "levels", tuple(levels))

    def __reduce__(self) -> tuple[type[Ranker], tuple[Any, ...]]:
        """Pickled (and copied) as what it is made of: the packed forest, a capsule, is made
        again."""
        return (Ranker, (self.features, self.baseline, self.trees, self.threshold))

    def score(self, row: Sequence[float]) -> float:
        return self.baseline + sum(tree.value(row) for tree in self.trees)

    def scores(self, rows: Sequence[Sequence[float]] | FloatArray) -> list[float]:
        # the same walk and sum in C (not where a test took the compiled module away)
        if _headline is not None and self.forest is not None and self.trees and len(rows):
            if isinstance(rows, np.ndarray):  # the rows of _compiled_features
                if rows.ndim != 2:
                    return self._scores(rows)
                x = np.ascontiguousarray(rows, dtype=np.float64)
                return _headline.scores_array(x, x.shape[1], self.forest, self.baseline)
            return _headline.scores(rows, len(rows[0]), self.forest, self.baseline)
        return self._scores(rows)

    def _scores(self, rows: Sequence[Sequence[float]] | FloatArray) -> list[float]:
        """scores(rows) with numpy."""
        value, depth = self.compiled[2:]
        x = np.asarray(rows, dtype=np.float64)
        if x.ndim != 2 or not len(self.trees):
            return [self.baseline] * len(rows)
        n_trees = len(self.trees)
        at = np.zeros((len(x), n_trees), dtype=np.intp)  # the node's place in its level
        cell = np.arange(len(x) * n_trees).reshape(len(x), n_trees)  # (candidate, tree)
        for level, (columns, thresholds) in enumerate(self.levels):
            # every node of the level tested, then each tree's own taken
            right = (x[:, columns] > thresholds).ravel()
            at = 2 * at + right[cell * (1 << level) + at]
        # summed in the same order as a C-ordered (candidate, tree) array always is
        leaves = np.ascontiguousarray(value[np.arange(n_trees), 2**depth - 1 + at])
        total: FloatArray = leaves.sum(axis=1) + self.baseline
        return [float(v) for v in total]

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.features),
            "baseline": self.baseline,
            "threshold": self.threshold,
            "trees": [
                {
                    "features": list(t.features),
                    "thresholds": list(t.thresholds),
                    "left": list(t.left),
                    "right": list(t.right),
                    "values": list(t.values),
                }
                for t in self.trees
            ],
        }


def _complete(trees: Sequence[Tree]) -> tuple[IntArray, FloatArray, FloatArray, int]:
    """Feature, threshold and leaf value arrays (trees x nodes) of complete binary trees."""

    def depth_of(tree: Tree, k: int) -> int:
        if tree.left[k] < 0:
            return 0
        return 1 + max(depth_of(tree, tree.left[k]), depth_of(tree, tree.right[k]))

    depth = max((depth_of(t, 0) for t in trees), default=0)
    width = 2 ** (depth + 1) - 1
    feature = np.zeros((len(trees), width), dtype=np.intp)
    threshold = np.full((len(trees), width), np.inf)
    value = np.zeros((len(trees), width))

    def place(t: int, tree: Tree, k: int, at: int, level: int) -> None:
        if level == depth:
            value[t, at] = tree.values[k]
        elif tree.left[k] < 0:  # a leaf above the full depth: everything goes left
            place(t, tree, k, 2 * at + 1, level + 1)
        else:
            feature[t, at] = tree.features[k]
            threshold[t, at] = tree.thresholds[k]
            place(t, tree, tree.left[k], 2 * at + 1, level + 1)
            place(t, tree, tree.right[k], 2 * at + 2, level + 1)

    for t, tree in enumerate(trees):
        place(t, tree, 0, 0, 0)
    return feature, threshold, value, depth


def ranker_from_json(data: dict[str, Any]) -> Ranker:
    trees = tuple(  # (map, not a generator a field: every run loads the model's 500 trees)
        Tree(
            features=tuple(map(int, t["features"])),
            thresholds=tuple(map(float, t["thresholds"])),
            left=tuple(map(int, t["left"])),
            right=tuple(map(int, t["right"])),
            values=tuple(map(float, t["values"])),
        )
        for t in data["trees"]
    )
    return Ranker(tuple(data["features"]), float(data["baseline"]), trees, float(data["threshold"]))


def _read_json(path: Path) -> Any:
    """json.loads of the file's UTF-8 text: parsed by orjson (the same values, its floats
    correctly rounded as json's; ~5x as fast, and every run loads the model), by json where
    orjson will not take it (NaN, Infinity)."""
    data = path.read_bytes()
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data.decode("utf-8"))


@lru_cache(maxsize=4)
def load_ranker(path: Path = HEADLINE_MODEL) -> Ranker:
    ranker = ranker_from_json(_read_json(path))
    if ranker.features != FEATURES:
        raise ValueError(f"{path}: features {ranker.features} differ from {FEATURES}")
    return ranker


@dataclass(frozen=True, slots=True)
class Context:
    """What the candidates are compared with."""

    texts: Sequence[str]
    blanks: Sequence[tuple[bool, bool]]  # (blank_before, blank_after) per block
    first: int  # the first body block (len(texts) without a body)
    body_start: Sequence[int]  # the first body blocks
    byline: Sequence[int]  # the byline's blocks (empty without one)
    title: str | None  # page_title(texts[0], body_words) (None without blocks), found once
    no_blanks: bool  # scraper_dump: no blank line at all, found once
    sample: Sequence[int] = ()  # the body blocks whose words body_words are
    # the body words as a table of newsdump/_headline.c (body_table), where it was built and the
    # sample allows one: the compiled rows count a candidate's words in it, and the frozenset
    # (body_words) is made only where Python asks for it
    body: object = field(default=None, repr=False, compare=False)
    words: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def body_words(self) -> frozenset[str]:
        """tokens(" ".join(texts[i] for i in sample)), made once, when first asked for."""
        got = self.words
        if got is None:
            got = _body_words(self.texts, self.sample)
            object.__setattr__(self, "words", got)
        return got

    def body_shared(self, words: set[str]) -> int:
        """len(words & self.body_words), counted in the table where there is one."""
        if self.body is not None:
            return _headline.body_common(self.body, words)
        return len(words & self.body_words)


def _body_words(texts: Sequence[str], sample: Sequence[int]) -> frozenset[str]:
    """frozenset(tokens(" ".join(texts[i] for i in sample)))."""
    joined = " ".join(texts[i] for i in sample)
    made = _headline.frozen_tokens(joined) if _headline is not None else None  # (no copy)
    return made if made is not None else frozenset(tokens(joined))


def context(
    texts: Sequence[str],
    blanks: Sequence[tuple[bool, bool]],
    body: Sequence[int],
    byline: Sequence[int] = (),
) -> Context:
    first = body[0] if body else len(texts)
    sample = body[IN_BODY : IN_BODY + BODY_SAMPLE] or body
    # (the table indexes the blocks of the candidates' ledes too, each with a bit of its own:
    # the compiled rows count a candidate's words in the body and its lede with one look-up)
    table = (
        _headline.body_table(texts, sample, body[:IN_BODY], LEDE_BLOCKS)
        if _headline is not None
        else None
    )
    words = _body_words(texts, sample) if table is None else None
    no_blanks = not _any_blank(blanks)
    ctx = Context(
        texts, blanks, first, body[:IN_BODY], tuple(byline), None, no_blanks, sample, table, words
    )
    if texts:  # page_title(texts[0], ctx.body_words), its words counted in the table
        object.__setattr__(ctx, "title", _page_title(texts[0], ctx.body_shared))
    return ctx


def scraper_dump(ctx: Context) -> bool:
    """Whether the dump has no blank line at all: a scraper's, whose first line is the page
    <title> (found once per page, by context)."""
    return ctx.no_blanks


def candidates(ctx: Context) -> list[int]:
    """Blocks that may be the headline, nearest the body first."""
    return _candidates(ctx, _Blocks(ctx.texts))


def _candidates(ctx: Context, blocks: _Blocks) -> list[int]:
    """candidates(ctx), with the page's block caches."""
    first = ctx.first
    if ctx.byline:
        anchor = min(first, *ctx.byline)
        skip = set(ctx.byline)
        inside = [i for i in ctx.body_start if i >= first and i not in skip]
        above = [i for i in range(first - 1, max(-1, anchor - 1 - WINDOW), -1) if i not in skip]
    else:  # (nothing to skip)
        inside = [i for i in ctx.body_start if i >= first]
        above = range(first - 1, max(-1, first - 1 - WINDOW), -1)  # type: ignore[assignment]
    texts = ctx.texts
    if _headline is not None:  # the same filter in C
        return _headline.candidates(
            texts, [*inside, *above], blocks, _CANDIDATE_CONSTS, _PHOTO_TAIL, _TESTS
        )
    return [
        i
        for i in [*inside, *above]
        if MIN_WORDS <= blocks.words(i) <= MAX_WORDS
        and len(texts[i]) <= MAX_CHARS
        and not blocks.not_headline(i)
        and PHOTO_CREDIT_TAIL.search(texts[i]) is None
    ]


class _Blocks:
    """Per-page lazy caches of what several features look at on the same block: its word and
    CJK character counts, its date, its "not a headline" label and its headline shape."""

    __slots__ = (
        "_counts", "_dates", "_labels", "_lows", "_native", "_shapes", "_stamps", "_tokens",
        "_words", "size", "texts",
    )  # fmt: skip

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.size = size = len(texts)
        # (dicts: the compiled candidates and rows keep their own counts, and Python asks for few)
        self._counts: dict[int, tuple[int, int]] = {}
        self._words: dict[int, int] = {}
        self._dates: list[bool | None] = [None] * size
        self._stamps: list[bool | None] = [None] * size
        self._labels: list[bool | None] = [None] * size
        self._lows: dict[int, str | None] = {}
        self._tokens: dict[int, set[str]] = {}
        self._shapes: list[float | None] = [None] * size
        # the compiled candidates' and rows' own caches of the blocks' counts (newsdump/_headline.c)
        self._native: bytearray | None = None

    def counts(self, j: int) -> tuple[int, int]:
        """(words, CJK characters) of block j."""
        got = self._counts.get(j)
        if got is None:
            got = self._counts[j] = _counts(self.texts[j])
        return got

    def words(self, j: int) -> int:
        """word_count(self.texts[j])."""
        got = self._words.get(j)
        if got is None:
            n, wide = self.counts(j)
            got = self._words[j] = max(n, wide // 2) if wide >= 6 else n
        return got

    def dated(self, j: int) -> bool:
        got = self._dates[j]
        if got is None:
            text = self.texts[j]
            got = self._dates[j] = len(text) <= MAX_CHARS and has_date(text)
        return got

    def stamped(self, j: int) -> bool:
        """Block j prints a date, or a time without a year ("2 hours ago", "Monday 5:30PM")."""
        got = self._stamps[j]
        if got is None:
            text = self.texts[j]
            got = self.dated(j) or (
                self.counts(j)[0] <= STAMP_MAX_WORDS
                and (DIGIT.search(text) is not None or "ago" in text.lower())  # all need one
                and (
                    (may_stamp(text) and TIME_STAMP.search(text) is not None)
                    or (":" in text and yearless(text))  # it needs a colon
                    or is_time_line(text)
                )
            )
            self._stamps[j] = got
        return got

    def tokens(self, j: int) -> set[str]:
        """tokens(self.texts[j]) (not to be changed)."""
        got = self._tokens.get(j)
        if got is None:
            got = self._tokens[j] = _tokens(self.texts[j], self.counts(j)[1] > 0)
        return got

    def joined_tokens(self, near: Sequence[int]) -> frozenset[str]:
        """tokens(" ".join(self.texts[j] for j in near)): each block's tokens, and the pairs of
        CJK characters that the join puts side by side (the last of a block that has some and
        the first of the next one that has some)."""
        words: set[str] = set()
        last = ""
        for j in near:
            words.update(self.tokens(j))
            if self.counts(j)[1]:
                chars = WIDE.findall(self.texts[j])
                if last:
                    words.add(last + chars[0])
                last = chars[-1]
        return frozenset(words)

    def low(self, j: int) -> str | None:
        """folded(self.texts[j])."""
        if j in self._lows:
            return self._lows[j]
        got = self._lows[j] = folded(self.texts[j])
        return got

    def not_headline(self, j: int) -> bool:
        got = self._labels[j]
        if got is None:
            got = self._labels[j] = _not_headline(self.texts[j], self.low(j))
        return got

    def shape(self, j: int) -> float:
        """headline_score of block j (0 outside the page)."""
        if not 0 <= j < self.size:
            return 0.0
        got = self._shapes[j]
        if got is None:
            got = self._shapes[j] = self._score(j)
        return got

    def _score(self, j: int) -> float:
        """headline_score(self.texts[j]), step by step, from the cached parts."""
        text = self.texts[j]
        if len(text) > MAX_CHARS:
            return 0.0
        n = self.words(j)
        if not 3 <= n <= MAX_WORDS:
            return 0.0
        return _shape_rest(text, n) if self._headed(j, n) else 0.0

    def _headed(self, j: int, n: int) -> bool:
        """Block j (of n words) is no byline, author label, credit, label, nor a short dated
        line: the tests of headline_score that need a pattern."""
        text = self.texts[j]
        if BYLINE.match(text) or AUTHOR_LABEL.match(text) or _has_credit(text, self.low(j)):
            return False
        return not (self.not_headline(j) or (n < 12 and self.dated(j)))


def features(ctx: Context, cands: Sequence[int]) -> list[list[float]]:
    """One row of FEATURES per candidate."""
    if _headline is not None:
        return _compiled_features(ctx, cands, _Blocks(ctx.texts)).tolist()  # type: ignore[no-any-return]
    return _features(ctx, cands, _Blocks(ctx.texts))


def _feature_rows(
    ctx: Context, cands: Sequence[int], blocks: _Blocks
) -> FloatArray | list[list[float]]:
    """features(ctx, cands), with the page's block caches: in C where it was built."""
    if _headline is not None:
        return _compiled_features(ctx, cands, blocks)
    return _features(ctx, cands, blocks)


def _compiled_features(ctx: Context, cands: Sequence[int], blocks: _Blocks) -> FloatArray:
    """_features(ctx, cands, blocks) as an array, its rows filled in C (newsdump/_headline.c):
    the same floats. What the page holds once (the page <title>'s words, the whole text) is
    taken here."""
    texts = ctx.texts
    page = tokens(ctx.title or "") if texts else set()
    page_sep = float(bool(texts) and title_separated(texts[0]))
    out = np.empty((len(cands), len(FEATURES)))
    _headline.rows(
        out,
        texts,
        cands,
        ctx.blanks,
        ctx.first,
        ctx.byline,
        ctx.body if ctx.body is not None else ctx.body_words,
        page,
        page_sep,
        float(ctx.no_blanks),
        blocks,
        _ROW_CONSTS,
        RANKED,
        _TESTS,
    )
    return out


# what the compiled candidates and rows take of the constants
_CANDIDATE_CONSTS = (MIN_WORDS, MAX_WORDS, MAX_CHARS)
_PHOTO_TAIL = PHOTO_CREDIT_TAIL.search
_ROW_CONSTS = (
    SIBLINGS,
    RUN,
    FOLLOW,
    DEK_MAX_WORDS,
    MAX_SIBLINGS,
    MAX_CHARS,
    MAX_WORDS,
    STAMP_MAX_WORDS,
    LEDE_BLOCKS,
)


def _features(ctx: Context, cands: Sequence[int], blocks: _Blocks) -> list[list[float]]:
    """features(ctx, cands), with the page's block caches, in Python (the reference of the
    compiled rows)."""
    texts = ctx.texts
    size = len(texts)
    page = tokens(ctx.title or "") if texts else set()
    page_sep = float(bool(texts) and title_separated(texts[0]))
    byline = ctx.byline[0] if ctx.byline else None
    bylines = set(ctx.byline)
    body_words = ctx.body_words
    first = ctx.first
    blanks = ctx.blanks
    rows: list[list[float]] = []
    first_shaped = True
    ledes: dict[int, frozenset[str]] = {}

    def lede_after(i: int) -> frozenset[str]:
        """The words of the first body blocks below block `i` (not `i` itself)."""
        start = max(i + 1, first)
        got = ledes.get(start)
        if got is None:
            got = ledes[start] = blocks.joined_tokens(range(start, min(size, start + LEDE_BLOCKS)))
        return got

    whole = "\n".join(texts)
    shaped = blocks.shape
    dated = blocks.dated
    stamped = blocks.stamped
    no_blanks = float(ctx.no_blanks)
    page_len = max(1, len(page))

    def shaped_run(i: int, step: int) -> int:
        """Headline-shaped blocks next to `i` in direction `step`, up to the first block that
        is neither headline-shaped, nor dated, nor the byline."""
        found = 0
        j = i + step
        while 0 <= j < size and found < RUN:
            if shaped(j) > 0:
                found += 1
            elif not (stamped(j) or j in bylines):
                break
            j += step
        return found

    # headline-shaped blocks with a date right under them, around the candidates (each block
    # tested once: the candidates' neighbourhoods overlap)
    lo = max(0, min(cands, default=0) - SIBLINGS)
    hi = min(size - 1, max(cands, default=0) + SIBLINGS + 1)
    # the shapes of that window and of the two blocks each side of every candidate (0 outside
    # the page), in a list from block `start` on: each is one that `listed` or a row needs
    start = min(lo, min(cands, default=0) - 2)
    shapes = [shaped(j) for j in range(start, max(hi, max(cands, default=0) + 3))]
    listed = [j for j in range(lo, hi) if shapes[j - start] > 0 and stamped(j + 1)]

    def dated_siblings(i: int) -> int:
        """Headline-shaped blocks near `i` (not `i`) with a date right under them."""
        found = sum(
            1 for j in listed if i - SIBLINGS <= j <= i + SIBLINGS and j != i and j + 1 != i
        )
        return min(found, MAX_SIBLINGS)

    counts = blocks.counts
    words = blocks.words
    has_byline = byline is not None
    for order, i in enumerate(cands):
        text = texts[i]
        chars = len(text)
        n_words, n_wide = counts(i)
        n = max(1, words(i))
        toks = blocks.tokens(i)
        n_toks = max(1, len(toks))
        k = i - start
        shape = shapes[k]
        above = shapes[k - 1] > 0
        below = shapes[k + 1] > 0
        if text.isascii():  # digits are 0-9, and capitals A-Z, there
            digits = (chars - len(text.encode().translate(None, ASCII_DIGITS))) / max(1, chars)
            caps = len(CAPITAL_START.findall(text)) / max(1, n_words)
        else:
            digits = len(DIGIT.findall(text)) / max(1, chars)
            initials = [w[0] for w in text.split()]  # split() yields no empty word
            caps = sum(map(str.isupper, initials)) / max(1, len(initials))
        before, after = blanks[i] if i < len(blanks) else (False, False)
        stop = min(size, i + 1 + FOLLOW)
        next_stamped = i + 1 < size and stamped(i + 1)
        date_follows = next_stamped
        if not date_follows:
            for j in range(i + 2, stop):
                if stamped(j):
                    date_follows = True
                    break
        page_hits = len(toks & page) if i > 0 else 0
        # each block equal to `text` is an occurrence in `whole` (none overlap): one occurrence
        # is `text` itself, else count the equal blocks
        found = whole.count(text)
        same = texts.count(text) if found > 1 else 1
        dek = (
            i + 1 < size
            and n < words(i + 1) <= DEK_MAX_WORDS
            and texts[i + 1].endswith(SENTENCE_ENDS)
        )
        prev_stamped = i > 0 and stamped(i - 1)
        # a run stops at once at a block that is not headline-shaped, dated nor the byline
        run_above = shaped_run(i, -1) if above or prev_stamped or i - 1 in bylines else 0
        run_below = (
            shaped_run(i, 1) if below or next_stamped or (i + 1 < size and i + 1 in bylines) else 0
        )
        rows.append(
            [
                shape,
                math.log(n),
                math.log(1 + chars),
                1.0 if text.endswith(".") and not text.endswith("...") else 0.0,
                1.0 if text.endswith((":", ";", ",")) else 0.0,
                1.0 if text.endswith(("?", "!")) else 0.0,
                1.0 if ":" in text[:-1] else 0.0,
                caps,
                1.0 if text.isupper() else 0.0,
                digits,
                1.0 if n_wide else 0.0,
                1.0 if dated(i) else 0.0,
                1.0 if blocks.not_headline(i) else 0.0,
                float(before),
                float(after),
                1.0 if i >= first else 0.0,
                math.log(1 + max(0, first - i)),
                1.0 if has_byline else 0.0,
                1.0 if byline is not None and i < byline else 0.0,
                math.log(1 + abs(i - byline)) if byline is not None else 0.0,
                len(toks & body_words) / n_toks,
                page_hits / n_toks,
                page_hits / page_len,
                1.0 if i == 0 else 0.0,
                1.0 if i == 0 and page_sep > 0 else 0.0,
                page_sep,
                1.0 if same > 1 else 0.0,
                1.0 if i + 1 < size and texts[i + 1] == text else 0.0,
                0.0 if bylines.isdisjoint(range(i + 1, stop)) else 1.0,
                1.0 if date_follows else 0.0,
                math.log(1 + order),
                0.0,
                0.0,
                0.0,
                0.0,
                1.0 if first_shaped and shape > 0 else 0.0,
                1.0 if i > 0 and texts[i - 1] == text else 0.0,
                1.0 if found > same else 0.0,
                1.0 if dek else 0.0,
                1.0 if i > 0 and above and words(i - 1) < n else 0.0,
                float((shapes[k - 2] > 0) + above + below + (shapes[k + 2] > 0)),
                1.0 if has_byline and (byline == i + 1 or (byline == i + 2 and dek)) else 0.0,
                len(toks & lede_after(i)) / n_toks,
                1.0 if above else 0.0,
                1.0 if below else 0.0,
                1.0
                if next_stamped
                or (i + 1 in bylines and i + 1 < size and i + 2 < size and stamped(i + 2))
                else 0.0,
                1.0 if prev_stamped else 0.0,
                float(dated_siblings(i)) if listed else 0.0,
                1.0 if byline is not None and byline < i < first else 0.0,
                float(run_above),
                float(run_below),
                no_blanks,
            ]
        )
        if shape > 0:
            first_shaped = False
    for column, key in RANKED:
        keys = [-row[key] for row in rows]
        for rank, r in enumerate(sorted(range(len(rows)), key=keys.__getitem__)):
            rows[r][column] = 1.0 / (1 + rank)
    return rows


def lede_share(words: set[str], lede: frozenset[str]) -> float:
    return len(words & lede) / max(1, len(words))


def dek_follows(texts: Sequence[str], i: int, words: int) -> bool:
    """The block after `i` reads like a standfirst under a headline of `words` words: longer,
    at most a short paragraph, and ends like a sentence."""
    if i + 1 >= len(texts):
        return False
    after = texts[i + 1]
    n = word_count(after)
    return words < n <= DEK_MAX_WORDS and after.endswith(SENTENCE_ENDS)


def find_headline(ctx: Context, ranker: Ranker | None = None) -> int | None:
    """Index of the headline block, or None when no candidate scores high enough."""
    ranked = rank_headline(ctx, ranker)
    return ranked[0] if ranked is not None and ranked[1] else None


def rank_headline(ctx: Context, ranker: Ranker | None = None) -> tuple[int, bool] | None:
    """Index of the best candidate, and whether it clears the model's threshold."""
    blocks = _Blocks(ctx.texts)
    cands = _candidates(ctx, blocks)
    if not cands:
        return None
    model = ranker if ranker is not None else load_ranker()
    rows = _feature_rows(ctx, cands, blocks)
    if isinstance(rows, np.ndarray) and model.forest is not None and model.trees:
        # the C-ordered float64 rows of _compiled_features, walked as model.scores walks them
        scores = _headline.scores_array(rows, len(FEATURES), model.forest, model.baseline)
    else:
        scores = model.scores(rows)
    best = scores.index(max(scores))  # the first best (list.index finds a NaN by identity)
    return cands[_revisit(ctx, cands, rows, scores, best, blocks)], scores[best] >= model.threshold


def revisit(
    ctx: Context,
    cands: Sequence[int],
    rows: Sequence[Sequence[float]],
    scores: Sequence[float],
    best: int,
) -> int:
    """The ranker's winner (`best`, an index into `cands`), or the candidate that the page's
    head shows to be the headline instead, by what the ranker scores one candidate at a time
    and cannot compare:

    - the winner sits below the byline (a video's title under it, the body's first line, a
      related story) while a headline-shaped candidate above the byline heads it: the byline,
      a standfirst or a date right under it;
    - the winner is printed again as one of the body's first paragraphs: a standfirst that
      the page repeats as its lede (a headline is not), under the headline right above it;
    - the winner stands right above the byline under a longer headline-shaped line about the
      same thing: it is the standfirst of that headline;
    - the winner says again, shorter, most (not all) of the words of a longer headline-shaped
      line just above it: a video's or a card's short title of that headline.

    Each rule takes a candidate whose score is within HEAD_MARGIN of the winner's (the second
    one whatever its score: the repeated lede is no headline). The page's confidence stays
    that of the winner."""
    return _revisit(ctx, cands, rows, scores, best, _Blocks(ctx.texts))


def _revisit(
    ctx: Context,
    cands: Sequence[int],
    rows: Sequence[Sequence[float]] | FloatArray,
    scores: Sequence[float],
    best: int,
    blocks: _Blocks,
) -> int:
    """revisit(ctx, cands, rows, scores, best), with the page's block caches."""
    texts = ctx.texts
    floor = scores[best] - HEAD_MARGIN
    w = cands[best]
    if ctx.byline and w > max(ctx.byline):
        top = min(ctx.byline)
        heads = [
            k
            for k, c in enumerate(cands)
            if top - WINDOW <= c < top
            and rows[k][SHAPE] > 0
            and (rows[k][NEXT_TO_BYLINE] or rows[k][DEK_FOLLOWS] or rows[k][DATE_FOLLOWS])
            and scores[k] > floor
        ]
        if heads:
            return max(heads, key=lambda k: scores[k])
    # the candidate right above the winner (its last place in cands, as a dict of them keeps it)
    above = len(cands) - 1 - cands[::-1].index(w - 1) if w - 1 in cands else None
    if w < ctx.first and above is not None and texts[w] in (texts[j] for j in ctx.body_start):
        return above
    if (
        ctx.byline
        and min(ctx.byline) == w + 1
        and above is not None
        and rows[above][SHAPE] > 0
        and scores[above] > floor
        and blocks.words(w - 1) > blocks.words(w)
        and len(blocks.tokens(w - 1) & blocks.tokens(w)) >= DEK_SHARED
    ):
        return above
    words: set[str] | None = None  # blocks.tokens(w), made for the first candidate tested
    for k, c in enumerate(cands):
        if (
            w - ECHO <= c < w
            and rows[k][SHAPE] > 0
            and scores[k] > floor
            and blocks.words(c) > blocks.words(w)
        ):
            if words is None:
                words = blocks.tokens(w)
            if ECHO_SHARE * len(words) <= len(words & blocks.tokens(c)) < len(words):
                return k
    return best


# what TIME_STAMP's alternatives need, one each (the clock time a colon or a full stop)
_STAMP_NAMES = ("ago", "vor", "il y a", "hace", "temu", "前")
_STAMP_WORDS = (*_STAMP_NAMES, ":", ".")


def may_stamp(text: str) -> bool:
    """False only where TIME_STAMP finds nothing: none of the words one of its alternatives
    needs is in the text (lower-cased, where folded() allows the test)."""
    low = folded(text)
    return low is None or any(word in low for word in _STAMP_WORDS)


def has_date(text: str) -> bool:
    return maybe_dated(text) and MAYBE_DATE.search(text) is not None and bool(find_dates(text))


def maybe_dated(text: str) -> bool:
    """False only where find_dates finds nothing: its anchor MAYBE_DATE needs "19" or "20" (a
    year) or "/" (a m/d/yy date)."""
    return "19" in text or "20" in text or "/" in text


def folded(text: str) -> str | None:
    """text.lower(), where a word of an IGNORECASE pattern in lower case can only match `text`
    if the lower-cased text holds it (so its absence is a cheap exact test); None where a
    letter of `text` breaks that (FOLD_EXCEPTIONS, tested one by one: no generator a call)."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # FOLD_EXCEPTIONS
        return None
    return text.lower()


@cache
def _not_headline_pattern() -> re.Pattern[str]:
    """NOT_HEADLINE, compiled on first use: _not_headline tries its three parts apart, and the
    whole only on a text that folded() refuses (a page seldom holds one; ~1 ms at import)."""
    return re.compile(f"{_LABEL_START}|{_ANYWHERE}|{_TRAIL}", re.IGNORECASE)


@cache
def _title_separators() -> re.Pattern[str]:
    """TITLE_SEPARATORS, compiled on first use: title_separated searches _TITLE_SEPARATOR."""
    return re.compile(_TITLE_SEPARATORS)


_LAZY_PATTERNS: dict[str, Callable[[], re.Pattern[str]]] = {
    "NOT_HEADLINE": _not_headline_pattern,
    "TITLE_SEPARATORS": _title_separators,
}


def __getattr__(name: str) -> re.Pattern[str]:
    """`headline.NOT_HEADLINE` and `headline.TITLE_SEPARATORS` as before: compiled when first
    asked for (only the references and the tests read them)."""
    make = _LAZY_PATTERNS.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return make()


def not_headline(text: str) -> bool:
    """NOT_HEADLINE.search(text) is not None."""
    return _not_headline(text, folded(text))


def _not_headline(text: str, low: str | None) -> bool:
    """not_headline(text) told folded(text): each part of NOT_HEADLINE is tried only where the
    cheap test of what it needs passes."""
    if low is None:
        return _not_headline_pattern().search(text) is not None
    if low.startswith(_LABEL_WORDS) and LABEL_START.match(text) is not None:
        return True
    if (
        "open" in low or "all rights reserved" in low or "www." in low or "http" in low
    ) and ANYWHERE.search(text) is not None:  # every alternative holds one of these words
        return True
    return (">" in text or "»" in text or "›" in text or "/" in text) and (
        TRAIL.match(text) is not None
    )


def has_credit(text: str) -> bool:
    """CREDIT.search(text) is not None: in C where it was built (its pre-test, the words of
    _CREDIT_WORDS in the text folded, in one pass), else _has_credit's."""
    if _headline is not None and _TESTS is not None:
        return _headline.credit(text, _TESTS)
    return _has_credit(text, folded(text))


# what _has_credit's pre-test looks for in the lower-cased text (one of them each alternative
# of CREDIT holds)
_CREDIT_WORDS = (
    "oto", "image", "picture", "credit", "/", "shutterstock", "associated press)",
)  # fmt: skip


def _has_credit(text: str, low: str | None) -> bool:
    """has_credit(text) told folded(text): CREDIT is tried only where the text holds one of
    the words that each of its alternatives holds."""
    if low is not None and not any(map(low.__contains__, _CREDIT_WORDS)):
        return False
    return CREDIT.search(text) is not None


def word_count(text: str) -> int:
    n = len(text.split())
    wide = len(WIDE.findall(text))
    return max(n, wide // 2) if wide >= 6 else n


def headline_score(text: str) -> float:
    """How much a line looks like a headline, by hand-written rules (0: not at all)."""
    if len(text) > MAX_CHARS:
        return 0.0
    n = word_count(text)
    if not 3 <= n <= MAX_WORDS:
        return 0.0
    if BYLINE.match(text) or AUTHOR_LABEL.match(text) or has_credit(text):
        return 0.0
    if not_headline(text) or (n < 12 and has_date(text)):
        return 0.0
    return _shape_rest(text, n)


def _plain_shape_rest(text: str, n: int) -> float:
    """headline_score once `text` (of `n` words) passed the length, byline, label and date
    tests."""
    if text.isascii():  # letters are a-z and A-Z there
        letters = len(text) - len(text.encode().translate(None, ASCII_LETTERS))
    else:
        letters = len(text) - len(NOT_LETTER.findall(text))
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


def page_title(first_line: str, body_words: frozenset[str] = frozenset()) -> str | None:
    """A page <title> without its site name: 'Headline - Site' → 'Headline'. The part that
    shares the most words with the article body (`body_words`), else the longest."""
    return _page_title(first_line, lambda words: len(words & body_words))


def _page_title(first_line: str, shared: Callable[[set[str]], int]) -> str | None:
    """page_title(first_line, body_words), told shared(words) = len(words & body_words)."""
    parts = title_parts(first_line.strip())
    if not parts or not parts[0]:
        return None
    best = (  # (a line of one part: that part, its words not looked at)
        parts[0]
        if len(parts) == 1
        else max(parts, key=lambda p: (shared(tokens(p)), len(p.split())))
    )
    if len(best.split()) >= 3:
        return best.strip()
    wide = len(WIDE.findall(best))  # a script without spaces: count its characters
    return best.strip() if wide >= PAGE_TITLE_MIN_WIDE else None


# TITLE_SEPARATORS and PAGE_TITLE_SEPARATORS written to start with a character class (a space,
# or the "_" between two characters of a script without spaces): re's search then skips to such
# a character in one tight loop, where the patterns try each of their alternatives at each place
# (about three times as fast, and faster than a test for the separators' characters first). The
# same matches: a separator's spaces before it are the longest run from where a match starts (no
# shorter one is followed by a separator), so the alternatives differ only in the separator
# itself; and the "_" is tested behind it once it is taken.
_TITLE_SEPARATOR = re.compile(r"\s\s*(?:[|–—-]|::|»)\s+")
_PAGE_TITLE_SEPARATOR = re.compile(
    r"[\s_](?:(?<=\s)\s*(?:[|–—-]|::|»)\s+|(?<=[^\x00-\x7f]_)(?=[^\x00-\x7f]))"
)


def title_parts(line: str) -> list[str]:
    """PAGE_TITLE_SEPARATORS.split(line), split by _PAGE_TITLE_SEPARATOR."""
    return _PAGE_TITLE_SEPARATOR.split(line)


def title_separated(line: str) -> bool:
    """TITLE_SEPARATORS.search(line) is not None, searched by _TITLE_SEPARATOR."""
    return _TITLE_SEPARATOR.search(line) is not None


def tokens(text: str) -> set[str]:
    """Lower-cased words; for CJK text, character pairs."""
    if text.isascii():  # no CJK character: spare the WIDE scan
        return _lower_words(text)
    return _tokens(text, WIDE.search(text) is not None)


def _plain_counts(text: str) -> tuple[int, int]:
    """(words, CJK characters) of `text`."""
    wide = 0 if text.isascii() else len(WIDE.findall(text))
    return len(text.split()), wide


def _word_set(text: str) -> set[str]:
    """set(TOKEN.findall(text))."""
    return set(TOKEN.findall(text))


def _plain_lower_words(text: str) -> set[str] | None:
    """_words(text.lower()) of a text without 'İ' nor 'Σ' (whose lower() is not one character
    for one, or depends on the context), else None."""
    if "\u0130" in text or "\u03a3" in text:
        return None
    return _words(text.lower())


# the same in C (newsdump/_headline.c) where it was built
_shape_rest = _headline.shape_rest if _headline is not None else _plain_shape_rest
_counts = _headline.counts if _headline is not None else _plain_counts
_words = _headline.word_set if _headline is not None else _word_set
_lower_word_set = _headline.lower_word_set if _headline is not None else _plain_lower_words


def _plain_any_blank(blanks: Sequence[tuple[bool, bool]]) -> bool:
    return any(map(any, blanks))


_any_blank = _headline.any_blank if _headline is not None else _plain_any_blank


def word_set(text: str) -> set[str]:
    """set(TOKEN.findall(text)): the runs of word characters (in C where it was built)."""
    return _words(text)


def _lower_words(text: str) -> set[str]:
    """_words(text.lower()) of a text without 'İ' nor 'Σ' (the caller knows it has none)."""
    words = _lower_word_set(text)
    return words if words is not None else _words(text.lower())


def _tokens(text: str, wide: bool) -> set[str]:
    """tokens(text), told whether `text` has CJK characters."""
    got = _lower_word_set(text)  # lower() changes no word boundary in an ASCII text
    if got is not None:  # lower() maps each character to one that is a word character just
        words = got  # when it is, but 'İ' and 'Σ'
    else:  # 'İ' lower-cases to two characters, 'Σ' by context
        words = {t.lower() for t in TOKEN.findall(text)}
    if wide:
        chars = WIDE.findall(text)
        words.update(a + b for a, b in itertools.pairwise(chars))
    return words


# what the compiled candidates and rows (newsdump/_headline.c) test the blocks with: the words of
# the pre-tests (lower-case; each pattern needs one of its list: LABEL_START one at the start,
# ANYWHERE one anywhere, BYLINE and AUTHOR_LABEL one past the leading spaces, CREDIT one
# anywhere, TIME_STAMP one anywhere or a clock time) and then the patterns and functions of
# _Blocks' methods themselves
_ANYWHERE_WORDS = ("open", "all rights reserved", "www.", "http")
_AUTHOR_WORDS = ("author", "autor", "auteur", "writer", "reporter", "text", "текст", "автор")
_TEST_PARTS = (
    _LABEL_WORDS,
    _ANYWHERE_WORDS,
    _BYLINE_WORDS,
    _AUTHOR_WORDS,
    _CREDIT_WORDS,
    _STAMP_NAMES,  # (the compiled test looks for a clock time "5:30" or "6.51" itself)
    LABEL_START.match,
    ANYWHERE.search,
    TRAIL.match,
    BYLINE.match,
    AUTHOR_LABEL.match,
    CREDIT.search,
    TIME_STAMP.search,
    yearless,
    is_time_line,
    find_dates,
)
_TESTS = (  # the words indexed once (and CREDIT.match, tried where one of its starts is)
    _headline.tests(*_TEST_PARTS, _CREDIT_STARTS, CREDIT.match) if _headline is not None else None
)
