"""Every runtime dependency imports (trafilatura fails under lxml 6 without lxml_html_clean)."""

from __future__ import annotations

import importlib
from typing import Any

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


def test_a_plain_extract_run_loads_no_module_it_does_not_use(tmp_path: Any) -> None:
    """`newsdump extract -j 1 page.txt -o out.jsonl` imports no state database, process pool,
    (de)compressor, stats or pydantic, and, with the compiled count_words, compiles no pattern
    for it."""
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text("A short title of a page\n\nThe first paragraph of an invented article.\n")
    out = tmp_path / "out.jsonl"
    script = (
        "import sys\n"
        "from newsdump import cli, records\n"
        f"sys.argv = ['newsdump', 'extract', '-j', '1', {str(page)!r}, '-o', {str(out)!r}]\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "loaded = sorted(m for m in UNUSED if m in sys.modules)\n"
        "compiled = records._wide_chars.cache_info().currsize\n"
        "print(loaded, compiled == 0 or records._feed is None)\n"
    ).replace("UNUSED", repr(UNUSED_BY_EXTRACT))
    printed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert printed.strip() == "[] True"
    assert out.read_text().count("\n") == 1


UNUSED_BY_EXTRACT = (
    "newsdump.state",
    "sqlite3",
    "newsdump.stats",
    "newsdump.distributed",
    "newsdump.feed",
    "concurrent.futures",
    "multiprocessing",
    "gzip",
    "zstandard",
    "rich",
    "tqdm",
    "trafilatura",
    "pydantic",  # typer's coercion of option values: newsdump.cli coerces plain values itself
)
