"""_features.consent_candidates (newsdump/_features.c): the first blocks of a page that may be a
consent notice, a superset of those that may_name_cookies (within CONSENT_REACH, the page's
last block never, of CONSENT_MIN_CHARS to CONSENT_MAX_CHARS characters); consent_notices the
same sets with it as without it."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import classify
from newsdump.classify import (
    CONSENT_MAX_CHARS,
    CONSENT_MIN_CHARS,
    CONSENT_REACH,
    consent_notices,
    may_name_cookies,
)
from newsdump.document import Block

try:
    from newsdump import _features
except ImportError:  # pragma: no cover - depends on the install
    _features = None  # type: ignore[assignment]

pytestmark = pytest.mark.skipif(_features is None, reason="the compiled extension was not built")

PIECES = [
    "We use cookies.",
    "COOKIES ",
    "CoOkIe",
    "ciasteczek",
    "CIASTECZEK",
    "cZ",
    "oO",
    "o",
    "c",
    "z",
    "Oz",
    "Ö",
    "ô",
    "ç",
    "クッキー",
    "쿠키",
    "İ",
    "Σ",
    "\x00",
    " ",
    "Read the terms. ",
    "x" * 25,
]


def blocks_of(texts: list[str]) -> list[Block]:
    return [Block(i, t, (i, i)) for i, t in enumerate(texts)]


def expected_candidates(blocks: list[Block]) -> list[int]:
    return [
        i
        for i in range(min(CONSENT_REACH, len(blocks) - 1))
        if CONSENT_MIN_CHARS <= len(blocks[i].text) <= CONSENT_MAX_CHARS
        and may_name_cookies(blocks[i].text)
    ]


def check(texts: list[str]) -> None:
    blocks = blocks_of(texts)
    found = _features.consent_candidates(
        blocks, CONSENT_REACH, CONSENT_MIN_CHARS, CONSENT_MAX_CHARS
    )
    assert found == sorted(set(found))
    assert set(expected_candidates(blocks)) <= set(found)
    assert all(0 <= i < min(CONSENT_REACH, len(blocks) - 1) for i in found)
    for i in found:  # one-byte texts: exactly those that may
        text = blocks[i].text
        assert CONSENT_MIN_CHARS <= len(text) <= CONSENT_MAX_CHARS
        if max(map(ord, text), default=0) < 256:
            assert may_name_cookies(text)
    with patch.object(classify, "_CONSENT_CANDIDATES", False):
        plain = consent_notices(blocks)
    assert consent_notices(blocks) == plain


@settings(deadline=None, max_examples=300)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=14))
def test_candidates(texts: list[str]) -> None:
    check(texts)


def test_bounds_and_pages() -> None:
    notice = "We use cookies on this site. Accept them, please."
    check([])
    check([notice])  # the last block: never
    check([notice, "x"])
    check([notice] * 20)
    check(["o" * (CONSENT_MIN_CHARS - 1), "o" * CONSENT_MIN_CHARS, "o" * CONSENT_MAX_CHARS])
    check(["o" * (CONSENT_MAX_CHARS + 1), "x"])
    blocks = blocks_of([notice, "Home"])
    assert consent_notices(blocks) == {0}
    assert _features.consent_candidates(blocks, 0, 0, 10**6) == []
    with pytest.raises(TypeError):
        _features.consent_candidates([Block(0, 5, (0, 0)), blocks[1]], 10, 0, 10)  # type: ignore[arg-type]
