"""Other gaps in a verband: municipalities without ties to their SE actors, partner types that
stay away compared with the rest of Flanders, SE actors without any regular employer."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from graphmodel.model import Dataset
from graphmodel.types import ActorType, Engagement, SectorGroup
from queries.permissions import require
from queries.report import UnknownVerbandError

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


def verband_gaps(dataset: Dataset, verband_id: str) -> VerbandGaps:
    """The gaps of one verband.

    - ``municipalities``: per municipality actor, the SE actors located on its territory and
      how many of them it has a tie with (``ontbreekt`` when there are some and none is tied);
    - ``partners``: per partner group of the 2018 survey, its role here (the highest engagement
      of its members, ``afwezig`` when there are none) and the share of the dataset's verbanden
      where that group is actief or zeer actief, with a sentence where it stays away here;
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
    rows = []
    for town in (a for a in members if a.type is ActorType.GEMEENTE):
        place = (town.municipality or "").lower()
        local = [s for s in social if place and (s.municipality or "").lower() == place]
        tied = [s for s in local if s.id in neighbours[town.id]]
        rows.append(
            {
                "gemeente": town.name,
                "se_actoren_op_grondgebied": len(local),
                "verbonden": len(tied),
                "ontbreekt": bool(local) and not tied,
            }
        )
    municipalities = pd.DataFrame(
        rows, columns=["gemeente", "se_actoren_op_grondgebied", "verbonden", "ontbreekt"]
    )

    roles = _roles(dataset)
    partner_rows = []
    for group in PARTNER_GROUPS:
        here = roles[verband_id][group]
        elsewhere = [r[group] for r in roles.values()]
        share = sum(1 for r in elsewhere if r is not None and r >= Engagement.ACTIEF) / len(
            elsewhere
        )
        label = "afwezig" if here is None else here.label
        note = ""
        if (here is None or here <= Engagement.PASSIEF) and share > 0:
            state = {None: "afwezig", Engagement.GEEN: "zonder rol", Engagement.PASSIEF: "passief"}[
                here
            ]
            percent = f"{share:.0%}".replace("%", " %")
            note = f"{group}: {state} hier, actief in {percent} van de verbanden"
        partner_rows.append(
            {
                "partnergroep": group,
                "rol_hier": label,
                "aandeel_verbanden_actief": share,
                "opmerking": note,
            }
        )
    partners = pd.DataFrame(partner_rows)

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
    return VerbandGaps(municipalities, partners, se_without)
