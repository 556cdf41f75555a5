"""Questions answered inside the Neo4j server, so that they scale with the shared database.

Each function runs named statements of :mod:`queries.cypher` through a
:class:`graphmodel.store.neo4j.Neo4jStore` and returns what the in-memory queries return for
the same data (tests compare both).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graphmodel.store.neo4j import SEPARATOR, Neo4jStore

__all__ = ["server_counts", "server_density", "server_verband_graph"]


def server_verband_graph(store: Neo4jStore, dataset: str, verband_id: str) -> nx.MultiDiGraph:
    """One verband's members and the ties among them, fetched from the server.

    Nodes carry ``type``, ``sector`` and ``engagement`` (in this verband); arcs carry ``kind``
    (as stored: an undirected tie is one arc here).
    """
    key = f"{dataset}{SEPARATOR}{verband_id}"
    graph = nx.MultiDiGraph()
    for row in store.run_read("verband_members", verband=key):
        graph.add_node(
            row["actor"], type=row["type"], sector=row["sector"], engagement=row["engagement"]
        )
    for row in store.run_read("verband_ties", verband=key, name=dataset):
        graph.add_edge(row["source"], row["target"], key=row["tie"], kind=row["kind"])
    return graph


def server_counts(store: Neo4jStore, dataset: str) -> pd.DataFrame:
    """Members per verband, actor type and engagement level (columns ``verband``, ``type``,
    ``engagement``, ``n``), sorted."""
    rows = store.run_read("counts_per_verband", name=dataset)
    frame = pd.DataFrame(rows, columns=["verband", "type", "engagement", "n"])
    return frame.sort_values(["verband", "type", "engagement"]).reset_index(drop=True)


def server_density(store: Neo4jStore, dataset: str) -> pd.DataFrame:
    """Density and SE-regular density per verband, computed in Cypher.

    Columns ``verband``, ``actoren``, ``dichtheid`` (connected pairs over all pairs) and
    ``dichtheid_se_regulier`` (connected SE-regular pairs over SE x regular pairs), as
    :func:`queries.profile.network_measures` defines them.
    """
    rows = []
    for row in store.run_read("density_per_verband", name=dataset):
        n, se, regular = row["actors"], row["se"], row["regular"]
        rows.append(
            {
                "verband": row["verband"],
                "actoren": n,
                "dichtheid": row["pairs"] / (n * (n - 1) / 2) if n > 1 else 0.0,
                "dichtheid_se_regulier": row["cross"] / (se * regular)
                if se and regular
                else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=["verband", "actoren", "dichtheid", "dichtheid_se_regulier"])
