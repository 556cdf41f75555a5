"""Load the workbook regisseurs fill in (.xlsx, or a folder of CSV files) into a Dataset.

Everything is checked before anything is built: :func:`load_workbook_dataset` either returns
a complete dataset or raises :class:`~loaders.problems.LoadError` with every problem located
by file, sheet, row and column, so an import with any error changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from verbinder.graphmodel.model import Dataset, SourceFile, Verband
from verbinder.loaders.builder import IGNORED_SHEETS, build_dataset
from verbinder.loaders.problems import INFO, WARNING, LoadError, Problem, ValidationReport
from verbinder.loaders.tabular import RawTable, TableReadError, read_csv_table, read_xlsx_tables

__all__ = ["LoadResult", "load_workbook_dataset", "sort_problems"]


@dataclass(frozen=True)
class LoadResult:
    """A dataset read from files, the report (warnings only) and the files' hashes."""

    dataset: Dataset
    report: ValidationReport
    sources: tuple[SourceFile, ...]

    @property
    def sha256(self) -> str:
        """One hash for the whole input (the file's, or a hash of the folder's file hashes)."""
        if len(self.sources) == 1:
            return self.sources[0].sha256
        joined = "\n".join(f"{s.path} {s.sha256}" for s in self.sources)
        return hashlib.sha256(joined.encode()).hexdigest()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_tables(path: Path, report: ValidationReport) -> tuple[dict[str, RawTable], list[Path]]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
        tables = {}
        for file in files:
            table, encoding, delimiter = read_csv_table(file, file.stem)
            tables[file.stem.strip().lower()] = table
            report.add(
                Problem(
                    file.name,
                    f"gelezen als {encoding} met scheidingsteken '{delimiter}'",
                    level=INFO,
                )
            )
        return tables, files
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        tables = read_xlsx_tables(path)
        if path.suffix.lower() == ".xlsm":
            report.add(
                Problem(path.name, "de macro's in deze werkmap worden genegeerd", level=WARNING)
            )
        for key, table in tables.items():
            for ref in table.merged_header:
                report.add(
                    Problem(
                        path.name,
                        f"de cellen {ref} in de koprij zijn samengevoegd; elke kolom met "
                        "gegevens heeft een eigen kop nodig, op de eerste rij van het blad "
                        "(hef het samenvoegen op)",
                        sheet=table.sheet,
                        row=table.header_row,
                        level=WARNING,
                    )
                )
            if table.hidden and key not in IGNORED_SHEETS:  # the template's own lists: not read
                report.add(
                    Problem(
                        path.name,
                        "dit blad is verborgen in Excel; het werd toch ingelezen",
                        sheet=table.sheet,
                        level=WARNING,
                    )
                )
        return tables, [path]
    raise TableReadError(
        Problem(
            path.name,
            "geef een Excel-werkmap (.xlsx), een map met CSV-bestanden "
            "(actoren.csv, relaties.csv, ...) of een JSON-export van Verbinder",
        )
    )


def sort_problems(report: ValidationReport, sheet_order: list[str]) -> None:
    """Order problems as the user reads the file: file-level first, then sheet by sheet."""
    order = {sheet: i for i, sheet in enumerate(sheet_order)}
    report.problems.sort(
        key=lambda p: (p.sheet is not None, order.get(p.sheet, len(order)), p.row or 0)
    )


def load_workbook_dataset(
    path: str | Path, *, name: str, reference: tuple[Verband, ...] | None = None
) -> LoadResult:
    """Read and check a workbook (.xlsx) or a folder of CSV files into dataset ``name``.

    Raises
    ------
    LoadError
        When the input has any error; its ``report`` lists them all.
    """
    path = Path(path)
    report = ValidationReport(str(path))
    if not path.exists():
        report.add(Problem(path.name, "dit bestand of deze map bestaat niet"))
        raise LoadError(report)
    try:
        tables, files = _read_tables(path, report)
    except TableReadError as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    dataset = build_dataset(tables, report, path.name, name, reference)
    sort_problems(report, [table.sheet for table in tables.values()])
    if not report.ok:
        raise LoadError(report)
    sources = tuple(SourceFile(str(f), _sha256(f)) for f in files)
    return LoadResult(dataset.replace(sources=sources), report, sources)
