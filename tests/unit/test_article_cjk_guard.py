"""article.cjk_byline tries CJK_NAME_THEN_PUBLISHED only where a "发" or "發" is, and CJK_LABEL
only where one of CJK_LABEL_CHARS is: the same bylines as with every pattern tried."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.article import (
    CJK_LABEL,
    CJK_LABEL_CHARS,
    CJK_NAME_THEN_PUBLISHED,
    CJK_NOT_NAME,
    CJK_PUBLISHED,
    HAN_NAME,
    MAX_SHORT_BYLINE,
    cjk_byline,
    cjk_names,
)


def plain_cjk_byline(texts: Sequence[str], i: int) -> tuple[list[str], tuple[int, ...]] | None:
    """cjk_byline with every pattern tried (as it was before its pre-tests)."""
    m = CJK_NAME_THEN_PUBLISHED.match(texts[i])
    if m is not None and not CJK_NOT_NAME.search(m["name"]):
        return [m["name"]], (i,)
    name = texts[i].strip()
    if (
        i + 1 < len(texts)
        and HAN_NAME.fullmatch(name)
        and not CJK_NOT_NAME.search(name)
        and CJK_PUBLISHED.match(texts[i + 1])
    ):
        return [name], (i,)
    for m in CJK_LABEL.finditer(texts[i]):
        rest = m["rest"].strip()
        if rest:
            names = cjk_names(rest)
            if names:
                return names, (i,)
        elif m.end() == len(texts[i].rstrip()) and i + 1 < len(texts):
            names = cjk_names(texts[i + 1].split("\n")[0])
            if names and len(texts[i + 1]) <= MAX_SHORT_BYLINE:
                return names, (i, i + 1)
    return None


PIECES = [
    "记者", "記者", "本报记者", "本報記者", "文", "文字", "撰文", "作者", "刘晓燕", "张伟",
    "王丽华",
    "陈思远", "发布于", "發佈於", "发布时间", "来源", "通讯员", "编辑", "2026-11-27", "09:12",
    "：", ":", "/", "／", "|", " ", " ", "\n", "、", "，", "和", "Ann Lee", "By", "山本", "健太",
]  # fmt: skip
LINES = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
TEXTS = st.lists(st.one_of(LINES, st.text(max_size=30)), min_size=1, max_size=3)


@settings(max_examples=2000, deadline=None)
@given(TEXTS, st.integers(0, 2))
def test_cjk_byline_is_plain(texts: list[str], i: int) -> None:
    i = min(i, len(texts) - 1)
    assert cjk_byline(texts, i) == plain_cjk_byline(texts, i)


@settings(max_examples=500, deadline=None)
@given(st.one_of(LINES, st.text(max_size=40)))
def test_cjk_label_needs_one_of_its_characters(text: str) -> None:
    if not any(c in text for c in CJK_LABEL_CHARS):
        assert CJK_LABEL.search(text) is None
    if "发" not in text and "發" not in text:
        assert CJK_NAME_THEN_PUBLISHED.match(text) is None


def test_cjk_byline_known() -> None:
    assert cjk_byline(["记者 刘晓燕 张伟"], 0) == (["刘晓燕", "张伟"], (0,))
    assert cjk_byline(["2026年11月27日 10:30 来源：东江日报 作者：王丽华"], 0) == (["王丽华"], (0,))
    assert cjk_byline(["陈思远 发布于 2026-11-27 09:12"], 0) == (["陈思远"], (0,))
    assert cjk_byline(["记者", "刘晓燕"], 0) == (["刘晓燕"], (0, 1))
    assert cjk_byline(["Classificação NASCAR 22 de outubro"], 0) is None
