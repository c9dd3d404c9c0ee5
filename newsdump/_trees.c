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
 * (Where the processor has AVX-512, newsdump.model walks the packaged forests by leaf masks
 * instead: walk_masks, below.)
 * A row walks a group's eight trees together, two rows at once: sixteen independent chains
 * of loads that the processor overlaps, each chain's state one index. The last group may hold
 * fewer trees (it is walked whole all the same: see walk_rows). (In the walk of one row at a
 * time, two groups at once took about as long as one: 1.29 M instructions a page instead of
 * 1.02 M, the registers spill; two rows through one group pay, see group_rows.)
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
 *   walk(..., out, negate): with negate true, out gets the scores negated (exact: predict's
 *     logistic takes the exp of -score)
 *   inverse_1p(out): out[i] = 1.0 / (1.0 + out[i]), in place
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
 * instructions a step (the compiler makes six of the C: setb, movzbl, lea). The bound is
 * addressed as (T, k) in registers (given T[k] as an operand, gcc kept the addresses of the
 * roots' bounds on the stack: 44 K instructions a page more); the "m" operand tells it that
 * the group's bounds are read. */
#define STEP(k)                                                                             \
    do {                                                                                   \
        double x_ = row[FEATURE(k)];                                                       \
        __asm__("ucomisd (%2,%0,8), %1\n\tadcq %0, %0"                                       \
                : "+r"(k)                                                                  \
                : "x"(x_), "r"(T), "m"(*(const double(*)[])T)                             \
                : "cc");                                                                   \
    } while (0)
#else
#define STEP(k) k = 2 * k + !(row[FEATURE(k)] >= T[k])
#endif
/* the feature tested at node k of the group: one byte when every index fits (the packaged
 * models: the nodes' features take a quarter of the cache lines), else four */
#define FEATURE(k) (wide ? (Py_ssize_t)F32[k] : (Py_ssize_t)F8[k])
#define FIRST_ROOT 15 /* tree g's root: FIRST_ROOT - g */

/* rows walked through each group together (the bench pages' L1 read misses of the walk, per
 * page: 4 rows 34 K, 8 rows 22.8 K, 16 rows 14.8 K, 32 rows 18.1 K; a row at a time 73 K) */
#define TILE 16

/* tree g's leaf value (index k) in r[g], or added to it */
#define LEAVES(r, k)                                                                           \
    do {                                                                                       \
        if (add) {                                                                             \
            r[0] += V[k##0], r[1] += V[k##1], r[2] += V[k##2], r[3] += V[k##3];                \
            r[4] += V[k##4], r[5] += V[k##5], r[6] += V[k##6], r[7] += V[k##7];                \
        } else {                                                                               \
            r[0] = V[k##0], r[1] = V[k##1], r[2] = V[k##2], r[3] = V[k##3];                    \
            r[4] = V[k##4], r[5] = V[k##5], r[6] = V[k##6], r[7] = V[k##7];                    \
        }                                                                                      \
    } while (0)

/* rows[j * rstride] (j < m) through the eight trees of one group: tree g's leaf value in
 * dst[j * dstride + g], or added to it (add). Two rows at a time: sixteen independent chains
 * that the processor overlaps (the walk's time is the latency of its chains of loads: 187 ->
 * 171 us a page with the walk alone, although gcc spills some of the sixteen indices: 924 K ->
 * 1.16 M instructions a page). Inlined in each variant below: with the depth and `wide`
 * constants, the levels unroll. */
static inline __attribute__((always_inline)) void group_rows(
    const double *rows, Py_ssize_t m, Py_ssize_t rstride, const void *feat, int wide,
    const double *T, const double *leaves, Py_ssize_t depth, double *dst, Py_ssize_t dstride,
    int add) {
    const uint8_t *F8 = feat;
    const int32_t *F32 = feat;
    const double *V = leaves - ((Py_ssize_t)1 << (depth + LIFT)); /* leaf k at V[k] */
    Py_ssize_t j = 0;
    for (; j + 1 < m; j += 2) {
        const double *row1 = rows + j * rstride, *row2 = row1 + rstride;
        Py_ssize_t k0 = 15, k1 = 14, k2 = 13, k3 = 12, k4 = 11, k5 = 10, k6 = 9, k7 = 8;
        Py_ssize_t q0 = 15, q1 = 14, q2 = 13, q3 = 12, q4 = 11, q5 = 10, q6 = 9, q7 = 8;
#pragma GCC unroll 8
        for (Py_ssize_t d = 0; d < depth; d++) {
            const double *row = row1;
            STEP(k0); STEP(k1); STEP(k2); STEP(k3); STEP(k4); STEP(k5); STEP(k6); STEP(k7);
            row = row2;
            STEP(q0); STEP(q1); STEP(q2); STEP(q3); STEP(q4); STEP(q5); STEP(q6); STEP(q7);
        }
        double *r1 = dst + j * dstride, *r2 = r1 + dstride;
        LEAVES(r1, k);
        LEAVES(r2, q);
    }
    if (j < m) { /* the last of an odd count */
        const double *row = rows + j * rstride;
        Py_ssize_t k0 = 15, k1 = 14, k2 = 13, k3 = 12, k4 = 11, k5 = 10, k6 = 9, k7 = 8;
#pragma GCC unroll 8
        for (Py_ssize_t d = 0; d < depth; d++) {
            STEP(k0); STEP(k1); STEP(k2); STEP(k3); STEP(k4); STEP(k5); STEP(k6); STEP(k7);
        }
        double *r = dst + j * dstride;
        LEAVES(r, k);
    }
}

typedef void group_fn(const double *, Py_ssize_t, Py_ssize_t, const void *, const double *,
                      const double *, Py_ssize_t, double *, Py_ssize_t, int);
#define GROUP_VARIANT(name, DEPTH, WIDE)                                                     \
    static void name(const double *rows, Py_ssize_t m, Py_ssize_t rstride, const void *feat, \
                     const double *T, const double *leaves, Py_ssize_t depth, double *dst,   \
                     Py_ssize_t dstride, int add) {                                          \
        (void)depth;                                                                         \
        if (add)                                                                             \
            group_rows(rows, m, rstride, feat, WIDE, T, leaves, DEPTH, dst, dstride, 1);     \
        else                                                                                 \
            group_rows(rows, m, rstride, feat, WIDE, T, leaves, DEPTH, dst, dstride, 0);     \
    }
GROUP_VARIANT(group_depth5, 5, 0) /* the packaged models: their walk unrolled (the same steps) */
GROUP_VARIANT(group_narrow, depth, 0)
GROUP_VARIANT(group_wide, depth, 1)

/* Rows go in tiles of TILE, and a tile walks group by group (every row of the tile through the
 * group's eight trees, then the next group): the group's nodes (~4.3 KB at depth 5) stay in L1
 * while the tile's rows pass, where a row at a time dragged the whole forest (~56 KB a stage)
 * through the 32 KB L1 for every row. Each row keeps its own partial sums (acc) and leaf values
 * (leaf), added in the same order as one row at a time: the same floats. The last group, when
 * it holds fewer than eight trees, is walked whole too (its padding stays inside the group; the
 * values of the missing trees are never read): eight chains that overlap where one tree at a
 * time waited on each load. */
static void walk_rows(const double *xs, Py_ssize_t n, Py_ssize_t width, const double *rs,
                      Py_ssize_t right_width, const void *feat, int wide, const double *thr,
                      const double *val, Py_ssize_t trees, Py_ssize_t depth, double baseline,
                      int negate, double *out, double *joined, double *leaf) {
    group_fn *group = depth == 5 && !wide ? group_depth5 : wide ? group_wide : group_narrow;
    const Py_ssize_t stride = (Py_ssize_t)1 << (depth + LIFT);
    const Py_ssize_t full = trees / CHAINS, rest = trees % CHAINS, groups = full + (rest > 0);
    const size_t fbytes = wide ? sizeof(int32_t) : 1;
    const int fused = trees >= CHAINS && trees <= 128; /* numpy's eight partial sums, no halves */
    /* a row's stored leaf values: fused, the last group's alone; else every tree's */
    const Py_ssize_t lstride = fused ? CHAINS : groups * CHAINS;
    const Py_ssize_t all = width + right_width;
    double acc[TILE * CHAINS];
    for (Py_ssize_t i0 = 0; i0 < n; i0 += TILE) {
        const Py_ssize_t m = n - i0 < TILE ? n - i0 : TILE;
        const double *rows = xs + i0 * width;
        Py_ssize_t rstride = width;
        if (right_width > 0) { /* the tile's rows of np.hstack((x, right)) */
            for (Py_ssize_t j = 0; j < m; j++) {
                memcpy(joined + j * all, xs + (i0 + j) * width, (size_t)width * sizeof(double));
                memcpy(joined + j * all + width, rs + (i0 + j) * right_width,
                       (size_t)right_width * sizeof(double));
            }
            rows = joined;
            rstride = all;
        }
        for (Py_ssize_t grp = 0; grp < groups; grp++) {
            const void *F = (const char *)feat + (size_t)(grp * stride) * fbytes;
            const double *T = thr + grp * stride, *V = val + grp * stride;
            if (fused && grp < full)
                group(rows, m, rstride, F, T, V, depth, acc, CHAINS, grp > 0);
            else if (fused)
                group(rows, m, rstride, F, T, V, depth, leaf, lstride, 0);
            else
                group(rows, m, rstride, F, T, V, depth, leaf + grp * CHAINS, lstride, 0);
        }
        for (Py_ssize_t j = 0; j < m; j++) {
            const double *l = leaf + j * lstride;
            double sum;
            if (fused) { /* as _pairwise.h for 8 <= n <= 128 */
                const double *r = acc + j * CHAINS;
                sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for (Py_ssize_t g = 0; g < rest; g++) sum += l[g];
            } else {
                sum = pairwise(l, trees);
            }
            const double raw = (0.0 + sum) + baseline;
            out[i0 + j] = negate ? -raw : raw;
        }
    }
}

static PyObject *walk(PyObject *self, PyObject *args) {
    Py_buffer x, right, feature, threshold, value, out;
    Py_ssize_t width, right_width, trees, depth;
    double baseline;
    int negate = 0;
    if (!PyArg_ParseTuple(args, "y*ny*ny*y*y*nndw*|p", &x, &width, &right, &right_width,
                          &feature, &threshold, &value, &trees, &depth, &baseline, &out, &negate))
        return NULL;
    PyObject *result = NULL;
    double *scratch = NULL;
    Py_ssize_t n = out.len / (Py_ssize_t)sizeof(double);
    Py_ssize_t stride = depth > 0 && depth <= MAX_DEPTH ? (Py_ssize_t)1 << (depth + LIFT) : 0;
    Py_ssize_t groups = trees > 0 ? (trees + CHAINS - 1) / CHAINS : 0;
    /* (the widths bounded first, by division: no product below overflows) */
    if (width <= 0 || right_width < 0 || trees <= 0 || stride == 0
        || width > PY_SSIZE_T_MAX / 8 / TILE || right_width > PY_SSIZE_T_MAX / 8 / TILE
        || groups > PY_SSIZE_T_MAX / 8 / stride
        || out.len != n * (Py_ssize_t)sizeof(double)
        || (n > 0 && (width > x.len / 8 / n || right_width > right.len / 8 / n))
        || x.len != n * width * (Py_ssize_t)sizeof(double)
        || right.len != n * right_width * (Py_ssize_t)sizeof(double)
        || (feature.len != groups * stride * (Py_ssize_t)sizeof(int32_t)
            && feature.len != groups * stride)
        || threshold.len != groups * stride * (Py_ssize_t)sizeof(double)
        || value.len != groups * stride * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "walk: array sizes do not match");
        goto done;
    }
    Py_ssize_t all = width + right_width;
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
    if (n == 0) { /* nothing to walk */
        result = Py_None;
        Py_INCREF(result);
        goto done;
    }
    /* a tile of joined rows, then each row's leaf values (walk_rows' `lstride` at most) */
    Py_ssize_t tile_all = TILE * all;
    scratch = PyMem_Malloc((size_t)(tile_all + TILE * groups * CHAINS) * sizeof(double));
    if (scratch == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    walk_rows(x.buf, n, width, right.buf, right_width, feature.buf, wide, threshold.buf,
              value.buf, trees, depth, baseline, negate, out.buf, scratch, scratch + tile_all);
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

/* ---- The walk by leaf masks (QuickScorer's exit leaf, Lucchese et al., SIGIR 2015), sixteen
 * rows a tile (two AVX-512 vectors of eight), where the processor has AVX-512 F, VL and CD
 * (masks_supported(); else walk_masks returns False and the caller walks as above).
 *
 * Each tree is given as its `nodes` inner nodes (model.Forest's masked layout: the nodes of its
 * complete tree that x can pass right, in any order, padded to the forest's largest count by
 * nodes that never do: threshold NaN) and at most 16 leaves, numbered left to right. Leaf i is
 * bit 31 - i of a 32-bit mask; `keep` of a node is every bit but those of the leaves under its
 * left child. A row goes right at a node iff x > threshold (false for NaN: left, as numpy's walk)
 * and can then reach none of those leaves; its exit leaf is the leftmost leaf that no node it
 * goes right at rules out (QuickScorer's theorem): the highest set bit of the AND of those nodes'
 * keeps, i.e. leaf lzcnt(mask). No node is skipped by a branch: a node is its column's sixteen
 * values compared with its threshold (two vcmppd), then its keep ANDed into the masks of the
 * rows that go right (two masked vpandd), seven instructions a node for sixteen rows (two
 * independent chains of masks) where the step-by-step walk takes four a level for one row.
 * The rows of a tile are transposed first (column f's sixteen values together). The leaf value
 * is picked from the tree's 16 by vpermt2pd (only the index's low 4 bits are read: no mask
 * reads outside the tree's leaves). The values are summed per row (a lane) in the order of
 * walk_rows (8 <= trees <= 128: the eight partial sums, then the last trees one by one, then
 * 0.0 + sum + baseline): the same IEEE operations, so the same floats.
 * Both walks alone over the aeb-dev pages' matrices (thread time, min of 30 rounds, warm): in
 * groups 107-109 us a page; by masks, eight rows a tile 60, sixteen 48, sixteen as one chain of
 * 16-bit masks 50, each distinct comparison made once per tile and read back as mask bytes (777
 * and 888 of the 1,400 nodes) 61, two trees interleaved 48, the node step in asm 44-46. Below
 * ~8 rows the walk in groups is faster (one tile costs the same for 1 row or 16:
 * model.MASK_MIN_ROWS).
 *
 *   walk_masks(x, width, right, right_width, feature, threshold, keep, leaves, trees, nodes,
 *              baseline, out, negate) -> bool
 *     feature: int32[trees * nodes] (each below width + right_width), threshold: float64[trees *
 *     nodes], keep: uint32[trees * nodes], leaves: float64[trees * 16]; 8 <= trees <= 128. False
 *     (out untouched) where the processor lacks AVX-512.
 *   masks_supported() -> bool
 */
#define MASK_ROWS 16   /* rows of a tile: two vectors of eight */
#define MASK_LEAVES 16 /* leaves of a tree at most (two vectors of values) */

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__) && !defined(NEWSDUMP_NO_AVX512)
#define HAVE_MASK_WALK 1
#include <immintrin.h>

#define MASK_TARGET __attribute__((target("avx512f,avx512vl,avx512cd")))

/* the sixteen rows of `tile` through tree t: its leaf value of each row (rows 0-7 in *low, 8-15
 * in *high; two independent chains of masks). `offset`: each node's column times 16 (a column's
 * sixteen values start at tile + offset) */
static inline __attribute__((always_inline)) MASK_TARGET void mask_tree(
    const double *tile, const int32_t *offset, const double *threshold, const uint32_t *keep,
    const double *leaves, Py_ssize_t t, Py_ssize_t nodes, __m512d *low, __m512d *high) {
    const int32_t *F = offset + t * nodes;
    const double *T = threshold + t * nodes;
    const uint32_t *K = keep + t * nodes;
    __m256i mask0 = _mm256_set1_epi32(-1), mask1 = mask0;
#pragma GCC unroll 16
    for (Py_ssize_t k = 0; k < nodes; k++) {
        const __m512d bound = _mm512_set1_pd(T[k]);
        const __m256i kept = _mm256_set1_epi32((int)K[k]);
#if !defined(NEWSDUMP_PLAIN_STEP)
        /* x > bound as bound < x (vcmppd LT_OQ: false for NaN, as GT_OQ), the column read from
         * memory (gcc's intrinsics copied each mask and formed an address: 12 -> 7 instructions
         * a node, 47.8 -> 44.0-46.7 us a page) */
        const Py_ssize_t column = F[k];
        __asm__("vcmppd $0x11, (%[t],%[f],8), %[b], %%k1\n\t"
                "vcmppd $0x11, 64(%[t],%[f],8), %[b], %%k2\n\t"
                "vpandd %[kp], %[m0], %[m0]%{%%k1%}\n\t"
                "vpandd %[kp], %[m1], %[m1]%{%%k2%}"
                : [m0] "+v"(mask0), [m1] "+v"(mask1)
                : [t] "r"(tile), [f] "r"(column), [b] "v"(bound), [kp] "v"(kept),
                  "m"(*(const double(*)[])tile)
                : "k1", "k2");
#else
        const double *column = tile + F[k];
        __mmask8 right0 = _mm512_cmp_pd_mask(_mm512_load_pd(column), bound, _CMP_GT_OQ);
        __mmask8 right1 = _mm512_cmp_pd_mask(_mm512_load_pd(column + 8), bound, _CMP_GT_OQ);
        mask0 = _mm256_mask_and_epi32(mask0, right0, mask0, kept);
        mask1 = _mm256_mask_and_epi32(mask1, right1, mask1, kept);
#endif
    }
    const double *L = leaves + t * MASK_LEAVES;
    const __m512d L0 = _mm512_loadu_pd(L), L1 = _mm512_loadu_pd(L + 8);
    *low = _mm512_permutex2var_pd(L0, _mm512_cvtepu32_epi64(_mm256_lzcnt_epi32(mask0)), L1);
    *high = _mm512_permutex2var_pd(L0, _mm512_cvtepu32_epi64(_mm256_lzcnt_epi32(mask1)), L1);
}

/* columns 0 .. cols - 1 of rows src[j * stride] (j < m, at most 8) transposed into dst: column
 * f's eight values (0.0 for rows j >= m) at dst[MASK_ROWS * f], eight columns at a time (an 8 x 8
 * transpose in registers: whole-line stores that the walk's loads read straight back; a row at a
 * time, its values stored one by one, cost a third of the walk's time). The masked loads of a
 * last block of fewer than 8 columns read nothing past the row (AVX-512 masks suppress faults) */
static inline __attribute__((always_inline)) MASK_TARGET void mask_transpose(
    const double *src, Py_ssize_t stride, Py_ssize_t cols, Py_ssize_t m, double *dst) {
    for (Py_ssize_t f = 0; f < cols; f += 8) {
        const Py_ssize_t left = cols - f < 8 ? cols - f : 8;
        const __mmask8 take = (__mmask8)((1u << left) - 1);
        __m512d r[8];
#pragma GCC unroll 8
        for (int j = 0; j < 8; j++)
            r[j] = j < m ? _mm512_maskz_loadu_pd(take, src + j * stride + f) : _mm512_setzero_pd();
        __m512d t[8];
#pragma GCC unroll 4
        for (int j = 0; j < 8; j += 2) {
            t[j] = _mm512_unpacklo_pd(r[j], r[j + 1]);  /* columns 0 2 4 6 of rows j, j + 1 */
            t[j + 1] = _mm512_unpackhi_pd(r[j], r[j + 1]); /* columns 1 3 5 7 */
        }
        __m512d c[8];
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) { /* h = 0: even columns, 1: odd */
            __m512d a = _mm512_shuffle_f64x2(t[h], t[2 + h], 0x88);     /* c0 (+ h), c4 */
            __m512d b = _mm512_shuffle_f64x2(t[4 + h], t[6 + h], 0x88); /* of rows 4-7 */
            __m512d p = _mm512_shuffle_f64x2(t[h], t[2 + h], 0xDD);     /* c2 (+ h), c6 */
            __m512d q = _mm512_shuffle_f64x2(t[4 + h], t[6 + h], 0xDD);
            c[0 + h] = _mm512_shuffle_f64x2(a, b, 0x88);
            c[4 + h] = _mm512_shuffle_f64x2(a, b, 0xDD);
            c[2 + h] = _mm512_shuffle_f64x2(p, q, 0x88);
            c[6 + h] = _mm512_shuffle_f64x2(p, q, 0xDD);
        }
        if (left == 8) {
#pragma GCC unroll 8
            for (int k = 0; k < 8; k++) _mm512_store_pd(dst + (f + k) * MASK_ROWS, c[k]);
        } else {
            for (Py_ssize_t k = 0; k < left; k++) _mm512_store_pd(dst + (f + k) * MASK_ROWS, c[k]);
        }
    }
}

static inline __attribute__((always_inline)) MASK_TARGET void mask_rows(
    const double *xs, Py_ssize_t n, Py_ssize_t width, const double *rs, Py_ssize_t right_width,
    const int32_t *offset, const double *threshold, const uint32_t *keep, const double *leaves,
    Py_ssize_t trees, Py_ssize_t nodes, double baseline, int negate, double *out, double *tile) {
    const Py_ssize_t full = trees / CHAINS;
    const __m512i sign = _mm512_set1_epi64((long long)0x8000000000000000ULL);
    for (Py_ssize_t i0 = 0; i0 < n; i0 += MASK_ROWS) {
        const Py_ssize_t m = n - i0 < MASK_ROWS ? n - i0 : MASK_ROWS;
        /* the tile's rows of np.hstack((x, right)), transposed: column f of the sixteen rows at
         * tile[16f] (rows past the last: 0.0, never written out) */
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) { /* rows 0-7 of the tile, then 8-15 */
            const Py_ssize_t rows = m - 8 * h, at = rows > 0 ? i0 + 8 * h : i0; /* in bounds */
            mask_transpose(xs + at * width, width, width, rows, tile + 8 * h);
            if (right_width > 0)
                mask_transpose(rs + at * right_width, right_width, right_width, rows,
                               tile + width * MASK_ROWS + 8 * h);
        }
        __m512d acc[2 * CHAINS], v0, v1;
#pragma GCC unroll 8
        for (Py_ssize_t g = 0; g < CHAINS; g++)
            mask_tree(tile, offset, threshold, keep, leaves, g, nodes, &acc[g], &acc[CHAINS + g]);
        for (Py_ssize_t grp = 1; grp < full; grp++) {
#pragma GCC unroll 8
            for (Py_ssize_t g = 0; g < CHAINS; g++) {
                mask_tree(tile, offset, threshold, keep, leaves, grp * CHAINS + g, nodes, &v0, &v1);
                acc[g] = _mm512_add_pd(acc[g], v0);
                acc[CHAINS + g] = _mm512_add_pd(acc[CHAINS + g], v1);
            }
        }
        __m512d sum[2];
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) {
            const __m512d *r = acc + h * CHAINS;
            sum[h] = _mm512_add_pd(
                _mm512_add_pd(_mm512_add_pd(r[0], r[1]), _mm512_add_pd(r[2], r[3])),
                _mm512_add_pd(_mm512_add_pd(r[4], r[5]), _mm512_add_pd(r[6], r[7])));
        }
        for (Py_ssize_t t = full * CHAINS; t < trees; t++) { /* the last trees, one by one */
            mask_tree(tile, offset, threshold, keep, leaves, t, nodes, &v0, &v1);
            sum[0] = _mm512_add_pd(sum[0], v0);
            sum[1] = _mm512_add_pd(sum[1], v1);
        }
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) {
            __m512d raw = _mm512_add_pd(_mm512_add_pd(_mm512_setzero_pd(), sum[h]),
                                        _mm512_set1_pd(baseline));
            if (negate) raw = _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(raw), sign));
            const Py_ssize_t rows = m - 8 * h; /* of this half */
            if (rows > 0)
                _mm512_mask_storeu_pd(out + i0 + 8 * h,
                                      (__mmask8)(rows >= 8 ? 0xFF : (1u << rows) - 1), raw);
        }
    }
}

typedef void mask_fn(const double *, Py_ssize_t, Py_ssize_t, const double *, Py_ssize_t,
                     const int32_t *, const double *, const uint32_t *, const double *, Py_ssize_t,
                     Py_ssize_t, double, int, double *, double *);
#define MASK_VARIANT(name, NODES)                                                              \
    static MASK_TARGET void name(const double *xs, Py_ssize_t n, Py_ssize_t width,             \
                                 const double *rs, Py_ssize_t right_width, const int32_t *off, \
                                 const double *thr, const uint32_t *keep, const double *leaves, \
                                 Py_ssize_t trees, Py_ssize_t nodes, double baseline,           \
                                 int negate, double *out, double *tile) {                       \
        (void)nodes;                                                                           \
        mask_rows(xs, n, width, rs, right_width, off, thr, keep, leaves, trees, NODES,         \
                  baseline, negate, out, tile);                                                \
    }
MASK_VARIANT(mask_nodes14, 14) /* the packaged models (15 leaves a tree): the nodes unrolled */
MASK_VARIANT(mask_any, nodes)
#endif

static PyObject *walk_masks(PyObject *self, PyObject *args) {
    Py_buffer x, right, feature, threshold, keep, leaves, out;
    Py_ssize_t width, right_width, trees, nodes;
    double baseline;
    int negate = 0;
    if (!PyArg_ParseTuple(args, "y*ny*ny*y*y*y*nndw*|p", &x, &width, &right, &right_width,
                          &feature, &threshold, &keep, &leaves, &trees, &nodes, &baseline, &out,
                          &negate))
        return NULL;
    PyObject *result = NULL;
    double *scratch = NULL;
    Py_ssize_t n = out.len / (Py_ssize_t)sizeof(double);
    /* (the widths and counts bounded first, by division: no product below overflows) */
    if (width <= 0 || right_width < 0 || trees < CHAINS || trees > 128 || nodes < 0
        || nodes > PY_SSIZE_T_MAX / 8 / 128 || width > PY_SSIZE_T_MAX / 8 / MASK_ROWS / 2
        || right_width > PY_SSIZE_T_MAX / 8 / MASK_ROWS / 2
        || out.len != n * (Py_ssize_t)sizeof(double)
        || (n > 0 && (width > x.len / 8 / n || right_width > right.len / 8 / n))
        || x.len != n * width * (Py_ssize_t)sizeof(double)
        || right.len != n * right_width * (Py_ssize_t)sizeof(double)
        || feature.len != trees * nodes * (Py_ssize_t)sizeof(int32_t)
        || threshold.len != trees * nodes * (Py_ssize_t)sizeof(double)
        || keep.len != trees * nodes * (Py_ssize_t)sizeof(uint32_t)
        || leaves.len != trees * MASK_LEAVES * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "walk_masks: array sizes do not match");
        goto done;
    }
    const Py_ssize_t all = width + right_width;
#ifdef HAVE_MASK_WALK
    __builtin_cpu_init();
    if (!(__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
          && __builtin_cpu_supports("avx512cd"))) {
        result = Py_False;
        Py_INCREF(result);
        goto done;
    }
    /* the transposed tile, aligned to 64 bytes, then each node's column times MASK_ROWS */
    const Py_ssize_t tile_all = all * MASK_ROWS + 8;
    scratch = PyMem_Malloc((size_t)tile_all * sizeof(double)
                           + (size_t)(trees * nodes) * sizeof(int32_t));
    if (scratch == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int32_t *offset = (int32_t *)(scratch + tile_all);
    { /* every index is read unchecked below: all checked in one pass with no branch */
        const uint32_t limit =
            all > INT32_MAX / MASK_ROWS ? (uint32_t)INT32_MAX / MASK_ROWS + 1 : (uint32_t)all;
        const int32_t *feat = feature.buf;
        uint32_t bad = 0;
        for (Py_ssize_t k = 0; k < trees * nodes; k++) {
            bad |= (uint32_t)feat[k] >= limit;
            offset[k] = (int32_t)((uint32_t)feat[k] * MASK_ROWS);
        }
        if (bad) {
            PyErr_SetString(PyExc_ValueError, "walk_masks: feature index out of range");
            goto done;
        }
    }
    if (n > 0) {
        double *tile = (double *)(((uintptr_t)scratch + 63) & ~(uintptr_t)63);
        mask_fn *rows = nodes == 14 ? mask_nodes14 : mask_any;
        Py_BEGIN_ALLOW_THREADS
        rows(x.buf, n, width, right.buf, right_width, offset, threshold.buf, keep.buf,
             leaves.buf, trees, nodes, baseline, negate, out.buf, tile);
        Py_END_ALLOW_THREADS
    }
    result = Py_True;
#else
    (void)all;
    (void)baseline;
    (void)negate;
    result = Py_False;
#endif
    Py_INCREF(result);
done:
    PyMem_Free(scratch);
    PyBuffer_Release(&x);
    PyBuffer_Release(&right);
    PyBuffer_Release(&feature);
    PyBuffer_Release(&threshold);
    PyBuffer_Release(&keep);
    PyBuffer_Release(&leaves);
    PyBuffer_Release(&out);
    return result;
}

/* masks_supported(): whether walk_masks walks here (the processor has AVX-512 F, VL and CD) */
static PyObject *masks_supported(PyObject *self, PyObject *unused) {
#ifdef HAVE_MASK_WALK
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512cd"))
        Py_RETURN_TRUE;
#endif
    Py_RETURN_FALSE;
}

/* inverse_1p(out): out[i] = 1.0 / (1.0 + out[i]), in place: the end of the logistic function
 * after numpy's exp, the same two IEEE operations as `out += 1.0; np.divide(1.0, out, out=out)`
 * (one call instead of two) */
static PyObject *inverse_1p(PyObject *self, PyObject *arg) {
    Py_buffer out;
    if (PyObject_GetBuffer(arg, &out, PyBUF_WRITABLE) < 0) return NULL;
    if (out.len % (Py_ssize_t)sizeof(double) != 0) {
        PyBuffer_Release(&out);
        PyErr_SetString(PyExc_ValueError, "inverse_1p: not a float64 array");
        return NULL;
    }
    double *v = out.buf;
    for (Py_ssize_t i = 0, n = out.len / (Py_ssize_t)sizeof(double); i < n; i++)
        v[i] = 1.0 / (1.0 + v[i]);
    PyBuffer_Release(&out);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"walk", walk, METH_VARARGS, "The raw score of every row (see the file)."},
    {"walk_masks", walk_masks, METH_VARARGS, "The walk by leaf masks, AVX-512 (see the file)."},
    {"masks_supported", masks_supported, METH_NOARGS, "Whether walk_masks walks here."},
    {"inverse_1p", inverse_1p, METH_O, "out[i] = 1.0 / (1.0 + out[i]), in place."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_trees", NULL, -1, methods};

PyMODINIT_FUNC PyInit__trees(void) { return PyModule_Create(&module); }
