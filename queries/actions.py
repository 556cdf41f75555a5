"""Changes a user makes from a query result, as new datasets (the caller stores them)."""

from __future__ import annotations

from datetime import date

from graphmodel.model import Dataset, Tie
from graphmodel.types import Provenance, TieKind

__all__ = ["record_contact"]


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
    for actor in (se_actor, employer):
        if actor not in dataset.actor_by_id:
            raise KeyError(actor)
    if any(
        {t.source, t.target} == {se_actor, employer} and t.kind is TieKind.SAMENWERKING
        for t in dataset.ties
    ):
        raise ValueError(f"{se_actor} en {employer} werken al samen volgens de dataset")
    taken = {t.id for t in dataset.ties}
    number = len(dataset.ties) + 1
    while f"contact-{number}" in taken:
        number += 1
    tie = Tie(
        f"contact-{number}",
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
