"""The byline patterns as article.py compiles them (optional groups as alternatives or nothing,
a lookahead in front of BYLINE_STOP) match just as their plain spellings did."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article

PLAIN_KIND = (
    r"(?:(?:an?|the|eine?|une?|una?|uno)\s+)?"
    r"(?:report(?:age|aje|aż)?|kommentar|commentaire|comment(?:ary|o)?|column|kolumne|columna|"
    r"chronique|cr[oó]nica|analy[sz]e|an[aá]lisis|essay|interview|entretien|entrevista|review|"
    r"kritik|critique|cr[ií]tica|tribune|enqu[eê]te|feature|story|glosse|"
    r"editorial|[ée]ditorial|opinion|opini[oó]n|felieton|komentarz|recenzja)"
)
BY_WORD = article._BY_WORD
PLAIN = {
    "KIND_BYLINE": re.compile(
        rf"^\s*{PLAIN_KIND}\s+{BY_WORD}\s*:?\s+(?P<rest>\S.*)", re.IGNORECASE
    ),
    "KIND_ALONE": re.compile(rf"^\s*{PLAIN_KIND}\s+{BY_WORD}\s*:?\s*$", re.IGNORECASE),
    "BYLINE_START": re.compile(
        rf"\s*(?:{PLAIN_KIND}|{BY_WORD}|authors?|autor|auteur|writer|reporter|text|текст|автор|"
        r"written|posted|reported|words|story|analysis|opinion|commentary|column|essay|review|"
        r"interview)",
        re.IGNORECASE,
    ),
    "NAME_THEN_META": re.compile(
        r"^(?P<rest>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}?)\s*(?:[-–—|·•,/]\s*)?"
        r"(?P<meta>[@\d]|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d)",
        re.IGNORECASE,
    ),
    "WEEKDAY_TIME": re.compile(
        r"^\s*(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\.?,?\s+"
        r"[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?\s?m\.?)?\s*$",
        re.IGNORECASE,
    ),
    "CUE_STAMP": re.compile(
        r"^\s*(?:published|posted|veröffentlicht|publié|publicado|opublikowano|pubblicato)\b",
        re.IGNORECASE,
    ),
    "PHOTOGRAPHER": re.compile(
        r"^\s*(?:(?:photo(?:graph)?s?|pictures?|images?|fotos?|fotografi(?:e|en|a)|zdjęcia)\s+"
        r"(?:by|von|de|par|di|door)\s+\w|摄影\s*[:：]|攝影\s*[:：])",
        re.IGNORECASE,
    ),
    "BYLINE_STOP": re.compile(
        r"\s(?:[-–—|·•/@]|(?:updated|published|posted|on|at|in|for|mins?|read|via|view)\b|\d)"
        r"|\s*\||\b(?:19|20)\d\d\b",
        re.IGNORECASE,
    ),
}

WORDS = [
    "a", "an", "the", "eine", "une", "uno", "report", "reportage", "reportaż", "REPORTAJE",
    "comment", "commentary", "commento", "crónica", "analyse", "análisis", "éditorial", "by",
    "von", "de", "par", "por", "przez", "By:", "author", "Authors:", "текст", "автор", "Ann",
    "Lee", "O'Neil", "Jean-Luc", "J.", "-", "–", "|", "·", "•", ",", "/", "@annlee", "Nov", "nov.",
    "November", "Tuesday", "wednes", "thurs", "19", "2019", "1999", "2101", "12:30", "5", "on",
    "updated", "Published", "mins", "read", "via", "view", "ſtory", "\u212aritik", "İnterview",
    "x", "", "\n", "\t", "\u00a0", "١٩", "Monday", "TUES", "wednes", "Sat.", "ſunday", "5:30PM",
    "10.15", "a.m.", "Published", "POSTED", "veröffentlicht", "publié", "pubblicato", "Photos",
    "PHOTOGRAPH", "pictures", "İmages", "fotografie", "zdjęcia", "摄影：", "攝影", "Ann,",
]  # fmt: skip
SEPARATORS = ["", " ", " ", "  ", "\t", "\n", ": ", ", ", "\u2003"]
TEXTS = st.one_of(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=9).map(
        lambda pairs: "".join(w + g for w, g in pairs)
    ),
    st.text(max_size=60),
)


def spans(pattern: re.Pattern[str], text: str, how: str) -> object:
    if how == "search":
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    m = pattern.match(text)
    return m and (m.span(), m.groupdict())


@pytest.mark.parametrize("name", sorted(PLAIN))
@settings(max_examples=1500, deadline=None)
@given(text=TEXTS)
def test_each_byline_pattern_matches_as_its_plain_spelling(name: str, text: str) -> None:
    how = "search" if name == "BYLINE_STOP" else "match"
    assert spans(getattr(article, name), text, how) == spans(PLAIN[name], text, how)


def far_byline_unfiltered(texts: list[str], first: int) -> object:
    """far_byline without its test for BYLINE's first words."""
    start = first - 1 - article.BYLINE_WINDOW
    for i in range(start, max(-1, start - article.FAR_BYLINE_WINDOW), -1):
        text = texts[i]
        m = article.BYLINE.match(text) if len(text) <= article.MAX_SHORT_BYLINE else None
        if m is not None and m["rest"][:1].isupper() and (names := article.parse_names(m["rest"])):
            return names, (i,)
    return None


@settings(max_examples=1000, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6), st.integers(0, 3))
def test_far_byline_is_unfiltered(lines: list[str], at: int) -> None:
    texts = [*lines, *["filler"] * article.BYLINE_WINDOW, "Body text."]
    first = len(texts) - 1
    assert article.far_byline(texts, first) == far_byline_unfiltered(texts, first)
    assert article.far_byline(texts[at:], first - at) == far_byline_unfiltered(
        texts[at:], first - at
    )


@pytest.mark.parametrize(
    "line", ["By Ann Lee", "  WRITTEN BY Ann Lee", "Story by: Ann Lee", "\tPRZEZ Jan Kowalski"]
)
def test_far_byline_still_finds_by_lines(line: str) -> None:
    texts = [line, *["filler"] * article.BYLINE_WINDOW, "Body text."]
    assert article.far_byline(texts, len(texts) - 1) == far_byline_unfiltered(texts, len(texts) - 1)
    assert article.far_byline(texts, len(texts) - 1) is not None


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_dateish_and_cue_stamp_as_before(text: str) -> None:
    before = bool(
        article.find_dates(text)
        or article.WEEKDAY_TIME.match(text) is not None
        or article.is_time_line(text)
    ) or (
        article.CUE_STAMP.match(text) is not None
        and len(text) <= article.MAX_DATE_LINE
        and (article.CLOCK_TIME.search(text) is not None or bool(article.find_dates(text)))
    )
    assert article.dateish(text) == before


def first_letters(items: list) -> set[str]:  # type: ignore[type-arg]
    """The characters (as the pattern spells them) a parsed pattern may start with."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return found | {chr(av)}
        if op is c.IN:
            for kind, value in av:
                if kind is c.CATEGORY:
                    assert value is c.CATEGORY_DIGIT, value
                    found.add("\\d")  # (a class of its own: re's \\d)
                    continue
                assert kind is c.LITERAL, (kind, value)  # (no ranges in these alternatives)
                found.add(chr(value))
            return found
        if op is c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                union |= first_letters(list(branch))
            found |= union - {""}
            if "" not in union:  # (else an empty alternative: what follows may come first)
                return found
            continue
        if op is c.SUBPATTERN:
            sub = first_letters(list(av[3]))
            found |= sub - {""}
            if "" not in sub:
                return found
            continue
        if op is c.MAX_REPEAT:
            found |= first_letters(list(av[2])) - {""}
            if av[0] > 0:
                return found
            continue
        raise AssertionError(op)
    return found | {""}


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("BYLINE_START", "BYLINE_START_SOURCE"),
        ("WEEKDAY_TIME", "WEEKDAY_TIME_SOURCE"),
        ("CUE_STAMP", "CUE_STAMP_SOURCE"),
        ("PHOTOGRAPHER", "PHOTOGRAPHER_SOURCE"),
        ("NAME_THEN_META", "NAME_META_SOURCE"),
    ],
)
def test_each_lookahead_takes_every_first_letter(name: str, source: str) -> None:
    """The class in front of a pattern's alternatives: every character IGNORECASE matches to
    one of their first letters (over all code points), and no other."""
    from re import _parser  # type: ignore[attr-defined]

    firsts = first_letters(list(_parser.parse(getattr(article, source), re.IGNORECASE)))
    assert "" not in firsts
    heads = re.compile(
        "|".join(sorted(f if f == "\\d" else re.escape(f) for f in firsts)), re.IGNORECASE
    )
    led = getattr(article, name).pattern
    cls = re.compile(led[led.index("(?=(?-i:") + 8 : led.index("]))") + 1])
    assert [m.start() for m in cls.finditer(ALL_CHARS)] == [
        m.start() for m in heads.finditer(ALL_CHARS)
    ]


ALL_CHARS = "".join(map(chr, range(0x110000)))  # lone surrogates too
