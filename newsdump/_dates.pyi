from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

def find_dates(text: str, cls: Callable[[str, int, int], _T], /) -> list[_T]: ...
def month_names() -> dict[str, int]: ...
