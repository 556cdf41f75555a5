"""The measure catalogue: for every column Verbinder shows, its Dutch name, a reading in plain
words, its method and reference, how it is formatted and which direction is good.

The entries live in ``queries/data/maten.toml`` so that a non-programmer can review them. CLI
legends, dashboard column heads and tooltips, the ``uitleg`` sheet of every export and the
README's list of measures all come from here; showing a column without an entry is an error.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files

import pandas as pd
from verbinder.graphmodel.formatting import MISSING, Kind
from verbinder.graphmodel.types import ActorType, SectorGroup, TieKind

__all__ = [
    "EXPLANATION_COLUMNS",
    "VOCABULARIES",
    "Measure",
    "UncataloguedColumnError",
    "catalogue",
    "explanation",
    "glossary",
    "measure",
]


@dataclass(frozen=True)
class Measure:
    """One column or measure as users see it."""

    id: str
    name: str
    """Short Dutch heading."""
    reading: str
    """One sentence in plain Dutch: what it means and how to read it."""
    kind: Kind
    method: str = ""
    reference: str = ""
    better: str | None = None
    """``"hoger"`` or ``"lager"`` when one direction is plainly good, else None."""
    missing: str = MISSING
    """Shown instead of an empty value."""
    values: str | None = None
    """The vocabulary of a text column whose codes have Dutch labels (``actortype``,
    ``sectorgroep``, ``relatiesoort``), else None."""


def _label(kind: type[StrEnum]):
    def label(code: object) -> str:
        try:
            return kind(code).label
        except ValueError:
            return str(code)

    return label


VOCABULARIES = {
    "actortype": _label(ActorType),
    "sectorgroep": _label(SectorGroup),
    "relatiesoort": _label(TieKind),
}
"""Code -> Dutch label, per vocabulary a catalogue entry can name in ``waarden``."""


class UncataloguedColumnError(KeyError):
    """A column is shown that has no entry in the catalogue."""

    def __str__(self) -> str:
        return f"kolom '{self.args[0]}' staat niet in de maatcatalogus (queries/data/maten.toml)"


@cache
def catalogue() -> Mapping[str, Measure]:
    """Every entry, by column id, in the file's order."""
    text = (files("verbinder.queries") / "data" / "maten.toml").read_text(encoding="utf-8")
    return {
        key: Measure(
            id=key,
            name=entry["naam"],
            reading=entry["lezing"],
            kind=Kind(entry["soort"]),
            method=entry.get("methode", ""),
            reference=entry.get("bron", ""),
            better=entry.get("beter"),
            missing=entry.get("ontbreekt", MISSING),
            values=entry.get("waarden"),
        )
        for key, entry in tomllib.loads(text).items()
    }


def measure(column: str) -> Measure:
    """The entry of ``column``; :class:`UncataloguedColumnError` when it has none.

    >>> measure("graad").kind
    <Kind.COUNT: 'aantal'>
    """
    try:
        return catalogue()[column]
    except KeyError:
        raise UncataloguedColumnError(column) from None


EXPLANATION_COLUMNS = ("kolom", "naam", "betekenis", "methode", "bron", "beter")
"""The columns of an explanation (``uitleg``) table; ``kolom`` is the heading as it stands in the
exported table (the code the Python API uses too)."""


def explanation(columns: Iterable[str]) -> pd.DataFrame:
    """One row per column: its code, Dutch name, reading, method, reference, good direction."""
    rows = []
    for column in dict.fromkeys(columns):
        entry = measure(column)
        better = {"hoger": "hoger is beter", "lager": "lager is beter"}.get(entry.better, "")
        rows.append([entry.id, entry.name, entry.reading, entry.method, entry.reference, better])
    return pd.DataFrame(rows, columns=list(EXPLANATION_COLUMNS))


def glossary() -> str:
    """The glossary in plain Dutch (Markdown): verbinder, makelaar and its five roles,
    structurele gaten, dichtheid, centraliteit, trechterplot, ... as in the README."""
    return (files("verbinder.queries") / "data" / "woordenlijst.md").read_text(encoding="utf-8")
