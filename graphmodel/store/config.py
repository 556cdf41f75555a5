"""Which store to use, by configuration alone: the embedded SQLite file or a Neo4j server."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from verbinder.graphmodel.store.base import Store, StoreError
from verbinder.graphmodel.store.sqlite import SQLiteStore, default_store_path

if TYPE_CHECKING:
    from verbinder.graphmodel.access import Principal

__all__ = ["STORE_KIND_ENV", "guard", "open_store", "store_location"]

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
        from verbinder.graphmodel.store.neo4j import neo4j_settings

        settings = neo4j_settings() or {}
        return f"neo4j:{settings.get('uri')}/{settings.get('database')}"
    return str(path if path is not None else default_store_path())


def open_store(path: str | Path | None = None, principal: Principal | None = None) -> Store:
    """The configured store: SQLite at ``path`` (default path when None), or Neo4j.

    With a ``principal`` of a shared installation (not the local mode) the store is seen
    through their rights (:class:`graphmodel.store.guarded.GuardedStore`).
    """
    store: Store
    if _kind() == "neo4j":
        from verbinder.graphmodel.store.neo4j import Neo4jStore, neo4j_settings

        settings = neo4j_settings()
        if settings is None:
            raise StoreError(f"{STORE_KIND_ENV}=neo4j, maar NEO4J_URI is niet ingesteld.")
        store = Neo4jStore(**settings)
    else:
        store = SQLiteStore(path)
    return guard(store, principal)


def guard(store: Store, principal: Principal | None) -> Store:
    """``store`` through ``principal``'s rights; unchanged for None and the local mode."""
    if principal is None or principal.local:
        return store
    from verbinder.graphmodel.store.guarded import GuardedStore

    return GuardedStore(store, principal)
