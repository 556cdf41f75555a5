"""Which store to use, by configuration alone: the embedded SQLite file or a Neo4j server."""

from __future__ import annotations

import os
from pathlib import Path

from graphmodel.store.base import Store, StoreError
from graphmodel.store.sqlite import SQLiteStore, default_store_path

__all__ = ["STORE_KIND_ENV", "open_store", "store_location"]

STORE_KIND_ENV = "VERBINDER_STORE"
"""``sqlite`` (the default) or ``neo4j`` (then NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE say where)."""


def _kind() -> str:
    kind = os.environ.get(STORE_KIND_ENV, "sqlite").strip().lower()
    if kind not in ("sqlite", "neo4j"):
        raise StoreError(f"{STORE_KIND_ENV} moet 'sqlite' of 'neo4j' zijn, niet '{kind}'.")
    return kind


def store_location(path: str | Path | None = None) -> str:
    """Where the configured store is, as text (also a cache key)."""
    if _kind() == "neo4j":
        from graphmodel.store.neo4j import neo4j_settings

        settings = neo4j_settings() or {}
        return f"neo4j:{settings.get('uri')}/{settings.get('database')}"
    return str(path if path is not None else default_store_path())


def open_store(path: str | Path | None = None) -> Store:
    """The configured store: SQLite at ``path`` (default path when None), or Neo4j."""
    if _kind() == "neo4j":
        from graphmodel.store.neo4j import Neo4jStore, neo4j_settings

        settings = neo4j_settings()
        if settings is None:
            raise StoreError(f"{STORE_KIND_ENV}=neo4j, maar NEO4J_URI is niet ingesteld.")
        return Neo4jStore(**settings)
    return SQLiteStore(path)
