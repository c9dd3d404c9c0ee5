/* What newsdump.revise reads of every block, compiled: one pass over the labelled blocks
 * instead of a few list comprehensions, and per block a few facts that tell the rules which
 * blocks they can fire on. newsdump.revise._facts_plain is the reference (the same lists,
 * tested against this in tests/unit/test_revise_facts.py):
 *
 *   facts(labelled, article, heads, limits)
 *     -> (texts, stripped, words, scores, body, body_list, flags, flagged)
 *     texts: lb.block.text; stripped: text.strip(); words: len(text.split()); scores: lb.score;
 *     body: lb.label is article; body_list: the indices where body holds; flags: an int per
 *     block, the FACT_* bits below (of the stripped text); flagged: for each bit, the indices
 *     of the blocks that have it, in page order (none for the bits of UNLISTED: no rule looks
 *     for the blocks that have those, only at a block's).
 *   limits: (caption_max_words, story_end_max_words, related_max_chars, read_more_max_chars,
 *     repeated_min_words).
 *   heads: (bytes of 128 * 128, heads[a * 128 + b] the bits FACT_RELATED and FACT_READ_MORE of
 *     the lower-case ASCII pair a, b (one of RELATED_HEADS, READ_MORE_HEADS); bytes of 128 ** 3
 *     bits, bit a << 14 | b << 7 | c set where a, b, c is one of RELATED_HEADS3; the str
 *     RELATED_FIRSTS and the str READ_MORE_FIRSTS, what a text whose first two characters are
 *     not ASCII starts with, lower-cased, where it has the bit).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <structmember.h>

enum {
    FACT_RELATED = 1,     /* s[:2] lower-cased one of RELATED_HEADS, or not ASCII and s[0]'s
                           * lower case one of RELATED_FIRSTS */
    FACT_READ_MORE = 2,   /* ... READ_MORE_HEADS, READ_MORE_FIRSTS */
    FACT_GLUE = 4,        /* FACT_GLUED_CARD, and one of GLUE_MARK's characters in s[:48] */
    FACT_GLUED_CARD = 8,  /* FACT_RELATED and heads3 (as FACT_LABEL, at any length), or a pair
                           * of BRACKETS holds s */
    FACT_CAPTION = 16,    /* words <= caption_max_words and a caption's credit may end s */
                          /* (BARE_CREDIT_HEAD, a "/" with SLASH_CREDIT's head, ...) or s may
                           * start as a caption's label (CAPTION_HEAD) */
    FACT_CLOCK = 32,      /* CLOCK (\d:\d\d) matches in s */
    FACT_ABOUT = 64,      /* s[:2] lower-cased one of ABOUT_HEADS, or s[0] one of ABOUT_FIRSTS */
    FACT_ENDS = 128,      /* _ends_sentence(s) */
    FACT_KICKER = 256,    /* _is_kicker(s) */
    FACT_STORY_END = 512, /* words <= story_end_max_words and s holds a word (story_end_wide) */
    FACT_LABEL = 1024,    /* FACT_RELATED, and at most related_max_chars before LABEL_TRIM's */
    FACT_OUTSIDE = 2048,  /* not body text, and at least repeated_min_words words */
    FACT_BITS = 12,
    UNLISTED = FACT_RELATED | FACT_ENDS /* (FACT_RELATED is read through FACT_LABEL and the rest) */
};

#define HEADS_SIZE (128 * 128)
#define FLAG_INTS 64 /* (a power of two) */
#define HEADS3_SIZE (128 * 128 * 128 / 8)
#define LABEL_MAX_CHARS 48
#define CREDIT_MARK_REACH 16 /* LINE_CREDIT's ":" or "." after its word stands before this */

#ifdef __GNUC__
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

static PyObject *name_block, *name_text, *name_score, *name_label, *name_reason;

static inline Py_UCS4 ascii_lower(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static inline int is_glue_mark(Py_UCS4 c) { /* GLUE_MARK: [:：|»›>→–—] */
    return c == ':' || c == 0xFF1A || c == '|' || c == 0xBB || c == 0x203A || c == '>'
        || c == 0x2192 || c == 0x2013 || c == 0x2014;
}

static inline int is_closer(Py_UCS4 c) { /* SENTENCE_CLOSERS: "'”’»)] */
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')'
        || c == ']';
}

static inline int is_trim(Py_UCS4 c) { /* LABEL_TRIM: [\s:：.…»›>→|–—-] */
    return Py_UNICODE_ISSPACE(c) || is_glue_mark(c) || c == '.' || c == 0x2026 || c == '-';
}

static inline int is_credit_first(Py_UCS4 c) { /* LINE_CREDIT_FIRST: ©fFpPbBiIİızZcCvVgG */
    return c == 0xA9 || c == 0x130 || c == 0x131
        || (c < 128 && c && strchr("fFpPbBiIzZcCvVgG", (int)c));
}

/* Whether c matches the lower-case ASCII letter x ignoring case as re does (its two cases, and
 * "İ", "ı" for "i"; no other letter of the words below has a third character that matches it) */
static inline int case_is(Py_UCS4 c, char x) {
    return c == (Py_UCS4)x || c == (Py_UCS4)(x - 32) || (x == 'i' && (c == 0x130 || c == 0x131));
}

/* CAPTION_HEAD.match(s), s = data[a:a + len]: "image ", "photo " or "picture " ignoring case */
static ALWAYS_INLINE int caption_head(int kind, const void *data, Py_ssize_t a, Py_ssize_t len) {
    static const char *const words[] = {"image ", "photo ", "picture "};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        const char *word = words[w];
        Py_ssize_t k = 0;
        while (word[k] && k < len
               && (word[k] == ' ' ? PyUnicode_READ(kind, data, a + k) == ' '
                                  : case_is(PyUnicode_READ(kind, data, a + k), word[k])))
            k++;
        if (!word[k])
            return 1;
    }
    return 0;
}

/* BARE_CREDIT_HEAD past its sentence mark and space: "©", or the first two letters of one of
 * BARE_CREDIT's words (fo, ph, bi, im, zd, cr, vi, gr, il) ignoring case; c, then d (0: none) */
static inline int bare_head(Py_UCS4 c, Py_UCS4 d) {
    if (c == 0xA9)
        return 1;
    if (c == 0x130 || c == 0x131)
        return case_is(d, 'm') || case_is(d, 'l');
    switch (c | 32) {
    case 'f': return case_is(d, 'o');
    case 'p': return case_is(d, 'h');
    case 'b': case 'v': return case_is(d, 'i');
    case 'i': return case_is(d, 'm') || case_is(d, 'l');
    case 'z': return case_is(d, 'd');
    case 'c': case 'g': return case_is(d, 'r');
    default: return 0;
    }
}

static inline int is_slash_first(Py_UCS4 c) { /* _SLASH's first letter: [A-ZÀ-Þ] */
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE);
}

static inline int is_sentence_end(Py_UCS4 c) { /* SENTENCE_END_CHARS: .!?…。！？ */
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01
        || c == 0xFF1F;
}

/* Whether s = data[a:a + len] holds needle (lower-case ASCII) at i, ignoring ASCII case. */
static ALWAYS_INLINE int holds_at(int kind, const void *data, Py_ssize_t a, Py_ssize_t len,
                                  Py_ssize_t i, const char *needle) {
    for (Py_ssize_t k = 0; needle[k]; k++)
        if (i + k >= len || ascii_lower(PyUnicode_READ(kind, data, a + i + k)) != (Py_UCS4)needle[k])
            return 0;
    return 1;
}

/* _story_end_line's test of an ASCII line: it starts with one of COMMENTS_ASCII_STARTS or
 * holds "(c)", "copyright" or one of PAYWALL_WORDS (lower-cased) */
static ALWAYS_INLINE int story_end_words(int kind, const void *data, Py_ssize_t a, Py_ssize_t len) {
    static const char *const firsts[] = {"comm", "komm", "kome", "come", "reac"};
    for (size_t k = 0; k < sizeof firsts / sizeof *firsts; k++)
        if (holds_at(kind, data, a, len, 0, firsts[k]))
            return 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        const char *one = NULL, *two = NULL;
        switch (ascii_lower(PyUnicode_READ(kind, data, a + i))) {
        case '(': one = "(c)"; break;
        case 'c': one = "copyright"; break;
        case 's': one = "subscri"; break;
        case 'a': one = "abonn"; two = "abbonati"; break;
        case 't': one = "tylko dla"; break;
        case 'p': one = "para "; break;
        default: continue;
        }
        if (holds_at(kind, data, a, len, i, one) || (two && holds_at(kind, data, a, len, i, two)))
            return 1;
    }
    return 0;
}

/* The same test of a line that is not ASCII (a superset of what STORY_END can match, ignoring
 * case): it starts with a comments header's word's first letter but "c" (HEAD_FIRSTS: k, K,
 * the Kelvin sign, r, R, к, К, 评, 評, 留, 댓, コ), or holds a "c" in any case or "©" (the
 * rest of the head), a reprint notice's first character (转, 轉, 版, 무, 無), one of the four
 * characters that match an ASCII letter ignoring case but lower onto none alone (İ, ı, ſ, the
 * Kelvin sign), or story_end_words' words in ASCII. */
static ALWAYS_INLINE int story_end_wide(int kind, const void *data, Py_ssize_t a, Py_ssize_t len) {
    Py_UCS4 first = PyUnicode_READ(kind, data, a);
    if (first == 'k' || first == 'K' || first == 0x212A || first == 'r' || first == 'R'
        || first == 0x43A || first == 0x41A || first == 0x8BC4 || first == 0x8A55
        || first == 0x7559 || first == 0xB313 || first == 0x30B3)
        return 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, a + i);
        if (c == 'c' || c == 'C' || c == 0xA9 || c == 0x8F6C || c == 0x8F49 || c == 0x7248
            || c == 0xBB34 || c == 0x7121 || c == 0x130 || c == 0x131 || c == 0x17F
            || c == 0x212A)
            return 1;
    }
    return story_end_words(kind, data, a, len);
}

/* the ASCII characters the scan of a text looks at: GLUE_MARK's, CLOCK's colon, "/", and the
 * space after a sentence mark (BARE_CREDIT_HEAD's, SLASH_CREDIT_HEAD's) */
static const unsigned char scanned[128] = {
    [':'] = 1, ['|'] = 1, ['>'] = 1, ['/'] = 1, [' '] = 1, ['.'] = 1};

/* Whether CLOCK (\d:\d\d) matches in s = data[a:a + len]. */
static ALWAYS_INLINE int has_clock(int kind, const void *data, Py_ssize_t a, Py_ssize_t len) {
    for (Py_ssize_t i = 1; i + 2 < len; i++) {
        if (kind == PyUnicode_1BYTE_KIND) { /* (memchr to the next colon) */
            const Py_UCS1 *at = (const Py_UCS1 *)data + a;
            const void *colon = memchr(at + i, ':', (size_t)(len - 2 - i));
            if (!colon)
                return 0;
            i = (const Py_UCS1 *)colon - at;
        } else if (kind == PyUnicode_2BYTE_KIND) { /* (a plain loop to it: no kind per read) */
            const Py_UCS2 *at = (const Py_UCS2 *)data + a;
#ifdef __SSE2__
            const __m128i colon = _mm_set1_epi16(':'); /* (8 at a time where none is one) */
            while (i + 8 <= len - 2
                   && !_mm_movemask_epi8(
                       _mm_cmpeq_epi16(_mm_loadu_si128((const __m128i *)(at + i)), colon)))
                i += 8;
#endif
            while (i + 2 < len && at[i] != ':')
                i++;
            if (i + 2 >= len)
                return 0;
        } else {
            const Py_UCS4 *at = (const Py_UCS4 *)data + a;
            while (i + 2 < len && at[i] != ':')
                i++;
            if (i + 2 >= len)
                return 0;
        }
        if (Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, a + i - 1))
            && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, a + i + 1))
            && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, a + i + 2)))
            return 1;
    }
    return 0;
}

/* str.isspace without a table or a branch, for a loop the compiler vectorises: the ASCII spaces
 * (\t-\r, \x1c-\x1f, " "), U+0085 and U+00A0 (a UCS1 text's); a wider one's too with `wide`. */
static inline unsigned space_of(uint32_t c, int wide) {
    unsigned space = (c - 9u < 5u) | (c - 28u < 5u) | (c == 0x85u) | (c == 0xA0u);
    if (wide)
        space |= (c == 0x1680u) | (c - 0x2000u < 11u) | (c == 0x2028u) | (c == 0x2029u)
            | (c == 0x202Fu) | (c == 0x205Fu) | (c == 0x3000u);
    return space;
}

/* How many times a space is followed by a character that is none in chars[a:b] (b > a, and
 * chars[a] is none): the words of a text that neither starts nor ends with a space, but one.
 * (Each pair read on its own, no state carried; UCS1 and UCS2 texts 16 or 8 characters at a
 * time where SSE2 is there.) */
#define WORD_STARTS(NAME, TYPE, WIDE)                                                         \
    static Py_ssize_t NAME(const TYPE *chars, Py_ssize_t a, Py_ssize_t b, Py_ssize_t k) {    \
        Py_ssize_t starts = 0;                                                                 \
        for (k = k > a + 1 ? k : a + 1; k < b; k++)                                            \
            starts += space_of(chars[k - 1], WIDE) & (space_of(chars[k], WIDE) ^ 1u);          \
        return starts;                                                                         \
    }
WORD_STARTS(word_tail2, Py_UCS2, 1)
WORD_STARTS(word_tail4, Py_UCS4, 1)
#undef WORD_STARTS

/* space_of(c, 0) of every UCS1 character, for the short texts' loop (a menu's "Home", "News") */
static const unsigned char spaces1[256] = {[9] = 1,  [10] = 1, [11] = 1, [12] = 1,   [13] = 1,
                                           [28] = 1, [29] = 1, [30] = 1, [31] = 1,   [32] = 1,
                                           [0x85] = 1, [0xA0] = 1};

static Py_ssize_t word_tail1(const Py_UCS1 *chars, Py_ssize_t a, Py_ssize_t b, Py_ssize_t k) {
    Py_ssize_t starts = 0;
    for (k = k > a + 1 ? k : a + 1; k < b; k++)
        starts += spaces1[chars[k - 1]] & (spaces1[chars[k]] ^ 1u);
    return starts;
}

#ifdef __SSE2__
/* x <= limit, lane by lane, unsigned (bytes; 16-bit words) */
#define LE8(x, limit) _mm_cmpeq_epi8(_mm_min_epu8((x), _mm_set1_epi8((char)(limit))), (x))
#define LE16(x, limit) _mm_cmpeq_epi16(_mm_subs_epu16((x), _mm_set1_epi16((short)(limit))), zero)

static inline __m128i spaces16(__m128i v) { /* space_of(c, 0) of 16 UCS1 characters */
    __m128i low = LE8(_mm_sub_epi8(v, _mm_set1_epi8(9)), 4);
    __m128i seps = LE8(_mm_sub_epi8(v, _mm_set1_epi8(28)), 4);
    __m128i nel = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x85));
    __m128i nbsp = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA0));
    return _mm_or_si128(_mm_or_si128(low, seps), _mm_or_si128(nel, nbsp));
}

static Py_ssize_t word_starts1(const Py_UCS1 *chars, Py_ssize_t a, Py_ssize_t b) {
    Py_ssize_t starts = 0, k = a + 1;
    const __m128i zero = _mm_setzero_si128();
    while (k + 16 <= b) { /* (each lane counts up to 255 starts, then the sums are taken) */
        __m128i counts = zero;
        for (int round = 0; round < 255 && k + 16 <= b; round++, k += 16) {
            __m128i before = spaces16(_mm_loadu_si128((const __m128i *)(chars + k - 1)));
            __m128i here = spaces16(_mm_loadu_si128((const __m128i *)(chars + k)));
            counts = _mm_sub_epi8(counts, _mm_andnot_si128(here, before)); /* (-1: a start) */
        }
        __m128i sums = _mm_sad_epu8(counts, zero);
        starts += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    }
    if (k < b && b >= 17) { /* the last 16 pairs at once, those before k masked off (b - 16 < k) */
        __m128i before = spaces16(_mm_loadu_si128((const __m128i *)(chars + b - 17)));
        __m128i here = spaces16(_mm_loadu_si128((const __m128i *)(chars + b - 16)));
        unsigned found = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(here, before));
        return starts + __builtin_popcount(found >> (k - (b - 16)));
    }
    if (k < b && b >= 9) { /* (a short text: 8 pairs at k, then the last 8, masked as above) */
        if (k + 8 <= b) {
            __m128i before = spaces16(_mm_loadl_epi64((const __m128i *)(chars + k - 1)));
            __m128i here = spaces16(_mm_loadl_epi64((const __m128i *)(chars + k)));
            unsigned found = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(here, before)) & 0xFF;
            starts += __builtin_popcount(found);
            k += 8;
        }
        if (k < b) { /* (b - 8 < k) */
            __m128i before = spaces16(_mm_loadl_epi64((const __m128i *)(chars + b - 9)));
            __m128i here = spaces16(_mm_loadl_epi64((const __m128i *)(chars + b - 8)));
            unsigned found = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(here, before)) & 0xFF;
            starts += __builtin_popcount(found >> (k - (b - 8)));
        }
        return starts;
    }
    return starts + word_tail1(chars, a, b, k);
}

static inline __m128i spaces8(__m128i v) { /* space_of(c, 1) of 8 UCS2 characters */
    const __m128i zero = _mm_setzero_si128();
    __m128i s = LE16(_mm_sub_epi16(v, _mm_set1_epi16(9)), 4);
    s = _mm_or_si128(s, LE16(_mm_sub_epi16(v, _mm_set1_epi16(28)), 4));
    /* (the spaces past U+0084 only where a character is past it: most of a paragraph's runs
     * of 8 are ASCII) */
    if (_mm_movemask_epi8(LE16(v, 0x84)) == 0xFFFF)
        return s;
    s = _mm_or_si128(s, _mm_cmpeq_epi16(v, _mm_set1_epi16(0x85)));
    s = _mm_or_si128(s, _mm_cmpeq_epi16(v, _mm_set1_epi16(0xA0)));
    s = _mm_or_si128(s, _mm_cmpeq_epi16(v, _mm_set1_epi16(0x1680)));
    s = _mm_or_si128(s, LE16(_mm_sub_epi16(v, _mm_set1_epi16(0x2000)), 10));
    s = _mm_or_si128(s, LE16(_mm_sub_epi16(v, _mm_set1_epi16(0x2028)), 1));
    s = _mm_or_si128(s, _mm_cmpeq_epi16(v, _mm_set1_epi16(0x202F)));
    s = _mm_or_si128(s, _mm_cmpeq_epi16(v, _mm_set1_epi16(0x205F)));
    return _mm_or_si128(s, _mm_cmpeq_epi16(v, _mm_set1_epi16(0x3000)));
}

static Py_ssize_t word_starts2(const Py_UCS2 *chars, Py_ssize_t a, Py_ssize_t b) {
    Py_ssize_t starts = 0, k = a + 1;
    if (k + 8 <= b) { /* (each lane counts up to 32767 starts, then the sums are taken) */
        /* the characters' spaces at k, and at k - 1 (the first from memory; then each the last
         * of the 8 before and the first 7 of those here: every character's read once) */
        __m128i here = spaces8(_mm_loadu_si128((const __m128i *)(chars + k)));
        __m128i before = spaces8(_mm_loadu_si128((const __m128i *)(chars + k - 1)));
        while (k + 8 <= b) {
            __m128i counts = _mm_setzero_si128();
            for (int round = 0; round < 32767 && k + 8 <= b; round++) {
                counts = _mm_sub_epi16(counts, _mm_andnot_si128(here, before)); /* (-1: a start) */
                k += 8;
                if (k + 8 <= b) {
                    __m128i next = spaces8(_mm_loadu_si128((const __m128i *)(chars + k)));
                    before = _mm_or_si128(_mm_slli_si128(next, 2), _mm_srli_si128(here, 14));
                    here = next;
                }
            }
            __m128i sums = _mm_madd_epi16(counts, _mm_set1_epi16(1)); /* (four lanes of two) */
            sums = _mm_add_epi32(sums, _mm_srli_si128(sums, 8));
            sums = _mm_add_epi32(sums, _mm_srli_si128(sums, 4));
            starts += _mm_cvtsi128_si32(sums);
        }
    }
    if (k < b && b >= 9) { /* the last 8 pairs at once, those before k masked off (b - 8 < k) */
        __m128i before = spaces8(_mm_loadu_si128((const __m128i *)(chars + b - 9)));
        __m128i here = spaces8(_mm_loadu_si128((const __m128i *)(chars + b - 8)));
        unsigned found = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(here, before));
        return starts + __builtin_popcount(found >> 2 * (k - (b - 8))) / 2; /* (2 bits a lane) */
    }
    return starts + word_tail2(chars, a, b, k);
}
#undef LE8
#undef LE16
#else
static Py_ssize_t word_starts1(const Py_UCS1 *chars, Py_ssize_t a, Py_ssize_t b) {
    return word_tail1(chars, a, b, a + 1);
}
static Py_ssize_t word_starts2(const Py_UCS2 *chars, Py_ssize_t a, Py_ssize_t b) {
    return word_tail2(chars, a, b, a + 1);
}
#endif

static Py_ssize_t word_starts4(const Py_UCS4 *chars, Py_ssize_t a, Py_ssize_t b) {
    return word_tail4(chars, a, b, a + 1);
}

#ifdef __SSE2__
/* What text_facts' scan finds in a UCS1 text s[0:len] read to `scan` (as its loop does, which
 * is the reference): 16 characters at a time, only those it looks at read one by one -- the
 * marks, the bytes past ASCII, and a sentence's end (in place of the space after it, which is
 * found by a mask of its own). */
typedef struct {
    int ascii, glue, slash, lead_mark, bare, slash_after;
} Scan1;

static inline void scan1_at(const Py_UCS1 *s, Py_ssize_t len, Py_ssize_t scan, Py_ssize_t i,
                            Scan1 *found) {
    Py_UCS1 c = s[i];
    if (c >= 128) {
        found->ascii = 0;
        if (i < LABEL_MAX_CHARS && is_glue_mark(c))
            found->glue = 1;
    } else if (c == '/') {
        found->slash = 1;
    } else if (c == ':' || c == '|' || c == '>') {
        found->lead_mark |= c == ':' && i < CREDIT_MARK_REACH;
        found->glue |= i < LABEL_MAX_CHARS;
    } else { /* ".", "!", "?": then a space (read, as the loop reads it) and a credit's head */
        found->lead_mark |= c == '.' && i < CREDIT_MARK_REACH;
        if (i + 1 < scan && s[i + 1] == ' ' && i + 2 < len) {
            found->bare |= bare_head(s[i + 2], i + 3 < len ? s[i + 3] : 0);
            found->slash_after |= is_slash_first(s[i + 2]);
        }
    }
}

static void scan1(const Py_UCS1 *s, Py_ssize_t len, Py_ssize_t scan, Scan1 *found) {
    const __m128i colon = _mm_set1_epi8(':'), bar = _mm_set1_epi8('|'), angle = _mm_set1_epi8('>');
    const __m128i slash = _mm_set1_epi8('/'), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!');
    const __m128i ask = _mm_set1_epi8('?');
    Py_ssize_t i = 0;
    for (; i + 16 <= scan; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, colon), _mm_cmpeq_epi8(v, bar)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, angle), _mm_cmpeq_epi8(v, slash)));
        marks = _mm_or_si128(marks, _mm_or_si128(_mm_cmpeq_epi8(v, dot),
                                                 _mm_or_si128(_mm_cmpeq_epi8(v, bang),
                                                              _mm_cmpeq_epi8(v, ask))));
        /* (the high bit: a byte past ASCII) */
        for (unsigned m = (unsigned)(_mm_movemask_epi8(marks) | _mm_movemask_epi8(v)); m;
             m &= m - 1)
            scan1_at(s, len, scan, i + __builtin_ctz(m), found);
    }
    for (; i < scan; i++) {
        Py_UCS1 c = s[i];
        if (c >= 128 || c == ':' || c == '|' || c == '>' || c == '/' || c == '.' || c == '!'
                 || c == '?')
            scan1_at(s, len, scan, i, found);
    }
}
#endif

/* The facts of the stripped text s = data[a:b] of `words` words (of a body block: `body`). */
typedef struct {
    Py_ssize_t caption_max_words, story_end_max_words, related_max_chars, read_more_max_chars,
        repeated_min_words;
    PyObject *related_firsts, *read_more_firsts; /* (str) */
} Limits;

/* Whether the str `chars` holds c. */
static int holds_char(PyObject *chars, Py_UCS4 c) {
    return PyUnicode_FindChar(chars, c, 0, PyUnicode_GET_LENGTH(chars), 1) >= 0;
}

/* FACT_RELATED and FACT_READ_MORE of a text whose first two characters are not ASCII, by the
 * lower case of its first (the first character of its full lower case, as str.lower gives it) */
static int wide_heads(Py_UCS4 first, const Limits *limits) {
    Py_UCS4 low = Py_UNICODE_TOLOWER(first);
    return (holds_char(limits->related_firsts, low) ? FACT_RELATED : 0)
        | (holds_char(limits->read_more_firsts, low) ? FACT_READ_MORE : 0);
}

/* (always inlined into text_facts, once for each kind: every read of a character then knows
 * its width, where PyUnicode_READ tests the kind at each) */
static ALWAYS_INLINE int text_facts_of(int kind, const void *data, Py_ssize_t a, Py_ssize_t b,
                                       Py_ssize_t words, int body, const unsigned char *heads,
                                       const unsigned char *heads3, const Limits *limits) {
    Py_ssize_t len = b - a;
    int flags = !body && words >= limits->repeated_min_words ? FACT_OUTSIDE : 0;
    if (len == 0)
        return flags;
#define AT(i) PyUnicode_READ(kind, data, a + (i))
    Py_UCS4 first = AT(0), last = AT(len - 1);
    if (first > 127) {
        flags |= wide_heads(first, limits);
    } else if (len >= 2) {
        Py_UCS4 second = AT(1);
        if (second > 127)
            flags |= wide_heads(first, limits);
        else
            flags |= heads[ascii_lower(first) * 128 + ascii_lower(second)]
                & (FACT_RELATED | FACT_READ_MORE);
    }
    int related3 = 0; /* FACT_RELATED, and the first three characters may start a label */
    if (flags & (FACT_RELATED | FACT_READ_MORE)) {
        Py_ssize_t core = len; /* (a label, whole, trimmed: as long as one) */
        while (core > 0 && is_trim(AT(core - 1)))
            core--;
        int head3 = 1; /* (a label's first three characters: heads3) */
        if (len < 3) {
            head3 = first > 127 || AT(len - 1) > 127;
        } else if (first < 128 && AT(1) < 128 && AT(2) < 128) {
            Py_ssize_t code = ascii_lower(first) << 14 | ascii_lower(AT(1)) << 7 | ascii_lower(AT(2));
            head3 = heads3[code >> 3] >> (code & 7) & 1;
        }
        related3 = flags & FACT_RELATED && head3;
        if (related3 && core <= limits->related_max_chars)
            flags |= FACT_LABEL;
        if (core > limits->read_more_max_chars)
            flags &= ~FACT_READ_MORE;
    }
    if (has_clock(kind, data, a, len))
        flags |= FACT_CLOCK;
    Py_ssize_t end = len;
    while (end > 0 && is_closer(AT(end - 1)))
        end--;
    if (end > 0 && is_sentence_end(AT(end - 1)))
        flags |= FACT_ENDS;
    if (!body)
        return flags & (FACT_RELATED | FACT_CLOCK | FACT_ENDS | FACT_LABEL | FACT_OUTSIDE);
    if (related3
        || (len > 2
            && ((first == '(' && last == ')') || (first == '[' && last == ']')
                || (first == 0xFF08 && last == 0xFF09) || (first == 0x3010 && last == 0x3011))))
        flags |= FACT_GLUED_CARD; /* (BRACKETS: `_unbracketed`) */
    if (first > 127) { /* ABOUT_FIRSTS */
        if (first == 0xC0 || first == 0xDC || first == 0xE0 || first == 0xFC || first == 0x17F)
            flags |= FACT_ABOUT;
    } else if (len >= 2 && AT(1) < 128) { /* ABOUT_HEADS */
        Py_UCS4 one = ascii_lower(first), two = ascii_lower(AT(1));
        if ((one == 'a' && (two == 'b' || two == 'c' || two == ' ')) || (one == 's' && two == 'o'))
            flags |= FACT_ABOUT;
    }
    int ascii = 1, glue = 0, slash = 0, korean = 0;
    /* BARE_CREDIT_HEAD and SLASH_CREDIT_HEAD found; a ":" or "." among the first
     * CREDIT_MARK_REACH characters (LINE_CREDIT's mark after its word) */
    int bare = 0, slash_after = 0, lead_mark = 0;
    /* what the scan finds past LABEL_MAX_CHARS serves a caption's or a story end's test alone:
     * a paragraph longer than both (most of a body's characters) is read that far */
    Py_ssize_t scan = len;
    if (words > limits->caption_max_words && words > limits->story_end_max_words
        && scan > LABEL_MAX_CHARS)
        scan = LABEL_MAX_CHARS;
#ifdef __SSE2__
    if (kind == PyUnicode_1BYTE_KIND) {
        Scan1 found = {1, 0, 0, 0, 0, 0};
        scan1((const Py_UCS1 *)data + a, len, scan, &found);
        ascii = found.ascii, glue = found.glue, slash = found.slash;
        lead_mark = found.lead_mark, bare = found.bare, slash_after = found.slash_after;
        scan = 0; /* (read: the loop below is the other kinds') */
    }
#endif
    for (Py_ssize_t i = 0; i < scan; i++) {
        Py_UCS4 c = AT(i);
        if (c < 128) {
            if (!scanned[c])
                continue;
            if (c == ' ') {
                Py_UCS4 p = i > 0 ? AT(i - 1) : 0;
                if ((p == '.' || p == '!' || p == '?' || p == 0x2026) && i + 1 < len) {
                    bare |= bare_head(AT(i + 1), i + 2 < len ? AT(i + 2) : 0);
                    slash_after |= is_slash_first(AT(i + 1));
                }
            } else if (c == '/') {
                slash = 1;
            } else if (c == '.') {
                lead_mark |= i < CREDIT_MARK_REACH;
            } else {
                lead_mark |= c == ':' && i < CREDIT_MARK_REACH;
                if (i < LABEL_MAX_CHARS)
                    glue = 1; /* ":", "|", ">" */
            }
        } else {
            ascii = 0;
            if (i < LABEL_MAX_CHARS && is_glue_mark(c))
                glue = 1;
            else if (c == 0xC0AC && i + 1 < len && AT(i + 1) == 0xC9C4) /* 사진 */
                korean = 1;
        }
    }
    if (glue && flags & FACT_GLUED_CARD)
        flags |= FACT_GLUE;
    if (words <= limits->caption_max_words
        && ((is_credit_first(first) && (first == 0xA9 || lead_mark)) || last == ')'
            || last == 0xFF09 || (slash && (is_slash_first(first) || slash_after)) || korean
            || bare || caption_head(kind, data, a, len)))
        flags |= FACT_CAPTION;
    /* str.isupper, and three letters or more: the letters counted only when it holds (ASCII
     * tested inline: a text without case, CJK, is read to its end) */
    int cased = 0, upper = 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = AT(i);
        if (c < 128) {
            if (c >= 'a' && c <= 'z') {
                upper = 0;
                break;
            }
            cased |= c >= 'A' && c <= 'Z';
        } else if (Py_UNICODE_ISLOWER(c) || Py_UNICODE_ISTITLE(c)) {
            upper = 0;
            break;
        } else if (!cased && Py_UNICODE_ISUPPER(c)) {
            cased = 1;
        }
    }
    if (len == 1 ? Py_UNICODE_ISUPPER(first) : (upper && cased)) {
        Py_ssize_t letters = 0;
        for (Py_ssize_t i = 0; i < len && letters < 3; i++)
            letters += Py_UNICODE_ISALPHA(AT(i)) != 0;
        if (letters >= 3)
            flags |= FACT_KICKER;
    }
    if (words <= limits->story_end_max_words
        && (ascii ? story_end_words(kind, data, a, len) : story_end_wide(kind, data, a, len)))
        flags |= FACT_STORY_END;
#undef AT
    return flags;
}

static int text_facts(int kind, const void *data, Py_ssize_t a, Py_ssize_t b, Py_ssize_t words,
                      int body, const unsigned char *heads, const unsigned char *heads3,
                      const Limits *limits) {
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return text_facts_of(PyUnicode_1BYTE_KIND, data, a, b, words, body, heads, heads3, limits);
    case PyUnicode_2BYTE_KIND:
        return text_facts_of(PyUnicode_2BYTE_KIND, data, a, b, words, body, heads, heads3, limits);
    default:
        return text_facts_of(PyUnicode_4BYTE_KIND, data, a, b, words, body, heads, heads3, limits);
    }
}

/* An attribute read straight from its slot where `member` (the class's member descriptor for
 * it, or NULL) describes the object's type, else by PyObject_GetAttr: a new reference. */
typedef struct {
    PyTypeObject *type;
    PyMemberDef *member;
    PyObject *name;
} Slot;

static void slot_of(Slot *slot, PyObject *obj, PyObject *name) {
    slot->type = Py_TYPE(obj);
    slot->member = NULL;
    slot->name = name;
    PyObject *descr = PyObject_GetAttr((PyObject *)slot->type, name);
    if (!descr) {
        PyErr_Clear();
        return;
    }
    if (Py_IS_TYPE(descr, &PyMemberDescr_Type)
        && ((PyDescrObject *)descr)->d_type == slot->type) {
        PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
        if (member->type == T_OBJECT_EX && !(member->flags & READ_RESTRICTED))
            slot->member = member;
    }
    Py_DECREF(descr); /* (the type holds the descriptor and its PyMemberDef) */
}

static PyObject *slot_get(const Slot *slot, PyObject *obj) {
    if (slot->member && Py_IS_TYPE(obj, slot->type)) { /* (PyMember_GetOne's T_OBJECT_EX) */
        PyObject *value = *(PyObject **)((const char *)obj + slot->member->offset);
        if (value)
            return Py_NewRef(value);
    } /* (an empty slot: the AttributeError of getattr) */
    return PyObject_GetAttr(obj, slot->name);
}

static PyObject *facts(PyObject *self, PyObject *args) {
    PyObject *labelled, *article;
    Py_buffer heads, heads3;
    Limits limits;
    if (!PyArg_ParseTuple(args, "OO(y*y*UU)(nnnnn)", &labelled, &article, &heads, &heads3,
                          &limits.related_firsts, &limits.read_more_firsts,
                          &limits.caption_max_words, &limits.story_end_max_words,
                          &limits.related_max_chars, &limits.read_more_max_chars,
                          &limits.repeated_min_words))
        return NULL;
    PyObject *texts = NULL, *stripped = NULL, *words = NULL, *scores = NULL, *body = NULL,
             *body_list = NULL, *flags = NULL, *flagged = NULL, *result = NULL;
    PyObject *seq = NULL;
    PyObject *flag_ints[FLAG_INTS] = {NULL}; /* the flags' ints made so far, by their bits */
    int flag_keys[FLAG_INTS] = {0};
    if (heads.len != HEADS_SIZE || heads3.len != HEADS3_SIZE) {
        PyErr_SetString(PyExc_ValueError, "facts: heads of 128 * 128 bytes, 128 ** 3 bits");
        goto done;
    }
    if (PyUnicode_READY(limits.related_firsts) < 0 || PyUnicode_READY(limits.read_more_firsts) < 0)
        goto done;
    /* a tuple (a list is copied): reading a block's attribute may run Python code, which
     * must not be able to shorten what the loop below walks */
    seq = PySequence_Tuple(labelled);
    if (!seq)
        goto done;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    texts = PyList_New(n);
    stripped = PyList_New(n);
    words = PyList_New(n);
    scores = PyList_New(n);
    body = PyList_New(n);
    body_list = PyList_New(0);
    flags = PyList_New(n);
    flagged = PyTuple_New(FACT_BITS);
    if (!texts || !stripped || !words || !scores || !body || !body_list || !flags || !flagged)
        goto done;
    for (int bit = 0; bit < FACT_BITS; bit++) {
        PyObject *list = PyList_New(0);
        if (!list)
            goto done;
        PyTuple_SET_ITEM(flagged, bit, list);
    }
    Slot get_block, get_score, get_label, get_text;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *lb = PySequence_Fast_GET_ITEM(seq, i);
        if (i == 0) { /* (the slots of the first block's types: every block's, as a rule) */
            slot_of(&get_block, lb, name_block);
            slot_of(&get_score, lb, name_score);
            slot_of(&get_label, lb, name_label);
        }
        PyObject *block = slot_get(&get_block, lb);
        if (!block)
            goto done;
        if (i == 0)
            slot_of(&get_text, block, name_text);
        PyObject *text = slot_get(&get_text, block);
        Py_DECREF(block);
        if (!text)
            goto done;
        PyList_SET_ITEM(texts, i, text);
        if (!PyUnicode_Check(text) || PyUnicode_READY(text) < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "facts: a block's text is a str");
            goto done;
        }
        PyObject *score = slot_get(&get_score, lb);
        if (!score)
            goto done;
        PyList_SET_ITEM(scores, i, score);
        PyObject *label = slot_get(&get_label, lb);
        if (!label)
            goto done;
        int is_body = label == article;
        Py_DECREF(label);
        PyList_SET_ITEM(body, i, Py_NewRef(is_body ? Py_True : Py_False));
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text), a = 0, b = len, count = 0;
        while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a)))
            a++;
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1)))
            b--;
        if (a < b) /* (data[a] and data[b - 1] are no space: the words start at a and where
                    * a space is followed by a character that is none) */
            count = 1 + (kind == PyUnicode_1BYTE_KIND ? word_starts1((const Py_UCS1 *)data, a, b)
                         : kind == PyUnicode_2BYTE_KIND ? word_starts2((const Py_UCS2 *)data, a, b)
                                                        : word_starts4((const Py_UCS4 *)data, a, b));
        PyObject *strip;
        if (a == 0 && b == len && PyUnicode_CheckExact(text))
            strip = Py_NewRef(text);
        else if (!(strip = PyUnicode_Substring(text, a, b)))
            goto done;
        PyList_SET_ITEM(stripped, i, strip);
        PyObject *number = PyLong_FromSsize_t(count);
        if (!number)
            goto done;
        PyList_SET_ITEM(words, i, number);
        int bits = text_facts(kind, data, a, b, count, is_body, (const unsigned char *)heads.buf,
                              (const unsigned char *)heads3.buf, &limits);
        int slot = (bits ^ bits >> 6) & (FLAG_INTS - 1);
        PyObject *value;
        if (flag_ints[slot] && flag_keys[slot] == bits) { /* (an int is immutable: shared) */
            value = Py_NewRef(flag_ints[slot]);
        } else {
            if (!(value = PyLong_FromLong(bits)))
                goto done;
            Py_XSETREF(flag_ints[slot], Py_NewRef(value));
            flag_keys[slot] = bits;
        }
        PyList_SET_ITEM(flags, i, value);
        if (is_body || bits) {
            PyObject *index = PyLong_FromSsize_t(i);
            if (!index)
                goto done;
            int failed = is_body && PyList_Append(body_list, index) < 0;
            for (unsigned rest = (unsigned)(bits & ~UNLISTED); rest && !failed; rest &= rest - 1)
                failed = PyList_Append(PyTuple_GET_ITEM(flagged, __builtin_ctz(rest)), index) < 0;
            Py_DECREF(index);
            if (failed)
                goto done;
        }
    }
    result = PyTuple_Pack(8, texts, stripped, words, scores, body, body_list, flags, flagged);
done:
    PyBuffer_Release(&heads);
    PyBuffer_Release(&heads3);
    Py_XDECREF(seq);
    Py_XDECREF(texts);
    Py_XDECREF(stripped);
    Py_XDECREF(words);
    Py_XDECREF(scores);
    Py_XDECREF(body);
    Py_XDECREF(body_list);
    Py_XDECREF(flags);
    Py_XDECREF(flagged);
    for (int k = 0; k < FLAG_INTS; k++)
        Py_XDECREF(flag_ints[k]);
    return result;
}

/* relabel(out, drop, cls, label): out[i] = cls(out[i].block, label, out[i].score, reason) for
 * every (i, reason) of the dict `drop` where out[i] is exactly a `cls` (a frozen dataclass
 * with slots): a new object whose four fields are set as its __init__ sets them
 * (object.__setattr__), ~10x cheaper than that __init__ (a page of 50,000 one-word lines drops
 * 25,000 blocks). Returns the indices of `drop` whose block is of another type, in its order:
 * the caller replaces those. An index off `out` raises IndexError. */
static PyObject *relabel(PyObject *self, PyObject *args) {
    PyObject *out, *drop, *label;
    PyTypeObject *cls;
    if (!PyArg_ParseTuple(args, "O!O!O!O", &PyList_Type, &out, &PyDict_Type, &drop, &PyType_Type,
                          &cls, &label))
        return NULL;
    PyObject *others = PyList_New(0);
    if (!others)
        return NULL;
    Py_ssize_t pos = 0;
    PyObject *key, *reason;
    while (PyDict_Next(drop, &pos, &key, &reason)) {
        Py_ssize_t i = PyLong_AsSsize_t(key);
        if (i == -1 && PyErr_Occurred())
            goto fail;
        if (i < 0 || i >= PyList_GET_SIZE(out)) {
            PyErr_SetString(PyExc_IndexError, "relabel: a block index off the page");
            goto fail;
        }
        PyObject *old = PyList_GET_ITEM(out, i);
        if (!Py_IS_TYPE(old, cls)) {
            if (PyList_Append(others, key) < 0)
                goto fail;
            continue;
        }
        PyObject *block = PyObject_GetAttr(old, name_block);
        PyObject *score = block ? PyObject_GetAttr(old, name_score) : NULL;
        PyObject *new = score ? cls->tp_alloc(cls, 0) : NULL;
        int bad = !new || PyObject_GenericSetAttr(new, name_block, block) < 0
                  || PyObject_GenericSetAttr(new, name_label, label) < 0
                  || PyObject_GenericSetAttr(new, name_score, score) < 0
                  || PyObject_GenericSetAttr(new, name_reason, reason) < 0;
        Py_XDECREF(block);
        Py_XDECREF(score);
        if (bad) {
            Py_XDECREF(new);
            goto fail;
        }
        PyList_SetItem(out, i, new); /* (steals new, drops the old block) */
    }
    return others;
fail:
    Py_DECREF(others);
    return NULL;
}

/* The per-block tests of a few rules, at once: pretests(body, scores, words, limits) with
 * limits = (sure, card_sure, short_max_words, button_max_words) -> (sure, cards, boxes, shorts),
 * lists of indices in page order (newsdump.revise._pretests_plain is the reference):
 *   sure: body[i] and scores[i] >= sure;
 *   cards: what `_card_heads` marks: body[i] and body[i + 1], neither score >= card_sure,
 *     and sure text at i - 1;
 *   boxes: what `_box_pitches` marks: body[i], not scores[i] >= card_sure, body[i + 1] with
 *     scores[i + 1] < sure and words[i + 1] <= button_max_words, sure text at i + 2 and i - 2;
 *   shorts: body[i], scores[i] < sure and words[i] <= short_max_words.
 * None where a score is no exact float, a body entry no bool or a word count no int of a C size (the
 * caller runs the reference then). */
typedef struct {
    PyObject **body, **score;
    Py_ssize_t n;
    double sure;
} Pre;

static inline int pre_body(const Pre *p, Py_ssize_t i) {
    return i >= 0 && i < p->n && p->body[i] == Py_True;
}

static inline int pre_sure(const Pre *p, Py_ssize_t i) {
    return pre_body(p, i) && PyFloat_AS_DOUBLE(p->score[i]) >= p->sure;
}

static PyObject *pretests(PyObject *self, PyObject *args) {
    PyObject *body, *scores, *words;
    double sure, card_sure;
    Py_ssize_t short_max, button_max;
    if (!PyArg_ParseTuple(args, "O!O!O!(ddnn)", &PyList_Type, &body, &PyList_Type, &scores,
                          &PyList_Type, &words, &sure, &card_sure, &short_max, &button_max))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(body);
    if (PyList_GET_SIZE(scores) != n || PyList_GET_SIZE(words) != n)
        Py_RETURN_NONE;
    for (Py_ssize_t i = 0; i < n; i++) { /* (nothing below calls back into Python) */
        PyObject *b = PyList_GET_ITEM(body, i), *w = PyList_GET_ITEM(words, i);
        if ((b != Py_True && b != Py_False) || !PyFloat_CheckExact(PyList_GET_ITEM(scores, i))
            || !PyLong_CheckExact(w))
            Py_RETURN_NONE;
        int overflow;
        (void)PyLong_AsLongLongAndOverflow(w, &overflow);
        if (overflow)
            Py_RETURN_NONE;
    }
    Pre p = {((PyListObject *)body)->ob_item, ((PyListObject *)scores)->ob_item, n, sure};
    PyObject **word = ((PyListObject *)words)->ob_item;
    PyObject *lists[4] = {PyList_New(0), PyList_New(0), PyList_New(0), PyList_New(0)};
    PyObject *result = NULL;
    for (int k = 0; k < 4; k++)
        if (!lists[k])
            goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (p.body[i] != Py_True)
            continue;
        double s = PyFloat_AS_DOUBLE(p.score[i]);
        int hit[4];
        hit[0] = s >= sure;
        hit[1] = !(s >= card_sure) && pre_body(&p, i + 1)
                 && !(PyFloat_AS_DOUBLE(p.score[i + 1]) >= card_sure) && pre_sure(&p, i - 1);
        hit[2] = !(s >= card_sure) && pre_sure(&p, i + 2) && pre_body(&p, i + 1)
                 && PyFloat_AS_DOUBLE(p.score[i + 1]) < sure
                 && PyLong_AsLongLong(word[i + 1]) <= button_max && pre_sure(&p, i - 2);
        hit[3] = s < sure && PyLong_AsLongLong(word[i]) <= short_max;
        if (!(hit[0] | hit[1] | hit[2] | hit[3]))
            continue;
        PyObject *index = PyLong_FromSsize_t(i);
        if (!index)
            goto done;
        int failed = 0;
        for (int k = 0; k < 4 && !failed; k++)
            failed = hit[k] && PyList_Append(lists[k], index) < 0;
        Py_DECREF(index);
        if (failed)
            goto done;
    }
    result = PyTuple_Pack(4, lists[0], lists[1], lists[2], lists[3]);
done:
    for (int k = 0; k < 4; k++)
        Py_XDECREF(lists[k]);
    return result;
}

static PyMethodDef methods[] = {
    {"facts", facts, METH_VARARGS, "The blocks' texts, labels, scores and facts (see the file)."},
    {"pretests", pretests, METH_VARARGS, "The candidates of a few rules' tests (see the file)."},
    {"relabel", relabel, METH_VARARGS, "out[i] relabelled for every (i, reason) of drop."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_revise", NULL, -1, methods};

PyMODINIT_FUNC PyInit__revise(void) {
    if (!(name_block = PyUnicode_InternFromString("block"))
        || !(name_text = PyUnicode_InternFromString("text"))
        || !(name_score = PyUnicode_InternFromString("score"))
        || !(name_label = PyUnicode_InternFromString("label"))
        || !(name_reason = PyUnicode_InternFromString("reason")))
        return NULL;
    return PyModule_Create(&module);
}
