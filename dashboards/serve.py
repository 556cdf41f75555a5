"""Start Streamlit with the dashboard's libraries already imported (``verbinder dashboard``).

Streamlit imports what a page needs on the first visit, in the visitor's time: pandas,
networkx, SciPy, igraph and our queries take about a second, which the first person to open
the dashboard waited for on top of everything else. Imported here, before the server starts,
they are loaded once while it starts and the first page only runs.

Usage: ``python -m verbinder.dashboards.serve run APP [streamlit options]``.
"""

from __future__ import annotations

import importlib
import sys

from streamlit.web import cli

PRELOADED = (
    "verbinder.dashboards.components",  # the pages' widgets, tables and figures
    "verbinder.dashboards.data",  # pandas, networkx, SciPy, the queries
    "verbinder.dashboards.network_view",  # pyvis, igraph
)

if __name__ == "__main__":
    for name in PRELOADED:
        importlib.import_module(name)
    sys.exit(cli.main(prog_name="streamlit"))
