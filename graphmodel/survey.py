"""The regie survey: a regisseur's own view of their verband (annex 2 of the 2018 evaluation).

The questions follow the instrument of IDEA Consult (2019), Evaluatie van de regierol sociale
economie, bijlage 2: the engagement of ten partner types on the four-level scale, the relation
with the local governments (four statements, each for none / a small part / a large part / all
of them), the time split over the regisseur's roles, the scope of the work and how widely a
policy vision is shared. One answer per verband; it holds no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from verbinder.graphmodel.types import ActorType, Engagement

__all__ = [
    "PARTNERS",
    "PARTNER_TYPES",
    "RELATIONS",
    "ROLES",
    "SCOPES",
    "SHARES",
    "SHARE_WORDS",
    "VISIONS",
    "SurveyAnswer",
    "roles_problem",
]

PARTNERS: dict[str, str] = {
    "stad_gemeenten": "Stad / Gemeenten",
    "ocmw": "OCMW('s)",
    "reguliere_bedrijven": "Bedrijven uit de reguliere economie",
    "lde": "Initiatieven Lokale Diensteneconomie (LDE)",
    "beschutte_werkplaatsen": "Beschutte werkplaatsen",
    "sociale_werkplaatsen": "Sociale werkplaatsen",
    "sociale_partners": "Sociale partners (werkgevers- en werknemersorganisaties)",
    "provincie": "Provinciebestuur",
    "vvsg": "VVSG",
    "vlaamse_overheid": "Vlaamse overheid",
}
"""The partner types of the question "In welke mate zijn volgende partners geëngageerd ...?"."""

PARTNER_TYPES: dict[str, tuple[ActorType, ...]] = {
    "stad_gemeenten": (ActorType.GEMEENTE,),
    "ocmw": (ActorType.OCMW,),
    "reguliere_bedrijven": (ActorType.WERKGEVER,),
    "lde": (ActorType.LDE,),
    # Since 2019 sheltered and social workshops are both maatwerkbedrijven.
    "beschutte_werkplaatsen": (ActorType.MAATWERKBEDRIJF,),
    "sociale_werkplaatsen": (ActorType.MAATWERKBEDRIJF,),
    "sociale_partners": (ActorType.WERKGEVERSORGANISATIE, ActorType.VAKBOND),
    "provincie": (ActorType.PROVINCIE,),
    "vvsg": (ActorType.VVSG,),
    "vlaamse_overheid": (ActorType.VLAAMSE_OVERHEID,),
}
"""Which actor types of the network each survey partner stands for."""

RELATIONS: dict[str, str] = {
    "constructief": "De verhoudingen zijn constructief met ...",
    "ondersteund": "Ik word actief ondersteund door ...",
    "administratief": "Er is regelmatig contact op niveau van de administratie met ...",
    "politiek": "Er is regelmatig contact op niveau van de politiek met ...",
}
"""Statements about the local governments of the verband."""

SHARES: tuple[str, ...] = (
    "geen enkele van de lokale besturen",
    "een klein deel van de lokale besturen",
    "een groot deel van de lokale besturen",
    "alle lokale besturen",
)
"""Answers to each statement of :data:`RELATIONS`, as 0-3."""

SHARE_WORDS: tuple[str, ...] = ("geen", "klein deel", "groot deel", "alle")
"""The short form of :data:`SHARES` used in the form and in tables."""

ROLES: dict[str, str] = {
    "coproducent": "(Co)producent: zelf sociale economie-initiatieven inrichten",
    "coordinator": "Coördinator: analyse, visievorming, afstemming tussen initiatieven, opvolging",
    "facilitator": "Facilitator: partners bijeen brengen, uitwisselen van praktijken en ervaringen",
    "promotor": "Promotor: communicatie en sensibilisering",
    "andere": "Andere",
}
"""Roles of the regisseur; the answer is the percentage of time per role (together 100)."""

SCOPES: dict[str, str] = {
    "verplicht": "We focussen op de verplichte acties (netwerking, ontwikkeling, MVO)",
    "meer_se": "Veel meer acties dan verplicht, met de focus op sociale economie",
    "werkgelegenheid": "Ook andere werkgelegenheidsmaatregelen (wijk-werken, TWE, ...)",
    "flankerend": "Ook flankerend beleid (kinderopvang, mobiliteit, ...)",
}
"""How wide the work is ("Hoe uitgebreid is uw werking?")."""

VISIONS: dict[str, str] = {
    "geen": "Er is geen gedragen beleidsvisie",
    "beperkt": "Gedragen door een beperkt deel van de betrokken lokale besturen",
    "grootste_deel": "Gedragen door het grootste deel van de betrokken lokale besturen",
    "alle": "Gedragen door alle betrokken lokale besturen",
}
"""Is there a shared policy vision on social economy? ('geen' is our addition: the instrument
lists only the three degrees)."""


ROLE_TOLERANCE = 0.5
"""How far from 100 the time over the roles may add up (rounding)."""


def roles_problem(roles: dict[str, float]) -> str | None:
    """What is wrong with a time split over the roles (Dutch), or None when it adds up to 100.

    >>> roles_problem({"coordinator": 60.0, "facilitator": 50.0})
    'de tijd over de rollen telt op tot 110%, niet tot 100%'
    """
    total = sum(roles.values())
    if abs(total - 100) > ROLE_TOLERANCE:
        return f"de tijd over de rollen telt op tot {total:g}%, niet tot 100%"
    return None


@dataclass(frozen=True)
class SurveyAnswer:
    """One verband's answers.

    ``engagement`` maps every key of :data:`PARTNERS` to a level; ``relations`` every key of
    :data:`RELATIONS` to 0-3 (an index of :data:`SHARES`); ``roles`` every key of
    :data:`ROLES` to a percentage (together 100); ``scope`` and ``vision`` are keys of
    :data:`SCOPES` and :data:`VISIONS`.
    """

    verband_id: str
    answered: date
    engagement: dict[str, Engagement] = field(hash=False)
    relations: dict[str, int] = field(hash=False)
    roles: dict[str, float] = field(hash=False)
    scope: str
    vision: str

    @property
    def id(self) -> str:
        """One answer per verband: the verband is its id."""
        return self.verband_id
