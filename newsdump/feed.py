"""Labelled blocks → the other stories on the page: feed entries, teasers, related cards. Pure.

Among the blocks that are neither article body nor its metadata, a *headline* is a short line
that reads like one (not a call to action, byline, date or menu crumb). A headline is a story
when the page shows it as one:
- with a time: a time line just before it ("5:56 PM", "2 hours ago") or just after it, or a
  time printed in front of it ("14:32 Airline signs deal");
- with a summary: the next block is one paragraph of prose (teasers, related cards, promos);
- in a list: another headline stands within a few blocks, with only list glue between them
  (numbers, section labels, bylines, dates, "Read more"): "Most popular", "Related", rivers.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from newsdump.dates import find_dates, is_time_line, resolve_time
from newsdump.document import Label, LabelledBlock
from newsdump.records import FeedItem
from newsdump.settings import Settings

TEMPLATE_MIN_REPEATS = 3  # a line with numbers whose shape recurs this often ("3 stars of 5")
EXACT_REPEATS = (
    4  # a line printed this often is a banner (a headline may be listed twice or thrice)
)
SAME_STORY_SHARE = 0.8  # words two titles share when they name the same story
SAME_STORY_MIN_WORDS = 5  # ... counted only for titles this long (short ones must be equal)
LIST_TITLE_MIN_WORDS = 5  # a headline with no summary and no time needs this many words
LIST_REACH = 3  # blocks to look for the next headline of a list
WHEN_MAX_CHARS = 48  # a date line longer than this says more than when
WHEN_MAX_WORDS = 8
GLUE_MAX_WORDS = 4
GLUE_DATE_MAX_CHARS = 60  # a short line with a date in it is list glue
KICKER_MAX_WORDS = 8
DEK_MIN_EXTRA_WORDS = 2  # words a dek has beyond its headline
DEK_MIN_EXTRA_WORDS_PUNCT = 8  # ... when the headline ends a sentence too
COUNT_LINE_MAX_WORDS = 5
META_MAX_CHARS = 80  # short blocks between listed headlines: numbers, section names
SUMMARY_MIN_WORDS = 8
SUMMARY_UNPUNCTUATED_MIN_WORDS = 15
TWO_SENTENCE_TITLE_MAX_WORDS = 16  # "Taxes rise. These maps show where." is still a headline
TERMINAL = (".", "!", "?", "…", '"', "”", "»", "'", "’", ")", "。", "！", "？")
WORD = re.compile(r"\w+")
DIGITS = re.compile(r"\d+")
COUNT_LINE = re.compile(r"^\d[\d,.]*\s+[a-z]")
CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|subscription|sign(?:ing)? (?:up|in)\b|log ?in\b|newsletter|e-?mail|cookie|"
    r"privacy|terms (?:of|and)|all rights reserved|copyright|advertis|download (?:our|the)|"
    r"follow us|join (?:us|our)|support (?:us|our|independent|local)|become a member|donat|"
    r"click here|read more|see more|show more|load more|view (?:all|more)|skip to|"
    r"share (?:this|on)|comments?\b|sponsored|paid (?:post|content)|javascript|browser|"
    r"trademark|reproduced|rules apply|signed in\b|your (?:location|weather|account)|"
    r"(?:photo(?:graph)?s?|images?) (?:by|courtesy)|enter (?:your|city|a)\b|continue reading|"
    r"(?:recent|more) (?:from|posts|stories)\b|regist(?:er|ration)\b|your account|"
    r"welcome to|visit us|tweets by|jump to|skip navigation|"
    r"suscr[ií]b|reg[ií]strate|registrarse|inicia sesi|comparte|anmelden|abonnier|registrier|"
    r"teilen\b|abonn|connexion|partager|inscri|assine|cadastr|zaloguj|subskryb|udostępnij|"
    r"share all|next up|see all|go to\b|more information|popular in\b|the latest from|"
    r"html|text format|quote of the day|submission guidelines|back to (?:home|top))|©",
)
SENTENCE_BREAK = re.compile(r"[a-zà-ÿ]{3,}[.!?]\s+[A-ZÀ-Þ]")
BYLINE_START = re.compile(r"^(?:by|von|par|por|door|author|autor)\b", re.IGNORECASE)
LEADING_TIME = re.compile(
    r"^(?P<time>[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?m\.?)?)\s+(?P<title>\S.+)$", re.I
)
NAV_GLYPHS = re.compile(r"[›‹»«→←▸▾]|\.\.\.$|…$|\[\s*(?:\.\.\.|…)\s*\]$")
LINK_SHAPE = re.compile(r"\b[\w-]+\.(?:com|org|net|co|io|es|de|fr|uk|info|gov|edu)\b|://|www\.")
LEADING_BULLET = re.compile(r"^[•·▪■*–-]\s+")
RELATIVE_START = re.compile(
    r"^(?:\d+\s*(?:sec|min|hour|hr|day|week|month)s?\.?\s+ago\b"
    r"|(?:hace|vor|il y a|há|ha)\s+(?:\d+|una?|einer?|uma?)\s+\w+"
    r"|\d+\s+\w+\s+(?:fa|temu|geleden)\b)",
    re.IGNORECASE,
)
TRAILING_COUNT = re.compile(r"\s+\d+\s+(?:comments?|replies|shares)$", re.IGNORECASE)
TRAILING_AGO = re.compile(
    r"\s+~?(?P<time>\d+\s*(?:sec|min|hour|hr|day|week|month)s?\.?\s+ago)$", re.IGNORECASE
)
WIDE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def find_feed(
    labelled: Sequence[LabelledBlock],
    used: frozenset[int],
    page_published: str | None,
    settings: Settings,
    page_title: str | None = None,
) -> list[FeedItem]:
    """The other stories, in page order."""
    texts = [lb.block.text.strip() for lb in labelled]
    free = [lb.label is not Label.ARTICLE and lb.block.index not in used for lb in labelled]
    shapes = Counter(DIGITS.sub("0", t.lower()) for t in texts)
    repeats = Counter(texts)
    own = WORD.findall(page_title.lower()) if page_title else []
    titles = [
        free[i]
        and not is_template(t, shapes, repeats)
        and is_title(clean_title(t)[1], settings)
        and not same_story(WORD.findall(t.lower()), own)
        for i, t in enumerate(texts)
    ]
    n = len(texts)

    whens: dict[int, bool] = {}

    def when(k: int) -> bool:  # block k is free and prints a time or a date
        if not (0 <= k < n and free[k]):
            return False
        if k not in whens:
            whens[k] = is_when(texts[k])
        return whens[k]

    items: list[FeedItem] = []
    i = 0
    while i < n:
        if not free[i]:
            i += 1
            continue
        time = None
        j = i
        if i + 1 < n and titles[i + 1] and when(i):
            time, j = texts[i], i + 1
        if not titles[j]:
            i += 1
            continue
        prefix_time, title = clean_title(texts[j])
        time = time or prefix_time
        end = j
        if time is None and when(end + 1) and not (end + 2 < n and titles[end + 2]):
            time, end = texts[end + 1], end + 1  # a time after the headline, not before the next
        summary = None
        k = end + 1
        if k + 1 < n and free[k] and is_meta(texts[k]):
            k += 1  # "3 diggs example.org Food", "By Ann Lee" between headline and summary
        if (
            k < n
            and free[k]
            and is_summary(texts[k], settings)
            and (not titles[k] or is_dek(texts[k], title))
        ):
            summary, end = texts[k], k
            if time is None and when(end + 1) and not (end + 2 < n and titles[end + 2]):
                time, end = texts[end + 1], end + 1
        if summary is None and time is None and not in_list(texts, free, titles, j):
            i += 1
            continue
        items.append(
            FeedItem(
                title=title,
                summary=summary,
                time=time,
                published=resolve_time(time, page_published) if time else None,
                key=story_key(title),
                lines=(labelled[i].block.lines[0], labelled[end].block.lines[1]),
            )
        )
        i = end + 1
    return items


def is_when(text: str) -> bool:
    """A line that only prints when: "5:56 PM", "2 hours ago", "November 18, 2019 at 2:01 pm"."""
    if is_time_line(text):
        return True
    if len(text) > WHEN_MAX_CHARS or DIGITS.search(text) is None:
        return False
    return word_count(text) <= WHEN_MAX_WORDS and bool(find_dates(text))


def is_template(text: str, shapes: Counter[str], repeats: Counter[str]) -> bool:
    """A line the page prints over and over: "Rated 3 of 5 stars", a section banner."""
    if repeats[text] >= EXACT_REPEATS:
        return True
    return DIGITS.search(text) is not None and shapes[DIGITS.sub("0", text.lower())] >= (
        TEMPLATE_MIN_REPEATS
    )


def same_story(words: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two titles name the same story: most words shared (the page's own headline
    shown again in a breadcrumb or a share bar is not another story)."""
    if not words or not other:
        return False
    a, b = set(words), set(other)
    shorter = min(len(a), len(b))
    if shorter < SAME_STORY_MIN_WORDS:
        return a == b
    return len(a & b) >= SAME_STORY_SHARE * shorter  # "Headline - Site" is still Headline


def clean_title(text: str) -> tuple[str | None, str]:
    """A time printed in front of a headline, and the headline without it or a comment count."""
    text = LEADING_BULLET.sub("", TRAILING_COUNT.sub("", text))
    m = LEADING_TIME.match(text)
    if m is not None:
        return m["time"], m["title"]
    m = TRAILING_AGO.search(text)
    if m is not None:
        return m["time"], text[: m.start()]
    return None, text


def word_count(text: str) -> int:
    wide = len(WIDE.findall(text))
    return len(text.split()) if not wide else len(WIDE.sub(" ", text).split()) + wide // 2


def is_title(text: str, settings: Settings) -> bool:
    """A headline: a few words, at most one sentence break, not a call to action or byline."""
    n = word_count(text)
    if not settings.feed_title_min_words <= n <= settings.feed_title_max_words:
        return False
    if text.endswith((":", ",", ";")) or " | " in text or text[0].islower():
        return False  # a label, a menu trail or a sentence fragment
    if NAV_GLYPHS.search(text) or RELATIVE_START.match(text) or LINK_SHAPE.search(text):
        return False
    if text[0] in "([{":
        return False  # "(L-R) Ann Lee, …": a caption
    if COUNT_LINE.match(text) and n <= COUNT_LINE_MAX_WORDS and not WIDE.search(text):
        return False  # "3 diggs Science Video", "12 comments": counts, not headlines
    breaks = len(SENTENCE_BREAK.findall(text))
    if breaks > 1 or (breaks == 1 and n > TWO_SENTENCE_TITLE_MAX_WORDS):
        return False
    if is_call_to_action(text) or BYLINE_START.match(text) or is_time_line(text):
        return False
    if WIDE.search(text):
        return True
    letters = sum(map(str.isalpha, text))
    return letters >= 0.6 * len(text.replace(" ", "")) and not text.isupper()


def is_call_to_action(text: str) -> bool:
    """Subscribe, share, sign in, read more, … (the pattern is lower-case: no IGNORECASE)."""
    return CALL_TO_ACTION.search(text.lower()) is not None


def is_summary(text: str, settings: Settings) -> bool:
    """A teaser's summary: one paragraph of prose."""
    n = word_count(text)
    if n > settings.feed_summary_max_words or is_call_to_action(text):
        return False
    return n >= SUMMARY_UNPUNCTUATED_MIN_WORDS or (
        n >= SUMMARY_MIN_WORDS and text.endswith(TERMINAL)
    )


def is_dek(text: str, title: str) -> bool:
    """A sentence under a headline that could pass for one itself: it ends with a full stop
    and is clearly longer (much longer when the headline ends with a full stop too)."""
    stop = text.rstrip("\"'”’»").endswith(".")
    longer = DEK_MIN_EXTRA_WORDS if not title.endswith(TERMINAL) else DEK_MIN_EXTRA_WORDS_PUNCT
    return stop and word_count(text) > word_count(title) + longer


def is_meta(text: str) -> bool:
    """A line about a story rather than of it: a byline, a source, counts and tags."""
    if len(text) >= META_MAX_CHARS:
        return False
    return bool(BYLINE_START.match(text) or LINK_SHAPE.search(text) or COUNT_LINE.match(text))


def is_glue(text: str) -> bool:
    """What stands between the headlines of a list: numbers, labels, bylines, dates."""
    if word_count(text) <= GLUE_MAX_WORDS or BYLINE_START.match(text) or is_time_line(text):
        return True
    if RELATIVE_START.match(text) or LINK_SHAPE.search(text) or COUNT_LINE.match(text):
        return True  # "2 hours ago on iOS Blog", "1 digg example.org Science"
    if text.isupper() and word_count(text) <= KICKER_MAX_WORDS:
        return True  # a kicker above a headline: "IT'S NOT EASY EATING GREEN"
    return (
        len(text) < GLUE_DATE_MAX_CHARS
        and DIGITS.search(text) is not None
        and bool(find_dates(text))
    )


def listable(text: str, min_words: int) -> bool:
    """A headline as lists show them: long enough, and no full stop at its end."""
    return word_count(text) >= min_words and not text.endswith(".")


def in_list(texts: Sequence[str], free: Sequence[bool], titles: Sequence[bool], j: int) -> bool:
    """A long headline with another one a few blocks away, only list glue between them."""
    if not listable(texts[j], LIST_TITLE_MIN_WORDS):
        return False
    for step in (-1, 1):
        k = j + step
        while 0 <= k < len(texts) and abs(k - j) <= LIST_REACH and free[k]:
            if titles[k] and listable(texts[k], LIST_TITLE_MIN_WORDS - 1):
                return True
            if not is_glue(texts[k]):
                break
            k += step
    return False


def story_key(title: str) -> str:
    """A fingerprint of the normalised title: equal for the same story on different pages."""
    norm = " ".join(WORD.findall(title.lower()))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]
