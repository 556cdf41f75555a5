"""The verbanden of a policy cycle (2020-2025, 2026-2031, ...) from a file a user loads.

Verbinder ships the verbanden of 2017-2019 only; another cycle's come from a file with the
columns of the workbook's sheet ``verbanden`` (:data:`graphmodel.tables.SHEETS`): a CSV file, or
an Excel workbook whose sheet ``verbanden`` (or only sheet) holds them. Municipalities may be
given by name (current or former), NIS code or postal code, separated by ``;``. Checks, each
located: a municipality Verbinder does not know, a municipality in two verbanden of the cycle,
an id twice, a ``periode_van``/``periode_tot`` other than the cycle's. When the government
published totals for the cycle (:data:`graphmodel.reference.PUBLISHED_TOTALS`), every
difference with them is a warning: the file may be incomplete, or the published figure older.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from verbinder.graphmodel.fields import from_cells
from verbinder.graphmodel.formatting import count, money
from verbinder.graphmodel.model import RECORDS, Verband
from verbinder.graphmodel.municipalities import PlaceError, code_on
from verbinder.graphmodel.reference import PUBLISHED_TOTALS
from verbinder.graphmodel.tables import SHEETS
from verbinder.loaders.population import Population
from verbinder.loaders.problems import INFO, WARNING, LoadError, Problem, ValidationReport
from verbinder.loaders.sheets import Row, SheetReader
from verbinder.loaders.tabular import TableReadError, read_csv_table, read_xlsx_tables

__all__ = ["PeriodVerbanden", "load_period_verbanden", "with_population"]


@dataclass(frozen=True)
class PeriodVerbanden:
    """The verbanden of one cycle, and what was found while reading them."""

    period: tuple[int, int]
    verbanden: tuple[Verband, ...]
    report: ValidationReport


def _table(path: Path, report: ValidationReport):
    try:
        if path.suffix.lower() != ".xlsx":
            return read_csv_table(path, "verbanden")[0]
        tables = read_xlsx_tables(path)
        return tables.get("verbanden") or next(iter(tables.values()))
    except (TableReadError, StopIteration) as exc:
        problem = getattr(exc, "problem", None) or Problem(path.name, "deze werkmap is leeg")
        report.add(problem)
        raise LoadError(report) from exc


def _places(row: Row, typed: tuple[str, ...], start: date, seen: dict) -> None:
    """Check a verband's municipalities: known, and in no other verband of the cycle (as the
    municipalities were at its start)."""
    verband = row.get("id")
    for text in typed:
        try:
            nis, name = code_on(text, start)
        except PlaceError as exc:
            row.error("gemeenten", str(exc))
            continue
        if nis in seen and seen[nis][0] != verband:
            other, number = seen[nis]
            row.error(
                "gemeenten",
                f"'{text}' ({name}, NIS-code {nis}) hoort al bij verband '{other}' (rij "
                f"{number}); een gemeente hoort bij één verband per periode",
            )
        seen.setdefault(nis, (verband, row.number))


def _totals(result: tuple[Verband, ...], places: int, period, file: str, report) -> None:
    published = PUBLISHED_TOTALS.get(period)
    if published is None:
        return
    subsidies = [v.subsidy_eur for v in result if v.subsidy_eur is not None]
    differences = [
        f"{what}: dit bestand telt {shown(here)}, de bekendmaking noemt {shown(there)}"
        for what, here, there, shown in (
            ("verbanden", len(result), published.regisseurs, count),
            ("gemeenten", places, published.municipalities, count),
            ("subsidie per jaar", sum(subsidies), published.budget_eur, money),
        )
        if here != there and (subsidies or what != "subsidie per jaar")
    ]
    if not subsidies:
        differences.append("subsidie per jaar: geen enkel verband heeft een subsidie ingevuld")
    for difference in differences:
        report.add(Problem(file, difference, level=WARNING))
    if differences:
        report.add(Problem(file, f"bron van die totalen: {published.source}", level=INFO))


def load_period_verbanden(path: str | Path, period: tuple[int, int]) -> PeriodVerbanden:
    """The verbanden of cycle ``period`` (first and last year) from ``path``.

    Raises :class:`loaders.LoadError` with every located problem when any is an error.
    """
    path = Path(path)
    report = ValidationReport(str(path))
    reader = SheetReader(_table(path, report), SHEETS["verbanden"], report)
    result: list[Verband] = []
    ids: dict[str, int] = {}
    places: dict[str, tuple[str, int]] = {}
    for row in reader.rows():
        values = {h: row.get(h) for h in reader.columns}
        if values["id"] in ids:
            row.error("id", f"verband '{values['id']}' staat er al op rij {ids[values['id']]}")
        for header, year in (("periode_van", period[0]), ("periode_tot", period[1])):
            if values[header] not in (None, year):
                row.error(
                    header, f"dit bestand is voor {period[0]}-{period[1]}, niet {values[header]}"
                )
        _places(row, values["gemeenten"] or (), date(period[0], 1, 1), places)
        if row.ok:
            ids[values["id"]] = row.number
            years = {"period_start": period[0], "period_end": period[1]}
            result.append(from_cells(RECORDS["verbanden"], values, **years))
    if not report.ok:
        raise LoadError(report)
    _totals(tuple(result), len(places), period, path.name, report)
    if not report.ok:
        raise LoadError(report)
    return PeriodVerbanden(period, tuple(result), report)


def with_population(loaded: PeriodVerbanden, population: Population) -> PeriodVerbanden:
    """The cycle's verbanden with their inhabitants on 1 January of the population's year: the
    sum over their municipalities as they were then (Nazareth and De Pinte apart in 2020).

    An empty ``inwoners`` is filled in (and the source says where it came from); a number the
    file gave is kept, with a warning when Statbel's differs. A verband with a municipality the
    population does not have keeps its number, with a warning. Raises
    :class:`loaders.LoadError` when the population's year is outside the cycle.
    """
    report = loaded.report
    first, last = loaded.period
    if not first <= population.year <= last:
        report.add(
            Problem(
                population.file,
                f"dit is de bevolking van {population.year}; kies een jaar van de periode "
                f"{first}-{last} (best {first}, het begin van de periode)",
            )
        )
        raise LoadError(report)
    result = tuple(_counted(v, population, report) for v in loaded.verbanden)
    return replace(loaded, verbanden=result)


def _counted(verband: Verband, population: Population, report: ValidationReport) -> Verband:
    day = date(population.year, 1, 1)
    codes = [code_on(name, day) for name in verband.municipalities]
    missing = [name for nis, name in codes if nis not in population.by_nis]
    said = f"verband '{verband.id}'"
    if missing or not codes:
        absent = ", ".join(missing) or "geen gemeenten"
        report.add(Problem(population.file, f"{said}: geen inwoners voor {absent}", level=WARNING))
        return verband
    total = sum(population.by_nis[nis] for nis, _ in codes)
    when = f"1 januari {population.year}"
    if verband.inhabitants is None:
        report.add(
            Problem(population.file, f"{said}: {count(total)} inwoners op {when}", level=INFO)
        )
        source = f"inwoners: Statbel, bevolking op {when} ({population.file})"
        return replace(
            verband,
            inhabitants=total,
            source=source if verband.source is None else f"{verband.source}; {source}",
        )
    if verband.inhabitants != total:
        report.add(
            Problem(
                population.file,
                f"{said}: het bestand zegt {count(verband.inhabitants)} inwoners, Statbel telt "
                f"er {count(total)} op {when}; het getal van het bestand blijft staan",
                level=WARNING,
            )
        )
    return verband
