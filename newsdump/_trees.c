/* The forest walk of newsdump.model, compiled: the leaf value every tree gives every row.
 *
 * Trees are in the complete layout of model.Forest (node k has children 2k+1 and 2k+2;
 * `inner` = 2**depth - 1 inner positions per tree, then 2**depth leaves). The sum over trees
 * stays in numpy, so the scores are the same floats as the pure-Python walk's.
 *
 *   leaves(x, width, feature, threshold, value, inner, depth, out)
 *     x: float64[n * width], feature: intp[trees * inner], threshold: float64[trees * inner],
 *     value: float64[trees * (inner + 1)], out: float64[n * trees] (written)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *leaves(PyObject *self, PyObject *args) {
    Py_buffer x, feature, threshold, value, out;
    Py_ssize_t width, inner, depth;
    if (!PyArg_ParseTuple(args, "y*ny*y*y*nnw*", &x, &width, &feature, &threshold, &value,
                          &inner, &depth, &out))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t n = width > 0 ? x.len / (Py_ssize_t)sizeof(double) / width : 0;
    Py_ssize_t trees = inner > 0 ? feature.len / (Py_ssize_t)sizeof(Py_ssize_t) / inner : 0;
    if (width <= 0 || inner <= 0 || depth <= 0 || inner != ((Py_ssize_t)1 << depth) - 1
        || x.len != n * width * (Py_ssize_t)sizeof(double)
        || feature.len != trees * inner * (Py_ssize_t)sizeof(Py_ssize_t)
        || threshold.len != trees * inner * (Py_ssize_t)sizeof(double)
        || value.len != trees * (inner + 1) * (Py_ssize_t)sizeof(double)
        || out.len != n * trees * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "leaves: array sizes do not match");
        goto done;
    }
    const double *xs = x.buf, *thr = threshold.buf, *val = value.buf;
    const Py_ssize_t *feat = feature.buf;
    double *o = out.buf;
    for (Py_ssize_t t = 0; t < trees; t++) {  /* features are checked once per tree */
        for (Py_ssize_t k = 0; k < inner; k++) {
            Py_ssize_t f = feat[t * inner + k];
            if (f < 0 || f >= width) {
                PyErr_SetString(PyExc_ValueError, "leaves: feature index out of range");
                goto done;
            }
        }
    }
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        const double *row = xs + i * width;
        for (Py_ssize_t t = 0; t < trees; t++) {
            const Py_ssize_t *tf = feat + t * inner;
            const double *tt = thr + t * inner;
            Py_ssize_t k = 0;
            for (Py_ssize_t d = 0; d < depth; d++)
                k = 2 * k + 1 + (row[tf[k]] > tt[k]);
            o[i * trees + t] = val[t * (inner + 1) + k - inner];
        }
    }
    Py_END_ALLOW_THREADS
    result = Py_None;
    Py_INCREF(result);
done:
    PyBuffer_Release(&x);
    PyBuffer_Release(&feature);
    PyBuffer_Release(&threshold);
    PyBuffer_Release(&value);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"leaves", leaves, METH_VARARGS, "The leaf value of every tree for every row (see the file)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_trees", NULL, -1, methods};

PyMODINIT_FUNC PyInit__trees(void) { return PyModule_Create(&module); }
