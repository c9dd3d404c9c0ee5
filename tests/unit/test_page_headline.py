"""The headline when the ranker takes a scraper dump's first line, the page <title>."""

from newsdump.article import page_headline
from newsdump.headline import Context, context, page_title

BODY = [
    "The council of Kestrel Bay voted on Tuesday to lease the old fish market to a cooperative.",
    "Traders will move in next spring, the mayor said, once the roof has been repaired.",
]


def ctx_of(lines: list[str], head: int) -> Context:
    texts = [*lines, *BODY]
    blanks = [(False, False)] * len(texts)
    return context(texts, blanks, list(range(head, len(texts))))


def test_site_name_after_the_headline_is_dropped() -> None:
    ctx = ctx_of(["Council leases the old fish market | Gull Post", "Home", "News"], 3)
    assert page_headline(ctx) == (0, "Council leases the old fish market")


def test_the_line_printing_the_headline_again_is_the_headline_block() -> None:
    lines = [
        "Council leases the old fish market | Gull Post",
        "News",
        "Council leases the old fish market",
    ]
    assert page_headline(ctx_of(lines, 3)) == (2, "Council leases the old fish market")


def test_a_subtitle_that_the_body_talks_about_stays() -> None:
    line = "Council leases the old fish market – traders move in next spring"
    assert page_headline(ctx_of([line, "News"], 2)) == (0, line)


def test_site_name_before_the_headline_is_dropped() -> None:
    ctx = ctx_of(["Gull Post - Council leases the old fish market", "News"], 2)
    assert page_headline(ctx) == (0, "Council leases the old fish market")


def test_an_underscore_separates_a_site_name_in_a_script_without_spaces() -> None:
    assert page_title("青川市地铁三号线试运行 明年正式通车_青川在线", frozenset({"地铁"})) == (
        "青川市地铁三号线试运行 明年正式通车"
    )
    assert page_title("snake_case_title of a page here") == "snake_case_title of a page here"
