"""Progress of long work, told to whoever shows it (a bar on the terminal, a spinner in the
dashboard) without the work knowing which.

A long function takes ``progress: Progress = silent`` and calls it with a Dutch description of
the step it is on, how much of it is done and the total (None when unknown). The CLI passes a
terminal bar; tests and the library's other callers pass nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

__all__ = ["Progress", "counted", "silent"]

Progress = Callable[[str, int, int | None], None]
"""``progress(step, done, total)``: ``step`` in Dutch, ``done`` of ``total`` units."""

T = TypeVar("T")


def silent(step: str, done: int, total: int | None) -> None:
    """The progress of work nobody watches."""


def counted(items: Iterable[T], step: str, progress: Progress, total: int | None) -> Iterator[T]:
    """Yield ``items`` and tell ``progress`` after each one.

    >>> seen = []
    >>> list(counted("ab", "lezen", lambda s, d, t: seen.append((s, d, t)), 2))
    ['a', 'b']
    >>> seen
    [('lezen', 0, 2), ('lezen', 1, 2), ('lezen', 2, 2)]
    """
    progress(step, 0, total)
    for done, item in enumerate(items, 1):
        yield item
        progress(step, done, total)
