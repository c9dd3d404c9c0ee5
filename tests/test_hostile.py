"""Hostile and broken input: it never crashes, never hangs, never writes outside -o. Every
document yields a record or an error record (one JSON line each), and the exit code is 0 or 1.
docs/bad-inputs.md lists these cases and what each produced."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsdump.cli import app
from newsdump.document import Document
from newsdump.pipeline import DocResult
from newsdump.records import ErrorRecord
from newsdump.runner import Job, expand_paths, iter_inputs, process_with_limits
from newsdump.settings import Settings
from newsdump.sources import iter_documents

TEXT = (
    "Storm closes the coast road\n\n"
    "The coast road between Gullpoint and the lighthouse stayed closed on Monday night after "
    "waves carried stones across both lanes, the county roads office said. Müller café naïve.\n"
)
HTML = (
    b"<html><body><h1>Storm</h1><p>The coast road stayed closed on Monday night after the "
    b"waves carried stones across both lanes.</p></body></html>"
)


Lines = list[dict[str, Any]]


def run_cli(args: list[Any], input: bytes | None = None) -> tuple[int, Lines, Lines]:
    """Exit code, records, error records; fails on a traceback or a line that is not JSON."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=input, prog_name="newsdump")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    records = [orjson.loads(line) for line in result.stdout_bytes.splitlines()]
    errors = [orjson.loads(line) for line in result.stderr_bytes.splitlines()]
    for error in errors:
        assert list(error) == ["source", "error", "message", "stage"], error
        assert "\n" not in error["message"]
    return result.exit_code, records, errors


def warc(content: bytes, length: int | str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + content
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: http://example.com/a\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(length).encode() + b"\r\n\r\n" + http + b"\r\n\r\n"
    )


HTTP_LENGTH = len(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + HTML)
RANDOM = random.Random(1).randbytes(20_000)

# name → (bytes, {error kind: count}, records): what docs/bad-inputs.md reports
CASES: dict[str, tuple[bytes, dict[str, int], int]] = {
    "random-bytes.bin": (RANDOM, {"binary": 1}, 0),
    "png-named.txt": (b"\x89PNG\r\n\x1a\n" + RANDOM[:5000], {"binary": 1}, 0),
    "utf-8-sig.txt": (TEXT.encode("utf-8-sig"), {}, 1),
    "utf-16-bom.txt": (TEXT.encode("utf-16"), {}, 1),
    "utf-16-le-no-bom.txt": (TEXT.encode("utf-16-le"), {"binary": 1}, 0),
    "utf-32.txt": (TEXT.encode("utf-32"), {"binary": 1}, 0),
    "latin-1.txt": (TEXT.encode("latin-1"), {}, 1),
    "cp1252.txt": (TEXT.encode("cp1252"), {}, 1),
    "shift_jis.txt": (("東京で大雨。交通機関に影響が出ている。\n" * 20).encode("shift_jis"), {}, 1),
    "koi8-r.txt": (
        ("В Москве прошёл сильный дождь, транспорт встал.\n" * 20).encode("koi8-r"),
        {},
        1,
    ),
    "gb18030.txt": (("北京今天下雨，交通受到影响。\n" * 20).encode("gb18030"), {}, 1),
    "nul-bytes.txt": (TEXT.encode().replace(b" ", b"\x00", 30), {"binary": 1}, 0),
    "a-few-nuls.txt": (TEXT.encode().replace(b" ", b"\x00", 3), {}, 1),
    "empty.txt": (b"", {"empty": 1}, 0),
    "blank.txt": (b" \n\t\n\n", {"empty": 1}, 0),
    "form-feeds-only.txt": (b"\f\n" * 1000, {"empty": 1}, 0),
    "cr-line-ends.txt": (TEXT.replace("\n", "\r").encode(), {}, 1),
    "lone-surrogates.jsonl": (
        b'{"id": "x\\udc80", "text": "Lone \\ud800 surrogate in a story about the coast road.", '
        b'"url": "http://e/\\udfff"}\n',
        {},
        1,
    ),
    "invalid-utf8-in-json.jsonl": (b'{"text": "caf\xe9 au lait, and the coast road"}\n', {}, 1),
    "deeply-nested.jsonl": (
        b'{"text": ' + b"[" * 200_000 + b"]" * 200_000 + b"}\n",
        {"not_json": 1},
        0,
    ),
    "deeply-nested-unclosed.jsonl": (b'{"a":' * 100_000 + b"\n", {"not_json": 1}, 0),
    "not-objects.jsonl": (
        b'{"text": "a story about the coast road"}\n[1,2]\n"s"\nnull\n{"text": 5}\n'
        b'{"nothing": 1}\n{"text": ""}\n{broken\n',
        {"not_json": 4, "no_text": 2, "empty": 1},
        1,
    ),
    "gigantic-line.jsonl": (
        b'{"text": "' + b"word " * 300_000 + b'"}\n{"text": "a normal page about a storm"}\n',
        {"too_large": 1},
        1,
    ),
    "no-newline.txt": (b"word " * 300_000, {"too_large": 1}, 0),
    "huge-attribute.html": (
        b"<html><body><p class='" + b"x" * 1_200_000 + b"'>t</p></body></html>",
        {"too_large": 1},
        0,
    ),
    "deeply-nested.html": (
        b"<!doctype html><html><body>" + b"<div>" * 50_000 + b"text" + b"</div>" * 50_000,
        {},
        1,
    ),
    "gzip-bomb.gz": (gzip.compress(b"\x00" * 50_000_000, 9), {"too_large": 1}, 0),
    "zstd-bomb.zst": (
        zstandard.ZstdCompressor(level=19).compress(b"a" * 50_000_000),
        {"too_large": 1},
        0,
    ),
    "truncated.gz": (gzip.compress(TEXT.encode() * 50)[:-40], {"truncated": 1}, 0),
    "corrupt.gz": (b"\x1f\x8b\x08\x00" + RANDOM[:2000], {"corrupt": 1}, 0),
    "corrupt.zst": (b"\x28\xb5\x2f\xfd" + RANDOM[:2000], {"corrupt": 1}, 0),
    "corrupt.xz": (b"\xfd7zXZ\x00" + RANDOM[:2000], {"corrupt": 1}, 0),
    "corrupt.bz2": (b"BZh9" + RANDOM[:2000], {"read_error": 1}, 0),
    "gzip-in-gzip.gz": (gzip.compress(gzip.compress(TEXT.encode())), {"binary": 1}, 0),
    "bzip2.bz2": (bz2.compress(TEXT.encode()), {}, 1),
    "xz.xz": (lzma.compress(TEXT.encode()), {}, 1),
    "warc-length-too-big.warc": (warc(HTML, HTTP_LENGTH + 5000), {}, 1),
    "warc-length-too-small.warc": (warc(HTML, 20) + warc(HTML, HTTP_LENGTH), {"bad_warc": 1}, 1),
    "warc-length-negative.warc": (warc(HTML, -5), {"bad_warc": 1}, 0),
    "warc-length-not-a-number.warc": (warc(HTML, "12abc"), {"bad_warc": 1}, 0),
    "warc-length-petabytes.warc": (warc(HTML, 10**15), {}, 1),
    "warc-headers-only.warc": (b"WARC/1.0\r\nWARC-Type: response\r\n", {"bad_warc": 1}, 0),
    "warc-then-garbage.warc": (warc(HTML, HTTP_LENGTH) + RANDOM[:3000], {"bad_warc": 1}, 1),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_records_or_error_records(name: str, tmp_path: Path) -> None:
    data, kinds, n_records = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    code, records, errors = run_cli(["extract", "-j", "1", "--max-bytes", "1000000", path])
    assert time.monotonic() - started < 60
    found: dict[str, int] = {}
    for error in errors:
        found[error["error"]] = found.get(error["error"], 0) + 1
    assert (found, len(records)) == (kinds, n_records)
    assert code == (1 if errors else 0)


def test_zip_bomb_stops_at_the_decompression_limit() -> None:
    import io

    bomb = gzip.compress(b"a\n" * 10_000_000, 9)
    limit = Settings(max_decompressed_bytes=1_000_000)
    items = list(iter_documents(io.BytesIO(bomb), "bomb.gz", limit))
    assert [(i.error, i.message) for i in items if isinstance(i, ErrorRecord)] == [
        ("too_large", "gzip input decompresses to more than 1000000 bytes")
    ]


def test_file_names_with_newlines_and_invalid_utf8_stay_valid_json(tmp_path: Path) -> None:
    root = os.fsencode(tmp_path)
    for name in (b"new\nline.txt", b"caf\xe9-\xff.txt", b'tab\tand "quotes".txt'):
        with open(os.path.join(root, name), "wb") as handle:
            handle.write(TEXT.encode())
    code, records, errors = run_cli(["extract", "-j", "1", tmp_path])
    assert (code, errors) == (0, [])
    names = sorted(os.path.basename(r["source"]) for r in records)
    assert names == ["caf\ufffd-\ufffd.txt", "new\nline.txt", 'tab\tand "quotes".txt']


def test_name_that_is_not_utf8_with_state(tmp_path: Path) -> None:
    directory = tmp_path / "in"
    directory.mkdir()
    with open(os.path.join(os.fsencode(directory), b"caf\xe9.txt"), "wb") as handle:
        handle.write(TEXT.encode())
    out, state = tmp_path / "out.jsonl", tmp_path / "s.state"
    for _ in range(2):
        code, _, errors = run_cli(["extract", directory, "-o", out, "--state", state])
        assert (code, errors) == (0, [])
    [record] = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert record["source"].endswith("caf\ufffd.txt")


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    directory = tmp_path / "in"
    (directory / "sub").mkdir(parents=True)
    (directory / "sub" / "page.txt").write_text(TEXT)
    (directory / "sub" / "up").symlink_to(directory)  # a loop through the parent
    (directory / "self").symlink_to(directory / "self")  # a link to itself
    code, records, errors = run_cli(["extract", "-j", "1", directory])
    assert [os.path.basename(r["source"]) for r in records] == ["page.txt"]
    assert [(os.path.basename(e["source"]), e["error"]) for e in errors] == [("self", "unreadable")]
    assert code == 1


def test_a_path_that_vanishes_mid_run_is_an_error_record(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TEXT)
    items = iter_inputs(expand_paths([str(tmp_path)]), Settings())
    first = next(items)
    (tmp_path / "b.txt").unlink()
    rest = list(items)
    assert isinstance(first, Document)
    assert isinstance(rest[0], ErrorRecord) and rest[0].error == "unreadable"
    assert rest[0].source == str(tmp_path / "b.txt")
    assert isinstance(rest[1], Document)


def test_nothing_is_written_outside_the_output(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("random-bytes.bin", "not-objects.jsonl", "warc-then-garbage.warc"):
        (inputs / name).write_bytes(CASES[name][0])
    (inputs / "page.txt").write_text(TEXT)
    before = sorted(p for p in inputs.rglob("*"))
    outdir = tmp_path / "out"
    outdir.mkdir()
    run_cli(["extract", "-j", "1", inputs, "-o", outdir / "a.jsonl"])
    run_cli(["extract", "-j", "1", inputs, "-o", outdir / "b.jsonl", "--state", outdir / "s"])
    assert sorted(p for p in inputs.rglob("*")) == before
    made = sorted(p.name for p in outdir.iterdir())
    assert [n for n in made if not n.startswith("s")] == ["a.jsonl", "b.jsonl"]


def test_a_slow_document_becomes_a_timeout_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsdump.runner as runner

    def slow(doc: Document, settings: Settings, mode: str, *args: Any) -> DocResult:
        time.sleep(5)
        raise AssertionError("not reached")

    monkeypatch.setattr(runner, "process_document", slow)
    job = Job(Settings(timeout=0.2), "extract")
    started = time.monotonic()
    result = process_with_limits(Document("slow.txt", TEXT), job)
    assert time.monotonic() - started < 2
    assert result.error is not None
    assert (result.error.error, result.error.source) == ("timeout", "slow.txt")


def test_timeout_in_worker_processes(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"text": TEXT + str(n)}) + "\n" for n in range(4)))
    code, records, errors = run_cli(["extract", "-j", "2", "--timeout", "0.000001", path])
    assert code == 1 and records == []
    assert {e["error"] for e in errors} == {"timeout"} and len(errors) == 4


# --- any bytes, any way in --------------------------------------------------------------------

PREFIXES = [
    b"",
    b"{",
    b'{"text": "',
    b'{"id": 1, "text": "x"}\n',
    b"WARC/1.0\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n",
    b"<!doctype html><html>",
    b"\x1f\x8b\x08\x00",
    b"\x28\xb5\x2f\xfd",
    b"BZh9",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\f\n",
]


def compressed(data: bytes, how: str) -> bytes:
    if how == "gzip":
        return gzip.compress(data)
    if how == "zstd":
        return zstandard.ZstdCompressor().compress(data)
    return data


WAYS: list[Callable[[Path, bytes], tuple[list[Any], bytes | None]]] = [
    lambda path, data: (["extract", "-j", "1", path], None),
    lambda path, data: (["split", "-j", "1", "-"], data),
    lambda path, data: (["extract", "-j", "1", "--format", "jsonl", path], None),
    lambda path, data: (["extract", "-j", "1", "--format", "warc", path], None),
    lambda path, data: (["split", "-j", "1", "--format", "html", path], None),
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=2000)
    | st.text(max_size=500).map(lambda t: t.encode("utf-8", "replace")),
    how=st.sampled_from(["plain", "plain", "gzip", "zstd"]),
    way=st.integers(min_value=0, max_value=len(WAYS) - 1),
)
def test_any_bytes_any_way_in_yield_records_or_error_records(
    tmp_path: Path, prefix: bytes, body: bytes, how: str, way: int
) -> None:
    data = compressed(prefix + body, how)
    path = tmp_path / "input"
    path.write_bytes(data)
    args, stdin = WAYS[way](path, data)
    code, records, errors = run_cli(args, input=stdin)
    assert records or errors or code == 0


def test_a_page_stuck_in_c_code_ends_its_worker_and_becomes_worker_died(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hashlib

    import newsdump.runner as runner

    def stuck(doc: Document, settings: Settings, mode: str, *args: Any) -> DocResult:
        hashlib.pbkdf2_hmac("sha256", b"x", b"y", 10**9)  # C code: SIGALRM cannot get in
        raise AssertionError("not reached")

    monkeypatch.setattr(runner, "process_document", stuck)  # forked workers inherit it
    monkeypatch.setattr(runner, "HARD_TIMEOUT_GRACE", 0.5)
    job = Job(Settings(timeout=0.5), "extract")
    items = [Document("a.txt", TEXT), Document("b.txt", TEXT)]
    started = time.monotonic()
    results = [r for r in runner.run_items(items, job, 2) if isinstance(r, DocResult)]
    assert time.monotonic() - started < 30
    assert [(r.source, r.error and r.error.error) for r in results] == [
        ("a.txt", "worker_died"),
        ("b.txt", "worker_died"),
    ]


def test_a_chunk_refused_by_a_pool_that_broke_meanwhile_is_run_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    import newsdump.runner as runner

    submits: list[int] = []
    submit = ProcessPoolExecutor.submit

    def refuse_the_third(self: ProcessPoolExecutor, fn: Any, /, *args: Any) -> Any:
        submits.append(1)  # (a worker killed while results were read: the pool refuses work)
        if len(submits) == 3:
            raise BrokenProcessPool("A child process terminated abruptly")
        return submit(self, fn, *args)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", refuse_the_third)
    monkeypatch.setattr(runner, "CHUNK_DOCUMENTS", 2)
    items = [Document(f"{i}.txt", TEXT) for i in range(9)]
    results = list(runner.run(items, Job(Settings(), "extract"), 2))
    assert [(r.source, r.error) for r in results] == [(f"{i}.txt", None) for i in range(9)]
    assert len(submits) >= 6  # five chunks, the refused one again (and any cancelled with it)
