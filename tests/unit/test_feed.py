"""newsdump.feed: the other stories of a page, from labelled blocks (invented pages only)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdump.document import Block, Label, LabelledBlock
from newsdump.feed import (
    find_feed,
    is_dek,
    is_menu_line,
    is_title,
    run_days,
    split_date,
    strip_label,
)
from newsdump.lang import stopwords_for, top_stopwords
from newsdump.settings import Settings

SETTINGS = Settings()
A = Label.ARTICLE
B = Label.BOILERPLATE

BODY_EN = [
    "The town council voted on Monday to rebuild the old stone bridge over the river, which "
    "has been closed to traffic since the spring floods damaged its central arch.",
    "Engineers told the council that the work on the stone bridge would take eighteen months "
    "and that the road would stay closed to lorries for the whole of that time.",
    "Residents said they were relieved that the bridge over the river would be rebuilt at last.",
]
BODY_DE = [
    "Der Gemeinderat hat am Montag beschlossen, die alte Steinbrücke über den Fluss neu zu "
    "bauen, die seit dem Hochwasser im Frühjahr für den Verkehr gesperrt ist.",
    "Die Arbeiten sollen nach Angaben der Ingenieure etwa achtzehn Monate dauern, und die "
    "Straße bleibt in dieser Zeit für Lastwagen gesperrt.",
    "Die Anwohner sagten, sie seien froh, dass die Brücke nun endlich wieder aufgebaut werde.",
]
HEADLINE_EN = "Council votes to rebuild the old stone bridge"
HEADLINE_DE = "Gemeinderat beschließt den Neubau der alten Steinbrücke"


def page(
    blocks: list[tuple[str, Label]], used: tuple[int, ...] = ()
) -> tuple[list[LabelledBlock], frozenset[int]]:
    out = []
    for i, (text, label) in enumerate(blocks):
        block = Block(i, text, (i, i), blank_before=True, blank_after=True)
        out.append(LabelledBlock(block, label, 0.9 if label is A else 0.1, "model"))
    return out, frozenset(used)


def feed(
    blocks: list[tuple[str, Label]],
    used: tuple[int, ...] = (),
    published: str | None = None,
    title: str | None = None,
) -> list[tuple[str, str | None, str | None, str | None]]:
    labelled, used_set = page(blocks, used)
    return [
        (f.title, f.summary, f.time, f.published)
        for f in find_feed(labelled, used_set, published, SETTINGS, title)
    ]


def article(headline: str, body: list[str], head: list[str] = ()) -> list[tuple[str, Label]]:
    """The headline (block 0 of what it returns), the head lines, then the body."""
    return [(headline, B), *((h, B) for h in head), *((p, A) for p in body)]


# --- menus and section names ------------------------------------------------------------


def test_menu_lines_of_a_german_page_are_not_stories() -> None:
    blocks = [
        ("Heimat Sport Kultur Wetter Leserbriefe", B),
        ("Mehr", B),
        ("Archiv Termine Kontakt Abonnement Impressum", B),
        *article(HEADLINE_DE, BODY_DE),
        ("Neue Buslinie fährt ab Juni bis zum Bahnhof", B),
        ("Schwimmbad bekommt eine neue Rutsche für Kinder", B),
        ("Stadtfest fällt in diesem Sommer wegen Bauarbeiten aus", B),
    ]
    got = feed(blocks, used=(3,), title=HEADLINE_DE)
    assert [t for t, *_ in got] == [
        "Neue Buslinie fährt ab Juni bis zum Bahnhof",
        "Schwimmbad bekommt eine neue Rutsche für Kinder",
        "Stadtfest fällt in diesem Sommer wegen Bauarbeiten aus",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "menu"),
    [
        ("Heimat Sport Kultur Wetter Leserbriefe", "de", True),
        ("Aktualności Region Sport Kultura Pogoda", "pl", True),
        ("Stadtrat streicht Mittel für das Hallenbad", "de", False),
        ("Actualités Région Économie Culture Sports Météo", "fr", True),
        ("Early Black Friday Vizio Deals Arrive Today", "en", False),  # Title Case headline
        ("News Harbour Politics Business Schools Sport Opinion Weather Jobs", "en", True),
        ("Garden, Patio & Outdoor", "en", True),  # a section's name
        ("Ohio Governor Signs Budget, Vetoes Tax Cuts And Park Fees", "en", False),
        ("市政府宣布新的公交线路", None, False),
        ("首页 新闻 财经 科技 体育 娱乐", "zh", True),
        ("会社概要 個人情報の取り扱い 利用規約 お問い合わせ", "ja", True),
        ("市区三条主干道夜间施工 请注意绕行", "zh", False),  # a headline in two parts
        ("北京 上海 广州：三地今日发布暴雨预警", "zh", False),
    ],
)
def test_is_menu_line(text: str, lang: str | None, menu: bool) -> None:
    sentence_case = lang in ("de", "pl", "fr")
    stop = top_stopwords(lang, 40) if sentence_case else stopwords_for(lang)
    assert is_menu_line(text, stop, sentence_case) is menu


# --- lines that are not headlines ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Volunteers plant willows along the dike. (Photo: Ann Lee/Valley Post)", False),
        ("Les bénévoles plantent des saules le long de la digue (Photo : Marc Roux)", False),
        ("PHOTOS: Storm floods the old town for the second time this year", True),
        ("Riverside (Valley Wire) First published March 3, 2025: 9:41 AM ET", False),
        ("Hauptstraße 5, 12345 Talstadt. Tel.: 0123 456 789", False),
        ("ul. Długa 7, 00-001 Warszawa, tel. 22 555 01 23", False),
        ("— Jo Park (@jopark) March 3, 2025", False),
        ("Support our newsroom: account 0012345678901 at Valley Bank", False),
        ("Conditions d'utilisation et mentions légales du site", False),
        ("Normas de uso y aviso legal de los comentarios", False),
        ("Biology / Chemistry Psychology / Medicine", False),
        ("14:32 Airline signs deal for thirty new planes", True),
        ("Follow Valleypost on Instagram, Mastodon and YouTube.", False),
        ("Eine Reportage von Friederike Almstätter", False),
        ("Une chronique de Jeanne Dupont", False),
        ("Die Rückkehr von Wölfen in den Hunsrück", True),
        ("来源：河谷日报", False),
        ("责任编辑：王芳", False),
        ("下载河谷日报客户端，随时随地看新闻", False),
        ("扫码关注河谷日报公众号", False),
        ("毎朝7時に主要ニュースをお届けします。", False),
        ("河谷日报记者获得年度新闻奖", True),
    ],
)
def test_is_title(text: str, title: bool) -> None:
    assert is_title(text, SETTINGS) is title


def test_caption_and_byline_in_the_article_head_are_not_stories() -> None:
    head = [
        "by Tomas Reyes March 3, 2025 9:15 AM",
        "Workers lift the new arch into place at dawn on Sunday. (Photo: Valley Post)",
        "Listen to this article",
    ]
    blocks = [("Kestrel Rovers sign a new goalkeeper on a two-year deal", B)]
    blocks += article(HEADLINE_EN, BODY_EN, head)
    got = feed(blocks, used=(1, 2), title=HEADLINE_EN)
    assert got == []


def test_dateline_and_byline_under_the_headline_are_not_stories() -> None:
    head = ["Published 10:02 AM EST Mar 3, 2025", "Jan Novak and Eva Dvorak Valley Courier"]
    got = feed(article(HEADLINE_EN, BODY_EN, head), used=(0,), title=HEADLINE_EN)
    assert got == []


# --- comments ---------------------------------------------------------------------------


def test_blog_comments_are_not_stories_but_the_list_after_them_is() -> None:
    blocks = [
        *article(HEADLINE_EN, BODY_EN),
        ("4 Comments", B),
        ("Ann Lee says:", B),
        ("March 3, 2025 at 6:14 pm", B),
        ("We walked over it every day, so this is good news for the school run.", B),
        ("Reply", B),
        ("Piotr says:", B),
        ("March 4, 2025 at 9:30 am", B),
        ("Will the footpath stay open while they work on the arch?", B),
        ("Reply", B),
        ("Recent posts", B),
        ("Winter sowing in old milk jugs", B),
        ("Forcing rhubarb under a bucket", B),
        ("Three soups for a cold week", B),
    ]
    got = feed(blocks, used=(0,), title=HEADLINE_EN)
    assert [t for t, *_ in got] == [
        "Winter sowing in old milk jugs",
        "Forcing rhubarb under a bucket",
        "Three soups for a cold week",
    ]


def test_comments_with_a_rating_line_are_not_stories() -> None:
    blocks = [
        *article(HEADLINE_DE, BODY_DE),
        ("Kommentare", B),
        ("gartenfreund", B),
        ("vor einer Stunde", B),
        ("Endlich passiert etwas an der Brücke, das hat viel zu lange gedauert!", B),
        ("Bewertung: 3 gut schlecht", B),
        ("Leserin aus Talstadt", B),
        ("vor 2 Stunden", B),
        ("Wer bezahlt das eigentlich alles am Ende der Baustelle?", B),
        ("Bewertung: -1 gut schlecht", B),
    ]
    assert feed(blocks, used=(0,), title=HEADLINE_DE) == []


# --- labelled lists ---------------------------------------------------------------------


def test_an_ad_box_is_not_a_list_of_stories() -> None:
    blocks = [
        *article(HEADLINE_EN, BODY_EN),
        ("Partner Offers", B),
        ("Paid Partner", B),
        ("This travel card pays double points on every train ticket", B),
        ("Five savings accounts that beat inflation this spring", B),
        ("The cash back card that has no annual fee at all", B),
    ]
    assert feed(blocks, used=(0,), title=HEADLINE_EN) == []


def test_one_ad_slot_label_above_a_list_does_not_make_it_ads() -> None:
    blocks = [
        *article(HEADLINE_EN, BODY_EN),
        ("Advertisement", B),
        ("Most read", B),
        ("Ferry timetable cut to two crossings a day over winter", B),
        ("Harbour pilots warn of delays as fog season starts early", B),
    ]
    assert [t for t, *_ in feed(blocks, used=(0,), title=HEADLINE_EN)] == [
        "Ferry timetable cut to two crossings a day over winter",
        "Harbour pilots warn of delays as fog season starts early",
    ]


def test_what_a_how_to_needs_is_not_a_list_of_stories_but_read_more_is() -> None:
    needs = [
        ("What You'll Need:", B),
        ("A glass jar with a wide lid", B),
        ("Small plants from a garden centre", B),
        ("Other small decorative stones (optional)", B),
    ]
    more = [
        ("Read more:", B),
        ("How to keep a sourdough starter alive over the holidays", B),
        ("Winter sowing in old milk jugs, step by step", B),
    ]
    blocks = [*article(HEADLINE_EN, BODY_EN), *needs, *more]
    assert [t for t, *_ in feed(blocks, used=(0,), title=HEADLINE_EN)] == [
        "How to keep a sourdough starter alive over the holidays",
        "Winter sowing in old milk jugs, step by step",
    ]


# --- deks ---------------------------------------------------------------------------------


def test_a_sentence_case_dek_under_a_title_case_headline_is_its_summary() -> None:
    title = "Why Cities Are Painting Their Roofs White"
    dek = "Cool roofs lower the temperature indoors, but do they still help in colder places?"
    assert is_dek(dek, title) is True
    assert is_dek("Another Headline In Title Case That Asks A Question Here?", title) is False
    assert is_dek("Cool roofs work.", "Cities paint their roofs white") is False  # not longer
    blocks = [*article(HEADLINE_EN, BODY_EN), (title, B), (dek, B)]
    assert feed(blocks, used=(0,), title=HEADLINE_EN) == [(title, dek, None, None)]


# --- times of day ---------------------------------------------------------------------------


def timed_feed(times: list[str], published: str) -> list[str | None]:
    blocks: list[tuple[str, Label]] = list(article(HEADLINE_EN, BODY_EN))
    stories = [
        "Harbour pilots warn of delays as fog season starts early.",
        "Eastside library to open on Sundays from January.",
        "Police appeal for witnesses after van strikes bollard on the quay.",
    ]
    for time, story in zip(times, stories, strict=False):
        blocks += [(time, B), (story, B)]
    return [p for *_, p in feed(blocks, used=(0,), published=published, title=HEADLINE_EN)]


def test_a_feed_that_passes_midnight_is_dated_the_day_before() -> None:
    got = timed_feed(["8:40 AM", "5:56 PM", "4:12 PM"], "2025-11-19T09:15:00")
    assert got == ["2025-11-19T08:40:00", "2025-11-18T17:56:00", "2025-11-18T16:12:00"]


def test_times_later_than_the_article_are_not_dated_without_evidence() -> None:
    got = timed_feed(["11:30 AM", "10:05 AM"], "2025-11-19T09:15:00")
    assert got == [None, None]
    got = timed_feed(["8:40 AM", "5:56 PM"], "2025-11-19T09:15:00")
    assert got == ["2025-11-19T08:40:00", None]


def test_times_before_the_article_are_on_its_day_in_either_order() -> None:
    got = timed_feed(["1:30 PM", "4:12 PM", "5:56 PM"], "2025-11-18T18:40:00")
    assert got == ["2025-11-18T13:30:00", "2025-11-18T16:12:00", "2025-11-18T17:56:00"]


def test_times_on_a_page_without_a_time_are_on_its_date() -> None:
    assert timed_feed(["5:56 PM"], "2025-11-19") == ["2025-11-19T17:56:00"]


@pytest.mark.parametrize(
    ("mins", "now", "days"),
    [
        ([520, 1076, 972], 555, [0, 1, 1]),
        ([690, 605], 555, [None, None]),
        ([520, 1076], 555, [0, None]),
        ([810, 972, 1076], 1120, [0, 0, 0]),
        ([520, 1076, 972, 1100, 900], 555, [0, None, None, None, None]),
    ],
)
def test_run_days(mins: list[int], now: int, days: list[int | None]) -> None:
    assert run_days(mins, now) == days


def test_a_list_that_prints_dates_under_its_headlines_keeps_them_there() -> None:
    widget = [
        ("Popular Posts", B),
        ("Village school wins national prize for its reading garden", B),
        ("March 2, 2025", B),
        ("Old ferry returns to the harbour after a year of repairs", B),
        ("February 20, 2025", B),
    ]
    other = [
        ("Recent Posts", B),
        ("Bakery on Mill Lane reopens four months after the flood", B),
        ("January 9, 2025", B),
        ("Council plans a new cycle lane along the river path", B),
        ("December 30, 2024", B),
        ("Footer Menu Widget", B),
    ]
    blocks = [*article(HEADLINE_EN, BODY_EN), *widget, *other]
    got = [(t, time) for t, _, time, _ in feed(blocks, used=(0,), title=HEADLINE_EN)]
    assert got == [
        ("Village school wins national prize for its reading garden", "March 2, 2025"),
        ("Old ferry returns to the harbour after a year of repairs", "February 20, 2025"),
        ("Bakery on Mill Lane reopens four months after the flood", "January 9, 2025"),
        ("Council plans a new cycle lane along the river path", "December 30, 2024"),
    ]


def test_times_above_their_headlines_stay_above() -> None:
    blocks = [
        *article(HEADLINE_EN, BODY_EN),
        ("8:40 AM", B),
        ("Harbour pilots warn of delays as fog season starts early.", B),
        ("7:55 AM", B),
        ("Eastside library to open on Sundays from January.", B),
    ]
    got = [(t, time) for t, _, time, _ in feed(blocks, used=(0,), title=HEADLINE_EN)]
    assert got == [
        ("Harbour pilots warn of delays as fog season starts early.", "8:40 AM"),
        ("Eastside library to open on Sundays from January.", "7:55 AM"),
    ]


def test_a_newsletter_box_is_not_a_story_but_the_teaser_below_it_is() -> None:
    body = [(p, A) for p in BODY_EN]
    box = [
        ("The Evening Bell", B),
        ("The stories that matter in the valley, in your inbox before dinner.", B),
        ("Sign up", B),
        ("Quarry lorries to use the new bypass from June", B),
        ("The county says the bypass will take 300 lorries a day off the high street.", B),
    ]
    blocks = [(HEADLINE_EN, B), *body, *box]
    got = feed(blocks, used=(0,), title=HEADLINE_EN)
    assert got == [
        (
            "Quarry lorries to use the new bypass from June",
            "The county says the bypass will take 300 lorries a day off the high street.",
            None,
            None,
        )
    ]


def test_blocks_the_revision_took_out_as_furniture_are_not_stories() -> None:
    bio = "Ann Lee has covered the town council for the Gazette since 2009 and rows on weekends."
    blocks = [*article(HEADLINE_EN, BODY_EN), ("About Ann Lee", B), (bio, B)]
    labelled, used = page(blocks)
    assert [f.title for f in find_feed(labelled, used, None, SETTINGS)] == ["About Ann Lee"]
    furniture = [replace(lb, reason="author_bio") if lb.block.index >= 4 else lb for lb in labelled]
    assert find_feed(furniture, used, None, SETTINGS) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Zapisz się Zobacz także Nowy park przy Odrze", "Nowy park przy Odrze"),
        (
            "Kolejarze zmienią rozkład jazdy od kwietnia Najczęściej czytane",
            "Kolejarze zmienią rozkład jazdy od kwietnia",
        ),
        (
            "Read More Ferry crews vote to strike over winter rosters",
            "Ferry crews vote to strike over winter rosters",
        ),
        ("Up Next: Ferry crews vote to strike", "Ferry crews vote to strike"),
        ("相关新闻 青川市公交集团新开五条社区巴士线路", "青川市公交集团新开五条社区巴士线路"),
        ("Recommended Daily Intake Of Salt Cut", "Recommended Daily Intake Of Salt Cut"),
        (
            "Most read stories of the year revealed in full",
            "Most read stories of the year revealed in full",
        ),
        ("Read more about the ferry strike today", "Read more about the ferry strike today"),
    ],
)
def test_a_list_label_glued_to_a_headline_is_cut_off(text: str, title: str) -> None:
    assert strip_label(text) == title


# --- dates printed with a headline ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27.11.2031 Wasserwerk erhöht die Preise", ("27.11.2031", "Wasserwerk erhöht die Preise")),
        ("Die Pause ist vorbei 26. November 2031", ("26. November 2031", "Die Pause ist vorbei")),
        ("河东区公布明年交通计划 2031-11-15", ("2031-11-15", "河东区公布明年交通计划")),
        ("Elections set for 3 May 2031", (None, "Elections set for 3 May 2031")),
        ("Photos of the Week: 21 November 2031", (None, "Photos of the Week: 21 November 2031")),
        ("Funny Clips Wednesday, March 18, 2031", (None, "Funny Clips Wednesday, March 18, 2031")),
        ("Published 11:11 PM EST Nov 19, 2031", (None, "Published 11:11 PM EST Nov 19, 2031")),
        ("Ola Berg 27.11.2031, 11:05", (None, "Ola Berg 27.11.2031, 11:05")),
        (
            "2031-08-01 17:41 Ferry line opens again",
            (None, "2031-08-01 17:41 Ferry line opens again"),
        ),
    ],
)
def test_a_date_next_to_a_headline_is_split_off(
    text: str, expected: tuple[str | None, str]
) -> None:
    assert split_date(text) == expected


def test_a_list_of_dated_headlines_gets_its_dates() -> None:
    blocks = [
        *article(HEADLINE_DE, BODY_DE),
        ("Weitere Nachrichten", B),
        ("27.11.2031 Wasserwerk erhöht die Preise für Haushalte", B),
        ("26.11.2031 Polizei sucht Zeugen nach Einbruch in Schule", B),
    ]
    assert feed(blocks, used=(0,), title=HEADLINE_DE) == [
        ("Wasserwerk erhöht die Preise für Haushalte", None, "27.11.2031", "2031-11-27"),
        ("Polizei sucht Zeugen nach Einbruch in Schule", None, "26.11.2031", "2031-11-26"),
    ]


# --- numbered lists, comments under a name and a time, page furniture -------------------


def test_the_ranks_of_a_numbered_list_leave_its_headlines() -> None:
    blocks = [
        *article(HEADLINE_DE, BODY_DE),
        ("Meistgelesen", B),
        ("1 Neue Buslinie fährt ab Juni bis zum Bahnhof", B),
        ("2 Schwimmbad bekommt eine neue Rutsche", B),
        ("3 Stadtfest fällt in diesem Sommer aus", B),
        ("Kontakt Impressum Datenschutz", B),
        ("10 Tipps für einen ruhigen Winter im Garten", B),
        ("Gemeinde lädt zur Sprechstunde im Rathaus", B),
    ]
    assert [t for t, *_ in feed(blocks, used=(0,), title=HEADLINE_DE)] == [
        "Neue Buslinie fährt ab Juni bis zum Bahnhof",
        "Schwimmbad bekommt eine neue Rutsche",
        "Stadtfest fällt in diesem Sommer aus",
        "10 Tipps für einen ruhigen Winter im Garten",  # alone: its number is its own
        "Gemeinde lädt zur Sprechstunde im Rathaus",
    ]


def test_comments_under_a_name_and_a_time_are_not_stories() -> None:
    inner = [
        *article(HEADLINE_DE, BODY_DE),
        ("Kommentare (2)", B),
        ("Gartenfreund 27.11.2031, 11:05", B),
        ("Endlich passiert etwas an der Brücke. Das hat viel zu lange gedauert.", B),
        ("Talblick vor 1 Stunde", B),
        ("Wer bezahlt das eigentlich? Die Straßen im Ort sind in einem schlimmeren Zustand.", B),
        ("Weitere Nachrichten", B),
        ("27.11.2031 Wasserwerk erhöht die Preise für Haushalte", B),
    ]
    lines = [
        *article(HEADLINE_DE, BODY_DE),
        ("Kommentare (2)", B),
        ("Gartenfreund", B),
        ("27.11.2031, 11:05", B),
        ("Endlich passiert etwas an der Brücke. Das hat viel zu lange gedauert.", B),
        ("Weitere Nachrichten", B),
        ("27.11.2031", B),
        ("Wasserwerk erhöht die Preise für Haushalte", B),
    ]
    expected = [("Wasserwerk erhöht die Preise für Haushalte", None, "27.11.2031", "2031-11-27")]
    assert feed(inner, used=(0,), title=HEADLINE_DE) == expected
    assert feed(lines, used=(0,), title=HEADLINE_DE) == expected


def test_a_headline_under_a_weekday_and_a_time_is_a_story() -> None:
    blocks = [
        *article(HEADLINE_EN, BODY_EN),
        ("Wednesday 20 November 2031 9:22 am", B),
        ("Ferry fares: is there still a cheap crossing?", B),
    ]
    assert feed(blocks, used=(0,), title=HEADLINE_EN) == [
        (
            "Ferry fares: is there still a cheap crossing?",
            None,
            "Wednesday 20 November 2031 9:22 am",
            "2031-11-20T09:22:00",
        )
    ]


def test_page_furniture_is_not_a_story() -> None:
    blocks = [
        *article(HEADLINE_DE, BODY_DE),
        ("Aus der Ausgabe Nr. 49/2031 des Magazins", B),
        ("Folgen Sie uns auf allen Kanälen im Netz", B),
        ("Newsletter", B),
        ("Der Morgen im Tal", B),
        ("Jeden Morgen die wichtigsten Nachrichten aus der Region in Ihrem Postfach.", B),
        ("Ihre E-Mail-Adresse", B),
        ("Neue Buslinie fährt ab Juni bis zum Bahnhof", B),
        ("Schwimmbad bekommt eine neue Rutsche für Kinder", B),
        ("Herausgeber: Talbote Verlag GmbH, Hauptstraße 1", B),
        ("Teilen: Facebook Mastodon E-Mail", B),
    ]
    assert [t for t, *_ in feed(blocks, used=(0,), title=HEADLINE_DE)] == [
        "Neue Buslinie fährt ab Juni bis zum Bahnhof",
        "Schwimmbad bekommt eine neue Rutsche für Kinder",
    ]


def test_the_notice_where_the_story_was_cut_is_not_a_story() -> None:
    labelled, used = page(
        [
            *article(HEADLINE_EN, BODY_EN),
            ("Reprinting this article without our permission is forbidden", B),
            ("Winter sowing in old milk jugs", B),
            ("Forcing rhubarb under a bucket", B),
        ],
        (0,),
    )
    labelled = [replace(lb, reason="story_end") if lb.block.index >= 4 else lb for lb in labelled]
    got = find_feed(labelled, used, None, SETTINGS, HEADLINE_EN)
    assert [f.title for f in got] == [
        "Winter sowing in old milk jugs",
        "Forcing rhubarb under a bucket",
    ]


def test_times_under_headlines_stay_with_them_before_a_stray_line() -> None:
    blocks = [
        *article(HEADLINE_EN, BODY_EN),
        ("Related", B),
        ("Council opens a new bus depot by the ring road", B),
        ("2031-11-20", B),
        ("Harbour cranes get a fresh coat of paint", B),
        ("2031-11-18", B),
        ("Night trains return to the coast this winter", B),
        ("2031-11-15", B),
        ("Most read today", B),
    ]
    assert feed(blocks, used=(0,), title=HEADLINE_EN) == [
        ("Council opens a new bus depot by the ring road", None, "2031-11-20", "2031-11-20"),
        ("Harbour cranes get a fresh coat of paint", None, "2031-11-18", "2031-11-18"),
        ("Night trains return to the coast this winter", None, "2031-11-15", "2031-11-15"),
    ]


def test_korean_headlines_are_not_menus() -> None:
    stop = stopwords_for("ko")
    assert is_menu_line("뉴스 정치 경제 사회 문화 스포츠", stop, False)
    assert not is_menu_line("남산 공원에 야간 조명 설치 완료", stop, False)  # "공원에": a particle
    assert not is_menu_line("서울 집값 석 달 연속 하락", stop, False)  # "석", "달": one syllable
    assert not is_menu_line("1 서울 집값 주춤", stop, False)  # a rank


def test_a_card_under_a_related_label_is_a_story_and_a_blurb_is_not() -> None:
    blocks = [
        ("河东区老旧小区改造明年启动", B),
        (
            "记者从会议上获悉，河东区老旧小区改造工程将于明年全面启动，涉及居民三万余户，包括加装电梯。",
            A,
        ),
        (
            "据介绍，此次改造的重点包括更换老化管网、增设停车位和充电设施，资金由各级财政共同承担。",
            A,
        ),
        ("相关阅读：", B),
        ("河东区今年新增公共停车位五千个", B),
        ("张明", B),
        ("某物流公司后端工程师，关注数据库和分布式系统。", B),
        ("关注", B),
        ("李华", B),
        ("某银行前端工程师，关注浏览器性能和无障碍设计。", B),
    ]
    assert [t for t, *_ in feed(blocks, used=(0,), title="河东区老旧小区改造明年启动")] == [
        "河东区今年新增公共停车位五千个"
    ]


def test_a_card_with_its_label_glued_in_front_is_a_story() -> None:
    blocks = [
        *article(HEADLINE_DE, BODY_DE[:2]),
        ("Lesen Sie auch: Neue Buslinie fährt ab Juni bis zum Bahnhof", B),
        (BODY_DE[2], A),
        ("推荐阅读： 分布式缓存的五个常见误区", B),
        ("© 2031 Talbote", B),
    ]
    assert [t for t, *_ in feed(blocks, used=(0,), title=HEADLINE_DE)] == [
        "Neue Buslinie fährt ab Juni bis zum Bahnhof",
        "分布式缓存的五个常见误区",
    ]
