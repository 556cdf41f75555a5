"""Read the sector-fit table (the shipped default or a user's edited copy), with located errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from graphmodel.nace import SECTION_LABELS
from graphmodel.sector_fit import FitRule, SectorFit
from graphmodel.tables import Column
from loaders.problems import LoadError, Problem, ValidationReport
from loaders.sheets import SheetReader
from loaders.tabular import TableReadError, read_csv_table, read_xlsx_tables

__all__ = ["FIT_COLUMNS", "default_sector_fit", "load_sector_fit"]

FIT_COLUMNS = (
    Column("activiteit", "text", "SE-activiteit, bv. groenonderhoud.", required=True),
    Column(
        "nace_sectie",
        "text",
        "NACE-sectie (letter A-U) van werkgevers die ze afnemen.",
        required=True,
    ),
    Column("gewicht", "decimal", "1 = sterke match, 0,5 = gedeeltelijke match.", required=True),
    Column("toelichting", "text", "Waarom deze sector past."),
)


def _read(path: Path, report: ValidationReport) -> SectorFit:
    try:
        if path.suffix.lower() == ".xlsx":
            tables = read_xlsx_tables(path)
            table = next(iter(tables.values()))
        else:
            table, _, _ = read_csv_table(path, path.stem)
    except TableReadError as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    reader = SheetReader(table, FIT_COLUMNS, report)
    rules, seen = [], {}
    for row in reader.rows():
        activity = row.get("activiteit")
        section = row.get("nace_sectie")
        weight = row.get("gewicht")
        note = row.get("toelichting") or ""
        if section is not None:
            section = section.upper()
            if section not in SECTION_LABELS:
                row.error("nace_sectie", f"'{section}' is geen NACE-sectie (een letter A-U)")
        if weight is not None and not 0 < weight <= 1:
            row.error("gewicht", f"het gewicht moet tussen 0 en 1 liggen, niet {weight:g}")
        key = (activity.lower() if activity else None, section)
        if row.ok and key in seen:
            row.error("nace_sectie", f"deze combinatie staat er al op rij {seen[key]}")
        if row.ok:
            seen[key] = row.number
            rules.append(FitRule(key[0], section, weight, note))
    if not report.ok:
        raise LoadError(report)
    return SectorFit(tuple(rules))


def load_sector_fit(path: str | Path) -> SectorFit:
    """A user's sector-fit table (.csv or .xlsx with the columns of :data:`FIT_COLUMNS`)."""
    path = Path(path)
    report = ValidationReport(str(path))
    if not path.is_file():
        report.add(Problem(path.name, "dit bestand bestaat niet"))
        raise LoadError(report)
    return _read(path, report)


def default_sector_fit() -> SectorFit:
    """The shipped table, ``graphmodel/data/sector_fit.csv``."""
    with resources.as_file(resources.files("graphmodel").joinpath("data", "sector_fit.csv")) as p:
        return _read(Path(p), ValidationReport(str(p)))
