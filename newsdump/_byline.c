/* newsdump/_byline.c: the byline's names (newsdump.article), compiled.
 *
 *   parse_names(rest, allow_single, tables) -> list[str] | None: article._parse_names(rest,
 *   allow_single) for an ASCII `rest`, in one pass (None for any other text: the caller asks
 *   the Python reference). `tables` is (find_dates, MONTHS, NOT_NAMES, FUNCTION_WORDS,
 *   PARTICLES) of newsdump.article: find_dates is asked only where the text may hold a date
 *   (its own pre-test, "19", "20" or "/"); the words are looked up in the four containers.
 *   BYLINE_STOP's search, NAME_SPLIT's split and DATE_CUE's / UPDATE_CUE's match of a word are
 *   written out by hand for ASCII text (tests/unit/test_byline_fast.py checks them against the
 *   patterns and the whole function against the reference).
 *
 * No state: every buffer is the call's own. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* str.isspace of an ASCII character (what re's \s and str.split / str.strip take) */
static inline int a_space(unsigned c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
}

/* re's \w of an ASCII character */
static inline int a_word(unsigned c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static inline int a_digit(unsigned c) { return c >= '0' && c <= '9'; }
static inline int a_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static inline int a_lower(unsigned c) { return c >= 'a' && c <= 'z'; }
static inline int a_alpha(unsigned c) { return a_upper(c) || a_lower(c); }
static inline unsigned a_fold(unsigned c) { return a_upper(c) ? c + 32 : c; }

/* whether s[at:] starts with the lower-case `word` in any case (IGNORECASE on ASCII text) */
static int starts_folded(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t at, const char *word) {
    Py_ssize_t k = 0;
    for (; word[k]; k++)
        if (at + k >= n || a_fold(s[at + k]) != (unsigned char)word[k])
            return 0;
    return 1;
}

/* BYLINE_STOP's words after a space: (?:updated|published|posted|on|at|in|for|mins?|read|via|
 * view)\b */
static const char *const STOP_WORDS[] = {
    "updated", "published", "posted", "on", "at", "in", "for", "mins", "min", "read", "via",
    "view", NULL,
};
/* ... their lengths, in the same order */
static const Py_ssize_t STOP_LENS[] = {7, 9, 6, 2, 2, 2, 3, 4, 3, 4, 3, 4};

/* whether an ASCII character folds to the first letter of a stop word (u p o a i f m r v) */
static inline int stop_first(unsigned c) {
    switch (a_fold(c)) {
    case 'u': case 'p': case 'o': case 'a': case 'i': case 'f': case 'm': case 'r': case 'v':
        return 1;
    default:
        return 0;
    }
}

/* BYLINE_STOP.search(" " + s[:n]).start() as an index of s (-1 for the leading space), or
 * PY_SSIZE_T_MAX where it does not match. In t = " " + s, at each place p, leftmost first:
 *   \s(?:[-|/@]|<stop word>\b|\d)  (the pattern's –—·• are not ASCII)
 *   \s*\|
 *   \b(?:19|20)\d\d\b
 * (the lookahead (?=[\s|12]) only says where one of them may start). */
static Py_ssize_t byline_stop(const Py_UCS1 *s, Py_ssize_t n) {
    Py_ssize_t run_end = -2; /* the first place >= p that is no space, once p passed it */
    for (Py_ssize_t p = -1; p < n; p++) {
        unsigned c = p < 0 ? ' ' : s[p];
        if (a_space(c)) {
            Py_ssize_t q = p + 1;
            if (q < n) {
                unsigned d = s[q];
                if (d == '-' || d == '|' || d == '/' || d == '@' || a_digit(d))
                    return p;
                for (int w = 0; stop_first(d) && STOP_WORDS[w]; w++) {
                    Py_ssize_t len = STOP_LENS[w];
                    if (starts_folded(s, n, q, STOP_WORDS[w]) && (q + len >= n || !a_word(s[q + len])))
                        return p;
                }
            }
            if (run_end < p) {
                run_end = p < 0 ? 0 : p;
                while (run_end < n && a_space(s[run_end]))
                    run_end++;
            }
            if (run_end < n && s[run_end] == '|')
                return p;
        } else if (c == '|') {
            return p;
        } else if ((c == '1' || c == '2') && p + 4 <= n) {
            if (((c == '1' && s[p + 1] == '9') || (c == '2' && s[p + 1] == '0')) && a_digit(s[p + 2])
                && a_digit(s[p + 3]) && (p == 0 || !a_word(s[p - 1]))
                && (p + 4 == n || !a_word(s[p + 4])))
                return p;
        }
    }
    return PY_SSIZE_T_MAX;
}

/* NAME_SPLIT's joining words (case-sensitive; its и is not ASCII) */
static const char *const JOINERS[] = {"and", "und", "et", "y", "i", "e", "oraz", NULL};
static const Py_ssize_t JOINER_LENS[] = {3, 3, 2, 1, 1, 1, 4}; /* (their lengths) */

/* the end of NAME_SPLIT's separator (without the spaces around it) at s[q], or -1: , ; & | or a
 * joining word with no word character on either side */
static Py_ssize_t separator_at(const Py_UCS1 *s, Py_ssize_t lo, Py_ssize_t n, Py_ssize_t q) {
    if (q >= n)
        return -1;
    unsigned c = s[q];
    if (c == ',' || c == ';' || c == '&' || c == '|')
        return q + 1;
    if (!a_lower(c) || (q > lo && a_word(s[q - 1])))
        return -1;
    for (int w = 0; JOINERS[w]; w++) {
        Py_ssize_t len = JOINER_LENS[w];
        if (s[q] != (unsigned char)JOINERS[w][0])
            continue;
        if (q + len <= n && memcmp(s + q, JOINERS[w], (size_t)len) == 0
            && (q + len == n || !a_word(s[q + len])))
            return q + len;
    }
    return -1;
}

/* the next match of NAME_SPLIT in s[lo:n] from `from`: its start and end, or 0 */
static int next_split(const Py_UCS1 *s, Py_ssize_t lo, Py_ssize_t n, Py_ssize_t from,
                      Py_ssize_t *start, Py_ssize_t *end) {
    Py_ssize_t p = from;
    while (p < n) {
        Py_ssize_t q = p;
        while (q < n && a_space(s[q]))
            q++;
        Py_ssize_t e = separator_at(s, lo, n, q);
        if (e >= 0) {
            while (e < n && a_space(s[e]))
                e++;
            *start = p;
            *end = e;
            return 1;
        }
        p = q > p ? q : p + 1; /* every place in a run of spaces fails where its start does */
    }
    return 0;
}

/* DATE_CUE.match(lower) or UPDATE_CUE.match(lower) of an ASCII lower-case word (the patterns'
 * other spellings are not ASCII, nor match an ASCII word under IGNORECASE) */
static const char *const CUES[] = {
    "published", "posted", "publicado", "opublikowano", "pubblicato",
    "updated", "aktualisiert", "actualizado", "zaktualizowano", "aktualizac", NULL,
};
static const Py_ssize_t CUE_LENS[] = {9, 6, 9, 12, 10, 7, 12, 11, 14, 10}; /* (their lengths) */

static int is_cue(const Py_UCS1 *w, Py_ssize_t n) {
    if (n == 0 || (w[0] != 'p' && w[0] != 'o' && w[0] != 'u' && w[0] != 'a' && w[0] != 'z'))
        return 0; /* (no cue starts otherwise) */
    for (int k = 0; CUES[k]; k++) {
        Py_ssize_t len = CUE_LENS[k];
        if (len <= n && memcmp(w, CUES[k], (size_t)len) == 0)
            return 1;
    }
    return 0;
}

/* `container` holds the ASCII string buf[:n] (1, 0, or -1 on an error) */
static int holds(PyObject *container, const char *buf, Py_ssize_t n) {
    PyObject *key = PyUnicode_FromStringAndSize(buf, n);
    if (key == NULL)
        return -1;
    int r = PySequence_Contains(container, key);
    Py_DECREF(key);
    return r;
}

typedef struct {
    Py_ssize_t start, len;
} Span;

/* ASCII str.isupper / str.islower of w[:n] */
static int w_isupper(const Py_UCS1 *w, Py_ssize_t n) {
    int cased = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        if (a_lower(w[k]))
            return 0;
        cased |= a_upper(w[k]);
    }
    return cased;
}

static int w_islower(const Py_UCS1 *w, Py_ssize_t n) {
    int cased = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        if (a_upper(w[k]))
            return 0;
        cased |= a_lower(w[k]);
    }
    return cased;
}

#define MAX_AUTHORS 6
#define MAX_NAME_WORDS 5

/* the names of one part s[lo:hi] into `names` (index: the part's; *stop set where the names
 * are over); 0, or -1 on an error */
static int part_names(const Py_UCS1 *s, Py_ssize_t lo, Py_ssize_t hi, int index, int allow_single,
                      PyObject *const *sets, PyObject *names, char *buf, int *stop) {
    PyObject *months = sets[0], *not_names = sets[1], *function_words = sets[2],
             *particles = sets[3];
    Span taken[MAX_NAME_WORDS + 1];
    int ntaken = 0, titled = 0;
    Py_ssize_t p = lo;
    for (;;) {
        while (p < hi && a_space(s[p]))
            p++;
        if (p >= hi)
            break;
        Py_ssize_t ws = p;
        while (p < hi && !a_space(s[p]))
            p++;
        Py_ssize_t we = p;
        /* clean = word.strip(",;:()[]") */
        Py_ssize_t cs = ws, ce = we;
        while (cs < ce && strchr(",;:()[]", s[cs]) != NULL && s[cs])
            cs++;
        while (ce > cs && strchr(",;:()[]", s[ce - 1]) != NULL && s[ce - 1])
            ce--;
        Py_ssize_t clen = ce - cs;
        for (Py_ssize_t k = 0; k < clen; k++)
            buf[k] = (char)a_fold(s[cs + k]);
        Py_ssize_t llen = clen; /* lower = clean.lower().rstrip(".") */
        while (llen > 0 && buf[llen - 1] == '.')
            llen--;
        /* `lower` made once for the three sets (its hash found once, kept by the str) */
        PyObject *lower = PyUnicode_FromStringAndSize(buf, llen);
        if (lower == NULL)
            return -1;
        int r = 0;
        if (ntaken >= 2 && (r = PySequence_Contains(months, lower)) != 0) {
            Py_DECREF(lower);
            if (r < 0)
                return -1;
            break; /* "Ann Lee Nov. 19" */
        }
        if ((r = PySequence_Contains(not_names, lower)) != 0) {
            Py_DECREF(lower);
            if (r < 0)
                return -1;
            titled = 1;
            break;
        }
        if ((r = PySequence_Contains(function_words, lower)) != 0) {
            Py_DECREF(lower);
            if (r < 0)
                return -1;
            break;
        }
        if (is_cue((const Py_UCS1 *)buf, llen)) {
            Py_DECREF(lower);
            titled = 1;
            break;
        }
        /* is_name_word(clean, allow_lower) */
        if (clen == 0) {
            Py_DECREF(lower);
            break;
        }
        int allow_lower = allow_single && ntaken == 0 && index == 0;
        /* (clean.lower() in PARTICLES: `lower` itself where no dot was cut off) */
        r = clen == llen ? PySequence_Contains(particles, lower) : holds(particles, buf, clen);
        Py_DECREF(lower);
        if (r < 0)
            return -1;
        if (!r) {
            if (!(a_upper(s[cs]) || allow_lower))
                break;
            Py_ssize_t letters = 0, k = cs;
            for (; k < ce; k++) {
                unsigned c = s[cs + (k - cs)];
                if (a_alpha(c))
                    letters++;
                else if (c != '-' && c != '\'' && c != '.')
                    break;
            }
            if (k < ce || letters == 0)
                break; /* core.isalpha() fails */
        }
        if (ntaken == MAX_NAME_WORDS) { /* too many already: the part is no name */
            ntaken++;
            break;
        }
        taken[ntaken].start = cs;
        taken[ntaken].len = clen;
        ntaken++;
    }
    if (titled && index > 0) {
        *stop = 1; /* "…, AP Auto Writer" */
        return 0;
    }
    int single = allow_single && PyList_GET_SIZE(names) == 0 && ntaken == 1 && taken[0].len > 1;
    if (!((2 <= ntaken && ntaken <= MAX_NAME_WORDS) || single)) {
        *stop = 1;
        return 0;
    }
    int shouted = ntaken > 1;
    for (int k = 0; k < ntaken && shouted; k++)
        shouted = w_isupper(s + taken[k].start, taken[k].len);
    Py_ssize_t at = 0;
    for (int k = 0; k < ntaken; k++) {
        const Py_UCS1 *w = s + taken[k].start;
        Py_ssize_t len = taken[k].len, bare = len;
        while (bare > 0 && w[bare - 1] == '.')
            bare--;
        int title = 0;
        if (w_isupper(w, len) && (len > 3 || (shouted && bare > 1)))
            title = 1;
        else if (w_islower(w, len)) {
            int r = holds(particles, (const char *)w, len); /* w is lower case already */
            if (r < 0)
                return -1;
            title = !r;
        }
        if (k > 0)
            buf[at++] = ' ';
        if (title) { /* str.title(): a letter after a letter in lower case, else upper */
            int after_letter = 0;
            for (Py_ssize_t j = 0; j < len; j++) {
                unsigned c = w[j];
                if (a_alpha(c)) {
                    buf[at++] = (char)(after_letter ? a_fold(c) : (a_lower(c) ? c - 32 : c));
                    after_letter = 1;
                } else {
                    buf[at++] = (char)c;
                    after_letter = 0;
                }
            }
        } else {
            memcpy(buf + at, w, (size_t)len);
            at += len;
        }
    }
    PyObject *name = PyUnicode_FromStringAndSize(buf, at);
    if (name == NULL)
        return -1;
    int seen = PySequence_Contains(names, name);
    if (seen < 0 || (!seen && PyList_Append(names, name) < 0)) {
        Py_DECREF(name);
        return -1;
    }
    Py_DECREF(name);
    if (PyList_GET_SIZE(names) >= MAX_AUTHORS)
        *stop = 1;
    return 0;
}

/* headline.maybe_dated: "19", "20" or "/" in s[:n] (find_dates' own pre-test) */
static int maybe_dated(const Py_UCS1 *s, Py_ssize_t n) {
    for (Py_ssize_t k = 0; k < n; k++)
        if (s[k] == '/' || (k + 1 < n && ((s[k] == '1' && s[k + 1] == '9') || (s[k] == '2' && s[k + 1] == '0'))))
            return 1;
    return 0;
}

static PyObject *parse_names(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[2])
        || PyTuple_GET_SIZE(args[2]) != 5) {
        PyErr_SetString(PyExc_TypeError, "parse_names(rest, allow_single, tables)");
        return NULL;
    }
    PyObject *rest = args[0];
    if (!PyUnicode_IS_ASCII(rest))
        Py_RETURN_NONE;
    int allow_single = PyObject_IsTrue(args[1]);
    if (allow_single < 0)
        return NULL;
    PyObject *const *tables = &PyTuple_GET_ITEM(args[2], 0);
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(rest);
    Py_ssize_t n = PyUnicode_GET_LENGTH(rest);
    /* dates = find_dates(rest): the names end where the first starts */
    if (maybe_dated(s, n)) {
        PyObject *dates = PyObject_CallOneArg(tables[0], rest);
        if (dates == NULL)
            return NULL;
        Py_ssize_t count = PyObject_Length(dates);
        if (count < 0) {
            Py_DECREF(dates);
            return NULL;
        }
        if (count > 0) {
            PyObject *date = PySequence_GetItem(dates, 0);
            PyObject *start = date == NULL ? NULL : PyObject_GetAttrString(date, "start");
            Py_XDECREF(date);
            Py_DECREF(dates);
            if (start == NULL)
                return NULL;
            Py_ssize_t at = PyLong_AsSsize_t(start);
            Py_DECREF(start);
            if (at == -1 && PyErr_Occurred())
                return NULL;
            /* rest[:at] */
            if (at < 0)
                at = n + at < 0 ? 0 : n + at;
            if (at < n)
                n = at;
        } else {
            Py_DECREF(dates);
        }
    }
    /* head: " " + rest up to BYLINE_STOP, stripped; all of rest where it does not match (the
     * spaces around it change no part's words, nor where NAME_SPLIT splits) */
    Py_ssize_t lo = 0, hi = n;
    Py_ssize_t stop = byline_stop(s, n);
    if (stop != PY_SSIZE_T_MAX) {
        hi = stop < 0 ? 0 : stop;
        while (lo < hi && a_space(s[lo]))
            lo++;
        while (hi > lo && a_space(s[hi - 1]))
            hi--;
    }
    PyObject *names = PyList_New(0);
    if (names == NULL)
        return NULL;
    char *buf = PyMem_Malloc((size_t)(hi - lo) + 1);
    if (buf == NULL) {
        Py_DECREF(names);
        return PyErr_NoMemory();
    }
    Py_ssize_t from = lo, part_lo = lo;
    int index = 0, done = 0;
    while (!done) {
        Py_ssize_t ms = 0, me = 0;
        int more = next_split(s, lo, hi, from, &ms, &me);
        Py_ssize_t part_hi = more ? ms : hi;
        if (part_names(s, part_lo, part_hi, index, allow_single, tables + 1, names, buf, &done) < 0) {
            PyMem_Free(buf);
            Py_DECREF(names);
            return NULL;
        }
        if (!more)
            break;
        from = part_lo = me;
        index++;
    }
    PyMem_Free(buf);
    return names;
}

/* far_lines(texts, start, stop, max_len, words) -> list[int]: article._far_lines, the blocks
 * i of range(start, stop, -1) far_byline asks BYLINE.match of: at most max_len characters,
 * and an ASCII one only where it starts (past its spaces) with one of `words` (lower-case
 * ASCII words) in any case */
static PyObject *far_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 5 || !PyList_Check(args[0]) || !PyTuple_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "far_lines(texts, start, stop, max_len, words)");
        return NULL;
    }
    PyObject *texts = args[0], *words = args[4];
    Py_ssize_t start = PyLong_AsSsize_t(args[1]), stop = PyLong_AsSsize_t(args[2]),
               max_len = PyLong_AsSsize_t(args[3]);
    if (PyErr_Occurred())
        return NULL;
    Py_ssize_t nwords = PyTuple_GET_SIZE(words);
    for (Py_ssize_t w = 0; w < nwords; w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        if (!PyUnicode_Check(word) || !PyUnicode_IS_ASCII(word)) {
            PyErr_SetString(PyExc_TypeError, "far_lines: ASCII words");
            return NULL;
        }
    }
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t i = start; i > stop; i--) {
        if (i < 0 || i >= PyList_GET_SIZE(texts)) {
            PyErr_SetString(PyExc_IndexError, "far_lines: a block out of range");
            Py_DECREF(found);
            return NULL;
        }
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "far_lines: texts of str");
            Py_DECREF(found);
            return NULL;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        if (n > max_len)
            continue;
        if (PyUnicode_IS_ASCII(text)) {
            const Py_UCS1 *t = PyUnicode_1BYTE_DATA(text);
            Py_ssize_t at = 0;
            while (at < n && a_space(t[at]))
                at++;
            int hit = 0;
            for (Py_ssize_t w = 0; w < nwords && !hit; w++) {
                PyObject *word = PyTuple_GET_ITEM(words, w);
                const char *ws = (const char *)PyUnicode_1BYTE_DATA(word);
                hit = starts_folded(t, n, at, ws)
                      && (Py_ssize_t)strlen(ws) == PyUnicode_GET_LENGTH(word);
            }
            if (!hit)
                continue;
        }
        PyObject *index = PyLong_FromSsize_t(i);
        if (index == NULL || PyList_Append(found, index) < 0) {
            Py_XDECREF(index);
            Py_DECREF(found);
            return NULL;
        }
        Py_DECREF(index);
    }
    return found;
}

/* bare_lines(texts, order, first, agencies) -> list[int]: article._bare_lines, the blocks of
 * `order` where bare_name_near may find a name: every one that is not ASCII (cjk_bare_name,
 * and everything after it, is the caller's), and an ASCII one unless the caller would skip it
 * at once: in the body (from `first`) over an ASCII line that is no "@handle" nor starts with
 * a word for published (HANDLE's @, CUE_STAMP's p, v or o in either case, past its spaces);
 * none or more than BARE_NAME_MAX_WORDS words, or an "@"; one word that is no agency (its
 * lower case without ",;:" around it not in `agencies`, or a "/" in the line). */
#define BARE_NAME_MAX_WORDS 8

static PyObject *bare_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "bare_lines(texts, order, first, agencies)");
        return NULL;
    }
    PyObject *texts = args[0], *order = args[1], *agencies = args[3];
    Py_ssize_t first = PyLong_AsSsize_t(args[2]), count = PyList_GET_SIZE(texts);
    if (first == -1 && PyErr_Occurred())
        return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(order); k++) {
        PyObject *index = PyList_GET_ITEM(order, k);
        Py_ssize_t i = PyLong_AsSsize_t(index);
        if (i == -1 && PyErr_Occurred())
            goto fail;
        if (i < 0 || i >= count || (i >= first && i + 1 >= count)) {
            PyErr_SetString(PyExc_IndexError, "bare_lines: a block out of range");
            goto fail;
        }
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "bare_lines: texts of str");
            goto fail;
        }
        if (PyUnicode_IS_ASCII(text)) {
            const Py_UCS1 *t = PyUnicode_1BYTE_DATA(text);
            Py_ssize_t n = PyUnicode_GET_LENGTH(text);
            if (i >= first) {
                PyObject *next = PyList_GET_ITEM(texts, i + 1);
                if (!PyUnicode_Check(next)) {
                    PyErr_SetString(PyExc_TypeError, "bare_lines: texts of str");
                    goto fail;
                }
                if (PyUnicode_IS_ASCII(next)) {
                    const Py_UCS1 *u = PyUnicode_1BYTE_DATA(next);
                    Py_ssize_t m = PyUnicode_GET_LENGTH(next), at = 0;
                    while (at < m && a_space(u[at]))
                        at++;
                    unsigned c = at < m ? a_fold(u[at]) : 0;
                    if (!(m > 0 && u[0] == '@') && c != 'p' && c != 'v' && c != 'o')
                        continue; /* no @handle, no word for published under it */
                }
            }
            if (memchr(t, '@', (size_t)n) != NULL)
                continue;
            Py_ssize_t words = 0, p = 0, w0 = -1, w1 = -1;
            while (p < n && words <= BARE_NAME_MAX_WORDS) {
                while (p < n && a_space(t[p]))
                    p++;
                if (p >= n)
                    break;
                if (words == 0)
                    w0 = p;
                words++;
                while (p < n && !a_space(t[p]))
                    p++;
                if (words == 1)
                    w1 = p;
            }
            if (words == 0 || words > BARE_NAME_MAX_WORDS)
                continue;
            if (words == 1) { /* an agency alone, "Reuters", or no byline */
                if (memchr(t, '/', (size_t)n) != NULL)
                    continue;
                while (w0 < w1 && (t[w0] == ',' || t[w0] == ';' || t[w0] == ':'))
                    w0++;
                while (w1 > w0 && (t[w1 - 1] == ',' || t[w1 - 1] == ';' || t[w1 - 1] == ':'))
                    w1--;
                char *low = PyMem_Malloc((size_t)(w1 - w0) + 1);
                if (low == NULL) {
                    PyErr_NoMemory();
                    goto fail;
                }
                for (Py_ssize_t j = w0; j < w1; j++)
                    low[j - w0] = (char)a_fold(t[j]);
                int r = holds(agencies, low, w1 - w0);
                PyMem_Free(low);
                if (r < 0)
                    goto fail;
                if (!r)
                    continue;
            }
        }
        if (PyList_Append(found, index) < 0)
            goto fail;
    }
    return found;
fail:
    Py_DECREF(found);
    return NULL;
}

/* NAME_THEN_META.match of an ASCII text, by hand:
 *   ^(?P<rest>W(?:\s+W){0,4}?)\s*(?:[-|,/]\s*|)(?P<meta>[@\d]|<weekday>(?:day)?\b|<month>\w*\.?\s+\d)
 * W = [A-Za-z][\w'.-]* (the pattern's other characters are not ASCII; its lookahead for the
 * meta's first characters changes no match). re's order of tries: each word at its longest
 * first; after it, no more words first (lazy), so the meta after it, then a next word (only
 * after its longest: a shorter one is followed by a character of W, no space), then the word
 * one character shorter (the meta right after it, or after a "-"). Between a word and the meta,
 * the spaces all taken (fewer leave a space where the meta or a separator must start), and
 * after a separator the same: the meta's place is one for each end of the rest. */

static int is_class_w(unsigned c) { return a_word(c) || c == '\'' || c == '.' || c == '-'; }

static const char *const WEEKDAYS[] = {
    "mon", "tues", "tue", "wednes", "wed", "thurs", "thu", "fri", "satur", "sat", "sun", NULL,
};
static const char *const MONTH_HEADS[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL,
};

/* whether NAME_META_SOURCE's meta matches at s[x] */
static int meta_at(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t x) {
    if (x >= n)
        return 0;
    if (s[x] == '@' || a_digit(s[x]))
        return 1;
    for (int w = 0; WEEKDAYS[w]; w++) {
        if (!starts_folded(s, n, x, WEEKDAYS[w]))
            continue;
        Py_ssize_t e = x + (Py_ssize_t)strlen(WEEKDAYS[w]);
        if (starts_folded(s, n, e, "day") && (e + 3 >= n || !a_word(s[e + 3])))
            return 1;
        if (e >= n || !a_word(s[e]))
            return 1;
    }
    for (int w = 0; MONTH_HEADS[w]; w++) {
        if (!starts_folded(s, n, x, MONTH_HEADS[w]))
            continue;
        Py_ssize_t y = x + 3;
        while (y < n && a_word(s[y]))
            y++; /* \w* (a shorter run leaves a word character where . or a space must be) */
        if (y < n && s[y] == '.') {
            Py_ssize_t z = y + 1;
            if (z < n && a_space(s[z])) {
                while (z < n && a_space(s[z]))
                    z++;
                if (z < n && a_digit(s[z]))
                    return 1;
            }
        }
        if (y < n && a_space(s[y])) {
            while (y < n && a_space(s[y]))
                y++;
            if (y < n && a_digit(s[y]))
                return 1;
        }
        return 0; /* (the month heads are distinct: no other one matches here) */
    }
    return 0;
}

/* the meta's place after a rest ending at e (spaces, maybe a separator and spaces), or -1 */
static Py_ssize_t tail_at(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t e) {
    Py_ssize_t j = e;
    while (j < n && a_space(s[j]))
        j++;
    if (j < n && (s[j] == '-' || s[j] == '|' || s[j] == ',' || s[j] == '/')) {
        Py_ssize_t k = j + 1;
        while (k < n && a_space(s[k]))
            k++;
        return meta_at(s, n, k) ? k : -1; /* (the separator itself starts no meta) */
    }
    return meta_at(s, n, j) ? j : -1;
}

/* the word starting at s[at] and up to `more` words after it: the rest's end and the meta's
 * start of the first match in re's order, or 0 */
static int words_then_meta(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t at, int more,
                           Py_ssize_t *rest_end, Py_ssize_t *meta) {
    Py_ssize_t longest = at + 1;
    while (longest < n && is_class_w(s[longest]))
        longest++;
    Py_ssize_t k;
    if ((k = tail_at(s, n, longest)) >= 0) {
        *rest_end = longest;
        *meta = k;
        return 1;
    }
    if (more > 0 && longest < n && a_space(s[longest])) {
        Py_ssize_t w = longest;
        while (w < n && a_space(s[w]))
            w++;
        if (w < n && a_alpha(s[w]) && words_then_meta(s, n, w, more - 1, rest_end, meta))
            return 1;
    }
    for (Py_ssize_t e = longest - 1; e > at; e--) {
        if ((k = tail_at(s, n, e)) >= 0) {
            *rest_end = e;
            *meta = k;
            return 1;
        }
    }
    return 0;
}

#define NAME_META_MAX 1000 /* longer texts are the pattern's (the caller asks only short ones) */

/* name_meta(text) -> (rest_end, meta_start) | () | None: NAME_THEN_META.match(text) of an
 * ASCII text at most NAME_META_MAX long (the end of its rest, the start of its meta; () where it
 * does not match), None for any other text */
static PyObject *name_meta(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "name_meta: str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (!PyUnicode_IS_ASCII(text) || n > NAME_META_MAX)
        Py_RETURN_NONE;
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t rest_end, meta;
    if (n == 0 || !a_alpha(s[0]) || !words_then_meta(s, n, 0, 4, &rest_end, &meta))
        return PyTuple_New(0);
    return Py_BuildValue("(nn)", rest_end, meta);
}

/* by_inside(text) -> str | () | None: BY_INSIDE.search(text)["rest"] of an ASCII text (() where
 * it does not match), None for any other text. BY_INSIDE, \s(?:by|von|par|por)\s+(?P<rest>\w.+)$
 * under IGNORECASE: at the first place p where a space, one of the words in any case, spaces
 * (all of them: fewer leave a space where \w must be), a word character and at least one more
 * character run to the end with no newline but maybe a last one ($ matches before it; .+ takes
 * no newline) */
static const char *const BY_WORDS[] = {"by", "von", "par", "por", NULL};

static PyObject *by_inside(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "by_inside: str");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(text))
        Py_RETURN_NONE;
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t end = n > 0 && s[n - 1] == '\n' ? n - 1 : n; /* where .+ stops, if at all */
    Py_ssize_t newline = -1; /* the last newline before `end` */
    for (Py_ssize_t k = 0; k < end; k++)
        if (s[k] == '\n')
            newline = k;
    for (Py_ssize_t p = 0; p + 1 < n; p++) {
        if (!a_space(s[p]))
            continue;
        for (int w = 0; BY_WORDS[w]; w++) {
            Py_ssize_t q = p + 1 + (Py_ssize_t)strlen(BY_WORDS[w]);
            if (!starts_folded(s, n, p + 1, BY_WORDS[w]) || q >= n || !a_space(s[q]))
                continue;
            while (q < n && a_space(s[q]))
                q++;
            /* \w at q, then .+ from q + 1 to `end` with no newline on the way */
            if (q < n && a_word(s[q]) && q + 1 < end && newline < q + 1)
                return PyUnicode_Substring(text, q, end);
        }
    }
    return PyTuple_New(0);
}

/* the hand-written automata on their own, for the tests: BYLINE_STOP.search(" " + text).start()
 * (or None) and NAME_SPLIT.split(text) of an ASCII text (None for any other) */
static PyObject *stop_at(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "stop_at: str");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(text))
        Py_RETURN_NONE;
    Py_ssize_t at = byline_stop(PyUnicode_1BYTE_DATA(text), PyUnicode_GET_LENGTH(text));
    if (at == PY_SSIZE_T_MAX)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(at + 1);
}

static PyObject *name_split(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "name_split: str");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(text))
        Py_RETURN_NONE;
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), from = 0, ms = 0, me = 0;
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return NULL;
    for (;;) {
        int more = next_split(s, 0, n, from, &ms, &me);
        PyObject *part = PyUnicode_Substring(text, from, more ? ms : n);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(part);
        if (!more)
            return parts;
        from = me;
    }
}

/* is_cue on its own: DATE_CUE.match(word) or UPDATE_CUE.match(word) of an ASCII lower-case word */
static PyObject *cue(PyObject *self, PyObject *word) {
    if (!PyUnicode_Check(word) || !PyUnicode_IS_ASCII(word)) {
        PyErr_SetString(PyExc_TypeError, "cue: an ASCII str");
        return NULL;
    }
    return PyBool_FromLong(is_cue(PyUnicode_1BYTE_DATA(word), PyUnicode_GET_LENGTH(word)));
}

/* whether c matches the lower-case ASCII character w under re's IGNORECASE (a letter: either
 * case, and the other code points that fold to it: "İ" and "ı" for i, "ſ" for s, the Kelvin
 * sign for k; anything else: itself) */
static inline int folds_to(Py_UCS4 c, char w) {
    if (c == (Py_UCS4)(unsigned char)w)
        return 1;
    if (w < 'a' || w > 'z')
        return 0;
    if (c == (Py_UCS4)(unsigned char)(w - 32))
        return 1;
    return (w == 'i' && (c == 0x130 || c == 0x131)) || (w == 's' && c == 0x17f)
           || (w == 'k' && c == 0x212a);
}

/* whether the text from `at` matches the lower-case ASCII `word` under IGNORECASE */
static int word_folded(int kind, const void *data, Py_ssize_t n, Py_ssize_t at, const char *word) {
    for (Py_ssize_t q = 0; word[q]; q++)
        if (at + q >= n || !folds_to(PyUnicode_READ(kind, data, at + q), word[q]))
            return 0;
    return 1;
}

/* Cyrillic о in any case IGNORECASE takes (фото's last letter) */
static inline int cyr_o(Py_UCS4 c) { return c == 0x43e || c == 0x41e || c == 0x1c82; }

/* whether headline.CREDIT or article.CAPTION_CREDIT may find a credit in the text: False only
 * where neither can, by what each alternative needs: "(" before photo|image|picture|foto (a p, i
 * or f after it), a ":" after photo…|image|foto|picture|credit, an "s" or фото and spaces (an o,
 * h, e, s or t, or Cyrillic о, its last character past the spaces), "/" before afp|reuters|ap
 * (an a or r after it), ")" after "associated press" (an s before it), or the words "getty
 * images", "shutterstock" or "file photo" (each letter in any case IGNORECASE folds to it) */
/* the characters below U+0100 where may_credit's tests may hold: "(", ")", "/", ":", and the
 * first letters of its words in either case (folds_to takes no other below U+0100) */
static const unsigned char CREDIT_BYTES[256] = {
    ['('] = 1, [')'] = 1, ['/'] = 1, [':'] = 1, ['g'] = 1, ['G'] = 1,
    ['s'] = 1, ['S'] = 1, ['f'] = 1, ['F'] = 1,
};

static int may_credit(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t k = 0; k < n; k++) {
        if (kind == PyUnicode_1BYTE_KIND) { /* on to the next such character, bytewise */
            const Py_UCS1 *b = (const Py_UCS1 *)data;
            while (k < n && !CREDIT_BYTES[b[k]])
                k++;
            if (k >= n)
                break;
        }
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        switch (c) {
        case '(':
            if (k + 1 < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, k + 1);
                if (folds_to(d, 'p') || folds_to(d, 'i') || folds_to(d, 'f'))
                    return 1;
            }
            break;
        case ')':
            if (k > 0 && folds_to(PyUnicode_READ(kind, data, k - 1), 's'))
                return 1;
            break;
        case '/':
            if (k + 1 < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, k + 1);
                if (folds_to(d, 'a') || folds_to(d, 'r'))
                    return 1;
            }
            break;
        case ':': {
            Py_ssize_t b = k - 1;
            while (b >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b)))
                b--;
            if (b >= 0) {
                Py_UCS4 d = PyUnicode_READ(kind, data, b);
                if (folds_to(d, 'o') || folds_to(d, 'h') || folds_to(d, 'e') || folds_to(d, 's')
                    || folds_to(d, 't') || cyr_o(d))
                    return 1;
            }
            break;
        }
        default:
            if ((folds_to(c, 'g') && word_folded(kind, data, n, k, "getty images"))
                || (folds_to(c, 's') && word_folded(kind, data, n, k, "shutterstock"))
                || (folds_to(c, 'f') && word_folded(kind, data, n, k, "file photo")))
                return 1;
        }
    }
    return 0;
}

/* whether the text has at least `need` words (str.split's: runs of what is not whitespace) */
static int has_words(PyObject *text, Py_ssize_t need) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), words = 0;
    int in_word = 0;
    if (need <= 0)
        return 1;
    for (Py_ssize_t k = 0; k < n; k++) {
        int space = Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k));
        if (!space && !in_word && ++words >= need)
            return 1;
        in_word = !space;
    }
    return 0;
}

/* credit_lines(texts, candidates, min_words) -> list[int]: article._credit_lines, the blocks of
 * `candidates` (in their order) where find_caption's test may hold: may_credit's, and at least
 * `min_words` words */
static PyObject *credit_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "credit_lines(texts, candidates, min_words)");
        return NULL;
    }
    PyObject *texts = args[0], *cands = args[1];
    Py_ssize_t need = PyLong_AsSsize_t(args[2]);
    if (need == -1 && PyErr_Occurred())
        return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t c = 0; c < PyList_GET_SIZE(cands); c++) {
        PyObject *index = PyList_GET_ITEM(cands, c);
        Py_ssize_t i = PyLong_Check(index) ? PyLong_AsSsize_t(index) : -1;
        if (i == -1 && (!PyLong_Check(index) || PyErr_Occurred())) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "credit_lines: int candidates");
            Py_DECREF(found);
            return NULL;
        }
        if (i < 0)
            i += PyList_GET_SIZE(texts); /* (as texts[i] takes it) */
        if (i < 0 || i >= PyList_GET_SIZE(texts)) {
            PyErr_SetString(PyExc_IndexError, "credit_lines: a block out of range");
            Py_DECREF(found);
            return NULL;
        }
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "credit_lines: texts of str");
            Py_DECREF(found);
            return NULL;
        }
        if (may_credit(text) && has_words(text, need) && PyList_Append(found, index) < 0) {
            Py_DECREF(found);
            return NULL;
        }
    }
    return found;
}

/* the label patterns' words, ASCII spellings (their other spellings have a character that is not
 * ASCII, which no ASCII text matches): article._KIND's kinds and articles, _BY_WORD, BY_ALONE's,
 * headline.BYLINE's kinds and words, AUTHOR_LABEL's (and LABEL_ALONE's) */
static const char *const L_KINDS[] = {
    "report", "reportage", "reportaje", "kommentar", "commentaire", "comment", "commentary",
    "commento", "column", "kolumne", "columna", "chronique", "cronica", "analyse", "analyze",
    "analisis", "essay", "interview", "entretien", "entrevista", "review", "kritik", "critique",
    "critica", "tribune", "enquete", "feature", "story", "glosse", "editorial", "opinion",
    "felieton", "komentarz", "recenzja", NULL};
static const char *const L_ARTICLES[] = {"a", "an", "the", "ein", "eine", "un", "une", "una", "uno",
                                         NULL};
static const char *const L_KIND_BY[] = {"by", "von", "de", "par", "por", "di", "door", "av", "af",
                                        "przez", NULL};
static const char *const L_ALONE_BY[] = {"by", "von", "par", "por", "door", "di", NULL};
static const char *const L_BY_KINDS[] = {
    "written", "posted", "reported", "words", "story", "analysis", "opinion", "commentary",
    "column", "essay", "review", "interview", NULL};
static const char *const L_BY[] = {"by", "von", "par", "por", "di", "door", "av", "af", "przez",
                                   NULL};
static const char *const L_AUTHORS[] = {"author", "authors", "autor", "autorin", "autorka",
                                        "autorzy", "auteur", "writer", "reporter", "text", "texte",
                                        NULL};

/* whether s[at:at+m] is one of `words` in any case */
static int one_of(const Py_UCS1 *s, Py_ssize_t at, Py_ssize_t m, const char *const *words) {
    for (; *words; words++) {
        if ((Py_ssize_t)strlen(*words) != m)
            continue;
        Py_ssize_t q = 0;
        while (q < m && a_fold(s[at + q]) == (unsigned char)(*words)[q])
            q++;
        if (q == m)
            return 1;
    }
    return 0;
}

/* the end of the run of ASCII letters from `at` */
static Py_ssize_t letters_end(const Py_UCS1 *s, Py_ssize_t n, Py_ssize_t at) {
    while (at < n && a_alpha(s[at]))
        at++;
    return at;
}

#define LABEL_KIND 1   /* KIND_BYLINE, KIND_ALONE */
#define LABEL_AUTHOR 2 /* headline.AUTHOR_LABEL, LABEL_ALONE */
#define LABEL_BY 4     /* headline.BYLINE */
#define LABEL_ALONE 8  /* BY_ALONE */

/* labels(text) -> int | None: of an ASCII text, a mask of the label patterns that may match it
 * (article._labels, the reference): each needs, past the spaces, its words as whole runs of
 * letters, each but the last followed by a space (a letter after a word fails the \s or ":" the
 * pattern needs next): KIND_* an article, spaces and a kind, or a kind, then spaces and one of
 * _BY_WORD; AUTHOR_LABEL and LABEL_ALONE one of their words, spaces and a ":"; BYLINE one of its
 * kinds and spaces before one of its words, or one of its words; BY_ALONE one of its words. None
 * for any other text. */
static PyObject *labels(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "labels: str");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(text))
        Py_RETURN_NONE;
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), a = 0;
    while (a < n && a_space(s[a]))
        a++;
    Py_ssize_t e1 = letters_end(s, n, a), a2 = e1, e2, a3, e3;
    long mask = 0;
    if (e1 == a)
        return PyLong_FromLong(0);
    while (a2 < n && a_space(s[a2]))
        a2++;
    int spaced1 = a2 > e1;
    e2 = letters_end(s, n, a2);
    a3 = e2;
    while (a3 < n && a_space(s[a3]))
        a3++;
    int spaced2 = e2 > a2 && a3 > e2;
    e3 = letters_end(s, n, a3);
    Py_ssize_t m1 = e1 - a, m2 = e2 - a2, m3 = e3 - a3;
    if (spaced1) {
        if (one_of(s, a, m1, L_KINDS) && one_of(s, a2, m2, L_KIND_BY))
            mask |= LABEL_KIND;
        else if (one_of(s, a, m1, L_ARTICLES) && spaced2 && one_of(s, a2, m2, L_KINDS)
                 && one_of(s, a3, m3, L_KIND_BY))
            mask |= LABEL_KIND;
    }
    if (a2 < n && s[a2] == ':' && one_of(s, a, m1, L_AUTHORS))
        mask |= LABEL_AUTHOR;
    if (one_of(s, a, m1, L_BY) || (spaced1 && one_of(s, a, m1, L_BY_KINDS)
                                   && one_of(s, a2, m2, L_BY)))
        mask |= LABEL_BY;
    if (one_of(s, a, m1, L_ALONE_BY))
        mask |= LABEL_ALONE;
    return PyLong_FromLong(mask);
}

static PyMethodDef methods[] = {
    {"by_inside", by_inside, METH_O, "BY_INSIDE.search(text)['rest'] of an ASCII text, or ()."},
    {"name_meta", name_meta, METH_O, "NAME_THEN_META.match of an ASCII text: (rest_end, meta_start) or ()."},
    {"bare_lines", (PyCFunction)(void (*)(void))bare_lines, METH_FASTCALL,
     "article._bare_lines(texts, order, first)."},
    {"far_lines", (PyCFunction)(void (*)(void))far_lines, METH_FASTCALL,
     "article._far_lines(texts, start, stop, max_len, words)."},
    {"stop_at", stop_at, METH_O, "BYLINE_STOP.search(' ' + text).start() of an ASCII text."},
    {"name_split", name_split, METH_O, "NAME_SPLIT.split(text) of an ASCII text."},
    {"cue", cue, METH_O, "DATE_CUE or UPDATE_CUE matches an ASCII lower-case word."},
    {"parse_names", (PyCFunction)(void (*)(void))parse_names, METH_FASTCALL,
     "article._parse_names(rest, allow_single) of an ASCII rest, else None."},
    {"credit_lines", (PyCFunction)(void (*)(void))credit_lines, METH_FASTCALL,
     "article._credit_lines(texts, candidates, min_words)."},
    {"labels", labels, METH_O, "article._labels(text) of an ASCII text, else None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "newsdump._byline", "The byline's names, compiled.", -1, methods,
};

PyMODINIT_FUNC PyInit__byline(void) { return PyModule_Create(&module); }
