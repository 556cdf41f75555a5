"""Other gaps in a verband: municipalities without ties to their SE actors, partner types that
stay away compared with the rest of Flanders, SE actors without any regular employer."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from verbinder.graphmodel.formatting import count, percent
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.survey_2018 import SURVEY_2018, active_share
from verbinder.graphmodel.types import ActorType, Engagement, SectorGroup
from verbinder.queries.permissions import require
from verbinder.queries.report import UnknownVerbandError

__all__ = ["PARTNER_GROUPS", "VerbandGaps", "verband_gaps"]

PARTNER_GROUPS = {
    "gemeenten": (ActorType.GEMEENTE,),
    "OCMW's": (ActorType.OCMW,),
    "reguliere werkgevers": (ActorType.WERKGEVER,),
    "LDE": (ActorType.LDE,),
    "maatwerkbedrijven": (ActorType.MAATWERKBEDRIJF,),
    "sociale partners": (ActorType.WERKGEVERSORGANISATIE, ActorType.VAKBOND),
    "provincie": (ActorType.PROVINCIE,),
    "VVSG": (ActorType.VVSG,),
    "Vlaamse overheid": (ActorType.VLAAMSE_OVERHEID,),
    "VDAB": (ActorType.VDAB,),
}
"""Partner groups as the 2018 survey asked about them (annex 2 of the evaluation)."""


@dataclass(frozen=True)
class VerbandGaps:
    """Three tables: ``municipalities``, ``partners`` and ``se_without_employer``."""

    municipalities: pd.DataFrame
    partners: pd.DataFrame
    se_without_employer: pd.DataFrame


def _roles(dataset: Dataset) -> dict[str, dict[str, Engagement | None]]:
    """Per verband and partner group: the highest engagement among its members (None: absent)."""
    roles: dict[str, dict[str, Engagement | None]] = {}
    for verband in dataset.verbanden:
        members = dataset.members_of(verband.id)
        roles[verband.id] = {}
        for group, types in PARTNER_GROUPS.items():
            levels = [a.engagement_in(verband.id) for a in members if a.type in types]
            roles[verband.id][group] = max(levels) if levels else None
    return roles


MIN_OTHER_VERBANDEN = 5
"""With fewer other verbanden in the dataset, partner groups are compared with the 2018 survey."""
MUNICIPALITY_COLUMNS = [
    "gemeente",
    "se_actoren_op_grondgebied",
    "verbonden",
    "zonder_relatie",
    "ontbreekt",
]


def verband_gaps(dataset: Dataset, verband_id: str) -> VerbandGaps:
    """The gaps of one verband.

    - ``municipalities``: per municipality of the verband, the SE actors located on its
      territory, how many of them the municipality has a tie with, the names of the others
      (``ontbreekt`` when there is at least one); a municipality of the verband with SE actors
      but without a gemeente actor in the dataset is listed too;
    - ``partners``: per partner group of the 2018 survey, its role here (the highest engagement
      of its members, ``afwezig`` when there are none) and the share of the other verbanden
      where that group is actief or zeer actief, with a sentence where it stays away here; with
      fewer than :data:`MIN_OTHER_VERBANDEN` other verbanden in the dataset, the share is the
      2018 survey's (:mod:`graphmodel.survey_2018`), and column ``vergeleken_met`` says so;
    - ``se_without_employer``: SE actors of the verband without any tie to a regular employer.
    """
    require(dataset, verband_id, detail=True)
    if verband_id not in dataset.verband_by_id:
        raise UnknownVerbandError(verband_id, sorted(dataset.verband_by_id))
    members = dataset.members_of(verband_id)
    by_id = {a.id: a for a in members}
    neighbours: dict[str, set[str]] = {a.id: set() for a in members}
    for tie in dataset.ties:
        if tie.source in by_id and tie.target in by_id:
            neighbours[tie.source].add(tie.target)
            neighbours[tie.target].add(tie.source)
    social = [a for a in members if a.type.is_social_economy]
    regular = SectorGroup.REGULIERE_ECONOMIE
    lonely = [
        s for s in social if not any(by_id[n].sector_group is regular for n in neighbours[s.id])
    ]
    se_without = pd.DataFrame(
        [
            {"actor": s.id, "naam": s.name, "type": s.type.value, "gemeente": s.municipality}
            for s in lonely
        ],
        columns=["actor", "naam", "type", "gemeente"],
    )
    return VerbandGaps(
        _municipalities(dataset.verband_by_id[verband_id], members, social, neighbours),
        _partners(dataset, verband_id),
        se_without,
    )


def _municipalities(verband, members, social, neighbours) -> pd.DataFrame:
    towns = [a for a in members if a.type is ActorType.GEMEENTE]
    rows = []

    def row(name: str, local: list, tied: list) -> dict:
        untied = [s.name for s in local if s not in tied]
        return {
            "gemeente": name,
            "se_actoren_op_grondgebied": len(local),
            "verbonden": len(tied),
            "zonder_relatie": ", ".join(untied),
            "ontbreekt": bool(untied),
        }

    def located(place: str) -> list:
        return [s for s in social if place and (s.municipality or "").lower() == place]

    for town in towns:
        local = located((town.municipality or "").lower())
        rows.append(row(town.name, local, [s for s in local if s.id in neighbours[town.id]]))
    represented = {(t.municipality or "").lower() for t in towns}
    for place in verband.municipalities:
        local = located(place.lower())
        if local and place.lower() not in represented:
            rows.append(row(f"{place} (geen gemeente in de dataset)", local, []))
    return pd.DataFrame(rows, columns=MUNICIPALITY_COLUMNS)


def _partners(dataset: Dataset, verband_id: str) -> pd.DataFrame:
    roles = _roles(dataset)
    others = [r for v, r in roles.items() if v != verband_id and dataset.members_of(v)]
    use_survey = len(others) < MIN_OTHER_VERBANDEN
    reference = SURVEY_2018 if use_survey else f"de {count(len(others))} andere verbanden"
    rows = []
    for group, types in PARTNER_GROUPS.items():
        here = roles[verband_id][group]
        if use_survey:
            share = max(active_share(t) for t in types)
        else:
            share = sum(1 for r in others if (r[group] or 0) >= Engagement.ACTIEF) / len(others)
        note = ""
        if (here is None or here <= Engagement.PASSIEF) and share > 0:
            state = {None: "afwezig", Engagement.GEEN: "zonder rol", Engagement.PASSIEF: "passief"}
            where = "van de andere verbanden"
            if use_survey:
                where = "van de verbanden volgens de bevraging van 2018"
            note = f"{group}: {state[here]} hier, actief in {percent(share, 0)} {where}"
        rows.append(
            {
                "partnergroep": group,
                "rol_hier": "afwezig" if here is None else here.label,
                "aandeel_verbanden_actief": share,
                "vergeleken_met": reference,
                "opmerking": note,
            }
        )
    return pd.DataFrame(rows)
