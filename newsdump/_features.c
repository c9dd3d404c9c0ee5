/* The block and score features of newsdump.features, compiled: one pass over every block's
 * characters instead of ~150 numpy calls per page. The pure-Python/numpy functions in
 * features.py are the reference: this file gives the same floats (tests/unit/test_features_c.py,
 * tools/check_features.py). What needs numpy's own rounding stays in Python: log1p (numpy's
 * SIMD log1p may differ from libm's by an ulp) and the pairwise sums of non-integer floats.
 *
 *   block_matrix(blocks, table, stopwords, dense, known, out) -> (texts, total_words, total_c4)
 *     blocks: list of Block; table: uint16[65536] (features.CLASS_TABLE); stopwords: the
 *     word_table of the language's stopwords;
 *     out: float64[n * BLOCK_WIDTH] (written, row-major, columns of features.BLOCK_NAMES; the
 *     log columns hold log1p's argument, prefix_of_other/starts_with_other are left 0).
 *   block_matrix(blocks, table, stopwords, dense, known, out, logs, columns)
 *     -> (texts, total_words, total_c4, [columns left])
 *     the same, and then log1p_columns(out, BLOCK_WIDTH, columns, logs, the neighbour log_words'
 *     fills) in the same pass (the log columns: log_chars, log_words, c4_words_10, c4_words_3,
 *     words_3, run_words and the neighbours' log_words; any of them, each once).
 *   page_matrix(blocks, table, stopwords, dense, known, out, logs, columns[, expm1s, words])
 *     -> (total_words, total_c4, [columns left], page columns written[, words written])
 *     block_matrix with logs and columns, and in the same pass of rows prefix_pairs' two
 *     columns and, where n and the totals are small integers (read from logs), the page columns
 *     page_blocks, page_words and page_c4_words (else left 0, for np.log1p in Python); with
 *     expm1s = np.expm1(logs) and words (float64[n]), where the log_words column was read from
 *     logs, every block's np.expm1 of it into words (else words is left as it was).
 *   score_matrix(scores, words, mass, out) -> (first, last)
 *     out: float64[n * SCORE_WIDTH] (written; segment_words is left 0).
 *   score_page(scores, words, out, logs) -> (first, last, segment_words written)
 *     score_matrix with the mass of numpy's (scores * words).sum() (_pairwise.h's order) and,
 *     where numpy's sum of the segment's words is a small integer, its log1p from logs.
 *   log1p_columns(matrix, width, columns, logs[, fills]) -> [columns left]
 *     the log columns of block_matrix read from logs = np.log1p(0..len(logs) - 1) (numpy's own
 *     doubles) where they hold small integers; the others left to np.log1p.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <structmember.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "_lower.h"
#include "_pairwise.h"

/* bit flags of the class table (features.py) */
#define F_SENTENCE_END (1 << 0)
#define F_CLOSER (1 << 1)
#define F_SEPARATOR (1 << 2)
#define F_PUNCT (1 << 3)
#define F_BULLET (1 << 4)
#define F_COPYRIGHT (1 << 5)
#define F_UPPER (1 << 6)
#define F_LOWER (1 << 7)
#define F_DENSE (1 << 8)
#define F_ALPHA (1 << 9)
#define F_DIGIT (1 << 10)
#define F_COMMA (1 << 11)
#define F_SPACE (1 << 12)
#define F_WORD (1 << 13)

#define C4_MIN_WORDS 3
#define RUN_MAX_GAP 3
#define HEADLINE_MIN_WORDS 3
#define HEADLINE_MAX_WORDS 25
#define NEAR_LINES 20
#define TINY_MAX_WORDS 2
#define REPEATED_MIN 3
#define REPEATED_MAX_CHARS 40
#define SEGMENT_THRESHOLD 0.5

/* columns of features.BLOCK_NAMES */
enum {
    LOG_CHARS, LOG_WORDS, WORD_LENGTH, TERMINAL, ENDS_COLON, ENDS_COMMA, STARTS_UPPER,
    STARTS_LOWER, STARTS_DIGIT, STARTS_BULLET, DIGIT_SHARE, UPPER_SHARE, LETTER_SHARE,
    PUNCT_SHARE, SPACE_SHARE, SEPARATORS, COMMAS, STOPWORDS, STOP_SHARE, STOP_RATIO,
    CAPITAL_SHARE, SENTENCES, TIMES, YEARS, LINKS, COPYRIGHT, REPETITION, SHAPE_REPETITION,
    PREFIX_OF_OTHER, STARTS_WITH_OTHER, POSITION, CHARS_BEFORE, BLANK_BEFORE, BLANK_AFTER,
    HARSH, PAGE_BLOCKS, PAGE_WORDS, PAGE_C4_WORDS, PAGE_STOP, DENSE_PAGE, KNOWN_LANG,
    HEAD_COVER, AFTER_ANCHOR, C4, HEADLINE_LIKE, C4_WORDS_10, C4_WORDS_3, C4_SHARE_5,
    C4_SHARE_2, WORDS_3, LINKS_5, C4_ABOVE, C4_BELOW, RUN_WORDS, RUN_SHARE, IN_BEST_RUN,
    TO_BEST_RUN, CUM_C4, STREAK, CARD_HEAD, CARD_SUMMARY, TINY_SHARE_5, REPEATED_SHORT_10,
    AFTER_TINY_10, NEIGHBOURS, /* then per offset (-2, -1, 1, 2): the 6 columns below */
    BLOCK_WIDTH = NEIGHBOURS + 4 * 6
};
enum { NB_LOG_WORDS, NB_TERMINAL, NB_C4, NB_STOP_SHARE, NB_STARTS_UPPER, NB_LINKS };
static const int NEIGHBOUR_OFFSETS[4] = {-2, -1, 1, 2};
/* the columns that block_matrix may give as log1p from a table (features._LOG_COLUMNS) */
enum { LOG_KINDS = 10 };
static const Py_ssize_t LOG_COLUMNS[LOG_KINDS] = {
    LOG_CHARS, LOG_WORDS, C4_WORDS_10, C4_WORDS_3, WORDS_3, RUN_WORDS,
    NEIGHBOURS + NB_LOG_WORDS, NEIGHBOURS + 6 + NB_LOG_WORDS, NEIGHBOURS + 12 + NB_LOG_WORDS,
    NEIGHBOURS + 18 + NB_LOG_WORDS};
enum { LK_CHARS, LK_WORDS, LK_C4_WORDS_10, LK_C4_WORDS_3, LK_WORDS_3, LK_RUN_WORDS, LK_NEIGHBOURS };

/* whether log1p_columns reads v from its table of `top` values: an integer in [0, top), not -0.0 */
static inline int tabled_value(double v, double top) {
    if (!(v >= 0.0 && v < top)) return 0; /* (NaN fails it) */
    double k = (double)(Py_ssize_t)v;
    uint64_t bits_v, bits_k;
    memcpy(&bits_v, &v, sizeof(v));
    memcpy(&bits_k, &k, sizeof(k));
    return bits_v == bits_k;
}

enum {
    S_SCORE, S_SHIFTS, /* score_m3 .. score_p3 */
    S_WINDOWS = S_SHIFTS + 6, /* per radius: mean, weighted mean */
    S_REL_MAX = S_WINDOWS + 8, S_PAGE_MAX, S_MASS_BEFORE, S_STRONG_ABOVE, S_STRONG_BELOW,
    S_IN_SEGMENT, S_TO_SEGMENT, S_SEGMENT_WORDS, SCORE_WIDTH
};
static const int SCORE_OFFSETS[6] = {-3, -2, -1, 1, 2, 3};
static const int SCORE_WINDOWS[4] = {2, 5, 10, 25};

/* 128 bytes (zero128) and 96 bytes (zero96) at p zeroed by 16-byte stores: a memset of such a
 * small constant size compiled to `rep stos`, whose start-up (~30 cycles) twice a block (the
 * tail of the widened text, the class counts) was ~6 % of block_matrix's samples in perf */
#if defined(__SSE2__)
#define ZERO16(p, k) _mm_storeu_si128((__m128i *)((char *)(p) + 16 * (k)), _mm_setzero_si128())
static inline void zero96(void *p) {
    ZERO16(p, 0); ZERO16(p, 1); ZERO16(p, 2); ZERO16(p, 3); ZERO16(p, 4); ZERO16(p, 5);
}
static inline void zero128(void *p) {
    zero96(p);
    ZERO16(p, 6); ZERO16(p, 7);
}
#undef ZERO16
#else
static inline void zero96(void *p) { memset(p, 0, 96); }
static inline void zero128(void *p) { memset(p, 0, 128); }
#endif

/* per-block quantities gathered by the character pass */
enum {
    Q_CHARS, Q_DIGITS, Q_UPPER, Q_LOWER, Q_DENSE, Q_ALPHA, Q_PUNCT, Q_SEPARATORS, Q_COMMAS,
    Q_SPACES, Q_COPYRIGHT, Q_TOKENS, Q_STOP, Q_HEAD_HITS, Q_CAPITALS, Q_LINKS, Q_TIMES,
    Q_YEARS, Q_SENTENCES, Q_TERMINAL, Q_ENDS_COLON, Q_ENDS_COMMA, Q_STARTS_UPPER,
    Q_STARTS_LOWER, Q_STARTS_DIGIT, Q_STARTS_BULLET, Q_BLANK_BEFORE, Q_BLANK_AFTER,
    Q_REPEATS, Q_SHAPE_REPEATS, Q_WORDS, Q_C4, Q_C4_WORDS, Q_HEADLINE_LIKE, Q_TINY,
    Q_REPEATED_SHORT, Q_AFTER_TINY, Q_STOP_SHARE,
    /* and the columns found by passes over all blocks, written to the matrix with the others
     * (each a pass down a column of the matrix before: a line of every row, out of the caches) */
    Q_HEAD_COVER, Q_C4_ABOVE, Q_C4_BELOW, Q_RUN_WORDS, Q_IN_BEST_RUN, Q_STREAK, Q_COUNT
};
/* q's rows are the matrix's own (block_matrix writes every row's quantities into the first
 * Q_COUNT cells of its row, and the row's columns over them in its last pass): the stride of q.
 * (A buffer of its own, n * Q_COUNT doubles, was fresh memory every page: ~530 of the ~1,800
 * lines a page that block_matrix missed writing, valgrind's 1 MB L2.) */
#define QS BLOCK_WIDTH
_Static_assert((int)Q_COUNT <= (int)BLOCK_WIDTH, "q's rows fit in the matrix's");

static PyObject *name_text, *name_blank_before, *name_blank_after, *name_lower, *name_replace,
    *newline, *space;

static inline double dmax(double a, double b) { return b > a ? b : a; } /* Python's max(a, b) */
static inline double dmin(double a, double b) { return b < a ? b : a; }
static inline double npmax(double a, double b) { return (a != a || a >= b) ? a : b; } /* np.maximum */
static inline double npmin(double a, double b) { return (a != a || a <= b) ? a : b; }

typedef struct {
    const Py_UCS4 *codes; /* the block's text, one code point each */
    Py_ssize_t len;
    const unsigned short *table;
} Text;

static inline Py_UCS4 code_at(const Text *t, Py_ssize_t i) {
    return (i >= 0 && i < t->len) ? t->codes[i] : 0;
}

static inline unsigned flags_at(const Text *t, Py_ssize_t i) {
    Py_UCS4 c = code_at(t, i);
    return c < 0x10000 ? t->table[c] : 0;
}

static inline Py_UCS4 ascii_lower(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') ? c + 0x20 : c; }

/* how many of features.LINK_MARKS ("://", "www.", ".com", ".htm", ".jpg", ".png", ".gif")
 * start at i, the text lower-cased in ASCII only: at most one, and only where text[i] is ":",
 * "w", "W" or "." (each mark's first character) */
static int link_marks_at(const Text *t, Py_ssize_t i) {
    static const char dot_marks[5][3] = {"com", "htm", "jpg", "png", "gif"};
    Py_UCS4 c = code_at(t, i);
    if (c == ':') return code_at(t, i + 1) == '/' && code_at(t, i + 2) == '/';
    if (c == 'w' || c == 'W')
        return ascii_lower(code_at(t, i + 1)) == 'w' && ascii_lower(code_at(t, i + 2)) == 'w'
               && code_at(t, i + 3) == '.';
    if (c != '.') return 0;
    Py_UCS4 a = ascii_lower(code_at(t, i + 1)), b = ascii_lower(code_at(t, i + 2)),
            d = ascii_lower(code_at(t, i + 3));
    for (int m = 0; m < 5; m++)
        if (a == (Py_UCS4)dot_marks[m][0] && b == (Py_UCS4)dot_marks[m][1] && d == (Py_UCS4)dot_marks[m][2])
            return 1;
    return 0;
}

/* Py_UNICODE_ISDECIMAL, without a call for ASCII */
static inline int is_decimal(Py_UCS4 c) {
    return c < 128 ? (c >= '0' && c <= '9') : Py_UNICODE_ISDECIMAL(c);
}

/* the lower-cased token text[a:b] (str.lower, as the Python path does) */
static PyObject *lowered(PyObject *text, const Text *t, Py_ssize_t a, Py_ssize_t b) {
    int ascii = 1;
    for (Py_ssize_t i = a; i < b; i++)
        if (t->codes[i] > 127) { ascii = 0; break; }
    if (ascii) {
        PyObject *out = PyUnicode_New(b - a, 127);
        if (!out) return NULL;
        Py_UCS1 *o = PyUnicode_1BYTE_DATA(out);
        for (Py_ssize_t i = a; i < b; i++) o[i - a] = (Py_UCS1)ascii_lower(t->codes[i]);
        return out;
    }
    PyObject *part = PyUnicode_Substring(text, a, b);
    if (!part) return NULL;
    PyObject *out = PyObject_CallMethodNoArgs(part, name_lower);
    Py_DECREF(part);
    return out;
}

/* DIGITS_RE.sub("0", text): every run of decimal digits (what re's \d matches) becomes "0" */
static PyObject *shape_of(PyObject *text) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int any = 0;
    for (Py_ssize_t i = 0; i < len && !any; i++) any = is_decimal(PyUnicode_READ(kind, data, i));
    if (!any) {
        Py_INCREF(text);
        return text;
    }
    Py_UCS4 buf[REPEATED_MAX_CHARS + 1];
    Py_ssize_t k = 0;
    int in_run = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (is_decimal(c)) {
            if (!in_run) buf[k++] = '0';
            in_run = 1;
        } else {
            buf[k++] = c;
            in_run = 0;
        }
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k);
}

/* two strs are equal: the same code points (a str's representation is canonical) */
static inline int same_str(PyObject *a, PyObject *b) {
    if (a == b) return 1;
    Py_ssize_t len = PyUnicode_GET_LENGTH(a);
    return len == PyUnicode_GET_LENGTH(b) && PyUnicode_KIND(a) == PyUnicode_KIND(b)
           && memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)(len * PyUnicode_KIND(a))) == 0;
}

/* how often every key (a str) occurs (Counter), then every key's count into column q of
 * quantities: an open-addressing table of first occurrences, on the strs' own hashes */
static int count_into(PyObject **keys, Py_ssize_t n, double *q, int column) {
    Py_ssize_t slots = 16;
    while (slots < 2 * n + 2) slots *= 2;
    Py_ssize_t *slot = PyMem_Calloc(slots, sizeof(Py_ssize_t)); /* first index + 1 */
    Py_ssize_t *first = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
    Py_ssize_t *count = PyMem_Calloc(n + 1, sizeof(Py_ssize_t));
    Py_hash_t *hashes = PyMem_Malloc((n + 1) * sizeof(Py_hash_t));
    int status = -1;
    if (!slot || !first || !count || !hashes) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(keys[i])) {
            PyErr_SetString(PyExc_TypeError, "count_into: str expected");
            goto done;
        }
        Py_hash_t h = PyObject_Hash(keys[i]);
        if (h == -1) goto done;
        hashes[i] = h;
        for (Py_ssize_t j = (Py_ssize_t)((size_t)h & (size_t)(slots - 1));; j = (j + 1) & (slots - 1)) {
            Py_ssize_t e = slot[j];
            if (!e) {
                slot[j] = i + 1;
                first[i] = i;
                break;
            }
            if (hashes[e - 1] == h && same_str(keys[e - 1], keys[i])) {
                first[i] = e - 1;
                break;
            }
        }
        count[first[i]]++;
    }
    for (Py_ssize_t i = 0; i < n; i++) q[i * QS + column] = (double)count[first[i]];
    status = 0;
done:
    PyMem_Free(slot);
    PyMem_Free(first);
    PyMem_Free(count);
    PyMem_Free(hashes);
    return status;
}

/* ---- sets of words as code point sequences: looked up straight from a text's code points,
 * with no str object per token (a word is in the set exactly when an equal str is: a str is
 * its sequence of code points). An open-addressing table, FNV-1a hashes of the code points;
 * words may carry a few small ints (lang's language indices).
 *
 * Compact, for the caches (lang's table of 11,713 words was ~1 MB of 8-byte slots, 40-byte
 * entries with the hash, a pool of code points and one of values, and its lookups missed the
 * caches inside the pipeline): a word is a record in one pool of 32-bit units, [length, value
 * count, code points..., values...]; a slot is 32 bits, the record's offset + 1 in its low
 * `bits` bits and a tag of the hash (bits 32-63) in the others. A lookup of a word not in the
 * set reads its slots alone (a tag seldom matches), a found word its slot and its record (one
 * or two lines). ---- */

#define WORDS_MAX_BITS 28 /* record offsets below 2^28 units: tags keep 4 bits or more */

typedef struct {
    uint32_t *slots;   /* 0: empty; else tag | (record offset + 1) */
    Py_ssize_t mask;   /* slots - 1 (a power of two minus one) */
    uint32_t offsets;  /* (1 << bits) - 1: the offset field of a slot */
    int bits;
    uint32_t *pool;
    Py_ssize_t pool_used, pool_size; /* in units */
    Py_ssize_t count;   /* words */
    Py_ssize_t longest; /* the longest word's length */
    int largest;        /* the largest value (-1: none) */
    uint64_t *filter;   /* a bit per filter_key of the words: a word whose bit is clear is none */
    int filter_shift;   /* 32 - log2(bits of filter) */
} Words;

/* a word's bit in the filter: of its first and last code points and its length (no pass over
 * it), so that most words not in the set are known to be none before they are hashed */
static inline uint32_t filter_key(const Py_UCS4 *codes, Py_ssize_t len, int shift) {
    uint32_t first = len ? codes[0] : 0, last = len ? codes[len - 1] : 0;
    return (first * 0x9E3779B1u ^ last * 0x85EBCA6Bu ^ (uint32_t)len * 0xC2B2AE35u) >> shift;
}

/* whether codes[:len] may be in the set (false: it is not) */
static inline int words_maybe(const Words *w, const Py_UCS4 *codes, Py_ssize_t len) {
    uint32_t key = filter_key(codes, len, w->filter_shift);
    return (int)((w->filter[key >> 6] >> (key & 63)) & 1);
}

static inline uint64_t word_hash(const Py_UCS4 *codes, Py_ssize_t len) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (Py_ssize_t i = 0; i < len; i++) {
        h ^= codes[i];
        h *= 0x100000001b3ULL;
    }
    return h ^ (h >> 29);
}

static void words_free(Words *w) {
    PyMem_Free(w->slots);
    PyMem_Free(w->pool);
    PyMem_Free(w->filter);
    memset(w, 0, sizeof(*w));
}

static int words_init(Words *w, Py_ssize_t expected) {
    memset(w, 0, sizeof(*w));
    w->largest = -1;
    w->bits = 12;
    w->offsets = (1u << w->bits) - 1;
    Py_ssize_t slots = 16;
    while (slots < 2 * expected + 2) slots *= 2;
    w->slots = PyMem_Calloc(slots, sizeof(uint32_t));
    w->mask = slots - 1;
    int filter_bits = 12; /* 8 bits a word expected or more, 4096 to 2^20 */
    while (filter_bits < 20 && ((Py_ssize_t)1 << filter_bits) < 8 * expected) filter_bits++;
    w->filter_shift = 32 - filter_bits;
    w->filter = PyMem_Calloc((size_t)1 << (filter_bits - 6), sizeof(uint64_t));
    if (!w->slots || !w->filter) {
        PyMem_Free(w->slots);
        PyMem_Free(w->filter);
        w->slots = NULL;
        w->filter = NULL;
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* the record offset of the word codes[:len] (its hash h: word_hash), or -1 */
static inline Py_ssize_t words_find_hashed(const Words *w, const Py_UCS4 *codes, Py_ssize_t len,
                                           uint64_t h) {
    const uint32_t offsets = w->offsets, high = (uint32_t)(h >> 32);
    const uint32_t *slots = w->slots;
    for (Py_ssize_t i = (Py_ssize_t)(h & (uint64_t)w->mask);; i = (i + 1) & w->mask) {
        uint32_t s = slots[i];
        if (!s) return -1;
        if ((s ^ high) > offsets) continue; /* the tags differ */
        Py_ssize_t at = (Py_ssize_t)(s & offsets) - 1;
        const uint32_t *record = w->pool + at;
        if ((Py_ssize_t)record[0] != len) continue;
        const uint32_t *word = record + 2; /* (words are short: no memcmp call) */
        Py_ssize_t k = 0;
        while (k < len && word[k] == codes[k]) k++;
        if (k == len) return at;
    }
}

static inline Py_ssize_t words_find(const Words *w, const Py_UCS4 *codes, Py_ssize_t len) {
    return w->count ? words_find_hashed(w, codes, len, word_hash(codes, len)) : -1;
}


static int grow(void **buffer, Py_ssize_t *size, Py_ssize_t needed, size_t item) {
    if (needed <= *size) return 0;
    Py_ssize_t bigger = *size ? *size : 16;
    while (bigger < needed) bigger *= 2;
    void *moved = PyMem_Realloc(*buffer, (size_t)bigger * item);
    if (!moved) {
        PyErr_NoMemory();
        return -1;
    }
    *buffer = moved;
    *size = bigger;
    return 0;
}

/* the slots anew, `slots` of them, offsets of `bits` bits, from the records (4-byte units) */
static int words_rehash(Words *w, Py_ssize_t slots, int bits) {
    uint32_t *fresh = PyMem_Calloc(slots, sizeof(uint32_t));
    if (!fresh) {
        PyErr_NoMemory();
        return -1;
    }
    uint32_t offsets = (1u << bits) - 1;
    const uint32_t *pool = w->pool;
    for (Py_ssize_t at = 0; at < w->pool_used;) {
        Py_ssize_t len = pool[at], count = pool[at + 1];
        uint64_t h = word_hash(pool + at + 2, len);
        Py_ssize_t i = (Py_ssize_t)(h & (uint64_t)(slots - 1));
        while (fresh[i]) i = (i + 1) & (slots - 1);
        fresh[i] = ((uint32_t)(h >> 32) & ~offsets) | (uint32_t)(at + 1);
        at += 2 + len + count;
    }
    PyMem_Free(w->slots);
    w->slots = fresh;
    w->mask = slots - 1;
    w->bits = bits;
    w->offsets = offsets;
    return 0;
}

/* add codes[:len] (with `count` values, each in [0, 2^30]) unless it is there: 1 if added, 0
 * if there, -1 (a table of 4-byte units only) */
static int words_add(Words *w, const Py_UCS4 *codes, Py_ssize_t len, const int *values,
                     Py_ssize_t count) {
    uint64_t h = word_hash(codes, len);
    if (w->count && words_find_hashed(w, codes, len, h) >= 0) return 0;
    Py_ssize_t at = w->pool_used, need = 2 + len + count;
    int bits = w->bits;
    if (at + 1 > (Py_ssize_t)w->offsets || need > ((Py_ssize_t)1 << WORDS_MAX_BITS)) {
        while (bits <= WORDS_MAX_BITS && at + 1 > (((Py_ssize_t)1 << bits) - 1)) bits++;
        if (bits > WORDS_MAX_BITS || need > ((Py_ssize_t)1 << WORDS_MAX_BITS)) {
            PyErr_NoMemory(); /* a table of more than 2^28 units (1 GB) */
            return -1;
        }
    }
    Py_ssize_t slots = w->mask + 1;
    if (2 * (w->count + 1) > slots) slots *= 2; /* keep the table at most half full */
    if (grow((void **)&w->pool, &w->pool_size, at + need, sizeof(uint32_t)) < 0) return -1;
    if ((slots != w->mask + 1 || bits != w->bits) && words_rehash(w, slots, bits) < 0) return -1;
    uint32_t *record = w->pool + at;
    record[0] = (uint32_t)len;
    record[1] = (uint32_t)count;
    if (len) memcpy(record + 2, codes, (size_t)len * sizeof(uint32_t)); /* (Py_UCS4: 32 bits) */
    for (Py_ssize_t k = 0; k < count; k++) {
        record[2 + len + k] = (uint32_t)values[k];
        if (values[k] > w->largest) w->largest = values[k];
    }
    if (len > w->longest) w->longest = len;
    w->pool_used = at + need;
    Py_ssize_t i = (Py_ssize_t)(h & (uint64_t)w->mask);
    while (w->slots[i]) i = (i + 1) & w->mask;
    w->slots[i] = ((uint32_t)(h >> 32) & ~w->offsets) | (uint32_t)(at + 1);
    uint32_t key = filter_key(codes, len, w->filter_shift);
    w->filter[key >> 6] |= (uint64_t)1 << (key & 63);
    w->count++;
    return 1;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_CHAR_PASS_AVX2 1
#include <immintrin.h>
#define AVX2_TARGET __attribute__((target("avx2,bmi,bmi2,popcnt")))
static int have_avx2; /* whether the processor has AVX2, BMI1, BMI2, POPCNT: set once at import */

/* 32 bytes stored as 32 code points at `to` */
AVX2_TARGET static inline void store_widened(Py_UCS4 *to, __m256i bytes) {
    __m128i low0 = _mm256_castsi256_si128(bytes), low1 = _mm256_extracti128_si256(bytes, 1);
    __m256i *out = (__m256i *)to;
    _mm256_storeu_si256(out, _mm256_cvtepu8_epi32(low0));
    _mm256_storeu_si256(out + 1, _mm256_cvtepu8_epi32(_mm_srli_si128(low0, 8)));
    _mm256_storeu_si256(out + 2, _mm256_cvtepu8_epi32(low1));
    _mm256_storeu_si256(out + 3, _mm256_cvtepu8_epi32(_mm_srli_si128(low1, 8)));
}

/* widen's loops for UCS1 and UCS2 strs of 8 characters or more, 8 characters a store (the last
 * 8 of the text stored last, over those before them: no read past its end) */
AVX2_TARGET static void widen_avx2(const void *data, int kind, Py_ssize_t len,
                                   Py_UCS4 *restrict out) {
    Py_ssize_t i = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *chars = data;
        for (; i + 16 <= len; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(chars + i));
            _mm256_storeu_si256((__m256i *)(out + i), _mm256_cvtepu8_epi32(v));
            _mm256_storeu_si256((__m256i *)(out + i + 8), _mm256_cvtepu8_epi32(_mm_srli_si128(v, 8)));
        }
        for (;; i += 8) {
            if (i + 8 > len) i = len - 8;
            _mm256_storeu_si256((__m256i *)(out + i),
                                _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(chars + i))));
            if (i + 8 >= len) break;
        }
    } else {
        const Py_UCS2 *chars = data;
        for (;; i += 8) {
            if (i + 8 > len) i = len - 8;
            _mm256_storeu_si256((__m256i *)(out + i),
                                _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(chars + i))));
            if (i + 8 >= len) break;
        }
    }
}
#endif

/* the code points of a str into *buffer (grown as needed) */
/* PyUnicode_AsUCS4(text, out, size, 0) of a ready str, out holding at least its length: a
 * loop per kind the compiler vectorises (PyUnicode_AsUCS4 took 4.5 instructions a character) */
static void widen(PyObject *text, Py_UCS4 *restrict out) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
#ifdef HAVE_CHAR_PASS_AVX2
    if (have_avx2 && len >= 8 && kind != PyUnicode_4BYTE_KIND) {
        widen_avx2(PyUnicode_DATA(text), kind, len, out);
        return;
    }
#endif
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *restrict chars = PyUnicode_1BYTE_DATA(text);
        for (Py_ssize_t i = 0; i < len; i++) out[i] = chars[i];
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *restrict chars = PyUnicode_2BYTE_DATA(text);
        for (Py_ssize_t i = 0; i < len; i++) out[i] = chars[i];
    } else {
        memcpy(out, PyUnicode_4BYTE_DATA(text), (size_t)len * sizeof(Py_UCS4));
    }
}

static int str_codes(PyObject *text, Py_UCS4 **buffer, Py_ssize_t *size) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (grow((void **)buffer, size, len + 1, sizeof(Py_UCS4)) < 0) return -1;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < len; i++) (*buffer)[i] = PyUnicode_READ(kind, data, i);
    return 0;
}

#define WORDS_CAPSULE "newsdump._features.Words"

static void words_capsule_free(PyObject *capsule) {
    Words *w = PyCapsule_GetPointer(capsule, WORDS_CAPSULE);
    if (w) {
        words_free(w);
        PyMem_Free(w);
    }
}

static const Words *words_of(PyObject *capsule) {
    return PyCapsule_GetPointer(capsule, WORDS_CAPSULE); /* sets the error when it is none */
}

/* word_table(words): the set of the strs of an iterable, or of a dict's keys with their tuples
 * of small ints as values (lang's word -> language indices), as an opaque table */
static PyObject *word_table(PyObject *self, PyObject *words) {
    int is_dict = PyDict_Check(words);
    Py_ssize_t expected = PyObject_Length(words);
    if (expected < 0) return NULL;
    Words *w = PyMem_Malloc(sizeof(Words));
    if (!w) return PyErr_NoMemory();
    if (words_init(w, expected) < 0) {
        PyMem_Free(w);
        return NULL;
    }
    Py_UCS4 *codes = NULL;
    Py_ssize_t codes_size = 0;
    int *values = NULL;
    Py_ssize_t values_size = 0;
    PyObject *it = PyObject_GetIter(words), *item = NULL;
    if (!it) goto fail;
    while ((item = PyIter_Next(it))) {
        if (!PyUnicode_Check(item) || PyUnicode_READY(item) < 0) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "word_table: str expected");
            goto fail;
        }
        Py_ssize_t count = 0;
        if (is_dict) {
            PyObject *tuple = PyDict_GetItemWithError(words, item);
            if (!tuple || !PyTuple_Check(tuple)) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_TypeError, "word_table: tuples of indices expected");
                goto fail;
            }
            count = PyTuple_GET_SIZE(tuple);
            if (grow((void **)&values, &values_size, count + 1, sizeof(int)) < 0) goto fail;
            for (Py_ssize_t k = 0; k < count; k++) {
                long at = PyLong_AsLong(PyTuple_GET_ITEM(tuple, k));
                if (at == -1 && PyErr_Occurred()) goto fail;
                if (at < 0 || at > 1 << 30) {
                    PyErr_SetString(PyExc_IndexError, "word_table: index out of range");
                    goto fail;
                }
                values[k] = (int)at;
            }
        }
        if (str_codes(item, &codes, &codes_size) < 0
            || words_add(w, codes, PyUnicode_GET_LENGTH(item), values, count) < 0)
            goto fail;
        Py_CLEAR(item);
    }
    if (PyErr_Occurred()) goto fail;
    Py_DECREF(it);
    PyMem_Free(codes);
    PyMem_Free(values);
    PyObject *capsule = PyCapsule_New(w, WORDS_CAPSULE, words_capsule_free);
    if (!capsule) {
        words_free(w);
        PyMem_Free(w);
    }
    return capsule;
fail:
    Py_XDECREF(item);
    Py_XDECREF(it);
    PyMem_Free(codes);
    PyMem_Free(values);
    words_free(w);
    PyMem_Free(w);
    return NULL;
}

/* prefix sums as numpy computes them: cs[0] = 0, cs[k] = np.cumsum(v)[k - 1] */
static void prefix_sums(const double *v, Py_ssize_t stride, Py_ssize_t n, double *cs) {
    cs[0] = 0.0;
    if (n > 0) cs[1] = v[0];
    for (Py_ssize_t k = 1; k < n; k++) cs[k + 1] = cs[k] + v[k * stride];
}

/* features._window_sum from prefix sums */
static inline double window_sum(const double *cs, Py_ssize_t n, Py_ssize_t i, int radius) {
    Py_ssize_t hi = i + radius + 1 < n ? i + radius + 1 : n;
    Py_ssize_t lo = i - radius > 0 ? i - radius : 0;
    return cs[hi] - cs[lo];
}

static inline double window_count(Py_ssize_t n, Py_ssize_t i, int radius) {
    Py_ssize_t hi = i + radius + 1 < n ? i + radius + 1 : n;
    Py_ssize_t lo = i - radius > 0 ? i - radius : 0;
    return (double)(hi - lo);
}

/* features._distance_to: blocks to the nearest flagged one above and below, capped */
static void distance_to(const char *mask, Py_ssize_t n, double *above, double *below, Py_ssize_t stride) {
    Py_ssize_t last = -10 * n;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (mask[i]) last = i;
        Py_ssize_t d = i - last;
        above[i * stride] = (double)(d < NEAR_LINES ? d : NEAR_LINES);
    }
    Py_ssize_t next = 10 * n;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (mask[i]) next = i;
        Py_ssize_t d = next - i;
        below[i * stride] = (double)(d < NEAR_LINES ? d : NEAR_LINES);
    }
}

/* the character pass over one block: counts into q (one row of Q_COUNT) */
/* The ten class counts of a block (digits, upper, lower, dense, alpha, punctuation,
 * separators, commas, spaces, copyright signs: counts[0..9]) are summed as 6-bit fields of one
 * integer: a character adds count_low[its flags' bits 2-7] + count_high[bits 8-12], where
 * every entry has a 1 in the field of each counted class whose flag is set. */
static const unsigned CLASS_COUNTS[10] = {F_DIGIT, F_UPPER, F_LOWER, F_DENSE, F_ALPHA,
                                          F_PUNCT, F_SEPARATOR, F_COMMA, F_SPACE, F_COPYRIGHT};
static uint64_t count_low[64], count_high[32]; /* constants, filled once at import */
/* the code points below SMALL (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, ...) that
 * lang.TOKEN_RE takes into a token ([^\W\d_]), and every one's lower_alone: table lookups
 * instead of calls into the Unicode database for the scripts most pages are written in */
#define SMALL 0x800
static char small_token[SMALL];
static Py_UCS4 small_lower[SMALL];
static uint32_t small_lower_token[SMALL]; /* small_lower, and bit 31: whether it is a token's */
/* small_lower_token for stopword_hits' lowered count: the same, but U+0130 and U+03A3 (which
 * str.lower maps by more than the character: see stopword_hits) are no token's and have bit 30 */
#define HITS_CONTEXT (1u << 30)
static uint32_t small_hits_lower[SMALL];

/* lower_alone(c), from the table below SMALL */
static inline Py_UCS4 lower_fast(Py_UCS4 c) { return c < SMALL ? small_lower[c] : lower_alone(c); }

/* whether *c (with lower: lowered, as lower_alone, in place) is a character of a token
 * (lang.TOKEN_RE: [^\W\d_]): below SMALL one table read */
static inline int token_char(Py_UCS4 *c, int lower) {
    Py_UCS4 x = *c;
    if (x < SMALL) {
        if (!lower) return small_token[x];
        uint32_t e = small_lower_token[x];
        *c = e & 0x7FFFFFFFu;
        return (int)(e >> 31);
    }
    if (lower) *c = x = lower_alone(x);
    return x < SMALL ? small_token[x] : Py_UNICODE_ISALNUM(x) && !Py_UNICODE_ISDECIMAL(x);
}

static void fill_count_tables(void) {
    for (Py_UCS4 c = 0; c < SMALL; c++) { /* ASCII: letters alone (digits are decimal) */
        small_token[c] = c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                                 : Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c);
        small_lower[c] = lower_alone(c);
    }
    for (Py_UCS4 c = 0; c < SMALL; c++) {
        Py_UCS4 low = small_lower[c];
        int token = low < SMALL ? small_token[low]
                                : Py_UNICODE_ISALNUM(low) && !Py_UNICODE_ISDECIMAL(low);
        small_lower_token[c] = low | (uint32_t)token << 31;
        small_hits_lower[c] = (c == 0x130 || c == 0x3A3) ? HITS_CONTEXT : small_lower_token[c];
    }
    memset(count_low, 0, sizeof(count_low));
    memset(count_high, 0, sizeof(count_high));
    for (unsigned bits = 0; bits < 64; bits++)
        for (int k = 0; k < 10; k++)
            if ((bits << 2) & CLASS_COUNTS[k]) count_low[bits] += (uint64_t)1 << (6 * k);
    for (unsigned bits = 0; bits < 32; bits++)
        for (int k = 0; k < 10; k++)
            if ((bits << 8) & CLASS_COUNTS[k]) count_high[bits] += (uint64_t)1 << (6 * k);
}

static inline void unpack_counts(uint64_t packed, long *counts) {
    for (int k = 0; k < 10; k++) counts[k] += (long)((packed >> (6 * k)) & 63);
}

/* the lower-cased token text[a:b] by str.lower into *low (grown), and its word_hash into
 * *hash: for a token holding U+0130 (lowered to two characters) or U+03A3 (a final sigma by
 * its context), the characters str.lower maps otherwise than lower_alone */
static __attribute__((noinline)) Py_ssize_t lower_token_slow(
    PyObject *text, const Text *t, Py_ssize_t a, Py_ssize_t b, Py_UCS4 **low,
    Py_ssize_t *low_size, uint64_t *hash) {
    PyObject *token = lowered(text, t, a, b);
    if (!token) return -1;
    Py_ssize_t len = PyUnicode_GET_LENGTH(token);
    int failed = str_codes(token, low, low_size);
    Py_DECREF(token);
    if (failed < 0) return -1;
    *hash = word_hash(*low, len);
    return len;
}

/* the ASCII characters block_pass looks around: ":", ".", "w", "W" (links, times), "@" */
static const char ASCII_MARKS[128] = {[':'] = 1, ['.'] = 1, ['w'] = 1, ['W'] = 1, ['@'] = 1};

/* what block_pass reads of a code point below 256, from the class table of the call: the
 * flags, the class counts' increment (count_low + count_high of them) and whether the
 * character needs the tests of links, times, years and sentence ends (a digit, a sentence end,
 * one of ASCII_MARKS) */
typedef struct {
    uint64_t entry[256]; /* class_entry of the character */
    unsigned short flags[256];
    int ascii_fast; /* the table gives the ASCII letters and the space the classes char_pass_avx2
                     * assumes of them (see ascii_fast_ok) */
} Latin1Classes;

/* what char_pass adds up of a character of flags f: the class counts' increment (count_low +
 * count_high of them: bits 0-59), and above those whether it is a word's character (bit
 * E_WORD), an upper-case one (E_UPPER) and a special one (E_SPECIAL: it needs the tests of
 * links, times, years and sentence ends). Bits 60-63 of a sum of entries are garbage; its
 * counts (6 bits each, at most 63 characters summed) are not. */
#define E_WORD 60
#define E_UPPER 61
#define E_SPECIAL 62
static inline uint64_t class_entry(unsigned f, int special) {
    return (count_low[(f >> 2) & 63] + count_high[(f >> 8) & 31])
           | (uint64_t)((f >> 13) & 1) << E_WORD /* F_WORD */
           | (uint64_t)((f >> 6) & 1) << E_UPPER /* F_UPPER */
           | (uint64_t)(special != 0) << E_SPECIAL;
}

/* whether the class table gives every ASCII letter its case and F_WORD alone and the space
 * F_SPACE alone: what char_pass_avx2 counts of them without reading the table (a lower-case
 * letter counts in counts[2], an upper-case one in counts[1], the space in counts[8]; of these
 * only "w" and "W" are special, by ASCII_MARKS) */
static int ascii_fast_ok(const unsigned short *table) {
    for (unsigned c = 'a'; c <= 'z'; c++)
        if (table[c] != (F_LOWER | F_WORD) || table[c - 0x20] != (F_UPPER | F_WORD)) return 0;
    return table[' '] == F_SPACE;
}

static void latin1_classes(const unsigned short *table, Latin1Classes *l) {
    for (unsigned c = 0; c < 256; c++) {
        unsigned f = table[c];
        l->flags[c] = (unsigned short)f;
        l->entry[c] = class_entry(
            f, (f & (F_DIGIT | F_SENTENCE_END)) != 0 || (c < 128 && ASCII_MARKS[c]));
    }
    l->ascii_fast = ascii_fast_ok(table);
}

/* the class_entry of a character from U+0100 (special: a digit or a sentence end) */
static inline uint64_t wide_entry(const unsigned short *table, Py_UCS4 c) {
    unsigned f = c < 0x10000 ? table[c] : 0;
    return class_entry(f, (f & (F_DIGIT | F_SENTENCE_END)) != 0);
}

/* The loop over a block's characters, without a branch a character (but the one to characters
 * from U+0100): the ten class counts into counts[0..9] (summed as class_entry's 6-bit fields,
 * in chunks of 63 characters), the words' capitals (upper-case characters where a word starts
 * or ends), into bound the positions where the text goes into or out of a word (the end
 * closing the last one: an even number of them, returned) and into special_at (*specials of
 * them) those of the special characters. Each position is written at the next free place of
 * its list, which only advances when the character is one. (A function of its own: inlined in
 * block_matrix, its variables lived on the stack.) */
static __attribute__((noinline)) Py_ssize_t char_pass(const Py_UCS4 *codes, Py_ssize_t len,
                                                      const Latin1Classes *latin1,
                                                      const unsigned short *table,
                                                      Py_ssize_t *bound, Py_ssize_t *special_at,
                                                      long *counts, Py_ssize_t *specials,
                                                      long *capitals_out) {
    Py_ssize_t *b = bound, *sp = special_at; /* (the next free places: fewer registers) */
    uint64_t prev_word = 0, capitals = 0;
    const uint64_t *entry = latin1->entry;
    for (Py_ssize_t i = 0; i < len;) {
        Py_ssize_t chunk_end = len - i > 63 ? i + 63 : len;
        uint64_t packed = 0;
        for (; i < chunk_end; i++) {
            Py_UCS4 c = codes[i];
            uint64_t e = c < 256 ? entry[c] : wide_entry(table, c);
            packed += e;
            uint64_t word = (e >> E_WORD) & 1;
            uint64_t change = word ^ prev_word;
            capitals += (e >> E_UPPER) & change;
            *b = i;
            b += change;
            prev_word = word;
            *sp = i;
            sp += (e >> E_SPECIAL) & 1;
        }
        unpack_counts(packed, counts);
    }
    if (prev_word) *b++ = len; /* the last token ends with the text */
    *specials = sp - special_at;
    *capitals_out = (long)capitals;
    return b - bound;
}

#ifdef HAVE_CHAR_PASS_AVX2
#define LETTERS_OF(base) \
    [base + 0] = 1, [base + 1] = 1, [base + 2] = 1, [base + 3] = 1, [base + 4] = 1, [base + 5] = 1, \
    [base + 6] = 1, [base + 7] = 1, [base + 8] = 1, [base + 9] = 1, [base + 10] = 1, [base + 11] = 1, \
    [base + 12] = 1, [base + 13] = 1, [base + 14] = 1, [base + 15] = 1, [base + 16] = 1, \
    [base + 17] = 1, [base + 18] = 1, [base + 19] = 1, [base + 20] = 1, [base + 21] = 1, \
    [base + 22] = 1, [base + 23] = 1, [base + 24] = 1, [base + 25] = 1
static const char ASCII_LETTER_SPACE[128] = {[' '] = 1, LETTERS_OF('A'), LETTERS_OF('a')};

/* the positions of the bits of mask (of a chunk of 32 from i) into out, 8 at a time without a
 * test a position (positions past the bits: i + 32, written to out[BOUND_SLACK - 1] at most
 * past the last one); returns how many */
#define BOUND_SLACK 32
AVX2_TARGET static inline Py_ssize_t bit_positions(uint32_t mask, Py_ssize_t i, Py_ssize_t *out) {
    int count = __builtin_popcount(mask);
    for (int k = 0; k < 8; k++) {
        out[k] = i + (Py_ssize_t)_tzcnt_u32(mask);
        mask = _blsr_u32(mask);
    }
    if (count > 8)
        for (int k = 8; k < 32 && mask; k += 8)
            for (int j = 0; j < 8; j++) {
                out[k + j] = i + (Py_ssize_t)_tzcnt_u32(mask);
                mask = _blsr_u32(mask);
            }
    return count;
}

/* char_pass with runs of ASCII letters and spaces (most of a page's text) classified 32
 * characters at a time: their class counts by popcounts (lower case, upper case, spaces: the
 * table's classes of them, ascii_fast_ok), the word bounds and capitals from the mask of letters,
 * "w"/"W" (special: links) from their own mask; every other character (digits, punctuation, NUL,
 * anything from U+0080) by char_pass's own step, one at a time, to the next letter or space.
 * The same bounds, specials, counts and capitals as char_pass, in the same order. codes must be
 * readable to codes[len + 31] (what lies past len is not looked at). Also the text lowered as
 * tokens_pass lowers a token's characters, into lowered[0:len] (written to lowered[len + 31]),
 * and into *context_out whether it holds U+0130 or U+03A3 (then tokens_pass must do it: such a
 * token goes through str.lower). */
AVX2_TARGET static __attribute__((noinline)) Py_ssize_t char_pass_avx2(
    const Py_UCS4 *codes, Py_ssize_t len, const Latin1Classes *latin1,
    const unsigned short *table, Py_ssize_t *bound, Py_ssize_t *special_at, long *counts,
    Py_ssize_t *specials, long *capitals_out, Py_UCS4 *restrict lowered, int *context_out) {
    uint32_t context = 0;
    Py_ssize_t *b = bound, *sp = special_at;
    uint64_t prev_word = 0, capitals = 0, packed = 0;
    unsigned pending = 0; /* characters summed in packed (at most 63) */
    long lower = 0, upper = 0, spaces = 0;
    const uint64_t *entry = latin1->entry;
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    const __m256i case_bit = _mm256_set1_epi8(0x20), a_low = _mm256_set1_epi8('a'),
                  z_span = _mm256_set1_epi8(25), blank = _mm256_set1_epi8(' '),
                  w_low = _mm256_set1_epi8('w');
    Py_ssize_t i = 0;
    while (i < len) {
        /* 32 code points as bytes: those from U+0100 saturate to 0x00 or 0xFF (no letter, no
         * space) */
        const __m256i *at = (const __m256i *)(codes + i);
        __m256i v0 = _mm256_loadu_si256(at), v1 = _mm256_loadu_si256(at + 1),
                v2 = _mm256_loadu_si256(at + 2), v3 = _mm256_loadu_si256(at + 3);
        __m256i x = _mm256_permutevar8x32_epi32(
            _mm256_packus_epi16(_mm256_packus_epi32(v0, v1), _mm256_packus_epi32(v2, v3)), order);
        __m256i folded = _mm256_or_si256(x, case_bit), rel = _mm256_sub_epi8(folded, a_low);
        __m256i is_letter = _mm256_cmpeq_epi8(_mm256_min_epu8(rel, z_span), rel);
        uint32_t letters = (uint32_t)_mm256_movemask_epi8(is_letter);
        uint32_t low_case = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(x, 2)); /* bit 5 */
        uint32_t blanks = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, blank));
        uint32_t ws = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(folded, w_low));
        Py_ssize_t left = len - i;
        uint32_t others = ~(letters | blanks);
        if (left < 32) others |= ~_bzhi_u32(0xFFFFFFFFu, (unsigned)left);
        unsigned run = others ? (unsigned)__builtin_ctz(others) : 32; /* fast characters */
        if (run) {
            /* lowered: the letters' case bit set, as bytes widened to code points (those past
             * the run are written again by the steps that read them) */
            __m256i low = _mm256_or_si256(x, _mm256_and_si256(is_letter, case_bit));
            store_widened(lowered + i, low);
            uint32_t word = _bzhi_u32(letters, run);
            uint32_t lows = word & low_case;
            lower += __builtin_popcount(lows);
            upper += __builtin_popcount(word ^ lows);
            spaces += __builtin_popcount(_bzhi_u32(blanks, run));
            uint32_t change = _bzhi_u32(word ^ ((word << 1) | (uint32_t)prev_word), run);
            capitals += (uint64_t)__builtin_popcount(change & word & ~low_case);
            b += bit_positions(change, i, b);
            for (uint32_t m = _bzhi_u32(ws & letters, run); m; m = _blsr_u32(m))
                *sp++ = i + __builtin_ctz(m);
            prev_word = (word >> (run - 1)) & 1;
            i += run;
        }
        if (run == 32 || i >= len) continue;
        /* the other characters, one at a time, to the next ASCII letter, or space before one */
        for (Py_UCS4 c = codes[i];;) {
            if (c < SMALL) { /* lowered as tokens_pass lowers */
                uint32_t hit = small_hits_lower[c];
                context |= hit;
                lowered[i] = hit & 0x3FFFFFFFu;
            } else {
                lowered[i] = lower_alone(c);
            }
            uint64_t e = c < 256 ? entry[c] : wide_entry(table, c);
            packed += e;
            uint64_t w = (e >> E_WORD) & 1;
            uint64_t ch = w ^ prev_word;
            capitals += (e >> E_UPPER) & ch;
            *b = i;
            b += ch;
            prev_word = w;
            *sp = i;
            sp += (e >> E_SPECIAL) & 1;
            if (++pending == 63) {
                unpack_counts(packed, counts);
                packed = 0;
                pending = 0;
            }
            if (++i >= len) break;
            c = codes[i];
            if (c < 128 && ASCII_LETTER_SPACE[c]
                && (c != ' ' || (codes[i + 1] < 128 && ASCII_LETTER_SPACE[codes[i + 1]])))
                break; /* (a space between words of other scripts stays here) */
        }
    }
    unpack_counts(packed, counts);
    counts[1] += upper;
    counts[2] += lower;
    counts[8] += spaces;
    if (prev_word) *b++ = len; /* the last token ends with the text */
    *specials = sp - special_at;
    *capitals_out = (long)capitals;
    *context_out = (context & HITS_CONTEXT) != 0;
    return b - bound;
}
#endif

/* Every token of a block (bound: nb / 2 pairs of its start and end), in their order, lower-
 * cased, counted as a stopword, remembered as a word of the page's first block (first_block)
 * or looked up among those (check_head); a function of its own (inlined in block_matrix, its variables lived on the stack).
 * Each token is lowered (str.lower) and hashed (word_hash) at once, a character below SMALL by one read of
 * small_hits_lower: bit 30 marks U+0130 and U+03A3 (or-ed over the token, tested once at its
 * end: such a token goes through lower_token_slow); above SMALL by lower_alone (no character
 * there lowers by its context). */
static __attribute__((noinline)) int tokens_pass(PyObject *text, const Text *t,
                                                 const Py_ssize_t *bound, Py_ssize_t nb,
                                                 const Words *stopwords, int dense, Words *head,
                                                 int first_block, int check_head, long *stop,
                                                 long *head_hits, Py_UCS4 **low,
                                                 Py_ssize_t *low_size) {
    if (t->len + 1 > *low_size && grow((void **)low, low_size, t->len + 1, sizeof(Py_UCS4)) < 0)
        return -1; /* (room for any token: the slow path grows it itself) */
    const Py_UCS4 *codes = t->codes;
    int count_stop = !dense && stopwords->count;
    for (Py_ssize_t k = 0; k < nb; k += 2) {
        Py_ssize_t a = bound[k], b = bound[k + 1], n = b - a;
        Py_UCS4 *out = *low;
        uint64_t h = 0xcbf29ce484222325ULL;
        uint32_t context = 0;
        for (Py_ssize_t i = a; i < b; i++) {
            Py_UCS4 c = codes[i];
            if (c < SMALL) {
                uint32_t e = small_hits_lower[c];
                context |= e;
                c = e & 0x3FFFFFFFu;
            } else {
                c = lower_alone(c);
            }
            *out++ = c;
            h = (h ^ c) * 0x100000001b3ULL; /* as word_hash */
        }
        h ^= h >> 29;
        if (context & HITS_CONTEXT) {
            n = lower_token_slow(text, t, a, b, low, low_size, &h);
            if (n < 0) return -1;
        }
        if (count_stop) *stop += words_find_hashed(stopwords, *low, n, h) >= 0;
        if (first_block) {
            if (words_add(head, *low, n, NULL, 0) < 0) return -1;
        } else if (check_head) {
            *head_hits += words_find_hashed(head, *low, n, h) >= 0;
        }
    }
    return 0;
}

#ifdef HAVE_CHAR_PASS_AVX2
/* tokens_pass over the text lowered by char_pass_avx2 (no U+0130 or U+03A3 in it): every
 * token's word is lowered[a:b], hashed and looked up there */
static __attribute__((noinline)) int tokens_pass_lowered(const Py_UCS4 *lowered,
                                                         const Py_ssize_t *bound, Py_ssize_t nb,
                                                         const Words *stopwords, int dense,
                                                         Words *head, int first_block,
                                                         int check_head, long *stop,
                                                         long *head_hits) {
    int count_stop = !dense && stopwords->count;
    for (Py_ssize_t k = 0; k < nb; k += 2) {
        Py_ssize_t a = bound[k], n = bound[k + 1] - a;
        const Py_UCS4 *word = lowered + a;
        int maybe_stop = count_stop && words_maybe(stopwords, word, n),
            maybe_head = !first_block && check_head && words_maybe(head, word, n);
        if (maybe_stop || maybe_head) { /* (most tokens are neither: not hashed) */
            uint64_t h = word_hash(word, n);
            if (maybe_stop) *stop += words_find_hashed(stopwords, word, n, h) >= 0;
            if (maybe_head) *head_hits += words_find_hashed(head, word, n, h) >= 0;
        }
        if (first_block && words_add(head, word, n, NULL, 0) < 0) return -1;
    }
    return 0;
}
#endif

/* The character pass over one block: counts into q (one row of Q_COUNT). Characters below
 * 256 are read from the Latin1Classes of the call, the others from the class table. The class
 * counts are summed in chunks of 63 characters, so that no 6-bit field overflows within one.
 * The tokens' bounds are noted in *bounds (grown to len + 2) and their words looked up after
 * the character loop (with the lookups inlined in it, its registers spilled: instructions a
 * character). */
static int block_pass(PyObject *text, const Py_UCS4 *codes, const unsigned short *table,
                      const Latin1Classes *latin1, const Words *stopwords, int dense, Words *head,
                      int first_block, double *q, Py_UCS4 **low, Py_ssize_t *low_size,
                      Py_ssize_t **bounds, Py_ssize_t *bounds_size) {
    Text t = {codes, PyUnicode_GET_LENGTH(text), table};
    Py_ssize_t len = t.len;
    /* the positions where the text goes into or out of a word (at most len + 1: the end may
     * close one), then those of the characters that need the tests of links, times, years and
     * sentence ends (at most len) */
    if (2 * len + 2 + 2 * BOUND_SLACK > *bounds_size
        && grow((void **)bounds, bounds_size, 2 * len + 2 + 2 * BOUND_SLACK, sizeof(Py_ssize_t)) < 0)
        return -1;
    Py_ssize_t *bound = *bounds, nb = 0, *special_at = *bounds + len + 1 + BOUND_SLACK, ns = 0;
    long counts[12]; /* (10 used) */
    zero96(counts);
    long tokens, stop = 0, head_hits = 0, capitals = 0, links = 0, times = 0, years = 0,
         sentences = 0;
    int check_head = !first_block && head->count > 0;
    int lowered = 0; /* *low holds the text lowered (char_pass_avx2) */
#ifdef HAVE_CHAR_PASS_AVX2
    if (have_avx2 && latin1->ascii_fast) {
        if (len + 33 > *low_size && grow((void **)low, low_size, len + 33, sizeof(Py_UCS4)) < 0)
            return -1;
        int context;
        nb = char_pass_avx2(codes, len, latin1, table, bound, special_at, counts, &ns, &capitals,
                            *low, &context);
        lowered = !context;
    } else
#endif
        nb = char_pass(codes, len, latin1, table, bound, special_at, counts, &ns, &capitals);
    tokens = (long)(nb / 2);
    for (Py_ssize_t k = 0; k < ns; k++) { /* the tests: a digit, a sentence end or ":.wW@" */
        Py_ssize_t i = special_at[k];
        Py_UCS4 c = codes[i];
        unsigned f = c < 256 ? latin1->flags[c] : c < 0x10000 ? table[c] : 0;
        if (c == ':' || c == 'w' || c == 'W' || c == '.') links += link_marks_at(&t, i);
        if (c == '@' && (flags_at(&t, i + 1) & F_WORD)) links++;
        if (c == ':' && (flags_at(&t, i - 1) & F_DIGIT)
            && !((flags_at(&t, i - 2) & F_DIGIT) && (flags_at(&t, i - 3) & F_WORD))
            && (flags_at(&t, i + 1) & F_DIGIT) && (flags_at(&t, i + 2) & F_DIGIT)
            && !(flags_at(&t, i + 3) & F_WORD))
            times++;
        if ((f & F_DIGIT) && !(flags_at(&t, i - 1) & F_WORD)) {
            Py_UCS4 next = code_at(&t, i + 1);
            if (((c == '1' && next == '9') || (c == '2' && next == '0'))
                && (flags_at(&t, i + 2) & F_DIGIT) && (flags_at(&t, i + 3) & F_DIGIT)
                && !(flags_at(&t, i + 4) & F_WORD))
                years++;
        }
        if (f & F_SENTENCE_END) {
            unsigned f1 = flags_at(&t, i + 1), f2 = flags_at(&t, i + 2);
            int closed1 = (f1 & (F_WORD | F_PUNCT)) != 0, closed2 = (f2 & (F_WORD | F_PUNCT)) != 0;
            if (!closed1 || ((f1 & F_CLOSER) && !closed2)) sentences++;
        }
    }
    if (dense) /* the stopwords of a dense page are single characters: counted apart (a test of
                * `dense` per character in the loop above cost it a sixth of its instructions) */
        for (Py_ssize_t i = 0; i < len; i++) stop += words_find(stopwords, codes + i, 1) >= 0;
    if (!(dense && !first_block && !check_head)) {
#ifdef HAVE_CHAR_PASS_AVX2
        if (lowered) {
            if (tokens_pass_lowered(*low, bound, nb, stopwords, dense, head, first_block,
                                    check_head, &stop, &head_hits) < 0)
                return -1;
        } else
#endif
            if (tokens_pass(text, &t, bound, nb, stopwords, dense, head, first_block, check_head,
                            &stop, &head_hits, low, low_size) < 0)
            return -1;
    }
    q[Q_CHARS] = (double)len;
    q[Q_DIGITS] = (double)counts[0];
    q[Q_UPPER] = (double)counts[1];
    q[Q_LOWER] = (double)counts[2];
    q[Q_DENSE] = (double)counts[3];
    q[Q_ALPHA] = (double)counts[4];
    q[Q_PUNCT] = (double)counts[5];
    q[Q_SEPARATORS] = (double)counts[6];
    q[Q_COMMAS] = (double)counts[7];
    q[Q_SPACES] = (double)counts[8];
    q[Q_COPYRIGHT] = (double)counts[9];
    q[Q_TOKENS] = (double)tokens;
    q[Q_STOP] = (double)stop;
    q[Q_HEAD_HITS] = (double)head_hits;
    q[Q_CAPITALS] = (double)capitals;
    q[Q_LINKS] = (double)links;
    q[Q_TIMES] = (double)times;
    q[Q_YEARS] = (double)years;
    q[Q_SENTENCES] = (double)sentences;
    unsigned first = flags_at(&t, 0), last = flags_at(&t, len - 1);
    Py_UCS4 last_code = code_at(&t, len - 1);
    q[Q_TERMINAL] = len > 0 && ((last & F_SENTENCE_END)
                                || ((last & F_CLOSER) && len > 1 && (flags_at(&t, len - 2) & F_SENTENCE_END)));
    q[Q_ENDS_COLON] = len > 0 && (last_code == 0x3A || last_code == 0xFF1A);
    q[Q_ENDS_COMMA] = len > 0 && (last_code == 0x2C || last_code == 0x3B || last_code == 0xFF0C);
    q[Q_STARTS_UPPER] = (first & F_UPPER) != 0;
    q[Q_STARTS_LOWER] = (first & F_LOWER) != 0;
    q[Q_STARTS_DIGIT] = (first & F_DIGIT) != 0;
    q[Q_STARTS_BULLET] = (first & F_BULLET) != 0;
    return 0;
}

typedef struct {
    Py_ssize_t offsets[5]; /* of index, text, lines, blank_before, blank_after */
} BlockLayout;

/* Where a Block (a slots dataclass) keeps its fields, so Blocks are built without __init__ */
static int block_layout(PyTypeObject *type, BlockLayout *layout) {
    static const char *names[5] = {"index", "text", "lines", "blank_before", "blank_after"};
    int found = 0;
    for (PyMemberDef *m = type->tp_members; m && m->name; m++) {
        for (int k = 0; k < 5; k++) {
            if (strcmp(m->name, names[k]) == 0 && m->type == T_OBJECT_EX && !(m->flags & READONLY)) {
                layout->offsets[k] = m->offset;
                found |= 1 << k;
            }
        }
    }
    if (found != 31 || type->tp_basicsize > 32 * (Py_ssize_t)sizeof(PyObject *)) {
        PyErr_SetString(PyExc_TypeError, "segment_blocks: not a slots Block type");
        return -1;
    }
    return 0;
}

/* a field of a block: straight from its slot when the block is of the type whose layout is
 * known, else by getattr (a new reference, or NULL with the error set) */
static inline PyObject *block_field(PyObject *block, PyTypeObject *type, const BlockLayout *layout,
                                    int field, PyObject *name) {
    if (type && Py_TYPE(block) == type) {
        PyObject *value = *(PyObject **)((char *)block + layout->offsets[field]);
        if (value) {
            Py_INCREF(value);
            return value;
        }
    }
    return PyObject_GetAttr(block, name);
}

static int prefix_core(PyObject *texts, char *prefix_of, char *starts_with);

/* block_matrix, and with `whole` (page_matrix: logs and columns given) the prefix pairs
 * (prefix_core) and the page columns (page_blocks, page_words, page_c4_words: from the table of
 * logs where n and the two totals are tabled values) written with their rows: no pass down
 * those columns after it (a line of every row, out of the caches by then) */
static PyObject *block_matrix_of(PyObject *args, int whole) {
    PyObject *blocks, *stopword_table, *log_columns = NULL;
    Py_buffer table, out, logs = {0}, expm1s = {0}, words_out = {0};
    int dense, known;
    if (!PyArg_ParseTuple(args, "O!y*Oppw*|y*O!y*w*", &PyList_Type, &blocks, &table,
                          &stopword_table, &dense, &known, &out, &logs, &PyTuple_Type,
                          &log_columns, &expm1s, &words_out))
        return NULL;
    if ((logs.obj && !log_columns) || (whole && !logs.obj) || (expm1s.obj && !words_out.obj)
        || (expm1s.obj && !whole)) {
        PyBuffer_Release(&table);
        PyBuffer_Release(&out);
        if (logs.obj) PyBuffer_Release(&logs);
        if (expm1s.obj) PyBuffer_Release(&expm1s);
        PyErr_SetString(PyExc_TypeError,
                        whole ? "page_matrix: logs and columns (then expm1s and words) expected"
                              : "block_matrix: logs without their columns, or more arguments");
        return NULL;
    }
    PyObject *result = NULL, *texts = NULL, **shapes = NULL;
    Words head;
    int have_head = 0;
    double *q = NULL;
    Py_UCS4 *buffer = NULL, *low = NULL;
    Py_ssize_t buffer_size = 0, low_size = 0, *bounds = NULL, bounds_size = 0;
    char *mask = NULL, *marks = NULL; /* (whole: prefix_core's, n and n) */
    Py_ssize_t n = PyList_GET_SIZE(blocks);
    const Words *stopwords = words_of(stopword_table);
    if (!stopwords) goto done;
    if (table.len != 0x10000 * (Py_ssize_t)sizeof(unsigned short)
        || out.len != n * BLOCK_WIDTH * (Py_ssize_t)sizeof(double)
        || (expm1s.obj && (expm1s.len != logs.len
                           || words_out.len != n * (Py_ssize_t)sizeof(double)))) {
        PyErr_SetString(PyExc_ValueError, "block_matrix: bad arguments");
        goto done;
    }
    /* the log columns asked (logs given): their place among LOG_KINDS, in their order */
    Py_ssize_t log_count = 0, log_kind[LOG_KINDS];
    char log_asked[LOG_KINDS] = {0};
    if (logs.obj) {
        log_count = PyTuple_GET_SIZE(log_columns);
        if (logs.len % (Py_ssize_t)sizeof(double) != 0 || log_count > LOG_KINDS) {
            PyErr_SetString(PyExc_ValueError, "block_matrix: bad logs");
            goto done;
        }
        for (Py_ssize_t c = 0; c < log_count; c++) {
            Py_ssize_t column = PyLong_AsSsize_t(PyTuple_GET_ITEM(log_columns, c));
            if (column == -1 && PyErr_Occurred()) goto done;
            int kind = 0;
            while (kind < LOG_KINDS && LOG_COLUMNS[kind] != column) kind++;
            if (kind == LOG_KINDS || log_asked[kind]) {
                PyErr_SetString(PyExc_ValueError, "block_matrix: not a log column, or one twice");
                goto done;
            }
            log_asked[kind] = 1;
            log_kind[c] = kind;
        }
    }
    if (words_init(&head, 64) < 0) goto done;
    have_head = 1;
    texts = PyList_New(n);
    q = out.buf; /* (its rows' first Q_COUNT cells: every field is written below) */
    mask = PyMem_Malloc(n + 1);
    shapes = PyMem_Calloc(n + 1, sizeof(PyObject *));
    if (!texts || !mask || !shapes) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    const unsigned short *tab = table.buf;
    Latin1Classes latin1;
    latin1_classes(tab, &latin1);
    BlockLayout layout;
    PyTypeObject *block_type = n ? Py_TYPE(PyList_GET_ITEM(blocks, 0)) : NULL;
    if (block_type && block_layout(block_type, &layout) < 0) { /* not a Block: by getattr */
        PyErr_Clear();
        block_type = NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *block = PyList_GET_ITEM(blocks, i);
        PyObject *text = block_field(block, block_type, &layout, 1, name_text);
        if (!text) goto done;
        if (!PyUnicode_Check(text)) {
            Py_DECREF(text);
            PyErr_SetString(PyExc_TypeError, "block_matrix: a block's text is not a str");
            goto done;
        }
        if (PyUnicode_FindChar(text, '\n', 0, PyUnicode_GET_LENGTH(text), 1) >= 0) {
            PyObject *spaced = PyObject_CallMethodObjArgs(text, name_replace, newline, space, NULL);
            Py_DECREF(text);
            if (!spaced) goto done;
            text = spaced;
        }
        PyList_SET_ITEM(texts, i, text); /* the list owns it */
        double *row = q + i * QS;
        for (int b = 0; b < 2; b++) {
            PyObject *v = block_field(block, block_type, &layout, b ? 4 : 3,
                                      b ? name_blank_after : name_blank_before);
            if (!v) goto done;
            /* as np.array([...], dtype=float64) */
            double value = v == Py_True ? 1.0 : v == Py_False ? 0.0 : PyFloat_AsDouble(v);
            Py_DECREF(v);
            if (value == -1.0 && PyErr_Occurred()) goto done;
            row[b ? Q_BLANK_AFTER : Q_BLANK_BEFORE] = value;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        if (len + 32 > buffer_size || !buffer) { /* (char_pass_avx2 reads 32 codes at a time) */
            PyMem_Free(buffer);
            buffer_size = 2 * len + 256;
            buffer = PyMem_Malloc((buffer_size + 1) * sizeof(Py_UCS4));
            if (!buffer) { PyErr_NoMemory(); goto done; }
        }
        if (PyUnicode_READY(text) < 0) goto done;
        widen(text, buffer); /* (len <= buffer_size) */
        zero128(buffer + len); /* what char_pass_avx2 reads past it: 32 code points */
        if (block_pass(text, buffer, tab, &latin1, stopwords, dense, &head, i == 0, row, &low,
                       &low_size, &bounds, &bounds_size) < 0)
            goto done;
        shapes[i] = PyUnicode_GET_LENGTH(text) <= REPEATED_MAX_CHARS ? shape_of(text) : (Py_INCREF(text), text);
        if (!shapes[i]) goto done;
    }
    if (count_into(((PyListObject *)texts)->ob_item, n, q, Q_REPEATS) < 0
        || count_into(shapes, n, q, Q_SHAPE_REPEATS) < 0)
        goto done;
    if (whole) {
        marks = PyMem_Malloc(2 * (size_t)n + 1);
        if (!marks) {
            PyErr_NoMemory();
            goto done;
        }
        if (prefix_core(texts, marks, marks + n) < 0) goto done;
    }

    /* per block, from the counts */
    double total_words = 0.0, total_c4 = 0.0, total_chars = 0.0, c4_stop = 0.0, c4_words_sum = 0.0;
    double head_size = (double)(head.count > 1 ? head.count : 1);
    int any_c4 = 0, any_blank = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double *r = q + i * QS;
        double words = r[Q_TOKENS] + r[Q_DENSE] / 2.0;
        r[Q_WORDS] = words;
        r[Q_C4] = words >= C4_MIN_WORDS && r[Q_TERMINAL];
        r[Q_C4_WORDS] = words * r[Q_C4];
        r[Q_STOP_SHARE] = r[Q_STOP] / npmax(words, 1.0);
        r[Q_HEADLINE_LIKE] = !r[Q_TERMINAL] && !r[Q_ENDS_COLON] && words >= HEADLINE_MIN_WORDS
                             && words <= HEADLINE_MAX_WORDS && (r[Q_STARTS_UPPER] || r[Q_STARTS_DIGIT]);
        r[Q_TINY] = words <= TINY_MAX_WORDS;
        r[Q_REPEATED_SHORT] = r[Q_SHAPE_REPEATS] >= REPEATED_MIN && r[Q_CHARS] <= REPEATED_MAX_CHARS;
        total_words += words;
        total_c4 += r[Q_C4_WORDS];
        total_chars += r[Q_CHARS];
        if (r[Q_C4]) {
            any_c4 = 1;
            c4_stop += r[Q_STOP];
            c4_words_sum += words;
        }
        any_blank |= r[Q_BLANK_BEFORE] != 0 || r[Q_BLANK_AFTER] != 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double *r = q + i * QS;
        r[Q_AFTER_TINY] = r[Q_C4] * (i > 0 ? r[Q_TINY - QS] : 0.0);
    }
    double page_stop = any_c4 ? c4_stop / dmax(c4_words_sum, 1.0) : 0.0;
    double harsh = !any_blank;

    /* head cover and its anchor */
    double *o = out.buf;
    Py_ssize_t anchor = -1;
    double best_cover = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double cover = i == 0 ? 0.0 : npmin(q[i * QS + Q_HEAD_HITS] / head_size, 1.0);
        q[i * QS + Q_HEAD_COVER] = cover;
        if (i == 0 || cover > best_cover) { /* np.argmax: the first largest */
            anchor = i;
            best_cover = cover;
        }
    }
    if (!(n > 1 && best_cover >= 0.6)) anchor = -1;

    /* runs of prose */
    Py_ssize_t best_start = 0, best_end = 0, run_start = -1, run_end = -1, prev_c4 = -1;
    double best_total = 0.0, run_total = 0.0;
    int have_best = 0;
    /* first pass: the best run (first of the largest totals) */
    for (Py_ssize_t i = 0; i <= n; i++) {
        int is_c4 = i < n && q[i * QS + Q_C4];
        if (i == n || (is_c4 && prev_c4 >= 0 && i - prev_c4 > RUN_MAX_GAP + 1)) {
            if (run_start >= 0 && (!have_best || run_total > best_total)) {
                have_best = 1;
                best_total = run_total;
                best_start = run_start;
                best_end = run_end;
            }
            if (i == n) break;
            run_start = -1;
        }
        if (is_c4) {
            if (run_start < 0) {
                run_start = i;
                run_total = 0.0;
            }
            run_total += q[i * QS + Q_C4_WORDS];
            run_end = i;
            prev_c4 = i;
        }
    }
    double max_total = best_total;
    /* second pass: every block's run (the last run starting at or before it) */
    {
        Py_ssize_t start = -1, end = -1, j = 0;
        double total = 0.0;
        for (Py_ssize_t i = 0; i < n; i++) {
            double *r = q + i * QS;
            if (q[i * QS + Q_C4] && (start < 0 || i - end > RUN_MAX_GAP + 1)) {
                /* a new run starts here: find its end and total */
                start = i;
                end = i;
                total = 0.0;
                for (j = i; j < n; j++) {
                    if (!q[j * QS + Q_C4]) continue;
                    if (j - end > RUN_MAX_GAP + 1) break;
                    end = j;
                    total += q[j * QS + Q_C4_WORDS];
                }
            }
            int inside = start >= 0 && i <= end;
            r[Q_RUN_WORDS] = inside ? total : 0.0;
            r[Q_IN_BEST_RUN] = any_c4 && inside && start == best_start;
        }
    }

    /* distances to prose and streaks */
    for (Py_ssize_t i = 0; i < n; i++) mask[i] = q[i * QS + Q_C4] != 0;
    distance_to(mask, n, q + Q_C4_ABOVE, q + Q_C4_BELOW, QS);
    for (Py_ssize_t i = 0; i < n;) {
        if (!mask[i]) {
            q[i * QS + Q_STREAK] = 0.0;
            i++;
            continue;
        }
        Py_ssize_t j = i;
        while (j < n && mask[j]) j++;
        double length = (double)(j - i);
        for (Py_ssize_t k = i; k < j; k++) q[k * QS + Q_STREAK] = npmin(length, NEAR_LINES);
        i = j;
    }

    /* windows: prefix sums of c4 words, c4, words, links, tiny, repeated short, after tiny */
    static const int windowed[7] = {Q_C4_WORDS, Q_C4, Q_WORDS, Q_LINKS, Q_TINY, Q_REPEATED_SHORT, Q_AFTER_TINY};
    double *sums[7];
    double *all_sums = PyMem_Malloc(7 * (n + 1) * sizeof(double));
    if (!all_sums) { PyErr_NoMemory(); goto done; }
    for (int w = 0; w < 7; w++) {
        sums[w] = all_sums + w * (n + 1);
        prefix_sums(q + windowed[w], QS, n, sums[w]);
    }
    /* the log columns asked that log1p_columns would read from its table: every cell of the
     * column a small integer (then read from the table as the row is written) */
    char tabled[LOG_KINDS] = {0};
    const double *log_table = logs.obj ? logs.buf : NULL;
    if (logs.obj) {
        double top = (double)(logs.len / (Py_ssize_t)sizeof(double));
        int ok_chars = 1, ok_c4_10 = 1, ok_c4_3 = 1, ok_words_3 = 1, ok_run = 1;
        Py_ssize_t first_bad = n, last_bad = -1; /* of the words */
        for (Py_ssize_t i = 0; i < n; i++) {
            const double *r = q + i * QS;
            ok_chars &= tabled_value(r[Q_CHARS], top);
            if (!tabled_value(r[Q_WORDS], top)) {
                if (first_bad == n) first_bad = i;
                last_bad = i;
            }
            ok_c4_10 &= tabled_value(window_sum(sums[0], n, i, 10), top);
            ok_c4_3 &= tabled_value(window_sum(sums[0], n, i, 3), top);
            ok_words_3 &= tabled_value(window_sum(sums[2], n, i, 3), top);
            ok_run &= tabled_value(r[Q_RUN_WORDS], top);
        }
        tabled[LK_CHARS] = (char)ok_chars;
        tabled[LK_WORDS] = last_bad < 0;
        tabled[LK_C4_WORDS_10] = (char)ok_c4_10;
        tabled[LK_C4_WORDS_3] = (char)ok_c4_3;
        tabled[LK_WORDS_3] = (char)ok_words_3;
        tabled[LK_RUN_WORDS] = (char)ok_run;
        for (int k = 0; k < 4; k++) { /* the words of blocks i + offset inside the page, 0 else */
            int offset = NEIGHBOUR_OFFSETS[k];
            tabled[LK_NEIGHBOURS + k] = offset < 0 ? !(first_bad < n + offset) : !(last_bad >= offset);
        }
        for (int kind = 0; kind < LOG_KINDS; kind++) tabled[kind] &= log_asked[kind];
    }
#define LOGGED(kind, v) (tabled[kind] ? log_table[(Py_ssize_t)(v)] : (v))
    double page_blocks = 0.0, page_words = 0.0, page_c4_words = 0.0; /* (else in Python) */
    int page_tabled = 0;
    if (whole) {
        double top = (double)(logs.len / (Py_ssize_t)sizeof(double));
        page_tabled = tabled_value((double)n, top) && tabled_value(total_words, top)
                      && tabled_value(total_c4, top);
        if (page_tabled) {
            page_blocks = log_table[n];
            page_words = log_table[(Py_ssize_t)total_words];
            page_c4_words = log_table[(Py_ssize_t)total_c4];
        }
    }
    double cum_chars = 0.0, cum_c4 = 0.0;
    double denominator_position = (double)(n - 1 > 1 ? n - 1 : 1);
    double denominator_anchor = (double)(n > 1 ? n : 1);
    /* the quantities of the last three rows (rows i - 1 and i - 2 are written over by then;
     * rows i + 1 and i + 2 still hold theirs) */
    double saved[3][Q_COUNT], *before2 = saved[0], *before1 = saved[1], *r = saved[2];
    double *const words_to = expm1s.obj && tabled[LK_WORDS] ? words_out.buf : NULL;
    for (Py_ssize_t i = 0; i < n; i++) { /* every row written once, its columns in order */
        double *row = o + i * BLOCK_WIDTH, *oldest = before2;
        before2 = before1, before1 = r, r = oldest; /* rows i - 2, i - 1, i */
        memcpy(r, q + i * QS, sizeof(saved[0]));
        if (words_to) /* every block's words, as np.expm1 of its log_words: from the table
                       * np.expm1(logs) where the column was read from logs */
            words_to[i] = ((const double *)expm1s.buf)[(Py_ssize_t)r[Q_WORDS]];
        double chars = r[Q_CHARS], words = r[Q_WORDS], safe = npmax(chars, 1.0);
        double letters = r[Q_UPPER] + r[Q_LOWER] + r[Q_DENSE] + r[Q_ALPHA];
        double idx = (double)i;
        row[LOG_CHARS] = LOGGED(LK_CHARS, chars);
        row[LOG_WORDS] = LOGGED(LK_WORDS, words);
        row[WORD_LENGTH] = chars / npmax(words, 1.0);
        row[TERMINAL] = r[Q_TERMINAL];
        row[ENDS_COLON] = r[Q_ENDS_COLON];
        row[ENDS_COMMA] = r[Q_ENDS_COMMA];
        row[STARTS_UPPER] = r[Q_STARTS_UPPER];
        row[STARTS_LOWER] = r[Q_STARTS_LOWER];
        row[STARTS_DIGIT] = r[Q_STARTS_DIGIT];
        row[STARTS_BULLET] = r[Q_STARTS_BULLET];
        row[DIGIT_SHARE] = r[Q_DIGITS] / safe;
        row[UPPER_SHARE] = r[Q_UPPER] / npmax(letters, 1.0);
        row[LETTER_SHARE] = letters / safe;
        row[PUNCT_SHARE] = r[Q_PUNCT] / safe;
        row[SPACE_SHARE] = r[Q_SPACES] / safe;
        row[SEPARATORS] = r[Q_SEPARATORS];
        row[COMMAS] = r[Q_COMMAS];
        row[STOPWORDS] = r[Q_STOP];
        row[STOP_SHARE] = r[Q_STOP_SHARE];
        row[STOP_RATIO] = r[Q_STOP_SHARE] / dmax(page_stop, 0.01);
        row[CAPITAL_SHARE] = r[Q_CAPITALS] / npmax(r[Q_TOKENS], 1.0);
        row[SENTENCES] = r[Q_SENTENCES];
        row[TIMES] = r[Q_TIMES];
        row[YEARS] = r[Q_YEARS];
        row[LINKS] = r[Q_LINKS];
        row[COPYRIGHT] = r[Q_COPYRIGHT] > 0;
        row[REPETITION] = npmin(r[Q_REPEATS], 10.0);
        row[SHAPE_REPETITION] = npmin(r[Q_SHAPE_REPEATS], 20.0);
        row[PREFIX_OF_OTHER] = marks ? (double)marks[i] : 0.0;
        row[STARTS_WITH_OTHER] = marks ? (double)marks[n + i] : 0.0;
        row[POSITION] = idx / denominator_position;
        cum_chars += chars;
        row[CHARS_BEFORE] = (cum_chars - chars) / dmax(total_chars, 1.0);
        row[BLANK_BEFORE] = r[Q_BLANK_BEFORE];
        row[BLANK_AFTER] = r[Q_BLANK_AFTER];
        row[HARSH] = harsh;
        row[PAGE_BLOCKS] = page_blocks; /* log1p of page figures: else in Python */
        row[PAGE_WORDS] = page_words;
        row[PAGE_C4_WORDS] = page_c4_words;
        row[PAGE_STOP] = page_stop;
        row[DENSE_PAGE] = dense;
        row[KNOWN_LANG] = known;
        row[HEAD_COVER] = r[Q_HEAD_COVER];
        row[AFTER_ANCHOR] = anchor >= 0 ? (idx - (double)anchor) / denominator_anchor : -2.0;
        row[C4] = r[Q_C4];
        row[HEADLINE_LIKE] = r[Q_HEADLINE_LIKE];
        row[C4_WORDS_10] = LOGGED(LK_C4_WORDS_10, window_sum(sums[0], n, i, 10));
        row[C4_WORDS_3] = LOGGED(LK_C4_WORDS_3, window_sum(sums[0], n, i, 3));
        row[C4_SHARE_5] = window_sum(sums[1], n, i, 5) / window_count(n, i, 5);
        row[C4_SHARE_2] = window_sum(sums[1], n, i, 2) / window_count(n, i, 2);
        row[WORDS_3] = LOGGED(LK_WORDS_3, window_sum(sums[2], n, i, 3));
        row[LINKS_5] = window_sum(sums[3], n, i, 5);
        row[C4_ABOVE] = r[Q_C4_ABOVE];
        row[C4_BELOW] = r[Q_C4_BELOW];
        double run_words = r[Q_RUN_WORDS];
        row[RUN_WORDS] = LOGGED(LK_RUN_WORDS, run_words);
        row[RUN_SHARE] = any_c4 ? run_words / dmax(max_total, 1.0) : 0.0;
        row[IN_BEST_RUN] = r[Q_IN_BEST_RUN];
        if (any_c4) {
            double gap = npmax((double)best_start - idx, idx - (double)best_end);
            row[TO_BEST_RUN] = gap < 0 ? 0.0 : (gap > NEAR_LINES ? NEAR_LINES : gap);
        } else {
            row[TO_BEST_RUN] = NEAR_LINES;
        }
        cum_c4 += r[Q_C4_WORDS];
        row[CUM_C4] = (cum_c4 - r[Q_C4_WORDS]) / dmax(total_c4, 1.0);
        row[STREAK] = r[Q_STREAK];
        double next_c4 = i + 1 < n ? q[(i + 1) * QS + Q_C4] : 0.0;
        double next2_c4 = i + 2 < n ? q[(i + 2) * QS + Q_C4] : 0.0;
        double prev_headline = i > 0 ? before1[Q_HEADLINE_LIKE] : 0.0;
        row[CARD_HEAD] = r[Q_HEADLINE_LIKE] && next_c4 > 0 && next2_c4 == 0;
        row[CARD_SUMMARY] = r[Q_C4] && prev_headline > 0 && next_c4 == 0;
        row[TINY_SHARE_5] = window_sum(sums[4], n, i, 5) / window_count(n, i, 5);
        row[REPEATED_SHORT_10] = window_sum(sums[5], n, i, 10) / window_count(n, i, 10);
        row[AFTER_TINY_10] = window_sum(sums[6], n, i, 10) / npmax(window_sum(sums[1], n, i, 10), 1.0);
        for (int k = 0; k < 4; k++) {
            Py_ssize_t j = i + NEIGHBOUR_OFFSETS[k];
            double *nb = row + NEIGHBOURS + 6 * k;
            if (j < 0 || j >= n) {
                /* -1 (a column from the table), or 0.0: -1 in Python, after log1p */
                nb[NB_LOG_WORDS] = tabled[LK_NEIGHBOURS + k] ? -1.0 : 0.0;
                nb[NB_TERMINAL] = nb[NB_C4] = nb[NB_STOP_SHARE] = nb[NB_STARTS_UPPER] = nb[NB_LINKS] = -1.0;
                continue;
            }
            const double *s = j == i - 2 ? before2 : j == i - 1 ? before1 : q + j * QS;
            nb[NB_LOG_WORDS] = LOGGED(LK_NEIGHBOURS + k, s[Q_WORDS]);
            nb[NB_TERMINAL] = s[Q_TERMINAL];
            nb[NB_C4] = s[Q_C4];
            nb[NB_STOP_SHARE] = s[Q_STOP_SHARE];
            nb[NB_STARTS_UPPER] = s[Q_STARTS_UPPER];
            nb[NB_LINKS] = s[Q_LINKS];
        }
    }
#undef LOGGED
    PyMem_Free(all_sums);
    if (logs.obj) {
        PyObject *left = PyList_New(0);
        for (Py_ssize_t c = 0; left && c < log_count; c++)
            if (!tabled[log_kind[c]] && PyList_Append(left, PyTuple_GET_ITEM(log_columns, c)) < 0)
                Py_CLEAR(left);
        if (!left) goto done;
        if (expm1s.obj)
            result = Py_BuildValue("(ddNOO)", total_words, total_c4, left,
                                   page_tabled ? Py_True : Py_False,
                                   tabled[LK_WORDS] ? Py_True : Py_False);
        else if (whole)
            result = Py_BuildValue("(ddNO)", total_words, total_c4, left,
                                   page_tabled ? Py_True : Py_False);
        else
            result = Py_BuildValue("(OddN)", texts, total_words, total_c4, left);
    } else {
        result = Py_BuildValue("(Odd)", texts, total_words, total_c4);
    }
done:
    if (shapes) {
        for (Py_ssize_t i = 0; i < n; i++) Py_XDECREF(shapes[i]);
        PyMem_Free(shapes);
    }
    Py_XDECREF(texts);
    if (have_head) words_free(&head);
    PyMem_Free(mask);
    PyMem_Free(marks);
    PyMem_Free(low);
    PyMem_Free(bounds);
    PyMem_Free(buffer);
    PyBuffer_Release(&table);
    PyBuffer_Release(&out);
    if (logs.obj) PyBuffer_Release(&logs);
    if (expm1s.obj) PyBuffer_Release(&expm1s);
    if (words_out.obj) PyBuffer_Release(&words_out);
    return result;
}

static PyObject *block_matrix(PyObject *self, PyObject *args) { return block_matrix_of(args, 0); }

static PyObject *page_matrix(PyObject *self, PyObject *args) { return block_matrix_of(args, 1); }

/* score_matrix, and with `whole` (score_page: no mass given, the table of logs) the mass
 * (numpy's (scores * words).sum(), by _pairwise.h) and segment_words (log1p of numpy's sum of
 * the segment's words, from the table where that is a tabled value) */
static PyObject *score_matrix_of(PyObject *args, int whole) {
    Py_buffer scores, words, out, logs = {0};
    double mass = 0.0;
    if (whole ? !PyArg_ParseTuple(args, "y*y*w*y*", &scores, &words, &out, &logs)
              : !PyArg_ParseTuple(args, "y*y*dw*", &scores, &words, &mass, &out))
        return NULL;
    PyObject *result = NULL;
    double *cs = NULL;
    char *mask = NULL;
    Py_ssize_t n = scores.len / (Py_ssize_t)sizeof(double);
    if (scores.len != n * (Py_ssize_t)sizeof(double) || words.len != scores.len
        || out.len != n * SCORE_WIDTH * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "score_matrix: array sizes do not match");
        goto done;
    }
    if (whole && logs.len % (Py_ssize_t)sizeof(double) != 0) {
        PyErr_SetString(PyExc_ValueError, "score_page: bad logs");
        goto done;
    }
    cs = PyMem_Malloc((5 * (n + 1) + 1) * sizeof(double));
    mask = PyMem_Malloc(n + 1);
    if (!cs || !mask) {
        PyErr_NoMemory();
        goto done;
    }
    const double *s = scores.buf, *w = words.buf;
    double *o = out.buf;
    double *cs_scores = cs, *cs_weighted = cs + (n + 1), *cs_words = cs + 2 * (n + 1), *prefix = cs + 3 * (n + 1);
    if (whole) { /* the weighted scores apart, summed as numpy sums them (0.0 for no block) */
        double *weighted = cs + 4 * (n + 1);
        for (Py_ssize_t i = 0; i < n; i++) weighted[i] = s[i] * w[i];
        mass = 0.0 + pairwise(weighted, n);
    }
    double top = n ? s[0] : 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double v = s[i];
        if (top == top && (v != v || v > top)) top = v;
    }
    /* prefix sums as np.cumsum makes them (weighted = scores * words) */
    cs_scores[0] = cs_weighted[0] = cs_words[0] = prefix[0] = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double weighted = s[i] * w[i], gain = (s[i] - SEGMENT_THRESHOLD) * (w[i] + 1.0);
        cs_scores[i + 1] = i ? cs_scores[i] + s[i] : s[i];
        cs_weighted[i + 1] = i ? cs_weighted[i] + weighted : weighted;
        cs_words[i + 1] = i ? cs_words[i] + w[i] : w[i];
        prefix[i + 1] = i ? prefix[i] + gain : gain;
    }
    /* features.best_segment */
    Py_ssize_t first = 0, last = -1;
    if (n) {
        double lowest = prefix[0], best = 0.0;
        for (Py_ssize_t j = 0; j < n; j++) {
            lowest = npmin(lowest, prefix[j]);
            double gain = prefix[j + 1] - lowest;
            if (j == 0 || gain > best || (gain != gain && best == best)) {
                best = gain;
                last = j;
            }
        }
        double low = prefix[0];
        first = 0;
        for (Py_ssize_t j = 1; j <= last; j++) {
            if (prefix[j] < low) {
                low = prefix[j];
                first = j;
            }
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) mask[i] = s[i] >= 0.5;
    distance_to(mask, n, o + S_STRONG_ABOVE, o + S_STRONG_BELOW, SCORE_WIDTH);
    double top_safe = dmax(top, 1e-6), mass_safe = dmax(mass, 1e-6), segment_words = 0.0;
    int segment_tabled = 0;
    if (whole) { /* np.log1p(float(words[first:last + 1].sum())) */
        double sum = 0.0 + pairwise(w + first, last - first + 1 > 0 ? last - first + 1 : 0);
        segment_tabled = tabled_value(sum, (double)(logs.len / (Py_ssize_t)sizeof(double)));
        if (segment_tabled) segment_words = ((const double *)logs.buf)[(Py_ssize_t)sum];
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double *row = o + i * SCORE_WIDTH, idx = (double)i;
        row[S_SCORE] = s[i];
        for (int k = 0; k < 6; k++) {
            Py_ssize_t j = i + SCORE_OFFSETS[k];
            row[S_SHIFTS + k] = (j >= 0 && j < n) ? s[j] : -1.0;
        }
        for (int k = 0; k < 4; k++) {
            int radius = SCORE_WINDOWS[k];
            row[S_WINDOWS + 2 * k] = window_sum(cs_scores, n, i, radius) / window_count(n, i, radius);
            row[S_WINDOWS + 2 * k + 1] =
                window_sum(cs_weighted, n, i, radius) / npmax(window_sum(cs_words, n, i, radius), 1.0);
        }
        row[S_REL_MAX] = s[i] / top_safe;
        row[S_PAGE_MAX] = top;
        row[S_MASS_BEFORE] = (cs_weighted[i + 1] - s[i] * w[i]) / mass_safe;
        row[S_IN_SEGMENT] = i >= first && i <= last;
        double gap = npmax((double)first - idx, idx - (double)last);
        row[S_TO_SEGMENT] = gap < 0 ? 0.0 : (gap > NEAR_LINES ? NEAR_LINES : gap);
        row[S_SEGMENT_WORDS] = segment_words; /* else in Python */
    }
    if (whole)
        result = Py_BuildValue("(nnO)", first, last, segment_tabled ? Py_True : Py_False);
    else
        result = Py_BuildValue("(nn)", first, last);
done:
    PyMem_Free(cs);
    PyMem_Free(mask);
    PyBuffer_Release(&scores);
    PyBuffer_Release(&words);
    PyBuffer_Release(&out);
    if (whole) PyBuffer_Release(&logs);
    return result;
}

static PyObject *score_matrix(PyObject *self, PyObject *args) { return score_matrix_of(args, 0); }

static PyObject *score_page(PyObject *self, PyObject *args) { return score_matrix_of(args, 1); }


#define PREFIX_MIN_WORDS 3
#define PREFIX_MAX_WORDS 20
#define PREFIX_MAX_CANDIDATES 8

/* whether a[0:len] and b[0:len] hold the same code points (both at least len long; a prefix
 * of a str may have a narrower kind than the str) */
static int same_prefix(PyObject *a, PyObject *b, Py_ssize_t len) {
    int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b);
    const void *da = PyUnicode_DATA(a), *db = PyUnicode_DATA(b);
    if (ka == kb) return memcmp(da, db, (size_t)(len * ka)) == 0;
    for (Py_ssize_t k = 0; k < len; k++)
        if (PyUnicode_READ(ka, da, k) != PyUnicode_READ(kb, db, k)) return 0;
    return 1;
}

typedef struct {
    Py_ssize_t key_len; /* the key: text[:key_len] of any member */
    Py_ssize_t count;   /* candidates */
    Py_ssize_t candidates[PREFIX_MAX_CANDIDATES];
} PrefixGroup;

/* features._prefix_pairs, into two columns of the block matrix:
 *   prefix_pairs(texts, out, width, prefix_column, starts_column)
 * without a str, dict or set per block: the keys (" ".join(text.split(" ", 3)[:3])) are spans
 * of the texts, hashed by their code points into a table of groups, one per key of a block
 * that may be a prefix line (fewer than PREFIX_MAX_WORDS spaces), each holding its first
 * PREFIX_MAX_CANDIDATES distinct texts in page order: while a group has fewer, the texts of
 * its earlier blocks are its candidates' (a block left out was a copy of an earlier one), so
 * `text not in seen` is a test against them; and a copy of a prefix line has its key. */
static int prefix_core(PyObject *texts, char *prefix_of, char *starts_with) {
    Py_ssize_t n = PyList_GET_SIZE(texts);
    int status = -1;
    Py_ssize_t *key_len = NULL, *group_of = NULL, *slots = NULL;
    uint64_t *key_hash = NULL;
    PrefixGroup *groups = NULL;
    char *eligible = NULL;
    Py_ssize_t size = 16;
    while (size < 2 * n + 2) size *= 2;
    key_len = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t)); /* -1: no key */
    group_of = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t)); /* -1: no group */
    key_hash = PyMem_Malloc((n + 1) * sizeof(uint64_t));
    groups = PyMem_Malloc((n + 1) * sizeof(PrefixGroup));
    slots = PyMem_Calloc(size, sizeof(Py_ssize_t)); /* group index + 1; 0: empty */
    eligible = PyMem_Calloc(n + 1, 1);
    if (!key_len || !group_of || !key_hash || !groups || !slots || !eligible) {
        PyErr_NoMemory();
        goto done;
    }
    memset(prefix_of, 0, (size_t)n);
    memset(starts_with, 0, (size_t)n);
    Py_ssize_t n_groups = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *text = PyList_GET_ITEM(texts, i);
            if (pass == 0) {
                if (!PyUnicode_Check(text)) {
                    PyErr_SetString(PyExc_TypeError, "prefix_pairs: texts must be str");
                    goto done;
                }
                Py_ssize_t len = PyUnicode_GET_LENGTH(text), spaces = 0, key_end = len;
                int kind = PyUnicode_KIND(text);
                const void *data = PyUnicode_DATA(text);
                uint64_t h = 0xcbf29ce484222325ULL;
                Py_ssize_t k = 0;
                for (; k < len; k++) { /* the key, hashed: to the third space */
                    Py_UCS4 c = PyUnicode_READ(kind, data, k);
                    if (c == ' ' && ++spaces == PREFIX_MIN_WORDS) {
                        key_end = k++;
                        break;
                    }
                    h = (h ^ c) * 0x100000001b3ULL;
                }
                /* then the spaces, to the one that makes it too long (a count past it is as
                 * good: only whether it is reached matters) */
#if defined(__SSE2__)
                if (kind == PyUnicode_1BYTE_KIND) { /* 16 characters a compare, none past len */
                    const __m128i blank = _mm_set1_epi8(' ');
                    for (; k + 16 <= len && spaces < PREFIX_MAX_WORDS; k += 16) {
                        __m128i v = _mm_loadu_si128((const __m128i *)((const Py_UCS1 *)data + k));
                        spaces += __builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank)));
                    }
                }
#endif
                for (; k < len && spaces < PREFIX_MAX_WORDS; k++)
                    spaces += PyUnicode_READ(kind, data, k) == ' ';
                key_len[i] = spaces < PREFIX_MIN_WORDS - 1 ? -1 : key_end; /* < 3 parts: none */
                key_hash[i] = h ^ (h >> 29);
                eligible[i] = key_len[i] >= 0 && spaces < PREFIX_MAX_WORDS;
                group_of[i] = -1;
                if (key_len[i] < 0) continue;
            } else if (key_len[i] < 0 || eligible[i]) {
                continue; /* (eligible blocks found their groups in the first pass) */
            }
            /* the group of the key, made in the first pass for an eligible block */
            uint64_t h = key_hash[i];
            Py_ssize_t at = (Py_ssize_t)(h & (uint64_t)(size - 1)), g = -1;
            for (;; at = (at + 1) & (size - 1)) {
                Py_ssize_t e = slots[at];
                if (!e) break;
                const PrefixGroup *group = groups + e - 1;
                if (key_hash[group->candidates[0]] == h && group->key_len == key_len[i]
                    && same_prefix(PyList_GET_ITEM(texts, group->candidates[0]), text, key_len[i])) {
                    g = e - 1;
                    break;
                }
            }
            if (pass == 1 || !eligible[i]) {
                group_of[i] = g;
                continue;
            }
            if (g < 0) { /* a new key */
                g = n_groups++;
                groups[g].key_len = key_len[i];
                groups[g].count = 0;
                slots[at] = g + 1;
            }
            group_of[i] = g;
            PrefixGroup *group = groups + g;
            if (group->count < PREFIX_MAX_CANDIDATES) {
                int known = 0;
                for (Py_ssize_t c = 0; c < group->count && !known; c++)
                    known = same_str(PyList_GET_ITEM(texts, group->candidates[c]), text);
                if (!known) group->candidates[group->count++] = i;
            }
        }
    }
    int any = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (group_of[i] < 0) continue;
        const PrefixGroup *group = groups + group_of[i];
        PyObject *text = PyList_GET_ITEM(texts, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        for (Py_ssize_t c = 0; c < group->count; c++) {
            Py_ssize_t j = group->candidates[c];
            PyObject *other = PyList_GET_ITEM(texts, j);
            Py_ssize_t other_len = PyUnicode_GET_LENGTH(other);
            if (len <= other_len || PyUnicode_READ_CHAR(text, other_len) != ' ') continue;
            if (same_prefix(text, other, other_len)) {
                prefix_of[j] = 1;
                starts_with[i] = 1;
                any = 1;
            }
        }
    }
    if (any) { /* every copy of a prefix line is one (a copy has the line's key: its group) */
        for (Py_ssize_t i = 0; i < n; i++) {
            int is = 0;
            if (group_of[i] >= 0) {
                const PrefixGroup *group = groups + group_of[i];
                PyObject *text = PyList_GET_ITEM(texts, i);
                for (Py_ssize_t c = 0; c < group->count && !is; c++)
                    is = (prefix_of[group->candidates[c]] & 1)
                         && same_str(PyList_GET_ITEM(texts, group->candidates[c]), text);
            }
            prefix_of[i] |= (char)(is << 1); /* (bit 0, a candidate's mark, read above) */
        }
        for (Py_ssize_t i = 0; i < n; i++) prefix_of[i] >>= 1;
    }
    status = 0;
done:
    PyMem_Free(key_len);
    PyMem_Free(group_of);
    PyMem_Free(key_hash);
    PyMem_Free(groups);
    PyMem_Free(slots);
    PyMem_Free(eligible);
    return status;
}

/* prefix_pairs(texts, out, width, prefix_column, starts_column): prefix_core's marks into two
 * columns of the block matrix (block_matrix with `whole` writes them with their rows) */
static PyObject *prefix_pairs(PyObject *self, PyObject *args) {
    PyObject *texts;
    Py_buffer out;
    Py_ssize_t width, prefix_column, starts_column;
    if (!PyArg_ParseTuple(args, "O!w*nnn", &PyList_Type, &texts, &out, &width, &prefix_column,
                          &starts_column))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(texts);
    PyObject *result = NULL;
    char *marks = NULL;
    if (out.len != n * width * (Py_ssize_t)sizeof(double) || prefix_column < 0 || starts_column < 0
        || prefix_column >= width || starts_column >= width) {
        PyErr_SetString(PyExc_ValueError, "prefix_pairs: bad arguments");
        goto done;
    }
    marks = PyMem_Malloc(2 * (size_t)n + 1);
    if (!marks) {
        PyErr_NoMemory();
        goto done;
    }
    if (prefix_core(texts, marks, marks + n) < 0) goto done;
    double *o = out.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        o[i * width + prefix_column] = marks[i];
        o[i * width + starts_column] = marks[n + i];
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(marks);
    PyBuffer_Release(&out);
    return result;
}

/* ---- segmentation (newsdump.segment): gluing the lines of harsh dumps, building Blocks ---- */

typedef struct {
    Py_UCS4 chars[6][32];
    Py_ssize_t counts[6];
    uint64_t ascii[6][2]; /* the ASCII ones of each set, as bits (is_in: one test) */
} GlueChars; /* closers, sentence ends, continues, opens, no space before, quotes that open */
enum { G_CLOSERS, G_SENTENCE_ENDS, G_CONTINUES, G_OPENS, G_NO_SPACE_BEFORE, G_QUOTES };

static int glue_chars(PyObject *strings, GlueChars *g) {
    if (!PyTuple_Check(strings) || PyTuple_GET_SIZE(strings) != 6) {
        PyErr_SetString(PyExc_TypeError, "segment_blocks: 6 strings of glue characters expected");
        return -1;
    }
    for (int k = 0; k < 6; k++) {
        PyObject *chars = PyTuple_GET_ITEM(strings, k);
        if (!PyUnicode_Check(chars) || PyUnicode_GET_LENGTH(chars) > 32) {
            PyErr_SetString(PyExc_TypeError, "segment_blocks: glue characters: str of <= 32");
            return -1;
        }
        g->counts[k] = PyUnicode_GET_LENGTH(chars);
        g->ascii[k][0] = g->ascii[k][1] = 0;
        for (Py_ssize_t i = 0; i < g->counts[k]; i++) {
            Py_UCS4 c = g->chars[k][i] = PyUnicode_READ_CHAR(chars, i);
            if (c < 128) g->ascii[k][c >> 6] |= (uint64_t)1 << (c & 63);
        }
    }
    return 0;
}

static inline int is_in(const GlueChars *g, int set, Py_UCS4 c) {
    if (c < 128) return (int)((g->ascii[set][c >> 6] >> (c & 63)) & 1);
    for (Py_ssize_t i = 0; i < g->counts[set]; i++)
        if (g->chars[set][i] == c) return 1;
    return 0;
}

static inline int is_dense_char(Py_UCS4 c) { /* segment.DENSE_CHAR_RE */
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
           || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F)
           || (c >= 0x1780 && c <= 0x17FF) || (c >= 0xFF00 && c <= 0xFFEF);
}

static Py_ssize_t split_count(const Py_UCS4 *s, Py_ssize_t len) { /* len(str.split()) */
    Py_ssize_t count = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        int space = Py_UNICODE_ISSPACE(s[i]);
        if (!space && !in_word) count++;
        in_word = !space;
    }
    return count;
}

#define TAIL_CHARS 60
#define GLUE_MIN_WORDS 3

/* segment._glues: the block so far is block[:blen] (the rules see its last TAIL_CHARS) */
/* (*words: the block's len(str.split()), -1 while it is not counted: counted here when a rule
 * needs it, once per block; most blocks of prose end a sentence and need no count) */
static int glues(const Py_UCS4 *block, Py_ssize_t blen, Py_ssize_t *words_of_block,
                 const Py_UCS4 *line, Py_ssize_t llen, PyObject *stopwords, const GlueChars *g) {
    Py_ssize_t start = blen > TAIL_CHARS ? blen - TAIL_CHARS : 0, j = blen;
    while (j > start && is_in(g, G_CLOSERS, block[j - 1])) j--;
    if (j > start && is_in(g, G_SENTENCE_ENDS, block[j - 1])) return 0;
    if (is_in(g, G_CONTINUES, line[0]) || is_in(g, G_OPENS, block[blen - 1])) return 1;
    Py_UCS4 first = line[0];
    if (*words_of_block < 0) *words_of_block = split_count(block, blen);
    Py_ssize_t words = *words_of_block;
    if (Py_UNICODE_ISLOWER(first) && (words >= GLUE_MIN_WORDS || split_count(line, llen) >= GLUE_MIN_WORDS))
        return 1;
    if (words < 2 || !(Py_UNICODE_ISALNUM(first) || is_in(g, G_QUOTES, first))) return 0;
    /* LAST_WORD_RE: \W* then letters ([^\W\d_]+), from the end */
    j = blen;
    while (j > start && !(Py_UNICODE_ISALNUM(block[j - 1]) || block[j - 1] == '_')) j--;
    Py_ssize_t end = j;
    while (j > start && Py_UNICODE_ISALNUM(block[j - 1]) && !Py_UNICODE_ISDECIMAL(block[j - 1])) j--;
    if (j == end) return 0;
    PyObject *word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, block + j, end - j);
    if (!word) return -1;
    PyObject *low = PyObject_CallMethodNoArgs(word, name_lower);
    Py_DECREF(word);
    if (!low) return -1;
    int found = PySet_Contains(stopwords, low);
    Py_DECREF(low);
    return found;
}

/* Block(index, text, (first, last), blank_before, blank_after): the fields a dataclass
 * __init__ would set, written straight into the slots (the values are all new references) */
static PyObject *new_block(PyTypeObject *type, const BlockLayout *layout, PyObject *values[5]) {
    PyObject *block = type->tp_alloc(type, 0);
    if (!block) {
        for (int k = 0; k < 5; k++) Py_XDECREF(values[k]);
        return NULL;
    }
    for (int k = 0; k < 5; k++) *(PyObject **)((char *)block + layout->offsets[k]) = values[k];
    /* a Block holds an int, a str, a tuple of ints and two bools: it can be in no reference
     * cycle, so the cycle collector need not walk it (as CPython untracks such tuples) */
    if (PyObject_GC_IsTracked(block)) PyObject_GC_UnTrack(block);
    return block;
}

/* the block of lines first .. last (first_number, last_number: those numbers as exact ints of
 * the caller's, borrowed, or NULL: made here) and text (a reference, stolen) appended to out */
static int append_block(PyObject *out, PyTypeObject *type, const BlockLayout *layout,
                        PyObject *lines, Py_ssize_t first, Py_ssize_t last, PyObject *text,
                        PyObject *first_number, PyObject *last_number) {
    Py_ssize_t n = PyList_GET_SIZE(lines);
    PyObject *values[5];
    values[0] = PyLong_FromSsize_t(PyList_GET_SIZE(out));
    values[1] = text;
    /* (the numbers of `filled` themselves: no two ints a block, made and freed again) */
    first_number = first_number ? (Py_INCREF(first_number), first_number) : PyLong_FromSsize_t(first);
    last_number = last_number ? (Py_INCREF(last_number), last_number) : PyLong_FromSsize_t(last);
    values[2] = first_number && last_number ? PyTuple_Pack(2, first_number, last_number) : NULL;
    Py_XDECREF(first_number);
    Py_XDECREF(last_number);
    values[3] = first > 0 && PyUnicode_GET_LENGTH(PyList_GET_ITEM(lines, first - 1)) == 0 ? Py_True : Py_False;
    values[4] = last + 1 < n && PyUnicode_GET_LENGTH(PyList_GET_ITEM(lines, last + 1)) == 0 ? Py_True : Py_False;
    Py_INCREF(values[3]);
    Py_INCREF(values[4]);
    if (!values[0] || !values[2]) {
        for (int k = 0; k < 5; k++) Py_XDECREF(values[k]);
        return -1;
    }
    PyObject *block = new_block(type, layout, values);
    if (!block) return -1;
    int failed = PyList_Append(out, block);
    Py_DECREF(block);
    return failed;
}

/* segment_blocks(Block, lines, filled, harsh, stopwords, glue_chars) -> list[Block]
 *   lines: the stripped lines; filled: indices of the non-empty ones; harsh: glue (else one
 *   block per filled line); stopwords: frozenset (segment.GLUE_STOPWORDS of the language);
 *   glue_chars: segment.GLUE_CHARS. The same blocks as segment._glued_spans + Block(...). */
static PyObject *segment_blocks(PyObject *self, PyObject *args) {
    PyObject *type_obj, *lines, *filled, *stopwords, *chars;
    int harsh;
    if (!PyArg_ParseTuple(args, "O!O!O!pOO", &PyType_Type, &type_obj, &PyList_Type, &lines,
                          &PyList_Type, &filled, &harsh, &stopwords, &chars))
        return NULL;
    PyTypeObject *type = (PyTypeObject *)type_obj;
    BlockLayout layout;
    GlueChars g;
    if (block_layout(type, &layout) < 0 || glue_chars(chars, &g) < 0) return NULL;
    if (!PyAnySet_Check(stopwords)) {
        PyErr_SetString(PyExc_TypeError, "segment_blocks: stopwords must be a set");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines), count = PyList_GET_SIZE(filled);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(lines, i))) {
            PyErr_SetString(PyExc_TypeError, "segment_blocks: lines must be str");
            return NULL;
        }
    }
    PyObject *out = PyList_New(0);
    Py_UCS4 *block = NULL, *line = NULL;
    Py_ssize_t block_size = 0, line_size = 0, blen = 0, words = 0, first = -1, last = -1, glued = 0;
    PyObject *first_line = NULL; /* the block's text while it is one line */
    /* the numbers of the block's first and last lines, borrowed from filled (NULL: not exact
     * ints there, made anew) */
    PyObject *first_number = NULL, *last_number = NULL;
    if (!out) return NULL;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *number = PyList_GET_ITEM(filled, k);
        Py_ssize_t i = PyLong_AsSsize_t(number);
        if (i == -1 && PyErr_Occurred()) goto fail;
        if (!PyLong_CheckExact(number)) number = NULL;
        if (i < 0 || i >= n) {
            PyErr_SetString(PyExc_IndexError, "segment_blocks: filled index out of range");
            goto fail;
        }
        PyObject *text = PyList_GET_ITEM(lines, i);
        Py_ssize_t llen = PyUnicode_GET_LENGTH(text);
        if (llen == 0) {
            PyErr_SetString(PyExc_ValueError, "segment_blocks: an empty line is not filled");
            goto fail;
        }
        if (!harsh) {
            Py_INCREF(text);
            if (append_block(out, type, &layout, lines, i, i, text, number, number) < 0) goto fail;
            continue;
        }
        if (llen > line_size) {
            PyMem_Free(line);
            line_size = 2 * llen + 64;
            if (!(line = PyMem_Malloc((line_size + 1) * sizeof(Py_UCS4)))) goto no_memory;
        }
        if (PyUnicode_READY(text) < 0) goto fail;
        widen(text, line); /* (llen <= line_size) */
        if (first >= 0 && last == i - 1) {
            int glue = glues(block, blen, &words, line, llen, stopwords, &g);
            if (glue < 0) goto fail;
            if (glue) {
                int no_space = is_in(&g, G_NO_SPACE_BEFORE, line[0])
                               || (is_dense_char(line[0]) && is_dense_char(block[blen - 1]));
                if (blen + llen + 1 > block_size) {
                    block_size = 2 * (blen + llen + 1) + 256;
                    Py_UCS4 *grown = PyMem_Realloc(block, (block_size + 1) * sizeof(Py_UCS4));
                    if (!grown) goto no_memory;
                    block = grown;
                }
                if (!no_space) block[blen++] = ' ';
                memcpy(block + blen, line, llen * sizeof(Py_UCS4));
                blen += llen;
                /* the glued block's count: a space between two stripped texts parts no
                 * token, none joins two (both ends are no white space) */
                if (words >= 0) words += split_count(line, llen) - no_space;
                last = i;
                last_number = number;
                glued = 1;
                continue;
            }
        }
        if (first >= 0) { /* the block so far is done */
            PyObject *body = glued ? PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, block, blen) : first_line;
            if (!glued) Py_INCREF(body);
            if (!body || append_block(out, type, &layout, lines, first, last, body, first_number,
                                      last_number) < 0)
                goto fail;
        }
        if (llen + 1 > block_size) {
            block_size = 2 * llen + 256;
            PyMem_Free(block);
            if (!(block = PyMem_Malloc((block_size + 1) * sizeof(Py_UCS4)))) goto no_memory;
        }
        memcpy(block, line, llen * sizeof(Py_UCS4));
        blen = llen;
        words = -1; /* counted when a rule needs it */
        first = last = i;
        first_number = last_number = number;
        glued = 0;
        first_line = text;
    }
    if (harsh && first >= 0) {
        PyObject *body = glued ? PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, block, blen) : first_line;
        if (!glued) Py_INCREF(body);
        if (!body || append_block(out, type, &layout, lines, first, last, body, first_number,
                                  last_number) < 0)
            goto fail;
    }
    PyMem_Free(block);
    PyMem_Free(line);
    return out;
no_memory:
    PyErr_NoMemory();
fail:
    PyMem_Free(block);
    PyMem_Free(line);
    Py_DECREF(out);
    return NULL;
}

/* labelled_blocks(type, blocks, keep, scores, reasons, yes, no): [type(block, yes if k else no,
 * score, reason) ...] for the slots dataclass LabelledBlock, its four fields written straight
 * into the slots as its __init__ would set them (classify labels every block of a page) */
/* labelled_blocks(type, blocks, keep, scores, reasons, yes, no): keep and scores lists, or
 * (arrays) a buffer of bools (one byte each, 0 or 1) and one of float64 (each score then a
 * float made of its double, as ndarray.tolist makes it: no lists of them) */
static PyObject *labelled_blocks_of(PyTypeObject *type, PyObject *blocks, PyObject *keep,
                                    PyObject *scores, const char *keep_bytes,
                                    const double *score_values, PyObject *reasons, PyObject *yes,
                                    PyObject *no);

static PyObject *labelled_blocks(PyObject *self, PyObject *args) {
    PyTypeObject *type;
    PyObject *blocks, *keep, *scores, *reasons, *yes, *no;
    if (!PyArg_ParseTuple(args, "O!O!OOO!OO", &PyType_Type, &type, &PyList_Type, &blocks, &keep,
                          &scores, &PyList_Type, &reasons, &yes, &no))
        return NULL;
    if (PyList_Check(keep) && PyList_Check(scores))
        return labelled_blocks_of(type, blocks, keep, scores, NULL, NULL, reasons, yes, no);
    Py_buffer keep_buf, score_buf;
    if (PyObject_GetBuffer(keep, &keep_buf, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) return NULL;
    if (PyObject_GetBuffer(scores, &score_buf, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        PyBuffer_Release(&keep_buf);
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t n = PyList_GET_SIZE(blocks);
    if (keep_buf.itemsize != 1 || !keep_buf.format || strcmp(keep_buf.format, "?") != 0
        || keep_buf.len != n || score_buf.itemsize != 8 || !score_buf.format
        || strcmp(score_buf.format, "d") != 0 || score_buf.len != 8 * n) {
        PyErr_SetString(PyExc_ValueError,
                        "labelled_blocks: lists, or arrays of bools and float64, of one length");
    } else {
        result = labelled_blocks_of(type, blocks, NULL, NULL, keep_buf.buf, score_buf.buf,
                                    reasons, yes, no);
    }
    PyBuffer_Release(&keep_buf);
    PyBuffer_Release(&score_buf);
    return result;
}

static PyObject *labelled_blocks_of(PyTypeObject *type, PyObject *blocks, PyObject *keep,
                                    PyObject *scores, const char *keep_bytes,
                                    const double *score_values, PyObject *reasons, PyObject *yes,
                                    PyObject *no) {
    static const char *names[4] = {"block", "label", "score", "reason"};
    Py_ssize_t offsets[4] = {0, 0, 0, 0}; /* all set when found == 15 */
    int found = 0;
    for (PyMemberDef *m = type->tp_members; m && m->name; m++) {
        for (int k = 0; k < 4; k++) {
            if (strcmp(m->name, names[k]) == 0 && m->type == T_OBJECT_EX && !(m->flags & READONLY)) {
                offsets[k] = m->offset;
                found |= 1 << k;
            }
        }
    }
    if (found != 15 || type->tp_basicsize > 32 * (Py_ssize_t)sizeof(PyObject *)) {
        PyErr_SetString(PyExc_TypeError, "labelled_blocks: not a slots LabelledBlock type");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(blocks);
    if ((keep && (PyList_GET_SIZE(keep) != n || PyList_GET_SIZE(scores) != n))
        || PyList_GET_SIZE(reasons) != n) {
        PyErr_SetString(PyExc_ValueError, "labelled_blocks: lists of one length expected");
        return NULL;
    }
    PyObject *out = PyList_New(n);
    if (!out) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        int k = keep ? PyObject_IsTrue(PyList_GET_ITEM(keep, i)) : keep_bytes[i] != 0;
        PyObject *score = k < 0 ? NULL
                          : keep ? (Py_INCREF(PyList_GET_ITEM(scores, i)), PyList_GET_ITEM(scores, i))
                                 : PyFloat_FromDouble(score_values[i]);
        PyObject *item = score ? type->tp_alloc(type, 0) : NULL;
        if (!item) {
            Py_XDECREF(score);
            Py_DECREF(out);
            return NULL;
        }
        PyObject *values[4] = {PyList_GET_ITEM(blocks, i), k ? yes : no, score,
                               PyList_GET_ITEM(reasons, i)};
        for (int f = 0; f < 4; f++) {
            if (f != 2) Py_INCREF(values[f]); /* (the score's reference is the item's) */
            *(PyObject **)((char *)item + offsets[f]) = values[f];
        }
        /* a LabelledBlock holds a Block, a Label, a float and a str: no reference cycle (the
         * cycle collector need not walk the page's thousands of them) */
        if (PyObject_GC_IsTracked(item)) PyObject_GC_UnTrack(item);
        PyList_SET_ITEM(out, i, item);
    }
    return out;
}

/* stopword_hits(text, table, languages[, lower]): lang._detect_sample's count, in one pass: the
 * tokens of text (TOKEN_RE = [^\W\d_]+: alphanumeric, not a decimal digit, not "_", as re's \w
 * and \d read them), and for every language index i how many tokens are in its list (table:
 * the word_table of lang's index, word -> tuple of language indices). Returns ([hits per
 * language], number of tokens). With lower, those of text.lower(), each character lowered as
 * it is read (no lowered copy of the text): str.lower maps every character to one, its
 * Py_UNICODE_TOLOWER, but U+0130 (two characters) and U+03A3 (a final sigma by its context);
 * a text holding either is lowered by str.lower first. */
/* The stopwords found by stopword_hits' lowered count, each with how often: a word adds to
 * the hits of every language whose list holds it (up to 40 of them) once for all its
 * occurrences, when the table is flushed (full: SEEN_USED words; or at the end) */
#define SEEN_BITS 9
#define SEEN_SLOTS (1 << SEEN_BITS)
#define SEEN_USED (SEEN_SLOTS / 2)
typedef struct {
    uint32_t keys[SEEN_SLOTS]; /* 0: empty; else the record's offset + 1 */
    long times[SEEN_SLOTS];
    int used;
} Seen;

static void seen_clear(Seen *seen) {
    memset(seen->keys, 0, sizeof(seen->keys));
    seen->used = 0;
}

static void seen_flush(Seen *seen, const Words *index, long *hits) {
    for (int s = 0; s < SEEN_SLOTS; s++) {
        if (!seen->keys[s]) continue;
        const uint32_t *record = index->pool + (seen->keys[s] - 1); /* length, count, code
                                                                     * points, values */
        const uint32_t *values = record + 2 + record[0];
        long times = seen->times[s];
        for (uint32_t k = 0; k < record[1]; k++) hits[values[k]] += times;
    }
    seen_clear(seen);
}

static inline void seen_add(Seen *seen, uint32_t found, const Words *index, long *hits) {
    uint32_t key = found + 1, s = (key * 0x9E3779B1u) >> (32 - SEEN_BITS);
    while (seen->keys[s] && seen->keys[s] != key) s = (s + 1) & (SEEN_SLOTS - 1);
    if (!seen->keys[s]) {
        if (seen->used == SEEN_USED) { /* full: its counts go to the hits */
            seen_flush(seen, index, hits);
            s = (key * 0x9E3779B1u) >> (32 - SEEN_BITS);
        }
        seen->keys[s] = key;
        seen->times[s] = 0;
        seen->used++;
    }
    seen->times[s]++;
}

/* small_hits_lower's entry of any code point: lower_alone of it, bit 31: whether that is a
 * token's character (as token_char with lower), bit 30: whether it is U+0130 or U+03A3 */
static inline uint32_t hits_entry(Py_UCS4 c) {
    if (c < SMALL) return small_hits_lower[c];
    Py_UCS4 low = lower_alone(c);
    int token = low < SMALL ? small_token[low] : Py_UNICODE_ISALNUM(low) && !Py_UNICODE_ISDECIMAL(low);
    return low | (uint32_t)token << 31;
}

#ifdef HAVE_CHAR_PASS_AVX2
/* stopword_hits' lowered pass over codes[0:len] (readable to codes[len + 31]): lowered[0:len]
 * (written to lowered[len + 31]) the text lowered as LOWER_HITS_LOOP lowers it, and into bound
 * the positions where it goes into or out of a token (the end closing the last one; returned:
 * how many), runs of ASCII characters 32 at a time (a letter is a token's, lowered by its case
 * bit; U+0000 and characters from U+0080 go one at a time by hits_entry). -1 where the text
 * holds U+0130 or U+03A3 (the caller then lowers it by str.lower). */
AVX2_TARGET static __attribute__((noinline)) Py_ssize_t hits_tokens_avx2(
    const Py_UCS4 *codes, Py_ssize_t len, Py_UCS4 *restrict lowered, Py_ssize_t *bound) {
    Py_ssize_t *b = bound;
    uint32_t prev = 0; /* whether the character before is a token's */
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    const __m256i case_bit = _mm256_set1_epi8(0x20), a_low = _mm256_set1_epi8('a'),
                  z_span = _mm256_set1_epi8(25), zero = _mm256_setzero_si256();
    Py_ssize_t i = 0;
    while (i < len) {
        const __m256i *at = (const __m256i *)(codes + i);
        __m256i v0 = _mm256_loadu_si256(at), v1 = _mm256_loadu_si256(at + 1),
                v2 = _mm256_loadu_si256(at + 2), v3 = _mm256_loadu_si256(at + 3);
        __m256i x = _mm256_permutevar8x32_epi32(
            _mm256_packus_epi16(_mm256_packus_epi32(v0, v1), _mm256_packus_epi32(v2, v3)), order);
        __m256i rel = _mm256_sub_epi8(_mm256_or_si256(x, case_bit), a_low);
        __m256i is_letter = _mm256_cmpeq_epi8(_mm256_min_epu8(rel, z_span), rel);
        uint32_t letters = (uint32_t)_mm256_movemask_epi8(is_letter);
        /* U+0001..U+007F (a code point from U+0100 saturated to 0x00 or 0xFF: no such byte) */
        uint32_t others = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(x, zero));
        Py_ssize_t left = len - i;
        if (left < 32) others |= ~_bzhi_u32(0xFFFFFFFFu, (unsigned)left);
        unsigned run = others ? (unsigned)__builtin_ctz(others) : 32;
        if (run) {
            __m256i low = _mm256_or_si256(x, _mm256_and_si256(is_letter, case_bit));
            store_widened(lowered + i, low);
            uint32_t word = _bzhi_u32(letters, run);
            b += bit_positions(_bzhi_u32(word ^ ((word << 1) | prev), run), i, b);
            prev = (word >> (run - 1)) & 1;
            i += run;
        }
        if (run == 32 || i >= len) continue;
        /* U+0000 and the characters from U+0080, one at a time, to the next two ASCII ones */
        for (Py_UCS4 c = codes[i];;) {
            uint32_t e = hits_entry(c);
            if (e & HITS_CONTEXT) return -1;
            lowered[i] = e & 0x3FFFFFFFu;
            uint32_t token = e >> 31, change = token ^ prev;
            *b = i;
            b += change;
            prev = token;
            if (++i >= len) break;
            c = codes[i];
            if (c - 1 < 127 && codes[i + 1] - 1 < 127) break;
        }
    }
    if (prev) *b++ = len; /* the last token ends with the text */
    return b - bound;
}
#endif

#ifdef HAVE_CHAR_PASS_AVX2
static PyObject *stopword_hits(PyObject *self, PyObject *args);

/* stopword_hits(text, table, languages, lower=True) by hits_tokens_avx2: the text widened to
 * code points, lowered and cut into tokens, then each token of at most the longest word's
 * length looked up (the counts of LOWER_HITS_LOOP, in the same order) */
static PyObject *stopword_hits_avx2(PyObject *self, PyObject *text, PyObject *capsule,
                                    const Words *index, Py_ssize_t languages) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), longest = index->longest;
    long *hits = PyMem_Calloc(languages + 1, sizeof(long));
    /* codes and lowered (each len + 32, zeros past the text), bounds (len + 2, and the slack
     * of bit_positions) */
    Py_UCS4 *codes = PyMem_Malloc((size_t)(2 * (len + 32)) * sizeof(Py_UCS4)
                                  + (size_t)(len + 2 + BOUND_SLACK) * sizeof(Py_ssize_t));
    if (!hits || !codes) {
        PyMem_Free(hits);
        PyMem_Free(codes);
        return PyErr_NoMemory();
    }
    Py_UCS4 *lowered = codes + len + 32;
    Py_ssize_t *bound = (Py_ssize_t *)(lowered + len + 32);
    widen(text, codes);
    memset(codes + len, 0, 32 * sizeof(Py_UCS4));
    Py_ssize_t nb = hits_tokens_avx2(codes, len, lowered, bound);
    if (nb < 0) { /* a U+0130 or U+03A3: str.lower's own way, then the plain count */
        PyMem_Free(hits);
        PyMem_Free(codes);
        PyObject *lowered_text = PyObject_CallMethodNoArgs(text, name_lower);
        if (!lowered_text) return NULL;
        PyObject *plain = Py_BuildValue("(NOn)", lowered_text, capsule, languages);
        if (!plain) return NULL;
        PyObject *result = stopword_hits(self, plain);
        Py_DECREF(plain);
        return result;
    }
    Seen seen;
    seen_clear(&seen);
    /* The lookups in two passes: the tokens' hashes (into codes, read no more: room for
     * (len + 32) / 2 hashes, and there are at most (len + 1) / 2 tokens) with their slots' lines
     * fetched, then the lookups. Lang's table (128 KB of slots, 470 KB of records) is out of the
     * caches from page to page: the lookups alone waited for their slots one after the other,
     * most of the count's time (perf: 43 % of its samples on the test of the slot just read).
     * (A pass between, fetching the records of the slots whose tag is the hash's, bought
     * nothing more.) Tokens longer than the longest word are in no list (lang's table is too
     * large for its filter: most keys of short words are set). */
    uint64_t *hashes = (uint64_t *)codes;
    const uint32_t *slots = index->slots;
    const Py_ssize_t mask = index->mask, count = index->count ? nb / 2 : 0;
    for (Py_ssize_t t = 0; t < count; t++) {
        Py_ssize_t a = bound[2 * t], n = bound[2 * t + 1] - a;
        if (n > longest) continue;
        uint64_t h = word_hash(lowered + a, n);
        hashes[t] = h;
        __builtin_prefetch(slots + (Py_ssize_t)(h & (uint64_t)mask));
    }
    for (Py_ssize_t t = 0; t < count; t++) {
        Py_ssize_t a = bound[2 * t], n = bound[2 * t + 1] - a;
        if (n > longest) continue;
        Py_ssize_t found = words_find_hashed(index, lowered + a, n, hashes[t]);
        if (found >= 0) seen_add(&seen, (uint32_t)found, index, hits);
    }
    seen_flush(&seen, index, hits);
    PyMem_Free(codes);
    PyObject *counts = PyList_New(languages);
    if (!counts) {
        PyMem_Free(hits);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < languages; k++) {
        PyObject *value = PyLong_FromLong(hits[k]);
        if (!value) {
            Py_DECREF(counts);
            PyMem_Free(hits);
            return NULL;
        }
        PyList_SET_ITEM(counts, k, value);
    }
    PyMem_Free(hits);
    return Py_BuildValue("(Nn)", counts, nb / 2);
}
#endif

static PyObject *stopword_hits(PyObject *self, PyObject *args) {
    PyObject *text, *capsule;
    Py_ssize_t languages;
    int lower = 0;
    if (!PyArg_ParseTuple(args, "UOn|p", &text, &capsule, &languages, &lower)) return NULL;
    if (PyUnicode_READY(text) < 0) return NULL;
    const Words *index = words_of(capsule);
    if (!index) return NULL;
    if (languages < 0) {
        PyErr_SetString(PyExc_ValueError, "stopword_hits: languages >= 0");
        return NULL;
    }
    if (index->largest >= languages) {
        PyErr_SetString(PyExc_IndexError, "stopword_hits: language index");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), tokens = 0, longest = index->longest;
#ifdef HAVE_CHAR_PASS_AVX2
    if (lower && have_avx2) return stopword_hits_avx2(self, text, capsule, index, languages);
#endif
    long *hits = PyMem_Calloc(languages + 1, sizeof(long));
    /* (lowered: room for the longest token, the whole text: no test of the length a character) */
    Py_UCS4 *token = PyMem_Malloc(((lower ? len : longest) + 1) * sizeof(Py_UCS4));
    if (!hits || !token) {
        PyMem_Free(hits);
        PyMem_Free(token);
        return PyErr_NoMemory();
    }
    /* one loop per str kind: characters outside tokens are skipped, then a token is read to
     * its end, its hash (word_hash) taken as its characters are read */
#define HITS_LOOP(TYPE, LOWER)                                                                        \
    do {                                                                                       \
        const TYPE *chars = data;                                                              \
        Py_ssize_t i = 0;                                                                      \
        while (i < len) {                                                                      \
            Py_UCS4 c = chars[i];                                                              \
            if (!token_char(&c, LOWER)) {                                                      \
                i++;                                                                           \
                continue;                                                                      \
            }                                                                                  \
            Py_ssize_t first = i;                                                              \
            uint64_t h = 0xcbf29ce484222325ULL;                                                \
            for (;;) { /* text[first:i + 1] is a token */                                      \
                if (i - first < longest) { /* longer tokens are in no list */                  \
                    token[i - first] = c;                                                      \
                    h = (h ^ c) * 0x100000001b3ULL;                                            \
                }                                                                              \
                if (++i == len) break;                                                         \
                c = chars[i];                                                                  \
                if (!token_char(&c, LOWER)) break;                                             \
            }                                                                                  \
            tokens++; /* text[first:i]; text[i] (if any) is no token's */                      \
            Py_ssize_t found = i - first <= longest && index->count                            \
                ? words_find_hashed(index, token, i - first, h ^ (h >> 29)) : -1;              \
            if (found >= 0) { /* the record: length, count, code points, values */             \
                const uint32_t *record = index->pool + found;                                  \
                const uint32_t *values = record + 2 + record[0];                               \
                for (Py_ssize_t k = 0; k < (Py_ssize_t)record[1]; k++) hits[values[k]]++;      \
            }                                                                                  \
            i++;                                                                               \
        }                                                                                      \
    } while (0)
    /* lowered: each character read as its small_hits_lower entry (hits_entry); a U+0130 or
     * U+03A3 (bit 30 of its entry, met where a token ends or between tokens: it is no token's)
     * sends the whole text to str.lower's own way (context) */
#define LOWER_HITS_LOOP(TYPE)                                                                  \
    do {                                                                                       \
        const TYPE *chars = data;                                                              \
        Py_ssize_t i = 0;                                                                      \
        while (i < len) {                                                                      \
            uint32_t e = hits_entry(chars[i]);                                                 \
            if (!(e >> 31)) {                                                                  \
                if (e & HITS_CONTEXT) goto context;                                            \
                i++;                                                                           \
                continue;                                                                      \
            }                                                                                  \
            Py_ssize_t first = i;                                                              \
            Py_UCS4 *at = token;                                                               \
            uint64_t h = 0xcbf29ce484222325ULL;                                                \
            for (;;) { /* text[first:i + 1] is a token */                                      \
                Py_UCS4 c = e & 0x3FFFFFFFu;                                                   \
                *at++ = c;                                                                     \
                h = (h ^ c) * 0x100000001b3ULL;                                                \
                if (++i == len) {                                                              \
                    e = 0;                                                                     \
                    break;                                                                     \
                }                                                                              \
                e = hits_entry(chars[i]);                                                      \
                if (!(e >> 31)) break;                                                         \
            }                                                                                  \
            if (e & HITS_CONTEXT) goto context;                                                \
            tokens++; /* text[first:i]; text[i] (if any) is no token's */                      \
            Py_ssize_t found = i - first <= longest && index->count                            \
                ? words_find_hashed(index, token, i - first, h ^ (h >> 29)) : -1;              \
            if (found >= 0) seen_add(&seen, (uint32_t)found, index, hits);                     \
            i++;                                                                               \
        }                                                                                      \
    } while (0)
    Seen seen;
    if (lower) seen_clear(&seen);
    if (kind == PyUnicode_1BYTE_KIND) {
        if (lower) LOWER_HITS_LOOP(Py_UCS1);
        else HITS_LOOP(Py_UCS1, 0);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        if (lower) LOWER_HITS_LOOP(Py_UCS2);
        else HITS_LOOP(Py_UCS2, 0);
    } else {
        if (lower) LOWER_HITS_LOOP(Py_UCS4);
        else HITS_LOOP(Py_UCS4, 0);
    }
#undef HITS_LOOP
#undef LOWER_HITS_LOOP
    if (lower) seen_flush(&seen, index, hits);
    PyMem_Free(token);
    PyObject *counts = PyList_New(languages);
    if (!counts) goto fail;
    for (Py_ssize_t k = 0; k < languages; k++) {
        PyObject *value = PyLong_FromLong(hits[k]);
        if (!value) {
            Py_DECREF(counts);
            goto fail;
        }
        PyList_SET_ITEM(counts, k, value);
    }
    PyMem_Free(hits);
    return Py_BuildValue("(Nn)", counts, tokens);
fail:
    PyMem_Free(hits);
    return NULL;
context: { /* a U+0130 or U+03A3: str.lower's own way, then the plain count */
    PyMem_Free(token);
    PyMem_Free(hits);
    PyObject *lowered_text = PyObject_CallMethodNoArgs(text, name_lower);
    if (!lowered_text) return NULL;
    PyObject *plain = Py_BuildValue("(NOn)", lowered_text, capsule, languages);
    if (!plain) return NULL;
    PyObject *result = stopword_hits(self, plain);
    Py_DECREF(plain);
    return result;
}
}

/* script_counts(sample) -> (visible, dense, kana, thai, myanmar, hangul): what
 * lang._detect_sample counts with its regexes: characters but " " and "\n", characters of
 * DENSE_RE, whether one is of KANA_RE, how many are of THAI_RE, MYANMAR_RE and HANGUL_RE */
static PyObject *script_counts(PyObject *self, PyObject *args) {
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U", &text)) return NULL;
    if (PyUnicode_READY(text) < 0) return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), blank = 0, dense = 0, kana = 0, thai = 0,
               myanmar = 0, hangul = 0;
    if (kind == PyUnicode_1BYTE_KIND) { /* below U+0100: none of the scripts */
        const Py_UCS1 *chars = data;
        Py_ssize_t i = 0;
        while (i < len) { /* (in runs of 255 into a byte counter: the compiler vectorises it) */
            Py_ssize_t end = len - i > 255 ? i + 255 : len;
            unsigned char run = 0;
            for (; i < end; i++) run += (unsigned char)((chars[i] == ' ') | (chars[i] == '\n'));
            blank += run;
        }
    } else { /* one loop per kind: the blanks counted first, in runs into a counter of the
              * characters' width (vectorised), then only the characters from U+0E00 (most
              * samples of a wide kind are Latin text with a few quotes or dashes); that second
              * loop only when a character from U+0E00 is outside U+1800..U+303F (punctuation,
              * symbols: quotes, dashes, bullets, arrows), where none of the scripts is */
#define SCRIPT_LOOP(TYPE)                                                                      \
    do {                                                                                       \
        const TYPE *chars = data;                                                              \
        TYPE any_high = 0;                                                                     \
        for (Py_ssize_t i = 0; i < len;) {                                                     \
            Py_ssize_t end = len - i > 65535 ? i + 65535 : len;                                \
            TYPE run = 0, high = 0;                                                            \
            for (; i < end; i++) {                                                             \
                TYPE c = chars[i];                                                             \
                run += (TYPE)((c == ' ') | (c == '\n'));                                       \
                high |= (TYPE)((c >= 0x0E00) & ((TYPE)(c - 0x1800) > 0x183F));                 \
            }                                                                                  \
            blank += run;                                                                      \
            any_high |= high;                                                                  \
        }                                                                                      \
        for (Py_ssize_t i = 0; any_high && i < len; i++) {                                     \
            Py_UCS4 c = chars[i];                                                              \
            if (c < 0x0E00) continue;                                                          \
            int is_kana = c >= 0x3040 && c <= 0x30FF;                                          \
            kana |= is_kana;                                                                   \
            thai += c <= 0x0E7F;                                                               \
            myanmar += c >= 0x1000 && c <= 0x109F;                                             \
            hangul += c >= 0xAC00 && c <= 0xD7AF;                                              \
            dense += is_kana || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)  \
                     || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x0E00 && c <= 0x0EFF)          \
                     || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF);         \
        }                                                                                      \
    } while (0)
        if (kind == PyUnicode_2BYTE_KIND)
            SCRIPT_LOOP(Py_UCS2);
        else
            SCRIPT_LOOP(Py_UCS4);
#undef SCRIPT_LOOP
    }
    return Py_BuildValue("(nnnnnn)", len - blank, dense, kana, thai, myanmar, hangul);
}

/* np.argmax / np.argmin of a[0..n-1] (n > 0): the first NaN, else the first largest/smallest */
static Py_ssize_t np_argmax(const double *a, Py_ssize_t n) {
    Py_ssize_t best = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (a[i] != a[i]) return i;
        if (a[i] > a[best]) best = i;
    }
    return best;
}

static Py_ssize_t np_argmin(const double *a, Py_ssize_t n) {
    Py_ssize_t best = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (a[i] != a[i]) return i;
        if (a[i] < a[best]) best = i;
    }
    return best;
}

/* decide(scores, words, threshold, gap_penalty, min_score, min_words, reasons, keep) -> list
 *   classify.decide: which blocks are article text (keep: bool[n], written) and why (the
 *   returned list holds reasons = (model, below, outside, best block) strs). The same floats as
 *   its numpy: the gains (scores - threshold) * (words + 1.0) - gap_penalty * ~above, their
 *   cumulative sum, np.minimum.accumulate, np.argmax and np.argmin. */
static PyObject *decide(PyObject *self, PyObject *args) {
    Py_buffer scores, words, keep;
    double threshold, gap, min_score, min_words;
    PyObject *reasons;
    if (!PyArg_ParseTuple(args, "y*y*ddddO!w*", &scores, &words, &threshold, &gap, &min_score,
                          &min_words, &PyTuple_Type, &reasons, &keep))
        return NULL;
    PyObject *result = NULL;
    double *prefix = NULL;
    Py_ssize_t n = scores.len / (Py_ssize_t)sizeof(double);
    if (scores.len != n * (Py_ssize_t)sizeof(double) || words.len != scores.len || keep.len != n
        || PyTuple_GET_SIZE(reasons) != 4) {
        PyErr_SetString(PyExc_ValueError, "decide: bad arguments");
        goto done;
    }
    const double *s = scores.buf, *w = words.buf;
    char *k = keep.buf;
    PyObject *model = PyTuple_GET_ITEM(reasons, 0), *below = PyTuple_GET_ITEM(reasons, 1),
             *outside = PyTuple_GET_ITEM(reasons, 2), *best_block = PyTuple_GET_ITEM(reasons, 3);
    if (!(result = PyList_New(n))) goto done;
    if (n == 0) goto done;
    Py_ssize_t best = np_argmax(s, n);
    if (s[best] < threshold) { /* nothing above: the best block alone, if it is good enough */
        int fallback = s[best] >= min_score && w[best] >= min_words;
        for (Py_ssize_t i = 0; i < n; i++) {
            int is_best = fallback && i == best;
            k[i] = (char)is_best;
            PyObject *reason = is_best ? best_block : below;
            Py_INCREF(reason);
            PyList_SET_ITEM(result, i, reason);
        }
        goto done;
    }
    if (!(prefix = PyMem_Malloc((2 * n + 2) * sizeof(double)))) {
        PyErr_NoMemory();
        Py_CLEAR(result);
        goto done;
    }
    double *rise = prefix + n + 1;
    prefix[0] = 0.0; /* np.concatenate(([0.0], np.cumsum(gains))) */
    for (Py_ssize_t i = 0; i < n; i++) {
        double gain = (s[i] - threshold) * (w[i] + 1.0) - gap * (double)!(s[i] >= threshold);
        prefix[i + 1] = i ? prefix[i] + gain : gain;
    }
    double lowest = prefix[0]; /* np.minimum.accumulate(prefix[:-1]) */
    for (Py_ssize_t j = 0; j < n; j++) {
        lowest = npmin(lowest, prefix[j]);
        rise[j] = prefix[j + 1] - lowest;
    }
    Py_ssize_t last = np_argmax(rise, n), first = np_argmin(prefix, last + 1);
    for (Py_ssize_t i = 0; i < n; i++) {
        int above = s[i] >= threshold, kept = above && i >= first && i <= last;
        k[i] = (char)kept;
        PyObject *reason = kept ? model : above ? outside : below;
        Py_INCREF(reason);
        PyList_SET_ITEM(result, i, reason);
    }
done:
    PyMem_Free(prefix);
    PyBuffer_Release(&scores);
    PyBuffer_Release(&words);
    PyBuffer_Release(&keep);
    return result;
}

/* strip_texts(texts) -> (stripped, filled): [text.strip() for text in texts] (the text itself
 * where nothing is stripped, as str.strip gives it) and the indices of the non-empty ones
 * (segment strips every line of the dump) */
static PyObject *strip_texts(PyObject *self, PyObject *texts) {
    if (!PyList_Check(texts)) {
        PyErr_SetString(PyExc_TypeError, "strip_texts: a list of str expected");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    PyObject *out = PyList_New(n), *filled = PyList_New(0), *result = NULL;
    if (!out || !filled) goto done;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *text = PyList_GET_ITEM(texts, k);
        if (!PyUnicode_Check(text) || PyUnicode_READY(text) < 0) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "strip_texts: str expected");
            goto done;
        }
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text), a = 0, b = len;
        while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a))) a++;
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1))) b--;
        PyObject *line;
        if (a == 0 && b == len && PyUnicode_CheckExact(text)) {
            Py_INCREF(text);
            line = text;
        } else {
            line = PyUnicode_Substring(text, a, b);
            if (!line) goto done;
        }
        PyList_SET_ITEM(out, k, line);
        if (b > a) {
            PyObject *index = PyLong_FromSsize_t(k);
            if (!index) goto done;
            int failed = PyList_Append(filled, index);
            Py_DECREF(index);
            if (failed < 0) goto done;
        }
    }
    result = PyTuple_Pack(2, out, filled);
done:
    Py_XDECREF(out);
    Py_XDECREF(filled);
    return result;
}

/* the first line break (as str.splitlines: Py_UNICODE_ISLINEBREAK, every one of them below
 * U+001F, U+0085, U+2028 or U+2029) in chars[i..len), or len: the candidates found 16 bytes at
 * a time (SSE2: a mask of them, its lowest bit first), each confirmed by Py_UNICODE_ISLINEBREAK */
static inline int break_candidate(Py_UCS4 c) { return c < 0x1F || c == 0x85 || c - 0x2028 < 2; }

static Py_ssize_t next_break(int kind, const void *data, Py_ssize_t i, Py_ssize_t len) {
#if defined(__SSE2__)
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *chars = data;
        const __m128i low = _mm_set1_epi8(0x1E), nel = _mm_set1_epi8((char)0x85);
        for (; i + 16 <= len; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(chars + i));
            __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_subs_epu8(v, low), _mm_setzero_si128()),
                                       _mm_cmpeq_epi8(v, nel));
            unsigned mask = (unsigned)_mm_movemask_epi8(hit);
            while (mask) {
                int k = __builtin_ctz(mask);
                if (Py_UNICODE_ISLINEBREAK(chars[i + k])) return i + k;
                mask &= mask - 1;
            }
        }
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *chars = data;
        const __m128i low = _mm_set1_epi16(0x1E), nel = _mm_set1_epi16(0x85),
                      sep = _mm_set1_epi16(0x2028), one = _mm_set1_epi16(1);
        for (; i + 8 <= len; i += 8) {
            __m128i v = _mm_loadu_si128((const __m128i *)(chars + i));
            __m128i zero = _mm_setzero_si128();
            __m128i hit = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi16(_mm_subs_epu16(v, low), zero), _mm_cmpeq_epi16(v, nel)),
                _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(v, sep), one), zero));
            unsigned mask = (unsigned)_mm_movemask_epi8(hit) & 0x5555u; /* a bit a character */
            while (mask) {
                int k = __builtin_ctz(mask) / 2;
                if (Py_UNICODE_ISLINEBREAK(chars[i + k])) return i + k;
                mask &= mask - 1;
                mask &= ~(3u << (2 * k));
            }
        }
    }
#endif
    for (; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (break_candidate(c) && Py_UNICODE_ISLINEBREAK(c)) return i;
    }
    return len;
}

/* split_strip(text[, share]) -> (lines, stripped, filled): text.splitlines(), then strip_texts
 * of those lines, in one pass over the text (the line breaks found by next_break). With share
 * (segment.MAX_BLANK_SHARE_FOR_GLUING), lines is None unless the page is harsh (filled, and its
 * empty lines between the first filled and the last at most share * len(filled): segment's
 * test): only a harsh page's language is found from its lines, so most pages' list of lines
 * (and the unstripped copy of each line with white space at an end) is never built */
static PyObject *split_strip(PyObject *self, PyObject *args) {
    PyObject *text;
    double share = 0.0;
    int lazy = 0;
    if (PyTuple_GET_SIZE(args) == 2) {
        share = PyFloat_AsDouble(PyTuple_GET_ITEM(args, 1));
        if (share == -1.0 && PyErr_Occurred()) return NULL;
        lazy = 1;
    } else if (PyTuple_GET_SIZE(args) != 1) {
        PyErr_SetString(PyExc_TypeError, "split_strip: (text[, share]) expected");
        return NULL;
    }
    text = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "split_strip: a str expected");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0) return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    PyObject *raw = lazy ? NULL : PyList_New(0), *out = PyList_New(0), *filled = PyList_New(0),
             *result = NULL;
    Py_ssize_t *spans = NULL, spans_size = 0; /* (lazy) each line's start and end */
    if ((!lazy && !raw) || !out || !filled) goto done;
    Py_ssize_t first_filled = -1, last_filled = -1;
    for (Py_ssize_t start = 0, k = 0; start < len; k++) {
        Py_ssize_t end = next_break(kind, data, start, len), next = end + 1;
        if (end < len && PyUnicode_READ(kind, data, end) == '\r' && end + 1 < len
            && PyUnicode_READ(kind, data, end + 1) == '\n')
            next = end + 2; /* "\r\n": one break */
        Py_ssize_t a = start, b = end;
        while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a))) a++;
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1))) b--;
        const int whole = a == start && b == end; /* nothing stripped */
        PyObject *line = NULL, *stripped;
        if (!lazy || whole) {
            line = (start == 0 && end == len && PyUnicode_CheckExact(text))
                       ? (Py_INCREF(text), text)
                       : PyUnicode_Substring(text, start, end);
            if (!line) goto done;
        }
        if (!lazy) {
            if (PyList_Append(raw, line) < 0) {
                Py_DECREF(line);
                goto done;
            }
        } else {
            if (2 * (k + 1) > spans_size
                && grow((void **)&spans, &spans_size, 2 * (k + 1), sizeof(Py_ssize_t)) < 0) {
                Py_XDECREF(line);
                goto done;
            }
            spans[2 * k] = start;
            spans[2 * k + 1] = end;
        }
        if (whole) { /* the line itself (its reference now stripped's) */
            stripped = line;
            line = NULL;
        } else if (!(stripped = PyUnicode_Substring(text, a, b))) {
            Py_XDECREF(line);
            goto done;
        }
        Py_XDECREF(line); /* (the lines' list holds it) */
        int failed = PyList_Append(out, stripped);
        Py_DECREF(stripped);
        if (failed < 0) goto done;
        if (b > a) {
            PyObject *index = PyLong_FromSsize_t(k);
            if (!index) goto done;
            failed = PyList_Append(filled, index);
            Py_DECREF(index);
            if (failed < 0) goto done;
            if (first_filled < 0) first_filled = k;
            last_filled = k;
        }
        start = next;
    }
    if (lazy) {
        Py_ssize_t count = PyList_GET_SIZE(filled);
        Py_ssize_t inner_blanks = count ? last_filled - first_filled + 1 - count : 0;
        /* segment: inner_blanks <= MAX_BLANK_SHARE_FOR_GLUING * len(filled) (an int against a
         * float: exact, both below 2**53) */
        int harsh = count > 0 && (double)inner_blanks <= share * (double)count;
        if (harsh) { /* the lines, each the stripped one where nothing was stripped */
            const Py_ssize_t lines = PyList_GET_SIZE(out);
            if (!(raw = PyList_New(lines))) goto done;
            for (Py_ssize_t k = 0; k < lines; k++) {
                PyObject *stripped = PyList_GET_ITEM(out, k), *line;
                Py_ssize_t start = spans[2 * k], end = spans[2 * k + 1];
                if (PyUnicode_GET_LENGTH(stripped) == end - start) {
                    Py_INCREF(stripped);
                    line = stripped;
                } else if (!(line = PyUnicode_Substring(text, start, end))) {
                    goto done;
                }
                PyList_SET_ITEM(raw, k, line);
            }
        } else {
            raw = Py_None;
            Py_INCREF(raw);
        }
    }
    result = PyTuple_Pack(3, raw, out, filled);
done:
    PyMem_Free(spans);
    Py_XDECREF(raw);
    Py_XDECREF(out);
    Py_XDECREF(filled);
    return result;
}

/* whether data[0..len) (of the str kind) holds a character below U+001F, U+0085 or one from
 * U+2028 (every line break is one: a text without any has no line break), in blocks of 256
 * characters without a branch a character (the compiler vectorises them) */
#define MAY_BREAK_LOOP(TYPE)                                                                   \
    do {                                                                                       \
        const TYPE *chars = data;                                                              \
        for (Py_ssize_t i = 0; i < len;) {                                                     \
            Py_ssize_t end = len - i > 256 ? i + 256 : len;                                    \
            TYPE any = 0; /* (of the characters' width: one vector lane a character) */         \
            for (; i < end; i++) {                                                             \
                TYPE c = chars[i];                                                             \
                any |= (TYPE)((c < 0x1F) | (c == 0x85) | (c >= 0x2028));                       \
            }                                                                                  \
            if (any) return 1;                                                                 \
        }                                                                                      \
    } while (0)
static int may_break(int kind, const void *data, Py_ssize_t len) {
    if (kind == PyUnicode_1BYTE_KIND) MAY_BREAK_LOOP(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND) MAY_BREAK_LOOP(Py_UCS2);
    else MAY_BREAK_LOOP(Py_UCS4);
    return 0;
}
#undef MAY_BREAK_LOOP

/* sample_parts(texts, min_chars, max_chars) -> list: lang.lines_sample's parts: the lines
 * (str.splitlines) of at least min_chars characters of the texts, in order, up to the one
 * that brings their size to max_chars. A text shorter than min_chars holds no such line; one
 * without a line break is one line. */
/* sample_parts(texts, min_chars, max_chars), and with `blocks` (block_sample_parts(blocks,
 * min_chars, max_chars)) the same of the blocks' texts: sample_parts([b.text for b in blocks],
 * ...) without the list (a block's text read from its slot) */
static PyObject *sample_parts_of(PyObject *args, int blocks) {
    PyObject *items;
    Py_ssize_t min_chars, max_chars;
    if (!PyArg_ParseTuple(args, "O!nn", &PyList_Type, &items, &min_chars, &max_chars))
        return NULL;
    PyObject *parts = PyList_New(0);
    if (!parts) return NULL;
    Py_ssize_t size = 0;
    BlockLayout layout;
    PyTypeObject *block_type = NULL;
    if (blocks && PyList_GET_SIZE(items)) {
        block_type = Py_TYPE(PyList_GET_ITEM(items, 0));
        if (block_layout(block_type, &layout) < 0) { /* not a Block: by getattr */
            PyErr_Clear();
            block_type = NULL;
        }
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(items) && size < max_chars; k++) {
        PyObject *text = PyList_GET_ITEM(items, k);
        if (blocks) {
            if (!(text = block_field(text, block_type, &layout, 1, name_text))) goto fail;
        } else {
            Py_INCREF(text);
        }
        if (!PyUnicode_Check(text) || PyUnicode_READY(text) < 0) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "sample_parts: str expected");
            Py_DECREF(text);
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        if (len < min_chars) {
            Py_DECREF(text);
            continue;
        }
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        int breaks = may_break(kind, data, len);
        for (Py_ssize_t i = 0; i < len && breaks == 1; i++) { /* every line break is below
                                                                U+001F, U+0085 or from U+2028 */
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if ((c < 0x1F || c == 0x85 || c >= 0x2028) && Py_UNICODE_ISLINEBREAK(c)) breaks = 2;
        }
        breaks = breaks == 2;
        PyObject *lines = breaks ? PyUnicode_Splitlines(text, 0) : PyList_New(0);
        if (lines && !breaks && PyList_Append(lines, text) < 0) Py_CLEAR(lines);
        Py_DECREF(text);
        if (!lines) goto fail;
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(lines) && size < max_chars; j++) {
            PyObject *line = PyList_GET_ITEM(lines, j);
            Py_ssize_t line_len = PyUnicode_GET_LENGTH(line);
            if (line_len < min_chars) continue;
            if (PyList_Append(parts, line) < 0) {
                Py_DECREF(lines);
                goto fail;
            }
            size += line_len;
        }
        Py_DECREF(lines);
    }
    return parts;
fail:
    Py_DECREF(parts);
    return NULL;
}

static PyObject *sample_parts(PyObject *self, PyObject *args) { return sample_parts_of(args, 0); }

static PyObject *block_sample_parts(PyObject *self, PyObject *args) {
    return sample_parts_of(args, 1);
}

/* consent_candidates(blocks, reach, min_chars, max_chars) -> [i, ...]: the indices i below
 * min(reach, len(blocks) - 1) whose block's text has min_chars to max_chars characters and may
 * name cookies (classify.may_name_cookies): every one that does, and maybe others (classify
 * tests them as before). A one-byte text (Latin-1: str.lower maps each character to one, and
 * only "O"/"o", "C"/"c", "Z"/"z" to "o", "c", "z"; the kana and hangul needles are not
 * Latin-1) may where it holds two characters that lower to "oo" or "cz"; a wider text always
 * may. (classify.consent_notices: the Python loop over the page's first blocks, the lowering
 * and four substring tests of each, ~3 us a page.) */
static PyObject *consent_candidates(PyObject *self, PyObject *args) {
    PyObject *blocks;
    Py_ssize_t reach, min_chars, max_chars;
    if (!PyArg_ParseTuple(args, "O!nnn", &PyList_Type, &blocks, &reach, &min_chars, &max_chars))
        return NULL;
    PyObject *out = PyList_New(0);
    if (!out) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(blocks), end = n - 1 < reach ? n - 1 : reach;
    BlockLayout layout;
    PyTypeObject *block_type = NULL;
    if (n) {
        block_type = Py_TYPE(PyList_GET_ITEM(blocks, 0));
        if (block_layout(block_type, &layout) < 0) { /* not a Block: by getattr */
            PyErr_Clear();
            block_type = NULL;
        }
    }
    for (Py_ssize_t i = 0; i < end; i++) {
        PyObject *text = block_field(PyList_GET_ITEM(blocks, i), block_type, &layout, 1, name_text);
        if (!text) goto fail;
        if (!PyUnicode_Check(text) || PyUnicode_READY(text) < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "consent_candidates: a block's text is not a str");
            Py_DECREF(text);
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        int may = 0;
        if (min_chars <= len && len <= max_chars) {
            if (PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND) {
                const Py_UCS1 *c = PyUnicode_1BYTE_DATA(text);
                for (Py_ssize_t k = 0; k + 1 < len && !may; k++) {
                    /* (c | 0x20 is "o" for "O" and "o" alone, and so for "c" and "z") */
                    unsigned a = c[k] | 0x20u, b = c[k + 1] | 0x20u;
                    may = (a == 'o' && b == 'o') || (a == 'c' && b == 'z');
                }
            } else {
                may = 1;
            }
        }
        Py_DECREF(text);
        if (may) {
            PyObject *index = PyLong_FromSsize_t(i);
            if (!index) goto fail;
            int failed = PyList_Append(out, index);
            Py_DECREF(index);
            if (failed < 0) goto fail;
        }
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* log1p_columns(matrix, width, columns, logs) -> [the columns left]: the cells of the given
 * columns of a row-major float64 matrix of `width` columns replaced by logs[cell] where every
 * cell of the column is an integer k (not -0.0) with 0 <= k < len(logs), logs being
 * np.log1p(np.arange(len(logs))): numpy's own log1p of those k, the same doubles as np.log1p of
 * the column (block counts are small integers: a table read instead of a log1p call a cell).
 * A column with any other cell is left untouched, and returned for np.log1p. Columns: distinct,
 * at most 64. With fills, ((offset, column), ...), the cells of a tabled column in the rows i
 * with i + offset outside the matrix are then -1.0 (features' neighbour log_words). */
static PyObject *log1p_columns(PyObject *self, PyObject *args) {
    Py_buffer matrix, logs;
    Py_ssize_t width;
    PyObject *columns, *fills = NULL;
    if (!PyArg_ParseTuple(args, "w*nO!y*|O!", &matrix, &width, &PyTuple_Type, &columns, &logs,
                          &PyTuple_Type, &fills))
        return NULL;
    PyObject *result = NULL;
    enum { MAX_COLUMNS = 64 };
    Py_ssize_t count = PyTuple_GET_SIZE(columns), column[MAX_COLUMNS];
    char tabled[MAX_COLUMNS];
    if (width <= 0 || matrix.len % (width * (Py_ssize_t)sizeof(double)) != 0
        || logs.len % (Py_ssize_t)sizeof(double) != 0 || count > MAX_COLUMNS) {
        PyErr_SetString(PyExc_ValueError, "log1p_columns: bad arguments");
        goto done;
    }
    for (Py_ssize_t c = 0; c < count; c++) {
        column[c] = PyLong_AsSsize_t(PyTuple_GET_ITEM(columns, c));
        if (column[c] == -1 && PyErr_Occurred()) goto done;
        if (column[c] < 0 || column[c] >= width) {
            PyErr_SetString(PyExc_IndexError, "log1p_columns: column out of range");
            goto done;
        }
        for (Py_ssize_t d = 0; d < c; d++)
            if (column[d] == column[c]) { /* (it would be read from the table twice) */
                PyErr_SetString(PyExc_ValueError, "log1p_columns: a column twice");
                goto done;
            }
        tabled[c] = 1;
    }
    Py_ssize_t n = matrix.len / (width * (Py_ssize_t)sizeof(double));
    double *m = matrix.buf, top = (double)(logs.len / (Py_ssize_t)sizeof(double));
    const double *table = logs.buf;
    for (Py_ssize_t i = 0; i < n; i++) { /* row by row: a row's cells share lines */
        const double *row = m + i * width;
        for (Py_ssize_t c = 0; c < count; c++) {
            double v = row[column[c]], k;
            if (!(v >= 0.0 && v < top)) { /* (NaN fails it) */
                tabled[c] = 0;
                continue;
            }
            k = (double)(Py_ssize_t)v;
            uint64_t bits_v, bits_k; /* the same bits: an integer, and not -0.0 (log1p(-0.0) is
                                      * -0.0, the table's log1p(0.0) 0.0) */
            memcpy(&bits_v, &v, sizeof(v));
            memcpy(&bits_k, &k, sizeof(k));
            tabled[c] &= bits_v == bits_k;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double *row = m + i * width;
        for (Py_ssize_t c = 0; c < count; c++)
            if (tabled[c]) row[column[c]] = table[(Py_ssize_t)row[column[c]]];
    }
    /* fills: (offset, column) pairs: the column's cells of the rows i with i + offset outside
     * the matrix become -1.0 (when the column was read from the table) */
    for (Py_ssize_t f = 0; fills && f < PyTuple_GET_SIZE(fills); f++) {
        PyObject *pair = PyTuple_GET_ITEM(fills, f);
        Py_ssize_t offset, at;
        if (!PyTuple_Check(pair) || !PyArg_ParseTuple(pair, "nn", &offset, &at)) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "log1p_columns: fills");
            goto done;
        }
        Py_ssize_t c = 0;
        while (c < count && column[c] != at) c++;
        if (c == count) {
            PyErr_SetString(PyExc_ValueError, "log1p_columns: a fill of another column");
            goto done;
        }
        if (!tabled[c]) continue;
        Py_ssize_t first = offset > 0 ? (n - offset > 0 ? n - offset : 0) : 0,
                   end = offset > 0 || offset < -n ? n : -offset;
        for (Py_ssize_t i = first; i < end; i++) m[i * width + at] = -1.0;
    }
    result = PyList_New(0);
    for (Py_ssize_t c = 0; result && c < count; c++) {
        if (tabled[c]) continue;
        PyObject *index = PyLong_FromSsize_t(column[c]);
        if (!index || PyList_Append(result, index) < 0) Py_CLEAR(result);
        Py_XDECREF(index);
    }
done:
    PyBuffer_Release(&matrix);
    PyBuffer_Release(&logs);
    return result;
}

static PyObject *widths(PyObject *self, PyObject *unused) {
    return Py_BuildValue("(ii)", BLOCK_WIDTH, SCORE_WIDTH);
}

static PyMethodDef methods[] = {
    {"block_matrix", block_matrix, METH_VARARGS, "Block features of a page (see the file)."},
    {"page_matrix", page_matrix, METH_VARARGS,
     "block_matrix with logs, the prefix pairs and the page columns (see the file)."},
    {"score_matrix", score_matrix, METH_VARARGS, "Score features of a page (see the file)."},
    {"score_page", score_page, METH_VARARGS,
     "score_matrix with its mass and segment_words (see the file)."},
    {"prefix_pairs", prefix_pairs, METH_VARARGS, "features._prefix_pairs into the matrix."},
    {"log1p_columns", log1p_columns, METH_VARARGS, "np.log1p of integer columns, by a table."},
    {"segment_blocks", segment_blocks, METH_VARARGS, "The blocks of a page (see the file)."},
    {"labelled_blocks", labelled_blocks, METH_VARARGS, "classify's LabelledBlocks (see the file)."},
    {"stopword_hits", stopword_hits, METH_VARARGS, "lang's stopword count (see the file)."},
    {"word_table", word_table, METH_O, "A set of words (or a dict word -> tuple of ints)."},
    {"script_counts", script_counts, METH_VARARGS, "lang's script counts (see the file)."},
    {"decide", decide, METH_VARARGS, "classify.decide (see the file)."},
    {"split_strip", split_strip, METH_VARARGS,
     "split_strip(text[, share]) -> (text.splitlines() (with share: None unless the page is "
     "harsh), stripped, filled): strip_texts of the lines"},
    {"strip_texts", strip_texts, METH_O, "([text.strip() ...], indices of the non-empty ones)."},
    {"sample_parts", sample_parts, METH_VARARGS, "lang.lines_sample's lines (see the file)."},
    {"consent_candidates", consent_candidates, METH_VARARGS,
     "The first blocks that may be a consent notice (see the file)."},
    {"block_sample_parts", block_sample_parts, METH_VARARGS,
     "sample_parts of the blocks' texts (see the file)."},
    {"widths", widths, METH_NOARGS, "(columns of block_matrix, columns of score_matrix)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_features", NULL, -1, methods};

PyMODINIT_FUNC PyInit__features(void) {
    fill_count_tables();
#ifdef HAVE_CHAR_PASS_AVX2
    __builtin_cpu_init();
    have_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi")
                && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
#endif
    if (!(name_text = PyUnicode_InternFromString("text"))
        || !(name_blank_before = PyUnicode_InternFromString("blank_before"))
        || !(name_blank_after = PyUnicode_InternFromString("blank_after"))
        || !(name_lower = PyUnicode_InternFromString("lower"))
        || !(name_replace = PyUnicode_InternFromString("replace"))
        || !(newline = PyUnicode_FromString("\n")) || !(space = PyUnicode_FromString(" ")))
        return NULL;
    return PyModule_Create(&module);
}
