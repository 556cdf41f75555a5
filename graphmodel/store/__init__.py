"""Stores that keep datasets: the embedded SQLite store (default) behind one interface."""

from graphmodel.store.base import (
    ConcurrentChangeError,
    DatasetExistsError,
    DatasetInfo,
    DatasetNotFoundError,
    ImportRecord,
    Store,
    StoreError,
)
from graphmodel.store.config import STORE_KIND_ENV, open_store, store_location
from graphmodel.store.sqlite import SQLiteStore, default_store_path

__all__ = [
    "STORE_KIND_ENV",
    "ConcurrentChangeError",
    "DatasetExistsError",
    "DatasetInfo",
    "DatasetNotFoundError",
    "ImportRecord",
    "SQLiteStore",
    "Store",
    "StoreError",
    "default_store_path",
    "open_store",
    "store_location",
]
