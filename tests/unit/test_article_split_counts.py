"""bare_name_near and find_caption count words with str.split(None, k): the same verdicts as
counting every word of text.split(), and the same words whenever there are at most k."""

from hypothesis import given
from hypothesis import strategies as st

from newsdump.article import BARE_NAME_MAX_WORDS, CAPTION_MAX_WORDS

TEXTS = st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\t", "\u3000", "\xa0", "é"]))


@given(TEXTS, st.sampled_from([BARE_NAME_MAX_WORDS, CAPTION_MAX_WORDS, 1, 2]))
def test_split_with_maxsplit_counts_like_split(text: str, k: int) -> None:
    words, cut = text.split(), text.split(None, k)
    assert (len(cut) <= k) == (len(words) <= k)
    assert (1 <= len(cut) <= k) == (1 <= len(words) <= k)
    if len(words) <= k:
        assert cut == words


def test_split_with_maxsplit_examples() -> None:
    assert "Ann Lee  ".split(None, 2) == ["Ann", "Lee"]
    assert len(" a b c d ".split(None, 2)) == 3 > 2
