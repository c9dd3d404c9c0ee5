"""Invented news pages in German, Polish, French, Spanish, Chinese and Japanese, in both dump
styles (tests/data/languages/<page>.inner.txt and .lines.txt): a consent banner, a menu, a promo,
the story with a related card and a captioned photo inside it, a newsletter box, comments, a
feed or most-read list and a footer. Each test pins a behaviour that failed on them before:
the body is exactly the story's paragraphs of the page (given by their first words), the
feed holds exactly the listed stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdump import extract, split

PAGES = Path(__file__).parent / "data" / "languages"


def read(name: str) -> str:
    return (PAGES / f"{name}.txt").read_text(encoding="utf-8")


def lines_starting(page: str, starts: list[str]) -> list[str]:
    """The page's lines that start with these words, whole, in this order."""
    found = [next(line for line in page.splitlines() if line.startswith(s)) for s in starts]
    return [line.strip() for line in found]


STORIES = {
    # page: the first words of the story's paragraphs (no standfirst, caption, card, dateline)
    "de-magazin": [
        "Um kurz nach sechs",
        "Die Idee kam",
        "Mit dem Geld",
        "Auf der Karte",
        "Ob sich",
    ],
    "pl-portal": ["Nowa linia", "Według urzędników", "Wykonawca", "Mieszkańcy", "Urząd miasta"],
    "ja-shimbun": ["北浜市の中央商店街振興組合は", "同商店街では", "アーケードには", "工事は"],
    "zh-portal": ["3月3日上午", "据市轨道交通集团介绍", "三号线开通后", "轨道交通集团负责人"],
}


@pytest.mark.parametrize(
    "name",
    [
        "de-magazin.inner",  # caption with "(Bild: ...)", "Mehr zum Thema: X" printed again below
        "pl-portal.inner",  # Polish consent banner, "(fot. ...)" caption, "Czytaj też:" card
        "ja-shimbun.inner",  # a cookie notice on top had made the page head the body
        "ja-shimbun.lines",
        "zh-portal.inner",  # ... likewise; "相关阅读" card the classifier was sure of
        "zh-portal.lines",  # ... whose box had swallowed the next two paragraphs
    ],
)
def test_the_body_is_exactly_the_story(name: str) -> None:
    page = read(name)
    expected = lines_starting(page, STORIES[name.split(".")[0]])
    assert extract(page).text.split("\n\n") == expected


@pytest.mark.parametrize("style", ["inner", "lines"])
def test_french_daily_loses_its_dateline_caption_and_read_also_card(style: str) -> None:
    page = read(f"fr-daily.{style}")
    paragraphs = extract(page).text.split("\n\n")
    assert not any(p.startswith(("Publié le", "La salle de lecture")) for p in paragraphs)
    # the standfirst between headline and byline is no story paragraph either
    assert paragraphs[:2] == lines_starting(page, ["La médiathèque Simone-Veil", "Le chantier"])
    if style == "inner":  # (the lines dump glues the card to the next paragraph in one block)
        assert not any(p.startswith("Lire aussi") for p in paragraphs)


def test_captions_with_a_bare_credit_and_sure_read_also_cards_leave_the_body() -> None:
    for name, gone in (
        ("de-ticker.inner", ("Helfer der Feuerwehr", "Lesen Sie auch", "Neue Deiche")),
        ("es-diario.inner", ("Ciclistas en el paseo", "Lee también", "El Ayuntamiento amplía")),
        ("fr-regional.inner", ("À lire aussi",)),
    ):
        paragraphs = extract(read(name)).text.split("\n\n")
        assert not any(p.startswith(gone) for p in paragraphs), name


def test_the_ticker_times_resolve_on_the_article_day() -> None:
    records = split(read("de-ticker.inner"))
    assert [(r.feed.title, r.feed.published) for r in records if r.feed] == [
        ("Kreistag vertagt Entscheidung über Klinikstandort", "2026-03-03T14:10:00"),
        ("Polizei sucht Zeugen nach Unfall auf der Staatsstraße", "2026-03-03T13:45:00"),
        ("Ebersfelder Bäckerei gewinnt Landespreis für Brezen", "2026-03-03T12:58:00"),
        ("Grundschule Birkach bekommt neue Turnhalle", "2026-03-03T11:20:00"),
        ("Streit um Windräder: Gemeinderat lehnt Bürgerentscheid ab", None),
        ("Neues Hallenbad in Kleinhaslach öffnet im Herbst", None),
        ("Mann verletzt sich bei Sturz von Baugerüst schwer", None),
    ]


@pytest.mark.parametrize("style", ["inner", "lines"])
def test_chinese_menu_app_banner_and_source_line_are_not_stories(style: str) -> None:
    titles = [r.feed.title for r in split(read(f"zh-portal.{style}")) if r.feed]
    assert not any(t.startswith(("首页", "下载", "扫码", "来源")) for t in titles)
    assert titles[-6:] == [
        "青川市公交集团新开五条社区巴士线路",
        "西部新区第一所公立高中今年秋季招生",
        "城东高铁站周边道路改造方案公布",
        "青川大剧院新春演出季门票今日开售",
        "市区三条主干道夜间施工 请注意绕行",
        "青川本地草莓上市 价格比去年略低",
    ]


def test_a_byline_naming_the_kind_of_story_is_not_a_story() -> None:
    titles = [r.feed.title for r in split(read("de-magazin.lines")) if r.feed]
    assert titles == [
        "Dorfläden in der Region: Wo sich Bürger selbst versorgen",  # "Mehr zum Thema: ..." card
        "Dorfläden in der Region: Wo sich Bürger selbst versorgen",
        "Ein Kino im Feuerwehrhaus: Ehrenamtliche zeigen jeden Freitag Filme",
        "Die letzte Dorfschmiede im Landkreis sucht einen Nachfolger",
    ]


def test_labels_glued_to_headlines_in_a_lines_dump_are_cut_off() -> None:
    titles = [r.feed.title for r in split(read("pl-portal.lines")) if r.feed]
    assert titles == [
        "Remont dworca autobusowego. Pasażerowie przez pół roku pojadą z placu Wolności",  # card
        "Nowy park przy Odrze. Miasto wybrało projekt zagospodarowania bulwarów",
        "Szpital wojewódzki otworzył oddział rehabilitacji dla dzieci",
        "Kolejarze zapowiadają zmiany w rozkładzie jazdy od kwietnia",
        "Pożar hali magazynowej na Brzezince. Strażacy walczyli z ogniem przez całą noc",
        "Znany kucharz otwiera restaurację w dawnej łaźni miejskiej",
        "Drogowcy zamkną most Długi na dwa weekendy",
    ]


@pytest.mark.parametrize(
    ("name", "authors", "published"),
    [
        # "Eine Reportage von X" (a byline naming the story's kind), "um 14:05 Uhr"
        ("de-magazin.inner", ("Friederike Almstätter",), "2026-03-03T14:05:00"),
        ("de-magazin.lines", ("Friederike Almstätter",), "2026-03-03T14:05:00"),  # ... on two lines
        ("fr-regional.inner", ("Marc-Antoine Leroy", "Amélie Fournier"), "2026-03-03T14:05:00"),
        ("fr-regional.lines", ("Marc-Antoine Leroy", "Amélie Fournier"), "2026-03-03T14:05:00"),
        ("ja-shimbun.inner", ("山本 健太",), "2026-03-03T14:05:00"),  # a bare name under the date
        ("ja-shimbun.lines", ("山本 健太",), "2026-03-03T14:05:00"),
        ("zh-portal.inner", ("刘晓燕",), "2026-03-03T14:05:00"),  # "记者 刘晓燕"
        ("zh-portal.lines", ("刘晓燕",), "2026-03-03T14:05:00"),  # "记者" then "刘晓燕"
    ],
)
def test_bylines_and_dates_in_other_languages(
    name: str, authors: tuple[str, ...], published: str
) -> None:
    article = extract(read(name))
    assert (article.authors, article.published) == (authors, published)


@pytest.mark.parametrize("style", ["inner", "lines"])
def test_french_feed_times_with_an_h_are_times(style: str) -> None:
    feed = [r.feed for r in split(read(f"fr-daily.{style}")) if r.feed]
    assert [item.time for item in feed[:4]] == ["16h32", "15h58", "15h10", None]
    # later than the article's 14:05: that day or the day before, the page does not say
    assert [item.published for item in feed[:3]] == [None, None, None]
