"""Language detection: the fast tokenizer cuts the tokens the regex does."""

from __future__ import annotations

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
