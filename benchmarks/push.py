"""Benchmark: push the demo into a real Bolt server, batched, against row-by-row writes.

Starts the project's ArcadeDB Bolt server (scripts/bolt_server.py) unless NEO4J_URI is set,
pushes the demo at ``--size`` actors with :class:`graphmodel.store.neo4j.Neo4jStore` (batched
``UNWIND`` in one transaction) and writes ``--sample`` of the same rows one statement per row
(auto-commit, as a plain loop would). Prints rows per second of both and the ratio.

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

from graphmodel.store.neo4j import Neo4jStore, neo4j_settings  # noqa: E402
from loaders.demo import generate_demo, scale_for  # noqa: E402


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
            actors = dataset.actors[:sample]
            start = time.perf_counter()
            for actor in actors:
                driver.execute_query(
                    "MERGE (a:BenchRow {key: $key}) SET a.name = $name, a.type = $type",
                    key=actor.id,
                    name=actor.name,
                    type=actor.type.value,
                    database_=settings["database"],
                )
            single = time.perf_counter() - start
            driver.execute_query(
                "MATCH (a:BenchRow) DETACH DELETE a", database_=settings["database"]
            )
            store.delete("bench")
    finally:
        if server is not None:
            bolt_server.stop(server)
    rows = _rows(dataset)
    batched_rate, single_rate = rows / batched, len(actors) / single
    print(f"Push van de demo ({len(dataset.actors)} actoren, {rows} rijen) naar {settings['uri']}")
    print(f"  gebundeld (UNWIND, één transactie): {batched:.1f} s, {batched_rate:,.0f} rijen/s")
    print(f"  rij per rij ({len(actors)} rijen):      {single:.1f} s, {single_rate:,.0f} rijen/s")
    print(f"  verhouding: {batched_rate / single_rate:.1f}x")


if __name__ == "__main__":
    main()
