"""Stores that keep datasets: the embedded SQLite store (default) behind one interface."""

from graphmodel.store.base import (
    DatasetExistsError,
    DatasetInfo,
    DatasetNotFoundError,
    ImportRecord,
    Store,
    StoreError,
)
from graphmodel.store.sqlite import SQLiteStore, default_store_path

__all__ = [
    "DatasetExistsError",
    "DatasetInfo",
    "DatasetNotFoundError",
    "ImportRecord",
    "SQLiteStore",
    "Store",
    "StoreError",
    "default_store_path",
]
