"""Cut a page's text into blocks: one per non-empty line, gluing lines split at inline tags.

Browser-like dumps ("inner" style) put a blank line after paragraphs and keep inline elements
on their paragraph's line, so every non-empty line is a block. Harsh scraper dumps ("lines"
style: no blank lines at all) break a line at every tag boundary, so a sentence with a link
comes out in pieces; those pieces are glued back when a line does not end a sentence and the
next one visibly continues it.

    >>> [b.text for b in segment("Read the\\nfull report\\nhere.\\nHome")]
    ['Read the full report here.', 'Home']
"""

from __future__ import annotations

import re

from newsdump.document import Block
from newsdump.lang import detect_lines_language, top_stopwords

try:  # the gluing and the Blocks compiled (newsdump/_features.c), when the install built it
    from newsdump import _features
except ImportError:  # pragma: no cover - depends on the install
    _features = None  # type: ignore[assignment]
if _features is not None and not hasattr(_features, "split_strip"):  # pragma: no cover
    _features = None  # type: ignore[assignment]  # a stale build of an older version: unused

MAX_BLANK_SHARE_FOR_GLUING = 0.01  # glue only in dumps (nearly) without blank lines
GLUE_MIN_WORDS = 3  # a lower-case continuation glues when either side has this many words
GLUE_STOPWORDS = 150  # the language's most frequent stopwords that cannot end a sentence

SENTENCE_END_RE = re.compile(r"[.!?。！？…؟।][\"'”’»)\]]*$")
CONTINUES_RE = re.compile(r"^[,.;:!?)\]}»”’%、，。：；！？]")
OPENS_RE = re.compile(r"[(\[{«“‘,—–]$")
LAST_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")
DENSE_CHAR_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\uff00-\uffef]"
)
# the same tests as plain string operations (no regex search over the tail: lines hold no "\n")
SENTENCE_ENDS = tuple(".!?。！？…؟।")  # SENTENCE_END_RE: one of these, then closers
CLOSERS = "\"'”’»)]"
CONTINUES = tuple(",.;:!?)]}»”’%、，。：；！？")  # CONTINUES_RE
OPENS = tuple("([{«“‘,—–")  # OPENS_RE
LAST_WORD_REVERSED_RE = re.compile(r"\W*([^\W\d_]+)")  # LAST_WORD_RE, on the reversed text
TAIL_CHARS = 60  # how much of a block's end the gluing rules look at
NO_SPACE_BEFORE_RE = re.compile(r"^[,.;:!?)\]}»”’%、，。：；！？]")
QUOTES = "\"'“‘«("  # a capitalised or quoted line may continue after a stopword
# the character sets above, for the compiled gluing
GLUE_CHARS = (CLOSERS, "".join(SENTENCE_ENDS), "".join(CONTINUES), "".join(OPENS),
              ",.;:!?)]}»”’%、，。：；！？", QUOTES)  # fmt: skip


def _glues(current: str, current_words: int, nxt: str, stopwords: frozenset[str]) -> bool:
    """Whether line `nxt` continues the sentence that `current` (the end of a block so far,
    which has `current_words` words) leaves open."""
    if current.rstrip(CLOSERS).endswith(SENTENCE_ENDS):  # SENTENCE_END_RE.search(current)
        return False
    if nxt.startswith(CONTINUES) or current.endswith(OPENS):
        return True
    first = nxt[0]
    if first.islower() and (current_words >= GLUE_MIN_WORDS or len(nxt.split()) >= GLUE_MIN_WORDS):
        return True
    if current_words < 2 or not (first.isalnum() or first in QUOTES):
        return False
    last = LAST_WORD_REVERSED_RE.match(current[::-1])  # LAST_WORD_RE.search(current)
    return last is not None and last.group(1)[::-1].lower() in stopwords


def _separator(left: str, right: str) -> str:
    """What goes between two glued pieces: nothing before closing punctuation or between
    characters of a dense script, else a space."""
    if NO_SPACE_BEFORE_RE.match(right) or (
        DENSE_CHAR_RE.match(right[0]) and DENSE_CHAR_RE.match(left[-1])
    ):
        return ""
    return " "


def _glued_spans(
    lines: list[str], filled: list[int], stopwords: frozenset[str]
) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of every block of a harsh dump. Each step looks only at
    the end of the block so far (its last `TAIL_CHARS`), so gluing stays linear."""
    spans: list[tuple[int, int, str]] = []
    parts: list[str] = []
    first = last = -1
    words = 0
    tail = ""
    for i in filled:
        line = lines[i]
        if parts and last == i - 1 and _glues(tail, words, line, stopwords):
            separator = _separator(tail, line)
            parts += (separator, line)
            tail = (tail + separator + line)[-TAIL_CHARS:]
            words += len(line.split()) - (separator == "")  # "" joins two tokens into one
            last = i
            continue
        if parts:
            spans.append((first, last, "".join(parts)))
        parts, first, last, words, tail = [line], i, i, len(line.split()), line[-TAIL_CHARS:]
    if parts:
        spans.append((first, last, "".join(parts)))
    return spans


def segment(text: str) -> list[Block]:
    """Split a dump into blocks (see the module docstring). Line numbers follow
    ``str.splitlines``."""
    raw: list[str] | None  # text.splitlines() where the page is harsh, else None
    if _features is not None:  # (compiled: one pass, the stripped lines and, where the page
        # is harsh, text.splitlines(): only then read)
        raw, lines, filled = _features.split_strip(text, MAX_BLANK_SHARE_FOR_GLUING)
    else:
        raw = text.splitlines()
        lines = [line.strip() for line in raw]
        filled = [i for i, line in enumerate(lines) if line]
        if not _is_harsh(filled):
            raw = None
    if not filled:
        return []
    harsh = raw is not None
    stopwords: frozenset[str] = frozenset()
    if raw is not None:
        lang = detect_lines_language(raw, text)  # detect_language(text), on the lines at hand
        if not lang.dense:
            stopwords = top_stopwords(lang.code, GLUE_STOPWORDS)
    if _features is not None:
        blocks: list[Block] = _features.segment_blocks(
            Block, lines, filled, harsh, stopwords, GLUE_CHARS
        )
        return blocks
    return _blocks(lines, filled, harsh, stopwords)


def _is_harsh(filled: list[int]) -> bool:
    """Whether a page whose non-empty lines are `filled` is a harsh dump (nearly no blank
    line between its first and last non-empty ones; False for none)."""
    if not filled:
        return False
    inner_blanks = filled[-1] - filled[0] + 1 - len(filled)  # the empty lines between them
    return inner_blanks <= MAX_BLANK_SHARE_FOR_GLUING * len(filled)


def _blocks(
    lines: list[str], filled: list[int], harsh: bool, stopwords: frozenset[str]
) -> list[Block]:
    """The blocks of the stripped `lines` (the reference, and the path without the compiled
    extension)."""
    spans: list[tuple[int, int, str]] = []
    if harsh:
        spans = _glued_spans(lines, filled, stopwords)
    else:
        spans = [(i, i, lines[i]) for i in filled]
    n = len(lines)
    return [
        Block(
            index=k,
            text=body,
            lines=(first, last),
            blank_before=first > 0 and not lines[first - 1],
            blank_after=last + 1 < n and not lines[last + 1],
        )
        for k, (first, last, body) in enumerate(spans)
    ]
