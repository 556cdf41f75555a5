"""Graph views of a dataset for analysis: typed multigraph, weighted simple graph, one verband."""

from __future__ import annotations

from datetime import date

import networkx as nx

from graphmodel.model import Dataset, Tie

__all__ = ["to_multidigraph", "to_weighted_graph", "verband_subgraph"]


def _node_attributes(dataset: Dataset) -> list[tuple[str, dict]]:
    return [
        (
            actor.id,
            {
                "name": actor.name,
                "type": actor.type.value,
                "sector": actor.sector_group.value,
                "municipality": actor.municipality,
                "verbanden": actor.verbanden,
                "engagement": {m.verband_id: int(m.engagement) for m in actor.memberships},
            },
        )
        for actor in dataset.actors
    ]


def _ties_at(dataset: Dataset, at: date | None) -> list[Tie]:
    if at is None:
        return list(dataset.ties)
    return [tie for tie in dataset.ties if tie.valid_at(at)]


def to_multidigraph(dataset: Dataset, *, at: date | None = None) -> nx.MultiDiGraph:
    """The typed network: one node per actor, one arc per directed tie, two per undirected tie.

    Node attributes: ``name``, ``type``, ``sector``, ``municipality``, ``verbanden`` (tuple)
    and ``engagement`` (dict verband id -> 0..3). Arcs are keyed by tie id and carry ``kind``,
    ``weight``, ``directed`` and ``provenance``; an undirected tie appears as two arcs with the
    same key, so that brokerage counts it in both directions.

    Parameters
    ----------
    dataset : Dataset
    at : date, optional
        Keep only ties valid on this day.

    Examples
    --------
    >>> from graphmodel.model import Actor, Tie
    >>> from graphmodel.types import ActorType, TieKind
    >>> actors = (Actor("a", "A", ActorType.LDE), Actor("b", "B", ActorType.WERKGEVER))
    >>> ties = (Tie("t1", "a", "b", TieKind.OVERLEG), Tie("t2", "a", "b", TieKind.DOORSTROOM))
    >>> ds = Dataset("x", actors=actors, ties=ties)
    >>> sorted(to_multidigraph(ds).edges(keys=True))
    [('a', 'b', 't1'), ('a', 'b', 't2'), ('b', 'a', 't1')]
    """
    graph = nx.MultiDiGraph(dataset=dataset.name, synthetic=dataset.synthetic)
    graph.add_nodes_from(_node_attributes(dataset))
    arcs = []
    for tie in _ties_at(dataset, at):
        data = {
            "kind": tie.kind.value,
            "weight": tie.weight,
            "directed": tie.directed,
            "provenance": tie.provenance.value,
        }
        arcs.append((tie.source, tie.target, tie.id, data))
        if not tie.directed:
            arcs.append((tie.target, tie.source, tie.id, data))
    graph.add_edges_from(arcs)
    return graph


def to_weighted_graph(dataset: Dataset, *, at: date | None = None) -> nx.Graph:
    """A simple undirected graph: an edge where any tie exists, ``weight`` the sum of tie weights.

    Edges also carry ``ties`` (how many ties) and ``kinds`` (sorted tuple of tie kinds).

    Examples
    --------
    >>> from graphmodel.model import Actor, Tie
    >>> from graphmodel.types import ActorType, TieKind
    >>> actors = (Actor("a", "A", ActorType.LDE), Actor("b", "B", ActorType.WERKGEVER))
    >>> ties = (Tie("t1", "a", "b", TieKind.OVERLEG, weight=2.0),
    ...         Tie("t2", "b", "a", TieKind.ONDERAANNEMING))
    >>> ds = Dataset("x", actors=actors, ties=ties)
    >>> to_weighted_graph(ds).edges["a", "b"]
    {'weight': 3.0, 'ties': 2, 'kinds': ('onderaanneming', 'overleg')}
    """
    graph = nx.Graph(dataset=dataset.name, synthetic=dataset.synthetic)
    graph.add_nodes_from(_node_attributes(dataset))
    pairs: dict[tuple[str, str], list[Tie]] = {}
    for tie in _ties_at(dataset, at):
        key = (tie.source, tie.target) if tie.source <= tie.target else (tie.target, tie.source)
        pairs.setdefault(key, []).append(tie)
    graph.add_edges_from(
        (
            u,
            v,
            {
                "weight": sum(t.weight for t in ties),
                "ties": len(ties),
                "kinds": tuple(sorted({t.kind.value for t in ties})),
            },
        )
        for (u, v), ties in pairs.items()
    )
    return graph


def verband_subgraph(graph: nx.Graph, verband_id: str) -> nx.Graph:
    """A copy of ``graph`` restricted to the members of one verband.

    Works on any view made by this module (the node attribute ``verbanden`` decides).
    """
    members = [n for n, verbanden in graph.nodes(data="verbanden") if verband_id in verbanden]
    return graph.subgraph(members).copy()
