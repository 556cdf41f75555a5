"""Each verband analysed once per dataset: results kept on the dataset object they came from.

``brokers``, ``verband_profile``, ``compare_verbanden`` and ``mixing_comparison`` (and the
report and the dashboard through them) all need a verband's network, and several need the
same measures of it. :func:`remembered` computes a result the first time it is asked for
and gives it back after that, for as long as the dataset object lives. A :class:`Dataset`
never changes (a changed dataset is a new object, with nothing remembered), so a remembered
result is never stale; results kept across processes, by dataset version, are in
:mod:`queries.kept`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

import pandas as pd
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.parallel import can_fork, cores, run_forked
from verbinder.graphmodel.progress import Progress, counted, silent

__all__ = ["PARALLEL_MIN_ACTORS", "Task", "remember_all", "remembered"]

T = TypeVar("T")

_LOCK = threading.Lock()

PARALLEL_MIN_ACTORS = 5_000
"""Below this many actors (counted over the tasks) one process is faster than starting more:
a verband of the 4,600-actor demo takes tens of milliseconds."""

Task = tuple[Hashable, Callable[[], object], int]
"""A result to remember: its key, how to compute it, and its size (actors) for the order."""

STAYS = "network"
"""The first part of the keys of results that stay in the process that built them (networks:
large to send, and rebuilt where needed); a worker sends every other result it remembered
along with its task's, so that one pass over a verband serves the questions that follow."""


def remembered(dataset: Dataset, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` the first time ``key`` is asked of ``dataset``, the kept result after.

    A DataFrame or dict is handed out as a copy, so that a caller that changes what it got
    does not change what the next caller gets. Two threads asking at once may both compute;
    the first result stays.

    >>> from verbinder.graphmodel.model import Dataset
    >>> ds, calls = Dataset("x"), []
    >>> remembered(ds, "k", lambda: calls.append(1) or {"n": 1})
    {'n': 1}
    >>> remembered(ds, "k", lambda: calls.append(1) or {"n": 2}), len(calls)
    ({'n': 1}, 1)
    """
    derived = dataset.derived
    if key not in derived:
        result = compute()
        with _LOCK:
            derived.setdefault(key, result)
    return _handed_out(derived[key])


def _handed_out(value: T) -> T:
    if isinstance(value, pd.DataFrame):
        return value.copy()
    if isinstance(value, dict):
        return dict(value)
    return value


def remember_all(
    dataset: Dataset,
    tasks: Sequence[Task],
    *,
    step: str,
    progress: Progress = silent,
    workers: int | None = None,
) -> None:
    """Compute every task that ``dataset`` does not remember yet, and remember it.

    The tasks are independent (one verband each), so with more than one CPU core and enough
    work (:data:`PARALLEL_MIN_ACTORS`) they run in that many forked worker processes
    (:func:`graphmodel.parallel.run_forked`), the largest first; a worker sends back its
    task's result and whatever else it remembered on the way (not networks, see
    :data:`STAYS`). One process when :func:`graphmodel.parallel.can_fork` says no (a
    Streamlit server runs threads) and for small inputs. ``workers`` sets the number of
    processes (1: one process)."""
    todo = sorted((t for t in tasks if t[0] not in dataset.derived), key=lambda t: -t[2])
    count = _workers(workers, sum(t[2] for t in todo), len(todo))
    if count <= 1:
        for key, compute, _ in counted(todo, step, progress, len(todo)):
            remembered(dataset, key, compute)
        return
    dataset.ties_by_verband  # noqa: B018 -- built once here, not again in every worker
    progress(step, 0, len(todo))
    finished = 0

    def done(_: int, results: dict) -> None:
        nonlocal finished
        with _LOCK:
            for key, result in results.items():
                dataset.derived.setdefault(key, result)
        finished += 1
        progress(step, finished, len(todo))

    calls = [lambda task=task: _collect(dataset, task) for task in todo]
    run_forked(calls, count, done)


def _collect(dataset: Dataset, task: Task) -> dict:
    """In a worker: the task's result and every other result it remembered on the way."""
    key, compute, _ = task
    derived = dataset.derived
    before = set(derived)
    result = compute()
    sent = {k: v for k, v in derived.items() if k not in before and not _stays(k)}
    return {**sent, key: result}


def _stays(key: Hashable) -> bool:
    return isinstance(key, tuple) and bool(key) and key[0] == STAYS


def _workers(asked: int | None, size: int, tasks: int) -> int:
    if tasks < 2 or not can_fork():
        return 1
    if asked is not None:
        return max(1, min(asked, tasks))
    if size < PARALLEL_MIN_ACTORS:
        return 1
    return max(1, min(cores(), tasks))
