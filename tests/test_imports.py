"""Every runtime dependency imports (trafilatura fails under lxml 6 without lxml_html_clean)."""

from __future__ import annotations

import importlib

import pytest

RUNTIME = ["typer", "rich", "trafilatura", "orjson", "tqdm", "zstandard", "warcio", "numpy"]


@pytest.mark.parametrize("module", RUNTIME)
def test_runtime_dependency_imports(module: str) -> None:
    importlib.import_module(module)


def test_trafilatura_can_extract() -> None:
    import trafilatura

    html = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>A headline</h1>"
        + "<p>A paragraph of the article that is long enough to be kept as body text.</p>" * 5
        + "</article></body></html>"
    )
    text = trafilatura.extract(html)
    assert text is not None
    assert "A paragraph of the article" in text


def test_newsdump_imports_with_its_public_api() -> None:
    import newsdump

    for name in ("extract", "split", "Article", "FeedItem", "Settings", "__version__"):
        assert hasattr(newsdump, name), name
    importlib.import_module("newsdump.cli")
