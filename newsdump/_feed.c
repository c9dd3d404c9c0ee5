/* What newsdump.feed and newsdump.records count on every line of a page, compiled: one pass
 * over each line's characters instead of a few Python calls and regex scans per line. The
 * Python code beside each use is the reference (tests/unit/test_feed_compiled.py):
 *
 *   lines(labelled, used, not_stories, article) -> (texts, free, digits, words)
 *     per LabelledBlock lb: lb.block.text.strip(); whether the block is free for a story
 *     (lb.label is not article, lb.block.index not in used, lb.reason not in not_stories);
 *     whether the text has a digit (re's \d: str.isdecimal); feed.word_count(text).
 *   word_count(text) -> int: feed.word_count (lang.WIDE characters count half a word).
 *   has_digit(text) -> bool: feed.has_digit (re's \d, str.isdecimal).
 *   has_wide(text) -> bool: feed.has_wide (lang.WIDE finds a character).
 *   shape(text) -> str: feed.shape, DIGITS.sub("0", text.lower()) (each run of digits a "0").
 *   letters(text) -> int: feed.letters, sum(map(str.isalpha, text)).
 *   word_text(text) -> str: feed.word_text, " ".join(re.findall(r"\w+", text)) (re's \w:
 *     str.isalnum or "_").
 *   title_facts(text) -> int: feed.title_facts, what is_title tests on characters, in one pass:
 *     the word count (feed.word_count) shifted left by TITLE_FACT_BITS, and the flags below.
 *   lower_word(text) -> bool: feed.lower_word, any(w[0].islower() for w in text.split()).
 *   edge_words(text, words, head, tail[, pairs]) -> bool: feed.edge_words, whether one of the
 *     first `head` or the last `tail` words of text.split() is in the set `words`; `pairs`
 *     (feed.ascii_pairs(words)) says which ASCII starts and lengths may be in it (the others
 *     are not looked up).
 *   menu_facts(text) -> int: feed.menu_facts, what is_menu_line tests on characters, as the
 *     flags M_* below.
 *   word_start_match(firsts, prefixes, match, text) -> bool: whether match(text, at) (a
 *     compiled pattern's match) finds something at a word's start `at` (0, or after a
 *     character that is not re's \w) where text has one of the prefixes[text[at]] (a dict:
 *     first character -> tuple of strings) at `at`; `firsts`, 128 bytes, says which ASCII
 *     characters are a key of prefixes (the others are not looked up): feed's
 *     call_to_action_words, the pattern tried only where its match may start
 *     (feed.literal_prefixes); or, 128 * 128 bytes (feed.prefix_pairs), which ASCII pairs
 *     (first * 128 + second, 0 at the text's end) a prefix may start with.
 *   has_any(text, parts) -> bool: feed.has_any, any(part in text for part in parts) (a tuple).
 *   title_verdict(rules, text, min_words, max_words) -> bool: feed.is_title (feed._is_title),
 *     its tests on characters here and each pattern or helper of `rules` (feed.TITLE_RULES)
 *     called where feed._is_title calls it, in the same order.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include "_lower.h"
#include <structmember.h> /* (T_OBJECT_EX: lines reads __slots__ by their offsets) */

static PyObject *name_block, *name_text, *name_label, *name_index, *name_reason, *name_strip,
    *name_lower;

/* lang.WIDE: [\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af] */
static inline int feed_wide(Py_UCS4 c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)
        || (c >= 0xac00 && c <= 0xd7af);
}

/* records.WIDE_CHARS: [\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff] */
static inline int page_wide(Py_UCS4 c) {
    return (c >= 0x0e00 && c <= 0x0e7f) || feed_wide(c) || (c >= 0xf900 && c <= 0xfaff);
}

/* str.isspace of a character from U+0080 (Py_UNICODE_ISSPACE's non-ASCII part, which calls
 * a function per character; the test checks every code point) */
static inline int wide_space(Py_UCS4 c) {
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
        || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* str.isdecimal (re's \d): 0-9, and no other decimal digit comes before U+0660 */
static inline int decimal(Py_UCS4 c) {
    return c < 128 ? (c >= '0' && c <= '9') : c >= 0x660 && Py_UNICODE_ISDECIMAL(c);
}

/* each character below U+0100: 0 a space (str.isspace), 1 a word's, 3 a digit's (0-9) */
static unsigned char ucs1_class[256];

/* one character of scan from U+0080 up (below it, and below U+0100 in UCS1, the table) */
#define SCAN_WIDE(c)                                                                           \
    do {                                                                                       \
        if (feed_wide(c)) {                                                                    \
            wides++;                                                                           \
            inside = 0;                                                                        \
        } else if (wide_space(c))                                                              \
            inside = 0;                                                                        \
        else {                                                                                 \
            tokens += !inside;                                                                 \
            inside = 1;                                                                        \
            if (!digits && decimal(c))                                                         \
                digits = 1;                                                                    \
        }                                                                                      \
    } while (0)

/* one character below U+0100, by its class (ucs1_class) */
#define SCAN_UCS1(c)                                                                           \
    do {                                                                                       \
        int cls_ = ucs1_class[(c)];                                                            \
        tokens += cls_ & !inside;                                                              \
        inside = cls_ != 0;                                                                    \
        digits |= cls_ >> 1;                                                                   \
    } while (0)

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define SCAN_SIMD 1
/* the bits set in a 16-bit mask (no call: __builtin_popcount is one without -mpopcnt) */
static inline int pop16(unsigned x) {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0f0fu;
    return (int)((x + (x >> 8)) & 0x1fu);
}
/* 16 UCS2 characters as 16 bytes (*v) when each is below the limit whose complement `high`
 * holds in every lane (0xff00: U+0100, 0xff80: ASCII); 0 (and *v untouched) when one is not */
static inline int narrow16(const Py_UCS2 *s, __m128i high, __m128i *v) {
    __m128i a = _mm_loadu_si128((const __m128i *)s);
    __m128i b = _mm_loadu_si128((const __m128i *)(s + 8));
    __m128i over = _mm_and_si128(_mm_or_si128(a, b), high);
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(over, _mm_setzero_si128())) != 0xffff) return 0;
    *v = _mm_packus_epi16(a, b);
    return 1;
}
/* the 16 characters at i of a 1- or 2-byte string as bytes (*v): 1 when all are ASCII, else 0 */
static inline int ascii16(int kind, const void *data, Py_ssize_t i, __m128i *v) {
    if (kind == PyUnicode_1BYTE_KIND) {
        *v = _mm_loadu_si128((const __m128i *)((const Py_UCS1 *)data + i));
        return _mm_movemask_epi8(*v) == 0;
    }
    return narrow16((const Py_UCS2 *)data + i, _mm_set1_epi16((short)0xff80), v);
}
/* scan16 (below) of the characters whose bits `keep` holds, `last` the bit of the last of them
 * (the one `inside` is left at) */
static inline void scan16_keep(__m128i v, unsigned keep, int last, Py_ssize_t *tokens,
                               int *inside, int *digits) {
    const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(9)); /* (\t-\r: 0-4, unsigned) */
    const __m128i u = _mm_sub_epi8(v, _mm_set1_epi8(0x1c)); /* (\x1c-\x20: 0-4) */
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));  /* (0-9: 0-9) */
    const __m128i four = _mm_set1_epi8(4), nine = _mm_set1_epi8(9);
    __m128i space = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, four), t),
                                 _mm_cmpeq_epi8(_mm_min_epu8(u, four), u));
    space = _mm_or_si128(space, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x85)),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xa0))));
    unsigned word = ~(unsigned)_mm_movemask_epi8(space) & 0xffffu;
    unsigned starts = word & ~((word << 1) | (unsigned)*inside) & keep;
    *tokens += pop16(starts);
    *inside = (int)(word >> last & 1);
    *digits |= ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d)) & keep) != 0;
}
/* 16 characters below U+0100 (as bytes) at once: the words that start among them after
 * `inside` (whether the character before is a word's), ucs1_class's spaces (\t-\r,
 * \x1c-\x20, \x85, \xa0) and digits (0-9) as bit masks */
static inline void scan16(__m128i v, Py_ssize_t *tokens, int *inside, int *digits) {
    scan16_keep(v, 0xffffu, 15, tokens, inside, digits);
}
/* scan16 of the last n - i characters (fewer than 16) of s, n characters long: by the 16 that
 * end there (the first of them already read: `inside` is the last of those's) or, in a string
 * shorter than 16, by a copy */
static inline void scan16_tail(const Py_UCS1 *s, Py_ssize_t i, Py_ssize_t n, Py_ssize_t *tokens,
                               int *inside, int *digits) {
    if (i >= n)
        return;
    if (n >= 16) {
        int from = (int)(i - (n - 16)); /* (1 to 15: the first new one's bit) */
        scan16_keep(_mm_loadu_si128((const __m128i *)(s + n - 16)), 0xffffu << from & 0xffffu,
                    15, tokens, inside, digits);
        return;
    }
    unsigned char copy[16] = {0};
    memcpy(copy, s, (size_t)n); /* (i is 0: nothing read yet) */
    scan16_keep(_mm_loadu_si128((const __m128i *)copy), (1u << n) - 1, (int)n - 1, tokens,
                inside, digits);
}
/* lanes of x (8 UCS2 characters) from lo to hi (unsigned): all ones */
static inline __m128i in16(__m128i x, unsigned short lo, unsigned short hi) {
    __m128i d = _mm_sub_epi16(x, _mm_set1_epi16((short)lo));
    return _mm_cmpeq_epi16(_mm_subs_epu16(d, _mm_set1_epi16((short)(hi - lo))),
                           _mm_setzero_si128());
}
static inline __m128i eq16(__m128i x, unsigned short c) {
    return _mm_cmpeq_epi16(x, _mm_set1_epi16((short)c));
}
/* 8 UCS2 characters as scan reads them: its separators (str.isspace, as ucs1_class below
 * U+0100 and wide_space above; and feed_wide), feed_wide's, the digits 0-9, and those from
 * U+0660 that are not wide (where decimal may find another digit) */
static inline void class8(__m128i x, __m128i *sep, __m128i *wide, __m128i *digit,
                          __m128i *high) {
    __m128i sp = _mm_or_si128(in16(x, 9, 13), in16(x, 0x1c, 0x20));
    sp = _mm_or_si128(sp, _mm_or_si128(eq16(x, 0x85), eq16(x, 0xa0)));
    sp = _mm_or_si128(sp, _mm_or_si128(eq16(x, 0x1680), in16(x, 0x2000, 0x200a)));
    sp = _mm_or_si128(sp, _mm_or_si128(in16(x, 0x2028, 0x2029), eq16(x, 0x202f)));
    sp = _mm_or_si128(sp, _mm_or_si128(eq16(x, 0x205f), eq16(x, 0x3000)));
    __m128i w = _mm_or_si128(in16(x, 0x3040, 0x30ff),
                             _mm_or_si128(in16(x, 0x3400, 0x9fff), in16(x, 0xac00, 0xd7af)));
    *sep = _mm_or_si128(sp, w);
    *wide = w;
    *digit = in16(x, '0', '9');
    *high = _mm_andnot_si128(w, in16(x, 0x660, 0xffff));
}
/* SCAN_UCS1 / SCAN_WIDE of 16 UCS2 characters at once (one of them from U+0100 at least: the
 * chunks narrow16 does not take), by bit masks as scan16 */
static inline void scan16_ucs2(const Py_UCS2 *s, Py_ssize_t *tokens, Py_ssize_t *wides,
                               int *inside, int *digits) {
    __m128i sa, wa, da, ha, sb, wb, db, hb;
    class8(_mm_loadu_si128((const __m128i *)s), &sa, &wa, &da, &ha);
    class8(_mm_loadu_si128((const __m128i *)(s + 8)), &sb, &wb, &db, &hb);
    unsigned word = ~(unsigned)_mm_movemask_epi8(_mm_packs_epi16(sa, sb)) & 0xffffu;
    unsigned starts = word & ~((word << 1) | (unsigned)*inside);
    *tokens += pop16(starts);
    *wides += pop16((unsigned)_mm_movemask_epi8(_mm_packs_epi16(wa, wb)));
    *inside = (int)(word >> 15 & 1);
    if (*digits)
        return;
    if (_mm_movemask_epi8(_mm_packs_epi16(da, db))) {
        *digits = 1;
        return;
    }
    unsigned high = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(ha, hb));
    while (high) { /* (a word's character from U+0660: decimal's other digits) */
        int k = __builtin_ctz(high);
        high &= high - 1;
        if (Py_UNICODE_ISDECIMAL(s[k])) {
            *digits = 1;
            return;
        }
    }
}
#endif

/* The words of `text` as str.split() finds them once every one of feed's wide characters is a
 * space, the wide characters, and whether it has a digit. */
static void scan(PyObject *text, Py_ssize_t *words, Py_ssize_t *wide, int *digit) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), tokens = 0, wides = 0, i = 0;
    int inside = 0, digits = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        /* below U+0100: no wide character, only 0-9 decimal; by a table of each byte's class */
        const Py_UCS1 *s = (const Py_UCS1 *)data;
#ifdef SCAN_SIMD
        for (; i + 16 <= n; i += 16)
            scan16(_mm_loadu_si128((const __m128i *)(s + i)), &tokens, &inside, &digits);
        scan16_tail(s, i, n, &tokens, &inside, &digits);
        i = n;
#endif
        for (; i < n; i++)
            SCAN_UCS1(s[i]);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = (const Py_UCS2 *)data;
#ifdef SCAN_SIMD
        const __m128i high = _mm_set1_epi16((short)0xff00);
        for (; i + 16 <= n; i += 16) {
            __m128i v;
            if (narrow16(s + i, high, &v))
                scan16(v, &tokens, &inside, &digits); /* (all < 256) */
            else
                scan16_ucs2(s + i, &tokens, &wides, &inside, &digits);
        }
#endif
        for (; i < n; i++) {
            Py_UCS4 c = s[i];
            if (c < 256)
                SCAN_UCS1(c);
            else
                SCAN_WIDE(c);
        }
    } else {
        const Py_UCS4 *s = (const Py_UCS4 *)data;
        for (; i < n; i++) {
            Py_UCS4 c = s[i];
            if (c < 256)
                SCAN_UCS1(c);
            else
                SCAN_WIDE(c);
        }
    }
    *words = tokens;
    *wide = wides;
    *digit = digits;
}

/* str.lower of a str (a new reference), one character for one where it is (_lower.h's
 * lower_alone; an ASCII str: A-Z to a-z); a subclass of str, a str of 4-byte characters or
 * one holding a character that lowers_by_context goes to str.lower */
static PyObject *lowered(PyObject *text) {
    if (PyUnicode_CheckExact(text) && PyUnicode_IS_ASCII(text)) {
        /* (str.lower of ASCII: A-Z to a-z, in a new str, here: no method call) */
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        PyObject *low = PyUnicode_New(n, 127);
        if (!low)
            return NULL;
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
        Py_UCS1 *out = PyUnicode_1BYTE_DATA(low);
        Py_ssize_t i = 0;
#ifdef SCAN_SIMD
        for (; i + 16 <= n; i += 16) { /* (16 at a time: the bytes in A-Z get 0x20) */
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                          _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
            v = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
            _mm_storeu_si128((__m128i *)(out + i), v);
        }
#endif
        for (; i < n; i++)
            out[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i];
        return low;
    }
    if (!PyUnicode_Check(text) || PyUnicode_IS_ASCII(text)
        || PyUnicode_KIND(text) == PyUnicode_4BYTE_KIND)
        return PyObject_CallMethodNoArgs(text, name_lower);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_UCS4 small[128], *out = small;
    if (n > 128 && !(out = PyMem_Malloc(n * sizeof(Py_UCS4))))
        return PyErr_NoMemory();
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (lowers_by_context(c)) {
            result = PyObject_CallMethodNoArgs(text, name_lower); /* (str.lower's own) */
            goto done;
        }
        out[i] = lower_alone(c);
    }
    result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, n); /* (its own kind) */
done:
    if (out != small)
        PyMem_Free(out);
    return result;
}

static PyObject *lower_call(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "lower: a str");
        return NULL;
    }
    return lowered(text);
}

/* feed.shape of a str (a new reference) */
static PyObject *shape_of(PyObject *text) {
    if (PyUnicode_IS_ASCII(text)) { /* (str.lower of ASCII: A-Z to a-z, here; no call) */
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
        Py_ssize_t n = PyUnicode_GET_LENGTH(text), m = 0;
        for (Py_ssize_t i = 0; i < n; i++) /* (the shape's length first) */
            m += !(s[i] >= '0' && s[i] <= '9' && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9');
        PyObject *result = PyUnicode_New(m, 127);
        if (!result)
            return NULL;
        Py_UCS1 *out = PyUnicode_1BYTE_DATA(result);
        int number = 0; /* inside a run of digits */
        m = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS1 c = s[i];
            if (!(c >= '0' && c <= '9')) {
                out[m++] = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
                number = 0;
            } else if (!number) {
                out[m++] = '0';
                number = 1;
            }
        }
        return result;
    }
    PyObject *low = lowered(text);
    if (!low)
        return NULL;
    int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), m = 0;
    Py_UCS4 *out = PyMem_Malloc((n + 1) * sizeof(Py_UCS4));
    if (!out) {
        Py_DECREF(low);
        return PyErr_NoMemory();
    }
    int number = 0; /* inside a run of digits */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!decimal(c)) {
            out[m++] = c;
            number = 0;
        } else if (!number) {
            out[m++] = '0';
            number = 1;
        }
    }
    Py_DECREF(low);
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, m);
    PyMem_Free(out);
    return result;
}

static PyObject *shape(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "shape: a str");
        return NULL;
    }
    return shape_of(text);
}

static PyObject *has_wide(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "has_wide: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_1BYTE_KIND)
        Py_RETURN_FALSE; /* every character below U+0100 */
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++)
        if (feed_wide(PyUnicode_READ(kind, data, i)))
            Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyObject *has_digit(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "has_digit: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++)
        if (decimal(PyUnicode_READ(kind, data, i)))
            Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyObject *word_count(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "word_count: a str");
        return NULL;
    }
    Py_ssize_t words, wide;
    int digit;
    scan(text, &words, &wide, &digit);
    return PyLong_FromSsize_t(words + wide / 2);
}

static PyObject *letters(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "letters: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        count += c < 128 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : Py_UNICODE_ISALPHA(c) != 0;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *word_text(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "word_text: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), m = 0;
    Py_UCS4 *out = PyMem_Malloc((n + 1) * sizeof(Py_UCS4));
    if (!out)
        return PyErr_NoMemory();
    int inside = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '_' || Py_UNICODE_ISALNUM(c)) {
            if (!inside && m)
                out[m++] = ' ';
            out[m++] = c;
            inside = 1;
        } else
            inside = 0;
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, m);
    PyMem_Free(out);
    return result;
}

/* feed.title_facts's flags (feed.py names them alike) */
#define T_NOT 1         /* ends with ":" "," ";", has " | " or two " / ", starts in lower
                           case or with "(" "[" "{" */
#define T_ASCII 2       /* str.isascii */
#define T_DIGIT 4       /* a decimal digit (re's \d) */
#define T_END_DOT 8     /* tail(text, 1) in ".…]" */
#define T_DOT 16        /* "." in text */
#define T_COLON 32      /* ":" in text */
#define T_BREAK 64      /* "!" or "?" in text */
#define T_WIDE 128      /* lang.WIDE finds a character */
#define T_LETTERS 256   /* letters (str.isalpha) >= 0.6 * characters but " ", and not
                           str.isupper */
#define T_DECIMAL 512   /* text[0].isdecimal() */
#define TITLE_FACT_BITS 10

#ifdef SCAN_SIMD
/* 16 ASCII characters (as bytes) of facts_of at once, those whose bits `keep` holds: letters,
 * capitals, lower-case letters, spaces, and which of ". : ! ? | /" they have */
static inline void facts16_keep(__m128i v, unsigned keep, Py_ssize_t *alpha, Py_ssize_t *spaces,
                                int *cased, int *uncased, long *flags, int *pairs) {
    const __m128i z = _mm_set1_epi8(25);
    const __m128i up = _mm_sub_epi8(v, _mm_set1_epi8('A'));
    const __m128i lo = _mm_sub_epi8(v, _mm_set1_epi8('a'));
    unsigned upper = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(up, z), up)) & keep;
    unsigned lower = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(lo, z), lo)) & keep;
    *alpha += pop16(upper | lower);
    *cased |= upper != 0;
    *uncased |= lower != 0;
    *spaces += pop16((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) & keep);
    if ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('.'))) & keep)
        *flags |= T_DOT;
    if ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(':'))) & keep)
        *flags |= T_COLON;
    if ((unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))))
        & keep)
        *flags |= T_BREAK;
    if ((unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('|')),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('/'))))
        & keep)
        *pairs = 1;
}
static inline void facts16(__m128i v, Py_ssize_t *alpha, Py_ssize_t *spaces, int *cased,
                           int *uncased, long *flags, int *pairs) {
    facts16_keep(v, 0xffffu, alpha, spaces, cased, uncased, flags, pairs);
}
/* the last n - i (fewer than 16) characters of the 1-byte s of facts_of at once where they
 * are ASCII (by the 16 that end there, or a copy of a string shorter than 16): 1, else 0
 * (nothing done) */
static inline int facts16_tail(const Py_UCS1 *s, Py_ssize_t i, Py_ssize_t n, Py_ssize_t *alpha,
                               Py_ssize_t *spaces, int *cased, int *uncased, long *flags,
                               int *pairs) {
    __m128i v;
    unsigned keep;
    if (n >= 16) {
        v = _mm_loadu_si128((const __m128i *)(s + n - 16));
        keep = 0xffffu << (i - (n - 16)) & 0xffffu;
    } else {
        unsigned char copy[16] = {0};
        memcpy(copy, s + i, (size_t)(n - i));
        v = _mm_loadu_si128((const __m128i *)copy);
        keep = (1u << (n - i)) - 1;
    }
    if ((unsigned)_mm_movemask_epi8(v) & keep)
        return 0; /* (a character from U+0080 among them) */
    facts16_keep(v, keep, alpha, spaces, cased, uncased, flags, pairs);
    return 1;
}
#endif

/* one character of facts_of (the " | " and " / " tests apart: `pairs` says one may be there) */
#define FACTS_CHAR(c)                                                                          \
    do {                                                                                       \
        if ((c) < 128) {                                                                       \
            alpha += ((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z';                               \
            cased |= (c) >= 'A' && (c) <= 'Z';                                                 \
            uncased |= (c) >= 'a' && (c) <= 'z';                                               \
            if ((c) == ' ')                                                                    \
                spaces++;                                                                      \
            else if ((c) == '.')                                                               \
                flags |= T_DOT;                                                                \
            else if ((c) == ':')                                                               \
                flags |= T_COLON;                                                              \
            else if ((c) == '!' || (c) == '?')                                                 \
                flags |= T_BREAK;                                                              \
            else if ((c) == '|' || (c) == '/')                                                 \
                pairs = 1;                                                                     \
        } else {                                                                               \
            alpha += Py_UNICODE_ISALPHA(c) != 0;                                               \
            if (Py_UNICODE_ISLOWER(c) || Py_UNICODE_ISTITLE(c))                                \
                uncased = 1;                                                                   \
            else if (Py_UNICODE_ISUPPER(c))                                                    \
                cased = 1;                                                                     \
        }                                                                                      \
    } while (0)

/* feed.title_facts of a str */
static Py_ssize_t facts_of(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), words, wide, alpha = 0, spaces = 0, slashes = 0;
    int digit;
    scan(text, &words, &wide, &digit);
    long flags = (PyUnicode_IS_ASCII(text) ? T_ASCII : 0) | (digit ? T_DIGIT : 0)
        | (wide ? T_WIDE : 0);
    int cased = 0, uncased = 0; /* str.isupper: a capital, no lower-case or title-case letter */
    int pairs = 0;              /* a "|" or "/": " | " or " / " may be there */
    Py_ssize_t i = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = (const Py_UCS1 *)data;
#ifdef SCAN_SIMD
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            if (_mm_movemask_epi8(v) == 0) /* (all ASCII) */
                facts16(v, &alpha, &spaces, &cased, &uncased, &flags, &pairs);
            else
                for (Py_ssize_t k = i; k < i + 16; k++) {
                    Py_UCS4 c = s[k];
                    FACTS_CHAR(c);
                }
        }
        if (i < n && facts16_tail(s, i, n, &alpha, &spaces, &cased, &uncased, &flags, &pairs))
            i = n;
#endif
        for (; i < n; i++) {
            Py_UCS4 c = s[i];
            FACTS_CHAR(c);
        }
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = (const Py_UCS2 *)data;
#ifdef SCAN_SIMD
        const __m128i high = _mm_set1_epi16((short)0xff80);
        for (; i + 16 <= n; i += 16) {
            __m128i v;
            if (narrow16(s + i, high, &v))
                facts16(v, &alpha, &spaces, &cased, &uncased, &flags, &pairs); /* (all ASCII) */
            else
                for (Py_ssize_t k = i; k < i + 16; k++) {
                    Py_UCS4 c = s[k];
                    FACTS_CHAR(c);
                }
        }
#endif
        for (; i < n; i++) {
            Py_UCS4 c = s[i];
            FACTS_CHAR(c);
        }
    } else {
        const Py_UCS4 *s = (const Py_UCS4 *)data;
        for (; i < n; i++) {
            Py_UCS4 c = s[i];
            FACTS_CHAR(c);
        }
    }
    if (pairs) { /* " | ", and " / " twice (str.count: not overlapping) */
        Py_ssize_t next_slash = 0;
        for (i = 0; i + 2 < n; i++) {
            if (PyUnicode_READ(kind, data, i) != ' ' || PyUnicode_READ(kind, data, i + 2) != ' ')
                continue;
            Py_UCS4 mid = PyUnicode_READ(kind, data, i + 1);
            if (mid == '|')
                flags |= T_NOT;
            else if (mid == '/' && i >= next_slash) {
                slashes++;
                next_slash = i + 3;
            }
        }
    }
    if (slashes >= 2)
        flags |= T_NOT;
    if (n > 0) {
        Py_UCS4 first = PyUnicode_READ(kind, data, 0), last = PyUnicode_READ(kind, data, n - 1);
        if (Py_UNICODE_ISLOWER(first) || first == '(' || first == '[' || first == '{')
            flags |= T_NOT;
        if (last == ':' || last == ',' || last == ';')
            flags |= T_NOT;
        if (Py_UNICODE_ISDECIMAL(first))
            flags |= T_DECIMAL;
    }
    Py_ssize_t end = n > 0 && PyUnicode_READ(kind, data, n - 1) == '\n' ? n - 1 : n;
    if (end == 0) /* ("" in ".…]") */
        flags |= T_END_DOT;
    else {
        Py_UCS4 last = PyUnicode_READ(kind, data, end - 1);
        if (last == '.' || last == 0x2026 || last == ']')
            flags |= T_END_DOT;
    }
    if ((double)alpha >= 0.6 * (double)(n - spaces) && !(cased && !uncased))
        flags |= T_LETTERS;
    return ((words + wide / 2) << TITLE_FACT_BITS) | flags;
}

static PyObject *title_facts(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "title_facts: a str");
        return NULL;
    }
    return PyLong_FromSsize_t(facts_of(text));
}

static PyObject *lower_word(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "lower_word: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int inside = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISSPACE(c))
            inside = 0;
        else {
            if (!inside && Py_UNICODE_ISLOWER(c))
                Py_RETURN_TRUE;
            inside = 1;
        }
    }
    Py_RETURN_FALSE;
}

/* whether the word text[start:end] is in the set `words` (1 or 0; -1 on an error) */
static int word_in(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *words) {
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (!word)
        return -1;
    int in = PySet_Contains(words, word);
    Py_DECREF(word);
    return in;
}

#define EDGE_MAX 64

static PyObject *edge_words_in(PyObject *text, PyObject *words, Py_ssize_t head,
                               Py_ssize_t tail, const unsigned char *pairs); /* the last `tail` words kept in a ring of this many */

#define PAIRS (128 * 128)

/* whether the word text[start:end] (not empty) may be in the set whose ASCII starts are
 * `pairs` (see feed.ascii_pairs: by the first two characters, a bit for each length of the
 * words that start with them, 1 to 7 and 8 or more; NULL: any word may) */
static inline int may_be(const unsigned char *pairs, int kind, const void *data,
                         Py_ssize_t start, Py_ssize_t end) {
    if (!pairs)
        return 1;
    Py_UCS4 first = PyUnicode_READ(kind, data, start);
    Py_UCS4 second = end - start > 1 ? PyUnicode_READ(kind, data, start + 1) : 0;
    Py_ssize_t size = end - start < 8 ? end - start : 8;
    return first >= 128 || second >= 128 || pairs[first * 128 + second] >> (size - 1) & 1;
}

static PyObject *edge_words(PyObject *self, PyObject *args) {
    PyObject *text, *words;
    Py_ssize_t head, tail;
    Py_buffer view = {0};
    if (!PyArg_ParseTuple(args, "UO!nn|y*", &text, &PyFrozenSet_Type, &words, &head, &tail,
                          &view))
        return NULL;
    const unsigned char *pairs = view.buf; /* (NULL when not given) */
    if (view.buf && view.len != PAIRS) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "edge_words: pairs of 128 * 128 bytes");
        return NULL;
    }
    if (head < 0 || tail < 0 || tail > EDGE_MAX) {
        if (view.buf)
            PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "edge_words: 0 <= head, 0 <= tail <= 64");
        return NULL;
    }
    PyObject *result = edge_words_in(text, words, head, tail, pairs);
    if (view.buf)
        PyBuffer_Release(&view);
    return result;
}

static PyObject *edge_words_in(PyObject *text, PyObject *words, Py_ssize_t head,
                               Py_ssize_t tail, const unsigned char *pairs) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = 0, i = 0;
    /* (UCS1: str.isspace by ucs1_class, one load a character, no kind switch) */
    const Py_UCS1 *s1 = kind == PyUnicode_1BYTE_KIND ? (const Py_UCS1 *)data : NULL;
#define EDGE_SPACE(at) (s1 ? !ucs1_class[s1[at]] : Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, at)))
    /* the first `head` words, from the start */
    while (i < n && count < head) {
        while (i < n && EDGE_SPACE(i))
            i++;
        if (i == n)
            break;
        Py_ssize_t start = i;
        while (i < n && !EDGE_SPACE(i))
            i++;
        if (may_be(pairs, kind, data, start, i)) {
            int in = word_in(text, start, i, words);
            if (in)
                return in < 0 ? NULL : Py_NewRef(Py_True);
        }
        count++;
    }
    /* the last `tail` words, from the end: those that start at i or later (past the first
     * `head`, tried already; the words between are never read) */
    Py_ssize_t stop = i, j = n;
    for (Py_ssize_t k = 0; k < tail; k++) {
        while (j > stop && EDGE_SPACE(j - 1))
            j--;
        if (j == stop)
            break;
        Py_ssize_t end = j;
        while (j > stop && !EDGE_SPACE(j - 1))
            j--;
        if (j == stop && stop > 0 && !EDGE_SPACE(stop - 1))
            break; /* (the end of a word already tried, not one of its own) */
        if (may_be(pairs, kind, data, j, end)) {
            int in = word_in(text, j, end, words);
            if (in)
                return in < 0 ? NULL : Py_NewRef(Py_True);
        }
    }
#undef EDGE_SPACE
    Py_RETURN_FALSE;
}

/* re's \w below U+0080: 0-9, A-Z, a-z and "_" (a table: one load, no branch a character) */
static const unsigned char ascii_word[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

/* re's \w: str.isalnum or "_" */
static inline int word_char(Py_UCS4 c) {
    if (c < 128)
        return ascii_word[c];
    return Py_UNICODE_ISALNUM(c);
}

/* feed.menu_facts's flags (feed.py names them alike) */
#define M_WIDE 1  /* lang.WIDE finds a character */
#define M_PUNCT 2 /* feed.NOT_MENU_OR_COMMA finds a character: not re's \w nor \s nor &/|·,- */
#define M_COMMA 4 /* "," in text */
#define M_AMP 8   /* " & " in text */
#define M_LOWER 16 /* a word (str.split) starts in lower case (feed.lower_word) */

#ifdef SCAN_SIMD
/* which of 16 ASCII characters (as bytes) are re's \w (0-9, A-Z, a-z, _), as a bit mask */
static inline unsigned word16(__m128i v) {
    const __m128i letter = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    const __m128i digit = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    __m128i w = _mm_or_si128(
        _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter),
        _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit));
    w = _mm_or_si128(w, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
    return (unsigned)_mm_movemask_epi8(w);
}
#endif

/* one character of menu_flags (" & " apart: `amp` says a "&" is there) */
#define MENU_CHAR(c)                                                                           \
    do {                                                                                       \
        int space_ = Py_UNICODE_ISSPACE(c);                                                    \
        if (space_)                                                                            \
            inside = 0;                                                                        \
        else {                                                                                 \
            if (!inside && Py_UNICODE_ISLOWER(c))                                              \
                flags |= M_LOWER;                                                              \
            inside = 1;                                                                        \
        }                                                                                      \
        if ((c) == ',')                                                                        \
            flags |= M_COMMA;                                                                  \
        else if ((c) == '&')                                                                   \
            amp = 1;                                                                           \
        if (feed_wide(c))                                                                      \
            flags |= M_WIDE;                                                                   \
        if (!space_ && !word_char(c) && (c) != '&' && (c) != '/' && (c) != '|' && (c) != 0xb7  \
            && (c) != ',' && (c) != '-')                                                       \
            flags |= M_PUNCT;                                                                  \
    } while (0)

#ifdef SCAN_SIMD
/* 16 ASCII characters (as bytes) of menu_flags at once, after `inside` (the character before
 * is a word's, str.split) */
static inline void menu16(__m128i v, int *inside, long *flags, int *amp) {
    const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(9));    /* (\t-\r: 0-4, unsigned) */
    const __m128i u = _mm_sub_epi8(v, _mm_set1_epi8(0x1c)); /* (\x1c-\x20: 0-4) */
    const __m128i four = _mm_set1_epi8(4);
    unsigned space = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, four), t),
                     _mm_cmpeq_epi8(_mm_min_epu8(u, four), u)));
    const __m128i lo = _mm_sub_epi8(v, _mm_set1_epi8('a'));
    unsigned lower = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_min_epu8(lo, _mm_set1_epi8(25)), lo));
    unsigned word = ~space & 0xffffu; /* (str.split's words) */
    unsigned starts = word & ~((word << 1) | (unsigned)*inside);
    *inside = (int)(word >> 15);
    if (starts & lower)
        *flags |= M_LOWER;
    __m128i amps = _mm_cmpeq_epi8(v, _mm_set1_epi8('&'));
    __m128i commas = _mm_cmpeq_epi8(v, _mm_set1_epi8(','));
    if (_mm_movemask_epi8(commas))
        *flags |= M_COMMA;
    if (_mm_movemask_epi8(amps))
        *amp = 1;
    __m128i allowed = _mm_or_si128(amps, commas); /* (& / | , - and re's \w) */
    allowed = _mm_or_si128(allowed, _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));
    allowed = _mm_or_si128(allowed, _mm_cmpeq_epi8(v, _mm_set1_epi8('|')));
    allowed = _mm_or_si128(allowed, _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
    unsigned other = ~(unsigned)_mm_movemask_epi8(allowed) & ~word16(v) & ~space & 0xffffu;
    if (other)
        *flags |= M_PUNCT;
}
#endif

/* feed.menu_facts of a str */
static long menu_flags(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
    long flags = 0;
    int inside = 0; /* inside a word (str.split) */
    int amp = 0;    /* a "&": " & " may be there */
#ifdef SCAN_SIMD
    if (kind != PyUnicode_4BYTE_KIND)
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_setzero_si128();
            int plain = ascii16(kind, data, i, &v); /* (all ASCII) */
            if (plain)
                menu16(v, &inside, &flags, &amp);
            else
                for (Py_ssize_t k = i; k < i + 16; k++) {
                    Py_UCS4 c = PyUnicode_READ(kind, data, k);
                    MENU_CHAR(c);
                }
        }
#endif
    for (; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        MENU_CHAR(c);
    }
    if (amp) /* " & " */
        for (i = 1; i + 1 < n; i++)
            if (PyUnicode_READ(kind, data, i) == '&' && PyUnicode_READ(kind, data, i - 1) == ' '
                && PyUnicode_READ(kind, data, i + 1) == ' ') {
                flags |= M_AMP;
                break;
            }
    return flags;
}

static PyObject *menu_facts(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "menu_facts: a str");
        return NULL;
    }
    return PyLong_FromLong(menu_flags(text));
}

/* whether a prefix may start at the word's start `at` of text (c its character), by the
 * firsts (`ascii`: 128 bytes) or, with `paired`, the pairs and their third characters (see
 * feed.prefix_pairs): 0 where none can */
static inline int may_start_at(const char *ascii, int paired, int kind, const void *data,
                               Py_ssize_t n, Py_ssize_t at, Py_UCS4 c) {
    if (c >= 128)
        return 1;
    if (!paired)
        return ascii[c] != 0;
    Py_UCS4 next = at + 1 < n ? PyUnicode_READ(kind, data, at + 1) : 0;
    if (next >= 128)
        return 1;
    unsigned char thirds = (unsigned char)ascii[c * 128 + next];
    if (!thirds)
        return 0; /* (no prefix starts with these two) */
    if (thirds == 0xff)
        return 1;
    if (at + 2 >= n) /* (each prefix has a third character, ASCII) */
        return 0;
    Py_UCS4 third = PyUnicode_READ(kind, data, at + 2);
    return third >= 128 || (thirds >> (third & 7) & 1); /* (or no prefix goes on with it) */
}

#define PREFIX_GROUPS 129 /* feed.prefix_table: where each first character's prefixes start */
#define PREFIX_SIZE 16    /* ... and each prefix: its length, a 0, then its characters (UCS2) */

/* whether one of the prefixes of feed.prefix_table `table` (size bytes) that start with the
 * ASCII character c is text[at:at + its length] */
static int table_prefix_at(const unsigned char *table, Py_ssize_t size, int kind,
                           const void *data, Py_ssize_t n, Py_ssize_t at, Py_UCS4 c) {
    for (Py_ssize_t k = table[c]; k < table[c + 1]; k++) {
        Py_ssize_t base = PREFIX_GROUPS + PREFIX_SIZE * k, i = 0;
        if (base + PREFIX_SIZE > size)
            break;
        Py_ssize_t m = table[base];
        if (m > PREFIX_SIZE / 2 - 1 || m > n - at)
            continue;
        const unsigned char *chars = table + base + 2;
        while (i < m
               && PyUnicode_READ(kind, data, at + i)
                   == ((Py_UCS4)chars[2 * i] | (Py_UCS4)chars[2 * i + 1] << 8))
            i++;
        if (i == m)
            return 1;
    }
    return 0;
}

/* word_start_in at the word's start `at` of text (c its character), past may_start_at: 1
 * where match finds something there, 0 where not (or no prefix starts there), -1 on an error;
 * `table` (feed.prefix_table, `size` bytes; NULL: none) holds the prefixes that start with an
 * ASCII character, as `prefixes` does */
/* the literal of entry k of `literals` (a (str, bool) pair), NULL with a TypeError where it
 * is of another kind */
static PyObject *literal_of(PyObject *literals, Py_ssize_t k) {
    PyObject *pair = PyTuple_GET_ITEM(literals, k);
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2
        || !PyUnicode_Check(PyTuple_GET_ITEM(pair, 0))
        || !PyBool_Check(PyTuple_GET_ITEM(pair, 1))) {
        PyErr_SetString(PyExc_TypeError, "title rules: literals are (str, bool) pairs");
        return NULL;
    }
    return PyTuple_GET_ITEM(pair, 0);
}

/* its first character (0 for "") */
static inline Py_UCS4 literal_first(PyObject *literal) {
    return PyUnicode_GET_LENGTH(literal) ? PyUnicode_READ_CHAR(literal, 0) : 0;
}

/* whether one of `literals` (feed.CALL_TO_ACTION_LITERALS: (str, bool) pairs in the order of
 * their str; None: none) stands at text[at:] (c its first character), followed by no re's \w
 * where its bool says so ("\b" after a word character): 1 or 0, -1 on a rule of another kind.
 * Those that start with c are found by a binary search (out of order: some not found, the
 * pattern called there, the same answer) */
static int literal_at(PyObject *literals, int kind, const void *data, Py_ssize_t n,
                      Py_ssize_t at, Py_UCS4 c) {
    if (literals == Py_None)
        return 0;
    if (!PyTuple_Check(literals)) {
        PyErr_SetString(PyExc_TypeError, "title rules: literals are (str, bool) pairs");
        return -1;
    }
    Py_ssize_t lo = 0, hi = PyTuple_GET_SIZE(literals);
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        PyObject *literal = literal_of(literals, mid);
        if (!literal)
            return -1;
        if (literal_first(literal) < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (Py_ssize_t k = lo; k < PyTuple_GET_SIZE(literals); k++) {
        PyObject *literal = literal_of(literals, k);
        if (!literal)
            return -1;
        Py_ssize_t m = PyUnicode_GET_LENGTH(literal), i = 1;
        if (m == 0 || PyUnicode_READ_CHAR(literal, 0) != c)
            break;
        if (m > n - at)
            continue;
        int lkind = PyUnicode_KIND(literal);
        const void *ldata = PyUnicode_DATA(literal);
        while (i < m && PyUnicode_READ(lkind, ldata, i) == PyUnicode_READ(kind, data, at + i))
            i++;
        if (i == m
            && (PyTuple_GET_ITEM(PyTuple_GET_ITEM(literals, k), 1) == Py_False || at + m == n
                || !word_char(PyUnicode_READ(kind, data, at + m))))
            return 1;
    }
    return 0;
}

static int word_start_at(const unsigned char *table, Py_ssize_t size, PyObject *prefixes,
                         PyObject *match, PyObject *literals, PyObject *text, int kind,
                         const void *data, Py_ssize_t n, Py_ssize_t at, Py_UCS4 c) {
    if (table && c < 128) {
        if (!table_prefix_at(table, size, kind, data, n, at, c))
            return 0;
    } else {
        PyObject *first = PyUnicode_FromOrdinal(c);
        if (!first)
            return -1;
        PyObject *these = PyDict_GetItemWithError(prefixes, first); /* borrowed */
        Py_DECREF(first);
        if (!these)
            return PyErr_Occurred() ? -1 : 0;
        if (!PyTuple_Check(these)) {
            PyErr_SetString(PyExc_TypeError, "word_start_match: tuples of prefixes");
            return -1;
        }
        Py_ssize_t k = 0;
        for (; k < PyTuple_GET_SIZE(these); k++) {
            PyObject *prefix = PyTuple_GET_ITEM(these, k);
            if (!PyUnicode_Check(prefix)) {
                PyErr_SetString(PyExc_TypeError, "word_start_match: prefixes are str");
                return -1;
            }
            Py_ssize_t m = PyUnicode_GET_LENGTH(prefix);
            if (m > n - at)
                continue;
            int pkind = PyUnicode_KIND(prefix);
            const void *pdata = PyUnicode_DATA(prefix);
            Py_ssize_t i = 0;
            while (i < m
                   && PyUnicode_READ(pkind, pdata, i) == PyUnicode_READ(kind, data, at + i))
                i++;
            if (i == m)
                break; /* (tried at `at`: the other prefixes would try it again) */
        }
        if (k == PyTuple_GET_SIZE(these))
            return 0;
    }
    int literal = literal_at(literals, kind, data, n, at, c);
    if (literal)
        return literal; /* (match finds one there: no call) */
    PyObject *pos = PyLong_FromSsize_t(at);
    PyObject *found = pos ? PyObject_CallFunctionObjArgs(match, text, pos, NULL) : NULL;
    Py_XDECREF(pos);
    if (!found)
        return -1;
    int hit = found != Py_None;
    Py_DECREF(found);
    return hit;
}


/* word_start_match's answer (1 or 0, -1 on an error): `ascii` its firsts (128 bytes) or, with
 * `paired`, its pairs (128 * 128); `table` (NULL, or feed.prefix_table of `prefixes`, `size`
 * bytes) its prefixes that start with an ASCII character. Where 16 characters are ASCII,
 * their words' starts are found at once (a bit mask), else one character at a time. */
static int word_start_lit(const char *ascii, int paired, const unsigned char *table,
                          Py_ssize_t size, PyObject *prefixes, PyObject *match,
                          PyObject *literals, PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), at = 0;
    int after_word = 0; /* (the character before is re's \w) */
#ifdef SCAN_SIMD
    if (kind != PyUnicode_4BYTE_KIND)
        for (; at + 16 <= n; at += 16) {
            __m128i v = _mm_setzero_si128();
            int plain = ascii16(kind, data, at, &v); /* (all ASCII) */
            if (!plain)
                break; /* (one character at a time from here) */
            unsigned word = word16(v);
            unsigned starts = ~((word << 1) | (unsigned)after_word) & 0xffffu;
            after_word = (int)(word >> 15);
            while (starts) {
                int k = __builtin_ctz(starts);
                starts &= starts - 1;
                Py_ssize_t i = at + k;
                Py_UCS4 c = PyUnicode_READ(kind, data, i);
                if (!may_start_at(ascii, paired, kind, data, n, i, c))
                    continue;
                int yes = word_start_at(table, size, prefixes, match, literals, text, kind, data, n, i,
                                        c);
                if (yes)
                    return yes;
            }
        }
#endif
    for (; at < n; at++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, at);
        int start = !after_word;
        after_word = word_char(c);
        if (!start || !may_start_at(ascii, paired, kind, data, n, at, c))
            continue; /* not a word's start, or none of the prefixes */
        int yes =
            word_start_at(table, size, prefixes, match, literals, text, kind, data, n, at, c);
        if (yes)
            return yes;
    }
    return 0;
}

/* word_start_lit without literals (the pattern called wherever a prefix stands) */
static int word_start_in(const char *ascii, int paired, const unsigned char *table,
                         Py_ssize_t size, PyObject *prefixes, PyObject *match, PyObject *text) {
    return word_start_lit(ascii, paired, table, size, prefixes, match, Py_None, text);
}

static PyObject *word_start_match(PyObject *self, PyObject *args) {
    PyObject *prefixes, *match, *text;
    Py_buffer firsts;
    if (!PyArg_ParseTuple(args, "y*O!OU", &firsts, &PyDict_Type, &prefixes, &match, &text))
        return NULL;
    if (firsts.len != 128 && firsts.len != PAIRS) {
        PyBuffer_Release(&firsts);
        PyErr_SetString(PyExc_ValueError,
                        "word_start_match: 128 bytes of ASCII firsts or 128 * 128 of pairs");
        return NULL;
    }
    /* whether a key of prefixes is this ASCII character, or this pair (feed.prefix_pairs) */
    int yes = word_start_in(firsts.buf, firsts.len == PAIRS, NULL, 0, prefixes, match, text);
    PyBuffer_Release(&firsts);
    return yes < 0 ? NULL : PyBool_FromLong(yes);
}

/* text.strip(): the same object when neither end is whitespace (a new reference) */
static PyObject *stripped(PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0 || (!Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, 0))
                   && !Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, n - 1)))) {
        Py_INCREF(text);
        return text;
    }
    return PyObject_CallMethodNoArgs(text, name_strip);
}

/* the slots of a type that lines reads, by their offsets in its instances (each -1 when its
 * name is no plain slot there: read by PyObject_GetAttr then, as for another type) */
typedef struct {
    PyTypeObject *type;
    Py_ssize_t offsets[3];
} Slots;

/* the offset of the slot `name` in instances of `type`, as PyObject_GetAttr finds it: a member
 * descriptor of its own kind (T_OBJECT_EX: __slots__) on a type whose attributes are read the
 * generic way (no __getattribute__ nor __getattr__); -1 when not */
static Py_ssize_t slot_offset(PyTypeObject *type, PyObject *name) {
    if (type->tp_getattro != PyObject_GenericGetAttr)
        return -1;
    PyObject *descr = _PyType_Lookup(type, name); /* (borrowed) */
    if (!descr || !Py_IS_TYPE(descr, &PyMemberDescr_Type))
        return -1;
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    return member->type == T_OBJECT_EX ? member->offset : -1;
}

static void slots_of(Slots *slots, PyObject *obj, PyObject *a, PyObject *b, PyObject *c) {
    slots->type = Py_TYPE(obj);
    slots->offsets[0] = slot_offset(slots->type, a);
    slots->offsets[1] = b ? slot_offset(slots->type, b) : -1;
    slots->offsets[2] = c ? slot_offset(slots->type, c) : -1;
}

/* obj.name (a new reference), its slot k read at once when obj is of slots' type */
static PyObject *slot_get(PyObject *obj, const Slots *slots, int k, PyObject *name) {
    if (Py_TYPE(obj) == slots->type && slots->offsets[k] >= 0) {
        PyObject *value = *(PyObject **)((char *)obj + slots->offsets[k]);
        if (value)
            return Py_NewRef(value);
    }
    return PyObject_GetAttr(obj, name); /* (or its AttributeError) */
}

/* key in container (1 or 0, -1 on an error): a set's own look-up for an int or a str */
static inline int contains(PyObject *container, PyObject *key) {
    if (PyAnySet_CheckExact(container) && (PyLong_CheckExact(key) || PyUnicode_CheckExact(key)))
        return PySet_Contains(container, key);
    return PySequence_Contains(container, key);
}

/* the last reason lines asked not_stories about (held) and whether it is in it */
typedef struct {
    PyObject *reason;
    int in;
} Reason;

/* whether lb is free for a story (1 or 0; -1 on an error); its slots (block, label, reason)
 * and its block's (text, index); `last`: the reason asked before (the same object again, most
 * lines: its answer again, without a look-up) */
static int is_free(PyObject *lb, PyObject *block, PyObject *used, PyObject *not_stories,
                   PyObject *article, const Slots *lbs, const Slots *bs, Reason *last) {
    PyObject *label = slot_get(lb, lbs, 1, name_label);
    if (!label)
        return -1;
    int free = label != article;
    Py_DECREF(label);
    if (!free)
        return 0;
    PyObject *index = slot_get(block, bs, 1, name_index);
    if (!index)
        return -1;
    int in = contains(used, index);
    Py_DECREF(index);
    if (in != 0)
        return in < 0 ? -1 : 0;
    PyObject *reason = slot_get(lb, lbs, 2, name_reason);
    if (!reason)
        return -1;
    if (reason == last->reason) {
        Py_DECREF(reason);
        return !last->in;
    }
    in = contains(not_stories, reason);
    if (in < 0) {
        Py_DECREF(reason);
        return -1;
    }
    Py_XSETREF(last->reason, reason); /* (held: no other object takes its address meanwhile) */
    last->in = in;
    return !in;
}

static PyObject *lines(PyObject *self, PyObject *args) {
    PyObject *labelled, *used, *not_stories, *article;
    if (!PyArg_ParseTuple(args, "OOOO", &labelled, &used, &not_stories, &article))
        return NULL;
    PyObject *seq = PySequence_Fast(labelled, "lines: a sequence of LabelledBlock");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    Reason last = {NULL, 0}; /* (the reason asked before) */
    PyObject *texts = PyList_New(n), *free = PyList_New(n), *digits = PyList_New(n),
             *words = PyList_New(n);
    if (!texts || !free || !digits || !words)
        goto fail;
    Slots lbs = {NULL, {-1, -1, -1}}, bs = {NULL, {-1, -1, -1}}; /* (of the first block's types) */
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *lb = PySequence_Fast_GET_ITEM(seq, i);
        if (!lbs.type)
            slots_of(&lbs, lb, name_block, name_label, name_reason);
        PyObject *block = slot_get(lb, &lbs, 0, name_block);
        if (!block)
            goto fail;
        if (!bs.type)
            slots_of(&bs, block, name_text, name_index, NULL);
        PyObject *raw = slot_get(block, &bs, 0, name_text);
        if (!raw || !PyUnicode_Check(raw)) {
            if (raw)
                PyErr_SetString(PyExc_TypeError, "lines: a block's text is a str");
            Py_XDECREF(raw);
            Py_DECREF(block);
            goto fail;
        }
        PyObject *text = stripped(raw);
        Py_DECREF(raw);
        int yes = text ? is_free(lb, block, used, not_stories, article, &lbs, &bs, &last) : -1;
        Py_DECREF(block);
        if (yes < 0) {
            Py_XDECREF(text);
            goto fail;
        }
        Py_ssize_t count, wide;
        int digit;
        scan(text, &count, &wide, &digit);
        PyObject *number = PyLong_FromSsize_t(count + wide / 2);
        if (!number) {
            Py_DECREF(text);
            goto fail;
        }
        PyList_SET_ITEM(texts, i, text);
        PyList_SET_ITEM(free, i, Py_NewRef(yes ? Py_True : Py_False));
        PyList_SET_ITEM(digits, i, Py_NewRef(digit ? Py_True : Py_False));
        PyList_SET_ITEM(words, i, number);
    }
    Py_DECREF(seq);
    Py_XDECREF(last.reason);
    return Py_BuildValue("(NNNN)", texts, free, digits, words);
fail:
    Py_DECREF(seq);
    Py_XDECREF(last.reason);
    Py_XDECREF(texts);
    Py_XDECREF(free);
    Py_XDECREF(digits);
    Py_XDECREF(words);
    return NULL;
}

/* feed.is_title, with the patterns and helpers it calls given in `rules` (feed.TITLE_RULES, in
 * the order of the R_* below): the tests on characters here, each pattern called only where
 * feed._is_title calls it. */
enum {
    R_ALONE,          /* feed.NOT_TITLE_ALONE */
    R_PAIRS,          /* feed.NOT_TITLE_PAIRS */
    R_KIND_PAIRS,     /* feed.KIND_PAIRS */
    R_NOT_START,      /* NOT_TITLE_START.match */
    R_TIME_LINE,      /* dates.is_time_line */
    R_CTA,            /* feed.call_to_action_words */
    R_CTA_MARK,       /* feed.CALL_TO_ACTION_MARKS (or CALL_TO_ACTION_MARK.search) */
    R_NAV_GLYPHS,     /* NAV_GLYPHS.search */
    R_NAV_GLYPH,      /* NAV_GLYPH.search */
    R_LINK_HINT,      /* LINK_SHAPE_HINT.search */
    R_LINK,           /* LINK_SHAPE.search */
    R_COUNT_LINE,     /* COUNT_LINE.match */
    R_BREAK_HINT,     /* SENTENCE_BREAK_HINT.search */
    R_BREAKS,         /* SENTENCE_BREAK.findall */
    R_CREDIT_WORD,    /* feed.CREDIT_WORDS (or CREDIT_WORD.search) */
    R_CREDIT,         /* CREDIT.search */
    R_CONTACT_HINT,   /* CONTACT_HINT.search */
    R_CONTACT,        /* CONTACT.search */
    R_CLOCK,          /* CLOCK.search */
    R_LEADING_TIME,   /* LEADING_TIME.match */
    R_FIND_DATES,     /* dates.find_dates */
    R_TIME_LINE_MAX,  /* TIME_LINE_MAX_CHARS */
    R_COUNT_MAX,      /* COUNT_LINE_MAX_WORDS */
    R_TWO_SENTENCE,   /* TWO_SENTENCE_TITLE_MAX_WORDS */
    R_CTA_PAIRS,      /* feed.prefix_pairs(CALL_TO_ACTION_PREFIXES), None: R_CTA called */
    R_CTA_PREFIXES,   /* feed.CALL_TO_ACTION_PREFIXES */
    R_CTA_START,      /* CALL_TO_ACTION_START.match */
    R_START_BITS,     /* feed.NOT_TITLE_BITS: the three tests of may_start on ASCII */
    R_CTA_TABLE,      /* feed.prefix_table(CALL_TO_ACTION_PREFIXES), b"": R_CTA_PREFIXES read */
    R_CTA_LITERALS,   /* feed.CALL_TO_ACTION_LITERALS (None: R_CTA_START called at each) */
    R_SIZE
};

static PyObject *s_getty, *s_hutter, *s_picture, *s_photography, *s_phone, *name_start;

/* whether `call(arg)` finds something (a match, a true value): 1 or 0, -1 on an error */
static int found(PyObject *call, PyObject *arg, int truth) {
    PyObject *got = PyObject_CallOneArg(call, arg);
    if (!got)
        return -1;
    int yes = truth ? PyObject_IsTrue(got) : got != Py_None;
    Py_DECREF(got);
    return yes;
}

/* feed.prefix_table of the call to action's prefixes (rules[R_CTA_TABLE]) when it is one, else
 * NULL (R_CTA_PREFIXES read); its size is the bytes' size */
static const unsigned char *prefix_table(PyObject *const *rules, Py_ssize_t *size) {
    PyObject *table = rules[R_CTA_TABLE];
    *size = 0;
    if (!PyBytes_Check(table) || PyBytes_GET_SIZE(table) < PREFIX_GROUPS)
        return NULL;
    *size = PyBytes_GET_SIZE(table);
    return (const unsigned char *)PyBytes_AS_STRING(table);
}

/* ---- exact necessary conditions of dates.py's answers (tests/unit/test_feed_dates_gate.py
 * checks each against the function it stands for), so that a call that cannot find anything
 * is not made ---- */

#define RD(i) PyUnicode_READ(kind, data, (i))
#define DEC(i) Py_UNICODE_ISDECIMAL(RD(i))

/* dates.MAYBE_DATE finds an anchor in [lo, hi): "(?:19|20)\d\d" or "\d/[0-3]?\d/\d\d" (without
 * one, dates.find_dates finds nothing) */
static int maybe_date(int kind, const void *data, Py_ssize_t lo, Py_ssize_t hi) {
    for (Py_ssize_t i = lo; i + 3 < hi; i++) {
        Py_UCS4 c = RD(i);
        if (c == '1' || c == '2') {
            if (RD(i + 1) == (c == '1' ? '9' : '0') && DEC(i + 2) && DEC(i + 3))
                return 1;
        }
        if (RD(i + 1) != '/' || !Py_UNICODE_ISDECIMAL(c))
            continue;
        Py_ssize_t j = i + 2; /* [0-3]?\d/\d\d */
        Py_UCS4 d = RD(j);
        if (d >= '0' && d <= '3' && j + 4 < hi && DEC(j + 1) && RD(j + 2) == '/' && DEC(j + 3)
            && DEC(j + 4))
            return 1;
        if (j + 3 < hi && DEC(j) && RD(j + 1) == '/' && DEC(j + 2) && DEC(j + 3))
            return 1;
    }
    return 0;
}

/* feed.DATE_START.match(text[lo:hi]): a digit, or a word of letters (a month's name), "."
 * perhaps, spaces and a digit (where a date may start at lo) */
static int date_start(int kind, const void *data, Py_ssize_t lo, Py_ssize_t hi) {
    if (lo >= hi)
        return 0;
    if (DEC(lo))
        return 1;
    Py_ssize_t i = lo;
    while (i < hi && Py_UNICODE_ISALNUM(RD(i)) && !DEC(i))
        i++;
    if (i == lo)
        return 0;
    if (i < hi && RD(i) == '.')
        i++;
    Py_ssize_t spaces = i;
    while (i < hi && Py_UNICODE_ISSPACE(RD(i)))
        i++;
    return i > spaces && i < hi && DEC(i);
}

/* feed.may_date_end(text[lo:hi]) of a text without spaces at its end: a digit, "日", or
 * "[ap]\.?\s?m\.?" (IGNORECASE) there (where a date may end) */
static int date_end(int kind, const void *data, Py_ssize_t lo, Py_ssize_t hi) {
    Py_ssize_t k = hi - 1;
    if (k < lo)
        return 0;
    Py_UCS4 c = RD(k);
    if (Py_UNICODE_ISDECIMAL(c) || c == 0x65e5)
        return 1;
    if (c == '.' && --k >= lo)
        c = RD(k);
    if (k < lo || (c != 'm' && c != 'M'))
        return 0;
    k--;
    if (k >= lo && Py_UNICODE_ISSPACE(RD(k)))
        k--;
    if (k >= lo && RD(k) == '.')
        k--;
    return k >= lo && (RD(k) == 'a' || RD(k) == 'A' || RD(k) == 'p' || RD(k) == 'P');
}

/* False only where feed.split_date(text) (no dates given) is (None, text): no date anchor, or
 * none may start where the text does nor end where it ends but spaces */
static int may_split_date(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), end = n;
    while (end > 0 && Py_UNICODE_ISSPACE(RD(end - 1)))
        end--;
    return (date_start(kind, data, 0, n) || date_end(kind, data, 0, end))
        && maybe_date(kind, data, 0, n);
}

/* False only where dates.is_time_line(text) is False, `first` and `end` the bounds of
 * text.strip(): a line of 30 characters at most that starts a time of day ("5:56", "9.30",
 * "14h05"), ends with "ago" (a relative time), starts a month's name and day ("Dec. 6"), or,
 * 24 characters at most, holds a date anchor (dates.first_date) */
static int may_time_line(PyObject *text, Py_ssize_t first, Py_ssize_t end) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = end - first;
    if (n <= 0 || n > 30)
        return 0;
    int ago = n >= 3 && (RD(end - 3) | 0x20) == 'a' && (RD(end - 2) | 0x20) == 'g'
        && (RD(end - 1) | 0x20) == 'o';
    if (ago)
        return 1; /* (dates.RELATIVE, or any test: not told apart here) */
    if (n <= 24 && maybe_date(kind, data, first, end))
        return 1;
    if (DEC(first)) { /* dates.TIME_OF_DAY: ^[0-2]?\d[:.h][0-5]\d */
        Py_UCS4 c = RD(first);
        for (Py_ssize_t at = first + 1; at <= first + 2 && at + 2 < end + 0; at++) {
            Py_UCS4 sep = RD(at);
            if (at == first + 2 && !(c >= '0' && c <= '2' && DEC(first + 1)))
                break;
            if ((sep == ':' || sep == '.' || sep == 'h' || sep == 'H') && RD(at + 1) >= '0'
                && RD(at + 1) <= '5' && DEC(at + 2))
                return 1;
        }
        return 0;
    }
    return date_start(kind, data, first, end); /* dates.MONTH_DAY: ^_MONTH\s+_DAY$ */
}

/* False only where dates.find_dates(text) is [] */
static int may_find_dates(PyObject *text) {
    return maybe_date(PyUnicode_KIND(text), PyUnicode_DATA(text), 0, PyUnicode_GET_LENGTH(text));
}

/* the gates above as flags, for the tests: 1 may_split_date, 2 may_time_line, 4
 * may_find_dates */
static PyObject *date_gates(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "date_gates(text: str)");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), first = 0, end = n;
    while (first < n && Py_UNICODE_ISSPACE(RD(first)))
        first++;
    while (end > first && Py_UNICODE_ISSPACE(RD(end - 1)))
        end--;
    return PyLong_FromLong(may_split_date(text) | may_time_line(text, first, end) << 1
                           | may_find_dates(text) << 2);
}

/* whether the text[start:end] is in `container` (set or tuple): 1 or 0, -1 on an error */
static int slice_in(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *container) {
    PyObject *part = PyUnicode_Substring(text, start, end);
    if (!part)
        return -1;
    int in = PySequence_Contains(container, part);
    Py_DECREF(part);
    return in;
}

/* the value of dict[text[start:end]] (borrowed), NULL when absent (an error when raised) */
static PyObject *slice_get(PyObject *dict, PyObject *text, Py_ssize_t start, Py_ssize_t end) {
    PyObject *part = PyUnicode_Substring(text, start, end);
    if (!part)
        return NULL;
    PyObject *value = PyDict_GetItemWithError(dict, part);
    Py_DECREF(part);
    return value;
}

/* feed.may_start_not_title (text not empty): 1 or 0, -1 on an error */
/* feed.NOT_TITLE_BITS (128 * 128 bytes, or NULL where the rule is not one) */
static const unsigned char *start_bits(PyObject *const *rules) {
    PyObject *bits = rules[R_START_BITS];
    return PyBytes_Check(bits) && PyBytes_GET_SIZE(bits) == PAIRS
        ? (const unsigned char *)PyBytes_AS_STRING(bits)
        : NULL;
}

/* the ASCII characters text[at], text[at + 1] (both there) as an index of NOT_TITLE_BITS, -1
 * where not */
static Py_ssize_t bits_at(PyObject *text, Py_ssize_t at) {
    if (at + 1 >= PyUnicode_GET_LENGTH(text))
        return -1;
    Py_UCS4 first = PyUnicode_READ_CHAR(text, at), second = PyUnicode_READ_CHAR(text, at + 1);
    return first < 128 && second < 128 ? (Py_ssize_t)(first * 128 + second) : -1;
}

/* text[:1] in NOT_TITLE_ALONE: 1 or 0, -1 on an error */
static int alone(PyObject *const *rules, PyObject *text) {
    const unsigned char *bits = start_bits(rules);
    Py_UCS4 first = PyUnicode_READ_CHAR(text, 0);
    if (bits && first < 128)
        return bits[first * 128] & 1;
    return slice_in(text, 0, 1, rules[R_ALONE]);
}

static int may_start(PyObject *const *rules, PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (Py_UNICODE_ISDECIMAL(PyUnicode_READ_CHAR(text, 0)))
        return 1;
    int in = alone(rules, text);
    if (in)
        return in;
    const unsigned char *bits = start_bits(rules);
    Py_ssize_t at = bits ? bits_at(text, 0) : -1;
    if (at >= 0) {
        if (bits[at] & 2)
            return 1;
    } else {
        PyObject *seconds = slice_get(rules[R_PAIRS], text, 0, 1);
        if (seconds) {
            in = slice_in(text, 1, 2, seconds);
            if (in)
                return in;
        } else if (PyErr_Occurred())
            return -1;
    }
    Py_ssize_t space = PyUnicode_FindChar(text, ' ', 0, n, 1);
    if (space == -2)
        return -1;
    if (space <= 0)
        return 0;
    at = bits ? bits_at(text, space + 1) : -1;
    if (at >= 0)
        return (bits[at] & 4) != 0;
    PyObject *seconds = slice_get(rules[R_KIND_PAIRS], text, space + 1, space + 2);
    if (!seconds)
        return PyErr_Occurred() ? -1 : 0;
    return slice_in(text, space + 2, space + 3, seconds);
}

/* The words NOT_TITLE_START's branches start with, in lower case (IGNORECASE): a byline's
 * (then "\b"), a relative time's (then "\s"), a kind of story's (then " ", at the start or
 * after the first word); tests/unit/test_feed_dates_gate.py checks them against the patterns */
static const wchar_t *const byline_words[] = {L"by", L"von", L"par", L"por", L"door", L"author",
                                              L"autor", NULL};
static const wchar_t *const relative_words[] = {L"hace", L"vor", L"il y a", L"h\u00e1", L"ha",
                                                NULL};
static const wchar_t *const kind_words[] = {
    L"reportage", L"kommentar", L"analyse",  L"analysis", L"interview", L"essay",
    L"kolumne",   L"column",    L"bericht",  L"report",   L"review",    L"rezension",
    L"chronique", L"tribune",   L"enqu\u00eate", L"reporta\u017c", L"felieton", L"komentarz",
    L"cr\u00f3nica", L"columna", L"an\u00e1lisis", NULL};

/* whether text[at:] may start with `word` under IGNORECASE, where it ends in *end: each ASCII
 * character the word's in either case (IGNORECASE pairs an ASCII letter with no other ASCII
 * character, nor a non-ASCII letter with an ASCII one), any other one taken as a maybe */
static int may_word(int kind, const void *data, Py_ssize_t n, Py_ssize_t at, const wchar_t *word,
                    Py_ssize_t *end) {
    for (; *word; word++, at++) {
        if (at >= n)
            return 0;
        Py_UCS4 c = RD(at), w = (Py_UCS4)*word;
        if (c >= 128)
            continue;
        if (w >= 128)
            return 0;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c != w)
            return 0;
    }
    *end = at;
    return 1;
}

/* whether one of `words` may stand at text[at:], followed by what `after` says: 0 "\b" (no
 * ASCII word character next), 1 "\s" (a space or a non-ASCII character next), 2 " " */
static int may_words(int kind, const void *data, Py_ssize_t n, Py_ssize_t at,
                     const wchar_t *const *words, int after) {
    for (; *words; words++) {
        Py_ssize_t end;
        if (!may_word(kind, data, n, at, *words, &end))
            continue;
        if (after == 0) {
            if (end >= n)
                return 1;
            Py_UCS4 c = RD(end);
            if (c >= 128 || !(Py_UNICODE_ISALNUM(c) || c == '_'))
                return 1;
        } else if (end < n) {
            Py_UCS4 c = RD(end);
            if (after == 2 ? c == ' ' : c >= 128 || Py_UNICODE_ISSPACE(c))
                return 1;
        }
    }
    return 0;
}

/* the words that end RELATIVE_START's branches that start with a digit ("\d+\s*(?:sec|...)s?
 * \.?\s+ago\b", "\d+\s+\w+\s+(?:fa|temu|geleden)\b"), each after re's \s and before "\b";
 * tests/unit/test_feed_not_title_digit.py checks them against the pattern */
static const wchar_t *const relative_ends[] = {L"ago", L"fa", L"temu", L"geleden", NULL};

/* False only where NOT_TITLE_START.match(text) is None (text not empty): may_start's first
 * two characters, then the whole words of the branch they may start (a source's or an
 * editor's character, a dash: NOT_TITLE_ALONE, taken as they are; a digit: a relative
 * time's last word after a space, or a kind of story after the first word) */
static int may_not_title(PyObject *const *rules, PyObject *text) {
    int yes = may_start(rules, text);
    if (yes <= 0)
        return yes;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (DEC(0)) { /* (RELATIVE_START's first or third branch, or KIND_BYLINE after "\w+ ") */
        for (Py_ssize_t i = 1; i + 2 < n; i++)
            if (Py_UNICODE_ISSPACE(RD(i)) && may_words(kind, data, n, i + 1, relative_ends, 0))
                return 1;
        Py_ssize_t space = PyUnicode_FindChar(text, ' ', 0, n, 1);
        if (space == -2)
            return -1;
        return space > 0 && may_words(kind, data, n, space + 1, kind_words, 2);
    }
    yes = alone(rules, text);
    if (yes)
        return yes;
    if (may_words(kind, data, n, 0, byline_words, 0) || may_words(kind, data, n, 0, relative_words, 1)
        || may_words(kind, data, n, 0, kind_words, 2))
        return 1;
    Py_ssize_t space = PyUnicode_FindChar(text, ' ', 0, n, 1);
    if (space == -2)
        return -1;
    return space > 0 && may_words(kind, data, n, space + 1, kind_words, 2);
}

/* may_not_title, for the tests: 1 or 0 */
static PyObject *not_title_gate(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != R_SIZE
        || !PyUnicode_Check(args[1]) || PyUnicode_GET_LENGTH(args[1]) == 0) {
        PyErr_SetString(PyExc_TypeError, "not_title_gate(title_rules, text: a str not empty)");
        return NULL;
    }
    int yes = may_not_title(&PyTuple_GET_ITEM(args[0], 0), args[1]);
    return yes < 0 ? NULL : PyBool_FromLong(yes);
}

/* whether `part` is in `text`: 1 or 0, -1 on an error */
static int has(PyObject *text, PyObject *part) {
    Py_ssize_t at = PyUnicode_Find(text, part, 0, PY_SSIZE_T_MAX, 1);
    return at == -2 ? -1 : at >= 0;
}

/* which pairs of neighbouring characters a str holds, each hashed to one of 4096 bits: a part
 * with a pair that the str does not hold is not in it (grams_may_hold 0: no search), the others
 * (and the parts of one character) are searched (has) */
typedef struct {
    uint64_t two[64];
} Grams;

static inline unsigned gram_two(Py_UCS4 a, Py_UCS4 b) { return ((a << 5) ^ b) & 4095u; }

static void grams_of(Grams *g, PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    memset(g, 0, sizeof *g);
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = (const Py_UCS1 *)data;
        for (Py_ssize_t i = 1; i < n; i++) {
            unsigned h = gram_two(s[i - 1], s[i]);
            g->two[h >> 6] |= 1ull << (h & 63u);
        }
        return;
    }
    for (Py_ssize_t i = 1; i < n; i++) {
        unsigned h = gram_two(PyUnicode_READ(kind, data, i - 1), PyUnicode_READ(kind, data, i));
        g->two[h >> 6] |= 1ull << (h & 63u);
    }
}

/* 0 where `part` (a str) cannot be in the str of the grams g, else 1 */
static int grams_may_hold(const Grams *g, PyObject *part) {
    int kind = PyUnicode_KIND(part);
    const void *data = PyUnicode_DATA(part);
    Py_ssize_t n = PyUnicode_GET_LENGTH(part);
    for (Py_ssize_t i = 1; i < n; i++) {
        unsigned h = gram_two(PyUnicode_READ(kind, data, i - 1), PyUnicode_READ(kind, data, i));
        if (!(g->two[h >> 6] >> (h & 63u) & 1))
            return 0;
    }
    return 1;
}

/* has(text, part), text's grams g (NULL: none) tried first */
static int has_grams(const Grams *g, PyObject *text, PyObject *part) {
    if (g && !grams_may_hold(g, part))
        return 0;
    return has(text, part);
}

/* whether one of the str of the tuple `rule` is in `text` (a pattern that is an alternation of
 * them, searched: the same), or, `rule` a callable, whether it finds something in `text`: 1 or
 * 0, -1 on an error (any_in_grams: text's grams g, or NULL, tried first) */
static int any_in_grams(const Grams *g, PyObject *rule, PyObject *text) {
    if (!PyTuple_Check(rule))
        return found(rule, text, 0);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(rule); k++) {
        PyObject *part = PyTuple_GET_ITEM(rule, k);
        if (!PyUnicode_Check(part)) {
            PyErr_SetString(PyExc_TypeError, "title rules: parts are str");
            return -1;
        }
        int in = has_grams(g, text, part);
        if (in)
            return in;
    }
    return 0;
}

static int any_in(PyObject *rule, PyObject *text) { return any_in_grams(NULL, rule, text); }

/* a character as re's IGNORECASE compares it with a lower-case letter of a pattern (Unicode
 * str patterns): its lower case (one character, Py_UNICODE_TOLOWER: "İ" as "i", the Kelvin
 * sign as "k"), "ı" as "i" and "ſ" as "s" (re's case fixes for the ASCII letters) */
static inline Py_UCS4 re_fold(Py_UCS4 c) {
    if (c < 128)
        return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
    if (c == 0x131)
        return 'i';
    if (c == 0x17f)
        return 's';
    return Py_UNICODE_TOLOWER(c);
}

/* whether the folded text at `at` spells `word` (lower-case, Latin-1: re_fold of each) */
static int folded_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t at,
                     const unsigned char *word) {
    for (Py_ssize_t k = 0; word[k]; k++)
        if (at + k >= n || re_fold(PyUnicode_READ(kind, data, at + k)) != word[k])
            return 0;
    return 1;
}

/* CONTACT.search(text), told on characters where it can be: 0 where it finds nothing (no
 * "tel", "tél", "phone" nor "fax" in any case for its first branch, no "电话" and a colon for
 * its second, no nine decimal digits in a row for its third), 1 where it finds something
 * (nine digits, "电话:"), 2 where it may (the first branch: call it) */
static int contact_gate(int kind, const void *data, Py_ssize_t n) {
    static const unsigned char *const words[] = {
        (const unsigned char *)"tel", (const unsigned char *)"t\xe9l",
        (const unsigned char *)"phone", (const unsigned char *)"fax"};
    int may = 0;
    Py_ssize_t run = 0; /* decimal digits in a row (re's \d) up to here */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (decimal(c)) {
            if (++run >= 9)
                return 1;
            continue;
        }
        run = 0;
        if (c == 0x7535 /* 电 */ && i + 2 < n && PyUnicode_READ(kind, data, i + 1) == 0x8bdd) {
            Py_UCS4 colon = PyUnicode_READ(kind, data, i + 2);
            if (colon == ':' || colon == 0xff1a)
                return 1;
        }
        if (may)
            continue;
        Py_UCS4 f = re_fold(c);
        if (f == 't' || f == 'p' || f == 'f')
            for (int w = 0; w < 4 && !may; w++)
                may = words[w][0] == f && folded_at(kind, data, n, i, words[w]);
    }
    return may ? 2 : 0;
}

/* False only where CREDIT finds nothing in text: none of the words its first two branches
 * start with ("(photo", "foto:", "(source", "crédit photo:", ...; in any case as re's
 * IGNORECASE reads them: re_fold), nor "图" or "摄影" (its last branches; its third, "getty
 * images" or "shutterstock", is told by may_credit before) */
static int credit_gate(int kind, const void *data, Py_ssize_t n) {
    static const unsigned char *const words[] = {
        (const unsigned char *)"photo",  (const unsigned char *)"fot",
        (const unsigned char *)"bild",   (const unsigned char *)"image",
        (const unsigned char *)"zdjecie", (const unsigned char *)"credit",
        (const unsigned char *)"cr\xe9"
                               "dit",
        (const unsigned char *)"quelle", (const unsigned char *)"source"};
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == 0x56fe /* 图 */ || (c == 0x6444 /* 摄 */ && i + 1 < n
                                      && PyUnicode_READ(kind, data, i + 1) == 0x5f71 /* 影 */))
            return 1;
        Py_UCS4 f = re_fold(c);
        if (f != 'p' && f != 'f' && f != 'b' && f != 'i' && f != 'z' && f != 'c' && f != 'q'
            && f != 's')
            continue;
        for (int w = 0; w < 9; w++)
            if (words[w][0] == f && folded_at(kind, data, n, i, words[w]))
                return 1;
        if (f == 'z' && folded_at(kind, data, n, i, (const unsigned char *)"zdj") && i + 3 < n
            && re_fold(PyUnicode_READ(kind, data, i + 3)) == 0x119 /* ę */
            && folded_at(kind, data, n, i + 4, (const unsigned char *)"cie"))
            return 1; /* zdjęcie */
    }
    return 0;
}

/* what contact_gate and credit_gate say, for the tests: contact_gate | credit_gate << 2 */
static PyObject *regex_gates(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "regex_gates: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    return PyLong_FromLong(contact_gate(kind, data, n) | credit_gate(kind, data, n) << 2);
}

/* whether "tt" is in the UCS1 characters s[:n] (16 pairs at a time where SSE2 is there) */
static int two_t(const Py_UCS1 *s, Py_ssize_t n) {
    Py_ssize_t i = 0;
#ifdef SCAN_SIMD
    const __m128i t = _mm_set1_epi8('t');
    for (; i + 17 <= n; i += 16) {
        __m128i here = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i)), t);
        __m128i next = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i + 1)), t);
        if (_mm_movemask_epi8(_mm_and_si128(here, next)))
            return 1;
    }
#endif
    for (; i + 1 < n; i++)
        if (s[i] == 't' && s[i + 1] == 't')
            return 1;
    return 0;
}

/* feed.may_credit: 1 or 0, -1 on an error */
static int may_credit(PyObject *const *rules, PyObject *text, PyObject *low, int ascii,
                      int colon, Grams **g, Grams *room) {
    int in = 0; /* ("getty" and "hutter" both hold "tt": neither is in a UCS1 low without) */
    if (PyUnicode_KIND(low) != PyUnicode_1BYTE_KIND
        || two_t(PyUnicode_1BYTE_DATA(low), PyUnicode_GET_LENGTH(low))) {
        in = has_grams(*g, low, s_getty);
        if (!in)
            in = has_grams(*g, low, s_hutter);
    }
    if (in)
        return in;
    Py_ssize_t paren = PyUnicode_FindChar(text, '(', 0, PyUnicode_GET_LENGTH(text), 1);
    if (paren == -2)
        return -1;
    if (paren < 0 && !colon) {
        if (ascii)
            return 0;
        in = has(text, s_picture);
        return in ? in : has(text, s_photography);
    }
    if (ascii) {
        if (!*g && PyTuple_Check(rules[R_CREDIT_WORD])) { /* (low's grams, then each word) */
            grams_of(room, low);
            *g = room;
        }
        return any_in_grams(*g, rules[R_CREDIT_WORD], low);
    }
    return credit_gate(PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text));
}

/* Patterns of feed that title_verdict tests on characters here rather than by calling them
 * (the same verdict: tests/unit/test_feed_hints.py), each where feed._is_title searches it:
 *   contact_hint: CONTACT_HINT, \d[\d ()./-]{6}|电话
 *   link_hint: LINK_SHAPE_HINT, \.(?:com|org|net|co|io|es|de|fr|uk|info|gov|edu)\b|://|www\.
 *   break_hint: SENTENCE_BREAK_HINT, [.!?]\s+[A-ZÀ-Þ]
 *   nav_glyph: NAV_GLYPH, [›‹»«→←▸▾]
 *   nav_glyphs: NAV_GLYPHS, [›‹»«→←▸▾]|\.\.\.$|…$|\[\s*(?:\.\.\.|…)\s*\]$ */

static inline int phone_char(Py_UCS4 c) {
    return decimal(c) || c == ' ' || c == '(' || c == ')' || c == '.' || c == '/' || c == '-';
}

static int contact_hint(int kind, const void *data, Py_ssize_t n) {
    Py_ssize_t digit = -1; /* the first digit of the run of phone characters up to here */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!phone_char(c)) {
            digit = -1;
            if (c == 0x7535 /* 电 */ && i + 1 < n && PyUnicode_READ(kind, data, i + 1) == 0x8bdd)
                return 1; /* 电话 */
            continue;
        }
        if (digit < 0 && decimal(c))
            digit = i;
        if (digit >= 0 && i - digit >= 6)
            return 1;
    }
    return 0;
}

static const char *const link_ends[] = {"com", "org", "net", "co", "io", "es", "de",
                                        "fr", "uk", "info", "gov", "edu"};

/* whether text[at:] starts with the ASCII `word` */
static inline int starts_with(int kind, const void *data, Py_ssize_t n, Py_ssize_t at,
                              const char *word) {
    for (; *word; word++, at++)
        if (at >= n || PyUnicode_READ(kind, data, at) != (Py_UCS4)(unsigned char)*word)
            return 0;
    return 1;
}

/* link_hint at the character c at i: 1 where LINK_SHAPE_HINT matches from there */
static inline int link_hint_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i,
                               Py_UCS4 c) {
    if (c == '.') {
        for (size_t k = 0; k < sizeof(link_ends) / sizeof(*link_ends); k++) {
            Py_ssize_t end = i + 1 + (Py_ssize_t)strlen(link_ends[k]);
            if (starts_with(kind, data, n, i + 1, link_ends[k])
                && (end == n || !word_char(PyUnicode_READ(kind, data, end))))
                return 1;
        }
    } else if (c == ':') {
        if (starts_with(kind, data, n, i, "://"))
            return 1;
    } else if (c == 'w' && starts_with(kind, data, n, i, "www."))
        return 1;
    return 0;
}

static int link_hint(int kind, const void *data, Py_ssize_t n) {
    if (kind == PyUnicode_1BYTE_KIND) { /* (one load and three tests a character) */
        const Py_UCS1 *s = (const Py_UCS1 *)data;
        Py_ssize_t i = 0;
#ifdef SCAN_SIMD
        for (; i + 16 <= n; i += 16) { /* (16 at a time: the places of ".", ":" and "w") */
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            unsigned marks = (unsigned)_mm_movemask_epi8(
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))),
                             _mm_cmpeq_epi8(v, _mm_set1_epi8('w'))));
            while (marks) {
                int k = __builtin_ctz(marks);
                marks &= marks - 1;
                if (link_hint_at(kind, data, n, i + k, s[i + k]))
                    return 1;
            }
        }
#endif
        for (; i < n; i++) {
            Py_UCS1 c = s[i];
            if ((c == '.' || c == ':' || c == 'w') && link_hint_at(kind, data, n, i, c))
                return 1;
        }
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (link_hint_at(kind, data, n, i, PyUnicode_READ(kind, data, i)))
            return 1;
    return 0;
}

static int break_hint(int kind, const void *data, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c != '.' && c != '!' && c != '?')
            continue;
        Py_ssize_t j = i + 1;
        while (j < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)))
            j++;
        if (j > i + 1 && j < n) {
            Py_UCS4 d = PyUnicode_READ(kind, data, j);
            if ((d >= 'A' && d <= 'Z') || (d >= 0xc0 && d <= 0xde))
                return 1;
        }
        i = j - 1; /* (a space or the next character) */
    }
    return 0;
}

/* len(SENTENCE_BREAK.findall(text)), SENTENCE_BREAK "[a-zà-ÿ]{3,}[.!?]\s+[A-ZÀ-Þ]" (no flags):
 * a run of three or more of those letters (a shorter tail of the run cannot end before a
 * [.!?], a letter), then the punctuation, spaces (re's \s: str.isspace) and one of those capitals
 * (no space), the next match looked for after it */
static Py_ssize_t sentence_breaks(int kind, const void *data, Py_ssize_t n) {
    Py_ssize_t count = 0, run = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if ((c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xff)) {
            run++;
            continue;
        }
        if (run >= 3 && (c == '.' || c == '!' || c == '?')) {
            Py_ssize_t j = i + 1;
            while (j < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)))
                j++;
            if (j > i + 1 && j < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, j);
                if ((d >= 'A' && d <= 'Z') || (d >= 0xc0 && d <= 0xde)) {
                    count++;
                    i = j; /* (the search goes on after the capital) */
                }
            }
        }
        run = 0;
    }
    return count;
}

/* whether CLOCK "\b[0-2]?\d:[0-5]\d\b" finds something: a ":" with a decimal before it (after
 * a [0-2] or not), [0-5] and a decimal after it, \b at both ends (re's \w: word_char; \d:
 * str.isdecimal) */
static int clock_in(int kind, const void *data, Py_ssize_t n) {
    for (Py_ssize_t c = 1; c + 2 < n; c++) {
        if (PyUnicode_READ(kind, data, c) != ':')
            continue;
        Py_UCS4 m = PyUnicode_READ(kind, data, c + 1);
        if (m < '0' || m > '5' || !Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, c - 1))
            || !Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, c + 2))
            || (c + 3 < n && word_char(PyUnicode_READ(kind, data, c + 3))))
            continue;
        if (c == 1 || !word_char(PyUnicode_READ(kind, data, c - 2)))
            return 1; /* (no [0-2]) */
        Py_UCS4 h = PyUnicode_READ(kind, data, c - 2);
        if (h >= '0' && h <= '2' && (c == 2 || !word_char(PyUnicode_READ(kind, data, c - 3))))
            return 1;
    }
    return 0;
}

/* False only where TRAILING_COUNT "\s+\d+\s+(?:comments?|replies|shares)$" (IGNORECASE) cannot
 * match: text (less a final "\n", where $ also matches) ends with one of the words, each ASCII
 * character of it in either case, any other character taken as a maybe, after a \s or a
 * character not ASCII */
static int may_trailing_count(int kind, const void *data, Py_ssize_t n) {
    static const char *const words[] = {"comments", "comment", "replies", "shares", NULL};
    if (n > 0 && PyUnicode_READ(kind, data, n - 1) == '\n')
        n--;
    for (const char *const *w = words; *w; w++) {
        Py_ssize_t size = (Py_ssize_t)strlen(*w), at = n - size, k;
        if (at < 1)
            continue;
        for (k = 0; k < size; k++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, at + k);
            if (c < 128 && (c | (c >= 'A' && c <= 'Z' ? 0x20 : 0)) != (Py_UCS4)(*w)[k])
                break;
        }
        if (k < size)
            continue;
        Py_UCS4 c = PyUnicode_READ(kind, data, at - 1);
        if (c >= 128 || Py_UNICODE_ISSPACE(c))
            return 1;
    }
    return 0;
}

/* what the three above say, for the tests: CLOCK finds something (1), TRAILING_COUNT may match
 * (2), and len(SENTENCE_BREAK.findall(text)) << 2 */
static PyObject *pattern_facts(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "pattern_facts: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    return PyLong_FromSsize_t(clock_in(kind, data, n) | may_trailing_count(kind, data, n) << 1
                              | sentence_breaks(kind, data, n) << 2);
}

static inline int nav_char(Py_UCS4 c) {
    return c == 0x203a || c == 0x2039 || c == 0xbb || c == 0xab || c == 0x2192 || c == 0x2190
        || c == 0x25b8 || c == 0x25be;
}

static int nav_glyph(int kind, const void *data, Py_ssize_t n) {
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (s[i] == 0xbb || s[i] == 0xab)
                return 1;
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (nav_char(PyUnicode_READ(kind, data, i)))
            return 1;
    return 0;
}

static int nav_glyphs(int kind, const void *data, Py_ssize_t n) {
    if (nav_glyph(kind, data, n))
        return 1;
    Py_ssize_t end = n > 0 && PyUnicode_READ(kind, data, n - 1) == '\n' ? n - 1 : n; /* ("$") */
    if (end == 0)
        return 0;
    Py_UCS4 last = PyUnicode_READ(kind, data, end - 1);
    if (last == 0x2026 || (last == '.' && end >= 3 && starts_with(kind, data, n, end - 3, "...")))
        return 1;
    if (last != ']')
        return 0;
    Py_ssize_t j = end - 1; /* before "]": spaces, an ellipsis, spaces, "[" */
    while (j > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1)))
        j--;
    if (j > 0 && PyUnicode_READ(kind, data, j - 1) == 0x2026)
        j--;
    else if (j >= 3 && starts_with(kind, data, n, j - 3, "..."))
        j -= 3;
    else
        return 0;
    while (j > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1)))
        j--;
    return j > 0 && PyUnicode_READ(kind, data, j - 1) == '[';
}

/* which hints match in text, for the tests: 1 contact_hint, 2 link_hint, 4 break_hint,
 * 8 nav_glyph, 16 nav_glyphs */
static PyObject *hints(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "hints: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    return PyLong_FromLong(contact_hint(kind, data, n) | link_hint(kind, data, n) << 1
                           | break_hint(kind, data, n) << 2 | nav_glyph(kind, data, n) << 3
                           | nav_glyphs(kind, data, n) << 4);
}

#define CHECK(x)                                                                               \
    do {                                                                                       \
        int _v = (x);                                                                          \
        if (_v < 0)                                                                            \
            goto error;                                                                        \
        if (_v)                                                                                \
            goto no;                                                                           \
    } while (0)

/* feed.is_title of the str `text` (see title_verdict): 1 or 0, -1 on an error; where it is 1
 * and `kept` is not NULL, *kept is text.lower() (a new reference; NULL when it was not made) */
/* title_verdict's counts among its rules (ints), read once a call or a page */
typedef struct {
    Py_ssize_t time_max, count_max, two_max;
} TitleCounts;

static int title_counts(PyObject *const *rules, TitleCounts *t) {
    t->time_max = PyLong_AsSsize_t(rules[R_TIME_LINE_MAX]);
    t->count_max = PyLong_AsSsize_t(rules[R_COUNT_MAX]);
    t->two_max = PyLong_AsSsize_t(rules[R_TWO_SENTENCE]);
    return PyErr_Occurred() ? -1 : 0;
}

static int verdict_low(PyObject *const *rules, const TitleCounts *counts, PyObject *text,
                       Py_ssize_t lo, Py_ssize_t hi, PyObject **kept) {
    PyObject *low = NULL;
    Py_ssize_t time_max = counts->time_max, count_max = counts->count_max,
               two_max = counts->two_max;
    Py_ssize_t facts = facts_of(text), words = facts >> TITLE_FACT_BITS;
    if (!(lo <= words && words <= hi))
        return 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (facts & T_NOT)
        return 0;
    int ascii = (facts & T_ASCII) != 0, digit = (facts & T_DIGIT) != 0;
    int yes = may_not_title(rules, text);
    if (yes < 0)
        return -1;
    if (yes)
        CHECK(found(rules[R_NOT_START], text, 0));
    Py_ssize_t first = 0, end = n; /* text.strip() */
    while (first < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)))
        first++;
    while (end > first && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)))
        end--;
    if (end - first <= time_max) {
        int ago = end >= 3 && (PyUnicode_READ(kind, data, end - 3) | 0x20) == 'a'
            && (PyUnicode_READ(kind, data, end - 2) | 0x20) == 'g'
            && (PyUnicode_READ(kind, data, end - 1) | 0x20) == 'o';
        if ((digit || ago) && may_time_line(text, first, end))
            CHECK(found(rules[R_TIME_LINE], text, 1));
    }
    low = lowered(text);
    if (!low)
        return -1;
    PyObject *pairs = rules[R_CTA_PAIRS];
    Py_ssize_t table_size;
    const unsigned char *table = prefix_table(rules, &table_size);
    if (PyBytes_Check(pairs) && PyBytes_GET_SIZE(pairs) == PAIRS
        && PyDict_Check(rules[R_CTA_PREFIXES])) /* call_to_action_words, without its partial */
        CHECK(word_start_lit(PyBytes_AS_STRING(pairs), 1, table, table_size,
                             rules[R_CTA_PREFIXES], rules[R_CTA_START], rules[R_CTA_LITERALS],
                             low));
    else
        CHECK(found(rules[R_CTA], low, 1));
    Grams grams, *g = NULL; /* (low's, where more than two parts are searched in it) */
    if (!ascii) {
        grams_of(&grams, low);
        g = &grams;
        CHECK(any_in_grams(g, rules[R_CTA_MARK], low));
    }
    if (facts & T_END_DOT) {
        if (nav_glyphs(kind, data, n))
            goto no;
    } else if (!ascii && nav_glyph(kind, data, n))
        goto no;
    if (facts & (T_DOT | T_COLON) && link_hint(kind, data, n))
        CHECK(found(rules[R_LINK], text, 0));
    if (words <= count_max && facts & T_DECIMAL && !(facts & T_WIDE))
        CHECK(found(rules[R_COUNT_LINE], text, 0));
    if (facts & (T_DOT | T_BREAK)) {
        /* (len(SENTENCE_BREAK.findall(text)), on characters: none where break_hint finds none) */
        Py_ssize_t count = sentence_breaks(kind, data, n);
        if (count > 1 || (count == 1 && words > two_max))
            goto no;
    }
    yes = may_credit(rules, text, low, ascii, (facts & T_COLON) != 0, &g, &grams);
    if (yes < 0)
        goto error;
    if (yes) {
        PyObject *credit = PyObject_CallOneArg(rules[R_CREDIT], text);
        if (!credit)
            goto error;
        if (credit != Py_None) {
            PyObject *start = PyObject_CallMethodNoArgs(credit, name_start);
            Py_DECREF(credit);
            if (!start)
                goto error;
            Py_ssize_t at = PyLong_AsSsize_t(start);
            Py_DECREF(start);
            if (at == -1 && PyErr_Occurred())
                goto error;
            if (at > 0)
                goto no;
        } else
            Py_DECREF(credit);
    }
    int phone = digit;
    if (!phone && !ascii) {
        phone = has(text, s_phone);
        if (phone < 0)
            goto error;
    }
    if (phone && contact_hint(kind, data, n)) {
        yes = contact_gate(kind, data, n); /* (CONTACT.search, told on characters if it can) */
        if (yes == 1)
            goto no;
        if (yes == 2)
            CHECK(found(rules[R_CONTACT], text, 0));
    }
    if (digit && facts & T_COLON) {
        if (clock_in(kind, data, n)) { /* (CLOCK.search, on characters) */
            yes = found(rules[R_LEADING_TIME], text, 0);
            if (yes < 0)
                goto error;
            if (!yes && may_find_dates(text))
                CHECK(found(rules[R_FIND_DATES], text, 1));
        }
    }
    int title = (facts & (T_WIDE | T_LETTERS)) != 0;
    if (title && kept)
        *kept = low; /* (the caller's) */
    else
        Py_DECREF(low);
    return title;
no:
    Py_XDECREF(low);
    return 0;
error:
    Py_XDECREF(low);
    return -1;
}

static int verdict(PyObject *const *rules, PyObject *text, Py_ssize_t lo, Py_ssize_t hi) {
    TitleCounts counts;
    if (title_counts(rules, &counts) < 0)
        return -1;
    return verdict_low(rules, &counts, text, lo, hi, NULL);
}

static PyObject *title_verdict(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != R_SIZE
        || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "title_verdict(rules, text, min_words, max_words)");
        return NULL;
    }
    Py_ssize_t lo = PyLong_AsSsize_t(args[2]), hi = PyLong_AsSsize_t(args[3]);
    if (PyErr_Occurred())
        return NULL;
    int yes = verdict(&PyTuple_GET_ITEM(args[0], 0), args[1], lo, hi);
    return yes < 0 ? NULL : PyBool_FromLong(yes);
}

static PyObject *has_any(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "has_any(text, parts): a str and a tuple of str");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(args[1]); k++) {
        PyObject *part = PyTuple_GET_ITEM(args[1], k);
        if (!PyUnicode_Check(part)) {
            PyErr_SetString(PyExc_TypeError, "has_any: parts are str");
            return NULL;
        }
        int in = has(args[0], part);
        if (in)
            return in < 0 ? NULL : Py_NewRef(Py_True);
    }
    Py_RETURN_FALSE;
}

/* ---- find_feed's headline pass: every free line's verdict in one call ----
 *
 *   headlines(rules, texts, free, digits, words, min_words, max_words, stop, sentence_case,
 *             own, own_keys) -> (heads, titles): feed.headlines (feed._headlines, the
 *     reference): for each free line (texts, free, digits, words: find_feed's lines), its
 *     clean_title parts when it is a headline (heads: text -> that, for the free
 *     lines that are headlines), and whether it is one (titles). The tests on characters and counts run here
 *     (clean_title's too); clean_title's patterns and feed.split_date, feed.strip_label
 *     (past its cheap tests), feed.is_menu_line (in a script without spaces) and
 *     feed.same_story (past has_any, on a line of more than 64 words) are called from
 *     `rules` (feed.HEADLINE_RULES, in the order of the H_* below), and title_verdict's
 *     tests as title_verdict runs them, in the order feed._headlines runs each.
 */

enum {
    H_TITLE_RULES,     /* feed.TITLE_RULES (title_verdict's rules) */
    H_LABEL_WORDS,     /* feed.LABEL_FIRST_WORDS */
    H_LABEL_PAIRS,     /* feed.LABEL_FIRST_PAIRS */
    H_MENU_LINE,       /* feed.is_menu_line */
    H_WORDS,           /* feed.WORD.findall */
    H_SAME_STORY,      /* feed.same_story */
    H_BULLETS,         /* feed.LEADING_BULLETS */
    H_EXACT_REPEATS,   /* feed.EXACT_REPEATS */
    H_TEMPLATE_MIN,    /* feed.TEMPLATE_MIN_REPEATS */
    H_LABEL_MAX_CHARS, /* feed.GLUED_LABEL_MAX_CHARS */
    H_LABEL_HEAD,      /* feed.GLUED_LABEL_JUNK + 1 */
    H_LABEL_REACH,     /* feed.GLUED_LABEL_REACH */
    H_SECTION_MAX,     /* feed.SECTION_MAX_WORDS */
    H_MENU_MIN,        /* feed.MENU_MIN_WORDS */
    H_MENU_MIN_OTHER,  /* feed.MENU_MIN_WORDS_OTHER */
    H_SAME_MIN,        /* feed.SAME_STORY_MIN_WORDS */
    H_SAME_SHARE,      /* feed.SAME_STORY_SHARE (a float) */
    H_TRAILING_COUNT,  /* TRAILING_COUNT.sub */
    H_LEADING_BULLET,  /* LEADING_BULLET.sub */
    H_LEADING_TIME,    /* LEADING_TIME.match */
    H_SPLIT_DATE,      /* feed.split_date */
    H_TRAILING_AGO,    /* TRAILING_AGO.search */
    H_MIN_LEFT,        /* feed.FEED_MIN_LEFT */
    H_RELATED_LABELS,  /* revise.RELATED_LABELS */
    H_DATED_MIN,       /* feed.DATED_TITLE_MIN_WORDS (split_date's first test) */
    H_SIZE
};

static PyObject *s_empty, *s_space, *name_time, *name_title;

/* what headline() needs of the page and of the rules */
typedef struct {
    PyObject *const *rules, *const *title_rules;
    PyObject *texts;            /* a tuple of str */
    char *free, *digits;        /* per line */
    Py_ssize_t *words, n;       /* per line; how many lines */
    PyObject *stop, *sentence_case, *own, *own_keys;
    int sentence, has_own;
    Py_ssize_t lo, hi, exact, template_min, label_max, label_head, label_reach, section_max,
        menu_min, menu_min_other;
    Py_ssize_t same_min, min_left;
    TitleCounts title_counts; /* (title_verdict's, read once) */
    double same_share;
    const unsigned char *label_pairs;
    Py_ssize_t *first;   /* per line: the first line with its text */
    Py_ssize_t *repeats; /* per first line: the lines with its text (Counter(texts)) */
    PyObject **verdicts; /* per first line: its verdict once found (borrowed from heads) */
    int shapes_made;     /* make_shapes ran (the shapes are made when first needed) */
    struct Shape *shapes; /* the distinct shapes of the shaped lines, with their counts */
    Py_ssize_t shape_count;
    Py_ssize_t *shape_table, table_size; /* their hash table (by index in shapes; -1: empty) */
    unsigned char *chars; /* the shapes' characters, as their str hold them */
    Py_ssize_t chars_used, chars_size;
    Py_ssize_t *shape_at; /* per line: its shape (an index in shapes), -1 where not shaped */
    PyObject **own_words; /* the distinct words of own (borrowed), when own is a list of str */
    Py_ssize_t own_count; /* how many (-1: own_story calls feed.same_story) */
} Page;

static int compare_sizes(const void *a, const void *b) {
    Py_ssize_t x = *(const Py_ssize_t *)a, y = *(const Py_ssize_t *)b;
    return (x > y) - (x < y);
}

/* Counter(texts), by the first line with each text: p->first and p->repeats (by an open
 * hash table of the lines' str hashes) */
static int count_repeats(Page *p) {
    Py_ssize_t size = 8;
    while (size < 2 * p->n)
        size *= 2;
    Py_ssize_t *table = PyMem_Malloc(size * sizeof(Py_ssize_t));
    Py_hash_t *hashes = PyMem_Malloc((p->n + 1) * sizeof(Py_hash_t));
    int bad = -1;
    if (!table || !hashes) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < size; k++)
        table[k] = -1;
    for (Py_ssize_t i = 0; i < p->n; i++) {
        PyObject *text = PyTuple_GET_ITEM(p->texts, i);
        Py_hash_t hash = hashes[i] = PyObject_Hash(text);
        if (hash == -1)
            goto done;
        Py_ssize_t at = (Py_ssize_t)((size_t)hash & (size_t)(size - 1));
        p->first[i] = i;
        p->repeats[i] = 0;
        while (table[at] >= 0) {
            Py_ssize_t k = table[at];
            if (hashes[k] == hash) {
                int same = PyObject_RichCompareBool(PyTuple_GET_ITEM(p->texts, k), text, Py_EQ);
                if (same < 0)
                    goto done;
                if (same) {
                    p->first[i] = k;
                    break;
                }
            }
            at = (at + 1) & (size - 1);
        }
        if (table[at] < 0)
            table[at] = i;
        p->repeats[p->first[i]]++;
    }
    bad = 0;
done:
    PyMem_Free(table);
    PyMem_Free(hashes);
    return bad;
}

/* a shape (feed.shape of a line): its str's kind and characters, p->chars[at:at + size]
 * (bytes; a str is held in its narrowest kind: two shapes are the same str where these are
 * the same), and how many shaped lines have it */
typedef struct Shape {
    Py_ssize_t at, size, count;
    Py_hash_t hash;
    int kind;
} Shape;

/* room for `more` bytes in p->chars; -1 on an error */
static int chars_room(Page *p, Py_ssize_t more) {
    if (p->chars_used + more <= p->chars_size)
        return 0;
    Py_ssize_t size = p->chars_size ? p->chars_size : 256;
    while (size < p->chars_used + more) {
        if (size > PY_SSIZE_T_MAX / 2) {
            PyErr_NoMemory();
            return -1;
        }
        size *= 2;
    }
    unsigned char *chars = PyMem_Realloc(p->chars, size);
    if (!chars) {
        PyErr_NoMemory();
        return -1;
    }
    p->chars = chars;
    p->chars_size = size;
    return 0;
}

/* feed.shape(text) put at the end of p->chars (*at, *size bytes; shape_of's characters,
 * written here for an ASCII line: no str made): its kind, -1 on an error */
static int shape_put(Page *p, PyObject *text, Py_ssize_t *at, Py_ssize_t *size) {
    *at = p->chars_used;
    if (PyUnicode_IS_ASCII(text)) { /* (as shape_of: lower case, each run of digits a "0") */
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
        Py_ssize_t n = PyUnicode_GET_LENGTH(text), m = 0;
        if (chars_room(p, n) < 0)
            return -1;
        Py_UCS1 *out = p->chars + p->chars_used;
        int number = 0; /* inside a run of digits */
        Py_ssize_t i = 0;
#ifdef SCAN_SIMD
        /* (16 characters without a digit at once: lowered, written as they stand; m <= i, so
         * out[m:m + 16] is within the n bytes made room for) */
        const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9),
                      big = _mm_set1_epi8('A'), z25 = _mm_set1_epi8(25),
                      bit = _mm_set1_epi8(0x20);
        for (; i + 16 <= n;) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i d = _mm_sub_epi8(v, zero), u = _mm_sub_epi8(v, big);
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d))) {
                for (Py_ssize_t end = i + 16; i < end; i++) { /* (a digit among them) */
                    Py_UCS1 c = s[i];
                    if (!(c >= '0' && c <= '9')) {
                        out[m++] = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
                        number = 0;
                    } else if (!number) {
                        out[m++] = '0';
                        number = 1;
                    }
                }
                continue;
            }
            __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(u, z25), u);
            _mm_storeu_si128((__m128i *)(out + m), _mm_or_si128(v, _mm_and_si128(upper, bit)));
            m += 16;
            i += 16;
            number = 0;
        }
#endif
        for (; i < n; i++) {
            Py_UCS1 c = s[i];
            if (!(c >= '0' && c <= '9')) {
                out[m++] = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
                number = 0;
            } else if (!number) {
                out[m++] = '0';
                number = 1;
            }
        }
        *size = m;
        p->chars_used += m;
        return PyUnicode_1BYTE_KIND;
    }
    PyObject *shape = shape_of(text);
    if (!shape)
        return -1;
    int kind = PyUnicode_KIND(shape);
    *size = PyUnicode_GET_LENGTH(shape) * kind;
    if (chars_room(p, *size) < 0) {
        Py_DECREF(shape);
        return -1;
    }
    memcpy(p->chars + p->chars_used, PyUnicode_DATA(shape), *size);
    p->chars_used += *size;
    Py_DECREF(shape);
    return kind;
}

/* the slot of p->shape_table where the shape p->chars[at:at + size] (kind, hash) is, or the
 * empty one where it would go */
static Py_ssize_t shape_slot(const Page *p, Py_ssize_t at, Py_ssize_t size, int kind,
                             Py_hash_t hash) {
    Py_ssize_t slot = (Py_ssize_t)((size_t)hash & (size_t)(p->table_size - 1));
    for (;; slot = (slot + 1) & (p->table_size - 1)) {
        Py_ssize_t k = p->shape_table[slot];
        if (k < 0)
            return slot;
        const Shape *e = &p->shapes[k];
        if (e->hash == hash && e->kind == kind && e->size == size
            && memcmp(p->chars + e->at, p->chars + at, size) == 0)
            return slot;
    }
}

/* Counter(map(shape, compress(texts, shaped()))): the shapes of the lines with a digit and as
 * many words as a free line with a digit has (p->shapes, each once with its count, and each
 * shaped line's in p->shape_at) */
static int make_shapes(Page *p) {
    Py_ssize_t m = 0;
    p->shapes_made = 1;
    Py_ssize_t *sizes = PyMem_Malloc((p->n + 1) * sizeof(Py_ssize_t));
    if (!sizes) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < p->n; i++)
        if (p->digits[i] && p->free[i])
            sizes[m++] = p->words[i];
    qsort(sizes, m, sizeof(Py_ssize_t), compare_sizes);
    int bad = -1;
    p->table_size = 8;
    while (p->table_size < 2 * p->n)
        p->table_size *= 2;
    p->shape_table = PyMem_Malloc(p->table_size * sizeof(Py_ssize_t));
    p->shapes = PyMem_Malloc((p->n + 1) * sizeof(Shape));
    p->shape_at = PyMem_Malloc((p->n + 1) * sizeof(Py_ssize_t));
    if (!p->shape_table || !p->shapes || !p->shape_at) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < p->table_size; k++)
        p->shape_table[k] = -1;
    for (Py_ssize_t i = 0; i < p->n; i++) {
        p->shape_at[i] = -1;
        if (!p->digits[i] || !bsearch(&p->words[i], sizes, m, sizeof(Py_ssize_t), compare_sizes))
            continue;
        Py_ssize_t at, size;
        int kind = shape_put(p, PyTuple_GET_ITEM(p->texts, i), &at, &size);
        if (kind < 0)
            goto done;
        Py_hash_t hash = _Py_HashBytes(p->chars + at, size);
        Py_ssize_t slot = shape_slot(p, at, size, kind, hash);
        Py_ssize_t k = p->shape_table[slot];
        if (k >= 0)
            p->chars_used = at; /* (seen: its characters are there already) */
        else {
            k = p->shape_table[slot] = p->shape_count++;
            p->shapes[k] = (Shape){at, size, 0, hash, kind};
        }
        p->shapes[k].count++;
        p->shape_at[i] = k; /* (kept: headline asks for the free lines' shapes again) */
    }
    bad = 0;
done:
    PyMem_Free(sizes);
    return bad;
}

/* how many shaped lines have line i's shape (its count in make_shapes' Counter); -1 on an
 * error */
static Py_ssize_t shape_count(Page *p, Py_ssize_t i) {
    if (p->shape_at[i] >= 0)
        return p->shapes[p->shape_at[i]].count;
    Py_ssize_t at, size; /* (a line make_shapes did not shape: looked up, not counted) */
    int kind = shape_put(p, PyTuple_GET_ITEM(p->texts, i), &at, &size);
    if (kind < 0)
        return -1;
    Py_ssize_t k = p->shape_table[shape_slot(p, at, size, kind, _Py_HashBytes(p->chars + at, size))];
    p->chars_used = at;
    return k >= 0 ? p->shapes[k].count : 0;
}

/* what revise.LABEL_TRIM ([\s:：.…»›>→|–—-]+$) takes off a label's end */
static inline int label_trim(Py_UCS4 c) {
    return Py_UNICODE_ISSPACE(c) || c == ':' || c == 0xff1a || c == '.' || c == 0x2026
        || c == 0xbb || c == 0x203a || c == '>' || c == 0x2192 || c == '|' || c == 0x2013
        || c == 0x2014 || c == '-';
}

/* " ".join(the words [a, b) of text, at starts/ends) (a new reference) */
static PyObject *join_words(PyObject *text, const Py_ssize_t *starts, const Py_ssize_t *ends,
                            Py_ssize_t a, Py_ssize_t b) {
    if (b - a == 1)
        return PyUnicode_Substring(text, starts[a], ends[a]);
    PyObject *parts = PyList_New(b - a), *joined = NULL;
    if (!parts)
        return NULL;
    for (Py_ssize_t k = a; k < b; k++) {
        PyObject *word = PyUnicode_Substring(text, starts[k], ends[k]);
        if (!word)
            goto done;
        PyList_SET_ITEM(parts, k - a, word);
    }
    joined = PyUnicode_Join(s_space, parts);
done:
    Py_DECREF(parts);
    return joined;
}

/* feed.is_list_label(the words [a, b) of text): 1 or 0, -1 on an error */
static int list_label(PyObject *labels, PyObject *text, const Py_ssize_t *starts,
                      const Py_ssize_t *ends, Py_ssize_t a, Py_ssize_t b) {
    PyObject *joined = join_words(text, starts, ends, a, b);
    if (!joined)
        return -1;
    PyObject *label = lowered(joined);
    Py_DECREF(joined);
    if (!label)
        return -1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(label), end = n;
    int kind = PyUnicode_KIND(label);
    const void *data = PyUnicode_DATA(label);
    while (end > 0 && label_trim(PyUnicode_READ(kind, data, end - 1)))
        end--;
    PyObject *trimmed = end == n ? Py_NewRef(label) : PyUnicode_Substring(label, 0, end);
    int in = trimmed ? PySequence_Contains(labels, trimmed) : -1;
    Py_XDECREF(trimmed);
    if (in > 0 && b - a < 2 && end == n) { /* one word, nothing trimmed: a wide one only */
        in = 0;
        for (Py_ssize_t i = 0; i < n && !in; i++)
            in = feed_wide(PyUnicode_READ(kind, data, i));
    }
    Py_DECREF(label);
    return in;
}

/* whether " ".join(the words [a, b) of text) has min_left words (feed.word_count): that text
 * (a new reference) when it has, None when not, NULL on an error */
static PyObject *rest_of(PyObject *text, const Py_ssize_t *starts, const Py_ssize_t *ends,
                         Py_ssize_t a, Py_ssize_t b, Py_ssize_t min_left) {
    PyObject *rest = join_words(text, starts, ends, a, b);
    if (!rest)
        return NULL;
    Py_ssize_t words, wide;
    int digit;
    scan(rest, &words, &wide, &digit);
    if (words + wide / 2 >= min_left)
        return rest;
    Py_DECREF(rest);
    Py_RETURN_NONE;
}

/* feed.strip_label of the str text (a new reference): rules are feed.HEADLINE_RULES */
/* strip_label_in with its counts (read from rules) given */
static PyObject *strip_label_at(PyObject *const *rules, Py_ssize_t max, Py_ssize_t head,
                                Py_ssize_t reach, Py_ssize_t min_left, PyObject *text) {
    if (head < 0 || reach < 0 || reach > EDGE_MAX) {
        PyErr_SetString(PyExc_ValueError, "strip_label: 0 <= label head, 0 <= reach <= 64");
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(text) > max)
        return Py_NewRef(text); /* a paragraph */
    PyObject *firsts = rules[H_LABEL_WORDS], *labels = rules[H_RELATED_LABELS];
    const unsigned char *pairs = (const unsigned char *)PyBytes_AS_STRING(rules[H_LABEL_PAIRS]);
    PyObject *edge = edge_words_in(text, firsts, head, reach, pairs);
    if (!edge)
        return NULL;
    Py_DECREF(edge);
    if (edge == Py_False)
        return Py_NewRef(text); /* no word that may start a label where the loops look */
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), n = 0, i = 0;
    Py_ssize_t *starts = PyMem_Malloc((len / 2 + 2) * 2 * sizeof(Py_ssize_t));
    if (!starts)
        return PyErr_NoMemory();
    Py_ssize_t *ends = starts + len / 2 + 2;
    PyObject *result = NULL;
    /* (UCS1: str.isspace by ucs1_class, one load a character, no kind switch) */
    const Py_UCS1 *s1 = kind == PyUnicode_1BYTE_KIND ? (const Py_UCS1 *)data : NULL;
    while (i < len) { /* text.split() */
        if (s1)
            while (i < len && !ucs1_class[s1[i]])
                i++;
        else
            while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i++;
        if (i == len)
            break;
        starts[n] = i;
        if (s1)
            while (i < len && ucs1_class[s1[i]])
                i++;
        else
            while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i++;
        ends[n++] = i;
    }
    for (Py_ssize_t start = 0; start < (head < n ? head : n); start++) {
        int in = word_in(text, starts[start], ends[start], firsts);
        if (in <= 0) {
            if (in < 0)
                goto done;
            continue;
        }
        Py_ssize_t last = start + reach < n - 1 ? start + reach : n - 1;
        for (Py_ssize_t end = last; end > start; end--) {
            if (Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, starts[end])))
                continue; /* the headline starts after the label, with a capital */
            in = list_label(labels, text, starts, ends, start, end);
            if (in < 0)
                goto done;
            if (!in)
                continue;
            result = rest_of(text, starts, ends, end, n, min_left);
            if (result != Py_None)
                goto done; /* (or NULL: an error) */
            Py_CLEAR(result);
        }
    }
    for (Py_ssize_t start = n - reach > 1 ? n - reach : 1; start < n; start++) {
        if (!Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, starts[start])))
            continue; /* (a capital in mid-headline: the next line's label) */
        int in = word_in(text, starts[start], ends[start], firsts);
        if (in > 0)
            in = list_label(labels, text, starts, ends, start, n);
        if (in < 0)
            goto done;
        if (!in)
            continue;
        result = rest_of(text, starts, ends, 0, start, min_left);
        if (result != Py_None)
            goto done;
        Py_CLEAR(result);
    }
    result = Py_NewRef(text);
done:
    PyMem_Free(starts);
    return result;
}

/* feed.strip_label (a new reference) */
static PyObject *strip_label_in(PyObject *const *rules, PyObject *text) {
    Py_ssize_t max = PyLong_AsSsize_t(rules[H_LABEL_MAX_CHARS]);
    Py_ssize_t head = PyLong_AsSsize_t(rules[H_LABEL_HEAD]);
    Py_ssize_t reach = PyLong_AsSsize_t(rules[H_LABEL_REACH]);
    Py_ssize_t min_left = PyLong_AsSsize_t(rules[H_MIN_LEFT]);
    if (PyErr_Occurred())
        return NULL;
    return strip_label_at(rules, max, head, reach, min_left, text);
}

/* (the page's counts, read once) */
static PyObject *strip_label(Page *p, PyObject *text) {
    return strip_label_at(p->rules, p->label_max, p->label_head, p->label_reach, p->min_left,
                          text);
}

/* strip_label(rules, text): feed.strip_label, for the tests */
static PyObject *strip_label_call(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != H_SIZE
        || !PyAnySet_Check(PyTuple_GET_ITEM(args[0], H_LABEL_WORDS))
        || !PyBytes_Check(PyTuple_GET_ITEM(args[0], H_LABEL_PAIRS))
        || PyBytes_GET_SIZE(PyTuple_GET_ITEM(args[0], H_LABEL_PAIRS)) != PAIRS
        || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "strip_label(rules, text)");
        return NULL;
    }
    return strip_label_in(&PyTuple_GET_ITEM(args[0], 0), args[1]);
}

/* re's [^\W\d_]: what feed.WORDS_ONLY's words start with */
static inline int word_start(Py_UCS4 c) { return c != '_' && word_char(c) && !decimal(c); }

/* the next of feed.WORDS_ONLY's words ([^\W\d_][\w'’-]*) in text[*at:] as [*start, *end)
 * (its findall's next); 0 when none is left */
static int next_word(int kind, const void *data, Py_ssize_t n, Py_ssize_t *at,
                     Py_ssize_t *start, Py_ssize_t *end) {
    Py_ssize_t i = *at;
    while (i < n && !word_start(PyUnicode_READ(kind, data, i)))
        i++;
    if (i >= n)
        return 0;
    *start = i++;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!(c == '\'' || c == 0x2019 || c == '-' || word_char(c)))
            break;
        i++;
    }
    *at = *end = i;
    return 1;
}

/* whether the word text[start:end] in lower case is in the set `stop`: 1 or 0, -1 on an
 * error */
static int stop_word(PyObject *text, Py_ssize_t start, Py_ssize_t end, PyObject *stop) {
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (!word)
        return -1;
    PyObject *low = lowered(word);
    Py_DECREF(word);
    if (!low)
        return -1;
    int in = PySequence_Contains(stop, low);
    Py_DECREF(low);
    return in;
}

/* feed.is_menu_line: 1 or 0, -1 on an error (in a script without spaces, feed.is_menu_line's
 * answer) */
static int menu_line(Page *p, PyObject *text) {
    long flags = menu_flags(text);
    if (flags & M_WIDE) {
        PyObject *got = PyObject_CallFunctionObjArgs(p->rules[H_MENU_LINE], text, p->stop,
                                                     p->sentence_case, NULL);
        if (!got)
            return -1;
        int yes = PyObject_IsTrue(got);
        Py_DECREF(got);
        return yes;
    }
    if (flags & (M_PUNCT | M_LOWER) || (flags & M_COMMA && !(flags & M_AMP)))
        return 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), at = 0, start, end, count = 0;
    int capitals = 1; /* every word starts with a capital (str.isupper of one character) */
    while (next_word(kind, data, n, &at, &start, &end)) {
        count++;
        if (!Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, start)))
            capitals = 0;
    }
    if (!(flags & M_AMP && count <= p->section_max)) { /* not a section's name */
        if (flags & M_COMMA || count < (p->sentence ? p->menu_min : p->menu_min_other))
            return 0;
    }
    if (!capitals)
        return 0;
    at = 0;
    while (next_word(kind, data, n, &at, &start, &end)) {
        int in = stop_word(text, start, end, p->stop);
        if (in)
            return in < 0 ? -1 : 0;
    }
    return 1;
}

/* whether text[start:end] is the str `word` */
static int slice_is(int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
                    PyObject *word) {
    if (PyUnicode_GET_LENGTH(word) != end - start)
        return 0;
    int wkind = PyUnicode_KIND(word);
    const void *wdata = PyUnicode_DATA(word);
    for (Py_ssize_t i = start; i < end; i++)
        if (PyUnicode_READ(kind, data, i) != PyUnicode_READ(wkind, wdata, i - start))
            return 0;
    return 1;
}

#define OWN_WORDS_MAX 64 /* words of a line or of own that own_story compares here at most */

/* same_story(WORD.findall(low), own) on the words of own (p->own_words) here, where low has
 * OWN_WORDS_MAX words (re's \w+) or fewer: 1 or 0; -2 where it has more */
static int same_own_story(Page *p, PyObject *low) {
    int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), starts[OWN_WORDS_MAX], ends[OWN_WORDS_MAX];
    Py_ssize_t count = 0, i = 0; /* the distinct words of low */
    while (i < n) {
        while (i < n && !word_char(PyUnicode_READ(kind, data, i)))
            i++;
        if (i == n)
            break;
        Py_ssize_t start = i;
        while (i < n && word_char(PyUnicode_READ(kind, data, i)))
            i++;
        int seen = 0;
        for (Py_ssize_t k = 0; k < count && !seen; k++) {
            Py_ssize_t size = ends[k] - starts[k];
            seen = size == i - start;
            for (Py_ssize_t c = 0; seen && c < size; c++)
                seen = PyUnicode_READ(kind, data, starts[k] + c)
                    == PyUnicode_READ(kind, data, start + c);
        }
        if (seen)
            continue;
        if (count == OWN_WORDS_MAX)
            return -2;
        starts[count] = start;
        ends[count++] = i;
    }
    if (count == 0 || p->own_count == 0)
        return 0; /* (no words) */
    Py_ssize_t shared = 0;
    for (Py_ssize_t w = 0; w < p->own_count; w++)
        for (Py_ssize_t k = 0; k < count; k++)
            if (slice_is(kind, data, starts[k], ends[k], p->own_words[w])) {
                shared++;
                break;
            }
    Py_ssize_t shorter = count < p->own_count ? count : p->own_count;
    if (shorter < p->same_min)
        return count == p->own_count && shared == count; /* the same words */
    return (double)shared >= p->same_share * (double)shorter;
}

/* whether the line (text lower-cased) names the page's own story: has_any(low, own_keys) and
 * same_story(WORD.findall(low), own); 1 or 0, -1 on an error (`given`: text.lower(), when the
 * caller has it, or NULL) */
static int own_story(Page *p, PyObject *text, PyObject *given) {
    PyObject *low = given ? Py_NewRef(given) : lowered(text);
    if (!low)
        return -1;
    int yes = 0;
    Grams grams; /* (the keys are searched in one line: its grams first) */
    Grams *g = PyTuple_GET_SIZE(p->own_keys) > 1 ? &grams : NULL;
    if (g)
        grams_of(g, low);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(p->own_keys) && !yes; k++) {
        PyObject *part = PyTuple_GET_ITEM(p->own_keys, k);
        if (!PyUnicode_Check(part)) {
            PyErr_SetString(PyExc_TypeError, "headlines: own_keys are str");
            yes = -1;
        } else
            yes = has_grams(g, low, part);
    }
    int same = yes > 0 && p->own_count >= 0 ? same_own_story(p, low) : -2;
    if (yes > 0 && same != -2)
        yes = same;
    else if (yes > 0) { /* (too many words to compare here) */
        PyObject *words = PyObject_CallOneArg(p->rules[H_WORDS], low);
        PyObject *same = words ? PyObject_CallFunctionObjArgs(p->rules[H_SAME_STORY], words,
                                                              p->own, NULL)
                               : NULL;
        Py_XDECREF(words);
        yes = same ? PyObject_IsTrue(same) : -1;
        Py_XDECREF(same);
    }
    Py_DECREF(low);
    return yes;
}


/* feed.tail(text, 1) in "sStTſ" (text has a digit: never empty once a final newline is off) */
static int count_tail(PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n > 0 && PyUnicode_READ_CHAR(text, n - 1) == '\n')
        n--;
    if (n == 0)
        return 1; /* ("" in "sStTſ") */
    Py_UCS4 c = PyUnicode_READ_CHAR(text, n - 1);
    return c == 's' || c == 'S' || c == 't' || c == 'T' || c == 0x17f;
}

/* feed.tail(text, 3).lower() == "ago" */
static int ago_tail(PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n > 0 && PyUnicode_READ_CHAR(text, n - 1) == '\n')
        n--;
    return n >= 3 && (PyUnicode_READ_CHAR(text, n - 3) | 0x20) == 'a'
        && (PyUnicode_READ_CHAR(text, n - 2) | 0x20) == 'g'
        && (PyUnicode_READ_CHAR(text, n - 1) | 0x20) == 'o';
}

/* text[:1] in feed.LEADING_BULLETS ("" is in it) */
static int bulleted(Page *p, PyObject *text) {
    PyObject *bullets = p->rules[H_BULLETS];
    return PyUnicode_GET_LENGTH(text) == 0
        || PyUnicode_FindChar(bullets, PyUnicode_READ_CHAR(text, 0), 0,
                              PyUnicode_GET_LENGTH(bullets), 1) >= 0;
}

/* (match[first], second) of a match, second a new reference (stolen) */
static PyObject *group_and(PyObject *match, PyObject *first, PyObject *second) {
    PyObject *group = second ? PyObject_GetItem(match, first) : NULL;
    PyObject *parts = group ? PyTuple_Pack(2, group, second) : NULL;
    Py_XDECREF(group);
    Py_XDECREF(second);
    return parts;
}

/* feed.clean_title (a new reference): its tests on characters here, its patterns and
 * split_date called where it calls them */
static PyObject *clean_title(Page *p, PyObject *text) {
    int kind = PyUnicode_KIND(text), digit = 0;
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text) && !digit; i++)
        digit = decimal(PyUnicode_READ(kind, data, i));
    PyObject *parts = NULL, *got;
    if (!digit && !bulleted(p, text)) {
        PyObject *label = strip_label(p, text);
        parts = label ? PyTuple_Pack(2, Py_None, label) : NULL;
        Py_XDECREF(label);
        return parts;
    }
    Py_INCREF(text);
    if (digit && count_tail(text)
        && may_trailing_count(kind, data, PyUnicode_GET_LENGTH(text))) {
        got = PyObject_CallFunctionObjArgs(p->rules[H_TRAILING_COUNT], s_empty, text, NULL);
        Py_SETREF(text, got);
        if (!text)
            return NULL;
    }
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "headlines: clean_title's patterns give a str");
        goto done;
    }
    if (bulleted(p, text)) {
        got = PyObject_CallFunctionObjArgs(p->rules[H_LEADING_BULLET], s_empty, text, NULL);
        Py_SETREF(text, got);
        if (!text)
            return NULL;
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "headlines: clean_title's patterns give a str");
            goto done;
        }
    }
    Py_SETREF(text, strip_label(p, text));
    if (!text)
        return NULL;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "headlines: strip_label gives a str");
        goto done;
    }
    if (PyUnicode_GET_LENGTH(text) > 0 && Py_UNICODE_ISDECIMAL(PyUnicode_READ_CHAR(text, 0))) {
        PyObject *m = PyObject_CallOneArg(p->rules[H_LEADING_TIME], text);
        if (!m)
            goto done;
        if (m != Py_None) {
            parts = group_and(m, name_time, PyObject_GetItem(m, name_title));
            Py_DECREF(m);
            goto done;
        }
        Py_DECREF(m);
    }
    if (digit && may_split_date(text)) {
        /* split_date(text) is (None, text) with fewer than DATED_TITLE_MIN_WORDS words (its
         * first test, here on characters) or where find_dates(text) finds none (most lines:
         * "... in 2020"); else split_date(text, dates), its cheap tests being no more than
         * gates of find_dates (tests/unit/test_feed_dates_gate.py: the same answer) */
        Py_ssize_t words, wide, least = PyLong_AsSsize_t(p->rules[H_DATED_MIN]);
        int any_digit;
        if (least == -1 && PyErr_Occurred())
            goto done;
        scan(text, &words, &wide, &any_digit);
        PyObject *dates = NULL;
        if (words + wide / 2 >= least) {
            dates = PyObject_CallOneArg(p->title_rules[R_FIND_DATES], text);
            if (!dates)
                goto done;
            int some = PyObject_IsTrue(dates);
            if (some <= 0) {
                Py_CLEAR(dates);
                if (some < 0)
                    goto done;
            }
        }
        if (!dates)
            goto after_date; /* (None, text) */
        PyObject *dated = PyObject_CallFunctionObjArgs(p->rules[H_SPLIT_DATE], text, dates, NULL);
        Py_DECREF(dates);
        if (!dated)
            goto done;
        PyObject *two = PySequence_Tuple(dated);
        Py_DECREF(dated);
        if (!two)
            goto done;
        if (PyTuple_GET_SIZE(two) != 2) {
            Py_DECREF(two);
            PyErr_SetString(PyExc_ValueError, "headlines: split_date gives two parts");
            goto done;
        }
        if (PyTuple_GET_ITEM(two, 0) != Py_None) {
            parts = two;
            goto done;
        }
        Py_DECREF(two);
    }
after_date:
    if (digit && ago_tail(text)) {
        PyObject *m = PyObject_CallOneArg(p->rules[H_TRAILING_AGO], text);
        if (!m)
            goto done;
        if (m != Py_None) {
            PyObject *start = PyObject_CallMethodNoArgs(m, name_start);
            Py_ssize_t at = start ? PyLong_AsSsize_t(start) : -1;
            Py_XDECREF(start);
            if (at == -1 && PyErr_Occurred()) {
                Py_DECREF(m);
                goto done;
            }
            parts = group_and(m, name_time, PyUnicode_Substring(text, 0, at));
            Py_DECREF(m);
            goto done;
        }
        Py_DECREF(m);
    }
    parts = PyTuple_Pack(2, Py_None, text);
done:
    Py_DECREF(text);
    return parts;
}

/* find_feed's headline(t, i): the line's clean_title parts when it is a headline, else None
 * (a new reference; NULL on an error) */
static PyObject *headline(Page *p, Py_ssize_t i) {
    PyObject *text = PyTuple_GET_ITEM(p->texts, i);
    if (p->words[i] < p->lo)
        Py_RETURN_NONE; /* (clean_title only takes words off: too short already) */
    Py_ssize_t count = p->repeats[p->first[i]];
    if (count >= p->exact)
        Py_RETURN_NONE; /* is_template's first test */
    if (p->digits[i]) {
        if (!p->shapes_made && make_shapes(p) < 0)
            return NULL;
        /* (a free line with a digit: make_shapes shaped it, its words being one of the sizes) */
        count = shape_count(p, i);
        if (count < 0)
            return NULL;
        if (count >= p->template_min)
            Py_RETURN_NONE; /* is_template's second test */
    }
    PyObject *parts;
    if (p->digits[i] || bulleted(p, text))
        parts = clean_title(p, text);
    else {
        PyObject *label = strip_label(p, text);
        parts = label ? PyTuple_Pack(2, Py_None, label) : NULL;
        Py_XDECREF(label);
    }
    if (!parts)
        return NULL;
    PyObject *title = PyTuple_GET_ITEM(parts, 1);
    if (!PyUnicode_Check(title)) {
        Py_DECREF(parts);
        PyErr_SetString(PyExc_TypeError, "headlines: a title is a str");
        return NULL;
    }
    PyObject *low = NULL; /* (title.lower(), from verdict: own_story's when title is text) */
    int yes = verdict_low(p->title_rules, &p->title_counts, title, p->lo, p->hi,
                          p->has_own && title == text ? &low : NULL);
    if (yes > 0) {
        yes = menu_line(p, text);
        yes = yes < 0 ? -1 : !yes;
    }
    if (yes > 0 && p->has_own) {
        yes = own_story(p, text, low);
        yes = yes < 0 ? -1 : !yes;
    }
    Py_XDECREF(low);
    if (yes <= 0) {
        Py_DECREF(parts);
        if (yes < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    return parts;
}

/* item i of a PySequence_Fast sequence (borrowed; a list may be changed by an item's __bool__
 * or __index__: its size checked each time), NULL with an error set past its end */
static PyObject *fast_item(PyObject *seq, Py_ssize_t i) {
    if (i < PySequence_Fast_GET_SIZE(seq))
        return PySequence_Fast_GET_ITEM(seq, i);
    PyErr_SetString(PyExc_ValueError, "headlines: texts, free, digits, words of one size");
    return NULL;
}

/* the truth of item i of a PySequence_Fast sequence (the item held meanwhile): 1 or 0, -1 on
 * an error */
static int fast_truth(PyObject *seq, Py_ssize_t i) {
    PyObject *item = fast_item(seq, i);
    if (!item)
        return -1;
    if (item == Py_True || item == Py_False)
        return item == Py_True;
    Py_INCREF(item);
    int truth = PyObject_IsTrue(item);
    Py_DECREF(item);
    return truth;
}

/* item i of a PySequence_Fast sequence as a Py_ssize_t (as fast_truth): -1 with an error set
 * on an error */
static Py_ssize_t fast_size(PyObject *seq, Py_ssize_t i) {
    PyObject *item = fast_item(seq, i);
    if (!item)
        return -1;
    if (PyLong_CheckExact(item))
        return PyLong_AsSsize_t(item);
    Py_INCREF(item);
    Py_ssize_t size = PyLong_AsSsize_t(item);
    Py_DECREF(item);
    return size;
}

/* a rule that is a count (an int) */
static Py_ssize_t rule_size(PyObject *const *rules, int at) {
    return PyLong_AsSsize_t(rules[at]);
}

static PyObject *headlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 11 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != H_SIZE
        || !PyTuple_Check(PyTuple_GET_ITEM(args[0], H_TITLE_RULES))
        || PyTuple_GET_SIZE(PyTuple_GET_ITEM(args[0], H_TITLE_RULES)) != R_SIZE
        || !PyAnySet_Check(PyTuple_GET_ITEM(args[0], H_LABEL_WORDS))
        || !PyBytes_Check(PyTuple_GET_ITEM(args[0], H_LABEL_PAIRS))
        || PyBytes_GET_SIZE(PyTuple_GET_ITEM(args[0], H_LABEL_PAIRS)) != PAIRS
        || !PyUnicode_Check(PyTuple_GET_ITEM(args[0], H_BULLETS)) || !PyAnySet_Check(args[7])
        || !PyTuple_Check(args[10])) {
        PyErr_SetString(PyExc_TypeError,
                        "headlines(rules, texts, free, digits, words, min_words, max_words, "
                        "stop, sentence_case, own, own_keys)");
        return NULL;
    }
    Page p = {0};
    p.rules = &PyTuple_GET_ITEM(args[0], 0);
    p.title_rules = &PyTuple_GET_ITEM(p.rules[H_TITLE_RULES], 0);
    p.label_pairs = (const unsigned char *)PyBytes_AS_STRING(p.rules[H_LABEL_PAIRS]);
    p.stop = args[7];
    p.sentence_case = args[8];
    p.own = args[9];
    p.own_keys = args[10];
    p.lo = PyLong_AsSsize_t(args[5]);
    p.hi = PyLong_AsSsize_t(args[6]);
    p.exact = rule_size(p.rules, H_EXACT_REPEATS);
    p.template_min = rule_size(p.rules, H_TEMPLATE_MIN);
    p.label_max = rule_size(p.rules, H_LABEL_MAX_CHARS);
    p.label_head = rule_size(p.rules, H_LABEL_HEAD);
    p.label_reach = rule_size(p.rules, H_LABEL_REACH);
    p.section_max = rule_size(p.rules, H_SECTION_MAX);
    p.menu_min = rule_size(p.rules, H_MENU_MIN);
    p.menu_min_other = rule_size(p.rules, H_MENU_MIN_OTHER);
    p.same_min = rule_size(p.rules, H_SAME_MIN);
    p.min_left = rule_size(p.rules, H_MIN_LEFT);
    title_counts(p.title_rules, &p.title_counts);
    p.same_share = PyFloat_AsDouble(p.rules[H_SAME_SHARE]);
    if (PyErr_Occurred())
        return NULL;
    if (p.label_head < 0 || p.label_reach < 0 || p.label_reach > EDGE_MAX) {
        PyErr_SetString(PyExc_ValueError, "headlines: 0 <= label head, 0 <= reach <= 64");
        return NULL;
    }
    if ((p.sentence = PyObject_IsTrue(p.sentence_case)) < 0
        || (p.has_own = PyObject_IsTrue(p.own)) < 0)
        return NULL;
    PyObject *heads = NULL, *titles = NULL, *result = NULL;
    PyObject *free = NULL, *digits = NULL, *words = NULL;
    /* (texts a tuple: its str are read across the calls back; free, digits, words read once
     * into p, from the list itself where it is one: no copy) */
    if (!(p.texts = PySequence_Tuple(args[1]))
        || !(free = PySequence_Fast(args[2], "headlines: free is a sequence"))
        || !(digits = PySequence_Fast(args[3], "headlines: digits is a sequence"))
        || !(words = PySequence_Fast(args[4], "headlines: words is a sequence")))
        goto done;
    p.n = PyTuple_GET_SIZE(p.texts);
    if (PySequence_Fast_GET_SIZE(free) != p.n || PySequence_Fast_GET_SIZE(digits) != p.n
        || PySequence_Fast_GET_SIZE(words) != p.n) {
        PyErr_SetString(PyExc_ValueError, "headlines: texts, free, digits, words of one size");
        goto done;
    }
    p.free = PyMem_Malloc(p.n + 1);
    p.digits = PyMem_Malloc(p.n + 1);
    p.words = PyMem_Malloc((p.n + 1) * sizeof(Py_ssize_t));
    p.first = PyMem_Malloc((p.n + 1) * sizeof(Py_ssize_t));
    p.repeats = PyMem_Malloc((p.n + 1) * sizeof(Py_ssize_t));
    p.verdicts = PyMem_Calloc(p.n + 1, sizeof(PyObject *));
    p.own_count = -1;
    if (PyList_CheckExact(p.own) && PyList_GET_SIZE(p.own) <= OWN_WORDS_MAX) {
        p.own_words = PyMem_Calloc(OWN_WORDS_MAX + 1, sizeof(PyObject *));
        if (!p.own_words) {
            PyErr_NoMemory();
            goto done;
        }
        p.own_count = 0; /* (the distinct words of own: set(own)) */
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(p.own) && p.own_count >= 0; k++) {
            PyObject *word = PyList_GET_ITEM(p.own, k);
            if (!PyUnicode_CheckExact(word)) {
                p.own_count = -1; /* (same_story called) */
                break;
            }
            int seen = 0;
            for (Py_ssize_t w = 0; w < p.own_count && !seen; w++)
                seen = PyUnicode_Compare(p.own_words[w], word) == 0;
            if (!seen)
                p.own_words[p.own_count++] = word;
        }
    }
    if (!p.free || !p.digits || !p.words || !p.first || !p.repeats || !p.verdicts) {
        PyErr_NoMemory();
        goto done;
    }
    int plain = 1; /* (no Python code has run yet: the three still hold p.n items each) */
    for (Py_ssize_t i = 0; i < p.n; i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(p.texts, i))) {
            PyErr_SetString(PyExc_TypeError, "headlines: texts are str");
            goto done;
        }
        if (plain) { /* (bools and exact ints, find_feed's lines: read here, no call) */
            PyObject *fi = PySequence_Fast_GET_ITEM(free, i);
            PyObject *di = PySequence_Fast_GET_ITEM(digits, i);
            PyObject *wi = PySequence_Fast_GET_ITEM(words, i);
            if ((fi == Py_True || fi == Py_False) && (di == Py_True || di == Py_False)
                && PyLong_CheckExact(wi)) {
                p.words[i] = PyLong_AsSsize_t(wi);
                if (p.words[i] == -1 && PyErr_Occurred())
                    goto done;
                p.free[i] = fi == Py_True;
                p.digits[i] = di == Py_True;
                continue;
            }
            plain = 0; /* (fast_truth from here: an item's __bool__ may change a list) */
        }
        int f = fast_truth(free, i), d = f < 0 ? -1 : fast_truth(digits, i);
        p.words[i] = d < 0 ? -1 : fast_size(words, i);
        if (f < 0 || d < 0 || (p.words[i] == -1 && PyErr_Occurred()))
            goto done;
        p.free[i] = (char)f;
        p.digits[i] = (char)d;
    }
    if (count_repeats(&p) < 0 || !(heads = PyDict_New()) || !(titles = PyList_New(p.n)))
        goto done;
    for (Py_ssize_t i = 0; i < p.n; i++)
        PyList_SET_ITEM(titles, i, Py_NewRef(Py_False));
    for (Py_ssize_t i = 0; i < p.n; i++) {
        if (!p.free[i])
            continue;
        PyObject *parts = p.verdicts[p.first[i]]; /* (borrowed from heads, or None) */
        if (!parts) {
            parts = p.words[i] < p.lo ? Py_NewRef(Py_None) : headline(&p, i);
            if (!parts)
                goto done;
            int bad = parts != Py_None
                && PyDict_SetItem(heads, PyTuple_GET_ITEM(p.texts, i), parts);
            Py_DECREF(parts); /* (held by heads; None by the interpreter) */
            if (bad)
                goto done;
            p.verdicts[p.first[i]] = parts;
        }
        if (parts != Py_None) {
            Py_SETREF(PyList_GET_ITEM(titles, i), Py_NewRef(Py_True));
        }
    }
    result = PyTuple_Pack(2, heads, titles);
done:
    Py_XDECREF(p.texts);
    Py_XDECREF(free);
    Py_XDECREF(digits);
    Py_XDECREF(words);
    PyMem_Free(p.shapes);
    PyMem_Free(p.shape_table);
    PyMem_Free(p.chars);
    PyMem_Free(p.shape_at);
    PyMem_Free(p.first);
    PyMem_Free(p.repeats);
    PyMem_Free(p.verdicts);
    PyMem_Free(p.own_words);
    PyMem_Free(p.free);
    PyMem_Free(p.digits);
    PyMem_Free(p.words);
    Py_XDECREF(heads);
    Py_XDECREF(titles);
    return result;
}

/* ---- find_feed's item loop: every headline shown as a story, in one call ----
 *
 *   items(rules, labelled, texts, free, digits, words, heads, titles, page_published,
 *         summary_max_words) -> [(first, last, FeedItem)]: feed._items (the reference):
 *     the lines next to a headline that print when (feed.is_when, each line asked once), the
 *     times that go below their headline (feed.times_below), then each headline with its
 *     time, summary, or place in a list or card (feed.is_meta, is_summary, is_dek, in_list,
 *     is_glue, is_card), its FeedItem with its story_key. `texts`, `free`, `digits`, `words` are
 *     find_feed's lines, `heads` and `titles` its headlines. The tests on characters and
 *     counts run here (and story_key's SHA-1); the patterns and helpers past them
 *     (dates.is_time_line, find_dates, feed.split_date, dates.resolve_time, the patterns)
 *     are called from `rules` (feed.ITEM_RULES, in the order of the I_* below), each where
 *     feed._items calls it, in the same order. Each FeedItem is made as its frozen
 *     dataclass __init__ makes it (__new__, then object.__setattr__ of each field) when
 *     feed.ITEM_FIELDS says that is what it does, else by calling FeedItem.
 *   story_key(title) -> str: feed.story_key (feed._story_key, the reference).
 */

enum {
    I_HEADLINE_RULES, /* feed.HEADLINE_RULES (strip_label's, and title_verdict's in it) */
    I_TIME_LINE,      /* dates.is_time_line */
    I_FIND_DATES,     /* dates.find_dates */
    I_SPLIT_DATE,     /* feed.split_date */
    I_BYLINE_PAIRS,   /* feed.BYLINE_PAIRS */
    I_BYLINE_START,   /* BYLINE_START.match */
    I_LINK,           /* LINK_SHAPE.search */
    I_COUNT_LINE,     /* COUNT_LINE.match */
    I_RELATIVE_START, /* RELATIVE_START.match */
    I_LABEL_PREFIXES, /* feed.LABEL_PREFIXES_BY_FIRST */
    I_RESOLVE_TIME,   /* dates.resolve_time */
    I_FEED_ITEM,      /* records.FeedItem */
    I_ITEM_FIELDS,    /* feed.ITEM_FIELDS: None, or the fields set as FeedItem's __init__ does */
    I_TERMINAL,       /* feed.TERMINAL (a tuple of str) */
    I_SUMMARY_MIN,    /* feed.SUMMARY_MIN_WORDS */
    I_UNPUNCTUATED,   /* feed.SUMMARY_UNPUNCTUATED_MIN_WORDS */
    I_META_MAX,       /* feed.META_MAX_CHARS */
    I_LIST_MIN,       /* feed.LIST_TITLE_MIN_WORDS */
    I_LIST_REACH,     /* feed.LIST_REACH */
    I_GLUE_MAX,       /* feed.GLUE_MAX_WORDS */
    I_CARD_MAX,       /* feed.CARD_LABEL_MAX_CHARS */
    I_ALTERNATING,    /* feed.ALTERNATING_MIN_BLOCKS */
    I_STRAY_MIN,      /* feed.STRAY_RUN_MIN_BLOCKS */
    I_WHEN_CHARS,     /* feed.WHEN_MAX_CHARS */
    I_WHEN_WORDS,     /* feed.WHEN_MAX_WORDS */
    I_KICKER_MAX,     /* feed.KICKER_MAX_WORDS */
    I_GLUE_DATE_MAX,  /* feed.GLUE_DATE_MAX_CHARS */
    I_DEK_EXTRA,      /* feed.DEK_MIN_EXTRA_WORDS */
    I_DEK_EXTRA_PUNCT, /* feed.DEK_MIN_EXTRA_WORDS_PUNCT */
    I_CASE_CHARS,     /* feed.TITLE_CASE_WORD_CHARS */
    I_CASE_WORDS,     /* feed.TITLE_CASE_MIN_WORDS */
    I_SIZE
};

static PyObject *name_lines, *name_summary, *name_published, *name_key;
static PyObject *item_names; /* FeedItem's keywords, as items passes them */
static PyObject *empty_args;  /* () */

/* what the item loop needs of the page and of the rules */
typedef struct {
    PyObject *const *rules, *const *hrules, *const *trules;
    PyObject *texts;                   /* a list or tuple of str (PySequence_Fast) */
    char *free, *digits, *titles;      /* per line, 0 or 1 */
    char *whens;                       /* per line: 0 not known yet, 1 no, 2 yes */
    char *timed, *below;               /* per line, 0 or 1 */
    Py_ssize_t *words, n;              /* per line (feed.word_count); how many lines */
    Py_ssize_t summary_min, unpunctuated, summary_max, meta_max, list_min, reach, glue_max,
        card_max, alternating, stray_min, time_max, when_chars, when_words, kicker_max,
        glue_date_max, dek_extra, dek_extra_punct, case_chars, case_words;
    Slots lbs, bs; /* LabelledBlock's block, Block's lines (block_line; of the first's types) */
    Py_ssize_t item_offsets[7]; /* set_fields' of FeedItem's fields (ITEM_FIELDS) */
} Loop;

#define TEXT(L, k) PySequence_Fast_GET_ITEM((L)->texts, (k))

/* text[-3:].lower() == "ago" (only "A", "G", "O" lower to these: test_feed_loop checks) */
static int ago_end(PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n < 3)
        return 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    return (PyUnicode_READ(kind, data, n - 3) | 0x20) == 'a'
        && (PyUnicode_READ(kind, data, n - 2) | 0x20) == 'g'
        && (PyUnicode_READ(kind, data, n - 1) | 0x20) == 'o';
}

/* text.endswith((".", "。")) */
static int ends_stop(PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0)
        return 0;
    Py_UCS4 c = PyUnicode_READ_CHAR(text, n - 1);
    return c == '.' || c == 0x3002;
}

/* text.endswith(suffixes) for a tuple of str: 1 or 0, -1 on an error */
static int ends_with(PyObject *text, PyObject *suffixes) {
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(suffixes); k++) {
        Py_ssize_t yes = PyUnicode_Tailmatch(text, PyTuple_GET_ITEM(suffixes, k), 0,
                                             PY_SSIZE_T_MAX, 1);
        if (yes)
            return yes < 0 ? -1 : 1;
    }
    return 0;
}

/* split_date(text)[0] is None, or split_date(text, dates)[0] (dates: find_dates(text)): 1 or
 * 0, -1 on an error */
static int undated(Loop *L, PyObject *text, PyObject *dates) {
    PyObject *args[2] = {text, dates};
    PyObject *got = PyObject_Vectorcall(L->rules[I_SPLIT_DATE], args, dates ? 2 : 1, NULL);
    if (!got)
        return -1;
    PyObject *when = PySequence_GetItem(got, 0);
    Py_DECREF(got);
    if (!when)
        return -1;
    Py_DECREF(when);
    return when == Py_None;
}

/* feed.is_when of a line with a digit, of `words` words (feed.word_count): 1 or 0, -1 on an
 * error */
static int when_digit(Loop *L, PyObject *text, Py_ssize_t words) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), first = 0, end = n; /* text.strip() */
    while (first < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)))
        first++;
    while (end > first && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)))
        end--;
    if (end - first <= L->time_max && may_time_line(text, first, end)) {
        int yes = found(L->rules[I_TIME_LINE], text, 1); /* (a longer line is none) */
        if (yes) /* not "市政府公布新规 2014年1月9日" */
            return yes < 0 ? -1 : !may_split_date(text) ? 1 : undated(L, text, NULL);
    }
    if (n > L->when_chars || words > L->when_words || !may_find_dates(text))
        return 0;
    PyObject *dates = PyObject_CallOneArg(L->rules[I_FIND_DATES], text);
    if (!dates)
        return -1;
    int yes = PyObject_IsTrue(dates);
    if (yes > 0) /* not a headline with its date ("27.11.2026 Stadtwerke …") */
        yes = undated(L, text, dates);
    Py_DECREF(dates);
    return yes;
}

/* when(k) of feed._items: block k is free and prints a time or a date (1 or 0, -1 on an
 * error), each line asked once */
static int loop_when(Loop *L, Py_ssize_t k) {
    if (k < 0 || k >= L->n || !L->free[k])
        return 0;
    if (L->whens[k])
        return L->whens[k] - 1;
    PyObject *text = TEXT(L, k);
    int yes;
    if (L->digits[k])
        yes = when_digit(L, text, L->words[k]);
    else /* (without a digit, is_when is is_time_line: "an hour ago") */
        yes = ago_end(text) ? found(L->rules[I_TIME_LINE], text, 1) : 0;
    if (yes < 0)
        return -1;
    L->whens[k] = (char)(yes + 1);
    return yes;
}

enum { SIDE_NONE, SIDE_ABOVE, SIDE_BELOW };

/* feed.stray_last of the run [a, b] */
static int stray_side(Loop *L, Py_ssize_t a, Py_ssize_t b) {
    if (!(L->titles[a] && L->titles[b]) || b - a + 1 < L->stray_min)
        return SIDE_NONE;
    Py_ssize_t least = -1; /* min(others), -1: none */
    for (Py_ssize_t k = a; k < b; k++)
        if (L->titles[k] && (least < 0 || L->words[k] < least))
            least = L->words[k];
    return least >= 0 && L->words[b] < least ? SIDE_BELOW : SIDE_NONE;
}

/* feed.times_below(titles, timed, texts) into L->below; -1 on an error */
static int loop_below(Loop *L) {
    Py_ssize_t *runs = PyMem_Malloc((L->n + 1) * 2 * sizeof(Py_ssize_t)), count = 0;
    char *sides = PyMem_Malloc(L->n + 1);
    if (!runs || !sides) {
        PyMem_Free(runs);
        PyMem_Free(sides);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t start = -2, last = -2;
    for (Py_ssize_t k = 0; k < L->n; k++) {
        if (!(L->titles[k] || L->timed[k]))
            continue;
        if (k == last + 1 && L->titles[k] != L->titles[last]) {
            last = k; /* (a run goes on while headline and time alternate, next to each other) */
            continue;
        }
        if (last - start + 1 >= L->alternating) {
            runs[2 * count] = start;
            runs[2 * count++ + 1] = last;
        }
        start = last = k;
    }
    if (last - start + 1 >= L->alternating) {
        runs[2 * count] = start;
        runs[2 * count++ + 1] = last;
    }
    int above = 0, below = 0;
    for (Py_ssize_t r = 0; r < count; r++) {
        Py_ssize_t a = runs[2 * r], b = runs[2 * r + 1];
        sides[r] = L->titles[a] && L->timed[b]   ? SIDE_BELOW
                 : L->timed[a] && L->titles[b] ? SIDE_ABOVE
                                               : SIDE_NONE;
        above |= sides[r] == SIDE_ABOVE;
        below |= sides[r] == SIDE_BELOW;
    }
    int decided = above + below == 1;
    int page_side = decided && below ? SIDE_BELOW : SIDE_ABOVE;
    for (Py_ssize_t r = 0; r < count; r++) {
        Py_ssize_t a = runs[2 * r], b = runs[2 * r + 1];
        int side = sides[r];
        if (side == SIDE_NONE && !decided && L->n > 0)
            side = stray_side(L, a, b);
        if ((side != SIDE_NONE ? side : page_side) != SIDE_BELOW)
            continue;
        for (Py_ssize_t t = a; t <= b; t++)
            if (L->timed[t])
                L->below[t] = 1;
    }
    PyMem_Free(runs);
    PyMem_Free(sides);
    return 0;
}

/* text[1:2] in BYLINE_PAIRS.get(text[:1], ()) and BYLINE_START.match(text): 1 or 0, -1 on an
 * error */
static int byline_start(Loop *L, PyObject *text) {
    PyObject *seconds = slice_get(L->rules[I_BYLINE_PAIRS], text, 0, 1);
    if (!seconds)
        return PyErr_Occurred() ? -1 : 0;
    int in = slice_in(text, 1, 2, seconds);
    return in > 0 ? found(L->rules[I_BYLINE_START], text, 0) : in;
}

/* ("." in text or ":" in text) and LINK_SHAPE_HINT.search(text) and LINK_SHAPE.search(text):
 * 1 or 0, -1 on an error (link_hint: LINK_SHAPE_HINT, which needs a dot or a colon) */
static int link_shape(Loop *L, PyObject *text) {
    if (!link_hint(PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)))
        return 0;
    return found(L->rules[I_LINK], text, 0);
}

/* text[:1].isdecimal() and COUNT_LINE.match(text): 1 or 0, -1 on an error */
static int count_line(Loop *L, PyObject *text) {
    if (!PyUnicode_GET_LENGTH(text) || !Py_UNICODE_ISDECIMAL(PyUnicode_READ_CHAR(text, 0)))
        return 0;
    return found(L->rules[I_COUNT_LINE], text, 0);
}

/* feed.is_meta: 1 or 0, -1 on an error */
static int loop_meta(Loop *L, PyObject *text) {
    if (PyUnicode_GET_LENGTH(text) >= L->meta_max)
        return 0;
    int yes = byline_start(L, text);
    if (!yes)
        yes = link_shape(L, text);
    if (!yes)
        yes = count_line(L, text);
    return yes;
}

/* str.isupper */
static int upper_text(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISLOWER(c) || Py_UNICODE_ISTITLE(c))
            return 0;
        cased |= Py_UNICODE_ISUPPER(c) != 0;
    }
    return cased;
}

/* feed.is_glue of the free line k, of more than GLUE_MAX_WORDS words (its first test): 1 or
 * 0, -1 on an error */
static int loop_glue(Loop *L, Py_ssize_t k) {
    PyObject *text = TEXT(L, k);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), first = 0, end = n; /* text.strip() */
    int yes = byline_start(L, text);
    if (yes)
        return yes;
    while (first < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)))
        first++;
    while (end > first && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)))
        end--;
    int ago = end - first >= 3 && (PyUnicode_READ(kind, data, end - 3) | 0x20) == 'a'
        && (PyUnicode_READ(kind, data, end - 2) | 0x20) == 'g'
        && (PyUnicode_READ(kind, data, end - 1) | 0x20) == 'o';
    if (end - first <= L->time_max && (L->digits[k] || ago)
        && may_time_line(text, first, end)) { /* (is_time_line's cheap tests) */
        yes = found(L->rules[I_TIME_LINE], text, 1);
        if (yes)
            return yes;
    }
    /* RELATIVE_START.match only where it can: its text starts with a decimal digit or with
     * "hace", "vor", "il y a", "há", "ha" in any case (İ and ı match i under IGNORECASE) */
    Py_UCS4 c0 = n ? PyUnicode_READ(kind, data, 0) : 0;
    yes = n && (Py_UNICODE_ISDECIMAL(c0) || c0 == 'h' || c0 == 'H' || c0 == 'v' || c0 == 'V'
                || c0 == 'i' || c0 == 'I' || c0 == 0x130 || c0 == 0x131)
        ? found(L->rules[I_RELATIVE_START], text, 0) /* "2 hours ago on iOS Blog" */
        : 0;
    if (!yes)
        yes = count_line(L, text);
    if (!yes)
        yes = link_shape(L, text); /* "1 digg example.org Science" */
    if (yes)
        return yes;
    if (L->words[k] <= L->kicker_max && upper_text(text))
        return 1; /* a kicker above a headline: "IT'S NOT EASY EATING GREEN" */
    if (n >= L->glue_date_max || !L->digits[k] || !may_find_dates(text))
        return 0;
    PyObject *dates = PyObject_CallOneArg(L->rules[I_FIND_DATES], text);
    if (!dates)
        return -1;
    yes = PyObject_IsTrue(dates);
    Py_DECREF(dates);
    return yes;
}

/* feed.is_title_case (head 0) or feed.is_sentence_case (head 1: its first word aside) */
static int word_case(Loop *L, PyObject *text, int head) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), at = 0, start, end, longer = 0, lower = 0;
    int all_upper = 1;
    for (Py_ssize_t w = 0; next_word(kind, data, n, &at, &start, &end); w++) {
        if (w < head || end - start < L->case_chars)
            continue;
        longer++;
        Py_UCS4 c = PyUnicode_READ(kind, data, start);
        lower += Py_UNICODE_ISLOWER(c) != 0;
        all_upper &= Py_UNICODE_ISUPPER(c) != 0;
    }
    if (longer < L->case_words)
        return 0;
    return head ? 2 * lower > longer : all_upper;
}

/* feed.is_dek(text, title), text the line k: 1 or 0, -1 on an error */
static int loop_dek(Loop *L, Py_ssize_t k, PyObject *title) {
    PyObject *text = TEXT(L, k);
    Py_ssize_t end = PyUnicode_GET_LENGTH(text); /* text.rstrip("\"'”’»") */
    while (end > 0) {
        Py_UCS4 c = PyUnicode_READ_CHAR(text, end - 1);
        if (c != '"' && c != '\'' && c != 0x201d && c != 0x2019 && c != 0xbb)
            break;
        end--;
    }
    Py_UCS4 last = end > 0 ? PyUnicode_READ_CHAR(text, end - 1) : 0;
    if ((last == '.' || last == '!' || last == '?' || last == 0x2026) && word_case(L, title, 0)
        && word_case(L, text, 1))
        return 1; /* a site that sets headlines in Title Case sets its deks otherwise */
    if (last != '.')
        return 0;
    int punct = ends_with(title, L->rules[I_TERMINAL]);
    if (punct < 0)
        return -1;
    Py_ssize_t words, wide;
    int digit;
    scan(title, &words, &wide, &digit);
    return L->words[k] > words + wide / 2 + (punct ? L->dek_extra_punct : L->dek_extra);
}

/* feed.is_summary of text, its word count `words`: 1 or 0, -1 on an error */
static int loop_summary(Loop *L, PyObject *text, Py_ssize_t words) {
    if (words > L->summary_max)
        return 0;
    if (words < L->unpunctuated) {
        if (words < L->summary_min)
            return 0;
        int ends = ends_with(text, L->rules[I_TERMINAL]);
        if (ends <= 0)
            return ends;
    }
    PyObject *low = lowered(text); /* not is_call_to_action */
    if (!low)
        return -1;
    PyObject *const *rules = L->trules;
    PyObject *pairs = rules[R_CTA_PAIRS];
    Py_ssize_t table_size;
    const unsigned char *table = prefix_table(rules, &table_size);
    int yes;
    if (PyBytes_Check(pairs) && PyBytes_GET_SIZE(pairs) == PAIRS
        && PyDict_Check(rules[R_CTA_PREFIXES])) /* call_to_action_words, without its partial */
        yes = word_start_in(PyBytes_AS_STRING(pairs), 1, table, table_size,
                            rules[R_CTA_PREFIXES], rules[R_CTA_START], low);
    else
        yes = found(rules[R_CTA], low, 1);
    if (!yes && !PyUnicode_IS_ASCII(low))
        yes = any_in(rules[R_CTA_MARK], low);
    Py_DECREF(low);
    return yes < 0 ? -1 : !yes;
}

/* feed.in_list(texts, free, titles, j, words): 1 or 0, -1 on an error */
static int loop_in_list(Loop *L, Py_ssize_t j) {
    if (L->words[j] < L->list_min || ends_stop(TEXT(L, j)))
        return 0; /* (not listable) */
    for (int step = -1; step <= 1; step += 2) {
        Py_ssize_t k = j + step;
        while (0 <= k && k < L->n && (k > j ? k - j : j - k) <= L->reach && L->free[k]) {
            if (L->titles[k] && L->words[k] >= L->list_min - 1 && !ends_stop(TEXT(L, k)))
                return 1; /* (listable) */
            if (L->words[k] > L->glue_max) { /* (a short line is glue: is_glue's first test) */
                int glue = loop_glue(L, k);
                if (glue < 0)
                    return -1;
                if (!glue)
                    break;
            }
            k += step;
        }
    }
    return 0;
}

/* feed.is_list_label(label.split()): 1 or 0, -1 on an error */
static int split_list_label(PyObject *labels, PyObject *label) {
    int kind = PyUnicode_KIND(label);
    const void *data = PyUnicode_DATA(label);
    Py_ssize_t len = PyUnicode_GET_LENGTH(label), n = 0, i = 0;
    Py_ssize_t *starts = PyMem_Malloc((len / 2 + 2) * 2 * sizeof(Py_ssize_t));
    if (!starts) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t *ends = starts + len / 2 + 2;
    while (i < len) { /* label.split() */
        while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
        if (i == len)
            break;
        starts[n] = i;
        while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
        ends[n++] = i;
    }
    int in = list_label(labels, label, starts, ends, 0, n);
    PyMem_Free(starts);
    return in;
}

/* feed.listable(text, min_words) */
static int listable_text(PyObject *text, Py_ssize_t min_words) {
    Py_ssize_t words, wide;
    int digit;
    scan(text, &words, &wide, &digit);
    return words + wide / 2 >= min_words && !ends_stop(text);
}

/* feed.is_card(texts, free, j): 1 or 0, -1 on an error */
static int loop_card(Loop *L, Py_ssize_t j) {
    PyObject *text = TEXT(L, j);
    PyObject *prefixes = PyUnicode_GET_LENGTH(text)
        ? slice_get(L->rules[I_LABEL_PREFIXES], text, 0, 1) : NULL;
    if (!prefixes && PyErr_Occurred())
        return -1;
    if (prefixes && PyTuple_Check(prefixes)) {
        int starts = 0;
        Py_ssize_t size = PyUnicode_GET_LENGTH(text);
        Py_UCS4 second = size > 1 ? PyUnicode_READ_CHAR(text, 1) : 0;
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(prefixes) && !starts; k++) {
            PyObject *prefix = PyTuple_GET_ITEM(prefixes, k);
            if (PyUnicode_Check(prefix)
                && (PyUnicode_GET_LENGTH(prefix) > size
                    || (PyUnicode_GET_LENGTH(prefix) > 1
                        && PyUnicode_READ_CHAR(prefix, 1) != second)))
                continue; /* (longer, or another second character: text does not start so) */
            Py_ssize_t yes = PyUnicode_Tailmatch(text, prefix, 0, PY_SSIZE_T_MAX, -1);
            if (yes < 0)
                return -1;
            starts = yes != 0;
        }
        if (starts) {
            PyObject *glued = strip_label_in(L->hrules, text);
            if (!glued)
                return -1;
            int other = PyUnicode_Compare(glued, text) != 0;
            int yes = other ? listable_text(glued, L->list_min) : 0;
            Py_DECREF(glued);
            if (other)
                return yes; /* "Czytaj także: Nowy park ...", "관련기사 ..." */
        }
    } else if (prefixes) {
        PyErr_SetString(PyExc_TypeError, "items: LABEL_PREFIXES_BY_FIRST holds tuples");
        return -1;
    }
    if (!(j > 0 && L->free[j - 1]))
        return 0; /* (the label "") */
    PyObject *label = TEXT(L, j - 1);
    Py_ssize_t n = PyUnicode_GET_LENGTH(label);
    if (n > L->card_max || n == 0)
        return 0;
    Py_UCS4 last = PyUnicode_READ_CHAR(label, n - 1);
    if (last != ':' && last != 0xff1a)
        return 0;
    if (!(L->words[j] >= L->list_min && !ends_stop(text)))
        return 0;
    return split_list_label(L->hrules[H_RELATED_LABELS], label);
}

/* SHA-1 (FIPS 180-4), for story_key */
static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

#define SHA1_ROUND(F, K)                                                                       \
    {                                                                                          \
        uint32_t x;                                                                            \
        if (t < 16)                                                                            \
            x = w[t];                                                                          \
        else                                                                                   \
            x = w[t & 15] = rotl(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15]          \
                                     ^ w[t & 15],                                              \
                                 1);                                                           \
        x += rotl(a, 5) + (F) + e + (K);                                                       \
        e = d, d = c, c = rotl(b, 30), b = a, a = x;                                           \
    }

#if defined(__clang__)
#define SHA1_UNROLL _Pragma("unroll 20")
#elif defined(__GNUC__) && __GNUC__ >= 8
#define SHA1_UNROLL _Pragma("GCC unroll 20")
#else
#define SHA1_UNROLL
#endif

static void sha1_block(uint32_t *h, const unsigned char *p) {
    uint32_t w[16];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16
            | (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    int t = 0; /* (each loop unrolled: the five registers' rotation costs no moves) */
    SHA1_UNROLL
    for (; t < 20; t++)
        SHA1_ROUND((b & c) | (~b & d), 0x5a827999)
    SHA1_UNROLL
    for (; t < 40; t++)
        SHA1_ROUND(b ^ c ^ d, 0x6ed9eba1)
    SHA1_UNROLL
    for (; t < 60; t++)
        SHA1_ROUND((b & c) | (b & d) | (c & d), 0x8f1bbcdc)
    SHA1_UNROLL
    for (; t < 80; t++)
        SHA1_ROUND(b ^ c ^ d, 0xca62c1d6)
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SHA1_NI 1
#include <immintrin.h>
/* sha1_block with the SHA extensions (SHA-NI), where the processor has them (sha1_hex16 asks
 * __builtin_cpu_supports): four rounds an instruction, the message schedule by sha1msg1/2 */
#define SHA1_NI_GROUP(i)                                                                       \
    if ((i) >= 4)                                                                              \
        m[(i) & 3] = _mm_sha1msg2_epu32(                                                       \
            _mm_xor_si128(_mm_sha1msg1_epu32(m[(i) & 3], m[((i) + 1) & 3]), m[((i) + 2) & 3]), \
            m[((i) + 3) & 3]);                                                                 \
    e = _mm_sha1nexte_epu32(prev, m[(i) & 3]);                                                 \
    prev = abcd;                                                                               \
    abcd = _mm_sha1rnds4_epu32(abcd, e, (i) / 5);

__attribute__((target("sha,sse4.1,ssse3"))) static void sha1_block_ni(uint32_t *h,
                                                                      const unsigned char *p) {
    const __m128i swap = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0x1b);
    __m128i e0 = _mm_set_epi32((int)h[4], 0, 0, 0), abcd0 = abcd, m[4], e, prev;
    for (int k = 0; k < 4; k++)
        m[k] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * k)), swap);
    e = _mm_add_epi32(e0, m[0]); /* (rounds 0-3: E as it is, no rotation) */
    prev = abcd;
    abcd = _mm_sha1rnds4_epu32(abcd, e, 0);
    SHA1_NI_GROUP(1) SHA1_NI_GROUP(2) SHA1_NI_GROUP(3) SHA1_NI_GROUP(4)
    SHA1_NI_GROUP(5) SHA1_NI_GROUP(6) SHA1_NI_GROUP(7) SHA1_NI_GROUP(8)
    SHA1_NI_GROUP(9) SHA1_NI_GROUP(10) SHA1_NI_GROUP(11) SHA1_NI_GROUP(12)
    SHA1_NI_GROUP(13) SHA1_NI_GROUP(14) SHA1_NI_GROUP(15) SHA1_NI_GROUP(16)
    SHA1_NI_GROUP(17) SHA1_NI_GROUP(18) SHA1_NI_GROUP(19)
    e0 = _mm_sha1nexte_epu32(prev, e0);
    abcd = _mm_shuffle_epi32(_mm_add_epi32(abcd, abcd0), 0x1b);
    _mm_storeu_si128((__m128i *)h, abcd);
    h[4] = (uint32_t)_mm_extract_epi32(e0, 3);
}
#undef SHA1_NI_GROUP

/* whether sha1_block_ni can run here */
static int sha1_ni_here(void) {
    __builtin_cpu_init(); /* (cheap once done; libgcc's own constructor may not have run yet) */
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1")
        && __builtin_cpu_supports("ssse3");
}
#endif

/* the first 8 bytes of SHA-1(data) as 16 hexadecimal digits, in out; with SHA-NI if `ni` */
static void sha1_hex16_by(const unsigned char *data, Py_ssize_t size, char *out, int ni) {
    void (*block)(uint32_t *, const unsigned char *) = sha1_block;
#ifdef HAVE_SHA1_NI
    if (ni)
        block = sha1_block_ni;
#else
    (void)ni;
#endif
    uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    Py_ssize_t at = 0;
    for (; size - at >= 64; at += 64)
        block(h, data + at);
    unsigned char last[128] = {0};
    Py_ssize_t rest = size - at;
    memcpy(last, data + at, (size_t)rest);
    last[rest] = 0x80;
    Py_ssize_t blocks = rest + 9 <= 64 ? 1 : 2;
    uint64_t bits = (uint64_t)size * 8;
    for (int k = 0; k < 8; k++)
        last[64 * blocks - 1 - k] = (unsigned char)(bits >> (8 * k));
    for (Py_ssize_t b = 0; b < blocks; b++)
        block(h, last + 64 * b);
    static const char hex[] = "0123456789abcdef";
    for (int k = 0; k < 8; k++) {
        unsigned char byte = (unsigned char)(h[k / 4] >> (24 - 8 * (k % 4)));
        out[2 * k] = hex[byte >> 4];
        out[2 * k + 1] = hex[byte & 15];
    }
}

/* the first 8 bytes of SHA-1(data) as 16 hexadecimal digits, in out */
static void sha1_hex16(const unsigned char *data, Py_ssize_t size, char *out) {
#ifdef HAVE_SHA1_NI
    sha1_hex16_by(data, size, out, sha1_ni_here());
#else
    sha1_hex16_by(data, size, out, 0);
#endif
}

/* feed.story_key of the str title (a new reference): the SHA-1 of word_text(title.lower())
 * encoded in UTF-8, its words' characters (re's \w) encoded as they are found */
static PyObject *story_key_of(PyObject *title) {
    int ascii = PyUnicode_IS_ASCII(title); /* (str.lower of ASCII: A-Z to a-z, here) */
    PyObject *low = ascii ? Py_NewRef(title) : lowered(title);
    if (!low)
        return NULL;
    int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), m = 0;
    unsigned char small[256], *out = small;
    if (n > 50 && !(out = PyMem_Malloc((size_t)n * 5 + 1))) { /* (4 bytes a character, spaces) */
        Py_DECREF(low);
        return PyErr_NoMemory();
    }
    int inside = 0;
    Py_ssize_t i = 0;
    if (ascii) { /* (one byte a character, its own UTF-8: word_char by its ASCII test alone) */
        const Py_UCS1 *s = (const Py_UCS1 *)data;
        for (; i < n; i++) {
            Py_UCS1 c = s[i];
            if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                  || c == '_')) {
                inside = 0;
                continue;
            }
            if (!inside && m)
                out[m++] = ' ';
            inside = 1;
            out[m++] = (unsigned char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        }
    }
    for (; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!word_char(c)) { /* (a lone surrogate is none: nothing to encode) */
            inside = 0;
            continue;
        }
        if (!inside && m)
            out[m++] = ' ';
        inside = 1;
        if (c < 0x80)
            out[m++] = (unsigned char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        else if (c < 0x800) {
            out[m++] = (unsigned char)(0xc0 | c >> 6);
            out[m++] = (unsigned char)(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            out[m++] = (unsigned char)(0xe0 | c >> 12);
            out[m++] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
            out[m++] = (unsigned char)(0x80 | (c & 0x3f));
        } else {
            out[m++] = (unsigned char)(0xf0 | c >> 18);
            out[m++] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
            out[m++] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
            out[m++] = (unsigned char)(0x80 | (c & 0x3f));
        }
    }
    Py_DECREF(low);
    char hex[16];
    sha1_hex16(out, m, hex);
    if (out != small)
        PyMem_Free(out);
    return PyUnicode_FromStringAndSize(hex, 16);
}

/* story_key(title): feed.story_key, for the tests */
static PyObject *story_key_call(PyObject *self, PyObject *title) {
    if (!PyUnicode_Check(title)) {
        PyErr_SetString(PyExc_TypeError, "story_key: a str");
        return NULL;
    }
    return story_key_of(title);
}

/* Where object.__setattr__(obj, name, value) (PyObject_GenericSetAttr) stores the value in
 * instances of `type`: the offset of its plain, writable slot (a member descriptor of
 * T_OBJECT_EX, what __slots__ makes, found on the type as GenericSetAttr finds it); -1 where it
 * is something else (set_fields calls PyObject_GenericSetAttr then). */
static Py_ssize_t set_offset(PyTypeObject *type, PyObject *name) {
    PyObject *descr = _PyType_Lookup(type, name); /* (borrowed) */
    if (!descr || !Py_IS_TYPE(descr, &PyMemberDescr_Type))
        return -1;
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    return member->type == T_OBJECT_EX && !(member->flags & READONLY) ? member->offset : -1;
}

/* `count` fields (names: a tuple of str) of a new instance obj set to values as
 * object.__setattr__ sets each, in order (offsets: set_offset of each, -2 where not looked up
 * yet, filled here): 0, -1 on an error */
static int set_fields(PyObject *obj, PyObject *names, PyObject *const *values, Py_ssize_t count,
                      Py_ssize_t *offsets) {
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *name = PyTuple_GET_ITEM(names, k);
        if (offsets[k] == -2)
            offsets[k] = set_offset(Py_TYPE(obj), name);
        if (offsets[k] < 0) {
            if (PyObject_GenericSetAttr(obj, name, values[k]) < 0)
                return -1;
            continue;
        }
        PyObject **slot = (PyObject **)((char *)obj + offsets[k]), *old = *slot;
        *slot = Py_NewRef(values[k]);
        Py_XDECREF(old);
    }
    return 0;
}

/* labelled[at].block.lines[side] (a new reference), the slots read by their offsets in the
 * first block's types (lbs, bs: set at the first call) */
static PyObject *block_line(PyObject *labelled, Py_ssize_t at, Py_ssize_t side, Slots *lbs,
                            Slots *bs) {
    PyObject *lb = PySequence_Fast_GET_ITEM(labelled, at);
    if (!lbs->type)
        slots_of(lbs, lb, name_block, NULL, NULL);
    PyObject *block = slot_get(lb, lbs, 0, name_block);
    if (!block)
        return NULL;
    if (!bs->type)
        slots_of(bs, block, name_lines, NULL, NULL);
    PyObject *lines = slot_get(block, bs, 0, name_lines);
    Py_DECREF(block);
    if (!lines)
        return NULL;
    PyObject *line = PyTuple_CheckExact(lines) && side < PyTuple_GET_SIZE(lines)
                       ? Py_NewRef(PyTuple_GET_ITEM(lines, side))
                       : PySequence_GetItem(lines, side);
    Py_DECREF(lines);
    return line;
}

/* the FeedItem of feed._items (a new reference) */
static PyObject *loop_item(Loop *L, PyObject *labelled, Py_ssize_t i, Py_ssize_t end,
                           PyObject *title, PyObject *summary, PyObject *time,
                           PyObject *page_published) {
    PyObject *published = NULL, *key = NULL, *lines = NULL, *first = NULL, *last = NULL,
             *item = NULL;
    int truth = PyObject_IsTrue(time);
    if (truth < 0)
        return NULL;
    if (truth) {
        PyObject *args[2] = {time, page_published};
        published = PyObject_Vectorcall(L->rules[I_RESOLVE_TIME], args, 2, NULL);
    } else
        published = Py_NewRef(Py_None);
    if (!published || !(key = story_key_of(title))
        || !(first = block_line(labelled, i, 0, &L->lbs, &L->bs))
        || !(last = block_line(labelled, end, 1, &L->lbs, &L->bs))
        || !(lines = PyTuple_Pack(2, first, last)))
        goto done;
    PyObject *names = L->rules[I_ITEM_FIELDS], *type = L->rules[I_FEED_ITEM];
    if (names == Py_None) {
        PyObject *args[6] = {title, summary, time, published, key, lines};
        item = PyObject_Vectorcall(type, args, 0, item_names);
        goto done;
    }
    /* as the frozen dataclass's __init__: __new__, then object.__setattr__ of each field */
    PyObject *values[7] = {title, summary, time, published, Py_None, key, lines};
    item = ((PyTypeObject *)type)->tp_new((PyTypeObject *)type, empty_args, NULL);
    if (item && Py_TYPE(item) != (PyTypeObject *)type) /* (offsets are the type's) */
        for (int k = 0; k < 7; k++)
            L->item_offsets[k] = -1;
    if (item && set_fields(item, names, values, 7, L->item_offsets) < 0)
        Py_CLEAR(item);
done:
    Py_XDECREF(published);
    Py_XDECREF(key);
    Py_XDECREF(first);
    Py_XDECREF(last);
    Py_XDECREF(lines);
    return item;
}

/* the flags of a sequence of n truth values into out (0 or 1); -1 on an error */
static int truths(PyObject *values, Py_ssize_t n, char *out, const char *what) {
    PyObject *seq = PySequence_Fast(values, what);
    if (!seq)
        return -1;
    if (PySequence_Fast_GET_SIZE(seq) != n) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "items: texts, free, digits, words, titles of one size");
        return -1;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *value = PySequence_Fast_GET_ITEM(seq, k); /* (a bool mostly: no call) */
        int yes = value == Py_True ? 1 : value == Py_False ? 0 : PyObject_IsTrue(value);
        if (yes < 0) {
            Py_DECREF(seq);
            return -1;
        }
        out[k] = (char)yes;
    }
    Py_DECREF(seq);
    return 0;
}

static PyObject *items(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 10 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != I_SIZE
        || !PyTuple_Check(PyTuple_GET_ITEM(args[0], I_HEADLINE_RULES))
        || PyTuple_GET_SIZE(PyTuple_GET_ITEM(args[0], I_HEADLINE_RULES)) != H_SIZE
        || !PyTuple_Check(PyTuple_GET_ITEM(PyTuple_GET_ITEM(args[0], I_HEADLINE_RULES),
                                           H_TITLE_RULES))
        || PyTuple_GET_SIZE(PyTuple_GET_ITEM(PyTuple_GET_ITEM(args[0], I_HEADLINE_RULES),
                                             H_TITLE_RULES)) != R_SIZE
        || !PyAnySet_Check(PyTuple_GET_ITEM(PyTuple_GET_ITEM(args[0], I_HEADLINE_RULES),
                                            H_LABEL_WORDS))
        || !PyBytes_Check(PyTuple_GET_ITEM(PyTuple_GET_ITEM(args[0], I_HEADLINE_RULES),
                                           H_LABEL_PAIRS))
        || PyBytes_GET_SIZE(PyTuple_GET_ITEM(PyTuple_GET_ITEM(args[0], I_HEADLINE_RULES),
                                             H_LABEL_PAIRS)) != PAIRS
        || !PyDict_Check(PyTuple_GET_ITEM(args[0], I_BYLINE_PAIRS))
        || !PyDict_Check(PyTuple_GET_ITEM(args[0], I_LABEL_PREFIXES))
        || !PyTuple_Check(PyTuple_GET_ITEM(args[0], I_TERMINAL)) || !PyDict_Check(args[6])
        || !(PyTuple_GET_ITEM(args[0], I_ITEM_FIELDS) == Py_None
             || (PyType_Check(PyTuple_GET_ITEM(args[0], I_FEED_ITEM))
                 && ((PyTypeObject *)PyTuple_GET_ITEM(args[0], I_FEED_ITEM))->tp_new
                 && PyTuple_Check(PyTuple_GET_ITEM(args[0], I_ITEM_FIELDS))
                 && PyTuple_GET_SIZE(PyTuple_GET_ITEM(args[0], I_ITEM_FIELDS)) == 7))) {
        PyErr_SetString(PyExc_TypeError,
                        "items(rules, labelled, texts, free, digits, words, heads, titles, "
                        "page_published, summary_max_words)");
        return NULL;
    }
    Loop L = {0};
    for (int k = 0; k < 7; k++)
        L.item_offsets[k] = -2;
    L.rules = &PyTuple_GET_ITEM(args[0], 0);
    L.hrules = &PyTuple_GET_ITEM(L.rules[I_HEADLINE_RULES], 0);
    L.trules = &PyTuple_GET_ITEM(L.hrules[H_TITLE_RULES], 0);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(L.rules[I_TERMINAL]); k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(L.rules[I_TERMINAL], k))) {
            PyErr_SetString(PyExc_TypeError, "items: TERMINAL is a tuple of str");
            return NULL;
        }
    L.summary_min = rule_size(L.rules, I_SUMMARY_MIN);
    L.unpunctuated = rule_size(L.rules, I_UNPUNCTUATED);
    L.meta_max = rule_size(L.rules, I_META_MAX);
    L.list_min = rule_size(L.rules, I_LIST_MIN);
    L.reach = rule_size(L.rules, I_LIST_REACH);
    L.glue_max = rule_size(L.rules, I_GLUE_MAX);
    L.card_max = rule_size(L.rules, I_CARD_MAX);
    L.alternating = rule_size(L.rules, I_ALTERNATING);
    L.stray_min = rule_size(L.rules, I_STRAY_MIN);
    L.when_chars = rule_size(L.rules, I_WHEN_CHARS);
    L.when_words = rule_size(L.rules, I_WHEN_WORDS);
    L.time_max = rule_size(L.trules, R_TIME_LINE_MAX);
    L.kicker_max = rule_size(L.rules, I_KICKER_MAX);
    L.glue_date_max = rule_size(L.rules, I_GLUE_DATE_MAX);
    L.dek_extra = rule_size(L.rules, I_DEK_EXTRA);
    L.dek_extra_punct = rule_size(L.rules, I_DEK_EXTRA_PUNCT);
    L.case_chars = rule_size(L.rules, I_CASE_CHARS);
    L.case_words = rule_size(L.rules, I_CASE_WORDS);
    L.summary_max = PyLong_AsSsize_t(args[9]);
    if (PyErr_Occurred())
        return NULL;
    if (L.alternating < 2) {
        PyErr_SetString(PyExc_ValueError, "items: ALTERNATING_MIN_BLOCKS >= 2");
        return NULL;
    }
    PyObject *labelled = NULL, *words = NULL, *heads = args[6], *page_published = args[8];
    PyObject *result = NULL;
    if (!(labelled = PySequence_Fast(args[1], "items: a sequence of LabelledBlock"))
        || !(L.texts = PySequence_Fast(args[2], "items: a sequence of str"))
        || !(words = PySequence_Fast(args[5], "items: a sequence of int")))
        goto done;
    L.n = PySequence_Fast_GET_SIZE(L.texts);
    if (PySequence_Fast_GET_SIZE(words) != L.n || PySequence_Fast_GET_SIZE(labelled) != L.n) {
        PyErr_SetString(PyExc_ValueError, "items: labelled, texts, words of one size");
        goto done;
    }
    L.free = PyMem_Calloc((size_t)L.n + 1, 6);
    L.words = PyMem_Malloc(((size_t)L.n + 1) * sizeof(Py_ssize_t));
    if (!L.free || !L.words) {
        PyErr_NoMemory();
        goto done;
    }
    L.digits = L.free + L.n + 1;
    L.titles = L.digits + L.n + 1;
    L.whens = L.titles + L.n + 1;
    L.timed = L.whens + L.n + 1;
    L.below = L.timed + L.n + 1;
    for (Py_ssize_t k = 0; k < L.n; k++) {
        if (!PyUnicode_Check(TEXT(&L, k))) {
            PyErr_SetString(PyExc_TypeError, "items: texts are str");
            goto done;
        }
        L.words[k] = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(words, k));
        if (L.words[k] == -1 && PyErr_Occurred())
            goto done;
    }
    if (truths(args[3], L.n, L.free, "items: free") < 0
        || truths(args[4], L.n, L.digits, "items: digits") < 0
        || truths(args[7], L.n, L.titles, "items: titles") < 0)
        goto done;
    /* (cheap tests first: without a digit, only "an hour ago" prints when; and a time line
     * with no headline next to it stands alone, in no alternating run of times_below) */
    for (Py_ssize_t at = 0; at < L.n; at++) {
        if (!L.titles[at])
            continue;
        for (Py_ssize_t k = at - 1; k <= at + 1; k += 2) {
            if (0 <= k && k < L.n && L.free[k] && !L.titles[k]
                && (L.digits[k] || ago_end(TEXT(&L, k)))) {
                int yes = loop_when(&L, k);
                if (yes < 0)
                    goto done;
                L.timed[k] = (char)yes;
            }
        }
    }
    if (loop_below(&L) < 0 || !(result = PyList_New(0)))
        goto done;
    Py_ssize_t end_last = 0, n = L.n;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!(L.titles[i] || (i + 1 < n && L.titles[i + 1])))
            continue; /* (a block neither titled nor right above a titled one starts no item) */
        if (i < end_last || !L.free[i])
            continue;
        PyObject *time = Py_None, *summary = Py_None;
        Py_ssize_t j = i;
        if (i + 1 < n && L.titles[i + 1]) {
            int yes = loop_when(&L, i);
            if (yes < 0)
                goto fail;
            if (yes && !L.below[i])
                time = TEXT(&L, i), j = i + 1;
        }
        if (!L.titles[j])
            continue;
        PyObject *parts = PyDict_GetItemWithError(heads, TEXT(&L, j)); /* (borrowed) */
        if (!parts) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, TEXT(&L, j));
            goto fail;
        }
        if (!PyTuple_Check(parts) || PyTuple_GET_SIZE(parts) != 2
            || !PyUnicode_Check(PyTuple_GET_ITEM(parts, 1))) {
            PyErr_SetString(PyExc_TypeError, "items: a headline's parts are (time, title)");
            goto fail;
        }
        PyObject *title = PyTuple_GET_ITEM(parts, 1);
        if (time == Py_None) /* (time or prefix_time: a time line is never empty) */
            time = PyTuple_GET_ITEM(parts, 0);
        else {
            int truth = PyObject_IsTrue(time);
            if (truth < 0)
                goto fail;
            if (!truth)
                time = PyTuple_GET_ITEM(parts, 0);
        }
        Py_ssize_t end = j;
        if (time == Py_None) {
            int yes = loop_when(&L, end + 1);
            if (yes < 0)
                goto fail;
            if (yes && (L.below[end + 1] || !(end + 2 < n && L.titles[end + 2])))
                time = TEXT(&L, end + 1), end = end + 1; /* a time after the headline */
        }
        Py_ssize_t k = end + 1;
        if (k + 1 < n && L.free[k]) {
            int yes = loop_meta(&L, TEXT(&L, k));
            if (yes < 0)
                goto fail;
            k += yes; /* "3 diggs example.org Food", "By Ann Lee": headline to summary */
        }
        if (k < n && L.free[k] && L.summary_min <= L.words[k] && L.words[k] <= L.summary_max) {
            int yes = loop_summary(&L, TEXT(&L, k), L.words[k]);
            if (yes > 0 && L.titles[k])
                yes = loop_dek(&L, k, title);
            if (yes < 0)
                goto fail;
            if (yes) {
                summary = TEXT(&L, k), end = k;
                if (time == Py_None) {
                    yes = loop_when(&L, end + 1);
                    if (yes < 0)
                        goto fail;
                    if (yes && !(end + 2 < n && L.titles[end + 2]))
                        time = TEXT(&L, end + 1), end = end + 1;
                }
            }
        }
        if (summary == Py_None && time == Py_None) {
            int yes = loop_in_list(&L, j);
            if (!yes)
                yes = loop_card(&L, j);
            if (yes < 0)
                goto fail;
            if (!yes)
                continue;
        }
        PyObject *item = loop_item(&L, labelled, i, end, title, summary, time, page_published);
        if (!item)
            goto fail;
        PyObject *entry = PyTuple_New(3); /* (i, end, item) */
        if (entry) {
            PyTuple_SET_ITEM(entry, 2, item);
            PyObject *at = PyLong_FromSsize_t(i), *to = at ? PyLong_FromSsize_t(end) : NULL;
            if (at)
                PyTuple_SET_ITEM(entry, 0, at);
            if (to)
                PyTuple_SET_ITEM(entry, 1, to);
            if (!to)
                Py_CLEAR(entry);
        } else
            Py_DECREF(item);
        if (!entry || PyList_Append(result, entry) < 0) {
            Py_XDECREF(entry);
            goto fail;
        }
        Py_DECREF(entry);
        end_last = end + 1;
    }
    goto done;
fail:
    Py_CLEAR(result);
done:
    Py_XDECREF(labelled);
    Py_XDECREF(L.texts);
    Py_XDECREF(words);
    PyMem_Free(L.free);
    PyMem_Free(L.words);
    return result;
}

/* ---- find_feed's post-pass: which found items may be a comment or furniture ----
 *
 *   comment_suspects(texts, found, pairs) -> list[bool]: feed._comment_suspects (the
 *     reference): for each (first, last, item) of `found`, False only where
 *     feed.is_comment(texts, first, last) is False by its cheap tests alone: the line above
 *     does not end with a colon (feed.tail: one final newline skipped) and neither it nor the
 *     two lines below start with two characters of `pairs` (feed.COMMENT_AFTER_PAIRS: first
 *     character -> a str of the second ones); True (look) otherwise, and wherever an index
 *     falls outside `texts` or a line is not a str (feed.is_comment decides).
 *   furniture_suspects(labelled, texts, found, rules) -> list[bool]: feed._furniture_suspects
 *     (the reference): for each (first, last, item), False only where feed.is_furniture is
 *     False by its cheap tests alone; rules = feed.FURNITURE_RULES (stops, follow, sign_up,
 *     story_end, stamp_first, colon_pairs, relative_words, number_words).
 */

static PyObject *name_title_attr, *name_time_attr;

/* found[k] as (first, last, item): 0, or -1 (not such a tuple: the caller looks) */
static int found_entry(PyObject *entry, Py_ssize_t *first, Py_ssize_t *last, PyObject **item) {
    if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3
        || !PyLong_CheckExact(PyTuple_GET_ITEM(entry, 0))
        || !PyLong_CheckExact(PyTuple_GET_ITEM(entry, 1)))
        return -1;
    *first = PyLong_AsSsize_t(PyTuple_GET_ITEM(entry, 0));
    *last = PyLong_AsSsize_t(PyTuple_GET_ITEM(entry, 1));
    if (PyErr_Occurred()) {
        PyErr_Clear();
        return -1;
    }
    *item = PyTuple_GET_ITEM(entry, 2);
    return 0;
}

/* feed.paired: whether text (a str) starts with two characters of pairs (a dict: first
 * character -> str of second ones; a text of one character: a first one): 1, 0, -1 on an error */
static int paired(PyObject *text, PyObject *pairs) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0)
        return 0;
    PyObject *first = PyUnicode_Substring(text, 0, 1);
    if (!first)
        return -1;
    PyObject *seconds = PyDict_GetItemWithError(pairs, first); /* (borrowed) */
    Py_DECREF(first);
    if (!seconds)
        return PyErr_Occurred() ? -1 : 0;
    if (n < 2 || !PyUnicode_Check(seconds))
        return 1;
    return PyUnicode_FindChar(seconds, PyUnicode_READ_CHAR(text, 1), 0,
                              PyUnicode_GET_LENGTH(seconds), 1)
        >= 0;
}

/* 1 where the comment pretests pass (or cannot be told), 0 where they fail, -1 on an error */
static int comment_suspect(PyObject *const *items, Py_ssize_t n, PyObject *entry,
                           PyObject *pairs) {
    Py_ssize_t first, last;
    PyObject *item;
    if (found_entry(entry, &first, &last, &item) < 0 || first < 0 || first > n || last < -1)
        return 1;
    int yes;
    if (first > 0) {
        PyObject *before = items[first - 1];
        if (!PyUnicode_Check(before))
            return 1;
        Py_ssize_t end = PyUnicode_GET_LENGTH(before);
        if (end > 0 && PyUnicode_READ_CHAR(before, end - 1) == '\n')
            end--; /* (feed.tail) */
        if (end > 0) {
            Py_UCS4 c = PyUnicode_READ_CHAR(before, end - 1);
            if (c == ':' || c == 0xff1a)
                return 1;
        }
        if ((yes = paired(before, pairs)) != 0)
            return yes;
    }
    for (Py_ssize_t k = last + 1; k < last + 3 && k < n; k++) {
        if (!PyUnicode_Check(items[k]))
            return 1;
        if ((yes = paired(items[k], pairs)) != 0)
            return yes;
    }
    return 0;
}

/* whether one of parts (a tuple of str, 32 at most) is in text, with A-Z read as a-z where
 * fold (text ASCII: its lower case); -1 for more parts (the caller searches) */
static int scan_has_any(PyObject *text, PyObject *parts, int fold) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = PyTuple_GET_SIZE(parts);
    if (count > 32)
        return -1;
    uint32_t starts[129]; /* the parts that start with each ASCII character (128: the others) */
    memset(starts, 0, sizeof starts);
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *part = PyTuple_GET_ITEM(parts, k);
        if (PyUnicode_GET_LENGTH(part) == 0)
            return 1;
        Py_UCS4 c = PyUnicode_READ_CHAR(part, 0);
        starts[c < 128 ? c : 128] |= (uint32_t)1 << k;
    }
#define FOLDED(c) (fold && (c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        c = FOLDED(c);
        uint32_t these = starts[c < 128 ? c : 128];
        while (these) {
            int k = __builtin_ctz(these);
            these &= these - 1;
            PyObject *part = PyTuple_GET_ITEM(parts, k);
            int pkind = PyUnicode_KIND(part);
            const void *pdata = PyUnicode_DATA(part);
            Py_ssize_t m = PyUnicode_GET_LENGTH(part), j = 1;
            if (i + m > n || PyUnicode_READ(pkind, pdata, 0) != c)
                continue;
            for (; j < m; j++) {
                Py_UCS4 d = PyUnicode_READ(kind, data, i + j);
                if (FOLDED(d) != PyUnicode_READ(pkind, pdata, j))
                    break;
            }
            if (j == m)
                return 1;
        }
    }
#undef FOLDED
    return 0;
}

/* The parts (a tuple of str, 32 at most) that start with each character below U+0100, and
 * with its capital where it is a-z, for the few tuples asked (held): NULL when not kept. */
#define PART_PAIRS 16 /* byte_has_any: the first two characters of this many parts at most */

typedef struct {
    PyObject *parts;
    uint32_t starts[256];
    int pairs; /* byte_has_any's distinct first two characters of the parts below U+0100 (in
                * firsts, seconds), -1 where one is shorter or more than PART_PAIRS: kept with
                * the table, not rebuilt for every text */
    unsigned char firsts[PART_PAIRS], seconds[PART_PAIRS];
} PartsTable;
static PartsTable parts_tables[4];

/* parts_starts' table of parts: its pairs (PartsTable.pairs) */
static void parts_pairs(PartsTable *table, PyObject *parts) {
    int pairs = 0;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(parts); k++) {
        PyObject *part = PyTuple_GET_ITEM(parts, k);
        if (PyUnicode_KIND(part) != PyUnicode_1BYTE_KIND)
            continue; /* (in no text below U+0100: parts_starts leaves it out) */
        if (PyUnicode_GET_LENGTH(part) < 2) {
            pairs = -1;
            break;
        }
        const Py_UCS1 *p = PyUnicode_1BYTE_DATA(part);
        int q = 0;
        while (q < pairs && !(table->firsts[q] == p[0] && table->seconds[q] == p[1]))
            q++;
        if (q < pairs)
            continue;
        if (pairs == PART_PAIRS) {
            pairs = -1;
            break;
        }
        table->firsts[pairs] = p[0];
        table->seconds[pairs++] = p[1];
    }
    table->pairs = pairs;
}

static const PartsTable *parts_starts(PyObject *parts) {
    for (int t = 0; t < 4; t++) {
        if (parts_tables[t].parts == parts)
            return &parts_tables[t];
        if (parts_tables[t].parts)
            continue;
        if (PyTuple_GET_SIZE(parts) > 32)
            return NULL;
        uint32_t *starts = parts_tables[t].starts;
        memset(starts, 0, sizeof parts_tables[t].starts);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(parts); k++) {
            PyObject *part = PyTuple_GET_ITEM(parts, k);
            if (PyUnicode_KIND(part) != PyUnicode_1BYTE_KIND || PyUnicode_GET_LENGTH(part) == 0)
                continue; /* (not in text below U+0100; "" is looked for by the caller) */
            Py_UCS1 c = PyUnicode_1BYTE_DATA(part)[0];
            starts[c] |= (uint32_t)1 << k;
            if (c >= 'a' && c <= 'z')
                starts[c - ('a' - 'A')] |= (uint32_t)1 << k;
        }
        parts_pairs(&parts_tables[t], parts);
        parts_tables[t].parts = Py_NewRef(parts);
        return &parts_tables[t];
    }
    return NULL;
}

/* whether one of parts whose first character starts has at s[i] (its bits) is s[i:] (with A-Z
 * read as a-z where fold), s being n bytes long */
static inline int byte_part_at(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t i, PyObject *parts,
                               const uint32_t *starts, int fold) {
    uint32_t these = starts[s[i]];
    while (these) {
        int k = __builtin_ctz(these);
        these &= these - 1;
        PyObject *part = PyTuple_GET_ITEM(parts, k);
        const Py_UCS1 *p = PyUnicode_1BYTE_DATA(part);
        Py_ssize_t m = PyUnicode_GET_LENGTH(part), j = 0;
        if (i + m > n)
            continue;
        for (; j < m; j++) {
            Py_UCS1 d = s[i + j];
            if (fold && d >= 'A' && d <= 'Z')
                d += 'a' - 'A';
            if (d != p[j])
                break;
        }
        if (j == m)
            return 1;
    }
    return 0;
}

/* scan_has_any of text below U+0100 (PyUnicode_1BYTE_KIND), by parts_starts; -1: not kept.
 * Where every part that may be in such a text is two characters long or more (and they start
 * with PART_PAIRS pairs or fewer), 16 positions are tried at once first: only those where a
 * part's first two characters stand (A-Z as a-z where fold) are looked at (byte_part_at). */
static int byte_has_any(PyObject *text, PyObject *parts, int fold) {
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(parts); k++)
        if (PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(parts, k)) == 0)
            return 1;
    const PartsTable *table = parts_starts(parts);
    if (!table)
        return -1;
    const uint32_t *starts = table->starts;
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
#ifdef SCAN_SIMD
    if (n >= 17) {
        const unsigned char *firsts = table->firsts, *seconds = table->seconds;
        int pairs = table->pairs; /* (parts_starts' table: its pairs, -1 for none) */
        if (pairs >= 0) {
            const __m128i upper = _mm_set1_epi8('A'), span = _mm_set1_epi8(25),
                          lift = _mm_set1_epi8(0x20);
            /* chunks at 0, 16, ... and a last one that ends at n - 1 (position n - 1 starts no
             * part of two characters); a position tried twice fails twice */
            for (Py_ssize_t at = 0;; at += 16) {
                if (at + 17 > n)
                    at = n - 17;
                __m128i a = _mm_loadu_si128((const __m128i *)(s + at));
                __m128i b = _mm_loadu_si128((const __m128i *)(s + at + 1));
                if (fold) { /* A-Z as a-z */
                    __m128i da = _mm_sub_epi8(a, upper), db = _mm_sub_epi8(b, upper);
                    a = _mm_add_epi8(a, _mm_and_si128(_mm_cmpeq_epi8(_mm_min_epu8(da, span), da),
                                                      lift));
                    b = _mm_add_epi8(b, _mm_and_si128(_mm_cmpeq_epi8(_mm_min_epu8(db, span), db),
                                                      lift));
                }
                __m128i hit = _mm_setzero_si128();
                for (int q = 0; q < pairs; q++)
                    hit = _mm_or_si128(
                        hit, _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char)firsts[q])),
                                           _mm_cmpeq_epi8(b, _mm_set1_epi8((char)seconds[q]))));
                unsigned mask = (unsigned)_mm_movemask_epi8(hit);
                while (mask) {
                    int k = __builtin_ctz(mask);
                    mask &= mask - 1;
                    if (byte_part_at(s, n, at + k, parts, starts, fold))
                        return 1;
                }
                if (at + 17 >= n)
                    return 0;
            }
        }
    }
#endif
    for (; i < n; i++)
        if (byte_part_at(s, n, i, parts, starts, fold))
            return 1;
    return 0;
}

/* has_any(text.lower(), parts) (parts: a tuple of str): 1, 0, -1 on an error. ASCII text's
 * lower case is its A-Z made a-z: read so in place; other text is lowered first. */
static int lower_has_any(PyObject *text, PyObject *parts) {
    int in;
    if (PyUnicode_IS_ASCII(text)
        && ((in = byte_has_any(text, parts, 1)) >= 0 || (in = scan_has_any(text, parts, 1)) >= 0))
        return in;
    PyObject *low = lowered(text);
    if (!low)
        return -1;
    if (!PyUnicode_Check(low))
        in = 1;
    else if ((PyUnicode_KIND(low) != PyUnicode_1BYTE_KIND || (in = byte_has_any(low, parts, 0)) < 0)
             && (in = scan_has_any(low, parts, 0)) < 0) {
        in = 0;
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(parts) && !in; k++)
            in = has(low, PyTuple_GET_ITEM(parts, k));
    }
    Py_DECREF(low);
    return in;
}

/* feed.may_stamp: whether title (a str) has a digit, a first word without one, then a word
 * that starts a time (or a second word without a digit, then such a third): one of stamp_first
 * with `relative` words at most from there on, or a digit with `number` words at most or a
 * date anchor (maybe_date) from there on */
static int may_stamp(PyObject *title, PyObject *stamp_first, Py_ssize_t relative,
                     Py_ssize_t number) {
    int kind = PyUnicode_KIND(title);
    const void *data = PyUnicode_DATA(title);
    Py_ssize_t n = PyUnicode_GET_LENGTH(title), i = 0;
    int digit = 0;
    for (Py_ssize_t k = 0; k < n && !digit; k++)
        digit = decimal(PyUnicode_READ(kind, data, k));
    if (!digit)
        return 0;
    for (int w = 0; w < 3; w++) { /* words 0, 1, 2 (str.split) */
        while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
        if (i == n)
            return 0; /* (no such word) */
        Py_UCS4 first = PyUnicode_READ(kind, data, i);
        int number_first = decimal(first) || Py_UNICODE_ISDECIMAL(first);
        if (w > 0
            && (number_first
                || PyUnicode_FindChar(stamp_first, first, 0, PyUnicode_GET_LENGTH(stamp_first),
                                      1)
                    >= 0)) {
            Py_ssize_t left = 0, most = number_first ? number : relative; /* words from i on */
            for (Py_ssize_t k = i; k < n && left <= most; left++) {
                while (k < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)))
                    k++;
                while (k < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)))
                    k++;
            }
            if (left <= most || (number_first && maybe_date(kind, data, i, n)))
                return 1;
        }
        if (w == 2)
            return 0;
        for (; i < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)); i++)
            if (decimal(PyUnicode_READ(kind, data, i)))
                return 0; /* (a word with a digit is no name) */
    }
    return 0;
}

/* 1 where the furniture pretests pass (or cannot be told), 0 where they fail, -1 on an error */
static int furniture_suspect(PyObject *labelled, PyObject *const *items, Py_ssize_t n,
                             PyObject *entry, PyObject *const *rules, const Py_ssize_t *words) {
    Py_ssize_t first, last;
    PyObject *item;
    if (found_entry(entry, &first, &last, &item) < 0 || first < 0 || first >= n)
        return 1;
    PyObject *title = PyObject_GetAttr(item, name_title_attr);
    if (!title)
        return -1;
    int yes = 1;
    if (!PyUnicode_Check(title))
        goto done;
    if (may_stamp(title, rules[4], words[0], words[1]))
        goto done; /* is_stamp */
    int kind = PyUnicode_KIND(title);
    const void *data = PyUnicode_DATA(title);
    Py_ssize_t len = PyUnicode_GET_LENGTH(title);
    int colon = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '/') { /* ISSUE: feed.ISSUE_YEAR, "/\s*(?:19|20)\d\d", after it */
            Py_ssize_t k = i + 1;
            while (k < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)))
                k++;
            if (k + 3 < len) {
                Py_UCS4 a = PyUnicode_READ(kind, data, k), b = PyUnicode_READ(kind, data, k + 1);
                if (((a == '1' && b == '9') || (a == '2' && b == '0'))
                    && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, k + 2))
                    && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, k + 3)))
                    goto done;
            }
        }
        colon |= c == ':' || c == 0xff1a;
    }
    if (colon && (yes = paired(title, rules[5])) != 0)
        goto done; /* IMPRINT, SHARE_BAR */
    yes = 1;
    if (len > 0) {
        PyObject *time = PyObject_GetAttr(item, name_time_attr);
        if (!time) {
            yes = -1;
            goto done;
        }
        int timed = time != Py_None;
        Py_DECREF(time);
        Py_UCS4 last_char = PyUnicode_READ(kind, data, len - 1);
        if (timed
            && PyUnicode_FindChar(rules[0], last_char, 0, PyUnicode_GET_LENGTH(rules[0]), 1) >= 0)
            goto done; /* is_stamp(time), is_lines_comment */
    }
    if ((yes = lower_has_any(title, rules[1])) != 0)
        goto done; /* FOLLOW_US */
    PyObject *lb = PySequence_GetItem(labelled, first);
    if (!lb) {
        yes = -1;
        goto done;
    }
    PyObject *reason = PyObject_GetAttr(lb, name_reason);
    Py_DECREF(lb);
    if (!reason) {
        yes = -1;
        goto done;
    }
    yes = PyObject_RichCompareBool(reason, rules[3], Py_EQ);
    Py_DECREF(reason);
    if (yes != 0)
        goto done; /* the notice where the revision cut the story */
    PyObject *above = first > 0 ? items[first - 1] : s_empty;
    yes = PyUnicode_Check(above) ? lower_has_any(above, rules[2]) : 1; /* SIGN_UP above */
    if (yes > 0 && last + 1 >= 0) { /* ... and below (texts[last + 1] from the end: looked at) */
        PyObject *below = last + 1 < n ? items[last + 1] : s_empty;
        yes = PyUnicode_Check(below) ? lower_has_any(below, rules[2]) : 1;
    }
done:
    Py_DECREF(title);
    return yes;
}

/* what the *_suspects entry points share: the verdict of `suspect` for each (first, last, item)
 * of found, as a list of bools (`name` names the caller in its errors) */
typedef struct {
    PyObject *labelled;      /* furniture_suspects' labelled blocks */
    PyObject *pairs;         /* comment_suspects' pairs */
    PyObject *const *rules;  /* furniture_suspects' rules */
    Py_ssize_t words[2];     /* ... its relative_words, number_words */
} Suspects;

static int comment_suspect_of(const Suspects *s, PyObject *const *items, Py_ssize_t n,
                              PyObject *entry) {
    return comment_suspect(items, n, entry, s->pairs);
}

static int furniture_suspect_of(const Suspects *s, PyObject *const *items, Py_ssize_t n,
                                PyObject *entry) {
    return furniture_suspect(s->labelled, items, n, entry, s->rules, s->words);
}

static PyObject *suspects(PyObject *texts_arg, PyObject *found_arg, const char *texts_error,
                          const char *found_error, const Suspects *s,
                          int (*suspect)(const Suspects *, PyObject *const *, Py_ssize_t,
                                         PyObject *)) {
    PyObject *texts = PySequence_Fast(texts_arg, texts_error);
    if (!texts)
        return NULL;
    PyObject *found = PySequence_Fast(found_arg, found_error);
    if (!found) {
        Py_DECREF(texts);
        return NULL;
    }
    Py_ssize_t m = PySequence_Fast_GET_SIZE(found);
    PyObject *out = PyList_New(m);
    if (out) {
        PyObject *const *items = PySequence_Fast_ITEMS(texts);
        Py_ssize_t n = PySequence_Fast_GET_SIZE(texts);
        for (Py_ssize_t k = 0; k < m; k++) {
            int yes = suspect(s, items, n, PySequence_Fast_GET_ITEM(found, k));
            if (yes < 0) {
                Py_CLEAR(out);
                break;
            }
            PyList_SET_ITEM(out, k, Py_NewRef(yes ? Py_True : Py_False));
        }
    }
    Py_DECREF(texts);
    Py_DECREF(found);
    return out;
}

static PyObject *furniture_suspects(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4 || !PyTuple_Check(args[3]) || PyTuple_GET_SIZE(args[3]) != 8
        || !PyLong_Check(PyTuple_GET_ITEM(args[3], 6)) || !PyLong_Check(PyTuple_GET_ITEM(args[3], 7))
        || !PyUnicode_Check(PyTuple_GET_ITEM(args[3], 0))
        || !PyTuple_Check(PyTuple_GET_ITEM(args[3], 1))
        || !PyTuple_Check(PyTuple_GET_ITEM(args[3], 2))
        || !PyUnicode_Check(PyTuple_GET_ITEM(args[3], 4))
        || !PyDict_Check(PyTuple_GET_ITEM(args[3], 5))) {
        PyErr_SetString(PyExc_TypeError,
                        "furniture_suspects(labelled, texts, found, (stops, follow, sign_up, "
                        "story_end, stamp_first, colon_pairs, relative_words, number_words))");
        return NULL;
    }
    PyObject *const *rules = &PyTuple_GET_ITEM(args[3], 0);
    for (int r = 1; r <= 2; r++)
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(rules[r]); k++)
            if (!PyUnicode_Check(PyTuple_GET_ITEM(rules[r], k))) {
                PyErr_SetString(PyExc_TypeError, "furniture_suspects: parts are str");
                return NULL;
            }
    Suspects context = {args[0], NULL, rules, {0, 0}};
    for (int k = 0; k < 2; k++)
        if ((context.words[k] = PyLong_AsSsize_t(rules[6 + k])) == -1 && PyErr_Occurred())
            return NULL;
    return suspects(args[1], args[2], "furniture_suspects: texts a sequence",
                    "furniture_suspects: found a sequence", &context, furniture_suspect_of);
}

static PyObject *comment_suspects(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyDict_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "comment_suspects(texts, found, pairs)");
        return NULL;
    }
    Suspects context = {NULL, args[2], NULL, {0, 0}};
    return suspects(args[0], args[1], "comment_suspects: texts a sequence",
                    "comment_suspects: found a sequence", &context, comment_suspect_of);
}

/* stories(type, names, kind, items) -> [type(kind, feed=item, lines=item.lines) for item in
 * items]: pipeline.analyse's feed stories (records.Story), each made as its frozen dataclass's
 * __init__ makes it (__new__, then object.__setattr__ of each field in `names`' order: kind,
 * article, feed, text, lines) when feed.STORY_FIELDS says that is what it does. */
static PyObject *stories(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4 || !PyType_Check(args[0]) || !PyTuple_Check(args[1])
        || PyTuple_GET_SIZE(args[1]) != 5) {
        PyErr_SetString(PyExc_TypeError, "stories(type, names: 5 fields, kind, items)");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)args[0];
    PyObject *names = args[1], *kind = args[2];
    for (Py_ssize_t k = 0; k < 5; k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(names, k))) {
            PyErr_SetString(PyExc_TypeError, "stories: field names must be str");
            return NULL;
        }
    PyObject *seq = PySequence_Fast(args[3], "stories: items must be a sequence");
    if (!seq)
        return NULL;
    Py_ssize_t offsets[5] = {-2, -2, -2, -2, -2}; /* (set_fields') */
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *out = PyList_New(n);
    if (!out) {
        Py_DECREF(seq);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *lines = PyObject_GetAttr(item, name_lines);
        if (!lines)
            goto fail;
        PyObject *values[5] = {kind, Py_None, item, Py_None, lines};
        PyObject *story = type->tp_new(type, empty_args, NULL);
        if (story && Py_TYPE(story) != type) /* (offsets are the type's) */
            for (int k = 0; k < 5; k++)
                offsets[k] = -1;
        if (story && set_fields(story, names, values, 5, offsets) < 0)
            Py_CLEAR(story);
        Py_DECREF(lines);
        if (!story)
            goto fail;
        PyList_SET_ITEM(out, i, story);
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_DECREF(seq);
    Py_DECREF(out);
    return NULL;
}

/* article_ends(labelled, article) -> (first, last) | None: the indexes of the first and of the
 * last of `labelled` whose .label is `article` (None when none is): pipeline.analyse's article
 * span, feed._article_ends (the reference). The labels are read in the reference's order (from
 * the start to the first, then from the end to the last), by their slot when lb is of the first
 * one's type. */
static PyObject *article_ends(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "article_ends(labelled, article)");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(args[0], "article_ends: a sequence of LabelledBlock");
    if (!seq)
        return NULL;
    Py_ssize_t ends[2] = {-1, -1};
    Slots lbs = {NULL, {-1, -1, -1}};
    for (int side = 0; side < 2; side++) {
        Py_ssize_t step = side ? -1 : 1, i = side ? PySequence_Fast_GET_SIZE(seq) - 1 : 0;
        /* (the size read again each step: a label's getter could change a list) */
        for (; side ? i >= ends[0] : i >= 0; i += step) {
            if (i >= PySequence_Fast_GET_SIZE(seq))
                break;
            PyObject *lb = PySequence_Fast_GET_ITEM(seq, i);
            if (!lbs.type)
                slots_of(&lbs, lb, name_label, NULL, NULL);
            PyObject *label = slot_get(lb, &lbs, 0, name_label);
            if (!label) {
                Py_DECREF(seq);
                return NULL;
            }
            int is = label == args[1];
            Py_DECREF(label);
            if (is) {
                ends[side] = i;
                break;
            }
        }
        if (ends[0] < 0)
            break; /* (none: no last either) */
    }
    Py_DECREF(seq);
    if (ends[0] < 0 || ends[1] < 0)
        Py_RETURN_NONE;
    return Py_BuildValue("(nn)", ends[0], ends[1]);
}

/* ---- find_feed's post-pass: the comments and the labelled lists dropped, in one call each ----
 *
 *   drop_comments(texts, found, pairs, intro, after) -> list | None: find_feed's comment
 *     filter (feed._drop_comments, the reference): `found` without the items that
 *     feed.is_comment says are a reader's comment, tested only where comment_suspects' cheap
 *     tests pass (`pairs`: COMMENT_AFTER_PAIRS; `intro`, `after`: COMMENT_INTRO.match and
 *     COMMENT_AFTER.match, called there as is_comment calls them). None (the caller runs the
 *     reference) where an entry is not (first, last, item) inside `texts` or a line is not a
 *     str.
 *   drop_lists(rules, found, texts, free, words) -> list | None: feed.drop_labelled_lists (the
 *     reference) with feed.list_label's tests on characters and counts here (`words`: each
 *     text's feed.word_count, as find_feed has them) and AD_LABEL.search, is_enumeration
 *     called where the reference calls them (rules: feed.LIST_RULES, the L_* below). None
 *     (the caller runs the reference) where an entry is not (first, last, item) with
 *     0 <= first < len(texts), -1 <= last < len(texts), or a line is not a str.
 */

enum { L_AD_SEARCH, L_ENUMERATION, L_AD_PARTS, L_REACH, L_SCAN, L_KICKER, L_GLUE, L_ADS_MIN,
       L_SIZE };

/* text.endswith((":", "：")) */
static inline int ends_label(PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0)
        return 0;
    Py_UCS4 c = PyUnicode_READ_CHAR(text, n - 1);
    return c == ':' || c == 0xff1a;
}

/* feed.is_comment(texts, first, last) (texts: n str; 0 <= first <= n, last >= -1): 1, 0, -1
 * on an error */
static int is_comment_at(PyObject *const *texts, Py_ssize_t n, Py_ssize_t first,
                         Py_ssize_t last, PyObject *pairs, PyObject *intro, PyObject *after) {
    PyObject *before = first > 0 ? texts[first - 1] : s_empty;
    Py_ssize_t end = PyUnicode_GET_LENGTH(before);
    if (end > 0 && PyUnicode_READ_CHAR(before, end - 1) == '\n')
        end--; /* (feed.tail) */
    int yes = 0;
    if (end > 0) {
        Py_UCS4 c = PyUnicode_READ_CHAR(before, end - 1);
        if ((c == ':' || c == 0xff1a) && (yes = found(intro, before, 0)) != 0)
            return yes;
    }
    /* (COMMENT_AFTER only where its first two characters may stand: comment_suspect's test) */
    if ((yes = paired(before, pairs)) > 0)
        yes = found(after, before, 0);
    for (Py_ssize_t k = last + 1; !yes && k < last + 3 && k < n; k++)
        if ((yes = paired(texts[k], pairs)) > 0)
            yes = found(after, texts[k], 0);
    return yes;
}

static PyObject *drop_comments(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 5 || !PyDict_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "drop_comments(texts, found, pairs, intro, after)");
        return NULL;
    }
    PyObject *texts = PySequence_Fast(args[0], "drop_comments: texts a sequence");
    if (!texts)
        return NULL;
    PyObject *seq = PySequence_Fast(args[1], "drop_comments: found a sequence");
    if (!seq) {
        Py_DECREF(texts);
        return NULL;
    }
    PyObject *const *items = PySequence_Fast_ITEMS(texts);
    Py_ssize_t n = PySequence_Fast_GET_SIZE(texts), m = PySequence_Fast_GET_SIZE(seq);
    PyObject *out = NULL;
    for (Py_ssize_t k = 0; k < n; k++)
        if (!PyUnicode_Check(items[k]))
            goto none;
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_ssize_t first, last;
        PyObject *item;
        if (found_entry(PySequence_Fast_GET_ITEM(seq, k), &first, &last, &item) < 0
            || first < 0 || first > n || last < -1)
            goto none;
    }
    if (!(out = PyList_New(0)))
        goto done;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *entry = PySequence_Fast_GET_ITEM(seq, k);
        Py_ssize_t first = 0, last = 0;
        PyObject *item;
        found_entry(entry, &first, &last, &item); /* (checked above) */
        int yes = comment_suspect(items, n, entry, args[2]);
        if (yes > 0)
            yes = is_comment_at(items, n, first, last, args[2], args[3], args[4]);
        if (yes < 0 || (!yes && PyList_Append(out, entry) < 0)) {
            Py_CLEAR(out);
            goto done;
        }
    }
    goto done;
none:
    out = Py_NewRef(Py_None);
done:
    Py_DECREF(texts);
    Py_DECREF(seq);
    return out;
}

/* feed.list_label(texts, free, first) (0 <= first < n): 1 and *label (borrowed) where there
 * is one, 0 where not, -1 on an error */
static int lists_label(PyObject *const *rules, const Py_ssize_t *sizes, PyObject *const *texts,
                       const char *free, const Py_ssize_t *words, Py_ssize_t first,
                       PyObject **label) {
    PyObject *ad = NULL;
    Py_ssize_t ads = 0;
    int boxed = 1; /* (until the line right above says otherwise) */
    for (Py_ssize_t k = first - 1; k >= 0 && first - k <= sizes[L_SCAN] && free[k]; k--) {
        PyObject *text = texts[k];
        if (ends_label(text)) {
            *label = text;
            return 1;
        }
        if (words[k] > sizes[L_KICKER])
            break;
        if (!boxed)
            continue;
        int yes = 0;
        if (words[k] <= sizes[L_GLUE]) {
            yes = PyUnicode_IS_ASCII(text) ? lower_has_any(text, rules[L_AD_PARTS]) : 1;
            if (yes > 0)
                yes = found(rules[L_AD_SEARCH], text, 0);
            if (yes < 0)
                return -1;
        }
        if (yes) {
            if (!ads++)
                ad = text;
        } else if (k == first - 1)
            boxed = 0; /* the line right above is not an ad label: this list is no ad box */
    }
    if (boxed && ads >= sizes[L_ADS_MIN]) {
        *label = ad;
        return 1;
    }
    return 0;
}

/* whether the group's items (found[start:stop]) keep their list under `label` (feed.
 * drop_labelled_lists): 1, 0, -1 on an error */
static int keeps_list(PyObject *const *rules, PyObject *label, PyObject *seq, Py_ssize_t start,
                      Py_ssize_t stop) {
    int yes = found(rules[L_AD_SEARCH], label, 0);
    if (yes)
        return yes < 0 ? -1 : 0; /* an ad box: none stays */
    if ((yes = found(rules[L_ENUMERATION], label, 1)) <= 0)
        return yes < 0 ? -1 : 1;
    for (Py_ssize_t k = start; k < stop; k++) { /* entries with times or summaries: stories */
        PyObject *item = PyTuple_GET_ITEM(PySequence_Fast_GET_ITEM(seq, k), 2);
        PyObject *names[2] = {name_time, name_summary};
        for (int f = 0; f < 2; f++) {
            PyObject *value = PyObject_GetAttr(item, names[f]);
            if (!value)
                return -1;
            Py_DECREF(value);
            if (value != Py_None)
                return 1;
        }
    }
    return 0;
}

static PyObject *drop_lists(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 5 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != L_SIZE
        || !PyTuple_Check(PyTuple_GET_ITEM(args[0], L_AD_PARTS))) {
        PyErr_SetString(PyExc_TypeError, "drop_lists(rules, found, texts, free, words)");
        return NULL;
    }
    PyObject *const *rules = &PyTuple_GET_ITEM(args[0], 0);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(rules[L_AD_PARTS]); k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(rules[L_AD_PARTS], k))) {
            PyErr_SetString(PyExc_TypeError, "drop_lists: AD_LABEL_PARTS are str");
            return NULL;
        }
    Py_ssize_t sizes[L_SIZE] = {0};
    for (int r = L_REACH; r < L_SIZE; r++)
        if ((sizes[r] = PyLong_AsSsize_t(rules[r])) == -1 && PyErr_Occurred())
            return NULL;
    PyObject *seq = NULL, *texts = NULL, *counts = NULL, *out = NULL;
    char *free = NULL;
    Py_ssize_t *words = NULL;
    if (!(seq = PySequence_Fast(args[1], "drop_lists: found a sequence"))
        || !(texts = PySequence_Fast(args[2], "drop_lists: texts a sequence"))
        || !(counts = PySequence_Fast(args[4], "drop_lists: words a sequence")))
        goto done;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(texts), m = PySequence_Fast_GET_SIZE(seq);
    PyObject *const *items = PySequence_Fast_ITEMS(texts);
    if (PySequence_Fast_GET_SIZE(counts) != n) {
        PyErr_SetString(PyExc_ValueError, "drop_lists: texts, free, words of one size");
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        if (!PyUnicode_Check(items[k]))
            goto none;
    Py_ssize_t *bounds = NULL; /* first, last of each entry (in `words`' room after n) */
    if (!(free = PyMem_Malloc((size_t)n + 1))
        || !(words = PyMem_Malloc(((size_t)n + 2 * (size_t)m + 1) * sizeof(Py_ssize_t)))) {
        PyErr_NoMemory();
        goto done;
    }
    bounds = words + n;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *item;
        if (found_entry(PySequence_Fast_GET_ITEM(seq, k), &bounds[2 * k], &bounds[2 * k + 1],
                        &item)
                < 0
            || bounds[2 * k] < 0 || bounds[2 * k] >= n || bounds[2 * k + 1] < -1
            || bounds[2 * k + 1] >= n)
            goto none;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        if ((words[k] = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(counts, k))) == -1
            && PyErr_Occurred())
            goto done;
    if (truths(args[3], n, free, "drop_lists: free") < 0 || !(out = PyList_New(0)))
        goto done;
    for (Py_ssize_t start = 0; start < m;) {
        Py_ssize_t stop = start + 1, last = bounds[2 * start + 1];
        while (stop < m) { /* (same_list: a few blocks apart, no label's line between) */
            Py_ssize_t first = bounds[2 * stop];
            if (first - last > sizes[L_REACH] + 1)
                break;
            int label = 0;
            for (Py_ssize_t k = last + 1; k < first && !label; k++)
                label = ends_label(items[k]);
            if (label)
                break;
            last = bounds[2 * stop + 1];
            stop++;
        }
        PyObject *label = NULL;
        int keep = lists_label(rules, sizes, items, free, words, bounds[2 * start], &label);
        if (keep > 0)
            keep = keeps_list(rules, label, seq, start, stop);
        else if (keep == 0)
            keep = 1; /* (no label) */
        if (keep < 0) {
            Py_CLEAR(out);
            goto done;
        }
        for (Py_ssize_t k = start; keep && k < stop; k++)
            if (PyList_Append(out, PySequence_Fast_GET_ITEM(seq, k)) < 0) {
                Py_CLEAR(out);
                goto done;
            }
        start = stop;
    }
    goto done;
none:
    out = Py_NewRef(Py_None);
done:
    Py_XDECREF(seq);
    Py_XDECREF(texts);
    Py_XDECREF(counts);
    PyMem_Free(free);
    PyMem_Free(words);
    return out;
}

/* page_stories(type, names, feed_kind, items, article_kind, article, span) -> tuple | None:
 * pipeline.analyse's stories of a page whose article has a span (without boilerplate): the
 * article's story (type(article_kind, article=article, lines=span)) and each item's
 * (type(feed_kind, feed=item, lines=item.lines)), in the order of its sort by
 * (lines[0], kind != "article"): where the items stand in order of lines[0] already (as
 * find_feed gives them), the article's story goes before the first item whose lines[0] is
 * not below span[0]. Each story is made as `stories` makes it (names: feed.STORY_FIELDS).
 * None (the caller sorts) where an item's lines or span is not a tuple starting with an int
 * of 64 bits, or the items are not in that order. */
static PyObject *make_story(PyTypeObject *type, PyObject *names, PyObject *kind,
                            PyObject *article, PyObject *feed, PyObject *lines,
                            Py_ssize_t *offsets) {
    PyObject *values[5] = {kind, article, feed, Py_None, lines};
    PyObject *story = type->tp_new(type, empty_args, NULL);
    if (story && Py_TYPE(story) != type) /* (offsets are the type's) */
        for (int k = 0; k < 5; k++)
            offsets[k] = -1;
    if (story && set_fields(story, names, values, 5, offsets) < 0)
        Py_CLEAR(story);
    return story;
}

/* lines[0] of a tuple of exact ints: 1 and *at, 0 where not such a tuple (or too big) */
static int first_line(PyObject *lines, long long *at) {
    if (!PyTuple_CheckExact(lines) || PyTuple_GET_SIZE(lines) < 1
        || !PyLong_CheckExact(PyTuple_GET_ITEM(lines, 0)))
        return 0;
    int overflow = 0;
    *at = PyLong_AsLongLongAndOverflow(PyTuple_GET_ITEM(lines, 0), &overflow);
    if (*at == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return !overflow;
}

static PyObject *page_stories(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 7 || !PyType_Check(args[0]) || !PyTuple_Check(args[1])
        || PyTuple_GET_SIZE(args[1]) != 5) {
        PyErr_SetString(PyExc_TypeError, "page_stories(type, names: 5 fields, feed_kind, items, "
                                         "article_kind, article, span)");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)args[0];
    PyObject *names = args[1], *span = args[6];
    for (Py_ssize_t k = 0; k < 5; k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(names, k))) {
            PyErr_SetString(PyExc_TypeError, "page_stories: field names must be str");
            return NULL;
        }
    long long start, previous = 0;
    if (!first_line(span, &start))
        Py_RETURN_NONE;
    PyObject *seq = PySequence_Fast(args[3], "page_stories: items must be a sequence");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), at = n;
    PyObject *out = NULL;
    PyObject **spans = PyMem_Calloc((size_t)n + 1, sizeof(PyObject *));
    if (!spans) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) { /* (each item's lines, read once) */
        if (!(spans[i] = PyObject_GetAttr(PySequence_Fast_GET_ITEM(seq, i), name_lines)))
            goto done;
        long long line;
        if (!first_line(spans[i], &line) || (i && line < previous)) {
            out = Py_NewRef(Py_None); /* (not in order: the caller sorts) */
            goto done;
        }
        if (at == n && line >= start)
            at = i;
        previous = line;
    }
    if (!(out = PyTuple_New(n + 1)))
        goto done;
    Py_ssize_t offsets[5] = {-2, -2, -2, -2, -2}; /* (set_fields') */
    for (Py_ssize_t i = 0, k = 0; i <= n; i++) {
        PyObject *story = i == at
                            ? make_story(type, names, args[4], args[5], Py_None, span, offsets)
                            : make_story(type, names, args[2], Py_None,
                                         PySequence_Fast_GET_ITEM(seq, k), spans[k], offsets);
        if (!story) {
            Py_CLEAR(out);
            goto done;
        }
        k += i != at;
        PyTuple_SET_ITEM(out, i, story);
    }
done:
    if (spans)
        for (Py_ssize_t i = 0; i < n; i++)
            Py_XDECREF(spans[i]);
    PyMem_Free(spans);
    Py_DECREF(seq);
    return out;
}

/* ---- split's records: a page's stories as JSON lines, in one call ----
 *
 *   story_lines(names, dumps, doc, source, url, stories) -> bytes | None: records.story_lines'
 *     reference (to_json_lines of PageInfo(doc, source, url).story_record(i, story) of each
 *     story), written here as orjson writes it with OPT_APPEND_NEWLINE: compact, the keys in
 *     story_record's order, each str as UTF-8 with '"', '\\' and the characters below U+0020
 *     escaped (\b \t \n \f \r, else \u00xx in lower-case hex), each record followed by "\n".
 *     `names`: records.STORY_NAMES, the attributes read (kind, article, feed, text, title,
 *     authors, published, lang, words, caption, summary, time, url, key: the S_* below);
 *     `dumps`: orjson.dumps, which writes the long strings of UCS2 or UCS4 (json_str).
 *     None wherever a value is not what the records hold (an exact str, None, an exact int of
 *     64 bits, a tuple or list of exact str as authors) or a str has a lone surrogate (no
 *     UTF-8): the caller takes the reference path then, which raises orjson's error if any.
 */

enum {
    S_KIND, S_ARTICLE, S_FEED, S_TEXT, S_TITLE, S_AUTHORS, S_PUBLISHED, S_LANG, S_WORDS,
    S_CAPTION, S_SUMMARY, S_TIME, S_URL, S_KEY, S_SIZE
};

typedef struct {
    char *data;
    Py_ssize_t size, cap;
    PyObject *dumps; /* orjson.dumps: what writes a long str of UCS2 or UCS4 (SIMD, faster) */
    PyObject *const *names; /* records.STORY_NAMES */
    struct {
        PyTypeObject *type;
        Py_ssize_t offsets[S_SIZE]; /* of names' slots in its instances: -2 not looked up yet,
                                     * -1 none (read by PyObject_GetAttr) */
    } types[3];                     /* Story's, Article's and FeedItem's, as they come */
} Json;

/* obj.names[at] (a new reference): its slot read at once where obj's type has one (slot_offset:
 * as PyObject_GetAttr would find it) */
static PyObject *json_get(Json *out, PyObject *obj, int at) {
    PyTypeObject *type = Py_TYPE(obj);
    for (int t = 0; t < 3; t++) {
        if (out->types[t].type == NULL) {
            out->types[t].type = type;
            for (int k = 0; k < S_SIZE; k++)
                out->types[t].offsets[k] = -2;
        } else if (out->types[t].type != type)
            continue;
        Py_ssize_t *offset = &out->types[t].offsets[at];
        if (*offset == -2)
            *offset = slot_offset(type, out->names[at]);
        if (*offset >= 0) {
            PyObject *value = *(PyObject **)((char *)obj + *offset);
            if (value)
                return Py_NewRef(value);
        }
        break;
    }
    return PyObject_GetAttr(obj, out->names[at]); /* (or its AttributeError) */
}

/* room for `more` bytes at the end of out: 0, or -1 (MemoryError) */
static int json_room(Json *out, Py_ssize_t more) {
    if (more > PY_SSIZE_T_MAX / 2 - out->size) {
        PyErr_NoMemory();
        return -1;
    }
    if (out->size + more <= out->cap)
        return 0;
    Py_ssize_t cap = out->cap * 2;
    if (cap < out->size + more)
        cap = out->size + more + 1024;
    char *data = PyMem_Realloc(out->data, (size_t)cap);
    if (!data) {
        PyErr_NoMemory();
        return -1;
    }
    out->data = data;
    out->cap = cap;
    return 0;
}

static int json_raw(Json *out, const char *text, Py_ssize_t size) {
    if (json_room(out, size) < 0)
        return -1;
    memcpy(out->data + out->size, text, (size_t)size);
    out->size += size;
    return 0;
}

#define JSON_RAW(out, literal) json_raw((out), (literal), (Py_ssize_t)sizeof(literal) - 1)

/* an ASCII character below U+0080 as orjson writes it inside a string (at p; the end) */
static inline char *json_ascii(char *p, Py_UCS4 c) {
    static const char hex[] = "0123456789abcdef";
    if (c >= 0x20 && c != '"' && c != '\\') {
        *p++ = (char)c;
        return p;
    }
    *p++ = '\\';
    switch (c) {
    case '"': *p++ = '"'; break;
    case '\\': *p++ = '\\'; break;
    case '\b': *p++ = 'b'; break;
    case '\t': *p++ = 't'; break;
    case '\n': *p++ = 'n'; break;
    case '\f': *p++ = 'f'; break;
    case '\r': *p++ = 'r'; break;
    default:
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = hex[c >> 4];
        *p++ = hex[c & 15];
    }
    return p;
}

/* a character as orjson writes it inside a string (at p; the end), NULL for a surrogate */
static inline char *json_char(char *p, Py_UCS4 c) {
    if (c < 0x80)
        return json_ascii(p, c);
    if (c < 0x800) {
        *p++ = (char)(0xc0 | c >> 6);
        *p++ = (char)(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        if (c >= 0xd800 && c <= 0xdfff)
            return NULL; /* (orjson: "str is not valid UTF-8: surrogates not allowed") */
        *p++ = (char)(0xe0 | c >> 12);
        *p++ = (char)(0x80 | (c >> 6 & 0x3f));
        *p++ = (char)(0x80 | (c & 0x3f));
    } else {
        *p++ = (char)(0xf0 | c >> 18);
        *p++ = (char)(0x80 | (c >> 12 & 0x3f));
        *p++ = (char)(0x80 | (c >> 6 & 0x3f));
        *p++ = (char)(0x80 | (c & 0x3f));
    }
    return p;
}

#define JSON_DUMPS_MIN 32 /* a str of UCS2 or UCS4 this long: orjson.dumps writes it */

/* the str `text` as a JSON string: 1, 0 (a lone surrogate: no UTF-8), -1 on an error; runs
 * of 16 (UCS1) or 8 (UCS2) plain ASCII characters (" " to "~" but '"' and '\\') are copied as
 * they are, a str of UCS2 or UCS4 of JSON_DUMPS_MIN characters or more is out->dumps' (its
 * UTF-8 encoder is vectorised: ~4x faster on Cyrillic, where each character is 2 bytes) */
static int json_str(Json *out, PyObject *text) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n > (PY_SSIZE_T_MAX / 2 - 16) / 6) {
        PyErr_NoMemory();
        return -1;
    }
    int kind = PyUnicode_KIND(text);
    if (kind != PyUnicode_1BYTE_KIND && n >= JSON_DUMPS_MIN) {
        PyObject *dumped = PyObject_CallOneArg(out->dumps, text);
        if (!dumped || !PyBytes_Check(dumped)) { /* (a lone surrogate: orjson's error) */
            Py_XDECREF(dumped);
            PyErr_Clear();
            return 0;
        }
        int done = json_raw(out, PyBytes_AS_STRING(dumped), PyBytes_GET_SIZE(dumped));
        Py_DECREF(dumped);
        return done < 0 ? -1 : 1;
    }
    if (json_room(out, 6 * n + 2) < 0) /* (6 bytes a character at most: "\u001f") */
        return -1;
    char *p = out->data + out->size;
    *p++ = '"';
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t i = 0;
    const __m128i quote8 = _mm_set1_epi8('"'), slash8 = _mm_set1_epi8('\\');
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = (const Py_UCS1 *)data;
        const __m128i space = _mm_set1_epi8(0x20);
        while (i < n) {
            if (i + 16 <= n) {
                __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
                /* (signed bytes: 0x80 and over are negative, below " " as the controls) */
                __m128i bad = _mm_or_si128(_mm_cmpgt_epi8(space, v),
                                           _mm_or_si128(_mm_cmpeq_epi8(v, quote8),
                                                        _mm_cmpeq_epi8(v, slash8)));
                unsigned mask = (unsigned)_mm_movemask_epi8(bad);
                _mm_storeu_si128((__m128i *)p, v); /* (room: 6 bytes a character left) */
                if (!mask) {
                    p += 16;
                    i += 16;
                    continue;
                }
                int plain = __builtin_ctz(mask); /* (the plain characters before the first) */
                p += plain;
                i += plain;
            }
            p = json_char(p, s[i++]); /* (no surrogate in UCS1) */
        }
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = (const Py_UCS2 *)data;
        const __m128i space = _mm_set1_epi16(0x20), span = _mm_set1_epi16(0x5f),
                      quote = _mm_set1_epi16('"'), slash = _mm_set1_epi16('\\'),
                      zero = _mm_setzero_si128();
        while (i < n) {
            if (i + 8 <= n) {
                __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
                /* (" " to DEL: c - 0x20 <= 0x5f unsigned, saturated to 0 when so) */
                __m128i plain = _mm_cmpeq_epi16(
                    _mm_subs_epu16(_mm_sub_epi16(v, space), span), zero);
                __m128i bad = _mm_or_si128(_mm_cmpeq_epi16(v, quote), _mm_cmpeq_epi16(v, slash));
                unsigned mask = ~(unsigned)_mm_movemask_epi8(_mm_andnot_si128(bad, plain))
                              & 0xffffu;
                _mm_storel_epi64((__m128i *)p, _mm_packus_epi16(v, v)); /* (room: as above) */
                if (!mask) {
                    p += 8;
                    i += 8;
                    continue;
                }
                int before = __builtin_ctz(mask) / 2; /* (the plain characters before it) */
                p += before;
                i += before;
            }
            if (!(p = json_char(p, s[i++])))
                return 0;
        }
    } else {
        const Py_UCS4 *s = (const Py_UCS4 *)data;
        for (; i < n; i++)
            if (!(p = json_char(p, s[i])))
                return 0;
    }
    *p++ = '"';
    out->size = p - out->data;
    return 1;
}

/* a record's value: an exact str or None (1), or 0 (not such a value, or no UTF-8), -1 on
 * an error */
static int json_text(Json *out, PyObject *value) {
    if (value == Py_None)
        return JSON_RAW(out, "null") < 0 ? -1 : 1;
    if (!PyUnicode_CheckExact(value))
        return 0;
    return json_str(out, value);
}

/* v in decimal (as "%lld" writes it) into digits (24 bytes at least): its size */
static int json_digits(char *digits, long long v) {
    char tmp[24];
    int size = 0, at = 0;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[size++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        digits[at++] = '-';
    while (size)
        digits[at++] = tmp[--size];
    return at;
}

/* an exact int of 64 bits: 1, 0 (not one), -1 on an error */
static int json_int(Json *out, PyObject *value) {
    if (!PyLong_CheckExact(value))
        return 0;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow)
        return 0;
    char digits[32];
    int size = json_digits(digits, v);
    return json_raw(out, digits, size) < 0 ? -1 : 1;
}

/* `key` (a literal with its quotes and colon, after a comma) and obj.names[at] as json_text
 * writes it: 1, 0, -1 as it */
static int json_field(Json *out, const char *key, PyObject *obj, PyObject *const *names,
                      int at) {
    if (json_raw(out, key, (Py_ssize_t)strlen(key)) < 0)
        return -1;
    PyObject *value = json_get(out, obj, at);
    if (!value)
        return -1;
    int yes = json_text(out, value);
    Py_DECREF(value);
    return yes;
}

/* the article's fields of story_record (Article.to_dict's): 1, 0, -1 as json_text */
static int json_article(Json *out, PyObject *article, PyObject *const *names) {
    int yes = json_field(out, ",\"title\":", article, names, S_TITLE);
    if (yes <= 0)
        return yes;
    if (JSON_RAW(out, ",\"authors\":[") < 0)
        return -1;
    PyObject *authors = json_get(out, article, S_AUTHORS);
    if (!authors)
        return -1;
    yes = PyTuple_CheckExact(authors) || PyList_CheckExact(authors);
    for (Py_ssize_t k = 0; yes > 0 && k < PySequence_Fast_GET_SIZE(authors); k++) {
        PyObject *name = PySequence_Fast_GET_ITEM(authors, k);
        if (k && JSON_RAW(out, ",") < 0)
            yes = -1;
        else
            yes = PyUnicode_CheckExact(name) ? json_str(out, name) : 0;
    }
    Py_DECREF(authors);
    if (yes <= 0)
        return yes;
    if (JSON_RAW(out, "]") < 0)
        return -1;
    if ((yes = json_field(out, ",\"published\":", article, names, S_PUBLISHED)) <= 0
        || (yes = json_field(out, ",\"lang\":", article, names, S_LANG)) <= 0
        || (yes = json_field(out, ",\"text\":", article, names, S_TEXT)) <= 0)
        return yes;
    if (JSON_RAW(out, ",\"words\":") < 0)
        return -1;
    PyObject *words = json_get(out, article, S_WORDS);
    if (!words)
        return -1;
    yes = json_int(out, words);
    Py_DECREF(words);
    if (yes <= 0)
        return yes;
    return json_field(out, ",\"caption\":", article, names, S_CAPTION);
}

/* the feed item's fields of story_record: 1, 0, -1 as json_text */
static int json_feed(Json *out, PyObject *feed, PyObject *const *names) {
    int yes;
    if ((yes = json_field(out, ",\"title\":", feed, names, S_TITLE)) <= 0
        || (yes = json_field(out, ",\"summary\":", feed, names, S_SUMMARY)) <= 0
        || (yes = json_field(out, ",\"time\":", feed, names, S_TIME)) <= 0
        || (yes = json_field(out, ",\"published\":", feed, names, S_PUBLISHED)) <= 0
        || (yes = json_field(out, ",\"url\":", feed, names, S_URL)) <= 0)
        return yes;
    return json_field(out, ",\"key\":", feed, names, S_KEY);
}

/* story_record(index, story) of PageInfo(doc, source, url) (head: its first keys written,
 * up to "index":) and its newline: 1, 0, -1 as json_text */
static int json_story(Json *out, const Json *head, PyObject *doc, PyObject *url,
                      Py_ssize_t index, PyObject *story, PyObject *const *names) {
    char digits[32];
    int size = json_digits(digits, (long long)index);
    if (json_raw(out, head->data, head->size) < 0 || json_raw(out, digits, size) < 0)
        return -1;
    int yes = json_field(out, ",\"kind\":", story, names, S_KIND);
    if (yes <= 0)
        return yes;
    PyObject *article = json_get(out, story, S_ARTICLE);
    if (!article)
        return -1;
    if (article != Py_None) { /* (the page's id again, its url, then Article.to_dict's) */
        yes = JSON_RAW(out, ",\"id\":") < 0 ? -1 : json_text(out, doc);
        if (yes > 0)
            yes = JSON_RAW(out, ",\"url\":") < 0 ? -1 : json_text(out, url);
        if (yes > 0)
            yes = json_article(out, article, names);
        Py_DECREF(article);
        if (yes <= 0)
            return yes;
        return JSON_RAW(out, "}\n") < 0 ? -1 : 1;
    }
    Py_DECREF(article);
    PyObject *feed = json_get(out, story, S_FEED);
    if (!feed)
        return -1;
    if (feed != Py_None)
        yes = json_feed(out, feed, names);
    else
        yes = json_field(out, ",\"text\":", story, names, S_TEXT);
    Py_DECREF(feed);
    if (yes <= 0)
        return yes;
    return JSON_RAW(out, "}\n") < 0 ? -1 : 1;
}

static PyObject *story_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 6 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != S_SIZE
        || !PyCallable_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError,
                        "story_lines(names, dumps, doc, source, url, stories)");
        return NULL;
    }
    PyObject *const *names = &PyTuple_GET_ITEM(args[0], 0);
    for (int k = 0; k < S_SIZE; k++)
        if (!PyUnicode_Check(names[k])) {
            PyErr_SetString(PyExc_TypeError, "story_lines: names are str");
            return NULL;
        }
    PyObject *doc = args[2], *source = args[3], *url = args[4];
    PyObject *seq = PySequence_Fast(args[5], "story_lines: stories a sequence");
    if (!seq)
        return NULL;
    Json head = {NULL, 0, 0, args[1], names, {{0}}}, out = {NULL, 0, 0, args[1], names, {{0}}};
    PyObject *result = NULL;
    int yes;
    if (JSON_RAW(&head, "{\"doc\":") < 0 || (yes = json_text(&head, doc)) < 0)
        goto done;
    if (!yes)
        goto none;
    if (JSON_RAW(&head, ",\"source\":") < 0 || (yes = json_text(&head, source)) < 0)
        goto done;
    if (!yes)
        goto none;
    if (JSON_RAW(&head, ",\"index\":") < 0 || json_room(&out, 4096) < 0)
        goto done;
    /* (the size read again each step: an attribute's getter could change a list) */
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *story = Py_NewRef(PySequence_Fast_GET_ITEM(seq, i));
        yes = json_story(&out, &head, doc, url, i, story, names);
        Py_DECREF(story);
        if (yes < 0)
            goto done;
        if (!yes)
            goto none;
    }
    result = PyBytes_FromStringAndSize(out.data, out.size);
    goto done;
none:
    result = Py_NewRef(Py_None);
done:
    Py_DECREF(seq);
    PyMem_Free(head.data);
    PyMem_Free(out.data);
    return result;
}

/* sha1_hex16(data, ni): the first 8 bytes of SHA-1(data) in hexadecimal, by the SHA-NI block
 * function if ni (None where this processor or build has none), else by the scalar one: for the
 * tests (hashlib.sha1 the oracle) */
static PyObject *sha1_hex16_call(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    Py_buffer view;
    int ni;
    if (nargs != 2 || !PyBytes_Check(args[0]) || (ni = PyObject_IsTrue(args[1])) < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "sha1_hex16(data: bytes, ni: bool)");
        return NULL;
    }
#ifdef HAVE_SHA1_NI
    if (ni && !sha1_ni_here())
        Py_RETURN_NONE;
#else
    if (ni)
        Py_RETURN_NONE;
#endif
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0)
        return NULL;
    char hex[16];
    sha1_hex16_by((const unsigned char *)view.buf, view.len, hex, ni);
    PyBuffer_Release(&view);
    return PyUnicode_FromStringAndSize(hex, 16);
}

static PyMethodDef methods[] = {
    {"not_title_gate", (PyCFunction)(void (*)(void))not_title_gate, METH_FASTCALL,
     "not_title_gate(title_rules, text) -> bool: False only where NOT_TITLE_START cannot match"},
    {"date_gates", date_gates, METH_O,
     "date_gates(text) -> int: 1 where feed.split_date(text) may find a date, 2 where "
     "dates.is_time_line(text) may be true, 4 where dates.find_dates(text) may find one"},
    {"lines", lines, METH_VARARGS, "Texts, free flags, digits and word counts (see the file)."},
    {"word_count", word_count, METH_O, "feed.word_count."},
    {"has_digit", has_digit, METH_O, "feed.has_digit."},
    {"has_wide", has_wide, METH_O, "feed.has_wide."},
    {"shape", shape, METH_O, "feed.shape."},
    {"letters", letters, METH_O, "feed.letters."},
    {"word_text", word_text, METH_O, "feed.word_text."},
    {"lower_word", lower_word, METH_O, "feed.lower_word."},
    {"title_facts", title_facts, METH_O, "feed.title_facts."},
    {"edge_words", edge_words, METH_VARARGS, "feed.edge_words."},
    {"menu_facts", menu_facts, METH_O, "feed.menu_facts."},
    {"has_any", (PyCFunction)(void (*)(void))has_any, METH_FASTCALL, "Whether one of parts is in text."},
    {"title_verdict", (PyCFunction)(void (*)(void))title_verdict, METH_FASTCALL, "feed.is_title (see the file)."},
    {"word_start_match", word_start_match, METH_VARARGS, "A pattern at a word's start (see the file)."},
    {"hints", hints, METH_O, "Which of the hints title_verdict tests match (see the file)."},
    {"regex_gates", regex_gates, METH_O,
     "contact_gate | credit_gate << 2: what title_verdict tells of CONTACT and CREDIT."},
    {"pattern_facts", pattern_facts, METH_O, "CLOCK, TRAILING_COUNT, SENTENCE_BREAK on characters (see the file)."},
    {"strip_label", (PyCFunction)(void (*)(void))strip_label_call, METH_FASTCALL, "feed.strip_label (see the file)."},
    {"headlines", (PyCFunction)(void (*)(void))headlines, METH_FASTCALL, "find_feed's headlines (see the file)."},
    {"items", (PyCFunction)(void (*)(void))items, METH_FASTCALL, "find_feed's item loop (see the file)."},
    {"stories", (PyCFunction)(void (*)(void))stories, METH_FASTCALL, "analyse's feed stories (see the file)."},
    {"article_ends", (PyCFunction)(void (*)(void))article_ends, METH_FASTCALL, "The first and last article blocks (see the file)."},
    {"story_key", story_key_call, METH_O, "feed.story_key."},
    {"lower", lower_call, METH_O, "str.lower (see the file)."},
    {"comment_suspects", (PyCFunction)(void (*)(void))comment_suspects, METH_FASTCALL, "Which found items may be a comment (see the file)."},
    {"furniture_suspects", (PyCFunction)(void (*)(void))furniture_suspects, METH_FASTCALL, "Which found items may be furniture (see the file)."},
    /* (feeditems, session 18: split's records) */
    {"story_lines", (PyCFunction)(void (*)(void))story_lines, METH_FASTCALL, "A page's story records as JSON lines (see the file)."},
    {"drop_comments", (PyCFunction)(void (*)(void))drop_comments, METH_FASTCALL, "find_feed's comment filter (see the file)."},
    {"drop_lists", (PyCFunction)(void (*)(void))drop_lists, METH_FASTCALL, "feed.drop_labelled_lists (see the file)."},
    {"page_stories", (PyCFunction)(void (*)(void))page_stories, METH_FASTCALL, "analyse's stories of a page, in order (see the file)."},
    /* (feed4, session 18 round 2) */
    {"sha1_hex16", (PyCFunction)(void (*)(void))sha1_hex16_call, METH_FASTCALL, "The first 8 bytes of SHA-1(data) in hexadecimal, scalar or SHA-NI (tests)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_feed", NULL, -1, methods};

PyMODINIT_FUNC PyInit__feed(void) {
    for (int c = 0; c < 256; c++)
        ucs1_class[c] = Py_UNICODE_ISSPACE(c) ? 0 : decimal(c) ? 3 : 1;
    if (!(name_block = PyUnicode_InternFromString("block"))
        || !(name_text = PyUnicode_InternFromString("text"))
        || !(name_label = PyUnicode_InternFromString("label"))
        || !(name_index = PyUnicode_InternFromString("index"))
        || !(name_reason = PyUnicode_InternFromString("reason"))
        || !(name_strip = PyUnicode_InternFromString("strip"))
        || !(name_lower = PyUnicode_InternFromString("lower"))
        || !(name_start = PyUnicode_InternFromString("start"))
        || !(s_getty = PyUnicode_FromString("getty"))
        || !(s_hutter = PyUnicode_FromString("hutter"))
        || !(s_picture = PyUnicode_FromString("\xe5\x9b\xbe" /* 图 */))
        || !(s_photography = PyUnicode_FromString("\xe6\x91\x84\xe5\xbd\xb1" /* 摄影 */))
        || !(s_phone = PyUnicode_FromString("\xe7\x94\xb5\xe8\xaf\x9d" /* 电话 */))
        || !(s_empty = PyUnicode_FromString(""))
        || !(name_time = PyUnicode_InternFromString("time"))
        || !(name_title = PyUnicode_InternFromString("title"))
        || !(s_space = PyUnicode_FromString(" "))
        || !(name_title_attr = PyUnicode_InternFromString("title"))
        || !(name_time_attr = PyUnicode_InternFromString("time"))
        || !(name_lines = PyUnicode_InternFromString("lines"))
        || !(name_summary = PyUnicode_InternFromString("summary"))
        || !(name_published = PyUnicode_InternFromString("published"))
        || !(name_key = PyUnicode_InternFromString("key"))
        || !(item_names = PyTuple_Pack(6, name_title, name_summary, name_time, name_published,
                                       name_key, name_lines))
        || !(empty_args = PyTuple_New(0)))
        return NULL;
    return PyModule_Create(&module);
}
