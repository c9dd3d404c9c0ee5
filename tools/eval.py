"""`make eval`: run newsdump over every corpus and dump style, cross-validated, and score.

    .venv/bin/python tools/eval.py [--shared ../shared] [--out build/eval] [--shipped]

Each page is processed by `newsdump split` with the models of its cross-validation fold: the
classifier build/cv/fold-<k>.npz (from `tools/train.py --cv 5`; trained first when missing) and
the headline ranker build/cv/headline-fold-<k>.json (from `tools/train_headline.py --cv-dir
build/cv`, fitted on the other folds' pages as that classifier labels them; trained first when
missing, older than the classifier or stale), so no page is scored by a model that saw it.
`split` output holds the `extract` article record too, so one run is scored three ways: the
article body (score.py), the metadata (meta_score.py) and the other stories (score.py
--teasers). With --shipped the packaged models are used instead (only honest on pages they
were not trained on). Per-page rows go to OUT/<corpus>-<style>.tsv.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdump.headline import FEATURES  # noqa: E402

STYLES = ("inner", "lines")
FOLDS = 5


def headline_path(cv_dir: Path, fold: int) -> Path:
    return cv_dir / f"headline-fold-{fold}.json"


def headline_ready(cv_dir: Path, fold: int) -> bool:
    """The fold's headline ranker exists, is newer than its classifier and has the features
    this code computes (else it is trained again: it takes a minute)."""
    path, classifier = headline_path(cv_dir, fold), cv_dir / f"fold-{fold}.npz"
    if not path.exists() or path.stat().st_mtime < classifier.stat().st_mtime:
        return False
    features = json.loads(path.read_text(encoding="utf-8")).get("features")
    return tuple(features or ()) == FEATURES


def newsdump(args: list[str]) -> None:
    cmd = [sys.executable, "-m", "newsdump", *args]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"eval: {' '.join(cmd[:6])} ... exited {proc.returncode}: {proc.stderr[-500:]}")


def score(script: Path, args: list[str]) -> list[str]:
    proc = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"eval: {script.name} failed: {proc.stderr[-500:]}")
    return proc.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "eval")
    parser.add_argument("--cv-dir", type=Path, default=ROOT / "build" / "cv")
    parser.add_argument("--shipped", action="store_true", help="use the packaged model")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    args = parser.parse_args()
    corpora = sorted(p for p in (args.shared / "corpus").iterdir() if (p / "gold.jsonl").exists())
    evals = args.shared / "eval"
    args.out.mkdir(parents=True, exist_ok=True)

    folds: dict[str, int] = {}
    if not args.shipped:
        folds_file = args.cv_dir / "folds.json"
        if not folds_file.exists():
            print("eval: no cross-validation models yet; training them (tools/train.py --cv 5)")
            subprocess.run(
                [sys.executable, "tools/train.py", "--cv", str(FOLDS), "--corpora",
                 str(args.shared / "corpus"), "--cv-dir", str(args.cv_dir)],
                cwd=ROOT, check=True,
            )  # fmt: skip
        folds = json.loads(folds_file.read_text(encoding="utf-8"))
        if not all(headline_ready(args.cv_dir, k) for k in set(folds.values())):
            print("eval: training the headline ranker of each fold (train_headline.py --cv-dir)")
            subprocess.run(
                [sys.executable, "tools/train_headline.py", "--shared", str(args.shared),
                 "--cv-dir", str(args.cv_dir)],
                cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip

    started = time.perf_counter()
    pred = args.out / "split.jsonl"
    parts: list[Path] = []
    groups: dict[int | None, list[str]] = {}
    for corpus in corpora:
        for style in STYLES:
            for dump in sorted((corpus / style).glob("*.txt")):
                fold = None if args.shipped else folds.get(f"{corpus.name}/{dump.stem}")
                if not args.shipped and fold is None:
                    sys.exit(f"eval: {corpus.name}/{dump.stem} has no fold; rerun make train")
                groups.setdefault(fold, []).append(str(dump))
    for fold, files in sorted(groups.items(), key=lambda kv: -1 if kv[0] is None else kv[0]):
        part = args.out / f"split-fold{fold}.jsonl"
        model = [] if fold is None else [
            "--model", str(args.cv_dir / f"fold-{fold}.npz"),
            "--headline-model", str(headline_path(args.cv_dir, fold)),
        ]  # fmt: skip
        newsdump(["split", "-j", str(args.jobs), "--no-progress", *model, "-o", str(part),
                  "--errors", str(args.out / "errors.jsonl"), *files])  # fmt: skip
        parts.append(part)
    with pred.open("wb") as out:
        for part in parts:
            out.write(part.read_bytes())
    seconds = time.perf_counter() - started

    how = "shipped model" if args.shipped else f"{FOLDS}-fold cross-validated by site"
    print(f"newsdump eval ({how}); predictions in {pred}; {seconds:.1f}s")
    for corpus in corpora:
        for style in STYLES:
            body = score(evals / "score.py", [str(corpus), str(pred), "--style", style, "--teasers",
                                              "--per-doc"])  # fmt: skip
            rows = [line for line in body if "\t" in line]
            (args.out / f"{corpus.name}-{style}.tsv").write_text("\n".join(rows) + "\n")
            teasers = next((line for line in body if line.startswith("teasers:")), "")
            meta = score(evals / "meta_score.py", [str(corpus), str(pred), "--style", style])
            name = f"{corpus.name} {style}"
            print(f"{name:22} {body[-1]}")
            print(f"{name:22} {meta[-1]}")
            if teasers:
                print(f"{name:22} {teasers}")
            cells = sorted((r.split("\t") for r in rows[1:]), key=lambda c: float(c[3]))[:3]
            print(f"{name:22} worst: " + ", ".join(f"{c[0][:12]} {float(c[3]):.2f}" for c in cells))


if __name__ == "__main__":
    main()
