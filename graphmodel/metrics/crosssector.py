"""The verbinder view: who carries the shortest paths between two groups, and who they depend on.

For two disjoint sets of actors ``S`` (say the social economy) and ``T`` (the regular
economy), on the undirected simple view of a network:

- ``share(v)``: the share of S-T geodesics passing through ``v``, averaged over the connected
  pairs: ``sum_{s in S, t in T} sigma_st(v) / sigma_st`` divided by the number of connected
  pairs (a subset betweenness, Brandes 2008, section 3.4).
- ``dependent_pairs(v)``: connected S-T pairs for which *every* geodesic passes through ``v``,
  so that they lose their connection or get farther apart when ``v`` disappears. Found with
  the dominator tree of each source's geodesic DAG (``v`` lies on every shortest s-t path
  exactly when it dominates ``t`` from ``s``; Lengauer and Tarjan 1979).
- ``disconnected_pairs(v)``: of those, the pairs that lose their connection entirely
  (``v`` is a cut vertex between them); ``longer_pairs(v)`` the rest.

References
----------
.. [1] Brandes, U. (2008). On variants of shortest-path betweenness centrality and their
   generic computation. Social Networks 30(2): 136-145.
.. [2] Lengauer, T. and Tarjan, R. E. (1979). A fast algorithm for finding dominators in a
   flowgraph. ACM TOPLAS 1(1): 121-141.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import pairwise

import networkx as nx
import numpy as np
import pandas as pd

from graphmodel.metrics.centrality import to_igraph

__all__ = ["connected_pairs", "cross_group_brokerage"]


def connected_pairs(G: nx.Graph, sources: Collection, targets: Collection) -> int:
    """How many (s, t) pairs with ``s`` in ``sources`` and ``t`` in ``targets`` are connected.

    >>> connected_pairs(nx.Graph([(1, 2), (3, 4)]), {1, 3}, {2})
    1
    """
    graph, nodes = to_igraph(G)
    index = {node: i for i, node in enumerate(nodes)}
    membership = graph.connected_components().membership
    s_count: dict[int, int] = {}
    t_count: dict[int, int] = {}
    for node in sources:
        s_count[membership[index[node]]] = s_count.get(membership[index[node]], 0) + 1
    for node in targets:
        t_count[membership[index[node]]] = t_count.get(membership[index[node]], 0) + 1
    return sum(count * t_count.get(component, 0) for component, count in s_count.items())


def _dominated_counts(graph, source: int, target_mask: np.ndarray, src, dst) -> np.ndarray:
    """For each v, how many targets t reachable from ``source`` have v on every geodesic."""
    n = graph.vcount()
    order, layers, _ = graph.bfs(source)
    dist = np.full(n, -1, dtype=np.int64)
    for level, (first, last) in enumerate(pairwise(layers)):
        dist[order[first:last]] = level
    reachable = dist >= 0
    on_dag = reachable[src] & reachable[dst] & (dist[dst] == dist[src] + 1)
    preds: dict[int, list[int]] = {}
    for u, w in zip(src[on_dag].tolist(), dst[on_dag].tolist(), strict=True):
        preds.setdefault(w, []).append(u)
    idom = np.full(n, -1, dtype=np.int64)
    depth = np.zeros(n, dtype=np.int64)
    idom[source] = source
    bfs_order = order[: layers[-1]]
    for t in bfs_order:
        if t == source:
            continue
        candidates = preds[t]
        dominator = candidates[0]
        for p in candidates[1:]:
            a, b = dominator, p
            while a != b:
                if depth[a] >= depth[b]:
                    a = idom[a]
                else:
                    b = idom[b]
            dominator = a
        idom[t] = dominator
        depth[t] = depth[dominator] + 1
    counts = np.zeros(n, dtype=np.int64)
    below = target_mask.astype(np.int64) * reachable
    for t in reversed(bfs_order):  # children before parents
        if t != source:
            below[idom[t]] += below[t]
    counts[:] = below - target_mask * reachable  # a node does not depend on itself
    counts[source] = 0
    return counts


def cross_group_brokerage(G: nx.Graph, sources: Collection, targets: Collection) -> pd.DataFrame:
    """Share of S-T geodesics through every actor and the S-T pairs that depend on it.

    Parameters
    ----------
    G : networkx graph
        Any view; used as undirected and simple (hop distances).
    sources, targets : collections of nodes
        Disjoint groups, for example the social-economy actors and the regular employers.

    Returns
    -------
    DataFrame
        Index: nodes. Columns ``share`` (0-1), ``dependent_pairs``, ``disconnected_pairs``,
        ``longer_pairs``; ``attrs["connected_pairs"]`` holds the number of connected S-T pairs.

    Examples
    --------
    A regisseur ``r`` between two SE actors and one employer:

    >>> G = nx.Graph([("se1", "r"), ("se2", "r"), ("r", "wg")])
    >>> out = cross_group_brokerage(G, {"se1", "se2"}, {"wg"})
    >>> out.loc["r", ["share", "dependent_pairs", "disconnected_pairs"]].tolist()
    [1.0, 2.0, 2.0]
    """
    sources, targets = set(sources), set(targets)
    if sources & targets:
        raise ValueError("sources and targets must be disjoint")
    graph, nodes = to_igraph(G)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    pairs = connected_pairs(G, sources, targets)
    frame = pd.DataFrame(index=pd.Index(nodes, name="node"))
    if not pairs:
        for column in ("share", "dependent_pairs", "disconnected_pairs", "longer_pairs"):
            frame[column] = 0.0
        frame.attrs["connected_pairs"] = 0
        return frame
    s_index = [index[v] for v in sources]
    t_index = [index[v] for v in targets]
    # igraph halves subset betweenness on undirected graphs (as networkx does): double it.
    through = 2 * np.array(graph.betweenness(directed=False, sources=s_index, targets=t_index))
    frame["share"] = through / pairs

    # Iterate from the smaller side: S-T pairs are symmetric in an undirected graph.
    start, end = (s_index, t_index) if len(s_index) <= len(t_index) else (t_index, s_index)
    end_mask = np.zeros(n, dtype=bool)
    end_mask[end] = True
    edges = np.array(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    src = np.concatenate([edges[:, 0], edges[:, 1]])
    dst = np.concatenate([edges[:, 1], edges[:, 0]])
    dependent = np.zeros(n, dtype=np.int64)
    for s in start:
        dependent += _dominated_counts(graph, s, end_mask, src, dst)

    disconnected = np.zeros(n, dtype=np.int64)
    start_mask = np.zeros(n, dtype=bool)
    start_mask[start] = True
    for v in graph.articulation_points():
        rest = graph.copy()
        rest.delete_vertices([v])
        keep = [i for i in range(n) if i != v]
        membership = np.array(rest.connected_components().membership)
        s_in = np.bincount(membership[start_mask[keep]], minlength=membership.max() + 1)
        t_in = np.bincount(membership[end_mask[keep]], minlength=membership.max() + 1)
        still = int((s_in * t_in).sum())
        before = pairs - _pairs_with(v, graph, start_mask, end_mask)
        disconnected[v] = before - still
    frame["dependent_pairs"] = dependent.astype(float)
    frame["disconnected_pairs"] = disconnected.astype(float)
    frame["longer_pairs"] = (dependent - disconnected).astype(float)
    frame.attrs["connected_pairs"] = pairs
    return frame


def _pairs_with(v: int, graph, start_mask: np.ndarray, end_mask: np.ndarray) -> int:
    """Connected pairs that have ``v`` itself as one end (they vanish with v, not 'depend')."""
    component = graph.subcomponent(v)
    if start_mask[v]:
        return int(end_mask[component].sum())
    if end_mask[v]:
        return int(start_mask[component].sum())
    return 0
