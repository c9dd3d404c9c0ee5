/* newsdump/_io.c: the readers' byte loops (newsdump.sources.decode), compiled.
 *
 *   controls(data) -> int: how many bytes of `data` (bytes) are CONTROL_BYTES, that is
 *   0x00-0x08, 0x0b, 0x0e-0x1f and 0x7f: len(data) - len(data.translate(None, CONTROL_BYTES)).
 *   count_words(text) -> int: records.count_words (whitespace-separated words, a character of
 *   records.WIDE_CHARS half a word and a separator), 16 characters a step in a 1-byte or a
 *   2-byte string (SSE2: every 2-byte lane classified as a space of str.isspace, a wide
 *   character or a word's), a 4-byte string one at a time.
 *
 * One pass each, no allocation, no state: 16 bytes a step (SSE2), the rest one at a time. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#if defined(__SSE2__)
#include <emmintrin.h>

/* the bits set in a 16-bit mask (no call: __builtin_popcount is one, __popcountdi2, without
 * -mpopcnt, and the build does not assume that instruction) */
static inline int pop16(unsigned x) {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0f0fu;
    return (int)((x + (x >> 8)) & 0x1fu);
}

#endif

static PyObject *controls(PyObject *self, PyObject *data) {
    if (!PyBytes_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "controls: bytes");
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)PyBytes_AS_STRING(data);
    Py_ssize_t n = PyBytes_GET_SIZE(data), count = 0, i = 0;
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(0x1f), del = _mm_set1_epi8(0x7f), zero = _mm_setzero_si128();
    const __m128i nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4), vt = _mm_set1_epi8(0x0b);
    while (i + 16 <= n) {
        /* each byte's hits added up in its lane (a hit is -1: subtracted), at most 255 steps
         * a lane before the lanes are summed (psadbw) */
        Py_ssize_t steps = (n - i) / 16;
        if (steps > 255)
            steps = 255;
        __m128i acc = zero;
        for (Py_ssize_t k = 0; k < steps; k++, i += 16) { /* 16 bytes a step */
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, below), v); /* v <= 0x1f */
            __m128i t = _mm_sub_epi8(v, nine); /* v in 9..13: (v - 9) mod 256 <= 4 */
            __m128i spaces = _mm_cmpeq_epi8(_mm_min_epu8(t, four), t);
            /* \t \n \f \r: 9..13 but 0x0b */
            __m128i allowed = _mm_andnot_si128(_mm_cmpeq_epi8(v, vt), spaces);
            __m128i hit = _mm_or_si128(_mm_andnot_si128(allowed, low), _mm_cmpeq_epi8(v, del));
            acc = _mm_sub_epi8(acc, hit);
        }
        __m128i sums = _mm_sad_epu8(acc, zero); /* two 64-bit lanes: the sums of 8 bytes */
        count += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    }
#endif
    for (; i < n; i++) {
        unsigned c = s[i];
        /* below 0x20 but not \t (9), \n (10), \f (12), \r (13); or DEL */
        count += (c < 0x20 && c != 9 && c != 10 && c != 12 && c != 13) | (c == 0x7f);
    }
    return PyLong_FromSsize_t(count);
}

/* str.isspace of a character from U+0100 */
static inline int high_space(Py_UCS4 c) {
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* records.WIDE_CHARS: [\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff] */
static inline int wide_char(Py_UCS4 c) {
    return (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x3040 && c <= 0x30ff)
        || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)
        || (c >= 0xf900 && c <= 0xfaff);
}

/* str.isspace of a character below U+0100: 0x09-0x0d, 0x1c-0x20, 0x85, 0xa0 */
static inline int low_space(unsigned c) {
    return (c - 0x09u <= 4u) | (c - 0x1cu <= 4u) | (c == 0x85) | (c == 0xa0);
}

typedef struct {
    Py_ssize_t tokens, wides;
    int inside; /* the character before is a word's */
} Words;

static inline void one_char(Words *w, Py_UCS4 c) {
    int word;
    if (c < 256)
        word = !low_space(c);
    else if (wide_char(c)) {
        w->wides++;
        word = 0;
    } else
        word = !high_space(c);
    w->tokens += word & !w->inside;
    w->inside = word;
}

#if defined(__SSE2__)
/* the characters of 16 bytes (each below U+0100) that are a word's, one bit each */
static inline unsigned word_bits(__m128i v) {
    const __m128i four = _mm_set1_epi8(4);
    __m128i a = _mm_sub_epi8(v, _mm_set1_epi8(0x09));
    __m128i b = _mm_sub_epi8(v, _mm_set1_epi8(0x1c));
    __m128i space = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(a, four), a),
                                 _mm_cmpeq_epi8(_mm_min_epu8(b, four), b));
    space = _mm_or_si128(space, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x85)));
    space = _mm_or_si128(space, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xa0)));
    return ~(unsigned)_mm_movemask_epi8(space) & 0xffffu;
}

/* `n` word bits (the lowest first) into the count */
static inline void add_bits(Words *w, unsigned word, int n) {
    unsigned before = (word << 1) | (unsigned)w->inside;
    w->tokens += pop16(word & ~before);
    w->inside = (word >> (n - 1)) & 1;
}

/* 16-bit lanes of v in lo..lo+span (unsigned): all ones, else zero */
static inline __m128i in16(__m128i v, unsigned lo, unsigned span) {
    __m128i t = _mm_sub_epi16(v, _mm_set1_epi16((short)lo));
    return _mm_cmpeq_epi16(_mm_subs_epu16(t, _mm_set1_epi16((short)span)), _mm_setzero_si128());
}

static inline __m128i eq16(__m128i v, unsigned c) {
    return _mm_cmpeq_epi16(v, _mm_set1_epi16((short)c));
}

/* 8 characters (16-bit lanes), any below U+10000, as one_char reads them: the lanes that
 * are not a word's (a space or a wide character), and the wide ones */
static inline void lanes_ucs2(__m128i v, __m128i *other, __m128i *wide) {
    __m128i space = _mm_or_si128(in16(v, 0x09, 4), in16(v, 0x1c, 4));
    space = _mm_or_si128(space, _mm_or_si128(eq16(v, 0x85), eq16(v, 0xa0)));
    space = _mm_or_si128(space, _mm_or_si128(eq16(v, 0x1680), in16(v, 0x2000, 0x0a)));
    space = _mm_or_si128(space, _mm_or_si128(in16(v, 0x2028, 1), eq16(v, 0x202f)));
    space = _mm_or_si128(space, _mm_or_si128(eq16(v, 0x205f), eq16(v, 0x3000)));
    __m128i wid = _mm_or_si128(in16(v, 0x0e00, 0x7f), in16(v, 0x3040, 0xbf));
    wid = _mm_or_si128(wid, _mm_or_si128(in16(v, 0x3400, 0x6bff), in16(v, 0xac00, 0x2baf)));
    *wide = _mm_or_si128(wid, in16(v, 0xf900, 0x1ff));
    *other = _mm_or_si128(space, *wide);
}

/* 16 characters of a 2-byte string (a then b) into the count */
static inline void add_ucs2(Words *w, __m128i a, __m128i b) {
    const __m128i high = _mm_set1_epi16((short)0xff00);
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(_mm_or_si128(a, b), high),
                                          _mm_setzero_si128())) == 0xffff) {
        add_bits(w, word_bits(_mm_packus_epi16(a, b)), 16); /* all below U+0100 */
        return;
    }
    __m128i other_a, wide_a, other_b, wide_b;
    lanes_ucs2(a, &other_a, &wide_a);
    lanes_ucs2(b, &other_b, &wide_b);
    unsigned other = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(other_a, other_b));
    w->wides += pop16((unsigned)_mm_movemask_epi8(_mm_packs_epi16(wide_a, wide_b)));
    add_bits(w, ~other & 0xffffu, 16);
}
#endif

static PyObject *count_words(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "count_words: a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
    Words w = {0, 0, 0};
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = (const Py_UCS1 *)data;
#if defined(__SSE2__)
        for (; i + 16 <= n; i += 16)
            add_bits(&w, word_bits(_mm_loadu_si128((const __m128i *)(s + i))), 16);
#endif
        for (; i < n; i++)
            one_char(&w, s[i]);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = (const Py_UCS2 *)data;
#if defined(__SSE2__)
        for (; i + 16 <= n; i += 16)
            add_ucs2(&w, _mm_loadu_si128((const __m128i *)(s + i)),
                     _mm_loadu_si128((const __m128i *)(s + i + 8)));
#endif
        for (; i < n; i++)
            one_char(&w, s[i]);
    } else {
        const Py_UCS4 *s = (const Py_UCS4 *)data;
        for (; i < n; i++)
            one_char(&w, s[i]);
    }
    return PyLong_FromSsize_t(w.tokens + (w.wides + 1) / 2);
}

/* ---- jsonl_object: one JSONL line that is a flat object of strings, without orjson -------- */

typedef struct {
    const unsigned char *p, *end;
    unsigned char *scratch; /* room for any string of the line, unescaped (and 16 bytes) */
    int nul;                /* a \u0000 escape was read */
} Json;

static inline const unsigned char *json_ws(const unsigned char *p, const unsigned char *end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static inline int hex4(const unsigned char *p, unsigned *out) {
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned c = p[k], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return 0;
        v = v * 16 + d;
    }
    *out = v;
    return 1;
}

/* The string at j->p (its opening quote): a new str, or NULL with *bail set (not the simple
 * case: the caller leaves the line to orjson) or with an exception (memory). */
static PyObject *json_string(Json *j, int *bail) {
    const unsigned char *p = j->p + 1, *end = j->end, *start = p;
    unsigned char *out = j->scratch;
    int escaped = 0;
    for (;;) {
        /* the plain run up to the next quote, backslash or control byte; once an escape was
         * undone, copied to `out` as it is read (16 bytes a store: `out` never runs ahead of
         * `p`, and the scratch buffer is the line's size and 16 more) */
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'),
                      below = _mm_set1_epi8(0x1f);
        while (p + 16 <= end) {
            __m128i v = _mm_loadu_si128((const __m128i *)p);
            __m128i hit = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)),
                _mm_cmpeq_epi8(_mm_min_epu8(v, below), v));
            unsigned m = (unsigned)_mm_movemask_epi8(hit);
            if (escaped)
                _mm_storeu_si128((__m128i *)out, v);
            if (m) {
                int k = __builtin_ctz(m);
                p += k;
                out += escaped ? k : 0;
                goto found;
            }
            p += 16;
            out += escaped ? 16 : 0;
        }
#endif
        while (p < end && *p != '"' && *p != '\\' && *p >= 0x20) {
            if (escaped)
                *out++ = *p;
            p++;
        }
#if defined(__SSE2__)
    found:
#endif
        if (p >= end || *p < 0x20) { /* unterminated, or a raw control character: invalid */
            *bail = 1;
            return NULL;
        }
        if (*p == '"')
            break;
        /* a backslash */
        if (!escaped) {
            memcpy(out, start, (size_t)(p - start));
            out += p - start;
            escaped = 1;
        }
        if (p + 1 >= end) {
            *bail = 1;
            return NULL;
        }
        unsigned c = p[1];
        p += 2;
        switch (c) {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/': *out++ = '/'; break;
        case 'b': *out++ = 8; break;
        case 'f': *out++ = 12; break;
        case 'n': *out++ = 10; break;
        case 'r': *out++ = 13; break;
        case 't': *out++ = 9; break;
        case 'u': {
            unsigned cp, low;
            if (end - p < 4 || !hex4(p, &cp)) {
                *bail = 1;
                return NULL;
            }
            p += 4;
            if (cp >= 0xdc00 && cp <= 0xdfff) { /* a lone low surrogate */
                *bail = 1;
                return NULL;
            }
            if (cp >= 0xd800 && cp <= 0xdbff) { /* a pair, or a lone high surrogate */
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &low)
                    || low < 0xdc00 || low > 0xdfff) {
                    *bail = 1;
                    return NULL;
                }
                p += 6;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            }
            if (cp == 0)
                j->nul = 1;
            if (cp < 0x80) {
                *out++ = (unsigned char)cp;
            } else if (cp < 0x800) {
                *out++ = (unsigned char)(0xc0 | (cp >> 6));
                *out++ = (unsigned char)(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                *out++ = (unsigned char)(0xe0 | (cp >> 12));
                *out++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
                *out++ = (unsigned char)(0x80 | (cp & 0x3f));
            } else {
                *out++ = (unsigned char)(0xf0 | (cp >> 18));
                *out++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
                *out++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
                *out++ = (unsigned char)(0x80 | (cp & 0x3f));
            }
            break;
        }
        default:
            *bail = 1;
            return NULL;
        }
    }
    /* p at the closing quote */
    const char *text = escaped ? (const char *)j->scratch : (const char *)start;
    Py_ssize_t size = escaped ? out - j->scratch : p - start;
    j->p = p + 1;
    PyObject *str = PyUnicode_DecodeUTF8(text, size, NULL); /* strict: no surrogate */
    if (str == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        PyErr_Clear();
        *bail = 1;
    }
    return str;
}

/* jsonl_object(line) -> (dict, nul) | None: the object of a JSONL line that is a flat JSON
 * object whose values are strings or null (what orjson.loads gives it: the same dict, a later
 * key's value in an earlier one's place), and whether a \u0000 escape was read; None for any
 * other line (numbers, nesting, invalid JSON or UTF-8, lone surrogates: orjson's to read). */
static PyObject *jsonl_object(PyObject *self, PyObject *line) {
    if (!PyBytes_Check(line)) {
        PyErr_SetString(PyExc_TypeError, "jsonl_object: bytes");
        return NULL;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(line);
    Json j;
    j.p = (const unsigned char *)PyBytes_AS_STRING(line);
    j.end = j.p + n;
    j.nul = 0;
    j.scratch = (unsigned char *)PyMem_Malloc((size_t)n + 16);
    if (j.scratch == NULL)
        return PyErr_NoMemory();
    PyObject *dict = PyDict_New(), *key = NULL, *value = NULL;
    int bail = 0;
    if (dict == NULL)
        goto error;
    j.p = json_ws(j.p, j.end);
    if (j.p >= j.end || *j.p != '{')
        goto none;
    j.p = json_ws(j.p + 1, j.end);
    if (j.p < j.end && *j.p == '}') {
        j.p++;
    } else {
        for (;;) {
            if (j.p >= j.end || *j.p != '"')
                goto none;
            key = json_string(&j, &bail);
            if (key == NULL)
                goto failed;
            j.p = json_ws(j.p, j.end);
            if (j.p >= j.end || *j.p != ':')
                goto none;
            j.p = json_ws(j.p + 1, j.end);
            if (j.p < j.end && *j.p == '"') {
                value = json_string(&j, &bail);
                if (value == NULL)
                    goto failed;
            } else if (j.end - j.p >= 4 && memcmp(j.p, "null", 4) == 0) {
                j.p += 4;
                value = Py_NewRef(Py_None);
            } else {
                goto none;
            }
            if (PyDict_SetItem(dict, key, value) < 0)
                goto error;
            Py_CLEAR(key);
            Py_CLEAR(value);
            j.p = json_ws(j.p, j.end);
            if (j.p < j.end && *j.p == ',') {
                j.p = json_ws(j.p + 1, j.end);
                continue;
            }
            if (j.p < j.end && *j.p == '}') {
                j.p++;
                break;
            }
            goto none;
        }
    }
    if (json_ws(j.p, j.end) != j.end)
        goto none;
    PyMem_Free(j.scratch);
    PyObject *result = Py_BuildValue("(NO)", dict, j.nul ? Py_True : Py_False);
    return result;
failed:
    if (!bail)
        goto error;
none:
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_XDECREF(dict);
    PyMem_Free(j.scratch);
    Py_RETURN_NONE;
error:
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_XDECREF(dict);
    PyMem_Free(j.scratch);
    return NULL;
}

static PyMethodDef methods[] = {
    {"controls", controls, METH_O, "How many bytes of data are control bytes (CONTROL_BYTES)."},
    {"count_words", count_words, METH_O, "records.count_words."},
    {"jsonl_object", jsonl_object, METH_O, "A JSONL line's flat object of strings, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "newsdump._io", "The readers' byte loops, compiled.", -1, methods,
};

PyMODINIT_FUNC PyInit__io(void) { return PyModule_Create(&module); }
