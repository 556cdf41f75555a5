"""CLI commands over the network queries: brokers, profile, compare, change."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from verbinder.graphmodel.formatting import count, error_reason
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.options import (
    DATE,
    _store,
    existing_dataset_option,
    store_errors,
    to_option,
    top_option,
    verband_option,
)
from verbinder.queries.brokers import KEY_COLUMNS
from verbinder.queries.catalogue import measure
from verbinder.queries.change import composition_changes, network_change
from verbinder.queries.kept import brokers_table, compare_table
from verbinder.queries.places import periods_text
from verbinder.queries.presentation import legend_lines
from verbinder.queries.profile import verband_profile
from verbinder.queries.rapport import flanders_report_html, verband_report_html
from verbinder.queries.report import UnknownVerbandError
from verbinder.queries.roster import response_warning, roster_summary
from verbinder.render import (
    banner,
    print_measures,
    print_table,
    terminal_progress,
    write_tables,
)

__all__ = ["brokers", "change", "compare", "profile", "rapport"]


BROKER_SUMMARY = ["naam", "type", *KEY_COLUMNS]
"""The columns ``brokers`` prints; the file of ``--to`` holds them all."""

COMPARE_SUMMARY = [
    "verband",
    "actoren",
    "gemiddelde_graad",
    "se_regulier_verhouding",
    "rang_se_regulier_verhouding",
    "betrokken_aandeel",
    "actoren_per_10k",
]
"""The columns ``compare`` prints; the file of ``--to`` holds them all."""


def _verband_errors(function):
    try:
        return function()
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@existing_dataset_option
@verband_option
@click.option(
    "--groepen",
    "groups",
    type=click.Choice(["sector", "type"]),
    default="sector",
    show_default=True,
    help="Indeling voor de makelaarsrollen.",
)
@top_option(15, "actoren")
@to_option
@click.pass_context
@store_errors
def brokers(ctx, dataset, verband, groups, top, target):
    """Toon wie verbindt in een verband: makelaarsrollen, structurele gaten, centraliteit.

    Bovenaan staat wie het grootste deel van de kortste paden tussen sociale en reguliere
    economie draagt. Met --to komt de volledige tabel in een bestand.

    \b
    Voorbeeld:
        verbinder brokers --verband gent --to gent-verbinders.xlsx
    """
    store = _store(ctx)
    frame = _verband_errors(
        lambda: brokers_table(
            store,
            dataset,
            store.dataset_version(dataset),
            lambda: store.load(dataset),
            verband,
            groups=groups,
        )
    )
    shown = frame if top == 0 else frame.head(top)
    banner(frame.attrs["synthetic"])
    click.echo(f"Gesorteerd op „{measure(KEY_COLUMNS[0]).name}“, hoogste eerst.")
    print_table(shown[BROKER_SUMMARY])
    pairs = count(frame.attrs["se_regulier_paren"])
    click.echo(f"\nVerbonden paren van een SE-organisatie en een reguliere werkgever: {pairs}.")
    write_tables(frame, target, frame.attrs["synthetic"])


@click.command()
@existing_dataset_option
@verband_option
@to_option
@click.pass_context
@store_errors
def profile(ctx, dataset, verband, target):
    """Toon de netwerkmaten van een verband en de rol van de regisseur.

    \b
    Voorbeeld:
        verbinder profile --verband meetjesland
    """
    data = _store(ctx).load(dataset)
    result = _verband_errors(lambda: verband_profile(data, verband))
    banner(data.synthetic)
    print_measures(result.measures, f"Netwerkmaten van {data.verband_by_id[verband].name}")
    click.echo("")
    print_table(result.groups, "Menging per sectorgroep", legend=False)
    click.echo("")
    print_table(result.engagement, "Betrokkenheid per soort organisatie", legend=False)
    click.echo("")
    click.echo("\n".join(legend_lines([*result.groups.columns, *result.engagement.columns])))
    if result.measures["regisseur_enige_brug"]:
        click.echo("LET OP: de regisseur is de enige brug tussen sociale en reguliere economie.")
    measures = result.measures.rename_axis("maat").rename("waarde").reset_index()
    tables = {"netwerkmaten": measures, "sectorgroepen": result.groups}
    survey = roster_summary(data, verband)
    if survey["geantwoord"]:
        click.echo("")
        print_measures(survey, "Netwerkbevraging (wat de partners zelf invulden)")
        if warning := response_warning(survey["respons"]):
            click.echo(f"Let op: {warning}")
        survey_table = pd.Series(survey).rename_axis("maat").rename("waarde").reset_index()
        tables["netwerkbevraging"] = survey_table
    write_tables(tables | {"betrokkenheid": result.engagement}, target, data.synthetic)


@click.command()
@existing_dataset_option
@to_option
@click.pass_context
@store_errors
def compare(ctx, dataset, target):
    """Vergelijk alle verbanden: ruwe en voor grootte en mix gecorrigeerde maten, met rang.

    \b
    Voorbeeld:
        verbinder compare --to verbanden.xlsx
    """
    store = _store(ctx)
    with terminal_progress() as progress:
        frame = compare_table(
            store,
            dataset,
            store.dataset_version(dataset),
            lambda: store.load(dataset),
            progress=progress,
        )
    banner(frame.attrs["synthetic"])
    click.echo(f"Beleidsperiode: {periods_text(frame.attrs['perioden'])}")
    print_table(frame[COMPARE_SUMMARY])
    write_tables(frame, target, frame.attrs["synthetic"])


@click.command()
@existing_dataset_option
@click.option("--met", "other", default=None, help="Tweede dataset (standaard: dezelfde).")
@verband_option
@click.option(
    "--van",
    "before_at",
    type=DATE,
    default=None,
    help="Datum van de eerste toestand (dd/mm/jjjj).",
)
@click.option(
    "--tot",
    "after_at",
    type=DATE,
    default=None,
    help="Datum van de tweede toestand (dd/mm/jjjj).",
)
@to_option
@click.pass_context
@store_errors
def change(ctx, dataset, other, verband, before_at, after_at, target):
    """Toon wat veranderde: nieuwe en verdwenen relaties en het verschil in elke netwerkmaat.

    Vergelijk twee datasets (--met) of één dataset op twee datums (--van, --tot). Bij twee
    datasets (bv. van twee beleidsperioden) zegt Verbinder ook welke verbanden andere gemeenten
    kregen; gemeenten worden vergeleken zoals ze waren vóór de fusies van 2019 en 2025.

    \b
    Voorbeeld:
        verbinder change --verband gent --van 01/01/2016 --tot 31/12/2019
    """
    store = _store(ctx)
    first = store.load(dataset)
    second = store.load(other) if other else first
    result = _verband_errors(
        lambda: network_change(first, second, verband, before_at=before_at, after_at=after_at)
    )
    synthetic = first.synthetic or second.synthetic
    banner(synthetic)
    print_table(result.measures.rename_axis("maat"))
    write_tables(result.measures.rename_axis("maat"), target, synthetic)
    click.echo(f"\nNieuwe relaties: {len(result.new_ties)}; verdwenen: {len(result.lost_ties)}.")
    for title, ties in (("Nieuw", result.new_ties), ("Verdwenen", result.lost_ties)):
        for row in ties.head(10).itertuples(index=False):
            click.echo(f"  {title}: {row.bron_naam} - {row.doel_naam} ({row.soort})")
    if other:
        _composition(first, second, verband)


def _composition(first, second, verband: str) -> None:
    """Say how the municipalities of the verbanden changed between two datasets."""
    cycles = f"{periods_text(first.periods)} -> {periods_text(second.periods)}"
    click.echo(f"\nSamenstelling van de verbanden ({cycles}; gemeenten zoals vóór de fusies):")
    table = composition_changes(first, second).set_index("verband")
    row = table.loc[verband]
    click.echo(f"  {row['naam']}: {row['samenstelling']}")
    for label, column in (("erbij", "gemeenten_erbij"), ("weg", "gemeenten_weg")):
        if row[column]:
            click.echo(f"    gemeenten {label}: {row[column]}")
    others = table[(table.index != verband) & (table["samenstelling"] != "ongewijzigd")]
    if len(others):
        listed = ", ".join(f"{i} ({s})" for i, s in others["samenstelling"].items())
        click.echo(f"  Ook anders samengesteld: {listed}.")
    else:
        click.echo("  De andere verbanden hebben dezelfde gemeenten.")


@click.command()
@existing_dataset_option
@click.option("--verband", default=None, help="Id van het verband (zonder: heel Vlaanderen).")
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False),
    required=True,
    help="Het HTML-bestand om te schrijven (opent in elke browser, drukt af op A4).",
)
@click.pass_context
@store_errors
def rapport(ctx, dataset, verband, target):
    """Schrijf een rapport om door te geven: één HTML-bestand dat zonder internet opent.

    Met --verband: kerncijfers, het netwerk, de regisseur als verbinder, de vier ambities met
    de trechterplot, de ontbrekende schakels en de gaten. Zonder: alle verbanden vergeleken,
    voor WSE. Open het in een browser en druk af (of bewaar als PDF) op A4.

    \b
    Voorbeeld:
        verbinder rapport --verband gent --to rapport-gent.html
    """
    if not target.lower().endswith((".html", ".htm")):
        raise click.ClickException("Het rapport is een HTML-bestand: geef een naam op .html.")
    data = _store(ctx).load(dataset)
    html = _verband_errors(
        lambda: (
            verband_report_html(data, verband, fit=default_sector_fit())
            if verband
            else flanders_report_html(data)
        )
    )
    try:
        Path(target).write_text(html, encoding="utf-8")
    except OSError as exc:
        reason = error_reason(exc)
        raise click.ClickException(f"{target} kan niet geschreven worden: {reason}") from exc
    banner(data.synthetic)
    click.echo(f"Rapport geschreven naar {target}.")
