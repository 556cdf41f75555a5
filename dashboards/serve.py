"""Start Streamlit with the dashboard's libraries already imported (``verbinder dashboard``).

Streamlit imports what a page needs on the first visit, in the visitor's time: pandas,
networkx, SciPy, igraph and our queries take about a second, which the first person to open
the dashboard waited for on top of everything else. Imported here, before the server starts,
they are loaded once while it starts and the first page only runs. The dataset the first
visitor gets is loaded here too (:func:`dashboards.data.warm_first_dataset`).

Usage: ``python -m verbinder.dashboards.serve run APP [streamlit options]``.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys

from streamlit.web import cli

PRELOADED = (
    "verbinder.dashboards.components",  # the pages' widgets, tables and figures
    "verbinder.dashboards.data",  # pandas, networkx, SciPy, the queries
    "verbinder.dashboards.network_view",  # pyvis, igraph
)


def _warm() -> None:
    """Load the first dataset into the dashboard's cache. Only a head start: whatever keeps
    it from loading now (an unreachable server, a damaged dataset) is left to the pages,
    which say what is wrong, in Dutch, when someone opens them."""
    from verbinder.dashboards.data import warm_first_dataset

    with contextlib.suppress(Exception):
        warm_first_dataset()


if __name__ == "__main__":
    # Outside a running app Streamlit warns, in English, about every cached function it meets
    # ("No runtime found ..."); harmless here, and not for the person starting the dashboard.
    logging.disable(logging.WARNING)
    for name in PRELOADED:
        importlib.import_module(name)
    _warm()
    logging.disable(logging.NOTSET)
    sys.exit(cli.main(prog_name="streamlit"))
