"""One organisation at a glance, for the panel beside the network: who it is, where it takes
part and how, whom it is tied to within the verband."""

from __future__ import annotations

from dataclasses import dataclass

from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.types import TieKind
from verbinder.queries.permissions import require

__all__ = ["ActorCard", "actor_card"]


@dataclass(frozen=True)
class ActorCard:
    """What the panel shows; every text in Dutch, ready to read."""

    name: str
    type: str
    municipality: str
    engagement: tuple[tuple[str, str], ...]
    """(verband name, engagement) for every verband of the actor the user may see."""
    partners: tuple[tuple[str, str], ...]
    """(partner name, kinds of tie) within this verband, by name."""


def actor_card(dataset: Dataset, verband_id: str, actor_id: str) -> ActorCard:
    """The card of ``actor_id`` as seen from ``verband_id``.

    Raises
    ------
    KeyError
        When the actor is not a member of the verband.
    """
    require(dataset, verband_id, detail=True)
    members = {a.id: a for a in dataset.members_of(verband_id)}
    actor = members[actor_id]
    kinds: dict[str, set[str]] = {}
    for tie in dataset.ties:
        ends = {tie.source, tie.target}
        if actor_id in ends and ends <= members.keys() and len(ends) == 2:
            other = (ends - {actor_id}).pop()
            kinds.setdefault(other, set()).add(TieKind(tie.kind).label)
    engagement = tuple(
        (dataset.verband_by_id[m.verband_id].name, m.engagement.label)
        for m in actor.memberships
        if m.verband_id in dataset.verband_by_id
    )
    partners = tuple(sorted((members[o].name, ", ".join(sorted(k))) for o, k in kinds.items()))
    return ActorCard(
        actor.name, actor.type.label, actor.municipality or "onbekend", engagement, partners
    )
