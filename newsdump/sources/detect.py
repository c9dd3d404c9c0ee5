"""Which kind of input a stream holds, from its first bytes."""

from __future__ import annotations

import json
import re
from enum import StrEnum

import orjson

SNIFF_BYTES = 4096
HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
HTML_TAGS = re.compile(rb"<(?:head|body|meta|div|p|title)[\s>]", re.IGNORECASE)


class InputKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    WARC = "warc"


def sniff_kind(head: bytes) -> InputKind:
    """Recognise WARC, JSONL and HTML; anything else is a plain-text dump."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"WARC/1."):
        return InputKind.WARC
    if body.startswith(b"{"):
        first = body.split(b"\n", 1)[0]
        if b"\n" not in body and len(head) >= SNIFF_BYTES:
            return InputKind.JSONL  # a long first line: trust the brace
        if _parses(first):
            return InputKind.JSONL
    if looks_like_html(body[:1024]):
        return InputKind.HTML
    return InputKind.TEXT


def _parses(line: bytes) -> bool:
    """The line is JSON; invalid UTF-8 inside strings is allowed, as the JSONL reader allows it."""
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        try:
            json.loads(line.decode("utf-8", errors="replace"))
        except (ValueError, RecursionError):
            return False
    return True


def looks_like_html(text: bytes) -> bool:
    """A start made of markup, with `<!doctype html` or `<html` near it, or of HTML tags.
    (A text dump may quote "<html>" in its first lines; it does not start with a tag.)"""
    stripped = text.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not stripped.startswith(b"<"):
        return False
    return bool(HTML_START.search(stripped[:1024]) or HTML_TAGS.match(stripped))


def text_looks_like_html(text: str) -> bool:
    """`looks_like_html` of the text's first 1024 characters (UTF-8): none of them a "<" (most
    pages), no byte of their UTF-8 is one, and it is not (a search instead of an encoding)."""
    if text.find("<", 0, 1024) < 0:
        return False
    return looks_like_html(text[:1024].encode("utf-8", "replace"))
