"""Read the raw tables of a workbook or a CSV folder, keeping the row numbers the user sees.

A raw table is a :class:`RawTable`: a pandas DataFrame of untouched cell values (object
dtype) indexed by spreadsheet row number, with the header row and column letters beside it.
Fully empty rows and empty, headerless columns (Excel's trailing blanks) are left out; nothing
else is.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from verbinder.graphmodel.cells import EXCEL_ERRORS, ExcelError, unescape_formula
from verbinder.graphmodel.formatting import count
from verbinder.loaders.limits import LimitError, check_file, current_limits
from verbinder.loaders.parsing import is_empty
from verbinder.loaders.problems import Problem
from verbinder.loaders.xml_parts import damaged_part, sheet_of_part

csv.field_size_limit(10_000_000)

__all__ = [
    "RawTable",
    "TableReadError",
    "decode_csv",
    "delimiter_of",
    "read_csv_table",
    "read_xlsx_tables",
]


class TableReadError(Exception):
    """A file that cannot be read as a table at all; carries one located :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class RawTable:
    """The cells of one sheet below its header row, indexed by spreadsheet row number."""

    file: str
    sheet: str
    header_row: int
    headers: list[str]
    letters: list[str | None]
    cells: pd.DataFrame
    hidden: bool = False
    merged_header: list[str] = field(default_factory=list)
    """Merged cell ranges (``B1:C1``) that include the header row: their columns lose a name."""

    def column_label(self, position: int) -> str:
        """'type' or, in a workbook, 'type' (C): how a column is named in messages."""
        letter = self.letters[position]
        name = f"'{self.headers[position]}'"
        return f"{name} ({letter})" if letter else name


def _table(
    file: str, sheet: str, rows: list[tuple[int, list[object]]], with_letters: bool
) -> RawTable:
    rows = [(n, cells) for n, cells in rows if not all(is_empty(c) for c in cells)]
    if not rows:
        return RawTable(file, sheet, 1, [], [], pd.DataFrame(dtype=object))
    header_row, header_cells = rows[0]
    body = rows[1:]
    width = max([len(header_cells)] + [len(cells) for _, cells in body])
    keep = [
        i
        for i in range(width)
        if not is_empty(header_cells[i] if i < len(header_cells) else None)
        or any(i < len(cells) and not is_empty(cells[i]) for _, cells in body)
    ]
    headers = [
        "" if i >= len(header_cells) or header_cells[i] is None else str(header_cells[i]).strip()
        for i in keep
    ]
    letters = [get_column_letter(i + 1) if with_letters else None for i in keep]
    data = [[cells[i] if i < len(cells) else None for i in keep] for _, cells in body]
    frame = pd.DataFrame(data, index=[n for n, _ in body], columns=range(len(keep)), dtype=object)
    return RawTable(file, sheet, header_row, headers, letters, frame)


def _xlsx_value(cell: object) -> object:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "e" and value is not None:
        return ExcelError(value)
    return value


def _checked(path: Path) -> None:
    try:
        check_file(path)
    except LimitError as exc:
        raise TableReadError(exc.problem) from exc


def _too_many_rows(path: Path, sheet: str, limit: int) -> TableReadError:
    dutch = count(limit)
    return TableReadError(
        Problem(
            path.name,
            f"dit blad heeft meer dan {dutch} rijen met gegevens; Verbinder leest tot {dutch} "
            "rijen per blad (VERBINDER_MAX_RIJEN verhoogt die grens)",
            sheet=sheet,
        )
    )


def _sheet_rows(path: Path, sheet, limit: int) -> list[tuple[int, list[object]]]:
    rows, filled = [], 0
    for n, cells in enumerate(sheet.iter_rows(min_row=1), 1):
        values = [_xlsx_value(cell) for cell in cells]
        if not all(is_empty(v) for v in values):
            filled += 1
            if filled > limit + 1:  # the header row does not count
                raise _too_many_rows(path, sheet.title, limit)
            rows.append((n, values))
    return rows


def _readable_rows(path: Path, sheet, limit: int) -> list[tuple[int, list[object]]]:
    """:func:`_sheet_rows`, with a sheet whose XML cannot be parsed (damaged, or refused by
    ``defusedxml``) as a located problem: read-only openpyxl parses a sheet only here."""
    try:
        with warnings.catch_warnings():
            # openpyxl warns in English about styles and data validation it cannot read;
            # none of that changes a cell value.
            warnings.simplefilter("ignore")
            return _sheet_rows(path, sheet, limit)
    except TableReadError:
        raise
    except Exception as exc:  # the XML parser and openpyxl raise many types
        raise TableReadError(
            Problem(
                path.name,
                f"dit blad kan niet gelezen worden: de inhoud is beschadigd "
                f"({type(exc).__name__}); bewaar de werkmap opnieuw vanuit Excel",
                sheet=sheet.title,
            )
        ) from exc


_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+(\d+)):([A-Z]+(\d+))"')


def _merged_ranges(path: Path, sheet) -> list[tuple[str, int, int]]:
    """Merged ranges of a sheet as (``B1:C1``, first row, last row), read from its XML in
    chunks (the ``mergeCells`` element follows the cell data); [] when the sheet's part in
    the archive is unknown."""
    member = getattr(sheet, "_worksheet_path", None)
    if not member:
        return []
    found, tail = [], b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as part:
            while chunk := part.read(1 << 20):
                text = tail + chunk
                end = text.rfind(b">") + 1
                for match in _MERGE_CELL.finditer(text, 0, end):
                    first, last = int(match[2]), int(match[4])
                    found.append((f"{match[1].decode()}:{match[3].decode()}", first, last))
                tail = text[end:]
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return []  # openpyxl read the sheet; only the explanation of merged headers is lost
    return found


def _unreadable(path: Path, exc: Exception) -> TableReadError:
    """The problem of a workbook openpyxl could not open, with the damaged part (and its
    sheet) when one part's XML does not parse."""
    message = (
        f"dit bestand kan niet als Excel-werkmap (.xlsx) gelezen worden ({type(exc).__name__})"
    )
    try:
        with zipfile.ZipFile(path) as archive:
            part = damaged_part(archive)
            sheet = part and sheet_of_part(archive, part)
    except (zipfile.BadZipFile, OSError):
        part = sheet = None
    if part:
        message = (
            f"het onderdeel '{part}' van deze werkmap is beschadigd ({type(exc).__name__}); "
            "bewaar de werkmap opnieuw vanuit Excel"
        )
    return TableReadError(Problem(path.name, message, sheet=sheet or None))


def read_xlsx_tables(path: Path) -> dict[str, RawTable]:
    """Every worksheet of an ``.xlsx`` (or ``.xlsm``) file, keyed by its name in lower case.

    Formulas give the value Excel computed and saved with the file; macros are never run.
    The file passes :func:`loaders.limits.check_file` first.
    """
    _checked(path)
    limit = current_limits().rows
    try:
        with warnings.catch_warnings():
            # openpyxl warns in English about styles and data validation it cannot read;
            # none of that changes a cell value.
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is no workbook
        raise _unreadable(path, exc) from exc
    try:
        tables = {}
        for sheet in workbook.worksheets:
            rows = _readable_rows(path, sheet, limit)
            table = _table(path.name, sheet.title, rows, True)
            table.hidden = sheet.sheet_state != "visible"
            table.merged_header = [
                ref
                for ref, first, last in _merged_ranges(path, sheet)
                if first <= table.header_row <= last
            ]
            tables[sheet.title.strip().lower()] = table
        return tables
    finally:
        workbook.close()


def decode_csv(data: bytes, file: str) -> tuple[str, str]:
    """Text and encoding name of CSV bytes: UTF-8 (with or without BOM), UTF-16 or cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise TableReadError(
                Problem(
                    file,
                    "dit bestand begint als UTF-16 maar bevat ongeldige tekens vanaf byte "
                    f"{exc.start}; bewaar het opnieuw als CSV UTF-8",
                )
            ) from exc
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise TableReadError(
            Problem(file, "de tekenset van dit bestand is onbekend; bewaar het als CSV UTF-8")
        ) from exc


def delimiter_of(text: str, candidates: tuple[str, ...] = (";", ",", "\t")) -> str:
    """The separator of CSV text: the candidate that occurs most in its first line (the
    first candidate when none does)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in candidates}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else candidates[0]


def read_csv_table(path: Path, sheet: str) -> tuple[RawTable, str, str]:
    """One CSV file as a raw table, with the encoding and separator that were detected.

    Separators ``;``, ``,`` and tab are recognised from the header line. Row numbers count
    records, as Excel shows them when it opens the file.
    """
    _checked(path)
    text, encoding = decode_csv(path.read_bytes(), path.name)
    delimiter = delimiter_of(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise TableReadError(
            Problem(
                path.name,
                f"dit CSV-bestand is onleesbaar vanaf regel {reader.line_num} "
                "(een aanhalingsteken dat niet sluit of een veld van meer dan 10 miljoen "
                "tekens)",
            )
        ) from exc
    limit = current_limits().rows
    if sum(1 for record in records if any(cell.strip() for cell in record)) > limit + 1:
        raise _too_many_rows(path, sheet, limit)
    # Comment lines before the header ("# SYNTHETISCHE DEMODATA ..." in our own exports) are
    # not data.
    for record in records:
        if record and record[0].startswith("#"):
            record.clear()
        elif any(cell.strip() for cell in record):
            break
    # A leading apostrophe that protects a formula-like cell (see escape_formula) is dropped;
    # an Excel error code in a CSV is what Excel writes for a cell whose formula failed.
    rows = [
        (n, [ExcelError(c) if c in EXCEL_ERRORS else unescape_formula(c) for c in cells])
        for n, cells in enumerate(records, 1)
    ]
    return _table(path.name, sheet, rows, False), encoding, delimiter
