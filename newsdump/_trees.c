/* The forest walk of newsdump.model, compiled: the raw score (log-odds) of every row.
 *
 * Trees come in groups of eight (model.Forest's grouped layout): the eight trees of a group are
 * the eight subtrees under level 3 of one complete binary tree of depth + 3 levels (node K has
 * children 2K+1 and 2K+2; tree g of a group has its root at K = 7 + g; `ginner` =
 * 2**(depth + 3) - 1 inner positions per group, then as many + 1 leaves, tree g's leaves at
 * g * 2**depth ...). A row walks a group's eight trees together: eight independent chains of
 * loads that the processor overlaps, each chain's state one index, every step the same
 * `K = 2K + 1 + (row[feature[K]] > threshold[K])` off the group's two arrays (no per-tree base
 * to keep in a register). The last group may hold fewer trees.
 *
 * The leaf values are summed in the order of numpy's pairwise sum (`leaves.sum(axis=1)`:
 * eight partial sums over blocks of at most 128, halves above): with 8 to 128 trees, tree
 * 8j + g's value goes straight into partial sum g (numpy's own order), else the values are
 * stored and summed by _pairwise.h; then the baseline is added: the same floats as the numpy
 * walk of model.py.
 *
 *   walk(x, width, right, right_width, feature, threshold, value, trees, depth, baseline, out)
 *     x: float64[n * width]; right: float64[n * right_width] (right_width may be 0): the rows
 *     walked are those of np.hstack((x, right)); feature: int32[groups * ginner] (each below
 *     width + right_width), threshold: float64[groups * ginner],
 *     value: float64[groups * (ginner + 1)], groups = ceil(trees / 8); out: float64[n] (written)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#include "_pairwise.h"

#define CHAINS 8 /* trees of a group, walked together */
#define LIFT 3   /* the group's trees hang under this level (2**LIFT == CHAINS) */
#define MAX_DEPTH 24

/* one level down in tree g of the group */
#define STEP(k) k = 2 * k + 1 + (row[F[k]] > T[k])

/* inlined in both of its calls: with the depth a constant, the levels unroll */
static inline __attribute__((always_inline)) void walk_rows(
    const double *xs, Py_ssize_t n, Py_ssize_t width, const double *rs, Py_ssize_t right_width,
    const int32_t *feat, const double *thr, const double *val, Py_ssize_t trees,
    Py_ssize_t depth, double baseline, double *out, double *joined, double *leaf) {
    const Py_ssize_t ginner = ((Py_ssize_t)1 << (depth + LIFT)) - 1;
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
            const int32_t *F = feat + grp * ginner;
            const double *T = thr + grp * ginner;
            const double *V = val + grp * (ginner + 1) - ginner; /* V[K]: the leaf K's value */
            Py_ssize_t k0 = 7, k1 = 8, k2 = 9, k3 = 10, k4 = 11, k5 = 12, k6 = 13, k7 = 14;
            for (Py_ssize_t d = 0; d < depth; d++) {
                STEP(k0);
                STEP(k1);
                STEP(k2);
                STEP(k3);
                STEP(k4);
                STEP(k5);
                STEP(k6);
                STEP(k7);
            }
            if (fused) {
                if (grp == 0) {
                    r0 = V[k0], r1 = V[k1], r2 = V[k2], r3 = V[k3];
                    r4 = V[k4], r5 = V[k5], r6 = V[k6], r7 = V[k7];
                } else {
                    r0 += V[k0], r1 += V[k1], r2 += V[k2], r3 += V[k3];
                    r4 += V[k4], r5 += V[k5], r6 += V[k6], r7 += V[k7];
                }
            } else {
                double *l = leaf + grp * CHAINS;
                l[0] = V[k0], l[1] = V[k1], l[2] = V[k2], l[3] = V[k3];
                l[4] = V[k4], l[5] = V[k5], l[6] = V[k6], l[7] = V[k7];
            }
        }
        if (rest) {
            const int32_t *F = feat + full * ginner;
            const double *T = thr + full * ginner;
            const double *V = val + full * (ginner + 1) - ginner;
            for (Py_ssize_t g = 0; g < rest; g++) {
                Py_ssize_t k = 7 + g;
                for (Py_ssize_t d = 0; d < depth; d++) STEP(k);
                leaf[full * CHAINS + g] = V[k];
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
    Py_ssize_t ginner = depth > 0 && depth <= MAX_DEPTH ? ((Py_ssize_t)1 << (depth + LIFT)) - 1 : 0;
    Py_ssize_t groups = trees > 0 ? (trees + CHAINS - 1) / CHAINS : 0;
    if (width <= 0 || right_width < 0 || trees <= 0 || ginner == 0
        || groups > PY_SSIZE_T_MAX / 8 / (ginner + 1)
        || out.len != n * (Py_ssize_t)sizeof(double)
        || x.len != n * width * (Py_ssize_t)sizeof(double)
        || right.len != n * right_width * (Py_ssize_t)sizeof(double)
        || feature.len != groups * ginner * (Py_ssize_t)sizeof(int32_t)
        || threshold.len != groups * ginner * (Py_ssize_t)sizeof(double)
        || value.len != groups * (ginner + 1) * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "walk: array sizes do not match");
        goto done;
    }
    const int32_t *feat = feature.buf;
    /* every index is read unchecked below: all checked in one pass with no branch (vectorised) */
    uint32_t limit = all > INT32_MAX ? (uint32_t)INT32_MAX + 1 : (uint32_t)all, bad = 0;
    for (Py_ssize_t k = 0; k < groups * ginner; k++) bad |= (uint32_t)feat[k] >= limit;
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
    if (depth == 5) /* the packaged model's depth: its walk unrolled (the same steps) */
        walk_rows(x.buf, n, width, right.buf, right_width, feat, threshold.buf, value.buf, trees,
                  5, baseline, out.buf, scratch, scratch + all);
    else
        walk_rows(x.buf, n, width, right.buf, right_width, feat, threshold.buf, value.buf, trees,
                  depth, baseline, out.buf, scratch, scratch + all);
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
