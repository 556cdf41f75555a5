"""Questions answered inside the Neo4j server, so that they scale with the shared database.

Each function runs named statements of :mod:`graphmodel.store.neo4j_cypher` through a
:class:`graphmodel.store.neo4j.Neo4jStore` and returns what the in-memory queries return for
the same data (tests compare both).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
from verbinder.graphmodel.access import Principal
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.store.neo4j import SEPARATOR, Neo4jStore
from verbinder.queries.permissions import require

__all__ = ["server_counts", "server_density", "server_verband_graph"]


def _check(dataset: str, principal: Principal | None, verband_id: str | None, detail: bool):
    require(Dataset(dataset, principal=principal), verband_id, detail=detail)


def _visible(frame: pd.DataFrame, principal: Principal | None) -> pd.DataFrame:
    """Only the rows of verbanden ``principal`` may read."""
    if principal is None:
        return frame
    keep = frame["verband"].map(principal.may_read).astype(bool)
    return frame[keep].reset_index(drop=True)


def server_verband_graph(
    store: Neo4jStore, dataset: str, verband_id: str, *, principal: Principal | None = None
) -> nx.MultiDiGraph:
    """One verband's members and the ties among them, fetched from the server.

    Nodes carry ``type``, ``sector`` and ``engagement`` (in this verband); arcs carry ``kind``
    (as stored: an undirected tie is one arc here). ``principal`` (None: unrestricted) must
    be allowed to see this verband's organisations.
    """
    _check(dataset, principal, verband_id, detail=True)
    key = f"{dataset}{SEPARATOR}{verband_id}"
    graph = nx.MultiDiGraph()
    for row in store.run_read("verband_members", verband=key):
        graph.add_node(
            row["actor"], type=row["type"], sector=row["sector"], engagement=row["engagement"]
        )
    for row in store.run_read("verband_ties", verband=key, name=dataset):
        graph.add_edge(row["source"], row["target"], key=row["tie"], kind=row["kind"])
    return graph


def server_counts(
    store: Neo4jStore, dataset: str, *, principal: Principal | None = None
) -> pd.DataFrame:
    """Members per verband, actor type and engagement level (columns ``verband``, ``type``,
    ``engagement``, ``n``), sorted; only the verbanden ``principal`` may read."""
    _check(dataset, principal, None, detail=False)
    rows = store.run_read("counts_per_verband", name=dataset)
    frame = pd.DataFrame(rows, columns=["verband", "type", "engagement", "n"])
    frame = frame.sort_values(["verband", "type", "engagement"]).reset_index(drop=True)
    return _visible(frame, principal)


def server_density(
    store: Neo4jStore, dataset: str, *, principal: Principal | None = None
) -> pd.DataFrame:
    """Density and SE-regular density per verband, computed in Cypher (only the verbanden
    ``principal`` may read).

    Columns ``verband``, ``actoren``, ``dichtheid`` (connected pairs over all pairs) and
    ``dichtheid_se_regulier`` (connected SE-regular pairs over SE x regular pairs), as
    :func:`queries.profile.network_measures` defines them.
    """
    _check(dataset, principal, None, detail=False)
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
    frame = pd.DataFrame(rows, columns=["verband", "actoren", "dichtheid", "dichtheid_se_regulier"])
    return _visible(frame, principal)
