"""Benchmarks: demo generation, workbook/CSV load and store round trip at 1k, 10k and 50k actors.

For every case it prints the median wall time of ``--repeat`` runs, the peak Python heap of one
extra run (tracemalloc; SQLite's own C allocations are not counted), and the same two figures
for a baseline measured in the same run, with the ratio of the medians (ours / baseline):

- demo generation vs. ``networkx.gnm_random_graph`` with the same numbers of nodes and edges;
- workbook load vs. reading every cell of the same .xlsx with openpyxl (no validation);
- CSV-folder load vs. ``pandas.read_csv`` of the same files (no validation);
- store round trip (save + load in a new SQLite file) vs. pickle dump + load of the dataset.

Usage: ``python benchmarks/run.py [--sizes 1000 10000 50000] [--repeat 3] [--smoke]``.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
from openpyxl import load_workbook
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders import load_dataset
from verbinder.loaders.demo import generate_demo, scale_for
from verbinder.queries.export import export_dataset


def measure(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median seconds over ``repeat`` runs, peak MB of one traced run)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 1e6


def _read_all_cells(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    book.close()
    return cells


def cases(size: int, folder: Path) -> list[tuple[str, Callable, Callable]]:
    """(name, ours, baseline) for one size; files are written before anything is timed."""
    scale = scale_for(size)
    dataset = generate_demo(scale=scale)
    n, m = len(dataset.actors), len(dataset.ties)
    xlsx = export_dataset(dataset, folder / f"demo-{size}.xlsx")
    csv_folder = export_dataset(dataset, folder / f"demo-{size}-csv")
    counter = iter(range(10**9))

    def round_trip() -> None:
        path = folder / f"store-{size}-{next(counter)}.sqlite"
        with SQLiteStore(path) as store:
            store.save(dataset)
            store.load(dataset.name)
        path.unlink()

    def pickle_trip() -> None:
        path = folder / f"pickle-{size}.bin"
        path.write_bytes(pickle.dumps(dataset))
        pickle.loads(path.read_bytes())

    return [
        (
            "demo generation",
            lambda: generate_demo(scale=scale),
            lambda: nx.gnm_random_graph(n, m, seed=1),
        ),
        (
            "workbook load (.xlsx)",
            lambda: load_dataset(xlsx, name="b"),
            lambda: _read_all_cells(xlsx),
        ),
        (
            "CSV folder load",
            lambda: load_dataset(csv_folder, name="b"),
            lambda: [pd.read_csv(p, sep=";", dtype=str) for p in csv_folder.glob("*.csv")],
        ),
        ("store round trip", round_trip, pickle_trip),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="one tiny size, one run (CI)")
    args = parser.parse_args()
    sizes, repeat = ([600], 1) if args.smoke else (args.sizes, args.repeat)
    header = (
        f"{'case':24} {'actors':>7} {'ties':>7} {'median s':>9} {'peak MB':>8} "
        f"{'base s':>8} {'base MB':>8} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            dataset = generate_demo(scale=scale_for(size))
            n, m = len(dataset.actors), len(dataset.ties)
            for name, ours, baseline in cases(size, Path(tmp)):
                seconds, peak = measure(ours, repeat)
                base_seconds, base_peak = measure(baseline, repeat)
                print(
                    f"{name:24} {n:7d} {m:7d} {seconds:9.3f} {peak:8.1f} "
                    f"{base_seconds:8.3f} {base_peak:8.1f} {seconds / base_seconds:6.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
