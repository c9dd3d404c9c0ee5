/* numpy's pairwise_sum of float64 (numpy/_core/src/umath/loops_utils.h.src), as add.reduce runs
 * it on a contiguous row: eight partial sums over blocks of at most 128, halves above. Summing
 * a row's leaf values in this order (as 0.0 + pairwise(a, n)) gives the same floats as numpy.
 * Shared by _trees.c and _headline.c. */
#ifndef NEWSDUMP_PAIRWISE_H
#define NEWSDUMP_PAIRWISE_H

#include <Python.h>

static double pairwise(const double *a, Py_ssize_t n) {
    if (n < 8) {
        double res = 0.;
        for (Py_ssize_t i = 0; i < n; i++)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; j++)
            r[j] = a[j];
        Py_ssize_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++)
                r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += a[i];
        return res;
    }
    Py_ssize_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, n2) + pairwise(a + n2, n - n2);
}

#endif
