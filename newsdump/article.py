"""Labelled blocks → the article: headline, authors, date, caption and body. Pure.

The body is the blocks the classifier labelled ARTICLE. The metadata sits around its start.
First the byline: the nearest block above the body (or just inside it, or an "Author:" box
just after it) that reads "By A and B", "Author: A", "A - Nov 19, 2019" or "A @handle".
Then the headline: the most headline-like block above the byline (or the body), scored on its
shape, on the words it shares with the body and with the page <title> (first line of a
scraper dump), and on its distance. Then the date: on the byline, else next to the byline or
the headline, else in the URL.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsdump.dates import MONTHS, FoundDate, find_dates, find_yearless, url_date
from newsdump.document import Label, LabelledBlock
from newsdump.records import Article

TITLE_WINDOW = 30  # blocks above the byline (or the body) searched for the headline
BYLINE_WINDOW = 40  # blocks above the body searched for the byline
BYLINE_INSIDE = 3  # blocks after the body start that may still hold the byline
AUTHOR_BOX_WINDOW = 6  # blocks after the body end searched for "Author: X"
DATE_WINDOW = 4  # blocks around the byline or headline searched for the date
TITLE_SHAPE = 2.0  # weight of the headline shape in the headline score
TITLE_SHARE = 0.5  # ... of the share of its words found in the body
TITLE_PAGE = 2.0  # ... of the share of its words found in the page <title>
TITLE_DISTANCE = 0.02  # ... cost per block between it and the byline (or the body)
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40
MAX_AUTHORS = 6
MAX_NAME_WORDS = 5
CAPTION_MIN_WORDS = 8
CAPTION_IN_BODY = 2  # first body blocks that may be a photo caption
BODY_SAMPLE_BLOCKS = 6  # body blocks whose words a headline should share
TITLE_IN_BODY = 2  # first body blocks that may be the headline after all
IN_BODY_HEADLINE = 1.3  # ... when their headline shape scores this much
MAX_META_CHARS = 300  # longer blocks are prose, not bylines or date lines
MAX_SHORT_BYLINE = 100  # "Name - date" bylines are short
BARE_NAME_WINDOW = 12  # blocks above the body where a line holding only a name is a byline
BARE_NAME_MAX_WORDS = 8  # ... a name with a job title or an agency after it

TOKEN = re.compile(r"\w+")
WIDE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
BYLINE = re.compile(
    r"^\s*(?:(?:written|posted|reported|words|story)\s+)?"
    r"(?:by|von|par|por|di|door|av|af|przez)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
BY_INSIDE = re.compile(r"\s(?:by|von|par|por)\s+(?P<rest>\w.+)$", re.IGNORECASE)
BY_ALONE = re.compile(r"^\s*(?:by|von|par|por|door|di)\s*:?\s*$", re.IGNORECASE)
AUTHOR_LABEL = re.compile(
    r"^\s*(?:authors?|autor(?:in|ka|zy)?|auteur|writer|reporter|text|texte|текст|автор)"
    r"\s*[:：]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "Chris Davies - Nov 19, 2019", "Ann Lee @annlee", "Ann Lee | June 3, 2019"
NAME_THEN_META = re.compile(
    r"^(?P<rest>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}?)\s*(?:[-–—|·•,/]\s*)?"
    r"(?P<meta>[@\d]|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d)",
    re.IGNORECASE,
)
WORD_BEFORE_DATE = re.compile(r"[^\W\d_]{3,}(?<!day)\b", re.IGNORECASE)  # weekday names may precede
NAME_SPLIT = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b|\boraz\b|\bи\b|\|)\s*"
)
BYLINE_STOP = re.compile(
    r"\s(?:[-–—|·•/@]|(?:updated|published|posted|on|at|in|for|mins?|read|via|view)\b|\d)"
    r"|\s*\||\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
PARTICLES = frozenset("van von de der den da di del la le bin al el ibn du dos das".split())
NOT_NAMES = frozenset(
    "the a an staff reporter reporters correspondent editor editors news agency writer "
    "contributor columnist email follow twitter updated published posted read more share "
    "comments comment min minute minutes monday tuesday wednesday thursday friday saturday "
    "sunday today yesterday home menu search subscribe login sign associated press wire "
    "services bureau view all articles".split()
)
AGENCIES = frozenset("reuters afp ap dpa ansa efe xinhua bloomberg admin".split())
CREDIT = re.compile(
    r"\((?:photo|image|picture|foto)|(?:photo|image|foto|picture|credit)s?\s*(?:credit)?\s*:|"
    r"getty images|/afp|/reuters|/ap\b|shutterstock|associated press\)",
    re.IGNORECASE,
)
NOT_HEADLINE = re.compile(
    r"^(?:updated|published|posted|share|advertisement|sponsored|related|read more|"
    r"sign up|subscribe|follow|skip to|copy link|click to|you are here)\b"
    r"|\b(?:opens in new window|all rights reserved)\b",
    re.IGNORECASE,
)
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
DATE_CUE = re.compile(
    r"published|posted|veröffentlicht|publié|publicado|opublikowano|pubblicato", re.IGNORECASE
)
UPDATE_CUE = re.compile(r"updated|aktualisiert|mis à jour|actualizado|zaktualizowano", re.I)


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """The article, and which blocks its metadata came from (so `split` skips them)."""

    article: Article
    used: frozenset[int]


def build_article(
    labelled: Sequence[LabelledBlock], url: str | None = None, lang: str | None = None
) -> ArticleParts:
    texts = [lb.block.text.strip() for lb in labelled]
    body = [lb.block.index for lb in labelled if lb.label is Label.ARTICLE]
    first = body[0] if body else len(texts)
    last = body[-1] if body else len(texts)
    used: set[int] = set(body)

    byline = find_byline(texts, first, last, used)
    authors: list[str] = []
    if byline is not None:
        authors = byline[0]
        used.update(byline[1])
    anchor = min(byline[1]) if byline is not None and min(byline[1]) < first else first

    sample = body[TITLE_IN_BODY : TITLE_IN_BODY + BODY_SAMPLE_BLOCKS] or body
    body_words = tokens(" ".join(texts[i] for i in sample))
    skip = frozenset(byline[1]) if byline is not None else frozenset()
    title_at = (
        find_title(texts, anchor, first, body_words, body[:TITLE_IN_BODY], skip) if body else None
    )
    title = None
    if title_at is not None:
        title = texts[title_at]
        used.add(title_at)
    elif texts and body and headline_score(page_title(texts[0]) or "") > 0:
        title = page_title(texts[0])  # the <title> line of a scraper dump

    published = find_published(texts, byline[1] if byline else (), title_at, first) or url_date(url)
    caption_at = find_caption(texts, title_at, first, body[:CAPTION_IN_BODY])
    caption = texts[caption_at] if caption_at is not None else None
    meta = {title_at, caption_at, *(byline[1] if byline else ())}
    text = "\n\n".join(texts[i] for i in body if i not in meta)
    article = Article(
        title=title,
        authors=tuple(authors),
        published=published,
        lang=lang,
        text=text,
        caption=caption,
    )
    return ArticleParts(article, frozenset(used))


def find_byline(
    texts: Sequence[str], first: int, last: int, body: set[int]
) -> tuple[list[str], tuple[int, ...]] | None:
    """The names of the byline nearest the body start, and the blocks it spans."""
    above = range(first - 1, max(-1, first - 1 - BYLINE_WINDOW), -1)
    inside = range(first, min(len(texts), first + BYLINE_INSIDE))
    for i in [*above, *inside]:
        found = byline_at(texts, i, strict=i in body)
        if found is not None:
            return found
    for i in range(last + 1, min(len(texts), last + 1 + AUTHOR_BOX_WINDOW)):
        m = AUTHOR_LABEL.match(texts[i])
        if m is not None and (names := parse_names(m["rest"])):
            return names, (i,)
    return bare_name_near(texts, first)


def byline_at(
    texts: Sequence[str], i: int, strict: bool = False
) -> tuple[list[str], tuple[int, ...]] | None:
    """Names if block `i` is a byline ("By A", "Author: A", "By" + "A", "A - date")."""
    text = texts[i]
    if len(text) > MAX_META_CHARS or CREDIT.search(text):
        return None
    m = AUTHOR_LABEL.match(text) or BYLINE.match(text)
    if m is not None:
        names = parse_names(m["rest"], allow_single=True)
        return (names, (i,)) if names else None
    if strict and len(text) > MAX_SHORT_BYLINE:
        return None
    if BY_ALONE.match(text) and i + 1 < len(texts):
        names = parse_names(texts[i + 1], allow_single=True)
        return (names, (i, i + 1)) if names else None
    m = NAME_THEN_META.match(text) if len(text) <= MAX_SHORT_BYLINE else None
    if m is not None and (m["meta"] == "@" or starts_with_date(text[m.start("meta") :])):
        names = parse_names(m["rest"], allow_single=m["rest"].lower() in AGENCIES)
        return (names, (i,)) if names else None
    m = BY_INSIDE.search(text)
    if m is not None and find_dates(text):
        names = parse_names(m["rest"], allow_single=True)
        return (names, (i,)) if names else None
    return None


def starts_with_date(text: str) -> bool:
    """Whether `text` begins with a date ("Nov 19, 2019 …", "Monday, 11/18/19 …")."""
    dates = find_dates(text)
    return bool(dates) and not WORD_BEFORE_DATE.search(text[: dates[0].start])


def bare_name_near(texts: Sequence[str], first: int) -> tuple[list[str], tuple[int, ...]] | None:
    """A short line that starts with a name ("Anna Menin", "Tom Davies Associated Press",
    "Ann Lee, Staff Writer", "REUTERS"), next to a date line, just above the body."""
    for i in range(first - 1, max(-1, first - 1 - BARE_NAME_WINDOW), -1):
        text = texts[i]
        words = text.split()
        if not 1 <= len(words) <= BARE_NAME_MAX_WORDS or find_dates(text) or "@" in text:
            continue
        if len(words) == 1 and words[0].lower().strip(",") not in AGENCIES:
            continue
        names = parse_names(text, allow_single=len(words) == 1)
        if not names or (
            len(words) > 1
            and " ".join(words[:2]).strip(",") != " ".join(names[0].split()[:2])
            and not text.isupper()
        ):
            continue
        near = range(max(0, i - 2), min(len(texts), i + 3))
        if any(j != i and len(texts[j]) < MAX_META_CHARS and find_dates(texts[j]) for j in near):
            return names, (i,)
    return None


def parse_names(rest: str, allow_single: bool = False) -> list[str]:
    """The person names at the start of a byline's remainder: "A and B, Reuters" → [A, B];
    "A, AP Auto Writer" → [A] (a part holding a job title is not a name)."""
    stop = BYLINE_STOP.search(" " + rest)
    head = rest if stop is None else (" " + rest)[: stop.start()].strip()
    names: list[str] = []
    for index, part in enumerate(NAME_SPLIT.split(head)):
        taken: list[str] = []
        titled = False
        for word in part.split():
            clean = word.strip(",;:()[]")
            lower = clean.lower().rstrip(".")
            if lower in NOT_NAMES or lower in MONTHS:
                titled = True
                break
            if not is_name_word(clean, allow_lower=allow_single and not taken):
                break
            taken.append(clean)
        if titled and index > 0:
            break  # "…, AP Auto Writer": a job title, the names are over
        single = allow_single and not names and len(taken) == 1 and len(taken[0]) > 1
        if not (2 <= len(taken) <= MAX_NAME_WORDS or single):
            break  # "Staff", "Cleveland.com": the names are over
        name = " ".join(
            w.title() if (w.isupper() and len(w) > 3) or w.islower() else w for w in taken
        )
        if name not in names:
            names.append(name)
        if len(names) >= MAX_AUTHORS:
            break
    return names


def is_name_word(word: str, allow_lower: bool = False) -> bool:
    if not word:
        return False
    if word.lower() in PARTICLES:
        return True
    core = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return (word[0].isupper() or allow_lower) and core.isalpha() and not WIDE.search(word)


def find_title(
    texts: Sequence[str],
    anchor: int,
    first: int,
    body_words: set[str],
    body_start: Sequence[int] = (),
    skip: frozenset[int] = frozenset(),
) -> int | None:
    """Index of the headline: the best headline-like block above `anchor`, or one of the
    first body blocks when it is clearly a headline (the classifier may take it in)."""
    page = tokens(page_title(texts[0]) or "") if texts else set()
    best: tuple[float, int] | None = None
    above = range(first - 1, max(-1, anchor - 1 - TITLE_WINDOW), -1)
    inside = [i for i in body_start if i >= first]
    for i in [*inside, *above]:
        if i in skip:
            continue
        shape = headline_score(texts[i])
        if shape <= 0 or (i >= first and shape < IN_BODY_HEADLINE):
            continue
        words = tokens(texts[i])
        share = len(words & body_words) / max(1, len(words))
        score = TITLE_SHAPE * shape + TITLE_SHARE * share
        score -= TITLE_DISTANCE * abs(min(anchor, first) - i)
        if page and i > 0:
            score += TITLE_PAGE * len(words & page) / max(1, len(words))
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


def headline_score(text: str) -> float:
    """How much a line looks like a headline (0: not at all)."""
    n = len(text.split())
    wide = len(WIDE.findall(text))
    if wide >= 6:
        n = max(n, wide // 2)
    if not TITLE_MIN_WORDS <= n <= TITLE_MAX_WORDS or len(text) > MAX_META_CHARS:
        return 0.0
    if BYLINE.match(text) or AUTHOR_LABEL.match(text) or CREDIT.search(text):
        return 0.0
    if NOT_HEADLINE.search(text) or (find_dates(text) and n < 12):
        return 0.0
    letters = sum(ch.isalpha() for ch in text)
    if letters < 0.6 * len(text.replace(" ", "")):
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


def find_published(
    texts: Sequence[str], byline: Sequence[int], title_at: int | None, first: int
) -> str | None:
    """The article's date: on the byline, else near the byline or headline, else above the
    body. A "Published" date wins over an "Updated" one."""
    order: list[int] = list(byline)
    for center in [*byline, *([title_at] if title_at is not None else [])]:
        for d in range(1, DATE_WINDOW + 1):
            order.extend((center + d, center - d))
    order.extend(range(first - 1, max(-1, first - 1 - BYLINE_WINDOW), -1))
    lines = [i for i in dict.fromkeys(order) if 0 <= i < len(texts)]
    lines = [i for i in lines if len(texts[i]) <= MAX_META_CHARS]
    for i in lines:
        dates = find_dates(texts[i])
        if dates:
            return published_of(texts[i], dates)
    years = Counter(int(d.iso[:4]) for i in lines for d in find_dates(texts[i]))
    if not years:  # no full date near the article: the years printed anywhere on the page
        years = Counter(int(d.iso[:4]) for d in find_dates("\n".join(texts)))
    if not years:
        return None
    year = years.most_common(1)[0][0]  # a byline printing no year: the page's usual year
    for i in lines:
        dates = find_yearless(texts[i], year)
        if dates:
            return published_of(texts[i], dates)
    return None


def published_of(text: str, dates: Sequence[FoundDate]) -> str:
    """The first date of a line, or the one after "Published" when it also says "Updated"."""
    cue = DATE_CUE.search(text)
    if cue is not None and len(dates) > 1 and UPDATE_CUE.search(text):
        after = [d for d in dates if d.start >= cue.start()]
        return (after or dates)[0].iso
    return dates[0].iso


def find_caption(
    texts: Sequence[str], title_at: int | None, first_body: int, body_start: Sequence[int] = ()
) -> int | None:
    """A photo caption (it carries a credit) between the headline and the body, or at the
    very start of the body."""
    lo = title_at + 1 if title_at is not None else max(0, first_body - 4)
    candidates: list[int] = [*range(lo, first_body), *body_start]
    for i in candidates:
        text = texts[i]
        if len(text.split()) >= CAPTION_MIN_WORDS and CREDIT.search(text):
            return i
    return None


def tokens(text: str) -> set[str]:
    """Lower-cased words; for CJK text, character pairs."""
    words = {t.lower() for t in TOKEN.findall(text)}
    if WIDE.search(text):
        chars = WIDE.findall(text)
        words.update(a + b for a, b in itertools.pairwise(chars))
    return words
