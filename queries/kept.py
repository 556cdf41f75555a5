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
import zlib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version

import pandas as pd
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.progress import Progress, silent
from verbinder.graphmodel.store.base import Store
from verbinder.queries.ambitions import ambitions
from verbinder.queries.brokers import BROKER_COLUMNS, brokers, brokers_by_verband
from verbinder.queries.compare import compare_verbanden
from verbinder.queries.mixing import MIXINGS, mixing_comparison

__all__ = [
    "ambitions_table",
    "brokers_table",
    "compare_table",
    "kept_frame",
    "mixing_table",
    "prepare",
]


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
    value = store.kept(name, stored_version, kind, _released(key))
    if value is not None:
        return pd.read_parquet(io.BytesIO(value))
    dataset = load()
    frame = compute(dataset)
    _keep(store, dataset, kind, key, frame)
    return frame


def _released(key: str) -> str:
    return f"{_release()}|{key}"


def _keep(store: Store, dataset: Dataset, kind: str, key: str, frame: pd.DataFrame) -> None:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    store.keep(dataset, kind, _released(key), buffer.getvalue())


def _brokers_key(verband_id: str, groups: str) -> str:
    # The columns are part of the key: a checkout that adds one, under the same release
    # number, must not be served a table kept before.
    return f"{verband_id}|{groups}|{zlib.crc32(','.join(BROKER_COLUMNS).encode()):08x}"


def compare_table(
    store: Store,
    name: str,
    stored_version: int,
    load: Callable[[], Dataset],
    *,
    progress: Progress = silent,
) -> pd.DataFrame:
    """:func:`queries.compare.compare_verbanden` of a stored dataset, kept by version."""
    return kept_frame(
        store,
        name,
        stored_version,
        "compare",
        "",
        load,
        lambda dataset: compare_verbanden(dataset, progress=progress),
    )


def brokers_table(
    store: Store,
    name: str,
    stored_version: int,
    load: Callable[[], Dataset],
    verband_id: str,
    *,
    groups: str = "sector",
) -> pd.DataFrame:
    """:func:`queries.brokers.brokers` of one verband of a stored dataset, kept by version."""
    return kept_frame(
        store,
        name,
        stored_version,
        "brokers",
        _brokers_key(verband_id, groups),
        load,
        lambda dataset: brokers(dataset, verband_id, groups=groups),
    )


def mixing_table(
    store: Store, name: str, stored_version: int, load: Callable[[], Dataset], kind: str
) -> pd.DataFrame:
    """:func:`queries.mixing.mixing_comparison` of one kind of a stored dataset, kept by
    version."""
    return kept_frame(
        store,
        name,
        stored_version,
        "mixing",
        kind,
        load,
        lambda dataset: mixing_comparison(dataset, kind),
    )


def ambitions_table(
    store: Store, name: str, stored_version: int, load: Callable[[], Dataset]
) -> pd.DataFrame:
    """:func:`queries.ambitions.ambitions` of a stored dataset, kept by version."""
    return kept_frame(store, name, stored_version, "ambitions", "", load, ambitions)


def prepare(store: Store, name: str, *, progress: Progress = silent) -> Dataset:
    """Compute and keep what the first visits ask (every verband's broker table and the
    comparisons of all verbanden) for the dataset as ``store`` holds it now, in one pass over
    the verbanden (:func:`queries.brokers.brokers_by_verband`); returns the dataset read.
    Called after a dataset is written, so that Vergelijken and Verbinders open at once."""
    dataset = store.load(name)
    for verband, frame in brokers_by_verband(dataset, progress=progress).items():
        _keep(store, dataset, "brokers", _brokers_key(verband, "sector"), frame)
    compared = compare_verbanden(dataset)
    _keep(store, dataset, "compare", "", compared)
    for kind in MIXINGS:
        _keep(store, dataset, "mixing", kind, mixing_comparison(dataset, kind))
    _keep(store, dataset, "ambitions", "", ambitions(dataset, compared=compared))
    return dataset
