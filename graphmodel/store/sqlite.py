"""The embedded store: one SQLite file (WAL, foreign keys, versioned schema), via the stdlib."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import platformdirs
from verbinder.graphmodel.formatting import error_reason
from verbinder.graphmodel.jsoncodec import survey_from_dict, survey_to_dict
from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Merge,
    Participation,
    SourceFile,
    Tie,
    Verband,
)
from verbinder.graphmodel.store.base import (
    DatasetExistsError,
    DatasetInfo,
    DatasetNotFoundError,
    ImportRecord,
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
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind

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


def _json(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _engagement(value: int | None) -> Engagement | None:
    return Engagement(value) if value is not None else None


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


def _insert_content(conn: sqlite3.Connection, dataset_id: int, dataset: Dataset) -> None:
    conn.executemany(
        "INSERT INTO source_files VALUES (?, ?, ?, ?)",
        [(dataset_id, i, s.path, s.sha256) for i, s in enumerate(dataset.sources)],
    )
    conn.executemany(
        "INSERT INTO verbanden VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                dataset_id,
                v.id,
                i,
                v.name,
                v.legal_form,
                v.province,
                _json(v.municipalities),
                v.inhabitants,
                v.subsidy_eur,
                v.period_start,
                v.period_end,
                v.centrumstad,
                v.note,
                v.source,
            )
            for i, v in enumerate(dataset.verbanden)
        ],
    )
    conn.executemany(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                dataset_id,
                a.id,
                i,
                a.name,
                a.type.value,
                a.municipality,
                _json(a.nace),
                _json(a.activities),
                a.kbo,
                a.fte,
                a.target_group_workers,
                _json(a.tags),
                a.contact_name,
                a.contact_email,
                a.note,
                a.lat,
                a.lon,
            )
            for i, a in enumerate(dataset.actors)
        ],
    )
    conn.executemany(
        "INSERT INTO memberships VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                dataset_id,
                a.id,
                m.verband_id,
                i,
                int(m.engagement),
                None if m.political is None else int(m.political),
                None if m.administrative is None else int(m.administrative),
            )
            for a in dataset.actors
            for i, m in enumerate(a.memberships)
        ],
    )
    conn.executemany(
        "INSERT INTO ties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                dataset_id,
                t.id,
                i,
                t.source,
                t.target,
                t.kind.value,
                t.weight,
                t.valid_from.isoformat() if t.valid_from else None,
                t.valid_to.isoformat() if t.valid_to else None,
                t.provenance.value,
                t.note,
            )
            for i, t in enumerate(dataset.ties)
        ],
    )
    conn.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                dataset_id,
                e.id,
                i,
                e.name,
                e.date.isoformat() if e.date else None,
                e.verband_id,
                e.kind,
                e.theme,
            )
            for i, e in enumerate(dataset.events)
        ],
    )
    conn.executemany(
        "INSERT INTO participations VALUES (?, ?, ?, ?)",
        [(dataset_id, p.event_id, p.actor_id, i) for i, p in enumerate(dataset.participations)],
    )
    conn.executemany(
        "INSERT INTO surveys VALUES (?, ?, ?, ?)",
        [
            (dataset_id, i, a.verband_id, json.dumps(survey_to_dict(a), ensure_ascii=False))
            for i, a in enumerate(dataset.surveys)
        ],
    )
    conn.executemany(
        "INSERT INTO merges VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (dataset_id, i, m.id, m.at.isoformat(), m.kept, m.dropped, m.reason, m.before)
            for i, m in enumerate(dataset.merges)
        ],
    )


def _read_content(conn: sqlite3.Connection, dataset_id: int) -> Dataset:
    def rows(table: str, columns: str, order: str = "position") -> list[dict]:
        cursor = conn.execute(
            f"SELECT {columns} FROM {table} WHERE dataset_id = ? ORDER BY {order}", (dataset_id,)
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    memberships: dict[str, list[Membership]] = {}
    for m in rows(
        "memberships",
        "actor_id, verband_id, engagement, political, administrative",
        "actor_id, position",
    ):
        memberships.setdefault(m["actor_id"], []).append(
            Membership(
                m["verband_id"],
                Engagement(m["engagement"]),
                _engagement(m["political"]),
                _engagement(m["administrative"]),
            )
        )
    actors = []
    for a in rows("actors", _ACTOR_COLUMNS):
        for key in ("nace", "activities", "tags"):
            a[key] = tuple(json.loads(a[key]))
        a["type"] = ActorType(a["type"])
        actors.append(Actor(**a, memberships=tuple(memberships.get(a["id"], ()))))
    verbanden = []
    for v in rows("verbanden", _VERBAND_COLUMNS):
        v["municipalities"] = tuple(json.loads(v["municipalities"]))
        verbanden.append(Verband(**v))
    ties = []
    for t in rows("ties", _TIE_COLUMNS):
        t.update(
            kind=TieKind(t["kind"]),
            provenance=Provenance(t["provenance"]),
            valid_from=_date(t["valid_from"]),
            valid_to=_date(t["valid_to"]),
        )
        ties.append(Tie(**t))
    events = [
        Event(**{**e, "date": _date(e["date"])})
        for e in rows("events", "id, name, date, verband_id, kind, theme")
    ]
    participations = [Participation(**p) for p in rows("participations", "event_id, actor_id")]
    sources = [SourceFile(**f) for f in rows("source_files", "path, sha256")]
    merges = [
        Merge(**{**m, "at": datetime.fromisoformat(m["at"])})
        for m in rows("merges", "id, at, kept, dropped, reason, before")
    ]
    return Dataset(
        name="",
        actors=tuple(actors),
        ties=tuple(ties),
        verbanden=tuple(verbanden),
        events=tuple(events),
        participations=tuple(participations),
        sources=tuple(sources),
        merges=tuple(merges),
        surveys=tuple(
            survey_from_dict(json.loads(a["answers"])) for a in rows("surveys", "answers")
        ),
    )


_ACTOR_COLUMNS = (
    "id, name, type, municipality, nace, activities, kbo, fte, target_group_workers, tags, "
    "contact_name, contact_email, note, lat, lon"
)
_VERBAND_COLUMNS = (
    "id, name, legal_form, province, municipalities, inhabitants, subsidy_eur, period_start, "
    "period_end, centrumstad, note, source"
)
_TIE_COLUMNS = "id, source, target, kind, weight, valid_from, valid_to, provenance, note"
