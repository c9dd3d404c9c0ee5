"""One page in, its article and its other stories out. Reads like jusText's `justext()`:
segment → classify → article → feed → records. Pure: no I/O, no clock, no global state.

    >>> from newsdump import extract
    >>> extract(open("page.txt").read()).title  # doctest: +SKIP
"""

from __future__ import annotations

import builtins
import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdump.article import build_article
from newsdump.classify import blocks_language, classify
from newsdump.document import Document, Format, Label
from newsdump.headline import load_ranker
from newsdump.lang import detect_language
from newsdump.records import (
    Article,
    ErrorRecord,
    PageInfo,
    Story,
    count_words,
    story_lines,
    to_json_line,
    to_json_lines,
)
from newsdump.revise import revise
from newsdump.segment import segment
from newsdump.settings import Settings
from newsdump.sources.detect import text_looks_like_html
from newsdump.sources.htmltext import page_url

DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class Page:
    """Everything found on one page: the article and every story in page order."""

    article: Article
    stories: tuple[Story, ...]
    text: str = ""  # the dump the stories were cut from (`split`; empty for `extract`)

    @property
    def text_words(self) -> int:
        """Words on the whole page (`split`; 0 for `extract`): counted when asked, as only
        `stats` reads them (~90 K instructions a page that a `split` run would throw away)."""
        return count_words(self.text) if self.text else 0


def analyse(
    text: str, url: str | None = None, settings: Settings = DEFAULT_SETTINGS, stories: bool = True
) -> Page:
    """The page's article and (unless `stories` is false) its other stories, from a dump."""
    blocks = segment(text)
    language = blocks_language(blocks)  # once: classify and feed read the page's language too
    labelled = revise(classify(blocks, settings, language))
    ranker = load_ranker(Path(settings.headline_model)) if settings.headline_model else None
    parts = build_article(labelled, url=url, lang=language.code, ranker=ranker)
    if not stories:  # `extract`: the article alone
        return Page(parts.article, (Story("article", article=parts.article),))
    from newsdump.feed import (  # here: `extract` never loads the feed
        article_ends,
        feed_stories,
        find_feed,
        page_stories,
    )

    feed = find_feed(
        labelled, parts.used, parts.article.published, settings, parts.article.title, language
    )
    found: list[Story] = []
    ends = article_ends(labelled, Label.ARTICLE)  # (the body's first and last block: from each
    if ends is not None:  # end, not every block; in one compiled call)
        span = (labelled[ends[0]].block.lines[0], labelled[ends[1]].block.lines[1])
        if not settings.boilerplate:  # (the stories made in order: no sort, in one call)
            ordered = page_stories(feed, parts.article, span)
            if ordered is not None:
                return Page(parts.article, ordered, text)
        found.append(Story("article", article=parts.article, lines=span))
    found.extend(feed_stories(feed))  # (Story("feed", feed=item, lines=item.lines) each)
    if settings.boilerplate:
        covered = set(parts.used)
        starts = [lb.block.lines[0] for lb in labelled]  # in page order: ascending
        for item in feed:  # the blocks that start inside the item (bisected: linear, not n × items)
            first, last = bisect_left(starts, item.lines[0]), bisect_right(starts, item.lines[1])
            covered.update(lb.block.index for lb in labelled[first:last])
        found.extend(
            Story("boilerplate", text=lb.block.text, lines=lb.block.lines)
            for lb in labelled
            if lb.block.index not in covered
        )
    found.sort(key=lambda s: (s.lines[0], s.kind != "article"))
    if ends is None:
        found.insert(0, Story("article", article=parts.article))
    return Page(parts.article, tuple(found), text)


def analyse_html(
    html: str, url: str | None = None, settings: Settings = DEFAULT_SETTINGS, stories: bool = True
) -> Page:
    """An HTML page: the article via trafilatura, the other stories from the page's text."""
    from newsdump.sources.htmltext import html_to_text

    article = html_article(html, url)
    if article is not None and not stories:
        return Page(article, (Story("article", article=article),))
    page = analyse(html_to_text(html), url=url, settings=settings, stories=stories)
    article = article or page.article
    kept = tuple(
        Story("article", article=article, lines=s.lines) if s.kind == "article" else s
        for s in page.stories
        if not (s.kind == "feed" and s.feed is not None and s.feed.title in article.text)
    )
    return Page(article, kept, page.text)


def html_article(html: str, url: str | None) -> Article | None:
    """trafilatura's reading of an HTML page, or None when it finds no article."""
    import trafilatura

    result: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if result is None:
        return None

    def get(key: str) -> Any:
        return result.get(key) if isinstance(result, dict) else getattr(result, key, None)

    text = get("text") or ""
    title = get("title")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]  # the headline is metadata, not body
    authors = tuple(a.strip() for a in (get("author") or "").split(";") if a.strip())
    body = "\n\n".join(paragraphs)
    return Article(
        title=title,
        authors=authors,
        published=get("date"),
        lang=get("language") or detect_language(body).code,
        text=body,
    )


def extract(
    text: str, url: str | None = None, format: str = "auto", settings: Settings = DEFAULT_SETTINGS
) -> Article:
    """The main article of one page (a text dump or HTML)."""
    return analyse_any(text, url, format, settings, stories=False).article


def split(
    text: str, url: str | None = None, format: str = "auto", settings: Settings = DEFAULT_SETTINGS
) -> list[Story]:
    """Every story of one page, in page order: the article first where it stands."""
    return list(analyse_any(text, url, format, settings).stories)


def analyse_any(
    text: str, url: str | None, format: str, settings: Settings, stories: bool = True
) -> Page:
    is_html = format == "html" or (format == "auto" and text_looks_like_html(text))
    if is_html:
        return analyse_html(text, url, settings, stories)
    return analyse(text, url, settings, stories)


@dataclass(slots=True)
class DocResult:
    """What one document produced: its records (or an error) and what `stats` counts."""

    source: str
    records: list[dict[str, Any]] = field(default_factory=list)
    error: ErrorRecord | None = None
    bytes: int = 0
    page_words: int = 0
    lines: builtins.bytes | None = None  # the records as JSON lines, from a worker (runner)
    count: int = 0  # how many records `lines` holds

    def written(self) -> DocResult:
        """The same result with its records as JSON lines (`to_json_line` each, joined): what a
        worker process sends back, smaller and cheaper to pass than the dicts."""
        if self.lines is not None:
            return self
        lines = to_json_lines(self.records)
        return DocResult(
            self.source, [], self.error, self.bytes, self.page_words, lines, len(self.records)
        )


def document_id(doc: Document) -> str:
    if doc.id:
        return doc.id
    return _text_id(doc.data if doc.data is not None else doc.text.encode("utf-8", "replace"))


def _text_id(data: bytes) -> str:
    """The id of a document without one: its text's SHA-1 (UTF-8), 16 hex digits."""
    return hashlib.sha1(data).hexdigest()[:16]


def process_document(
    doc: Document,
    settings: Settings,
    mode: str,
    debug: bool = False,
    count_bytes: bool = True,
    lines: bool = False,
) -> DocResult:
    """Records of one document for `extract` or `split`; any failure becomes an error record
    (with `debug`, it is raised instead). Without `count_bytes` (a run that writes the records
    and counts no bytes) the result's `bytes` is 0, and a page with an id is not encoded. With
    `lines`, the result is `written()`: its records as JSON lines (encoded at once, no result
    with the dicts made first)."""
    size, doc_id = 0, doc.id
    if count_bytes or not doc_id:
        data = doc.data  # the text's UTF-8, when the reader had it
        if data is None:
            data = doc.text.encode("utf-8", "replace")  # once, for the size and the id
        size, doc_id = len(data) if count_bytes else 0, doc_id or _text_id(data)
        del data
    url = doc.url
    try:
        fmt = "html" if doc.format is Format.HTML else "text"
        if url is None and doc.format is Format.HTML:
            url = page_url(doc.text)  # HTML inside a JSONL field or a stream names itself too
        page = analyse_any(doc.text, url, fmt, settings, stories=mode != "extract")
    except Exception as exc:
        if debug:
            raise
        failed = _failed(doc, size, exc)
        return failed.written() if lines else failed
    info = PageInfo(doc_id, doc.source, url)
    words = page.text_words if count_bytes else 0  # (a run that writes no stats counts none)
    if mode == "extract":
        record = info.article_record(page.article)
        if lines:  # (`written()` of the result below: its one line)
            return DocResult(doc.source, [], None, size, words, to_json_line(record), 1)
        records = [record]
    else:
        if lines:  # (the records' lines at once: no dict per story)
            encoded = story_lines(info, page.stories)
            return DocResult(doc.source, [], None, size, words, encoded, len(page.stories))
        records = [info.story_record(i, story) for i, story in enumerate(page.stories)]
    return DocResult(doc.source, records=records, bytes=size, page_words=words)


def _failed(doc: Document, size: int, exc: Exception) -> DocResult:
    if isinstance(exc, RecursionError):
        error = ErrorRecord(doc.source, "extract_failed", "page too deeply nested", stage="extract")
        return DocResult(doc.source, error=error, bytes=size)
    text = str(exc).splitlines()[0] if str(exc) else ""
    message = f"{type(exc).__name__}: {text}"[:300]
    error = ErrorRecord(doc.source, "extract_failed", message, stage="extract")
    return DocResult(doc.source, error=error, bytes=size)
