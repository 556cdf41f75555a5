"""Reference facts shipped with the package: the 32 verbanden of 2017-2019 and their municipalities.

The CSV files in ``graphmodel/data/`` are copies of the project's checked reference data. They
come from the 2019 evaluation of the regierol by IDEA Consult for the Flemish department WSE
(table of recognised initiatives and its annex listing their municipalities). Totals match the
source: 32 verbanden, 204 municipalities, 5,092,811 inhabitants, EUR 1,875,000 a year.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import NamedTuple

from verbinder.graphmodel.model import Verband

__all__ = [
    "PUBLISHED_TOTALS",
    "REFERENCE_PERIOD",
    "REFERENCE_SOURCE",
    "MunicipalityRef",
    "PublishedTotals",
    "parse_period",
    "period_label",
    "reference_municipalities",
    "reference_verbanden",
    "shipped",
]

REFERENCE_SOURCE = (
    "IDEA Consult (2019), Evaluatie van de regierol sociale economie, in opdracht van het "
    "Departement WSE: tabel van de erkende samenwerkingsverbanden 2017-2019 en bijlage met hun "
    "gemeenten"
)
REFERENCE_PERIOD = (2017, 2019)


def period_label(period: tuple[int, int]) -> str:
    """``2020-2025`` for ``(2020, 2025)``."""
    return f"{period[0]}-{period[1]}"


def parse_period(text: str) -> tuple[int, int] | None:
    """``(2020, 2025)`` for ``2020-2025``; None when ``text`` is not two years, the first not
    after the second.

    >>> parse_period(" 2020-2025 "), parse_period("2025-2020"), parse_period("2020")
    ((2020, 2025), None, None)
    """
    first, _, last = text.strip().partition("-")
    if not (first.isdigit() and last.isdigit() and len(first) == len(last) == 4):
        return None
    period = (int(first), int(last))
    return period if period[0] <= period[1] else None


class PublishedTotals(NamedTuple):
    """What the government published about a policy cycle, to check a loaded cycle against."""

    regisseurs: int
    municipalities: int
    budget_eur: float
    source: str


PUBLISHED_TOTALS = {
    (2020, 2025): PublishedTotals(
        37,
        238,
        2_225_000,
        "Vlaamse Regering, 8 april 2020: '37 lokale regisseurs van start voor een nieuwe "
        "beleidscyclus' (37 goedgekeurde aanvragen, 238 van de 300 gemeenten, budget "
        "2.225.000 euro)",
    )
}
"""Published totals per cycle ``(first year, last year)``; 2017-2019 is the shipped reference."""


class MunicipalityRef(NamedTuple):
    """One reference row: a municipality of a verband, with the correction note if any."""

    verband_id: str
    municipality: str
    is_centrumstad: bool
    note: str | None


def shipped(filename: str) -> Traversable:
    """A file of the reference data shipped with Verbinder (``graphmodel/data/``)."""
    return resources.files("verbinder.graphmodel").joinpath("data", filename)


def _rows(filename: str) -> list[dict[str, str]]:
    text = shipped(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def reference_municipalities() -> tuple[MunicipalityRef, ...]:
    """Municipalities per verband, 2017-2019 (205 rows: Oudsbergen is split over two).

    Examples
    --------
    >>> rows = reference_municipalities()
    >>> len(rows), len({r.municipality for r in rows})
    (205, 204)
    """
    return tuple(
        MunicipalityRef(
            r["verband_id"], r["gemeente"], r["centrumstad"] == "yes", r["note"] or None
        )
        for r in _rows("verband_gemeenten_2017_2019.csv")
    )


def reference_verband(verband_id: str) -> Verband | None:
    """The reference verband with this id, or None.

    >>> reference_verband("gent").name, reference_verband("nergens")
    ('Stad Gent', None)
    """
    return next((v for v in reference_verbanden() if v.id == verband_id), None)


@cache
def reference_verbanden() -> tuple[Verband, ...]:
    """The 32 verbanden of 2017-2019 as :class:`Verband` records, with their source.

    Examples
    --------
    >>> gent = {v.id: v for v in reference_verbanden()}["gent"]
    >>> gent.inhabitants, gent.subsidy_eur, gent.municipalities
    (257029, 100000.0, ('Gent',))
    """
    by_verband: dict[str, list[str]] = {}
    for ref in reference_municipalities():
        by_verband.setdefault(ref.verband_id, []).append(ref.municipality)
    return tuple(
        Verband(
            id=r["verband_id"],
            name=r["name"],
            legal_form=r["legal_form"],
            province=r["province"],
            municipalities=tuple(by_verband[r["verband_id"]]),
            inhabitants=int(r["inhabitants"]),
            subsidy_eur=float(r["subsidy_eur"]),
            period_start=REFERENCE_PERIOD[0],
            period_end=REFERENCE_PERIOD[1],
            centrumstad=r["centrumstad"] or None,
            note=r["note"] or None,
            source=REFERENCE_SOURCE,
        )
        for r in _rows("verbanden_2017_2019.csv")
    )
