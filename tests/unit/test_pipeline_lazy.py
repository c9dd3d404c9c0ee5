"""`extract` (the article alone) never imports newsdump.feed; `split` does, on its first page."""

from __future__ import annotations

import subprocess
import sys

PAGE = "A short title of a page\n\nThe first paragraph of an invented article, with enough words.\n"

SCRIPT = f"""
import sys
import newsdump
import newsdump.cli
loaded = ["newsdump.feed" in sys.modules]
newsdump.extract({PAGE!r})
loaded.append("newsdump.feed" in sys.modules)
stories = newsdump.split({PAGE!r})
loaded.append("newsdump.feed" in sys.modules)
print(loaded, stories[0].kind)
"""


def test_extract_does_not_import_feed() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[False, False, True] article"
