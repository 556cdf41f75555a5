"""How engaged each partner type was in the verbanden, from the 2018 survey of 28 regisseurs.

Source: IDEA Consult (2019), Evaluatie van de regierol sociale economie, section 2.2 and
figure 5 ("In welke mate zijn volgende partners geëngageerd ..."), summarised in BRIEF
section 2. The report gives some shares in its text; figure 5 itself is a chart without numbers,
so the other shares below are our reading of the text and are marked as such.

Each distribution is the share of verbanden in which that partner type plays no, a passive, an
active or a very active role (geen, passief, actief, zeer actief). The synthetic demo is
calibrated on it, and the gaps of a dataset with too few verbanden to compare among themselves
are compared with it.
"""

from __future__ import annotations

from verbinder.graphmodel.types import ActorType, Engagement

__all__ = ["SURVEY_2018", "VERBAND_ROLE_SHARES", "active_share"]

SURVEY_2018 = (
    "bevraging van 28 regisseurs in 2018 (IDEA Consult 2019, Evaluatie van de regierol sociale "
    "economie, 2.2); deels onze lezing van de tekst"
)
"""The reference, as a Dutch phrase to name it where it is used."""

_SOCIAL_PARTNERS = (0.48, 0.40, 0.12, 0.0)

VERBAND_ROLE_SHARES: dict[ActorType, tuple[float, float, float, float]] = {
    # Text: "De steden of gemeenten zijn in 43% van de samenwerkingsverbanden zelf een
    # voortrekker"; otherwise active. 7% passive is our reading ("wisselende betrokkenheid").
    ActorType.GEMEENTE: (0.0, 0.07, 0.50, 0.43),
    # Text: OCMW's, LDE and SE organisations "nemen een actieve rol op"; split is our reading.
    ActorType.OCMW: (0.0, 0.15, 0.60, 0.25),
    ActorType.LDE: (0.0, 0.15, 0.60, 0.25),
    ActorType.MAATWERKBEDRIJF: (0.05, 0.25, 0.50, 0.20),
    ActorType.ARBEIDSZORG: (0.10, 0.40, 0.40, 0.10),
    # Text: "De reguliere economie nam tot nu toe zelden een actieve rol op."
    ActorType.WERKGEVER: (0.30, 0.55, 0.15, 0.0),
    # Text: social partners "in bijna de helft ... geen rol", "in nog eens 40% ... passieve rol",
    # "slechts in uitzonderlijke gevallen ... actieve partner".
    ActorType.WERKGEVERSORGANISATIE: _SOCIAL_PARTNERS,
    ActorType.VAKBOND: _SOCIAL_PARTNERS,
    # Text: "40% van de regisseurs beschouwen de provincie ook effectief als een actieve partner."
    ActorType.PROVINCIE: (0.10, 0.50, 0.40, 0.0),
    # Text: VVSG "door bijna alle regisseurs als een op zijn minst ondersteunende actor
    # beschouwd, in de meeste gevallen zelfs als een actieve partner".
    ActorType.VVSG: (0.04, 0.36, 0.60, 0.0),
    # Text: higher governments "eerder een ondersteunende tot zelfs ontbrekende rol".
    ActorType.VLAAMSE_OVERHEID: (0.10, 0.70, 0.20, 0.0),
    # BRIEF: VDAB "often named, felt distant"; our reading.
    ActorType.VDAB: (0.10, 0.45, 0.40, 0.05),
    # Flanking policy (childcare, schools, welfare): named as barriers, rarely partners; ours.
    ActorType.KINDEROPVANG: (0.40, 0.40, 0.20, 0.0),
    ActorType.ONDERWIJS: (0.40, 0.40, 0.20, 0.0),
    ActorType.WELZIJN: (0.30, 0.40, 0.30, 0.0),
}


def active_share(actor_type: ActorType) -> float:
    """The share of verbanden where this type was active or very active in 2018."""
    shares = VERBAND_ROLE_SHARES[actor_type]
    return shares[Engagement.ACTIEF] + shares[Engagement.ZEER_ACTIEF]
