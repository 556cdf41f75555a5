"""The tabular form of a dataset: the workbook's sheets, Dutch columns, dataset -> DataFrames.

One definition serves the loaders (which read these sheets), the template and the exports
(which write them), so that an exported workbook always imports again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd
from verbinder.graphmodel import model
from verbinder.graphmodel.fields import (
    LIST_SEPARATOR,
    Column,
    nested,
    sheet_columns,
    to_cells,
)
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.survey import PARTNERS, RELATIONS, ROLES, SCOPES, SHARE_WORDS, VISIONS

__all__ = [
    "INFO_SHEET",
    "LIST_SEPARATOR",
    "RECORD_SHEETS",
    "REQUIRED_SHEETS",
    "SHEETS",
    "SURVEY_COLUMNS",
    "SYNTHETIC_WARNING",
    "Column",
    "dataset_to_frames",
    "info_rows",
]

INFO_SHEET = "info"
"""Optional key/value sheet with the dataset's description and synthetic flag."""


def _c(
    header: str, kind: str, help: str, *aliases: str, required: bool = False, personal: bool = False
) -> Column:
    return Column(header, kind, help, required, aliases, personal)


RECORD_SHEETS = {
    "verbanden": "verbanden",
    "actoren": "actors",
    "relaties": "ties",
    "evenementen": "events",
    "deelnames": "participations",
}
"""The sheet of each kind of record in :data:`graphmodel.model.RECORDS` (one row per record)."""

_MEMBER = _c("actor", "text", "Id of exacte naam van de organisatie.", "actor_id", required=True)

SURVEY_COLUMNS: tuple[Column, ...] = (
    _c("verband", "text", "Id van het verband, bv. gent.", required=True),
    _c("datum", "date", "Datum van het antwoord (dd/mm/jjjj).", required=True),
    *(
        _c(
            f"rol_{key}",
            "engagement",
            f"{label}: geen, passief, actief of zeer actief.",
            required=True,
        )
        for key, label in PARTNERS.items()
    ),
    *(
        _c(f"besturen_{key}", "text", f"{label} {' / '.join(SHARE_WORDS)}.", required=True)
        for key, label in RELATIONS.items()
    ),
    *(
        _c(f"tijd_{key}", "decimal", f"% van de tijd: {label}.", required=True)
        for key, label in ROLES.items()
    ),
    _c("reikwijdte", "text", " / ".join(SCOPES) + ".", required=True),
    _c("beleidsvisie", "text", " / ".join(VISIONS) + ".", required=True),
)
"""The regie survey: one row per verband (the sheet ``bevraging``)."""


class _Sheets(Mapping[str, tuple[Column, ...]]):
    """The sheets and their columns, read from the model's field descriptions on each use."""

    def __getitem__(self, sheet: str) -> tuple[Column, ...]:
        if sheet == "bevraging":
            return SURVEY_COLUMNS
        if sheet == "lidmaatschappen":
            return (_MEMBER, *sheet_columns(nested(model.RECORDS["actors"])["memberships"]))
        return sheet_columns(model.RECORDS[RECORD_SHEETS[sheet]])

    def __iter__(self) -> Iterator[str]:
        yield from ("actoren", "lidmaatschappen", "relaties", "verbanden", "evenementen")
        yield from ("deelnames", "bevraging")

    def __len__(self) -> int:
        return sum(1 for _ in self)


SHEETS: Mapping[str, tuple[Column, ...]] = _Sheets()
"""Every sheet of the workbook with its columns, in the template's order."""

REQUIRED_SHEETS = ("actoren", "relaties")


def _words(engagement: object) -> str:
    return engagement.label  # type: ignore[attr-defined]


def dataset_to_frames(
    dataset: Dataset, *, include_personal: bool = False
) -> dict[str, pd.DataFrame]:
    """The dataset as one DataFrame per sheet, with the Dutch headers of :data:`SHEETS`.

    Cells hold Python values (str, int, float, date or None); lists are joined with
    :data:`LIST_SEPARATOR` and engagement is written in words. Memberships always go to the
    ``lidmaatschappen`` sheet. Personal data (contact person, e-mail) is left out unless
    ``include_personal`` is true.
    """
    records = {sheet: getattr(dataset, key) for sheet, key in RECORD_SHEETS.items()}
    frames = {sheet: [to_cells(r, words=_words) for r in rows] for sheet, rows in records.items()}
    frames["lidmaatschappen"] = [
        {"actor": a.id, **to_cells(m, words=_words)} for a in dataset.actors for m in a.memberships
    ]
    frames["bevraging"] = [
        {
            "verband": a.verband_id,
            "datum": a.answered,
            **{f"rol_{k}": a.engagement[k].label for k in PARTNERS},
            **{f"besturen_{k}": SHARE_WORDS[a.relations[k]] for k in RELATIONS},
            **{f"tijd_{k}": a.roles[k] for k in ROLES},
            "reikwijdte": a.scope,
            "beleidsvisie": a.vision,
        }
        for a in dataset.surveys
    ]
    cells = {sheet: model.RECORDS[key] for sheet, key in RECORD_SHEETS.items()}
    cells["lidmaatschappen"] = nested(model.RECORDS["actors"])["memberships"]
    result = {}
    for sheet in SHEETS:
        shown = sheet_columns(cells[sheet], with_nested=False) if sheet in cells else SHEETS[sheet]
        columns = [c.header for c in shown if include_personal or not c.personal]
        if sheet == "lidmaatschappen":
            columns.insert(0, _MEMBER.header)
        result[sheet] = pd.DataFrame(frames[sheet], columns=columns, dtype=object)
    return result


SYNTHETIC_WARNING = (
    "SYNTHETISCHE DEMODATA: verzonnen organisaties en relaties, geen echte gegevens."
)


def info_rows(dataset: Dataset) -> list[tuple[str, str]]:
    """Key/value rows of the :data:`INFO_SHEET`: description and the synthetic flag."""
    rows = [
        ("synthetisch", "ja" if dataset.synthetic else "nee"),
        ("beschrijving", dataset.description),
    ]
    if dataset.synthetic:
        rows.insert(0, ("let op", SYNTHETIC_WARNING))
    return rows
