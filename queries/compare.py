"""Compare all verbanden of a dataset: raw measures, size- and mix-adjusted ones, ranks.

Raw density falls as a network grows (each actor can keep up only so many ties), so a small
verband looks denser than a large one that is just as well knit. Next to the raw figures this
query gives figures that do not fall with size or that compare with what chance gives for the
same size and sector mix:

- ``gemiddelde_graad`` (mean number of contacts) does not shrink with size by construction
  (Anderson, Butts and Carley 1999 on comparing densities of different sizes).
- ``se_regulier_verhouding`` and ``tussen_groepen_verhouding``: the effect sizes, observed
  SE-regular ties (ties between sector groups) over what chance gives with the same actors,
  ties and sector mix (:mod:`graphmodel.metrics.mixing`); these are ranked, and
  :mod:`queries.mixing` adds their uncertainty and funnel reading.
- ``se_regulier_z`` and ``ei_z``: the significance of the same counts, z-scores against random
  graphs with the same actors, ties and sector mix (Erdos-Renyi G(n, m)), where the count is
  hypergeometric: drawing ``m`` pairs out of ``P = n (n - 1) / 2`` of which ``K`` are of the
  kind, ``E = m K / P`` and ``Var = m (K / P)(1 - K / P)(P - m) / (P - 1)``. Not ranked: at the
  same tie probabilities a z-score grows with the square root of the number of pairs.
- ``clustering_verwacht``: the clustering expected with the same degree sequence
  (configuration model, Newman 2003: ``(<k^2> - <k>)^2 / (n <k>^3)``) and the ratio to it.
- per 10,000 inhabitants from the reference facts of each verband.

References
----------
.. [1] Anderson, B. S., Butts, C. and Carley, K. (1999). The interaction of size and density
   with graph-level indices. Social Networks 21(3): 239-267.
.. [2] Newman, M. E. J. (2003). The structure and function of complex networks. SIAM Review
   45(2): 167-256, eq. (3.3).
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

import pandas as pd
from verbinder.graphmodel.metrics.mixing import between_groups_effect, mixing_effect
from verbinder.graphmodel.model import Dataset, Verband
from verbinder.graphmodel.progress import Progress, silent
from verbinder.graphmodel.types import SectorGroup
from verbinder.queries.analysis import remember_all, remembered
from verbinder.queries.network import build_network
from verbinder.queries.permissions import require
from verbinder.queries.profile import PROFILE_MEASURES, measures_of
from verbinder.queries.report import UnknownVerbandError

__all__ = [
    "COMPARE_COLUMNS",
    "RANKED",
    "compare_row",
    "compare_verbanden",
    "hypergeometric_z",
]

COMPARE_COLUMNS = (
    "verband",
    "naam",
    "provincie",
    "inwoners",
    *PROFILE_MEASURES,
    "se_regulier_verhouding",
    "tussen_groepen_verhouding",
    "se_regulier_z",
    "ei_z",
    "clustering_verwacht",
    "clustering_ratio",
    "actoren_per_10k",
    "relaties_per_10k",
    "betrokken_per_10k",
)
"""The columns of :func:`compare_verbanden` before the ranks, in order; their meaning is in the
measure catalogue."""

RANKED = (
    "dichtheid",
    "gemiddelde_graad",
    "dichtheid_se_regulier",
    "se_regulier_verhouding",
    "ei_index",
    "tussen_groepen_verhouding",
    "clustering_ratio",
    "betrokken_aandeel",
    "se_regulier_verbonden",
    "actoren_per_10k",
    "betrokken_per_10k",
)
"""Columns that get a rank column ``rang_<column>`` (1 = highest). Effect sizes, never the
z-scores: a z-score grows with the size of the network (see :mod:`queries.mixing`)."""


def hypergeometric_z(observed: int, draws: int, kind: float, population: float) -> float:
    """z of ``observed`` ties of a kind when ``draws`` ties fall at random on ``population``
    pairs of which ``kind`` are of that kind; NaN when the variance is 0.

    Four ties on ten pairs, five of the kind: E = 2, Var = 4 * 0.5 * 0.5 * 6 / 9 = 2 / 3.

    >>> round(hypergeometric_z(3, 4, 5, 10), 3)
    1.225
    """
    if population < 2 or draws == 0:
        return float("nan")
    share = kind / population
    expected = draws * share
    variance = draws * share * (1 - share) * (population - draws) / (population - 1)
    return (observed - expected) / math.sqrt(variance) if variance > 0 else float("nan")


def _adjusted(network, measures: dict, inhabitants: int | None) -> dict[str, float]:
    simple = network.simple
    n, m = simple.number_of_nodes(), simple.number_of_edges()
    sector = dict(simple.nodes(data="sector"))
    sizes = Counter(sector.values())
    se, reg = SectorGroup.SOCIALE_ECONOMIE.value, SectorGroup.REGULIERE_ECONOMIE.value
    cross = sum(1 for u, v in simple.edges() if {sector[u], sector[v]} == {se, reg})
    external = sum(1 for u, v in simple.edges() if sector[u] != sector[v])
    pairs = n * (n - 1) / 2
    internal_pairs = sum(s * (s - 1) / 2 for s in sizes.values())
    degrees = [d for _, d in simple.degree()]
    mean = sum(degrees) / n if n else 0.0
    mean_square = sum(d * d for d in degrees) / n if n else 0.0
    expected_clustering = (mean_square - mean) ** 2 / (n * mean**3) if mean else float("nan")
    per_10k = 10_000 / inhabitants if inhabitants else float("nan")
    engaged = measures["betrokken_aandeel"] * n
    groups = dict(simple.nodes(data="sector"))
    return {
        "se_regulier_verhouding": mixing_effect(
            simple, network.social_economy, network.regular_economy
        ).ratio,
        "tussen_groepen_verhouding": between_groups_effect(simple, groups).ratio,
        "se_regulier_z": hypergeometric_z(cross, m, sizes[se] * sizes[reg], pairs),
        "ei_z": hypergeometric_z(external, m, pairs - internal_pairs, pairs),
        "clustering_verwacht": expected_clustering,
        "clustering_ratio": measures["clustering"] / expected_clustering
        if expected_clustering
        else float("nan"),
        "actoren_per_10k": n * per_10k,
        "relaties_per_10k": m * per_10k,
        "betrokken_per_10k": engaged * per_10k,
    }


def compare_row(dataset: Dataset, verband_id: str, *, at: date | None = None) -> dict[str, object]:
    """The row of one verband in :func:`compare_verbanden` (without the ranks, which depend on
    the other verbanden), computed once per dataset object."""
    require(dataset, verband_id, detail=False)
    if verband_id not in dataset.verband_by_id:
        raise UnknownVerbandError(verband_id, sorted(dataset.verband_by_id))
    verband = dataset.verband_by_id[verband_id]
    return remembered(dataset, ("compare", verband_id, at), lambda: _row(dataset, verband, at))


def _row(dataset: Dataset, verband: Verband, at: date | None) -> dict[str, object]:
    network = build_network(dataset, verband.id, at=at)
    measures = measures_of(dataset, verband.id, at=at)
    return {
        "verband": verband.id,
        "naam": verband.name,
        "provincie": verband.province,
        "inwoners": verband.inhabitants,
        **measures,
        **_adjusted(network, measures, verband.inhabitants),
    }


def compare_verbanden(
    dataset: Dataset,
    *,
    at: date | None = None,
    progress: Progress = silent,
    workers: int | None = None,
) -> pd.DataFrame:
    """One row per verband of the dataset with raw and adjusted measures and their ranks.

    Columns (their Dutch meaning is in the measure catalogue, :mod:`queries.catalogue`):

    - ``verband``, ``naam``, ``provincie``, ``inwoners``: who and how large;
    - the whole-network measures of :func:`queries.profile.network_measures`: ``actoren``,
      ``relaties``, ``dichtheid``, ``gemiddelde_graad``, ``dichtheid_se``,
      ``dichtheid_regulier``, ``dichtheid_se_regulier``, ``ei_index``, ``ei_verwacht``,
      ``centralisatie``, ``componenten``, ``grootste_component_aandeel``, ``bruggen``,
      ``lokale_bruggen``, ``gemeenschappen``, ``modulariteit``, ``clustering``,
      ``betrokken_aandeel``, ``se_regulier_verbonden``, ``regisseur_se_regulier_aandeel``,
      ``regisseur_verloren_aandeel``, ``regisseur_enige_brug``;
    - adjusted for size and mix: ``se_regulier_verhouding``, ``tussen_groepen_verhouding``
      (effect sizes, ranked), ``se_regulier_z``, ``ei_z`` (significance, not ranked),
      ``clustering_verwacht``, ``clustering_ratio``;
    - per 10,000 inhabitants: ``actoren_per_10k``, ``relaties_per_10k``, ``betrokken_per_10k``;
    - ``rang_<column>`` for every column in :data:`RANKED` (1 = highest, ties share the best
      rank).

    ``attrs["synthetic"]`` tells whether the dataset is synthetic, ``attrs["perioden"]`` the
    policy cycles of its verbanden (``[2020, 2025]``; usually one). The verbanden are
    analysed over ``workers`` processes (default: the CPU cores, for a large dataset; see
    :func:`queries.analysis.remember_all`).
    """
    require(dataset, detail=False)
    tasks = [
        (
            ("compare", verband.id, at),
            lambda verband=verband: _row(dataset, verband, at),
            len(dataset.members_of(verband.id)),
        )
        for verband in dataset.verbanden
    ]
    remember_all(dataset, tasks, step="Verbanden vergelijken", progress=progress, workers=workers)
    rows = [compare_row(dataset, verband.id, at=at) for verband in dataset.verbanden]
    frame = pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))
    for column in RANKED:
        frame[f"rang_{column}"] = frame[column].rank(ascending=False, method="min")
    frame.attrs["synthetic"] = dataset.synthetic
    frame.attrs["perioden"] = [list(period) for period in dataset.periods]
    return frame
