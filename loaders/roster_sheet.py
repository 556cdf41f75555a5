"""The network survey's sheet ``netwerkbevraging`` of a workbook or CSV export, read back into
responses (issue #18): per response one row per organisation on its list and one per added
organisation (:data:`graphmodel.tables.ROSTER_COLUMNS`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from verbinder.graphmodel.roster import (
    FREQUENCIES,
    SCORE_KEYS,
    TRUST_ITEMS,
    RosterResponse,
    Stated,
    response_problem,
)
from verbinder.loaders.sheets import Row, SheetReader

__all__ = ["roster_responses"]

_ANSWERS = ("contact", "soorten", "frequentie", *SCORE_KEYS, "wens", "waarom")


@dataclass
class _Response:
    first: Row
    received: date
    roster: list[str] = field(default_factory=list)
    stated: list[Stated] = field(default_factory=list)
    added: list[str] = field(default_factory=list)


def _stated(row: Row, about: str) -> Stated | None:
    if all(row.is_blank(h) for h in _ANSWERS):
        return None
    frequency = row.get("frequentie")
    if frequency is not None and frequency not in FREQUENCIES:
        row.error("frequentie", f"'{frequency}' is geen keuze; kies {', '.join(FREQUENCIES)}")
    scores = tuple(row.get(h) for h in SCORE_KEYS)
    return Stated(
        about,
        row.get("contact"),
        row.get("soorten") or (),
        frequency,
        scores[: len(TRUST_ITEMS)],
        scores[len(TRUST_ITEMS) :],
        bool(row.get("wens")),
        row.get("waarom"),
    )


def roster_responses(reader: SheetReader) -> Iterator[tuple[RosterResponse, Row]]:
    """The responses of the sheet, each with its first row; every problem is reported where it
    is (a response with a problem yields nothing)."""
    responses: dict[tuple[str, str], _Response] = {}
    broken: set[tuple[str, str]] = set()
    for row in reader.rows():
        key = (row.get("verband"), row.get("organisatie"))
        received, about, added = row.get("ontvangen"), row.get("over"), row.get("toegevoegd")
        if None in key or received is None:
            continue
        response = responses.setdefault(key, _Response(row, received))
        if received != response.received:
            row.error("ontvangen", f"een andere datum dan op rij {response.first.number}")
        if (about is None) == (added is None):
            row.error("over", "vul 'over' of 'toegevoegd' in, niet beide")
        elif about is not None:
            response.roster.append(about)
            if (stated := _stated(row, about)) is not None:
                response.stated.append(stated)
        else:
            response.added.append(added)
        if not row.ok:
            broken.add(key)
    for key, found in responses.items():
        if key in broken:  # its problems are reported where they are
            continue
        response = RosterResponse(
            *key, found.received, tuple(found.roster), tuple(found.stated), tuple(found.added)
        )
        if problem := response_problem(response):
            found.first.error(None, problem)
        else:
            yield response, found.first
