"""The verband report: who is in one verband, how engaged, which ties, and its reference facts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from verbinder.graphmodel.model import Dataset, Verband
from verbinder.graphmodel.types import ActorType, Engagement, TieKind
from verbinder.queries.permissions import require

__all__ = ["UnknownVerbandError", "VerbandReport", "verband_report"]


class UnknownVerbandError(KeyError):
    """The dataset has no verband with that id; ``known`` lists the ids it has."""

    def __init__(self, verband_id: str, known: list[str]) -> None:
        super().__init__(verband_id)
        self.verband_id = verband_id
        self.known = known

    def __str__(self) -> str:
        return f"'{self.verband_id}' is geen verband in deze dataset; kies uit: " + ", ".join(
            self.known
        )


@dataclass(frozen=True)
class VerbandReport:
    """The report of one verband.

    Attributes
    ----------
    verband : Verband
        The verband's facts as held in the dataset (inhabitants, subsidy, municipalities,
        legal form, province, period, source).
    dataset, synthetic :
        Name of the dataset and whether it is synthetic (to be shown with every output).
    actors_by_type : DataFrame
        Columns ``type``, ``sectorgroep``, ``aantal``: members per actor type.
    engagement_by_type : DataFrame
        Index actor type, columns ``geen``, ``passief``, ``actief``, ``zeer actief``: members
        per engagement level in this verband.
    ties_by_kind : DataFrame
        Columns ``soort``, ``gericht``, ``aantal``: ties whose two ends are both members.
    """

    verband: Verband
    dataset: str
    synthetic: bool
    actors_by_type: pd.DataFrame
    engagement_by_type: pd.DataFrame
    ties_by_kind: pd.DataFrame

    @property
    def n_actors(self) -> int:
        """Members of the verband."""
        return int(self.actors_by_type["aantal"].sum())

    @property
    def n_ties(self) -> int:
        """Ties inside the verband."""
        return int(self.ties_by_kind["aantal"].sum())


def verband_report(dataset: Dataset, verband_id: str) -> VerbandReport:
    """Counts of actors by type, engagement by type and ties by kind for one verband.

    An actor counts in the verband when it has a membership there; a tie counts when both
    its ends do. Types and kinds with no members or ties are left out of the tables.

    Raises
    ------
    UnknownVerbandError
        When the dataset holds no verband ``verband_id``.
    """
    require(dataset, verband_id, detail=False)
    verband = dataset.verband_by_id.get(verband_id)
    if verband is None:
        raise UnknownVerbandError(verband_id, sorted(dataset.verband_by_id))
    members = dataset.members_of(verband_id)
    member_ids = {a.id for a in members}
    type_order = {t: i for i, t in enumerate(ActorType)}
    counts: dict[ActorType, list[int]] = {}
    for actor in members:
        row = counts.setdefault(actor.type, [0, 0, 0, 0])
        row[actor.engagement_in(verband_id)] += 1
    types = sorted(counts, key=type_order.__getitem__)
    levels = [e.label for e in Engagement]
    engagement = pd.DataFrame(
        [counts[t] for t in types], index=[t.value for t in types], columns=levels
    )
    engagement.index.name = "type"
    by_type = pd.DataFrame(
        {
            "type": [t.value for t in types],
            "sectorgroep": [t.sector_group.label for t in types],
            "aantal": [sum(counts[t]) for t in types],
        }
    )
    kinds: dict[TieKind, int] = {}
    for tie in dataset.ties:
        if tie.source in member_ids and tie.target in member_ids:
            kinds[tie.kind] = kinds.get(tie.kind, 0) + 1
    kind_order = sorted(kinds, key=list(TieKind).index)
    ties = pd.DataFrame(
        {
            "soort": [k.value for k in kind_order],
            "gericht": ["ja" if k.directed else "nee" for k in kind_order],
            "aantal": [kinds[k] for k in kind_order],
        }
    )
    return VerbandReport(verband, dataset.name, dataset.synthetic, by_type, engagement, ties)
