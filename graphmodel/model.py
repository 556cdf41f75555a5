"""The typed stakeholder model: actors, ties, verbanden, events and the dataset that holds them."""

from __future__ import annotations

import dataclasses
from dataclasses import KW_ONLY, dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from verbinder.graphmodel.fields import column, columns
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, SectorGroup, TieKind

if TYPE_CHECKING:
    from verbinder.graphmodel.access import Principal
    from verbinder.graphmodel.roster import RosterResponse
    from verbinder.graphmodel.survey import SurveyAnswer

__all__ = [
    "NACE_2025_TAG",
    "RECORDS",
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

# Each field's metadata is its sheet column (graphmodel.fields): Dutch header, value kind, help
# text, then the other headers a file may use for it.

_POLITICAL = column(
    "betrokkenheid_politiek",
    "engagement",
    "Voor gemeenten: politieke betrokkenheid.",
    "politieke_betrokkenheid",
    "political_engagement",
)
_ADMINISTRATIVE = column(
    "betrokkenheid_ambtelijk",
    "engagement",
    "Voor gemeenten: ambtelijke betrokkenheid.",
    "ambtelijke_betrokkenheid",
    "administrative_engagement",
)


@dataclass(frozen=True)
class Membership:
    """An actor's membership of one verband with its engagement there.

    ``political`` and ``administrative`` are optional and meant for municipalities, whose
    political (college) and administrative (ambtelijk) engagement often differ.
    """

    verband_id: str = field(
        metadata=column("verband", "text", "Id van het verband.", "verband_id", required=True)
    )
    engagement: Engagement = field(
        metadata=column(
            "betrokkenheid",
            "engagement",
            "Geen, passief, actief of zeer actief (of 0-3).",
            "engagement",
            required=True,
        )
    )
    political: Engagement | None = field(default=None, metadata=_POLITICAL)
    administrative: Engagement | None = field(default=None, metadata=_ADMINISTRATIVE)


@dataclass(frozen=True)
class Actor:
    """An organisation in the network (never a person).

    ``contact_name`` and ``contact_email`` are the only personal data the model holds; they are
    optional and left out of exports unless asked for. ``lat`` and ``lon`` (WGS84 degrees)
    are the optional location of the organisation.
    """

    id: str = field(
        metadata=column(
            "id",
            "text",
            "Unieke code van de organisatie (vrij te kiezen, blijft vast).",
            "actor_id",
            "code",
            required=True,
        )
    )
    name: str = field(
        metadata=column(
            "naam", "text", "Naam van de organisatie.", "name", "organisatie", required=True
        )
    )
    type: ActorType = field(
        metadata=column(
            "type",
            "actortype",
            "Soort organisatie: kies uit de lijst.",
            "actortype",
            "actor_type",
            "soort",
            required=True,
        )
    )
    municipality: str | None = field(
        default=None,
        metadata=column("gemeente", "text", "Gemeente van vestiging.", "municipality", "plaats"),
    )
    _: KW_ONLY
    memberships: tuple[Membership, ...] = field(
        default=(),
        metadata=columns(
            column(
                "verbanden",
                "list",
                "Verband(en) waarin de organisatie actief is (id's, gescheiden door ;). "
                "Verschillende betrokkenheid per verband: blad lidmaatschappen.",
                "verband",
                "verband_id",
                "verband_ids",
            )["column"],
            column(
                "betrokkenheid",
                "engagement",
                "Geen, passief, actief of zeer actief (of 0-3); "
                "geldt voor elk verband in de vorige kolom.",
                "engagement",
            )["column"],
            _POLITICAL["column"],
            _ADMINISTRATIVE["column"],
        ),
    )
    nace: tuple[str, ...] = field(
        default=(),
        metadata=column(
            "nace",
            "nace",
            "NACE-BEL-code(s), bv. 49.410; gescheiden door ;.",
            "nace_codes",
            "nace_code",
        ),
    )
    activities: tuple[str, ...] = field(
        default=(),
        metadata=column(
            "activiteiten",
            "list",
            "Activiteiten van een SE-actor uit de lijst op dit blad, bv. groenonderhoud; "
            "logistiek. Zonder gekende activiteit krijgt de actor geen voorstellen.",
            "activities",
            "activiteit",
        ),
    )
    kbo: str | None = field(
        default=None,
        metadata=column(
            "kbo",
            "kbo",
            "Ondernemingsnummer (KBO), bv. 0403.170.701.",
            "ondernemingsnummer",
            "kbo_nummer",
            "enterprise_number",
        ),
    )
    fte: float | None = field(
        default=None,
        metadata=column(
            "vte", "decimal", "Aantal voltijdse equivalenten (komma of punt als decimaal).", "fte"
        ),
    )
    target_group_workers: int | None = field(
        default=None,
        metadata=column(
            "doelgroepwerknemers", "int", "Aantal doelgroepwerknemers.", "target_group_workers"
        ),
    )
    tags: tuple[str, ...] = field(
        default=(),
        metadata=column(
            "tags",
            "list",
            "Vrije labels, gescheiden door ;. Het label mvo (maatschappelijk verantwoord "
            "ondernemen) maakt een werkgever opener in de voorstellen.",
            "labels",
        ),
    )
    contact_name: str | None = field(
        default=None,
        metadata=column(
            "contactpersoon",
            "text",
            "Persoonsgegeven: enkel invullen als het nodig is.",
            "contact_name",
            "contact",
            personal=True,
        ),
    )
    contact_email: str | None = field(
        default=None,
        metadata=column(
            "email",
            "email",
            "Persoonsgegeven: algemeen adres van de organisatie bij voorkeur.",
            "e_mail",
            "contact_email",
            personal=True,
        ),
    )
    note: str | None = field(
        default=None, metadata=column("opmerking", "text", "Vrije opmerking.", "note", "notitie")
    )
    lat: float | None = field(
        default=None,
        metadata=column(
            "breedtegraad",
            "latitude",
            "Optioneel: breedtegraad (WGS84), bv. 50,965.",
            "latitude",
            "lat",
        ),
    )
    lon: float | None = field(
        default=None,
        metadata=column(
            "lengtegraad",
            "longitude",
            "Optioneel: lengtegraad (WGS84), bv. 5,500.",
            "longitude",
            "lon",
            "lng",
        ),
    )
    nis: str | None = field(
        default=None,
        metadata=column(
            "nis",
            "text",
            "NIS-code van de gemeente van vandaag. Leeg laten mag: Verbinder zoekt ze op uit "
            "de gemeente (naam, voormalige naam of postcode).",
            "nis_code",
            "refnis",
        ),
    )

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

    id: str = field(
        metadata=column("id", "text", "Optionele unieke code van de relatie.", "tie_id")
    )
    source: str = field(
        metadata=column(
            "bron",
            "text",
            "Id of exacte naam van de eerste organisatie.",
            "source",
            "van",
            required=True,
        )
    )
    target: str = field(
        metadata=column(
            "doel",
            "text",
            "Id of exacte naam van de tweede organisatie.",
            "target",
            "naar",
            required=True,
        )
    )
    kind: TieKind = field(
        metadata=column(
            "soort", "tiekind", "Soort relatie: kies uit de lijst.", "kind", "type", required=True
        )
    )
    weight: float = field(
        default=1.0,
        metadata=column("gewicht", "decimal", "Sterkte van de relatie (standaard 1).", "weight"),
    )
    valid_from: date | None = field(
        default=None,
        metadata=column("geldig_vanaf", "date", "Begindatum (dd/mm/jjjj).", "valid_from", "vanaf"),
    )
    valid_to: date | None = field(
        default=None,
        metadata=column("geldig_tot", "date", "Einddatum (dd/mm/jjjj).", "valid_to", "tot"),
    )
    provenance: Provenance = field(
        default=Provenance.MANUEEL,
        metadata=column(
            "herkomst",
            "provenance",
            "Waar komt de relatie vandaan: bevraging, evenement, manueel of bestand.",
            "provenance",
            "bron_gegevens",
        ),
    )
    note: str | None = field(
        default=None, metadata=column("opmerking", "text", "Vrije opmerking.", "note", "notitie")
    )

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

    id: str = field(
        metadata=column(
            "id", "text", "Korte code van het verband, bv. gent.", "verband_id", required=True
        )
    )
    name: str = field(
        metadata=column("naam", "text", "Naam van het verband.", "name", required=True)
    )
    legal_form: str | None = field(
        default=None,
        metadata=column("rechtsvorm", "text", "Bv. interlokale vereniging.", "legal_form"),
    )
    province: str | None = field(
        default=None, metadata=column("provincie", "text", "Provincie.", "province")
    )
    municipalities: tuple[str, ...] = field(
        default=(),
        metadata=column(
            "gemeenten", "list", "Gemeenten van het verband, gescheiden door ;.", "municipalities"
        ),
    )
    inhabitants: int | None = field(
        default=None, metadata=column("inwoners", "int", "Aantal inwoners.", "inhabitants")
    )
    subsidy_eur: float | None = field(
        default=None,
        metadata=column(
            "subsidie_eur", "decimal", "Jaarlijkse subsidie in euro.", "subsidie", "subsidy_eur"
        ),
    )
    period_start: int | None = field(
        default=None,
        metadata=column("periode_van", "int", "Eerste jaar van de periode.", "period_start"),
    )
    period_end: int | None = field(
        default=None,
        metadata=column("periode_tot", "int", "Laatste jaar van de periode.", "period_end"),
    )
    centrumstad: str | None = field(
        default=None,
        metadata=column(
            "centrumstad", "text", "Centrumstad, als die deel uitmaakt van het verband."
        ),
    )
    note: str | None = field(
        default=None, metadata=column("opmerking", "text", "Vrije opmerking.", "note")
    )
    source: str | None = field(
        default=None, metadata=column("bron", "text", "Waar komen deze gegevens vandaan.", "source")
    )

    @property
    def period(self) -> tuple[int, int] | None:
        """The policy cycle (first and last year), when both are known."""
        if self.period_start is None or self.period_end is None:
            return None
        return self.period_start, self.period_end


@dataclass(frozen=True)
class Event:
    """A networking or matchmaking event."""

    id: str = field(
        metadata=column("id", "text", "Unieke code van het evenement.", "event_id", required=True)
    )
    name: str = field(
        metadata=column("naam", "text", "Naam van het evenement.", "name", required=True)
    )
    date: date | None = field(
        default=None, metadata=column("datum", "date", "Datum (dd/mm/jjjj).", "date")
    )
    verband_id: str | None = field(
        default=None,
        metadata=column("verband", "text", "Id van het verband dat het organiseert.", "verband_id"),
    )
    kind: str | None = field(
        default=None,
        metadata=column("soort", "text", "Bv. netwerkevent, matchmaking.", "kind", "type"),
    )
    theme: str | None = field(
        default=None, metadata=column("thema", "text", "Thema of sectoren.", "theme")
    )


@dataclass(frozen=True)
class Participation:
    """An organisation attended an event."""

    event_id: str = field(
        metadata=column(
            "evenement", "text", "Id van het evenement.", "event", "event_id", required=True
        )
    )
    actor_id: str = field(
        metadata=column(
            "actor", "text", "Id of exacte naam van de organisatie.", "actor_id", required=True
        )
    )


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


RECORDS: dict[str, type] = {
    "actors": Actor,
    "ties": Tie,
    "verbanden": Verband,
    "events": Event,
    "participations": Participation,
    "sources": SourceFile,
    "merges": Merge,
}
"""The record type of each of a dataset's collections, by the collection's name (the JSON key
and the SQLite table). The loaders, the JSON codec, the sheets and the embedded store look the
type up here when they build records, and read its fields' descriptions
(:mod:`graphmodel.fields`)."""


@dataclass(frozen=True)
class Dataset:
    """A named collection of actors, ties, verbanden, events and participations.

    Equality of two datasets as data is :meth:`same_content`; ``name``, ``created`` and
    ``sources`` describe where a copy lives and came from. ``principal`` is set on a copy
    scoped for one user (:func:`graphmodel.scoping.scope_dataset`); queries check it.
    ``roster_responses`` are the network survey's returned forms (:mod:`graphmodel.roster`).
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
    roster_responses: tuple[RosterResponse, ...] = ()
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
    def merged_into(self) -> dict[str, str]:
        """Per id of an actor merged away (:attr:`merges`): the actor it lives on in, following
        later merges, when that actor is still here."""
        into = {m.dropped: m.kept for m in self.merges}
        found = {}
        for dropped in into:
            if dropped in self.actor_by_id:
                continue  # the id is in use again: that actor is itself
            current, seen = dropped, set()
            while current in into and current not in seen:
                seen.add(current)
                current = into[current]
            if current in self.actor_by_id:
                found[dropped] = current
        return found

    @cached_property
    def derived(self) -> dict:
        """Results the queries computed from this dataset, under keys of their choosing
        (:func:`queries.analysis.remembered`). A dataset never changes, so they are never
        stale; they live as long as this object and are not part of equality or a copy."""
        return {}

    @cached_property
    def periods(self) -> tuple[tuple[int, int], ...]:
        """The policy cycles of this dataset's verbanden, oldest first (usually one)."""
        return tuple(sorted({v.period for v in self.verbanden if v.period is not None}))

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
            sorted(self.roster_responses, key=lambda r: r.id),
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
