"""Inhabitants per Flemish municipality on 1 January of a year, from Statbel's population file.

Statbel publishes the population on 1 January each year as open data: "Bevolking naar
woonplaats, nationaliteit, burgerlijke staat, leeftijd en geslacht" (files
``TF_SOC_POP_STRUCT_<jaar>``, one row per municipality, sex, nationality, marital status and
age). Verbinder reads the text version (``.txt``, separated by ``|``; also ``;``, ``,`` or tab)
and uses these columns, whatever their order:

- ``CD_REFNIS`` (in older files ``CD_MUNTY_REFNIS``): the municipality's NIS code;
- ``MS_POPULATION``: the number of inhabitants in the row's group (a whole number);
- ``CD_RGN_REFNIS`` (optional): the region; rows outside the Flemish Region (02000) are not
  used, and the report says how many;
- ``CD_YEAR`` (optional): the year; without it the year comes from the file name
  (``TF_SOC_POP_STRUCT_2020.txt``) or from the caller.

The other columns (names, sex, age, ...) are not read. Rows are summed per NIS code. A NIS code
of a Flemish municipality that did not exist on 1 January of the year, or a population that is
not a whole number, is a located error, and nothing is used.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from verbinder.graphmodel.formatting import count
from verbinder.graphmodel.municipalities import FLEMISH_REGION, flemish_on
from verbinder.loaders.limits import LimitError, check_file
from verbinder.loaders.problems import INFO, LoadError, Problem, ValidationReport
from verbinder.loaders.tabular import TableReadError, decode_csv, delimiter_of

__all__ = ["Population", "load_population"]

CODE_COLUMNS = ("CD_REFNIS", "CD_MUNTY_REFNIS")
COUNT_COLUMN = "MS_POPULATION"
REGION_COLUMN = "CD_RGN_REFNIS"
YEAR_COLUMN = "CD_YEAR"


@dataclass(frozen=True)
class Population:
    """Inhabitants per Flemish municipality (NIS code as it was then) on 1 January of
    ``year``; ``file`` names the source."""

    year: int
    by_nis: dict[str, int]
    file: str
    report: ValidationReport


class _Columns:
    """Where the used columns are in the header; a file-level error when one is missing."""

    def __init__(self, header: list[str], file: str) -> None:
        names = [h.strip().upper() for h in header]
        code = next((c for c in CODE_COLUMNS if c in names), None)
        missing = [n for n in (code or CODE_COLUMNS[0], COUNT_COLUMN) if n not in names]
        if missing:
            raise TableReadError(
                Problem(
                    file,
                    f"de kolom {' en '.join(missing)} ontbreekt: is dit Statbels bestand "
                    "'Bevolking naar woonplaats, nationaliteit, burgerlijke staat, leeftijd en "
                    "geslacht' (TF_SOC_POP_STRUCT) als tekstbestand?",
                )
            )
        self.code = names.index(code)
        self.count = names.index(COUNT_COLUMN)
        self.region = names.index(REGION_COLUMN) if REGION_COLUMN in names else None
        self.year = names.index(YEAR_COLUMN) if YEAR_COLUMN in names else None
        self.header = header


def _records(path: Path) -> tuple[list[str], csv.reader]:
    check_file(path)
    if path.suffix.lower() == ".xlsx":
        raise TableReadError(
            Problem(
                path.name,
                "lees de tekstversie (.txt) van het Statbel-bestand in: de Excel-versie is voor "
                "deze omvang te traag om te lezen",
            )
        )
    text, _ = decode_csv(path.read_bytes(), path.name)
    delimiter = delimiter_of(text, ("|", ";", ",", "\t"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return next(reader, []), reader


def _year(path: Path, year: int | None, years: set[str]) -> int:
    if year is not None:
        return year
    if len(years) == 1:
        (only,) = years
        if only.strip().isdigit():
            return int(only)
    named = re.findall(r"(?<!\d)(\d{4})(?!\d)", path.stem)
    if not years and len(named) == 1:
        return int(named[0])
    raise TableReadError(
        Problem(
            path.name,
            "uit het bestand blijkt niet van welk jaar het is: zet het jaar in de bestandsnaam, "
            "zoals Statbel doet (TF_SOC_POP_STRUCT_2020.txt)",
        )
    )


def load_population(path: str | Path, year: int | None = None) -> Population:
    """Inhabitants per Flemish municipality on 1 January of ``year`` (default: the file's).

    Raises :class:`loaders.LoadError` with every located problem when any is an error.
    """
    path = Path(path)
    report = ValidationReport(str(path))
    try:
        header, reader = _records(path)
        columns = _Columns(header, path.name)
        rows = [(n, r) for n, r in enumerate(reader, 2) if any(c.strip() for c in r)]
        years = set() if columns.year is None else {_cell(r, columns.year) for _, r in rows}
        year = _year(path, year, years)
    except (TableReadError, LimitError) as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    except csv.Error as exc:
        report.add(Problem(path.name, "dit tekstbestand is onleesbaar (een open aanhalingsteken)"))
        raise LoadError(report) from exc
    by_nis = _sum(rows, columns, year, path.name, report)
    if not report.ok:
        raise LoadError(report)
    return Population(year, by_nis, path.name, report)


def _cell(record: list[str], position: int) -> str:
    return record[position].strip() if position < len(record) else ""


def _skipped(record: list[str], columns: _Columns, year: int, known: dict) -> str | None:
    """Why a row is not used (another year, outside Flanders), or None."""
    if columns.year is not None and _cell(record, columns.year) != str(year):
        return "van een ander jaar"
    code = _cell(record, columns.code).zfill(5)
    if columns.region is not None:
        flemish = _cell(record, columns.region).zfill(5) == FLEMISH_REGION
    else:
        flemish = code in known or _flemish_looking(code)
    return None if flemish else "buiten het Vlaams Gewest"


def _error(code: str, value: str, known: dict, year: int, columns: _Columns):
    """The column position and message of what is wrong in a Flemish row, or None."""
    if code not in known:
        return columns.code, f"NIS-code {code} is geen Vlaamse gemeente op 1 januari {year}"
    if not value.isdigit():
        return columns.count, f"'{value}' is geen aantal inwoners (een geheel getal)"
    return None


def _sum(rows, columns: _Columns, year: int, file: str, report: ValidationReport) -> dict:
    known = flemish_on(date(year, 1, 1))
    by_nis: dict[str, int] = {}
    skipped: Counter[str] = Counter()
    for number, record in rows:
        if reason := _skipped(record, columns, year, known):
            skipped[reason] += 1
            continue
        code = _cell(record, columns.code).zfill(5)
        value = _cell(record, columns.count)
        if error := _error(code, value, known, year, columns):
            position, message = error
            header = f"'{columns.header[position].strip()}'"
            report.add(Problem(file, message, row=number, column=header))
            continue
        by_nis[code] = by_nis.get(code, 0) + int(value)
    for reason, n in skipped.items():
        what = f"{count(n)} {'rij' if n == 1 else 'rijen'} {reason} niet gebruikt"
        report.add(Problem(file, what, level=INFO))
    return by_nis


def _flemish_looking(code: str) -> bool:
    """A NIS code in a Flemish province (Antwerpen 1, Vlaams-Brabant 23/24, West- and
    Oost-Vlaanderen 3 and 4, Limburg 7)."""
    return code.startswith(("1", "23", "24", "3", "4", "7"))
