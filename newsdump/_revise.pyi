from collections.abc import Sequence

from newsdump.document import Label, LabelledBlock

def facts(
    labelled: Sequence[LabelledBlock],
    article: Label,
    heads: tuple[bytes, bytes, str, str],
    limits: tuple[int, int, int, int, int],
) -> tuple[
    list[str],
    list[str],
    list[int],
    list[float],
    list[bool],
    list[int],
    list[int],
    tuple[list[int], ...],
]: ...
def relabel(
    out: list[LabelledBlock], drop: dict[int, str], cls: type[LabelledBlock], label: Label
) -> list[int]: ...
def pretests(
    body: list[bool],
    scores: list[float],
    words: list[int],
    limits: tuple[float, float, int, int],
) -> tuple[list[int], list[int], list[int], list[int]] | None: ...
