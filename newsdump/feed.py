"""Labelled blocks → the other stories on the page: feed entries, teasers, related cards. Pure.

Among the blocks that are neither article body nor its metadata, a *headline* is a short line
that reads like one (not a call to action, byline, date or menu crumb). A headline is a story
when the page shows it as one:
- with a time: a time line just before it ("5:56 PM", "2 hours ago") or just after it, or a
  time printed in front of it ("14:32 Airline signs deal");
- with a summary: the next block is one paragraph of prose (teasers, related cards, promos);
- in a list: another headline stands within a few blocks, with only list glue between them
  (numbers, section labels, bylines, dates, "Read more"): "Most popular", "Related", rivers.

What looks like a story but is not one is dropped: a line of the article's own head (byline,
dateline, caption, between its headline and its body), a reader's comment (a "says:" line
before it, "Reply" or a rating after it), the entries of a list labelled as ads or of an
enumeration ("You will need:"), menu lines (capitalised words, no function word), credits,
datelines and contact lines.
"""

from __future__ import annotations

import hashlib
import math
import re
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import MISSING, fields, replace
from datetime import datetime, timedelta
from functools import partial
from itertools import compress
from operator import methodcaller, or_

from newsdump.dates import (
    MAYBE_DATE,
    FoundDate,
    clock_minutes,
    find_dates,
    is_time_line,
    resolve_time,
)
from newsdump.document import Label, LabelledBlock
from newsdump.lang import WIDE, Language, detect_language, stopwords_for, top_stopwords
from newsdump.records import Article, FeedItem, Story
from newsdump.revise import LABEL_TRIM, NOT_STORIES, RELATED_LABELS
from newsdump.settings import Settings

try:  # every line's text, freedom, digit and words in one pass (newsdump/_feed.c), when built
    from newsdump import _feed
except ImportError:  # pragma: no cover - depends on the install
    _feed = None  # type: ignore[assignment]

TEMPLATE_MIN_REPEATS = 3  # a line with numbers whose shape recurs this often ("3 stars of 5")
EXACT_REPEATS = (
    4  # a line printed this often is a banner (a headline may be listed twice or thrice)
)
SAME_STORY_SHARE = 0.8  # words two titles share when they name the same story
SAME_STORY_MIN_WORDS = 5  # ... counted only for titles this long (short ones must be equal)
LIST_TITLE_MIN_WORDS = 5  # a headline with no summary and no time needs this many words
LIST_REACH = 3  # blocks to look for the next headline of a list
WHEN_MAX_CHARS = 48  # a date line longer than this says more than when
WHEN_MAX_WORDS = 8
GLUE_MAX_WORDS = 4
GLUE_DATE_MAX_CHARS = 60  # a short line with a date in it is list glue
KICKER_MAX_WORDS = 8
CARD_LABEL_MAX_CHARS = 40  # a related-stories label ("Related stories:") is this short
GLUED_LABEL_REACH = 5  # words at a headline's start or end searched for a list's label
GLUED_LABEL_JUNK = 2  # ... after at most this many words of a button ("Zapisz się")
FEED_MIN_LEFT = 3  # ... leaving a headline at least this long
GLUED_LABEL_MAX_CHARS = 250  # a line this long is no headline with a label
LABEL_FIRST_WORDS = frozenset(
    form
    for label in RELATED_LABELS
    for form in (label.split()[0], label.split()[0].capitalize(), label.split()[0].upper())
) | frozenset(  # "推荐阅读：": a label of one word in a script without case, with its colon
    label + colon for label in RELATED_LABELS if WIDE.search(label) for colon in (":", "：")
)  # "read", "Read", "READ": a word that may start a label, as printed
LABEL_PREFIXES = tuple(sorted(LABEL_FIRST_WORDS))  # (str.startswith takes a tuple)
LABEL_PREFIXES_BY_FIRST = {  # LABEL_PREFIXES by their first character (a text starts with one
    first: tuple(p for p in LABEL_PREFIXES if p[0] == first)  # of them only with that one)
    for first in {p[0] for p in LABEL_PREFIXES}
}
DEK_MIN_EXTRA_WORDS = 2  # words a dek has beyond its headline
DEK_MIN_EXTRA_WORDS_PUNCT = 8  # ... when the headline ends a sentence too
TITLE_CASE_WORD_CHARS = 4  # words this long are capitalised in a Title Case headline
TITLE_CASE_MIN_WORDS = 3  # ... of which it has at least this many
COUNT_LINE_MAX_WORDS = 5
META_MAX_CHARS = 80  # short blocks between listed headlines: numbers, section names
SUMMARY_MIN_WORDS = 8
SUMMARY_UNPUNCTUATED_MIN_WORDS = 15
TWO_SENTENCE_TITLE_MAX_WORDS = 16  # "Taxes rise. These maps show where." is still a headline
TERMINAL = (".", "!", "?", "…", '"', "”", "»", "'", "’", ")", "。", "！", "？")
WORD = re.compile(r"\w+")
ASCII_DIGITS = string.digits.encode()
DIGITS = re.compile(r"\d+")
DIGIT = re.compile(r"\d")  # (faster to search than DIGITS)
COUNT_LINE = re.compile(r"^\d[\d,.]*\s+[a-z]")
CALL_TO_ACTION_WORDS = (  # what a call to action says (lower-case), from a word's start
    r"subscribe", r"subscription", r"sign(?:ing)? (?:up|in)\b", r"log ?in\b", r"newsletter",
    r"e-?mail", r"cookie", r"privacy", r"terms (?:of|and)", r"all rights reserved", r"copyright",
    r"advertis", r"download (?:our|the)", r"follow (?:us|\w+ on)\b", r"join (?:us|our)",
    r"support (?:us|our|independent|local)", r"become a member", r"donat",
    r"click here", r"read more", r"see more", r"show more", r"load more", r"view (?:all|more)",
    r"skip to", r"share (?:this|on)", r"comments?\b", r"sponsored", r"paid (?:post|content)",
    r"javascript", r"browser", r"trademark", r"reproduced", r"rules apply", r"signed in\b",
    r"your (?:location|weather|account)", r"(?:photo(?:graph)?s?|images?) (?:by|courtesy)",
    r"enter (?:your|city|a)\b", r"continue reading", r"(?:recent|more) (?:from|posts|stories)\b",
    r"regist(?:er|ration)\b", r"your account", r"welcome to", r"visit us", r"tweets by",
    r"jump to", r"skip navigation", r"(?:in|to) your inbox",
    r"suscr[ií]b", r"reg[ií]strate", r"registrarse", r"inicia sesi", r"comparte", r"anmelden",
    r"abonnier", r"registrier", r"teilen\b", r"abonn", r"connexion", r"partager", r"inscri",
    r"assine", r"cadastr", r"zaloguj", r"subskryb", r"udostępnij",
    r"share all", r"next up", r"see all", r"go to\b", r"more information", r"popular in\b",
    r"the latest from", r"html", r"text format", r"quote of the day", r"submission guidelines",
    r"back to (?:home|top)", r"aviso legal", r"nota legal", r"normas de uso",
    r"condiciones de uso", r"mentions légales", r"conditions (?:générales|d'utilisation)",
    r"nutzungsbedingungen", r"datenschutz", r"impressum", r"regulamin", r"polityka prywatności",
    r"política de privacidad", r"politique de confidentialité", r"creative commons",
    r"使用条款", r"隐私", r"版权",
)  # fmt: skip
CALL_TO_ACTION_MARKS = (
    "©",
    "下载",
    "客户端",
    "公众号",
    "扫码",
    "订阅",
    "訂閱",
    "購読",
    "お届けします",
)


def prefix_tree(branches: Sequence[str]) -> str:
    """An alternation of regex `branches` with the literal letters they start with shared
    ("s(?:ubscribe|ign…|ee more)|…"): the same strings match where they matched, but Python's
    re tries every branch of a flat alternation at every position, a tree fails on the first
    letter. Only a letter, digit or space that no quantifier follows is shared; a branch that
    starts with a group of alternatives ("(?:recent|more) from") is each of them first
    ("recent from", "more from"): re would enter the group at every position."""
    heads: dict[str, list[str]] = {}
    others: list[str] = []
    for branch in (each for whole in branches for each in leading_alternatives(whole)):
        head = branch[:1]
        if (head.isalnum() or head == " ") and branch[1:2] not in ("?", "*", "+", "{"):
            heads.setdefault(head, []).append(branch[1:])
        else:
            others.append(branch)  # a group, a class, an escape, or nothing left
    shared = [
        head + (rests[0] if len(rests) == 1 else "(?:" + prefix_tree(rests) + ")")
        for head, rests in heads.items()
    ]
    return "|".join(shared + others)


def leading_alternatives(branch: str) -> list[str]:
    """A regex branch that starts with a group "(?:a|b)" no quantifier follows as its
    alternatives ("a…", "b…", which match what it matches); any other branch alone."""
    if not branch.startswith("(?:"):
        return [branch]
    depth = 0
    alternatives: list[str] = []
    start = 3
    for at, char in enumerate(branch):
        if char in "\\[":
            return [branch]  # (an escape or a class: left as it is)
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                rest = branch[at + 1 :]
                if rest[:1] in ("?", "*", "+", "{"):
                    return [branch]
                alternatives.append(branch[start:at])
                return [each for alt in alternatives for each in leading_alternatives(alt + rest)]
        elif char == "|" and depth == 1:
            alternatives.append(branch[start:at])
            start = at + 1
    return [branch]


def literal_prefixes(branch: str, size: int) -> set[str]:
    """What a match of the regex `branch` starts with: a set of strings, each `size` characters
    long or shorter where the branch ends or can go on with something not spelled out (a
    class with a range, "\\w", ".", a repeat), such that every match of the branch starts with
    one of them. It reads literal characters, "(?:...|...)", "[abc]", "?" after one of these,
    and "\\b" (skipped: without it more matches, so no fewer starts); anything else ends the
    prefix there (a shorter prefix: a superset)."""
    return {p for p, _ in _prefixes(branch, size)}


def prefixes_by_first(branches: Sequence[str], size: int) -> dict[str, tuple[str, ...]]:
    """The `literal_prefixes` of every branch, by their first character (sorted)."""
    out: dict[str, tuple[str, ...]] = {}
    for prefix in sorted({p for branch in branches for p in literal_prefixes(branch, size)}):
        out[prefix[:1]] = (*out.get(prefix[:1], ()), prefix)
    return out


def _prefixes(branch: str, size: int) -> set[tuple[str, bool]]:
    """(prefix, whole): the prefixes of `branch` (see literal_prefixes), and whether each
    spells out the whole of its match (what follows the branch may extend it)."""
    out: set[tuple[str, bool]] = {("", True)}
    at = 0
    while at < len(branch):
        atom, at = _atom(branch, at, size)
        if at < len(branch) and branch[at] in "?*+{":
            if branch[at] == "?" and branch[at + 1 : at + 2] not in ("?", "+") and atom is not None:
                atom = atom | {("", True)}
                at += 1
            else:
                atom = None  # a repeat: what it repeats is not spelled out
        grown: set[tuple[str, bool]] = set()
        for prefix, whole in out:
            if not whole or len(prefix) >= size:
                grown.add((prefix[:size], False))
            elif atom is None:
                grown.add((prefix, False))
            else:
                for part, part_whole in atom:
                    joined = prefix + part
                    grown.add((joined[:size], part_whole and len(joined) < size))
        out = grown
        if not any(whole for _, whole in out):
            break
    return out


def _atom(branch: str, at: int, size: int) -> tuple[set[tuple[str, bool]] | None, int]:
    """The atom of `branch` at `at` as its prefixes (None: not spelled out), and where the next
    one starts."""
    char = branch[at]
    if char == "\\":
        escaped = branch[at + 1 : at + 2]
        return ({("", True)} if escaped in ("b", "B") else None), at + 2
    if char == "[":
        end = branch.find("]", at + 2)
        inside = branch[at + 1 : end]
        if end < 0 or not inside or any(c in "\\^-[" for c in inside):
            return None, len(branch)  # (not read: the prefix ends here)
        return {(c, True) for c in inside}, end + 1
    if char == "(":
        if not branch.startswith("(?:", at):
            return None, len(branch)
        depth, k, start, parts = 0, at, at + 3, []
        while k < len(branch):
            c = branch[k]
            if c == "\\":
                k += 2
                continue
            if c == "[":
                k = branch.find("]", k + 2)
                if k < 0:
                    return None, len(branch)
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    parts.append(branch[start:k])
                    break
            elif c == "|" and depth == 1:
                parts.append(branch[start:k])
                start = k + 1
            k += 1
        else:
            return None, len(branch)
        return {each for part in parts for each in _prefixes(part, size)}, k + 1
    if char in ".^$|)":
        return None, len(branch)
    return {(char, True)}, at + 1


# Every word starts with a letter, so "\b" before it is the line's start or a non-word
# character: the words after one of those (which re finds fast, not trying the tree at
# every letter) or at the start.
CALL_TO_ACTION_START = re.compile("(?:" + prefix_tree(CALL_TO_ACTION_WORDS) + ")")
CALL_TO_ACTION = re.compile(r"\W(?:" + prefix_tree(CALL_TO_ACTION_WORDS) + ")")
CALL_TO_ACTION_MARK = re.compile("|".join(CALL_TO_ACTION_MARKS))  # none in ASCII text
CALL_TO_ACTION_PREFIX_CHARS = 6  # what each branch starts with, this long at most
CALL_TO_ACTION_PREFIXES = prefixes_by_first(CALL_TO_ACTION_WORDS, CALL_TO_ACTION_PREFIX_CHARS)


def _call_to_action_words(low: str) -> bool:
    """Whether a call to action's words (`CALL_TO_ACTION_WORDS`) stand at a word's start in
    `low` (text in lower case; the reference, and the path without the compiled extension,
    which tries the pattern only at the word starts where one of CALL_TO_ACTION_PREFIXES
    stands)."""
    return CALL_TO_ACTION_START.match(low) is not None or CALL_TO_ACTION.search(low) is not None


def prefix_pairs(prefixes: dict[str, tuple[str, ...]]) -> bytes:
    """For word_start_match: 128 * 128 bytes, at first * 128 + second not 0 where one of
    `prefixes` (by their first character) may start with these two ASCII characters (second
    0: the text's end); a prefix of one character may start with any pair of its first. Each
    byte says which third characters may follow the pair: bit (third & 7) for an ASCII one,
    0xFF where a prefix of the pair has no third character or one from U+0080."""
    pairs = bytearray(128 * 128)
    for first, these in prefixes.items():
        if ord(first) >= 128:
            continue  # (looked up anyway)
        for prefix in these:
            if len(prefix) == 1:
                pairs[ord(first) * 128 : ord(first) * 128 + 128] = b"\xff" * 128
            elif ord(prefix[1]) < 128:
                third = ord(prefix[2]) if len(prefix) > 2 else 128
                pairs[ord(first) * 128 + ord(prefix[1])] |= (
                    1 << (third & 7) if third < 128 else 0xFF
                )
    return bytes(pairs)


def prefix_table(prefixes: dict[str, tuple[str, ...]]) -> bytes:
    """For word_start_match in title_verdict: the `prefixes` (by their first character) that
    start with an ASCII character, each in PREFIX_SIZE bytes (its length, a 0, then its
    characters in UCS-2, little-endian) after PREFIX_GROUPS bytes, where byte c says where the
    prefixes that start with character c start (in prefixes from there; byte c + 1: where they
    end); b"" where one of them does not fit (then the dict is read)."""
    groups = [prefixes.get(chr(c), ()) for c in range(PREFIX_GROUPS - 1)]
    entries = [prefix for group in groups for prefix in group]
    if len(entries) > 255 or any(
        len(prefix) > PREFIX_SIZE // 2 - 1 or max(map(ord, prefix)) > 0xFFFF for prefix in entries
    ):
        return b""
    starts, at = bytearray(), 0
    for group in groups:
        starts.append(at)
        at += len(group)
    starts.append(at)
    return bytes(starts) + b"".join(
        bytes([len(prefix), 0]) + prefix.encode("utf-16-le").ljust(PREFIX_SIZE - 2, b"\0")
        for prefix in entries
    )


PREFIX_GROUPS = 129  # (prefix_table's layout, as _feed.c reads it)
PREFIX_SIZE = 16
LITERALS_MAX = 16  # literal_words: a branch's strings, at most this many


def _literals(branch: str) -> list[str]:
    """Strings that the regex `branch` matches, each whole (a subset: plain characters, "x?",
    and "(?:a|b)" groups of plain characters, optional or not; an alternative of another kind
    left out; [] for a branch of another kind)."""
    special = set("\\.^$*+?{}[]|()")
    out = [""]
    at = 0
    while at < len(branch) and len(out) <= LITERALS_MAX:
        char = branch[at]
        if branch.startswith("(?:", at):
            end = branch.find(")", at)
            if end < 0 or "(" in branch[at + 3 : end]:
                return []
            parts = [x for x in branch[at + 3 : end].split("|") if not special & set(x)]
            if branch[end + 1 : end + 2] == "?":
                parts.append("")
                end += 1
            out = [x + part for x in out for part in parts]
            at = end + 1
        elif char in special:
            return []
        elif branch[at + 1 : at + 2] == "?":
            out = [x + each for x in out for each in ("", char)]
            at += 2
        else:
            out = [x + char for x in out]
            at += 1
    return [x for x in out if x] if len(out) <= LITERALS_MAX else []


def literal_words(branches: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """For the compiled title verdict: strings that one of the regex `branches` matches from
    where they stand (`_literals`), each with whether a "\\b" must follow it (the branch ends
    with one, after a word character), so that CALL_TO_ACTION_START.match finds a match there
    without being called (tests/unit/test_feed_cta_literals.py checks each)."""
    found: dict[str, bool] = {}
    for branch in branches:
        bound = branch.endswith(r"\b")
        for literal in _literals(branch[:-2] if bound else branch):
            if bound and not (literal[-1].isalnum() or literal[-1] == "_"):
                continue  # (a "\\b" after a non-word character: another test)
            found[literal] = found.get(literal, True) and bound
    return tuple(sorted(found.items()))


CALL_TO_ACTION_LITERALS = literal_words(CALL_TO_ACTION_WORDS)
CALL_TO_ACTION_PAIRS = (
    prefix_pairs(CALL_TO_ACTION_PREFIXES)
    if _feed is not None and "" not in CALL_TO_ACTION_PREFIXES  # (a branch with no prefix)
    else None
)
call_to_action_words = (
    partial(
        _feed.word_start_match,
        CALL_TO_ACTION_PAIRS,
        CALL_TO_ACTION_PREFIXES,
        CALL_TO_ACTION_START.match,
    )
    if CALL_TO_ACTION_PAIRS is not None
    else _call_to_action_words
)
SENTENCE_BREAK = re.compile(r"[a-zà-ÿ]{3,}[.!?]\s+[A-ZÀ-Þ]")
# Cheap tests first: each HINT matches wherever its pattern matches (a part of it that starts
# with a plain character, which re finds fast), so text without a match has none of the other.
SENTENCE_BREAK_HINT = re.compile(r"[.!?]\s+[A-ZÀ-Þ]")
BYLINE_START = re.compile(r"^(?:by|von|par|por|door|author|autor)\b", re.IGNORECASE)
KIND_BYLINE = re.compile(
    # "Eine Reportage von Ann Lee", "A column by Ann Lee", "Une chronique de Ann Lee"
    r"^(?:\w+ )?(?:reportage|kommentar|analyse|analysis|interview|essay|kolumne|column|bericht"
    r"|report|review|rezension|chronique|tribune|enquête|reportaż|felieton|komentarz|crónica"
    r"|columna|análisis) (?:von|by|par|de|d'|por|autorstwa)\s?[A-ZÀ-ÞĀ-Ž][\w'’-]+"
    r"(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2}$",
    re.IGNORECASE,
)
SOURCE_LINE = re.compile(r"^(?:来源|來源|出处|作者|记者|記者|责任编辑|責任編輯|编辑|編輯)\s*[:：]")
WIDE_MENU_MIN_ITEMS = 3  # "首页 新闻 财经 科技": short items apart, no punctuation
WIDE_MENU_MAX_CHARS = 6  # ... this long on average
HANGUL = re.compile("[\uac00-\ud7af]")
KOREAN_ENDINGS = tuple("에의을를은는로서야고며면도와과")  # particles, verb endings
WIDE_PUNCT = re.compile(r"[，。、！？：；（）「」《》“”,.!?:;()]")
RANKED = re.compile(r"(\d{1,2})[.)]?\s+(\S.*)$")  # "3 Hockey: ...", "3. Hockey: ..."
RANK_MAX = 3  # a numbered list starts at 1, 2 or 3 (its first items may be elsewhere)
RANK_MIN_ITEMS = 2
NAME_WORD = re.compile(r"[^\W\d][^\W\d_]*(?:[_.'’-][^\W\d_]*)*")  # "Radler_MR", "O'Neil"
STAMP_NAME_WORDS = 2
ENDS_LABEL = methodcaller("endswith", (":", "："))  # a label's line (in map: no Python frame)
STAMP_FIRST = "vVhHiI\u0130\u0131"  # RELATIVE_TIME's first letters ("vor", "hace", "il y a") in
# every case IGNORECASE pairs with them; its other branches start with a digit, as a date does
COMMENT_STOPS = (".", "!", "。", "！", "…")  # a comment's end; a headline may ask ("?")
RELATIVE_TIME = re.compile(
    r"(?:vor|il y a|hace|há)\s+\d+\s*\w+|\d+\s*\w+\s+(?:ago|temu|geleden|fa)"
    r"|\d+\s*(?:分钟|小时|天|분|시간|일)\s*前|\d+\s*(?:분|시간|일)\s*전",
    re.IGNORECASE,
)
ISSUE = re.compile(  # "Aus der Ausgabe Nr. 49/2026", "Issue No. 12/2026", "Numéro 49/2026"
    r"\b(?:nr|no|n[°º]|num[ée]ro|numer|heft|ausgabe|issue|wydanie)\.?\s*\d{1,3}\s*/\s*(?:19|20)\d\d\b",
    re.IGNORECASE,
)
ISSUE_YEAR = re.compile(r"/\s*(?:19|20)\d\d")  # (a part of each of ISSUE's: its cheap test)
IMPRINT = re.compile(  # the site's imprint: "주소: ...", "Herausgeber: ...", "Siège social : ..."
    r"^(?:주소|발행인|편집인|등록번호|사업자|地址|主办|备案|address|adresse|adres|anschrift"
    r"|herausgeber|verlag|publisher|editor-in-chief|chefredakteur|chefredaktion|wydawca"
    r"|redaktor naczelny|directeur de la publication|directrice de la publication"
    r"|siège social|éditeur)[^:：]{0,16}\s?[:：]",
    re.IGNORECASE,
)
SHARE_BAR = re.compile(  # "分享到： 微信 微博", "Share on: Facebook X", "Teilen: ..."
    r"^(?:分享到?|分享至|share(?: this| on)?|partager(?: sur)?|teilen|udostępnij|compartir"
    r"|condividi|공유하기|공유)\s?[:：]",
    re.IGNORECASE,
)
FOLLOW_US = re.compile(  # in lower case
    r"\b(?:obserwuj nas|polub nas|folgen sie uns|folge uns|suivez-nous|suivez nous|síguenos"
    r"|seguici|siga-nos|follow us)\b|关注我们|關注我們"
)
FOLLOW_US_PARTS = (  # a part of each of FOLLOW_US's (a cheap test first: no "\b", no regex)
    *("fol", "suiv", "obserwuj", "polub", "sigu", "sígu", "segu", "siga", "关注我们", "關注我們"),
)
FOLLOW_US_HINT = re.compile("|".join(FOLLOW_US_PARTS))  # (the same test as a pattern)
SIGN_UP = re.compile(  # in lower case: what a newsletter's sign-up box says around its name
    r"newsletter|e-?mail|courriel|inscri|abonn|subscri|sign ?up|anmelden|zapisz się|suscr"
    r"|订阅|訂閱|구독"
)
SIGN_UP_PARTS = (  # a part of each of SIGN_UP's (a cheap test first: no regex)
    *("newsletter", "mail", "courriel", "inscri", "abonn", "subscri", "sign", "anmelden"),
    *("zapisz się", "suscr", "订阅", "訂閱", "구독"),
)
YEARISH = re.compile(r"(?:19|20)\d\d|\d/[0-3]?\d/\d\d")  # dates.MAYBE_DATE
ANY_CLOCK = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)")  # "标准时间10:41" too (no \b there)
# Where a date of dates.find_dates may start: each of dates.DATE_PATTERNS starts with a digit
# but the one that starts with a month's name (letters, IGNORECASE: test_feed_dates_gate
# checks every character), "." perhaps, spaces and the day
DATE_START = re.compile(r"\d|[^\W\d_]+\.?\s+\d")
TIME_OF_DAY_START = re.compile(r"[0-2]?\d[:.hH][0-5]\d")  # (dates.TIME_OF_DAY's start)
LEADING_DATE_MAX_CHARS = 40  # a date's year stands this far in at most ("Wednesday, 13 de ...")
DATE_ENDS = frozenset("0123456789日mM.")  # what a date ends with (a year, 日, "9:22 am", "h.")
DATE_SEPARATORS = " \t-–—|·•,:："  # between a headline and the date printed next to it
DATED_TITLE_MIN_WORDS = 4  # a headline printed with a date (fewer: "Ann Lee 27.11.2026, 11:05")
DATE_PREPOSITION_MAX_CHARS = 4  # "on", "am", "le", "dnia": a date the sentence goes on to
LEADING_TIME = re.compile(
    r"^(?P<time>[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?m\.?)?)\s+(?P<title>\S.+)$", re.I
)
NAV_GLYPHS = re.compile(r"[›‹»«→←▸▾]|\.\.\.$|…$|\[\s*(?:\.\.\.|…)\s*\]$")
NAV_GLYPH = re.compile(r"[›‹»«→←▸▾]")  # (NAV_GLYPHS where the text ends otherwise)
LINK_SHAPE = re.compile(r"\b[\w-]+\.(?:com|org|net|co|io|es|de|fr|uk|info|gov|edu)\b|://|www\.")
LINK_SHAPE_HINT = re.compile(r"\.(?:com|org|net|co|io|es|de|fr|uk|info|gov|edu)\b|://|www\.")
LEADING_BULLET = re.compile(r"^[•·▪■*–-]\s+")
LEADING_BULLETS = "•·▪■*–-"  # what LEADING_BULLET starts with ("" in it too: a str)
RELATIVE_START = re.compile(
    r"^(?:\d+\s*(?:sec|min|hour|hr|day|week|month)s?\.?\s+ago\b"
    r"|(?:hace|vor|il y a|há|ha)\s+(?:\d+|una?|einer?|uma?)\s+\w+"
    r"|\d+\s+\w+\s+(?:fa|temu|geleden)\b)",
    re.IGNORECASE,
)
TRAILING_COUNT = re.compile(r"\s+\d+\s+(?:comments?|replies|shares)$", re.IGNORECASE)
TRAILING_AGO = re.compile(
    r"\s+~?(?P<time>\d+\s*(?:sec|min|hour|hr|day|week|month)s?\.?\s+ago)$", re.IGNORECASE
)
ALTERNATING_MIN_BLOCKS = 3  # headline, time, headline: a list whose side of times can be told
STRAY_RUN_MIN_BLOCKS = 5  # "Story / May 3 / Story / May 1 / Most read": a stray line at an end
HEAD_MAX_BLOCKS = 8  # the article's head (headline to body) is this short, else it is not one
MENU_MIN_WORDS = 4  # a line of this many capitalised words and no function word is a menu
MENU_MIN_WORDS_OTHER = 9  # ... where headlines may be in Title Case (English, unknown)
MENU_STOPWORDS = 40  # ... function words: this many most frequent stopwords of the language
# (where headlines may be in Title Case, any word of the language's whole stopword list)
SENTENCE_CASE_LANGS = frozenset(
    "de fr pl es it pt nl sv da no fi cs sk sl hr hu ro ca lt lv et".split()
)  # languages whose headlines have lower-case words (verbs, adjectives) by convention
SECTION_MAX_WORDS = 5  # "Fashion, Style & Personal Care": capitalised, "&", no function word
NOT_MENU = re.compile(r"[^\w\s&/|·-]")  # any punctuation but the separators of menu items
NOT_MENU_OR_COMMA = re.compile(r"[^\w\s&/|·,-]")  # (NOT_MENU where commas are taken out)
LABEL_SCAN = 8  # blocks above a list searched for its label (over the list's short lines)
ENUMERATION_MIN_WORDS = 7  # a sentence ending with a colon this long introduces a list of things
AD_LABELS_MIN = 2  # lines saying "sponsored", "partner" above a list that make it an ad box
WORDS_ONLY = re.compile(r"[^\W\d_][\w'’-]*")
ATTRIBUTION = re.compile(r"^[—―]")  # "— Ann Lee (@ann) May 1, 2019": a quote's attribution
NOT_TITLE_START = re.compile(  # any of them, in one match (no letter in the last two: the same)
    "|".join(
        f"(?:{p.pattern})"
        for p in (RELATIVE_START, BYLINE_START, KIND_BYLINE, SOURCE_LINE, ATTRIBUTION)
    ),
    re.IGNORECASE,
)
# What NOT_TITLE_START's text starts with (besides a digit): a relative time's "hace", "vor",
# "il y a", "há"; a byline's "by", "von", "par", "por", "door", "author"; a kind of story
# ("Reportage von ...", after at most one word and a space); a source's or an editor's
# character; a dash. IGNORECASE pairs these letters with their capitals, "i" with "İ" and "ı",
# "k" with the Kelvin sign (test_feed_exact checks every character).
KIND_FIRST = frozenset("rRkK\u212aaAiI\u0130\u0131eEcCbBtTfF")
NOT_TITLE_FIRST = KIND_FIRST | frozenset("hHvVbBpPdD来來出作记記责責编編—―")


def case_pairs(spec: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each character of a key of `spec` -> the characters of its value: the first two letters
    of the words a pattern with IGNORECASE starts with, each letter written with every
    character IGNORECASE pairs it with (test_feed_exact checks every character)."""
    return {first: frozenset(seconds) for firsts, seconds in spec.items() for first in firsts}


I_CASES = "iI\u0130\u0131"  # (IGNORECASE pairs "i" with "İ" and "ı")
K_CASES = "kK\u212a"  # (and "k" with the Kelvin sign, "s" with the long s)
S_CASES = "sS\u017f"
KIND_PAIRS = case_pairs(  # a kind of story's first two letters (KIND_FIRST, then the second)
    {
        "rR": "eE",  # reportage, report, review, rezension, reportaż
        K_CASES: "oO",  # kommentar, kolumne, komentarz
        "aA": "nN",  # analyse, analysis
        I_CASES: "nN",  # interview
        "eE": S_CASES + "nN",  # essay, enquête
        "cC": "oOhHrR",  # column, columna, chronique, crónica
        "bB": "eE",  # bericht
        "tT": "rR",  # tribune
        "fF": "eE",  # felieton
    }
)
BYLINE_PAIRS = case_pairs(  # BYLINE_START's first two letters
    {
        "bB": "yY",  # by
        "vV": "oO",  # von
        "pP": "aAoO",  # par, por
        "dD": "oO",  # door
        "aA": "uU",  # author, autor
    }
)
NOT_TITLE_STARTS = BYLINE_PAIRS | case_pairs(  # a relative time's, a byline's first two letters
    {
        "hH": "aAáÁ",  # hace, há, ha
        "vV": "oO",  # vor
        I_CASES: "lL",  # il y a
    }
)
NOT_TITLE_PAIRS = {  # NOT_TITLE_START's first two letters (NOT_TITLE_FIRST, then the second)
    first: NOT_TITLE_STARTS.get(first, frozenset()) | KIND_PAIRS.get(first, frozenset())
    for first in NOT_TITLE_STARTS.keys() | KIND_PAIRS.keys()
}
NOT_TITLE_ALONE = frozenset("来來出作记記责責编編—―")  # (a source's or editor's line, a dash)
SLASH_TRAIL = 2  # " / " this often in a line: a trail of categories
TIME_LINE_MAX_CHARS = 30  # dates.is_time_line: a line longer than this (stripped) is none
CLOCK = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
CREDIT = re.compile(
    r"\((?:photo|foto|fot|bild|image|zdj[eę]cie|credit|quelle|source|crédit)s?\.?\s*(?::|by\b)"
    r"|\b(?:photo|foto|bild|zdj[eę]cie|crédit photo)\s*:\s*\S|getty images|shutterstock"
    r"|图片来源|图/|摄影[:：]",
    re.IGNORECASE,
)
CREDIT_WORDS = ("fot", "photo", "bild", "image", "zdjecie", "credit", "quelle", "source")  # ASCII
CREDIT_WORD = re.compile("|".join(CREDIT_WORDS))  # (one of them in the text: one C call)
CONTACT = re.compile(
    r"\b(?:tel|phone|fax|telefon|tél|teléfono|telefone|telefono|téléphone)\b\.?\D{0,20}\+?\d"
    r"[\d ()./-]{6,}|电话[:：]|\d{9,}",  # a phone number after its word; an account number
    re.IGNORECASE,
)
CONTACT_HINT = re.compile(r"\d[\d ()./-]{6}|电话")  # (no letter: IGNORECASE changes nothing)
# a comment: "Ann says:" above it, "Reply" or a rating below it (any of the usual languages)
COMMENT_INTRO = re.compile(
    r"^.{1,60}\s(?:says|said|wrote|writes|schreibt|schrieb|sagt|dit|écrit|a écrit|napisał[a]?"
    r"|pisze|dice|escribió|disse|scrive|zegt|schreef)\s*:$|^.{1,30}(?:说|写道)[:：]$",
    re.IGNORECASE,
)
COMMENT_AFTER = re.compile(
    r"^(?:reply|replies|antworten|antwort|répondre|odpowiedz|responder|responde|rispondi"
    r"|reageer|beantworten|回复|回覆|返信|답글|report|melden|signaler|zgłoś|denunciar|举报)"
    r"(?:\s*[(\[]?\d*[)\]]?)?\s*[↓↑]?$"
    r"|^(?:rating|valoración|valoracion|bewertung|ocena|valutazione|评分)\s*:",
    re.IGNORECASE,
)
# What COMMENT_AFTER's text starts with: the first letters of its words, each with every
# character IGNORECASE pairs it with ("s" with the long s; test_feed_exact checks every
# character), and its words' first characters in scripts without case.
COMMENT_AFTER_FIRST = frozenset("rRaAoObBmMsS\u017fzZdDvV回返답举评")
AD_LABEL = re.compile(
    r"\b(?:sponsor(?:ed|s)?|partners?|paid|promoted|promotion|advertisement|advertorial|anzeigen?"
    r"|werbung|gesponsert|sponsoris[ée]e?s?|publicit[ée]|publicidad|patrocinad[oa]s?"
    r"|reklama|sponsorowan[ey]|pubblicit[àa])\b|广告|推广|赞助",
    re.IGNORECASE,
)
AD_LABEL_PARTS = (  # a part of each of AD_LABEL's words (lower case, ASCII; a cheap test first:
    # in ASCII text, where IGNORECASE pairs no letter with a non-ASCII one, a match has one)
    *("sponsor", "partner", "paid", "promot", "advert", "anzeige", "werbung", "gesponsert"),
    *("publici", "patrocinad", "reklama", "pubblicit"),
)
NEED_LABEL = re.compile(
    r"\b(?:need|needed|ingredients?|materials?|supplies|tools|zutaten|material|ben[öo]tigen"
    r"|brauchen?|ingrédients?|matériel|il vous faut|składniki|potrzebne|potrzebujesz"
    r"|ingredientes|materiales|necesitas|necesita)\b|材料|所需",
    re.IGNORECASE,
)


def find_feed(
    labelled: Sequence[LabelledBlock],
    used: frozenset[int],
    page_published: str | None,
    settings: Settings,
    page_title: str | None = None,
    language: Language | None = None,
) -> list[FeedItem]:
    """The other stories, in page order (`language`: classify's, when the caller has it)."""
    words: list[int] | None = None  # word_count of each text (counted here when compiled)
    if _feed is not None:
        texts, free, digits, words = _feed.lines(labelled, used, NOT_STORIES, Label.ARTICLE)
    else:
        texts, free = page_lines(labelled, used)
        digits = [has_digit(t) for t in texts]
    own = WORD.findall(page_title.lower()) if page_title else []
    lang = language or detect_language("\n".join(lb.block.text for lb in labelled))  # classify's
    sentence_case = lang.code in SENTENCE_CASE_LANGS
    stop = top_stopwords(lang.code, MENU_STOPWORDS) if sentence_case else stopwords_for(lang.code)
    heads, titles = headlines(texts, free, digits, words, settings, stop, sentence_case, own)

    if _feed is not None and words is not None:  # (the item loop in one compiled call)
        found = _feed.items(
            ITEM_RULES,
            labelled,
            texts,
            free,
            digits,
            words,
            heads,
            titles,
            page_published,
            settings.feed_summary_max_words,
        )
    else:  # pragma: no cover - depends on the install
        found = _items(
            labelled, texts, free, digits, words, heads, titles, page_published, settings
        )
    top, body = article_head(labelled, used, page_title, texts)
    # (each filter below only where it may drop something: without a head, no item is inside
    # it, as top < x[0] and x[1] < -1 never hold; without a suspect, no item is dropped)
    kept = found if top < 0 else [x for x in found if not (top < x[0] and x[1] < body)]
    dropped = None  # (is_comment only where its cheap tests pass: most items pass none)
    if _feed is not None:
        dropped = _feed.drop_comments(
            texts, kept, COMMENT_AFTER_PAIRS, COMMENT_INTRO.match, COMMENT_AFTER.match
        )
    kept = _drop_comments(texts, kept) if dropped is None else dropped
    kept = strip_ranks(kept)
    looks = furniture_suspects(labelled, texts, kept, FURNITURE_RULES)
    if any(looks):  # (is_furniture only where its cheap tests pass)
        kept = [
            x
            for x, look in zip(kept, looks, strict=True)
            if not (look and is_furniture(labelled, texts, *x))
        ]
    lists = None  # (drop_labelled_lists in one compiled call, with find_feed's word counts)
    if _feed is not None and words is not None:
        lists = _feed.drop_lists(LIST_RULES, kept, texts, free, words)
    if lists is None:
        lists = drop_labelled_lists(kept, texts, free)
    return resolve_clock_times(lists, page_published)


def _drop_comments(
    texts: Sequence[str], found: Sequence[tuple[int, int, FeedItem]]
) -> list[tuple[int, int, FeedItem]]:
    """`found` without the readers' comments (is_comment), asked only where comment_suspects'
    cheap tests pass (the reference of _feed.drop_comments, and the path without it)."""
    looks = comment_suspects(texts, found, COMMENT_AFTER_PAIRS)
    if not any(looks):
        return list(found)
    return [
        x
        for x, look in zip(found, looks, strict=True)
        if not (look and is_comment(texts, x[0], x[1]))
    ]


def _items(
    labelled: Sequence[LabelledBlock],
    texts: Sequence[str],
    free: Sequence[bool],
    digits: Sequence[bool],
    words: Sequence[int] | None,
    heads: Heads,
    titles: Sequence[bool],
    page_published: str | None,
    settings: Settings,
) -> list[tuple[int, int, FeedItem]]:
    """find_feed's items before its post-pass: (first block, last block, item) of each headline
    shown as a story, with a time, a summary, in a list or as a card (`texts`, `free`,
    `digits`, `words`: find_feed's lines; `heads`, `titles`: its headlines). The reference,
    and the path without the compiled extension (_feed.items runs the same tests in the same
    order)."""
    n = len(texts)
    whens: dict[int, bool] = {}

    def when(k: int) -> bool:  # block k is free and prints a time or a date
        if not (0 <= k < n and free[k]):
            return False
        found = whens.get(k)
        if found is None:
            t = texts[k]  # (without a digit, is_when is is_time_line: "an hour ago")
            found = is_when(t) if digits[k] else t[-3:].lower() == "ago" and is_time_line(t)
            whens[k] = found
        return found

    # (cheap tests first: without a digit, only "an hour ago" prints when; and a time line
    # with no headline next to it stands alone, in no alternating run of times_below)
    timed = [False] * n  # (only next to a headline: the blocks around each)
    titled = list(compress(range(n), titles))
    for at in titled:
        for k in (at - 1, at + 1):
            if (
                0 <= k < n
                and free[k]
                and not titles[k]
                and (digits[k] or texts[k][-3:].lower() == "ago")
            ):
                timed[k] = when(k)
    below = times_below(titles, timed, texts)
    counts = words if words is not None else [word_count(x) for x in texts]
    most = settings.feed_summary_max_words  # (is_summary's cheap test: a summary's words)
    found: list[tuple[int, int, FeedItem]] = []  # first block, last block, item
    end_last = 0  # (the block after the last item found; a block neither titled nor right
    # above a titled one starts no item: skipped)
    for i in sorted({*titled, *(at - 1 for at in titled if at)}):
        if i < end_last or not free[i]:
            continue
        time = None
        j = i
        if i + 1 < n and titles[i + 1] and when(i) and i not in below:
            time, j = texts[i], i + 1
        if not titles[j]:
            continue
        prefix_time, title = heads[texts[j]]  # (titles[j])
        time = time or prefix_time
        end = j
        if (
            time is None
            and when(end + 1)
            and (end + 1 in below or not (end + 2 < n and titles[end + 2]))
        ):
            time, end = texts[end + 1], end + 1  # a time after the headline, not before the next
        summary = None
        k = end + 1
        if k + 1 < n and free[k] and is_meta(texts[k]):
            k += 1  # "3 diggs example.org Food", "By Ann Lee" between headline and summary
        if (
            k < n
            and free[k]
            and SUMMARY_MIN_WORDS <= counts[k] <= most
            and is_summary(texts[k], settings)
            and (not titles[k] or is_dek(texts[k], title))
        ):
            summary, end = texts[k], k
            if time is None and when(end + 1) and not (end + 2 < n and titles[end + 2]):
                time, end = texts[end + 1], end + 1
        if (
            summary is None
            and time is None
            and not in_list(texts, free, titles, j, counts)
            and not is_card(texts, free, j)
        ):
            continue
        item = FeedItem(
            title=title,
            summary=summary,
            time=time,
            published=resolve_time(time, page_published) if time else None,
            key=story_key(title),
            lines=(labelled[i].block.lines[0], labelled[end].block.lines[1]),
        )
        found.append((i, end, item))
        end_last = end + 1
    return found


def page_lines(
    labelled: Sequence[LabelledBlock], used: frozenset[int]
) -> tuple[list[str], list[bool]]:
    """Each block's text, and whether it is free for a story: neither article body, nor used
    by the article (its headline, byline...), nor a caption, dateline or author's bio."""
    article = Label.ARTICLE
    texts = [lb.block.text.strip() for lb in labelled]
    free = [
        lb.label is not article and lb.block.index not in used and lb.reason not in NOT_STORIES
        for lb in labelled
    ]
    return texts, free


def times_below(
    titles: Sequence[bool], whens: Sequence[bool], texts: Sequence[str] = ()
) -> frozenset[int]:
    """The time lines that belong to the headline above them, in lists that alternate
    headline and time. A list that starts with a headline and ends with a time prints its
    times below the headlines ("Story / May 3 / Story / May 1"); one that starts with a time
    and ends with a headline, above them. A list that starts and ends alike (a stray line at
    one end) follows the other lists of the page when they all agree; else, when it starts
    and ends with a headline (of `texts`) and the last is shorter than every other one (the
    next list's label, the site's name: "Story / May 3 / Story / May 1 / Most read"), times
    go below; else above."""
    runs: list[tuple[int, int]] = []
    start = last = -2  # (over the headlines and times only: the run that ends at `last`)
    for k in compress(range(len(titles)), map(or_, titles, whens)):
        if k == last + 1 and titles[k] != titles[last]:
            last = k  # (a run goes on while headline and time alternate, next to each other)
            continue
        if last - start + 1 >= ALTERNATING_MIN_BLOCKS:
            runs.append((start, last))
        start = last = k
    if last - start + 1 >= ALTERNATING_MIN_BLOCKS:
        runs.append((start, last))
    sides = [
        "below" if titles[a] and whens[b] else "above" if whens[a] and titles[b] else None
        for a, b in runs
    ]
    decided = {side for side in sides if side is not None}
    page_side = decided.pop() if len(decided) == 1 else "above"
    if len(decided) != 1 and texts:
        sides = [
            side or stray_last(titles, texts, a, b)
            for (a, b), side in zip(runs, sides, strict=True)
        ]
    return frozenset(
        t
        for (a, b), side in zip(runs, sides, strict=True)
        if (side or page_side) == "below"
        for t in range(a, b + 1)
        if whens[t]
    )


def stray_last(titles: Sequence[bool], texts: Sequence[str], a: int, b: int) -> str | None:
    """The side "below" when a run of headlines and times (blocks a to b) starts and ends with a
    headline, has two times or more, and the last headline is shorter than every other
    headline of the run: a stray line at its end, so its times go with the headlines above."""
    if not (titles[a] and titles[b]) or b - a + 1 < STRAY_RUN_MIN_BLOCKS:
        return None  # (in "Story / 5H ago / Story" either may be a summary: no telling)
    last = word_count(texts[b])
    others = [word_count(texts[k]) for k in range(a, b) if titles[k]]
    return "below" if others and last < min(others) else None


def article_head(
    labelled: Sequence[LabelledBlock],
    used: frozenset[int],
    page_title: str | None,
    texts: Sequence[str],
) -> tuple[int, int]:
    """Blocks (headline, first body block) of the article's head, where its byline, dateline
    and photo caption stand; (-1, -1) when the page has no such short head (`texts`: each
    block's text, stripped)."""
    if not page_title:
        return -1, -1
    title = page_title.strip()
    at = -1
    while True:  # (equal text first: list.index compares in C, no call per line)
        try:
            at = texts.index(title, at + 1)
        except ValueError:
            return -1, -1
        if labelled[at].block.index in used:
            break
    article = Label.ARTICLE  # (a body further than HEAD_MAX_BLOCKS away: no short head)
    for body in range(at + 1, min(len(labelled), at + HEAD_MAX_BLOCKS + 1)):
        if labelled[body].label is article:
            return at, body
    return -1, -1


def is_comment(texts: Sequence[str], first: int, last: int) -> bool:
    """A reader's comment: "Ann says:" or the previous comment's "Reply" just above it;
    "Reply" or a rating under it or under the line after it (the comment's text)."""
    before = texts[first - 1] if first > 0 else ""
    if tail(before, 1) in (":", "：") and COMMENT_INTRO.match(before):  # (ends with a colon)
        return True
    for text in (before, *texts[last + 1 : last + 3]):  # "Reply" under it, or under its text
        if text[:1] in COMMENT_AFTER_FIRST and COMMENT_AFTER.match(text):
            return True
    return False


COMMENT_AFTER_PAIRS = {  # COMMENT_AFTER's first two characters, each in every case (a str)
    first: "".join(sorted(seconds))
    for first, seconds in case_pairs(
        {
            "rR": "eEéÉaA" + I_CASES,  # reply, report, responder, reageer, répondre, rating,
            # rispondi
            "aA": "nN",  # antworten
            "oO": "dDcC",  # odpowiedz, ocena
            "bB": "eE",  # beantworten, bewertung
            "mM": "eE",  # melden
            S_CASES: I_CASES,  # signaler
            "zZ": "gG",  # zgłoś
            "dD": "eE",  # denunciar
            "vV": "aA",  # valoración, valutazione
            "回": "复覆",
            "返": "信",
            "답": "글",
            "举": "报",
            "评": "分",
        }
    ).items()
}
HEAD_COLON_PAIRS = {  # IMPRINT's and SHARE_BAR's first two characters, each in every case
    first: "".join(sorted(seconds))
    for first, seconds in case_pairs(
        {
            "aA": "dDnN",  # address, adresse, adres, anschrift
            "hH": "eE",  # herausgeber
            "vV": "eE",  # verlag
            "pP": "uUaA",  # publisher, partager
            "eE": "dD",  # editor-in-chief
            "cC": "hHoO",  # chefredakteur, chefredaktion, compartir, condividi
            "wW": "yY",  # wydawca
            "rR": "eE",  # redaktor naczelny
            "dD": I_CASES,  # directeur, directrice
            S_CASES: I_CASES + "hH",  # siège social, share
            "éÉ": "dD",  # éditeur
            "tT": "eE",  # teilen
            "uU": "dD",  # udostępnij
            "주": "소",
            "발": "행",
            "편": "집",
            "등": "록",
            "사": "업",
            "地": "址",
            "主": "办",
            "备": "案",
            "分": "享",
            "공": "유",
        }
    ).items()
}
STAMP_RELATIVE_WORDS = 5  # RELATIVE_TIME's words after a letter ("il y a 5 minutes") at most
STAMP_NUMBER_WORDS = 3  # ... and after a digit ("2 hours ago", "3 小时 前")
FURNITURE_RULES = (  # what furniture_suspects tests (the compiled one takes them so)
    "".join(COMMENT_STOPS),  # (each one character)
    FOLLOW_US_PARTS,
    SIGN_UP_PARTS,
    "story_end",
    STAMP_FIRST,
    HEAD_COLON_PAIRS,
    STAMP_RELATIVE_WORDS,
    STAMP_NUMBER_WORDS,
)


def paired(text: str, pairs: dict[str, str]) -> bool:
    """Whether `text` may start with a word whose first two characters `pairs` holds (a text
    of one character: whether it is a first one)."""
    seconds = pairs.get(text[:1])
    return seconds is not None and (len(text) < 2 or text[1] in seconds)


def _comment_suspects(
    texts: Sequence[str], found: Sequence[tuple[int, int, FeedItem]], pairs: dict[str, str]
) -> list[bool]:
    """For each found item (first block, last block, item), False only where `is_comment` is
    False by its cheap tests alone: the line above ends with no colon and neither it nor the
    two lines under the item start with two characters of `pairs` (COMMENT_AFTER_PAIRS); an
    index outside `texts` is looked at (the reference, and the path without the compiled
    extension)."""
    n = len(texts)
    out = []
    for first, last, _ in found:
        if not (0 <= first <= n and last >= -1):
            out.append(True)
            continue
        before = texts[first - 1] if first > 0 else ""
        out.append(
            tail(before, 1) in (":", "：")
            or any(paired(text, pairs) for text in (before, *texts[last + 1 : last + 3]))
        )
    return out


def may_stamp(
    title: str,
    stamp_first: str,
    relative_words: int = STAMP_RELATIVE_WORDS,
    number_words: int = STAMP_NUMBER_WORDS,
) -> bool:
    """False only where `is_stamp` is False: it needs a digit, a first word without one (a
    name), and a second word that starts a time or, after a second name without a digit, a
    third; the time (is_time_stamp of the words from there on, joined by spaces) is
    RELATIVE_TIME alone when it starts with a letter (`stamp_first`: STAMP_FIRST), so
    `relative_words` words at most ("il y a 5 minutes"); when it starts with a digit, it is
    RELATIVE_TIME, of `number_words` words at most ("2 hours ago"), or a date, which has an
    anchor of dates.MAYBE_DATE (YEARISH: find_dates finds no date without one)."""
    if not has_digit(title):
        return False
    words = title.split()
    for k in (1, 2):
        if len(words) <= k or has_digit(words[k - 1]):
            return False
        first, left = words[k][:1], len(words) - k
        if first.isdecimal():
            if left <= number_words or YEARISH.search(" ".join(words[k:])):
                return True
        elif first in stamp_first and left <= relative_words:
            return True
    return False


def _furniture_suspects(
    labelled: Sequence[LabelledBlock],
    texts: Sequence[str],
    found: Sequence[tuple[int, int, FeedItem]],
    rules: tuple[str, tuple[str, ...], tuple[str, ...], str, str, dict[str, str], int, int],
) -> list[bool]:
    """For each found item, False only where `is_furniture` is False by its cheap tests alone
    (`rules`: FURNITURE_RULES): its title is no stamp (`may_stamp`), has no "/" before a year
    (ISSUE_YEAR: spaces perhaps, "19" or "20" and two digits), no ":" or
    "：" after two characters that may start IMPRINT or SHARE_BAR, no comment's stop at its
    end when it has a time, none of FOLLOW_US_PARTS in its lower case; no "story_end" reason
    on its first block, and none of SIGN_UP_PARTS in the line above or in the line below in
    lower case (a sign-up box needs both; the reference, and the path without the compiled
    extension)."""
    stops, follow, sign_up, story_end, stamp_first, colon_pairs, relative, number = rules
    out = []
    for first, last, item in found:
        if not 0 <= first < len(texts):
            out.append(True)
            continue
        title = item.title
        above = texts[first - 1] if first > 0 else ""
        out.append(
            may_stamp(title, stamp_first, relative, number)
            or ("/" in title and ISSUE_YEAR.search(title) is not None)
            or (("：" in title or ":" in title) and paired(title, colon_pairs))
            or (item.time is not None and title[-1:] in stops and title != "")
            or has_any(title.lower(), follow)
            or labelled[first].reason == story_end
            or (
                has_any(above.lower(), sign_up)
                and (
                    last + 1 < 0  # (texts[last + 1] from the end: is_furniture decides)
                    or has_any((texts[last + 1] if last + 1 < len(texts) else "").lower(), sign_up)
                )
            )
        )
    return out


comment_suspects = _feed.comment_suspects if _feed is not None else _comment_suspects
furniture_suspects = _feed.furniture_suspects if _feed is not None else _furniture_suspects


def strip_ranks(found: Sequence[tuple[int, int, FeedItem]]) -> list[tuple[int, int, FeedItem]]:
    """Without the rank printed in front of the headlines of a numbered list ("1 Vaud: ...",
    "2 Un nouveau pont ...", "3 Hockey: ..."): neighbouring items numbered one after another
    from RANK_MAX or less, RANK_MIN_ITEMS of them at least ("10 things to know" alone keeps
    its number)."""
    ranks = [  # (rank's first test here: most titles start with no digit, no call for them)
        rank(item.title) if item.title[:1].isdecimal() else None for _, _, item in found
    ]
    out = list(found)
    if not any(ranks):  # (no rank: no list of them, as RANK_MIN_ITEMS > 1; most pages)
        return out
    start = 0
    while start < len(found):
        stop = start + 1
        first = ranks[start]
        if first is not None and first[0] <= RANK_MAX:
            while (
                stop < len(found)
                and (nxt := ranks[stop]) is not None
                and nxt[0] == first[0] + stop - start
                and found[stop][0] - found[stop - 1][1] <= LIST_REACH + 1
            ):
                stop += 1
        if stop - start >= RANK_MIN_ITEMS:
            for k in range(start, stop):
                a, b, item = found[k]
                title = ranks[k][1]  # type: ignore[index]
                out[k] = (a, b, replace(item, title=title, key=story_key(title)))
        start = stop
    return out


def rank(title: str) -> tuple[int, str] | None:
    """The number in front of a headline, and the headline without it ("2 Lidl opens ...")."""
    m = RANKED.match(title) if title[:1].isdecimal() else None
    return (int(m[1]), m[2]) if m and word_count(m[2]) >= FEED_MIN_LEFT else None


def is_furniture(
    labelled: Sequence[LabelledBlock], texts: Sequence[str], first: int, last: int, item: FeedItem
) -> bool:
    """A found item that is the page's furniture, not a story: a reader's comment under its
    writer's name and time ("Ann 27.11.2026, 11:05", "Radler_MR vor 2 Stunden"), the name of
    a newsletter in its sign-up box (a sign-up line above it and under it), an issue line
    ("Aus der Ausgabe Nr. 49/2026"), an imprint line ("주소: ...", "Publisher: ..."), a
    share bar ("分享到： 微信 微博"), a "follow us" line, or the notice where the revision
    cut the story ("本文为作者原创，转载请注明出处。", "© Agence France-Presse")."""
    title = item.title
    if is_stamp(title):
        return True  # "Radler_MR vor 2 Stunden" (its comment, the summary)
    if item.time is not None and title.endswith(COMMENT_STOPS):  # (is_lines_comment's too)
        if is_stamp(item.time):
            return True  # a headline ends no sentence ("Wednesday 20 November 2019 9:22 am")
        if is_lines_comment(texts, first, item):
            return True
    if "/" in title and ISSUE.search(title):
        return True
    if (":" in title or "：" in title) and (IMPRINT.match(title) or SHARE_BAR.match(title)):
        return True
    low = title.lower()
    if has_any(low, FOLLOW_US_PARTS) and FOLLOW_US.search(low):
        return True
    if labelled[first].reason == "story_end" and (
        first == 0 or labelled[first - 1].reason not in ("story_end", "caption")
    ):  # (after a copyright line taken as a credit, the cut is there: a list may start)
        return True
    above = (texts[first - 1] if first > 0 else "").lower()
    if not (has_any(above, SIGN_UP_PARTS) and SIGN_UP.search(above)):
        return False
    below = (texts[last + 1] if last + 1 < len(texts) else "").lower()
    return has_any(below, SIGN_UP_PARTS) and SIGN_UP.search(below) is not None


def is_stamp(text: str) -> bool:
    """A name and a time, as over a reader's comment ("Ann Lee 27.11.2026, 11:05", "gość
    27.11.2026, 11:48", "Radler_MR vor 2 Stunden", "林小北 2026-11-27 10:05"): one or two
    words without a digit, then a date with its time or a relative time, nothing else."""
    if not has_digit(text):
        return False  # (every time it may end with has a digit: the cheap test first)
    words = text.split()
    for k in (1, 2):
        if len(words) <= k or not NAME_WORD.fullmatch(words[k - 1]):
            break  # (words[:k - 1] are names already)
        first = words[k][:1]  # (is_time_stamp's cheap test: what its text may start with)
        if (first in STAMP_FIRST or first.isdecimal()) and is_time_stamp(" ".join(words[k:])):
            return True
    return False


def is_time_stamp(when: str) -> bool:
    """A relative time ("vor 2 Stunden") or a date with its time, alone on the line."""
    if RELATIVE_TIME.fullmatch(when):
        return True
    dates = find_dates(when) if when[:1].isdecimal() else []
    return (
        len(dates) == 1
        and dates[0].start == 0
        and dates[0].end >= len(when.rstrip(" )"))
        and "T" in dates[0].iso
    )


def is_lines_comment(texts: Sequence[str], first: int, item: FeedItem) -> bool:
    """A reader's comment as harsh dumps print it: the writer's name on a line of its own
    ("Mieszkaniec"), the date with its time under it, then the comment's text, a sentence
    that ends with a full stop (headlines do not)."""
    if item.time is None or first == 0 or not item.title.endswith(COMMENT_STOPS):
        return False
    if not is_time_stamp(item.time.strip()):
        return False
    name = texts[first - 1].split()
    return 0 < len(name) <= STAMP_NAME_WORDS and all(NAME_WORD.fullmatch(w) for w in name)


def drop_labelled_lists(
    found: Sequence[tuple[int, int, FeedItem]], texts: Sequence[str], free: Sequence[bool]
) -> list[tuple[int, int, FeedItem]]:
    """Without the lists that a label says are ads ("Paid Partner") or an enumeration of
    things ("What you will need:"): their entries are not stories."""
    kept: list[tuple[int, int, FeedItem]] = []
    start, count, reach = 0, len(found), LIST_REACH + 1
    while start < count:
        stop = start + 1
        last = found[start][1]
        while stop < count:  # (same_list, inline: most items stand right under the last one)
            first = found[stop][0]
            if first - last > reach or (
                first > last + 1 and any(map(ENDS_LABEL, texts[last + 1 : first]))
            ):
                break
            last = found[stop][1]
            stop += 1
        group = found[start:stop]
        label = list_label(texts, free, group[0][0])
        if label is None or (not AD_LABEL.search(label) and not is_enumeration(label)):
            kept.extend(group)
        elif not AD_LABEL.search(label) and any(
            item.time is not None or item.summary is not None for _, _, item in group
        ):
            kept.extend(group)  # entries with times or summaries: stories after all
        start = stop  # (an ad box, or an enumeration of bare lines: none stays)
    return kept


def same_list(texts: Sequence[str], last: int, first: int) -> bool:
    """Whether two found stories stand in one list: a few blocks apart, no label between."""
    return first - last <= LIST_REACH + 1 and not any(map(ENDS_LABEL, texts[last + 1 : first]))


def list_label(texts: Sequence[str], free: Sequence[bool], first: int) -> str | None:
    """The label above a list, over the short lines of the list itself: the nearest line
    that ends with a colon, or the ad box's label when two lines above say ads ("Partner
    offers", "Paid partner", the nearest right above it; one "Advertisement" or "Sponsored"
    is an ad slot of its own, or a menu entry, and the list under it may be news)."""
    ads: list[str] = []
    boxed = True  # (until the line right above says otherwise: then only a colon's line counts)
    k = first - 1
    while k >= 0 and first - k <= LABEL_SCAN and free[k]:
        text = texts[k]
        if text.endswith((":", "：")):
            return text
        words = word_count(text)
        if words > KICKER_MAX_WORDS:
            break
        if boxed:
            if (
                words <= GLUE_MAX_WORDS
                and (not text.isascii() or has_any(text.lower(), AD_LABEL_PARTS))
                and AD_LABEL.search(text)
            ):
                ads.append(text)
            elif k == first - 1:
                boxed = False  # the line right above is not an ad label: this list is no ad box
        k -= 1
    return ads[0] if boxed and len(ads) >= AD_LABELS_MIN else None


def is_enumeration(label: str) -> bool:
    """A label that introduces a list of things, not of stories: what a how-to needs ("What
    You'll Need:"), or a whole sentence ("In the interview he also said:", "Subscribe to our
    newsletter to receive:"); "Read more:" or "Related stories:" introduce stories."""
    return label.endswith((":", "：")) and (
        NEED_LABEL.search(label) is not None
        or len(WORDS_ONLY.findall(label)) >= ENUMERATION_MIN_WORDS
    )


LIST_RULES = (  # what the compiled drop_labelled_lists (_feed.drop_lists) calls and counts
    AD_LABEL.search,
    is_enumeration,
    AD_LABEL_PARTS,
    LIST_REACH,
    LABEL_SCAN,
    KICKER_MAX_WORDS,
    GLUE_MAX_WORDS,
    AD_LABELS_MIN,
)


def is_menu_line(text: str, stop: frozenset[str], sentence_case: bool) -> bool:
    """A menu printed on one line: capitalised words, no function word and no punctuation
    but "&", "/" or commas ("Lokales Region Politik Wirtschaft"), or a section's name
    ("Fashion, Style & Personal Care"); in a script written without spaces, three or more
    short items apart and no punctuation ("首页 新闻 财经 科技"). In languages whose
    headlines are in sentence case that is never a headline (nor a line of Korean, written
    with spaces too, with a word of one syllable or one that ends with a particle: "도심
    공원에 야간 조명 설치", "매매가 석 달 연속 하락"); elsewhere (English, Indonesian,
    unknown) Title Case headlines are common ("Early Black Friday Vizio Deals"), so it takes
    a longer line."""
    facts = menu_facts(text)  # (what it tests on characters, in one pass)
    if facts & M_WIDE:
        items = text.split()
        return (
            len(items) >= WIDE_MENU_MIN_ITEMS
            and sum(map(len, items)) <= WIDE_MENU_MAX_CHARS * len(items)
            and not WIDE_PUNCT.search(text)
            and not any(item.isdecimal() for item in items)  # "1 한강시 ...": a ranked headline
            and not (HANGUL.search(text) and any(is_korean_word(item) for item in items))
        )
    if facts & M_PUNCT:
        return False  # (NOT_MENU_OR_COMMA)
    if facts & M_COMMA and not facts & M_AMP:
        return False  # (the last test below needs no comma, the one before " & ")
    if facts & M_LOWER:
        return False  # a word in lower case: each test below needs every word capitalised
    words = WORDS_ONLY.findall(text)
    if " & " in text and len(words) <= SECTION_MAX_WORDS:  # "Food & Drink", "Arts & Culture"
        return all(w[0].isupper() for w in words) and not any(w.lower() in stop for w in words)
    return (
        "," not in text
        and len(words) >= (MENU_MIN_WORDS if sentence_case else MENU_MIN_WORDS_OTHER)
        and all(w[0].isupper() for w in words)
        and not any(w.lower() in stop for w in words)
    )


M_WIDE = 1  # menu_facts: has_wide
M_PUNCT = 2  # NOT_MENU_OR_COMMA finds a character
M_COMMA = 4  # "," in text
M_AMP = 8  # " & " in text
M_LOWER = 16  # lower_word


def _menu_facts(text: str) -> int:
    """What is_menu_line tests on `text`'s characters, the flags M_* (the reference, and the
    path without the compiled extension)."""
    return (
        (M_WIDE if has_wide(text) else 0)
        | (M_PUNCT if NOT_MENU_OR_COMMA.search(text) else 0)
        | (M_COMMA if "," in text else 0)
        | (M_AMP if " & " in text else 0)
        | (M_LOWER if lower_word(text) else 0)
    )


menu_facts = _feed.menu_facts if _feed is not None else _menu_facts


def is_korean_word(item: str) -> bool:
    """A word of a Korean sentence rather than a menu's item: one syllable ("석", "달"), or
    a particle or a verb's ending at its end ("공원에", "서둘러야")."""
    return (len(item) == 1 and bool(HANGUL.match(item))) or item.endswith(KOREAN_ENDINGS)


def resolve_clock_times(
    found: Sequence[tuple[int, int, FeedItem]], page_published: str | None
) -> list[FeedItem]:
    """Feed items whose printed time is a bare time of day, dated as the page allows.

    When the article prints its time, a time of day not later than it is on the article's
    day. A later one is on the day before only when the feed's order shows it: a run of
    times that goes down, jumps up once (midnight) and goes down again, the jump after
    times of the article's day ("8:40 AM, 5:56 PM, 4:12 PM" under a 9:15 AM article).
    Otherwise a later time has no date: later that day or a day before, the page does not say.
    """
    items = [item for _, _, item in found]
    try:
        base = datetime.fromisoformat(page_published) if page_published else None
    except ValueError:
        base = None
    if base is None or "T" not in (page_published or ""):
        return items  # no time on the page: times of day are on the page's date, as printed
    clocks = [  # (clock_minutes of each item's time, once; of no time, None: no call for it)
        clock_minutes(time) if (time := item.time) else None for item in items
    ]
    if clocks.count(None) == len(clocks):
        return items  # (no time of day: no item changes; most pages)
    now = base.hour * 60 + base.minute
    out: list[FeedItem] = []
    start = 0
    while start < len(items):
        stop = start
        while stop < len(items) and clocks[stop] is not None:
            stop += 1
        if stop == start:
            out.append(items[start])
            start += 1
            continue
        run = items[start:stop]
        mins: list[int] = clocks[start:stop]  # type: ignore[assignment]  # (none is None)
        days = run_days(mins, now)
        for item, minutes, day in zip(run, mins, days, strict=True):
            when = None
            if day is not None:
                moment = base.replace(hour=minutes // 60, minute=minutes % 60, second=0)
                when = (moment - timedelta(days=day)).isoformat()
            out.append(replace(item, published=when))
        start = stop
    return out


def run_days(mins: Sequence[int], now: int) -> list[int | None]:
    """Days before the article's day of each time in a run (None: not known)."""
    ups = [k for k in range(1, len(mins)) if mins[k] > mins[k - 1]]
    downs = [k for k in range(1, len(mins)) if mins[k] < mins[k - 1]]
    if len(ups) == 1 and downs and all(m <= now for m in mins[: ups[0]]):
        return [0 if k < ups[0] else 1 for k in range(len(mins))]
    days: list[int | None] = []
    for m in mins:
        later = m > now or (days and days[-1] is None)
        days.append(None if later else 0)
    return days


def is_when(text: str) -> bool:
    """A line that only prints when: "5:56 PM", "2 hours ago", "November 18, 2019 at 2:01 pm"."""
    if not has_digit(text):  # then only is_time_line's "an hour ago" (the cheap test first)
        return text.rstrip()[-3:].lower() == "ago" and is_time_line(text)
    if is_time_line(text):
        return split_date(text)[0] is None  # not "市政府公布新规 2014年1月9日"
    if len(text) > WHEN_MAX_CHARS or DIGITS.search(text) is None:
        return False
    if word_count(text) > WHEN_MAX_WORDS:
        return False
    dates = find_dates(text)
    return (
        bool(dates) and split_date(text, dates)[0] is None
    )  # not a headline with its date ("27.11.2026 Stadtwerke …")


def is_template(text: str, shapes: Counter[str], repeats: Counter[str]) -> bool:
    """A line the page prints over and over: "Rated 3 of 5 stars", a section banner."""
    if repeats[text] >= EXACT_REPEATS:
        return True
    return DIGITS.search(text) is not None and shapes[DIGITS.sub("0", text.lower())] >= (
        TEMPLATE_MIN_REPEATS
    )


def story_keywords(other: Sequence[str]) -> list[str]:
    """Words of `other` of which a title naming the same story (`same_story`) has one at
    least, each a part of its text then: same_story needs every word of `other` when either
    has fewer than SAME_STORY_MIN_WORDS, else SAME_STORY_SHARE of that many at least, so
    `need` words, and any len(other) - need + 1 of them hold one (the longest: rare ones)."""
    words = sorted(sorted(set(other)), key=len, reverse=True)  # (longest first, then by w:
    # a sort by (-len(w), w), stable sorts without a Python key call per word)
    need = min(len(words), math.ceil(SAME_STORY_SHARE * SAME_STORY_MIN_WORDS))
    return words[: len(words) - need + 1]


def same_story(words: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two titles name the same story: most words shared (the page's own headline
    shown again in a breadcrumb or a share bar is not another story)."""
    if not words or not other:
        return False
    a, b = set(words), set(other)
    shorter = min(len(a), len(b))
    if shorter < SAME_STORY_MIN_WORDS:
        return a == b
    return len(a & b) >= SAME_STORY_SHARE * shorter  # "Headline - Site" is still Headline


def clean_title(text: str) -> tuple[str | None, str]:
    """A time printed in front of a headline, and the headline without it or a comment count
    (or a list's label glued to it)."""
    digit = has_digit(text)  # (both trailing patterns need one; nothing below adds a digit)
    if not digit and text[:1] not in LEADING_BULLETS:
        return None, strip_label(text)  # (no digit: no count, leading time, date or "ago")
    if digit and tail(text, 1) in "sStTſ":  # (cheap tests first: "comments", "replies", "shares")
        text = TRAILING_COUNT.sub("", text)
    if text[:1] in LEADING_BULLETS:
        text = LEADING_BULLET.sub("", text)
    text = strip_label(text)
    m = LEADING_TIME.match(text) if text[:1].isdecimal() else None  # (it starts with a digit)
    if m is not None:
        return m["time"], m["title"]
    when, title = split_date(text) if digit else (None, text)  # (a date has a digit)
    if when is not None:
        return when, title
    m = TRAILING_AGO.search(text) if digit and tail(text, 3).lower() == "ago" else None
    if m is not None:
        return m["time"], text[: m.start()]
    return None, text


def split_date(text: str, found: list[FoundDate] | None = None) -> tuple[str | None, str]:
    """A date printed in front of a headline or after it, in cards and lists ("27.11.2026
    Stadtwerke erhöhen die Preise", "Die Schuldenbremse ist kein Dogma 26. November 2026",
    "市政府公布明年民生实事项目 2026-11-15"): the date and the headline without it. Not a
    date the headline's sentence goes on to ("Elections set for 3 May 2027": after a short
    lower-case word or any short one, a comma or a colon: "Pictures of the Day: 21 November
    2017", "Media Wednesday, March 18, 2015"), nor one that leaves a dateline ("Published
    11:11 PM EST"; a date with its time or a comma in front: "2018年6月18日 10:01 発信地：…"),
    fewer than DATED_TITLE_MIN_WORDS words ("Ann Lee 27.11.2026, 11:05") or no headline's
    start ("; 18 years ago", "// By Ann Lee")."""
    if word_count(text) < DATED_TITLE_MIN_WORDS:
        return None, text  # (what a date leaves of the line has no more words: no headline)
    if found is None:  # (cheap tests first)
        if "19" not in text and "20" not in text and "/" not in text:
            return None, text  # (YEARISH needs one of them: no year)
        year = YEARISH.search(text)  # every date find_dates finds has a year
        if year is None:
            return None, text
        if year.start() > LEADING_DATE_MAX_CHARS and tail(text.rstrip(), 1) not in DATE_ENDS:
            return None, text  # neither in front nor at the end
        if DATE_START.match(text) is None and not may_date_end(text.rstrip()):
            return None, text  # no date may start where it starts, nor end where it ends
    dates = find_dates(text) if found is None else found  # (`found`: find_dates(text))
    if not dates:
        return None, text
    first, last = dates[0], dates[-1]
    if first.start == 0 and "T" not in first.iso:  # (with a time: the page's dateline)
        rest = text[first.end :].lstrip(DATE_SEPARATORS)
        comma = text[first.end : first.end + 1] in (",", "，")
        if is_dated_title(rest) and not rest[:1].islower() and not comma:
            return text[: first.end].strip(), rest
    if last.end == len(text.rstrip()):
        before = text[: last.start].rstrip()
        rest = before.rstrip(DATE_SEPARATORS + "(")
        words = rest.split()
        if (
            is_dated_title(rest)
            and not before.endswith((",", ":", "：", ";", "，"))
            and not (words[-1].islower() and len(words[-1]) <= DATE_PREPOSITION_MAX_CHARS)
            and not (words[-1].isalpha() and len(words[-1]) < DATE_PREPOSITION_MAX_CHARS)
        ):  # (nor a short word: "Last modified on Wed 16 Jan 2019", "... at the UN")
            return text[last.start :].strip(), rest
    return None, text


def may_date_end(text: str) -> bool:
    """Whether a date of dates.find_dates may end where `text` ends: a digit, "日", or a time's
    "[ap]\\.?\\s?m\\.?" (IGNORECASE) there, as each of dates.DATE_PATTERNS ends
    (tests/unit/test_feed_dates_gate.py checks it against DATE_END)."""
    last = text[-1:]
    if last.isdecimal() or last == "日":
        return True
    k = len(text) - 1
    if last == ".":
        k -= 1
    if k < 0 or text[k] not in "mM":
        return False
    k -= 1
    if k >= 0 and text[k].isspace():
        k -= 1
    if k >= 0 and text[k] == ".":
        k -= 1
    return k >= 0 and text[k] in "aApP"


def may_split_date(text: str) -> bool:
    """False only where split_date(text) is (None, text): no date anchor (dates.MAYBE_DATE),
    or no date may start where the text starts (DATE_START) nor end where it ends but its
    spaces (may_date_end; the reference of _feed.date_gates' bit 1)."""
    return (
        DATE_START.match(text) is not None or may_date_end(text.rstrip())
    ) and MAYBE_DATE.search(text) is not None


def may_time_line(text: str) -> bool:
    """False only where dates.is_time_line(text) is False: text.strip() of 30 characters at
    most that ends with "ago" (case aside), or of 24 at most with a date anchor
    (dates.MAYBE_DATE: first_date), or starts a time of day (TIME_OF_DAY_START) or a month's
    name and a day (DATE_START, after no digit; the reference of _feed.date_gates' bit 2)."""
    text = text.strip()
    if not 0 < len(text) <= TIME_LINE_MAX_CHARS:
        return False
    if text[-3:].lower() == "ago" and len(text) >= 3:
        return True
    if len(text) <= 24 and MAYBE_DATE.search(text) is not None:
        return True
    if text[0].isdecimal():
        return TIME_OF_DAY_START.match(text) is not None
    return DATE_START.match(text) is not None


def is_dated_title(rest: str) -> bool:
    """What is left of a line without its date reads as a headline's words (see split_date)."""
    if word_count(rest) < DATED_TITLE_MIN_WORDS:
        return False
    if not (rest[:1].isalnum() or rest[:1] in "\"'“„«‘"):
        return False
    if ANY_CLOCK.search(rest):
        return False  # "Published 11:11 PM EST Nov 19, 2019": a dateline
    alpha = count_letters(rest)
    return 2 * alpha >= len(rest.replace(" ", ""))


def tail(text: str, chars: int) -> str:
    """The last `chars` characters before where a pattern's "$" may match (the end, or one
    final newline): what a pattern ending with them needs (case-insensitive: lower it)."""
    return (text[:-1] if text.endswith("\n") else text)[-chars:]


def strip_label(text: str) -> str:
    """A headline without the list's label that a dump glued to it, in front ("Zobacz także
    Nowy park ...", after a button: "Zapisz się Zobacz także ...") or at its end ("... od
    kwietnia Najczęściej czytane"): a label of two words or more, or one with a colon, and
    a capital where the headline starts or the label does."""
    if len(text) > GLUED_LABEL_MAX_CHARS:
        return text  # a paragraph
    if not edge_words(
        text, LABEL_FIRST_WORDS, GLUED_LABEL_JUNK + 1, GLUED_LABEL_REACH, LABEL_FIRST_PAIRS
    ):
        return text  # no word that may start a label where the loops below look (cheap test)
    words = text.split()
    n = len(words)
    for start in range(min(GLUED_LABEL_JUNK + 1, n)):
        if words[start] not in LABEL_FIRST_WORDS:
            continue
        for end in range(min(start + GLUED_LABEL_REACH, n - 1), start, -1):
            if words[end][0].islower() or not is_list_label(words[start:end]):
                continue  # the headline starts after the label, with a capital
            rest = " ".join(words[end:])
            if word_count(rest) >= FEED_MIN_LEFT:
                return rest
    for start in range(max(1, n - GLUED_LABEL_REACH), n):
        if words[start] in LABEL_FIRST_WORDS and words[start][0].isupper():
            rest = " ".join(words[:start])  # a capital in mid-headline: the next line's label
            if is_list_label(words[start:]) and word_count(rest) >= FEED_MIN_LEFT:
                return rest
    return text


def ascii_pairs(words: frozenset[str]) -> bytes:
    """Which ASCII starts `words` have, for edge_words: 128 * 128 bytes, at first * 128 +
    second (0 for a word of one character) the lengths of the words of `words` that start with
    these two characters, bit k - 1 for length k (bit 7: 8 or more); a word with a character
    from U+0080 there is looked up anyway."""
    pairs = bytearray(128 * 128)
    for word in words:
        first, second = ord(word[0]), ord(word[1]) if len(word) > 1 else 0
        if first < 128 and second < 128:
            pairs[first * 128 + second] |= 1 << (min(len(word), 8) - 1)
    return bytes(pairs)


LABEL_FIRST_PAIRS = ascii_pairs(LABEL_FIRST_WORDS)  # (strip_label's cheap test)


def _edge_words(text: str, words: frozenset[str], head: int, tail: int, pairs: bytes = b"") -> bool:
    """Whether one of the first `head` or the last `tail` words of `text` (str.split) is one
    of `words` (the reference, and the path without the compiled extension; `pairs`, the
    compiled path's cheap test, changes nothing)."""
    split = text.split()
    return not (words.isdisjoint(split[:head]) and words.isdisjoint(split[-tail:] if tail else []))


edge_words = _feed.edge_words if _feed is not None else _edge_words


def is_list_label(words: Sequence[str]) -> bool:
    label = " ".join(words).lower()
    trimmed = LABEL_TRIM.sub("", label)
    if trimmed not in RELATED_LABELS:
        return False
    return len(words) >= 2 or trimmed != label or bool(WIDE.search(label))  # not "Recommended"


def _word_count(text: str) -> int:
    """Whitespace-separated words; a `WIDE` character counts as half a word (the reference,
    and the path without the compiled extension)."""
    if text.isascii():
        return len(text.split())  # no wide character (the cheap test first)
    wide = len(WIDE.findall(text))
    return len(text.split()) if not wide else len(WIDE.sub(" ", text).split()) + wide // 2


word_count = _feed.word_count if _feed is not None else _word_count


def is_title(text: str, settings: Settings) -> bool:
    """A headline: a few words, at most one sentence break, not a call to action or byline."""
    if _feed is None:  # pragma: no cover - depends on the install
        return _is_title(text, settings)
    return _feed.title_verdict(
        TITLE_RULES, text, settings.feed_title_min_words, settings.feed_title_max_words
    )


def _is_title(text: str, settings: Settings) -> bool:
    """`is_title` (the reference, and the path without the compiled extension, which runs the
    same tests in the same order, each pattern where this calls it)."""
    facts = title_facts(text)  # (what it tests on characters, in one pass: see title_facts)
    n = facts >> TITLE_FACT_BITS
    if not settings.feed_title_min_words <= n <= settings.feed_title_max_words:
        return False
    text[0]  # (an empty text raises IndexError, as it ever did)
    if facts & T_NOT:
        return False  # a label, a menu trail, a sentence fragment, categories, a caption
    # (the cheap tests first: every pattern below that needs a digit, a dot, a colon is
    # tried only on text that has one)
    ascii = facts & T_ASCII
    digit = facts & T_DIGIT
    if may_start_not_title(text) and NOT_TITLE_START.match(text):
        return False  # a relative time, a byline, a source or editor's line, a quote's source
    if (
        len(text.strip()) <= TIME_LINE_MAX_CHARS
        and (digit or text.rstrip()[-3:].lower() == "ago")
        and is_time_line(text)
    ):
        return False  # (is_time_line needs a digit or "ago", and a short line)
    low = text.lower()  # (is_call_to_action_low: its ASCII text has no mark, nor its lower case)
    if call_to_action_words(low) or (not ascii and CALL_TO_ACTION_MARK.search(low)):
        return False
    if facts & T_END_DOT:  # (else only a glyph matches, none in ASCII text)
        if NAV_GLYPHS.search(text):
            return False
    elif not ascii and NAV_GLYPH.search(text):
        return False
    if facts & (T_DOT | T_COLON) and LINK_SHAPE_HINT.search(text) and LINK_SHAPE.search(text):
        return False  # (each of its parts has a dot or a colon)
    if (
        n <= COUNT_LINE_MAX_WORDS
        and facts & T_DECIMAL
        and COUNT_LINE.match(text)
        and not facts & T_WIDE
    ):
        return False  # "3 diggs Science Video", "12 comments": counts, not headlines
    if facts & (T_DOT | T_BREAK) and SENTENCE_BREAK_HINT.search(text):
        breaks = len(SENTENCE_BREAK.findall(text))
        if breaks > 1 or (breaks == 1 and n > TWO_SENTENCE_TITLE_MAX_WORDS):
            return False
    credit = CREDIT.search(text) if may_credit(text, low) else None
    if credit and credit.start() > 0:
        return False  # a caption's credit (not a "Photos:" kicker)
    phone = digit or (not ascii and "电话" in text)
    if phone and CONTACT_HINT.search(text) and CONTACT.search(text):
        return False  # an address
    clock = digit and facts & T_COLON and CLOCK.search(text) is not None
    if clock and not LEADING_TIME.match(text) and find_dates(text):
        return False  # "First published February 1, 2016: 1:28 AM ET": a dateline
    return bool(facts & (T_WIDE | T_LETTERS))  # (wide: no letter count)


T_NOT = 1  # title_facts: ends with ":" "," ";", has " | " or two " / ", starts in lower case or
# with "(" "[" "{"
T_ASCII = 2  # str.isascii
T_DIGIT = 4  # has_digit
T_END_DOT = 8  # tail(text, 1) in ".…]"
T_DOT = 16  # "." in text
T_COLON = 32  # ":" in text
T_BREAK = 64  # "!" or "?" in text
T_WIDE = 128  # has_wide
T_LETTERS = 256  # letters (str.isalpha) at least 0.6 of the characters but " ", not str.isupper
T_DECIMAL = 512  # text[0].isdecimal()
TITLE_FACT_BITS = 10  # (the word count above them)


def _title_facts(text: str) -> int:
    """What is_title tests on `text`'s characters: word_count(text) << TITLE_FACT_BITS, and the
    flags T_* (the reference, and the path without the compiled extension)."""
    ends = text[:-1] if text.endswith("\n") else text
    flags = (
        (
            T_NOT
            if text.endswith((":", ",", ";"))
            or " | " in text
            or text[:1].islower()
            or text.count(" / ") >= SLASH_TRAIL
            or text[:1] in ("(", "[", "{")
            else 0
        )
        | (T_ASCII if text.isascii() else 0)
        | (T_DIGIT if _has_digit(text) else 0)
        | (T_END_DOT if ends[-1:] in ".…]" else 0)
        | (T_DOT if "." in text else 0)
        | (T_COLON if ":" in text else 0)
        | (T_BREAK if "!" in text or "?" in text else 0)
        | (T_WIDE if _has_wide(text) else 0)
        | (T_DECIMAL if text[:1].isdecimal() else 0)
    )
    letters = _letters(text)
    if letters >= 0.6 * len(text.replace(" ", "")) and not text.isupper():
        flags |= T_LETTERS
    return _word_count(text) << TITLE_FACT_BITS | flags


title_facts = _feed.title_facts if _feed is not None else _title_facts


def start_bits(
    alone: frozenset[str], pairs: dict[str, frozenset[str]], kinds: dict[str, frozenset[str]]
) -> bytes:
    """may_start_not_title's three tests on ASCII characters, for the compiled one: 128 * 128
    bytes, at first * 128 + second bit 1 where first is in `alone` (whatever the second), 2
    where second is in pairs[first], 4 where second is in kinds[first]."""
    bits = bytearray(128 * 128)
    for first in alone:
        if len(first) == 1 and ord(first) < 128:
            bits[ord(first) * 128 : ord(first) * 128 + 128] = b"\x01" * 128
    for bit, table in ((2, pairs), (4, kinds)):
        for first, seconds in table.items():
            for second in seconds:
                if len(first) == len(second) == 1 and ord(first) < 128 and ord(second) < 128:
                    bits[ord(first) * 128 + ord(second)] |= bit
    return bytes(bits)


NOT_TITLE_BITS = start_bits(NOT_TITLE_ALONE, NOT_TITLE_PAIRS, KIND_PAIRS)


TITLE_RULES = (  # what the compiled is_title calls, in the order _feed.c's R_* names them
    NOT_TITLE_ALONE,
    NOT_TITLE_PAIRS,
    KIND_PAIRS,
    NOT_TITLE_START.match,
    is_time_line,
    call_to_action_words,
    CALL_TO_ACTION_MARKS,  # (CALL_TO_ACTION_MARK's alternatives: each looked for)
    NAV_GLYPHS.search,
    NAV_GLYPH.search,
    LINK_SHAPE_HINT.search,
    LINK_SHAPE.search,
    COUNT_LINE.match,
    SENTENCE_BREAK_HINT.search,
    SENTENCE_BREAK.findall,
    CREDIT_WORDS,  # (CREDIT_WORD's alternatives: each looked for)
    CREDIT.search,
    CONTACT_HINT.search,
    CONTACT.search,
    CLOCK.search,
    LEADING_TIME.match,
    find_dates,
    TIME_LINE_MAX_CHARS,
    COUNT_LINE_MAX_WORDS,
    TWO_SENTENCE_TITLE_MAX_WORDS,
    CALL_TO_ACTION_PAIRS,  # (call_to_action_words without its partial, when it is one)
    CALL_TO_ACTION_PREFIXES,
    CALL_TO_ACTION_START.match,
    NOT_TITLE_BITS,
    prefix_table(CALL_TO_ACTION_PREFIXES),  # (the prefixes that start with ASCII, read in C)
    CALL_TO_ACTION_LITERALS,  # (strings CALL_TO_ACTION_START matches: no call where one is)
)


HEADLINE_RULES = (  # what the compiled headlines calls and counts, in the order _feed.c's H_*
    TITLE_RULES,
    LABEL_FIRST_WORDS,
    LABEL_FIRST_PAIRS,
    is_menu_line,
    WORD.findall,
    same_story,
    LEADING_BULLETS,
    EXACT_REPEATS,
    TEMPLATE_MIN_REPEATS,
    GLUED_LABEL_MAX_CHARS,
    GLUED_LABEL_JUNK + 1,
    GLUED_LABEL_REACH,
    SECTION_MAX_WORDS,
    MENU_MIN_WORDS,
    MENU_MIN_WORDS_OTHER,
    SAME_STORY_MIN_WORDS,
    SAME_STORY_SHARE,
    TRAILING_COUNT.sub,
    LEADING_BULLET.sub,
    LEADING_TIME.match,
    split_date,
    TRAILING_AGO.search,
    FEED_MIN_LEFT,
    RELATED_LABELS,
    DATED_TITLE_MIN_WORDS,  # (split_date's first test, before find_dates and split_date)
)

Heads = dict[str, tuple[str | None, str]]  # a free line that is a headline -> its clean_title


def headlines(
    texts: Sequence[str],
    free: Sequence[bool],
    digits: Sequence[bool],
    words: Sequence[int] | None,
    settings: Settings,
    stop: frozenset[str],
    sentence_case: bool,
    own: list[str],
) -> tuple[Heads, list[bool]]:
    """Each free line's headline (its `clean_title` parts) when it reads as one (the same for
    the same text; the others are not in it), and whether each line is one: a line of a few words
    (`words`: each line's word_count, when counted) that the page does not print over and
    over (`is_template`), that `is_title` takes once its time or label is off, not a menu line
    (`stop`, `sentence_case`: see is_menu_line) and not the page's own headline again (`own`:
    its words in lower case)."""
    own_keys = tuple(story_keywords(own))
    if _feed is None or words is None:  # pragma: no cover - depends on the install
        return _headlines(texts, free, digits, words, settings, stop, sentence_case, own, own_keys)
    return _feed.headlines(
        HEADLINE_RULES,
        texts,
        free,
        digits,
        words,
        settings.feed_title_min_words,
        settings.feed_title_max_words,
        stop,
        sentence_case,
        own,
        own_keys,
    )


def _headlines(
    texts: Sequence[str],
    free: Sequence[bool],
    digits: Sequence[bool],
    words: Sequence[int] | None,
    settings: Settings,
    stop: frozenset[str],
    sentence_case: bool,
    own: list[str],
    own_keys: tuple[str, ...],
) -> tuple[Heads, list[bool]]:
    """`headlines` (the reference, and the path without the compiled extension, which runs
    the same tests in the same order, each Python helper where this calls it)."""
    repeats = Counter(texts)
    shapes: Counter[str] | None = None  # counted when a line with a digit first needs them

    def shaped() -> list[bool]:  # the lines whose shape a free line with a digit may have:
        # with a digit, and as many words (a shape has its line's words: word_count(shape(x))
        # == word_count(x)), not every paragraph of the article
        counts = words if words is not None else [word_count(x) for x in texts]
        sizes = {c for c, d, f in zip(counts, digits, free, strict=True) if d and f}
        return [d and c in sizes for c, d in zip(counts, digits, strict=True)]

    def headline(t: str, i: int) -> tuple[str | None, str] | None:  # its clean_title
        nonlocal shapes
        if (words[i] if words is not None else word_count(t)) < settings.feed_title_min_words:
            return None  # (clean_title only takes words off: too short already)
        if repeats[t] >= EXACT_REPEATS:
            return None  # is_template's first test
        if digits[i]:
            if shapes is None:  # (a line without a digit has no digit in lower case, no "0")
                shapes = Counter(map(shape, compress(texts, shaped())))
            if shapes[shape(t)] >= TEMPLATE_MIN_REPEATS:
                return None  # is_template's second test
        if digits[i] or t[:1] in LEADING_BULLETS:
            parts = clean_title(t)
        else:
            parts = None, strip_label(t)  # (clean_title's first test: no digit, no bullet)
        if not is_title(parts[1], settings) or is_menu_line(t, stop, sentence_case):
            return None
        if own:
            low = t.lower()
            if has_any(low, own_keys) and same_story(WORD.findall(low), own):
                return None
        return parts

    heads: Heads = {}  # per free line that is a headline (the same verdict)
    others: set[str] = set()  # ... and the free lines that are not
    titles = [False] * len(texts)
    few = settings.feed_title_min_words  # (headline's first test, without a call: most lines)
    for i, t in enumerate(texts):
        if free[i]:
            if t not in heads and t not in others:
                parts = None if words is not None and words[i] < few else headline(t, i)
                if parts is None:
                    others.add(t)
                else:
                    heads[t] = parts
            titles[i] = t in heads
    return heads, titles


def may_start_not_title(text: str) -> bool:
    """False only where `NOT_TITLE_START` cannot match (a cheap test first): its text starts
    with a digit, one of NOT_TITLE_ALONE or two letters of NOT_TITLE_PAIRS, or has two letters
    of KIND_PAIRS after its first space (where a kind of story starts after a word)."""
    first = text[:1]
    if first.isdecimal() or first in NOT_TITLE_ALONE:
        return True
    if text[1:2] in NOT_TITLE_PAIRS.get(first, ()):
        return True
    space = text.find(" ")
    return space > 0 and text[space + 2 : space + 3] in KIND_PAIRS.get(
        text[space + 1 : space + 2], ()
    )


def _has_digit(text: str) -> bool:
    """Whether `DIGITS` matches in `text` (at C speed in ASCII text, where \\d is [0-9]; the
    reference, and the path without the compiled extension)."""
    if text.isascii():
        raw = text.encode()
        return len(raw.translate(None, ASCII_DIGITS)) < len(raw)
    return DIGIT.search(text) is not None


has_digit = _feed.has_digit if _feed is not None else _has_digit


def _shape(text: str) -> str:
    """A line's shape: lower case, each number a "0" ("rated 0 of 0 stars"; the reference,
    and the path without the compiled extension)."""
    return DIGITS.sub("0", text.lower())


shape = _feed.shape if _feed is not None else _shape


def _letters(text: str) -> int:
    """The letters of `text` (str.isalpha; the reference, and the path without the compiled
    extension)."""
    return sum(map(str.isalpha, text))


count_letters = _feed.letters if _feed is not None else _letters


def _word_text(text: str) -> str:
    """The words of `text` (`WORD`) one space apart (the reference, and the path without the
    compiled extension)."""
    return " ".join(WORD.findall(text))


word_text = _feed.word_text if _feed is not None else _word_text


def _lower_word(text: str) -> bool:
    """Whether a word of `text` (str.split) starts in lower case (the reference, and the path
    without the compiled extension)."""
    return any(word[0].islower() for word in text.split())


lower_word = _feed.lower_word if _feed is not None else _lower_word


def _has_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether one of `parts` is in `text` (the reference, and the path without the compiled
    extension)."""
    return any(map(text.__contains__, parts))


has_any = _feed.has_any if _feed is not None else _has_any


def _has_wide(text: str) -> bool:
    """Whether `WIDE` matches in `text` (the reference, and the path without the compiled
    extension, which answers at once for text whose characters are all below U+0100)."""
    return WIDE.search(text) is not None


has_wide = _feed.has_wide if _feed is not None else _has_wide


def may_credit(text: str, low: str) -> bool:
    """False only where `CREDIT` cannot match (a cheap test first). "getty images" and
    "shutterstock" need "getty" or "hutter" (IGNORECASE pairs i, s and k with non-ASCII
    letters, not these); the Chinese alternatives need "图" or "摄影"; the others "(" or
    ":" and, in ASCII text (where IGNORECASE pairs no letter with a non-ASCII one), one of
    their words in lower case (`low`: the text in lower case)."""
    if "getty" in low or "hutter" in low:
        return True
    if "(" not in text and ":" not in text:
        return not text.isascii() and ("图" in text or "摄影" in text)
    return not text.isascii() or CREDIT_WORD.search(low) is not None


def is_call_to_action(text: str) -> bool:
    """Subscribe, share, sign in, read more, … (the pattern is lower-case: no IGNORECASE)."""
    return is_call_to_action_low(text.lower())


def is_call_to_action_low(low: str) -> bool:
    """`is_call_to_action` of text in lower case."""
    if call_to_action_words(low):
        return True
    return not low.isascii() and CALL_TO_ACTION_MARK.search(low) is not None


def is_summary(text: str, settings: Settings) -> bool:
    """A teaser's summary: one paragraph of prose."""
    n = word_count(text)
    if n > settings.feed_summary_max_words:
        return False
    if n < SUMMARY_UNPUNCTUATED_MIN_WORDS and not (
        n >= SUMMARY_MIN_WORDS and text.endswith(TERMINAL)
    ):
        return False
    return not is_call_to_action(text)


def is_dek(text: str, title: str) -> bool:
    """A sentence under a headline that could pass for one itself: under a Title Case
    headline, a sentence in sentence case; else one that ends with a full stop and is
    clearly longer (much longer when the headline ends with a full stop too)."""
    ends = text.rstrip("\"'”’»").endswith((".", "!", "?", "…"))
    if ends and is_title_case(title) and is_sentence_case(text):
        return True  # a site that sets headlines in Title Case sets its deks otherwise
    stop = text.rstrip("\"'”’»").endswith(".")
    longer = DEK_MIN_EXTRA_WORDS if not title.endswith(TERMINAL) else DEK_MIN_EXTRA_WORDS_PUNCT
    return stop and word_count(text) > word_count(title) + longer


def is_sentence_case(text: str) -> bool:
    """Most longer words after the first in lower case ("Cool roofs lower the heat indoors")."""
    longer = [w for w in WORDS_ONLY.findall(text)[1:] if len(w) >= TITLE_CASE_WORD_CHARS]
    return len(longer) >= TITLE_CASE_MIN_WORDS and 2 * sum(w[0].islower() for w in longer) > len(
        longer
    )


def is_title_case(text: str) -> bool:
    """Every longer word capitalised ("What Being Asexual Tells Us About Romance")."""
    longer = [w for w in WORDS_ONLY.findall(text) if len(w) >= TITLE_CASE_WORD_CHARS]
    return len(longer) >= TITLE_CASE_MIN_WORDS and all(w[0].isupper() for w in longer)


def is_meta(text: str) -> bool:
    """A line about a story rather than of it: a byline, a source, counts and tags."""
    if len(text) >= META_MAX_CHARS:
        return False
    return bool(  # (cheap tests first: a link's shape has a dot or a colon, a count a digit first)
        (text[1:2] in BYLINE_PAIRS.get(text[:1], ()) and BYLINE_START.match(text))
        or (
            ("." in text or ":" in text)
            and LINK_SHAPE_HINT.search(text)
            and LINK_SHAPE.search(text)
        )
        or (text[:1].isdecimal() and COUNT_LINE.match(text))
    )


def is_glue(text: str) -> bool:
    """What stands between the headlines of a list: numbers, labels, bylines, dates."""
    if (
        word_count(text) <= GLUE_MAX_WORDS
        or (text[1:2] in BYLINE_PAIRS.get(text[:1], ()) and BYLINE_START.match(text))
        or (len(text.strip()) <= TIME_LINE_MAX_CHARS and is_time_line(text))
    ):
        return True
    if RELATIVE_START.match(text) or (text[:1].isdecimal() and COUNT_LINE.match(text)):
        return True  # "2 hours ago on iOS Blog"
    if ("." in text or ":" in text) and LINK_SHAPE_HINT.search(text) and LINK_SHAPE.search(text):
        return True  # "1 digg example.org Science"
    if text.isupper() and word_count(text) <= KICKER_MAX_WORDS:
        return True  # a kicker above a headline: "IT'S NOT EASY EATING GREEN"
    return (
        len(text) < GLUE_DATE_MAX_CHARS
        and DIGITS.search(text) is not None
        and bool(find_dates(text))
    )


def is_card(texts: Sequence[str], free: Sequence[bool], j: int) -> bool:
    """A long headline right under a related-stories label with its colon ("相关阅读：",
    "Read more:"), or with the label glued in front of it: a card (a label on a line of its
    own without a colon is as often a section's name)."""
    text = texts[j]
    if (
        text.startswith(LABEL_PREFIXES_BY_FIRST.get(text[:1], ()))  # (LABEL_PREFIXES)
        and (glued := strip_label(text)) != text
    ):
        return listable(
            glued, LIST_TITLE_MIN_WORDS
        )  # "Czytaj także: Nowy park ...", "관련기사 ..."
    label = texts[j - 1] if j > 0 and free[j - 1] else ""
    if len(label) > CARD_LABEL_MAX_CHARS or not label.endswith((":", "：")):
        return False
    return listable(texts[j], LIST_TITLE_MIN_WORDS) and is_list_label(label.split())


def listable(text: str, min_words: int) -> bool:
    """A headline as lists show them: long enough, and no full stop at its end ("." or "。":
    "某公司后端工程师，关注数据库。", an author's blurb)."""
    return word_count(text) >= min_words and not text.endswith((".", "。"))


def in_list(
    texts: Sequence[str],
    free: Sequence[bool],
    titles: Sequence[bool],
    j: int,
    counts: Sequence[int] | None = None,
) -> bool:
    """A long headline with another one a few blocks away, only list glue between them
    (`counts`: word_count of each text, when the caller has them: listable and is_glue's first
    test without a call)."""
    if counts is None:
        counts = [word_count(text) for text in texts]
    if counts[j] < LIST_TITLE_MIN_WORDS or texts[j].endswith((".", "。")):
        return False  # (not listable)
    for step in (-1, 1):
        k = j + step
        while 0 <= k < len(texts) and abs(k - j) <= LIST_REACH and free[k]:
            if (
                titles[k]
                and counts[k] >= LIST_TITLE_MIN_WORDS - 1
                and not texts[k].endswith((".", "。"))
            ):
                return True  # (listable)
            if counts[k] > GLUE_MAX_WORDS and not is_glue(texts[k]):
                break  # (a short line is glue: is_glue's first test)
            k += step
    return False


def _story_key(title: str) -> str:
    """A fingerprint of the normalised title: equal for the same story on different pages (the
    reference, and the path without the compiled extension)."""
    norm = word_text(title.lower())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


story_key = _feed.story_key if _feed is not None else _story_key


ITEM_FIELDS = (  # FeedItem's fields as its __init__ sets them (the frozen dataclass's
    # object.__setattr__ each, in order), when the compiled loop may set them so itself: the
    # fields it fills, url at its default None, and no __post_init__ (else None: it calls FeedItem)
    ("title", "summary", "time", "published", "url", "key", "lines")
    if [(f.name, f.default) for f in fields(FeedItem)]
    == [
        ("title", MISSING),
        ("summary", None),
        ("time", None),
        ("published", None),
        ("url", None),
        ("key", ""),
        ("lines", (0, 0)),
    ]
    and not hasattr(FeedItem, "__post_init__")
    and FeedItem.__setattr__ is not object.__setattr__  # (frozen: its own raises)
    else None
)

STORY_FIELDS = (  # Story's fields as its __init__ sets them (as ITEM_FIELDS for FeedItem), when
    # _feed.stories may set them so itself: no __post_init__, frozen (else None: Story is called)
    ("kind", "article", "feed", "text", "lines")
    if [(f.name, f.default) for f in fields(Story)]
    == [("kind", MISSING), ("article", None), ("feed", None), ("text", None), ("lines", (0, 0))]
    and not hasattr(Story, "__post_init__")
    and Story.__setattr__ is not object.__setattr__
    else None
)


def _article_ends(labelled: Sequence[LabelledBlock], article: Label) -> tuple[int, int] | None:
    """The indexes of the first and of the last block of `labelled` whose label is `article`
    (None when none is): the article's span in `split` (the reference of _feed.article_ends,
    and the path without the compiled extension)."""
    first = next((i for i, lb in enumerate(labelled) if lb.label is article), None)
    if first is None:
        return None
    last = next(i for i in range(len(labelled) - 1, first - 1, -1) if labelled[i].label is article)
    return first, last


article_ends = _feed.article_ends if _feed is not None else _article_ends


def page_stories(
    items: Sequence[FeedItem], article: Article, span: tuple[int, int]
) -> tuple[Story, ...] | None:
    """The stories of a page whose article spans `span` (pipeline.analyse without boilerplate):
    the article's and each feed item's, in the order analyse's sort puts them, in one compiled
    call (the items come in page order: the article's story goes in among them); None where
    it cannot tell (or is not built): analyse sorts them itself."""
    if _feed is None or STORY_FIELDS is None:
        return None
    return _feed.page_stories(Story, STORY_FIELDS, "feed", items, "article", article, span)


def _feed_stories(items: Sequence[FeedItem]) -> list[Story]:
    """The feed's stories for `split` (the reference of `_feed.stories`)."""
    return [Story("feed", feed=item, lines=item.lines) for item in items]


def feed_stories(items: Sequence[FeedItem]) -> list[Story]:
    """`Story("feed", feed=item, lines=item.lines)` of each item: compiled when it can be (~5x
    faster than the dataclass's __init__, which sets each field through object.__setattr__)."""
    if _feed is not None and STORY_FIELDS is not None:
        return _feed.stories(Story, STORY_FIELDS, "feed", items)
    return _feed_stories(items)


ITEM_RULES = (  # what the compiled item loop calls and counts, in the order _feed.c's I_*
    HEADLINE_RULES,
    is_time_line,
    find_dates,
    split_date,
    BYLINE_PAIRS,
    BYLINE_START.match,
    LINK_SHAPE.search,
    COUNT_LINE.match,
    RELATIVE_START.match,
    LABEL_PREFIXES_BY_FIRST,
    resolve_time,
    FeedItem,
    ITEM_FIELDS,
    TERMINAL,
    SUMMARY_MIN_WORDS,
    SUMMARY_UNPUNCTUATED_MIN_WORDS,
    META_MAX_CHARS,
    LIST_TITLE_MIN_WORDS,
    LIST_REACH,
    GLUE_MAX_WORDS,
    CARD_LABEL_MAX_CHARS,
    ALTERNATING_MIN_BLOCKS,
    STRAY_RUN_MIN_BLOCKS,
    WHEN_MAX_CHARS,
    WHEN_MAX_WORDS,
    KICKER_MAX_WORDS,
    GLUE_DATE_MAX_CHARS,
    DEK_MIN_EXTRA_WORDS,
    DEK_MIN_EXTRA_WORDS_PUNCT,
    TITLE_CASE_WORD_CHARS,
    TITLE_CASE_MIN_WORDS,
)
