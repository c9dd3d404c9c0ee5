"""Loading the packaged classifier (gradient-boosted trees) and evaluating it with numpy.

A model file is an ``.npz`` archive holding, for each stage, a *forest*: every tree padded to
the same number of nodes and flattened. Leaves point to themselves, so extra steps are harmless.
At load, every tree is also laid out as a complete binary tree of the forest's depth (node k has
children 2k+1 and 2k+2; a leaf above the full depth becomes a subtree whose leaves all hold its
value), so all trees are walked at once, one depth level per step of fancy indexing, with no
lookup of children.

This is the only module of the package that reads files; loads are cached per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

try:  # the walk compiled (newsdump/_trees.c), when the install could build it
    from newsdump import _trees
except ImportError:  # pragma: no cover - depends on the install
    _trees = None  # type: ignore[assignment]
if _trees is not None and not hasattr(_trees, "ranks_supported"):  # pragma: no cover
    _trees = None  # type: ignore[assignment]  # a stale build of an older version: unused
# the walk by leaf masks (AVX-512) where the processor has it, else the walk in groups
MASK_WALK = _trees is not None and _trees.masks_supported()
# ... on ranks (int16) where it has AVX-512 BW too
RANK_WALK = MASK_WALK and _trees.ranks_supported()

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL = MODELS_DIR / "classifier.npz"
STOPWORDS_FILE = MODELS_DIR / "stopwords.json"
STAGES = ("stage1", "stage2")
CHUNK_ROWS = 256  # rows evaluated together by numpy: (rows x trees) index arrays stay in cache
GROUP_TREES = 8  # trees the compiled walk walks together, as one complete tree ...
GROUP_LIFT = 3  # ... under this level of it (2**GROUP_LIFT == GROUP_TREES)
MAX_COMPILED_DEPTH = 24  # deeper forests go through numpy (a group would hold 2**27 nodes)
MASK_LEAVES = 16  # leaves a tree at most for the walk by leaf masks (newsdump/_trees.c)
MASK_TREES = (8, 128)  # tree counts it sums as the walk in groups does
MASK_MAX_DEPTH = 12  # deeper forests are not laid out for it (2**depth leaves to look at)
MASK_MIN_ROWS = 8  # fewer rows go through the walk in groups (a tile of 16 costs as much as ~8)
RANK_ROWS = 32  # rows of a tile of the walk on ranks
RANK_NODE = 4  # int32 a node in its layout: ranks' offset, keep, threshold's index j, 0
RANK_NEVER = 32767  # a node's rank bound for the walk on ranks that no rank exceeds
RANK_MAX_BOUNDS = 32766  # distinct thresholds of a feature at most for it
RANK_SEARCH = (4, 63)  # a feature's thresholds searched by it (else compared one by one)
NO_COLUMNS = np.zeros(0)  # `right` of the compiled walk when there is none
NO_UNIFORM = np.zeros(0, dtype=np.int32)  # `uniform` of the walk on ranks when there is none

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
FeatureArray = npt.NDArray[np.uint8] | npt.NDArray[np.int32]
Int32Array = npt.NDArray[np.int32]
RankedLayout = tuple[Int32Array, Int32Array, Int32Array, FloatArray, Int32Array]


@dataclass(frozen=True, slots=True, eq=False)
class Forest:
    """Trees of one boosted model, flattened: node i of tree t is at ``t * width + i``."""

    feature: IntArray  # feature index tested at each node (0 at leaves)
    threshold: FloatArray  # go left when x <= threshold (+inf at leaves)
    left: IntArray  # flat index of the left child (itself at leaves)
    right: IntArray  # flat index of the right child (itself at leaves)
    value: FloatArray  # leaf values (0 at inner nodes)
    roots: IntArray  # flat index of every tree's root
    depth: int  # longest root-to-leaf path
    baseline: float  # raw score before any tree

    # the complete layout (see the module docstring), one row per tree
    heap_feature: IntArray = field(init=False, repr=False)  # (trees, 2**depth - 1)
    heap_threshold: FloatArray = field(init=False, repr=False)  # +inf where a leaf passes left
    heap_value: FloatArray = field(init=False, repr=False)  # (trees, 2**depth): leaf values
    # the grouped layout of the compiled walk (see `_grouped`)
    group_feature: FeatureArray = field(init=False, repr=False)  # uint8 when every index fits
    group_threshold: FloatArray = field(init=False, repr=False)
    group_value: FloatArray = field(init=False, repr=False)
    # the masked layout of the AVX-512 walk (see `_masked`): empty (mask_nodes -1) when unused
    mask_feature: npt.NDArray[np.int32] = field(init=False, repr=False)  # (trees, mask_nodes)
    mask_threshold: FloatArray = field(init=False, repr=False)  # (trees, mask_nodes)
    mask_keep: npt.NDArray[np.uint32] = field(init=False, repr=False)  # (trees, mask_nodes)
    mask_leaves: FloatArray = field(init=False, repr=False)  # (trees, MASK_LEAVES)
    mask_nodes: int = field(init=False, repr=False)  # inner nodes a tree (padded), -1: no layout
    # the ranked layout of the AVX-512 walk on ranks (see `_ranked`, RankForest): None when unused
    ranked: RankForest | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        feature, threshold, value = _complete(self)
        object.__setattr__(self, "heap_feature", feature)
        object.__setattr__(self, "heap_threshold", threshold)
        object.__setattr__(self, "heap_value", value)
        grouped = _grouped(feature, threshold, value, self.depth)
        object.__setattr__(self, "group_feature", grouped[0])
        object.__setattr__(self, "group_threshold", grouped[1])
        object.__setattr__(self, "group_value", grouped[2])
        masked = _masked(threshold, value, feature, self.depth)
        object.__setattr__(self, "mask_feature", masked[0])
        object.__setattr__(self, "mask_threshold", masked[1])
        object.__setattr__(self, "mask_keep", masked[2])
        object.__setattr__(self, "mask_leaves", masked[3])
        object.__setattr__(self, "mask_nodes", masked[0].shape[1] if masked[0].size else -1)
        ranked = _ranked(masked[0], masked[1], masked[2]) if RANK_WALK else None
        object.__setattr__(
            self,
            "ranked",
            None if ranked is None else RankForest((*ranked, masked[3], len(self.roots))),
        )

    def predict_raw(
        self, x: FloatArray, right: FloatArray | None = None, uniform: Int32Array | None = None
    ) -> FloatArray:
        """Raw scores (log-odds) of the rows of ``x``, all trees evaluated at once (in chunks of
        rows, so that the working arrays stay in the processor's cache). With `right`, the rows
        of ``np.hstack((x, right))``, joined a chunk at a time (on a page of 50,000 blocks the
        whole joined matrix is 40 MB of fresh memory to fault in, for nothing). The compiled
        walk needs no chunks (tiles of 16 rows) and joins a tile's rows as it walks them.
        `uniform`: int32 indices of columns (of the joined rows) that the caller expects to hold
        one value in every row; the walk on ranks ranks each that does once (checked), not row
        by row (the same scores)."""
        n = x.shape[0]
        if self._compiled():
            return self._predict_compiled(x, right, uniform=uniform)
        if n <= CHUNK_ROWS:
            return self._predict_chunk(x if right is None else np.hstack((x, right)))
        return np.concatenate(
            [
                self._predict_chunk(
                    x[i : i + CHUNK_ROWS]
                    if right is None
                    else np.hstack((x[i : i + CHUNK_ROWS], right[i : i + CHUNK_ROWS]))
                )
                for i in range(0, n, CHUNK_ROWS)
            ]
        )

    def _compiled(self) -> bool:
        """Whether newsdump/_trees.c walks this forest."""
        return _trees is not None and 0 < self.depth <= MAX_COMPILED_DEPTH and len(self.roots) > 0

    def _predict_compiled(
        self,
        x: FloatArray,
        right: FloatArray | None,
        negate: bool = False,
        uniform: Int32Array | None = None,
    ) -> FloatArray:
        """`predict_raw` by newsdump/_trees.c: the same floats (the same comparisons, leaf
        values summed in numpy's order); negated with `negate`."""
        x = np.ascontiguousarray(x, dtype=np.float64)
        right = NO_COLUMNS if right is None else np.ascontiguousarray(right, dtype=np.float64)
        n, width = x.shape
        right_width = right.shape[1] if right.ndim == 2 else 0
        scores: FloatArray = np.empty(n)
        ranked = self.ranked
        if RANK_WALK and ranked is not None and n >= MASK_MIN_ROWS and _trees.walk_ranks(
            x, width, right, right_width, ranked.forest, self.baseline, scores, negate,
            NO_UNIFORM if uniform is None else uniform,
        ):  # fmt: skip
            return scores
        if MASK_WALK and self.mask_nodes >= 0 and n >= MASK_MIN_ROWS and _trees.walk_masks(
            x, width, right, right_width, self.mask_feature, self.mask_threshold,
            self.mask_keep, self.mask_leaves, len(self.roots), self.mask_nodes, self.baseline,
            scores, negate,
        ):  # fmt: skip
            return scores
        _trees.walk(
            x, width, right, right_width, self.group_feature,
            self.group_threshold, self.group_value, len(self.roots), self.depth, self.baseline,
            scores, negate,
        )  # fmt: skip
        return scores

    def _predict_chunk(self, x: FloatArray) -> FloatArray:
        n, width = x.shape
        trees = len(self.roots)
        if n == 0 or trees == 0:
            return np.full(n, self.baseline)
        if self.depth == 0:
            return np.full(n, self.heap_value[:, 0].sum() + self.baseline)
        flat = np.ascontiguousarray(x, dtype=np.float64).ravel()
        inner = self.heap_feature.shape[1]
        rows = (np.arange(n, dtype=np.intp) * width)[:, None]
        base = np.arange(trees, dtype=np.intp) * inner  # flat index of every tree's root
        feature = self.heap_feature.ravel()
        threshold = self.heap_threshold.ravel()
        # the first level tests the same node in every row: no gather of nodes
        go_right = flat[rows + self.heap_feature[:, 0]] > self.heap_threshold[:, 0]
        node = base + 1 + go_right  # flat index: base + position in the tree
        for _ in range(self.depth - 1):
            go_right = flat[rows + feature[node]] > threshold[node]
            node = 2 * node - base + 1 + go_right
        leaf = node - base - inner + np.arange(trees, dtype=np.intp) * (inner + 1)
        scores: FloatArray = self.heap_value.ravel()[leaf].sum(axis=1) + self.baseline
        return scores

    def predict(
        self, x: FloatArray, right: FloatArray | None = None, uniform: Int32Array | None = None
    ) -> FloatArray:
        """Probabilities of the positive class (`right`, `uniform`: as in `predict_raw`): the
        floats of ``1.0 / (1.0 + np.exp(-raw))``, computed in place (compiled: the walk writes
        -raw and _trees.inverse_1p does the rest after numpy's exp, two calls fewer)."""
        if self._compiled():
            result = self._predict_compiled(x, right, negate=True, uniform=uniform)
            np.exp(result, out=result)
            _trees.inverse_1p(result)
            return result
        result = self.predict_raw(x, right)
        np.negative(result, out=result)
        np.exp(result, out=result)
        result += 1.0
        np.divide(1.0, result, out=result)
        return result


class RankForest:
    """A forest laid out for newsdump/_trees.c's walk_ranks, as rank_forest checked and copied
    it (`forest`, a capsule), once; pickled as its layout (`_ranked`'s arrays, then the leaf
    values and the tree count), from which it is made again."""

    __slots__ = ("forest", "layout")

    def __init__(
        self,
        layout: tuple[Int32Array, Int32Array, Int32Array, FloatArray, Int32Array, FloatArray, int],
    ) -> None:
        self.layout = layout
        trees = layout[-1]
        nodes = layout[4].size // RANK_NODE // trees
        # (None where the compiled walk is missing: RANK_WALK is False there)
        self.forest = None if _trees is None else _trees.rank_forest(*layout, nodes)

    def __reduce__(self) -> tuple[type[RankForest], tuple[object, ...]]:
        return (RankForest, (self.layout,))


@dataclass(frozen=True, slots=True, eq=False)
class Model:
    """Both stages of the classifier and the settings they were trained with."""

    stage1: Forest
    stage2: Forest
    features1: tuple[str, ...]
    features2: tuple[str, ...]
    threshold: float  # probability above which a block is article text


def _complete(forest: Forest) -> tuple[IntArray, FloatArray, FloatArray]:
    """Every tree of `forest` as a complete binary tree of the forest's depth: features and
    thresholds of the 2**depth - 1 inner positions, values of the 2**depth leaves. The walk
    ends on the same leaf value as the padded walk: a leaf reached early passes everything
    left (+inf) and all the leaves under it hold its value."""
    depth = forest.depth
    inner = 2**depth - 1
    trees = len(forest.roots)
    feature = np.zeros((trees, inner), dtype=np.intp)
    threshold = np.full((trees, inner), np.inf)
    value = np.zeros((trees, inner + 1))
    left, right = forest.left.tolist(), forest.right.tolist()
    for t, root in enumerate(forest.roots.tolist()):
        stack = [(root, 0)]  # (node of the padded tree, position in the complete one)
        while stack:
            node, pos = stack.pop()
            if pos >= inner:  # the full depth: the padded walk stops here too
                value[t, pos - inner] = forest.value[node]
            elif left[node] == node:  # a leaf above the full depth
                stack += ((node, 2 * pos + 1), (node, 2 * pos + 2))
            else:
                feature[t, pos] = forest.feature[node]
                threshold[t, pos] = forest.threshold[node]
                stack += ((left[node], 2 * pos + 1), (right[node], 2 * pos + 2))
    return feature, threshold, value


def _grouped(
    feature: IntArray, threshold: FloatArray, value: FloatArray, depth: int
) -> tuple[FeatureArray, FloatArray, FloatArray]:
    """The complete trees (`_complete`'s arrays) in groups of GROUP_TREES, each group one
    complete tree of ``L = depth + GROUP_LIFT`` levels whose subtrees under level GROUP_LIFT
    are the group's trees, numbered from 1 and mirrored, as newsdump/_trees.c walks them: node
    j's children are 2j (right: x > threshold) and 2j + 1 (left), so the node at level l,
    offset o of the plain layout (left to right) is at ``2**(l + 1) - 1 - o``; its threshold is
    stored as `_left_below`'s bound. One row of ``2**L`` slots per group for the inner nodes
    (slot 0 unused) and one for the leaves (leaf j at ``j - 2**L``); tree g's root is at
    ``2**(GROUP_LIFT + 1) - 1 - g``. The last group is padded (feature 0, threshold NaN: left,
    value 0 where no tree stands). Features as uint8 when every index fits (a quarter of the
    cache lines the walk reads for them: both walks 138 -> 127 us a page), else int32. Empty
    when the walk is not compiled for this depth."""
    trees = feature.shape[0]
    if not 0 < depth <= MAX_COMPILED_DEPTH or trees == 0:
        return np.zeros((0, 0), dtype=np.int32), np.zeros((0, 0)), np.zeros((0, 0))
    groups = -(-trees // GROUP_TREES)
    stride = 2 ** (depth + GROUP_LIFT)
    narrow = feature.size == 0 or int(feature.max()) < 256
    grouped_feature: FeatureArray = (
        np.zeros((groups, stride), dtype=np.uint8)
        if narrow
        else np.zeros((groups, stride), dtype=np.int32)
    )
    grouped_threshold = np.full((groups, stride), np.nan)
    grouped_value = np.zeros((groups, stride))
    position = np.arange(2**depth - 1)
    level = np.array([(k + 1).bit_length() - 1 for k in range(2**depth - 1)], dtype=np.int64)
    offset = position - (2**level - 1)
    leaves = np.arange(2**depth)
    below = _left_below(threshold)
    for t in range(trees):
        group, g = divmod(t, GROUP_TREES)
        at = 2 ** (level + GROUP_LIFT + 1) - 1 - (g * 2**level + offset)
        grouped_feature[group, at] = feature[t]
        grouped_threshold[group, at] = below[t]
        grouped_value[group, stride - 1 - (g * 2**depth + leaves)] = value[t]
    return grouped_feature, grouped_threshold, grouped_value


def _masked(
    threshold: FloatArray, value: FloatArray, feature: IntArray, depth: int
) -> tuple[npt.NDArray[np.int32], FloatArray, npt.NDArray[np.uint32], FloatArray]:
    """The complete trees (`_complete`'s arrays) as newsdump/_trees.c's walk by leaf masks reads
    them: each tree's leaves that a row can reach (every node its path turns right at can pass
    x right: threshold neither +inf nor NaN), left to right, leaf i as bit 31 - i of a mask;
    each reachable node that x can pass right as its feature, threshold and `keep` mask (every
    bit but its left subtree's leaves), in the complete layout's order (any order gives the same
    exit leaf), padded to the forest's largest count by nodes that never pass right (feature 0,
    threshold NaN); each tree's leaf values in MASK_LEAVES slots (0.0 past its last). The exit
    leaf of a row is the highest bit set in the AND of the keeps of the nodes where
    x > threshold: the leaf the complete walk ends on. Empty where the walk by masks does not
    apply: a forest deeper than MASK_MAX_DEPTH, a tree count outside MASK_TREES or a tree of
    more than MASK_LEAVES leaves."""
    trees = threshold.shape[0]
    empty = (
        np.zeros((0, 0), dtype=np.int32),
        np.zeros((0, 0)),
        np.zeros((0, 0), dtype=np.uint32),
        np.zeros((0, 0)),
    )
    if not 0 < depth <= MASK_MAX_DEPTH or not MASK_TREES[0] <= trees <= MASK_TREES[1]:
        return empty
    inner = threshold.shape[1]
    passes = threshold < np.inf  # False for +inf and NaN: never x > threshold
    # a position (inner node or leaf) is reachable when every node its path turns right at passes
    positions = np.arange(2 * inner + 1)
    level = np.frexp(positions + 1)[1].astype(np.int64) - 1  # (exact: 2**level <= p + 1)
    offset = positions + 1 - 2**level
    reach = np.ones((trees, len(positions)), dtype=bool)
    for up in range(1, depth + 1):  # the ancestor `up` levels above, and the turn below it
        has = level >= up
        ancestor = (1 << np.maximum(level - up, 0)) - 1 + (offset >> up)
        turn_right = (offset >> (up - 1)) & 1 == 1
        bad = has & turn_right
        reach[:, bad] &= passes[:, ancestor[bad]]
    real = reach[:, :inner] & passes  # the nodes that x can pass right
    leaf_reach = reach[:, inner:]
    if int(leaf_reach.sum(axis=1).max()) > MASK_LEAVES:
        return empty
    # leaf ranks, left to right among the reachable; a node's left subtree: leaves lo .. mid - 1
    rank = np.zeros((trees, inner + 2), dtype=np.int64)
    rank[:, 1:] = np.cumsum(leaf_reach, axis=1)
    node_level, node_offset = level[:inner], offset[:inner]
    lo = node_offset << (depth - node_level)
    mid = (2 * node_offset + 1) << (depth - node_level - 1)
    first, last = rank[:, lo], rank[:, mid]
    below = ((np.int64(1) << (last - first)) - 1) << (32 - last)
    keep = 0xFFFFFFFF & ~below
    count = max(int(real.sum(axis=1).max()), 1)
    order = np.argsort(~real, axis=1, kind="stable")[:, :count]  # the real nodes first
    used = np.take_along_axis(real, order, axis=1)
    mask_feature = np.where(used, np.take_along_axis(feature, order, axis=1), 0).astype(np.int32)
    mask_threshold = np.where(used, np.take_along_axis(threshold, order, axis=1), np.nan)
    mask_keep = np.where(used, np.take_along_axis(keep, order, axis=1), 0xFFFFFFFF)
    leaf_order = np.argsort(~leaf_reach, axis=1, kind="stable")[:, :MASK_LEAVES]
    mask_leaves = np.zeros((trees, MASK_LEAVES))
    mask_leaves[:, : leaf_order.shape[1]] = np.where(
        np.take_along_axis(leaf_reach, leaf_order, axis=1),
        np.take_along_axis(value, leaf_order, axis=1),
        0.0,
    )
    return mask_feature, mask_threshold, mask_keep.astype(np.uint32), mask_leaves


def _ranked(
    mask_feature: npt.NDArray[np.int32],
    mask_threshold: FloatArray,
    mask_keep: npt.NDArray[np.uint32],
) -> RankedLayout | None:
    """The masked layout's tests on ranks, as newsdump/_trees.c's rank_forest takes them: the
    features that some node tests (`used`, int32), each one's distinct thresholds ascending
    (`count` of them, int32, from ``bounds[start[u]]``; where RANK_SEARCH[0] <= count <=
    RANK_SEARCH[1], as a table of ``max(8, 2**count.bit_length())`` slots padded with +inf, for
    the search without branches), and each node as RANK_NODE int32 (`node`): its feature's
    ranks' offset (its index u in `used` times RANK_ROWS), its keep, its threshold's index j
    among u's (RANK_NEVER for the padding, threshold NaN), 0. A row's rank of feature u is the
    count of u's thresholds below its value (t < x: none for NaN); x > t_j iff rank > j. (-0.0
    and 0.0 are one threshold: x > -0.0 iff x > 0.0.) The features go by their slots (one by one
    first, then the tables by size: the walk's branches repeat). None where the masked layout is
    empty or a feature has more than RANK_MAX_BOUNDS thresholds."""
    if mask_feature.size == 0:
        return None
    at = np.flatnonzero(~np.isnan(mask_threshold.ravel()))  # the real nodes
    if at.size == 0:
        return None
    feature, threshold = mask_feature.ravel()[at], mask_threshold.ravel()[at]
    order = np.lexsort((threshold, feature))  # by feature, then threshold
    at, feature, threshold = at[order], feature[order], threshold[order]
    new = np.ones(len(at), dtype=bool)  # a distinct (feature, threshold): -0.0 == 0.0
    new[1:] = (feature[1:] != feature[:-1]) | (threshold[1:] != threshold[:-1])
    pair = np.cumsum(new) - 1  # each node's distinct pair
    features, first, counts = np.unique(feature[new], return_index=True, return_counts=True)
    if int(counts.max()) > RANK_MAX_BOUNDS:
        return None
    distinct = threshold[new]

    def slots(k: int) -> int:  # a feature's slots in `bounds`
        return max(8, 2 ** k.bit_length()) if RANK_SEARCH[0] <= k <= RANK_SEARCH[1] else k

    by = sorted(range(len(features)), key=lambda i: (slots(int(counts[i])), int(features[i])))
    count = counts[by].astype(np.int32)
    start = np.zeros(len(by) + 1, dtype=np.int32)
    start[1:] = np.cumsum([slots(int(k)) for k in count])
    bounds = np.full(int(start[-1]), np.inf)
    position = np.empty(len(features), dtype=np.int64)  # a feature's index in `used`
    for u, i in enumerate(by):
        position[i] = u
        bounds[start[u] : start[u] + count[u]] = distinct[first[i] : first[i] + counts[i]]
    of = np.searchsorted(features, feature)  # each node's feature, as an index of `features`
    node = np.zeros((mask_feature.size, RANK_NODE), dtype=np.int32)
    node[:, 1] = mask_keep.ravel().view(np.int32)
    node[:, 2] = RANK_NEVER
    node[at, 0] = position[of] * RANK_ROWS
    node[at, 2] = pair - first[of]
    return (features[by].astype(np.int32), start, count, bounds, node.ravel())


def _left_below(threshold: FloatArray) -> FloatArray:
    """The bound below which x goes left (``x <= threshold``, NaN included: ``x > threshold``
    is false) as ``not x >= bound``: the next float above the threshold (none lies between
    them), NaN for +inf (everything goes left; no float is above +inf)."""
    with np.errstate(over="ignore"):  # (the largest float's next is +inf: right)
        above = np.nextafter(threshold, np.inf)
    bound: FloatArray = np.where(np.isposinf(threshold), np.nan, above)
    return bound


def forest_arrays(prefix: str, forest: Forest) -> dict[str, npt.NDArray[np.generic]]:
    """The arrays that store a forest in a model file (used by tools/train.py)."""
    return {
        f"{prefix}_feature": forest.feature.astype(np.int32),
        f"{prefix}_threshold": forest.threshold,
        f"{prefix}_left": forest.left.astype(np.int32),
        f"{prefix}_right": forest.right.astype(np.int32),
        f"{prefix}_value": forest.value,
        f"{prefix}_roots": forest.roots.astype(np.int32),
        f"{prefix}_scalars": np.array([forest.depth, forest.baseline], dtype=np.float64),
    }


def _forest(data: dict[str, npt.NDArray[np.generic]], prefix: str) -> Forest:
    scalars = data[f"{prefix}_scalars"].astype(np.float64)
    return Forest(
        feature=data[f"{prefix}_feature"].astype(np.int64),
        threshold=data[f"{prefix}_threshold"].astype(np.float64),
        left=data[f"{prefix}_left"].astype(np.int64),
        right=data[f"{prefix}_right"].astype(np.int64),
        value=data[f"{prefix}_value"].astype(np.float64),
        roots=data[f"{prefix}_roots"].astype(np.int64),
        depth=int(scalars[0]),
        baseline=float(scalars[1]),
    )


@lru_cache(maxsize=8)
def load_model(path: str | None = None) -> Model:
    """Load a model file (None: the packaged default); cached per process and path."""
    with np.load(path or DEFAULT_MODEL, allow_pickle=False) as archive:
        data = {name: archive[name] for name in archive.files}
    meta = json.loads(str(data["meta"]))
    return Model(
        stage1=_forest(data, "stage1"),
        stage2=_forest(data, "stage2"),
        features1=tuple(meta["features1"]),
        features2=tuple(meta["features2"]),
        threshold=float(meta["threshold"]),
    )


@lru_cache(maxsize=1)
def load_stopwords() -> dict[str, tuple[str, ...]]:
    """ISO code -> stopwords, most frequent first (built by tools/build_stopwords.py)."""
    raw = json.loads(STOPWORDS_FILE.read_text(encoding="utf-8"))
    return {code: tuple(words) for code, words in raw.items()}
