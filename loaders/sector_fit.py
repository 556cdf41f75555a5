"""Read the sector-fit table (the shipped default or a user's edited copy), with located errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from verbinder.graphmodel.nace import nace_label, normalise_nace
from verbinder.graphmodel.reference import shipped
from verbinder.graphmodel.sector_fit import FitRule, SectorFit
from verbinder.graphmodel.tables import Column
from verbinder.loaders.problems import LoadError, Problem, ValidationReport
from verbinder.loaders.sheets import SheetReader
from verbinder.loaders.tabular import TableReadError, read_csv_table, read_xlsx_tables

__all__ = ["FIT_COLUMNS", "default_sector_fit", "load_sector_fit"]

FIT_COLUMNS = (
    Column("activiteit", "text", "SE-activiteit, bv. groenonderhoud.", required=True),
    Column(
        "nace",
        "text",
        "NACE-BEL 2008 van werkgevers die ze afnemen: een sectie (letter A-U) of een code "
        "(afdeling 81, groep 81.2, klasse 81.21 of subklasse 81.210); de meest specifieke "
        "regel telt.",
        required=True,
        aliases=("nace_sectie", "nace-code", "nacecode"),
    ),
    Column(
        "gewicht",
        "decimal",
        "1 = sterke match, 0,5 = gedeeltelijke match, 0 = past niet (om een bredere regel "
        "uit te zonderen).",
        required=True,
    ),
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
        written = row.get("nace")
        weight = row.get("gewicht")
        note = row.get("toelichting") or ""
        code = normalise_nace(written) if written is not None else None
        if written is not None and (code is None or nace_label(code) is None):
            row.error(
                "nace",
                f"'{written}' is geen NACE-BEL 2008-code: een sectieletter A-U of een code als "
                "81, 81.2, 81.21 of 81.210",
            )
        if weight is not None and not 0 <= weight <= 1:
            row.error("gewicht", f"het gewicht moet tussen 0 en 1 liggen, niet {weight:g}")
        key = (activity.lower() if activity else None, code)
        if row.ok and key in seen:
            row.error("nace", f"deze combinatie staat er al op rij {seen[key]}")
        if row.ok:
            seen[key] = row.number
            rules.append(FitRule(key[0], code, weight, note))
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
    with resources.as_file(shipped("sector_fit.csv")) as p:
        return _read(Path(p), ValidationReport(str(p)))
