from collections.abc import Callable, Container, Sequence

from newsdump.dates import FoundDate

def parse_names(
    rest: str,
    allow_single: bool,
    tables: tuple[
        Callable[[str], Sequence[FoundDate]],
        Container[str],
        Container[str],
        Container[str],
        Container[str],
    ],
    /,
) -> list[str] | None: ...
def stop_at(text: str, /) -> int | None: ...
def name_split(text: str, /) -> list[str] | None: ...
def cue(word: str, /) -> bool: ...
def far_lines(
    texts: list[str], start: int, stop: int, max_len: int, words: tuple[str, ...], /
) -> list[int]: ...
def bare_lines(
    texts: list[str], order: list[int], first: int, agencies: Container[str], /
) -> list[int]: ...
def name_meta(text: str, /) -> tuple[int, int] | tuple[()] | None: ...
def started(
    text: str, heads: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], /
) -> bool | None: ...
def by_inside(text: str, /) -> str | tuple[()] | None: ...
