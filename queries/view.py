"""The part of a verband's network a user wants to see: filtered by type, engagement, kind, ego."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import networkx as nx

from graphmodel.model import Dataset
from queries.network import build_network
from queries.permissions import require

__all__ = ["filtered_network"]


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
    >>> from graphmodel.model import Actor, Membership, Tie
    >>> from graphmodel.types import ActorType, Engagement, TieKind
    >>> from graphmodel.model import Verband
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
