"""Invented news pages in page styles and languages the other tests do not cover, in both dump
styles (tests/data/unseen/<page>.inner.txt and .lines.txt): Italian, Brazilian Portuguese,
Dutch, Czech, Russian, a German page dated only "vor 3 Stunden", a US local-news page
("Posted: 3:42 PM EST, Nov 27, 2026"), a UK tabloid ("By JANE DOE FOR MAILONLINE"), a wire
story and a tech blog ("Last updated on", three authors). Each has a menu, a promo above the
headline, a standfirst, byline and date, a captioned photo and a related card in the story, a
newsletter box, a feed of other stories with their own dates and a footer with a copyright
year. Each test pins a behaviour that failed on them before."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_languages_pages import lines_starting

from newsdump import extract
from newsdump.dates import find_dates

PAGES = Path(__file__).parent / "data" / "unseen"
STYLES = ("inner", "lines")

META = {
    # page: title, authors, published, lang
    "it-quotidiano": (
        "Nuova tranvia a Valdarno, via libera ai cantieri dal 15 gennaio",
        ("Marco Ferretti", "Giulia Santoro"),
        "2026-11-27T14:05:00",
        "it",
    ),
    "pt-br-portal": (
        "Prefeitura de Itaquara anuncia nova linha de ônibus para o distrito industrial",
        ("Ana Beatriz Campos",),  # "Por Ana Beatriz Campos, Portal Vale Paulista — Itaquara"
        "2026-11-27T09:00:00",
        "pt",
    ),
    "nl-krant": (
        "Gemeente Zuiderveen legt laadpalen aan bij alle sporthallen",
        ("Pieter van der Linden",),
        "2026-11-27T14:05:00",  # "27 nov. 2026 om 14:05"
        "nl",
    ),
    "cs-zpravy": (
        "Kraj opraví silnici mezi Lhotou a Borovany, objízdná trasa povede přes Vrbno",
        ("Jan Novotný",),  # "Autor:" then the name (a line apart in the lines dump)
        "2026-11-27T14:05:00",  # "27. listopadu 2026 14:05"
        "cs",
    ),
    "ru-novosti": (
        "В Северогорске откроют новый мост через Каменку",
        ("Ирина Соколова",),  # "Текст:" then the name
        "2026-11-27T14:05:00",
        "ru",
    ),
    "de-liveblog": (
        "Bahnstreik legt Regionalverkehr im Oberland lahm",
        ("Sabine Huber", "Thomas Brandl"),
        None,  # "vor 3 Stunden": no date; the feed's "27.11.2026, 14:05 Uhr" is another story's
        "de",
    ),
    "us-local": (
        "Cedar Falls council approves $12M plan to fix aging water mains",
        ("Megan Alvarez", "Derek Olson"),
        "2026-11-27T15:42:00",  # "Posted: 3:42 PM EST, Nov 27, 2026 / Updated: 5:10 PM EST, …"
        "en",
    ),
    "uk-tabloid": (
        "Grandmother, 84, becomes oldest woman to swim across Lake Windermere",
        ("Jane Doe",),  # "By JANE DOE FOR MAILONLINE"
        "2026-11-27T09:14:00",  # "Published: 09:14 EST, 27 November 2026 | Updated: …"
        "en",
    ),
    "wire-story": (
        "Nordland central bank holds rates steady, signals cut in spring",
        ("Lars Eklund",),
        "2026-11-27T09:41:00",
        "en",
    ),
    "tech-blog": (
        "How we cut our CI build times in half with remote caching",
        ("Priya Raman", "Tomás Ortega", "Wei Zhang"),
        "2026-11-27",  # "Last updated on November 27, 2026": the only date printed
        "en",
    ),
}

STORIES = {
    # page: the first words of the story's paragraphs; the promo, standfirst, date line and
    # caption above them are gone (the related card inside the story: EXACT, EXACT_IN below)
    "it-quotidiano": ["Il consiglio comunale di", "La linea sarà"],
    "nl-krant": ["De gemeente Zuiderveen plaatst", "Volgens de wethouder"],
    "cs-zpravy": ["Krajský úřad", "Silnice je"],
    "ru-novosti": ["Новый мост", "Мост длиной"],
    "de-liveblog": ["Wer am Morgen", "Nach Angaben der Bahn fährt"],
    "us-local": ["CEDAR FALLS —", "The plan will"],
    "uk-tabloid": ["An 84-year-old", "Margaret Pennington, from"],
    "wire-story": ["VESTBY, Nov 27", "The bank said", '"The policy', "Most economists"],
    "tech-blog": ["For most of last year", "The biggest cost"],
}


EXACT = {
    # page: the first words of every paragraph of the story, in both dump styles: the related
    # card in the story ("Leggi anche <headline>", "READ MORE: <headline>", "RELATED <headline>",
    # the label and its headline on one line) is gone, and nothing else is left
    "it-quotidiano": [*STORIES["it-quotidiano"], "«È l'opera", "Le opposizioni", "I primi"],
    "nl-krant": [*STORIES["nl-krant"], "De laadpalen", "Oppositiepartij", "De eerste palen"],
    "cs-zpravy": [*STORIES["cs-zpravy"], "Objízdná trasa povede", "Oprava vyjde"],
    "ru-novosti": [*STORIES["ru-novosti"], "После открытия", "Строительство"],
    "us-local": [*STORIES["us-local"], "\"We've been", "The project will", "Council member"],
}
EXACT_IN = {
    # page: the dump style where the story is exactly its paragraphs. In the other one: the
    # lines dumps of de-liveblog and pt-br-portal keep the card, as segment glues its headline
    # to the next paragraph ("... startet im Januar" + "An den Bahnhöfen ...": "Januar",
    # "final" are frequent words there); uk-tabloid's inner dump keeps "Share or comment on
    # this article:" after the story
    "de-liveblog": ("inner", [*STORIES["de-liveblog"], "An den Bahnhöfen", "Der Streik soll"]),
    "pt-br-portal": (
        "inner",
        [
            "A Prefeitura de Itaquara anunciou",
            "Segundo a Secretaria",
            "A reivindicação",
            "A tarifa",
        ],
    ),
    "uk-tabloid": (
        "lines",
        [*STORIES["uk-tabloid"], "The retired school", "'I'm cold", "Her swim"],
    ),
}


def read(name: str) -> str:
    return (PAGES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", sorted(META))
def test_title_authors_date_and_language(name: str, style: str) -> None:
    article = extract(read(f"{name}.{style}"))
    assert (article.title, article.authors, article.published, article.lang) == META[name]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_story_starts_with_its_first_paragraphs(name: str, style: str) -> None:
    page = read(f"{name}.{style}")
    expected = lines_starting(page, STORIES[name])
    assert extract(page).text.split("\n\n")[: len(expected)] == expected


@pytest.mark.parametrize("style", STYLES)
def test_a_wire_story_is_exactly_its_paragraphs(style: str) -> None:
    page = read(f"wire-story.{style}")
    article = extract(page)
    assert article.text.split("\n\n") == lines_starting(page, STORIES["wire-story"])
    assert article.caption is not None and article.caption.endswith("/File Photo")


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("Posted: 3:42 PM EST, Nov 27, 2026 / Updated: 5:10 PM EST", "2026-11-27T15:42:00"),
        ("Published: 09:14 EST, 27 November 2026 | Updated: 11:02", "2026-11-27T09:14:00"),
        ("PUBLISHED: 10:48, Thu, Nov 26, 2026", "2026-11-26T10:48:00"),
        ("27 nov. 2026 om 14:05", "2026-11-27T14:05:00"),
        ("27. listopadu 2026 14:05", "2026-11-27T14:05:00"),
        ("27. 11. 2026 14:05", "2026-11-27T14:05:00"),
        ("27 ноября 2026 г., 14:05", "2026-11-27T14:05:00"),
        ("Publicerad 27 november 2026 kl. 14.05", "2026-11-27T14:05:00"),
        ("27 de novembro de 2026 às 09h00", "2026-11-27T09:00:00"),
        ("Pubblicato il 27/11/2026 alle 14:05", "2026-11-27T14:05:00"),
        ("12 augusti 2026", "2026-08-12"),
        ("3 martie 2026, 10:00", "2026-03-03T10:00:00"),
    ],
)
def test_dates_as_these_pages_print_them(printed: str, iso: str) -> None:
    assert [d.iso for d in find_dates(printed)][:1] == [iso]


@pytest.mark.parametrize("when", ["vor 3 Stunden", "Published 3 hours ago", "há 2 horas"])
def test_a_relative_time_under_the_byline_is_no_date_and_no_paragraph(when: str) -> None:
    page = read("nl-krant.inner").replace("27 nov. 2026 om 14:05", when)
    article = extract(page)
    assert article.published is None
    assert article.text.startswith("De gemeente Zuiderveen plaatst")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", sorted(EXACT))
def test_a_story_with_a_related_card_is_exactly_its_paragraphs(name: str, style: str) -> None:
    page = read(f"{name}.{style}")
    assert extract(page).text.split("\n\n") == lines_starting(page, EXACT[name])


@pytest.mark.parametrize("name", sorted(EXACT_IN))
def test_a_story_with_a_related_card_is_exactly_its_paragraphs_in_one_style(name: str) -> None:
    style, starts = EXACT_IN[name]
    page = read(f"{name}.{style}")
    assert extract(page).text.split("\n\n") == lines_starting(page, starts)


@pytest.mark.parametrize("style", STYLES)
def test_a_mixed_case_label_and_colon_before_a_headline_leaves_the_body(style: str) -> None:
    # "Related: <headline>" between the tech blog's paragraphs is a card, printed once on
    # the page or not: the story is its four paragraphs in a row
    page = read(f"tech-blog.{style}")
    paragraphs = extract(page).text.split("\n\n")
    starts = ["For most of last year", "The biggest cost", "We set up", "The median build"]
    assert paragraphs[:4] == lines_starting(page, starts)
    assert not any(p.startswith("Related") for p in paragraphs)
