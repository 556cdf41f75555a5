"""A typed municipality checked on import: resolved to today's municipality and its NIS code.

A regisseur may type a current name, a former one (Zomergem), a NIS code or a postal code; the
name stays as typed and the actor gets the NIS code of today's municipality
(:mod:`graphmodel.municipalities`). A former name or a postal code is reported as information,
an unknown place as an error with a suggestion, a NIS code that names another municipality
than the name as an error.
"""

from __future__ import annotations

from verbinder.graphmodel.municipalities import (
    Municipality,
    PlaceError,
    resolve_place,
    successor,
)
from verbinder.loaders.problems import INFO
from verbinder.loaders.sheets import Row

__all__ = ["check_places", "place_code"]


def _resolved(row: Row, header: str, text: str) -> Municipality | None:
    """Today's municipality for ``text`` in column ``header``: an error when unknown, an
    information line when it was a former name or a postal code."""
    try:
        place = resolve_place(text)
    except PlaceError as exc:
        row.error(header, str(exc))
        return None
    found = place.municipality
    if place.via is not None:
        row.sheet.problem(
            f"'{text}': {place.via}; NIS-code {found.nis} ({found.name})",
            row=row.number,
            header=header,
            level=INFO,
        )
    return found


def place_code(row: Row, typed: str | None, code: str | None) -> str | None:
    """The NIS code of today's municipality for a row's ``gemeente`` and ``nis`` cells;
    problems go to the row's sheet (the row is refused on an error)."""
    if typed is None and code is None:
        return None
    header, text = ("gemeente", typed) if typed is not None else ("nis", code)
    found = _resolved(row, header, str(text))
    if found is None:
        return None
    if typed is not None and code is not None and successor(str(code)) != found.nis:
        row.error(
            "nis",
            f"NIS-code {code} hoort niet bij '{typed}' ({found.name} heeft NIS-code "
            f"{found.nis}); verbeter een van beide of laat de NIS-code leeg",
        )
        return None
    return found.nis


def check_places(row: Row, header: str, typed: tuple[str, ...]) -> None:
    """Every municipality of a list (a verband's ``gemeenten``) is a known place."""
    for text in typed:
        _resolved(row, header, text)
