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
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd

from graphmodel.model import Dataset

__all__ = ["remembered"]

T = TypeVar("T")

_LOCK = threading.Lock()


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
