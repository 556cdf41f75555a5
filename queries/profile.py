"""The profile of one verband: whole-network measures, the regisseur's place, engagement by type."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import igraph as ig
import networkx as nx
import pandas as pd
from verbinder.graphmodel.metrics.centrality import to_igraph
from verbinder.graphmodel.metrics.cohesion import (
    components_summary,
    degree_centralization,
    density,
    ei_index,
    group_densities,
)
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.types import ActorType, Engagement, SectorGroup
from verbinder.queries.analysis import remembered
from verbinder.queries.network import VerbandNetwork, build_network
from verbinder.queries.permissions import require

__all__ = [
    "PROFILE_MEASURES",
    "VerbandProfile",
    "measures_of",
    "network_measures",
    "verband_profile",
]

PROFILE_MEASURES = (
    "actoren",
    "relaties",
    "dichtheid",
    "gemiddelde_graad",
    "dichtheid_se",
    "dichtheid_regulier",
    "dichtheid_se_regulier",
    "ei_index",
    "ei_verwacht",
    "centralisatie",
    "componenten",
    "grootste_component_aandeel",
    "bruggen",
    "lokale_bruggen",
    "gemeenschappen",
    "modulariteit",
    "clustering",
    "betrokken_aandeel",
    "se_regulier_verbonden",
    "regisseur_se_regulier_aandeel",
    "regisseur_verloren_aandeel",
    "regisseur_enige_brug",
)
"""Whole-network measures of :func:`network_measures`, in order; their meaning is in the
measure catalogue."""


@dataclass(frozen=True)
class VerbandProfile:
    """Whole-network measures (a Series), the engagement table and the E-I index per sector
    group (``sectorgroep``, ``actoren``, ``ei_index``, ``ei_verwacht``) of one verband."""

    verband_id: str
    measures: pd.Series
    engagement: pd.DataFrame
    groups: pd.DataFrame
    synthetic: bool


def _communities(graph: ig.Graph, seed: int = 1) -> tuple[int, float]:
    if graph.ecount() == 0:
        return graph.vcount(), 0.0
    ig.set_random_number_generator(random.Random(seed))
    try:
        clustering = graph.community_multilevel(weights=None)
    finally:
        ig.set_random_number_generator(random)
    return len(clustering), clustering.modularity


def network_measures(network: VerbandNetwork) -> dict[str, float]:
    """The measures of :data:`PROFILE_MEASURES` for one verband network.

    Densities, E-I index and components use the undirected simple view and the sector groups;
    communities are Louvain (Blondel et al. 2008) via igraph with a fixed seed.
    """
    simple = network.simple
    n = simple.number_of_nodes()
    se, reg = SectorGroup.SOCIALE_ECONOMIE.value, SectorGroup.REGULIERE_ECONOMIE.value
    densities = group_densities(simple, groups="sector")
    ei = ei_index(simple, groups="sector")
    components = components_summary(simple)
    graph, _ = to_igraph(simple)
    communities, modularity = _communities(graph)
    cross = network.cross(dependency=False)
    pairs = cross.attrs["connected_pairs"]
    possible = len(network.social_economy) * len(network.regular_economy)
    regisseur = network.regisseurs[0] if network.regisseurs else None
    share = lost = 0.0
    if regisseur is not None and pairs:
        share = float(cross.loc[regisseur, "share"])
        lost = float(cross.loc[regisseur, "disconnected_pairs"]) / pairs
    engaged = sum(1 for level in network.engagement.values() if level >= Engagement.ACTIEF)
    return {
        "actoren": n,
        "relaties": simple.number_of_edges(),
        "dichtheid": density(simple),
        "gemiddelde_graad": 2 * simple.number_of_edges() / n if n else float("nan"),
        "dichtheid_se": densities.get((se, se), float("nan")),
        "dichtheid_regulier": densities.get((reg, reg), float("nan")),
        "dichtheid_se_regulier": densities.get(tuple(sorted((se, reg))), float("nan")),
        "ei_index": ei["network"],
        "ei_verwacht": ei["network_expected"],
        "centralisatie": degree_centralization(simple),
        "componenten": components["components"],
        "grootste_component_aandeel": components["largest_share"],
        "bruggen": len(graph.bridges()),
        "lokale_bruggen": sum(1 for _ in nx.local_bridges(simple, with_span=False)),
        "gemeenschappen": communities,
        "modulariteit": modularity,
        "clustering": graph.transitivity_undirected(mode="zero"),
        "betrokken_aandeel": engaged / n if n else float("nan"),
        "se_regulier_verbonden": pairs / possible if possible else float("nan"),
        "regisseur_se_regulier_aandeel": share,
        "regisseur_verloren_aandeel": lost,
        "regisseur_enige_brug": float(bool(pairs) and lost == 1.0),
    }


def measures_of(dataset: Dataset, verband_id: str, *, at: date | None = None) -> dict[str, float]:
    """:func:`network_measures` of one verband, computed once per dataset object."""
    require(dataset, verband_id, detail=False)
    return remembered(
        dataset,
        ("measures", verband_id, at),
        lambda: network_measures(build_network(dataset, verband_id, at=at)),
    )


def engagement_by_type(network: VerbandNetwork) -> pd.DataFrame:
    """Per actor type: members, how many are actief or zeer actief, and that share."""
    rows: dict[str, list[int]] = {}
    for node, actor_type in network.graph.nodes(data="type"):
        row = rows.setdefault(actor_type, [0, 0])
        row[0] += 1
        row[1] += network.engagement[node] >= Engagement.ACTIEF
    order = [t.value for t in ActorType if t.value in rows]
    frame = pd.DataFrame(
        [[t, *rows[t]] for t in order], columns=["type", "actoren", "actief_of_meer"]
    )
    frame["aandeel_actief"] = frame["actief_of_meer"] / frame["actoren"]
    return frame


def verband_profile(dataset: Dataset, verband_id: str, *, at: date | None = None) -> VerbandProfile:
    """Whole-network measures and engagement by type of one verband (ties valid on ``at``)."""
    require(dataset, verband_id, detail=False)
    network = build_network(dataset, verband_id, at=at)
    ei = ei_index(network.simple, groups="sector")
    sizes = pd.Series(dict(network.simple.nodes(data="sector"))).value_counts()
    groups = pd.DataFrame(
        {
            "sectorgroep": [g.replace("_", " ") for g in ei["groups"]],
            "actoren": [int(sizes[g]) for g in ei["groups"]],
            "ei_index": list(ei["groups"].values()),
            "ei_verwacht": [ei["groups_expected"][g] for g in ei["groups"]],
        }
    )
    return VerbandProfile(
        verband_id=verband_id,
        measures=pd.Series(measures_of(dataset, verband_id, at=at), name=verband_id),
        engagement=engagement_by_type(network),
        groups=groups,
        synthetic=dataset.synthetic,
    )
