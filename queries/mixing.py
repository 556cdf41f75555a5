"""Compare the verbanden on how their groups are tied, fairly for their size and mix: an effect
size with its uncertainty and a funnel reading per verband, never a ranking on a z-score.

For each kind of mixing (:data:`MIXINGS`) every verband gets the observed ties of that kind,
the ties chance would give with its own actors, ties and group sizes, their ratio, the log odds
ratio with its standard error (:mod:`graphmodel.metrics.mixing`), the funnel limits at its
expected count and the reading *binnen de verwachting*, *opvallend hoger* or *opvallend lager*
(:mod:`queries.funnel`). The rank follows the ratio; the reading is the separate flag.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
from verbinder.graphmodel.metrics.mixing import MixingEffect, between_groups_effect, mixing_effect
from verbinder.graphmodel.model import Dataset, Verband
from verbinder.graphmodel.progress import Progress, silent
from verbinder.graphmodel.types import ActorType
from verbinder.queries.analysis import remember_all, remembered
from verbinder.queries.funnel import ALARM, ALERT, Funnel, funnel
from verbinder.queries.network import VerbandNetwork, build_network
from verbinder.queries.permissions import require
from verbinder.queries.report import UnknownVerbandError

__all__ = ["MIXINGS", "MIXING_COLUMNS", "funnel_curves", "mixing_comparison", "mixing_row"]

LOCAL_GOVERNMENT = frozenset({ActorType.GEMEENTE.value, ActorType.OCMW.value})


def _local_government(network: VerbandNetwork) -> set:
    return {n for n, kind in network.graph.nodes(data="type") if kind in LOCAL_GOVERNMENT}


MIXINGS: dict[str, tuple[str, Callable[[VerbandNetwork], MixingEffect]]] = {
    "se_regulier": (
        "sociale economie en reguliere werkgevers",
        lambda net: mixing_effect(net.simple, net.social_economy, net.regular_economy),
    ),
    "se_lokaal_bestuur": (
        "sociale economie en lokale besturen (gemeente, OCMW)",
        lambda net: mixing_effect(net.simple, net.social_economy, _local_government(net)),
    ),
    "binnen_se": (
        "sociale-economieorganisaties onderling",
        lambda net: mixing_effect(net.simple, net.social_economy),
    ),
    "tussen_groepen": (
        "organisaties van verschillende sectorgroepen",
        lambda net: between_groups_effect(net.simple, dict(net.simple.nodes(data="sector"))),
    ),
}
"""Kinds of mixing WSE compares: id -> (what is tied, in Dutch; how to measure it)."""

MIXING_COLUMNS = (
    "verband",
    "naam",
    "actoren",
    "waargenomen",
    "verwacht",
    "verhouding",
    "log_odds_ratio",
    "log_odds_se",
    "ondergrens_95",
    "bovengrens_95",
    "ondergrens_998",
    "bovengrens_998",
    "lezing",
    "rang_verhouding",
)
"""The columns of :func:`mixing_comparison`; their meaning is in the measure catalogue."""


def mixing_row(
    dataset: Dataset, verband_id: str, kind: str = "se_regulier", *, at: date | None = None
) -> dict[str, object]:
    """The row of one verband in :func:`mixing_comparison` before the funnel limits (which
    depend on every verband), computed once per dataset object."""
    require(dataset, verband_id, detail=False)
    if verband_id not in dataset.verband_by_id:
        raise UnknownVerbandError(verband_id, sorted(dataset.verband_by_id))
    verband = dataset.verband_by_id[verband_id]
    return remembered(
        dataset, ("mixing", kind, verband_id, at), lambda: _row(dataset, verband, kind, at)
    )


def _row(dataset: Dataset, verband: Verband, kind: str, at: date | None) -> dict[str, object]:
    network = build_network(dataset, verband.id, at=at)
    effect = MIXINGS[kind][1](network)
    return {
        "verband": verband.id,
        "naam": verband.name,
        "actoren": network.simple.number_of_nodes(),
        "waargenomen": effect.observed,
        "verwacht": effect.expected,
        "verhouding": effect.ratio,
        "log_odds_ratio": effect.log_odds_ratio,
        "log_odds_se": effect.standard_error,
    }


def mixing_comparison(
    dataset: Dataset,
    kind: str = "se_regulier",
    *,
    at: date | None = None,
    progress: Progress = silent,
) -> pd.DataFrame:
    """One row per verband: the effect size of ``kind`` (a key of :data:`MIXINGS`), its funnel
    limits and reading, ranked on the ratio (1 = most ties of that kind compared with chance).

    ``attrs``: ``doel`` (the Flemish ratio, all observed over all expected), ``phi`` (the
    estimated overdispersion factor), ``overdispersie`` (whether it widens the limits),
    ``soort`` (what is tied, in Dutch) and ``synthetic``.
    """
    require(dataset, detail=False)
    what, _ = MIXINGS[kind]
    tasks = [
        (
            ("mixing", kind, verband.id, at),
            lambda verband=verband: _row(dataset, verband, kind, at),
            len(dataset.members_of(verband.id)),
        )
        for verband in dataset.verbanden
    ]
    remember_all(dataset, tasks, step="Verbanden vergelijken", progress=progress)
    rows = [mixing_row(dataset, verband.id, kind, at=at) for verband in dataset.verbanden]
    frame = pd.DataFrame(rows, columns=list(MIXING_COLUMNS[:8]))
    limits = funnel(frame["waargenomen"], frame["verwacht"])
    for coverage, suffix in ((ALERT, "95"), (ALARM, "998")):
        bounds = [limits.limits(e, coverage) for e in frame["verwacht"]]
        frame[f"ondergrens_{suffix}"] = [b[0] for b in bounds]
        frame[f"bovengrens_{suffix}"] = [b[1] for b in bounds]
    frame["lezing"] = [
        limits.reading(r, e) for r, e in zip(frame["verhouding"], frame["verwacht"], strict=True)
    ]
    frame["rang_verhouding"] = frame["verhouding"].rank(ascending=False, method="min")
    frame.attrs.update(
        doel=limits.target,
        phi=limits.phi,
        overdispersie=limits.overdispersed,
        soort=what,
        synthetic=dataset.synthetic,
    )
    ordered = frame.sort_values("verhouding", ascending=False, na_position="last")
    return ordered.reset_index(drop=True)


def funnel_curves(comparison: pd.DataFrame, points: int = 80) -> pd.DataFrame:
    """The control limits of a :func:`mixing_comparison` as curves for a funnel plot: one row
    per expected count on a log-spaced grid from the smallest to the largest verband."""
    columns = ["verwacht", *MIXING_COLUMNS[8:12]]
    shown = comparison["verwacht"][comparison["verwacht"] > 0]
    if shown.empty:
        return pd.DataFrame(columns=columns)
    attrs = comparison.attrs
    limits = Funnel(attrs["doel"], attrs["phi"], attrs["overdispersie"])
    rows = [
        [expected, *limits.limits(expected, ALERT), *limits.limits(expected, ALARM)]
        for expected in np.geomspace(shown.min() * 0.8, shown.max() * 1.25, points)
    ]
    return pd.DataFrame(rows, columns=columns)
