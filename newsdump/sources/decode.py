"""Bytes to text: UTF-8 first, else a detected encoding; binary data is refused."""

from __future__ import annotations

import re

from newsdump.errors import DecodeError

try:  # the control bytes counted in one vectorised pass (newsdump/_io.c), when it was built
    from newsdump._io import controls as _compiled_controls
except ImportError:  # pragma: no cover - depends on the install
    _compiled_controls = None  # type: ignore[assignment]

BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])  # CONTROL's, as bytes
MAX_CONTROL_SHARE = 0.01  # more control characters than this and it is not a text page
DETECT_SAMPLE = 64 * 1024


def decode(data: bytes) -> str:
    """Decode a page. Raise DecodeError for binary data; undecodable bytes become U+FFFD."""
    return decode_page(data)[0]


def decode_page(data: bytes) -> tuple[str, bytes | None]:
    """`decode`, and `data` itself when it is the text's UTF-8 (`text.encode("utf-8",
    "replace")`): valid UTF-8, decoded strictly, no byte-order mark, no NUL dropped (else None).
    Strict UTF-8 holds no surrogate, and valid UTF-8 is the one encoding of its characters."""
    for name, bom in BOMS:
        if data.startswith(bom):
            return _check(data.decode(name, errors="replace")), None
    if b"\x00" in data[:DETECT_SAMPLE] and data[:DETECT_SAMPLE].count(b"\x00") > 8:
        raise DecodeError("binary data (NUL bytes), not a text page")
    # in UTF-8, U+0000 is the byte 0 and nothing else: a page without one holds no NUL to
    # drop, and searching the bytes is ~100x cheaper than str.replace on a 2-byte-wide text
    nul = b"\x00" in data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        exact = None if nul else data
        if len(data) <= DETECT_SAMPLE:  # the whole text is the sample: count bytes, not chars
            return _check(text, control_bytes(data), nul), exact
        # a longer page: its control bytes are at least its sample's; few enough, and the
        # sample's are too (the sample's own count, a regex over its characters, costs ~2 M
        # instructions a page of 64 K)
        controls = control_bytes(data)
        if controls > _control_limit(min(len(text), DETECT_SAMPLE)):
            return _check(text, nul=nul), exact  # perhaps too many: count the sample's
        return _check(text, controls, nul), exact
    text = data.decode("utf-8", errors="replace")
    if _mostly_utf8(text):  # a stray or cut byte in a UTF-8 page: keep the rest as it is
        return _check(text, nul=nul), None
    encoding = _detect(data)
    if encoding is None:
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > max(16, len(text) // 20):
            raise DecodeError("binary data or an unknown encoding, not a text page")
        return _check(text), None
    return _check(data.decode(encoding, errors="replace")), None


def control_bytes(data: bytes) -> int:
    """How many bytes of `data` are CONTROL_BYTES."""
    if _compiled_controls is not None:
        return _compiled_controls(data)
    return len(data) - len(data.translate(None, CONTROL_BYTES))


def _mostly_utf8(text: str) -> bool:
    """More well-formed non-ASCII characters than bad sequences (U+FFFD) in a UTF-8 reading:
    a UTF-8 page with a few bad bytes, which a detector would read as, say, cp932."""
    bad = text.count("\ufffd")
    return sum(1 for ch in text if ch > "\x7f") - bad > bad


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # a heavy import, only for non-UTF-8 input

    matches = from_bytes(data[:DETECT_SAMPLE])
    if any(str(m.encoding) == "cp1252" for m in matches):
        # the web's legacy default (WHATWG reads latin-1 as windows-1252); on short pages the
        # detector's first choice is often a Baltic or Central European code page that
        # garbles French or German ("naļve", "déją")
        return "cp1252"
    best = matches.best()
    return None if best is None else str(best.encoding)


def _control_limit(sample: int) -> float:
    """The most CONTROL characters a text sample of `sample` characters may hold."""
    return MAX_CONTROL_SHARE * sample + 4


def _check(text: str, controls: int | None = None, nul: bool = True) -> str:
    """Refuse binary data, drop NUL characters. `controls`, when given, is the number of
    CONTROL characters of the whole text (valid UTF-8 of at most DETECT_SAMPLE bytes: a
    control character is one byte, and no byte of a longer character is one), or of a longer
    text, when it is within the sample's limit (then so is the sample's); `nul` false
    says the text holds no NUL (its UTF-8 bytes had no zero byte)."""
    sample = text[:DETECT_SAMPLE]
    if controls is None:
        controls = len(CONTROL.findall(sample))
    if sample and controls > _control_limit(len(sample)):
        raise DecodeError("binary data (control characters), not a text page")
    return text.replace("\x00", "") if nul else text
