"""`newsdump.revise.revise` runs a rule only where the page's lists (the pretests' and the
facts') hold a block it may look at: the same labels and reasons as every rule run on every
page, short or long, on random pages of the lines the rules look for."""

from __future__ import annotations

from collections.abc import Sequence
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed
from test_revise_exact import PAGE_LINES

from newsdump import revise as R
from newsdump.document import LabelledBlock

KICKERS = ["HARBOUR NEWS", "REINDEER GAMES | PICKS", "SPORT", "NEWS"]
HEADLINES = ["Ferry fares rise again as the winter storms close in", "Pilots warn of fog"]
SUMMARY = "The ferry company raised its fares on Monday, and the council said it would look at it."
rows = st.lists(
    st.tuples(
        st.sampled_from([*PAGE_LINES, *KICKERS, *HEADLINES, SUMMARY]),
        st.booleans(),
        st.sampled_from([0.1, 0.5, 0.85, 0.95, float("nan")]),
        st.booleans(),
    ),
    max_size=60,
)


def every_rule(labelled: Sequence[LabelledBlock]) -> list[LabelledBlock]:
    """`revise` with every rule run on every page (none skipped by the page's lists)."""
    out = list(labelled)
    page = R._Page(out)
    body = page.body_list
    if not body:
        return out
    drop: dict[int, str] = {}
    for rule in (
        R._cards, R._boxes, R._short_runs, R._comment_thread, R._repeated_runs,
        R._teaser_lists, R._related_links, R._read_more_cards, R._glued_labels,
        R._glued_cards, R._captions, R._author_bio, R._bare_bio, R._datelines, R._story_end,
    ):  # fmt: skip
        rule(page, body, drop)
    R._far_tail(page, page.kept(body, drop), drop)
    R._cut_off(page, page.kept(body, drop), drop)
    R._relabel(out, drop)
    return out


def labels(out: Sequence[LabelledBlock]) -> list[tuple[str, str]]:
    return [(lb.label.value, lb.reason) for lb in out]


@settings(max_examples=3000, deadline=None)
@given(rows, st.booleans())
def test_the_rules_a_page_s_lists_skip_would_drop_nothing(
    spec: list[tuple[str, bool, float, bool]], long: bool
) -> None:
    out = listed(*spec)
    with patch.object(R, "HINTS_MIN_BLOCKS", 0 if long else len(out) + 1):
        assert labels(R.revise(out)) == labels(every_rule(out))


def test_a_teaser_list_of_three_kickers_is_still_dropped() -> None:
    # (the rule needs three kickers: a page with exactly three runs it)
    spec = [(SUMMARY, True, 0.95, False)] * 3
    for _ in range(3):
        spec += [("SPORT", True, 0.5, False), (HEADLINES[0], True, 0.5, False)]
        spec += [(SUMMARY, True, 0.5, False)]
    out = listed(*spec)
    assert labels(R.revise(out)) == labels(every_rule(out))
    assert [lb.reason for lb in R.revise(out)][3:] == ["teaser_list"] * 9
