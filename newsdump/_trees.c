/* The forest walk of newsdump.model, compiled: the raw score (log-odds) of every row.
 *
 * Trees come in groups of eight (model.Forest's grouped layout): the eight trees of a group are
 * the eight subtrees under level 3 of one complete binary tree of depth + 3 levels, numbered
 * from 1 (node J has children 2J and 2J + 1; `stride` = 2**(depth + 3) slots per group, slot 0
 * unused, then as many leaves) and MIRRORED: 2J + 1 is the left child (where x <= threshold
 * goes), 2J the right one, and the threshold stored is the one below which x goes left:
 * nextafter(threshold, +inf) (no float lies between the two, so x < it iff x <= threshold),
 * NaN where the threshold is +inf (a leaf above the full depth: everything goes left). So
 * every step is `J = 2J + !(x >= stored)`, true for x NaN too (NaN > threshold is false: left):
 * one comparison that sets the carry, no +1 (on x86-64, ucomisd + adc: four instructions a
 * step with the two loads, against six for `2K + 1 + (x > threshold)`). Tree g of a group has
 * its root at J = 15 - g and its leaves are the group's leaves (J - stride)
 * (8 - g - 1) * 2**depth ... (mirrored too).
 * A row walks a group's eight trees together: eight independent chains of loads that the
 * processor overlaps, each chain's state one index. The last group may hold fewer trees.
 * (Two groups at once, sixteen chains, took about as long on the bench pages: the registers
 * spill, 1.29 M instructions a page instead of 1.02 M.)
 *
 * The leaf values are summed in the order of numpy's pairwise sum (`leaves.sum(axis=1)`:
 * eight partial sums over blocks of at most 128, halves above): with 8 to 128 trees, tree
 * 8j + g's value goes straight into partial sum g (numpy's own order), else the values are
 * stored and summed by _pairwise.h; then the baseline is added: the same floats as the numpy
 * walk of model.py.
 *
 *   walk(x, width, right, right_width, feature, threshold, value, trees, depth, baseline, out)
 *     x: float64[n * width]; right: float64[n * right_width] (right_width may be 0): the rows
 *     walked are those of np.hstack((x, right)); feature: uint8 or int32[groups * stride]
 *     (each below width + right_width), threshold: float64[groups * stride], value: float64[groups * stride],
 *     groups = ceil(trees / 8); out: float64[n] (written)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#include "_pairwise.h"

#define CHAINS 8 /* trees of a group, walked together */
#define LIFT 3   /* the group's trees hang under this level (2**LIFT == CHAINS) */
#define MAX_DEPTH 24

/* one level down in tree g of the group at F, T */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(NEWSDUMP_PLAIN_STEP)
/* ucomisd sets the carry iff x < bound or either is NaN, adc doubles k and adds it: four
 * instructions a step (the compiler makes six of the C: setb, movzbl, lea) */
#define STEP(k)                                                                             \
    do {                                                                                   \
        double x_ = row[FEATURE(k)];                                                       \
        __asm__("ucomisd %2, %1\n\tadcq %0, %0" : "+r"(k) : "x"(x_), "m"(T[k]) : "cc");  \
    } while (0)
#else
#define STEP(k) k = 2 * k + !(row[FEATURE(k)] >= T[k])
#endif
/* the feature tested at node k of the group: one byte when every index fits (the packaged
 * models: the nodes' features take a quarter of the cache lines), else four */
#define FEATURE(k) (wide ? (Py_ssize_t)F32[k] : (Py_ssize_t)F8[k])
#define FIRST_ROOT 15 /* tree g's root: FIRST_ROOT - g */

/* inlined in each of its calls: with the depth and `wide` constants, the levels unroll */
static inline __attribute__((always_inline)) void walk_rows(
    const double *xs, Py_ssize_t n, Py_ssize_t width, const double *rs, Py_ssize_t right_width,
    const void *feat, int wide, const double *thr, const double *val, Py_ssize_t trees,
    Py_ssize_t depth, double baseline, double *out, double *joined, double *leaf) {
    const Py_ssize_t stride = (Py_ssize_t)1 << (depth + LIFT);
    const Py_ssize_t full = trees / CHAINS, rest = trees % CHAINS;
    const int fused = trees >= CHAINS && trees <= 128; /* numpy's eight partial sums, no halves */
    for (Py_ssize_t i = 0; i < n; i++) {
        const double *row = xs + i * width;
        if (right_width > 0) { /* the row of np.hstack((x, right)) */
            memcpy(joined, row, (size_t)width * sizeof(double));
            memcpy(joined + width, rs + i * right_width, (size_t)right_width * sizeof(double));
            row = joined;
        }
        double r0 = 0.0, r1 = 0.0, r2 = 0.0, r3 = 0.0, r4 = 0.0, r5 = 0.0, r6 = 0.0, r7 = 0.0;
        for (Py_ssize_t grp = 0; grp < full; grp++) {
            const uint8_t *F8 = (const uint8_t *)feat + grp * stride;
            const int32_t *F32 = (const int32_t *)feat + grp * stride;
            const double *T = thr + grp * stride;
            const double *V = val + grp * stride;
            Py_ssize_t k0 = 15, k1 = 14, k2 = 13, k3 = 12, k4 = 11, k5 = 10, k6 = 9, k7 = 8;
            for (Py_ssize_t d = 0; d < depth; d++) {
                STEP(k0); STEP(k1); STEP(k2); STEP(k3); STEP(k4); STEP(k5); STEP(k6); STEP(k7);
            }
            const double l0 = V[k0 - stride], l1 = V[k1 - stride], l2 = V[k2 - stride],
                         l3 = V[k3 - stride], l4 = V[k4 - stride], l5 = V[k5 - stride],
                         l6 = V[k6 - stride], l7 = V[k7 - stride];
            if (fused && grp == 0) {
                r0 = l0, r1 = l1, r2 = l2, r3 = l3, r4 = l4, r5 = l5, r6 = l6, r7 = l7;
            } else if (fused) {
                r0 += l0, r1 += l1, r2 += l2, r3 += l3, r4 += l4, r5 += l5, r6 += l6, r7 += l7;
            } else {
                double *l = leaf + grp * CHAINS;
                l[0] = l0, l[1] = l1, l[2] = l2, l[3] = l3, l[4] = l4, l[5] = l5, l[6] = l6;
                l[7] = l7;
            }
        }
        if (rest) {
            const uint8_t *F8 = (const uint8_t *)feat + full * stride;
            const int32_t *F32 = (const int32_t *)feat + full * stride;
            const double *T = thr + full * stride;
            const double *V = val + full * stride;
            for (Py_ssize_t g = 0; g < rest; g++) {
                Py_ssize_t k = FIRST_ROOT - g;
                for (Py_ssize_t d = 0; d < depth; d++) STEP(k);
                leaf[full * CHAINS + g] = V[k - stride];
            }
        }
        double sum;
        if (fused) { /* as _pairwise.h for 8 <= n <= 128 */
            sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (Py_ssize_t t = full * CHAINS; t < trees; t++) sum += leaf[t];
        } else {
            sum = pairwise(leaf, trees);
        }
        out[i] = (0.0 + sum) + baseline;
    }
}

static PyObject *walk(PyObject *self, PyObject *args) {
    Py_buffer x, right, feature, threshold, value, out;
    Py_ssize_t width, right_width, trees, depth;
    double baseline;
    if (!PyArg_ParseTuple(args, "y*ny*ny*y*y*nndw*", &x, &width, &right, &right_width, &feature,
                          &threshold, &value, &trees, &depth, &baseline, &out))
        return NULL;
    PyObject *result = NULL;
    double *scratch = NULL;
    Py_ssize_t n = out.len / (Py_ssize_t)sizeof(double);
    Py_ssize_t all = width + right_width;
    Py_ssize_t stride = depth > 0 && depth <= MAX_DEPTH ? (Py_ssize_t)1 << (depth + LIFT) : 0;
    Py_ssize_t groups = trees > 0 ? (trees + CHAINS - 1) / CHAINS : 0;
    if (width <= 0 || right_width < 0 || trees <= 0 || stride == 0
        || groups > PY_SSIZE_T_MAX / 8 / stride
        || out.len != n * (Py_ssize_t)sizeof(double)
        || x.len != n * width * (Py_ssize_t)sizeof(double)
        || right.len != n * right_width * (Py_ssize_t)sizeof(double)
        || (feature.len != groups * stride * (Py_ssize_t)sizeof(int32_t)
            && feature.len != groups * stride)
        || threshold.len != groups * stride * (Py_ssize_t)sizeof(double)
        || value.len != groups * stride * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "walk: array sizes do not match");
        goto done;
    }
    const int wide = feature.len != groups * stride; /* int32 indices, else uint8 */
    /* every index is read unchecked below: all checked in one pass with no branch (vectorised) */
    uint32_t limit = all > INT32_MAX ? (uint32_t)INT32_MAX + 1 : (uint32_t)all, bad = 0;
    if (wide) {
        const int32_t *feat = feature.buf;
        for (Py_ssize_t k = 0; k < groups * stride; k++) bad |= (uint32_t)feat[k] >= limit;
    } else { /* the largest index, by a vectorised max of the bytes (the test of every byte
              * cost ~15 K instructions a page) */
        const uint8_t *feat = feature.buf;
        uint8_t largest = 0;
        for (Py_ssize_t k = 0; k < groups * stride; k++) largest = feat[k] > largest ? feat[k] : largest;
        bad = (uint32_t)largest >= limit;
    }
    if (bad) {
        PyErr_SetString(PyExc_ValueError, "walk: feature index out of range");
        goto done;
    }
    scratch = PyMem_Malloc((size_t)(all + groups * CHAINS + 1) * sizeof(double));
    if (scratch == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    const void *feat = feature.buf;
    if (depth == 5 && !wide) /* the packaged models: their walk unrolled (the same steps) */
        walk_rows(x.buf, n, width, right.buf, right_width, feat, 0, threshold.buf, value.buf,
                  trees, 5, baseline, out.buf, scratch, scratch + all);
    else if (!wide)
        walk_rows(x.buf, n, width, right.buf, right_width, feat, 0, threshold.buf, value.buf,
                  trees, depth, baseline, out.buf, scratch, scratch + all);
    else
        walk_rows(x.buf, n, width, right.buf, right_width, feat, 1, threshold.buf, value.buf,
                  trees, depth, baseline, out.buf, scratch, scratch + all);
    Py_END_ALLOW_THREADS
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(scratch);
    PyBuffer_Release(&x);
    PyBuffer_Release(&right);
    PyBuffer_Release(&feature);
    PyBuffer_Release(&threshold);
    PyBuffer_Release(&value);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"walk", walk, METH_VARARGS, "The raw score of every row (see the file)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_trees", NULL, -1, methods};

PyMODINIT_FUNC PyInit__trees(void) { return PyModule_Create(&module); }
