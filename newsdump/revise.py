"""Context-sensitive revision of the labels (jusText's second pass). Pure.

The block classifier scores every block; some structures inside or around the article's run
pass its threshold although their neighbours give them away. Only blocks the classifier is
unsure about (score below `SURE`; a card's blocks below `CARD_SURE`) are ever revised:

- an *embedded card*: right after a sure body paragraph, a headline-like block and one
  summary paragraph, both less than `CARD_SURE`, followed by a block that is not body text or
  by a short line in which the related story's source and author are flattened together
  ("Harbour TimesTomas Reyes"), which goes with the card;
- a *boxed call to action*: a short title line (or a non-body block), one unsure paragraph
  and a button of at most `BUTTON_MAX_WORDS` words ("Sign up") inside the body;
- *short lines*: one or two short blocks that end no sentence ("Support us", "This audio is
  created with AI assistance") at the edge of the body or next to a non-body block (a
  subheading between paragraphs stays; longer runs are lists or tables and stay);
- an *unsure tail* (or head): at most three unsure body blocks that non-body blocks cut off
  from the last (first) sure paragraph: a donation appeal after the byline box, a promo
  above the lede; after the last sure paragraph a short "label: value" line ("Author: Ann
  Lee") cuts off what follows as well;
- a *repeated run*: two or more consecutive body blocks that the page shows again outside
  the body (a feed or a carousel printed twice), sure or not;
- a *teaser list* at the body's edge: three or more units in a row of a few short lines (a
  kicker in capitals and a headline among them) over exactly one summary paragraph, sure or
  not (a listicle's items have no kickers); the line under a kicker is its headline even if
  it ends a sentence, and the next kicker closes a unit whose summary is only a short line;
- a *related-links box*: after the first sure paragraph, a label line ("Related articles",
  "Read more", "Lesen Sie auch", "Zobacz też", "À lire aussi", "相关新闻", …) and the short
  headline-shaped lines after it up to the next real paragraph go, sure or not (the label
  says what they are), unless the classifier is sure of every one of them (a "See also"
  section of the story) and they are not a card: a label over one or two headlines with
  the story's sure prose right after them; a numbered line ("5. Beware") is the story's own
  and ends the box; in a script written without spaces, a line that ends a sentence (30+
  characters) or runs past 60 characters is a paragraph, not a headline;
- a *read-more card*: inside the story, a headline-shaped line, at most one summary
  paragraph and a "Read more" button ("Read now", "Weiterlesen", "Lire la suite", …), sure
  or not;
- a *comment thread*: from the first of several time stamps of one shape ("2 days ago at
  07:52 am") after the first sure paragraph, everything goes, sure or not;
- a *dateline* among the body's first three blocks: a short line that ends no sentence and
  is a date with at most six words beside it ("Publié le 3 mars 2026 à 14h05, mis à jour à
  16h40"), sure or not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import compress, filterfalse
from operator import attrgetter

import numpy as np
import numpy.typing as npt

from newsdump.dates import find_dates
from newsdump.document import Label, LabelledBlock
from newsdump.lang import WIDE

try:  # the blocks' facts compiled (newsdump/_revise.c), when the install built it
    from newsdump import _revise
except ImportError:  # pragma: no cover - depends on the install
    _revise = None  # type: ignore[assignment]

NOT_STORIES = frozenset({"caption", "author_bio", "far_tail", "dateline"})  # reasons of blocks
# taken out of the body that are page furniture, not another story (split's feed leaves them alone)
HINTS_MIN_BLOCKS = 2000  # a page this long: some rules find their candidates with arrays, not loops
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
# ... or before an agency's or author's tag that closes a paragraph: "... ausgeschildert. (dpa/kaw)"
TAGGED_END = re.compile(r"[.!?…。！？][\"'”’»]*\s+\([\w/.,& -]{1,24}\)$")
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
        *("related article", "related story", "recommended reading", "related post"),
        *("leggi pure", "vedi anche", "guarda anche", "correlati"),
        *("leia mais", "leia ainda", "saiba mais", "confira também", "veja mais"),
        *("matérias relacionadas", "lea también", "lea además", "lee además", "zie ook"),
        *("lees verder", "ook interessant", "meer over dit onderwerp", "gerelateerde artikelen"),
        *("čtěte též", "související články", "mohlo by vás zajímat", "čítajte aj", "čítajte tiež"),
        *("prečítajte si aj", "prečítajte si tiež", "súvisiace", "súvisiace články"),
        *("mohlo by vás zaujímať", "читайте ещё", "читайте еще", "ещё по теме", "еще по теме"),
        *("материалы по теме", "похожие новости", "дивіться також", "по темі"),
        *("читайте ще", "схожі новини", "läs mer", "relaterade artiklar", "relaterat"),
        *("læs også", "læs mere", "relaterede artikler", "citește și"),
        *("citeste si", "vezi și", "vezi si", "articole similare", "ayrıca okuyun"),
        *("benzer haberler", "bunlar da ilginizi çekebilir", "ilginizi çekebilir"),
        *("weitere artikel", "passend zum thema", "lire également", "à voir aussi"),
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


def _by_head(labels: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The labels by their first two characters: a text starts with one of them exactly where
    it starts with one of those under its own first two (every label has two or more)."""
    heads: dict[str, tuple[str, ...]] = {}
    for label in sorted(labels):
        heads[label[:2]] = (*heads.get(label[:2], ()), label)
    return heads


RELATED_BY_HEAD = _by_head(RELATED_LABELS)  # (`str.startswith` tries each prefix of a tuple)
READ_MORE_BY_HEAD = _by_head(READ_MORE)
RELATED_HEADS = frozenset(label[:2] for label in RELATED_LABELS)  # what a line must start with
READ_MORE_HEADS = frozenset(label[:2] for label in READ_MORE)  # ... (every label has 2 or more)
# ... and what a line whose first two characters are not ASCII must start with once lower-cased
# (`text.lower()` starts with its first character's lower case, whose first character
# `str.lower` of that one alone gives: a line that starts with a quote or a dash is no label)
RELATED_FIRSTS = "".join(sorted({label[0] for label in RELATED_LABELS}))
READ_MORE_FIRSTS = "".join(sorted({label[0] for label in READ_MORE}))
NUMBERED = re.compile(r"\d+[.)] ")  # "5. Beware the hairdryer": a listicle's item, the story's
RELATED_MAX_LINES = 8  # a longer run of short lines after a label is a list in the story
CARD_MAX_LINES = 2  # a related card's headlines (and kicker) between two paragraphs of the story
WIDE_PROSE_MIN_CHARS = 30  # a paragraph in a script written without spaces
HEADLINE_MAX_CHARS = 160  # a headline's characters (a long line without a sentence end is
WIDE_HEADLINE_MAX_CHARS = 60  # ... no headline); in a script written without spaces, fewer
WIDE_HEADLINE_MIN_CHARS = 6  # ... and at least this many
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
    r"|photo credit|visualisierung|grafik|illustration) ?[:.])\s?(?:[\w’'-]+ ?[/,]? ?){1,8}",
    re.IGNORECASE,
)
# ... or a credit printed as a line of its own, as harsh dumps split it from the caption: "Foto:
# Julia Sommer für den Wochenspiegel", "© Antoine Girard pour L'Hebdo", "Visualisierung: Stadt"
LINE_CREDIT = re.compile(
    r"(?:©\s?(?:photo|foto)?|(?:foto|fot|photo|bild|image|zdjęcie|crédit photo|photo credit"
    r"|visualisierung|grafik|illustration)\s?[:.])\s?(?:[\w’'-]++ ?[/,]? ?){1,8}"
    # Korean: "한강일보 자료사진", "사진=연합뉴스"
    r"|(?:\w+\s)?자료\s?사진|사진\s?=\s?\w[\w ]{0,30}",
    re.IGNORECASE,
)
# ... or an agency and a photographer after the caption's last sentence: "... la Servette.
# Keystone/Salvatore Di Nolfi", "... 2019. REUTERS/Ann Lee" (not "Chang W. Lee/The Times")
_SLASH = (
    r"[A-ZÀ-Þ][\w-]*(?: [A-ZÀ-Þ][\w-]*)?/[A-ZÀ-Þ][\w’'-]*(?: [A-ZÀ-Þ][\w’'-]*){0,3}"
    r"(?:/[A-Z][\w ]{0,20})?"
)
SLASH_CREDIT = re.compile(r"(?<=[a-zß-ÿ0-9][.!?…] )" + _SLASH)
LINE_SLASH_CREDIT = re.compile(_SLASH)  # ... a line of its own: "Keystone/Salvatore Di Nolfi"
YEAR = re.compile(r"(?:19|20)\d\d")
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
BIO_NAME = re.compile(r"((?:[A-ZÀ-ÞĀ-Ž][\w'’-]+ ){1,3}[A-ZÀ-ÞĀ-Ž][\w'’-]+) [a-zß-ÿ]")
BARE_BIO_MAX_WORDS = 50
BYLINE_CUE = r"\b(?:by|von|par|de|por|di|door|od|av|af)\s+"  # "Ein Essay von <name>"
# ... alone: a line where it matches nowhere holds no byline, whatever the name (the pattern
# with the name is compiled per page: only once a line holds the cue)
BYLINE_CUES = re.compile(BYLINE_CUE, re.IGNORECASE)
BIO_MAX_WORDS = 150  # an author's bio is a paragraph
DATELINE_REACH = 3  # the body's first blocks, where the story's dateline may have slipped in
DATELINE_MAX_WORDS = 12
DATELINE_REST_MAX_WORDS = 6  # words beside the date and times: "Publié le", "mis à jour à"
GLUE_MARK = re.compile(r"[:：|»›>→–—]")
GLUED_LABEL = re.compile(r"(.{2,40}?)\s*[:：|»›>→–—]\s*(\S.*)")  # "Read more: <headline>"
LABEL_ENDS = re.compile(r"\s+|[:：|»›>→–—]")  # where a label at a line's start may end
CARD_MARK = re.compile(r"[:：|»›>→–—]")  # ... a mark after it: "Read more: <headline>"
LABEL_MAX_CHARS = 48  # a label is a few words
GLUED_CARD_MAX_WORDS = HEADLINE_MAX_WORDS + 6  # ... and a headline after it
LABEL_LEAD = re.compile(r"^[\s:：.…»›>→|–—-]+")  # LABEL_TRIM at the start
QUOTE_OPENERS = "\"'“‘«„"  # a headline may start with a quote
QUOTE_CLOSERS = "\"'”’»“"  # ... and a quotation ends with one
# a new sentence after a sentence end: "Pilots warn of fog. Crews wait"
_SENTENCE_BREAK = r"[.!?…。！？][\"'”’»)\]]*\s+[\"'“‘«„]?[A-ZÀ-ÞĀ-Ž0-9]"  # (see _lazy)
CLAUSE_MARK = re.compile(r"[,;:]")  # a headline that ends with "." is one clause, without these
BRACKETS = {"(": ")", "[": "]", "（": "）", "【": "】"}  # around a card: "(Related: X)"


_PAYWALL = (
    r"réservée? aux abonnés|for subscribers only|(?:available|reserved) (?:only )?(?:to|for) "
    r"subscribers|nur für abonnenten|(?:ist|sind) abonnenten vorbehalten|tylko dla "
    r"(?:prenumeratorów|subskrybentów)|(?:solo|sólo|exclusivo) para (?:suscriptores|assinantes)"
    r"|riservat[oa] agli abbonati|alleen voor abonnees"
)
# where the story is over: the comments' header ("Kommentare (7)", "Comments", "评论 18") or
# the story's copyright line ("© Agence France-Presse", "저작권자 © 한강일보 무단전재 ...")
_STORY_END = (  # (STORY_END's source: the pattern compiled when first asked for, see _lazy)
    r"(?:(?:comments?|kommentare?|komentarze?|commentaires?|commenti|comentarios|comentários"
    r"|reacties|komentáře|комментарии|评论|評論|留言|댓글|コメント)\s*(?:\(\d+\)|\d+|[:：])?"
    r"|(?:[^\W\d_]{1,8}\s*)?(?:©|\(c\)|copyright\b)\s?(?!\s*(?:photo|foto)\b)[^\n]{2,80}"
    # ... or a notice that forbids reprinting it: "本文为作者原创，转载请注明出处。"
    r"|[^\n]{0,30}(?:转载|轉載|版权所有|版權所有|무단\s?전재|無断転載)[^\n]{0,30}"
    # ... or at the paywall: "La suite est réservée aux abonnés.", "Ten artykuł jest dostępny
    # tylko dla prenumeratorów."
    rf"|[^\n]{{0,90}}(?:{_PAYWALL})[^\n]{{0,90}})"
)
STORY_END_MAX_WORDS = 16
_STORY_END_ALTERNATIVES = _STORY_END[3:-1]  # (?:A|B|C|D) -> A|B|C|D
_STORY_END_SPLIT = _STORY_END_ALTERNATIVES.index(r"|[^\n]{0,30}")
# STORY_END.fullmatch(t) is STORY_END_HEAD.fullmatch(t) or STORY_END_TAIL.fullmatch(t) (a match
# of the alternation is one of an alternative); the tail (reprint notice, paywall) scans the
# line again at every length of its [^\n]{0,90}: it runs only where its words stand
STORY_END_HEAD = re.compile("(?:" + _STORY_END_ALTERNATIVES[:_STORY_END_SPLIT] + ")", re.I)
STORY_END_TAIL = re.compile("(?:" + _STORY_END_ALTERNATIVES[_STORY_END_SPLIT + 1 :] + ")", re.I)
REPRINT_WORDS = ("转载", "轉載", "版权所有", "版權所有", "무단", "無断転載")  # no case: literal
PAYWALL = re.compile(_PAYWALL, re.IGNORECASE)
# what a LINE_CREDIT match without "사진" starts with (its first letters, in any case)
LINE_CREDIT_FIRST = "©fFpPbBiIİızZcCvVgG"
# what every paywall phrase holds, lower-cased: the test of an ASCII line (an ASCII character
# matches a pattern's letter ignoring case exactly where its lower case is that letter's)
PAYWALL_WORDS = ("subscri", "abonn", "tylko dla", "para ", "abbonati")
# how the ASCII words of a comments header start (comments, kommentare, komentarze,
# commentaires, commenti, comentarios, reacties)
COMMENTS_ASCII_STARTS = ("comm", "komm", "kome", "come", "reac")
# what a comments header's words start with but "c", ignoring case as STORY_END_HEAD does
# (the Kelvin sign is a "k"): komentarze, kommentare, komentáře, reacties, комментарии, 评论 ...
HEAD_FIRSTS = "kK\u212arRкК评評留댓コ"
# what a line that is not ASCII holds where STORY_END can match it (the fact): "c" in any case
# or "©" (the head but for HEAD_FIRSTS), a reprint notice's first character, or one of the four
# characters that match an ASCII letter ignoring case but lower onto none alone (İ, ı, ſ, K);
# or the words of an ASCII line's test, their ASCII letters in any case
STORY_END_CHARS = "cC©转轉版무無\u0130\u0131\u017f\u212a"
STORY_END_ASCII = re.compile(
    "^(?:" + "|".join(COMMENTS_ASCII_STARTS) + r")|\(c\)|copyright|" + "|".join(PAYWALL_WORDS),
    re.IGNORECASE | re.ASCII,
)
ABOUT_HEADS = ("ab", "ac", "a ", "so")  # ABOUT's words' first two letters, in ASCII
ABOUT_FIRSTS = "ÀÜàüſ"  # ... and the first letters not ASCII that match them ignoring case (the
# second is ASCII: "b", "c", " ", "o" match no other)


SENTENCE_END_CHARS = tuple(".!?…。！？")  # SENTENCE_END: one of these, then closers
SENTENCE_CLOSERS = "\"'”’»)]"


def _ends_sentence(text: str) -> bool:
    """``SENTENCE_END.search(text) is not None`` without a scan of the text: a sentence end,
    then closers, at the end (or before a last line break: the pattern's "$")."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.rstrip(SENTENCE_CLOSERS).endswith(SENTENCE_END_CHARS)


def _wide(text: str) -> bool:
    """``WIDE.search(text) is not None`` (its characters are none of ASCII's)."""
    return not text.isascii() and WIDE.search(text) is not None


def _has_year(text: str) -> bool:
    """``YEAR.search(text) is not None`` (a year starts with "19" or "20")."""
    return ("19" in text or "20" in text) and YEAR.search(text) is not None


def _after_sentence(text: str) -> bool:
    """Whether a sentence mark and a space stand in `text`: BARE_CREDIT and SLASH_CREDIT
    match only after one (their lookbehinds)."""
    return ". " in text or "! " in text or "? " in text or "… " in text


def _line_credit_match(text: str) -> re.Match[str] | None:
    """``LINE_CREDIT.fullmatch(text) or LINE_SLASH_CREDIT.fullmatch(text)``, each only where
    it can match: LINE_CREDIT starts with "©" or a word (ignoring case, as the pattern
    does: "İ" and "ı" match "i") or holds "사진"; LINE_SLASH_CREDIT holds a "/"."""
    credit = None
    if text[:1] in LINE_CREDIT_FIRST or "사진" in text:
        credit = LINE_CREDIT.fullmatch(text)
    if credit is None and "/" in text:
        credit = LINE_SLASH_CREDIT.fullmatch(text)
    return credit


def _story_end_line(text: str) -> bool:
    """``STORY_END.fullmatch(text) is not None``: each half of its alternation only where the
    line holds its words. An ASCII line (whose letters match the pattern's ignoring case
    exactly where their lower case is the pattern's) starts with a comments header's word or
    holds "(c)" or "copyright" (the head), or holds a paywall phrase's word (the tail: the
    reprint notices are in scripts without case, none of ASCII)."""
    if text.isascii():
        low = text.lower()
        if (
            low.startswith(COMMENTS_ASCII_STARTS) or "(c)" in low or "copyright" in low
        ) and STORY_END_HEAD.fullmatch(text):
            return True
        if not any(word in low for word in PAYWALL_WORDS):
            return False
        return STORY_END_TAIL.fullmatch(text) is not None
    if STORY_END_HEAD.fullmatch(text):
        return True
    if not any(word in text for word in REPRINT_WORDS) and not _paywall(text):
        return False
    return STORY_END_TAIL.fullmatch(text) is not None


def _paywall(text: str) -> bool:
    """``PAYWALL.search(text) is not None``: only where the text lower-cased holds a word of
    every paywall phrase (PAYWALL_WORDS). Ignoring case, the pattern's ASCII letters match
    their two cases and "İ", "ı" ("i"), "ſ" ("s"), the Kelvin sign ("k") alone; `str.lower`
    lowers all but "ı" and "ſ" onto them (and "İ" onto "i" and a dot, which ends no word of
    PAYWALL_WORDS), so a text with those two is searched."""
    if "ı" not in text and "ſ" not in text:
        low = text.lower()
        if not any(word in low for word in PAYWALL_WORDS):
            return False  # (no phrase can match: the cheap test first)
    return PAYWALL.search(text) is not None


# what the rules read of a block's stripped text before anything else, once per page (the
# tests a rule runs first, or that its pattern needs; `_text_facts`): a rule looks only at the
# blocks with its fact. Of every block:
FACT_RELATED = 1  # its first two characters lower-cased are one of RELATED_HEADS, or are not
# ASCII and its first lower-cased starts with one of RELATED_FIRSTS
FACT_CLOCK = 32  # CLOCK finds a time in it
FACT_ENDS = 128  # _ends_sentence
FACT_LABEL = 1024  # FACT_RELATED, its first three characters not ASCII or lower-cased a label's
# first three, and no longer than a label once LABEL_TRIM cut its tail
FACT_OUTSIDE = 2048  # outside the body, and REPEATED_MIN_WORDS words or more
# ... of a body block only (the rules that read these look at no other):
FACT_READ_MORE = 2  # ... one of READ_MORE_HEADS (READ_MORE_FIRSTS), and no longer than a button
# once trimmed
FACT_GLUE = 4  # FACT_GLUED_CARD, and GLUE_MARK finds a mark in its first LABEL_MAX_CHARS
# characters (`_glued_labels` reads only such lines)
FACT_GLUED_CARD = 8  # FACT_RELATED and its first three characters not ASCII or lower-cased a
# label's first three (as FACT_LABEL, at any length), or brackets hold it (`_unbracketed`)
FACT_CAPTION = 16  # CAPTION_MAX_WORDS words at most, and `_captions` may find a credit in it
# (BARE_CREDIT's head after a sentence, a "/" with SLASH_CREDIT's head or _SLASH's first letter,
# ...) or a caption's label (CAPTION_HEAD): a paragraph's ". In", ". But" are no credit's
FACT_ABOUT = 64  # it may start as ABOUT: "ab", "ac", "a ", "so", or one of ABOUT_FIRSTS
FACT_KICKER = 256  # _is_kicker
FACT_STORY_END = 512  # STORY_END_MAX_WORDS words at most and with a word of STORY_END's
# (`_story_end_line`'s test of an ASCII line; of another, STORY_END_CHARS or HEAD_FIRSTS)
BLOCK_FACTS = FACT_RELATED | FACT_CLOCK | FACT_ENDS | FACT_LABEL | FACT_OUTSIDE
FACT_BITS = 12
# where `_facts` lists the blocks with each fact (`flagged[AT_...]`)
AT_CLOCK, AT_LABEL, AT_OUTSIDE = (
    f.bit_length() - 1 for f in (FACT_CLOCK, FACT_LABEL, FACT_OUTSIDE)
)
AT_READ_MORE, AT_GLUE, AT_GLUED_CARD = (
    f.bit_length() - 1 for f in (FACT_READ_MORE, FACT_GLUE, FACT_GLUED_CARD)
)
AT_CAPTION, AT_ABOUT, AT_KICKER = (
    f.bit_length() - 1 for f in (FACT_CAPTION, FACT_ABOUT, FACT_KICKER)
)
AT_STORY_END = FACT_STORY_END.bit_length() - 1
UNLISTED = FACT_RELATED | FACT_ENDS  # `_facts` lists no blocks of these (`having` can't find them)
# LABEL_TRIM's class: str.isspace's characters (re's \s) and the marks
TRIMMED = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
TRIMMED += "\u2028\u2029\u202f\u205f\u3000:：.…»›>→|–—-"
RELATED_MAX_CHARS = max(map(len, RELATED_LABELS))
READ_MORE_MAX_CHARS = max(map(len, READ_MORE))
# BARE_CREDIT's lookbehind and the first letter of its credit (as LINE_CREDIT's: the same words)
CREDIT_AFTER_SENTENCE = re.compile("[.!?…] [" + re.escape(LINE_CREDIT_FIRST) + "]")
# ... and what FACT_CAPTION reads of it: the lookbehind and the first two letters of each of
# BARE_CREDIT's credits ("© ...", "Foto", "Photo", "Bild", "Image", "Zdjęcie", "Crédit",
# "Visualisierung", "Grafik", "Illustration"; ignoring case as BARE_CREDIT does, so "İl" and
# "ıl" too), where a prose paragraph's ". In", ". But", ". Police" start none
_BARE_CREDIT_HEAD = r"[.!?…] (?:©|fo|ph|bi|im|zd|cr|vi|gr|il)"  # (IGNORECASE; see _lazy)
# SLASH_CREDIT's lookbehind (but its first character) and its first letter (no case ignored)
_SLASH_CREDIT_HEAD = r"[.!?…] [A-ZÀ-Þ]"
CAPTION_HEAD = re.compile(r"(?:image|photo|picture) ", re.IGNORECASE)  # CAPTION_START's start
# the patterns compiled when first asked for (by name, or as module attributes: `revise.NAME`):
# STORY_END (its halves run in its place), and those only the Python references of the facts
# and a rare rule read; compiling them cost every run ~2 ms at import
_LAZY_SOURCES: dict[str, tuple[str, int]] = {
    "STORY_END": (_STORY_END, re.IGNORECASE),
    "SENTENCE_BREAK": (_SENTENCE_BREAK, 0),
    "BARE_CREDIT_HEAD": (_BARE_CREDIT_HEAD, re.IGNORECASE),
    "SLASH_CREDIT_HEAD": (_SLASH_CREDIT_HEAD, 0),
}


@cache
def _lazy(name: str) -> re.Pattern[str]:
    """The pattern `name` of _LAZY_SOURCES, compiled once."""
    source, flags = _LAZY_SOURCES[name]
    return re.compile(source, flags)


def __getattr__(name: str) -> re.Pattern[str]:
    """`revise.STORY_END`, `revise.SENTENCE_BREAK`, `revise.BARE_CREDIT_HEAD` and
    `revise.SLASH_CREDIT_HEAD` as before: compiled when first asked for."""
    if name not in _LAZY_SOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _lazy(name)


CAPTION_START_FIRST = "iIpPİı"  # what CAPTION_START's words start with, ignoring case
# LINE_CREDIT's first words ("Visualisierung", "crédit photo") end before this many characters,
# and the ":" or "." after them (one space between) stands before it: a line without one of
# those there (and no "©" first) is no LINE_CREDIT of that kind
CREDIT_MARK_REACH = 16


def _heads_table() -> bytes:
    """FACT_RELATED and FACT_READ_MORE of every pair of lower-case ASCII characters, at
    ``first * 128 + second`` (what newsdump/_revise.c reads)."""
    table = bytearray(128 * 128)
    for heads, fact in ((RELATED_HEADS, FACT_RELATED), (READ_MORE_HEADS, FACT_READ_MORE)):
        for head in heads:
            if head.isascii():
                table[ord(head[0]) * 128 + ord(head[1])] |= fact
    return bytes(table)


HEADS_TABLE = _heads_table()
RELATED_HEADS3 = frozenset(label[:3] for label in RELATED_LABELS)


def _heads3_table() -> bytes:
    """The ASCII ones of RELATED_HEADS3 as bits, ``first << 14 | second << 7 | third`` (what
    newsdump/_revise.c reads; every ASCII label has three characters or more)."""
    table = bytearray(128**3 // 8)
    for head in RELATED_HEADS3:
        if head.isascii():
            code = ord(head[0]) << 14 | ord(head[1]) << 7 | ord(head[2])
            table[code >> 3] |= 1 << (code & 7)
    return bytes(table)


HEADS3_TABLE = _heads3_table()


def _slash_head(text: str) -> bool:
    """``SLASH_CREDIT_HEAD.search(text) is not None`` (its sentence mark and space first)."""
    return _after_sentence(text) and _lazy("SLASH_CREDIT_HEAD").search(text) is not None


def _text_facts(text: str, words: int, body: bool) -> int:
    """The FACT_* bits of a stripped text of `words` words (of a body block: `body`)."""
    facts = FACT_OUTSIDE if not body and words >= REPEATED_MIN_WORDS else 0
    if not text:
        return facts
    head, first = text[:2], text[0]
    core = len(text.rstrip(TRIMMED))  # (a whole label is no longer)
    ascii_head = head.isascii()
    low_first = "" if ascii_head else first.lower()[:1]
    if head.lower() in RELATED_HEADS if ascii_head else low_first in RELATED_FIRSTS:
        facts |= FACT_RELATED
        head3 = text[:3]
        if not head3.isascii() or head3.lower() in RELATED_HEADS3:
            facts |= FACT_GLUED_CARD  # (a label starts it, at any length)
            if core <= RELATED_MAX_CHARS:
                facts |= FACT_LABEL
    if (
        head.lower() in READ_MORE_HEADS if ascii_head else low_first in READ_MORE_FIRSTS
    ) and core <= READ_MORE_MAX_CHARS:
        facts |= FACT_READ_MORE
    if CLOCK.search(text):
        facts |= FACT_CLOCK
    if _ends_sentence(text):
        facts |= FACT_ENDS
    if not body:
        return facts & BLOCK_FACTS
    if len(text) > 2 and text[-1] == BRACKETS.get(first):  # (`_unbracketed`)
        facts |= FACT_GLUED_CARD
    if facts & FACT_GLUED_CARD and GLUE_MARK.search(text, 0, LABEL_MAX_CHARS):
        facts |= FACT_GLUE
    lead = text[:CREDIT_MARK_REACH]
    if words <= CAPTION_MAX_WORDS and (
        (first in LINE_CREDIT_FIRST and (first == "©" or ":" in lead or "." in lead))
        or text.endswith((")", "）"))
        or ("/" in text and ("A" <= first <= "Z" or "À" <= first <= "Þ" or _slash_head(text)))
        or "사진" in text
        or _lazy("BARE_CREDIT_HEAD").search(text)
        or CAPTION_HEAD.match(text)
    ):
        facts |= FACT_CAPTION
    if head.lower() in ABOUT_HEADS if ascii_head else first in ABOUT_FIRSTS:
        facts |= FACT_ABOUT
    if _is_kicker(text):
        facts |= FACT_KICKER
    if words <= STORY_END_MAX_WORDS:
        if text.isascii():
            low = text.lower()
            hit = (
                low.startswith(COMMENTS_ASCII_STARTS)
                or "(c)" in low
                or "copyright" in low
                or any(word in low for word in PAYWALL_WORDS)
            )
        else:  # (newsdump/_revise.c's story_end_wide)
            hit = (
                first in HEAD_FIRSTS
                or any(char in text for char in STORY_END_CHARS)
                or STORY_END_ASCII.search(text) is not None
            )
        if hit:
            facts |= FACT_STORY_END
    return facts


_Facts = tuple[
    list[str], list[str], list[int], list[float], list[bool], list[int], list[int],
    tuple[list[int], ...],
]  # fmt: skip


def _facts_plain(out: Sequence[LabelledBlock]) -> _Facts:
    """The blocks' texts, stripped texts, word counts, scores, whether each is body text, the
    body's indices, their facts, and for each FACT_* bit the blocks with it (in page order;
    none for the bits of UNLISTED, which the rules read only of a block)."""
    article = Label.ARTICLE
    text = [lb.block.text for lb in out]
    strip = [t.strip() for t in text]
    words = [len(t.split()) for t in text]
    body = [lb.label is article for lb in out]
    flags = [_text_facts(t, w, b) for t, w, b in zip(strip, words, body, strict=True)]
    flagged = tuple(
        [] if 1 << bit & UNLISTED else [i for i, f in enumerate(flags) if f >> bit & 1]
        for bit in range(FACT_BITS)
    )
    body_list = [i for i, is_body in enumerate(body) if is_body]
    return text, strip, words, [lb.score for lb in out], body, body_list, flags, flagged


def _facts(out: Sequence[LabelledBlock]) -> _Facts:
    """`_facts_plain` (compiled when the extension is built)."""
    if _revise is not None:
        limits = (CAPTION_MAX_WORDS, STORY_END_MAX_WORDS, RELATED_MAX_CHARS, READ_MORE_MAX_CHARS)
        heads = (HEADS_TABLE, HEADS3_TABLE, RELATED_FIRSTS, READ_MORE_FIRSTS)
        return _revise.facts(out, Label.ARTICLE, heads, (*limits, REPEATED_MIN_WORDS))
    return _facts_plain(out)


_Pretests = tuple[list[int], list[int], list[int], list[int]]


def _pretests_plain(
    body: Sequence[bool], score: Sequence[float], words: Sequence[int]
) -> _Pretests:
    """The blocks (in page order) that pass the first tests of a few rules, from one pass over
    the page: the body blocks the classifier is sure of; `_cards`' headlines (a body block and
    the next, neither sure of being a card's, after sure text); `_boxes`' pitches (a body block
    not sure of being a card's, a short unsure button after it, sure text two blocks before
    and after it); `_short_runs`' lines (unsure short body blocks, by their words). `_boxes`
    tests each again; `_cards` and `_short_runs` read them as they are."""
    n = len(body)

    def is_body(i: int) -> bool:
        return 0 <= i < n and body[i]

    def sure(i: int) -> bool:
        return is_body(i) and score[i] >= SURE

    sure_list, cards, boxes, shorts = [], [], [], []
    for i in range(n):
        if not body[i]:
            continue
        here = score[i]
        if here >= SURE:
            sure_list.append(i)
        if (
            not here >= CARD_SURE
            and is_body(i + 1)
            and not score[i + 1] >= CARD_SURE
            and sure(i - 1)
        ):
            cards.append(i)
        if (
            not here >= CARD_SURE
            and sure(i + 2)
            and is_body(i + 1)
            and score[i + 1] < SURE
            and words[i + 1] <= BUTTON_MAX_WORDS
            and sure(i - 2)
        ):
            boxes.append(i)
        if here < SURE and words[i] <= SHORT_MAX_WORDS:
            shorts.append(i)
    return sure_list, cards, boxes, shorts


PRETEST_LIMITS = (SURE, CARD_SURE, SHORT_MAX_WORDS, BUTTON_MAX_WORDS)


def _pretests(body: list[bool], score: list[float], words: list[int]) -> _Pretests:
    """`_pretests_plain` (compiled when the extension is built and every score is a float)."""
    pretests = getattr(_revise, "pretests", None)  # (None: a build older than it)
    found = pretests(body, score, words, PRETEST_LIMITS) if pretests is not None else None
    return _pretests_plain(body, score, words) if found is None else found


class _Page:
    """What the rules read of every block, computed once per page and shared (each rule used
    to read, strip, split and test every block's text again)."""

    __slots__ = ("_arrays", "_kept", "big", "body", "body_list", "box_pitches", "card_heads",
                 "flagged", "flags", "n", "out", "score", "short_lines", "strip", "sure_list",
                 "text", "words")  # fmt: skip

    def __init__(self, out: Sequence[LabelledBlock]) -> None:
        self.out = out
        self.n = len(out)
        (self.text, self.strip, self.words, self.score, self.body, self.body_list, self.flags,
         self.flagged) = _facts(out)  # fmt: skip
        self.big = self.n >= HINTS_MIN_BLOCKS  # the arrays pay off
        self._arrays: _Arrays | None = None
        self.sure_list, self.card_heads, self.box_pitches, self.short_lines = _pretests(
            self.body, self.score, self.words
        )
        self._kept: tuple[dict[int, str], int, list[int]] | None = None  # (`kept`)

    def is_body(self, i: int) -> bool:
        return 0 <= i < self.n and self.body[i]

    def sure(self, i: int) -> bool:
        return 0 <= i < self.n and self.body[i] and self.score[i] >= SURE

    def short_line(self, i: int) -> bool:
        return self.words[i] <= SHORT_MAX_WORDS and not self.flags[i] & FACT_ENDS

    def having(self, fact: int, among: Sequence[int]) -> Sequence[int]:
        """The blocks of `among` (in page order) with the FACT_* bit `fact` (none of UNLISTED)."""
        found = self.flagged[fact.bit_length() - 1]
        if not found:
            return found  # (most facts, on most pages: no block has them)
        if among is self.body_list:
            if fact & BLOCK_FACTS:
                body = self.body
                return [i for i in found if body[i]]
            return found  # (a body block's fact)
        if type(among) is range and among.step == 1:
            return found[bisect_left(found, among.start) : bisect_left(found, among.stop)]
        flags = self.flags
        return [i for i in among if flags[i] & fact]

    def prose(self, i: int) -> bool:
        """``_prose(self.text[i])``, its sentence end read from the facts and its words counted
        already (`_words` would hash the whole paragraph for its cache)."""
        if not self.flags[i] & FACT_ENDS:
            return False
        text = self.strip[i]
        if _wide(text):
            return len(text) >= WIDE_PROSE_MIN_CHARS
        return self.words[i] >= PROSE_MIN_WORDS

    def headline_shaped(self, i: int) -> bool:
        """``_headline_shaped(self.text[i])``, a paragraph turned down by its words first."""
        return 0 < self.words[i] <= HEADLINE_MAX_WORDS and _headline_shaped(self.strip[i])

    def short_text(self, i: int) -> bool:
        """``_short_text(self.strip[i])``, a paragraph turned down by its words first."""
        return 0 < self.words[i] <= HEADLINE_MAX_WORDS and _short_text(self.strip[i])

    def short_unsure(self, i: int) -> bool:
        return self.score[i] < SURE and self.short_line(i)

    def arrays(self) -> _Arrays:
        if self._arrays is None:
            self._arrays = _Arrays(self)
        return self._arrays

    def pick(self, mask: Callable[[_Arrays], BoolArray], body: bool = True) -> Sequence[int]:
        """The blocks where `mask` holds (and, on a small page, every block of the body, or of
        the page): the rules test each again."""
        if not self.big:
            return self.body_list if body else range(self.n)
        return _indices(mask(self.arrays()))

    def kept(self, body: Sequence[int], drop: dict[int, str]) -> list[int]:
        """``[i for i in body if i not in drop]`` (of the page's body: again only when `drop`
        has grown; the rules only add to it, and change no list this returns)."""
        if body is self.body_list:
            cached = self._kept
            if cached is not None and cached[0] is drop and cached[1] == len(drop):
                return cached[2]
            kept = self._kept_of(body, drop)
            self._kept = (drop, len(drop), kept)
            return kept
        return self._kept_of(body, drop)

    def _kept_of(self, body: Sequence[int], drop: dict[int, str]) -> list[int]:
        if not drop:
            return list(body)
        if self.big and body is self.body_list:
            mask = self.arrays().body.copy()
            mask[list(drop)] = False
            return _indices(mask)
        return list(filterfalse(drop.__contains__, body))  # (a C loop: the same list)


FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


class _Arrays:
    """A page's labels, scores and word counts as arrays, to find the few blocks a rule must
    look at without a Python loop over all of them."""

    __slots__ = ("body", "score", "sure", "words")

    def __init__(self, page: _Page) -> None:
        self.body: BoolArray = np.array(page.body, dtype=bool)
        self.score: FloatArray = np.array(page.score, dtype=np.float64)
        self.words: IntArray = np.array(page.words, dtype=np.int64)
        self.sure: BoolArray = self.body & (self.score >= SURE)


def _indices(mask: BoolArray) -> list[int]:
    found: list[int] = np.flatnonzero(mask).tolist()
    return found


def revise(labelled: Sequence[LabelledBlock]) -> list[LabelledBlock]:
    """The labels again, with the structures above taken out of the body."""
    out = list(labelled)
    page = _Page(out)
    body = page.body_list
    if not body:
        return out
    drop: dict[int, str] = {}
    # (a rule runs only where its blocks may stand: each looks at no block but those of its
    # pretests' list, or of its fact's (`having`), and these are the page's whole lists)
    flagged = page.flagged
    if page.card_heads:
        _cards(page, body, drop)
    if page.box_pitches:
        _boxes(page, body, drop)
    if page.short_lines:
        _short_runs(page, body, drop)
    if flagged[AT_CLOCK]:
        _comment_thread(page, body, drop)
    if flagged[AT_OUTSIDE]:
        _repeated_runs(page, body, drop)
    if len(flagged[AT_KICKER]) >= TEASER_MIN_UNITS:  # (each unit holds a kicker of its own)
        _teaser_lists(page, body, drop)
    if flagged[AT_LABEL]:
        _related_links(page, body, drop)
    if flagged[AT_READ_MORE]:
        _read_more_cards(page, body, drop)
    if flagged[AT_GLUE]:
        _glued_labels(page, body, drop)
    if flagged[AT_GLUED_CARD]:
        _glued_cards(page, body, drop)
    if flagged[AT_CAPTION]:
        _captions(page, body, drop)
    if flagged[AT_ABOUT]:
        _author_bio(page, body, drop)
    _bare_bio(page, body, drop)
    _datelines(page, body, drop)
    if flagged[AT_STORY_END]:
        _story_end(page, body, drop)
    _far_tail(page, page.kept(body, drop), drop)
    _cut_off(page, page.kept(body, drop), drop)
    if drop:
        _relabel(out, drop)
    return out


def _relabel_plain(out: list[LabelledBlock], drop: dict[int, str]) -> None:
    """The dropped blocks of `out` relabelled boilerplate, with their reasons."""
    for i, reason in drop.items():
        lb = out[i]
        if type(lb) is LabelledBlock:  # what `replace` makes of it, without its field copying
            out[i] = LabelledBlock(lb.block, Label.BOILERPLATE, lb.score, reason)
        else:
            out[i] = replace(lb, label=Label.BOILERPLATE, reason=reason)


def _relabel(out: list[LabelledBlock], drop: dict[int, str]) -> None:
    """`_relabel_plain` (compiled when the extension is built: a page of 50,000 one-word
    lines drops 25,000 blocks; a subclass's blocks are left to `replace`)."""
    relabel = getattr(_revise, "relabel", None)  # (None: a build older than it)
    if relabel is None or not drop:
        _relabel_plain(out, drop)
        return
    for i in relabel(out, drop, LabelledBlock, Label.BOILERPLATE):
        out[i] = replace(out[i], label=Label.BOILERPLATE, reason=drop[i])


def _first_sure(page: _Page, body: Sequence[int], last: bool = False) -> int | None:
    """The first (`last`: the last) block of `body` the classifier is sure of, if any (of the
    page's body: found once)."""
    if body is page.body_list:
        sure = page.sure_list
        return (sure[-1] if last else sure[0]) if sure else None
    score = page.score
    return next((i for i in (reversed(body) if last else body) if score[i] >= SURE), None)


def _sure_of(page: _Page, body: Sequence[int]) -> list[int]:
    """The blocks of `body` the classifier is sure of."""
    score = page.score
    return [i for i in body if score[i] >= SURE]


@lru_cache(maxsize=4096)
def _words(text: str) -> int:
    return len(text.split())


def _cards(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    # (`card_heads`: a body block and the next, neither sure of being a card's; a card
    # interrupts the story: sure body text stands right before it)
    for i in page.card_heads:
        trailer = i + 2 if page.is_body(i + 2) else None
        if trailer is not None and not (
            page.short_unsure(trailer) and GLUED_NAMES.search(page.text[trailer])
        ):
            continue  # the story goes on: a subheading and its paragraph
        if (
            page.flags[i] & FACT_ENDS
            or TAGGED_END.search(page.strip[i])
            or not HEADLINE_MIN_WORDS <= page.words[i] <= HEADLINE_MAX_WORDS
        ):
            continue
        if page.words[i + 1] <= SUMMARY_MAX_WORDS:
            drop[i] = drop[i + 1] = "embedded_card"
            if trailer is not None:
                drop[trailer] = "embedded_card"


def _short_runs(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    if page.big and body is page.body_list:
        _short_runs_arrays(page, body, drop)
        return
    runs: list[list[int]] = []
    flags = page.flags  # (`short_lines`: unsure body blocks of SHORT_MAX_WORDS words at most)
    for i in page.short_lines:
        if i in drop or flags[i] & FACT_ENDS:
            continue  # (`short_unsure`: the rest of `short_line`)
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
        if at_edge or not page.is_body(before) or not page.is_body(after):
            for j in run:
                drop[j] = "short_unsure"


def _short_runs_arrays(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """`_short_runs` on a long page, with arrays (the same runs, dropped in the same order)."""
    a = page.arrays()
    short = a.body & (a.score < SURE) & (a.words <= SHORT_MAX_WORDS)
    short[list(drop)] = False
    flags = page.flags
    ends = [i for i in np.flatnonzero(short).tolist() if flags[i] & FACT_ENDS]
    short[ends] = False
    found = np.flatnonzero(short)
    if not len(found):
        return
    breaks = np.flatnonzero(np.diff(found) != 1) + 1
    starts = found[np.concatenate(([0], breaks))]
    ends_at = found[np.concatenate((breaks - 1, [len(found) - 1]))]
    padded = np.concatenate(([False], a.body, [False]))  # padded[i + 1]: block i is body text
    at_edge = np.isin(starts, body[:EDGE_BLOCKS]) | (ends_at == body[-1])
    apart = at_edge | ~padded[starts] | ~padded[ends_at + 2]  # (before, after: -1 and +1)
    chosen = (ends_at - starts + 1 <= SHORT_RUN_MAX) & apart
    for first, last in zip(starts[chosen].tolist(), ends_at[chosen].tolist(), strict=True):
        for j in range(first, last + 1):
            drop[j] = "short_unsure"


def _boxes(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """A call to action boxed in the body: a short line or a non-body block, one unsure
    paragraph, then a button ("Sign up", "Become a member") before the story goes on."""
    n, score = page.n, page.score
    for i in page.box_pitches:
        if score[i] >= CARD_SURE or i in drop or not 0 < i < n - 2:
            continue  # (most body blocks are sure: that test first)
        if not page.sure(i + 2):  # (tested again below; first here, as the cheapest)
            continue
        if not page.is_body(i + 1) or not page.short_unsure(i + 1):
            continue
        if page.words[i + 1] > BUTTON_MAX_WORDS or not page.sure(i + 2):
            continue  # the story goes on with sure body text right after the button
        if page.is_body(i - 1) and not page.short_unsure(i - 1):
            continue
        if not page.sure(i - 2) or not page.short_line(i - 1) or page.text[i - 1].endswith(":"):
            continue  # ... and stands right before the box's title ("Pro tip:" is the story's)
        if not page.flags[i] & FACT_ENDS or page.words[i] > SUMMARY_MAX_WORDS:
            continue
        for j in (i - 1, i, i + 1):
            if page.is_body(j):
                drop[j] = "boxed_call"


def _cut_off(page: _Page, kept: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a small unsure segment that non-body blocks (or a card) cut off the story."""
    if page.big:  # (the same lists, from arrays)
        at = np.array(kept, dtype=np.int64)
        sure_at = at[page.arrays().score[at] >= SURE]
        if not len(sure_at):
            return
        first_sure, last_sure = int(sure_at[0]), int(sure_at[-1])
        tail, head = at[at > last_sure].tolist(), at[at < first_sure].tolist()
    else:
        if kept is page.kept(page.body_list, drop):  # (the body but `drop`: its sure blocks)
            sure = page.sure_list
            first = next(filterfalse(drop.__contains__, sure), None)  # (C loops)
            if first is None:
                return
            first_sure = first
            last_sure = next(filterfalse(drop.__contains__, reversed(sure)))
        else:
            some = _sure_of(page, kept)
            if not some:
                return
            first_sure, last_sure = some[0], some[-1]
        tail = kept[bisect_right(kept, last_sure) :]  # (`kept` is in page order)
        head = kept[: bisect_left(kept, first_sure)]

    body_of = page.body

    def cut(lo: int, hi: int) -> bool:  # enough non-body blocks (or cards) between lo and hi
        gap = 0  # (0 <= lo, hi <= n; counted up to enough, not over the whole stretch)
        for j in range(lo, hi):
            if not body_of[j] or drop.get(j) == "embedded_card":
                gap += 1
                if gap >= CUT_OFF_GAP:
                    return True
        return False

    for segment, reason in ((tail, "unsure_tail"), (head, "unsure_head")):
        if not segment or len(segment) > CUT_OFF_MAX_BLOCKS:
            continue
        lo, hi = (
            (last_sure + 1, segment[0])
            if reason == "unsure_tail"
            else (segment[-1] + 1, first_sure)
        )
        label_first = reason == "unsure_tail" and bool(
            LABEL_LINE.match(page.text[last_sure + 1]) and page.short_line(last_sure + 1)
        )
        if cut(lo, hi) or label_first:
            for i in segment:
                drop[i] = reason


def _comment_thread(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Cut the body where a comment thread starts: after the first sure paragraph, the first
    of at least THREAD_MIN_POSTS time stamps of one shape inside the body's span. Comments
    read like prose, so sure blocks go too."""
    first_sure = _first_sure(page, body)
    if first_sure is None:
        return
    stamps: list[tuple[int, str]] = []
    span = range(first_sure + 1, body[-1])
    markers: Counter[str] | None = None  # counted at the first bare time (most pages: none)
    stripped, words = page.strip, page.words
    found = page.having(FACT_CLOCK, span)
    for i in found:  # (a block without a clock is no time stamp)
        if i not in span or words[i] > STAMP_MAX_WORDS:
            continue
        text = stripped[i]
        if not CLOCK.search(text):
            continue
        if words[i] < STAMP_MIN_WORDS:  # a bare time: a post's only with a marker
            if markers is None:
                lo, hi = span.start, span.stop  # (the lines of at most MARKER_MAX_WORDS)
                short = map(MARKER_MAX_WORDS.__ge__, words[lo:hi])
                markers = Counter(compress(stripped[lo:hi], short))
            marked = any(  # a post's name or "Reply" next to it, repeated
                markers[stripped[j]] >= THREAD_MIN_POSTS and not page.flags[j] & FACT_CLOCK
                for j in range(max(0, i - MARKER_REACH), min(page.n, i + MARKER_REACH + 1))
                if j != i and words[j] <= MARKER_MAX_WORDS
            )
            if not marked:
                continue
        stamps.append((i, DIGITS.sub("0", text)))
    if len(stamps) < THREAD_MIN_POSTS:
        return  # (fewer posts still: the cheap test first)
    shapes = Counter(shape for _, shape in stamps)
    posts = [i for i, shape in stamps if shapes[shape] >= THREAD_MIN_POSTS]
    if len(posts) < THREAD_MIN_POSTS:
        return
    for i in body:
        if i > posts[0]:
            drop[i] = "comment_thread"


def _repeated_runs(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop runs of body blocks that the page shows again outside the body: a feed or a
    carousel of teasers printed twice (a story's paragraphs are printed once)."""
    body_of, words = page.body, page.words  # (a copy has as many words)
    if page.big:
        outside = {
            page.strip[i]
            for i in page.pick(lambda a: ~a.body & (a.words >= REPEATED_MIN_WORDS), body=False)
            if not body_of[i] and words[i] >= REPEATED_MIN_WORDS
        }
    else:
        outside = set(map(page.strip.__getitem__, page.flagged[FACT_OUTSIDE.bit_length() - 1]))
    if not outside:
        return
    if page.big:
        shown_twice = [
            i
            for i in page.pick(lambda a: a.body & (a.words >= REPEATED_MIN_WORDS))
            if words[i] >= REPEATED_MIN_WORDS and page.strip[i] in outside
        ]
    else:  # (C loops: a stripped text of `outside` has REPEATED_MIN_WORDS words or more, and
        # so has a block with the same, which is of a length of one of them: the cheap test)
        strip, inside = page.strip, page.body_list  # (what `pick` gives on a short page)
        lengths = set(map(len, outside))
        sized = list(
            compress(inside, map(lengths.__contains__, map(len, map(strip.__getitem__, inside))))
        )
        shown_twice = list(
            compress(sized, map(outside.__contains__, map(strip.__getitem__, sized)))
        )
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


def _teaser_lists(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a list of teasers at either edge of the body: at least TEASER_MIN_UNITS units in a
    row of a few short lines, one of them headline-like, over exactly one summary paragraph
    (a story's sections have several paragraphs, or no headline line). The line right under
    a kicker is the headline ("Can It Really Do That?"); the next kicker closes a unit whose
    summary is only a short line ('Thanks, "Quo Vadis."')."""
    text, words = page.text, page.words
    if not page.big and body is page.body_list:  # (a kicker is a body block's fact: the kept
        kickers = page.flagged[FACT_KICKER.bit_length() - 1]  # ones; before the kept blocks)
        if sum(1 for i in kickers if i not in drop) < TEASER_MIN_UNITS:
            return  # (the same as below: each unit holds a kicker of its own)
    kept = page.kept(body, drop)
    if page.big:  # every unit holds a headline of its own and a kicker: are there enough?
        a = page.arrays()
        headline_sized = (a.words >= HEADLINE_MIN_WORDS) & (a.words <= HEADLINE_MAX_WORDS)
        if np.count_nonzero(headline_sized[kept]) < TEASER_MIN_UNITS:
            return
        if sum(1 for i in kept if text[i].isupper()) < TEASER_MIN_UNITS:
            return
    elif body is not page.body_list:
        flags = page.flags
        if sum(1 for i in kept if flags[i] & FACT_KICKER) < TEASER_MIN_UNITS:
            return  # (the same: each unit holds a kicker of its own)
    units: list[list[int]] = []
    lines: list[int] = []
    flags = page.flags  # (a kept block's FACT_KICKER is `_is_kicker` of its text, stripped or not)
    for i in kept:
        if (
            words[i] >= PROSE_MIN_WORDS
            and flags[i] & FACT_ENDS
            and not (  # under a kicker (the first test alone, most often)
                lines
                and flags[lines[0]] & FACT_KICKER
                and all(flags[j] & FACT_KICKER for j in lines)
            )
        ):
            if (  # the length first: _headed reads every line (quadratic on long runs)
                len(lines) <= TEASER_MAX_LINES
                and _headed(page, lines)
                and words[i] <= SUMMARY_MAX_WORDS
            ):
                units.append([*lines, i])
            else:
                units.append([])  # a paragraph that is no summary breaks the list
            lines = []
        elif flags[i] & FACT_KICKER and len(lines) <= TEASER_MAX_LINES and _headed(page, lines):
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
        if first == kept[0] or all(words[i] <= SHORT_MAX_WORDS for i in tail):
            for unit in run:
                for i in unit:
                    drop[i] = "teaser_list"


def _headed(page: _Page, lines: Sequence[int]) -> bool:
    """The lines above a teaser's summary hold a kicker and a headline."""
    flags = page.flags  # (FACT_KICKER: `_is_kicker` of a body block's text)
    return any(HEADLINE_MIN_WORDS <= page.words[j] <= HEADLINE_MAX_WORDS for j in lines) and any(
        flags[j] & FACT_KICKER for j in lines
    )


def _is_kicker(text: str) -> bool:
    """A section label over a teaser, in capitals: "REINDEER GAMES", "DIGG PICKS | AFFILIATE"."""
    return text.isupper() and sum(c.isalpha() for c in text) >= 3


def _related_label(text: str) -> bool:
    text = text.strip()
    head = text[:2]  # every label starts with one of RELATED_HEADS: an ASCII start lowers alone
    if head.isascii() and head.lower() not in RELATED_HEADS:
        return False
    low = text.lower()
    if low in RELATED_LABELS:
        return True  # below: LABEL_TRIM cuts a tail, so a label must start the line (cheap test)
    return (
        low[:2] in RELATED_HEADS  # (a label has two characters or more: the cheap test first)
        and low.startswith(RELATED_BY_HEAD[low[:2]])
        and LABEL_TRIM.sub("", low) in RELATED_LABELS
    )


def _headline_shaped(text: str) -> bool:
    """A short line that reads like a story's headline: no sentence end, few words."""
    text = text.strip()
    return _short_text(text) and not _ends_sentence(text) and not NUMBERED.match(text)


def _short_text(text: str) -> bool:
    """A line no longer than a headline, in words (or characters, in a script written
    without spaces: a Chinese paragraph is one "word", and one that ends a sentence is no
    headline)."""
    if not 0 < _words(text) <= HEADLINE_MAX_WORDS:
        return False
    if _wide(text):
        return len(text) <= WIDE_HEADLINE_MAX_CHARS and not _prose(text)
    return len(text) <= HEADLINE_MAX_CHARS


def _related_links(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a box of links to other stories inside the body: a label line (body text or not),
    then headline-shaped lines up to the next real paragraph (or anything else); the label
    and the body lines among them go, sure or not, unless all of them are sure."""
    first_sure = _first_sure(page, body)
    if first_sure is None:
        return
    out, n, flags = page.out, page.n, page.flags
    first = max(0, body[0] - RELATED_MAX_LINES - 1)
    among = range(first, body[-1])  # (where a label may stand)
    labels = page.having(FACT_LABEL, among)  # (in `among`: from `first`, before body[-1])
    if not labels:
        return
    blanks: bool | None = None  # at the first label: do paragraphs stand apart? (a list's
    # lines do not, so a short line that ends a sentence may be one of its headlines)
    for i in labels:
        if not _related_label(page.strip[i]):
            continue
        if blanks is None:
            blanks = any(map(attrgetter("block.blank_before"), out))
        head = i < body[0]  # above the story: the box ends where it starts
        if not head and i <= first_sure:
            continue
        run: list[int] = []
        j = i + 1
        while j < n and not (flags[j] & FACT_LABEL and _related_label(page.strip[j])):
            listed = blanks and bool(run) and not out[j].block.blank_before
            if not (page.headline_shaped(j) or ((listed or not blanks) and page.short_text(j))):
                break
            run.append(j)
            j += 1
            if len(run) > RELATED_MAX_LINES and (blanks or page.headline_shaped(j - 1)):
                break  # too long for a box whatever follows (stop: linear, same result)
        while not blanks and run and not page.headline_shaped(run[-1]):
            run.pop()  # without blank lines, a headline ends the box (a headline inside it
            # may end a sentence: 'Video shows rescue: "We got her!"'; the story's may too)
        if not run or len(run) > RELATED_MAX_LINES:
            continue
        if head and not any(page.is_body(k) for k in range(j, n)):
            continue  # the story must follow the box
        after = run[-1] + 1 if run else j
        card = len(run) <= CARD_MAX_LINES and page.sure(after) and page.prose(after)
        if not card and all(page.sure(k) for k in (i, *run)):
            continue  # the classifier doubts none of them: a "See also" section of the story
            # (a label over one or two headlines with the story's prose right after them is
            # a card inside it, sure or not)
        for k in (i, *run):
            if page.is_body(k):
                drop[k] = "related_links"


def _read_more_cards(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a teaser card closed by a "Read more" button inside the story: a headline-shaped
    line (body text or not), at most one summary paragraph, the button; sure body text before
    and after it."""
    first_sure, last_sure = _first_sure(page, body), _first_sure(page, body, last=True)
    if first_sure is None or last_sure is None:
        return
    found = page.having(FACT_READ_MORE, body)
    for i in found:  # (where a button may stand)
        if not page.body[i]:
            continue
        if not first_sure < i < last_sure or drop.get(i, "related_links") != "related_links":
            continue  # a "Read more" label over headlines may close a card as well
        head = page.strip[i][:2]  # (an ASCII start lowers alone: the cheap test first)
        if head.isascii() and head.lower() not in READ_MORE_HEADS:
            continue
        low = page.strip[i].lower()
        if low[:2] not in READ_MORE_HEADS or not low.startswith(READ_MORE_BY_HEAD[low[:2]]):
            continue
        if LABEL_TRIM.sub("", low) not in READ_MORE:
            continue  # (the trimmed line is a prefix of it: the cheap test first)
        if page.words[i - 1] <= SUMMARY_MAX_WORDS and page.headline_shaped(i - 2):
            card = [i - 2, i - 1, i]
        elif page.headline_shaped(i - 1):
            card = [i - 1, i]
        else:
            continue
        if card[0] <= first_sure:
            continue  # the card stands inside the story, after its first sure paragraph
        for k in card:
            if page.is_body(k):
                drop[k] = "read_more_card"


def _glued_labels(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a body line that glues a related-story label to a headline ("Read more: Ferry
    fares rise again", "SEE MORE: ...") when the page prints that headline again as a line
    of its own (in a related box or a feed): a link to another story. Without the second
    copy such a line stays: several sites' gold counts "Read more: ..." as the article's."""
    shown: dict[int, set[str]] = {}  # the page's lines of as many words as a headline
    found = page.having(FACT_GLUE, body)
    flags = page.flags
    for i in found:  # (a line without a mark, or that no label starts, glues nothing)
        if not page.body[i] or i in drop or not flags[i] & FACT_GLUED_CARD:
            continue  # (FACT_GLUE holds only with FACT_GLUED_CARD, which holds of every line a
            # label starts, by its first three characters: tested again for a plain `having`)
        text = page.strip[i]
        match = GLUED_LABEL.fullmatch(text) if GLUE_MARK.search(text, 0, 48) else None
        if not match or not _related_label(match.group(1)):
            continue
        headline = _norm(match.group(2))
        if not _headline_shaped(headline):
            continue
        count = len(headline.split())  # (a line is that headline only with as many words)
        if count not in shown:  # once, when a glued label is there
            texts, words = page.text, page.words
            shown[count] = {_norm(texts[j]) for j in range(page.n) if words[j] == count}
        if headline in shown[count]:
            drop[i] = "glued_label"


def _glued_cards(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop a related card glued into one line after a paragraph of the story, between two of
    its paragraphs or at its end: a related label and one headline ("Lesen Sie auch:
    Stadtwerke heben Preise an", "READ MORE: Pensioner, 91, completes 100th parkrun", "Leggi
    anche Parcheggi scambiatori, il Comune apre il bando", "相关阅读：分布式缓存的七个坑"),
    bracketed or not ("(Related: ...)", "[Read more: ...]"), sure or not, whether or not the
    page prints the headline again; several in a row after the paragraph go too. The label
    is one of `RELATED_LABELS` ("Update:", "Analysis:" are none), the headline is shaped
    like one (`_card_headline`) and, without a mark between them, the label stands apart by
    its case: in capitals over a headline that is not ("RELATED Boil advisory lifted ..."),
    or two words or more in sentence case over a capitalised headline ("Lees ook Nieuwe
    ...") -- so the story's "Related to this, the council ..." and a Title Case subheading
    ("Most Popular Destinations In Europe") stay."""
    words = page.words
    found = page.having(FACT_GLUED_CARD, body)
    for i in found:
        if words[i] > GLUED_CARD_MAX_WORDS or not page.body[i] or i in drop:
            continue  # (a paragraph is too long: the cheap test first)
        text = _unbracketed(page.strip[i])
        low = text[: LABEL_MAX_CHARS + 1].lower()
        if not low.startswith(RELATED_BY_HEAD.get(low[:2], ())):
            continue  # (`_glued_card`'s first tests, before the paragraph's)
        j = i - 1
        while drop.get(j) == "embedded_card":
            j -= 1  # a run of cards after the paragraph
        if not page.is_body(j) or j in drop or not page.prose(j):
            continue
        if _glued_card(text):
            drop[i] = "embedded_card"


def _unbracketed(text: str) -> str:
    """`text` without the brackets around it: "(Related: X)" -> "Related: X"."""
    if len(text) > 2 and text[0] in BRACKETS and text[-1] == BRACKETS[text[0]]:
        return text[1:-1].strip()
    return text


def _glued_card(text: str) -> bool:
    """`text` is a related label and a headline on one line (see `_glued_cards`)."""
    if text[:2].lower() not in RELATED_HEADS:
        return False  # (the cheap test first)
    low = text[: LABEL_MAX_CHARS + 1].lower()
    if not low.startswith(RELATED_BY_HEAD.get(low[:2], ())):
        return False
    ends = [m.start() for m in LABEL_ENDS.finditer(text, 0, LABEL_MAX_CHARS + 1)]
    for end in reversed(ends):  # the longest label first
        head = text[:end].lower()
        if head not in RELATED_LABELS and LABEL_TRIM.sub("", head) not in RELATED_LABELS:
            continue
        label, rest = text[:end].strip(), text[end:]
        marked = bool(CARD_MARK.search(rest[:3])) or bool(CARD_MARK.search(label[-1:]))
        rest = LABEL_LEAD.sub("", rest)  # (the marks and spaces before the headline)
        if not _card_headline(rest):
            return False
        if label.isupper():  # "READ MORE: Pensioner, 91, ...", "RELATED Boil advisory ..."
            return marked or not rest.isupper()
        if label.lower() == label.upper():
            return True  # a label in a script without case, which no sentence starts with:
            # "관련기사 한강시, 심야버스 ...", "推荐阅读： 分布式缓存的 ..."
        first = rest[0]
        if not (first.isupper() or first.isdigit() or first in QUOTE_OPENERS):
            return False  # "Related: the council's plan ...": the story's sentence
        if marked:
            return True  # "Read more: ...", "Lire aussi : ...", "Czytaj także: ..."
        return len(label.split()) >= 2 and not label.istitle()
    return False


def _card_headline(text: str) -> bool:
    """`text`, after a related label, is a story's headline: at least four words (six
    characters in a script written without spaces) and short; it ends no sentence, or ends
    a question or exclamation ("Why do ferries run late?") or one clause ("Council votes to
    close the pier.") that is its only sentence; it is not a quotation ('"We will rebuild
    the quay"')."""
    text = text.strip()
    if _wide(text):
        if len(text) < WIDE_HEADLINE_MIN_CHARS:
            return False
    elif _words(text) < HEADLINE_MIN_WORDS:
        return False
    if not _short_text(text) or NUMBERED.match(text):
        return False
    if text[0] in QUOTE_OPENERS and text[-1] in QUOTE_CLOSERS:
        return False  # a quotation, whole
    end = SENTENCE_END.search(text)
    if end is None:
        return True
    if _wide(text):
        return False  # (a headline in a script written without spaces ends no sentence)
    inner = text[: end.start()]
    if _lazy("SENTENCE_BREAK").search(inner):
        return False  # two sentences: "Pilots warn of fog. Crews wait on the quay."
    return text[end.start()] != "." or not CLAUSE_MARK.search(inner)


def _prose(text: str) -> bool:
    """A paragraph: it ends a sentence and is long enough (in words, or characters in a
    script written without spaces)."""
    text = text.strip()
    if not _ends_sentence(text):
        return False
    if _wide(text):
        return len(text) >= WIDE_PROSE_MIN_CHARS
    return _words(text) >= PROSE_MIN_WORDS


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _captions(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop photo captions: a short body line that ends with a photo credit ("Crowds at the
    quay (Image: Getty)") or starts as a caption's label ("Image caption ...", "Image
    copyright ..."), sure or not. A bare credit line ("(Image: Getty)", as harsh dumps split
    them) goes with the line above it when that one ends no sentence (a caption), or alone
    after a non-body block; under a sentence it stays (the caption might be a paragraph)."""
    # (a line without a credit or a caption's label is no caption; on a long page too: the
    # page-wide hints it searched missed a line credit with a slash, "Keystone/Ann Lee")
    for i in page.having(FACT_CAPTION, body):
        if not page.body[i]:
            continue
        text = page.strip[i]
        if i in drop or page.words[i] > CAPTION_MAX_WORDS:
            continue
        credit = CREDIT.search(text) if text.endswith((")", "）")) else None  # it ends the line
        if credit is None and _after_sentence(text):
            bare = CREDIT_AFTER_SENTENCE.search(text)  # (its lookbehind and first letter: a
            # quick scan, where BARE_CREDIT tries every position; it starts no sooner)
            credit = (BARE_CREDIT.search(text, bare.start() + 2) if bare else None) or (
                SLASH_CREDIT.search(text) if "/" in text else None
            )
        if credit is None and not _has_year(text):  # (© and a year: the site's copyright)
            credit = _line_credit_match(text)
        if not credit and text[:1].isascii() and text[:1] not in "iIpP":
            continue  # (CAPTION_START cannot match: the cheap test first)
        if not ((credit and credit.end() == len(text)) or CAPTION_START.match(text)):
            continue
        if credit is not None and credit.start() == 0:  # a bare credit: under its caption?
            if not page.is_body(i - 1):
                drop[i] = "caption"
            elif page.words[i - 1] <= CAPTION_MAX_WORDS and _is_short_caption(page.strip[i - 1]):
                drop[i] = drop[i - 1] = "caption"
            elif credit.re is not CREDIT:
                drop[i] = "caption"  # a line of credit alone ("Foto: Ann Lee", "© Fox News")
            continue  # under a paragraph: some sites count caption and credit as the story's
        drop[i] = "caption"


def is_line_credit(text: str) -> bool:
    """A photo credit printed as a line of its own ("Foto: Ann Lee", "Keystone/Ann Lee")."""
    text = text.strip()
    if _has_year(text):
        return False  # "© 2026 ...": the site's copyright
    return _line_credit_match(text) is not None


def _is_short_caption(text: str) -> bool:
    return 0 < _words(text) <= CAPTION_MAX_WORDS and not _ends_sentence(text)


def _story_end(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Cut the body at the comments' header or the story's copyright line, sure or not:
    a short body line that is only "Comments (12)" ("Kommentare (7)", "评论 18") or a
    copyright notice ("© Agence France-Presse", "Copyright 2026 Ann Lee"), after the story's
    first sure paragraph and with at least as many sure blocks above it as below it. What
    follows it (comments, the site's lists) is no story. A copyright line `_captions` took
    for a photo credit ("© Agence France-Presse" under the signature) ends it too when no
    sure paragraph follows it (under a photo inside the story, "© Fox News" is a credit)."""
    body_of, words, strip = page.body, page.words, page.strip
    found = [  # (a dropped block but a credit: skipped below)
        i
        for i in page.having(FACT_STORY_END, body)
        if body_of[i] and words[i] <= STORY_END_MAX_WORDS and _story_end_line(strip[i])
    ]
    if not found:
        return  # (no line can end the story: its own tests first, before the body's)
    kept = page.kept(body, drop)
    score = page.score  # (kept blocks are body blocks)
    sure = [i for i in kept if score[i] >= SURE]
    if len(sure) < 2:
        return
    last_prose: int | None = None  # the last kept block of sure prose (-1: none), found once
    for i in found:
        if i <= sure[0]:
            continue
        credit = drop.get(i) == "caption"
        if i in drop and not credit:
            continue
        if credit:  # (a page of many credits: one look from the page's end, not one per credit)
            if last_prose is None:
                prose = (k for k in reversed(kept) if page.sure(k) and page.prose(k))
                last_prose = next(prose, -1)
            if last_prose > i:
                continue  # a photo credit ("© Fox News") inside the story: its prose goes on
        above = bisect_left(sure, i)
        if above < len(sure) - above:
            continue  # most of the story is below: a copyright line in its middle
        for k in kept:
            if k >= i:
                drop[k] = "story_end"
        return


def _far_tail(page: _Page, kept: Sequence[int], drop: dict[int, str]) -> None:
    """Drop the body's last stretch when it stands at the very end of the page, at least
    FAR_GAP non-body blocks after the rest of the body, with fewer sure blocks than the rest:
    a cookie or consent notice, a site's blurb or a disclaimer printed after the footer
    (they read like prose, so sure or not). A story at the end of its page, after a promo,
    holds most of the page's sure paragraphs and stays."""
    if not kept or page.n - 1 - kept[-1] > PAGE_END_BLOCKS:
        return
    if page.big:  # the last gap of FAR_GAP blocks or more, from the arrays
        gaps = np.flatnonzero(np.diff(np.array(kept)) - 1 >= FAR_GAP)
        start = int(gaps[-1]) + 1 if len(gaps) else 0
    else:
        start = len(kept) - 1
        while start > 0 and kept[start] - kept[start - 1] - 1 < FAR_GAP:
            start -= 1
    if start == 0:
        return  # one stretch: the body itself
    tail, rest = kept[start:], kept[:start]
    if page.big:
        sure = page.arrays().sure
        fewer = bool(np.count_nonzero(sure[tail]) < np.count_nonzero(sure[rest]))
    else:
        fewer = sum(page.sure(i) for i in tail) < sum(page.sure(i) for i in rest)
    if fewer:
        for i in tail:
            drop[i] = "far_tail"


def _author_bio(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop an author's bio box at the body's end, sure or not: "About <Name>" ("Über ...",
    "Sobre ...", or the label and the name on two lines, as harsh dumps split them) over one
    paragraph that names that person, and no body paragraph after it. A generic "About the
    author" label stays (some sites' articles end with it)."""
    found = page.having(FACT_ABOUT, body)
    if not found:
        return  # (ABOUT cannot match another line)
    kept = page.kept(body, drop)
    for i in found:
        n = bisect_left(kept, i)
        if n == len(kept) or kept[n] != i:
            continue  # not in the body
        text = page.strip[i]
        if text[:1].isascii() and text[:1] not in "aAsS":
            continue  # (ABOUT cannot match: the cheap test first)
        match = ABOUT.fullmatch(text)
        if not match:
            continue
        name, bio_at = (match.group("name") or "").strip(), n + 1
        if not name and n + 1 < len(kept) and kept[n + 1] == i + 1:
            name, bio_at = page.strip[i + 1], n + 2  # "Sobre" / "Carlos Nadalim"
        if not NAME.fullmatch(name) or bio_at >= len(kept) or kept[bio_at] != kept[bio_at - 1] + 1:
            continue
        bio = page.text[kept[bio_at]]
        if page.words[kept[bio_at]] > BIO_MAX_WORDS or name.split()[-1] not in bio:
            continue
        after = kept[bio_at + 1 :]
        if any(page.flags[j] & FACT_ENDS for j in after):
            continue  # the story goes on: not its end
        for j in kept[n:]:
            drop[j] = "author_bio"


def _bare_bio(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop an author's bio without a label at the body's end: the last body paragraph,
    short, starts with two to four capitalised words followed by a lower-case
    word ("Martin Albrecht ist Redakteur ...", "Ann Lee is a reporter ..."), a name the
    byline above it prints after "by", "von", "par" ... ("Ein Essay von Martin Albrecht"),
    outside the body."""
    kept = page.kept(body, drop)
    if len(kept) < 3:
        return
    last = kept[-1]
    if page.words[last] > BARE_BIO_MAX_WORDS or not page.prose(last):
        return
    match = BIO_NAME.match(page.strip[last])
    if not match:
        return
    name = match.group(1)
    # (an ASCII line holds an ASCII name, ignoring case, only where its lower case holds the
    # name's: the pattern's ASCII letters match no other ASCII ones; the cheap test first)
    low = name.lower() if name.isascii() else None
    byline: re.Pattern[str] | None = None  # (compiled at the first line that may hold it)
    body_set = set(kept)
    text, words = page.text, page.words
    short = compress(range(last), map(DATELINE_MAX_WORDS.__ge__, words))  # (C loops: the lines
    for j in filterfalse(body_set.__contains__, short):  # of few words outside the body)
        line = text[j]
        if low is not None and line.isascii() and low not in line.lower():
            continue
        if BYLINE_CUES.search(line) is None:
            continue  # (where the name's pattern matches, the cue does: compiled past this)
        if byline is None:
            byline = re.compile(BYLINE_CUE + re.escape(name), re.IGNORECASE)
        if byline.search(line):
            drop[last] = "author_bio"
            return


def _datelines(page: _Page, body: Sequence[int], drop: dict[int, str]) -> None:
    """Drop the story's dateline from the body's first blocks, sure or not: a short line
    that ends no sentence and is mostly a date ("Publié le 3 mars 2026 à 14h05, mis à jour
    à 16h40", "Veröffentlicht am 03.03.2026 um 14:05 Uhr")."""
    kept = page.kept(body, drop)[:DATELINE_REACH]
    for i in kept:
        if page.words[i] > DATELINE_MAX_WORDS or page.flags[i] & FACT_ENDS:
            continue  # (FACT_ENDS: _ends_sentence of the stripped text)
        text = page.strip[i]
        dates = find_dates(text)
        if not dates:
            continue
        rest = (text[: dates[0].start] + " " + text[dates[0].end :]).split()
        words = [w for w in rest if not DIGITS.search(w) and any(c.isalpha() for c in w)]
        if len(words) <= DATELINE_REST_MAX_WORDS:
            drop[i] = "dateline"
