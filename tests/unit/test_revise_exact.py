"""The bounded related-links scan of `newsdump.revise` drops what the plain, unbounded scan
drops, and the rules' two ways of finding their blocks (every body block on a page, or the few
that a page-wide hint finds on a long page) drop the same, on random pages of labels, short
lines and paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R
from newsdump.document import Label, LabelledBlock

LINES = [
    "Related",
    "Read more:",
    "Read more",
    "Recommended for you »",
    "Ferry fares rise again",
    "Pilots warn of fog",
    "It rained.",
    "5. Beware the tide",
    "Crowds at the quay (Image: Getty)",
    "(Photo: AP)",
    "Image caption The quay at dawn",
    "About Ann Lee",
    "Ann Lee writes about harbours and ships for the paper.",
    "The council met on Tuesday and voted on the harbour plan after a long debate.",
    "2 days ago at 07:52 am",
    "Reply",
    "NEWS",
]


def reference_related_links(
    out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]
) -> None:
    """`_related_links` with its scan unbounded and no cheap pre-test (the plain version)."""

    def is_body(k: int) -> bool:
        return 0 <= k < len(out) and out[k].label is Label.ARTICLE

    def is_sure(k: int) -> bool:
        return is_body(k) and out[k].score >= R.SURE

    def label(text: str) -> bool:
        low = text.strip().lower()
        return low in R.RELATED_LABELS or R.LABEL_TRIM.sub("", low) in R.RELATED_LABELS

    sure = [i for i in body if out[i].score >= R.SURE]
    if not sure:
        return
    blanks = any(lb.block.blank_before for lb in out)
    for i in range(max(0, body[0] - R.RELATED_MAX_LINES - 1), body[-1]):
        if not label(out[i].block.text):
            continue
        head = i < body[0]
        if not head and i <= sure[0]:
            continue
        run: list[int] = []
        j = i + 1
        while j < len(out) and not label(out[j].block.text):
            text = out[j].block.text
            listed = blanks and bool(run) and not out[j].block.blank_before
            short = R._short_text(text.strip())
            if not (R._headline_shaped(text) or (short and (listed or not blanks))):
                break
            run.append(j)
            j += 1
        while not blanks and run and not R._headline_shaped(out[run[-1]].block.text):
            run.pop()
        if not run or len(run) > R.RELATED_MAX_LINES:
            continue
        if head and not any(is_body(k) for k in range(j, len(out))):
            continue
        after = run[-1] + 1
        card = len(run) <= R.CARD_MAX_LINES and is_sure(after) and R._prose(out[after].block.text)
        if not card and all(is_sure(k) for k in (i, *run)):
            continue
        for k in (i, *run):
            if is_body(k):
                drop[k] = "related_links"


rows = st.lists(
    st.tuples(
        st.sampled_from(LINES) | st.sampled_from(["Related", "Pilots warn of fog", "It rained."]),
        st.booleans(),
        st.sampled_from([0.1, 0.5, 0.85, 0.95]),
        st.booleans(),
    ),
    max_size=40,
)


def page(spec: list[tuple[str, bool, float, bool]]) -> list[LabelledBlock]:
    return listed(*spec)


@settings(max_examples=1000, deadline=None)
@given(rows)
def test_related_links_bounded_scan_drops_the_same_blocks(
    spec: list[tuple[str, bool, float, bool]],
) -> None:
    out = page(spec)
    body = [i for i, lb in enumerate(out) if lb.label is Label.ARTICLE]
    if not body:
        return
    fast: dict[int, str] = {}
    plain: dict[int, str] = {}
    reference_related_links(out, body, plain)
    R._related_links(R._Page(out), body, fast)
    assert fast == plain
    with patch.object(R, "HINTS_MIN_BLOCKS", 0):  # the label lines found page-wide first
        fast = {}
        R._related_links(R._Page(out), body, fast)
    assert fast == plain


def test_a_long_run_of_headlines_after_a_label_is_no_box_without_blank_lines() -> None:
    spec = [(LINES[-4], True, 0.95, False), ("Related", True, 0.5, False)]
    spec += [("Pilots warn of fog", True, 0.5, False)] * (R.RELATED_MAX_LINES + 3)
    spec += [("It rained.", True, 0.5, False)] * 3 + [(LINES[-4], True, 0.95, False)]
    out = page(spec)
    body = list(range(len(out)))
    drop: dict[int, str] = {}
    R._related_links(R._Page(out), body, drop)
    assert drop == {}


def test_a_headline_far_down_a_run_of_short_sentences_still_ends_the_box() -> None:
    # without blank lines the box ends at its last headline: here past RELATED_MAX_LINES
    para = LINES[-4]
    spec = [(para, True, 0.95, False), ("Related", True, 0.5, False)]
    spec += [("Pilots warn of fog", True, 0.5, False)] * 2
    spec += [("It rained.", True, 0.5, False)] * (R.RELATED_MAX_LINES + 2)
    spec += [("Pilots warn of fog", True, 0.5, False), (para, True, 0.95, False)]
    out = page(spec)
    drop: dict[int, str] = {}
    R._related_links(R._Page(out), list(range(len(out))), drop)
    assert drop == {}
    spec[-2] = (para, True, 0.95, False)  # no headline after the sentences: a box of two
    drop = {}
    R._related_links(R._Page(page(spec)), list(range(len(spec))), drop)
    assert drop == {1: "related_links", 2: "related_links", 3: "related_links"}


PAGE_LINES = [
    *LINES,
    "HARBOUR NEWS",
    "REINDEER GAMES | PICKS",
    "Ferry fares rise again as the winter storms close in",
    "The ferry company raised its fares on Monday, and the council said it would look at it.",
    "Sign up",
    "Get the harbour letter every morning in your inbox.",
    "Harbour TimesTomas Reyes",
    "Author: Ann Lee",
    "Read more: Ferry fares rise again",
    "See also | Pilots warn of fog",
    "Read now",
    "Weiterlesen »",
    "The quay at dawn. Photo: Lena Roth",
    "Crowds at the quay （图片来源：河谷日报）",
    "Image copyright Getty",
    "Sobre",
    "Ann Lee",
    "Über Ann Lee",
    "Published 3 March 2026 at 14:05",
    "18 Nov 2019, 7:45 pm",
    "07:52",
    "  Pilots warn of fog  ",
    "相关新闻",
    "港口的渡轮票价在周一上涨了，市议会表示将会研究这个问题。",
    "Zobacz też:",
    "RELATED Pilots warn of fog over the quay",
    "Lees ook Nieuwe veerboot vaart vanaf maart",
    "Related to this, the council will meet again",
    "  READ MORE: Ferry fares rise again this winter",
    "Lesen Sie auch: Neue Fähre startet im März",
    "(Related: Pilots warn of fog over the quay)",
    "  [Read more: Ferry fares rise again this winter]",
    "【相关阅读：港口新码头明年春天开放】",
    "",
]
page_rows = st.lists(
    st.tuples(
        st.sampled_from(PAGE_LINES),
        st.booleans(),
        st.sampled_from([0.1, 0.5, 0.85, 0.95, float("nan")]),
        st.booleans(),
    ),
    max_size=60,
)


@settings(max_examples=3000, deadline=None)
@given(page_rows)
def test_the_page_wide_hints_drop_what_the_scan_of_every_block_drops(
    spec: list[tuple[str, bool, float, bool]],
) -> None:
    # a long page's rules look only at the blocks their hints find (one search over the whole
    # page, arrays of labels and scores): the same labels and reasons as a short page's rules,
    # which test every block of the body
    out = page(spec)
    with patch.object(R, "HINTS_MIN_BLOCKS", len(out) + 1):  # every block tested
        plain = R.revise(out)
    with patch.object(R, "HINTS_MIN_BLOCKS", 0):  # as if every page were long
        fast = R.revise(out)
    assert [(lb.label, lb.reason) for lb in fast] == [(lb.label, lb.reason) for lb in plain]
    assert all(a.block is b.block and a.score is b.score for a, b in zip(fast, plain, strict=True))
