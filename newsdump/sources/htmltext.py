"""An HTML page flattened to the text a browser shows: one line per block, blank line after
paragraphs and headings (the `inner` dump style). Used by `split` on HTML input."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
PARAGRAPH_TAGS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "figure"]
)
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, as lines: like a browser's innerText, a block starts
    a line and a paragraph or heading is set off by a blank line (breaks never add up)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    text = _Lines()
    # an explicit stack, not recursion: pages nest tens of thousands of elements deep
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            text.close(node.tag.lower())
            text.add(node.tail)
        elif not isinstance(node.tag, str) or node.tag.lower() in SKIP_TAGS:
            text.add(node.tail)  # a comment, or a script: only the text after it shows
        elif node.get("hidden") is not None:
            text.add(node.tail)
        else:
            text.open(node.tag.lower())
            text.add(node.text)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
    return text.result()


class _Lines:
    """Text pieces with the line breaks owed between them (innerText's required breaks)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.breaks = 0  # owed before the next text: 1 after a block, 2 after a paragraph

    def add(self, piece: str | None) -> None:
        if not piece:
            return
        if not piece.strip():  # whitespace between tags: one space, unless a break is owed
            if self.parts and not self.breaks:
                self.parts.append(" ")
            return
        if self.parts and self.breaks:
            self.parts.append("\n" * self.breaks)
        self.breaks = 0
        self.parts.append(piece)

    def open(self, tag: str) -> None:
        if tag == "br":  # a line break of its own, not a block boundary
            if self.parts:
                self.parts.append("\n" * (self.breaks + 1))
            self.breaks = 0
        else:
            self.close(tag)

    def close(self, tag: str) -> None:
        if tag in PARAGRAPH_TAGS:
            self.breaks = max(self.breaks, 2)
        elif tag in BLOCK_TAGS and tag != "br":
            self.breaks = max(self.breaks, 1)

    def result(self) -> str:
        lines = (SPACES.sub(" ", line).strip() for line in "".join(self.parts).split("\n"))
        out: list[str] = []
        for line in lines:
            if line or (out and out[-1]):
                out.append(line)
        return "\n".join(out).strip()


HEAD_SCAN_CHARS = 1 << 20  # the canonical link stands in the head: look no further than this
TAG = re.compile(r"<(?:link|meta)\b[^>]*>", re.IGNORECASE)
ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
ABSOLUTE_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


def page_url(html: str) -> str | None:
    """The URL a page gives for itself: `<link rel="canonical">`, else `og:url`; absolute
    http(s) URLs only (a relative one cannot be resolved without the page's address)."""
    head = html[:HEAD_SCAN_CHARS]
    end = head.lower().find("</head")
    found: dict[str, str] = {}
    for tag in TAG.finditer(head if end < 0 else head[:end]):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTR.finditer(tag[0])}
        if "canonical" in attrs.get("rel", "").lower().split():
            found.setdefault("canonical", attrs.get("href", ""))
        elif attrs.get("property", attrs.get("name", "")).lower() == "og:url":
            found.setdefault("og", attrs.get("content", ""))
    for key in ("canonical", "og"):
        url = unescape(found.get(key, "")).strip()
        if ABSOLUTE_URL.match(url):
            return url
    return None
