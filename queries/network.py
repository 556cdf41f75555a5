"""Shared steps of the network queries: the graph of one verband and its groups of actors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import networkx as nx
import pandas as pd
from verbinder.graphmodel.metrics.crosssector import cross_group_brokerage
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.types import ActorType, SectorGroup
from verbinder.graphmodel.views import to_multidigraph
from verbinder.queries.analysis import remembered
from verbinder.queries.permissions import require
from verbinder.queries.report import UnknownVerbandError

__all__ = ["VerbandNetwork", "build_network", "verband_network"]


@dataclass(frozen=True)
class VerbandNetwork:
    """The typed graph of one verband with the sets a verbinder question needs."""

    verband_id: str
    graph: nx.MultiDiGraph
    social_economy: frozenset
    regular_economy: frozenset
    regisseurs: tuple
    engagement: dict

    _cross: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def simple(self) -> nx.Graph:
        """Undirected simple view (a tie between two actors counts once); built once."""
        return nx.Graph(self.graph)

    def cross(self, *, dependency: bool) -> pd.DataFrame:
        """The verbinder view between the social and the regular economy
        (:func:`graphmodel.metrics.crosssector.cross_group_brokerage`), computed once: with
        ``dependency`` the dependent pairs too, which also answers a question without them."""
        if True not in self._cross and dependency not in self._cross:
            self._cross[dependency] = cross_group_brokerage(
                self.simple, self.social_economy, self.regular_economy, dependency=dependency
            )
        return self._cross.get(True, self._cross.get(dependency)).copy()


def verband_network(dataset: Dataset, verband_id: str, *, at: date | None = None) -> VerbandNetwork:
    """The members of ``verband_id`` and the ties among them (valid on ``at`` if given)."""
    require(dataset, verband_id, detail=True)
    return build_network(dataset, verband_id, at=at)


def build_network(dataset: Dataset, verband_id: str, *, at: date | None = None) -> VerbandNetwork:
    """:func:`verband_network` for other queries: it refuses another verband, but lets an
    analist build the network that an aggregated query summarises. Built once per dataset
    object (:func:`queries.analysis.remembered`); callers read it and never change it."""
    require(dataset, verband_id, detail=False)
    if verband_id not in dataset.verband_by_id:
        raise UnknownVerbandError(verband_id, sorted(dataset.verband_by_id))
    return remembered(dataset, ("network", verband_id, at), lambda: _built(dataset, verband_id, at))


def _built(dataset: Dataset, verband_id: str, at: date | None) -> VerbandNetwork:
    graph = to_multidigraph(dataset, at=at, verband_id=verband_id)
    sector = dict(graph.nodes(data="sector"))
    return VerbandNetwork(
        verband_id=verband_id,
        graph=graph,
        social_economy=frozenset(
            n for n, s in sector.items() if s == SectorGroup.SOCIALE_ECONOMIE.value
        ),
        regular_economy=frozenset(
            n for n, s in sector.items() if s == SectorGroup.REGULIERE_ECONOMIE.value
        ),
        regisseurs=tuple(n for n, t in graph.nodes(data="type") if t == ActorType.REGISSEUR.value),
        engagement={n: e.get(verband_id, 0) for n, e in graph.nodes(data="engagement")},
    )
