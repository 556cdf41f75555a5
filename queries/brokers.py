"""Who connects whom in one verband: brokerage roles, structural holes, centrality, the
verbinder view between the social and the regular economy."""

from __future__ import annotations

from datetime import date

import pandas as pd
from verbinder.graphmodel.metrics.brokerage import brokerage
from verbinder.graphmodel.metrics.centrality import centrality
from verbinder.graphmodel.metrics.cohesion import ei_index
from verbinder.graphmodel.metrics.structural_holes import structural_holes
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.progress import Progress, silent
from verbinder.graphmodel.reconcile import unconfirmed_partners
from verbinder.queries.analysis import remember_all, remembered
from verbinder.queries.compare import compare_row
from verbinder.queries.mixing import MIXINGS, mixing_row
from verbinder.queries.network import build_network
from verbinder.queries.permissions import require

__all__ = ["BROKER_COLUMNS", "KEY_COLUMNS", "ROLE_LABELS", "brokers", "brokers_by_verband"]

ROLE_LABELS = {
    "coordinator": "coordinator",
    "itinerant": "consultant",
    "representative": "vertegenwoordiger",
    "gatekeeper": "poortwachter",
    "liaison": "liaison",
}
"""Dutch names of the Gould-Fernandez roles."""

BROKER_COLUMNS = (
    "actor",
    "naam",
    "type",
    "sectorgroep",
    "betrokkenheid",
    *(f"rol_{label}" for label in ROLE_LABELS.values()),
    "rol_totaal",
    *(f"z_{label}" for label in ROLE_LABELS.values()),
    "z_totaal",
    "effectieve_omvang",
    "efficientie",
    "beperking",
    "hierarchie",
    "graad",
    "gewogen_graad",
    "betrokken_graad",
    "tussenpositie",
    "nabijheid",
    "pagerank",
    "eigenvector",
    "ei_index",
    "se_regulier_aandeel",
    "afhankelijke_paren",
    "verloren_paren",
    "onbevestigd",
)
"""The columns of :func:`brokers`, in order; their meaning is in the measure catalogue."""

KEY_COLUMNS = (
    "se_regulier_aandeel",
    "verloren_paren",
    "tussenpositie",
    "rol_totaal",
    "effectieve_omvang",
    "beperking",
)
"""The figures that say most about an organisation as verbinder, the one :func:`brokers` sorts
on first: what the CLI prints and the Verbinders page shows first. The z-scores are left out
there: they grow with the size of the network and do not read on their own."""


def brokers(
    dataset: Dataset, verband_id: str, *, groups: str = "sector", at: date | None = None
) -> pd.DataFrame:
    """Every actor of one verband with its verbinder figures, strongest SE-regular broker first.

    Brokerage roles use the directed ties (an undirected tie as two arcs) and the partition
    ``groups`` (a node attribute: ``sector`` by default, or ``type``); structural holes use
    the unweighted undirected view; centrality the undirected view with summed tie weights
    (an undirected tie counts once); the SE-regular figures use hop distances. Columns and
    their meaning is in the measure catalogue (:mod:`queries.catalogue`).

    Parameters
    ----------
    dataset : Dataset
    verband_id : str
    groups : str
        Node attribute that partitions the actors for the brokerage roles.
    at : date, optional
        Use only ties valid on this day.
    """
    require(dataset, verband_id, detail=True)
    return remembered(
        dataset,
        ("brokers", verband_id, groups, at),
        lambda: _brokers(dataset, verband_id, groups, at),
    )


def brokers_by_verband(
    dataset: Dataset,
    *,
    groups: str = "sector",
    at: date | None = None,
    progress: Progress = silent,
    workers: int | None = None,
) -> dict[str, pd.DataFrame]:
    """:func:`brokers` of every verband the caller may see in detail, by verband id; over
    the CPU cores when the dataset is large (:func:`queries.analysis.remember_all`). Each
    verband's rows of :func:`queries.compare.compare_verbanden` and
    :func:`queries.mixing.mixing_comparison` are computed on the same pass (from the network
    just built), so a comparison that follows needs no second pass."""
    require(dataset, detail=True)
    principal = dataset.principal
    verbanden = [v.id for v in dataset.verbanden if principal is None or principal.may_read(v.id)]
    tasks = [
        (
            ("brokers", verband, groups, at),
            # The comparison rows too: they read the network and the SE-regular view
            # just built (hence after the brokers).
            lambda verband=verband: _brokers_and_row(dataset, verband, groups, at),
            len(dataset.members_of(verband)),
        )
        for verband in verbanden
    ]
    remember_all(dataset, tasks, step="Verbinders per verband", progress=progress, workers=workers)
    return {verband: brokers(dataset, verband, groups=groups, at=at) for verband in verbanden}


def _brokers_and_row(
    dataset: Dataset, verband_id: str, groups: str, at: date | None
) -> pd.DataFrame:
    frame = _brokers(dataset, verband_id, groups, at)
    compare_row(dataset, verband_id, at=at)
    for kind in MIXINGS:
        mixing_row(dataset, verband_id, kind, at=at)
    return frame


def _brokers(dataset: Dataset, verband_id: str, groups: str, at: date | None) -> pd.DataFrame:
    network = build_network(dataset, verband_id, at=at)
    graph = network.graph
    roles = brokerage(graph, groups=groups)
    holes = structural_holes(network.simple)
    central = centrality(graph, weight="weight", engagement=network.engagement)
    cross = network.cross(dependency=True)
    frame = pd.DataFrame(index=roles.index)
    frame["actor"] = roles.index
    frame["naam"] = [graph.nodes[n]["name"] for n in roles.index]
    frame["type"] = [graph.nodes[n]["type"] for n in roles.index]
    frame["sectorgroep"] = [graph.nodes[n]["sector"].replace("_", " ") for n in roles.index]
    frame["betrokkenheid"] = [network.engagement[n] for n in roles.index]
    for role, label in ROLE_LABELS.items():
        frame[f"rol_{label}"] = roles[role]
    frame["rol_totaal"] = roles["total"]
    for role, label in ROLE_LABELS.items():
        frame[f"z_{label}"] = roles[f"{role}_z"]
    frame["z_totaal"] = roles["total_z"]
    frame["effectieve_omvang"] = holes["effective_size"]
    frame["efficientie"] = holes["efficiency"]
    frame["beperking"] = holes["constraint"]
    frame["hierarchie"] = holes["hierarchy"]
    frame["graad"] = central["degree"]
    frame["gewogen_graad"] = central["weighted_degree"]
    frame["betrokken_graad"] = central["engaged_degree"]
    frame["tussenpositie"] = central["betweenness"]
    frame["nabijheid"] = central["closeness"]
    frame["pagerank"] = central["pagerank"]
    frame["eigenvector"] = central["eigenvector"]
    frame["ei_index"] = pd.Series(ei_index(network.simple, groups="sector")["actors"])
    frame["se_regulier_aandeel"] = cross["share"]
    frame["afhankelijke_paren"] = cross["dependent_pairs"].astype(int)
    frame["verloren_paren"] = cross["disconnected_pairs"].astype(int)
    frame["onbevestigd"] = pd.Series(unconfirmed_partners(graph, dataset.roster_responses))
    frame = frame.sort_values(["se_regulier_aandeel", "tussenpositie"], ascending=False)
    frame.attrs["se_regulier_paren"] = cross.attrs["connected_pairs"]
    frame.attrs["synthetic"] = dataset.synthetic
    return frame.reset_index(drop=True)
