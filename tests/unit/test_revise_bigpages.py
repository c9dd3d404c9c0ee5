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

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_revise import listed

from newsdump import revise as R
from newsdump.document import Block, Label, LabelledBlock

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


class _Marked(LabelledBlock):  # a subclass: `replace` keeps its type
    pass


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.text(max_size=8), st.booleans(), st.floats(0, 1)), max_size=30),
    st.data(),
)
def test_the_compiled_relabelling_gives_what_the_plain_one_gives(
    rows: list[tuple[str, bool, float]], data: st.DataObject
) -> None:
    out = [
        (_Marked if sub else LabelledBlock)(Block(i, text, (i, i)), Label.ARTICLE, score, "model")
        for i, (text, sub, score) in enumerate(rows)
    ]
    picked = data.draw(
        st.lists(st.sampled_from(range(len(out))), unique=True) if out else st.just([])
    )
    drop = {i: data.draw(st.sampled_from(["caption", "story_end", "", "\udc80é"])) for i in picked}
    plain, fast = list(out), list(out)
    R._relabel_plain(plain, drop)
    R._relabel(fast, drop)
    assert fast == plain
    assert [type(lb) for lb in fast] == [type(lb) for lb in plain]
    assert all(a is b for a, b, lb in zip(fast, plain, out, strict=True) if a is lb)
    for i in drop:
        assert fast[i].block is out[i].block and fast[i].score is out[i].score
        assert fast[i].label is Label.BOILERPLATE and fast[i].reason is drop[i]
        assert hash(fast[i]) == hash(plain[i]) and repr(fast[i]) == repr(plain[i])


def test_the_compiled_relabelling_refuses_an_index_off_the_page() -> None:
    if getattr(R._revise, "relabel", None) is None:
        return
    out = listed(("Pilots warn of fog", True, 0.5, False))
    with pytest.raises(IndexError):
        R._revise.relabel(out, {1: "caption"}, LabelledBlock, Label.BOILERPLATE)
    with pytest.raises(IndexError):
        R._revise.relabel(out, {-1: "caption"}, LabelledBlock, Label.BOILERPLATE)
    assert out == listed(("Pilots warn of fog", True, 0.5, False))


@settings(max_examples=2000, deadline=None)
@given(credit_heads | st.sampled_from(["Image", "image caption", "Picture copyright", "PHOTO"]),
       credit_tails)  # fmt: skip
def test_a_caption_s_first_letter_needs_a_mark_to_be_one(head: str, tail: str) -> None:
    # FACT_CAPTION of a line that starts as a credit or a caption's label: only with "©" first,
    # or a space, ":" or "." in it (a one-word line "Bild", "Zoo", "Pilots" is none)
    stripped = (head + tail).strip()
    facts = R._text_facts(stripped, 0, True)
    credit = R.CREDIT.search(stripped) if stripped.endswith((")", "）")) else None
    credit = credit or R.BARE_CREDIT.search(stripped) or R.SLASH_CREDIT.search(stripped)
    credit = credit or R._line_credit_match(stripped)
    if (credit and credit.end() == len(stripped)) or R.CAPTION_START.match(stripped):
        assert facts & R.FACT_CAPTION
    out = listed((stripped, True, 0.5, False))
    assert R._facts(out)[6] == R._facts_plain(out)[6]  # (compiled, when built, as in Python)
    assert not R._text_facts("Bild", 1, True) & R.FACT_CAPTION
    assert R._text_facts("©Reuters", 1, True) & R.FACT_CAPTION
