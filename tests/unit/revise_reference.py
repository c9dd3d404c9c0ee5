"""A frozen copy of newsdump/revise.py before its per-page sharing (the plain, rule-by-rule
scan): test_revise_exact checks that `newsdump.revise` drops the same blocks for the same
reasons."""

# ruff: noqa
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from newsdump.dates import find_dates
from newsdump.document import Label, LabelledBlock
from newsdump.lang import WIDE

NOT_STORIES = frozenset({"caption", "author_bio", "far_tail", "dateline"})  # reasons of blocks
# taken out of the body that are page furniture, not another story (split's feed leaves them alone)
SURE = 0.8  # a block scoring this much is body text whatever its neighbours
CARD_SURE = 0.9  # ... except a card's headline and summary, which pass for body text easily
SHORT_MAX_WORDS = 8  # a "short line" has at most this many words
SHORT_RUN_MAX = 2  # longer runs of short lines are a list or a table inside the story
EDGE_BLOCKS = 2  # the body's first blocks (a photo caption often comes first) are its edge
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 20
SUMMARY_MAX_WORDS = 80  # a card's summary is one paragraph, not a long one
BUTTON_MAX_WORDS = 3  # "Sign up", "Become a member": the button under a boxed call to action
CUT_OFF_GAP = 2  # non-body blocks that cut unsure blocks off the article's run
CUT_OFF_MAX_BLOCKS = 3  # ... when they are few: a donation appeal, a promo; not half a story
GLUED_NAMES = re.compile(r"[a-zß-ÿ]{3}[A-ZÀ-Þ][a-zß-ÿ]")  # "Harbour TimesTomas Reyes": a source
# and an author flattened together, as a related-story card's last line comes out of a dump
LABEL_LINE = re.compile(r"\w+(?: \w+)? ?: \w")  # "Author: Ann Lee", "Source : AFP"
CLOCK = re.compile(r"\d:\d\d")
DIGITS = re.compile(r"\d+")
STAMP_MIN_WORDS = 3  # a post's time stamp: "2 days ago at 07:52 am", "18 Nov 2019, 7:45 pm" ...
STAMP_MAX_WORDS = 8  # ... (not a live blog's bare "10:48")
REPEATED_MIN_WORDS = 5  # a body block shown again outside the body, this long, ...
REPEATED_RUN_MIN = 2  # ... in a run of this many: a carousel or feed shown twice on the page
TEASER_MIN_UNITS = 3  # headline lines + one summary, this many in a row at the body's edge
TEASER_MAX_LINES = 4  # short lines (kicker, headline, source) above each summary
PROSE_MIN_WORDS = 10  # a summary or a paragraph: this long and ends a sentence
MARKER_MAX_WORDS = 3  # a short line repeated next to every post's bare time: "Reply", a name
MARKER_REACH = 2  # ... this near it
THREAD_MIN_POSTS = 3  # this many stamps of one shape after the story's start: a comment thread
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
RELATED_LABELS = frozenset(
    {
        # a line that introduces links to other stories; matched whole, lower-cased, without
        # trailing punctuation ("Related Stories", "Read more:", "You Might Also Like …")
        *("related", "related articles", "related stories", "related news", "related content"),
        *("related posts", "related links", "related coverage", "related reading", "read more"),
        *("read also", "also read", "read next", "see also", "see more", "more on this"),
        *("more on this story", "more on this topic", "don't miss", "do not miss", "more:"),
        *("you might also like", "you may also like", "further reading", "more stories"),
        *("recommended", "recommended for you", "most read", "most popular", "more news"),
        *(
            "lesen sie auch",
            "lesen sie mehr",
            "mehr zum thema",
            "das könnte sie auch interessieren",
        ),
        *("auch interessant", "zobacz też", "zobacz także", "czytaj też", "czytaj także"),
        *("przeczytaj też", "przeczytaj także", "à lire aussi", "a lire aussi", "lire aussi"),
        *("à lire également", "voir aussi", "sur le même sujet", "artículos relacionados"),
        *("noticias relacionadas", "lee también", "te puede interesar", "ver también"),
        *("relacionado", "relacionados", "leia também", "veja também", "notícias relacionadas"),
        *("leggi anche", "articoli correlati", "potrebbe interessarti", "lees ook", "gerelateerd"),
        *("související", "čtěte také", "přečtěte si také", "читайте также", "по теме"),
        *("смотрите также", "читайте також", "läs också", "läs även", "ilgili haberler"),
        *("相关", "相关新闻", "相关文章", "相關", "相關新聞", "相關文章", "延伸阅读", "延伸閱讀"),
        *("相关阅读", "相关报道", "相關閱讀", "相關報導", "czytaj również", "zobacz również"),
        *("przeczytaj również", "lesen sie außerdem", "lesen sie dazu", "lisez aussi"),
        *("推荐阅读", "関連記事", "関連ニュース", "관련기사", "관련 기사", "เรื่องที่เกี่ยวข้อง"),
        *("ข่าวที่เกี่ยวข้อง", "اقرأ أيضا", "اقرأ أيضاً", "ذات صلة", "أخبار ذات صلة"),
        *("الأكثر قراءة", "الأكثر تصفحاً", "यह भी पढ़ें", "ये भी पढ़ें"),
        *("trending", "trending news", "trending now", "trending stories", "top stories"),
        *("most viewed", "most shared", "editors' picks", "editor's picks", "popular stories"),
        *("in case you missed it", "what to read next", "up next", "meistgelesen"),
        *("meistgelesene artikel", "les plus lus", "najczęściej czytane", "najpopularniejsze"),
        *("lo más leído", "lo más visto", "più letti", "热门文章", "热门新闻", "熱門文章"),
    }
)
READ_MORE = frozenset(
    {
        # a button that closes a teaser card; matched whole, lower-cased, without trailing
        # punctuation
        *("read more", "read now", "read the full story", "continue reading", "weiterlesen"),
        *("lire la suite", "leer más", "seguir leyendo", "leia mais", "continua a leggere"),
        *("czytaj dalej", "lees meer", "číst dále", "читать далее", "阅读全文", "閱讀全文"),
        *("続きを読む", "อ่านต่อ", "اقرأ المزيد"),
    }
)
LABEL_TRIM = re.compile(r"[\s:：.…»›>→|–—-]+$")
RELATED_PREFIXES = tuple(RELATED_LABELS)  # what a line must start with to trim to a label
READ_MORE_PREFIXES = tuple(READ_MORE)
NUMBERED = re.compile(r"\d+[.)] ")  # "5. Beware the hairdryer": a listicle's item, the story's
RELATED_MAX_LINES = 8  # a longer run of short lines after a label is a list in the story
CARD_MAX_LINES = 2  # a related card's headlines (and kicker) between two paragraphs of the story
WIDE_PROSE_MIN_CHARS = 30  # a paragraph in a script written without spaces
HEADLINE_MAX_CHARS = 160  # a headline's characters (a long line without a sentence end is
WIDE_HEADLINE_MAX_CHARS = 60  # ... no headline); in a script written without spaces, fewer
_PICTURE = (
    r"(?:image|photo|picture|pic|foto|fotó|fot|bild|zdjęcie|źródło|crédit photo|crédits?"
    r"|créditos?|credits?|quelle|图片来源|圖片來源|图片|圖片|图|圖|照片|写真|사진)"
)
CREDIT = re.compile(
    # a photo credit closing a caption: "(Image: Getty)", "(Photo credit: AP)", "(Bild: dpa)",
    # "(fot. PAP)", "（图片来源：河谷日报）", "（图/李明）"
    rf"[(（]{_PICTURE}(?: credits?)?\s*[:：./]\s*[^()（）]{{1,60}}[)）]",
    re.IGNORECASE,
)
BARE_CREDIT = re.compile(
    # ... or a credit without brackets after the caption's last sentence: "Foto: Lena Roth",
    # "Fot. Jan Nowak", "© Photo Louis Mercier", "Photo : AFP"
    r"(?<=[.!?…] )(?:© ?(?:photo|foto)?|(?:foto|fot|photo|bild|image|zdjęcie|crédit photo"
    r"|photo credit) ?[:.])\s?(?:[\w’'-]+ ?[/,]? ?){1,5}",
    re.IGNORECASE,
)
CAPTION_START = re.compile(r"(?:image|photo|picture) (?:caption|copyright)\b", re.IGNORECASE)
CAPTION_MAX_WORDS = 40  # a caption is a line or two, not a paragraph
FAR_GAP = 10  # non-body blocks in a row that set the page's last stretch of body text apart
PAGE_END_BLOCKS = 5  # ... when at most this many blocks follow it: a cookie notice, a footer
ABOUT = re.compile(
    # "About Ann Lee", "Über Moritz Bachmann", "Sobre Carlos Nadalim", "À propos de Ann Lee"
    r"(?:about|über|sobre|à propos de|a propos de|acerca de)(?:\s+(?P<name>.+))?",
    re.IGNORECASE,
)
NAME = re.compile(r"(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*\s?){1,4}")  # capitalised words: a person's name
BIO_MAX_WORDS = 150  # an author's bio is a paragraph
DATELINE_REACH = 3  # the body's first blocks, where the story's dateline may have slipped in
DATELINE_MAX_WORDS = 12
DATELINE_REST_MAX_WORDS = 6  # words beside the date and times: "Publié le", "mis à jour à"
GLUE_MARK = re.compile(r"[:：|»›>→–—]")
GLUED_LABEL = re.compile(r"(.{2,40}?)\s*[:：|»›>→–—]\s*(\S.*)")  # "Read more: <headline>"


def revise(labelled: Sequence[LabelledBlock]) -> list[LabelledBlock]:
    """The labels again, with the structures above taken out of the body."""
    out = list(labelled)
    body = [i for i, lb in enumerate(out) if lb.label is Label.ARTICLE]
    if not body:
        return out
    drop: dict[int, str] = {}
    _cards(out, body, drop)
    _boxes(out, body, drop)
    _short_runs(out, body, drop)
    _comment_thread(out, body, drop)
    _repeated_runs(out, body, drop)
    _teaser_lists(out, body, drop)
    _related_links(out, body, drop)
    _read_more_cards(out, body, drop)
    _glued_labels(out, body, drop)
    _captions(out, body, drop)
    _author_bio(out, body, drop)
    _datelines(out, body, drop)
    _far_tail(out, [i for i in body if i not in drop], drop)
    kept = [i for i in body if i not in drop]
    _cut_off(out, kept, drop)
    for i, reason in drop.items():
        out[i] = replace(out[i], label=Label.BOILERPLATE, reason=reason)
    return out


def _is_body(out: Sequence[LabelledBlock], i: int) -> bool:
    return 0 <= i < len(out) and out[i].label is Label.ARTICLE


def _sure(out: Sequence[LabelledBlock], i: int) -> bool:
    return _is_body(out, i) and out[i].score >= SURE


@lru_cache(maxsize=4096)
def _words(text: str) -> int:
    return len(text.split())


def _cards(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    for i in body:
        head, summary = out[i], out[i + 1] if i + 1 < len(out) else None
        if summary is None or summary.label is not Label.ARTICLE:
            continue
        if head.score >= CARD_SURE or summary.score >= CARD_SURE:
            continue
        if not _sure(out, i - 1):
            continue  # a card interrupts the story: sure body text stands right before it
        trailer = i + 2 if _is_body(out, i + 2) else None
        if trailer is not None and not (
            _is_short_unsure(out[trailer]) and GLUED_NAMES.search(out[trailer].block.text)
        ):
            continue  # the story goes on: a subheading and its paragraph
        text = head.block.text.strip()
        if (
            SENTENCE_END.search(text)
            or not HEADLINE_MIN_WORDS <= _words(text) <= HEADLINE_MAX_WORDS
        ):
            continue
        if _words(summary.block.text) <= SUMMARY_MAX_WORDS:
            drop[i] = drop[i + 1] = "embedded_card"
            if trailer is not None:
                drop[trailer] = "embedded_card"


def _short_runs(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    runs: list[list[int]] = []
    for i in body:
        if i in drop or not _is_short_unsure(out[i]):
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    opening, last = body[:EDGE_BLOCKS], body[-1]
    for run in runs:
        if len(run) > SHORT_RUN_MAX:
            continue  # a list or a table inside the story, not a stray button
        before, after = run[0] - 1, run[-1] + 1
        at_edge = run[0] in opening or run[-1] == last
        if at_edge or not _is_body(out, before) or not _is_body(out, after):
            for j in run:
                drop[j] = "short_unsure"


def _is_short_unsure(lb: LabelledBlock) -> bool:
    return lb.score < SURE and _is_short_line(lb)


def _is_short_line(lb: LabelledBlock) -> bool:
    text = lb.block.text.strip()
    return _words(text) <= SHORT_MAX_WORDS and not SENTENCE_END.search(text)


def _boxes(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """A call to action boxed in the body: a short line or a non-body block, one unsure
    paragraph, then a button ("Sign up", "Become a member") before the story goes on."""
    for i in body:
        if i in drop or not 0 < i < len(out) - 2 or out[i].score >= CARD_SURE:
            continue
        if not _sure(out, i + 2):  # (tested again below; first here, as the cheapest)
            continue
        title, button, pitch = out[i - 1], out[i + 1], out[i].block.text.strip()
        if not _is_body(out, i + 1) or not _is_short_unsure(button):
            continue
        if _words(button.block.text) > BUTTON_MAX_WORDS or not _sure(out, i + 2):
            continue  # the story goes on with sure body text right after the button
        if _is_body(out, i - 1) and not _is_short_unsure(title):
            continue
        if not _sure(out, i - 2) or not _is_short_line(title) or title.block.text.endswith(":"):
            continue  # ... and stands right before the box's title ("Pro tip:" is the story's)
        if not SENTENCE_END.search(pitch) or _words(pitch) > SUMMARY_MAX_WORDS:
            continue
        for j in (i - 1, i, i + 1):
            if _is_body(out, j):
                drop[j] = "boxed_call"


def _cut_off(out: Sequence[LabelledBlock], kept: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a small unsure segment that non-body blocks (or a card) cut off the story."""
    sure = [i for i in kept if out[i].score >= SURE]
    if not sure:
        return

    def cut(lo: int, hi: int) -> bool:  # enough non-body blocks (or cards) between lo and hi
        gap = sum(not _is_body(out, j) or drop.get(j) == "embedded_card" for j in range(lo, hi))
        return gap >= CUT_OFF_GAP

    tail = [i for i in kept if i > sure[-1]]
    head = [i for i in kept if i < sure[0]]
    for segment, reason in ((tail, "unsure_tail"), (head, "unsure_head")):
        if not segment or len(segment) > CUT_OFF_MAX_BLOCKS:
            continue
        lo, hi = (
            (sure[-1] + 1, segment[0]) if reason == "unsure_tail" else (segment[-1] + 1, sure[0])
        )
        label_first = reason == "unsure_tail" and bool(
            LABEL_LINE.match(out[sure[-1] + 1].block.text) and _is_short_line(out[sure[-1] + 1])
        )
        if cut(lo, hi) or label_first:
            for i in segment:
                drop[i] = reason


def _comment_thread(
    out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]
) -> None:
    """Cut the body where a comment thread starts: after the first sure paragraph, the first
    of at least THREAD_MIN_POSTS time stamps of one shape inside the body's span. Comments
    read like prose, so sure blocks go too."""
    sure = [i for i in body if out[i].score >= SURE]
    if not sure:
        return
    stamps: list[tuple[int, str]] = []
    span = range(sure[0] + 1, body[-1])
    markers: Counter[str] | None = None  # counted at the first time stamp (most pages: none)
    for i in span:
        text = out[i].block.text.strip()
        if not CLOCK.search(text) or _words(text) > STAMP_MAX_WORDS:
            continue
        if markers is None:
            markers = Counter(
                out[k].block.text.strip()
                for k in span
                if _words(out[k].block.text) <= MARKER_MAX_WORDS
            )
        marked = any(  # a post's name or "Reply" next to it, repeated
            markers[out[j].block.text.strip()] >= THREAD_MIN_POSTS
            and not CLOCK.search(out[j].block.text)
            for j in range(max(0, i - MARKER_REACH), min(len(out), i + MARKER_REACH + 1))
            if j != i and _words(out[j].block.text) <= MARKER_MAX_WORDS
        )
        if _words(text) >= STAMP_MIN_WORDS or marked:
            stamps.append((i, DIGITS.sub("0", text)))
    shapes = Counter(shape for _, shape in stamps)
    posts = [i for i, shape in stamps if shapes[shape] >= THREAD_MIN_POSTS]
    if len(posts) < THREAD_MIN_POSTS:
        return
    for i in body:
        if i > posts[0]:
            drop[i] = "comment_thread"


def _repeated_runs(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop runs of body blocks that the page shows again outside the body: a feed or a
    carousel of teasers printed twice (a story's paragraphs are printed once)."""
    outside: set[str] = set()
    for lb in out:
        if lb.label is not Label.ARTICLE:
            outside.add(lb.block.text.strip())
    shown_twice = [
        i
        for i in body
        if _words(out[i].block.text) >= REPEATED_MIN_WORDS and out[i].block.text.strip() in outside
    ]
    runs: list[list[int]] = []
    for i in shown_twice:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) >= REPEATED_RUN_MIN:
            for i in run:
                drop[i] = "repeated_run"


def _teaser_lists(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a list of teasers at either edge of the body: at least TEASER_MIN_UNITS units in a
    row of a few short lines, one of them headline-like, over exactly one summary paragraph
    (a story's sections have several paragraphs, or no headline line). The line right under
    a kicker is the headline ("Can It Really Do That?"); the next kicker closes a unit whose
    summary is only a short line ('Thanks, "Quo Vadis."')."""
    kept = [i for i in body if i not in drop]
    units: list[list[int]] = []
    lines: list[int] = []
    for i in kept:
        text = out[i].block.text.strip()
        under_kicker = (
            bool(lines)
            and _is_kicker(out[lines[0]].block.text)  # (the first test alone, most often)
            and all(_is_kicker(out[j].block.text) for j in lines)
        )
        if SENTENCE_END.search(text) and _words(text) >= PROSE_MIN_WORDS and not under_kicker:
            if (  # the length first: _headed reads every line (quadratic on long runs)
                len(lines) <= TEASER_MAX_LINES
                and _headed(out, lines)
                and _words(text) <= SUMMARY_MAX_WORDS
            ):
                units.append([*lines, i])
            else:
                units.append([])  # a paragraph that is no summary breaks the list
            lines = []
        elif _is_kicker(text) and len(lines) <= TEASER_MAX_LINES and _headed(out, lines):
            units.append(lines)  # the next kicker closes a unit whose summary is a short line
            lines = [i]
        else:
            lines.append(i)
    runs: list[list[list[int]]] = [[]]
    for unit in units:
        if unit:
            runs[-1].append(unit)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if len(run) < TEASER_MIN_UNITS:
            continue
        first, last = run[0][0], run[-1][-1]
        tail = [i for i in kept if i > last]
        if first == kept[0] or all(_words(out[i].block.text) <= SHORT_MAX_WORDS for i in tail):
            for unit in run:
                for i in unit:
                    drop[i] = "teaser_list"


def _headed(out: Sequence[LabelledBlock], lines: Sequence[int]) -> bool:
    """The lines above a teaser's summary hold a kicker and a headline."""
    return any(
        HEADLINE_MIN_WORDS <= _words(out[j].block.text) <= HEADLINE_MAX_WORDS for j in lines
    ) and any(_is_kicker(out[j].block.text) for j in lines)


def _is_kicker(text: str) -> bool:
    """A section label over a teaser, in capitals: "REINDEER GAMES", "DIGG PICKS | AFFILIATE"."""
    return text.isupper() and sum(c.isalpha() for c in text) >= 3


def _related_label(text: str) -> bool:
    low = text.strip().lower()
    if low in RELATED_LABELS:
        return True  # below: LABEL_TRIM cuts a tail, so a label must start the line (cheap test)
    return low.startswith(RELATED_PREFIXES) and LABEL_TRIM.sub("", low) in RELATED_LABELS


def _headline_shaped(text: str) -> bool:
    """A short line that reads like a story's headline: no sentence end, few words."""
    text = text.strip()
    return _short_text(text) and not SENTENCE_END.search(text) and not NUMBERED.match(text)


def _short_text(text: str) -> bool:
    """A line no longer than a headline, in words (or characters, in a script written
    without spaces: a Chinese paragraph is one "word", and one that ends a sentence is no
    headline)."""
    if not 0 < _words(text) <= HEADLINE_MAX_WORDS:
        return False
    if WIDE.search(text):
        return len(text) <= WIDE_HEADLINE_MAX_CHARS and not _prose(text)
    return len(text) <= HEADLINE_MAX_CHARS


def _related_links(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a box of links to other stories inside the body: a label line (body text or not),
    then headline-shaped lines up to the next real paragraph (or anything else); the label
    and the body lines among them go, sure or not, unless all of them are sure."""
    sure = [i for i in body if out[i].score >= SURE]
    if not sure:
        return
    blanks = any(lb.block.blank_before for lb in out)  # paragraphs stand apart: a list's
    # lines do not, so a short line that ends a sentence may be one of its headlines
    for i in range(max(0, body[0] - RELATED_MAX_LINES - 1), body[-1]):
        if not _related_label(out[i].block.text):
            continue
        head = i < body[0]  # above the story: the box ends where it starts
        if not head and i <= sure[0]:
            continue
        run: list[int] = []
        j = i + 1
        while j < len(out) and not _related_label(out[j].block.text):
            text = out[j].block.text
            listed = blanks and bool(run) and not out[j].block.blank_before
            short = _short_text(text.strip())
            if not (_headline_shaped(text) or (short and (listed or not blanks))):
                break
            run.append(j)
            j += 1
            if len(run) > RELATED_MAX_LINES and (blanks or _headline_shaped(text)):
                break  # too long for a box whatever follows (stop: linear, same result)
        while not blanks and run and not _headline_shaped(out[run[-1]].block.text):
            run.pop()  # without blank lines, a headline ends the box (a headline inside it
            # may end a sentence: 'Video shows rescue: "We got her!"'; the story's may too)
        if not run or len(run) > RELATED_MAX_LINES:
            continue
        if head and not any(_is_body(out, k) for k in range(j, len(out))):
            continue  # the story must follow the box
        after = run[-1] + 1 if run else j
        card = len(run) <= CARD_MAX_LINES and _sure(out, after) and _prose(out[after].block.text)
        if not card and all(_sure(out, k) for k in (i, *run)):
            continue  # the classifier doubts none of them: a "See also" section of the story
            # (a label over one or two headlines with the story's prose right after them is
            # a card inside it, sure or not)
        for k in (i, *run):
            if _is_body(out, k):
                drop[k] = "related_links"


def _read_more_cards(
    out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]
) -> None:
    """Drop a teaser card closed by a "Read more" button inside the story: a headline-shaped
    line (body text or not), at most one summary paragraph, the button; sure body text before
    and after it."""
    sure = [i for i in body if out[i].score >= SURE]
    if not sure:
        return
    for i in body:
        if not sure[0] < i < sure[-1] or drop.get(i, "related_links") != "related_links":
            continue  # a "Read more" label over headlines may close a card as well
        low = out[i].block.text.strip().lower()
        if not low.startswith(READ_MORE_PREFIXES) or LABEL_TRIM.sub("", low) not in READ_MORE:
            continue  # (the trimmed line is a prefix of it: the cheap test first)
        if _words(out[i - 1].block.text) <= SUMMARY_MAX_WORDS and _headline_shaped(
            out[i - 2].block.text
        ):
            card = [i - 2, i - 1, i]
        elif _headline_shaped(out[i - 1].block.text):
            card = [i - 1, i]
        else:
            continue
        if card[0] <= sure[0]:
            continue  # the card stands inside the story, after its first sure paragraph
        for k in card:
            if _is_body(out, k):
                drop[k] = "read_more_card"


def _glued_labels(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a body line that glues a related-story label to a headline ("Read more: Ferry
    fares rise again", "SEE MORE: ...") when the page prints that headline again as a line
    of its own (in a related box or a feed): a link to another story. Without the second
    copy such a line stays: several sites' gold counts "Read more: ..." as the article's."""
    shown: set[str] | None = None
    for i in body:
        if i in drop:
            continue
        text = out[i].block.text.strip()
        match = GLUED_LABEL.fullmatch(text) if GLUE_MARK.search(text, 0, 48) else None
        if not match or not _related_label(match.group(1)):
            continue
        headline = _norm(match.group(2))
        if not _headline_shaped(headline):
            continue
        if shown is None:  # the page's lines, once, when a glued label is there
            shown = {_norm(lb.block.text) for lb in out}
        if headline in shown:
            drop[i] = "glued_label"


def _prose(text: str) -> bool:
    """A paragraph: it ends a sentence and is long enough (in words, or characters in a
    script written without spaces)."""
    text = text.strip()
    if not SENTENCE_END.search(text):
        return False
    if WIDE.search(text):
        return len(text) >= WIDE_PROSE_MIN_CHARS
    return _words(text) >= PROSE_MIN_WORDS


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _captions(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop photo captions: a short body line that ends with a photo credit ("Crowds at the
    quay (Image: Getty)") or starts as a caption's label ("Image caption ...", "Image
    copyright ..."), sure or not. A bare credit line ("(Image: Getty)", as harsh dumps split
    them) goes with the line above it when that one ends no sentence (a caption), or alone
    after a non-body block; under a sentence it stays (the caption might be a paragraph)."""
    for i in body:
        text = out[i].block.text.strip()
        if i in drop or _words(text) > CAPTION_MAX_WORDS:
            continue
        credit = CREDIT.search(text) if text.endswith((")", "）")) else None  # it ends the line
        if credit is None:
            credit = BARE_CREDIT.search(text)
        if not credit and text[:1].isascii() and text[:1] not in "iIpP":
            continue  # (CAPTION_START cannot match: the cheap test first)
        if not ((credit and credit.end() == len(text)) or CAPTION_START.match(text)):
            continue
        if credit is not None and credit.start() == 0:  # a bare credit: under its caption?
            if not _is_body(out, i - 1):
                drop[i] = "caption"
            elif _is_short_caption(out[i - 1].block.text.strip()):
                drop[i] = drop[i - 1] = "caption"
            continue  # under a paragraph: some sites count caption and credit as the story's
        drop[i] = "caption"


def _is_short_caption(text: str) -> bool:
    return 0 < _words(text) <= CAPTION_MAX_WORDS and not SENTENCE_END.search(text)


def _far_tail(out: Sequence[LabelledBlock], kept: Sequence[int], drop: dict[int, str]) -> None:
    """Drop the body's last stretch when it stands at the very end of the page, at least
    FAR_GAP non-body blocks after the rest of the body, with fewer sure blocks than the rest:
    a cookie or consent notice, a site's blurb or a disclaimer printed after the footer
    (they read like prose, so sure or not). A story at the end of its page, after a promo,
    holds most of the page's sure paragraphs and stays."""
    if not kept or len(out) - 1 - kept[-1] > PAGE_END_BLOCKS:
        return
    start = len(kept) - 1
    while start > 0 and kept[start] - kept[start - 1] - 1 < FAR_GAP:
        start -= 1
    if start == 0:
        return  # one stretch: the body itself
    tail, rest = kept[start:], kept[:start]
    if sum(_sure(out, i) for i in tail) < sum(_sure(out, i) for i in rest):
        for i in tail:
            drop[i] = "far_tail"


def _author_bio(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop an author's bio box at the body's end, sure or not: "About <Name>" ("Über ...",
    "Sobre ...", or the label and the name on two lines, as harsh dumps split them) over one
    paragraph that names that person, and no body paragraph after it. A generic "About the
    author" label stays (some sites' articles end with it)."""
    kept = [i for i in body if i not in drop]
    for n, i in enumerate(kept):
        text = out[i].block.text.strip()
        if text[:1].isascii() and text[:1] not in "aAsS":
            continue  # (ABOUT cannot match: the cheap test first)
        match = ABOUT.fullmatch(text)
        if not match:
            continue
        name, bio_at = (match.group("name") or "").strip(), n + 1
        if not name and n + 1 < len(kept) and kept[n + 1] == i + 1:
            name, bio_at = out[i + 1].block.text.strip(), n + 2  # "Sobre" / "Carlos Nadalim"
        if not NAME.fullmatch(name) or bio_at >= len(kept) or kept[bio_at] != kept[bio_at - 1] + 1:
            continue
        bio = out[kept[bio_at]].block.text
        if _words(bio) > BIO_MAX_WORDS or name.split()[-1] not in bio:
            continue
        after = kept[bio_at + 1 :]
        if any(SENTENCE_END.search(out[j].block.text.strip()) for j in after):
            continue  # the story goes on: not its end
        for j in kept[n:]:
            drop[j] = "author_bio"


def _datelines(out: Sequence[LabelledBlock], body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop the story's dateline from the body's first blocks, sure or not: a short line
    that ends no sentence and is mostly a date ("Publié le 3 mars 2026 à 14h05, mis à jour
    à 16h40", "Veröffentlicht am 03.03.2026 um 14:05 Uhr")."""
    kept = [i for i in body if i not in drop][:DATELINE_REACH]
    for i in kept:
        text = out[i].block.text.strip()
        if _words(text) > DATELINE_MAX_WORDS or SENTENCE_END.search(text):
            continue
        dates = find_dates(text)
        if not dates:
            continue
        rest = (text[: dates[0].start] + " " + text[dates[0].end :]).split()
        words = [w for w in rest if not DIGITS.search(w) and any(c.isalpha() for c in w)]
        if len(words) <= DATELINE_REST_MAX_WORDS:
            drop[i] = "dateline"
