"""The compiled rows' count of a candidate in the page's whole text (the index of the
candidates' anchor characters, newsdump/_headline.c) and the block counts that the compiled
candidates and rows keep on a headline._Blocks from one call to the next: the rows stay the
Python rows, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import headline as H

pytestmark = pytest.mark.skipif(
    H._headline is None, reason="the compiled ranker was not built (no C compiler)"
)

# characters of every anchor rank, and some that share their low bits (the index's bucket)
# with others: 'a' (0x61), 'ѡ' (0x461), 'ࡡ' (0x861); 'Q' (0x51), 'ő' (0x151), 'ՑQ'...
CHARS = "ea QZ.,\n\tőѡࡡ中文Σİ1"
WORDS = ["ea", "Q", "ZZ a", "aQ", "ѡQ", "ࡡ", "中文", "Σa", "İ", "e.", "a,e", "1Q", "ő"]
PIECE = st.one_of(st.sampled_from(WORDS), st.text(alphabet=CHARS, max_size=6))
TEXT = st.lists(PIECE, min_size=1, max_size=5).map(" ".join)


def same_floats(a: object, b: object) -> bool:
    return np.asarray(a, dtype=np.float64).tobytes() == np.asarray(b, dtype=np.float64).tobytes()


def rows_both(texts: list[str]) -> tuple[list[list[float]], list[list[float]]]:
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    cands = list(range(len(texts)))
    compiled = H._compiled_features(ctx, cands, H._Blocks(texts)).tolist()
    return compiled, H._features(ctx, cands, H._Blocks(texts))


@settings(max_examples=1500, deadline=None)
@given(st.lists(TEXT, min_size=4, max_size=12))
def test_recurring_and_quoted_lines_by_the_anchor_index(texts: list[str]) -> None:
    compiled, plain = rows_both(texts)
    assert same_floats(compiled, plain)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(TEXT, min_size=3, max_size=8).filter(any))  # (all empty: no other block)
def test_a_candidate_printed_again_inside_other_blocks(text: str, others: list[str]) -> None:
    texts = [text, *(f"{o}{text}{o}" for o in others), text]
    compiled, plain = rows_both(texts)
    assert same_floats(compiled, plain)
    recurs, quoted = H.FEATURES.index("recurs"), H.FEATURES.index("quoted")
    assert compiled[0][recurs] == 1.0 and compiled[0][quoted] == 1.0


def test_a_page_of_repeats_by_the_index() -> None:
    texts = ["ab ab", "xab abx", "ab ab", "ab ab ab", "zz zz", "Q q", "Q q", "中文 中文"]
    compiled, plain = rows_both(texts)
    assert same_floats(compiled, plain)
    recurs, quoted = H.FEATURES.index("recurs"), H.FEATURES.index("quoted")
    got = [(r[recurs], r[quoted]) for r in compiled]
    assert got == [
        (1.0, 1.0), (0.0, 0.0), (1.0, 1.0), (0.0, 0.0), (0.0, 0.0), (1.0, 0.0), (1.0, 0.0),
        (0.0, 0.0),
    ]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=10))
def test_blocks_kept_from_one_call_to_the_next(texts: list[str]) -> None:
    ctx = H.context(texts, [(False, False)] * len(texts), [len(texts) - 1])
    blocks = H._Blocks(texts)
    cands = H._candidates(ctx, blocks)  # fills blocks._native
    again = H._candidates(ctx, blocks)
    fresh = H._candidates(ctx, H._Blocks(texts))
    assert cands == again == fresh
    assert isinstance(blocks._native, bytearray)
    cands = list(range(len(texts)))
    kept = H._compiled_features(ctx, cands, blocks).tolist()
    assert same_floats(kept, H._features(ctx, cands, H._Blocks(texts)))


def test_a_native_cache_of_another_size_is_made_again() -> None:
    texts = ["Council votes to rebuild the bridge", "By Ann Lee", "The council voted."]
    ctx = H.context(texts, [(False, False)] * 3, [2])
    blocks = H._Blocks(texts)
    blocks._native = bytearray(5)
    rows = H._compiled_features(ctx, [0, 1], blocks).tolist()
    assert same_floats(rows, H._features(ctx, [0, 1], H._Blocks(texts)))
    assert isinstance(blocks._native, bytearray) and len(blocks._native) != 5
    blocks._native = bytearray(len(blocks._native))  # the right size, another lexicon's mark
    assert same_floats(H._compiled_features(ctx, [0, 1], blocks).tolist(), rows)


def test_a_page_whose_every_character_is_an_anchor() -> None:
    # every place is indexed: the buffer of the marked places grows to the whole page
    texts = ["Q Q"] * 6 + ["Q" * 5000, "QQ QQ", "Q\nQ Q", "Q Q Q"]
    compiled, plain = rows_both(texts)
    assert same_floats(compiled, plain)
    recurs, quoted = H.FEATURES.index("recurs"), H.FEATURES.index("quoted")
    assert [(r[recurs], r[quoted]) for r in compiled[:6]] == [(1.0, 1.0)] * 6
