"""newsdump.headline.revisit: the page's head overrules the ranker's winner (invented pages), and
article.uncut_story: a teaser cut short at the story's start is no paragraph."""

from __future__ import annotations

import pytest

from newsdump import extract
from newsdump.article import uncut_story
from newsdump.headline import HEAD_MARGIN, candidates, context, features, revisit

NAV = ["Home", "News", "Sport", "Business", "Weather"]
BODY = [
    "The harbour board agreed on Tuesday to close the old ferry pier after divers found deep "
    "cracks in its concrete piles, the chairwoman said.",
    "Ferries will use the north quay from next month while engineers decide whether the pier "
    "can be repaired or must be rebuilt.",
    "Commuters said the change would add ten minutes to their journeys, but most agreed that "
    "the pier had to close.",
    "The board expects the engineers' report in the spring and will then ask the council for "
    "money for the works.",
]
HEADLINE = "Harbour board shuts cracked ferry pier"


def dump(lines: list[str]) -> str:
    return "\n\n".join([*NAV, *lines, *BODY]) + "\n"


def revisited(lines: list[str], byline: tuple[int, ...], scores: dict[int, float]) -> int:
    """The block revisit() takes on the page NAV + lines + BODY (body from the end of lines),
    when the ranker scores the blocks of `scores` so (every other candidate -9)."""
    texts = [*NAV, *lines, *BODY]
    first = len(NAV) + len(lines)
    ctx = context(texts, [(True, True)] * len(texts), list(range(first, len(texts))), byline)
    cands = candidates(ctx)
    rows = features(ctx, cands)
    score = [scores.get(c, -9.0) for c in cands]
    best = max(range(len(cands)), key=score.__getitem__)
    return cands[revisit(ctx, cands, rows, score, best)]


def at(lines: list[str], text: str) -> int:
    return len(NAV) + lines.index(text)


VIDEO = "Harbour chairwoman is 'sad' to see the old pier go after a century"
DEK = "The board says divers found deep cracks in the piles."
VIDEO_PAGE = [HEADLINE, DEK, "Share", "By Tom Baker", "video", VIDEO]


@pytest.mark.parametrize(("video", "taken"), [(1.5, HEADLINE), (1.0 + HEAD_MARGIN + 0.5, VIDEO)])
def test_a_title_under_the_byline_gives_way_to_the_headline_over_it(
    video: float, taken: str
) -> None:
    lines = VIDEO_PAGE
    byline = (at(lines, "By Tom Baker"),)
    scores = {at(lines, HEADLINE): 1.0, at(lines, VIDEO): video}
    assert revisited(lines, byline, scores) == at(lines, taken)  # too far below: the winner


def test_the_first_paragraph_under_the_byline_gives_way_to_the_dated_headline() -> None:
    lines = ["Harbour board shuts its pier. Commuters may not mind.", "Updated Nov 27, 9:41 AM",
             "Photo: Ann Lee", "By Tom Baker"]  # fmt: skip
    lede = len(NAV) + len(lines)  # the body's first block, right under the byline
    scores = {at(lines, lines[0]): -1.0, lede: 0.9}
    assert revisited(lines, (at(lines, "By Tom Baker"),), scores) == at(lines, lines[0])


def test_a_title_under_the_byline_stays_without_a_headline_heading_the_byline() -> None:
    lines = ["By Tom Baker", "Menu", HEADLINE]  # the byline printed at the top of the page
    scores = {at(lines, HEADLINE): 2.0}
    assert revisited(lines, (at(lines, "By Tom Baker"),), scores) == at(lines, HEADLINE)


def test_a_standfirst_repeated_as_the_lede_gives_way_to_the_headline_above_it() -> None:
    teaser = "Pier shut, commuters grumble, engineers called in"
    lines = ["Harbour Report 27.11.26", teaser, "Author:", "Tom Baker", teaser]
    body_first = len(NAV) + len(lines) - 1
    texts = [*NAV, *lines, *BODY]
    ctx = context(texts, [(True, True)] * len(texts), list(range(body_first, len(texts))))
    cands = candidates(ctx)
    score = [5.0 if c == at(lines, teaser) else -9.0 for c in cands]
    best = score.index(5.0)
    assert cands[revisit(ctx, cands, features(ctx, cands), score, best)] == at(lines, lines[0])


def test_a_shorter_standfirst_over_the_byline_gives_way_to_its_headline() -> None:
    long = "Ferry Chaos: Harbour Board Shuts Cracked Old Pier, Moves Boats to North Quay"
    short = "Harbour Board Shuts Old Pier After Divers Find Cracks"
    lines = [long, short, "By Tom Baker"]
    scores = {at(lines, long): 1.0, at(lines, short): 2.5}
    assert revisited(lines, (at(lines, "By Tom Baker"),), scores) == at(lines, long)
    # about something else (a menu's story above the headline): the winner stays
    other = "Weather: Storm Warning for the Whole Coast Lifted on Sunday Evening"
    lines = [other, short, "By Tom Baker"]
    scores = {at(lines, other): 1.0, at(lines, short): 2.5}
    assert revisited(lines, (at(lines, "By Tom Baker"),), scores) == at(lines, short)


@pytest.mark.parametrize(
    ("short", "moves"),
    [
        ("Divers find cracks in ferry pier at dawn", True),  # most of its words, not all
        ("Divers find deep cracks in old ferry pier", False),  # all of them: a breadcrumb's part
        ("Ferry pier shut as commuters grumble", False),  # too few of them
    ],
)
def test_a_shorter_repeat_under_the_headline_gives_way_to_it(short: str, moves: bool) -> None:
    full = "Divers find deep cracks in old ferry pier: harbour board shuts it for months"
    lines = [full, "Updated on: November 27, 2026 / 10:07 AM", short]
    scores = {at(lines, full): 2.5, at(lines, short): 3.0}
    assert revisited(lines, (), scores) == at(lines, full if moves else short)


def test_pages_where_the_ranker_alone_took_the_standfirst() -> None:
    # the standfirst, printed again as the lede, was the title before revisit()
    teaser = "Ferry pier shut, commuters grumble, engineers called in ..."
    page = dump(["Harbour Report 27.11.26", teaser, "Author:", "Tom Baker", teaser])
    article = extract(page)
    assert article.title == "Harbour Report 27.11.26"
    assert article.text.split("\n\n")[0] == BODY[0]  # the repeated teaser, cut, is no paragraph
    long = "Ferry Chaos: Harbour Board Shuts Cracked Old Pier, Moves Boats to North Quay for Months"
    short = "Harbour Board Shuts Old Pier After Divers Find Cracks"
    assert extract(dump([long, short, "By Tom Baker"])).title == long


def test_pages_the_ranker_already_got_right_stay_right() -> None:
    chat = "The chairwoman of the harbour board talks about the pier with commuters."
    page = dump(["Markets", "Published 2 hours ago", *VIDEO_PAGE[:2], "Facebook", "Twitter",
                 "By Tom Baker", "close", "video", VIDEO, chat])  # fmt: skip
    assert extract(page).title == HEADLINE
    full = "Divers find deep cracks in old ferry pier: harbour board shuts it for months"
    page = dump(
        [full, "Updated on: November 27, 2026 / 10:07 AM", "Divers find cracks in ferry pier"]
    )
    assert extract(page).title == full


def test_a_teaser_cut_short_at_the_story_start_is_no_paragraph() -> None:
    page = dump([HEADLINE, "By Tom Baker", "The old ferry pier was closed on Tuesday after..."])
    article = extract(page)
    assert article.title == HEADLINE
    assert article.text.split("\n\n") == BODY


@pytest.mark.parametrize(
    ("first", "dropped"),
    [
        ("Two ferries were held in port,...", True),
        ("Zwei Fähren blieben im Hafen…", True),
        ("港口的两艘渡轮停航了……", True),
        ("Two ferries were held in port.", False),  # a paragraph
        (" ".join(["word"] * 41) + "...", False),  # too long for a teaser
    ],
)
def test_uncut_story(first: str, dropped: bool) -> None:
    texts = [first, BODY[0], BODY[1]]
    assert uncut_story(texts, [0, 1, 2]) == ([1, 2] if dropped else [0, 1, 2])
    assert uncut_story(texts, [0]) == [0]  # the story's only block stays
