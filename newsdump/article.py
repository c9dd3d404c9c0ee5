"""Labelled blocks → the article: headline, authors, date, caption and body. Pure.

The body is the blocks the classifier labelled ARTICLE. The metadata sits around its start:
the headline is the most headline-like block in the few blocks above the body (or, in a
scraper dump, the page's <title> on the first line); the byline and the date are found near
the headline, the first body block or, for "Author: X" boxes, just after the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdump.dates import find_dates, url_date
from newsdump.document import Label, LabelledBlock
from newsdump.records import Article

TITLE_WINDOW = 14  # blocks above the body searched for the headline
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40
META_WINDOW_AFTER = 3  # blocks after the body start that may still hold byline or date
AUTHOR_BOX_WINDOW = 6  # blocks after the body end searched for "Author: X"
MAX_AUTHORS = 6
CAPTION_MIN_WORDS = 8

TOKEN = re.compile(r"\w+")
BYLINE = re.compile(
    r"^\s*(?:(?:written|posted|reported|words|text|story|photos?)\s+)?"
    r"(?:by|von|par|por|di|door|autor(?:ka)?|av|af|de)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
AUTHOR_LABEL = re.compile(
    r"^\s*(?:authors?|autor(?:in|ka|zy)?|auteur|writer|reporter)s?\s*[:：]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|(?:van|von|de|der|den|da|di|del|la|le|bin|al|el|ibn)|[A-Z]\.)$"
)
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b|\boraz\b|\|)\s*")
BYLINE_STOP = re.compile(
    r"\s(?:[-–—|·•]|updated|published|posted|on|at|in|for|mins?|\d)|\s*[,|]|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "staff",
        "reporter",
        "reporters",
        "correspondent",
        "editor",
        "editors",
        "news",
        "agency",
        "associated",
        "press",
        "reuters",
        "afp",
        "ap",
        "contributor",
        "writer",
        "columnist",
        "email",
        "follow",
        "twitter",
        "updated",
        "published",
        "read",
        "more",
        "share",
        "comments",
        "min",
        "minute",
        "minutes",
    ]
)
CREDIT = re.compile(
    r"\((?:photo|image|picture|foto)|(?:photo|image|foto|picture|credit)s?\s*(?:credit)?\s*:|"
    r"getty images|/afp|/reuters|/ap\b|shutterstock|associated press\)",
    re.IGNORECASE,
)
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
DATE_CUE = re.compile(
    r"published|posted|updated|veröffentlicht|publié|publicado|opublikowano", re.I
)


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """The article, and which blocks its metadata came from (so `split` skips them)."""

    article: Article
    used: frozenset[int]


def build_article(
    labelled: Sequence[LabelledBlock], url: str | None = None, lang: str | None = None
) -> ArticleParts:
    body = [lb for lb in labelled if lb.label is Label.ARTICLE]
    texts = [lb.block.text for lb in labelled]
    if body:
        first = body[0].block.index
        last = body[-1].block.index
    else:
        first = last = len(labelled)
    used: set[int] = {lb.block.index for lb in body}

    title_at = find_title(texts, first, body_text=" ".join(lb.block.text for lb in body[:3]))
    title = None
    if title_at is not None:
        title = texts[title_at].strip()
        used.add(title_at)
    elif texts and body:
        title = page_title(texts[0])

    start = (title_at if title_at is not None else first) - 2
    near = range(max(0, start), min(len(texts), first + META_WINDOW_AFTER))
    authors, byline_at = find_authors(texts, near, body_indexes=used)
    if not authors and body:
        after = range(last + 1, min(len(texts), last + 1 + AUTHOR_BOX_WINDOW))
        authors, _ = find_authors(texts, after, body_indexes=used, labelled_only=True)
    if byline_at is not None:
        used.add(byline_at)

    published = find_published(texts, near, byline_at) or url_date(url)
    caption = find_caption(texts, title_at, first)
    text = "\n\n".join(lb.block.text.strip() for lb in body)
    article = Article(
        title=title,
        authors=tuple(authors),
        published=published,
        lang=lang,
        text=text,
        caption=caption,
    )
    return ArticleParts(article, frozenset(used))


def find_title(texts: Sequence[str], first_body: int, body_text: str = "") -> int | None:
    """Index of the headline: the best headline-like block just above the body."""
    lo = max(0, first_body - TITLE_WINDOW)
    page = tokens(page_title(texts[0]) or "") if texts else set()
    body = tokens(body_text)
    best: tuple[float, int] | None = None
    for i in range(first_body - 1, lo - 1, -1):
        text = texts[i].strip()
        score = headline_score(text)
        if score <= 0:
            continue
        words = tokens(text)
        if page and i > 0:
            score += 3.0 * len(words & page) / max(1, len(words))
        if body:
            score += 1.0 * len(words & body) / max(1, len(words))
        score -= 0.08 * (first_body - i)
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


def headline_score(text: str) -> float:
    """How much a line looks like a headline (0: not at all)."""
    n = len(text.split())
    wide = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    if wide >= 6:
        n = max(n, wide // 2)
    if not TITLE_MIN_WORDS <= n <= TITLE_MAX_WORDS or len(text) > 300:
        return 0.0
    if BYLINE.match(text) or AUTHOR_LABEL.match(text) or CREDIT.search(text):
        return 0.0
    if find_dates(text) and n < 12:
        return 0.0
    score = 1.0
    if text.endswith((".", ":", ";", ",")) and not text.endswith("..."):
        score -= 0.5
    if text.count(". ") >= 2:
        score -= 0.6
    if text.isupper():
        score -= 0.3
    if 5 <= n <= 20:
        score += 0.3
    return max(score, 0.0)


def page_title(first_line: str) -> str | None:
    """A page <title> without its site name: 'Headline - Site' → 'Headline'."""
    parts = TITLE_SEPARATORS.split(first_line.strip())
    if not parts or not parts[0]:
        return None
    best = max(parts, key=lambda p: len(p.split()))
    return best.strip() if len(best.split()) >= TITLE_MIN_WORDS else None


def find_authors(
    texts: Sequence[str],
    window: range,
    body_indexes: set[int],
    labelled_only: bool = False,
) -> tuple[list[str], int | None]:
    """Names from the first byline in `window`: "By A and B", "Author: A", "Von A"."""
    for i in window:
        if i in body_indexes:
            continue
        text = texts[i].strip()
        m = AUTHOR_LABEL.match(text)
        if m is None and not labelled_only:
            m = BYLINE.match(text)
        if m is None:
            continue
        names = parse_names(m["rest"])
        if names:
            return names, i
    return [], None


def parse_names(rest: str) -> list[str]:
    """The person names at the start of a byline's remainder."""
    stop = BYLINE_STOP.search(" " + rest)
    head = rest if stop is None else (" " + rest)[: stop.start()].strip()
    if stop is not None and (" " + rest)[stop.start() :].lstrip().startswith((",", "and", "&")):
        head = rest  # "A, B and C": the comma separates names; cut later, per name
    names: list[str] = []
    for part in NAME_SPLIT.split(head):
        words = part.split()
        taken: list[str] = []
        for word in words:
            clean = word.strip(",;:()[]")
            if not NAME_WORD.match(clean) or clean.lower() in NOT_NAMES:
                break
            taken.append(clean)
        if 2 <= len(taken) <= 4 and taken[0][0].isupper():
            name = " ".join(taken)
            if name not in names:
                names.append(name)
        elif names or not taken:
            if not names:
                continue
            break
        if len(names) >= MAX_AUTHORS:
            break
    return names


def find_published(texts: Sequence[str], window: range, byline_at: int | None) -> str | None:
    """The article's date: on the byline, else the first date near the headline."""
    order = list(window)
    if byline_at is not None:
        order.remove(byline_at)
        order.insert(0, byline_at)
    cued = [i for i in order if DATE_CUE.search(texts[i])]
    for i in [*cued, *order]:
        text = texts[i]
        if len(text) > 400:
            continue
        dates = find_dates(text)
        if dates:
            return dates[0].iso
    return None


def find_caption(texts: Sequence[str], title_at: int | None, first_body: int) -> str | None:
    """A photo caption between the headline and the body (it carries a credit)."""
    lo = title_at + 1 if title_at is not None else max(0, first_body - 4)
    for i in range(lo, first_body):
        text = texts[i].strip()
        if len(text.split()) >= CAPTION_MIN_WORDS and CREDIT.search(text):
            return text
    return None


def tokens(text: str) -> set[str]:
    return {t.lower() for t in TOKEN.findall(text)}
