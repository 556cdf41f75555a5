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

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

import pandas as pd

from graphmodel.model import Dataset
from graphmodel.progress import Progress, counted, silent

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

_WORK: tuple[Dataset, list[Task]] | None = None
"""The dataset and tasks of the running :func:`remember_all`: forked workers inherit them and
get only an index, so no dataset or function is ever pickled on the way in."""


def remembered(dataset: Dataset, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` the first time ``key`` is asked of ``dataset``, the kept result after.

    A DataFrame or dict is handed out as a copy, so that a caller that changes what it got
    does not change what the next caller gets. Two threads asking at once may both compute;
    the first result stays.

    >>> from graphmodel.model import Dataset
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
    work (:data:`PARALLEL_MIN_ACTORS`) they run in that many forked worker processes, the
    largest first; the results come back pickled. One process when the platform cannot fork
    or when this process runs other threads (a Streamlit server: forking it could copy a held
    lock), and for small inputs. ``workers`` sets the number of processes (1: one process).
    """
    todo = sorted((t for t in tasks if t[0] not in dataset.derived), key=lambda t: -t[2])
    count = _workers(workers, sum(t[2] for t in todo), len(todo))
    if count <= 1:
        for key, compute, _ in counted(todo, step, progress, len(todo)):
            remembered(dataset, key, compute)
        return
    global _WORK
    _WORK = dataset, todo
    dataset.ties_by_verband  # noqa: B018 -- built once here, not again in every worker
    # Objects that exist now are left out of the workers' garbage collections: scanning the
    # dataset there would copy every page of it into each worker (copy-on-write).
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            futures = [pool.submit(_run, index) for index in range(len(todo))]
            progress(step, 0, len(todo))
            for done, future in enumerate(as_completed(futures), 1):
                with _LOCK:
                    for key, result in future.result().items():
                        dataset.derived.setdefault(key, result)
                progress(step, done, len(todo))
    finally:
        _WORK = None
        gc.unfreeze()


def _run(index: int) -> dict:
    """In a worker: the task's result and every other result it remembered on the way."""
    assert _WORK is not None  # set before the pool forked
    dataset, tasks = _WORK
    key, compute, _ = tasks[index]
    derived = dataset.derived
    before = set(derived)
    result = compute()
    sent = {k: v for k, v in derived.items() if k not in before and not _stays(k)}
    return {**sent, key: result}


def _stays(key: Hashable) -> bool:
    return isinstance(key, tuple) and bool(key) and key[0] == STAYS


def _workers(asked: int | None, size: int, tasks: int) -> int:
    if tasks < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:
        return 1
    if asked is not None:
        return max(1, min(asked, tasks))
    if size < PARALLEL_MIN_ACTORS:
        return 1
    return max(1, min(_cores(), tasks))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (Linux)
    except AttributeError:
        return os.cpu_count() or 1
