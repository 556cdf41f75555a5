"""Export a dataset to a workbook (.xlsx), a folder of CSV files, GraphML or JSON.

Workbook and CSV exports use the import format, so an export imports again unchanged.
Personal data (contact person, e-mail) stays out unless ``include_personal`` is set.
In CSV files a text that starts like a formula (= + - @, tab, CR) gets a leading apostrophe, which
the CSV loader removes again; in workbooks such text is stored as text. Excel's limits apply to
.xlsx: 15 significant digits per number and 32,767 characters per cell (a longer text is
refused, not cut).
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from verbinder.graphmodel.cells import EXCEL_ERRORS, escape_formula
from verbinder.graphmodel.formatting import error_reason
from verbinder.graphmodel.jsoncodec import dataset_to_dict
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.tables import INFO_SHEET, SYNTHETIC_WARNING, dataset_to_frames, info_rows
from verbinder.graphmodel.views import to_multidigraph
from verbinder.queries.catalogue import explanation
from verbinder.queries.permissions import require

__all__ = [
    "EXPLANATION_SHEET",
    "EXPORT_FORMATS",
    "RESULT_SHEET",
    "export_dataset",
    "export_table",
    "export_tables",
    "table_bytes",
]

RESULT_SHEET = "resultaat"
EXPLANATION_SHEET = "uitleg"
MEASURE = "maat"
"""A column (or index) that lists measures by their catalogue id: each is explained too."""
"""The sheet that explains every column of an exported query result."""

EXPORT_FORMATS = {
    ".xlsx": "Excel-werkmap in het importformaat",
    "map": "een map met CSV-bestanden (';', UTF-8 met BOM, decimale komma)",
    ".graphml": "GraphML voor Gephi, yEd of networkx",
    ".json": "volledige dataset als JSON",
}


def _sheets(dataset: Dataset, include_personal: bool) -> dict[str, list[list[object]]]:
    sheets: dict[str, list[list[object]]] = {
        INFO_SHEET: [["sleutel", "waarde"], *[[k, v] for k, v in info_rows(dataset)]]
    }
    for name, frame in dataset_to_frames(dataset, include_personal=include_personal).items():
        sheets[name] = [list(frame.columns), *frame.itertuples(index=False, name=None)]
    return sheets


EXCEL_TEXT_LIMIT = 32_767
"""The most characters Excel keeps in one cell."""


def _check_xlsx_text(sheet: str, row: int, value: str) -> None:
    if len(value) > EXCEL_TEXT_LIMIT:
        raise ValueError(
            f"blad {sheet}, rij {row}: een tekst van {len(value)} tekens past niet in een "
            f"Excel-cel (max. {EXCEL_TEXT_LIMIT}); exporteer naar CSV of JSON"
        )
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise ValueError(
            f"blad {sheet}, rij {row}: de tekst bevat een stuurteken dat Excel niet kan "
            "bewaren; exporteer naar CSV of JSON"
        )


def _write_xlsx(sheets: dict[str, list[list[object]]], path: Path) -> None:
    # Refuse text Excel cannot hold, and open the target, before the write-only workbook
    # starts: its sheets stream rows to temporary files that only a save closes.
    for name, rows in sheets.items():
        for index, row in enumerate(rows):
            for value in row:
                if isinstance(value, str):
                    _check_xlsx_text(name, index + 1, value)
    with path.open("wb") as handle:
        workbook = Workbook(write_only=True)
        bold = Font(bold=True)
        for name, rows in sheets.items():
            worksheet = workbook.create_sheet(name)
            for index, row in enumerate(rows):
                cells = []
                for value in row:
                    cell = WriteOnlyCell(worksheet, value=value)
                    if isinstance(value, str) and (value.startswith("=") or value in EXCEL_ERRORS):
                        cell.data_type = "s"  # text, never a formula or an error value
                    elif isinstance(value, date):
                        cell.number_format = "DD/MM/YYYY"
                    if index == 0:
                        cell.font = bold
                    cells.append(cell)
                worksheet.append(cells)
        workbook.save(handle)


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return escape_formula(value)
    return str(value)


def _write_csv_folder(sheets: dict[str, list[list[object]]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        _write_csv_table(rows, folder / f"{name}.csv", [])


def _write_graphml(dataset: Dataset, path: Path) -> None:
    graph = to_multidigraph(dataset)
    for _, data in graph.nodes(data=True):
        data["verbanden"] = ";".join(data["verbanden"])
        data["engagement"] = json.dumps(data["engagement"])
        data["municipality"] = data["municipality"] or ""
    graph.graph["synthetic"] = dataset.synthetic
    nx.write_graphml(graph, path)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValueError(
            f"de map {folder} kan niet aangemaakt worden ({error_reason(exc)})"
        ) from exc


def export_dataset(dataset: Dataset, target: str | Path, *, include_personal: bool = False) -> Path:
    """Write ``dataset`` to ``target``; the format follows from the extension.

    ``.xlsx``, ``.graphml`` and ``.json`` give one file; a path without extension gives a
    folder of CSV files. A synthetic dataset says so in its ``info`` sheet, GraphML graph
    attribute or JSON field.
    """
    require(dataset, detail=True)
    target = Path(target)
    suffix = target.suffix.lower()
    _make_folder(target.parent)
    if suffix == ".json":
        data = dataset_to_dict(dataset, include_personal=include_personal)
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix == ".graphml":
        _write_graphml(dataset, target)
    elif suffix == ".xlsx":
        _write_xlsx(_sheets(dataset, include_personal), target)
    elif suffix == "":
        _write_csv_folder(_sheets(dataset, include_personal), target)
    else:
        raise ValueError(
            f"onbekend exportformaat '{suffix}': kies .xlsx, .graphml, .json of "
            "een mapnaam zonder extensie (CSV)"
        )
    return target


def _table_rows(frame: pd.DataFrame) -> list[list[object]]:
    if frame.index.name is not None:
        frame = frame.reset_index()
    rows = [
        list(frame.columns),
        *(
            [None if isinstance(v, float) and v != v else v for v in row]
            for row in frame.itertuples(index=False, name=None)
        ),
    ]
    return [[v.item() if hasattr(v, "item") else v for v in row] for row in rows]


def _explained(frame: pd.DataFrame) -> list[str]:
    """The columns of ``frame`` (its named index first) and, in a table of measures (a column
    ``maat``), the measures it lists."""
    columns = ([frame.index.name] if frame.index.name is not None else []) + list(frame.columns)
    rows = frame.index if frame.index.name == MEASURE else frame.get(MEASURE, [])
    return [str(c) for c in columns] + [str(m) for m in rows]


def _explanation_rows(tables: Mapping[str, pd.DataFrame]) -> list[list[object]]:
    return _table_rows(explanation(c for frame in tables.values() for c in _explained(frame)))


def _write_csv_table(rows: list[list[object]], path: Path, preamble: list[str]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        for line in preamble:
            handle.write(f"# {line}\r\n")
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerows([[_csv_value(v) for v in row] for row in rows])


def export_tables(
    tables: Mapping[str, pd.DataFrame], target: str | Path, *, synthetic: bool = False
) -> list[Path]:
    """Write query results to ``.xlsx`` (one sheet per table, then ``uitleg``) or ``.csv``
    (``;``, decimal comma, UTF-8 with BOM; the first table in ``target``, each next one in
    ``<target>-<name>.csv`` beside it); returns the files written.

    Every column is explained, from the measure catalogue: the ``uitleg`` sheet, or in a CSV
    file lines starting with ``#`` above the table (which the CSV loader skips). For synthetic
    data the CSV starts with ``# SYNTHETISCHE DEMODATA ...`` and the workbook gets an ``info``
    sheet saying so.
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"onbekend tabelformaat '{suffix}': kies .csv of .xlsx")
    _make_folder(target.parent)
    if suffix == ".xlsx":
        sheets = {name: _table_rows(frame) for name, frame in tables.items()}
        sheets[EXPLANATION_SHEET] = _explanation_rows(tables)
        if synthetic:
            sheets = {INFO_SHEET: [["let op", SYNTHETIC_WARNING]], **sheets}
        _write_xlsx(sheets, target)
        return [target]
    written = []
    for number, (name, frame) in enumerate(tables.items()):
        path = target if number == 0 else target.with_name(f"{target.stem}-{name}.csv")
        legend = _explanation_rows({name: frame})[1:]
        preamble = [SYNTHETIC_WARNING] if synthetic else []
        preamble += ["uitleg van de kolommen:"]
        preamble += [f"{code}: {title}. {reading}" for code, title, reading, *_ in legend]
        _write_csv_table(_table_rows(frame), path, preamble)
        written.append(path)
    return written


def export_table(frame: pd.DataFrame, target: str | Path, *, synthetic: bool = False) -> Path:
    """Write one query result as :func:`export_tables` does, in a sheet ``resultaat``."""
    return export_tables({RESULT_SHEET: frame}, target, synthetic=synthetic)[0]


def table_bytes(frame: pd.DataFrame, suffix: str, *, synthetic: bool = False) -> bytes:
    """The bytes :func:`export_table` would write to a ``.csv`` or ``.xlsx`` file."""
    with tempfile.TemporaryDirectory() as folder:
        return export_table(
            frame, Path(folder) / f"tabel{suffix}", synthetic=synthetic
        ).read_bytes()
