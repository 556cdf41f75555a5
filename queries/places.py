"""Municipalities and policy cycles as a reader needs them: the name in the data, and what it
is today; the cycle a dataset's verbanden belong to.

A verband's municipalities are kept as its source named them (the 2017-2019 reference names
Zomergem, Puurs and Sint-Amands, merged since 2019). Shown to a reader, a former name says
which municipality it belongs to now (:mod:`graphmodel.municipalities`).
"""

from __future__ import annotations

from collections.abc import Iterable

from verbinder.graphmodel.municipalities import PlaceError, resolve_place
from verbinder.graphmodel.reference import period_label

__all__ = ["municipality_list", "periods_text"]


def _today(name: str) -> str:
    try:
        place = resolve_place(name)
    except PlaceError:
        return f"{name} (geen gekende gemeente)"
    if place.via is None or place.municipality.name == name:
        return name
    return f"{name} ({place.via.removeprefix('voormalige gemeente, ')})"


def municipality_list(names: Iterable[str]) -> str:
    """The municipalities as one line, a former one with what it is part of today.

    >>> municipality_list(["Gent", "Zomergem"])
    'Gent, Zomergem (sinds 1 januari 2019 deel van Lievegem)'
    """
    return ", ".join(_today(name) for name in names)


def periods_text(periods: Iterable[tuple[int, int] | None]) -> str:
    """Policy cycles as one line; ``onbekend`` when none is known.

    >>> periods_text([(2020, 2025)]), periods_text([None])
    ('2020-2025', 'onbekend')
    >>> periods_text([(2017, 2019), (2020, 2025)])
    '2017-2019 en 2020-2025'
    """
    labels = [period_label(p) for p in periods if p is not None]
    if not labels:
        return "onbekend"
    return ", ".join(labels[:-1]) + " en " + labels[-1] if len(labels) > 1 else labels[0]
