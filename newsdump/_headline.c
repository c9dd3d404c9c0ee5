/* The headline ranker's scores (newsdump.headline.Ranker.scores), compiled: every tree walked
 * for every row, and each row's leaves summed as numpy sums a C-ordered (row, tree) array along
 * its last axis (0.0 plus numpy's pairwise sum, then the baseline), so the floats are the same
 * as the numpy walk's.
 *
 * Trees are in the complete layout of headline._complete (node k has children 2k+1 and 2k+2;
 * `nodes` = 2**(depth + 1) - 1 positions per tree, the last 2**depth of them the leaves).
 *
 *   scores(rows, width, feature, threshold, value, depth, baseline) -> list[float]
 *     rows: a sequence of sequences of `width` numbers; feature: intp[trees * nodes],
 *     threshold: float64[trees * nodes], value: float64[trees * nodes]
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_pairwise.h"

static PyObject *scores(PyObject *self, PyObject *args) {
    PyObject *rows;
    Py_buffer feature, threshold, value;
    Py_ssize_t width, depth;
    double baseline;
    if (!PyArg_ParseTuple(args, "Ony*y*y*nd", &rows, &width, &feature, &threshold, &value, &depth,
                          &baseline))
        return NULL;
    PyObject *result = NULL, *seq = NULL;
    double *x = NULL, *leaves = NULL;
    if (depth < 0 || depth > 30 || width < 0) {
        PyErr_SetString(PyExc_ValueError, "scores: bad depth or width");
        goto done;
    }
    Py_ssize_t nodes = ((Py_ssize_t)2 << depth) - 1, inner = ((Py_ssize_t)1 << depth) - 1;
    Py_ssize_t trees = feature.len / (Py_ssize_t)sizeof(Py_ssize_t) / nodes;
    if (feature.len != trees * nodes * (Py_ssize_t)sizeof(Py_ssize_t)
        || threshold.len != trees * nodes * (Py_ssize_t)sizeof(double)
        || value.len != trees * nodes * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "scores: array sizes do not match");
        goto done;
    }
    const Py_ssize_t *feat = feature.buf;
    const double *thr = threshold.buf, *val = value.buf;
    for (Py_ssize_t t = 0; t < trees; t++) /* the inner nodes' features, once per call */
        for (Py_ssize_t k = 0; k < inner; k++) {
            Py_ssize_t f = feat[t * nodes + k];
            if (f < 0 || f >= width) {
                PyErr_SetString(PyExc_ValueError, "scores: feature index out of range");
                goto done;
            }
        }
    seq = PySequence_Fast(rows, "scores: rows must be a sequence");
    if (seq == NULL)
        goto done;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    x = PyMem_Malloc(sizeof(double) * (size_t)(width > 0 ? width : 1));
    leaves = PyMem_Malloc(sizeof(double) * (size_t)(trees > 0 ? trees : 1));
    if (x == NULL || leaves == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    PyObject *out = PyList_New(n);
    if (out == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *row = PySequence_Fast(PySequence_Fast_GET_ITEM(seq, i),
                                        "scores: a row must be a sequence");
        if (row == NULL) {
            Py_DECREF(out);
            goto done;
        }
        if (PySequence_Fast_GET_SIZE(row) != width) {
            Py_DECREF(row);
            Py_DECREF(out);
            PyErr_SetString(PyExc_ValueError, "scores: a row's length is not the width");
            goto done;
        }
        for (Py_ssize_t j = 0; j < width; j++) {
            PyObject *v = PySequence_Fast_GET_ITEM(row, j);
            if (PyFloat_CheckExact(v)) {
                x[j] = PyFloat_AS_DOUBLE(v);
                continue;
            }
            Py_INCREF(v); /* its __float__ may change the lists: held, and their sizes checked */
            x[j] = PyFloat_AsDouble(v);
            Py_DECREF(v);
            if ((x[j] == -1.0 && PyErr_Occurred()) || PySequence_Fast_GET_SIZE(row) != width
                || PySequence_Fast_GET_SIZE(seq) != n) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_ValueError, "scores: the rows changed");
                Py_DECREF(row);
                Py_DECREF(out);
                goto done;
            }
        }
        Py_DECREF(row);
        for (Py_ssize_t t = 0; t < trees; t++) {
            const Py_ssize_t *tf = feat + t * nodes;
            const double *tt = thr + t * nodes;
            Py_ssize_t k = 0;
            for (Py_ssize_t d = 0; d < depth; d++)
                k = 2 * k + 1 + (x[tf[k]] > tt[k]);
            leaves[t] = val[t * nodes + k];
        }
        PyObject *score = PyFloat_FromDouble((0.0 + pairwise(leaves, trees)) + baseline);
        if (score == NULL) {
            Py_DECREF(out);
            goto done;
        }
        PyList_SET_ITEM(out, i, score);
    }
    result = out;
done:
    PyMem_Free(x);
    PyMem_Free(leaves);
    Py_XDECREF(seq);
    PyBuffer_Release(&feature);
    PyBuffer_Release(&threshold);
    PyBuffer_Release(&value);
    return result;
}

static PyMethodDef methods[] = {
    {"scores", scores, METH_VARARGS, "Every row's score by the complete trees (see the file)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_headline", NULL, -1, methods};

PyMODINIT_FUNC PyInit__headline(void) { return PyModule_Create(&module); }
