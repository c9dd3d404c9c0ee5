"""Check that the feature matrices of this tree equal those of another copy of newsdump.

    python tools/check_features.py --base build/base [--shared ../shared]

For every dump of every corpus and style (`<shared>/corpus/*/{inner,lines}/*.txt`) it segments
the page and computes `block_features`, the first-stage scores and `score_features` with both
packages, each in its own subprocess (so the two `newsdump`s never meet in one interpreter),
and compares blocks, names and matrices bit for bit (`tobytes()`, so -0.0 and 0.0 differ and
NaN equals NaN). Prints one line per corpus and style and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

WORKER = r"""
import glob, hashlib, json, sys
sys.path.insert(0, sys.argv[1])
import numpy as np
from newsdump import features
from newsdump.classify import blocks_language
from newsdump.model import load_model
from newsdump.segment import segment
model = load_model()
out = {}
for path in sorted(glob.glob(sys.argv[2] + "/corpus/*/*/*.txt")):
    if path.split("/")[-2] not in ("inner", "lines"):
        continue
    text = open(path, encoding="utf-8").read()
    blocks = segment(text)
    digest = hashlib.sha1(repr(blocks).encode()).hexdigest()
    if not blocks:
        out[path] = [digest]
        continue
    x1, n1 = features.block_features(blocks, blocks_language(blocks))
    words = np.expm1(x1[:, n1.index("log_words")])
    x2, n2 = features.score_features(model.stage1.predict(x1), words)
    out[path] = [digest, hashlib.sha1(x1.tobytes() + repr(n1).encode()).hexdigest(),
                 hashlib.sha1(x2.tobytes() + repr(n2).encode()).hexdigest(),
                 getattr(features, "_features", None) is not None]
json.dump(out, sys.stdout)
"""


def digests(code: Path, shared: Path) -> dict[str, list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(code.resolve()), str(shared.resolve())],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"{code}: {done.stderr}")
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="dir holding the other newsdump")
    parser.add_argument("--code", type=Path, default=Path("."), help="dir holding this newsdump")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    new, old = digests(args.code, args.shared), digests(args.base, args.shared)
    groups: dict[str, list[int]] = {}
    for path, value in new.items():
        group = "/".join(path.split("/")[-3:-1])
        tally = groups.setdefault(group, [0, 0, 0, 0, 0])
        other = old.get(path)
        tally[0] += 1
        tally[1] += other is not None and other[0] == value[0]
        tally[2] += other is not None and other[1:2] == value[1:2]
        tally[3] += other is not None and other[2:3] == value[2:3]
        tally[4] += bool(value[3:] and value[3])
    bad = 0
    for group, (pages, same_blocks, same_x1, same_x2, compiled) in sorted(groups.items()):
        print(
            f"{group}: {pages} pages, blocks {same_blocks}, block_features {same_x1}, "
            f"score_features {same_x2} identical; compiled path on {compiled}"
        )
        bad += 3 * pages - same_blocks - same_x1 - same_x2
    print("IDENTICAL" if bad == 0 and len(new) == len(old) else f"DIFFERENT ({bad})")
    return 0 if bad == 0 and len(new) == len(old) else 1


if __name__ == "__main__":
    sys.exit(main())
