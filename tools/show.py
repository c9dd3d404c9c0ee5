"""Print a dump's blocks with their labels and scores: `tools/show.py FILE [--model M]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdump.classify import classify
from newsdump.segment import segment
from newsdump.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--model")
    parser.add_argument("--width", type=int, default=110)
    args = parser.parse_args()
    text = args.file.read_text(encoding="utf-8", errors="replace")
    for lb in classify(segment(text), Settings(model=args.model)):
        mark = "A" if lb.label == "article" else "."
        line = lb.block.text.replace("\n", " ")[: args.width]
        print(f"{lb.block.index:4} {mark} {lb.score:.2f} {lb.reason[:10]:10} {line}")


if __name__ == "__main__":
    main()
