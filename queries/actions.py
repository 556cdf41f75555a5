"""Changes a user makes from a query result, as new datasets (the caller stores them)."""

from __future__ import annotations

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
    """The dataset with the contact person and e-mail of ``actor_id`` erased, or ``None`` when
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
    actor = dataset.actor_by_id.get(actor_id)
    if actor is None or (actor.contact_name is None and actor.contact_email is None):
        return None
    erased = replace(actor, contact_name=None, contact_email=None)
    return dataset.replace(actors=tuple(erased if a.id == actor_id else a for a in dataset.actors))
