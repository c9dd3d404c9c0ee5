"""Compare decoding rules on the cross-validated scores that `train.py --cv` saved.

    .venv/bin/python tools/tune_decode.py build/cv/scores.pkl

Scores each rule with the official shingle metric (imported from ../shared/eval/score.py) per
corpus and style, without retraining: the scores are out-of-fold, the rules have few knobs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdump.classify import best_segment, decide  # noqa: E402
from newsdump.segment import segment  # noqa: E402

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Rule = Callable[[FloatArray, FloatArray], BoolArray]
THRESHOLD = 0.5  # the models' threshold (tools/train.py THRESHOLD)


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def segment_rule(t: float, weight: str, fallback: float | None, gap: float = 0.0) -> Rule:
    def rule(p: FloatArray, w: FloatArray) -> BoolArray:
        threshold = t
        if p.max() < threshold:
            if fallback is None:
                return np.zeros(len(p), dtype=bool)
            threshold = p.max() * fallback
        weights = {"words": w + 1.0, "words3": w + 3.0, "sqrt": np.sqrt(w + 1.0),
                   "unit": np.ones(len(p)), "none": np.zeros(len(p))}[weight]  # fmt: skip
        above = p >= threshold
        if weight == "none":
            return above
        first, last = best_segment((p - threshold) * weights - gap * ~above)
        inside = np.zeros(len(p), dtype=bool)
        inside[first : last + 1] = True
        return above & inside

    return rule


def evaluate(
    items: list[dict[str, Any]], rule: Rule, scorer: ModuleType, gold: dict[str, str]
) -> dict[tuple[str, str], tuple[float, float, float]]:
    per: dict[tuple[str, str], tuple[list[float], list[float]]] = {}
    for item in items:
        blocks = item["blocks"]
        keep = rule(item["scores"], item["words"])
        text = "\n\n".join(b.text for b, k in zip(blocks, keep.tolist(), strict=True) if k)
        tp, fp, fn = scorer.tp_fp_fn(gold[f"{item['corpus']}/{item['id']}"], text)
        ps, rs = per.setdefault((item["corpus"], item["style"]), ([], []))
        if tp + fp > 0:
            ps.append(scorer._prec(tp, fp, fn))
        if tp + fn > 0:
            rs.append(scorer._rec(tp, fp, fn))
    out = {}
    for key, (ps, rs) in per.items():
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        out[key] = (scorer._f1(p, r), p, r)
    return out


def write_predictions(items: list[dict[str, Any]], out: Path, shared: Path) -> None:
    """Decode with the package's own rule (and the model's threshold), then score officially."""
    lines = []
    for item in items:
        keep, _ = decide(item["scores"], item["words"], THRESHOLD)
        text = "\n\n".join(b.text for b, k in zip(item["blocks"], keep.tolist(), strict=True) if k)
        lines.append(json.dumps({"source": item["path"], "text": text}, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for corpus in sorted({i["corpus"] for i in items}):
        for style in ("inner", "lines"):
            result = subprocess.run(
                [sys.executable, str(shared / "eval" / "score.py"), str(shared / "corpus" / corpus),
                 str(out), "--style", style],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            print(f"{corpus:16} {style:6} {result.stdout.strip().splitlines()[-1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scores", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--pred", type=Path, help="write predictions decoded by newsdump.classify.decide here, "
        "score them with the official scorer, and stop"
    )  # fmt: skip
    args = parser.parse_args()
    scorer = load_scorer(args.shared)
    with args.scores.open("rb") as fh:
        items: list[dict[str, Any]] = pickle.load(fh)
    gold: dict[str, str] = {}
    for corpus in {i["corpus"] for i in items}:
        for g in scorer.load_gold(str(args.shared / "corpus" / corpus)):
            gold[f"{corpus}/{g['id']}"] = scorer._as_text(g.get("body"))
    for item in items:
        item["blocks"] = segment(Path(item["path"]).read_text(encoding="utf-8"))
    if args.pred:
        write_predictions(items, args.pred, args.shared)
        return
    rules: dict[str, Rule] = {}
    for t in (0.45, 0.5, 0.55):
        for weight in ("words", "words3"):
            for gap in (0.0, 0.5, 1.0, 2.0):
                rules[f"t={t} {weight} gap={gap}"] = segment_rule(t, weight, 0.8, gap)
    rules["t=0.5 words nofallback"] = segment_rule(0.5, "words", None)
    keys = sorted({(i["corpus"], i["style"]) for i in items})
    print("rule".ljust(26) + "".join(f"{c[:8]}-{s[:2]}".rjust(12) for c, s in keys) + "  mean")
    for name, rule in rules.items():
        result = evaluate(items, rule, scorer, gold)
        f1s = [result[k][0] for k in keys]
        row = "".join(f"{f:12.3f}" for f in f1s)
        print(f"{name:26}{row}  {np.mean(f1s):.3f}")


if __name__ == "__main__":
    main()
