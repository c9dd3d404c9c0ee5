"""Inputs that broke newsdump once (found by tools/fuzz.py or by hand while writing it), replayed
through the fuzz harness's own check, plus a short run of the harness's generators.

To add a crash that `make fuzz` found: copy build/fuzz/crash-<hash>.bin's bytes (or a
smaller equivalent) into CASES with the format it failed under."""

from __future__ import annotations

import gzip
import sys

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

sys.path.insert(0, str(ROOT / "tools"))
from fuzz import cases, check

from newsdump.cli import app

HTML = b"<html><body><p>The coast road stayed closed on Monday night.</p></body></html>"
HTTP = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + HTML


def warc_record(length: int, uri: bytes = b"http://e.com/a") -> bytes:
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: " + uri + b"\r\nContent-Length: " + str(length).encode() + b"\r\n\r\n"
        + HTTP + b"\r\n\r\n"
    )  # fmt: skip


# (name, bytes, --format)
CASES = [
    # warcio printed "WARNING: Record not followed by newline" to stderr, between our JSON lines
    ("warc-length-too-small", warc_record(20) + warc_record(len(HTTP)), "auto"),
    ("warc-length-too-big", warc_record(len(HTTP) + 50), "warc"),
    # header bytes that are not UTF-8 (warcio falls back to latin-1: still valid text)
    ("warc-uri-not-utf8", warc_record(len(HTTP), b"http://e.com/caf\xe9\xed\xa0\x80"), "auto"),
    ("warc-headers-only", b"WARC/1.0\r\nWARC-Type: response\r\n", "auto"),
    (
        "jsonl-lone-surrogates",
        b'{"text": "a \\ud800 b", "id": "\\udfff", "url": "\\udc80"}\n',
        "auto",
    ),
    ("jsonl-deep", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "jsonl"),
    ("jsonl-huge-int-id", b'{"text": "page", "id": 123456789012345678901234567890}\n', "jsonl"),
    ("jsonl-forced-on-binary", b"\x00\xff" * 500, "jsonl"),
    ("warc-forced-on-text", b"just some text\nand more\n", "warc"),
    ("html-forced-on-nul", b"\x00" * 100, "html"),
    ("gzip-truncated", gzip.compress(b"page text " * 100)[:30], "auto"),
    ("gzip-empty-member", gzip.compress(b""), "auto"),
    ("zstd-magic-only", b"\x28\xb5\x2f\xfd", "auto"),
    ("bom-only", b"\xef\xbb\xbf", "auto"),
    ("utf16-bom-odd-length", b"\xff\xfeA\x00B", "auto"),
    ("form-feeds-and-nothing", b"\f\n\f\n\f", "text"),
]


@pytest.mark.parametrize(("name", "data", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_regression_case_passes_the_fuzz_check(name: str, data: bytes, fmt: str) -> None:
    check(data, fmt, "text", pipeline=True)


def test_warc_with_lying_length_leaves_only_json_on_stderr(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "lying.warc"
    path.write_bytes(warc_record(20) + warc_record(len(HTTP)))
    result = CliRunner().invoke(app, ["extract", "-j", "1", str(path)])
    assert result.exit_code == 1
    lines = result.stderr_bytes.splitlines()
    assert lines and all(line.startswith(b'{"source":') for line in lines), lines
    assert any(b'"error":"bad_warc"' in line for line in lines)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=cases())
def test_fuzz_generators_for_a_moment(case: tuple[bytes, str, str]) -> None:
    data, fmt, field = case
    check(data, fmt, field)
