"""newsdump.headline: the learned headline ranker, its candidates, features and model file."""

from __future__ import annotations

import json

import pytest

from newsdump.headline import (
    FEATURES,
    HEADLINE_MODEL,
    Ranker,
    Tree,
    candidates,
    context,
    features,
    find_headline,
    headline_score,
    load_ranker,
    page_title,
    rank_headline,
    ranker_from_json,
    tokens,
)

BODY = [
    "The town council voted on Monday to rebuild the old stone bridge over the river, which "
    "has been closed to traffic since the spring floods damaged its central arch.",
    "Engineers told the council that the work on the stone bridge would take eighteen months.",
    "Residents said they were relieved that the bridge over the river would be rebuilt at last.",
    "The mayor said the town had waited for a grant from the national government for the bridge.",
]
HEADLINE = "Council votes to rebuild the old stone bridge"


def page(lines: list[str], body_from: int) -> tuple[list[str], list[int]]:
    texts = [*lines, *BODY]
    return texts, list(range(body_from, len(texts)))


def blanks(texts: list[str]) -> list[tuple[bool, bool]]:
    return [(True, True)] * len(texts)


def test_model_loads_and_matches_the_features() -> None:
    ranker = load_ranker()
    assert ranker.features == FEATURES
    assert ranker.trees
    assert load_ranker() is ranker  # cached


def test_model_file_round_trips() -> None:
    data = json.loads(HEADLINE_MODEL.read_text(encoding="utf-8"))
    ranker = ranker_from_json(data)
    assert ranker_from_json(json.loads(json.dumps(ranker.to_json()))) == ranker


def test_tree_walks_left_on_less_or_equal() -> None:
    tree = Tree(features=(1, 0, 0), thresholds=(0.5, -2.0, -2.0), left=(1, -1, -1),
                right=(2, -1, -1), values=(0.0, -1.0, 2.0))  # fmt: skip
    assert tree.value([9.0, 0.5]) == -1.0
    assert tree.value([9.0, 0.6]) == 2.0
    ranker = Ranker(("a", "b"), 0.25, (tree, tree), threshold=0.0)
    assert ranker.score([0.0, 1.0]) == 4.25


def test_headline_above_the_body_among_navigation() -> None:
    lines = ["Home", "News", "World", "Sport", "Most read", HEADLINE, "By Ann Example"]
    texts, body = page(lines, len(lines))
    ctx = context(texts, blanks(texts), body, byline=(6,))
    assert rank_headline(ctx) == (5, True)
    assert find_headline(ctx) == 5


def test_headline_the_classifier_took_into_the_body() -> None:
    lines = ["Home", "News", "Sport"]
    texts = [*lines, HEADLINE, *BODY]
    body = list(range(3, len(texts)))
    ctx = context(texts, blanks(texts), body)
    assert rank_headline(ctx) is not None
    assert rank_headline(ctx)[0] == 3


def test_prose_is_no_headline() -> None:
    texts, body = page(["Home"], 1)
    ctx = context(texts, blanks(texts), body)
    assert candidates(ctx) == [1, 2]  # the first body blocks, "Home" is too short
    assert find_headline(ctx) is None
    ranked = rank_headline(ctx)
    assert ranked is not None and not ranked[1]  # unsure: build_article may still take it


def test_no_body_no_candidates() -> None:
    ctx = context(["Home", "News"], [(False, False)] * 2, [])
    assert candidates(ctx) == []
    assert find_headline(ctx) is None


def test_candidates_skip_the_byline_and_stay_in_the_window() -> None:
    lines = ["Home page of the site", *(f"Menu entry {i}" for i in range(40)), HEADLINE, "By Ann"]
    texts, body = page(lines, len(lines))
    ctx = context(texts, blanks(texts), body, byline=(len(lines) - 1,))
    cands = candidates(ctx)
    assert len(lines) - 1 not in cands
    assert cands[:3] == [len(lines), len(lines) + 1, len(lines) - 2]  # body start, then upwards
    assert 0 not in cands  # beyond the window


def test_feature_rows_have_every_feature() -> None:
    lines = ["Example News - Home", HEADLINE, "November 18, 2025"]
    texts, body = page(lines, len(lines))
    ctx = context(texts, blanks(texts), body)
    cands = candidates(ctx)
    rows = features(ctx, cands)
    assert all(len(row) == len(FEATURES) for row in rows)
    row = dict(zip(FEATURES, rows[cands.index(1)], strict=True))
    assert row["date_follows"] == 1.0
    assert row["body_share"] > 0.2
    assert row["rank_shape"] == 1.0


def test_features_of_a_headline_with_a_standfirst_byline_and_share_bar() -> None:
    dek = "The bridge has been closed since the spring floods; work starts in the new year."
    lines = ["Home", HEADLINE, dek, "By Ann Example", f"Share this story: {HEADLINE}"]
    texts, body = page(lines, len(lines))
    ctx = context(texts, blanks(texts), body, byline=[3])
    cands = candidates(ctx)
    found = zip(cands, features(ctx, cands), strict=True)
    rows = {i: dict(zip(FEATURES, r, strict=True)) for i, r in found}
    headline, standfirst = rows[1], rows[2]
    assert (headline["quoted"], headline["dek_follows"], headline["next_to_byline"]) == (1, 1, 1)
    assert (headline["after_shorter"], headline["repeat_prev"]) == (0, 0)
    assert headline["lede_share"] == 7 / 8  # all its words but "votes" are in the lede
    assert (standfirst["quoted"], standfirst["after_shorter"], standfirst["next_to_byline"]) == (
        0,
        1,
        1,
    )


@pytest.mark.parametrize(
    ("text", "positive"),
    [
        (HEADLINE, True),
        ("By Ann Example", False),
        ("Share this article", False),
        ("Home", False),
        ("Photo: Getty Images of the bridge at night", False),
        ("市议会投票决定重建河上的旧石桥工程明年开始", True),
    ],
)
def test_headline_score(text: str, positive: bool) -> None:
    assert (headline_score(text) > 0) is positive


def test_page_title_drops_the_site_name() -> None:
    assert page_title(f"{HEADLINE} - Example News") == HEADLINE
    assert page_title(f"Example News | {HEADLINE}") == HEADLINE
    assert page_title("Home") is None


def test_tokens_pairs_wide_characters() -> None:
    assert tokens("Stone Bridge") == {"stone", "bridge"}
    assert {"石桥", "旧石"} <= tokens("旧石桥")


def test_vectorised_scores_equal_the_tree_walk() -> None:
    ranker = load_ranker()
    lines = ["Example News - Home", "Home", HEADLINE, "By Ann Example", "November 18, 2025"]
    texts, body = page(lines, len(lines))
    ctx = context(texts, blanks(texts), body, byline=(3,))
    rows = features(ctx, candidates(ctx))
    assert ranker.scores(rows) == pytest.approx([ranker.score(row) for row in rows])
    assert ranker.scores([]) == []


def test_uneven_trees_are_completed() -> None:
    stump = Tree(features=(0,), thresholds=(0.0,), left=(-1,), right=(-1,), values=(1.5,))
    deep = Tree(features=(0, 0, 1, 0, 0), thresholds=(0.5, -2.0, 0.5, -2.0, -2.0),
                left=(1, -1, 3, -1, -1), right=(2, -1, 4, -1, -1),
                values=(0.0, -1.0, 0.0, 2.0, 3.0))  # fmt: skip
    ranker = Ranker(("a", "b"), 0.0, (stump, deep), threshold=0.0)
    rows = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]
    assert ranker.scores(rows) == [0.5, 3.5, 4.5]
    assert [ranker.score(r) for r in rows] == [0.5, 3.5, 4.5]


@pytest.mark.parametrize(
    "text",
    [
        "Back to the overview",
        "Zurück zur Übersicht",
        "Retour à la liste",
        "News > Europe > Bridges and tunnels",
        "Blog » Recipes » Soups » A long winter soup for cold evenings at home",
        "Reviewed by: Ann Example Price: £20 More info: www.example.com",
        "Media caption The mayor said the bridge would open next year",
        "Topics: bridges, rivers, town council",
        "These are external links and will open in a new window",
        "Copy this link to share the story",
    ],
)
def test_navigation_links_breadcrumbs_fields_and_tags_are_no_headline(text: str) -> None:
    assert headline_score(text) == 0.0
    texts, body = page(["Home", text], 2)
    assert 1 not in candidates(context(texts, blanks(texts), body))


@pytest.mark.parametrize(
    "text",
    ["Love / Hate: the bridge that split a town", "Council > county: who pays for the bridge"],
)
def test_one_separator_is_no_breadcrumb(text: str) -> None:
    assert headline_score(text) > 0


def test_features_of_a_headline_over_its_dek_and_a_list_of_dated_stories() -> None:
    dek = "Work on the arch starts in the new year"
    lines = [
        "Home",
        HEADLINE,
        dek,
        "By Ann Example",
        "November 18, 2025",
        "Ferry service returns to the harbour after storms",
        "October 2, 2025",
        "New cycle lanes open along the river embankment",
        "September 9, 2025",
    ]
    texts, body = page(lines, len(lines))
    ctx = context(texts, blanks(texts), body, byline=(3,))
    cands = candidates(ctx)
    found = zip(cands, features(ctx, cands), strict=True)
    rows = {i: dict(zip(FEATURES, r, strict=True)) for i, r in found}
    headline, standfirst, listed = rows[1], rows[2], rows[5]
    assert (headline["prev_shaped"], headline["next_shaped"]) == (0, 1)
    # down from the headline: the dek, (byline, date), two stories, the lede: 4, the cap
    assert (headline["shaped_above"], headline["shaped_below"]) == (0, 4)
    assert (standfirst["shaped_above"], standfirst["date_next"]) == (1, 1)  # past the byline
    assert (headline["date_next"], headline["dated_siblings"]) == (0, 2)  # the two stories
    assert (listed["date_next"], listed["date_prev"], listed["below_byline"]) == (1, 1, 1)
    assert listed["dated_siblings"] == 1  # the other story ("By …" is no headline)
    assert (listed["shaped_above"], listed["shaped_below"]) == (2, 4)  # "Home" stops the run


def test_page_title_keeps_the_part_the_body_talks_about() -> None:
    line = f"{HEADLINE} | Example mom style food tech home money crafts garden"
    assert page_title(line) == "Example mom style food tech home money crafts garden"  # longest
    words = frozenset(tokens(" ".join(BODY)))
    assert page_title(line, words) == HEADLINE


@pytest.mark.parametrize(
    "stamp",
    [
        "Published 3 hours ago",
        "vor 2 Stunden",
        "Monday 5:30PM",
        "Updated Nov 19, 6:55 AM",
        "5:56 PM",
        "2 godziny temu",
    ],
)
def test_a_time_without_a_year_under_a_headline_is_a_date(stamp: str) -> None:
    texts, body = page(["Home", HEADLINE, stamp], 3)
    ctx = context(texts, blanks(texts), body)
    cands = candidates(ctx)
    row = dict(zip(FEATURES, features(ctx, cands)[cands.index(1)], strict=True))
    assert (row["date_follows"], row["date_next"], row["no_blanks"]) == (1, 1, 0)


def test_no_blanks_marks_a_scrapers_dump() -> None:
    texts, body = page(["Home", HEADLINE], 2)
    ctx = context(texts, [(False, False)] * len(texts), body)
    cands = candidates(ctx)
    assert {row[FEATURES.index("no_blanks")] for row in features(ctx, cands)} == {1.0}


def test_a_photo_caption_with_its_credit_is_no_candidate() -> None:
    caption = "The mayor opens the rebuilt bridge on Monday in Example Town (AP Photo/Ann Example)"
    other = "The mayor speaks to reporters after the vote (Photo: Tom Davies)"
    texts, body = page([HEADLINE, caption, other], 3)
    cands = candidates(context(texts, blanks(texts), body))
    assert 0 in cands and 1 not in cands and 2 not in cands
    texts, body = page(["Actress Ann Example is stunning in new photos (Photos)"], 1)
    assert 0 in candidates(context(texts, blanks(texts), body))  # no credit: a headline
