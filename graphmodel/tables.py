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
from verbinder.graphmodel.roster import FREQUENCIES, KINDS, SCORE_KEYS
from verbinder.graphmodel.survey import PARTNERS, RELATIONS, ROLES, SCOPES, SHARE_WORDS, VISIONS

__all__ = [
    "INFO_SHEET",
    "LIST_SEPARATOR",
    "RECORD_SHEETS",
    "REQUIRED_SHEETS",
    "ROSTER_COLUMNS",
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

ROSTER_COLUMNS: tuple[Column, ...] = (
    _c("verband", "text", "Id van het verband.", required=True),
    _c("organisatie", "text", "Id van de organisatie die antwoordde.", required=True),
    _c("ontvangen", "date", "Dag waarop het formulier werd ingelezen.", required=True),
    _c("over", "text", "Id van een organisatie op haar lijst (leeg: een toegevoegde)."),
    _c("contact", "bool", "Contact in de laatste 12 maanden: ja of nee."),
    _c("soorten", "list", "Soorten relatie, gescheiden door ;: " + ", ".join(KINDS) + "."),
    _c("frequentie", "text", " / ".join(FREQUENCIES) + "."),
    *(_c(header, "score", "Score van 1 tot 4.") for header in SCORE_KEYS),
    _c("wens", "bool", "Graag (meer) samenwerken: ja of nee."),
    _c("waarom", "text", "Waarom (meer) samenwerken."),
    _c("toegevoegd", "text", "Een organisatie die op de lijst ontbrak (met 'over' leeg)."),
)
"""The network survey (the sheet ``netwerkbevraging``): per response one row per organisation
on its list, answered or not (so that the list is kept), and one per added organisation."""


class _Sheets(Mapping[str, tuple[Column, ...]]):
    """The sheets and their columns, read from the model's field descriptions on each use."""

    def __getitem__(self, sheet: str) -> tuple[Column, ...]:
        if sheet == "bevraging":
            return SURVEY_COLUMNS
        if sheet == "netwerkbevraging":
            return ROSTER_COLUMNS
        if sheet == "lidmaatschappen":
            return (_MEMBER, *sheet_columns(nested(model.RECORDS["actors"])["memberships"]))
        return sheet_columns(model.RECORDS[RECORD_SHEETS[sheet]])

    def __iter__(self) -> Iterator[str]:
        yield from ("actoren", "lidmaatschappen", "relaties", "verbanden", "evenementen")
        yield from ("deelnames", "bevraging", "netwerkbevraging")

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
    frames["netwerkbevraging"] = _roster_rows(dataset)
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


def _yes(value: bool | None) -> str | None:
    return None if value is None else "ja" if value else "nee"


def _roster_rows(dataset: Dataset) -> list[dict[str, object]]:
    rows = []
    empty = dict.fromkeys(c.header for c in ROSTER_COLUMNS)  # no NaN in an unanswered row
    for response in dataset.roster_responses:
        first = {
            **empty,
            "verband": response.verband_id,
            "organisatie": response.respondent,
            "ontvangen": response.received,
        }
        for other in response.roster:
            stated = response.about(other)
            row = {**first, "over": other}
            if stated is not None:
                scores = dict(zip(SCORE_KEYS, stated.trust + stated.value, strict=True))
                row |= {
                    "contact": _yes(stated.contact),
                    "soorten": LIST_SEPARATOR.join(stated.kinds) or None,
                    "frequentie": stated.frequency,
                    **scores,
                    "wens": _yes(stated.wished),
                    "waarom": stated.reason,
                }
            rows.append(row)
        rows += [{**first, "toegevoegd": name} for name in response.added]
    return rows


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
