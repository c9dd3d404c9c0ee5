"""The cheap pre-tests and the per-page reuse of `newsdump.feed` (and `dates.is_time_line`)
change no verdict: the plain versions (as they were before, below, with the same patterns
and helpers; the whole find_feed was checked against its plain version on 669 pages when
they were merged) against the fast ones, on random lines built from tricky pieces
(times, dates, digits of other scripts, labels, credits, links, letters that IGNORECASE pairs
with non-ASCII ones, wide scripts, a final newline)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import dates as D
from newsdump import feed as F
from newsdump.dates import MONTH_DAY, RELATIVE, TIME_OF_DAY, find_dates, first_date
from newsdump.document import Block, Label, LabelledBlock
from newsdump.feed import (
    ATTRIBUTION,
    BYLINE_START,
    CLOCK,
    COMMENT_AFTER,
    COMMENT_INTRO,
    CONTACT,
    COUNT_LINE,
    COUNT_LINE_MAX_WORDS,
    CREDIT,
    DIGITS,
    FEED_MIN_LEFT,
    GLUE_DATE_MAX_CHARS,
    GLUE_MAX_WORDS,
    GLUED_LABEL_JUNK,
    GLUED_LABEL_MAX_CHARS,
    GLUED_LABEL_REACH,
    KICKER_MAX_WORDS,
    KIND_BYLINE,
    LABEL_FIRST_WORDS,
    LEADING_BULLET,
    LEADING_TIME,
    LINK_SHAPE,
    META_MAX_CHARS,
    NAV_GLYPHS,
    RELATIVE_START,
    SENTENCE_BREAK,
    SLASH_TRAIL,
    SOURCE_LINE,
    SUMMARY_MIN_WORDS,
    SUMMARY_UNPUNCTUATED_MIN_WORDS,
    TERMINAL,
    TRAILING_AGO,
    TRAILING_COUNT,
    TWO_SENTENCE_TITLE_MAX_WORDS,
    WHEN_MAX_CHARS,
    WHEN_MAX_WORDS,
    WORD,
    is_list_label,
    same_story,
)
from newsdump.lang import WIDE, detect_language
from newsdump.settings import Settings

SETTINGS = Settings()

# The plain versions: the code as it was before the speed-ups, names prefixed with plain_.

PLAIN_CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|subscription|sign(?:ing)? (?:up|in)\b|log ?in\b|newsletter|e-?mail|cookie|"
    r"privacy|terms (?:of|and)|all rights reserved|copyright|advertis|download (?:our|the)|"
    r"follow (?:us|\w+ on)\b|join (?:us|our)|support (?:us|our|independent|local)|"
    r"become a member|donat|"
    r"click here|read more|see more|show more|load more|view (?:all|more)|skip to|"
    r"share (?:this|on)|comments?\b|sponsored|paid (?:post|content)|javascript|browser|"
    r"trademark|reproduced|rules apply|signed in\b|your (?:location|weather|account)|"
    r"(?:photo(?:graph)?s?|images?) (?:by|courtesy)|enter (?:your|city|a)\b|continue reading|"
    r"(?:recent|more) (?:from|posts|stories)\b|regist(?:er|ration)\b|your account|"
    r"welcome to|visit us|tweets by|jump to|skip navigation|(?:in|to) your inbox|"
    r"suscr[ií]b|reg[ií]strate|registrarse|inicia sesi|comparte|anmelden|abonnier|registrier|"
    r"teilen\b|abonn|connexion|partager|inscri|assine|cadastr|zaloguj|subskryb|udostępnij|"
    r"share all|next up|see all|go to\b|more information|popular in\b|the latest from|"
    r"html|text format|quote of the day|submission guidelines|back to (?:home|top)|"
    r"aviso legal|nota legal|normas de uso|condiciones de uso|mentions légales|"
    r"conditions (?:générales|d'utilisation)|nutzungsbedingungen|datenschutz|impressum|"
    r"regulamin|polityka prywatności|política de privacidad|politique de confidentialité|"
    r"creative commons|使用条款|隐私|版权)|©|下载|客户端|公众号|扫码|订阅|訂閱|購読|お届けします",
)


def plain_is_comment(texts: Sequence[str], first: int, last: int) -> bool:
    """A reader's comment: "Ann says:" or the previous comment's "Reply" just above it;
    "Reply" or a rating under it or under the line after it (the comment's text)."""
    before = texts[first - 1] if first > 0 else ""
    after = texts[last + 1 : last + 3]  # "Reply" under it, or under the comment's text
    return bool(
        COMMENT_INTRO.match(before)
        or COMMENT_AFTER.match(before)
        or any(COMMENT_AFTER.match(text) for text in after)
    )


def plain_is_menu_line(text: str, stop: frozenset[str], sentence_case: bool) -> bool:
    """A menu printed on one line (see feed.is_menu_line)."""
    if WIDE.search(text):
        items = text.split()
        return (
            len(items) >= F.WIDE_MENU_MIN_ITEMS
            and sum(map(len, items)) <= F.WIDE_MENU_MAX_CHARS * len(items)
            and not F.WIDE_PUNCT.search(text)
            and not any(item.isdecimal() for item in items)
            and not (F.HANGUL.search(text) and any(F.is_korean_word(item) for item in items))
        )
    if F.NOT_MENU.search(text.replace(",", "")):
        return False
    words = F.WORDS_ONLY.findall(text)
    if " & " in text and len(words) <= F.SECTION_MAX_WORDS:
        return all(w[0].isupper() for w in words) and not any(w.lower() in stop for w in words)
    return (
        "," not in text
        and len(words) >= (F.MENU_MIN_WORDS if sentence_case else F.MENU_MIN_WORDS_OTHER)
        and all(w[0].isupper() for w in words)
        and not any(w.lower() in stop for w in words)
    )


def plain_is_when(text: str) -> bool:
    """A line that only prints when: "5:56 PM", "2 hours ago", "November 18, 2019 at 2:01 pm"."""
    if plain_is_time_line(text):
        return F.split_date(text)[0] is None  # not a headline with its date
    if len(text) > WHEN_MAX_CHARS or DIGITS.search(text) is None:
        return False
    if plain_word_count(text) > WHEN_MAX_WORDS or not find_dates(text):
        return False
    return F.split_date(text)[0] is None


def plain_clean_title(text: str) -> tuple[str | None, str]:
    """A time printed in front of a headline, and the headline without it or a comment count
    (or a list's label glued to it)."""
    text = plain_strip_label(LEADING_BULLET.sub("", TRAILING_COUNT.sub("", text)))
    m = LEADING_TIME.match(text)
    if m is not None:
        return m["time"], m["title"]
    when, title = F.split_date(text)
    if when is not None:
        return when, title
    m = TRAILING_AGO.search(text)
    if m is not None:
        return m["time"], text[: m.start()]
    return None, text


def plain_strip_label(text: str) -> str:
    """A headline without the list's label that a dump glued to it, in front ("Zobacz także
    Nowy park ...", after a button: "Zapisz się Zobacz także ...") or at its end ("... od
    kwietnia Najczęściej czytane"): a label of two words or more, or one with a colon, and
    a capital where the headline starts or the label does."""
    if len(text) > GLUED_LABEL_MAX_CHARS:
        return text  # a paragraph
    words = text.split()
    n = len(words)
    for start in range(min(GLUED_LABEL_JUNK + 1, n)):
        if words[start] not in LABEL_FIRST_WORDS:
            continue
        for end in range(min(start + GLUED_LABEL_REACH, n - 1), start, -1):
            if words[end][0].islower() or not is_list_label(words[start:end]):
                continue  # the headline starts after the label, with a capital
            rest = " ".join(words[end:])
            if plain_word_count(rest) >= FEED_MIN_LEFT:
                return rest
    for start in range(max(1, n - GLUED_LABEL_REACH), n):
        if words[start] in LABEL_FIRST_WORDS and words[start][0].isupper():
            rest = " ".join(words[:start])  # a capital in mid-headline: the next line's label
            if is_list_label(words[start:]) and plain_word_count(rest) >= FEED_MIN_LEFT:
                return rest
    return text


def plain_word_count(text: str) -> int:
    wide = len(WIDE.findall(text))
    return len(text.split()) if not wide else len(WIDE.sub(" ", text).split()) + wide // 2


def plain_is_title(text: str, settings: Settings) -> bool:
    """A headline: a few words, at most one sentence break, not a call to action or byline."""
    n = plain_word_count(text)
    if not settings.feed_title_min_words <= n <= settings.feed_title_max_words:
        return False
    if text.endswith((":", ",", ";")) or " | " in text or text[0].islower():
        return False  # a label, a menu trail or a sentence fragment
    if text.count(" / ") >= SLASH_TRAIL:
        return False  # "Biology / Biochemistry Psychology / Psychiatry": categories
    if NAV_GLYPHS.search(text) or RELATIVE_START.match(text) or LINK_SHAPE.search(text):
        return False
    if text[0] in "([{":
        return False  # "(L-R) Ann Lee, …": a caption
    if COUNT_LINE.match(text) and n <= COUNT_LINE_MAX_WORDS and not WIDE.search(text):
        return False  # "3 diggs Science Video", "12 comments": counts, not headlines
    breaks = len(SENTENCE_BREAK.findall(text))
    if breaks > 1 or (breaks == 1 and n > TWO_SENTENCE_TITLE_MAX_WORDS):
        return False
    if plain_is_call_to_action(text) or BYLINE_START.match(text) or plain_is_time_line(text):
        return False
    if KIND_BYLINE.match(text) or SOURCE_LINE.match(text):
        return False  # a byline naming the kind of story, a source or editor's line
    credit = CREDIT.search(text) if plain_may_credit(text) else None
    if ATTRIBUTION.match(text) or (credit and credit.start() > 0) or CONTACT.search(text):
        return False  # a quote's source, a caption's credit (not a "Photos:" kicker), an address
    if CLOCK.search(text) and not LEADING_TIME.match(text) and find_dates(text):
        return False  # "First published February 1, 2016: 1:28 AM ET": a dateline
    if WIDE.search(text):
        return True
    letters = sum(map(str.isalpha, text))
    return letters >= 0.6 * len(text.replace(" ", "")) and not text.isupper()


def plain_may_credit(text: str) -> bool:
    """False only where `CREDIT` cannot match (a cheap test first): in ASCII text (where
    IGNORECASE pairs no letter with a non-ASCII one) every alternative needs "(" or ":" or
    one of its two names."""
    if not text.isascii() or "(" in text or ":" in text:
        return True
    low = text.lower()
    return "getty images" in low or "shutterstock" in low


def plain_is_call_to_action(text: str) -> bool:
    """Subscribe, share, sign in, read more, … (the pattern is lower-case: no IGNORECASE)."""
    return PLAIN_CALL_TO_ACTION.search(text.lower()) is not None


def plain_is_summary(text: str, settings: Settings) -> bool:
    """A teaser's summary: one paragraph of prose."""
    n = plain_word_count(text)
    if n > settings.feed_summary_max_words or plain_is_call_to_action(text):
        return False
    return n >= SUMMARY_UNPUNCTUATED_MIN_WORDS or (
        n >= SUMMARY_MIN_WORDS and text.endswith(TERMINAL)
    )


def plain_is_meta(text: str) -> bool:
    """A line about a story rather than of it: a byline, a source, counts and tags."""
    if len(text) >= META_MAX_CHARS:
        return False
    return bool(BYLINE_START.match(text) or LINK_SHAPE.search(text) or COUNT_LINE.match(text))


def plain_is_glue(text: str) -> bool:
    """What stands between the headlines of a list: numbers, labels, bylines, dates."""
    if (
        plain_word_count(text) <= GLUE_MAX_WORDS
        or BYLINE_START.match(text)
        or plain_is_time_line(text)
    ):
        return True
    if RELATIVE_START.match(text) or LINK_SHAPE.search(text) or COUNT_LINE.match(text):
        return True  # "2 hours ago on iOS Blog", "1 digg example.org Science"
    if text.isupper() and plain_word_count(text) <= KICKER_MAX_WORDS:
        return True  # a kicker above a headline: "IT'S NOT EASY EATING GREEN"
    return (
        len(text) < GLUE_DATE_MAX_CHARS
        and DIGITS.search(text) is not None
        and bool(find_dates(text))
    )


def plain_is_time_line(text: str) -> bool:
    """A line that only prints a time: "5:56 PM", "2 hours ago", "Dec. 6", "12.30"."""
    text = text.strip()
    if len(text) > 30:
        return False
    return bool(
        TIME_OF_DAY.match(text)
        or RELATIVE.match(text)
        or MONTH_DAY.match(text)
        or (first_date(text) is not None and len(text) <= 24)
    )


MENU_STOP = frozenset({"the", "und", "de", "a"})

# Random lines and pages.

LINES = [
    "Council votes to rebuild the old stone bridge",
    "Ferry Fares Rise Again Across The Harbour",
    "Why the tide turned",
    "Mayor: we will not close the library",
    "Gemeinderat beschließt den Neubau der Brücke",
    "Zobacz także Nowy park otwarty w centrum miasta",
    "Nowy park otwarty w centrum miasta Najczęściej czytane",
    "Read more: Ferry fares rise again",
    "You Might Also Like",
    "Related Stories",
    "Most popular",
    "The council met on Tuesday and voted on the harbour plan after a long debate that ran late.",
    "Pilots warn of fog over the bay as ferries wait.",
    "Taxes rise. These maps show where.",
    "5:56 PM",
    "2 hours ago",
    "an hour ago",
    "Dec. 6",
    "November 18, 2019 at 2:01 pm",
    "14:32 Airline signs deal with the harbour board",
    "Harbour board signs deal 3 comments",
    "Harbour board signs a deal ~5 hours ago",
    "Harbour board signs deal 3 commentſ",
    "Harbour board signs deal 12 REPLIES\n",
    "Harbour board signs a deal 5 hours AGO\n",
    "Rada miasta: nowy park • 5 komentarzy",
    "- Ferry fares rise again this spring",
    "Crowds at the old quay 摄影：王",
    "Rada miasta Zobacz także Najczęściej czytane",
    "Zapisz się Zobacz także Nowy park otwarty w centrum",
    "Neue Brücke für die Altstadt Das könnte Sie auch interessieren",
    "Council votes to rebuild the bridge You Might Also Like »",
    "Council votes to rebuild the bridge More On This Story »",
    "• Ferry fares rise again this spring",
    "Ferry fares rise again across the bay...\n",
    "Ferry fares rise again across the bay [...]\n",
    "By Ann Lee",
    "Eine Reportage von Ann Lee",
    "A column by Ann Lee",
    "来源：新华社",
    "— Ann Lee (@ann) May 1, 2019",
    "Crowds at the quay (Photo: AP)",
    "Photos: The harbour at dawn",
    "Ann Lee says:",
    "Ann Lee napisała:\n",
    "王先生说：",
    "Reply",
    "Rating: 4",
    "Sponsored",
    "Partner offers",
    "What You'll Need:",
    "Rated 3 of 5 stars",
    "Rated 4 of 5 stars",
    "Lokales Region Politik Wirtschaft",
    "Food & Drink",
    "Arts & Culture, Style",
    "Home News Sport Weather Travel Money Culture Science Health Opinion",
    "Home / News / Sport",
    "Home | News · Sport - Local",
    "1 & 2",
    "2019 Region Politik Wirtschaft",
    "The Home News Sport Weather Travel Money Culture Science",
    "Lokales Region ⅰPolitik Wirtschaft",
    "Lokales, Region, Politik",
    "Über Uns Kontakt Impressum",
    "Lokales_Region Politik ʰWirtschaft",
    "首页 新闻 财经 科技",
    "东京的新地铁线路今天开通了",
    "First published February 1, 2016: 1:28 AM ET",
    "Call us: tel. +48 123 456 789",
    "See all stories at www.example.com",
    "IT'S NOT EASY EATING GREEN",
    "3 diggs Science Video",
    "hace 2 horas",
    "",
]
PIECES = [
    "Council", "votes", "to", "the", "Ferry", "fares", "rise", "Ann", "Lee", "a", "an", "hour",
    "hours", "ago", "AGO", "Ago", "By", "by", "von", "Read", "more", "Read more:", "Related",
    "Stories", "Zobacz", "także", "Najczęściej", "czytane", "Subscribe", "subscribers",
    "Sign in", "log in", "e-mail", "Newsletter", "comments", "3 comments", "12 replies",
    "shares", "5:56 PM", "14:32", "12.30", "2 hours ago", "5 min. ago", "~3 days ago",
    "Dec. 6", "Nov 18, 2019", "2019-11-18", "18.11.2019", "11/19/19 06:56 AM", "(Photo: AP)",
    "Photo: Ann Lee", "(Fot. Ann Lee)", "Getty Images", "GETTY IMAGES", "ſhutterſtock",
    "SHUTTERSTOCK", "İmages", "tel. +48 123 456 789", "Tel: (555) 123-4567", "电话：010",
    "1234567890", "www.example.com", "example.org", "https://x.io", "...", "…", "[…]",
    "[...]", "›", "»", "|", "/", "•", "-", "—", "―", "(L-R)", "来源：", "记者", "图/",
    "摄影：", "首页", "新闻", "ニュース", "서울", "Σ", "ΟΔΟΣ", "K", "١٢", "٣", "²", "Ⅻ",
    "hace 2 horas", "vor 3 Stunden", "il y a 2 heures", "3 dni temu", "It rained.", "Mr. Lee",
    "Q&A", "&", "IT'S", "cookie", "©", "订阅", "Rated", "of", "says:", "Reply", "Sponsored",
    "Photos:", "Ingredients:", "ʀ", "\u00a0", "", "Home", "News", "Sport", "&", " & ", "Und",
    "und", "ⅰ", "ǅ", "ª", "_a", "a_b", "1a", "·", "\u0345", "Follow us", "FOLLOW US",
    "Suivez-nous", "síguenos", "关注我们", "Czytaj także:", "相关阅读：",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", ", ", ": ", ". ", "", " - ", " / ", " | "]

pieces = st.sampled_from(PIECES) | st.text(alphabet="aAgoSsſKkİı0123٣ .:-\n", max_size=5)
built = st.builds(
    lambda parts, end: "".join(p + s for p, s in parts) + end,
    st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=10),
    st.sampled_from(["", "", "", "\n", " ", " \n", "."]),
)
lines = st.sampled_from(LINES) | built


@given(lines)
@settings(max_examples=1500, deadline=None)
def test_line_verdicts_are_the_plain_ones(text: str) -> None:
    assert F.word_count(text) == plain_word_count(text)
    assert F.strip_label(text) == plain_strip_label(text)
    assert F.clean_title(text) == plain_clean_title(text)
    assert F.is_title(text, SETTINGS) == plain_is_title(text, SETTINGS)
    title = F.clean_title(text)[1]
    assert F.is_title(title, SETTINGS) == plain_is_title(title, SETTINGS)
    assert F.is_call_to_action(text) == plain_is_call_to_action(text)
    assert D.is_time_line(text) == plain_is_time_line(text)
    assert F.is_when(text) == plain_is_when(text)
    assert F.is_summary(text, SETTINGS) == plain_is_summary(text, SETTINGS)
    assert F.is_meta(text) == plain_is_meta(text)
    assert F.is_glue(text) == plain_is_glue(text)
    lines = [text, "Reply", text.strip()]
    assert F.is_comment(lines, 1, 1) == plain_is_comment(lines, 1, 1)
    for stop, sentence_case in ((MENU_STOP, True), (MENU_STOP, False), (frozenset(), True)):
        assert F.is_menu_line(text, stop, sentence_case) == plain_is_menu_line(
            text, stop, sentence_case
        )


@given(lines)
@settings(max_examples=1500, deadline=None)
def test_the_cheap_tests_hold(text: str) -> None:
    """What find_feed and is_title skip on is exact."""
    digit = DIGITS.search(text) is not None
    assert F.has_digit(text) == digit
    assert F.has_digit(text.lower()) == digit  # the shapes of lines without a digit: no "0"
    assert F.word_count(F.clean_title(text)[1]) <= F.word_count(text)  # only takes words off
    stripped = text.strip()  # find_feed's lines: is_when needs a digit or "ago"
    if not F.has_digit(stripped) and stripped[-3:].lower() != "ago":
        assert not plain_is_when(stripped)
    assert bool(F.NOT_TITLE_START.match(text)) == any(
        p.match(text) for p in (RELATIVE_START, BYLINE_START, KIND_BYLINE, SOURCE_LINE, ATTRIBUTION)
    )
    if F.NOT_TITLE_START.match(text):
        assert F.may_start_not_title(text)
    if CREDIT.search(text):
        assert F.may_credit(text, text.lower())
    if SENTENCE_BREAK.search(text):
        assert F.SENTENCE_BREAK_HINT.search(text)
    if LINK_SHAPE.search(text):
        assert F.LINK_SHAPE_HINT.search(text)
    if CONTACT.search(text):
        assert F.CONTACT_HINT.search(text) and (digit or "电话" in text)
    if NAV_GLYPHS.search(text) and text.isascii():
        assert text[-1] in ".]\n"
    if NAV_GLYPHS.search(text):
        assert F.tail(text, 1) in ".…]" or F.NAV_GLYPH.search(text)
    if LINK_SHAPE.search(text) or F.LINK_SHAPE_HINT.search(text):
        assert "." in text or ":" in text
    if F.SENTENCE_BREAK_HINT.search(text):
        assert "." in text or "!" in text or "?" in text
    if TRAILING_COUNT.search(text):
        assert F.tail(text, 1) in "sStTſ" and digit
    if TRAILING_AGO.search(text):
        assert F.tail(text, 3).lower() == "ago" and digit
    if D.is_time_line(text):
        assert len(text.strip()) <= F.TIME_LINE_MAX_CHARS
    if F.FOLLOW_US.search(text.lower()):
        assert F.FOLLOW_US_HINT.search(text.lower())
    by_first = F.LABEL_PREFIXES_BY_FIRST.get(text[:1], ())
    assert text.startswith(F.LABEL_PREFIXES) == text.startswith(by_first)


TITLE_WORDS = ["the", "a", "bridge", "council", "votes", "to", "rebuild", "old", "stone", "ferry"]


@given(
    st.lists(st.sampled_from(TITLE_WORDS), max_size=9),
    st.lists(st.sampled_from([*TITLE_WORDS, "an", "fares"]), max_size=9),
)
@settings(max_examples=1500, deadline=None)
def test_a_title_of_the_same_story_has_one_of_its_keywords(
    title: list[str], other: list[str]
) -> None:
    low = " ".join(title)
    if same_story(WORD.findall(low), other):
        assert any(w in low for w in F.story_keywords(other))


def test_call_to_action_has_the_same_branches() -> None:
    flat = r"\b(?:" + "|".join(F.CALL_TO_ACTION_WORDS) + ")|" + "|".join(F.CALL_TO_ACTION_MARKS)
    assert flat == PLAIN_CALL_TO_ACTION.pattern
    # each word starts with a letter (a group: each of its words), so "\\b" before it is the
    # start or a non-word character
    for word in F.CALL_TO_ACTION_WORDS:
        heads = word[3 : word.index(") ")].split("|") if word.startswith("(?:") else [word]
        assert all(head[0].isalpha() for head in heads), word


BRANCH_PARTS = ["a", "b", "ab", "ba", " ", "a?", "b+", "(?:a|b)", "[ab]", r"\b", "c", "c{2}", ""]


@given(
    st.lists(st.lists(st.sampled_from(BRANCH_PARTS), max_size=5).map("".join), max_size=8),
    st.text(alphabet="abc ", max_size=12),
)
@settings(max_examples=600, deadline=None)
def test_prefix_tree_matches_what_the_flat_alternation_matches(
    branches: list[str], text: str
) -> None:
    if not branches:
        return
    flat = re.compile("|".join(branches))
    tree = re.compile(F.prefix_tree(branches))
    assert bool(flat.search(text)) == bool(tree.search(text))
    assert bool(flat.fullmatch(text)) == bool(tree.fullmatch(text))


def test_digits_are_what_isdecimal_says_and_lower_case_keeps_them() -> None:
    """`\\d` is str.isdecimal (COUNT_LINE's cheap test); lower() makes no digit and loses none."""
    every = "".join(map(chr, range(0x110000)))
    assert set(re.findall(r"\d", every)) == {c for c in every if c.isdecimal()}
    assert all(c.lower() == c for c in every if c.isdecimal())
    assert not any(re.search(r"\d", c.lower()) for c in every if c.lower() != c)


EN = detect_language(
    "The council met on Tuesday and voted on the plan after a long debate, and the residents "
    "said that they were glad that the work would start in the spring of the next year."
)
DE = detect_language(
    "Der Gemeinderat hat am Montag beschlossen, die alte Brücke neu zu bauen, und die "
    "Anwohner sagten, sie seien froh, dass die Arbeiten nun endlich beginnen werden."
)


def test_times_without_a_digit_go_with_the_headline_above_them() -> None:
    """A list that alternates headline and "an hour ago" and ends with a time prints its
    times below the headlines (times_below sees lines without a digit too)."""
    texts = [
        "Council votes to rebuild the old stone bridge",
        "an hour ago",
        "Ferry fares rise again across the bay",
        "an hour ago",
        "Pilots warn of fog over the harbour",
        "a day ago",
    ]
    labelled = [
        LabelledBlock(Block(i, text, (i, i), True, True), Label.BOILERPLATE, 0.1, "model")
        for i, text in enumerate(texts)
    ]
    found = F.find_feed(labelled, frozenset(), None, SETTINGS, None, EN)
    assert [(item.title, item.time, item.lines) for item in found] == [
        ("Council votes to rebuild the old stone bridge", "an hour ago", (0, 1)),
        ("Ferry fares rise again across the bay", "an hour ago", (2, 3)),
        ("Pilots warn of fog over the harbour", "a day ago", (4, 5)),
    ]


@given(st.lists(st.sampled_from(["title", "when", "other"]), max_size=14))
@settings(max_examples=1500, deadline=None)
def test_a_time_line_with_no_headline_next_to_it_changes_no_side(kinds: list[str]) -> None:
    """find_feed asks times_below about the time lines next to a headline only."""
    titles = [kind == "title" for kind in kinds]
    whens = [kind == "when" for kind in kinds]
    n = len(kinds)
    near = [
        whens[k] and ((k > 0 and titles[k - 1]) or (k + 1 < n and titles[k + 1])) for k in range(n)
    ]
    assert F.times_below(titles, near) == F.times_below(titles, whens)


def test_the_first_letters_of_what_is_no_title_are_every_case_of_them() -> None:
    """IGNORECASE pairs the letters NOT_TITLE_START starts with (and a kind of story's) with
    these characters only: each is in NOT_TITLE_FIRST (KIND_FIRST)."""
    for first, letters in ((F.NOT_TITLE_FIRST, "hvibpdarkectf"), (F.KIND_FIRST, "rkaiecbtf")):
        pattern = re.compile(f"[{letters}]", re.IGNORECASE)
        every = "".join(map(chr, range(0x110000)))
        assert {c for c in every if pattern.match(c)} <= first
    assert all(
        F.NOT_TITLE_START.match(word + " Ann Lee") is None or word[:1] in F.NOT_TITLE_FIRST
        for word in ("By", "Von", "Par", "Por", "Door", "Author", "Hace 2 horas", "Vor")
    )


def test_what_comment_after_starts_with_is_every_case_of_it() -> None:
    """COMMENT_AFTER matches only text that starts with one of COMMENT_AFTER_FIRST (is_comment's
    cheap test): the first characters of its words, and every character IGNORECASE pairs them
    with."""
    words = re.findall(r"[^\W\d_]+", COMMENT_AFTER.pattern.split("(?:\\s*")[0])
    words += re.findall(r"\^\(\?:([^)]*)\)\\s\*:", COMMENT_AFTER.pattern)[0].split("|")
    firsts = {w[0] for w in words}
    assert firsts >= set("raobmszdv回返답举评")
    every = "".join(map(chr, range(0x110000)))
    pattern = re.compile("[" + "".join(firsts) + "]", re.IGNORECASE)
    assert {c for c in every if pattern.match(c)} <= F.COMMENT_AFTER_FIRST
    for word in words:  # (the words found are the pattern's: each matches, capitalised too)
        assert COMMENT_AFTER.match(word) or COMMENT_AFTER.match(word + ":"), word


@given(lines)
@settings(max_examples=1000, deadline=None)
def test_comment_after_needs_its_first_characters(text: str) -> None:
    for line in (text, text.capitalize(), "Reply" + text, "rating" + text):
        if COMMENT_AFTER.match(line):
            assert line[:1] in F.COMMENT_AFTER_FIRST


def test_the_first_two_letters_of_what_is_no_title_are_every_case_of_them() -> None:
    """IGNORECASE pairs the first two letters of NOT_TITLE_START's words (and of a kind of
    story's, after a first word) with these characters only: each pair is in NOT_TITLE_PAIRS
    (KIND_PAIRS), which may_start_not_title tests."""
    kinds = re.search(r"\(\?:\\w\+ \)\?\(\?:([^)]*)\)", KIND_BYLINE.pattern)
    assert kinds is not None
    kind_words = kinds[1].split("|")
    words = ["hace", "vor", "il y a", "há", "ha", "by", "von", "par", "por", "door", "author"]
    words += ["autor", *kind_words]
    every = "".join(map(chr, range(0x110000)))

    def cases(letter: str) -> set[str]:
        return set(re.findall(re.escape(letter), every, re.IGNORECASE))

    bylines = re.findall(r"\w+", BYLINE_START.pattern.split(")")[0])
    assert bylines == ["by", "von", "par", "por", "door", "author", "autor"]
    for word in words:
        pairs = F.KIND_PAIRS if word in kind_words else F.NOT_TITLE_PAIRS
        for first in cases(word[0]):
            assert cases(word[1]) <= F.NOT_TITLE_PAIRS[first], word
            assert cases(word[1]) <= pairs[first], word
            if word in bylines:
                assert cases(word[1]) <= F.BYLINE_PAIRS[first], word
    assert all(
        F.may_start_not_title(line)
        for line in ("By Ann", "ha 2", "Eine Reportage von Ann", "— Ann", "记者：")
    )
    assert not any(F.may_start_not_title(line) for line in ("The bridge", "Brand new"))
