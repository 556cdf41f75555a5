"""How the CLI shows results on the terminal and writes them to files, in Dutch: headings and
numbers from the presentation layer, a legend under every table, every column explained in the
files it writes."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import click
import pandas as pd

from verbinder.graphmodel.formatting import count, moment, money, percent
from verbinder.graphmodel.progress import Progress, silent
from verbinder.graphmodel.store import DatasetInfo
from verbinder.graphmodel.tables import SYNTHETIC_WARNING
from verbinder.queries.export import RESULT_SHEET, export_tables
from verbinder.queries.places import municipality_list, periods_text
from verbinder.queries.presentation import measure_text, text_table
from verbinder.queries.report import VerbandReport

__all__ = [
    "banner",
    "counts_text",
    "print_measures",
    "print_table",
    "render_datasets",
    "render_report",
    "synthetic_banner",
    "terminal_progress",
    "write_tables",
]


def synthetic_banner() -> str:
    """The line every output of synthetic data starts with."""
    return f"*** {SYNTHETIC_WARNING} ***"


def banner(synthetic: bool) -> None:
    """Print the synthetic-data line when the data is synthetic."""
    if synthetic:
        click.echo(synthetic_banner())


def print_table(frame: pd.DataFrame, title: str | None = None, *, legend: bool = True) -> None:
    """``frame`` with Dutch headings and numbers, under ``title``, with its legend."""
    if title:
        click.echo(title)
    click.echo(text_table(frame, legend=legend))


def print_measures(values: Mapping[str, object], title: str | None = None) -> None:
    """One line per measure: name, value, what it says."""
    if title:
        click.echo(title)
    click.echo(measure_text(values))


@contextmanager
def terminal_progress() -> Iterator[Progress]:
    """A progress bar in Dutch on the terminal (standard error), or nothing when that is not a
    terminal (a pipe, a file, CI): ``step: [#####     ] 50%``, one line per step."""
    stream = sys.stderr
    if not stream.isatty():
        yield silent
        return
    shown = {"step": None, "line": ""}

    def draw(step: str, done: int, total: int | None) -> None:
        if total:
            filled = round(BAR * min(done, total) / total)
            line = f"{step}: [{'#' * filled}{' ' * (BAR - filled)}] {percent(done / total, 0)}"
        else:
            line = f"{step} ..." if not done else f"{step}: klaar"
        if line == shown["line"]:
            return
        if shown["step"] not in (None, step):
            stream.write("\n")
        stream.write(f"\r{line}")
        stream.flush()
        shown.update(step=step, line=line)

    try:
        yield draw
    finally:
        if shown["step"] is not None:
            stream.write("\n")
            stream.flush()


BAR = 30
"""Width of the progress bar in characters."""


def write_tables(
    tables: pd.DataFrame | Mapping[str, pd.DataFrame], target: str | None, synthetic: bool
) -> None:
    """Write one or more tables to ``target`` (.csv or .xlsx) with their explanation."""
    if not target:
        return
    if isinstance(tables, pd.DataFrame):
        tables = {RESULT_SHEET: tables}
    try:
        written = export_tables(tables, target, synthetic=synthetic)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Geschreven naar {', '.join(str(path) for path in written)}.")


def render_report(report: VerbandReport) -> str:
    """The verband report as text: reference facts, actors, engagement, ties."""
    v = report.verband
    lines = []
    if report.synthetic:
        lines += [synthetic_banner(), ""]
    inhabitants = "onbekend" if v.inhabitants is None else count(v.inhabitants)
    subsidy = "onbekend" if v.subsidy_eur is None else money(v.subsidy_eur)
    lines += [
        f"Verband {v.id}: {v.name}",
        f"Dataset: {report.dataset}",
        "",
        "Referentiegegevens",
        f"  Rechtsvorm:      {v.legal_form or 'onbekend'}",
        f"  Provincie:       {v.province or 'onbekend'}",
        f"  Periode:         {periods_text([v.period])}",
        f"  Inwoners:        {inhabitants}",
        f"  Subsidie/jaar:   {subsidy}",
        f"  Centrumstad:     {v.centrumstad or 'geen'}",
        f"  Gemeenten ({len(v.municipalities)}): {municipality_list(v.municipalities)}",
    ]
    if v.note:
        lines.append(f"  Opmerking:       {v.note}")
    if v.source:
        lines.append(f"  Bron:            {v.source}")
    lines += [
        "",
        f"Organisaties per soort ({count(report.n_actors)} in totaal)",
        text_table(report.actors_by_type, legend=False),
        "",
        "Betrokkenheid per type (aantal actoren)",
        text_table(report.engagement_by_type, legend=False),
        "",
        f"Relaties per soort binnen het verband ({count(report.n_ties)} relaties; twee "
        "organisaties met meerdere soorten relaties tellen bij elke soort)",
        text_table(report.ties_by_kind),
    ]
    if report.synthetic:
        lines += ["", synthetic_banner()]
    return "\n".join(lines)


def counts_text(counts: Mapping[str, int]) -> str:
    """``1.764 actoren, 2.488 relaties, ...``"""
    return ", ".join(f"{count(n)} {label}" for label, n in counts.items())


def render_datasets(infos: list[DatasetInfo]) -> str:
    """One line per dataset: name, counts, synthetic flag, version and creation time."""
    if not infos:
        return "Nog geen datasets. Maak er een met 'verbinder demo' of 'verbinder import'."
    lines = []
    for info in infos:
        counts = counts_text(info.counts)
        synthetic = " (synthetisch)" if info.synthetic else ""
        lines.append(
            f"  {info.name}{synthetic}: {counts}; versie {info.version}, "
            f"aangemaakt {moment(info.created)}"
        )
    return "\n".join(lines)
