"""CLI commands for missing links and other gaps."""

from __future__ import annotations

import re
import unicodedata

import click
import pandas as pd

from graphmodel.model import Event
from loaders import LoadError
from loaders.attendance import match_attendance, read_suggestions, record_attendance
from loaders.sector_fit import default_sector_fit, load_sector_fit
from queries.event_planner import plan_event as plan_event_query
from queries.export import export_table
from queries.gaps import verband_gaps
from queries.missing_links import missing_links as missing_links_query
from queries.outcomes import suggestion_outcomes
from queries.report import UnknownVerbandError
from verbinder.options import _store, dataset_option, store_errors, theme_options, to_option
from verbinder.render import synthetic_banner

__all__ = ["attendance", "gaps", "missing_links", "plan_event"]


def _fit(fit_file: str | None):
    try:
        return load_sector_fit(fit_file) if fit_file else default_sector_fit()
    except LoadError as exc:
        for problem in exc.report.problems:
            click.echo(f"- {problem}", err=True)
        raise click.ClickException("De sectorfit-tabel heeft fouten.") from exc


def _write(frame: pd.DataFrame, target: str | None, synthetic: bool) -> None:
    if not target:
        return
    try:
        export_table(frame, target, synthetic=synthetic)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Geschreven naar {target}.")


@click.command(name="missing-links")
@dataset_option(default="demo")
@click.option("--verband", default=None, help="Id van het verband (leeg: heel Vlaanderen).")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Toon de beste N paren.",
)
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
        links = missing_links_query(
            data,
            verband,
            municipalities=municipalities or None,
            sectors=sectors or None,
            fit=fit,
            top=top,
        )
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc
    if data.synthetic:
        click.echo(synthetic_banner())
    click.echo(f"{links.attrs['kandidaten']} kandidaat-paren gescoord.")
    for row in links.itertuples(index=False):
        click.echo(f"{row.score:.2f}  {row.se_naam}  <->  {row.werkgever_naam}")
        click.echo(f"      {row.uitleg}")
    _write(links, target, data.synthetic)


@click.command(name="plan-event")
@dataset_option(default="demo")
@click.option("--verband", required=True, help="Id van het verband, bv. gent.")
@click.option(
    "--capacity",
    "--capaciteit",
    "capacity",
    type=click.IntRange(min=2),
    required=True,
    help="Aantal plaatsen (de regisseur niet meegeteld).",
)
@theme_options
@to_option
@click.pass_context
@store_errors
def plan_event(ctx, dataset, verband, capacity, sectors, municipalities, fit_file, target):
    """Stel een uitnodigingslijst voor een matchmakingevent voor, met de reden per uitnodiging.

    Kiest SE-actoren, werkgevers en tussenpersonen zodat zoveel mogelijk nieuwe, goed
    passende SE-reguliere contacten kunnen ontstaan, in evenwicht tussen beide kanten.

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
        )
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc
    if data.synthetic:
        click.echo(synthetic_banner())
    click.echo(
        f"{len(plan)} uitnodigingen; verwacht aantal nieuwe links: "
        f"{plan.attrs['verwachte_links']:.1f}".replace(".", ",")
    )
    for row in plan.itertuples(index=False):
        click.echo(f"- {row.naam} ({row.kant}): {row.reden}")
    _write(plan, target, data.synthetic)


@click.command()
@dataset_option(default="demo")
@click.option("--verband", required=True, help="Id van het verband, bv. gent.")
@click.pass_context
@store_errors
def gaps(ctx, dataset, verband):
    """Toon andere gaten: gemeenten, partnergroepen en SE-actoren zonder werkgever.

    Gemeenten zonder relatie met de SE-actoren op hun grondgebied, partnergroepen die hier
    wegblijven terwijl ze elders actief zijn, SE-actoren zonder reguliere werkgever.

    \b
    Voorbeeld:
        verbinder gaps --verband gent
    """
    data = _store(ctx).load(dataset)
    try:
        result = verband_gaps(data, verband)
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc
    if data.synthetic:
        click.echo(synthetic_banner())
    with pd.option_context("display.width", 200, "display.max_colwidth", 100):
        click.echo("Gemeenten en de SE-actoren op hun grondgebied:")
        click.echo(result.municipalities.to_string(index=False))
        click.echo("\nPartnergroepen tegenover de andere verbanden:")
        click.echo(result.partners.to_string(index=False))
        click.echo("\nSE-actoren zonder relatie met een reguliere werkgever:")
        click.echo(
            result.se_without_employer.to_string(index=False)
            if not result.se_without_employer.empty
            else "  (geen)"
        )


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@dataset_option(default="demo")
@click.option("--event", "event_name", required=True, help="Naam van het evenement.")
@click.option("--verband", default=None, help="Verband dat het evenement organiseerde.")
@click.option(
    "--datum",
    type=click.DateTime(["%d/%m/%Y", "%Y-%m-%d"]),
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
    event = Event(
        _slug(event_name), event_name, datum.date() if datum else None, verband, "evenement"
    )
    updated = record_attendance(data, event, list(match.matched))
    info = store.save(
        updated,
        replace=True,
        action=f"aanwezigheden {event.id}",
        file=file,
        expected_version=updated.version,
    )
    if info.synthetic:
        click.echo(synthetic_banner())
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
        _write(pd.DataFrame(rows), review_file, False)
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
