"""An HTML page's own URL (canonical link, og:url) is its document's URL (invented pages)."""

from __future__ import annotations

import io

import orjson
import pytest
from typer.testing import CliRunner

from newsdump.cli import app
from newsdump.document import Document
from newsdump.settings import Settings
from newsdump.sources import iter_documents
from newsdump.sources.htmltext import page_url

BODY = (
    "<body><h1>Mill Lane bakery reopens after the flood</h1>"
    "<p>The bakery on Mill Lane opened its doors again on Saturday, four months after the river "
    "flooded its ovens, and the queue reached the corner before seven in the morning.</p>"
    "<p>The owners said the new ovens stand on a raised floor, paid for by a grant.</p>"
    "</body></html>"
)


def html(head: str) -> str:
    return f"<!doctype html><html><head><title>Mill Lane</title>{head}</head>{BODY}"


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<link rel="canonical" href="https://valley.example/2025/03/03/bakery/">',
         "https://valley.example/2025/03/03/bakery/"),
        ("<LINK HREF='https://valley.example/a?id=7&amp;p=2' REL='canonical'>",
         "https://valley.example/a?id=7&p=2"),
        ('<meta property="og:url" content="https://valley.example/og/bakery">',
         "https://valley.example/og/bakery"),
        ('<meta property="og:url" content="https://valley.example/og">'
         '<link rel="canonical" href="https://valley.example/canonical">',
         "https://valley.example/canonical"),
        ('<link rel="canonical" href="/2025/03/03/bakery/">'
         '<meta property="og:url" content="https://valley.example/og">',
         "https://valley.example/og"),
        ('<link rel="canonical" href="/2025/03/03/bakery/">', None),
        ('<link rel="stylesheet" href="https://valley.example/site.css">', None),
        ("", None),
    ],
)  # fmt: skip
def test_page_url(head: str, url: str | None) -> None:
    assert page_url(html(head)) == url


def test_a_canonical_link_in_the_body_is_not_the_page_url() -> None:
    page = html("").replace("</h1>", '</h1><link rel="canonical" href="https://x.example/b">')
    assert page_url(page) is None


def test_html_document_carries_its_canonical_url() -> None:
    data = html('<link rel="canonical" href="https://valley.example/bakery">').encode()
    [doc] = list(iter_documents(io.BytesIO(data), "in.html", Settings()))
    assert isinstance(doc, Document)
    assert doc.url == "https://valley.example/bakery"


def test_split_and_extract_records_carry_the_canonical_url(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bakery.html"
    path.write_text(html('<meta property="og:url" content="https://valley.example/bakery">'))
    for command in ("extract", "split"):
        result = CliRunner().invoke(app, [command, "-j", "1", str(path)])
        assert result.exit_code == 0
        records = [orjson.loads(line) for line in result.stdout.splitlines()]
        article = [r for r in records if r.get("kind", "article") == "article"]
        assert [r["url"] for r in article] == ["https://valley.example/bakery"]


def test_html_in_a_jsonl_field_carries_its_canonical_url(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = html('<link rel="canonical" href="https://valley.example/bakery">')
    lines = [{"id": "a", "html": page}, {"id": "b", "html": page, "url": "https://given.example/b"}]
    path = tmp_path / "pages.jsonl"
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    result = CliRunner().invoke(app, ["extract", "-j", "1", "--text-field", "html", str(path)])
    assert result.exit_code == 0
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["url"]) for r in records] == [
        ("a", "https://valley.example/bakery"),
        ("b", "https://given.example/b"),  # the input's URL wins over the page's own
    ]
