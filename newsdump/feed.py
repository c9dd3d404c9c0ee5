"""Labelled blocks → the other stories on the page: feed entries, teasers, related cards. Pure.

Three shapes are recognised among the blocks that are neither article body nor its metadata:
- a time line ("5:56 PM", "2 hours ago") then a headline, with or without a summary;
- a headline followed by a one-paragraph summary (teasers, related cards, promos);
- runs of two or more headlines in a row ("Most popular", "Related" lists).
A headline is a short line that is not a call to action, byline, date or menu crumb.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from newsdump.dates import is_time_line, resolve_time
from newsdump.document import Label, LabelledBlock
from newsdump.records import FeedItem
from newsdump.settings import Settings

LIST_TITLE_MIN_WORDS = 5  # a headline with no summary and no time needs this many words
SUMMARY_MIN_WORDS = 8
SUMMARY_UNPUNCTUATED_MIN_WORDS = 15
TERMINAL = (".", "!", "?", "…", '"', "”", "»", "'", "’", ")", "。", "！", "？")
WORD = re.compile(r"\w+")
CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|subscription|sign(?:ing)? (?:up|in)|log ?in|newsletter|e-?mail|cookie|"
    r"privacy|terms (?:of|and)|all rights reserved|copyright|advertis|download (?:our|the)|"
    r"follow us|join (?:us|our)|support (?:us|our|independent)|donat|click here|read more|"
    r"see more|show more|load more|view (?:all|more)|skip to|share (?:this|on)|comments?\b|"
    r"sponsored|paid (?:post|content)|javascript|browser)",
    re.IGNORECASE,
)
BYLINE_START = re.compile(r"^(?:by|von|par|por|door|author|autor)\b", re.IGNORECASE)
WIDE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def find_feed(
    labelled: Sequence[LabelledBlock],
    used: frozenset[int],
    page_published: str | None,
    settings: Settings,
) -> list[FeedItem]:
    """The other stories, in page order."""
    texts = [lb.block.text.strip() for lb in labelled]
    free = [lb.label is not Label.ARTICLE and lb.block.index not in used for lb in labelled]
    n = len(texts)
    items: list[FeedItem] = []
    i = 0
    while i < n:
        if not free[i]:
            i += 1
            continue
        time = None
        j = i
        if (
            is_time_line(texts[i])
            and i + 1 < n
            and free[i + 1]
            and is_title(texts[i + 1], settings)
        ):
            time, j = texts[i], i + 1
        if not is_title(texts[j], settings):
            i += 1
            continue
        end = j
        summary = None
        if j + 1 < n and free[j + 1] and is_summary(texts[j + 1], settings):
            summary, end = texts[j + 1], j + 1
        if time is None and end + 1 < n and free[end + 1] and is_time_line(texts[end + 1]):
            time, end = texts[end + 1], end + 1
        if summary is None and time is None and not _in_headline_run(texts, free, j, settings):
            i += 1
            continue
        first = labelled[i].block.lines[0]
        items.append(
            FeedItem(
                title=texts[j],
                summary=summary,
                time=time,
                published=resolve_time(time, page_published) if time else None,
                key=story_key(texts[j]),
                lines=(first, labelled[end].block.lines[1]),
            )
        )
        i = end + 1
    return items


def word_count(text: str) -> int:
    wide = len(WIDE.findall(text))
    return len(text.split()) if not wide else len(WIDE.sub(" ", text).split()) + wide // 2


def is_title(text: str, settings: Settings) -> bool:
    """A headline: a few words, no sentence break inside, not a call to action or byline."""
    n = word_count(text)
    if not settings.feed_title_min_words <= n <= settings.feed_title_max_words:
        return False
    if text.endswith((":", ",", ";")) or ". " in text.rstrip(". ") or " | " in text:
        return False
    if CALL_TO_ACTION.search(text) or BYLINE_START.match(text) or is_time_line(text):
        return False
    letters = sum(ch.isalpha() for ch in text)
    return (letters >= 0.6 * len(text.replace(" ", "")) and any(ch.islower() for ch in text)) or (
        WIDE.search(text) is not None
    )


def is_summary(text: str, settings: Settings) -> bool:
    """A teaser's summary: one paragraph of prose."""
    n = word_count(text)
    if n > settings.feed_summary_max_words or CALL_TO_ACTION.search(text):
        return False
    return n >= SUMMARY_UNPUNCTUATED_MIN_WORDS or (
        n >= SUMMARY_MIN_WORDS and text.endswith(TERMINAL)
    )


def _in_headline_run(
    texts: Sequence[str], free: Sequence[bool], j: int, settings: Settings
) -> bool:
    """A long headline next to another one: a list of stories, not a menu."""
    if word_count(texts[j]) < LIST_TITLE_MIN_WORDS:
        return False
    for k in (j - 1, j + 1):
        if (
            0 <= k < len(texts)
            and free[k]
            and is_title(texts[k], settings)
            and word_count(texts[k]) >= LIST_TITLE_MIN_WORDS - 1
        ):
            return True
    return False


def story_key(title: str) -> str:
    """A fingerprint of the normalised title: equal for the same story on different pages."""
    norm = " ".join(WORD.findall(title.lower()))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]
