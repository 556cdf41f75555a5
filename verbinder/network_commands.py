"""CLI commands over the network queries: brokers, profile, compare, change."""

from __future__ import annotations

from datetime import date, datetime

import click
import pandas as pd

from queries.brokers import brokers as brokers_query
from queries.change import network_change
from queries.compare import compare_verbanden
from queries.export import export_table
from queries.profile import PROFILE_MEASURES, verband_profile
from queries.report import UnknownVerbandError
from verbinder.options import _store, dataset_option, store_errors, to_option, verband_option
from verbinder.render import synthetic_banner

__all__ = ["brokers", "change", "compare", "profile"]


def _show(
    frame: pd.DataFrame,
    target: str | None,
    synthetic: bool,
    *,
    index: bool = False,
    columns: list[str] | None = None,
) -> None:
    """Print ``frame`` (only ``columns`` if given) and write all of it to ``target``."""
    if synthetic:
        click.echo(synthetic_banner())
    shown = frame if columns is None else frame[columns]
    with pd.option_context(
        "display.width", 200, "display.max_columns", 12, "display.float_format", "{:.3f}".format
    ):
        click.echo(shown.to_string(index=index))
    if target:
        _write(frame.reset_index() if index else frame, target, synthetic)


def _day(moment: datetime | None) -> date | None:
    return None if moment is None else moment.date()


def _verband_errors(function):
    try:
        return function()
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@dataset_option(default="demo")
@verband_option
@click.option(
    "--groepen",
    "groups",
    type=click.Choice(["sector", "type"]),
    default="sector",
    show_default=True,
    help="Indeling voor de makelaarsrollen.",
)
@click.option("--top", default=15, show_default=True, help="Toon zoveel actoren (0: alle).")
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
    data = _store(ctx).load(dataset)
    frame = _verband_errors(lambda: brokers_query(data, verband, groups=groups))
    shown = frame if top == 0 else frame.head(top)
    columns = [
        "naam",
        "type",
        "rol_totaal",
        "z_totaal",
        "effectieve_omvang",
        "beperking",
        "tussenpositie",
        "se_regulier_aandeel",
        "verloren_paren",
    ]
    _show(shown, None, data.synthetic, columns=columns)
    click.echo(f"Verbonden SE-reguliere paren: {frame.attrs['se_regulier_paren']}.")
    if target:
        _write(frame, target, data.synthetic)


def _write(frame: pd.DataFrame, target: str, synthetic: bool) -> None:
    try:
        export_table(frame, target, synthetic=synthetic)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Geschreven naar {target}.")


@click.command()
@dataset_option(default="demo")
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
    frame = pd.DataFrame({"waarde": result.measures, "betekenis": pd.Series(PROFILE_MEASURES)})
    frame.index.name = "maat"
    _show(frame, target, data.synthetic, index=True)
    click.echo("")
    click.echo(result.groups.to_string(index=False))
    click.echo("")
    click.echo(result.engagement.to_string(index=False))
    if result.measures["regisseur_enige_brug"]:
        click.echo("LET OP: de regisseur is de enige brug tussen sociale en reguliere economie.")


@click.command()
@dataset_option(default="demo")
@to_option
@click.pass_context
@store_errors
def compare(ctx, dataset, target):
    """Vergelijk alle verbanden: ruwe en voor grootte en mix gecorrigeerde maten, met rang.

    \b
    Voorbeeld:
        verbinder compare --to verbanden.xlsx
    """
    data = _store(ctx).load(dataset)
    frame = compare_verbanden(data)
    columns = [
        "verband",
        "actoren",
        "dichtheid",
        "gemiddelde_graad",
        "se_regulier_z",
        "betrokken_aandeel",
        "actoren_per_10k",
        "rang_gemiddelde_graad",
    ]
    _show(frame, target, data.synthetic, columns=columns)


@click.command()
@dataset_option(default="demo")
@click.option("--met", "other", default=None, help="Tweede dataset (standaard: dezelfde).")
@verband_option
@click.option(
    "--van",
    "before_at",
    type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]),
    default=None,
    help="Datum van de eerste toestand (dd/mm/jjjj).",
)
@click.option(
    "--tot",
    "after_at",
    type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]),
    default=None,
    help="Datum van de tweede toestand (dd/mm/jjjj).",
)
@to_option
@click.pass_context
@store_errors
def change(ctx, dataset, other, verband, before_at, after_at, target):
    """Toon wat veranderde: nieuwe en verdwenen relaties en het verschil in elke netwerkmaat.

    Vergelijk twee datasets (--met) of één dataset op twee datums (--van, --tot).

    \b
    Voorbeeld:
        verbinder change --verband gent --van 01/01/2016 --tot 31/12/2019
    """
    store = _store(ctx)
    first = store.load(dataset)
    second = store.load(other) if other else first
    result = _verband_errors(
        lambda: network_change(
            first, second, verband, before_at=_day(before_at), after_at=_day(after_at)
        )
    )
    synthetic = first.synthetic or second.synthetic
    _show(result.measures, target, synthetic, index=True)
    click.echo(f"\nNieuwe relaties: {len(result.new_ties)}; verdwenen: {len(result.lost_ties)}.")
    for title, ties in (("Nieuw", result.new_ties), ("Verdwenen", result.lost_ties)):
        for row in ties.head(10).itertuples(index=False):
            click.echo(f"  {title}: {row.bron_naam} - {row.doel_naam} ({row.soort})")
