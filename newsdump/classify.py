"""Label every block ARTICLE or BOILERPLATE, in two passes, as jusText does.

1. Context-free and neighbourhood features of every block (`newsdump.features`) go through a
   first boosted-tree model: the block's own belief of being article text.
2. Those scores around every block go, with the same features, through a second model; the
   main article is then the best contiguous segment of blocks (each block weighs its words
   times its score's margin over the threshold, less a penalty for each block below it), and
   inside it the blocks above the threshold.
   When no block reaches the threshold, the best-scoring block is kept rather than nothing.

A cookie or consent notice at the page's top ("We use cookies ...", "本网站使用Cookie ...") is
boilerplate, and the page is scored without it: above the menu, it made the models take the
whole page head of Chinese and Japanese pages for the article's start. (At the bottom, the
revision's far-tail rule takes notices out; leaving them out of the scoring there cost a
list-shaped story some of its items.)

`docs/algorithm.md` tells the whole story.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from newsdump.document import Block, Label, LabelledBlock
from newsdump.features import (
    BLOCK_NAMES,
    SCORE_NAMES,
    UNIFORM_NAMES,
    best_segment,
    block_features_words,
    score_features,
)
from newsdump.lang import (
    SAMPLE_MAX_CHARS,
    SAMPLE_MIN_LINE_CHARS,
    Language,
    detect_lines_language,
    detect_sample_language,
)
from newsdump.model import Model, load_model
from newsdump.settings import Settings

try:  # the labelled blocks built compiled (newsdump/_features.c), when the install built it
    from newsdump import _features
except ImportError:  # pragma: no cover - depends on the install
    _features = None  # type: ignore[assignment]
if _features is not None and not hasattr(_features, "decide"):  # pragma: no cover
    _features = None  # type: ignore[assignment]  # a stale build of an older version: unused
_BLOCK_SAMPLES = _features is not None and hasattr(_features, "block_sample_parts")
_CONSENT_CANDIDATES = _features is not None and hasattr(_features, "consent_candidates")

__all__ = ["best_segment", "classify", "decide"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

FALLBACK_MIN_SCORE = 0.05  # with no block above the threshold, keep the best one, if it scores
FALLBACK_MIN_WORDS = 3  # ... at least this and has at least this many words
GAP_PENALTY = 1.0  # extra cost of a block below the threshold inside the main segment

REASON_MODEL = "model"
REASON_BELOW = "below_threshold"
REASON_OUTSIDE = "outside_main_segment"
REASON_BEST_BLOCK = "best_block"
REASON_CONSENT = "consent_notice"
REASONS = (REASON_MODEL, REASON_BELOW, REASON_OUTSIDE, REASON_BEST_BLOCK)  # as _features.decide
CONSENT = re.compile(r"cookie|クッキー|쿠키|ciasteczek", re.IGNORECASE)  # a notice names them
CONSENT_REACH = 10  # blocks from the page's top where a consent notice stands
CONSENT_MIN_CHARS = 30  # a notice is a sentence or two (a "Cookie settings" link is no notice)
SENTENCE = re.compile(r"[.!?。！？](?:\s|$)")
CONSENT_MAX_CHARS = 600
# what CONSENT needs (re.IGNORECASE folds "o", "c" and "z" to themselves and their capitals
# alone, and the kana and hangul to themselves): "oo" of "cookie", "cz" of "ciasteczek"
CONSENT_NEEDS = ("oo", "cz")
CONSENT_NEEDS_AS_IS = ("クッキー", "쿠키")


class ModelMismatchError(ValueError):
    """The model file was trained on other features than this code computes."""


def blocks_language(blocks: list[Block]) -> Language:
    """The page's language, from its blocks: ``detect_language`` of their joined texts
    (compiled: the sample's lines read from the blocks, no list of their texts)."""
    if _BLOCK_SAMPLES and type(blocks) is list:
        parts = _features.block_sample_parts(blocks, SAMPLE_MIN_LINE_CHARS, SAMPLE_MAX_CHARS)
        if parts:  # (as lang.lines_sample; without a long line, the start of the whole page)
            return detect_sample_language("\n".join(parts))
    return detect_lines_language([b.text for b in blocks])


def block_scores(
    blocks: list[Block], model: Model, lang: Language | None = None
) -> tuple[FloatArray, FloatArray]:
    """Second-stage article probability and word count of every block (`lang`: the page's
    language as `blocks_language` finds it, when the caller has it already)."""
    if lang is None:
        lang = blocks_language(blocks)
    x1, names1, words = block_features_words(blocks, lang)  # (words: expm1 of log_words)
    known = names1 is BLOCK_NAMES and _fits_names(model)  # (the compiled path: checked once)
    if not known and names1 != model.features1:
        raise ModelMismatchError("model features differ from block features; retrain it")
    uniform1, uniform2 = _uniform_columns(model)  # (the page-wide columns: ranked once)
    p1 = model.stage1.predict(x1, uniform=uniform1)
    x2, names2 = score_features(p1, words)
    if not (known and names2 is SCORE_NAMES) and names1 + names2 != model.features2:
        raise ModelMismatchError("model features differ from score features; retrain it")
    p2 = model.stage2.predict(x1, x2, uniform=uniform2)  # the rows of np.hstack((x1, x2))
    return p2, words


@lru_cache(maxsize=8)
def _uniform_columns(model: Model) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """The columns of each stage's rows that hold one value for the whole page (UNIFORM_NAMES),
    for the forests' walk: it ranks each of them once a page (checked there: any rows give the
    same scores)."""

    def uniform(names: tuple[str, ...]) -> npt.NDArray[np.int32]:
        return np.array([j for j, name in enumerate(names) if name in UNIFORM_NAMES], np.int32)

    return uniform(model.features1), uniform(model.features2)


@lru_cache(maxsize=8)
def _fits_names(model: Model) -> bool:
    """Whether `model` was trained on BLOCK_NAMES and SCORE_NAMES (once per model: the
    comparison of 88 and 115 names took ~3 us a page)."""
    return model.features1 == BLOCK_NAMES and model.features2 == BLOCK_NAMES + SCORE_NAMES


def decide(scores: FloatArray, words: FloatArray, threshold: float) -> tuple[BoolArray, list[str]]:
    """Which blocks are article text, and why (see the module docstring; compiled when the
    extension is built: the same floats, one pass instead of a dozen numpy calls)."""
    if _features is not None:
        scores = np.ascontiguousarray(scores, dtype=np.float64)
        keep = np.empty(len(scores), dtype=bool)
        reasons = _features.decide(
            scores, np.ascontiguousarray(words, dtype=np.float64), threshold, GAP_PENALTY,
            FALLBACK_MIN_SCORE, FALLBACK_MIN_WORDS, REASONS, keep,
        )  # fmt: skip
        return keep, reasons
    return _decide_numpy(scores, words, threshold)


def _decide_numpy(
    scores: FloatArray, words: FloatArray, threshold: float
) -> tuple[BoolArray, list[str]]:
    """`decide` in numpy (the reference, and the path without the compiled extension)."""
    n = len(scores)
    if n == 0:
        return np.zeros(0, dtype=bool), []
    best = int(np.argmax(scores))
    if scores[best] < threshold:
        keep = np.zeros(n, dtype=bool)
        reasons = [REASON_BELOW] * n
        if scores[best] >= FALLBACK_MIN_SCORE and words[best] >= FALLBACK_MIN_WORDS:
            keep[best] = True
            reasons[best] = REASON_BEST_BLOCK
        return keep, reasons
    above = scores >= threshold
    first, last = best_segment((scores - threshold) * (words + 1.0) - GAP_PENALTY * ~above)
    inside = np.zeros(n, dtype=bool)
    inside[first : last + 1] = True
    keep = above & inside
    reasons = [
        REASON_MODEL if k else (REASON_OUTSIDE if a else REASON_BELOW)
        for k, a in zip(keep.tolist(), above.tolist(), strict=True)
    ]
    return keep, reasons


def classify(
    blocks: list[Block], settings: Settings, lang: Language | None = None
) -> list[LabelledBlock]:
    """Label every block of one page ARTICLE or BOILERPLATE (`lang`: as in `block_scores`)."""
    if not blocks:
        return []
    model = load_model(settings.model)
    notices = consent_notices(blocks)
    dense = bool(notices) and (lang if lang is not None else blocks_language(blocks)).dense
    unscored = notices if dense else set()
    if unscored:  # the language of what is scored, as the models saw it in training
        scored = [b for i, b in enumerate(blocks) if i not in unscored]
        scores, words = block_scores(scored, model)
    else:
        scored = blocks
        scores, words = block_scores(blocks, model, lang)
    keep, reasons = decide(scores, words, model.threshold)
    labelled = labelled_blocks(scored, keep, scores, reasons)
    if unscored:  # the notices, unscored, back where they stand (in page order: ascending)
        for i in sorted(unscored):
            labelled.insert(i, LabelledBlock(blocks[i], Label.BOILERPLATE, 0.0, REASON_CONSENT))
    else:  # (most pages have no notice)
        for i in notices:
            labelled[i] = replace(labelled[i], label=Label.BOILERPLATE, reason=REASON_CONSENT)
    return labelled


def labelled_blocks(
    blocks: list[Block],
    keep: list[bool] | BoolArray,
    scores: list[float] | FloatArray,
    reasons: list[str],
) -> list[LabelledBlock]:
    """``[LabelledBlock(block, ARTICLE if k else BOILERPLATE, s, r) ...]`` of the lists, or of
    the arrays' ``tolist()`` (compiled when the extension is built: a frozen dataclass's
    __init__ sets each field through a call; the arrays read as they are, no lists of them)."""
    if _features is not None:
        return _features.labelled_blocks(
            LabelledBlock, blocks, keep, scores, reasons, Label.ARTICLE, Label.BOILERPLATE
        )
    if isinstance(keep, np.ndarray):
        keep = keep.tolist()
    if isinstance(scores, np.ndarray):
        scores = scores.tolist()
    return [
        LabelledBlock(block, Label.ARTICLE if k else Label.BOILERPLATE, s, r)
        for block, k, s, r in zip(blocks, keep, scores, reasons, strict=True)
    ]


def consent_notices(blocks: list[Block]) -> set[int]:
    """The blocks at the page's top that are a cookie or consent notice: a sentence or two
    that names cookies (never the page's last block: something is left to score). (Compiled:
    only the blocks that _features.consent_candidates finds may be one, a few a page or none,
    are tested here.)"""
    reach: range | list[int] = range(min(CONSENT_REACH, len(blocks) - 1))
    if _CONSENT_CANDIDATES and type(blocks) is list:
        reach = _features.consent_candidates(
            blocks, CONSENT_REACH, CONSENT_MIN_CHARS, CONSENT_MAX_CHARS
        )
    return {
        i
        for i in reach
        if CONSENT_MIN_CHARS <= len(blocks[i].text) <= CONSENT_MAX_CHARS
        and may_name_cookies(blocks[i].text)
        and CONSENT.search(blocks[i].text)
        and SENTENCE.search(blocks[i].text)
    }


def may_name_cookies(text: str) -> bool:
    """False where CONSENT cannot match (a few substring tests instead of the case-folding
    search with four alternatives: consent_notices 9 -> 3 us a page)."""
    low = text.lower()
    return any(need in low for need in CONSENT_NEEDS) or any(
        need in text for need in CONSENT_NEEDS_AS_IS
    )
