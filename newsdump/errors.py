"""Narrow exceptions; each becomes one error record, never a traceback (unless --debug)."""

from __future__ import annotations


class NewsdumpError(Exception):
    """Something newsdump could not do."""

    kind = "error"


class ReadError(NewsdumpError):
    """Input could not be read."""

    kind = "read_error"


class DecodeError(ReadError):
    """Input is not text in any encoding we know."""

    kind = "binary"


class EmptyInput(ReadError):
    """Input is empty."""

    kind = "empty"


class TooLarge(ReadError):
    """Input is larger than the configured limit."""

    kind = "too_large"


class BadRecord(ReadError):
    """A record inside a container (JSONL line, WARC record) is malformed."""

    kind = "bad_record"
