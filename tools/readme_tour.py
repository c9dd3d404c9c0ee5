"""Refresh the outputs in README.md's ```console blocks: every `$ …` command line is run
(with bash, from the repository root, the .venv first on PATH) and the lines up to the next
`$` are replaced by what it prints. Run it after a change of behaviour; review the diff
like code:

    .venv/bin/python tools/readme_tour.py
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def refresh(block: str) -> str:
    out: list[str] = []
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not line.startswith("$ "):
            continue
        while i < len(lines) and not lines[i].startswith("$ "):
            i += 1  # the old output
        env = {**os.environ, "PATH": f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}"}
        result = subprocess.run(
            ["bash", "-c", "{ " + line[2:] + "\n} 2>&1"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        out.extend(row.rstrip() for row in result.stdout.splitlines())
    return "\n".join(out) + "\n"


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(
        BLOCK.sub(lambda m: "```console\n" + refresh(m.group(1)) + "```", text), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
