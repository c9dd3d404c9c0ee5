"""_feed's story-key SHA-1: the SHA-NI block function (where this processor has it) and the scalar
one give hashlib.sha1's digest, over every padding case (0-200 bytes, block edges) and beyond."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

_feed = pytest.importorskip("newsdump._feed")


def expected(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


@pytest.mark.parametrize("ni", [False, True])
def test_every_length_to_200_and_block_edges(ni: bool) -> None:
    for n in [*range(201), 255, 256, 257, 1000, 4095, 4096, 4097]:
        data = bytes((7 * k + n) & 255 for k in range(n))
        got = _feed.sha1_hex16(data, ni)
        if got is None:
            assert ni
            pytest.skip("no SHA-NI here")
        assert got == expected(data)


def test_known_digests() -> None:
    assert _feed.sha1_hex16(b"", False) == "da39a3ee5e6b4b0d"
    assert _feed.sha1_hex16(b"abc", False) == "a9993e364706816a"
    for ni in (False, True):
        got = _feed.sha1_hex16(b"abc", ni)
        assert got in (None, "a9993e364706816a")


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=700))
def test_ni_and_scalar_as_hashlib(data: bytes) -> None:
    assert _feed.sha1_hex16(data, False) == expected(data)
    got = _feed.sha1_hex16(data, True)
    assert got is None or got == expected(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_story_key_as_hashlib(title: str) -> None:
    from newsdump import feed

    assert _feed.story_key(title) == feed.story_key(title)
