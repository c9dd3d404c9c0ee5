"""_io.jsonl_object (a JSONL line's flat object of strings, read in C) against orjson.loads."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.sources import jsonl

_io = pytest.importorskip("newsdump._io")


def check(line: bytes, complete: bool = False) -> None:
    """jsonl_object gives orjson's dict (and whether a string holds a NUL), or None; never a
    dict for a line orjson refuses or reads otherwise. `complete`: the line has no key twice,
    so a flat object of strings without a \\u escape is read (not None)."""
    got = _io.jsonl_object(line)
    try:
        expected: Any = orjson.loads(line)
    except orjson.JSONDecodeError:
        assert got is None
        return
    if got is None:  # (not a flat object of strings: orjson's to read)
        assert not complete or not (
            isinstance(expected, dict)
            and all(isinstance(v, str) or v is None for v in expected.values())
            and b"\\u" not in line
            and line.strip(b" \t\r\n").startswith(b"{")
        )
        return
    obj, nul = got
    assert type(obj) is dict and obj == expected
    assert list(obj) == list(expected)
    assert nul == any("\x00" in k or (v is not None and "\x00" in v) for k, v in obj.items())


CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(['"', "\\", "/", "\n", "\t", "\r", "\b", "\f", "\x00", "\x1f", "\x7f",
                     "\u2028", "\ufeff", "é", "中", "\U0001f600", "\ud800", "\udc00"]),
)  # fmt: skip
STRINGS = st.lists(CHARS, max_size=30).map("".join)
VALUES = st.one_of(STRINGS, STRINGS, st.none(), st.integers(), st.booleans(), st.just([]))
OBJECTS = st.dictionaries(STRINGS, VALUES, max_size=5)


def dumped(obj: dict[str, Any], how: int) -> bytes:
    if how == 0:
        return json.dumps(obj).encode()  # \uXXXX escapes, surrogate pairs
    if how == 1:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if how == 2:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")
    return orjson.dumps({k: v for k, v in obj.items() if "\ud800" not in k + str(v)})


@settings(max_examples=1500, deadline=None)
@given(OBJECTS, st.integers(0, 3), st.sampled_from([b"", b"\n", b" \r\n", b"\t"]))
def test_flat_objects_are_orjsons(obj: dict[str, Any], how: int, tail: bytes) -> None:
    try:
        line = dumped(obj, how)
    except (UnicodeEncodeError, TypeError):
        return
    check(line + tail, complete=True)
    check(b" \t" + line + tail, complete=True)


PIECES = st.sampled_from(
    [b"", b'"', b"\\", b"\\u", b"\\ud83d", b"\xff", b"\xed\xa0\x80", b"\x00", b"\n", b",",
     b"}", b"{", b"null", b"nul", b"\xc3", b"\\x", b"\\u00zz", b"\\udc00", b'"a":"b"', b" "]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(OBJECTS, st.integers(0, 3), st.data())
def test_cut_or_changed_lines_are_orjsons_or_none(
    obj: dict[str, Any], how: int, data: st.DataObject
) -> None:
    try:
        line = dumped(obj, how)
    except (UnicodeEncodeError, TypeError):
        return
    at = data.draw(st.integers(0, len(line)))
    piece = data.draw(PIECES)
    cut = data.draw(st.integers(0, 3))
    check(line[:at] + piece + line[at + cut :])


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=60))
def test_any_bytes_are_orjsons_or_none(line: bytes) -> None:
    check(line)
    check(b'{"text": "' + line + b'"}')


def test_examples() -> None:
    assert _io.jsonl_object(b'{"id": "x", "text": "a\\nb \\u00e9 \\ud83d\\ude00"}\n') == (
        {"id": "x", "text": "a\nb é \U0001f600"},
        False,
    )
    assert _io.jsonl_object(b'{"a": "1", "b": null, "a": "2"}') == ({"a": "2", "b": None}, False)
    assert _io.jsonl_object(b'{"text": "a\\u0000b"}') == ({"text": "a\x00b"}, True)
    assert _io.jsonl_object(b"{}") == ({}, False)
    for line in [b'{"id": 1, "text": "a"}', b'{"text": "\\ud800"}', b'{"t": "a\x01"}', b"[]",
                 b'{"t": "a"} x', b'{"t": "\xed\xa0\x80"}', b'{"t": "a"', b"", b'{"t": "\\x"}',
                 b'{"t": "a",}', b'{"t" "a"}', b'{"t": true}', b'{"t": {"a": "b"}}']:  # fmt: skip
        assert _io.jsonl_object(line) is None, line
    with pytest.raises(TypeError):
        _io.jsonl_object("{}")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word ", "\n", "é", "中", '"', "\\", "\t", "x" * 17, "\U0001f600",
                                 "\x00", "\u2028"]), max_size=400).map("".join),
       st.booleans())  # fmt: skip
def test_long_strings_with_escapes_are_orjsons(text: str, ascii_only: bool) -> None:
    """Runs of every length between escapes, past the 16-byte steps."""
    line = json.dumps({"id": "x", "text": text}, ensure_ascii=ascii_only).encode()
    check(line, complete=not ascii_only)
    assert _io.jsonl_object(line) == ({"id": "x", "text": text}, "\x00" in text)


def test_parse_line_reads_the_same_without_the_compiled_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [
        b'{"id": "a1", "url": "https://example.com/x", "text": "A page.\\n\\nIts text \\u00e9."}\n',
        b'{"text": "NUL \\u0000 inside", "date": null}',
        b'{"text": "a", "id": 7}',
        b'{"text": "\\ud800 lone"}',
        b'{"text": "   "}',
        b'{"text": "x", "text": "<html><body>page</body></html>"}',
    ]
    fast = [jsonl.parse_line(line, "s", "text") for line in lines]
    monkeypatch.setattr(jsonl, "_flat_object", None)
    assert [jsonl.parse_line(line, "s", "text") for line in lines] == fast
