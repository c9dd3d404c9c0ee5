"""newsdump: clean articles, and every other story, out of dumps of news pages.

>>> from newsdump import extract, split
>>> article = extract(open("page.txt").read())        # doctest: +SKIP
>>> article.title, article.authors, article.published  # doctest: +SKIP

The public names are imported on first use (PEP 562): `import newsdump.cli` for `--help` or
`--version` loads no extraction core (its patterns, numpy, its models).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsdump.document import Block, Document, Format, Label, LabelledBlock
    from newsdump.pipeline import Page, analyse, extract, process_document, split
    from newsdump.records import Article, ErrorRecord, FeedItem, Story
    from newsdump.settings import Settings

__version__ = "0.1.0"

_WHERE = {
    "Block": "newsdump.document",
    "Document": "newsdump.document",
    "Format": "newsdump.document",
    "Label": "newsdump.document",
    "LabelledBlock": "newsdump.document",
    "Page": "newsdump.pipeline",
    "analyse": "newsdump.pipeline",
    "extract": "newsdump.pipeline",
    "process_document": "newsdump.pipeline",
    "split": "newsdump.pipeline",
    "Article": "newsdump.records",
    "ErrorRecord": "newsdump.records",
    "FeedItem": "newsdump.records",
    "Story": "newsdump.records",
    "Settings": "newsdump.settings",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'newsdump' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # once: later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__all__ = [
    "Article",
    "Block",
    "Document",
    "ErrorRecord",
    "FeedItem",
    "Format",
    "Label",
    "LabelledBlock",
    "Page",
    "Settings",
    "Story",
    "__version__",
    "analyse",
    "extract",
    "process_document",
    "split",
]
