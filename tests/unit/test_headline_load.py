"""The ranker's model is read by orjson where it can (headline._read_json): the same values as
json's, floats bit for bit, and json's where orjson will not take the file (Infinity, NaN)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from newsdump import headline as H


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a.hex() == b.hex() or (math.isnan(a) and math.isnan(b))
    return bool(a == b)


def test_the_shipped_model_reads_as_json_reads_it() -> None:
    path = H.HEADLINE_MODEL
    assert _same(H._read_json(path), json.loads(path.read_text(encoding="utf-8")))
    ranker = H.ranker_from_json(json.loads(path.read_text(encoding="utf-8")))
    assert H.load_ranker(path).trees == ranker.trees
    assert H.load_ranker(path).baseline == ranker.baseline


def test_what_orjson_will_not_take_is_read_by_json(tmp_path: Path) -> None:
    data = {"a": [1.5, float("inf"), -float("inf"), 0.1, 1e-320], "b": "é\u2028"}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _same(H._read_json(path), data)
    plain = {"a": [0.1, 2.5e-8, 123456789.123456789, 1e-320, -0.0, 3], "b": "é"}
    path.write_text(json.dumps(plain), encoding="utf-8")
    assert _same(H._read_json(path), json.loads(json.dumps(plain)))
