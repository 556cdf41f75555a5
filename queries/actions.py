"""Changes a user makes from a query result, as new datasets (the caller stores them)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from graphmodel.model import Dataset, Tie
from graphmodel.types import Provenance, TieKind
from queries.permissions import require

__all__ = ["forget_personal_data", "fresh_id", "record_contact"]


def fresh_id(prefix: str, records: tuple) -> str:
    """``prefix-N`` for the first N from len(records) + 1 on that no record's id uses.

    >>> fresh_id("contact", ())
    'contact-1'
    """
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

    >>> from graphmodel.model import Actor
    >>> from graphmodel.types import ActorType
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
    tie = Tie(
        fresh_id("contact", dataset.ties),
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


def forget_personal_data(dataset: Dataset, actor_id: str) -> Dataset | None:
    """The dataset with the contact person and e-mail of ``actor_id`` erased, also in the
    merge records that name it (they keep earlier versions of both actors), or ``None`` when
    the dataset holds no personal data of that actor (then there is nothing to change).

    >>> from graphmodel.model import Actor
    >>> from graphmodel.types import ActorType
    >>> a = Actor("a", "A", ActorType.LDE, contact_name="Zoë", contact_email="z@a.be")
    >>> forgotten = forget_personal_data(Dataset("x", actors=(a,)), "a")
    >>> kept = forgotten.actors[0]
    >>> kept.contact_name, kept.contact_email, kept.name
    (None, None, 'A')
    >>> forget_personal_data(forgotten, "a") is None
    True
    """
    require(dataset, detail=True)
    actors = tuple(
        replace(a, contact_name=None, contact_email=None) if a.id == actor_id else a
        for a in dataset.actors
    )
    merges = tuple(
        replace(m, before=_scrubbed(m.before)) if actor_id in (m.kept, m.dropped) else m
        for m in dataset.merges
    )
    if actors == dataset.actors and merges == dataset.merges:
        return None
    return dataset.replace(actors=actors, merges=merges)


def _scrubbed(before: str) -> str:
    """A merge record's JSON without contact persons and e-mail addresses."""
    data = json.loads(before)
    for actor in [*data.get("actors", ()), data.get("merged") or {}]:
        for key in ("contact_name", "contact_email"):
            if key in actor:
                actor[key] = None
    return json.dumps(data, ensure_ascii=False)
