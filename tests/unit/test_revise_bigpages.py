"""`newsdump.revise` on long pages: the rules cost about the same per block on a page of
50,000 blocks as on one of 500 (no page-wide regex scan, no look at the rest of the body per
candidate, no pattern that backtracks exponentially on a line), and they drop the same blocks
as their plain versions."""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R

# LINE_CREDIT as it was: its words not possessive (`[\w’'-]+`), which backtracks through every
# way of cutting the words of a line that fails at its end
PLAIN_LINE_CREDIT = re.compile(R.LINE_CREDIT.pattern.replace("]++", "]+"), re.IGNORECASE)


def test_the_plain_line_credit_is_the_old_pattern() -> None:
    assert PLAIN_LINE_CREDIT.pattern.count("[\\w’'-]+ ?") == 1
    assert "++" not in PLAIN_LINE_CREDIT.pattern
    assert R.LINE_CREDIT.pattern.count("++") == 1


credit_heads = st.sampled_from(
    ["", "©", "© ", "©Photo", "© foto ", "Foto:", "Foto: ", "fot.", "Photo credit : ", "Bild.",
     "İmage:", "Crédit photo: ", "사진=", "자료사진", "x"]
)  # fmt: skip
credit_tails = st.text(alphabet="aZé1_’'-/, .“\t사", max_size=14)


@settings(max_examples=3000, deadline=None)
@given(credit_heads, credit_tails)
def test_the_possessive_line_credit_matches_the_lines_the_plain_one_matches(
    head: str, tail: str
) -> None:
    text = head + tail
    assert (R.LINE_CREDIT.fullmatch(text) is None) == (PLAIN_LINE_CREDIT.fullmatch(text) is None)


def test_a_copyright_line_that_is_no_credit_fails_at_once() -> None:
    # the plain pattern took ~0.6 s on a line like this one (and doubles with each letter)
    text = "© Autonomous Nonprofit Organization Television Broadcasting Company, 2005–2019."
    started = time.process_time()
    assert R.LINE_CREDIT.fullmatch(text) is None
    assert R._line_credit_match(text) is None
    assert time.process_time() - started < 0.05
    assert R.LINE_CREDIT.fullmatch("© Antoine Girard pour L'Hebdo")
    assert R.LINE_CREDIT.fullmatch("Foto: Julia Sommer für den Wochenspiegel")
    assert not R.LINE_CREDIT.fullmatch("Foto: one two three four five six seven eight nine")


def plain_story_end(page: R._Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """`_story_end` as it was: the rest of the body read again after every credit."""
    kept = page.kept(body, drop)
    found = page.having(R.FACT_STORY_END, body)
    if not found:
        return
    score = page.score
    sure = [i for i in kept if score[i] >= R.SURE]
    if len(sure) < 2:
        return
    for i in found:
        if not page.body[i] or i <= sure[0]:
            continue
        credit = drop.get(i) == "caption"
        if i in drop and not credit:
            continue
        if page.words[i] > R.STORY_END_MAX_WORDS or not R._story_end_line(page.strip[i]):
            continue
        after = kept[bisect_right(kept, i) :]
        if credit and any(page.sure(k) and R._prose(page.text[k]) for k in after):
            continue
        above = bisect_left(sure, i)
        if above < len(sure) - above:
            continue
        for k in kept:
            if k >= i:
                drop[k] = "story_end"
        return


STORY_LINES = [
    "The council met on Tuesday and voted on the harbour plan after a long debate.",
    "The ferry company raised its fares on Monday, and the council said it would look at it.",
    "Crowds gathered at the quay to watch the first ferry of the year leave the harbour.",
    "© Fox News",
    "© Agence France-Presse",
    "Copyright 2026 Ann Lee",
    "Foto: Lena Roth",
    "© Photo Louis Mercier",
    "Comments (12)",
    "Kommentare (7)",
    "评论 18",
    "La suite est réservée aux abonnés.",
    "本文为作者原创，转载请注明出处。",
    "The quay at dawn.",
    "It rained.",
    "Reply",
    "",
]
story_rows = st.lists(
    st.tuples(
        st.sampled_from(STORY_LINES),
        st.booleans(),
        st.sampled_from([0.1, 0.5, 0.85, 0.95]),
        st.booleans(),
    ),
    max_size=50,
)


@settings(max_examples=2000, deadline=None)
@given(story_rows, st.booleans())
def test_the_story_end_drops_what_its_plain_version_drops(
    spec: list[tuple[str, bool, float, bool]], long: bool
) -> None:
    out = listed(*spec)
    with patch.object(R, "HINTS_MIN_BLOCKS", 0 if long else len(out) + 1):
        fast = R.revise(out)
        with patch.object(R, "_story_end", plain_story_end):
            plain = R.revise(out)
    assert [(lb.label, lb.reason) for lb in fast] == [(lb.label, lb.reason) for lb in plain]


def test_a_page_of_many_credits_reads_its_body_once() -> None:
    # 3,000 credits under photos, each over a paragraph: the plain rule read the rest of the
    # body again after each (about 4.5 million looks); the story goes on after every one
    para = STORY_LINES[0]
    spec = [(para, True, 0.95, True)] * 2
    for _ in range(3000):
        spec += [("© Fox News", True, 0.5, True), (para, True, 0.95, True)]
    out = listed(*spec)
    calls = 0
    prose = R._prose

    def counted(text: str) -> bool:
        nonlocal calls
        calls += 1
        return prose(text)

    with patch.object(R, "_prose", counted):
        revised = R.revise(out)
    assert calls <= len(out)
    assert [lb.reason for lb in revised] == ["model"] * 2 + ["caption", "model"] * 3000
