"""newsdump.article: the article's headline, byline, date and caption from labelled blocks."""

from __future__ import annotations

import inspect

import pytest

from newsdump.article import (
    ArticleParts,
    build_article,
    find_published,
    find_title,
    parse_names,
    uncut,
)
from newsdump.document import Block, Label, LabelledBlock
from newsdump.headline import FEATURES, Ranker, Tree, context

BODY = [
    "The town council voted on Monday to rebuild the old stone bridge over the river, which "
    "has been closed to traffic since the spring floods damaged its central arch.",
    "Engineers told the council that the work on the stone bridge would take eighteen months.",
    "Residents said they were relieved that the bridge over the river would be rebuilt at last.",
    "The mayor said the town had waited for a grant from the national government for the bridge.",
]
HEADLINE = "Council votes to rebuild the old stone bridge"


def labelled(meta: list[str], body: list[str] = BODY) -> list[LabelledBlock]:
    out = []
    for i, text in enumerate([*meta, *body]):
        label = Label.ARTICLE if i >= len(meta) else Label.BOILERPLATE
        block = Block(i, text, (i, i), blank_before=True, blank_after=True)
        out.append(LabelledBlock(block, label, 0.9 if label is Label.ARTICLE else 0.1, "model"))
    return out


def test_signature_is_stable() -> None:
    assert list(inspect.signature(build_article).parameters) == [
        "labelled",
        "url",
        "lang",
        "ranker",
    ]


def test_news_page() -> None:
    meta = ["Home", "News", "Local", HEADLINE, "By Ann Example and Tom Davies",
            "Updated November 19, 2025 | Published November 18, 2025 6:40 PM"]  # fmt: skip
    parts = build_article(labelled(meta), url="https://example.org/news/bridge", lang="en")
    assert isinstance(parts, ArticleParts)
    a = parts.article
    assert a.title == HEADLINE
    assert a.authors == ("Ann Example", "Tom Davies")
    assert a.published == "2025-11-18T18:40:00"
    assert a.lang == "en"
    assert {3, 4} <= parts.used
    assert HEADLINE not in a.text and a.text.startswith("The town council")


def test_name_then_date_byline_and_url_date() -> None:
    meta = ["Menu", HEADLINE, "Chris Davies - Nov 19, 2019"]
    a = build_article(labelled(meta)).article
    assert a.authors == ("Chris Davies",)
    assert a.published == "2019-11-19"
    b = build_article(labelled(["Menu", HEADLINE]), url="https://x.org/2019/11/20/bridge").article
    assert b.published == "2019-11-20"
    assert b.authors == ()


def test_no_body_no_metadata() -> None:
    a = build_article(labelled(["Home", "News"], body=[])).article
    assert a.title is None and a.authors == () and a.text == ""


@pytest.mark.parametrize(
    ("rest", "names"),
    [
        ("Ann Example and Tom Davies, Reuters", ["Ann Example", "Tom Davies"]),
        ("Ann Example, AP Auto Writer", ["Ann Example"]),
        ("JANE SMITH", ["Jane Smith"]),
        ("Joan Example, Senior Supreme Court Analyst", ["Joan Example"]),
        ("Staff", []),
        ("Lauren del Valle and Ann van Example", ["Lauren del Valle", "Ann van Example"]),
        ("Rebuild With Stone In Mind", []),  # a heading in title case
        ("Ann Example For The Harbour Times", ["Ann Example"]),
    ],
)
def test_parse_names(rest: str, names: list[str]) -> None:
    assert parse_names(rest) == names


def test_published_beats_updated() -> None:
    texts = ["Headline here for a test", "Updated 2024-03-05. Published 2024-03-01", "Body"]
    assert find_published(texts, (), 0, 2) == "2024-03-01"


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        ([HEADLINE, "Ed Cara", "Monday 6:30PM"], ("Ed Cara",)),  # a name, then a weekday time
        ([HEADLINE, "Reuters, Washington,", "Nov 20 2019, 11:06am ist"], ("Reuters",)),
        ([HEADLINE, "Nov 20 2019, 11:06am ist", "Photo", "Reuters / Ann Lee"], ()),  # a credit
        ([HEADLINE, "Share", "Ann Example", "@annexample", "Share"], ("Ann Example",)),
    ],
)
def test_bare_name_bylines(meta: list[str], authors: tuple[str, ...]) -> None:
    assert build_article(labelled(["Home", *meta])).article.authors == authors


def test_an_earlier_url_date_beats_an_update_date() -> None:
    meta = ["Menu", HEADLINE, "By Ann Example Updated Nov 13, 2019, 10:28am EST"]
    url = "https://example.org/news/2019/11/8/bridge"
    assert build_article(labelled(meta), url=url).article.published == "2019-11-08"
    assert build_article(labelled(meta)).article.published == "2019-11-13T10:28:00"


def test_a_yearless_date_takes_the_year_of_the_url() -> None:
    meta = ["Menu", HEADLINE, "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", "By Ann Example"]
    url = "https://example.org/entertainment/2019/11/bridge.html"
    assert build_article(labelled(meta), url=url).article.published == "2019-11-19T06:51:00"


def test_a_name_and_handle_at_the_start_of_the_body_are_the_byline() -> None:
    blocks = labelled(["Home", HEADLINE], body=["Ann Example", "@annexample", *BODY])
    parts = build_article(blocks)
    assert parts.article.authors == ("Ann Example",)
    assert "Ann Example" not in parts.article.text
    assert "@annexample" not in parts.article.text


def test_analysis_by_is_a_byline() -> None:
    meta = [HEADLINE, "Analysis by Joan Example, Senior Analyst", "Updated 9:22 PM, Nov 6, 2023"]
    a = build_article(labelled(["Home", *meta, "Ad Feedback"])).article
    assert a.authors == ("Joan Example",)
    assert (a.published or "").startswith("2023-11-06")


@pytest.mark.parametrize(
    ("byline", "authors", "published"),
    [
        ("by Ann Example and Tom Davies March 3, 2024 9:15 AM 4 min read",
         ("Ann Example", "Tom Davies"), "2024-03-03T09:15:00"),
        ("Von Anna Beispiel und Jan Muster, 12. März 2024", ("Anna Beispiel", "Jan Muster"),
         "2024-03-12"),
        ("Par Anne Exemple et Jean Martin, publié le 12 mars 2024", ("Anne Exemple", "Jean Martin"),
         "2024-03-12"),
    ],
)  # fmt: skip
def test_a_date_after_two_names_ends_the_second(
    byline: str, authors: tuple[str, ...], published: str
) -> None:
    a = build_article(labelled(["Home", HEADLINE, byline])).article
    assert a.authors == authors
    assert a.published == published


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        ("Posted on March 3, 2024 by Ann Example", ("Ann Example",), "2024-03-03"),
        ("Publié le 3 mars 2024 par Anne Exemple", ("Anne Exemple",), "2024-03-03"),
    ],
)
def test_a_date_then_by_name_is_a_byline(
    line: str, authors: tuple[str, ...], published: str
) -> None:
    a = build_article(labelled(["Home", HEADLINE, line, "Garden, Recipes"])).article
    assert a.authors == authors
    assert a.published == published


def test_a_caption_after_a_photographer_line_is_the_caption() -> None:
    caption = "The old stone bridge in April, seen from the east bank of the river."
    meta = ["Home", HEADLINE, "By Ann Example", "Photographs by Tom Davies", "March 3, 2024"]
    a = build_article(labelled(meta, body=[caption, *BODY])).article
    assert a.caption == caption
    assert a.authors == ("Ann Example",)
    assert a.text.startswith("The town council voted on Monday")
    # no photographer named: the first line stays body text
    b = build_article(labelled([*meta[:3], meta[4]], body=[caption, *BODY])).article
    assert b.caption is None and b.text.startswith(caption)


def test_a_pictures_own_credit_does_not_make_the_lede_a_caption() -> None:
    meta = ["Home", HEADLINE, "By Ann Example", "March 3, 2024", "Photograph: Tom Davies/Getty"]
    lede = "The town council voted on Monday to rebuild the old stone bridge at last."
    a = build_article(labelled(meta, body=[lede, *BODY])).article
    assert a.caption is None and a.text.startswith(lede)


def test_a_line_holding_only_a_date_under_the_headline_is_the_date() -> None:
    # the classifier took the headline into the body: no byline, the date sits lower
    body = [HEADLINE, "Get our newsletter", "Sep. 3, 2024, 9:28 AM UTC", *BODY]
    assert build_article(labelled(["Home"], body=body)).article.published == "2024-09-03T09:28:00"
    # a date in a sentence is no date line
    sentence = "The vote of Sep. 3, 2024 was close, said the mayor."
    body = [HEADLINE, "Get our newsletter", *BODY[1:], BODY[0], sentence]
    assert build_article(labelled(["Home"], body=body)).article.published is None


def test_an_unsure_ranker_falls_back_on_a_scrapers_title_line_only() -> None:
    shaped = Tree((0, 0, 0), (0.9, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, -1.0, 1.0))
    unsure = Ranker(FEATURES, 0.0, (shaped,), float("inf"))  # prefers a headline's shape,
    # but every candidate is below its threshold
    lines = ["Stone bridge to be rebuilt - Example News", "Menu", HEADLINE, "By Ann Example"]
    scraped = [
        LabelledBlock(Block(lb.block.index, lb.block.text, lb.block.lines), lb.label, 0.5, "m")
        for lb in labelled(lines)
    ]  # no blank line anywhere: a scraper's dump, whose first line is the page <title>
    assert find_title(scraped, list(range(4, 8)), (3,), unsure) == (
        None,
        "Stone bridge to be rebuilt",
    )
    # a browser's dump (blank lines) has no <title>: its first line counts only when the body
    # shares its words; else the ranker's best guess stands
    menu = ["Make your town heard - Example News Opinion", *lines[1:]]
    assert find_title(labelled(menu), list(range(4, 8)), (3,), unsure) == (2, HEADLINE)
    assert find_title(labelled(lines), list(range(4, 8)), (3,), unsure)[1] == (
        "Stone bridge to be rebuilt"
    )


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        (["Books", "03/03/2024 Ann Example All, Books, Kit Reviews"], ("Ann Example",)),
        (["Books", "2024-03-03 17:27:46 Ann Example"], ("Ann Example",)),
        (["Sport", "Associated Press March 3, 2024, 9:02 AM"], ("Associated Press",)),
        (["JANE EXAMPLE", "Associated Press March 3, 2024"], ("Jane Example",)),
        (["Business", "March 3, 2024: 12:41 PM ET"], ()),
    ],
)
def test_date_then_name_and_agency_bylines(meta: list[str], authors: tuple[str, ...]) -> None:
    a = build_article(labelled(["Home", HEADLINE, *meta])).article
    assert a.authors == authors
    assert (a.published or "").startswith("2024-03-03")


def test_a_byline_a_few_blocks_into_the_body() -> None:
    # the classifier took the headline, the dates and a caption into the body
    top = [HEADLINE, "Updated Mar 4, 9:41 AM;", "Posted Mar 3, 8:19 PM", "Ann Lee | Getty Images"]
    body = [*top, "The old bridge in 2018.", "By", "Tom Davies | Example Media", *BODY]
    a = build_article(labelled(["Home"], body=body)).article
    assert a.authors == ("Tom Davies",)


@pytest.mark.parametrize(
    "line", ["Por sua causa, Carlos.", "Image Copyright @examplelabel @examplelabel"]
)
def test_sentences_and_credits_in_the_body_are_no_bylines(line: str) -> None:
    a = build_article(labelled(["Home", HEADLINE], body=[BODY[0], line, *BODY[1:]])).article
    assert a.authors == ()


def test_a_date_line_beats_a_caption_that_mentions_a_date() -> None:
    caption = "Ann Lee opens the rebuilt bridge in Kestrel Bay on Tuesday, March 3, 2024."
    meta = ["Home", HEADLINE, caption, "Updated", "1:39 am EST, Wednesday, March 4, 2024"]
    assert build_article(labelled(meta)).article.published == "2024-03-04T01:39:00"  # its time


def test_a_one_sentence_lede_under_a_photographer_line_stays_body_text() -> None:
    lede = "The town council voted on Monday to rebuild the old stone bridge over the river."
    meta = ["Home", HEADLINE, "By Ann Example", "Fotos von Tom Davies", "March 3, 2024"]
    a = build_article(labelled(meta, body=[lede, *BODY[1:]])).article
    assert a.caption is None and a.text.startswith(lede)


def test_a_by_line_far_above_the_body_past_a_video_playlist() -> None:
    playlist = [line for n in range(30) for line in (f"Watch clip number {n} of the day", "03:29")]
    meta = ["Home", HEADLINE, "By Ann Example and Tom Davies, Example News", "7 minute read",
            "Video Ad Feedback", *playlist]  # fmt: skip
    a = build_article(labelled(meta)).article
    assert a.authors == ("Ann Example", "Tom Davies")


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("Bridge Repairs for the Old Town Begin Soon", True),
        ("Stone Bridge 200 Years Old and Still Standing", True),
        ("Ann Example and Tom Davies", False),
        ("Ann Example in Paris", False),
        ("Ann Example, staff writer at the desk", False),
        ("Tom Davies Associated Press", False),
    ],
)
def test_a_headline_that_starts_like_a_name_is_no_bare_name_byline(
    line: str, sentence: bool
) -> None:
    meta = ["Home", line, "November 18, 2025"]
    authors = build_article(labelled(meta)).article.authors
    assert (authors == ()) is sentence


def test_a_yearless_date_takes_the_copyright_year_when_the_page_prints_no_other() -> None:
    meta = ["Menu", HEADLINE, "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", "By Ann Example"]
    blocks = labelled(meta, body=[*BODY, "© 2004-2019 Example Media. All rights reserved."])
    assert build_article(blocks).article.published == "2019-11-19T06:51:00"
    blocks = labelled(meta, body=[*BODY, "Copyright 2018 Example Media"])
    assert build_article(blocks).article.published == "2018-11-19T06:51:00"
    assert build_article(labelled(meta)).article.published is None  # no year anywhere


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        ([HEADLINE, "Eine Reportage von Anna Beispiel", "03.03.2026"], ("Anna Beispiel",)),
        ([HEADLINE, "Ein Kommentar von Jonas Muster"], ("Jonas Muster",)),
        ([HEADLINE, "Une chronique de Claire Exemple"], ("Claire Exemple",)),
        ([HEADLINE, "Un reportage de Paul Exemple et Lea Test"], ("Paul Exemple", "Lea Test")),
        ([HEADLINE, "A column by Ann Example"], ("Ann Example",)),
        ([HEADLINE, "Eine Reportage von", "Anna Beispiel", "03.03.2026"], ("Anna Beispiel",)),
        ([HEADLINE, "Portrait by Tom Davies"], ()),  # a photo credit, not the story's kind
        ([HEADLINE, "Un reportage de notre envoyé spécial"], ()),
        ([HEADLINE, "Une analyse de France 2"], ()),
    ],
)
def test_a_byline_naming_the_kind_of_story(meta: list[str], authors: tuple[str, ...]) -> None:
    assert build_article(labelled(["Home", *meta])).article.authors == authors


def test_a_byline_printed_a_word_a_line_keeps_every_name() -> None:
    meta = ["Home", HEADLINE, "Par", "Claire Exemple", "et", "Paul Test", "Le 3 mars 2026"]
    parts = build_article(labelled(meta))
    assert parts.article.authors == ("Claire Exemple", "Paul Test")
    assert {2, 3, 4, 5} <= parts.used


ZH_BODY = [
    "三月三日上午，示例市新建的滨河公园正式向市民开放，园内设有步道、草坪和儿童游乐场。" * 2,
    "据市园林局介绍，公园占地约十二公顷，是今年市区新增的最大一处公共绿地。" * 2,
]


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        (["2026年3月3日 14:05", "记者 王小明"], ("王小明",)),
        (["2026年3月3日 14:05\n来源：示例日报\n记者 王小明"], ("王小明",)),
        (["2026年3月3日 14:05", "记者", "王小明"], ("王小明",)),
        (["本报记者 王小明 李华", "2026年3月3日"], ("王小明", "李华")),
        (["文/王小明", "2026年3月3日"], ("王小明",)),
        (["撰文：王小明", "2026年3月3日"], ("王小明",)),
        (["记者 王小明 通讯员 李华"], ("王小明",)),
        (["2026年3月3日 14:05", "田中 花子"], ("田中 花子",)),  # a bare name under the date
        (["2026年3月3日\n田中 花子"], ("田中 花子",)),
        (["田中 花子", "政治", "2026年3月3日"], ()),  # not next to the date line
        (["2026年3月3日", "市区三条主干道夜间施工 请注意绕行"], ()),  # a headline
        (["记者招待会"], ()),
    ],
)
def test_chinese_and_japanese_bylines(meta: list[str], authors: tuple[str, ...]) -> None:
    title = "示例市滨河公园正式开放 市民可免费入园"
    assert build_article(labelled(["首页", title, *meta], ZH_BODY)).article.authors == authors


def test_a_date_in_a_list_of_dated_headlines_is_another_storys() -> None:
    related = [
        "Example Town opens a new library for its readers", "November 16, 2016",
        "Section",
        "The old ferry makes its last crossing of the river", "May 27, 2014",
        "Section",
        "Council elects a new mayor after a close vote", "July 30, 2010",
    ]  # fmt: skip
    texts = [HEADLINE, "Ann Example", "Local November 20, 2019 13:42", "More stories", *related]
    texts += BODY
    # the headline was missed for one of the list's: the dates of the list are not the article's
    published = find_published(texts, (), title_at=7, first=len(texts) - len(BODY))
    assert published == "2019-11-20T13:42:00"
    # a lone headline with its date under it is no list
    meta = ["Home", HEADLINE, "November 20, 2019"]
    assert build_article(labelled(meta)).article.published == "2019-11-20"


@pytest.mark.parametrize(
    "parts",
    [["November 20", "15:23 2019"], ["November 20", "15:23", "2019"], ["Nov 20", "3:23 PM"]],
)
def test_a_date_split_over_blocks(parts: list[str]) -> None:
    meta = ["Home", HEADLINE, *parts, "Share"]
    body = [*BODY, "© 2019 Example Media"]
    published = build_article(labelled(meta, body)).article.published
    assert published == "2019-11-20T15:23:00"


def test_a_weekday_stamp_is_the_first_such_day_after_the_newest_dated_stamp() -> None:
    older = ["Other story of the week by the same writer", "Ann Example", "11/13/19 11:00AM"]
    meta = [*older, HEADLINE, "Ann Example", "Monday 5:30PM"]
    assert build_article(labelled(meta)).article.published == "2019-11-18T17:30:00"
    meta = [*older, HEADLINE, "Ann Example", "Wednesday 9:15AM"]  # the same weekday: that day
    assert build_article(labelled(meta)).article.published == "2019-11-13T09:15:00"
    meta = ["Home", HEADLINE, "Ann Example", "Monday 5:30PM"]  # nothing to count from
    assert build_article(labelled(meta)).article.published is None


def test_a_headline_cut_short_gives_way_to_the_whole_one() -> None:
    texts = [HEADLINE + " for eighteen months", "Home", "Council votes to rebuild the old…", *BODY]
    body = list(range(3, len(texts)))
    ctx = context(texts, [(True, True)] * len(texts), body)
    assert uncut(ctx, 2) == (0, texts[0])
    assert uncut(ctx, 0) == (0, texts[0])  # not cut: itself
    texts[0] = "Council votes to rebuild the old…"  # only cut copies: the one chosen
    assert uncut(context(texts, [(True, True)] * len(texts), body), 2) == (2, texts[2])
