"""The facts of a line whose first two characters are not ASCII (RELATED_FIRSTS,
READ_MORE_FIRSTS, ABOUT_FIRSTS) and of a bracketed one: each holds wherever the rule it lets
look at the line can fire on it, and the compiled facts (newsdump/_revise.c) are the Python
ones at every code point (a line that starts with a quote or a dash is no label, no card)."""

from __future__ import annotations

import sys

import pytest
from test_revise import listed

from newsdump import revise as R

compiled = pytest.mark.skipif(R._revise is None, reason="newsdump/_revise.c was not built")
EVERY = [chr(c) for c in range(sys.maxunicode + 1)]
HEAD_BITS = R.FACT_RELATED | R.FACT_READ_MORE | R.FACT_LABEL | R.FACT_GLUED_CARD | R.FACT_ABOUT


def by_first(firsts: str) -> dict[str, list[str]]:
    """Every character whose lower case starts with one of `firsts`, by that one."""
    found: dict[str, list[str]] = {first: [] for first in firsts}
    for char in EVERY:
        low = char.lower()[:1]
        if low in found:
            found[low].append(char)
    return found


def test_the_firsts_are_the_labels_first_characters() -> None:
    assert set(R.RELATED_FIRSTS) == {label[0] for label in R.RELATED_LABELS}
    assert set(R.READ_MORE_FIRSTS) == {label[0] for label in R.READ_MORE}
    assert "“" not in R.RELATED_FIRSTS and "—" not in R.RELATED_FIRSTS


def test_every_label_in_any_case_of_its_first_character_has_its_facts() -> None:
    related, read_more = by_first(R.RELATED_FIRSTS), by_first(R.READ_MORE_FIRSTS)
    lines: list[str] = []
    for labels, firsts in ((R.RELATED_LABELS, related), (R.READ_MORE, read_more)):
        for label in labels:
            for char in firsts[label[0]]:
                for rest in (label[1:], label[1:].upper()):
                    lines += [char + rest, f"{char}{rest}: Ferry fares rise again"]
    for line in lines:
        facts = R._text_facts(line, len(line.split()), True)
        if R._related_label(line):
            assert facts & R.FACT_LABEL, line
        if R._glued_card(line):
            assert facts & R.FACT_GLUED_CARD, line
        low = line.lower()
        if R.LABEL_TRIM.sub("", low) in R.READ_MORE and low.startswith(R.READ_MORE_PREFIXES):
            assert facts & R.FACT_READ_MORE, line
    if R._revise is not None:
        out = listed(*((line, True, 0.5, False) for line in lines))
        assert R._facts(out) == R._facts_plain(out)


def test_about_s_first_letters_are_the_heads_and_firsts() -> None:
    words = ("about", "über", "sobre", "à propos de", "a propos de", "acerca de")
    letters = "".join({word[k] for word in words for k in (0, 1)})
    matching = set(R.re.findall(f"(?i)[{letters}]", "".join(EVERY)))  # (one pass over them all)
    assert {"ſ", "İ", "K"} & matching == {"ſ"}
    for char in matching:
        for word in words:
            for line in (char + word[1:] + " Ann Lee", word[0] + char + word[2:] + " Ann Lee"):
                if R.ABOUT.fullmatch(line):
                    assert R._text_facts(line, 3, True) & R.FACT_ABOUT, line


def test_a_bracketed_card_has_its_fact() -> None:
    for opener, closer in R.BRACKETS.items():
        line = f"{opener}Read more: Ferry fares rise again{closer}"
        assert R._glued_card(R._unbracketed(line))
        assert R._text_facts(line, 6, True) & R.FACT_GLUED_CARD
        assert not R._text_facts(f"{opener}Walt Disney Co.", 3, True) & R.FACT_GLUED_CARD
        assert not R._text_facts(opener + closer, 1, True) & R.FACT_GLUED_CARD


@compiled
def test_the_compiled_heads_are_the_python_ones_at_every_code_point() -> None:
    # (the bits of each character's lines as `_text_facts` sets them, read from the firsts)
    bits = R.FACT_RELATED | R.FACT_READ_MORE | R.FACT_ABOUT
    lines, expected = [], []
    for char in EVERY[128:]:
        low = char.lower()[:1]
        heads = (R.FACT_RELATED if low in R.RELATED_FIRSTS else 0) | (
            R.FACT_READ_MORE if low in R.READ_MORE_FIRSTS else 0
        )
        lines.append(char + "x")
        expected.append(heads | (R.FACT_ABOUT if char in R.ABOUT_FIRSTS else 0))
    out = listed(*((line, True, 0.5, False) for line in lines))
    assert [f & bits for f in R._facts(out)[6]] == expected
    lines = []  # ... and every fact of a few more lines, of the characters below 0x3000
    for char in EVERY[:0x3000]:
        lines += [char, char + "x", "a" + char + "bout", char + "ead more", f"({char}x)"]
    out = listed(*((line, True, 0.5, False) for line in lines))
    assert [f & HEAD_BITS for f in R._facts(out)[6]] == [
        f & HEAD_BITS for f in R._facts_plain(out)[6]
    ]
