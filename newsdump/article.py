"""Labelled blocks → the article: headline, authors, date, caption and body. Pure.

The body is the blocks the classifier labelled ARTICLE. The metadata sits around its start.
First the byline: the nearest block above the body (or just inside it, or an "Author:" box
just after it) that reads "By A and B", "Author: A", "A - Nov 19, 2019" or "A @handle".
Then the headline: the block above the byline (or the body), or at the very start of the body,
that the learned ranker of newsdump/headline.py scores best (on its shape, its place, the words
it shares with the body and with the page <title> of a scraper dump's first line). Then the
date: on the byline, else next to the byline or the headline, else in the URL.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from newsdump.dates import (
    MONTHS,
    FoundDate,
    cases_of,
    clock_minutes,
    find_dates,
    find_yearless,
    is_time_line,
    month_day,
    url_date,
    yearless,
)
from newsdump.document import Label, LabelledBlock
from newsdump.headline import (
    _BY_WORDS,
    _BYLINE_KINDS,
    AUTHOR_LABEL,
    BYLINE,
    CREDIT,
    PAGE_TITLE_SEPARATORS,
    Context,
    Ranker,
    candidates,
    context,
    folded,
    has_credit,
    headline_score,
    led,
    maybe_dated,
    rank_headline,
    tokens,
    word_set,
)
from newsdump.headline import (
    _BYLINE_WORDS as BYLINE_WORDS,  # (the words BYLINE needs first: far_byline's pre-test)
)
from newsdump.lang import WIDE
from newsdump.records import Article
from newsdump.revise import is_line_credit

try:  # page_blocks compiled (newsdump/_headline.c), when the install could build it
    from newsdump import _headline
except ImportError:  # pragma: no cover - depends on the install
    _headline = None  # type: ignore[assignment]
try:  # printed_date's lines compiled (newsdump/_dates.c), when the install could build it
    from newsdump import _dates
except ImportError:  # pragma: no cover - depends on the install
    _dates = None  # type: ignore[assignment]
try:  # the byline's names compiled (newsdump/_byline.c), when the install could build it
    from newsdump import _byline
except ImportError:  # pragma: no cover - depends on the install
    _byline = None  # type: ignore[assignment]

BYLINE_WINDOW = 40  # blocks above the body searched for the byline
FAR_BYLINE_WINDOW = 80  # ... and further up, for a "By A" line only
BYLINE_INSIDE = 6  # blocks after the body start that may still hold the byline
AUTHOR_BOX_WINDOW = 6  # blocks after the body end searched for "Author: X"
DATE_WINDOW = 4  # blocks around the byline or headline searched for the date
MAX_AUTHORS = 6
MAX_NAME_WORDS = 5
CAPTION_MIN_WORDS = 8
CAPTION_IN_BODY = 2  # first body blocks that may be a photo caption
CAPTION_MAX_WORDS = 25  # a caption without a credit is one short sentence
CAPTION_LEDE_RATIO = 2  # ... and the paragraph after it is at least this many times longer
PHOTOGRAPHER_WINDOW = 4  # blocks above the body where "Photographs by X" names the photographer
DATE_LINE_WORDS = 6  # a line with at most this many words besides its date is a date line
DATE_BODY_WINDOW = 8  # blocks from the body start where a line holding only a date is the date
MAX_DATE_LINE = 80  # ... such a line is short
SITE_MAX_WORDS = 4  # a site's name in a page <title> ('| The Harbour Times')
SITE_MAX_CHARS = 40
SITE_MAX_SHARE = 0.5  # ... of which fewer than half the words are in the article body
TITLE_BODY_SHARE = 0.5  # share of a page <title>'s words the body must hold to fall back on it
MAX_META_CHARS = 300  # longer blocks are prose, not bylines or date lines
MAX_SHORT_BYLINE = 100  # "Name - date" bylines are short
BARE_NAME_WINDOW = 12  # blocks above the body where a line holding only a name is a byline
DATE_NAME_MAX_WORDS = 7  # "13/06/2014 Ann Lee All, Books, Kit Reviews"
BARE_NAME_MAX_WORDS = 8  # ... a name with a job title or an agency after it
SENTENCE_AFTER_NAME = 3  # words after a name that make a line a sentence when they start low

# a byline naming the story's kind: "Eine Reportage von A", "Une chronique de A", "A column by A"
# (each optional group an alternative or nothing, `(?:…|)`, not `(?:…)?`: re runs an optional
# group through its general repeat, about twice as slow; greedy, the same order of tries)
_KIND = (
    r"(?:(?:an?|the|eine?|une?|una?|uno)\s+|)"
    r"(?:report(?:age|aje|aż|)|kommentar|commentaire|comment(?:ary|o)?|column|kolumne|columna|"
    r"chronique|cr[oó]nica|analy[sz]e|an[aá]lisis|essay|interview|entretien|entrevista|review|"
    r"kritik|critique|cr[ií]tica|tribune|enqu[eê]te|feature|story|glosse|"
    r"editorial|[ée]ditorial|opinion|opini[oó]n|felieton|komentarz|recenzja)"
)
_BY_WORD = r"(?:by|von|de|par|por|di|door|av|af|przez)"
KIND_BYLINE = re.compile(rf"^\s*{_KIND}\s+{_BY_WORD}\s*:?\s+(?P<rest>\S.*)", re.IGNORECASE)
KIND_ALONE = re.compile(rf"^\s*{_KIND}\s+{_BY_WORD}\s*:?\s*$", re.IGNORECASE)
AND_ALONE = re.compile(r"^\s*(?:and|und|et|y|i|e|oraz|en|og|och|&|,)\s*$", re.IGNORECASE)
# Chinese bylines: "记者 刘晓燕", "本报记者 刘晓燕 张伟", "文/刘晓燕", "撰文：刘晓燕"
CJK_LABEL = re.compile(
    r"(?:^\s*(?:(?:本报|本台|本网|本報|本臺|本網)?(?:记者|記者)(?:\s*[:：/／]\s*|\s+|$)"
    r"|(?:撰文|作者|文字|文)\s*[:：/／|]\s*)"
    # ... or further along a line of metadata, after a space, with a colon: "2026年11月27日
    # 10:30 来源：东江日报 作者：王丽华"
    r"|(?<=\s)(?:(?:本报|本台|本网|本報|本臺|本網)?(?:记者|記者)|作者|撰文)\s*[:：]\s*)"
    r"(?P<rest>.*)$",
    re.MULTILINE,
)
# one of them is in each of CJK_LABEL's labels (the first characters of 记者, 記者, 撰文, 作者,
# 文字 and 文: a cheap exact test in front of its search)
CJK_LABEL_CHARS = "记記撰作文"
# a Chinese name before the time of publishing: "陈思远 发布于 2026-11-27 09:12"
CJK_PUBLISHED = re.compile(r"^\s*(?:发布于|发表于|發佈於|發表於|发布时间|發佈時間)\s*[:：]?\s*\d")
# (CJK_NAME_THEN_PUBLISHED, compiled when first asked for: _cjk_name_then_published)
_CJK_NAME_THEN_PUBLISHED = (
    r"^\s*(?P<name>[\u3400-\u9fff]{2,4})\s+(?=(?:发布于|发表于|發佈於|發表於|发布时间|發佈時間))"
)
# a Korean byline: a name (or names) and the word for reporter, "김민준 기자", "김민준·이서연 기자"
# (KO_BYLINE, compiled when first asked for: _ko_byline, tried only where KO_WORDS are)
_KO_BYLINE = (
    r"^\s*(?P<names>[\uac00-\ud7af]{2,4}(?:\s*[·,]\s*[\uac00-\ud7af]{2,4}){0,5})\s*"
    r"(?:(?:선임|수석|전문)?기자|특파원)(?=$|[\s=·,(])"
)
KO_WORDS = ("기자", "특파원")  # one of them is in every KO_BYLINE match (no case to ignore)
KO_NAME_SPLIT = re.compile(r"\s*[·,]\s*")
# (HAN_NAME, [\u3400-\u9fff]{2,4}, and CJK_BARE_NAME below: tested by han_name and
# cjk_bare_line, the same answers; their patterns compiled when first asked for: a range of
# 27,000 characters costs re's compiler ~1 ms a class at import)
_HAN_NAME = r"[\u3400-\u9fff]{2,4}"
CJK_NOT_NAME = re.compile(r"员|員|编辑|編輯|摄|攝|报道|報道|来源|來源|通讯|通訊")
CJK_NAME_SPLIT = re.compile(r"[\s、，,;；]+|和|及")
# a Japanese or Chinese name printed alone, family and given name apart: "山本 健太"
_CJK_BARE_NAME = r"^[\u3400-\u9fff]{1,4}[ \u3000][\u3400-\u9fff\u3040-\u30ff]{1,3}$"
BY_INSIDE = re.compile(r"\s(?:by|von|par|por)\s+(?P<rest>\w.+)$", re.IGNORECASE)
# an author label a line of its own, the names on the next: "Autor:" / "Jan Novotný"
LABEL_ALONE = re.compile(
    r"^\s*(?:authors?|autor(?:in|ka|zy)?|auteur|writer|reporter|text|texte|текст|автор)\s*[:：]\s*$",
    re.IGNORECASE,
)
BY_ALONE = re.compile(r"^\s*(?:by|von|par|por|door|di)\s*:?\s*$", re.IGNORECASE)
# "Chris Davies - Nov 19, 2019", "Ann Lee @annlee", "Ann Lee | June 3, 2019"
NAME_META_SOURCE = (
    r"(?P<meta>[@\d]|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d)"
)
# (the meta behind a case-sensitive class of its first characters, every case IGNORECASE takes:
# the lazy name tries it after each word, and most words are not one)
_META_FIRSTS = cases_of("mtwfsjaond")
NAME_THEN_META = re.compile(
    r"^(?P<rest>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}?)\s*(?:[-–—|·•,/]\s*|)"
    rf"(?=(?-i:[@\d{_META_FIRSTS}])){NAME_META_SOURCE}",
    re.IGNORECASE,
)
# what each byline pattern anchored at the start needs first, after spaces: the head of
# KIND_BYLINE and KIND_ALONE, of headline.AUTHOR_LABEL and LABEL_ALONE, of headline.BYLINE and
# BY_ALONE (a cheap test in front of them all: most lines start with none of these words)
BYLINE_START_SOURCE = (
    rf"(?:{_KIND}|{_BY_WORD}|authors?|autor|auteur|writer|reporter|text|текст|автор|"
    r"written|posted|reported|words|story|analysis|opinion|commentary|column|essay|review|"
    r"interview)"
)
# ... the first letters of its alternatives (in every case IGNORECASE takes, dates.cases_of), a
# case-sensitive class in front of them: re fails there at once on a line that starts with none
# (a name, a number) instead of trying each alternative in turn
_START_FIRSTS = cases_of("abcdefgikoprstuvwéта")
BYLINE_START = re.compile(
    rf"\s*(?=(?-i:[{_START_FIRSTS}])){BYLINE_START_SOURCE}",
    re.IGNORECASE,
)
# ... as lower-case words an ASCII line may start with (past its spaces) where BYLINE_START
# matches it: the heads of its alternatives (to their first class or option, ASCII spellings
# only), and those of _KIND after one of its articles and spaces (the compiled byline_lines' test)
_KIND_HEADS = (
    "report", "kommentar", "comment", "column", "kolumne", "chronique", "cronica", "analyse",
    "analyze", "analisis", "essay", "interview", "entretien", "entrevista", "review", "kritik",
    "critique", "critica", "tribune", "enquete", "feature", "story", "glosse", "editorial",
    "opinion", "felieton", "komentarz", "recenzja",
)  # fmt: skip
_KIND_ARTICLES = ("a", "an", "the", "ein", "eine", "un", "une", "una", "uno")
_START_HEADS = (
    *_KIND_HEADS, "by", "von", "de", "par", "por", "di", "door", "av", "af", "przez", "author",
    "autor", "auteur", "writer", "text", "written", "posted", "words", "analysis",
)  # fmt: skip
HANDLE = re.compile(r"^@\w{2,}$")
WEEKDAY_TIME_SOURCE = (
    r"(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\.?,?\s+"
    r"[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?\s?m\.?)?\s*$"
)


def _led_start(firsts: str, source: str) -> re.Pattern[str]:
    r"""re.compile(r"^\s*" + source, re.IGNORECASE) with a case-sensitive class of every case
    IGNORECASE takes of `firsts` (the first letters of its alternatives) after the spaces: a
    line that starts with none fails at once, not after each alternative in turn (the test
    checks `firsts` against the parsed pattern over all code points)."""
    return re.compile(rf"^\s*(?=(?-i:[{cases_of(firsts)}])){source}", re.IGNORECASE)


WEEKDAY_TIME = _led_start("mtwfs", WEEKDAY_TIME_SOURCE)
WORD_BEFORE_DATE = re.compile(r"[^\W\d_]{3,}(?<!day)\b", re.IGNORECASE)  # weekday names may precede
NAME_SPLIT = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b|\boraz\b|\bи\b|\|)\s*"
)
# NAME_SPLIT's joining words: each a whole run of word characters where it matches
NAME_JOINERS = frozenset(("and", "und", "et", "y", "i", "e", "oraz", "и"))
BYLINE_STOP_SOURCE = (
    r"\s(?:[-–—|·•/@]|(?:updated|published|posted|on|at|in|for|mins?|read|via|view)\b|\d)"
    r"|\s*\||\b(?:19|20)\d\d\b"
)
# (behind a lookahead for what each alternative starts with, a space, a bar, a year's 1 or 2:
# re tests that class at each place before it tries the alternatives; the same matches)
BYLINE_STOP = re.compile(rf"(?=[\s|12])(?:{BYLINE_STOP_SOURCE})", re.IGNORECASE)
PARTICLES = frozenset("van von de der den da di del la le bin al el ibn du dos das".split())
NOT_NAMES = frozenset(
    "the a an staff reporter reporters correspondent editor editors news agency writer analyst "
    "senior chief producer "
    "contributor columnist email follow twitter updated published posted read more share "
    "comments comment min minute minutes monday tuesday wednesday thursday friday saturday "
    "sunday today yesterday home menu search subscribe login sign associated press wire "
    "services bureau view all articles image images photo photos copyright video videos ad ads "
    "feedback advertisement sponsored".split()
)
# words a heading in title case has and a name never does ("Ann Lee For The Times": the name
# ends at "For")
FUNCTION_WORDS = frozenset(
    "with in of for to on at from into about over after your my our their how what why when "
    "is are was will can do does this that these mit für und pour avec dans sur".split()
)
AGENCY_NAMES = frozenset(
    "associated press|agence france-presse|press association|deutsche presse-agentur|"
    "united press international|canadian press|australian associated press".split("|")
)
AGENCIES = frozenset("reuters afp ap dpa ansa efe xinhua bloomberg admin".split())
DATE_CUE_SOURCE = r"published|posted|veröffentlicht|publié|publicado|opublikowano|pubblicato"
DATE_CUE = led("[pvo]", DATE_CUE_SOURCE, re.IGNORECASE)
# a name, then the word for published and when: "Laure Favre Publié aujourd'hui à 10h15",
# "Piotr Zawadzki opublikowano: 27-11-2026, 08:15", "Ann Lee | Published 10:42"
NAME_THEN_CUE = re.compile(
    r"^(?P<rest>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,4}?)\s*(?:[-–—|·•,]\s*)?"
    r"(?P<cue>published|posted|veröffentlicht|publié|publicado|opublikowano|pubblicato)\b"
    r"(?P<when>.*)$",
    re.IGNORECASE,
)
# each word of NAME_THEN_CUE's cue holds one of them, in lower case
CUE_PARTS = ("publi", "pubb", "posted", "veröffentlicht")
CLOCK_TIME = re.compile(r"(?<!\d)[0-2]?\d[:h][0-5]\d(?!\d)")  # "10:42", "10h15"
# a line that starts with the word for published and prints a date or time
CUE_STAMP_SOURCE = r"(?:published|posted|veröffentlicht|publié|publicado|opublikowano|pubblicato)\b"
CUE_STAMP = _led_start("pvo", CUE_STAMP_SOURCE)
URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")
# the story's photographer, "Photographs by Ann Lee", "Fotos von …", "Photos de …", "摄影：…"
# (not a picture's own credit, "Photograph: Ann Lee/Getty", which follows a caption or none)
PHOTOGRAPHER_SOURCE = (
    r"(?:(?:photo(?:graph)?s?|pictures?|images?|fotos?|fotografi(?:e|en|a)|zdjęcia)\s+"
    r"(?:by|von|de|par|di|door)\s+\w|摄影\s*[:：]|攝影\s*[:：])"
)
PHOTOGRAPHER = _led_start("pifz摄攝", PHOTOGRAPHER_SOURCE)
SENTENCE_BREAK = re.compile(r"[.!?。！？]\s+\S")
LEADING_NON_LETTERS = re.compile(r"^[\W\d_]+")
LETTERS = re.compile(r"[^\W\d_]{2,}")
COPYRIGHT_YEARS = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?P<first>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<last>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
LIST_SPAN = 4  # blocks either side where another dated headline makes a date a list's
TIME_PARTS = 2  # blocks after a "November 20" block that may print its time and year
TIME_PART = re.compile(
    r"(?:[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?\s?m\.?)?|(?:19|20)\d\d)(?:\s+(?:19|20)\d\d)?", re.I
)
HEAD_MAX_BLOCKS = 3  # body blocks of an article's head (a promo, a label, a standfirst)
HEAD_DATE_LINES = 2  # lines under the byline that may print its date and reading time
# a time counted back from now, which no date can be made of: "vor 3 Stunden", "il y a 2 h"
RELATIVE_TIME = re.compile(
    r"^(?:(?:updated|aktualisiert|actualizado|atualizado|mis à jour|published|posted|"
    r"veröffentlicht|publié|publicado|pubblicato|opublikowano|gepubliceerd)\s*:?\s*)?"
    r"(?:vor|il y a|hace|há|ha|fa|för|for|sedan|před|przed|temu|\d+|an?|one)\s*\d*\s*"
    r"(?:sec|second|min|minute|minuten|minutes|minutos|minuti|minuty?|hr|hours?|h|stunden?|"
    r"heures?|horas?|ore|uur|timmar|hodin(?:ami)?|godzin[aęy]?|days?|tag(?:en)?|jours?|"
    r"d[ií]as?|giorni|dagen|dní|dni)\.?(?:\s+(?:ago|geleden|sedan|temu|fa|назад))?$",
    re.IGNORECASE,
)
READING_TIME = re.compile(
    r"^(?:(?:reading time|read time|temps de lecture|lesezeit|lesedauer|czas czytania|"
    r"tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|阅读时间|閱讀時間)\s*[:：]?\s*)?"
    r"(?:ca\.\s*|~\s*)?\d+\s*(?:min(?:ute)?s?|minuten|minutes?|minutos|minuti|分钟|分鐘)\.?"
    r"\s*(?:read|lesezeit|de lecture|de leitura|de lectura|di lettura|czytania)?$",
    re.I,
)
# a photo credit of a caption that headline.CREDIT misses: "Фото: пресс-служба", "…/File Photo"
CAPTION_CREDIT = re.compile(r"(?:^|\s|\()фото\s*:|\bfile photo\b", re.IGNORECASE)
CUT = re.compile(r"\s*(?:\.\.\.|…)$")  # a headline cut short: "Wild beat…"
MIN_CUT_WORDS = 3  # ... that still has a few words to match
CUT_LEDE_MAX_WORDS = 40  # a teaser cut short at the story's start is at most this long
UPDATE_CUE_SOURCE = (
    r"updated|aktualisiert|mis à jour|actualizado|zaktualizowano|aktualizac|수정|更新"
)
UPDATE_CUE = led("[uamz수更]", UPDATE_CUE_SOURCE, re.IGNORECASE)
# each word of UPDATE_CUE holds one of them, in lower case (cues' test, as CUE_PARTS DATE_CUE's)
UPDATE_CUE_PARTS = ("updated", "aktuali", "mis à jour", "actualizado", "수정", "更新")
# every character that the first classes of DATE_CUE and UPDATE_CUE match (under IGNORECASE):
# a word that starts with none of them is no cue (an exact test in front of both patterns)
CUE_HEADS = "pvoPVOuamzUAMZ수更"


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """The article, and which blocks its metadata came from (so `split` skips them)."""

    article: Article
    used: frozenset[int]


def build_article(
    labelled: Sequence[LabelledBlock],
    url: str | None = None,
    lang: str | None = None,
    *,
    ranker: Ranker | None = None,
) -> ArticleParts:
    """The article of the labelled blocks (`ranker`: a headline ranker other than the
    packaged one, as `make eval` passes each cross-validation fold its own)."""
    texts, body, blanks = page_blocks(labelled)
    first = body[0] if body else len(texts)
    last = body[-1] if body else len(texts)
    used: set[int] = set(body)

    byline = find_byline(texts, first, last, used)
    authors: list[str] = []
    if byline is not None:
        authors = byline[0]
        used.update(byline[1])
    title_at, title = find_title(
        labelled, body, byline[1] if byline is not None else (), ranker, texts, blanks
    )
    if title_at is not None:
        used.add(title_at)
    if byline is not None and title_at is not None and title_at < min(byline[1]):
        authors = [a for k, a in enumerate(authors) if k == 0 or not masthead(texts, a, title_at)]

    published = find_published(texts, byline[1] if byline else (), title_at, first, url)
    story = uncut_story(texts, story_blocks(texts, body, title_at, byline[1] if byline else ()))
    story_first = story[0] if story else first
    caption_at = find_caption(texts, title_at, story_first, story[:CAPTION_IN_BODY])
    caption = texts[caption_at] if caption_at is not None else None
    meta = {title_at, caption_at, *(byline[1] if byline else ())}
    text = "\n\n".join([texts[i] for i in story if i not in meta])
    article = Article(
        title=title,
        authors=tuple(authors),
        published=published,
        lang=lang,
        text=text,
        caption=caption,
    )
    return ArticleParts(article, frozenset(used))


def page_blocks(
    labelled: Sequence[LabelledBlock],
) -> tuple[list[str], list[int], list[tuple[bool, bool]]]:
    """The blocks' stripped texts, the indexes of the body's blocks (labelled ARTICLE), and each
    block's (blank_before, blank_after): in one pass in C where it was built."""
    if _headline is not None:
        return _headline.page_blocks(labelled, Label.ARTICLE)
    return _page_blocks(labelled)


def _page_blocks(
    labelled: Sequence[LabelledBlock],
) -> tuple[list[str], list[int], list[tuple[bool, bool]]]:
    """page_blocks(labelled) in Python (the reference of the compiled pass)."""
    texts = [lb.block.text.strip() for lb in labelled]
    body = [lb.block.index for lb in labelled if lb.label is Label.ARTICLE]
    blanks = [(lb.block.blank_before, lb.block.blank_after) for lb in labelled]
    return texts, body, blanks


def story_blocks(
    texts: Sequence[str], body: Sequence[int], title_at: int | None, byline: Sequence[int]
) -> list[int]:
    """The body without the article's head when the body starts above its end: a promo or a
    section label above the headline, the standfirst between the headline and the byline, and
    the date or time line right under them ("27 nov. 2026 om 14:05", "vor 3 Stunden")."""
    head = [i for i in (title_at, *byline) if i is not None]
    if not body or not head:
        return list(body)
    if max(head) < body[0]:  # the body starts under the head: maybe with its last date line
        between = range(max(head) + 1, body[0])
        if not byline or not all(head_date_line(texts[k]) for k in between):
            return list(body)
        story = list(body)
        end = body[0] - 1
        while story and story[0] <= end + HEAD_DATE_LINES and head_date_line(texts[story[0]]):
            end = story.pop(0)  # "Publié le …" / "Mis à jour le …" / "Temps de lecture : 6 min."
        return story if story else list(body)
    if title_at is not None and texts[title_at].rstrip().endswith("."):
        return list(body)  # a sentence taken for the headline: the body's start is no head
    end = max(head)
    if len([i for i in body if i <= end and i not in head]) > HEAD_MAX_BLOCKS:
        return list(body)  # that many paragraphs above: the byline sits in the story
    story = [i for i in body if i > end]
    while story and story[0] <= end + HEAD_DATE_LINES and head_date_line(texts[story[0]]):
        end = story.pop(0)  # ("Publié le …" / "Mis à jour le …" / "Temps de lecture : 6 min")
    return story if story else list(body)


def head_date_line(text: str) -> bool:
    """Whether a line under a byline only prints when the story was published or how long it
    takes to read: a date, a time ("vor 3 Stunden", "há 2 horas"), "8 min read"."""
    text = text.strip()
    if len(text) > MAX_DATE_LINE:
        return False
    if RELATIVE_TIME.match(text) or READING_TIME.match(text) or is_time_line(text):
        return True
    if cue_stamp(text):  # "Publié aujourd'hui à 10h15"
        return True
    dates = find_dates(text)
    return bool(dates) and mostly_date(text, dates, DATE_LINE_WORDS)


def masthead(texts: Sequence[str], name: str, title_at: int) -> bool:
    """Whether a byline's later "name" is printed alone above the headline: the site's name
    in the masthead ("Por Ana Souza, Portal Vale", "By Ann Lee, Wireline"), not a person."""
    return any(texts[i].casefold() == name.casefold() for i in range(title_at))


def title_context(
    labelled: Sequence[LabelledBlock],
    body: Sequence[int],
    byline: Sequence[int] = (),
    texts: Sequence[str] | None = None,
    blanks: Sequence[tuple[bool, bool]] | None = None,
) -> Context:
    """What the headline ranker looks at: the blocks, the body's start and the byline
    (`texts`, `blanks`: the blocks' stripped texts and blank lines around them, when the caller
    has them already, as page_blocks gives them)."""
    if texts is None:
        texts = [lb.block.text.strip() for lb in labelled]
    if blanks is None:
        blanks = [(lb.block.blank_before, lb.block.blank_after) for lb in labelled]
    return context(texts, blanks, body, byline)


def find_title(
    labelled: Sequence[LabelledBlock],
    body: Sequence[int],
    byline: Sequence[int] = (),
    ranker: Ranker | None = None,
    texts: Sequence[str] | None = None,
    blanks: Sequence[tuple[bool, bool]] | None = None,
) -> tuple[int | None, str | None]:
    """The headline block (ranked by the learned model) and its text. When the ranker is unsure,
    the page <title> of a scraper dump's first line, else its best candidate all the same
    (`texts`, `blanks`: as title_context takes them, when the caller has them already)."""
    if not body:
        return None, None
    ctx = title_context(labelled, body, byline, texts, blanks)
    ranked = rank_headline(ctx, ranker)
    if ranked is not None and ranked[1]:
        if ranked[0] == 0 and len(ctx.texts) > 1 and ctx.no_blanks:
            return page_headline(ctx)  # the page <title> line: its headline, not the site
        return uncut(ctx, ranked[0])
    fallback = ctx.title  # (page_title of the first line, found once by context)
    if fallback is not None and headline_score(fallback) > 0 and titles_page(fallback, ctx):
        return None, fallback
    if ranked is not None:
        return uncut(ctx, ranked[0])
    return None, None


def uncut_story(texts: Sequence[str], story: list[int]) -> list[int]:
    """The story without its first block when that is a short teaser cut short ("Two people
    were taken ill,..."): a summary printed above the lede (the headline ranker may have
    weighed it as the headline), not a paragraph of the story."""
    if len(story) > 1:
        first = texts[story[0]].strip()  # stripped: CUT finds it where it ends so (no search)
        if first.endswith(("...", "…")) and len(first.split()) <= CUT_LEDE_MAX_WORDS:
            return story[1:]
    return story


def uncut(ctx: Context, at: int) -> tuple[int, str]:
    """Block `at`, or when it is cut short ("Wild beat…") the headline candidate that prints it
    whole (a teaser of the story's own headline above it, or the headline itself)."""
    text = ctx.texts[at].strip()
    # (CUT needs "..." or "…" at the end of the stripped text: a cheap exact test first)
    stem = CUT.sub("", text) if text.endswith(("...", "…")) else text
    if stem == text or len(stem.split()) < MIN_CUT_WORDS:
        return at, ctx.texts[at]
    for i in candidates(ctx):
        whole = ctx.texts[i].strip()
        if len(whole) > len(stem) and whole.startswith(stem) and CUT.search(whole) is None:
            return i, ctx.texts[i]
    return at, ctx.texts[at]


def page_headline(ctx: Context) -> tuple[int | None, str]:
    """The headline when the ranker picked a scraper dump's first line, the page <title>: the
    line without a site name at either end ('Headline | Site', 'Site - Headline': a short part
    that shares no word with the body), or the line of the page's head that prints what is
    left again."""
    line = ctx.texts[0].strip()
    parts = PAGE_TITLE_SEPARATORS.split(line)
    seps = PAGE_TITLE_SEPARATORS.findall(line)
    if len(parts) > 1 and site_name(parts[-1], ctx):
        line = line[: len(line) - len(parts[-1]) - len(seps[-1])]
    elif len(parts) > 1 and site_name(parts[0], ctx):
        line = line[len(parts[0]) + len(seps[0]) :]
    line = line.strip()
    for i in range(1, min(ctx.first, len(ctx.texts))):
        if ctx.texts[i].strip() == line:
            return i, ctx.texts[i]
    return 0, line


def site_name(part: str, ctx: Context) -> bool:
    """Whether a part of a page <title> is the site's name: short, and most of its words
    (character pairs in a script without spaces) not in the article body."""
    words = tokens(part)
    short = len(part.split()) <= SITE_MAX_WORDS and len(part) <= SITE_MAX_CHARS
    return short and len(words & ctx.body_words) < SITE_MAX_SHARE * len(words)


def titles_page(line: str, ctx: Context) -> bool:
    """Whether the first line may be the page <title>: the dump has no blank line at all (a
    scraper's dump, which starts with the <title>), or the line shares enough of its words
    with the article body (a browser's dump has no <title>; its first line is a menu's)."""
    if ctx.no_blanks:
        return True
    words = tokens(line)
    return len(words & ctx.body_words) >= TITLE_BODY_SHARE * len(words)


def find_byline(
    texts: Sequence[str], first: int, last: int, body: set[int]
) -> tuple[list[str], tuple[int, ...]] | None:
    """The names of the byline nearest the body start, and the blocks it spans."""
    above = range(first - 1, max(-1, first - 1 - BYLINE_WINDOW), -1)
    inside = range(first, min(len(texts), first + BYLINE_INSIDE))
    for i in byline_lines(texts, [*above, *inside]):  # byline_at(texts, i, strict=i in body)
        text = texts[i]
        started = None  # (BYLINE_START's answer on a line not ASCII: asked once for both)
        if not text.isascii():
            started = BYLINE_START.match(text) is not None
            if not maybe_byline(text, started):
                continue
        found = _byline_at(texts, i, strict=i in body, started=started)
        if found is not None:
            return found
    box: Sequence[int] = range(last + 1, min(len(texts), last + 1 + AUTHOR_BOX_WINDOW))
    if _byline is not None and isinstance(texts, list) and box:  # (AUTHOR_LABEL's words first)
        box = _byline.far_lines(texts, box[-1], last, sys.maxsize, AUTHOR_HEADS)[::-1]
    for i in box:
        m = AUTHOR_LABEL.match(texts[i])
        if m is not None and (names := parse_names(m["rest"])):
            return names, (i,)
    return bare_name_near(texts, first) or far_byline(texts, first)


BYLINE_WORD_CHARS = max(map(len, BYLINE_WORDS))
# what headline.AUTHOR_LABEL needs first past its spaces, in lower case (an ASCII text's heads)
AUTHOR_HEADS = ("author", "autor", "auteur", "writer", "reporter", "text")


def far_byline(texts: Sequence[str], first: int) -> tuple[list[str], tuple[int, ...]] | None:
    """A "By A and B" line further up, past a video playlist or a gallery: only that form."""
    start = first - 1 - BYLINE_WINDOW
    stop = max(-1, start - FAR_BYLINE_WINDOW)
    if _byline is not None and isinstance(texts, list):
        lines = _byline.far_lines(texts, start, stop, MAX_SHORT_BYLINE, BYLINE_WORDS)
    else:
        lines = _far_lines(texts, start, stop)
    for i in lines:
        text = texts[i]
        m = BYLINE.match(text)
        if m is not None and m["rest"][:1].isupper() and (names := parse_names(m["rest"])):
            return names, (i,)
    return None


def _far_lines(texts: Sequence[str], start: int, stop: int) -> list[int]:
    """The blocks of range(start, stop, -1) where far_byline asks BYLINE.match (in C where it was
    built, newsdump/_byline.c): short ones, and an ASCII one only where BYLINE's words start it
    past its spaces (in lower case)."""
    return [
        i
        for i in range(start, stop, -1)
        if len(texts[i]) <= MAX_SHORT_BYLINE
        and (
            not texts[i].isascii()
            or texts[i].lstrip()[:BYLINE_WORD_CHARS].lower().startswith(BYLINE_WORDS)
        )
    ]


def byline_lines(texts: Sequence[str], order: Sequence[int]) -> list[int]:
    """The blocks of `order` (in its order) of at most MAX_META_CHARS characters where
    maybe_byline may hold: each ASCII one where it holds (tested in C where it was built),
    every other one (for the caller to test)."""
    if _headline is not None:
        return _headline.byline_lines(
            texts,
            order,
            (MAX_META_CHARS, MAX_SHORT_BYLINE),
            (_START_HEADS, _KIND_ARTICLES, _KIND_HEADS, CUE_PARTS),
        )
    return [
        i
        for i in order
        if len(texts[i]) <= MAX_META_CHARS and (not texts[i].isascii() or maybe_byline(texts[i]))
    ]


def byline_at(
    texts: Sequence[str], i: int, strict: bool = False
) -> tuple[list[str], tuple[int, ...]] | None:
    """Names if block `i` is a byline ("By A", "Author: A", "By" + "A", "A - date")."""
    text = texts[i]
    if len(text) > MAX_META_CHARS or not maybe_byline(text):
        return None
    return _byline_at(texts, i, strict)


def maybe_byline(text: str, started: bool | None = None) -> bool:
    """False only where _byline_at finds no byline, by cheap exact tests: each of its forms
    needs a label word first (BYLINE_START), CJK or Hangul characters, the word for published
    (on a short line), a year or a slash (MAYBE_DATE's), or an "@" (`started`: BYLINE_START's
    answer, when the caller has it)."""
    if "19" in text or "20" in text or "/" in text or "@" in text:  # maybe_dated(text) or "@"
        return True
    if started if started is not None else BYLINE_START.match(text) is not None:
        return True
    if not text.isascii() and WIDE.search(text) is not None:
        return True  # cjk_byline, KO_BYLINE
    if len(text) > MAX_SHORT_BYLINE:
        return False
    low = folded(text)  # name_then_cue needs a CUE_PARTS
    if low is None:
        return True
    return "publi" in low or "pubb" in low or "posted" in low or "veröffentlicht" in low


def _byline_at(
    texts: Sequence[str], i: int, strict: bool = False, started: bool | None = None
) -> tuple[list[str], tuple[int, ...]] | None:
    """byline_at without its cheap tests first (`started`: BYLINE_START's answer on the
    block, when the caller has it)."""
    text = texts[i]
    if len(text) > MAX_META_CHARS or has_credit(text):
        return None
    # each of the six label patterns needs what BYLINE_START matches: tried only where it does
    # (and, of an ASCII text, only where its words start the text: byline_labels)
    labels = byline_labels(text) if started is None else LABELS if started else 0
    m = KIND_BYLINE.match(text) if labels & LBL_KIND else None
    if m is not None:  # "Une analyse de France 2", "Un reportage de notre envoyé": no person
        names = parse_names(m["rest"]) if m["rest"][:1].isupper() else []
        return (names, (i,)) if names else None
    m = AUTHOR_LABEL.match(text) if labels & LBL_AUTHOR else None
    if m is None and labels & LBL_BY:
        m = BYLINE.match(text)
    if m is not None:
        if strict and not m["rest"].lstrip()[:1].isupper():
            return None  # in the body: "Por sua causa, Carlos." is a sentence
        names = parse_names(m["rest"], allow_single=True)
        return (names, (i,)) if names else None
    if strict and len(text) > MAX_SHORT_BYLINE:
        return None
    by_alone = (labels & LBL_ALONE != 0 and BY_ALONE.match(text) is not None) or (
        labels & LBL_AUTHOR != 0 and LABEL_ALONE.match(text) is not None
    )
    kind_alone = labels & LBL_KIND and KIND_ALONE.match(text) is not None
    if (by_alone or kind_alone) and i + 1 < len(texts):
        names = parse_names(texts[i + 1], allow_single=by_alone)  # "By" + "Reuters"
        return more_names(texts, names, [i, i + 1]) if names else None
    if not text.isascii() and (cjk := cjk_byline(texts, i)) is not None:  # CJK labels only
        return cjk
    if (
        not text.isascii()
        and (KO_WORDS[0] in text or KO_WORDS[1] in text)
        and (m := _ko_byline().match(text)) is not None
    ):
        return KO_NAME_SPLIT.split(m["names"]), (i,)
    if len(text) <= MAX_SHORT_BYLINE and (names := name_then_cue(text)):
        return names, (i,)
    dated = maybe_dated(text)  # else no date: no "A - date", "date A" nor "… date by A" byline
    short = len(text) <= MAX_SHORT_BYLINE and (dated or "@" in text)
    meta = name_meta(text) if short else None
    # the byline "A - date" or "A @handle" names, and only then is the date looked for where the
    # meta starts (a text of its own for find_dates: most such lines name no one, "Nov 19, 2019")
    if (
        meta is not None
        and (named := name_then_meta(texts, i, meta[0])) is not None
        and (text[meta[1]] == "@" or starts_with_date(text[meta[1] :]))
    ):
        return named
    if dated and (found := date_then_name(text)) is not None:
        return found, (i,)
    # "Posted on January 12, 2025 by Mira Okafor": no name before the date, one after "by"
    rest = by_inside(text) if dated else None
    if rest is not None and find_dates(text):
        names = parse_names(rest, allow_single=True)
        return (names, (i,)) if names else None
    return None


def by_inside(text: str) -> str | None:
    """BY_INSIDE.search(text)["rest"], or None: by hand in C for an ASCII text where it was
    built."""
    if _byline is not None:
        found = _byline.by_inside(text)
        if found is not None:
            return found if isinstance(found, str) else None
    m = BY_INSIDE.search(text)
    return None if m is None else m["rest"]


def name_meta(text: str) -> tuple[str, int] | None:
    """NAME_THEN_META.match(text): its rest and where its meta starts (its meta is "@" where
    that character is), or None; by hand in C for an ASCII text where it was built."""
    if _byline is not None:
        found = _byline.name_meta(text)
        if found is not None:
            return (text[: found[0]], found[1]) if found else None
    m = NAME_THEN_META.match(text)
    return None if m is None else (m["rest"], m.start("meta"))


# the label patterns _byline_at tries, by what byline_labels finds they may match
LBL_KIND = 1  # KIND_BYLINE, KIND_ALONE
LBL_AUTHOR = 2  # headline.AUTHOR_LABEL, LABEL_ALONE
LBL_BY = 4  # headline.BYLINE
LBL_ALONE = 8  # BY_ALONE
LABELS = LBL_KIND | LBL_AUTHOR | LBL_BY | LBL_ALONE


def byline_labels(text: str) -> int:
    """The label patterns that may match `text` (a mask of LBL_*): of an ASCII text where
    the C was built, _labels'; else all of them where BYLINE_START matches (each needs it),
    none where it does not."""
    if _byline is not None:
        found = _byline.labels(text)
        if found is not None:
            return found
    return LABELS if BYLINE_START.match(text) is not None else 0


# the ASCII spellings of the label patterns' words (the reference of the compiled labels):
# _KIND's kinds and articles, _BY_WORD's, BY_ALONE's, headline.BYLINE's kinds and words,
# AUTHOR_LABEL's (and LABEL_ALONE's)
_L_KINDS = frozenset(
    "report reportage reportaje kommentar commentaire comment commentary commento column "
    "kolumne columna chronique cronica analyse analyze analisis essay interview entretien "
    "entrevista review kritik critique critica tribune enquete feature story glosse editorial "
    "opinion felieton komentarz recenzja".split()
)
_L_ARTICLES = frozenset(_KIND_ARTICLES)
_L_KIND_BY = frozenset("by von de par por di door av af przez".split())
_L_ALONE_BY = frozenset("by von par por door di".split())
_L_BY_KINDS = frozenset(_BYLINE_KINDS)
_L_BY = frozenset(_BY_WORDS)
_L_AUTHORS = frozenset(
    "author authors autor autorin autorka autorzy auteur writer reporter text texte".split()
)
_ASCII_LETTERS = re.compile(r"[A-Za-z]*")


def _labels(text: str) -> int:
    r"""The label patterns that may match an ASCII `text` (a mask of LBL_*): each needs, past
    the spaces, its words as whole runs of letters (a letter after one fails the \s or ":" its
    pattern needs next), each but the last followed by spaces: KIND_BYLINE and KIND_ALONE a
    kind, or an article, spaces and a kind, then spaces and one of _BY_WORD; AUTHOR_LABEL and
    LABEL_ALONE one of their words, spaces and a ":"; BYLINE one of its words, or one of its
    kinds and spaces before one; BY_ALONE one of its words."""
    rest = text.lstrip()
    words: list[tuple[str, bool, str]] = []  # (the run in lower case, spaces after it, the rest)
    for _ in range(3):
        run = _ASCII_LETTERS.match(rest)
        word = run.group() if run is not None else ""
        after = rest[len(word) :]
        rest = after.lstrip()
        words.append((word.lower(), bool(word) and len(rest) < len(after), rest))
    (w1, spaced1, rest1), (w2, spaced2, _), (w3, _, _) = words
    mask = 0
    if spaced1 and (
        (w1 in _L_KINDS and w2 in _L_KIND_BY)
        or (w1 in _L_ARTICLES and spaced2 and w2 in _L_KINDS and w3 in _L_KIND_BY)
    ):
        mask |= LBL_KIND
    if w1 in _L_AUTHORS and rest1.startswith(":"):
        mask |= LBL_AUTHOR
    if w1 in _L_BY or (spaced1 and w1 in _L_BY_KINDS and w2 in _L_BY):
        mask |= LBL_BY
    if w1 in _L_ALONE_BY:
        mask |= LBL_ALONE
    return mask


def name_then_meta(
    texts: Sequence[str], i: int, rest: str
) -> tuple[list[str], tuple[int, ...]] | None:
    """The byline of block `i` when NAME_THEN_META's match of it is one (its meta an "@handle"
    or a date, which the caller tests), `rest` its names' part: the names before the meta ("Ann
    Lee - Nov 19, 2019"), or an agency's ("Associated Press Nov 19, 2019": the person above it
    if a short line names one)."""
    agency = rest.strip().lower().removeprefix("the ")
    if agency in AGENCY_NAMES:  # "Associated Press Nov 19, 2019"
        above = texts[i - 1] if i > 0 else ""
        if 2 <= len(above.split()) <= 4 and (person := parse_names(above)):
            return person, (i - 1, i)  # "Ann Lee" above it: the agency is her employer
        return [rest.strip().removeprefix("The ").removeprefix("the ")], (i,)
    cue, update = cues(rest)
    if cue is not None or update is not None:  # "Publié le 3 mars"
        return None
    names = parse_names(rest, allow_single=rest.lower() in AGENCIES)
    return (names, (i,)) if names else None


def name_then_cue(text: str) -> list[str]:
    """The names of a "name, then published when" byline ("Laure Favre Publié aujourd'hui à
    10h15"): what follows the word for published prints a date or a time of day."""
    low = folded(text)
    if low is not None and not (  # any(word in low for word in CUE_PARTS), unrolled
        "publi" in low or "pubb" in low or "posted" in low or "veröffentlicht" in low
    ):
        return []  # (NAME_THEN_CUE needs its word for published: a cheap exact test first)
    m = NAME_THEN_CUE.match(text)
    if m is None:
        return []
    when = m["when"]
    if CLOCK_TIME.search(when) is None and not (maybe_dated(when) and find_dates(when)):
        return []  # "Ann Lee published 3 books": no byline
    return parse_names(m["rest"])


def more_names(
    texts: Sequence[str], names: list[str], spans: list[int]
) -> tuple[list[str], tuple[int, ...]]:
    """The names of a byline printed a word a line ("Par", "A", "et", "B"): after the first
    name, each "and" line alone and the name line under it."""
    j = spans[-1]
    while len(names) < MAX_AUTHORS and j + 2 < len(texts) and AND_ALONE.match(texts[j + 1]):
        more = parse_names(texts[j + 2])
        if not more:
            break
        names.extend(name for name in more if name not in names)
        spans.extend((j + 1, j + 2))
        j += 2
    return names, tuple(spans)


def cjk_names(rest: str) -> list[str]:
    """The Chinese names after a byline label: "刘晓燕 张伟" → [刘晓燕, 张伟]."""
    names: list[str] = []
    for part in CJK_NAME_SPLIT.split(rest.strip()):
        if not part:
            continue
        if not han_name(part) or CJK_NOT_NAME.search(part):
            break  # "通讯员 王明", a source, a sentence: the names are over
        names.append(part)
        if len(names) >= MAX_AUTHORS:
            break
    return names


def cjk_byline(texts: Sequence[str], i: int) -> tuple[list[str], tuple[int, ...]] | None:
    """A Chinese byline in block `i`: a line "记者 A B" or "文/A", or a line "记者" alone
    that ends the block with the names on the next block; or a name before the time of
    publishing, on its line ("陈思远 发布于 2026-11-27 09:12") or on the line above it."""
    text = texts[i]  # (each pattern tried only where the text holds a character it needs)
    m = _cjk_name_then_published().match(text) if "发" in text or "發" in text else None
    if m is not None and not CJK_NOT_NAME.search(m["name"]):
        return [m["name"]], (i,)
    name = texts[i].strip()
    if (
        i + 1 < len(texts)
        and han_name(name)
        and not CJK_NOT_NAME.search(name)
        and CJK_PUBLISHED.match(texts[i + 1])
    ):
        return [name], (i,)
    if not ("记" in text or "記" in text or "撰" in text or "作" in text or "文" in text):
        return None  # (CJK_LABEL_CHARS, in front of CJK_LABEL's scan of every place: slow)
    for m in CJK_LABEL.finditer(text):
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


def han_name(text: str) -> bool:
    """HAN_NAME.fullmatch(text) is not None: two to four Han characters."""
    return 2 <= len(text) <= 4 and all("\u3400" <= c <= "\u9fff" for c in text)


def cjk_bare_line(line: str) -> bool:
    """CJK_BARE_NAME.match(line) is not None: one to four Han characters, a space (or an
    ideographic one), one to three Han or kana characters, then the end (or a last "\n"). The
    space is the first character that is not Han (none before it is one)."""
    if line.endswith("\n"):  # ($ matches before a last newline)
        line = line[:-1]
    k = 0
    while k < len(line) and "\u3400" <= line[k] <= "\u9fff":
        k += 1
    if not 1 <= k <= 4 or k >= len(line) or line[k] not in " \u3000":
        return False
    tail = line[k + 1 :]
    return 1 <= len(tail) <= 3 and all(
        "\u3400" <= c <= "\u9fff" or "\u3040" <= c <= "\u30ff" for c in tail
    )


@cache
def _cjk_name_then_published() -> re.Pattern[str]:
    """CJK_NAME_THEN_PUBLISHED, compiled on first use (cjk_byline asks it only of a line with
    "发" or "發")."""
    return re.compile(_CJK_NAME_THEN_PUBLISHED)


@cache
def _ko_byline() -> re.Pattern[str]:
    """KO_BYLINE, compiled on first use: _byline_at asks it only of a line holding one of
    KO_WORDS (its two ranges of 11,000 Hangul syllables cost re's compiler ~1 ms)."""
    return re.compile(_KO_BYLINE)


_LAZY_PATTERNS: dict[str, Callable[[], re.Pattern[str]]] = {
    "KO_BYLINE": _ko_byline,
    "CJK_NAME_THEN_PUBLISHED": _cjk_name_then_published,
    "HAN_NAME": lambda: re.compile(_HAN_NAME),
    "CJK_BARE_NAME": lambda: re.compile(_CJK_BARE_NAME),
}


def __getattr__(name: str) -> re.Pattern[str]:
    """`article.KO_BYLINE`, `article.CJK_NAME_THEN_PUBLISHED`, `article.HAN_NAME` and
    `article.CJK_BARE_NAME` as before: compiled when asked for (cjk_byline and cjk_bare_name
    test by hand what the last two match)."""
    make = _LAZY_PATTERNS.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return make()


def cjk_bare_name(texts: Sequence[str], i: int) -> list[str] | None:
    """A line of block `i` that only holds a Japanese or Chinese name ("山本 健太", family and
    given name apart) right under or above a date line: the byline."""
    if texts[i].isascii():
        return None  # CJK_BARE_NAME needs a Han character (a cheap exact test first)
    lines = texts[i].split("\n")
    for k, line in enumerate(lines):
        if not cjk_bare_line(line.strip()):
            continue
        above = lines[k - 1] if k > 0 else (texts[i - 1].split("\n")[-1] if i > 0 else "")
        below = (
            lines[k + 1]
            if k + 1 < len(lines)
            else (texts[i + 1].split("\n")[0] if i + 1 < len(texts) else "")
        )
        if any(len(near) <= MAX_DATE_LINE and dateish(near) for near in (above, below)):
            return [line.strip()]
    return None


def date_then_name(text: str) -> list[str] | None:
    """The name of a short "date, then name" byline: "13/06/2014 Ann Lee News, Reviews"."""
    if len(text) > MAX_SHORT_BYLINE:
        return None
    dates = find_dates(text)
    if not dates or text[: dates[0].start].strip():
        return None
    rest = LEADING_NON_LETTERS.sub("", text[dates[0].end :])
    if not 2 <= len(rest.split()) <= DATE_NAME_MAX_WORDS or CREDIT.search(rest):
        return None
    names = parse_names(rest)
    if not names or rest.split()[:2] != names[0].split()[:2]:
        return None
    if any(word.isupper() for word in names[0].split()):
        return None  # "12:41 PM ET": not a name
    return names


def starts_with_date(text: str) -> bool:
    """Whether `text` begins with a date ("Nov 19, 2019 …", "Monday, 11/18/19 …")."""
    dates = find_dates(text)
    return bool(dates) and not WORD_BEFORE_DATE.search(text[: dates[0].start])


def bare_name_near(texts: Sequence[str], first: int) -> tuple[list[str], tuple[int, ...]] | None:
    """A short line that starts with a name ("Anna Menin", "Tom Davies Associated Press",
    "Ann Lee, Staff Writer", "REUTERS"), next to a date line, just above the body; or at the
    very start of the body when an @handle line follows it."""
    above = range(first - 1, max(-1, first - 1 - BARE_NAME_WINDOW), -1)
    inside = range(first, min(len(texts) - 1, first + BYLINE_INSIDE))
    order = [*above, *inside]
    if _byline is not None and isinstance(texts, list):  # the lines it skips at once, skipped
        order = _byline.bare_lines(texts, order, first, AGENCIES)
    for i in order:
        text = texts[i]
        if len(text) <= MAX_SHORT_BYLINE and (cjk := cjk_bare_name(texts, i)) is not None:
            return cjk, (i,)
        if i >= first and HANDLE.match(texts[i + 1]) is None and not cue_stamp(texts[i + 1]):
            continue  # in the body: a name over an @handle or a "Published <time>" line
        words = text.split(None, BARE_NAME_MAX_WORDS)  # (all of them when few enough)
        if not 1 <= len(words) <= BARE_NAME_MAX_WORDS or "@" in text:
            continue
        if maybe_dated(text) and find_dates(text):
            continue
        # "Reuters, Washington", but not a photo credit ("Reuters / Ann Lee")
        agency = words[0].lower().strip(",;:") in AGENCIES and "/" not in text
        if len(words) == 1 and not agency:
            continue
        names = parse_names(text, allow_single=agency)
        if not names or (
            len(words) > 1
            and " ".join(words[:2]).strip(",") != " ".join(names[0].split()[:2])
            and not text.isupper()
            and not (agency and names[0].lower() == words[0].lower().strip(",;:"))
        ):
            continue
        if sentence_after_name(words, names[0]):
            continue  # "Meal Prep for Busy Weeks": a headline that starts like a name
        near = range(max(0, i - 2), min(len(texts), i + 3))
        if any(j != i and len(texts[j]) < MAX_META_CHARS and dateish(texts[j]) for j in near):
            return names, (i,)
        if i + 1 < len(texts) and HANDLE.match(texts[i + 1]) is not None:
            return names, (i, i + 1)  # "Ann Lee" then "@annlee"
    return None


def _bare_lines(texts: Sequence[str], order: Sequence[int], first: int) -> list[int]:
    """The blocks of `order` that bare_name_near does not skip at once (the reference of the
    compiled _byline.bare_lines, which bare_name_near asks in its place): every one that is not
    ASCII, and an ASCII one unless in the body over an ASCII line that is no @handle nor starts
    with p, v or o (HANDLE's and CUE_STAMP's first characters), unless without its 1 to
    BARE_NAME_MAX_WORDS words or with an "@", unless one word and no agency."""
    kept = []
    for i in order:
        text = texts[i]
        if text.isascii():
            below = texts[i + 1] if i >= first else ""
            if (
                i >= first
                and below.isascii()
                and not below.startswith("@")
                and below.lstrip()[:1].lower() not in ("p", "v", "o")
            ):
                continue
            words = text.split(None, BARE_NAME_MAX_WORDS)
            if not 1 <= len(words) <= BARE_NAME_MAX_WORDS or "@" in text:
                continue
            agency = words[0].lower().strip(",;:") in AGENCIES and "/" not in text
            if len(words) == 1 and not agency:
                continue
        kept.append(i)
    return kept


def sentence_after_name(words: Sequence[str], name: str) -> bool:
    """Whether the words after the name that starts a line go on like a sentence or a headline
    (a lower-case word or a number: "Meal Prep for Busy Weeks", "New Sedan 200 Arrives"), not
    like a job title or an agency ("Ann Lee, Staff Writer", "Tom Davies Associated Press")."""
    taken = len(name.split())
    if len(words) - taken < SENTENCE_AFTER_NAME or words[taken - 1].endswith((",", ";", ":")):
        return False
    after = words[taken].strip("()[]\"'“”‘’")
    if not after or after.lower() in PARTICLES or NAME_SPLIT.fullmatch(f" {after} "):
        return False  # "Ann Lee and Tom Davies", "Ann van Example"
    return after[0].isdigit() or (after[0].isalpha() and after[0].islower())


def dateish(text: str) -> bool:
    """A date, or a line that only prints a time ("Monday 6:30PM", "2 hours ago")."""
    if find_dates(text) or is_time_line(text):
        return True
    if (":" in text or "." in text) and WEEKDAY_TIME.match(text) is not None:
        return True  # (its time needs a colon or a dot)
    return cue_stamp(text)


def cue_stamp(text: str) -> bool:
    """A line that says when the story was published, by a time of day if not by a date:
    "Publié aujourd'hui à 10h15", "Published 10:42"."""
    if len(text) > MAX_DATE_LINE or CUE_STAMP.match(text) is None:
        return False
    return CLOCK_TIME.search(text) is not None or bool(find_dates(text))


def parse_names(rest: str, allow_single: bool = False) -> list[str]:
    """The person names at the start of a byline's remainder: "A and B, Reuters" → [A, B];
    "A, AP Auto Writer" → [A] (a part holding a job title is not a name). In C where it was
    built, for an ASCII `rest` (newsdump/_byline.c), else _parse_names."""
    if _byline is not None:
        names = _byline.parse_names(rest, allow_single, _NAME_TABLES)
        if names is not None:
            return names
    return _parse_names(rest, allow_single)


def _parse_names(rest: str, allow_single: bool = False) -> list[str]:
    """parse_names in Python (the reference of the compiled one, and its path for other text)."""
    dates = find_dates(rest)
    if dates:  # "A and B November 20, 2025": the names end where the date starts
        rest = rest[: dates[0].start]
    stop = BYLINE_STOP.search(" " + rest)
    head = rest if stop is None else (" " + rest)[: stop.start()].strip()
    names: list[str] = []
    for index, part in enumerate(name_parts(head)):
        taken: list[str] = []
        titled = False
        for word in part.split():
            clean = word.strip(",;:()[]")
            lower = clean.lower().rstrip(".")
            if lower in MONTHS and len(taken) >= 2:
                break  # "Ann Lee Nov. 19": a date follows the name (but "Jan Lee", "Ann May")
            if lower in NOT_NAMES:
                titled = True
                break
            if lower in FUNCTION_WORDS:
                break  # "Rewrite With Content Depth In Mind": a heading, not a name
            if lower[:1] in CUE_HEADS and (DATE_CUE.match(lower) or UPDATE_CUE.match(lower)):
                titled = True  # "…, publié le 3 mars": the names are over
                break
            if not is_name_word(clean, allow_lower=allow_single and not taken and index == 0):
                break
            taken.append(clean)
        if titled and index > 0:
            break  # "…, AP Auto Writer": a job title, the names are over
        single = allow_single and not names and len(taken) == 1 and len(taken[0]) > 1
        if not (2 <= len(taken) <= MAX_NAME_WORDS or single):
            break  # "Staff", "Cleveland.com": the names are over
        shouted = len(taken) > 1 and all(w.isupper() for w in taken)  # "JANE DOE"
        name = " ".join(
            w.title()
            if (w.isupper() and (len(w) > 3 or (shouted and len(w.rstrip(".")) > 1)))
            or (w.islower() and w not in PARTICLES)
            else w
            for w in taken
        )
        if name not in names:
            names.append(name)
        if len(names) >= MAX_AUTHORS:
            break
    return names


# what the compiled parse_names looks up: find_dates is asked where a text may hold a date
_NAME_TABLES = (find_dates, MONTHS, NOT_NAMES, FUNCTION_WORDS, PARTICLES)


def name_parts(head: str) -> list[str]:
    """NAME_SPLIT.split(head), the pattern (slow: it tries its dozen alternatives at each
    place) asked only where the head holds one of its separators or a run of word characters
    that is one of its joining words (what its \\b…\\b alternatives match)."""
    if "," in head or ";" in head or "&" in head or "|" in head:
        return NAME_SPLIT.split(head)
    if not NAME_JOINERS.isdisjoint(word_set(head)):
        return NAME_SPLIT.split(head)
    return [head]


def is_name_word(word: str, allow_lower: bool = False) -> bool:
    if not word:
        return False
    if word.lower() in PARTICLES:
        return True
    core = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return (word[0].isupper() or allow_lower) and core.isalpha() and not WIDE.search(word)


def find_published(
    texts: Sequence[str],
    byline: Sequence[int],
    title_at: int | None,
    first: int,
    url: str | None = None,
) -> str | None:
    """The article's date: on the byline, else near the byline or headline, else above the
    body, else in the URL. A "Published" date wins over an "Updated" one, and so does an
    earlier date in the URL. The date under a headline of a list of dated headlines is another
    story's; a weekday stamp ("Monday 5:30PM") counts from the newest full date on the page;
    a day printed apart from its time and year ("November 20" / "15:23" / "2019") is joined."""
    printed = printed_date(texts, byline, title_at, first, url)
    in_url = url_date(url)
    if printed is None:
        return in_url
    if printed[1] and in_url is not None and in_url < printed[0][:10]:
        return in_url  # the page only prints when it was updated
    return printed[0]


def printed_date(
    texts: Sequence[str],
    byline: Sequence[int],
    title_at: int | None,
    first: int,
    url: str | None = None,
) -> tuple[str, bool] | None:
    """The date find_published picks on the page, and whether it is an update date."""
    lines, maybe = date_lines_of(texts, byline, title_at, first)  # (no date but on `maybe`'s)
    line_dates = _LineDates(texts)  # each line's dates, found when first asked (most never are)
    date_lines = (  # a line that is mostly its date first: not a caption's "Tuesday, Nov. 19"
        i
        for i in maybe
        if (got := line_dates.found(i))
        and mostly_date(texts[i], got, DATE_LINE_WORDS)
        and not listed_date(texts, i)
    )
    head = next(date_lines, None)
    if head is not None:  # the date lines near it (the later ones in `lines`: none comes before)
        after = maybe[maybe.index(head) + 1 :]
        near = [
            head,
            *(
                i
                for i in after
                if abs(i - head) <= HEAD_DATE_LINES
                and (got := line_dates.found(i))
                and mostly_date(texts[i], got, DATE_LINE_WORDS)
                and not listed_date(texts, i)
            ),
        ]
        picked = [published_of(texts[i], line_dates.found(i)) for i in near]
        # the nearest, unless it is an update date and a line next to it says when the story
        # was published ("수정 2026.11.27 14:02" under "입력 2026.11.27 10:30")
        return next((p for p in picked if not p[1]), picked[0])
    # (no date line: the dates of every line of `maybe` were found on the way; no other has any)
    printed, found = line_dates.printed, line_dates.found_at
    dated = [i for i in maybe if found[i]]
    for i in dated:
        if not listed_date(texts, i):
            return published_of(texts[i], found[i])
    years = Counter(int(d.iso[:4]) for i in maybe for d in printed[i])
    if not years and (m := URL_YEAR.search(url or "")) is not None:
        years[int(m[1])] += 1  # a byline printing no year: the year in the URL
    if (
        not years
        and not any(":" in (text := with_time_parts(texts, i)) and yearless(text) for i in lines)
        and date_line(texts, title_at, first) is None
    ):
        return None  # no line to date with the page's year, and none holds a date alone
    if not years:  # ... else the years printed anywhere on the page
        years = Counter(int(d.iso[:4]) for d in line_dates.whole())
    if not years:  # ... else the copyright's (last) year: the year the page was served
        years = Counter(copyright_years(texts))
    if not years:
        return None
    year = years.most_common(1)[0][0]  # ... the page's usual year
    for i in lines:
        text = with_time_parts(texts, i)
        dates = find_yearless(text, year)
        if dates:
            return published_of(text, dates)
    return date_line(texts, title_at, first)


WEEKDAY_FIRSTS = cases_of("mtwfs")  # what WEEKDAY_TIME needs first, past its spaces


def date_lines_of(
    texts: Sequence[str], byline: Sequence[int], title_at: int | None, first: int
) -> tuple[list[int], list[int]]:
    """printed_date's lines, and those of them where a date may be: in C where it was built
    (newsdump/_dates.c), else _date_lines_of."""
    if _dates is not None and isinstance(texts, list):
        return _dates.date_lines(
            texts, byline, title_at, first, DATE_WINDOW, BYLINE_WINDOW, MAX_META_CHARS,
            WEEKDAY_FIRSTS,
        )  # fmt: skip
    return _date_lines_of(texts, byline, title_at, first)


def _date_lines_of(
    texts: Sequence[str], byline: Sequence[int], title_at: int | None, first: int
) -> tuple[list[int], list[int]]:
    """date_lines_of in Python (the reference of the compiled one): the byline's blocks, those
    DATE_WINDOW around each of them and the headline, and BYLINE_WINDOW above the body, each
    once in that order if on the page and at most MAX_META_CHARS long (`lines`); and those of
    them where _LineDates.found may find a date (`maybe`): where maybe_dated holds (find_dates
    needs it), or a colon or a dot is and the first character past the spaces is one
    WEEKDAY_TIME starts with (a weekday stamp's)."""
    order: list[int] = list(byline)
    for center in [*byline, *([title_at] if title_at is not None else [])]:
        for d in range(1, DATE_WINDOW + 1):
            order.extend((center + d, center - d))
    order.extend(range(first - 1, max(-1, first - 1 - BYLINE_WINDOW), -1))
    n = len(texts)
    lines = [i for i in dict.fromkeys(order) if 0 <= i < n and len(texts[i]) <= MAX_META_CHARS]
    maybe = [i for i in lines if maybe_dated(texts[i]) or _weekday_led(texts[i])]
    return lines, maybe


def _weekday_led(text: str) -> bool:
    """A colon or a dot in `text`, and its first character past the spaces one WEEKDAY_TIME
    starts with."""
    head = text.lstrip()
    return (":" in text or "." in text) and head != "" and head[0] in WEEKDAY_FIRSTS


class _LineDates:
    """printed_date's dates of the page's lines, each found once when first asked: `printed`,
    what find_dates finds on the line; `found_at`, that or the day a weekday stamp next to the
    byline names ("Monday 5:30PM": a date of the last week)."""

    __slots__ = ("_whole", "found_at", "printed", "texts")

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.printed: dict[int, list[FoundDate]] = {}
        self.found_at: dict[int, list[FoundDate]] = {}
        self._whole: list[FoundDate] | None = None

    def whole(self) -> list[FoundDate]:
        """The dates of the whole page, once."""
        if self._whole is None:
            self._whole = find_dates("\n".join(self.texts))
        return self._whole

    def found(self, i: int) -> list[FoundDate]:
        got = self.found_at.get(i)
        if got is None:
            text = self.texts[i]  # maybe_dated(text), inline: most lines hold no date
            got = self.printed[i] = (
                find_dates(text) if "19" in text or "20" in text or "/" in text else []
            )
            if not got and (":" in text or "." in text) and WEEKDAY_TIME.match(text):
                when = weekday_date(self.texts, text, self.whole())
                got = [FoundDate(when, 0, len(text))] if when is not None else []
            self.found_at[i] = got
        return got


def listed_date(texts: Sequence[str], i: int) -> bool:
    """Whether block `i` is the date under one headline of a list of dated headlines (other
    stories: "Headline" / "Nov 16, 2016", each a few blocks apart), not the article's."""

    if not _listed_pair(texts, i):
        return False
    for j in range(i - LIST_SPAN, i + LIST_SPAN + 1):  # noqa: SIM110 (no generator frame)
        if j != i and _listed_pair(texts, j):
            return True
    return False


def _listed_pair(texts: Sequence[str], j: int) -> bool:
    """Whether block `j` is a short date line under a headline (listed_date's test)."""
    if not 0 < j < len(texts) or len(texts[j]) > MAX_DATE_LINE:
        return False
    dates = find_dates(texts[j])
    return bool(dates) and mostly_date(texts[j], dates, 1) and headline_score(texts[j - 1]) > 0


def with_time_parts(texts: Sequence[str], i: int) -> str:
    """Block `i`, and when it only prints a day without a year ("November 20"), the blocks
    after it that print its time and year apart ("15:23", "2019": a date split by tags)."""
    text = texts[i]
    if not month_day(text.strip()):  # (dates.MONTH_DAY.match)
        return text
    for j in range(i + 1, min(len(texts), i + 1 + TIME_PARTS)):
        if TIME_PART.fullmatch(texts[j].strip()) is None:
            break
        text += " " + texts[j].strip()
    return text


def weekday_date(
    texts: Sequence[str], stamp: str, whole: Sequence[FoundDate] | None = None
) -> str | None:
    """The day a weekday stamp ("Monday 5:30PM") names: pages print a weekday for times of
    the last week and a full date for older ones, so it is the first such weekday on or after
    the newest full date with a time printed on the page (None without one). `whole`: the
    dates of the whole page, when the caller has them already."""
    m = WEEKDAY_TIME.match(stamp)
    if whole is None:
        whole = find_dates("\n".join(texts))
    stamps = [d.iso for d in whole if "T" in d.iso]
    if m is None or not stamps:
        return None
    newest = datetime.fromisoformat(max(stamps))
    day = WEEKDAYS.index(m["weekday"].lower()[:3])
    when = newest.date() + timedelta(days=(day - newest.weekday()) % 7)
    minutes = clock_minutes(stamp[m.end("weekday") :].strip(" ,."))
    if minutes is None:
        return when.isoformat()
    return datetime(when.year, when.month, when.day, minutes // 60, minutes % 60).isoformat()


def copyright_years(texts: Sequence[str]) -> list[int]:
    """The last year of each copyright line ("© 2005-2019 Example", "Copyright 2019")."""
    found = []
    for text in texts:  # (its year needs a "19" or a "20": a cheap exact test first)
        if len(text) > MAX_META_CHARS or ("19" not in text and "20" not in text):
            continue
        if (m := COPYRIGHT_YEARS.search(text)) is not None:
            found.append(int(m["last"] or m["first"]))
    return found


def date_line(texts: Sequence[str], title_at: int | None, first: int) -> tuple[str, bool] | None:
    """The first line that prints little but a date ("Nov. 20, 2019, 9:28 AM UTC"), from
    the headline down into the first body blocks: where the byline and the headline were
    missed or sit inside the body."""
    start = title_at + 1 if title_at is not None else first
    for i in range(start, min(len(texts), first + DATE_BODY_WINDOW)):
        text = texts[i]
        if len(text) > MAX_DATE_LINE:
            continue
        dates = find_dates(text)
        if dates and mostly_date(text, dates, 3):
            return published_of(text, dates)
    return None


def _mostly_date(text: str, dates: Sequence[FoundDate], words: int) -> bool:
    """Whether `text` holds at most `words` words besides its dates (the reference of the
    compiled newsdump/_dates.c mostly_date, which mostly_date is where it was built)."""
    rest, at = [], 0
    for d in dates:
        rest.append(text[at : d.start])
        at = d.end
    rest.append(text[at:])
    return len(LETTERS.findall(" ".join(rest))) <= words


mostly_date: Callable[[str, Sequence[FoundDate], int], bool] = (
    _mostly_date if _dates is None else _dates.mostly_date
)


def published_of(text: str, dates: Sequence[FoundDate]) -> tuple[str, bool]:
    """The first date of a line, or the one after "Published" when it also says "Updated";
    and whether it is an update date ("Updated Nov 13, 2019" with no "Published")."""
    cue, update = cues(text)
    if cue is not None and len(dates) > 1 and update is not None:
        after = [d for d in dates if d.start >= cue.start()]
        return (after or dates)[0].iso, False
    updated = cue is None and update is not None and update.start() < dates[0].start
    return dates[0].iso, updated


def cues(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """(DATE_CUE.search(text), UPDATE_CUE.search(text)), each pattern tried only where the text
    folded (headline.folded) holds a part of one of its words (CUE_PARTS, UPDATE_CUE_PARTS): a
    cheap exact test, most lines hold none."""
    low = folded(text)
    if low is None:
        return DATE_CUE.search(text), UPDATE_CUE.search(text)
    dated = "publi" in low or "pubb" in low or "posted" in low or "veröffentlicht" in low
    updated = (  # any(part in low for part in UPDATE_CUE_PARTS), unrolled
        "updated" in low
        or "aktuali" in low
        or "mis à jour" in low
        or "actualizado" in low
        or "수정" in low
        or "更新" in low
    )
    return (
        DATE_CUE.search(text) if dated else None,
        UPDATE_CUE.search(text) if updated else None,
    )


def caption_credit(text: str) -> bool:
    """CREDIT or CAPTION_CREDIT finds a photo credit in `text`: each tried only where a cheap
    exact test passes (CAPTION_CREDIT's "фото" needs a colon after it, its "file photo" the
    lower-cased words; headline.has_credit tests for CREDIT's words)."""
    if has_credit(text):
        return True
    # "фото" needs a colon and its "ф" (in either case: re's IGNORECASE takes no other)
    if ":" not in text or text.isascii() or ("ф" not in text and "Ф" not in text):
        low = folded(text)
        if low is not None and "file photo" not in low:
            return False
    return CAPTION_CREDIT.search(text) is not None


# what CREDIT's and CAPTION_CREDIT's alternatives need (_credit_lines' test): a "(" before a p,
# i or f; a ")" after an s; a "/" before an a or r; a ":" after an o, h, e, s, t or Cyrillic о
# and spaces; or one of the words (each character in every case IGNORECASE takes, cases_of)
_PAREN_NEXT = frozenset(cases_of("pif"))
_CLOSE_BEFORE = frozenset(cases_of("s"))
_SLASH_NEXT = frozenset(cases_of("ar"))
_COLON_BEFORE = frozenset(cases_of("ohestо"))
_CAPTION_CREDIT_WORDS = ("getty images", "shutterstock", "file photo")


def _credit_lines(texts: Sequence[str], candidates: Sequence[int], min_words: int) -> list[int]:
    """The blocks of `candidates` (in their order) where find_caption's test may hold: False
    only where neither CREDIT nor CAPTION_CREDIT can match (what each of their alternatives
    needs, _COLON_BEFORE and the rest), or the block has fewer than `min_words` words (the
    reference of the compiled _byline.credit_lines, which find_caption asks in its place)."""
    return [
        i
        for i in candidates
        if _may_credit(texts[i]) and len(texts[i].split(None, min_words - 1)) >= min_words
    ]


def _may_credit(text: str) -> bool:
    """_credit_lines' test of a credit, character by character."""
    n = len(text)
    for k, c in enumerate(text):
        if c == "(" and k + 1 < n and text[k + 1] in _PAREN_NEXT:
            return True
        if c == ")" and k > 0 and text[k - 1] in _CLOSE_BEFORE:
            return True
        if c == "/" and k + 1 < n and text[k + 1] in _SLASH_NEXT:
            return True
        if c == ":" and text[:k].rstrip()[-1:] in _COLON_BEFORE:
            return True
        if any(_folded_at(text, k, word) for word in _CAPTION_CREDIT_WORDS):
            return True
    return False


def _folded_at(text: str, k: int, word: str) -> bool:
    """Whether text[k:] starts with `word` (lower-case ASCII) in any case IGNORECASE takes."""
    part = text[k : k + len(word)]
    return len(part) == len(word) and all(c in cases_of(w) for c, w in zip(part, word, strict=True))


def find_caption(
    texts: Sequence[str], title_at: int | None, first_body: int, body_start: Sequence[int] = ()
) -> int | None:
    """A photo caption between the headline and the body, or at the very start of the body:
    a line that carries a credit; or, when a photographer is named above the body
    ("Photographs by Ann Lee"), the body's first line if it is one short sentence."""
    lo = title_at + 1 if title_at is not None else max(0, first_body - 4)
    candidates: list[int] = [*range(lo, first_body), *body_start]
    if _byline is not None and isinstance(texts, list):  # (the lines it would skip, skipped)
        candidates = _byline.credit_lines(texts, candidates, CAPTION_MIN_WORDS)
    for i in candidates:
        text = texts[i]
        # (len(split(None, m)) is min(words, m + 1): no further split than the count asks)
        if (
            caption_credit(text)
            and len(text.split(None, CAPTION_MIN_WORDS - 1)) >= CAPTION_MIN_WORDS
        ):
            return i
    if body_start:  # the story's first line over a credit line the story leaves out
        k = body_start[0]
        words = len(texts[k].split(None, CAPTION_MAX_WORDS))  # (> CAPTION_MAX_WORDS: too many)
        credit_below = k + 1 < len(texts) and k + 1 not in body_start[1:2]
        if credit_below and words <= CAPTION_MAX_WORDS and is_line_credit(texts[k + 1]):
            return k
    above = range(max(lo, first_body - PHOTOGRAPHER_WINDOW), first_body)
    if len(body_start) > 1 and any(PHOTOGRAPHER.match(texts[i]) for i in above):
        text, after = texts[body_start[0]], texts[body_start[1]]
        words = len(text.split(None, CAPTION_MAX_WORDS))  # (> CAPTION_MAX_WORDS: too many)
        short = CAPTION_MIN_WORDS <= words <= CAPTION_MAX_WORDS and not SENTENCE_BREAK.search(text)
        lede = CAPTION_LEDE_RATIO * words  # (words <= CAPTION_MAX_WORDS here: its exact count)
        if short and len(after.split(None, lede - 1)) >= lede:  # not a one-line lede
            return body_start[0]
    return None
