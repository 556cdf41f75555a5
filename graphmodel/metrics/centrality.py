"""Centrality of actors: degree (raw, tie-weighted, engagement-weighted), betweenness,
closeness, PageRank and eigenvector centrality, computed with igraph's C core.

python-igraph is used because networkx's pure-Python betweenness and closeness take minutes
on the largest verband and hours Flanders-wide; igraph computes the same definitions in C.
The tests compare every measure with networkx on small graphs.

References
----------
.. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
   Social Networks 1(3): 215-239.
.. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
   Mathematical Sociology 25(2): 163-177; Brandes, U. and Pich, C. (2007). Centrality
   estimation in large networks. Int. J. Bifurcation and Chaos 17(7): 2303-2318.
.. [3] Brin, S. and Page, L. (1998). The anatomy of a large-scale hypertextual web search
   engine. Computer Networks 30: 107-117.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
from verbinder.graphmodel.metrics import node_index
from verbinder.graphmodel.parallel import can_fork, cores, run_forked

__all__ = [
    "EXACT_BETWEENNESS_LIMIT",
    "betweenness",
    "centrality",
    "closeness",
    "eigenvector",
    "to_igraph",
]

EXACT_BETWEENNESS_LIMIT = 20_000
"""Above this many nodes betweenness is estimated from a sample of source nodes."""

SAMPLE_SOURCES = 1_000
"""Number of sources sampled for estimated betweenness (Brandes and Pich 2007)."""

EXACT_COMPONENT = 2_000
"""Sampled closeness is exact in components up to this many vertices."""


def to_igraph(G: nx.Graph, *, weight: str | None = None) -> tuple[ig.Graph, list]:
    """The undirected simple version of ``G`` as an igraph Graph, and the node order.

    Parallel ties and both directions of a pair become one edge whose ``weight`` is the sum
    of their ties' weights (1 each when ``weight`` is None). An undirected tie of
    :func:`graphmodel.views.to_multidigraph` (two arcs with the same key and
    ``directed=False``) counts once. Self-loops are dropped.
    """
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    weights: dict[tuple[int, int], float] = {}
    if G.is_multigraph():
        edges = G.edges(keys=True, data=True)
    else:
        edges = ((u, v, None, data) for u, v, data in G.edges(data=True))
    seen: set = set()
    for u, v, key, data in edges:
        if u == v:
            continue
        a, b = sorted((index[u], index[v]))
        if data.get("directed") is False:  # one undirected tie of our views, seen as two arcs
            if (a, b, key) in seen:
                continue
            seen.add((a, b, key))
        w = 1 if weight is None else data.get(weight, 1)
        weights[(a, b)] = weights.get((a, b), 0) + w
    graph = ig.Graph(n=len(nodes), edges=list(weights))
    graph.es["weight"] = list(weights.values())
    return graph, nodes


def betweenness(G: nx.Graph, *, sample: int | None = None, seed: int = 0) -> dict:
    """Normalised betweenness on the undirected simple view (hop distances).

    ``b(v) = sum_{s<t} sigma_st(v) / sigma_st``, divided by ``(n - 1)(n - 2) / 2``. Exact up to
    :data:`EXACT_BETWEENNESS_LIMIT` nodes; above it (or when ``sample`` is given) estimated from
    ``sample`` random sources, scaled by ``n / sample`` (Brandes and Pich 2007).

    >>> sorted(betweenness(nx.path_graph(3)).values())
    [0.0, 0.0, 1.0]
    """
    graph, nodes = to_igraph(G)
    return dict(zip(nodes, _betweenness(graph, sample, seed).tolist(), strict=True))


def _betweenness(graph: ig.Graph, sample: int | None, seed: int) -> np.ndarray:
    n = graph.vcount()
    if n < 3:
        return np.zeros(n)
    if sample is None and n > EXACT_BETWEENNESS_LIMIT:
        sample = SAMPLE_SOURCES
    if sample is None or sample >= n:
        values = np.array(graph.betweenness(directed=False))
    else:
        sources = random.Random(seed).sample(range(n), sample)
        # igraph returns half the dependencies summed over the sampled sources (as networkx's
        # betweenness_centrality_subset); n / sample scales that to all sources.
        values = np.array(graph.betweenness(directed=False, sources=sources)) * n / sample
    return values / ((n - 1) * (n - 2) / 2)


def closeness(graph: ig.Graph, *, sample: int | None = None, seed: int = 0) -> np.ndarray:
    """Wasserman-Faust closeness of every vertex of an igraph Graph (hop distances).

    ``C(v) = ((r - 1) / (n - 1)) * ((r - 1) / sum of distances)`` over the ``r - 1`` vertices
    that ``v`` reaches. Exact up to :data:`EXACT_BETWEENNESS_LIMIT` vertices. Above it (or
    with ``sample``) ``sample`` random sources are drawn from all vertices (Eppstein and Wang
    2004) and only the sums of distances within components of more than
    :data:`EXACT_COMPONENT` vertices are estimated: there a vertex's sum is the mean distance
    to the sources drawn in its component times the component's size minus one. ``r`` is
    always exact (the component's size), and so is everything in smaller components (a
    breadth-first search from each of their vertices costs less than the sample's).
    """
    n = graph.vcount()
    if sample is None and n > EXACT_BETWEENNESS_LIMIT:
        sample = SAMPLE_SOURCES
    components = graph.connected_components()
    size = np.array(components.sizes(), dtype=float)[components.membership]
    if sample is None or sample >= n:
        exact = np.nan_to_num(np.array(graph.closeness(normalized=True), dtype=float))
        return exact * (size - 1) / (n - 1)
    drawn = np.zeros(n, dtype=bool)
    drawn[random.Random(seed).sample(range(n), sample)] = True
    exact = np.ones(n, dtype=bool)
    result = np.zeros(n)
    for members in components:
        if len(members) > EXACT_COMPONENT and drawn[members].sum() >= 2:
            result[members] = _sampled_closeness(graph, members, drawn[members], n)
            exact[members] = False
    vertices = np.flatnonzero(exact).tolist()  # one call: a Python loop over components is slow
    within = np.nan_to_num(np.array(graph.closeness(vertices=vertices, normalized=True)))
    result[vertices] = within * (size[vertices] - 1) / (n - 1)
    return result


def _sampled_closeness(graph: ig.Graph, members: list, drawn: np.ndarray, n: int) -> np.ndarray:
    """Estimated closeness of the vertices of one component (``members``, ascending), from
    the sources ``drawn`` among them."""
    component = graph.induced_subgraph(members)  # keeps the ascending order of the ids
    sources = np.flatnonzero(drawn).tolist()
    total = np.zeros(len(members))
    for start in range(0, len(sources), 100):
        block = component.distances(source=sources[start : start + 100])
        total += np.array(block, dtype=float).sum(axis=0)
    others = len(sources) - drawn  # a source is not among its own distances
    reach = len(members) - 1
    distance = total * reach / others
    return (reach / (n - 1)) * (reach / distance)


def _paths(graph: ig.Graph, sample: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Betweenness and closeness: the two shortest-path measures, side by side in two forked
    processes when they are large (Flanders-wide) and the process may fork."""
    calls = [
        lambda: _betweenness(graph, sample, 0),
        lambda: closeness(graph, sample=sample) if graph.vcount() > 1 else np.zeros(graph.vcount()),
    ]
    if graph.vcount() <= EXACT_BETWEENNESS_LIMIT or cores() < 2 or not can_fork():
        return calls[0](), calls[1]()
    results: list = [None, None]
    run_forked(calls, 2, results.__setitem__)
    return results[0], results[1]


def eigenvector(graph: ig.Graph, *, rel_tol: float = 1e-9) -> np.ndarray:
    """Eigenvector centrality on the ``weight`` edge attribute, scaled to a maximum of 1, and
    defined on a disconnected graph.

    The centrality is the eigenvector of the largest eigenvalue of the adjacency matrix
    (Bonacich 1972). On a connected graph it is unique (Perron-Frobenius). On a disconnected
    graph each component has its own leading eigenvalue and vector; the graph's is that of the
    component with the largest eigenvalue and 0 elsewhere. When several components share that
    eigenvalue (within ``rel_tol``; three separate pairs of equal weight, say) any mix of their
    vectors is an eigenvector and a solver returns one of them arbitrarily; here each of them
    gets its own vector scaled to a maximum of 1, so equal positions get equal values. Nodes
    in components with a smaller eigenvalue, and isolated nodes, get 0.

    >>> eigenvector(ig.Graph([(0, 1), (2, 3), (4, 5)], edge_attrs={"weight": [1, 1, 1]}))
    array([1., 1., 1., 1., 1., 1.])
    >>> eigenvector(ig.Graph([(0, 1), (1, 2), (3, 4)], edge_attrs={"weight": [1, 1, 1]})).round(3)
    array([0.707, 1.   , 0.707, 0.   , 0.   ])
    """
    values = np.zeros(graph.vcount())
    if graph.ecount() == 0:
        return values
    strength = np.asarray(graph.strength(weights="weight"), dtype=float)
    components = [sorted(c) for c in graph.connected_components() if len(c) > 1]
    components.sort(key=lambda members: -strength[members].max())
    leading, largest = [], 0.0
    for members in components:
        # A component's leading eigenvalue is at most its largest weighted degree: once that
        # is below the largest eigenvalue found, no later component can reach it.
        if strength[members].max() < largest * (1 - rel_tol):
            break
        vector, value = graph.subgraph(members).eigenvector_centrality(
            weights="weight", scale=True, return_eigenvalue=True
        )
        leading.append((value, members, vector))
        largest = max(largest, value)
    for value, members, vector in leading:
        if value >= largest * (1 - rel_tol):
            values[members] = vector
    return values


def centrality(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    engagement: Mapping | None = None,
    sample: int | None = None,
) -> pd.DataFrame:
    """Centrality measures of every node, on the undirected simple view of ``G``.

    Columns:

    - ``degree``: number of distinct contacts.
    - ``weighted_degree``: sum of the tie weights to them (``weight`` attribute).
    - ``engaged_degree``: sum over contacts of tie weight x the contact's engagement (0-3), so
      ties to engaged partners count more; only when ``engagement`` (node -> 0..3) is given.
    - ``betweenness``: see :func:`betweenness` (exact, or sampled above the limit).

    ``attrs["sample"]`` is the number of sampled sources behind betweenness and closeness, or
    None when both are exact.
    - ``closeness``: see :func:`closeness` (as networkx's ``closeness_centrality``; sampled
      above the limit).
    - ``pagerank``: PageRank with damping 0.85 on tie weights.
    - ``eigenvector``: see :func:`eigenvector`.
    """
    graph, nodes = to_igraph(G, weight=weight)
    n = len(nodes)
    frame = pd.DataFrame(index=node_index(nodes))
    if sample is None and n > EXACT_BETWEENNESS_LIMIT:
        sample = SAMPLE_SOURCES
    frame.attrs["sample"] = sample if sample is not None and sample < n else None
    frame["degree"] = graph.degree()
    frame["weighted_degree"] = graph.strength(weights="weight")
    if engagement is not None:
        level = np.array([float(engagement.get(node, 0)) for node in nodes])
        engaged = np.zeros(n)
        for edge in graph.es:
            a, b = edge.tuple
            engaged[a] += edge["weight"] * level[b]
            engaged[b] += edge["weight"] * level[a]
        frame["engaged_degree"] = engaged
    frame["betweenness"], frame["closeness"] = _paths(graph, sample)
    if n > 1:
        # ARPACK, not igraph's default PRPACK: PRPACK starts an OpenMP thread pool, and a
        # process forked after that hangs in its next OpenMP call (queries.analysis forks).
        frame["pagerank"] = graph.pagerank(weights="weight", implementation="arpack")
        frame["eigenvector"] = eigenvector(graph)
    else:
        frame["pagerank"] = 1.0 if n else []
        frame["eigenvector"] = 1.0 if n else []
    return frame
