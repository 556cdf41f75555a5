"""The part of a verband's network a user wants to see: filtered by type, engagement, kind, ego."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import networkx as nx
from verbinder.graphmodel.model import Dataset
from verbinder.queries.network import build_network
from verbinder.queries.permissions import require

__all__ = ["communities", "filtered_network", "without_isolates"]


def filtered_network(
    dataset: Dataset,
    verband_id: str,
    *,
    types: Collection[str] | None = None,
    min_engagement: int = 0,
    kinds: Collection[str] | None = None,
    ego: str | None = None,
    radius: int = 1,
    at: date | None = None,
) -> nx.MultiDiGraph:
    """The verband's typed network restricted to what the filters keep.

    Actors of the given ``types`` with engagement at least ``min_engagement``, ties of the
    given ``kinds``; with ``ego``, only the actors within ``radius`` steps of it (the ego is
    always kept). Returns a new graph; the dataset is not changed.

    Examples
    --------
    >>> from verbinder.graphmodel.model import Actor, Membership, Tie
    >>> from verbinder.graphmodel.types import ActorType, Engagement, TieKind
    >>> from verbinder.graphmodel.model import Verband
    >>> m = (Membership("v", Engagement.ACTIEF),)
    >>> ds = Dataset("x", verbanden=(Verband("v", "V"),), actors=(
    ...     Actor("a", "A", ActorType.LDE, memberships=m),
    ...     Actor("b", "B", ActorType.WERKGEVER, memberships=m),
    ...     Actor("c", "C", ActorType.WERKGEVER, memberships=m)),
    ...     ties=(Tie("t", "a", "b", TieKind.DOORSTROOM), Tie("u", "b", "c", TieKind.OVERLEG)))
    >>> sorted(filtered_network(ds, "v", ego="a"))
    ['a', 'b']
    """
    require(dataset, verband_id, detail=True)
    graph = build_network(dataset, verband_id, at=at).graph
    keep = [
        node
        for node, data in graph.nodes(data=True)
        if (types is None or data["type"] in types)
        and data["engagement"].get(verband_id, 0) >= min_engagement
    ]
    view = nx.MultiDiGraph(graph.subgraph(keep))
    if kinds is not None:
        view.remove_edges_from(
            [(u, v, k) for u, v, k, kind in view.edges(keys=True, data="kind") if kind not in kinds]
        )
    if ego is not None and ego in graph:
        if ego not in view:
            view.add_node(ego, **graph.nodes[ego])
        near = nx.single_source_shortest_path_length(
            view.to_undirected(as_view=True), ego, cutoff=radius
        )
        view = nx.MultiDiGraph(view.subgraph(near))
    return view


def without_isolates(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, int]:
    """``graph`` without the actors that have no tie in it, and how many those were."""
    alone = [node for node in graph if graph.degree(node) == 0]
    kept = nx.MultiDiGraph(graph)
    kept.remove_nodes_from(alone)
    return kept, len(alone)


def communities(graph: nx.MultiDiGraph, seed: int = 1) -> dict[str, int]:
    """A community number per actor (0 the largest), by modularity (Louvain).

    Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008). Fast unfolding of
    communities in large networks. Journal of Statistical Mechanics P10008. Ties count once
    per pair, whatever their direction or number; the seed makes the result repeatable.

    Examples
    --------
    >>> two = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"),
    ...     ("x", "z"), ("c", "x")])
    >>> found = communities(two)
    >>> found["a"] == found["b"] == found["c"] != found["x"] == found["y"] == found["z"]
    True
    """
    simple = nx.Graph(graph.to_undirected())
    groups = nx.community.louvain_communities(simple, seed=seed)
    ordered = sorted(groups, key=lambda g: (-len(g), min(map(str, g))))
    return {node: number for number, group in enumerate(ordered) for node in group}
