"""The typed stakeholder model: actors, ties, verbanden, events and the dataset that holds them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from verbinder.graphmodel.types import ActorType, Engagement, Provenance, SectorGroup, TieKind

if TYPE_CHECKING:
    from verbinder.graphmodel.access import Principal
    from verbinder.graphmodel.survey import SurveyAnswer

__all__ = [
    "NACE_2025_TAG",
    "UNIT_TAG",
    "Actor",
    "Dataset",
    "Event",
    "Membership",
    "Merge",
    "Participation",
    "SourceFile",
    "Tie",
    "Verband",
]


UNIT_TAG = "vestiging:"
"""Tag prefix of an actor that is one establishment unit of its enterprise (KBO number)."""

NACE_2025_TAG = "nace2025:"
"""Tag prefix of a NACE-BEL 2025 code kept from the KBO (the model's NACE codes are 2008)."""


@dataclass(frozen=True)
class Membership:
    """An actor's membership of one verband with its engagement there.

    ``political`` and ``administrative`` are optional and meant for municipalities, whose
    political (college) and administrative (ambtelijk) engagement often differ.
    """

    verband_id: str
    engagement: Engagement
    political: Engagement | None = None
    administrative: Engagement | None = None


@dataclass(frozen=True)
class Actor:
    """An organisation in the network (never a person).

    ``contact_name`` and ``contact_email`` are the only personal data the model holds; they are
    optional and left out of exports unless asked for. ``lat`` and ``lon`` (WGS84 degrees)
    are the optional location of the organisation.
    """

    id: str
    name: str
    type: ActorType
    municipality: str | None = None
    nace: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    kbo: str | None = None
    fte: float | None = None
    target_group_workers: int | None = None
    memberships: tuple[Membership, ...] = ()
    tags: tuple[str, ...] = ()
    contact_name: str | None = None
    contact_email: str | None = None
    note: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def sector_group(self) -> SectorGroup:
        """Sector group derived from the actor type."""
        return self.type.sector_group

    @property
    def establishment_unit(self) -> str | None:
        """The KBO establishment unit (``2.xxx.xxx.xxx``) this actor stands for, from its tag
        :data:`UNIT_TAG` ``+ number``; None for an organisation as a whole."""
        return next((t.removeprefix(UNIT_TAG) for t in self.tags if t.startswith(UNIT_TAG)), None)

    @property
    def verbanden(self) -> tuple[str, ...]:
        """Ids of the verbanden this actor is a member of, in the order given."""
        return tuple(m.verband_id for m in self.memberships)

    def engagement_in(self, verband_id: str) -> Engagement | None:
        """Engagement in one verband, or None when the actor is not a member there."""
        for membership in self.memberships:
            if membership.verband_id == verband_id:
                return membership.engagement
        return None


@dataclass(frozen=True)
class Tie:
    """A tie between two organisations; directed or not according to its kind."""

    id: str
    source: str
    target: str
    kind: TieKind
    weight: float = 1.0
    valid_from: date | None = None
    valid_to: date | None = None
    provenance: Provenance = Provenance.MANUEEL
    note: str | None = None

    @property
    def directed(self) -> bool:
        """Whether this tie has a direction (follows from its kind)."""
        return self.kind.directed

    def valid_at(self, day: date) -> bool:
        """True when the tie exists on ``day`` (bounds inclusive, open when missing)."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to


@dataclass(frozen=True)
class Verband:
    """A samenwerkingsverband (or centre city alone) that carries the regierol."""

    id: str
    name: str
    legal_form: str | None = None
    province: str | None = None
    municipalities: tuple[str, ...] = ()
    inhabitants: int | None = None
    subsidy_eur: float | None = None
    period_start: int | None = None
    period_end: int | None = None
    centrumstad: str | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Event:
    """A networking or matchmaking event."""

    id: str
    name: str
    date: date | None = None
    verband_id: str | None = None
    kind: str | None = None
    theme: str | None = None


@dataclass(frozen=True)
class Participation:
    """An organisation attended an event."""

    event_id: str
    actor_id: str


@dataclass(frozen=True)
class SourceFile:
    """A file a dataset was imported from, with its SHA-256."""

    path: str
    sha256: str


@dataclass(frozen=True)
class Merge:
    """Two actors found to be one organisation: ``dropped`` was merged into ``kept``.

    ``before`` holds, as JSON, the records as they were (both actors, and the ties and
    participations that moved), so that the merge can be undone; it may hold personal data.
    """

    id: str
    at: datetime
    kept: str
    dropped: str
    reason: str
    before: str


@dataclass(frozen=True)
class Dataset:
    """A named collection of actors, ties, verbanden, events and participations.

    Equality of two datasets as data is :meth:`same_content`; ``name``, ``created`` and
    ``sources`` describe where a copy lives and came from. ``principal`` is set on a copy
    scoped for one user (:func:`graphmodel.scoping.scope_dataset`); queries check it.
    ``version`` is the stored version a store loaded (None for data from elsewhere): a caller
    that changes and saves it back passes it as ``expected_version``, so that a write in
    between is refused instead of overwritten.
    """

    name: str
    actors: tuple[Actor, ...] = ()
    ties: tuple[Tie, ...] = ()
    verbanden: tuple[Verband, ...] = ()
    events: tuple[Event, ...] = ()
    participations: tuple[Participation, ...] = ()
    synthetic: bool = False
    description: str = ""
    created: datetime | None = None
    sources: tuple[SourceFile, ...] = field(default=())
    merges: tuple[Merge, ...] = ()
    surveys: tuple[SurveyAnswer, ...] = ()
    version: int | None = field(default=None, compare=False, repr=False)
    principal: Principal | None = field(default=None, compare=False, repr=False)

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        """Actors indexed by id."""
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def verband_by_id(self) -> dict[str, Verband]:
        """Verbanden indexed by id."""
        return {verband.id: verband for verband in self.verbanden}

    @cached_property
    def members_by_verband(self) -> dict[str, tuple[Actor, ...]]:
        """Actors per verband id (an actor in several verbanden appears under each)."""
        index: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for membership in actor.memberships:
                index.setdefault(membership.verband_id, []).append(actor)
        return {verband: tuple(actors) for verband, actors in index.items()}

    @cached_property
    def ties_by_verband(self) -> dict[str, tuple[Tie, ...]]:
        """Ties per verband id whose two ends are both members of it, in dataset order."""
        member_of = {actor.id: set(actor.verbanden) for actor in self.actors}
        index: dict[str, list[Tie]] = {}
        for tie in self.ties:
            shared = member_of.get(tie.source, set()) & member_of.get(tie.target, set())
            for verband in shared:
                index.setdefault(verband, []).append(tie)
        return {verband: tuple(ties) for verband, ties in index.items()}

    @cached_property
    def derived(self) -> dict:
        """Results the queries computed from this dataset, under keys of their choosing
        (:func:`queries.analysis.remembered`). A dataset never changes, so they are never
        stale; they live as long as this object and are not part of equality or a copy."""
        return {}

    def members_of(self, verband_id: str) -> list[Actor]:
        """Actors with a membership of ``verband_id``, in dataset order."""
        return list(self.members_by_verband.get(verband_id, ()))

    def content(self) -> tuple:
        """Everything a user entered, in a canonical order, for comparison."""
        return (
            sorted(self.actors, key=lambda a: a.id),
            sorted(self.ties, key=lambda t: t.id),
            sorted(self.verbanden, key=lambda v: v.id),
            sorted(self.events, key=lambda e: e.id),
            sorted(self.participations, key=lambda p: (p.event_id, p.actor_id)),
            sorted(self.merges, key=lambda m: m.id),
            sorted((dataclasses.astuple(a) for a in self.surveys), key=str),
            self.synthetic,
            self.description,
        )

    def same_content(self, other: Dataset) -> bool:
        """True when both datasets hold the same actors, ties, verbanden, events and flags."""
        return self.content() == other.content()

    def counts(self) -> dict[str, int]:
        """Number of records per table."""
        return {
            "actoren": len(self.actors),
            "relaties": len(self.ties),
            "verbanden": len(self.verbanden),
            "evenementen": len(self.events),
            "deelnames": len(self.participations),
        }

    def replace(self, **changes: object) -> Dataset:
        """A copy with some fields changed (cached indexes are rebuilt on use)."""
        return dataclasses.replace(self, **changes)
