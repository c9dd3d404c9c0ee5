"""Train the headline ranker (a few boosted shallow trees) on the dev corpora.

    .venv/bin/python tools/train_headline.py       # CV figures, then models/headline.json
    .venv/bin/python tools/train_headline.py --cache build/dev/labelled.pkl  # reuse a
                                                   # classified corpus (metaharness.py build)
    .venv/bin/python tools/train_headline.py --cv-dir build/cv --ship  # what ships: see below

Every page of every corpus (aeb-dev, readability-dev, np4k-dev; both dump styles) is segmented,
classified (and revised) and run through article.py up to the headline exactly as at run
time; its headline
candidates get the features of newsdump/headline.py. A candidate is positive when it matches
the page's silver title best, with token F1 >= 0.8 against the title or against the title
without a " - Site" / " | Site" part. Pages are weighted alike (their positives share one unit
of weight, their negatives another). The threshold below which the best candidate gives way to
the page <title> line is the one that scores best on the training pages. Fixed seed and folds:
the same classifier output gives the same model file, byte for byte.

Cross-validation is by *site* (the host of the page's URL): both styles of a page, and every
page of a site, fall in one fold. For each fold the model is fitted on the others and the
winning threshold is chosen on the training folds; the printed figures are those of the held
out pages, scored like build/dev/metaharness.py and meta_score.py (token F1 >= 0.8 with the
silver title). The shipped model is then fitted on everything.

With --cv-dir build/cv (the folds and fold classifiers of `tools/train.py --cv 5`) every page
is classified instead by the classifier of its fold, one that never saw it: the ranker then
learns from bodies as imperfect as those of new pages (on the dev corpora this is worth 4
pages of titles, held out, over learning from the shipped classifier's own training pages).
The folds are those of the classifier, and one ranker per fold is fitted on the pages outside
it and written to build/cv/headline-fold-<k>.json; `make eval` passes each page the ranker of
its fold (and trains them itself when they are missing or stale), so its title figures are
held out. (The inputs of fold k's ranker come from classifiers that saw fold k's pages, as in
stacking; the ranker itself never did.) --ship also fits the shipped ranker on every page, so
classified; the shipped models/headline.json is made that way.

Needs scikit-learn (a dev tool; the package itself needs none of it).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier  # type: ignore[import-untyped]
from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdump.article import find_byline, find_title, title_context  # noqa: E402
from newsdump.classify import classify  # noqa: E402
from newsdump.document import Label, LabelledBlock  # noqa: E402
from newsdump.headline import (  # noqa: E402
    FEATURES,
    HEADLINE_MODEL,
    Ranker,
    Tree,
    candidates,
    features,
    revisit,
)
from newsdump.revise import revise  # noqa: E402
from newsdump.segment import segment  # noqa: E402
from newsdump.settings import Settings  # noqa: E402

CORPORA = ("aeb-dev", "readability-dev", "np4k-dev")
STYLES = ("inner", "lines")
FOLDS = 5
SEED = 20261127
TREE_PARAMS: dict[str, object] = {
    "n_estimators": 100,
    "max_depth": 2,
    "learning_rate": 0.1,
    "subsample": 0.8,
    "random_state": SEED,
}
BAG = 5  # models averaged, each on other random subsamples of the pages
MATCH = 0.8
THRESHOLDS = [x / 4 for x in range(-24, 9)]
TOKEN = re.compile(r"\w+")
SITE_PART = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")


def f1(a: str | None, b: str | None) -> float:
    ta, tb = Counter(TOKEN.findall((a or "").lower())), Counter(TOKEN.findall((b or "").lower()))
    tp = sum((ta & tb).values())
    if not tp:
        return 0.0
    p, r = tp / sum(tb.values()), tp / sum(ta.values())
    return 2 * p * r / (p + r)


def title_match(gold: str, text: str | None) -> float:
    """F1 with the title, or with its longest part when it carries a site name."""
    parts = [gold, *SITE_PART.split(gold)]
    return max(f1(p, text) for p in parts if p.strip())


@dataclass
class Page:
    corpus: str
    style: str
    id: str
    site: str
    gold: str
    labelled: list[LabelledBlock]
    body: list[int]
    byline: tuple[int, ...]
    cands: list[int]
    rows: list[list[float]]
    labels: list[int]


def load(shared: Path, cache: Path | None, cv_dir: Path | None = None) -> list[Page]:
    """Every page with a silver title, both styles, classified by the shipped classifier; or,
    with `cv_dir`, each by the classifier of its cross-validation fold (one that never saw it)."""
    settings = Settings()
    folds: dict[str, int] = {}
    if cv_dir is not None:
        folds = json.loads((cv_dir / "folds.json").read_text(encoding="utf-8"))
    cached: dict[tuple[str, str, str], tuple[list[LabelledBlock], object, object]] = {}
    if cache is not None and cache.exists():
        cached = pickle.loads(cache.read_bytes())  # build/dev/metaharness.py build writes it
    pages: list[Page] = []
    for corpus in CORPORA:
        gold_path = shared / "corpus" / corpus / "gold.jsonl"
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            title = (gold.get("meta_silver") or {}).get("title")
            if not title:
                continue
            site = urlparse(gold.get("url") or "").netloc.removeprefix("www.") or gold["id"]
            for style in STYLES:
                if (corpus, style, gold["id"]) in cached:
                    labelled = list(cached[(corpus, style, gold["id"])][0])
                else:
                    path = shared / "corpus" / corpus / style / f"{gold['id']}.txt"
                    text = path.read_text(encoding="utf-8")
                    if cv_dir is not None:
                        fold = folds[f"{corpus}/{gold['id']}"]
                        settings = Settings(model=str(cv_dir / f"fold-{fold}.npz"))
                    labelled = revise(classify(segment(text), settings))
                texts = [lb.block.text.strip() for lb in labelled]
                body = [lb.block.index for lb in labelled if lb.label is Label.ARTICLE]
                first = body[0] if body else len(texts)
                last = body[-1] if body else len(texts)
                found = find_byline(texts, first, last, set(body)) if body else None
                byline = found[1] if found is not None else ()
                ctx = title_context(labelled, body, byline)
                cands = candidates(ctx) if body else []
                rows = features(ctx, cands) if cands else []
                scores = [title_match(title, ctx.texts[i]) for i in cands]
                top = max(scores, default=0.0)
                labels = [int(s >= MATCH and s == top) for s in scores]
                pages.append(
                    Page(corpus, style, gold["id"], site, title, labelled, body, byline,
                         cands, rows, labels)
                )  # fmt: skip
    return pages


def fit(pages: list[Page]) -> list[GradientBoostingClassifier]:
    """BAG models on the same pages, each with its own random subsamples: their average
    varies less from one seed to the next than one model does."""
    return [fit_one(pages, SEED + k) for k in range(BAG)]


def fit_one(pages: list[Page], seed: int) -> GradientBoostingClassifier:
    x, y, w = [], [], []
    for page in pages:
        pos = sum(page.labels)
        if not pos:
            continue  # no candidate is the headline: nothing to rank
        neg = len(page.labels) - pos
        for row, label in zip(page.rows, page.labels, strict=True):
            x.append(row)
            y.append(label)
            w.append(1 / pos if label else 1 / max(1, neg))
    model = GradientBoostingClassifier(**{**TREE_PARAMS, "random_state": seed})
    model.fit(np.array(x), np.array(y), sample_weight=np.array(w))
    return model


def ranker(models: list[GradientBoostingClassifier], threshold: float) -> Ranker:
    """The fitted trees of every model as one Ranker that averages them (leaf values scaled by
    the learning rate and divided by the number of models)."""
    trees = []
    baseline = 0.0
    for model in models:
        scale = model.learning_rate / len(models)
        for estimator in model.estimators_[:, 0]:
            t = estimator.tree_
            trees.append(
                Tree(
                    features=tuple(int(max(0, f)) for f in t.feature),
                    thresholds=tuple(float(v) for v in t.threshold),
                    left=tuple(int(v) for v in t.children_left),
                    right=tuple(int(v) for v in t.children_right),
                    values=tuple(float(scale * v) for v in t.value[:, 0, 0]),
                )
            )
        init = model._raw_predict_init(np.zeros((1, len(FEATURES))))[0, 0]
        baseline += float(init) / len(models)
    return Ranker(FEATURES, baseline, tuple(trees), threshold)


def predict(page: Page, rk: Ranker) -> str | None:
    return find_title(page.labelled, page.body, page.byline, rk)[1]


def best_threshold(pages: list[Page], model: list[GradientBoostingClassifier]) -> float:
    never = ranker(model, float("inf"))
    options = []  # per page: (best score, hit when taking the best, hit when falling back)
    for p in pages:
        fallback = f1(p.gold, predict(p, never)) >= MATCH
        if not p.cands:
            options.append((0.0, fallback, fallback))
            continue
        scores = never.scores(p.rows)
        best = max(range(len(scores)), key=lambda k: scores[k])
        ctx = title_context(p.labelled, p.body, p.byline)
        taken = revisit(ctx, p.cands, p.rows, scores, best)  # as rank_headline takes it
        text = p.labelled[p.cands[taken]].block.text.strip()
        options.append((scores[best], f1(p.gold, text) >= MATCH, fallback))
    hits = {t: sum(took if s >= t else fell for s, took, fell in options) for t in THRESHOLDS}
    top = max(hits.values())
    best = [t for t, h in hits.items() if h == top]
    return best[len(best) // 2]  # the middle of the best: the widest margin either side


def report(
    title: str, pages: list[Page], predicted: dict[tuple[str, str, str], str | None]
) -> None:
    print(title)
    results: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for p in pages:
        r = results[(p.corpus, p.style)]
        r[0] += 1
        r[1] += f1(p.gold, predicted[(p.corpus, p.style, p.id)]) >= MATCH
    for (corpus, style), (n, hit) in sorted(results.items()):
        print(f"  {corpus:16} {style:6} title {hit / n:.3f}  n {n}")


def fold_path(cv_dir: Path, fold: int) -> Path:
    return cv_dir / f"headline-fold-{fold}.json"


def train_folds(pages: list[Page], cv_dir: Path) -> None:
    """A ranker per classifier fold, fitted on the pages outside it (so make eval scores no
    page with a ranker that saw it), and the held-out figures."""
    folds: dict[str, int] = json.loads((cv_dir / "folds.json").read_text(encoding="utf-8"))
    predicted: dict[tuple[str, str, str], str | None] = {}
    for k in sorted(set(folds.values())):
        train = [p for p in pages if folds[f"{p.corpus}/{p.id}"] != k]
        model = fit(train)
        threshold = best_threshold(train, model)
        rk = ranker(model, threshold)
        fold_path(cv_dir, k).write_text(json.dumps(rk.to_json()) + "\n", encoding="utf-8")
        print(f"fold {k}: threshold {threshold}, wrote {fold_path(cv_dir, k)}")
        for p in pages:
            if folds[f"{p.corpus}/{p.id}"] == k:
                predicted[(p.corpus, p.style, p.id)] = predict(p, rk)
    report("held out, with the classifier folds of tools/train.py --cv:", pages, predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=HEADLINE_MODEL)
    parser.add_argument("--no-cv", action="store_true")
    parser.add_argument("--cv-out", type=Path, help="write the held-out titles here (jsonl)")
    parser.add_argument("--cache", type=Path, help="classified pages (metaharness.py build)")
    parser.add_argument(
        "--cv-dir",
        type=Path,
        help="the folds of tools/train.py --cv (DIR/folds.json): each page is classified by "
        "DIR/fold-<k>.npz, the classifier that never saw it; writes the rankers of make eval, "
        "DIR/headline-fold-<k>.json, and (with --ship) the shipped one",
    )
    parser.add_argument("--ship", action="store_true", help="with --cv-dir: also write --out")
    args = parser.parse_args()
    pages = load(args.shared, args.cache, args.cv_dir)
    if args.cv_dir is not None:
        train_folds(pages, args.cv_dir)
        if not args.ship:
            return
        args.no_cv = True  # the fold rankers above were the cross-validation
    print(f"{len(pages)} pages, {sum(len(p.cands) for p in pages)} candidates, "
          f"{sum(any(p.labels) for p in pages)} with the headline among them")  # fmt: skip
    if not args.no_cv:
        sites = sorted({p.site for p in pages})
        group = np.array([sites.index(p.site) for p in pages])
        predicted: dict[tuple[str, str, str], str | None] = {}
        for k, (train, test) in enumerate(GroupKFold(FOLDS).split(pages, groups=group)):
            train_pages = [pages[i] for i in train]
            model = fit(train_pages)
            threshold = best_threshold(train_pages, model)
            print(f"fold {k}: threshold {threshold}")
            for i in test:
                p = pages[i]
                predicted[(p.corpus, p.style, p.id)] = predict(p, ranker(model, threshold))
        report(f"cross-validated by site ({FOLDS} folds):", pages, predicted)
        if args.cv_out is not None:
            args.cv_out.parent.mkdir(parents=True, exist_ok=True)
            with args.cv_out.open("w", encoding="utf-8") as out:
                for (corpus, style, id_), title in predicted.items():
                    record = {"corpus": corpus, "style": style, "id": id_, "title": title}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    model = fit(pages)
    threshold = best_threshold(pages, model)
    final = ranker(model, threshold)
    args.out.write_text(json.dumps(final.to_json(), indent=None) + "\n", encoding="utf-8")
    check = np.array(pages[0].rows or [[0.0] * len(FEATURES)])
    expected = np.mean([m.decision_function(check) for m in model], axis=0)
    assert np.allclose([final.score(r) for r in check], expected)
    assert np.allclose(final.scores(check.tolist()), expected)
    print(f"wrote {args.out} (threshold {threshold})")
    weights = np.mean([m.feature_importances_ for m in model], axis=0)
    importance = sorted(zip(FEATURES, weights, strict=True), key=lambda t: -t[1])
    print("  " + ", ".join(f"{name} {v:.2f}" for name, v in importance if v > 0))


if __name__ == "__main__":
    main()
