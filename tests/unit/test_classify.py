"""classify(): two-stage scores, then the best contiguous segment; helpers tested exactly."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.classify import (
    REASON_BELOW,
    REASON_BEST_BLOCK,
    REASON_MODEL,
    REASON_OUTSIDE,
    best_segment,
    classify,
    decide,
)
from newsdump.document import Block, Label, LabelledBlock
from newsdump.features import block_features, score_features
from newsdump.lang import detect_language
from newsdump.model import Forest, load_model
from newsdump.segment import segment
from newsdump.settings import Settings

PARAGRAPHS = [
    "The town council voted on Monday to rebuild the old stone bridge over the river, "
    "which has been closed to traffic since the spring floods damaged its central arch.",
    "Engineers told the council that the work would take about eighteen months and that "
    "the bridge would reopen to pedestrians before it carries cars again.",
    "Residents who spoke at the meeting said they were relieved, although several of them "
    "asked why the repairs had taken so long to be approved by the regional authority.",
    "The mayor said that the town had waited for a grant from the national government and "
    "that the money arrived only last week, after months of negotiations in the capital.",
]
MENU = ["Home", "News", "World", "Business", "Sport", "Weather", "Culture", "Travel", "Video",
        "Podcasts", "Newsletters", "Search"]  # fmt: skip
FOOTER = ["Privacy policy", "Terms of use", "© 2024 Example Media"]
PAGE = "\n\n".join(MENU + PARAGRAPHS + FOOTER) + "\n"


def make_block(text: str, index: int = 0) -> Block:
    return Block(index=index, text=text, lines=(index, index))


def test_best_segment_is_the_run_with_the_largest_sum() -> None:
    assert best_segment(np.array([-1.0, 2.0, 3.0, -10.0, 4.0])) == (1, 2)
    assert best_segment(np.array([-1.0, 2.0, -0.5, 3.0, -10.0])) == (1, 3)
    assert best_segment(np.array([-3.0, -1.0, -2.0])) == (1, 1)


def test_decide_keeps_blocks_above_threshold_inside_the_best_segment() -> None:
    scores = np.array([0.9, 0.1, 0.1, 0.1, 0.8, 0.9, 0.2, 0.95, 0.1])
    words = np.array([5.0, 3.0, 3.0, 3.0, 40.0, 50.0, 2.0, 30.0, 3.0])
    keep, reasons = decide(scores, words, 0.5)
    assert keep.tolist() == [False, False, False, False, True, True, False, True, False]
    assert reasons == [
        REASON_OUTSIDE, REASON_BELOW, REASON_BELOW, REASON_BELOW, REASON_MODEL, REASON_MODEL,
        REASON_BELOW, REASON_MODEL, REASON_BELOW,
    ]  # fmt: skip


def test_decide_keeps_the_best_block_rather_than_nothing() -> None:
    keep, reasons = decide(np.array([0.1, 0.4, 0.35, 0.2]), np.array([3.0, 30.0, 20.0, 4.0]), 0.5)
    assert keep.tolist() == [False, True, False, False]
    assert reasons == [REASON_BELOW, REASON_BEST_BLOCK, REASON_BELOW, REASON_BELOW]


def test_decide_keeps_no_best_block_of_fewer_than_three_words() -> None:
    keep, reasons = decide(np.array([0.1, 0.4]), np.array([3.0, 2.0]), 0.5)
    assert keep.tolist() == [False, False]
    assert reasons == [REASON_BELOW, REASON_BELOW]


def test_decide_returns_nothing_when_every_score_is_tiny() -> None:
    keep, reasons = decide(np.array([0.01, 0.02]), np.array([3.0, 4.0]), 0.5)
    assert keep.tolist() == [False, False]
    assert reasons == [REASON_BELOW, REASON_BELOW]


def test_block_features_of_a_tiny_page() -> None:
    blocks = [make_block("Home"), make_block("It rained all day in the town.", 1)]
    x, names = block_features(blocks, detect_language("It rained all day in the town."))
    row = dict(zip(names, x[1].tolist(), strict=True))
    assert x.shape == (2, len(names))
    assert row["log_words"] == pytest.approx(np.log1p(7))
    assert row["terminal"] == 1.0
    assert row["c4"] == 1.0
    assert row["stopwords"] == 5.0  # it, all, in, the, town (jusText's English list)
    assert dict(zip(names, x[0].tolist(), strict=True))["c4"] == 0.0


def test_score_features_shift_scores_of_neighbours() -> None:
    x, names = score_features(np.array([0.2, 0.9, 0.4]), np.array([1.0, 10.0, 5.0]))
    column = dict(zip(names, x.T.tolist(), strict=True))
    assert column["score_m1"] == [-1.0, 0.2, 0.9]
    assert column["score_p1"] == [0.9, 0.4, -1.0]
    assert column["score_page_max"] == [0.9, 0.9, 0.9]


def test_forest_walks_all_trees_at_once() -> None:
    # one tree: x0 <= 0.5 -> leaf 1 (value -1), else leaf 2 (value +2); baseline 0.5
    forest = Forest(
        feature=np.array([0, 0, 0]), threshold=np.array([0.5, np.inf, np.inf]),
        left=np.array([1, 1, 2]), right=np.array([2, 1, 2]), value=np.array([0.0, -1.0, 2.0]),
        roots=np.array([0]), depth=1, baseline=0.5,
    )  # fmt: skip
    assert forest.predict_raw(np.array([[0.2], [0.9]])).tolist() == [-0.5, 2.5]


def test_classify_labels_prose_article_and_menus_boilerplate() -> None:
    blocks = segment(PAGE)
    labelled = classify(blocks, Settings())
    article = [lb.block.text for lb in labelled if lb.label is Label.ARTICLE]
    assert article == PARAGRAPHS
    assert all(lb.reason in (REASON_MODEL, REASON_BELOW) for lb in labelled)
    assert [lb.block for lb in labelled] == blocks


def test_classify_is_deterministic_and_picklable() -> None:
    blocks = segment(PAGE)
    assert classify(blocks, Settings()) == classify(blocks, Settings())
    assert pickle.loads(pickle.dumps(load_model(None))).threshold == load_model(None).threshold


def test_classify_of_nothing_is_nothing() -> None:
    assert classify([], Settings()) == []


SCORE_VALUES = st.sampled_from([0.0, 0.04, 0.05, 0.3, 0.5, 0.51, 0.9, 1.0, -0.0, np.nan])
WORD_VALUES = st.sampled_from([0.0, 1.0, 2.0, 3.0, 7.5, 40.0, 1e6, np.nan])


@settings(max_examples=400, deadline=None)
@given(
    rows=st.lists(
        st.tuples(SCORE_VALUES | st.floats(0.0, 1.0), WORD_VALUES | st.floats(0.0, 500.0)),
        max_size=40,
    ),
    threshold=st.sampled_from([0.3, 0.5, 0.9]),
)
def test_compiled_decide_is_the_numpy_decide(
    rows: list[tuple[float, float]], threshold: float
) -> None:
    from newsdump import classify as classify_module

    if classify_module._features is None:
        pytest.skip("the compiled extension was not built")
    scores = np.array([s for s, _ in rows], dtype=np.float64)
    words = np.array([w for _, w in rows], dtype=np.float64)
    keep, reasons = decide(scores, words, threshold)
    expected_keep, expected_reasons = classify_module._decide_numpy(scores, words, threshold)
    assert keep.dtype == expected_keep.dtype
    assert keep.tolist() == expected_keep.tolist()
    assert reasons == expected_reasons


def reference_classify(blocks: list[Block], settings: Settings) -> list[LabelledBlock]:
    """`classify` as it was written before it patched the notices into the compiled labels:
    every block's LabelledBlock built one by one."""
    from dataclasses import replace

    from newsdump import classify as C

    model = load_model(settings.model)
    notices = C.consent_notices(blocks)
    unscored = notices if notices and C.blocks_language(blocks).dense else set()
    scored = [b for i, b in enumerate(blocks) if i not in unscored]
    scores, words = C.block_scores(scored, model)
    keep, reasons = C._decide_numpy(scores, words, model.threshold)
    labelled = iter(
        LabelledBlock(block, Label.ARTICLE if k else Label.BOILERPLATE, float(s), r)
        for block, k, s, r in zip(scored, keep.tolist(), scores.tolist(), reasons, strict=True)
    )
    return [
        LabelledBlock(block, Label.BOILERPLATE, 0.0, C.REASON_CONSENT)
        if i in unscored
        else replace(next(labelled), label=Label.BOILERPLATE, reason=C.REASON_CONSENT)
        if i in notices
        else next(labelled)
        for i, block in enumerate(blocks)
    ]


NOTICE = "We use cookies to improve your experience. By using this site you accept them."
DENSE_NOTICE = "本网站使用Cookie来改善您的体验。继续浏览即表示您同意我们使用Cookie。"
DENSE_PARAGRAPHS = [
    "市议会星期一投票决定重建河上的旧石桥，这座桥自春季洪水损坏其中央拱门以来一直禁止车辆通行。",
    "工程师告诉议会，这项工程大约需要十八个月，桥梁将先向行人开放，然后再允许汽车通行。",
    "在会上发言的居民表示松了一口气，但其中几位问为什么维修工作花了这么长时间才获得批准。",
]


@pytest.mark.parametrize(
    "page",
    [
        "\n\n".join([NOTICE, *MENU, *PARAGRAPHS, *FOOTER]),
        "\n\n".join([*MENU[:3], NOTICE, NOTICE + " Really.", *PARAGRAPHS]),
        "\n\n".join([DENSE_NOTICE, "首页", "新闻", *DENSE_PARAGRAPHS]),
        "\n\n".join(["首页", DENSE_NOTICE, "新闻", DENSE_NOTICE + "谢谢。", *DENSE_PARAGRAPHS]),
        PAGE,
    ],
)
def test_consent_notices_are_labelled_as_before(page: str) -> None:
    blocks = segment(page)
    labelled = classify(blocks, Settings())
    assert labelled == reference_classify(blocks, Settings())
    assert [lb.block for lb in labelled] == blocks
    notices = [lb.block.text for lb in labelled if lb.reason == "consent_notice"]
    assert notices == [b.text for b in blocks if b.text.startswith((NOTICE, DENSE_NOTICE))]


@pytest.mark.parametrize("compiled", [True, False])
def test_a_model_of_other_features_is_refused(
    compiled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The names are checked once per model on the compiled path, every call on the numpy
    one: a model trained on other block or score features is refused either way."""
    from dataclasses import replace

    from newsdump import classify as C
    from newsdump import features as F

    if not compiled:
        monkeypatch.setattr(F, "_features", None)
    blocks = segment("\n\n".join(PARAGRAPHS))
    model = load_model()
    scores, _ = C.block_scores(blocks, model)
    assert len(scores) == len(blocks)
    renamed = (*model.features1[:-1], "other")
    for bad in (
        replace(model, features1=renamed),
        replace(model, features2=(*model.features2[:-1], "other")),
        replace(model, features1=renamed, features2=renamed + F.SCORE_NAMES),
    ):
        with pytest.raises(C.ModelMismatchError):
            C.block_scores(blocks, bad)


COOKIE_CHARS = "cCoOkKiIİıeEzZsStTaAſ\u212aクッキー쿠키 ."


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=COOKIE_CHARS, max_size=40)
    | st.sampled_from(["COOKIES", "CoOkIe", "Ciasteczek", "CIASTECZEK", "クッキー", "쿠키"]).map(
        lambda word: f"We use {word} here."
    )
    | st.text(max_size=40)
)
def test_cookie_pretest_holds_wherever_the_notice_pattern_matches(text: str) -> None:
    from newsdump.classify import CONSENT, may_name_cookies

    if CONSENT.search(text):
        assert may_name_cookies(text)
    assert may_name_cookies("Diese Seite nutzt COOKIES.")
    assert not may_name_cookies("A sentence about nothing in particular.")
