"""Build the HTML, JSONL and WET variants of the shipped examples from their text dumps.

    .venv/bin/python tools/make_examples.py            # rewrites examples/*.html, pages.jsonl,
                                                       # crawl.warc.wet.gz
    .venv/bin/python tools/make_examples.py --check    # exit 1 when a variant is out of step

The text dumps (`examples/*.txt`) are the source of truth; edit them, then run this script.
Every output is deterministic (fixed dates, record ids derived from the URL, gzip mtime 0), so
the golden files under tests/golden/ stay valid until a dump changes.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import html
import json
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
UUID_NAMESPACE = uuid.UUID("6f1c1d2e-8a51-4d35-9b55-0e0c7e2f1a10")
CRAWL_DATE = "2025-11-21T04:12:09Z"


@dataclass(frozen=True)
class Page:
    """One text dump and what an HTML rendering needs to know about its layout."""

    name: str  # examples/<name>.txt
    url: str
    published: str  # ISO, for <meta> and WARC-Date
    title: str  # the headline line
    body_first: str  # prefix of the first body paragraph
    body_last: str  # prefix of the last body paragraph
    author: str = ""  # for <meta name="author">
    lang: str = "en"
    caption: str = ""  # prefix of the caption line, if any
    lists: tuple[str, ...] = field(default=())  # first lines of blocks that are <ul> lists

    @property
    def text(self) -> str:
        return (EXAMPLES / f"{self.name}.txt").read_text(encoding="utf-8")


PAGES = {
    p.name: p
    for p in [
        Page(
            "harbour-times--council-vote",
            "https://harbourtimes.example/2025/11/18/council-votes-fish-market-food-hall/",
            "2025-11-18T18:40:00",
            "Council votes to turn former fish market into covered food hall",
            "Kestrel Bay's city council voted",
            "The first traders are expected",
            author="Ines Calloway",
            caption="The empty fish market hall",
        ),
        Page(
            "harbour-times--ferry-strike",
            "https://harbourtimes.example/2025/11/19/ferry-crews-strike-48-hours/",
            "2025-11-19T09:15:00",
            "Ferry crews to strike for 48 hours as pay talks collapse",
            "Crews on the ferries",
            "Freight for the islands",
            caption="Crew members of the island ferry",
        ),
        Page(
            "harbour-times--school-budget",
            "https://harbourtimes.example/2025/11/20/primary-schools-merger-budget/",
            "2025-11-20T07:05:00",
            "Two primary schools face merger as district budget shrinks",
            "Saltmarsh Primary and St. Aidan's",
            "A final decision is expected",
            caption="Pupils leave Saltmarsh Primary",
        ),
        Page(
            "northern-review--glacier-essay",
            "https://northernreview.example/essays/what-the-vatnaborg-glacier-remembers",
            "2025-03-04T08:00:00",
            "What the Vatnaborg glacier remembers",
            "The first thing you notice",
            "By the end of the century",
            author="Sunniva Haldórsdóttir",
            caption="The snout of the Vatnaborg glacier",
        ),
        Page(
            "fieldnotes-blog--sourdough",
            "https://fieldnotes.example/2025/01/12/sourdough-starter-holidays/",
            "2025-01-12T10:00:00",
            "A sourdough starter that survives the holidays",
            "Every December someone writes",
            "If you are away for longer",
            author="Mira Okafor",
            lists=("a clean jar with a loose lid",),
        ),
        Page(
            "talbote--stadtbibliothek",
            "https://talbote.example/lokales/stadtbibliothek-oeffnet-wieder-2025-03-14",
            "2025-03-14T09:30:00",
            "Stadtbibliothek öffnet nach zwei Jahren Umbau wieder",
            "Nach fast zwei Jahren Bauzeit",
            "Zur Eröffnung am Samstag",
            lang="de",
            caption="Der neue Lesesaal",
        ),
    ]
}
HTML_PAGES = [
    "harbour-times--council-vote",
    "northern-review--glacier-essay",
    "fieldnotes-blog--sourdough",
]
JSONL_PAGES = ["harbour-times--ferry-strike", "talbote--stadtbibliothek"]
WET_PAGES = ["harbour-times--school-budget", "northern-review--glacier-essay"]


def groups(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (a blank line ends a run)."""
    out: list[list[str]] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            run.append(line.strip())
        elif run:
            out.append(run)
            run = []
    return out


def index_of(lines: list[str], prefix: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if lines[i].strip().startswith(prefix):
            return i
    raise ValueError(f"no line starts with {prefix!r}")


def to_html(page: Page) -> str:
    """The page as a site would serve it: header and menus, an <article> (headline, byline,
    figure, paragraphs, with boxes and cards as <aside>), then feeds and a footer."""
    lines = page.text.splitlines()
    title_at = index_of(lines, page.title)
    first = index_of(lines, page.body_first, title_at)
    last = index_of(lines, page.body_last, first)
    end = next((i for i in range(last, len(lines)) if not lines[i].strip()), len(lines))
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{page.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(page.title)}</title>",
        f'<link rel="canonical" href="{e(page.url)}">',
        f'<meta property="article:published_time" content="{page.published}">',
        f'<meta name="author" content="{e(page.author)}">',
        "</head>",
        "<body>",
        "<header><nav>",
    ]
    out += [f'<a href="#">{e(line)}</a><br>' for g in groups(lines[:title_at]) for line in g]
    out += ["</nav></header>", "<main>", "<article>", f"<h1>{e(page.title)}</h1>"]
    for g in groups(lines[title_at + 1 : first]):
        for line in g:
            if page.caption and line.startswith(page.caption):
                out.append(f"<figure><figcaption>{e(line)}</figcaption></figure>")
            else:
                out.append(f'<p class="meta">{e(line)}</p>')
    for g in groups(lines[first:end]):
        if g[0] in page.lists:
            out.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in g) + "</ul>")
        elif len(g) == 1:
            out.append(f"<p>{e(g[0])}</p>")
        else:  # a newsletter box or a related-story card inside the article
            head, *rest = g
            body = "".join(f"<p>{e(line)}</p>" for line in rest)
            out.append(f'<aside><h3><a href="#">{e(head)}</a></h3>{body}</aside>')
    out += ["</article>", "</main>"]
    tail = groups(lines[end:])
    for g in tail[:-1]:
        out.append("<section>" + "".join(f"<p>{e(line)}</p>" for line in g) + "</section>")
    if tail:
        out.append("<footer>" + "".join(f"<p>{e(line)}</p>" for line in tail[-1]) + "</footer>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def to_jsonl(pages: list[Page]) -> str:
    rows = [
        {"id": f"example-{i}", "url": p.url, "text": p.text} for i, p in enumerate(pages, start=1)
    ]
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def record_id(key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(UUID_NAMESPACE, key)}>"


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC record, gzipped on its own (as Common Crawl writes them)."""
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode("utf-8") + block + b"\r\n\r\n", mtime=0)


def block_digest(block: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode("ascii")


def to_wet(pages: list[Page], filename: str) -> bytes:
    info = (
        "Software-Info: newsdump-examples/1.0\r\n"
        f"Extracted-Date: {CRAWL_DATE}\r\n"
        "robots: checked via crawler-commons\r\n"
        "isPartOf: NEWSDUMP-EXAMPLES-2025-47\r\n"
        "operator: newsdump examples\r\n"
        "description: Wet files containing extracted plain text from crawled web pages\r\n"
    ).encode()
    out = [
        warc_record(
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Date", CRAWL_DATE),
                ("WARC-Filename", filename),
                ("WARC-Record-ID", record_id(filename)),
                ("Content-Type", "application/warc-fields"),
            ],
            info,
        )
    ]
    for page in pages:
        block = page.text.encode("utf-8")
        out.append(
            warc_record(
                [
                    ("WARC-Type", "conversion"),
                    ("WARC-Target-URI", page.url),
                    ("WARC-Date", page.published + "Z"),
                    ("WARC-Record-ID", record_id(page.url)),
                    ("WARC-Refers-To", record_id("response " + page.url)),
                    ("WARC-Block-Digest", block_digest(block)),
                    ("WARC-Identified-Content-Language", {"en": "eng", "de": "deu"}[page.lang]),
                    ("Content-Type", "text/plain"),
                ],
                block,
            )
        )
    return b"".join(out)


def outputs() -> dict[Path, bytes]:
    files = {EXAMPLES / f"{name}.html": to_html(PAGES[name]).encode() for name in HTML_PAGES}
    files[EXAMPLES / "pages.jsonl"] = to_jsonl([PAGES[n] for n in JSONL_PAGES]).encode()
    wet = "crawl.warc.wet.gz"
    files[EXAMPLES / wet] = to_wet([PAGES[n] for n in WET_PAGES], wet)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(path.relative_to(ROOT))
        if not args.check:
            path.write_bytes(data)
    for path in stale:
        print(f"{'out of step' if args.check else 'wrote'}: {path}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
