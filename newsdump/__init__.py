"""newsdump: clean articles, and every other story, out of dumps of news pages.

>>> from newsdump import extract, split
>>> article = extract(open("page.txt").read())        # doctest: +SKIP
>>> article.title, article.authors, article.published  # doctest: +SKIP
"""

from newsdump.document import Block, Document, Format, Label, LabelledBlock
from newsdump.pipeline import Page, analyse, extract, process_document, split
from newsdump.records import Article, ErrorRecord, FeedItem, Story
from newsdump.settings import Settings

__version__ = "0.1.0"

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
