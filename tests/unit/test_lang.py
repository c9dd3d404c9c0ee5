"""Language detection: the fast tokenizer cuts the tokens the regex does."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

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
        assert _features.stopword_hits(text, index, len(codes)) == (counts, len(tokens))
