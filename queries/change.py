"""What changed between two datasets, or between two dates of one dataset: ties, measures and
the municipalities of the verbanden."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from verbinder.graphmodel.model import Dataset, Tie, Verband
from verbinder.graphmodel.municipalities import parts_on
from verbinder.queries.network import build_network
from verbinder.queries.permissions import require
from verbinder.queries.profile import PROFILE_MEASURES, network_measures

__all__ = ["NetworkChange", "composition_changes", "network_change"]


@dataclass(frozen=True)
class NetworkChange:
    """New and lost ties (DataFrames with ``bron``, ``doel``, ``soort``) and the measures
    before and after (DataFrame indexed by measure, columns ``voor``, ``na``, ``verschil``)."""

    new_ties: pd.DataFrame
    lost_ties: pd.DataFrame
    measures: pd.DataFrame


def _key(tie: Tie) -> tuple[str, str, str]:
    if tie.directed or tie.source <= tie.target:
        return tie.source, tie.target, tie.kind.value
    return tie.target, tie.source, tie.kind.value


def _ties(dataset: Dataset, members: set[str], at: date | None) -> dict[tuple, Tie]:
    return {
        _key(t): t
        for t in dataset.ties
        if t.source in members and t.target in members and (at is None or t.valid_at(at))
    }


def _frame(keys: list[tuple], names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [(s, names.get(s, s), t, names.get(t, t), k) for s, t, k in sorted(keys)],
        columns=["bron", "bron_naam", "doel", "doel_naam", "soort"],
    )


def network_change(
    before: Dataset,
    after: Dataset,
    verband_id: str,
    *,
    before_at: date | None = None,
    after_at: date | None = None,
) -> NetworkChange:
    """Compare one verband in two datasets, or in one dataset at two dates.

    A tie is the same in both when it joins the same two actors (by id) with the same kind; an
    undirected tie is the same whichever end is named first. Measures are those of
    :data:`queries.profile.PROFILE_MEASURES`.

    Examples
    --------
    Same dataset, two dates: ``network_change(ds, ds, "gent", before_at=date(2016, 1, 1),
    after_at=date(2019, 1, 1))``.
    """
    require(before, verband_id, detail=True)
    require(after, verband_id, detail=True)
    networks = (
        build_network(before, verband_id, at=before_at),
        build_network(after, verband_id, at=after_at),
    )
    ties_before = _ties(before, set(networks[0].graph), before_at)
    ties_after = _ties(after, set(networks[1].graph), after_at)
    names = {
        **dict(networks[0].graph.nodes(data="name")),
        **dict(networks[1].graph.nodes(data="name")),
    }
    measures = pd.DataFrame(
        {
            "voor": pd.Series(network_measures(networks[0])),
            "na": pd.Series(network_measures(networks[1])),
        }
    ).reindex(list(PROFILE_MEASURES))
    measures["verschil"] = measures["na"] - measures["voor"]
    measures.index.name = "maat"
    return NetworkChange(
        new_ties=_frame([k for k in ties_after if k not in ties_before], names),
        lost_ties=_frame([k for k in ties_before if k not in ties_after], names),
        measures=measures,
    )


def _covered(verband: Verband) -> frozenset[str]:
    """The municipalities a verband covered, as they were before the 2019 mergers, read as of
    the start of its policy cycle (today when that is unknown)."""
    day = date(verband.period_start, 1, 1) if verband.period_start else date.today()
    return frozenset().union(*(parts_on(name, day) for name in verband.municipalities))


def composition_changes(before: Dataset, after: Dataset) -> pd.DataFrame:
    """Per verband of either dataset: which municipalities joined or left between the two.

    Municipalities are compared as they were before the mergers of 2019 and 2025
    (:func:`graphmodel.municipalities.parts_on`): "Zomergem" in 2017-2019 and "Lievegem" in
    2020-2025 are not the same (Lievegem also holds Lovendegem and Waarschoot), "Nazareth" and
    "De Pinte" in 2020-2025 are "Nazareth-De Pinte" in 2026. Columns ``verband``, ``naam``,
    ``samenstelling`` (ongewijzigd, gewijzigd, nieuw verband, niet meer),
    ``gemeenten_erbij`` and ``gemeenten_weg`` (names joined by ", "), sorted by verband.
    """
    old, new = before.verband_by_id, after.verband_by_id
    rows = []
    for verband_id in sorted(set(old) | set(new)):
        first = _covered(old[verband_id]) if verband_id in old else frozenset()
        second = _covered(new[verband_id]) if verband_id in new else frozenset()
        presence = (verband_id in old, verband_id in new)
        status = {(False, True): "nieuw verband", (True, False): "niet meer"}.get(presence) or (
            "gewijzigd" if first != second else "ongewijzigd"
        )
        name = (new.get(verband_id) or old[verband_id]).name
        joined, left = ", ".join(sorted(second - first)), ", ".join(sorted(first - second))
        rows.append((verband_id, name, status, joined, left))
    columns = ["verband", "naam", "samenstelling", "gemeenten_erbij", "gemeenten_weg"]
    return pd.DataFrame(rows, columns=columns)
