"""Stores that keep datasets: the embedded SQLite store (default) behind one interface."""

from verbinder.graphmodel.store.base import (
    ConcurrentChangeError,
    DatasetExistsError,
    DatasetInfo,
    DatasetNotFoundError,
    ImportRecord,
    Store,
    StoreError,
)
from verbinder.graphmodel.store.config import STORE_KIND_ENV, open_store, store_location
from verbinder.graphmodel.store.sqlite import SQLiteStore, default_store_path

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
