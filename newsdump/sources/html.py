"""HTML pages: read whole, decoded; the article comes from trafilatura (see pipeline). The
page's own URL (`<link rel="canonical">`, else `og:url`) is its document's URL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsdump.document import Document, Format
from newsdump.errors import EmptyInput, ReadError, TooLarge
from newsdump.records import ErrorRecord
from newsdump.sources.decode import decode
from newsdump.sources.htmltext import page_url


def read_html(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | ErrorRecord]:
    try:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLarge(f"page larger than {max_bytes} bytes")
        if not data.strip():
            raise EmptyInput("empty input: no text")
        text = decode(data)
    except ReadError as exc:
        yield ErrorRecord(source, exc.kind, str(exc))
        return
    yield Document(source=source, text=text, format=Format.HTML, url=page_url(text))
