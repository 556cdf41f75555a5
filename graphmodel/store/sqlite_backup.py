"""Backups of the embedded store: integrity check, consistent copies, automatic safety copies.

Copies use SQLite's online backup API (``sqlite3.Connection.backup``), which reads a
consistent snapshot even while another connection writes, and are written to a temporary file
that is renamed into place, so that a crash never leaves a half backup under the final name.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from verbinder.graphmodel.formatting import error_reason
from verbinder.graphmodel.store.base import StoreError

__all__ = ["AUTOMATIC_KEEP", "automatic_backup", "backup_folder", "check_integrity", "copy_to"]

AUTOMATIC_KEEP = 20
"""How many automatic safety copies per database are kept (the oldest beyond go)."""

AUTOMATIC_PREFIX = "auto-"


def backup_folder(path: Path) -> Path:
    """The folder next to the database file ``path`` where its backups go."""
    return path.parent / "reservekopieën"


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`StoreError` unless SQLite's ``quick_check`` finds the file sound.

    ``quick_check`` verifies every page and record (not that indexes match their tables), in
    time linear in the file size (https://www.sqlite.org/pragma.html#pragma_quick_check).
    """
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):  # not SQLite at all: the caller says so
            raise
        found = [str(exc)]
    if found != ["ok"]:
        raise StoreError(
            f"De databank '{path}' is beschadigd ({'; '.join(found[:3])}). Er werd niets "
            f"gewijzigd. Zet een reservekopie terug met 'verbinder restore' (automatische "
            f"kopieën staan in '{backup_folder(path)}')."
        )


def copy_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of the open database ``conn`` to ``target``, atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.deels")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(str(partial))
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    os.replace(partial, target)
    return target


def automatic_backup(conn: sqlite3.Connection, path: Path, reason: str) -> Path:
    """A safety copy before a destructive step (``reason``: 'verwijderen', 'migratie',
    'terugzetten'); keeps the newest :data:`AUTOMATIC_KEEP` copies of this database."""
    folder = backup_folder(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    try:
        target = copy_to(conn, folder / f"{AUTOMATIC_PREFIX}{path.stem}-{stamp}-{reason}.sqlite")
    except (OSError, sqlite3.DatabaseError) as exc:
        raise StoreError(
            f"Er kon geen veiligheidskopie gemaakt worden in '{folder}' ({error_reason(exc)}); "
            "daarom werd er niets gewijzigd."
        ) from exc
    copies = sorted(folder.glob(f"{AUTOMATIC_PREFIX}{path.stem}-*.sqlite"))
    for old in copies[:-AUTOMATIC_KEEP]:
        old.unlink()
    return target
