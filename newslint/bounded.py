"""Per-process tables of facts about one word or name, bounded so memory stays flat.

Why: several checks remember a property of a string alone (a title-case word's verdict, the
names in a run of capitals) for the rest of the process, because the same strings recur across
articles. On a stream where every record brings new strings such a table must not grow without
end, so it is emptied when full: a fact forgotten is only computed again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def remember(table: dict[K, V], limit: int, compute: Callable[[K], V], key: K) -> V:
    """``compute(key)``, kept in ``table`` (emptied first when it holds ``limit`` entries).
    ``compute`` must be a pure function of ``key`` and never return None."""
    found = table.get(key)
    if found is None:
        if len(table) >= limit:
            table.clear()
        found = table[key] = compute(key)
    return found
