"""The shared store: the same interface as the SQLite store, over Neo4j's Bolt protocol.

Uses the official ``neo4j`` driver and the named statements of
:mod:`graphmodel.store.neo4j_cypher` (the one place for Cypher, as the project asks).
A save is one managed transaction (``execute_write``, retried on transient errors) that
writes only the difference with what the server holds (:mod:`graphmodel.store.neo4j_plan`):
the new version of the dataset lands whole or not at all. Dates and datetimes travel as ISO
strings, which Neo4j and ArcadeDB store alike.
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    Neo4jError,
    ServiceUnavailable,
)
from verbinder.graphmodel.jsoncodec import FORMAT, VERSION, dataset_from_dict
from verbinder.graphmodel.model import Dataset, Verband
from verbinder.graphmodel.progress import Progress, silent
from verbinder.graphmodel.reference import period_label
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
from verbinder.graphmodel.store.neo4j_cypher import DELETE_DATASET, READ, SCHEMA, WRITE
from verbinder.graphmodel.store.neo4j_plan import (
    NODE_TABLES,
    REL_TABLES,
    SEPARATOR,
    Rows,
    collector_paused,
    diff_steps,
    new_rows,
)

__all__ = ["SEPARATOR", "Neo4jStore", "neo4j_settings"]

BATCH = 5_000


def neo4j_settings() -> dict[str, str] | None:
    """``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` from the
    environment, or None when ``NEO4J_URI`` is not set."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return {
        "uri": uri,
        "user": os.environ.get("NEO4J_USER", "neo4j"),
        "password": os.environ.get("NEO4J_PASSWORD", ""),
        "database": os.environ.get("NEO4J_DATABASE", "neo4j"),
    }


def _batches(rows: list[dict]) -> list[list[dict]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


class _IncompleteWriteError(Exception):
    """Raised inside a transaction to roll it back when fewer records landed than were sent."""


class Neo4jStore:
    """Datasets in a Neo4j database (or any server that speaks Bolt and Neo4j-5 Cypher).

    Raises :class:`~graphmodel.store.base.StoreError` with one Dutch sentence when the server
    cannot be reached or refuses the password. Transient errors are retried for
    ``retry_seconds`` (the driver's managed transactions).
    """

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str = "neo4j",
        *,
        retry_seconds: float = 30.0,
        progress: Progress = silent,
    ) -> None:
        self.uri, self.database = uri, database
        self.progress = progress
        """Told how many rows a save has written and when a load starts and ends."""
        self.path = uri  # shown in messages, like SQLiteStore.path
        try:
            self._driver = GraphDatabase.driver(
                uri, auth=(user, password), max_transaction_retry_time=retry_seconds
            )
            with self._driver.session(database=database) as session:
                for statement in SCHEMA:
                    session.run(statement).consume()
        except ConfigurationError as exc:
            raise StoreError(
                f"'{uri}' is geen adres van een Neo4j-server: schrijf het als "
                "bolt://server:7687 of neo4j://server:7687"
            ) from exc
        except AuthError as exc:
            raise StoreError(f"Neo4j op {uri} weigert de gebruiker of het wachtwoord.") from exc
        except (ServiceUnavailable, OSError) as exc:
            raise StoreError(f"Neo4j op {uri} is niet bereikbaar: staat de server aan?") from exc
        except (Neo4jError, ValueError) as exc:
            raise StoreError(f"Neo4j op {uri} gaf een fout: {exc}") from exc

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run_read(self, statement: str, **params: Any) -> list[dict]:
        """Rows of the named read statement of :data:`~graphmodel.store.neo4j_cypher.READ`
        as dicts."""
        return [dict(record) for record in self._read(statement, **params)]

    def _read(self, statement: str, **params: Any) -> list:
        records, _, _ = self._driver.execute_query(READ[statement], params, database_=self.database)
        return records

    def _info(self, props: dict) -> DatasetInfo:
        name = props["name"]
        counts = {
            label: self._read(f"count_{key}", name=name)[0]["n"]
            for label, key in (
                ("actoren", "actors"),
                ("relaties", "ties"),
                ("verbanden", "verbanden"),
                ("evenementen", "events"),
                ("deelnames", "participations"),
            )
        }
        return DatasetInfo(
            name,
            props["synthetic"],
            props["description"],
            datetime.fromisoformat(props["created"]),
            props["version"],
            counts,
        )

    def datasets(self) -> list[DatasetInfo]:
        """All datasets, by name, with their counts."""
        return [self._info(dict(r["d"])) for r in self._read("datasets")]

    def info(self, name: str) -> DatasetInfo:
        """What the store knows about dataset ``name``."""
        found = self._read("dataset", name=name)
        if not found:
            raise DatasetNotFoundError(f"Er is geen dataset '{name}' in {self.uri}.")
        return self._info(dict(found[0]["d"]))

    def dataset_version(self, name: str) -> int:
        """A number that changes whenever dataset ``name`` is written."""
        return self.info(name).version

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

        Only what differs from the dataset on the server is written (see
        :mod:`graphmodel.store.neo4j_plan`): saving it again writes no node or relationship.

        The transaction first locks the dataset's lock node, so writers of one dataset go one
        after the other; with ``expected_version`` the stored version is checked under that
        lock, so two writers cannot both pass the check.
        """
        created = dataset.created or datetime.now(UTC).replace(microsecond=0)
        try:
            props, rows = new_rows(dataset)
        except ValueError as exc:
            raise StoreError(
                f"De dataset '{dataset.name}' is niet samenhangend en werd niet "
                f"bewaard ({exc}); Neo4j bleef ongewijzigd."
            ) from exc
        version = 0

        def work(tx) -> None:
            nonlocal version
            # Every writer of this dataset first takes its lock node, so that two writers
            # cannot interleave their writes; existence, version, the import sequence and the
            # dataset's current state are read under it.
            locked = tx.run(WRITE["lock_dataset"], name=dataset.name).single()
            found = locked["version"] if locked and locked["version"] is not None else 0
            if found and not replace:
                raise DatasetExistsError(
                    f"De dataset '{dataset.name}' bestaat al. Kies een andere "
                    "naam of vervang hem uitdrukkelijk."
                )
            check_version(dataset.name, expected_version, found)
            sequence = (tx.run(READ["last_import"]).single()["n"] or 0) + 1
            with collector_paused():
                steps = diff_steps(_server_rows(tx, dataset.name), rows)
            version = found + 1
            tx.run(
                WRITE["dataset"],
                name=dataset.name,
                props={**props, "created": created.isoformat(), "version": version},
            ).consume()
            total, done = sum(len(step.rows) for step in steps), 0
            self.progress(SAVE_STEP, done, total)
            for step in steps:
                made = 0
                for batch in _batches(step.rows):
                    made += tx.run(WRITE[step.statement], rows=batch).single()["n"]
                    done += len(batch)
                    self.progress(SAVE_STEP, done, total)
                # A relationship to a node that is not there aborts the whole transaction.
                if made != step.expected:
                    raise _IncompleteWriteError(
                        f"{step.statement}: {made} van {step.expected} geschreven"
                    )
            tx.run(
                WRITE["import"], props=_import_props(dataset, action, file, sha256, sequence)
            ).consume()

        try:
            self._write_retrying(work)
        except _IncompleteWriteError as exc:
            raise StoreError(
                f"De dataset '{dataset.name}' is niet samenhangend en werd niet "
                f"bewaard ({exc}); Neo4j bleef ongewijzigd."
            ) from exc
        except Neo4jError as exc:
            raise StoreError(
                f"De dataset '{dataset.name}' werd niet bewaard ({exc.code}); "
                "Neo4j bleef ongewijzigd."
            ) from exc
        # What was just written and checked, without counting it again on the server.
        return DatasetInfo(
            dataset.name, dataset.synthetic, dataset.description, created, version, dataset.counts()
        )

    def _write_retrying(self, work) -> None:
        """Run ``work`` in a managed write transaction. A uniqueness conflict or a node that
        vanished under the write can only come from another writer of the same dataset
        committing at that moment (servers with optimistic locking, such as ArcadeDB, report
        them so), so they are retried like a transient error (a few times, then reported)."""
        for attempt in range(CONFLICT_ATTEMPTS):
            last = attempt == CONFLICT_ATTEMPTS - 1
            try:
                with self._driver.session(database=self.database) as session:
                    session.execute_write(work)
                return
            except ClientError as exc:
                if exc.code not in CONFLICT_CODES or last:
                    raise
            except _IncompleteWriteError:
                # Also what a server with read-committed transactions shows when another
                # writer's nodes become visible halfway; a dataset that is really
                # inconsistent fails every time and is reported after the last attempt.
                if last:
                    raise
            time.sleep(0.2 * (attempt + 1))

    def kept(self, name: str, version: int, kind: str, key: str) -> bytes | None:
        """None: the shared server keeps no computed results (each process remembers its own
        for as long as it holds the dataset, :mod:`queries.analysis`)."""
        return None

    def keep(self, dataset: Dataset, kind: str, key: str, value: bytes) -> bool:
        """Keeps nothing (see :meth:`kept`)."""
        return False

    def save_cycle(
        self, period: Period, verbanden: tuple[Verband, ...], *, file: str | None = None
    ) -> None:
        """Keep ``verbanden`` as the reference of cycle ``period`` (one ``Cycle`` node,
        replaced) and record it in the import history, in one transaction."""

        def work(tx) -> None:
            first, last = period
            tx.run(
                WRITE["cycle"],
                period=period_label(period),
                first=first,
                last=last,
                verbanden=cycles.encode(verbanden),
            )
            sequence = (tx.run(READ["last_import"]).single()["n"] or 0) + 1
            props = {
                "sequence": sequence,
                "dataset": cycles.history_name(period),
                "action": "referentie",
                "counts": json.dumps({"verbanden": len(verbanden)}),
                "at": datetime.now(UTC).isoformat(),
            }
            tx.run(WRITE["import"], props=props if file is None else {**props, "file": file})

        self._write_retrying(work)

    def cycle(self, period: Period) -> tuple[Verband, ...] | None:
        """The verbanden kept for cycle ``period``, or None."""
        rows = self._read("cycle", period=period_label(period))
        return cycles.decode(rows[0]["verbanden"]) if rows else None

    def cycles(self) -> list[Period]:
        """The cycles whose verbanden are kept, oldest first."""
        return [(row["first"], row["last"]) for row in self._read("cycles")]

    def delete(self, name: str) -> None:
        """Remove dataset ``name``; its import history is kept."""
        self.info(name)

        def work(tx) -> None:
            tx.run(WRITE["lock_dataset"], name=name).consume()
            sequence = (tx.run(READ["last_import"]).single()["n"] or 0) + 1
            for statement in DELETE_DATASET:
                tx.run(statement, name=name).consume()
            tx.run(
                WRITE["import"],
                props={
                    "sequence": sequence,
                    "dataset": name,
                    "action": "verwijderd",
                    "counts": "{}",
                    "at": datetime.now(UTC).isoformat(),
                },
            ).consume()

        self._write_retrying(work)

    def history(self, name: str | None = None) -> list[ImportRecord]:
        """The import history, oldest first, of all datasets or of ``name``."""
        records = []
        for row in self._read("history"):
            i = dict(row["i"])
            if name is None or i["dataset"] == name:
                records.append(
                    ImportRecord(
                        datetime.fromisoformat(i["at"]),
                        i["dataset"],
                        i["action"],
                        i.get("file"),
                        i.get("sha256"),
                        json.loads(i["counts"]),
                    )
                )
        return records

    def load(self, name: str) -> Dataset:
        """The whole dataset ``name``, exactly as saved (rebuilt through the JSON codec).

        All parts are read in one read transaction that starts and ends by reading the
        dataset's version; when a save landed in between (Neo4j reads committed data, so the
        parts could mix two versions, or meet a node that was just deleted) the read starts
        again. Reads property maps (no driver Node objects) in large fetches with the garbage
        collector paused: loading the 50,000-actor demo took 6.9-7.9 s before, 4.5-5.3 s after.
        """
        self.progress(LOAD_STEP, 0, None)
        for _ in range(LOAD_ATTEMPTS):
            try:
                with (
                    self._driver.session(database=self.database, fetch_size=BATCH) as session,
                    collector_paused(),
                ):
                    data = session.execute_read(_read_dataset, name, self.uri)
                    if data is not None:
                        self.progress(LOAD_STEP, 1, 1)
                        return dataset_from_dict(data).replace(version=data["stored_version"])
            except ClientError as exc:
                # A node deleted by a save that committed during the read.
                if exc.code != "Neo.ClientError.Statement.EntityNotFound":
                    raise
        raise StoreError(
            f"De dataset '{name}' werd tijdens het lezen telkens opnieuw bewaard; probeer "
            "het zo meteen opnieuw."
        )


SAVE_STEP = "Rijen naar Neo4j schrijven"
LOAD_STEP = "Dataset van Neo4j lezen"

CONFLICT_CODES = (
    "Neo.ClientError.Schema.ConstraintValidationFailed",
    "Neo.ClientError.Statement.EntityNotFound",
)
CONFLICT_ATTEMPTS = 5
"""How often a save is tried again when another writer of the same dataset commits."""

LOAD_ATTEMPTS = 10
"""How often :meth:`Neo4jStore.load` reads again when a save lands during the read."""


def _read_dataset(tx, name: str, uri: str) -> dict | None:
    """The JSON form of dataset ``name`` read inside ``tx``; None when its version changed
    during the read."""

    def rows(statement: str) -> list:
        return list(tx.run(READ[statement], name=name))

    found = rows("dataset")
    if not found:
        raise DatasetNotFoundError(f"Er is geen dataset '{name}' in {uri}.")
    d = dict(found[0]["d"])
    memberships: dict[str, list[dict]] = {}
    for row in rows("memberships"):
        m = _Props(row["m"])
        memberships.setdefault(row["actor"], []).append(
            {
                "verband_id": row["verband"],
                "engagement": m["engagement"],
                "political": m["political"],
                "administrative": m["administrative"],
            }
        )
    actors = []
    for row in rows("actors"):
        a = _Props(row["a"], lists=("nace", "activities", "tags"))
        a["memberships"] = memberships.get(a["id"], [])
        actors.append(a)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "synthetic": d["synthetic"],
        "description": d["description"],
        "created": d["created"],
        "sources": [
            dict(zip(("path", "sha256"), s.split("\t", 1), strict=True))
            for s in d.get("sources") or ()
        ],
        "verbanden": [_Props(r["v"], lists=("municipalities",)) for r in rows("verbanden")],
        "actors": actors,
        "ties": [_Props(r["t"], source=r["source"], target=r["target"]) for r in rows("ties")],
        "events": [_Props(r["e"]) for r in rows("events")],
        "participations": [
            {"event_id": r["event"], "actor_id": r["actor"]} for r in rows("participations")
        ],
        "merges": json.loads(d.get("merges") or "[]"),
        "surveys": json.loads(d.get("surveys") or "[]"),
        "roster_responses": json.loads(d.get("roster_responses") or "[]"),
    }
    after = rows("dataset")
    if not after or dict(after[0]["d"])["version"] != d["version"]:
        return None
    return {**data, "stored_version": d["version"]}


class _Props(dict):
    """Node or relationship properties; a property Neo4j did not store (None) reads as None,
    a list property as an empty list."""

    def __init__(self, values, lists: tuple[str, ...] = (), **extra: object) -> None:
        super().__init__(dict(values), **extra)
        for key in lists:
            self[key] = self.get(key) or []

    def __missing__(self, key: str) -> None:
        return None


def _server_rows(tx, name: str) -> Rows:
    """Dataset ``name`` as the server holds it, read inside ``tx``."""
    rows = Rows()
    for table in NODE_TABLES:
        rows.nodes[table] = {
            r["key"]: dict(r["props"]) for r in tx.run(READ[f"state_{table}"], name=name)
        }
    for table in REL_TABLES:
        rows.rels[table] = [
            {"source": r["source"], "target": r["target"], "id": r["id"], "props": dict(r["props"])}
            for r in tx.run(READ[f"state_{table}"], name=name)
        ]
    return rows


def _import_props(
    dataset: Dataset, action: str, file: str | None, sha256: str | None, sequence: int
) -> dict:
    return {
        "sequence": sequence,
        "at": datetime.now(UTC).isoformat(),
        "dataset": dataset.name,
        "action": action,
        "file": file,
        "sha256": sha256,
        "counts": json.dumps(dataset.counts()),
    }
