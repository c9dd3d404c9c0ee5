from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

_T = TypeVar("_T")

def find_dates(
    text: str, cls: Callable[[str, int, int], _T], fields: tuple[str, ...] = ..., /
) -> list[_T]: ...
def month_names() -> dict[str, int]: ...
def month_day(text: str, /) -> bool: ...
def yearless(text: str, /) -> bool: ...
def find_yearless(
    text: str, year: int, cls: Callable[[str, int, int], _T], fields: tuple[str, ...], /
) -> list[_T]: ...
def date_lines(
    texts: list[str],
    byline: Sequence[int],
    title_at: int | None,
    first: int,
    window: int,
    above: int,
    max_chars: int,
    firsts: str,
    /,
) -> tuple[list[int], list[int]]: ...

class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

def mostly_date(text: str, dates: Sequence[_Span], words: int, /) -> bool: ...
