"""Changes a user makes from a query result, as new datasets (the caller stores them)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from verbinder.graphmodel.model import Actor, Dataset, Tie
from verbinder.graphmodel.survey import SurveyAnswer
from verbinder.graphmodel.types import Provenance, TieKind
from verbinder.queries.permissions import require

__all__ = ["forget_personal_data", "fresh_id", "record_contact", "record_survey"]


def fresh_id(prefix: str, records: tuple, *, partial_view: bool = False) -> str:
    """``prefix-N`` for the first N from len(records) + 1 on that no record's id uses; with
    ``partial_view`` (the caller sees only part of the dataset, so an id it does not see may
    be taken) ``prefix-`` and eight random hex digits.

    >>> fresh_id("contact", ())
    'contact-1'
    """
    if partial_view:
        return f"{prefix}-{uuid.uuid4().hex[:8]}"
    taken = {r.id for r in records}
    number = len(records) + 1
    while f"{prefix}-{number}" in taken:
        number += 1
    return f"{prefix}-{number}"


def record_contact(
    dataset: Dataset,
    se_actor: str,
    employer: str,
    *,
    day: date,
    note: str = "contact gelegd na voorstel van Verbinder",
) -> Dataset:
    """The dataset with a new ``samenwerking`` tie between two organisations, from ``day`` on.

    Raises ``KeyError`` when either actor is unknown and ``ValueError`` when a tie of that
    kind already joins them (nothing is recorded twice).

    >>> from verbinder.graphmodel.model import Actor
    >>> from verbinder.graphmodel.types import ActorType
    >>> actors = (Actor("s", "S", ActorType.LDE), Actor("w", "W", ActorType.WERKGEVER))
    >>> tie = record_contact(Dataset("x", actors=actors), "s", "w", day=date(2025, 5, 14)).ties[0]
    >>> tie.source, tie.target, tie.kind.value, tie.provenance.value
    ('s', 'w', 'samenwerking', 'manueel')
    """
    require(dataset, detail=True)
    for actor in (se_actor, employer):
        if actor not in dataset.actor_by_id:
            raise KeyError(actor)
    if any(
        {t.source, t.target} == {se_actor, employer} and t.kind is TieKind.SAMENWERKING
        for t in dataset.ties
    ):
        raise ValueError(f"{se_actor} en {employer} werken al samen volgens de dataset")
    partial = dataset.principal is not None and not dataset.principal.sees_everything
    tie = Tie(
        fresh_id("contact", dataset.ties, partial_view=partial),
        se_actor,
        employer,
        TieKind.SAMENWERKING,
        1.0,
        day,
        None,
        Provenance.MANUEEL,
        note,
    )
    return dataset.replace(ties=(*dataset.ties, tie))


def record_survey(dataset: Dataset, answers: Iterable[SurveyAnswer]) -> Dataset:
    """The dataset with these survey answers, each replacing its verband's earlier answer.

    Raises ``KeyError`` for an answer about a verband the dataset does not hold.
    """
    require(dataset, detail=True)
    new = {a.verband_id: a for a in answers}
    for verband in new:
        require(dataset, verband, detail=True)
        if verband not in dataset.verband_by_id:
            raise KeyError(verband)
    kept = tuple(a for a in dataset.surveys if a.verband_id not in new)
    return dataset.replace(surveys=kept + tuple(new.values()))


def forget_personal_data(dataset: Dataset, actor_id: str) -> Dataset | None:
    """The dataset with the contact person and e-mail of ``actor_id`` erased, also in the
    merge records that name it (they keep earlier versions of both actors), or ``None`` when
    the dataset holds no personal data of that actor (then there is nothing to change).

    >>> from verbinder.graphmodel.model import Actor
    >>> from verbinder.graphmodel.types import ActorType
    >>> a = Actor("a", "A", ActorType.LDE, contact_name="Zoë", contact_email="z@a.be")
    >>> forgotten = forget_personal_data(Dataset("x", actors=(a,)), "a")
    >>> kept = forgotten.actors[0]
    >>> kept.contact_name, kept.contact_email, kept.name
    (None, None, 'A')
    >>> forget_personal_data(forgotten, "a") is None
    True
    """
    require(dataset, detail=True)
    # (A regisseur's copy holds merge records without content: nothing to erase there.)
    related = [m for m in dataset.merges if m.before and actor_id in (m.kept, m.dropped)]
    values = _contact_values(dataset.actor_by_id.get(actor_id))
    for record in related:
        for data in json.loads(record.before).get("actors", ()):
            if data.get("id") == actor_id:
                values |= {data.get("contact_name"), data.get("contact_email")} - {None}
    if not values:
        return None
    # A merge copied the dropped actor's contact into the kept one: erase it there too.
    holders = {actor_id} | {m.kept for m in related}
    actors = tuple(_erased(a, values) if a.id in holders else a for a in dataset.actors)
    merges = tuple(
        replace(m, before=_scrubbed(m.before, values)) if m in related else m
        for m in dataset.merges
    )
    if actors == dataset.actors and merges == dataset.merges:
        return None
    return dataset.replace(actors=actors, merges=merges)


def _contact_values(actor: Actor | None) -> set[str]:
    return set() if actor is None else {actor.contact_name, actor.contact_email} - {None}


def _erased(actor: Actor, values: set[str]) -> Actor:
    return replace(
        actor,
        contact_name=None if actor.contact_name in values else actor.contact_name,
        contact_email=None if actor.contact_email in values else actor.contact_email,
    )


def _scrubbed(before: str, values: set[str]) -> str:
    """A merge record's JSON without the given contact persons and e-mail addresses."""
    data = json.loads(before)
    for actor in [*data.get("actors", ()), data.get("merged") or {}]:
        for key in ("contact_name", "contact_email"):
            if actor.get(key) in values:
                actor[key] = None
    return json.dumps(data, ensure_ascii=False)
