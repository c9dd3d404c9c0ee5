/* The headline ranker's scores (newsdump.headline.Ranker.scores), compiled: every tree walked
 * for every row, and each row's leaves summed as numpy sums a C-ordered (row, tree) array along
 * its last axis (0.0 plus numpy's pairwise sum, then the baseline), so the floats are the same
 * as the numpy walk's.
 *
 * Trees come in the complete layout of headline._complete (node k has children 2k+1 and 2k+2;
 * `nodes` = 2**(depth + 1) - 1 positions per tree, the last 2**depth of them the leaves), and
 * forest() packs them once per ranker into a compact Forest (a capsule the Ranker holds):
 *
 *   forest(feature, threshold, value, depth) -> capsule
 *     feature: intp[trees * nodes], threshold: float64[trees * nodes], value: float64[...]
 *   scores(rows, width, forest, baseline) -> list[float]
 *     rows: a sequence of sequences of `width` numbers
 *   scores_array(rows, width, forest, baseline) -> list[float]
 *     rows: a float64 buffer (C order, `width` columns)
 *
 * A depth-2 tree (the shipped model's) takes one 64-byte line: its three thresholds, its four
 * leaves, its three features (bytes) and where its leaf goes. The rows go through the trees in
 * tiles (each tree's line read once a tile, the tile's rows staying in L1), and no (row, tree)
 * array of leaves is made: each leaf is added at once to the partial sum that numpy's pairwise
 * sum adds it to (its "slot": one of the eight running sums of its block of at most 128 trees,
 * or a slot of its own for the few that the block then adds one by one), in the order numpy
 * adds them (trees ascending), and the slots of a row are then combined as pairwise combines
 * them. The same additions of the same floats in the same order: the same scores.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <structmember.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "_lower.h"

typedef struct {
    double thr[3];   /* nodes 0, 1 (left of 0) and 2 (right of 0) */
    double val[4];   /* the leaves, left to right */
    uint8_t feat[3]; /* the nodes' columns */
    uint8_t first;   /* its leaf starts its slot (else it is added to it) */
    uint32_t slot;
} Tree2; /* 64 bytes: one cache line */

typedef struct {
    Py_ssize_t trees, depth, slots;
    Py_ssize_t width; /* the columns a row needs: the largest inner node's feature + 1 */
    Tree2 *t2;        /* depth 2 and every feature below 256: the trees as lines; else NULL and */
    int32_t *feat;    /* trees * inner nodes */
    double *thr;      /* trees * inner nodes */
    double *val;      /* trees * leaves */
    uint32_t *slot;   /* trees */
    uint8_t *first;   /* trees */
    void *mem;        /* what all of it lives in */
} Forest;

#define FOREST "newsdump._headline.Forest"

/* The slots of numpy's pairwise sum of n values (numpy/_core/src/umath/loops_utils.h.src, as
 * _pairwise.h copies it): below 8 values, one slot each (added one by one to 0.0); up to 128,
 * eight running sums (value i goes to sum i % 8, the first eight start them) and then one slot
 * each for the n % 8 left over (added one by one to the eight sums' total); above 128, the
 * first n2 (n / 2 rounded down to a multiple of 8) then the rest. Value `from + i` gets
 * slot[from + i] and first[from + i]; *next is the next free slot. */
static void pw_layout(Py_ssize_t from, Py_ssize_t n, uint32_t *slot, uint8_t *first,
                      Py_ssize_t *next) {
    if (n < 8) {
        for (Py_ssize_t i = 0; i < n; i++) {
            slot[from + i] = (uint32_t)(*next)++;
            first[from + i] = 1;
        }
    }
    else if (n <= 128) {
        Py_ssize_t base = *next, whole = n - n % 8;
        *next += 8;
        for (Py_ssize_t i = 0; i < whole; i++) {
            slot[from + i] = (uint32_t)(base + i % 8);
            first[from + i] = i < 8;
        }
        for (Py_ssize_t i = whole; i < n; i++) {
            slot[from + i] = (uint32_t)(*next)++;
            first[from + i] = 1;
        }
    }
    else {
        Py_ssize_t n2 = n / 2;
        n2 -= n2 % 8;
        pw_layout(from, n2, slot, first, next);
        pw_layout(from + n2, n - n2, slot, first, next);
    }
}

/* pairwise(a, n) of the values that pw_layout put in the slots acc[s * stride] (s from *pos
 * on): the same additions in the same order */
static double pw_combine(const double *acc, Py_ssize_t stride, Py_ssize_t n, Py_ssize_t *pos) {
    if (n < 8) {
        double res = 0.;
        for (Py_ssize_t i = 0; i < n; i++)
            res += acc[(*pos)++ * stride];
        return res;
    }
    if (n <= 128) {
        const double *r = acc + *pos * stride;
        *pos += 8;
        double res = ((r[0] + r[stride]) + (r[2 * stride] + r[3 * stride]))
                     + ((r[4 * stride] + r[5 * stride]) + (r[6 * stride] + r[7 * stride]));
        for (Py_ssize_t i = n - n % 8; i < n; i++)
            res += acc[(*pos)++ * stride];
        return res;
    }
    Py_ssize_t n2 = n / 2;
    n2 -= n2 % 8;
    double a = pw_combine(acc, stride, n2, pos);
    double b = pw_combine(acc, stride, n - n2, pos);
    return a + b;
}

static void forest_free(PyObject *capsule) {
    Forest *f = PyCapsule_GetPointer(capsule, FOREST);
    if (f != NULL) {
        PyMem_Free(f->mem);
        PyMem_Free(f);
    }
}

/* forest(feature, threshold, value, depth): the trees of headline._complete's arrays, packed */
static PyObject *forest(PyObject *self, PyObject *args) {
    Py_buffer feature, threshold, value;
    Py_ssize_t depth;
    if (!PyArg_ParseTuple(args, "y*y*y*n", &feature, &threshold, &value, &depth))
        return NULL;
    PyObject *result = NULL;
    Forest *f = NULL;
    if (depth < 0 || depth > 30) {
        PyErr_SetString(PyExc_ValueError, "forest: bad depth");
        goto done;
    }
    Py_ssize_t nodes = ((Py_ssize_t)2 << depth) - 1, inner = ((Py_ssize_t)1 << depth) - 1;
    Py_ssize_t leaves = inner + 1;
    Py_ssize_t trees = feature.len / (Py_ssize_t)sizeof(Py_ssize_t) / nodes;
    if (feature.len != trees * nodes * (Py_ssize_t)sizeof(Py_ssize_t)
        || threshold.len != trees * nodes * (Py_ssize_t)sizeof(double)
        || value.len != trees * nodes * (Py_ssize_t)sizeof(double) || trees > INT32_MAX / 2) {
        PyErr_SetString(PyExc_ValueError, "forest: array sizes do not match");
        goto done;
    }
    const Py_ssize_t *feat = feature.buf;
    const double *thr = threshold.buf, *val = value.buf;
    Py_ssize_t width = 0;
    for (Py_ssize_t t = 0; t < trees; t++)
        for (Py_ssize_t k = 0; k < inner; k++) {
            Py_ssize_t c = feat[t * nodes + k];
            if (c < 0 || c >= INT32_MAX) {
                PyErr_SetString(PyExc_ValueError, "forest: feature index out of range");
                goto done;
            }
            if (c + 1 > width)
                width = c + 1;
        }
    f = PyMem_Calloc(1, sizeof(Forest));
    if (f == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    f->trees = trees;
    f->depth = depth;
    f->width = width;
    int lines = depth == 2 && width <= 256;
    size_t t_size = (size_t)(trees > 0 ? trees : 1);
    size_t size = lines ? sizeof(Tree2) * t_size + 64
                        : (sizeof(int32_t) + sizeof(double)) * (size_t)inner * t_size
                              + sizeof(double) * (size_t)leaves * t_size;
    size += (sizeof(uint32_t) + 1) * t_size + 16;
    f->mem = PyMem_Malloc(size);
    if (f->mem == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    char *m = f->mem;
    if (lines) { /* on a line boundary */
        f->t2 = (Tree2 *)(m + (64 - (uintptr_t)m % 64) % 64);
        m = (char *)(f->t2 + t_size);
    }
    else {
        f->thr = (double *)m;
        f->val = f->thr + inner * trees;
        f->feat = (int32_t *)(f->val + leaves * trees);
        m = (char *)(f->feat + inner * trees);
    }
    f->slot = (uint32_t *)(((uintptr_t)m + 3) & ~(uintptr_t)3);
    f->first = (uint8_t *)(f->slot + t_size);
    Py_ssize_t next = 0;
    pw_layout(0, trees, f->slot, f->first, &next);
    f->slots = next;
    for (Py_ssize_t t = 0; t < trees; t++) {
        const Py_ssize_t *tf = feat + t * nodes;
        const double *tt = thr + t * nodes, *tv = val + t * nodes + inner;
        if (lines) {
            Tree2 *o = &f->t2[t];
            memset(o, 0, sizeof(Tree2));
            for (int k = 0; k < 3; k++) {
                o->thr[k] = tt[k];
                o->feat[k] = (uint8_t)tf[k];
            }
            for (int k = 0; k < 4; k++)
                o->val[k] = tv[k];
            o->slot = f->slot[t];
            o->first = f->first[t];
            continue;
        }
        for (Py_ssize_t k = 0; k < inner; k++) {
            f->feat[t * inner + k] = (int32_t)tf[k];
            f->thr[t * inner + k] = tt[k];
        }
        for (Py_ssize_t k = 0; k < leaves; k++)
            f->val[t * leaves + k] = tv[k];
    }
    result = PyCapsule_New(f, FOREST, forest_free);
    if (result != NULL)
        f = NULL; /* the capsule's */
done:
    if (f != NULL) {
        PyMem_Free(f->mem);
        PyMem_Free(f);
    }
    PyBuffer_Release(&feature);
    PyBuffer_Release(&threshold);
    PyBuffer_Release(&value);
    return result;
}

#define ACC_STACK 2048 /* doubles of running sums kept on the stack */
#define TILE_MAX 64    /* rows a tile */

/* The one-line trees (Tree2) walked four rows at a time, without a branch: the rows of a tile
 * transposed (xt[c * stride + r]: column c of row r, `stride` rows a column, a multiple of 4),
 * both second nodes tested, and the leaf picked by masks; each row's leaf added to its slot
 * (acc[slot * stride + r]) as forest_walk adds it, so the same additions of the same floats.
 * A comparison with a NaN is false in a vector as in C (the row goes left). Compiled for AVX2
 * and for the baseline, the one the processor runs picked when the module loads. */
#if defined(__GNUC__) && defined(__x86_64__) && defined(__linux__)
#define WALK_VEC 1
typedef double v4d __attribute__((vector_size(32)));
typedef long long v4i __attribute__((vector_size(32)));

typedef double v4u __attribute__((vector_size(32), aligned(8))); /* (unaligned loads) */
#define vec_load(p) ((v4d)(*(const v4u *)(p)))
#define vec_store(p, v) (*(v4u *)(p) = (v))

__attribute__((target_clones("avx2", "default"))) static void
walk_lines(const Tree2 *t2, Py_ssize_t trees, const double *xt, Py_ssize_t stride, double *acc) {
    for (Py_ssize_t t = 0; t < trees; t++) {
        const Tree2 *tr = &t2[t];
        const double *c0 = xt + tr->feat[0] * stride, *c1 = xt + tr->feat[1] * stride,
                     *c2 = xt + tr->feat[2] * stride;
        const v4d t0 = {tr->thr[0], tr->thr[0], tr->thr[0], tr->thr[0]};
        const v4d t1 = {tr->thr[1], tr->thr[1], tr->thr[1], tr->thr[1]};
        const v4d t2v = {tr->thr[2], tr->thr[2], tr->thr[2], tr->thr[2]};
        const v4d l0 = {tr->val[0], tr->val[0], tr->val[0], tr->val[0]};
        const v4d l1 = {tr->val[1], tr->val[1], tr->val[1], tr->val[1]};
        const v4d l2 = {tr->val[2], tr->val[2], tr->val[2], tr->val[2]};
        const v4d l3 = {tr->val[3], tr->val[3], tr->val[3], tr->val[3]};
        double *a = acc + (Py_ssize_t)tr->slot * stride;
        const int first = tr->first;
        for (Py_ssize_t r = 0; r < stride; r += 4) {
            v4i b0 = vec_load(c0 + r) > t0, b1 = vec_load(c1 + r) > t1,
                b2 = vec_load(c2 + r) > t2v;
            v4i left = (b1 & (v4i)l1) | (~b1 & (v4i)l0);
            v4i right = (b2 & (v4i)l3) | (~b2 & (v4i)l2);
            v4d v = (v4d)((b0 & right) | (~b0 & left));
            vec_store(a + r, first ? v : vec_load(a + r) + v);
        }
    }
}
#endif

/* The scores of the n rows of x (C order, `width` columns, width >= f->width), as a list */
static PyObject *forest_walk(const Forest *f, const double *x, Py_ssize_t n, Py_ssize_t width,
                             double baseline) {
    PyObject *list = PyList_New(n);
    if (list == NULL || n == 0)
        return list;
    Py_ssize_t slots = f->slots > 0 ? f->slots : 1;
    Py_ssize_t tile = ACC_STACK / slots;
    if (tile > TILE_MAX)
        tile = TILE_MAX;
#ifdef WALK_VEC
    int vec = f->t2 != NULL && tile >= 4; /* walk_lines: whole groups of four rows a tile */
    if (vec) {
        Py_ssize_t whole = tile & ~(Py_ssize_t)3, rows4 = (n + 3) & ~(Py_ssize_t)3;
        tile = whole < rows4 ? whole : rows4;
    }
    else
#endif
    if (tile > n)
        tile = n;
    double stack[ACC_STACK], *acc = stack;
    if (tile < 1) { /* a forest of very many trees: one row at a time */
        tile = 1;
        acc = PyMem_Malloc(sizeof(double) * (size_t)slots);
        if (acc == NULL) {
            Py_DECREF(list);
            return PyErr_NoMemory();
        }
    }
    const Py_ssize_t trees = f->trees, depth = f->depth;
    const Py_ssize_t inner = ((Py_ssize_t)1 << depth) - 1, leaves = inner + 1;
#ifdef WALK_VEC
    double *xt = NULL; /* a tile transposed, for walk_lines */
    if (vec) {
        xt = PyMem_Malloc(sizeof(double) * (size_t)(f->width > 0 ? f->width : 1) * (size_t)tile);
        if (xt == NULL) {
            Py_DECREF(list);
            list = PyErr_NoMemory();
            goto done;
        }
    }
#endif
    for (Py_ssize_t i0 = 0; i0 < n; i0 += tile) {
        Py_ssize_t m = n - i0 < tile ? n - i0 : tile;
        const double *x0 = x + i0 * width;
        Py_ssize_t stride = tile; /* of the running sums in acc */
#ifdef WALK_VEC
        if (xt != NULL) {
            stride = (m + 3) & ~(Py_ssize_t)3; /* (at most tile) */
            for (Py_ssize_t c = 0; c < f->width; c++) {
                double *col = xt + c * stride;
                for (Py_ssize_t r = 0; r < m; r++)
                    col[r] = x0[r * width + c];
                for (Py_ssize_t r = m; r < stride; r++)
                    col[r] = 0.0; /* rows of no one: walked, never read */
            }
            walk_lines(f->t2, trees, xt, stride, acc);
        }
        else
#endif
        if (f->t2 != NULL) {
            for (Py_ssize_t t = 0; t < trees; t++) { /* slot s of row r: acc[s * tile + r] */
                /* without a branch on the rows' values (which way a row goes is not to be
                 * predicted): the second node's column and threshold picked by index */
                const Tree2 *tr = &f->t2[t];
                const Py_ssize_t f0 = tr->feat[0];
                const double t0 = tr->thr[0], *tv = tr->val;
                double *a = acc + (Py_ssize_t)tr->slot * tile;
                const double *xi = x0;
                const uint8_t *tf = tr->feat;
                const double *tt = tr->thr;
#define WALK2(xi, v)                                                                               \
    size_t b0 = xi[f0] > t0, b1 = xi[tf[1 + b0]] > tt[1 + b0];                                     \
    double v = tv[2 * b0 + b1]
                if (tr->first)
                    for (Py_ssize_t r = 0; r < m; r++, xi += width) {
                        WALK2(xi, v);
                        a[r] = v;
                    }
                else
                    for (Py_ssize_t r = 0; r < m; r++, xi += width) {
                        WALK2(xi, v);
                        a[r] += v;
                    }
#undef WALK2
            }
        }
        else {
            for (Py_ssize_t t = 0; t < trees; t++) {
                const int32_t *tf = f->feat + t * inner;
                const double *tt = f->thr + t * inner, *tv = f->val + t * leaves;
                double *a = acc + (Py_ssize_t)f->slot[t] * tile;
                const double *xi = x0;
                for (Py_ssize_t r = 0; r < m; r++, xi += width) {
                    Py_ssize_t k = 0;
                    for (Py_ssize_t d = 0; d < depth; d++)
                        k = 2 * k + 1 + (xi[tf[k]] > tt[k]);
                    double v = tv[k - inner];
                    if (f->first[t])
                        a[r] = v;
                    else
                        a[r] += v;
                }
            }
        }
        for (Py_ssize_t r = 0; r < m; r++) {
            Py_ssize_t pos = 0;
            PyObject *score =
                PyFloat_FromDouble((0.0 + pw_combine(acc + r, stride, trees, &pos)) + baseline);
            if (score == NULL) {
                Py_DECREF(list);
                list = NULL;
                goto done;
            }
            PyList_SET_ITEM(list, i0 + r, score);
        }
    }
done:
#ifdef WALK_VEC
    PyMem_Free(xt);
#endif
    if (acc != stack)
        PyMem_Free(acc);
    return list;
}

static const Forest *forest_of(PyObject *capsule, Py_ssize_t width) {
    const Forest *f = PyCapsule_GetPointer(capsule, FOREST);
    if (f != NULL && width < f->width) {
        PyErr_SetString(PyExc_ValueError, "scores: a feature index is past the rows' width");
        return NULL;
    }
    return f;
}

static PyObject *scores(PyObject *self, PyObject *args) {
    PyObject *rows, *capsule;
    Py_ssize_t width;
    double baseline;
    if (!PyArg_ParseTuple(args, "OnOd", &rows, &width, &capsule, &baseline))
        return NULL;
    PyObject *result = NULL, *seq = NULL;
    double *x = NULL;
    if (width < 0) {
        PyErr_SetString(PyExc_ValueError, "scores: bad width");
        goto done;
    }
    const Forest *f = forest_of(capsule, width);
    if (f == NULL)
        goto done;
    seq = PySequence_Fast(rows, "scores: rows must be a sequence");
    if (seq == NULL)
        goto done;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (width > 0 && n > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(double) / width) {
        PyErr_NoMemory();
        goto done;
    }
    x = PyMem_Malloc(sizeof(double) * (size_t)(n * width > 0 ? n * width : 1));
    if (x == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *row = PySequence_Fast(PySequence_Fast_GET_ITEM(seq, i),
                                        "scores: a row must be a sequence");
        if (row == NULL)
            goto done;
        if (PySequence_Fast_GET_SIZE(row) != width) {
            Py_DECREF(row);
            PyErr_SetString(PyExc_ValueError, "scores: a row's length is not the width");
            goto done;
        }
        double *xi = x + i * width;
        for (Py_ssize_t j = 0; j < width; j++) {
            PyObject *v = PySequence_Fast_GET_ITEM(row, j);
            if (PyFloat_CheckExact(v)) {
                xi[j] = PyFloat_AS_DOUBLE(v);
                continue;
            }
            Py_INCREF(v); /* its __float__ may change the lists: held, and their sizes checked */
            xi[j] = PyFloat_AsDouble(v);
            Py_DECREF(v);
            if ((xi[j] == -1.0 && PyErr_Occurred()) || PySequence_Fast_GET_SIZE(row) != width
                || PySequence_Fast_GET_SIZE(seq) != n) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_ValueError, "scores: the rows changed");
                Py_DECREF(row);
                goto done;
            }
        }
        Py_DECREF(row);
    }
    result = forest_walk(f, x, n, width, baseline);
done:
    PyMem_Free(x);
    Py_XDECREF(seq);
    return result;
}

/* The scores of the rows held in a float64 buffer (C order, `width` columns): as scores(). */
static PyObject *scores_array(PyObject *self, PyObject *args) {
    Py_buffer rows_buf;
    PyObject *capsule;
    Py_ssize_t width;
    double baseline;
    if (!PyArg_ParseTuple(args, "y*nOd", &rows_buf, &width, &capsule, &baseline))
        return NULL;
    PyObject *result = NULL;
    if (width <= 0 || rows_buf.len % ((Py_ssize_t)sizeof(double) * width) != 0) {
        PyErr_SetString(PyExc_ValueError, "scores_array: bad width or buffer size");
        goto done;
    }
    const Forest *f = forest_of(capsule, width);
    if (f != NULL)
        result = forest_walk(f, rows_buf.buf, rows_buf.len / (Py_ssize_t)sizeof(double) / width,
                             width, baseline);
done:
    PyBuffer_Release(&rows_buf);
    return result;
}

/* ---- the feature rows (headline._features), compiled ---------------------------------------- */

enum {
    F_SHAPE, F_LOG_WORDS, F_LOG_CHARS, F_END_PERIOD, F_END_COLON, F_END_QUESTION, F_HAS_COLON,
    F_CAP_SHARE, F_ALL_CAPS, F_DIGIT_SHARE, F_WIDE, F_HAS_DATE, F_NOT_HEADLINE, F_BLANK_BEFORE,
    F_BLANK_AFTER, F_IN_BODY, F_LOG_ABOVE_BODY, F_HAS_BYLINE, F_ABOVE_BYLINE, F_LOG_TO_BYLINE,
    F_BODY_SHARE, F_PAGE_SHARE, F_PAGE_RECALL, F_FIRST_LINE, F_PAGE_LINE, F_PAGE_SEP, F_RECURS,
    F_REPEAT_NEXT, F_BYLINE_FOLLOWS, F_DATE_FOLLOWS, F_ORDER, F_RANK_SHAPE, F_RANK_BODY,
    F_RANK_PAGE, F_RANK_WORDS, F_FIRST_SHAPED, F_REPEAT_PREV, F_QUOTED, F_DEK_FOLLOWS,
    F_AFTER_SHORTER, F_SHAPED_AROUND, F_NEXT_TO_BYLINE, F_LEDE_SHARE, F_PREV_SHAPED,
    F_NEXT_SHAPED, F_DATE_NEXT, F_DATE_PREV, F_DATED_SIBLINGS, F_BELOW_BYLINE, F_SHAPED_ABOVE,
    F_SHAPED_BELOW, F_NO_BLANKS, N_FEATURES
}; /* the order of headline.FEATURES */

/* Py_UNICODE_ISDECIMAL and Py_UNICODE_ISALNUM, without the table look-up for ASCII */
static inline int is_decimal(Py_UCS4 ch) {
    return ch < 128 ? (ch >= '0' && ch <= '9') : Py_UNICODE_ISDECIMAL(ch);
}
static inline int is_alnum(Py_UCS4 ch) {
    return ch < 128 ? Py_ISALNUM(ch) : Py_UNICODE_ISALNUM(ch);
}

/* a CJK character, as lang.WIDE matches one */
static inline int is_wide(Py_UCS4 c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)
           || (c >= 0xac00 && c <= 0xd7af);
}

typedef struct {
    Py_ssize_t words; /* len(text.split()) */
    Py_ssize_t wide;  /* CJK characters (0 in an ASCII text) */
} Counts;

static Counts counts_of(PyObject *text) {
    Counts c = {0, 0};
    if (PyUnicode_IS_ASCII(text)) { /* no CJK there */
        const Py_UCS1 *a = PyUnicode_1BYTE_DATA(text);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        int in_word = 0;
        for (Py_ssize_t k = 0; k < len; k++) {
            int space = _Py_ascii_whitespace[a[k]];
            c.words += !space && !in_word;
            in_word = !space;
        }
        return c;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int ascii = PyUnicode_IS_ASCII(text), in_word = 0;
    for (Py_ssize_t k = 0; k < len; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        if (Py_UNICODE_ISSPACE(ch))
            in_word = 0;
        else if (!in_word) {
            in_word = 1;
            c.words++;
        }
        if (!ascii && is_wide(ch))
            c.wide++;
    }
    return c;
}

/* headline.word_count from the counts */
static inline Py_ssize_t words_of(Counts c) {
    if (c.wide >= 6)
        return c.words > c.wide / 2 ? c.words : c.wide / 2;
    return c.words;
}

static PyObject *counts(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "counts: a str is needed");
        return NULL;
    }
    Counts c = counts_of(text);
    return Py_BuildValue("nn", c.words, c.wide);
}

/* set(re.findall(r"\w+", text)): the runs of word characters (as re's \w: alphanumeric or _) */
static PyObject *word_set(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "word_set: a str is needed");
        return NULL;
    }
    PyObject *words = PySet_New(NULL);
    if (words == NULL)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), from = -1;
    for (Py_ssize_t k = 0; k <= len; k++) {
        int word = 0;
        if (k < len) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, k);
            word = ch == '_' || is_alnum(ch);
        }
        if (word && from < 0)
            from = k;
        else if (!word && from >= 0) {
            PyObject *w = PyUnicode_Substring(text, from, k);
            if (w == NULL || PySet_Add(words, w) < 0) {
                Py_XDECREF(w);
                Py_DECREF(words);
                return NULL;
            }
            Py_DECREF(w);
            from = -1;
        }
    }
    return words;
}

/* The pre-tests' words, six lists of them (lower-case str), sorted by their first character:
 * those that start with ASCII character c are entries start[c] .. start[c + 1] - 1, the others
 * from start[128] on */
/* (the lists tests() takes first, then the starts of CREDIT's alternatives, which it may take
 * last) */
enum { L_LABEL, L_ANYWHERE, L_BYLINE, L_AUTHOR, L_CREDIT, L_STAMP, N_ARG_LISTS,
       L_CREDIT_START = N_ARG_LISTS, N_LISTS };
#define ANY_LISTS ((1 << L_ANYWHERE) | (1 << L_CREDIT) | (1 << L_STAMP)) /* looked for anywhere */

typedef struct {
    const Py_UCS4 *chars;
    Py_ssize_t len;
    int list;
} Entry;

typedef struct {
    Entry *entries;
    Py_UCS4 *pool;
    Py_ssize_t n, start[130];
    int empty; /* the lists holding "" (which every text holds) */
    /* for an ASCII text: the lists with a word of one character c (single[c]), and with a word
     * that starts with the two ASCII characters c d (PAIR(lex, c, d)): pairs holds a row for each
     * c that starts such a word and a column for each such d (row and column 0: none), a small
     * table (~1 KB, not 16 KB: fewer cache lines a page) */
    unsigned char single[128], pair_row[128], pair_col[128];
    unsigned char *pairs;  /* (pair_rows * pair_cols) */
    Py_ssize_t pair_cols;
    unsigned char odd[128]; /* ... and with a word that starts with c, then one above 127 */
    unsigned char lead[128]; /* single[c] and every PAIR(lex, c, d): what c may start in ASCII */
    uint64_t wide_heads; /* bit c % 64 of the first character c of each word that starts above 127 */
    PyObject *tests; /* the tuple it was made from (headline._TESTS' items), held */
    PyObject *credit_match; /* CREDIT.match (in `tests`), with the starts of its alternatives */
} Lexicon;

#define LEXICON "newsdump._headline.Lexicon"
#define PAIR(lex, c, d) ((lex)->pairs[(lex)->pair_row[c] * (lex)->pair_cols + (lex)->pair_col[d]])

/* The page's block caches (headline._Blocks) and what fills them: each of _Blocks' tests (the
 * label, the headline shape's byline, author, credit and date tests, the date, the time stamp and
 * the tokens) done here as its Python method does it, with a cheap exact pre-test in front of
 * each pattern (what the pattern needs, in the text folded as IGNORECASE folds it) and the
 * pattern's own match or search called only where the pre-test passes. */
typedef struct {
    PyObject *shapes, *stamps, *dates, *labels; /* lists of the page's size */
    PyObject *tokens;                           /* a dict */
    PyObject *tokens_of; /* blocks.tokens: for a text that str.lower() lowers by context */
    PyObject *texts;     /* a tuple of str */
    const Lexicon *lex; /* the pre-tests' words (in the capsule the caller holds) */
    signed char *any; /* each block's hits of ANY_LISTS (-1: not looked for yet) */
    Counts *counts;   /* each block's counts (words -1: not counted yet) */
    Py_buffer native; /* where both live: blocks._native, a bytearray kept across calls */
    int held;         /* native is held (its size cannot change while it is) */
    /* LABEL_START.match, ANYWHERE.search, TRAIL.match, BYLINE.match, AUTHOR_LABEL.match,
     * CREDIT.search, TIME_STAMP.search, dates.yearless, dates.is_time_line, dates.find_dates */
    PyObject *label_match, *anywhere_search, *trail_match, *byline_match, *author_match,
        *credit_search, *stamp_search, *yearless_search, *is_time_line, *find_dates;
    Py_ssize_t size, max_chars, max_words, stamp_max_words;
} Page;

static double shape_rest_of(PyObject *text, Py_ssize_t n);
static PyObject *lower_word_set(PyObject *self, PyObject *text);
static PyObject *lower_words(PyObject *text, int frozen);

/* cache[j] = v (the caller checked that j is in the list) */
static void store(PyObject *cache, Py_ssize_t j, PyObject *v) {
    if (PyList_CheckExact(cache) && j >= 0 && j < PyList_GET_SIZE(cache)) {
        Py_INCREF(v);
        PyList_SetItem(cache, j, v);
    }
}

/* the value cached for block j (borrowed: None where not yet known), NULL with an error where
 * the cache is no list holding j */
static PyObject *slot(PyObject *cache, Py_ssize_t j) {
    if (!PyList_CheckExact(cache) || j < 0 || j >= PyList_GET_SIZE(cache)) {
        PyErr_SetString(PyExc_IndexError, "a block cache does not hold the block");
        return NULL;
    }
    return PyList_GET_ITEM(cache, j);
}

/* dates.MAYBE_DATE.search(text) is not None: (?:19|20)\d\d|\d/[0-3]?\d/\d\d (\d: a decimal
 * character, as re's) */
/* maybe_date over a text of one kind (T: Py_UCS1, Py_UCS2 or Py_UCS4): the same tests, the
 * characters read as T (no switch on the kind a character). A place k is tried only where the
 * character after it is a digit or '/' (else neither k, whose year needs a digit next and whose
 * m/d a '/' next, nor k + 1, which needs to be a digit itself, can start a match: both skipped) */
#define MAYBE_DATE_OF(T)                                                                           \
    static int maybe_date_##T(const T *c, Py_ssize_t len) {                                        \
        for (Py_ssize_t k = 0; k + 1 < len; k++) {                                                 \
            T ch = c[k], next = c[k + 1];                                                          \
            if (!(next == '/' || is_decimal(next))) {                                              \
                k++; /* (k + 1 is no digit either) */                                              \
                continue;                                                                          \
            }                                                                                      \
            if (((ch == '1' && next == '9') || (ch == '2' && next == '0')) && k + 3 < len          \
                && is_decimal(c[k + 2]) && is_decimal(c[k + 3]))                                   \
                return 1;                                                                          \
            if (next == '/' && is_decimal(ch)) {                                                   \
                Py_ssize_t m = k + 2; /* [0-3]?\d/\d\d, with the optional digit or without */      \
                if (m + 4 < len && c[m] >= '0' && c[m] <= '3' && is_decimal(c[m + 1])              \
                    && c[m + 2] == '/' && is_decimal(c[m + 3]) && is_decimal(c[m + 4]))            \
                    return 1;                                                                      \
                if (m + 3 < len && is_decimal(c[m]) && c[m + 1] == '/' && is_decimal(c[m + 2])     \
                    && is_decimal(c[m + 3]))                                                       \
                    return 1;                                                                      \
            }                                                                                      \
        }                                                                                          \
        return 0;                                                                                  \
    }
MAYBE_DATE_OF(Py_UCS1)
MAYBE_DATE_OF(Py_UCS2)
MAYBE_DATE_OF(Py_UCS4)
#undef MAYBE_DATE_OF

static int maybe_date(PyObject *text) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        return maybe_date_Py_UCS1(PyUnicode_1BYTE_DATA(text), len);
    case PyUnicode_2BYTE_KIND:
        return maybe_date_Py_UCS2(PyUnicode_2BYTE_DATA(text), len);
    default:
        return maybe_date_Py_UCS4(PyUnicode_4BYTE_DATA(text), len);
    }
}

/* A character as an IGNORECASE literal of the pre-tests' words sees it: its upper case's lower
 * case ('ı' and 'İ' fold to 'i', 'ſ' to 's', the Kelvin sign to 'k', Cyrillic 'ᲀ' to 'в': re
 * takes a character for a letter that shares its upper case). Every character that such a
 * pattern matches to a word's letter folds to that letter (tests/unit/test_headline_tests.py
 * checks every code point), so a text whose folded form lacks every word a pattern needs cannot
 * match it. */
static inline Py_UCS4 fold_char(Py_UCS4 c) {
    if (c < 128)
        return (Py_UCS4)Py_TOLOWER(c);
    return (Py_UCS4)Py_UNICODE_TOLOWER(Py_UNICODE_TOUPPER(c));
}

/* the lists of `mask` (bits by list) one of whose words the folded text holds at a place in
 * [from, to): each place's character folded once, and compared with the words it may start */
static int lex_hits(const Lexicon *lex, PyObject *text, Py_ssize_t from, Py_ssize_t to, int mask) {
    int found = lex->empty & mask;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (to > len)
        to = len;
    if (PyUnicode_IS_ASCII(text)) { /* only a word of ASCII characters may be found there */
        const Py_UCS1 *c = data;
        for (Py_ssize_t at = from; at < to && found != mask; at++) {
            Py_UCS4 f = (Py_UCS4)Py_TOLOWER(c[at]);
            if (!(lex->lead[f] & mask & ~found))
                continue; /* (no word of the lists wanted starts with f) */
            int want = lex->single[f];
            if (at + 1 < len)
                want |= PAIR(lex, f, (Py_UCS4)Py_TOLOWER(c[at + 1]));
            want &= mask & ~found;
            if (!want)
                continue;
            for (Py_ssize_t e = lex->start[f]; e < lex->start[f + 1]; e++) {
                const Entry *w = &lex->entries[e];
                int bit = 1 << w->list;
                if (!(want & bit) || (found & bit) || w->len > len - at)
                    continue;
                Py_ssize_t q = 1;
                while (q < w->len && (Py_UCS4)Py_TOLOWER(c[at + q]) == w->chars[q])
                    q++;
                if (q == w->len)
                    found |= bit;
            }
        }
        return found;
    }
    /* a long scan remembers the folds of its characters above 127, one a slot (a text's letters
     * repeat; fold_char looks two tables up) */
    Py_UCS4 keys[64], folds[64];
    int remember = to - from > 16;
    if (remember)
        memset(keys, 0, sizeof(keys)); /* (0 is no key: the characters remembered are above 127) */
    for (Py_ssize_t at = from; at < to && found != mask; at++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, at), f;
        if (ch < 128)
            f = (Py_UCS4)Py_TOLOWER(ch);
        else if (remember && keys[ch & 63] == ch)
            f = folds[ch & 63];
        else {
            f = fold_char(ch);
            if (remember) {
                keys[ch & 63] = ch;
                folds[ch & 63] = f;
            }
        }
        if (f >= 128 && !(lex->wide_heads & ((uint64_t)1 << (f & 63))))
            continue; /* no word starts with it */
        if (f < 128) { /* the lists with a word of f alone, or of f and the next character */
            int want = lex->single[f];
            if (at + 1 < len) {
                Py_UCS4 next = PyUnicode_READ(kind, data, at + 1);
                Py_UCS4 g = next < 128 ? (Py_UCS4)Py_TOLOWER(next) : fold_char(next);
                want |= g < 128 ? PAIR(lex, f, g) : lex->odd[f];
            }
            if (!(want & mask & ~found))
                continue;
        }
        Py_ssize_t lo = lex->start[f < 128 ? f : 128], hi = lex->start[f < 128 ? f + 1 : 129];
        for (Py_ssize_t e = lo; e < hi; e++) {
            const Entry *w = &lex->entries[e];
            int bit = 1 << w->list;
            if (!(mask & bit) || (found & bit) || w->chars[0] != f || w->len > len - at)
                continue;
            Py_ssize_t q = 1;
            while (q < w->len && fold_char(PyUnicode_READ(kind, data, at + q)) == w->chars[q])
                q++;
            if (q == w->len)
                found |= bit;
        }
    }
    return found;
}

/* the folded text holds one of the words of `list` at `at` */
static inline int folds_one_at(const Lexicon *lex, PyObject *text, Py_ssize_t at, int list) {
    return lex_hits(lex, text, at, at + 1, 1 << list) != 0;
}

static void lex_close(Lexicon *lex) {
    PyMem_Free(lex->entries);
    PyMem_Free(lex->pool);
    PyMem_Free(lex->pairs);
    Py_XDECREF(lex->tests);
    PyMem_Free(lex);
}

static void lex_free(PyObject *capsule) {
    Lexicon *lex = PyCapsule_GetPointer(capsule, LEXICON);
    if (lex != NULL)
        lex_close(lex);
}

/* the lexicon of six tuples of str (the lists in their order), its pairs in `full` (128 * 128,
 * zeroed: the lists with a word that starts c d at c * 128 + d); -1 with an error */
static int lex_fill(Lexicon *lex, PyObject *const *lists, unsigned char *full) {
    Py_ssize_t n = 0, chars = 0;
    for (int l = 0; l < N_LISTS; l++)
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(lists[l]); k++) {
            PyObject *word = PyTuple_GET_ITEM(lists[l], k);
            if (!PyUnicode_Check(word)) {
                PyErr_SetString(PyExc_TypeError, "the tests' words must be str");
                return -1;
            }
            n++;
            chars += PyUnicode_GET_LENGTH(word);
        }
    lex->entries = PyMem_Malloc(sizeof(Entry) * (size_t)(n + 1));
    lex->pool = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(chars + 1));
    if (!lex->entries || !lex->pool) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t fill[130], used = 0; /* a counting sort by bucket: 0..127 ASCII, 128 the others */
    memset(fill, 0, sizeof(fill));
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            for (int b = 0; b < 129; b++)
                lex->start[b + 1] += lex->start[b];
            memcpy(fill, lex->start, sizeof(fill));
        }
        for (int l = 0; l < N_LISTS; l++)
            for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(lists[l]); k++) {
                PyObject *word = PyTuple_GET_ITEM(lists[l], k);
                Py_ssize_t m = PyUnicode_GET_LENGTH(word);
                if (m == 0) {
                    lex->empty |= 1 << l;
                    continue;
                }
                Py_UCS4 c = PyUnicode_READ_CHAR(word, 0);
                int bucket = c < 128 ? (int)c : 128;
                if (pass == 0) {
                    lex->start[bucket + 1]++;
                    continue;
                }
                Entry *e = &lex->entries[fill[bucket]++];
                if (!PyUnicode_AsUCS4(word, lex->pool + used, m, 0))
                    return -1;
                e->chars = lex->pool + used;
                e->len = m;
                e->list = l;
                used += m;
                lex->n++;
                if (c >= 128)
                    lex->wide_heads |= (uint64_t)1 << (c & 63);
                Py_UCS4 d = m > 1 ? e->chars[1] : 0;
                if (m == 1 && c < 128)
                    lex->single[c] |= (unsigned char)(1 << l);
                else if (c < 128 && d < 128)
                    full[c * 128 + d] |= (unsigned char)(1 << l);
                if (c < 128 && (m == 1 || d < 128))
                    lex->lead[c] |= (unsigned char)(1 << l);
                else if (c < 128)
                    lex->odd[c] |= (unsigned char)(1 << l);
            }
    }
    return 0;
}

/* lex_fill, then its pairs made small: a row for each first character that has a pair, a
 * column for each second character, row and column 0 of zeros (for the characters of none) */
static int lex_open(Lexicon *lex, PyObject *const *lists) {
    unsigned char *full = PyMem_Calloc(128 * 128, 1);
    if (full == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (lex_fill(lex, lists, full) < 0) {
        PyMem_Free(full);
        return -1;
    }
    Py_ssize_t rows = 1, cols = 1;
    for (int c = 0; c < 128; c++) {
        int row = 0, col = 0;
        for (int d = 0; d < 128; d++) {
            row |= full[c * 128 + d];
            col |= full[d * 128 + c];
        }
        lex->pair_row[c] = row ? (unsigned char)rows++ : 0; /* (at most 128: fits) */
        lex->pair_col[c] = col ? (unsigned char)cols++ : 0;
    }
    lex->pair_cols = cols;
    lex->pairs = PyMem_Calloc((size_t)(rows * cols), 1);
    if (lex->pairs == NULL) {
        PyMem_Free(full);
        PyErr_NoMemory();
        return -1;
    }
    for (int c = 0; c < 128; c++)
        for (int d = 0; d < 128; d++)
            if (full[c * 128 + d])
                lex->pairs[lex->pair_row[c] * cols + lex->pair_col[d]] = full[c * 128 + d];
    PyMem_Free(full);
    return 0;
}

/* where the text's leading spaces (re's \s, str.strip's) end */
static Py_ssize_t past_spaces(PyObject *text) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), from = 0;
    while (from < len && Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, from)))
        from++;
    return from;
}

/* the text holds character c */
static inline int holds_char(PyObject *text, Py_UCS4 c) {
    return PyUnicode_FindChar(text, c, 0, PyUnicode_GET_LENGTH(text), 1) >= 0;
}

/* pattern(text) found something: 1, else 0, -1 on error (a match method, or a function whose
 * result's truth counts: `truth`) */
static int found_by(PyObject *pattern, PyObject *text, int truth) {
    PyObject *m = PyObject_CallOneArg(pattern, text);
    if (m == NULL)
        return -1;
    int got = truth ? PyObject_IsTrue(m) : m != Py_None;
    Py_DECREF(m);
    return got;
}

/* a decimal digit, or "ago" folded (what a time stamp needs but a date) */
static int digit_or_ago(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_IS_ASCII(text)) { /* (the same tests: digits 0-9, fold_char a Py_TOLOWER) */
        const Py_UCS1 *c = data;
        for (Py_ssize_t k = 0; k < len; k++) {
            if (c[k] >= '0' && c[k] <= '9')
                return 1;
            if ((c[k] | 0x20) == 'a' && k + 2 < len && (c[k + 1] | 0x20) == 'g'
                && (c[k + 2] | 0x20) == 'o')
                return 1;
        }
        return 0;
    }
    for (Py_ssize_t k = 0; k < len; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        if (is_decimal(ch))
            return 1;
        if (fold_char(ch) == 'a' && k + 2 < len
            && fold_char(PyUnicode_READ(kind, data, k + 1)) == 'g'
            && fold_char(PyUnicode_READ(kind, data, k + 2)) == 'o')
            return 1;
    }
    return 0;
}

/* CREDIT.search(text) is not None once the text passed CREDIT's pre-test (L_CREDIT): where the
 * capsule has CREDIT.match and the starts of CREDIT's alternatives (L_CREDIT_START), a match at
 * each place where the folded text holds one of them (a match of CREDIT needs one where it
 * starts), else CREDIT.search; 1, 0 or -1. IGNORECASE scans a search place by place, each
 * alternative in turn (~100 ns a character): the starts are found in one cheap pass. */
static int credit_scan(const Lexicon *lex, PyObject *text) {
    if (lex->credit_match == NULL)
        return found_by(PyTuple_GET_ITEM(lex->tests, N_ARG_LISTS + 5), text, 0);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t at = 0; at < len; at++) {
        if (!lex_hits(lex, text, at, at + 1, 1 << L_CREDIT_START))
            continue;
        PyObject *pos = PyLong_FromSsize_t(at);
        if (pos == NULL)
            return -1;
        PyObject *m = PyObject_CallFunctionObjArgs(lex->credit_match, text, pos, NULL);
        Py_DECREF(pos);
        if (m == NULL)
            return -1;
        int got = m != Py_None;
        Py_DECREF(m);
        if (got)
            return 1;
    }
    return 0;
}

/* the lists of ANY_LISTS one of whose words block j's folded text holds (one scan a block) */
static int page_any(Page *p, Py_ssize_t j) {
    if (p->any[j] < 0)
        p->any[j] = (signed char)lex_hits(p->lex, PyTuple_GET_ITEM(p->texts, j), 0,
                                          PY_SSIZE_T_MAX, ANY_LISTS);
    return p->any[j];
}

/* a clock time, \d[:.][0-5]\d (with ':' only where `colon_only`): what TIME_STAMP's weekday
 * alternative and YEARLESS need (\d: a decimal character, as re's) */
static int clock_time(PyObject *text, int colon_only) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t k = 1; k + 2 < len; k++) {
        Py_UCS4 sep = PyUnicode_READ(kind, data, k), tens = PyUnicode_READ(kind, data, k + 1);
        if ((sep == ':' || (sep == '.' && !colon_only)) && tens >= '0' && tens <= '5'
            && is_decimal(PyUnicode_READ(kind, data, k - 1))
            && is_decimal(PyUnicode_READ(kind, data, k + 2)))
            return 1;
    }
    return 0;
}

/* the truth of a cached bool (1 or 0), or -1 with the value unknown */
static inline int known(PyObject *v) { return v == Py_True ? 1 : v == Py_False ? 0 : -1; }

/* the counts of block j (counted once) */
static inline Counts page_counts(Page *p, Py_ssize_t j) {
    if (p->counts[j].words < 0)
        p->counts[j] = counts_of(PyTuple_GET_ITEM(p->texts, j));
    return p->counts[j];
}

/* blocks.dated(j): at most max_chars characters and headline.has_date */
static int page_dated(Page *p, Py_ssize_t j) {
    PyObject *v = slot(p->dates, j);
    if (v == NULL)
        return -1;
    if (known(v) >= 0)
        return known(v);
    PyObject *text = PyTuple_GET_ITEM(p->texts, j);
    int got = 0;
    if (PyUnicode_GET_LENGTH(text) <= p->max_chars && maybe_date(text))
        got = found_by(p->find_dates, text, 1);
    if (got < 0)
        return -1;
    store(p->dates, j, got ? Py_True : Py_False);
    return got;
}

/* blocks.not_headline(j): NOT_HEADLINE's three parts, each where its pre-test passes */
static int page_label(Page *p, Py_ssize_t j) {
    PyObject *v = slot(p->labels, j);
    if (v == NULL)
        return -1;
    if (known(v) >= 0)
        return known(v);
    PyObject *text = PyTuple_GET_ITEM(p->texts, j);
    int got = 0;
    if (folds_one_at(p->lex, text, 0, L_LABEL))
        got = found_by(p->label_match, text, 0);
    if (got == 0 && (page_any(p, j) & (1 << L_ANYWHERE)))
        got = found_by(p->anywhere_search, text, 0);
    if (got == 0
        && (holds_char(text, '>') || holds_char(text, 0xbb) || holds_char(text, 0x203a)
            || holds_char(text, '/')))
        got = found_by(p->trail_match, text, 0);
    if (got < 0)
        return -1;
    store(p->labels, j, got ? Py_True : Py_False);
    return got;
}

/* blocks._headed(j, n): no byline, author label, credit, label, nor a short dated line */
static int page_headed(Page *p, Py_ssize_t j, Py_ssize_t n) {
    PyObject *text = PyTuple_GET_ITEM(p->texts, j);
    Py_ssize_t from = past_spaces(text);
    int got = 0;
    if (folds_one_at(p->lex, text, from, L_BYLINE))
        got = found_by(p->byline_match, text, 0);
    if (got == 0 && (holds_char(text, ':') || holds_char(text, 0xff1a))
        && folds_one_at(p->lex, text, from, L_AUTHOR))
        got = found_by(p->author_match, text, 0);
    if (got == 0 && (page_any(p, j) & (1 << L_CREDIT)))
        got = credit_scan(p->lex, text);
    if (got == 0)
        got = page_label(p, j);
    if (got == 0 && n < 12)
        got = page_dated(p, j);
    return got < 0 ? -1 : !got;
}

/* blocks.shape(j) (0.0 outside the page) into *x; -1 on error */
static int page_shape(Page *p, Py_ssize_t j, double *x) {
    *x = 0.0;
    if (j < 0 || j >= p->size)
        return 0;
    PyObject *v = slot(p->shapes, j);
    if (v == NULL)
        return -1;
    if (v != Py_None) {
        *x = PyFloat_AsDouble(v);
        return (*x == -1.0 && PyErr_Occurred()) ? -1 : 0;
    }
    /* blocks._score(j): the tests that need no pattern first, then blocks._headed */
    PyObject *text = PyTuple_GET_ITEM(p->texts, j);
    double got = 0.0;
    if (PyUnicode_GET_LENGTH(text) <= p->max_chars) {
        Py_ssize_t n = words_of(page_counts(p, j));
        if (3 <= n && n <= p->max_words) {
            got = shape_rest_of(text, n);
            if (got != 0.0) {
                int headed = page_headed(p, j, n);
                if (headed < 0)
                    return -1;
                if (!headed)
                    got = 0.0;
            }
        }
    }
    PyObject *f = PyFloat_FromDouble(got);
    if (f == NULL)
        return -1;
    store(p->shapes, j, f);
    Py_DECREF(f);
    *x = got;
    return 0;
}

/* dates.is_time_line is False for a text longer than this once stripped (its first test) */
#define TIME_LINE_MAX 30

/* len(text.strip()) (str.strip's spaces: Py_UNICODE_ISSPACE) */
static Py_ssize_t stripped_length(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t lo = 0, hi = PyUnicode_GET_LENGTH(text);
    while (lo < hi && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, lo)))
        lo++;
    while (hi > lo && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, hi - 1)))
        hi--;
    return hi - lo;
}

/* blocks.stamped(j): dated, or a short line that prints a time without a year (is_time_line
 * asked only of a text it does not refuse at once: at most TIME_LINE_MAX characters stripped) */
static int page_stamped(Page *p, Py_ssize_t j) {
    PyObject *v = slot(p->stamps, j);
    if (v == NULL)
        return -1;
    if (known(v) >= 0)
        return known(v);
    int got = page_dated(p, j);
    PyObject *text = PyTuple_GET_ITEM(p->texts, j);
    if (got == 0 && page_counts(p, j).words <= p->stamp_max_words && digit_or_ago(text)) {
        if ((page_any(p, j) & (1 << L_STAMP)) || clock_time(text, 0)) /* what TIME_STAMP needs */
            got = found_by(p->stamp_search, text, 0);
        if (got == 0 && clock_time(text, 1))
            got = found_by(p->yearless_search, text, 1); /* dates.yearless: a bool */
        if (got == 0 && stripped_length(text) <= TIME_LINE_MAX)
            got = found_by(p->is_time_line, text, 1);
    }
    if (got < 0)
        return -1;
    store(p->stamps, j, got ? Py_True : Py_False);
    return got;
}

/* The words of a text already added to a set: a repeated word (by its characters) is not made
 * and added again, which leaves the set as it was (the same first occurrences added in the same
 * order: the same set, its iteration order too). An open-addressing table of the words' places,
 * filled at most three quarters: past that, every word is added (the same set all the same). */
#define SEEN_STACK 256
#define SEEN_FROM 200 /* characters of a text from which its repeated words are looked for */
typedef struct {
    int32_t from, len; /* (len 0: an empty slot) */
    uint32_t hash;
    uint32_t bits; /* a word table's (Lede): which of its blocks hold the word (see body_table) */
} Seen;

typedef struct {
    Seen stack[SEEN_STACK];
    Seen *slots;
    Py_ssize_t mask, used, limit;
} SeenTable;

/* a table for a text of `len` characters (none for a short text, whose words seldom repeat, nor
 * where it cannot be made: every word added) */
static void seen_open(SeenTable *t, Py_ssize_t len) {
    Py_ssize_t cap = 64;
    while (cap < len / 4 && cap < ((Py_ssize_t)1 << 24)) /* most words take 4 characters or more */
        cap <<= 1;
    if (len < SEEN_FROM || len > INT32_MAX)
        t->slots = NULL;
    else
        t->slots = cap <= SEEN_STACK ? t->stack : PyMem_Malloc(sizeof(Seen) * (size_t)cap);
    t->mask = t->slots ? cap - 1 : -1;
    t->used = 0;
    t->limit = t->slots ? cap / 4 * 3 : 0;
    if (t->slots)
        for (Py_ssize_t k = 0; k < cap; k++)
            t->slots[k].len = 0;
}

static void seen_close(SeenTable *t) {
    if (t->slots != t->stack)
        PyMem_Free(t->slots);
    t->slots = NULL;
}

/* the same word as the one at `from` (both `len` long): ASCII compared case-folded, lower-cased
 * UCS4 as it is */
static inline int same_ascii(const void *text, Py_ssize_t at, Py_ssize_t from, Py_ssize_t len) {
    const Py_UCS1 *c = (const Py_UCS1 *)text;
    Py_ssize_t q = 0;
    while (q < len && Py_TOLOWER(c[at + q]) == Py_TOLOWER(c[from + q]))
        q++;
    return q == len;
}

static inline int same_wide(const void *text, Py_ssize_t at, Py_ssize_t from, Py_ssize_t len) {
    const Py_UCS4 *low = (const Py_UCS4 *)text;
    return memcmp(low + at, low + from, sizeof(Py_UCS4) * (size_t)len) == 0;
}

/* whether the word text[from:from+len] of hash `h` was seen before (it is remembered now if
 * not); `same` compares two words of the text (inlined: each caller passes a constant) */
static inline int seen_word(SeenTable *t, const void *text, Py_ssize_t from, Py_ssize_t len,
                            uint32_t h,
                            int (*same)(const void *, Py_ssize_t, Py_ssize_t, Py_ssize_t)) {
    for (Py_ssize_t k = (Py_ssize_t)(h & (uint32_t)t->mask);; k = (k + 1) & t->mask) {
        Seen *e = &t->slots[k];
        if (e->len == 0) {
            e->from = (int32_t)from;
            e->len = (int32_t)len;
            e->hash = h;
            t->used++;
            return 0;
        }
        if (e->hash == h && e->len == len && same(text, e->from, from, len))
            return 1;
    }
}

/* whether the lower-cased word c[from:from+len] of an ASCII text was seen before */
static int seen_ascii(SeenTable *t, const Py_UCS1 *c, Py_ssize_t from, Py_ssize_t len) {
    if (t->used >= t->limit)
        return 0;
    uint32_t h = 2166136261u;
    for (Py_ssize_t q = 0; q < len; q++)
        h = (h ^ (uint32_t)Py_TOLOWER(c[from + q])) * 16777619u;
    return seen_word(t, c, from, len, h, same_ascii);
}

/* ... the word low[from:from+len] (lower-cased characters) */
static int seen_wide(SeenTable *t, const Py_UCS4 *low, Py_ssize_t from, Py_ssize_t len) {
    if (t->used >= t->limit)
        return 0;
    uint32_t h = 2166136261u;
    for (Py_ssize_t q = 0; q < len; q++)
        h = (h ^ (uint32_t)low[from + q]) * 16777619u;
    return seen_word(t, low, from, len, h, same_wide);
}

/* headline.tokens of an ASCII text: its runs of word characters (A-Z, a-z, 0-9, _), lower-cased
 * (each distinct one made and added once) */
static PyObject *ascii_tokens(PyObject *text, int frozen) {
    const Py_UCS1 *c = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), from = -1;
    PyObject *words = frozen ? PyFrozenSet_New(NULL) : PySet_New(NULL);
    if (words == NULL)
        return NULL;
    SeenTable seen;
    seen_open(&seen, len);
    for (Py_ssize_t k = 0; k <= len; k++) {
        int word = k < len && (Py_ISALNUM(c[k]) || c[k] == '_');
        if (word && from < 0)
            from = k;
        else if (!word && from >= 0) {
            if (seen_ascii(&seen, c, from, k - from)) {
                from = -1;
                continue;
            }
            PyObject *w = PyUnicode_New(k - from, 127);
            if (w == NULL) {
                seen_close(&seen);
                Py_DECREF(words);
                return NULL;
            }
            Py_UCS1 *to = PyUnicode_1BYTE_DATA(w);
            for (Py_ssize_t q = from; q < k; q++)
                to[q - from] = (Py_UCS1)Py_TOLOWER(c[q]);
            int added = PySet_Add(words, w);
            Py_DECREF(w);
            if (added < 0) {
                seen_close(&seen);
                Py_DECREF(words);
                return NULL;
            }
            from = -1;
        }
    }
    seen_close(&seen);
    return words;
}

/* the pairs of consecutive CJK characters of a text (headline._tokens' "wide" words) into
 * `words` */
static int add_wide_pairs(PyObject *words, PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    Py_UCS4 pair[2];
    int have = 0;
    for (Py_ssize_t k = 0; k < len; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        if (!is_wide(ch))
            continue;
        if (have) {
            pair[1] = ch;
            PyObject *w = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, pair, 2);
            if (w == NULL || PySet_Add(words, w) < 0) {
                Py_XDECREF(w);
                return -1;
            }
            Py_DECREF(w);
        }
        pair[0] = ch;
        have = 1;
    }
    return 0;
}

/* blocks.tokens(j), a new reference (made here, but for a text that str.lower() lowers by
 * context, and cached) */
static PyObject *page_tokens(Page *p, Py_ssize_t j) {
    if (!PyDict_CheckExact(p->tokens) || j < 0 || j >= p->size) {
        PyErr_SetString(PyExc_IndexError, "page_tokens: no such block");
        return NULL;
    }
    PyObject *key = PyLong_FromSsize_t(j);
    if (key == NULL)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(p->tokens, key);
    if (v != NULL || PyErr_Occurred()) {
        Py_DECREF(key);
        Py_XINCREF(v);
        return v;
    }
    PyObject *text = PyTuple_GET_ITEM(p->texts, j);
    if (PyUnicode_IS_ASCII(text))
        v = ascii_tokens(text, 0);
    else {
        v = lower_word_set(NULL, text);
        if (v == Py_None) { /* 'İ' or 'Σ': the Python tokens */
            Py_DECREF(v);
            Py_DECREF(key);
            return PyObject_CallFunction(p->tokens_of, "n", j);
        }
        if (v != NULL && page_counts(p, j).wide > 0 && add_wide_pairs(v, text) < 0)
            Py_CLEAR(v);
    }
    if (v == NULL || PyDict_SetItem(p->tokens, key, v) < 0) {
        Py_DECREF(key);
        Py_XDECREF(v);
        return NULL;
    }
    Py_DECREF(key);
    return v;
}

/* tests(words..., patterns...) -> the capsule that candidates() and rows() take: headline._TESTS,
 * six tuples of the pre-tests' words (LABEL_START's, ANYWHERE's, BYLINE's, AUTHOR_LABEL's,
 * CREDIT's, TIME_STAMP's) then LABEL_START.match, ANYWHERE.search, TRAIL.match, BYLINE.match,
 * AUTHOR_LABEL.match, CREDIT.search, TIME_STAMP.search, dates.yearless, dates.is_time_line
 * and dates.find_dates; the words indexed once */
static PyObject *tests(PyObject *self, PyObject *args) {
    PyObject *lists[N_LISTS], *calls[10], *credit_match = NULL;
    lists[L_CREDIT_START] = NULL;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!OOOOOOOOOO|O!O", &PyTuple_Type, &lists[0],
                          &PyTuple_Type, &lists[1], &PyTuple_Type, &lists[2], &PyTuple_Type,
                          &lists[3], &PyTuple_Type, &lists[4], &PyTuple_Type, &lists[5], &calls[0],
                          &calls[1], &calls[2], &calls[3], &calls[4], &calls[5], &calls[6],
                          &calls[7], &calls[8], &calls[9], &PyTuple_Type, &lists[L_CREDIT_START],
                          &credit_match))
        return NULL;
    if ((lists[L_CREDIT_START] != NULL) != (credit_match != NULL)) {
        PyErr_SetString(PyExc_TypeError, "tests: CREDIT's starts come with CREDIT.match");
        return NULL;
    }
    if (credit_match != NULL && !PyCallable_Check(credit_match)) {
        PyErr_SetString(PyExc_TypeError, "tests: CREDIT.match must be callable");
        return NULL;
    }
    for (int k = 0; k < 10; k++)
        if (!PyCallable_Check(calls[k])) {
            PyErr_SetString(PyExc_TypeError, "tests: the patterns' methods must be callable");
            return NULL;
        }
    Lexicon *lex = PyMem_Calloc(1, sizeof(Lexicon));
    if (lex == NULL)
        return PyErr_NoMemory();
    PyObject *no_starts = PyTuple_New(0);
    if (no_starts == NULL) {
        PyMem_Free(lex);
        return NULL;
    }
    if (lists[L_CREDIT_START] == NULL)
        lists[L_CREDIT_START] = no_starts;
    Py_INCREF(args);
    lex->tests = args;
    lex->credit_match = PyTuple_GET_SIZE(lists[L_CREDIT_START]) ? credit_match : NULL;
    int opened = lex_open(lex, lists);
    Py_DECREF(no_starts);
    if (opened < 0) {
        lex_close(lex);
        return NULL;
    }
    PyObject *capsule = PyCapsule_New(lex, LEXICON, lex_free);
    if (capsule == NULL)
        lex_close(lex);
    return capsule;
}

/* the page's caches from blocks (a headline._Blocks of `texts`, a tuple of str) and the tests
 * (headline._TESTS); 0, or -1 with an error (the caller releases p either way) */
static int page_open(Page *p, PyObject *blocks, PyObject *texts, PyObject *capsule) {
    p->texts = texts;
    p->size = PyTuple_GET_SIZE(texts);
    p->lex = PyCapsule_GetPointer(capsule, LEXICON);
    if (p->lex == NULL)
        return -1;
    PyObject *const *t = &PyTuple_GET_ITEM(p->lex->tests, N_ARG_LISTS);
    p->label_match = t[0];
    p->anywhere_search = t[1];
    p->trail_match = t[2];
    p->byline_match = t[3];
    p->author_match = t[4];
    p->credit_search = t[5];
    p->stamp_search = t[6];
    p->yearless_search = t[7];
    p->is_time_line = t[8];
    p->find_dates = t[9];
    /* the counts and the hits of ANY_LISTS, kept on blocks (blocks._native) from one call to
     * the next (candidates() then rows() look at the same blocks): a bytearray of the page's
     * size, made here the first time (or again where it is not one of the right size) */
    Py_ssize_t need = (Py_ssize_t)sizeof(Counts) * (p->size + 1) + p->size;
    PyObject *native = PyObject_GetAttrString(blocks, "_native");
    if (native == NULL)
        return -1;
    /* (its first Counts-sized cell names the lexicon whose hits it holds) */
    if (!PyByteArray_CheckExact(native) || PyByteArray_GET_SIZE(native) != need
        || ((Counts *)PyByteArray_AS_STRING(native))->words != (Py_ssize_t)(uintptr_t)p->lex) {
        Py_DECREF(native);
        native = PyByteArray_FromStringAndSize(NULL, need);
        if (native == NULL)
            return -1;
        char *buf = PyByteArray_AS_STRING(native);
        Counts *c = (Counts *)buf + 1;
        ((Counts *)buf)->words = (Py_ssize_t)(uintptr_t)p->lex;
        ((Counts *)buf)->wide = 0;
        for (Py_ssize_t j = 0; j < p->size; j++) {
            c[j].words = -1;
            c[j].wide = 0;
        }
        memset(buf + sizeof(Counts) * (size_t)(p->size + 1), -1, (size_t)p->size);
        if (PyObject_SetAttrString(blocks, "_native", native) < 0) {
            Py_DECREF(native);
            return -1;
        }
    }
    int got = PyObject_GetBuffer(native, &p->native, PyBUF_WRITABLE);
    Py_DECREF(native); /* (the buffer holds it) */
    if (got < 0)
        return -1;
    p->held = 1;
    p->counts = (Counts *)p->native.buf + 1;
    p->any = (signed char *)p->native.buf + sizeof(Counts) * (size_t)(p->size + 1);
    for (Py_ssize_t j = 0; j < p->size; j++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(texts, j))) {
            PyErr_SetString(PyExc_TypeError, "the texts must be str");
            return -1;
        }
    if (!(p->shapes = PyObject_GetAttrString(blocks, "_shapes"))
        || !(p->stamps = PyObject_GetAttrString(blocks, "_stamps"))
        || !(p->dates = PyObject_GetAttrString(blocks, "_dates"))
        || !(p->labels = PyObject_GetAttrString(blocks, "_labels"))
        || !(p->tokens = PyObject_GetAttrString(blocks, "_tokens"))
        || !(p->tokens_of = PyObject_GetAttrString(blocks, "tokens")))
        return -1;
    PyObject *caches[] = {p->shapes, p->stamps, p->dates, p->labels};
    for (int c = 0; c < 4; c++)
        if (!PyList_CheckExact(caches[c]) || PyList_GET_SIZE(caches[c]) != p->size) {
            PyErr_SetString(PyExc_TypeError, "the block caches must be lists of the page's size");
            return -1;
        }
    if (!PyDict_CheckExact(p->tokens)) {
        PyErr_SetString(PyExc_TypeError, "the token cache must be a dict");
        return -1;
    }
    return 0;
}

static void page_close(Page *p) {
    p->any = NULL;
    p->counts = NULL;
    if (p->held)
        PyBuffer_Release(&p->native);
    p->held = 0;
    Py_CLEAR(p->shapes);
    Py_CLEAR(p->stamps);
    Py_CLEAR(p->dates);
    Py_CLEAR(p->labels);
    Py_CLEAR(p->tokens);
    Py_CLEAR(p->tokens_of);
}

/* len(a & b); -1 on error */
static Py_ssize_t common(PyObject *a, PyObject *b) {
    if (!PyAnySet_CheckExact(a) || !PyAnySet_CheckExact(b)) {
        PyObject *both = PyNumber_And(a, b);
        if (both == NULL)
            return -1;
        Py_ssize_t n = PyObject_Size(both);
        Py_DECREF(both);
        return n;
    }
    if (PySet_GET_SIZE(a) > PySet_GET_SIZE(b)) {
        PyObject *t = a;
        a = b;
        b = t;
    }
    Py_ssize_t pos = 0, n = 0;
    PyObject *key;
    Py_hash_t hash;
    while (_PySet_NextEntry(a, &pos, &key, &hash)) {
        Py_INCREF(key);
        int in = PySet_Contains(b, key);
        Py_DECREF(key);
        if (in < 0)
            return -1;
        n += in;
    }
    return n;
}

static inline Py_UCS4 last_char(PyObject *text) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    return len ? PyUnicode_READ_CHAR(text, len - 1) : 0;
}

static int ends_sentence(PyObject *text) { /* text.endswith(headline.SENTENCE_ENDS) */
    if (PyUnicode_GET_LENGTH(text) == 0)
        return 0;
    Py_UCS4 c = last_char(text);
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0x2026 || c == '"'
           || c == 0x201d;
}

/* str.isupper() */
static int is_upper(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_IS_ASCII(text)) { /* (cased: A-Z and a-z, none titlecase) */
        const Py_UCS1 *c = data;
        int cased = 0;
        for (Py_ssize_t k = 0; k < len; k++) {
            if (c[k] >= 'a' && c[k] <= 'z')
                return 0;
            cased |= c[k] >= 'A' && c[k] <= 'Z';
        }
        return cased;
    }
    if (len == 1)
        return Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0)) != 0;
    int cased = 0;
    for (Py_ssize_t k = 0; k < len; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        if (Py_UNICODE_ISLOWER(ch) || Py_UNICODE_ISTITLE(ch))
            return 0;
        if (!cased && Py_UNICODE_ISUPPER(ch))
            cased = 1;
    }
    return cased;
}

/* headline._shape_rest(text, n): the headline shape score once the text passed the length,
 * byline, label and date tests */
static double shape_rest_of(PyObject *text, Py_ssize_t n) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), letters = 0, spaces = 0, stops = 0;
    if (PyUnicode_IS_ASCII(text)) { /* (the same counts: letters are A-Z and a-z there) */
        const Py_UCS1 *c = data;
        for (Py_ssize_t k = 0; k < len; k++) {
            Py_UCS1 ch = c[k];
            spaces += ch == ' ';
            stops += ch == '.' && k + 1 < len && c[k + 1] == ' ';
            letters += ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
        }
    }
    else
        for (Py_ssize_t k = 0; k < len; k++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, k);
            if (ch == ' ')
                spaces++;
            else if (ch == '.' && k + 1 < len && PyUnicode_READ(kind, data, k + 1) == ' ')
                stops++;
            /* not [\W\d_]: a word character (alphanumeric or _) that is no digit nor _ */
            if (ch != '_' && is_alnum(ch) && !is_decimal(ch))
                letters++;
        }
    if ((double)letters < 0.6 * (double)(len - spaces))
        return 0.0;
    double score = 1.0;
    Py_UCS4 last = last_char(text);
    if (len && (last == '.' || last == ':' || last == ';' || last == ',')
        && !(len >= 3 && last == '.' && PyUnicode_READ(kind, data, len - 2) == '.'
             && PyUnicode_READ(kind, data, len - 3) == '.'))
        score -= 0.5;
    if (stops >= 2)
        score -= 0.6;
    if (is_upper(text))
        score -= 0.3;
    if (5 <= n && n <= 20)
        score += 0.3;
    return 0.0 > score ? 0.0 : score;
}

static PyObject *shape_rest(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "Un", &text, &n))
        return NULL;
    return PyFloat_FromDouble(shape_rest_of(text, n));
}

typedef struct {
    double key;
    Py_ssize_t at;
} Keyed;

static int by_key(const void *a, const void *b) { /* ascending, ties in their order: stable */
    const Keyed *x = a, *y = b;
    if (x->key < y->key)
        return -1;
    if (x->key > y->key)
        return 1;
    return (x->at > y->at) - (x->at < y->at);
}

static int in_array(const Py_ssize_t *a, Py_ssize_t n, Py_ssize_t v) {
    for (Py_ssize_t k = 0; k < n; k++)
        if (a[k] == v)
            return 1;
    return 0;
}


/* Where the characters that the candidates are looked for by sit in the blocks' join ("\n".join(
 * texts), the whole text): whole.count(text) finds the occurrences of a candidate at the places
 * of one of its characters (its anchor: the one of its characters that is rarest in text by a
 * fixed guess, ANCHOR_RANK) instead of scanning the whole text, and without joining it (an
 * occurrence of a text without "\n" lies inside one block). Only the characters of the anchors'
 * buckets (their low bits) are indexed, in one pass over the page (eight characters at a time
 * skipped where none is marked), and then sorted by bucket (ascending in each; a marked bucket
 * is numbered, mark[b] - 1, so that only the marked ones are counted and sorted). The separators are not indexed: a text that holds "\n" (or is empty) is
 * counted in the join, made then. Which anchor is taken changes how fast, not what is counted. */
#define BUCKETS 1024
#define INDEX_MAX 0x3fffffff /* longer pages are counted in the join */
#define INDEX_FROM 4 /* candidates from which the index pays */

typedef struct {
    int32_t *start;     /* where each marked bucket's entries start in at and block (and end) */
    int32_t *at;        /* positions in the join of the anchors' buckets, by bucket, ascending */
    int32_t *block;     /* the block of each of them */
    Py_ssize_t *bstart; /* where each block starts in the join */
    PyObject *texts;    /* the blocks (a tuple of str) */
    PyObject *whole;    /* their join, once made */
    uint16_t mark[BUCKETS]; /* the anchors' buckets: each one's number + 1 (0: not marked) */
    Py_ssize_t marked;      /* how many are */
    Py_ssize_t size;        /* the join's length (where the index is made) */
} Index;

/* how common an ASCII character is in text, roughly (the space, then English letters by their
 * frequency "etaoinshrdlcumwfgypb", then '.' and ','; any other 2): the anchor is a character of
 * the least rank (a non-ASCII character ranks 1) */
static const unsigned char ANCHOR_RANK[128] = {
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    60, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 8, 2, 8, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 38, 21, 29, 31, 40, 25, 24, 33, 36, 2, 2, 30, 27, 35, 37,
    22, 2, 32, 34, 39, 28, 2, 26, 2, 23, 2, 2, 2, 2, 2, 2,
};

static inline unsigned anchor_rank(Py_UCS4 ch) { return ch < 128 ? ANCHOR_RANK[ch] : 1; }

/* the place of a text's anchor (-1 for a text the index does not count: empty or with "\n") */
static Py_ssize_t anchor_of(PyObject *text) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), pick = -1;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    unsigned best = 256;
    if (kind == PyUnicode_1BYTE_KIND) { /* (the same pick, the characters read as bytes) */
        const Py_UCS1 *c = data;
        for (Py_ssize_t q = 0; q < len; q++) {
            if (c[q] == '\n')
                return -1;
            unsigned r = anchor_rank(c[q]);
            if (r < best) {
                best = r;
                pick = q;
            }
        }
        return pick;
    }
    for (Py_ssize_t q = 0; q < len; q++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, q);
        if (ch == '\n')
            return -1;
        unsigned r = anchor_rank(ch);
        if (r < best) {
            best = r;
            pick = q;
        }
    }
    return pick;
}

/* the index of the characters in the buckets of ix->mark; 0 (no index where the page is too
 * long: ix->at stays NULL), or -1 with an error */
typedef struct {
    int32_t pos, block; /* a marked character's place in the join, and its block */
    uint16_t bucket;    /* the number of its bucket */
} Hit;

/* The marked places of a UCS1 or UCS2 text 32 characters at a time with AVX2, where the CPU has
 * it: each character's low byte (a UCS1 character's bucket is the character itself) is tested
 * against the low bytes of the marked buckets by the nibble lookup (its low four bits pick, in a
 * table of the 16 (one for the bytes below 128, one for those above), the set of high halves
 * marked with them, and its high four bits pick their bit in that set), and a UCS2 character
 * that passes is then looked up in the mark by its bucket. The places found are the hits,
 * ascending, as the one-by-one scan gives them: the index is the same whichever scan made it. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(NEWSDUMP_NO_AVX2)
#include <immintrin.h>
#define SCAN_AVX2 1

typedef struct {
    uint8_t low[16];  /* bit h: a marked bucket's low byte is (h << 4 | low) (h < 8) */
    uint8_t high[16]; /* bit h - 8: ... (h >= 8) */
} Nibbles;

static void nibbles_of(Nibbles *nb, const uint16_t *mark) {
    memset(nb, 0, sizeof(*nb));
    for (unsigned b0 = 0; b0 < BUCKETS; b0 += 4) { /* (four buckets at a time: few are marked) */
        uint64_t four;
        memcpy(&four, mark + b0, sizeof(four));
        if (four == 0)
            continue;
        for (unsigned b = b0; b < b0 + 4; b++)
            if (mark[b]) {
                unsigned v = b & 255;
                if (v < 128)
                    nb->low[v & 15] |= (uint8_t)(1u << (v >> 4));
                else
                    nb->high[v & 15] |= (uint8_t)(1u << ((v >> 4) - 8));
            }
    }
}

/* the hits of block j (data[0:len], of `kind` UCS1 or UCS2), which starts at `from` in the
 * join, appended to hits[m:] (room for len more is there) and counted in start[bucket + 1]:
 * the new m. Nothing is read past the text: a block of fewer than 32 characters is read from a
 * copy, and a longer one's last characters by its last 32 (no copy). */
__attribute__((target("avx2"))) static Py_ssize_t
scan_avx2(const void *data, int kind, Py_ssize_t len, const Nibbles *nb, const uint16_t *mark,
          Hit *hits, Py_ssize_t m, Py_ssize_t from, Py_ssize_t j, int32_t *start) {
    const __m256i low = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)nb->low));
    const __m256i high = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)nb->high));
    const __m256i bit = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64,
                                         -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32,
                                         64, -128);
    const __m256i four = _mm256_set1_epi8(0x0f), byte = _mm256_set1_epi16(0xff);
    const Py_UCS1 *c1 = data;
    const Py_UCS2 *c2 = data;
    union {
        uint8_t c1[32];
        uint16_t c2[32];
    } tail;
    const int short_block = len < 32;
    if (short_block) { /* in a copy (nothing read past the text), read once */
        memset(&tail, 0, sizeof(tail));
        memcpy(&tail, data, (size_t)kind * (size_t)len);
        c1 = tail.c1;
        c2 = tail.c2;
    }
    for (Py_ssize_t k0 = 0; k0 < len; k0 += 32) {
        __m256i x;
        /* the characters base .. base + 31: the next 32, or a long block's last 32 (those before
         * k0 masked out: read already), or a short block's copy (those past len masked out) */
        Py_ssize_t base = short_block || len - k0 >= 32 ? k0 : len - 32;
        uint32_t keep = short_block ? (1u << len) - 1 : 0xffffffffu << (k0 - base);
        if (kind == PyUnicode_1BYTE_KIND)
            x = _mm256_loadu_si256((const __m256i *)(c1 + base));
        else { /* the low bytes of 32 characters, in their order */
            __m256i a = _mm256_loadu_si256((const __m256i *)(c2 + base));
            __m256i b = _mm256_loadu_si256((const __m256i *)(c2 + base + 16));
            x = _mm256_packus_epi16(_mm256_and_si256(a, byte), _mm256_and_si256(b, byte));
            x = _mm256_permute4x64_epi64(x, 0xd8);
        }
        __m256i lo = _mm256_and_si256(x, four);
        __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), four);
        __m256i set = _mm256_blendv_epi8(_mm256_shuffle_epi8(low, lo),
                                         _mm256_shuffle_epi8(high, lo), x);
        __m256i got = _mm256_and_si256(set, _mm256_shuffle_epi8(bit, hi));
        uint32_t bits = ~(uint32_t)_mm256_movemask_epi8(
                            _mm256_cmpeq_epi8(got, _mm256_setzero_si256()))
                        & keep;
        while (bits) {
            Py_ssize_t k = base + __builtin_ctz(bits);
            bits &= bits - 1;
            unsigned b = kind == PyUnicode_1BYTE_KIND ? mark[c1[k]] : mark[c2[k] & (BUCKETS - 1)];
            if (!b)
                continue;
            hits[m].pos = (int32_t)(from + k);
            hits[m].block = (int32_t)j;
            hits[m++].bucket = (uint16_t)(b - 1);
            start[b]++;
        }
    }
    return m;
}
#endif

/* the index built (see Index); `plain`: by the one-by-one scan even where the CPU has AVX2; the
 * blocks shorter than `shortest` (the shortest text to be counted) left out */
static int index_build(Index *ix, PyObject *texts, int plain, Py_ssize_t shortest) {
    Py_ssize_t size = PyTuple_GET_SIZE(texts), n = 0, m = 0;
    for (Py_ssize_t j = 0; j < size; j++)
        n += PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(texts, j)) + (j > 0);
    if (n > INDEX_MAX)
        return 0; /* no index: counted in the join */
    Py_ssize_t marked = ix->marked;
    ix->size = n;
    int32_t *start = PyMem_Calloc((size_t)(2 * marked + 2), sizeof(int32_t));
    if (start == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    ix->start = start;
    /* the marked places, in a buffer that grows as they come (most characters are not marked) */
    Py_ssize_t cap = n / 16 + 64;
    Hit *hits = PyMem_Malloc(sizeof(Hit) * (size_t)cap);
    ix->bstart = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(size > 0 ? size : 1));
    if (hits == NULL || ix->bstart == NULL) {
        PyMem_Free(hits);
        PyErr_NoMemory();
        return -1;
    }
    const uint16_t *mark = ix->mark;
    Py_ssize_t from = 0;
#define MARK(q) mark[c[q] & (BUCKETS - 1)]
#define INDEX_HITS(T)                                                                              \
    do {                                                                                           \
        const T *c = data;                                                                         \
        for (Py_ssize_t k = 0, stop = 0; k < len; k++) {                                           \
            if (k == stop) { /* the next eight, skipped where none is marked */                    \
                stop = k + 8 < len ? k + 8 : len;                                                  \
                if (stop - k == 8                                                                  \
                    && !(MARK(k) | MARK(k + 1) | MARK(k + 2) | MARK(k + 3) | MARK(k + 4)          \
                         | MARK(k + 5) | MARK(k + 6) | MARK(k + 7))) {                             \
                    k = stop - 1;                                                                  \
                    continue;                                                                      \
                }                                                                                  \
            }                                                                                      \
            unsigned b = MARK(k);                                                                  \
            if (!b)                                                                                \
                continue;                                                                          \
            if (m == cap) {                                                                        \
                Py_ssize_t grown = cap < n / 2 ? cap * 2 : n; /* (m < n: a place is left) */     \
                Hit *more = PyMem_Realloc(hits, sizeof(Hit) * (size_t)grown);                      \
                if (more == NULL) {                                                                \
                    PyMem_Free(hits);                                                              \
                    PyErr_NoMemory();                                                              \
                    return -1;                                                                     \
                }                                                                                  \
                hits = more;                                                                       \
                cap = grown;                                                                       \
            }                                                                                      \
            hits[m].pos = (int32_t)(from + k);                                                     \
            hits[m].block = (int32_t)j;                                                            \
            hits[m++].bucket = (uint16_t)(b - 1);                                                  \
            start[b]++;                                                                            \
        }                                                                                          \
    } while (0)
#ifdef SCAN_AVX2
    Nibbles nb;
    __builtin_cpu_init();
    int wide_scan = !plain && __builtin_cpu_supports("avx2");
    if (wide_scan)
        nibbles_of(&nb, mark);
#else
    (void)plain;
#endif
    for (Py_ssize_t j = 0; j < size; j++) { /* the marked places, ascending */
        PyObject *text = PyTuple_GET_ITEM(texts, j);
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        ix->bstart[j] = from;
        if (len < shortest) { /* (no text counted fits in it: its hits are never looked at) */
            from += len + 1;
            continue;
        }
#ifdef SCAN_AVX2
        if (kind != PyUnicode_4BYTE_KIND && wide_scan) {
            if (cap - m < len) { /* room for every character (m + len <= n) */
                Py_ssize_t grown = cap * 2 > m + len ? cap * 2 : m + len;
                if (grown > n)
                    grown = n;
                Hit *more = PyMem_Realloc(hits, sizeof(Hit) * (size_t)grown);
                if (more == NULL) {
                    PyMem_Free(hits);
                    PyErr_NoMemory();
                    return -1;
                }
                hits = more;
                cap = grown;
            }
            m = scan_avx2(data, kind, len, &nb, mark, hits, m, from, j, start);
        }
        else
#endif
        if (kind == PyUnicode_1BYTE_KIND)
            INDEX_HITS(Py_UCS1);
        else if (kind == PyUnicode_2BYTE_KIND)
            INDEX_HITS(Py_UCS2);
        else
            INDEX_HITS(Py_UCS4);
        from += len + 1;
    }
#undef INDEX_HITS
#undef MARK
    ix->at = PyMem_Malloc(sizeof(int32_t) * (size_t)(m > 0 ? 2 * m : 1));
    if (ix->at == NULL) {
        PyMem_Free(hits);
        PyErr_NoMemory();
        return -1;
    }
    ix->block = ix->at + m;
    /* sorted by bucket (stable: ascending in each) */
    int32_t *fill = start + marked + 1;
    for (Py_ssize_t b = 0; b < marked; b++)
        start[b + 1] += start[b];
    memcpy(fill, start, sizeof(int32_t) * (size_t)marked);
    for (Py_ssize_t e = 0; e < m; e++) {
        Py_ssize_t to = fill[hits[e].bucket]++;
        ix->at[to] = hits[e].pos;
        ix->block[to] = hits[e].block;
    }
    PyMem_Free(hits);
    return 0;
}

/* whole.count(text): non-overlapping occurrences, leftmost first, as str.count counts them
 * (`pick`: the place of the text's anchor, whose bucket is indexed; -1 to count in the join);
 * and into *whole the blocks equal to text (texts.count(text)) where the index counted it (an
 * occurrence is a whole block just where the block is equal to text, and each such one is
 * counted: an occurrence lies inside one block), else -1 */
static Py_ssize_t index_count(Index *ix, PyObject *text, Py_ssize_t pick, Py_ssize_t *whole) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    unsigned id = 0; /* the number of the anchor's bucket + 1 */
    *whole = -1;
    if (ix->at != NULL && pick >= 0 && pick < len)
        id = ix->mark[PyUnicode_READ_CHAR(text, pick) & (BUCKETS - 1)];
    if (id == 0) {
        if (ix->whole == NULL) {
            PyObject *sep = PyUnicode_FromOrdinal('\n');
            if (sep == NULL)
                return -1;
            ix->whole = PyUnicode_Join(sep, ix->texts);
            Py_DECREF(sep);
            if (ix->whole == NULL)
                return -1;
        }
        return PyUnicode_Count(ix->whole, text, 0, PY_SSIZE_T_MAX);
    }
    int tkind = PyUnicode_KIND(text);
    const void *tdata = PyUnicode_DATA(text);
    Py_UCS4 anchor = PyUnicode_READ(tkind, tdata, pick);
    unsigned b = id - 1;
    Py_ssize_t found = 0, free_from = 0, j, same = 0;
    Py_ssize_t last = PyTuple_GET_SIZE(ix->texts) - 1;
    for (Py_ssize_t e = ix->start[b]; e < ix->start[b + 1]; e++) {
        Py_ssize_t pos = (Py_ssize_t)ix->at[e], at = pos - pick;
        if (at < free_from)
            continue;
        j = ix->block[e]; /* the block of pos */
        Py_ssize_t off = at - ix->bstart[j];
        /* the block's length, from where the next one starts (its str not read for it) */
        Py_ssize_t blen = (j < last ? ix->bstart[j + 1] - 1 : ix->size) - ix->bstart[j];
        if (off < 0 || off + len > blen)
            continue; /* it would hold a separator */
        PyObject *block = PyTuple_GET_ITEM(ix->texts, j);
        int bkind = PyUnicode_KIND(block);
        const void *bdata = PyUnicode_DATA(block);
        if (PyUnicode_READ(bkind, bdata, off + pick) != anchor)
            continue;
        int equal = 1;
        if (bkind == tkind)
            equal = memcmp((const char *)bdata + off * bkind, tdata, (size_t)(len * tkind)) == 0;
        else
            for (Py_ssize_t q = 0; q < len && equal; q++)
                equal = PyUnicode_READ(bkind, bdata, off + q) == PyUnicode_READ(tkind, tdata, q);
        if (equal) {
            found++;
            same += off == 0 && len == blen;
            free_from = at + len;
        }
    }
    *whole = same;
    return found;
}

#define TRY(var, expr)                                                                             \
    do {                                                                                           \
        int t_ = (expr);                                                                           \
        if (t_ < 0)                                                                                \
            goto done;                                                                             \
        var = t_;                                                                                  \
    } while (0)

#define LEDES 4    /* distinct starts of the lede remembered */
#define LEDE_MAX 8 /* blocks of a lede */
#define BODY_EXTRA 30 /* blocks of the ledes a body table indexes one by one (bits 1 to 30) */

/* The words of the body's first blocks below a candidate (headline._features' lede_after): the
 * tokens of blocks start .. start + lede_blocks - 1 (those on the page), and the pairs of CJK
 * characters that joining them puts side by side; a candidate's words are counted in them as
 * in their union. */
typedef struct {
    Py_ssize_t start, n;
    PyObject *sets[LEDE_MAX]; /* the blocks' tokens */
    PyObject *pairs;          /* a set of the joins' pairs, or NULL */
    /* or, where every block is lower-cased one character for one (no 'İ' nor 'Σ') and holds
     * no CJK character (whose pairs are tokens too): the blocks lower-cased (as lower_word_set
     * lowers them) into one buffer, a space between two, and a table of their words' places
     * (no str made for them; a word is looked up by its characters) */
    Py_UCS4 *low;
    Seen *slots; /* NULL: the sets */
    Py_ssize_t mask;
    uint32_t want; /* a word of the table is held where its bits meet these */
    int borrowed;  /* low and slots are another table's (a view of a body table's blocks) */
    /* a body table's (body_table): the blocks it indexes one by one, each with a bit of its own
     * (1 << (k + 1)), by their place and their str (held) */
    Py_ssize_t n_extra;
    Py_ssize_t extra_at[BODY_EXTRA];
    PyObject *extra_text[BODY_EXTRA];
} Lede;

static void lede_close(Lede *l) {
    for (Py_ssize_t k = 0; k < l->n; k++)
        Py_CLEAR(l->sets[k]);
    l->n = 0;
    Py_CLEAR(l->pairs);
    if (!l->borrowed) {
        PyMem_Free(l->low);
        PyMem_Free(l->slots);
    }
    l->borrowed = 0;
    l->low = NULL;
    l->slots = NULL;
    for (Py_ssize_t k = 0; k < l->n_extra; k++)
        Py_CLEAR(l->extra_text[k]);
    l->n_extra = 0;
}

static inline uint32_t word_hash(const Py_UCS4 *w, Py_ssize_t len) {
    uint32_t h = 2166136261u;
    for (Py_ssize_t q = 0; q < len; q++)
        h = (h ^ (uint32_t)w[q]) * 16777619u;
    return h;
}

/* the table (slots, *cap) doubled: 0, or -1 on error */
static int table_grow(Seen **slots, Py_ssize_t *cap) {
    Py_ssize_t grown = *cap * 2, gmask = grown - 1;
    Seen *more = PyMem_Calloc((size_t)grown, sizeof(Seen));
    if (more == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < *cap; k++) {
        const Seen *e = &(*slots)[k];
        if (e->len == 0)
            continue;
        Py_ssize_t q = (Py_ssize_t)(e->hash & (uint32_t)gmask);
        while (more[q].len != 0)
            q = (q + 1) & gmask;
        more[q] = *e;
    }
    PyMem_Free(*slots);
    *slots = more;
    *cap = grown;
    return 0;
}

/* the word low[from:from+len] of hash h into the table (slots, *cap), unless it is there (its
 * bits then joined to those it has); the table doubled where it would be fuller than three
 * quarters: 0, or -1 on error */
static inline int table_add(Seen **slots, Py_ssize_t *cap, Py_ssize_t *used, const Py_UCS4 *low,
                            Py_ssize_t from, Py_ssize_t len, uint32_t h, uint32_t bits) {
    Py_ssize_t mask = *cap - 1;
    for (Py_ssize_t q = (Py_ssize_t)(h & (uint32_t)mask);; q = (q + 1) & mask) {
        Seen *e = &(*slots)[q];
        if (e->len == 0) {
            e->from = (int32_t)from;
            e->len = (int32_t)len;
            e->hash = h;
            e->bits = bits;
            break;
        }
        if (e->hash == h && e->len == len && same_wide(low, e->from, from, len)) {
            e->bits |= bits;
            return 0;
        }
    }
    if (++*used * 4 <= *cap * 3)
        return 0;
    return table_grow(slots, cap);
}

/* one lower-cased character `ch` of a block, written at low[at]: a word character (`word`)
 * extends the word that starts at *from (or starts one there), another ends that word into the
 * table (slots, *cap, *used): 0, or -1 on error */
static inline int word_step(int word, Py_UCS4 ch, Py_ssize_t at, Py_ssize_t *from, uint32_t *h,
                            Seen **slots, Py_ssize_t *cap, Py_ssize_t *used, const Py_UCS4 *low,
                            uint32_t bits) {
    if (word) {
        if (*from < 0) {
            *from = at;
            *h = 2166136261u;
        }
        *h = (*h ^ (uint32_t)ch) * 16777619u;
        return 0;
    }
    if (*from < 0)
        return 0;
    Py_ssize_t start = *from;
    *from = -1;
    return table_add(slots, cap, used, low, start, at - start, *h, bits);
}

/* an ASCII character lower-cased where it is a word character (A-Z, a-z, 0-9, _), else 0 */
static const unsigned char ASCII_WORD_LOW[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
    0, 0, 0, 0, 0, 0, 0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, '_', 0, 'a', 'b', 'c', 'd',
    'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
    'x', 'y', 'z', 0, 0, 0, 0, 0,
};

/* the words of one block (a str, of no 'İ', 'Σ' nor CJK character where not ASCII) into the
 * table (slots, *cap, *used), its characters lower-cased into low from *at_io on (and a space
 * after them; *at_io moved past it): 0, or -1 on error */
static inline int block_fill(PyObject *text, Py_UCS4 *low, Py_ssize_t *at_io, Seen **slots,
                             Py_ssize_t *cap, Py_ssize_t *used, uint32_t bits) {
    Py_ssize_t at = *at_io;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), from = -1;
    uint32_t h = 0;
    if (PyUnicode_IS_ASCII(text)) { /* (the same, without the other kinds' tests: a run of
                                     * other characters copied, then a word lowered and hashed
                                     * in one tight loop, and added; the same words in the same
                                     * order, the same hashes) */
        const Py_UCS1 *c = data;
        Py_ssize_t k = 0;
        for (;;) {
            while (k < len && ASCII_WORD_LOW[c[k]] == 0)
                low[at++] = c[k++];
            if (k == len)
                break;
            Py_ssize_t start = at;
            h = 2166136261u;
            for (; k < len && ASCII_WORD_LOW[c[k]] != 0; k++) {
                Py_UCS1 lo = ASCII_WORD_LOW[c[k]];
                low[at++] = lo;
                h = (h ^ (uint32_t)lo) * 16777619u;
            }
            if (table_add(slots, cap, used, low, start, at - start, h, bits) < 0)
                return -1;
        }
        low[at++] = ' ';
        *at_io = at;
        return 0;
    }
    for (Py_ssize_t k = 0; k <= len; k++, at++) {
        Py_UCS4 ch = ' '; /* (after the block) */
        int word = 0;
        if (k < len) {
            if (kind == PyUnicode_1BYTE_KIND) {
                Py_UCS1 c = ((const Py_UCS1 *)data)[k];
                if (c < 128) {
                    ch = (Py_UCS4)Py_TOLOWER(c);
                    word = Py_ISALNUM(c) || c == '_';
                }
                else {
                    ch = lower_alone(c);
                    word = is_alnum(ch);
                }
            }
            else {
                ch = lower_alone(PyUnicode_READ(kind, data, k));
                word = ch == '_' || is_alnum(ch);
            }
        }
        low[at] = ch;
        if (word_step(word, ch, at, &from, &h, slots, cap, used, low, bits) < 0)
            return -1;
    }
    *at_io = at;
    return 0;
}

/* the table of the words of the n blocks (str) into l (see Lede), their characters `total`
 * (each block's length + 1) in all, in one pass (each word hashed as word_hash hashes it), a
 * word of block b marked with bits[b] (with 1 where bits is NULL): 0, or -1 on error */
static int table_fill(Lede *l, PyObject *const *blocks, const uint32_t *bits, Py_ssize_t n,
                      Py_ssize_t total) {
    Py_UCS4 *low = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(total > 0 ? total : 1));
    Py_ssize_t cap = 64, used = 0; /* (room for the words of most texts: seldom grown) */
    while (cap < total / 3 && cap < ((Py_ssize_t)1 << 20))
        cap <<= 1;
    Seen *slots = PyMem_Calloc((size_t)cap, sizeof(Seen));
    if (low == NULL || slots == NULL) {
        PyMem_Free(low);
        PyMem_Free(slots);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t at = 0;
    for (Py_ssize_t b = 0; b < n; b++)
        if (block_fill(blocks[b], low, &at, &slots, &cap, &used, bits != NULL ? bits[b] : 1) < 0)
            goto fail;
    l->low = low;
    l->slots = slots;
    l->mask = cap - 1;
    l->want = 1;
    return 0;
fail:
    PyMem_Free(low);
    PyMem_Free(slots);
    return -1;
}

/* lede_open's table of the words of blocks start .. end - 1 (see Lede): 1 made, 0 where a
 * block does not allow it (the sets then), -1 on error */
static int lede_words(Page *p, Lede *l, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t total = 0;
    PyObject *blocks[LEDE_MAX];
    if (end - start > LEDE_MAX)
        return 0;
    for (Py_ssize_t j = start; j < end; j++) {
        PyObject *text = PyTuple_GET_ITEM(p->texts, j);
        if (!PyUnicode_IS_ASCII(text)) {
            int context = holds_context_lower(text);
            if (context != 0)
                return context < 0 ? -1 : 0;
            if (page_counts(p, j).wide > 0)
                return 0;
        }
        total += PyUnicode_GET_LENGTH(text) + 1;
        blocks[j - start] = text;
    }
    if (total > INT32_MAX)
        return 0;
    return table_fill(l, blocks, NULL, end - start, total) < 0 ? -1 : 1;
}

/* whether the str `word` is one of the words of lede_words' table */
static int lede_holds(const Lede *l, PyObject *word) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(word);
    if (len == 0 || len > INT32_MAX)
        return 0; /* (the table holds no empty word) */
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    uint32_t h = 2166136261u;
    for (Py_ssize_t q = 0; q < len; q++)
        h = (h ^ (uint32_t)PyUnicode_READ(kind, data, q)) * 16777619u;
    for (Py_ssize_t q = (Py_ssize_t)(h & (uint32_t)l->mask);; q = (q + 1) & l->mask) {
        const Seen *e = &l->slots[q];
        if (e->len == 0)
            return 0;
        if (e->hash == h && e->len == len) {
            Py_ssize_t c = 0;
            while (c < len && l->low[e->from + c] == PyUnicode_READ(kind, data, c))
                c++;
            if (c == len)
                return (e->bits & l->want) != 0; /* (the one entry of these characters) */
        }
    }
}

/* the first (last: at_end) CJK character of a text, 0 without one */
static Py_UCS4 wide_end(PyObject *text, int at_end) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t q = 0; q < len; q++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(text, at_end ? len - 1 - q : q);
        if (is_wide(ch))
            return ch;
    }
    return 0;
}

static int lede_open(Page *p, Lede *l, Py_ssize_t start, Py_ssize_t blocks) {
    l->start = start;
    l->n = 0;
    l->pairs = NULL;
    l->low = NULL;
    l->slots = NULL;
    l->borrowed = 0;
    l->n_extra = 0;
    Py_ssize_t end = start + blocks < p->size ? start + blocks : p->size;
    int made = start < end ? lede_words(p, l, start, end) : 0;
    if (made != 0)
        return made < 0 ? -1 : 0;
    Py_UCS4 last = 0;
    for (Py_ssize_t j = start; j < p->size && j < start + blocks; j++) {
        PyObject *words = page_tokens(p, j);
        if (words == NULL)
            return -1;
        l->sets[l->n++] = words;
        PyObject *text = PyTuple_GET_ITEM(p->texts, j);
        if (PyUnicode_IS_ASCII(text) || page_counts(p, j).wide == 0)
            continue;
        if (last) { /* joined_tokens: the last CJK character of one and the first of the next */
            Py_UCS4 pair[2] = {last, wide_end(text, 0)};
            PyObject *w = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, pair, 2);
            if (w == NULL)
                return -1;
            if (l->pairs == NULL && (l->pairs = PySet_New(NULL)) == NULL) {
                Py_DECREF(w);
                return -1;
            }
            int added = PySet_Add(l->pairs, w);
            Py_DECREF(w);
            if (added < 0)
                return -1;
        }
        last = wide_end(text, 1);
    }
    return 0;
}

/* len(words & lede's union); -1 on error */
static Py_ssize_t lede_common(const Lede *l, PyObject *words) {
    if (!PyAnySet_Check(words)) {
        PyErr_SetString(PyExc_TypeError, "rows: tokens must be a set");
        return -1;
    }
    Py_ssize_t pos = 0, n = 0;
    PyObject *key;
    Py_hash_t hash;
    if (l->slots != NULL) { /* the table: a str is looked up by its characters (no other key
                             * equals a lede's word, a str) */
        while (_PySet_NextEntry(words, &pos, &key, &hash))
            n += PyUnicode_Check(key) && lede_holds(l, key);
        return n;
    }
    while (_PySet_NextEntry(words, &pos, &key, &hash)) {
        int in = 0;
        Py_INCREF(key);
        for (Py_ssize_t k = 0; k <= l->n && !in; k++) {
            PyObject *set = k < l->n ? l->sets[k] : l->pairs;
            if (set != NULL)
                in = PySet_Contains(set, key);
        }
        Py_DECREF(key);
        if (in < 0)
            return -1;
        n += in;
    }
    return n;
}

/* The words of the body's sample (headline.context's body words, tokens(" ".join(texts[i] for i
 * in sample))) as a table (a Lede's, in a capsule): no str made for them; a candidate's words
 * are counted in it as in the frozenset (body_common, and rows' body_share) */
#define BODY "newsdump._headline.Body"

static void body_free(PyObject *capsule) {
    Lede *l = PyCapsule_GetPointer(capsule, BODY);
    if (l != NULL) {
        lede_close(l);
        PyMem_Free(l);
    }
}

/* whether a block's words can go into a word table (see Lede): ASCII, or without 'İ', 'Σ' nor a
 * CJK character; -1 on error */
static int table_allows(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_1BYTE_KIND) /* (every character below 256: none of them) */
        return 1;
    int context = holds_context_lower(text);
    if (context != 0)
        return context < 0 ? -1 : 0;
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *c = PyUnicode_2BYTE_DATA(text);
        for (Py_ssize_t k = 0; k < len; k++)
            if (c[k] >= 0x3040 && is_wide(c[k]))
                return 0;
        return 1;
    }
    const Py_UCS4 *c = PyUnicode_4BYTE_DATA(text);
    for (Py_ssize_t k = 0; k < len; k++)
        if (is_wide(c[k]))
            return 0;
    return 1;
}

/* body_table(texts, sample, heads=(), lede_blocks=0) -> the table of the words of the blocks
 * texts[i] for i in sample, joined by spaces (a capsule), or None where a block does not allow
 * one ('İ', 'Σ' or a CJK character: the caller makes the frozenset). The same table also holds,
 * each block with a bit of its own (at most BODY_EXTRA of them, those that allow it), the words
 * of the blocks of the ledes that rows() takes for the candidates: lede_blocks blocks from
 * heads[0] (the first body block, the lede of every candidate above it) and from heads[k] + 1
 * (a candidate among the first body blocks): each block's words are read once for the body and
 * every lede, and rows() counts a candidate's words in both with one look-up. */
static PyObject *body_table(PyObject *self, PyObject *args) {
    PyObject *texts_in, *sample_in, *heads_in = NULL;
    Py_ssize_t lede_blocks = 0;
    if (!PyArg_ParseTuple(args, "OO|On", &texts_in, &sample_in, &heads_in, &lede_blocks))
        return NULL;
    PyObject *texts = PySequence_Fast(texts_in, "body_table: texts must be a sequence");
    if (texts == NULL)
        return NULL;
    PyObject *sample = PySequence_Fast(sample_in, "body_table: sample must be a sequence");
    PyObject *heads = NULL, *result = NULL, **blocks = NULL;
    uint32_t *bits = NULL;
    Py_ssize_t *at = NULL;
    Lede *l = NULL;
    if (sample == NULL)
        goto done;
    if (heads_in != NULL
        && !(heads = PySequence_Fast(heads_in, "body_table: heads must be a sequence")))
        goto done;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(sample), size = PySequence_Fast_GET_SIZE(texts);
    Py_ssize_t room = n + BODY_EXTRA + 1;
    blocks = PyMem_Malloc(sizeof(PyObject *) * (size_t)room);
    bits = PyMem_Malloc(sizeof(uint32_t) * (size_t)room);
    at = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)room);
    l = PyMem_Calloc(1, sizeof(Lede));
    if (blocks == NULL || bits == NULL || at == NULL || l == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    l->start = -1;
    Py_ssize_t total = 0;
    for (Py_ssize_t q = 0; q < n; q++) {
        Py_ssize_t j = PyNumber_AsSsize_t(PySequence_Fast_GET_ITEM(sample, q), PyExc_IndexError);
        if (j == -1 && PyErr_Occurred())
            goto done;
        if (j < 0)
            j += size;
        if (j < 0 || j >= size) {
            PyErr_SetString(PyExc_IndexError, "body_table: a sample block is off the page");
            goto done;
        }
        PyObject *text = PySequence_Fast_GET_ITEM(texts, j);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "body_table: a text is not a str");
            goto done;
        }
        int allows = table_allows(text);
        if (allows < 0)
            goto done;
        if (!allows) {
            Py_INCREF(Py_None);
            result = Py_None;
            goto done;
        }
        total += PyUnicode_GET_LENGTH(text) + 1;
        blocks[q] = text;
        bits[q] = 1;
        at[q] = j;
    }
    /* the ledes' blocks, each once (a block of the sample too gets its bit there) */
    Py_ssize_t n_heads = heads != NULL ? PySequence_Fast_GET_SIZE(heads) : 0, filled = n;
    if (n_heads > BODY_EXTRA) /* (bounded work: at most BODY_EXTRA ledes of LEDE_MAX blocks) */
        n_heads = BODY_EXTRA;
    if (lede_blocks > LEDE_MAX) /* (rows() refuses longer ledes) */
        lede_blocks = 0;
    for (Py_ssize_t h = 0; h < n_heads && lede_blocks > 0 && l->n_extra < BODY_EXTRA; h++) {
        Py_ssize_t head = PyNumber_AsSsize_t(PySequence_Fast_GET_ITEM(heads, h), PyExc_IndexError);
        if (head == -1 && PyErr_Occurred())
            goto done;
        Py_ssize_t from = h == 0 ? head : head + 1; /* (heads[0]: the first body block) */
        if (from < 0 || from >= size)
            continue;
        for (Py_ssize_t j = from; j < size && j - from < lede_blocks; j++) {
            if (l->n_extra >= BODY_EXTRA)
                break; /* (no bit left: the ledes of the others are counted in their own) */
            int known = 0;
            for (Py_ssize_t k = 0; k < l->n_extra && !known; k++)
                known = l->extra_at[k] == j;
            if (known)
                continue;
            PyObject *text = PySequence_Fast_GET_ITEM(texts, j);
            if (!PyUnicode_Check(text)) {
                PyErr_SetString(PyExc_TypeError, "body_table: a text is not a str");
                goto done;
            }
            int allows = table_allows(text);
            if (allows < 0)
                goto done;
            if (!allows)
                continue; /* (a lede of it is counted in its sets) */
            uint32_t bit = (uint32_t)1 << (l->n_extra + 1);
            Py_INCREF(text);
            l->extra_at[l->n_extra] = j;
            l->extra_text[l->n_extra++] = text;
            int sampled = 0;
            for (Py_ssize_t q = 0; q < n; q++)
                if (at[q] == j) {
                    bits[q] |= bit;
                    sampled = 1;
                }
            if (!sampled) {
                total += PyUnicode_GET_LENGTH(text) + 1;
                blocks[filled] = text;
                bits[filled++] = bit;
            }
        }
    }
    if (total > INT32_MAX) {
        Py_INCREF(Py_None);
        result = Py_None;
        goto done;
    }
    if (table_fill(l, blocks, bits, filled, total) < 0)
        goto done;
    result = PyCapsule_New(l, BODY, body_free);
    if (result != NULL)
        l = NULL; /* the capsule's */
done:
    if (l != NULL) {
        lede_close(l);
        PyMem_Free(l);
    }
    PyMem_Free(blocks);
    PyMem_Free(bits);
    PyMem_Free(at);
    Py_XDECREF(heads);
    Py_XDECREF(sample);
    Py_DECREF(texts);
    return result;
}

/* body_common(table, words) -> len(words & the body words) (words: a set of str) */
static PyObject *body_common(PyObject *self, PyObject *args) {
    PyObject *capsule, *words;
    if (!PyArg_ParseTuple(args, "OO", &capsule, &words))
        return NULL;
    const Lede *l = PyCapsule_GetPointer(capsule, BODY);
    if (l == NULL)
        return NULL;
    Py_ssize_t n = lede_common(l, words);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

/* whether the word w[0:len] (lower-cased characters, of hash h as word_hash hashes it) is one
 * of the words of the table l (a Lede's low and slots) */
static inline uint32_t table_bits(const Lede *l, const Py_UCS4 *w, Py_ssize_t len, uint32_t h) {
    for (Py_ssize_t q = (Py_ssize_t)(h & (uint32_t)l->mask);; q = (q + 1) & l->mask) {
        const Seen *e = &l->slots[q];
        if (e->len == 0)
            return 0;
        if (e->hash == h && e->len == len
            && memcmp(l->low + e->from, w, sizeof(Py_UCS4) * (size_t)len) == 0)
            return e->bits; /* (the one entry of these characters) */
    }
}

static inline int table_has(const Lede *l, const Py_UCS4 *w, Py_ssize_t len, uint32_t h) {
    return (table_bits(l, w, len, h) & l->want) != 0;
}

/* The page <title>'s words (rows' `page`, a set of str) as a table of their characters (see
 * Lede): a candidate's word found in it by its characters is one equal to a str of the set.
 * 1 made, 0 where `page` is no exact set of exact str (or too long: the set asked then), -1 on
 * error */
static int page_table(Lede *l, PyObject *page) {
    if (!PyAnySet_CheckExact(page))
        return 0;
    Py_ssize_t pos = 0, total = 0;
    PyObject *key;
    Py_hash_t hash;
    while (_PySet_NextEntry(page, &pos, &key, &hash)) {
        if (!PyUnicode_CheckExact(key))
            return 0;
        total += PyUnicode_GET_LENGTH(key) + 1;
        if (total > INT32_MAX)
            return 0;
    }
    Py_UCS4 *low = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(total > 0 ? total : 1));
    Py_ssize_t cap = 16, used = 0;
    while (cap < total && cap < ((Py_ssize_t)1 << 24))
        cap <<= 1;
    Seen *slots = PyMem_Calloc((size_t)cap, sizeof(Seen));
    if (low == NULL || slots == NULL) {
        PyMem_Free(low);
        PyMem_Free(slots);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t at = 0;
    pos = 0;
    while (_PySet_NextEntry(page, &pos, &key, &hash)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(key);
        if (len == 0) /* (no candidate's word is empty) */
            continue;
        int kind = PyUnicode_KIND(key);
        const void *data = PyUnicode_DATA(key);
        for (Py_ssize_t q = 0; q < len; q++)
            low[at + q] = PyUnicode_READ(kind, data, q);
        if (table_add(&slots, &cap, &used, low, at, len, word_hash(low + at, len), 1) < 0) {
            PyMem_Free(low);
            PyMem_Free(slots);
            return -1;
        }
        at += len + 1;
    }
    l->low = low;
    l->slots = slots;
    l->mask = cap - 1;
    l->want = 1;
    return 1;
}

/* A candidate's words (blocks.tokens(i)) counted on C tables, no str made: the block of at
 * most CAND_CHARS characters lower-cased into a buffer of the stack and its distinct words into
 * a table twice as large as its characters at least (never grown: a word takes two of them),
 * each then looked up by its characters in the body's, the lede's and the page title's tables */
#define CAND_CHARS 500
#define CAND_SLOTS 512 /* a power of two >= CAND_CHARS + 1 */

typedef struct {
    Py_ssize_t words, body, lede, page;
} Shared;

/* the counts of `text` (an exact str of at most CAND_CHARS characters, ASCII or with neither 'İ',
 * 'Σ' nor a CJK character): its distinct words, and how many of them each table holds (lede
 * NULL: none; page NULL: not counted): 0, or -1 on error */
static int cand_shared(PyObject *text, const Lede *body, const Lede *lede, const Lede *page,
                       Shared *out) {
    Py_UCS4 low[CAND_CHARS + 1];
    Seen stack[CAND_SLOTS];
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), cap = 16, used = 0, at = 0;
    while (cap < len + 1)
        cap <<= 1;
    memset(stack, 0, sizeof(Seen) * (size_t)cap);
    Seen *slots = stack;
    if (block_fill(text, low, &at, &slots, &cap, &used, 1) < 0)
        return -1;
    out->words = out->body = out->lede = out->page = 0;
    /* a lede that is a view of the body's table: one look-up for both */
    int shared = lede != NULL && lede->slots == body->slots;
    for (Py_ssize_t q = 0; q < cap; q++) {
        const Seen *e = &stack[q];
        if (e->len == 0)
            continue;
        const Py_UCS4 *w = low + e->from;
        out->words++;
        if (shared) {
            uint32_t bits = table_bits(body, w, e->len, e->hash);
            out->body += (bits & body->want) != 0;
            out->lede += (bits & lede->want) != 0;
        }
        else {
            out->body += table_has(body, w, e->len, e->hash);
            if (lede != NULL)
                out->lede += table_has(lede, w, e->len, e->hash);
        }
        if (page != NULL)
            out->page += table_has(page, w, e->len, e->hash);
    }
    return 0;
}

/* the bits of the body table's blocks start .. start + blocks - 1 (those of the page), where
 * it indexes each of them (the same str at the same place) and they are at least one; else 0 */
static uint32_t lede_bits(const Lede *body, PyObject *texts, Py_ssize_t start, Py_ssize_t blocks) {
    Py_ssize_t size = PyTuple_GET_SIZE(texts);
    uint32_t want = 0;
    if (start < 0 || start >= size || body->slots == NULL)
        return 0;
    for (Py_ssize_t j = start; j < size && j - start < blocks; j++) {
        uint32_t bit = 0;
        for (Py_ssize_t k = 0; k < body->n_extra && !bit; k++)
            if (body->extra_at[k] == j && body->extra_text[k] == PyTuple_GET_ITEM(texts, j))
                bit = (uint32_t)1 << (k + 1);
        if (!bit)
            return 0;
        want |= bit;
    }
    return want;
}

#define SHAPE_AT(j) ((j) >= start && (j) < end ? shapes[(j) - start] : 0.0)

/* rows(out, texts, cands, blanks, first, bylines, body_words, page, page_sep, no_blanks,
 *      blocks, (siblings, run, follow, dek_max_words, max_siblings, max_chars, max_words,
 *      stamp_max_words, lede_blocks), ranked, tests)
 * writes headline._features' rows into `out` (float64[len(cands) * N_FEATURES], C order), the
 * same floats: `blocks` is the page's headline._Blocks (its caches read and filled here, see
 * Page), ranked the (rank column, feature ranked) pairs and tests headline._TESTS. */
static PyObject *rows(PyObject *self, PyObject *args) {
    Py_buffer out;
    PyObject *texts_in, *cands_in, *blanks_in, *bylines_in, *body_words, *page, *blocks,
        *ranked_in, *tests;
    Py_ssize_t first, siblings, run, follow, dek_max, max_siblings, lede_blocks;
    double page_sep, no_blanks;
    Page p = {0};
    if (!PyArg_ParseTuple(args, "w*OOOnOOOddO(nnnnnnnnn)OO", &out, &texts_in, &cands_in, &blanks_in, &first, &bylines_in, &body_words, &page,
                          &page_sep, &no_blanks, &blocks, &siblings, &run, &follow, &dek_max,
                          &max_siblings, &p.max_chars, &p.max_words, &p.stamp_max_words,
                          &lede_blocks, &ranked_in, &tests))
        return NULL;
    PyObject *result = NULL, *texts = NULL, *cands_t = NULL, *blanks = NULL, *bylines_t = NULL,
             *ranked = NULL, *toks = NULL;
    Py_ssize_t *cands = NULL, *bylines = NULL, *listed = NULL, *picks = NULL, *rank_cols = NULL;
    double *shapes = NULL;
    Keyed *keyed = NULL;
    Index ix;
    ix.at = NULL;
    ix.start = NULL;
    ix.marked = 0;
    ix.bstart = NULL;
    ix.whole = NULL;
    Lede ledes[LEDES], here = {0}, page_words = {0};
    Py_ssize_t n_ledes = 0;
    int paged = 0; /* page_words made */
    if (lede_blocks < 0 || lede_blocks > LEDE_MAX) {
        PyErr_SetString(PyExc_ValueError, "rows: lede_blocks out of range");
        PyBuffer_Release(&out);
        return NULL;
    }

    texts = PySequence_Tuple(texts_in);
    cands_t = PySequence_Tuple(cands_in);
    blanks = PySequence_Tuple(blanks_in);
    bylines_t = PySequence_Tuple(bylines_in);
    ranked = PySequence_Tuple(ranked_in);
    if (!texts || !cands_t || !blanks || !bylines_t || !ranked)
        goto done;
    Py_ssize_t size = PyTuple_GET_SIZE(texts), n = PyTuple_GET_SIZE(cands_t);
    Py_ssize_t n_bylines = PyTuple_GET_SIZE(bylines_t);
    if (out.len != n * N_FEATURES * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "rows: out is not len(cands) rows of every feature");
        goto done;
    }
    if (page_open(&p, blocks, texts, tests) < 0)
        goto done;
    cands = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n + 1));
    bylines = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n_bylines + 1));
    keyed = PyMem_Malloc(sizeof(Keyed) * (size_t)(n + 1));
    if (!cands || !bylines || !keyed) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t lo_c = 0, hi_c = 0; /* min and max candidate */
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t c = PyLong_AsSsize_t(PyTuple_GET_ITEM(cands_t, k));
        if (c == -1 && PyErr_Occurred())
            goto done;
        if (c < 0 || c >= size) {
            PyErr_SetString(PyExc_IndexError, "rows: a candidate is not a block");
            goto done;
        }
        cands[k] = c;
        if (k == 0 || c < lo_c)
            lo_c = c;
        if (k == 0 || c > hi_c)
            hi_c = c;
    }
    for (Py_ssize_t k = 0; k < n_bylines; k++) {
        bylines[k] = PyLong_AsSsize_t(PyTuple_GET_ITEM(bylines_t, k));
        if (bylines[k] == -1 && PyErr_Occurred())
            goto done;
    }
    int has_byline = n_bylines > 0;
    Py_ssize_t byline = has_byline ? bylines[0] : 0;
    Py_ssize_t n_ranked = PyTuple_GET_SIZE(ranked);
    rank_cols = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(2 * n_ranked + 1));
    if (rank_cols == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t r = 0; r < n_ranked; r++) { /* (read once: the columns and their keys) */
        Py_ssize_t column, key;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(ranked, r), "nn", &column, &key))
            goto done;
        if (column < 0 || column >= N_FEATURES || key < 0 || key >= N_FEATURES) {
            PyErr_SetString(PyExc_ValueError, "rows: a ranked column is no feature");
            goto done;
        }
        rank_cols[2 * r] = column;
        rank_cols[2 * r + 1] = key;
    }
    const Lede *body = NULL; /* the body words' table, where body_words is one */
    if (PyCapsule_IsValid(body_words, BODY))
        body = PyCapsule_GetPointer(body_words, BODY);
    Py_ssize_t page_len = PyObject_Size(page);
    if (page_len < 0)
        goto done;
    if (page_len < 1)
        page_len = 1;
    if (body != NULL && (paged = page_table(&page_words, page)) < 0)
        goto done;

    /* the shapes of the window around the candidates (as headline._features takes them) */
    Py_ssize_t lo = lo_c - siblings > 0 ? lo_c - siblings : 0;
    Py_ssize_t hi = hi_c + siblings + 1 < size - 1 ? hi_c + siblings + 1 : size - 1;
    Py_ssize_t start = lo < lo_c - 2 ? lo : lo_c - 2;
    Py_ssize_t end = hi > hi_c + 3 ? hi : hi_c + 3;
    shapes = PyMem_Malloc(sizeof(double) * (size_t)(end - start + 1));
    listed = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(hi - lo + 1 > 0 ? hi - lo + 1 : 1));
    if (!shapes || !listed) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t j = start; j < end; j++)
        if (page_shape(&p, j, &shapes[j - start]) < 0)
            goto done;
    Py_ssize_t n_listed = 0;
    for (Py_ssize_t j = lo; j < hi; j++) {
        if (shapes[j - start] > 0) {
            int st;
            TRY(st, page_stamped(&p, j + 1));
            if (st)
                listed[n_listed++] = j;
        }
    }

    ix.texts = texts;
    picks = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n + 1));
    if (picks == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memset(ix.mark, 0, sizeof(ix.mark));
    Py_ssize_t shortest = PY_SSIZE_T_MAX; /* of the candidates counted in the index */
    for (Py_ssize_t k = 0; k < n; k++) { /* each candidate's anchor, and its bucket marked */
        PyObject *text = PyTuple_GET_ITEM(texts, cands[k]);
        picks[k] = n >= INDEX_FROM ? anchor_of(text) : -1;
        if (picks[k] >= 0) {
            if (PyUnicode_GET_LENGTH(text) < shortest)
                shortest = PyUnicode_GET_LENGTH(text);
            uint16_t *b = &ix.mark[PyUnicode_READ_CHAR(text, picks[k]) & (BUCKETS - 1)];
            if (*b == 0)
                *b = (uint16_t)++ix.marked;
        }
    }
    if (n >= INDEX_FROM && index_build(&ix, texts, 0, shortest) < 0)
        goto done;
    double *row = out.buf;
    int first_shaped = 1;
    for (Py_ssize_t order = 0; order < n; order++, row += N_FEATURES) {
        Py_ssize_t i = cands[order];
        PyObject *text = PyTuple_GET_ITEM(texts, i);
        Py_ssize_t chars = PyUnicode_GET_LENGTH(text);
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Counts cn = page_counts(&p, i);
        Py_ssize_t nw = words_of(cn), nn = nw > 1 ? nw : 1;
        /* the body's first blocks below i (their words: the lede's share of i's) */
        Py_ssize_t lede_at = i + 1 > first ? i + 1 : first;
        Lede *lede = NULL;
        lede_close(&here);
        for (Py_ssize_t q = 0; q < n_ledes && lede == NULL; q++)
            if (ledes[q].start == lede_at)
                lede = &ledes[q];
        if (lede == NULL) {
            lede = n_ledes < LEDES ? &ledes[n_ledes++] : &here;
            uint32_t want = body != NULL ? lede_bits(body, texts, lede_at, lede_blocks) : 0;
            if (want != 0) { /* a view of the body table's blocks (no table of its own) */
                memset(lede, 0, sizeof(Lede));
                lede->start = lede_at;
                lede->low = body->low;
                lede->slots = body->slots;
                lede->mask = body->mask;
                lede->want = want;
                lede->borrowed = 1;
            }
            else if (lede_open(&p, lede, lede_at, lede_blocks) < 0)
                goto done;
        }
        /* i's words, counted in the tables where i and every table allow it (cand_shared),
         * else as the sets blocks.tokens(i) */
        int lede_empty = lede->slots == NULL && lede->n == 0 && lede->pairs == NULL;
        int tabled = paged && body != NULL && (lede->slots != NULL || lede_empty)
                     && chars <= CAND_CHARS && PyUnicode_CheckExact(text);
        if (tabled && !PyUnicode_IS_ASCII(text)) {
            int context = holds_context_lower(text);
            if (context < 0)
                goto done;
            tabled = context == 0 && cn.wide == 0;
        }
        Py_ssize_t n_toks, page_hits = 0, body_hits, lede_hits;
        if (tabled) {
            Shared sh;
            if (cand_shared(text, body, lede_empty ? NULL : lede, i > 0 ? &page_words : NULL,
                            &sh) < 0)
                goto done;
            n_toks = sh.words;
            page_hits = sh.page;
            body_hits = sh.body;
            lede_hits = sh.lede;
        }
        else {
            Py_XDECREF(toks);
            toks = page_tokens(&p, i);
            if (toks == NULL)
                goto done;
            n_toks = PyObject_Size(toks);
            if (n_toks < 0)
                goto done;
            if (i > 0) {
                page_hits = common(toks, page);
                if (page_hits < 0)
                    goto done;
            }
            body_hits = body != NULL ? lede_common(body, toks) : common(toks, body_words);
            if (body_hits < 0)
                goto done;
            lede_hits = lede_common(lede, toks);
            if (lede_hits < 0)
                goto done;
        }
        if (n_toks < 1)
            n_toks = 1;
        Py_ssize_t k = i - start;
        double shape = shapes[k];
        int above = shapes[k - 1] > 0, below = shapes[k + 1] > 0;
        /* digits and the capital initials of the words */
        Py_ssize_t digits = 0, caps = 0;
        int in_word = 0;
        if (PyUnicode_IS_ASCII(text)) { /* (digits 0-9, capitals A-Z there) */
            const Py_UCS1 *c = data;
            for (Py_ssize_t q = 0; q < chars; q++) {
                Py_UCS1 ch = c[q];
                int space = _Py_ascii_whitespace[ch];
                digits += ch >= '0' && ch <= '9';
                caps += !space && !in_word && ch >= 'A' && ch <= 'Z';
                in_word = !space;
            }
        }
        else
            for (Py_ssize_t q = 0; q < chars; q++) {
                Py_UCS4 ch = PyUnicode_READ(kind, data, q);
                if (is_decimal(ch))
                    digits++;
                if (Py_UNICODE_ISSPACE(ch))
                    in_word = 0;
                else if (!in_word) {
                    in_word = 1;
                    caps += Py_UNICODE_ISUPPER(ch) != 0;
                }
            }
        double before_f = 0.0, after_f = 0.0;
        PyObject *pair_in = i < PyTuple_GET_SIZE(blanks) ? PyTuple_GET_ITEM(blanks, i) : NULL;
        PyObject *b0 = NULL, *b1 = NULL; /* an exact pair of bools: read as they are */
        if (pair_in != NULL && PyTuple_CheckExact(pair_in) && PyTuple_GET_SIZE(pair_in) == 2) {
            b0 = PyTuple_GET_ITEM(pair_in, 0);
            b1 = PyTuple_GET_ITEM(pair_in, 1);
        }
        if (b0 != NULL && (b0 == Py_True || b0 == Py_False) && (b1 == Py_True || b1 == Py_False)) {
            before_f = b0 == Py_True ? 1.0 : 0.0; /* (float(True) and float(False)) */
            after_f = b1 == Py_True ? 1.0 : 0.0;
        }
        else if (pair_in != NULL) {
            PyObject *pair = PySequence_Tuple(pair_in);
            if (pair == NULL)
                goto done;
            if (PyTuple_GET_SIZE(pair) != 2) {
                Py_DECREF(pair);
                PyErr_SetString(PyExc_ValueError, "rows: a blanks entry is not a pair");
                goto done;
            }
            before_f = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 0));
            after_f = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 1));
            Py_DECREF(pair);
            if (PyErr_Occurred())
                goto done;
        }
        Py_ssize_t stop = i + 1 + follow < size ? i + 1 + follow : size;
        int next_stamped = 0, date_follows, prev_stamped = 0, st;
        if (i + 1 < size)
            TRY(next_stamped, page_stamped(&p, i + 1));
        date_follows = next_stamped;
        for (Py_ssize_t j = i + 2; !date_follows && j < stop; j++)
            TRY(date_follows, page_stamped(&p, j));
        Py_ssize_t equal;
        Py_ssize_t found = index_count(&ix, text, picks[order], &equal);
        if (found < 0)
            goto done;
        Py_ssize_t same = 1;
        if (found > 1 && equal >= 0) /* (the index told them: no block read) */
            same = equal;
        else if (found > 1) {
            same = 0;
            for (Py_ssize_t j = 0; j < size; j++) {
                PyObject *other = PyTuple_GET_ITEM(texts, j);
                if (PyUnicode_GET_LENGTH(other) != chars) /* no equal str */
                    continue;
                int eq = PyObject_RichCompareBool(other, text, Py_EQ);
                if (eq < 0)
                    goto done;
                same += eq;
            }
        }
        int dek = 0;
        if (i + 1 < size) {
            PyObject *next = PyTuple_GET_ITEM(texts, i + 1);
            Py_ssize_t nw_next = words_of(page_counts(&p, i + 1));
            dek = nn < nw_next && nw_next <= dek_max && ends_sentence(next);
        }
        if (i > 0)
            TRY(prev_stamped, page_stamped(&p, i - 1));
        /* the runs of headline-shaped blocks above and below */
        Py_ssize_t runs[2] = {0, 0};
        for (int side = 0; side < 2; side++) {
            Py_ssize_t step = side == 0 ? -1 : 1;
            int go = side == 0 ? (above || prev_stamped || in_array(bylines, n_bylines, i - 1))
                               : (below || next_stamped
                                  || (i + 1 < size && in_array(bylines, n_bylines, i + 1)));
            if (!go)
                continue;
            Py_ssize_t found_run = 0;
            for (Py_ssize_t j = i + step; 0 <= j && j < size && found_run < run; j += step) {
                double sh;
                if (j >= start && j < end)
                    sh = shapes[j - start];
                else if (page_shape(&p, j, &sh) < 0)
                    goto done;
                if (sh > 0)
                    found_run++;
                else {
                    TRY(st, page_stamped(&p, j));
                    if (!(st || in_array(bylines, n_bylines, j)))
                        break;
                }
            }
            runs[side] = found_run;
        }
        int dated, label;
        TRY(dated, page_dated(&p, i));
        TRY(label, page_label(&p, i));
        row[F_LEDE_SHARE] = (double)lede_hits / (double)n_toks;
        Py_ssize_t after_words = 0;
        if (i > 0 && above)
            after_words = words_of(page_counts(&p, i - 1));
        int repeat_next = 0, repeat_prev = 0;
        if (i + 1 < size)
            TRY(repeat_next, PyObject_RichCompareBool(PyTuple_GET_ITEM(texts, i + 1), text, Py_EQ));
        if (i > 0)
            TRY(repeat_prev, PyObject_RichCompareBool(PyTuple_GET_ITEM(texts, i - 1), text, Py_EQ));
        int byline_follows = 0;
        for (Py_ssize_t q = 0; q < n_bylines; q++)
            if (bylines[q] >= i + 1 && bylines[q] < stop)
                byline_follows = 1;
        int date_next = next_stamped;
        if (!date_next && in_array(bylines, n_bylines, i + 1) && i + 1 < size && i + 2 < size)
            TRY(date_next, page_stamped(&p, i + 2));
        Py_ssize_t near = 0;
        for (Py_ssize_t q = 0; q < n_listed; q++) {
            Py_ssize_t j = listed[q];
            if (i - siblings <= j && j <= i + siblings && j != i && j + 1 != i)
                near++;
        }
        if (near > max_siblings)
            near = max_siblings;
        Py_UCS4 last = last_char(text);
        int end_period = last == '.'
                         && !(chars >= 3 && PyUnicode_READ(kind, data, chars - 2) == '.'
                              && PyUnicode_READ(kind, data, chars - 3) == '.');
        int has_colon = 0; /* ":" in text[:-1] */
        if (kind == PyUnicode_1BYTE_KIND)
            has_colon = chars > 1 && memchr(data, ':', (size_t)(chars - 1)) != NULL;
        else
            for (Py_ssize_t q = 0; q + 1 < chars; q++)
                if (PyUnicode_READ(kind, data, q) == ':') {
                    has_colon = 1;
                    break;
                }
        Py_ssize_t away = first - i > 0 ? first - i : 0;
        Py_ssize_t to_byline = i - byline >= 0 ? i - byline : byline - i;

        row[F_SHAPE] = shape;
        row[F_LOG_WORDS] = log((double)nn);
        row[F_LOG_CHARS] = log((double)(1 + chars));
        row[F_END_PERIOD] = end_period ? 1.0 : 0.0;
        row[F_END_COLON] = (last == ':' || last == ';' || last == ',') && chars ? 1.0 : 0.0;
        row[F_END_QUESTION] = (last == '?' || last == '!') && chars ? 1.0 : 0.0;
        row[F_HAS_COLON] = has_colon ? 1.0 : 0.0;
        row[F_CAP_SHARE] = (double)caps / (double)(cn.words > 1 ? cn.words : 1);
        row[F_ALL_CAPS] = is_upper(text) ? 1.0 : 0.0;
        row[F_DIGIT_SHARE] = (double)digits / (double)(chars > 1 ? chars : 1);
        row[F_WIDE] = cn.wide ? 1.0 : 0.0;
        row[F_HAS_DATE] = dated ? 1.0 : 0.0;
        row[F_NOT_HEADLINE] = label ? 1.0 : 0.0;
        row[F_BLANK_BEFORE] = before_f;
        row[F_BLANK_AFTER] = after_f;
        row[F_IN_BODY] = i >= first ? 1.0 : 0.0;
        row[F_LOG_ABOVE_BODY] = log((double)(1 + away));
        row[F_HAS_BYLINE] = has_byline ? 1.0 : 0.0;
        row[F_ABOVE_BYLINE] = has_byline && i < byline ? 1.0 : 0.0;
        row[F_LOG_TO_BYLINE] = has_byline ? log((double)(1 + to_byline)) : 0.0;
        row[F_BODY_SHARE] = (double)body_hits / (double)n_toks;
        row[F_PAGE_SHARE] = (double)page_hits / (double)n_toks;
        row[F_PAGE_RECALL] = (double)page_hits / (double)page_len;
        row[F_FIRST_LINE] = i == 0 ? 1.0 : 0.0;
        row[F_PAGE_LINE] = i == 0 && page_sep > 0 ? 1.0 : 0.0;
        row[F_PAGE_SEP] = page_sep;
        row[F_RECURS] = same > 1 ? 1.0 : 0.0;
        row[F_REPEAT_NEXT] = repeat_next ? 1.0 : 0.0;
        row[F_BYLINE_FOLLOWS] = byline_follows ? 1.0 : 0.0;
        row[F_DATE_FOLLOWS] = date_follows ? 1.0 : 0.0;
        row[F_ORDER] = log((double)(1 + order));
        row[F_RANK_SHAPE] = row[F_RANK_BODY] = row[F_RANK_PAGE] = row[F_RANK_WORDS] = 0.0;
        row[F_FIRST_SHAPED] = first_shaped && shape > 0 ? 1.0 : 0.0;
        row[F_REPEAT_PREV] = repeat_prev ? 1.0 : 0.0;
        row[F_QUOTED] = found > same ? 1.0 : 0.0;
        row[F_DEK_FOLLOWS] = dek ? 1.0 : 0.0;
        row[F_AFTER_SHORTER] = i > 0 && above && after_words < nn ? 1.0 : 0.0;
        row[F_SHAPED_AROUND] = (double)((shapes[k - 2] > 0) + above + below + (shapes[k + 2] > 0));
        row[F_NEXT_TO_BYLINE] =
            has_byline && (byline == i + 1 || (byline == i + 2 && dek)) ? 1.0 : 0.0;
        row[F_PREV_SHAPED] = above ? 1.0 : 0.0;
        row[F_NEXT_SHAPED] = below ? 1.0 : 0.0;
        row[F_DATE_NEXT] = date_next ? 1.0 : 0.0;
        row[F_DATE_PREV] = prev_stamped ? 1.0 : 0.0;
        row[F_DATED_SIBLINGS] = n_listed ? (double)near : 0.0;
        row[F_BELOW_BYLINE] = has_byline && byline < i && i < first ? 1.0 : 0.0;
        row[F_SHAPED_ABOVE] = (double)runs[0];
        row[F_SHAPED_BELOW] = (double)runs[1];
        row[F_NO_BLANKS] = no_blanks;
        if (shape > 0)
            first_shaped = 0;
    }
    double *all = out.buf;
    for (Py_ssize_t r = 0; r < n_ranked; r++) {
        Py_ssize_t column = rank_cols[2 * r], key = rank_cols[2 * r + 1];
        for (Py_ssize_t q = 0; q < n; q++) {
            keyed[q].key = -all[q * N_FEATURES + key];
            keyed[q].at = q;
        }
        if (n <= 64) /* (a page's few candidates: by insertion, the same order by_key's) */
            for (Py_ssize_t q = 1; q < n; q++) {
                Keyed x = keyed[q];
                Py_ssize_t j = q;
                for (; j > 0 && by_key(&keyed[j - 1], &x) > 0; j--)
                    keyed[j] = keyed[j - 1];
                keyed[j] = x;
            }
        else
            qsort(keyed, (size_t)n, sizeof(Keyed), by_key);
        for (Py_ssize_t rank = 0; rank < n; rank++)
            all[keyed[rank].at * N_FEATURES + column] = 1.0 / (double)(1 + rank);
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    for (Py_ssize_t q = 0; q < n_ledes; q++)
        lede_close(&ledes[q]);
    lede_close(&here);
    lede_close(&page_words);
    Py_XDECREF(toks);
    page_close(&p);
    PyMem_Free(cands);
    PyMem_Free(bylines);
    PyMem_Free(listed);
    PyMem_Free(shapes);
    PyMem_Free(keyed);
    PyMem_Free(rank_cols);
    PyMem_Free(ix.at);
    PyMem_Free(ix.start);
    PyMem_Free(ix.bstart);
    PyMem_Free(picks);
    Py_XDECREF(ix.whole);
    Py_XDECREF(texts);
    Py_XDECREF(cands_t);
    Py_XDECREF(blanks);
    Py_XDECREF(bylines_t);
    Py_XDECREF(ranked);
    PyBuffer_Release(&out);
    return result;
}

/* candidates(texts, order, blocks, (min_words, max_words, max_chars), photo_tail, tests)
 * -> the blocks of `order` that headline._candidates keeps: min_words..max_words words, at most
 * max_chars characters, no label (blocks.not_headline, see page_label) and no photo credit at
 * the end (photo_tail(text) is None, asked only of a text with what it needs: "(", ")" and a
 * "/" or ":") */
static PyObject *candidates(PyObject *self, PyObject *args) {
    PyObject *texts_in, *order_in, *blocks, *photo_tail, *tests;
    Py_ssize_t min_words, max_words, max_chars;
    Page p = {0};
    if (!PyArg_ParseTuple(args, "OOO(nnn)OO", &texts_in, &order_in, &blocks, &min_words,
                          &max_words, &max_chars, &photo_tail, &tests))
        return NULL;
    PyObject *texts = NULL, *order = NULL, *out = NULL, *result = NULL;
    texts = PySequence_Tuple(texts_in);
    order = PySequence_Fast(order_in, "candidates: order must be a sequence");
    if (!texts || !order || page_open(&p, blocks, texts, tests) < 0 || !(out = PyList_New(0)))
        goto done;
    Py_ssize_t size = PyTuple_GET_SIZE(texts);
    for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(order); k++) {
        PyObject *at = PySequence_Fast_GET_ITEM(order, k);
        Py_ssize_t i = PyLong_AsSsize_t(at);
        if (i == -1 && PyErr_Occurred())
            goto done;
        if (i < 0 || i >= size) {
            PyErr_SetString(PyExc_IndexError, "candidates: a block is off the page");
            goto done;
        }
        PyObject *text = PyTuple_GET_ITEM(texts, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        int keep = len <= max_chars;
        if (keep) {
            Py_ssize_t n = words_of(page_counts(&p, i));
            keep = min_words <= n && n <= max_words;
        }
        if (keep) {
            int label = page_label(&p, i);
            if (label < 0)
                goto done;
            keep = !label;
        }
        if (keep && holds_char(text, '(') && holds_char(text, ')')
            && (holds_char(text, '/') || holds_char(text, ':'))) {
            int tail = found_by(photo_tail, text, 0);
            if (tail < 0)
                goto done;
            keep = !tail;
        }
        if (keep && PyList_Append(out, at) < 0)
            goto done;
    }
    result = out;
    out = NULL;
done:
    page_close(&p);
    Py_XDECREF(texts);
    Py_XDECREF(order);
    Py_XDECREF(out);
    return result;
}

/* a str that str.strip() returns unchanged: an exact str that neither starts nor ends with a
 * space (str.strip()'s spaces: Py_UNICODE_ISSPACE) */
static int stripped(PyObject *text) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (!PyUnicode_CheckExact(text))
        return 0;
    if (len == 0)
        return 1;
    return !Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, 0))
           && !Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, len - 1));
}

/* An attribute read straight from its slot: where the generic look-up of `name` on an object of
 * exact type `type` finds a member descriptor of an object slot (what a slots dataclass's fields
 * are), the object's slot holds what getattr returns (a value, or NULL for AttributeError).
 * Valid while the type is unchanged: any change to the type or to its bases resets its version
 * tag (to 0, no valid tag). Elsewhere PyObject_GetAttr. */
typedef struct {
    int looked;         /* the first object's type looked at */
    PyTypeObject *type; /* NULL: no slot known */
    unsigned int tag;   /* the type's version tag when the slot was found (not 0) */
    Py_ssize_t offset;
} Field;

static void field_find(Field *f, PyObject *obj, PyObject *name) {
    PyTypeObject *type = Py_TYPE(obj);
    f->looked = 1;
    if (type->tp_getattro != PyObject_GenericGetAttr)
        return;
    PyObject *d = _PyType_Lookup(type, name); /* borrowed; gives the type a version tag */
    if (d == NULL || !Py_IS_TYPE(d, &PyMemberDescr_Type) || type->tp_version_tag == 0)
        return;
    PyMemberDef *m = ((PyMemberDescrObject *)d)->d_member;
    if (m->type != T_OBJECT_EX || (m->flags & ~READONLY) != 0 || m->offset <= 0)
        return;
    f->type = type;
    f->tag = type->tp_version_tag;
    f->offset = m->offset;
}

/* the value of obj's slot where `f` knows it (borrowed), else NULL */
static inline PyObject *field_known(const Field *f, PyObject *obj) {
    PyTypeObject *type = f->type;
    if (type != NULL && Py_IS_TYPE(obj, type) && type->tp_version_tag == f->tag)
        return *(PyObject **)((char *)obj + f->offset);
    return NULL;
}

/* field_get where field_known has no value: the first object's type looked at, else getattr */
__attribute__((noinline)) static PyObject *field_slow(Field *f, PyObject *obj, PyObject *name) {
    if (!f->looked) {
        field_find(f, obj, name);
        PyObject *v = field_known(f, obj);
        if (v != NULL) {
            Py_INCREF(v);
            return v;
        }
    }
    return PyObject_GetAttr(obj, name);
}

/* getattr(obj, name), a new reference (read from the slot where `f` knows it: inlined, ~920
 * calls a page) */
static inline PyObject *field_get(Field *f, PyObject *obj, PyObject *name) {
    PyObject *v = field_known(f, obj);
    if (v != NULL) {
        Py_INCREF(v);
        return v;
    }
    return field_slow(f, obj, name);
}

/* page_blocks(labelled, article) -> (texts, body, blanks): article.page_blocks' lists, in one
 * pass ([lb.block.text.strip() ...], [lb.block.index ... if lb.label is article],
 * [(lb.block.blank_before, lb.block.blank_after) ...]) */
static PyObject *page_blocks(PyObject *self, PyObject *args) {
    PyObject *labelled_in, *article;
    if (!PyArg_ParseTuple(args, "OO", &labelled_in, &article))
        return NULL;
    static PyObject *s_block, *s_text, *s_index, *s_label, *s_before, *s_after, *s_strip;
    if (s_block == NULL) {
        if (!(s_block = PyUnicode_InternFromString("block"))
            || !(s_text = PyUnicode_InternFromString("text"))
            || !(s_index = PyUnicode_InternFromString("index"))
            || !(s_label = PyUnicode_InternFromString("label"))
            || !(s_before = PyUnicode_InternFromString("blank_before"))
            || !(s_after = PyUnicode_InternFromString("blank_after"))
            || !(s_strip = PyUnicode_InternFromString("strip"))) {
            Py_CLEAR(s_block);
            return NULL;
        }
    }
    static PyObject *pairs[4]; /* (False, False), (False, True), (True, False), (True, True) */
    if (pairs[3] == NULL)
        for (int q = 0; q < 4; q++)
            if (!(pairs[q] = PyTuple_Pack(2, q & 2 ? Py_True : Py_False, q & 1 ? Py_True : Py_False))) {
                for (int r = 0; r < q; r++)
                    Py_CLEAR(pairs[r]);
                return NULL;
            }
    PyObject *labelled = PySequence_Fast(labelled_in, "page_blocks: labelled must be a sequence");
    if (labelled == NULL)
        return NULL;
    /* texts and blanks get an item a block: made to the size, filled in place (appended to
     * where an attribute's code made the sequence longer, cut where it made it shorter) */
    Py_ssize_t made = PySequence_Fast_GET_SIZE(labelled), k = 0;
    PyObject *texts = PyList_New(made), *body = PyList_New(0), *blanks = PyList_New(made);
    PyObject *result = NULL;
    /* lb.block, block.text, lb.label, block.index, block.blank_before, block.blank_after */
    Field f_block = {0}, f_text = {0}, f_label = {0}, f_index = {0}, f_before = {0}, f_after = {0};
    if (!texts || !body || !blanks)
        goto done;
    for (; k < PySequence_Fast_GET_SIZE(labelled); k++) {
        PyObject *lb = PySequence_Fast_GET_ITEM(labelled, k);
        Py_INCREF(lb); /* an attribute's code may change the sequence */
        PyObject *block = field_get(&f_block, lb, s_block), *text = NULL, *stripped_text = NULL;
        PyObject *label = NULL, *index = NULL, *before = NULL, *after = NULL, *pair = NULL;
        int ok = 0;
        if (block == NULL || !(text = field_get(&f_text, block, s_text)))
            goto item;
        if (PyUnicode_Check(text) && stripped(text)) {
            Py_INCREF(text);
            stripped_text = text;
        } else if (!(stripped_text = PyObject_CallMethodNoArgs(text, s_strip)))
            goto item;
        if (k < made) {
            PyList_SET_ITEM(texts, k, stripped_text);
            stripped_text = NULL; /* the list's */
        }
        else if (PyList_Append(texts, stripped_text) < 0)
            goto item;
        if (!(label = field_get(&f_label, lb, s_label)))
            goto item;
        if (label == article) {
            if (!(index = field_get(&f_index, block, s_index)) || PyList_Append(body, index) < 0)
                goto item;
        }
        if (!(before = field_get(&f_before, block, s_before))
            || !(after = field_get(&f_after, block, s_after)))
            goto item;
        if ((before == Py_True || before == Py_False) && (after == Py_True || after == Py_False)) {
            pair = pairs[(before == Py_True) * 2 + (after == Py_True)];
            Py_INCREF(pair);
        }
        else if (!(pair = PyTuple_Pack(2, before, after)))
            goto item;
        if (k < made) {
            PyList_SET_ITEM(blanks, k, pair);
            pair = NULL; /* the list's */
        }
        else if (PyList_Append(blanks, pair) < 0)
            goto item;
        ok = 1;
    item:
        Py_DECREF(lb);
        Py_XDECREF(block);
        Py_XDECREF(text);
        Py_XDECREF(stripped_text);
        Py_XDECREF(label);
        Py_XDECREF(index);
        Py_XDECREF(before);
        Py_XDECREF(after);
        Py_XDECREF(pair);
        if (!ok)
            goto done;
    }
    if (k < made && (PyList_SetSlice(texts, k, made, NULL) < 0
                     || PyList_SetSlice(blanks, k, made, NULL) < 0))
        goto done;
    result = PyTuple_Pack(3, texts, body, blanks);
done:
    Py_DECREF(labelled);
    Py_XDECREF(texts);
    Py_XDECREF(body);
    Py_XDECREF(blanks);
    return result;
}

/* The ASCII words of a tuple of words grouped by their first character (a counting sort that
 * keeps the tuple's order within a group): an ASCII text holds, at `at`, only the words of the
 * group of its character there lower-cased, so ascii_word_at compares it with those alone (the
 * first one it holds there is the tuple's first one it holds there: no other word can match).
 * Words that are not ASCII, or empty, are left out (no ASCII text holds them). Each word is
 * compared in any case: the text's characters lowered, the word's as they are. */
typedef struct {
    const Py_UCS1 *s; /* the word's characters (borrowed from the tuple, held by the caller) */
    Py_ssize_t m;     /* its length (> 0) */
} HeadWord;

typedef struct {
    Py_ssize_t begin[129]; /* the words of first character c: word[begin[c]] to word[begin[c+1]] */
    HeadWord *word;        /* (points into the caller's buffer) */
} Heads;

/* the number of ASCII non-empty words of `words` (the room heads_of needs) */
static Py_ssize_t heads_room(PyObject *words) {
    Py_ssize_t n = 0;
    for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        n += PyUnicode_Check(word) && PyUnicode_IS_ASCII(word) && PyUnicode_GET_LENGTH(word) > 0;
    }
    return n;
}

/* fills h from `words`, its words in `room` (heads_room(words) entries) */
static void heads_of(Heads *h, PyObject *words, HeadWord *room) {
    Py_ssize_t count[128] = {0};
    for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        if (PyUnicode_Check(word) && PyUnicode_IS_ASCII(word) && PyUnicode_GET_LENGTH(word) > 0)
            count[PyUnicode_1BYTE_DATA(word)[0] & 127]++;
    }
    h->begin[0] = 0;
    for (int c = 0; c < 128; c++)
        h->begin[c + 1] = h->begin[c] + count[c];
    Py_ssize_t next[128];
    memcpy(next, h->begin, sizeof(next));
    h->word = room;
    for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(words); w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        if (PyUnicode_Check(word) && PyUnicode_IS_ASCII(word) && PyUnicode_GET_LENGTH(word) > 0) {
            const Py_UCS1 *s = PyUnicode_1BYTE_DATA(word);
            HeadWord *e = &room[next[s[0] & 127]++];
            e->s = s;
            e->m = PyUnicode_GET_LENGTH(word);
        }
    }
}

/* ... one of `words` (a tuple, grouped in h) at `at`: the length of the first it holds there,
 * else 0 */
static Py_ssize_t ascii_word_at(const Py_UCS1 *c, Py_ssize_t len, Py_ssize_t at, const Heads *h) {
    if (at >= len)
        return 0;
    int f = Py_TOLOWER(c[at]) & 127; /* (an ASCII text's characters are below 128) */
    for (Py_ssize_t w = h->begin[f]; w < h->begin[f + 1]; w++) {
        const Py_UCS1 *l = h->word[w].s;
        Py_ssize_t m = h->word[w].m, q = 1; /* (l[0] == f: the group's character) */
        if (m > len - at)
            continue;
        while (q < m && Py_TOLOWER(c[at + q]) == l[q])
            q++;
        if (q == m)
            return m;
    }
    return 0;
}

/* article.maybe_byline of an ASCII text: a year's "19" or "20", a slash or an "@"; else, past its
 * spaces, one of the words BYLINE_START starts with (`starts`), or an article and spaces and
 * then one of `kinds`; else on a short line one of `cues` anywhere */
static int ascii_maybe_byline(const Py_UCS1 *c, Py_ssize_t len, Py_ssize_t max_short,
                              const Heads *heads) {
    for (Py_ssize_t k = 0; k < len; k++) {
        if (c[k] == '/' || c[k] == '@')
            return 1;
        if (k + 1 < len && ((c[k] == '1' && c[k + 1] == '9') || (c[k] == '2' && c[k + 1] == '0')))
            return 1;
    }
    Py_ssize_t from = 0;
    while (from < len && Py_UNICODE_ISSPACE(c[from]))
        from++;
    if (ascii_word_at(c, len, from, &heads[0]))
        return 1;
    if (from < len) { /* each article at `from` (those of its group), in turn */
        int f = Py_TOLOWER(c[from]) & 127;
        for (Py_ssize_t w = heads[1].begin[f]; w < heads[1].begin[f + 1]; w++) {
            const Py_UCS1 *l = heads[1].word[w].s;
            Py_ssize_t m = heads[1].word[w].m, q = 1;
            if (m > len - from)
                continue;
            while (q < m && Py_TOLOWER(c[from + q]) == l[q])
                q++;
            Py_ssize_t at = from + m;
            if (q < m || at >= len || !Py_UNICODE_ISSPACE(c[at]))
                continue;
            while (at < len && Py_UNICODE_ISSPACE(c[at]))
                at++;
            if (ascii_word_at(c, len, at, &heads[2]))
                return 1;
        }
    }
    if (len > max_short)
        return 0;
    for (Py_ssize_t k = 0; k < len; k++)
        if (ascii_word_at(c, len, k, &heads[3]))
            return 1;
    return 0;
}

/* byline_lines(texts, order, (max_chars, max_short), (starts, articles, kinds, cues)) -> the
 * blocks of `order` of at most max_chars characters that article.maybe_byline may let through:
 * an ASCII text only where it does (ascii_maybe_byline), every other text (for the caller to
 * ask maybe_byline) */
static PyObject *byline_lines(PyObject *self, PyObject *args) {
    PyObject *texts_in, *order_in, *starts, *articles, *kinds, *cues;
    Py_ssize_t max_chars, max_short;
    if (!PyArg_ParseTuple(args, "OO(nn)(O!O!O!O!)", &texts_in, &order_in, &max_chars, &max_short,
                          &PyTuple_Type, &starts, &PyTuple_Type, &articles, &PyTuple_Type, &kinds,
                          &PyTuple_Type, &cues))
        return NULL;
    PyObject *texts = NULL, *order = NULL, *out = NULL, *result = NULL;
    Heads heads[4];
    PyObject *lists[4] = {starts, articles, kinds, cues};
    Py_ssize_t room = 0;
    for (int j = 0; j < 4; j++)
        room += heads_room(lists[j]);
    HeadWord *words = PyMem_New(HeadWord, room > 0 ? room : 1);
    if (words == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t j = 0, used = 0; j < 4; j++) {
        heads_of(&heads[j], lists[j], words + used);
        used += heads_room(lists[j]);
    }
    texts = PySequence_Tuple(texts_in);
    order = PySequence_Tuple(order_in);
    if (!texts || !order || !(out = PyList_New(0)))
        goto done;
    Py_ssize_t size = PyTuple_GET_SIZE(texts);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(order); k++) {
        PyObject *at = PyTuple_GET_ITEM(order, k);
        Py_ssize_t i = PyLong_AsSsize_t(at);
        if (i == -1 && PyErr_Occurred())
            goto done;
        if (i < 0 || i >= size) {
            PyErr_SetString(PyExc_IndexError, "byline_lines: a block is off the page");
            goto done;
        }
        PyObject *text = PyTuple_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "byline_lines: the texts must be str");
            goto done;
        }
        if (PyUnicode_GET_LENGTH(text) > max_chars)
            continue;
        if (PyUnicode_IS_ASCII(text)) {
            if (!ascii_maybe_byline(PyUnicode_1BYTE_DATA(text), PyUnicode_GET_LENGTH(text),
                                    max_short, heads))
                continue;
        }
        if (PyList_Append(out, at) < 0)
            goto done;
    }
    result = out;
    out = NULL;
done:
    PyMem_Free(words);
    Py_XDECREF(texts);
    Py_XDECREF(order);
    Py_XDECREF(out);
    return result;
}

/* word_set(text.lower()) of a text without 'İ' (U+0130, which lower() makes two characters) nor
 * 'Σ' (U+03A3, which it lowers by its context), else None: each character lowered alone (there
 * str.lower() maps every character to one, Py_UNICODE_TOLOWER's), the runs of word characters
 * of the lowered text, without building it */
static PyObject *lower_word_set(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "lower_word_set: a str is needed");
        return NULL;
    }
    return lower_words(text, 0);
}

/* frozen_tokens(text) -> frozenset(headline.tokens(text)), made as a frozenset (no set made and
 * copied), or None where str.lower() lowers by context ('İ', 'Σ': the caller asks Python) */
static PyObject *frozen_tokens(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "frozen_tokens: a str is needed");
        return NULL;
    }
    PyObject *words = lower_words(text, 1);
    if (words == NULL || words == Py_None || PyUnicode_IS_ASCII(text))
        return words;
    if (add_wide_pairs(words, text) < 0) /* (its CJK pairs: none without CJK; held by none yet) */
        Py_CLEAR(words);
    return words;
}

/* lower_word_set(text), as a frozenset where `frozen` (filled before anyone else holds it) */
static PyObject *lower_words(PyObject *text, int frozen) {
    if (PyUnicode_IS_ASCII(text))
        return ascii_tokens(text, frozen);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int context = holds_context_lower(text);
    if (context < 0)
        return NULL;
    if (context)
        Py_RETURN_NONE;
    Py_UCS4 *low = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(len > 0 ? len : 1));
    if (low == NULL)
        return PyErr_NoMemory();
    PyObject *words = frozen ? PyFrozenSet_New(NULL) : PySet_New(NULL);
    if (words == NULL) {
        PyMem_Free(low);
        return NULL;
    }
    Py_ssize_t from = -1;
    SeenTable seen;
    seen_open(&seen, len);
    for (Py_ssize_t k = 0; k <= len; k++) {
        int word = 0;
        if (k < len) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, k);
            low[k] = lower_alone(ch);
            word = low[k] == '_' || is_alnum(low[k]);
        }
        if (word && from < 0)
            from = k;
        else if (!word && from >= 0) {
            if (seen_wide(&seen, low, from, k - from)) {
                from = -1;
                continue;
            }
            PyObject *w = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, low + from, k - from);
            if (w == NULL || PySet_Add(words, w) < 0) {
                Py_XDECREF(w);
                Py_DECREF(words);
                PyMem_Free(low);
                seen_close(&seen);
                return NULL;
            }
            Py_DECREF(w);
            from = -1;
        }
    }
    PyMem_Free(low);
    seen_close(&seen);
    return words;
}

/* fold(text): each character as the pre-tests fold it (fold_char), for the tests */
static PyObject *fold(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "fold: a str is needed");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    Py_UCS4 *low = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(len > 0 ? len : 1));
    if (low == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t k = 0; k < len; k++)
        low[k] = fold_char(PyUnicode_READ_CHAR(text, k));
    PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, low, len);
    PyMem_Free(low);
    return out;
}

/* may_date(text): dates.MAYBE_DATE.search(text) is not None, as the compiled dated() tests it */
static PyObject *may_date(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "may_date: a str is needed");
        return NULL;
    }
    return PyBool_FromLong(maybe_date(text));
}

/* credit(text, tests) -> headline.CREDIT.search(text) is not None: CREDIT (the capsule's) asked
 * only where the folded text holds one of the words each of its alternatives needs (its list of
 * the pre-tests' words, as page_headed tests a block), and then as credit_scan asks it */
static PyObject *credit(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "credit: (str, tests) are needed");
        return NULL;
    }
    const Lexicon *lex = PyCapsule_GetPointer(args[1], LEXICON);
    if (lex == NULL)
        return NULL;
    int got = lex_hits(lex, args[0], 0, PY_SSIZE_T_MAX, 1 << L_CREDIT) ? credit_scan(lex, args[0])
                                                                       : 0;
    return got < 0 ? NULL : PyBool_FromLong(got);
}

/* any_blank(blanks) -> any(map(any, blanks)): each pair's items' truth in order, up to the first
 * true one (a pair that is no tuple iterated as any() iterates it) */
static PyObject *any_blank(PyObject *self, PyObject *blanks_in) {
    PyObject *blanks = PySequence_Fast(blanks_in, "any_blank: blanks must be a sequence");
    if (blanks == NULL)
        return NULL;
    int found = 0;
    for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(blanks) && !found; k++) {
        PyObject *pair = PySequence_Fast_GET_ITEM(blanks, k);
        Py_INCREF(pair); /* a truth test's code may change the sequence */
        if (PyTuple_CheckExact(pair)) {
            for (Py_ssize_t q = 0; q < PyTuple_GET_SIZE(pair) && !found; q++) {
                PyObject *v = PyTuple_GET_ITEM(pair, q);
                found = v == Py_True ? 1 : v == Py_False ? 0 : PyObject_IsTrue(v);
            }
        } else {
            PyObject *it = PyObject_GetIter(pair), *v;
            if (it == NULL)
                found = -1;
            while (found == 0 && (v = PyIter_Next(it)) != NULL) {
                found = PyObject_IsTrue(v);
                Py_DECREF(v);
            }
            if (found == 0 && PyErr_Occurred())
                found = -1;
            Py_XDECREF(it);
        }
        Py_DECREF(pair);
        if (found < 0) {
            Py_DECREF(blanks);
            return NULL;
        }
    }
    Py_DECREF(blanks);
    return PyBool_FromLong(found);
}

/* whole_counts(texts, cands, plain, equal=False) -> ["\n".join(texts).count(texts[c]) for c in
 * cands], as rows() counts them with the index (built by the one-by-one scan where `plain`, else
 * by the fastest the CPU has), whatever the number of candidates: for the tests. With `equal`,
 * (that count, texts.count(texts[c]) as the index tells it, or -1 where it was counted in the
 * join) for each. */
static PyObject *whole_counts(PyObject *self, PyObject *args) {
    PyObject *texts_in, *cands_in;
    int plain, with_equal = 0;
    if (!PyArg_ParseTuple(args, "OOp|p", &texts_in, &cands_in, &plain, &with_equal))
        return NULL;
    PyObject *texts = PySequence_Tuple(texts_in), *cands = NULL, *result = NULL;
    Py_ssize_t *picks = NULL;
    Index ix;
    memset(&ix, 0, sizeof(ix));
    if (texts == NULL || (cands = PySequence_Tuple(cands_in)) == NULL)
        goto done;
    Py_ssize_t size = PyTuple_GET_SIZE(texts), n = PyTuple_GET_SIZE(cands);
    for (Py_ssize_t j = 0; j < size; j++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(texts, j))) {
            PyErr_SetString(PyExc_TypeError, "whole_counts: the texts must be str");
            goto done;
        }
    picks = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n + 1));
    if (picks == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    ix.texts = texts;
    Py_ssize_t shortest = PY_SSIZE_T_MAX;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t c = PyLong_AsSsize_t(PyTuple_GET_ITEM(cands, k));
        if (c == -1 && PyErr_Occurred())
            goto done;
        if (c < 0 || c >= size) {
            PyErr_SetString(PyExc_IndexError, "whole_counts: a candidate is not a block");
            goto done;
        }
        PyObject *text = PyTuple_GET_ITEM(texts, c);
        picks[k] = anchor_of(text);
        if (picks[k] >= 0) {
            if (PyUnicode_GET_LENGTH(text) < shortest)
                shortest = PyUnicode_GET_LENGTH(text);
            uint16_t *b = &ix.mark[PyUnicode_READ_CHAR(text, picks[k]) & (BUCKETS - 1)];
            if (*b == 0)
                *b = (uint16_t)++ix.marked;
        }
    }
    if (index_build(&ix, texts, plain, shortest) < 0)
        goto done;
    result = PyList_New(n);
    if (result == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *text = PyTuple_GET_ITEM(texts, PyLong_AsSsize_t(PyTuple_GET_ITEM(cands, k)));
        Py_ssize_t whole;
        Py_ssize_t found = index_count(&ix, text, picks[k], &whole);
        PyObject *v = found < 0       ? NULL
                      : !with_equal ? PyLong_FromSsize_t(found)
                                    : Py_BuildValue("nn", found, whole);
        if (v == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, v);
    }
done:
    PyMem_Free(ix.at);
    PyMem_Free(ix.start);
    PyMem_Free(ix.bstart);
    Py_XDECREF(ix.whole);
    PyMem_Free(picks);
    Py_XDECREF(texts);
    Py_XDECREF(cands);
    return result;
}

static PyMethodDef methods[] = {
    {"any_blank", any_blank, METH_O, "any(map(any, blanks))."},
    {"fold", fold, METH_O, "Each character as the pre-tests fold it (for the tests)."},
    {"may_date", may_date, METH_O, "dates.MAYBE_DATE.search(text) is not None."},
    {"tests", tests, METH_VARARGS, "The capsule of the pre-tests' words and patterns."},
    {"candidates", candidates, METH_VARARGS, "headline._candidates' filter (see the file)."},
    {"forest", forest, METH_VARARGS, "The complete trees' arrays packed (see the file)."},
    {"scores", scores, METH_VARARGS, "Every row's score by a forest (see the file)."},
    {"scores_array", scores_array, METH_VARARGS, "scores() of rows in a float64 buffer."},
    {"shape_rest", shape_rest, METH_VARARGS, "headline._shape_rest(text, n)."},
    {"counts", counts, METH_O, "(len(text.split()), CJK characters) of a str."},
    {"word_set", word_set, METH_O, "set(re.findall(r'\\w+', text))."},
    {"rows", rows, METH_VARARGS, "headline._features' rows into a float64 buffer (see rows)."},
    {"whole_counts", whole_counts, METH_VARARGS, "whole.count of candidates, by rows' index."},
    {"byline_lines", byline_lines, METH_VARARGS, "article.find_byline's lines to try."},
    {"lower_word_set", lower_word_set, METH_O, "word_set(text.lower()), or None (see the file)."},
    {"frozen_tokens", frozen_tokens, METH_O, "frozenset(headline.tokens(text)), or None."},
    {"body_table", body_table, METH_VARARGS, "The table of the body sample's words, or None."},
    {"body_common", body_common, METH_VARARGS, "len(words & the body table's words)."},
    {"page_blocks", page_blocks, METH_VARARGS, "article.page_blocks' three lists in one pass."},
    {"credit", (PyCFunction)(void (*)(void))credit, METH_FASTCALL, "headline.has_credit(text)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_headline", NULL, -1, methods};

PyMODINIT_FUNC PyInit__headline(void) { return PyModule_Create(&module); }
