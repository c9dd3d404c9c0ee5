"""furniture_suspects' has_any of a line in lower case (the FOLLOW_US parts in a title, the
SIGN_UP parts in the line above it): in text below U+0100 _feed.c tries 16 positions at once
for the parts' first two characters (byte_has_any). Each part, in each case, at each offset of
long lines (ASCII, where A-Z is read as a-z in place, and Latin-1, lowered first), and cut at
the line's end, against the Python reference."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed as F
from newsdump.document import Block, Label, LabelledBlock
from newsdump.records import FeedItem

pytestmark = pytest.mark.skipif(F._feed is None, reason="the compiled extension is not built")

BASES = ["Council votes on the new ferry plan", "abc def ghi jkl mno pqr stu vwx yz ", "x" * 40]
TITLE = "Council votes to rebuild the bridge"  # (no test of furniture_suspects before has_any)
WIDER = ["", "é", "É", "ł"]  # (ASCII, Latin-1 and 2-byte lines)


def same(above: str, title: str = TITLE) -> None:
    texts = [above, title, "More stories"]
    labelled = [
        LabelledBlock(Block(i, text, (i, i)), Label.BOILERPLATE, 0.5, "")
        for i, text in enumerate(texts)
    ]
    found = [(1, 1, FeedItem(title=title))]
    assert F._feed is not None
    got = F._feed.furniture_suspects(labelled, texts, found, F.FURNITURE_RULES)
    assert got == F._furniture_suspects(labelled, texts, found, F.FURNITURE_RULES), (above, title)


def cases(part: str) -> list[str]:
    return sorted({part, part.upper(), part.capitalize(), part[:1] + part[1:].upper()})


def test_each_part_in_each_case_at_each_offset() -> None:
    follow, sign_up = F.FURNITURE_RULES[1], F.FURNITURE_RULES[2]
    for parts, as_title in ((sign_up, False), (follow, True)):
        for part in parts:
            for variant in (*cases(part), part[:-1], part[1:]):
                for base in BASES:
                    for at in range(0, len(base) + 1):
                        for wider in WIDER:
                            line = base[:at] + variant + base[at:] + wider
                            cut = (base + wider)[: max(0, at - len(variant))] + variant
                            if as_title:
                                same("Latest", line.replace("/", " "))
                                same("Latest", cut)
                            else:
                                same(line)
                                same(cut)
                                same(wider + line)


PIECES = ["newsletter", "NEWSLETTER", "e-mail", "Mail", "courriel", "inscri", "abonn", "Subscri",
          "sign", "SIGN UP", "anmelden", "zapisz się", "suscr", "订阅", "구독", "fol", "FOLLOW",
          "suiv", "obserwuj", "polub", "sigu", "sígu", "SÍGU", "segu", "siga", "关注我们", "ne",
          "ma", "si", "a", "é", "É", "ß", "ł", "İ", " ", "x"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=30).map("".join))
@settings(max_examples=3000, deadline=None)
def test_random_lines_as_in_python(text: str) -> None:
    same(text)
    same("Latest", "A " + text.replace("/", " ").replace(":", " ") + " story")
