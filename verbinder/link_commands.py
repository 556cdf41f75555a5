"""CLI commands for missing links and other gaps."""

from __future__ import annotations

import re
import unicodedata

import click
import pandas as pd

from verbinder.graphmodel.formatting import count, number
from verbinder.graphmodel.model import Event
from verbinder.loaders import LoadError
from verbinder.loaders.attendance import match_attendance, read_suggestions, record_attendance
from verbinder.loaders.sector_fit import default_sector_fit, load_sector_fit
from verbinder.options import (
    DATE,
    _store,
    existing_dataset_option,
    store_errors,
    theme_options,
    to_option,
    top_option,
)
from verbinder.queries.event_planner import plan_event as plan_event_query
from verbinder.queries.gaps import verband_gaps
from verbinder.queries.missing_links import FEATURES
from verbinder.queries.missing_links import missing_links as missing_links_query
from verbinder.queries.outcomes import suggestion_outcomes
from verbinder.queries.presentation import legend_lines
from verbinder.queries.report import UnknownVerbandError
from verbinder.render import banner, print_table, terminal_progress, write_tables

__all__ = ["attendance", "gaps", "missing_links", "plan_event"]


def _fit(fit_file: str | None):
    try:
        return load_sector_fit(fit_file) if fit_file else default_sector_fit()
    except LoadError as exc:
        for problem in exc.report.problems:
            click.echo(f"- {problem}", err=True)
        raise click.ClickException("De sectorfit-tabel heeft fouten.") from exc


@click.command(name="missing-links")
@existing_dataset_option
@click.option("--verband", default=None, help="Id van het verband (leeg: heel Vlaanderen).")
@top_option(20, "paren")
@theme_options
@to_option
@click.pass_context
@store_errors
def missing_links(ctx, dataset, verband, municipalities, sectors, top, fit_file, target):
    """Stel ontbrekende schakels voor tussen sociale economie en reguliere werkgevers.

    Elk voorstel is een paar organisaties zonder relatie, met een score en de reden:
    sectorfit, plaats, gemeenschappelijke partners, openheid van de werkgever, capaciteit.

    \b
    Voorbeeld:
        verbinder missing-links --verband meetjesland --sector H --top 10
    """
    data = _store(ctx).load(dataset)
    fit = _fit(fit_file)
    try:
        with terminal_progress() as progress:
            links = missing_links_query(
                data,
                verband,
                municipalities=municipalities or None,
                sectors=sectors or None,
                fit=fit,
                top=top or None,
                progress=progress,
            )
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc
    banner(data.synthetic)
    click.echo(f"{count(links.attrs['kandidaten'])} kandidaat-paren gescoord.")
    for line in links.attrs["dekking"]:
        click.echo(line)
    for row in links.itertuples(index=False):
        click.echo(f"{number(row.score)}  {row.se_naam}  <->  {row.werkgever_naam}")
        click.echo(f"      {row.uitleg}")
    if not links.empty:
        click.echo("\n".join(["", *legend_lines(["score", *FEATURES, "gewenst"])]))
    write_tables(links, target, data.synthetic)


@click.command(name="plan-event")
@existing_dataset_option
@click.option("--verband", required=True, help="Id van het verband, bv. gent.")
@click.option(
    "--capacity",
    "--capaciteit",
    "capacity",
    type=click.IntRange(min=2),
    required=True,
    help="Aantal plaatsen (de regisseur niet meegeteld).",
)
@click.option(
    "--tafelgrootte",
    "table_size",
    type=click.IntRange(min=2),
    default=6,
    show_default=True,
    help="Plaatsen per tafel in de tafelschikking.",
)
@theme_options
@to_option
@click.pass_context
@store_errors
def plan_event(
    ctx, dataset, verband, capacity, table_size, sectors, municipalities, fit_file, target
):
    """Stel een uitnodigingslijst voor een matchmakingevent voor, met de reden per uitnodiging.

    Kiest SE-actoren, werkgevers en tussenpersonen zodat zoveel mogelijk nieuwe, goed
    passende SE-reguliere contacten kunnen ontstaan, in evenwicht tussen beide kanten, en
    nodigt VDAB, een werkgeversorganisatie en het Economisch Huis uit als ze in het verband
    zitten. Met een tafelschikking: wie samen aan tafel zit.

    \b
    Voorbeeld:
        verbinder plan-event --verband gent --capacity 30 --sector H --to uitnodigingen.xlsx
    """
    data = _store(ctx).load(dataset)
    fit = _fit(fit_file)
    try:
        plan = plan_event_query(
            data,
            verband,
            capacity=capacity,
            fit=fit,
            sectors=sectors or None,
            municipalities=municipalities or None,
            table_size=table_size,
        )
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc
    banner(data.synthetic)
    click.echo(
        f"{len(plan)} uitnodigingen; verwacht aantal nieuwe links: "
        f"{number(plan.attrs['verwachte_links'], 1)}"
    )
    for line in plan.attrs["opmerkingen"]:
        click.echo(line)
    for table, guests in plan.groupby("tafel", sort=True):
        click.echo(f"\nTafel {table}:")
        for row in guests.itertuples(index=False):
            click.echo(f"- {row.naam} ({row.kant}): {row.reden}")
    write_tables(plan, target, data.synthetic)


@click.command()
@existing_dataset_option
@click.option("--verband", required=True, help="Id van het verband, bv. gent.")
@click.pass_context
@store_errors
def gaps(ctx, dataset, verband):
    """Toon andere gaten: gemeenten, partnergroepen en SE-actoren zonder werkgever.

    Elke gemeente met een SE-actor op haar grondgebied waarmee ze geen relatie heeft,
    partnergroepen die hier wegblijven terwijl ze in de andere verbanden actief zijn (of, met
    minder dan vijf andere verbanden in de dataset, volgens de bevraging van 2018),
    SE-actoren zonder reguliere werkgever.

    \b
    Voorbeeld:
        verbinder gaps --verband gent
    """
    data = _store(ctx).load(dataset)
    try:
        result = verband_gaps(data, verband)
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc
    banner(data.synthetic)
    print_table(result.municipalities, "Gemeenten en de SE-actoren op hun grondgebied:")
    print_table(
        result.partners,
        "\nPartnergroepen vergeleken met de andere verbanden (of de bevraging van 2018):",
    )
    print_table(
        result.se_without_employer, "\nSE-actoren zonder relatie met een reguliere werkgever:"
    )


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@existing_dataset_option
@click.option("--event", "event_name", required=True, help="Naam van het evenement.")
@click.option("--verband", default=None, help="Verband dat het evenement organiseerde.")
@click.option(
    "--datum",
    type=DATE,
    default=None,
    help="Datum van het evenement (dd/mm/jjjj).",
)
@click.option(
    "--voorstellen",
    "suggestions",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Eerdere export van missing-links om de afloop te meten.",
)
@click.option(
    "--review",
    "review_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Schrijf de twijfelgevallen naar dit .csv- of .xlsx-bestand.",
)
@click.pass_context
@store_errors
def attendance(ctx, file, dataset, event_name, verband, datum, suggestions, review_file):
    """Lees een aanwezigheidslijst in: organisaties koppelen, het evenement en de deelnames bewaren.

    Enkel zekere koppelingen (id, KBO-nummer of dezelfde naam) worden bewaard; twijfelgevallen
    komen op een reviewlijst. Namen en e-mailadressen van personen worden niet bewaard. Voeg
    een kolom 'actor' met de juiste id toe en lees de lijst opnieuw in om ze te koppelen.

    \b
    Voorbeeld:
        verbinder attendance inschrijvingen.csv --event "Matchmaking logistiek" --datum 14/05/2025
    """
    store = _store(ctx)
    data = store.load(dataset)
    try:
        match = match_attendance(file, data)
        pairs = read_suggestions(suggestions) if suggestions else []
    except LoadError as exc:
        for problem in exc.report.errors:
            click.echo(f"- {problem}", err=True)
        raise click.ClickException("Niets ingelezen: verbeter de fouten hierboven.") from exc
    event = Event(_slug(event_name), event_name, datum, verband, "evenement")
    updated = record_attendance(data, event, list(match.matched))
    info = store.save(
        updated,
        replace=True,
        action=f"aanwezigheden {event.id}",
        file=file,
        expected_version=updated.version,
    )
    banner(info.synthetic)
    click.echo(
        f"{len(match.matched)} organisaties gekoppeld en bewaard bij '{event.name}' ({event.id})."
    )
    if match.review:
        click.echo(f"{len(match.review)} rij(en) niet zeker gekoppeld, niets gegokt:")
        rows = []
        for item in match.review:
            options = (
                "; ".join(
                    f"{name} ({actor}, {score:.0%})".replace("%", " %")
                    for actor, name, score in item.suggestions
                )
                or "geen voorstel"
            )
            click.echo(f"- rij {item.row}: '{item.organisation}' -> {options}")
            rows.append(
                {
                    "rij": item.row,
                    "organisatie": item.organisation,
                    "voorstellen": options,
                    "actor": "",
                }
            )
        write_tables(pd.DataFrame(rows), review_file, False)
    if pairs:
        outcome = suggestion_outcomes(updated, event.id, pairs)
        click.echo(
            f"Van {len(pairs)} voorgestelde schakels waren beide organisaties aanwezig bij "
            f"{outcome['beide_aanwezig'].sum()}; {outcome['relatie_nu'].sum()} hebben nu "
            "een relatie."
        )


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "evenement"
