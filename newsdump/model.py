"""Loading the packaged classifier (gradient-boosted trees) and evaluating it with numpy.

A model file is an ``.npz`` archive holding, for each stage, a *forest*: every tree padded to
the same number of nodes and flattened, so all trees are walked at once, one depth level per
step of fancy indexing. Leaves point to themselves, so extra steps are harmless.

This is the only module of the package that reads files; loads are cached per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL = MODELS_DIR / "classifier.npz"
STOPWORDS_FILE = MODELS_DIR / "stopwords.json"
STAGES = ("stage1", "stage2")
CHUNK_ROWS = 256  # rows evaluated together: (rows x trees) index arrays stay in cache

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


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

    children: IntArray = field(init=False, repr=False)  # left and right of node i at 2i, 2i+1

    def __post_init__(self) -> None:
        pairs = np.stack((self.left, self.right), axis=1).ravel().astype(np.intp)
        object.__setattr__(self, "children", pairs)

    def predict_raw(self, x: FloatArray) -> FloatArray:
        """Raw scores (log-odds) of the rows of ``x``, all trees evaluated at once (in chunks of
        rows, so that the working arrays stay in the processor's cache)."""
        n = x.shape[0]
        if n <= CHUNK_ROWS:
            return self._predict_chunk(x)
        return np.concatenate(
            [self._predict_chunk(x[i : i + CHUNK_ROWS]) for i in range(0, n, CHUNK_ROWS)]
        )

    def _predict_chunk(self, x: FloatArray) -> FloatArray:
        n, width = x.shape
        if n == 0 or len(self.roots) == 0:
            return np.full(n, self.baseline)
        flat = np.ascontiguousarray(x, dtype=np.float64).ravel()
        rows = (np.arange(n, dtype=np.intp) * width)[:, None]
        children = self.children
        node = np.broadcast_to(self.roots.astype(np.intp), (n, len(self.roots))).copy()
        for _ in range(self.depth):
            go_right = flat[rows + self.feature[node]] > self.threshold[node]
            node = children[2 * node + go_right]
        scores: FloatArray = self.value[node].sum(axis=1) + self.baseline
        return scores

    def predict(self, x: FloatArray) -> FloatArray:
        """Probabilities of the positive class."""
        result: FloatArray = 1.0 / (1.0 + np.exp(-self.predict_raw(x)))
        return result


@dataclass(frozen=True, slots=True, eq=False)
class Model:
    """Both stages of the classifier and the settings they were trained with."""

    stage1: Forest
    stage2: Forest
    features1: tuple[str, ...]
    features2: tuple[str, ...]
    threshold: float  # probability above which a block is article text


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
