"""Tables computed once per stored dataset version and kept in the store.

The second ``compare`` of an unchanged dataset, or the Vergelijken page in another session,
reads the table the first one computed instead of loading and analysing the dataset again.
The store ties a kept table to the dataset's version (see
:mod:`graphmodel.store.sqlite_results`): a write removes it, and a computation that a write
overtook keeps nothing, so a table of an older version is never served. Tables are kept
as Parquet (with their ``attrs``), under the Verbinder version too, so that an upgrade
computes afresh. The shared Neo4j store keeps nothing; each process then remembers its own
results (:mod:`queries.analysis`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version

import pandas as pd

from graphmodel.model import Dataset
from graphmodel.store.base import Store

__all__ = ["kept_frame"]


def _release() -> str:
    try:
        return version("verbinder")
    except PackageNotFoundError:  # run from a source tree that was not installed
        return "bron"


def kept_frame(
    store: Store,
    name: str,
    stored_version: int,
    kind: str,
    key: str,
    load: Callable[[], Dataset],
    compute: Callable[[Dataset], pd.DataFrame],
) -> pd.DataFrame:
    """The table ``compute(dataset)`` for version ``stored_version`` of dataset ``name``:
    read from ``store`` when it was kept, else computed from ``load()`` and kept.

    ``kind`` names the query and ``key`` its arguments (verband, options): together they
    must say everything the table depends on besides the dataset.
    """
    full_key = f"{_release()}|{key}"
    value = store.kept(name, stored_version, kind, full_key)
    if value is not None:
        return pd.read_parquet(io.BytesIO(value))
    dataset = load()
    frame = compute(dataset)
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    store.keep(dataset, kind, full_key, buffer.getvalue())
    return frame
