"""An HTML page flattened to the text a browser shows: one line per block, blank line after
paragraphs and headings (the `inner` dump style). Used by `split` on HTML input."""

from __future__ import annotations

import re

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
    """The visible text of an HTML page, as lines."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    skip_depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if tag in SKIP_TAGS or element.get("hidden") is not None:
                skip_depth += 1
            elif not skip_depth:
                if tag in BLOCK_TAGS:
                    parts.append("\n")
                if element.text:
                    parts.append(element.text)
            continue
        if tag in SKIP_TAGS or element.get("hidden") is not None:
            skip_depth -= 1
        elif not skip_depth:
            if tag in PARAGRAPH_TAGS:
                parts.append("\n\n")
            elif tag in BLOCK_TAGS:
                parts.append("\n")
        if not skip_depth and element.tail:
            parts.append(element.tail)
    lines = (SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
