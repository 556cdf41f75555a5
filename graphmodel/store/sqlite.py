"""The embedded store: one SQLite file (WAL, foreign keys, versioned schema), via the stdlib."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from verbinder.graphmodel.fields import from_row, nested, row_columns, to_row
from verbinder.graphmodel.formatting import error_reason
from verbinder.graphmodel.jsoncodec import (
    roster_from_dict,
    roster_to_dict,
    survey_from_dict,
    survey_to_dict,
)
from verbinder.graphmodel.model import RECORDS, Dataset, Verband
from verbinder.graphmodel.store import cycles
from verbinder.graphmodel.store.base import (
    DatasetExistsError,
    DatasetInfo,
    DatasetNotFoundError,
    ImportRecord,
    Period,
    StoreError,
    check_version,
)
from verbinder.graphmodel.store.sqlite_backup import (
    automatic_backup,
    backup_folder,
    check_integrity,
    copy_to,
)
from verbinder.graphmodel.store.sqlite_results import keep, kept
from verbinder.graphmodel.store.sqlite_schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["SQLiteStore", "default_store_path"]

STORE_ENV = "VERBINDER_DB"
BUSY_SECONDS = 30
"""How long a writer waits for another process's write to finish."""


def default_store_path() -> Path:
    """Where the embedded store lives: ``$VERBINDER_DB`` or the user data folder.

    The user data folder is the platform's own (``~/.local/share/verbinder`` on Linux,
    ``%LOCALAPPDATA%\\verbinder`` on Windows), as given by platformdirs.
    """
    override = os.environ.get(STORE_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path("verbinder", appauthor=False) / "verbinder.sqlite"


class SQLiteStore:
    """Datasets in one SQLite file.

    Every write is one ``BEGIN IMMEDIATE`` transaction, so an import is all-or-nothing, and
    WAL mode lets readers go on reading the last committed state while a write is under way.

    Parameters
    ----------
    path : str or Path, optional
        The database file (created with its folder if missing); default
        :func:`default_store_path`. ``":memory:"`` gives a private in-memory store.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=BUSY_SECONDS)
            self._conn.execute("PRAGMA foreign_keys = ON")
            try:
                check_integrity(self._conn, self.path)  # before WAL: a damaged file stays as is
                self._use_wal()
                self._migrate()
            except StoreError:
                self._conn.close()
                raise
        except OSError as exc:
            raise StoreError(
                f"De databank '{self.path}' kan niet geopend worden: {error_reason(exc)}"
            ) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"'{self.path}' is geen bruikbare Verbinder-databank: {error_reason(exc)}"
            ) from exc

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _use_wal(self) -> None:
        """Switch the file to WAL (kept in the file). SQLite answers 'locked' without waiting
        when another process switches at the same moment, so try again within the timeout."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                if self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        current = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"De databank '{self.path}' heeft schemaversie {current}, nieuwer dan deze versie "
                f"van Verbinder ({SCHEMA_VERSION}) kent. Werk Verbinder bij."
            )
        if 0 < current < SCHEMA_VERSION and self._on_disk:
            automatic_backup(self._conn, self.path, "migratie")
        while current < SCHEMA_VERSION:
            with self._transaction() as conn:
                # Read again under the write lock: another process may have migrated meanwhile.
                current = conn.execute("PRAGMA user_version").fetchone()[0]
                if current < SCHEMA_VERSION:
                    for statement in MIGRATIONS[current].split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    current += 1
                    conn.execute(f"PRAGMA user_version = {current}")

    @property
    def _on_disk(self) -> bool:
        return str(self.path) != ":memory:"

    def backup(self, target: str | Path | None = None) -> Path:
        """Write a consistent copy of the whole database to ``target`` (default: a dated file
        in :func:`~graphmodel.store.sqlite_backup.backup_folder`) and return its path."""
        if target is None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            target = backup_folder(self.path) / f"{self.path.stem}-{stamp}.sqlite"
        try:
            return copy_to(self._conn, Path(target))
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(
                f"De reservekopie '{target}' werd niet geschreven: {error_reason(exc)}"
            ) from exc

    def restore(self, source: str | Path) -> Path:
        """Replace the whole database by the backup ``source``, in one step.

        The backup is checked first (a sound SQLite file of a Verbinder schema this version
        knows); the current content is saved as an automatic copy, whose path is returned.
        """
        source = Path(source)
        if not source.is_file():
            raise StoreError(f"De reservekopie '{source}' bestaat niet.")
        try:
            backup = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"'{source}' kan niet geopend worden: {error_reason(exc)}") from exc
        try:
            _check_backup(backup, source)
            safety = automatic_backup(self._conn, self.path, "terugzetten")
            backup.backup(self._conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"Terugzetten uit '{source}' lukte niet ({error_reason(exc)}); de databank "
                "bleef zoals ze was."
            ) from exc
        finally:
            backup.close()
        self._use_wal()
        self._migrate()
        return safety

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def _dataset_id(self, name: str) -> int:
        row = self._conn.execute("SELECT id FROM datasets WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise DatasetNotFoundError(f"Er is geen dataset '{name}' in {self.path}.")
        return row[0]

    def datasets(self) -> list[DatasetInfo]:
        """All datasets, by name, with their counts."""
        rows = self._conn.execute(
            "SELECT id, name, synthetic, description, created, version FROM datasets ORDER BY name"
        ).fetchall()
        return [self._info(*row) for row in rows]

    def info(self, name: str) -> DatasetInfo:
        """What the store knows about dataset ``name``."""
        row = self._conn.execute(
            "SELECT id, name, synthetic, description, created, version FROM datasets "
            "WHERE name = ?",
            (name,),
        ).fetchone()
        if row is None:
            raise DatasetNotFoundError(f"Er is geen dataset '{name}' in {self.path}.")
        return self._info(*row)

    def _info(
        self,
        dataset_id: int,
        name: str,
        synthetic: int,
        description: str,
        created: str,
        version: int,
    ) -> DatasetInfo:
        counts = {
            label: self._conn.execute(
                f"SELECT count(*) FROM {table} WHERE dataset_id = ?", (dataset_id,)
            ).fetchone()[0]
            for label, table in _COUNTED_TABLES.items()
        }
        return DatasetInfo(
            name, bool(synthetic), description, datetime.fromisoformat(created), version, counts
        )

    def dataset_version(self, name: str) -> int:
        """A number that changes whenever dataset ``name`` is written (for cache keys)."""
        row = self._conn.execute("SELECT version FROM datasets WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise DatasetNotFoundError(f"Er is geen dataset '{name}' in {self.path}.")
        return row[0]

    def save(
        self,
        dataset: Dataset,
        *,
        replace: bool = False,
        action: str = "import",
        file: str | None = None,
        sha256: str | None = None,
        expected_version: int | None = None,
    ) -> DatasetInfo:
        """Write ``dataset`` in one transaction and add a line to the import history.

        Raises :class:`DatasetExistsError` when the name is taken and ``replace`` is false,
        :class:`ConcurrentChangeError` when ``expected_version`` is given and the stored
        version (0 when absent) differs; on any error nothing is written.
        """
        try:
            self._save(dataset, replace, action, file, sha256, expected_version)
        except (sqlite3.IntegrityError, OverflowError) as exc:
            raise StoreError(
                f"De dataset '{dataset.name}' is niet samenhangend en werd niet bewaard ({exc}); "
                "de databank is ongewijzigd."
            ) from exc
        return self.info(dataset.name)

    def _save(
        self,
        dataset: Dataset,
        replace: bool,
        action: str,
        file: str | None,
        sha256: str | None,
        expected_version: int | None,
    ) -> None:
        created = dataset.created or datetime.now(UTC).replace(microsecond=0)
        with self._transaction() as conn:
            old = conn.execute(
                "SELECT id, version FROM datasets WHERE name = ?", (dataset.name,)
            ).fetchone()
            check_version(dataset.name, expected_version, 0 if old is None else old[1])
            version = 1
            if old is not None:
                if not replace:
                    raise DatasetExistsError(
                        f"De dataset '{dataset.name}' bestaat al. Kies een andere naam of "
                        "vervang hem uitdrukkelijk."
                    )
                conn.execute("DELETE FROM datasets WHERE id = ?", (old[0],))
                version = old[1] + 1
            dataset_id = conn.execute(
                "INSERT INTO datasets (name, synthetic, description, created, version) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    dataset.name,
                    int(dataset.synthetic),
                    dataset.description,
                    created.isoformat(),
                    version,
                ),
            ).lastrowid
            _insert_content(conn, dataset_id, dataset)
            conn.execute(
                "INSERT INTO imports (at, dataset, action, file, sha256, counts) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(),
                    dataset.name,
                    action,
                    file,
                    sha256,
                    json.dumps(dataset.counts()),
                ),
            )

    def load(self, name: str) -> Dataset:
        """The whole dataset ``name``, exactly as saved."""
        row = self._conn.execute(
            "SELECT id, synthetic, description, created, version FROM datasets WHERE name = ?",
            (name,),
        ).fetchone()
        if row is None:
            raise DatasetNotFoundError(f"Er is geen dataset '{name}' in {self.path}.")
        dataset_id, synthetic, description, created, version = row
        return _read_content(self._conn, dataset_id).replace(
            name=name,
            synthetic=bool(synthetic),
            description=description,
            created=datetime.fromisoformat(created),
            version=version,
        )

    def kept(self, name: str, version: int, kind: str, key: str) -> bytes | None:
        """A result kept for version ``version`` of dataset ``name`` (see
        :mod:`graphmodel.store.sqlite_results`), or None."""
        return kept(self._conn, name, version, kind, key)

    def keep(self, dataset: Dataset, kind: str, key: str, value: bytes) -> bool:
        """Keep a result computed from ``dataset`` (as loaded from this store); nothing is
        kept when the dataset was written since. True when it was kept."""
        if dataset.version is None or dataset.created is None:
            return False
        with self._transaction() as conn:
            return keep(
                conn,
                dataset.name,
                dataset.version,
                dataset.created.isoformat(),
                kind,
                key,
                value,
            )

    def save_cycle(
        self, period: Period, verbanden: tuple[Verband, ...], *, file: str | None = None
    ) -> None:
        """Keep ``verbanden`` as the reference of cycle ``period`` (replacing an earlier one)
        and record it in the import history."""
        counts = json.dumps({"verbanden": len(verbanden)})
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO cycles (first_year, last_year, verbanden) VALUES (?, ?, ?)",
                (*period, cycles.encode(verbanden)),
            )
            conn.execute(
                "INSERT INTO imports (at, dataset, action, file, sha256, counts) "
                "VALUES (?, ?, 'referentie', ?, NULL, ?)",
                (datetime.now(UTC).isoformat(), cycles.history_name(period), file, counts),
            )

    def cycle(self, period: Period) -> tuple[Verband, ...] | None:
        """The verbanden kept for cycle ``period``, or None."""
        row = self._conn.execute(
            "SELECT verbanden FROM cycles WHERE first_year = ? AND last_year = ?", period
        ).fetchone()
        return None if row is None else cycles.decode(row[0])

    def cycles(self) -> list[Period]:
        """The cycles whose verbanden are kept, oldest first."""
        query = "SELECT first_year, last_year FROM cycles ORDER BY first_year, last_year"
        return [tuple(row) for row in self._conn.execute(query)]

    def delete(self, name: str) -> None:
        """Remove dataset ``name`` and everything in it; the import history keeps its lines."""
        dataset_id = self._dataset_id(name)
        if self._on_disk:
            automatic_backup(self._conn, self.path, "verwijderen")
        with self._transaction() as conn:
            conn.execute("DELETE FROM datasets WHERE id = ?", (dataset_id,))
            conn.execute(
                "INSERT INTO imports (at, dataset, action, file, sha256, counts) "
                "VALUES (?, ?, 'verwijderd', NULL, NULL, '{}')",
                (datetime.now(UTC).isoformat(), name),
            )

    def history(self, name: str | None = None) -> list[ImportRecord]:
        """The import history, oldest first, of all datasets or of ``name``."""
        query = "SELECT at, dataset, action, file, sha256, counts FROM imports"
        params: tuple = ()
        if name is not None:
            query += " WHERE dataset = ?"
            params = (name,)
        rows = self._conn.execute(query + " ORDER BY id", params).fetchall()
        return [
            ImportRecord(datetime.fromisoformat(at), ds, action, file, sha, json.loads(counts))
            for at, ds, action, file, sha, counts in rows
        ]


_COUNTED_TABLES = {
    "actoren": "actors",
    "relaties": "ties",
    "verbanden": "verbanden",
    "evenementen": "events",
    "deelnames": "participations",
}


def _check_backup(backup: sqlite3.Connection, source: Path) -> None:
    """Raise :class:`StoreError` unless ``backup`` is a sound Verbinder database."""
    try:
        check_integrity(backup, source)
        version = backup.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"'{source}' is geen Verbinder-databank: {error_reason(exc)}") from exc
    if not 0 < version <= SCHEMA_VERSION or not {"datasets", "imports"} <= tables:
        raise StoreError(
            f"'{source}' is geen reservekopie van een Verbinder-databank die deze versie kent "
            f"(schemaversie {version}). Er werd niets gewijzigd."
        )


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``."""
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        rows,
    )


_TABLES = {"sources": "source_files"}
"""SQLite table of a dataset collection whose name differs from it."""


def _insert_content(conn: sqlite3.Connection, dataset_id: int, dataset: Dataset) -> None:
    for key in RECORDS:  # actors before the ties and attendances that name them
        _insert(
            conn,
            _TABLES.get(key, key),
            ("dataset_id", "position", *row_columns(RECORDS[key])),
            [(dataset_id, i, *to_row(r)) for i, r in enumerate(getattr(dataset, key))],
        )
    _insert(
        conn,
        "memberships",
        ("dataset_id", "actor_id", "position", *row_columns(_membership())),
        [
            (dataset_id, a.id, i, *to_row(m))
            for a in dataset.actors
            for i, m in enumerate(a.memberships)
        ],
    )
    _insert(
        conn,
        "surveys",
        ("dataset_id", "position", "verband_id", "answers"),
        [
            (dataset_id, i, a.verband_id, json.dumps(survey_to_dict(a), ensure_ascii=False))
            for i, a in enumerate(dataset.surveys)
        ],
    )
    _insert(
        conn,
        "roster_responses",
        ("dataset_id", "position", "id", "response"),
        [
            (dataset_id, i, r.id, json.dumps(roster_to_dict(r), ensure_ascii=False))
            for i, r in enumerate(dataset.roster_responses)
        ],
    )


def _membership() -> type:
    return nested(RECORDS["actors"])["memberships"]


def _read_content(conn: sqlite3.Connection, dataset_id: int) -> Dataset:
    def rows(table: str, columns: tuple[str, ...], order: str = "position") -> sqlite3.Cursor:
        return conn.execute(
            f"SELECT {', '.join(columns)} FROM {_TABLES.get(table, table)} "
            f"WHERE dataset_id = ? ORDER BY {order}",
            (dataset_id,),
        )

    membership = _membership()
    memberships: dict[str, list] = {}
    columns = ("actor_id", *row_columns(membership))
    for m in rows("memberships", columns, "actor_id, position"):
        memberships.setdefault(m[0], []).append(from_row(membership, m[1:]))
    records = {
        key: tuple(from_row(RECORDS[key], r) for r in rows(key, row_columns(RECORDS[key])))
        for key in RECORDS
        if key != "actors"
    }
    actor = RECORDS["actors"]
    columns = row_columns(actor)
    at = columns.index("id")
    records["actors"] = tuple(
        from_row(actor, a, memberships=tuple(memberships.get(a[at], ())))
        for a in rows("actors", columns)
    )
    surveys = rows("surveys", ("answers",))
    return Dataset(
        name="",
        surveys=tuple(survey_from_dict(json.loads(a[0])) for a in surveys),
        roster_responses=tuple(
            roster_from_dict(json.loads(r[0])) for r in rows("roster_responses", ("response",))
        ),
        **records,
    )
