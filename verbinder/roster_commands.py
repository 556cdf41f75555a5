"""CLI commands of the network survey (netwerkbevraging): make the forms, read them back, show
the round (issue #18)."""

from __future__ import annotations

from pathlib import Path

import click

from verbinder.graphmodel.access import AccessDeniedError
from verbinder.graphmodel.formatting import Kind, format_value
from verbinder.graphmodel.reconcile import DEFAULT_RULE, RULES, TieStatus
from verbinder.loaders import LoadError
from verbinder.loaders.roster_form import write_roster_forms
from verbinder.loaders.roster_read import read_roster_forms
from verbinder.options import (
    _store,
    existing_dataset_option,
    store_errors,
    top_option,
    verband_option,
)
from verbinder.queries.report import UnknownVerbandError
from verbinder.queries.roster import (
    record_roster,
    response_rates,
    response_warning,
    roster_additions,
    roster_comparison,
    roster_members,
    roster_scores,
    roster_summary,
    roster_ties,
)
from verbinder.render import banner, print_measures, print_table

__all__ = ["survey_round"]

TIE_SUMMARY = ["naam_a", "naam_b", "bevestiging", "genoemd_door"]
"""The columns of the relations ``overzicht`` prints."""


def _verband(data, verband: str):
    if verband not in data.verband_by_id:
        raise click.ClickException(str(UnknownVerbandError(verband, sorted(data.verband_by_id))))
    return data.verband_by_id[verband]


@click.group(name="netwerkbevraging")
def survey_round() -> None:
    """Netwerkbevraging: elke partner van het verband vult in met wie hij samenwerkt.

    Een ronde: maak de formulieren, stuur elke organisatie het hare, verzamel de ingevulde
    in één map, lees die in en bekijk het overzicht.

    \b
    Voorbeeld:
        verbinder netwerkbevraging maak --verband gent --naar formulieren/
        verbinder netwerkbevraging lees ingevuld/ --verband gent
        verbinder netwerkbevraging overzicht --verband gent
    """


@survey_round.command(name="maak")
@existing_dataset_option
@verband_option
@click.option(
    "--naar",
    "folder",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de formulieren (wordt gemaakt als ze nog niet bestaat).",
)
@click.option(
    "--ook-zonder-betrokkenheid",
    "everyone",
    is_flag=True,
    help="Ook organisaties met betrokkenheid 'geen' (bv. alle werkgevers uit de KBO).",
)
@click.pass_context
@store_errors
def make(ctx, dataset, verband, folder, everyone):
    """Schrijf één formulier (.xlsx) per partnerorganisatie van het verband.

    Elk formulier draagt de naam van de organisatie en somt de andere organisaties op, per
    soort. Organisaties met betrokkenheid 'geen' krijgen standaard geen formulier.

    \b
    Voorbeeld:
        verbinder netwerkbevraging maak --dataset demo --verband gent --naar formulieren/
    """
    data = _store(ctx).load(dataset)
    banner(data.synthetic)
    members = roster_members(data, verband, everyone=everyone)
    found = _verband(data, verband)
    if len(members) < 2:
        raise click.ClickException(
            f"Verband '{verband}' heeft minder dan twee partners met een betrokkenheid; "
            "gebruik --ook-zonder-betrokkenheid om alle leden op te nemen."
        )
    files = write_roster_forms(
        folder,
        dataset=data.name,
        verband_id=verband,
        verband_name=found.name,
        members=members,
        synthetic=data.synthetic,
    )
    click.echo(f"{len(files)} formulieren geschreven naar {folder}.")


@survey_round.command(name="lees")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@existing_dataset_option
@click.option(
    "--verband", default=None, help="Id van het verband (zonder: dat van de formulieren)."
)
@click.option(
    "--regel",
    "rule",
    type=click.Choice(list(RULES)),
    default=DEFAULT_RULE,
    show_default=True,
    help="Welke relaties in het netwerk komen: reconstructie (bevestigd en die met een "
    "organisatie die niet antwoordde), unie (alle genoemde) of bevestigd (door beide).",
)
@click.pass_context
@store_errors
def read(ctx, folder, dataset, verband, rule):
    """Lees de ingevulde formulieren van een map in (alles of niets).

    Een nieuw formulier van een organisatie vervangt enkel haar vorige antwoorden. De
    relaties uit de bevraging in het netwerk worden opnieuw opgebouwd volgens --regel.

    \b
    Voorbeeld:
        verbinder netwerkbevraging lees ingevuld/ --dataset demo --verband gent
    """
    store = _store(ctx)
    data = store.load(dataset)
    try:
        forms = read_roster_forms(folder, data, verband)
    except LoadError as exc:
        for problem in exc.report.errors:
            click.echo(f"- {problem}", err=True)
        raise click.ClickException("Niets ingelezen: verbeter de fouten hierboven.") from exc
    for problem in forms.report.warnings:
        click.echo(f"- {problem}", err=True)
    try:
        changed = record_roster(data, forms.verband_id, forms.responses, rule=rule)
    except AccessDeniedError as exc:
        raise click.ClickException(str(exc)) from exc
    if changed.same_content(data):
        click.echo(f"{len(forms.responses)} formulier(en) gelezen; niets veranderd.")
        return
    info = store.save(
        changed,
        replace=True,
        action="netwerkbevraging",
        file=folder.name,
        expected_version=data.version,
    )
    click.echo(
        f"{len(forms.responses)} formulier(en) van verband '{forms.verband_id}' ingelezen in "
        f"'{info.name}' (versie {info.version}), regel '{rule}'."
    )
    _print_summary(changed, forms.verband_id)


def _print_summary(data, verband: str) -> None:
    summary = roster_summary(data, verband)
    print_measures(summary, "Netwerkbevraging:")
    warning = response_warning(summary["respons"])
    if warning:
        click.echo(f"Let op: {warning}")


@survey_round.command(name="overzicht")
@existing_dataset_option
@verband_option
@top_option(20, "relaties en organisaties")
@click.pass_context
@store_errors
def overview(ctx, dataset, verband, top):
    """Toon de ronde van een verband: respons per soort, relaties per status, dichtheid per
    regel, vertrouwen en meerwaarde. Een regisseur ziet ook de relaties en de scores per
    organisatie; een analist enkel de totalen.

    \b
    Voorbeeld:
        verbinder netwerkbevraging overzicht --dataset demo --verband gent
    """
    data = _store(ctx).load(dataset)
    banner(data.synthetic)
    rates = response_rates(data, verband)
    _verband(data, verband)
    _print_summary(data, verband)
    click.echo("")
    print_table(rates, "Respons per soort organisatie:")
    click.echo("\nStatus van een relatie:")
    for status in TieStatus:
        click.echo(f"  {status.value}: {status.description}")
    try:
        ties, scores = roster_ties(data, verband), roster_scores(data, verband)
    except AccessDeniedError:
        return
    if top:
        ties, scores = ties.head(top), scores.head(top)
    click.echo("")
    print_table(ties[TIE_SUMMARY], "Relaties uit de bevraging (eerst de eenzijdige):")
    print_table(
        scores.drop(columns="actor"),
        "\nVertrouwen en meerwaarde per organisatie (een gemiddelde vanaf 3 partners):",
    )
    added = roster_additions(data, verband)
    if not added.empty:
        print_table(
            added,
            "\nOrganisaties die partners als ontbrekend opschreven (geen leden; hoort er een "
            "bij het verband, voeg ze dan toe via de werkmap):",
        )


@survey_round.command(name="vergelijk")
@existing_dataset_option
@click.pass_context
@store_errors
def compare(ctx, dataset):
    """Zet de verbanden met een ronde naast elkaar: respons met de 99,8%-grenzen rond de
    respons van alle verbanden samen, dichtheid, vertrouwen en meerwaarde. Geen rangorde:
    verbanden staan op volgorde van hun code.

    \b
    Voorbeeld:
        verbinder netwerkbevraging vergelijk --dataset demo
    """
    data = _store(ctx).load(dataset)
    banner(data.synthetic)
    table = roster_comparison(data)
    if table.empty:
        click.echo("Nog geen enkel verband heeft formulieren van de netwerkbevraging ingelezen.")
        return
    shown = format_value(table.attrs["vlaanderen"], Kind.SHARE, "niet te berekenen")
    print_table(table, f"Netwerkbevraging per verband (respons van deze verbanden samen: {shown}):")
