"""The regie survey as a workbook: the offline form, and the loader for a batch of answers.

One sheet ``bevraging`` with one row per verband; the form is that sheet with dropdowns and
one row to fill in, plus a sheet ``uitleg`` with the questions as the 2018 instrument asks
them (ignored when reading). The loader checks every cell like the workbook loader does and
reports each problem with its sheet, row and column; it returns nothing when there is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from verbinder.graphmodel.survey import (
    PARTNERS,
    RELATIONS,
    ROLES,
    SCOPES,
    SHARE_WORDS,
    VISIONS,
    SurveyAnswer,
    roles_problem,
)
from verbinder.graphmodel.tables import SURVEY_COLUMNS
from verbinder.graphmodel.types import Engagement
from verbinder.loaders.parsing import parse_text
from verbinder.loaders.problems import LoadError, Problem, ValidationReport
from verbinder.loaders.sheets import Row, SheetReader
from verbinder.loaders.tabular import TableReadError, read_csv_table, read_xlsx_tables

__all__ = ["SURVEY_COLUMNS", "load_survey_answers", "survey_rows", "write_survey_form"]

SHEET = "bevraging"


def write_survey_form(path: str | Path, verband_ids: list[str] | None = None) -> Path:
    """The offline form: the ``bevraging`` sheet with dropdowns and a row per given verband
    (one empty row without), and the questions on ``uitleg``."""
    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([c.header for c in SURVEY_COLUMNS])
    for verband in verband_ids or [""]:
        sheet.append([verband] + [None] * (len(SURVEY_COLUMNS) - 1))
    last = max(2, len(verband_ids or [""]) + 1) + 200
    lists = {
        "engagement": ",".join(e.label for e in Engagement),
        "share": ",".join(SHARE_WORDS),
        "scope": ",".join(SCOPES),
        "vision": ",".join(VISIONS),
    }
    for index, column in enumerate(SURVEY_COLUMNS, start=1):
        letter = sheet.cell(1, index).column_letter
        kind = (
            "engagement"
            if column.kind == "engagement"
            else "share"
            if column.header.startswith("besturen_")
            else "scope"
            if column.header == "reikwijdte"
            else "vision"
            if column.header == "beleidsvisie"
            else None
        )
        if kind:
            check = DataValidation(type="list", formula1=f'"{lists[kind]}"', allow_blank=True)
            sheet.add_data_validation(check)
            check.add(f"{letter}2:{letter}{last}")
        sheet.column_dimensions[letter].width = max(12, len(column.header) + 2)
    help_sheet = book.create_sheet("uitleg")
    help_sheet.append(["kolom", "vraag en antwoorden"])
    for column in SURVEY_COLUMNS:
        help_sheet.append([column.header, column.help])
    book.save(path)
    return path


def _choice(row, header: str, options: tuple[str, ...]) -> str | None:
    value = row.get(header)
    if value is None:
        return None
    word = parse_text(value).lower()
    if word not in options:
        row.error(header, f"'{value}' is geen keuze; kies {', '.join(options)}")
        return None
    return word


def survey_rows(reader: SheetReader) -> Iterator[tuple[SurveyAnswer, Row]]:
    """The valid answers of a ``bevraging`` sheet with their rows; every problem is reported
    where it is (a row with a problem yields nothing)."""
    seen: dict[str, int] = {}
    for row in reader.rows():
        verband = row.get("verband")
        answered = row.get("datum")
        engagement = {key: row.get(f"rol_{key}") for key in PARTNERS}
        relations = {key: _choice(row, f"besturen_{key}", SHARE_WORDS) for key in RELATIONS}
        roles = {key: row.get(f"tijd_{key}") for key in ROLES}
        scope = _choice(row, "reikwijdte", tuple(SCOPES))
        vision = _choice(row, "beleidsvisie", tuple(VISIONS))
        if verband in seen:
            row.error("verband", f"'{verband}' werd al beantwoord op rij {seen[verband]}")
        elif verband is not None:
            seen[verband] = row.number
        if all(v is not None for v in roles.values()) and (problem := roles_problem(roles)):
            row.error(None, problem)
        if row.ok:
            answer = SurveyAnswer(
                str(verband),
                answered,
                engagement,
                {k: SHARE_WORDS.index(v) for k, v in relations.items()},
                roles,
                scope,
                vision,
            )
            yield answer, row


def load_survey_answers(path: str | Path) -> tuple[list[SurveyAnswer], ValidationReport]:
    """The answers in a survey workbook (.xlsx) or CSV file, one per verband.

    Raises :class:`loaders.LoadError` with every located problem; nothing is returned then.
    """
    path = Path(path)
    report = ValidationReport(str(path))
    try:
        if path.suffix.lower() == ".csv":
            table = read_csv_table(path, SHEET)[0]
        else:
            table = read_xlsx_tables(path).get(SHEET)
    except TableReadError as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    if table is None:
        report.add(Problem(path.name, f"het blad '{SHEET}' ontbreekt"))
        raise LoadError(report)
    reader = SheetReader(table, SURVEY_COLUMNS, report)
    answers = [answer for answer, _ in survey_rows(reader)]
    if not report.ok:
        raise LoadError(report)
    return answers, report
