"""Benchmark: how long each dashboard page takes to run for the largest demo verband.

A demo at ``--size`` actors is stored in a temporary database; Streamlit's AppTest then runs
the app on the largest verband (most members): the first load of each page (cold caches) and a
second visit after switching pages (warm caches, the case users feel), median of ``--repeat``.
This times the server side (queries, rendering the pyvis HTML); the browser's own drawing of
the network with physics off adds little. Targets: a page switch under 1 s, the network view
under 3 s.

Usage: ``python benchmarks/dashboard.py [--size 30000] [--repeat 3] [--smoke]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from streamlit.testing.v1 import AppTest  # noqa: E402
from verbinder.dashboards import labels  # noqa: E402
from verbinder.graphmodel.store import SQLiteStore  # noqa: E402
from verbinder.loaders.demo import generate_demo, scale_for  # noqa: E402

PAGES = tuple(labels.PAGES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="tiny size, one run (CI)")
    args = parser.parse_args()
    size, repeat = (800, 1) if args.smoke else (args.size, args.repeat)
    dataset = generate_demo(scale=scale_for(size))
    largest = max(dataset.verbanden, key=lambda v: len(dataset.members_of(v.id)))
    members = len(dataset.members_of(largest.id))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v.sqlite"
        with SQLiteStore(path) as store:
            store.save(dataset)
        os.environ["VERBINDER_DB"] = str(path)
        app = AppTest.from_file(str(ROOT / "dashboards" / "app.py"), default_timeout=600)
        app.run()
        app.sidebar.selectbox(key="verband").set_value(largest.id).run()
        cold, warm = {}, {page: [] for page in PAGES}
        for page in PAGES:
            start = time.perf_counter()
            app.switch_page(str(ROOT / "dashboards" / "views" / f"{page}.py")).run()
            cold[page] = time.perf_counter() - start
            assert not app.exception, app.exception
        for _ in range(repeat):
            for page in PAGES:
                start = time.perf_counter()
                app.switch_page(str(ROOT / "dashboards" / "views" / f"{page}.py")).run()
                warm[page].append(time.perf_counter() - start)
    print(
        f"Dashboard op verband {largest.id}: {members} actoren (demo van {len(dataset.actors)} "
        "actoren, synthetisch)"
    )
    print(f"{'pagina':14} {'eerste keer s':>14} {'daarna s (mediaan)':>19} {'doel s':>7}")
    for page in PAGES:
        target = 3.0 if page == "netwerk" else 1.0
        median = statistics.median(warm[page])
        print(
            f"{page:14} {cold[page]:14.2f} {median:19.2f} {target:7.1f}"
            + ("" if median <= target else "   boven het doel")
        )


if __name__ == "__main__":
    main()
