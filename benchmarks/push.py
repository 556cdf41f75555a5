"""Benchmark: push the demo into a real Bolt server, batched, against row-by-row writes.

Starts the project's ArcadeDB Bolt server (scripts/bolt_server.py) unless NEO4J_URI is set,
pushes the demo at ``--size`` actors with :class:`graphmodel.store.neo4j.Neo4jStore` (batched
``UNWIND`` in one transaction) and then sends ``--sample`` of the same rows with the same
statements, one row per statement in its own auto-commit transaction (as a plain loop would),
spread over the tables in proportion to their size. Prints rows per second of both and the ratio.

Usage: ``python benchmarks/push.py [--size 50000] [--sample 2000] [--smoke]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import bolt_server  # noqa: E402

from graphmodel.store.neo4j import Neo4jStore, _write_plan, neo4j_settings  # noqa: E402
from loaders.demo import generate_demo, scale_for  # noqa: E402
from queries.cypher import DELETE_DATASET, READ, WRITE  # noqa: E402

BASELINE = "bench_rij_per_rij"
NODE_STATEMENTS = {WRITE["verbanden"], WRITE["actors"], WRITE["events"]}


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


def _row_sample(dataset, sample: int) -> list[tuple[str, dict]]:
    """Rows of the push's own write statements, ``sample`` in all, in proportion to each
    table's size. Node rows get keys of their own (dataset ``BASELINE``) so that they land
    next to the pushed dataset; relationship rows connect the pushed nodes."""
    by_statement: dict[str, list[dict]] = {}
    for statement, params in _write_plan(dataset, 1, "benchmark", None, None, 0):
        if "rows" in params:
            by_statement.setdefault(statement, []).extend(params["rows"])
    total = sum(len(rows) for rows in by_statement.values())
    picked = []
    for statement, rows in by_statement.items():
        for row in rows[: max(1, round(sample * len(rows) / total))]:
            if statement in NODE_STATEMENTS:
                row = {
                    **row,
                    "key": f"{row['key']}\x1frij",
                    "props": {**row["props"], "dataset": BASELINE},
                }
            picked.append((statement, row))
    return picked


def _check_landed(driver, database: str, dataset, rows_single) -> None:
    """Stop when the row-by-row writes did not all land (a MATCH that finds nothing is silent)."""

    def count(statement: str, name: str) -> int:
        records, _, _ = driver.execute_query(READ[statement], name=name, database_=database)
        return records[0]["n"]

    sent = {s: sum(1 for statement, _ in rows_single if statement == WRITE[s]) for s in WRITE}
    landed = {
        "actors": count("count_actors", BASELINE),
        "ties": count("count_ties", dataset.name) - len(dataset.ties),
    }
    for table, n in landed.items():
        if n != sent[table]:
            sys.exit(f"rij per rij: {n} van {sent[table]} {table} geschreven")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--smoke", action="store_true", help="tiny size (CI)")
    args = parser.parse_args()
    size, sample = (800, 200) if args.smoke else (args.size, args.sample)
    dataset = generate_demo(scale=scale_for(size), name="bench")
    settings = neo4j_settings()
    server = None
    if settings is None:
        server = bolt_server.start()
        settings = {
            "uri": server.uri,
            "user": server.user,
            "password": server.password,
            "database": server.database,
        }
    try:
        with Neo4jStore(**settings) as store:
            start = time.perf_counter()
            store.save(dataset, replace=True, action="benchmark")
            batched = time.perf_counter() - start
            driver = store._driver
            rows_single = _row_sample(dataset, sample)
            start = time.perf_counter()
            for statement, row in rows_single:
                driver.execute_query(statement, {"rows": [row]}, database_=settings["database"])
            single = time.perf_counter() - start
            _check_landed(driver, settings["database"], dataset, rows_single)
            for statement in DELETE_DATASET:
                driver.execute_query(statement, name=BASELINE, database_=settings["database"])
            store.delete("bench")
    finally:
        if server is not None:
            bolt_server.stop(server)
    rows = _rows(dataset)
    batched_rate, single_rate = rows / batched, len(rows_single) / single
    print(f"Push van de demo ({len(dataset.actors)} actoren, {rows} rijen) naar {settings['uri']}")
    print(f"  gebundeld (UNWIND, één transactie): {batched:.1f} s, {batched_rate:,.0f} rijen/s")
    print(
        f"  rij per rij ({len(rows_single)} rijen, zelfde opdrachten): {single:.1f} s, "
        f"{single_rate:,.0f} rijen/s"
    )
    print(f"  verhouding: {batched_rate / single_rate:.1f}x")


if __name__ == "__main__":
    main()
