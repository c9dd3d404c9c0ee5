"""Fuzz the readers (and, with --pipeline, the whole page pipeline) for a bounded time.

    python tools/fuzz.py --seconds 120          # what `make fuzz` runs
    python tools/fuzz.py --seconds 30 --pipeline

Hypothesis generates inputs: raw bytes, and structured ones that get past the first checks —
JSON lines built from random JSON values, WARC records with random headers and lying
Content-Lengths, HTML-ish tag soup, form-feed-separated text, each maybe compressed (gzip, zstd,
bzip2, xz, possibly truncated) — and feeds them to `iter_documents` under every `--format`.
Every item must be a Document or an ErrorRecord; document text, ids and urls must be valid
UTF-8 (orjson refuses lone surrogates, which would stop a whole run); error records must be one
line. A failing input is shrunk, written to build/fuzz/crash-<hash>.bin with the traceback, and
the exit code is 1: turn it into a case in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import hashlib
import io
import json
import lzma
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from types import FrameType
from typing import Any

import orjson
import zstandard
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdump.document import Document  # noqa: E402
from newsdump.pipeline import process_document  # noqa: E402
from newsdump.records import ErrorRecord, to_json_line  # noqa: E402
from newsdump.settings import Settings  # noqa: E402
from newsdump.sources import iter_documents  # noqa: E402

FORMATS = ["auto", "text", "html", "jsonl", "warc"]
CASE_SECONDS = 20  # one input taking longer than this is a hang
LIMITS = {"max_document_bytes": 200_000, "max_decompressed_bytes": 2_000_000}


class Hang(Exception):
    """One input took longer than CASE_SECONDS."""


def check(data: bytes, fmt: str = "auto", text_field: str = "text", pipeline: bool = False) -> int:
    """Read `data` as a file under `fmt`; raise on anything a run could not survive. Returns
    the number of items read."""
    config = Settings(format=fmt, text_field=text_field, **LIMITS)  # type: ignore[arg-type]
    n = 0
    for item in iter_documents(io.BytesIO(data), "fuzz", config):
        n += 1
        if isinstance(item, ErrorRecord):
            line = to_json_line(item.to_dict())
            assert line.count(b"\n") == 1, line
            assert item.error and item.message
            continue
        assert isinstance(item, Document), type(item)
        for value in (item.text, item.id, item.url, item.date, item.source):
            if value is not None:
                orjson.dumps(value)  # no lone surrogates
        if pipeline:
            result = process_document(item, config, "split")
            for record in result.records:
                to_json_line(record)
            if result.error is not None:
                assert result.error.error != "extract_failed", result.error.message
    return n


def _compress(data: bytes, how: str) -> bytes:
    if how == "gzip":
        return gzip.compress(data)
    if how == "zstd":
        return zstandard.ZstdCompressor().compress(data)
    if how == "bzip2":
        return bz2.compress(data)
    if how == "xz":
        return lzma.compress(data)
    return data


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["text", "id", "url", "date", "x"]), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def jsonl(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        obj = {"text": draw(st.text(max_size=300)), "id": draw(JSON_VALUES)}
        obj.update(draw(st.dictionaries(st.sampled_from(["url", "date", "x"]), JSON_VALUES)))
        line = json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8", "replace")
        if draw(st.booleans()):  # damage it
            at = draw(st.integers(0, len(line)))
            line = line[:at] + draw(st.binary(max_size=8)) + line[at:]
        lines.append(line)
    return b"\n".join(lines) + draw(st.sampled_from([b"\n", b"", b"\r\n"]))


@st.composite
def warc(draw: st.DrawFn) -> bytes:
    out = b""
    for _ in range(draw(st.integers(1, 3))):
        body = draw(st.binary(max_size=300)) if draw(st.booleans()) else draw(html()).encode()
        kind = draw(st.sampled_from(["response", "conversion", "resource", "request", "x"]))
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" if kind == "response" else b""
        block = http + body
        length = draw(st.sampled_from([len(block), len(block) + 7, max(0, len(block) - 7), 0]))
        uri = draw(st.binary(max_size=30))
        headers = (
            b"WARC/1.0\r\nWARC-Type: " + kind.encode() + b"\r\n"
            b"WARC-Record-ID: <urn:uuid:" + draw(st.binary(max_size=12)) + b">\r\n"
            b"WARC-Target-URI: http://e.com/" + uri + b"\r\n"
            b"WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http\r\n"
            b"Content-Length: " + str(length).encode() + b"\r\n\r\n"
        )
        out += headers + block + b"\r\n\r\n"
    return out


@st.composite
def html(draw: st.DrawFn) -> str:
    tags = st.sampled_from(["p", "div", "h1", "a", "script", "style", "li", "br", "html", "body"])
    parts = ["<!doctype html><html><body>"] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(tags)
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} x='y'>"])))
        parts.append(draw(st.text(max_size=40)))
    return "".join(parts)


@st.composite
def text_dump(draw: st.DrawFn) -> bytes:
    pages = draw(st.lists(st.text(max_size=200), min_size=1, max_size=4))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252", "shift_jis"]))
    sep = draw(st.sampled_from(["\n\f\n", "\f", "\n"]))
    return sep.join(pages).encode(encoding, errors="replace")


INPUTS = st.one_of(
    st.binary(max_size=3000),
    jsonl(),
    warc(),
    html().map(lambda s: s.encode("utf-8", "replace")),
    text_dump(),
)


@st.composite
def cases(draw: st.DrawFn) -> tuple[bytes, str, str]:
    data = draw(INPUTS)
    how = draw(st.sampled_from(["plain", "plain", "plain", "gzip", "zstd", "bzip2", "xz"]))
    data = _compress(data, how)
    if how != "plain" and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # truncated
    fmt = draw(st.sampled_from(FORMATS))
    field = draw(st.sampled_from(["text", "text", "x"]))
    return data, fmt, field


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"one input took longer than {CASE_SECONDS} s")


def fuzz(seconds: float, pipeline: bool, out: Path, start_seed: int) -> int:
    deadline = time.monotonic() + seconds
    examples = 0
    crashes = 0
    signal.signal(signal.SIGALRM, _on_alarm)
    round_seed = start_seed
    failure: dict[str, Any] = {}
    while time.monotonic() < deadline and not crashes:
        round_seed += 1
        failure.clear()

        @seed(round_seed)
        @settings(
            max_examples=200,
            deadline=None,
            database=None,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=cases())
        def target(case: tuple[bytes, str, str]) -> None:
            nonlocal examples
            examples += 1
            data, fmt, field = case
            signal.alarm(CASE_SECONDS)
            try:
                check(data, fmt, field, pipeline)
            except BaseException as exc:
                failure.update(case=case, error=traceback.format_exc(), exc=exc)
                raise
            finally:
                signal.alarm(0)

        try:
            target()
        except Exception:
            if "case" not in failure:
                raise  # the harness itself broke
            crashes += 1
            data, fmt, field = failure["case"]
            out.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(data).hexdigest()[:12]
            (out / f"crash-{name}.bin").write_bytes(data)
            (out / f"crash-{name}.txt").write_text(
                f"format={fmt} text_field={field}\n{failure['error']}"
            )
            print(f"CRASH (format={fmt}, text_field={field}): {out}/crash-{name}.bin")
            print(failure["error"])
    elapsed = seconds - max(0.0, deadline - time.monotonic())
    print(f"fuzz: {examples} inputs in {elapsed:.0f} s, {crashes} crash(es)")
    return 1 if crashes else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--pipeline", action="store_true", help="also run every page through")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "fuzz")
    parser.add_argument("--seed", type=int, default=int.from_bytes(os.urandom(4), "big"))
    args = parser.parse_args()
    print(f"fuzz: seed {args.seed}, {args.seconds:g} s" + (", with the pipeline" * args.pipeline))
    sys.exit(fuzz(args.seconds, args.pipeline, args.out, args.seed))


if __name__ == "__main__":
    main()
