"""Time segmentation and classification per page (CPU time, best of several rounds).

    .venv/bin/python tools/bench_classify.py [DUMP_FILES...]   # default: aeb-dev, both styles

Prints milliseconds per page for each step and MB/s of dump text for segment + classify, and
the time of a page of 50,000 one-word lines.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdump.classify import classify  # noqa: E402
from newsdump.features import block_features, score_features  # noqa: E402
from newsdump.lang import detect_language  # noqa: E402
from newsdump.model import load_model  # noqa: E402
from newsdump.segment import segment  # noqa: E402
from newsdump.settings import Settings  # noqa: E402

T = TypeVar("T")
ROUNDS = 5


def per_item_ms(fn: Callable[[T], object], items: Sequence[T]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for item in items:
            fn(item)
        best = min(best, (time.process_time() - started) / len(items) * 1000)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    corpus = ROOT.parent / "shared" / "corpus" / "aeb-dev"
    files = args.files or sorted((corpus / "inner").glob("*.txt")) + sorted(
        (corpus / "lines").glob("*.txt")
    )
    texts = [f.read_text(encoding="utf-8") for f in files]
    model = load_model(None)
    settings = Settings()
    pages = [segment(t) for t in texts]
    langs = [detect_language("\n".join(b.text for b in blocks)) for blocks in pages]
    x1 = [block_features(b, lang)[0] for b, lang in zip(pages, langs, strict=True)]
    x2 = [np.hstack((x, score_features(model.stage1.predict(x), np.expm1(x[:, 1]))[0])) for x in x1]
    size = sum(len(t.encode()) for t in texts) / len(texts)
    print(f"{len(texts)} pages, {size / 1000:.1f} KB and {np.mean([len(p) for p in pages]):.0f} "
          "blocks per page; CPU ms per page:")  # fmt: skip
    print(f"  segment           {per_item_ms(segment, texts):7.3f}")
    print(f"  language          {per_item_ms(detect_language, texts):7.3f}")
    pairs = list(zip(pages, langs, strict=True))
    print(f"  features          {per_item_ms(lambda p: block_features(*p), pairs):7.3f}")
    print(f"  stage-1 trees     {per_item_ms(model.stage1.predict, x1):7.3f}")
    print(f"  stage-2 trees     {per_item_ms(model.stage2.predict, x2):7.3f}")
    total = per_item_ms(lambda t: classify(segment(t), settings), texts)
    print(f"  segment+classify  {total:7.3f}  ({size / total / 1000:.2f} MB/s)")
    big = "\n".join(f"word{i % 97}" for i in range(50_000))
    started = time.process_time()
    classify(segment(big), settings)
    print(f"50,000 one-word lines: {time.process_time() - started:.2f} s")


if __name__ == "__main__":
    main()
