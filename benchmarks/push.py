"""Benchmark: push the demo into a real Bolt server, batched, against row-by-row writes.

Starts the project's ArcadeDB Bolt server (scripts/bolt_server.py) unless NEO4J_URI is set,
configured as a production server would be: a 2 GB heap, and durable commits (its write-ahead
log forced to disk at each commit, ``arcadedb.txWalFlush=2``; ArcadeDB's own default, 0,
acknowledges a commit before it is on disk; ``--wal-flush 0`` measures that). Warms the server
up (a small push and some single rows: Java compiles the hot paths during the first seconds,
which would otherwise count against whichever side runs first), then ``--repeats`` times:
pushes the demo at ``--size`` actors with :class:`graphmodel.store.neo4j.Neo4jStore` (batched
``UNWIND`` in one transaction) into a fresh dataset (deleted first if an aborted run left it),
rests two seconds, and sends ``--sample`` of the same rows
with the same statements, one row per statement in its own auto-commit transaction (as a plain
loop would), spread over the tables in proportion to their size. Prints the median rows per
second of both and the ratio. A row is one written node or relationship (an actor's memberships
travel with the actor, on both sides). Then times an empty transaction (the round trip), a pull
of the first pushed dataset (checked equal to what was pushed), and pushing it again: unchanged,
with 1% changed, and by deleting and rewriting it (how saves worked before they wrote only the
difference).

Usage: ``python benchmarks/push.py [--size 50000] [--sample 2000] [--repeats 5]
[--wal-flush 2] [--smoke]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import bolt_server  # noqa: E402
from verbinder.graphmodel.store.neo4j import Neo4jStore, _batches, neo4j_settings  # noqa: E402
from verbinder.graphmodel.store.neo4j_cypher import DELETE_DATASET, READ, WRITE  # noqa: E402
from verbinder.graphmodel.store.neo4j_plan import Rows, diff_steps, new_rows  # noqa: E402
from verbinder.loaders.demo import generate_demo, scale_for  # noqa: E402

BASELINE = "bench_rij_per_rij"
ROUND_TRIPS = 200
SETTLE = 2.0
"""Seconds of rest after a batched push, so that its background flushing does not slow the
row-by-row writes that follow."""
NODE_TABLES = {"verbanden", "actors", "events"}


def _written(table: str, row: dict) -> int:
    """Nodes and relationships one row of ``table`` writes."""
    return 1 + len(row.get("memberships", ())) if table == "actors" else 1


def _rows(dataset) -> int:
    memberships = sum(len(a.memberships) for a in dataset.actors)
    return (
        len(dataset.actors)
        + len(dataset.ties)
        + memberships
        + len(dataset.verbanden)
        + len(dataset.events)
        + len(dataset.participations)
    )


def _row_sample(dataset, sample: int, tag: str) -> list[tuple[str, dict]]:
    """Rows of the push's own write statements, ``sample`` in all, in proportion to each
    table's size and evenly spread over it. Node rows get keys of their own (dataset
    ``BASELINE``, suffix ``tag``) so that they land next to the pushed dataset; relationship
    rows connect the pushed nodes."""
    by_table = {step.statement: step.rows for step in diff_steps(Rows(), new_rows(dataset)[1])}
    total = sum(len(rows) for rows in by_table.values())
    picked = []
    for table, rows in by_table.items():
        k = max(1, round(sample * len(rows) / total))
        for row in (rows[j * len(rows) // k] for j in range(k)):  # spread over the table
            if table in NODE_TABLES:
                props = row["props"]
                row = {
                    **row,
                    "props": {**props, "key": f"{props['key']}\x1f{tag}", "dataset": BASELINE},
                }
            picked.append((table, row))
    return picked


def _check_landed(driver, database: str, pushed: list, rows_single: list) -> None:
    """Stop when the row-by-row writes did not all land (a MATCH that finds nothing is silent)."""

    def count(statement: str, name: str) -> int:
        records, _, _ = driver.execute_query(READ[statement], name=name, database_=database)
        return records[0]["n"]

    sent = {t: sum(1 for table, _ in rows_single if table == t) for t in ("actors", "ties")}
    landed = {
        "actors": count("count_actors", BASELINE),
        "ties": sum(count("count_ties", d.name) - len(d.ties) for d in pushed),
    }
    for table, n in landed.items():
        if n != sent[table] * len(pushed):
            sys.exit(f"rij per rij: {n} van {sent[table] * len(pushed)} {table} geschreven")


def _row_by_row(driver, database: str, rows: list[tuple[str, dict]]) -> float:
    start = time.perf_counter()
    for table, row in rows:
        driver.execute_query(WRITE[table], {"rows": [row]}, database_=database)
    return time.perf_counter() - start


def _delete_baseline(driver, database: str) -> None:
    for statement in DELETE_DATASET:
        driver.execute_query(statement, name=BASELINE, database_=database)


def _repush(store, dataset) -> dict[str, float]:
    """Seconds to save ``dataset`` (already on the server) again: unchanged; with 1% of its
    actors changed and 1% of its ties gone; and by deleting it and writing it whole, as saves
    did before they wrote only the difference (in one transaction: the lock, the deletes and
    the same create statements, the rows built inside the timing as a save builds them)."""
    changed = dataset.replace(
        actors=tuple(
            replace(a, note="gewijzigd") if i % 100 == 0 else a
            for i, a in enumerate(dataset.actors)
        ),
        ties=tuple(t for i, t in enumerate(dataset.ties) if i % 100 != 50),
    )
    times = {}
    for label, version in (
        ("ongewijzigd", dataset),
        ("1% van de actoren gewijzigd, 1% van de relaties weg", changed),
    ):
        start = time.perf_counter()
        store.save(version, replace=True, action="benchmark")
        times[label] = time.perf_counter() - start
    created = datetime.now(UTC).isoformat()

    def rewrite(tx) -> None:
        tx.run(WRITE["lock_dataset"], name=dataset.name).consume()
        tx.run(READ["last_import"]).consume()
        for statement in DELETE_DATASET:
            tx.run(statement, name=dataset.name).consume()
        tx.run(
            WRITE["dataset"], name=dataset.name, props={**props, "created": created, "version": 99}
        ).consume()
        for step in steps:
            for batch in _batches(step.rows):
                tx.run(WRITE[step.statement], rows=batch).consume()

    start = time.perf_counter()
    props, rows = new_rows(dataset)
    steps = diff_steps(Rows(), rows)
    with store._driver.session(database=store.database) as session:
        session.execute_write(rewrite)
    times["alles wissen en opnieuw schrijven (de werkwijze tot nu)"] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--wal-flush",
        type=int,
        choices=(0, 1, 2),
        default=2,
        help="ArcadeDB's arcadedb.txWalFlush: 2 = fsync at each commit (default here), 0 = none",
    )
    parser.add_argument("--smoke", action="store_true", help="tiny size (CI)")
    args = parser.parse_args()
    size, sample, repeats = (800, 200, 1) if args.smoke else (args.size, args.sample, args.repeats)
    settings = neo4j_settings()
    server = None
    if settings is None:
        server = bolt_server.start(heap="2g", wal_flush=args.wal_flush)
        settings = {
            "uri": server.uri,
            "user": server.user,
            "password": server.password,
            "database": server.database,
        }
    database = settings["database"]
    warm = generate_demo(scale=scale_for(800), name="bench_opwarmen")
    pushed = [
        generate_demo(scale=scale_for(size), name=f"bench_{i}") for i in range(1, repeats + 1)
    ]
    batched, single, sent = [], [], []
    try:
        with Neo4jStore(**settings) as store:
            driver = store._driver
            store.save(warm, replace=True, action="benchmark")
            _row_by_row(driver, database, _row_sample(warm, 200, "opwarmen"))
            _delete_baseline(driver, database)
            for dataset in pushed:
                # A dataset left by an aborted run would make the push a small difference.
                if dataset.name in {info.name for info in store.datasets()}:
                    store.delete(dataset.name)
                start = time.perf_counter()
                store.save(dataset, replace=True, action="benchmark")
                batched.append(time.perf_counter() - start)
                if dataset is pushed[0]:  # before the row-by-row rows join its nodes
                    start = time.perf_counter()
                    pulled = store.load(dataset.name)
                    pull = time.perf_counter() - start
                    if not pulled.same_content(dataset):
                        sys.exit("ophalen: de dataset kwam anders terug dan hij gepusht werd")
                time.sleep(SETTLE)  # let the server finish flushing the big commit
                rows_single = _row_sample(dataset, sample, dataset.name)
                single.append(_row_by_row(driver, database, rows_single))
                sent.append(sum(_written(table, row) for table, row in rows_single))
            _check_landed(driver, database, pushed, rows_single)
            start = time.perf_counter()
            for _ in range(ROUND_TRIPS):
                driver.execute_query("RETURN 1", database_=database)
            round_trip = (time.perf_counter() - start) / ROUND_TRIPS
            # Pushing again, last (its big delete would weigh on later pushes), on a copy that
            # the row-by-row rows did not join.
            copy = pushed[0].replace(name="bench_opnieuw")
            store.save(copy, replace=True, action="benchmark")
            again = _repush(store, copy)
            _delete_baseline(driver, database)
            for dataset in [warm, *pushed, copy]:
                store.delete(dataset.name)
    finally:
        if server is not None:
            bolt_server.stop(server)
    rows = _rows(pushed[0])
    batched_rate = statistics.median(rows / t for t in batched)
    single_rate = statistics.median(n / t for n, t in zip(sent, single, strict=True))
    flush = {
        0: "niet naar schijf bij een commit",
        1: "naar schijf (zonder metadata) bij elke commit",
        2: "met fsync naar schijf bij elke commit",
    }[args.wal_flush]
    where = f"ArcadeDB, heap 2 GB, WAL {flush}" if server is not None else "NEO4J_URI"
    print(
        f"Push van de demo ({len(pushed[0].actors)} actoren, {rows} rijen) naar "
        f"{settings['uri']} ({where}); mediaan van {repeats}, na opwarmen"
    )
    print(
        f"  gebundeld (UNWIND, één transactie): {rows / batched_rate:.1f} s, "
        f"{batched_rate:,.0f} rijen/s"
    )
    print(
        f"  rij per rij ({sent[0]} rijen, zelfde opdrachten): {sent[0] / single_rate:.1f} s, "
        f"{single_rate:,.0f} rijen/s"
    )
    print(f"  verhouding: {batched_rate / single_rate:.1f}x")
    print(
        f"  ter vergelijking: een lege transactie (RETURN 1) kost {round_trip * 1000:.2f} ms, "
        f"een rij in de bundel {1000 / batched_rate:.3f} ms"
    )
    print(f"Ophalen (pull) van dezelfde dataset: {pull:.1f} s, {rows / pull:,.0f} rijen/s")
    print(f"Opnieuw pushen naar dezelfde server ({len(pushed[0].actors)} actoren):")
    for label, seconds in again.items():
        print(f"  {label}: {seconds:.1f} s")


if __name__ == "__main__":
    main()
