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
 * instead: walk_masks, below; with AVX-512 BW too, by leaf masks on ranks: walk_ranks.)
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

/* whether the walks by leaf masks can run here: the processor has AVX-512 F, VL and CD (and
 * BW, with `bw`: the walk on ranks) and the walks are compiled */
static int mask_cpu(int bw) {
#ifdef HAVE_MASK_WALK
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512cd") && (!bw || __builtin_cpu_supports("avx512bw"));
#else
    (void)bw;
    return 0;
#endif
}

/* masks_supported(): whether walk_masks walks here (the processor has AVX-512 F, VL and CD) */
static PyObject *masks_supported(PyObject *self, PyObject *unused) {
    return PyBool_FromLong(mask_cpu(0));
}

/* ---- The walk by leaf masks on ranks (AVX-512 F, VL, CD and BW; ranks_supported()), 32 rows a
 * tile: walk_masks' exit leaves with each node's test made on small integers. Each feature that
 * a node tests has its forest's distinct thresholds sorted (t_0 < t_1 < ... < t_{K-1}); a row's
 * value x of it becomes its rank, the count of those thresholds below x (t_j < x: none for NaN),
 * and a node of threshold t_j sends x right iff rank > j (x > t_j iff t_0 .. t_j are all below
 * x: the same IEEE comparisons, so the same exit leaves; NaN goes left, as in walk_masks; the
 * padding nodes have j = 32767, above every rank). The ranks are found once per (row, feature),
 * eight rows a vector: with 4 to 63 thresholds by a search without branches in a table of 2**L
 * (L = the count's bit length, each step a vpermpd/vpermt2pd of the table, a compare and a masked
 * add), with fewer (or more) by a compare with each; then a node is one compare of 32 int16
 * ranks (vpcmpw, 32 rows) and two masked ANDs of its keep, where walk_masks compares sixteen
 * doubles twice for sixteen rows. The leaf values and their sums are those of walk_masks (the
 * same order): the same floats.
 * The forest is laid out (model._ranked) and checked once (rank_forest: a capsule that holds a
 * copy), not at every call: the checks of 1,400 nodes cost ~2.7 us a call.
 * The walk alone over the aeb-dev pages' matrices (sum over the calls of each call's least thread
 * time in 12-15 rounds, the matrices warm): walk_masks 46.4-47.5 us a page, on ranks 43.7 (ranks
 * ~16, walk ~15, the rest the calls and the transposition), 42.7 with the leaf values picked by
 * even and odd rows (no widening of the indices); with each threshold compared (no search)
 * 50-51, each node's step by intrinsics (gcc copied both masks at every node: one chain through
 * the copies) ~60, the checks at every call +5.
 *
 *   rank_forest(used, start, count, bounds, node, leaves, trees, nodes) -> forest (a capsule)
 *     used: int32[features] (the columns of np.hstack((x, right)) that nodes test; features >=
 *     1); count: int32[features] (feature u's distinct thresholds, at most 32766); start:
 *     int32[features + 1] (feature u's thresholds, ascending, from bounds[start[u]]: count[u] of
 *     them, or a table of max(8, 2**L) slots padded with +inf where 4 <= count[u] <= 63; start[0]
 *     == 0, start[features] == len(bounds)); node: int32[trees * nodes * 4] (a node's ranks'
 *     offset u * 32 for its feature u, its keep (as walk_masks'), its threshold's index j among
 *     u's or 32767 (never right), 0); leaves: as walk_masks'; 8 <= trees <= 128.
 *   walk_ranks(x, width, right, right_width, forest, baseline, out, negate[, uniform]) -> bool
 *     as walk_masks; every column the forest reads below width + right_width. False (out
 *     untouched) where the processor lacks AVX-512 BW. uniform: int32[k], columns (of the
 *     joined rows) that the caller expects to hold one value in every row (the page-wide
 *     features): each one that does (checked, bit for bit) has its rank found once per call,
 *     not per tile (the packaged models' page columns have 31 to 58 thresholds each: the
 *     searches of six levels, ~15 % of the ranks' work); the same ranks, so the same floats.
 *   ranks_supported() -> bool
 */
#define RANK_ROWS 32    /* rows of a tile: two halves of sixteen, ranks as 32 int16 */
#define RANK_NEVER 32767 /* a node's rank bound that no rank exceeds */
#define RANK_MAX_BOUNDS 32766
#define RANK_SEARCH_MIN 4  /* thresholds of a feature searched (fewer: compared one by one) */
#define RANK_SEARCH_MAX 63 /* ... up to a table of 64 */
#define RANK_NODE 4        /* int32 a node: its ranks' offset (feature * RANK_ROWS), keep, j, 0 */

#ifdef HAVE_MASK_WALK
#define RANK_TARGET __attribute__((target("avx512f,avx512vl,avx512cd,avx512bw")))

/* the thirty-two rows' exit leaves of tree t as leaf values, added to acc[0..3] (rows 0, 2 ..
 * 14; 1, 3 .. 15; 16, 18 .. 30; 17, 19 .. 31) or stored there (`add` false) */
static inline __attribute__((always_inline)) RANK_TARGET void rank_tree(
    const int16_t *ranks, const int32_t *node, const double *leaves, Py_ssize_t t,
    Py_ssize_t nodes, __m512d *acc, int add) {
    const int32_t *N = node + t * nodes * RANK_NODE;
    __m512i mask0 = _mm512_set1_epi32(-1), mask1 = mask0;
#pragma GCC unroll 16
    for (Py_ssize_t k = 0; k < nodes; k++) {
        const int32_t *at = N + k * RANK_NODE;
        const __m512i j = _mm512_set1_epi16((int16_t)at[2]);
        const __m512i kept = _mm512_set1_epi32(at[1]);
#if !defined(NEWSDUMP_PLAIN_STEP)
        /* j < rank (vpcmpw LT), the ranks read from memory, the keep ANDed in place (gcc's
         * intrinsics copied each mask before its masked AND: one chain through the copies,
         * 0.86 -> 1.2 of walk_masks' time) */
        const Py_ssize_t column = at[0];
        __asm__("vpcmpw $1, (%[r],%[f],2), %[j], %%k1\n\t"
                "kshiftrd $16, %%k1, %%k2\n\t"
                "vpandd %[kp], %[m0], %[m0]%{%%k1%}\n\t"
                "vpandd %[kp], %[m1], %[m1]%{%%k2%}"
                : [m0] "+v"(mask0), [m1] "+v"(mask1)
                : [r] "r"(ranks), [f] "r"(column), [j] "v"(j), [kp] "v"(kept),
                  "m"(*(const int16_t(*)[])ranks)
                : "k1", "k2");
#else
        const __mmask32 right =
            _mm512_cmpgt_epi16_mask(_mm512_load_si512((const void *)(ranks + at[0])), j);
        mask0 = _mm512_mask_and_epi32(mask0, (__mmask16)right, mask0, kept);
        mask1 = _mm512_mask_and_epi32(mask1, (__mmask16)(right >> 16), mask1, kept);
#endif
    }
    const double *L = leaves + t * MASK_LEAVES;
    const __m512d L0 = _mm512_loadu_pd(L), L1 = _mm512_loadu_pd(L + 8);
    const __m512i z0 = _mm512_lzcnt_epi32(mask0), z1 = _mm512_lzcnt_epi32(mask1);
    /* vpermt2pd reads the low 4 bits of each 64-bit index: the even rows' leaves from the
     * 32-bit lanes as they are, the odd rows' shifted down (no widening) */
    __m512d v[4];
    v[0] = _mm512_permutex2var_pd(L0, z0, L1);
    v[1] = _mm512_permutex2var_pd(L0, _mm512_srli_epi64(z0, 32), L1);
    v[2] = _mm512_permutex2var_pd(L0, z1, L1);
    v[3] = _mm512_permutex2var_pd(L0, _mm512_srli_epi64(z1, 32), L1);
#pragma GCC unroll 4
    for (int h = 0; h < 4; h++) acc[h] = add ? _mm512_add_pd(acc[h], v[h]) : v[h];
}

/* the thresholds of a table of 2**levels (levels <= 6, padded with +inf) at each lane's index */
static inline __attribute__((always_inline)) RANK_TARGET __m512d rank_lookup(
    const double *T, int levels, __m512i idx) {
    if (levels <= 3) return _mm512_permutexvar_pd(idx, _mm512_loadu_pd(T));
    __m512d a = _mm512_permutex2var_pd(_mm512_loadu_pd(T), idx, _mm512_loadu_pd(T + 8));
    if (levels == 4) return a;
    __m512d b = _mm512_permutex2var_pd(_mm512_loadu_pd(T + 16), idx, _mm512_loadu_pd(T + 24));
    a = _mm512_mask_blend_pd(_mm512_test_epi64_mask(idx, _mm512_set1_epi64(16)), a, b);
    if (levels == 5) return a;
    __m512d c = _mm512_permutex2var_pd(_mm512_loadu_pd(T + 32), idx, _mm512_loadu_pd(T + 40));
    __m512d d = _mm512_permutex2var_pd(_mm512_loadu_pd(T + 48), idx, _mm512_loadu_pd(T + 56));
    c = _mm512_mask_blend_pd(_mm512_test_epi64_mask(idx, _mm512_set1_epi64(16)), c, d);
    return _mm512_mask_blend_pd(_mm512_test_epi64_mask(idx, _mm512_set1_epi64(32)), a, c);
}

/* the branch-free search of `levels` steps (a constant where inlined) for rows x0, x1 */
static inline __attribute__((always_inline)) RANK_TARGET void rank_search(
    const double *T, int levels, __m512d x0, __m512d x1, __m512i *r0, __m512i *r1) {
    __m512i c0 = _mm512_setzero_si512(), c1 = c0;
#pragma GCC unroll 6
    for (int l = levels - 1; l >= 0; l--) {
        const __m512i off = _mm512_set1_epi64((1 << l) - 1), add = _mm512_set1_epi64(1 << l);
        const __m512d t0 = rank_lookup(T, levels, _mm512_add_epi64(c0, off));
        const __m512d t1 = rank_lookup(T, levels, _mm512_add_epi64(c1, off));
        c0 = _mm512_mask_add_epi64(c0, _mm512_cmp_pd_mask(t0, x0, _CMP_LT_OQ), c0, add);
        c1 = _mm512_mask_add_epi64(c1, _mm512_cmp_pd_mask(t1, x1, _CMP_LT_OQ), c1, add);
    }
    *r0 = c0;
    *r1 = c1;
}

/* the ranks of the sixteen transposed rows of `tile` (column f's values at tile[16f]) into
 * ranks[32u + half * 16 ...] for every feature u: feature u's count[u] thresholds are bounds[
 * start[u] ...]; with RANK_SEARCH_MIN <= count <= RANK_SEARCH_MAX, they are a table of 2**L
 * (L = bit length of count, at least 8 slots, padded with +inf) searched without branches in L
 * steps (each lane's count of thresholds below x: pos += step where T[pos + step - 1] < x),
 * else compared one by one */
static inline __attribute__((always_inline)) RANK_TARGET void rank_half(
    const double *tile, const int32_t *used, const int32_t *live, Py_ssize_t features,
    const int32_t *start, const int32_t *count, const double *bounds, int16_t *ranks, int half) {
    const __m512i one = _mm512_set1_epi64(1);
    for (Py_ssize_t k = 0; k < features; k++) {
        const Py_ssize_t u = live[k];
        const double *column = tile + (Py_ssize_t)used[u] * MASK_ROWS;
        const __m512d x0 = _mm512_load_pd(column), x1 = _mm512_load_pd(column + 8);
        __m512i c0 = _mm512_setzero_si512(), c1 = c0;
        const double *T = bounds + start[u];
        const int32_t K = count[u];
        if (K >= RANK_SEARCH_MIN && K <= RANK_SEARCH_MAX) {
            const int levels = 32 - __builtin_clz((unsigned)K);
            switch (levels) { /* (the features go by size: the same case again and again) */
            case 3: rank_search(T, 3, x0, x1, &c0, &c1); break;
            case 4: rank_search(T, 4, x0, x1, &c0, &c1); break;
            case 5: rank_search(T, 5, x0, x1, &c0, &c1); break;
            default: rank_search(T, 6, x0, x1, &c0, &c1); break;
            }
        } else if (K == 1) {
            const __m512d b = _mm512_set1_pd(T[0]);
            c0 = _mm512_maskz_mov_epi64(_mm512_cmp_pd_mask(b, x0, _CMP_LT_OQ), one);
            c1 = _mm512_maskz_mov_epi64(_mm512_cmp_pd_mask(b, x1, _CMP_LT_OQ), one);
        } else {
            for (Py_ssize_t j = 0; j < K; j++) {
                const __m512d b = _mm512_set1_pd(T[j]);
                /* b < x (LT_OQ: false for NaN) */
                c0 = _mm512_mask_add_epi64(c0, _mm512_cmp_pd_mask(b, x0, _CMP_LT_OQ), c0, one);
                c1 = _mm512_mask_add_epi64(c1, _mm512_cmp_pd_mask(b, x1, _CMP_LT_OQ), c1, one);
            }
        }
        int16_t *dst = ranks + u * RANK_ROWS + half * 16;
        _mm_store_si128((__m128i *)dst, _mm512_cvtepi64_epi16(c0));
        _mm_store_si128((__m128i *)(dst + 8), _mm512_cvtepi64_epi16(c1));
    }
}

static inline __attribute__((always_inline)) RANK_TARGET void rank_rows(
    const double *xs, Py_ssize_t n, Py_ssize_t width, const double *rs, Py_ssize_t right_width,
    const int32_t *used, const int32_t *live, Py_ssize_t features, const int32_t *start,
    const int32_t *count, const double *bounds, const int32_t *node, const double *leaves,
    Py_ssize_t trees, Py_ssize_t nodes, double baseline, int negate, double *out, double *tile,
    int16_t *ranks) {
    const Py_ssize_t full = trees / CHAINS;
    const __m512i sign = _mm512_set1_epi64((long long)0x8000000000000000ULL);
    for (Py_ssize_t i0 = 0; i0 < n; i0 += RANK_ROWS) {
        const Py_ssize_t m = n - i0 < RANK_ROWS ? n - i0 : RANK_ROWS;
        for (int half = 0; half < 2; half++) {
            const Py_ssize_t h0 = i0 + 16 * half, hm = m - 16 * half; /* rows of this half */
            if (hm <= 0) break; /* no row: the half's ranks (of earlier rows) are never written out */
            for (int q = 0; q < 2; q++) { /* rows 0-7 of the half, then 8-15 */
                const Py_ssize_t rows = hm - 8 * q, at = rows > 0 ? h0 + 8 * q : h0;
                mask_transpose(xs + at * width, width, width, rows, tile + 8 * q);
                if (right_width > 0)
                    mask_transpose(rs + at * right_width, right_width, right_width, rows,
                                   tile + width * MASK_ROWS + 8 * q);
            }
            rank_half(tile, used, live, features, start, count, bounds, ranks, half);
        }
        __m512d acc[4 * CHAINS], v[4];
#pragma GCC unroll 8
        for (Py_ssize_t g = 0; g < CHAINS; g++)
            rank_tree(ranks, node, leaves, g, nodes, acc + 4 * g, 0);
        for (Py_ssize_t grp = 1; grp < full; grp++) {
#pragma GCC unroll 8
            for (Py_ssize_t g = 0; g < CHAINS; g++)
                rank_tree(ranks, node, leaves, grp * CHAINS + g, nodes,
                          acc + 4 * g, 1);
        }
        __m512d sum[4];
#pragma GCC unroll 4
        for (int h = 0; h < 4; h++) {
            const __m512d *r = acc + h;
            sum[h] = _mm512_add_pd(
                _mm512_add_pd(_mm512_add_pd(r[0], r[4]), _mm512_add_pd(r[8], r[12])),
                _mm512_add_pd(_mm512_add_pd(r[16], r[20]), _mm512_add_pd(r[24], r[28])));
        }
        for (Py_ssize_t t = full * CHAINS; t < trees; t++) { /* the last trees, one by one */
            rank_tree(ranks, node, leaves, t, nodes, v, 0);
#pragma GCC unroll 4
            for (int h = 0; h < 4; h++) sum[h] = _mm512_add_pd(sum[h], v[h]);
        }
        __m512d raw[4];
#pragma GCC unroll 4
        for (int h = 0; h < 4; h++) {
            raw[h] = _mm512_add_pd(_mm512_add_pd(_mm512_setzero_pd(), sum[h]),
                                   _mm512_set1_pd(baseline));
            if (negate)
                raw[h] = _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(raw[h]), sign));
        }
        const __m512i low = _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0); /* even, odd, even .. */
        const __m512i high = _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4);
#pragma GCC unroll 4
        for (int h = 0; h < 4; h++) { /* rows 8h .. 8h + 7, in order */
            const __m512d even = raw[h & 2], odd = raw[(h & 2) + 1];
            const __m512d row = _mm512_permutex2var_pd(even, (h & 1) ? high : low, odd);
            const Py_ssize_t rows = m - 8 * h;
            if (rows > 0)
                _mm512_mask_storeu_pd(out + i0 + 8 * h,
                                      (__mmask8)(rows >= 8 ? 0xFF : (1u << rows) - 1), row);
        }
    }
}

#define RANK_VARIANT(name, NODES)                                                              \
    static RANK_TARGET void name(                                                              \
        const double *xs, Py_ssize_t n, Py_ssize_t width, const double *rs,                    \
        Py_ssize_t right_width, const int32_t *used, const int32_t *live, Py_ssize_t features, \
        const int32_t *start, const int32_t *count, const double *bounds, const int32_t *node, \
        const double *leaves, Py_ssize_t trees, Py_ssize_t nodes, double baseline, int negate, \
        double *out, double *tile, int16_t *ranks) {                                           \
        (void)nodes;                                                                           \
        rank_rows(xs, n, width, rs, right_width, used, live, features, start, count, bounds,   \
                  node, leaves, trees, NODES, baseline, negate, out, tile, ranks);             \
    }
RANK_VARIANT(rank_nodes14, 14) /* the packaged models: the nodes unrolled */
RANK_VARIANT(rank_any, nodes)
#endif

/* A forest laid out for walk_ranks, checked once (rank_forest): one block of memory */
typedef struct {
    Py_ssize_t features, trees, nodes, columns; /* columns: the largest feature read + 1 */
    int32_t *used, *start, *count, *node;
    double *bounds, *leaves;
} rank_forest_t;

#define RANK_FOREST "newsdump._trees.rank_forest"

static void rank_forest_free(PyObject *capsule) {
    PyMem_Free(PyCapsule_GetPointer(capsule, RANK_FOREST));
}

/* rank_forest(used, start, count, bounds, node, leaves, trees, nodes) -> the forest for
 * walk_ranks (a capsule: the arrays copied and checked here, once) */
static PyObject *rank_forest(PyObject *self, PyObject *args) {
    Py_buffer used, start, count, bounds, node, leaves;
    Py_ssize_t trees, nodes;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*nn", &used, &start, &count, &bounds, &node, &leaves,
                          &trees, &nodes))
        return NULL;
    PyObject *result = NULL;
    const Py_ssize_t features = used.len / (Py_ssize_t)sizeof(int32_t);
    const Py_ssize_t nb = bounds.len / (Py_ssize_t)sizeof(double);
    if (trees < CHAINS || trees > 128 || nodes < 0 || nodes > PY_SSIZE_T_MAX / 16 / 128
        || features < 1 || features > INT32_MAX / RANK_ROWS
        || used.len != features * (Py_ssize_t)sizeof(int32_t)
        || start.len != (features + 1) * (Py_ssize_t)sizeof(int32_t)
        || count.len != features * (Py_ssize_t)sizeof(int32_t)
        || bounds.len != nb * (Py_ssize_t)sizeof(double) || nb > PY_SSIZE_T_MAX / 64
        || node.len != trees * nodes * RANK_NODE * (Py_ssize_t)sizeof(int32_t)
        || leaves.len != trees * MASK_LEAVES * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "rank_forest: array sizes do not match");
        goto done;
    }
    { /* every index is read unchecked by walk_ranks: all checked here */
        const int32_t *u = used.buf, *s = start.buf, *K = count.buf, *N = node.buf;
        uint32_t bad = s[0] != 0 || s[features] != nb;
        for (Py_ssize_t f = 0; f < features; f++) {
            /* the slots of feature f's thresholds: count[f], or a table of 2**L, at least 8 */
            const int levels = K[f] > 0 ? 32 - __builtin_clz((unsigned)K[f]) : 0;
            const int64_t slots = K[f] >= RANK_SEARCH_MIN && K[f] <= RANK_SEARCH_MAX
                                      ? (levels <= 3 ? 8 : (int64_t)1 << levels)
                                      : K[f];
            bad |= (uint32_t)(u[f] < 0 || u[f] > INT32_MAX / MASK_ROWS - 1 || s[f + 1] < s[f]
                              || K[f] < 0 || K[f] > RANK_MAX_BOUNDS
                              || (int64_t)s[f + 1] - s[f] < slots);
        }
        for (Py_ssize_t k = 0; k < trees * nodes; k++) {
            const int32_t *at = N + k * RANK_NODE;
            bad |= (uint32_t)(at[0] < 0 || at[0] % RANK_ROWS != 0 || at[0] / RANK_ROWS >= features
                              || at[2] < 0 || at[2] > RANK_NEVER);
        }
        if (bad) {
            PyErr_SetString(PyExc_ValueError, "rank_forest: index out of range");
            goto done;
        }
    }
    const size_t ints = (size_t)(3 * features + 1) + (size_t)(trees * nodes * RANK_NODE);
    const size_t doubles = (size_t)nb + (size_t)(trees * MASK_LEAVES);
    rank_forest_t *forest =
        PyMem_Malloc(sizeof(rank_forest_t) + doubles * sizeof(double) + ints * sizeof(int32_t));
    if (forest == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    forest->features = features, forest->trees = trees, forest->nodes = nodes;
    forest->bounds = (double *)(forest + 1);
    forest->leaves = forest->bounds + nb;
    forest->used = (int32_t *)(forest->leaves + trees * MASK_LEAVES);
    forest->start = forest->used + features;
    forest->count = forest->start + features + 1;
    forest->node = forest->count + features;
    memcpy(forest->bounds, bounds.buf, (size_t)bounds.len);
    memcpy(forest->leaves, leaves.buf, (size_t)leaves.len);
    memcpy(forest->used, used.buf, (size_t)used.len);
    memcpy(forest->start, start.buf, (size_t)start.len);
    memcpy(forest->count, count.buf, (size_t)count.len);
    memcpy(forest->node, node.buf, (size_t)node.len);
    forest->columns = 0;
    for (Py_ssize_t f = 0; f < features; f++)
        if (forest->used[f] + 1 > forest->columns) forest->columns = forest->used[f] + 1;
    result = PyCapsule_New(forest, RANK_FOREST, rank_forest_free);
    if (result == NULL) PyMem_Free(forest);
done:
    PyBuffer_Release(&used);
    PyBuffer_Release(&start);
    PyBuffer_Release(&count);
    PyBuffer_Release(&bounds);
    PyBuffer_Release(&node);
    PyBuffer_Release(&leaves);
    return result;
}

/* whether column c of the joined rows (x's, then right's) holds the same double (bit for bit)
 * in every row, and that double in *value (n >= 1) */
static inline int column_uniform(const double *xs, Py_ssize_t width, const double *rs,
                          Py_ssize_t right_width, Py_ssize_t n, Py_ssize_t c, double *value) {
    const double *at = c < width ? xs + c : rs + (c - width);
    const Py_ssize_t stride = c < width ? width : right_width;
    uint64_t first, other;
    memcpy(&first, at, sizeof(first));
    for (Py_ssize_t i = 1; i < n; i++) {
        memcpy(&other, at + i * stride, sizeof(other));
        if (other != first) return 0;
    }
    *value = at[0];
    return 1;
}

static PyObject *walk_ranks(PyObject *self, PyObject *args) {
    Py_buffer x, right, out, uniform = {0};
    Py_ssize_t width, right_width;
    PyObject *capsule;
    double baseline;
    int negate = 0;
    if (!PyArg_ParseTuple(args, "y*ny*nOdw*|py*", &x, &width, &right, &right_width, &capsule,
                          &baseline, &out, &negate, &uniform))
        return NULL;
    PyObject *result = NULL;
    void *scratch = NULL;
    const rank_forest_t *forest = PyCapsule_GetPointer(capsule, RANK_FOREST);
    if (forest == NULL) goto done;
    Py_ssize_t n = out.len / (Py_ssize_t)sizeof(double);
    /* (the widths bounded first, by division: no product below overflows) */
    if (width <= 0 || right_width < 0 || width > PY_SSIZE_T_MAX / 8 / MASK_ROWS / 2
        || right_width > PY_SSIZE_T_MAX / 8 / MASK_ROWS / 2
        || out.len != n * (Py_ssize_t)sizeof(double)
        || (n > 0 && (width > x.len / 8 / n || right_width > right.len / 8 / n))
        || x.len != n * width * (Py_ssize_t)sizeof(double)
        || right.len != n * right_width * (Py_ssize_t)sizeof(double)
        || (uniform.obj && uniform.len % (Py_ssize_t)sizeof(int32_t) != 0)) {
        PyErr_SetString(PyExc_ValueError, "walk_ranks: array sizes do not match");
        goto done;
    }
    const Py_ssize_t all = width + right_width;
    if (forest->columns > all) {
        PyErr_SetString(PyExc_ValueError, "walk_ranks: feature index out of range");
        goto done;
    }
#ifdef HAVE_MASK_WALK
    __builtin_cpu_init();
    if (!(__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
          && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512bw"))) {
        result = Py_False;
        Py_INCREF(result);
        goto done;
    }
    if (n > 0) {
        /* the transposed half tile (doubles), then the tile's ranks (int16), aligned to 64
         * bytes (the ranks zeroed: those of a missing half are read, never written out), then
         * the features whose ranks the tiles find (int32) */
        const size_t tile_bytes = (size_t)all * MASK_ROWS * sizeof(double);
        const size_t rank_bytes = (size_t)forest->features * RANK_ROWS * sizeof(int16_t);
        scratch = PyMem_Malloc(64 + tile_bytes + rank_bytes
                               + (size_t)forest->features * sizeof(int32_t));
        if (scratch == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        double *tile = (double *)(((uintptr_t)scratch + 63) & ~(uintptr_t)63);
        int16_t *ranks = (int16_t *)((char *)tile + tile_bytes);
        int32_t *live = (int32_t *)((char *)ranks + rank_bytes);
        memset(ranks, 0, rank_bytes);
        /* a feature of a column that `uniform` names and that holds one value in every row (a
         * page-wide feature): its rank found once, here, for every row of every tile (the
         * count of its thresholds below the value, as the tiles' compares and searches count
         * them: t < x, false for NaN); the others' by the tiles */
        Py_ssize_t live_count = 0;
        const int32_t *named = uniform.obj ? uniform.buf : NULL;
        const Py_ssize_t names = uniform.obj ? uniform.len / (Py_ssize_t)sizeof(int32_t) : 0;
        for (Py_ssize_t u = 0; u < forest->features; u++) {
            const int32_t column = forest->used[u];
            int listed = 0;
            for (Py_ssize_t k = 0; k < names && !listed; k++) listed = named[k] == column;
            double value;
            if (!listed
                || !column_uniform(x.buf, width, right.buf, right_width, n, column, &value)) {
                live[live_count++] = (int32_t)u;
                continue;
            }
            const double *T = forest->bounds + forest->start[u];
            int16_t rank = 0;
            for (int32_t j = 0; j < forest->count[u]; j++) rank += T[j] < value;
            for (int r = 0; r < RANK_ROWS; r++) ranks[u * RANK_ROWS + r] = rank;
        }
        const Py_ssize_t nodes = forest->nodes;
        Py_BEGIN_ALLOW_THREADS
        if (nodes == 14)
            rank_nodes14(x.buf, n, width, right.buf, right_width, forest->used, live, live_count,
                         forest->start, forest->count, forest->bounds, forest->node,
                         forest->leaves, forest->trees, nodes, baseline, negate, out.buf, tile,
                         ranks);
        else
            rank_any(x.buf, n, width, right.buf, right_width, forest->used, live, live_count,
                     forest->start, forest->count, forest->bounds, forest->node, forest->leaves,
                     forest->trees, nodes, baseline, negate, out.buf, tile, ranks);
        Py_END_ALLOW_THREADS
    }
    result = Py_True;
#else
    (void)baseline;
    (void)negate;
    result = Py_False;
#endif
    Py_INCREF(result);
done:
    PyMem_Free(scratch);
    PyBuffer_Release(&x);
    PyBuffer_Release(&right);
    PyBuffer_Release(&out);
    if (uniform.obj) PyBuffer_Release(&uniform);
    return result;
}

/* ranks_supported(): whether walk_ranks walks here (the processor has AVX-512 F, VL, CD, BW) */
static PyObject *ranks_supported(PyObject *self, PyObject *unused) {
    return PyBool_FromLong(mask_cpu(1));
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
    {"walk_ranks", walk_ranks, METH_VARARGS, "The walk by leaf masks on ranks, AVX-512 (see the file)."},
    {"ranks_supported", ranks_supported, METH_NOARGS, "Whether walk_ranks walks here."},
    {"rank_forest", rank_forest, METH_VARARGS, "A forest laid out for walk_ranks, checked once."},
    {"inverse_1p", inverse_1p, METH_O, "out[i] = 1.0 / (1.0 + out[i]), in place."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_trees", NULL, -1, methods};

PyMODINIT_FUNC PyInit__trees(void) { return PyModule_Create(&module); }
