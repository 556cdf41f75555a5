"""A synthetic round of the network survey for the demo (issue #18).

In the three verbanden with the most partners, each partner answers with probability
:data:`RESPONSE`, like the response of a well-run roster survey. A respondent names a tie the
demo network holds with probability :data:`RECALL` (so some ties are reported by one side
only) and, rarely, a relation the network does not hold. Trust and value are drawn around 3
and 2.7 on the 1-4 scale; now and then a social-economy organisation wishes to work with a
regular employer it has no tie with, or the other way round. Synthetic, like the rest of the
demo.
"""

from __future__ import annotations

import random
from datetime import date

from verbinder.graphmodel.model import Actor, Dataset, Tie
from verbinder.graphmodel.reconcile import reconcile, survey_ties
from verbinder.graphmodel.roster import (
    FREQUENCIES,
    SCALE,
    TRUST_ITEMS,
    VALUE_ITEMS,
    RosterResponse,
    Stated,
    survey_partners,
)
from verbinder.graphmodel.types import ActorType, SectorGroup

__all__ = ["RECEIVED", "demo_roster_round"]

RECEIVED = date(2026, 10, 15)
"""The day the demo's forms were read."""
VERBANDEN = 3
RESPONSE = 0.75
RECALL = 0.8
PHANTOM = 0.02
WISH = 0.05
_REASONS = (
    "samen een opdracht met sociale clausule uitwerken",
    "doorstroom van onze werknemers naar een job bij hen",
    "onderaanneming voor groenonderhoud of logistiek",
)


def _scores(rng: random.Random, centre: float, items: int) -> tuple[int, ...]:
    return tuple(min(SCALE[1], max(SCALE[0], round(rng.gauss(centre, 0.7)))) for _ in range(items))


def _bridges(one: Actor, other: Actor) -> bool:
    groups = {one.sector_group, other.sector_group}
    regular = ActorType.WERKGEVER in (one.type, other.type)
    return SectorGroup.SOCIALE_ECONOMIE in groups and regular


def _response(
    rng: random.Random, verband: str, respondent: Actor, others: list[Actor], tied: set
) -> RosterResponse:
    stated = []
    for other in others:
        pair = frozenset((respondent.id, other.id))
        if (rng.random() < RECALL) if pair in tied else (rng.random() < PHANTOM):
            stated.append(
                Stated(
                    other.id,
                    True,
                    (rng.choice(("overleg", "samenwerking")),),
                    rng.choice(FREQUENCIES),
                    _scores(rng, 3.0, len(TRUST_ITEMS)),
                    _scores(rng, 2.7, len(VALUE_ITEMS)),
                )
            )
        elif pair not in tied and _bridges(respondent, other) and rng.random() < WISH:
            stated.append(Stated(other.id, wished=True, reason=rng.choice(_REASONS)))
    roster = tuple(a.id for a in others)
    return RosterResponse(verband, respondent.id, RECEIVED, roster, tuple(stated))


def demo_roster_round(
    dataset: Dataset, seed: int
) -> tuple[tuple[RosterResponse, ...], tuple[Tie, ...]]:
    """The responses of a synthetic round and the ties they give (default rule)."""
    counts = {v: len(survey_partners(dataset, v)) for v in sorted(dataset.verband_by_id)}
    chosen = sorted(counts, key=lambda v: (-counts[v], v))[:VERBANDEN]
    responses: list[RosterResponse] = []
    ties: list[Tie] = []
    for verband in sorted(chosen):
        rng = random.Random(f"{seed}-netwerkbevraging-{verband}")
        partners = survey_partners(dataset, verband)
        tied = {frozenset((t.source, t.target)) for t in dataset.ties_by_verband.get(verband, ())}
        answered = [
            _response(rng, verband, a, [o for o in partners if o.id != a.id], tied)
            for a in partners
            if rng.random() < RESPONSE
        ]
        responses += answered
        ties += survey_ties(verband, reconcile(answered), synthetic=True)
    return tuple(responses), tuple(ties)
