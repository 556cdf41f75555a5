"""Load a Verbinder JSON export through the same checks as a workbook.

The JSON lists become the workbook's sheets (``actors`` -> actoren, memberships ->
lidmaatschappen, ``ties`` -> relaties, ...), so every value passes the same parsers and
reference checks. Locations name the JSON list and the position in it: ``blad 'actors',
rij 3`` is the third actor.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
from verbinder.graphmodel.fields import header_fields, nested
from verbinder.graphmodel.jsoncodec import FORMAT, VERSION, roster_from_dict
from verbinder.graphmodel.model import RECORDS, SourceFile, Verband
from verbinder.graphmodel.roster import response_problem
from verbinder.graphmodel.survey import PARTNERS, RELATIONS, ROLES, SHARE_WORDS
from verbinder.graphmodel.tables import INFO_SHEET, LIST_SEPARATOR, RECORD_SHEETS, SURVEY_COLUMNS
from verbinder.loaders.builder import build_dataset
from verbinder.loaders.limits import LimitError, check_file
from verbinder.loaders.problems import LoadError, Problem, ValidationReport
from verbinder.loaders.tabular import RawTable
from verbinder.loaders.workbook import LoadResult, sort_problems

__all__ = ["load_json_dataset"]


def _lists() -> list[tuple[str, str, dict[str, str]]]:
    """(JSON list, sheet, {column header: JSON key}) of each kind of record."""
    return [(key, sheet, header_fields(RECORDS[key])) for sheet, key in RECORD_SHEETS.items()]


def _membership_columns() -> dict[str, str | None]:
    """``{column header: JSON key}`` of the sheet lidmaatschappen; the actor is the owner."""
    return {"actor": None, **header_fields(nested(RECORDS["actors"])["memberships"])}


class _ShapeError(ValueError):
    """The JSON is not shaped as a Verbinder export; the message is Dutch."""


def _cell(value: object, where: str) -> object:
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise _ShapeError(f"{where}: een lijst mag enkel tekst bevatten")
        return LIST_SEPARATOR.join(value) if value else None
    if isinstance(value, dict):
        raise _ShapeError(f"{where}: verwacht een waarde, geen object")
    if isinstance(value, bool):
        return str(value)
    return value


def _table(file: str, sheet: str, headers: list[str], rows: list[list[object]]) -> RawTable:
    cells = pd.DataFrame(
        rows, index=range(1, len(rows) + 1), columns=range(len(headers)), dtype=object
    )
    return RawTable(file, sheet, 0, headers, [None] * len(headers), cells)


def _records(data: dict, key: str) -> list[dict]:
    records = data.get(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise _ShapeError(f"'{key}' moet een lijst van objecten zijn")
    return records


def _tables(data: dict, file: str) -> dict[str, RawTable]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _ShapeError(f"dit JSON-bestand is geen export van Verbinder (format {FORMAT})")
    if data.get("version") != VERSION:
        raise _ShapeError(
            f"onbekende versie {data.get('version')!r}; deze Verbinder leest versie {VERSION}"
        )
    tables = {}
    for key, sheet, columns in _lists():
        rows = [
            [_cell(r.get(k), f"{key}[{i}].{k}") for k in columns.values()]
            for i, r in enumerate(_records(data, key), start=1)
        ]
        tables[sheet] = _table(file, key, list(columns), rows)
    membership = _membership_columns()
    memberships = []
    for i, actor in enumerate(_records(data, "actors"), start=1):
        listed = actor.get("memberships", [])
        if not isinstance(listed, list) or not all(isinstance(m, dict) for m in listed):
            raise _ShapeError(f"actors[{i}].memberships moet een lijst van objecten zijn")
        for m in listed:
            memberships.append(
                [_cell(actor.get("id"), f"actors[{i}].id")]
                + [
                    _cell(m.get(k), f"actors[{i}].memberships.{k}")
                    for k in list(membership.values())[1:]
                ]
            )
    tables["lidmaatschappen"] = _table(file, "memberships", list(membership), memberships)
    info = [
        [
            "synthetisch",
            "ja"
            if data.get("synthetic") is True
            else "nee"
            if data.get("synthetic") is False
            else _cell(data.get("synthetic"), "synthetic"),
        ],
        ["beschrijving", _cell(data.get("description"), "description")],
    ]
    tables[INFO_SHEET] = _table(file, "info", ["sleutel", "waarde"], info)
    tables["bevraging"] = _survey_table(data, file)
    return tables


def _survey_table(data: dict, file: str) -> RawTable:
    """The JSON ``surveys`` as the rows of the ``bevraging`` sheet (levels as 0-3)."""
    rows = []
    for i, answer in enumerate(_records(data, "surveys"), start=1):
        parts = {}
        for part in ("engagement", "relations", "roles"):
            value = answer.get(part, {})
            if not isinstance(value, dict):
                raise _ShapeError(f"surveys[{i}].{part} moet een object zijn")
            parts[part] = value
        relations = [
            SHARE_WORDS[v] if isinstance(v, int) and 0 <= v < len(SHARE_WORDS) else v
            for v in (parts["relations"].get(k) for k in RELATIONS)
        ]
        rows.append(
            [
                _cell(answer.get("verband_id"), f"surveys[{i}].verband_id"),
                _cell(answer.get("answered"), f"surveys[{i}].answered"),
            ]
            + [_cell(parts["engagement"].get(k), f"surveys[{i}].engagement.{k}") for k in PARTNERS]
            + [_cell(v, f"surveys[{i}].relations") for v in relations]
            + [_cell(parts["roles"].get(k), f"surveys[{i}].roles.{k}") for k in ROLES]
            + [
                _cell(answer.get("scope"), f"surveys[{i}].scope"),
                _cell(answer.get("vision"), f"surveys[{i}].vision"),
            ]
        )
    return _table(file, "surveys", [c.header for c in SURVEY_COLUMNS], rows)


def _roster(data: dict, file: str, dataset, report: ValidationReport) -> tuple:
    """The network survey's responses of the JSON (``roster_responses``), each checked to be of
    a verband and an organisation of the dataset."""
    responses: list = []
    for i, record in enumerate(data.get("roster_responses") or (), start=1):
        where = f"roster_responses[{i}]"
        try:
            response = roster_from_dict(record)
        except (KeyError, TypeError, ValueError, AttributeError):
            report.add(Problem(file, f"{where}: geen antwoord van de netwerkbevraging"))
            continue
        if response.verband_id not in dataset.verband_by_id:
            report.add(Problem(file, f"{where}: verband '{response.verband_id}' bestaat niet"))
        elif unknown := [
            a for a in (response.respondent, *response.roster) if a not in dataset.actor_by_id
        ]:
            report.add(Problem(file, f"{where}: organisatie '{unknown[0]}' bestaat niet"))
        elif response.id in {r.id for r in responses}:
            report.add(Problem(file, f"{where}: een tweede antwoord van '{response.respondent}'"))
        elif problem := response_problem(response):
            report.add(Problem(file, f"{where}: {problem}"))
        else:
            responses.append(response)
    return tuple(responses)


def load_json_dataset(
    path: str | Path, *, name: str, reference: tuple[Verband, ...] | None = None
) -> LoadResult:
    """Read a ``verbinder-dataset`` JSON file into dataset ``name``; raises LoadError."""
    path = Path(path)
    report = ValidationReport(str(path))
    try:
        check_file(path)
    except LimitError as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    data = path.read_bytes()
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
        tables = _tables(parsed, path.name)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        report.add(Problem(path.name, "dit is geen geldig JSON-bestand (UTF-8)"))
        raise LoadError(report) from exc
    except RecursionError as exc:  # Python's json parser recurses once per nesting level
        report.add(
            Problem(
                path.name,
                "dit JSON-bestand is te diep genest (lijsten of objecten in elkaar, honderden "
                "lagen diep); een Verbinder-dataset is maar enkele lagen diep",
            )
        )
        raise LoadError(report) from exc
    except _ShapeError as exc:
        report.add(Problem(path.name, str(exc)))
        raise LoadError(report) from exc
    dataset = build_dataset(tables, report, path.name, name, reference)
    dataset = dataset.replace(roster_responses=_roster(parsed, path.name, dataset, report))
    sort_problems(report, [t.sheet for t in tables.values()])
    if not report.ok:
        raise LoadError(report)
    source = SourceFile(str(path), hashlib.sha256(data).hexdigest())
    return LoadResult(dataset.replace(sources=(source,)), report, (source,))
