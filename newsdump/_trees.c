/* The forest walk of newsdump.model, compiled: the raw score (log-odds) of every row.
 *
 * Trees are in the complete layout of model.Forest (node k has children 2k+1 and 2k+2;
 * `inner` = 2**depth - 1 inner positions per tree, then 2**depth leaves). Each row is walked
 * through eight trees at a time (eight independent chains of loads, so the processor overlaps
 * them instead of waiting on each load), and its leaf values are summed in the order of
 * numpy's pairwise sum (`leaves.sum(axis=1)`: eight partial sums over blocks of at most 128,
 * halves above), then the baseline added: the same floats as the numpy walk of model.py.
 *
 *   scores(x, width, right, right_width, feature, threshold, value, inner, depth, baseline, out)
 *     x: float64[n * width]; right: float64[n * right_width] (right_width may be 0): the rows
 *     walked are those of np.hstack((x, right)); feature: int32[trees * inner] (each below
 *     width + right_width), threshold: float64[trees * inner], value: float64[trees * (inner + 1)],
 *     out: float64[n] (written)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#include "_pairwise.h"

#define CHAINS 8 /* trees walked together */

/* inlined in both of its calls: with the depth a constant, the levels unroll */
static inline __attribute__((always_inline)) void walk(
    const double *xs, Py_ssize_t n, Py_ssize_t width, const double *rs, Py_ssize_t right_width,
    const int32_t *feat, const double *thr, const double *val, Py_ssize_t trees, Py_ssize_t inner,
    Py_ssize_t depth, double baseline, double *out, double *joined, double *leaf) {
    Py_ssize_t full = trees - trees % CHAINS;
    for (Py_ssize_t i = 0; i < n; i++) {
        const double *row = xs + i * width;
        if (right_width > 0) { /* the row of np.hstack((x, right)) */
            memcpy(joined, row, (size_t)width * sizeof(double));
            memcpy(joined + width, rs + i * right_width, (size_t)right_width * sizeof(double));
            row = joined;
        }
        Py_ssize_t t = 0;
        for (; t < full; t += CHAINS) {
            Py_ssize_t k[CHAINS];
            for (int g = 0; g < CHAINS; g++)
                k[g] = 0;
            for (Py_ssize_t d = 0; d < depth; d++)
                for (int g = 0; g < CHAINS; g++) {
                    const int32_t *tf = feat + (t + g) * inner;
                    const double *tt = thr + (t + g) * inner;
                    k[g] = 2 * k[g] + 1 + (row[tf[k[g]]] > tt[k[g]]);
                }
            for (int g = 0; g < CHAINS; g++)
                leaf[t + g] = val[(t + g) * (inner + 1) + k[g] - inner];
        }
        for (; t < trees; t++) {
            const int32_t *tf = feat + t * inner;
            const double *tt = thr + t * inner;
            Py_ssize_t k = 0;
            for (Py_ssize_t d = 0; d < depth; d++)
                k = 2 * k + 1 + (row[tf[k]] > tt[k]);
            leaf[t] = val[t * (inner + 1) + k - inner];
        }
        out[i] = (0.0 + pairwise(leaf, trees)) + baseline;
    }
}

static PyObject *scores(PyObject *self, PyObject *args) {
    Py_buffer x, right, feature, threshold, value, out;
    Py_ssize_t width, right_width, inner, depth;
    double baseline;
    if (!PyArg_ParseTuple(args, "y*ny*ny*y*y*nndw*", &x, &width, &right, &right_width, &feature,
                          &threshold, &value, &inner, &depth, &baseline, &out))
        return NULL;
    PyObject *result = NULL;
    double *scratch = NULL;
    Py_ssize_t n = out.len / (Py_ssize_t)sizeof(double);
    Py_ssize_t trees = inner > 0 ? feature.len / (Py_ssize_t)sizeof(int32_t) / inner : 0;
    Py_ssize_t all = width + right_width;
    if (width <= 0 || right_width < 0 || inner <= 0 || depth <= 0 || depth > 30
        || inner != ((Py_ssize_t)1 << depth) - 1
        || out.len != n * (Py_ssize_t)sizeof(double)
        || x.len != n * width * (Py_ssize_t)sizeof(double)
        || right.len != n * right_width * (Py_ssize_t)sizeof(double)
        || feature.len != trees * inner * (Py_ssize_t)sizeof(int32_t)
        || threshold.len != trees * inner * (Py_ssize_t)sizeof(double)
        || value.len != trees * (inner + 1) * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "scores: array sizes do not match");
        goto done;
    }
    const int32_t *feat = feature.buf;
    for (Py_ssize_t k = 0; k < trees * inner; k++) { /* every index is read unchecked below */
        if (feat[k] < 0 || feat[k] >= all) {
            PyErr_SetString(PyExc_ValueError, "scores: feature index out of range");
            goto done;
        }
    }
    scratch = PyMem_Malloc((size_t)(all + trees + 1) * sizeof(double));
    if (scratch == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    if (depth == 5) /* the packaged model's depth: its walk unrolled (the same steps) */
        walk(x.buf, n, width, right.buf, right_width, feat, threshold.buf, value.buf, trees, 31, 5,
             baseline, out.buf, scratch, scratch + all);
    else
        walk(x.buf, n, width, right.buf, right_width, feat, threshold.buf, value.buf, trees, inner,
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
    {"scores", scores, METH_VARARGS, "The raw score of every row (see the file)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_trees", NULL, -1, methods};

PyMODINIT_FUNC PyInit__trees(void) { return PyModule_Create(&module); }
