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
from verbinder.graphmodel.metrics import node_index
from verbinder.graphmodel.metrics.centrality import to_igraph

__all__ = ["connected_pairs", "cross_group_brokerage"]


def connected_pairs(G: nx.Graph, sources: Collection, targets: Collection) -> int:
    """How many (s, t) pairs with ``s`` in ``sources`` and ``t`` in ``targets`` are connected.

    >>> connected_pairs(nx.Graph([(1, 2), (3, 4)]), {1, 3}, {2})
    1
    """
    graph, nodes = to_igraph(G)
    return _connected_pairs(graph, {node: i for i, node in enumerate(nodes)}, sources, targets)


def _connected_pairs(graph, index: dict, sources: Collection, targets: Collection) -> int:
    membership = graph.connected_components().membership
    s_count: dict[int, int] = {}
    t_count: dict[int, int] = {}
    for node in sources:
        s_count[membership[index[node]]] = s_count.get(membership[index[node]], 0) + 1
    for node in targets:
        t_count[membership[index[node]]] = t_count.get(membership[index[node]], 0) + 1
    return sum(count * t_count.get(component, 0) for component, count in s_count.items())


def _dominated_counts(graph, source: int, target_mask: np.ndarray, src, dst) -> np.ndarray:
    """For each v, how many targets t reachable from ``source`` have v on every geodesic.

    The geodesic DAG is processed level by level (breadth-first layers): a node's immediate
    dominator is the nearest common ancestor, in the dominator tree built so far, of its DAG
    predecessors (Cooper, Harvey and Kennedy's intersect); :func:`_level_dominators` finds it
    for a whole level at once.
    """
    n = graph.vcount()
    order, layers, _ = graph.bfs(source)
    layers = np.asarray(layers, dtype=np.int64)
    order = np.asarray(order[: layers[-1]], dtype=np.int64)
    dist = np.full(n, -1, dtype=np.int64)
    dist[order] = np.repeat(np.arange(len(layers) - 1), np.diff(layers))
    on_dag = (dist[src] >= 0) & (dist[dst] == dist[src] + 1)
    dag_src, dag_dst = src[on_dag], dst[on_dag]
    by_target = np.argsort(dag_dst, kind="stable")
    dag_src, dag_dst = dag_src[by_target], dag_dst[by_target]
    n_preds = np.bincount(dag_dst, minlength=n)
    first_pred = np.cumsum(n_preds) - n_preds
    idom = np.full(n, -1, dtype=np.int64)
    idom[source] = source
    depth = np.zeros(n, dtype=np.int64)
    levels = [order[first:last] for first, last in pairwise(layers.tolist())]
    for nodes in levels[1:]:
        _level_dominators(nodes, n_preds[nodes], first_pred[nodes], dag_src, idom, depth)
        depth[nodes] = depth[idom[nodes]] + 1
    own = (target_mask & (dist >= 0)).astype(np.int64)
    below = own.copy()
    for nodes in reversed(levels[1:]):  # children before parents
        np.add.at(below, idom[nodes], below[nodes])
    counts = below - own  # a node does not depend on itself
    counts[source] = 0
    return counts


def _level_dominators(nodes, counts, first, dag_src, idom, depth) -> None:
    """Set ``idom`` of one breadth-first level of ``nodes`` (their ``counts`` predecessors
    start at ``first`` in ``dag_src``). One pointer per (node, predecessor) climbs the
    dominator tree: in every group that has not met, the deepest pointers move to their
    immediate dominator, until each group's pointers meet at the common ancestor."""
    starts = np.cumsum(counts) - counts
    pointer = dag_src[np.repeat(first - starts, counts) + np.arange(int(counts.sum()))]
    group = np.repeat(np.arange(len(nodes)), counts)
    while True:
        apart = np.minimum.reduceat(pointer, starts) != np.maximum.reduceat(pointer, starts)
        if not apart.any():
            break
        level = depth[pointer]
        move = apart[group] & (level == np.maximum.reduceat(level, starts)[group])
        pointer[move] = idom[pointer[move]]
    idom[nodes] = pointer[starts]


def cross_group_brokerage(
    G: nx.Graph, sources: Collection, targets: Collection, *, dependency: bool = True
) -> pd.DataFrame:
    """Share of S-T geodesics through every actor and the S-T pairs that depend on it.

    Parameters
    ----------
    G : networkx graph
        Any view; used as undirected and simple (hop distances).
    sources, targets : collections of nodes
        Disjoint groups, for example the social-economy actors and the regular employers.
    dependency : bool
        Compute ``dependent_pairs`` and ``longer_pairs`` (one dominator tree per source of
        the smaller group); when false they are NaN and only ``share`` and
        ``disconnected_pairs`` are computed.

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
    pairs = _connected_pairs(graph, index, sources, targets)
    frame = pd.DataFrame(index=node_index(nodes))
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
    if dependency:
        for s in start:
            dependent += _dominated_counts(graph, s, end_mask, src, dst)

    disconnected = _disconnected_pairs(graph, np.isin(np.arange(n), start), end_mask)
    frame["dependent_pairs"] = dependent.astype(float) if dependency else np.nan
    frame["disconnected_pairs"] = disconnected.astype(float)
    frame["longer_pairs"] = (dependent - disconnected).astype(float) if dependency else np.nan
    frame.attrs["connected_pairs"] = pairs
    return frame


def _disconnected_pairs(graph, start_mask: np.ndarray, end_mask: np.ndarray) -> np.ndarray:
    """For each cut vertex v, the start-end pairs (v not among them) that G - v separates.

    Uses the block-cut tree (Hopcroft and Tarjan 1973): the parts of G - v are the subtrees
    below v and the rest of v's component above it.
    """
    n = graph.vcount()
    blocks, cut_vertices = graph.biconnected_components(return_articulation_points=True)
    cut = set(cut_vertices)
    # Tree nodes: 0..n-1 stand for cut vertices, n + i for block i.
    neighbours: dict[int, list[int]] = {v: [] for v in cut}
    weight: dict[int, tuple[int, int]] = {v: (int(start_mask[v]), int(end_mask[v])) for v in cut}
    for i, members in enumerate(blocks):
        node = n + i
        neighbours[node] = []
        s_count = t_count = 0
        for v in members:
            if v in cut:
                neighbours[node].append(v)
                neighbours[v].append(node)
            else:
                s_count += int(start_mask[v])
                t_count += int(end_mask[v])
        weight[node] = (s_count, t_count)
    result = np.zeros(n, dtype=np.int64)
    seen: set[int] = set()
    for root in neighbours:
        if root in seen:
            continue
        order, parent = [], {root: -1}
        stack = [root]
        seen.add(root)
        while stack:
            node = stack.pop()
            order.append(node)
            for other in neighbours[node]:
                if other not in seen:
                    seen.add(other)
                    parent[other] = node
                    stack.append(other)
        below = {node: list(weight[node]) for node in order}
        for node in reversed(order):
            if parent[node] != -1:
                below[parent[node]][0] += below[node][0]
                below[parent[node]][1] += below[node][1]
        total_s, total_t = below[root]
        for v in order:
            if v >= n:
                continue
            sides = [below[child] for child in neighbours[v] if parent.get(child) == v]
            up_s, up_t = total_s - below[v][0], total_t - below[v][1]
            sides.append([up_s, up_t])
            s_v, t_v = weight[v]
            connected_before = (total_s - s_v) * (total_t - t_v)
            result[v] = connected_before - sum(a * b for a, b in sides)
    return result
