"""Readers: compression, kind detection, form feeds, JSONL, WARC/WET, decoding, bad inputs."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
from pathlib import Path

import pytest
import zstandard

from newsdump.document import Document, Format
from newsdump.records import ErrorRecord
from newsdump.settings import Settings
from newsdump.sources import InputKind, iter_documents, iter_path_documents, sniff_kind
from newsdump.sources.compress import compression_of
from newsdump.sources.htmltext import html_to_text

PAGE_A = "Menu\nHome\n\nLighthouse restored after storm\n\nThe keepers' cottage reopens.\n"
PAGE_B = "Second page\n\nA shorter story about a bakery on Mill Lane.\n"
TWO_PAGES = f"{PAGE_A}\f\n{PAGE_B}".encode()


def read(data: bytes, source: str = "in", **settings: object) -> list[Document | ErrorRecord]:
    return list(iter_documents(io.BytesIO(data), source, Settings(**settings)))  # type: ignore[arg-type]


def summary(items: list[Document | ErrorRecord]) -> list[tuple[str, str]]:
    """(source, text) for documents, (source, error kind) for errors."""
    return [(i.source, i.error if isinstance(i, ErrorRecord) else i.text) for i in items]


def warc_record(headers: dict[str, str], block: bytes, gz: bool = True) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    record = head.encode() + f"Content-Length: {len(block)}\r\n\r\n".encode() + block + b"\r\n\r\n"
    return gzip.compress(record, mtime=0) if gz else record


def wet(*pages: tuple[str, str, str], gz: bool = True) -> bytes:
    """A WET file: warcinfo, then one conversion record per (url, record id, text)."""
    out = [
        warc_record(
            {"WARC-Type": "warcinfo", "WARC-Date": "2025-01-01T00:00:00Z"},
            b"software: test\r\n",
            gz,
        )
    ]
    for url, rid, text in pages:
        headers = {
            "WARC-Type": "conversion",
            "WARC-Target-URI": url,
            "WARC-Date": "2025-02-03T04:05:06Z",
            "WARC-Record-ID": f"<urn:uuid:{rid}>",
            "Content-Type": "text/plain",
        }
        out.append(warc_record(headers, text.encode(), gz))
    return b"".join(out)


# --- compression -------------------------------------------------------------------------


COMPRESSORS = {
    "gzip": lambda b: gzip.compress(b, mtime=0),
    "bzip2": bz2.compress,
    "xz": lzma.compress,
    "zstd": lambda b: zstandard.ZstdCompressor().compress(b),
}


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_compressed_input_gives_the_same_documents_as_plain(kind: str) -> None:
    packed = COMPRESSORS[kind](TWO_PAGES)
    assert compression_of(packed[:6]) == kind
    assert summary(read(packed)) == summary(read(TWO_PAGES))
    assert summary(read(packed)) == [("in#1", PAGE_A), ("in#2", PAGE_B)]


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_compression_is_recognised_by_magic_not_by_name(write, kind: str) -> None:
    path = write("misleading-name.txt", COMPRESSORS[kind](PAGE_A.encode()))
    docs = list(iter_path_documents(str(path), Settings()))
    assert summary(docs) == [(str(path), PAGE_A)]


def test_plain_text_has_no_compression() -> None:
    assert compression_of(b"Hello") is None
    assert compression_of(b"") is None


def test_gzip_with_several_members_reads_every_member() -> None:
    data = gzip.compress(PAGE_A.encode()) + gzip.compress(b"\f\n" + PAGE_B.encode())
    assert summary(read(data)) == [("in#1", PAGE_A), ("in#2", PAGE_B)]


def test_zstd_with_several_frames_reads_every_frame() -> None:
    z = zstandard.ZstdCompressor()
    data = z.compress(PAGE_A.encode()) + z.compress(b"\f\n" + PAGE_B.encode())
    assert summary(read(data)) == [("in#1", PAGE_A), ("in#2", PAGE_B)]


# --- kind detection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"Breaking news\nMore text", InputKind.TEXT),
        (b"<!DOCTYPE html><html><body>x</body></html>", InputKind.HTML),
        (b"<!doctype HTML>\n<title>t</title>", InputKind.HTML),
        (b"\n\n  <html lang='en'><p>x</p>", InputKind.HTML),
        (b"<div class='a'>hello</div>", InputKind.HTML),
        (b"<3 a plain text line that starts with a heart", InputKind.TEXT),
        (b"Tech news\nHow the <html> element starts a page\n", InputKind.TEXT),
        (b"Menu\n<!DOCTYPE html> explained, in five lines\n", InputKind.TEXT),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body>', InputKind.HTML),
        (b"<!-- served by cache -->\n<html><body>", InputKind.HTML),
        (b'{"text": "a page", "id": 1}\n{"text": "b"}\n', InputKind.JSONL),
        (b'\xef\xbb\xbf{"text": "with a byte-order mark"}\n', InputKind.JSONL),
        (b'{"text": "caf\xe9 in Latin-1"}\n', InputKind.JSONL),
        (b"{curly start but no JSON}\nsecond line", InputKind.TEXT),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", InputKind.WARC),
        (b"WARC/1.1\r\nWARC-Type: response\r\n", InputKind.WARC),
        (b"WARC is a format.\n", InputKind.TEXT),
    ],
)
def test_sniff_kind(head: bytes, kind: InputKind) -> None:
    assert sniff_kind(head) is kind


def test_html_document_gets_html_format() -> None:
    [doc] = read(b"<!doctype html><html><body><p>Hi there</p></body></html>")
    assert isinstance(doc, Document)
    assert doc.format is Format.HTML
    assert doc.source == "in"


def test_format_option_overrides_detection() -> None:
    data = b'{"text": "looks like JSONL"}\n'
    [doc] = read(data, format="text")
    assert isinstance(doc, Document)
    assert doc.text == data.decode()
    assert doc.source == "in"


# --- plain text and form feeds -------------------------------------------------------------


def test_single_page_has_no_number() -> None:
    assert summary(read(PAGE_A.encode())) == [("in", PAGE_A)]


def test_form_feed_separates_pages_and_numbers_them() -> None:
    three = f"{PAGE_A}\f\n{PAGE_B}\f\nthird\n".encode()
    assert summary(read(three)) == [("in#1", PAGE_A), ("in#2", PAGE_B), ("in#3", "third\n")]


def test_trailing_form_feed_does_not_make_a_second_page() -> None:
    assert summary(read(PAGE_A.encode() + b"\f\n")) == [("in", PAGE_A)]


def test_form_feed_with_crlf_and_spaces_is_a_separator() -> None:
    data = PAGE_A.encode() + b"  \f \r\n" + PAGE_B.encode()
    assert summary(read(data)) == [("in#1", PAGE_A), ("in#2", PAGE_B)]


def test_form_feed_inside_a_line_is_not_a_separator() -> None:
    data = b"one line \f with a form feed\nsecond line\n"
    assert summary(read(data)) == [("in", data.decode())]


def test_empty_page_between_separators_is_an_error_and_the_rest_goes_on() -> None:
    data = b"first\n\f\n\f\nthird\n"
    assert summary(read(data)) == [("in#1", "first\n"), ("in#2", "empty"), ("in#3", "third\n")]


# --- JSONL ---------------------------------------------------------------------------------


def test_jsonl_carries_id_and_url_and_numbers_lines() -> None:
    data = (
        b'{"id": "a1", "url": "https://x.example/1", "text": "first page"}\n'
        b"\n"
        b'{"id": 42, "text": "second page"}\n'
    )
    docs = read(data)
    assert [(d.source, d.text, d.id, d.url) for d in docs] == [  # type: ignore[union-attr]
        ("in#1", "first page", "a1", "https://x.example/1"),
        ("in#2", "second page", "42", None),
    ]


def test_jsonl_with_a_byte_order_mark_reads_its_first_line() -> None:
    data = b'\xef\xbb\xbf{"text": "first"}\n{"text": "second"}\n'
    assert summary(read(data)) == [("in#1", "first"), ("in#2", "second")]


def test_jsonl_text_field_option() -> None:
    data = b'{"body": "the page", "text": "not this"}\n'
    [doc] = read(data, text_field="body")
    assert isinstance(doc, Document)
    assert doc.text == "the page"


def test_jsonl_bad_lines_become_error_records_and_other_lines_come_out() -> None:
    data = (
        b'{"text": "good one"}\n'
        b"this line is not JSON\n"
        b"[1, 2, 3]\n"
        b'{"url": "https://x.example/no-text"}\n'
        b'{"text": 17}\n'
        b'{"text": "   "}\n'
        b'{"text": "good two"}\n'
    )
    items = read(data)
    assert summary(items) == [
        ("in#1", "good one"),
        ("in#2", "not_json"),
        ("in#3", "not_json"),
        ("in#4", "no_text"),
        ("in#5", "no_text"),
        ("in#6", "empty"),
        ("in#7", "good two"),
    ]
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert errors[0].message.startswith("line is not JSON: ")
    assert errors[1].message == "line is JSON but not an object (list)"
    assert errors[2].message == "field 'text' is missing"
    assert errors[3].message == "field 'text' is not a string (int)"
    assert errors[4].message == "field 'text' is empty"
    assert all(e.stage == "read" for e in errors)


def test_jsonl_html_in_the_field_is_read_as_html() -> None:
    [doc] = read(b'{"text": "<html><body><p>hello</p></body></html>"}\n')
    assert isinstance(doc, Document)
    assert doc.format is Format.HTML


def test_jsonl_invalid_utf8_is_replaced_not_fatal() -> None:
    [doc, doc2] = read(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    assert isinstance(doc, Document) and isinstance(doc2, Document)
    assert doc.text == "caf\ufffd"
    assert doc2.text == "ok"


def test_jsonl_nul_bytes_are_dropped() -> None:
    [doc] = read(b'{"text": "a\\u0000b"}\n')
    assert isinstance(doc, Document)
    assert doc.text == "ab"


# --- WARC / WET ----------------------------------------------------------------------------

WET_PAGES = [
    ("https://a.example/one", "11111111-1111-1111-1111-111111111111", PAGE_A),
    ("https://b.example/two", "22222222-2222-2222-2222-222222222222", PAGE_B),
]


@pytest.mark.parametrize("gz", [True, False], ids=["per-record-gzip", "plain"])
def test_wet_conversion_records_become_documents(gz: bool) -> None:
    docs = read(wet(*WET_PAGES, gz=gz), source="crawl.wet")
    assert [(d.source, d.url, d.id, d.date, d.text, d.format) for d in docs] == [  # type: ignore[union-attr]
        (
            "crawl.wet#1",
            "https://a.example/one",
            "urn:uuid:11111111-1111-1111-1111-111111111111",
            "2025-02-03T04:05:06Z",
            PAGE_A,
            Format.TEXT,
        ),
        (
            "crawl.wet#2",
            "https://b.example/two",
            "urn:uuid:22222222-2222-2222-2222-222222222222",
            "2025-02-03T04:05:06Z",
            PAGE_B,
            Format.TEXT,
        ),
    ]


def test_warc_response_records_with_html_are_documents_and_other_types_skipped() -> None:
    html = b"<!doctype html><html><body><p>Harbour news</p></body></html>"

    def response(url: str, ctype: str, body: bytes, rid: str) -> bytes:
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
        headers = {
            "WARC-Type": "response",
            "WARC-Target-URI": url,
            "WARC-Date": "2025-02-03T04:05:06Z",
            "WARC-Record-ID": f"<urn:uuid:{rid}>",
            "Content-Type": "application/http; msgtype=response",
        }
        return warc_record(headers, http)

    png = response("https://a.example/logo.png", "image/png", b"\x89PNG\r\n", "0" * 8 + "-aa")
    css = response("https://a.example/s.css", "text/css", b"p { color: red }", "0" * 8 + "-ac")
    js = response("https://a.example/a.js", "text/javascript", b"var a = 1;", "0" * 8 + "-ad")
    page = response("https://a.example/", "text/html; charset=utf-8", html, "0" * 8 + "-bb")
    data = png + css + js + page
    [doc] = read(data, source="c.warc.gz")
    assert isinstance(doc, Document)
    assert (doc.source, doc.url, doc.id, doc.format, doc.text) == (
        "c.warc.gz#1",
        "https://a.example/",
        "urn:uuid:00000000-bb",
        Format.HTML,
        html.decode(),
    )


def test_broken_warc_gives_an_error_after_the_good_records() -> None:
    data = wet(WET_PAGES[0], gz=False) + b"garbage, not a record\r\n\r\n"
    items = read(data)
    assert summary(items)[0] == ("in#1", PAGE_A)
    assert [(i.source, i.error) for i in items[1:] if isinstance(i, ErrorRecord)] == [
        ("in#2", "bad_warc")
    ]
    assert items[1].message.startswith("WARC parse error: ArchiveLoadFailed: ")  # type: ignore[union-attr]


def test_example_wet_file_reads_both_records() -> None:
    path = Path(__file__).parents[2] / "examples" / "crawl.warc.wet.gz"
    docs = list(iter_path_documents(str(path), Settings()))
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == [
        "crawl.warc.wet.gz#1",
        "crawl.warc.wet.gz#2",
    ]
    assert all(isinstance(d, Document) and d.url and d.id.startswith("urn:uuid:") for d in docs)  # type: ignore[union-attr]


# --- decoding ------------------------------------------------------------------------------

FRENCH = "Le café de la gare a rouvert: crème brûlée, déjà vu, à la française, très élégant.\n"


def test_utf8_is_read_as_utf8() -> None:
    [doc] = read(FRENCH.encode("utf-8"))
    assert isinstance(doc, Document)
    assert doc.text == FRENCH


def test_utf8_bom_is_removed() -> None:
    [doc] = read(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    assert isinstance(doc, Document)
    assert doc.text == FRENCH


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        "Grüße aus Köln: die Straße am Fluss ist gesperrt.\n",
        "Café naïve – “quotes” déjà vu à la française, très élégant.\n" * 3,
    ],
)
def test_cp1252_and_latin1_are_detected(text: str) -> None:
    [doc] = read(text.encode("cp1252"))
    assert isinstance(doc, Document)
    assert doc.text == text


@pytest.mark.parametrize("where", ["end", "middle"])
def test_utf8_page_with_a_stray_byte_stays_utf8(where: str) -> None:
    good = (FRENCH * 10).encode("utf-8")
    data = good + b"\xff" if where == "end" else good[:301] + b"\x81" + good[301:]
    [doc] = read(data)
    assert isinstance(doc, Document)
    assert doc.text.count("\ufffd") == 1
    assert doc.text.replace("\ufffd", "") == FRENCH * 10  # not cp932 mojibake ("cafﾃｩ")


def test_invalid_bytes_never_stop_the_run() -> None:
    data = b"good text \xff\xfe\xfd and more good text\n\f\nnext page\n"
    items = read(data)
    assert len(items) == 2
    assert all(isinstance(i, Document) for i in items)
    assert items[0].text.startswith("good text ")  # type: ignore[union-attr]
    assert items[0].text.endswith(" and more good text\n")  # type: ignore[union-attr]
    assert summary(items)[1] == ("in#2", "next page\n")


# --- bad inputs ----------------------------------------------------------------------------


def test_binary_file_is_an_error_record(write) -> None:
    path = write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    [err] = list(iter_path_documents(str(path), Settings()))
    assert isinstance(err, ErrorRecord)
    assert (err.source, err.error, err.stage) == (str(path), "binary", "read")


def test_empty_file_is_an_error_record(write) -> None:
    path = write("empty.txt", b"")
    [err] = list(iter_path_documents(str(path), Settings()))
    assert isinstance(err, ErrorRecord)
    assert (err.source, err.error, err.message) == (str(path), "empty", "empty input: no text")


def test_blank_file_is_an_error_record() -> None:
    assert summary(read(b" \n\t\n\n")) == [("in", "empty")]


def test_truncated_gzip_is_an_error_record(write) -> None:
    path = write("cut.txt.gz", gzip.compress(TWO_PAGES * 50)[:-40])
    items = list(iter_path_documents(str(path), Settings()))
    assert isinstance(items[-1], ErrorRecord)
    assert items[-1].error == "truncated"
    assert items[-1].message.startswith("truncated input: ")


def varied_pages(n: int, lines: int = 2500) -> list[bytes]:
    """Pages that compress to well over one compression block each."""
    words = "harbour ferry council vote strike school budget glacier library the a of".split()
    state = 7
    out = []
    for _ in range(n):
        text = []
        for _ in range(lines):
            state = (state * 1103515245 + 12345) % 2**31
            text.append(" ".join(words[(state >> k) % len(words)] for k in range(0, 24, 2)))
        out.append(("\n".join(text) + "\n").encode())
    return out


@pytest.mark.parametrize("kind", ["gzip", "xz", "zstd"])
def test_truncated_stream_keeps_the_pages_read_whole_before_the_break(kind: str) -> None:
    pages = varied_pages(3)
    packed = COMPRESSORS[kind](b"\f\n".join(pages))
    whole = [(i.source, i.text) for i in read(packed)]  # type: ignore[union-attr]
    assert whole == [(f"in#{n}", p.decode()) for n, p in enumerate(pages, start=1)]
    items = read(packed[: len(packed) - 30])  # the end of the third page is missing
    assert summary(items) == [
        ("in#1", pages[0].decode()),
        ("in#2", pages[1].decode()),
        ("in#3", "truncated"),
    ]


def test_truncated_zstd_is_an_error_not_a_shorter_page() -> None:
    packed = COMPRESSORS["zstd"](varied_pages(1)[0])
    [err] = read(packed[:-5])
    assert isinstance(err, ErrorRecord)
    assert (err.source, err.error, err.message) == (
        "in",
        "truncated",
        "truncated input: zstd input ended inside a frame",
    )


def test_corrupt_xz_is_an_error_record() -> None:
    data = lzma.compress(TWO_PAGES)
    broken = data[:20] + bytes(b ^ 0xFF for b in data[20:40]) + data[40:]
    items = read(broken)
    assert isinstance(items[-1], ErrorRecord)
    assert items[-1].error == "corrupt"


def test_directory_given_as_a_file_is_unreadable(tmp: Path) -> None:
    [err] = list(iter_path_documents(str(tmp), Settings()))
    assert isinstance(err, ErrorRecord)
    assert (err.source, err.error, err.message) == (
        str(tmp),
        "unreadable",
        "cannot open: Is a directory",
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file with mode 000")
def test_unreadable_file_is_an_error_record(write) -> None:
    path = write("secret.txt", PAGE_A)
    path.chmod(0)
    try:
        [err] = list(iter_path_documents(str(path), Settings()))
    finally:
        path.chmod(0o644)
    assert isinstance(err, ErrorRecord)
    assert (err.error, err.message) == ("unreadable", "cannot open: Permission denied")


def test_missing_file_is_an_error_record(tmp: Path) -> None:
    [err] = list(iter_path_documents(str(tmp / "nope.txt"), Settings()))
    assert isinstance(err, ErrorRecord)
    assert (err.error, err.message) == ("unreadable", "cannot open: No such file or directory")


def test_too_large_page_is_an_error_and_the_next_page_comes_out() -> None:
    big = b"x" * 200 + b"\n"
    data = big * 3 + b"\f\n" + b"small page\n"
    items = read(data, max_document_bytes=300)
    assert summary(items) == [("in#1", "too_large"), ("in#2", "small page\n")]


# --- HTML to text (the page text that `split` reads) -----------------------------------------


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>line one<br>line two</p><p>next</p>", "line one\nline two\n\nnext"),
        ("<div>a</div><div>b</div>", "a\nb"),
        ("<div><div><span>a</span></div></div>\n  <div>b</div>", "a\nb"),
        ("<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"),
        (
            "<h1>Title</h1><p>Body with <b>bold</b> and&nbsp;space.</p>",
            "Title\n\nBody with bold and space.",
        ),
        ("<nav><a>Home</a> <a>News</a></nav>", "Home News"),
        ("<p>a<!-- an ad slot -->b</p>", "ab"),
        ("<p>a<script>var x = 1;</script>b<style>p {}</style>c</p>", "abc"),
        ("<p hidden>secret</p><p>shown</p>", "shown"),
        ("<p>x</p><br><br>y", "x\n\ny"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(f"<html><body>{html}</body></html>") == text


def test_html_to_text_of_a_deep_page() -> None:
    # (libxml2 keeps 256 levels; deeper content is dropped by the parser, not here)
    html = "<html><body>" + "<div>" * 250 + "deep text" + "</div>" * 250 + "</body></html>"
    assert html_to_text(html) == "deep text"
