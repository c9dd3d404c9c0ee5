"""Language detection: the fast tokenizer cuts the tokens the regex does."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from newsdump import lang as lang_module
from newsdump.lang import TOKEN_RE, _tokens, detect_language

ODD = "aZé_1²½Ⅻ一 .,!?)\"'”’»]\n\t\u00a0\u2028\u0301\u200b\u3000日ßİﬁ\x1c\x85"


@given(st.text(alphabet=st.sampled_from(ODD) | st.characters(), max_size=40))
def test_tokens_are_the_regex_tokens(text: str) -> None:
    assert _tokens(text) == TOKEN_RE.findall(text)


def test_detects_english() -> None:
    text = "The cat sat on the mat and it was the best of all the cats."
    assert detect_language(text).code == "en"


@given(
    st.lists(
        st.sampled_from(["the", "and", "der", "die", "i", "w", "de", "la", "的"])
        | st.text(alphabet=st.sampled_from(ODD) | st.characters(), max_size=8),
        max_size=30,
    ),
    st.sampled_from([" ", "\n", ", ", "_", "1", "²"]),
)
def test_compiled_stopword_hits_are_the_token_count(words: list[str], glue: str) -> None:
    # the one-pass count (newsdump/_features.c) against the tokens, Counter and index lookups
    from newsdump import _features, lang

    text = glue.join(words).lower()
    codes, index = lang._stopword_index()
    counts = [0] * len(codes)
    tokens = TOKEN_RE.findall(text)
    for token in tokens:
        for i in index.get(token, ()):
            counts[i] += 1
    with patch.object(lang, "_features", None):  # the pure-Python path
        assert lang.stopword_hits(text, index, len(codes)) == (counts, len(tokens))
    if _features is not None:
        assert lang.stopword_hits(text, index, len(codes)) == (counts, len(tokens))
        table = _features.word_table(index)
        assert _features.stopword_hits(text, table, len(codes)) == (counts, len(tokens))


UPPER = "THE AND DER DIE Día ÉTÉ ΟΔΟΣ Σ İstanbul KELVIN\u212a ǅ Ÿ ẞ ＡＢ 𐐀"


@given(
    st.lists(
        st.sampled_from(["The", "AND", "Der", "die", "I", "W", "DE", "La", "Σ", "ΟΣ", "İ"])
        | st.text(alphabet=st.sampled_from(ODD + UPPER) | st.characters(), max_size=8),
        max_size=30,
    ),
    st.sampled_from([" ", "\n", ", ", "_", "1", "²", "Σ"]),
)
def test_stopword_hits_of_the_lowered_text(words: list[str], glue: str) -> None:
    # lower=True: each character lowered as the compiled pass reads it, as text.lower() does
    from newsdump import _features, lang

    text = glue.join(words)
    codes, index = lang._stopword_index()
    expected = lang.stopword_hits(text.lower(), index, len(codes))
    assert lang.stopword_hits(text, index, len(codes), lower=True) == expected
    with patch.object(lang, "_features", None):
        assert lang.stopword_hits(text, index, len(codes), lower=True) == expected
    if _features is not None:
        table = _features.word_table(index)
        assert _features.stopword_hits(text, table, len(codes), True) == expected


def test_every_code_point_lowered_as_str_lower() -> None:
    # every character alone as a token, each a language of its own: its hit says its lowered
    # form was the one str.lower gives (the exceptions, İ and Σ, go through str.lower)
    import pytest

    from newsdump import _features

    if _features is None:
        pytest.skip("the compiled extension was not built")
    step = 4096
    for start in range(0, 0x110000, step):
        chars = [chr(c) for c in range(start, min(start + step, 0x110000))]
        index: dict[str, tuple[int, ...]] = {}
        for j, char in enumerate(chars):
            index.setdefault(char.lower(), ())
            index[char.lower()] += (j,)
        table = _features.word_table(index)
        text = " ".join(chars)
        assert _features.stopword_hits(text, table, len(chars), True) == _features.stopword_hits(
            text.lower(), table, len(chars)
        ), hex(start)


def reference_page_sample(text: str) -> str:
    """page_sample as a plain loop over the lines (before it picked the long lines first)."""
    parts: list[str] = []
    size = 0
    for line in text.splitlines():
        if len(line) >= lang_module.SAMPLE_MIN_LINE_CHARS:
            parts.append(line)
            size += len(line)
            if size >= lang_module.SAMPLE_MAX_CHARS:
                break
    return "\n".join(parts) if parts else text[: lang_module.SAMPLE_MAX_CHARS]


@given(
    st.lists(
        st.sampled_from(["", "short", "x" * 39, "y" * 40, "z" * 1500, "w" * 4100])
        | st.text(alphabet=st.sampled_from(ODD), max_size=60),
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n", "\u2028", "\x1c"]),
)
def test_page_sample_is_the_plain_loop(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert lang_module.page_sample(text) == reference_page_sample(text)


def test_word_table_lookups_and_errors() -> None:
    import pytest

    from newsdump import _features

    if _features is None:
        pytest.skip("the compiled extension was not built")
    index = {"the": (0,), "und": (1,), "a": (0, 1), "": (1,), "día": (2,)}
    table = _features.word_table(index)
    assert _features.stopword_hits("the día, a dia und the-end", table, 3) == ([3, 2, 1], 7)
    with pytest.raises(IndexError):
        _features.stopword_hits("the", table, 2)  # an index beyond the languages counted
    with pytest.raises(TypeError):
        _features.word_table([1, 2])
    with pytest.raises(TypeError):
        _features.word_table({"a": [0]})
    with pytest.raises(ValueError):
        _features.stopword_hits("the", object(), 3)


@given(
    st.lists(
        st.sampled_from(["", "short", "x" * 39, "y" * 40, "z" * 1500, "w" * 4100, "a\nb" * 30])
        | st.text(alphabet=st.sampled_from(ODD + "abc"), max_size=90),
        max_size=14,
    )
)
def test_lines_sample_is_the_sample_of_the_joined_lines(lines: list[str]) -> None:
    assert lang_module.lines_sample(lines) == lang_module.page_sample("\n".join(lines))
    with patch.object(lang_module, "_features", None):  # the plain loop
        plain = lang_module.lines_sample(lines)
    assert lang_module.lines_sample(lines) == plain
    text = "\n".join(lines)
    assert lang_module.lines_sample(text.splitlines(), text) == lang_module.page_sample(text)


SCRIPTS = "a \n\té\u0dff\u0e00\u0e7f\u0e80\u0eff\u0f00\u0fff\u1000\u109f\u10a0\u177f\u1780\u17ff"
SCRIPTS += "\u1800\u303f\u3040\u30ff\u3100\u33ff\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000"
SCRIPTS += "\uf8ff\uf900\ufaff\ufb00\U0001f600\U00020000\uabff\uac00\ud7af\ud7b0"


@given(st.text(alphabet=st.sampled_from(SCRIPTS) | st.characters(), max_size=60))
def test_compiled_script_counts_are_the_regex_counts(sample: str) -> None:
    from newsdump import lang

    with patch.object(lang, "_features", None):  # the regexes
        expected = lang.script_counts(sample)
    assert lang.script_counts(sample) == expected


@given(
    st.lists(
        st.sampled_from(["", "short", "x" * 39, "y" * 40, "z" * 1500, "w" * 4100])
        | st.text(alphabet=st.sampled_from(ODD + "abc"), max_size=90),
        max_size=14,
    ),
    st.sampled_from(["\n", "\r\n", "\u2028", "\x1c", "\n\n"]),
)
def test_lines_sample_of_a_text_is_its_page_sample(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert lang_module.lines_sample(text.splitlines(), text) == lang_module.page_sample(text)


def test_stopword_hits_at_the_edges() -> None:
    # tokens at the start and the end of the text, longer than any stopword, between no
    # separators at all, in each str kind; the compiled count against the pure-Python one
    from newsdump import lang

    codes, index = lang._stopword_index()
    longest = max(map(len, index))
    texts = [
        "",
        " ",
        "the",
        "The and",
        "..the..",
        "x" * (longest + 5) + " the " + "thé" * longest,
        "the" + "e" * (longest - 3) + " und",
        "1the2and3",
        "the\u2028and\U0001f600der",
        "日本の the",
    ]
    for text in texts:
        for lower in (False, True):
            with patch.object(lang, "_features", None):
                expected = lang.stopword_hits(text, index, len(codes), lower=lower)
            assert lang.stopword_hits(text, index, len(codes), lower=lower) == expected
