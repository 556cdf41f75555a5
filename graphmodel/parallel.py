"""Independent pieces of work over the CPU cores, in forked worker processes.

Forking starts a worker without pickling the data it reads: it inherits the parent's memory,
and only results travel back (pickled). Three things make that safe and worth it here:

- only a process without other threads forks (:func:`can_fork`): a Streamlit server has
  many, and one of them could hold a lock that the child then never sees released;
- nothing started an OpenMP thread pool before (igraph's PRPACK PageRank does; a child forked
  after it hangs at its next OpenMP call, which is why :mod:`graphmodel.metrics.centrality`
  uses ARPACK);
- the objects that exist at the fork are frozen out of the garbage collector
  (:func:`gc.freeze`), so the workers do not touch, and so copy, every page of them.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

__all__ = ["can_fork", "cores", "run_forked"]

T = TypeVar("T")

_CALLS: Sequence[Callable[[], object]] = ()
"""The calls of the running :func:`run_forked`; workers inherit them and get an index."""


def cores() -> int:
    """The CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))  # Linux: respects a restricted affinity
    except AttributeError:
        return os.cpu_count() or 1


def can_fork() -> bool:
    """True when this process may fork workers: the platform forks, no other thread runs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def run_forked(
    calls: Sequence[Callable[[], T]], workers: int, done: Callable[[int, T], None]
) -> None:
    """Run ``calls`` in ``workers`` forked processes, in the given order, and pass each
    result with its index to ``done`` (in the parent, as they finish). Call only when
    :func:`can_fork`; an exception in a call is raised here."""
    global _CALLS
    _CALLS = calls
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = {pool.submit(_call, index): index for index in range(len(calls))}
            for future in as_completed(futures):
                done(futures[future], future.result())
    finally:
        _CALLS = ()
        gc.unfreeze()


def _call(index: int) -> object:
    return _CALLS[index]()
