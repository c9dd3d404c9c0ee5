"""The compiled features (newsdump/_features.c) against the numpy reference: the same floats,
bit for bit, on invented pages and on random text (non-ASCII, CJK, empty blocks, odd unicode)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import features
from newsdump.document import Block
from newsdump.lang import Language, detect_language, stopwords_for
from newsdump.segment import segment

needs_compiled = pytest.mark.skipif(
    features._features is None, reason="the compiled features were not built (no C compiler)"
)

PAGE = (
    "Home | World | Sport\n\n"
    "Storm closes the harbour road\n\n"
    "By Ana Ruiz, 12 March 2024, 09:30\n\n"
    "The storm reached the coast on Monday night. Waves broke over the harbour wall, "
    "and the road was closed (for safety) until noon.\n\n"
    "“It was the worst in years,” said a fisherman. He had seen www.example.com warn of it.\n\n"
    "Read more: storms of 1999 and 2003\n\n"
    "Share\n\nShare\n\n© 2024 The Coast Times\n"
)
CJK_PAGE = (
    "首页\n\n暴风雨关闭了港口道路。\n\n周一晚上，暴风雨到达海岸，海浪越过了港口的墙。\n\n分享\n"
)


def both(blocks: list[Block], lang: Language) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    compiled, names = features.block_features(blocks, lang)
    reference, reference_names = features._block_features_numpy(blocks, lang)
    assert names == reference_names
    return compiled, reference, names


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def test_names_are_the_references() -> None:
    blocks = segment(PAGE)
    assert features._block_features_numpy(blocks, detect_language(PAGE))[1] == (
        features.BLOCK_NAMES
    )
    scores, words = np.array([0.1, 0.7]), np.array([3.0, 12.0])
    assert features._score_features_numpy(scores, words)[1] == features.SCORE_NAMES


@needs_compiled
@pytest.mark.parametrize("page", [PAGE, CJK_PAGE, PAGE.replace("\n\n", "\n"), "One line."])
def test_compiled_block_features_are_the_references(page: str) -> None:
    blocks = segment(page)
    compiled, reference, _ = both(blocks, detect_language(page))
    assert same(compiled, reference)


@needs_compiled
def test_blocks_with_line_breaks_inside_and_empty_text() -> None:
    blocks = [
        Block(0, "Title\nwith a break", (0, 0)),
        Block(1, "", (1, 1), blank_before=True),
        Block(2, "It is 10:45 now. See user@example.org!", (2, 2)),
        Block(3, "Title\nwith a break", (3, 3)),
    ]
    lang = Language("en", False, stopwords_for("en"))
    compiled, reference, _ = both(blocks, lang)
    assert same(compiled, reference)


@needs_compiled
def test_upper_case_tokens_lowered_as_str_lower() -> None:
    # tokens lowered in C (head cover, stopwords) but İ and Σ, which str.lower maps by itself
    blocks = [
        Block(0, "ÉTÉ ŻÓŁW ΟΔΟΣ İZMİR ǅEMAL ẞTRASSE KELVIN\u212a DIE", (0, 0)),
        Block(1, "été żółw οδος odoσ i̇zmi̇r ǆemal ßtrasse kelvink die", (1, 1)),
        Block(2, "Été Żółw Οδος İzmir ǅemal ẞtrasse Die Über Éclair", (2, 2)),
        Block(3, "ÜBER DIE ÉCLAIR, ΣΟΦΙΑ σοφια ΣΟΦΙΑΣ", (3, 3)),
    ]
    for code in ("de", "fr", None):
        lang = Language(code, False, stopwords_for(code) | {"über", "éclair", "σοφια"})
        compiled, reference, names = both(blocks, lang)
        assert same(compiled, reference)
        assert compiled[1:, names.index("head_cover")].tolist()[0] > 0.5


@needs_compiled
def test_the_numpy_path_is_used_without_the_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = segment(PAGE)
    lang = detect_language(PAGE)
    compiled = features.block_features(blocks, lang)[0]
    monkeypatch.setattr(features, "_features", None)
    assert same(features.block_features(blocks, lang)[0], compiled)


PIECES = st.sampled_from(
    list("abcxyzABCXYZ0123456789 .,;:!?'\"()[]@/-–—…|•·»©#_")
    + list("éÉßøÆœçÀΣσςΑωЖжїİıﬁǅ")
    + list("中文字的了是在。，、！？：；「」ぁアカ한국")
    + list("\u00a0\u2009\u200b\u3000\u0301\u05d0\u0627\u0966\u0e01\u1780\uff01\uff1a\uff0c")
    + ["\U0001f600", "\U00020000", "www.", ".COM", "://", "12:30", "1999", "2024", "\n"]
)
TEXT = st.one_of(
    st.lists(PIECES, max_size=60).map("".join),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),  # any unicode but surrogates
)
TEXTS = st.lists(TEXT, min_size=1, max_size=25)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(
    texts=TEXTS,
    blanks=st.lists(st.booleans(), min_size=50, max_size=50),
    code=st.sampled_from(["en", "de", "zh", None]),
)
def test_compiled_block_features_on_random_text(
    texts: list[str], blanks: list[bool], code: str | None
) -> None:
    blocks = [
        Block(i, text, (i, i), blank_before=blanks[i], blank_after=blanks[-1 - i])
        for i, text in enumerate(texts)
    ]
    lang = Language(code, code == "zh", stopwords_for(code))
    compiled, reference, _ = both(blocks, lang)
    assert same(compiled, reference)


@needs_compiled
@pytest.mark.parametrize("size", [62, 63, 64, 126, 127, 128, 1000])
def test_long_runs_of_one_class_are_counted_past_63(size: int) -> None:
    """The class counts are summed 63 characters at a time (6-bit fields): runs of every
    counted class, longer than that, end where a chunk ends, and a token spans chunks."""
    texts = [
        "7" * size,
        " ".join(["x"] * size),
        "," * size + "A" * size,
        "中" * size + "é" * size,
        "©" * size + "|" * size + "." * size,
        "a" * (size - 1) + " The end.",
        "W" * size + "w" * size + ":" * size + "@" * size,
    ]
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    for code in ("en", "zh", None):
        lang = Language(code, code == "zh", stopwords_for(code))
        compiled, reference, _ = both(blocks, lang)
        assert same(compiled, reference)


@needs_compiled
@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.lists(PIECES, min_size=50, max_size=300).map("".join), min_size=1))
def test_compiled_block_features_on_long_random_blocks(texts: list[str]) -> None:
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts[:8])]
    compiled, reference, _ = both(blocks, Language("en", False, stopwords_for("en")))
    assert same(compiled, reference)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.floats(0.0, 1.0, allow_nan=False),
            st.floats(0.0, 5000.0, allow_nan=False),
        ),
        max_size=80,
    )
)
def test_compiled_score_features_on_random_scores(rows: list[tuple[float, float]]) -> None:
    scores = np.array([s for s, _ in rows], dtype=np.float64)
    words = np.array([w for _, w in rows], dtype=np.float64)
    compiled, names = features.score_features(scores, words)
    reference, reference_names = features._score_features_numpy(scores, words)
    assert names == reference_names
    assert same(compiled, reference)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(["a", "b", "Ab", "1", "", "é", "Ω", "😀"]), max_size=24).map(
            " ".join
        ),
        min_size=1,
        max_size=40,
    )
)
def test_compiled_prefix_pairs_on_lines_that_start_others(texts: list[str]) -> None:
    """Teaser headlines that start their summaries, repeated lines, the 20-space limit, more
    than eight lines of one key, keys of one text in another's str kind ("é", "Ω", "😀")."""
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    compiled, reference, _ = both(blocks, Language("en", False, stopwords_for("en")))
    assert same(compiled, reference)


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(["a", "Ω", "😀", "", "a"]), min_size=2, max_size=7).map(" ".join),
        min_size=1,
        max_size=60,
    )
)
def test_compiled_prefix_pairs_on_few_words(texts: list[str]) -> None:
    """Few words, many lines: most lines share their key (the first three words) with many
    others, start others, repeat, and do so across str kinds."""
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    compiled, reference, _ = both(blocks, Language("en", False, stopwords_for("en")))
    assert same(compiled, reference)


@pytest.mark.parametrize("compiled", [True, False])
def test_prefix_pairs_remember_eight_distinct_lines_per_key(
    compiled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of the lines sharing their first three words, the first eight distinct ones can be
    prefixes (copies take no place): the ninth cannot."""
    if not compiled:
        monkeypatch.setattr(features, "_features", None)
    lang = Language("en", False, stopwords_for("en"))
    distinct = [f"a b c {k}" for k in range(1, 10)]  # nine distinct lines of the key "a b c"
    texts = ["a b c 1"] * 3 + distinct + ["a b c 8 more", "a b c 9 more"]
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    matrix, names = features.block_features(blocks, lang)
    prefix = matrix[:, names.index("prefix_of_other")].tolist()
    starts = matrix[:, names.index("starts_with_other")].tolist()
    assert prefix == [0] * 3 + [0] * 7 + [1, 0] + [0, 0]
    assert starts == [0] * 12 + [1, 0]


def test_prefix_pairs_of_mixed_kinds_and_copies() -> None:
    texts = ["a b c", "a b c Ω d", "x", "a b c", "Ω b c d e", "Ω b c"]
    blocks = [Block(i, text, (i, i)) for i, text in enumerate(texts)]
    matrix, names = features.block_features(blocks, Language("en", False, stopwords_for("en")))
    assert matrix[:, names.index("prefix_of_other")].tolist() == [1, 0, 0, 1, 0, 1]
    assert matrix[:, names.index("starts_with_other")].tolist() == [0, 1, 0, 0, 1, 0]


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=5), st.booleans(), st.floats(allow_nan=True), st.text()),
        max_size=20,
    )
)
def test_compiled_labelled_blocks_are_the_dataclasses(
    rows: list[tuple[str, bool, float, str]],
) -> None:
    from newsdump import _features
    from newsdump.classify import labelled_blocks
    from newsdump.document import Label, LabelledBlock

    blocks = [Block(i, text, (i, i)) for i, (text, _, _, _) in enumerate(rows)]
    keep, scores, reasons = [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows]
    compiled = labelled_blocks(blocks, keep, scores, reasons)
    plain = [
        LabelledBlock(b, Label.ARTICLE if k else Label.BOILERPLATE, s, r)
        for b, k, s, r in zip(blocks, keep, scores, reasons, strict=True)
    ]
    assert _features is not None
    assert [type(lb) for lb in compiled] == [LabelledBlock] * len(rows)
    for a, b in zip(compiled, plain, strict=True):  # the same objects in the fields
        assert (a.block, a.label, a.score, a.reason) == (b.block, b.label, b.score, b.reason)
        assert a.block is b.block and a.score is b.score and a.reason is b.reason
        assert a.label is b.label and hash(a.block) == hash(b.block)
    assert [repr(lb) for lb in compiled] == [repr(lb) for lb in plain]


@needs_compiled
def test_blocks_of_another_type_are_read_by_attribute() -> None:
    """The compiled pass reads a Block's slots directly; any other object by attribute."""
    from dataclasses import dataclass

    @dataclass
    class Plain:
        index: int
        text: str
        lines: tuple[int, int]
        blank_before: bool = False
        blank_after: bool = False

    texts = ["Home | News", "The mayor opened the new bridge on Friday.", "Share", "Home | News"]
    blocks = [Block(i, text, (i, i), blank_before=i > 0) for i, text in enumerate(texts)]
    plain = [Plain(i, text, (i, i), blank_before=i > 0) for i, text in enumerate(texts)]
    lang = Language("en", False, stopwords_for("en"))
    compiled = features.block_features(blocks, lang)[0]
    assert same(features.block_features(plain, lang)[0], compiled)  # type: ignore[arg-type]
    mixed = [blocks[0], plain[1], blocks[2], plain[3]]
    assert same(features.block_features(mixed, lang)[0], compiled)  # type: ignore[arg-type]
    assert same(features._block_features_numpy(blocks, lang)[0], compiled)
