"""The patterns no longer compiled at import (article, headline, revise): still there as module
attributes, compiled when first asked for, and the same patterns; article.han_name and
article.cjk_bare_line, which test by hand what HAN_NAME and CJK_BARE_NAME match, give their
answers on every text (Han, kana, spaces, ideographic spaces, newlines, any character)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import article, headline, revise

PLAIN_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")
PLAIN_CJK_BARE_NAME = re.compile(
    r"^[\u3400-\u9fff]{1,4}[ \u3000][\u3400-\u9fff\u3040-\u30ff]{1,3}$"
)

CHARS = [*"山本健太陈思远刘晓燕けんたカタ \u3000\n\t", "\u33ff", "\u3400", "\u9fff", "\ua000"]
CHARS += ["\u303f", "\u3040", "\u30ff", "\u3100", "a", "1", "\ud800", "\U0001f600"]
CJK = st.text(alphabet=st.sampled_from(CHARS), max_size=12)


@pytest.mark.parametrize(
    ("text", "han", "bare"),
    [
        ("山本 健太", False, True),
        ("山本\u3000けんた", False, True),
        ("山本 健太\n", False, True),
        ("山本 健太\n\n", False, False),
        ("山本  健太", False, False),
        ("山本健太郎 健", False, False),
        ("山本 健太郎長", False, False),
        ("山 カ", False, True),
        ("山本", True, False),
        ("山本健太", True, False),
        ("山本健太郎", False, False),
        ("山", False, False),
        ("", False, False),
        (" 山本", False, False),
        ("山本 ", False, False),
        ("\u3400\u9fff", True, False),
        ("\u33ff\u3400", False, False),
        ("\u3400 \u3040", False, True),
        ("\u3400 \u303f", False, False),
        ("\ua000 \u3400", False, False),
    ],
)
def test_known(text: str, han: bool, bare: bool) -> None:
    assert article.han_name(text) is han
    assert article.cjk_bare_line(text) is bare
    assert (PLAIN_HAN_NAME.fullmatch(text) is not None) is han
    assert (PLAIN_CJK_BARE_NAME.match(text) is not None) is bare


@settings(max_examples=3000, deadline=None)
@given(st.one_of(CJK, st.text(max_size=10)))
def test_han_name_and_cjk_bare_line_are_their_patterns(text: str) -> None:
    assert article.han_name(text) is (PLAIN_HAN_NAME.fullmatch(text) is not None)
    assert article.cjk_bare_line(text) is (PLAIN_CJK_BARE_NAME.match(text) is not None)
    assert article.cjk_bare_line(text.strip()) is (
        PLAIN_CJK_BARE_NAME.match(text.strip()) is not None
    )


KO_CHARS = [*"김민준이서연선임수석전문기자특파원 ·,=(\n\t", "\uabff", "\uac00", "\ud7af", "a"]
KO = st.text(alphabet=st.sampled_from(KO_CHARS), max_size=16)
KO_SHAPED = st.builds(
    lambda names, sep, word, tail: sep.join(names) + " " + word + tail,
    st.lists(
        st.sampled_from(["김민준", "이서연", "김", "김민준이서", "Ann"]), min_size=1, max_size=3
    ),
    st.sampled_from(["·", ", ", " · ", ","]),
    st.sampled_from(["기자", "선임기자", "특파원", "기 자", "특파"]),
    st.sampled_from(["", " = 서울", "(", "x", "\n"]),
)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(KO, KO_SHAPED, st.text(max_size=12)))
def test_ko_byline_matches_only_where_its_words_are(text: str) -> None:
    """_byline_at asks KO_BYLINE only of a line holding one of KO_WORDS: every match holds one."""
    m = article.KO_BYLINE.match(text)
    assert m is None or any(word in text for word in article.KO_WORDS)


def test_ko_byline_still_found() -> None:
    texts = ["김민준·이서연 기자", "본문입니다."]
    assert article._byline_at(texts, 0) == (["김민준", "이서연"], (0,))
    assert article._byline_at(["김민준 특파원 = 서울", "x"], 0) == (["김민준"], (0,))


def test_the_lazy_patterns_are_there_and_the_same() -> None:
    assert article.KO_BYLINE.match("김민준 기자") is not None
    assert article.HAN_NAME.pattern == PLAIN_HAN_NAME.pattern
    assert article.CJK_BARE_NAME.pattern == PLAIN_CJK_BARE_NAME.pattern
    m = article.CJK_NAME_THEN_PUBLISHED.match("陈思远 发布于 2026-11-27 09:12")
    assert m is not None and m["name"] == "陈思远"
    assert headline.TITLE_SEPARATORS.pattern == r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+"
    assert headline.PAGE_TITLE_SEPARATORS.pattern.startswith(headline.TITLE_SEPARATORS.pattern)
    assert headline.NOT_HEADLINE.flags & re.IGNORECASE
    assert headline.NOT_HEADLINE.search("Home > News > World") is not None
    assert revise.STORY_END.pattern == "(?:" + revise._STORY_END_ALTERNATIVES + ")"
    assert revise.STORY_END.fullmatch("Comments (7)") is not None
    assert revise.BARE_CREDIT_HEAD.flags & re.IGNORECASE
    assert revise.BARE_CREDIT_HEAD.search("A boat. Photo: Ann Lee") is not None
    assert revise.SLASH_CREDIT_HEAD.search("A boat. Ann / AP") is not None
    assert revise.SENTENCE_BREAK.search("Fog. Crews wait") is not None
    for module in (article, headline, revise):
        with pytest.raises(AttributeError):
            getattr(module, "NO_SUCH_PATTERN")  # noqa: B009


def test_not_headline_without_its_fold_is_the_whole_pattern() -> None:
    """_not_headline on a text folded() refuses (an 'İ' in it) asks NOT_HEADLINE itself."""
    for text in ("Home \u0130 > News > World", "\u0130stanbul", "www.\u0130x.com"):
        assert headline.folded(text) is None
        assert headline.not_headline(text) == (headline.NOT_HEADLINE.search(text) is not None)


def test_importing_compiles_none_of_them() -> None:
    code = (
        "import newsdump.pipeline, newsdump.article as a, newsdump.headline as h,"
        " newsdump.revise as r\n"
        "print(a._cjk_name_then_published.cache_info().currsize"
        " + a._ko_byline.cache_info().currsize,"
        " h._not_headline_pattern.cache_info().currsize,"
        " h._title_separators.cache_info().currsize, r._lazy.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0", "0"]
