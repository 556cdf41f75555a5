"""Results kept in the embedded store by dataset version: what the CLI and the dashboard
computed once, read back without loading or analysing the dataset again.

A result belongs to one stored dataset row (``ON DELETE CASCADE``): replacing or deleting the
dataset removes its results in the same transaction, so a result of an older version is never
served. A result is only written when the dataset still has the version (and creation time) it
was computed from: a computation that a write overtook keeps nothing.
"""

from __future__ import annotations

import sqlite3

__all__ = ["keep", "kept"]


def kept(conn: sqlite3.Connection, name: str, version: int, kind: str, key: str) -> bytes | None:
    """The result ``kind``/``key`` of version ``version`` of dataset ``name``, or None."""
    row = conn.execute(
        "SELECT r.value FROM results r JOIN datasets d ON d.id = r.dataset_id "
        "WHERE d.name = ? AND d.version = ? AND r.kind = ? AND r.key = ?",
        (name, version, kind, key),
    ).fetchone()
    return None if row is None else bytes(row[0])


def keep(
    conn: sqlite3.Connection,
    name: str,
    version: int,
    created: str,
    kind: str,
    key: str,
    value: bytes,
) -> bool:
    """Keep ``value`` as result ``kind``/``key`` of dataset ``name`` when it still is at
    ``version`` (created at ``created``); True when it was kept."""
    cursor = conn.execute(
        "INSERT OR REPLACE INTO results (dataset_id, kind, key, value) "
        "SELECT id, ?, ?, ? FROM datasets WHERE name = ? AND version = ? AND created = ?",
        (kind, key, value, name, version, created),
    )
    return cursor.rowcount == 1
