"""`_feed.regex_gates`: what title_verdict tells of CONTACT and CREDIT on characters, against
the patterns (a gate of 0 must mean no match, 1 a match; 2 asks the pattern)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import feed

pytestmark = pytest.mark.skipif(
    feed._feed is None, reason="the compiled line counts were not built (no C compiler)"
)


def check(text: str) -> None:
    gates = feed._feed.regex_gates(text)
    contact, credit = gates & 3, gates >> 2
    found = feed.CONTACT.search(text) is not None
    assert contact != 3, text
    if contact == 0:
        assert not found, text
    elif contact == 1:
        assert found, text
    if not credit and "getty" not in text.lower() and "hutter" not in text.lower():
        assert feed.CREDIT.search(text) is None, text


PIECES = [
    "tel", "TEL", "Tél", "TÉL", "phone", "PHONE", "fax", "FAX", "Fax.", " ", "+", ":", "：",
    "(", ")", "-", "/", ".", "1", "12", "123", "1234", "12345", "٣", "²", "电话", "电", "话",
    "photo", "PHOTO", "foto", "FOT", "bild", "BİLD", "bıld", "image", "İMAGE", "zdjecie",
    "zdjęcie", "ZDJĘCIE", "credit", "CREDİT", "crédit", "CRÉDIT", "quelle", "source", "ſource",
    "SOURCE", "getty images", "shutterstock", "图片来源", "图/", "摄影", "摄", "影", "by", "s",
    "e", "x", "a", "\u212a", "\u0130", "\u0131", "\u017f", "é", "É",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=12).map("".join)


@given(texts)
@settings(max_examples=8000, deadline=None)
def test_gates_are_the_patterns_verdicts(text: str) -> None:
    check(text)


def test_gates_of_every_character_are_the_patterns_verdicts() -> None:
    templates = (
        "{}el 12345678", "t{}l: 12 34 56 78", "te{}: 12345678", "{}hone 1234567", "fa{} 1234567",
        "phon{} 1234567", "1234{}6789", "电{}: x", "电话{}", "({}hoto: x", "(s{}urce: x",
        "x (foto{}: y", "(zdj{}cie) by", "x bi{}d: y", "x cr{}dit: y", "x {}mage: y",
        "x 图{}", "x 摄{}", "(quell{}: x",
    )  # fmt: skip
    for code in range(0x110000):
        char = chr(code)
        for template in templates:
            check(template.format(char))


@pytest.mark.parametrize(
    ("text", "gates"),
    [
        ("Call us: tel. 555 123 4567", 2),
        ("Account 123456789", 1),
        ("客服电话：12345", 1),
        ("12 345 678 nothing here", 0),
        ("Fire (Photo: Ann Lee)", 4),
        ("Le feu (CRÉDIT : Ann)", 4),
        ("Ogień (ZDJĘCIE: Ann)", 4),
        ("图/新华社", 4),
        ("Nothing: to (see)", 0),
    ],
)
def test_gates_of_a_few_lines(text: str, gates: int) -> None:
    assert feed._feed.regex_gates(text) == gates


TABLE_AT = len(feed.TITLE_RULES) - 2  # (prefix_table's rule: before the literals, the last)
BY_DICT = (*feed.TITLE_RULES[:TABLE_AT], b"", *feed.TITLE_RULES[TABLE_AT + 1 :])  # (no table:
# the prefixes' dict is read)
CTA_WORDS = [
    "Subscribe", "subscription", "sign up", "Sign in", "Read more", "cookie", "e-mail", "email",
    "udostępnij", "UDOSTĘPNIJ", "política", "regístrate", "registrarse", "popular in", "go to",
    "html", "版权", "隐私", "使用条款", "Council", "votes", "the", " ", "-", "(", "İ", "ı",
]  # fmt: skip


def test_prefix_table_holds_every_ascii_prefix() -> None:
    table = feed.TITLE_RULES[TABLE_AT]
    assert isinstance(table, bytes)
    groups, size = feed.PREFIX_GROUPS, feed.PREFIX_SIZE
    for c in range(groups - 1):
        entries = [
            table[groups + size * k + 2 : groups + size * k + 2 + 2 * table[groups + size * k]]
            for k in range(table[c], table[c + 1])
        ]
        assert [e.decode("utf-16-le") for e in entries] == list(
            feed.CALL_TO_ACTION_PREFIXES.get(chr(c), ())
        )


@given(st.lists(st.sampled_from(CTA_WORDS) | st.text(max_size=3), max_size=8).map("".join))
@settings(max_examples=3000, deadline=None)
def test_title_verdict_by_the_table_is_the_dicts_and_pythons(text: str) -> None:
    got = feed._feed.title_verdict(feed.TITLE_RULES, text, 1, 30)
    assert got == feed._feed.title_verdict(BY_DICT, text, 1, 30)
    if text:
        assert got == feed._is_title(text, feed.Settings(feed_title_min_words=1))


def test_title_verdict_by_the_table_of_every_character() -> None:
    for code in range(0x110000):
        char = chr(code)
        for text in (f"A {char}ubscribe now", f"Now sign {char}p here", f"Udostęp{char}ij to"):
            assert feed._feed.title_verdict(feed.TITLE_RULES, text, 1, 30) == (
                feed._feed.title_verdict(BY_DICT, text, 1, 30)
            ), (hex(code), text)
