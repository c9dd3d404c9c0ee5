"""Train the block classifier (two stages of gradient-boosted trees) on the dev corpora.

    .venv/bin/python tools/train.py                 # writes newsdump/models/classifier.npz
    .venv/bin/python tools/train.py --cv 5          # cross-validated figures + per-fold models

Every page of every corpus under --corpora (aeb-dev, readability-dev, np4k-dev; both dump
styles) is segmented and featurised exactly as at run time; a block is labelled article when
at least half of its tokens fall inside a token 3-gram of the gold body. Pages are weighted so
that each counts alike (blocks by their tokens within a page), times a per-corpus weight.
Folds are drawn by *group* (the site of the page's URL, else the page), and both styles of a
page share a fold, so no page (and no site) is scored by a model that saw it.

With --cv K the script writes build/cv/fold-<k>.npz, build/cv/folds.json (page -> fold) and
build/cv/pred.jsonl (each page predicted by the model of its fold), then runs the official
scorer per corpus and style and prints F1, P, R.

Needs scikit-learn (a dev tool; the package itself only needs numpy).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import HistGradientBoostingClassifier  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdump.classify import block_scores, decide  # noqa: E402
from newsdump.features import block_features, score_features  # noqa: E402
from newsdump.lang import detect_language  # noqa: E402
from newsdump.model import DEFAULT_MODEL, Forest, Model, forest_arrays, load_model  # noqa: E402
from newsdump.segment import segment  # noqa: E402

FloatArray = npt.NDArray[np.float64]
SHARED = ROOT.parent / "shared"
CORPORA = ("aeb-dev", "readability-dev", "np4k-dev")
STYLES = ("inner", "lines")
CORPUS_WEIGHTS = {"aeb-dev": 1.0, "readability-dev": 0.7, "np4k-dev": 1.5}
NGRAM = 3
TOKEN_RE = re.compile(r"\w+")
SEED = 20261127
THRESHOLD = 0.5
TREE_PARAMS: dict[str, object] = {
    "max_iter": 100,
    "learning_rate": 0.15,
    "max_leaf_nodes": 15,
    "max_depth": 5,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": SEED,
}
STAGE2_PARAMS: dict[str, object] = {**TREE_PARAMS}  # the second pass's forest, if smaller
INNER_FOLDS = 3


@dataclass
class Page:
    corpus: str
    id: str
    style: str
    path: str
    group: str
    x1: FloatArray
    words: FloatArray
    labels: npt.NDArray[np.bool_]
    weights: FloatArray


def block_labels(texts: Sequence[str], body: str) -> tuple[npt.NDArray[np.bool_], FloatArray]:
    """Article labels of blocks (>= half their tokens in a gold 3-gram) and token counts."""
    gold = TOKEN_RE.findall(body)
    grams = {tuple(gold[i : i + NGRAM]) for i in range(len(gold) - NGRAM + 1)}
    tokens: list[str] = []
    owner: list[int] = []
    for k, text in enumerate(texts):
        found = TOKEN_RE.findall(text)
        tokens += found
        owner += [k] * len(found)
    covered = np.zeros(len(tokens), dtype=bool)
    for i in range(len(tokens) - NGRAM + 1):
        if tuple(tokens[i : i + NGRAM]) in grams:
            covered[i : i + NGRAM] = True
    own = np.array(owner, dtype=np.int64)
    n = len(texts)
    total = np.bincount(own, minlength=n).astype(np.float64)
    hits = np.bincount(own[covered], minlength=n).astype(np.float64)
    return (total > 0) & (hits * 2 >= total), total


def page_group(corpus: str, page_id: str, url: str | None) -> str:
    host = urlparse(url).netloc.lower().removeprefix("www.") if url else ""
    return f"{corpus}:{host or page_id}"


def load_pages(corpora_dir: Path) -> list[Page]:
    pages: list[Page] = []
    for corpus in CORPORA:
        gold = [json.loads(line) for line in (corpora_dir / corpus / "gold.jsonl").open()]
        for record in gold:
            for style in STYLES:
                path = corpora_dir / corpus / style / f"{record['id']}.txt"
                text = path.read_text(encoding="utf-8")
                blocks = segment(text)
                if not blocks:
                    continue
                x1, names = block_features(blocks, detect_language(text))
                labels, tokens = block_labels([b.text for b in blocks], record["body"])
                weights = (tokens + 1.0) / float((tokens + 1.0).sum())
                weights *= CORPUS_WEIGHTS[corpus] * len(blocks) ** 0 * 100.0
                words = np.expm1(x1[:, names.index("log_words")])
                pages.append(
                    Page(
                        corpus,
                        record["id"],
                        style,
                        str(path),
                        page_group(corpus, record["id"], record.get("url")),
                        x1,
                        words,
                        labels,
                        weights,
                    )
                )
    return pages


def fold_of(groups: Sequence[str], k: int) -> dict[str, int]:
    """Group -> fold, balanced and reproducible (groups shuffled by a hash, dealt round-robin)."""
    unique = sorted(set(groups), key=lambda g: hashlib.sha1(f"{SEED}{g}".encode()).hexdigest())
    return {g: i % k for i, g in enumerate(unique)}


def to_forest(clf: HistGradientBoostingClassifier) -> Forest:
    trees = [predictors[0].nodes for predictors in clf._predictors]
    width = max(len(t) for t in trees)
    count = len(trees)
    feature = np.zeros((count, width), dtype=np.int64)
    threshold = np.full((count, width), np.inf)
    left = np.zeros((count, width), dtype=np.int64)
    right = np.zeros((count, width), dtype=np.int64)
    value = np.zeros((count, width))
    depth = 0
    for t, nodes in enumerate(trees):
        base = t * width
        own = base + np.arange(width)
        left[t] = own
        right[t] = own
        m = len(nodes)
        leaf = nodes["is_leaf"].astype(bool)
        inner = ~leaf
        feature[t, :m][inner] = nodes["feature_idx"][inner]
        threshold[t, :m][inner] = nodes["num_threshold"][inner]
        left[t, :m][inner] = base + nodes["left"][inner]
        right[t, :m][inner] = base + nodes["right"][inner]
        value[t, :m][leaf] = nodes["value"][leaf]
        depth = max(depth, int(nodes["depth"].max()))
    return Forest(
        feature=feature.ravel(),
        threshold=threshold.ravel(),
        left=left.ravel(),
        right=right.ravel(),
        value=value.ravel(),
        roots=np.arange(count, dtype=np.int64) * width,
        depth=depth,
        baseline=float(np.ravel(clf._baseline_prediction)[0]),
    )


def fit(
    x: FloatArray, y: npt.NDArray[np.bool_], w: FloatArray, params: dict[str, object] | None = None
) -> Forest:
    clf = HistGradientBoostingClassifier(**(params or TREE_PARAMS))
    clf.fit(x, y, sample_weight=w)
    forest = to_forest(clf)
    sample = x[: min(len(x), 2000)]
    assert np.allclose(forest.predict_raw(sample), clf.decision_function(sample), atol=1e-6)
    return forest


def stack(pages: Sequence[Page]) -> tuple[FloatArray, npt.NDArray[np.bool_], FloatArray]:
    return (
        np.vstack([p.x1 for p in pages]),
        np.concatenate([p.labels for p in pages]),
        np.concatenate([p.weights for p in pages]),
    )


def stage2_matrix(page: Page, p1: FloatArray) -> FloatArray:
    x2, _ = score_features(p1, page.words)
    return np.hstack((page.x1, x2))


def train_model(pages: Sequence[Page], names1: tuple[str, ...], names2: tuple[str, ...]) -> Model:
    """Stage 1 on all pages; stage 2 on stage-1 scores that are out-of-fold (inner CV)."""
    x, y, w = stack(pages)
    stage1 = fit(x, y, w)
    folds = fold_of([p.group for p in pages], INNER_FOLDS)
    oof: list[FloatArray | None] = [None] * len(pages)
    for k in range(INNER_FOLDS):
        train = [p for p in pages if folds[p.group] != k]
        inner = fit(*stack(train))
        for i, p in enumerate(pages):
            if folds[p.group] == k:
                oof[i] = inner.predict(p.x1)
    x2 = np.vstack([stage2_matrix(p, s) for p, s in zip(pages, oof, strict=True) if s is not None])
    stage2 = fit(x2, y, w, STAGE2_PARAMS)
    return Model(stage1, stage2, names1, names1 + names2, THRESHOLD)


def save(model: Model, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "features1": list(model.features1),
        "features2": list(model.features2),
        "threshold": model.threshold,
        "params": {k: str(v) for k, v in TREE_PARAMS.items()},
        "params2": {k: str(v) for k, v in STAGE2_PARAMS.items()},
        "corpus_weights": CORPUS_WEIGHTS,
    }
    arrays = {**forest_arrays("stage1", model.stage1), **forest_arrays("stage2", model.stage2)}
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def feature_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    blocks = segment("One line.\nTwo lines here.")
    _, names1 = block_features(blocks, detect_language("x"))
    _, names2 = score_features(np.zeros(len(blocks)), np.ones(len(blocks)))
    return names1, names2


def cross_validate(pages: Sequence[Page], k: int, out: Path, corpora_dir: Path) -> None:
    names1, names2 = feature_names()
    folds = fold_of([p.group for p in pages], k)
    out.mkdir(parents=True, exist_ok=True)
    records: list[str] = []
    kept_scores: list[dict[str, object]] = []
    for fold in range(k):
        started = time.time()
        model = train_model([p for p in pages if folds[p.group] != fold], names1, names2)
        path = out / f"fold-{fold}.npz"
        save(model, path)
        load_model.cache_clear()
        fitted = load_model(str(path))
        for p in pages:
            if folds[p.group] == fold:
                text = Path(p.path).read_text(encoding="utf-8")
                blocks = segment(text)
                scores, words = block_scores(blocks, fitted)
                keep, _ = decide(scores, words, fitted.threshold)
                kept_scores.append(
                    {"corpus": p.corpus, "id": p.id, "style": p.style, "path": p.path,
                     "scores": scores, "words": words, "labels": p.labels}
                )  # fmt: skip
                body = "\n\n".join(b.text for b, kept in zip(blocks, keep, strict=True) if kept)
                records.append(
                    json.dumps({"source": p.path, "text": body, "fold": fold}, ensure_ascii=False)
                )
        print(f"fold {fold}: {time.time() - started:.0f}s", file=sys.stderr)
    (out / "pred.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    with (out / "scores.pkl").open("wb") as fh:
        pickle.dump(kept_scores, fh)
    (out / "folds.json").write_text(
        json.dumps({f"{p.corpus}/{p.id}": folds[p.group] for p in pages}, indent=0),
        encoding="utf-8",
    )
    report(out / "pred.jsonl", corpora_dir)


def report(pred: Path, corpora_dir: Path) -> None:
    scorer = corpora_dir.parent / "eval" / "score.py"
    for corpus in CORPORA:
        for style in STYLES:
            result = subprocess.run(
                [
                    sys.executable,
                    str(scorer),
                    str(corpora_dir / corpus),
                    str(pred),
                    "--style",
                    style,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"{corpus:16} {style:6} {result.stdout.strip().splitlines()[-1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", type=int, default=0, help="cross-validate with K folds")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--corpora", type=Path, default=None, help="default: SHARED/corpus")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--cv-dir", type=Path, default=ROOT / "build" / "cv")
    parser.add_argument("--param", action="append", default=[], help="tree option NAME=VALUE")
    parser.add_argument("--param2", action="append", default=[], help="second-pass NAME=VALUE")
    args = parser.parse_args()
    for item in args.param:
        name, _, value = item.partition("=")
        TREE_PARAMS[name] = json.loads(value)
        STAGE2_PARAMS[name] = json.loads(value)
    for item in args.param2:
        name, _, value = item.partition("=")
        STAGE2_PARAMS[name] = json.loads(value)
    if args.corpora is None:
        args.corpora = args.shared / "corpus"
    started = time.time()
    pages = load_pages(args.corpora)
    print(
        f"{len(pages)} pages, {sum(len(p.labels) for p in pages)} blocks "
        f"({time.time() - started:.0f}s)",
        file=sys.stderr,
    )
    if args.cv:
        cross_validate(pages, args.cv, args.cv_dir, args.corpora)
    else:
        names1, names2 = feature_names()
        save(train_model(pages, names1, names2), args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    print(f"total {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
