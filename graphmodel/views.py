"""Graph views of a dataset for analysis: typed multigraph, weighted simple graph, one verband."""

from __future__ import annotations

from datetime import date

import networkx as nx
from verbinder.graphmodel.collector import collector_paused
from verbinder.graphmodel.model import Dataset, Tie
from verbinder.graphmodel.types import ActorType, TieKind

__all__ = ["to_multidigraph", "to_weighted_graph", "verband_subgraph"]


def _node_attributes(actors) -> list[tuple[str, dict]]:
    kinds = {kind: (kind.value, kind.sector_group.value) for kind in ActorType}
    rows = []
    for actor in actors:
        kind, sector = kinds[actor.type]
        memberships = actor.memberships
        rows.append(
            (
                actor.id,
                {
                    "name": actor.name,
                    "type": kind,
                    "sector": sector,
                    "municipality": actor.municipality,
                    "verbanden": tuple(m.verband_id for m in memberships),
                    "engagement": {m.verband_id: m.engagement.value for m in memberships},
                },
            )
        )
    return rows


def _select(dataset: Dataset, at: date | None, verband_id: str | None) -> tuple[list, list[Tie]]:
    """Actors (all, or the members of one verband) and the ties among them valid on ``at``."""
    if verband_id is None:
        actors = list(dataset.actors)
        ties = list(dataset.ties)
    else:
        actors = dataset.members_of(verband_id)
        ties = list(dataset.ties_by_verband.get(verband_id, ()))
    if at is not None:
        ties = [tie for tie in ties if tie.valid_at(at)]
    return actors, ties


@collector_paused()
def to_multidigraph(
    dataset: Dataset, *, at: date | None = None, verband_id: str | None = None
) -> nx.MultiDiGraph:
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
    verband_id : str, optional
        Keep only the members of this verband and the ties among them.

    Examples
    --------
    >>> from verbinder.graphmodel.model import Actor, Tie
    >>> from verbinder.graphmodel.types import ActorType, TieKind
    >>> actors = (Actor("a", "A", ActorType.LDE), Actor("b", "B", ActorType.WERKGEVER))
    >>> ties = (Tie("t1", "a", "b", TieKind.OVERLEG), Tie("t2", "a", "b", TieKind.DOORSTROOM))
    >>> ds = Dataset("x", actors=actors, ties=ties)
    >>> sorted(to_multidigraph(ds).edges(keys=True))
    [('a', 'b', 't1'), ('a', 'b', 't2'), ('b', 'a', 't1')]
    """
    actors, ties = _select(dataset, at, verband_id)
    graph = nx.MultiDiGraph(dataset=dataset.name, synthetic=dataset.synthetic)
    graph.add_nodes_from(_node_attributes(actors))
    kinds = {kind: (kind.value, kind.directed) for kind in TieKind}
    arcs = []
    for tie in ties:
        kind, directed = kinds[tie.kind]
        data = {
            "kind": kind,
            "weight": tie.weight,
            "directed": directed,
            "provenance": tie.provenance.value,
        }
        arcs.append((tie.source, tie.target, tie.id, data))
        if not directed:
            arcs.append((tie.target, tie.source, tie.id, data))
    graph.add_edges_from(arcs)
    return graph


@collector_paused()
def to_weighted_graph(
    dataset: Dataset, *, at: date | None = None, verband_id: str | None = None
) -> nx.Graph:
    """A simple undirected graph: an edge where any tie exists, ``weight`` the sum of tie weights.

    Edges also carry ``ties`` (how many ties) and ``kinds`` (sorted tuple of tie kinds).
    ``at`` and ``verband_id`` select as in :func:`to_multidigraph`.

    Examples
    --------
    >>> from verbinder.graphmodel.model import Actor, Tie
    >>> from verbinder.graphmodel.types import ActorType, TieKind
    >>> actors = (Actor("a", "A", ActorType.LDE), Actor("b", "B", ActorType.WERKGEVER))
    >>> ties = (Tie("t1", "a", "b", TieKind.OVERLEG, weight=2.0),
    ...         Tie("t2", "b", "a", TieKind.ONDERAANNEMING))
    >>> ds = Dataset("x", actors=actors, ties=ties)
    >>> to_weighted_graph(ds).edges["a", "b"]
    {'weight': 3.0, 'ties': 2, 'kinds': ('onderaanneming', 'overleg')}
    """
    actors, ties = _select(dataset, at, verband_id)
    graph = nx.Graph(dataset=dataset.name, synthetic=dataset.synthetic)
    graph.add_nodes_from(_node_attributes(actors))
    pairs: dict[tuple[str, str], list[Tie]] = {}
    for tie in ties:
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
